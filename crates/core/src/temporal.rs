//! Temporal expressions: found in text and resolved against a reference date.
//!
//! Rules are built once per language from the [`crate::tables`] (months, weekdays,
//! relative words, prepositions) by generic builders; every match becomes a [`Mention`] with
//! its byte span, a date that keeps its precision, and the name of the rule that matched.
//! Overlapping matches are resolved by keeping the longest (then the earlier rule).
//!
//! Resolution is deterministic: the reference date and the [`Preference`] for under-specified
//! expressions ("May", "Monday") are arguments; nothing reads the clock.
//!
//! Numbers that are not dates ("3,4 miliardi", "1.600", "15%") match no rule: a numeric date
//! needs a four-digit year and two separators, and a bare year needs a preposition.

use crate::lang::Lang;
use crate::tables::{LangTable, NumericOrder, alternation, pattern, table};
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use dateline_api::{EventDate, Precision};
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// How to resolve an expression that does not say which one it means ("in May", "Monday").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Preference {
    /// The latest one on or before the reference (news reports the past).
    #[default]
    Past,
    /// The next one on or after the reference (assistant-style).
    Future,
    /// Whichever is closer to the reference.
    Nearest,
}

/// One temporal expression in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte offset of its first byte.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    /// The resolved date at its precision.
    pub date: EventDate,
    /// The first day the date covers (for ordering and arithmetic).
    pub first_day: NaiveDate,
    /// Name of the rule that matched, for debugging.
    pub rule: &'static str,
}

/// What a rule's captures mean.
#[derive(Debug, Clone, Copy)]
enum RuleKind {
    /// `YYYY-MM-DD`.
    Iso,
    /// `DD/MM/YYYY` or `MM/DD/YYYY`, per the language.
    Numeric(NumericOrder),
    /// Day, month name, optional year.
    DayMonthYear,
    /// Month name, day, optional year.
    MonthDayYear,
    /// Month name and year.
    MonthYear,
    /// A month name after a preposition: the one the preference picks.
    BareMonth,
    /// A month name followed by a relative year ("maggio di quest'anno").
    MonthRelativeYear(i32),
    /// A weekday name.
    Weekday,
    /// A relative day ("ieri").
    RelativeDay(i64),
    /// A relative month ("il mese scorso").
    RelativeMonth(i32),
    /// A relative year ("lo scorso anno").
    RelativeYear(i32),
    /// The end (12) or start (1) of a relative year: month precision, approximate.
    PartOfRelativeYear { offset: i32, month: u32 },
    /// The end or start of an explicit year.
    PartOfYear { month: u32 },
    /// A year after a preposition ("nel 2023").
    Year,
}

struct Rule {
    name: &'static str,
    kind: RuleKind,
    regex: Regex,
}

struct Matcher {
    rules: Vec<Rule>,
    months: Vec<Regex>,
    weekdays: Vec<Regex>,
}

static MATCHERS: LazyLock<Vec<Matcher>> =
    LazyLock::new(|| Lang::ALL.iter().map(|&l| build(table(l))).collect());

fn compile(body: &str) -> Regex {
    // The tables are static data, checked by tests: a failure here is a programming error.
    #[allow(clippy::expect_used)]
    Regex::new(&format!(r"(?i)\b{body}\b")).expect("temporal rule from a table must compile")
}

fn build(t: &LangTable) -> Matcher {
    let month = alternation(t.months.iter().flat_map(|m| m.split('|')));
    let joiner = if t.date_joiners.is_empty() {
        String::new()
    } else {
        format!("(?:{} )?", alternation(t.date_joiners.iter().copied()))
    };
    let joiner = pattern(&joiner);
    let mut rules = vec![
        rule("iso", RuleKind::Iso, r"(\d{4})-(\d{2})-(\d{2})"),
        rule(
            "numeric",
            RuleKind::Numeric(t.numeric_order),
            r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})",
        ),
        rule(
            "day_month_year",
            RuleKind::DayMonthYear,
            &format!(
                r"(\d{{1,2}})(?:º|°|st|nd|rd|th|er)?\s+{joiner}({month})(?:,?\s+{joiner}(\d{{4}}))?"
            ),
        ),
        rule(
            "month_day_year",
            RuleKind::MonthDayYear,
            &format!(r"({month})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*(\d{{4}}))?"),
        ),
        rule(
            "month_year",
            RuleKind::MonthYear,
            &format!(r"({month}),?\s+{joiner}(\d{{4}})"),
        ),
    ];
    for &(phrase, offset) in t.relative_years {
        let years = pattern(&format!("(?:{phrase})"));
        rules.push(rule(
            "month_relative_year",
            RuleKind::MonthRelativeYear(offset),
            &format!(r"({month})\s+{joiner}{years}"),
        ));
        for end in t.end_of {
            rules.push(rule(
                "end_of_relative_year",
                RuleKind::PartOfRelativeYear { offset, month: 12 },
                &format!(r"{}\s*{years}", alternation([*end])),
            ));
        }
        for start in t.start_of {
            rules.push(rule(
                "start_of_relative_year",
                RuleKind::PartOfRelativeYear { offset, month: 1 },
                &format!(r"{}\s*{years}", alternation([*start])),
            ));
        }
        rules.push(rule(
            "relative_year",
            RuleKind::RelativeYear(offset),
            &years,
        ));
    }
    for end in t.end_of {
        rules.push(rule(
            "end_of_year",
            RuleKind::PartOfYear { month: 12 },
            &format!(r"{}\s+((?:19|20)\d{{2}})", alternation([*end])),
        ));
    }
    for start in t.start_of {
        rules.push(rule(
            "start_of_year",
            RuleKind::PartOfYear { month: 1 },
            &format!(r"{}\s+((?:19|20)\d{{2}})", alternation([*start])),
        ));
    }
    for &(phrase, offset) in t.relative_months {
        rules.push(rule(
            "relative_month",
            RuleKind::RelativeMonth(offset),
            &pattern(&format!("(?:{phrase})")),
        ));
    }
    for &(phrase, offset) in t.relative_days {
        rules.push(rule(
            "relative_day",
            RuleKind::RelativeDay(offset),
            &pattern(&format!("(?:{phrase})")),
        ));
    }
    rules.push(rule(
        "bare_month",
        RuleKind::BareMonth,
        &format!(
            r"{}\s+({month})",
            alternation(t.month_prepositions.iter().copied())
        ),
    ));
    rules.push(rule(
        "year",
        RuleKind::Year,
        &format!(
            r"{}\s+((?:19|20)\d{{2}})",
            alternation(t.year_prepositions.iter().copied())
        ),
    ));
    rules.push(rule(
        "weekday",
        RuleKind::Weekday,
        &alternation(t.weekdays.iter().flat_map(|w| w.split('|'))),
    ));
    Matcher {
        rules,
        months: t
            .months
            .iter()
            .map(|m| compile(&format!("^{}$", alternation([*m]))))
            .collect(),
        weekdays: t
            .weekdays
            .iter()
            .map(|w| compile(&format!("^{}$", alternation([*w]))))
            .collect(),
    }
}

fn rule(name: &'static str, kind: RuleKind, body: &str) -> Rule {
    Rule {
        name,
        kind,
        regex: compile(body),
    }
}

/// Finds and resolves every temporal expression of `text` (read as `lang`) against
/// `reference`. Mentions are in text order and do not overlap.
pub fn find_mentions(
    text: &str,
    lang: Lang,
    reference: NaiveDate,
    prefer: Preference,
) -> Vec<Mention> {
    let matcher = &MATCHERS[Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0)];
    // A match that does not resolve ("31 febbraio") still claims its span, so that a shorter
    // rule cannot turn part of an impossible date into a date ("febbraio 2024").
    let mut found: Vec<(usize, usize, usize, Option<Mention>)> = Vec::new();
    for (priority, r) in matcher.rules.iter().enumerate() {
        for caps in r.regex.captures_iter(text) {
            let Some(whole) = caps.get(0) else { continue };
            let mention = resolve(matcher, r.kind, &caps, reference, prefer).map(
                |(first_day, precision, approx)| Mention {
                    start: whole.start(),
                    end: whole.end(),
                    date: event_date(first_day, precision, approx),
                    first_day,
                    rule: r.name,
                },
            );
            found.push((priority, whole.start(), whole.end(), mention));
        }
    }
    // Longest first, then the earlier rule; keep those that overlap nothing already kept.
    found.sort_by_key(|&(priority, start, end, _)| {
        (std::cmp::Reverse(end - start), priority, start)
    });
    let mut claimed: Vec<(usize, usize)> = Vec::new();
    let mut kept: Vec<Mention> = Vec::new();
    for (_, start, end, mention) in found {
        if claimed.iter().all(|&(s, e)| end <= s || start >= e) {
            claimed.push((start, end));
            kept.extend(mention);
        }
    }
    kept.sort_by_key(|m| m.start);
    kept
}

/// Writes a first day and a precision as the contract's date value.
pub fn event_date(first_day: NaiveDate, precision: Precision, approx: bool) -> EventDate {
    let value = match precision {
        Precision::Day => first_day.format("%Y-%m-%d").to_string(),
        Precision::Month | Precision::Quarter => first_day.format("%Y-%m").to_string(),
        Precision::Year => first_day.format("%Y").to_string(),
    };
    EventDate {
        value,
        precision,
        approx,
    }
}

fn num<T: std::str::FromStr>(caps: &Captures<'_>, i: usize) -> Option<T> {
    caps.get(i)?.as_str().parse().ok()
}

fn index_of(regexes: &[Regex], word: &str) -> Option<u32> {
    regexes
        .iter()
        .position(|r| r.is_match(word))
        .and_then(|i| u32::try_from(i + 1).ok())
}

type Resolved = (NaiveDate, Precision, bool);

fn resolve(
    m: &Matcher,
    kind: RuleKind,
    caps: &Captures<'_>,
    r: NaiveDate,
    prefer: Preference,
) -> Option<Resolved> {
    let month_at = |i: usize| caps.get(i).and_then(|g| index_of(&m.months, g.as_str()));
    let day = |date: NaiveDate| Some((date, Precision::Day, false));
    match kind {
        RuleKind::Iso => day(NaiveDate::from_ymd_opt(
            num(caps, 1)?,
            num(caps, 2)?,
            num(caps, 3)?,
        )?),
        RuleKind::Numeric(order) => {
            let (a, b): (u32, u32) = (num(caps, 1)?, num(caps, 2)?);
            let (d, mo) = match order {
                NumericOrder::DayMonth => (a, b),
                NumericOrder::MonthDay => (b, a),
            };
            day(NaiveDate::from_ymd_opt(num(caps, 3)?, mo, d)?)
        }
        RuleKind::DayMonthYear => day_month(r, prefer, num(caps, 1)?, month_at(2)?, num(caps, 3)),
        RuleKind::MonthDayYear => day_month(r, prefer, num(caps, 2)?, month_at(1)?, num(caps, 3)),
        RuleKind::MonthYear => Some((
            NaiveDate::from_ymd_opt(num(caps, 2)?, month_at(1)?, 1)?,
            Precision::Month,
            false,
        )),
        RuleKind::BareMonth => {
            let month = month_at(1)?;
            let year = pick_year(r, prefer, |y| NaiveDate::from_ymd_opt(y, month, 1), true)?;
            Some((
                NaiveDate::from_ymd_opt(year, month, 1)?,
                Precision::Month,
                false,
            ))
        }
        RuleKind::MonthRelativeYear(offset) => Some((
            NaiveDate::from_ymd_opt(r.year() + offset, month_at(1)?, 1)?,
            Precision::Month,
            false,
        )),
        RuleKind::Weekday => {
            let word = caps.get(0)?.as_str();
            let wd = index_of(&m.weekdays, word)?;
            let target = Weekday::try_from(u8::try_from(wd - 1).ok()?).ok()?;
            let back = (7 + r.weekday().num_days_from_monday() - target.num_days_from_monday()) % 7;
            let past = r.checked_sub_days(Days::new(u64::from(back)))?;
            let future = r.checked_add_days(Days::new(u64::from((7 - back) % 7)))?;
            day(match prefer {
                Preference::Past => past,
                Preference::Future => future,
                Preference::Nearest => {
                    if r - past <= future - r {
                        past
                    } else {
                        future
                    }
                }
            })
        }
        RuleKind::RelativeDay(offset) => day(r.checked_add_signed(chrono::Duration::days(offset))?),
        RuleKind::RelativeMonth(offset) => {
            let first = NaiveDate::from_ymd_opt(r.year(), r.month(), 1)?;
            let shifted = if offset < 0 {
                first.checked_sub_months(Months::new(offset.unsigned_abs()))?
            } else {
                first.checked_add_months(Months::new(offset.unsigned_abs()))?
            };
            Some((shifted, Precision::Month, false))
        }
        RuleKind::RelativeYear(offset) => Some((
            NaiveDate::from_ymd_opt(r.year() + offset, 1, 1)?,
            Precision::Year,
            false,
        )),
        RuleKind::PartOfRelativeYear { offset, month } => Some((
            NaiveDate::from_ymd_opt(r.year() + offset, month, 1)?,
            Precision::Month,
            true,
        )),
        RuleKind::PartOfYear { month } => Some((
            NaiveDate::from_ymd_opt(num(caps, 1)?, month, 1)?,
            Precision::Month,
            true,
        )),
        RuleKind::Year => Some((
            NaiveDate::from_ymd_opt(num(caps, 1)?, 1, 1)?,
            Precision::Year,
            false,
        )),
    }
}

fn day_month(
    r: NaiveDate,
    prefer: Preference,
    d: u32,
    month: u32,
    year: Option<i32>,
) -> Option<Resolved> {
    let year = match year {
        Some(y) => y,
        None => pick_year(r, prefer, |y| NaiveDate::from_ymd_opt(y, month, d), false)?,
    };
    Some((
        NaiveDate::from_ymd_opt(year, month, d)?,
        Precision::Day,
        false,
    ))
}

/// Picks the year for a date that names no year: `make(year)` builds the candidate; with
/// `whole_month`, a month that contains the reference counts as "on or before" it.
fn pick_year(
    r: NaiveDate,
    prefer: Preference,
    make: impl Fn(i32) -> Option<NaiveDate>,
    whole_month: bool,
) -> Option<i32> {
    let this = make(r.year());
    let not_after = |d: NaiveDate| {
        if whole_month {
            (d.year(), d.month()) <= (r.year(), r.month())
        } else {
            d <= r
        }
    };
    let past = match this {
        Some(d) if not_after(d) => r.year(),
        _ => r.year() - 1,
    };
    let future = match this {
        Some(d) if d >= r || (whole_month && d.month() == r.month()) => r.year(),
        _ => r.year() + 1,
    };
    Some(match prefer {
        Preference::Past => past,
        Preference::Future => future,
        Preference::Nearest => {
            let (p, f) = (make(past)?, make(future)?);
            if (r - p).abs() <= (f - r).abs() {
                past
            } else {
                future
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn first(
        text: &str,
        lang: Lang,
        reference: &str,
    ) -> Option<(String, Precision, bool, &'static str)> {
        find_mentions(text, lang, date(reference), Preference::Past)
            .into_iter()
            .next()
            .map(|m| (m.date.value, m.date.precision, m.date.approx, m.rule))
    }

    #[test]
    fn weekdays_resolve_by_preference() {
        // 2024-09-27 is a Friday.
        let r = date("2024-09-27");
        let get = |p| {
            find_mentions("giovedì", Lang::It, r, p)[0]
                .date
                .value
                .clone()
        };
        assert_eq!(get(Preference::Past), "2024-09-26");
        assert_eq!(get(Preference::Future), "2024-10-03");
        assert_eq!(get(Preference::Nearest), "2024-09-26");
        let same = find_mentions("on Friday", Lang::En, r, Preference::Past);
        assert_eq!(same[0].date.value, "2024-09-27");
    }

    #[test]
    fn bare_months_resolve_by_preference() {
        let r = date("2024-09-27");
        let get = |t, p| find_mentions(t, Lang::It, r, p)[0].date.value.clone();
        assert_eq!(get("a maggio", Preference::Past), "2024-05");
        assert_eq!(get("a dicembre", Preference::Past), "2023-12");
        assert_eq!(get("a dicembre", Preference::Future), "2024-12");
        assert_eq!(get("a settembre", Preference::Future), "2024-09");
        assert_eq!(get("a ottobre", Preference::Nearest), "2024-10");
    }

    #[test]
    fn mentions_do_not_overlap_and_keep_the_longest() {
        let ms = find_mentions(
            "alla fine dello scorso anno e il 27 settembre 2024",
            Lang::It,
            date("2024-09-27"),
            Preference::Past,
        );
        let rules: Vec<_> = ms.iter().map(|m| m.rule).collect();
        assert_eq!(rules, vec!["end_of_relative_year", "day_month_year"]);
    }

    #[test]
    fn impossible_dates_are_not_mentions() {
        assert_eq!(first("il 31 febbraio 2024", Lang::It, "2024-09-27"), None);
        assert_eq!(first("2024-13-01", Lang::En, "2024-09-27"), None);
    }

    #[test]
    fn huge_and_odd_inputs_do_not_panic() {
        let r = date("2024-09-27");
        let big = "ieri 3,4 miliardi 1.600 ".repeat(20_000);
        assert_eq!(
            find_mentions(&big, Lang::It, r, Preference::Past).len(),
            20_000
        );
        for odd in [
            "\u{0}\u{1}",
            "9999-99-99",
            "31/12/99999",
            "l'",
            "’’’",
            "é\u{301}",
        ] {
            for lang in Lang::ALL {
                let _ = find_mentions(odd, lang, r, Preference::Nearest);
            }
        }
        let edge = NaiveDate::MAX;
        let _ = find_mentions(
            "ieri, domani, l'anno prossimo, a maggio, lunedì",
            Lang::It,
            edge,
            Preference::Future,
        );
        let _ = find_mentions(
            "yesterday, next year, in May, Monday",
            Lang::En,
            NaiveDate::MIN,
            Preference::Past,
        );
    }
}
