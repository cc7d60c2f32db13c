//! The timeline document: what the service publishes at `/api/timeline.json` and the static
//! export writes as `timeline.json`. The web app reads nothing else.

use crate::event::{Amount, EventDate, EventKind, Evidence};
use serde::{Deserialize, Serialize};

/// A whole story: merged events, the people in them and the articles they come from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TimelineDocument {
    /// Title shown above the timeline.
    pub title: String,
    /// Events in date order (earliest first).
    pub events: Vec<TimelineEvent>,
    /// Everyone named as an event's subject, by name.
    pub people: Vec<Person>,
    /// The articles the events were read from.
    pub sources: Vec<SourceArticle>,
}

/// One real-world event, merged over every article that reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEvent {
    /// Stable id (also used in URLs: `#event-<id>`).
    pub id: String,
    /// What happened.
    pub kind: EventKind,
    /// The most specific date any source gives.
    pub date: EventDate,
    /// Canonical display names of the subjects.
    pub persons: Vec<String>,
    /// Ids (slugs) of `persons`, in the same order.
    pub person_ids: Vec<String>,
    /// Short company name.
    pub org: Option<String>,
    /// For an acquisition: the company bought (`org` is the buyer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// Short English role title.
    pub role: Option<String>,
    /// Money involved.
    pub amount: Option<Amount>,
    /// People counted.
    pub count: Option<u64>,
    /// Every article that reports the event, with its evidence.
    pub sources: Vec<EventSource>,
    /// Dates other sources give that conflict with `date` (neither contains the other), each
    /// with the articles that give it. Empty when the sources agree.
    #[serde(default)]
    pub alternative_dates: Vec<AlternativeDate>,
    /// True when a curator corrected the event (`PATCH /api/events/{id}`).
    #[serde(default)]
    pub corrected: bool,
    /// True when a curator's import (`dateline import`) gives the event: the curated date,
    /// kind, people and figures win over what the articles say.
    #[serde(default)]
    pub curated: bool,
    /// True when a curator hid the event; hidden events are left out of the timeline and of
    /// event lists, but `GET /api/events/{id}` still shows them.
    #[serde(default)]
    pub hidden: bool,
}

/// A date that some sources give for an event, conflicting with the one the timeline shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlternativeDate {
    /// The date as those sources give it.
    pub date: EventDate,
    /// Ids of the [`SourceArticle`]s that give it.
    pub article_ids: Vec<String>,
}

/// One article's evidence for an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventSource {
    /// Id of the [`SourceArticle`].
    pub article_id: String,
    /// The sentence, with offsets into that article's text.
    pub evidence: Evidence,
    /// The date this article gives for the event, when known.
    #[serde(default)]
    pub date: Option<EventDate>,
}

/// A person named in the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Slug of the name (`mira-murati`).
    pub id: String,
    /// Canonical display name (`Mira Murati`).
    pub name: String,
    /// How many events name this person.
    pub event_count: usize,
}

/// An article the timeline was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceArticle {
    /// Content hash of the article text.
    pub id: String,
    /// Title, when known.
    pub title: Option<String>,
    /// Where it was published, when known.
    pub url: Option<String>,
    /// Publication date (`YYYY-MM-DD`).
    pub published: String,
    /// Language (ISO 639-1).
    pub lang: String,
    /// Credit or licence line to show with it (for texts that ask for attribution).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
}

/// One page of `GET /api/events`: events in date order and the cursor of the next page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventPage {
    /// The events of this page, earliest first.
    pub events: Vec<TimelineEvent>,
    /// Pass as `cursor=` to get the next page; `None` on the last page.
    #[serde(default)]
    pub next_cursor: Option<String>,
}

/// `GET /api/events/{id}`: one event with the articles behind its sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDetail {
    /// The event (its `sources` hold the evidence).
    #[serde(flatten)]
    pub event: TimelineEvent,
    /// The articles its sources cite, once each.
    #[serde(default)]
    pub articles: Vec<SourceArticle>,
}

/// A curator's correction of an event (`PATCH /api/events/{id}`): every field is optional;
/// the fields given replace what the extractor found, also after later ingests.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventPatch {
    /// The corrected date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<EventDate>,
    /// The corrected kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<EventKind>,
    /// The corrected subjects (canonical display names).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persons: Option<Vec<String>>,
    /// The corrected role title; an empty string removes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The corrected organisation; an empty string removes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    /// The corrected sum of money (valuation, funding, revenue, acquisition).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Amount>,
    /// The corrected number of people (headcount, layoff).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    /// Hide (true) or show again (false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hidden: Option<bool>,
}

/// One story in a store (`GET /api/timelines`): a named collection of articles and the
/// events merged from them. Events merge only within their story.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineSummary {
    /// The story's name, as given to `--timeline` and `?timeline=` (`apple-2010`).
    pub id: String,
    /// Its title, shown above its timeline and as the page title.
    pub title: String,
    /// How many articles (curated imports included) it holds.
    pub articles: usize,
    /// How many visible events its timeline has.
    pub events: usize,
    /// The earliest event's date value (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`); `None` when it
    /// has no events.
    #[serde(default)]
    pub from: Option<String>,
    /// The latest event's date value; `None` when it has no events.
    #[serde(default)]
    pub to: Option<String>,
    /// The people most present in it (most events first, at most five).
    #[serde(default)]
    pub people: Vec<Person>,
}
