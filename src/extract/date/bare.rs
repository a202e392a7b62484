//! Days and years written without a date word, read as dates from what
//! stands around them: a bracket after a name (`Thái Lan (14/6)`), a
//! preposition at the end of a clause (`vào 20/11 tới`), the name of a day
//! kept (`lễ Quốc khánh 2/9`), a schedule line (`- 15.8: …`), a year after
//! what it is the year of (`SEA Games 2021`, `Luật Đất đai 2013`).

use super::*;

/// Whether a day and month at `j` with no date word before it is a date by
/// what stands around it:
///
/// - in brackets after a name, a weekday or a lunar date, alone or two
///   together: `Thái Lan (14/6)`, `âm lịch (6/4)`, `tháng Giêng (28/2 và
///   1/3)`;
/// - after `vào` or `tức`, or a deadline (`chậm nhất`), at the end of a
///   clause or before `tới`, `này`, …: `vào 20/11 tới`, `tức 15/3`;
/// - after `phiên`, or after `là`, `cùng`, `chót` in a clause that names a
///   day (`Ngày giao dịch không hưởng quyền là 14/10`), unless a count goes
///   on;
/// - after `cùng`, `đến`, `tới`, `sau`, `trước` and before a comma: `Cùng
///   11.6, …`;
/// - joined to a second day by a dash at the end of a clause: `30/4 - 1/5`;
/// - after the name of a day kept (`lễ Quốc khánh 2/9`, `ngày Nhà giáo Việt
///   Nam 20/11`);
/// - first on a line of a schedule, before a colon: `- 15.8: công bố …`.
///
/// `lớp 10/2`, `phòng 3.5`, `hẻm 12/4`, `6.5 điểm` and `1/3 dân số` have none
/// of these.
pub(super) fn bare_day_month(ctx: &Ctx<'_>, j: usize) -> bool {
    let Some(before) = j.checked_sub(1) else {
        return false;
    };
    // Two days in brackets, the solar days of a lunar date before them:
    // `tháng Giêng (28/2 và 1/3)`.
    let pair_in_brackets = (ctx.is(j + 1, "và") || ctx.is_char(j + 1, ','))
        && matches!(
            ctx.shape(j + 2),
            Some(NumberShape::DayMonth(Separator::Slash))
        )
        && ctx.is_char(j + 3, ')');
    // (The second of the two.)
    let second_in_brackets = j >= 3
        && (ctx.is(before, "và") || ctx.is_char(before, ','))
        && ctx.is_char(j + 1, ')')
        && ctx.is_char(j - 3, '(')
        && matches!(
            ctx.shape(j - 2),
            Some(NumberShape::DayMonth(Separator::Slash))
        );
    if second_in_brackets {
        return bare_day_month(ctx, j - 2);
    }
    // A second day after one in brackets: `Chủ nhật (25/10) và 1/11`.
    let after_bracketed = j >= 4
        && ctx.which(before, word_keys!["và", "hoặc"]).is_some()
        && ctx.is_char(j - 2, ')')
        && ctx.is_char(j - 4, '(')
        && matches!(ctx.shape(j - 3), Some(NumberShape::DayMonth(_)))
        && ctx.same_line(j - 4, j);
    if after_bracketed && clause_ends(ctx, j) && bare_day_month(ctx, j - 3) {
        return true;
    }
    if ctx.is_char(before, '(') && (ctx.is_char(j + 1, ')') || pair_in_brackets) {
        // With a dot it may be a decimal (`Môn Văn (6.5) cao nhất`): then
        // the clause must end or go on as a date does after the bracket.
        let dot = matches!(ctx.shape(j), Some(NumberShape::DayMonth(Separator::Dot)));
        // (After a lunar date, its solar day: `mùng 10 tháng Ba âm lịch
        // (6/4)`.)
        let lunar_before = before >= 2 && ctx.is(before - 1, "lịch") && ctx.is(before - 2, "âm");
        // (A name of two words capitalises its first only: `tiết Lập đông
        // (7/11)`.)
        let name_of_two = before >= 2
            && ctx.capital(before - 2)
            && ctx.kind(before - 1) == Some(TokenKind::Syllable(Casing::Lower))
            && ctx.same_line(before - 2, j);
        return before > 0
            && ctx.same_line(before - 1, j)
            && (ctx.capital(before - 1)
                || name_of_two
                || weekday_ends_at(ctx, before)
                || lunar_before)
            && (!dot || clause_ends(ctx, j + 1));
    }
    // `vào 20/11 tới`, a time given again in another zone or calendar
    // (`tức 15/3`), a deadline (`chậm nhất 15/12`, `hạn chót 19/11`).
    let deadline = before > 0
        && ((ctx.is(before, "nhất")
            && ctx
                .which(before - 1, word_keys!["chậm", "muộn", "trễ", "sớm"])
                .is_some())
            || (ctx.is(before, "chót") && ctx.is(before - 1, "hạn")));
    // (And a deadline's `hạn`: `tờ khai tháng 12 hạn 20/1,`.)
    if deadline || ctx.which(before, word_keys!["vào", "tức", "hạn"]).is_some() {
        return clause_ends(ctx, j);
    }
    // An occasion, or a holiday of two days: `dịp 30/4`, `kỳ nghỉ 30/4 -
    // 1/5 nên …`.
    if ctx.is(before, "dịp") {
        return true;
    }
    // A holiday's break: `trước kỳ nghỉ 2/9`, `đợt nghỉ lễ 30/4`.
    let holiday_break = before > 0
        && ((ctx.is(before, "nghỉ") && ctx.which(before - 1, word_keys!["kỳ", "đợt"]).is_some())
            || (ctx.is(before, "lễ") && ctx.is(before - 1, "nghỉ")));
    if holiday_break {
        return true;
    }
    // A trading session (`Phiên 12/11 có thanh khoản thấp nhất`), and the
    // value of a day named before it (`Ngày giao dịch không hưởng quyền là
    // 14/10,`, `ngày đăng ký cuối cùng là 19/11 để …`): a date unless a
    // count goes on (`phiên 1/3 số mã giảm`).
    let named = ctx
        .which(before, word_keys!["là", "cùng", "chót"])
        .is_some()
        && day_named_before(ctx, before);
    // The day named right before its value, at the end of a clause: `và
    // ngày thanh toán 26/2.`
    let value_of_day = ctx.kind(before) == Some(TokenKind::Syllable(Casing::Lower))
        && day_named_before(ctx, j)
        && clause_ends(ctx, j);
    if value_of_day {
        return true;
    }
    if named || ctx.is(before, "phiên") {
        let next = j + 1;
        return clause_ends(ctx, j)
            || !(ctx.shape(next).is_some()
                || ctx.is(next, "số")
                || crate::extract::quantity::counted(ctx, next));
    }
    // (`đến hết 30/11`: to the end of the day.)
    let until_end = before > 0
        && ctx.is(before, "hết")
        && ctx.which(before - 1, word_keys!["đến", "tới"]).is_some();
    if until_end
        || ctx
            .which(before, word_keys!["cùng", "đến", "tới", "sau", "trước"])
            .is_some()
    {
        // Before the end of a clause: `Cùng 11.6, …`, `trước 15/4.`; or
        // anywhere when its day is past its month, which no share of a
        // count is (`đặt chỗ trước 30/9 được giảm`, not `đến 1/3 số hộ`).
        let next = j + 1;
        return next >= ctx.len()
            || !ctx.same_line(j, next)
            || [",", ".", ";", ")"].contains(&ctx.text_of(next))
            || date_token(ctx, j, true).is_some_and(|d| d.day > d.month);
    }
    // Two days joined by a dash: `dịp nghỉ lễ 30/4 - 1/5`, at the end of
    // a clause or after a holiday's `nghỉ` or `lễ`.
    let joined = |k: usize| matches!(ctx.shape(k), Some(NumberShape::DayMonth(_)));
    let holiday = ctx.which(before, word_keys!["nghỉ", "lễ"]).is_some();
    if ctx.is_dash(j + 1)
        && joined(j + 2)
        && ctx.same_line(j, j + 2)
        && (holiday || clause_ends(ctx, j + 2))
    {
        return date_token(ctx, j + 2, true).is_some();
    }
    if kept_day_before(ctx, j) {
        return true;
    }
    // A schedule: the date opens its line after a dash or a bullet, and a
    // colon follows. Opening a line alone it must be followed by lower
    // case, since `4.1: Tỷ lệ …` numbers a section.
    if !ctx.is_char(j + 1, ':') {
        return false;
    }
    let bullet = matches!(ctx.text_of(before), "-" | "+" | "•" | "*")
        && (before == 0 || !ctx.same_line(before - 1, before));
    let bare = !ctx.same_line(before, j)
        && ctx.kind(j + 2) == Some(crate::tokenize::TokenKind::Syllable(Casing::Lower));
    bullet || bare
}

/// Whether the clause ending at token `end` opens with `ngày` (a day that
/// is named: `, ngày đăng ký cuối cùng`, `Ngày chốt danh sách cổ đông nhận
/// cổ tức là`), ten words at most, on one line, with no number between.
/// (`Số ca trong ngày so với tuần trước là 1/3` names no day.)
fn day_named_before(ctx: &Ctx<'_>, end: usize) -> bool {
    let mut k = end;
    for _ in 0..10 {
        let Some(prev) = k.checked_sub(1) else {
            return false;
        };
        if !ctx.same_line(prev, k) || !ctx.kind(prev).is_some_and(TokenKind::is_wordlike) {
            return false;
        }
        // (Or after a verb or a conjunction that opens a clause: `có ngày
        // giao dịch …`, `và ngày đăng ký …`.)
        if ctx.is(prev, "ngày") {
            return prev == 0
                || !ctx.same_line(prev - 1, prev)
                || !ctx.kind(prev - 1).is_some_and(TokenKind::is_wordlike)
                || ctx.which(prev - 1, word_keys!["có", "và", "còn"]).is_some();
        }
        k = prev;
    }
    false
}

/// Whether what follows the day and month at `j` ends the clause or goes on
/// as a date does (`vào 20/11 tới`, `… 30/4 - 1/5.`), not as a fraction of
/// a noun (`vào 1/3 số hộ`, `đạt 2/3 - 3/4 chỉ tiêu`).
pub(super) fn clause_ends(ctx: &Ctx<'_>, j: usize) -> bool {
    let next = j + 1;
    next >= ctx.len()
        || !ctx.same_line(j, next)
        || [",", ".", ";", ")", ":"].contains(&ctx.text_of(next))
        || ctx
            .which(
                next,
                word_keys![
                    "tới", "này", "vừa", "qua", "tại", "ở", "hằng", "hàng", "sắp", "và", "là",
                    "năm",
                ],
            )
            .is_some()
}

/// Whether a weekday ends right before token `end`: `(thứ Bảy, 14/6)` reads
/// its bracket from the weekday.
pub(super) fn weekday_ends_at(ctx: &Ctx<'_>, end: usize) -> bool {
    (end.saturating_sub(3)..end).any(|k| weekday(ctx, k).is_some_and(|(_, e)| e == end))
}

/// Whether the name of a day kept stands right before token `j`: `Quốc
/// khánh`, or `ngày`, `lễ`, `dịp`, `mừng` or `kỷ niệm` and a name with a
/// capital (`ngày Nhà giáo Việt Nam`, `dịp Quốc khánh`).
pub(super) fn kept_day_before(ctx: &Ctx<'_>, j: usize) -> bool {
    if j >= 2 && ctx.is(j - 2, "quốc") && ctx.is(j - 1, "khánh") {
        return true;
    }
    // Back over the words of the name, on one line, to the word that
    // introduces it (`Ngày Thế giới phòng chống đái tháo đường 14/11`:
    // eight words).
    let mut k = j;
    for _ in 0..10 {
        let Some(prev) = k.checked_sub(1) else {
            return false;
        };
        if !ctx.same_line(prev, k) {
            return false;
        }
        let word = ctx.kind(prev).is_some_and(TokenKind::is_wordlike);
        if !(word || ctx.is_dash(prev)) {
            return false;
        }
        let opens = ctx
            .which(prev, word_keys!["ngày", "lễ", "dịp", "mừng", "niệm"])
            .is_some();
        // The name runs up to the date: it ends in a capital (`Nhà giáo
        // Việt Nam 20/11`) or the clause ends after the date; `Trong ngày
        // Hà Nội ghi nhận thêm 1/3 số ca` names no day.
        if opens && k < j && ctx.capital(k) {
            return ctx.capital(j - 1) || clause_ends(ctx, j);
        }
        k = prev;
    }
    false
}

/// Whether the four digits at `j` are the year of what is named before them,
/// not a count: a name or an abbreviation (`SEA Games 2021`, `V-League
/// 2023`, `BLHS 2015`, `(SN 1982)`), a law or a code with its title (`Luật
/// Đất đai 2013`, `Bộ luật Hình sự 2015`, `Hiến pháp 2013`), a festival or a
/// census (`Tết Nguyên đán 2024`, `Tổng điều tra dân số 2019`), a season
/// (`mùa du lịch 2026`). A count keeps its noun (`2024 đại biểu`) and stays
/// a quantity.
pub(super) fn named_year(ctx: &Ctx<'_>, j: usize) -> bool {
    let plausible = year_token(ctx, j).is_some_and(|y| (1900..=2100).contains(&y));
    let Some(before) = j.checked_sub(1) else {
        return false;
    };
    if !plausible || !ctx.same_line(before, j) || crate::extract::quantity::counted(ctx, j + 1) {
        return false;
    }
    // A group of a telephone number (`Hotline 1900 9095`, `ĐT 0912 …`).
    let grouped = ctx.shape(j + 1).is_some() && ctx.same_line(j, j + 1);
    let phone = ctx
        .which(
            before,
            word_keys!["hotline", "fax", "đt", "tel", "đài", "thoại"],
        )
        .is_some();
    if grouped || phone {
        return false;
    }
    // A capitalised word right before (`SN`, `Games`, `V-League`); at the
    // start of a sentence only a name that is no plain syllable (`Khoảng
    // 2000 …`, `Hơn 1500 …` count).
    let starts_sentence = before == 0
        || !ctx.same_line(before - 1, before)
        || [".", "!", "?", ":", "(", "\"", "“"].contains(&ctx.text_of(before - 1));
    let plain_syllable = ctx.kind(before) == Some(TokenKind::Syllable(Casing::Title));
    if ctx.capital(before) && !(starts_sentence && plain_syllable) {
        return true;
    }
    // A short name in brackets after its name, the year after both:
    // `Lễ hội pháo hoa quốc tế Đà Nẵng (DIFF) 2027`.
    let bracketed_name = before >= 3
        && ctx.is_char(before, ')')
        && ctx.is_char(before - 2, '(')
        && ctx.capital(before - 1)
        && ctx.capital(before - 3)
        && ctx.same_line(before - 3, before);
    if bracketed_name {
        return true;
    }
    // A work's year in brackets after its quoted title: `phim “Gió Lào”
    // (2025)`, `“Cánh đồng hoang” (1979)`.
    let work_year = before >= 1
        && ctx.is_char(before, '(')
        && ctx.is_char(j + 1, ')')
        && ["”", "\""].contains(&ctx.text_of(before - 1))
        && ctx.same_line(before - 1, j + 1);
    if work_year {
        return true;
    }
    // A fiscal year (`năm tài chính 2025`, `tài khóa 2024`).
    let fiscal = (ctx.is(before, "chính")
        && before >= 2
        && ctx.is(before - 1, "tài")
        && ctx.is(before - 2, "năm"))
        || ((ctx.is(before, "khóa") || ctx.is(before, "khoá"))
            && before >= 1
            && ctx.is(before - 1, "tài"));
    if fiscal {
        return true;
    }
    // A year after another in a list after `năm`: `năm 2021 và 2022`,
    // `các năm 2019, 2020 và 2021`.
    // (Eight years at most: a longer list is a table's, and the walk back
    // stays short on any input.)
    let mut k = before;
    let stop = before.saturating_sub(16);
    while k >= 2
        && k > stop
        && (ctx.is(k, "và") || ctx.is(k, "hoặc") || ctx.is_char(k, ','))
        && year_token(ctx, k - 1).is_some_and(|y| (1900..=2100).contains(&y))
        && ctx.same_line(k - 2, k)
    {
        if ctx.is(k - 2, "năm") {
            return true;
        }
        k -= 2;
    }
    // A season and what it is of, two words at most: `mùa du lịch 2026`,
    // `mùa giải 2025`, `mùa vụ 2026`.
    // (And an admissions round, an exam or a tour, three words at most
    // between: `Tuyển sinh đại học 2027`, `kỳ thi tốt nghiệp THPT 2027`,
    // `lịch lưu diễn 2027`.)
    let season = (1..=3).any(|n| {
        j.checked_sub(n)
            .is_some_and(|k| ctx.is(k, "mùa") && ctx.same_line(k, j))
    }) || (2..=5).any(|n| {
        j.checked_sub(n).is_some_and(|k| {
            ctx.same_line(k, j)
                && ((ctx.is(k, "tuyển") && ctx.is(k + 1, "sinh"))
                    || (ctx.is(k, "kỳ") && ctx.is(k + 1, "thi"))
                    || (ctx.is(k, "lưu") && ctx.is(k + 1, "diễn")))
        })
    });
    if season {
        return true;
    }
    // The last words of a festival or a census, named with a capital.
    const TAILS: [[&str; 2]; 8] = [
        ["nguyên", "đán"],
        ["dương", "lịch"],
        ["âm", "lịch"],
        ["giáng", "sinh"],
        ["quốc", "khánh"],
        ["trung", "thu"],
        ["dân", "số"],
        ["nhà", "ở"],
    ];
    if before > 0
        && TAILS
            .iter()
            .any(|[a, b]| ctx.is(before - 1, a) && ctx.is(before, b))
    {
        return (before.saturating_sub(4)..before)
            .any(|k| ctx.capital(k) && ctx.same_line(k, before));
    }
    // Back over the title of a law or a code to its noun; a title may hold
    // two commas (`Luật Trật tự, an toàn giao thông đường bộ 2024`, `Luật
    // Phòng, chống tác hại của rượu, bia 2019`).
    let mut k = j;
    let mut commas = 0;
    for _ in 0..12 {
        let Some(prev) = k.checked_sub(1) else {
            return false;
        };
        if commas < 2 && k < j && ctx.is_char(prev, ',') {
            commas += 1;
            k = prev;
            continue;
        }
        if !ctx.same_line(prev, k) || !ctx.kind(prev).is_some_and(TokenKind::is_wordlike) {
            return false;
        }
        // `Luật`, `Bộ luật`, `Hiến pháp`, `Pháp lệnh`; not `Đại học Luật`.
        let code =
            prev > 0 && ctx.is(prev, "luật") && ctx.is(prev - 1, "bộ") && ctx.capital(prev - 1);
        let law = code
            || (ctx.capital(prev)
                && (ctx.is(prev, "luật") || ctx.is(prev, "hiến") || ctx.is(prev, "pháp"))
                && (prev == 0 || !ctx.is(prev - 1, "học")));
        if law {
            return true;
        }
        k = prev;
    }
    false
}
