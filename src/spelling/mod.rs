//! The spelling automaton: the one table set of the syllable rule that the
//! stages step as they read letters.
//!
//! It is the minimal automaton over toneless letter codes ([`letter_code`])
//! that accepts exactly the spellings of Vietnamese syllables, and each of
//! its states carries what the syllable model says of the spellings that
//! end there: whether they end in a stop (`c ch p t`, which take only sắc
//! or nặng: `ACCEPT`), and, for each tone placement, which marks they
//! can carry where and still be written as the model writes them
//! ([`is_placed`]). The tokenizer asks the first (is this word a
//! syllable?, [`Automaton::is_valid_with_tones`]), the normalizer the
//! second (can this word be left as it is?, [`is_unchanged`]).
//!
//! The tables (`tables.rs`) are generated from the syllable model itself
//! and committed: `VITEXT_BLESS=1 cargo test --lib spelling_tables_are_current`
//! writes them, and the test fails whenever the model and the tables
//! drift apart. The generator enumerates every onset, every vowel group
//! the model accepts and every coda, keeps the spellings
//! `Syllable::from_letters` accepts, and asks the model, for every tone on
//! every vowel of each, whether the syllable is valid, unrepaired and
//! placed in each style. Nothing here restates the rule.

mod tables;

use crate::letter::{Letter, Modifier};
use crate::syllable::TonePlacement;
use tables::{NEXT, PLACED};

/// How many letter codes there are ([`letter_code`]; 0 is none).
const CODES: usize = 40;

/// [`tables::ACCEPT`] of a state where a spelling ends in a vowel or a
/// nasal: any one tone, or none.
const OPEN: u8 = 1;
/// [`tables::ACCEPT`] of a state where a spelling ends in a stop: sắc or
/// nặng.
const STOP: u8 = 2;

/// A letter without tone or case, as six bits: 1–12 the vowel rows of
/// [`VOWEL_ROWS`](crate::letter::VOWEL_ROWS), 13–38 the ASCII consonants
/// (and the ASCII vowels' own codes, which no spelling uses), 39 `đ`.
#[inline]
pub(crate) fn letter_code(letter: Letter) -> u8 {
    match letter.vowel_row() {
        Some(row) => row + 1,
        None if letter.modifier() == Modifier::Stroke => 39,
        None => 13 + (letter.base() as u8).wrapping_sub(b'a') % 26,
    }
}

/// A state of the automaton, times 64: the first index of its row in
/// [`Automaton`]'s transitions, so that a step is one `or` and one load.
pub(crate) type State = u16;

/// The state before the first letter. (State 0 is dead: nothing leaves
/// it, and no spelling ends there.)
pub(crate) const START: State = 1 << 6;

/// The states the layout holds.
const STATES: usize = 128;

/// The automaton's tables side by side, so that a scanner that keeps them
/// in a structure of its own (see `tokenize::letters`) reaches them all
/// from one address.
pub(crate) struct Automaton {
    transitions: [State; STATES * 64],
    tone_sets: [u64; STATES],
}

impl Automaton {
    /// The tables, for a scanner's own structure.
    pub(crate) const TABLES: Automaton = Automaton {
        transitions: TRANSITIONS,
        tone_sets: TONE_SETS,
    };

    /// The state after reading the letter `code` (see [`letter_code`]; the
    /// bits above its six are ignored) in `state`.
    #[inline(always)]
    pub(crate) fn step(&self, state: State, code: u8) -> State {
        let index = usize::from(state | u16::from(code & 0x3F));
        self.transitions[index & (self.transitions.len() - 1)]
    }

    /// Whether the spelling the automaton read into `state`, with the
    /// tones written given as a bit set over the indices of
    /// [`Tone::ALL`](crate::letter::Tone::ALL) (level excluded), is a valid
    /// syllable: at most one tone, and for a stop ending exactly sắc or
    /// nặng. Without a branch: one load and a shift.
    #[inline(always)]
    pub(crate) fn is_valid_with_tones(&self, state: State, tones: u32) -> bool {
        let sets = self.tone_sets[usize::from(state >> 6) & (self.tone_sets.len() - 1)];
        (sets >> (tones & 0x3F)) & 1 == 1
    }
}

/// The tables, for the stages that do not keep their own copy.
pub(crate) static AUTOMATON: Automaton = Automaton::TABLES;

/// [`NEXT`] laid out 64 codes a state, each next state times 64 (see
/// [`State`]).
const TRANSITIONS: [State; STATES * 64] = {
    assert!(NEXT.len() <= STATES, "the automaton must fit the layout");
    assert!(CODES <= 64, "a letter code must fit six bits");
    let mut table = [0; STATES * 64];
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
/// [`Tone::ALL`](crate::letter::Tone::ALL), level excluded) that make its
/// spelling a syllable, as one bit each of a `u64`: none for a state that
/// spells none; no tone or any single one for an open ending; sắc or nặng
/// alone for a stop.
const TONE_SETS: [u64; STATES] = {
    const ACUTE: u64 = 1 << (1 << 2);
    const DOT: u64 = 1 << (1 << 5);
    let mut table = [0; STATES];
    let mut state = 0;
    while state < tables::ACCEPT.len() {
        table[state] = match tables::ACCEPT[state] {
            OPEN => {
                let mut sets = 1;
                let mut tone = 1;
                while tone < 6 {
                    sets |= 1 << (1 << tone);
                    tone += 1;
                }
                sets
            }
            STOP => ACUTE | DOT,
            _ => 0,
        };
        state += 1;
    }
    table
};

/// Where a written mark is, for [`is_placed`] and [`is_unchanged`]: 0 for
/// a word without one, else one bit-index for each mark and distance from
/// the end.
pub(crate) type Mark = u32;

/// The [`Mark`] of a word whose one mark is the tone of index `tone`
/// in [`Tone::ALL`](crate::letter::Tone::ALL) (1 to 5) on the letter
/// `from_end` letters before its last (0: on the last letter);
/// [`Mark::MAX`], which no table holds, when it is seven letters or more
/// from the end (no spelling is that long).
#[inline(always)]
pub(crate) const fn mark(tone: u32, from_end: usize) -> Mark {
    if from_end >= MARK_DISTANCES {
        return Mark::MAX;
    }
    1 + from_end as u32 * 5 + tone.wrapping_sub(1)
}

/// How far from the end [`mark`] tells marks apart: as far as a word of
/// seven letters reaches.
const MARK_DISTANCES: usize = crate::syllable::MAX_LETTERS;
/// How many marks there are (with 0, none).
const MARKS: u32 = 1 + 5 * MARK_DISTANCES as u32;
const _: () = assert!(MARKS <= 64, "a mark past a u64");

/// The column of `placement` in [`PLACED`] and [`UNCHANGED`].
#[inline(always)]
const fn column(placement: TonePlacement) -> usize {
    match placement {
        TonePlacement::Keep => 0,
        TonePlacement::Traditional => 1,
        TonePlacement::Modern => 2,
    }
}

/// Whether a word the automaton read into `state`, with the one mark
/// `mark` (see [`mark`]), is a syllable the model writes as it is in
/// `placement`: valid, with nothing the model repairs, and the mark where
/// `placement` puts it (with `Keep`, where either style does).
#[inline(always)]
pub(crate) fn is_placed(state: State, placement: TonePlacement, mark: Mark) -> bool {
    let marks = PLACED
        .get(usize::from(state >> 6))
        .map_or(0, |row| row[column(placement)]);
    marks.checked_shr(mark).unwrap_or(0) & 1 != 0
}

/// Whether the syllable model leaves a word the automaton read into
/// `state`, with the one mark `mark`, as it is in `placement`: it spells no
/// syllable with that mark, or it is one the model writes so
/// ([`is_placed`]). One load and a shift. A word of two marks (which may be
/// one tone typed twice, written once) passes [`Mark::MAX`] and is never
/// unchanged here.
#[inline(always)]
pub(crate) fn is_unchanged(state: State, placement: TonePlacement, mark: Mark) -> bool {
    let marks = UNCHANGED[usize::from(state >> 6) & (STATES - 1)][column(placement)];
    marks.checked_shr(mark).unwrap_or(0) & 1 != 0
}

/// For each state and placement, the marks with which [`is_unchanged`]
/// holds.
static UNCHANGED: [[u64; 3]; STATES] = {
    let mut table = [[0; 3]; STATES];
    let mut state = 0;
    while state < STATES {
        let mut column = 0;
        while column < 3 {
            let placed = if state < PLACED.len() {
                PLACED[state][column] as u64
            } else {
                0
            };
            let mut mark = 0;
            while mark < MARKS {
                let tone = if mark == 0 { 0 } else { (mark - 1) % 5 + 1 };
                let syllable = TONE_SETS[state] >> (if tone == 0 { 0 } else { 1 << tone }) & 1;
                if syllable == 0 || placed >> mark & 1 != 0 {
                    table[state][column] |= 1 << mark;
                }
                mark += 1;
            }
            column += 1;
        }
        state += 1;
    }
    table
};

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::letter::Tone;
    use crate::syllable::{MAX_LETTERS, Syllable};
    use std::collections::{BTreeMap, HashMap, VecDeque};

    const ONSETS: &[&str] = &[
        "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
        "nh", "p", "ph", "q", "qu", "r", "s", "t", "th", "tr", "v", "x",
    ];
    const CODAS: &[&str] = &["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

    const PLACEMENTS: [TonePlacement; 3] = [
        TonePlacement::Keep,
        TonePlacement::Traditional,
        TonePlacement::Modern,
    ];

    /// Every valid toneless spelling, from the syllable model itself, with
    /// its [`ACCEPT`] value. First the vowel groups (one to three vowels)
    /// that the model accepts before some coda; then every onset × accepted
    /// group × coda, kept when `Syllable::from_letters` accepts it, toneless
    /// ([`OPEN`]) or with sắc ([`STOP`]). Repairs the model makes
    /// (`nghành`, `nuớc`) come out as they are, since only its answers are
    /// recorded.
    pub(crate) fn spellings() -> Vec<(Vec<Letter>, u8)> {
        let vowels: Vec<Letter> = crate::letter::VOWEL_ROWS
            .iter()
            .filter_map(|row| Letter::from_char(row.lower[0]))
            .collect();
        let letters_of =
            |s: &str| -> Vec<Letter> { s.chars().filter_map(Letter::from_char).collect() };
        let codas: Vec<Vec<Letter>> = CODAS.iter().map(|c| letters_of(c)).collect();
        let accepts = |letters: &[Letter]| -> Option<u8> {
            if letters.len() > MAX_LETTERS {
                return None;
            }
            if Syllable::from_letters(letters).is_some() {
                return Some(OPEN);
            }
            let toned = with_tone_on_vowel(letters, Tone::Acute)?;
            Syllable::from_letters(&toned).map(|_| STOP)
        };
        let mut groups: Vec<Vec<Letter>> = Vec::new();
        let mut group = Vec::with_capacity(3);
        for len in 1..=3u32 {
            for n in 0..vowels.len().pow(len) {
                group.clear();
                let mut n = n;
                for _ in 0..len {
                    group.push(vowels[n % vowels.len()]);
                    n /= vowels.len();
                }
                if codas
                    .iter()
                    .any(|coda| accepts(&[&group[..], coda].concat()).is_some())
                {
                    groups.push(group.clone());
                }
            }
        }
        let mut out = Vec::new();
        for onset in ONSETS {
            let onset = letters_of(onset);
            for group in &groups {
                for coda in &codas {
                    let letters = [&onset[..], group, coda].concat();
                    if let Some(ending) = accepts(&letters) {
                        out.push((letters, ending));
                    }
                }
            }
        }
        out
    }

    /// `letters` with `tone` on the last vowel; `None` without a vowel.
    pub(crate) fn with_tone_on_vowel(letters: &[Letter], tone: Tone) -> Option<Vec<Letter>> {
        let i = letters.iter().rposition(|l| l.is_vowel())?;
        let mut out = letters.to_vec();
        out[i] = out[i].with_tone(tone);
        Some(out)
    }

    /// What the normalizer's fast path may take from the model: `letters`
    /// (precomposed) spell a valid syllable that nothing repairs, with its
    /// mark (if any) where `placement` puts it.
    pub(crate) fn model_placed(letters: &[Letter], placement: TonePlacement) -> bool {
        Syllable::from_letters(letters).is_some_and(|s| !s.is_repaired() && s.is_placed(placement))
    }

    /// The marks of [`tables::PLACED`] for a toneless spelling, in each
    /// placement: bit 0 when it stays unmarked, and the bit of [`mark`] for
    /// each tone on each vowel that stays.
    fn placed_marks(letters: &[Letter]) -> [u16; 3] {
        let mut marks = [0u16; 3];
        for (column, placement) in PLACEMENTS.into_iter().enumerate() {
            if model_placed(letters, placement) {
                marks[column] |= 1;
            }
            for at in 0..letters.len() {
                if !letters[at].is_vowel() {
                    continue;
                }
                for (tone, &t) in Tone::ALL.iter().enumerate().skip(1) {
                    let mut toned = letters.to_vec();
                    toned[at] = toned[at].with_tone(t);
                    if model_placed(&toned, placement) {
                        let bit = mark(tone as u32, letters.len() - 1 - at);
                        assert!(bit < 16, "a mark past the tables' 16 bits: {toned:?}");
                        marks[column] |= 1 << bit;
                    }
                }
            }
        }
        marks
    }

    /// What a state says: [`ACCEPT`] and the placed marks.
    type Label = (u8, [u16; 3]);

    /// The minimal automaton of the spellings, each state labelled with
    /// what the model says of the spellings that end there, as Rust
    /// source. A trie of the spellings is folded bottom-up: two nodes are
    /// one state when they have the same label and go to the same states on
    /// the same letters. States are then numbered breadth-first from the
    /// start (1), after the dead state (0), so the output depends only on
    /// the model.
    fn render_tables() -> String {
        type Signature = (Label, Vec<(u8, usize)>);
        #[derive(Default)]
        struct Node {
            label: Label,
            next: BTreeMap<u8, usize>,
        }
        let mut trie = vec![Node::default()];
        for (letters, ending) in spellings() {
            let mut node = 0;
            for &letter in &letters {
                let code = letter_code(letter.with_tone(Tone::Level));
                let len = trie.len();
                node = *trie[node].next.entry(code).or_insert(len);
                if node == len {
                    trie.push(Node::default());
                }
            }
            trie[node].label = (ending, placed_marks(&letters));
        }
        // Children always come after their parent: fold from the end.
        let mut class = vec![0usize; trie.len()];
        let mut classes: HashMap<Signature, usize> = HashMap::new();
        let mut signatures: Vec<Signature> = Vec::new();
        for node in (0..trie.len()).rev() {
            let signature: Signature = (
                trie[node].label,
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
            "\n#[rustfmt::skip]\npub(crate) static NEXT: [[u8; {CODES}]; {states}] = [\n"
        ));
        text.push_str(&format!("    [{}],\n", vec!["0"; CODES].join(", ")));
        for &c in &order {
            let mut row = [0u8; CODES];
            for &(code, n) in &signatures[c].1 {
                row[usize::from(code)] = number[&n];
            }
            let row: Vec<String> = row.iter().map(u8::to_string).collect();
            text.push_str(&format!("    [{}],\n", row.join(", ")));
        }
        text.push_str("];\n");
        let labels: Vec<Label> = std::iter::once((0, [0; 3]))
            .chain(order.iter().map(|&c| signatures[c].0))
            .collect();
        let accept: Vec<String> = labels.iter().map(|l| l.0.to_string()).collect();
        text.push_str(&format!(
            "\n#[rustfmt::skip]\npub(crate) static ACCEPT: [u8; {states}] = [{}];\n",
            accept.join(", ")
        ));
        text.push_str(&format!(
            "\n#[rustfmt::skip]\npub(super) static PLACED: [[u16; 3]; {states}] = [\n"
        ));
        for (_, marks) in &labels {
            let cells: Vec<String> = marks.iter().map(|m| format!("{m:#06x}")).collect();
            text.push_str(&format!("    [{}],\n", cells.join(", ")));
        }
        text.push_str("];\n");
        text
    }

    const HEADER: &str = "\
// @generated by `VITEXT_BLESS=1 cargo test --lib spelling_tables_are_current`
// (src/spelling/mod.rs) from the syllable model in src/syllable/. Do not edit.
// The minimal automaton over toneless letter codes (`letter_code`: 1-12 the
// vowel rows, 13-38 the ASCII consonants, 39 `đ`) that accepts exactly the
// spellings of Vietnamese syllables. State 0 is dead, state 1 the start;
// `NEXT[state][code]` is the next state. `ACCEPT[state]` is 1 when a
// spelling ends there, 2 when it ends in a stop consonant (`c ch p t`, which
// take only sắc or nặng), 0 otherwise. `PLACED[state]` holds, for the
// placements keep, traditional and modern, the marks (`mark`) with which
// the spelling is a syllable that the normalizer leaves as it is.
";

    /// The committed tables are what the syllable model gives today. Run
    /// with `VITEXT_BLESS=1` to rewrite them after changing the model.
    #[test]
    fn spelling_tables_are_current() {
        crate::generated::check(
            "src/spelling/tables.rs",
            include_str!("tables.rs"),
            &render_tables(),
            "spelling_tables_are_current",
        );
    }

    /// The automaton's state after `letters` and their mark, read letter by
    /// letter as the stages read them.
    fn read(letters: &[Letter]) -> (State, Mark) {
        let mut state = START;
        let mut marks = Vec::new();
        for (i, &letter) in letters.iter().enumerate() {
            state = AUTOMATON.step(state, letter_code(letter));
            if letter.tone() != Tone::Level {
                marks.push((letter.tone() as u32, i));
            }
        }
        let mark = match marks[..] {
            [] => 0,
            [(tone, at)] => mark(tone, letters.len() - 1 - at),
            _ => Mark::MAX,
        };
        (state, mark)
    }

    fn placed(letters: &[Letter], placement: TonePlacement) -> bool {
        let (state, mark) = read(letters);
        is_placed(state, placement, mark)
    }

    /// Every spelling and every prefix of one, with every tone on every
    /// letter and in two cases: the tables say "placed" exactly when the
    /// model writes it as a syllable so, and "unchanged" exactly when it
    /// is that or no syllable at all.
    #[test]
    fn tables_answer_as_the_model_does() {
        use crate::letter::Case;
        let mut agreed = [0usize; 3];
        for (letters, _) in spellings() {
            for end in 1..=letters.len() {
                for tone in Tone::ALL {
                    for at in 0..end {
                        let mut toned = letters[..end].to_vec();
                        toned[at] = toned[at].with_tone(tone);
                        for case in [Case::Lower, Case::Upper] {
                            let mut cased = toned.clone();
                            cased[0] = cased[0].with_case(case);
                            let (state, mark) = read(&cased);
                            let syllable = Syllable::from_letters(&cased);
                            for placement in PLACEMENTS {
                                let model = model_placed(&cased, placement);
                                let what = format!("{cased:?} {placement:?}");
                                assert_eq!(is_placed(state, placement, mark), model, "{what}");
                                assert_eq!(
                                    is_unchanged(state, placement, mark),
                                    model || syllable.is_none(),
                                    "{what}"
                                );
                                agreed[usize::from(model) + usize::from(syllable.is_none()) * 2] +=
                                    1;
                            }
                        }
                    }
                }
            }
        }
        assert!(agreed.iter().all(|&n| n > 50_000), "{agreed:?}");
    }

    /// A word of two marks is neither placed nor unchanged, syllable or
    /// not: the full path decides.
    #[test]
    fn two_marks() {
        for word in ["hóá", "ábà"] {
            let letters: Vec<Letter> = word.chars().filter_map(Letter::from_char).collect();
            let (state, mark) = read(&letters);
            assert_eq!(mark, Mark::MAX, "{word}");
            for placement in PLACEMENTS {
                assert!(!is_placed(state, placement, mark), "{word}");
                assert!(!is_unchanged(state, placement, mark), "{word}");
            }
        }
    }

    #[test]
    fn one_mark_by_style() {
        let one: Vec<Letter> = "hoá".chars().filter_map(Letter::from_char).collect();
        assert!(placed(&one, TonePlacement::Keep) && placed(&one, TonePlacement::Modern));
        assert!(!placed(&one, TonePlacement::Traditional));
    }

    /// The automaton is the one of the toneless spellings (41 states),
    /// split only where the model says different things of them: a change
    /// that splits far more is worth a look. (The layout's bound of 128 is
    /// checked when it is built.)
    #[test]
    fn size() {
        let states = NEXT.len();
        assert!((41..100).contains(&states), "{states} states");
    }
}
