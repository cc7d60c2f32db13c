//! The embedded SQLite store: articles keyed by content hash, and the events read from each.
//!
//! The schema is created and migrated on open (`PRAGMA user_version`); the database runs in
//! WAL mode; one article's ingest is one transaction, so an article is either fully in the
//! store with its events or absent.

use anyhow::Context as _;
use dateline_api::{
    Event, EventSource, Extraction, Person, SourceArticle, TimelineDocument, TimelineEvent,
};
use dateline_core::slug;
use rusqlite::{Connection, params};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;

/// Schema migrations, applied in order; `user_version` counts those applied.
const MIGRATIONS: &[&str] = &[r"
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
"];

/// Handle on one store.
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
}

/// An article's metadata, as stored beside its events.
#[derive(Debug, Clone)]
pub struct ArticleMeta<'a> {
    /// Title, when known.
    pub title: Option<&'a str>,
    /// URL, when known.
    pub url: Option<&'a str>,
}

/// The content hash that keys an article: SHA-256 of its text, first 16 bytes in hex.
pub fn article_id(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
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
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
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
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", i + 1)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// Stores one article and its events in one transaction. Re-ingesting the same text is a
    /// no-op that returns the stored events.
    pub fn ingest(
        &mut self,
        text: &str,
        meta: &ArticleMeta<'_>,
        extraction: &Extraction,
    ) -> anyhow::Result<IngestOutcome> {
        let id = article_id(text);
        let tx = self.conn.transaction()?;
        let inserted = tx.execute(
            "INSERT OR IGNORE INTO articles (id, title, url, published, lang, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, meta.title, meta.url, extraction.published, extraction.lang, text],
        )?;
        if inserted == 0 {
            drop(tx);
            let events = self.article_events(&id)?;
            return Ok(IngestOutcome {
                article_id: id,
                new: false,
                events,
            });
        }
        {
            let mut insert = tx.prepare(
                "INSERT OR REPLACE INTO events (article_id, event_id, kind, date_value, json) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for e in &extraction.events {
                insert.execute(params![
                    id,
                    e.id,
                    e.kind.as_str(),
                    e.date.value,
                    serde_json::to_string(e)?
                ])?;
            }
        }
        tx.commit()?;
        Ok(IngestOutcome {
            article_id: id,
            new: true,
            events: extraction.events.clone(),
        })
    }

    fn article_events(&self, article: &str) -> anyhow::Result<Vec<Event>> {
        let mut stmt = self
            .conn
            .prepare("SELECT json FROM events WHERE article_id = ?1 ORDER BY rowid")?;
        let rows = stmt.query_map([article], |r| r.get::<_, String>(0))?;
        rows.map(|json| Ok(serde_json::from_str(&json?)?)).collect()
    }

    /// Whether an article with this id is stored.
    #[cfg(test)]
    pub fn has_article(&self, id: &str) -> anyhow::Result<bool> {
        use rusqlite::OptionalExtension as _;
        Ok(self
            .conn
            .query_row("SELECT 1 FROM articles WHERE id = ?1", [id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// The whole timeline: events merged by id over every article that reports them (the
    /// most specific date wins), in date order, with the people and the sources.
    pub fn timeline(&self, title: &str) -> anyhow::Result<TimelineDocument> {
        let mut sources = Vec::new();
        {
            let mut stmt = self.conn.prepare(
                "SELECT id, title, url, published, lang FROM articles ORDER BY published, id",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok(SourceArticle {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    url: r.get(2)?,
                    published: r.get(3)?,
                    lang: r.get(4)?,
                })
            })?;
            for row in rows {
                sources.push(row?);
            }
        }
        let mut merged: BTreeMap<String, TimelineEvent> = BTreeMap::new();
        let mut stmt = self
            .conn
            .prepare("SELECT article_id, json FROM events ORDER BY article_id, rowid")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (article_id, json) = row?;
            let e: Event = serde_json::from_str(&json).context("a stored event does not parse")?;
            let source = EventSource {
                article_id,
                evidence: e.evidence.clone(),
            };
            match merged.get_mut(&e.id) {
                Some(t) => {
                    if e.date.is_more_specific_than(&t.date) {
                        t.date = e.date.clone();
                    }
                    t.role = t.role.take().or(e.role);
                    t.org = t.org.take().or(e.org);
                    t.sources.push(source);
                }
                None => {
                    merged.insert(
                        e.id.clone(),
                        TimelineEvent {
                            id: e.id,
                            kind: e.kind,
                            person_ids: e.persons.iter().map(|p| slug(p)).collect(),
                            persons: e.persons,
                            date: e.date,
                            org: e.org,
                            role: e.role,
                            amount: e.amount,
                            count: e.count,
                            sources: vec![source],
                        },
                    );
                }
            }
        }
        let mut events: Vec<TimelineEvent> = merged.into_values().collect();
        events.sort_by(|a, b| {
            a.date
                .value
                .cmp(&b.date.value)
                .then_with(|| a.id.cmp(&b.id))
        });
        let mut people: BTreeMap<String, Person> = BTreeMap::new();
        for e in &events {
            for (name, id) in e.persons.iter().zip(&e.person_ids) {
                people
                    .entry(id.clone())
                    .or_insert_with(|| Person {
                        id: id.clone(),
                        name: name.clone(),
                        event_count: 0,
                    })
                    .event_count += 1;
            }
        }
        let mut people: Vec<Person> = people.into_values().collect();
        people.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(TimelineDocument {
            title: title.to_string(),
            events,
            people,
            sources,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_api::{EventDate, EventKind, Evidence, Precision};

    fn event(person: &str, date: &str, precision: Precision) -> Event {
        let date = EventDate {
            value: date.into(),
            precision,
            approx: false,
        };
        Event {
            id: format!("resignation-{}", slug(person)),
            kind: EventKind::Resignation,
            date,
            persons: vec![person.into()],
            org: Some("Acme".into()),
            role: None,
            amount: None,
            count: None,
            confidence: 0.8,
            evidence: Evidence {
                text: "x".into(),
                start: 0,
                end: 1,
            },
        }
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
    };

    #[test]
    fn reingesting_the_same_text_is_a_no_op() {
        let mut store = Store::in_memory().unwrap();
        let ex = extraction(vec![event("Ann Lee", "2024-09", Precision::Month)]);
        let first = store.ingest("text one", &META, &ex).unwrap();
        assert!(first.new);
        let again = store
            .ingest("text one", &META, &extraction(vec![]))
            .unwrap();
        assert!(!again.new);
        assert_eq!(again.events, first.events);
        assert!(store.has_article(&first.article_id).unwrap());
        assert_eq!(store.timeline("t").unwrap().sources.len(), 1);
    }

    #[test]
    fn the_same_event_from_two_articles_merges_with_both_sources_and_the_finer_date() {
        let mut store = Store::in_memory().unwrap();
        store
            .ingest(
                "a",
                &META,
                &extraction(vec![event("Ann Lee", "2024-09", Precision::Month)]),
            )
            .unwrap();
        store
            .ingest(
                "b",
                &META,
                &extraction(vec![event("Ann Lee", "2024-09-26", Precision::Day)]),
            )
            .unwrap();
        let doc = store.timeline("Story").unwrap();
        assert_eq!(doc.events.len(), 1);
        assert_eq!(doc.events[0].date.value, "2024-09-26");
        assert_eq!(doc.events[0].sources.len(), 2);
        assert_eq!(doc.events[0].person_ids, vec!["ann-lee"]);
        assert_eq!(doc.people.len(), 1);
        assert_eq!(doc.people[0].event_count, 1);
    }

    #[test]
    fn a_store_file_is_created_migrated_and_reopened() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.db");
        {
            let mut store = Store::open(&path).unwrap();
            store
                .ingest(
                    "a",
                    &META,
                    &extraction(vec![event("Ann Lee", "2024", Precision::Year)]),
                )
                .unwrap();
        }
        let store = Store::open(&path).unwrap();
        assert_eq!(store.timeline("t").unwrap().events.len(), 1);
    }
}
