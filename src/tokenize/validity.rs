//! A fast syllable check for the scanner, equal to
//! `Syllable::from_letters(letters).is_some()`.
//!
//! Whether letters spell a syllable depends on the toneless letters and, for
//! the stop codas (`c ch p t`), on the tone. So the check is a table of every
//! valid toneless spelling (`spellings.rs`, generated from the syllable model
//! itself by a test here, which fails if the two drift apart), plus the tone
//! rules: at most one tone written (the same one twice counts once), and
//! only sắc or nặng before a stop. Looking up a packed key in an
//! open-addressing table is several times faster than parsing.

use super::spellings::SPELLINGS;
use crate::letter::Tone;
#[cfg(test)]
use crate::letter::{Letter, Modifier};
#[cfg(test)]
use crate::syllable::{MAX_LETTERS, Syllable};

/// Whether `letters` spell a valid Vietnamese syllable.
#[cfg(test)]
fn is_syllable(letters: &[Letter]) -> bool {
    if letters.is_empty() || letters.len() > MAX_LETTERS {
        return false;
    }
    let mut key = 0u64;
    let mut tone = Tone::Level;
    for &letter in letters {
        key = (key << KEY_BITS) | u64::from(letter_code(letter));
        let t = letter.tone();
        if t != Tone::Level {
            if tone == Tone::Level {
                tone = t;
            } else if t != tone {
                return false;
            }
        }
    }
    is_valid(key, tone)
}

/// Bits per letter in a packed key: the six-bit letter code, and one bit
/// above it left clear (the scanner keeps a letter's case there while it
/// reads, and masks it off with [`CASE_BITS`] before the lookup).
pub(super) const KEY_BITS: u32 = 7;

/// The case bit of every letter of a packed key.
pub(super) const CASE_BITS: u64 = {
    let mut bits = 0;
    let mut k = 0;
    while k < 9 {
        bits |= 1 << (KEY_BITS * k + 6);
        k += 1;
    }
    bits
};

/// Whether the packed toneless letters `key` with `tone` written are a
/// valid syllable.
#[inline]
pub(super) fn is_valid(key: u64, tone: Tone) -> bool {
    match lookup(key) {
        None => false,
        Some(Ending::Open) => true,
        Some(Ending::Stop) => matches!(tone, Tone::Acute | Tone::Dot),
    }
}

/// [`is_valid`] with the tones written given as a bit set over the indices
/// of [`Tone::ALL`], level excluded: at most one bit, and for a stop ending
/// exactly sắc or nặng.
#[inline(always)]
pub(super) fn is_valid_with_tones(key: u64, tones: u32) -> bool {
    const ACUTE: u32 = 1 << 2;
    const DOT: u32 = 1 << 5;
    match lookup(key) {
        None => false,
        Some(Ending::Open) => tones & tones.wrapping_sub(1) == 0,
        Some(Ending::Stop) => tones == ACUTE || tones == DOT,
    }
}

/// Whether a valid spelling ends in a stop consonant.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Ending {
    Open,
    Stop,
}

/// A letter without tone or case, as six bits: 1–12 the vowel rows, 13–38
/// the ASCII consonants, 39 `đ`. Never 0, so keys of different lengths differ.
#[inline]
#[cfg(test)]
pub(super) fn letter_code(letter: Letter) -> u8 {
    match letter.vowel_row() {
        Some(row) => row + 1,
        None if letter.modifier() == Modifier::Stroke => 39,
        None => 13 + (letter.base() as u8).wrapping_sub(b'a') % 26,
    }
}

#[cfg(test)]
const ONSETS: &[&str] = &[
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "p", "ph", "q", "qu", "r", "s", "t", "th", "tr", "v", "x",
];
#[cfg(test)]
const CODAS: &[&str] = &["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// Slots in the table: a power of two well above the number of spellings
/// (so that linear probing stays short and always meets an empty slot).
const BITS: u32 = 14;
const SLOTS: usize = 1 << BITS;
const MASK: usize = SLOTS - 1;

/// The spellings in an open-addressing hash table, built at compile time:
/// each slot holds `key << 1 | stop` (the key widened to [`KEY_BITS`] a
/// letter), or 0 when empty (no key is 0).
static TABLE: [u64; SLOTS] = {
    let mut slots = [0u64; SLOTS];
    let mut k = 0;
    while k < SPELLINGS.len() {
        let entry = (widen(SPELLINGS[k] >> 1) << 1) | (SPELLINGS[k] & 1);
        let mut i = home(entry >> 1);
        while slots[i & MASK] != 0 {
            i += 1;
        }
        slots[i & MASK] = entry;
        k += 1;
    }
    slots
};

/// A key of six bits a letter (as in `SPELLINGS`) spread to [`KEY_BITS`].
const fn widen(mut key: u64) -> u64 {
    let mut wide = 0;
    let mut shift = 0;
    while key != 0 {
        wide |= (key & 0x3F) << shift;
        key >>= 6;
        shift += KEY_BITS;
    }
    wide
}

/// The first slot to look at for `key`.
#[inline]
const fn home(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - BITS)) as usize
}

#[inline]
fn lookup(key: u64) -> Option<Ending> {
    let mut i = home(key);
    loop {
        let entry = TABLE[i & MASK];
        if entry == 0 {
            return None;
        }
        if entry >> 1 == key {
            return Some(if entry & 1 == 1 {
                Ending::Stop
            } else {
                Ending::Open
            });
        }
        i = i.wrapping_add(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every valid toneless spelling, from the syllable model itself. First
    /// the vowel clusters (one to three vowels) that the model accepts before
    /// some coda; then every onset × accepted cluster × coda, kept when
    /// `Syllable::from_letters` accepts it, toneless (an open ending) or with
    /// sắc (a stop ending). Repairs the model makes (`nghành`, `nuớc`) come out
    /// as they are, since only its answers are recorded.
    fn spellings() -> Vec<(Vec<Letter>, Ending)> {
        let vowels: Vec<Letter> = crate::letter::VOWEL_ROWS
            .iter()
            .filter_map(|row| Letter::from_char(row.lower[0]))
            .collect();
        let letters_of =
            |s: &str| -> Vec<Letter> { s.chars().filter_map(Letter::from_char).collect() };
        let codas: Vec<Vec<Letter>> = CODAS.iter().map(|c| letters_of(c)).collect();
        let accepts = |letters: &[Letter]| -> Option<Ending> {
            if letters.len() > MAX_LETTERS {
                return None;
            }
            if Syllable::from_letters(letters).is_some() {
                return Some(Ending::Open);
            }
            let toned = with_tone_on_vowel(letters, Tone::Acute)?;
            Syllable::from_letters(&toned).map(|_| Ending::Stop)
        };
        let mut clusters: Vec<Vec<Letter>> = Vec::new();
        let mut cluster = Vec::with_capacity(3);
        for len in 1..=3u32 {
            for n in 0..vowels.len().pow(len) {
                cluster.clear();
                let mut n = n;
                for _ in 0..len {
                    cluster.push(vowels[n % vowels.len()]);
                    n /= vowels.len();
                }
                if codas
                    .iter()
                    .any(|coda| accepts(&[&cluster[..], coda].concat()).is_some())
                {
                    clusters.push(cluster.clone());
                }
            }
        }
        let mut out = Vec::new();
        for onset in ONSETS {
            let onset = letters_of(onset);
            for cluster in &clusters {
                for coda in &codas {
                    let letters = [&onset[..], cluster, coda].concat();
                    if let Some(ending) = accepts(&letters) {
                        out.push((letters, ending));
                    }
                }
            }
        }
        out
    }

    fn with_tone_on_vowel(letters: &[Letter], tone: Tone) -> Option<Vec<Letter>> {
        let i = letters.iter().rposition(|l| l.is_vowel())?;
        let mut out = letters.to_vec();
        out[i] = out[i].with_tone(tone);
        Some(out)
    }

    /// The committed table is what the syllable model gives today. Run with
    /// `VITEXT_BLESS=1` to rewrite it after changing the model.
    #[test]
    fn generated_table_is_current() {
        let mut entries: Vec<u64> = spellings()
            .iter()
            .map(|(letters, ending)| {
                let key = letters
                    .iter()
                    .fold(0u64, |k, &l| (k << 6) | u64::from(letter_code(l)));
                (key << 1) | u64::from(*ending == Ending::Stop)
            })
            .collect();
        entries.sort_unstable();
        entries.dedup();
        let mut text = String::from(HEADER);
        text.push_str("// A `const`: read only at compile time, to build the lookup table.\n");
        text.push_str("#[allow(clippy::large_const_arrays)]\n");
        text.push_str("#[rustfmt::skip]\n");
        text.push_str(&format!(
            "pub(super) const SPELLINGS: [u64; {}] = [\n",
            entries.len()
        ));
        for line in entries.chunks(6) {
            let line: Vec<String> = line.iter().map(|e| format!("0x{e:012x},")).collect();
            text.push_str(&format!("    {}\n", line.join(" ")));
        }
        text.push_str("];\n");
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/tokenize/spellings.rs");
        if std::env::var_os("VITEXT_BLESS").is_some() {
            std::fs::write(path, &text).expect("write spellings.rs");
        }
        assert!(
            include_str!("spellings.rs") == text,
            "src/tokenize/spellings.rs is stale: run VITEXT_BLESS=1 cargo test --lib generated_table_is_current"
        );
    }

    const HEADER: &str = "\
// @generated by `VITEXT_BLESS=1 cargo test --lib generated_table_is_current`
// (src/tokenize/validity.rs) from the syllable model in src/syllable/.
// Do not edit. Every valid toneless spelling of a Vietnamese syllable, as
// six-bit letter codes (`letter_code`) packed first letter highest, shifted
// left once; the low bit is set when the spelling ends in a stop consonant
// (`c ch p t`), which takes only sắc or nặng.

";
    use crate::letter::Case;

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
