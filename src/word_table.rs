//! Words looked up whole, shared by the tokenizer's known syllables
//! (`tokenize::known`) and the normalizer's decomposed ones
//! (`normalize::decomposed`).
//!
//! Both take sixteen bytes at a word's start, find where the word ends with
//! a few arithmetic operations on them ([`word_ends`]), and look its bytes
//! up in a perfect hash table generated from the syllable model into a
//! committed file. A table file is, all little-endian: the number of slots
//! and the number of buckets (`u32` each), the slots (the caller's layout),
//! then one `u16` pilot per bucket. A key's hash picks its bucket, and the
//! bucket's pilot its slot ([`slot`]); the generator ([`place`]) gives each
//! bucket, largest first, the first pilot that puts all its keys in free
//! slots of their own.

/// 0x80 in every byte.
pub(crate) const HIGH: u128 = u128::from_le_bytes([0x80; 16]);

/// Defines a function giving 0x80 in each byte of `x` that ends a word
/// here: below 0x80 and no ASCII letter. Bytes from 0x80 on (letters
/// outside ASCII and combining marks, but also other characters, which the
/// tables then do not hold) do not. No byte's sum carries into the next
/// one: each is at most 0x7F plus 0x1F. One function a width: the tokenizer
/// reads eight bytes, the normalizer sixteen.
macro_rules! word_ends {
    ($(#[$doc:meta])* $name:ident, $int:ty) => {
        $(#[$doc])*
        #[inline(always)]
        pub(crate) fn $name(x: $int) -> $int {
            const HIGH: $int = <$int>::from_le_bytes([0x80; size_of::<$int>()]);
            const ONES: $int = <$int>::from_le_bytes([0x01; size_of::<$int>()]);
            // ASCII letters folded to small ones, the top bit cleared.
            let folded = (x | (ONES * 0x20)) & !HIGH;
            let from_a = folded + ONES * (0x80 - <$int>::from(b'a'));
            let past_z = folded + ONES * (0x80 - <$int>::from(b'z' + 1));
            let letter = from_a & !past_z;
            !x & !letter & HIGH
        }
    };
}

word_ends!(
    /// The ends of words in eight bytes (see the macro).
    word_ends_8,
    u64
);
word_ends!(
    /// The ends of words in sixteen bytes (see the macro).
    word_ends,
    u128
);

/// The length of the word at the start of `x` (see [`word_ends`]); 16 when
/// it runs past the sixteen bytes.
#[inline(always)]
pub(crate) fn word_len(x: u128) -> usize {
    (word_ends(x).trailing_zeros() / 8) as usize
}

/// The bit that tells a capital Vietnamese letter from its small letter,
/// by the letter's lead byte; small letters have it set. `A`–`Z`, `a`–`z`,
/// and `À`–`Ý`, `à`–`ý` (C3): 0x20 of the last byte; `Ă`, `Đ`, `Ĩ`, `Ũ`
/// and their small letters (C4, C5), and the letters with tone marks of
/// U+1EA0 to U+1EF9 (E1): 0x01 of the last byte. `Ơ` and `Ư` (C6) do not
/// follow one rule and have none. Or-ed into a word's first bytes it folds
/// a capital first letter; cleared from them it raises a small one (the
/// tables hold no word that a character of another block would fold or
/// raise into).
pub(crate) const CASE_BITS: [u32; 256] = {
    let mut bits = [0; 256];
    let mut b = b'A';
    while b <= b'Z' {
        bits[b as usize] = 0x20;
        bits[(b + 0x20) as usize] = 0x20;
        b += 1;
    }
    bits[0xC3] = 0x20 << 8;
    bits[0xC4] = 0x01 << 8;
    bits[0xC5] = 0x01 << 8;
    bits[0xE1] = 0x01 << 16;
    bits
};

/// The `u32` at `at` of a table file.
pub(crate) const fn header(bytes: &[u8], at: usize) -> usize {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]) as usize
}

/// The `u64` at `at` of a table file.
pub(crate) const fn read_u64(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0u8; 8];
    let mut j = 0;
    while j < 8 {
        word[j] = bytes[at + j];
        j += 1;
    }
    u64::from_le_bytes(word)
}

/// The pilots of a table file whose slots take `slot_bytes` each.
pub(crate) const fn pilots<const BUCKETS: usize>(
    bytes: &[u8],
    slots: usize,
    slot_bytes: usize,
) -> [u16; BUCKETS] {
    let mut pilots = [0u16; BUCKETS];
    let mut k = 0;
    while k < BUCKETS {
        let at = 8 + slot_bytes * slots + 2 * k;
        pilots[k] = u16::from_le_bytes([bytes[at], bytes[at + 1]]);
        k += 1;
    }
    pilots
}

const KEY_MIX: u64 = 0x9E37_79B9_7F4A_7C15;
const PILOT_MIX: u64 = 0xA076_1D64_78BD_642F;
const SLOT_MIX: u64 = 0xD6E8_FEB8_6659_FD93;

/// A 64-bit hash of a key of up to sixteen bytes, `low` and `high` its
/// halves.
#[inline(always)]
pub(crate) fn key_hash(low: u64, high: u64) -> u64 {
    (low ^ high.rotate_left(29)).wrapping_mul(KEY_MIX)
}

/// `x` scaled to `0..n` by its high bits.
#[inline(always)]
fn scaled(x: u64, n: usize) -> usize {
    ((u128::from(x) * n as u128) >> 64) as usize
}

/// The bucket of a key's hash.
#[inline(always)]
pub(crate) fn bucket(hash: u64, buckets: usize) -> usize {
    scaled(hash, buckets)
}

/// The slot of a key's hash, by its bucket's pilot.
#[inline(always)]
pub(crate) fn slot(hash: u64, pilot: u16, slots: usize) -> usize {
    scaled(
        (hash ^ u64::from(pilot).wrapping_mul(PILOT_MIX)).wrapping_mul(SLOT_MIX),
        slots,
    )
}

/// A perfect hash of keys by their `hashes`, 95% full: for each slot the
/// index of the key it holds, and the pilots.
#[cfg(test)]
pub(crate) fn place(hashes: &[u64]) -> (Vec<Option<usize>>, Vec<u16>) {
    let slots = hashes.len() * 20 / 19;
    let buckets = hashes.len().div_ceil(4);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); buckets];
    for (k, &hash) in hashes.iter().enumerate() {
        members[bucket(hash, buckets)].push(k);
    }
    let mut order: Vec<usize> = (0..buckets).collect();
    order.sort_by_key(|&b| (core::cmp::Reverse(members[b].len()), b));
    let mut table: Vec<Option<usize>> = vec![None; slots];
    let mut pilots = vec![0u16; buckets];
    let mut taken = Vec::new();
    for b in order {
        let found = (0..=u16::MAX).find(|&pilot| {
            taken.clear();
            members[b].iter().all(|&k| {
                let s = slot(hashes[k], pilot, slots);
                let free = table[s].is_none() && !taken.contains(&s);
                taken.push(s);
                free
            })
        });
        let pilot = found.expect("a pilot for every bucket");
        pilots[b] = pilot;
        for &k in &members[b] {
            table[slot(hashes[k], pilot, slots)] = Some(k);
        }
    }
    (table, pilots)
}

/// A table file: its header, the slots as `slot` writes them (`None` for
/// an empty one), and the pilots.
#[cfg(test)]
pub(crate) fn render(
    table: &[Option<usize>],
    pilots: &[u16],
    mut slot: impl FnMut(Option<usize>, &mut Vec<u8>),
) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&(table.len() as u32).to_le_bytes());
    out.extend_from_slice(&(pilots.len() as u32).to_le_bytes());
    for &key in table {
        slot(key, &mut out);
    }
    for pilot in pilots {
        out.extend_from_slice(&pilot.to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word's end is found in every position, and not past a byte
    /// outside ASCII or an ASCII letter.
    #[test]
    fn ends_are_found_in_every_byte() {
        let letters = *b"aZ\x80\xC3";
        for at in 0..16 {
            for &stop in b" ,.0-/\n\t(" {
                let mut chunk = [b'a'; 16];
                chunk[at] = stop;
                assert_eq!(word_len(u128::from_le_bytes(chunk)), at);
            }
            for &letter in &letters {
                let mut chunk = [b'b'; 16];
                chunk[at] = letter;
                assert_eq!(word_len(u128::from_le_bytes(chunk)), 16);
            }
        }
        for b in 0..=u8::MAX {
            let is_end = word_ends(u128::from(b)) & 0x80 != 0;
            assert_eq!(is_end, b < 0x80 && !b.is_ascii_alphabetic(), "{b:#x}");
        }
    }
}
