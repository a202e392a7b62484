//! The fast path: a byte-level scan that skips text the normalizer
//! certainly leaves unchanged, without decoding characters or parsing
//! syllables.
//!
//! Each letter is read straight from its bytes with one table lookup: its
//! class, which drives the placement automaton (see `automaton.rs`), or its
//! facts, which the rule of `word.rs` reads. The scan answers "don't know"
//! (the full path decides) whenever anything but a precomposed letter
//! could be involved: combining marks, look-alikes, invisible characters,
//! letters of other alphabets. A test checks it against the parser on every
//! rime.
//!
//! A word of eight bytes or fewer before an ASCII mark is skipped whole,
//! without stepping the automaton letter by letter, when it is all ASCII
//! letters or a syllable of the tokenizer's table (`tokenize::known`: every
//! syllable of eight bytes or fewer, in lower or title case) written in the
//! style asked for (any, when the placement is kept).

use super::automaton::{self, CLASSES, DEAD, FIRST_LETTER, OTHER, START, TERM};
use super::word::{MODIFIED, NOT_A_LETTER, O_HORN, TONED, VOWEL, VOWELS, Word};
use crate::chars;
use crate::letter::{Letter, Modifier, Tone, VOWEL_ROWS};
use crate::syllable::{MAX_LETTERS, TonePlacement};
use crate::tokenize::known;

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
///
/// The automaton of the placement decides each word as its letters come,
/// with no branch at the end of a word; where it cannot (a word it has no
/// state for, a character that is not a letter), [`check_word`] decides.
#[inline]
pub(super) fn skip_unchanged(
    text: &str,
    from: usize,
    placement: TonePlacement,
    is_run_char: impl Fn(char) -> bool,
) -> Stop {
    let next = automaton::table(placement);
    let bytes = text.as_bytes();
    let mut j = from;
    let mut start = from;
    let mut state = START;
    // The styles a syllable of the table must be written in to stay.
    let style = known::STYLES
        .iter()
        .find(|&&(p, _)| p == placement)
        .map_or(0, |&(_, bit)| bit);
    while j < bytes.len() {
        // A word of ASCII letters, or a syllable of the tokenizer's table
        // written in the style asked for, before an ASCII mark: unchanged.
        if state == START {
            if let Some((len, after, key)) = known::word_at(bytes, j) {
                // Decomposed words (with a mark's lead byte, CC or CD) are
                // no syllable of the table: not looked up.
                let unchanged = key & ASCII_HIGH == 0
                    || (!has_mark_byte(key)
                        && if style == 0 {
                            known::casing_of(key).is_some()
                        } else {
                            known::styles_of(key).is_some_and(|styles| styles & style == style)
                        });
                if unchanged && CLASS[usize::from(after)] == TERM {
                    j += len;
                    start = j;
                    continue;
                }
            }
        }
        let (class, len) = class_at(bytes, j);
        let to = next
            .get(usize::from(state) * CLASSES + usize::from(class))
            .copied()
            .unwrap_or(DEAD);
        if to == DEAD {
            if matches!(bytes.get(j), Some(0xCC | 0xCD)) {
                // A combining mark (U+0300..U+036F): decomposed input, for
                // the full path from the start of its word.
                return Stop::Word(start);
            }
            match check_word(text, start, placement, &is_run_char) {
                Ok(end) => {
                    // The word is placed and ends with ASCII; go on from
                    // there.
                    j = end;
                    start = end;
                    state = START;
                    continue;
                }
                Err(stop) => return stop,
            }
        }
        // A word starts after every character that ends one.
        start = if class == TERM { j + len } else { start };
        state = to;
        j += len;
    }
    let end_state = next
        .get(usize::from(state) * CLASSES + usize::from(TERM))
        .copied()
        .unwrap_or(DEAD);
    if end_state == DEAD {
        return check_word(text, start, placement, &is_run_char)
            .err()
            .unwrap_or(Stop::End);
    }
    Stop::End
}

/// The top bit of each of eight bytes: set in the bytes outside ASCII.
const ASCII_HIGH: u64 = u64::from_le_bytes([0x80; 8]);

/// Whether a byte of `key` is CC or CD, the lead bytes of the combining
/// marks U+0300 to U+036F.
#[inline(always)]
fn has_mark_byte(key: u64) -> bool {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    // A byte of zero where `key` has CC or CD: only its last bit differs.
    let apart = (key & (ONES * 0xFE)) ^ (ONES * 0xCC);
    apart.wrapping_sub(ONES) & !apart & (ONES * 0x80) != 0
}

/// Decides the word starting at `start` letter by letter: `Ok` with its end
/// when it is unchanged and followed by ASCII or the end of the text,
/// otherwise where the scan stops.
#[cold]
#[inline(never)]
fn check_word(
    text: &str,
    start: usize,
    placement: TonePlacement,
    is_run_char: impl Fn(char) -> bool,
) -> Result<usize, Stop> {
    let bytes = text.as_bytes();
    let mut j = start;
    let mut packed = 0u64;
    let mut n = 0usize;
    let mut high = 0u8;
    loop {
        let (info, len, lead) = letter_at(bytes, j);
        if info == NOT_A_LETTER {
            break;
        }
        // Past eight letters the shift wraps and `packed` is garbage; `n`
        // says so below.
        packed |= u64::from(info).wrapping_shl(8 * n as u32);
        n += 1;
        high |= lead;
        j += len;
    }
    // Words too long for a syllable take the full path, unless ASCII.
    let placed = high < 0x80 || (n <= MAX_LETTERS && Word::new(packed, n).is_placed(placement));
    if bytes.get(j).is_some_and(|&b| b >= 0x80) {
        return Err(stop_at(text, j, start, n > 0, placed, is_run_char));
    }
    if !placed {
        return Err(Stop::Word(start));
    }
    Ok(j)
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

/// The facts of the character at `j` (or [`NOT_A_LETTER`]), its length,
/// and its lead byte (0 at the end). Vietnamese letters are ASCII, two
/// bytes or three, each read from its slot ([`chars::letter_slot`])
/// without decoding.
#[inline(always)]
fn letter_at(bytes: &[u8], j: usize) -> (u8, usize, u8) {
    let lead = bytes.get(j).copied().unwrap_or(0);
    if lead < 0x80 {
        return (INFO[usize::from(lead)], 1, lead);
    }
    let (slot, len) = chars::letter_slot(lead, bytes, j);
    (INFO[slot], len, lead)
}

/// The automaton class of the character at `j < bytes.len()` and its
/// length; the same reading as [`letter_at`].
#[inline(always)]
fn class_at(bytes: &[u8], j: usize) -> (u8, usize) {
    let lead = bytes.get(j).copied().unwrap_or(0);
    if lead < 0x80 {
        return (CLASS[usize::from(lead)], 1);
    }
    let (slot, len) = chars::letter_slot(lead, bytes, j);
    (CLASS[slot], len)
}

/// The facts of every character by its slot ([`chars::letter_slot`]).
static INFO: [u8; chars::SLOTS] = build_info();

/// The slot of a letter of the tables.
const fn slot(c: char) -> usize {
    match chars::slot_of(c) {
        Some(slot) => slot,
        None => panic!("a letter outside the slots"),
    }
}

const fn build_info() -> [u8; chars::SLOTS] {
    let mut info = [NOT_A_LETTER; chars::SLOTS];
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

/// The facts of each letter class of the automaton, from [`FIRST_LETTER`]
/// on: consonants other than `q g h n` (`đ` included) are one class.
pub(super) const CLASS_FACTS: [u8; 27] = build_class_facts();

const fn build_class_facts() -> [u8; 27] {
    let mut facts = [0; 27];
    let consonants = *b"qghnb";
    let mut k = 0;
    while k < consonants.len() {
        facts[k] = consonants[k] - b'a';
        k += 1;
    }
    // Every vowel, once.
    let info = build_info();
    let mut s = 0;
    while s < info.len() {
        let fact = info[s];
        if fact != NOT_A_LETTER && fact & VOWEL != 0 {
            let mut seen = false;
            let mut i = 0;
            while i < k {
                seen |= facts[i] == fact;
                i += 1;
            }
            if !seen {
                facts[k] = fact;
                k += 1;
            }
        }
        s += 1;
    }
    assert!(k == facts.len());
    facts
}

/// The automaton class of each letter's facts ([`OTHER`] for bytes that
/// are not the facts of a letter).
const fn build_info_class() -> [u8; 256] {
    let mut class = [OTHER; 256];
    let mut i = 0;
    while i < CLASS_FACTS.len() {
        class[CLASS_FACTS[i] as usize] = FIRST_LETTER + i as u8;
        i += 1;
    }
    // Consonants other than `q g h n` are the class of `b`.
    let mut b = 0;
    while b < 26 {
        if (VOWELS >> b) & 1 == 0 && !matches!(b + b'a', b'q' | b'g' | b'h' | b'n') {
            class[b as usize] = class[1];
        }
        b += 1;
    }
    class
}

// The slot that characters outside the slots read holds no letter: a
// change to the tables cannot make such a character a letter.
const _: () = {
    let info = build_info();
    let class = build_class();
    let slot = chars::NO_LETTER as usize;
    assert!(info[slot] == NOT_A_LETTER && class[slot] == OTHER);
};

/// The automaton class of every slot of [`INFO`].
static CLASS: [u8; chars::SLOTS] = build_class();

const fn build_class() -> [u8; chars::SLOTS] {
    let info = build_info();
    let classes = build_info_class();
    let mut class = [OTHER; chars::SLOTS];
    let mut s = 0;
    while s < info.len() {
        class[s] = if info[s] != NOT_A_LETTER {
            classes[info[s] as usize]
        } else if s < 0x80 {
            TERM
        } else {
            OTHER
        };
        s += 1;
    }
    class
}

/// How many values [`Modifier`] and [`Tone`] have.
const MODIFIERS: usize = Modifier::Stroke as usize + 1;
/// See [`MODIFIERS`].
const TONES: usize = Tone::Dot as usize + 1;

/// The automaton class of a letter taken apart, by base, modifier and tone.
static LETTER_CLASS: [u8; 26 * MODIFIERS * TONES] = build_letter_class();

const fn build_letter_class() -> [u8; 26 * MODIFIERS * TONES] {
    let classes = build_info_class();
    let mut table = [OTHER; 26 * MODIFIERS * TONES];
    let mut key = 0;
    while key < table.len() {
        let base = (key / (MODIFIERS * TONES)) as u8;
        let modifier = (key / TONES) % MODIFIERS;
        let tone = key % TONES;
        let vowel = (VOWELS >> base) & 1 != 0;
        let info = if !vowel {
            base
        } else {
            let horn = modifier == Modifier::Horn as usize;
            let code = if base == b'o' - b'a' && horn {
                O_HORN
            } else {
                base
            };
            let modified = if modifier != Modifier::None as usize {
                MODIFIED
            } else {
                0
            };
            let toned = if tone != Tone::Level as usize {
                TONED
            } else {
                0
            };
            code | modified | toned | VOWEL
        };
        table[key] = classes[info as usize];
        key += 1;
    }
    table
}

/// Whether `letters` (of one word, taken apart) are certainly placed: the
/// automaton first, the rule where it gives up.
#[inline]
pub(super) fn letters_placed(letters: &[Letter], placement: TonePlacement) -> bool {
    let next = automaton::table(placement);
    let step = |state: u16, class: u8| {
        next.get(usize::from(state) * CLASSES + usize::from(class))
            .copied()
            .unwrap_or(DEAD)
    };
    let mut state = START;
    for &letter in letters {
        let base = usize::from((letter.base() as u8).wrapping_sub(b'a'));
        let key = (base * MODIFIERS + letter.modifier() as usize) * TONES + letter.tone() as usize;
        state = step(state, LETTER_CLASS.get(key).copied().unwrap_or(OTHER));
    }
    if step(state, TERM) != DEAD {
        return true;
    }
    Word::from_letters(letters).is_some_and(|w| w.is_placed(placement))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte in every place: CC and CD found, nothing else.
    #[test]
    fn mark_bytes_are_found() {
        for at in 0..8 {
            for b in 0..=u8::MAX {
                let mut key = [b'a'; 8];
                key[at] = b;
                let expected = b == 0xCC || b == 0xCD;
                assert_eq!(
                    has_mark_byte(u64::from_le_bytes(key)),
                    expected,
                    "{b:#x} at {at}"
                );
            }
        }
    }
    use crate::letter::{Case, Letter, Tone};
    use crate::normalize::word::letter_info;
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
                                    assert_eq!(
                                        letters_placed(&letters, placement),
                                        from_letters,
                                        "{input} {placement:?}"
                                    );
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

    /// Letters taken apart get the class of their facts.
    #[test]
    fn letter_classes_agree() {
        for c in ('a'..='z')
            .chain(VOWEL_ROWS.iter().flat_map(|r| r.lower))
            .chain(['đ'])
        {
            let letter = Letter::from_char(c).unwrap();
            let placed = |l: &[Letter]| letters_placed(l, TonePlacement::Keep);
            let base = usize::from(letter.base() as u8 - b'a');
            let key =
                (base * MODIFIERS + letter.modifier() as usize) * TONES + letter.tone() as usize;
            assert_eq!(
                LETTER_CLASS[key],
                build_info_class()[usize::from(letter_info(letter))],
                "{c}"
            );
            assert!(placed(&[letter]), "{c}");
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
