//! Claim values: exact decimal numbers and ISO 8601 dates at the grain the text gives.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::error::{Error, ErrorKind};

/// The value (or a bound) of a claim: a number, or a date for `date` claims.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum Value {
    /// A number: an amount of money in its currency's main unit, a count, a percentage, a
    /// duration in its unit.
    Number(Number),
    /// A date (`date` claims).
    Date(Date),
}

impl Value {
    /// The number, if this is one.
    pub fn as_number(&self) -> Option<Number> {
        match *self {
            Value::Number(n) => Some(n),
            Value::Date(_) => None,
        }
    }

    /// The date, if this is one.
    pub fn as_date(&self) -> Option<Date> {
        match *self {
            Value::Date(d) => Some(d),
            Value::Number(_) => None,
        }
    }
}

impl From<Number> for Value {
    fn from(n: Number) -> Value {
        Value::Number(n)
    }
}

impl From<Date> for Value {
    fn from(d: Date) -> Value {
        Value::Date(d)
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Number(n) => n.fmt(f),
            Value::Date(d) => d.fmt(f),
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Number(n) => n.serialize(s),
            Value::Date(d) => d.serialize(s),
        }
    }
}

/// An exact decimal number, `mantissa × 10^-scale`, always kept normalised (no trailing
/// zero digits after the point), so that equal numbers compare equal; money is never held
/// in floating point.
///
/// ```
/// use claimscan::Number;
///
/// let n = Number::new(15, 1).scaled(6).unwrap(); // 1.5 million
/// assert_eq!(n, Number::from(1_500_000));
/// assert_eq!(n.to_string(), "1500000");
/// assert_eq!(Number::new(6667, 2).to_string(), "66.67");
/// ```
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub struct Number {
    mantissa: i128,
    scale: u8,
}

impl Number {
    /// `mantissa × 10^-scale` (`Number::new(15, 1)` is 1.5).
    pub fn new(mantissa: i128, scale: u8) -> Number {
        Number { mantissa, scale }.normalized()
    }

    /// The mantissa of the normalised form (no trailing zero digits after the point).
    pub fn mantissa(&self) -> i128 {
        self.mantissa
    }

    /// The number of digits after the decimal point in the normalised form.
    pub fn scale(&self) -> u8 {
        self.scale
    }

    /// Multiplies by `10^exp` (a magnitude word: `million` is 6), or `None` on overflow.
    pub fn scaled(self, exp: u32) -> Option<Number> {
        let mut m = self.mantissa;
        let mut s = u32::from(self.scale);
        let mut e = exp;
        while e > 0 && s > 0 {
            s -= 1;
            e -= 1;
        }
        m = m.checked_mul(10i128.checked_pow(e)?)?;
        Some(
            Number {
                mantissa: m,
                scale: s as u8,
            }
            .normalized(),
        )
    }

    /// Multiplies two numbers, or `None` on overflow.
    pub fn checked_mul(self, other: Number) -> Option<Number> {
        let m = self.mantissa.checked_mul(other.mantissa)?;
        let s = self.scale.checked_add(other.scale)?;
        Some(
            Number {
                mantissa: m,
                scale: s,
            }
            .normalized(),
        )
    }

    /// Adds two numbers, or `None` on overflow.
    pub fn checked_add(self, other: Number) -> Option<Number> {
        let s = self.scale.max(other.scale);
        let a = self
            .mantissa
            .checked_mul(10i128.checked_pow(u32::from(s - self.scale))?)?;
        let b = other
            .mantissa
            .checked_mul(10i128.checked_pow(u32::from(s - other.scale))?)?;
        Some(
            Number {
                mantissa: a.checked_add(b)?,
                scale: s,
            }
            .normalized(),
        )
    }

    /// Rounds to `digits` places after the point (half away from zero).
    pub fn rounded(self, digits: u8) -> Number {
        if self.scale <= digits {
            return self;
        }
        let drop = 10i128.pow(u32::from(self.scale - digits));
        let q = self.mantissa / drop;
        let r = self.mantissa % drop;
        let q = if r.abs() * 2 >= drop {
            q + r.signum()
        } else {
            q
        };
        Number {
            mantissa: q,
            scale: digits,
        }
        .normalized()
    }

    /// True if the number has no fractional part.
    pub fn is_integer(&self) -> bool {
        self.scale == 0
    }

    /// The number as an `i64`, if it is an integer in range.
    pub fn to_i64(&self) -> Option<i64> {
        if self.scale == 0 {
            i64::try_from(self.mantissa).ok()
        } else {
            None
        }
    }

    /// The nearest `f64`.
    pub fn to_f64(&self) -> f64 {
        self.mantissa as f64 / 10f64.powi(i32::from(self.scale))
    }

    fn normalized(mut self) -> Number {
        while self.scale > 0 && self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.scale -= 1;
        }
        if self.mantissa == 0 {
            self.scale = 0;
        }
        self
    }
}

impl From<i64> for Number {
    fn from(n: i64) -> Number {
        Number {
            mantissa: i128::from(n),
            scale: 0,
        }
    }
}

impl From<i32> for Number {
    fn from(n: i32) -> Number {
        Number {
            mantissa: i128::from(n),
            scale: 0,
        }
    }
}

impl From<u32> for Number {
    fn from(n: u32) -> Number {
        Number {
            mantissa: i128::from(n),
            scale: 0,
        }
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.scale == 0 {
            return write!(f, "{}", self.mantissa);
        }
        let p = 10i128.pow(u32::from(self.scale));
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let a = self.mantissa.unsigned_abs();
        let p = p as u128;
        write!(
            f,
            "{sign}{}.{:0width$}",
            a / p,
            a % p,
            width = usize::from(self.scale)
        )
    }
}

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.scale == 0 {
            if let Ok(v) = i64::try_from(self.mantissa) {
                return s.serialize_i64(v);
            }
        }
        s.serialize_f64(self.to_f64())
    }
}

/// An ISO 8601 date at the grain the text gives: `1981-08-30`, `1992-04`, `1997`, a decade
/// `198X`, a date without its year `XXXX-10-02`, or a full timestamp with its time and
/// offset (`2021-05-10T09:46:35+00:00`). A part of a year other than a month is written as
/// in TIMEX: an ISO week `2016-W45`, its weekend `2016-W45-WE`, a quarter `2016-Q3`, a half
/// `2016-H1`, a season `2016-SU` (see [`Date::part`]).
///
/// ```
/// use claimscan::Date;
///
/// assert_eq!(Date::ymd(1981, 8, 30).unwrap().to_string(), "1981-08-30");
/// assert_eq!(Date::decade(1980).to_string(), "198X");
/// assert_eq!(Date::month_day(10, 2).unwrap().to_string(), "XXXX-10-02");
/// assert_eq!(Date::parse_ymd("2021-05-15")?, Date::ymd(2021, 5, 15).unwrap());
/// assert_eq!(Date::iso_week(2016, 45).unwrap().to_string(), "2016-W45");
/// # Ok::<(), claimscan::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub struct Date {
    year: Option<i32>,
    grain: YearGrain,
    month: Option<u8>,
    day: Option<u8>,
    time: Option<Time>,
    part: Option<YearPart>,
}

/// A part of a year that is not a month or a day; the year of a week is its ISO week-year.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[non_exhaustive]
pub enum YearPart {
    /// An ISO 8601 week, 1–53 (`2016-W45`).
    Week(u8),
    /// The weekend of an ISO week (`2016-W45-WE`).
    Weekend(u8),
    /// A quarter, 1–4 (`2016-Q3`).
    Quarter(u8),
    /// A half, 1–2 (`2016-H1`).
    Half(u8),
    /// A season (`2016-SU`).
    Season(Season),
}

/// A season of the year, written as in TIMEX (`SP`, `SU`, `FA`, `WI`).
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum Season {
    /// Spring, `SP`.
    Spring,
    /// Summer, `SU`.
    Summer,
    /// Autumn (fall), `FA`.
    Fall,
    /// Winter, `WI`.
    Winter,
}

impl Season {
    /// The TIMEX code: `SP`, `SU`, `FA` or `WI`.
    pub fn code(&self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }
}

/// How much of the year a [`Date`] knows.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum YearGrain {
    /// The year itself (`1997`).
    Year,
    /// Its decade only (`198X`).
    Decade,
    /// Its century only (`19XX`).
    Century,
}

/// A time of day, with its UTC offset if the text gives one.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub struct Time {
    /// Hour, 0–23.
    pub hour: u8,
    /// Minute, 0–59.
    pub minute: u8,
    /// Second, 0–60, if given.
    pub second: Option<u8>,
    /// Offset from UTC in minutes, if given.
    pub offset_minutes: Option<i16>,
}

/// Days in `month` of `year` (proleptic Gregorian), or 0 for a bad month.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A full date, or `None` if it does not exist.
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<Date> {
        (day >= 1 && day <= days_in_month(year, month) && (0..=9999).contains(&year)).then_some(
            Date {
                year: Some(year),
                grain: YearGrain::Year,
                month: Some(month),
                day: Some(day),
                time: None,
                part: None,
            },
        )
    }

    /// A month of a year (`1992-04`).
    pub fn year_month(year: i32, month: u8) -> Option<Date> {
        ((1..=12).contains(&month) && (0..=9999).contains(&year)).then_some(Date {
            year: Some(year),
            grain: YearGrain::Year,
            month: Some(month),
            day: None,
            time: None,
            part: None,
        })
    }

    /// A year (`1997`).
    pub fn year(year: i32) -> Date {
        Date {
            year: Some(year),
            grain: YearGrain::Year,
            month: None,
            day: None,
            time: None,
            part: None,
        }
    }

    /// The decade that `year` falls in (`1984` → `198X`).
    pub fn decade(year: i32) -> Date {
        Date {
            year: Some(year - year.rem_euclid(10)),
            grain: YearGrain::Decade,
            month: None,
            day: None,
            time: None,
            part: None,
        }
    }

    /// The century that `year` falls in (`1984` → `19XX`).
    pub fn century(year: i32) -> Date {
        Date {
            year: Some(year - year.rem_euclid(100)),
            grain: YearGrain::Century,
            month: None,
            day: None,
            time: None,
            part: None,
        }
    }

    /// A day of a month in an unknown year (`XXXX-10-02`).
    pub fn month_day(month: u8, day: u8) -> Option<Date> {
        (day >= 1 && day <= days_in_month(2000, month)).then_some(Date {
            year: None,
            grain: YearGrain::Year,
            month: Some(month),
            day: Some(day),
            time: None,
            part: None,
        })
    }

    /// A month in an unknown year (`XXXX-04`).
    pub fn month_only(month: u8) -> Option<Date> {
        (1..=12).contains(&month).then_some(Date {
            year: None,
            grain: YearGrain::Year,
            month: Some(month),
            day: None,
            time: None,
            part: None,
        })
    }

    /// A part of a year (`2016-W45`, `2016-Q3`), or `None` if the week, quarter or half does
    /// not exist.
    pub fn with_part(year: i32, part: YearPart) -> Option<Date> {
        let ok = match part {
            YearPart::Week(w) | YearPart::Weekend(w) => (1..=53).contains(&w),
            YearPart::Quarter(q) => (1..=4).contains(&q),
            YearPart::Half(h) => (1..=2).contains(&h),
            YearPart::Season(_) => true,
        };
        (ok && (0..=9999).contains(&year)).then_some(Date {
            year: Some(year),
            grain: YearGrain::Year,
            month: None,
            day: None,
            time: None,
            part: Some(part),
        })
    }

    /// An ISO 8601 week of an ISO week-year (`2016-W45`).
    pub fn iso_week(year: i32, week: u8) -> Option<Date> {
        Date::with_part(year, YearPart::Week(week))
    }

    /// The same date with a time of day.
    pub fn with_time(mut self, time: Time) -> Date {
        self.time = Some(time);
        self
    }

    /// The same date in another year (for year-less dates resolved against a reference).
    pub fn with_year(mut self, year: i32) -> Date {
        self.year = Some(year);
        self.grain = YearGrain::Year;
        self
    }

    /// Parses `YYYY-MM-DD`.
    ///
    /// # Errors
    ///
    /// If `s` is not a valid date in that form.
    pub fn parse_ymd(s: &str) -> Result<Date, Error> {
        let bad = || Error::new(ErrorKind::BadDate(s.chars().take(40).collect()));
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
            return Err(bad());
        };
        Date::ymd(y as i32, m as u8, d as u8).ok_or_else(bad)
    }

    /// The year, if known (for a decade or century: its first year).
    pub fn year_value(&self) -> Option<i32> {
        self.year
    }

    /// How much of the year is known.
    pub fn grain(&self) -> YearGrain {
        self.grain
    }

    /// The month, 1–12, if given.
    pub fn month(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, if given.
    pub fn day(&self) -> Option<u8> {
        self.day
    }

    /// The time of day, if given.
    pub fn time(&self) -> Option<Time> {
        self.time
    }

    /// The week, weekend, quarter, half or season, if the date is one.
    pub fn part(&self) -> Option<YearPart> {
        self.part
    }

    /// The same date without its time of day.
    pub fn without_time(mut self) -> Date {
        self.time = None;
        self
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.year, self.grain) {
            (None, _) => f.write_str("XXXX")?,
            (Some(y), YearGrain::Year) => write!(f, "{y:04}")?,
            (Some(y), YearGrain::Decade) => write!(f, "{:03}X", y.div_euclid(10))?,
            (Some(y), YearGrain::Century) => write!(f, "{:02}XX", y.div_euclid(100))?,
        }
        match self.part {
            None => {}
            Some(YearPart::Week(w)) => write!(f, "-W{w:02}")?,
            Some(YearPart::Weekend(w)) => write!(f, "-W{w:02}-WE")?,
            Some(YearPart::Quarter(q)) => write!(f, "-Q{q}")?,
            Some(YearPart::Half(h)) => write!(f, "-H{h}")?,
            Some(YearPart::Season(s)) => write!(f, "-{}", s.code())?,
        }
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        if let Some(t) = self.time {
            write!(f, "T{:02}:{:02}", t.hour, t.minute)?;
            if let Some(s) = t.second {
                write!(f, ":{s:02}")?;
            }
            match t.offset_minutes {
                None => {}
                Some(o) => {
                    let sign = if o < 0 { '-' } else { '+' };
                    let o = o.unsigned_abs();
                    write!(f, "{sign}{:02}:{:02}", o / 60, o % 60)?;
                }
            }
        }
        Ok(())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(Number::new(1500, 3), Number::new(15, 1));
        assert_eq!(Number::new(15, 1).scaled(6), Some(Number::from(1_500_000)));
        assert_eq!(
            Number::new(113, 2).scaled(9).unwrap().to_string(),
            "1130000000"
        );
        assert_eq!(
            Number::new(2, 0)
                .checked_mul(Number::new(5, 1))
                .unwrap()
                .to_string(),
            "1"
        );
        assert_eq!(
            Number::new(200, 0)
                .checked_add(Number::new(25, 1))
                .unwrap()
                .to_string(),
            "202.5"
        );
        assert_eq!(Number::new(666_666, 4).rounded(2).to_string(), "66.67");
        assert_eq!(Number::new(-15, 1).to_string(), "-1.5");
        assert_eq!(Number::new(5, 2).to_string(), "0.05");
        assert_eq!(serde_json::to_string(&Number::new(5, 1)).unwrap(), "0.5");
        assert_eq!(
            serde_json::to_string(&Number::from(17000)).unwrap(),
            "17000"
        );
        assert_eq!(Number::from(1).scaled(40), None);
    }

    #[test]
    fn dates() {
        assert_eq!(Date::year(1997).to_string(), "1997");
        assert_eq!(Date::year_month(1992, 4).unwrap().to_string(), "1992-04");
        assert_eq!(Date::century(1984).to_string(), "19XX");
        assert!(Date::ymd(2021, 2, 29).is_none());
        assert!(Date::ymd(2020, 2, 29).is_some());
        let t = Time {
            hour: 9,
            minute: 46,
            second: Some(35),
            offset_minutes: Some(0),
        };
        assert_eq!(
            Date::ymd(2021, 5, 10).unwrap().with_time(t).to_string(),
            "2021-05-10T09:46:35+00:00"
        );
        assert_eq!(Date::iso_week(2021, 14).unwrap().to_string(), "2021-W14");
        assert_eq!(
            Date::with_part(2016, YearPart::Weekend(45))
                .unwrap()
                .to_string(),
            "2016-W45-WE"
        );
        assert_eq!(
            Date::with_part(2016, YearPart::Quarter(3))
                .unwrap()
                .to_string(),
            "2016-Q3"
        );
        assert_eq!(
            Date::with_part(2019, YearPart::Half(1))
                .unwrap()
                .to_string(),
            "2019-H1"
        );
        assert_eq!(
            Date::with_part(2016, YearPart::Season(Season::Summer))
                .unwrap()
                .to_string(),
            "2016-SU"
        );
        assert!(Date::iso_week(2021, 54).is_none());
        assert!(Date::with_part(2021, YearPart::Quarter(5)).is_none());
        assert_eq!(Date::month_only(4).unwrap().to_string(), "XXXX-04");
        assert_eq!(
            Date::month_only(4).unwrap().with_year(1992).to_string(),
            "1992-04"
        );
        assert_eq!(
            Date::ymd(2021, 5, 10)
                .unwrap()
                .with_time(t)
                .without_time()
                .to_string(),
            "2021-05-10"
        );
        assert!(Date::parse_ymd("2021-13-01").is_err());
        assert!(Date::parse_ymd("21-01-01").is_err());
        assert_eq!(
            Date::parse_ymd("yesterday").unwrap_err().to_string(),
            "bad date `yesterday`: expected YYYY-MM-DD"
        );
    }
}
