//! Packed keys: a word's lower-case bytes in one integer, computed once per
//! token ([`key_of`]) and at compile time for the words the recognizers
//! list ([`key`], [`word_keys!`]), so that a word test is an integer
//! comparison.

use crate::tokenize::{Casing, Token, TokenKind};

/// Longer than every word the recognizers look for.
pub(super) const KEY_CAP: usize = 16;

/// The packed key of a word of at most [`KEY_CAP`] bytes (see [`pack`]),
/// at compile time: word lists become keys once, and a word test is then an
/// integer comparison. A longer word, or one with a space or an ASCII
/// capital, does not compile.
pub(crate) const fn key(word: &str) -> u128 {
    let bytes = word.as_bytes();
    assert!(bytes.len() <= KEY_CAP, "a listed word longer than a key");
    let mut key = 0u128;
    let mut k = 0;
    while k < bytes.len() {
        // One lower-case word: a token holds no space, and keys are lower
        // case.
        assert!(
            bytes[k] != b' ' && !bytes[k].is_ascii_uppercase(),
            "a listed word with a space or a capital"
        );
        key |= (bytes[k] as u128) << (8 * k);
        k += 1;
    }
    key
}

/// The keys of a list of words, in order (see [`key`]).
pub(crate) const fn keys<const N: usize>(words: [&str; N]) -> [u128; N] {
    let mut out = [0u128; N];
    let mut k = 0;
    while k < N {
        out[k] = key(words[k]);
        k += 1;
    }
    out
}

/// The keys of the words of a table of words and values, in order (see
/// [`key`]): the table is then searched with [`Ctx::which`](super::Ctx::which).
pub(crate) const fn table_keys<T: Copy, const N: usize>(table: &[(&str, T); N]) -> [u128; N] {
    let mut out = [0u128; N];
    let mut k = 0;
    while k < N {
        out[k] = key(table[k].0);
        k += 1;
    }
    out
}

/// The keys of a list of lower-case words, computed at compile time, for
/// [`Ctx::which`]: `word_keys!["tới", "này"]`, or `word_keys!(LIST)` for a constant
/// array of words.
macro_rules! word_keys {
    ($list:path) => {
        &const { $crate::extract::context::keys($list) }
    };
    ($($word:literal),+ $(,)?) => {
        &const { $crate::extract::context::keys([$($word),+]) }
    };
}
pub(crate) use word_keys;

/// `bytes` packed little-endian into one integer, zero bytes after them;
/// `None` when longer than [`KEY_CAP`]. Reads at most two overlapping
/// words instead of a byte at a time.
#[inline]
pub(crate) fn pack(bytes: &[u8]) -> Option<u128> {
    let n = bytes.len();
    let word = |from: usize| -> u64 {
        bytes
            .get(from..from + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
            .map_or(0, u64::from_le_bytes)
    };
    let half = |from: usize| -> u64 {
        bytes
            .get(from..from + 4)
            .and_then(|w| <[u8; 4]>::try_from(w).ok())
            .map_or(0, |w| u64::from(u32::from_le_bytes(w)))
    };
    Some(match n {
        0 => 0,
        1..=3 => {
            let mut key = 0u128;
            for (k, &b) in bytes.iter().enumerate() {
                key |= u128::from(b) << (8 * k);
            }
            key
        }
        // The two reads overlap on equal bytes, so `|` joins them.
        4..=7 => u128::from(half(0) | half(n - 4) << (8 * (n - 4))),
        8 => u128::from(word(0)),
        9..=KEY_CAP => u128::from(word(0)) | u128::from(word(n - 8) >> (8 * (16 - n))) << 64,
        _ => return None,
    })
}

/// The mask of a key's first `n` bytes, by `n` (a shift of a 128-bit
/// integer by a variable amount takes several instructions, on every
/// token).
const KEY_MASKS: [u128; KEY_CAP + 1] = {
    let mut masks = [u128::MAX; KEY_CAP + 1];
    let mut n = 0;
    while n < KEY_CAP {
        masks[n] = (1u128 << (8 * n)) - 1;
        n += 1;
    }
    masks
};

/// The key of `token` (see [`TokInfo::key`]) and its length; `(0, 0)` when
/// it has none.
#[inline]
pub(super) fn key_of(text: &str, token: &Token<'_>) -> (u128, u8) {
    let bytes = token.text().as_bytes();
    let n = bytes.len();
    if n > KEY_CAP || n == 0 {
        return (0, 0);
    }
    // The token's bytes: one unaligned load from the text where it has 16
    // bytes left, masked to the token's length.
    let raw = match text
        .as_bytes()
        .get(token.start()..token.start() + KEY_CAP)
        .and_then(|b| <[u8; KEY_CAP]>::try_from(b).ok())
    {
        Some(b) => u128::from_le_bytes(b) & KEY_MASKS.get(n).copied().unwrap_or(u128::MAX),
        None => pack(bytes).unwrap_or(0),
    };
    match token.kind() {
        TokenKind::Syllable(Casing::Lower)
        | TokenKind::Word(Casing::Lower)
        | TokenKind::Punctuation
        | TokenKind::Symbol => (raw, n as u8),
        // Only the first letter is a capital: lower it in place when its
        // lower case is as long (every letter of the Vietnamese alphabet).
        TokenKind::Syllable(Casing::Title) | TokenKind::Word(Casing::Title) => {
            let Some(c) = token.text().chars().next() else {
                return (0, 0);
            };
            // (A title-case word may open with a digit, `4Đ`: its capital
            // is further in.)
            match lower_letter(c) {
                Some(l) if l.len_utf8() == c.len_utf8() && c.is_alphabetic() => {
                    let mut tmp = [0u8; 4];
                    let mut first = 0u128;
                    for (k, &b) in l.encode_utf8(&mut tmp).as_bytes().iter().enumerate() {
                        first |= u128::from(b) << (8 * k);
                    }
                    let width = 8 * c.len_utf8();
                    ((raw >> width << width) | first, n as u8)
                }
                _ => lowered(token.text()),
            }
        }
        kind if kind.is_wordlike() => lowered(token.text()),
        _ => (0, 0),
    }
}

/// The key of the lower case of `word`, a character at a time; `(0, 0)`
/// when it passes [`KEY_CAP`] bytes.
fn lowered(word: &str) -> (u128, u8) {
    let mut key = KeyBuf::default();
    for c in word.chars() {
        let fits = match lower_letter(c) {
            Some(l) => key.push(l),
            None => c.to_lowercase().all(|l| key.push(l)),
        };
        if !fits {
            return (0, 0);
        }
    }
    (key.key, key.len)
}

/// A key being written a character at a time.
#[derive(Default)]
struct KeyBuf {
    key: u128,
    len: u8,
}

impl KeyBuf {
    /// Appends `c`; `false` when the key would pass [`KEY_CAP`] bytes.
    fn push(&mut self, c: char) -> bool {
        let mut tmp = [0u8; 4];
        for &b in c.encode_utf8(&mut tmp).as_bytes() {
            if usize::from(self.len) >= KEY_CAP {
                return false;
            }
            self.key |= u128::from(b) << (8 * u32::from(self.len));
            self.len += 1;
        }
        true
    }
}

/// The lower case of a letter of the Vietnamese alphabet (or any ASCII
/// character) without a table search; `None` for the rest, which
/// [`char::to_lowercase`] handles.
pub(crate) fn lower_letter(c: char) -> Option<char> {
    let u = u32::from(c);
    let lower = match u {
        0..=0x7F => u32::from((u as u8).to_ascii_lowercase()),
        // À … Þ but ×, and à … ÿ.
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        0xDF..=0xFF => u,
        // Ă ă, Đ đ, Ĩ ĩ, Ũ ũ, Ơ ơ (capital even) and Ư ư (capital odd).
        0x102 | 0x110 | 0x128 | 0x168 | 0x1A0 => u + 1,
        0x103 | 0x111 | 0x129 | 0x169 | 0x1A1 | 0x1B0 => u,
        0x1AF => 0x1B0,
        // Ạ ạ … Ỹ ỹ: capitals even.
        0x1EA0..=0x1EF9 => u | 1,
        _ => return None,
    };
    char::from_u32(lower)
}

/// A filter of 256 bits over a list of keys (see [`filter_of`]): a key
/// whose bit is clear is in none of them, so that most words are refused
/// before a search of the list.
pub(crate) type KeyFilter = [u64; 4];

/// The word of a [`KeyFilter`] and the bit in it that stand for `key`:
/// eight bits of a multiplicative hash of it.
const fn filter_bit(key: u128) -> (usize, u64) {
    let mixed = ((key as u64) ^ ((key >> 64) as u64)).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56;
    ((mixed >> 6) as usize, 1 << (mixed & 63))
}

/// The filter of `keys` (at compile time, or once when a table is read).
pub(crate) const fn filter_of(keys: &[u128]) -> KeyFilter {
    let mut filter = [0u64; 4];
    let mut k = 0;
    while k < keys.len() {
        let (at, bit) = filter_bit(keys[k]);
        filter[at] |= bit;
        k += 1;
    }
    filter
}

/// Whether `filter` lets `key` through: always when it is of the list.
#[inline]
pub(crate) fn passes(filter: &KeyFilter, key: u128) -> bool {
    let (at, bit) = filter_bit(key);
    filter.get(at).is_some_and(|w| w & bit != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packs_by_words_as_by_bytes() {
        let text = "nghiêng ngả Đắk Lắk 0123456789abcdefg";
        for from in 0..text.len() {
            for to in from..=text.len() {
                let bytes = &text.as_bytes()[from..to];
                let mut by_bytes = 0u128;
                for (k, &b) in bytes.iter().enumerate().take(16) {
                    by_bytes |= u128::from(b) << (8 * k);
                }
                let want = (bytes.len() <= 16).then_some(by_bytes);
                assert_eq!(pack(bytes), want, "{bytes:?}");
            }
        }
    }

    #[test]
    fn listed_words_key_as_tokens_do() {
        for word in ["ngày", "tháng", "nhân", "đ", "nghiêng", "trường"] {
            assert_eq!(Some(key(word)), pack(word.as_bytes()));
        }
        assert_eq!(keys(["tới", "này"]), [key("tới"), key("này")]);
    }
}
