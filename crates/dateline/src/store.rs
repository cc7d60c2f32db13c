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
//! Reads ([`read`]) take a plain [`Connection`], so that the service can serve them from a
//! pool of read connections while one writer ingests.

use anyhow::Context as _;
use dateline_api::{
    AlternativeDate, Event, EventDate, EventKind, EventPatch, EventSource, Extraction,
    TimelineEvent,
};
use dateline_core::slug;
use rusqlite::{Connection, OptionalExtension as _, Transaction, TransactionBehavior, params};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::path::Path;

/// Schema migrations, applied in order; `user_version` counts those applied. Never edit an
/// applied one: add a new one.
const MIGRATIONS: &[&str] = &[
    r"
CREATE TABLE articles (
    id          TEXT PRIMARY KEY,
    title       TEXT,
    url         TEXT,
    published   TEXT NOT NULL,
    lang        TEXT NOT NULL,
    body        TEXT NOT NULL,
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id   TEXT NOT NULL,
    kind       TEXT NOT NULL,
    date_value TEXT NOT NULL,
    json       TEXT NOT NULL,
    PRIMARY KEY (article_id, event_id)
);
CREATE INDEX events_by_event_id ON events(event_id);
",
    // 2: the merged timeline, people and curation overrides (filled from `events` by
    // `rebuild_timeline` when migrating a store that already holds articles).
    r"
CREATE TABLE people (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE timeline_events (
    id         TEXT PRIMARY KEY,
    merge_key  TEXT NOT NULL,
    kind       TEXT NOT NULL,
    date_value TEXT NOT NULL,
    hidden     INTEGER NOT NULL DEFAULT 0,
    search     TEXT NOT NULL DEFAULT '',
    json       TEXT NOT NULL
);
CREATE INDEX timeline_events_by_merge_key ON timeline_events(merge_key);
CREATE INDEX timeline_events_by_date ON timeline_events(hidden, date_value, id);
CREATE INDEX timeline_events_by_kind ON timeline_events(kind, hidden, date_value, id);
CREATE TABLE event_sources (
    event_id     TEXT NOT NULL REFERENCES timeline_events(id) ON DELETE CASCADE,
    article_id   TEXT NOT NULL,
    raw_event_id TEXT NOT NULL,
    PRIMARY KEY (article_id, raw_event_id),
    FOREIGN KEY (article_id, raw_event_id) REFERENCES events(article_id, event_id) ON DELETE CASCADE
);
CREATE INDEX event_sources_by_event ON event_sources(event_id);
CREATE TABLE event_people (
    person_id  TEXT NOT NULL REFERENCES people(id),
    event_id   TEXT NOT NULL REFERENCES timeline_events(id) ON DELETE CASCADE,
    hidden     INTEGER NOT NULL,
    date_value TEXT NOT NULL,
    PRIMARY KEY (person_id, event_id)
);
CREATE INDEX event_people_by_person_date ON event_people(person_id, hidden, date_value, event_id);
CREATE INDEX event_people_by_event ON event_people(event_id);
CREATE TABLE overrides (
    event_id   TEXT PRIMARY KEY,
    patch      TEXT NOT NULL,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
",
    // 3: a person's events in date order with their JSON, clustered by person (WITHOUT
    // ROWID): `GET /api/events?person=` reads one range of one B-tree, no join.
    r"
CREATE TABLE person_events (
    person_id  TEXT NOT NULL,
    hidden     INTEGER NOT NULL,
    date_value TEXT NOT NULL,
    event_id   TEXT NOT NULL,
    json       TEXT NOT NULL,
    PRIMARY KEY (person_id, hidden, date_value, event_id)
) WITHOUT ROWID;
CREATE INDEX person_events_by_event ON person_events(event_id);
INSERT INTO person_events (person_id, hidden, date_value, event_id, json)
    SELECT p.person_id, p.hidden, p.date_value, p.event_id, t.json
    FROM event_people p JOIN timeline_events t ON t.id = p.event_id;
",
    // 4: curated imports (`dateline import`) are articles whose events win over extracted
    // ones; `import_name` keys them, so that importing the same file again replaces it.
    r"
ALTER TABLE articles ADD COLUMN curated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN import_name TEXT;
CREATE UNIQUE INDEX articles_by_import_name ON articles(import_name) WHERE import_name IS NOT NULL;
",
    // 5: several stories (timelines) in one store. Every article belongs to one; what was
    // in the store goes to `default`. The derived rows carry their story so that each read
    // stays one index range, and events merge only within their story.
    r"
CREATE TABLE timelines (
    id         TEXT PRIMARY KEY,
    title      TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
INSERT INTO timelines (id) VALUES ('default');
ALTER TABLE articles ADD COLUMN timeline_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE timeline_events ADD COLUMN timeline_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE event_people ADD COLUMN timeline_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE overrides ADD COLUMN timeline_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE articles ADD COLUMN credit TEXT;
CREATE INDEX articles_by_timeline ON articles(timeline_id, published, id);
DROP INDEX articles_by_import_name;
CREATE UNIQUE INDEX articles_by_import_name ON articles(timeline_id, import_name) WHERE import_name IS NOT NULL;
DROP INDEX timeline_events_by_merge_key;
CREATE INDEX timeline_events_by_merge_key ON timeline_events(timeline_id, merge_key);
DROP INDEX timeline_events_by_date;
CREATE INDEX timeline_events_by_date ON timeline_events(timeline_id, hidden, date_value, id);
DROP INDEX timeline_events_by_kind;
CREATE INDEX timeline_events_by_kind ON timeline_events(timeline_id, kind, hidden, date_value, id);
DROP INDEX event_people_by_person_date;
CREATE INDEX event_people_by_person_date ON event_people(timeline_id, person_id, hidden, date_value, event_id);
DROP TABLE person_events;
CREATE TABLE person_events (
    timeline_id TEXT NOT NULL,
    person_id   TEXT NOT NULL,
    hidden      INTEGER NOT NULL,
    date_value  TEXT NOT NULL,
    event_id    TEXT NOT NULL,
    json        TEXT NOT NULL,
    PRIMARY KEY (timeline_id, person_id, hidden, date_value, event_id)
) WITHOUT ROWID;
CREATE INDEX person_events_by_event ON person_events(event_id);
INSERT INTO person_events (timeline_id, person_id, hidden, date_value, event_id, json)
    SELECT t.timeline_id, p.person_id, p.hidden, p.date_value, p.event_id, t.json
    FROM event_people p JOIN timeline_events t ON t.id = p.event_id;
",
];

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

/// Events of the same kind and subject whose dates are at most this many days apart (and
/// neither contains the other) are one event reported with conflicting dates.
pub const MERGE_WINDOW_DAYS: i64 = 31;

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
        let applied: usize = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        if applied > MIGRATIONS.len() {
            anyhow::bail!(
                "the store was written by a newer dateline (schema {applied}, this one knows {})",
                MIGRATIONS.len()
            );
        }
        if applied == MIGRATIONS.len() {
            return Ok(());
        }
        // All pending migrations in one transaction: a store is at one version or the next.
        // The version is read again inside it (a write transaction from the start, so two
        // processes opening an older store at once take turns and the second finds the
        // migrations done).
        let tx = self.write_transaction()?;
        let applied: usize = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if applied >= MIGRATIONS.len() {
            return Ok(());
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
            tx.execute_batch(sql)
                .with_context(|| format!("migration {} failed", i + 1))?;
        }
        if applied == 1 {
            // The timeline tables are new: fill them from the articles' events.
            rebuild_timeline(&tx, None)?;
        }
        tx.pragma_update(None, "user_version", MIGRATIONS.len())?;
        tx.commit()?;
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

/// How two dates reported for events of the same kind and subject relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateRelation {
    /// One contains the other (`2024-09` and `2024-09-26`): the same date, told less or more
    /// precisely.
    Compatible,
    /// Neither contains the other but they are close: the same event, conflicting dates.
    Conflicting(i64),
    /// Too far apart to be the same event.
    Apart,
}

fn relation(a: &EventDate, b: &EventDate) -> DateRelation {
    match (a.days(), b.days()) {
        (Some((a0, a1)), Some((b0, b1))) => {
            if (a0 <= b0 && b1 <= a1) || (b0 <= a0 && a1 <= b1) {
                DateRelation::Compatible
            } else {
                let gap = if a1 < b0 {
                    b0.number() - a1.number()
                } else {
                    a0.number() - b1.number()
                };
                if gap <= MERGE_WINDOW_DAYS {
                    DateRelation::Conflicting(gap.max(0))
                } else {
                    DateRelation::Apart
                }
            }
        }
        _ if a.value == b.value => DateRelation::Compatible,
        _ => DateRelation::Apart,
    }
}

/// The key under which events from different articles may be one real event: the kind and
/// its subjects (people by slug; for company events the organisation, and for an
/// acquisition the company bought too).
pub fn merge_key(e: &Event) -> String {
    let subject = if e.persons.is_empty() {
        let org = e.org.as_deref().map(slug).unwrap_or_default();
        match e.target.as_deref() {
            Some(target) => format!("{org}>{}", slug(target)),
            None => org,
        }
    } else {
        let people: BTreeSet<String> = e.persons.iter().map(|p| slug(p)).collect();
        people.into_iter().collect::<Vec<_>>().join("+")
    };
    format!("{}|{subject}", e.kind.as_str())
}

/// Whether two figures are the same within 5%.
fn close(x: f64, y: f64) -> bool {
    let m = x.abs().max(y.abs());
    m == 0.0 || (x - y).abs() / m <= 0.05
}

/// Whether the money and counts of two events can be the same figure.
fn figures_agree(a: &Event, b: &Event) -> bool {
    let amounts = match (&a.amount, &b.amount) {
        (Some(x), Some(y)) => x.currency == y.currency && close(x.value, y.value),
        _ => true,
    };
    let counts = match (a.count, b.count) {
        (Some(x), Some(y)) => close(x as f64, y as f64),
        _ => true,
    };
    amounts && counts
}

/// How far `e` is from a group of sources (0 for a compatible date), or `None` when it is a
/// different event.
fn distance(e: &Event, sources: &[Event]) -> Option<i64> {
    sources
        .iter()
        .filter(|s| figures_agree(e, s))
        .filter_map(|s| match relation(&e.date, &s.date) {
            DateRelation::Compatible => Some(0),
            DateRelation::Conflicting(gap) => Some(gap + 1),
            DateRelation::Apart => None,
        })
        .min()
}

/// One article's event merged into a timeline event.
#[derive(Debug, Clone)]
struct Source {
    /// The article's id.
    article: String,
    /// The event as that article gives it.
    event: Event,
    /// Whether the article is a curator's import (its events win).
    curated: bool,
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

/// One timeline event from its sources (in ingest order) and its correction. When curated
/// sources are among them, they alone decide the date and the fields they give; the
/// articles' other dates are kept as alternatives.
fn merge_sources(
    id: &str,
    sources: &[Source],
    patch: Option<&EventPatch>,
) -> Option<TimelineEvent> {
    let curated = sources.iter().any(|s| s.curated);
    // The sources that decide: the curated ones when there are any.
    let deciding: Vec<&Source> = sources.iter().filter(|s| s.curated || !curated).collect();
    let first = &deciding.first()?.event;
    // The most specific date wins; among equals, the one most sources agree with, then the
    // first reported.
    let support = |d: &EventDate| {
        sources
            .iter()
            .filter(|s| relation(d, &s.event.date) == DateRelation::Compatible)
            .count()
    };
    let mut best = first;
    let mut best_support = support(&first.date);
    for s in &deciding[1..] {
        let s = &s.event;
        let rank = |d: &EventDate| (d.precision.rank(), d.approx);
        let sup = support(&s.date);
        if rank(&s.date) < rank(&best.date)
            || (rank(&s.date) == rank(&best.date) && sup > best_support)
        {
            best = s;
            best_support = sup;
        }
    }
    let mut alternatives: Vec<AlternativeDate> = Vec::new();
    for Source {
        article, event: s, ..
    } in sources
    {
        if relation(&s.date, &best.date) == DateRelation::Compatible {
            continue;
        }
        match alternatives.iter_mut().find(|a| a.date == s.date) {
            Some(a) => {
                if !a.article_ids.contains(article) {
                    a.article_ids.push(article.clone());
                }
            }
            None => alternatives.push(AlternativeDate {
                date: s.date.clone(),
                article_ids: vec![article.clone()],
            }),
        }
    }
    // A field comes from the best source, else the first deciding source that gives it,
    // else (for fields no curated source gives) the first article that does.
    let pick = |f: &dyn Fn(&Event) -> bool| -> &Event {
        if f(best) {
            best
        } else {
            deciding
                .iter()
                .map(|s| &s.event)
                .chain(sources.iter().map(|s| &s.event))
                .find(|s| f(s))
                .unwrap_or(best)
        }
    };
    let persons = deciding
        .iter()
        .copied()
        .chain(sources.iter())
        .map(|s| &s.event.persons)
        .find(|p| !p.is_empty())
        .cloned()
        .unwrap_or_default();
    let mut event = TimelineEvent {
        id: id.to_string(),
        kind: first.kind,
        date: best.date.clone(),
        person_ids: persons.iter().map(|p| slug(p)).collect(),
        persons,
        org: pick(&|s| s.org.is_some()).org.clone(),
        target: pick(&|s| s.target.is_some()).target.clone(),
        role: pick(&|s| s.role.is_some()).role.clone(),
        amount: pick(&|s| s.amount.is_some()).amount.clone(),
        count: pick(&|s| s.count.is_some()).count,
        sources: sources
            .iter()
            .map(|s| EventSource {
                article_id: s.article.clone(),
                evidence: s.event.evidence.clone(),
                date: Some(s.event.date.clone()),
            })
            .collect(),
        alternative_dates: alternatives,
        corrected: false,
        curated,
        hidden: false,
    };
    if let Some(p) = patch {
        if let Some(d) = &p.date {
            event.date = d.clone();
        }
        if let Some(k) = p.kind {
            event.kind = k;
        }
        if let Some(persons) = &p.persons {
            event.person_ids = persons.iter().map(|n| slug(n)).collect();
            event.persons = persons.clone();
        }
        event.hidden = p.hidden.unwrap_or(false);
        event.corrected = p != &EventPatch::default();
    }
    Some(event)
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

/// Reads, on any connection to a store (the service's read pool uses these).
pub mod read {
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
    pub fn timeline_title(
        conn: &Connection,
        timeline: &str,
        fallback: &str,
    ) -> anyhow::Result<String> {
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
                     WHERE p.timeline_id = ? AND p.person_id = ? AND p.hidden = 0",
                ),
                "p.date_value",
                "p.event_id",
            )
        } else if q.person.is_some() {
            (
                String::from(
                    "SELECT t.json, p.date_value, p.event_id FROM event_people p \
                     JOIN timeline_events t ON t.id = p.event_id \
                     WHERE p.timeline_id = ? AND p.person_id = ? AND p.hidden = 0",
                ),
                "p.date_value",
                "p.event_id",
            )
        } else {
            (
                String::from(
                    "SELECT t.json, t.date_value, t.id FROM timeline_events t \
                     WHERE t.timeline_id = ? AND t.hidden = 0",
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
    pub fn event_detail(
        conn: &Connection,
        timeline: &str,
        id: &str,
    ) -> anyhow::Result<Option<String>> {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_api::{Amount, EventKind, Precision};

    fn dated(value: &str, precision: Precision) -> EventDate {
        EventDate {
            value: value.into(),
            precision,
            approx: false,
        }
    }

    /// Built through JSON so that fields other crates add (with defaults) need no edit here.
    fn event(person: &str, date: &str, precision: Precision) -> Event {
        serde_json::from_value(serde_json::json!({
            "id": format!("resignation-{date}-{}", slug(person)),
            "kind": "resignation",
            "date": dated(date, precision),
            "persons": [person],
            "org": "Acme",
            "role": null,
            "amount": null,
            "count": null,
            "confidence": 0.8,
            "evidence": {"text": "x", "start": 0, "end": 1},
        }))
        .unwrap()
    }

    fn extraction(events: Vec<Event>) -> Extraction {
        Extraction {
            lang: "en".into(),
            published: "2024-09-27".into(),
            events,
        }
    }

    const META: ArticleMeta<'static> = ArticleMeta {
        title: None,
        url: None,
        credit: None,
    };

    #[test]
    fn reextract_replaces_article_events_and_keeps_corrections() {
        let mut store = Store::in_memory().unwrap();
        let old = extraction(vec![event("Ann Lee", "2024-09", Precision::Month)]);
        store
            .ingest(
                DEFAULT_TIMELINE,
                "Ann Lee resigned in September.",
                &META,
                &old,
            )
            .unwrap();
        // A correction to the event as it is now.
        let timeline = store.timeline("t").unwrap();
        let id = timeline.events[0].id.clone();
        store
            .patch_event(
                DEFAULT_TIMELINE,
                &id,
                &serde_json::from_value(serde_json::json!({"hidden": true})).unwrap(),
            )
            .unwrap();
        // The improved extractor finds the day, and a second person.
        let outcome = store
            .reextract(None, |text, published, lang| {
                assert_eq!(
                    (text, published, lang),
                    ("Ann Lee resigned in September.", "2024-09-27", "en")
                );
                Ok(extraction(vec![
                    event("Ann Lee", "2024-09-12", Precision::Day),
                    event("Bo Ray", "2024-09-12", Precision::Day),
                ]))
            })
            .unwrap();
        assert_eq!(
            outcome,
            ReextractOutcome {
                reread: 1,
                kept: 0,
                before: 1,
                after: 2
            }
        );
        // Ann Lee's event moved to its new date and kept its correction (hidden), so the
        // timeline shows Bo Ray only.
        let timeline = store.timeline("t").unwrap();
        assert_eq!(timeline.events.len(), 1);
        assert_eq!(timeline.events[0].persons, ["Bo Ray"]);
        let (date, hidden): (String, bool) = store
            .conn()
            .query_row(
                "SELECT date_value, hidden FROM timeline_events WHERE json LIKE '%Ann Lee%'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((date.as_str(), hidden), ("2024-09-12", true));
        // A refusing extractor keeps the events.
        let outcome = store
            .reextract(None, |_, _, _| anyhow::bail!("refused"))
            .unwrap();
        assert_eq!((outcome.kept, outcome.after), (1, 2));
    }

    #[test]
    fn reingesting_the_same_text_is_a_no_op() {
        let mut store = Store::in_memory().unwrap();
        let ex = extraction(vec![event("Ann Lee", "2024-09", Precision::Month)]);
        let first = store
            .ingest(DEFAULT_TIMELINE, "text one", &META, &ex)
            .unwrap();
        assert!(first.new);
        let again = store
            .ingest(DEFAULT_TIMELINE, "text one", &META, &extraction(vec![]))
            .unwrap();
        assert!(!again.new);
        assert_eq!(again.events, first.events);
        assert_eq!(again.timeline_event_ids, first.timeline_event_ids);
        assert!(store.has_article(&first.article_id).unwrap());
        assert_eq!(store.timeline("t").unwrap().sources.len(), 1);
    }

    #[test]
    fn the_same_event_from_two_articles_merges_with_both_sources_and_the_finer_date() {
        let mut store = Store::in_memory().unwrap();
        store
            .ingest(
                DEFAULT_TIMELINE,
                "a",
                &META,
                &extraction(vec![event("Ann Lee", "2024-09", Precision::Month)]),
            )
            .unwrap();
        let b = store
            .ingest(
                DEFAULT_TIMELINE,
                "b",
                &META,
                &extraction(vec![event("Ann Lee", "2024-09-26", Precision::Day)]),
            )
            .unwrap();
        let doc = store.timeline("Story").unwrap();
        assert_eq!(doc.events.len(), 1);
        // The id is the first report's, kept for good.
        assert_eq!(doc.events[0].id, "resignation-2024-09-ann-lee");
        assert_eq!(b.timeline_event_ids, vec![doc.events[0].id.clone()]);
        assert_eq!(doc.events[0].date.value, "2024-09-26");
        assert_eq!(doc.events[0].sources.len(), 2);
        assert!(doc.events[0].alternative_dates.is_empty());
        assert_eq!(doc.events[0].person_ids, vec!["ann-lee"]);
        assert_eq!(doc.people.len(), 1);
        assert_eq!(doc.people[0].event_count, 1);
    }

    #[test]
    fn conflicting_close_dates_are_kept_as_alternatives_and_far_ones_are_other_events() {
        let mut store = Store::in_memory().unwrap();
        for (text, date) in [
            ("a", "2024-09-25"),
            ("b", "2024-09-26"),
            ("c", "2024-09-26"),
        ] {
            store
                .ingest(
                    DEFAULT_TIMELINE,
                    text,
                    &META,
                    &extraction(vec![event("Ann Lee", date, Precision::Day)]),
                )
                .unwrap();
        }
        // Two years later: another resignation of the same person.
        store
            .ingest(
                DEFAULT_TIMELINE,
                "d",
                &META,
                &extraction(vec![event("Ann Lee", "2026-01-10", Precision::Day)]),
            )
            .unwrap();
        let doc = store.timeline("t").unwrap();
        assert_eq!(doc.events.len(), 2);
        let e = &doc.events[0];
        assert_eq!(e.date.value, "2024-09-26", "the date more sources agree on");
        assert_eq!(e.sources.len(), 3);
        assert_eq!(e.alternative_dates.len(), 1);
        assert_eq!(e.alternative_dates[0].date.value, "2024-09-25");
        assert_eq!(e.alternative_dates[0].article_ids, vec![article_id("a")]);
        assert_eq!(doc.people[0].event_count, 2);
    }

    #[test]
    fn company_figures_merge_by_org_only_when_the_amounts_agree() {
        let mut store = Store::in_memory().unwrap();
        let valuation = |value: f64, date: &str| {
            let mut e = event("x", date, Precision::Day);
            e.id = format!("valuation-{date}-acme");
            e.kind = EventKind::Valuation;
            e.persons = vec![];
            e.amount = Some(Amount {
                value,
                currency: "USD".into(),
            });
            e
        };
        store
            .ingest(
                DEFAULT_TIMELINE,
                "a",
                &META,
                &extraction(vec![valuation(150e9, "2024-10-02")]),
            )
            .unwrap();
        store
            .ingest(
                DEFAULT_TIMELINE,
                "b",
                &META,
                &extraction(vec![valuation(150e9, "2024-10-03")]),
            )
            .unwrap();
        store
            .ingest(
                DEFAULT_TIMELINE,
                "c",
                &META,
                &extraction(vec![valuation(90e9, "2024-10-03")]),
            )
            .unwrap();
        let doc = store.timeline("t").unwrap();
        assert_eq!(doc.events.len(), 2);
        assert!(doc.people.is_empty());
    }

    #[test]
    fn a_correction_survives_later_ingests_and_hides_from_lists() {
        let mut store = Store::in_memory().unwrap();
        let a = store
            .ingest(
                DEFAULT_TIMELINE,
                "a",
                &META,
                &extraction(vec![event("Ann Lee", "2024-09", Precision::Month)]),
            )
            .unwrap();
        let id = a.timeline_event_ids[0].clone();
        let patch = EventPatch {
            date: Some(dated("2024-09-20", Precision::Day)),
            persons: Some(vec!["Ann B. Lee".into()]),
            ..EventPatch::default()
        };
        let e = store
            .patch_event(DEFAULT_TIMELINE, &id, &patch)
            .unwrap()
            .unwrap();
        assert!(e.corrected);
        assert_eq!(e.person_ids, vec!["ann-b-lee"]);
        // A new source for the same event does not undo the correction.
        store
            .ingest(
                DEFAULT_TIMELINE,
                "b",
                &META,
                &extraction(vec![event("Ann Lee", "2024-09-26", Precision::Day)]),
            )
            .unwrap();
        let doc = store.timeline("t").unwrap();
        assert_eq!(doc.events.len(), 1);
        assert_eq!(doc.events[0].date.value, "2024-09-20");
        assert_eq!(doc.events[0].sources.len(), 2);
        assert_eq!(doc.people[0].id, "ann-b-lee");
        // Nor does rebuilding the whole timeline.
        store.rebuild().unwrap();
        assert_eq!(
            store.timeline("t").unwrap().events[0].date.value,
            "2024-09-20"
        );
        let hide = EventPatch {
            hidden: Some(true),
            ..EventPatch::default()
        };
        store
            .patch_event(DEFAULT_TIMELINE, &id, &hide)
            .unwrap()
            .unwrap();
        let doc = store.timeline("t").unwrap();
        assert!(doc.events.is_empty());
        assert!(doc.people.is_empty());
        assert!(
            read::event_detail(store.conn(), DEFAULT_TIMELINE, &id)
                .unwrap()
                .is_some()
        );
        assert!(
            store
                .patch_event(DEFAULT_TIMELINE, "nope", &hide)
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn curated_events_win_survive_ingests_and_rebuilds_and_a_reimport_replaces_them() {
        let mut store = Store::in_memory().unwrap();
        let a = store
            .ingest(
                DEFAULT_TIMELINE,
                "a",
                &META,
                &extraction(vec![event("Ann Lee", "2024-09", Precision::Month)]),
            )
            .unwrap();
        let id = a.timeline_event_ids[0].clone();
        // The curator corrects the exported event (same id) and adds one of their own.
        let mut fixed = event("Ann B. Lee", "2024-09-20", Precision::Day);
        fixed.id = id.clone();
        fixed.role = Some("CEO".into());
        let own = event("Cy Twombly", "2021", Precision::Year);
        let out = store
            .import_curated(
                DEFAULT_TIMELINE,
                "mine.csv",
                "v1",
                "2026-01-01",
                &[fixed.clone(), own],
            )
            .unwrap();
        assert!(!out.unchanged && !out.replaced);
        assert_eq!(out.timeline_event_ids[0], id);
        let check = |store: &Store, date: &str| {
            let doc = store.timeline("t").unwrap();
            assert_eq!(doc.events.len(), 2, "{doc:?}");
            let e = doc.events.iter().find(|e| e.id == id).unwrap();
            assert!(e.curated);
            assert_eq!(e.date.value, date);
            assert_eq!(e.persons, ["Ann B. Lee"]);
            assert_eq!(e.role.as_deref(), Some("CEO"));
            assert_eq!(e.org.as_deref(), Some("Acme"));
            assert!(doc.events.iter().all(|e| e.curated));
            doc
        };
        check(&store, "2024-09-20");
        // A later article with another date for the same event: the curated date stays,
        // the article's is an alternative.
        store
            .ingest(
                DEFAULT_TIMELINE,
                "b",
                &META,
                &extraction(vec![event("Ann Lee", "2024-09-26", Precision::Day)]),
            )
            .unwrap();
        let doc = check(&store, "2024-09-20");
        let e = doc.events.iter().find(|e| e.id == id).unwrap();
        assert_eq!(e.sources.len(), 3);
        assert_eq!(e.alternative_dates[0].date.value, "2024-09-26");
        store.rebuild().unwrap();
        check(&store, "2024-09-20");
        // Importing the same file again changes nothing; an edited one replaces it.
        let again = store
            .import_curated(
                DEFAULT_TIMELINE,
                "mine.csv",
                "v1",
                "2026-01-02",
                &[fixed.clone()],
            )
            .unwrap();
        assert!(again.unchanged);
        fixed.date = dated("2024-09-21", Precision::Day);
        let replaced = store
            .import_curated(DEFAULT_TIMELINE, "mine.csv", "v2", "2026-01-02", &[fixed])
            .unwrap();
        assert!(replaced.replaced);
        let doc = store.timeline("t").unwrap();
        assert_eq!(doc.events.len(), 1, "the dropped curated event is gone");
        assert_eq!(doc.events[0].date.value, "2024-09-21");
        assert_eq!(doc.events[0].sources.len(), 3);
    }

    #[test]
    fn events_pages_follow_date_order_with_cursors_and_filters() {
        let mut store = Store::in_memory().unwrap();
        for (i, person) in ["Ann Lee", "Bob Ray", "Cy Twombly"].iter().enumerate() {
            for year in 2020..2025 {
                let text = format!("{person} {year}");
                let date = format!("{year}-0{}-10", i + 1);
                store
                    .ingest(
                        DEFAULT_TIMELINE,
                        &text,
                        &META,
                        &extraction(vec![event(person, &date, Precision::Day)]),
                    )
                    .unwrap();
            }
        }
        let page = |q: &read::EventQuery| -> dateline_api::EventPage {
            serde_json::from_str(&read::events_page(store.conn(), q).unwrap()).unwrap()
        };
        let mut q = read::EventQuery {
            timeline: DEFAULT_TIMELINE.into(),
            limit: 4,
            ..Default::default()
        };
        let mut all = Vec::new();
        loop {
            let p = page(&q);
            all.extend(p.events.iter().map(|e| e.date.value.clone()));
            match p.next_cursor {
                Some(c) => q.after = read::parse_cursor(&c),
                None => break,
            }
        }
        assert_eq!(all.len(), 15);
        let mut sorted = all.clone();
        sorted.sort();
        assert_eq!(all, sorted);
        let bob = page(&read::EventQuery {
            timeline: DEFAULT_TIMELINE.into(),
            person: Some("bob-ray".into()),
            from: Some("2022".into()),
            to: Some("2023-02".into()),
            limit: 10,
            ..Default::default()
        });
        let dates: Vec<_> = bob.events.iter().map(|e| e.date.value.as_str()).collect();
        assert_eq!(dates, ["2022-02-10", "2023-02-10"]);
        let found = page(&read::EventQuery {
            timeline: DEFAULT_TIMELINE.into(),
            q: Some("TWOMBLY".into()),
            kind: Some(EventKind::Resignation),
            limit: 100,
            ..Default::default()
        });
        assert_eq!(found.events.len(), 5);
        let people = read::people(store.conn(), DEFAULT_TIMELINE).unwrap();
        assert_eq!(people.len(), 3);
        assert_eq!(people[0].event_count, 5);
        assert_eq!(
            read::articles(store.conn(), DEFAULT_TIMELINE)
                .unwrap()
                .len(),
            15
        );
    }

    /// Holds the write lock of the store at `path` from another connection (another
    /// process, as `sqlite3` with `BEGIN IMMEDIATE` would) for `hold`, in a thread.
    fn write_elsewhere(path: &Path, hold: std::time::Duration) -> std::thread::JoinHandle<()> {
        let other = Connection::open(path).unwrap();
        other.execute_batch("BEGIN IMMEDIATE").unwrap();
        other
            .execute("UPDATE articles SET title = title", [])
            .unwrap();
        std::thread::spawn(move || {
            std::thread::sleep(hold);
            other.execute_batch("COMMIT").unwrap();
        })
    }

    #[test]
    fn a_patch_waits_while_another_process_writes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.db");
        let mut store = Store::open(&path).unwrap();
        store
            .ingest(
                DEFAULT_TIMELINE,
                "Ann Lee resigned.",
                &META,
                &extraction(vec![event("Ann Lee", "2024-09", Precision::Month)]),
            )
            .unwrap();
        let id = store.timeline("t").unwrap().events[0].id.clone();
        let hold = std::time::Duration::from_millis(300);
        let hidden: EventPatch =
            serde_json::from_value(serde_json::json!({"hidden": true})).unwrap();

        let writer = write_elsewhere(&path, hold);
        let started = std::time::Instant::now();
        let patched = store.patch_event(DEFAULT_TIMELINE, &id, &hidden).unwrap();
        assert!(patched.is_some_and(|e| e.hidden));
        assert!(
            started.elapsed() >= hold / 2,
            "it waited for the other writer"
        );
        writer.join().unwrap();

        // The same for an import that replaces an earlier one, and for reextract.
        let curated = vec![event("Bo Ray", "2024-01", Precision::Month)];
        store
            .import_curated(DEFAULT_TIMELINE, "desk.csv", "v1", "2024-09-28", &curated)
            .unwrap();
        let writer = write_elsewhere(&path, hold);
        let outcome = store
            .import_curated(DEFAULT_TIMELINE, "desk.csv", "v2", "2024-09-28", &curated)
            .unwrap();
        assert!(outcome.replaced);
        writer.join().unwrap();
        let writer = write_elsewhere(&path, hold);
        store
            .reextract(None, |_, _, _| {
                Ok(extraction(vec![event(
                    "Ann Lee",
                    "2024-09-12",
                    Precision::Day,
                )]))
            })
            .unwrap();
        writer.join().unwrap();
    }

    #[test]
    fn concurrent_first_opens_of_a_store_both_succeed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.db");
        let threads: Vec<_> = (0..4)
            .map(|_| {
                let path = path.clone();
                std::thread::spawn(move || Store::open(&path).map(|_| ()))
            })
            .collect();
        for t in threads {
            t.join().unwrap().unwrap();
        }
    }

    #[test]
    fn a_store_file_is_created_migrated_and_reopened() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.db");
        {
            let mut store = Store::open(&path).unwrap();
            store
                .ingest(
                    DEFAULT_TIMELINE,
                    "a",
                    &META,
                    &extraction(vec![event("Ann Lee", "2024", Precision::Year)]),
                )
                .unwrap();
        }
        let store = Store::open(&path).unwrap();
        assert_eq!(store.timeline("t").unwrap().events.len(), 1);
        let reader = open_reader(&path).unwrap();
        assert_eq!(read::event_count(&reader, DEFAULT_TIMELINE).unwrap(), 1);
    }

    /// A store at schema `version` (2 to 4) as that version wrote it: two articles with one
    /// event each for Ann Lee, the second hidden by a correction.
    fn old_store(path: &Path, version: usize) {
        let conn = Connection::open(path).unwrap();
        for sql in &MIGRATIONS[..version] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", version).unwrap();
        for (i, (text, date)) in [("a", "2023-01-05"), ("b", "2024-03-07")]
            .into_iter()
            .enumerate()
        {
            let e = event("Ann Lee", date, Precision::Day);
            let article = article_id(text);
            let hidden = i == 1;
            conn.execute(
                "INSERT INTO articles (id, published, lang, body) VALUES (?1, '2024-09-27', 'en', ?2)",
                params![article, text],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO events (article_id, event_id, kind, date_value, json) VALUES (?1, ?2, 'resignation', ?3, ?4)",
                params![article, e.id, date, serde_json::to_string(&e).unwrap()],
            )
            .unwrap();
            let source = Source {
                article: article.clone(),
                event: e.clone(),
                curated: false,
            };
            let patch = EventPatch {
                hidden: Some(true),
                ..EventPatch::default()
            };
            let merged = merge_sources(&e.id, &[source], hidden.then_some(&patch)).unwrap();
            let json = serde_json::to_string(&merged).unwrap();
            conn.execute(
                "INSERT INTO timeline_events (id, merge_key, kind, date_value, hidden, json) VALUES (?1, ?2, 'resignation', ?3, ?4, ?5)",
                params![e.id, merge_key(&e), date, hidden, json],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO event_sources (event_id, article_id, raw_event_id) VALUES (?1, ?2, ?1)",
                params![e.id, article],
            )
            .unwrap();
            conn.execute(
                "INSERT OR IGNORE INTO people (id, name) VALUES ('ann-lee', 'Ann Lee')",
                [],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO event_people (person_id, event_id, hidden, date_value) VALUES ('ann-lee', ?1, ?2, ?3)",
                params![e.id, hidden, date],
            )
            .unwrap();
            if version >= 3 {
                conn.execute(
                    "INSERT INTO person_events (person_id, hidden, date_value, event_id, json) VALUES ('ann-lee', ?1, ?2, ?3, ?4)",
                    params![hidden, date, e.id, json],
                )
                .unwrap();
            }
            if hidden {
                conn.execute(
                    "INSERT INTO overrides (event_id, patch) VALUES (?1, ?2)",
                    params![e.id, serde_json::to_string(&patch).unwrap()],
                )
                .unwrap();
            }
        }
    }

    /// Issue 16: a store from before stories (any older schema) is migrated, and everything
    /// in it goes to the default story, corrections included.
    #[test]
    fn older_stores_are_migrated_into_the_default_timeline() {
        for version in [2, 3, 4] {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join(format!("v{version}.db"));
            old_store(&path, version);
            let mut store = Store::open(&path).unwrap();
            let version_now: usize = store
                .conn()
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .unwrap();
            assert_eq!(version_now, MIGRATIONS.len());
            let page = |store: &Store, kind| -> Vec<String> {
                let q = read::EventQuery {
                    timeline: DEFAULT_TIMELINE.into(),
                    person: Some("ann-lee".into()),
                    kind,
                    limit: 10,
                    ..Default::default()
                };
                let p: dateline_api::EventPage =
                    serde_json::from_str(&read::events_page(store.conn(), &q).unwrap()).unwrap();
                p.events.into_iter().map(|e| e.date.value).collect()
            };
            // Through person_events, and through the join when the kind is filtered too;
            // the hidden one stays hidden.
            assert_eq!(page(&store, None), ["2023-01-05"], "v{version}");
            assert_eq!(page(&store, Some(EventKind::Resignation)), ["2023-01-05"]);
            assert!(page(&store, Some(EventKind::Appointment)).is_empty());
            let all = read::timelines(store.conn(), "Old").unwrap();
            assert_eq!(all.len(), 1);
            assert_eq!(
                (
                    all[0].id.as_str(),
                    all[0].title.as_str(),
                    all[0].articles,
                    all[0].events
                ),
                ("default", "Old", 2, 1)
            );
            // The correction still applies after a rebuild, and in no other story.
            store.rebuild().unwrap();
            assert_eq!(page(&store, None), ["2023-01-05"]);
            assert_eq!(store.timeline("t").unwrap().events.len(), 1);
        }
    }

    /// Issue 16: events merge only within their story; an article belongs to one story;
    /// stories are renamed and deleted with everything in them.
    #[test]
    fn stories_keep_their_events_apart_and_are_renamed_and_deleted() {
        let mut store = Store::in_memory().unwrap();
        let ann = |date| extraction(vec![event("Ann Lee", date, Precision::Day)]);
        store
            .ingest(DEFAULT_TIMELINE, "one", &META, &ann("2024-09-12"))
            .unwrap();
        // Unknown stories are refused until made.
        let err = store
            .ingest("acme", "two", &META, &ann("2024-09-12"))
            .unwrap_err();
        assert_eq!(
            err.downcast_ref::<TimelineError>(),
            Some(&TimelineError::Unknown("acme".into()))
        );
        assert!(store.create_timeline("Bad Name").is_err());
        store.create_timeline("acme").unwrap();
        let two = store
            .ingest("acme", "two", &META, &ann("2024-09-12"))
            .unwrap();
        let three = store
            .ingest("acme", "three", &META, &ann("2024-09-13"))
            .unwrap();
        // The same event twice in "acme" merges; not with the default story's.
        assert_eq!(two.timeline_event_ids, three.timeline_event_ids);
        let acme = store.timeline_of("acme", "A").unwrap();
        assert_eq!(acme.events.len(), 1);
        assert_eq!(acme.events[0].sources.len(), 2);
        assert_eq!(acme.sources.len(), 2);
        let default = store.timeline("D").unwrap();
        assert_eq!(default.events[0].sources.len(), 1);
        assert_ne!(default.events[0].id, acme.events[0].id);
        // An article is in one story.
        let err = store
            .ingest(DEFAULT_TIMELINE, "two", &META, &ann("2024-09-12"))
            .unwrap_err();
        assert!(err.to_string().contains("\"acme\""), "{err}");
        // A correction in one story, reextract of one story.
        let id = acme.events[0].id.clone();
        let hide = EventPatch {
            hidden: Some(true),
            ..EventPatch::default()
        };
        assert!(
            store
                .patch_event(DEFAULT_TIMELINE, &id, &hide)
                .unwrap()
                .is_none()
        );
        assert!(store.patch_event("acme", &id, &hide).unwrap().is_some());
        let outcome = store
            .reextract(Some("acme"), |_, _, _| Ok(ann("2024-09-12")))
            .unwrap();
        assert_eq!(outcome.reread, 2);
        assert!(
            store.timeline_of("acme", "A").unwrap().events.is_empty(),
            "still hidden"
        );
        assert_eq!(store.timeline("D").unwrap().events.len(), 1);
        // Rename, retitle, refuse a taken name, delete.
        store
            .rename_timeline("acme", "acme-2024", Some("Acme in 2024"))
            .unwrap();
        assert!(matches!(
            store
                .timeline_of("acme", "A")
                .unwrap_err()
                .downcast_ref::<TimelineError>(),
            Some(TimelineError::Unknown(_))
        ));
        let summaries = read::timelines(store.conn(), "").unwrap();
        let acme = &summaries[0];
        assert_eq!(
            (
                acme.id.as_str(),
                acme.title.as_str(),
                acme.articles,
                acme.events
            ),
            ("acme-2024", "Acme in 2024", 2, 0)
        );
        let json = read::timeline_json(store.conn(), "acme-2024", None, "").unwrap();
        assert!(json.starts_with("{\"title\":\"Acme in 2024\""));
        assert!(
            store
                .patch_event(
                    "acme-2024",
                    &id,
                    &EventPatch {
                        hidden: Some(false),
                        ..EventPatch::default()
                    }
                )
                .unwrap()
                .is_some()
        );
        assert_eq!(
            store.timeline_of("acme-2024", "A").unwrap().events.len(),
            1,
            "the correction moved along"
        );
        assert!(
            store
                .rename_timeline("acme-2024", DEFAULT_TIMELINE, None)
                .is_err()
        );
        assert_eq!(store.delete_timeline("acme-2024").unwrap(), 2);
        assert_eq!(read::timelines(store.conn(), "").unwrap().len(), 1);
        let left: i64 = store
            .conn()
            .query_row(
                "SELECT (SELECT COUNT(*) FROM timeline_events) + (SELECT COUNT(*) FROM person_events) + (SELECT COUNT(*) FROM overrides)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(left, 2, "the default story's event and its person row");
        // The deleted story's text may now go elsewhere.
        assert!(
            store
                .ingest(DEFAULT_TIMELINE, "two", &META, &ann("2024-09-12"))
                .unwrap()
                .new
        );
        // Deleting the default story empties it and keeps it.
        store.delete_timeline(DEFAULT_TIMELINE).unwrap();
        assert!(store.timeline("D").unwrap().events.is_empty());
    }

    #[test]
    fn a_version_1_store_is_migrated_and_its_events_merged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(MIGRATIONS[0]).unwrap();
            conn.pragma_update(None, "user_version", 1).unwrap();
            for (text, date, precision) in [
                ("a", "2024-09", Precision::Month),
                ("b", "2024-09-26", Precision::Day),
            ] {
                let e = event("Ann Lee", date, precision);
                conn.execute(
                    "INSERT INTO articles (id, published, lang, body) VALUES (?1, '2024-09-27', 'en', ?2)",
                    params![article_id(text), text],
                )
                .unwrap();
                conn.execute(
                    "INSERT INTO events (article_id, event_id, kind, date_value, json) VALUES (?1, ?2, 'resignation', ?3, ?4)",
                    params![article_id(text), e.id, date, serde_json::to_string(&e).unwrap()],
                )
                .unwrap();
            }
        }
        let store = Store::open(&path).unwrap();
        let doc = store.timeline("t").unwrap();
        assert_eq!(doc.events.len(), 1);
        assert_eq!(doc.events[0].sources.len(), 2);
    }
}
