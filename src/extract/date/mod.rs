//! Dates, times, date-times and ranges: the recognizer. What it reads is
//! described on [`DateValue`].

mod bare;
mod lists;
mod lunar;
mod lunar_phrases;
mod phrases;
mod value;
mod words;

use core::ops::ControlFlow;

use super::context::{Ctx, Groups, roman};
use super::resolve::{Candidate, Rank};
use super::{Entity, EntityKind};
use crate::extract::context::{KeyFilter, filter_of, key, passes, word_keys};
use crate::tokenize::{Casing, NumberShape, Separator, TimeStyle, TokenKind};

use bare::{bare_day_month, named_year};
use lunar_phrases::{cyclic, cyclic_month, cyclic_year_after, full_moon, lunar_marks, new_year};
pub(crate) use lunar_phrases::{has_lunar_month, months_named_lunar};
use phrases::*;
use value::days_in_month;
pub use value::{
    Anchor, DateRange, DateTime, DateValue, Granularity, Moment, PartOfDay, Relative, SolarDate,
    TimeOfDay, Weekday,
};
use value::{Fields, FieldsRange};
use words::*;

/// A parsed date expression: its value and where it ends.
#[derive(Clone, Copy)]
struct Parsed {
    value: Value,
    /// One past the last token.
    end: usize,
    /// Whether a date word or a date-only shape backs the reading.
    strong: bool,
}

#[derive(Clone, Copy)]
enum Value {
    Point(Fields),
    Range(FieldsRange),
}

/// The date recognizer's place in a text, stepped over its notable
/// tokens in order ([`Ctx::notable`]).
#[derive(Default)]
pub(crate) struct Finder {
    /// The first token a new expression may start at.
    free_from: usize,
}

impl Finder {
    pub(crate) fn step<'h>(&mut self, ctx: &Ctx<'h>, i: usize, out: &mut Vec<Candidate<'h>>) {
        if i < self.free_from {
            return;
        }
        // (A date glued to its word, `ngày13/11`, is a word: the kind in the
        // record refuses most tokens without a call.)
        if matches!(ctx.kind(i), Some(TokenKind::Word(_))) {
            if let Some(parsed) = lists::glued(ctx, i) {
                out.push(candidate(ctx, i, parsed));
                self.free_from = parsed.end;
                return;
            }
        }
        if !ctx.may_start_date(i) {
            return;
        }
        if !may_open(ctx, i) {
            // Test builds read on all the same, and fail if a date was
            // refused.
            debug_assert!(
                read_at(ctx, i, &mut Vec::new()).is_none(),
                "the quick check refused a date"
            );
            return;
        }
        if let Some(free_from) = read_at(ctx, i, out) {
            self.free_from = free_from;
        }
    }
}

/// Whether a date may start at token `i`, a number or a marked word: a
/// cheap test, true of every token a date starts at, that refuses without
/// reading on most of the marked words that start none, from one lookup of
/// the word's key:
/// - a weekday word (`thứ`, `chủ`, `chúa`) starts only a weekday;
/// - a numeral (`một`, `hai` …, but `năm`, which names the year too) only
///   an hour in words (`ba giờ`, `mười hai giờ`): [`point`] reads nothing
///   else at them;
/// - `từ` only before what may start a date (a number, a marked word) or
///   `đầu` (`từ đầu năm đến nay`);
/// - a part of the day only before the same, a bracket (`sáng (10/5)`) or
///   `nay`, `mai`, `qua` (`sáng nay`), and never before a comma;
/// - a unit word (`ngày`, `năm`, `tháng` …) never before a stop, a comma,
///   a semicolon or a colon.
///
/// A plain number, read at its own token (no date word before it),
/// starts a date only as a year (four digits: `Luật Đất đai 2013`, `2019 -
/// 2023`) or before `tháng`, `giờ` or `Tết` (`18 tháng 5`, `14 giờ`,
/// `mùng 3 Tết`); a percentage, a ratio other than a season's (`2024/25`)
/// or a compound never: most numbers, counts and amounts, are refused so.
fn may_open(ctx: &Ctx<'_>, i: usize) -> bool {
    match ctx.shape(i) {
        Some(NumberShape::Number(_)) => {
            // (The inlined token, not a call for its text.)
            return ctx.tok(i).is_some_and(|t| t.text().len() == 4)
                || ctx
                    .which(i + 1, word_keys!["tháng", "giờ", "tết"])
                    .is_some();
        }
        Some(NumberShape::Percent(_) | NumberShape::Compound) => return false,
        Some(NumberShape::Ratio(sep)) => return sep == Separator::Slash,
        Some(_) => return true,
        None => {}
    }
    // (A marked word is a word: its key alone names it.)
    let Some(word) = ctx.key(i) else {
        return true;
    };
    let class = Opener::of(word);
    let opens_after = |j: usize| {
        ctx.may_start_date(j) || (class == Opener::From && ctx.is(j, "đầu")) || ctx.is_char(j, '(')
    };
    match class {
        Opener::From => opens_after(i + 1),
        Opener::Weekday => weekday(ctx, i).is_some(),
        Opener::Numeral => hour_word(ctx, i).is_some_and(|(_, len)| ctx.is(i + len, "giờ")),
        Opener::PartOfDay => match part_of_day_len(ctx, i) {
            Some((_, len)) => {
                let j = i + len;
                !ctx.is_char(j, ',')
                    && (opens_after(j) || ctx.which(j, word_keys!["nay", "mai", "qua"]).is_some())
            }
            None => true,
        },
        // `ngày.`, `năm,`: a unit word before a stop or a comma is a noun
        // of its sentence, no date; nor is one before a word in lower case
        // that no reader takes after it (`ngày càng`, `năm học`, `tháng
        // lương`), most of those that start none.
        Opener::Unit => {
            ![',', '.', ';', ':']
                .into_iter()
                .any(|c| ctx.is_char(i + 1, c))
                && (ctx.may_start_date(i + 1) || !plain_word(ctx, i + 1) || {
                    ctx.key(i + 1)
                        .is_some_and(|next| passes(&UNIT_FOLLOWERS, next))
                })
        }
        Opener::Today | Opener::Other => true,
    }
}

/// Whether token `j` is a word in lower case of one syllable: after a
/// unit word, such a word starts no date unless it may start one itself
/// or is of [`UNIT_FOLLOWERS`]. (Numbers, capitals, brackets and the rest
/// are left to the readers.)
fn plain_word(ctx: &Ctx<'_>, j: usize) -> bool {
    ctx.kind(j) == Some(TokenKind::Syllable(Casing::Lower))
}

/// The filter of the words in lower case, but those that may start a
/// date ([`Ctx::may_start_date`]), that the readers take right after a
/// unit word (`ngày`, `hôm`, `bữa`, `năm`, `tháng`, `tuần`, `quý`):
/// - the relative days and periods [`relative_word`] reads (`ngày mai`,
///   `hôm kia`, `năm ngoái`, `tuần vừa qua`, `quý hiện tại` …);
/// - the heavenly stems of a day or year by stem and branch (`ngày đinh
///   sửu`, `năm giáp thìn`; `quý` is one);
/// - the months in words after `tháng` ([`month_word`]: `giêng`, `tư`,
///   `chạp`, the numerals marked already);
/// - `giờ` after `năm` read as an hour (`năm giờ`).
///
/// A filter lets a few other words through too: those are read on, as
/// before. (Test builds read on at every word it refuses, and fail if a
/// date was found: see [`Finder::step`].)
const UNIT_FOLLOWERS: KeyFilter = {
    let relative = word_keys![
        "hôm", "mai", "kia", "mốt", "nay", "qua", "vừa", "hiện", "này", "ngoái", "trước", "sau",
        "tới",
    ];
    let months = word_keys!["giêng", "tư", "chạp", "giờ"];
    let stems = word_keys!(lunar::STEMS);
    let (a, b, c) = (filter_of(relative), filter_of(months), filter_of(stems));
    [
        a[0] | b[0] | c[0],
        a[1] | b[1] | c[1],
        a[2] | b[2] | c[2],
        a[3] | b[3] | c[3],
    ]
};

/// The words [`may_open`] tells apart, each by what must follow it for a
/// date to start there.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Opener {
    /// `từ`.
    From,
    /// `thứ`, `chủ`, `chúa`.
    Weekday,
    /// A numeral that may name an hour (`một` … `mười`, but `năm`).
    Numeral,
    /// A word of a part of the day (`sáng`, `rạng` …).
    PartOfDay,
    /// A word that opens a relative date (`hôm`, `bữa`, `ngày`) or
    /// names its unit (`năm`, `tháng`, `tuần`, `quý`).
    Unit,
    /// `nay`, `mai`, `qua`: a relative day after a part of the day.
    Today,
    /// Any other word.
    Other,
}

/// The words of each [`Opener`] but the last.
const OPENERS: [(&str, Opener); 30] = [
    ("từ", Opener::From),
    ("thứ", Opener::Weekday),
    ("chủ", Opener::Weekday),
    ("chúa", Opener::Weekday),
    ("một", Opener::Numeral),
    ("hai", Opener::Numeral),
    ("ba", Opener::Numeral),
    ("bốn", Opener::Numeral),
    ("sáu", Opener::Numeral),
    ("bảy", Opener::Numeral),
    ("tám", Opener::Numeral),
    ("chín", Opener::Numeral),
    ("mười", Opener::Numeral),
    ("rạng", Opener::PartOfDay),
    ("sáng", Opener::PartOfDay),
    ("trưa", Opener::PartOfDay),
    ("chiều", Opener::PartOfDay),
    ("tối", Opener::PartOfDay),
    ("đêm", Opener::PartOfDay),
    ("khuya", Opener::PartOfDay),
    ("ngày", Opener::Unit),
    ("hôm", Opener::Unit),
    ("bữa", Opener::Unit),
    ("năm", Opener::Unit),
    ("tháng", Opener::Unit),
    ("tuần", Opener::Unit),
    ("quý", Opener::Unit),
    ("nay", Opener::Today),
    ("mai", Opener::Today),
    ("qua", Opener::Today),
];

/// The slots of [`OPENERS`] by [`Opener::slot`], built at compile time: a
/// word's class is then one load and one comparison, where a `match` on
/// thirty keys compiles to a tree of 128-bit comparisons whose branches
/// the processor mispredicts on most words. (Two words in one slot fail
/// the build.)
const OPENER_SLOTS: [(u128, Opener); 64] = {
    let mut slots = [(0u128, Opener::Other); 64];
    let mut k = 0;
    while k < OPENERS.len() {
        let word = key(OPENERS[k].0);
        let slot = Opener::slot(word);
        assert!(slots[slot].0 == 0, "two opening words share a slot");
        slots[slot] = (word, OPENERS[k].1);
        k += 1;
    }
    slots
};

impl Opener {
    /// The slot of a word's key in [`OPENER_SLOTS`]: a multiplicative hash
    /// whose multiplier was chosen to give each listed word its own slot.
    const fn slot(word: u128) -> usize {
        let folded = (word as u64) ^ ((word >> 64) as u64);
        (folded.wrapping_mul(0xd1d1_4ed0_ea2e_c18d) >> 58) as usize
    }

    /// The class of the word at token `i` (a token of no key is no word).
    #[inline]
    fn at(ctx: &Ctx<'_>, i: usize) -> Opener {
        ctx.key(i).map_or(Opener::Other, Opener::of)
    }

    /// The class of the word of key `word`.
    #[inline]
    fn of(word: u128) -> Opener {
        match OPENER_SLOTS.get(Opener::slot(word)) {
            Some(&(listed, class)) if listed == word => class,
            _ => Opener::Other,
        }
    }
}

/// The dates that start at token `i` (with `từ` before a span or a
/// range), pushed to `out`: the first token a next date may start at, or
/// `None` when there is none.
fn read_at<'h>(ctx: &Ctx<'h>, i: usize, out: &mut Vec<Candidate<'h>>) -> Option<usize> {
    // (`từ` opens the span it stands before: `từ ngày 14 đến hết ngày
    // 22/2`.)
    let from_word = usize::from(ctx.is(i, "từ"));
    // Spans and lists of days open with a day word (at `i`, or after `từ`
    // for a span): one test of its key spares the readers the other
    // tokens, most of them. (Test builds read on all the same, and fail if
    // a list was refused.)
    let day_word = ctx
        .which(i + from_word, word_keys!["ngày", "đêm", "mùng", "mồng"])
        .is_some();
    debug_assert!(
        day_word
            || (lists::day_span(ctx, i + from_word).is_none()
                && lists::day_list(ctx, i).is_none()
                && lists::new_year_days(ctx, i).is_none()),
        "the day word test refused a list of days"
    );
    if day_word {
        if let Some(range) = lists::day_span(ctx, i + from_word) {
            out.push(candidate(ctx, i, range));
            return Some(range.end);
        }
        if let Some(days) = lists::day_list(ctx, i).or_else(|| lists::new_year_days(ctx, i)) {
            for &(first, end, v) in &days {
                let parsed = Parsed {
                    value: Value::Point(v),
                    end,
                    strong: true,
                };
                out.push(candidate(ctx, first, parsed));
            }
            return Some(days.last().map_or(i + 1, |&(_, end, _)| end));
        }
    }
    let (first, parsed) = expression(ctx, i)?;
    out.push(candidate(ctx, first, parsed));
    Some(parsed.end.max(i + 1))
}

fn candidate<'h>(ctx: &Ctx<'h>, first: usize, parsed: Parsed) -> Candidate<'h> {
    let span = ctx.span(first, parsed.end.saturating_sub(1));
    let kind = match parsed.value {
        Value::Range(r) => EntityKind::DateRange(r.range()),
        Value::Point(v) => match v.moment() {
            Moment::Date(d) => EntityKind::Date(d),
            Moment::Time(t) => EntityKind::Time(t),
            Moment::DateTime(dt) => EntityKind::DateTime(dt),
        },
    };
    Candidate {
        entity: Entity {
            within: None,
            text: ctx.text.get(span.start..span.end).unwrap_or_default(),
            span,
            kind,
        },
        first,
        end: parsed.end,
        rank: if parsed.strong {
            Rank::Date
        } else {
            Rank::WeakDate
        },
    }
}

/// A date expression starting at token `i`, with `từ … đến …` ranges: the
/// first token of the entity and the parse.
fn expression(ctx: &Ctx<'_>, i: usize) -> Option<(usize, Parsed)> {
    if let Some(parsed) = to_date(ctx, i) {
        return Some((i, parsed));
    }
    let from_word = ctx.is(i, "từ");
    let start = if from_word { i + 1 } else { i };
    let mut first = point(ctx, start, from_word)?;
    // A time right after a date on the same line: `11/01/2024 14:40`,
    // `Thứ sáu, 6/8/2021, 01:08`.
    if let Value::Point(mut v) = first.value {
        if v.has_date() && !v.has_time() && v.day.is_some() {
            let mut j = first.end;
            if ctx.is_char(j, ',') || ctx.is_dash(j) {
                j += 1;
            }
            if ctx.is(j, "lúc") {
                j += 1;
            }
            if ctx.same_line(first.end.saturating_sub(1), j) {
                if let Some(t) = time_token(ctx, j, true) {
                    v.hour = t.hour;
                    v.minute = t.minute;
                    v.second = t.second;
                    v.finish();
                    first.value = Value::Point(v);
                    first.end = j + 1;
                }
            }
        }
    }
    lunar_marks(ctx, start, &mut first);
    if let Some(range) = continuation(ctx, &first, from_word) {
        return Some((i, range));
    }
    // A time zone after a time or a date: `01:08 (GMT+7)`,
    // `Thứ sáu, 6/8/2021 (GMT+7)`.
    if let Value::Point(mut v) = first.value {
        if v.has_time() || v.day.is_some() {
            if let Some((offset, end)) = utc_offset(ctx, first.end) {
                v.utc_offset_minutes = Some(offset);
                first.value = Value::Point(v);
                first.end = end;
            }
        }
    }
    if from_word && !first.strong && ctx.shape(start).is_some() && ctx.integer(start, 2).is_some() {
        return None;
    }
    // `từ 6.5 điểm`, `từ 6.5 triệu đồng`: a decimal that counts something,
    // not a day and month, after the `từ` of a range of numbers.
    let dotted = matches!(
        ctx.shape(start),
        Some(NumberShape::DayMonth(Separator::Dot))
    );
    // (The words after it are read last, when all else holds.)
    if from_word
        && !first.strong
        && dotted
        && first.end == start + 1
        && crate::extract::quantity::measures(ctx, first.end)
    {
        return None;
    }
    // A range written as one token keeps its `từ`: `từ 14-16/10/2025`.
    if from_word && matches!(first.value, Value::Range(_)) {
        return Some((i, first));
    }
    // `trong 3 ngày 10-12/5`: `ngày` counts with the number before it.
    let counted = start >= 2
        && ctx.integer(start - 1, 2).is_some()
        && ctx.same_line(start - 1, start)
        && ctx.kind(start - 2).is_some_and(TokenKind::is_wordlike)
        && !ctx.is(start - 2, "số")
        // `Hội nghị lần 2 ngày 10/5`, `Kỳ họp thứ 8 ngày …`: an ordinal.
        && !ctx.takes_ordinal(start - 2)
        && !ctx.is(start - 2, "thứ");
    if ctx.is(start, "ngày") && counted && first.end > start + 1 {
        return Some((start + 1, first));
    }
    Some((start, first))
}

/// `Từ đầu năm đến nay` at `i` (and `từ đầu tháng`, `tuần`, `quý`; `năm
/// nay`, `tháng này` …; `đến nay`, `tới nay`): from this year (month,
/// week, quarter) to today, both counted from the reference date. (The
/// value says which year, not that the range opens at its start.)
fn to_date(ctx: &Ctx<'_>, i: usize) -> Option<Parsed> {
    if !ctx.is(i, "từ") || !ctx.is(i + 1, "đầu") {
        return None;
    }
    let unit = match ctx.which(i + 2, word_keys!["năm", "tháng", "tuần", "quý"])? {
        0 => Granularity::Year,
        1 => Granularity::Month,
        2 => Granularity::Week,
        _ => Granularity::Quarter,
    };
    let mut k = i + 3;
    if ctx.which(k, word_keys!["nay", "này"]).is_some() {
        k += 1;
    }
    if ctx.which(k, word_keys!["đến", "tới"]).is_none()
        || !ctx.is(k + 1, "nay")
        || !ctx.same_line(i, k + 1)
    {
        return None;
    }
    let relative = |unit: Granularity| Fields {
        relative: Some(Relative {
            unit,
            offset: 0,
            anchor: Anchor::Reference,
        }),
        granularity: Some(unit),
        ..Fields::default()
    };
    let (mut from, mut to) = (relative(unit), relative(Granularity::Day));
    from.finish();
    to.finish();
    Some(Parsed {
        value: Value::Range(FieldsRange { from, to }),
        end: k + 2,
        strong: true,
    })
}

/// A relative date at `j`: `hôm nay`, `(ngày) hôm qua`, `hôm kia`, `ngày
/// mai`, `ngày kia`; after a part of day, `nay`, `mai`, `qua` (`sáng nay`,
/// `tối qua`); `năm nay`, `năm ngoái`, `năm trước`, `năm sau`, `tháng này`,
/// `tháng trước`, `tháng tới`. The relative offset and the end.
///
/// `năm trước` after a number or a plural word is a duration or a plural
/// (`5 năm trước`, `hai năm nay`, `các năm trước`), and `năm sau đó` is
/// "the year after that": neither is taken.
fn relative_word(ctx: &Ctx<'_>, j: usize, after_part_of_day: bool) -> Option<(Relative, usize)> {
    let day = |offset: i32, end: usize| {
        Some((
            Relative {
                unit: Granularity::Day,
                offset,
                anchor: Anchor::Reference,
            },
            end,
        ))
    };
    // `hôm nay`, `bữa qua` (`hôm` at `k`).
    let day_of = |k: usize| match ctx.which(k + 1, word_keys!["nay", "qua", "kia"]) {
        Some(0) => day(0, k + 2),
        Some(1) => day(-1, k + 2),
        Some(2) => day(-2, k + 2),
        _ => None,
    };
    // (One lookup of the word's key: most tokens are none of these.)
    let word = ctx.key(j)?;
    if after_part_of_day {
        match word {
            NAY => return day(0, j + 1),
            MAI => return day(1, j + 1),
            QUA => return day(-1, j + 1),
            _ => {}
        }
    }
    let unit = match word {
        NGAY if ctx.is(j + 1, "hôm") => return day_of(j + 1),
        NGAY => {
            return match ctx.which(j + 1, word_keys!["mai", "kia", "mốt"]) {
                Some(0) => day(1, j + 2),
                Some(_) => day(2, j + 2),
                None => None,
            };
        }
        HOM | BUA => return day_of(j),
        NAM => Granularity::Year,
        THANG => Granularity::Month,
        TUAN => Granularity::Week,
        // `Quý` with a capital inside a sentence is a name: `anh Quý tới`.
        QUY if ctx.capital(j) && j > 0 && ctx.same_line(j - 1, j) => return None,
        QUY => Granularity::Quarter,
        _ => return None,
    };
    debug_assert!(ctx.kind(j).is_some_and(TokenKind::is_wordlike));
    // Two words: `tuần vừa qua`, `quý hiện tại`. (`năm tiếp theo` and
    // `tháng kế tiếp` follow a time named before more often than today,
    // and `năm vừa qua` is as often the year now ending as the last: they
    // are left unread.)
    let pair = |a: &str, b: &str| ctx.is(j + 1, a) && ctx.is(j + 2, b);
    let (offset, end) = if pair("vừa", "qua") && unit == Granularity::Week {
        (-1, j + 3)
    } else if pair("hiện", "tại") {
        (0, j + 3)
    } else {
        let offset = match ctx.which(
            j + 1,
            word_keys!["nay", "này", "ngoái", "trước", "sau", "tới", "qua"],
        )? {
            0 | 1 => 0,
            2 if unit == Granularity::Year => -1,
            3 => -1,
            // `tới` is "until" before a time: `từ đầu năm tới nay`, `đầu
            // quý tới cuối tháng`.
            5 if ctx
                .which(
                    j + 2,
                    word_keys![
                        "nay", "cuối", "đầu", "giữa", "hết", "khi", "lúc", "ngày", "tháng", "năm",
                        "tuần", "quý", "đây", "hôm",
                    ],
                )
                .is_some() =>
            {
                return None;
            }
            // `sau` is "after" before a day or an event: `đông nhất
            // trong năm sau Tết Nguyên đán`, `tuần sau lễ khai giảng`.
            4 if ctx
                .which(j + 2, word_keys!["tết", "lễ", "khi", "ngày", "kỳ", "đợt"])
                .is_some()
                && ctx.same_line(j + 1, j + 2) =>
            {
                return None;
            }
            4 | 5 => 1,
            // `tuần qua`: the week just past.
            6 if unit == Granularity::Week => -1,
            _ => return None,
        };
        (offset, j + 2)
    };
    let plural_or_duration = j > 0
        && (ctx.shape(j - 1).is_some_and(|shape| {
            // A date before is no count: `Quốc khánh 2/9 năm nay`; `5-7
            // năm` is a range of counts.
            !matches!(
                shape,
                NumberShape::DayMonth(Separator::Dot | Separator::Slash)
                    | NumberShape::DayMonthYear(_)
                    | NumberShape::MonthYear(_)
                    | NumberShape::YearMonthDay(_)
            )
        }) || ctx
            .which(
                j - 1,
                word_keys![
                    "các", "những", "nhiều", "mấy", "vài", "mỗi", "hằng", "hàng", "một", "hai",
                    "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười",
                ],
            )
            .is_some());
    // `thứ sáu tuần này`: the number names a weekday, not a count; in
    // `tuần 38 năm ngoái`, `quý 3 năm ngoái`, `tháng 9 năm nay` a week, a
    // quarter or a month.
    let weekday_before = j >= 2
        && (weekday(ctx, j - 2).is_some_and(|(_, end)| end == j)
            || (ctx
                .which(j - 2, word_keys!["tuần", "quý", "tháng"])
                .is_some()
                && ctx.integer(j - 1, 2).is_some()));
    let that = ctx.is(end, "đó") || ctx.is(end, "ấy");
    if (plural_or_duration && !weekday_before) || that {
        return None;
    }
    Some((
        Relative {
            unit,
            offset,
            anchor: Anchor::Reference,
        },
        end,
    ))
}

// The keys of the words [`relative_word`] reads first.
const NAY: u128 = key("nay");
const MAI: u128 = key("mai");
const QUA: u128 = key("qua");
const NGAY: u128 = key("ngày");
const HOM: u128 = key("hôm");
const BUA: u128 = key("bữa");
const NAM: u128 = key("năm");
const THANG: u128 = key("tháng");
const TUAN: u128 = key("tuần");
const QUY: u128 = key("quý");

/// `(GMT+7)`, `GMT+7`, `(UTC-5)` at `j`: the offset in minutes and the end.
fn utc_offset(ctx: &Ctx<'_>, mut j: usize) -> Option<(i16, usize)> {
    let open = ctx.is_char(j, '(');
    if open {
        j += 1;
    }
    if !(ctx.is(j, "gmt") || ctx.is(j, "utc")) {
        return None;
    }
    let sign: i16 = if ctx.is_char(j + 1, '+') {
        1
    } else if ctx.is_dash(j + 1) {
        -1
    } else {
        return None;
    };
    let hours = i16::try_from(ctx.integer(j + 2, 2)?)
        .ok()
        .filter(|h| *h <= 14)?;
    let mut end = j + 3;
    if open {
        if !ctx.is_char(end, ')') {
            return None;
        }
        end += 1;
    }
    Some((sign * hours * 60, end))
}

/// `… đến (hết) (ngày) …`, `… - …`: the second end of a range.
fn continuation(ctx: &Ctx<'_>, first: &Parsed, from_word: bool) -> Option<Parsed> {
    let Value::Point(a) = first.value else {
        return None;
    };
    let mut j = first.end;
    let dash = ctx.is_dash(j);
    if !(dash || ctx.is(j, "đến") || ctx.is(j, "tới")) {
        return None;
    }
    j += 1;
    if ctx.is(j, "hết") {
        j += 1;
    }
    // `năm 2023 - 2024`: a year, then a bare later year.
    let bare_year = ctx.integer(j, 4).and_then(|y| i32::try_from(y).ok());
    let year_only = a.year.is_some() && a.month.is_none() && a.day.is_none();
    if let (true, Some(y), Some(first_year)) = (year_only, bare_year, a.year) {
        if y > first_year && y <= first_year + 100 {
            let mut b = Fields {
                year: Some(y),
                ..Fields::default()
            };
            b.finish();
            return Some(Parsed {
                value: Value::Range(FieldsRange { from: a, to: b }),
                end: j + 1,
                strong: true,
            });
        }
    }
    let mut second = point(ctx, j, true)?;
    lunar_marks(ctx, j, &mut second);
    let Value::Point(mut b) = second.value else {
        return None;
    };
    // `từ 19h đến 21h tối thứ Năm (14/5)`: a range of hours, then the day
    // it falls on, as its own date (as `sáng thứ Bảy (17/10) từ 8h đến
    // 11h30` is a date and a range): the range ends where the day starts.
    let dated = |p: &Fields| p.has_date() || p.weekday.is_some();
    // (So does one joined by a dash: `23h-1h đêm 14/9`.)
    let hours_then_day =
        (from_word || dash) && a.has_time() && !dated(&a) && b.has_time() && dated(&b);
    if hours_then_day {
        let day_from = (j + 1..second.end).find(|&k| {
            point(ctx, k, true).is_some_and(|d| {
                d.end == second.end
                    && matches!(d.value, Value::Point(p) if dated(&p) && !p.has_time())
            })
        });
        if let Some(k) = day_from {
            let mut time = Fields {
                hour: b.hour,
                minute: b.minute,
                second: b.second,
                ..Fields::default()
            };
            time.finish();
            b = time;
            second.end = k;
        }
    }
    // Ends of a range by dash share their precision (`5-10` is no range
    // of a day and a month), but clock times may differ (`16h30-19h`).
    let times = !a.has_date() && !b.has_date() && a.has_time() && b.has_time();
    // So do ends joined by `đến` with no `từ` before the first: `nộp tờ
    // khai quý IV/2026 đến hết thứ Hai (1/2)` is a quarter's return due
    // by a day, no range.
    if (dash || !from_word) && a.granularity != b.granularity && !times {
        return None;
    }
    if !a.has_date() && !b.has_date() && !from_word && !dash {
        return None;
    }
    let mut range = FieldsRange { from: a, to: b };
    // The text gives the calendar (`từ 11 đến 15/3 âm lịch`), the year or
    // the month once for both ends.
    if range.to.lunar && range.from.has_date() {
        range.from.lunar = true;
    }
    if range.from.year.is_none() && range.from.month.is_some() {
        range.from.year = range.to.year;
    }
    range.from.finish();
    Some(Parsed {
        value: Value::Range(range),
        end: second.end,
        strong: first.strong || second.strong || from_word,
    })
}

/// A weekday at `j` and where what it qualifies starts: after a comma or a
/// dash (`Thứ sáu, 6/8/2021`), and after `của` before a week (`thứ tư của
/// tuần tới`).
fn weekday_then(ctx: &Ctx<'_>, j: usize) -> Option<(Weekday, usize)> {
    let (w, mut next) = weekday(ctx, j)?;
    if ctx.is_char(next, ',') || ctx.is_dash(next) {
        next += 1;
    }
    if ctx.is(next, "của") && ctx.is(next + 1, "tuần") {
        next += 1;
    }
    Some((w, next))
}

/// The words that open a date at token `i`, read into `v`: a weekday, a
/// part of the day, a relative day (`hôm qua`, which makes the date), then
/// `ngày` or `mùng`, and a day in brackets after them. Either the date they
/// make (`None` when they refuse one), or the token its day or time starts
/// at, with whether a word asks for one there.
fn opening_words(
    ctx: &Ctx<'_>,
    i: usize,
    v: &mut Fields,
) -> ControlFlow<Option<Parsed>, (usize, bool)> {
    let mut j = i;
    let mut trigger = false;
    // Each reader below starts at a word of its own class: one lookup of
    // the class spares the others. (Test builds call them all the same,
    // and fail if one read a word of another class.)
    debug_assert!(
        Opener::at(ctx, j) == Opener::Weekday || weekday_then(ctx, j).is_none(),
        "a weekday read at a word of another class"
    );
    let weekday_at = |j: usize| {
        (Opener::at(ctx, j) == Opener::Weekday)
            .then(|| weekday_then(ctx, j))
            .flatten()
    };
    if let Some((w, next)) = weekday_at(j) {
        v.weekday = Some(w);
        j = next;
        trigger = true;
        // `thứ Hai tới (6/10)`, `Chủ nhật này (12/10)`: the day in brackets
        // says which one.
        let dated = ctx.is_char(j + 1, '(')
            && ctx.is_char(j + 3, ')')
            && date_token(ctx, j + 2, true).is_some();
        if dated && ctx.which(j, word_keys!["tới", "này"]).is_some() {
            j += 1;
        }
    }
    let class = Opener::at(ctx, j);
    debug_assert!(
        class == Opener::PartOfDay || part_of_day_len(ctx, j).is_none(),
        "a part of the day read at a word of another class"
    );
    let part = (class == Opener::PartOfDay)
        .then(|| part_of_day_len(ctx, j))
        .flatten();
    if let Some((pod, len)) = part {
        v.part_of_day = Some(pod);
        j += len;
        trigger = true;
        if ctx.is_char(j, ',') {
            return ControlFlow::Break(None);
        }
        // `tối thứ Bảy (14/6)`: the part of day before the weekday.
        if v.weekday.is_none() {
            debug_assert!(
                Opener::at(ctx, j) == Opener::Weekday || weekday_then(ctx, j).is_none(),
                "a weekday read at a word of another class"
            );
            if let Some((w, next)) = weekday_at(j) {
                v.weekday = Some(w);
                j = next;
            }
        }
    }
    let after_part = v.part_of_day.is_some();
    let class = Opener::at(ctx, j);
    let may_relate = class == Opener::Unit || (after_part && class == Opener::Today);
    debug_assert!(
        may_relate || relative_word(ctx, j, after_part).is_none(),
        "a relative date read at a word of another class"
    );
    let relative = may_relate
        .then(|| relative_word(ctx, j, after_part))
        .flatten();
    if let Some((relative, mut end)) = relative {
        v.relative = Some(relative);
        // The day it names, in brackets: `Sáng nay (3.9)`, `hôm qua
        // (12/10)`.
        // (And the day a weekday of a relative week names: `thứ Hai tuần
        // tới (8/12)`.)
        let day_named = relative.unit == Granularity::Day
            || (relative.unit == Granularity::Week && v.weekday.is_some());
        let bracketed = (day_named && ctx.is_char(end, '(') && ctx.is_char(end + 2, ')'))
            .then(|| date_token(ctx, end + 1, true))
            .flatten();
        if let Some(d) = bracketed {
            merge(v, &d);
            end += 3;
        }
        v.finish();
        return ControlFlow::Break(Some(Parsed {
            value: Value::Point(*v),
            end,
            strong: true,
        }));
    }
    if ctx.is(j, "ngày") || ctx.is(j, "hôm") {
        j += 1;
        trigger = true;
        if ctx.is(j, "mồng") || ctx.is(j, "mùng") {
            j += 1;
        }
    } else if ctx.is(j, "mồng") || ctx.is(j, "mùng") {
        j += 1;
        trigger = true;
    }
    // The date of a weekday or a part of day, in brackets: `tối thứ Bảy
    // (14/6)`.
    if trigger && ctx.is_char(j, '(') && ctx.is_char(j + 2, ')') {
        if let Some(d) = date_token(ctx, j + 1, true) {
            merge(v, &d);
            v.finish();
            return ControlFlow::Break(Some(Parsed {
                value: Value::Point(*v),
                end: j + 3,
                strong: true,
            }));
        }
    }
    ControlFlow::Continue((j, trigger))
}

/// One date or time (or a range written as one token) at token `i`.
/// `cue` says that a word before (`từ`, `đến`) invites a bare day-month.
fn point(ctx: &Ctx<'_>, i: usize, cue: bool) -> Option<Parsed> {
    let mut v = Fields::default();
    // A number is none of the words that open a date: they are read only
    // at a word. (Test builds read them at a number all the same, and fail
    // if one was found.)
    let (j, trigger) = if ctx.shape(i).is_some() {
        debug_assert!(
            matches!(
                opening_words(ctx, i, &mut Fields::default()),
                ControlFlow::Continue((j, false)) if j == i
            ),
            "a number opened a date word"
        );
        (i, false)
    } else {
        match opening_words(ctx, i, &mut v) {
            ControlFlow::Break(parsed) => return parsed,
            ControlFlow::Continue(next) => next,
        }
    };
    // `ngày Đinh Sửu tháng Bính Ngọ`: a day named by stem and branch.
    if ctx.is(j.wrapping_sub(1), "ngày") {
        if let Some(place) = cyclic(ctx, j) {
            v.cycle_day = Some(place);
            v.lunar = true;
            let mut end = j + 2;
            if ctx.is(end, "tháng") && ctx.same_line(end - 1, end) {
                if let Some(next) = cyclic_month(ctx, end + 1, &mut v) {
                    end = next;
                } else if let Some((m, len)) = ctx
                    .integer(end + 1, 2)
                    .and_then(month_of)
                    .map(|m| (m, 1))
                    .or_else(|| month_word(ctx, end + 1))
                {
                    v.month = Some(m);
                    end += 1 + len;
                }
            }
            end = cyclic_year_after(ctx, end, &mut v);
            v.finish();
            return Some(Parsed {
                value: Value::Point(v),
                end,
                strong: true,
            });
        }
    }
    // `mùng 3 Tết`: a day of the lunar New Year.
    if ctx.is(j.wrapping_sub(1), "mùng") || ctx.is(j.wrapping_sub(1), "mồng") {
        if let Some(day) = ctx
            .integer(j, 2)
            .and_then(day_of)
            .filter(|_| ctx.is(j + 1, "tết"))
        {
            v.day = Some(day);
            return new_year(ctx, j + 1, &mut v).or_else(|| {
                v.lunar = true;
                v.month = Some(1);
                v.finish();
                Some(Parsed {
                    value: Value::Point(v),
                    end: j + 2,
                    strong: true,
                })
            });
        }
    }
    // `chiều 29 Tết`, `ngày 30 Tết`: one of the last days of the lunar
    // year, said by its day before `Tết` (after a date word or a part of
    // the day: `đã trải qua 30 Tết` counts years).
    if trigger || v.part_of_day.is_some() {
        if let Some(day) = ctx
            .integer(j, 2)
            .and_then(day_of)
            .filter(|d| (23..=30).contains(d))
            .filter(|_| ctx.is(j + 1, "tết") && ctx.capital(j + 1) && ctx.same_line(j, j + 1))
        {
            v.day = Some(day);
            v.month = Some(12);
            v.lunar = true;
            v.finish();
            return Some(Parsed {
                value: Value::Point(v),
                end: j + 2,
                strong: true,
            });
        }
    }
    let Some(mut parsed) = core(ctx, j, trigger || cue, &mut v) else {
        return lone_weekday(ctx, i, j, &mut v);
    };
    parsed.strong |= trigger;
    if let Value::Point(p) = &mut parsed.value {
        p.finish();
        if !p.has_date() && !p.has_time() {
            return None;
        }
    }
    Some(parsed)
}

/// A weekday with no day or time after it, read at `i` up to `j` into
/// `v`, when it can be no ordinal: `Chủ nhật`, a weekday written with its
/// capital (`thứ Bảy`), or one after a part of the day (`sáng thứ 7`);
/// `lần thứ hai`, `phần thứ Ba` and `Thứ hai, …` (secondly) are none. Its
/// value holds the weekday alone.
fn lone_weekday(ctx: &Ctx<'_>, i: usize, j: usize, v: &mut Fields) -> Option<Parsed> {
    v.weekday?;
    let (at, end) = (i..j).find_map(|k| weekday(ctx, k).map(|(_, end)| (k, end)))?;
    let named = ctx.is(at, "chủ") || ctx.is(at, "chúa") || ctx.capital(at + 1);
    // (Not after a noun that takes an ordinal, nor in a heading's capitals:
    // `phần thứ Hai`, `PHẦN THỨ HAI` count parts.)
    let ordinal_noun = (at.saturating_sub(2)..at).any(|k| ctx.takes_ordinal(k));
    let shouted = ctx.kind(at) == Some(TokenKind::Syllable(Casing::Upper));
    if !(named || v.part_of_day.is_some()) || ordinal_noun || shouted || !ctx.same_line(at, end - 1)
    {
        return None;
    }
    v.finish();
    Some(Parsed {
        value: Value::Point(*v),
        end,
        strong: true,
    })
}

/// The calendar or clock part at `j`, filling `v` (which may hold a weekday
/// and a part of day already).
fn core(ctx: &Ctx<'_>, j: usize, trigger: bool, v: &mut Fields) -> Option<Parsed> {
    // A number is none of the words read here: its figures are read at
    // once.
    if let Some(shape) = ctx.shape(j) {
        return figures(ctx, j, shape, trigger, v);
    }
    let point = |v: Fields, end: usize, strong: bool| {
        Some(Parsed {
            value: Value::Point(v),
            end,
            strong,
        })
    };
    // Words first: `tháng …`, `năm …`, `quý …`.
    if ctx.is(j, "tháng") {
        // `đường Cách Mạng Tháng Tám`: a month with its capital inside a
        // name is the name's, no date.
        let in_name = j > 0
            && ctx.title_case(j)
            && ctx.title_case(j - 1)
            && ctx.same_line(j - 1, j)
            && ctx.integer(j + 1, 2).is_none();
        if in_name {
            return None;
        }
        // `tháng Bính Ngọ`: a month named by stem and branch.
        if let Some(end) = cyclic_month(ctx, j + 1, v) {
            let end = cyclic_year_after(ctx, end, v);
            return point(*v, end, true);
        }
        return month_phrase(ctx, j + 1, v);
    }
    // `rằm` alone only after a word of the night or the day (`đêm rằm`),
    // never a capital inside a sentence (`ông Trần Văn Rằm`).
    let moon_word = j > 0
        && ctx
            .which(j - 1, word_keys!["đêm", "ngày", "trăng", "tết"])
            .is_some();
    if ctx.is(j, "rằm") && (ctx.is(j + 1, "tháng") || (moon_word && !ctx.capital(j))) {
        return full_moon(ctx, j, v);
    }
    if ctx.is(j, "tết") {
        return new_year(ctx, j, v);
    }
    // `Giáng sinh`, `Noel` (and its year: `Noel 2024`; in `Giáng sinh năm
    // nay` the year is left to `năm nay`): December 25th. In lower case
    // after `Chúa` or `Ngài`, `giáng sinh` is the verb (`Chúa giáng sinh
    // tại Bê-lem`) unless a word that names a time or a feast comes first
    // (`lễ Chúa giáng sinh`, `mừng Chúa giáng sinh`).
    let feast_before = || {
        let Some(subject) = j
            .checked_sub(1)
            .filter(|&b| ctx.which(b, word_keys!["chúa", "ngài"]).is_some())
        else {
            return true;
        };
        v.part_of_day.is_some()
            || subject.checked_sub(1).is_some_and(|b| {
                ctx.which(
                    b,
                    word_keys!["lễ", "mùa", "dịp", "ngày", "mừng", "đón", "chào", "nghỉ"],
                )
                .is_some()
            })
    };
    let christmas = if ctx.is(j, "giáng")
        && ctx.is(j + 1, "sinh")
        && ctx.same_line(j, j + 1)
        && (ctx.capital(j) || feast_before())
    {
        Some(j + 2)
    } else if ctx.is(j, "noel") && ctx.capital(j) {
        Some(j + 1)
    } else {
        None
    };
    if let Some(mut end) = christmas {
        // (`đêm Giáng sinh` is the night before: the 24th.)
        let eve = v.part_of_day == Some(PartOfDay::Night);
        v.month = Some(12);
        v.day = Some(if eve { 24 } else { 25 });
        let year_at = if ctx.is(end, "năm") { end + 1 } else { end };
        if let Some(year) = year_token(ctx, year_at).filter(|_| ctx.same_line(end - 1, year_at)) {
            v.year = Some(year);
            end = year_at + 1;
        }
        return point(*v, end, true);
    }
    if ctx.is(j, "năm") {
        // `năm Giáp Thìn`: a year named by stem and branch.
        if let Some(place) = cyclic(ctx, j + 1) {
            v.cycle_year = Some(place);
            v.lunar = true;
            return point(*v, j + 3, true);
        }
        let year = year_token(ctx, j + 1)?;
        v.year = Some(year);
        return point(*v, j + 2, true);
    }
    if ctx.is(j, "quý") {
        // `quý IV/2024`, `quý 3/2024`: the quarter and its year in one token.
        if let Some((q, y)) = ctx.text_of(j + 1).split_once('/') {
            let quarter = match q.parse::<u8>() {
                Ok(n) => Some(n),
                Err(_) => roman(q).and_then(|r| u8::try_from(r).ok()),
            }
            .filter(|q| (1..=4).contains(q))?;
            let year = (y.len() == 4).then(|| y.parse::<i32>().ok()).flatten()?;
            v.quarter = Some(quarter);
            v.year = Some(year);
            return point(*v, j + 2, true);
        }
        let q = match ctx.text_of(j + 1) {
            t if ctx.integer(j + 1, 1).is_some() => t.parse::<u8>().ok(),
            _ if ctx
                .which(j + 1, word_keys!["một", "hai", "ba", "tư", "bốn"])
                .is_some() =>
            {
                ctx.which(j + 1, word_keys!["một", "hai", "ba", "tư", "bốn"])
                    .and_then(|n| u8::try_from(n.min(3) + 1).ok())
            }
            t => roman(t).and_then(|r| u8::try_from(r).ok()),
        }
        .filter(|q| (1..=4).contains(q))?;
        v.quarter = Some(q);
        let mut end = j + 2;
        if ctx.is(end, "của") && ctx.is(end + 1, "năm") {
            end += 1;
        }
        if ctx.is_char(end, '/') || ctx.is(end, "năm") {
            if let Some(y) = year_token(ctx, end + 1) {
                v.year = Some(y);
                end += 2;
            }
        }
        return point(*v, end, true);
    }
    if ctx.is(j, "tuần") {
        return week_phrase(ctx, j, v);
    }
    let (n, len) = hour_word(ctx, j)?;
    if ctx.is(j + len, "giờ") {
        return clock(ctx, j, j + len + 1, n, trigger, v);
    }
    None
}

/// The calendar or clock part written in figures at `j`, a number of
/// `shape`, filling `v` (see [`core`]).
fn figures(
    ctx: &Ctx<'_>,
    j: usize,
    shape: NumberShape,
    trigger: bool,
    v: &mut Fields,
) -> Option<Parsed> {
    let point = |v: Fields, end: usize, strong: bool| {
        Some(Parsed {
            value: Value::Point(v),
            end,
            strong,
        })
    };
    match shape {
        NumberShape::DayMonthYear(_) | NumberShape::YearMonthDay(_) => {
            let d = date_token(ctx, j, false)?;
            merge(v, &d);
            point(*v, j + 1, true)
        }
        NumberShape::MonthYear(sep) => {
            // A bare `m/yyyy` is also a map scale (`quy hoạch chi tiết
            // 1/2000`): without `tháng` it needs a cue before it (`từ`,
            // `cuối`, `(`, …). A dot needs a date word (`12.2023` is a number).
            let cue = j > 0
                && (ctx.is_char(j - 1, '(')
                    || ctx
                        .which(
                            j - 1,
                            word_keys![
                                "từ", "đến", "tới", "vào", "trong", "cuối", "đầu", "giữa", "hết",
                                "sau", "trước", "kỳ", "đợt",
                            ],
                        )
                        .is_some());
            if !(trigger || (sep != Separator::Dot && cue)) {
                return None;
            }
            let d = date_token(ctx, j, false)?;
            merge(v, &d);
            point(*v, j + 1, true)
        }
        NumberShape::DayMonth(_) if trigger || bare_day_month(ctx, j) => {
            let d = date_token(ctx, j, true)?;
            merge(v, &d);
            // Without a date word, the context that made it a date backs
            // it as much as a weekday does.
            let backed = v.weekday.is_some() || v.part_of_day.is_some() || !trigger;
            point(*v, j + 1, backed)
        }
        NumberShape::Range => range_token(ctx, j, v),
        NumberShape::Ratio(Separator::Slash) => season(ctx, j),
        NumberShape::Time(_) => {
            // A time taken, not a time of day: `với thành tích 2:21:15`,
            // `kỷ lục 2:46:30`, `về đích sau 2:05:40`, `kỷ lục của giải
            // hiện là 1:08:24` (a clock time of seconds after the word
            // that names it, within six words of its clause).
            let taken_after = |k: usize| ctx.which(k, word_keys!["tích", "lục", "đích"]).is_some();
            let seconds = ctx.text_of(j).bytes().filter(|&b| b == b':').count() == 2;
            let named_before = seconds
                && (j.saturating_sub(7)..j.saturating_sub(1)).any(|k| {
                    taken_after(k)
                        && ctx.same_line(k, j)
                        && (k + 1..j).all(|t| ctx.kind(t).is_some_and(TokenKind::is_wordlike))
                });
            let record = j > 0
                && (taken_after(j - 1)
                    || (j > 1 && ctx.is(j - 1, "sau") && taken_after(j - 2))
                    || named_before);
            if record {
                return None;
            }
            // A time with its minutes (`14h40`) is one wherever it
            // stands: only a bare hour (`8h`), which may count hours, needs
            // a word around it that asks for a time of day (read only
            // then).
            let t = time_token(ctx, j, true)?;
            if t.minute.is_none() && !trigger && !hour_asked(ctx, j, t.hour) {
                return None;
            }
            time_then_date(ctx, j + 1, t, v)
        }
        NumberShape::Number(_) if !trigger && named_year(ctx, j) => {
            v.year = year_token(ctx, j);
            point(*v, j + 1, true)
        }
        NumberShape::Number(_) => number_phrase(ctx, j, trigger, v),
        _ => None,
    }
}

/// Whether the context of a bare hour (`8h`, `hour` its value) at `j`
/// makes it a time of day, where no date word asks for one: a part of the
/// day or a date after it (`8h sáng`, `17h thứ Sáu`), another hour joined
/// to it or listed with it, brackets after a name, a line of a schedule, a
/// late hour after `sau` or a word that asks for a time ([`cue_before`]).
fn hour_asked(ctx: &Ctx<'_>, j: usize, hour: Option<u8>) -> bool {
    let pod_after = part_of_day(ctx, j + 1);
    // (A comma closes the time's clause, `sau 10h, khi …`, unless
    // another hour follows it: `chạy 3h, 4h và 5h` counts hours.)
    let date_after = ctx
        .which(j + 1, word_keys!["ngày", "mùng", "mồng"])
        .is_some()
        || (ctx.is_char(j + 1, ',') && !matches!(ctx.shape(j + 2), Some(NumberShape::Time(_))));
    // `5h-7h`: an hour joined to another time by a dash.
    let joined = ctx.is_dash(j + 1)
        && matches!(ctx.shape(j + 2), Some(NumberShape::Time(_)))
        && ctx.same_line(j, j + 2);
    // (`17h thứ Sáu`: a weekday after it.)
    let weekday_after = weekday(ctx, j + 1).is_some() && ctx.same_line(j, j + 1);
    let listed = in_list_of_times(ctx, j);
    // `Hải Phòng – Hà Nội FC (17h)`: an hour alone in brackets
    // after a name, as a match or a broadcast is timed.
    // (Or after a time, the same time by another clock: `lúc 19h
    // (17h)`.)
    let bracketed = j >= 2
        && ctx.is_char(j - 1, '(')
        && ctx.is_char(j + 1, ')')
        && (ctx.capital(j - 2) || matches!(ctx.shape(j - 2), Some(NumberShape::Time(_))))
        && ctx.same_line(j - 2, j + 1);
    // `- 17h: frông lạnh qua …`: an hour that opens a line of a
    // schedule, after a dash or a bullet, before a colon (`- Sau
    // 12h: lưu thông bình thường`, its bound word between).
    let bound = usize::from(
        j >= 2
            && ctx
                .which(j - 1, word_keys!["sau", "trước", "từ", "đến", "tới"])
                .is_some()
            && ctx.same_line(j - 1, j),
    );
    let scheduled = j > bound
        && ctx.is_char(j + 1, ':')
        && matches!(ctx.text_of(j - 1 - bound), "-" | "+" | "•" | "*")
        && (j == 1 + bound || !ctx.same_line(j - 2 - bound, j - 1 - bound));
    let late_after_sau = late_hour_after_sau(ctx, j.checked_sub(1), j + 1, || hour);
    // `(15h giờ Hà Nội)`, `20h giờ địa phương`: the clock of a place.
    let zoned = ctx.is(j + 1, "giờ")
        && ctx.same_line(j, j + 2)
        && (ctx.capital(j + 2) || (ctx.is(j + 2, "địa") && ctx.is(j + 3, "phương")));
    zoned
        || bracketed
        || scheduled
        || late_after_sau
        || pod_after.is_some()
        || date_after
        || weekday_after
        || joined
        || listed
        || cue_before(ctx, j)
}

/// Whether the hour before `after`, `sau` at `sau`, is the clock's: an
/// afternoon or evening hour that ends its clause (`không được vào trung
/// tâm sau 14h.`, `đóng cửa sau 22h,`, `sạc xe sau 22 giờ.`), where `sau
/// 2h`, `sau 24 giờ` and `sau 14h đàm phán` count hours.
fn late_hour_after_sau(
    ctx: &Ctx<'_>,
    sau: Option<usize>,
    after: usize,
    hour: impl FnOnce() -> Option<u8>,
) -> bool {
    sau.is_some_and(|b| ctx.is(b, "sau"))
        && (!ctx.same_line(after - 1, after)
            || [',', '.', ';', ')'].iter().any(|&c| ctx.is_char(after, c)))
        && hour().is_some_and(|h| (13..=23).contains(&h))
}

/// Whether token `j` ends a list of times of which an earlier one is
/// plainly a time (minutes, or a cue before it): `lúc 7h15, 9h45, 13h30
/// và 15h`, `lúc 7h, 9h và 15h`; not `chạy 2h, 3h và 5h`. Eight members at
/// most are looked back at.
fn in_list_of_times(ctx: &Ctx<'_>, j: usize) -> bool {
    let mut k = j;
    for _ in 0..8 {
        let Some(sep) = k.checked_sub(1) else {
            return false;
        };
        if !(ctx.is(sep, "và") || ctx.is(sep, "hoặc") || ctx.is_char(sep, ',')) {
            return false;
        }
        let Some(prev) = sep.checked_sub(1) else {
            return false;
        };
        if !matches!(ctx.shape(prev), Some(NumberShape::Time(_))) || !ctx.same_line(prev, j) {
            return false;
        }
        if time_token(ctx, prev, false).is_some() || cue_before(ctx, prev) {
            return true;
        }
        k = prev;
    }
    false
}

/// A word before token `j` that asks for a time of day: `lúc`, `vào`,
/// `từ`, `đến`, `tới`, `khoảng`; `trước` (`trước 9h`, `trước 16 giờ`: `16
/// giờ trước` would be sixteen hours ago and takes no cue); `tức` (`tức 15h
/// theo giờ Hà Nội`); `sang` (`lùi sang 20h`). `lên đến` and `lên tới`
/// count hours (`làm việc lên tới 12 giờ mỗi ngày`).
fn cue_before(ctx: &Ctx<'_>, j: usize) -> bool {
    let Some(before) = j.checked_sub(1) else {
        return false;
    };
    match ctx.which(
        before,
        word_keys![
            "đến", "tới", "lúc", "vào", "từ", "khoảng", "trước", "tức", "sang",
        ],
    ) {
        Some(0 | 1) => before == 0 || !ctx.is(before - 1, "lên"),
        Some(_) => true,
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_words_by_slot() {
        for (word, class) in OPENERS {
            assert_eq!(Opener::of(key(word)), class, "{word}");
        }
        for word in ["tư", "sớm", "nhật", "thu", "sang", "này", "tới", "giờ", ""] {
            assert_eq!(Opener::of(key(word)), Opener::Other, "{word}");
        }
    }

    #[test]
    fn weekdays() {
        assert_eq!(Weekday::of(2024, 1, 18), Some(Weekday::Thursday));
        assert_eq!(Weekday::of(2021, 8, 6), Some(Weekday::Friday));
        assert_eq!(Weekday::of(2000, 2, 29), Some(Weekday::Tuesday));
        assert_eq!(Weekday::of(1900, 2, 29), None);
        assert_eq!(Weekday::of(2024, 13, 1), None);
        assert_eq!(Weekday::of(2024, 0, 1), None);
        assert!(Weekday::of(i32::MIN, 3, 1).is_some());
        assert!(Weekday::of(i32::MAX, 1, 1).is_some());
    }

    #[test]
    fn hours() {
        assert_eq!(hour24(8, Some(PartOfDay::Evening)), 20);
        assert_eq!(hour24(8, Some(PartOfDay::Morning)), 8);
        assert_eq!(hour24(2, Some(PartOfDay::Night)), 2);
        assert_eq!(hour24(11, Some(PartOfDay::Night)), 23);
        assert_eq!(hour24(12, Some(PartOfDay::Noon)), 12);
    }
}
