//! Italian: everything Dateline knows about the language, in one place.
//!
//! - [`words`]: stop words and the small words the engines read (coordination, relatives,
//!   name particles, sentence abbreviations).
//! - [`events`]: event triggers, role titles, number notation, blockers.
//! - [`dates`]: month and weekday names, relative words, the date grammar's words.

mod dates;
mod events;
mod words;

use super::{Lang, Pack};

/// The Italian language pack.
pub static PACK: Pack = Pack {
    lang: Lang::It,
    words: &words::TABLE,
    events: &events::TABLE,
    dates: &dates::TABLE,
};
