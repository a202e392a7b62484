//! The known-syllable path: a word looked up whole in a table of every
//! Vietnamese syllable, instead of read letter by letter.
//!
//! Nearly every word of Vietnamese text is one of some twenty thousand
//! syllables. The plain path (`letters::plain_run`) reads a word one letter
//! at a time, and on real text the processor cannot guess, letter after
//! letter, whether the next one is one byte or two or three: on a large news
//! file those guesses cost more than the rest of the scan. This path takes
//! sixteen bytes at once, finds where the word ends with a few arithmetic
//! operations on them (the first byte below 0x80 that is no ASCII letter),
//! and looks the word up, when it has eight bytes or fewer, in a perfect
//! hash table of every such syllable in lower case, its first letter folded
//! when it is a capital. A word that is found is a syllable, in lower or
//! title case; anything else (a word outside the table, one that runs into
//! a character that is no letter, the syllables of nine bytes such as
//! `trường`, a capital `Ơ` or `Ư`, the last sixteen bytes of the text) goes
//! on to the plain path, which gives the same answer for every word in the
//! table (a test holds the two to that). Eight-byte keys keep the table
//! small (190 KB), so that the syllables a text uses stay in the cache.
//!
//! The table (`known_syllables.bin`) is generated from the syllable model:
//! every valid spelling with every tone it takes, the mark placed in each
//! style ([`TonePlacement`](crate::TonePlacement)), as the tokenizer's own
//! spelling automaton accepts it. Its layout, all little-endian: the number
//! of slots and the number of buckets (`u32` each), the slots (8 bytes
//! each: a syllable's bytes, zero after them; an empty slot is all `FF`),
//! then one `u16` pilot per bucket. A key's bucket and its pilot pick
//! its slot (see [`slot`]). Regenerate it with
//! `VITEXT_BLESS=1 cargo test --lib known_table_is_current`; the test fails
//! when the committed file is stale.

use super::letters;
use super::{Casing, TokenKind};

/// The generated table, as committed.
static TABLE_BYTES: &[u8] = include_bytes!("known_syllables.bin");

/// A `u32` of the table's header.
const fn header(at: usize) -> usize {
    let b = TABLE_BYTES;
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]) as usize
}

const SLOTS: usize = header(0);
const BUCKETS: usize = header(4);

/// The tables, decoded from the committed bytes at compile time.
struct Table {
    slots: [u64; SLOTS],
    pilots: [u16; BUCKETS],
}

static TABLE: Table = {
    assert!(
        TABLE_BYTES.len() == 8 + 8 * SLOTS + 2 * BUCKETS,
        "known_syllables.bin does not match its header"
    );
    let b = TABLE_BYTES;
    let mut slots = [0u64; SLOTS];
    let mut k = 0;
    while k < SLOTS {
        let at = 8 + 8 * k;
        let mut bytes = [0u8; 8];
        let mut j = 0;
        while j < 8 {
            bytes[j] = b[at + j];
            j += 1;
        }
        slots[k] = u64::from_le_bytes(bytes);
        k += 1;
    }
    let mut pilots = [0u16; BUCKETS];
    let mut k = 0;
    while k < BUCKETS {
        let at = 8 + 8 * SLOTS + 2 * k;
        pilots[k] = u16::from_le_bytes([b[at], b[at + 1]]);
        k += 1;
    }
    Table { slots, pilots }
};

/// The bytes of a word of each length up to eight, as a mask.
const PREFIXES: [u64; 9] = {
    let mut masks = [0; 9];
    let mut len = 1;
    while len < 8 {
        masks[len] = (1 << (8 * len)) - 1;
        len += 1;
    }
    masks[8] = u64::MAX;
    masks
};

/// What turns a capital first letter of a Vietnamese syllable into its
/// small letter, by the letter's lead byte: one bit, the same one for the
/// capitals and small letters of each block, which small letters have set
/// already (`A`–`Z` and `À`–`Ý`: 0x20 of the last byte; `Ă`, `Đ`, `Ĩ`,
/// `Ũ` (C4, C5) and the letters with tone marks of U+1EA0 to U+1EF9 (E1):
/// 0x01 of the last byte). `Ơ` and `Ư` (C6) do not follow the rule and
/// are left as they are, so a word that starts with them is not found.
/// Folding a character of another block gives no syllable of the table.
const FOLDS: [u32; 256] = {
    let mut folds = [0; 256];
    let mut b = b'A';
    while b <= b'Z' {
        folds[b as usize] = 0x20;
        b += 1;
    }
    folds[0xC3] = 0x20 << 8;
    folds[0xC4] = 0x01 << 8;
    folds[0xC5] = 0x01 << 8;
    folds[0xE1] = 0x01 << 16;
    folds
};

/// 0x80 in every byte, and 0x01.
const HIGH: u128 = u128::from_le_bytes([0x80; 16]);
const ONES: u128 = u128::from_le_bytes([0x01; 16]);

/// 0x80 in each byte of `x` that ends a word here: below 0x80 and no ASCII
/// letter. Bytes from 0x80 on (letters outside ASCII, but also other
/// characters, which the table then does not hold) do not. No byte's sum
/// carries into the next one: each is at most 0x7F plus 0x1F.
#[inline(always)]
fn ends(x: u128) -> u128 {
    // ASCII letters folded to small ones, the top bit cleared.
    let folded = (x | (ONES * 0x20)) & !HIGH;
    let from_a = folded + ONES * (0x80 - u128::from(b'a'));
    let past_z = folded + ONES * (0x80 - u128::from(b'z' + 1));
    let letter = from_a & !past_z;
    !x & !letter & HIGH
}

const KEY_MIX: u64 = 0x9E37_79B9_7F4A_7C15;
const SLOT_MIX: u64 = 0xD6E8_FEB8_6659_FD93;
const PILOT_MIX: u64 = 0xA076_1D64_78BD_642F;

/// A 64-bit hash of a key.
#[inline(always)]
fn key_hash(key: u64) -> u64 {
    (key.wrapping_mul(KEY_MIX) ^ key >> 29).wrapping_mul(SLOT_MIX)
}

/// `x` scaled to `0..n` by its high bits.
#[inline(always)]
fn scaled(x: u64, n: usize) -> usize {
    ((u128::from(x) * n as u128) >> 64) as usize
}

/// The bucket of a key's hash.
#[inline(always)]
fn bucket(hash: u64, buckets: usize) -> usize {
    scaled(hash, buckets)
}

/// The slot of a key's hash, by its bucket's pilot.
#[inline(always)]
fn slot(hash: u64, pilot: u16, slots: usize) -> usize {
    scaled(
        (hash ^ u64::from(pilot).wrapping_mul(PILOT_MIX)).wrapping_mul(KEY_MIX),
        slots,
    )
}

/// The casings of a syllable found, by whether its first letter was
/// folded.
const CASINGS: [Casing; 2] = [Casing::Lower, Casing::Title];

/// A syllable of the table at `start`, in lower or title case, before a
/// byte that ends it (see `letters::plain_run`, which gives the same for
/// it): its end, where the scan goes on, and its kind. `None` sends the
/// word to the plain path.
#[inline(always)]
pub(super) fn run(bytes: &[u8], start: usize) -> Option<(usize, usize, TokenKind)> {
    let x = u128::from_le_bytes(*bytes.get(start..)?.first_chunk::<16>()?);
    let len = (ends(x).trailing_zeros() / 8) as usize;
    let key = x as u64 & *PREFIXES.get(len)?;
    if len == 0 {
        return None;
    }
    // A capital first letter folded to its small letter.
    let fold = FOLDS[usize::from(key as u8)];
    let folded = key | u64::from(fold);
    let hash = key_hash(folded);
    let pilot = *TABLE.pilots.get(bucket(hash, BUCKETS))?;
    if *TABLE.slots.get(slot(hash, pilot, SLOTS))? != folded {
        return None;
    }
    let casing = CASINGS[usize::from(fold & !(key as u32) != 0)];
    let end = start + len;
    let after = (x >> (8 * len)) as u8;
    if after == b' ' {
        return Some((end, end + 1, TokenKind::Syllable(casing)));
    }
    // Before a rarer mark: whether the word has a letter outside ASCII and
    // two letters or more (the first letter's length by its lead byte).
    let vietnamese = || {
        let lead = key as u8;
        let first = 1 + usize::from(lead >= 0xC0) + usize::from(lead >= 0xE0);
        key & HIGH as u64 != 0 && len > first
    };
    let next = letters::word_ends(bytes, end, Some(after), vietnamese, || casing)?;
    Some((end, next, TokenKind::Syllable(casing)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TonePlacement;
    use crate::letter::Tone;
    use crate::syllable::Syllable;
    use std::collections::BTreeSet;

    /// Every syllable in lower case with every tone it takes, the mark in
    /// both styles, that the plain path reads as a lower-case syllable
    /// before a space: the table's keys.
    fn syllables() -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for (letters, _) in super::super::validity::tests::spellings() {
            for tone in Tone::ALL {
                let Some(toned) = super::super::validity::tests::with_tone_on_vowel(&letters, tone)
                else {
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

    /// The table's bytes for `words`: a perfect hash, built by giving each
    /// bucket, largest first, the first pilot that puts all its keys in
    /// free slots of their own.
    fn render_table(words: &BTreeSet<String>) -> Vec<u8> {
        let slots = words.len() * 20 / 19;
        let buckets = words.len().div_ceil(4);
        let keys: Vec<(u64, u64)> = words
            .iter()
            .map(|w| (key_of(w), key_hash(key_of(w))))
            .collect();
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); buckets];
        for (k, &(_, hash)) in keys.iter().enumerate() {
            members[bucket(hash, buckets)].push(k);
        }
        let mut order: Vec<usize> = (0..buckets).collect();
        order.sort_by_key(|&b| (core::cmp::Reverse(members[b].len()), b));
        let mut table = vec![u64::MAX; slots];
        let mut pilots = vec![0u16; buckets];
        let mut taken = Vec::new();
        for b in order {
            let found = (0..=u16::MAX).find(|&pilot| {
                taken.clear();
                members[b].iter().all(|&k| {
                    let s = slot(keys[k].1, pilot, slots);
                    let free = table[s] == u64::MAX && !taken.contains(&s);
                    taken.push(s);
                    free
                })
            });
            let pilot = found.expect("a pilot for every bucket");
            pilots[b] = pilot;
            for &k in &members[b] {
                let (key, hash) = keys[k];
                table[slot(hash, pilot, slots)] = key;
            }
        }
        let mut out = Vec::new();
        out.extend_from_slice(&(slots as u32).to_le_bytes());
        out.extend_from_slice(&(buckets as u32).to_le_bytes());
        for entry in table {
            out.extend_from_slice(&entry.to_le_bytes());
        }
        for pilot in pilots {
            out.extend_from_slice(&pilot.to_le_bytes());
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
            let mut title = word.clone();
            if let Some(first) = title.chars().next() {
                let upper: String = first.to_uppercase().collect();
                title.replace_range(..first.len_utf8(), &upper);
            }
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
                    if fast.is_some() {
                        found += 1;
                        assert_eq!(fast, letters::plain_run(text.as_bytes(), 0), "{text:?}");
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

    /// The word's end is found in every position, and not past a byte
    /// outside ASCII that is no letter (the table holds no such word).
    #[test]
    fn ends_are_found_in_every_byte() {
        let letters = *b"aZ\x80\xC3";
        for at in 0..16 {
            for &stop in b" ,.0-/\n\t(" {
                let mut chunk = [b'a'; 16];
                chunk[at] = stop;
                let x = u128::from_le_bytes(chunk);
                assert_eq!(ends(x).trailing_zeros() / 8, at as u32);
            }
            for &letter in &letters {
                let mut chunk = [b'b'; 16];
                chunk[at] = letter;
                assert_eq!(ends(u128::from_le_bytes(chunk)), 0);
            }
        }
        for b in 0..=u8::MAX {
            let x = u128::from(b);
            let is_end = ends(x) & 0x80 != 0;
            assert_eq!(is_end, b < 0x80 && !b.is_ascii_alphabetic(), "{b:#x}");
        }
    }
}
