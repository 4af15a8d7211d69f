//! Calendar arithmetic on the proleptic Gregorian calendar: days in a month, the weekday of
//! a date, adding days, months and years, ISO weeks, and the n-th weekday of a month.
//!
//! Days are counted from 1970-01-01 (day 0), after Howard Hinnant's `days_from_civil`.

use crate::claims::value::days_in_month;

/// A calendar day. Fields are always a valid date once built through [`Ymd::new`].
#[derive(Clone, Copy, Debug, Eq, Ord, PartialEq, PartialOrd)]
pub(crate) struct Ymd {
    pub(crate) y: i32,
    pub(crate) m: u8,
    pub(crate) d: u8,
}

/// Monday is 1 … Sunday is 7 (ISO 8601).
pub(crate) type Weekday = u8;

impl Ymd {
    /// The day, if it exists (years 0–9999).
    pub(crate) fn new(y: i32, m: u8, d: u8) -> Option<Ymd> {
        ((0..=9999).contains(&y) && d >= 1 && d <= days_in_month(y, m)).then_some(Ymd { y, m, d })
    }

    /// Days since 1970-01-01.
    pub(crate) fn days(self) -> i64 {
        let (m, d) = (i64::from(self.m), i64::from(self.d));
        let y = i64::from(self.y) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day `n` days after 1970-01-01, if its year is in 0–9999.
    pub(crate) fn from_days(n: i64) -> Option<Ymd> {
        let z = n + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let y = yoe + era * 400 + i64::from(m <= 2);
        Ymd::new(i32::try_from(y).ok()?, m, d)
    }

    /// The weekday, Monday 1 … Sunday 7.
    pub(crate) fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (4).
        ((self.days() + 3).rem_euclid(7) + 1) as u8
    }

    /// The day `n` days later (earlier for negative `n`).
    pub(crate) fn add_days(self, n: i64) -> Option<Ymd> {
        Ymd::from_days(self.days().checked_add(n)?)
    }

    /// The same day `n` months later, clamped to the end of a shorter month
    /// (January 31 plus one month is February 28 or 29).
    pub(crate) fn add_months(self, n: i32) -> Option<Ymd> {
        let total = self
            .y
            .checked_mul(12)?
            .checked_add(i32::from(self.m) - 1)?
            .checked_add(n)?;
        let (y, m) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8);
        let dim = days_in_month(y, m);
        Ymd::new(y, m, self.d.min(dim))
    }

    /// The same day `n` years later, February 29 becoming February 28 in a common year.
    pub(crate) fn add_years(self, n: i32) -> Option<Ymd> {
        self.add_months(n.checked_mul(12)?)
    }

    /// The ISO 8601 week-year and week number (1–53).
    pub(crate) fn iso_week(self) -> (i32, u8) {
        let wd = i64::from(self.weekday());
        // The Thursday of this week decides the week-year.
        let thursday = self.days() - wd + 4;
        let ty = Ymd::from_days(thursday).map_or(self.y, |t| t.y);
        let jan1 = Ymd { y: ty, m: 1, d: 1 }.days();
        (ty, ((thursday - jan1) / 7 + 1) as u8)
    }

    /// The day of weekday `wd` in the same ISO week (Monday-based).
    pub(crate) fn in_same_week(self, wd: Weekday) -> Option<Ymd> {
        self.add_days(i64::from(wd) - i64::from(self.weekday()))
    }

    /// The last day of weekday `wd` on or before this day (this day itself if it matches).
    pub(crate) fn on_or_before(self, wd: Weekday) -> Option<Ymd> {
        self.add_days(-(i64::from(self.weekday()) - i64::from(wd)).rem_euclid(7))
    }

    /// The last day of weekday `wd` strictly before this day.
    pub(crate) fn before(self, wd: Weekday) -> Option<Ymd> {
        self.add_days(-1)?.on_or_before(wd)
    }

    /// The first day of weekday `wd` on or after this day.
    pub(crate) fn on_or_after(self, wd: Weekday) -> Option<Ymd> {
        self.add_days((i64::from(wd) - i64::from(self.weekday())).rem_euclid(7))
    }
}

/// The `n`-th (1-based) weekday `wd` of a month, if the month has that many.
pub(crate) fn nth_weekday(y: i32, m: u8, wd: Weekday, n: u8) -> Option<Ymd> {
    let first = Ymd::new(y, m, 1)?.on_or_after(wd)?;
    let d = first.d.checked_add(n.checked_sub(1)?.checked_mul(7)?)?;
    Ymd::new(y, m, d)
}

/// The last weekday `wd` of a month.
pub(crate) fn last_weekday(y: i32, m: u8, wd: Weekday) -> Option<Ymd> {
    Ymd::new(y, m, days_in_month(y, m))?.on_or_before(wd)
}

/// Easter Sunday of year `y` (anonymous Gregorian algorithm).
pub(crate) fn easter(y: i32) -> Option<Ymd> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Ymd::new(y, month as u8, day as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u8, d: u8) -> Ymd {
        Ymd::new(y, m, d).unwrap()
    }

    #[test]
    fn validity() {
        assert!(Ymd::new(2021, 2, 29).is_none());
        assert!(Ymd::new(2020, 2, 29).is_some());
        assert!(Ymd::new(1900, 2, 29).is_none());
        assert!(Ymd::new(2000, 2, 29).is_some());
        assert!(Ymd::new(2021, 4, 31).is_none());
        assert!(Ymd::new(2021, 13, 1).is_none());
        assert!(Ymd::new(2021, 0, 1).is_none());
        assert!(Ymd::new(2021, 1, 0).is_none());
        assert!(Ymd::new(10_000, 1, 1).is_none());
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(ymd(1970, 1, 1).days(), 0);
        assert_eq!(ymd(2000, 3, 1).days(), 11_017);
        assert_eq!(ymd(1969, 12, 31).days(), -1);
        for n in (-719_000..2_900_000).step_by(997) {
            let d = Ymd::from_days(n).unwrap();
            assert_eq!(d.days(), n, "{d:?}");
        }
        assert_eq!(Ymd::from_days(i64::MAX / 2), None);
    }

    #[test]
    fn weekdays() {
        let table = [
            (ymd(1970, 1, 1), 4),
            (ymd(1981, 8, 30), 7),
            (ymd(2016, 11, 7), 1),
            (ymd(2021, 5, 10), 1),
            (ymd(2000, 2, 29), 2),
            (ymd(1600, 1, 1), 6),
            (ymd(2024, 12, 31), 2),
        ];
        for (d, wd) in table {
            assert_eq!(d.weekday(), wd, "{d:?}");
        }
    }

    #[test]
    fn adding() {
        let table = [
            (ymd(2016, 11, 7), -1, ymd(2016, 11, 6)),
            (ymd(2016, 3, 1), -1, ymd(2016, 2, 29)),
            (ymd(2016, 12, 31), 1, ymd(2017, 1, 1)),
            (ymd(2018, 4, 20), 3, ymd(2018, 4, 23)),
            (ymd(2016, 11, 7), 14, ymd(2016, 11, 21)),
        ];
        for (d, n, want) in table {
            assert_eq!(d.add_days(n), Some(want));
        }
        assert_eq!(ymd(2016, 1, 31).add_months(1), Some(ymd(2016, 2, 29)));
        assert_eq!(ymd(2017, 1, 31).add_months(1), Some(ymd(2017, 2, 28)));
        assert_eq!(ymd(2016, 11, 7).add_months(-1), Some(ymd(2016, 10, 7)));
        assert_eq!(ymd(2016, 1, 15).add_months(-13), Some(ymd(2014, 12, 15)));
        assert_eq!(ymd(2016, 2, 29).add_years(1), Some(ymd(2017, 2, 28)));
        assert_eq!(ymd(2016, 11, 7).add_years(-40), Some(ymd(1976, 11, 7)));
        assert_eq!(ymd(9999, 12, 31).add_days(1), None);
        assert_eq!(ymd(2016, 1, 1).add_months(i32::MAX), None);
    }

    #[test]
    fn iso_weeks() {
        let table = [
            (ymd(2016, 11, 7), (2016, 45)),
            (ymd(2021, 4, 7), (2021, 14)),
            (ymd(2021, 1, 3), (2020, 53)),
            (ymd(2021, 1, 4), (2021, 1)),
            (ymd(2008, 12, 29), (2009, 1)),
            (ymd(2010, 1, 3), (2009, 53)),
            (ymd(2005, 1, 2), (2004, 53)),
            (ymd(2007, 12, 31), (2008, 1)),
        ];
        for (d, want) in table {
            assert_eq!(d.iso_week(), want, "{d:?}");
        }
        assert_eq!(ymd(2020, 12, 31).iso_week(), (2020, 53));
        assert_eq!(ymd(2015, 12, 31).iso_week(), (2015, 53));
    }

    #[test]
    fn weekday_moves() {
        let mon = ymd(2016, 11, 7);

        assert_eq!(mon.in_same_week(5), Some(ymd(2016, 11, 11)));
        assert_eq!(mon.in_same_week(7), Some(ymd(2016, 11, 13)));
        assert_eq!(mon.on_or_before(1), Some(mon));
        assert_eq!(mon.on_or_before(7), Some(ymd(2016, 11, 6)));
        assert_eq!(mon.on_or_before(5), Some(ymd(2016, 11, 4)));
        assert_eq!(mon.before(1), Some(ymd(2016, 10, 31)));
        assert_eq!(mon.on_or_after(5), Some(ymd(2016, 11, 11)));
        assert_eq!(mon.on_or_after(1), Some(mon));
    }

    #[test]
    fn month_weekdays() {
        assert_eq!(nth_weekday(2016, 7, 5, 1), Some(ymd(2016, 7, 1)));
        assert_eq!(nth_weekday(2018, 4, 5, 1), Some(ymd(2018, 4, 6)));
        assert_eq!(nth_weekday(2018, 4, 1, 2), Some(ymd(2018, 4, 9)));
        assert_eq!(nth_weekday(2018, 2, 3, 3), Some(ymd(2018, 2, 21)));
        assert_eq!(nth_weekday(2017, 9, 7, 5), None);
        assert_eq!(nth_weekday(2017, 9, 7, 0), None);
        assert_eq!(nth_weekday(2016, 11, 4, 4), Some(ymd(2016, 11, 24)));
        assert_eq!(last_weekday(2021, 5, 1), Some(ymd(2021, 5, 31)));
    }

    #[test]
    fn easter_sundays() {
        assert_eq!(easter(2016), Some(ymd(2016, 3, 27)));
        assert_eq!(easter(2021), Some(ymd(2021, 4, 4)));
        assert_eq!(easter(2019), Some(ymd(2019, 4, 21)));
        assert_eq!(easter(1981), Some(ymd(1981, 4, 19)));
    }
}
