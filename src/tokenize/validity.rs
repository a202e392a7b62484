//! A fast syllable check for the scanner, equal to
//! `Syllable::from_letters(letters).is_some()`.
//!
//! Whether letters spell a syllable depends on the toneless letters and, for
//! the stop codas (`c ch p t`), on the tone. So the check is the crate's
//! spelling automaton (`crate::spelling`, generated from the syllable model
//! and shared with the normalizer), stepped on toneless letter codes, plus
//! the tone rules: at most one tone written (the same one twice counts
//! once), and only sắc or nặng before a stop. Vietnamese phonotactics are
//! regular enough that the automaton has a few dozen states: its layout
//! takes 16 KB, and the scanner steps it once per letter as it reads.

pub(super) use crate::spelling::{Automaton, START, State};
#[cfg(test)]
use crate::{
    letter::{Letter, Tone},
    spelling::{AUTOMATON, letter_code},
    syllable::{MAX_LETTERS, Syllable},
};

/// Whether `letters` spell a valid Vietnamese syllable.
#[cfg(test)]
fn is_syllable(letters: &[Letter]) -> bool {
    if letters.is_empty() || letters.len() > MAX_LETTERS {
        return false;
    }
    let mut state = START;
    let mut tones = 0;
    for &letter in letters {
        state = AUTOMATON.step(state, letter_code(letter));
        tones |= (1 << letter.tone() as u32) & !1;
    }
    AUTOMATON.is_valid_with_tones(state, tones)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::letter::{Case, Modifier};
    use crate::spelling::tests::spellings;

    #[test]
    fn agrees_on_every_spelling_with_every_tone() {
        let spellings = spellings();
        assert!(spellings.len() > 3000, "{}", spellings.len());
        for (letters, _) in &spellings {
            for tone in Tone::ALL {
                for at in 0..letters.len() {
                    let mut toned = letters.clone();
                    toned[at] = toned[at].with_tone(tone);
                    assert_eq!(
                        is_syllable(&toned),
                        Syllable::from_letters(&toned).is_some(),
                        "{toned:?}"
                    );
                }
            }
        }
    }

    /// The scanner's letter runs, composed and decomposed, agree with
    /// `Syllable::parse` on every spelling with every tone on every letter.
    #[test]
    fn letter_runs_agree_on_every_spelling() {
        use unicode_normalization::UnicodeNormalization;
        let mut checked = 0;
        for (letters, _) in spellings() {
            for tone in Tone::ALL {
                for at in 0..letters.len() {
                    let mut toned = letters.clone();
                    toned[at] = toned[at].with_tone(tone);
                    let text: String = toned.iter().map(|l| l.to_char()).collect();
                    let expected = Syllable::parse(&text).is_some();
                    for form in [text.clone(), text.nfd().collect()] {
                        let run = super::super::letters::LetterRun::scan(form.as_bytes(), 0);
                        assert_eq!(run.end, form.len(), "{form:?}");
                        assert_eq!(run.is_syllable(), expected, "{form:?}");
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked > 50_000);
    }

    #[test]
    fn agrees_on_random_letter_sequences() {
        let mut alphabet: Vec<Letter> = ('a'..='z').filter_map(Letter::from_char).collect();
        alphabet.extend("đăâêôơưĐÂ".chars().filter_map(Letter::from_char));
        for row in &crate::letter::VOWEL_ROWS {
            alphabet.extend(
                row.lower
                    .iter()
                    .chain(&row.upper)
                    .filter_map(|&c| Letter::from_char(c)),
            );
        }
        // A small xorshift: deterministic, no dependency.
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut accepted = 0;
        for _ in 0..300_000 {
            let len = 1 + (next() % 7) as usize;
            let letters: Vec<Letter> = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            let expected = Syllable::from_letters(&letters).is_some();
            accepted += usize::from(expected);
            assert_eq!(is_syllable(&letters), expected, "{letters:?}");
        }
        assert!(accepted > 100, "the sample should hit real syllables");
        let upper = Letter::new('a', Modifier::None, Tone::Level, Case::Upper);
        assert_eq!(upper.map(|l| is_syllable(&[l])), Some(true));
    }
}
