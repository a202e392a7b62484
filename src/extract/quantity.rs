//! Quantities: the recognizer. What it reads is described on
//! [`Quantity`].

use super::context::{Ctx, Groups, roman};
use super::resolve::{Candidate, Rank};
use super::{Decimal, Entity, EntityKind};
use crate::extract::context::{KeyFilter, filter_of, keys, passes, table_keys, word_keys};
use crate::span::Span;
use crate::tokenize::{NumberShape, Numeral, Separator, TokenKind};

/// What a quantity measures, with what only that measure has: a ratio
/// always has its denominator, a count its noun, an amount of money its
/// currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum QuantityKind {
    /// A number with nothing after it that says what it counts.
    Number,
    /// A number of things: `210 đảng viên`.
    Count {
        /// The noun counted, as written: `đảng viên`.
        unit: Span,
    },
    /// A percentage: `98,4%` has value 98.4.
    Percent,
    /// A ratio `a/b`: `71/72 chi bộ` has value 71 and denominator 72.
    Ratio {
        /// The number after the slash.
        denominator: Decimal,
        /// The noun counted, when written: `chi bộ`.
        #[cfg_attr(
            feature = "serde",
            serde(skip_serializing_if = "Option::is_none", default)
        )]
        unit: Option<Span>,
    },
    /// An amount of money: `33 tỷ đồng`.
    Money {
        /// The currency, as written: `đồng`, `USD`, `đô la`.
        unit: Span,
    },
    /// A rank: `lần thứ 15`, `khóa XIV`.
    Ordinal {
        /// The noun before the number: `lần`, `khóa`.
        unit: Span,
    },
}

/// A hedge written before a quantity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Approximation {
    /// `khoảng`, `chừng`, `ước`, `xấp xỉ`.
    About,
    /// `gần`.
    Nearly,
    /// `hơn`, `trên`.
    MoreThan,
    /// `dưới`.
    LessThan,
    /// `ít nhất`, `tối thiểu`.
    AtLeast,
    /// `tối đa`.
    AtMost,
}

/// A quantity's value.
///
/// ```
/// use vitext::extract::{Decimal, EntityKind, Extractor, QuantityKind};
///
/// let text = "Doanh thu đạt 2,5 triệu USD.";
/// let found = Extractor::default().extract(text);
/// let EntityKind::Quantity(q) = &found[0].kind else { panic!() };
/// assert_eq!(q.value, Decimal::from_int(2_500_000));
/// let QuantityKind::Money { unit } = q.kind else { panic!() };
/// assert_eq!(&text[unit], "USD");
/// ```
///
/// # What the extractor reads
///
/// Quantities under Vietnamese conventions: numbers (`19.176` is 19176,
/// `98,4` is 98.4, `1.234.567,89`), percentages, ratios (`71/72`), money
/// (`33 tỷ đồng`, `2,5 triệu USD`), counts with their noun (`210 đảng
/// viên`), ranges (`5-10 người`), approximations (`gần`, `hơn`, `khoảng`),
/// and ordinals (`lần thứ 15`, `khóa XIV`).
///
/// A dot between groups of three digits groups thousands and a comma marks
/// the decimals, as Vietnamese writes them; the tokenizer's
/// [`crate::tokenize::Numeral`] shape says which reading applies,
/// so `3.14` (no group of three) stays a decimal. Values are exact
/// ([`Decimal`]): `1,1 tỷ` is 1,100,000,000, not the nearest binary
/// fraction of a float product. A number of more than 38 digits has no
/// exact value and is no quantity.
///
/// With the `serde` feature the kind's fields sit beside the others:
/// `{"kind":"count","unit":{"start":…,"end":…},"value":5,"upper":10}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Quantity {
    /// What is measured, with its unit or denominator.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub kind: QuantityKind,
    /// The number, with multipliers (`triệu`) applied; the low end of a range.
    pub value: Decimal,
    /// The high end of a range (`5-10 người`).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub upper: Option<Decimal>,
    /// The hedge before the number.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub approximation: Option<Approximation>,
}

impl Quantity {
    /// A quantity of `kind` with only a value: no range, no hedge.
    ///
    /// ```
    /// use vitext::extract::{Decimal, Quantity, QuantityKind};
    ///
    /// let share = Quantity::new(QuantityKind::Percent, "98.4".parse().unwrap());
    /// assert_eq!(share.value, Decimal::new(984, 1));
    /// assert_eq!((share.upper, share.approximation, share.unit()), (None, None, None));
    /// ```
    pub fn new(kind: QuantityKind, value: Decimal) -> Quantity {
        Quantity {
            kind,
            value,
            upper: None,
            approximation: None,
        }
    }

    /// The noun counted, the currency, or the noun of an ordinal: the
    /// span of a [`QuantityKind::Count`], [`Money`](QuantityKind::Money),
    /// [`Ordinal`](QuantityKind::Ordinal) or of a
    /// [`Ratio`](QuantityKind::Ratio) that has one.
    ///
    /// ```
    /// use vitext::extract::{EntityKind, extract};
    ///
    /// let text = "Có 71/72 chi bộ và 210 đảng viên tham dự.";
    /// let units: Vec<&str> = extract(text)
    ///     .iter()
    ///     .filter_map(|e| match &e.kind {
    ///         EntityKind::Quantity(q) => q.unit().map(|unit| &text[unit]),
    ///         _ => None,
    ///     })
    ///     .collect();
    /// assert_eq!(units, ["chi bộ", "đảng viên"]);
    /// ```
    pub fn unit(&self) -> Option<Span> {
        match self.kind {
            QuantityKind::Count { unit }
            | QuantityKind::Money { unit }
            | QuantityKind::Ordinal { unit } => Some(unit),
            QuantityKind::Ratio { unit, .. } => unit,
            _ => None,
        }
    }
}

/// The value of a number written under Vietnamese conventions, given its
/// shape (`19.176` → 19176, `98,4` → 98.4, `1.234.567,89`, `100,000,000`);
/// `None` for what is no number (`18.5.2021`).
pub(crate) fn parse_number(text: &str) -> Option<Decimal> {
    let mut toks = crate::tokenize::tokens(text);
    let tok = toks.next()?;
    if toks.next().is_some() || tok.text().len() != text.len() {
        return None;
    }
    match tok.kind() {
        TokenKind::Number(NumberShape::Number(n) | NumberShape::Percent(n)) => {
            numeral_value(text, n)
        }
        _ => None,
    }
}

/// The value of a numeral token's text (a trailing `%` is ignored); `None`
/// past 38 digits.
fn numeral_value(text: &str, numeral: Numeral) -> Option<Decimal> {
    // The text is read a byte at a time: the digits, separators and `%`
    // are ASCII, and the first byte of any other character is refused as
    // the character would be.
    // Most numbers are integers of a few digits: read in a machine word,
    // where 18 digits always fit.
    if numeral == Numeral::Integer && text.len() <= 18 {
        let mut value: u64 = 0;
        for b in text.bytes() {
            if b.is_ascii_digit() {
                value = value * 10 + u64::from(b - b'0');
            } else if b != b'%' {
                return None;
            }
        }
        return Some(Decimal::new(i128::from(value), 0));
    }
    let (thousands, decimal) = match numeral {
        Numeral::Integer => (None, None),
        Numeral::Decimal(sep) => (None, u8::try_from(sep.as_char()).ok()),
        Numeral::Grouped { thousands, .. } => {
            let other = if thousands == Separator::Dot {
                b','
            } else {
                b'.'
            };
            (u8::try_from(thousands.as_char()).ok(), Some(other))
        }
    };
    // (So are most decimals and grouped numbers: up to 18 digits and as
    // many places, no sum overflows a machine word, nor needs a check.)
    if text.len() <= 18 {
        let mut mantissa: u64 = 0;
        let mut scale: u8 = 0;
        let mut in_fraction = false;
        for b in text.bytes() {
            if b.is_ascii_digit() {
                mantissa = mantissa * 10 + u64::from(b - b'0');
                scale += u8::from(in_fraction);
            } else if Some(b) == decimal && !in_fraction {
                in_fraction = true;
            } else if Some(b) != thousands && b != b'%' {
                return None;
            }
        }
        return Some(Decimal::new(i128::from(mantissa), scale));
    }
    let mut mantissa: i128 = 0;
    let mut scale: u8 = 0;
    let mut in_fraction = false;
    for b in text.bytes() {
        if b.is_ascii_digit() {
            mantissa = mantissa
                .checked_mul(10)?
                .checked_add(i128::from(b - b'0'))?;
            if in_fraction {
                scale = scale.checked_add(1)?;
            }
        } else if Some(b) == decimal && !in_fraction {
            in_fraction = true;
        } else if Some(b) == thousands || b == b'%' {
        } else {
            return None;
        }
    }
    // Past 38 places `Decimal` has no exact value.
    (scale <= 38).then(|| Decimal::new(mantissa, scale))
}

const APPROX: [(&str, Approximation); 11] = [
    ("khoảng", Approximation::About),
    ("chừng", Approximation::About),
    ("ước", Approximation::About),
    ("gần", Approximation::Nearly),
    ("hơn", Approximation::MoreThan),
    ("trên", Approximation::MoreThan),
    ("dưới", Approximation::LessThan),
    ("nhất", Approximation::AtLeast),
    ("thiểu", Approximation::AtLeast),
    ("đa", Approximation::AtMost),
    ("quá", Approximation::AtMost),
];

/// The keys of [`APPROX`]'s words.
const APPROX_KEYS: [u128; 11] = table_keys(&APPROX);

/// The words that multiply a number, with their powers of ten.
const MULTIPLIERS: [(&str, u32); 6] = [
    ("trăm", 2),
    ("nghìn", 3),
    ("ngàn", 3),
    ("triệu", 6),
    ("tỷ", 9),
    ("tỉ", 9),
];

/// The keys of [`MULTIPLIERS`]' words.
const MULTIPLIERS_KEYS: [u128; 6] = table_keys(&MULTIPLIERS);

const CURRENCIES: [&str; 9] = [
    "đồng", "usd", "vnđ", "vnd", "đ", "euro", "eur", "yên", "bảng",
];

/// Two-syllable nouns that are counted often in news; any other noun is
/// taken as one syllable.
const COUNT_NOUNS: [&str; 36] = [
    "đảng viên",
    "tổ chức",
    "chi bộ",
    "cán bộ",
    "học sinh",
    "sinh viên",
    "doanh nghiệp",
    "người dân",
    "hộ dân",
    "lao động",
    "công nhân",
    "đại biểu",
    "bệnh nhân",
    "trường hợp",
    "du khách",
    "dự án",
    "công trình",
    "giáo viên",
    "gia đình",
    "cơ quan",
    "đơn vị",
    "ca bệnh",
    "thành viên",
    "hội viên",
    "khách mời",
    "phóng viên",
    "nhân viên",
    "bác sĩ",
    "chiến sĩ",
    "cử tri",
    "thí sinh",
    "căn hộ",
    "nhà ở",
    "chu kỳ",
    "huy chương",
    "hộ nghèo",
];

/// One-syllable nouns and units that numbers count in news.
const ONE_SYLLABLE_NOUNS: [&str; 61] = [
    "người",
    "chiếc",
    "con",
    "cái",
    "hộ",
    "căn",
    "tấn",
    "tạ",
    "kg",
    "km",
    "m",
    "m2",
    "ha",
    "lít",
    "tuổi",
    "năm",
    "tháng",
    "ngày",
    "giờ",
    "phút",
    "giây",
    "tuần",
    "quý",
    "lần",
    "đội",
    "mẫu",
    "giống",
    "câu",
    "trường",
    "xã",
    "huyện",
    "tỉnh",
    "nước",
    "bài",
    "cuốn",
    "quyển",
    "trang",
    "bộ",
    "đơn",
    "ca",
    "cây",
    "ngôi",
    "nhà",
    "phòng",
    "suất",
    "vé",
    "xe",
    "tàu",
    "điểm",
    "bàn",
    "giải",
    "em",
    "cháu",
    "hồ",
    "tầng",
    "lớp",
    "đoàn",
    "đợt",
    "lượt",
    "vụ",
    "tổ",
];

/// Nouns after which a number is an index or a name, not a count.
const INDEX_NOUNS: [&str; 26] = [
    "phường",
    "quận",
    "xã",
    "huyện",
    "số",
    "thứ",
    "điều",
    "khoản",
    "khu",
    "tổ",
    "ấp",
    "xóm",
    "tầng",
    "phòng",
    "lô",
    "đường",
    "tuyến",
    "kênh",
    "mục",
    "chương",
    "lớp",
    "bảng",
    "hình",
    "trang",
    "câu",
    "tập",
];

/// The keys of [`ONE_SYLLABLE_NOUNS`], sorted (see [`sorted_keys`]).
const ONE_SYLLABLE_KEYS: [u128; ONE_SYLLABLE_NOUNS.len()] = sorted_keys(ONE_SYLLABLE_NOUNS);

/// The keys of [`INDEX_NOUNS`], sorted (see [`sorted_keys`]).
const INDEX_KEYS: [u128; INDEX_NOUNS.len()] = sorted_keys(INDEX_NOUNS);

/// The keys of the two syllables of each of [`COUNT_NOUNS`], in ascending
/// order of the first (see [`sorted_keys`]).
const COUNT_NOUN_KEYS: [(u128, u128); COUNT_NOUNS.len()] = {
    let mut out = [(0, 0); COUNT_NOUNS.len()];
    let mut k = 0;
    while k < COUNT_NOUNS.len() {
        out[k] = two_keys(COUNT_NOUNS[k]);
        let mut m = k;
        while m > 0 && out[m - 1].0 > out[m].0 {
            let moved = out[m];
            out[m] = out[m - 1];
            out[m - 1] = moved;
            m -= 1;
        }
        k += 1;
    }
    out
};

/// The filter of [`INDEX_KEYS`].
const INDEX_FILTER: KeyFilter = filter_of(&INDEX_KEYS);

/// The filter of [`ONE_SYLLABLE_KEYS`] and the first syllables of
/// [`COUNT_NOUN_KEYS`]: the words [`noun`] may take.
const NOUN_FILTER: KeyFilter = {
    let mut firsts = [0u128; COUNT_NOUN_KEYS.len()];
    let mut k = 0;
    while k < firsts.len() {
        firsts[k] = COUNT_NOUN_KEYS[k].0;
        k += 1;
    }
    let (one, two) = (filter_of(&ONE_SYLLABLE_KEYS), filter_of(&firsts));
    [
        one[0] | two[0],
        one[1] | two[1],
        one[2] | two[2],
        one[3] | two[3],
    ]
};

/// The nouns [`noun`] takes, each as the keys of its syllables (the
/// second `0` for a noun of one syllable): [`COUNT_NOUN_KEYS`], then
/// [`ONE_SYLLABLE_KEYS`].
const NOUN_ENTRIES: [(u128, u128); COUNT_NOUNS.len() + ONE_SYLLABLE_NOUNS.len()] = {
    let mut out = [(0, 0); COUNT_NOUNS.len() + ONE_SYLLABLE_NOUNS.len()];
    let mut k = 0;
    while k < COUNT_NOUN_KEYS.len() {
        out[k] = COUNT_NOUN_KEYS[k];
        k += 1;
    }
    while k < out.len() {
        out[k] = (ONE_SYLLABLE_KEYS[k - COUNT_NOUN_KEYS.len()], 0);
        k += 1;
    }
    out
};

/// The slots of [`NOUN_SLOTS`]: a power of two, well over twice the
/// nouns, so that a word's run of filled slots is short.
const NOUN_SLOT_COUNT: usize = 256;

/// The home slot of a first syllable's key in [`NOUN_SLOTS`].
const fn noun_slot(first: u128) -> usize {
    let folded = (first as u64) ^ ((first >> 64) as u64);
    (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as usize % NOUN_SLOT_COUNT
}

/// [`NOUN_ENTRIES`] filed by the key of their first syllable, at compile
/// time: a slot holds one past an entry's index (`0`: empty), each entry
/// in the first empty slot from its key's home on. A word's nouns are
/// then the entries in the run of filled slots from its home, one or two
/// loads, where a binary search over the lists took a dozen unpredictable
/// branches. (The table is never full: every run ends.)
const NOUN_SLOTS: [u8; NOUN_SLOT_COUNT] = {
    assert!(NOUN_ENTRIES.len() * 2 <= NOUN_SLOT_COUNT && NOUN_ENTRIES.len() < 255);
    let mut slots = [0u8; NOUN_SLOT_COUNT];
    let mut k = 0;
    while k < NOUN_ENTRIES.len() {
        let mut s = noun_slot(NOUN_ENTRIES[k].0);
        while slots[s] != 0 {
            s = (s + 1) % NOUN_SLOT_COUNT;
        }
        slots[s] = (k + 1) as u8;
        k += 1;
    }
    slots
};

/// The keys of `words` in ascending order, at compile time: a long list is
/// then searched by halves ([`listed`]), where most tokens are in none and
/// a pass over the list would test every word.
const fn sorted_keys<const N: usize>(words: [&str; N]) -> [u128; N] {
    let mut out = keys(words);
    // (An insertion sort: the lists are short, and it runs once, in the
    // compiler.)
    let mut k = 1;
    while k < N {
        let mut m = k;
        while m > 0 && out[m - 1] > out[m] {
            let moved = out[m];
            out[m] = out[m - 1];
            out[m - 1] = moved;
            m -= 1;
        }
        k += 1;
    }
    out
}

/// Whether token `j` is a word of `sorted` (keys from [`sorted_keys`]), in
/// any case: what [`Ctx::which`] says of the list, by a binary search.
fn listed(ctx: &Ctx<'_>, j: usize, sorted: &[u128], filter: &KeyFilter) -> bool {
    ctx.kind(j).is_some_and(TokenKind::is_wordlike)
        && ctx
            .key(j)
            .is_some_and(|key| passes(filter, key) && sorted.binary_search(&key).is_ok())
}

/// The quantity recognizer's place in a text, stepped over its notable
/// tokens in order ([`Ctx::notable`]).
#[derive(Default)]
pub(crate) struct Finder {
    /// The first token a new quantity may start at.
    free_from: usize,
}

impl Finder {
    pub(crate) fn step<'h>(&mut self, ctx: &Ctx<'h>, i: usize, out: &mut Vec<Candidate<'h>>) {
        if i < self.free_from {
            return;
        }
        let found = match ctx.kind(i) {
            Some(TokenKind::Number(shape)) => number(ctx, i, shape, Joins::Range).map(|(r, _)| r),
            Some(_) if ctx.takes_ordinal(i) => ordinal(ctx, i),
            _ => None,
        };
        if let Some(r) = found {
            self.free_from = r.end.max(i + 1);
            out.push(build(ctx, r));
        }
    }
}

/// A quantity read over the tokens `first..end`, before it is made a
/// [`Candidate`]: the readers pass this between them, and the candidate
/// (its entity larger still) is built once, as it is pushed, not copied
/// from one reader's result to the next.
#[derive(Clone, Copy)]
struct Reading {
    first: usize,
    end: usize,
    q: Quantity,
    rank: Rank,
}

#[inline]
fn build<'h>(ctx: &Ctx<'h>, r: Reading) -> Candidate<'h> {
    let span = ctx.span(r.first, r.end - 1);
    Candidate {
        entity: Entity {
            within: None,
            text: ctx.text.get(span.start..span.end).unwrap_or_default(),
            span,
            kind: EntityKind::Quantity(r.q),
        },
        first: r.first,
        end: r.end,
        rank: r.rank,
    }
}

/// A [`Reading`] of `q` over `first..end`.
fn reading(first: usize, end: usize, q: Quantity, rank: Rank) -> Reading {
    Reading {
        first,
        end,
        q,
        rank,
    }
}

/// `lần thứ 15`, `khóa XIV`, `Đại hội lần thứ XIII`.
fn ordinal(ctx: &Ctx<'_>, i: usize) -> Option<Reading> {
    let mut j = i + 1;
    if ctx.is(j, "thứ") {
        j += 1;
    }
    let text = ctx.text_of(j);
    let value = match ctx.integer(j, 4) {
        Some(n) if j == i + 2 => n,
        _ => roman(text)?,
    };
    let unit = ctx.span(i, i);
    let q = Quantity::new(
        QuantityKind::Ordinal { unit },
        Decimal::from_int(value.into()),
    );
    Some(reading(i, j + 1, q, Rank::Measure))
}

/// Whether [`number`] may read `5 - 7 tỷ đồng` as one range.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Joins {
    /// Yes: the number may be the first end of a range.
    Range,
    /// No: the number is already the second end (which keeps the look-ahead
    /// to one step, so a chain `1 - 2 - 3 …` stays linear).
    Single,
}

/// The quantity whose number is token `i`, with the power of ten its
/// first multipliers applied (`5 tỷ`: 9), which a range's first end
/// takes from its second (`5 - 7 tỷ đồng`).
fn number(ctx: &Ctx<'_>, i: usize, shape: NumberShape, joins: Joins) -> Option<(Reading, u32)> {
    // (The token once, for its text and its end.)
    let tok = ctx.tok(i)?;
    let text = tok.text();
    // Phone numbers and codes (`0905 123 456`) start with a zero; counts
    // padded to two digits (`05 người`) do not reach three.
    if text.len() >= 3 && text.starts_with('0') && text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // A number glued to `/` and a capital is part of a document code the
    // tokenizer could not read whole (`100/2019/NÐ-CP` with a look-alike);
    // never a ratio.
    let end = tok.end();
    let after = ctx.text.as_bytes().get(end..end + 2);
    if matches!(after, Some([b'/', b]) if b.is_ascii_uppercase() || *b >= 0xC0) {
        return None;
    }
    let ratio = || {
        let g = Groups::parse(text)?;
        let denominator = Decimal::from_int(g.val(1).into());
        Some(Quantity::new(
            QuantityKind::Ratio {
                denominator,
                unit: None,
            },
            Decimal::from_int(g.val(0).into()),
        ))
    };
    let mut q = match shape {
        NumberShape::Number(n) => Quantity::new(QuantityKind::Number, numeral_value(text, n)?),
        NumberShape::Percent(n) => Quantity::new(QuantityKind::Percent, numeral_value(text, n)?),
        NumberShape::Ratio(Separator::Slash) => ratio()?,
        // `gần 1/4`: a day-month shape after a hedge is a fraction; so is
        // one after `chiếm` (`chiếm 1/3`) or before `số` or a counted noun
        // (`2/3 số đại biểu`, `1/3 dân số`), when it could not be a day.
        NumberShape::DayMonth(Separator::Slash)
            if i > 0
                && ctx
                    .which(i - 1, APPROX_KEYS.get(..7).unwrap_or_default())
                    .is_some()
                || is_fraction(ctx, i) =>
        {
            ratio()?
        }
        NumberShape::Range | NumberShape::DayMonth(Separator::Hyphen) => {
            let (a, b) = text.split_once('-')?;
            let (a, b) = (parse_number(a)?, parse_number(b.trim_end_matches('%'))?);
            if a >= b {
                return None;
            }
            let kind = if text.ends_with('%') {
                QuantityKind::Percent
            } else {
                QuantityKind::Number
            };
            let mut q = Quantity::new(kind, a);
            q.upper = Some(b);
            q
        }
        _ => return None,
    };
    let is_range = q.upper.is_some();
    // The hedge before.
    let mut first = i;
    if i > 0 {
        if let Some(k) = ctx.which(i - 1, &APPROX_KEYS) {
            let (w, a) = APPROX[k];
            // `ít nhất`, `tối thiểu`, `tối đa`, `không quá`.
            let two_words = matches!(w, "nhất" | "thiểu" | "đa" | "quá");
            let ok = !two_words
                || (i >= 2
                    && (ctx.is(i - 2, "ít") || ctx.is(i - 2, "tối") || ctx.is(i - 2, "không")));
            if ok {
                q.approximation = Some(a);
                first = if two_words { i - 2 } else { i - 1 };
            }
        }
    }
    // Multipliers, then a currency, a percent sign or a noun.
    let mut j = i + 1;
    let mut power = 0u32;
    let mut last_multiplier = None;
    while let Some(k) = ctx.which(j, &MULTIPLIERS_KEYS) {
        let p = MULTIPLIERS[k].1;
        q.value = q.value.scaled(p)?;
        q.upper = match q.upper {
            Some(u) => Some(u.scaled(p)?),
            None => None,
        };
        power = power.checked_add(p)?;
        last_multiplier = Some(p);
        j += 1;
    }
    // `1 tỷ 200 triệu đồng`, `3 triệu 500 nghìn`: a smaller amount added on.
    while let (None, Some(last)) = (q.upper, last_multiplier) {
        let Some(k) = ctx.which(j + 1, &MULTIPLIERS_KEYS) else {
            break;
        };
        let p = MULTIPLIERS[k].1;
        let (Some(n), true) = (ctx.integer(j, 3), p < last) else {
            break;
        };
        q.value = q
            .value
            .checked_add(Decimal::from_int(n.into()).scaled(p)?)?;
        last_multiplier = Some(p);
        j += 2;
    }
    let mut rank = Rank::BareNumber;
    // After `phường`, `số`, `thứ`, `Điều` … the number names or ranks a
    // thing (`phường 1 phối hợp`, `thứ 5 giữa mùa mưa`): it counts nothing.
    let index =
        i > 0 && q.approximation.is_none() && listed(ctx, i - 1, &INDEX_KEYS, &INDEX_FILTER);
    if index {
        return Some((reading(first, j, q, rank), power));
    }
    if ctx.is_char(j, '%') && q.kind == QuantityKind::Number {
        q.kind = QuantityKind::Percent;
        j += 1;
        rank = Rank::Measure;
    } else if q.kind == QuantityKind::Percent {
        rank = Rank::Measure;
    } else if let Some(len) = currency(ctx, j) {
        q.kind = QuantityKind::Money {
            unit: ctx.span(j, j + len - 1),
        };
        j += len;
        rank = Rank::Measure;
    } else if let Some(len) = noun(ctx, j).filter(|_| !last_year(ctx, j) && !first_time(ctx, j)) {
        let noun = ctx.span(j, j + len - 1);
        match &mut q.kind {
            kind @ QuantityKind::Number => *kind = QuantityKind::Count { unit: noun },
            QuantityKind::Ratio { unit, .. } => *unit = Some(noun),
            _ => {}
        }
        j += len;
        rank = Rank::Measure;
    } else if matches!(q.kind, QuantityKind::Ratio { .. }) {
        rank = Rank::Measure;
    }
    // A hyphenated pair with nothing after it is no quantity we can name:
    // a score (`thắng 2-1`) or an unknown code.
    if is_range && rank == Rank::BareNumber && shape != NumberShape::Range {
        return None;
    }
    if rank == Rank::BareNumber && !is_range && joins == Joins::Range && j == i + 1 {
        if let Some(range) = measured_range(ctx, first, i, &q) {
            return Some((range, power));
        }
    }
    Some((reading(first, j, q, rank), power))
}

/// Whether `năm ngoái` (last year) starts at `j`: after a number it dates
/// what the number counts (`tuần 38 năm ngoái`), and counts no years.
fn last_year(ctx: &Ctx<'_>, j: usize) -> bool {
    ctx.is(j, "năm") && ctx.is(j + 1, "ngoái") && ctx.same_line(j, j + 1)
}

/// Whether `lần đầu` (for the first time) starts at `j`: after a number
/// it says what happens for the first time in that year (`Luật … 2024 lần
/// đầu quy định`), and counts no times.
fn first_time(ctx: &Ctx<'_>, j: usize) -> bool {
    ctx.is(j, "lần") && ctx.is(j + 1, "đầu") && ctx.same_line(j, j + 1)
}

/// `5 - 7 tỷ đồng`, `từ 10 đến 15%`: the bare number `lower` at token `i`,
/// a dash or `đến`/`tới`, then a measured number: one range in the second
/// number's kind, multiplier and unit.
fn measured_range(ctx: &Ctx<'_>, mut first: usize, i: usize, lower: &Quantity) -> Option<Reading> {
    let j = i + 1;
    if !(ctx.is_dash(j) || ctx.is(j, "đến") || ctx.is(j, "tới")) {
        return None;
    }
    let (second, power) = number(ctx, j + 1, ctx.shape(j + 1)?, Joins::Single)?;
    let upper = &second.q;
    if !matches!(
        upper.kind,
        QuantityKind::Percent | QuantityKind::Money { .. } | QuantityKind::Count { .. }
    ) || upper.upper.is_some()
    {
        return None;
    }
    let value = lower.value.scaled(power)?;
    if !upper.value.is_positive() || value >= upper.value {
        return None;
    }
    let mut q = *upper;
    q.value = value;
    q.upper = Some(upper.value);
    q.approximation = lower.approximation.or(upper.approximation);
    if first == i && i > 0 && ctx.is(i - 1, "từ") {
        first = i - 1;
    }
    Some(reading(first, second.end, q, Rank::Measure))
}

/// Whether the day-month shape at `i` reads as a fraction by its
/// neighbours: a numerator smaller than the denominator, after `chiếm` or
/// before `số`, `dân số` or a counted noun, and no date word before it.
fn is_fraction(ctx: &Ctx<'_>, i: usize) -> bool {
    // (The word before first, one test of its key: most day-month shapes
    // follow a date word, and their figures are then never parsed.)
    let date_word = i > 0
        && ctx
            .which(
                i - 1,
                word_keys![
                    "ngày", "hôm", "sáng", "trưa", "chiều", "tối", "đêm", "từ", "đến", "tới",
                ],
            )
            .is_some();
    if date_word {
        return false;
    }
    let Some(g) = Groups::parse(ctx.text_of(i)) else {
        return false;
    };
    if g.val(0) == 0 || g.val(0) >= g.val(1) {
        return false;
    }
    (i > 0 && ctx.is(i - 1, "chiếm"))
        || ctx.is(i + 1, "số")
        || (ctx.is(i + 1, "dân") && ctx.is(i + 2, "số"))
        || noun(ctx, i + 1).is_some()
}

/// The length in tokens of a currency at `j`.
fn currency(ctx: &Ctx<'_>, j: usize) -> Option<usize> {
    if ctx.is(j, "đô") && ctx.is(j + 1, "la") {
        return Some(2);
    }
    if ctx.is(j, "nhân") && ctx.is(j + 1, "dân") && ctx.is(j + 2, "tệ") {
        return Some(3);
    }
    ctx.which(j, word_keys!(CURRENCIES)).map(|_| 1)
}

/// The keys of the two syllables of `noun` (`đảng viên`), split at its
/// space, at compile time.
const fn two_keys(noun: &str) -> (u128, u128) {
    let bytes = noun.as_bytes();
    let mut space = 0;
    while space < bytes.len() && bytes[space] != b' ' {
        space += 1;
    }
    let (a, b) = bytes.split_at(space);
    let Some((_, b)) = b.split_first() else {
        panic!("a count noun of two syllables");
    };
    match (std::str::from_utf8(a), std::str::from_utf8(b)) {
        (Ok(a), Ok(b)) => (
            crate::extract::context::key(a),
            crate::extract::context::key(b),
        ),
        _ => panic!("a count noun in UTF-8"),
    }
}

/// Whether what a number measures stands at token `j`: a multiplier
/// (`triệu`), a currency (`đồng`, `USD`) or a count noun or unit
/// ([`counted`]).
pub(crate) fn measures(ctx: &Ctx<'_>, j: usize) -> bool {
    ctx.which(j, &MULTIPLIERS_KEYS).is_some() || currency(ctx, j).is_some() || counted(ctx, j)
}

/// Whether a count noun or unit stands at token `j` (`3 điểm`, `5 năm`),
/// on the line of the token before it (see [`noun`]); not `năm ngoái`
/// ([`last_year`]).
pub(crate) fn counted(ctx: &Ctx<'_>, j: usize) -> bool {
    noun(ctx, j).is_some() && !last_year(ctx, j) && !first_time(ctx, j)
}

/// The length in tokens of the noun a number counts at `j`: a known
/// two-syllable noun (`đảng viên`), or a known one-syllable noun or unit
/// (`người`, `chiếc`, `tấn`), on the line of the token before it. Any
/// other word after a number is left out: guessing takes the first half of
/// a compound (`1/4 liên quan`).
fn noun(ctx: &Ctx<'_>, j: usize) -> Option<usize> {
    // On the number's line (a table's cell is one): `12\tXã Phú Cường`
    // counts nothing.
    if !ctx.kind(j)?.is_wordlike() || j == 0 || !ctx.same_line(j - 1, j) {
        return None;
    }
    let first = ctx.key(j)?;
    if !passes(&NOUN_FILTER, first) {
        return None;
    }
    // (The nouns that start with this syllable, from its run of slots.)
    let mut s = noun_slot(first);
    let run = core::iter::from_fn(|| {
        let entry = NOUN_SLOTS
            .get(s)
            .and_then(|&k| NOUN_ENTRIES.get(usize::from(k).checked_sub(1)?));
        s = (s + 1) % NOUN_SLOT_COUNT;
        entry
    });
    let found = noun_among(ctx, j, first, run);
    // Test builds look through all the nouns too, and fail if the slots
    // told otherwise.
    debug_assert_eq!(found, noun_among(ctx, j, first, NOUN_ENTRIES.iter()));
    found
}

/// The length of the noun at `j`, whose first syllable's key is `first`,
/// among `nouns` (entries of [`NOUN_ENTRIES`]): a noun of two syllables
/// before one of one.
fn noun_among<'a>(
    ctx: &Ctx<'_>,
    j: usize,
    first: u128,
    nouns: impl Iterator<Item = &'a (u128, u128)>,
) -> Option<usize> {
    let mut one = false;
    for &(a, b) in nouns {
        if a != first {
            continue;
        }
        if b == 0 {
            one = true;
        } else if ctx.which(j + 1, &[b]).is_some() && ctx.same_line(j, j + 1) {
            return Some(2);
        }
    }
    one.then_some(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sorted keys are the lists' words, in order, and the count nouns
    /// are in order of their first syllable.
    #[test]
    fn sorted_lists() {
        for (sorted, words) in [
            (&ONE_SYLLABLE_KEYS[..], &ONE_SYLLABLE_NOUNS[..]),
            (&INDEX_KEYS[..], &INDEX_NOUNS[..]),
        ] {
            assert!(sorted.windows(2).all(|w| w[0] <= w[1]));
            assert_eq!(sorted.len(), words.len());
            for &w in words {
                let key = crate::extract::context::key(w);
                assert!(sorted.binary_search(&key).is_ok(), "{w}");
            }
        }
        assert!(COUNT_NOUN_KEYS.windows(2).all(|w| w[0].0 <= w[1].0));
        // The filters let every word of their lists through.
        assert!(INDEX_KEYS.iter().all(|&k| passes(&INDEX_FILTER, k)));
        assert!(ONE_SYLLABLE_KEYS.iter().all(|&k| passes(&NOUN_FILTER, k)));
        assert!(
            COUNT_NOUN_KEYS
                .iter()
                .all(|&(k, _)| passes(&NOUN_FILTER, k))
        );
        for noun in COUNT_NOUNS {
            assert!(COUNT_NOUN_KEYS.contains(&two_keys(noun)), "{noun}");
        }
        // Every noun is in the run of slots from its home.
        for (k, &(first, second)) in NOUN_ENTRIES.iter().enumerate() {
            let mut s = noun_slot(first);
            while NOUN_SLOTS[s] != 0 && usize::from(NOUN_SLOTS[s]) != k + 1 {
                s = (s + 1) % NOUN_SLOT_COUNT;
            }
            assert_eq!(usize::from(NOUN_SLOTS[s]), k + 1, "{first:x} {second:x}");
        }
    }

    #[test]
    fn numbers() {
        let read = |text: &str| parse_number(text).map(|v| v.to_string());
        assert_eq!(read("10.100").as_deref(), Some("10100"));
        assert_eq!(read("19.176").as_deref(), Some("19176"));
        assert_eq!(read("98,4").as_deref(), Some("98.4"));
        assert_eq!(read("1.234.567,89").as_deref(), Some("1234567.89"));
        assert_eq!(read("18.5.2021"), None);
        assert_eq!(read("2,5").as_deref(), Some("2.5"));
        assert_eq!(read("2.75").as_deref(), Some("2.75"));
        assert_eq!(read("100,000,000").as_deref(), Some("100000000"));
        assert_eq!(read("98,4%").as_deref(), Some("98.4"));
        assert_eq!(read("71/72"), None);
        assert_eq!(read("2024").as_deref(), Some("2024"));
        // 38 digits fit; past that there is no exact value.
        assert!(read(&"9".repeat(38)).is_some());
        assert_eq!(read(&"9".repeat(40)), None);
        // 40 decimal places is no exact value either, however small.
        assert_eq!(read(&format!("0,{}1", "0".repeat(39))), None);
    }
}
