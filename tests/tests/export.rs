//! `dateline export` in every format and `dateline import`, on the seed story: TimelineJS
//! JSON checked against the fields TimelineJS documents, the iCalendar file parsed back with
//! the `icalendar` crate, the CSV with the `csv` crate, JSON Lines; a curator's CSV merged
//! in (curated events win and stay); bad input refused with clear errors.

use dateline_e2e::{fixture, run_cli};
use std::path::{Path, PathBuf};

/// A store with the seed story in a temporary folder.
fn seed_store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("seed.db");
    let (ok, out, err) = run_cli(&[
        "ingest",
        "--db",
        path(&db),
        path(&fixture("demo/articles/seed-it.txt")),
    ]);
    assert!(ok, "{out}{err}");
    (dir, db)
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// `dateline export ARGS` on the store; its standard output.
fn export(db: &Path, args: &[&str]) -> String {
    let mut all = vec!["export", "--db", path(db), "--title", "Seed"];
    all.extend_from_slice(args);
    let (ok, out, err) = run_cli(&all);
    assert!(ok, "export {args:?} failed: {err}");
    out
}

fn timeline(db: &Path) -> Vec<serde_json::Value> {
    export(db, &["--format", "jsonl"])
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// A TimelineJS date object as TimelineJS documents it: `year` required, `month` 1–12,
/// `day` 1–31 only with a month; numbers or strings of digits.
fn check_tl_date(d: &serde_json::Value, what: &str) {
    let num = |k: &str| -> Option<i64> {
        match d.get(k)? {
            serde_json::Value::Number(n) => n.as_i64(),
            serde_json::Value::String(s) => s.parse().ok(),
            other => panic!("{what}.{k} is {other}"),
        }
    };
    let obj = d
        .as_object()
        .unwrap_or_else(|| panic!("{what} is not an object"));
    for k in obj.keys() {
        assert!(
            [
                "year",
                "month",
                "day",
                "hour",
                "minute",
                "second",
                "millisecond",
                "display_date",
                "format"
            ]
            .contains(&k.as_str()),
            "{what} has an undocumented field {k}"
        );
    }
    assert!(num("year").is_some(), "{what} needs a year");
    if let Some(m) = num("month") {
        assert!((1..=12).contains(&m), "{what}.month {m}");
    }
    if let Some(day) = num("day") {
        assert!(num("month").is_some(), "{what} has a day without a month");
        assert!((1..=31).contains(&day), "{what}.day {day}");
    }
}

#[test]
fn the_timelinejs_export_has_the_fields_timelinejs_documents() {
    let (_dir, db) = seed_store();
    let tl: serde_json::Value =
        serde_json::from_str(&export(&db, &["--format", "timelinejs"])).expect("JSON");
    // https://timeline.knightlab.com/docs/json-format.html
    let top = tl.as_object().expect("an object");
    for k in top.keys() {
        assert!(
            ["events", "title", "eras", "scale"].contains(&k.as_str()),
            "undocumented top-level field {k}"
        );
    }
    assert_eq!(tl["title"]["text"]["headline"], "Seed");
    let events = tl["events"].as_array().expect("an events array");
    let ours = timeline(&db);
    assert_eq!(events.len(), ours.len());
    let mut ids = std::collections::BTreeSet::new();
    for (i, e) in events.iter().enumerate() {
        let what = format!("events[{i}]");
        check_tl_date(&e["start_date"], &format!("{what}.start_date"));
        if let Some(end) = e.get("end_date") {
            check_tl_date(end, &format!("{what}.end_date"));
        }
        let text = e["text"].as_object().expect("text is an object");
        assert!(
            text["headline"].is_string() && text["text"].is_string(),
            "{what}"
        );
        assert!(e["group"].as_str().is_some_and(|g| !g.is_empty()), "{what}");
        let id = e["unique_id"].as_str().expect("unique_id");
        assert!(ids.insert(id.to_string()), "{what}: unique_id {id} twice");
        assert!(
            id.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
            "{what}: unique_id {id} is not URL-safe"
        );
        for k in e.as_object().expect("an object").keys() {
            assert!(
                [
                    "start_date",
                    "end_date",
                    "text",
                    "media",
                    "group",
                    "display_date",
                    "background",
                    "autolink",
                    "unique_id",
                    "dateline"
                ]
                .contains(&k.as_str()),
                "{what} has an undocumented field {k}"
            );
        }
    }
    // People are groups; day precision gives a day, month precision a month.
    let murati = events
        .iter()
        .find(|e| e["unique_id"] == "resignation-2024-09-26-mira-murati")
        .expect("Murati's resignation");
    assert_eq!(murati["group"], "Mira Murati");
    assert_eq!(
        murati["start_date"],
        serde_json::json!({"year": 2024, "month": 9, "day": 26})
    );
    assert_eq!(murati["text"]["headline"], "Resignation: Mira Murati");
    let leike = events
        .iter()
        .find(|e| e["group"] == "Jan Leike")
        .expect("Leike's resignation");
    assert_eq!(
        leike["start_date"],
        serde_json::json!({"year": 2024, "month": 5})
    );
}

#[test]
fn the_ics_export_parses_back_with_all_day_events_at_their_precision() {
    use icalendar::{Component as _, DatePerhapsTime};
    let (dir, db) = seed_store();
    // A year-precision event, curated: the extracted seed gives days and months only.
    let curated = dir.path().join("years.csv");
    std::fs::write(
        &curated,
        "date,kind,org,amount,currency\n2015,funding,OpenAI,1000000000,USD\n",
    )
    .expect("csv");
    let (ok, out, err) = run_cli(&["import", "--db", path(&db), path(&curated)]);
    assert!(ok, "{out}{err}");
    let file = dir.path().join("seed.ics");
    export(&db, &["--format", "ics", "--out", path(&file)]);
    let text = std::fs::read_to_string(&file).expect("the .ics file");
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "CRLF lines");
    assert!(text.lines().all(|l| l.len() <= 75), "folded at 75 octets");
    let cal: icalendar::Calendar = text.parse().expect("the .ics parses");
    let events: Vec<&icalendar::Event> = cal.events().collect();
    assert_eq!(events.len(), timeline(&db).len());
    // Each event is found by what it is in the timeline, and its UID is that event's id.
    let stored = timeline(&db);
    let uid_of = |kind: &str, precision: &str, person: Option<&str>| -> String {
        let e = stored
            .iter()
            .find(|e| {
                e["kind"] == kind
                    && e["date"]["precision"] == precision
                    && person.is_none_or(|p| e["persons"][0] == p)
            })
            .unwrap_or_else(|| panic!("no {kind} at {precision} precision for {person:?}"));
        format!("{}@dateline", e["id"].as_str().expect("an id"))
    };
    let days = |uid: String| -> (String, String) {
        let e = events
            .iter()
            .find(|e| e.get_uid() == Some(uid.as_str()))
            .unwrap_or_else(|| panic!("no {uid}"));
        let day = |d: Option<DatePerhapsTime>| match d {
            Some(DatePerhapsTime::Date(d)) => d.to_string(),
            other => panic!("{uid}: not an all-day date: {other:?}"),
        };
        (day(e.get_start()), day(e.get_end()))
    };
    // A day, a month, a year: DTEND is the day after the last.
    assert_eq!(
        days(uid_of("resignation", "day", Some("Mira Murati"))),
        ("2024-09-26".into(), "2024-09-27".into())
    );
    assert_eq!(
        days(uid_of("resignation", "month", Some("Jan Leike"))),
        ("2024-05-01".into(), "2024-06-01".into())
    );
    assert_eq!(
        days(uid_of("funding", "year", None)),
        ("2015-01-01".into(), "2016-01-01".into())
    );
    let murati = events
        .iter()
        .find(|e| e.get_summary() == Some("Resignation: Mira Murati"))
        .expect("Murati's summary");
    let description = murati.get_description().expect("a description");
    assert!(description.contains("CTO, OpenAI"), "{description}");
    assert!(description.contains("mira murati"), "{description}");
}

#[test]
fn csv_and_jsonl_exports_have_one_row_per_event_and_follow_the_filters() {
    let (_dir, db) = seed_store();
    let all = timeline(&db);
    assert!(all.len() >= 5, "{all:?}");
    let csv_text = export(&db, &["--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = reader.headers().expect("a header").clone();
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), all.len());
    for (row, event) in rows.iter().zip(&all) {
        assert_eq!(&row[col("id")], event["id"].as_str().expect("id"));
        let evidence = event["sources"][0]["evidence"]["text"]
            .as_str()
            .expect("evidence");
        assert!(row[col("evidence")].starts_with(evidence), "{row:?}");
        assert_eq!(&row[col("source_titles")], "notizia");
    }
    // Filters as in the web app's URL.
    let murati = export(
        &db,
        &[
            "--format",
            "jsonl",
            "--person",
            "Mira Murati",
            "--kind",
            "resignation",
        ],
    );
    assert_eq!(murati.lines().count(), 1, "{murati}");
    assert!(murati.contains("\"resignation-2024-09-26-mira-murati\""));
    let in_2024 = export(
        &db,
        &["--format", "jsonl", "--from", "2024", "--to", "2024-06"],
    );
    for line in in_2024.lines() {
        let e: serde_json::Value = serde_json::from_str(line).expect("JSON");
        let date = e["date"]["value"].as_str().expect("date");
        assert!(("2024".."2024-07").contains(&date), "{date}");
    }
}

#[test]
fn a_curated_csv_wins_over_extracted_events_and_stays_after_ingests() {
    let (dir, db) = seed_store();
    let csv_file = dir.path().join("curated.csv");
    std::fs::write(
        &csv_file,
        "id,date,kind,persons,org,role,evidence\n\
         resignation-2024-09-26-mira-murati,2024-09-25,resignation,Mira Murati,OpenAI,Chief Technology Officer,\"She told staff on the 25th, US time.\"\n\
         ,2024-11,appointment,Jane Curator,OpenAI,CTO,\n",
    )
    .expect("write the CSV");
    let (ok, out, err) = run_cli(&["import", "--db", path(&db), path(&csv_file)]);
    assert!(ok, "{err}");
    assert!(out.contains("2 curated events imported"), "{out}");
    assert!(out.contains("1 of them decide events already"), "{out}");
    let check = || {
        let all = timeline(&db);
        let murati = all
            .iter()
            .find(|e| e["id"] == "resignation-2024-09-26-mira-murati")
            .expect("Murati's event keeps its id");
        assert_eq!(murati["date"]["value"], "2024-09-25");
        assert_eq!(murati["role"], "Chief Technology Officer");
        assert_eq!(murati["curated"], true);
        assert_eq!(
            murati["alternative_dates"][0]["date"]["value"],
            "2024-09-26"
        );
        assert!(all.iter().any(|e| e["persons"][0] == "Jane Curator"));
    };
    check();
    // Ingesting the story again and importing the same file again change nothing.
    let (ok, _, err) = run_cli(&[
        "ingest",
        "--db",
        path(&db),
        path(&fixture("demo/articles/seed-it.txt")),
    ]);
    assert!(ok, "{err}");
    let (ok, out, _) = run_cli(&["import", "--db", path(&db), path(&csv_file)]);
    assert!(ok && out.contains("unchanged"), "{out}");
    check();

    // A TimelineJS export imports back (its own `dateline` fields) as the same events.
    let tl = dir.path().join("seed.timelinejs.json");
    export(&db, &["--format", "timelinejs", "--out", path(&tl)]);
    let (ok, out, err) = run_cli(&["import", "--db", path(&db), path(&tl)]);
    assert!(ok, "{err}");
    let n = timeline(&db).len();
    assert!(out.contains(&format!("{n} of them decide")), "{out}");
    assert_eq!(timeline(&db).len(), n);
}

#[test]
fn bad_formats_folders_and_import_files_get_clear_errors() {
    let (dir, db) = seed_store();
    let err_of = |args: &[&str]| {
        let (ok, _, err) = run_cli(args);
        assert!(!ok, "{args:?} should fail");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        err
    };
    let db_arg = path(&db);
    let e = err_of(&["export", "--db", db_arg, "--format", "xml"]);
    assert!(e.contains("unknown format \"xml\""), "{e}");
    assert!(e.contains("timelinejs, csv, ics, jsonl"), "{e}");
    // A folder under a file cannot be created.
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").expect("write");
    let under = file.join("site");
    let e = err_of(&["export", "--db", db_arg, "--out", path(&under)]);
    assert!(e.contains("cannot create the folder"), "{e}");
    let e = err_of(&[
        "export",
        "--db",
        db_arg,
        "--format",
        "csv",
        "--out",
        path(&file.join("x.csv")),
    ]);
    assert!(e.contains("is not a folder"), "{e}");
    let e = err_of(&["export", "--db", db_arg, "--person", "nobody"]);
    assert!(e.contains("no person nobody"), "{e}");
    let e = err_of(&[
        "export",
        "--db",
        path(&dir.path().join("missing.db")),
        "--format",
        "csv",
    ]);
    assert!(e.contains("no store at"), "{e}");

    for (name, content, expected) in [
        ("bad.json", "{\"events\": [", "not valid JSON"),
        ("bad2.json", "{\"title\": {}}", "no \"events\" array"),
        (
            "bad.csv",
            "date,kind,persons\n2024-02-30,resignation,Ann Lee\n",
            "line 2: invalid date",
        ),
        ("bad2.csv", "when,what\n2024,x\n", "no \"date\" column"),
    ] {
        let f = dir.path().join(name);
        std::fs::write(&f, content).expect("write");
        let e = err_of(&["import", "--db", db_arg, path(&f)]);
        assert!(e.contains(expected), "{name}: {e}");
    }
    let e = err_of(&["import", "--db", db_arg, path(&dir.path().join("none.csv"))]);
    assert!(e.contains("cannot read"), "{e}");
}
