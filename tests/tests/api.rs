//! The real binary on a loopback port: ingest over HTTP, read the timeline back, bad input.

use dateline_e2e::{Server, fixture};

#[test]
fn posting_the_seed_gives_murati_on_2024_09_26_and_reposting_is_a_no_op() {
    let server = Server::start(&[]);
    let text = std::fs::read_to_string(fixture("demo/articles/seed-it.txt")).unwrap();
    let article = serde_json::json!({ "text": text, "lang": "it" }).to_string();
    let (status, body) = server.request(
        "POST",
        "/api/articles",
        Some("application/json"),
        article.as_bytes(),
    );
    assert_eq!(status, 201, "{body}");
    let again = serde_json::json!({ "text": text }).to_string();
    let (status, _) = server.request(
        "POST",
        "/api/articles",
        Some("application/json"),
        again.as_bytes(),
    );
    assert_eq!(status, 200, "the same text again changes nothing");

    let doc = server.get_json("/api/timeline.json");
    assert_eq!(doc["title"], "Test story");
    assert_eq!(doc["sources"].as_array().unwrap().len(), 1);
    let events = doc["events"].as_array().unwrap();
    let murati = events
        .iter()
        .find(|e| {
            e["person_ids"] == serde_json::json!(["mira-murati"]) && e["kind"] == "resignation"
        })
        .expect("Mira Murati's resignation in the timeline");
    assert_eq!(murati["date"]["value"], "2024-09-26");
    // Events come in date order.
    let dates: Vec<&str> = events
        .iter()
        .map(|e| e["date"]["value"].as_str().unwrap())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);

    // The same event through the events API, filtered by person, with its source.
    let page = server.get_json("/api/events?person=mira-murati&kind=resignation");
    let listed = &page["events"][0];
    assert_eq!(listed["date"]["value"], "2024-09-26");
    assert_eq!(listed["id"], murati["id"]);
    let id = listed["id"].as_str().unwrap();
    let detail = server.get_json(&format!("/api/events/{id}"));
    assert_eq!(detail["sources"].as_array().unwrap().len(), 1);
    let evidence = detail["sources"][0]["evidence"]["text"].as_str().unwrap();
    assert!(evidence.contains("murati"), "{evidence}");
    assert_eq!(detail["articles"][0]["lang"], "it");
    let people = server.get_json("/api/people");
    assert!(
        people
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["id"] == "mira-murati" && p["event_count"].as_u64() >= Some(1))
    );
    let articles = server.get_json("/api/articles");
    assert_eq!(articles.as_array().unwrap().len(), 1);
    let openapi = server.get_json("/api/openapi.json");
    assert!(openapi["paths"]["/api/events"]["get"].is_object());
}

#[test]
fn with_a_token_writes_need_it_and_corrections_survive_reposting() {
    let server = Server::start_with(&[], &["--token", "t0ken", "--cors-origin", "*"]);
    let text = std::fs::read_to_string(fixture("demo/articles/seed-it.txt")).unwrap();
    let (status, body) =
        server.request("POST", "/api/articles", Some("text/plain"), text.as_bytes());
    assert_eq!(status, 401, "{body}");
    let auth = [("Authorization", "Bearer t0ken")];
    let (status, body) = server.request_with(
        "POST",
        "/api/articles",
        Some("text/plain"),
        &auth,
        text.as_bytes(),
    );
    assert_eq!(status, 201, "{body}");
    let page = server.get_json("/api/events?person=mira-murati&kind=resignation");
    let id = page["events"][0]["id"].as_str().unwrap().to_string();
    let patch = br#"{"date": "2024-09-25"}"#;
    let path = format!("/api/events/{id}");
    let (status, _) = server.request("PATCH", &path, Some("application/json"), patch);
    assert_eq!(status, 401);
    let (status, body) =
        server.request_with("PATCH", &path, Some("application/json"), &auth, patch);
    assert_eq!(status, 200, "{body}");
    let (status, _) = server.request_with(
        "POST",
        "/api/articles",
        Some("text/plain"),
        &auth,
        text.as_bytes(),
    );
    assert_eq!(status, 200);
    assert_eq!(server.get_json(&path)["date"]["value"], "2024-09-25");
    assert_eq!(server.get_json(&path)["corrected"], true);
    // text/plain is taken with the token; binary text is refused.
    let (s, b) = server.request_with(
        "POST",
        "/api/articles?published=2024-01-01",
        Some("text/plain"),
        &auth,
        &[0xff, 0xfe, 0x41],
    );
    assert_eq!(s, 422);
    assert!(b.contains("not UTF-8"), "{b}");
}

#[test]
fn cross_origin_write_is_refused() {
    let server = Server::start(&[]);
    // The audit's repro: a page elsewhere posts a curated CSV as text/plain (no preflight).
    let csv = b"date,kind,persons\n2024-01-01,resignation,Jane Doe\n";
    let (s, b) = server.request_with(
        "POST",
        "/api/import?name=x",
        Some("text/plain;charset=UTF-8"),
        &[("Origin", "https://evil.example")],
        csv,
    );
    assert_eq!(s, 403, "{b}");
    assert!(b.contains("cross-origin"), "{b}");
    // DNS rebinding: another name for this address.
    let (s, b) = server.request_with(
        "POST",
        "/api/import?name=x",
        Some("text/csv"),
        &[("Host", "rebind.example")],
        csv,
    );
    assert_eq!(s, 403, "{b}");
    let doc = server.get_json("/api/timeline.json");
    assert!(doc["events"].as_array().unwrap().is_empty());
    // Its own origin, and clients that send no Origin, may write.
    let own = format!("http://{}", server.authority());
    let (s, b) = server.request_with(
        "POST",
        "/api/import?name=x",
        Some("text/csv"),
        &[("Origin", own.as_str())],
        csv,
    );
    assert_eq!(s, 201, "{b}");
}

#[test]
fn bad_input_gets_a_json_error_and_loses_nothing() {
    let server = Server::start(&[]);
    let json = |status: u16, body: &str| {
        let v: serde_json::Value =
            serde_json::from_str(body).unwrap_or_else(|_| panic!("{status}: not JSON: {body}"));
        v["error"]
            .as_str()
            .unwrap_or_else(|| panic!("no error field: {body}"))
            .to_string()
    };
    let (s, b) = server.request(
        "POST",
        "/api/articles",
        Some("application/json"),
        b"{\"text\": ",
    );
    assert_eq!(s, 400);
    assert!(json(s, &b).contains("malformed JSON"));
    let (s, b) = server.request(
        "POST",
        "/api/articles",
        Some("application/json"),
        b"{\"text\": \"  \", \"published\": \"2024-01-01\"}",
    );
    assert_eq!(s, 422);
    assert!(json(s, &b).contains("empty"));
    let (s, b) = server.request(
        "POST",
        "/api/articles",
        Some("application/json"),
        b"{\"text\": \"Jane Doe resigned.\", \"published\": \"2024-02-31\"}",
    );
    assert_eq!(s, 422);
    assert!(json(s, &b).contains("invalid date"));
    let (s, b) = server.request(
        "POST",
        "/api/articles?published=2024-01-01",
        Some("text/plain"),
        b"Jane Doe resigned.",
    );
    assert_eq!(s, 415, "text/plain only with a token");
    assert!(json(s, &b).contains("--token"));
    let (s, b) = server.request(
        "POST",
        "/api/articles",
        Some("application/json"),
        b"{\"text\": \"\xff\xfe\", \"published\": \"2024-01-01\"}",
    );
    assert_eq!(s, 400, "{b}");
    json(s, &b);
    let (s, b) = server.request(
        "POST",
        "/api/articles",
        Some("application/json"),
        b"{\"text\": \"Jane Doe resigned.\", \"published\": \"2024-01-01\", \"lang\": \"xx\"}",
    );
    assert_eq!(s, 422);
    assert!(json(s, &b).contains("unknown language"));
    let huge = vec![b'a'; 6 * 1024 * 1024];
    let (s, b) = server.request(
        "POST",
        "/api/articles?published=2024-01-01",
        Some("text/plain"),
        &huge,
    );
    assert_eq!(s, 413);
    assert!(json(s, &b).contains("over the limit"));
    let (s, b) = server.request("POST", "/api/articles", Some("image/png"), b"x");
    assert_eq!(s, 415);
    json(s, &b);
    // Nothing of the above reached the store.
    let doc = server.get_json("/api/timeline.json");
    assert!(doc["sources"].as_array().unwrap().is_empty());
    assert!(doc["events"].as_array().unwrap().is_empty());
}

/// Issue 16: the real binary serves several stories from one store: `GET /api/timelines`
/// lists them, `?timeline=` picks one on reads and writes, an unknown one is a JSON 404.
#[test]
fn stories_are_listed_and_picked_with_timeline_and_unknown_ones_are_404() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let db_str = db.to_str().unwrap();
    for (story, file) in [("acme", "acme-en.txt"), ("zenith", "zenith-en.txt")] {
        let f = fixture(&format!("tests/fixtures/stories/{file}"));
        let (ok, _, err) = dateline_e2e::run_cli(&[
            "ingest",
            "--db",
            db_str,
            "--timeline",
            story,
            f.to_str().unwrap(),
        ]);
        assert!(ok, "{err}");
    }
    let server = Server::start_on(&db, &[]);
    let list = server.get_json("/api/timelines");
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["acme", "default", "zenith"]);
    assert_eq!(list[2]["events"], 2);
    assert_eq!(list[2]["from"], "2021-06-09");
    let zenith = server.get_json("/api/timeline.json?timeline=zenith");
    assert_eq!(zenith["title"], "zenith");
    assert!(zenith.to_string().contains("Omar Castell"));
    assert!(!zenith.to_string().contains("Whitfield"));
    // A write to one story, seen there only.
    let article = serde_json::json!({
        "text": "Zenith appointed Jane Doe as CEO in July.",
        "published": "2021-07-02",
    })
    .to_string();
    let (status, body) = server.request(
        "POST",
        "/api/articles?timeline=zenith",
        Some("application/json"),
        article.as_bytes(),
    );
    assert_eq!(status, 201, "{body}");
    let people = server.get_json("/api/people?timeline=zenith").to_string();
    assert!(people.contains("Jane Doe"), "{people}");
    assert!(
        !server
            .get_json("/api/people?timeline=acme")
            .to_string()
            .contains("Jane Doe")
    );
    for path in [
        "/api/timeline.json?timeline=nope",
        "/api/events?timeline=nope",
        "/api/events/x?timeline=nope",
        "/api/export.csv?timeline=nope",
    ] {
        let (status, body) = server.request("GET", path, None, b"");
        assert_eq!(status, 404, "{path}");
        let json: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(json["error"], "no timeline \"nope\"", "{path}");
    }
    let (status, body) = server.request(
        "POST",
        "/api/articles?timeline=nope",
        Some("application/json"),
        article.as_bytes(),
    );
    assert_eq!(status, 404, "{body}");
}
