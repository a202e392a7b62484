//! A word as one byte of facts per letter packed in a `u64`, and the tone
//! placement rule restated on it: bit masks gathered from the facts say
//! which letters are vowels, carry a modifier or a tone, and the rule reads
//! them (the mark goes on the last vowel with a modifier; else on the only
//! vowel, the second of a closed pair, the first of an open pair, the
//! middle of three), answering "don't know" whenever the parser could do
//! anything else: a second tone, two groups of vowels, or one of its letter
//! repairs.

use crate::letter::{Letter, Modifier, Tone};
use crate::syllable::{MAX_LETTERS, TonePlacement};

/// The facts about one letter in a byte: bits 0–4 its base (`base - b'a'`,
/// or [`O_HORN`] for `ơ`), then [`MODIFIED`] (a vowel with breve,
/// circumflex or horn), [`TONED`] and [`VOWEL`].
pub(super) const MODIFIED: u8 = 1 << 5;
/// See [`MODIFIED`].
pub(super) const TONED: u8 = 1 << 6;
/// See [`MODIFIED`].
pub(super) const VOWEL: u8 = 1 << 7;
/// The base code of `ơ`, apart from `o` and `ô`: `uơ` and `ưo` are the
/// parser's repairs, `uô` is not.
pub(super) const O_HORN: u8 = 26;
/// Not a letter: no letter has base 31.
pub(super) const NOT_A_LETTER: u8 = 0xFF;
/// Bit set of the vowel base codes `a e i o u y ơ`.
pub(super) const VOWELS: u32 = 1 | 1 << 4 | 1 << 8 | 1 << 14 | 1 << 20 | 1 << 24 | 1 << O_HORN;

/// The facts of a letter already taken apart, as in [`INFO`].
#[inline]
pub(super) fn letter_info(letter: Letter) -> u8 {
    let base = (letter.base() as u8).wrapping_sub(b'a') & 0x1F;
    let vowel = (VOWELS >> base) & 1 != 0;
    let modifier = letter.modifier();
    let base = if modifier == Modifier::Horn && u64::from(base) == code(b'o') {
        O_HORN
    } else {
        base
    };
    let modified = vowel && modifier != Modifier::None;
    let toned = vowel && letter.tone() != Tone::Level;
    base | u8::from(modified) << 5 | u8::from(toned) << 6 | u8::from(vowel) << 7
}

/// Bytes with only their lowest bit set, to gather one flag of each letter.
const LOW_BITS: u64 = 0x0101_0101_0101_0101;

/// The base code of an ASCII letter.
pub(super) const fn code(letter: u8) -> u64 {
    (letter - b'a') as u64
}

/// A word of up to [`MAX_LETTERS`] letters, one byte of facts each.
pub(super) struct Word {
    packed: u64,
    n: usize,
}

impl Word {
    #[inline(always)]
    pub(super) fn new(packed: u64, n: usize) -> Word {
        Word { packed, n }
    }

    /// The word of letters already taken apart; `None` past the longest
    /// syllable.
    #[inline]
    pub(super) fn from_letters(letters: &[Letter]) -> Option<Word> {
        if letters.len() > MAX_LETTERS {
            return None;
        }
        let packed = letters
            .iter()
            .enumerate()
            .fold(0, |p, (i, &l)| p | u64::from(letter_info(l)) << (8 * i));
        Some(Word::new(packed, letters.len()))
    }

    /// The letters whose byte has `flag`, as a bit set over positions.
    #[inline(always)]
    pub(super) fn mask(&self, flag: u8) -> u32 {
        let bits = (self.packed >> flag.trailing_zeros()) & LOW_BITS;
        // The multiplication moves byte i's low bit to bit 56 + i.
        (bits.wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32
    }

    /// Whether parsing and rendering these letters with `placement`
    /// certainly gives them back unchanged; `false` means "parse to find
    /// out".
    ///
    /// Every test is computed and none is branched on: which one decides
    /// changes from word to word, and a mispredicted branch costs more than
    /// the arithmetic.
    #[inline(always)]
    pub(super) fn is_placed(&self, placement: TonePlacement) -> bool {
        let vowels = self.mask(VOWEL);
        let toned = self.mask(TONED);
        let modified = self.mask(MODIFIED);
        let one_tone = toned & toned.wrapping_sub(1) == 0;
        // Adding the lowest vowel bit clears the first group of vowels.
        let one_group = vowels.wrapping_add(vowels & vowels.wrapping_neg()) & vowels == 0;
        let first = vowels.trailing_zeros() & 31;
        let end = 32 - vowels.leading_zeros();
        // `qu` and `gi` before another vowel are onsets (an unmodified `u`
        // or `i` at 1, a vowel at 2).
        let onset_pair = self.packed & 0x3F3F;
        let qu_gi = (vowels & 0b110 == 0b110)
            & ((onset_pair == code(b'q') | code(b'u') << 8)
                | (onset_pair == code(b'g') | code(b'i') << 8));
        let start = if qu_gi { 2 } else { first };
        // The tone goes on the last vowel with a modifier …
        let last_modified = 1u32.wrapping_shl(31 ^ modified.leading_zeros());
        let by_modifier = toned == last_modified;
        // … else on the only vowel, the second of a closed pair, the first
        // of an open pair (either of an open `oa`, `oe`, `uy`, as the
        // placement says), the middle of three.
        let count = end.wrapping_sub(start);
        let closed = end < self.n as u32;
        let pair = self.packed.wrapping_shr(8 * start) & 0x1F1F;
        let style = (count == 2)
            & !closed
            & ((pair == code(b'o') | code(b'a') << 8)
                | (pair == code(b'o') | code(b'e') << 8)
                | (pair == code(b'u') | code(b'y') << 8));
        let offset = u32::from((count == 3) | ((count == 2) & closed));
        let allowed = if style {
            style_bits(placement).wrapping_shl(start)
        } else {
            1u32.wrapping_shl(start + offset)
        };
        let by_count = (count.wrapping_sub(1) < 3) & (toned & !allowed == 0);
        let tone_placed = (toned == 0)
            | if modified.wrapping_shr(start) != 0 {
                by_modifier
            } else {
                by_count
            };
        (vowels == 0) | (one_tone & one_group & !self.may_need_letter_repair(first) & tone_placed)
    }

    /// Whether a letter repair of the parser could apply: `gh`/`ngh` onsets
    /// (they lose the `h` before a back vowel) and `uơ`/`ưo` (the missing
    /// horn of `ươ`).
    #[inline(always)]
    pub(super) fn may_need_letter_repair(&self, first_vowel: u32) -> bool {
        let bases = self.packed & 0x1F1F_1F1F_1F1F_1F1F;
        let gh = code(b'g') | code(b'h') << 8;
        let is_gh = bases & 0xFFFF == gh;
        let is_ngh = bases & 0xFF_FFFF == code(b'n') | gh << 8;
        let onset = if is_gh { 2 } else { 3 };
        let after = (bases >> (8 * onset)) & 0x1F;
        let front = (FRONT >> after) & 1 != 0;
        let gh_repair = (is_gh | is_ngh) & ((first_vowel != onset) | !front);
        // `u` and `o` with a horn on one only: `u` then `ơ`, or `ư` then
        // plain `o`.
        let letters = self.packed & 0x3F3F_3F3F_3F3F_3F3F;
        let u = bytes_equal(letters, code(b'u'));
        let horned_u = bytes_equal(letters, code(b'u') | u64::from(MODIFIED));
        let o = bytes_equal(letters, code(b'o'));
        let horned_o = bytes_equal(letters, u64::from(O_HORN | MODIFIED));
        gh_repair | ((u & horned_o >> 8) | (horned_u & o >> 8) != 0)
    }
}

/// Where an open `oa`, `oe` or `uy` takes the tone under `placement`, as
/// bits over its two vowels.
#[inline(always)]
fn style_bits(placement: TonePlacement) -> u32 {
    match placement {
        TonePlacement::Traditional => 0b01,
        TonePlacement::Modern => 0b10,
        TonePlacement::Keep => 0b11,
    }
}

/// Bit set of the base codes `i`, `e`, `y`, after which the onsets `gh`
/// and `ngh` are spelled.
const FRONT: u64 = 1 << 8 | 1 << 4 | 1 << 24;

/// 0x80 in each byte of `x` equal to `value`, 0 elsewhere; every byte of
/// `x` and `value` is below 0x80.
#[inline(always)]
fn bytes_equal(x: u64, value: u64) -> u64 {
    // A byte that differs has a bit below 0x80 set: adding 0x7F carries
    // into its top bit, and no further.
    let differ = (x ^ (value * LOW_BITS)).wrapping_add(0x7F7F_7F7F_7F7F_7F7F);
    !differ & 0x8080_8080_8080_8080
}
