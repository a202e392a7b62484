//! The fast path: a byte-level check that a word of precomposed letters is
//! already normal, without a full syllable parse.
//!
//! It restates the placement rule structurally (the mark goes on the last
//! vowel with a modifier; else on the only vowel, the second of a closed
//! pair, the first of an open pair, the middle of three) and answers "don't
//! know" whenever anything else could apply: combining marks, look-alikes,
//! letters of other alphabets, a second tone, or one of the parser's letter
//! repairs. A test checks it against the parser on every rime.

use crate::letter::{Letter, NOT_A_LETTER, char_info};
use crate::syllable::{MAX_LETTERS, TonePlacement};

/// Bit set of the vowel base letters `a e i o u y`, indexed by `base - 'a'`.
const VOWELS: u32 = 1 | 1 << 4 | 1 << 8 | 1 << 14 | 1 << 20 | 1 << 24;

const fn idx(c: u8) -> u8 {
    c - b'a'
}

/// If the word starting at `start` is made of precomposed letters only and
/// the normalizer certainly leaves it unchanged, returns where it ends.
/// `None` means "take the full path"; so does a word that does not start
/// with a letter. `is_run_char` says whether a non-letter, non-ASCII
/// character continues the word.
#[inline]
pub(super) fn unchanged_word_end(
    text: &str,
    start: usize,
    placement: TonePlacement,
    is_run_char: impl Fn(char) -> bool,
) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut j = start;
    let mut shape = Shape::default();
    while let Some(&b) = bytes.get(j) {
        if b < 0x80 {
            let lower = b | 0x20;
            if !lower.is_ascii_lowercase() {
                break;
            }
            shape.push_plain(lower - b'a')?;
            j += 1;
            continue;
        }
        let (info, len) = {
            let (c, len) = decode_at(text, j)?;
            if ('\u{300}'..'\u{370}').contains(&c) {
                // A combining mark: decomposed input takes the full path.
                return None;
            }
            let info = char_info(c);
            if info == NOT_A_LETTER {
                if is_run_char(c) {
                    return None;
                }
                break;
            }
            (info, len)
        };
        shape.push(info)?;
        j += len;
    }
    (shape.n > 0 && shape.is_placed(placement)).then_some(j)
}

/// The facts about a word that decide its tone placement: each letter's base
/// and, as bit sets over letter positions, which are vowels, which have a
/// modifier and which carry a tone.
#[derive(Default)]
pub(super) struct Shape {
    bases: [u8; MAX_LETTERS],
    n: usize,
    vowels: u32,
    modified: u32,
    toned: u32,
}

impl Shape {
    /// The shape of letters already taken apart.
    #[inline]
    pub(super) fn from_letters(letters: &[Letter]) -> Option<Shape> {
        let mut shape = Shape::default();
        for letter in letters {
            shape.push(letter.packed_info())?;
        }
        Some(shape)
    }

    /// Adds an ASCII letter (no modifier, no tone) given by `base - 'a'`.
    #[inline(always)]
    fn push_plain(&mut self, base: u8) -> Option<()> {
        let n = self.n;
        *self.bases.get_mut(n)? = base;
        self.vowels |= ((VOWELS >> base) & 1) << n;
        self.n = n + 1;
        Some(())
    }

    /// Adds a letter given by its packed info; `None` past the longest
    /// syllable.
    #[inline]
    fn push(&mut self, info: u8) -> Option<()> {
        let n = self.n;
        let slot = self.bases.get_mut(n)?;
        let base = info & 0x1F;
        *slot = base;
        let vowel = (VOWELS >> base) & 1;
        self.vowels |= vowel << n;
        self.modified |= (vowel & u32::from((info >> 5) & 1)) << n;
        self.toned |= u32::from((info >> 6) & 1) << n;
        self.n = n + 1;
        Some(())
    }

    /// Whether parsing and rendering these letters with `placement`
    /// certainly gives them back unchanged; `false` means "parse to find
    /// out".
    #[inline(always)]
    pub(super) fn is_placed(&self, placement: TonePlacement) -> bool {
        let Shape {
            ref bases,
            n,
            vowels,
            modified,
            toned,
        } = *self;
        if toned & (toned.wrapping_sub(1)) != 0 {
            // Two tones.
            return false;
        }
        if vowels == 0 {
            return toned == 0;
        }
        let first_vowel = vowels.trailing_zeros() as usize;
        let vowel_end = first_vowel + (vowels >> first_vowel).trailing_ones() as usize;
        if vowels >> vowel_end != 0 {
            // Two groups of vowels: not one syllable.
            return false;
        }
        if may_need_letter_repair(&bases[..n], first_vowel, vowel_end, modified) {
            return false;
        }
        if toned == 0 {
            return true;
        }
        let toned = toned.trailing_zeros() as usize;
        let mut start = first_vowel;
        // `qu` and `gi` before another vowel are onsets.
        if start == 1 && vowel_end > 2 && modified & 0b10 == 0 {
            let pair = (bases[0], bases[1]);
            if pair == (idx(b'q'), idx(b'u')) || pair == (idx(b'g'), idx(b'i')) {
                start = 2;
            }
        }
        let count = vowel_end - start;
        let closed = vowel_end < n;
        let cluster_mods = modified >> start;
        let expected = if cluster_mods != 0 {
            31 - modified.leading_zeros() as usize
        } else {
            match (count, closed) {
                (1, _) => start,
                (2, true) | (3, _) => start + 1,
                (2, false) if has_style_choice(bases[start], bases[start + 1]) => match placement {
                    TonePlacement::Traditional => start,
                    TonePlacement::Modern => start + 1,
                    TonePlacement::Keep if toned == start || toned == start + 1 => toned,
                    TonePlacement::Keep => return false,
                },
                (2, false) => start,
                _ => return false,
            }
        };
        toned == expected
    }
}

/// Decodes the character at byte `j` of `text`, which is not ASCII, with
/// its length. Vietnamese letters are two bytes (U+00C0..U+01B0) or three
/// (U+1EA0..U+1EF9) and are decoded inline; `None` when `j` is not on a
/// character boundary.
#[inline(always)]
pub(super) fn decode_at(text: &str, j: usize) -> Option<(char, usize)> {
    let bytes = text.as_bytes();
    let (cp, len) = match (bytes.get(j), bytes.get(j + 1), bytes.get(j + 2)) {
        (Some(&b @ 0xC2..=0xDF), Some(&b1), _) => {
            (u32::from(b & 0x1F) << 6 | u32::from(b1 & 0x3F), 2)
        }
        (Some(&b @ 0xE0..=0xEF), Some(&b1), Some(&b2)) => (
            u32::from(b & 0x0F) << 12 | u32::from(b1 & 0x3F) << 6 | u32::from(b2 & 0x3F),
            3,
        ),
        _ => {
            let c = text.get(j..)?.chars().next()?;
            return Some((c, c.len_utf8()));
        }
    };
    Some((char::from_u32(cp)?, len))
}

/// Open `oa`, `oe`, `uy` without modifiers.
#[inline]
fn has_style_choice(first: u8, second: u8) -> bool {
    matches!(
        (first + b'a', second + b'a'),
        (b'o', b'a') | (b'o', b'e') | (b'u', b'y')
    )
}

/// Whether a letter repair of the parser could apply: `gh`/`ngh` onsets
/// (they lose the `h` before a back vowel) and `uơ`/`ưo` (the missing horn
/// of `ươ`).
#[inline]
fn may_need_letter_repair(
    bases: &[u8],
    first_vowel: usize,
    vowel_end: usize,
    modified: u32,
) -> bool {
    let (g, h, n, o, u) = (idx(b'g'), idx(b'h'), idx(b'n'), idx(b'o'), idx(b'u'));
    let front = |b: Option<&u8>| matches!(b.map(|b| b + b'a'), Some(b'i' | b'e' | b'y'));
    let gh_onset = match bases {
        [a, b, ..] if first_vowel == 2 => *a == g && *b == h,
        [a, b, c, ..] if first_vowel == 3 => *a == n && *b == g && *c == h,
        _ => false,
    } && !front(bases.get(first_vowel));
    gh_onset
        || (first_vowel..vowel_end.saturating_sub(1)).any(|i| {
            bases.get(i) == Some(&u)
                && bases.get(i + 1) == Some(&o)
                && ((modified >> i) & 1) != ((modified >> (i + 1)) & 1)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::{Case, Letter, Tone};
    use crate::syllable::Syllable;

    /// Every onset shape × every rime × every coda × every tone on every
    /// letter: when the fast path says "unchanged", parsing and rendering
    /// must agree.
    #[test]
    fn agrees_with_the_parser() {
        let onsets = [
            "", "b", "gi", "qu", "ngh", "gh", "g", "th", "tr", "đ", "q", "k",
        ];
        let codas = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];
        let mut certain = 0;
        for onset in onsets {
            for rime in crate::syllable::rime_keys() {
                for coda in codas {
                    let word = format!("{onset}{rime}{coda}");
                    let base: Vec<Letter> = word.chars().filter_map(Letter::from_char).collect();
                    for at in 0..base.len() {
                        for tone in Tone::ALL {
                            for case in [Case::Lower, Case::Upper] {
                                let mut letters = base.clone();
                                letters[at] = letters[at].with_tone(tone);
                                letters[0] = letters[0].with_case(case);
                                let input: String = letters.iter().map(|l| l.to_char()).collect();
                                for placement in [
                                    TonePlacement::Keep,
                                    TonePlacement::Traditional,
                                    TonePlacement::Modern,
                                ] {
                                    let Some(end) =
                                        unchanged_word_end(&input, 0, placement, |_| false)
                                    else {
                                        continue;
                                    };
                                    assert_eq!(end, input.len());
                                    certain += 1;
                                    let Some(s) = Syllable::from_letters(&letters) else {
                                        continue;
                                    };
                                    assert_eq!(s.render(placement), input, "{placement:?}");
                                }
                            }
                        }
                    }
                }
            }
        }
        assert!(
            certain > 10_000,
            "the fast path must decide most cases: {certain}"
        );
    }

    #[test]
    fn word_ends() {
        let p = TonePlacement::Keep;
        assert_eq!(unchanged_word_end("việc làm", 0, p, |_| false), Some(6));
        assert_eq!(unchanged_word_end("Hòa.", 0, p, |_| false), Some(4));
        assert_eq!(unchanged_word_end("baì", 0, p, |_| false), None);
        assert_eq!(unchanged_word_end("nuớc", 0, p, |_| false), None);
        assert_eq!(unchanged_word_end("nghành", 0, p, |_| false), None);
        assert_eq!(unchanged_word_end("“", 0, p, |_| false), None);
        assert_eq!(unchanged_word_end("tiê\u{301}ng", 0, p, |_| true), None);
    }
}
