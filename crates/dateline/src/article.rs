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
    /// The article text; when empty, the page at `url` is fetched and read instead.
    #[serde(default)]
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
    /// Credit or licence line shown with the article among the sources (for texts that
    /// ask for attribution, such as CC BY).
    #[serde(default)]
    pub credit: Option<String>,
}

/// Parses a `YYYY-MM-DD` date.
pub fn parse_date(s: &str) -> Result<NaiveDate, dateline_core::Error> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| dateline_core::Error::InvalidDate(s.to_string()))
}

/// Longest credit line, in characters.
pub const MAX_CREDIT_CHARS: usize = 500;

impl NewArticle {
    /// Checks the credit line: at most [`MAX_CREDIT_CHARS`] characters and no control
    /// characters (it is shown as one line); an empty one is dropped.
    fn check_credit(&mut self) -> Result<(), String> {
        let Some(c) = self.credit.as_deref().map(str::trim) else {
            return Ok(());
        };
        if c.is_empty() {
            self.credit = None;
            return Ok(());
        }
        if c.chars().count() > MAX_CREDIT_CHARS || c.chars().any(char::is_control) {
            return Err(format!(
                "the credit is not one line of at most {MAX_CREDIT_CHARS} characters"
            ));
        }
        self.credit = Some(c.to_string());
        Ok(())
    }

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

    /// [`Article::extract`], with how each trigger of each sentence was read.
    pub fn explain(&self) -> Result<(Extraction, Vec<dateline_core::Trace>), dateline_core::Error> {
        let published = self.published.as_deref().map(parse_date).transpose()?;
        let lang = self.lang.as_deref().map(str::parse::<Lang>).transpose()?;
        dateline_core::explain(&ArticleInput {
            text: &self.text,
            published,
            lang,
        })
    }

    /// Checks the article's URL and writes it in its normal form (the `url` crate's): an
    /// absolute `http` or `https` URL with a host and no control characters (a line break
    /// in a URL would end an iCalendar line and start another event). An empty one is
    /// dropped. The error says what is wrong.
    pub fn check_url(&mut self) -> Result<(), String> {
        self.check_credit()?;
        let Some(raw) = self.url.as_deref().map(str::trim) else {
            return Ok(());
        };
        if raw.is_empty() {
            self.url = None;
            return Ok(());
        }
        self.url = Some(checked_url(raw)?);
        Ok(())
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

/// `raw` as a normal `http(s)` URL, or what is wrong with it (see [`NewArticle::check_url`]).
pub fn checked_url(raw: &str) -> Result<String, String> {
    // Before parsing: the URL parser silently drops tabs and line breaks.
    if let Some(c) = raw.chars().find(|c| c.is_control()) {
        return Err(format!(
            "the url contains a control character (U+{:04X}): {:?}",
            u32::from(c),
            raw.chars().take(200).collect::<String>()
        ));
    }
    let url = url::Url::parse(raw).map_err(|e| {
        format!(
            "the url {:?} is not an absolute URL: {e}",
            raw.chars().take(200).collect::<String>()
        )
    })?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none_or(str::is_empty) {
        return Err(format!(
            "the url {:?} is not an http or https link",
            raw.chars().take(200).collect::<String>()
        ));
    }
    Ok(url.into())
}

/// The metadata keys a `.txt` article's front matter may set.
const FRONT_MATTER_KEYS: &[&str] = &["credit", "lang", "published", "title", "url"];

/// Reads a `.txt` article: optional front matter between `---` lines at the very top
/// (`title:`, `published:`, `url:`, `lang:`, `credit:`; blank lines and `#` comments allowed), then the
/// text. Evidence offsets are into the text after the front matter.
pub fn from_txt(raw: &str) -> anyhow::Result<NewArticle> {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let Some(rest) = raw
        .strip_prefix("---\n")
        .or_else(|| raw.strip_prefix("---\r\n"))
    else {
        return Ok(NewArticle {
            text: raw.to_string(),
            ..NewArticle::default()
        });
    };
    let mut article = NewArticle::default();
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        let l = line.trim();
        if l == "---" {
            article.text = rest[offset..].to_string();
            return Ok(article);
        }
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let Some((key, value)) = l.split_once(':') else {
            anyhow::bail!("front matter line {l:?} is not `key: value`");
        };
        let value = value.trim().trim_matches('"').to_string();
        let value = (!value.is_empty()).then_some(value);
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => article.title = value,
            "published" | "date" => article.published = value,
            "url" => article.url = value,
            "lang" | "language" => article.lang = value,
            "credit" | "license" | "licence" => article.credit = value,
            other => anyhow::bail!(
                "unknown front matter key {other:?}: expected one of {}",
                FRONT_MATTER_KEYS.join(", ")
            ),
        }
    }
    anyhow::bail!("the front matter opened with --- is never closed by a --- line")
}

/// Reads an HTML page: the article's main text (found by `dom_smoothie`, a port of
/// Mozilla's Readability), its title, and its publication date and language from the
/// page's meta tags and JSON-LD.
pub fn from_html(html: &str) -> anyhow::Result<NewArticle> {
    from_html_at(html, None)
}

/// [`from_html`] for a page found at `url` (its relative links resolve against it). The
/// date comes from `article:published_time`, JSON-LD `datePublished`, other date meta
/// tags or the first `<time datetime>`; the language from `<html lang>`, `og:locale` or
/// `Content-Language` (only languages the extractor knows).
pub fn from_html_at(html: &str, url: Option<&str>) -> anyhow::Result<NewArticle> {
    use dom_smoothie::{Config, Readability, TextMode};
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut reader = Readability::new(html, url, Some(config))
        .map_err(|e| anyhow::anyhow!("cannot read the page: {e}"))?;
    let page = reader
        .parse()
        .map_err(|e| anyhow::anyhow!("no article text found in the page: {e}"))?;
    let doc = dom_query::Document::from(html);
    let published = page
        .published_time
        .as_deref()
        .and_then(date_prefix)
        .or_else(|| meta_published(&doc));
    let lang = page
        .lang
        .as_deref()
        .and_then(known_lang)
        .or_else(|| meta_lang(&doc));
    let title = Some(page.title.trim().to_string()).filter(|t| !t.is_empty());
    Ok(NewArticle {
        text: page.text_content.trim().to_string(),
        published,
        lang,
        title,
        url: page.url.filter(|u| !u.is_empty()),
        credit: None,
    })
}

/// The `YYYY-MM-DD` that a timestamp (`2024-09-27T08:00:00Z`, `2024-09-27`) starts with.
fn date_prefix(t: &str) -> Option<String> {
    t.trim()
        .get(..10)
        .filter(|d| parse_date(d).is_ok())
        .map(str::to_string)
}

/// A language tag (`en-GB`, `it_IT`, `FR`) as one of the extractor's language codes.
fn known_lang(tag: &str) -> Option<String> {
    tag.trim()
        .split(['-', '_'])
        .next()
        .map(str::to_ascii_lowercase)
        .filter(|l| l.parse::<Lang>().is_ok())
}

/// The publication date from meta tags and `<time datetime>`, when `dom_smoothie` found none.
fn meta_published(doc: &dom_query::Document) -> Option<String> {
    const METAS: &[&str] = &[
        "meta[property='article:published_time']",
        "meta[name='article:published_time']",
        "meta[itemprop='datePublished']",
        "meta[name='date']",
        "meta[name='pubdate']",
        "meta[name='DC.date.issued']",
    ];
    METAS
        .iter()
        .find_map(|css| {
            doc.select(css)
                .attr("content")
                .and_then(|v| date_prefix(&v))
        })
        .or_else(|| {
            doc.select("time[datetime]")
                .iter()
                .find_map(|t| t.attr("datetime").and_then(|v| date_prefix(&v)))
        })
}

/// The language from `<html lang>`, `og:locale` or `Content-Language`.
fn meta_lang(doc: &dom_query::Document) -> Option<String> {
    doc.select("html[lang]")
        .attr("lang")
        .and_then(|l| known_lang(&l))
        .or_else(|| {
            doc.select("meta[property='og:locale']")
                .attr("content")
                .and_then(|l| known_lang(&l))
        })
        .or_else(|| {
            doc.select("meta[http-equiv='content-language' i]")
                .attr("content")
                .and_then(|l| known_lang(&l))
        })
}

impl NewArticle {
    /// This article (a URL with no text) filled from its fetched page: the page's text,
    /// title, date and language, where this article gives none (what the user gave wins),
    /// and the page's URL (after redirects) as its source.
    pub fn with_page(self, page: &crate::fetch::Page) -> anyhow::Result<NewArticle> {
        let found = if page.html {
            from_html_at(&page.body, Some(&page.url))?
        } else {
            NewArticle {
                text: page.body.trim().to_string(),
                ..NewArticle::default()
            }
        };
        if found.text.trim().is_empty() {
            anyhow::bail!("the page at {} has no text", page.url);
        }
        Ok(NewArticle {
            text: found.text,
            published: self.published.or(found.published),
            lang: self.lang.or(found.lang),
            title: self.title.or(found.title),
            url: Some(page.url.clone()),
            credit: self.credit,
        })
    }
}

/// One line of a `.jsonl` file: like [`NewArticle`], but other fields are ignored (corpora
/// carry ids and gold annotations beside the text).
#[derive(Debug, Deserialize)]
struct JsonlArticle {
    text: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    credit: Option<String>,
}

/// Reads one line of a `.jsonl` file.
pub fn from_jsonl_line(line: &str) -> anyhow::Result<NewArticle> {
    let a: JsonlArticle =
        serde_json::from_str(line).map_err(|e| anyhow::anyhow!("malformed JSON: {e}"))?;
    Ok(NewArticle {
        text: a.text,
        published: a.published,
        lang: a.lang,
        title: a.title,
        url: a.url,
        credit: a.credit,
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_sets_metadata_and_is_cut_from_the_text() {
        let a = from_txt("---\ntitle: Acme news\npublished: 2024-09-27\nurl: https://x.example/a\nlang: en\n---\nJane Doe resigned.\n").unwrap();
        assert_eq!(a.title.as_deref(), Some("Acme news"));
        assert_eq!(a.published.as_deref(), Some("2024-09-27"));
        assert_eq!(a.url.as_deref(), Some("https://x.example/a"));
        assert_eq!(a.lang.as_deref(), Some("en"));
        assert_eq!(a.text, "Jane Doe resigned.\n");
        assert_eq!(from_txt("plain text").unwrap().text, "plain text");
        assert!(from_txt("---\ntitle: x\nno end").is_err());
        assert!(
            from_txt("---\nauthor: x\n---\ntext")
                .unwrap_err()
                .to_string()
                .contains("author")
        );
    }

    #[test]
    fn html_gives_main_text_date_and_language() {
        let html = r#"<!doctype html><html lang="en-GB"><head><title>Acme shake-up</title>
            <meta property="article:published_time" content="2024-09-27T08:00:00Z">
            </head><body><nav>Home | World | Business</nav><article><h1>Acme shake-up</h1>
            <p>Acme appointed Jane Doe as CEO on Thursday, the company said in a statement
            published on its website. The board voted unanimously after a long search.</p>
            <p>Doe previously ran the European division, where revenue grew quickly during
            her tenure, and she joined Acme twelve years ago as an engineer.</p></article>
            <footer>Copyright</footer></body></html>"#;
        let a = from_html(html).unwrap();
        assert!(a.text.contains("Acme appointed Jane Doe"), "{}", a.text);
        assert!(!a.text.contains("Copyright"));
        assert_eq!(a.published.as_deref(), Some("2024-09-27"));
        assert_eq!(a.lang.as_deref(), Some("en"));
        assert_eq!(a.title.as_deref(), Some("Acme shake-up"));
        let ld = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"H","datePublished":"2024-05-02T10:00:00+02:00"}</script></head>
            <body><article><p>Acme appointed Jane Doe as CEO, the company said on Thursday in a long statement about its future plans and the board.</p></article></body></html>"#;
        assert_eq!(
            from_html(ld).unwrap().published.as_deref(),
            Some("2024-05-02")
        );
    }

    #[test]
    fn page_metadata_gives_date_and_language_from_time_json_ld_and_og_locale() {
        let it = from_html(include_str!("../fixtures/pages/time-and-og-locale.html")).unwrap();
        assert!(it.text.contains("Giulia Bianchi"), "{}", it.text);
        assert!(!it.text.contains("diritti riservati"), "{}", it.text);
        assert_eq!(
            it.published.as_deref(),
            Some("2023-11-05"),
            "<time datetime>"
        );
        assert_eq!(it.lang.as_deref(), Some("it"), "og:locale it_IT");
        let fr = from_html(include_str!("../fixtures/pages/json-ld-and-lang.html")).unwrap();
        assert_eq!(fr.published.as_deref(), Some("2022-03-14"), "JSON-LD");
        assert_eq!(fr.lang.as_deref(), Some("fr"), "<html lang=fr-FR>");
        let none = from_html(include_str!("../fixtures/pages/no-metadata.html")).unwrap();
        assert!(none.text.contains("Sam Green"), "{}", none.text);
        assert_eq!(none.published, None);
        assert_eq!(none.lang, None);
        assert_eq!(
            known_lang("xx-YY"),
            None,
            "unknown languages are not guessed"
        );
    }

    #[test]
    fn a_fetched_page_fills_the_article_and_the_users_date_and_language_win() {
        let page = crate::fetch::Page {
            url: "https://news.example/rossi".into(),
            body: include_str!("../fixtures/pages/time-and-og-locale.html").into(),
            html: true,
        };
        let a = NewArticle {
            url: Some("https://news.example/short".into()),
            ..NewArticle::default()
        }
        .with_page(&page)
        .unwrap();
        assert_eq!(a.url.as_deref(), Some("https://news.example/rossi"));
        assert_eq!(a.published.as_deref(), Some("2023-11-05"));
        assert_eq!(a.lang.as_deref(), Some("it"));
        assert_eq!(
            a.title.as_deref(),
            Some("Cambio al vertice di Fabbrica Rossi")
        );
        let given = NewArticle {
            published: Some("2023-11-06".into()),
            lang: Some("en".into()),
            ..NewArticle::default()
        }
        .with_page(&page)
        .unwrap();
        assert_eq!(given.published.as_deref(), Some("2023-11-06"));
        assert_eq!(given.lang.as_deref(), Some("en"));
        let text = crate::fetch::Page {
            url: "https://news.example/a.txt".into(),
            body: "  Acme appointed Jane Doe as CEO.\n".into(),
            html: false,
        };
        let t = NewArticle::default().with_page(&text).unwrap();
        assert_eq!(t.text, "Acme appointed Jane Doe as CEO.");
        let empty = crate::fetch::Page {
            body: " \n".into(),
            ..text
        };
        assert!(NewArticle::default().with_page(&empty).is_err());
    }

    #[test]
    fn ics_injection_through_an_article_url_is_refused_at_ingest() {
        let mut a = NewArticle {
            url: Some("https://ok.example/\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil".into()),
            ..NewArticle::default()
        };
        let e = a.check_url().unwrap_err();
        assert!(e.contains("control character"), "{e}");
        for bad in [
            "javascript:alert(1)",
            "ftp://x.example/a",
            "not a url",
            "https://",
            "http://a\tb.example/",
        ] {
            assert!(checked_url(bad).is_err(), "{bad}");
        }
        let mut ok = NewArticle {
            url: Some(" https://News.example/a b?x=1 ".into()),
            ..NewArticle::default()
        };
        ok.check_url().unwrap();
        assert_eq!(ok.url.as_deref(), Some("https://news.example/a%20b?x=1"));
        let mut empty = NewArticle {
            url: Some("  ".into()),
            ..NewArticle::default()
        };
        empty.check_url().unwrap();
        assert_eq!(empty.url, None);
    }

    /// Issue 16: a credit line (CC BY attribution) comes from the front matter and must be
    /// one short line.
    #[test]
    fn a_credit_line_is_read_and_checked() {
        let mut a = from_txt("---\ncredit: CC BY 4.0 (Example corpus)\n---\nText.\n").unwrap();
        a.check_url().unwrap();
        assert_eq!(a.credit.as_deref(), Some("CC BY 4.0 (Example corpus)"));
        a.credit = Some("line\nbreak".into());
        assert!(a.check_url().unwrap_err().contains("credit"));
        a.credit = Some("x".repeat(MAX_CREDIT_CHARS + 1));
        assert!(a.check_url().is_err());
        a.credit = Some("  ".into());
        a.check_url().unwrap();
        assert_eq!(a.credit, None);
    }

    #[test]
    fn jsonl_lines_ignore_extra_fields_but_need_text() {
        let a = from_jsonl_line(r#"{"id": 7, "text": "x", "published": "2024-01-01"}"#).unwrap();
        assert_eq!(a.text, "x");
        assert!(from_jsonl_line(r#"{"title": "no text"}"#).is_err());
        assert!(from_jsonl_line("{").is_err());
    }
}
