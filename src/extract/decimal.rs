//! Exact decimal numbers, for the values of quantities: `4,1 triệu` is
//! 4,100,000 and `8,3 tỷ đồng` is 8,300,000,000 exactly, where a
//! floating-point product gives 4,099,999.9999999995 and
//! 8,300,000,000.000001.

use core::cmp::Ordering;
use core::fmt;

/// An exact decimal number: `mantissa × 10^-scale`, kept in lowest terms
/// (no trailing zero in the mantissa while the scale is above zero), so
/// that two values are equal exactly when their fields are.
///
/// ```
/// use vitext::extract::Decimal;
///
/// let v = Decimal::new(25, 1); // 2.5
/// assert_eq!(v.to_string(), "2.5");
/// assert_eq!(v.scaled(6), Some(Decimal::new(2_500_000, 0)));
/// assert_eq!(Decimal::new(2500, 3), v); // lowest terms
/// assert_eq!(v.to_f64(), 2.5);
/// ```
///
/// With the `serde` feature it is a JSON number: an integer of an `i64` as
/// written (`2500000`), another value as the shortest `f64` that reads back
/// as it (`98.4`). A larger integer, or a value no `f64` holds exactly
/// (more than about 15 significant digits), is a string of its digits
/// (`"0.1234567890123456789"`),
/// so that reading the JSON back always gives the same value; a string
/// reads as well as a number.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Decimal {
    mantissa: i128,
    scale: u8,
}

/// The most decimal places a value keeps: more than any number in text
/// has, and `10^MAX_SCALE` fits an `i128`.
const MAX_SCALE: u8 = 38;

impl Decimal {
    /// `mantissa × 10^-scale`, in lowest terms; a scale above 38 is
    /// read as 38.
    pub const fn new(mantissa: i128, scale: u8) -> Decimal {
        let mut mantissa = mantissa;
        let mut scale = if scale > MAX_SCALE { MAX_SCALE } else { scale };
        while scale > 0 && mantissa % 10 == 0 {
            mantissa /= 10;
            scale -= 1;
        }
        Decimal { mantissa, scale }
    }

    /// The integer `n`.
    pub const fn from_int(n: i128) -> Decimal {
        Decimal::new(n, 0)
    }

    /// The digits, as an integer: 25 for 2.5.
    pub const fn mantissa(self) -> i128 {
        self.mantissa
    }

    /// The number of decimal places: 1 for 2.5, 0 for an integer.
    pub const fn scale(self) -> u8 {
        self.scale
    }

    /// The nearest `f64`.
    pub fn to_f64(self) -> f64 {
        // `10^scale` is exact in an f64 up to 10^22; past that, the
        // division rounds once more, which is past what text gives.
        self.mantissa as f64 / 10f64.powi(i32::from(self.scale))
    }

    /// The value times `10^power` (`2.5` by 10^6 is 2,500,000); `None`
    /// when the result does not fit.
    pub fn scaled(self, power: u32) -> Option<Decimal> {
        let places = u32::from(self.scale);
        if power <= places {
            let scale = u8::try_from(places - power).ok()?;
            return Some(Decimal::new(self.mantissa, scale));
        }
        let rest = 10i128.checked_pow(power - places)?;
        Some(Decimal::new(self.mantissa.checked_mul(rest)?, 0))
    }

    /// The sum; `None` when it does not fit.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        let a = self.widened(scale)?;
        let b = other.widened(scale)?;
        Some(Decimal::new(a.checked_add(b)?, scale))
    }

    /// The mantissa at `scale` decimal places (at least the value's own),
    /// or `None` when it does not fit.
    fn widened(self, scale: u8) -> Option<i128> {
        let up = u32::from(scale.checked_sub(self.scale)?);
        self.mantissa.checked_mul(10i128.checked_pow(up)?)
    }

    /// Whether the value is above zero.
    pub const fn is_positive(self) -> bool {
        self.mantissa > 0
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Decimal) -> Ordering {
        if (self.mantissa < 0) != (other.mantissa < 0) {
            return self.mantissa.cmp(&other.mantissa);
        }
        let scale = self.scale.max(other.scale);
        match (self.widened(scale), other.widened(scale)) {
            (Some(a), Some(b)) => a.cmp(&b),
            // One side is too large to widen: its magnitude is the larger,
            // and both have the same sign.
            (None, _) if self.mantissa < 0 => Ordering::Less,
            (None, _) => Ordering::Greater,
            (_, None) if other.mantissa < 0 => Ordering::Greater,
            (_, None) => Ordering::Less,
        }
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Decimal {
    /// Plain decimal notation with a dot: `2.5`, `2500000`, `0.05`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.mantissa.unsigned_abs().to_string();
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let scale = usize::from(self.scale);
        if scale == 0 {
            return write!(f, "{sign}{digits}");
        }
        let padded = format!("{digits:0>width$}", width = scale + 1);
        let (int, frac) = padded.split_at(padded.len() - scale);
        write!(f, "{sign}{int}.{frac}")
    }
}

/// What [`Decimal::from_str`](core::str::FromStr) rejects: anything but
/// ASCII digits with at most one `.` and a leading `-`, or a value past
/// 38 digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseDecimalError;

impl fmt::Display for ParseDecimalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a decimal number of at most 38 digits")
    }
}

impl std::error::Error for ParseDecimalError {}

impl core::str::FromStr for Decimal {
    type Err = ParseDecimalError;

    /// Reads plain decimal notation (`2.5`, `-0.05`, `2500000`), the form
    /// [`Display`](fmt::Display) writes.
    fn from_str(text: &str) -> Result<Decimal, ParseDecimalError> {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        if int.is_empty() && frac.is_empty() {
            return Err(ParseDecimalError);
        }
        let mut mantissa: i128 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            if !b.is_ascii_digit() {
                return Err(ParseDecimalError);
            }
            mantissa = mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(i128::from(b - b'0')))
                .ok_or(ParseDecimalError)?;
        }
        let scale = u8::try_from(frac.len())
            .ok()
            .filter(|&s| s <= MAX_SCALE)
            .ok_or(ParseDecimalError)?;
        Ok(Decimal::new(
            if negative { -mantissa } else { mantissa },
            scale,
        ))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if let (0, Ok(n)) = (self.scale, i64::try_from(self.mantissa)) {
            return s.serialize_i64(n);
        }
        // An integer past `i64` is a string of its digits, not `1e20`.
        let x = self.to_f64();
        if self.scale > 0 && format!("{x}").parse::<Decimal>() == Ok(*self) {
            s.serialize_f64(x)
        } else {
            s.collect_str(self)
        }
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Decimal {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        struct Visit;
        impl serde::de::Visitor<'_> for Visit {
            type Value = Decimal;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a decimal number")
            }
            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Decimal, E> {
                Ok(Decimal::from_int(i128::from(n)))
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Decimal, E> {
                Ok(Decimal::from_int(i128::from(n)))
            }
            fn visit_f64<E: serde::de::Error>(self, x: f64) -> Result<Decimal, E> {
                // The shortest text that reads back as `x`: `98.4`, not
                // the f64's full binary expansion.
                if !x.is_finite() {
                    return Err(E::custom("not a finite number"));
                }
                self.visit_str(&format!("{x}"))
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Decimal, E> {
                text.parse().map_err(E::custom)
            }
        }
        d.deserialize_any(Visit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_lowest_terms_and_orders_by_value() {
        assert_eq!(Decimal::new(250, 2), Decimal::new(25, 1));
        assert_eq!(Decimal::new(0, 5), Decimal::from_int(0));
        let mut values: Vec<Decimal> = ["2.5", "10", "-3", "2.45", "0.001", "100000"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        values.sort();
        let shown: Vec<String> = values.iter().map(Decimal::to_string).collect();
        assert_eq!(shown, ["-3", "0.001", "2.45", "2.5", "10", "100000"]);
    }

    #[test]
    fn multiplies_and_adds_exactly() {
        let v: Decimal = "4.1".parse().unwrap();
        assert_eq!(v.scaled(6), Some(Decimal::from_int(4_100_000)));
        assert_ne!(4.1f64 * 1e6, 4_100_000.0, "the float product is off");
        let sum = Decimal::from_int(1_000_000_000).checked_add(Decimal::from_int(200_000_000));
        assert_eq!(sum, Some(Decimal::from_int(1_200_000_000)));
        assert_eq!(Decimal::from_int(i128::MAX).scaled(1), None);
        assert_eq!(
            Decimal::from_int(100).checked_add(Decimal::new(1, 38)),
            None,
            "100 at 38 places does not fit"
        );
    }

    #[test]
    fn compares_values_too_large_to_align() {
        let huge = Decimal::from_int(i128::MAX);
        let small = Decimal::new(1, 30);
        assert!(huge > small);
        assert_eq!(small.cmp(&huge), Ordering::Less);
        assert!(Decimal::from_int(-i128::MAX) < Decimal::new(-1, 30));
    }

    #[cfg(feature = "serde")]
    #[test]
    fn json_reads_back_the_same_value() {
        for text in [
            "2500000",
            "98.4",
            "0.05",
            "123456789012345678901234",
            "0.1234567890123456789",
            "-7",
        ] {
            let v: Decimal = text.parse().unwrap();
            let json = serde_json::to_string(&v).unwrap();
            assert_eq!(
                serde_json::from_str::<Decimal>(&json).unwrap(),
                v,
                "{text} as {json}"
            );
        }
        assert_eq!(
            serde_json::to_string(&Decimal::new(984, 1)).unwrap(),
            "98.4"
        );
        assert_eq!(
            serde_json::to_string(&Decimal::from_int(2_500_000)).unwrap(),
            "2500000"
        );
    }

    #[test]
    fn prints_and_reads_back() {
        for text in [
            "0.05",
            "-0.5",
            "2500000",
            "98.4",
            "0.000000000000000000000000000000000001",
        ] {
            let v: Decimal = text.parse().unwrap();
            assert_eq!(v.to_string(), text);
        }
        for bad in ["", ".", "1.2.3", "1e5", "+1", "١٢"] {
            assert!(bad.parse::<Decimal>().is_err(), "{bad:?}");
        }
    }
}
