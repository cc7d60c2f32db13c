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

/// The date of a holiday in a year.
pub(crate) fn holiday_date(h: Holiday, year: i32) -> Option<NaiveDate> {
    match h {
        Holiday::Fixed(m, d) => NaiveDate::from_ymd_opt(year, m, d),
        Holiday::Easter(off) => {
            let e = easter(year)?;
            if off >= 0 {
                e.checked_add_days(Days::new(off.unsigned_abs()))
            } else {
                e.checked_sub_days(Days::new(off.unsigned_abs()))
            }
        }
        Holiday::Nth(m, wd, n) => nth_weekday(year, m, wd, n),
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
