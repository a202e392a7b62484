//! Letter runs: the scanner's hot loop, and the syllable check on it.
//!
//! A run of Latin letters is read through a table that gives, for every
//! letter of the Vietnamese model, its six-bit toneless code, its tone and
//! its case, so the run is packed into one `u64` key as it is read; the
//! syllable check is then one lookup (see `validity`). Decomposed input
//! (combining marks) takes a slower exact path through
//! [`Letter`](crate::letter::Letter) values.

use once_cell::sync::Lazy;

use super::scan::decode;
use super::validity;
use super::{Casing, TokenKind};
use crate::letter::{Case, CombiningMark, Letter, Tone};
use crate::syllable::{MAX_LETTERS, apply_mark};

/// Letters of the Latin script, Vietnamese included: ASCII, Latin-1,
/// Extended-A and -B, IPA, Latin Extended Additional.
pub(super) fn is_latin_letter(c: char) -> bool {
    matches!(c, 'a'..='z' | 'A'..='Z' | '\u{C0}'..='\u{24F}' | '\u{250}'..='\u{2AF}' | '\u{1E00}'..='\u{1EFF}')
        && c != '\u{D7}'
        && c != '\u{F7}'
}

/// Combining marks, which belong to the letter before them.
pub(super) fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Running counts for a token's [`Casing`].
#[derive(Clone, Copy, Default)]
pub(super) struct CaseCount {
    pub letters: u32,
    upper: u32,
    first_upper: bool,
}

impl CaseCount {
    #[inline]
    pub fn push(&mut self, upper: bool) {
        if self.letters == 0 {
            self.first_upper = upper;
        }
        self.letters = self.letters.saturating_add(1);
        self.upper = self.upper.saturating_add(u32::from(upper));
    }

    pub fn add(&mut self, other: CaseCount) {
        if self.letters == 0 {
            self.first_upper = other.first_upper;
        }
        self.letters = self.letters.saturating_add(other.letters);
        self.upper = self.upper.saturating_add(other.upper);
    }

    pub fn casing(self) -> Casing {
        if self.upper == 0 {
            Casing::Lower
        } else if self.upper == self.letters && self.letters >= 2 {
            Casing::Upper
        } else if self.first_upper && self.upper == 1 {
            Casing::Title
        } else {
            Casing::Mixed
        }
    }

    pub fn all_upper(self) -> bool {
        self.letters > 0 && self.upper == self.letters
    }
}

/// What the scanner needs to know about a letter: bits 0–5 its toneless
/// code (never 0), bits 6–8 its tone (index in [`Tone::ALL`]), bit 9 set for
/// a capital. 0 for characters that are no letter of the model.
type LetterInfo = u16;

struct LetterTable {
    /// U+0000 to U+024F: ASCII, Latin-1, Latin Extended-A and -B.
    low: Vec<LetterInfo>,
    /// U+1EA0 to U+1EFF: the Vietnamese block of Latin Extended Additional.
    vietnamese: Vec<LetterInfo>,
}

const LOW_END: u32 = 0x250;
const VIETNAMESE: core::ops::Range<u32> = 0x1EA0..0x1F00;

static LETTERS: Lazy<LetterTable> = Lazy::new(|| {
    let info = |cp: u32| -> LetterInfo {
        let Some(letter) = char::from_u32(cp).and_then(Letter::from_char) else {
            return 0;
        };
        let tone = Tone::ALL
            .iter()
            .position(|&t| t == letter.tone())
            .unwrap_or(0);
        let upper = u16::from(letter.case() == Case::Upper);
        u16::from(validity::letter_code(letter)) | (tone as u16) << 6 | upper << 9
    };
    LetterTable {
        low: (0..LOW_END).map(info).collect(),
        vietnamese: VIETNAMESE.map(info).collect(),
    }
});

impl LetterTable {
    #[inline]
    fn get(&self, c: char) -> LetterInfo {
        let cp = c as u32;
        if cp < LOW_END {
            self.low.get(cp as usize).copied().unwrap_or(0)
        } else if VIETNAMESE.contains(&cp) {
            self.vietnamese
                .get((cp - VIETNAMESE.start) as usize)
                .copied()
                .unwrap_or(0)
        } else {
            0
        }
    }
}

/// A maximal run of Latin letters and the combining marks after them.
pub(super) struct LetterRun {
    /// One past the run's last byte.
    pub end: usize,
    /// Letters seen.
    pub count: usize,
    /// Every character is a letter of the Vietnamese model (or a Vietnamese
    /// mark that applies to the letter before it), as `Syllable::parse` needs.
    pub model: bool,
    pub case: CaseCount,
    /// The toneless letters, six bits each (the first letter highest).
    key: u64,
    /// The tone written, as an index in [`Tone::ALL`] (0 for none).
    tone: u8,
    /// Two different tones were written.
    tone_clash: bool,
}

impl LetterRun {
    /// Scans from `start`, which holds a Latin letter.
    #[inline]
    pub fn scan(bytes: &[u8], start: usize) -> LetterRun {
        let table = &*LETTERS;
        let mut run = LetterRun {
            end: start,
            count: 0,
            model: true,
            case: CaseCount::default(),
            key: 0,
            tone: 0,
            tone_clash: false,
        };
        let mut marks = false;
        let mut i = start;
        while let Some(&b) = bytes.get(i) {
            if b < 0x80 {
                let info = table.low.get(usize::from(b)).copied().unwrap_or(0);
                if info == 0 {
                    break;
                }
                run.push(info);
                i += 1;
                continue;
            }
            let (c, len) = decode(bytes, i);
            let info = table.get(c);
            if info != 0 {
                run.push(info);
            } else if CombiningMark::from_char(c).is_some() {
                marks = true;
            } else if is_combining(c) {
                run.model = false;
            } else if is_latin_letter(c) {
                run.model = false;
                run.case.push(c.is_uppercase());
                run.count += 1;
            } else {
                break;
            }
            i += len;
        }
        run.end = i;
        if marks && run.model {
            run.apply_marks(bytes, start);
        }
        run
    }

    #[inline]
    fn push(&mut self, info: LetterInfo) {
        self.key = (self.key << 6) | u64::from(info & 0x3F);
        let tone = ((info >> 6) & 7) as u8;
        if tone != 0 {
            if self.tone == 0 {
                self.tone = tone;
            } else if self.tone != tone {
                self.tone_clash = true;
            }
        }
        self.case.push(info & 0x200 != 0);
        self.count += 1;
    }

    /// The exact path for decomposed text: rebuilds the letters with their
    /// marks applied, as `Syllable::parse` does, and packs them again.
    #[cold]
    fn apply_marks(&mut self, bytes: &[u8], start: usize) {
        let Some(filler) = Letter::from_char('a') else {
            return;
        };
        let mut letters = [filler; MAX_LETTERS];
        let mut n = 0usize;
        let mut i = start;
        while i < self.end {
            let (c, len) = decode(bytes, i);
            i += len;
            if let Some(letter) = Letter::from_char(c) {
                if let Some(slot) = letters.get_mut(n) {
                    *slot = letter;
                }
                n += 1;
            } else if let Some(mark) = CombiningMark::from_char(c) {
                let prev = n.checked_sub(1).and_then(|k| letters.get_mut(k));
                match prev.and_then(|p| apply_mark(*p, mark).map(|l| (p, l))) {
                    Some((p, letter)) => *p = letter,
                    None => self.model = false,
                }
            }
        }
        let letters = &letters[..n.min(MAX_LETTERS)];
        self.key = letters
            .iter()
            .fold(0, |k, &l| (k << 6) | u64::from(validity::letter_code(l)));
        self.tone = 0;
        self.tone_clash = false;
        for l in letters {
            let tone = Tone::ALL.iter().position(|&t| t == l.tone()).unwrap_or(0) as u8;
            if tone != 0 && self.tone != 0 && tone != self.tone {
                self.tone_clash = true;
            } else if tone != 0 {
                self.tone = tone;
            }
        }
    }

    /// Whether the run is one valid Vietnamese syllable; agrees with
    /// [`Syllable::parse`](crate::Syllable::parse) on the run's text.
    #[inline]
    pub fn is_syllable(&self) -> bool {
        self.model
            && (1..=MAX_LETTERS).contains(&self.count)
            && !self.tone_clash
            && validity::is_valid(
                self.key,
                Tone::ALL[usize::from(self.tone) % Tone::ALL.len()],
            )
    }

    /// The kind of the run as a token of its own.
    pub fn kind(&self) -> TokenKind {
        if self.is_syllable() {
            TokenKind::Syllable(self.case.casing())
        } else if self.case.casing() == Casing::Upper {
            TokenKind::Abbreviation
        } else {
            TokenKind::Word(self.case.casing())
        }
    }
}
