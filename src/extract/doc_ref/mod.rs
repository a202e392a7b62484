//! Document references: the recognizer. What it reads is described on
//! [`DocRef`].

mod code;
mod named;
mod tables;

use super::context::Ctx;
use super::resolve::{Candidate, Rank};
use super::{DateValue, Entity, EntityKind};
use crate::extract::context::{lower_letter, word_keys};
use crate::span::Span;
use crate::tokenize::TokenKind;

use code::{interpret, parse_raw};
pub(crate) use named::NamedFinder;
pub(crate) use tables::DocTables;
use tables::{Table, TypeRow};

/// Which system of documents a number belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum DocSystem {
    /// Documents of the Communist Party of Vietnam (Hướng dẫn 36-HD/VPTW).
    Party,
    /// Documents of the State: normative (laws, decrees, circulars) and
    /// administrative (Nghị định 30/2020/NĐ-CP).
    State,
}

/// The shape of a document number (see [the grammar](DocRef#the-grammar)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum DocForm {
    /// `01-KL/TW`.
    Party,
    /// `100/2019/NĐ-CP`.
    Normative,
    /// `45/2019/QH14`.
    Law,
    /// `123/QĐ-UBND`.
    Administrative,
    /// `4537/VPCP-KTTH`.
    OfficialLetter,
    /// `999-TC/QĐ/CĐKT`.
    Older,
    /// A number alone after a type noun, with its year where written:
    /// `Nghị định 168`, `Chỉ thị 15`, `Nghị định 15/2020`, `công văn số
    /// 2345`. The type comes from the noun.
    Short,
}

/// A document type: its abbreviation in numbers and its full name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct DocType {
    /// The abbreviation as the table spells it: `KL`, `NĐ`, `QĐ`, `TTLT`.
    pub abbreviation: String,
    /// The full name: `Kết luận`, `Nghị định`.
    pub name: String,
}

/// A parsed document number.
///
/// ```
/// use vitext::extract::{DocForm, DocSystem, EntityKind, Extractor};
///
/// let found = Extractor::default().extract("Căn cứ Nghị định 100/2019/NĐ-CP của Chính phủ");
/// let EntityKind::DocRef(doc) = &found[0].kind else { panic!() };
/// let code = doc.code.as_ref().unwrap();
/// assert_eq!((code.number, code.year), (100, Some(2019)));
/// assert_eq!(code.doc_type.as_ref().unwrap().name, "Nghị định");
/// assert_eq!(code.issuers, ["CP"]);
/// assert_eq!((code.system, code.form), (DocSystem::State, DocForm::Normative));
/// assert_eq!(doc.type_matches, Some(true));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct DocCode {
    /// The number: `01` is 1.
    pub number: u32,
    /// The year, in the normative and law forms.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub year: Option<u16>,
    /// The type the code names, when it names one the tables know.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub doc_type: Option<DocType>,
    /// The type segment as written back in table spelling, known or not.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub type_code: Option<String>,
    /// The issuer codes, in order: `["CP"]`, `["BTC", "BYT"]`,
    /// `["VPCP", "KTTH"]` (issuer, then unit).
    pub issuers: Vec<String>,
    /// Party or State.
    pub system: DocSystem,
    /// The shape of the number.
    pub form: DocForm,
}

/// A reference to a document: its number, and what the text attaches to
/// it: `Kết luận số 01-KL/TW`, `Nghị định 100/2019/NĐ-CP`, `Quyết định số
/// 123/QĐ-UBND`, `Công văn 4537/VPCP-KTTH`, `Luật số 45/2019/QH14`,
/// `999-TC/QĐ/CĐKT`.
///
/// # The grammar
///
/// A document number is a number, a separator, and a code of segments of
/// letters and digits joined by `-` or `/`:
///
/// | form | shape | example |
/// |---|---|---|
/// | Party | `số-TYPE/ISSUER` | `01-KL/TW`, `36-HD/VPTW`, `12-HD/BTGTW` |
/// | normative | `số/năm/TYPE-ISSUER` | `100/2019/NĐ-CP`, `01/2024/TT-BTC`, `02/2005/TTLT-BTC-BYT` |
/// | law | `số/năm/QHn` | `45/2019/QH14` |
/// | administrative | `số/TYPE-ISSUER` | `123/QĐ-UBND` |
/// | official letter | `số/ISSUER-UNIT` | `4537/VPCP-KTTH` |
/// | older | `số-ISSUER/TYPE/UNIT` | `999-TC/QĐ/CĐKT` |
/// | short | `số` or `số/năm` after a type noun | `Nghị định 168`, `Nghị định 15/2020` |
///
/// A code is read where the tokenizer found a
/// [`DocCode`](crate::TokenKind::DocCode) token, and also after `số` or a
/// document-type noun (`Nghị định`, `Thông tư`, …), where real text is
/// looser: spaces around the separators and lower-case codes are accepted
/// there (`SỐ:    99/ 1998/TT-BTC`, `Số 15/2003/nđ-cp`), and codes are
/// written back in their table spelling (`NĐ-CP`). News also cites a
/// document by its number alone (`Nghị định 168`, `Chỉ thị 15 của Ban Bí
/// thư`, `công văn số 2345`): that is read after a capitalised type noun of
/// the documents cited so (`Nghị định`, `Chỉ thị`, `Kết luận`, …), or
/// after any type noun and `số`, unless a unit follows (`Kết luận 3
/// điểm`). Numbers are checked: one
/// that does not fit in a `u32` (`99999999999/2024/NĐ-CP`) is no document
/// number.
///
/// Types and issuers come from the tables in `src/data/doc_types.txt` and
/// `src/data/issuers.txt`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct DocRef {
    /// The document number.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub code: Option<DocCode>,
    /// The type noun written before the number: `Kết luận`.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub type_noun: Option<Span>,
    /// Whether the noun agrees with the type in the code (`Kết luận` ↔ `KL`);
    /// `None` when one of the two is missing.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub type_matches: Option<bool>,
    /// The issue date: `ngày 18.5.2021` right after the number.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub issue_date: Option<DateValue>,
    /// The issuing body's name, `Bộ Chính trị` in `… của Bộ Chính trị`
    /// after the number (or its date).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub issuer_body: Option<Span>,
    /// The title, inside its quotes: `Đẩy mạnh …` in `về “Đẩy mạnh …”`.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub title: Option<Span>,
}

/// Whether the tokens `k - n .. k` spell the words of a name, in any case:
/// the first token of the name.
fn spells(ctx: &Ctx<'_>, k: usize, words: &[u128]) -> Option<usize> {
    let first = k.checked_sub(words.len())?;
    // From the last word back: most nouns differ from the text there, so
    // one test rejects them.
    words
        .iter()
        .enumerate()
        .rev()
        .all(|(o, &w)| ctx.key(first + o) == Some(w))
        .then_some(first)
}

/// The type noun that ends right before token `k`: its first token and name.
fn noun_before(ctx: &Ctx<'_>, tables: &DocTables, k: usize) -> Option<(usize, &'static str)> {
    if !ctx.kind(k.checked_sub(1)?)?.is_wordlike() {
        return None;
    }
    let last = ctx.key(k - 1)?;
    // The longest noun that fits: `Thông báo kết luận`, not `kết luận`.
    tables
        .nouns_ending_in(last)
        .filter_map(|(name, words)| spells(ctx, k, words).map(|first| (first, *name)))
        .min_by_key(|&(first, _)| first)
}

/// The coded-reference recognizer's place in a text, stepped over its
/// notable tokens in order ([`Ctx::notable`]).
#[derive(Default)]
pub(crate) struct Finder {
    /// The first token a new reference may start at.
    free_from: usize,
}

impl Finder {
    pub(crate) fn step<'h>(
        &mut self,
        ctx: &Ctx<'h>,
        tables: &DocTables,
        i: usize,
        out: &mut Vec<Candidate<'h>>,
    ) {
        if i < self.free_from {
            return;
        }
        // (The kind first, from the record: most notable tokens are words,
        // and the token itself is not read again for them.)
        let kind = ctx.kind(i);
        let is_code = kind == Some(TokenKind::DocCode);
        let is_number = matches!(kind, Some(TokenKind::Number(_)));
        if !(is_code || is_number) {
            return;
        }
        let Some(tok) = ctx.tok(i) else { return };
        // The words before: `(Type noun) (số) (:)`.
        let mut k = i;
        if ctx.is_char(k.wrapping_sub(1), ':') {
            k -= 1;
        }
        let so = k > 0 && ctx.is(k - 1, "số");
        if so {
            k -= 1;
        }
        // `mẫu số 01/NT-TCT`, `mẫu 02/QTT-TNCN`, `tờ khai 05/KK-TNCN`
        // number a form, not a document.
        let form = k > 0
            && (ctx.is(k - 1, "mẫu") || (k > 1 && ctx.is(k - 1, "khai") && ctx.is(k - 2, "tờ")));
        if form {
            return;
        }
        let noun = noun_before(ctx, tables, k);
        let triggered = so || noun.is_some();
        if !is_code && !triggered {
            return;
        }
        let coded = parse_raw(ctx.text, tok.start(), triggered)
            .and_then(|raw| Some((raw.end, interpret(raw, tables, triggered, noun.is_some())?)));
        let short = || short_number(ctx, tables, i, noun?, so);
        let Some((end_byte, code)) = coded.or_else(short) else {
            return;
        };
        let mut end = i + 1;
        while ctx.tok(end).is_some_and(|t| t.start() < end_byte) {
            end += 1;
        }
        let first = noun.map_or(i, |(f, _)| f);
        let start_byte = ctx.tok(first).map_or(tok.start(), |t| t.start());
        let type_noun = noun.map(|(f, _)| ctx.span(f, k.saturating_sub(1)));
        let type_matches = noun.and_then(|(_, name)| noun_agrees(tables, name, &code));
        let doc = DocRef {
            code: Some(code),
            type_noun,
            type_matches,
            ..DocRef::default()
        };
        out.push(Candidate {
            entity: Entity {
                within: None,
                text: ctx.text.get(start_byte..end_byte).unwrap_or_default(),
                span: crate::Span::new(start_byte, end_byte),
                kind: EntityKind::DocRef(Box::new(doc)),
            },
            first,
            end,
            rank: Rank::DocRef,
        });
        self.free_from = end;
    }
}

/// The type nouns before which news cites a document by its number alone,
/// without `số`: `Nghị định 168`, `Chỉ thị 15`, `Nghị quyết 57`.
const SHORT_NOUNS: [&str; 13] = [
    "Nghị định",
    "Nghị quyết",
    "Nghị quyết liên tịch",
    "Chỉ thị",
    "Kết luận",
    "Quyết định",
    "Quy định",
    "Thông tư",
    "Thông tư liên tịch",
    "Thông tri",
    "Công điện",
    "Công văn",
    "Văn bản",
];

/// Type nouns that are also verbs (`kết luận` "to conclude", `quy định`
/// "to lay down"): a number after them may be what the verb counts.
const VERB_NOUNS: [&str; 3] = ["Kết luận", "Quyết định", "Quy định"];

/// Whether token `j`, after a document's number, goes on as a citation
/// does: the end of the clause or line, or a word that follows a cited
/// document (`Kết luận 24 của Bộ Chính trị`, `Quyết định 1234 về …`).
fn cited_on(ctx: &Ctx<'_>, j: usize) -> bool {
    if j >= ctx.len() || !ctx.same_line(j - 1, j) {
        return true;
    }
    let word = ctx.kind(j).is_some_and(TokenKind::is_wordlike);
    if !word {
        return true;
    }
    ctx.which(
        j,
        word_keys![
            "của", "cũ", "mới", "về", "ngày", "năm", "và", "đã", "được", "là", "này", "có", "do",
            "tại", "với", "trong", "nêu", "yêu", "ban", "quy", "hướng", "nói", "vừa", "sẽ",
        ],
    )
    .is_some()
}

/// Party bodies that issue documents, after `của`: a number alone cited
/// with one of them is a Party document (`Chỉ thị 15 của Ban Bí thư`).
const PARTY_ISSUERS: [&[&str]; 6] = [
    &["bộ", "chính", "trị"],
    &["ban", "bí", "thư"],
    &["ban", "chấp", "hành"],
    &["trung", "ương"],
    &["tỉnh", "ủy"],
    &["thành", "ủy"],
];

/// A document cited by its number alone at token `i`, after the type noun
/// `(first, name)` (and `số` when `so`): `Nghị định 168`, `Nghị định
/// 15/2020`. The end byte and the code.
fn short_number(
    ctx: &Ctx<'_>,
    tables: &DocTables,
    i: usize,
    (first, name): (usize, &'static str),
    so: bool,
) -> Option<(usize, DocCode)> {
    let tok = ctx.tok(i)?;
    let groups = super::context::Groups::parse(tok.text())?;
    // `168`, or `15/2020` with a plausible year.
    let (number, year) = match groups.n {
        1 if groups.len_of(0) <= 5 => (groups.val(0), None),
        2 if groups.sep(0) == b'/' && groups.len_of(1) == 4 => {
            let y = u16::try_from(groups.val(1))
                .ok()
                .filter(|y| (1945..=2100).contains(y))?;
            (groups.val(0), Some(y))
        }
        _ => return None,
    };
    let capital = ctx.capital(first);
    if !(so || capital && SHORT_NOUNS.contains(&name)) {
        return None;
    }
    // `Kết luận 3 điểm`: a count, not a number; `Hướng dẫn 1 số điều`:
    // "some".
    // (After `số` the number names: `Văn bản số 123 ngày 8/11/2016`.)
    if (!so && super::quantity::counted(ctx, i + 1)) || ctx.is(i + 1, "số") {
        return None;
    }
    // A noun that is also a verb (`Kết luận 3 vấn đề`, `Quy định 20 điều
    // khoản`) cites a document without `số` only where the number ends
    // the phrase or a document's own words follow it.
    if !so && VERB_NOUNS.contains(&name) && !cited_on(ctx, i + 1) {
        return None;
    }
    // `Nghị định số 3 7/2003/NĐ-CP`: a number broken by a space is read
    // whole or not at all.
    // So is a code after a space (`Thông tư số 60 TC/CĐKT`), which this
    // reading would cut short.
    let code_after = ctx.shape(i + 1).is_some()
        || ctx.tok(i + 1).is_some_and(|t| {
            matches!(
                t.kind(),
                TokenKind::DocCode
                    | TokenKind::Abbreviation
                    | TokenKind::Word(crate::tokenize::Casing::Upper)
            )
        });
    if code_after && ctx.same_line(i, i + 1) {
        return None;
    }
    // `Kế hoạch 2024`, `Quyết định 2019`: a year, not a number.
    if !so && year.is_none() && groups.len_of(0) == 4 && (1945..=2100).contains(&number) {
        return None;
    }
    let mut j = i + 1;
    if ctx.is(j, "cũ") || ctx.is(j, "mới") {
        j += 1;
    }
    let party_issuer = ctx.is(j, "của")
        && PARTY_ISSUERS
            .iter()
            .any(|words| words.iter().enumerate().all(|(o, w)| ctx.is(j + 1 + o, w)));
    let rows = || tables.types.iter().filter(|t| t.name == name);
    // Letters are written in both systems, whatever the tables say.
    let letter = matches!(name, "Công văn" | "Văn bản");
    let party_only = !letter && rows().all(|t| t.table == Table::Party);
    let system = if party_issuer || (party_only && rows().next().is_some()) {
        DocSystem::Party
    } else {
        DocSystem::State
    };
    let row = rows()
        .find(|t| (t.table == Table::Party) == (system == DocSystem::Party))
        .or_else(|| rows().next());
    let code = DocCode {
        number,
        year,
        doc_type: row.map(|r| DocType {
            abbreviation: r.abbreviation.to_owned(),
            name: r.name.to_owned(),
        }),
        type_code: None,
        issuers: Vec::new(),
        system,
        form: DocForm::Short,
    };
    Some((tok.end(), code))
}

/// Whether the noun `name` fits the code (`Kết luận` ↔ `KL`); `None` when the
/// code names no type the tables know and no form implies one.
fn noun_agrees(tables: &DocTables, name: &str, code: &DocCode) -> Option<bool> {
    let is = |other: &str| same_lower(name, other);
    match code.form {
        // The National Assembly and its Standing Committee number their
        // laws, codes, ordinances and resolutions alike (`43/2022/QH15`,
        // `02/2022/UBTVQH15`).
        DocForm::Law => {
            return Some(
                ["luật", "bộ luật", "nghị quyết", "pháp lệnh"]
                    .iter()
                    .any(|w| is(w)),
            );
        }
        DocForm::OfficialLetter => return Some(is("công văn") || is("văn bản")),
        _ => {}
    }
    let abbreviation = code.type_code.as_deref()?;
    let found = tables
        .types_abbreviated(abbreviation)
        .any(|t| is(t.name) || t.also.iter().any(|a| is(a)));
    debug_assert_eq!(
        found,
        tables
            .types
            .iter()
            .filter(|t| t.abbreviation == abbreviation)
            .any(|t| is(t.name) || t.also.iter().any(|a| is(a))),
        "the rows of abbreviation {abbreviation} found otherwise by the search"
    );
    if code.doc_type.is_none() && !found {
        return None;
    }
    Some(found)
}

/// Whether `a` and `b` are the same words in lower case (`Nghị định`,
/// `nghị định`), compared a character at a time: no lower-case copy is
/// built. (As [`str::to_lowercase`] compares them, but for a final `Σ`,
/// which no noun of the tables holds.)
fn same_lower(a: &str, b: &str) -> bool {
    // Letters of the Vietnamese alphabet lower without a table search, to
    // one letter each: the nouns compared are of those, and most differ
    // early.
    let (mut x, mut y) = (a.chars(), b.chars());
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(c), Some(d)) => match (lower_letter(c), lower_letter(d)) {
                (Some(l), Some(m)) if l != m => return false,
                (Some(_), Some(_)) => {}
                _ => break,
            },
            _ => break,
        }
    }
    same_lower_by_tables(a, b)
}

/// [`same_lower`] for any text, by the character tables.
fn same_lower_by_tables(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str, loose: bool) -> Option<DocCode> {
        let tables = DocTables::new();
        interpret(parse_raw(s, 0, loose)?, &tables, loose, false)
    }

    #[test]
    fn forms() {
        let c = code("01-KL/TW", false).unwrap();
        assert_eq!(
            (c.number, c.form, c.system),
            (1, DocForm::Party, DocSystem::Party)
        );
        assert_eq!(c.doc_type.unwrap().name, "Kết luận");
        let c = code("99/ 1998/TT-BTC", true).unwrap();
        assert_eq!(
            (c.number, c.year, c.form),
            (99, Some(1998), DocForm::Normative)
        );
        let c = code("15/2003/nđ-cp", true).unwrap();
        assert_eq!(
            (c.type_code.as_deref(), c.issuers.as_slice()),
            (Some("NĐ"), &["CP".to_owned()][..])
        );
        assert!(code("15/2003/nđ-cp", false).is_none());
        let c = code("999-TC/QĐ/CĐKT", false).unwrap();
        assert_eq!(c.form, DocForm::Older);
        assert_eq!(code("45/2019/QH14", false).unwrap().form, DocForm::Law);
        assert_eq!(
            code("4537/VPCP-KTTH", false).unwrap().form,
            DocForm::OfficialLetter
        );
        assert_eq!(
            code("123/QĐ-UBND", false).unwrap().form,
            DocForm::Administrative
        );
        let c = code("02/2005/TTLT-BTC-BYT", false).unwrap();
        assert_eq!(c.issuers, ["BTC", "BYT"]);
        assert!(code("99999999999/2024/NĐ-CP", false).is_none());
        assert!(
            code("5-AB/CD", false).is_none(),
            "unknown Party type and issuer"
        );
    }

    /// The nouns compare in lower case a character at a time as their
    /// lower-case copies do.
    #[test]
    fn nouns_lower_by_character() {
        let t = DocTables::new();
        let names = t
            .types
            .iter()
            .flat_map(|row| core::iter::once(row.name).chain(row.also.iter().copied()))
            .chain(tables::EXTRA_NOUNS);
        for name in names {
            let by_char: String = name.chars().flat_map(char::to_lowercase).collect();
            assert_eq!(by_char, name.to_lowercase(), "{name}");
            assert!(same_lower(name, &name.to_uppercase()), "{name}");
        }
    }

    #[test]
    fn tables_parse() {
        let t = DocTables::new();
        assert!(t.types.len() > 50);
        assert!(t.issuers.len() > 50);
        assert!(t.doc_type("KL", Table::Party).is_some());
        assert!(t.is_party_issuer("VPTW"));
    }
}
