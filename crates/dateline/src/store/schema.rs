//! The store's schema: its migrations, in order, applied by `rusqlite_migration` (which
//! counts them in `PRAGMA user_version`, as this store always has, so existing stores carry
//! on at their version).

use rusqlite::{Connection, Transaction, TransactionBehavior};
use rusqlite_migration::{HookResult, M, Migrations, SchemaVersion};

/// The SQL of the schema migrations, in order; `user_version` counts those applied. Never
/// edit an applied one: add a new one.
pub(super) const MIGRATIONS: &[&str] = &[
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

/// A table that exists while the timeline still has to be built from the articles' events:
/// migration 2 created the timeline tables empty in a store that already held articles.
/// The build runs after every migration (it needs the latest schema) and drops the table
/// in the same transaction, so a store left between the two by a crash is built on its next
/// open.
const REBUILD_PENDING: &str = "rebuild_pending";

fn migrations() -> Migrations<'static> {
    Migrations::new(
        MIGRATIONS
            .iter()
            .enumerate()
            .map(|(i, sql)| match i {
                1 => M::up_with_hook(sql, note_rebuild_if_articles),
                _ => M::up(sql),
            })
            .collect(),
    )
}

/// Migration 2's hook: when the store holds events already, note that the timeline must be
/// built from them.
fn note_rebuild_if_articles(tx: &Transaction<'_>) -> HookResult {
    let has_events: bool =
        tx.query_row("SELECT EXISTS (SELECT 1 FROM events)", [], |r| r.get(0))?;
    if has_events {
        tx.execute_batch(&format!("CREATE TABLE {REBUILD_PENDING} (since TEXT)"))?;
    }
    Ok(())
}

/// Brings the schema of the store on `conn` to the latest version. A store written by a
/// newer dateline is refused, and left as it is.
pub(super) fn migrate(conn: &mut Connection) -> anyhow::Result<()> {
    let migrations = migrations();
    let known = MIGRATIONS.len();
    match migrations.current_version(conn)? {
        SchemaVersion::Outside(v) => anyhow::bail!(
            "the store was written by a newer dateline (schema {v}, this one knows {known})"
        ),
        v if usize::from(v) == known => return Ok(()),
        _ => {}
    }
    // All pending migrations run in one transaction that takes the write lock when it
    // begins: a second process opening the same older store waits for the first instead of
    // failing to upgrade a read lock.
    conn.set_transaction_behavior(TransactionBehavior::Immediate);
    let result = migrations.to_latest(conn);
    conn.set_transaction_behavior(TransactionBehavior::Deferred);
    match result {
        Ok(()) => Ok(()),
        // That other process migrated the store meanwhile; ours failed on the tables it had
        // made and was rolled back.
        Err(_) if usize::from(migrations.current_version(conn)?) == known => Ok(()),
        Err(e) => Err(anyhow::Error::new(e).context("cannot migrate the store's schema")),
    }
}

/// Whether the timeline still has to be built from the articles' events.
pub(super) fn rebuild_pending(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1)",
        [REBUILD_PENDING],
        |r| r.get(0),
    )
}

/// Notes that the timeline has been built (in the transaction that built it).
pub(super) fn rebuild_done(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(&format!("DROP TABLE {REBUILD_PENDING}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_migrations_are_valid() {
        migrations().validate().unwrap();
    }

    #[test]
    fn a_newer_store_is_refused_and_left_as_it_is() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        conn.pragma_update(None, "user_version", MIGRATIONS.len() + 1)
            .unwrap();
        let e = migrate(&mut conn).unwrap_err().to_string();
        assert_eq!(
            e,
            format!(
                "the store was written by a newer dateline (schema {}, this one knows {})",
                MIGRATIONS.len() + 1,
                MIGRATIONS.len()
            )
        );
        let v: usize = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, MIGRATIONS.len() + 1);
    }

    #[test]
    fn a_fresh_store_needs_no_rebuild_and_migrating_twice_is_a_no_op() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        assert!(!rebuild_pending(&conn).unwrap());
        migrate(&mut conn).unwrap();
        let v: usize = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, MIGRATIONS.len());
    }
}
