//! The library's one error type.

/// Why an article could not be read. Every variant says what was wrong with the input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The text is empty or only whitespace.
    #[error("the article text is empty")]
    EmptyText,
    /// The text holds NUL bytes or mostly control characters: not an article.
    #[error("the article text looks binary (it holds NUL or control characters)")]
    BinaryText,
    /// The text is over [`crate::MAX_TEXT_BYTES`].
    #[error("the article text is {0} bytes, over the limit of {limit} bytes", limit = crate::MAX_TEXT_BYTES)]
    TooLarge(usize),
    /// A language code that is not one of the supported six.
    #[error("unknown language {0:?}: expected one of it, en, fr, de, es, pt")]
    UnknownLanguage(String),
    /// A date that does not parse as `YYYY-MM-DD` or is impossible.
    #[error("invalid date {0:?}: expected a real calendar date as YYYY-MM-DD")]
    InvalidDate(String),
    /// No publication date was given and none was found in the article's header.
    #[error(
        "no publication date: none was given and the article's first lines hold no date line; pass one (e.g. --published 2024-09-27)"
    )]
    MissingPublicationDate,
}
