//! The store against SQLite (in memory or in a temporary file): ingests, merges across
//! articles, corrections, curated imports, paging, migrations of older stores, concurrency.

use super::*;
use dateline_api::{Amount, EventDate, EventKind, Precision};
use dateline_core::slug;
use schema::MIGRATIONS;

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
    let hidden: EventPatch = serde_json::from_value(serde_json::json!({"hidden": true})).unwrap();

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
