//! The `dateline` CLI on the seed story and on bad input.

use dateline_e2e::{fixture, run_cli};

fn events_of(json: &str) -> Vec<serde_json::Value> {
    let doc: serde_json::Value = serde_json::from_str(json).expect("extract prints JSON");
    doc["events"].as_array().expect("an events array").clone()
}

#[test]
fn extract_reads_the_seed_with_its_header_date() {
    let seed = fixture("demo/articles/seed-it.txt");
    let (ok, out, err) = run_cli(&["extract", seed.to_str().unwrap()]);
    assert!(ok, "{err}");
    let events = events_of(&out);
    let murati = events
        .iter()
        .find(|e| e["persons"] == serde_json::json!(["Mira Murati"]))
        .expect("Mira Murati's resignation");
    assert_eq!(murati["kind"], "resignation");
    // "ieri" in an article published 2024-09-27.
    assert_eq!(murati["date"]["value"], "2024-09-26");
    assert_eq!(murati["date"]["precision"], "day");
    assert_eq!(murati["role"], "CTO");
    assert_eq!(murati["org"], "OpenAI");
    let text = std::fs::read_to_string(&seed).unwrap();
    let (start, end) = (
        murati["evidence"]["start"].as_u64().unwrap() as usize,
        murati["evidence"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        &text[start..end],
        murati["evidence"]["text"].as_str().unwrap()
    );
    // "a maggio" in a September article: this year's May.
    let leike = events
        .iter()
        .find(|e| e["persons"] == serde_json::json!(["Jan Leike"]))
        .expect("Jan Leike's resignation");
    assert_eq!(leike["date"]["value"], "2024-05");
    assert_eq!(leike["date"]["precision"], "month");
}

#[test]
fn extract_fails_clearly_without_a_date_or_on_binary_input() {
    let dir = tempfile::tempdir().unwrap();
    let undated = dir.path().join("undated.txt");
    std::fs::write(&undated, "Yesterday Jane Doe resigned as CEO of Acme.").unwrap();
    let (ok, _, err) = run_cli(&["extract", undated.to_str().unwrap()]);
    assert!(!ok);
    assert!(err.contains("no publication date"), "{err}");
    let (ok, out, err) = run_cli(&[
        "extract",
        "--published",
        "2024-03-15",
        undated.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    assert_eq!(events_of(&out)[0]["date"]["value"], "2024-03-14");

    let binary = dir.path().join("binary.txt");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x01]).unwrap();
    let (ok, _, err) = run_cli(&[
        "extract",
        "--published",
        "2024-03-15",
        binary.to_str().unwrap(),
    ]);
    assert!(!ok);
    assert!(err.contains("not UTF-8"), "{err}");
    let (ok, _, err) = run_cli(&[
        "extract",
        "--published",
        "2024-02-30",
        undated.to_str().unwrap(),
    ]);
    assert!(!ok);
    assert!(err.contains("invalid date"), "{err}");
}

#[test]
fn reextract_catches_a_store_up_and_fails_clearly_without_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("t.db");
    let db = db.to_str().unwrap();
    let seed = fixture("demo/articles/seed-it.txt");
    let (ok, _, err) = run_cli(&["ingest", "--db", db, seed.to_str().unwrap()]);
    assert!(ok, "{err}");
    let (ok, out, err) = run_cli(&["reextract", "--db", db]);
    assert!(ok, "{err}");
    assert!(out.contains("re-extracted 1 articles (0 kept"), "{out}");
    let missing = dir.path().join("none.db");
    let (ok, _, err) = run_cli(&["reextract", "--db", missing.to_str().unwrap()]);
    assert!(!ok && err.contains("no store"), "{err}");
}
