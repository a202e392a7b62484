//! The values of dates and times: the fields the text gave, a granularity,
//! and what a reference date lets the extractor assume.

/// How precise a date or time is: its smallest given field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Granularity {
    /// `năm 2023`.
    Year,
    /// `quý I/2024`.
    Quarter,
    /// `tháng 5/2021`.
    Month,
    /// `tuần trước`: a week relative to the reference date.
    Week,
    /// `18.5.2021`.
    Day,
    /// `8h sáng`.
    Hour,
    /// `14:40`.
    Minute,
    /// `08:41:40`.
    Second,
}

/// A part of the day, as a field of a date or time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum PartOfDay {
    /// `sáng`.
    Morning,
    /// `trưa`.
    Noon,
    /// `chiều`.
    Afternoon,
    /// `tối`.
    Evening,
    /// `đêm`, `khuya`.
    Night,
}

/// A day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Weekday {
    /// `Thứ hai`, `thứ 2`.
    Monday,
    /// `Thứ ba`.
    Tuesday,
    /// `Thứ tư`.
    Wednesday,
    /// `Thứ năm`.
    Thursday,
    /// `Thứ sáu`.
    Friday,
    /// `Thứ bảy`.
    Saturday,
    /// `Chủ nhật`.
    Sunday,
}

impl Weekday {
    /// Days from Monday: 0 for Monday, 6 for Sunday.
    pub(super) fn days_after_monday(self) -> i64 {
        match self {
            Weekday::Monday => 0,
            Weekday::Tuesday => 1,
            Weekday::Wednesday => 2,
            Weekday::Thursday => 3,
            Weekday::Friday => 4,
            Weekday::Saturday => 5,
            Weekday::Sunday => 6,
        }
    }

    pub(super) const ALL: [Weekday; 7] = [
        Weekday::Sunday,
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
    ];

    /// The weekday of a day of the proleptic Gregorian calendar, or `None`
    /// when the date does not exist.
    ///
    /// ```
    /// use vitext::extract::Weekday;
    /// assert_eq!(Weekday::of(2024, 1, 11), Some(Weekday::Thursday));
    /// assert_eq!(Weekday::of(2023, 2, 29), None);
    /// ```
    pub fn of(year: i32, month: u8, day: u8) -> Option<Weekday> {
        if day == 0 || day > days_in_month(year, month)? {
            return None;
        }
        // Sakamoto's method, in i64 so that no year overflows.
        const T: [i64; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
        let year = i64::from(year);
        let y = if month < 3 { year - 1 } else { year };
        let t = *T.get(usize::from(month).checked_sub(1)?)?;
        let w = (y + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400) + t + i64::from(day))
            .rem_euclid(7);
        Weekday::ALL.get(usize::try_from(w).ok()?).copied()
    }
}

/// The number of days in a month, or `None` for a month outside 1–12.
pub(super) fn days_in_month(year: i32, month: u8) -> Option<u8> {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    })
}

/// A calendar date, whole or partial: the fields the text gave. A time of
/// day is a [`TimeOfDay`], and a date with a time a [`DateTime`]: a date
/// has no hour, and a time no year.
///
/// ```
/// use vitext::extract::{Extractor, EntityKind, Granularity, PartOfDay};
///
/// let found = Extractor::default().extract("Sáng 10.1, hội nghị khai mạc.");
/// let EntityKind::Date(date) = &found[0].kind else { panic!() };
/// assert_eq!((date.year, date.month, date.day), (None, Some(1), Some(10)));
/// assert_eq!(date.part_of_day, Some(PartOfDay::Morning));
/// assert_eq!(date.granularity, Some(Granularity::Day));
/// ```
///
/// # What the extractor reads
///
/// Dates, times, date-times and ranges in the forms of Vietnamese news. A
/// value keeps only the fields the text gave: `năm 2023` has a year and
/// nothing else, `Sáng 10.1` a day, a month and a part of day. The year of a
/// partial date may then be *assumed* from a reference date (the caller's,
/// or the article's dateline), in [`DateValue::assumed_year`], never in
/// [`DateValue::year`]; the clock is never read.
///
/// Relative dates (`hôm qua`, `ngày mai`, `sáng nay`, `tối qua`, `tháng
/// trước`, `năm ngoái`, `năm nay`) carry a [`Relative`] offset; with a
/// reference date, the extractor fills [`DateValue::assumed_year`],
/// [`DateValue::assumed_month`] and [`DateValue::assumed_day`], and without
/// one it leaves them empty. A week relative to the reference (`tuần
/// trước`) is assumed as its Monday, and a weekday of it (`thứ 5 tuần
/// trước`) as that day; a weekday relative to today (`thứ ba tới`) is not
/// read.
///
/// A day and a month without a year (`10.1`, `6/2`, `5-10`) is read as a date
/// only after a date word: `ngày`, `hôm`, `mồng`, a part of day (`sáng`,
/// `chiều`, …) or a weekday. `Thứ năm` alone is a weekday and no year
/// (`năm` is both "five" and "year"), and a weekday names no date without one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct DateValue {
    /// The year, when written.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub year: Option<i32>,
    /// The quarter (1–4), when written: `quý I/2024`.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub quarter: Option<u8>,
    /// The month (1–12), when written.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub month: Option<u8>,
    /// The week of the year (1–53), when written: `tuần 38`, `tuần thứ
    /// 12 năm 2025`. Health and market reports number weeks so; the days
    /// a week covers vary with the reporting body, so none are assumed.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub week: Option<u8>,
    /// The day of the month, when written.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub day: Option<u8>,
    /// The part of the day, when written with no hour: `Sáng 10.1`.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub part_of_day: Option<PartOfDay>,
    /// The offset from UTC in minutes, when written with no hour: a
    /// dateline's `11/1/2024 (GMT+7)` is 420.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub utc_offset_minutes: Option<i16>,
    /// The weekday, when written.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub weekday: Option<Weekday>,
    /// Whether the written weekday agrees with the date (with its year
    /// written or assumed); `None` when there is nothing to check.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub weekday_matches: Option<bool>,
    /// A date given relative to the reference date: `hôm qua` is one day
    /// before it, `năm ngoái` one year.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub relative: Option<Relative>,
    /// For a date with a month but no year: the year of the reference date
    /// (the caller's, or the article's dateline); for a relative date, the
    /// year it falls in. Never from the clock.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub assumed_year: Option<i32>,
    /// For a relative date of month or day granularity: its month, from the
    /// reference date.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub assumed_month: Option<u8>,
    /// For a relative date of day granularity: its day, from the reference
    /// date.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub assumed_day: Option<u8>,
    /// The smallest field given: a year, quarter, month, week or day.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub granularity: Option<Granularity>,
    /// Whether the day and month are of the lunar calendar: `mùng 5 tháng
    /// Giêng`, `rằm tháng Bảy`, `tháng 8 âm lịch`, `Tết Nguyên đán`.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "core::ops::Not::not", default)
    )]
    pub lunar: bool,
    /// The place of a year named by stem and branch in the sixty-year
    /// cycle (1 = `Giáp Tý`, 41 = `Giáp Thìn`); its year is then assumed
    /// from the reference date ([`DateValue::assumed_year`]).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub cycle_year: Option<u8>,
    /// The place in the sixty-day cycle of a day named by stem and branch
    /// (`ngày Đinh Sửu`: 14). With the lunar month and year known, it gives
    /// the solar day ([`DateValue::solar`]).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub cycle_day: Option<u8>,
    /// The place in the sixty-month cycle of a month named by stem and
    /// branch (`tháng Bính Ngọ`: 43); its branch gives the lunar month
    /// ([`DateValue::month`]: Ngọ is the fifth).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub cycle_month: Option<u8>,
    /// For a lunar date whose year is written or assumed: the solar day it
    /// falls on (`Tết Nguyên đán 2024` is 2024-02-10).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub solar: Option<SolarDate>,
}

/// A day of the (proleptic Gregorian) solar calendar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct SolarDate {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month.
    pub day: u8,
}

/// A time of day: an hour always, the rest as written. Hours are on the
/// 24-hour clock: `8 giờ tối` has hour 20 and part of day
/// [`PartOfDay::Evening`].
///
/// ```
/// use vitext::extract::{EntityKind, Granularity, extract};
///
/// let found = extract("Đúng 14:40, đoàn xe lăn bánh.");
/// let EntityKind::Time(time) = &found[0].kind else { panic!() };
/// assert_eq!((time.hour, time.minute), (14, Some(40)));
/// assert_eq!(time.granularity(), Granularity::Minute);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct TimeOfDay {
    /// The hour, 0–24.
    pub hour: u8,
    /// The minute, when written.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub minute: Option<u8>,
    /// The second, when written.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub second: Option<u8>,
    /// The part of the day, when written: `8 giờ tối`.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub part_of_day: Option<PartOfDay>,
    /// The offset from UTC in minutes, when written: `(GMT+7)` is 420.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub utc_offset_minutes: Option<i16>,
}

impl TimeOfDay {
    /// The smallest field given: [`Granularity::Hour`],
    /// [`Minute`](Granularity::Minute) or [`Second`](Granularity::Second).
    pub fn granularity(&self) -> Granularity {
        if self.second.is_some() {
            Granularity::Second
        } else if self.minute.is_some() {
            Granularity::Minute
        } else {
            Granularity::Hour
        }
    }
}

/// A date with a time of day: `11/01/2024 14:40`, `14h40 ngày 11/1`.
///
/// ```
/// use vitext::extract::{EntityKind, extract};
///
/// let found = extract("Lúc 14h40 ngày 11/1/2024, vụ việc xảy ra.");
/// let EntityKind::DateTime(at) = &found[0].kind else { panic!() };
/// assert_eq!((at.date.year, at.date.month, at.date.day), (Some(2024), Some(1), Some(11)));
/// assert_eq!((at.time.hour, at.time.minute), (14, Some(40)));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct DateTime {
    /// The day (or month, or relative day: `sáng nay`).
    pub date: DateValue,
    /// The time on it.
    pub time: TimeOfDay,
}

/// One end of a [`DateRange`]: a date, a time, or both.
///
/// ```
/// use vitext::extract::{EntityKind, Moment, extract};
///
/// // Each end carries its own date: from 15 July to 5 pm on 23 July.
/// let found = extract("Triển lãm mở cửa từ 15.7 đến 17 giờ ngày 23.7.");
/// let EntityKind::DateRange(range) = &found[0].kind else { panic!() };
/// assert!(matches!(range.from, Moment::Date(_)));
/// assert!(matches!(range.to, Moment::DateTime(_)));
/// assert_eq!(range.from.date().and_then(|d| d.day), Some(15));
/// assert_eq!(range.to.time().map(|t| t.hour), Some(17));
/// assert_eq!(range.from.time(), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Moment {
    /// `2019`, `10/5`.
    Date(DateValue),
    /// `7h30`.
    Time(TimeOfDay),
    /// `17 giờ ngày 23.7`.
    #[cfg_attr(feature = "serde", serde(rename = "datetime"))]
    DateTime(DateTime),
}

impl Moment {
    /// The calendar part, for a date or a date-time.
    pub fn date(&self) -> Option<&DateValue> {
        match self {
            Moment::Date(d) | Moment::DateTime(DateTime { date: d, .. }) => Some(d),
            Moment::Time(_) => None,
        }
    }

    /// The time of day, for a time or a date-time.
    pub fn time(&self) -> Option<&TimeOfDay> {
        match self {
            Moment::Time(t) | Moment::DateTime(DateTime { time: t, .. }) => Some(t),
            Moment::Date(_) => None,
        }
    }

    pub(super) fn date_mut(&mut self) -> Option<&mut DateValue> {
        match self {
            Moment::Date(d) | Moment::DateTime(DateTime { date: d, .. }) => Some(d),
            Moment::Time(_) => None,
        }
    }
}

/// What the recognizer has read of a date or time: every field the forms
/// of news give, before it is known which kind of value they make
/// ([`Fields::moment`]). What only a reference date gives (assumed fields,
/// the solar day of a lunar date, whether the weekday agrees) is filled in
/// the public value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Fields {
    pub year: Option<i32>,
    pub quarter: Option<u8>,
    pub month: Option<u8>,
    pub week: Option<u8>,
    pub day: Option<u8>,
    pub hour: Option<u8>,
    pub minute: Option<u8>,
    pub second: Option<u8>,
    pub part_of_day: Option<PartOfDay>,
    pub utc_offset_minutes: Option<i16>,
    pub weekday: Option<Weekday>,
    pub relative: Option<Relative>,
    /// The smallest field given, a time's included.
    pub granularity: Option<Granularity>,
    pub lunar: bool,
    pub cycle_year: Option<u8>,
    pub cycle_day: Option<u8>,
    pub cycle_month: Option<u8>,
}

impl Fields {
    /// Whether the value has a calendar part (year, quarter, month, week or
    /// day).
    pub fn has_date(&self) -> bool {
        self.year.is_some()
            || self.quarter.is_some()
            || self.month.is_some()
            || self.week.is_some()
            || self.day.is_some()
            || self.relative.is_some()
            || self.cycle_year.is_some()
            || self.cycle_day.is_some()
    }

    /// Whether the value has a time of day.
    pub fn has_time(&self) -> bool {
        self.hour.is_some()
    }

    pub fn finish(&mut self) {
        self.granularity = match self.hour {
            Some(hour) => Some(
                TimeOfDay {
                    hour,
                    minute: self.minute,
                    second: self.second,
                    ..TimeOfDay::default()
                }
                .granularity(),
            ),
            None => self.calendar_granularity(),
        };
    }

    /// The smallest calendar field given.
    fn calendar_granularity(&self) -> Option<Granularity> {
        if self.day.is_some() || self.cycle_day.is_some() {
            Some(Granularity::Day)
        } else if self.week.is_some() {
            Some(Granularity::Week)
        } else if self.month.is_some() {
            Some(Granularity::Month)
        } else if self.quarter.is_some() {
            Some(Granularity::Quarter)
        } else if self.year.is_some() || self.cycle_year.is_some() {
            Some(Granularity::Year)
        } else {
            // A weekday of a relative week names a day.
            self.relative.map(|r| match (r.unit, self.weekday) {
                (Granularity::Week, Some(_)) => Granularity::Day,
                (unit, _) => unit,
            })
        }
    }

    /// The value the fields make: a date, a time (an hour and no other
    /// field of a day) or both.
    pub fn moment(&self) -> Moment {
        let time = self.hour.map(|hour| TimeOfDay {
            hour,
            minute: self.minute,
            second: self.second,
            part_of_day: self.part_of_day,
            utc_offset_minutes: self.utc_offset_minutes,
        });
        let mut date = DateValue {
            year: self.year,
            quarter: self.quarter,
            month: self.month,
            week: self.week,
            day: self.day,
            // A part of day or an offset with an hour is the time's.
            part_of_day: self.part_of_day.filter(|_| time.is_none()),
            utc_offset_minutes: self.utc_offset_minutes.filter(|_| time.is_none()),
            weekday: self.weekday,
            weekday_matches: None,
            relative: self.relative,
            assumed_year: None,
            assumed_month: None,
            assumed_day: None,
            granularity: self.calendar_granularity(),
            lunar: self.lunar,
            cycle_year: self.cycle_year,
            cycle_day: self.cycle_day,
            cycle_month: self.cycle_month,
            solar: None,
        };
        date.fill_solar();
        date.check_weekday();
        // A weekday or a cyclic month with an hour is a date-time too:
        // nothing the text gave is dropped.
        let dated = self.has_date() || self.weekday.is_some() || self.cycle_month.is_some();
        match time {
            Some(time) if dated => Moment::DateTime(DateTime { date, time }),
            Some(time) => Moment::Time(time),
            None => Moment::Date(date),
        }
    }
}

impl DateValue {
    /// The year written, or else the assumed one.
    pub fn year_or_assumed(&self) -> Option<i32> {
        self.year.or(self.assumed_year)
    }

    /// Sets [`weekday_matches`](Self::weekday_matches) from the fields.
    pub(crate) fn check_weekday(&mut self) {
        let month = self.month.or(self.assumed_month);
        let day = self.day.or(self.assumed_day);
        self.weekday_matches = match (self.weekday, self.year_or_assumed(), month, day) {
            // A lunar date's weekday is that of its solar day.
            (Some(w), _, _, _) if self.lunar => self
                .solar
                .map(|s| Weekday::of(s.year, s.month, s.day) == Some(w)),
            (Some(w), Some(y), Some(m), Some(d)) => Some(Weekday::of(y, m, d) == Some(w)),
            _ => None,
        };
    }

    /// Completes the value from `reference`: the year of a date with a month
    /// and no year, and the calendar fields of a relative date.
    pub(crate) fn assume(&mut self, reference: &DateValue) {
        if let Some(rel) = self.relative {
            if rel.anchor == Anchor::Reference {
                self.assume_relative(rel, reference);
            }
        } else if let (None, Some(place), Some(year)) = (self.year, self.cycle_year, reference.year)
        {
            self.assumed_year = super::lunar::cycle_year(place, year);
        } else if self.year.is_none() && (self.month.is_some() || self.week.is_some()) {
            self.assumed_year = reference.year;
        }
        self.fill_solar();
        self.check_weekday();
    }

    /// Sets [`DateValue::solar`] for a lunar date with a known year.
    pub(super) fn fill_solar(&mut self) {
        if !self.lunar {
            return;
        }
        let (Some(year), Some(month)) = (self.year_or_assumed(), self.month) else {
            return;
        };
        // A day named by stem and branch is the one day of the month that
        // has that place in the cycle.
        let day = self.day.or_else(|| {
            let place = self.cycle_day?;
            (1..=30).find(|&d| {
                super::lunar::to_solar(year, month, d, false)
                    .is_some_and(|(y, m, dd)| super::lunar::day_place(y, m, dd) == Some(place))
            })
        });
        self.solar = day
            .and_then(|day| super::lunar::to_solar(year, month, day, false))
            .map(|(year, month, day)| SolarDate { year, month, day });
    }

    fn assume_relative(&mut self, rel: Relative, reference: &DateValue) {
        let Some(year) = reference.year else { return };
        let year = i64::from(year);
        let offset = i64::from(rel.offset);
        let to_year = |y: i64| i32::try_from(y).ok();
        match rel.unit {
            Granularity::Year => self.assumed_year = to_year(year + offset),
            Granularity::Month => {
                let Some(month) = reference.month else { return };
                let total = year * 12 + i64::from(month) - 1 + offset;
                self.assumed_year = to_year(total.div_euclid(12));
                self.assumed_month = u8::try_from(total.rem_euclid(12) + 1).ok();
            }
            // A quarter is assumed as its first month: `quý tới` read in
            // May is July.
            Granularity::Quarter => {
                let Some(month) = reference.month else { return };
                let total = year * 4 + (i64::from(month) - 1) / 3 + offset;
                self.assumed_year = to_year(total.div_euclid(4));
                self.assumed_month = u8::try_from(total.rem_euclid(4) * 3 + 1).ok();
            }
            Granularity::Day | Granularity::Week => {
                let (Some(month), Some(day)) = (reference.month, reference.day) else {
                    return;
                };
                if day == 0
                    || day
                        > days_in_month(i32::try_from(year).ok().unwrap_or(2024), month)
                            .unwrap_or(0)
                {
                    return;
                }
                let mut days = days_from_civil(year, month, day);
                if rel.unit == Granularity::Week {
                    // A week is assumed as its Monday (1970-01-01 was a
                    // Thursday), or as its written weekday: `thứ tư tuần
                    // tới`.
                    let monday = days + 7 * offset - (days + 3).rem_euclid(7);
                    let from_monday = self.weekday.map_or(0, |w| w.days_after_monday());
                    days = monday + from_monday;
                } else {
                    days += offset;
                }
                let (y, m, d) = civil_from_days(days);
                self.assumed_year = to_year(y);
                self.assumed_month = Some(m);
                self.assumed_day = Some(d);
            }
            _ => {}
        }
    }
}

/// An offset in days, months or years from its [`Anchor`]: most often the
/// reference date (`hôm qua`, `năm ngoái`), sometimes the date the text
/// told of just before (`hôm sau`).
///
/// ```
/// use vitext::extract::{EntityKind, Extractor, ExtractorConfig, Granularity};
///
/// let config = ExtractorConfig::default().reference_date(2024, 3, 1);
/// let found = Extractor::new(config).extract("Hôm qua, đoàn đã về tới.");
/// let EntityKind::Date(v) = &found[0].kind else { panic!() };
/// let relative = v.relative.unwrap();
/// assert_eq!((relative.unit, relative.offset), (Granularity::Day, -1));
/// assert_eq!((v.year, v.month, v.day), (None, None, None)); // not written
/// assert_eq!((v.assumed_year, v.assumed_month, v.assumed_day), (Some(2024), Some(2), Some(29)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Relative {
    /// [`Granularity::Day`], [`Granularity::Month`] or [`Granularity::Year`].
    pub unit: Granularity,
    /// How many units after (positive) or before (negative) the anchor.
    pub offset: i32,
    /// What it counts from: the reference date, or the date the text told
    /// of before it (`4h sáng hôm sau`). Only a date counted from the
    /// reference is completed ([`DateValue::assumed_year`], …).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Anchor::is_reference", default)
    )]
    pub anchor: Anchor,
}

/// What a [`Relative`] date counts from.
///
/// ```
/// use vitext::extract::{Anchor, EntityKind, Extractor, ExtractorConfig};
///
/// let config = ExtractorConfig::default().reference_date(2024, 3, 1);
/// let text = "Phiên họp kéo dài đến 18h, tức 4h sáng hôm sau theo giờ Hà Nội.";
/// let found = Extractor::new(config).extract(text);
/// let EntityKind::DateTime(v) = &found[1].kind else { panic!() };
/// assert_eq!(v.date.relative.unwrap().anchor, Anchor::Previous);
/// // The day after the meeting's, which the text does not give: not
/// // completed from the reference date, though one is set.
/// assert_eq!(v.date.assumed_day, None);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Anchor {
    /// The reference date: the caller's, or the article's dateline (`hôm
    /// qua`, `năm ngoái`, `tuần tới`).
    #[default]
    Reference,
    /// The date the text told of before: `hôm sau` is the day after it.
    Previous,
}

impl Anchor {
    /// Whether this is [`Anchor::Reference`].
    pub fn is_reference(&self) -> bool {
        *self == Anchor::Reference
    }
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: u8, d: u8) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (
        y,
        u8::try_from(m).unwrap_or(1),
        u8::try_from(d).unwrap_or(1),
    )
}

/// A span of time from one date (or time) to another, both ends as written:
/// `2019 - 2023`, `10-12/5`, `từ ngày 1/7 đến hết ngày 31/12`, `từ 7h30
/// đến 11h`.
///
/// A field the text gives once for both ends (`10-12/5`: the month) is set
/// on both.
///
/// ```
/// use vitext::extract::{EntityKind, extract};
///
/// let found = extract("Hội chợ diễn ra từ 10-12/5.");
/// let EntityKind::DateRange(range) = &found[0].kind else { panic!() };
/// let (from, to) = (range.from.date().unwrap(), range.to.date().unwrap());
/// assert_eq!((from.day, from.month, to.day, to.month), (Some(10), Some(5), Some(12), Some(5)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct DateRange {
    /// The first day (or year, month, time) of the range.
    pub from: Moment,
    /// The last one, included.
    pub to: Moment,
}

/// The two ends of a range, as read.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct FieldsRange {
    pub from: Fields,
    pub to: Fields,
}

impl FieldsRange {
    /// The range the two ends make.
    pub fn range(&self) -> DateRange {
        DateRange {
            from: self.from.moment(),
            to: self.to.moment(),
        }
    }
}

impl DateRange {
    /// The range from `from` to `to`, both included, as written: the ends
    /// are not checked against each other.
    ///
    /// ```
    /// use vitext::extract::{DateRange, DateValue, Moment};
    ///
    /// let mut start = DateValue::default();
    /// start.year = Some(2019);
    /// let mut end = start;
    /// end.year = Some(2023);
    /// let term = DateRange::new(Moment::Date(start), Moment::Date(end));
    /// assert_eq!(term.to.date().and_then(|d| d.year), Some(2023));
    /// ```
    pub const fn new(from: Moment, to: Moment) -> DateRange {
        DateRange { from, to }
    }

    /// Gives both ends a year from `reference` when the text left it out.
    /// A range that crosses New Year (`từ 25/12 đến 5/1`) puts its two ends
    /// in consecutive years: the end nearer the reference keeps its year.
    pub(crate) fn assume(&mut self, reference: &DateValue) {
        let (Some(from), Some(to)) = (self.from.date_mut(), self.to.date_mut()) else {
            // One end is a time alone: the other's date, if any, still
            // takes its year.
            [&mut self.from, &mut self.to]
                .into_iter()
                .filter_map(Moment::date_mut)
                .for_each(|d| d.assume(reference));
            return;
        };
        from.assume(reference);
        to.assume(reference);
        let both_assumed = from.year.is_none()
            && to.year.is_none()
            && from.relative.is_none()
            && to.relative.is_none()
            && from.assumed_year.is_some()
            && from.assumed_year == to.assumed_year;
        let (Some(fm), Some(tm)) = (from.month, to.month) else {
            return;
        };
        let backwards = (fm, from.day.unwrap_or(1)) > (tm, to.day.unwrap_or(1));
        if !(both_assumed && backwards) {
            return;
        }
        if reference.month.is_some_and(|m| m >= fm) {
            to.assumed_year = to.assumed_year.and_then(|y| y.checked_add(1));
        } else {
            from.assumed_year = from.assumed_year.and_then(|y| y.checked_sub(1));
        }
        for end in [from, to] {
            end.fill_solar();
            end.check_weekday();
        }
    }
}
