//! Readers of single tokens and short words: parts of day, weekdays, months
//! in words, years, date and time tokens.

use super::*;
use crate::extract::context::{key, word_keys};

/// A part of day at `i` and how many tokens it takes: `sáng`, …, and the
/// parts written in two words: `rạng sáng` (dawn, a morning's first hours),
/// `sáng sớm`, `chiều tối` (the evening), `đêm khuya`.
pub(super) fn part_of_day_len(ctx: &Ctx<'_>, i: usize) -> Option<(PartOfDay, usize)> {
    // (One lookup of the first word's key, most tokens none of them, for
    // the part it names alone and the second word of a pair; a token of
    // no key is no word.)
    let (alone, pair) = match ctx.key(i)? {
        RANG => (None, Some(("sáng", PartOfDay::Morning))),
        SANG => (Some(PartOfDay::Morning), Some(("sớm", PartOfDay::Morning))),
        TRUA => (Some(PartOfDay::Noon), None),
        CHIEU => (
            Some(PartOfDay::Afternoon),
            Some(("tối", PartOfDay::Evening)),
        ),
        TOI => (Some(PartOfDay::Evening), None),
        DEM => (Some(PartOfDay::Night), Some(("khuya", PartOfDay::Night))),
        KHUYA => (Some(PartOfDay::Night), None),
        _ => return None,
    };
    debug_assert!(ctx.kind(i).is_some_and(TokenKind::is_wordlike));
    if let Some((word, pod)) = pair {
        if ctx.is(i + 1, word) && ctx.same_line(i, i + 1) {
            return Some((pod, 2));
        }
    }
    alone.map(|pod| (pod, 1))
}

// The keys of the words of a part of the day.
pub(super) const RANG: u128 = key("rạng");
pub(super) const SANG: u128 = key("sáng");
pub(super) const TRUA: u128 = key("trưa");
pub(super) const CHIEU: u128 = key("chiều");
pub(super) const TOI: u128 = key("tối");
pub(super) const DEM: u128 = key("đêm");
pub(super) const KHUYA: u128 = key("khuya");
// The keys of the words of a weekday.
pub(super) const THU: u128 = key("thứ");
pub(super) const CHU: u128 = key("chủ");
pub(super) const CHUA: u128 = key("chúa");

pub(super) fn part_of_day(ctx: &Ctx<'_>, i: usize) -> Option<PartOfDay> {
    part_of_day_len(ctx, i).map(|(pod, _)| pod)
}

/// `Thứ năm`, `thứ 5`, `Chủ nhật` (`chúa nhật` in the South): the weekday
/// and the next token.
///
/// After a noun that takes an ordinal, `thứ 7` and `thứ bảy` count (`kỳ
/// họp thứ 7, ngày 27/6/2024`, `lần thứ ba`); a capital or the day in
/// brackets still names a weekday (`phiên thứ Sáu (13/11)`).
pub(super) fn weekday(ctx: &Ctx<'_>, i: usize) -> Option<(Weekday, usize)> {
    // (One lookup of the word's key: most tokens are none of them.)
    match ctx.key(i)? {
        CHU | CHUA => return ctx.is(i + 1, "nhật").then_some((Weekday::Sunday, i + 2)),
        THU => {}
        _ => return None,
    }
    const NAMES: [&str; 6] = ["hai", "ba", "tư", "năm", "sáu", "bảy"];
    let n = match ctx.which(i + 1, word_keys!(NAMES)) {
        Some(n) => n,
        None => usize::try_from(ctx.integer(i + 1, 1)?)
            .ok()?
            .checked_sub(2)?,
    };
    let ordinal_noun =
        (i.saturating_sub(2)..i).any(|k| ctx.takes_ordinal(k) && ctx.same_line(k, i));
    let dated = ctx.is_char(i + 2, '(') && ctx.is_char(i + 4, ')');
    if ordinal_noun && !ctx.capital(i + 1) && !dated {
        return None;
    }
    Some((*Weekday::ALL.get(n + 1)?, i + 2))
}

/// Adjusts a written hour by the part of day after it: `8 giờ tối` is 20.
pub(super) fn hour24(hour: u8, pod: Option<PartOfDay>) -> u8 {
    match pod {
        Some(PartOfDay::Noon) if hour <= 3 => hour + 12,
        Some(PartOfDay::Afternoon | PartOfDay::Evening) if (1..12).contains(&hour) => hour + 12,
        Some(PartOfDay::Night) if (6..12).contains(&hour) => hour + 12,
        _ => hour,
    }
}

pub(super) fn valid_day(year: Option<i32>, month: u8, day: u8) -> bool {
    // February 29th without a year is allowed: the year may be a leap one.
    day >= 1 && day <= days_in_month(year.unwrap_or(2024), month).unwrap_or(0)
}

pub(super) fn two_digit_year(value: u32, len: u8) -> Option<i32> {
    let v = i32::try_from(value).ok()?;
    match len {
        4 => Some(v),
        2 if v >= 50 => Some(1900 + v),
        2 => Some(2000 + v),
        _ => None,
    }
}

pub(super) fn month_of(v: u32) -> Option<u8> {
    u8::try_from(v).ok().filter(|m| (1..=12).contains(m))
}

pub(super) fn day_of(v: u32) -> Option<u8> {
    u8::try_from(v).ok().filter(|d| (1..=31).contains(d))
}

/// A month named in words after `tháng`: `ba`, `mười hai`, `giêng`; the
/// month and the number of tokens.
pub(super) fn month_word(ctx: &Ctx<'_>, j: usize) -> Option<(u8, usize)> {
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
    let m = match ctx.which(j, word_keys!(WORDS))? {
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
pub(super) fn year_token(ctx: &Ctx<'_>, i: usize) -> Option<i32> {
    let t = ctx.tok(i)?;
    if t.text().len() != 4 {
        return None;
    }
    ctx.integer(i, 4).and_then(|v| i32::try_from(v).ok())
}

/// A calendar value read from a number token (`18.5.2021`, `5/2021`,
/// `2004-09-15`, or `10.1` when `day_month` allows it).
pub(super) fn date_token(ctx: &Ctx<'_>, i: usize, day_month: bool) -> Option<Fields> {
    let shape = ctx.shape(i)?;
    let g = Groups::parse(ctx.text_of(i))?;
    let mut v = Fields::default();
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
pub(super) fn time_token(ctx: &Ctx<'_>, i: usize, hour_only: bool) -> Option<Fields> {
    let NumberShape::Time(style) = ctx.shape(i)? else {
        return None;
    };
    let text = ctx.text_of(i);
    let mut v = Fields::default();
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

/// An hour in words before `giờ`: `ba giờ`, `mười hai giờ`; the hour and
/// the number of tokens.
pub(super) fn hour_word(ctx: &Ctx<'_>, j: usize) -> Option<(u32, usize)> {
    const WORDS: [&str; 10] = [
        "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười",
    ];
    let first = u32::try_from(ctx.which(j, word_keys!(WORDS))?).ok()? + 1;
    if first == 10 {
        if let Some(unit) = ctx.which(j + 1, word_keys!(WORDS)).filter(|&u| u < 2) {
            return Some((11 + u32::try_from(unit).ok()?, 2));
        }
    }
    Some((first, 1))
}
