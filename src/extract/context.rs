//! The token window every recognizer reads: case-insensitive word tests,
//! number shapes and digit groups, without allocating.

use crate::extract::names::lexicon::Start;
use crate::span::Span;
use crate::tokenize::{Casing, NumberShape, Token, TokenKind};

/// The tokens of one text, with the text they came from and the lower-case
/// form of each short word token, computed once so that word tests are a
/// plain byte comparison.
pub(crate) struct Ctx<'a, 'h> {
    pub text: &'h str,
    pub toks: &'a [Token<'h>],
    lower: Vec<Option<LowerKey>>,
    /// Where each token enters the name lists' trie, once the lists have
    /// read the text ([`Ctx::set_starts`]).
    starts: Vec<Start>,
    /// Per token: [`BREAK_BEFORE`] and [`CAPITAL`].
    flags: Vec<u8>,
}

/// A line break lies between this token and the one before.
const BREAK_BEFORE: u8 = 1;
/// A word that starts with a capital (see [`Ctx::capital`]).
const CAPITAL: u8 = 2;

/// Whether `token` is a word that starts with a capital: `Hà`, `UBND`,
/// `TP.HCM`, but not `iPhone` or `v.v.`.
fn starts_with_capital(token: &Token<'_>) -> bool {
    match token.kind() {
        TokenKind::Syllable(Casing::Title | Casing::Upper)
        | TokenKind::Word(Casing::Title | Casing::Upper) => true,
        TokenKind::Word(Casing::Mixed) | TokenKind::Abbreviation => {
            token.text().chars().next().is_some_and(char::is_uppercase)
        }
        _ => false,
    }
}

/// The lower-case bytes of a word token of at most [`LowerKey::CAP`] bytes.
#[derive(Clone, Copy)]
struct LowerKey {
    buf: [u8; LowerKey::CAP],
    len: u8,
    class: u8,
}

/// A word that may open a date or time expression (see [`Ctx::may_start_date`]).
const DATE_START: u8 = 1;
/// A noun that takes an ordinal after it (see [`Ctx::takes_ordinal`]).
const ORDINAL_NOUN: u8 = 2;
/// The first word of a document noun (see [`Ctx::may_start_doc_noun`]).
const DOC_NOUN_START: u8 = 4;

/// The classes of a lower-case word.
fn classify(s: &str) -> u8 {
    let mut class = 0;
    if matches!(
        s,
        "từ" | "thứ"
            | "chủ"
            | "chúa"
            | "sáng"
            | "trưa"
            | "chiều"
            | "tối"
            | "đêm"
            | "khuya"
            | "ngày"
            | "hôm"
            | "bữa"
            | "mồng"
            | "mùng"
            | "tháng"
            | "năm"
            | "quý"
            | "một"
            | "hai"
            | "ba"
            | "bốn"
            | "sáu"
            | "bảy"
            | "tám"
            | "chín"
            | "mười"
    ) {
        class |= DATE_START;
    }
    if matches!(
        s,
        "lần"
            | "khóa"
            | "khoá"
            | "kỳ"
            | "hạng"
            | "lượt"
            | "phiên"
            | "đợt"
            | "vòng"
            | "phần"
            | "chương"
            | "mục"
    ) {
        class |= ORDINAL_NOUN;
    }
    if matches!(
        s,
        "nghị" | "chỉ" | "thông" | "pháp" | "hiến" | "bộ" | "luật"
    ) {
        class |= DOC_NOUN_START;
    }
    class
}

impl LowerKey {
    /// Longer than every word the recognizers look for.
    const CAP: usize = 16;

    fn new(token: &Token<'_>) -> Option<LowerKey> {
        let kind = token.kind();
        if !kind.is_wordlike() || token.text().len() > LowerKey::CAP {
            return None;
        }
        let mut key = LowerKey {
            buf: [0; LowerKey::CAP],
            len: 0,
            class: 0,
        };
        let already_lower = matches!(
            kind,
            TokenKind::Syllable(Casing::Lower) | TokenKind::Word(Casing::Lower)
        );
        let mut at = 0usize;
        if already_lower {
            let bytes = token.text().as_bytes();
            key.buf.get_mut(..bytes.len())?.copy_from_slice(bytes);
            at = bytes.len();
        } else if matches!(kind, TokenKind::Syllable(Casing::Title)) {
            // Only the first letter is a capital: lower it and copy the
            // rest as it is.
            let mut chars = token.text().chars();
            let first = chars.next()?;
            for c in first.to_lowercase() {
                let mut tmp = [0u8; 4];
                let enc = c.encode_utf8(&mut tmp).as_bytes();
                key.buf.get_mut(at..at + enc.len())?.copy_from_slice(enc);
                at += enc.len();
            }
            let rest = chars.as_str().as_bytes();
            key.buf.get_mut(at..at + rest.len())?.copy_from_slice(rest);
            at += rest.len();
        } else {
            for c in token.text().chars().flat_map(char::to_lowercase) {
                let mut tmp = [0u8; 4];
                let enc = c.encode_utf8(&mut tmp).as_bytes();
                key.buf.get_mut(at..at + enc.len())?.copy_from_slice(enc);
                at += enc.len();
            }
        }
        key.len = u8::try_from(at).ok()?;
        // Most words are lower case already: classify their text without
        // validating the copy again.
        key.class = if already_lower {
            classify(token.text())
        } else {
            classify(core::str::from_utf8(key.as_bytes()).unwrap_or_default())
        };
        Some(key)
    }

    fn as_bytes(&self) -> &[u8] {
        self.buf.get(..usize::from(self.len)).unwrap_or_default()
    }
}

impl<'a, 'h> Ctx<'a, 'h> {
    pub fn new(text: &'h str, toks: &'a [Token<'h>]) -> Ctx<'a, 'h> {
        let lower = toks.iter().map(LowerKey::new).collect();
        let mut prev_end = 0;
        let flags = toks
            .iter()
            .map(|t| {
                let gap = text.get(prev_end..t.start()).unwrap_or_default();
                prev_end = t.end();
                let mut f = 0;
                if gap.contains('\n') {
                    f |= BREAK_BEFORE;
                }
                if starts_with_capital(t) {
                    f |= CAPITAL;
                }
                f
            })
            .collect();
        Ctx {
            text,
            toks,
            lower,
            starts: Vec::new(),
            flags,
        }
    }

    /// Records where each token enters the name lists' trie.
    pub fn set_starts(&mut self, starts: Vec<Start>) {
        self.starts = starts;
    }
}

impl<'h> Ctx<'_, 'h> {
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Where token `i` enters the name lists' trie.
    pub fn start(&self, i: usize) -> Option<Start> {
        self.starts.get(i).copied()
    }

    pub fn tok(&self, i: usize) -> Option<&Token<'h>> {
        self.toks.get(i)
    }

    pub fn text_of(&self, i: usize) -> &'h str {
        self.toks.get(i).map(|t| t.text()).unwrap_or_default()
    }

    /// Whether token `i` is the word `lower`, in any case. `lower` is lower
    /// case; Vietnamese letters keep their UTF-8 length across cases, which
    /// makes the length test a safe first filter.
    pub fn is(&self, i: usize, lower: &str) -> bool {
        match self.lower.get(i) {
            Some(Some(key)) => key.as_bytes() == lower.as_bytes(),
            Some(None) => self
                .toks
                .get(i)
                .is_some_and(|t| t.kind().is_wordlike() && eq_lower(t.text(), lower)),
            None => false,
        }
    }

    /// The lookup key of token `i`: the lower-case bytes of a word of at
    /// most [`LowerKey::CAP`] bytes, or the text of a punctuation mark or
    /// symbol. `None` for longer words, numbers and the rest.
    pub fn key(&self, i: usize) -> Option<&[u8]> {
        match self.lower.get(i)? {
            Some(key) => Some(key.as_bytes()),
            None => {
                let t = self.toks.get(i)?;
                matches!(t.kind(), TokenKind::Punctuation | TokenKind::Symbol)
                    .then(|| t.text().as_bytes())
            }
        }
    }

    /// Whether token `i` is a word that starts with a capital: `Hà`,
    /// `UBND`, `TP.HCM`, `iPhone` excluded.
    #[inline]
    pub fn capital(&self, i: usize) -> bool {
        self.flags.get(i).is_some_and(|f| f & CAPITAL != 0)
    }

    /// Whether token `i` may open a date or time: a number, or one of the
    /// words the date recognizer starts from (`ngày`, `sáng`, `thứ`, …).
    pub fn may_start_date(&self, i: usize) -> bool {
        self.shape(i).is_some()
            || self
                .lower
                .get(i)
                .copied()
                .flatten()
                .is_some_and(|k| k.class & DATE_START != 0)
    }

    /// Whether token `i` may begin a document noun named without a number:
    /// `Nghị quyết`, `Luật`, …
    pub fn may_start_doc_noun(&self, i: usize) -> bool {
        self.lower
            .get(i)
            .copied()
            .flatten()
            .is_some_and(|k| k.class & DOC_NOUN_START != 0)
    }

    /// Whether token `i` is a noun that takes an ordinal: `lần`, `khóa`, …
    pub fn takes_ordinal(&self, i: usize) -> bool {
        self.lower
            .get(i)
            .copied()
            .flatten()
            .is_some_and(|k| k.class & ORDINAL_NOUN != 0)
    }

    /// The index in `words` of the word token `i` is, in any case.
    pub fn which(&self, i: usize, words: &[&str]) -> Option<usize> {
        match self.lower.get(i)? {
            Some(key) => words.iter().position(|w| key.as_bytes() == w.as_bytes()),
            None => words.iter().position(|w| self.is(i, w)),
        }
    }

    /// Whether token `i` is the punctuation or symbol `c`.
    pub fn is_char(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| {
            matches!(t.kind(), TokenKind::Punctuation | TokenKind::Symbol)
                && t.text().chars().eq(core::iter::once(c))
        })
    }

    /// Whether token `i` is a dash: `-`, `–` or `—`.
    pub fn is_dash(&self, i: usize) -> bool {
        self.is_char(i, '-') || self.is_char(i, '–') || self.is_char(i, '—')
    }

    pub fn shape(&self, i: usize) -> Option<NumberShape> {
        match self.toks.get(i)?.kind() {
            TokenKind::Number(shape) => Some(shape),
            _ => None,
        }
    }

    /// The value of token `i` when it is a plain integer of at most `max_len` digits.
    pub fn integer(&self, i: usize, max_len: usize) -> Option<u32> {
        let t = self.toks.get(i)?;
        let s = t.text();
        if s.is_empty() || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    }

    /// The span from the start of token `first` to the end of token `last`.
    pub fn span(&self, first: usize, last: usize) -> Span {
        let start = self.toks.get(first).map_or(0, |t| t.start());
        let end = self.toks.get(last).map_or(start, |t| t.end());
        Span::new(start, end.max(start))
    }

    /// The span of the tokens `first..end` (half-open; an empty range gives
    /// the span of token `first`).
    pub fn span_of(&self, first: usize, end: usize) -> Span {
        self.span(first, end.saturating_sub(1).max(first))
    }

    /// Whether tokens `i` and `i + 1` are separated by nothing but white space
    /// on one line (no line break between them).
    pub fn same_line(&self, i: usize, j: usize) -> bool {
        if j == i + 1 {
            if let Some(&f) = self.flags.get(j) {
                return f & BREAK_BEFORE == 0;
            }
        }
        match (self.toks.get(i), self.toks.get(j)) {
            (Some(a), Some(b)) => self
                .text
                .get(a.end()..b.start())
                .is_some_and(|gap| !gap.contains('\n')),
            _ => false,
        }
    }
}

/// Whether `s` lowercases to `lower`.
pub(crate) fn eq_lower(s: &str, lower: &str) -> bool {
    if s.len() != lower.len() {
        return false;
    }
    if s == lower {
        return true;
    }
    // Most words differ in their first letter, and most first letters are
    // ASCII: decide those without decoding.
    match (s.as_bytes().first(), lower.as_bytes().first()) {
        (Some(&a), Some(&b)) if a < 0x80 && a.to_ascii_lowercase() != b => return false,
        _ => {}
    }
    s.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

/// Up to four digit groups of a number token and the separators between them.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Groups {
    pub vals: [u32; 4],
    pub lens: [u8; 4],
    pub seps: [u8; 3],
    pub n: usize,
}

impl Groups {
    /// Splits `s` (a number token) into groups; `None` when it has more than
    /// four groups or any other character. Values saturate.
    pub fn parse(s: &str) -> Option<Groups> {
        let mut g = Groups::default();
        let mut cur: u32 = 0;
        let mut len: u8 = 0;
        for b in s.bytes() {
            if b.is_ascii_digit() {
                cur = cur.saturating_mul(10).saturating_add(u32::from(b - b'0'));
                len = len.saturating_add(1);
            } else if matches!(b, b'.' | b',' | b'/' | b'-' | b':') && len > 0 {
                *g.vals.get_mut(g.n)? = cur;
                *g.lens.get_mut(g.n)? = len;
                *g.seps.get_mut(g.n)? = b;
                g.n += 1;
                cur = 0;
                len = 0;
            } else {
                return None;
            }
        }
        if len == 0 {
            return None;
        }
        *g.vals.get_mut(g.n)? = cur;
        *g.lens.get_mut(g.n)? = len;
        g.n += 1;
        Some(g)
    }

    pub fn val(&self, i: usize) -> u32 {
        self.vals.get(i).copied().unwrap_or(0)
    }

    pub fn len_of(&self, i: usize) -> u8 {
        self.lens.get(i).copied().unwrap_or(0)
    }

    pub fn sep(&self, i: usize) -> u8 {
        self.seps.get(i).copied().unwrap_or(0)
    }
}

/// The value of a Roman numeral of capitals (`XIV` = 14), 1 to 3999, in
/// canonical form only.
pub(crate) fn roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    let value = |c: u8| match c {
        b'I' => Some(1),
        b'V' => Some(5),
        b'X' => Some(10),
        b'L' => Some(50),
        b'C' => Some(100),
        b'D' => Some(500),
        b'M' => Some(1000),
        _ => None,
    };
    let bytes = s.as_bytes();
    let mut total: u32 = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let v = value(b)?;
        let next = bytes.get(i + 1).and_then(|&n| value(n)).unwrap_or(0);
        if v < next {
            total = total.checked_sub(v)?;
        } else {
            total += v;
        }
    }
    // Only the canonical spelling: `IIII` and `IC` are no numerals.
    (total > 0 && total < 4000 && to_roman(total) == s).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn romans() {
        assert_eq!(roman("XIV"), Some(14));
        assert_eq!(roman("XII"), Some(12));
        assert_eq!(roman("I"), Some(1));
        assert_eq!(roman("MMXXIV"), Some(2024));
        assert_eq!(roman("IIII"), None);
        assert_eq!(roman("UBND"), None);
        assert_eq!(roman(""), None);
    }

    #[test]
    fn groups() {
        let g = Groups::parse("18.5.2021").unwrap();
        assert_eq!((g.n, g.val(0), g.val(1), g.val(2)), (3, 18, 5, 2021));
        assert!(Groups::parse("1.2.3.4.5").is_none());
        assert_eq!(Groups::parse("99999999999").unwrap().val(0), u32::MAX);
    }

    #[test]
    fn lower() {
        assert!(eq_lower("Ngày", "ngày"));
        assert!(eq_lower("NGÀY", "ngày"));
        assert!(!eq_lower("ngay", "ngày"));
    }
}
