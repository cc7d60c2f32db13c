//! Articles as they arrive (from files, standard input or HTTP), and how one is read into
//! events: the step that the CLI and the service share.

use anyhow::Context as _;
use chrono::NaiveDate;
use dateline_api::Extraction;
use dateline_core::{ArticleInput, Lang};
use serde::Deserialize;

/// An article before extraction. Optional fields are found in the text when absent.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewArticle {
    /// The article text.
    pub text: String,
    /// Publication date, `YYYY-MM-DD`.
    #[serde(default)]
    pub published: Option<String>,
    /// Language code (it, en, fr, de, es, pt).
    #[serde(default)]
    pub lang: Option<String>,
    /// Title.
    #[serde(default)]
    pub title: Option<String>,
    /// Where it was published.
    #[serde(default)]
    pub url: Option<String>,
}

/// Parses a `YYYY-MM-DD` date.
pub fn parse_date(s: &str) -> Result<NaiveDate, dateline_core::Error> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| dateline_core::Error::InvalidDate(s.to_string()))
}

impl NewArticle {
    /// Extracts the article's events (its date and language settled on the way).
    pub fn extract(&self) -> Result<Extraction, dateline_core::Error> {
        let published = self.published.as_deref().map(parse_date).transpose()?;
        let lang = self.lang.as_deref().map(str::parse::<Lang>).transpose()?;
        dateline_core::extract(&ArticleInput {
            text: &self.text,
            published,
            lang,
        })
    }

    /// The title: the given one, or the article's first non-empty line when short.
    pub fn title_or_first_line(&self) -> Option<String> {
        self.title.clone().or_else(|| {
            self.text
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .filter(|l| l.chars().count() <= 200)
                .map(str::to_string)
        })
    }
}

/// Reads a file (or `-` for standard input) as UTF-8 text, with a clear error otherwise.
pub fn read_text(path: &std::path::Path) -> anyhow::Result<String> {
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .context("cannot read standard input")?;
        buf
    } else {
        std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?
    };
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{} is not UTF-8 text (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}
