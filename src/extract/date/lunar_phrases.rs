//! The lunar calendar's phrases: days, months and years named by stem and
//! branch (`ngày Đinh Sửu tháng Bính Ngọ`, `năm Giáp Thìn`), `rằm`, `Tết
//! Nguyên đán`, and the marks that make a date lunar (`tháng Giêng`, `âm
//! lịch`). The calendar's arithmetic is in `lunar`.

use super::*;
use crate::extract::context::eq_lower;

/// The place in the sixty-year cycle of the stem and branch at `j`
/// (`Giáp Thìn`, `Đinh Dậu`).
pub(super) fn cyclic(ctx: &Ctx<'_>, j: usize) -> Option<u8> {
    let stem = ctx.which(j, word_keys!(lunar::STEMS))?;
    let branch = lunar::BRANCHES
        .iter()
        .position(|names| names.iter().any(|n| ctx.is(j + 1, n)))?;
    if !ctx.same_line(j, j + 1) {
        return None;
    }
    lunar::cycle_position(stem, branch)
}

/// A month named by stem and branch at `j` (`Bính Ngọ` of `tháng Bính
/// Ngọ`), into `v`: its place in the cycle and the lunar month its branch
/// names. The token after it.
pub(super) fn cyclic_month(ctx: &Ctx<'_>, j: usize, v: &mut Fields) -> Option<usize> {
    let place = cyclic(ctx, j)?;
    let branch = usize::from(place - 1) % 12;
    v.cycle_month = Some(place);
    v.month = lunar::month_of_branch(branch);
    v.lunar = true;
    Some(j + 2)
}

/// The year after a day or month named by stem and branch, if written:
/// `năm Giáp Thìn` or `năm 2024`. The token after what was read.
pub(super) fn cyclic_year_after(ctx: &Ctx<'_>, j: usize, v: &mut Fields) -> usize {
    if !ctx.is(j, "năm") || !ctx.same_line(j - 1, j) {
        return j;
    }
    if let Some(place) = cyclic(ctx, j + 1) {
        v.cycle_year = Some(place);
        return j + 3;
    }
    match year_token(ctx, j + 1) {
        Some(y) => {
            v.year = Some(y);
            j + 2
        }
        None => j,
    }
}

/// `rằm` at `j`: the fifteenth of a lunar month, with the month after it
/// (`rằm tháng Bảy`, `rằm tháng 8`) or alone (`đêm rằm`).
pub(super) fn full_moon(ctx: &Ctx<'_>, j: usize, v: &mut Fields) -> Option<Parsed> {
    v.day = Some(15);
    v.lunar = true;
    let mut end = j + 1;
    if ctx.is(end, "tháng") {
        let month = match ctx.integer(end + 1, 2).and_then(month_of) {
            Some(m) => Some((m, 1)),
            None => month_word(ctx, end + 1),
        };
        if let Some((m, len)) = month {
            v.month = Some(m);
            end += 1 + len;
        }
    }
    Some(Parsed {
        value: Value::Point(*v),
        end,
        strong: true,
    })
}

/// `Tết` at `j`: the lunar New Year, `Tết Nguyên đán`, with its year where
/// written (`Tết Nguyên đán 2024`, `Tết Giáp Thìn`, `Tết Nguyên đán năm
/// 2025`); `mùng 3 Tết` is read with the day before it.
pub(super) fn new_year(ctx: &Ctx<'_>, j: usize, v: &mut Fields) -> Option<Parsed> {
    let mut end = j + 1;
    let named = ctx.is(end, "nguyên") && ctx.is(end + 1, "đán");
    if named {
        end += 2;
    }
    let mut year_at = end;
    if ctx.is(year_at, "năm") {
        year_at += 1;
    }
    if let Some(place) = cyclic(ctx, year_at) {
        v.cycle_year = Some(place);
        end = year_at + 2;
    } else if let Some(y) = year_token(ctx, year_at).filter(|_| ctx.same_line(j, year_at)) {
        v.year = Some(y);
        end = year_at + 1;
    } else if !named {
        // `Tết` alone is the season as often as the day.
        return None;
    }
    v.lunar = true;
    v.month = Some(1);
    v.day = Some(v.day.unwrap_or(1));
    v.finish();
    Some(Parsed {
        value: Value::Point(*v),
        end,
        strong: true,
    })
}

/// Marks a date read at `start` as lunar when it says so: a month named
/// only in the lunar calendar (`tháng Giêng`, `tháng Chạp`), or `âm lịch`
/// (`(âm lịch)`, `ÂL`) after it, which the date then takes in.
pub(super) fn lunar_marks(ctx: &Ctx<'_>, start: usize, parsed: &mut Parsed) {
    let Value::Point(mut v) = parsed.value else {
        return;
    };
    if !v.has_date() || v.relative.is_some() {
        return;
    }
    let mut end = parsed.end;
    let lunar_month = (start..end).any(|k| ctx.which(k, word_keys!["giêng", "chạp"]).is_some());
    let said = |k: usize| {
        if ctx.is(k, "âm") && ctx.is(k + 1, "lịch") {
            Some(k + 2)
        } else if ctx.is(k, "âl") {
            Some(k + 1)
        } else {
            None
        }
    };
    let mut marked = said(end);
    if marked.is_none() && ctx.is_char(end, '(') {
        marked = said(end + 1)
            .filter(|&k| ctx.is_char(k, ')'))
            .map(|k| k + 1);
    }
    let marked = marked.filter(|&k| ctx.same_line(end.saturating_sub(1), k - 1));
    if let Some(k) = marked {
        end = k;
    }
    // A day and a month in words before another day in brackets, its
    // solar day: `mùng 10 tháng Ba (16/4)`. (The brackets are left to be
    // read as the solar date.)
    // (Or given again after `tức`, with its weekday: `mùng 1 tháng Mười,
    // tức thứ Hai (9/11)`.)
    let solar_at = if ctx.is_char(end, '(') && ctx.is_char(end + 2, ')') {
        Some(end + 1)
    } else {
        let said_again = end + usize::from(ctx.is_char(end, ','));
        ctx.is(said_again, "tức").then(|| {
            let k = said_again + 1;
            let k = weekday(ctx, k).map_or(k, |(_, e)| e);
            if ctx.is_char(k, '(') && ctx.is_char(k + 2, ')') {
                k + 1
            } else {
                k
            }
        })
    };
    // (The day in brackets first: most dates have none after them, and
    // their words are then not read again.)
    let solar_after = marked.is_none()
        && v.day.is_some()
        && solar_at.is_some()
        && (start..end).any(|k| ctx.is(k, "tháng") && ctx.integer(k + 1, 2).is_none())
        && solar_at.is_some_and(|s| {
            ctx.same_line(end.saturating_sub(1), s)
                && ctx.text_of(s).split_once('/').is_some_and(|(d, m)| {
                    let (d, m) = (d.parse::<u8>().ok(), m.parse::<u8>().ok());
                    d.is_some() && m.is_some() && (d, m) != (v.day, v.month)
                })
        });
    if !(v.lunar || lunar_month || marked.is_some() || solar_after) {
        return;
    }
    v.lunar = true;
    parsed.value = Value::Point(v);
    parsed.end = end;
}

/// The word of a month named in letters in `text` (`Chín` of `mùng 10
/// tháng Chín`); `None` for a month in digits (`tháng 9`).
fn month_named_in(text: &str) -> Option<&str> {
    // `tháng` in any case holds `á` (U+00E1) or `Á` (U+00C1), and no other
    // letter lowers to `á`: the word is found where one of them stands
    // between `th` and `ng` (in any case: no other letter lowers to these),
    // as a whole word between spaces, without the text being split into
    // words. A date without either (`ngày 2/9`) is passed over at once.
    let bytes = text.as_bytes();
    let found = bytes
        .windows(2)
        .enumerate()
        .filter(|(_, w)| matches!(w, [0xC3, 0xA1 | 0x81]))
        .find_map(|(at, _)| {
            let start = at.checked_sub(2)?;
            let end = at + 4;
            let word = bytes.get(start..end)?;
            let spelled = word.first()?.eq_ignore_ascii_case(&b't')
                && word.get(1)?.eq_ignore_ascii_case(&b'h')
                && word.get(4)?.eq_ignore_ascii_case(&b'n')
                && word.get(5)?.eq_ignore_ascii_case(&b'g');
            // (`th` and `ng` are ASCII: the word's ends are on characters'
            // boundaries.)
            let alone = spelled
                && text
                    .get(..start)?
                    .chars()
                    .next_back()
                    .is_none_or(char::is_whitespace)
                && text
                    .get(end..)?
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace);
            alone.then_some(end)
        });
    // The word after it, read as [`month_named_in_words`] reads it (test
    // builds check that they agree).
    let named = found.and_then(|end| {
        let next = text.get(end..)?.split_whitespace().next()?;
        month_word_of(next)
    });
    debug_assert_eq!(named, month_named_in_words(text));
    named
}

/// The letters a month's word starts with (`Chín` of `Chín,`); `None`
/// when it starts with no letter.
fn month_word_of(next: &str) -> Option<&str> {
    let end = next
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(next.len(), |(k, _)| k);
    next.get(..end).filter(|w| !w.is_empty())
}

/// [`month_named_in`], read word by word.
fn month_named_in_words(text: &str) -> Option<&str> {
    let mut words = text.split_whitespace();
    while let Some(w) = words.next() {
        if eq_lower(w, "tháng") {
            return month_word_of(words.next()?);
        }
    }
    None
}

/// Calls `f` on the dates of an entity's value: one, or a range's two ends.
fn each_date(kind: &mut EntityKind, mut f: impl FnMut(&mut DateValue)) {
    match kind {
        EntityKind::Date(d) | EntityKind::DateTime(DateTime { date: d, .. }) => f(d),
        EntityKind::DateRange(r) => {
            for m in [&mut r.from, &mut r.to] {
                if let Some(d) = m.date_mut() {
                    f(d);
                }
            }
        }
        _ => {}
    }
}

/// A month named in letters that the text once gives as lunar (`từ mùng
/// 10 đến 15 tháng Chín âm lịch`) is lunar wherever else the text names it
/// in the same word (`đêm 14 tháng Chín`), as a festival's programme
/// writes it. A month in digits keeps the solar calendar (`ngày 2/9`).
///
/// This gathers the words among the dates of `entities` (the text's, in any
/// order); [`LunarMonths::apply`] then makes lunar each date that names one,
/// so that the caller changes each date in one pass with what else it
/// completes.
pub(crate) fn months_named_lunar<'a, 'h: 'a>(
    entities: impl Iterator<Item = &'a Entity<'h>>,
) -> LunarMonths<'h> {
    // (The dates' own fields are read first: a month's word is looked for
    // only in the text of a date that has a month.)
    let mut words: Vec<&'h str> = Vec::new();
    for e in entities {
        if !has_lunar_month(&e.kind) {
            continue;
        }
        let Some(word) = month_named_in(e.text) else {
            continue;
        };
        if !words.iter().any(|w| eq_lower(w, &word.to_lowercase())) {
            words.push(word);
        }
    }
    LunarMonths { words }
}

/// The month words a text gives as lunar: see [`months_named_lunar`].
pub(crate) struct LunarMonths<'h> {
    words: Vec<&'h str>,
}

impl LunarMonths<'_> {
    /// Whether the text gives no month as lunar: then no date changes.
    pub(crate) fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Makes lunar the dates of `e`, if a solar date of it names its month
    /// in one of the words.
    pub(crate) fn apply(&self, e: &mut Entity<'_>) {
        if self.words.is_empty() || !any_date(&e.kind, |d| !d.lunar && d.month.is_some()) {
            return;
        }
        let Some(word) = month_named_in(e.text) else {
            return;
        };
        let lower = word.to_lowercase();
        if !self.words.iter().any(|w| eq_lower(w, &lower)) {
            return;
        }
        each_date(&mut e.kind, |d| {
            if d.month.is_some() && d.relative.is_none() {
                d.lunar = true;
            }
        });
    }
}

/// Whether `test` holds for a date of an entity's value: the one, or
/// either end of a range.
/// Whether a date of `kind` (the one, or either end of a range) is lunar
/// and has a month: the dates whose words [`months_named_lunar`] reads,
/// which the extractor marks as they are proposed.
pub(crate) fn has_lunar_month(kind: &EntityKind) -> bool {
    any_date(kind, |d| d.lunar && d.month.is_some())
}

fn any_date(kind: &EntityKind, test: impl Fn(&DateValue) -> bool) -> bool {
    match kind {
        EntityKind::Date(d) | EntityKind::DateTime(DateTime { date: d, .. }) => test(d),
        EntityKind::DateRange(r) => [&r.from, &r.to]
            .into_iter()
            .filter_map(Moment::date)
            .any(test),
        _ => false,
    }
}
