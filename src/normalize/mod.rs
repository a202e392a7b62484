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
//! A tone mark typed as a combining mark after a consonant, common in the
//! names of the Central Highlands (`Ea Sup` + acute, `Đăk` + acute, `K` +
//! dot below + `rông`), is moved onto the vowel before it (or, after the
//! first consonant of a word, the vowel after it) and placed by the usual
//! rule where the word is a syllable: `Ea Súp`, `Đắk`, `Krộng`.
//!
//! Text that needs none of this comes back borrowed, without allocation.
//! Letters of other languages (`Müller`, `Krông`, `Guðni`) and other stray
//! combining marks are left alone apart from NFC; marks after a digit or a
//! symbol are composed and ordered with it (`=` + U+0338 → `≠`). A word of
//! Vietnamese letters that is no syllable, typed with combining marks, is
//! written as the letters it reads as, as a syllable is (`Lăk` + acute,
//! `La` + acute + breve + `k`: `Lắk`, which NFC cannot compose from the
//! second), with a mark typed twice on one letter written once.
//!
//! [`fold`] is the lossy step for search keys and slugs, kept apart and never
//! applied by `normalize`.
//!
//! ```
//! use vitext::normalize::{fold, FoldMode, NormalizeConfig, Normalizer};
//! use vitext::TonePlacement;
//!
//! let modern = NormalizeConfig::new().tone(TonePlacement::Modern);
//! assert_eq!(Normalizer::new(modern).normalize("Hòa Bình, THỦY").as_str(), "Hoà Bình, THUỶ");
//! assert_eq!(fold("Đà Nẵng – “Tiếng Việt”", FoldMode::Full), "Da Nang – “Tieng Viet”");
//! ```

mod decomposed;
mod fast;
mod fold;
mod offsets;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::Span;
use crate::chars;
use crate::letter::{Case, CombiningMark, Letter, Tone};
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
/// use vitext::normalize::{NormalizeConfig, Normalizer};
/// use vitext::TonePlacement;
///
/// let config = NormalizeConfig::new()
///     .tone(TonePlacement::Traditional)
///     .spaces(false);
/// assert_eq!(Normalizer::new(config).normalize("hoà\u{a0}bình").as_str(), "hòa\u{a0}bình");
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
    ///
    /// ```
    /// use vitext::normalize::{NormalizeConfig, Normalizer};
    /// use vitext::TonePlacement;
    ///
    /// let config = NormalizeConfig::new();
    /// assert_eq!(config, NormalizeConfig::default());
    /// assert_eq!(config.placement(), TonePlacement::Keep);
    /// // Both styles are kept as written; only impossible marks move.
    /// assert_eq!(Normalizer::new(config).normalize("hòa thuỷ baì").as_str(), "hòa thuỷ bài");
    /// ```
    pub const fn new() -> NormalizeConfig {
        NormalizeConfig {
            tone: TonePlacement::Keep,
            confusables: true,
            invisibles: true,
            spaces: true,
        }
    }

    /// Where tone marks of open `oa`/`oe`/`uy` syllables go.
    ///
    /// ```
    /// use vitext::normalize::{NormalizeConfig, Normalizer};
    /// use vitext::TonePlacement;
    ///
    /// let modern = NormalizeConfig::new().tone(TonePlacement::Modern);
    /// assert_eq!(Normalizer::new(modern).normalize("sức khỏe").as_str(), "sức khoẻ");
    /// let traditional = NormalizeConfig::new().tone(TonePlacement::Traditional);
    /// assert_eq!(Normalizer::new(traditional).normalize("sức khoẻ").as_str(), "sức khỏe");
    /// ```
    pub const fn tone(mut self, placement: TonePlacement) -> NormalizeConfig {
        self.tone = placement;
        self
    }

    /// Replace `Ð` (U+00D0) and `ð` (U+00F0) with `Đ` and `đ`. On by default.
    ///
    /// ```
    /// use vitext::normalize::{normalize, NormalizeConfig, Normalizer};
    ///
    /// // Icelandic eth typed for the Vietnamese `Đ`.
    /// let input = "\u{D0}à Nẵng";
    /// assert_eq!(normalize(input).as_str(), "Đà Nẵng");
    /// let off = NormalizeConfig::new().confusables(false);
    /// assert_eq!(Normalizer::new(off).normalize(input).as_str(), input);
    /// ```
    pub const fn confusables(mut self, yes: bool) -> NormalizeConfig {
        self.confusables = yes;
        self
    }

    /// Remove zero-width space, soft hyphen, byte order mark and word joiner.
    /// On by default.
    ///
    /// ```
    /// use vitext::normalize::{normalize, NormalizeConfig, Normalizer};
    ///
    /// // A soft hyphen hidden inside `Quốc`.
    /// let input = "Quố\u{AD}c hội";
    /// assert_eq!(normalize(input).as_str(), "Quốc hội");
    /// let off = NormalizeConfig::new().invisibles(false);
    /// assert_eq!(Normalizer::new(off).normalize(input).as_str(), input);
    /// ```
    pub const fn invisibles(mut self, yes: bool) -> NormalizeConfig {
        self.invisibles = yes;
        self
    }

    /// Turn no-break and other Unicode spaces into U+0020. On by default.
    ///
    /// ```
    /// use vitext::normalize::{normalize, NormalizeConfig, Normalizer};
    ///
    /// let input = "Hải\u{A0}Phòng";
    /// assert_eq!(normalize(input).as_str(), "Hải Phòng");
    /// let off = NormalizeConfig::new().spaces(false);
    /// assert!(Normalizer::new(off).normalize(input).is_unchanged());
    /// ```
    pub const fn spaces(mut self, yes: bool) -> NormalizeConfig {
        self.spaces = yes;
        self
    }

    /// The tone placement.
    ///
    /// ```
    /// use vitext::normalize::NormalizeConfig;
    /// use vitext::TonePlacement;
    ///
    /// let config = NormalizeConfig::new().tone(TonePlacement::Modern);
    /// assert_eq!(config.placement(), TonePlacement::Modern);
    /// assert_eq!(NormalizeConfig::new().placement(), TonePlacement::Keep);
    /// ```
    pub const fn placement(&self) -> TonePlacement {
        self.tone
    }
}

/// A normalizer: [`normalize`] and [`is_normalized`] under one
/// [`NormalizeConfig`]. Cheap to build and to copy; the free functions use
/// the default one.
///
/// ```
/// use vitext::normalize::{NormalizeConfig, Normalizer};
/// use vitext::TonePlacement;
///
/// let modern = Normalizer::new(NormalizeConfig::new().tone(TonePlacement::Modern));
/// assert_eq!(modern.normalize("sức khỏe").as_str(), "sức khoẻ");
/// assert!(modern.is_normalized("hoà bình"));
/// assert!(!modern.is_normalized("hòa bình"));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Normalizer {
    config: NormalizeConfig,
}

impl Normalizer {
    /// A normalizer that works as `config` says. Building one costs
    /// nothing: its tables are compiled in.
    ///
    /// ```
    /// use vitext::{NormalizeConfig, Normalizer, TonePlacement};
    ///
    /// let modern = Normalizer::new(NormalizeConfig::new().tone(TonePlacement::Modern));
    /// assert_eq!(modern.normalize("hòa thủy").as_str(), "hoà thuỷ");
    /// assert_eq!(modern.config().placement(), TonePlacement::Modern);
    /// ```
    pub const fn new(config: NormalizeConfig) -> Normalizer {
        Normalizer { config }
    }

    /// The configuration it was built with.
    pub const fn config(&self) -> &NormalizeConfig {
        &self.config
    }

    /// Normalizes `text`; see the [module documentation](self) for what
    /// changes.
    ///
    /// ```
    /// use vitext::normalize::Normalizer;
    ///
    /// let normalizer = Normalizer::default();
    /// // Already normal: borrowed, nothing allocated.
    /// assert!(normalizer.normalize("Tiếng Việt").is_unchanged());
    /// // Decomposed input, a misplaced mark and a look-alike letter.
    /// let out = normalizer.normalize("Tie\u{302}\u{301}ng Vie\u{323}\u{302}t, Ðaị hoc̣");
    /// assert_eq!(out.as_str(), "Tiếng Việt, Đại học");
    /// ```
    pub fn normalize<'h>(&self, text: &'h str) -> Normalized<'h> {
        let mut builder = Builder {
            text,
            out: String::new(),
            edits: Vec::new(),
            copied: 0,
        };
        scan(text, &self.config, &mut builder);
        builder.finish()
    }

    /// Whether [`Normalizer::normalize`] would leave `text` as it is.
    /// Allocates nothing.
    ///
    /// ```
    /// use vitext::normalize::{NormalizeConfig, Normalizer};
    /// use vitext::TonePlacement;
    ///
    /// let modern = Normalizer::new(NormalizeConfig::new().tone(TonePlacement::Modern));
    /// assert!(modern.is_normalized("hoà bình"));
    /// assert!(!modern.is_normalized("hòa bình"));
    /// assert!(Normalizer::default().is_normalized("hòa bình"));
    /// ```
    pub fn is_normalized(&self, text: &str) -> bool {
        let mut checker = Checker { clean: true };
        scan(text, &self.config, &mut checker);
        checker.clean
    }
}

/// Normalizes `text` with the default [`NormalizeConfig`] (tone placement
/// kept, every repair on); [`Normalizer`] takes another.
///
/// ```
/// use vitext::normalize::normalize;
///
/// let out = normalize("Tie\u{302}\u{301}ng Vie\u{323}\u{302}t, Ðaị hoc̣");
/// assert_eq!(out.as_str(), "Tiếng Việt, Đại học");
/// ```
pub fn normalize(text: &str) -> Normalized<'_> {
    Normalizer::default().normalize(text)
}

/// Whether [`normalize`] would leave `text` as it is. Allocates nothing.
///
/// ```
/// use vitext::normalize::is_normalized;
///
/// assert!(is_normalized("hòa bình"));
/// assert!(!is_normalized("baì"));
/// ```
pub fn is_normalized(text: &str) -> bool {
    Normalizer::default().is_normalized(text)
}

/// Where the scanner reports the pieces that change.
trait Sink {
    /// Whether the sink wants the replacement text, or only to know that
    /// something changes.
    const WANTS_TEXT: bool;

    /// Whether precomposed letters may skip the parser when the spelling
    /// automaton (`fast::letters_placed`) finds their tone in place. Tests
    /// turn it off to check the automaton against the parser.
    const SHORTCUTS: bool = true;

    /// Whether decomposed syllables may be looked up whole (see
    /// `decomposed`). Tests turn it off to check the table against the full
    /// path.
    const WHOLE_WORDS: bool = true;

    /// Records that `span` of the input becomes `replacement`. Returns
    /// `false` to stop the scan.
    fn replace(&mut self, text: &str, span: Span, replacement: &str) -> bool;

    /// Records that `span` becomes `new`, which certainly differs from it.
    /// Returns `false` to stop the scan.
    fn replace_with(&mut self, text: &str, span: Span, new: impl Iterator<Item = char>) -> bool;
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
        Normalized::from_parts(self.text, self.out, self.edits)
    }
}

impl Sink for Builder<'_> {
    const WANTS_TEXT: bool = true;

    fn replace(&mut self, text: &str, span: Span, replacement: &str) -> bool {
        self.replace_with(text, span, replacement.chars())
    }

    fn replace_with(&mut self, text: &str, span: Span, new: impl Iterator<Item = char>) -> bool {
        if self.edits.is_empty() {
            self.out.reserve(text.len() + 16);
        }
        self.out
            .push_str(text.get(self.copied..span.start).unwrap_or(""));
        let start = self.out.len();
        self.out.extend(new);
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

    fn replace_with(&mut self, _: &str, _: Span, _: impl Iterator<Item = char>) -> bool {
        self.clean = false;
        false
    }
}

/// Whether `c` (not ASCII) belongs to a run of word characters: a letter of
/// any script, a combining mark, a look-alike, or an invisible character
/// that the config removes (so that `ba\u{200B}ì` is repaired as one word).
#[inline]
fn is_run_char(c: char, config: &NormalizeConfig) -> bool {
    // General punctuation (dashes, quotes, ellipsis, per mille …) is common
    // in news and never part of a word; the invisibles U+200B and U+2060
    // lie outside these ranges.
    if matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}') {
        return false;
    }
    if ('\u{300}'..'\u{370}').contains(&c) {
        // Combining diacritical marks.
        return true;
    }
    Letter::from_char(c).is_some()
        || chars::confusable(c).is_some()
        || chars::is_combining(c)
        || (config.invisibles && chars::is_invisible(c))
        || c.is_alphabetic()
}

/// The scanner: walks the text once and hands every piece that changes to
/// the sink. The fast path skips what certainly stays; the rest, a word or
/// one character at a time, takes the full path.
fn scan<S: Sink>(text: &str, config: &NormalizeConfig, sink: &mut S) {
    scan_with(text, config, sink, |i| {
        fast::skip_unchanged(text, i, config.tone, |c| is_run_char(c, config))
    });
}

/// [`scan`] with another way to skip what stays: `skip(i)` says where,
/// from `i`, the full path must look next. Tests skip less to check that
/// the fast path changes nothing.
fn scan_with<S: Sink>(
    text: &str,
    config: &NormalizeConfig,
    sink: &mut S,
    skip: impl Fn(usize) -> fast::Stop,
) {
    let mut i = 0;
    let mut scratch = String::new();
    loop {
        let at = match skip(i) {
            fast::Stop::End => return,
            fast::Stop::Word(start) => start,
            fast::Stop::Char(at) => at,
        };
        // A decomposed syllable, found whole.
        if S::WHOLE_WORDS {
            if let Some((end, composed)) = decomposed::find(text.as_bytes(), at, config.tone) {
                if !sink.replace(text, Span::new(at, end), composed.as_str()) {
                    return;
                }
                i = end;
                continue;
            }
        }
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            return;
        };
        // Marks right after a character that is no letter (which the fast
        // path passed over unchanged) are composed and ordered with it:
        // `=` + U+0338 is `≠`.
        // Only where NFC joins them does the mark leave its run.
        let before = text.get(..at).and_then(|b| b.chars().next_back());
        let end = at + mark_run_len(text, at, config);
        let marks = text.get(at..end).unwrap_or("");
        let has_mark = marks.chars().any(chars::is_combining);
        if let Some(prev) = before.filter(|&p| {
            has_mark
                && !(p.is_ascii_alphabetic() || is_run_char(p, config) || chars::is_odd_space(p))
        }) {
            let start = at - prev.len_utf8();
            let visible = marks
                .chars()
                .filter(|&m| !(config.invisibles && chars::is_invisible(m)));
            let joined = core::iter::once(prev).chain(visible.clone()).nfc();
            let apart = core::iter::once(prev).chain(visible.nfc());
            if !joined.eq(apart) {
                i = end;
                if !emit_cluster(text, Span::new(start, end), config, sink, &mut scratch) {
                    return;
                }
                continue;
            }
        }
        if c.is_ascii_alphabetic() || is_run_char(c, config) {
            let Some(end) = process_run(text, at, config, sink, &mut scratch) else {
                return;
            };
            // A run always extends past the character that started it.
            i = end.max(at + c.len_utf8());
            continue;
        }
        let mut span = Span::new(at, at + c.len_utf8());
        // The marks after a character that is no letter belong to it: NFC
        // may reorder them into its decomposition (`\u{1D161}` + fathatan)
        // or compose them with it (`=` + U+0338 is `≠`).
        let marks = mark_run_len(text, span.end, config);
        if marks > 0 && !chars::is_odd_space(c) {
            span = Span::new(at, span.end + marks);
            i = span.end;
            if !emit_cluster(text, span, config, sink, &mut scratch) {
                return;
            }
            continue;
        }
        i = span.end;
        if config.spaces && chars::is_odd_space(c) {
            if !sink.replace(text, span, " ") {
                return;
            }
        } else if is_nfc_quick(core::iter::once(c)) != IsNormalized::Yes
            && !emit(text, span, core::iter::once(c).nfc(), sink, &mut scratch)
        {
            return;
        }
    }
}

/// The length in bytes of the combining marks starting at `at`, and of
/// the invisible characters among them that the config removes.
fn mark_run_len(text: &str, at: usize, config: &NormalizeConfig) -> usize {
    text.get(at..).map_or(0, |rest| {
        rest.chars()
            .take_while(|&m| {
                chars::is_combining(m) || (config.invisibles && chars::is_invisible(m))
            })
            .map(char::len_utf8)
            .sum()
    })
}

/// Writes `span`, a character that is no letter and the marks after it, in
/// NFC, without the invisibles the config removes; `false` when the sink
/// asked to stop.
fn emit_cluster<S: Sink>(
    text: &str,
    span: Span,
    config: &NormalizeConfig,
    sink: &mut S,
    scratch: &mut String,
) -> bool {
    let cluster = text.get(span.range()).unwrap_or("");
    let kept = cluster
        .chars()
        .filter(|&c| !(config.invisibles && chars::is_invisible(c)));
    if kept.clone().count() == cluster.chars().count()
        && is_nfc_quick(cluster.chars()) == IsNormalized::Yes
    {
        return true;
    }
    emit(text, span, kept.nfc(), sink, scratch)
}

/// What the scan of one run found.
struct Run {
    end: usize,
    letters: [Letter; MAX_LETTERS],
    count: usize,
    /// How many letters carry a tone.
    toned: usize,
    /// How many invisible characters the run holds.
    invisibles: usize,
    /// Every character was a Vietnamese letter, a look-alike, an invisible or
    /// a Vietnamese mark attached to a letter, and there were few enough
    /// letters to be a syllable.
    letters_only: bool,
    /// Rendering the letters would change the bytes even with the tone in
    /// place: combining marks, look-alikes, invisibles, a doubled tone.
    dirty: bool,
    /// A look-alike or invisible that the generic path must map.
    mapped: bool,
    /// A tone mark typed after a consonant was moved onto the last vowel
    /// (`hoc` + dot below): right only if the letters spell a syllable, which
    /// the parser decides.
    moved: bool,
    /// A tone mark typed after a consonant with no vowel before it (`K` +
    /// dot below + `rông`): it goes to the next vowel.
    pending: Option<CombiningMark>,
    /// A tone was typed after a consonant that other languages mark
    /// (`n` + tilde is Spanish `ñ`, `n` + acute Polish `ń`): outside a
    /// syllable it stays where it was typed.
    foreign: bool,
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
    run.dirty |= run.toned > 1;
    let span = Span::new(start, run.end);
    let surface = text.get(span.range()).unwrap_or("");

    let letters = &run.letters[..run.count];
    if run.invisibles > 0 && !(run.letters_only && Syllable::from_letters(letters).is_some()) {
        // Invisible characters inside one syllable (`ba\u{200B}ì`) are
        // dropped; between words they separate them, like the space they
        // stand for: each part is normalized on its own, parts joined by a
        // space.
        if !S::WANTS_TEXT {
            return sink.replace(text, span, "").then_some(run.end);
        }
        let mut joined = String::with_capacity(surface.len());
        for part in surface.split(chars::is_invisible).filter(|p| !p.is_empty()) {
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(Normalizer::new(*config).normalize(part).as_str());
        }
        return emit(text, span, joined.chars(), sink, scratch).then_some(run.end);
    }
    if run.letters_only {
        // Letters whose tone is already in place only need composing; only
        // the rest is parsed.
        if (S::SHORTCUTS || run.dirty) && !run.moved && fast::letters_placed(letters, config.tone) {
            if !run.dirty {
                return Some(run.end);
            }
            // Dirty letters (marks, look-alikes, a doubled tone) always
            // compose to something else.
            let composed = letters.iter().map(|l| l.to_char());
            return sink.replace_with(text, span, composed).then_some(run.end);
        }
        if let Some(syllable) = Syllable::from_letters(letters) {
            if !run.dirty && !syllable.is_repaired() && syllable.is_placed(config.tone) {
                return Some(run.end);
            }
            let rendered = syllable.chars(config.tone);
            return emit(text, span, rendered, sink, scratch).then_some(run.end);
        }
    }

    // Not a Vietnamese syllable, but every character a letter and a tone
    // typed on a consonant (`Cư Jut` + acute, `Đăk` + acute, `K` + dot
    // below + `rông`): the tone stays on the vowel it was moved to. Letters
    // with marks or look-alikes and one tone at most are written as the
    // letters they were read as, as a syllable's are (`Đa` + acute + breve
    // + `k` is `Đắk`, which NFC cannot compose; a mark typed twice on a
    // letter is written once).
    let as_read = if run.moved {
        !run.foreign
    } else {
        run.dirty && run.toned <= 1
    };
    if run.letters_only && as_read {
        let composed = letters.iter().map(|l| l.to_char());
        return emit(text, span, composed, sink, scratch).then_some(run.end);
    }

    // Not a Vietnamese syllable: only map look-alikes and invisibles, and
    // compose.
    let mut previous: Option<char> = None;
    let mapped = surface.chars().map(move |c| {
        let here = chars::is_lookalike_here(
            c,
            previous.is_none(),
            previous.is_some_and(char::is_uppercase),
        );
        let mapped = match chars::confusable(c) {
            Some(letter) if here && config.confusables => letter,
            _ => c,
        };
        // Marks belong to the letter before them: the previous character
        // that counts is that letter, as after composition.
        if !chars::is_combining(c) {
            previous = Some(c);
        }
        mapped
    });
    // (The run's reading maps an eth only after a letter it kept; the map
    // above also after one it passed over, `àÐÐ`: the text is unchanged
    // only if neither maps one, whatever NFC finds, so that text NFC
    // changes elsewhere is repaired the same way.)
    let unmapped = || mapped.clone().eq(surface.chars());
    if !run.mapped && is_nfc_quick(mapped.clone()) == IsNormalized::Yes && unmapped() {
        return Some(run.end);
    }
    emit(text, span, mapped.nfc(), sink, scratch).then_some(run.end)
}

/// Hands `span` and its new characters to the sink if they differ from the
/// text. Returns `false` when the sink asked to stop.
fn emit<S: Sink>(
    text: &str,
    span: Span,
    new: impl Iterator<Item = char>,
    sink: &mut S,
    scratch: &mut String,
) -> bool {
    let surface = text.get(span.range()).unwrap_or("");
    if S::WANTS_TEXT {
        scratch.clear();
        scratch.extend(new);
        scratch.as_str() == surface || sink.replace(text, span, scratch)
    } else {
        new.eq(surface.chars()) || sink.replace(text, span, "")
    }
}

// Inlined into its one caller: returned by value, the run's letters were
// stored a byte at a time and copied out in wider loads, which stalled.
#[inline(always)]
fn scan_run(text: &str, start: usize, config: &NormalizeConfig) -> Run {
    let bytes = text.as_bytes();
    let mut run = Run {
        end: start,
        letters: [Letter::from_ascii(b'a'); MAX_LETTERS],
        count: 0,
        toned: 0,
        invisibles: 0,
        letters_only: true,
        dirty: false,
        mapped: false,
        moved: false,
        pending: None,
        foreign: false,
    };
    let mut j = start;
    while let Some(&b) = bytes.get(j) {
        // Letters first, ASCII without decoding: they are nearly every
        // character of a run.
        let letter = if b < 0x80 {
            if !b.is_ascii_alphabetic() {
                break;
            }
            j += 1;
            Letter::from_ascii(b)
        } else {
            let (c, len) = chars::decode_char(bytes, j);
            // The marks of decomposed Vietnamese first: they follow nearly
            // every vowel there.
            if let Some(mark) = CombiningMark::from_char(c) {
                add_mark(&mut run, mark);
                j += len;
                continue;
            }
            if let Some(letter) = Letter::from_char(c) {
                j += len;
                letter
            } else if ('\u{300}'..'\u{370}').contains(&c) || is_run_char(c, config) {
                // Combining diacritical marks are checked first: decomposed
                // text has one after nearly every vowel.
                j += len;
                add_other(&mut run, c, config);
                continue;
            } else {
                break;
            }
        };
        let letter = match run.pending {
            Some(mark) if letter.is_vowel() => {
                run.pending = None;
                syllable::apply_mark(letter, mark).unwrap_or_else(|| {
                    run.letters_only = false;
                    letter
                })
            }
            _ => letter,
        };
        if run.count < MAX_LETTERS {
            run.toned += usize::from(letter.tone() != Tone::Level);
            run.letters[run.count] = letter;
            run.count += 1;
        } else {
            run.letters_only = false;
        }
    }
    // A tone that found no vowel stays where it was typed.
    if run.pending.is_some() {
        run.letters_only = false;
    }
    run.end = j;
    run
}

/// Adds a run character that is not a precomposed letter: a look-alike, an
/// invisible, a combining mark or a letter of another alphabet.
fn add_other(run: &mut Run, c: char, config: &NormalizeConfig) {
    // Marks first: they are nearly every such character in decomposed text.
    if let Some(mark) = CombiningMark::from_char(c) {
        add_mark(run, mark);
        return;
    }
    let previous = run.count.checked_sub(1).and_then(|i| run.letters.get(i));
    let at_start = previous.is_none() && run.invisibles == 0;
    let after_capital = previous.is_some_and(|l| l.case() == Case::Upper);
    if let Some(mapped) = chars::confusable(c)
        .filter(|_| config.confusables && chars::is_lookalike_here(c, at_start, after_capital))
    {
        run.dirty = true;
        run.mapped = true;
        match Letter::from_char(mapped) {
            Some(letter) if run.count < MAX_LETTERS => {
                run.letters[run.count] = letter;
                run.count += 1;
            }
            _ => run.letters_only = false,
        }
    } else if config.invisibles && chars::is_invisible(c) {
        run.dirty = true;
        run.mapped = true;
        run.invisibles += 1;
    } else {
        run.letters_only = false;
    }
}

/// Attaches a Vietnamese combining mark to the letter it belongs to.
fn add_mark(run: &mut Run, mark: CombiningMark) {
    // Decomposed input always renders differently.
    run.dirty = true;
    let previous = run
        .count
        .checked_sub(1)
        .and_then(|i| run.letters.get_mut(i));
    // A tone typed after the final consonant (`hoc` + dot below) is the
    // syllable's tone: it goes to the last vowel, and the parser places it.
    let previous = match (previous, mark) {
        (Some(p), CombiningMark::Tone(_)) if !p.is_vowel() => {
            run.moved = true;
            // Only the consonants that end (or open) the syllables of the
            // Central Highlands' names: `Đăk`, `Jut`, `Sup`, `K` + `rông`.
            run.foreign |= !matches!(p.to_char().to_ascii_lowercase(), 'k' | 'p' | 't' | 'h');
            let vowel = run
                .letters
                .get_mut(..run.count)
                .and_then(|letters| letters.iter_mut().rev().find(|l| l.is_vowel()));
            if vowel.is_none() && run.pending.is_none() {
                // Typed after the first consonant (`K` + dot below +
                // `rông`): the next vowel takes it.
                run.pending = Some(mark);
                return;
            }
            vowel
        }
        (previous, _) => previous,
    };
    match previous.and_then(|p| syllable::apply_mark(*p, mark).map(|l| (p, l))) {
        Some((slot, marked)) => {
            if matches!(mark, CombiningMark::Tone(_)) && slot.tone() == Tone::Level {
                run.toned += 1;
            }
            *slot = marked;
        }
        None => run.letters_only = false,
    }
}

#[cfg(test)]
mod tests;
