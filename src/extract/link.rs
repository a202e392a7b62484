//! Links between entities, and what the text attaches to a document
//! reference.
//!
//! A [`Link`] joins two entities of one [`Extraction`] by their indices:
//!
//! - a person **holds** a title ([`LinkKind::Holds`]): `Đồng chí Nguyễn Giờ
//!   - Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy` gives two;
//! - a later mention is the **same person** as the first full name
//!   ([`LinkKind::SameAs`]): `ông Giờ`, `Hùng cho biết`, `N.V.A`;
//! - a title is a role **of** the organization or country inside it
//!   ([`LinkKind::Of`]);
//! - a document reference was **issued on** a date and **issued by** a body
//!   ([`LinkKind::IssuedOn`], [`LinkKind::IssuedBy`]).
//!
//! In `Kết luận số 01-KL/TW ngày 18.5.2021 của Bộ Chính trị về “Đẩy mạnh …”`
//! the reference's value also carries
//!
//! - its **issue date**: a date entity right after it (a comma between is
//!   allowed) that starts with `ngày`;
//! - its **issuing body**: `của` and a name that starts with a capital, up to
//!   eight words, ending before punctuation or a word that cannot be part of
//!   a name (`về`, `ngày`, `khóa`, `đã`, …);
//! - its **title**: `về` and a quotation in curly or straight double quotes,
//!   right after the number, the date or the body.
//!
//! [`Extraction`]: crate::extract::Extraction

use crate::extract::{Entity, EntityKind};
use crate::span::Span;
use crate::tokenize::{Casing, Token, TokenKind, tokens};

/// What a [`Link`] says about its two entities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum LinkKind {
    /// `from`, a person, holds `to`, a title.
    Holds,
    /// `from`, a person mention, is the same person as `to`, the first
    /// full mention of the name.
    SameAs,
    /// `from`, a title, is a role of `to`, the organization or country
    /// inside it.
    Of,
    /// `from`, a document reference, was issued on `to`, a date.
    IssuedOn,
    /// `from`, a document reference, was issued by `to`, an organization.
    IssuedBy,
}

impl LinkKind {
    /// The kind's name in `snake_case`, as the command-line tool prints it.
    ///
    /// ```
    /// use vitext::extract::LinkKind;
    /// assert_eq!(LinkKind::Holds.name(), "holds");
    /// assert_eq!(LinkKind::IssuedBy.name(), "issued_by");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            LinkKind::Holds => "holds",
            LinkKind::SameAs => "same_as",
            LinkKind::Of => "of",
            LinkKind::IssuedOn => "issued_on",
            LinkKind::IssuedBy => "issued_by",
        }
    }
}

/// A link between two entities of an
/// [`Extraction`](crate::extract::Extraction), by their indices.
///
/// ```
/// use vitext::extract::{extract, LinkKind};
///
/// let text = "Đồng chí Nguyễn Giờ - Trưởng Ban Tổ chức Tỉnh ủy dự họp.";
/// let found = extract(text);
/// let link = found.links().iter().find(|l| l.kind == LinkKind::Holds).unwrap();
/// assert_eq!(found[link.from].text, "Nguyễn Giờ");
/// assert_eq!(found[link.to].text, "Trưởng Ban Tổ chức Tỉnh ủy");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Link {
    /// What the link says.
    pub kind: LinkKind,
    /// The index of the entity it starts from.
    pub from: usize,
    /// The index of the entity it points to.
    pub to: usize,
}

impl Link {
    pub(crate) fn new(kind: LinkKind, from: usize, to: usize) -> Link {
        Link { kind, from, to }
    }
}

/// Words that end an issuing body's name when written in lower case.
const NOT_IN_NAME: [&str; 26] = [
    "về", "ngày", "khóa", "khoá", "đã", "đối", "với", "và", "nhằm", "để", "trong", "tại", "theo",
    "là", "có", "được", "vì", "do", "cho", "nay", "này", "sẽ", "đang", "không", "các", "những",
];

/// Lower-case words of the names of bodies: `Ủy ban nhân dân tỉnh`,
/// `Ban cán sự đảng`, `Ban Thường vụ Tỉnh ủy`.
const NAME_LOWER: [&str; 16] = [
    "ban",
    "nhân",
    "dân",
    "tỉnh",
    "thành",
    "phố",
    "huyện",
    "quận",
    "xã",
    "phường",
    "cán",
    "sự",
    "đảng",
    "ủy",
    "uỷ",
    "hành",
];

/// Attaches issue dates, issuing bodies and titles to the document
/// references among `entities` (sorted by position, outer entities before
/// those inside them), whose indices `docs` lists in order, and adds their
/// [`LinkKind::IssuedOn`] and [`LinkKind::IssuedBy`] links to `links`, with
/// indices offset by `base`. (Only the references are visited: a large
/// text's entities are not all read again.)
pub(crate) fn documents(
    text: &str,
    entities: &mut [Entity<'_>],
    docs: &[usize],
    base: usize,
    links: &mut Vec<Link>,
) {
    for &k in docs {
        let Some(e) = entities.get(k) else { break };
        if !matches!(e.kind, EntityKind::DocRef(_)) {
            continue;
        }
        let mut pos = e.span.end;
        let next = entities
            .iter()
            .enumerate()
            .skip(k + 1)
            .find(|(_, n)| n.span.start >= pos);
        let date = next.and_then(|(j, next)| {
            let gap = text.get(pos..next.span.start)?;
            let gap = gap.trim_matches(|c: char| c.is_whitespace() || c == ',');
            // (Read only where nothing stands between.)
            let starts_with_ngay = || {
                next.text
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| lower_is(w, "ngày"))
            };
            // An issue date is a calendar date, not `ngày mai`.
            (gap.is_empty() && starts_with_ngay())
                .then(|| next.kind.date().copied().map(|v| (v, next.span.end, j)))
                .flatten()
                .filter(|(v, _, _)| v.relative.is_none() && v.day.is_some())
        });
        if let Some((_, end, j)) = date {
            pos = end;
            links.push(Link::new(LinkKind::IssuedOn, base + k, base + j));
        }
        let rest = text.get(pos..).unwrap_or_default();
        let (body, after_body) = issuer_body(rest);
        if let Some(body) = body {
            let span = Span::new(pos + body.start, pos + body.end);
            // Entities are sorted by start: look only at those that start
            // where the body does.
            let from = entities.partition_point(|o| o.span.start < span.start);
            let org = entities
                .get(from..)
                .unwrap_or_default()
                .iter()
                .take_while(|o| o.span.start == span.start)
                .position(|o| matches!(o.kind, EntityKind::Organization(_)))
                .map(|j| from + j);
            if let Some(j) = org {
                links.push(Link::new(LinkKind::IssuedBy, base + k, base + j));
            }
        }
        let body = body.map(|b| Span::new(pos + b.start, pos + b.end));
        let title_from = pos + after_body + term_len(text.get(pos + after_body..).unwrap_or(""));
        let title = title(text.get(title_from..).unwrap_or_default())
            .map(|t| Span::new(title_from + t.start, title_from + t.end));
        if let Some(EntityKind::DocRef(doc)) = entities.get_mut(k).map(|e| &mut e.kind) {
            // Keep what the recognizer found (a title written without
            // quotes) when the text attaches nothing.
            doc.issue_date = date.map(|(v, _, _)| v).or(doc.issue_date);
            doc.issuer_body = body.or(doc.issuer_body.take());
            doc.title = title.or(doc.title.take());
        }
    }
}

/// Whether `word` in lower case is `lower`, without writing it out: the
/// same answer as `word.to_lowercase() == lower` for a `lower` without
/// sigma (the one letter whose lower case depends on its neighbours).
fn lower_is(word: &str, lower: &str) -> bool {
    debug_assert!(!lower.contains(['σ', 'ς']));
    word.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

/// `(,) của Bộ Chính trị` at the start of `rest`: where the name is in
/// `rest`, and the byte offset in `rest` after it (0 when there is none).
fn issuer_body(rest: &str) -> (Option<Span>, usize) {
    if !has_cua(rest) {
        return (None, 0);
    }
    // (`của` is the first token or the second, after a comma: the rest
    // is read only then. `của` is often further on, where no body is
    // named after the document.)
    let mut stream = tokens(rest).take(16);
    let head = [stream.next(), stream.next()];
    let mut k = usize::from(head[0].is_some_and(|t| t.text() == ","));
    if !head
        .get(k)
        .copied()
        .flatten()
        .is_some_and(|t| t.kind().is_wordlike() && lower_is(t.text(), "của"))
    {
        return (None, 0);
    }
    // (Sized for the sixteen tokens read: not grown as they are.)
    let mut toks: Vec<Token<'_>> = Vec::with_capacity(16);
    toks.extend(head.into_iter().flatten().chain(stream));
    k += 1;
    let capital = |t: &Token<'_>| {
        matches!(
            t.kind(),
            TokenKind::Syllable(Casing::Title | Casing::Upper)
                | TokenKind::Word(Casing::Title | Casing::Upper)
                | TokenKind::Abbreviation
        )
    };
    if !toks.get(k).is_some_and(capital) {
        return (None, 0);
    }
    let first = k;
    let mut last = k;
    let mut j = k + 1;
    while j < first + 8 {
        let Some(t) = toks.get(j) else { break };
        if !t.kind().is_wordlike() {
            break;
        }
        if !capital(t) {
            // A lower-case word belongs to the name when it ends a word the
            // capital before it began (`Chính trị`, `Văn phòng`), when the
            // names of bodies use it (`Ủy ban nhân dân tỉnh`), or when a
            // capital comes within two words (`Ban Chấp hành Trung ương`);
            // a verb after the name ends it (`Chính phủ truyền đạt`).
            let word = t.text();
            let stop = NOT_IN_NAME.contains(&word)
                || (word == "ban" && toks.get(j + 1).is_some_and(|n| n.text() == "hành"));
            let after_capital = toks.get(j - 1).is_some_and(capital);
            let in_name = after_capital
                || NAME_LOWER.contains(&word)
                || toks
                    .get(j + 1..j + 3)
                    .is_some_and(|next| next.iter().any(&capital));
            if stop || !in_name {
                break;
            }
        }
        last = j;
        j += 1;
    }
    let (Some(a), Some(b)) = (toks.get(first), toks.get(last)) else {
        return (None, 0);
    };
    (Some(Span::new(a.start(), b.end())), b.end())
}

/// Whether `của` in any case (NFC) is written in the first 256 bytes of
/// `rest`: a test without tokens that passes over most documents, which no
/// body follows.
fn has_cua(rest: &str) -> bool {
    let mut end = rest.len().min(256);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    // (A word that ends in `a` ends on a character boundary: cutting at
    // one keeps every such word that lies in the first 256 bytes.)
    let head = rest.get(..end).unwrap_or_default();
    // Most have no `ủa` at all, which the substring search rules out
    // faster than a look at every byte.
    if !["ủa", "ủA", "Ủa", "ỦA"].iter().any(|w| head.contains(w)) {
        return false;
    }
    // `c`, then `ủ` (U+1EE7) or `Ủ` (U+1EE6), then `a`, in any case.
    head.as_bytes()
        .windows(5)
        .any(|w| matches!(w, [b'c' | b'C', 0xE1, 0xBB, 0xA6 | 0xA7, b'a' | b'A']))
}

/// The length of a term after an issuing body (` khóa XII`, ` khoá 13`), or
/// 0, so that the title after it is still found.
fn term_len(rest: &str) -> usize {
    let trimmed = rest.trim_start();
    let Some(after) = ["khóa", "khoá", "Khóa", "Khoá"]
        .iter()
        .find_map(|w| trimmed.strip_prefix(w))
    else {
        return 0;
    };
    let number = after.trim_start();
    let len = number
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(number.len());
    if len == 0 {
        return 0;
    }
    rest.len() - number.len() + len
}

/// `về “…”` (or `về việc “…”`) at the start of `rest`: the quoted title.
fn title(rest: &str) -> Option<Span> {
    // Where a piece that ends where `rest` ends starts in it.
    let at = |piece: &str| rest.len() - piece.len();
    let trimmed = rest.trim_start();
    let after = trimmed
        .strip_prefix("về")
        .or_else(|| trimmed.strip_prefix("Về"))?;
    let after = after.trim_start();
    let after = after.strip_prefix("việc").map_or(after, str::trim_start);
    let (open_len, close) = if after.starts_with('“') {
        ('“'.len_utf8(), '”')
    } else if after.starts_with('"') {
        (1, '"')
    } else {
        return None;
    };
    let body = after.get(open_len..)?;
    let end = body.char_indices().take(400).find(|&(_, c)| c == close)?.0;
    let inner = body.get(..end)?;
    let t = inner.trim();
    let start = at(body) + (inner.len() - inner.trim_start().len());
    (!t.is_empty()).then(|| Span::new(start, start + t.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(rest: &str) -> Option<&str> {
        issuer_body(rest).0.and_then(|s| s.get(rest))
    }

    #[test]
    fn bodies() {
        assert_eq!(body(" của Bộ Chính trị về việc"), Some("Bộ Chính trị"));
        assert_eq!(
            body(" của Văn phòng Trung ương Đảng. Chất"),
            Some("Văn phòng Trung ương Đảng")
        );
        assert_eq!(
            body(", của Ban Chấp hành Trung ương về kỷ luật"),
            Some("Ban Chấp hành Trung ương")
        );
        assert_eq!(body(" của các cấp ủy"), None);
        assert_eq!(body(" về việc"), None);
        assert_eq!(
            body(" của Văn phòng Chính phủ truyền đạt ý kiến"),
            Some("Văn phòng Chính phủ")
        );
        assert_eq!(
            body(" của Ủy ban nhân dân tỉnh ban hành"),
            Some("Ủy ban nhân dân tỉnh")
        );
    }

    #[test]
    fn lower_case_compares_as_written_out() {
        for word in [
            "ngày", "Ngày", "NGÀY", "ngàY", "ngay", "ngàyy", "của", "CỦA", "Σ", "İ", "",
        ] {
            for lower in ["ngày", "của"] {
                assert_eq!(
                    lower_is(word, lower),
                    word.to_lowercase() == lower,
                    "{word}"
                );
            }
        }
    }

    #[test]
    fn titles() {
        let of = |rest: &'static str| title(rest).and_then(|s| s.get(rest));
        assert_eq!(of(" về “Một hai ba”"), Some("Một hai ba"));
        assert_eq!(of(" về \"Bốn\" và"), Some("Bốn"));
        assert_eq!(of(" Về việc “ Năm sáu ” nữa"), Some("Năm sáu"));
        assert_eq!(of(" về việc"), None);
        assert_eq!(of(" về “không đóng"), None);
        assert_eq!(of(" về “  ”"), None);
    }
}
