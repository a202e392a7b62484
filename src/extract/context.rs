//! The token window every recognizer reads: case-insensitive word tests,
//! number shapes and digit groups, without allocating.

use crate::span::Span;
use crate::tokenize::{NumberShape, Token, TokenKind};

/// The tokens of one text, with the text they came from.
pub(crate) struct Ctx<'a, 'h> {
    pub text: &'h str,
    pub toks: &'a [Token<'h>],
}

impl<'h> Ctx<'_, 'h> {
    pub fn len(&self) -> usize {
        self.toks.len()
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
        self.toks
            .get(i)
            .is_some_and(|t| eq_lower(t.text(), lower) && t.kind().is_wordlike())
    }

    /// The index in `words` of the word token `i` is, in any case.
    pub fn which(&self, i: usize, words: &[&str]) -> Option<usize> {
        let t = self.toks.get(i)?;
        if !t.kind().is_wordlike() {
            return None;
        }
        words.iter().position(|w| eq_lower(t.text(), w))
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

    /// Whether tokens `i` and `i + 1` are separated by nothing but white space
    /// on one line (no line break between them).
    pub fn same_line(&self, i: usize, j: usize) -> bool {
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
    s.len() == lower.len() && s.chars().flat_map(char::to_lowercase).eq(lower.chars())
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
