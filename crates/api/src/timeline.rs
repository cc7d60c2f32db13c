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
    /// Short English role title.
    pub role: Option<String>,
    /// Money involved.
    pub amount: Option<Amount>,
    /// People counted.
    pub count: Option<u64>,
    /// Every article that reports the event, with its evidence.
    pub sources: Vec<EventSource>,
}

/// One article's evidence for an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventSource {
    /// Id of the [`SourceArticle`].
    pub article_id: String,
    /// The sentence, with offsets into that article's text.
    pub evidence: Evidence,
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
}
