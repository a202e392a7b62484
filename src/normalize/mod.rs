//! Normalization: NFC repair, tone placement, look-alikes and invisible
//! characters, with a map back to the original offsets; and folding for
//! search.
//!
//! [`normalize`] is lossless in the sense that matters for Vietnamese: it
//! changes how a text is encoded, never which syllables it says. It
//!
//! - composes decomposed and mixed input into precomposed letters (NFC),
//!   including a precomposed vowel followed by a combining tone mark;
//! - moves tone marks that sit on the wrong vowel (`baì` → `bài`,
//!   `chìêu` → `chiều`, `lựơng` → `lượng`), by parsing the syllable, never by
//!   looking words up;
//! - writes the tone of open `oa`/`oe`/`uy` syllables in the chosen
//!   [`TonePlacement`];
//! - replaces the look-alikes `Ð`/`ð` with `Đ`/`đ`, removes zero-width space,
//!   soft hyphen and byte order marks, and turns no-break and other Unicode
//!   spaces into plain spaces (each a switch of [`NormalizeConfig`], on by
//!   default).
//!
//! Text that needs none of this comes back borrowed, without allocation.
//! Letters of other languages (`Müller`, `Krông`) and stray combining marks
//! are left alone apart from NFC.
//!
//! [`fold`] is the lossy step for search keys and slugs, kept apart and never
//! applied by `normalize`.
//!
//! ```
//! use vitext::normalize::{fold, normalize, FoldMode, NormalizeConfig};
//! use vitext::TonePlacement;
//!
//! let modern = NormalizeConfig::new().tone(TonePlacement::Modern);
//! assert_eq!(normalize("Hòa Bình, THỦY", &modern).as_str(), "Hoà Bình, THUỶ");
//! assert_eq!(fold("Đà Nẵng – “Tiếng Việt”", FoldMode::Full), "Da Nang – “Tieng Viet”");
//! ```

mod chars;
mod fold;
mod offsets;

use core::fmt;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::Span;
use crate::letter::{CombiningMark, Letter, Tone};
use crate::syllable::{self, MAX_LETTERS, Syllable, TonePlacement};
pub use fold::{FoldMode, fold};
pub use offsets::{Edge, Normalized};

/// What [`normalize`] does. Build it with [`NormalizeConfig::new`] and the
/// setters; the default keeps tone placement as written and turns every
/// character repair on.
///
/// Composition (NFC) and the repair of misplaced tone marks are always done:
/// they are what normalizing Vietnamese means.
///
/// ```
/// use vitext::normalize::{normalize, NormalizeConfig};
/// use vitext::TonePlacement;
///
/// let config = NormalizeConfig::new()
///     .tone(TonePlacement::Traditional)
///     .spaces(false);
/// assert_eq!(normalize("hoà\u{a0}bình", &config).as_str(), "hòa\u{a0}bình");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct NormalizeConfig {
    tone: TonePlacement,
    confusables: bool,
    invisibles: bool,
    spaces: bool,
}

impl Default for NormalizeConfig {
    fn default() -> NormalizeConfig {
        NormalizeConfig::new()
    }
}

impl NormalizeConfig {
    /// The default: [`TonePlacement::Keep`], every character repair on.
    pub const fn new() -> NormalizeConfig {
        NormalizeConfig {
            tone: TonePlacement::Keep,
            confusables: true,
            invisibles: true,
            spaces: true,
        }
    }

    /// Where tone marks of open `oa`/`oe`/`uy` syllables go.
    pub const fn tone(mut self, placement: TonePlacement) -> NormalizeConfig {
        self.tone = placement;
        self
    }

    /// Replace `Ð` (U+00D0) and `ð` (U+00F0) with `Đ` and `đ`. On by default.
    pub const fn confusables(mut self, yes: bool) -> NormalizeConfig {
        self.confusables = yes;
        self
    }

    /// Remove zero-width space, soft hyphen, byte order mark and word joiner.
    /// On by default.
    pub const fn invisibles(mut self, yes: bool) -> NormalizeConfig {
        self.invisibles = yes;
        self
    }

    /// Turn no-break and other Unicode spaces into U+0020. On by default.
    pub const fn spaces(mut self, yes: bool) -> NormalizeConfig {
        self.spaces = yes;
        self
    }

    /// The tone placement.
    pub const fn placement(&self) -> TonePlacement {
        self.tone
    }
}

/// Normalizes `text`; see the [module documentation](self) for what changes.
///
/// ```
/// use vitext::normalize::{normalize, NormalizeConfig};
///
/// let config = NormalizeConfig::default();
/// // Already normal: borrowed, nothing allocated.
/// assert!(normalize("Tiếng Việt", &config).is_unchanged());
/// // Decomposed input, a misplaced mark and a look-alike letter.
/// let out = normalize("Tie\u{302}\u{301}ng Vie\u{323}\u{302}t, Ðaị hoc̣", &config);
/// assert_eq!(out.as_str(), "Tiếng Việt, Đại học");
/// ```
pub fn normalize<'h>(text: &'h str, config: &NormalizeConfig) -> Normalized<'h> {
    let mut builder = Builder {
        text,
        out: String::new(),
        edits: Vec::new(),
        copied: 0,
    };
    scan(text, config, &mut builder);
    builder.finish()
}

/// Whether [`normalize`] would leave `text` as it is. Allocates nothing.
///
/// ```
/// use vitext::normalize::{is_normalized, NormalizeConfig};
/// use vitext::TonePlacement;
///
/// let modern = NormalizeConfig::new().tone(TonePlacement::Modern);
/// assert!(is_normalized("hoà bình", &modern));
/// assert!(!is_normalized("hòa bình", &modern));
/// assert!(is_normalized("hòa bình", &NormalizeConfig::default()));
/// ```
pub fn is_normalized(text: &str, config: &NormalizeConfig) -> bool {
    let mut checker = Checker { clean: true };
    scan(text, config, &mut checker);
    checker.clean
}

/// Where the scanner reports the pieces that change.
trait Sink {
    /// Whether the sink wants the replacement text, or only to know that
    /// something changes.
    const WANTS_TEXT: bool;

    /// Records that `span` of the input becomes `replacement`. Returns
    /// `false` to stop the scan.
    fn replace(&mut self, text: &str, span: Span, replacement: &str) -> bool;
}

struct Builder<'h> {
    text: &'h str,
    out: String,
    edits: Vec<(Span, Span)>,
    copied: usize,
}

impl<'h> Builder<'h> {
    fn finish(mut self) -> Normalized<'h> {
        if self.edits.is_empty() {
            return Normalized::unchanged(self.text);
        }
        self.out
            .push_str(self.text.get(self.copied..).unwrap_or(""));
        Normalized::from_parts(self.out, self.edits)
    }
}

impl Sink for Builder<'_> {
    const WANTS_TEXT: bool = true;

    fn replace(&mut self, text: &str, span: Span, replacement: &str) -> bool {
        if self.edits.is_empty() {
            self.out.reserve(text.len() + 16);
        }
        self.out
            .push_str(text.get(self.copied..span.start).unwrap_or(""));
        let start = self.out.len();
        self.out.push_str(replacement);
        self.edits.push((span, Span::new(start, self.out.len())));
        self.copied = span.end;
        true
    }
}

struct Checker {
    clean: bool,
}

impl Sink for Checker {
    const WANTS_TEXT: bool = false;

    fn replace(&mut self, _: &str, _: Span, _: &str) -> bool {
        self.clean = false;
        false
    }
}

/// Whether `c` (not ASCII) belongs to a run of word characters: a letter of
/// any script, a combining mark, a look-alike, or an invisible character
/// that the config removes (so that `ba\u{200B}ì` is repaired as one word).
#[inline]
fn is_run_char(c: char, config: &NormalizeConfig) -> bool {
    Letter::from_char(c).is_some()
        || chars::confusable(c).is_some()
        || unicode_normalization::char::is_combining_mark(c)
        || (config.invisibles && chars::is_invisible(c))
        || c.is_alphabetic()
}

/// The scanner: walks the text once, hands every piece that changes to the
/// sink, and skips ASCII outside words byte by byte.
fn scan<S: Sink>(text: &str, config: &NormalizeConfig, sink: &mut S) {
    let bytes = text.as_bytes();
    let mut i = 0;
    // Where the current run of ASCII letters started (== i when there is none).
    let mut word_start = 0;
    let mut scratch = String::new();
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            i += 1;
            if !b.is_ascii_alphabetic() {
                word_start = i;
            }
            continue;
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            return;
        };
        if is_run_char(c, config) {
            let Some(end) = process_run(text, word_start, config, sink, &mut scratch) else {
                return;
            };
            // A run always extends past the character that started it.
            i = end.max(i + c.len_utf8());
            word_start = i;
            continue;
        }
        let span = Span::new(i, i + c.len_utf8());
        i = span.end;
        word_start = i;
        if config.spaces && chars::is_odd_space(c) {
            if !sink.replace(text, span, " ") {
                return;
            }
        } else if is_nfc_quick(core::iter::once(c)) != IsNormalized::Yes {
            scratch.clear();
            scratch.extend(core::iter::once(c).nfc());
            if text.get(span.range()) != Some(scratch.as_str()) {
                let replacement = if S::WANTS_TEXT { scratch.as_str() } else { "" };
                if !sink.replace(text, span, replacement) {
                    return;
                }
            }
        }
    }
}

/// What the scan of one run found.
struct Run {
    end: usize,
    letters: [Letter; MAX_LETTERS],
    count: usize,
    /// Every character was a Vietnamese letter, a look-alike, an invisible or
    /// a Vietnamese mark attached to a letter, and there were few enough
    /// letters to be a syllable.
    letters_only: bool,
    /// Rendering the letters would change the bytes even with the tone in
    /// place: combining marks, look-alikes, invisibles, a doubled tone.
    dirty: bool,
    /// A look-alike or invisible that the generic path must map.
    mapped: bool,
}

/// Scans one run of word characters starting at `start`, and reports the
/// change if it has one. Returns the end of the run, or `None` when the sink
/// asked to stop.
fn process_run<S: Sink>(
    text: &str,
    start: usize,
    config: &NormalizeConfig,
    sink: &mut S,
    scratch: &mut String,
) -> Option<usize> {
    let mut run = scan_run(text, start, config);
    // The same tone on two letters is merged when rendering.
    let toned = run.letters[..run.count]
        .iter()
        .filter(|l| l.tone() != Tone::Level)
        .count();
    run.dirty |= toned > 1;
    let span = Span::new(start, run.end);
    let surface = text.get(span.range()).unwrap_or("");

    if run.letters_only {
        let letters = &run.letters[..run.count];
        if !run.dirty && syllable::is_certainly_unchanged(letters, config.tone) {
            return Some(run.end);
        }
        if let Some(syllable) = Syllable::from_letters(letters) {
            if !run.dirty && !syllable.is_repaired() && syllable.is_placed(config.tone) {
                return Some(run.end);
            }
            let mut rendered = SmallText::default();
            if syllable.write_to(&mut rendered, config.tone).is_ok() {
                let rendered = rendered.as_str();
                if rendered != surface && !sink.replace(text, span, rendered) {
                    return None;
                }
                return Some(run.end);
            }
        }
    }

    // Not a Vietnamese syllable: only map look-alikes and invisibles, and
    // compose.
    let mapped = surface
        .chars()
        .filter(|&c| !(config.invisibles && chars::is_invisible(c)))
        .map(|c| {
            if config.confusables {
                chars::confusable(c).unwrap_or(c)
            } else {
                c
            }
        });
    if !run.mapped && is_nfc_quick(mapped.clone()) == IsNormalized::Yes {
        return Some(run.end);
    }
    scratch.clear();
    scratch.extend(mapped.nfc());
    if scratch.as_str() != surface {
        let replacement = if S::WANTS_TEXT { scratch.as_str() } else { "" };
        if !sink.replace(text, span, replacement) {
            return None;
        }
    }
    Some(run.end)
}

fn scan_run(text: &str, start: usize, config: &NormalizeConfig) -> Run {
    let mut run = Run {
        end: start,
        letters: [Letter::from_char('a').unwrap_or_else(|| unreachable!()); MAX_LETTERS],
        count: 0,
        letters_only: true,
        dirty: false,
        mapped: false,
    };
    let rest = text.get(start..).unwrap_or("");
    for (offset, c) in rest.char_indices() {
        // Letters first: they are nearly every character of a run.
        let letter = if let Some(letter) = Letter::from_char(c) {
            Some(letter)
        } else if c.is_ascii() || !is_run_char(c, config) {
            run.end = start + offset;
            return run;
        } else if let Some(mapped) = chars::confusable(c).filter(|_| config.confusables) {
            run.dirty = true;
            run.mapped = true;
            Letter::from_char(mapped)
        } else if config.invisibles && chars::is_invisible(c) {
            run.dirty = true;
            run.mapped = true;
            continue;
        } else {
            if let Some(mark) = CombiningMark::from_char(c) {
                // Decomposed input always renders differently.
                run.dirty = true;
                let previous = run
                    .count
                    .checked_sub(1)
                    .and_then(|i| run.letters.get_mut(i));
                match previous.and_then(|p| syllable::apply_mark(*p, mark).map(|l| (p, l))) {
                    Some((slot, marked)) => *slot = marked,
                    None => run.letters_only = false,
                }
            } else {
                run.letters_only = false;
            }
            continue;
        };
        match letter {
            Some(letter) if run.count < MAX_LETTERS => {
                run.letters[run.count] = letter;
                run.count += 1;
            }
            _ => run.letters_only = false,
        }
    }
    run.end = start + rest.len();
    run
}

/// A fixed buffer for one rendered syllable (at most seven letters of at
/// most three bytes), so that checking a syllable never allocates.
#[derive(Default)]
struct SmallText {
    buf: [u8; 32],
    len: usize,
}

impl SmallText {
    fn as_str(&self) -> &str {
        core::str::from_utf8(self.buf.get(..self.len).unwrap_or(&[])).unwrap_or("")
    }
}

impl fmt::Write for SmallText {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        let dst = self.buf.get_mut(self.len..end).ok_or(fmt::Error)?;
        dst.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

#[cfg(test)]
mod tests;
