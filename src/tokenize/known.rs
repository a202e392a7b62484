//! The known-syllable path: a word looked up whole in a table of every
//! Vietnamese syllable, instead of read letter by letter.
//!
//! Nearly every word of Vietnamese text is one of some twenty thousand
//! syllables. The plain path (`letters::plain_run`) reads a word one letter
//! at a time, and on real text the processor cannot guess, letter after
//! letter, whether the next one is one byte or two or three: on a large news
//! file those guesses cost more than the rest of the scan. This path takes
//! nine bytes at once, finds where the word ends with a few arithmetic
//! operations on them (the first byte below 0x80 that is no ASCII letter),
//! and looks the word up, when it has eight bytes or fewer, in a perfect
//! hash table of every such syllable in lower case, its first letter folded
//! when it is a capital. A word that is found is a syllable, in lower or
//! title case; anything else (a word outside the table, one that runs into
//! a character that is no letter, the syllables of nine bytes such as
//! `trường`, a capital `Ơ` or `Ư`, the last eight bytes of the text) goes
//! on to the plain path, which gives the same answer for every word in the
//! table (a test holds the two to that). Eight-byte keys keep the table
//! small (216 KB with its byte of styles a slot), so that the syllables a
//! text uses stay in the cache.
//!
//! The table (`known_syllables.bin`, laid out as `word_table` says, each
//! slot a syllable's bytes, zero after them, or all `FF` when empty, and
//! after the pilots one byte a slot: the styles it is written in) is
//! generated from the syllable model: every valid spelling with every tone
//! it takes, the mark placed in each style
//! ([`TonePlacement`](crate::TonePlacement)), as the tokenizer's own
//! spelling automaton accepts it. Regenerate it with
//! `VITEXT_BLESS=1 cargo test --lib known_table_is_current`; the test fails
//! when the committed file is stale. After a change of layout, a file of one
//! empty slot and one bucket lets the crate build to run it.

use super::letters;
use super::{Casing, TokenKind};
use crate::syllable::TonePlacement;
use crate::word_table::{self, HIGH};

/// The generated table, as committed.
static TABLE_BYTES: &[u8] = include_bytes!("known_syllables.bin");

const SLOTS: usize = word_table::header(TABLE_BYTES, 0);
const BUCKETS: usize = word_table::header(TABLE_BYTES, 4);

/// The tables, decoded from the committed bytes at compile time.
struct Table {
    slots: [u64; SLOTS],
    pilots: [u16; BUCKETS],
    /// For each slot, the styles its syllable is written in ([`STYLES`]).
    styles: [u8; SLOTS],
}

static TABLE: Table = {
    assert!(
        TABLE_BYTES.len() == 8 + 8 * SLOTS + 2 * BUCKETS + SLOTS,
        "known_syllables.bin does not match its header"
    );
    let mut slots = [0u64; SLOTS];
    let mut k = 0;
    while k < SLOTS {
        slots[k] = word_table::read_u64(TABLE_BYTES, 8 + 8 * k);
        k += 1;
    }
    let mut styles = [0u8; SLOTS];
    let mut k = 0;
    while k < SLOTS {
        styles[k] = TABLE_BYTES[8 + 8 * SLOTS + 2 * BUCKETS + k];
        k += 1;
    }
    Table {
        slots,
        pilots: word_table::pilots(TABLE_BYTES, SLOTS, 8),
        styles,
    }
};

/// The bits of a syllable's styles: the traditional one writes it so
/// (bit 0), the modern one (bit 1); both for the syllables whose mark has
/// one place.
pub(crate) const STYLES: [(TonePlacement, u8); 2] =
    [(TonePlacement::Traditional, 1), (TonePlacement::Modern, 2)];

/// The casings of a syllable found, by whether its first letter was
/// folded.
const CASINGS: [Casing; 2] = [Casing::Lower, Casing::Title];

/// A syllable of the table at `start`, in lower or title case, before a
/// byte that ends it (see `letters::plain_run`, which gives the same for
/// it): its end, where the scan goes on, its kind and its slot in the
/// table. `None` sends the word to the plain path.
#[inline(always)]
pub(super) fn run(bytes: &[u8], start: usize) -> Option<(usize, usize, TokenKind, u32)> {
    let (len, after, key, casing, slot) = find(bytes, start)?;
    let end = start + len;
    if after == b' ' {
        return Some((end, end + 1, TokenKind::Syllable(casing), slot));
    }
    // Before a rarer mark: whether the word has a letter outside ASCII and
    // two letters or more (the first letter's length by its lead byte).
    let vietnamese = || {
        let lead = key as u8;
        let first = 1 + usize::from(lead >= 0xC0) + usize::from(lead >= 0xE0);
        key & HIGH as u64 != 0 && len > first
    };
    let next = letters::word_ends(bytes, end, Some(after), vietnamese, || casing)?;
    Some((end, next, TokenKind::Syllable(casing), slot))
}

/// A syllable of the table at `start`, in lower or title case, before an
/// ASCII byte that is no letter: its length, that byte, its bytes (as a
/// key), its casing and its slot.
#[inline(always)]
fn find(bytes: &[u8], start: usize) -> Option<(usize, u8, u64, Casing, u32)> {
    let (len, after, key) = word_at(bytes, start)?;
    let (slot, casing) = lookup(key)?;
    Some((len, after, key, casing, slot as u32))
}

/// How many slots the table has: a slot is below this.
pub(crate) const SLOT_COUNT: usize = SLOTS;

/// No slot: the token was not found whole in the table.
pub(crate) const NO_SLOT: u32 = u32::MAX;

/// The lower-case bytes of the syllable in slot `slot` (see [`slot_of`]),
/// packed little-endian; `0` past the table.
#[inline(always)]
pub(crate) fn key_at(slot: usize) -> u64 {
    TABLE.slots.get(slot).copied().unwrap_or(0)
}

/// The slot of `key`, a syllable's lower-case bytes, when the table holds
/// it.
pub(crate) fn slot_of(key: u64) -> Option<usize> {
    lookup(key)
        .filter(|&(_, casing)| casing == Casing::Lower)
        .map(|(slot, _)| slot)
}

/// The word of eight bytes or fewer at `start`, before an ASCII byte that
/// is no letter: its length, that byte, and its bytes (as a key).
#[inline(always)]
pub(crate) fn word_at(bytes: &[u8], start: usize) -> Option<(usize, u8, u64)> {
    let chunk = bytes.get(start..)?.first_chunk::<9>()?;
    let x = u64::from_le_bytes(*chunk.first_chunk::<8>()?);
    let ends = word_table::word_ends_8(x);
    // The word's length, and the byte after it: a word of eight bytes ends
    // only before an ASCII mark, and a longer one is not in the table.
    let (len, after, key) = if ends != 0 {
        let len = (ends.trailing_zeros() / 8) as usize;
        // The bytes before the first end: below its top bit, 8 × len + 7.
        let before = ((ends & ends.wrapping_neg()) >> 7).wrapping_sub(1);
        (len, (x >> (8 * len)) as u8, x & before)
    } else if chunk[8] < 0x80 && !chunk[8].is_ascii_alphabetic() {
        (8, chunk[8], x)
    } else {
        return None;
    };
    (len != 0).then_some((len, after, key))
}

/// The casing of `key`, a word's bytes, when it is a syllable of the table
/// in lower or title case.
#[inline(always)]
pub(crate) fn casing_of(key: u64) -> Option<Casing> {
    lookup(key).map(|(_, casing)| casing)
}

/// The styles (see [`STYLES`]) of `key`, a word's bytes, when it is a
/// syllable of the table in lower or title case.
#[inline(always)]
pub(crate) fn styles_of(key: u64) -> Option<u8> {
    lookup(key).and_then(|(slot, _)| TABLE.styles.get(slot).copied())
}

/// The slot and casing of `key` when it is a syllable of the table.
#[inline(always)]
fn lookup(key: u64) -> Option<(usize, Casing)> {
    // A capital first letter folded to its small letter.
    let fold = word_table::CASE_BITS[usize::from(key as u8)];
    let folded = key | u64::from(fold);
    let hash = word_table::key_hash(folded, 0);
    let pilot = *TABLE.pilots.get(word_table::bucket(hash, BUCKETS))?;
    let slot = word_table::slot(hash, pilot, SLOTS);
    if *TABLE.slots.get(slot)? != folded {
        return None;
    }
    Some((slot, CASINGS[usize::from(fold & !(key as u32) != 0)]))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::letter::Tone;
    use crate::syllable::Syllable;
    use std::collections::BTreeSet;

    /// Every syllable in lower case with every tone it takes, the mark in
    /// both styles, that the plain path reads as a lower-case syllable
    /// before a space: the table's keys.
    pub(in crate::tokenize) fn syllables() -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for (letters, _) in crate::spelling::tests::spellings() {
            for tone in Tone::ALL {
                let Some(toned) = crate::spelling::tests::with_tone_on_vowel(&letters, tone) else {
                    continue;
                };
                let Some(syllable) = Syllable::from_letters(&toned) else {
                    continue;
                };
                for placement in [TonePlacement::Traditional, TonePlacement::Modern] {
                    let word = syllable.render(placement);
                    let spaced = format!("{word} ");
                    let plain = letters::plain_run(spaced.as_bytes(), 0);
                    if word.len() <= 8
                        && plain
                            == Some((
                                word.len(),
                                word.len() + 1,
                                TokenKind::Syllable(Casing::Lower),
                            ))
                    {
                        out.insert(word);
                    }
                }
            }
        }
        out
    }

    /// A key as the lookup builds it: the word's bytes, zero after them.
    fn key_of(word: &str) -> u64 {
        let mut bytes = [0u8; 8];
        bytes[..word.len()].copy_from_slice(word.as_bytes());
        u64::from_le_bytes(bytes)
    }

    /// The table's bytes for `words`.
    fn render_table(words: &BTreeSet<String>) -> Vec<u8> {
        let keys: Vec<u64> = words.iter().map(|w| key_of(w)).collect();
        let hashes: Vec<u64> = keys.iter().map(|&k| word_table::key_hash(k, 0)).collect();
        let (table, pilots) = word_table::place(&hashes);
        let mut out = word_table::render(&table, &pilots, |k, out| {
            let slot = k.map_or(u64::MAX, |k| keys[k]);
            out.extend_from_slice(&slot.to_le_bytes());
        });
        let words: Vec<&String> = words.iter().collect();
        for k in table {
            let syllable = k.and_then(|k| Syllable::parse(words[k]));
            let styles = STYLES.iter().map(|&(placement, bit)| {
                let written = syllable.as_ref().map(|s| s.render(placement));
                if k.is_some_and(|k| written.as_ref() == Some(words[k])) {
                    bit
                } else {
                    0
                }
            });
            out.push(styles.sum());
        }
        out
    }

    /// The committed table is what the syllable model gives today.
    #[test]
    fn known_table_is_current() {
        let words = syllables();
        assert!(words.len() > 15_000, "{}", words.len());
        crate::generated::check_bytes(
            "src/tokenize/known_syllables.bin",
            TABLE_BYTES,
            &render_table(&words),
            "known_table_is_current",
        );
    }

    /// Every key is found, in lower and title case, before every kind of
    /// byte, and the path gives what the plain path gives; a word that is
    /// not a syllable is not found.
    #[test]
    fn agrees_with_the_plain_path() {
        let mut found = 0;
        for word in syllables() {
            let title = super::super::title_case(&word);
            for form in [&word, &title] {
                for after in [
                    " x",
                    ", x",
                    ".x",
                    ". X",
                    ":x",
                    "-x",
                    "'x",
                    "9",
                    "\n",
                    "\u{201D}x",
                ] {
                    let text = format!("{form}{after}               ");
                    let fast = run(text.as_bytes(), 0);
                    if let Some((end, next, kind, slot)) = fast {
                        found += 1;
                        assert_eq!(
                            Some((end, next, kind)),
                            letters::plain_run(text.as_bytes(), 0),
                            "{text:?}"
                        );
                        // The slot is the lower case's, in either case.
                        // (A word found whole has eight bytes or fewer.)
                        assert_eq!(Some(slot as usize), slot_of(key_of(&word)), "{text:?}");
                    }
                }
            }
        }
        assert!(found > 200_000, "{found}");
        let cases = [
            ("ba", true),
            ("Ba", true),
            ("Ông", true),
            ("Ủy", true),
            ("Đảng", true),
            ("ĐẢNG", false),
            ("bâ", false),
            ("Covid", false),
            // `Ư` is not folded; a misplaced mark is left to the plain path.
            ("Ước", false),
            // Nine bytes.
            ("trường", false),
            ("baì", false),
        ];
        for (word, found) in cases {
            let text = format!("{word}                ");
            assert_eq!(run(text.as_bytes(), 0).is_some(), found, "{word}");
        }
    }

    /// A word ends only before an ASCII byte that is no letter, at eight
    /// bytes as below (the byte after an eight-byte word is read alone).
    #[test]
    fn words_end_before_ascii_marks() {
        for (text, end) in [
            ("nguyễn, x", Some(8)),
            ("abcdefgh x", Some(8)),
            ("abcdefg\u{201C}x  ", None),
            ("abcdefgh\u{201C}x", None),
            ("abcdefghi x", None),
            ("nguyễnx x", None),
            ("abc, defghij", Some(3)),
        ] {
            let found = word_at(text.as_bytes(), 0).map(|(len, after, _)| {
                assert!(after < 0x80 && !after.is_ascii_alphabetic(), "{text:?}");
                len
            });
            assert_eq!(found, end, "{text:?}");
        }
    }
}
