//! The fast path: a byte-level scan that skips text the normalizer
//! certainly leaves unchanged, without decoding characters or parsing
//! syllables.
//!
//! Each letter is read straight from its bytes with one table lookup (the
//! crate's letter facts, `chars::letter_facts`, as the tokenizer reads
//! them): its toneless code, which steps the spelling automaton
//! (`crate::spelling`, generated from the syllable model), and its tone. At
//! the end of a word the automaton's state says whether the model leaves
//! the word, with its one mark where it is, as written in the placement
//! asked for: a word that spells no syllable, or a syllable written so. The
//! scan answers "don't know" (the full path decides) for anything else:
//! combining marks, look-alikes, invisible characters, letters of other
//! alphabets, two marks, syllables the model repairs or writes otherwise.
//!
//! A word of eight bytes or fewer before an ASCII mark is skipped whole,
//! without stepping the automaton letter by letter, when it is all ASCII
//! letters or a syllable of the tokenizer's table (`tokenize::known`: every
//! syllable of eight bytes or fewer, in lower or title case) written in the
//! style asked for (any, when the placement is kept).

use crate::chars::{self, FACT_CODE, FACT_TONE_AT, letter_facts};
use crate::letter::Letter;
use crate::spelling::{self, AUTOMATON, Mark, State};
use crate::syllable::TonePlacement;
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

/// A word as the scan reads it: the spelling automaton's state and what
/// [`spelling::is_placed`] and [`spelling::is_unchanged`] need of its
/// mark.
#[derive(Clone, Copy)]
struct Word {
    state: State,
    /// Letters read.
    letters: usize,
    /// The union of the lead bytes of its letters: below 0x80 for a word
    /// of ASCII letters, which no placement changes.
    high: u8,
    /// How many letters carry a tone.
    marks: u32,
    /// The tone of the last of them: its index in
    /// [`Tone::ALL`](crate::letter::Tone::ALL).
    tone: u32,
    /// How many letters come before the last that carries a tone.
    toned_at: usize,
}

impl Word {
    const NONE: Word = Word {
        state: spelling::START,
        letters: 0,
        high: 0,
        marks: 0,
        tone: 0,
        toned_at: 0,
    };

    /// Adds a letter of the plain facts `facts` (not 0), whose first byte
    /// is `lead`.
    #[inline(always)]
    fn push(&mut self, facts: u16, lead: u8) {
        self.state = AUTOMATON.step(self.state, (facts & FACT_CODE) as u8);
        let tone = u32::from(facts >> FACT_TONE_AT & 0x3F);
        if tone != 0 {
            self.marks += 1;
            self.tone = tone.trailing_zeros();
            self.toned_at = self.letters;
        }
        self.letters += 1;
        self.high |= lead;
    }

    /// Whether the normalizer leaves the word as it is: a word of ASCII
    /// letters, or of precomposed letters that the model leaves as written
    /// (no syllable, or one written so; see [`spelling::is_unchanged`]).
    #[inline(always)]
    fn is_unchanged(&self, placement: TonePlacement) -> bool {
        self.high < 0x80 || spelling::is_unchanged(self.state, placement, self.mark())
    }

    /// Whether the word is a syllable the model writes as it is.
    #[inline(always)]
    fn is_placed(&self, placement: TonePlacement) -> bool {
        spelling::is_placed(self.state, placement, self.mark())
    }

    /// The word's mark ([`spelling::mark`]); [`Mark::MAX`] for two marks,
    /// which the tables never hold.
    #[inline(always)]
    fn mark(&self) -> Mark {
        match self.marks {
            0 => 0,
            1 => spelling::mark(self.tone, self.letters - 1 - self.toned_at),
            _ => Mark::MAX,
        }
    }
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
    let mut start = from;
    let mut word = Word::NONE;
    // The styles a syllable of the table must be written in to stay.
    let style = known::STYLES
        .iter()
        .find(|&&(p, _)| p == placement)
        .map_or(0, |&(_, bit)| bit);
    while let Some(&lead) = bytes.get(j) {
        // A word of ASCII letters, or a syllable of the tokenizer's table
        // written in the style asked for, before an ASCII mark: unchanged.
        if word.letters == 0 {
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
                // (`word_at` ends a word only before an ASCII mark.)
                debug_assert!(after < 0x80 && !after.is_ascii_alphabetic());
                if unchanged {
                    // The ASCII mark after it stays too.
                    j += len + 1;
                    start = j;
                    continue;
                }
            }
        }
        let (facts, len) = letter_facts(bytes, j);
        if facts != 0 {
            word.push(facts, lead);
            j += len;
            continue;
        }
        // Not a letter: the word read so far, if any, ends here.
        let in_word = word.letters > 0;
        if in_word && matches!(lead, 0xCC | 0xCD) {
            // A combining mark (U+0300..U+036F): decomposed input, for the
            // full path from the start of its word.
            return Stop::Word(start);
        }
        let unchanged = word.is_unchanged(placement);
        if lead >= 0x80 {
            return stop_at(text, j, start, in_word, unchanged, is_run_char);
        }
        if !unchanged {
            return Stop::Word(start);
        }
        word = Word::NONE;
        j += 1;
        start = j;
    }
    if word.is_unchanged(placement) {
        Stop::End
    } else {
        Stop::Word(start)
    }
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

/// Where the scan stops at `j`, a character that is neither ASCII nor a
/// Vietnamese letter, after the word from `start` (if `in_word`) that the
/// fast path found `unchanged` or not.
#[cold]
fn stop_at(
    text: &str,
    j: usize,
    start: usize,
    in_word: bool,
    unchanged: bool,
    is_run_char: impl Fn(char) -> bool,
) -> Stop {
    let next = text.get(j..).and_then(|s| s.chars().next());
    // A combining mark means decomposed input; other characters may
    // continue the word too.
    let continues = next.is_some_and(|c| ('\u{300}'..'\u{370}').contains(&c) || is_run_char(c));
    if in_word && (!unchanged || continues) {
        return Stop::Word(start);
    }
    match next {
        Some(_) => Stop::Char(j),
        None => Stop::End,
    }
}

/// Whether `letters` (of one word, taken apart) are certainly placed: a
/// syllable the model leaves as written in `placement`, by the spelling
/// automaton.
#[inline]
pub(super) fn letters_placed(letters: &[Letter], placement: TonePlacement) -> bool {
    let mut word = Word::NONE;
    for &letter in letters {
        // (`Tone` counts in the order of `Tone::ALL`; the case is of no
        // matter here.)
        let facts = chars::facts(spelling::letter_code(letter), false, letter.tone() as usize);
        // A lead byte outside ASCII: whether the word is all ASCII is a
        // question of bytes, which `is_placed` does not ask.
        word.push(facts, 0x80);
    }
    word.is_placed(placement)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::{Case, Tone};
    use crate::syllable::Syllable;

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

    /// Whether the fast path decides that all of `word` is unchanged.
    fn certain(word: &str, placement: TonePlacement) -> bool {
        skip_unchanged(word, 0, placement, |_| false) == Stop::End
    }

    /// Every onset shape × every rime × every coda × every tone on every
    /// letter: the fast path says "unchanged" exactly for the words of
    /// ASCII letters, those that are no syllable, and the syllables the
    /// model leaves as written (which rendering gives back); the letters
    /// taken apart are placed exactly for the last.
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
                                    let syllable = Syllable::from_letters(&letters);
                                    let model = syllable
                                        .filter(|s| !s.is_repaired() && s.is_placed(placement));
                                    assert_eq!(
                                        fast,
                                        syllable.is_none() || model.is_some(),
                                        "{input} {placement:?}"
                                    );
                                    assert_eq!(
                                        letters_placed(&letters, placement),
                                        model.is_some(),
                                        "{input} {placement:?}"
                                    );
                                    if let Some(s) = model {
                                        decided += 1;
                                        assert_eq!(s.render(placement), input, "{placement:?}");
                                    }
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
        // Too long for a syllable: nothing to place.
        assert_eq!(skip("internationaliệc"), Stop::End);
        assert!(certain("muốn", p) && certain("người", p) && certain("thuở", p));
        // No syllable: nothing to place.
        assert!(certain("đ", p) && certain("café", p) && certain("Krông", p));
        assert!(certain("QĐ-TTg", p) && !certain("hóá", p));
        assert!(certain("Hoà", p) && certain("hòa", p));
        assert!(!certain("hoà", TonePlacement::Traditional));
        assert!(!certain("hòa", TonePlacement::Modern));
        assert!(certain("quý", TonePlacement::Modern) && certain("giữ", p) && certain("gì", p));
    }
}
