//! `dateline ingest` over a folder of every supported format, with bad files among them:
//! the summary counts new, unchanged and rejected articles (with reasons), and the same
//! event told by two articles in two formats becomes one timeline event with both sources;
//! URLs fetched from a local server, with the limits and the address check.

use dateline_e2e::{Server, page_server, run_cli};

const HTML: &str = r#"<!doctype html><html lang="en"><head><title>Acme names a new chief</title>
<meta property="article:published_time" content="2024-09-28T09:30:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/business">Business</a></nav>
<article><h1>Acme names a new chief</h1>
<p>On May 14, Acme appointed Jane Doe as its chief executive, the company said in a statement
on Friday. The board chose her after a search that lasted most of the year.</p>
<p>Doe ran the company's European business for six years and joined as an engineer.</p>
</article><footer>Copyright Example News</footer></body></html>"#;

#[test]
fn a_folder_of_every_format_is_ingested_with_a_summary_and_merged() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir_all(articles.join("more")).unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(articles.join(name), bytes).unwrap();
    write(
        "a.txt",
        b"---\ntitle: Acme news\npublished: 2024-09-27\nurl: https://example.com/a\nlang: en\n---\n\
          Acme appointed Jane Doe as CEO in May.\n",
    );
    write("b.html", HTML.as_bytes());
    write(
        "more/c.jsonl",
        br#"{"text": "Initech appointed Bob Ray as CFO on 3 June 2024.", "published": "2024-09-27", "lang": "en", "id": 1}
{"text": "Globex appointed Ann Lee as CTO on 4 June 2024.", "published": "2024-09-27"}
{"text": "broken
{"text": "Umbrella appointed Cy Young as COO.", "published": "2024-09-27", "lang": "xx"}
"#,
    );
    write("more/d.txt", &[0xff, 0xfe, b'A', b'c', b'm', b'e']);
    write(
        "more/e.txt",
        b"Hooli appointed Dee Dee Ramone as CEO on 2 July 2024.\n",
    );
    write(
        "more/e.meta.json",
        br#"{"title": "Hooli news", "published": "2024-09-27", "lang": "en"}"#,
    );
    write("notes.md", b"not an article");

    let db = dir.path().join("store.db");
    let db = db.to_str().unwrap();
    let folder = articles.to_str().unwrap();
    let (ok, out, err) = run_cli(&["ingest", "--db", db, folder]);
    assert!(!ok, "rejections make the exit status non-zero");
    assert!(
        out.contains("8 articles: 5 new") && out.contains("0 unchanged, 3 rejected"),
        "{out}"
    );
    assert!(err.contains("c.jsonl:3: malformed JSON"), "{err}");
    assert!(err.contains("c.jsonl:4: unknown language"), "{err}");
    assert!(err.contains("d.txt is not UTF-8"), "{err}");

    let (_, out, _) = run_cli(&["ingest", "--db", db, folder]);
    assert!(out.contains("0 new (0 events), 5 unchanged"), "{out}");

    let server = Server::start_on(std::path::Path::new(db), &[]);
    let page = server.get_json("/api/events?person=jane-doe");
    let events = page["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "{page}");
    assert_eq!(
        events[0]["date"]["value"], "2024-05-14",
        "the finer date wins"
    );
    assert_eq!(events[0]["sources"].as_array().unwrap().len(), 2);
    let articles = server.get_json("/api/articles");
    let titles: Vec<&str> = articles
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    for title in ["Acme news", "Acme names a new chief", "Hooli news"] {
        assert!(titles.contains(&title), "{titles:?}");
    }
}

#[test]
fn ics_injection_through_an_article_url_is_rejected_by_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.jsonl");
    std::fs::write(
        &file,
        concat!(
            r#"{"text": "Acme appointed Jane Doe as CEO in May.", "published": "2024-09-27", "url": "https://ok.example/\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil"}"#,
            "\n",
            r#"{"text": "Initech appointed Bob Ray as CFO on 3 June 2024.", "published": "2024-09-27", "url": "javascript:alert(1)"}"#,
            "\n",
        ),
    )
    .unwrap();
    let db = dir.path().join("d.db");
    let (ok, out, err) = run_cli(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        file.to_str().unwrap(),
    ]);
    assert!(!ok, "{out}{err}");
    assert!(err.contains("control character"), "{err}");
    assert!(err.contains("not an http or https link"), "{err}");
    assert!(out.contains("2 rejected"), "{out}");
}

#[test]
fn a_url_is_fetched_read_and_kept_as_the_source_with_every_limit_enforced() {
    let base = page_server();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("urls.db");
    let db = db.to_str().unwrap();
    let ingest = |extra: &[&str]| {
        let mut args = vec!["ingest", "--db", db];
        args.extend_from_slice(extra);
        run_cli(&args)
    };

    // Without the flag, loopback, private and names resolving to them are refused.
    let port = base.rsplit(':').next().unwrap();
    for url in [
        format!("{base}/article"),
        format!("http://localhost:{port}/article"),
        format!("http://[::1]:{port}/article"),
        "http://10.0.0.1/article".to_string(),
    ] {
        let (ok, out, err) = ingest(&[&url]);
        assert!(!ok, "{url}: {out}");
        assert!(
            err.contains("refused to fetch") && err.contains("--allow-private-fetch"),
            "{url}: {err}"
        );
    }

    // With it: the page, its metadata, and its URL as the source.
    let page = format!("{base}/article");
    let (ok, out, err) = ingest(&["--allow-private-fetch", &page]);
    assert!(ok, "{out}{err}");
    assert!(out.contains("1 articles: 1 new"), "{out}");
    // Three redirects are followed; the page found at the end is the source.
    let text = format!("{base}/text");
    let hops = format!("{base}/hop/3");
    let (ok, out, err) = ingest(&[
        "--allow-private-fetch",
        "--published",
        "2024-09-27",
        &text,
        &hops,
    ]);
    assert!(ok, "{out}{err}");
    assert!(
        out.contains("2 articles: 1 new") && out.contains("1 unchanged"),
        "{out}"
    );

    let refusals = [
        (format!("{base}/hop/6"), "redirects more than 5 times"),
        (format!("{base}/big"), "larger than 5242880 bytes"),
        (format!("{base}/pdf"), "application/pdf"),
        (format!("{base}/gone"), "404 Not Found"),
        (
            "ftp://example.com/a".to_string(),
            "not an http or https link",
        ),
        (
            "https://no-such-host.invalid/".to_string(),
            "cannot resolve the host",
        ),
    ];
    for (url, why) in &refusals {
        let (ok, out, err) = ingest(&["--allow-private-fetch", url]);
        assert!(!ok, "{url}: {out}");
        assert!(err.contains(why), "{url}: expected {why:?} in {err}");
        assert!(!err.contains("panicked"), "{err}");
    }

    let server = Server::start_on(std::path::Path::new(db), &[]);
    let articles = server.get_json("/api/articles");
    let by_url = |url: &str| {
        articles
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["url"] == url)
            .unwrap_or_else(|| panic!("no article from {url} in {articles}"))
            .clone()
    };
    let stored = by_url(&page);
    assert_eq!(stored["title"], "Northwind changes its chief");
    assert_eq!(stored["lang"], "en", "og:locale");
    assert_eq!(stored["published"], "2024-10-02", "<time datetime>");
    by_url(&text);
    let events = server.get_json("/api/events?person=lena-park");
    let park = &events["events"][0];
    assert_eq!(park["date"]["value"], "2024-09-30", "{events}");
}

#[test]
fn the_api_fetches_a_url_with_the_flag_and_refuses_a_private_one_without() {
    let base = page_server();
    let post = |server: &Server, body: serde_json::Value| {
        server.request(
            "POST",
            "/api/articles",
            Some("application/json"),
            body.to_string().as_bytes(),
        )
    };
    let open = Server::start_with(&[], &["--allow-private-fetch"]);
    let (status, body) = post(
        &open,
        serde_json::json!({ "url": format!("{base}/hop/2"), "published": "2024-10-03" }),
    );
    assert_eq!(status, 201, "{body}");
    let articles = open.get_json("/api/articles");
    assert_eq!(articles[0]["url"], format!("{base}/article"), "{articles}");
    assert_eq!(
        articles[0]["published"], "2024-10-03",
        "the given date wins"
    );
    for (path, status_wanted, why) in [
        ("/big", 502, "larger than"),
        ("/pdf", 502, "not HTML or plain text"),
        ("/hop/9", 502, "redirects more than 5 times"),
        ("/gone", 502, "404"),
    ] {
        let (status, body) = post(&open, serde_json::json!({ "url": format!("{base}{path}") }));
        assert_eq!(status, status_wanted, "{path}: {body}");
        let error: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert!(
            error["error"].as_str().unwrap().contains(why),
            "{path}: {body}"
        );
    }
    let (status, body) = post(&open, serde_json::json!({ "url": "ftp://example.com/a" }));
    assert_eq!(status, 422, "{body}");

    let closed = Server::start(&[]);
    let (status, body) = post(
        &closed,
        serde_json::json!({ "url": format!("{base}/article") }),
    );
    assert_eq!(status, 422, "{body}");
    assert!(
        body.contains("loopback") && body.contains("--allow-private-fetch"),
        "{body}"
    );
    assert_eq!(closed.get_json("/api/articles"), serde_json::json!([]));
}
