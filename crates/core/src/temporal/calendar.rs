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

/// A day of an Islamic month, after Saudi Arabia's Umm al-Qura calendar. Since AH 1420
/// (1999) a month starts the day after the new moon when the new moon falls before sunset
/// in Mecca (about 18:00, UTC+3), else the day after that; before, on the day after the
/// new moon's date in universal time.
fn islamic_date(year: i64, month: u8, day: u8) -> Option<NaiveDate> {
    // Lunation of 1 Muharram 1439 (new moon of 2017-09-20).
    const K1439: i64 = 219;
    let k = K1439 + (year - 1439) * 12 + i64::from(month) - 1;
    let first = if year < 1420 {
        let (d, _) = new_moon_local(k, 0.0)?;
        d.checked_add_days(Days::new(1))?
    } else {
        let (d, hour) = new_moon_local(k, 3.0)?;
        d.checked_add_days(Days::new(if hour < 18.0 { 1 } else { 2 }))?
    };
    first.checked_add_days(Days::new(u64::from(day).saturating_sub(1)))
}

/// Terms of the Moon's longitude (Meeus, ch. 47): multiples of D, M, M', F and the
/// coefficient in degrees.
const MOON_TERMS: &[(f64, f64, f64, f64, f64)] = &[
    (0.0, 0.0, 1.0, 0.0, 6.288774),
    (2.0, 0.0, -1.0, 0.0, 1.274027),
    (2.0, 0.0, 0.0, 0.0, 0.658314),
    (0.0, 0.0, 2.0, 0.0, 0.213618),
    (0.0, 1.0, 0.0, 0.0, -0.185116),
    (0.0, 0.0, 0.0, 2.0, -0.114332),
    (2.0, 0.0, -2.0, 0.0, 0.058793),
    (2.0, -1.0, -1.0, 0.0, 0.057066),
    (2.0, 0.0, 1.0, 0.0, 0.053322),
    (2.0, -1.0, 0.0, 0.0, 0.045758),
    (0.0, 1.0, -1.0, 0.0, -0.040923),
    (1.0, 0.0, 0.0, 0.0, -0.034720),
    (0.0, 1.0, 1.0, 0.0, -0.030383),
    (2.0, 0.0, 0.0, -2.0, 0.015327),
    (0.0, 0.0, 1.0, 2.0, -0.012528),
    (0.0, 0.0, 1.0, -2.0, 0.010980),
    (4.0, 0.0, -1.0, 0.0, 0.010675),
    (0.0, 0.0, 3.0, 0.0, 0.010034),
    (4.0, 0.0, -2.0, 0.0, 0.008548),
    (2.0, 1.0, -1.0, 0.0, -0.007888),
    (2.0, 1.0, 0.0, 0.0, -0.006766),
    (1.0, 0.0, -1.0, 0.0, -0.005163),
    (1.0, 1.0, 0.0, 0.0, 0.004987),
    (2.0, -1.0, 1.0, 0.0, 0.004036),
    (2.0, 0.0, 2.0, 0.0, 0.003994),
    (4.0, 0.0, 0.0, 0.0, 0.003861),
    (2.0, 0.0, -3.0, 0.0, 0.003665),
    (0.0, 1.0, -2.0, 0.0, -0.002689),
    (2.0, 0.0, -1.0, 2.0, -0.002602),
    (2.0, -1.0, -2.0, 0.0, 0.002390),
    (1.0, 0.0, 1.0, 0.0, -0.002348),
    (2.0, -2.0, 0.0, 0.0, 0.002236),
    (0.0, 1.0, 2.0, 0.0, -0.002120),
    (0.0, 2.0, 0.0, 0.0, -0.002069),
    (2.0, -2.0, -1.0, 0.0, 0.002048),
    (2.0, 0.0, 1.0, -2.0, -0.001773),
    (2.0, 0.0, 0.0, 2.0, -0.001595),
    (4.0, -1.0, -1.0, 0.0, 0.001215),
    (0.0, 0.0, 2.0, 2.0, -0.001110),
    (3.0, 0.0, -1.0, 0.0, -0.000892),
    (2.0, 1.0, 1.0, 0.0, -0.000810),
    (4.0, -1.0, -2.0, 0.0, 0.000759),
    (0.0, 2.0, -1.0, 0.0, -0.000713),
    (2.0, 2.0, -1.0, 0.0, -0.000700),
    (2.0, 1.0, -2.0, 0.0, 0.000691),
    (2.0, -1.0, 0.0, -2.0, 0.000596),
    (4.0, 0.0, 1.0, 0.0, 0.000549),
    (0.0, 0.0, 4.0, 0.0, 0.000537),
    (4.0, -1.0, 0.0, 0.0, 0.000520),
    (1.0, 0.0, -2.0, 0.0, -0.000487),
];

/// The Sun's apparent longitude (degrees) at `t` days from 2000-01-01 12:00 UT (Meeus ch. 25,
/// low precision).
fn sun_longitude(t: f64) -> f64 {
    let c = t / 36_525.0;
    let l0 = 280.466_46 + 36_000.769_83 * c;
    let m = (357.529_11 + 35_999.050_29 * c).to_radians();
    let eq = (1.914_602 - 0.004_817 * c) * m.sin()
        + (0.019_993 - 0.000_101 * c) * (2.0 * m).sin()
        + 0.000_289 * (3.0 * m).sin();
    (l0 + eq).rem_euclid(360.0)
}

/// The Moon's longitude (degrees) at `t` days from 2000-01-01 12:00 UT (Meeus ch. 47, the
/// main periodic terms).
fn moon_longitude(t: f64) -> f64 {
    let c = t / 36_525.0;
    let lp = 218.316_447_7 + 481_267.881_234_21 * c;
    let d = (297.850_192_1 + 445_267.111_403_4 * c).to_radians();
    let m = (357.529_109_2 + 35_999.050_290_9 * c).to_radians();
    let mp = (134.963_396_4 + 477_198.867_505_5 * c).to_radians();
    let f = (93.272_095 + 483_202.017_523_3 * c).to_radians();
    let e = 1.0 - 0.002_516 * c;
    let sum: f64 = MOON_TERMS
        .iter()
        .map(|&(kd, km, kmp, kf, coef)| {
            let ecc = if km == 0.0 {
                1.0
            } else if km.abs() == 1.0 {
                e
            } else {
                e * e
            };
            coef * ecc * (kd * d + km * m + kmp * mp + kf * f).sin()
        })
        .sum();
    (lp + sum).rem_euclid(360.0)
}

/// The Sun's sidereal longitude (Lahiri ayanamsa), for the Hindu solar months.
fn sidereal_sun(t: f64) -> f64 {
    let ayanamsa = 23.853 + t / 365.25 * 0.013_969;
    (sun_longitude(t) - ayanamsa).rem_euclid(360.0)
}

/// Days from 2000-01-01 12:00 UT to an hour of a day in India (UTC+5:30).
fn india_time(d: NaiveDate, hour: f64) -> Option<f64> {
    let days = (d - NaiveDate::from_ymd_opt(2000, 1, 1)?).num_days();
    #[allow(clippy::cast_precision_loss)]
    Some(days as f64 - 0.5 + (hour - 5.5) / 24.0)
}

/// The lunar day (tithi, 1-30; 15 the full moon, 30 the new moon) at `t`.
fn tithi(t: f64) -> u8 {
    let e = (moon_longitude(t) - sun_longitude(t)).rem_euclid(360.0);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let n = (e / 12.0) as u8;
    n.min(29) + 1
}

/// Days of a Hindu lunar (amanta) month's tithi in a Gregorian year: the month is named by
/// the sidereal sign the Sun is in at the new moon that opens it (1 = Chaitra, the Sun in
/// Pisces); a month whose next new moon finds the Sun in the same sign is an extra month and
/// skipped. The day is the first whose given hour in India falls in the tithi (or a later
/// one, when the tithi is skipped).
fn hindu_lunar(year: i32, month: u8, tithi_no: u8, hour: u8) -> [Option<NaiveDate>; 2] {
    let mut out = [None, None];
    let Some(k0) = NaiveDate::from_ymd_opt(year, 1, 1).and_then(lunation_near) else {
        return out;
    };
    let sign_month = |k: i64| {
        #[allow(clippy::cast_precision_loss)]
        let t = new_moon(k as f64);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let sign = (sidereal_sun(t) / 30.0) as u8;
        (t, (sign + 1) % 12 + 1)
    };
    let mut n = 0;
    for k in k0 - 2..k0 + 14 {
        let (t, m) = sign_month(k);
        if m != month || sign_month(k + 1).1 == m {
            continue;
        }
        let Some((first, _)) = new_moon_local(k, 5.5) else {
            continue;
        };
        let found = (0..33).find_map(|i| {
            let d = first.checked_add_days(Days::new(i))?;
            let at = india_time(d, f64::from(hour))?;
            let x = tithi(at);
            (at >= t && (x == tithi_no || x > tithi_no && x < tithi_no + 5)).then_some(d)
        });
        if let Some(d) = found.filter(|d| d.year() == year)
            && n < 2
        {
            out[n] = Some(d);
            n += 1;
        }
    }
    out
}

/// The day the Sun enters a sidereal sign (0 = Aries) in a Gregorian year, in India: the
/// next day when it enters after 18:00.
fn sankranti(year: i32, sign: u8) -> Option<NaiveDate> {
    let target = f64::from(sign) * 30.0;
    // The Sun enters Aries about April 14 and a sign about every 30.4 days: start a little
    // before (Capricorn to Pisces fall early in the Gregorian year).
    let base = if sign >= 9 {
        year.checked_sub(1)?
    } else {
        year
    };
    let approx = NaiveDate::from_ymd_opt(base, 4, 14)?
        .checked_add_days(Days::new(u64::from(sign) * 304 / 10))?;
    let from = approx.checked_sub_days(Days::new(8))?;
    (0..20)
        .find_map(|i| {
            let d = from.checked_add_days(Days::new(i))?;
            let t = india_time(d, 18.0)?;
            let ahead = (sidereal_sun(t) - target).rem_euclid(360.0);
            (ahead < 180.0).then_some(d)
        })
        .filter(|d| d.year() == year)
}

/// The Moon's sidereal longitude (Lahiri ayanamsa).
fn sidereal_moon(t: f64) -> f64 {
    let ayanamsa = 23.853 + t / 365.25 * 0.013_969;
    (moon_longitude(t) - ayanamsa).rem_euclid(360.0)
}

/// The first day of the Sun's stay in a sidereal sign whose midday (in India) finds the Moon
/// in the given lunar mansion (27 of 13°20').
fn nakshatra_day(year: i32, sign: u8, nak: u8) -> Option<NaiveDate> {
    let start = sankranti(year, sign)?;
    (0..32).find_map(|i| {
        let d = start.checked_add_days(Days::new(i))?;
        let t = india_time(d, 12.0)?;
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let n = (sidereal_moon(t) / (360.0 / 27.0)) as u8;
        (n == nak).then_some(d)
    })
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

/// A holiday's days in a year.
type Starts = [Option<NaiveDate>; 2];

thread_local! {
    /// Holiday days already computed (lunar ones take thousands of sines), per year.
    static HOLIDAY_CACHE: std::cell::RefCell<std::collections::HashMap<(Holiday, i32), Starts>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// The days a holiday starts on in a Gregorian year (lunar ones may fall twice), cached.
pub(crate) fn holiday_starts(h: Holiday, year: i32) -> [Option<NaiveDate>; 2] {
    if matches!(
        h,
        Holiday::Fixed(..) | Holiday::Easter(_) | Holiday::Nth(..)
    ) {
        return compute_holiday_starts(h, year);
    }
    if let Some(hit) = HOLIDAY_CACHE.with(|c| c.borrow().get(&(h, year)).copied()) {
        return hit;
    }
    let v = compute_holiday_starts(h, year);
    HOLIDAY_CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() > 4096 {
            c.clear();
        }
        c.insert((h, year), v);
    });
    v
}

fn compute_holiday_starts(h: Holiday, year: i32) -> [Option<NaiveDate>; 2] {
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
        Holiday::Tithi(m, t, hour) => hindu_lunar(year, m, t, hour),
        Holiday::Sankranti(sign) => one(sankranti(year, sign)),
        Holiday::Nakshatra(sign, nak) => one(nakshatra_day(year, sign, nak)),
        Holiday::Vague(y0, m0, d0) => {
            // Whole 365-day years from the known new year to the first in `year`.
            let known = NaiveDate::from_ymd_opt(y0, m0, d0);
            let found = known.and_then(|k| {
                let jan1 = NaiveDate::from_ymd_opt(year, 1, 1)?;
                let n = (jan1 - k).num_days().div_euclid(365);
                (n..n + 2)
                    .filter_map(|n| add_signed(k, n.checked_mul(365)?))
                    .find(|d| d.year() == year)
            });
            one(found)
        }
        Holiday::WeekdayBefore(inner, wd) => {
            let mut res = [None, None];
            let mut k = 0;
            for y in [year, year.saturating_add(1)] {
                for d in holiday_starts(*inner, y).into_iter().flatten() {
                    let back =
                        (7 + i64::from(d.weekday().num_days_from_monday()) - i64::from(wd) - 1) % 7
                            + 1;
                    if let Some(x) = add_signed(d, -back).filter(|x| x.year() == year)
                        && k < 2
                    {
                        res[k] = Some(x);
                        k += 1;
                    }
                }
            }
            res
        }
        Holiday::Offset(inner, off) => {
            // An offset may carry a date across the new year: the neighbours count too.
            let mut res = [None, None];
            let mut k = 0;
            for y in [year.saturating_sub(1), year, year.saturating_add(1)] {
                for d in holiday_starts(*inner, y).into_iter().flatten() {
                    if let Some(x) = add_signed(d, i64::from(off)).filter(|x| x.year() == year)
                        && k < 2
                    {
                        res[k] = Some(x);
                        k += 1;
                    }
                }
            }
            res
        }
        Holiday::Days(inner, _) => holiday_starts(*inner, year),
        Holiday::Until([first, _]) => holiday_starts(*first, year),
    }
}

/// How many days a holiday starting on `start` lasts.
pub(crate) fn holiday_days(h: Holiday, start: NaiveDate) -> u32 {
    match h {
        Holiday::Days(_, n) => u32::from(n.max(1)),
        Holiday::Until([_, end]) => [start.year(), start.year().saturating_add(1)]
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
