//! A quick check that a well-formed syllable needs no change, without a full
//! parse: the normalizer's fast path for text that is already normal.
//!
//! It restates the placement rule structurally (the mark goes on the last
//! vowel with a modifier; else on the only vowel, the second of a closed
//! pair, the first of an open pair, the middle of three) and answers "don't
//! know" whenever a repair could apply. A test checks it against
//! [`Syllable::from_letters`](super::Syllable::from_letters) on every rime.

use super::TonePlacement;
use crate::letter::{Letter, Modifier, Tone};

/// Whether parsing `letters` and rendering them with `placement` certainly
/// gives the same letters back. `letters` are precomposed, at most one carries
/// a tone, and a `false` only means "parse to find out".
#[inline]
pub(crate) fn is_certainly_unchanged(letters: &[Letter], placement: TonePlacement) -> bool {
    let mut toned = None;
    for (i, l) in letters.iter().enumerate() {
        if l.tone() != Tone::Level {
            if toned.is_some() {
                return false;
            }
            toned = Some(i);
        }
    }
    if may_need_letter_repair(letters) {
        return false;
    }
    let Some(toned) = toned else {
        return true;
    };
    let Some(mut start) = letters.iter().position(|l| l.is_vowel()) else {
        return false;
    };
    // `qu` and `gi` before a vowel are onsets.
    if start == 1 && letters.get(2).is_some_and(|l| l.is_vowel()) {
        let (first, second) = (letters[0], letters[1]);
        let plain = second.modifier() == Modifier::None;
        if plain && matches!((first.base(), second.base()), ('q', 'u') | ('g', 'i')) {
            start = 2;
        }
    }
    let vowels = letters
        .get(start..)
        .unwrap_or(&[])
        .iter()
        .take_while(|l| l.is_vowel())
        .count();
    let cluster = &letters[start..start + vowels];
    let closed = start + vowels < letters.len();
    let expected = if let Some(last) = cluster.iter().rposition(|l| l.modifier() != Modifier::None)
    {
        start + last
    } else {
        match (vowels, closed) {
            (1, _) => start,
            (2, true) | (3, _) => start + 1,
            (2, false) if has_style_choice(cluster) => match placement {
                TonePlacement::Traditional => start,
                TonePlacement::Modern => start + 1,
                TonePlacement::Keep => return toned == start || toned == start + 1,
            },
            (2, false) => start,
            _ => return false,
        }
    };
    toned == expected
}

/// Open `oa`, `oe`, `uy` (the caller has checked there is no modifier).
#[inline]
fn has_style_choice(cluster: &[Letter]) -> bool {
    matches!(
        (cluster[0].base(), cluster[1].base()),
        ('o', 'a') | ('o', 'e') | ('u', 'y')
    )
}

/// Whether a letter repair of the parser could apply: `gh`/`ngh` onsets
/// (before a back vowel they lose the `h`) and `uơ`/`ưo` (the missing horn
/// of `ươ`).
#[inline]
fn may_need_letter_repair(letters: &[Letter]) -> bool {
    let base = |i: usize| letters.get(i).map(|l| l.base());
    let gh_onset = (base(0) == Some('g') && base(1) == Some('h'))
        || (base(0) == Some('n') && base(1) == Some('g') && base(2) == Some('h'));
    gh_onset
        || letters.windows(2).any(|w| {
            matches!(
                (w[0].base(), w[0].modifier(), w[1].base(), w[1].modifier()),
                ('u', Modifier::None, 'o', Modifier::Horn)
                    | ('u', Modifier::Horn, 'o', Modifier::None)
            )
        })
}

#[cfg(test)]
mod tests {
    use super::super::{Syllable, rime::RIMES};
    use super::*;
    use crate::letter::Case;

    /// Every onset shape × every rime × every coda × every tone on every
    /// letter: when the quick check says "unchanged", parsing and rendering
    /// must agree.
    #[test]
    fn agrees_with_the_parser() {
        let onsets = ["", "b", "gi", "qu", "ngh", "gh", "g", "th", "tr", "đ", "q"];
        let codas = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];
        let mut certain = 0;
        for onset in onsets {
            for rime in RIMES {
                for coda in codas {
                    let word = format!("{onset}{}{coda}", rime.key);
                    let base: Vec<Letter> = word.chars().filter_map(Letter::from_char).collect();
                    for at in 0..base.len() {
                        for tone in Tone::ALL {
                            for case in [Case::Lower, Case::Upper] {
                                let mut letters = base.clone();
                                letters[at] = letters[at].with_tone(tone);
                                if case == Case::Upper {
                                    letters[0] = letters[0].with_case(Case::Upper);
                                }
                                for placement in [
                                    TonePlacement::Keep,
                                    TonePlacement::Traditional,
                                    TonePlacement::Modern,
                                ] {
                                    if !is_certainly_unchanged(&letters, placement) {
                                        continue;
                                    }
                                    certain += 1;
                                    let Some(s) = Syllable::from_letters(&letters) else {
                                        continue;
                                    };
                                    let mut rendered = String::new();
                                    let _ = s.write_to(&mut rendered, placement);
                                    let input: String =
                                        letters.iter().map(|l| l.to_char()).collect();
                                    assert_eq!(rendered, input, "{placement:?}");
                                }
                            }
                        }
                    }
                }
            }
        }
        assert!(
            certain > 10_000,
            "the quick check must decide most cases: {certain}"
        );
    }
}
