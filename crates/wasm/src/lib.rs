//! Dateline's extractor for JavaScript: the core library compiled to
//! `wasm32-unknown-unknown` behind a small wasm-bindgen API, so a page (or node) can extract
//! events without a server.
//!
//! ```js
//! const events = JSON.parse(extract(text, "2024-09-27", "it")).events;
//! ```
//!
//! `cargo xtask test` builds this crate for wasm32, generates its node bindings and runs
//! `tests/node.mjs` against them.

use chrono::NaiveDate;
use dateline_core::{ArticleInput, Lang};
use wasm_bindgen::prelude::*;

/// Extracts the events of an article: `text`, the publication date as `YYYY-MM-DD` (or
/// nothing, to read it from the article's header) and an optional language code. Returns the
/// extraction as JSON (the same document as `dateline extract`); bad input throws an `Error`
/// whose message says what is wrong.
#[wasm_bindgen]
pub fn extract(
    text: &str,
    published: Option<String>,
    lang: Option<String>,
) -> Result<String, JsError> {
    extract_json(text, published.as_deref(), lang.as_deref()).map_err(|e| JsError::new(&e))
}

/// The library version, for diagnostics.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// [`extract`] without the JavaScript types (testable on any target).
pub fn extract_json(
    text: &str,
    published: Option<&str>,
    lang: Option<&str>,
) -> Result<String, String> {
    let published = published
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            NaiveDate::parse_from_str(p.trim(), "%Y-%m-%d")
                .map_err(|_| format!("published date {p:?} is not YYYY-MM-DD"))
        })
        .transpose()?;
    let lang = lang
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.parse::<Lang>().map_err(|e| e.to_string()))
        .transpose()?;
    let extraction = dateline_core::extract(&ArticleInput {
        text,
        published,
        lang,
    })
    .map_err(|e| e.to_string())?;
    serde_json::to_string(&extraction).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_and_reports_bad_input_as_messages() {
        let text = "Mira Murati si è dimessa ieri da OpenAI.";
        let json = extract_json(text, Some("2024-09-27"), Some("it")).expect("extracts");
        assert!(json.contains("\"2024-09-26\""), "{json}");
        assert!(extract_json(text, Some("27/09/2024"), None).is_err());
        assert!(extract_json(text, Some("2024-09-27"), Some("xx")).is_err());
        assert!(extract_json("", Some("2024-09-27"), None).is_err());
    }
}
