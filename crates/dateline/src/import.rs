//! Reading a curator's hand-made events: a TimelineJS JSON file (as TimelineJS documents
//! it, or as `dateline export --format timelinejs` writes it) or a CSV file with the
//! columns `dateline export --format csv` writes (only `date` and `kind` are required).
//! The events come out in the event JSON contract, checked, ready for
//! [`crate::store::Store::import_curated`].

use crate::export::{self, parse_kind};
use crate::formats::{CSV_COLUMNS, CsvRow, PERSON_SEPARATOR, SOURCE_SEPARATOR};
use anyhow::bail;
use dateline_api::{Event, EventDate, EventKind, Period, Precision, UnknownPrecision};
use dateline_core::slug;
use std::collections::BTreeSet;

/// The file formats `dateline import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// TimelineJS JSON.
    TimelineJs,
    /// CSV with a header row.
    Csv,
}

/// Tells the format from the file name, else from the first character.
pub fn detect(name: &str, text: &str) -> Kind {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".csv") {
        Kind::Csv
    } else if lower.ends_with(".json") || text.trim_start().starts_with('{') {
        Kind::TimelineJs
    } else {
        Kind::Csv
    }
}

/// The events of a TimelineJS or CSV file; every problem found (up to ten) in one error,
/// each with its slide or line.
pub fn parse(name: &str, text: &str) -> anyhow::Result<Vec<Event>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let drafts = match detect(name, text) {
        Kind::TimelineJs => timelinejs(text)?,
        Kind::Csv => csv(text)?,
    };
    let mut errors = Vec::new();
    let mut events = Vec::new();
    let mut ids = BTreeSet::new();
    for (place, draft) in drafts {
        match draft.and_then(|d| d.into_event(text, &mut ids)) {
            Ok(e) => events.push(e),
            Err(e) => errors.push(format!("{place}: {e}")),
        }
    }
    if !errors.is_empty() {
        let n = errors.len();
        errors.truncate(10);
        bail!(
            "{name}: {n} event{} cannot be imported:\n  {}",
            if n == 1 { "" } else { "s" },
            errors.join("\n  ")
        );
    }
    if events.is_empty() {
        bail!("{name} holds no events");
    }
    Ok(events)
}

/// An event as read, before its checks.
#[derive(Debug, Default)]
struct Draft {
    id: Option<String>,
    kind: Option<EventKind>,
    /// When no kind is given: the text to guess it from.
    headline: String,
    date: Option<EventDate>,
    persons: Vec<String>,
    org: Option<String>,
    role: Option<String>,
    target: Option<String>,
    amount: Option<(f64, String)>,
    count: Option<u64>,
    evidence: String,
}

/// Words that tell an event's kind in a hand-written headline, tried in this order.
const KIND_WORDS: [(EventKind, &[&str]); 10] = [
    (
        EventKind::Dismissal,
        &[
            "fired",
            "ousted",
            "dismiss",
            "sacked",
            "removed as",
            "removed from",
        ],
    ),
    (
        EventKind::Layoff,
        &["layoff", "lays off", "laid off", "job cuts", "cuts jobs"],
    ),
    (
        EventKind::Acquisition,
        &["acquire", "acquisition", "buys", "bought", "takeover"],
    ),
    (
        EventKind::Founding,
        &["founded", "founds", "co-found", "founding"],
    ),
    (
        EventKind::Resignation,
        &[
            "resign",
            "steps down",
            "stepped down",
            "quits",
            "leaves",
            "departs",
            "departure",
        ],
    ),
    (
        EventKind::Appointment,
        &[
            "appoint",
            "named",
            "hired",
            "hires",
            "joins",
            "joined",
            "takes over",
            "promoted",
        ],
    ),
    (
        EventKind::Funding,
        &["raises", "raised", "funding", "investment round"],
    ),
    (EventKind::Valuation, &["valued", "valuation", "worth"]),
    (EventKind::Revenue, &["revenue", "sales of"]),
    (
        EventKind::Headcount,
        &["employees", "headcount", "staff of"],
    ),
];

/// The kind a headline names: `Resignation: …` as exported, else a telling word.
fn guess_kind(headline: &str) -> Option<EventKind> {
    let lower = headline.to_lowercase();
    if let Some((label, _)) = lower.split_once(':')
        && let Ok(k) = parse_kind(label)
    {
        return Some(k);
    }
    KIND_WORDS
        .iter()
        .find(|(_, words)| words.iter().any(|w| lower.contains(w)))
        .map(|(k, _)| *k)
}

impl Draft {
    fn into_event(self, file: &str, ids: &mut BTreeSet<String>) -> Result<Event, String> {
        let date = self.date.ok_or("no date")?;
        date.period().map_err(|e| e.to_string())?;
        let kind = match self.kind.or_else(|| guess_kind(&self.headline)) {
            Some(k) => k,
            None => {
                let all: Vec<&str> = EventKind::ALL.iter().map(|k| k.as_str()).collect();
                return Err(format!(
                    "cannot tell the kind of {:?}: give one of {} (a `kind` column, `dateline.kind`, or a headline such as \"Resignation: Jane Doe\")",
                    self.headline,
                    all.join(", ")
                ));
            }
        };
        let persons: Vec<String> = self
            .persons
            .iter()
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect();
        if let Some(bad) = persons.iter().find(|p| slug(p).is_empty()) {
            return Err(format!("{bad:?} is not a person's name"));
        }
        if kind.is_personal() && persons.is_empty() {
            return Err(format!("a {} needs the people it is about", kind.as_str()));
        }
        if !kind.is_personal() && persons.is_empty() && self.org.is_none() {
            return Err(format!("a {} needs an organisation", kind.as_str()));
        }
        let subject = if persons.is_empty() {
            self.org.clone().unwrap_or_default()
        } else {
            persons.join(" ")
        };
        if let Some((_, c)) = &self.amount
            && !is_currency_code(c)
        {
            return Err(format!(
                "currency {c:?} is not an ISO 4217 code: three capital letters such as USD or EUR"
            ));
        }
        let id = match self
            .id
            .map(|i| i.trim().to_string())
            .filter(|i| !i.is_empty())
        {
            Some(id) => {
                if id.chars().count() > MAX_ID_CHARS || id.chars().any(char::is_control) {
                    return Err(format!(
                        "the id {:?} is not an id: at most {MAX_ID_CHARS} characters, no control characters",
                        id.chars().take(60).collect::<String>()
                    ));
                }
                if !ids.insert(id.clone()) {
                    return Err(format!("the id {id:?} is used twice"));
                }
                id
            }
            None => {
                let base = format!("{}-{}-{}", kind.as_str(), date.value, slug(&subject));
                let mut id = base.clone();
                let mut n = 1;
                while !ids.insert(id.clone()) {
                    n += 1;
                    id = format!("{base}-{n}");
                }
                id
            }
        };
        let evidence = if self.evidence.trim().is_empty() {
            if self.headline.trim().is_empty() {
                export::headline_for(kind, &persons, self.org.as_deref())
            } else {
                self.headline.trim().to_string()
            }
        } else {
            self.evidence.trim().to_string()
        };
        let (start, end) = match file.find(&evidence) {
            Some(i) => (i, i + evidence.len()),
            None => (0, 0),
        };
        // Built through JSON so that fields other crates add (with defaults) need no edit.
        serde_json::from_value(serde_json::json!({
            "id": id,
            "kind": kind,
            "date": date,
            "persons": persons,
            "org": self.org,
            "role": self.role,
            "target": self.target,
            "amount": self.amount.map(|(value, currency)| serde_json::json!({"value": value, "currency": currency})),
            "count": self.count,
            "confidence": 1.0,
            "evidence": {"text": evidence, "start": start, "end": end},
        }))
        .map_err(|e| format!("cannot build the event: {e}"))
    }
}

/// Longest id an imported event may give itself.
const MAX_ID_CHARS: usize = 200;

/// Whether `c` has the form of an ISO 4217 currency code: three capital ASCII letters.
pub fn is_currency_code(c: &str) -> bool {
    c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())
}

/// Text without HTML tags, with its entities decoded and spaces collapsed.
fn strip_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    // Every named and numeric entity; `&nbsp;` becomes U+00A0, a space to `split_whitespace`.
    html_escape::decode_html_entities(&out)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A TimelineJS number: a JSON number or a string of digits.
fn tl_number(v: Option<&serde_json::Value>) -> Result<Option<i64>, String> {
    match v {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::Number(n)) => n
            .as_i64()
            .map(Some)
            .ok_or_else(|| format!("{n} is not a whole number")),
        Some(serde_json::Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(serde_json::Value::String(s)) => s
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| format!("{s:?} is not a whole number")),
        Some(other) => Err(format!("{other} is not a number")),
    }
}

/// A TimelineJS date object as an event date at its precision.
fn tl_date(v: &serde_json::Value) -> Result<EventDate, String> {
    let year = tl_number(v.get("year"))?.ok_or("the start_date has no year")?;
    let month = tl_number(v.get("month"))?;
    let day = tl_number(v.get("day"))?;
    let (value, precision) = match (month, day) {
        (None, _) => (format!("{year:04}"), Precision::Year),
        (Some(m), None) => (format!("{year:04}-{m:02}"), Precision::Month),
        (Some(m), Some(d)) => (format!("{year:04}-{m:02}-{d:02}"), Precision::Day),
    };
    Ok(EventDate {
        value,
        precision,
        approx: false,
    })
}

type Drafts = Vec<(String, Result<Draft, String>)>;

fn timelinejs(text: &str) -> anyhow::Result<Drafts> {
    let doc: serde_json::Value =
        serde_json::from_str(text).map_err(|e| anyhow::anyhow!("not valid JSON: {e}"))?;
    let Some(slides) = doc.get("events").and_then(|e| e.as_array()) else {
        bail!("not a TimelineJS document: it has no \"events\" array");
    };
    Ok(slides
        .iter()
        .enumerate()
        .map(|(i, slide)| (format!("event {}", i + 1), tl_slide(slide)))
        .collect())
}

fn tl_slide(slide: &serde_json::Value) -> Result<Draft, String> {
    let str_of = |v: Option<&serde_json::Value>| {
        v.and_then(|v| v.as_str())
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let headline = str_of(slide.pointer("/text/headline"))
        .map(|h| strip_html(&h))
        .unwrap_or_default();
    let mut d = Draft {
        id: str_of(slide.get("unique_id")),
        headline: headline.clone(),
        ..Draft::default()
    };
    if let Some(own) = slide.get("dateline").filter(|v| v.is_object()) {
        // Our own fields, as `dateline export --format timelinejs` writes them.
        #[derive(serde::Deserialize)]
        struct Own {
            kind: EventKind,
            date: EventDate,
            #[serde(default)]
            persons: Vec<String>,
            org: Option<String>,
            target: Option<String>,
            role: Option<String>,
            amount: Option<dateline_api::Amount>,
            count: Option<u64>,
        }
        let own: Own = serde_json::from_value(own.clone())
            .map_err(|e| format!("bad \"dateline\" object: {e}"))?;
        d.kind = Some(own.kind);
        d.date = Some(own.date);
        d.persons = own.persons;
        d.org = own.org;
        d.target = own.target;
        d.role = own.role;
        d.amount = own.amount.map(|a| (a.value, a.currency));
        d.count = own.count;
    } else {
        let start = slide.get("start_date").ok_or("no start_date")?;
        d.date = Some(tl_date(start)?);
        d.kind = guess_kind(&headline);
        // Our export escapes the group as HTML (older TimelineJS renders it as such).
        let group = str_of(slide.get("group"))
            .map(|g| strip_html(&g))
            .filter(|g| !g.is_empty());
        match (d.kind, group) {
            (Some(k), Some(g)) if !k.is_personal() => d.org = Some(g),
            (_, Some(g)) => d.persons = vec![g],
            (_, None) => {
                // "Resignation: Ann Lee, Bob Ray" names its people after the colon.
                if let Some((_, who)) = headline.split_once(':') {
                    d.persons = who.split(',').map(|p| p.trim().to_string()).collect();
                }
            }
        }
    }
    // The first quoted sentence of the text, else its first paragraph.
    let body = slide
        .pointer("/text/text")
        .and_then(|v| v.as_str())
        .unwrap_or("");
    let quote = body
        .split_once("<blockquote>")
        .and_then(|(_, rest)| rest.split_once("</blockquote>"))
        .map(|(q, _)| q)
        .unwrap_or(body);
    d.evidence = strip_html(quote);
    Ok(d)
}

fn csv(text: &str) -> anyhow::Result<Drafts> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| anyhow::anyhow!("cannot read the CSV header: {e}"))?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    for needed in ["date", "kind"] {
        if !headers.iter().any(|h| h == needed) {
            bail!(
                "the CSV has no {needed:?} column (its header is {:?}; expected the columns of `dateline export --format csv`: {})",
                headers.join(","),
                CSV_COLUMNS.join(",")
            );
        }
    }
    // Rows are read by column name; a name's later repeats are left out, as before.
    let names = csv::StringRecord::from(
        headers
            .iter()
            .enumerate()
            .map(|(i, h)| {
                if headers[..i].contains(h) {
                    format!("#{i}")
                } else {
                    h.clone()
                }
            })
            .collect::<Vec<_>>(),
    );
    let mut drafts = Vec::new();
    for record in reader.records() {
        let mut record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                drafts.push((format!("line {line}"), Err(format!("malformed CSV: {e}"))));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(str::is_empty) {
            continue;
        }
        // A short row's missing cells are empty; a long row's extra ones are left out.
        while record.len() < names.len() {
            record.push_field("");
        }
        let draft = record
            .deserialize::<CsvRow>(Some(&names))
            .map_err(|e| format!("malformed CSV: {e}"))
            .and_then(|row| csv_row(&row));
        drafts.push((format!("line {line}"), draft));
    }
    Ok(drafts)
}

/// A cell's text: trimmed, the export's guard against spreadsheet formulas undone; `None`
/// when empty.
fn cell(text: &str) -> Option<String> {
    let s = text.trim();
    let s = match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => s,
    };
    (!s.is_empty()).then(|| s.to_string())
}

fn csv_row(row: &CsvRow) -> Result<Draft, String> {
    let value = cell(&row.date).ok_or("no date")?;
    let precision = match cell(&row.precision) {
        // The form says it (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`); for a text that is no date,
        // the precision its error names, so that checking the row reports it.
        None => value
            .parse::<Period>()
            .map_or_else(|e| e.precision(), Period::precision),
        Some(p) => p
            .to_ascii_lowercase()
            .parse::<Precision>()
            .map_err(|_| UnknownPrecision(p).to_string())?,
    };
    let approx = match cell(&row.approx).map(|a| a.to_ascii_lowercase()) {
        None => false,
        Some(a) if ["true", "yes", "1", "y"].contains(&a.as_str()) => true,
        Some(a) if ["false", "no", "0", "n"].contains(&a.as_str()) => false,
        Some(a) => return Err(format!("approx {a:?}: expected true or false")),
    };
    let kind = cell(&row.kind).map(|k| parse_kind(&k)).transpose()?;
    let amount = match (cell(&row.amount), cell(&row.currency)) {
        (None, _) => None,
        (Some(a), currency) => {
            let v: f64 = a
                .replace([',', '_', ' '], "")
                .parse()
                .ok()
                .filter(|v: &f64| v.is_finite())
                .ok_or_else(|| format!("amount {a:?} is not a number"))?;
            let c = currency.ok_or("an amount needs its currency (ISO 4217, such as USD)")?;
            Some((v, c.to_ascii_uppercase()))
        }
    };
    let count = cell(&row.count)
        .map(|c| {
            c.replace([',', '_', ' '], "")
                .parse::<u64>()
                .map_err(|_| format!("count {c:?} is not a whole number"))
        })
        .transpose()?;
    let persons = cell(&row.persons)
        .map(|p| {
            p.split(PERSON_SEPARATOR.trim())
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let evidence = cell(&row.evidence)
        .and_then(|e| e.split(SOURCE_SEPARATOR).next().map(str::to_string))
        .unwrap_or_default();
    Ok(Draft {
        id: cell(&row.id),
        kind,
        headline: cell(&row.headline).unwrap_or_default(),
        date: Some(EventDate {
            value,
            precision,
            approx,
        }),
        persons,
        org: cell(&row.org),
        role: cell(&row.role),
        target: cell(&row.target),
        amount,
        count,
        evidence,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hand_made_timelinejs_file_gives_checked_events() {
        let json = r#"{"title": {"text": {"headline": "Mine"}}, "events": [
            {"start_date": {"year": "2024", "month": "9", "day": "26"}, "group": "Mira Murati",
             "text": {"headline": "Murati steps down", "text": "<p>She &amp; others <b>left</b>.</p>"}},
            {"start_date": {"year": 2024, "month": 10}, "group": "OpenAI",
             "text": {"headline": "OpenAI valued at $157bn"}},
            {"start_date": {"year": 2023}, "text": {"headline": "Appointment: Ann Lee, Bob Ray"}, "unique_id": "mine-1"}
        ]}"#;
        let events = parse("mine.json", json).unwrap();
        assert_eq!(events.len(), 3);
        assert_eq!(events[0].kind, EventKind::Resignation);
        assert_eq!(events[0].persons, ["Mira Murati"]);
        assert_eq!(events[0].date.value, "2024-09-26");
        assert_eq!(events[0].id, "resignation-2024-09-26-mira-murati");
        assert_eq!(events[0].evidence.text, "She & others left .");
        assert_eq!(events[1].kind, EventKind::Valuation);
        assert_eq!(events[1].org.as_deref(), Some("OpenAI"));
        assert_eq!(events[1].date.precision, Precision::Month);
        assert_eq!(events[2].persons, ["Ann Lee", "Bob Ray"]);
        assert_eq!(events[2].id, "mine-1");
        assert_eq!(events[2].date.precision, Precision::Year);
    }

    /// Rows are read by column name into `CsvRow`: headers in any case and order, a name's
    /// first column winning over its repeats, unknown columns, short and long rows.
    #[test]
    fn csv_columns_are_found_by_name_in_ragged_files() {
        let text = "Date,KIND,persons,date,extra\n\
                    2024-09,resignation,Ann Lee,2025-01,x\n\
                    2024-10,resignation,Bo Ray\n\
                    2024-11,resignation,'=Cy Twombly,2020,y,z,w\n\
                    ,,,,\n";
        let drafts = csv(text).unwrap();
        let read: Vec<(String, String, Vec<String>)> = drafts
            .into_iter()
            .map(|(at, d)| {
                let d = d.unwrap();
                (at, d.date.unwrap().value, d.persons)
            })
            .collect();
        assert_eq!(
            read,
            [
                ("line 2".into(), "2024-09".into(), vec!["Ann Lee".into()]),
                ("line 3".into(), "2024-10".into(), vec!["Bo Ray".into()]),
                (
                    "line 4".into(),
                    "2024-11".into(),
                    vec!["=Cy Twombly".into()]
                ),
            ]
        );
    }

    #[test]
    fn html_is_read_as_its_text() {
        assert_eq!(
            strip_html(
                "<p>She &amp; <b>others</b>&nbsp;left</p>\n<p>&#39;now&#x27; &quot;x&quot;</p>"
            ),
            "She & others left 'now' \"x\""
        );
        // Decoded once: an escaped entity stays an entity's text.
        assert_eq!(
            strip_html("&amp;lt;b&amp;gt; &eacute;t&eacute;"),
            "&lt;b&gt; été"
        );
        assert_eq!(strip_html("a &unknown; b"), "a &unknown; b");
    }

    #[test]
    fn bad_files_say_what_and_where() {
        let err = |name: &str, text: &str| parse(name, text).unwrap_err().to_string();
        assert!(err("a.json", "{").contains("not valid JSON"));
        assert!(err("a.json", "{\"title\": 1}").contains("no \"events\" array"));
        let e = err(
            "a.json",
            r#"{"events": [{"start_date": {"year": 2024, "month": 13}, "group": "X", "text": {"headline": "X resigns"}},
                           {"text": {"headline": "Party"}, "start_date": {"year": 2024}}]}"#,
        );
        assert!(e.contains("event 1: invalid date"), "{e}");
        assert!(e.contains("event 2: cannot tell the kind"), "{e}");
        assert!(err("a.csv", "when,what\n2024,x\n").contains("no \"date\" column"));
        let e = err(
            "a.csv",
            "date,kind,persons\n2024-02-30,resignation,Ann\n2024,party,Ann\n2024,appointment,\n",
        );
        assert!(e.contains("line 2: invalid date"), "{e}");
        assert!(e.contains("line 3: unknown kind \"party\""), "{e}");
        assert!(e.contains("line 4: a appointment needs the people"), "{e}");
        assert!(err("a.csv", "date,kind\n").contains("holds no events"));
    }

    #[test]
    fn currencies_are_iso_4217_codes_and_ids_are_checked() {
        let ok = parse(
            "a.csv",
            "date,kind,org,amount,currency\n2024,funding,Acme,5,usd\n",
        )
        .unwrap();
        assert_eq!(ok[0].amount.as_ref().unwrap().currency, "USD");
        for (currency, what) in [
            ("=1+1", "formula"),
            ("US", "short"),
            ("DOLLARS", "long"),
            ("€", "symbol"),
        ] {
            let csv = format!("date,kind,org,amount,currency\n2024,funding,Acme,5,{currency}\n");
            let e = format!("{:#}", parse("a.csv", &csv).unwrap_err());
            assert!(e.contains("ISO 4217"), "{what}: {e}");
        }
        let tl = r#"{"events": [{"start_date": {"year": 2024}, "text": {"headline": "Funding: Acme"}, "group": "Acme",
            "dateline": {"kind": "funding", "date": {"value": "2024", "precision": "year", "approx": false}, "org": "Acme", "amount": {"value": 5, "currency": "=X()"}}}]}"#;
        assert!(format!("{:#}", parse("a.json", tl).unwrap_err()).contains("ISO 4217"));
        let long = format!(
            "id,date,kind,persons\n{},2024,resignation,Ann Lee\n",
            "x".repeat(300)
        );
        assert!(format!("{:#}", parse("a.csv", &long).unwrap_err()).contains("not an id"));
    }

    #[test]
    fn the_csv_export_reads_back_as_the_same_events() {
        let csv = "id,date,precision,approx,kind,persons,org,role,target,amount,currency,count,headline,evidence,source_titles,source_urls,curated\n\
                   r1,2024-10,quarter,true,valuation,,\"Acme, Inc.\",,,150000000000,usd,,Valuation: Acme,\"Worth \"\"a lot\"\" | other\",,,false\n\
                   ,2024-09-26,day,false,resignation,Ann Lee; Bob Ray,Acme,'-CTO,,,,,,,,,\n";
        let events = parse("x.csv", csv).unwrap();
        assert_eq!(events[0].id, "r1");
        assert_eq!(events[0].date.precision, Precision::Quarter);
        assert!(events[0].date.approx);
        assert_eq!(events[0].org.as_deref(), Some("Acme, Inc."));
        let amount = events[0].amount.as_ref().unwrap();
        assert_eq!((amount.value, amount.currency.as_str()), (150e9, "USD"));
        assert_eq!(events[0].evidence.text, "Worth \"a lot\"");
        assert_eq!(events[1].persons, ["Ann Lee", "Bob Ray"]);
        assert_eq!(
            events[1].role.as_deref(),
            Some("-CTO"),
            "the formula guard is undone"
        );
        assert_eq!(events[1].id, "resignation-2024-09-26-ann-lee-bob-ray");
    }
}
