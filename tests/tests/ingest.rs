//! `dateline ingest` over a folder of every supported format, with bad files among them:
//! the summary counts new, unchanged and rejected articles (with reasons), and the same
//! event told by two articles in two formats becomes one timeline event with both sources.

use dateline_e2e::{Server, run_cli};

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
