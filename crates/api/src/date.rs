//! Typed dates: a calendar [`Day`] and a [`Period`] (a day, month, quarter or year), with
//! the days each covers.
//!
//! An [`EventDate`](crate::EventDate) carries its value as the ISO text the JSON contract
//! shows (`2024-09-26`, `2024-09`, `2024`). Whoever needs to know what that text means —
//! the store when it merges, the export when it filters or writes calendars, the importer
//! when it checks a file, the web app when it places an event on the axis — parses it here,
//! once, with one set of rules. The arithmetic is written out (days since 1970 in the
//! proleptic Gregorian calendar, Howard Hinnant's `days_from_civil`) rather than taken from
//! chrono because this crate is in the browser bundle, which must stay small.

use crate::event::Precision;
use std::fmt;
use std::str::FromStr;

/// Days since 1970-01-01 of a calendar date (proleptic Gregorian), for any year.
///
/// The month and day are not checked: day 32 of January is the 1st of February.
///
/// ```
/// assert_eq!(dateline_api::date::days_from_civil(1970, 1, 2), 1);
/// ```
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The calendar date (year, month, day) of a number of days since 1970-01-01.
///
/// ```
/// assert_eq!(dateline_api::date::civil_from_days(0), (1970, 1, 1));
/// ```
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// Whether `year` has a 29 February.
fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// The number of days in a month (1-based) of a year.
fn month_days(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The years a [`Day`] can be in: the ones written with four digits.
pub const YEARS: std::ops::RangeInclusive<i32> = 0..=9999;

/// A real calendar day between 0000-01-01 and 9999-12-31, written `YYYY-MM-DD`.
///
/// ```
/// use dateline_api::date::Day;
/// let d: Day = "2024-02-29".parse().unwrap();
/// assert_eq!((d.year(), d.month(), d.day()), (2024, 2, 29));
/// assert!("2023-02-29".parse::<Day>().is_err());
/// assert_eq!(d.to_string(), "2024-02-29");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    // Field order gives the derived order: by year, then month, then day.
    year: i32,
    month: u32,
    day: u32,
}

impl Day {
    /// The day `year-month-day`, if it is a real one in [`YEARS`].
    pub fn new(year: i32, month: u32, day: u32) -> Option<Day> {
        (YEARS.contains(&year)
            && (1..=12).contains(&month)
            && (1..=month_days(year, month)).contains(&day))
        .then_some(Day { year, month, day })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u32 {
        self.month
    }

    /// The day of the month, from 1.
    pub fn day(self) -> u32 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn number(self) -> i64 {
        days_from_civil(
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        )
    }

    /// The day `n` days after 1970-01-01, if it is in [`YEARS`].
    pub fn from_number(n: i64) -> Option<Day> {
        let (y, m, d) = civil_from_days(n);
        Day::new(
            i32::try_from(y).ok()?,
            u32::try_from(m).ok()?,
            u32::try_from(d).ok()?,
        )
    }

    /// The day after, if it is in [`YEARS`].
    pub fn next(self) -> Option<Day> {
        Day::from_number(self.number() + 1)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// `n` ASCII digits as a number; `None` for anything else (signs and spaces included).
fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.bytes().fold(0, |a, b| a * 10 + u32::from(b - b'0')))
}

/// Splits `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into numbers, checking only the digits.
fn fields(s: &str) -> Option<(i32, Option<u32>, Option<u32>)> {
    let mut parts = s.split('-');
    let year = i32::try_from(digits(parts.next()?, 4)?).ok()?;
    let month = parts
        .next()
        .map(|m| digits(m, 2))
        .map_or(Ok(None), |m| m.ok_or(()).map(Some));
    let day = parts
        .next()
        .map(|d| digits(d, 2))
        .map_or(Ok(None), |d| d.ok_or(()).map(Some));
    if parts.next().is_some() {
        return None;
    }
    Some((year, month.ok()?, day.ok()?))
}

impl FromStr for Day {
    type Err = DateError;

    /// Parses `YYYY-MM-DD`, a real calendar day.
    fn from_str(s: &str) -> Result<Day, DateError> {
        match fields(s) {
            Some((y, Some(m), Some(d))) => Day::new(y, m, d),
            _ => None,
        }
        .ok_or_else(|| DateError::new(s, Precision::Day))
    }
}

/// A date at a precision: a day, a month, a calendar quarter or a year.
///
/// It is what an [`EventDate`](crate::EventDate)'s `value` means at its `precision`, and it
/// covers a range of days ([`Period::first`] to [`Period::last`]). `Display` writes the
/// value back the way the JSON contract does (a quarter as its first month).
///
/// ```
/// use dateline_api::{Precision, date::Period};
/// let q = Period::parse("2024-10", Precision::Quarter).unwrap();
/// assert_eq!((q.first().to_string(), q.last().to_string()), ("2024-10-01".into(), "2024-12-31".into()));
/// assert!(Period::parse("2024-11", Precision::Quarter).is_err());
/// // Without a precision, the form says it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
/// assert_eq!("2024-05".parse::<Period>().unwrap().precision(), Precision::Month);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    first: Day,
    precision: Precision,
}

impl Period {
    /// Reads `value` at `precision`: `YYYY-MM-DD` a real day, `YYYY-MM` a month (for a
    /// quarter, its first month: 01, 04, 07 or 10), `YYYY` a year.
    pub fn parse(value: &str, precision: Precision) -> Result<Period, DateError> {
        let first = match (precision, fields(value)) {
            (Precision::Day, Some((y, Some(m), Some(d)))) => Day::new(y, m, d),
            (Precision::Month, Some((y, Some(m), None))) => Day::new(y, m, 1),
            (Precision::Quarter, Some((y, Some(m @ (1 | 4 | 7 | 10)), None))) => Day::new(y, m, 1),
            (Precision::Year, Some((y, None, None))) => Day::new(y, 1, 1),
            _ => None,
        };
        first
            .map(|first| Period { first, precision })
            .ok_or_else(|| DateError::new(value, precision))
    }

    /// How precise it is.
    pub fn precision(self) -> Precision {
        self.precision
    }

    /// The first day it covers.
    pub fn first(self) -> Day {
        self.first
    }

    /// The last day it covers.
    pub fn last(self) -> Day {
        let Day { year, month, .. } = self.first;
        match self.precision {
            Precision::Day => self.first,
            Precision::Month => Day {
                year,
                month,
                day: month_days(year, month),
            },
            Precision::Quarter => Day {
                year,
                month: month + 2,
                day: month_days(year, month + 2),
            },
            Precision::Year => Day {
                year,
                month: 12,
                day: 31,
            },
        }
    }

    /// The first and the last day it covers.
    pub fn days(self) -> (Day, Day) {
        (self.first(), self.last())
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Day { year, month, .. } = self.first;
        match self.precision {
            Precision::Day => self.first.fmt(f),
            Precision::Month | Precision::Quarter => write!(f, "{year:04}-{month:02}"),
            Precision::Year => write!(f, "{year:04}"),
        }
    }
}

impl FromStr for Period {
    type Err = DateError;

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, its precision (year, month, day) read from
    /// its form; an error names the precision the text's length suggests.
    fn from_str(s: &str) -> Result<Period, DateError> {
        let precision = match fields(s) {
            Some((_, None, _)) => Precision::Year,
            Some((_, Some(_), None)) => Precision::Month,
            Some(_) => Precision::Day,
            None => match s.len() {
                4 => Precision::Year,
                7 => Precision::Month,
                _ => Precision::Day,
            },
        };
        Period::parse(s, precision)
    }
}

/// A date that is not a real one written at its precision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    value: String,
    precision: Precision,
}

impl DateError {
    fn new(value: &str, precision: Precision) -> DateError {
        DateError {
            value: value.to_string(),
            precision,
        }
    }

    /// The text that was not a date.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The precision it was read at.
    pub fn precision(&self) -> Precision {
        self.precision
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid date {:?} at {} precision: expected {}",
            self.value,
            self.precision,
            match self.precision {
                Precision::Day => "a real calendar date as YYYY-MM-DD",
                Precision::Month => "YYYY-MM",
                Precision::Quarter => "YYYY-MM with the quarter's first month (01, 04, 07, 10)",
                Precision::Year => "YYYY",
            }
        )
    }
}

impl std::error::Error for DateError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(value: &str, precision: Precision) -> Option<(String, String)> {
        let p = Period::parse(value, precision).ok()?;
        Some((p.first().to_string(), p.last().to_string()))
    }

    #[test]
    fn days_are_real_calendar_days() {
        assert!("2024-02-29".parse::<Day>().is_ok());
        assert!("2000-02-29".parse::<Day>().is_ok());
        for bad in [
            "2023-02-29",
            "1900-02-29",
            "2024-04-31",
            "2024-00-10",
            "2024-13-01",
            "2024-01-00",
            "2024-1-01",
            "10000-1-01",
            "+024-01-01",
            "2024-01-01-",
            "2024-01-01 ",
            "٢٠٢٤-01-01",
            "",
        ] {
            assert!(bad.parse::<Day>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn periods_cover_their_days() {
        let s = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(
            period("2024-09-26", Precision::Day),
            s("2024-09-26", "2024-09-26")
        );
        assert_eq!(
            period("2024-02", Precision::Month),
            s("2024-02-01", "2024-02-29")
        );
        assert_eq!(
            period("2023-02", Precision::Month),
            s("2023-02-01", "2023-02-28")
        );
        assert_eq!(
            period("2024-10", Precision::Quarter),
            s("2024-10-01", "2024-12-31")
        );
        assert_eq!(
            period("2024-01", Precision::Quarter),
            s("2024-01-01", "2024-03-31")
        );
        assert_eq!(
            period("2024", Precision::Year),
            s("2024-01-01", "2024-12-31")
        );
        assert_eq!(
            period("0000", Precision::Year),
            s("0000-01-01", "0000-12-31")
        );
        assert_eq!(period("2024-11", Precision::Quarter), None);
        assert_eq!(period("2024", Precision::Day), None);
        assert_eq!(period("2024-13", Precision::Month), None);
        assert_eq!(period("2024112", Precision::Month), None);
        assert_eq!(period("2024-05-01", Precision::Month), None);
    }

    #[test]
    fn display_gives_back_the_value_it_parsed() {
        for (v, p) in [
            ("2024-09-26", Precision::Day),
            ("2024-09", Precision::Month),
            ("2024-07", Precision::Quarter),
            ("0042", Precision::Year),
        ] {
            assert_eq!(Period::parse(v, p).unwrap().to_string(), v);
        }
    }

    #[test]
    fn the_form_gives_the_precision_and_errors_name_it() {
        let p = |s: &str| s.parse::<Period>().map(|p| p.precision());
        assert_eq!(p("2024"), Ok(Precision::Year));
        assert_eq!(p("2024-05"), Ok(Precision::Month));
        assert_eq!(p("2024-05-07"), Ok(Precision::Day));
        let e = "2024-13".parse::<Period>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid date \"2024-13\" at month precision: expected YYYY-MM"
        );
        assert_eq!(
            "20x4".parse::<Period>().unwrap_err().precision(),
            Precision::Year
        );
        assert_eq!(
            "later".parse::<Period>().unwrap_err().precision(),
            Precision::Day
        );
    }

    #[test]
    fn day_numbers_round_trip_and_stop_at_the_covered_years() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (1969, 12, 31), (2024, 12, 31)] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
        let d: Day = "2024-02-28".parse().unwrap();
        assert_eq!(Day::from_number(d.number()), Some(d));
        assert_eq!(d.next().map(|d| d.to_string()), Some("2024-02-29".into()));
        let last: Day = "9999-12-31".parse().unwrap();
        assert_eq!(last.next(), None);
        assert_eq!(Day::new(-1, 1, 1), None);
    }
}
