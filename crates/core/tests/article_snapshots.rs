//! Whole-article snapshots: every event the extractor finds in an article, as JSON, compared
//! with a reviewed snapshot in `tests/snapshots/`. A change in extraction shows up here as a
//! diff to review (`cargo insta review`, or delete the `.snap` file and re-run to see the new
//! output in a `.snap.new` file beside it).
//!
//! The articles are in `tests/articles/` (written for these tests, one per language, with
//! events and non-events) plus the demo seed story (`demo/articles/seed-it.txt`).
//!
//! Reviewed line by line. Known deviations from what an annotator would write, kept visible
//! here rather than hidden (each is a general gap, not a one-off):
//! - en-northwind: the headcount "900 at the end of 2022" (a count without its noun) and
//!   the 2016 founding (a passive founding by two people) are missed.
//! - it-vetrofin: "contro i 1.100 di fine 2023" (a count without its noun) is missed.
//! - seed-it: Altman's 2023 departure comes from the generic "le dimissioni dei dirigenti …
//!   lo scorso anno" (the gold's date, for the wrong reason) and "jobs è stato scacciato"
//!   (Steve Jobs, a comparison) is a false event.

use chrono::NaiveDate;
use dateline_core::{ArticleInput, Extraction, Lang, extract};
use std::path::Path;

/// Reads an article with optional `---` front matter (`published:`, `lang:`).
fn read_article(path: &Path) -> (String, Option<NaiveDate>, Option<Lang>) {
    let raw = std::fs::read_to_string(path).expect("article fixture");
    let (mut published, mut lang) = (None, None);
    let Some(rest) = raw.strip_prefix("---\n") else {
        return (raw, None, None);
    };
    let (header, body) = rest.split_once("\n---\n").expect("front matter is closed");
    for line in header.lines() {
        match line.split_once(':').map(|(k, v)| (k.trim(), v.trim())) {
            Some(("published", v)) => published = NaiveDate::parse_from_str(v, "%Y-%m-%d").ok(),
            Some(("lang", v)) => lang = v.parse().ok(),
            _ => {}
        }
    }
    (body.to_string(), published, lang)
}

fn extraction_of(path: &Path) -> Extraction {
    let (text, published, lang) = read_article(path);
    extract(&ArticleInput {
        text: &text,
        published,
        lang,
    })
    .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// One line per event (kind, date, who, figures, evidence), easy to review in a diff.
fn summary(x: &Extraction) -> String {
    let mut out = format!("lang: {}, published: {}\n", x.lang, x.published);
    for e in &x.events {
        let d = &e.date;
        let mut line = format!(
            "{} {} {}{}",
            e.kind,
            d.value,
            serde_json::to_string(&d.precision).unwrap_or_default(),
            if d.approx { " ~" } else { "" }
        );
        if !e.persons.is_empty() {
            line += &format!(" persons={}", e.persons.join("+"));
        }
        for (k, v) in [
            ("role", &e.role),
            ("org", &e.org),
            ("target", &e.target),
            ("qualifier", &e.qualifier),
        ] {
            if let Some(v) = v {
                line += &format!(" {k}={v}");
            }
        }
        if let Some(a) = &e.amount {
            line += &format!(" amount={} {}", a.value, a.currency);
        }
        if let Some(c) = e.count {
            line += &format!(" count={c}");
        }
        line += &format!("\n    \"{}\"\n", e.evidence.text);
        out += &line;
    }
    out
}

fn check(name: &str, path: &Path) {
    let x = extraction_of(path);
    insta::assert_snapshot!(name, summary(&x));
    // Evidence offsets point at the evidence text in the article body.
    let (text, _, _) = read_article(path);
    for e in &x.events {
        assert_eq!(
            text.get(e.evidence.start..e.evidence.end),
            Some(e.evidence.text.as_str()),
            "{name}: evidence offsets of {}",
            e.id
        );
    }
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/articles")
        .join(name)
}

#[test]
fn seed_story_it() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../demo/articles/seed-it.txt");
    check("seed-it", &seed);
}

#[test]
fn english_article() {
    check("en-northwind", &fixture("en-northwind.txt"));
}

#[test]
fn italian_lowercase_article() {
    check("it-vetrofin", &fixture("it-vetrofin.txt"));
}

#[test]
fn french_article() {
    check("fr-lumen", &fixture("fr-lumen.txt"));
}

#[test]
fn german_article() {
    check("de-hansa", &fixture("de-hansa.txt"));
}

#[test]
fn spanish_article() {
    check("es-solaria", &fixture("es-solaria.txt"));
}

#[test]
fn portuguese_article() {
    check("pt-atlantica", &fixture("pt-atlantica.txt"));
}
