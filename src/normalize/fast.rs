//! The fast path: a byte-level scan that skips text the normalizer
//! certainly leaves unchanged, without decoding characters or parsing
//! syllables.
//!
//! Each letter is read straight from its bytes into one byte of facts
//! (base, modifier, tone, vowel) with a single table lookup, and a word's
//! letters are packed into one `u64`. The placement rule is then restated
//! on bit masks gathered from that word (the mark goes on the last vowel
//! with a modifier; else on the only vowel, the second of a closed pair,
//! the first of an open pair, the middle of three), and the scan answers
//! "don't know" whenever anything else could apply: combining marks,
//! look-alikes, letters of other alphabets, a second tone, or one of the
//! parser's letter repairs. A test checks it against the parser on every
//! rime.

use crate::letter::{Letter, Modifier, Tone, VOWEL_ROWS};
use crate::syllable::{MAX_LETTERS, TonePlacement};

/// Where [`skip_unchanged`] stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Stop {
    /// The rest of the text is unchanged.
    End,
    /// The word starting here may change: take the full path.
    Word(usize),
    /// A character that is neither ASCII nor a Vietnamese letter, outside
    /// any word the scan has decided.
    Char(usize),
}

/// Skips, from `from` (a character boundary outside a word), ASCII outside
/// words and words that the normalizer certainly leaves unchanged, and says
/// where it stopped. `is_run_char` says whether a non-letter, non-ASCII
/// character continues a word.
#[inline]
pub(super) fn skip_unchanged(
    text: &str,
    from: usize,
    placement: TonePlacement,
    is_run_char: impl Fn(char) -> bool,
) -> Stop {
    let bytes = text.as_bytes();
    let mut j = from;
    // The word being read: where it starts, its letters, and the OR of
    // their lead bytes (ASCII words never change).
    let mut start = from;
    let mut packed = 0u64;
    let mut n = 0usize;
    let mut high = 0u8;
    loop {
        let (info, len, lead) = letter_at(bytes, j);
        if info != NOT_A_LETTER {
            // Past eight letters the shift wraps and `packed` is garbage;
            // `n` says so at the end of the word.
            packed |= u64::from(info).wrapping_shl(8 * n as u32);
            n += 1;
            high |= lead;
            j += len;
            continue;
        }
        // The end of a word, if one was being read.
        // Words too long for a syllable take the full path, unless ASCII.
        let placed =
            high < 0x80 || (n <= MAX_LETTERS && Word::new(packed, n).is_placed(placement));
        if lead >= 0x80 || j >= bytes.len() {
            return stop_at(text, j, start, n > 0, placed, is_run_char);
        }
        if !placed {
            return Stop::Word(start);
        }
        j += 1;
        start = j;
        packed = 0;
        n = 0;
        high = 0;
    }
}

/// Where the scan stops at `j`, the end of the text or a character that is
/// neither ASCII nor a Vietnamese letter, after the word from `start` (if
/// `in_word`) whose placement the fast path found `placed` or not.
#[cold]
fn stop_at(
    text: &str,
    j: usize,
    start: usize,
    in_word: bool,
    placed: bool,
    is_run_char: impl Fn(char) -> bool,
) -> Stop {
    let next = text.get(j..).and_then(|s| s.chars().next());
    // A combining mark means decomposed input; other characters may
    // continue the word too.
    let continues = next.is_some_and(|c| ('\u{300}'..'\u{370}').contains(&c) || is_run_char(c));
    if in_word && (!placed || continues) {
        return Stop::Word(start);
    }
    match next {
        Some(_) => Stop::Char(j),
        None => Stop::End,
    }
}

/// The facts of the character at `j` (or [`NOT_A_LETTER`]), its length when
/// it is a letter, and its lead byte; `j` must be in bounds or at the end.
/// Branch-free: Vietnamese letters are ASCII, two bytes (U+00C0..U+01B0,
/// lead bytes 0xC3..0xC6) or three (U+1EA0..U+1EF9, lead 0xE1 then 0xBA or
/// 0xBB), each mapped to a slot of [`INFO`] by arithmetic.
#[inline(always)]
fn letter_at(bytes: &[u8], j: usize) -> (u8, usize, u8) {
    let lead = bytes.get(j).copied().unwrap_or(0);
    if lead < 0x80 {
        return (INFO[usize::from(lead)], 1, lead);
    }
    let b1 = usize::from(bytes.get(j + 1).copied().unwrap_or(0));
    if lead & 0xF8 == 0xC0 {
        return (INFO[usize::from(lead & 0x07) << 6 | (b1 & 0x3F)], 2, lead);
    }
    if lead == 0xE1 && b1 & 0xFE == 0xBA {
        let b2 = usize::from(bytes.get(j + 2).copied().unwrap_or(0));
        return (INFO[THREE_BYTE_SLOTS | (b1 & 1) << 6 | (b2 & 0x3F)], 3, lead);
    }
    (NOT_A_LETTER, 0, lead)
}

/// The facts about one letter in a byte: bits 0–4 its base (`base - b'a'`,
/// or [`O_HORN`] for `ơ`), then [`MODIFIED`] (a vowel with breve,
/// circumflex or horn), [`TONED`] and [`VOWEL`].
const MODIFIED: u8 = 1 << 5;
/// See [`MODIFIED`].
const TONED: u8 = 1 << 6;
/// See [`MODIFIED`].
const VOWEL: u8 = 1 << 7;
/// The base code of `ơ`, apart from `o` and `ô`: `uơ` and `ưo` are the
/// parser's repairs, `uô` is not.
const O_HORN: u8 = 26;
/// Not a letter: no letter has base 31.
const NOT_A_LETTER: u8 = 0xFF;
/// Bit set of the vowel base codes `a e i o u y ơ`.
const VOWELS: u32 = 1 | 1 << 4 | 1 << 8 | 1 << 14 | 1 << 20 | 1 << 24 | 1 << O_HORN;
/// Where the three-byte letters start in [`INFO`]; below it a slot is the
/// code point.
const THREE_BYTE_SLOTS: usize = 0x200;
/// The first code point of the three-byte slots.
const THREE_BYTE_START: u32 = 0x1E80;

/// The facts of every character a slot stands for: code points below
/// U+0200, then U+1E80..U+1EFF.
static INFO: [u8; THREE_BYTE_SLOTS + 0x80] = build_info();

const fn slot(c: char) -> usize {
    let cp = c as u32;
    if cp < THREE_BYTE_SLOTS as u32 {
        cp as usize
    } else {
        THREE_BYTE_SLOTS + (cp - THREE_BYTE_START) as usize
    }
}

const fn build_info() -> [u8; THREE_BYTE_SLOTS + 0x80] {
    let mut info = [NOT_A_LETTER; THREE_BYTE_SLOTS + 0x80];
    let mut b = 0;
    while b < 26 {
        let vowel = if (VOWELS >> b) & 1 != 0 { VOWEL } else { 0 };
        info[(b'a' + b) as usize] = b | vowel;
        info[(b'A' + b) as usize] = b | vowel;
        b += 1;
    }
    let mut r = 0;
    while r < VOWEL_ROWS.len() {
        let row = &VOWEL_ROWS[r];
        let (base, modified) = match row.modifier {
            Modifier::None => (row.base as u8 - b'a', 0),
            Modifier::Horn if row.base == 'o' => (O_HORN, MODIFIED),
            _ => (row.base as u8 - b'a', MODIFIED),
        };
        let mut t = 0;
        while t < 6 {
            let toned = if t == 0 { 0 } else { TONED };
            info[slot(row.lower[t])] = base | modified | toned | VOWEL;
            info[slot(row.upper[t])] = base | modified | toned | VOWEL;
            t += 1;
        }
        r += 1;
    }
    info[slot('đ')] = b'd' - b'a';
    info[slot('Đ')] = b'd' - b'a';
    info
}

/// The facts of a letter already taken apart, as in [`INFO`].
#[inline]
fn letter_info(letter: Letter) -> u8 {
    let base = match (letter.base(), letter.modifier()) {
        ('o', Modifier::Horn) => O_HORN,
        (base, _) => (base as u8).wrapping_sub(b'a') & 0x1F,
    };
    let vowel = letter.is_vowel();
    let modified = vowel && letter.modifier() != Modifier::None;
    let toned = vowel && letter.tone() != Tone::Level;
    base | if modified { MODIFIED } else { 0 }
        | if toned { TONED } else { 0 }
        | if vowel { VOWEL } else { 0 }
}

/// Bytes with only their lowest bit set, to gather one flag of each letter.
const LOW_BITS: u64 = 0x0101_0101_0101_0101;

const fn code(letter: u8) -> u64 {
    (letter - b'a') as u64
}

/// A word of up to [`MAX_LETTERS`] letters, one byte of facts each.
pub(super) struct Word {
    packed: u64,
    n: usize,
}

impl Word {
    #[inline(always)]
    fn new(packed: u64, n: usize) -> Word {
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
    fn mask(&self, flag: u8) -> u32 {
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
        (vowels == 0)
            | (one_tone & one_group & !self.may_need_letter_repair(first) & tone_placed)
    }

    /// Whether a letter repair of the parser could apply: `gh`/`ngh` onsets
    /// (they lose the `h` before a back vowel) and `uơ`/`ưo` (the missing
    /// horn of `ươ`).
    #[inline(always)]
    fn may_need_letter_repair(&self, first_vowel: u32) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::{Case, Letter, Tone};
    use crate::syllable::Syllable;

    /// Whether the fast path decides that all of `word` is unchanged.
    fn certain(word: &str, placement: TonePlacement) -> bool {
        skip_unchanged(word, 0, placement, |_| false) == Stop::End
    }

    /// Every onset shape × every rime × every coda × every tone on every
    /// letter: when the fast path says "unchanged", parsing and rendering
    /// must agree.
    #[test]
    fn agrees_with_the_parser() {
        let onsets = [
            "", "b", "gi", "qu", "ngh", "gh", "g", "ng", "th", "tr", "đ", "q", "k",
        ];
        let codas = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];
        let mut decided = 0;
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
                                    let fast = certain(&input, placement);
                                    if input.is_ascii() {
                                        // ASCII outside and inside words is never changed.
                                        assert!(fast, "{input}");
                                        continue;
                                    }
                                    let from_letters = Word::from_letters(&letters)
                                        .is_some_and(|w| w.is_placed(placement));
                                    assert_eq!(fast, from_letters, "{input} {placement:?}");
                                    if !fast {
                                        continue;
                                    }
                                    decided += 1;
                                    let Some(s) = Syllable::from_letters(&letters) else {
                                        continue;
                                    };
                                    assert!(!s.is_repaired(), "{input}");
                                    assert_eq!(s.render(placement), input, "{placement:?}");
                                }
                            }
                        }
                    }
                }
            }
        }
        assert!(
            decided > 10_000,
            "the fast path must decide most cases: {decided}"
        );
    }

    /// The table gives every character the facts of its letter.
    #[test]
    fn table_agrees_with_letters() {
        for cp in 0..0x2000u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let (info, len, lead) = letter_at(bytes, 0);
            assert_eq!(lead, bytes[0]);
            match Letter::from_char(c) {
                None => assert_eq!(info, NOT_A_LETTER, "{c}"),
                Some(l) => {
                    assert_eq!(info, letter_info(l), "{c}");
                    assert_eq!(len, bytes.len(), "{c}");
                    assert_eq!(info & VOWEL != 0, l.is_vowel(), "{c}");
                    assert_eq!(
                        info & MODIFIED != 0,
                        l.is_vowel() && l.modifier() != Modifier::None,
                        "{c}"
                    );
                    assert_eq!(info & TONED != 0, l.tone() != Tone::Level, "{c}");
                }
            }
        }
    }

    #[test]
    fn stops() {
        let p = TonePlacement::Keep;
        let skip = |text| skip_unchanged(text, 0, p, |c| c == 'ü');
        assert_eq!(skip("việc làm, 2024."), Stop::End);
        assert_eq!(skip("Hòa “Bình”"), Stop::Char(5));
        assert_eq!(skip("làm baì"), Stop::Word(5));
        assert_eq!(skip("nuớc"), Stop::Word(0));
        assert_eq!(skip("nghành"), Stop::Word(0));
        assert_eq!(skip("“"), Stop::Char(0));
        assert_eq!(skip("tiê\u{301}ng"), Stop::Word(0));
        assert_eq!(skip("Müller"), Stop::Word(0));
        assert_eq!(skip("international“"), Stop::Char(13));
        assert_eq!(skip("internationaliệc"), Stop::Word(0));
        assert!(certain("muốn", p) && certain("người", p) && !certain("thuở", p));
        assert!(certain("Hoà", p) && certain("hòa", p));
        assert!(!certain("hoà", TonePlacement::Traditional));
        assert!(!certain("hòa", TonePlacement::Modern));
        assert!(certain("quý", TonePlacement::Modern) && certain("giữ", p) && certain("gì", p));
    }
}
