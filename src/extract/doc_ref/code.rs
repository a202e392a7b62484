//! The grammar of document numbers: reading a number and its code from the
//! raw text, and telling the forms apart.

use std::borrow::Cow;

use super::*;
pub(super) use crate::tokenize::doc_code::letter_len;
use crate::tokenize::doc_code::{MAX_CODE_LEN, segment_end};

/// A code read from the raw text.
pub(super) struct RawCode<'h> {
    pub(super) end: usize,
    number: Option<u32>,
    year: Option<u16>,
    first_sep: u8,
    /// The code's segments, as the text spells them.
    segs: Vec<&'h str>,
}

/// Skips at most a few spaces (no line break) at `i` when `loose`.
pub(super) fn skip_spaces(bytes: &[u8], mut i: usize, loose: bool) -> usize {
    if loose {
        let start = i;
        while bytes.get(i) == Some(&b' ') && i - start < 4 {
            i += 1;
        }
    }
    i
}

/// The longest code part we read; longer runs are no document number.
pub(super) const MAX_CODE: usize = MAX_CODE_LEN;

/// Parses a document number starting with the digits at byte `p`.
pub(super) fn parse_raw(text: &str, p: usize, loose: bool) -> Option<RawCode<'_>> {
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
        let (end, seg_letters) = segment_end(bytes, i);
        letters += seg_letters;
        i = end;
        // A letter run glued to something else (`Thông`) is no code segment.
        if bytes.get(i).is_some_and(|&b| b >= 0x80) && bytes.get(i..i + 3) != Some("–".as_bytes())
        {
            return None;
        }
        segs.push(text.get(seg_start..i)?);
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

/// Reads the code's parts by its form. (Each segment's canonical spelling
/// is borrowed from the tables or the text where it can be, and made a
/// `String` once, as the code takes it.)
pub(super) fn interpret(
    raw: RawCode<'_>,
    tables: &DocTables,
    triggered: bool,
    noun_before: bool,
) -> Option<DocCode> {
    let number = raw.number?;
    let segs: Vec<Cow<'_, str>> = raw.segs.iter().map(|s| tables.canonical(s)).collect();
    let first: &str = segs.first()?;
    let owned = |segs: &[Cow<'_, str>]| segs.iter().map(|s| String::from(&**s)).collect();
    let all = |segs: Vec<Cow<'_, str>>| segs.into_iter().map(Cow::into_owned).collect();
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
            code.type_code = Some(segs[1].to_string());
            code.issuers = segs
                .iter()
                .enumerate()
                .filter(|&(k, _)| k != 1)
                .map(|(_, s)| s.to_string())
                .collect();
            return Some(code);
        }
        // Older State numbers put the issuer first: `77-CP`, `212-TC/CĐKT`,
        // `999-TC/QĐ/CĐKT`.
        if tables.is_state_issuer(first) {
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
                .map(|(_, s)| s.to_string())
                .collect();
            return Some(code);
        }
        let row = tables.doc_type(first, Table::Party);
        let issuers = segs.get(1..)?;
        if issuers.is_empty()
            || (row.is_none() && !issuers.iter().any(|s| tables.is_party_issuer(s)))
        {
            // After a type noun, an unknown older number is still one:
            // `công văn số 5762-KTTH`, `Lệnh số 06-LCT/HĐNN`.
            if noun_before {
                code.form = DocForm::Older;
                code.issuers = all(segs);
                return Some(code);
            }
            return None;
        }
        code.form = DocForm::Party;
        code.system = DocSystem::Party;
        code.doc_type = row.map(to_type);
        code.type_code = Some(first.to_owned());
        code.issuers = owned(issuers);
        return Some(code);
    }
    if raw.year.is_some() {
        if segs.len() == 1 && (first.starts_with("QH") || first.starts_with("UBTVQH")) {
            code.form = DocForm::Law;
            code.issuers = all(segs);
            return Some(code);
        }
        code.form = DocForm::Normative;
        code.doc_type = tables.doc_type(first, Table::Normative).map(to_type);
        code.type_code = Some(first.to_owned());
        code.issuers = owned(segs.get(1..)?);
        return Some(code);
    }
    if let Some(row) = tables.doc_type(first, Table::Administrative) {
        if segs.len() >= 2 {
            code.doc_type = Some(to_type(row));
            code.type_code = Some(first.to_owned());
            code.issuers = owned(segs.get(1..)?);
            return Some(code);
        }
    }
    // One segment (`56/CP`, `49/TTg`) is an older State number when the
    // tables know it, or follows `số`.
    let known = tables.is_state_issuer(first) || tables.is_party_issuer(first);
    if segs.len() < 2 && !triggered && !known {
        return None;
    }
    code.form = DocForm::OfficialLetter;
    code.issuers = all(segs);
    Some(code)
}
