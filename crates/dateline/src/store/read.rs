//! The store's reads: pages of events, one event, people, articles, stories and the whole
//! published document. They take a plain [`Connection`], so that the service serves them
//! from a pool of read-only connections while one writer ingests.

use super::*;
use dateline_api::{Person, SourceArticle};
use rusqlite::types::Value;

/// Filters and paging of `GET /api/events`.
#[derive(Debug, Clone, Default)]
pub struct EventQuery {
    /// The story (its name).
    pub timeline: String,
    /// Person id (slug).
    pub person: Option<String>,
    /// Kind.
    pub kind: Option<EventKind>,
    /// Earliest date value (inclusive, compared as text: `2024`, `2024-09`, `2024-09-26`).
    pub from: Option<String>,
    /// Latest date value (inclusive: `2024-09` includes `2024-09-26`).
    pub to: Option<String>,
    /// Words to find in names, organisation, role or evidence (case-insensitive).
    pub q: Option<String>,
    /// Page size.
    pub limit: usize,
    /// Resume after this (date value, id), from a previous page's cursor.
    pub after: Option<(String, String)>,
    /// The hidden events instead of the shown ones (for a curator to show them again).
    pub hidden: bool,
}

/// Most words a search (`q=`) may have: each is one `LIKE` over every event.
pub const MAX_SEARCH_WORDS: usize = 32;
/// Longest word of a search, in characters.
pub const MAX_SEARCH_WORD_CHARS: usize = 200;

/// Checks a search's size: at most [`MAX_SEARCH_WORDS`] words of at most
/// [`MAX_SEARCH_WORD_CHARS`] characters; the error says which limit was passed.
pub fn check_search(q: &str) -> Result<(), String> {
    let words = q.split_whitespace().count();
    if words > MAX_SEARCH_WORDS {
        return Err(format!(
            "q= has {words} words: a search takes at most {MAX_SEARCH_WORDS}"
        ));
    }
    if let Some(w) = q
        .split_whitespace()
        .find(|w| w.chars().count() > MAX_SEARCH_WORD_CHARS)
    {
        return Err(format!(
            "q= has a word of {} characters: a search word has at most {MAX_SEARCH_WORD_CHARS}",
            w.chars().count()
        ));
    }
    Ok(())
}

/// The title of the story `timeline`: its own, else `fallback` for the default story
/// (the service's `--title`), else its name; [`TimelineError::Unknown`] when there is no
/// such story (or the name is not one).
pub fn timeline_title(conn: &Connection, timeline: &str, fallback: &str) -> anyhow::Result<String> {
    let unknown = || TimelineError::Unknown(timeline.to_string());
    if check_timeline_name(timeline).is_err() {
        return Err(unknown().into());
    }
    let title: Option<Option<String>> = conn
        .prepare_cached("SELECT title FROM timelines WHERE id = ?1")?
        .query_row([timeline], |r| r.get(0))
        .optional()?;
    match title {
        None => Err(unknown().into()),
        Some(Some(t)) => Ok(t),
        Some(None) if timeline == DEFAULT_TIMELINE && !fallback.is_empty() => {
            Ok(fallback.to_string())
        }
        Some(None) => Ok(timeline.to_string()),
    }
}

/// Every story with its counts, span and most present people, by name (`GET
/// /api/timelines`, `dateline timelines`). `fallback` titles the default story when it
/// has no title of its own.
pub fn timelines(
    conn: &Connection,
    fallback: &str,
) -> anyhow::Result<Vec<dateline_api::TimelineSummary>> {
    let ids: Vec<String> = {
        let mut stmt = conn.prepare_cached("SELECT id FROM timelines ORDER BY id")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let title = timeline_title(conn, &id, fallback)?;
        let articles: i64 = conn
            .prepare_cached("SELECT COUNT(*) FROM articles WHERE timeline_id = ?1")?
            .query_row([&id], |r| r.get(0))?;
        let (events, from, to): (i64, Option<String>, Option<String>) = conn
            .prepare_cached(
                "SELECT COUNT(*), MIN(date_value), MAX(date_value) FROM timeline_events \
                 WHERE timeline_id = ?1 AND hidden = 0",
            )?
            .query_row([&id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        let mut people = people(conn, &id)?;
        people.sort_by(|a, b| b.event_count.cmp(&a.event_count).then(a.name.cmp(&b.name)));
        people.truncate(5);
        out.push(dateline_api::TimelineSummary {
            id,
            title,
            articles: articles as usize,
            events: events as usize,
            from,
            to,
            people,
        });
    }
    Ok(out)
}

/// Writes a page cursor: the last event's date value and id.
pub fn cursor(date_value: &str, id: &str) -> String {
    format!("{date_value}~{id}")
}

/// Reads a page cursor; `None` when malformed.
pub fn parse_cursor(s: &str) -> Option<(String, String)> {
    let (d, id) = s.split_once('~')?;
    (!d.is_empty() && !id.is_empty()).then(|| (d.to_string(), id.to_string()))
}

/// One page of events as the JSON of an [`dateline_api::EventPage`], assembled from the
/// stored JSON of each event (nothing is parsed).
pub fn events_page(conn: &Connection, q: &EventQuery) -> anyhow::Result<String> {
    let (mut sql, date, id) = if q.person.is_some() && q.kind.is_none() && q.q.is_none() {
        // The common case, one range of one table.
        (
            String::from(
                "SELECT p.json, p.date_value, p.event_id FROM person_events p \
                 WHERE p.timeline_id = ? AND p.person_id = ? AND p.hidden = ?",
            ),
            "p.date_value",
            "p.event_id",
        )
    } else if q.person.is_some() {
        (
            String::from(
                "SELECT t.json, p.date_value, p.event_id FROM event_people p \
                 JOIN timeline_events t ON t.id = p.event_id \
                 WHERE p.timeline_id = ? AND p.person_id = ? AND p.hidden = ?",
            ),
            "p.date_value",
            "p.event_id",
        )
    } else {
        (
            String::from(
                "SELECT t.json, t.date_value, t.id FROM timeline_events t \
                 WHERE t.timeline_id = ? AND t.hidden = ?",
            ),
            "t.date_value",
            "t.id",
        )
    };
    timeline_title(conn, &q.timeline, "")?;
    let mut args: Vec<Value> = vec![Value::Text(q.timeline.clone())];
    if let Some(p) = &q.person {
        args.push(Value::Text(p.clone()));
    }
    args.push(Value::Integer(i64::from(q.hidden)));
    if let Some(k) = q.kind {
        sql.push_str(" AND t.kind = ?");
        args.push(Value::Text(k.as_str().into()));
    }
    if let Some(f) = &q.from {
        sql.push_str(&format!(" AND {date} >= ?"));
        args.push(Value::Text(f.clone()));
    }
    if let Some(t) = &q.to {
        sql.push_str(&format!(" AND {date} <= ?"));
        args.push(Value::Text(format!("{t}~")));
    }
    if let Some(words) = &q.q {
        for w in words.split_whitespace() {
            sql.push_str(" AND t.search LIKE ? ESCAPE '\\'");
            let w = w
                .to_lowercase()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            args.push(Value::Text(format!("%{w}%")));
        }
    }
    if let Some((d, i)) = &q.after {
        sql.push_str(&format!(" AND ({date}, {id}) > (?, ?)"));
        args.push(Value::Text(d.clone()));
        args.push(Value::Text(i.clone()));
    }
    sql.push_str(&format!(" ORDER BY {date}, {id} LIMIT ?"));
    args.push(Value::Integer(q.limit as i64 + 1));
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
    let mut out = String::with_capacity(1024 * q.limit.min(256));
    out.push_str("{\"events\":[");
    let mut n = 0;
    let mut last: Option<(String, String)> = None;
    let mut more = false;
    while let Some(row) = rows.next()? {
        if n == q.limit {
            more = true;
            break;
        }
        if n > 0 {
            out.push(',');
        }
        let json = row.get_ref(0)?.as_str()?;
        out.push_str(json);
        last = Some((row.get(1)?, row.get(2)?));
        n += 1;
    }
    out.push_str("],\"next_cursor\":");
    match last.filter(|_| more) {
        Some((d, i)) => out.push_str(&serde_json::to_string(&cursor(&d, &i))?),
        None => out.push_str("null"),
    }
    out.push('}');
    Ok(out)
}

/// One timeline event (hidden ones too) with the articles its sources cite, as the JSON
/// of an [`dateline_api::EventDetail`]; `None` when there is no such event.
pub fn event_detail(conn: &Connection, timeline: &str, id: &str) -> anyhow::Result<Option<String>> {
    timeline_title(conn, timeline, "")?;
    let json: Option<String> = conn
        .prepare_cached("SELECT json FROM timeline_events WHERE id = ?1 AND timeline_id = ?2")?
        .query_row([id, timeline], |r| r.get(0))
        .optional()?;
    let Some(json) = json else {
        return Ok(None);
    };
    let mut value: serde_json::Value = serde_json::from_str(&json)?;
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.title, a.url, a.published, a.lang, a.credit FROM articles a \
         WHERE a.id IN (SELECT article_id FROM event_sources WHERE event_id = ?1) \
         ORDER BY a.published, a.id",
    )?;
    let articles = stmt
        .query_map([id], source_article)?
        .collect::<Result<Vec<_>, _>>()?;
    if let Some(obj) = value.as_object_mut() {
        obj.insert("articles".into(), serde_json::to_value(articles)?);
    }
    Ok(Some(serde_json::to_string(&value)?))
}

fn source_article(r: &rusqlite::Row<'_>) -> rusqlite::Result<SourceArticle> {
    Ok(SourceArticle {
        id: r.get(0)?,
        title: r.get(1)?,
        url: r.get(2)?,
        published: r.get(3)?,
        lang: r.get(4)?,
        credit: r.get("credit")?,
    })
}

/// Everyone named as a visible event's subject, by name, with their event counts.
pub fn people(conn: &Connection, timeline: &str) -> anyhow::Result<Vec<Person>> {
    timeline_title(conn, timeline, "")?;
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.name, COUNT(*) FROM people p \
         JOIN event_people e ON e.person_id = p.id AND e.hidden = 0 AND e.timeline_id = ?1 \
         GROUP BY p.id ORDER BY p.name, p.id",
    )?;
    let rows = stmt.query_map([timeline], |r| {
        Ok(Person {
            id: r.get(0)?,
            name: r.get(1)?,
            event_count: r.get::<_, i64>(2)? as usize,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A stored article with how many events were read from it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ArticleSummary {
    /// The article.
    #[serde(flatten)]
    pub article: SourceArticle,
    /// Events read from it.
    pub event_count: usize,
    /// When it was ingested (UTC, RFC 3339).
    pub ingested_at: String,
}

/// Every stored article, in publication order.
pub fn articles(conn: &Connection, timeline: &str) -> anyhow::Result<Vec<ArticleSummary>> {
    timeline_title(conn, timeline, "")?;
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.title, a.url, a.published, a.lang, \
         (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id), a.ingested_at, a.credit \
         FROM articles a WHERE a.timeline_id = ?1 ORDER BY a.published, a.id",
    )?;
    let rows = stmt.query_map([timeline], |r| {
        Ok(ArticleSummary {
            article: source_article(r)?,
            event_count: r.get::<_, i64>(5)? as usize,
            ingested_at: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The whole timeline as the JSON of a [`dateline_api::TimelineDocument`]: visible events in date
/// order, the people in them and the articles, assembled from the stored JSON.
/// The title is `title` when given, else the story's (see [`timeline_title`]).
pub fn timeline_json(
    conn: &Connection,
    timeline: &str,
    title: Option<&str>,
    fallback: &str,
) -> anyhow::Result<String> {
    let stored = timeline_title(conn, timeline, fallback)?;
    let title = title.unwrap_or(&stored);
    let mut out = String::from("{\"title\":");
    out.push_str(&serde_json::to_string(title)?);
    out.push_str(",\"events\":[");
    let mut stmt = conn.prepare_cached(
        "SELECT json FROM timeline_events WHERE timeline_id = ?1 AND hidden = 0 \
         ORDER BY date_value, id",
    )?;
    let mut rows = stmt.query([timeline])?;
    let mut first = true;
    while let Some(row) = rows.next()? {
        if !first {
            out.push(',');
        }
        first = false;
        out.push_str(row.get_ref(0)?.as_str()?);
    }
    out.push_str("],\"people\":");
    out.push_str(&serde_json::to_string(&people(conn, timeline)?)?);
    let mut stmt = conn.prepare_cached(
        "SELECT id, title, url, published, lang, credit FROM articles WHERE timeline_id = ?1 \
         ORDER BY published, id",
    )?;
    let sources = stmt
        .query_map([timeline], source_article)?
        .collect::<Result<Vec<_>, _>>()?;
    out.push_str(",\"sources\":");
    out.push_str(&serde_json::to_string(&sources)?);
    out.push('}');
    Ok(out)
}

/// How many visible timeline events the story holds.
pub fn event_count(conn: &Connection, timeline: &str) -> anyhow::Result<usize> {
    let n: i64 = conn.query_row(
        "SELECT COUNT(*) FROM timeline_events WHERE timeline_id = ?1 AND hidden = 0",
        [timeline],
        |r| r.get(0),
    )?;
    Ok(n as usize)
}
