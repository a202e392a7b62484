//! The Vietnamese lunisolar calendar: the solar day a lunar date falls on,
//! and the sixty-year cycle of stems and branches that names lunar years.
//!
//! A lunar month starts on the day of a new moon, counted at UTC+7 (which
//! is why Vietnamese and Chinese New Year sometimes differ: 1985, 2007).
//! Month 11 is the month that holds the December solstice; a year of
//! thirteen months repeats the first month after month 11 in which the sun
//! enters no new major solar term. New moons and the sun's longitude are
//! computed from the usual truncated series of Meeus' *Astronomical
//! Algorithms*, which is ample for whole days from 1800 to 2200.

use core::f64::consts::PI;

/// The time zone the calendar is reckoned in, in hours.
const ZONE: f64 = 7.0;
/// The mean length of a lunation, in days.
const LUNATION: f64 = 29.530_588_853;
/// The Julian day of the new moon of 1900-01-01, from which new moons are
/// counted.
const NEW_MOON_1900: f64 = 2_415_021.076_998_695;

/// The most months a leap month may come after month 11 ([`leap_offset`]).
const MONTHS: i64 = 13;

/// The Julian day number of a civil (proleptic Gregorian) date.
pub(crate) fn julian_day(year: i64, month: u8, day: u8) -> i64 {
    let a = (14 - i64::from(month)) / 12;
    let y = year + 4800 - a;
    let m = i64::from(month) + 12 * a - 3;
    i64::from(day) + (153 * m + 2) / 5 + 365 * y + y.div_euclid(4) - y.div_euclid(100)
        + y.div_euclid(400)
        - 32_045
}

/// The civil date of a Julian day number.
pub(crate) fn civil_date(jd: i64) -> (i64, u8, u8) {
    let a = jd + 32_044;
    let b = (4 * a + 3).div_euclid(146_097);
    let c = a - (146_097 * b).div_euclid(4);
    let d = (4 * c + 3).div_euclid(1461);
    let e = c - (1461 * d).div_euclid(4);
    let m = (5 * e + 2).div_euclid(153);
    let day = e - (153 * m + 2).div_euclid(5) + 1;
    let month = m + 3 - 12 * m.div_euclid(10);
    let year = 100 * b + d - 4800 + m.div_euclid(10);
    (
        year,
        u8::try_from(month).unwrap_or(1),
        u8::try_from(day).unwrap_or(1),
    )
}

/// The moment (Julian day, UT) of the `k`-th new moon after 1900-01-01.
fn new_moon(k: i64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85;
    let (t2, t3) = (t * t, t * t * t);
    let rad = PI / 180.0;
    let mean = 2_415_020.759_33 + 29.530_588_68 * k + 0.000_117_8 * t2 - 0.000_000_155 * t3
        + 0.000_33 * ((166.56 + 132.87 * t - 0.009_173 * t2) * rad).sin();
    // The anomalies of the sun and the moon, and the moon's argument of
    // latitude.
    let sun = (359.2242 + 29.105_356_08 * k - 0.000_033_3 * t2 - 0.000_003_47 * t3) * rad;
    let moon = (306.0253 + 385.816_918_06 * k + 0.010_730_6 * t2 + 0.000_012_36 * t3) * rad;
    let lat = (21.2964 + 390.670_506_46 * k - 0.001_652_8 * t2 - 0.000_002_39 * t3) * rad;
    let correction = (0.1734 - 0.000_393 * t) * sun.sin() + 0.0021 * (2.0 * sun).sin()
        - 0.4068 * moon.sin()
        + 0.0161 * (2.0 * moon).sin()
        - 0.0004 * (3.0 * moon).sin()
        + 0.0104 * (2.0 * lat).sin()
        - 0.0051 * (sun + moon).sin()
        - 0.0074 * (sun - moon).sin()
        + 0.0004 * (2.0 * lat + sun).sin()
        - 0.0004 * (2.0 * lat - sun).sin()
        - 0.0006 * (2.0 * lat + moon).sin()
        + 0.0010 * (2.0 * lat - moon).sin()
        + 0.0005 * (2.0 * moon + sun).sin();
    // Terrestrial time to universal time.
    let delta_t = if t < -11.0 {
        0.001 + 0.000_839 * t + 0.000_226_1 * t2 - 0.000_008_45 * t3 - 0.000_000_081 * t * t3
    } else {
        -0.000_278 + 0.000_265 * t + 0.000_262 * t2
    };
    mean + correction - delta_t
}

/// The Julian day number, at UTC+7, of the `k`-th new moon.
fn new_moon_day(k: i64) -> i64 {
    (new_moon(k) + 0.5 + ZONE / 24.0).floor() as i64
}

/// The sun's apparent longitude at Julian day `jd` (UT), in radians,
/// `0..2π`.
fn sun_longitude(jd: f64) -> f64 {
    let t = (jd - 2_451_545.0) / 36_525.0;
    let t2 = t * t;
    let rad = PI / 180.0;
    let anomaly = 357.529_10 + 35_999.050_30 * t - 0.000_155_9 * t2 - 0.000_000_48 * t * t2;
    let mean = 280.466_45 + 36_000.769_83 * t + 0.000_303_2 * t2;
    let center = (1.914_600 - 0.004_817 * t - 0.000_014 * t2) * (rad * anomaly).sin()
        + (0.019_993 - 0.000_101 * t) * (2.0 * rad * anomaly).sin()
        + 0.000_290 * (3.0 * rad * anomaly).sin();
    ((mean + center) * rad).rem_euclid(2.0 * PI)
}

/// Which of the twelve major solar terms the sun is in at the start of
/// the day `jd` (UTC+7): `0` from the March equinox, `9` from the December
/// solstice.
fn solar_term(jd: i64) -> i64 {
    (sun_longitude(jd as f64 - 0.5 - ZONE / 24.0) / PI * 6.0).floor() as i64
}

/// The first day of lunar month 11 of `year`: the month that holds the
/// December solstice.
fn month_11(year: i64) -> i64 {
    let off = julian_day(year, 12, 31) - 2_415_021;
    let k = (off as f64 / LUNATION).floor() as i64;
    let start = new_moon_day(k);
    if solar_term(start) >= 9 {
        new_moon_day(k - 1)
    } else {
        start
    }
}

/// In a year of thirteen months starting at month 11 on day `a11`, how
/// many months after it the leap month comes: the first month in which the
/// sun enters no new major solar term.
fn leap_offset(a11: i64) -> i64 {
    let k = ((a11 as f64 - NEW_MOON_1900) / LUNATION + 0.5).floor() as i64;
    let mut i = 1;
    let mut arc = solar_term(new_moon_day(k + i));
    loop {
        let last = arc;
        i += 1;
        arc = solar_term(new_moon_day(k + i));
        if arc == last || i > MONTHS {
            return i - 1;
        }
    }
}

/// The months of one lunar year, counted from its month 11 to the next
/// one's: the first day of each, and where the leap month comes.
#[derive(Clone, Copy)]
struct MonthStarts {
    /// The year whose month 11 opens these months.
    year: i64,
    /// The Julian days (UTC+7) on which the months start, from month 11
    /// on; each month ends the day before the next starts.
    starts: [i64; MONTHS as usize + 1],
    /// In a year of thirteen months, how many months after month 11 the
    /// leap month comes.
    leap: Option<i64>,
}

impl MonthStarts {
    /// The months from month 11 of `year` to month 11 of the next year.
    fn of(year: i64) -> MonthStarts {
        let a11 = month_11(year);
        let b11 = month_11(year + 1);
        let k = (0.5 + (a11 as f64 - NEW_MOON_1900) / LUNATION).floor() as i64;
        let mut starts = [0; MONTHS as usize + 1];
        for (n, start) in (0..).zip(starts.iter_mut()) {
            *start = new_moon_day(k + n);
        }
        MonthStarts {
            year,
            starts,
            leap: (b11 - a11 > 365).then(|| leap_offset(a11)),
        }
    }

    /// The months from month 11 of `year` on, computed once a thread: a
    /// year's months cost some thirty new moons and places of the sun,
    /// and a text names the few years around it again and again (each
    /// festival, each `rằm`, each day named by stem and branch, which is
    /// looked for through the month).
    fn cached(year: i64) -> MonthStarts {
        thread_local! {
            static YEARS: core::cell::RefCell<[Option<MonthStarts>; 4]> =
                const { core::cell::RefCell::new([None; 4]) };
        }
        let slot = usize::try_from(year.rem_euclid(4)).unwrap_or(0);
        YEARS.with(|years| {
            let mut years = years.borrow_mut();
            match years.get(slot).copied().flatten() {
                Some(months) if months.year == year => months,
                _ => {
                    let months = MonthStarts::of(year);
                    if let Some(entry) = years.get_mut(slot) {
                        *entry = Some(months);
                    }
                    months
                }
            }
        })
    }
}

/// The solar date of day `day` of lunar month `month` of lunar year
/// `year` (the year its month 1 begins in); `leap` for the repeated month.
/// `None` for a month or day that does not exist, a leap month that the
/// year does not have, or a year outside 1800–2200.
pub(crate) fn to_solar(year: i32, month: u8, day: u8, leap: bool) -> Option<(i32, u8, u8)> {
    if !(1800..=2200).contains(&year) || !(1..=12).contains(&month) || !(1..=30).contains(&day) {
        return None;
    }
    let year = i64::from(year);
    let months = MonthStarts::cached(if month < 11 { year - 1 } else { year });
    let mut off = (i64::from(month) - 11).rem_euclid(12);
    match months.leap {
        Some(at) if leap => {
            if i64::from(month) != (at - 2).rem_euclid(12) {
                return None;
            }
            off += 1;
        }
        Some(at) if at <= off => off += 1,
        Some(_) => {}
        None if leap => return None,
        None => {}
    }
    let at = usize::try_from(off).ok()?;
    let start = *months.starts.get(at)?;
    // A lunar month has 29 or 30 days.
    let next = *months.starts.get(at + 1)?;
    if i64::from(day) > next - start {
        return None;
    }
    let (y, m, d) = civil_date(start + i64::from(day) - 1);
    Some((i32::try_from(y).ok()?, m, d))
}

/// The ten heavenly stems, in order from `Giáp`.
pub(crate) const STEMS: [&str; 10] = [
    "giáp", "ất", "bính", "đinh", "mậu", "kỷ", "canh", "tân", "nhâm", "quý",
];

/// The twelve earthly branches, in order from `Tý`, with other spellings.
pub(crate) const BRANCHES: [&[&str]; 12] = [
    &["tý"],
    &["sửu"],
    &["dần"],
    &["mão", "mẹo"],
    &["thìn"],
    &["tỵ", "tị"],
    &["ngọ"],
    &["mùi"],
    &["thân"],
    &["dậu"],
    &["tuất"],
    &["hợi"],
];

/// The place in the sixty-year cycle (1 = `Giáp Tý`, 60 = `Quý Hợi`) of a
/// stem and a branch; `None` for a pair the cycle never makes (`Giáp
/// Sửu`).
pub(crate) fn cycle_position(stem: usize, branch: usize) -> Option<u8> {
    if stem >= 10 || branch >= 12 || stem % 2 != branch % 2 {
        return None;
    }
    (0..60u8)
        .find(|n| usize::from(*n) % 10 == stem && usize::from(*n) % 12 == branch)
        .map(|n| n + 1)
}

/// The place in the sixty-day cycle of a solar day (2024-02-10, the lunar
/// New Year, was a `Giáp Thìn` day: 41).
pub(crate) fn day_place(year: i32, month: u8, day: u8) -> Option<u8> {
    let jd = julian_day(i64::from(year), month, day);
    let stem = usize::try_from((jd + 9).rem_euclid(10)).ok()?;
    let branch = usize::try_from((jd + 1).rem_euclid(12)).ok()?;
    cycle_position(stem, branch)
}

/// The lunar month a month's branch names: `Dần` is the first (`tháng
/// Giêng`), `Sửu` the twelfth.
pub(crate) fn month_of_branch(branch: usize) -> Option<u8> {
    u8::try_from((branch + 10) % 12 + 1)
        .ok()
        .filter(|_| branch < 12)
}

/// The lunar year at place `position` of the cycle nearest `reference`,
/// leaning to the past: within the fifty-seven years before it and the two
/// after (news looks back to the years people were born in, and ahead to
/// the coming Tết).
pub(crate) fn cycle_year(position: u8, reference: i32) -> Option<i32> {
    if !(1..=60).contains(&position) {
        return None;
    }
    // 1984 was Giáp Tý.
    let base = 1984 + i32::from(position) - 1;
    let low = reference.checked_sub(57)?;
    let k = (low - base).div_euclid(60) + i32::from((low - base).rem_euclid(60) != 0);
    base.checked_add(60 * k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_months_in_the_cycle() {
        // The lunar New Year 2024 was a Giáp Thìn day; 1 January 2000 a
        // Mậu Ngọ day.
        assert_eq!(day_place(2024, 2, 10), cycle_position(0, 4));
        assert_eq!(day_place(2000, 1, 1), cycle_position(4, 6));
        assert_eq!(month_of_branch(2), Some(1));
        assert_eq!(month_of_branch(6), Some(5));
        assert_eq!(month_of_branch(1), Some(12));
        assert_eq!(month_of_branch(12), None);
    }

    #[test]
    fn lunar_new_year_in_vietnam() {
        // Tết, as the Vietnamese calendar gives it (1985 and 2007 differ
        // from the Chinese calendar).
        for (year, month, day) in [
            (1985, 1, 21),
            (2007, 2, 17),
            (2020, 1, 25),
            (2021, 2, 12),
            (2022, 2, 1),
            (2023, 1, 22),
            (2024, 2, 10),
            (2025, 1, 29),
        ] {
            assert_eq!(
                to_solar(year, 1, 1, false),
                Some((year, month, day)),
                "{year}"
            );
        }
    }

    #[test]
    fn full_moons_and_leap_months() {
        // Rằm tháng Bảy and Tết Trung thu 2024; the leap fourth month of 2020.
        assert_eq!(to_solar(2024, 7, 15, false), Some((2024, 8, 18)));
        assert_eq!(to_solar(2024, 8, 15, false), Some((2024, 9, 17)));
        assert_eq!(to_solar(2020, 4, 1, true), Some((2020, 5, 23)));
        assert_eq!(to_solar(2020, 5, 1, true), None);
        assert_eq!(to_solar(2024, 13, 1, false), None);
        assert_eq!(to_solar(1700, 1, 1, false), None);
    }

    #[test]
    fn julian_days_round_trip() {
        for jd in [2_299_161, 2_415_021, 2_451_545, 2_460_351] {
            let (y, m, d) = civil_date(jd);
            assert_eq!(julian_day(y, m, d), jd);
        }
        assert_eq!(julian_day(2000, 1, 1), 2_451_545);
    }

    #[test]
    fn the_sixty_year_cycle() {
        assert_eq!(cycle_position(0, 0), Some(1));
        assert_eq!(cycle_position(9, 11), Some(60));
        assert_eq!(cycle_position(0, 1), None);
        // Giáp Thìn, Đinh Dậu, Mậu Thân near 2024.
        assert_eq!(
            cycle_position(0, 4).and_then(|p| cycle_year(p, 2024)),
            Some(2024)
        );
        assert_eq!(
            cycle_position(3, 9).and_then(|p| cycle_year(p, 2024)),
            Some(2017)
        );
        assert_eq!(
            cycle_position(4, 8).and_then(|p| cycle_year(p, 2024)),
            Some(1968)
        );
        // Ất Tỵ, the coming year, in 2024.
        assert_eq!(
            cycle_position(1, 5).and_then(|p| cycle_year(p, 2024)),
            Some(2025)
        );
    }
}
