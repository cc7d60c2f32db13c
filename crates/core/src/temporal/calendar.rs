//! Calendar arithmetic: truncating and shifting instants by a grain, holidays, seasons.
//! Every operation is checked: near chrono's limits it gives `None`, never a panic.

use super::Grain;
use super::lang::Holiday;
use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike};

/// The start of the period of `grain` that contains `t`.
pub(crate) fn trunc(t: NaiveDateTime, grain: Grain) -> Option<NaiveDateTime> {
    let d = t.date();
    let midnight = |d: NaiveDate| d.and_hms_opt(0, 0, 0);
    match grain {
        Grain::Second => d.and_hms_opt(t.hour(), t.minute(), t.second()),
        Grain::Minute => d.and_hms_opt(t.hour(), t.minute(), 0),
        Grain::Hour => d.and_hms_opt(t.hour(), 0, 0),
        Grain::Day => midnight(d),
        Grain::Week => {
            midnight(d.checked_sub_days(Days::new(u64::from(d.weekday().num_days_from_monday())))?)
        }
        Grain::Month => midnight(NaiveDate::from_ymd_opt(d.year(), d.month(), 1)?),
        Grain::Quarter => midnight(NaiveDate::from_ymd_opt(
            d.year(),
            (d.month() - 1) / 3 * 3 + 1,
            1,
        )?),
        Grain::Year => midnight(NaiveDate::from_ymd_opt(d.year(), 1, 1)?),
    }
}

/// `t` moved by `n` periods of `grain`.
pub(crate) fn shift(t: NaiveDateTime, grain: Grain, n: i64) -> Option<NaiveDateTime> {
    if n.abs() > 1_000_000 {
        return None;
    }
    let months = |k: i64| -> Option<NaiveDateTime> {
        let m = Months::new(u32::try_from(k.unsigned_abs()).ok()?);
        if k >= 0 {
            t.checked_add_months(m)
        } else {
            t.checked_sub_months(m)
        }
    };
    let delta = |secs: i64| t.checked_add_signed(TimeDelta::try_seconds(secs.checked_mul(n)?)?);
    match grain {
        Grain::Second => delta(1),
        Grain::Minute => delta(60),
        Grain::Hour => delta(3600),
        Grain::Day => delta(86_400),
        Grain::Week => delta(7 * 86_400),
        Grain::Month => months(n),
        Grain::Quarter => months(n.checked_mul(3)?),
        Grain::Year => months(n.checked_mul(12)?),
    }
}

/// Midnight of a day.
pub(crate) fn at_midnight(d: NaiveDate) -> NaiveDateTime {
    d.and_time(NaiveTime::MIN)
}

/// Western Easter Sunday (anonymous Gregorian algorithm).
fn easter(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The n-th `weekday` (0 = Monday) of a month; n = -1 is the last.
pub(crate) fn nth_weekday(year: i32, month: u32, weekday: u32, n: i32) -> Option<NaiveDate> {
    if n < 0 {
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        let last = next.pred_opt()?;
        let back = (7 + last.weekday().num_days_from_monday() - weekday) % 7;
        return last.checked_sub_days(Days::new(u64::from(back)));
    }
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let fwd = (7 + weekday - first.weekday().num_days_from_monday()) % 7;
    let d = first.checked_add_days(Days::new(
        u64::from(fwd) + 7 * u64::try_from(n.checked_sub(1)?).ok()?,
    ))?;
    (d.month() == month).then_some(d)
}

/// Orthodox Easter Sunday (Julian computus), as a Gregorian date.
fn orthodox_easter(year: i32) -> Option<NaiveDate> {
    let (a, b, c) = (year.rem_euclid(4), year.rem_euclid(7), year.rem_euclid(19));
    let d = (19 * c + 15).rem_euclid(30);
    let e = (2 * a + 4 * b - d + 34).rem_euclid(7);
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    // Julian to Gregorian: the centuries' leap days the Julian calendar keeps.
    let gap = year.div_euclid(100) - year.div_euclid(400) - 2;
    let julian =
        NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)?;
    julian.checked_add_days(Days::new(u64::try_from(gap).ok()?))
}

/// The instant (UTC, as days since 2000-01-01 12:00) of the k-th new moon after the one of
/// 2000-01-06 (Meeus, Astronomical Algorithms, ch. 49; within a few minutes).
fn new_moon(k: f64) -> f64 {
    let t = k / 1236.85;
    let jde = 5.097_66 + 29.530_588_861 * k + 0.000_154_37 * t * t - 0.000_000_150 * t * t * t;
    let e = 1.0 - 0.002_516 * t - 0.000_007_4 * t * t;
    let r = f64::to_radians;
    let m = r(2.5534 + 29.105_356_70 * k - 0.000_001_4 * t * t);
    let mp = r(201.5643 + 385.816_935_28 * k + 0.010_758_2 * t * t + 0.000_012_38 * t * t * t);
    let f = r(160.7108 + 390.670_502_84 * k - 0.001_611_8 * t * t - 0.000_002_27 * t * t * t);
    let o = r(124.7746 - 1.563_755_88 * k + 0.002_067_2 * t * t);
    let c = -0.40720 * mp.sin()
        + 0.17241 * e * m.sin()
        + 0.01608 * (2.0 * mp).sin()
        + 0.01039 * (2.0 * f).sin()
        + 0.00739 * e * (mp - m).sin()
        - 0.00514 * e * (mp + m).sin()
        + 0.00208 * e * e * (2.0 * m).sin()
        - 0.00111 * (mp - 2.0 * f).sin()
        - 0.00057 * (mp + 2.0 * f).sin()
        + 0.00056 * e * (2.0 * mp + m).sin()
        - 0.00042 * (3.0 * mp).sin()
        + 0.00042 * e * (m + 2.0 * f).sin()
        + 0.00038 * e * (m - 2.0 * f).sin()
        - 0.00024 * e * (2.0 * mp - m).sin()
        - 0.00017 * o.sin();
    jde + c
}

/// The local date and hour of the k-th new moon at a UTC offset in hours.
fn new_moon_local(k: i64, offset_hours: f64) -> Option<(NaiveDate, f64)> {
    #[allow(clippy::cast_precision_loss)]
    let days = new_moon(k as f64) + 0.5 + offset_hours / 24.0;
    let whole = days.floor();
    let hour = (days - whole) * 24.0;
    #[allow(clippy::cast_possible_truncation)]
    let whole = whole as i64;
    let base = NaiveDate::from_ymd_opt(2000, 1, 1)?;
    let d = if whole >= 0 {
        base.checked_add_days(Days::new(whole.unsigned_abs()))?
    } else {
        base.checked_sub_days(Days::new(whole.unsigned_abs()))?
    };
    Some((d, hour))
}

/// The lunation number of the new moon nearest a date.
fn lunation_near(d: NaiveDate) -> Option<i64> {
    let days = (d - NaiveDate::from_ymd_opt(2000, 1, 6)?).num_days();
    #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
    Some((days as f64 / 29.530_588_861).round() as i64)
}

/// The first day of an Islamic month: the day after the new moon when it falls before
/// sunset in Mecca (about 18:00, UTC+3), else the day after that.
fn islamic_date(year: i64, month: u8, day: u8) -> Option<NaiveDate> {
    // Lunation of 1 Muharram 1439 (new moon of 2017-09-20).
    const K1439: i64 = 219;
    let k = K1439 + (year - 1439) * 12 + i64::from(month) - 1;
    let (d, hour) = new_moon_local(k, 3.0)?;
    let skip = if hour < 18.0 { 1 } else { 2 } + u64::from(day) - 1;
    d.checked_add_days(Days::new(skip))
}

/// Hebrew calendar (Calendrical Calculations): days from the epoch to the new year of `y`.
fn hebrew_elapsed(y: i64) -> i64 {
    let months = (235 * y - 234).div_euclid(19);
    let parts = 12_084 + 13_753 * months;
    let day = months * 29 + parts.div_euclid(25_920);
    if (3 * (day + 1)).rem_euclid(7) < 3 {
        day + 1
    } else {
        day
    }
}

/// Day number (days from 0001-01-01, that day being 1) of the Hebrew new year `y`.
fn hebrew_new_year(y: i64) -> i64 {
    let (a, b, c) = (
        hebrew_elapsed(y - 1),
        hebrew_elapsed(y),
        hebrew_elapsed(y + 1),
    );
    let delay = if c - b == 356 {
        2
    } else if b - a == 382 {
        1
    } else {
        0
    };
    -1_373_427 + b + delay
}

fn hebrew_leap(y: i64) -> bool {
    (7 * y + 1).rem_euclid(19) < 7
}

fn hebrew_month_days(y: i64, m: u8) -> i64 {
    let len = hebrew_new_year(y + 1) - hebrew_new_year(y);
    match m {
        2 | 4 | 6 | 10 | 13 => 29,
        8 if len % 10 != 5 => 29,
        9 if len % 10 == 3 => 29,
        12 if !hebrew_leap(y) => 29,
        _ => 30,
    }
}

/// The Gregorian date of a Hebrew date; month 12 is the second Adar in leap years.
fn hebrew_date(y: i64, month: u8, day: u8) -> Option<NaiveDate> {
    let month = if month == 12 && hebrew_leap(y) {
        13
    } else {
        month
    };
    let last = if hebrew_leap(y) { 13 } else { 12 };
    let mut n = hebrew_new_year(y) + i64::from(day) - 1;
    if month < 7 {
        for m in 7..=last {
            n += hebrew_month_days(y, m);
        }
        for m in 1..month {
            n += hebrew_month_days(y, m);
        }
    } else {
        for m in 7..month {
            n += hebrew_month_days(y, m);
        }
    }
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(n).ok()?)
}

fn add_signed(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// The days a holiday starts on in a Gregorian year (lunar ones may fall twice).
pub(crate) fn holiday_starts(h: Holiday, year: i32) -> [Option<NaiveDate>; 2] {
    let one = |d: Option<NaiveDate>| [d.filter(|d| d.year() == year), None];
    match h {
        Holiday::Fixed(m, d) => one(NaiveDate::from_ymd_opt(year, m, d)),
        Holiday::Observed(m, d) => one(NaiveDate::from_ymd_opt(year, m, d).and_then(|x| {
            match x.weekday().num_days_from_monday() {
                5 => x.pred_opt(),
                6 => x.succ_opt(),
                _ => Some(x),
            }
        })),
        Holiday::NotSunday(m, d) => one(NaiveDate::from_ymd_opt(year, m, d).and_then(|x| {
            if x.weekday().num_days_from_monday() == 6 {
                x.pred_opt()
            } else {
                Some(x)
            }
        })),
        Holiday::Easter(off) => one(easter(year).and_then(|e| add_signed(e, off))),
        Holiday::Orthodox(off) => one(orthodox_easter(year).and_then(|e| add_signed(e, off))),
        Holiday::Nth(m, wd, n) => one(nth_weekday(year, m, wd, n)),
        Holiday::Hebrew(m, d) => {
            let y = i64::from(year) + 3760;
            let mut out = [None, None];
            for (k, hy) in [y, y + 1].into_iter().enumerate() {
                out[k] = hebrew_date(hy, m, d).filter(|x| x.year() == year);
            }
            out
        }
        Holiday::Islamic(m, d) => {
            let approx = (i64::from(year) - 622) * 33 / 32;
            let mut out = [None, None];
            let mut k = 0;
            for hy in approx - 1..=approx + 2 {
                if let Some(x) = islamic_date(hy, m, d).filter(|x| x.year() == year)
                    && k < 2
                {
                    out[k] = Some(x);
                    k += 1;
                }
            }
            out
        }
        Holiday::ChineseNewYear(d) => {
            // The lunar new year is the new moon (Beijing time) from January 21 to February 20.
            let first = NaiveDate::from_ymd_opt(year, 1, 21);
            let found = first.and_then(lunation_near).and_then(|k| {
                (k - 1..=k + 2).find_map(|k| {
                    let (x, _) = new_moon_local(k, 8.0)?;
                    let (lo, hi) = (first?, NaiveDate::from_ymd_opt(year, 2, 20)?);
                    (lo <= x && x <= hi).then_some(x)
                })
            });
            one(found.and_then(|x| add_signed(x, i64::from(d) - 1)))
        }
        Holiday::Offset(inner, off) => {
            // An offset may carry a date across the new year: the neighbours count too.
            let mut res = [None, None];
            let mut k = 0;
            for y in [year.saturating_sub(1), year, year.saturating_add(1)] {
                for d in holiday_starts(*inner, y).into_iter().flatten() {
                    if let Some(x) = add_signed(d, off).filter(|x| x.year() == year)
                        && k < 2
                    {
                        res[k] = Some(x);
                        k += 1;
                    }
                }
            }
            res
        }
        Holiday::Days(inner, _) | Holiday::Until(inner, _) => holiday_starts(*inner, year),
    }
}

/// How many days a holiday starting on `start` lasts.
pub(crate) fn holiday_days(h: Holiday, start: NaiveDate) -> u32 {
    match h {
        Holiday::Days(_, n) => n.max(1),
        Holiday::Until(_, end) => [start.year(), start.year().saturating_add(1)]
            .into_iter()
            .flat_map(|y| holiday_starts(*end, y))
            .flatten()
            .filter(|e| *e > start)
            .map(|e| (e - start).num_days())
            .min()
            .and_then(|n| u32::try_from(n).ok())
            .unwrap_or(1),
        _ => 1,
    }
}

/// A season of a year as days [from, to): spring, summer, autumn, winter (winter starts in
/// December of `year`).
pub(crate) fn season(kind: u8, year: i32) -> Option<(NaiveDate, NaiveDate)> {
    let d = |y: i32, m, day| NaiveDate::from_ymd_opt(y, m, day);
    Some(match kind {
        0 => (d(year, 3, 20)?, d(year, 6, 21)?),
        1 => (d(year, 6, 21)?, d(year, 9, 24)?),
        2 => (d(year, 9, 23)?, d(year, 12, 22)?),
        _ => (d(year, 12, 21)?, d(year.checked_add(1)?, 3, 21)?),
    })
}
