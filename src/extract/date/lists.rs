//! Days written together: a list of days that share the month of the last
//! (`ngày 20 và 21-6`, `các ngày 3, 4 và 5/8`), and a date glued to its
//! date word (`ngày13/11/2015`).

use super::lunar_phrases::lunar_marks;
use super::words::{date_token, day_of, month_of, two_digit_year, valid_day, year_token};
use super::{Fields, FieldsRange, Parsed, Value, point};
use crate::extract::context::{Ctx, Groups};
use crate::tokenize::{NumberShape, TokenKind};

/// A day of the calendar, its year where known, finished.
fn calendar_day(year: Option<i32>, month: u8, day: u8) -> Fields {
    let mut v = Fields {
        year,
        month: Some(month),
        day: Some(day),
        ..Fields::default()
    };
    v.finish();
    v
}

/// The most days a list is read for.
const MAX_DAYS: usize = 8;

/// A list of days after `ngày` at token `i`, the last with its month (and
/// year): `ngày 20 và 21-6`, `hai ngày 11 và 12/7`, `các ngày 3, 4 và 5/8`,
/// `ngày 20 và 21 tháng 6`, and days of different months, `các ngày 19,
/// 26/8 và 2/9`, `hai ngày 31/7 và 1/8`. Each day with its first and end
/// token; a day alone takes the month of the next day that has one, and
/// every day without a year the year of the last.
pub(super) fn day_list(ctx: &Ctx<'_>, i: usize) -> Option<Vec<(usize, usize, Fields)>> {
    // (Nights too: `hai đêm 18 và 19/9`.)
    if !ctx.is(i, "ngày") && !ctx.is(i, "đêm") {
        return None;
    }
    // Each day before the last: a day alone, or a day and month.
    let mut days: Vec<(usize, u8, Option<Fields>)> = Vec::new();
    let mut j = i + 1;
    loop {
        if days.len() >= MAX_DAYS || !ctx.same_line(j - 1, j) {
            return None;
        }
        match ctx.shape(j) {
            Some(NumberShape::DayMonth(_)) => {
                let d = date_token(ctx, j, true)?;
                days.push((j, d.day?, Some(d)));
            }
            _ => {
                let day = ctx
                    .integer(j, 2)
                    .filter(|_| matches!(ctx.shape(j), Some(NumberShape::Number(_))))
                    .and_then(day_of)?;
                days.push((j, day, None));
            }
        }
        j += 1;
        if ctx.is_char(j, ',') {
            j += 1;
            continue;
        }
        if ctx.is(j, "và") {
            j += 1;
            break;
        }
        return None;
    }
    // The last day, with the month: `21-6`, `12/7`, `5/8/2024`, `21
    // tháng 6`.
    let mut last = match ctx.shape(j) {
        Some(NumberShape::DayMonth(_)) => date_token(ctx, j, true)?,
        Some(NumberShape::DayMonthYear(_)) => date_token(ctx, j, false)?,
        Some(NumberShape::Number(_)) if ctx.is(j + 1, "tháng") => {
            let day = ctx.integer(j, 2).and_then(day_of)?;
            let month = ctx.integer(j + 2, 2).and_then(month_of)?;
            Fields {
                day: Some(day),
                month: Some(month),
                ..Fields::default()
            }
        }
        _ => return None,
    };
    let mut end = j + 1;
    if !matches!(
        ctx.shape(j),
        Some(NumberShape::DayMonth(_) | NumberShape::DayMonthYear(_))
    ) {
        end = j + 3;
        if ctx.is(end, "năm") {
            if let Some(y) = year_token(ctx, end + 1) {
                last.year = Some(y);
                end += 2;
            }
        }
    }
    last.month?;
    let mut out = Vec::with_capacity(days.len() + 1);
    for (k, &(at, day, dated)) in days.iter().enumerate() {
        // The month of this day, or of the next day that has one.
        let month = days
            .get(k..)
            .unwrap_or_default()
            .iter()
            .find_map(|&(_, _, d)| d.and_then(|d| d.month))
            .or(last.month)?;
        let year = dated.and_then(|d| d.year).or(last.year);
        if !valid_day(year, month, day) {
            return None;
        }
        let v = calendar_day(year, month, day);
        // The first day carries `ngày`.
        let first = if k == 0 { i } else { at };
        out.push((first, at + 1, v));
    }
    last.finish();
    out.push((j, end, last));
    Some(out)
}

/// A date glued to `ngày` at token `i`, the space missing: `ngày13/11/2015`,
/// `Ngày20/10`. The tokenizer reads a word `ngày13`: the digits and what
/// follows without a space are read again from the text.
pub(super) fn glued(ctx: &Ctx<'_>, i: usize) -> Option<Parsed> {
    // (The kind first, from the record: most tokens are no words.)
    if !matches!(ctx.kind(i), Some(TokenKind::Word(_))) {
        return None;
    }
    let tok = ctx.tok(i)?;
    let text = tok.text();
    let digits_at = text.find(|c: char| c.is_ascii_digit())?;
    let (word, _) = text.split_at(digits_at);
    if !word.eq_ignore_ascii_case("ngày") && word != "NGÀY" {
        return None;
    }
    // The date runs on over digits and separators with no space.
    let start = tok.start() + digits_at;
    let rest = ctx.text.get(start..)?;
    let len = rest
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '/' | '.' | '-')))
        .unwrap_or(rest.len());
    let raw = rest.get(..len)?.trim_end_matches(['/', '.', '-']);
    let g = Groups::parse(raw)?;
    let same_sep = (0..g.n.saturating_sub(1)).all(|k| g.sep(k) == g.sep(0));
    if !(2..=3).contains(&g.n) || !same_sep {
        return None;
    }
    let day = day_of(g.val(0))?;
    let month = month_of(g.val(1))?;
    let year = if g.n == 3 {
        Some(two_digit_year(g.val(2), g.len_of(2))?)
    } else {
        None
    };
    if !valid_day(year, month, day) {
        return None;
    }
    let v = calendar_day(year, month, day);
    let end_byte = start + raw.len();
    let mut end = i + 1;
    while ctx.tok(end).is_some_and(|t| t.start() < end_byte) {
        end += 1;
    }
    // The last token must end where the date does.
    if ctx.tok(end - 1).is_some_and(|t| t.end() != end_byte) {
        return None;
    }
    Some(Parsed {
        value: Value::Point(v),
        end,
        strong: true,
    })
}

/// Days of the lunar New Year listed at token `i`, each after its `mùng`
/// and the last before `Tết`: `mùng 3, mùng 4 và mùng 5 Tết`. Each day
/// with its first and end token, all in the first lunar month.
pub(super) fn new_year_days(ctx: &Ctx<'_>, i: usize) -> Option<Vec<(usize, usize, Fields)>> {
    let mung = |k: usize| ctx.is(k, "mùng") || ctx.is(k, "mồng");
    if !mung(i) {
        return None;
    }
    let mut days: Vec<(usize, usize, u8)> = Vec::new();
    let mut k = i;
    loop {
        if days.len() >= MAX_DAYS || !mung(k) || !ctx.same_line(k, k + 1) {
            return None;
        }
        let day = ctx.integer(k + 1, 2).and_then(day_of)?;
        if ctx.is(k + 2, "tết") && ctx.capital(k + 2) {
            days.push((k, k + 3, day));
            break;
        }
        days.push((k, k + 2, day));
        let sep = k + 2;
        if !(ctx.is_char(sep, ',') || ctx.is(sep, "và")) || !ctx.same_line(sep, sep + 1) {
            return None;
        }
        k = sep + 1;
    }
    if days.len() < 2 {
        return None;
    }
    let out = days
        .into_iter()
        .map(|(first, end, day)| {
            let mut v = Fields {
                day: Some(day),
                month: Some(1),
                lunar: true,
                ..Fields::default()
            };
            v.finish();
            (first, end, v)
        })
        .collect();
    Some(out)
}

/// A span of days after `ngày` (or `mùng`) at token `i`, the first written
/// as a day alone: `ngày 15 - 18/4/2017`, `ngày 15 đến 18/4`, `ngày 14 đến
/// hết ngày 22/2`, `mùng 8 đến mùng 12 tháng Ba âm lịch`, `mùng 8 đến hết
/// rằm tháng Giêng`. The first day takes the month and year (and the
/// calendar) of the last.
pub(super) fn day_span(ctx: &Ctx<'_>, i: usize) -> Option<Parsed> {
    let lunar_word = ctx.is(i, "mùng") || ctx.is(i, "mồng");
    if !(ctx.is(i, "ngày") || lunar_word)
        || !matches!(ctx.shape(i + 1), Some(NumberShape::Number(_)))
    {
        return None;
    }
    let day = ctx.integer(i + 1, 2).and_then(day_of)?;
    let j = i + 2;
    if !(ctx.is_dash(j) || ctx.is(j, "đến")) || !ctx.same_line(i, j + 1) {
        return None;
    }
    let mut k = j + 1;
    if ctx.is(j, "đến") && ctx.is(k, "hết") {
        k += 1;
    }
    // The last day: a day and month in one token, or a phrase of its own
    // (`ngày 22/2`, `mùng 12 tháng Ba âm lịch`).
    let (mut to, end) = match ctx.shape(k) {
        Some(NumberShape::DayMonth(_)) => (date_token(ctx, k, true)?, k + 1),
        Some(NumberShape::DayMonthYear(_)) => (date_token(ctx, k, false)?, k + 1),
        // (`rằm tháng Giêng`: the full moon, the month's fifteenth.)
        _ if ctx.is(k, "ngày")
            || ctx.is(k, "mùng")
            || ctx.is(k, "mồng")
            || (ctx.is(k, "rằm") && ctx.is(k + 1, "tháng")) =>
        {
            let mut p = point(ctx, k, true)?;
            lunar_marks(ctx, k, &mut p);
            match p.value {
                Value::Point(f) if !f.has_time() && f.relative.is_none() => (f, p.end),
                _ => return None,
            }
        }
        _ => return None,
    };
    if !ctx.same_line(i, end - 1) {
        return None;
    }
    let (month, to_day) = (to.month?, to.day?);
    if day >= to_day || !valid_day(to.year, month, day) {
        return None;
    }
    // (A lunar span said so only at its start: `mùng 8 đến 12 tháng Ba`
    // is as lunar as the day it shares the month with.)
    let lunar = to.lunar || (lunar_word && month_named_lunar(ctx, k, end));
    let mut from = calendar_day(to.year, month, day);
    if lunar {
        from.lunar = true;
        from.finish();
        to.lunar = true;
    }
    to.finish();
    Some(Parsed {
        value: Value::Range(FieldsRange { from, to }),
        end,
        strong: true,
    })
}

/// Whether tokens `k..end` name a month of the lunar calendar by word
/// (`tháng Giêng`, `tháng Chạp`).
fn month_named_lunar(ctx: &Ctx<'_>, k: usize, end: usize) -> bool {
    (k..end).any(|t| ctx.is(t, "giêng") || ctx.is(t, "chạp"))
}
