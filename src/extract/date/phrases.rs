//! Phrases built around a number: `18 tháng 5 năm 2021`, `14 giờ 30 phút`,
//! `tháng 5-6/2021`, `6 tháng đầu năm 2024`, `2019 - 2023`, and a time
//! followed by its date.

use super::*;

pub(super) fn merge(v: &mut Fields, d: &Fields) {
    v.year = d.year.or(v.year);
    v.month = d.month.or(v.month);
    v.day = d.day.or(v.day);
}

/// The point `v` read up to token `end`, backed by what was written.
fn taken(v: &Fields, end: usize) -> Option<Parsed> {
    Some(Parsed {
        value: Value::Point(*v),
        end,
        strong: true,
    })
}

/// After a time at `j - 1`: an optional part of day, then an optional date
/// (`14h40 ngày 11/1`, `10 giờ 30 phút ngày 5/6/2024`).
pub(super) fn time_then_date(
    ctx: &Ctx<'_>,
    mut j: usize,
    t: Fields,
    v: &mut Fields,
) -> Option<Parsed> {
    // Nothing after a line break is the time's: `… từ 7h đến 19h` and
    // `Chiều qua (24/11), …` opening the next paragraph.
    let next_line = j > 0 && !ctx.same_line(j - 1, j);
    if let Some((pod, len)) = part_of_day_len(ctx, j).filter(|_| !next_line) {
        v.part_of_day = Some(pod);
        j += len;
    }
    let hour = t.hour?;
    v.hour = Some(hour24(hour, v.part_of_day));
    v.minute = t.minute;
    v.second = t.second;
    if next_line {
        return taken(v, j);
    }
    // `8h sáng nay`, `3 giờ chiều ngày mai`.
    let mut r = j;
    if ctx.is_char(r, ',') {
        r += 1;
    }
    // `4h sáng hôm sau`, `16:30 ngày hôm sau`: the day after the one the
    // text told of before, not after the reference date.
    let day_after = |k: usize| ctx.is(k, "hôm") && ctx.is(k + 1, "sau") && ctx.same_line(k, k + 1);
    let after = if day_after(r) {
        Some(r + 2)
    } else if ctx.is(r, "ngày") && day_after(r + 1) {
        Some(r + 3)
    } else {
        None
    };
    if let Some(end) = after.filter(|_| r == j) {
        v.relative = Some(Relative {
            unit: Granularity::Day,
            offset: 1,
            anchor: Anchor::Previous,
        });
        return taken(v, end);
    }
    if let Some((relative, mut end)) = relative_word(ctx, r, v.part_of_day.is_some() && r == j)
        .filter(|(rel, _)| rel.unit == Granularity::Day)
    {
        v.relative = Some(relative);
        // The day in brackets: `4h sáng nay (18/9)`.
        if ctx.is_char(end, '(') && ctx.is_char(end + 2, ')') {
            if let Some(d) = date_token(ctx, end + 1, true) {
                merge(v, &d);
                end += 3;
            }
        }
        return taken(v, end);
    }
    let mut k = j;
    if ctx.is_char(k, ',') {
        k += 1;
    }
    if ctx.is(k, "ngày") || ctx.is(k, "hôm") {
        let mut d = Fields::default();
        if let Some(Parsed {
            value: Value::Point(p),
            end,
            ..
        }) = core(ctx, k + 1, true, &mut d)
        {
            if p.has_date() && !p.has_time() {
                merge(v, &p);
                v.quarter = p.quarter;
                return taken(v, end);
            }
        }
    }
    // `8h30 thứ Bảy (15/3)`, `17h thứ Sáu tuần này`: a weekday and the
    // day it names.
    // (Right after it: `lúc 9h, thứ Hai …` starts a clause.)
    // (Not when a time follows the weekday: it would be read again, and
    // the reading could recurse over `5h thứ Hai 5h thứ Hai …`.)
    let after_weekday = weekday(ctx, k).map(|(_, e)| e + usize::from(ctx.is_char(e, ',')));
    let time_after = after_weekday.is_some_and(|e| {
        matches!(
            ctx.shape(e),
            Some(NumberShape::Time(_) | NumberShape::Number(_))
        )
    });
    if k == j && after_weekday.is_some() && ctx.same_line(j.saturating_sub(1), k) {
        let dated = (!time_after).then(|| point(ctx, k, true)).flatten();
        if let Some(Parsed {
            value: Value::Point(p),
            end,
            ..
        }) = dated
        {
            if !p.has_time() && p.part_of_day.is_none() {
                merge(v, &p);
                v.weekday = p.weekday;
                v.relative = p.relative;
                return taken(v, end);
            }
        } else if let Some((w, end)) = weekday(ctx, k) {
            // The weekday alone: `19h thứ Năm`.
            v.weekday = Some(w);
            return taken(v, end);
        }
    }
    // `14:40 11/01/2024`: a full date right after the time; after a part
    // of day a day and month will do (`3h30 sáng 27/5`), also in words
    // (`5h sáng 27 tháng Chạp`).
    let after_part = v.part_of_day.is_some() && k == j;
    // `2h sáng mùng 1 Tết`, `5 giờ mồng 3 tháng Giêng`: a day counted
    // with `mùng`, lunar where it says so.
    // (Only a plain day and `Tết` or `tháng` after it, or `rằm` and
    // `tháng`: no time is read again, so the reading cannot recurse.)
    // (And `7h sáng rằm tháng Bảy`, `19h30 ngày 29 Tết`: the full moon of
    // a month named after it, one of the last days before `Tết`.)
    let counted_day =
        ctx.integer(k + 1, 2).is_some() && (ctx.is(k + 2, "tết") || ctx.is(k + 2, "tháng"));
    let lunar_day = ((ctx.is(k, "mùng") || ctx.is(k, "mồng")) && counted_day)
        || (ctx.is(k, "rằm") && ctx.is(k + 1, "tháng"))
        || (ctx.is(k, "ngày")
            && ctx
                .integer(k + 1, 2)
                .is_some_and(|d| (23..=30).contains(&d))
            && ctx.is(k + 2, "tết")
            && ctx.capital(k + 2));
    if k == j && lunar_day && ctx.same_line(j.saturating_sub(1), k) {
        if let Some(Parsed {
            value: Value::Point(p),
            end,
            ..
        }) = point(ctx, k, true)
        {
            if p.day.is_some() && !p.has_time() {
                merge(v, &p);
                v.lunar = p.lunar;
                return taken(v, end);
            }
        }
    }
    let day_in_words = after_part
        && ctx.integer(k, 2).is_some()
        && ctx.is(k + 1, "tháng")
        && ctx.same_line(k, k + 2);
    if day_in_words {
        let mut d = Fields::default();
        if let Some(Parsed {
            value: Value::Point(p),
            end,
            ..
        }) = number_phrase(ctx, k, true, &mut d)
        {
            if p.day.is_some() && !p.has_time() {
                merge(v, &p);
                return taken(v, end);
            }
        }
    }
    if let Some(d) =
        date_token(ctx, k, true).filter(|d| d.day.is_some() && (d.year.is_some() || after_part))
    {
        merge(v, &d);
        return taken(v, k + 1);
    }
    Some(Parsed {
        value: Value::Point(*v),
        end: j,
        strong: true,
    })
}

/// After `tháng`: `5`, `5/2021`, `5 năm 2021`, `12.2023`, `5-6/2021`.
pub(super) fn month_phrase(ctx: &Ctx<'_>, j: usize, v: &mut Fields) -> Option<Parsed> {
    // A month in words stands alone where it can be nothing else: `tháng
    // giêng`, a name with a capital (`tháng Sáu`, `tháng Tư`), or after a
    // word that asks for a time (`vào tháng sáu`, `cuối tháng tư`) with no
    // count going on (`vào tháng sáu triệu đồng`). Otherwise it needs a
    // year (`tháng mười năm 2017`): `mỗi tháng một việc` is "one thing a
    // month".
    if let Some((m, len)) = month_word(ctx, j) {
        let before = j.checked_sub(2);
        let counted = before.is_some_and(|b| {
            ctx.which(
                b,
                word_keys!["mỗi", "hằng", "hàng", "mấy", "vài", "một", "các"],
            )
            .is_some()
        });
        let asked = before.is_some_and(|b| {
            ctx.which(
                b,
                word_keys![
                    "vào", "trong", "từ", "đến", "tới", "cuối", "đầu", "giữa", "hết", "sang"
                ],
            )
            .is_some()
        });
        let count_after = ctx.shape(j + len).is_some()
            || ctx
                .which(
                    j + len,
                    word_keys![
                        "triệu", "nghìn", "ngàn", "trăm", "mươi", "tỷ", "lần", "người"
                    ],
                )
                .is_some()
            || (crate::extract::quantity::counted(ctx, j + len) && !ctx.is(j + len, "năm"));
        let alone = ctx.is(j, "giêng")
            || ctx.is(j, "chạp")
            || (!counted && !count_after && (ctx.capital(j) || asked));
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
            let mut from = Fields {
                month: Some(m1),
                year,
                ..Fields::default()
            };
            let mut to = Fields {
                month: Some(m2),
                year,
                ..Fields::default()
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
                value: Value::Range(FieldsRange { from, to }),
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
pub(super) fn month_year(ctx: &Ctx<'_>, j: usize, v: &mut Fields) -> Option<Parsed> {
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
pub(super) fn range_token(ctx: &Ctx<'_>, j: usize, v: &Fields) -> Option<Parsed> {
    let text = ctx.text_of(j);
    let (left, right) = text.split_once('-')?;
    let lg = Groups::parse(left)?;
    let rg = Groups::parse(right)?;
    let mut from = Fields {
        part_of_day: v.part_of_day,
        weekday: v.weekday,
        ..Fields::default()
    };
    let mut to = Fields::default();
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
        // `14:15-15:30`: two times of day (across midnight too).
        (2, 2) if lg.sep(0) == b':' && rg.sep(0) == b':' => {
            let clock = |g: &Groups| {
                let (h, m) = (u8::try_from(g.val(0)).ok()?, u8::try_from(g.val(1)).ok()?);
                (g.len_of(1) == 2 && h <= 24 && m <= 59).then_some((h, m))
            };
            let ((fh, fm), (th, tm)) = (clock(&lg)?, clock(&rg)?);
            (from.hour, from.minute) = (Some(fh), Some(fm));
            (to.hour, to.minute) = (Some(th), Some(tm));
        }
        _ => return None,
    }
    from.finish();
    to.finish();
    Some(Parsed {
        value: Value::Range(FieldsRange { from, to }),
        end: j + 1,
        strong: true,
    })
}

/// A week of the year by its number at `j` (on `tuần`): `tuần 38`, `tuần
/// thứ 12 năm 2025`. A count of weeks or a rate is no week: `mỗi tuần 3
/// buổi`, `2 tuần 5 ngày`, `các tuần 3 và 4`.
pub(super) fn week_phrase(ctx: &Ctx<'_>, j: usize, v: &mut Fields) -> Option<Parsed> {
    let k = if ctx.is(j + 1, "thứ") { j + 2 } else { j + 1 };
    let week = ctx
        .integer(k, 2)
        .filter(|n| (1..=53).contains(n))
        .and_then(|n| u8::try_from(n).ok())?;
    let counted_before = j > 0
        && (ctx.shape(j - 1).is_some()
            || ctx
                .which(
                    j - 1,
                    word_keys![
                        "mỗi", "một", "hằng", "hàng", "các", "những", "mấy", "vài", "nhiều",
                    ],
                )
                .is_some());
    if counted_before || !ctx.same_line(j, k) {
        return None;
    }
    let mut end = k + 1;
    let of = if ctx.is(end, "của") { end + 1 } else { end };
    let year = ctx.is(of, "năm").then(|| year_token(ctx, of + 1)).flatten();
    if let Some(year) = year {
        v.year = Some(year);
        end = of + 2;
    } else if ctx
        .which(
            of,
            word_keys!["tháng", "ngày", "buổi", "lần", "giờ", "tiếng", "ca"],
        )
        .is_some()
        || crate::extract::quantity::counted(ctx, end)
    {
        // `tuần 1 của tháng` is a week of a month; `tuần 3 buổi` a rate.
        return None;
    }
    v.week = Some(week);
    Some(Parsed {
        value: Value::Point(*v),
        end,
        strong: true,
    })
}

/// A season or a school year written as a ratio of two years that follow
/// one another: `mùa giải 2025/26`, `V.League 2024/25`, `năm học
/// 2025/2026`. Any other ratio (`71/72`, `2025/2030`, `số 2025/26`, `1999/2000
/// hồ sơ`) is left to the quantities.
pub(super) fn season(ctx: &Ctx<'_>, j: usize) -> Option<Parsed> {
    let (left, right) = ctx.text_of(j).split_once('/')?;
    if left.len() != 4 || !matches!(right.len(), 2 | 4) {
        return None;
    }
    let from: i32 = left.parse().ok()?;
    let to: i32 = right.parse().ok()?;
    let next = from + 1;
    let follows = if right.len() == 2 {
        to == next % 100
    } else {
        to == next
    };
    let numbered = j > 0 && ctx.is(j - 1, "số");
    if !(1900..2100).contains(&from)
        || !follows
        || numbered
        || crate::extract::quantity::counted(ctx, j + 1)
    {
        return None;
    }
    let year = |y: i32| {
        let mut f = Fields {
            year: Some(y),
            ..Fields::default()
        };
        f.finish();
        f
    };
    Some(Parsed {
        value: Value::Range(FieldsRange {
            from: year(from),
            to: year(next),
        }),
        end: j + 1,
        strong: true,
    })
}

/// Phrases that start with a plain number: `18 tháng 5 năm 2021`,
/// `14 giờ 30 phút`, `6 tháng đầu năm 2024`, `2019 - 2023`, and the first
/// day of `từ 10 đến 12.5`.
pub(super) fn number_phrase(
    ctx: &Ctx<'_>,
    j: usize,
    trigger: bool,
    v: &mut Fields,
) -> Option<Parsed> {
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
            // After `vào`, `đến`, `từ` … a day and its month stand alone
            // (`vào 28 tháng Chạp`, `vào 28 tháng 12.`); a month not
            // written as a name must then end the clause, since `tháng`
            // also counts (`đến 6 tháng 12 ngày`, `tới 5 tháng một lần`).
            // (`tháng Giêng` and `tháng Chạp` name no count: `chậm nhất 25
            // tháng Chạp`.)
            // (Nor a month in words that `âm lịch` follows: `ngày vía 19
            // tháng Hai âm lịch`.)
            let said_lunar = ctx.capital(j + 2) && ctx.is(end, "âm") && ctx.is(end + 1, "lịch");
            let lunar_name = ctx.is(j + 2, "giêng") || ctx.is(j + 2, "chạp") || said_lunar;
            let cued = lunar_name
                || (super::cue_before(ctx, j)
                    && (ctx.capital(j + 2) || super::bare::clause_ends(ctx, end - 1)));
            if (trigger || year.is_some() || cued) && valid_day(year, m, d) {
                v.day = Some(d);
                v.month = Some(m);
                v.year = year;
                return taken(v, end);
            }
        }
        // `6 tháng đầu năm 2024`: the first (or last) months of a year.
        let first = ctx.is(j + 2, "đầu");
        if (first || ctx.is(j + 2, "cuối")) && ctx.is(j + 3, "năm") && (1..=12).contains(&n) {
            let year = year_token(ctx, j + 4);
            let m = u8::try_from(n).ok()?;
            let (m1, m2) = if first { (1, m) } else { (13 - m, 12) };
            let mut from = Fields {
                year,
                month: Some(m1),
                ..Fields::default()
            };
            let mut to = Fields {
                year,
                month: Some(m2),
                ..Fields::default()
            };
            from.finish();
            to.finish();
            return Some(Parsed {
                value: Value::Range(FieldsRange { from, to }),
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

/// `N giờ` at `j` (the hour `n`), its minutes from `end` on, then a part of
/// day and a date.
pub(super) fn clock(
    ctx: &Ctx<'_>,
    j: usize,
    mut end: usize,
    n: u32,
    trigger: bool,
    v: &mut Fields,
) -> Option<Parsed> {
    {
        let mut t = Fields {
            hour: u8::try_from(n).ok(),
            ..Fields::default()
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
            } else if !matches!(ctx.kind(end + 1), Some(TokenKind::Syllable(Casing::Lower)))
                || part_of_day(ctx, end + 1).is_some()
                || weekday(ctx, end + 1).is_some()
                || ctx
                    .which(
                        end + 1,
                        word_keys![
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
        // A length of time, not a time of day: after `mất`, `trong`,
        // `suốt`, a delay's `chậm`, `trễ`, `muộn` … (past a hedge: `mất khoảng 1 giờ 40 phút`, `mất thêm
        // chừng 1 giờ 30 phút`), or before `sau`, `nữa` (`khoảng 1 giờ 2
        // phút sau khi rời bệ`).
        // (A bound of two words is a hedge too: `kéo dài tối đa 2 giờ 30
        // phút`, `ít nhất 1 giờ`.)
        let mut before = j.checked_sub(1);
        for _ in 0..2 {
            let hedge = before.is_some_and(|b| {
                ctx.which(b, word_keys!["khoảng", "chừng", "thêm", "ước", "tầm", "độ"])
                    .is_some()
            });
            let bound = before.is_some_and(|b| {
                b > 0
                    && ((ctx.is(b - 1, "tối") && ctx.which(b, word_keys!["đa", "thiểu"]).is_some())
                        || (ctx.is(b, "nhất")
                            && ctx.which(b - 1, word_keys!["ít", "nhiều"]).is_some()))
            });
            if bound {
                before = before.and_then(|b| b.checked_sub(2));
            } else if hedge {
                before = before.and_then(|b| b.checked_sub(1));
            } else {
                break;
            }
        }
        let duration = before.is_some_and(|b| {
            ctx.which(
                b,
                word_keys![
                    "trong", "mất", "sau", "dài", "gần", "hơn", "suốt", "còn", "chậm", "trễ",
                    "muộn", "dừng", "ngừng", "chờ", "đợi", "tắc", "kẹt",
                ],
            )
            .is_some()
        }) || ctx.which(end, word_keys!["sau", "nữa"]).is_some();
        // `trước 24 giờ` counts a day of hours: midnight is written with
        // its date (`24 giờ ngày 31/12`).
        let whole_day = t.hour == Some(24) && t.minute.is_none() && !ctx.is(end, "ngày");
        // (But a late hour after `sau` that ends its clause is the clock's:
        // `sạc xe sau 22 giờ.`)
        let late = super::late_hour_after_sau(ctx, j.checked_sub(1), end, || t.hour);
        if (duration || whole_day) && !followed && !trigger && !late {
            return None;
        }
        if !(followed || trigger || late || cue_before(ctx, j) || t.minute.is_some()) {
            return None;
        }
        time_then_date(ctx, end, t, v)
    }
}

/// The rest of [`number_phrase`]: year ranges and `từ 10 đến 12.5`.
pub(super) fn number_phrase_rest(
    ctx: &Ctx<'_>,
    j: usize,
    n: u32,
    short: bool,
    trigger: bool,
    v: &mut Fields,
) -> Option<Parsed> {
    // `2019 - 2023`: two years joined by a dash; or by `đến` after `từ`
    // at the end of a clause (`hoạt động từ 2019 đến 2023,`), where no
    // count goes on (`từ 2000 đến 3000 đồng`).
    let from_to = trigger
        && j > 0
        && ctx.is(j - 1, "từ")
        && ctx.which(j + 1, word_keys!["đến", "tới"]).is_some()
        && super::bare::clause_ends(ctx, j + 2);
    if ctx.text_of(j).len() == 4 && (ctx.is_dash(j + 1) || from_to) {
        let b = year_token(ctx, j + 2)?;
        let a = i32::try_from(n).ok()?;
        if (1900..=2100).contains(&a) && a < b && b <= 2100 {
            let mut from = Fields {
                year: Some(a),
                ..Fields::default()
            };
            let mut to = Fields {
                year: Some(b),
                ..Fields::default()
            };
            from.finish();
            to.finish();
            return Some(Parsed {
                value: Value::Range(FieldsRange { from, to }),
                end: j + 3,
                strong: true,
            });
        }
        return None;
    }
    // `đêm 14 âm lịch`, `ngày 1 ÂL`: a day of every lunar month, or of one
    // the text gave before. (The lunar marks take in `âm lịch`.)
    let lunar_said = (ctx.is(j + 1, "âm") && ctx.is(j + 2, "lịch")) || ctx.is(j + 1, "âl");
    if short && trigger && lunar_said && ctx.same_line(j, j + 1) {
        v.day = Some(day_of(n).filter(|&d| d <= 30)?);
        v.lunar = true;
        return taken(v, j + 1);
    }
    // `trước ngày 20 hằng tháng`, `ngày 5 mỗi tháng`: a day of every
    // month.
    let monthly = ctx
        .which(j + 1, word_keys!["hằng", "hàng", "mỗi"])
        .is_some()
        && ctx.is(j + 2, "tháng")
        && ctx.same_line(j, j + 2);
    if short && trigger && monthly && j > 0 && ctx.is(j - 1, "ngày") {
        v.day = Some(day_of(n)?);
        return taken(v, j + 1);
    }
    // `từ 10 đến 12.5`: a bare day, completed by the range.
    // `từ ngày 10 đến ngày 12/5` writes `ngày` again before the second end.
    // (`Từ 28 đến hết 30/10`: to the end of the second day.)
    if short && trigger && (ctx.is(j + 1, "đến") || ctx.is(j + 1, "tới")) {
        let k = j + 2 + usize::from(ctx.is(j + 2, "hết"));
        // (And a part of the day before it: `từ đêm 12 đến sáng 14/11`.)
        let k = k + part_of_day_len(ctx, k).map_or(0, |(_, len)| len);
        let k = if ctx.is(k, "ngày") { k + 1 } else { k };
        // The second day as a token (`12.5`) or in words (`13 tháng
        // Giêng`).
        // (A day in words goes straight to its month: no range is read
        // again, so the reading cannot recurse.)
        let second = date_token(ctx, k, true).or_else(|| {
            if !ctx.is(k + 1, "tháng") {
                return None;
            }
            let mut d = Fields::default();
            match number_phrase(ctx, k, true, &mut d)?.value {
                Value::Point(p) if p.day.is_some() && !p.has_time() => Some(p),
                _ => None,
            }
        })?;
        v.day = Some(day_of(n)?);
        if v.day >= second.day {
            return None;
        }
        v.month = second.month;
        v.lunar = second.lunar;
        return Some(Parsed {
            value: Value::Point(*v),
            end: j + 1,
            strong: false,
        });
    }
    None
}
