//! One dated event, as `dateline extract` prints it (the event JSON contract).

use crate::date::{DateError, Day, Period};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What happened. The set is closed: the extractor, the store and the web app all know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// Someone leaves, or announces leaving, of their own accord.
    Resignation,
    /// Someone is fired, ousted or removed.
    Dismissal,
    /// Someone is hired, named, takes over or joins.
    Appointment,
    /// What a company is worth.
    Valuation,
    /// Money raised.
    Funding,
    /// Money earned.
    Revenue,
    /// Number of employees at a date.
    Headcount,
    /// Jobs cut.
    Layoff,
    /// A company or organisation is founded.
    Founding,
    /// A company buys another.
    Acquisition,
}

impl EventKind {
    /// Every kind, in a stable order (the order the web app lists them in).
    pub const ALL: [EventKind; 10] = [
        EventKind::Resignation,
        EventKind::Dismissal,
        EventKind::Appointment,
        EventKind::Valuation,
        EventKind::Funding,
        EventKind::Revenue,
        EventKind::Headcount,
        EventKind::Layoff,
        EventKind::Founding,
        EventKind::Acquisition,
    ];

    /// The lowercase name used in JSON, URLs and ids (`"resignation"`).
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Resignation => "resignation",
            EventKind::Dismissal => "dismissal",
            EventKind::Appointment => "appointment",
            EventKind::Valuation => "valuation",
            EventKind::Funding => "funding",
            EventKind::Revenue => "revenue",
            EventKind::Headcount => "headcount",
            EventKind::Layoff => "layoff",
            EventKind::Founding => "founding",
            EventKind::Acquisition => "acquisition",
        }
    }

    /// The kind as a capitalised English word (`"Resignation"`), for labels.
    pub fn label(self) -> &'static str {
        match self {
            EventKind::Resignation => "Resignation",
            EventKind::Dismissal => "Dismissal",
            EventKind::Appointment => "Appointment",
            EventKind::Valuation => "Valuation",
            EventKind::Funding => "Funding",
            EventKind::Revenue => "Revenue",
            EventKind::Headcount => "Headcount",
            EventKind::Layoff => "Layoff",
            EventKind::Founding => "Founding",
            EventKind::Acquisition => "Acquisition",
        }
    }

    /// Parses the lowercase name; `None` for anything else.
    pub fn parse(name: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// Whether the event is about people (departures, appointments, foundings) rather than
    /// about a company's figures.
    pub fn is_personal(self) -> bool {
        matches!(
            self,
            EventKind::Resignation
                | EventKind::Dismissal
                | EventKind::Appointment
                | EventKind::Founding
        )
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A calendar day (`2024-09-26`).
    Day,
    /// A month (`2024-05`).
    Month,
    /// A calendar quarter; the value is its first month (`2024-10`).
    Quarter,
    /// A year (`2023`).
    Year,
}

impl Precision {
    /// Lowercase name, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Quarter => "quarter",
            Precision::Year => "year",
        }
    }

    /// Rank from finest (0, day) to coarsest (3, year).
    pub fn rank(self) -> u8 {
        match self {
            Precision::Day => 0,
            Precision::Month => 1,
            Precision::Quarter => 2,
            Precision::Year => 3,
        }
    }
}

impl fmt::Display for Precision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A precision name that is none of `day`, `month`, `quarter`, `year`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownPrecision(pub String);

impl fmt::Display for UnknownPrecision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "precision {:?}: expected day, month, quarter or year",
            self.0
        )
    }
}

impl std::error::Error for UnknownPrecision {}

impl FromStr for Precision {
    type Err = UnknownPrecision;

    /// Parses the lowercase name, as in JSON (`"quarter"`).
    fn from_str(s: &str) -> Result<Precision, UnknownPrecision> {
        match s {
            "day" => Ok(Precision::Day),
            "month" => Ok(Precision::Month),
            "quarter" => Ok(Precision::Quarter),
            "year" => Ok(Precision::Year),
            _ => Err(UnknownPrecision(s.to_string())),
        }
    }
}

/// An event's date with its precision: `value` is `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
///
/// The value stays text, as the JSON contract writes it; [`EventDate::period`] reads it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EventDate {
    /// ISO value at the given precision (a quarter is written as its first month).
    pub value: String,
    /// Day, month, quarter or year.
    pub precision: Precision,
    /// True when the text is vague about it ("around", "late last year", "ad oggi").
    pub approx: bool,
}

impl EventDate {
    /// What the value means at its precision, or why it is not a date.
    pub fn period(&self) -> Result<Period, DateError> {
        Period::parse(&self.value, self.precision)
    }

    /// The first and last day the date covers; `None` when it is not a date.
    pub fn days(&self) -> Option<(Day, Day)> {
        self.period().ok().map(Period::days)
    }

    /// Whether this date says more than `other`: finer precision wins, then exactness.
    pub fn is_more_specific_than(&self, other: &EventDate) -> bool {
        (self.precision.rank(), self.approx) < (other.precision.rank(), other.approx)
    }
}

impl From<Period> for EventDate {
    /// The period as an exact (not approximate) event date.
    fn from(p: Period) -> EventDate {
        EventDate {
            value: p.to_string(),
            precision: p.precision(),
            approx: false,
        }
    }
}

/// A sum of money in units of an ISO 4217 currency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Amount {
    /// The number, in units (150 billion is `150000000000`).
    pub value: f64,
    /// ISO 4217 code (`USD`, `EUR`).
    pub currency: String,
}

/// The sentence that states an event, with its byte offsets in the article text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The sentence exactly as in the article.
    pub text: String,
    /// Byte offset of its first byte in the article (UTF-8).
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
}

/// One dated event extracted from one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id derived from kind, date and subject (`resignation-2024-09-26-mira-murati`).
    pub id: String,
    /// What happened.
    pub kind: EventKind,
    /// When.
    pub date: EventDate,
    /// Canonical display names of the event's subjects (empty for company events).
    pub persons: Vec<String>,
    /// Short company name, when known.
    pub org: Option<String>,
    /// Short English role title (`CTO`), when known.
    pub role: Option<String>,
    /// Money involved, when any.
    pub amount: Option<Amount>,
    /// People counted (headcount, layoffs), when any.
    pub count: Option<u64>,
    /// For an acquisition: the company bought (`org` is the buyer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// How the text qualifies the amount or count ("more_than", "about", "just_over",
    /// "less_than"), when it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// How sure the extractor is, from 0 to 1.
    pub confidence: f32,
    /// The sentence that says so.
    pub evidence: Evidence,
}

/// What `dateline extract` prints: the events of one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// Language the text was read as (ISO 639-1).
    pub lang: String,
    /// Publication date the relative dates were resolved against.
    pub published: String,
    /// The events, in text order.
    pub events: Vec<Event>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_round_trip_through_json_and_parse() {
        for kind in EventKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
            assert_eq!(EventKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(EventKind::parse("Resignation"), None);
    }

    #[test]
    fn precision_names_round_trip_through_display_json_and_from_str() {
        for p in [
            Precision::Day,
            Precision::Month,
            Precision::Quarter,
            Precision::Year,
        ] {
            assert_eq!(p.to_string().parse::<Precision>(), Ok(p));
            assert_eq!(serde_json::to_string(&p).unwrap(), format!("\"{p}\""));
        }
        let e = "Week".parse::<Precision>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "precision \"Week\": expected day, month, quarter or year"
        );
    }

    #[test]
    fn event_dates_are_read_at_their_precision() {
        let date = |value: &str, precision| EventDate {
            value: value.into(),
            precision,
            approx: true,
        };
        let q = date("2024-07", Precision::Quarter);
        let days = q.days().map(|(a, b)| (a.to_string(), b.to_string()));
        assert_eq!(days, Some(("2024-07-01".into(), "2024-09-30".into())));
        assert!(date("2024-08", Precision::Quarter).period().is_err());
        assert!(date("2024", Precision::Month).days().is_none());
        let exact = EventDate::from(q.period().unwrap());
        assert_eq!((exact.value.as_str(), exact.approx), ("2024-07", false));
    }

    #[test]
    fn finer_and_exact_dates_are_more_specific() {
        let day = |approx| EventDate {
            value: "2024-09-26".into(),
            precision: Precision::Day,
            approx,
        };
        let month = EventDate {
            value: "2024-09".into(),
            precision: Precision::Month,
            approx: false,
        };
        assert!(day(true).is_more_specific_than(&month));
        assert!(day(false).is_more_specific_than(&day(true)));
        assert!(!month.is_more_specific_than(&day(true)));
        assert!(!day(false).is_more_specific_than(&day(false)));
    }
}
