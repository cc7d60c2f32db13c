//! The data contract between Dateline's parts.
//!
//! The extractor (`dateline-core`) produces [`Event`]s in the shape of the event JSON
//! contract; the service stores them and publishes one [`TimelineDocument`]; the web app and
//! the static export read that document. This crate holds only those types, with serde (and
//! html-escape for the embed snippets) and nothing else, so that the browser bundle stays
//! small and the server's dependencies never leak into it.
//!
//! - [`date`]: typed dates: a calendar [`Day`], a [`Period`] at a precision, their ranges.
//! - [`event`]: one extracted event (`kind`, `date`, `persons`, `org`, `amount`, evidence …).
//! - [`timeline`]: the published document: events with their sources, people, articles.
//! - [`embed`]: the iframe and script snippets that put a timeline on another page.

pub mod date;
pub mod embed;
pub mod event;
pub mod timeline;

pub use date::{DateError, Day, Period};
pub use event::{
    Amount, Event, EventDate, EventKind, Evidence, Extraction, Precision, UnknownPrecision,
};
pub use timeline::{
    AlternativeDate, EventDetail, EventPage, EventPatch, EventSource, Person, SourceArticle,
    TimelineDocument, TimelineEvent, TimelineSummary,
};
