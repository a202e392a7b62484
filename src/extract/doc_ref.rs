//! Document references: `Kết luận số 01-KL/TW`, `Nghị định 100/2019/NĐ-CP`,
//! `Quyết định số 123/QĐ-UBND`, `Công văn 4537/VPCP-KTTH`,
//! `Luật số 45/2019/QH14`, `999-TC/QĐ/CĐKT`.
//!
//! # The grammar
//!
//! A document number is a number, a separator, and a code of segments of
//! letters and digits joined by `-` or `/`:
//!
//! | form | shape | example |
//! |---|---|---|
//! | Party | `số-TYPE/ISSUER` | `01-KL/TW`, `36-HD/VPTW`, `12-HD/BTGTW` |
//! | normative | `số/năm/TYPE-ISSUER` | `100/2019/NĐ-CP`, `01/2024/TT-BTC`, `02/2005/TTLT-BTC-BYT` |
//! | law | `số/năm/QHn` | `45/2019/QH14` |
//! | administrative | `số/TYPE-ISSUER` | `123/QĐ-UBND` |
//! | official letter | `số/ISSUER-UNIT` | `4537/VPCP-KTTH` |
//! | older | `số-ISSUER/TYPE/UNIT` | `999-TC/QĐ/CĐKT` |
//!
//! A code is read where the tokenizer found a
//! [`DocCode`](crate::TokenKind::DocCode) token, and also after `số` or a
//! document-type noun (`Nghị định`, `Thông tư`, …), where real text is
//! looser: spaces around the separators and lower-case codes are accepted
//! there (`SỐ:    99/ 1998/TT-BTC`, `Số 15/2003/nđ-cp`), and codes are
//! written back in their table spelling (`NĐ-CP`). Numbers are checked: one
//! that does not fit in a `u32` (`99999999999/2024/NĐ-CP`) is no document
//! number.
//!
//! Types and issuers come from the tables in `src/data/doc_types.txt` and
//! `src/data/issuers.txt`.

use super::context::Ctx;
use super::resolve::{Candidate, Rank};
use super::{DateValue, Entity, EntityKind};
use crate::tokenize::TokenKind;

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

/// The shape of a document number (see [the module docs](self#the-grammar)).
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
    pub year: Option<u16>,
    /// The type the code names, when it names one the tables know.
    pub doc_type: Option<DocType>,
    /// The type segment as written back in table spelling, known or not.
    pub type_code: Option<String>,
    /// The issuer codes, in order: `["CP"]`, `["BTC", "BYT"]`,
    /// `["VPCP", "KTTH"]` (issuer, then unit).
    pub issuers: Vec<String>,
    /// Party or State.
    pub system: DocSystem,
    /// The shape of the number.
    pub form: DocForm,
}

/// A reference to a document: its number, and what the text attaches to it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct DocRef {
    /// The document number.
    pub code: Option<DocCode>,
    /// The type noun written before the number, as written: `Kết luận`.
    pub type_noun: Option<String>,
    /// Whether the noun agrees with the type in the code (`Kết luận` ↔ `KL`);
    /// `None` when one of the two is missing.
    pub type_matches: Option<bool>,
    /// The issue date: `ngày 18.5.2021` right after the number.
    pub issue_date: Option<DateValue>,
    /// The issuing body: `của Bộ Chính trị` after the number (or its date).
    pub issuer_body: Option<String>,
    /// The quoted title: `về “Đẩy mạnh …”`.
    pub title: Option<String>,
}

/// One row of `doc_types.txt`.
#[derive(Debug)]
struct TypeRow {
    abbreviation: &'static str,
    name: &'static str,
    table: Table,
    also: Vec<&'static str>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Table {
    Party,
    Normative,
    Administrative,
}

/// The document-type and issuer tables, parsed once.
#[derive(Debug)]
pub(crate) struct DocTables {
    types: Vec<TypeRow>,
    /// `(code, party?)`.
    issuers: Vec<(&'static str, bool)>,
    /// Type nouns that may stand before a number, longest first in words,
    /// with their words in lower case.
    nouns: Vec<(&'static str, Vec<String>)>,
}

const TYPES: &str = include_str!("../data/doc_types.txt");
const ISSUERS: &str = include_str!("../data/issuers.txt");

/// Nouns of documents that have no abbreviation of their own in a code.
const EXTRA_NOUNS: [&str; 8] = [
    "Luật",
    "Bộ luật",
    "Hiến pháp",
    "Công văn",
    "Văn bản",
    "Thông tư liên tịch",
    "Nghị quyết liên tịch",
    "Pháp lệnh",
];

fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

impl DocTables {
    pub(crate) fn new() -> DocTables {
        let types: Vec<TypeRow> = rows(TYPES)
            .filter_map(|cols| {
                let table = match *cols.get(2)? {
                    "party" => Table::Party,
                    "normative" => Table::Normative,
                    "administrative" => Table::Administrative,
                    _ => return None,
                };
                Some(TypeRow {
                    abbreviation: cols.first()?,
                    name: cols.get(1)?,
                    table,
                    also: cols
                        .get(3)
                        .map(|a| a.split(';').collect())
                        .unwrap_or_default(),
                })
            })
            .collect();
        let issuers = rows(ISSUERS)
            .filter_map(|cols| Some((*cols.first()?, *cols.get(2)? == "party")))
            .collect();
        let mut nouns: Vec<&'static str> =
            types.iter().map(|t| t.name).chain(EXTRA_NOUNS).collect();
        nouns.sort_by_key(|n| core::cmp::Reverse(n.split(' ').count()));
        nouns.dedup();
        let nouns = nouns
            .into_iter()
            .map(|n| (n, n.split(' ').map(str::to_lowercase).collect()))
            .collect();
        DocTables {
            types,
            issuers,
            nouns,
        }
    }

    fn doc_type(&self, code: &str, table: Table) -> Option<&TypeRow> {
        self.types
            .iter()
            .find(|t| t.table == table && t.abbreviation == code)
    }

    fn is_state_issuer(&self, code: &str) -> bool {
        self.issuers.iter().any(|&(c, party)| !party && c == code)
    }

    fn is_party_issuer(&self, code: &str) -> bool {
        self.issuers.iter().any(|&(c, party)| party && c == code)
    }

    /// The table spelling of a segment written in any case, or with `D` for
    /// `Đ` (`nđ` → `NĐ`, `ND` → `NĐ`, `QD` → `QĐ`).
    fn canonical(&self, seg: &str) -> String {
        let codes = || {
            self.types
                .iter()
                .map(|t| t.abbreviation)
                .chain(self.issuers.iter().map(|&(c, _)| c))
        };
        // Exact spelling first: the common case, and no case folding.
        if let Some(c) = codes().find(|&c| c == seg) {
            return c.to_owned();
        }
        let same = |a: &str, fold_d: bool| {
            let key = |c: char| {
                let c = c.to_lowercase().next().unwrap_or(c);
                if fold_d && c == 'đ' { 'd' } else { c }
            };
            a.chars().count() == seg.chars().count() && a.chars().map(key).eq(seg.chars().map(key))
        };
        let known = codes().find(|c| same(c, false)).or_else(|| {
            let mut matches = codes().filter(|c| same(c, true));
            let first = matches.next()?;
            matches.all(|c| c == first).then_some(first)
        });
        match known {
            Some(c) => c.to_owned(),
            None if seg.chars().all(|c| !c.is_uppercase()) => seg.to_uppercase(),
            None => seg.to_owned(),
        }
    }
}

/// A code read from the raw text.
struct RawCode {
    end: usize,
    number: Option<u32>,
    year: Option<u16>,
    first_sep: u8,
    segs: Vec<String>,
}

/// Skips at most a few spaces (no line break) at `i` when `loose`.
fn skip_spaces(bytes: &[u8], mut i: usize, loose: bool) -> usize {
    if loose {
        let start = i;
        while bytes.get(i) == Some(&b' ') && i - start < 4 {
            i += 1;
        }
    }
    i
}

/// Length of an ASCII letter or `Đ`/`đ` at `i`, or 0.
fn letter_len(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i) {
        Some(b) if b.is_ascii_alphabetic() => 1,
        Some(0xC4) if matches!(bytes.get(i + 1), Some(0x90 | 0x91)) => 2,
        _ => 0,
    }
}

/// The longest code part we read; longer runs are no document number.
const MAX_CODE: usize = 64;

/// Parses a document number starting with the digits at byte `p`.
fn parse_raw(text: &str, p: usize, loose: bool) -> Option<RawCode> {
    let bytes = text.as_bytes();
    let mut i = p;
    let mut number: Option<u32> = Some(0);
    while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
        number = number
            .and_then(|n| n.checked_mul(10))
            .and_then(|n| n.checked_add(u32::from(b - b'0')));
        i += 1;
        if i - p > 20 {
            return None;
        }
    }
    if i == p {
        return None;
    }
    i = skip_spaces(bytes, i, loose);
    let first_sep = *bytes.get(i).filter(|&&b| b == b'/' || b == b'-')?;
    i = skip_spaces(bytes, i + 1, loose);
    // A year: four digits and a slash.
    let mut year = None;
    let digits = bytes
        .get(i..i + 4)
        .filter(|d| d.iter().all(u8::is_ascii_digit));
    if let Some(d) = digits {
        let after = skip_spaces(bytes, i + 4, loose);
        if first_sep == b'/' && bytes.get(after) == Some(&b'/') {
            let y = d.iter().fold(0u16, |y, &b| y * 10 + u16::from(b - b'0'));
            if !(1900..=2100).contains(&y) {
                return None;
            }
            year = Some(y);
            i = skip_spaces(bytes, after + 1, loose);
        }
    }
    let code_start = i;
    let mut segs = Vec::new();
    let mut letters = 0usize;
    loop {
        let seg_start = i;
        if letter_len(bytes, i) == 0 {
            break;
        }
        loop {
            let n = letter_len(bytes, i);
            if n > 0 {
                letters += 1;
                i += n;
            } else if bytes.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            } else {
                break;
            }
        }
        // A letter run glued to something else (`Thông`) is no code segment.
        if bytes.get(i).is_some_and(|&b| b >= 0x80) && bytes.get(i..i + 3) != Some("–".as_bytes())
        {
            return None;
        }
        segs.push(text.get(seg_start..i)?.to_owned());
        if i - code_start > MAX_CODE {
            return None;
        }
        let j = skip_spaces(bytes, i, loose);
        // Real text also joins segments with an en dash: `TT–BXD`.
        let sep_len = match bytes.get(j) {
            Some(b'/' | b'-') => 1,
            // `522/2002/QĐ.UB`: a dot between segments, in loose text only,
            // and only right before a capital.
            Some(b'.')
                if loose && j == i && bytes.get(j + 1).is_some_and(u8::is_ascii_uppercase) =>
            {
                1
            }
            _ if bytes.get(j..j + 3) == Some("–".as_bytes()) => 3,
            _ => 0,
        };
        match sep_len {
            1 | 3 => {
                let k = skip_spaces(bytes, j + sep_len, loose);
                if letter_len(bytes, k) == 0 {
                    break;
                }
                i = k;
            }
            _ => break,
        }
    }
    if segs.is_empty() || letters < 2 {
        return None;
    }
    if !loose
        && !segs
            .iter()
            .all(|s| s.starts_with(|c: char| c.is_ascii_uppercase() || c == 'Đ'))
    {
        return None;
    }
    Some(RawCode {
        end: i,
        number,
        year,
        first_sep,
        segs,
    })
}

/// Reads the code's parts by its form.
fn interpret(
    raw: RawCode,
    tables: &DocTables,
    triggered: bool,
    noun_before: bool,
) -> Option<DocCode> {
    let number = raw.number?;
    let segs: Vec<String> = raw.segs.iter().map(|s| tables.canonical(s)).collect();
    let first = segs.first()?.clone();
    let mut code = DocCode {
        number,
        year: raw.year,
        doc_type: None,
        type_code: None,
        issuers: Vec::new(),
        system: DocSystem::State,
        form: DocForm::Administrative,
    };
    let to_type = |row: &TypeRow| DocType {
        abbreviation: row.abbreviation.to_owned(),
        name: row.name.to_owned(),
    };
    if raw.first_sep == b'-' {
        if raw.year.is_some() {
            return None;
        }
        let older = segs.len() >= 3 && tables.doc_type(&segs[1], Table::Normative).is_some();
        if older {
            code.form = DocForm::Older;
            code.doc_type = tables.doc_type(&segs[1], Table::Normative).map(to_type);
            code.type_code = Some(segs[1].clone());
            code.issuers = segs
                .iter()
                .enumerate()
                .filter(|&(k, _)| k != 1)
                .map(|(_, s)| s.clone())
                .collect();
            return Some(code);
        }
        // Older State numbers put the issuer first: `77-CP`, `212-TC/CĐKT`,
        // `999-TC/QĐ/CĐKT`.
        if tables.is_state_issuer(&first) {
            code.form = DocForm::Older;
            let ty = segs
                .get(1)
                .and_then(|t| tables.doc_type(t, Table::Normative));
            if let Some(row) = ty {
                code.doc_type = Some(to_type(row));
                code.type_code = Some(row.abbreviation.to_owned());
            }
            code.issuers = segs
                .iter()
                .enumerate()
                .filter(|&(k, _)| !(k == 1 && ty.is_some()))
                .map(|(_, s)| s.clone())
                .collect();
            return Some(code);
        }
        let row = tables.doc_type(&first, Table::Party);
        let issuers: Vec<String> = segs.get(1..)?.to_vec();
        if issuers.is_empty()
            || (row.is_none() && !issuers.iter().any(|s| tables.is_party_issuer(s)))
        {
            // After a type noun, an unknown older number is still one:
            // `công văn số 5762-KTTH`, `Lệnh số 06-LCT/HĐNN`.
            if noun_before {
                code.form = DocForm::Older;
                code.issuers = segs;
                return Some(code);
            }
            return None;
        }
        code.form = DocForm::Party;
        code.system = DocSystem::Party;
        code.doc_type = row.map(to_type);
        code.type_code = Some(first);
        code.issuers = issuers;
        return Some(code);
    }
    if raw.year.is_some() {
        if segs.len() == 1 && first.starts_with("QH") {
            code.form = DocForm::Law;
            code.issuers = segs;
            return Some(code);
        }
        code.form = DocForm::Normative;
        code.doc_type = tables.doc_type(&first, Table::Normative).map(to_type);
        code.type_code = Some(first);
        code.issuers = segs.get(1..)?.to_vec();
        return Some(code);
    }
    if let Some(row) = tables.doc_type(&first, Table::Administrative) {
        if segs.len() >= 2 {
            code.doc_type = Some(to_type(row));
            code.type_code = Some(first);
            code.issuers = segs.get(1..)?.to_vec();
            return Some(code);
        }
    }
    // One segment (`56/CP`, `49/TTg`) is an older State number when the
    // tables know it, or follows `số`.
    let known = tables.is_state_issuer(&first) || tables.is_party_issuer(&first);
    if segs.len() < 2 && !triggered && !known {
        return None;
    }
    code.form = DocForm::OfficialLetter;
    code.issuers = segs;
    Some(code)
}

/// Whether the tokens `k - n .. k` spell the words of a name, in any case:
/// the first token of the name.
fn spells(ctx: &Ctx<'_, '_>, k: usize, words: &[String]) -> Option<usize> {
    let first = k.checked_sub(words.len())?;
    words
        .iter()
        .enumerate()
        .all(|(o, w)| ctx.is(first + o, w))
        .then_some(first)
}

/// The type noun that ends right before token `k`: its first token and name.
fn noun_before(ctx: &Ctx<'_, '_>, tables: &DocTables, k: usize) -> Option<(usize, &'static str)> {
    if !ctx.tok(k.checked_sub(1)?)?.kind().is_wordlike() {
        return None;
    }
    tables
        .nouns
        .iter()
        .find_map(|(name, words)| spells(ctx, k, words).map(|first| (first, *name)))
}

/// Finds every document reference and proposes it.
pub(crate) fn find<'h>(ctx: &Ctx<'_, 'h>, tables: &DocTables, out: &mut Vec<Candidate<'h>>) {
    let mut i = 0;
    let mut covered_to = 0usize;
    while i < ctx.len() {
        let Some(tok) = ctx.tok(i) else { break };
        let is_code = tok.kind() == TokenKind::DocCode;
        let is_number = matches!(tok.kind(), TokenKind::Number(_));
        if !(is_code || is_number) || tok.start() < covered_to {
            i += 1;
            continue;
        }
        // The words before: `(Type noun) (số) (:)`.
        let mut k = i;
        if ctx.is_char(k.wrapping_sub(1), ':') {
            k -= 1;
        }
        let so = k > 0 && ctx.is(k - 1, "số");
        if so {
            k -= 1;
            // `mẫu số 01/NT-TCT` numbers a form, not a document.
            if k > 0 && ctx.is(k - 1, "mẫu") {
                i += 1;
                continue;
            }
        }
        let noun = noun_before(ctx, tables, k);
        let triggered = so || noun.is_some();
        if !is_code && !triggered {
            i += 1;
            continue;
        }
        let Some(raw) = parse_raw(ctx.text, tok.start(), triggered) else {
            i += 1;
            continue;
        };
        let end_byte = raw.end;
        let Some(code) = interpret(raw, tables, triggered, noun.is_some()) else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        while ctx.tok(end).is_some_and(|t| t.start() < end_byte) {
            end += 1;
        }
        let first = noun.map_or(i, |(f, _)| f);
        let start_byte = ctx.tok(first).map_or(tok.start(), |t| t.start());
        let type_noun = noun.map(|(f, _)| {
            let last = k.saturating_sub(1);
            ctx.text
                .get(ctx.span(f, last).start..ctx.span(f, last).end)
                .unwrap_or_default()
                .to_owned()
        });
        let type_matches = noun.and_then(|(_, name)| noun_agrees(tables, name, &code));
        let doc = DocRef {
            code: Some(code),
            type_noun,
            type_matches,
            ..DocRef::default()
        };
        out.push(Candidate {
            entity: Entity {
                text: ctx.text.get(start_byte..end_byte).unwrap_or_default(),
                span: crate::Span::new(start_byte, end_byte),
                kind: EntityKind::DocRef(doc),
            },
            first,
            end,
            rank: Rank::DocRef,
        });
        covered_to = end_byte;
        i = end;
    }
}

/// Nouns that name a document by its title without a number, written with
/// a capital: `Nghị quyết Đại hội Đảng các cấp`, `Luật Tổ chức Chính phủ`.
/// Nouns that are as often verbs or common nouns (`Kết luận`, `Hướng dẫn`,
/// `Quy định`, `Kế hoạch`) are left out.
const NAMED: [&[&str]; 8] = [
    &["nghị", "quyết"],
    &["chỉ", "thị"],
    &["nghị", "định"],
    &["thông", "tư"],
    &["pháp", "lệnh"],
    &["hiến", "pháp"],
    &["bộ", "luật"],
    &["luật"],
];

/// Words that end a document's title written without quotes.
const TITLE_ENDS: [&str; 33] = [
    "ngày", "số", "của", "và", "về", "do", "đã", "được", "là", "theo", "tại", "trong", "với", "để",
    "cho", "năm", "khóa", "khoá", "thì", "mà", "này", "đó", "như", "có", "hiện", "lần", "đề",
    "đầu", "cũng", "quy", "sẽ", "nêu", "hướng",
];

/// Finds documents named by type and title, without a number: a capitalized
/// type noun (`Nghị quyết`, `Luật`) and a title that starts with a capital,
/// up to ten words, ending before punctuation or a word of [`TITLE_ENDS`].
pub(crate) fn find_named<'h>(ctx: &Ctx<'_, 'h>, out: &mut Vec<Candidate<'h>>) {
    let mut i = 0;
    while i < ctx.len() {
        let title_case = ctx.may_start_doc_noun(i)
            && ctx
                .tok(i)
                .is_some_and(|t| t.kind() == TokenKind::Syllable(crate::tokenize::Casing::Title));
        let noun = title_case
            .then(|| {
                NAMED
                    .iter()
                    .find(|words| words.iter().enumerate().all(|(o, w)| ctx.is(i + o, w)))
            })
            .flatten();
        let Some(noun) = noun else {
            i += 1;
            continue;
        };
        let start = i + noun.len();
        let capital = ctx.tok(start).is_some_and(|t| {
            matches!(
                t.kind(),
                TokenKind::Syllable(
                    crate::tokenize::Casing::Title | crate::tokenize::Casing::Upper
                ) | TokenKind::Word(
                    crate::tokenize::Casing::Title | crate::tokenize::Casing::Upper
                ) | TokenKind::Abbreviation
            )
        });
        if !capital {
            i = start;
            continue;
        }
        // The title stays on the noun's line and ends before another
        // document noun (`Thông tư Hướng dẫn thi hành Nghị định số …`).
        let mut end = start;
        while end < start + 10
            && ctx.tok(end).is_some_and(|t| t.kind().is_wordlike())
            && (end == start || ctx.which(end, &TITLE_ENDS).is_none())
            && ctx.same_line(end - 1, end)
            && !NAMED
                .iter()
                .any(|words| words.iter().enumerate().all(|(o, w)| ctx.is(end + o, w)))
        {
            end += 1;
        }
        if ctx
            .tok(start)
            .is_some_and(|_| !ctx.same_line(start - 1, start))
            || end == start
        {
            i = start;
            continue;
        }
        let span = ctx.span(i, end - 1);
        let title_span = ctx.span(start, end - 1);
        let doc = DocRef {
            type_noun: Some(
                ctx.text
                    .get(ctx.span(i, start - 1).start..ctx.span(i, start - 1).end)
                    .unwrap_or_default()
                    .to_owned(),
            ),
            title: ctx
                .text
                .get(title_span.start..title_span.end)
                .map(str::to_owned),
            ..DocRef::default()
        };
        out.push(Candidate {
            entity: Entity {
                text: ctx.text.get(span.start..span.end).unwrap_or_default(),
                span,
                kind: EntityKind::DocRef(doc),
            },
            first: i,
            end,
            rank: Rank::NamedDoc,
        });
        i = end;
    }
}

/// Whether the noun `name` fits the code (`Kết luận` ↔ `KL`); `None` when the
/// code names no type the tables know and no form implies one.
fn noun_agrees(tables: &DocTables, name: &str, code: &DocCode) -> Option<bool> {
    let lower = name.to_lowercase();
    match code.form {
        DocForm::Law => return Some(lower == "luật" || lower == "bộ luật"),
        DocForm::OfficialLetter => return Some(lower == "công văn" || lower == "văn bản"),
        _ => {}
    }
    let abbreviation = code.type_code.as_deref()?;
    let found = tables
        .types
        .iter()
        .filter(|t| t.abbreviation == abbreviation)
        .any(|t| {
            t.name.to_lowercase() == lower || t.also.iter().any(|a| a.to_lowercase() == lower)
        });
    if code.doc_type.is_none() && !found {
        return None;
    }
    Some(found)
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

    #[test]
    fn tables_parse() {
        let t = DocTables::new();
        assert!(t.types.len() > 50);
        assert!(t.issuers.len() > 50);
        assert!(t.doc_type("KL", Table::Party).is_some());
        assert!(t.is_party_issuer("VPTW"));
    }
}
