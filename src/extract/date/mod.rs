//! Dates, times, date-times and ranges in the forms of Vietnamese news.
//!
//! A value keeps only the fields the text gave: `năm 2023` has a year and
//! nothing else, `Sáng 10.1` a day, a month and a part of day. The year of a
//! partial date may then be *assumed* from a reference date (the caller's,
//! or the article's dateline), in [`DateValue::assumed_year`], never in
//! [`DateValue::year`]; the clock is never read.
//!
//! Relative dates (`hôm qua`, `ngày mai`, `sáng nay`, `tối qua`, `tháng
//! trước`, `năm ngoái`, `năm nay`) carry a [`Relative`] offset; with a
//! reference date, the extractor fills [`DateValue::assumed_year`],
//! [`DateValue::assumed_month`] and [`DateValue::assumed_day`], and without
//! one it leaves them empty. Weeks and weekdays relative to a week (`thứ 5
//! tuần trước`) are not read.
//!
//! A day and a month without a year (`10.1`, `6/2`, `5-10`) is read as a date
//! only after a date word: `ngày`, `hôm`, `mồng`, a part of day (`sáng`,
//! `chiều`, …) or a weekday. `Thứ năm` alone is a weekday and no year
//! (`năm` is both "five" and "year"), and a weekday names no date without one.

mod value;

use super::context::{Ctx, Groups, roman};
use super::resolve::{Candidate, Rank};
use super::{Entity, EntityKind};
use crate::tokenize::{Casing, NumberShape, Separator, TimeStyle, TokenKind};

use value::days_in_month;
pub use value::{DateRange, DateValue, Granularity, PartOfDay, Relative, Weekday};

const PARTS_OF_DAY: [&str; 6] = ["sáng", "trưa", "chiều", "tối", "đêm", "khuya"];

fn part_of_day(ctx: &Ctx<'_, '_>, i: usize) -> Option<PartOfDay> {
    Some(match ctx.which(i, &PARTS_OF_DAY)? {
        0 => PartOfDay::Morning,
        1 => PartOfDay::Noon,
        2 => PartOfDay::Afternoon,
        3 => PartOfDay::Evening,
        _ => PartOfDay::Night,
    })
}

/// `Thứ năm`, `thứ 5`, `Chủ nhật` (`chúa nhật` in the South): the weekday
/// and the next token.
fn weekday(ctx: &Ctx<'_, '_>, i: usize) -> Option<(Weekday, usize)> {
    if (ctx.is(i, "chủ") || ctx.is(i, "chúa")) && ctx.is(i + 1, "nhật") {
        return Some((Weekday::Sunday, i + 2));
    }
    if !ctx.is(i, "thứ") {
        return None;
    }
    const NAMES: [&str; 6] = ["hai", "ba", "tư", "năm", "sáu", "bảy"];
    let n = match ctx.which(i + 1, &NAMES) {
        Some(n) => n,
        None => usize::try_from(ctx.integer(i + 1, 1)?)
            .ok()?
            .checked_sub(2)?,
    };
    Some((*Weekday::ALL.get(n + 1)?, i + 2))
}

/// Adjusts a written hour by the part of day after it: `8 giờ tối` is 20.
fn hour24(hour: u8, pod: Option<PartOfDay>) -> u8 {
    match pod {
        Some(PartOfDay::Noon) if hour <= 3 => hour + 12,
        Some(PartOfDay::Afternoon | PartOfDay::Evening) if (1..12).contains(&hour) => hour + 12,
        Some(PartOfDay::Night) if (6..12).contains(&hour) => hour + 12,
        _ => hour,
    }
}

fn valid_day(year: Option<i32>, month: u8, day: u8) -> bool {
    // February 29th without a year is allowed: the year may be a leap one.
    day >= 1 && day <= days_in_month(year.unwrap_or(2024), month).unwrap_or(0)
}

fn two_digit_year(value: u32, len: u8) -> Option<i32> {
    let v = i32::try_from(value).ok()?;
    match len {
        4 => Some(v),
        2 if v >= 50 => Some(1900 + v),
        2 => Some(2000 + v),
        _ => None,
    }
}

fn month_of(v: u32) -> Option<u8> {
    u8::try_from(v).ok().filter(|m| (1..=12).contains(m))
}

fn day_of(v: u32) -> Option<u8> {
    u8::try_from(v).ok().filter(|d| (1..=31).contains(d))
}

/// A month named in words after `tháng`: `ba`, `mười hai`, `giêng`; the
/// month and the number of tokens.
fn month_word(ctx: &Ctx<'_, '_>, j: usize) -> Option<(u8, usize)> {
    const WORDS: [&str; 13] = [
        "giêng", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "một", "chạp",
        "bốn",
    ];
    if ctx.is(j, "mười") {
        if ctx.is(j + 1, "một") {
            return Some((11, 2));
        }
        if ctx.is(j + 1, "hai") {
            return Some((12, 2));
        }
        return Some((10, 1));
    }
    let m = match ctx.which(j, &WORDS)? {
        10 => 1,
        11 => 12,
        12 => 4,
        n => u8::try_from(n).ok()? + 1,
    };
    // `tháng năm 2021` is May 2021, but `tháng năm` alone may be "the
    // month and the year"; only take `năm` as May before a year or the end.
    if m == 5 && year_token(ctx, j + 1).is_some() {
        return None;
    }
    Some((m, 1))
}

/// A year written alone after a date word: four digits.
fn year_token(ctx: &Ctx<'_, '_>, i: usize) -> Option<i32> {
    let t = ctx.tok(i)?;
    if t.text().len() != 4 {
        return None;
    }
    ctx.integer(i, 4).and_then(|v| i32::try_from(v).ok())
}

/// A calendar value read from a number token (`18.5.2021`, `5/2021`,
/// `2004-09-15`, or `10.1` when `day_month` allows it).
fn date_token(ctx: &Ctx<'_, '_>, i: usize, day_month: bool) -> Option<DateValue> {
    let shape = ctx.shape(i)?;
    let g = Groups::parse(ctx.text_of(i))?;
    let mut v = DateValue::default();
    match shape {
        NumberShape::DayMonthYear(_) => {
            v.year = two_digit_year(g.val(2), g.len_of(2));
            v.month = month_of(g.val(1));
            v.day = day_of(g.val(0));
        }
        NumberShape::YearMonthDay(_) => {
            v.year = two_digit_year(g.val(0), g.len_of(0));
            v.month = month_of(g.val(1));
            v.day = day_of(g.val(2));
        }
        NumberShape::MonthYear(_) => {
            // `1/5000` is a scale, not January 5000.
            v.year = two_digit_year(g.val(1), g.len_of(1)).filter(|y| (1800..=2200).contains(y));
            v.month = month_of(g.val(0));
            return v.year.and(v.month).map(|_| v);
        }
        NumberShape::DayMonth(_) if day_month => {
            v.month = month_of(g.val(1));
            v.day = day_of(g.val(0));
        }
        _ => return None,
    }
    let (month, day) = (v.month?, v.day?);
    valid_day(v.year, month, day).then_some(v)
}

/// A time token: `14:40`, `08:41:40`, `14h40`, `8h`; with `hour_only`
/// false, a bare hour (`8h`) is refused.
fn time_token(ctx: &Ctx<'_, '_>, i: usize, hour_only: bool) -> Option<DateValue> {
    let NumberShape::Time(style) = ctx.shape(i)? else {
        return None;
    };
    let text = ctx.text_of(i);
    let mut v = DateValue::default();
    let mut parts = text.split([':', 'h', 'H', 'g']);
    let mut next = || -> Option<Option<u8>> {
        match parts.next() {
            None | Some("") => Some(None),
            Some(p) => p.parse::<u8>().ok().map(Some),
        }
    };
    v.hour = next()?;
    v.minute = next()?;
    if style == TimeStyle::ColonSeconds {
        v.second = next()?;
    }
    let hour = v.hour?;
    if hour > 24 || v.minute.is_some_and(|m| m > 59) || v.second.is_some_and(|s| s > 59) {
        return None;
    }
    if v.minute.is_none() && !hour_only {
        return None;
    }
    Some(v)
}

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
    Point(DateValue),
    Range(DateRange),
}

/// Finds every date expression in the tokens and proposes it.
pub(crate) fn find<'h>(ctx: &Ctx<'_, 'h>, out: &mut Vec<Candidate<'h>>) {
    let mut i = 0;
    while i < ctx.len() {
        if !ctx.may_start_date(i) {
            i += 1;
            continue;
        }
        match expression(ctx, i) {
            Some((first, parsed)) => {
                out.push(candidate(ctx, first, parsed));
                i = parsed.end.max(i + 1);
            }
            None => i += 1,
        }
    }
}

fn candidate<'h>(ctx: &Ctx<'_, 'h>, first: usize, parsed: Parsed) -> Candidate<'h> {
    let span = ctx.span(first, parsed.end.saturating_sub(1));
    let kind = match parsed.value {
        Value::Range(r) => EntityKind::DateRange(r),
        Value::Point(v) if v.has_date() && v.has_time() => EntityKind::DateTime(v),
        Value::Point(v) if v.has_time() => EntityKind::Time(v),
        Value::Point(v) => EntityKind::Date(v),
    };
    Candidate {
        entity: Entity {
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
fn expression(ctx: &Ctx<'_, '_>, i: usize) -> Option<(usize, Parsed)> {
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
    if let Some(range) = continuation(ctx, &first, from_word) {
        return Some((i, range));
    }
    // A time zone after a time: `01:08 (GMT+7)`.
    if let Value::Point(mut v) = first.value {
        if v.has_time() {
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
    Some((start, first))
}

/// A relative date at `j`: `hôm nay`, `(ngày) hôm qua`, `hôm kia`, `ngày
/// mai`, `ngày kia`; after a part of day, `nay`, `mai`, `qua` (`sáng nay`,
/// `tối qua`); `năm nay`, `năm ngoái`, `năm trước`, `năm sau`, `tháng này`,
/// `tháng trước`, `tháng tới`. The relative offset and the end.
///
/// `năm trước` after a number or a plural word is a duration or a plural
/// (`5 năm trước`, `hai năm nay`, `các năm trước`), and `năm sau đó` is
/// "the year after that": neither is taken.
fn relative_word(
    ctx: &Ctx<'_, '_>,
    j: usize,
    after_part_of_day: bool,
) -> Option<(Relative, usize)> {
    let day = |offset: i32, end: usize| {
        Some((
            Relative {
                unit: Granularity::Day,
                offset,
            },
            end,
        ))
    };
    if after_part_of_day {
        match ctx.which(j, &["nay", "mai", "qua"]) {
            Some(0) => return day(0, j + 1),
            Some(1) => return day(1, j + 1),
            Some(2) => return day(-1, j + 1),
            _ => {}
        }
    }
    let mut k = j;
    if ctx.is(k, "ngày") && ctx.is(k + 1, "hôm") {
        k += 1;
    }
    if ctx.is(k, "hôm") || ctx.is(k, "bữa") {
        return match ctx.which(k + 1, &["nay", "qua", "kia"]) {
            Some(0) => day(0, k + 2),
            Some(1) => day(-1, k + 2),
            Some(2) => day(-2, k + 2),
            _ => None,
        };
    }
    if ctx.is(j, "ngày") {
        return match ctx.which(j + 1, &["mai", "kia", "mốt"]) {
            Some(0) => day(1, j + 2),
            Some(_) => day(2, j + 2),
            None => None,
        };
    }
    let unit = match ctx.which(j, &["năm", "tháng"])? {
        0 => Granularity::Year,
        _ => Granularity::Month,
    };
    let offset = match ctx.which(j + 1, &["nay", "này", "ngoái", "trước", "sau", "tới"])? {
        0 | 1 => 0,
        2 if unit == Granularity::Year => -1,
        3 => -1,
        4 | 5 => 1,
        _ => return None,
    };
    let plural_or_duration = j > 0
        && (ctx.shape(j - 1).is_some()
            || ctx
                .which(
                    j - 1,
                    &[
                        "các", "những", "nhiều", "mấy", "vài", "mỗi", "hằng", "hàng", "một", "hai",
                        "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười",
                    ],
                )
                .is_some());
    let that = ctx.is(j + 2, "đó") || ctx.is(j + 2, "ấy");
    if plural_or_duration || that {
        return None;
    }
    Some((Relative { unit, offset }, j + 2))
}

/// `(GMT+7)`, `GMT+7`, `(UTC-5)` at `j`: the offset in minutes and the end.
fn utc_offset(ctx: &Ctx<'_, '_>, mut j: usize) -> Option<(i16, usize)> {
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
fn continuation(ctx: &Ctx<'_, '_>, first: &Parsed, from_word: bool) -> Option<Parsed> {
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
    let second = point(ctx, j, true)?;
    let Value::Point(b) = second.value else {
        return None;
    };
    if dash && a.granularity != b.granularity {
        return None;
    }
    if !a.has_date() && !b.has_date() && !from_word && !dash {
        return None;
    }
    let mut range = DateRange { from: a, to: b };
    // The text gives the year (or the month) once for both ends.
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

/// One date or time (or a range written as one token) at token `i`.
/// `cue` says that a word before (`từ`, `đến`) invites a bare day-month.
fn point(ctx: &Ctx<'_, '_>, i: usize, cue: bool) -> Option<Parsed> {
    let mut j = i;
    let mut v = DateValue::default();
    let mut trigger = false;
    if let Some((w, next)) = weekday(ctx, j) {
        v.weekday = Some(w);
        j = next;
        if ctx.is_char(j, ',') || ctx.is_dash(j) {
            j += 1;
        }
        trigger = true;
    }
    if let Some(pod) = part_of_day(ctx, j) {
        v.part_of_day = Some(pod);
        j += 1;
        trigger = true;
        if ctx.is_char(j, ',') {
            return None;
        }
    }
    if let Some((relative, end)) = relative_word(ctx, j, v.part_of_day.is_some()) {
        v.relative = Some(relative);
        v.finish();
        return Some(Parsed {
            value: Value::Point(v),
            end,
            strong: true,
        });
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
    let mut parsed = core(ctx, j, trigger || cue, &mut v)?;
    parsed.strong |= trigger;
    if let Value::Point(p) = &mut parsed.value {
        p.finish();
        if !p.has_date() && !p.has_time() {
            return None;
        }
    }
    Some(parsed)
}

/// The calendar or clock part at `j`, filling `v` (which may hold a weekday
/// and a part of day already).
fn core(ctx: &Ctx<'_, '_>, j: usize, trigger: bool, v: &mut DateValue) -> Option<Parsed> {
    let point = |v: DateValue, end: usize, strong: bool| {
        Some(Parsed {
            value: Value::Point(v),
            end,
            strong,
        })
    };
    // Words first: `tháng …`, `năm …`, `quý …`.
    if ctx.is(j, "tháng") {
        return month_phrase(ctx, j + 1, v);
    }
    if ctx.is(j, "năm") {
        let year = year_token(ctx, j + 1)?;
        v.year = Some(year);
        return point(*v, j + 2, true);
    }
    if ctx.is(j, "quý") {
        let q = match ctx.text_of(j + 1) {
            t if ctx.integer(j + 1, 1).is_some() => t.parse::<u8>().ok(),
            _ if ctx
                .which(j + 1, &["một", "hai", "ba", "tư", "bốn"])
                .is_some() =>
            {
                ctx.which(j + 1, &["một", "hai", "ba", "tư", "bốn"])
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
    if let Some((n, len)) = hour_word(ctx, j) {
        if ctx.is(j + len, "giờ") {
            return clock(ctx, j, j + len + 1, n, trigger, v);
        }
        return None;
    }
    let shape = ctx.shape(j)?;
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
                            &[
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
        NumberShape::DayMonth(_) if trigger => {
            let d = date_token(ctx, j, true)?;
            merge(v, &d);
            point(*v, j + 1, v.weekday.is_some() || v.part_of_day.is_some())
        }
        NumberShape::Range => range_token(ctx, j, v),
        NumberShape::Time(_) => {
            let pod_after = part_of_day(ctx, j + 1);
            let date_after = ctx.is(j + 1, "ngày") || ctx.is_char(j + 1, ',');
            let hour_only = pod_after.is_some() || date_after || trigger || cue_before(ctx, j);
            let t = time_token(ctx, j, hour_only)?;
            time_then_date(ctx, j + 1, t, v)
        }
        NumberShape::Number(_) => number_phrase(ctx, j, trigger, v),
        _ => None,
    }
}

/// `lúc`, `vào`, `từ`, `đến` right before token `j`.
fn cue_before(ctx: &Ctx<'_, '_>, j: usize) -> bool {
    j > 0
        && ctx
            .which(j - 1, &["lúc", "vào", "từ", "đến", "khoảng"])
            .is_some()
}

fn merge(v: &mut DateValue, d: &DateValue) {
    v.year = d.year.or(v.year);
    v.month = d.month.or(v.month);
    v.day = d.day.or(v.day);
}

/// After a time at `j - 1`: an optional part of day, then an optional date
/// (`14h40 ngày 11/1`, `10 giờ 30 phút ngày 5/6/2024`).
fn time_then_date(
    ctx: &Ctx<'_, '_>,
    mut j: usize,
    t: DateValue,
    v: &mut DateValue,
) -> Option<Parsed> {
    if let Some(pod) = part_of_day(ctx, j) {
        v.part_of_day = Some(pod);
        j += 1;
    }
    let hour = t.hour?;
    v.hour = Some(hour24(hour, v.part_of_day));
    v.minute = t.minute;
    v.second = t.second;
    // `8h sáng nay`, `3 giờ chiều ngày mai`.
    let mut r = j;
    if ctx.is_char(r, ',') {
        r += 1;
    }
    if let Some((relative, end)) = relative_word(ctx, r, v.part_of_day.is_some() && r == j)
        .filter(|(rel, _)| rel.unit == Granularity::Day)
    {
        v.relative = Some(relative);
        return Some(Parsed {
            value: Value::Point(*v),
            end,
            strong: true,
        });
    }
    let mut k = j;
    if ctx.is_char(k, ',') {
        k += 1;
    }
    if ctx.is(k, "ngày") || ctx.is(k, "hôm") {
        let mut d = DateValue::default();
        if let Some(Parsed {
            value: Value::Point(p),
            end,
            ..
        }) = core(ctx, k + 1, true, &mut d)
        {
            if p.has_date() && !p.has_time() {
                merge(v, &p);
                v.quarter = p.quarter;
                return Some(Parsed {
                    value: Value::Point(*v),
                    end,
                    strong: true,
                });
            }
        }
    }
    Some(Parsed {
        value: Value::Point(*v),
        end: j,
        strong: true,
    })
}

/// After `tháng`: `5`, `5/2021`, `5 năm 2021`, `12.2023`, `5-6/2021`.
fn month_phrase(ctx: &Ctx<'_, '_>, j: usize, v: &mut DateValue) -> Option<Parsed> {
    // A month in words stands alone only when it can be nothing else
    // (`tháng giêng`); otherwise it needs a year (`tháng mười năm 2017`):
    // `mỗi tháng một việc` is "one thing a month".
    if let Some((m, len)) = month_word(ctx, j) {
        let alone = ctx.is(j, "giêng") || ctx.is(j, "chạp");
        v.month = Some(m);
        let parsed = month_year(ctx, j + len, v)?;
        return (alone || v.year.is_some()).then_some(parsed);
    }
    match ctx.shape(j)? {
        NumberShape::MonthYear(_) => {
            let d = date_token(ctx, j, false)?;
            merge(v, &d);
            Some(Parsed {
                value: Value::Point(*v),
                end: j + 1,
                strong: true,
            })
        }
        NumberShape::Range => {
            // `5-6/2021`: a month range.
            let text = ctx.text_of(j);
            let (left, right) = text.split_once('-')?;
            let m1 = month_of(left.parse().ok()?)?;
            let (m2, year) = match right.split_once('/') {
                Some((m, y)) if y.len() == 4 => (month_of(m.parse().ok()?)?, Some(y.parse().ok()?)),
                None => (month_of(right.parse().ok()?)?, None),
                _ => return None,
            };
            let mut from = DateValue {
                month: Some(m1),
                year,
                ..DateValue::default()
            };
            let mut to = DateValue {
                month: Some(m2),
                year,
                ..DateValue::default()
            };
            let mut end = j + 1;
            if year.is_none() && ctx.is(end, "năm") {
                if let Some(y) = year_token(ctx, end + 1) {
                    from.year = Some(y);
                    to.year = Some(y);
                    end += 2;
                }
            }
            from.finish();
            to.finish();
            (m1 < m2).then_some(Parsed {
                value: Value::Range(DateRange { from, to }),
                end,
                strong: true,
            })
        }
        NumberShape::Number(_) => {
            let m = month_of(ctx.integer(j, 2)?)?;
            v.month = Some(m);
            month_year(ctx, j + 1, v)
        }
        _ => None,
    }
}

/// After the month of `tháng 5`: `năm 2021` or `/2021`, if written.
fn month_year(ctx: &Ctx<'_, '_>, j: usize, v: &mut DateValue) -> Option<Parsed> {
    let mut end = j;
    if ctx.is(end, "năm") || ctx.is_char(end, '/') {
        if let Some(y) = year_token(ctx, end + 1) {
            v.year = Some(y);
            end += 2;
        }
    }
    Some(Parsed {
        value: Value::Point(*v),
        end,
        strong: true,
    })
}

/// A range written as one token: `2019-2023`, `10-12/5`, `10-12/5/2024`,
/// `5-6/2021`, `10/5-12/5`.
fn range_token(ctx: &Ctx<'_, '_>, j: usize, v: &DateValue) -> Option<Parsed> {
    let text = ctx.text_of(j);
    let (left, right) = text.split_once('-')?;
    let lg = Groups::parse(left)?;
    let rg = Groups::parse(right)?;
    let mut from = DateValue {
        part_of_day: v.part_of_day,
        weekday: v.weekday,
        ..DateValue::default()
    };
    let mut to = DateValue::default();
    match (lg.n, rg.n) {
        // Years: `2019-2023`.
        (1, 1) if lg.len_of(0) == 4 && rg.len_of(0) == 4 => {
            let (a, b) = (
                i32::try_from(lg.val(0)).ok()?,
                i32::try_from(rg.val(0)).ok()?,
            );
            if !(1900..=2100).contains(&a) || a >= b || b > 2100 {
                return None;
            }
            from.year = Some(a);
            to.year = Some(b);
        }
        // `10-12/5`, `10-12/5/2024`, `5-6/2021`.
        (1, 2) | (1, 3) if rg.sep(0) == b'/' || rg.sep(0) == b'.' => {
            if rg.n == 2 && rg.len_of(1) == 4 {
                from.month = month_of(lg.val(0));
                to.month = month_of(rg.val(0));
                from.year = two_digit_year(rg.val(1), 4);
                to.year = from.year;
            } else {
                let year = (rg.n == 3)
                    .then(|| two_digit_year(rg.val(2), rg.len_of(2)))
                    .flatten();
                from.day = day_of(lg.val(0));
                to.day = day_of(rg.val(0));
                from.month = month_of(rg.val(1));
                to.month = from.month;
                from.year = year;
                to.year = year;
                if from.day? >= to.day? || !valid_day(year, to.month?, to.day?) {
                    return None;
                }
            }
            from.month?;
        }
        // `10/5-12/5`.
        (2, 2) if lg.sep(0) == rg.sep(0) && matches!(lg.sep(0), b'/' | b'.') => {
            from.day = day_of(lg.val(0));
            from.month = month_of(lg.val(1));
            to.day = day_of(rg.val(0));
            to.month = month_of(rg.val(1));
            if !valid_day(None, from.month?, from.day?) || !valid_day(None, to.month?, to.day?) {
                return None;
            }
        }
        _ => return None,
    }
    from.finish();
    to.finish();
    Some(Parsed {
        value: Value::Range(DateRange { from, to }),
        end: j + 1,
        strong: true,
    })
}

/// Phrases that start with a plain number: `18 tháng 5 năm 2021`,
/// `14 giờ 30 phút`, `6 tháng đầu năm 2024`, `2019 - 2023`, and the first
/// day of `từ 10 đến 12.5`.
fn number_phrase(ctx: &Ctx<'_, '_>, j: usize, trigger: bool, v: &mut DateValue) -> Option<Parsed> {
    let n = ctx.integer(j, 4)?;
    let short = ctx.text_of(j).len() <= 2;
    // `18 tháng 5 (năm 2021)`.
    if short && ctx.is(j + 1, "tháng") {
        let month = match ctx.integer(j + 2, 2).and_then(month_of) {
            Some(m) => Some((m, 1)),
            None => month_word(ctx, j + 2),
        };
        if let (Some(d), Some((m, len))) = (day_of(n), month) {
            let mut end = j + 2 + len;
            let mut year = None;
            if ctx.is(end, "năm") {
                year = year_token(ctx, end + 1);
                if year.is_some() {
                    end += 2;
                }
            }
            if (trigger || year.is_some()) && valid_day(year, m, d) {
                v.day = Some(d);
                v.month = Some(m);
                v.year = year;
                return Some(Parsed {
                    value: Value::Point(*v),
                    end,
                    strong: true,
                });
            }
        }
        // `6 tháng đầu năm 2024`: the first (or last) months of a year.
        let first = ctx.is(j + 2, "đầu");
        if (first || ctx.is(j + 2, "cuối")) && ctx.is(j + 3, "năm") && (1..=12).contains(&n) {
            let year = year_token(ctx, j + 4);
            let m = u8::try_from(n).ok()?;
            let (m1, m2) = if first { (1, m) } else { (13 - m, 12) };
            let mut from = DateValue {
                year,
                month: Some(m1),
                ..DateValue::default()
            };
            let mut to = DateValue {
                year,
                month: Some(m2),
                ..DateValue::default()
            };
            from.finish();
            to.finish();
            return Some(Parsed {
                value: Value::Range(DateRange { from, to }),
                end: j + 4 + usize::from(year.is_some()),
                strong: true,
            });
        }
        return None;
    }
    // `14 giờ (30 phút)`, `8 giờ tối`.
    if short && ctx.is(j + 1, "giờ") && n <= 24 {
        return clock(ctx, j, j + 2, n, trigger, v);
    }
    number_phrase_rest(ctx, j, n, short, trigger, v)
}

/// An hour in words before `giờ`: `ba giờ`, `mười hai giờ`; the hour and
/// the number of tokens.
fn hour_word(ctx: &Ctx<'_, '_>, j: usize) -> Option<(u32, usize)> {
    const WORDS: [&str; 10] = [
        "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười",
    ];
    let first = u32::try_from(ctx.which(j, &WORDS)?).ok()? + 1;
    if first == 10 {
        if let Some(unit) = ctx.which(j + 1, &WORDS).filter(|&u| u < 2) {
            return Some((11 + u32::try_from(unit).ok()?, 2));
        }
    }
    Some((first, 1))
}

/// `N giờ` at `j` (the hour `n`), its minutes from `end` on, then a part of
/// day and a date.
fn clock(
    ctx: &Ctx<'_, '_>,
    j: usize,
    mut end: usize,
    n: u32,
    trigger: bool,
    v: &mut DateValue,
) -> Option<Parsed> {
    {
        let mut t = DateValue {
            hour: u8::try_from(n).ok(),
            ..DateValue::default()
        };
        if ctx.is(end, "rưỡi") {
            t.minute = Some(30);
            end += 1;
        } else if ctx.is(end, "kém") {
            // `11 giờ kém 15` is 10:45.
            let m = ctx.integer(end + 1, 2).filter(|&m| (1..60).contains(&m))?;
            t.hour = t.hour?.checked_sub(1).or(Some(23));
            t.minute = u8::try_from(60 - m).ok();
            end += 2 + usize::from(ctx.is(end + 2, "phút"));
        } else if let Some(m) = ctx.integer(end, 2).filter(|&m| m <= 59) {
            // `14 giờ 30 phút`, or `10 giờ 45` when no noun follows.
            if ctx.is(end + 1, "phút") {
                t.minute = u8::try_from(m).ok();
                end += 2;
            } else if !matches!(
                ctx.tok(end + 1).map(|t| t.kind()),
                Some(TokenKind::Syllable(Casing::Lower))
            ) || part_of_day(ctx, end + 1).is_some()
                || ctx
                    .which(
                        end + 1,
                        &[
                            "ngày", "và", "thì", "là", "đã", "sẽ", "mới", "rồi", "đến", "tới",
                        ],
                    )
                    .is_some()
            {
                t.minute = u8::try_from(m).ok();
                end += 1;
            }
        }
        let followed = part_of_day(ctx, end).is_some() || ctx.is(end, "ngày");
        let duration = j > 0
            && ctx
                .which(j - 1, &["trong", "mất", "sau", "dài", "gần", "hơn", "suốt"])
                .is_some();
        if !(followed || trigger || cue_before(ctx, j) || (t.minute.is_some() && !duration)) {
            return None;
        }
        time_then_date(ctx, end, t, v)
    }
}

/// The rest of [`number_phrase`]: year ranges and `từ 10 đến 12.5`.
fn number_phrase_rest(
    ctx: &Ctx<'_, '_>,
    j: usize,
    n: u32,
    short: bool,
    trigger: bool,
    v: &mut DateValue,
) -> Option<Parsed> {
    // `2019 - 2023`: two years joined by a dash.
    if ctx.text_of(j).len() == 4 && ctx.is_dash(j + 1) {
        let b = year_token(ctx, j + 2)?;
        let a = i32::try_from(n).ok()?;
        if (1900..=2100).contains(&a) && a < b && b <= 2100 {
            let mut from = DateValue {
                year: Some(a),
                ..DateValue::default()
            };
            let mut to = DateValue {
                year: Some(b),
                ..DateValue::default()
            };
            from.finish();
            to.finish();
            return Some(Parsed {
                value: Value::Range(DateRange { from, to }),
                end: j + 3,
                strong: true,
            });
        }
        return None;
    }
    // `từ 10 đến 12.5`: a bare day, completed by the range.
    if short && trigger && (ctx.is(j + 1, "đến") || ctx.is(j + 1, "tới")) {
        let k = j + 2;
        let second = date_token(ctx, k, true)?;
        v.day = Some(day_of(n)?);
        if v.day >= second.day {
            return None;
        }
        v.month = second.month;
        return Some(Parsed {
            value: Value::Point(*v),
            end: j + 1,
            strong: false,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

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
