//! Decomposed syllables found whole: a word of decomposed Vietnamese
//! (`Nguye` + U+0302 + U+0303 + `n`) looked up in a table of every syllable
//! in that form, with what the normalizer makes of it.
//!
//! In decomposed text every word with a mark goes to the full path, which
//! reads its letters and marks one by one, checks where the tone sits and
//! writes the letters composed. For a syllable of the table this path does
//! it in one step: the word's end from sixteen bytes at once, a lookup in a
//! perfect hash (see `word_table`) of the decomposed syllables in lower
//! case, the first letter folded when it is a capital, and the composed
//! syllable written as the table has it, its first letter raised again. A
//! word not in the table, or one whose answer depends on what the table does
//! not hold (a tone placed in the other style than the one asked for, a
//! capital the fold cannot raise, `Ơ` or `Ư`), takes the full path, which
//! gives the same answer for every word of the table (a test holds the two
//! to that).
//!
//! The table (`decomposed_syllables.bin`, laid out as `word_table` says)
//! has a slot of 24 bytes per syllable: the decomposed bytes (at most
//! fourteen, zero after them), the length of the composed syllable (byte
//! 14), what the entry is good for ([`TRADITIONAL`], [`MODERN`],
//! [`TITLE`], byte 15), then the composed syllable's bytes (at most eight);
//! an empty slot is all `FF`. It is generated from the same syllables as the
//! tokenizer's table, each normalized by the full path in every style:
//! `VITEXT_BLESS=1 cargo test --lib decomposed_table_is_current`.

use crate::syllable::TonePlacement;
use crate::word_table;

/// The generated table, as committed.
static TABLE_BYTES: &[u8] = include_bytes!("decomposed_syllables.bin");

const SLOTS: usize = word_table::header(TABLE_BYTES, 0);
const BUCKETS: usize = word_table::header(TABLE_BYTES, 4);

/// A slot: the key's halves (with the length and flags in its last two
/// bytes) and the composed syllable.
#[derive(Clone, Copy)]
struct Slot {
    low: u64,
    high: u64,
    composed: u64,
}

/// The tables, decoded from the committed bytes at compile time.
struct Table {
    slots: [Slot; SLOTS],
    pilots: [u16; BUCKETS],
}

static TABLE: Table = {
    assert!(
        TABLE_BYTES.len() == 8 + 24 * SLOTS + 2 * BUCKETS,
        "decomposed_syllables.bin does not match its header"
    );
    let empty = Slot {
        low: 0,
        high: 0,
        composed: 0,
    };
    let mut slots = [empty; SLOTS];
    let mut k = 0;
    while k < SLOTS {
        let at = 8 + 24 * k;
        slots[k] = Slot {
            low: word_table::read_u64(TABLE_BYTES, at),
            high: word_table::read_u64(TABLE_BYTES, at + 8),
            composed: word_table::read_u64(TABLE_BYTES, at + 16),
        };
        k += 1;
    }
    Table {
        slots,
        pilots: word_table::pilots(TABLE_BYTES, SLOTS, 24),
    }
};

/// The entry's composed syllable is also what the traditional style gives.
const TRADITIONAL: u8 = 1;
/// … what the modern style gives.
const MODERN: u8 = 2;
/// … and its first letter raised is what the word in title case gives.
const TITLE: u8 = 4;

/// The longest key.
const MAX_KEY: usize = 14;

/// The bytes of a key of each length, as a mask.
const PREFIXES: [u128; MAX_KEY + 1] = {
    let mut masks = [0; MAX_KEY + 1];
    let mut len = 1;
    while len <= MAX_KEY {
        masks[len] = (1 << (8 * len)) - 1;
        len += 1;
    }
    masks
};

/// The composed form of a syllable at `at`, what the normalizer writes for
/// it in `placement`, and the word's end; `None` sends the word to the full
/// path. Only words with a mark are in the table, so the answer always
/// differs from the text.
#[inline]
pub(super) fn find(bytes: &[u8], at: usize, placement: TonePlacement) -> Option<(usize, Composed)> {
    let x = u128::from_le_bytes(*bytes.get(at..)?.first_chunk::<16>()?);
    let len = word_table::word_len(x);
    let key = x & *PREFIXES.get(len)?;
    // A capital first letter (an ASCII one or `Đ`: every other capital
    // decomposes to one of them and marks) folded to small.
    let fold = word_table::CASE_BITS[usize::from(key as u8)];
    let folded = key | u128::from(fold);
    let hash = word_table::key_hash(folded as u64, (folded >> 64) as u64);
    let pilot = *TABLE.pilots.get(word_table::bucket(hash, BUCKETS))?;
    let slot = *TABLE.slots.get(word_table::slot(hash, pilot, SLOTS))?;
    let stored = u128::from(slot.low) | u128::from(slot.high) << 64;
    if stored & PREFIXES[MAX_KEY] != folded || len == 0 {
        return None;
    }
    let flags = (stored >> 120) as u8;
    let needs = match placement {
        TonePlacement::Keep => 0,
        TonePlacement::Traditional => TRADITIONAL,
        TonePlacement::Modern => MODERN,
    };
    let title = fold & !(key as u32) != 0;
    let needs = needs | if title { TITLE } else { 0 };
    if flags & needs != needs {
        return None;
    }
    let raise = if title {
        word_table::CASE_BITS[usize::from(slot.composed as u8)]
    } else {
        0
    };
    Some((
        at + len,
        Composed {
            bytes: (slot.composed & !u64::from(raise)).to_le_bytes(),
            len: usize::from((stored >> 112) as u8),
        },
    ))
}

/// A composed syllable, at most eight bytes.
pub(super) struct Composed {
    bytes: [u8; 8],
    len: usize,
}

impl Composed {
    /// Its text; empty if the table were wrong (it is tested not to be).
    pub(super) fn as_str(&self) -> &str {
        self.bytes
            .get(..self.len)
            .and_then(|b| core::str::from_utf8(b).ok())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::{NormalizeConfig, Normalizer};
    use crate::tokenize::title_case as title;
    use unicode_normalization::UnicodeNormalization;

    /// What the normalizer makes of `text` in `placement`.
    fn normalized(text: &str, placement: TonePlacement) -> String {
        Normalizer::new(NormalizeConfig::new().tone(placement))
            .normalize(text)
            .as_str()
            .to_owned()
    }

    /// Every decomposed syllable with a mark, its composed form in the
    /// keeping style and its flags, by the full path (the table is not
    /// used on single words: they are shorter than sixteen bytes).
    fn entries() -> Vec<(String, String, u8)> {
        let mut out = Vec::new();
        for word in crate::tokenize::syllable_inventory() {
            let key: String = word.nfd().collect();
            if key == word {
                continue;
            }
            assert!(key.len() <= MAX_KEY, "{key:?}");
            let composed = normalized(&key, TonePlacement::Keep);
            assert!(composed.len() <= 8, "{composed:?}");
            let mut flags = 0;
            let mut placements = vec![TonePlacement::Keep];
            for (placement, flag) in [
                (TonePlacement::Traditional, TRADITIONAL),
                (TonePlacement::Modern, MODERN),
            ] {
                if normalized(&key, placement) == composed {
                    flags |= flag;
                    placements.push(placement);
                }
            }
            let raised = raise(&composed);
            if placements
                .iter()
                .all(|&p| Some(normalized(&title(&key), p)) == raised)
            {
                flags |= TITLE;
            }
            out.push((key, composed, flags));
        }
        out
    }

    /// The composed syllable with its first letter raised by
    /// [`word_table::CASE_BITS`].
    fn raise(composed: &str) -> Option<String> {
        let mut bytes = [0u8; 8];
        bytes
            .get_mut(..composed.len())?
            .copy_from_slice(composed.as_bytes());
        let raised =
            u64::from_le_bytes(bytes) & !u64::from(word_table::CASE_BITS[usize::from(bytes[0])]);
        let raised = raised.to_le_bytes();
        core::str::from_utf8(raised.get(..composed.len())?)
            .ok()
            .map(str::to_owned)
    }

    fn render_table(entries: &[(String, String, u8)]) -> Vec<u8> {
        let keys: Vec<u128> = entries
            .iter()
            .map(|(key, _, _)| {
                let mut bytes = [0u8; 16];
                bytes[..key.len()].copy_from_slice(key.as_bytes());
                u128::from_le_bytes(bytes)
            })
            .collect();
        let hashes: Vec<u64> = keys
            .iter()
            .map(|&k| word_table::key_hash(k as u64, (k >> 64) as u64))
            .collect();
        let (table, pilots) = word_table::place(&hashes);
        word_table::render(&table, &pilots, |k, out| match k {
            None => out.extend_from_slice(&[0xFF; 24]),
            Some(k) => {
                let (_, composed, flags) = &entries[k];
                let meta = u128::from(*flags) << 120 | (composed.len() as u128) << 112;
                out.extend_from_slice(&(keys[k] | meta).to_le_bytes());
                let mut bytes = [0u8; 8];
                bytes[..composed.len()].copy_from_slice(composed.as_bytes());
                out.extend_from_slice(&bytes);
            }
        })
    }

    /// The committed table is what the syllable model and the full path
    /// give today.
    #[test]
    fn decomposed_table_is_current() {
        let entries = entries();
        assert!(entries.len() > 15_000, "{}", entries.len());
        crate::generated::check_bytes(
            "src/normalize/decomposed_syllables.bin",
            TABLE_BYTES,
            &render_table(&entries),
            "decomposed_table_is_current",
        );
    }

    /// In running text (long enough for the table), every syllable of the
    /// table in lower and title case, in every style, comes out as the
    /// full path without the table makes it.
    #[test]
    fn agrees_with_the_full_path() {
        let words: Vec<String> = crate::tokenize::syllable_inventory()
            .iter()
            .flat_map(|w| [w.nfd().collect::<String>(), title(w).nfd().collect()])
            .collect();
        let text = words.join(" ") + ", x.\n";
        for placement in [
            TonePlacement::Keep,
            TonePlacement::Traditional,
            TonePlacement::Modern,
        ] {
            let config = NormalizeConfig::new().tone(placement);
            let found = words
                .iter()
                .filter(|w| find(format!("{w}                ").as_bytes(), 0, placement).is_some())
                .count();
            assert!(found > 20_000, "{found}");
            assert_eq!(
                Normalizer::new(config).normalize(&text).as_str(),
                super::super::tests::normalize_without_table(&text, &config),
                "{placement:?}"
            );
        }
    }
}
