//! Resolution: a [`Time`] (calendar constraints, maybe inside an anchored period) becomes a
//! concrete period, chosen by the [`Preference`] when the text leaves it open.

use super::calendar::{at_midnight, holiday_days, holiday_starts, season, shift, trunc};
use super::lang::Holiday;
use super::{Grain, Preference};
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, TimeDelta};

/// Calendar constraints said by the text ("May", "Tuesday", "15:30", "morning").
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Spec {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub weekday: Option<u32>,
    pub hour: Option<u32>,
    pub minute: Option<u32>,
    pub second: Option<u32>,
    /// The hour may be in either half of the day.
    pub ampm: bool,
    pub pod: Option<(u32, u32)>,
    pub holiday: Option<Holiday>,
    pub season: Option<u8>,
    pub weekend: bool,
}

impl Spec {
    fn has_date(&self) -> bool {
        self.day.is_some() || self.weekday.is_some() || self.holiday.is_some()
    }
    fn has_time(&self) -> bool {
        self.hour.is_some() || self.pod.is_some()
    }
    /// Whether nothing is constrained.
    pub fn is_empty(&self) -> bool {
        *self == Spec::default()
    }
}

/// A parsed time expression before resolution.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Time {
    pub spec: Spec,
    /// An already resolved period the constraints must fall in ("domani" → that day).
    pub anchor: Option<(NaiveDateTime, Grain)>,
    pub approx: bool,
    pub rule: &'static str,
    /// A preference the words force ("scorso maggio" → past).
    pub pref: Option<Preference>,
    /// The period that contains the reference does not count (a bare weekday).
    pub strict: bool,
    /// The stretch a part of a period covers ("end of April" → April 21 to May 1), shown as
    /// the value, while the anchor (month precision) dates events.
    pub range: Option<(NaiveDateTime, NaiveDateTime, Grain)>,
    /// Occurrences to pass over in the preferred direction ("Friday after next": 1).
    pub skip: u8,
    /// The stated time zone, minutes east of UTC ("15:00 GMT": 0).
    pub zone: Option<i16>,
}

impl Time {
    pub fn spec(spec: Spec, rule: &'static str) -> Time {
        Time {
            spec,
            anchor: None,
            approx: false,
            rule,
            pref: None,
            strict: false,
            range: None,
            skip: 0,
            zone: None,
        }
    }
    pub fn anchored(at: NaiveDateTime, grain: Grain, rule: &'static str) -> Time {
        Time {
            spec: Spec::default(),
            anchor: Some((at, grain)),
            approx: false,
            rule,
            pref: None,
            strict: false,
            range: None,
            skip: 0,
            zone: None,
        }
    }
}

/// A resolved period [start, end).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Period {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub grain: Grain,
    /// Said as a stretch of time (a part of the day, a season, a weekend).
    pub interval: bool,
}

fn day_matches(s: &Spec, d: NaiveDate) -> bool {
    s.year.is_none_or(|y| d.year() == y)
        && s.month.is_none_or(|m| d.month() == m)
        && s.day.is_none_or(|x| d.day() == x)
        && s.weekday
            .is_none_or(|w| d.weekday().num_days_from_monday() == w)
}

/// The periods the spec allows on day `d`, earliest first.
fn on_day(s: &Spec, d: NaiveDate, out: &mut Vec<Period>) {
    out.clear();
    let base = at_midnight(d);
    if let Some(h) = s.hour {
        let (m, sec) = (s.minute.unwrap_or(0), s.second.unwrap_or(0));
        let grain = if s.second.is_some() {
            Grain::Second
        } else if s.minute.is_some() {
            Grain::Minute
        } else {
            Grain::Hour
        };
        let mut hours = vec![h];
        if s.ampm && h < 12 {
            hours.push(h + 12);
        }
        for h in hours {
            let secs = i64::from(h) * 3600 + i64::from(m) * 60 + i64::from(sec);
            let Some(start) = TimeDelta::try_seconds(secs).and_then(|t| base.checked_add_signed(t))
            else {
                continue;
            };
            if let Some(end) = shift(start, grain, 1) {
                out.push(Period {
                    start,
                    end,
                    grain,
                    interval: false,
                });
            }
        }
    } else if let Some((f, t)) = s.pod {
        let at =
            |h: u32| TimeDelta::try_hours(i64::from(h)).and_then(|x| base.checked_add_signed(x));
        if let (Some(start), Some(end)) = (at(f), at(t)) {
            out.push(Period {
                start,
                end,
                grain: Grain::Hour,
                interval: true,
            });
        }
    } else if let Some(n) = s.holiday.map(|h| holiday_days(h, d)).filter(|&n| n > 1) {
        // A holiday of several days ("Hanukkah", "Ramadan") is a stretch of days.
        if let Some(end) = shift(base, Grain::Day, i64::from(n)) {
            out.push(Period {
                start: base,
                end,
                grain: Grain::Day,
                interval: true,
            });
        }
    } else if let Some(end) = shift(base, Grain::Day, 1) {
        out.push(Period {
            start: base,
            end,
            grain: Grain::Day,
            interval: false,
        });
    }
}

fn accept(p: &Period, r: NaiveDateTime, future: bool, strict: bool) -> bool {
    if future {
        if strict {
            p.start > r && p.start.date() > r.date()
        } else {
            // A clock time in the hour still running is not over yet: at 04:30, "4:23am"
            // is today's (the hour is read first, then the minutes within it).
            p.end > r
                || p.grain < Grain::Hour
                    && trunc(p.start, Grain::Hour)
                        .and_then(|h| shift(h, Grain::Hour, 1))
                        .is_some_and(|end| end > r)
        }
    } else if strict {
        p.end <= r
    } else {
        p.start <= r
    }
}

const HORIZON_DAYS: u64 = 366 * 4;

/// Searches day by day (from `from`, forward or backward) for the first period allowed.
fn search_days(
    s: &Spec,
    from: NaiveDate,
    forward: bool,
    r: Option<(NaiveDateTime, bool)>,
    limit: u64,
) -> Option<Period> {
    let mut d = from;
    let mut buf = Vec::with_capacity(2);
    // A holiday's days, computed once a year.
    let mut cache: Option<(i32, [Option<NaiveDate>; 2])> = None;
    for _ in 0..limit {
        let holiday = match s.holiday {
            None => true,
            Some(h) => {
                let starts = match cache {
                    Some((y, starts)) if y == d.year() => starts,
                    _ => {
                        let starts = holiday_starts(h, d.year());
                        cache = Some((d.year(), starts));
                        starts
                    }
                };
                starts.contains(&Some(d))
            }
        };
        if holiday && day_matches(s, d) {
            on_day(s, d, &mut buf);
            let found = if forward {
                buf.iter()
                    .find(|p| r.is_none_or(|(r, strict)| accept(p, r, true, strict)))
            } else {
                buf.iter()
                    .rev()
                    .find(|p| r.is_none_or(|(r, strict)| accept(p, r, false, strict)))
            };
            if let Some(p) = found {
                return Some(*p);
            }
        }
        d = if forward {
            d.succ_opt()?
        } else {
            d.pred_opt()?
        };
    }
    None
}

/// Periods of a unit (month or year) stepping from the one containing `r`.
fn search_units(
    s: &Spec,
    grain: Grain,
    r: NaiveDateTime,
    forward: bool,
    strict: bool,
) -> Option<Period> {
    let mut t = trunc(r, grain)?;
    for _ in 0..60 {
        let end = shift(t, grain, 1)?;
        let p = Period {
            start: t,
            end,
            grain,
            interval: false,
        };
        if day_matches(
            &Spec {
                day: None,
                weekday: None,
                holiday: None,
                ..*s
            },
            t.date(),
        ) && accept(&p, r, forward, strict)
        {
            return Some(p);
        }
        t = shift(t, grain, if forward { 1 } else { -1 })?;
    }
    None
}

fn directed(t: &Time, r: NaiveDateTime, forward: bool) -> Option<Period> {
    let s = &t.spec;
    if let Some(k) = s.season {
        let years = if forward {
            [r.year().checked_sub(1)?, r.year(), r.year().checked_add(1)?]
        } else {
            [r.year().checked_add(1)?, r.year(), r.year().checked_sub(1)?]
        };
        return years
            .into_iter()
            .filter(|y| s.year.is_none_or(|x| x == *y))
            .find_map(|y| {
                let (a, b) = season(k, y)?;
                let p = Period {
                    start: at_midnight(a),
                    end: at_midnight(b),
                    grain: Grain::Day,
                    interval: true,
                };
                accept(&p, r, forward, t.strict).then_some(p)
            });
    }
    if s.weekend {
        let monday = trunc(r, Grain::Week)?;
        let ks: [i64; 5] = if forward {
            [-1, 0, 1, 2, 3]
        } else {
            [1, 0, -1, -2, -3]
        };
        return ks.into_iter().find_map(|k| {
            let start = shift(shift(monday, Grain::Week, k)?, Grain::Hour, 4 * 24 + 18)?;
            let end = shift(start, Grain::Hour, 54)?;
            let p = Period {
                start,
                end,
                grain: Grain::Hour,
                interval: true,
            };
            accept(&p, r, forward, t.strict).then_some(p)
        });
    }
    if s.has_date() || s.has_time() {
        let start = if let Some(y) = s.year.filter(|&y| y != r.year()) {
            // A stated year other than the reference's: its first match.
            if !forward {
                return None;
            }
            return search_days(s, NaiveDate::from_ymd_opt(y, 1, 1)?, true, None, 366);
        } else if let (Some(y), true) = (s.year, forward) {
            NaiveDate::from_ymd_opt(y, 1, 1)?.max(r.date().pred_opt()?)
        } else if let (Some(y), false) = (s.year, forward) {
            NaiveDate::from_ymd_opt(y, 12, 31)?.min(r.date().succ_opt()?)
        } else if forward {
            r.date().pred_opt()?
        } else {
            r.date().succ_opt()?
        };
        return search_days(s, start, forward, Some((r, t.strict)), HORIZON_DAYS);
    }
    if let (Some(m), Some(y)) = (s.month, s.year) {
        // "October 2017": that month, however far from the reference.
        let start = at_midnight(NaiveDate::from_ymd_opt(y, m, 1)?);
        return Some(Period {
            start,
            end: shift(start, Grain::Month, 1)?,
            grain: Grain::Month,
            interval: false,
        });
    }
    if s.month.is_some() {
        return search_units(s, Grain::Month, r, forward, t.strict);
    }
    if let Some(y) = s.year {
        let start = at_midnight(NaiveDate::from_ymd_opt(y, 1, 1)?);
        return Some(Period {
            start,
            end: shift(start, Grain::Year, 1)?,
            grain: Grain::Year,
            interval: false,
        });
    }
    None
}

/// Resolves a time against the reference `r`.
pub(crate) fn resolve(t: &Time, r: NaiveDateTime, pref: Preference) -> Option<Period> {
    if let Some((a, g)) = t.anchor {
        let end = shift(a, g, 1)?;
        if t.spec.is_empty() {
            return Some(Period {
                start: a,
                end,
                grain: g,
                interval: false,
            });
        }
        let s = &t.spec;
        if s.has_date() || s.has_time() {
            let days = u64::try_from((end.date() - a.date()).num_days())
                .ok()?
                .max(1);
            return search_days(s, a.date(), true, None, days);
        }
        if s.month.is_some() {
            return search_units(s, Grain::Month, a, true, false).filter(|p| p.start < end);
        }
        return None;
    }
    let pref = t.pref.unwrap_or(pref);
    if t.skip > 0 {
        // The n-th occurrence: each search starts where the last one was found.
        let forward = pref != Preference::Past;
        let mut p = directed(t, r, forward)?;
        let strict = Time { strict: true, ..*t };
        for _ in 0..t.skip {
            p = directed(&strict, p.start, forward)?;
        }
        return Some(p);
    }
    // News reading: a bare weekday is the latest one on or before the reference, so the
    // reference's own day counts ("fired on Friday" in a Friday article); the strictness
    // of a bare weekday only skips today when looking ahead.
    // The same holds for a weekday with a part of the day or a clock time ("jeudi matin",
    // "Thursday at 3pm" in a Thursday article): the week is chosen by the weekday.
    let s = &t.spec;
    let weekday_only =
        s.weekday.is_some() && s.day.is_none() && s.month.is_none() && s.year.is_none();
    let bare_weekday = t.pref.is_none()
        && t.skip == 0
        && (t.rule == "weekday" && t.strict || t.rule == "intersect" && weekday_only);
    let inclusive = Time {
        strict: false,
        ..*t
    };
    // A reference given as a bare date (midnight) stands for its whole day there: "jeudi
    // matin" in a Thursday article is that morning, not the week before's.
    let day_end = (bare_weekday && r.time() == chrono::NaiveTime::MIN)
        .then(|| add_days(r, 1).and_then(|e| e.checked_sub_signed(chrono::TimeDelta::seconds(1))))
        .flatten();
    let past = || {
        directed(
            if bare_weekday { &inclusive } else { t },
            day_end.unwrap_or(r),
            false,
        )
    };
    let future = || directed(t, r, true);
    match pref {
        Preference::Past => past().or_else(future),
        Preference::Future => future().or_else(past),
        Preference::Nearest => match (past(), future()) {
            (Some(p), Some(f)) => {
                let dp = (r - p.start).abs();
                let df = (f.start - r).abs();
                Some(if p.start <= r && r < p.end || dp <= df {
                    p
                } else {
                    f
                })
            }
            (p, f) => p.or(f),
        },
    }
}

/// Shifts a date by whole days (negative goes back).
pub(crate) fn add_days(d: NaiveDateTime, n: i64) -> Option<NaiveDateTime> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}
