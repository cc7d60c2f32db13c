//! The timeline in other shapes, for other tools: a static copy of the web app with its
//! `timeline.json` (a folder, or one HTML file), TimelineJS JSON, CSV, iCalendar and JSON
//! Lines; and the filter that chooses what goes in. Pure functions over a
//! [`TimelineDocument`]; the CLI (`dateline export`) and the API (`GET /api/export.*`) share
//! them.

use crate::assets;
use crate::formats::{CSV_COLUMNS, CsvRow, PERSON_SEPARATOR, SOURCE_SEPARATOR};
use anyhow::{Context as _, bail};
use base64::{Engine as _, engine::general_purpose::STANDARD as BASE64};
use dateline_api::{
    Amount, Day, EventDate, EventKind, Period, Person, Precision, SourceArticle, TimelineDocument,
    TimelineEvent,
};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The web app and `timeline.json`: a static site.
    Site,
    /// TimelineJS 3 JSON.
    TimelineJs,
    /// CSV, one row per event.
    Csv,
    /// iCalendar, one all-day event per event.
    Ics,
    /// JSON Lines, one timeline event per line.
    Jsonl,
}

impl Format {
    /// Every format's name, as `--format` takes it.
    pub const NAMES: [&'static str; 5] = ["site", "timelinejs", "csv", "ics", "jsonl"];

    /// The format named `name`; `None` for anything else.
    pub fn parse(name: &str) -> Option<Format> {
        Some(match name.to_ascii_lowercase().as_str() {
            "site" | "html" => Format::Site,
            "timelinejs" | "tl" => Format::TimelineJs,
            "csv" => Format::Csv,
            "ics" | "ical" | "icalendar" => Format::Ics,
            "jsonl" | "ndjson" => Format::Jsonl,
            _ => return None,
        })
    }

    /// The MIME type of the format's file.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Site => "text/html; charset=utf-8",
            Format::TimelineJs => "application/json",
            Format::Csv => "text/csv; charset=utf-8",
            Format::Ics => "text/calendar; charset=utf-8",
            Format::Jsonl => "application/x-ndjson",
        }
    }

    /// The usual file name ending.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Site => "html",
            Format::TimelineJs => "timelinejs.json",
            Format::Csv => "csv",
            Format::Ics => "ics",
            Format::Jsonl => "jsonl",
        }
    }
}

/// Which events to export: the same filters as the web app's URL.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Person ids (slugs); an event matches when it names any of them.
    pub persons: Vec<String>,
    /// Kinds; an event matches when it is of any of them.
    pub kinds: Vec<EventKind>,
    /// First date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`): events that end before it are left out.
    pub from: Option<Period>,
    /// Last date: events that start after it are left out.
    pub to: Option<Period>,
    /// Words (lowercase) that must all appear in the event's names, organisation, role or
    /// evidence.
    pub words: Vec<String>,
}

/// A date written as `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (precision from its form), checked;
/// the error says what was expected.
pub fn parse_bound(name: &str, value: &str) -> Result<Period, String> {
    value.trim().parse::<Period>().map_err(|_| {
        format!("{name}={value:?} is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD")
    })
}

/// The kind named `name`, or an error listing the kinds.
pub fn parse_kind(name: &str) -> Result<EventKind, String> {
    EventKind::parse(name.trim().to_ascii_lowercase().as_str()).ok_or_else(|| {
        let all: Vec<&str> = EventKind::ALL.iter().map(|k| k.as_str()).collect();
        format!("unknown kind {name:?}: expected one of {}", all.join(", "))
    })
}

impl Filter {
    /// Builds a filter from parameters as people type them: names or slugs (also several
    /// separated by commas), kind names, date bounds.
    pub fn from_params(
        persons: &[String],
        kinds: &[String],
        from: Option<&str>,
        to: Option<&str>,
        q: Option<&str>,
    ) -> Result<Filter, String> {
        let split = |values: &[String]| -> Vec<String> {
            values
                .iter()
                .flat_map(|v| v.split(','))
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
                .collect()
        };
        let mut f = Filter::default();
        for p in split(persons) {
            let id = dateline_core::slug(&p);
            if id.is_empty() {
                return Err(format!("person={p:?} is not a name"));
            }
            if !f.persons.contains(&id) {
                f.persons.push(id);
            }
        }
        for k in split(kinds) {
            let kind = parse_kind(&k)?;
            if !f.kinds.contains(&kind) {
                f.kinds.push(kind);
            }
        }
        f.from = from
            .filter(|v| !v.trim().is_empty())
            .map(|v| parse_bound("from", v))
            .transpose()?;
        f.to = to
            .filter(|v| !v.trim().is_empty())
            .map(|v| parse_bound("to", v))
            .transpose()?;
        if let Some(q) = q {
            crate::store::read::check_search(q)?;
        }
        f.words = q
            .unwrap_or_default()
            .to_lowercase()
            .split_whitespace()
            .map(str::to_string)
            .collect();
        Ok(f)
    }

    /// Whether nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self == &Filter::default()
    }

    fn matches(&self, e: &TimelineEvent) -> bool {
        let span = e.date.days();
        let after_from = match (self.from, span) {
            (Some(from), Some((_, last))) => last >= from.first(),
            _ => true,
        };
        let before_to = match (self.to, span) {
            (Some(to), Some((first, _))) => first <= to.last(),
            _ => true,
        };
        (self.persons.is_empty() || e.person_ids.iter().any(|p| self.persons.contains(p)))
            && (self.kinds.is_empty() || self.kinds.contains(&e.kind))
            && after_from
            && before_to
            && (self.words.is_empty() || {
                let mut text = vec![e.kind.as_str()];
                text.extend(e.persons.iter().map(String::as_str));
                text.extend(e.org.as_deref());
                text.extend(e.role.as_deref());
                text.extend(e.sources.iter().map(|s| s.evidence.text.as_str()));
                let text = text.join("\n").to_lowercase();
                self.words.iter().all(|w| text.contains(w.as_str()))
            })
    }

    /// The people the filter names that the document does not know (for a clear error).
    pub fn unknown_persons(&self, doc: &TimelineDocument) -> Vec<String> {
        self.persons
            .iter()
            .filter(|p| !doc.people.iter().any(|q| &q.id == *p))
            .cloned()
            .collect()
    }
}

/// The document with only the events `filter` keeps, and only the people and articles
/// those events name and cite (people's counts recomputed).
pub fn filter(doc: TimelineDocument, filter: &Filter) -> TimelineDocument {
    if filter.is_empty() {
        return doc;
    }
    let events: Vec<TimelineEvent> = doc
        .events
        .into_iter()
        .filter(|e| filter.matches(e))
        .collect();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut cited: BTreeSet<&str> = BTreeSet::new();
    for e in &events {
        for p in &e.person_ids {
            *counts.entry(p.as_str()).or_default() += 1;
        }
        cited.extend(e.sources.iter().map(|s| s.article_id.as_str()));
        for a in &e.alternative_dates {
            cited.extend(a.article_ids.iter().map(String::as_str));
        }
    }
    let people: Vec<Person> = doc
        .people
        .into_iter()
        .filter_map(|p| {
            let n = counts.get(p.id.as_str()).copied()?;
            Some(Person {
                event_count: n,
                ..p
            })
        })
        .collect();
    let sources: Vec<SourceArticle> = doc
        .sources
        .into_iter()
        .filter(|s| cited.contains(s.id.as_str()))
        .collect();
    TimelineDocument {
        title: doc.title,
        events,
        people,
        sources,
    }
}

/// TimelineJS files of at most this many events are indented (for people to edit); larger
/// ones are compact.
pub const PRETTY_UP_TO: usize = 2000;

/// The document in `format` (for [`Format::Site`], the single HTML file; the folder is
/// [`write_site`]).
/// `now` stamps the iCalendar file (`DTSTAMP`).
pub fn render(
    doc: &TimelineDocument,
    format: Format,
    now: chrono::DateTime<chrono::Utc>,
) -> anyhow::Result<Vec<u8>> {
    Ok(match format {
        Format::Site => single_file(doc)?.into_bytes(),
        Format::TimelineJs => timelinejs_bytes(doc)?,
        Format::Csv => csv(doc)?,
        Format::Ics => ics(doc, now).into_bytes(),
        Format::Jsonl => jsonl(doc)?.into_bytes(),
    })
}

/// Who an event is about: its people, else its organisation (buyer → bought).
fn subject(e: &TimelineEvent) -> String {
    if !e.persons.is_empty() {
        return e.persons.join(", ");
    }
    match (&e.org, &e.target) {
        (Some(o), Some(t)) => format!("{o} → {t}"),
        (Some(o), None) => o.clone(),
        (None, Some(t)) => t.clone(),
        (None, None) => String::new(),
    }
}

/// One line that names the event: `Resignation: Mira Murati`.
pub fn headline(e: &TimelineEvent) -> String {
    labelled(e.kind, &subject(e))
}

/// The headline of an event of `kind` about `persons`, else `org`.
pub fn headline_for(kind: EventKind, persons: &[String], org: Option<&str>) -> String {
    let who = if persons.is_empty() {
        org.unwrap_or_default().to_string()
    } else {
        persons.join(", ")
    };
    labelled(kind, &who)
}

fn labelled(kind: EventKind, who: &str) -> String {
    if who.is_empty() {
        kind.label().to_string()
    } else {
        format!("{}: {who}", kind.label())
    }
}

/// A sum in words: `150 billion USD`, `6.6 million EUR`, `1,200 USD`.
pub fn amount_text(a: &Amount) -> String {
    let v = a.value;
    let (n, unit) = if v.abs() >= 1e12 {
        (v / 1e12, " trillion")
    } else if v.abs() >= 1e9 {
        (v / 1e9, " billion")
    } else if v.abs() >= 1e6 {
        (v / 1e6, " million")
    } else {
        (v, "")
    };
    let mut num = format!("{n:.2}");
    while num.contains('.') && (num.ends_with('0') || num.ends_with('.')) {
        num.pop();
    }
    format!("{num}{unit} {}", a.currency)
}

/// Role and organisation, figure and count of an event, as short lines.
fn facts(e: &TimelineEvent) -> Vec<String> {
    let mut out = Vec::new();
    let role_org = [e.role.as_deref(), e.org.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    if !role_org.is_empty() {
        out.push(role_org);
    }
    if let Some(t) = &e.target {
        out.push(format!("Bought: {t}"));
    }
    if let Some(a) = &e.amount {
        out.push(amount_text(a));
    }
    if let Some(n) = e.count {
        out.push(format!("{n} people"));
    }
    if e.date.approx {
        out.push("Approximate date".into());
    }
    out
}

/// The date as people read it: `26 September 2024`, `September 2024`, `Q3 2024`, `2024`.
pub fn display_date(d: &EventDate) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    // A value that is no date at its precision (never stored) is shown as it is.
    let text = match d.period() {
        Ok(p) => {
            let first = p.first();
            let month = MONTHS.get(first.month() as usize - 1).copied();
            let (year, month) = (first.year(), month.unwrap_or_default());
            match p.precision() {
                Precision::Day => format!("{} {month} {year:04}", first.day()),
                Precision::Month => format!("{month} {year:04}"),
                Precision::Quarter => format!("Q{} {year:04}", first.month().div_ceil(3)),
                Precision::Year => format!("{year:04}"),
            }
        }
        Err(_) => d.value.clone(),
    };
    if d.approx {
        format!("About {text}")
    } else {
        text
    }
}

/// Whether `url` is an `http(s)` link (anything else, such as `javascript:`, is never made
/// a link: article metadata is untrusted).
pub fn is_web_link(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// A text cell as spreadsheets will not run it: a leading `=`, `+`, `-`, `@`, tab or
/// carriage return (a formula to Excel, LibreOffice, Sheets) gets a `'` before it (OWASP's
/// advice on CSV injection; the importer takes it off again).
pub fn inert_cell(text: String) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    }
}

fn html(text: &str) -> String {
    dateline_api::embed::attr(text).replace('\'', "&#39;")
}

/// A TimelineJS date object (`year`, then `month` and `day` as the precision allows).
fn tl_date(year: i64, month: Option<i64>, day: Option<i64>) -> serde_json::Value {
    let mut o = serde_json::Map::new();
    o.insert("year".into(), year.into());
    if let Some(m) = month {
        o.insert("month".into(), m.into());
        if let Some(d) = day {
            o.insert("day".into(), d.into());
        }
    }
    serde_json::Value::Object(o)
}

/// The document as TimelineJS 3 JSON (<https://timeline.knightlab.com/docs/json-format.html>):
/// a title slide and one slide per event with `start_date` (and `end_date` for a quarter)
/// at the event's precision, `text.headline` and `text.text` (HTML, escaped), `group` (the
/// first person, else the organisation, so people become TimelineJS groups), `unique_id`
/// (the event id) and `display_date` for quarters and approximate dates. Each event also
/// carries a `dateline` object with its own fields, which TimelineJS ignores and
/// `dateline import` reads back.
pub fn timelinejs(doc: &TimelineDocument) -> serde_json::Value {
    let articles = articles_by_id(doc);
    let events: Vec<serde_json::Value> = doc
        .events
        .iter()
        .filter_map(|e| tl_slide(e, &articles))
        .collect();
    serde_json::json!({ "title": tl_title(doc), "events": events })
}

/// [`timelinejs`] as bytes: indented when small enough for people to edit
/// ([`PRETTY_UP_TO`]), else compact and written slide by slide (no whole-document value
/// in memory).
pub fn timelinejs_bytes(doc: &TimelineDocument) -> anyhow::Result<Vec<u8>> {
    let mut out = if doc.events.len() <= PRETTY_UP_TO {
        serde_json::to_vec_pretty(&timelinejs(doc))?
    } else {
        let articles = articles_by_id(doc);
        let mut out = Vec::with_capacity(doc.events.len() * 800);
        out.extend_from_slice(b"{\"title\":");
        serde_json::to_writer(&mut out, &tl_title(doc))?;
        out.extend_from_slice(b",\"events\":[");
        let mut first = true;
        for slide in doc.events.iter().filter_map(|e| tl_slide(e, &articles)) {
            if !first {
                out.push(b',');
            }
            first = false;
            serde_json::to_writer(&mut out, &slide)?;
        }
        out.extend_from_slice(b"]}");
        out
    };
    out.push(b'\n');
    Ok(out)
}

fn articles_by_id(doc: &TimelineDocument) -> BTreeMap<&str, &SourceArticle> {
    doc.sources.iter().map(|s| (s.id.as_str(), s)).collect()
}

/// The TimelineJS title slide.
fn tl_title(doc: &TimelineDocument) -> serde_json::Value {
    serde_json::json!({
        "text": {
            "headline": html(&doc.title),
            "text": format!("<p>{} events from {} articles</p>", doc.events.len(), doc.sources.len()),
        }
    })
}

/// One event's TimelineJS slide (`None` for a date that is not one).
fn tl_slide(
    e: &TimelineEvent,
    articles: &BTreeMap<&str, &SourceArticle>,
) -> Option<serde_json::Value> {
    let (first, last) = e.date.days()?;
    let (y, m, d) = (
        i64::from(first.year()),
        i64::from(first.month()),
        i64::from(first.day()),
    );
    let start = match e.date.precision {
        Precision::Day => tl_date(y, Some(m), Some(d)),
        Precision::Month | Precision::Quarter => tl_date(y, Some(m), None),
        Precision::Year => tl_date(y, None, None),
    };
    let mut text = String::new();
    for f in facts(e) {
        text.push_str(&format!("<p>{}</p>", html(&f)));
    }
    for s in &e.sources {
        text.push_str(&format!(
            "<blockquote>{}</blockquote>",
            html(&s.evidence.text)
        ));
        if let Some(a) = articles.get(s.article_id.as_str()) {
            let title = a.title.as_deref().unwrap_or("Source");
            let cite = match a.url.as_deref().filter(|u| is_web_link(u)) {
                Some(u) => format!(
                    "<a href=\"{}\" target=\"_blank\" rel=\"noopener\">{}</a>",
                    html(u),
                    html(title)
                ),
                None => html(title),
            };
            text.push_str(&format!("<p>— {cite}, {}</p>", html(&a.published)));
        }
    }
    let group = e
        .persons
        .first()
        .or(e.org.as_ref())
        .cloned()
        .unwrap_or_else(|| e.kind.label().to_string());
    let mut slide = serde_json::json!({
        "start_date": start,
        "text": { "headline": html(&headline(e)), "text": text },
        "group": html(&group),
        "unique_id": e.id,
        "dateline": {
            "kind": e.kind,
            "date": e.date,
            "persons": e.persons,
            "org": e.org,
            "target": e.target,
            "role": e.role,
            "amount": e.amount,
            "count": e.count,
        },
    });
    if e.date.precision == Precision::Quarter {
        slide["end_date"] = tl_date(i64::from(last.year()), Some(i64::from(last.month())), None);
    }
    if e.date.precision == Precision::Quarter || e.date.approx {
        slide["display_date"] = display_date(&e.date).into();
    }
    Some(slide)
}

/// The document as CSV: a header row ([`CSV_COLUMNS`]) and one row per event; several
/// people or sources share a cell, joined; quoting by the `csv` crate.
pub fn csv(doc: &TimelineDocument) -> anyhow::Result<Vec<u8>> {
    let articles: BTreeMap<&str, &SourceArticle> =
        doc.sources.iter().map(|s| (s.id.as_str(), s)).collect();
    // The header is written even for no events; the rows are `CsvRow`s in its order.
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    w.write_record(CSV_COLUMNS)?;
    for e in &doc.events {
        let cited: Vec<&SourceArticle> = e
            .sources
            .iter()
            .filter_map(|s| articles.get(s.article_id.as_str()).copied())
            .collect();
        let join = |f: &dyn Fn(&SourceArticle) -> Option<&str>| {
            cited
                .iter()
                .filter_map(|a| f(a))
                .collect::<Vec<_>>()
                .join(SOURCE_SEPARATOR)
        };
        let evidence: Vec<&str> = e.sources.iter().map(|s| s.evidence.text.as_str()).collect();
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let mut row = CsvRow {
            id: e.id.clone(),
            date: e.date.value.clone(),
            precision: e.date.precision.as_str().to_string(),
            approx: e.date.approx.to_string(),
            kind: e.kind.as_str().to_string(),
            persons: e.persons.join(PERSON_SEPARATOR),
            org: opt(&e.org),
            role: opt(&e.role),
            target: opt(&e.target),
            amount: e
                .amount
                .as_ref()
                .map(|a| a.value.to_string())
                .unwrap_or_default(),
            currency: e
                .amount
                .as_ref()
                .map(|a| a.currency.clone())
                .unwrap_or_default(),
            count: e.count.map(|c| c.to_string()).unwrap_or_default(),
            headline: headline(e),
            evidence: evidence.join(SOURCE_SEPARATOR),
            source_titles: join(&|a| a.title.as_deref()),
            source_urls: join(&|a| a.url.as_deref()),
            curated: e.curated.to_string(),
        };
        // Every cell guarded, ids and currencies too: an imported file may have set them.
        for cell in row.cells_mut() {
            *cell = inert_cell(std::mem::take(cell));
        }
        w.serialize(&row)?;
    }
    w.flush()?;
    w.into_inner()
        .map_err(|e| anyhow::anyhow!("cannot write the CSV: {e}"))
}

/// A TEXT value for iCalendar: line breaks (`\r\n`, a bare `\r`) become `\n`, which the
/// `icalendar` crate escapes, and other control characters are dropped, so no value can
/// end its content line and start another (RFC 5545 3.3.11 allows no controls but
/// HTAB).
fn ics_text(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| *c == '\n' || *c == '\t' || !c.is_control())
        .collect()
}

/// A value the `icalendar` crate writes as it is (UID, URL, CATEGORIES): no control
/// characters at all.
fn ics_raw(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).collect()
}

/// The document as iCalendar (RFC 5545, written by the `icalendar` crate, which folds; every
/// value goes through [`ics_text`] or [`ics_raw`] first, URLs through the `url` crate): one all-day `VEVENT` per event over the days its date covers (a day, a whole
/// month, quarter or year; `DTEND` is the day after), with the headline as `SUMMARY`, the
/// facts, evidence and sources as `DESCRIPTION`, the first source's link as `URL`, the
/// kind as `CATEGORIES` and `<id>@dateline` as `UID`.
pub fn ics(doc: &TimelineDocument, now: chrono::DateTime<chrono::Utc>) -> String {
    use icalendar::{Calendar, Component as _, EventLike as _};
    let articles: BTreeMap<&str, &SourceArticle> =
        doc.sources.iter().map(|s| (s.id.as_str(), s)).collect();
    let mut cal = Calendar::empty();
    for (k, v) in [
        ("VERSION", "2.0"),
        ("PRODID", "-//Dateline//Dateline export//EN"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
    ] {
        cal.append_property(icalendar::Property::new(k, v));
    }
    // The crate writes NAME unescaped (X-WR-CALNAME escaped): one line, no controls.
    cal.name(&ics_raw(&doc.title.replace(['\r', '\n'], " ")));
    for e in &doc.events {
        let Some((first, end)) = e
            .date
            .days()
            .and_then(|(first, last)| Some((naive(first)?, naive(last.next().unwrap_or(last))?)))
        else {
            continue;
        };
        let mut lines = facts(e);
        for s in &e.sources {
            lines.push(format!("“{}”", s.evidence.text));
            if let Some(a) = articles.get(s.article_id.as_str()) {
                let mut cite = format!("— {}", a.title.as_deref().unwrap_or("Source"));
                cite.push_str(&format!(", {}", a.published));
                if let Some(u) = a
                    .url
                    .as_deref()
                    .and_then(|u| crate::article::checked_url(u).ok())
                {
                    cite.push_str(&format!(" {u}"));
                }
                lines.push(cite);
            }
        }
        let mut ev = icalendar::Event::new();
        ev.uid(&ics_raw(&format!("{}@dateline", e.id)))
            .timestamp(now)
            .summary(&ics_text(&headline(e)))
            .description(&ics_text(&lines.join("\n")))
            .starts(first)
            .ends(end)
            .add_property("CATEGORIES", ics_raw(e.kind.label()))
            .add_property("TRANSP", "TRANSPARENT");
        if let Some(url) = e
            .sources
            .iter()
            .filter_map(|s| articles.get(s.article_id.as_str())?.url.as_deref())
            .find_map(|u| crate::article::checked_url(u).ok())
        {
            ev.url(&url);
        }
        cal.push(ev.done());
    }
    cal.done().to_string()
}

/// The document as JSON Lines: one [`TimelineEvent`] per line, in date order.
pub fn jsonl(doc: &TimelineDocument) -> anyhow::Result<String> {
    let mut out = String::new();
    for e in &doc.events {
        out.push_str(&serde_json::to_string(e)?);
        out.push('\n');
    }
    Ok(out)
}

/// An embedded file of the web app, or an error saying how to build it into the binary.
fn asset(name: &str) -> anyhow::Result<&'static [u8]> {
    assets::get(name).with_context(|| {
        format!(
            "this dateline binary was built without the web app ({name} is missing): build it with `cargo xtask build`"
        )
    })
}

/// `index.html` of the export: reads `timeline.json` beside it, titled `title`.
fn export_index(title: &str) -> anyhow::Result<String> {
    let index = String::from_utf8_lossy(asset("index.html")?).into_owned();
    const META: &str = "content=\"api/timeline.json\"";
    if !index.contains(META) {
        bail!(
            "the embedded index.html has no dateline-timeline meta tag to point at timeline.json"
        );
    }
    // A static site is one story: no list of stories to ask for.
    const STORIES: &str = "name=\"dateline-timelines\" content=\"api/timelines\"";
    Ok(index
        .replacen(META, "content=\"timeline.json\"", 1)
        .replacen(STORIES, "name=\"dateline-timelines\" content=\"\"", 1)
        .replacen(
            "<title>Dateline</title>",
            &format!("<title>{}</title>", html(title)),
            1,
        ))
}

/// The web app's files a static site needs besides `index.html`.
pub const SITE_FILES: [&str; 5] = [
    "dateline_web.js",
    "dateline_web_bg.wasm",
    "style.css",
    "embed.js",
    "favicon.svg",
];

/// Writes the static site into `dir` (created when missing): `index.html`, the app's
/// files and `timeline.json`, all linked by relative URLs, and the same events as
/// `timeline.timelinejs.json`, `timeline.csv`, `timeline.ics` and `timeline.jsonl`.
/// Returns the files written.
pub fn write_site(
    dir: &Path,
    doc: &TimelineDocument,
    now: chrono::DateTime<chrono::Utc>,
) -> anyhow::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the folder {}", dir.display()))?;
    let mut written = Vec::new();
    let mut write = |name: &str, bytes: &[u8]| -> anyhow::Result<()> {
        let path = dir.join(name);
        std::fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
        written.push(path);
        Ok(())
    };
    // The app first (checked before anything is written), then the data, one file at a time.
    let index = export_index(&doc.title)?;
    let app = SITE_FILES
        .iter()
        .map(|name| Ok((*name, asset(name)?)))
        .collect::<anyhow::Result<Vec<_>>>()?;
    write("index.html", index.as_bytes())?;
    for (name, bytes) in app {
        write(name, bytes)?;
    }
    write("timeline.json", &serde_json::to_vec(doc)?)?;
    // The same events for other tools, beside the app: a calendar to subscribe to, a
    // TimelineJS source, a spreadsheet, lines to process.
    for (name, format) in [
        ("timeline.timelinejs.json", Format::TimelineJs),
        ("timeline.csv", Format::Csv),
        ("timeline.ics", Format::Ics),
        ("timeline.jsonl", Format::Jsonl),
    ] {
        write(name, &render(doc, format, now)?)?;
    }
    Ok(written)
}

/// The index page of `dateline export --all`: one link per story (its folder), with its
/// span, counts and the people most present, and a box that filters the list as you type.
/// A plain page (no app, no data to load), so it opens from a disk too.
pub fn stories_index(title: &str, stories: &[dateline_api::TimelineSummary]) -> String {
    let mut items = String::new();
    for t in stories {
        let span = match (&t.from, &t.to) {
            (Some(f), Some(to)) if f == to => f.clone(),
            (Some(f), Some(to)) => format!("{f} – {to}"),
            _ => "no events".to_string(),
        };
        let people: Vec<&str> = t.people.iter().map(|p| p.name.as_str()).collect();
        let search = format!("{} {} {}", t.id, t.title, people.join(" ")).to_lowercase();
        items.push_str(&format!(
            "<li data-search=\"{}\"><a href=\"{}/\">{}</a> <span class=\"span\">{}</span> \
             <span class=\"counts\">{} events, {} articles</span><br><span class=\"people\">{}</span></li>\n",
            html(&search),
            html(&t.id),
            html(&t.title),
            html(&span),
            t.events,
            t.articles,
            html(&people.join(", "))
        ));
    }
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n<title>{t}</title>\n\
         <style>body{{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}}\
         ul{{list-style:none;padding:0}}li{{margin:.8rem 0}}.span,.counts,.people{{opacity:.75;font-size:.9em}}\
         input{{font:inherit;width:100%;padding:.4rem}}</style>\n</head>\n<body>\n<h1>{t}</h1>\n\
         <label>Find a story <input id=\"filter\" type=\"search\" autocomplete=\"off\"></label>\n\
         <ul id=\"stories\">\n{items}</ul>\n\
         <script>document.getElementById(\"filter\").addEventListener(\"input\",function(e){{\
         var w=e.target.value.toLowerCase().split(/\\s+/).filter(Boolean);\
         document.querySelectorAll(\"#stories li\").forEach(function(li){{var s=li.dataset.search;\
         li.hidden=!w.every(function(x){{return s.indexOf(x)>=0}})}})}});</script>\n</body>\n</html>\n",
        t = html(title),
    )
}

/// The wasm-bindgen glue as the body of an inline module script: its `export`s dropped
/// (nothing imports it), ready to call `__wbg_init` with the module's bytes.
fn inline_glue(js: &str) -> anyhow::Result<String> {
    let mut out = String::with_capacity(js.len());
    let mut found_init = false;
    for line in js.lines() {
        if line.starts_with("export {") {
            found_init |= line.contains("__wbg_init");
            continue;
        }
        let line = line
            .strip_prefix("export ")
            .filter(|rest| {
                ["function ", "class ", "const ", "let ", "async function "]
                    .iter()
                    .any(|k| rest.starts_with(k))
            })
            .unwrap_or(line);
        out.push_str(line);
        out.push('\n');
    }
    if !found_init || !js.contains("async function __wbg_init(") {
        bail!("the embedded JS glue does not have the expected __wbg_init export");
    }
    if out.to_ascii_lowercase().contains("</script") {
        bail!("the embedded JS glue contains </script and cannot be inlined");
    }
    Ok(out)
}

/// The whole export as one HTML file: the style, the JS glue, the wasm module (base64) and
/// the timeline document (a `<script type="application/json" id="dateline-data">`, handed
/// to the app as a `blob:` URL in its `dateline-timeline` meta tag) inline. Opens from any
/// static host.
pub fn single_file(doc: &TimelineDocument) -> anyhow::Result<String> {
    let index = export_index(&doc.title)?;
    let css = String::from_utf8_lossy(asset("style.css")?).into_owned();
    let glue = inline_glue(&String::from_utf8_lossy(asset("dateline_web.js")?))?;
    let wasm = BASE64.encode(asset("dateline_web_bg.wasm")?);
    // `<` only occurs inside JSON strings, where \u003c is the same character: the data can
    // never close its script element.
    let data = serde_json::to_string(doc)?.replace('<', "\\u003c");
    const LINK: &str = "<link rel=\"stylesheet\" href=\"style.css\">";
    let (Some(script_at), true) = (index.find("<script type=\"module\">"), index.contains(LINK))
    else {
        bail!(
            "the embedded index.html does not have the expected stylesheet link and module script"
        );
    };
    let script_end = index[script_at..]
        .find("</script>")
        .map(|i| script_at + i + "</script>".len())
        .context("the embedded index.html has an unclosed module script")?;
    let boot = format!(
        "<script type=\"application/json\" id=\"dateline-data\">{data}</script>\n  \
         <script type=\"module\">\n{glue}\n\
         // The app fetches the document the meta tag names: here, the inlined one.\n\
         document.querySelector(\"meta[name=dateline-timeline]\").content = URL.createObjectURL(\n\
           new Blob([document.getElementById(\"dateline-data\").textContent], {{ type: \"application/json\" }}));\n\
         const datelineWasm = \"{wasm}\";\n\
         __wbg_init({{ module_or_path: Uint8Array.from(atob(datelineWasm), (c) => c.charCodeAt(0)) }});\n  </script>"
    );
    let page = format!("{}{}{}", &index[..script_at], boot, &index[script_end..]);
    // Nothing to fetch ahead of the app: its code is inline.
    const PRELOADS: &str = "  <!-- The app's code, asked for at once rather than after its glue has run. -->\n  \
        <link rel=\"modulepreload\" href=\"dateline_web.js\">\n  \
        <link rel=\"preload\" href=\"dateline_web_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n";
    if !page.contains(PRELOADS) {
        bail!("the embedded index.html does not have the expected preload links");
    }
    let page = page.replacen(PRELOADS, "", 1);
    // No address to ask for ahead of the app (index.html skips an empty one): the boot
    // script above names the inlined document.
    let page = page.replacen(
        "name=\"dateline-timeline\" content=\"timeline.json\"",
        "name=\"dateline-timeline\" content=\"\"",
        1,
    );
    // The icon inline too, so that the one file asks for nothing else.
    let icon = format!(
        "href=\"data:image/svg+xml;base64,{}\"",
        BASE64.encode(asset("favicon.svg")?)
    );
    Ok(page
        .replacen(LINK, &format!("<style>\n{css}</style>"), 1)
        .replacen("href=\"favicon.svg\"", &icon, 1))
}

/// A typed day as chrono's, for the iCalendar crate.
fn naive(d: Day) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(d.year(), d.month(), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_api::{EventSource, Evidence};

    fn date(value: &str, precision: Precision, approx: bool) -> EventDate {
        EventDate {
            value: value.into(),
            precision,
            approx,
        }
    }

    fn event(id: &str, d: EventDate, person: Option<&str>) -> TimelineEvent {
        TimelineEvent {
            id: id.into(),
            kind: if person.is_some() {
                EventKind::Resignation
            } else {
                EventKind::Valuation
            },
            date: d,
            persons: person.map(|p| vec![p.to_string()]).unwrap_or_default(),
            person_ids: person
                .map(|p| vec![dateline_core::slug(p)])
                .unwrap_or_default(),
            org: Some("Acme, Inc.".into()),
            target: None,
            role: person.map(|_| "CTO".to_string()),
            amount: person.is_none().then(|| Amount {
                value: 150e9,
                currency: "USD".into(),
            }),
            count: None,
            sources: vec![EventSource {
                article_id: "a1".into(),
                evidence: Evidence {
                    text: "She said: \"I quit, <b>now</b>; really\"".into(),
                    start: 0,
                    end: 10,
                },
                date: None,
            }],
            alternative_dates: vec![],
            corrected: false,
            curated: false,
            hidden: false,
        }
    }

    fn doc() -> TimelineDocument {
        TimelineDocument {
            title: "Acme's year".into(),
            events: vec![
                event(
                    "r1",
                    date("2024-09-26", Precision::Day, false),
                    Some("Ann Lee"),
                ),
                event("v1", date("2024-10", Precision::Quarter, true), None),
                event("r2", date("2023", Precision::Year, false), Some("Bob Ray")),
                event(
                    "r3",
                    date("2024-02", Precision::Month, false),
                    Some("Bob Ray"),
                ),
            ],
            people: vec![
                Person {
                    id: "ann-lee".into(),
                    name: "Ann Lee".into(),
                    event_count: 1,
                },
                Person {
                    id: "bob-ray".into(),
                    name: "Bob Ray".into(),
                    event_count: 2,
                },
            ],
            sources: vec![SourceArticle {
                id: "a1".into(),
                title: Some("Acme news".into()),
                url: Some("https://news.example/a?x=1&y=2".into()),
                published: "2024-09-27".into(),
                lang: "en".into(),
                credit: None,
            }],
        }
    }

    #[test]
    fn the_filter_keeps_matching_events_people_and_sources() {
        let f = Filter::from_params(&["Bob Ray".into()], &[], Some("2024"), None, None).unwrap();
        let d = filter(doc(), &f);
        assert_eq!(d.events.len(), 1);
        assert_eq!(d.events[0].id, "r3");
        assert_eq!(d.people.len(), 1);
        assert_eq!(d.people[0].event_count, 1);
        assert_eq!(d.sources.len(), 1);
        // A year overlaps a bound inside it.
        let f = Filter::from_params(
            &[],
            &["resignation".into()],
            Some("2023-06"),
            Some("2023-12-31"),
            None,
        )
        .unwrap();
        assert_eq!(filter(doc(), &f).events.len(), 1);
        let f = Filter::from_params(&[], &[], None, None, Some("ANN quit")).unwrap();
        assert_eq!(filter(doc(), &f).events.len(), 1);
        assert!(Filter::from_params(&[], &["party".into()], None, None, None).is_err());
        assert!(Filter::from_params(&[], &[], Some("2024-02-30"), None, None).is_err());
        assert!(
            Filter::from_params(&["  ,".into()], &[], None, None, Some(" "))
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn timelinejs_slides_have_the_documented_fields_at_each_precision() {
        let tl = timelinejs(&doc());
        assert_eq!(tl["title"]["text"]["headline"], "Acme&#39;s year");
        let ev = tl["events"].as_array().unwrap();
        assert_eq!(ev.len(), 4);
        assert_eq!(
            ev[0]["start_date"],
            serde_json::json!({"year": 2024, "month": 9, "day": 26})
        );
        assert_eq!(ev[0]["group"], "Ann Lee");
        assert_eq!(ev[0]["unique_id"], "r1");
        assert_eq!(ev[0]["text"]["headline"], "Resignation: Ann Lee");
        let text = ev[0]["text"]["text"].as_str().unwrap();
        assert!(text.contains("&lt;b&gt;now&lt;/b&gt;"), "{text}");
        assert!(
            text.contains("href=\"https://news.example/a?x=1&amp;y=2\""),
            "{text}"
        );
        assert_eq!(
            ev[1]["start_date"],
            serde_json::json!({"year": 2024, "month": 10})
        );
        assert_eq!(
            ev[1]["end_date"],
            serde_json::json!({"year": 2024, "month": 12})
        );
        assert_eq!(ev[1]["display_date"], "About Q4 2024");
        assert_eq!(ev[1]["group"], "Acme, Inc.");
        assert_eq!(ev[2]["start_date"], serde_json::json!({"year": 2023}));
        assert!(ev[2].get("end_date").is_none());
    }

    #[test]
    fn large_timelinejs_files_are_compact_and_the_same_document() {
        let mut big = doc();
        let one = big.events[0].clone();
        big.events = (0..=PRETTY_UP_TO)
            .map(|i| TimelineEvent {
                id: format!("e{i}"),
                ..one.clone()
            })
            .collect();
        let bytes = timelinejs_bytes(&big).unwrap();
        assert!(!bytes.starts_with(b"{\n"), "compact");
        let parsed: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(parsed, timelinejs(&big));
        let small = timelinejs_bytes(&doc()).unwrap();
        assert!(small.starts_with(b"{\n"), "indented");
    }

    #[test]
    fn csv_quotes_cells_and_reads_back() {
        let bytes = csv(&doc()).unwrap();
        let mut r = csv::Reader::from_reader(bytes.as_slice());
        assert_eq!(r.headers().unwrap(), CSV_COLUMNS.as_slice());
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 4);
        assert_eq!(&rows[0][6], "Acme, Inc.");
        assert_eq!(&rows[0][13], "She said: \"I quit, <b>now</b>; really\"");
        assert_eq!(&rows[0][15], "https://news.example/a?x=1&y=2");
        assert_eq!(&rows[1][9], "150000000000");
    }

    #[test]
    fn ics_has_all_day_events_over_their_precision_and_parses_back() {
        let now = chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        let text = ics(&doc(), now);
        assert!(text.contains("DTSTART;VALUE=DATE:20240926"), "{text}");
        assert!(text.contains("DTEND;VALUE=DATE:20240927"), "{text}");
        // A quarter is three months, a year a whole year.
        assert!(text.contains("DTSTART;VALUE=DATE:20241001"), "{text}");
        assert!(text.contains("DTEND;VALUE=DATE:20250101"), "{text}");
        assert!(text.contains("DTSTART;VALUE=DATE:20230101"), "{text}");
        assert!(text.contains("DTEND;VALUE=DATE:20240101"), "{text}");
        assert!(text.lines().all(|l| l.len() <= 75), "folded lines");
        let cal: icalendar::Calendar = text.parse().unwrap();
        use icalendar::Component as _;
        let events: Vec<_> = cal.events().collect();
        assert_eq!(events.len(), 4);
        assert_eq!(events[0].get_summary(), Some("Resignation: Ann Lee"));
        assert!(
            events[0]
                .get_description()
                .unwrap()
                .contains("\"I quit, <b>now</b>; really\"")
        );
        assert_eq!(events[0].get_uid(), Some("r1@dateline"));
    }

    #[test]
    fn ics_injection_through_an_article_url_is_refused_in_export() {
        // A store written before URLs were checked, and text with bare carriage returns.
        let mut d = doc();
        d.sources[0].url = Some(
            "https://ok.example/\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\r\nSUMMARY:Injected"
                .into(),
        );
        d.sources[0].title = Some("T\rEND:VEVENT\rBEGIN:VEVENT\rUID:evil2".into());
        d.events[0].sources[0].evidence.text = "a\r\nEND:VEVENT\nUID:evil3\u{0}".into();
        d.events[1].id = "x\r\nUID:evil4".into();
        d.events[1].persons = vec!["Bo\rb".into()];
        d.title = "Title\r\nX-INJECTED:1".into();
        let text = ics(&d, chrono::Utc::now());
        // Every line ends with CRLF, and no value made a line of its own.
        assert!(
            !text.replace("\r\n", "").contains(['\r', '\n', '\0']),
            "{text}"
        );
        for line in text.split("\r\n") {
            assert!(
                !line.starts_with("UID:evil")
                    && !line.starts_with("SUMMARY:Injected")
                    && !line.starts_with("X-INJECTED"),
                "{line:?} in {text}"
            );
        }
        let cal: icalendar::Calendar = text.parse().unwrap();
        assert_eq!(cal.events().count(), 4);
        assert!(!text.contains("URL:https://ok.example"), "{text}");
    }

    #[test]
    fn untrusted_text_cannot_become_a_formula_or_a_script_link() {
        let mut d = doc();
        d.sources[0].url = Some("javascript:alert(1)".into());
        d.events[0].sources[0].evidence.text = "=HYPERLINK(\"http://x\")".into();
        d.events[0].role = Some("-CTO".into());
        let tl = timelinejs(&d);
        let text = tl["events"][0]["text"]["text"].as_str().unwrap();
        assert!(!text.contains("href"), "{text}");
        assert!(!ics(&d, chrono::Utc::now()).contains("URL:javascript"));
        let bytes = csv(&d).unwrap();
        let mut r = csv::Reader::from_reader(bytes.as_slice());
        let row = r.records().next().unwrap().unwrap();
        assert_eq!(&row[13], "'=HYPERLINK(\"http://x\")");
        assert_eq!(&row[7], "'-CTO");
        assert!(is_web_link("HTTPS://x.example") && !is_web_link("data:text/html,x"));
    }

    #[test]
    fn csv_formula_guard_covers_every_cell() {
        let mut d = doc();
        d.events[1].id = "=cmd|'/c calc'!A1".into();
        if let Some(a) = d.events[1].amount.as_mut() {
            a.currency = "@SUM(1)".into();
        }
        let bytes = csv(&d).unwrap();
        let mut r = csv::Reader::from_reader(bytes.as_slice());
        let row = r.records().nth(1).unwrap().unwrap();
        assert_eq!(&row[0], "'=cmd|'/c calc'!A1");
        assert_eq!(&row[10], "'@SUM(1)");
        for row in csv::Reader::from_reader(bytes.as_slice()).records() {
            for cell in row.unwrap().iter() {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{cell:?}"
                );
            }
        }
    }

    #[test]
    fn timelinejs_group_is_html_escaped() {
        let mut d = doc();
        d.events[0].persons = vec!["<img src=x onerror=alert(1)>".into()];
        let tl = timelinejs(&d);
        let group = tl["events"][0]["group"].as_str().unwrap();
        assert_eq!(group, "&lt;img src=x onerror=alert(1)&gt;");
    }

    #[test]
    fn the_glue_loses_its_exports_only() {
        let js = "export class A {}\nexport function start() {}\nasync function __wbg_init(m) {}\nexport { initSync, __wbg_init as default };\n";
        let out = inline_glue(js).unwrap();
        assert_eq!(
            out,
            "class A {}\nfunction start() {}\nasync function __wbg_init(m) {}\n"
        );
        assert!(inline_glue("function x() {}").is_err());
    }
}
