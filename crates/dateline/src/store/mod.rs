//! The embedded SQLite store: articles keyed by content hash, the events read from each, and
//! the timeline built from them: events merged across articles, their sources, the people in
//! them and the curators' corrections.
//!
//! The schema is created and migrated on open (`PRAGMA user_version`); the database runs in
//! WAL mode; one article's ingest is one transaction, so an article is either fully in the
//! store with its events and their merge into the timeline, or absent.
//!
//! Tables: `articles` and `events` (one row per event an article gives, as extracted) are the
//! record; `timeline_events` (one row per real-world event, with its served JSON precomputed),
//! `event_sources` (which article events a timeline event merges), `people` and
//! `event_people` (with `person_events`, the same rows with the event's JSON, clustered by
//! person for fast reads) are derived from them on ingest; `overrides` holds corrections, keyed by
//! timeline event id, and is applied on top every time an event is recomputed, so that a
//! correction survives later ingests.
//!
//! - [`schema`]: the tables and their migrations.
//! - [`merge`]: which events are one and what the merged event says (pure, no SQL).
//! - [`read`]: the queries; they take a plain [`Connection`], so that the service can serve
//!   them from a pool of read connections while one writer ingests.
//! - this module: [`Store`], the writer (ingest, import, corrections, stories, rebuilds).

use anyhow::Context as _;
use dateline_api::{Event, EventKind, EventPatch, Extraction, TimelineEvent};
use rusqlite::{Connection, OptionalExtension as _, Transaction, TransactionBehavior, params};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::path::Path;

mod merge;
pub mod read;
mod schema;

use merge::{Source, distance, merge_key, merge_sources};

/// The story that articles go to when none is named (`--timeline`, `?timeline=`).
pub const DEFAULT_TIMELINE: &str = "default";

/// Longest story name, in bytes.
pub const MAX_TIMELINE_NAME: usize = 64;

/// Checks a story's name: 1 to [`MAX_TIMELINE_NAME`] lowercase ASCII letters, digits, `-`
/// or `_`, starting with a letter or digit (it is used in URLs and as a folder name).
pub fn check_timeline_name(name: &str) -> Result<(), String> {
    let ok = !name.is_empty()
        && name.len() <= MAX_TIMELINE_NAME
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && name.as_bytes()[0].is_ascii_alphanumeric();
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{name:?} is not a timeline name: use 1 to {MAX_TIMELINE_NAME} lowercase letters, digits, - or _, starting with a letter or digit"
        ))
    }
}

/// What a story-level operation refused; the service maps [`TimelineError::Unknown`] to 404
/// and the others to 422.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimelineError {
    /// No story of this name.
    Unknown(String),
    /// The name is not a valid story name (see [`check_timeline_name`]).
    BadName(String),
    /// A rename to a name another story has.
    Taken(String),
    /// The article's text is already stored in another story (an article belongs to one).
    ArticleElsewhere {
        /// The story that holds it.
        timeline: String,
    },
}

impl std::fmt::Display for TimelineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TimelineError::Unknown(name) => write!(f, "no timeline {name:?}"),
            TimelineError::BadName(why) => f.write_str(why),
            TimelineError::Taken(name) => write!(f, "there is already a timeline {name:?}"),
            TimelineError::ArticleElsewhere { timeline } => write!(
                f,
                "the same text is already stored in the timeline {timeline:?} (an article belongs to one timeline)"
            ),
        }
    }
}

impl std::error::Error for TimelineError {}

/// Handle on one store: the writing connection.
pub struct Store {
    conn: Connection,
}

/// What ingesting one article did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct IngestOutcome {
    /// Content hash of the article text.
    pub article_id: String,
    /// False when the same text was already in the store (nothing was written).
    pub new: bool,
    /// The article's events.
    pub events: Vec<Event>,
    /// For each of `events`, the id of the timeline event it was merged into.
    pub timeline_event_ids: Vec<String>,
}

/// What [`Store::reextract`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReextractOutcome {
    /// Articles extracted again.
    pub reread: usize,
    /// Articles the extractor now refuses, which keep their events.
    pub kept: usize,
    /// Article events before.
    pub before: usize,
    /// Article events after.
    pub after: usize,
}

/// What importing curated events did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ImportOutcome {
    /// Id of the curated article that holds the import.
    pub article_id: String,
    /// True when the same file was already imported (nothing was written).
    pub unchanged: bool,
    /// True when an earlier import under the same name was replaced.
    pub replaced: bool,
    /// How many events the import holds.
    pub events: usize,
    /// How many of them joined an event already in the timeline (and now decide it).
    pub joined: usize,
    /// For each event, the id of the timeline event it is (or joined).
    pub timeline_event_ids: Vec<String>,
}

/// An article's metadata, as stored beside its events.
#[derive(Debug, Clone)]
pub struct ArticleMeta<'a> {
    /// Title, when known.
    pub title: Option<&'a str>,
    /// URL, when known.
    pub url: Option<&'a str>,
    /// Credit or licence line, when the text asks for attribution.
    pub credit: Option<&'a str>,
}

/// The content hash that keys an article: SHA-256 of its text, first 16 bytes in hex.
pub fn article_id(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// Sets the pragmas every connection of a store uses.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(())
}

/// Opens a read-only connection on an existing store (for the service's read pool).
pub fn open_reader(path: &Path) -> anyhow::Result<Connection> {
    use rusqlite::OpenFlags;
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .with_context(|| format!("cannot open the store {} for reading", path.display()))?;
    configure(&conn)?;
    // Reads map the file (no read() call per page; the OS page cache is shared by every
    // connection) and keep more pages of their own than the 2 MB default.
    conn.pragma_update(None, "mmap_size", 1i64 << 30)?;
    conn.pragma_update(None, "cache_size", -16_000)?;
    conn.set_prepared_statement_cache_capacity(64);
    Ok(conn)
}

impl Store {
    /// Opens (creating and migrating when needed) the store at `path`.
    pub fn open(path: &Path) -> anyhow::Result<Store> {
        let conn = Connection::open(path)
            .with_context(|| format!("cannot open the store {}", path.display()))?;
        Store::init(conn).with_context(|| format!("cannot prepare the store {}", path.display()))
    }

    /// A store in memory (tests).
    #[cfg(test)]
    pub fn in_memory() -> anyhow::Result<Store> {
        Store::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> anyhow::Result<Store> {
        conn.pragma_update(None, "journal_mode", "WAL")?;
        configure(&conn)?;
        let mut store = Store { conn };
        store.migrate()?;
        Ok(store)
    }

    fn migrate(&mut self) -> anyhow::Result<()> {
        schema::migrate(&mut self.conn)?;
        if schema::rebuild_pending(&self.conn)? {
            // The timeline tables are newer than the articles: fill them from their events.
            // Checked again inside the transaction: another process may have done it.
            let tx = self.write_transaction()?;
            if schema::rebuild_pending(&tx)? {
                rebuild_timeline(&tx, None)?;
                schema::rebuild_done(&tx)?;
            }
            tx.commit()?;
        }
        Ok(())
    }

    /// A transaction that takes the write lock when it begins (`BEGIN IMMEDIATE`): a
    /// transaction that reads and then writes would otherwise fail at once with "database
    /// is locked" when another process writes meanwhile, since SQLite does not wait (busy
    /// timeout) to upgrade a read transaction; this way it waits up to the busy timeout.
    fn write_transaction(&mut self) -> rusqlite::Result<Transaction<'_>> {
        self.conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
    }

    /// The writing connection (reads in tests and the CLI go through it too).
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Stores one article and its events, and merges them into the timeline, in one
    /// transaction. Re-ingesting the same text is a no-op that returns the stored events.
    /// The story must exist ([`Store::create_timeline`]); a text already stored in another
    /// story is refused ([`TimelineError::ArticleElsewhere`]).
    pub fn ingest(
        &mut self,
        timeline: &str,
        text: &str,
        meta: &ArticleMeta<'_>,
        extraction: &Extraction,
    ) -> anyhow::Result<IngestOutcome> {
        let id = article_id(text);
        let tx = self.write_transaction()?;
        read::timeline_title(&tx, timeline, "")?;
        let inserted = tx.execute(
            "INSERT OR IGNORE INTO articles (id, title, url, published, lang, body, timeline_id, credit) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![id, meta.title, meta.url, extraction.published, extraction.lang, text, timeline, meta.credit],
        )?;
        if inserted == 0 {
            let holder: String = tx.query_row(
                "SELECT timeline_id FROM articles WHERE id = ?1",
                [&id],
                |r| r.get(0),
            )?;
            drop(tx);
            if holder != timeline {
                return Err(TimelineError::ArticleElsewhere { timeline: holder }.into());
            }
            let (events, timeline_event_ids) = self.article_events(&id)?;
            return Ok(IngestOutcome {
                article_id: id,
                new: false,
                events,
                timeline_event_ids,
            });
        }
        let stored = store_events(&tx, &id, &extraction.events)?;
        let timeline_event_ids = attach_article(&tx, timeline, &id, &stored, false)?;
        tx.commit()?;
        Ok(IngestOutcome {
            article_id: id,
            new: true,
            events: stored,
            timeline_event_ids,
        })
    }

    /// Stores a curator's events (`dateline import`) as one curated article named `name`,
    /// and merges them into the timeline, in one transaction: each joins the timeline event
    /// with its id when there is one, else an event it merges with, else a new one; curated
    /// events win over extracted ones (see `merge_sources`) and stay through later ingests.
    /// Importing under the same name again replaces the earlier import (a no-op when the
    /// text is the same). `published` is the import's date (`YYYY-MM-DD`).
    pub fn import_curated(
        &mut self,
        timeline: &str,
        name: &str,
        text: &str,
        published: &str,
        events: &[Event],
    ) -> anyhow::Result<ImportOutcome> {
        // The default story keeps the ids of imports made before there were stories.
        let id = if timeline == DEFAULT_TIMELINE {
            article_id(&format!("import\n{name}\n{text}"))
        } else {
            article_id(&format!("import\n{timeline}\n{name}\n{text}"))
        };
        let tx = self.write_transaction()?;
        read::timeline_title(&tx, timeline, "")?;
        let previous: Option<String> = tx
            .query_row(
                "SELECT id FROM articles WHERE timeline_id = ?1 AND import_name = ?2",
                [timeline, name],
                |r| r.get(0),
            )
            .optional()?;
        if previous.as_deref() == Some(id.as_str()) {
            drop(tx);
            let (events, timeline_event_ids) = self.article_events(&id)?;
            return Ok(ImportOutcome {
                article_id: id,
                unchanged: true,
                replaced: false,
                events: events.len(),
                joined: 0,
                timeline_event_ids,
            });
        }
        let mut stale: Vec<String> = Vec::new();
        if let Some(prev) = &previous {
            let mut stmt =
                tx.prepare("SELECT DISTINCT event_id FROM event_sources WHERE article_id = ?1")?;
            let rows = stmt.query_map([prev], |r| r.get::<_, String>(0))?;
            stale = rows.collect::<Result<_, _>>()?;
            drop(stmt);
            // Cascades to its events and their places in the timeline.
            tx.execute("DELETE FROM articles WHERE id = ?1", [prev])?;
        }
        tx.execute(
            "INSERT INTO articles (id, title, url, published, lang, body, curated, import_name, timeline_id) \
             VALUES (?1, ?2, NULL, ?3, 'und', ?4, 1, ?5, ?6)",
            params![id, format!("Curated: {name}"), published, text, name, timeline],
        )?;
        {
            let mut insert = tx.prepare(
                "INSERT INTO events (article_id, event_id, kind, date_value, json) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for e in events {
                insert
                    .execute(params![
                        id,
                        e.id,
                        e.kind.as_str(),
                        e.date.value,
                        serde_json::to_string(e)?
                    ])
                    .with_context(|| format!("cannot store the curated event {:?}", e.id))?;
            }
        }
        let existing: BTreeSet<String> = {
            let mut stmt = tx.prepare("SELECT id FROM timeline_events WHERE timeline_id = ?1")?;
            let rows = stmt.query_map([timeline], |r| r.get::<_, String>(0))?;
            rows.collect::<Result<_, _>>()?
        };
        let timeline_event_ids = attach_article(&tx, timeline, &id, events, true)?;
        let joined = timeline_event_ids
            .iter()
            .filter(|t| existing.contains(*t))
            .count();
        for t in &stale {
            refresh_event(&tx, t)?;
        }
        tx.commit()?;
        Ok(ImportOutcome {
            article_id: id,
            unchanged: false,
            replaced: previous.is_some(),
            events: events.len(),
            joined,
            timeline_event_ids,
        })
    }

    fn article_events(&self, article: &str) -> anyhow::Result<(Vec<Event>, Vec<String>)> {
        let mut stmt = self.conn.prepare(
            "SELECT e.json, s.event_id FROM events e \
             LEFT JOIN event_sources s ON s.article_id = e.article_id AND s.raw_event_id = e.event_id \
             WHERE e.article_id = ?1 ORDER BY e.rowid",
        )?;
        let rows = stmt.query_map([article], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })?;
        let (mut events, mut ids) = (Vec::new(), Vec::new());
        for row in rows {
            let (json, tid) = row?;
            events.push(serde_json::from_str(&json)?);
            ids.push(tid.unwrap_or_default());
        }
        Ok((events, ids))
    }

    /// Whether an article with this id is stored.
    #[cfg(test)]
    pub fn has_article(&self, id: &str) -> anyhow::Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM articles WHERE id = ?1", [id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// The whole timeline document (see [`read::timeline_json`]).
    #[cfg(test)]
    pub fn timeline(&self, title: &str) -> anyhow::Result<dateline_api::TimelineDocument> {
        self.timeline_of(DEFAULT_TIMELINE, title)
    }

    /// One story's timeline document (see [`read::timeline_json`]).
    #[cfg(test)]
    pub fn timeline_of(
        &self,
        timeline: &str,
        title: &str,
    ) -> anyhow::Result<dateline_api::TimelineDocument> {
        let json = read::timeline_json(&self.conn, timeline, Some(title), "")?;
        Ok(serde_json::from_str(&json)?)
    }

    /// Applies a curator's correction to a timeline event: the fields given replace those
    /// of earlier corrections; the event is recomputed at once and on every later ingest.
    /// `None` when there is no such event.
    pub fn patch_event(
        &mut self,
        timeline: &str,
        id: &str,
        patch: &EventPatch,
    ) -> anyhow::Result<Option<TimelineEvent>> {
        let tx = self.write_transaction()?;
        read::timeline_title(&tx, timeline, "")?;
        let exists = tx
            .query_row(
                "SELECT 1 FROM timeline_events WHERE id = ?1 AND timeline_id = ?2",
                [id, timeline],
                |_| Ok(()),
            )
            .optional()?
            .is_some();
        if !exists {
            return Ok(None);
        }
        let mut merged = load_override(&tx, id, timeline)?.unwrap_or_default();
        if patch.date.is_some() {
            merged.date = patch.date.clone();
        }
        if patch.kind.is_some() {
            merged.kind = patch.kind;
        }
        if patch.persons.is_some() {
            merged.persons = patch.persons.clone();
        }
        if patch.role.is_some() {
            merged.role = patch.role.clone();
        }
        if patch.org.is_some() {
            merged.org = patch.org.clone();
        }
        if patch.amount.is_some() {
            merged.amount = patch.amount.clone();
        }
        if patch.count.is_some() {
            merged.count = patch.count;
        }
        if patch.hidden.is_some() {
            merged.hidden = patch.hidden;
        }
        tx.execute(
            "INSERT INTO overrides (event_id, patch, timeline_id) VALUES (?1, ?2, ?3) \
             ON CONFLICT(event_id) DO UPDATE SET patch = excluded.patch, \
             timeline_id = excluded.timeline_id, \
             updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
            params![id, serde_json::to_string(&merged)?, timeline],
        )?;
        refresh_event(&tx, id)?;
        let json: String = tx.query_row(
            "SELECT json FROM timeline_events WHERE id = ?1",
            [id],
            |r| r.get(0),
        )?;
        tx.commit()?;
        Ok(Some(serde_json::from_str(&json)?))
    }

    /// Extracts every stored article again with `extract` (given its text, publication
    /// date and language) and rebuilds the timeline from the new events, in one
    /// transaction: after the extractor improves, the store catches up. Curated imports and
    /// corrections stay. An article the extractor now refuses keeps its old events.
    /// Returns (articles re-read, articles kept, events before, events after).
    /// With `timeline`, only that story's articles are read again and only its timeline
    /// rebuilt.
    pub fn reextract(
        &mut self,
        timeline: Option<&str>,
        mut extract: impl FnMut(&str, &str, &str) -> anyhow::Result<Extraction>,
    ) -> anyhow::Result<ReextractOutcome> {
        let tx = self.write_transaction()?;
        if let Some(t) = timeline {
            read::timeline_title(&tx, t, "")?;
        }
        let count = |tx: &Transaction<'_>| -> anyhow::Result<usize> {
            Ok(tx.query_row(
                "SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id \
                 WHERE ?1 IS NULL OR a.timeline_id = ?1",
                [timeline],
                |r| r.get::<_, i64>(0),
            )? as usize)
        };
        let before = count(&tx)?;
        // Corrections belong to timeline events whose ids come from their sources' ids, which
        // change with a better date: remember each corrected event by its sources (article
        // and merge key) to find it again afterwards.
        let corrected = sources_of_corrections(&tx, timeline)?;
        let articles: Vec<(String, String, String, String)> = {
            let mut stmt = tx.prepare(
                "SELECT id, body, published, lang FROM articles \
                 WHERE curated = 0 AND (?1 IS NULL OR timeline_id = ?1) ORDER BY rowid",
            )?;
            let rows = stmt.query_map([timeline], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?;
            rows.collect::<Result<_, _>>()?
        };
        let (mut reread, mut kept) = (0, 0);
        for (id, body, published, lang) in articles {
            let Ok(extraction) = extract(&body, &published, &lang) else {
                kept += 1;
                continue;
            };
            tx.execute("DELETE FROM events WHERE article_id = ?1", params![id])?;
            store_events(&tx, &id, &extraction.events)?;
            reread += 1;
        }
        rebuild_timeline(&tx, timeline)?;
        if rekey_corrections(&tx, &corrected)? {
            rebuild_timeline(&tx, timeline)?;
        }
        let after = count(&tx)?;
        tx.commit()?;
        Ok(ReextractOutcome {
            reread,
            kept,
            before,
            after,
        })
    }

    /// Recomputes the whole timeline from the stored article events and the corrections.
    #[cfg(test)]
    pub fn rebuild(&mut self) -> anyhow::Result<()> {
        let tx = self.write_transaction()?;
        rebuild_timeline(&tx, None)?;
        tx.commit()?;
        Ok(())
    }

    /// Makes the story `name` when there is none of that name (`dateline ingest
    /// --timeline NAME` and `dateline import --timeline NAME` make it on first use).
    pub fn create_timeline(&mut self, name: &str) -> anyhow::Result<()> {
        check_timeline_name(name).map_err(TimelineError::BadName)?;
        self.conn
            .execute("INSERT OR IGNORE INTO timelines (id) VALUES (?1)", [name])?;
        Ok(())
    }

    /// Renames the story `old` to `new` (its articles, events and corrections go along),
    /// and sets its title when `title` is given (an empty title clears it).
    pub fn rename_timeline(
        &mut self,
        old: &str,
        new: &str,
        title: Option<&str>,
    ) -> anyhow::Result<()> {
        check_timeline_name(new).map_err(TimelineError::BadName)?;
        let tx = self.write_transaction()?;
        read::timeline_title(&tx, old, "")?;
        if old != new {
            if read::timeline_title(&tx, new, "").is_ok() {
                return Err(TimelineError::Taken(new.to_string()).into());
            }
            tx.execute("UPDATE timelines SET id = ?2 WHERE id = ?1", [old, new])?;
            for table in [
                "articles",
                "timeline_events",
                "event_people",
                "person_events",
                "overrides",
            ] {
                tx.execute(
                    &format!("UPDATE {table} SET timeline_id = ?2 WHERE timeline_id = ?1"),
                    [old, new],
                )?;
            }
        }
        if let Some(t) = title {
            let t = t.trim();
            tx.execute(
                "UPDATE timelines SET title = ?2 WHERE id = ?1",
                params![new, (!t.is_empty()).then_some(t)],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Deletes the story `name` with its articles, events and corrections. The default
    /// story is emptied but stays (it is where articles go when no story is named).
    /// Returns how many articles went.
    pub fn delete_timeline(&mut self, name: &str) -> anyhow::Result<usize> {
        let tx = self.write_transaction()?;
        read::timeline_title(&tx, name, "")?;
        tx.execute(
            "DELETE FROM overrides WHERE timeline_id = ?1 \
             OR event_id IN (SELECT id FROM timeline_events WHERE timeline_id = ?1)",
            [name],
        )?;
        clear_timeline(&tx, name)?;
        let articles = tx.execute("DELETE FROM articles WHERE timeline_id = ?1", [name])?;
        if name != DEFAULT_TIMELINE {
            tx.execute("DELETE FROM timelines WHERE id = ?1", [name])?;
        }
        tx.execute(
            "DELETE FROM people WHERE id NOT IN (SELECT person_id FROM event_people)",
            [],
        )?;
        tx.commit()?;
        Ok(articles)
    }
}

/// The article events a timeline event merges, in ingest order.
fn load_sources(tx: &Connection, id: &str) -> anyhow::Result<Vec<Source>> {
    let mut stmt = tx.prepare_cached(
        "SELECT s.article_id, e.json, a.curated FROM event_sources s \
         JOIN events e ON e.article_id = s.article_id AND e.event_id = s.raw_event_id \
         JOIN articles a ON a.id = s.article_id \
         WHERE s.event_id = ?1 ORDER BY a.rowid, e.rowid",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, bool>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (article, json, curated) = row?;
        let event: Event = serde_json::from_str(&json).context("a stored event does not parse")?;
        out.push(Source {
            article,
            event,
            curated,
        });
    }
    Ok(out)
}

fn load_override(tx: &Connection, id: &str, timeline: &str) -> anyhow::Result<Option<EventPatch>> {
    let json: Option<String> = tx
        .prepare_cached("SELECT patch FROM overrides WHERE event_id = ?1 AND timeline_id = ?2")?
        .query_row([id, timeline], |r| r.get(0))
        .optional()?;
    json.map(|j| serde_json::from_str(&j).context("a stored correction does not parse"))
        .transpose()
}

/// Stores an article's extracted events; returns those stored (an id given twice is kept
/// once).
fn store_events(
    tx: &Transaction<'_>,
    article: &str,
    events: &[Event],
) -> anyhow::Result<Vec<Event>> {
    let mut insert = tx.prepare_cached(
        "INSERT OR IGNORE INTO events (article_id, event_id, kind, date_value, json) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut stored = Vec::new();
    for e in events {
        let n = insert.execute(params![
            article,
            e.id,
            e.kind.as_str(),
            e.date.value,
            serde_json::to_string(e)?
        ])?;
        if n == 1 {
            stored.push(e.clone());
        }
    }
    Ok(stored)
}

/// Merges an article's stored events into its story's timeline; returns, for each, the timeline
/// event it joined (an existing one with the same kind, subject and a compatible or close
/// date, or a new one). A curated event whose id is a timeline event's joins that event
/// whatever its kind, people or date (that is how an exported event is corrected).
fn attach_article(
    tx: &Transaction<'_>,
    timeline: &str,
    article: &str,
    events: &[Event],
    curated: bool,
) -> anyhow::Result<Vec<String>> {
    let mut touched = BTreeSet::new();
    let mut ids = Vec::with_capacity(events.len());
    for e in events {
        if curated
            && tx
                .prepare_cached("SELECT 1 FROM timeline_events WHERE id = ?1 AND timeline_id = ?2")?
                .query_row([e.id.as_str(), timeline], |_| Ok(()))
                .optional()?
                .is_some()
        {
            tx.prepare_cached(
                "INSERT OR IGNORE INTO event_sources (event_id, article_id, raw_event_id) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![e.id, article, e.id])?;
            touched.insert(e.id.clone());
            ids.push(e.id.clone());
            continue;
        }
        let key = merge_key(e);
        let candidates: Vec<String> = {
            let mut stmt = tx.prepare_cached(
                "SELECT id FROM timeline_events WHERE timeline_id = ?1 AND merge_key = ?2 ORDER BY rowid",
            )?;
            let rows = stmt.query_map([timeline, key.as_str()], |r| r.get::<_, String>(0))?;
            rows.collect::<Result<_, _>>()?
        };
        let mut best: Option<(i64, String)> = None;
        for c in candidates {
            let sources: Vec<Event> = load_sources(tx, &c)?.into_iter().map(|s| s.event).collect();
            if let Some(d) = distance(e, &sources)
                && best.as_ref().is_none_or(|(bd, _)| d < *bd)
            {
                best = Some((d, c));
            }
        }
        let id = match best {
            Some((_, id)) => id,
            None => create_event(tx, timeline, &key, e)?,
        };
        tx.prepare_cached(
            "INSERT OR IGNORE INTO event_sources (event_id, article_id, raw_event_id) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![id, article, e.id])?;
        touched.insert(id.clone());
        ids.push(id);
    }
    for id in &touched {
        refresh_event(tx, id)?;
    }
    Ok(ids)
}

/// A new timeline event for `e`: its id is the event's own (`kind-date-subject`), made
/// unique with a numeric suffix; it keeps that id for good, whatever dates arrive later.
/// Ids are unique over the whole store, so that an id names one event whatever the story.
fn create_event(
    tx: &Transaction<'_>,
    timeline: &str,
    key: &str,
    e: &Event,
) -> anyhow::Result<String> {
    let mut id = e.id.clone();
    let mut n = 1;
    loop {
        let taken = tx
            .prepare_cached("SELECT 1 FROM timeline_events WHERE id = ?1")?
            .query_row([&id], |_| Ok(()))
            .optional()?
            .is_some();
        if !taken {
            break;
        }
        n += 1;
        id = format!("{}-{n}", e.id);
    }
    tx.prepare_cached(
        "INSERT INTO timeline_events (id, merge_key, kind, date_value, json, timeline_id) VALUES (?1, ?2, ?3, ?4, '{}', ?5)",
    )?
    .execute(params![id, key, e.kind.as_str(), e.date.value, timeline])?;
    Ok(id)
}

/// Recomputes one timeline event (its JSON, date, people) from its sources and correction;
/// deletes it when no source is left.
fn refresh_event(tx: &Connection, id: &str) -> anyhow::Result<()> {
    let timeline: Option<String> = tx
        .prepare_cached("SELECT timeline_id FROM timeline_events WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    let timeline = timeline.unwrap_or_default();
    let sources = load_sources(tx, id)?;
    let patch = load_override(tx, id, &timeline)?;
    tx.prepare_cached("DELETE FROM person_events WHERE event_id = ?1")?
        .execute([id])?;
    let Some(event) = merge_sources(id, &sources, patch.as_ref()) else {
        tx.execute("DELETE FROM timeline_events WHERE id = ?1", [id])?;
        return Ok(());
    };
    let mut search = vec![event.kind.as_str().to_string()];
    search.extend(event.persons.iter().cloned());
    search.extend(event.org.iter().cloned());
    search.extend(event.role.iter().cloned());
    search.extend(event.sources.iter().map(|s| s.evidence.text.clone()));
    let search = search.join("\n").to_lowercase();
    let json = serde_json::to_string(&event)?;
    tx.prepare_cached(
        "UPDATE timeline_events SET kind = ?2, date_value = ?3, hidden = ?4, search = ?5, json = ?6 WHERE id = ?1",
    )?
    .execute(params![
        id,
        event.kind.as_str(),
        event.date.value,
        event.hidden,
        search,
        json
    ])?;
    tx.prepare_cached("DELETE FROM event_people WHERE event_id = ?1")?
        .execute([id])?;
    for (name, pid) in event.persons.iter().zip(&event.person_ids) {
        if pid.is_empty() {
            continue;
        }
        tx.prepare_cached("INSERT OR IGNORE INTO people (id, name) VALUES (?1, ?2)")?
            .execute(params![pid, name])?;
        tx.prepare_cached(
            "INSERT OR IGNORE INTO event_people (person_id, event_id, hidden, date_value, timeline_id) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![pid, id, event.hidden, event.date.value, timeline])?;
        tx.prepare_cached(
            "INSERT OR IGNORE INTO person_events (timeline_id, person_id, hidden, date_value, event_id, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![timeline, pid, event.hidden, event.date.value, id, json])?;
    }
    Ok(())
}

/// Rebuilds the derived tables from `articles` and `events`, in ingest order (corrections
/// are kept and re-applied by event id).
/// A corrected timeline event's id and its sources, as (article id, merge key).
type CorrectedSources = (String, Vec<(String, String)>);

/// Each corrected timeline event with its sources.
fn sources_of_corrections(
    tx: &Transaction<'_>,
    timeline: Option<&str>,
) -> anyhow::Result<Vec<CorrectedSources>> {
    let mut stmt = tx.prepare(
        "SELECT o.event_id, s.article_id, e.json FROM overrides o \
         JOIN event_sources s ON s.event_id = o.event_id \
         JOIN events e ON e.article_id = s.article_id AND e.event_id = s.raw_event_id \
         WHERE ?1 IS NULL OR o.timeline_id = ?1",
    )?;
    let rows = stmt.query_map([timeline], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut out: Vec<CorrectedSources> = Vec::new();
    for row in rows {
        let (id, article, json) = row?;
        let event: Event = serde_json::from_str(&json)?;
        let source = (article, merge_key(&event));
        match out.iter_mut().find(|(i, _)| *i == id) {
            Some((_, sources)) => sources.push(source),
            None => out.push((id, vec![source])),
        }
    }
    Ok(out)
}

/// Moves each correction whose timeline event no longer exists to the event that now holds
/// one of its sources (same article, same merge key). Returns whether any moved.
fn rekey_corrections(tx: &Transaction<'_>, corrected: &[CorrectedSources]) -> anyhow::Result<bool> {
    let mut moved = false;
    for (old_id, sources) in corrected {
        let exists: bool = tx
            .query_row(
                "SELECT count(*) FROM timeline_events WHERE id = ?1",
                params![old_id],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n > 0)?;
        if exists {
            continue;
        }
        let mut stmt = tx.prepare(
            "SELECT s.event_id, e.json FROM event_sources s \
             JOIN events e ON e.article_id = s.article_id AND e.event_id = s.raw_event_id \
             WHERE s.article_id = ?1",
        )?;
        let mut new_id = None;
        for (article, key) in sources {
            let rows = stmt.query_map(params![article], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?;
            for row in rows {
                let (id, json) = row?;
                let event: Event = serde_json::from_str(&json)?;
                if merge_key(&event) == *key {
                    new_id = Some(id);
                    break;
                }
            }
            if new_id.is_some() {
                break;
            }
        }
        if let Some(new_id) = new_id {
            tx.execute(
                "UPDATE OR REPLACE overrides SET event_id = ?1 WHERE event_id = ?2",
                params![new_id, old_id],
            )?;
            moved = true;
        }
    }
    Ok(moved)
}

/// Deletes one story's derived rows (its timeline events, their sources and people).
fn clear_timeline(tx: &Transaction<'_>, timeline: &str) -> anyhow::Result<()> {
    for sql in [
        "DELETE FROM person_events WHERE timeline_id = ?1",
        "DELETE FROM event_people WHERE timeline_id = ?1",
        "DELETE FROM event_sources WHERE event_id IN (SELECT id FROM timeline_events WHERE timeline_id = ?1)",
        "DELETE FROM timeline_events WHERE timeline_id = ?1",
    ] {
        tx.execute(sql, [timeline])?;
    }
    Ok(())
}

/// Rebuilds the derived tables of one story (or of all, with `None`) from `articles` and
/// `events`, in ingest order (corrections are kept and re-applied by event id).
fn rebuild_timeline(tx: &Transaction<'_>, timeline: Option<&str>) -> anyhow::Result<()> {
    match timeline {
        Some(t) => clear_timeline(tx, t)?,
        None => tx.execute_batch(
            "DELETE FROM person_events; DELETE FROM event_people; DELETE FROM event_sources; \
             DELETE FROM timeline_events; DELETE FROM people;",
        )?,
    }
    let articles: Vec<(String, bool, String)> = {
        let mut stmt = tx.prepare(
            "SELECT id, curated, timeline_id FROM articles \
             WHERE ?1 IS NULL OR timeline_id = ?1 ORDER BY rowid",
        )?;
        let rows = stmt.query_map([timeline], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, bool>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        rows.collect::<Result<_, _>>()?
    };
    for (article, curated, timeline) in articles {
        let events: Vec<Event> = {
            let mut stmt =
                tx.prepare_cached("SELECT json FROM events WHERE article_id = ?1 ORDER BY rowid")?;
            let rows = stmt.query_map([&article], |r| r.get::<_, String>(0))?;
            let mut out = Vec::new();
            for json in rows {
                out.push(serde_json::from_str(&json?).context("a stored event does not parse")?);
            }
            out
        };
        attach_article(tx, &timeline, &article, &events, curated)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
