//! Dateline's extraction library: from an article's text and publication date to the dated
//! events a reader would put on a timeline, each with the sentence that states it.
//!
//! The library is pure: no I/O, no clock (the publication date is an argument), no printing.
//! It builds for native targets and for `wasm32-unknown-unknown`.
//!
//! - [`lang`]: the six supported languages, one language pack each (all that a language
//!   knows: words, event triggers, date words), and a small stop-word detector.
//! - [`tables`]: the shape of a pack's word table and the pattern conventions of all tables.
//! - [`sentence`]: sentence splitting that keeps byte offsets and survives lowercase text.
//! - [`temporal`]: temporal expressions found and resolved against a reference date.
//! - [`entities`]: people (first-name lexicon), organisations and roles.
//! - [`rules`]: the shape of a pack's event table (triggers, roles, number notation).
//! - [`amount`]: money and counts in each language's notation.
//! - [`extract`]: the pipeline that ties them into [`Event`]s.
//! - [`slug`]: ids for people and events.
//! - [`word_regex`]: table regexes on word boundaries that stay fast on accented text.

pub mod amount;
pub mod entities;
pub mod error;
pub mod extract;
pub mod lang;
pub mod rules;
pub mod sentence;
pub mod slug;
pub mod tables;
pub mod temporal;
pub mod word_regex;

pub use dateline_api::{Event, EventDate, EventKind, Evidence, Extraction, Precision};
pub use error::Error;
pub use extract::{
    ArticleInput, MAX_TEXT_BYTES, Trace, explain, extract, find_publication_date, render_traces,
};
pub use lang::Lang;
pub use slug::slug;
pub use temporal::{Mention, Preference, find_mentions};
