//! The router through `tower::ServiceExt::oneshot` over a store in a temporary directory:
//! every route, its errors and limits, the guards, the cache.

use super::security::*;
use super::*;
use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt as _;
use tower::ServiceExt as _;

/// A router over a fresh store in a temporary directory (kept alive by the caller).
fn app_with(config: ServeConfig) -> (Router, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::open(&dir.path().join("test.db"), config).unwrap();
    (app(state), dir)
}

fn test_config() -> ServeConfig {
    ServeConfig {
        title: "Test".into(),
        cache_bytes: 1 << 20,
        ..ServeConfig::default()
    }
}

fn test_app() -> (Router, tempfile::TempDir) {
    app_with(test_config())
}

async fn call(app: &Router, req: Request<Body>) -> (StatusCode, serde_json::Value) {
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null),
    )
}

fn get(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).unwrap()
}

fn post_json(body: &str) -> Request<Body> {
    Request::post("/api/articles")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap()
}

fn patch(id: &str, body: &str) -> Request<Body> {
    Request::patch(format!("/api/events/{id}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap()
}

const JANE: &str = r#"{"text": "Acme appointed Jane Doe as CEO in May.", "published": "2024-09-27", "title": "Acme news"}"#;
const JANE_AGAIN: &str = r#"{"text": "On May 14, Acme appointed Jane Doe as its chief executive.", "published": "2024-09-28", "url": "https://example.com/b"}"#;

#[tokio::test]
async fn a_posted_article_is_in_the_timeline() {
    let (app, _dir) = test_app();
    let (status, body) = call(&app, post_json(JANE)).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["events"][0]["persons"][0], "Jane Doe");
    let (status, _) = call(&app, post_json(JANE)).await;
    assert_eq!(status, StatusCode::OK);

    let (status, doc) = call(&app, get("/api/timeline.json")).await;
    assert_eq!(status, StatusCode::OK);
    let typed: dateline_api::TimelineDocument = serde_json::from_value(doc.clone()).unwrap();
    assert_eq!(typed.events.len(), 1);
    assert_eq!(doc["title"], "Test");
    assert_eq!(doc["events"][0]["date"]["value"], "2024-05");
    assert_eq!(doc["people"][0]["id"], "jane-doe");
    assert_eq!(doc["sources"][0]["title"], "Acme news");
}

#[tokio::test]
async fn two_articles_merge_into_one_event_listed_with_every_source() {
    let (app, _dir) = test_app();
    let (_, first) = call(&app, post_json(JANE)).await;
    let (status, second) = call(&app, post_json(JANE_AGAIN)).await;
    assert_eq!(status, StatusCode::CREATED, "{second}");
    let id = first["timeline_event_ids"][0].as_str().unwrap().to_string();
    assert_eq!(second["timeline_event_ids"][0], id.as_str());

    let (status, by_name) = call(&app, get("/api/events?person=Jane%20Doe")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(by_name["events"].as_array().unwrap().len(), 1);
    let (status, page) = call(&app, get("/api/events?person=jane-doe")).await;
    assert_eq!(status, StatusCode::OK);
    let page: dateline_api::EventPage = serde_json::from_value(page).unwrap();
    assert_eq!(page.events.len(), 1);
    assert_eq!(
        page.events[0].date.value, "2024-05-14",
        "the finer date wins"
    );
    assert_eq!(page.next_cursor, None);

    let (status, detail) = call(&app, get(&format!("/api/events/{id}"))).await;
    assert_eq!(status, StatusCode::OK);
    let detail: dateline_api::EventDetail = serde_json::from_value(detail).unwrap();
    assert_eq!(detail.event.sources.len(), 2);
    assert_eq!(detail.articles.len(), 2);
    assert!(
        detail
            .articles
            .iter()
            .any(|a| a.url.as_deref() == Some("https://example.com/b"))
    );

    let (_, people) = call(&app, get("/api/people")).await;
    assert_eq!(people[0]["id"], "jane-doe");
    assert_eq!(people[0]["event_count"], 1);
    let (_, articles) = call(&app, get("/api/articles")).await;
    assert_eq!(articles.as_array().unwrap().len(), 2);
    assert_eq!(articles[0]["event_count"], 1);

    let (status, _) = call(&app, get("/api/events/no-such-event")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn cache_key_size_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let max = 256 * 1024;
    let state = AppState::open(
        &dir.path().join("test.db"),
        ServeConfig {
            cache_bytes: max,
            ..ServeConfig::default()
        },
    )
    .unwrap();
    let app = app(state.clone());
    let cache = state.inner.cache.as_ref().unwrap();
    let stats = || {
        let e = cache.entries.lock().unwrap();
        (e.map.len(), e.bytes)
    };
    // Long keys with tiny bodies: the keys count against the limit.
    let long = "z".repeat(20_000);
    for i in 0..100 {
        let (status, _) = call(&app, get(&format!("/api/events?person={long}{i}"))).await;
        assert_eq!(status, StatusCode::OK);
        let (_, bytes) = stats();
        assert!(bytes <= max, "{bytes} bytes cached over a limit of {max}");
    }
    // Parameters a route does not read make no entries, and order does not matter.
    for i in 0..50 {
        call(&app, get(&format!("/api/people?junk={i}"))).await;
        call(&app, get(&format!("/api/articles?junk={i}"))).await;
        call(&app, get(&format!("/api/timeline.json?v={i}"))).await;
    }
    let before = stats().0;
    call(&app, get("/api/events?kind=appointment&limit=5")).await;
    call(&app, get("/api/events?limit=5&kind=appointment")).await;
    call(
        &app,
        get("/api/events?limit=5&kind=appointment&q=Doe%20%20jane"),
    )
    .await;
    call(&app, get("/api/events?q=jane+doe&limit=5&kind=appointment")).await;
    let after = stats().0;
    assert!(after <= before + 2, "{after} entries from {before}");
    // Many small distinct entries stop at the entry cap.
    let big = AppState::open(
        &dir.path().join("test.db"),
        ServeConfig {
            cache_bytes: 1 << 30,
            ..ServeConfig::default()
        },
    )
    .unwrap();
    let big_app = super::app(big.clone());
    for i in 0..(MAX_CACHE_ENTRIES + 10) {
        call(&big_app, get(&format!("/api/events?person=p{i}"))).await;
    }
    let n = big
        .inner
        .cache
        .as_ref()
        .unwrap()
        .entries
        .lock()
        .unwrap()
        .map
        .len();
    assert!(n <= MAX_CACHE_ENTRIES, "{n} entries");
}

#[tokio::test]
async fn cached_reads_follow_writes_from_other_processes() {
    let (app, dir) = test_app();
    let (_, page) = call(&app, get("/api/events")).await;
    assert!(page["events"].as_array().unwrap().is_empty());
    // Another writer on the same file, as `dateline ingest` would be.
    let article: NewArticle = serde_json::from_str(JANE).unwrap();
    let mut other = Store::open(&dir.path().join("test.db")).unwrap();
    let meta = ArticleMeta {
        title: None,
        url: None,
        credit: None,
    };
    other
        .ingest(
            store::DEFAULT_TIMELINE,
            &article.text,
            &meta,
            &article.extract().unwrap(),
        )
        .unwrap();
    let (_, page) = call(&app, get("/api/events")).await;
    assert_eq!(page["events"].as_array().unwrap().len(), 1);
    // And our own writes.
    call(&app, post_json(JANE_AGAIN)).await;
    let (_, page) = call(&app, get("/api/events")).await;
    assert_eq!(page["events"][0]["sources"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn exports_in_every_format_follow_the_filters_and_check_them() {
    let (app, _dir) = test_app();
    call(&app, post_json(JANE)).await;
    for (path, content_type, needle) in [
        (
            "/api/export.timelinejs.json",
            "application/json",
            "\"unique_id\"",
        ),
        (
            "/api/export.csv",
            "text/csv; charset=utf-8",
            "Appointment: Jane Doe",
        ),
        (
            "/api/export.ics",
            "text/calendar; charset=utf-8",
            "DTSTART;VALUE=DATE:20240501",
        ),
        (
            "/api/export.jsonl",
            "application/x-ndjson",
            "\"person_ids\":[\"jane-doe\"]",
        ),
    ] {
        let res = app.clone().oneshot(get(path)).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert_eq!(res.headers()[header::CONTENT_TYPE], content_type, "{path}");
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        let body = String::from_utf8_lossy(&bytes);
        assert!(body.contains(needle), "{path}: {body}");
    }
    let (status, tl) = call(
        &app,
        get("/api/export.timelinejs.json?person=Jane%20Doe&kind=appointment,resignation&from=2024"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(tl["events"].as_array().unwrap().len(), 1);
    assert_eq!(tl["events"][0]["group"], "Jane Doe");
    let (_, tl) = call(&app, get("/api/export.timelinejs.json?person=nobody")).await;
    assert!(tl["events"].as_array().unwrap().is_empty());
    let (_, tl) = call(&app, get("/api/export.timelinejs.json?to=2023-12")).await;
    assert!(tl["events"].as_array().unwrap().is_empty());
    for bad in [
        "/api/export.csv?kind=party",
        "/api/export.csv?from=2024-02-30",
        "/api/export.ics?colour=red",
    ] {
        let (status, body) = call(&app, get(bad)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {body}");
        assert!(body["error"].is_string(), "{bad}: {body}");
    }
    let (status, _) = call(&app, get("/api/export.xml")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn curated_events_are_imported_over_the_api_and_win() {
    let (app, _dir) = test_app();
    let (_, first) = call(&app, post_json(JANE)).await;
    let id = first["timeline_event_ids"][0].as_str().unwrap().to_string();
    let import = |ct: &str, body: String| {
        Request::post("/api/import?name=desk.csv")
            .header(header::CONTENT_TYPE, ct)
            .body(Body::from(body))
            .unwrap()
    };
    let csv = format!("id,date,kind,persons,role\n{id},2024-05-02,appointment,Jane Doe,CEO\n");
    let (status, out) = call(&app, import("text/csv", csv.clone())).await;
    assert_eq!(status, StatusCode::CREATED, "{out}");
    assert_eq!(out["joined"], 1);
    let (status, out) = call(&app, import("text/csv", csv)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(out["unchanged"], true);
    let (_, doc) = call(&app, get("/api/timeline.json")).await;
    assert_eq!(doc["events"][0]["date"]["value"], "2024-05-02");
    assert_eq!(doc["events"][0]["curated"], true);
    for (ct, body, status) in [
        (
            "text/csv",
            "date,kind\n2024-13,resignation\n",
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "application/json",
            "{\"events\": 1}",
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "application/xml",
            "<x/>",
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
    ] {
        let (s, b) = call(&app, import(ct, body.to_string())).await;
        assert_eq!(s, status, "{body}: {b}");
        assert!(b["error"].is_string(), "{b}");
    }
}

#[tokio::test]
async fn a_panic_in_a_handler_is_a_500_without_details() {
    let (app, _dir) = test_app();
    let res = app.oneshot(get("/api/test-panic")).await.unwrap();
    assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let body = String::from_utf8_lossy(&bytes);
    assert_eq!(body, r#"{"error":"internal error"}"#);
}

#[tokio::test]
async fn event_queries_are_checked() {
    let (app, _dir) = test_app();
    for bad in [
        "/api/events?limit=0",
        "/api/events?limit=x",
        "/api/events?kind=party",
        "/api/events?from=2024-02-30",
        "/api/events?cursor=nope",
        "/api/events?colour=red",
    ] {
        let (status, body) = call(&app, get(bad)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {body}");
        assert!(body["error"].is_string(), "{bad}: {body}");
    }
    let (status, body) = call(
        &app,
        get("/api/events?kind=appointment&from=2024&to=2024-12&q=doe&limit=5"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = call(&app, get("/api/nothing-here")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body["error"].is_string());
    let delete = Request::delete("/api/events").body(Body::empty()).unwrap();
    let (status, body) = call(&app, delete).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(body["error"].as_str().unwrap().contains("DELETE"));
}

#[tokio::test]
async fn a_correction_survives_reposting_and_more_sources() {
    let (app, _dir) = test_app();
    let (_, first) = call(&app, post_json(JANE)).await;
    let id = first["timeline_event_ids"][0].as_str().unwrap().to_string();
    let (status, e) = call(
        &app,
        patch(&id, r#"{"date": "2024-05-02", "persons": ["Jane A. Doe"]}"#),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{e}");
    assert_eq!(e["corrected"], true);
    call(&app, post_json(JANE)).await;
    call(&app, post_json(JANE_AGAIN)).await;
    let (_, doc) = call(&app, get("/api/timeline.json")).await;
    assert_eq!(doc["events"].as_array().unwrap().len(), 1);
    assert_eq!(doc["events"][0]["date"]["value"], "2024-05-02");
    assert_eq!(doc["events"][0]["person_ids"][0], "jane-a-doe");
    assert_eq!(doc["events"][0]["sources"].as_array().unwrap().len(), 2);

    let (status, _) = call(&app, patch(&id, r#"{"hidden": true}"#)).await;
    assert_eq!(status, StatusCode::OK);
    let (_, page) = call(&app, get("/api/events")).await;
    assert!(page["events"].as_array().unwrap().is_empty());
    let (_, detail) = call(&app, get(&format!("/api/events/{id}"))).await;
    assert_eq!(detail["hidden"], true);

    for (body, status) in [
        (
            r#"{"date": "2024-02-30"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            r#"{"date": {"value": "2024", "precision": "day", "approx": false}}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (r#"{}"#, StatusCode::UNPROCESSABLE_ENTITY),
        (r#"{"persons": ["  "]}"#, StatusCode::UNPROCESSABLE_ENTITY),
        (r#"{"kind": "party"}"#, StatusCode::BAD_REQUEST),
        (r#"{"colour": "red"}"#, StatusCode::BAD_REQUEST),
        (r#"{"date": "#, StatusCode::BAD_REQUEST),
    ] {
        let (s, b) = call(&app, patch(&id, body)).await;
        assert_eq!(s, status, "{body}: {b}");
        assert!(b["error"].is_string());
    }
    let (s, _) = call(&app, patch("no-such-event", r#"{"hidden": true}"#)).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

/// Issue 17: the details panel's Edit corrects precision, approximation, role,
/// organisation and figure too; the hidden events are listed for the Unhide view.
#[tokio::test]
async fn a_correction_sets_role_org_figure_and_a_coarse_date_and_hidden_events_are_listed() {
    let (app, _dir) = test_app();
    let (_, first) = call(&app, post_json(JANE)).await;
    let id = first["timeline_event_ids"][0].as_str().unwrap().to_string();
    let (status, e) = call(
        &app,
        patch(
            &id,
            r#"{"date": {"value": "2024-04", "precision": "quarter", "approx": true},
                "role": " CFO ", "org": "Acme Corp", "amount": {"value": 5e6, "currency": "EUR"},
                "count": 12}"#,
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{e}");
    assert_eq!(
        e["date"],
        serde_json::json!({"value": "2024-04", "precision": "quarter", "approx": true})
    );
    assert_eq!(
        (&e["role"], &e["org"]),
        (&"CFO".into(), &"Acme Corp".into())
    );
    assert_eq!(
        e["amount"],
        serde_json::json!({"value": 5e6, "currency": "EUR"})
    );
    assert_eq!(e["count"], 12);
    // Another article of the same event leaves the correction on top.
    call(&app, post_json(JANE_AGAIN)).await;
    let (_, detail) = call(&app, get(&format!("/api/events/{id}"))).await;
    assert_eq!(
        (&detail["role"], &detail["count"]),
        (&"CFO".into(), &12.into())
    );
    // An empty role removes it; the other corrected fields stay.
    let (_, e) = call(&app, patch(&id, r#"{"role": ""}"#)).await;
    assert!(e["role"].is_null(), "{e}");
    assert_eq!(e["org"], "Acme Corp");

    for body in [
        r#"{"amount": {"value": -1, "currency": "USD"}}"#,
        r#"{"amount": {"value": 1, "currency": "dollars"}}"#,
        r#"{"role": "C\u0007O"}"#,
    ] {
        let (s, b) = call(&app, patch(&id, body)).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {b}");
    }
    let (s, _) = call(&app, patch(&id, r#"{"count": -3}"#)).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);

    let ids = |page: &serde_json::Value| -> Vec<String> {
        page["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_str().unwrap().to_string())
            .collect()
    };
    let (_, hidden) = call(&app, get("/api/events?hidden=true")).await;
    assert!(ids(&hidden).is_empty(), "{hidden}");
    call(&app, patch(&id, r#"{"hidden": true}"#)).await;
    for uri in [
        "/api/events?hidden=true",
        "/api/events?hidden=true&person=jane-doe",
    ] {
        let (_, hidden) = call(&app, get(uri)).await;
        assert_eq!(ids(&hidden), std::slice::from_ref(&id), "{uri}");
    }
    let (_, shown) = call(&app, get("/api/events?hidden=false")).await;
    assert!(ids(&shown).is_empty(), "{shown}");
    let (s, b) = call(&app, get("/api/events?hidden=yes")).await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{b}");
    call(&app, patch(&id, r#"{"hidden": false}"#)).await;
    let (_, shown) = call(&app, get("/api/events")).await;
    assert_eq!(ids(&shown), [id]);
}

#[tokio::test]
async fn writes_need_the_token_when_one_is_set_and_reads_do_not() {
    let (app, _dir) = app_with(ServeConfig {
        title: "T".into(),
        token: Some("s3cret".into()),
        cors_origins: vec!["https://news.example".into()],
        cache_bytes: 0,
        ..ServeConfig::default()
    });
    let (status, body) = call(&app, post_json(JANE)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(body["error"].as_str().unwrap().contains("bearer token"));
    let mut wrong = post_json(JANE);
    wrong.headers_mut().insert(
        header::AUTHORIZATION,
        HeaderValue::from_static("Bearer nope"),
    );
    assert_eq!(call(&app, wrong).await.0, StatusCode::UNAUTHORIZED);
    let mut right = post_json(JANE);
    right.headers_mut().insert(
        header::AUTHORIZATION,
        HeaderValue::from_static("Bearer s3cret"),
    );
    assert_eq!(call(&app, right).await.0, StatusCode::CREATED);
    // The scheme in any case (RFC 7235).
    let mut lower = post_json(JANE);
    lower.headers_mut().insert(
        header::AUTHORIZATION,
        HeaderValue::from_static("bearer s3cret"),
    );
    assert_eq!(call(&app, lower).await.0, StatusCode::OK);
    assert_eq!(call(&app, get("/api/events")).await.0, StatusCode::OK);

    // CORS: the configured origin may read and send the token (preflight).
    let preflight = Request::options("/api/articles")
        .header(header::ORIGIN, "https://news.example")
        .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .header(
            header::ACCESS_CONTROL_REQUEST_HEADERS,
            "authorization,content-type",
        )
        .body(Body::empty())
        .unwrap();
    let res = app.clone().oneshot(preflight).await.unwrap();
    assert!(res.status().is_success());
    assert_eq!(
        res.headers()[header::ACCESS_CONTROL_ALLOW_ORIGIN],
        "https://news.example"
    );
    let other = Request::get("/api/events")
        .header(header::ORIGIN, "https://elsewhere.example")
        .body(Body::empty())
        .unwrap();
    let res = app.oneshot(other).await.unwrap();
    assert!(
        res.headers()
            .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
            .is_none()
    );
}

/// A service bound to 127.0.0.1:8080 with one allowed other origin and no token.
fn bound_app() -> (Router, tempfile::TempDir) {
    app_with(ServeConfig {
        cors_origins: vec!["https://news.example".into()],
        bound: Some("127.0.0.1:8080".parse().unwrap()),
        ..ServeConfig::default()
    })
}

fn with_headers(mut req: Request<Body>, headers: &[(&'static str, &'static str)]) -> Request<Body> {
    for (k, v) in headers {
        req.headers_mut().insert(*k, HeaderValue::from_static(v));
    }
    req
}

fn import_plain(body: &str) -> Request<Body> {
    Request::post("/api/import?name=x")
        .header(header::CONTENT_TYPE, "text/plain;charset=UTF-8")
        .body(Body::from(body.to_string()))
        .unwrap()
}

async fn event_count(app: &Router) -> usize {
    let (_, doc) = call(app, get("/api/timeline.json")).await;
    doc["events"].as_array().map_or(0, Vec::len)
}

#[tokio::test]
async fn cross_origin_write_is_refused() {
    let (app, _dir) = bound_app();
    let evil = [
        ("host", "127.0.0.1:8080"),
        ("origin", "https://evil.example"),
    ];
    // The audit's repro: a CSV import as text/plain from another site.
    let csv = "date,kind,persons\n2024-01-01,resignation,Jane Doe\n";
    let (status, body) = call(&app, with_headers(import_plain(csv), &evil)).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(
        body["error"].as_str().unwrap().contains("cross-origin"),
        "{body}"
    );
    let (status, _) = call(&app, with_headers(post_json(JANE), &evil)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = call(&app, with_headers(patch("x", r#"{"hidden": true}"#), &evil)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let null = [("host", "127.0.0.1:8080"), ("origin", "null")];
    let (status, _) = call(&app, with_headers(post_json(JANE), &null)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(event_count(&app).await, 0, "nothing reached the store");

    // The service's own pages, a --cors-origin, and clients sending no Origin may write.
    for headers in [
        [
            ("host", "127.0.0.1:8080"),
            ("origin", "http://127.0.0.1:8080"),
        ],
        [
            ("host", "localhost:8080"),
            ("origin", "http://localhost:8080"),
        ],
        [
            ("host", "127.0.0.1:8080"),
            ("origin", "https://news.example"),
        ],
    ] {
        let (status, body) = call(&app, with_headers(post_json(JANE), &headers)).await;
        assert!(status.is_success(), "{headers:?}: {status} {body}");
    }
    let (status, _) = call(
        &app,
        with_headers(post_json(JANE_AGAIN), &[("host", "127.0.0.1:8080")]),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    // Reads stay open to any origin.
    let (status, _) = call(&app, with_headers(get("/api/events"), &evil)).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn rebinding_host_write_is_refused() {
    let (app, _dir) = bound_app();
    // DNS rebinding: the attacker's name now points at 127.0.0.1; Origin and Host agree.
    for headers in [
        [
            ("host", "evil.example:8080"),
            ("origin", "http://evil.example:8080"),
        ],
        [("host", "evil.example:8080"), ("user-agent", "x")],
        [("host", "127.0.0.1:9999"), ("user-agent", "x")],
    ] {
        let (status, body) = call(&app, with_headers(post_json(JANE), &headers)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{headers:?}: {body}");
        assert!(body["error"].as_str().unwrap().contains("host"), "{body}");
    }
    assert_eq!(event_count(&app).await, 0);
    for host in [
        "127.0.0.1:8080",
        "localhost:8080",
        "[::1]:8080",
        "127.0.0.2:8080",
    ] {
        let mut req = post_json(JANE);
        req.headers_mut()
            .insert(header::HOST, HeaderValue::from_str(host).unwrap());
        let (status, body) = call(&app, req).await;
        assert!(status.is_success(), "{host}: {status} {body}");
    }
    // Behind a proxy: --public-url names the public address.
    let (app, _dir) = app_with(ServeConfig {
        bound: Some("127.0.0.1:8080".parse().unwrap()),
        public_urls: vec![url::Url::parse("https://timeline.example/").unwrap()],
        ..ServeConfig::default()
    });
    let public = [
        ("host", "timeline.example"),
        ("origin", "https://timeline.example"),
    ];
    let (status, body) = call(&app, with_headers(post_json(JANE), &public)).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let other = [("host", "other.example"), ("user-agent", "x")];
    let (status, _) = call(&app, with_headers(post_json(JANE), &other)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn ics_injection_through_an_article_url_is_refused() {
    let (app, _dir) = test_app();
    let evil = r#"{"text": "Acme appointed Jane Doe as CEO in May.", "published": "2024-09-27", "url": "https://ok.example/\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\r\nSUMMARY:Injected"}"#;
    let (status, body) = call(&app, post_json(evil)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body["error"].as_str().unwrap().contains("url"), "{body}");
    let script = r#"{"text": "Acme appointed Jane Doe as CEO in May.", "published": "2024-09-27", "url": "javascript:alert(1)"}"#;
    let (status, _) = call(&app, post_json(script)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(event_count(&app).await, 0);
    let res = app.clone().oneshot(get("/api/export.ics")).await.unwrap();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    assert!(!String::from_utf8_lossy(&bytes).contains("UID:evil"));
}

#[tokio::test]
async fn search_words_and_their_length_are_bounded() {
    let (app, _dir) = test_app();
    call(&app, post_json(JANE)).await;
    let many = vec!["doe"; 10_000].join("%20");
    let long = "z".repeat(20_000);
    for path in [
        format!("/api/events?q={many}"),
        format!("/api/events?q={long}"),
        format!("/api/export.csv?q={many}"),
        format!("/api/export.ics?q={long}"),
    ] {
        let started = std::time::Instant::now();
        let (status, body) = call(&app, get(&path)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        let e = body["error"].as_str().unwrap();
        assert!(e.contains("at most"), "{e}");
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
    }
    let most = vec!["doe"; read::MAX_SEARCH_WORDS].join("%20");
    let (status, page) = call(&app, get(&format!("/api/events?q={most}"))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page["events"].as_array().unwrap().len(), 1);
}

/// Serves a fresh store on a loopback port with `limits`; its address.
async fn listening(limits: Limits) -> (std::net::SocketAddr, tempfile::TempDir) {
    let (router, dir) = test_app();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(serve(listener, router, limits, std::future::pending()));
    (addr, dir)
}

/// Reads until the server closes the connection; how long that took.
async fn until_closed(stream: &mut tokio::net::TcpStream) -> (std::time::Duration, String) {
    use tokio::io::AsyncReadExt as _;
    let started = std::time::Instant::now();
    let mut out = Vec::new();
    let read = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        stream.read_to_end(&mut out),
    )
    .await;
    assert!(read.is_ok(), "the connection is still open after 10 s");
    (
        started.elapsed(),
        String::from_utf8_lossy(&out).into_owned(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn half_sent_requests_and_idle_sockets_time_out() {
    use tokio::io::AsyncWriteExt as _;
    let limits = Limits {
        header_read_timeout: std::time::Duration::from_millis(300),
        ..Limits::default()
    };
    let (addr, _dir) = listening(limits).await;
    // The audit's repro: headers that never end.
    let mut half = tokio::net::TcpStream::connect(addr).await.unwrap();
    half.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let (took, _) = until_closed(&mut half).await;
    assert!(took < std::time::Duration::from_secs(5), "{took:?}");
    // A socket that sends nothing at all.
    let mut idle = tokio::net::TcpStream::connect(addr).await.unwrap();
    let (took, _) = until_closed(&mut idle).await;
    assert!(took < std::time::Duration::from_secs(5), "{took:?}");
    // A whole request is answered.
    let mut ok = tokio::net::TcpStream::connect(addr).await.unwrap();
    ok.write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let (_, answer) = until_closed(&mut ok).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_are_limited() {
    use tokio::io::AsyncWriteExt as _;
    let timeout = std::time::Duration::from_millis(500);
    let limits = Limits {
        header_read_timeout: timeout,
        max_connections: 1,
    };
    let (addr, _dir) = listening(limits).await;
    let mut first = tokio::net::TcpStream::connect(addr).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    let started = std::time::Instant::now();
    let mut second = tokio::net::TcpStream::connect(addr).await.unwrap();
    second
        .write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let (_, answer) = until_closed(&mut second).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    // Served only once the idle first connection had timed out and freed its place.
    assert!(started.elapsed() >= timeout - std::time::Duration::from_millis(100));
    until_closed(&mut first).await;
}

#[tokio::test]
async fn slow_requests_time_out_with_a_json_error() {
    let (app, _dir) = app_with(ServeConfig {
        request_timeout: Some(std::time::Duration::from_millis(200)),
        ..ServeConfig::default()
    });
    let (status, body) = call(&app, get("/api/test-slow")).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        body["error"].as_str().unwrap().contains("longer than"),
        "{body}"
    );
    assert_eq!(call(&app, get("/api/health")).await.0, StatusCode::OK);
}

#[tokio::test]
async fn a_busy_export_is_429_with_retry_after_and_reads_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::open(&dir.path().join("test.db"), ServeConfig::default()).unwrap();
    let app = app(state.clone());
    call(&app, post_json(JANE)).await;
    // An export is running (its permit is held).
    let running = Arc::clone(&state.inner.exports)
        .try_acquire_owned()
        .unwrap();
    let res = app.clone().oneshot(get("/api/export.csv")).await.unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(res.headers()[header::RETRY_AFTER], "2");
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let body: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert!(body["error"].as_str().unwrap().contains("export"), "{body}");
    let (status, page) = call(&app, get("/api/events")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page["events"].as_array().unwrap().len(), 1);
    drop(running);
    let (status, _) = call(&app, get("/api/export.timelinejs.json")).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = call(&app, get("/api/export.timelinejs.json")).await;
    assert_eq!(status, StatusCode::OK, "the permit is given back");
}

#[tokio::test]
async fn a_panic_while_a_lock_is_held_does_not_disable_writes_or_reads() {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::open(&dir.path().join("test.db"), test_config()).unwrap();
    let app = app(state.clone());
    for poison in [
        |s: &AppState| {
            let _g = s.inner.writer.lock();
            panic!("while writing");
        },
        |s: &AppState| {
            let _g = s.inner.readers.idle.lock();
            panic!("while reading");
        },
        |s: &AppState| {
            let _g = s.inner.cache.as_ref().unwrap().entries.lock();
            panic!("while caching");
        },
    ] {
        let s = state.clone();
        assert!(std::thread::spawn(move || poison(&s)).join().is_err());
    }
    assert!(state.inner.writer.is_poisoned());
    let (status, body) = call(&app, post_json(JANE)).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (status, page) = call(&app, get("/api/events")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page["events"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn extraction_runs_off_the_async_workers() {
    // One async worker (the test runtime): an extraction on it would hold up /api/health.
    let (app, _dir) = test_app();
    let text = "On 3 May 2024 Acme appointed Jane Doe as chief executive. ".repeat(20_000);
    let body = serde_json::json!({ "text": text, "published": "2024-09-27" }).to_string();
    let other = app.clone();
    let post = tokio::spawn(async move { call(&other, post_json(&body)).await });
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    let (status, _) = call(&app, get("/api/health")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        !post.is_finished(),
        "health answered while the extraction ran"
    );
    let (status, out) = post.await.unwrap();
    assert!(status.is_success(), "{out}");
}

#[test]
fn inline_scripts_are_hashed_for_the_csp() {
    let html = "<head><SCRIPT>alert(1)</SCRIPT><script src=\"a.js\"></script>\
                <script type=\"module\">alert(1)</script></head>";
    let hashes = inline_script_hashes(html);
    assert_eq!(
        hashes,
        ["bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI="; 2].to_vec()
    );
}

#[tokio::test]
async fn security_headers_are_sent() {
    let (app, _dir) = test_app();
    for path in ["/api/health", "/", "/api/events"] {
        let res = app.clone().oneshot(get(path)).await.unwrap();
        let h = res.headers();
        assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{path}");
        assert_eq!(h[header::REFERRER_POLICY], "no-referrer", "{path}");
        let csp = h[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(
            csp.starts_with("script-src 'self' 'wasm-unsafe-eval'"),
            "{csp}"
        );
        assert!(csp.contains("object-src 'none'"), "{csp}");
        assert!(
            !csp.contains("frame-ancestors"),
            "framing stays allowed: {csp}"
        );
        if assets::has_app() {
            assert!(csp.contains("'sha256-"), "the app's inline scripts: {csp}");
        }
    }
    let (app, _dir) = app_with(ServeConfig {
        frame_ancestors: Some("'self' https://news.example".into()),
        ..ServeConfig::default()
    });
    let res = app.oneshot(get("/api/health")).await.unwrap();
    let csp = res.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap();
    assert!(
        csp.ends_with("; frame-ancestors 'self' https://news.example"),
        "{csp}"
    );
}

#[tokio::test]
async fn bad_input_table_gets_clear_4xx_and_leaves_the_store_unchanged() {
    let (app, _dir) = test_app();
    call(&app, post_json(JANE)).await;
    let (_, before) = call(&app, get("/api/timeline.json")).await;
    let (_, articles_before) = call(&app, get("/api/articles")).await;
    let request = |method: &str, uri: String, ct: &str, body: Vec<u8>| {
        Request::builder()
            .method(method)
            .uri(uri)
            .header(header::CONTENT_TYPE, ct)
            .body(Body::from(body))
            .unwrap()
    };
    let article = |json: &str| {
        request(
            "POST",
            "/api/articles".into(),
            "application/json",
            json.as_bytes().to_vec(),
        )
    };
    let json = "application/json";
    let rows: Vec<(&str, Request<Body>, StatusCode, &str)> = vec![
        (
            "empty body",
            article(""),
            StatusCode::BAD_REQUEST,
            "malformed JSON",
        ),
        (
            "empty text",
            article(r#"{"text": "  ", "published": "2024-01-01"}"#),
            StatusCode::UNPROCESSABLE_ENTITY,
            "empty",
        ),
        (
            "binary",
            request(
                "POST",
                "/api/articles".into(),
                json,
                vec![0xff, 0xfe, 0x00, 0x41],
            ),
            StatusCode::BAD_REQUEST,
            "malformed JSON",
        ),
        (
            "6 MB",
            request(
                "POST",
                "/api/articles".into(),
                json,
                vec![b'a'; 6 * 1024 * 1024],
            ),
            StatusCode::PAYLOAD_TOO_LARGE,
            "over the limit",
        ),
        (
            "malformed JSON",
            article(r#"{"text": "#),
            StatusCode::BAD_REQUEST,
            "malformed JSON",
        ),
        (
            "impossible date",
            article(r#"{"text": "Jane Doe resigned.", "published": "2024-02-31"}"#),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid date",
        ),
        (
            "unknown language",
            article(r#"{"text": "Jane Doe resigned.", "published": "2024-01-01", "lang": "xx"}"#),
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown language",
        ),
        (
            "hostile HTML",
            request(
                "POST",
                "/api/articles".into(),
                "text/html",
                b"<script>alert(1)</script><img src=x onerror=alert(1)>".to_vec(),
            ),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "application/json",
        ),
        (
            "control character in a URL",
            article(
                r#"{"text": "Jane Doe resigned.", "published": "2024-01-01", "url": "https://a.example/\u0007"}"#,
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
            "control character",
        ),
        (
            "10,000 query words",
            get(&format!("/api/events?q={}", vec!["w"; 10_000].join("+"))),
            StatusCode::BAD_REQUEST,
            "at most",
        ),
        (
            "a path of 10,000 characters",
            get(&format!("/api/{}", "p".repeat(10_000))),
            StatusCode::NOT_FOUND,
            "no API route",
        ),
        (
            "an event id of 10,000 characters",
            request(
                "PATCH",
                format!("/api/events/{}", "e".repeat(10_000)),
                json,
                br#"{"hidden": true}"#.to_vec(),
            ),
            StatusCode::NOT_FOUND,
            "no event",
        ),
        (
            "malformed import",
            request(
                "POST",
                "/api/import?name=x".into(),
                "text/csv",
                b"date,kind\n2024-13,resignation\n".to_vec(),
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
            "line 2",
        ),
        (
            "binary import",
            request(
                "POST",
                "/api/import?name=x".into(),
                "text/csv",
                vec![0xff, 0xfe, 0x00],
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
            "not UTF-8",
        ),
    ];
    for (what, req, status, needle) in rows {
        let (got, body) = call(&app, req).await;
        assert_eq!(got, status, "{what}: {body}");
        let error = body["error"]
            .as_str()
            .unwrap_or_else(|| panic!("{what}: no error in {body}"));
        assert!(error.contains(needle), "{what}: {error}");
    }
    let (_, after) = call(&app, get("/api/timeline.json")).await;
    let (_, articles_after) = call(&app, get("/api/articles")).await;
    assert_eq!(before, after, "the timeline is unchanged");
    assert_eq!(
        articles_before, articles_after,
        "the articles are unchanged"
    );
}

#[tokio::test]
async fn requests_in_flight_are_limited_over_every_route() {
    let (app, _dir) = app_with(ServeConfig {
        max_in_flight: 1,
        ..ServeConfig::default()
    });
    let slow = tokio::spawn(app.clone().oneshot(get("/api/test-slow")));
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    // Another route waits for the one place.
    let waited = tokio::time::timeout(
        std::time::Duration::from_millis(500),
        app.clone().oneshot(get("/api/health")),
    )
    .await;
    assert!(waited.is_err(), "the limit is shared by every route");
    slow.abort();
    let _ = slow.await;
    assert_eq!(call(&app, get("/api/health")).await.0, StatusCode::OK);
}

#[tokio::test]
async fn plain_text_write_needs_a_token() {
    let (app, _dir) = test_app();
    let article = Request::post("/api/articles?published=2024-09-27")
        .header(header::CONTENT_TYPE, "text/plain")
        .body(Body::from("Acme appointed Jane Doe as CEO in May."))
        .unwrap();
    let (status, body) = call(&app, article).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{body}");
    assert!(
        body["error"].as_str().unwrap().contains("--token"),
        "{body}"
    );
    let (status, _) = call(
        &app,
        import_plain("date,kind,persons\n2024-01-01,resignation,Jane Doe\n"),
    )
    .await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(event_count(&app).await, 0);
    // With a token, text/plain (which then needs the Authorization header) is taken.
    let (app, _dir) = app_with(ServeConfig {
        token: Some("t".into()),
        ..ServeConfig::default()
    });
    let article = Request::post("/api/articles?published=2024-09-27")
        .header(header::CONTENT_TYPE, "text/plain")
        .header(header::AUTHORIZATION, "Bearer t")
        .body(Body::from("Acme appointed Jane Doe as CEO in May."))
        .unwrap();
    let (status, body) = call(&app, article).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
}

fn request(method: &str, uri: &str, content_type: &str, body: &str) -> Request<Body> {
    Request::builder()
        .method(method)
        .uri(uri)
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body.to_string()))
        .unwrap()
}

/// Issue 16: every route but health, openapi and the list of stories takes
/// `?timeline=`; an unknown story is a 404 with a JSON error; each story's routes
/// answer with that story's data only.
#[tokio::test]
async fn every_route_takes_a_timeline_and_an_unknown_one_is_a_404() {
    let (app, dir) = test_app();
    {
        let mut store = Store::open(&dir.path().join("test.db")).unwrap();
        store.create_timeline("acme").unwrap();
    }
    // The same article in the default story and (a different text, same event) in
    // "acme": the events stay apart.
    let (status, _) = call(&app, post_json(JANE)).await;
    assert_eq!(status, StatusCode::CREATED);
    let acme = r#"{"text": "Acme named Jane Doe its CEO in May, the board said.", "published": "2024-09-27", "title": "Acme story"}"#;
    let (status, posted) = call(
        &app,
        request(
            "POST",
            "/api/articles?timeline=acme",
            "application/json",
            acme,
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{posted}");
    let acme_id = posted["timeline_event_ids"][0]
        .as_str()
        .unwrap()
        .to_string();
    let (_, default_doc) = call(&app, get("/api/timeline.json")).await;
    let default_id = default_doc["events"][0]["id"].as_str().unwrap().to_string();
    assert_ne!(acme_id, default_id, "events merge only within their story");

    let (status, list) = call(&app, get("/api/timelines")).await;
    assert_eq!(status, StatusCode::OK);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["id"], "acme");
    assert_eq!(list[0]["title"], "acme");
    assert_eq!(list[0]["articles"], 1);
    assert_eq!(list[0]["events"], 1);
    assert_eq!(list[0]["from"], "2024-05");
    assert_eq!(list[0]["to"], "2024-05");
    assert_eq!(list[0]["people"][0]["name"], "Jane Doe");
    assert_eq!(list[1]["id"], "default");
    assert_eq!(list[1]["title"], "Test");

    let csv = "date,kind,persons\n2024-06-01,resignation,Jane Doe\n";
    // Each route, with the story named: (method, path and query, content type, body).
    let routes = |t: &str, event: &str| -> Vec<(String, String, &'static str, String)> {
        let mut v: Vec<(String, String, &'static str, String)> = [
            "/api/timeline.json",
            "/api/articles",
            "/api/events",
            "/api/people",
            "/api/export.timelinejs.json",
            "/api/export.csv",
            "/api/export.ics",
            "/api/export.jsonl",
        ]
        .iter()
        .map(|p| {
            (
                "GET".to_string(),
                format!("{p}?timeline={t}"),
                "",
                String::new(),
            )
        })
        .collect();
        v.push((
            "GET".into(),
            format!("/api/events/{event}?timeline={t}"),
            "",
            String::new(),
        ));
        v.push((
            "PATCH".into(),
            format!("/api/events/{event}?timeline={t}"),
            "application/json",
            r#"{"role": null, "hidden": false}"#.replace(r#""role": null, "#, ""),
        ));
        v.push((
            "POST".into(),
            format!("/api/articles?timeline={t}"),
            "application/json",
            r#"{"text": "Zed Corp appointed Ann Lee as CFO in March.", "published": "2024-09-27"}"#
                .into(),
        ));
        v.push((
            "POST".into(),
            format!("/api/import?name=x&timeline={t}"),
            "text/csv",
            csv.into(),
        ));
        v
    };
    let routed: std::collections::BTreeSet<&str> = ROUTES
        .iter()
        .map(|(p, _)| *p)
        .filter(|p| !["/api/health", "/api/openapi.json", "/api/timelines"].contains(p))
        .collect();
    let tested: std::collections::BTreeSet<String> = routes("x", "{id}")
        .into_iter()
        .map(|(_, u, _, _)| u.split('?').next().unwrap().to_string())
        .collect();
    assert_eq!(
        routed,
        tested.iter().map(String::as_str).collect(),
        "every route is tested"
    );
    let before = call(&app, get("/api/timelines")).await.1;
    for (method, uri, ct, body) in routes("nope", &acme_id) {
        let (status, json) = call(&app, request(&method, &uri, ct, &body)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{method} {uri}");
        assert_eq!(json["error"], "no timeline \"nope\"", "{method} {uri}");
    }
    // A malformed story name is no story either.
    let (status, json) = call(&app, get("/api/events?timeline=..%2Fetc")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(json["error"].as_str().unwrap().contains("no timeline"));
    assert_eq!(
        call(&app, get("/api/timelines")).await.1,
        before,
        "nothing written"
    );

    // "acme" answers with its own data; its event is not found in the default story.
    for (method, uri, ct, body) in routes("acme", &acme_id) {
        let res = app
            .clone()
            .oneshot(request(&method, &uri, ct, &body))
            .await
            .unwrap();
        let status = res.status();
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        let text = String::from_utf8_lossy(&bytes);
        assert!(status.is_success(), "{method} {uri}: {status} {text}");
        if method == "GET" {
            assert!(
                text.contains("Jane") || text.contains("Acme story"),
                "{uri}: {text}"
            );
            assert!(!text.contains("Acme news"), "{uri} shows the other story");
        }
    }
    let (status, _) = call(&app, get(&format!("/api/events/{acme_id}"))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = call(
        &app,
        get(&format!("/api/events/{default_id}?timeline=acme")),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // The writes went to "acme": the default story is as it was.
    let (_, doc) = call(&app, get("/api/timeline.json")).await;
    assert_eq!(doc["events"].as_array().unwrap().len(), 1);
    assert_eq!(doc["sources"].as_array().unwrap().len(), 1);
    let (_, doc) = call(&app, get("/api/timeline.json?timeline=acme")).await;
    assert_eq!(doc["title"], "acme");
    assert_eq!(doc["sources"].as_array().unwrap().len(), 3);
    let (_, people) = call(&app, get("/api/people?timeline=acme")).await;
    let names: Vec<&str> = people
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Ann Lee", "Jane Doe"]);
    // The same text cannot be in two stories.
    let (status, json) = call(
        &app,
        request("POST", "/api/articles", "application/json", acme),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        json["error"].as_str().unwrap().contains("\"acme\""),
        "{json}"
    );
}

/// The OpenAPI document names the timeline parameter on every route that takes it.
#[tokio::test]
async fn the_openapi_document_gives_every_route_its_timeline_parameter() {
    let doc: serde_json::Value = serde_json::from_str(OPENAPI).unwrap();
    for (path, methods) in ROUTES {
        for m in *methods {
            let op = &doc["paths"][path][m];
            let has = op["parameters"].as_array().is_some_and(|ps| {
                ps.iter()
                    .any(|p| p["$ref"] == "#/components/parameters/Timeline")
            });
            let expected = !["/api/health", "/api/openapi.json", "/api/timelines"].contains(path);
            assert_eq!(has, expected, "{m} {path}");
        }
    }
    assert_eq!(
        doc["components"]["parameters"]["Timeline"]["name"],
        "timeline"
    );
}

#[tokio::test]
async fn the_openapi_document_describes_exactly_the_routes() {
    let (app, _dir) = test_app();
    let (status, doc) = call(&app, get("/api/openapi.json")).await;
    assert_eq!(status, StatusCode::OK);
    let paths = doc["paths"].as_object().unwrap();
    let mut documented: Vec<(String, String)> = paths
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .unwrap()
                .keys()
                .filter(|k| ["get", "post", "patch", "put", "delete"].contains(&k.as_str()))
                .map(move |m| (path.clone(), m.clone()))
        })
        .collect();
    let mut routed: Vec<(String, String)> = ROUTES
        .iter()
        .flat_map(|(p, ms)| ms.iter().map(move |m| (p.to_string(), m.to_string())))
        .collect();
    documented.sort();
    routed.sort();
    assert_eq!(documented, routed);
    // And every route answers its methods (not 404 / 405).
    for (path, method) in routed {
        let uri = path.replace("{id}", "x");
        let req = Request::builder()
            .method(method.to_uppercase().as_str())
            .uri(&uri)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from("{}"))
            .unwrap();
        let res = app.clone().oneshot(req).await.unwrap();
        assert_ne!(
            res.status(),
            StatusCode::METHOD_NOT_ALLOWED,
            "{method} {uri}"
        );
        if !uri.ends_with("/x") {
            assert_ne!(res.status(), StatusCode::NOT_FOUND, "{method} {uri}");
        }
    }
}

#[tokio::test]
async fn unknown_fields_and_wrong_types_are_bad_requests() {
    let (app, _dir) = test_app();
    let (status, body) = call(
        &app,
        post_json(r#"{"text": "x", "published": "2024-01-01", "extra": 1}"#),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["error"].as_str().unwrap().contains("unknown field"));
    let (status, _) = call(&app, post_json(r#"{"text": 5}"#)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn missing_files_are_404_and_client_routes_get_the_app() {
    let (app, _dir) = test_app();
    let res = app.clone().oneshot(get("/no-such-file.js")).await.unwrap();
    let expected = if assets::has_app() {
        StatusCode::NOT_FOUND
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    assert_eq!(res.status(), expected);
    let res = app.oneshot(get("/some/client/route")).await.unwrap();
    let expected = if assets::has_app() {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    assert_eq!(res.status(), expected);
}
