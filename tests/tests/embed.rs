//! The static export in headless Chromium, as a newsroom would use it: the seed's timeline
//! exported by `dateline export`, served by a plain static server under a sub-path on one
//! loopback port, and embedded with the printed snippets in a host page served from
//! another port (another origin). The frame renders the timeline, `?person=` filters it,
//! `#event-…` opens that event, the frame reports its height and the loader fits it; the
//! app's Embed panel gives the same snippets as the CLI; `--single-file` opens alone.

use dateline_e2e::{ChromeDriver, StaticServer, fixture, run_cli};
use fantoccini::{Client, Locator};
use std::path::Path;
use std::time::{Duration, Instant};

const MURATI: &str = "resignation-2024-09-26-mira-murati";

/// Waits until `check` (a script returning a boolean) holds in the current frame.
async fn wait_until(browser: &Client, check: &str, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let ok = browser.execute(check, vec![]).await.expect("run a check");
        if ok == serde_json::json!(true) {
            return;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

const READY: &str = "return !!document.querySelector('[data-timeline-ready]') && !!document.querySelector('tbody tr[data-event-id]');";

/// The list's rows: (id, persons).
async fn rows(browser: &Client) -> Vec<(String, String)> {
    let v = browser
        .execute(
            "return [...document.querySelectorAll('tbody tr[data-event-id]')].map(r => [r.dataset.eventId, r.dataset.persons]);",
            vec![],
        )
        .await
        .expect("read the rows");
    serde_json::from_value(v).expect("pairs of strings")
}

fn seed_store(dir: &Path) -> String {
    let db = dir.join("seed.db");
    let db = db.to_str().expect("UTF-8").to_string();
    let (ok, out, err) = run_cli(&[
        "ingest",
        "--db",
        &db,
        fixture("demo/articles/seed-it.txt")
            .to_str()
            .expect("UTF-8"),
    ]);
    assert!(ok, "{out}{err}");
    db
}

/// The line after `label` in the export's printed snippets (the script one is two lines).
fn snippet(printed: &str, label: &str, lines: usize) -> String {
    let mut it = printed
        .lines()
        .skip_while(|l| !l.starts_with(label))
        .skip(1);
    (0..lines)
        .filter_map(|_| it.next())
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_exported_site_embeds_on_another_origin_with_filters_deep_links_and_height() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let db = seed_store(tmp.path());
    let site = tmp.path().join("site");
    std::fs::create_dir_all(&site).expect("site folder");
    // The export lives under a sub-path of its host.
    let host_of_site = StaticServer::start(&site, "/news/story/");
    let base = format!("{}/news/story/", host_of_site.origin);
    let (ok, printed, err) = run_cli(&[
        "export",
        "--db",
        &db,
        "--out",
        site.to_str().expect("UTF-8"),
        "--title",
        "Test story",
        "--url",
        &base,
    ]);
    assert!(ok, "{err}");
    let iframe = snippet(&printed, "Embed with an iframe", 1);
    let script = snippet(&printed, "Or with a script", 2);
    assert!(
        iframe.starts_with(&format!(
            "<iframe src=\"{base}?embed=compact&amp;height=400\""
        )),
        "{iframe}"
    );
    assert!(script.contains("embed.js"), "{script}");
    // Both layouts are offered: compact (above) and full.
    let full = snippet(
        &printed,
        "The full layout (every filter shown) with an iframe",
        1,
    );
    assert!(
        full.starts_with(&format!("<iframe src=\"{base}?embed=full&amp;height=400\"")),
        "{full}"
    );
    let full_script = snippet(&printed, "The full layout with a script", 2);
    assert!(full_script.contains("embed=full"), "{full_script}");
    for name in [
        "dateline_web.js",
        "dateline_web_bg.wasm",
        "style.css",
        "embed.js",
        "timeline.json",
        "timeline.timelinejs.json",
        "timeline.csv",
        "timeline.ics",
        "timeline.jsonl",
    ] {
        assert!(site.join(name).is_file(), "the export has {name}");
    }
    let index = std::fs::read_to_string(site.join("index.html")).expect("index.html");
    assert!(
        !index.contains("src=\"/") && !index.contains("href=\"/"),
        "relative URLs only"
    );

    // The host page, on another port: the script snippet as printed, and the iframe snippet
    // pointed at one person and one event.
    let filtered = iframe.replacen(
        "?embed=compact&amp;height=400\"",
        &format!("?person=mira-murati&amp;embed=compact&amp;height=300#event-{MURATI}\""),
        1,
    );
    let host_dir = tmp.path().join("host");
    std::fs::create_dir_all(&host_dir).expect("host folder");
    std::fs::write(
        host_dir.join("index.html"),
        format!(
            "<!doctype html><meta charset=utf-8><title>Host</title>\
             <script>window.__heights = []; addEventListener('message', e => {{\
               if (e.data && e.data.type === 'dateline:height') {{\
                 const f = document.querySelector('.dateline-embed iframe');\
                 window.__heights.push([e.origin, e.data.height, !!f && e.source === f.contentWindow]); }} }});</script>\
             <h1>A blog post</h1>\n{script}\n<p>Between.</p>\n{filtered}\n<p>The end.</p>"
        ),
    )
    .expect("write the host page");
    let host = StaticServer::start(&host_dir, "/");
    assert_ne!(host.origin, host_of_site.origin);

    let driver = ChromeDriver::start();
    let browser = driver.browser().await;
    browser
        .goto(&format!("{}/", host.origin))
        .await
        .expect("open the host page");
    wait_until(
        &browser,
        "return document.querySelectorAll('iframe').length === 2;",
        "the loader's frame",
    )
    .await;

    // The loader's frame: the whole timeline, drawn.
    browser.enter_frame(0).await.expect("enter the frame");
    wait_until(&browser, READY, "the timeline in the loader's frame").await;
    let all = rows(&browser).await;
    assert!(all.len() >= 5, "{all:?}");
    assert!(
        all.iter()
            .any(|(_, p)| p.split(' ').any(|p| p == "bob-mcgrew")),
        "{all:?}"
    );
    let in_frame = browser
        .execute(
            "return [window.parent !== window, document.documentElement.classList.contains('framed'), location.origin];",
            vec![],
        )
        .await
        .expect("read");
    assert_eq!(
        in_frame,
        serde_json::json!([true, true, host_of_site.origin])
    );
    browser
        .enter_parent_frame()
        .await
        .expect("back to the host");

    // The frame told the host its height and the loader fitted the frame to it.
    wait_until(
        &browser,
        &format!(
            "const f = document.querySelector('.dateline-embed iframe'); const h = window.__heights.filter(x => x[0] === {:?} && x[2]).map(x => x[1]);
             return h.length > 0 && f.style.height === h[h.length - 1] + 'px' && h[h.length - 1] > 300;",
            host_of_site.origin
        ),
        "the height message and the fitted frame",
    )
    .await;

    // The iframe snippet with ?person= and #event-: only Murati, her event open.
    browser.enter_frame(1).await.expect("enter the frame");
    wait_until(&browser, READY, "the timeline in the second frame").await;
    let theirs = rows(&browser).await;
    assert!(!theirs.is_empty());
    assert!(theirs.iter().all(|(_, p)| p == "mira-murati"), "{theirs:?}");
    wait_until(
        &browser,
        &format!(
            "return document.querySelector('.details h2')?.dataset.eventId === {MURATI:?} && !!document.querySelector('.plot .sel[data-event-id={MURATI:?}]');"
        ),
        "the linked event opened in the frame",
    )
    .await;
    let plot_height = browser
        .execute(
            "return document.querySelector('.plot').getBoundingClientRect().height;",
            vec![],
        )
        .await
        .expect("measure");
    assert_eq!(
        plot_height.as_f64().map(f64::round),
        Some(300.0),
        "?height=300"
    );
    browser
        .enter_parent_frame()
        .await
        .expect("back to the host");

    // The app's Embed panel gives the CLI's snippets for the same view.
    browser
        .goto(&format!("{base}?person=mira-murati&theme=dark"))
        .await
        .expect("open the export");
    wait_until(&browser, READY, "the exported app").await;
    let dark = browser
        .execute(
            "return document.documentElement.dataset.theme === 'dark' && getComputedStyle(document.documentElement).backgroundColor;",
            vec![],
        )
        .await
        .expect("read the theme");
    assert_eq!(dark, serde_json::json!("rgb(21, 21, 23)"), "?theme=dark");
    browser
        .find(Locator::Css(".embed summary"))
        .await
        .expect("the Embed button")
        .click()
        .await
        .expect("open the Embed panel");
    let panel_iframe = browser
        .find(Locator::Css("#embed-iframe"))
        .await
        .expect("the iframe snippet")
        .prop("value")
        .await
        .expect("read")
        .unwrap_or_default();
    assert_eq!(
        panel_iframe,
        iframe.replacen(
            "?embed=compact&amp;height=400\"",
            "?person=mira-murati&amp;embed=compact&amp;height=400\"",
            1
        )
    );
    let panel_script = browser
        .find(Locator::Css("#embed-script"))
        .await
        .expect("the script snippet")
        .prop("value")
        .await
        .expect("read")
        .unwrap_or_default();
    assert_eq!(
        panel_script,
        script.replace(
            "?embed=compact&amp;height=400\"",
            "?person=mira-murati&amp;embed=compact&amp;height=400\""
        )
    );
    browser.close().await.expect("close");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_single_file_export_opens_from_a_plain_static_server_alone() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let db = seed_store(tmp.path());
    let out = tmp.path().join("pub");
    let file = out.join("timeline.html");
    let (ok, _, err) = run_cli(&[
        "export",
        "--db",
        &db,
        "--single-file",
        "--out",
        file.to_str().expect("UTF-8"),
        "--title",
        "One file",
    ]);
    assert!(ok, "{err}");
    let html = std::fs::read_to_string(&file).expect("the file");
    assert!(html.contains("id=\"dateline-data\""));
    let server = StaticServer::start(&out, "/");
    let driver = ChromeDriver::start();
    let browser = driver.browser().await;
    browser
        .goto(&format!("{}/timeline.html", server.origin))
        .await
        .expect("open the file");
    wait_until(&browser, READY, "the timeline from one file").await;
    let all = rows(&browser).await;
    assert!(
        all.iter().any(|(id, _)| id == MURATI),
        "Murati's resignation: {all:?}"
    );
    let title = browser
        .find(Locator::Css("h1"))
        .await
        .expect("the title")
        .text()
        .await
        .expect("text");
    assert_eq!(title, "One file");
    // Nothing but the page itself was fetched from the server.
    let asked: Vec<String> = server
        .paths()
        .into_iter()
        .filter(|p| p != "/favicon.ico")
        .collect();
    assert_eq!(asked, ["/timeline.html"]);
    browser.close().await.expect("close");
}
