//! The placement rule of the fast path as a finite automaton over letter
//! classes, so that the scan decides words while it reads them: one table
//! lookup a character, no branch at the end of a word.
//!
//! The tables are generated from [`Word::is_placed`] itself and committed
//! (`placement_dfa.rs`, about 120 states of 32 two-byte entries a
//! placement, 8 kB): nothing is built at run time. The generator (the
//! tests of this module) first builds the automaton of word prefixes: a
//! state is a prefix, reduced to the facts the rule can still look at (the
//! identity of a consonant matters only in the first three letters, that
//! of a vowel only where `qu`/`gi`, `gh`/`ngh`, an open `oa`/`oe`/`uy` or
//! `uơ` can see it), and a prefix that no ending can make placed (two
//! tones, two groups of vowels, a letter repair) is dead; about 5,000
//! states. It then merges the states that no input tells apart, keeping
//! the dead state and the start apart, which leaves the tables committed.
//! The automaton may give up (dead) where the rule would not: the scan
//! then asks the rule. It must never accept a word the rule does not, and
//! a test walks every word it does not give up on, up to seven letters, to
//! check that; another checks that the committed tables answer as the
//! automaton of prefixes does on every input.

#[cfg(test)]
use std::collections::HashMap;
#[cfg(test)]
use std::hash::{BuildHasherDefault, Hasher};

use super::placement_dfa;
use crate::syllable::TonePlacement;
#[cfg(test)]
use {
    super::fast::CLASS_FACTS,
    super::word::{MODIFIED, TONED, VOWEL, Word, code},
    crate::syllable::MAX_LETTERS,
};

/// Columns of the transition table: one per class, rounded up.
pub(super) const CLASSES: usize = 32;
/// The class of an ASCII character that is not a letter, and of the end of
/// the text: it ends a word.
pub(super) const TERM: u8 = 0;
/// The class of any other character that is not a Vietnamese letter.
pub(super) const OTHER: u8 = 1;
/// The first letter class; [`CLASS_FACTS`] lists them from here.
pub(super) const FIRST_LETTER: u8 = 2;

/// The state after which nothing is certain: the scan takes the slow path.
pub(super) const DEAD: u16 = 0;
/// The state between words.
pub(super) const START: u16 = 1;

/// The transition table of `placement`: `next[state * CLASSES + class]`.
#[inline]
pub(super) fn table(placement: TonePlacement) -> &'static [u16] {
    match placement {
        TonePlacement::Keep => &placement_dfa::KEEP,
        TonePlacement::Traditional => &placement_dfa::TRADITIONAL,
        TonePlacement::Modern => &placement_dfa::MODERN,
    }
}

/// The automaton of word prefixes, from which the committed tables are
/// generated: `next[state * CLASSES + class]`.
#[cfg(test)]
struct Prefixes {
    next: Vec<u16>,
}

#[cfg(test)]
impl Prefixes {
    fn build(placement: TonePlacement) -> Prefixes {
        let mut states: Vec<Prefix> = vec![Prefix::Dead, Prefix::START];
        let mut index: HashMap<Prefix, u16, BuildHasherDefault<PrefixHasher>> =
            HashMap::with_capacity_and_hasher(8192, BuildHasherDefault::default());
        let mut next = Vec::new();
        let mut i = 0;
        while let Some(&prefix) = states.get(i) {
            for class in 0..CLASSES as u8 {
                let id = match prefix.step(class, placement) {
                    // Most steps lead to these two: no need to look them up.
                    Prefix::Dead => DEAD,
                    Prefix::START => START,
                    to => *index.entry(to).or_insert_with(|| {
                        states.push(to);
                        (states.len() - 1) as u16
                    }),
                };
                next.push(id);
            }
            i += 1;
        }
        assert!(states.len() <= usize::from(u16::MAX), "automaton too large");
        Prefixes { next }
    }

    fn len(&self) -> usize {
        self.next.len() / CLASSES
    }

    /// The same automaton with the states no input tells apart merged
    /// (the dead state and the start kept apart, as the scan tests for
    /// them), numbered breadth-first from the start after the dead state,
    /// so that the table depends only on the rule.
    fn minimized(&self) -> Vec<u16> {
        let n = self.len();
        let at = |s: usize, c: usize| usize::from(self.next[s * CLASSES + c]);
        // Refine {dead}, {start}, {the rest} until no block splits.
        let mut block: Vec<usize> = (0..n).map(|s| s.min(2)).collect();
        let mut blocks = 3;
        loop {
            let mut ids: HashMap<(usize, Vec<usize>), usize> = HashMap::new();
            let refined: Vec<usize> = (0..n)
                .map(|s| {
                    let row = (0..CLASSES).map(|c| block[at(s, c)]).collect();
                    let fresh = ids.len();
                    *ids.entry((block[s], row)).or_insert(fresh)
                })
                .collect();
            let count = ids.len();
            block = refined;
            if count == blocks {
                break;
            }
            blocks = count;
        }
        // Number the blocks: dead 0, start 1, the rest breadth-first.
        let mut number = vec![usize::MAX; blocks];
        let mut first_of = vec![0; blocks];
        for s in (0..n).rev() {
            first_of[block[s]] = s;
        }
        number[block[0]] = 0;
        number[block[1]] = 1;
        let mut order = vec![block[0], block[1]];
        let mut k = 1;
        while let Some(&b) = order.get(k) {
            for c in 0..CLASSES {
                let to = block[at(first_of[b], c)];
                if number[to] == usize::MAX {
                    number[to] = order.len();
                    order.push(to);
                }
            }
            k += 1;
        }
        let mut next = Vec::with_capacity(order.len() * CLASSES);
        for &b in &order {
            for c in 0..CLASSES {
                next.push(number[block[at(first_of[b], c)]] as u16);
            }
        }
        next
    }
}

#[cfg(test)]
/// A multiplicative hasher for the few words a [`Prefix`] is made of: the
/// default hasher is built for untrusted keys and dominates the build.
#[derive(Default)]
struct PrefixHasher(u64);

#[cfg(test)]
impl Hasher for PrefixHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517C_C1B7_2722_0A95);
    }

    fn write_u8(&mut self, byte: u8) {
        self.write_u64(u64::from(byte));
    }

    fn write_isize(&mut self, word: isize) {
        self.write_u64(word as u64);
    }
}

#[cfg(test)]
/// A state: what the rule still needs to know of the word read so far.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Prefix {
    /// Nothing more is certain.
    Dead,
    /// The letters' facts, reduced (see [`reduce`]), and how many there
    /// are.
    Letters { packed: u64, n: u8 },
}

#[cfg(test)]
impl Prefix {
    const START: Prefix = Prefix::Letters { packed: 0, n: 0 };

    fn step(self, class: u8, placement: TonePlacement) -> Prefix {
        let Prefix::Letters { packed, n } = self else {
            return Prefix::Dead;
        };
        let Some(&info) = class
            .checked_sub(FIRST_LETTER)
            .and_then(|i| CLASS_FACTS.get(usize::from(i)))
        else {
            // A character that ends the word: the word must be placed;
            // other characters take the slow path.
            let placed = Word::new(packed, usize::from(n)).is_placed(placement);
            return if class == TERM && placed {
                Prefix::START
            } else {
                Prefix::Dead
            };
        };
        if usize::from(n) >= MAX_LETTERS {
            return Prefix::Dead;
        }
        let packed = packed | u64::from(info) << (8 * n);
        let n = n + 1;
        if is_doomed(packed, n) {
            return Prefix::Dead;
        }
        match reduce(packed, n, placement) {
            Some(packed) => Prefix::Letters { packed, n },
            None => Prefix::Dead,
        }
    }
}

#[cfg(test)]
/// Whether no ending can make the word placed: two tones, two groups of
/// vowels, `uơ`/`ưo`, or `gh`/`ngh` before a back vowel. Each stays true
/// whatever letters follow.
fn is_doomed(packed: u64, n: u8) -> bool {
    let word = Word::new(packed, usize::from(n));
    let vowels = word.mask(VOWEL);
    if vowels == 0 {
        // A word without vowels is placed; one may still follow.
        return false;
    }
    let toned = word.mask(TONED);
    let first = vowels.trailing_zeros();
    toned.count_ones() > 1
        || vowels.wrapping_add(1 << first) & vowels != 0
        || word.may_need_letter_repair(first)
}

#[cfg(test)]
/// A vowel base code no rule looks at.
const ANY_VOWEL: u8 = 27;

#[cfg(test)]
/// The facts of `packed` (not doomed) that the rule can still look at, the
/// rest set to one value; `None` when the word can only end unplaced.
///
/// - Before the first vowel, only the onsets `q`, `gi`, `gh` and `ngh` are
///   told apart.
/// - After it, `gh`/`ngh` is settled, and only `qu`/`gi` (which move the
///   start of the vowel group) keep their letters; so do the vowels of a
///   possible open `oa`, `oe`, `uy`, and a last `u`/`ư` (`uơ`, `ưo`).
/// - Once a consonant closes the group, the answer is settled: only the
///   length still matters.
fn reduce(packed: u64, n: u8, placement: TonePlacement) -> Option<u64> {
    let word = Word::new(packed, usize::from(n));
    let vowels = word.mask(VOWEL);
    let letter = |i: u32| (packed >> (8 * i)) as u8;
    let base = |i: u32| u64::from(letter(i) & 0x1F);
    let other = code(b'b') as u8;
    let mut reduced = 0u64;
    let mut put = |i: u32, byte: u8| reduced |= u64::from(byte) << (8 * i);
    if vowels == 0 {
        let (b0, b1) = (base(0), base(1));
        for i in 0..u32::from(n) {
            let keep = match i {
                0 => [b'q', b'g', b'n'].iter().any(|&c| b0 == code(c)),
                1 => (b0, b1) == (code(b'g'), code(b'h')) || (b0, b1) == (code(b'n'), code(b'g')),
                2 => (b0, b1, base(2)) == (code(b'n'), code(b'g'), code(b'h')),
                _ => false,
            };
            put(i, if keep { letter(i) } else { other });
        }
        return Some(reduced);
    }
    let end = 32 - vowels.leading_zeros();
    if end < u32::from(n) {
        // Closed: placed or not, whatever consonants follow.
        if !word.is_placed(placement) {
            return None;
        }
        put(0, VOWEL);
        for i in 1..u32::from(n) {
            put(i, other);
        }
        return Some(reduced);
    }
    let first = vowels.trailing_zeros();
    if end - first > 3 {
        // Longer than any vowel group: let the slow path decide.
        return None;
    }
    let onset = packed & 0x3F3F;
    let qu_gi = first == 1
        && (onset == code(b'q') | code(b'u') << 8 || onset == code(b'g') | code(b'i') << 8);
    for i in 0..u32::from(n) {
        let byte = letter(i);
        let plain = byte & MODIFIED == 0;
        let keep = if byte & VOWEL == 0 {
            qu_gi && i == 0
        } else {
            let b = base(i);
            (qu_gi && i == 1)
                || (i == n as u32 - 1 && b == code(b'u'))
                || (plain
                    && (i == first || i == first + 1)
                    && [b'o', b'u'].iter().any(|&c| b == code(c)))
                || ((i == first + 1 || i == first + 2)
                    && plain
                    && [b'a', b'e', b'y'].iter().any(|&c| b == code(c)))
        };
        let byte = match (keep, byte & VOWEL != 0) {
            (true, _) => byte,
            (false, true) => byte & (VOWEL | TONED | MODIFIED) | ANY_VOWEL,
            (false, false) => other,
        };
        put(i, byte);
    }
    Some(reduced)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLACEMENTS: [TonePlacement; 3] = [
        TonePlacement::Keep,
        TonePlacement::Traditional,
        TonePlacement::Modern,
    ];

    /// The committed tables are the minimized automata of prefixes of
    /// today's rule. Run with `VITEXT_BLESS=1` to rewrite them after
    /// changing the rule.
    #[test]
    fn placement_tables_are_current() {
        let mut text = String::from(
            "// @generated by `VITEXT_BLESS=1 cargo test --lib placement_tables_are_current`\n\
             // (src/normalize/automaton.rs) from the placement rule in src/normalize/word.rs.\n\
             // Do not edit. For each tone placement, the minimal automaton over the\n\
             // letter classes of `fast.rs` that gives up (state 0) where the rule may\n\
             // not say a word is placed; state 1 is the start, between words.\n\
             // `TABLE[state * 32 + class]` is the next state.\n",
        );
        for (name, placement) in [
            ("KEEP", TonePlacement::Keep),
            ("TRADITIONAL", TonePlacement::Traditional),
            ("MODERN", TonePlacement::Modern),
        ] {
            let next = Prefixes::build(placement).minimized();
            text.push_str(&format!(
                "\n#[rustfmt::skip]\npub(super) static {name}: [u16; {}] = [\n",
                next.len()
            ));
            for row in next.chunks(CLASSES) {
                let cells: Vec<String> = row.iter().map(u16::to_string).collect();
                text.push_str(&format!("    {},\n", cells.join(", ")));
            }
            text.push_str("];\n");
        }
        crate::generated::check(
            "src/normalize/placement_dfa.rs",
            include_str!("placement_dfa.rs"),
            &text,
            "placement_tables_are_current",
        );
    }

    /// The tables stay small enough for the first-level cache.
    #[test]
    fn size() {
        for placement in PLACEMENTS {
            let states = table(placement).len() / CLASSES;
            assert!(
                (50..256).contains(&states),
                "{placement:?}: {states} states"
            );
            assert!(Prefixes::build(placement).len() > 20 * states);
        }
    }

    /// The committed table answers as the automaton of prefixes on every
    /// input: walked together from the start over every class, each pair
    /// of states reached is dead in both or in neither, and the same for
    /// the end of a word.
    #[test]
    fn tables_answer_as_the_prefixes_do() {
        for placement in PLACEMENTS {
            let full = Prefixes::build(placement).next;
            let small = table(placement);
            let step = |next: &[u16], s: u16, c: usize| next[usize::from(s) * CLASSES + c];
            let mut seen = std::collections::HashSet::new();
            let mut stack = vec![(START, START)];
            while let Some((a, b)) = stack.pop() {
                if !seen.insert((a, b)) {
                    continue;
                }
                assert_eq!(a == START, b == START, "{placement:?}");
                for c in 0..CLASSES {
                    let (x, y) = (step(&full, a, c), step(small, b, c));
                    assert_eq!(x == DEAD, y == DEAD, "{placement:?} {a} {b} {c}");
                    if x != DEAD {
                        stack.push((x, y));
                    }
                }
            }
            assert!(seen.len() > 1000, "{placement:?}: {}", seen.len());
        }
    }

    /// How long the words of [`accepts_only_placed_words`] get: every
    /// length a syllable can have in an optimized build (`cargo test
    /// --release`, a few seconds), five letters otherwise.
    const DEPTH: usize = if cfg!(debug_assertions) {
        5
    } else {
        MAX_LETTERS
    };

    /// Every sequence of letter classes the automaton does not give up on,
    /// up to [`DEPTH`] letters: where it accepts the end of the word, the
    /// rule must say the word is placed.
    #[test]
    fn accepts_only_placed_words() {
        for placement in PLACEMENTS {
            let next = table(placement);
            let at =
                |state: u16, class: u8| next[usize::from(state) * CLASSES + usize::from(class)];
            let mut stack = vec![(START, 0u64, 0u8)];
            let (mut accepted, mut live) = (0usize, 0usize);
            while let Some((state, packed, n)) = stack.pop() {
                live += 1;
                if at(state, TERM) != DEAD {
                    let word = Word::new(packed, usize::from(n));
                    assert!(word.is_placed(placement), "{packed:#x} {n} {placement:?}");
                    accepted += 1;
                }
                assert_eq!(at(state, OTHER), DEAD);
                if usize::from(n) == DEPTH {
                    continue;
                }
                for (i, &info) in CLASS_FACTS.iter().enumerate() {
                    let to = at(state, FIRST_LETTER + i as u8);
                    if to != DEAD {
                        stack.push((to, packed | u64::from(info) << (8 * n), n + 1));
                    }
                }
            }
            assert!(live > 100_000 && accepted > live / 2, "{live} {accepted}");
        }
    }
}
