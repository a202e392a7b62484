//! Tokens that are no word, number or mark of ASCII: punctuation outside
//! ASCII, emoji (keycaps included), and characters of other scripts, taken
//! by grapheme cluster.

use unicode_segmentation::UnicodeSegmentation;

use super::TokenKind;
use crate::chars::{decode_char, is_combining, is_emoji, is_gap, is_latin_letter, is_punctuation};

/// The length of a keycap emoji at `start` (`1️⃣`, `#️⃣`: a digit, `#` or
/// `*`, the emoji presentation selector if written, and U+20E3), or 0.
pub(super) fn keycap_len(bytes: &[u8], start: usize) -> usize {
    const SELECTOR: &[u8] = "\u{FE0F}".as_bytes();
    const KEYCAP: &[u8] = "\u{20E3}".as_bytes();
    let Some(&b) = bytes.get(start) else {
        return 0;
    };
    if !(b.is_ascii_digit() || b == b'#' || b == b'*') {
        return 0;
    }
    let rest = bytes.get(start + 1..).unwrap_or_default();
    let rest_after_selector = rest.strip_prefix(SELECTOR).unwrap_or(rest);
    if rest_after_selector.starts_with(KEYCAP) {
        1 + (rest.len() - rest_after_selector.len()) + KEYCAP.len()
    } else {
        0
    }
}

/// A token that starts with a non-Latin, non-space character.
pub(super) fn non_latin(text: &str, start: usize, c: char, len: usize) -> (usize, TokenKind) {
    if is_combining(c) {
        // A mark with no letter before it: the marks are one token.
        let bytes = text.as_bytes();
        let mut end = start + len;
        while end < bytes.len() {
            let (c, len) = decode_char(bytes, end);
            if !is_combining(c) {
                break;
            }
            end += len;
        }
        return (end, TokenKind::Other);
    }
    if is_punctuation(c) && !is_emoji(c) {
        return (start + len, TokenKind::Punctuation);
    }
    let mut cluster = text
        .get(start..)
        .and_then(|rest| rest.graphemes(true).next())
        .unwrap_or_default();
    // A prepended mark (U+0600 and the like) joins the next character into
    // its cluster; an ASCII character, a Latin letter or a gap after it
    // starts a token (or a gap) of its own all the same. The zero-width
    // joiner and non-joiner hold emoji sequences and other scripts' clusters
    // together: no place to cut.
    if let Some((cut, _)) = cluster.char_indices().skip(1).find(|&(_, c)| {
        c.is_ascii() || is_latin_letter(c) || (is_gap(c) && !matches!(c, '\u{200C}' | '\u{200D}'))
    }) {
        cluster = cluster.get(..cut).unwrap_or(cluster);
    }
    let end = start + cluster.len().max(len);
    let kind = if is_emoji(c) || cluster.contains(['\u{FE0F}', '\u{200D}', '\u{20E3}']) {
        TokenKind::Emoji
    } else if c.is_alphanumeric() {
        TokenKind::Other
    } else {
        TokenKind::Symbol
    };
    (end, kind)
}
