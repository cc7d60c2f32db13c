//! The loaded timeline, in the shape the views need: every event with its time span in days,
//! its lanes and its search text; people, organisations, articles and tenures.

use crate::json::Value;
pub use dateline_api::date::{civil_from_days, days_from_civil};
use dateline_api::{EventKind, Period, Precision};

/// English month names, for labels.
pub const MONTHS: [&str; 12] = [
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

/// The first three letters of a month's name (1-based month).
pub fn mon(m: i64) -> &'static str {
    MONTHS
        .get((m - 1).clamp(0, 11) as usize)
        .map_or("", |s| s.get(..3).unwrap_or(s))
}

/// A day number as `YYYY-MM-DD`.
pub fn iso_day(day: f64) -> String {
    let (y, m, d) = civil_from_days(day.floor() as i64);
    let mut s = y.to_string();
    for v in [m, d] {
        s.push('-');
        if v < 10 {
            s.push('0');
        }
        s.push_str(&v.to_string());
    }
    s
}

/// One source of an event: the article and the sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Src {
    /// Index into [`Doc::articles`], when the article is known.
    pub article: Option<usize>,
    /// The evidence sentence.
    pub text: String,
}

/// One event, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Ev {
    /// Stable id.
    pub id: String,
    /// What happened.
    pub kind: EventKind,
    /// The ISO date value as in the document.
    pub date: String,
    /// Day, month, quarter or year.
    pub precision: Precision,
    /// Vague date.
    pub approx: bool,
    /// Start of the span, in days since 1970.
    pub t0: f64,
    /// End of the span (exclusive), in days.
    pub t1: f64,
    /// Display names.
    pub persons: Vec<String>,
    /// Person ids (slugs).
    pub person_ids: Vec<String>,
    /// `data-persons`: the ids joined by spaces.
    pub persons_attr: String,
    /// Organisation.
    pub org: Option<String>,
    /// Role.
    pub role: Option<String>,
    /// Money: value and currency.
    pub amount: Option<(f64, String)>,
    /// People counted.
    pub count: Option<f64>,
    /// Evidence per article.
    pub sources: Vec<Src>,
    /// Lowercased text that free-text search looks in, made on the first search (not
    /// while the timeline loads): see [`Ev::search`].
    pub search_text: std::sync::OnceLock<String>,
    /// Lanes (indices into [`Doc::lanes`]) the event is drawn in.
    pub lanes: Vec<u32>,
    /// Just added by an article pasted in the page: drawn highlighted.
    pub fresh: bool,
}

impl Ev {
    /// The lowercased text free-text search looks in: people, organisation, role, every
    /// evidence sentence, the kind and the date, one per line.
    pub fn search(&self) -> &str {
        self.search_text.get_or_init(|| {
            let mut search = String::new();
            for part in self
                .persons
                .iter()
                .chain(self.org.iter())
                .chain(self.role.iter())
                .chain(self.sources.iter().map(|s| &s.text))
            {
                search.extend(part.chars().map(|c| c.to_ascii_lowercase()));
                search.push('\n');
            }
            search.push_str(self.kind.as_str());
            search.push('\n');
            search.push_str(&self.date);
            search
        })
    }

    /// Middle of the span.
    pub fn mid(&self) -> f64 {
        (self.t0 + self.t1) / 2.0
    }

    /// Who the event is about: the people, else the organisation.
    pub fn who(&self) -> String {
        if self.persons.is_empty() {
            self.org.clone().unwrap_or_default()
        } else {
            self.persons.join(", ")
        }
    }
}

/// A lane of the timeline: one person, or one organisation's company events.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    /// Shown at the lane's left.
    pub name: String,
    /// Person id, for a person's lane.
    pub person: Option<String>,
}

/// An article.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Content id.
    pub id: String,
    /// Title.
    pub title: Option<String>,
    /// Link (only http and https are kept).
    pub url: Option<String>,
    /// Publication date.
    pub published: String,
    /// Language.
    pub lang: String,
    /// Credit or licence line to show with it.
    pub credit: Option<String>,
}

/// A period in a role: from an appointment to the next departure of the same person.
#[derive(Debug, Clone, PartialEq)]
pub struct Tenure {
    /// The person's lane.
    pub lane: u32,
    /// Start day.
    pub t0: f64,
    /// End day (the end of the data when `open`).
    pub t1: f64,
    /// No departure known.
    pub open: bool,
    /// Role and organisation.
    pub label: String,
}

/// The whole document, prepared.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Doc {
    /// Title.
    pub title: String,
    /// Events sorted by start, then id.
    pub events: Vec<Ev>,
    /// Lanes: people first (in order of first appearance), then organisations.
    pub lanes: Vec<Lane>,
    /// People (id, name, event count), by name.
    pub people: Vec<(String, String, usize)>,
    /// Articles.
    pub articles: Vec<Article>,
    /// Tenures, by lane.
    pub tenures: Vec<Tenure>,
    /// First and last day of all events.
    pub range: (f64, f64),
    /// The story's name, when the service was asked for one (`?timeline=`); writes name it.
    pub story: Option<String>,
}

fn strings(v: Option<&Value<'_>>) -> Vec<String> {
    v.map(Value::arr)
        .unwrap_or_default()
        .iter()
        .filter_map(|s| s.str().map(str::to_string))
        .collect()
}

/// A small sorted map from ids to lanes (smaller code than a hash map).
#[derive(Default)]
struct Lookup(Vec<(String, u32)>);

impl Lookup {
    fn get(&self, k: &str) -> Option<&u32> {
        let i = self.0.binary_search_by(|(id, _)| id.as_str().cmp(k)).ok()?;
        Some(&self.0[i].1)
    }

    fn contains_key(&self, k: &str) -> bool {
        self.get(k).is_some()
    }

    fn insert(&mut self, k: String, v: u32) {
        if let Err(i) = self.0.binary_search_by(|(id, _)| id.as_str().cmp(&k)) {
            self.0.insert(i, (k, v));
        }
    }
}

/// Builds the prepared document from the parsed JSON; `None` when it is not a timeline
/// document. Events with an unknown kind or an unreadable date are skipped.
pub fn from_json(v: &Value<'_>) -> Option<Doc> {
    let events_json = match v.get("events") {
        Some(Value::Arr(a)) => a,
        _ => return None,
    };
    let articles: Vec<Article> = v
        .get("sources")
        .map(Value::arr)
        .unwrap_or_default()
        .iter()
        .map(|a| Article {
            id: a.s("id").to_string(),
            title: a.opt("title"),
            url: a
                .opt("url")
                .filter(|u| u.starts_with("https://") || u.starts_with("http://")),
            published: a.s("published").to_string(),
            lang: a.s("lang").to_string(),
            credit: a.opt("credit"),
        })
        .collect();
    let mut article_index: Vec<(&str, usize)> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    article_index.sort_unstable();
    let events: Vec<Ev> = events_json
        .iter()
        .filter_map(|e| {
            let kind = EventKind::parse(e.s("kind"))?;
            let date = e.get("date")?;
            let value = date.s("value").to_string();
            let precision: Precision = date.s("precision").parse().ok()?;
            // The axis spans from the first day to the day after the last.
            let (first, last) = Period::parse(&value, precision).ok()?.days();
            let (t0, t1) = (first.number() as f64, (last.number() + 1) as f64);
            let persons = strings(e.get("persons"));
            let mut person_ids = strings(e.get("person_ids"));
            if person_ids.len() != persons.len() {
                // The core's slug, so that ids match the service's ("Timothée" is "timothee").
                person_ids = persons.iter().map(|p| dateline_core::slug(p)).collect();
            }
            let amount = e
                .get("amount")
                .and_then(|a| Some((a.get("value")?.num()?, a.s("currency").to_string())));
            let sources = e
                .get("sources")
                .map(Value::arr)
                .unwrap_or_default()
                .iter()
                .map(|s| {
                    let aid = s.s("article_id");
                    Src {
                        article: article_index
                            .binary_search_by(|(id, _)| (*id).cmp(aid))
                            .ok()
                            .map(|k| article_index[k].1),
                        text: s.get("evidence").map_or("", |ev| ev.s("text")).to_string(),
                    }
                })
                .collect::<Vec<_>>();
            let org = e.opt("org");
            let role = e.opt("role");
            Some(Ev {
                id: e.s("id").to_string(),
                kind,
                date: value,
                precision,
                approx: matches!(date.get("approx"), Some(Value::Bool(true))),
                t0,
                t1,
                persons_attr: person_ids.join(" "),
                persons,
                person_ids,
                org,
                role,
                amount,
                count: e.get("count").and_then(Value::num),
                sources,
                search_text: std::sync::OnceLock::new(),
                lanes: Vec::new(),
                fresh: false,
            })
        })
        .collect();
    Some(assemble(v.s("title").to_string(), articles, events))
}

/// The document of `title`, `articles` and `events` (in any order, `Ev::lanes` not yet
/// set): sorts the events and works out lanes, people, tenures and the range. Also what an
/// edit in the page rebuilds the document with.
pub fn assemble(title: String, articles: Vec<Article>, mut events: Vec<Ev>) -> Doc {
    events.sort_unstable_by(|a, b| a.t0.total_cmp(&b.t0).then_with(|| a.id.cmp(&b.id)));

    // Lanes: a person's lane for personal events, the organisation's for company events.
    let mut lanes: Vec<Lane> = Vec::new();
    let mut org_lanes: Vec<String> = Vec::new();
    let mut people: Vec<(String, String, usize)> = Vec::new();
    let mut person_lane = Lookup::default();
    for ev in &events {
        for (id, name) in ev.person_ids.iter().zip(&ev.persons) {
            if !person_lane.contains_key(id) {
                person_lane.insert(id.clone(), lanes.len() as u32);
                lanes.push(Lane {
                    name: name.clone(),
                    person: Some(id.clone()),
                });
                people.push((id.clone(), name.clone(), 0));
            }
        }
    }
    let n_people = lanes.len() as u32;
    for ev in &mut events {
        for id in &ev.person_ids {
            if let Some(p) = person_lane
                .get(id)
                .and_then(|&l| people.get_mut(l as usize))
            {
                p.2 += 1;
            }
        }
        if ev.kind.is_personal() && !ev.person_ids.is_empty() {
            ev.lanes = ev
                .person_ids
                .iter()
                .filter_map(|id| person_lane.get(id).copied())
                .collect();
        } else {
            let org = ev.org.clone().unwrap_or_else(|| "Other".to_string());
            let i = org_lanes.iter().position(|o| *o == org).unwrap_or_else(|| {
                org_lanes.push(org);
                org_lanes.len() - 1
            });
            ev.lanes = vec![n_people + i as u32];
        }
    }
    lanes.extend(org_lanes.into_iter().map(|o| Lane {
        name: o,
        person: None,
    }));
    people.sort_unstable_by(|a, b| a.1.cmp(&b.1));

    let range = (
        events.iter().map(|e| e.t0).fold(f64::INFINITY, f64::min),
        events
            .iter()
            .map(|e| e.t1)
            .fold(f64::NEG_INFINITY, f64::max),
    );
    let tenures = tenures(&events, n_people, range.1);
    Doc {
        title,
        events,
        lanes,
        people,
        articles,
        tenures,
        range,
        story: None,
    }
}

impl Doc {
    /// The same document with `events` instead of its own (an edit, a hidden event).
    pub fn with_events(&self, events: Vec<Ev>) -> Doc {
        Doc {
            story: self.story.clone(),
            ..assemble(self.title.clone(), self.articles.clone(), events)
        }
    }
}

/// What the details panel's Edit form gives for an event, as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: String,
    /// How precise the date is.
    pub precision: Precision,
    /// Whether the date is vague.
    pub approx: bool,
    /// What happened.
    pub kind: EventKind,
    /// The people, as display names.
    pub persons: Vec<String>,
    /// Role title (empty: none).
    pub role: String,
    /// Organisation (empty: none).
    pub org: String,
    /// The sum of money and its currency, for money events.
    pub amount: Option<(f64, String)>,
    /// The number of people, for headcounts and layoffs.
    pub count: Option<f64>,
}

/// A date value at `precision` as the document writes it: a quarter is its first month
/// (`2024-Q3` and `2024-08` both give `2024-07`), a year its four digits; `None` when it
/// is not a date at that precision.
pub fn date_value(value: &str, precision: Precision) -> Option<String> {
    let value = value.trim();
    let fixed = match precision {
        Precision::Quarter => {
            let (y, rest) = value.split_once('-').unwrap_or((value, "1"));
            let q = match rest.strip_prefix(['Q', 'q']) {
                Some(q) => q.parse::<u32>().ok(),
                None => rest
                    .get(..2)
                    .unwrap_or(rest)
                    .parse::<u32>()
                    .ok()
                    .map(|m| m.div_ceil(3)),
            }
            .filter(|q| (1..=4).contains(q))?;
            [
                y,
                "-",
                if q < 4 { "0" } else { "" },
                &(q * 3 - 2).to_string(),
            ]
            .concat()
        }
        Precision::Month => value.get(..7).unwrap_or(value).to_string(),
        Precision::Year => value.get(..4).unwrap_or(value).to_string(),
        Precision::Day => value.to_string(),
    };
    Period::parse(&fixed, precision).ok().map(|_| fixed)
}

impl Ev {
    /// This event with `edit` applied (lanes are set again by [`assemble`]); `None` when
    /// the edit's date is not a date at its precision.
    pub fn edited(&self, edit: &Edit) -> Option<Ev> {
        let date = date_value(&edit.date, edit.precision)?;
        let (first, last) = Period::parse(&date, edit.precision).ok()?.days();
        let person_ids: Vec<String> = edit
            .persons
            .iter()
            .map(|p| dateline_core::slug(p))
            .collect();
        let text = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        Some(Ev {
            kind: edit.kind,
            date,
            precision: edit.precision,
            approx: edit.approx,
            t0: first.number() as f64,
            t1: (last.number() + 1) as f64,
            persons_attr: person_ids.join(" "),
            persons: edit.persons.clone(),
            person_ids,
            org: text(&edit.org),
            role: text(&edit.role),
            amount: edit.amount.clone().or_else(|| self.amount.clone()),
            count: edit.count.or(self.count),
            search_text: std::sync::OnceLock::new(),
            lanes: Vec::new(),
            ..self.clone()
        })
    }
}

/// Appointment → next departure of the same person, per person lane.
fn tenures(events: &[Ev], n_people: u32, end: f64) -> Vec<Tenure> {
    let mut out = Vec::new();
    for lane in 0..n_people {
        let mut open: Option<&Ev> = None;
        for ev in events.iter().filter(|e| e.lanes.contains(&lane)) {
            match ev.kind {
                EventKind::Appointment | EventKind::Founding => {
                    if let Some(a) = open.replace(ev) {
                        out.push(tenure(lane, a, ev.t0, false));
                    }
                }
                EventKind::Resignation | EventKind::Dismissal => {
                    if let Some(a) = open.take() {
                        out.push(tenure(lane, a, ev.t1, false));
                    }
                }
                _ => {}
            }
        }
        if let Some(a) = open {
            out.push(tenure(lane, a, end, true));
        }
    }
    out
}

fn tenure(lane: u32, start: &Ev, t1: f64, open: bool) -> Tenure {
    let label = [start.role.as_deref(), start.org.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    Tenure {
        lane,
        t0: start.t0,
        t1: t1.max(start.t1),
        open,
        label,
    }
}

/// A date with its precision, in words: "26 September 2024", "May 2024", "Q3 2024", "2023";
/// "about …" when approximate.
pub fn date_words(ev: &Ev) -> String {
    let (y, m, d) = civil_from_days(ev.t0 as i64);
    let month = MONTHS.get((m - 1) as usize).copied().unwrap_or("");
    let mut s = String::new();
    if ev.approx {
        s.push_str("about ");
    }
    match ev.precision {
        Precision::Year => s.push_str(&y.to_string()),
        Precision::Quarter => {
            s.push('Q');
            s.push_str(&((m - 1) / 3 + 1).to_string());
            s.push(' ');
            s.push_str(&y.to_string());
        }
        Precision::Month => {
            s.push_str(month);
            s.push(' ');
            s.push_str(&y.to_string());
        }
        Precision::Day => {
            s.push_str(&d.to_string());
            s.push(' ');
            s.push_str(month);
            s.push(' ');
            s.push_str(&y.to_string());
        }
    }
    s
}

/// A short number: 150000000000 → "150B", 2500000 → "2.5M", 1200 → "1,200".
pub fn short_num(v: f64) -> String {
    let (scaled, unit) = if v >= 1e12 {
        (v / 1e12, "T")
    } else if v >= 1e9 {
        (v / 1e9, "B")
    } else if v >= 1e6 {
        (v / 1e6, "M")
    } else {
        let n = v.round() as u64;
        let digits = n.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        return out;
    };
    let tenths = (scaled * 10.0).round() as u64;
    let mut s = (tenths / 10).to_string();
    if !tenths.is_multiple_of(10) && tenths < 1000 {
        s.push('.');
        s.push_str(&(tenths % 10).to_string());
    }
    s.push_str(unit);
    s
}

/// Money in words: "USD 150B".
pub fn money(value: f64, currency: &str) -> String {
    let sym = match currency {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        _ => "",
    };
    if sym.is_empty() {
        let mut s = currency.to_string();
        s.push(' ');
        s.push_str(&short_num(value));
        s
    } else {
        let mut s = sym.to_string();
        s.push_str(&short_num(value));
        s
    }
}

/// The figure an event carries, in words ("$150B", "1,200 people").
pub fn figure(ev: &Ev) -> Option<String> {
    if let Some((v, c)) = &ev.amount {
        return Some(money(*v, c));
    }
    ev.count.map(|c| {
        let mut s = short_num(c);
        s.push_str(" people");
        s
    })
}

/// A one-glyph icon per kind, shown inside the marker's shape.
pub fn glyph(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Resignation => "↗",
        EventKind::Dismissal => "✕",
        EventKind::Appointment => "+",
        EventKind::Valuation => "$",
        EventKind::Funding => "↑",
        EventKind::Revenue => "Σ",
        EventKind::Headcount => "#",
        EventKind::Layoff => "↓",
        EventKind::Founding => "★",
        EventKind::Acquisition => "⊕",
    }
}

/// Splits `text` into (piece, highlighted) around the key words (ASCII case-insensitive,
/// whole words).
pub fn highlight(text: &str, keys: &[String]) -> Vec<(String, bool)> {
    let b = text.as_bytes();
    let word = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_alphanumeric());
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut plain_start = 0;
    let mut i = 0;
    while i < b.len() {
        let hit = (i == 0 || !word(i - 1) && text.is_char_boundary(i))
            .then(|| {
                keys.iter()
                    .filter(|k| !k.is_empty())
                    .map(String::as_bytes)
                    .filter(|k| {
                        b.get(i..i + k.len())
                            .is_some_and(|s| s.eq_ignore_ascii_case(k))
                            && !word(i + k.len())
                            && text.is_char_boundary(i + k.len())
                    })
                    .map(<[u8]>::len)
                    .max()
            })
            .flatten();
        if let Some(len) = hit {
            if plain_start < i {
                out.push((text[plain_start..i].to_string(), false));
            }
            out.push((text[i..i + len].to_string(), true));
            i += len;
            plain_start = i;
        } else {
            i += 1;
        }
    }
    if plain_start < b.len() {
        out.push((text[plain_start..].to_string(), false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        for (y, m, d) in [(1970, 1, 1), (2024, 2, 29), (2024, 9, 26), (1999, 12, 31)] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
        assert_eq!(days_from_civil(1970, 1, 2), 1);
        assert_eq!(iso_day(days_from_civil(2024, 9, 26) as f64), "2024-09-26");
    }

    #[test]
    fn events_span_the_days_their_date_covers_and_non_dates_are_left_out() {
        let text = r#"{"events":[
            {"id":"q","kind":"funding","date":{"value":"2024-10","precision":"quarter","approx":false}},
            {"id":"m","kind":"funding","date":{"value":"2024-02","precision":"month","approx":true}},
            {"id":"y","kind":"funding","date":{"value":"2024","precision":"year","approx":false}},
            {"id":"bad-quarter","kind":"funding","date":{"value":"2024-11","precision":"quarter","approx":false}},
            {"id":"bad-day","kind":"funding","date":{"value":"2023-02-29","precision":"day","approx":false}},
            {"id":"bad-precision","kind":"funding","date":{"value":"2024","precision":"week","approx":false}}
        ]}"#;
        let doc = from_json(&crate::json::parse(text).expect("json")).expect("doc");
        let spans: Vec<(&str, f64, Precision)> = doc
            .events
            .iter()
            .map(|e| (e.id.as_str(), e.t1 - e.t0, e.precision))
            .collect();
        assert_eq!(
            spans,
            [
                ("y", 366.0, Precision::Year),
                ("m", 29.0, Precision::Month),
                ("q", 92.0, Precision::Quarter),
            ]
        );
        let q = &doc.events[2];
        assert_eq!(iso_day(q.t0), "2024-10-01");
        assert_eq!(date_words(q), "Q4 2024");
    }

    #[test]
    fn edited_dates_are_written_at_their_precision_or_refused() {
        let cases = [
            ("2024-09-26", Precision::Day, Some("2024-09-26")),
            ("2024-09-26", Precision::Month, Some("2024-09")),
            ("2024-08", Precision::Quarter, Some("2024-07")),
            ("2024-Q4", Precision::Quarter, Some("2024-10")),
            ("2024-00", Precision::Quarter, None),
            ("2024-Q5", Precision::Quarter, None),
            ("2024-09-26", Precision::Year, Some("2024")),
            ("2024-09", Precision::Day, None),
            ("2023-02-29", Precision::Day, None),
            ("soon", Precision::Year, None),
        ];
        for (typed, precision, want) in cases {
            assert_eq!(
                date_value(typed, precision).as_deref(),
                want,
                "{typed} {precision}"
            );
        }
    }

    #[test]
    fn an_edit_moves_the_event_and_its_lane() {
        let text = r#"{"events":[{"id":"r","kind":"resignation","persons":["Jane Doe"],
            "date":{"value":"2024-09-26","precision":"day","approx":false}},
            {"id":"a","kind":"appointment","persons":["Bob Roe"],
            "date":{"value":"2024-01","precision":"month","approx":false}}]}"#;
        let doc = from_json(&crate::json::parse(text).expect("json")).expect("doc");
        let edit = Edit {
            date: "2023".into(),
            precision: Precision::Year,
            approx: true,
            kind: EventKind::Dismissal,
            persons: vec!["Ann Poe".into()],
            role: "CTO".into(),
            org: String::new(),
            amount: None,
            count: None,
        };
        let moved = doc.events[1].edited(&edit).expect("a date");
        assert!(
            doc.events[1]
                .edited(&Edit {
                    date: "2023-13".into(),
                    precision: Precision::Month,
                    ..edit.clone()
                })
                .is_none()
        );
        let events = vec![doc.events[0].clone(), moved];
        let after = doc.with_events(events);
        let first = &after.events[0];
        assert_eq!((first.id.as_str(), first.date.as_str()), ("r", "2023"));
        assert_eq!(first.kind, EventKind::Dismissal);
        assert_eq!(first.person_ids, ["ann-poe"]);
        assert_eq!(first.role.as_deref(), Some("CTO"));
        assert!(after.people.iter().any(|p| p.0 == "ann-poe"));
        assert!(!after.people.iter().any(|p| p.0 == "jane-doe"));
        assert_eq!(after.range.0, first.t0);
    }

    /// The web app made its own slugs for people without ids and kept "é" in them, so a
    /// filter by the service's id ("timothee-lacroix") missed them.
    #[test]
    fn people_without_ids_get_the_services_slugs() {
        let text = r#"{"events":[{"id":"r","kind":"resignation","persons":["Timothée Lacroix"],
            "date":{"value":"2024-09","precision":"month","approx":false}}]}"#;
        let doc = from_json(&crate::json::parse(text).expect("json")).expect("doc");
        assert_eq!(doc.events[0].person_ids, ["timothee-lacroix"]);
    }

    #[test]
    fn highlights_whole_words() {
        let parts = highlight(
            "mira murati, cto di openai",
            &["Mira Murati".into(), "OpenAI".into()],
        );
        let marked: Vec<_> = parts.iter().filter(|p| p.1).map(|p| p.0.as_str()).collect();
        assert_eq!(marked, ["mira murati", "openai"]);
        assert_eq!(short_num(150e9), "150B");
        assert_eq!(short_num(2.5e6), "2.5M");
        assert_eq!(short_num(1200.0), "1,200");
    }
}
