//! The placement rule of the fast path as a finite automaton over letter
//! classes, so that the scan decides words while it reads them: one table
//! lookup a character, no branch at the end of a word.
//!
//! The automaton is built on first use from [`Word::is_placed`] itself: a
//! state is a word prefix, reduced to the facts the rule can still look at
//! (the identity of a consonant matters only in the first three letters,
//! that of a vowel only where `qu`/`gi`, `gh`/`ngh`, an open `oa`/`oe`/`uy`
//! or `uơ` can see it), and a prefix that no ending can make placed
//! (two tones, two groups of vowels, a letter repair) is dead. The automaton
//! may give up (dead) where the rule would not: the scan then asks the rule.
//! It must never accept a word the rule does not, and a test walks every
//! word it does not give up on, up to seven letters, to check that.
//!
//! Each table has about 5,000 states of 32 two-byte entries (some 320 kB,
//! of which news text visits a few hundred states); building one takes a
//! few milliseconds, once per placement and process.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use std::sync::LazyLock;

use super::fast::CLASS_FACTS;
use super::word::{MODIFIED, TONED, VOWEL, Word, code};
use crate::syllable::{MAX_LETTERS, TonePlacement};

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

/// The transition table of one placement: `next[state * CLASSES + class]`.
pub(super) struct Automaton {
    pub(super) next: Vec<u16>,
}

impl Automaton {
    /// The automaton of `placement`, built on first use.
    #[inline]
    pub(super) fn get(placement: TonePlacement) -> &'static Automaton {
        static KEEP: LazyLock<Automaton> = LazyLock::new(|| Automaton::build(TonePlacement::Keep));
        static TRADITIONAL: LazyLock<Automaton> =
            LazyLock::new(|| Automaton::build(TonePlacement::Traditional));
        static MODERN: LazyLock<Automaton> =
            LazyLock::new(|| Automaton::build(TonePlacement::Modern));
        match placement {
            TonePlacement::Keep => &KEEP,
            TonePlacement::Traditional => &TRADITIONAL,
            TonePlacement::Modern => &MODERN,
        }
    }

    fn build(placement: TonePlacement) -> Automaton {
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
        Automaton { next }
    }

    /// How many states the automaton has.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.next.len() / CLASSES
    }
}

/// A multiplicative hasher for the few words a [`Prefix`] is made of: the
/// default hasher is built for untrusted keys and dominates the build.
#[derive(Default)]
struct PrefixHasher(u64);

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

/// A state: what the rule still needs to know of the word read so far.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Prefix {
    /// Nothing more is certain.
    Dead,
    /// The letters' facts, reduced (see [`reduce`]), and how many there
    /// are.
    Letters { packed: u64, n: u8 },
}

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

/// A vowel base code no rule looks at.
const ANY_VOWEL: u8 = 27;

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

    /// The table stays small enough for the caches: a few hundred states
    /// are the ones news text visits.
    #[test]
    fn size() {
        for placement in PLACEMENTS {
            let states = Automaton::get(placement).len();
            assert!(
                (1000..8000).contains(&states),
                "{placement:?}: {states} states"
            );
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
            let automaton = Automaton::get(placement);
            let at = |state: u16, class: u8| {
                automaton.next[usize::from(state) * CLASSES + usize::from(class)]
            };
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
