//! The store's schema: its migrations, in order.

/// Schema migrations, applied in order; `user_version` counts those applied. Never edit an
/// applied one: add a new one.
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
