//! Issue 16: several stories (timelines) in one store, through the CLI: `--timeline` on
//! ingest, import, reextract and export, `dateline timelines` to list, rename and delete,
//! and `export --all`.

use dateline_e2e::{fixture, run_cli};
use std::path::Path;

fn p(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

fn timelines(db: &str) -> Vec<serde_json::Value> {
    let (ok, out, err) = run_cli(&["timelines", "--db", db, "list", "--json"]);
    assert!(ok, "{err}");
    serde_json::from_str(&out).expect("a JSON array")
}

fn story<'a>(all: &'a [serde_json::Value], id: &str) -> &'a serde_json::Value {
    all.iter()
        .find(|t| t["id"] == id)
        .unwrap_or_else(|| panic!("no story {id} in {all:?}"))
}

#[test]
fn stories_are_ingested_listed_renamed_exported_and_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let db = p(&db);
    let acme_en = fixture("tests/fixtures/stories/acme-en.txt");
    let acme_it = fixture("tests/fixtures/stories/acme-it.txt");
    let zenith = fixture("tests/fixtures/stories/zenith-en.txt");
    let (ok, out, err) = run_cli(&[
        "ingest",
        "--db",
        db,
        "--timeline",
        "acme",
        p(&acme_en),
        p(&acme_it),
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("the timeline \"acme\""), "{out}");
    let (ok, _, err) = run_cli(&["ingest", "--db", db, "--timeline", "zenith", p(&zenith)]);
    assert!(ok, "{err}");
    // A bad name is refused before anything is read.
    let (ok, _, err) = run_cli(&["ingest", "--db", db, "--timeline", "Big News", p(&zenith)]);
    assert!(!ok && err.contains("not a timeline name"), "{err}");
    // The same text in a second story is rejected with the story that holds it.
    let (ok, _, err) = run_cli(&["ingest", "--db", db, p(&zenith)]);
    assert!(
        !ok && err.contains("already stored in the timeline \"zenith\""),
        "{err}"
    );

    let all = timelines(db);
    assert_eq!(all.len(), 3, "{all:?}");
    let acme = story(&all, "acme");
    // The English and the Italian report of one resignation merge within the story.
    assert_eq!(acme["articles"], 2);
    assert_eq!(acme["events"], 1, "{acme}");
    assert_eq!(acme["from"], "2023-03-01");
    assert_eq!(acme["people"][0]["name"], "Dana Whitfield");
    assert_eq!(story(&all, "default")["articles"], 0);
    let (ok, table, _) = run_cli(&["timelines", "--db", db]);
    assert!(ok);
    assert!(
        table.lines().any(|l| l.starts_with("zenith\t1\t")),
        "{table}"
    );

    // A curated import into one story.
    let csv = dir.path().join("extra.csv");
    std::fs::write(
        &csv,
        "date,kind,persons\n2023-04-01,appointment,Rowan Pike\n",
    )
    .unwrap();
    let (ok, _, err) = run_cli(&["import", "--db", db, "--timeline", "acme", p(&csv)]);
    assert!(ok, "{err}");
    assert_eq!(story(&timelines(db), "acme")["events"], 2);
    assert_eq!(story(&timelines(db), "zenith")["events"], 2);

    // Rename with a title; the old name is gone.
    let (ok, said, err) = run_cli(&[
        "timelines",
        "--db",
        db,
        "rename",
        "acme",
        "acme-2023",
        "--title",
        "Acme's new chief",
    ]);
    assert!(ok, "{err}");
    assert_eq!(
        said,
        "renamed the timeline \"acme\" to \"acme-2023\"\ntitled the timeline \"acme-2023\" \"Acme's new chief\"\n"
    );
    // A title alone is no rename.
    let (ok, said, err) = run_cli(&[
        "timelines",
        "--db",
        db,
        "rename",
        "zenith",
        "--title",
        "Zenith",
    ]);
    assert!(ok, "{err}");
    assert_eq!(said, "titled the timeline \"zenith\" \"Zenith\"\n");
    let all = timelines(db);
    assert_eq!(story(&all, "acme-2023")["title"], "Acme's new chief");
    assert!(all.iter().all(|t| t["id"] != "acme"));
    let (ok, _, err) = run_cli(&["timelines", "--db", db, "rename", "zenith", "acme-2023"]);
    assert!(!ok && err.contains("already a timeline"), "{err}");

    // Reextract one story, or an unknown one.
    let (ok, out, err) = run_cli(&["reextract", "--db", db, "--timeline", "acme-2023"]);
    assert!(ok, "{err}");
    assert!(out.contains("re-extracted 2 articles"), "{out}");
    let (ok, _, err) = run_cli(&["reextract", "--db", db, "--timeline", "nope"]);
    assert!(!ok && err.contains("no timeline \"nope\""), "{err}");

    // Export one story: its events only, under its title.
    let jsonl = run_cli(&[
        "export",
        "--db",
        db,
        "--timeline",
        "zenith",
        "--format",
        "jsonl",
    ]);
    assert!(jsonl.0, "{}", jsonl.2);
    assert_eq!(jsonl.1.lines().count(), 2);
    assert!(!jsonl.1.contains("Whitfield"));
    let (ok, _, err) = run_cli(&[
        "export",
        "--db",
        db,
        "--timeline",
        "nope",
        "--format",
        "csv",
    ]);
    assert!(!ok && err.contains("no timeline \"nope\""), "{err}");

    // Delete a story: its articles go, the others stay; its text may go elsewhere then.
    let (ok, out, err) = run_cli(&["timelines", "--db", db, "delete", "zenith"]);
    assert!(ok, "{err}");
    assert!(out.contains("(1 articles)"), "{out}");
    let all = timelines(db);
    assert_eq!(all.len(), 2);
    assert_eq!(story(&all, "acme-2023")["events"], 2);
    let (ok, _, err) = run_cli(&["timelines", "--db", db, "delete", "zenith"]);
    assert!(!ok && err.contains("no timeline \"zenith\""), "{err}");
    let (ok, _, err) = run_cli(&["ingest", "--db", db, p(&zenith)]);
    assert!(ok, "{err}");
    assert_eq!(story(&timelines(db), "default")["articles"], 1);
}

#[test]
fn export_all_writes_a_folder_per_story_and_an_index() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let db = p(&db);
    for (story, file) in [("acme", "acme-en.txt"), ("zenith", "zenith-en.txt")] {
        let f = fixture(&format!("tests/fixtures/stories/{file}"));
        let (ok, _, err) = run_cli(&["ingest", "--db", db, "--timeline", story, p(&f)]);
        assert!(ok, "{err}");
    }
    let (ok, _, err) = run_cli(&[
        "timelines",
        "--db",
        db,
        "rename",
        "zenith",
        "--title",
        "Zenith <Labs>",
    ]);
    assert!(ok, "{err}");
    let out = dir.path().join("site");
    let (ok, _, err) = run_cli(&["export", "--db", db, "--all", "--out", p(&out)]);
    if !ok && err.contains("built without the web app") {
        panic!("the binary under test has no web app: build it with `cargo xtask build` ({err})");
    }
    assert!(ok, "{err}");
    for story in ["acme", "zenith"] {
        let doc: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(out.join(story).join("timeline.json")).unwrap(),
        )
        .unwrap();
        assert!(!doc["events"].as_array().unwrap().is_empty());
        assert!(out.join(story).join("index.html").is_file());
    }
    let zenith: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("zenith/timeline.json")).unwrap())
            .unwrap();
    assert_eq!(zenith["title"], "Zenith <Labs>");
    let page = std::fs::read_to_string(out.join("zenith/index.html")).unwrap();
    assert!(
        page.contains("<title>Zenith &lt;Labs&gt;</title>"),
        "the page title is the story's"
    );
    // The empty default story gets no folder; the index links both stories.
    assert!(!out.join("default").exists());
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("href=\"acme/\"") && index.contains("href=\"zenith/\""));
    assert!(index.contains("Zenith &lt;Labs&gt;") && !index.contains("<Labs>"));
    assert!(index.contains("Omar Castell"), "the people most present");
    // --all is for sites and conflicts with one story.
    let (ok, _, err) = run_cli(&[
        "export",
        "--db",
        db,
        "--all",
        "--format",
        "csv",
        "--out",
        p(&out),
    ]);
    assert!(!ok && err.contains("--format site"), "{err}");
    let (ok, _, _) = run_cli(&[
        "export",
        "--db",
        db,
        "--all",
        "--timeline",
        "acme",
        "--out",
        p(&out),
    ]);
    assert!(!ok);
}

/// Issue 16: the demo's Apple story merges one event told in three languages, and each
/// source carries its credit (CC BY attribution) for the app to show.
#[test]
fn the_demo_apple_story_merges_across_languages_with_credits() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let db = p(&db);
    let apple = fixture("demo/apple");
    let (ok, _, err) = run_cli(&["ingest", "--db", db, "--timeline", "apple", p(&apple)]);
    assert!(ok, "{err}");
    let (ok, out, err) = run_cli(&[
        "export",
        "--db",
        db,
        "--timeline",
        "apple",
        "--format",
        "jsonl",
    ]);
    assert!(ok, "{err}");
    let site = dir.path().join("site");
    let (ok, _, err) = run_cli(&[
        "export",
        "--db",
        db,
        "--timeline",
        "apple",
        "--out",
        p(&site),
    ]);
    assert!(ok, "{err}");
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(site.join("timeline.json")).unwrap())
            .unwrap();
    let sources = doc["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 6);
    assert!(
        sources
            .iter()
            .all(|s| s["credit"].as_str().unwrap_or("").contains("CC BY")),
        "{sources:?}"
    );
    let lang_of = |id: &str| {
        sources
            .iter()
            .find(|s| s["id"] == id)
            .map(|s| s["lang"].as_str().unwrap().to_string())
    };
    let merged = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|e| {
            e["kind"] == "resignation" && e["persons"] == serde_json::json!(["Mark Papermaster"])
        })
        .expect("Papermaster's departure");
    let mut langs: Vec<String> = merged["sources"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| lang_of(s["article_id"].as_str().unwrap()))
        .collect();
    langs.sort();
    assert_eq!(
        langs,
        ["en", "es", "it"],
        "one event, three sources in three languages"
    );
}
