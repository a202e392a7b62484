//! The document-type and issuer tables (`src/data/doc_types.txt`,
//! `src/data/issuers.txt`), parsed once, and the table spelling of code
//! segments.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::extract::context::{KeyFilter, filter_of, passes};

/// One row of `doc_types.txt`.
#[derive(Debug)]
pub(super) struct TypeRow {
    pub(super) abbreviation: &'static str,
    pub(super) name: &'static str,
    pub(super) table: Table,
    pub(super) also: Vec<&'static str>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Table {
    Party,
    Normative,
    Administrative,
}

/// The document-type and issuer tables, parsed once.
#[derive(Debug)]
pub(crate) struct DocTables {
    pub(super) types: Vec<TypeRow>,
    /// `(code, party?)`.
    pub(super) issuers: Vec<(&'static str, bool)>,
    /// Type nouns that may stand before a number, longest first in words,
    /// with the packed keys of their words in lower case (see
    /// [`pack`](crate::extract::context::pack)).
    nouns: Vec<(&'static str, Vec<u128>)>,
    /// The key of the last word of each of `nouns` and the noun's index,
    /// sorted: a binary search finds the few nouns a word may end (most
    /// words before a number end none), in the order of `nouns`.
    by_last_word: Vec<(u128, usize)>,
    /// A bit for each last word of `by_last_word` (a [`KeyFilter`]): a
    /// word without its bit set ends no noun, and most words before a
    /// number are refused so, without the search.
    last_word_bits: KeyFilter,
    /// The abbreviation of each of `types` and its index, sorted: the rows
    /// of one abbreviation are found by a binary search, in table order.
    by_abbreviation: Vec<(&'static str, usize)>,
    /// Every code of both tables as written.
    exact: HashSet<&'static str>,
    /// Every code of both tables by its [`fold`]ed spelling without and
    /// with `Đ` read as `D`: the first code in table order, and under the
    /// second key `None` where two different codes share it.
    by_case: HashMap<String, &'static str>,
    by_letters: HashMap<String, Option<&'static str>>,
}

/// A code segment's spelling with each letter lowered, and `đ` read as `d`
/// when `fold_d` (`NĐ` and `nd` both give `nd`).
fn fold(seg: &str, fold_d: bool) -> String {
    seg.chars()
        .map(|c| {
            let c = c.to_lowercase().next().unwrap_or(c);
            if fold_d && c == 'đ' { 'd' } else { c }
        })
        .collect()
}

pub(super) const TYPES: &str = include_str!("../../data/doc_types.txt");
pub(super) const ISSUERS: &str = include_str!("../../data/issuers.txt");

/// Nouns of documents that have no abbreviation of their own in a code.
pub(super) const EXTRA_NOUNS: [&str; 11] = [
    "Luật",
    "Bộ luật",
    "Hiến pháp",
    "Công văn",
    "Văn bản",
    "Thông tư liên tịch",
    "Nghị quyết liên tịch",
    "Pháp lệnh",
    // A court's judgment and a procuracy's indictment (`Bản án số
    // 89/2018/HS-ST`, `Cáo trạng số 56/CT-VKS-P3`).
    "Bản án",
    "Cáo trạng",
    // The President's decrees of 1945–1959 (`Sắc lệnh số 147/SL`).
    "Sắc lệnh",
];

pub(super) fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
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
        let issuers: Vec<(&'static str, bool)> = rows(ISSUERS)
            .filter_map(|cols| Some((*cols.first()?, *cols.get(2)? == "party")))
            .collect();
        let mut nouns: Vec<&'static str> = types
            .iter()
            .flat_map(|t| core::iter::once(t.name).chain(t.also.iter().copied()))
            .chain(EXTRA_NOUNS)
            .collect();
        nouns.sort_by_key(|n| (core::cmp::Reverse(n.split(' ').count()), *n));
        nouns.dedup();
        let nouns: Vec<(&'static str, Vec<u128>)> = nouns
            .into_iter()
            .map(|n| {
                let words = n
                    .split(' ')
                    .filter_map(|w| crate::extract::context::pack(w.to_lowercase().as_bytes()))
                    .collect();
                (n, words)
            })
            .collect();
        let mut by_last_word: Vec<(u128, usize)> = nouns
            .iter()
            .enumerate()
            .map(|(n, (_, words))| (words.last().copied().unwrap_or(0), n))
            .collect();
        by_last_word.sort_unstable();
        let last_words: Vec<u128> = by_last_word.iter().map(|&(w, _)| w).collect();
        let last_word_bits = filter_of(&last_words);
        let mut by_abbreviation: Vec<(&'static str, usize)> = types
            .iter()
            .enumerate()
            .map(|(n, t)| (t.abbreviation, n))
            .collect();
        by_abbreviation.sort_unstable();
        let codes: Vec<&'static str> = types
            .iter()
            .map(|t| t.abbreviation)
            .chain(issuers.iter().map(|&(c, _)| c))
            .collect();
        let exact = codes.iter().copied().collect();
        let mut by_case = HashMap::new();
        let mut by_letters = HashMap::new();
        for code in codes {
            by_case.entry(fold(code, false)).or_insert(code);
            by_letters
                .entry(fold(code, true))
                .and_modify(|known: &mut Option<&'static str>| {
                    if *known != Some(code) {
                        *known = None;
                    }
                })
                .or_insert(Some(code));
        }
        DocTables {
            types,
            issuers,
            nouns,
            by_last_word,
            last_word_bits,
            by_abbreviation,
            exact,
            by_case,
            by_letters,
        }
    }

    /// The type nouns whose last word has the key `last`, in the order of
    /// `nouns`.
    pub(super) fn nouns_ending_in(
        &self,
        last: u128,
    ) -> impl Iterator<Item = &(&'static str, Vec<u128>)> {
        let listed = passes(&self.last_word_bits, last);
        let from = if listed {
            self.by_last_word.partition_point(|&(w, _)| w < last)
        } else {
            // (No noun ends in it: the search is past them all.)
            self.by_last_word.len()
        };
        rows_keyed(&self.by_last_word, from, last).filter_map(|n| self.nouns.get(n))
    }

    /// The rows of `types` with the abbreviation `code`, in table order.
    pub(super) fn types_abbreviated<'a>(
        &'a self,
        code: &'a str,
    ) -> impl Iterator<Item = &'a TypeRow> + 'a {
        let from = self.by_abbreviation.partition_point(|&(a, _)| a < code);
        rows_keyed(&self.by_abbreviation, from, code).filter_map(|n| self.types.get(n))
    }

    pub(super) fn doc_type(&self, code: &str, table: Table) -> Option<&TypeRow> {
        self.types
            .iter()
            .find(|t| t.table == table && t.abbreviation == code)
    }

    pub(super) fn is_state_issuer(&self, code: &str) -> bool {
        self.issuers.iter().any(|&(c, party)| !party && c == code)
    }

    pub(super) fn is_party_issuer(&self, code: &str) -> bool {
        self.issuers.iter().any(|&(c, party)| party && c == code)
    }

    /// The table spelling of a segment written in any case, or with `D` for
    /// `Đ` (`nđ` → `NĐ`, `ND` → `NĐ`, `QD` → `QĐ`).
    pub(super) fn canonical<'a>(&self, seg: &'a str) -> Cow<'a, str> {
        // Exact spelling first: the common case, and no case folding.
        if let Some(c) = self.exact.get(seg) {
            return Cow::Borrowed(*c);
        }
        let known = self
            .by_case
            .get(&fold(seg, false))
            .copied()
            .or_else(|| self.by_letters.get(&fold(seg, true)).copied().flatten());
        match known {
            Some(c) => Cow::Borrowed(c),
            None if seg.chars().all(|c| !c.is_uppercase()) => Cow::Owned(seg.to_uppercase()),
            None => Cow::Borrowed(seg),
        }
    }
}

/// The rows filed under `key` in `index` (pairs of a key and a row, sorted
/// by key), read from `from`, where the search for `key` landed.
fn rows_keyed<K: PartialEq + Copy>(
    index: &[(K, usize)],
    from: usize,
    key: K,
) -> impl Iterator<Item = usize> + '_ {
    index
        .get(from..)
        .unwrap_or_default()
        .iter()
        .take_while(move |&&(k, _)| k == key)
        .map(|&(_, row)| row)
}
