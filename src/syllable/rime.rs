//! The rime inventory: which vowel clusters Vietnamese writes, how each
//! splits into glide, nucleus and semivowel coda, where its tone mark goes,
//! and which consonant codas may follow it.
//!
//! The facts are the standard description of Vietnamese orthography (for
//! example Đoàn Thiện Thuật, *Ngữ âm tiếng Việt*, and the rime tables of the
//! Vietnamese Wikipedia article on the alphabet); the layout is ours.

use super::Coda;
#[cfg(test)]
use crate::letter::Letter;
use crate::letter::VOWEL_ROWS;

/// Whether a vowel cluster must, may or must not be followed by a consonant coda.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CodaRule {
    /// Only in open syllables (`ia`, `ưa`, and every cluster that already
    /// ends in a semivowel such as `ai`).
    Open,
    /// Only in closed syllables (`ă`, `â`, `iê`, `uô`, `ươ`, …).
    Closed,
    /// Either.
    Either,
}

/// Bit set of consonant codas.
pub(crate) type CodaSet = u8;

pub(crate) const C: CodaSet = 1;
pub(crate) const CH: CodaSet = 1 << 1;
pub(crate) const M: CodaSet = 1 << 2;
pub(crate) const N: CodaSet = 1 << 3;
pub(crate) const NG: CodaSet = 1 << 4;
pub(crate) const NH: CodaSet = 1 << 5;
pub(crate) const P: CodaSet = 1 << 6;
pub(crate) const T: CodaSet = 1 << 7;

/// The bit of a consonant coda in a [`CodaSet`]; 0 for the open and
/// semivowel codas.
pub(crate) const fn coda_bit(coda: Coda) -> CodaSet {
    match coda {
        Coda::C => C,
        Coda::Ch => CH,
        Coda::M => M,
        Coda::N => N,
        Coda::Ng => NG,
        Coda::Nh => NH,
        Coda::P => P,
        Coda::T => T,
        _ => 0,
    }
}

/// One vowel cluster as written.
#[derive(Debug)]
pub(crate) struct Rime {
    /// The cluster, lower case, without tone (`"oai"`, `"ươ"`).
    pub key: &'static str,
    /// 1 when the cluster starts with the glide `o` or `u`.
    pub glide: u8,
    /// Number of letters of the nucleus (1, or 2 for `iê`, `uô`, `ươ`, …).
    pub nucleus: u8,
    /// The semivowel coda the cluster ends with, or [`Coda::None`].
    pub semivowel: Coda,
    /// Index in the cluster of the vowel that carries the tone mark
    /// (the main vowel; the `Modern` placement).
    pub main: u8,
    /// Whether a consonant coda may follow.
    pub rule: CodaRule,
    /// The consonant codas that may follow.
    pub codas: CodaSet,
}

const fn r(
    key: &'static str,
    glide: u8,
    nucleus: u8,
    semivowel: Coda,
    main: u8,
    rule: CodaRule,
    codas: CodaSet,
) -> Rime {
    Rime {
        key,
        glide,
        nucleus,
        semivowel,
        main,
        rule,
        codas,
    }
}

use CodaRule::{Closed, Either, Open};

const ANY: CodaSet = C | CH | M | N | NG | NH | P | T;
const NO_PALATAL: CodaSet = C | M | N | NG | P | T;
const FRONT: CodaSet = CH | M | N | NH | P | T;
const NONE: CodaSet = 0;

/// Every vowel cluster of written Vietnamese.
pub(crate) static RIMES: &[Rime] = &[
    // Single vowels.
    r("a", 0, 1, Coda::None, 0, Either, ANY),
    r("ă", 0, 1, Coda::None, 0, Closed, NO_PALATAL),
    r("â", 0, 1, Coda::None, 0, Closed, NO_PALATAL),
    r("e", 0, 1, Coda::None, 0, Either, NO_PALATAL),
    r("ê", 0, 1, Coda::None, 0, Either, FRONT),
    r("i", 0, 1, Coda::None, 0, Either, FRONT),
    r("y", 0, 1, Coda::None, 0, Either, FRONT),
    r("o", 0, 1, Coda::None, 0, Either, NO_PALATAL),
    r("ô", 0, 1, Coda::None, 0, Either, NO_PALATAL),
    r("ơ", 0, 1, Coda::None, 0, Either, M | N | P | T),
    r("u", 0, 1, Coda::None, 0, Either, NO_PALATAL),
    r("ư", 0, 1, Coda::None, 0, Either, C | M | N | NG | T),
    // Diphthongs: the closed spelling takes the mark on its second letter,
    // the open spelling on its first.
    r("iê", 0, 2, Coda::None, 1, Closed, NO_PALATAL),
    r("yê", 0, 2, Coda::None, 1, Closed, NO_PALATAL),
    r("ia", 0, 2, Coda::None, 0, Open, NONE),
    r("uô", 0, 2, Coda::None, 1, Closed, NO_PALATAL),
    r("ua", 0, 2, Coda::None, 0, Open, NONE),
    // Open `ươ` is the variant spelling `thưở` (of `thuở`).
    r("ươ", 0, 2, Coda::None, 1, Either, NO_PALATAL),
    r("ưa", 0, 2, Coda::None, 0, Open, NONE),
    // The long `oo` of loanwords (`xoong`, `soóc`).
    r("oo", 0, 2, Coda::None, 1, Closed, C | NG),
    // A glide before the nucleus.
    r("oa", 1, 1, Coda::None, 1, Either, ANY),
    r("oă", 1, 1, Coda::None, 1, Closed, C | M | N | NG | T),
    r("oe", 1, 1, Coda::None, 1, Either, NO_PALATAL),
    r("uâ", 1, 1, Coda::None, 1, Closed, N | NG | T),
    r("uê", 1, 1, Coda::None, 1, Either, CH | N | NH | T),
    r("uơ", 1, 1, Coda::None, 1, Open, NONE),
    r("uy", 1, 1, Coda::None, 1, Either, FRONT),
    r("uyê", 1, 2, Coda::None, 2, Closed, N | T),
    r("uya", 1, 2, Coda::None, 1, Open, NONE),
    // A semivowel coda after the nucleus.
    r("ai", 0, 1, Coda::I, 0, Open, NONE),
    r("ao", 0, 1, Coda::O, 0, Open, NONE),
    r("au", 0, 1, Coda::U, 0, Open, NONE),
    r("ay", 0, 1, Coda::Y, 0, Open, NONE),
    r("âu", 0, 1, Coda::U, 0, Open, NONE),
    r("ây", 0, 1, Coda::Y, 0, Open, NONE),
    r("eo", 0, 1, Coda::O, 0, Open, NONE),
    r("êu", 0, 1, Coda::U, 0, Open, NONE),
    r("iu", 0, 1, Coda::U, 0, Open, NONE),
    r("oi", 0, 1, Coda::I, 0, Open, NONE),
    r("ôi", 0, 1, Coda::I, 0, Open, NONE),
    r("ơi", 0, 1, Coda::I, 0, Open, NONE),
    r("ui", 0, 1, Coda::I, 0, Open, NONE),
    r("ưi", 0, 1, Coda::I, 0, Open, NONE),
    r("ưu", 0, 1, Coda::U, 0, Open, NONE),
    r("iêu", 0, 2, Coda::U, 1, Open, NONE),
    r("yêu", 0, 2, Coda::U, 1, Open, NONE),
    r("uôi", 0, 2, Coda::I, 1, Open, NONE),
    r("ươi", 0, 2, Coda::I, 1, Open, NONE),
    r("ươu", 0, 2, Coda::U, 1, Open, NONE),
    r("oai", 1, 1, Coda::I, 1, Open, NONE),
    r("oay", 1, 1, Coda::Y, 1, Open, NONE),
    r("oao", 1, 1, Coda::O, 1, Open, NONE),
    r("oeo", 1, 1, Coda::O, 1, Open, NONE),
    r("uây", 1, 1, Coda::Y, 1, Open, NONE),
    r("uyu", 1, 1, Coda::U, 1, Open, NONE),
];

/// Rows of [`crate::letter::VOWEL_ROWS`] that the parser refers to by name.
pub(crate) const ROW_O: u8 = 6;
pub(crate) const ROW_HORN_O: u8 = 8;
pub(crate) const ROW_U: u8 = 9;
pub(crate) const ROW_HORN_U: u8 = 10;

/// Packs a vowel cluster (at most three vowels, each given by its row in
/// [`crate::letter::VOWEL_ROWS`]) into a table index.
#[inline]
pub(crate) fn cluster_key(rows: &[u8]) -> Option<usize> {
    if rows.is_empty() || rows.len() > 3 {
        return None;
    }
    let mut key = 0usize;
    for (i, &row) in rows.iter().enumerate() {
        key |= (usize::from(row) + 1) << (4 * i);
    }
    Some(key)
}

/// For each packed cluster, 1 + its index in [`RIMES`], or 0. Built at
/// compile time from the keys of [`RIMES`].
static BY_KEY: [u8; 1 << 12] = build_by_key();

const fn build_by_key() -> [u8; 1 << 12] {
    let mut table = [0u8; 1 << 12];
    let mut i = 0;
    while i < RIMES.len() {
        let key = RIMES[i].key.as_bytes();
        let (mut at, mut shift, mut packed) = (0, 0, 0usize);
        while at < key.len() {
            let (cp, len) = crate::chars::decode(key, at);
            let mut row = 0;
            while VOWEL_ROWS[row].lower[0] as u32 != cp {
                row += 1;
            }
            packed |= (row + 1) << shift;
            shift += 4;
            at += len;
        }
        table[packed] = (i + 1) as u8;
        i += 1;
    }
    table
}

/// Finds the rime written by the given vowel rows.
#[inline]
pub(crate) fn lookup(rows: &[u8]) -> Option<&'static Rime> {
    let key = cluster_key(rows)?;
    match BY_KEY.get(key).copied() {
        Some(0) | None => None,
        Some(i) => RIMES.get(usize::from(i) - 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_rows() {
        let row = |c| Letter::from_char(c).and_then(Letter::vowel_row);
        assert_eq!(row('o'), Some(ROW_O));
        assert_eq!(row('ơ'), Some(ROW_HORN_O));
        assert_eq!(row('u'), Some(ROW_U));
        assert_eq!(row('ư'), Some(ROW_HORN_U));
    }

    #[test]
    fn keys_are_unique_and_consistent() {
        for (i, a) in RIMES.iter().enumerate() {
            for b in &RIMES[i + 1..] {
                assert_ne!(a.key, b.key);
            }
            let len = a.key.chars().count() as u8;
            let semivowel = u8::from(a.semivowel != Coda::None);
            assert_eq!(a.glide + a.nucleus + semivowel, len, "{}", a.key);
            assert!(a.main < len, "{}", a.key);
            let rows: Vec<u8> = a
                .key
                .chars()
                .filter_map(|c| Letter::from_char(c).and_then(Letter::vowel_row))
                .collect();
            assert_eq!(rows.len(), a.key.chars().count(), "{}", a.key);
            assert!(std::ptr::eq(lookup(&rows).unwrap(), a), "{}", a.key);
            if a.rule == CodaRule::Open {
                assert_eq!(a.codas, NONE, "{}", a.key);
            }
        }
    }
}
