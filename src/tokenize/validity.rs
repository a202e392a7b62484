//! A fast syllable check for the scanner, equal to
//! `Syllable::from_letters(letters).is_some()`.
//!
//! Whether letters spell a syllable depends on the toneless letters and, for
//! the stop codas (`c ch p t`), on the tone. So the check is an automaton
//! over toneless letter codes that accepts exactly the valid spellings
//! (`spelling_dfa.rs`, generated from the syllable model itself by a test
//! here, which fails if the two drift apart), plus the tone rules: at most
//! one tone written (the same one twice counts once), and only sắc or nặng
//! before a stop. Vietnamese phonotactics are regular enough that the
//! minimal automaton for the five thousand-odd spellings has a few dozen
//! states: its table is 8 KB, and the scanner steps it once per letter as
//! it reads.

use super::spelling_dfa::{ACCEPT, NEXT};
#[cfg(test)]
use crate::letter::{Letter, Modifier, Tone};
#[cfg(test)]
use crate::syllable::{MAX_LETTERS, Syllable};

/// Whether `letters` spell a valid Vietnamese syllable.
#[cfg(test)]
fn is_syllable(letters: &[Letter]) -> bool {
    if letters.is_empty() || letters.len() > MAX_LETTERS {
        return false;
    }
    let mut state = START;
    let mut tones = 0;
    for &letter in letters {
        state = step(state, letter_code(letter));
        let index = Tone::ALL.iter().position(|&t| t == letter.tone());
        tones |= (1 << index.unwrap_or(0)) & !1;
    }
    AUTOMATON.is_valid_with_tones(state, tones)
}

/// The automaton's tables side by side, so that a scanner that keeps them
/// in a structure of its own (see `letters`) reaches them all from one
/// address.
pub(super) struct Automaton {
    transitions: [State; 64 * 64],
    tone_sets: [u64; 64],
}

impl Automaton {
    /// The tables, for a scanner's own structure.
    pub(super) const TABLES: Automaton = Automaton {
        transitions: TRANSITIONS,
        tone_sets: TONE_SETS,
    };

    /// The state after reading the letter `code` (see `letter_code`; the
    /// bits above its six are ignored) in `state`. State 0 is dead:
    /// nothing leaves it.
    #[inline(always)]
    pub(super) fn step(&self, state: State, code: u8) -> State {
        let index = usize::from(state | u16::from(code & 0x3F));
        self.transitions[index & (self.transitions.len() - 1)]
    }

    /// Whether the spelling the automaton read into `state`, with the
    /// tones written given as a bit set over the indices of [`Tone::ALL`](crate::letter::Tone::ALL)
    /// (level excluded), is a valid syllable: at most one tone, and for a
    /// stop ending exactly sắc or nặng. Without a branch: one load and a
    /// shift.
    #[inline(always)]
    pub(super) fn is_valid_with_tones(&self, state: State, tones: u32) -> bool {
        let sets = self.tone_sets[usize::from(state >> 6) & (self.tone_sets.len() - 1)];
        (sets >> (tones & 0x3F)) & 1 == 1
    }
}

/// The tables for the tests here; the scanner keeps its own copy (see
/// `letters`).
#[cfg(test)]
static AUTOMATON: Automaton = Automaton::TABLES;

/// A state of the spelling automaton, times 64: the first index of its row
/// in [`TRANSITIONS`], so that a step is one `or` and one load.
pub(super) type State = u16;

/// The automaton's state before the first letter.
pub(super) const START: State = 1 << 6;

/// [`Automaton::step`] on the tests' tables.
#[cfg(test)]
fn step(state: State, code: u8) -> State {
    AUTOMATON.step(state, code)
}

/// [`NEXT`] laid out 64 codes a state, each next state times 64 (see
/// [`State`]).
const TRANSITIONS: [State; 64 * 64] = {
    assert!(NEXT.len() <= 64, "the automaton must fit 64 states");
    let mut table = [0; 64 * 64];
    let mut state = 0;
    while state < NEXT.len() {
        let mut code = 0;
        while code < NEXT[state].len() {
            table[state << 6 | code] = (NEXT[state][code] as State) << 6;
            code += 1;
        }
        state += 1;
    }
    table
};

/// For each state, the tone sets (bit sets over the indices of
/// [`Tone::ALL`](crate::letter::Tone::ALL), level excluded) that make its spelling a syllable, as
/// one bit each of a `u64`: none for a state that spells none; no tone or
/// any single one for an open ending; sắc or nặng alone for a stop.
const TONE_SETS: [u64; 64] = {
    const ACUTE: u64 = 1 << (1 << 2);
    const DOT: u64 = 1 << (1 << 5);
    let mut table = [0; 64];
    let mut state = 0;
    while state < ACCEPT.len() {
        table[state] = match ACCEPT[state] {
            1 => {
                let mut sets = 1;
                let mut tone = 1;
                while tone < 6 {
                    sets |= 1 << (1 << tone);
                    tone += 1;
                }
                sets
            }
            2 => ACUTE | DOT,
            _ => 0,
        };
        state += 1;
    }
    table
};

/// Whether a valid spelling ends in a stop consonant (for the generator).
#[cfg(test)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Ending {
    Open,
    Stop,
}

/// A letter without tone or case, as six bits: 1–12 the vowel rows, 13–38
/// the ASCII consonants, 39 `đ` (0 is no letter).
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

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Every valid toneless spelling, from the syllable model itself. First
    /// the vowel clusters (one to three vowels) that the model accepts before
    /// some coda; then every onset × accepted cluster × coda, kept when
    /// `Syllable::from_letters` accepts it, toneless (an open ending) or with
    /// sắc (a stop ending). Repairs the model makes (`nghành`, `nuớc`) come out
    /// as they are, since only its answers are recorded.
    pub(in crate::tokenize) fn spellings() -> Vec<(Vec<Letter>, Ending)> {
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

    pub(in crate::tokenize) fn with_tone_on_vowel(
        letters: &[Letter],
        tone: Tone,
    ) -> Option<Vec<Letter>> {
        let i = letters.iter().rposition(|l| l.is_vowel())?;
        let mut out = letters.to_vec();
        out[i] = out[i].with_tone(tone);
        Some(out)
    }

    /// The committed table is what the syllable model gives today. Run with
    /// `VITEXT_BLESS=1` to rewrite it after changing the model.
    #[test]
    fn generated_table_is_current() {
        let text = render_automaton(&spellings());
        crate::generated::check(
            "src/tokenize/spelling_dfa.rs",
            include_str!("spelling_dfa.rs"),
            &text,
            "generated_table_is_current",
        );
    }

    /// The minimal automaton accepting the spellings, as Rust source. A trie
    /// of the spellings is folded bottom-up: two nodes are one state when
    /// they accept the same way and go to the same states on the same
    /// letters. States are then numbered breadth-first from the start (1),
    /// after the dead state (0), so the output depends only on the set.
    fn render_automaton(spellings: &[(Vec<Letter>, Ending)]) -> String {
        use std::collections::{BTreeMap, HashMap, VecDeque};
        type Signature = (u8, Vec<(u8, usize)>);
        #[derive(Default)]
        struct Node {
            accept: u8,
            next: BTreeMap<u8, usize>,
        }
        let mut trie = vec![Node::default()];
        for (letters, ending) in spellings {
            let mut node = 0;
            for &letter in letters {
                let code = letter_code(letter.with_tone(Tone::Level));
                let len = trie.len();
                node = *trie[node].next.entry(code).or_insert(len);
                if node == len {
                    trie.push(Node::default());
                }
            }
            trie[node].accept = if *ending == Ending::Stop { 2 } else { 1 };
        }
        // Children always come after their parent: fold from the end.
        let mut class = vec![0usize; trie.len()];
        let mut classes: HashMap<Signature, usize> = HashMap::new();
        let mut signatures: Vec<Signature> = Vec::new();
        for node in (0..trie.len()).rev() {
            let signature: Signature = (
                trie[node].accept,
                trie[node]
                    .next
                    .iter()
                    .map(|(&c, &n)| (c, class[n]))
                    .collect(),
            );
            let len = classes.len();
            class[node] = *classes.entry(signature.clone()).or_insert(len);
            if class[node] == len {
                signatures.push(signature);
            }
        }
        let mut number: HashMap<usize, u8> = HashMap::new();
        let mut order = Vec::new();
        let mut queue = VecDeque::from([class[0]]);
        number.insert(class[0], 1);
        while let Some(c) = queue.pop_front() {
            order.push(c);
            for &(_, n) in &signatures[c].1 {
                if !number.contains_key(&n) {
                    let id = u8::try_from(number.len() + 1).expect("under 256 states");
                    number.insert(n, id);
                    queue.push_back(n);
                }
            }
        }
        let states = order.len() + 1;
        let mut text = String::from(HEADER);
        text.push_str(&format!(
            "pub(super) const NEXT: [[u8; 40]; {states}] = [\n"
        ));
        text.push_str(&format!("    [{}],\n", vec!["0"; 40].join(", ")));
        for &c in &order {
            let mut row = [0u8; 40];
            for &(code, n) in &signatures[c].1 {
                row[usize::from(code)] = number[&n];
            }
            let row: Vec<String> = row.iter().map(u8::to_string).collect();
            text.push_str(&format!("    [{}],\n", row.join(", ")));
        }
        text.push_str("];\n\n");
        let accept: Vec<String> = std::iter::once(0)
            .chain(order.iter().map(|&c| signatures[c].0))
            .map(|a| a.to_string())
            .collect();
        text.push_str("#[rustfmt::skip]\n");
        text.push_str(&format!(
            "pub(super) const ACCEPT: [u8; {states}] = [{}];\n",
            accept.join(", ")
        ));
        text
    }

    const HEADER: &str = "\
// @generated by `VITEXT_BLESS=1 cargo test --lib generated_table_is_current`
// (src/tokenize/validity.rs) from the syllable model in src/syllable/.
// Do not edit. The minimal automaton over toneless letter codes
// (`letter_code`: 1-12 the vowel rows, 13-38 the ASCII consonants, 39 `đ`)
// that accepts exactly the valid spellings of Vietnamese syllables. State 0
// is dead, state 1 the start; `NEXT[state][code]` is the next state, and
// `ACCEPT[state]` is 1 when a spelling ends there, 2 when it ends in a stop
// consonant (`c ch p t`, which take only sắc or nặng), 0 otherwise.

#[rustfmt::skip]
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
