//! Number-like shapes: `19.176`, `98,4%`, `18.5.2021`, `14:40`, `14h40`,
//! `71/72`, `10-12/5`.
//!
//! The scanner keeps a run of digit groups joined by single separators whole
//! and labels it by its surface shape only. What the shape *means* (is `5-10`
//! a date or a count range?) needs the words around it, so it is left to the
//! extractor; the shape tells it which readings are possible without parsing
//! the digits again.

/// The character between two digit groups.
///
/// ```
/// use vitext::tokenize::{tokens, NumberShape, Separator, TokenKind};
///
/// // Dates are written with dots, slashes or hyphens.
/// for (date, sep) in [
///     ("2.9.1945", Separator::Dot),
///     ("02/09/1945", Separator::Slash),
///     ("2-9-1945", Separator::Hyphen),
/// ] {
///     let kind = tokens(date).next().unwrap().kind();
///     assert_eq!(kind, TokenKind::Number(NumberShape::DayMonthYear(sep)));
/// }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Separator {
    /// `.`
    Dot,
    /// `,`
    Comma,
    /// `/`
    Slash,
    /// `-`
    Hyphen,
    /// `:`
    Colon,
}

impl Separator {
    /// The separator character.
    ///
    /// ```
    /// use vitext::tokenize::Separator;
    /// assert_eq!(Separator::Slash.as_char(), '/');
    /// ```
    pub const fn as_char(self) -> char {
        match self {
            Separator::Dot => '.',
            Separator::Comma => ',',
            Separator::Slash => '/',
            Separator::Hyphen => '-',
            Separator::Colon => ':',
        }
    }

    const fn from_byte(b: u8) -> Option<Separator> {
        Some(match b {
            b'.' => Separator::Dot,
            b',' => Separator::Comma,
            b'/' => Separator::Slash,
            b'-' => Separator::Hyphen,
            b':' => Separator::Colon,
            _ => return None,
        })
    }
}

/// How a plain number is written.
///
/// ```
/// use vitext::tokenize::{tokens, NumberShape, Numeral, Separator, TokenKind};
///
/// let numeral = |s: &str| match tokens(s).next().unwrap().kind() {
///     TokenKind::Number(NumberShape::Number(n)) => Some(n),
///     _ => None,
/// };
/// assert_eq!(numeral("2024"), Some(Numeral::Integer));
/// // Vietnamese writes a decimal comma …
/// assert_eq!(numeral("36,6"), Some(Numeral::Decimal(Separator::Comma)));
/// // … and groups thousands with dots.
/// assert_eq!(
///     numeral("1.500.000"),
///     Some(Numeral::Grouped { thousands: Separator::Dot, fraction: false })
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Numeral {
    /// Digits only: `2023`, `07`, `100`.
    Integer,
    /// An integer part and a fraction: `98,4` (the Vietnamese decimal
    /// comma) or `3.14` (a dot that can be neither a thousands separator nor
    /// a day-month).
    Decimal(Separator),
    /// Groups of three digits after a thousands separator, with an optional
    /// fraction after the other mark: `19.176`, `1.234.567,89` (Vietnamese),
    /// `100,000,000`, `1,234.5` (English).
    Grouped {
        /// The thousands separator.
        thousands: Separator,
        /// Whether a fraction follows the last group.
        fraction: bool,
    },
}

/// How a time of day is written.
///
/// ```
/// use vitext::tokenize::{tokens, NumberShape, TimeStyle, TokenKind};
///
/// let time = |s: &str| match tokens(s).next().unwrap().kind() {
///     TokenKind::Number(NumberShape::Time(style)) => Some(style),
///     _ => None,
/// };
/// assert_eq!(time("7:30"), Some(TimeStyle::Colon));
/// assert_eq!(time("19:05:12"), Some(TimeStyle::ColonSeconds));
/// // `7h30`: seven giờ (hours) thirty.
/// assert_eq!(time("7h30"), Some(TimeStyle::HourLetter));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum TimeStyle {
    /// `14:40`.
    Colon,
    /// `08:41:40`.
    ColonSeconds,
    /// The hour letter: `14h40`, `8h`, `14g30`.
    HourLetter,
}

/// The surface shape of a number-like token.
///
/// Every check is on the digits as written: a day is 1–31, a month 1–12, a
/// year four digits (two after a full day and month: `6-2-99`). A shape that
/// fits several readings takes the first in the order of the variants below
/// the numerals; the extractor decides with context (`Sáng 10.1` is a date,
/// `tăng 10.1 lần` would not be).
///
/// ```
/// use vitext::tokenize::{tokens, NumberShape, Numeral, Separator, TokenKind};
///
/// let shape = |s: &str| match tokens(s).next().map(|t| t.kind()) {
///     Some(TokenKind::Number(shape)) => Some(shape),
///     _ => None,
/// };
/// assert_eq!(shape("98,4"), Some(NumberShape::Number(Numeral::Decimal(Separator::Comma))));
/// assert_eq!(shape("98,4%"), Some(NumberShape::Percent(Numeral::Decimal(Separator::Comma))));
/// assert_eq!(shape("18.5.2021"), Some(NumberShape::DayMonthYear(Separator::Dot)));
/// assert_eq!(shape("10-12/5"), Some(NumberShape::Range));
/// assert_eq!(shape("71/72"), Some(NumberShape::Ratio(Separator::Slash)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum NumberShape {
    /// A plain number: `2023`, `98,4`, `19.176`.
    Number(Numeral),
    /// A number with a percent sign: `98,4%`, `61%`.
    Percent(Numeral),
    /// A time of day: `14:40`, `08:41:40`, `14h40`, `8h`.
    Time(TimeStyle),
    /// A day and a month: `10.1`, `6/2`, `5-10` (the last is also a count
    /// range, `10.1` also an English-style decimal).
    DayMonth(Separator),
    /// A day, month and year: `18.5.2021`, `11/01/2024`, `29-10-2004`,
    /// `6-2-99`.
    DayMonthYear(Separator),
    /// A month and a four-digit year: `5/2021`, `11-2003`.
    MonthYear(Separator),
    /// A four-digit year first: `2004/09/15`, `2024-01-11`.
    YearMonthDay(Separator),
    /// Two integers that are no date or time: `71/72`, `2:1`.
    Ratio(Separator),
    /// Two shapes joined by one hyphen: `2019-2023`, `10-12/5`,
    /// `5-6/2021`, `5.000-6.000`, `40-60`.
    Range,
    /// Digit groups in a pattern none of the above names: phone numbers
    /// (`0912.345.678`), versions and addresses (`1.2.3.4`).
    Compound,
}

impl NumberShape {
    /// The shape's name in `snake_case`, as the command-line tool prints it.
    ///
    /// ```
    /// use vitext::tokenize::{NumberShape, Separator};
    /// assert_eq!(NumberShape::DayMonth(Separator::Dot).name(), "day_month");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            NumberShape::Number(_) => "number",
            NumberShape::Percent(_) => "percent",
            NumberShape::Time(_) => "time",
            NumberShape::DayMonth(_) => "day_month",
            NumberShape::DayMonthYear(_) => "day_month_year",
            NumberShape::MonthYear(_) => "month_year",
            NumberShape::YearMonthDay(_) => "year_month_day",
            NumberShape::Ratio(_) => "ratio",
            NumberShape::Range => "range",
            NumberShape::Compound => "compound",
        }
    }
}

/// At most this many groups are remembered; longer runs are [`NumberShape::Compound`].
const MAX_GROUPS: usize = 8;

/// One digit group: its length and its value (saturated; only small groups
/// are ever compared).
#[derive(Clone, Copy, Default)]
struct Group {
    len: usize,
    value: u32,
}

/// A scanned run of digit groups joined by single separators.
pub(super) struct DigitRun {
    /// One past the last digit.
    pub end: usize,
    groups: [Group; MAX_GROUPS],
    seps: [Option<Separator>; MAX_GROUPS],
    /// Number of groups (may exceed [`MAX_GROUPS`]).
    count: usize,
}

impl DigitRun {
    /// Scans digits at `start` (which must be an ASCII digit), continuing
    /// over a separator only when a digit follows it.
    pub fn scan(bytes: &[u8], start: usize) -> DigitRun {
        let mut run = DigitRun {
            end: start,
            groups: [Group::default(); MAX_GROUPS],
            seps: [None; MAX_GROUPS],
            count: 0,
        };
        let mut i = start;
        loop {
            let mut group = Group::default();
            while let Some(&b) = bytes.get(i) {
                if !b.is_ascii_digit() {
                    break;
                }
                group.len += 1;
                group.value = group
                    .value
                    .saturating_mul(10)
                    .saturating_add(u32::from(b - b'0'));
                i += 1;
            }
            if let Some(slot) = run.groups.get_mut(run.count) {
                *slot = group;
            }
            run.count += 1;
            run.end = i;
            let sep = bytes.get(i).and_then(|&b| Separator::from_byte(b));
            let digit_follows = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            match sep {
                Some(sep) if digit_follows => {
                    if let Some(slot) = run.seps.get_mut(run.count - 1) {
                        *slot = Some(sep);
                    }
                    i += 1;
                }
                _ => return run,
            }
        }
    }

    /// Whether the run is one group of digits.
    pub fn is_integer(&self) -> bool {
        self.count == 1
    }

    /// The value of the only group of an integer run of at most `max_len` digits.
    pub fn small_integer(&self, max_len: usize) -> Option<u32> {
        (self.count == 1 && self.groups[0].len <= max_len).then_some(self.groups[0].value)
    }

    /// Whether the run can be the number part of a document code:
    /// `123` or `100/2019`.
    pub fn is_doc_number(&self) -> bool {
        match self.count {
            1 => true,
            2 => self.seps[0] == Some(Separator::Slash) && self.groups[1].len == 4,
            _ => false,
        }
    }

    /// The shape of the run, without a percent sign.
    pub fn shape(&self) -> NumberShape {
        if self.count > MAX_GROUPS {
            return NumberShape::Compound;
        }
        let groups = &self.groups[..self.count];
        let seps: [Separator; MAX_GROUPS] =
            core::array::from_fn(|i| self.seps[i].unwrap_or(Separator::Dot));
        let seps = &seps[..self.count - 1];
        if let Some(numeral) = numeral(groups, seps) {
            return NumberShape::Number(numeral);
        }
        if let Some(shape) = date_or_time(groups, seps) {
            return shape;
        }
        if let Some(hyphen) = seps.iter().position(|&s| s == Separator::Hyphen) {
            let one_hyphen = seps[hyphen + 1..].iter().all(|&s| s != Separator::Hyphen);
            let side_ok = |g: &[Group], s: &[Separator]| {
                numeral(g, s).is_some() || date_or_time(g, s).is_some()
            };
            if one_hyphen
                && side_ok(&groups[..=hyphen], &seps[..hyphen])
                && side_ok(&groups[hyphen + 1..], &seps[hyphen + 1..])
            {
                return NumberShape::Range;
            }
        }
        if let [_, _] = groups {
            if matches!(seps[0], Separator::Slash | Separator::Colon) {
                return NumberShape::Ratio(seps[0]);
            }
        }
        NumberShape::Compound
    }
}

/// A plain number: one group, a decimal, or thousands groups.
fn numeral(groups: &[Group], seps: &[Separator]) -> Option<Numeral> {
    let (first, rest) = groups.split_first()?;
    if rest.is_empty() {
        return Some(Numeral::Integer);
    }
    let thousands = seps[0];
    if !matches!(thousands, Separator::Dot | Separator::Comma) {
        return None;
    }
    let other = if thousands == Separator::Dot {
        Separator::Comma
    } else {
        Separator::Dot
    };
    // Thousands groups: `19.176`, `1.234.567`, optionally `,89` after them.
    // A single comma group is a decimal in Vietnamese (`2,400` is 2.4).
    let grouped_len = seps.iter().take_while(|&&s| s == thousands).count();
    let tail_is_fraction = match seps.len() - grouped_len {
        0 => true,
        1 => seps[grouped_len] == other,
        _ => false,
    };
    let groups_of_three = rest[..grouped_len].iter().all(|g| g.len == 3) && first.len <= 3;
    let single_comma = thousands == Separator::Comma && seps.len() == 1;
    if groups_of_three && tail_is_fraction && !single_comma {
        return Some(Numeral::Grouped {
            thousands,
            fraction: grouped_len < seps.len(),
        });
    }
    if seps.len() == 1 && (thousands == Separator::Comma || date_or_time(groups, seps).is_none()) {
        return Some(Numeral::Decimal(thousands));
    }
    None
}

fn is_day(g: Group) -> bool {
    g.len <= 2 && (1..=31).contains(&g.value)
}

fn is_month(g: Group) -> bool {
    g.len <= 2 && (1..=12).contains(&g.value)
}

fn is_year(g: Group) -> bool {
    g.len == 4
}

/// Date and time shapes with one kind of separator throughout.
fn date_or_time(groups: &[Group], seps: &[Separator]) -> Option<NumberShape> {
    let sep = *seps.first()?;
    if seps.iter().any(|&s| s != sep) {
        return None;
    }
    if sep == Separator::Colon {
        let hour = |g: Group| g.len <= 2 && g.value <= 24;
        let sixty = |g: Group| g.len == 2 && g.value <= 59;
        return match groups {
            [h, m] if hour(*h) && sixty(*m) => Some(NumberShape::Time(TimeStyle::Colon)),
            [h, m, s] if hour(*h) && sixty(*m) && sixty(*s) => {
                Some(NumberShape::Time(TimeStyle::ColonSeconds))
            }
            _ => None,
        };
    }
    if sep == Separator::Comma {
        return None;
    }
    match groups {
        [a, b] if sep == Separator::Hyphen && is_year(*a) && is_year(*b) => None,
        [d, m] if is_day(*d) && is_month(*m) => Some(NumberShape::DayMonth(sep)),
        [m, y] if is_month(*m) && is_year(*y) => Some(NumberShape::MonthYear(sep)),
        [d, m, y] if is_day(*d) && is_month(*m) && (is_year(*y) || y.len == 2) => {
            Some(NumberShape::DayMonthYear(sep))
        }
        [y, m, d] if is_year(*y) && is_month(*m) && is_day(*d) => {
            Some(NumberShape::YearMonthDay(sep))
        }
        _ => None,
    }
}

/// Letters that, glued to an integer, are a unit and split from it
/// (`20km` → `20` · `km`). Any other letters glued to an integer make one
/// word (`4K`, `1A`, `53S5`). Common SI, area, money and time units.
const UNITS: &[&str] = &[
    "m", "km", "cm", "mm", "kg", "g", "mg", "ha", "l", "ml", "t", "s", "p", "ph", "đ", "vnd",
    "vnđ", "VND", "VNĐ", "USD", "usd", "tr", "kW", "kWh", "MW", "GB", "MB", "mAh", "Hz", "GHz",
];

/// Whether `word` is a unit that splits from the integer before it.
pub(super) fn is_unit(word: &str) -> bool {
    UNITS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(s: &str) -> NumberShape {
        let run = DigitRun::scan(s.as_bytes(), 0);
        assert_eq!(run.end, s.len(), "{s} should scan whole");
        run.shape()
    }

    #[test]
    fn shapes() {
        use NumberShape::*;
        use Separator::*;
        let cases = [
            ("2023", Number(Numeral::Integer)),
            (
                "19.176",
                Number(Numeral::Grouped {
                    thousands: Dot,
                    fraction: false,
                }),
            ),
            (
                "1.234.567,89",
                Number(Numeral::Grouped {
                    thousands: Dot,
                    fraction: true,
                }),
            ),
            (
                "100,000,000",
                Number(Numeral::Grouped {
                    thousands: Comma,
                    fraction: false,
                }),
            ),
            ("98,4", Number(Numeral::Decimal(Comma))),
            ("2,400", Number(Numeral::Decimal(Comma))),
            ("3.14", Number(Numeral::Decimal(Dot))),
            ("5.2021", MonthYear(Dot)),
            ("10.1", DayMonth(Dot)),
            ("6/2", DayMonth(Slash)),
            ("5-10", DayMonth(Hyphen)),
            ("18.5.2021", DayMonthYear(Dot)),
            ("11/01/2024", DayMonthYear(Slash)),
            ("6-2-99", DayMonthYear(Hyphen)),
            ("2/2014", MonthYear(Slash)),
            ("5-2002", MonthYear(Hyphen)),
            ("2004/09/15", YearMonthDay(Slash)),
            ("14:40", Time(TimeStyle::Colon)),
            ("08:41:40", Time(TimeStyle::ColonSeconds)),
            ("71/72", Ratio(Slash)),
            ("2:1", Ratio(Colon)),
            ("2019-2023", Range),
            ("10-12/5", Range),
            ("5-6/2021", Range),
            ("5.000-6.000", Range),
            ("40-60", Range),
            ("0912.345.678", Compound),
            ("1.2.3.4.5.6.7.8.9.10", Compound),
        ];
        for (input, expected) in cases {
            assert_eq!(shape(input), expected, "{input}");
        }
    }

    #[test]
    fn huge_groups_saturate() {
        assert_eq!(
            shape("99999999999999999999/2024"),
            NumberShape::Ratio(Separator::Slash)
        );
        assert!(DigitRun::scan(b"99999999999999999999", 0).is_doc_number());
    }
}
