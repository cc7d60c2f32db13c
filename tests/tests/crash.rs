//! Killing `dateline ingest` in the middle of a bulk ingest leaves a consistent store: every
//! article is either fully in (its events stored and merged into the timeline) or absent,
//! and running the same ingest again completes it.

use dateline_e2e::{dateline_bin, run_cli};
use rusqlite::{Connection, OpenFlags};
use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const FIRST: &[&str] = &[
    "Anna", "Bruno", "Carla", "Diego", "Elena", "Fabio", "Giulia", "Hugo", "Irene", "Karin",
    "Luca", "Marta", "Oscar", "Paula", "Rita", "Sofia",
];
const LAST: &[&str] = &[
    "Abbott",
    "Barker",
    "Calloway",
    "Dunmore",
    "Eskridge",
    "Fairweather",
    "Galloway",
    "Hollister",
    "Ingram",
    "Jessop",
    "Kimball",
    "Lockwood",
    "Merriman",
    "Northcott",
    "Osgood",
    "Pemberton",
    "Quimby",
    "Radcliffe",
    "Stanhope",
    "Thorne",
];
const MONTHS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August",
];

/// How many articles the bulk ingest reads: enough that it runs for a while.
const ARTICLES: usize = 1200;

fn person(i: usize) -> String {
    let f = FIRST[i % FIRST.len()];
    let l = LAST[(i / FIRST.len()) % LAST.len()];
    format!("{f} {l}")
}

/// Writes the articles: each names two people; some events recur across articles so that
/// ingest merges them.
fn write_articles(dir: &Path) {
    for i in 0..ARTICLES {
        let day = 1 + i % 27;
        let month = MONTHS[i % MONTHS.len()];
        let text = format!(
            "---\ntitle: Business briefing {i}\npublished: 2024-09-27\nlang: en\n---\n\
             Briefing number {i}.\n\nAcme appointed {} as CEO on {month} {day}. \
             Separately, {} resigned as CFO of Initech on {month} {day}.\n",
            person(i),
            person(i / 3 + 7),
        );
        std::fs::write(dir.join(format!("article-{i:05}.txt")), text).expect("write an article");
    }
}

/// Per article id: (events stored, event sources in the timeline).
fn per_article(conn: &Connection) -> HashMap<String, (i64, i64)> {
    let mut stmt = conn
        .prepare(
            "SELECT a.id, \
             (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id), \
             (SELECT COUNT(*) FROM event_sources s WHERE s.article_id = a.id) \
             FROM articles a",
        )
        .expect("the store reads");
    stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))
        .expect("the store reads")
        .collect::<Result<_, _>>()
        .expect("the store reads")
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0))
        .expect("the store reads")
}

fn article_count(db: &Path) -> i64 {
    let Ok(conn) = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return 0;
    };
    conn.query_row("SELECT COUNT(*) FROM articles", [], |r| r.get(0))
        .unwrap_or(0)
}

fn assert_consistent(conn: &Connection, reference: &HashMap<String, (i64, i64)>) {
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("the store reads");
    assert_eq!(check, "ok");
    for (id, got) in per_article(conn) {
        let want = reference
            .get(&id)
            .unwrap_or_else(|| panic!("unknown article {id}"));
        assert_eq!(&got, want, "article {id} is only partly in the store");
        assert_eq!(got.0, got.1, "article {id}: every event is merged");
    }
    assert_eq!(
        count(
            conn,
            "SELECT COUNT(*) FROM event_sources s WHERE NOT EXISTS \
             (SELECT 1 FROM timeline_events t WHERE t.id = s.event_id)"
        ),
        0,
        "sources of missing timeline events"
    );
    assert_eq!(
        count(
            conn,
            "SELECT COUNT(*) FROM timeline_events t WHERE NOT EXISTS \
             (SELECT 1 FROM event_sources s WHERE s.event_id = t.id)"
        ),
        0,
        "timeline events without sources"
    );
}

#[test]
fn killing_a_bulk_ingest_leaves_every_article_fully_in_or_absent() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    write_articles(&articles);
    let folder = articles.to_str().unwrap();

    // The reference: the same ingest, uninterrupted.
    let reference_db = dir.path().join("reference.db");
    let (ok, out, err) = run_cli(&["ingest", "--db", reference_db.to_str().unwrap(), folder]);
    assert!(ok, "{out}{err}");
    let reference_conn = Connection::open(&reference_db).unwrap();
    let reference = per_article(&reference_conn);
    assert_eq!(reference.len(), ARTICLES);
    assert!(
        reference.values().all(|(events, _)| *events == 2),
        "each generated article gives two events"
    );
    let reference_events = count(&reference_conn, "SELECT COUNT(*) FROM timeline_events");
    assert!(reference_events < 2 * ARTICLES as i64, "some events merged");

    // The same ingest, killed (SIGKILL) once some articles are in.
    let db = dir.path().join("crash.db");
    let mut child = Command::new(dateline_bin())
        .args(["ingest", "--db", db.to_str().unwrap(), folder])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    while article_count(&db) < 20 {
        assert!(Instant::now() < deadline, "the ingest stored nothing");
        assert!(
            child.try_wait().unwrap().is_none(),
            "the ingest ended before it could be killed"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();

    let conn = Connection::open(&db).unwrap();
    let stored = count(&conn, "SELECT COUNT(*) FROM articles");
    assert!(
        stored > 0 && stored < ARTICLES as i64,
        "killed mid-way: {stored} of {ARTICLES} articles"
    );
    assert_consistent(&conn, &reference);
    drop(conn);

    // Running it again stores the rest and ends where the uninterrupted run did.
    let (ok, out, err) = run_cli(&["ingest", "--db", db.to_str().unwrap(), folder]);
    assert!(ok, "{out}{err}");
    assert!(
        out.contains(&format!("{} new", ARTICLES as i64 - stored)),
        "{out}"
    );
    let conn = Connection::open(&db).unwrap();
    assert_consistent(&conn, &reference);
    assert_eq!(per_article(&conn).len(), ARTICLES);
    assert_eq!(
        count(&conn, "SELECT COUNT(*) FROM timeline_events"),
        reference_events
    );
}
