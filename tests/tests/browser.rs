//! The web app in headless Chromium, served by the real binary with the seed story (or the
//! markup fixture): what the timeline and the list show, the person filter through its
//! type-ahead, the filter in the URL across reload and history, the keyboard, inert text.

use dateline_e2e::{ChromeDriver, Server, fixture};
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use std::time::{Duration, Instant};

/// One rendered event: (data-event-id, data-kind, data-date, data-persons).
type Shown = (String, String, String, String);

/// The events a selector matches, read in one script call.
async fn shown(browser: &Client, css: &str) -> Vec<Shown> {
    let script = r#"return [...document.querySelectorAll(arguments[0])].map(e =>
        [e.dataset.eventId, e.dataset.kind, e.dataset.date, e.dataset.persons]);"#;
    let value = browser
        .execute(script, vec![serde_json::json!(css)])
        .await
        .expect("read the rendered events");
    serde_json::from_value(value).expect("rows of four strings")
}

/// The list view's rows.
async fn rows(browser: &Client) -> Vec<Shown> {
    shown(browser, "tbody tr[data-event-id]").await
}

/// Waits until `check` (a script returning a boolean) holds.
async fn wait_until(browser: &Client, check: &str, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let ok = browser.execute(check, vec![]).await.expect("run a check");
        if ok == serde_json::json!(true) {
            return;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn wait_ready(browser: &Client) {
    wait_until(
        browser,
        "return !!document.querySelector('[data-timeline-ready]') && !!document.querySelector('tbody tr[data-event-id]');",
        "the timeline to be drawn",
    )
    .await;
}

async fn open(server: &Server, driver: &ChromeDriver, query: &str) -> Client {
    let browser = driver.browser().await;
    browser
        .goto(&format!("{}/{query}", server.base))
        .await
        .expect("open the app");
    wait_ready(&browser).await;
    browser
}

async fn active_event_id(browser: &Client) -> Option<String> {
    browser
        .active_element()
        .await
        .expect("active element")
        .attr("data-event-id")
        .await
        .expect("read data-event-id")
}

async fn press(browser: &Client, key: Key) {
    browser
        .active_element()
        .await
        .expect("active element")
        .send_keys(&char::from(key).to_string())
        .await
        .expect("send a key");
}

fn seed_server() -> Server {
    Server::start(&[fixture("demo/articles/seed-it.txt").as_path()])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_resignations_of_murati_mcgrew_and_zoph_appear_on_2024_09_26() {
    let server = seed_server();
    let driver = ChromeDriver::start();
    let browser = open(&server, &driver, "").await;
    let listed = rows(&browser).await;
    let markers = shown(&browser, ".plot [data-event-id]").await;
    for person in ["mira-murati", "bob-mcgrew", "barret-zoph"] {
        let theirs = |all: &[Shown]| -> Vec<Shown> {
            all.iter()
                .filter(|(_, kind, _, persons)| {
                    kind == "resignation" && persons.split(' ').any(|p| p == person)
                })
                .cloned()
                .collect()
        };
        let in_list = theirs(&listed);
        assert_eq!(
            in_list.len(),
            1,
            "{person}'s resignation in the list: {listed:?}"
        );
        assert_eq!(in_list[0].2, "2024-09-26", "{person}: {in_list:?}");
        let on_plot = theirs(&markers);
        assert_eq!(on_plot.len(), 1, "{person}'s marker: {markers:?}");
        assert_eq!(on_plot[0].2, "2024-09-26", "{person}: {on_plot:?}");
    }

    // The figures: a chart per organisation, opened on demand.
    browser
        .find(Locator::Css(".figures summary"))
        .await
        .expect("the figures")
        .click()
        .await
        .expect("open the figures");
    let chart = browser
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(".figures figure svg[role=img]"))
        .await
        .expect("a chart");
    let label = chart
        .attr("aria-label")
        .await
        .expect("read")
        .unwrap_or_default();
    assert!(label.contains("OpenAI"), "{label}");
    browser.close().await.expect("close");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn person_filter_by_type_ahead_lives_in_the_url_across_reload_back_and_forward() {
    let server = seed_server();
    let driver = ChromeDriver::start();
    let browser = open(&server, &driver, "").await;
    let all = rows(&browser).await;
    assert!(all.len() >= 4, "{all:?}");
    assert!(
        all.windows(2).all(|w| w[0].2 <= w[1].2),
        "the list is in date order: {all:?}"
    );
    let body = browser
        .find(Locator::Css("body"))
        .await
        .expect("body")
        .text()
        .await
        .expect("text");
    assert!(body.contains("Mira Murati"), "{body}");

    // Type part of the name, choose the suggestion with Enter.
    let input = browser
        .find(Locator::Css("#person-input"))
        .await
        .expect("the person filter");
    input.click().await.expect("focus the person filter");
    input.send_keys("jan le").await.expect("type");
    browser
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(
            "#person-options li[data-person=\"jan-leike\"]",
        ))
        .await
        .expect("Jan Leike is suggested");
    input
        .send_keys(&char::from(Key::Enter).to_string())
        .await
        .expect("choose");
    wait_until(
        &browser,
        "return location.search === '?person=jan-leike';",
        "the URL to hold the filter",
    )
    .await;
    let expect_only_leike = |shown: &[Shown]| {
        assert!(!shown.is_empty());
        for (id, kind, date, persons) in shown {
            assert_eq!(persons, "jan-leike", "{id}");
            assert_eq!(kind, "resignation", "{id}");
            assert!(date.starts_with("2024-05"), "{id} on {date}");
        }
    };
    wait_until(
        &browser,
        "return [...document.querySelectorAll('tbody tr[data-event-id]')].every(r => r.dataset.persons === 'jan-leike');",
        "the list to keep only Jan Leike",
    )
    .await;
    let filtered = rows(&browser).await;
    assert_eq!(filtered.len(), 1, "{filtered:?}");
    expect_only_leike(&filtered);
    expect_only_leike(&shown(&browser, ".plot [data-event-id]").await);
    assert!(
        browser
            .find(Locator::Css(".chip[data-person=\"jan-leike\"]"))
            .await
            .is_ok()
    );

    // A reload keeps the filter.
    browser.refresh().await.expect("reload");
    wait_ready(&browser).await;
    assert_eq!(rows(&browser).await, filtered);

    // Back shows everything again, forward the filtered view.
    browser.back().await.expect("back");
    wait_until(
        &browser,
        "return location.search === '' && document.querySelectorAll('tbody tr[data-event-id]').length > 1;",
        "back to the unfiltered view",
    )
    .await;
    assert_eq!(rows(&browser).await, all);
    browser.forward().await.expect("forward");
    wait_until(
        &browser,
        "return location.search === '?person=jan-leike' && document.querySelectorAll('tbody tr[data-event-id]').length === 1;",
        "forward to the filtered view",
    )
    .await;
    expect_only_leike(&rows(&browser).await);

    // Kind and text filters from a shared URL.
    browser
        .goto(&format!("{}/?kind=appointment", server.base))
        .await
        .expect("open a shared view");
    wait_ready(&browser).await;
    let appointments = rows(&browser).await;
    assert!(
        appointments.iter().all(|r| r.1 == "appointment"),
        "{appointments:?}"
    );
    browser
        .goto(&format!(
            "{}/?person=mira-murati&kind=resignation",
            server.base
        ))
        .await
        .expect("open a shared view");
    wait_ready(&browser).await;
    let murati = rows(&browser).await;
    assert_eq!(murati.len(), 1, "{murati:?}");
    assert_eq!(murati[0].3, "mira-murati");
    browser.close().await.expect("close");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_keyboard_moves_between_events_and_opens_their_details() {
    let server = seed_server();
    let driver = ChromeDriver::start();
    let browser = open(&server, &driver, "").await;
    let all = rows(&browser).await;
    assert!(all.len() >= 3, "{all:?}");

    // On the timeline: Home goes to the first event, arrows to the next and back.
    browser
        .execute("document.querySelector('.plot').focus();", vec![])
        .await
        .expect("focus the timeline");
    press(&browser, Key::Home).await;
    assert_eq!(
        active_event_id(&browser).await.as_deref(),
        Some(all[0].0.as_str())
    );
    press(&browser, Key::Right).await;
    assert_eq!(
        active_event_id(&browser).await.as_deref(),
        Some(all[1].0.as_str())
    );
    press(&browser, Key::Right).await;
    assert_eq!(
        active_event_id(&browser).await.as_deref(),
        Some(all[2].0.as_str())
    );
    press(&browser, Key::Left).await;
    assert_eq!(
        active_event_id(&browser).await.as_deref(),
        Some(all[1].0.as_str())
    );
    wait_until(
        &browser,
        &format!(
            "return document.querySelector('.details h2')?.dataset.eventId === {:?};",
            all[1].0
        ),
        "the details of the chosen event",
    )
    .await;
    let details = browser
        .find(Locator::Css(".details"))
        .await
        .expect("details")
        .text()
        .await
        .expect("text");
    assert!(details.contains("Evidence"), "{details}");

    // The chosen event is named in the URL's fragment, and a reload shows it again.
    let hash = browser
        .execute("return location.hash;", vec![])
        .await
        .expect("read the hash");
    assert_eq!(hash, serde_json::json!(format!("#event-{}", all[1].0)));
    browser.refresh().await.expect("reload");
    wait_ready(&browser).await;
    wait_until(
        &browser,
        &format!(
            "return document.querySelector('.details h2')?.dataset.eventId === {:?} && !!document.querySelector('.plot .sel[data-event-id={:?}]');",
            all[1].0, all[1].0
        ),
        "the linked event chosen after a reload",
    )
    .await;

    // Zoom keys change the visible range.
    let range = || async {
        browser
            .find(Locator::Css(".range"))
            .await
            .expect("range")
            .text()
            .await
            .expect("text")
    };
    let before = range().await;
    press(&browser, Key::Escape).await;
    browser
        .execute("document.querySelector('.plot').focus();", vec![])
        .await
        .expect("focus the timeline");
    browser
        .active_element()
        .await
        .expect("active")
        .send_keys("+")
        .await
        .expect("zoom in");
    let deadline = Instant::now() + Duration::from_secs(10);
    while range().await == before {
        assert!(Instant::now() < deadline, "+ did not zoom: {before}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // In the list: arrows move between rows.
    browser
        .execute(
            "document.querySelector('tbody tr[data-event-id]').focus();",
            vec![],
        )
        .await
        .expect("focus the first row");
    press(&browser, Key::Down).await;
    assert_eq!(
        active_event_id(&browser).await.as_deref(),
        Some(all[1].0.as_str())
    );
    press(&browser, Key::Down).await;
    assert_eq!(
        active_event_id(&browser).await.as_deref(),
        Some(all[2].0.as_str())
    );
    press(&browser, Key::Up).await;
    assert_eq!(
        active_event_id(&browser).await.as_deref(),
        Some(all[1].0.as_str())
    );
    browser.close().await.expect("close");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn article_text_with_markup_renders_inert() {
    let server = Server::start(&[fixture("tests/fixtures/xss-en.txt").as_path()]);
    let driver = ChromeDriver::start();
    let browser = open(&server, &driver, "").await;
    browser
        .find(Locator::Css("tbody tr[data-event-id]"))
        .await
        .expect("a row")
        .click()
        .await
        .expect("choose the event");
    let evidence = browser
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(".details .evidence"))
        .await
        .expect("the evidence is shown");
    let text = evidence.text().await.expect("text");
    assert!(
        text.contains("<img src=x onerror="),
        "the markup shows as text: {text}"
    );
    let source = browser
        .find(Locator::Css(".details .source"))
        .await
        .expect("the source")
        .text()
        .await
        .expect("text");
    assert!(
        source.contains("<script>"),
        "the title shows as text: {source}"
    );
    assert!(
        browser
            .find_all(Locator::Css("main img, main script"))
            .await
            .expect("query")
            .is_empty()
    );
    let pwned = browser
        .execute("return window.__pwned === true;", vec![])
        .await
        .expect("run a check");
    assert_eq!(pwned, serde_json::json!(false));
    browser.close().await.expect("close");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn free_text_filter_wheel_zoom_and_a_narrow_touch_screen_with_drag_and_pinch() {
    let server = seed_server();
    let driver = ChromeDriver::start();
    let browser = open(&server, &driver, "").await;

    // Free text: the count follows the typing, the URL keeps the words.
    let text = browser
        .find(Locator::Css("#text-input"))
        .await
        .expect("the text filter");
    text.send_keys("leike").await.expect("type");
    wait_until(
        &browser,
        "return location.search === '?q=leike' && document.querySelectorAll('tbody tr[data-event-id]').length === 1;",
        "the text filter",
    )
    .await;
    let count = browser
        .find(Locator::Css(".count"))
        .await
        .expect("the count")
        .text()
        .await
        .expect("text");
    assert!(count.starts_with("1 of "), "{count}");
    expect_persons(&rows(&browser).await, "jan-leike");

    // The wheel zooms the time axis.
    browser
        .goto(&format!("{}/", server.base))
        .await
        .expect("open");
    wait_ready(&browser).await;
    let range = "return document.querySelector('.range').textContent;";
    let before = browser.execute(range, vec![]).await.expect("range");
    browser
        .execute(
            "const p = document.querySelector('.plot'); const r = p.getBoundingClientRect();
             p.dispatchEvent(new WheelEvent('wheel', { deltaY: -300, clientX: r.left + r.width / 2,
               clientY: r.top + 100, bubbles: true, cancelable: true }));",
            vec![],
        )
        .await
        .expect("wheel");
    let deadline = Instant::now() + Duration::from_secs(10);
    while browser.execute(range, vec![]).await.expect("range") == before {
        assert!(
            Instant::now() < deadline,
            "the wheel did not zoom: {before}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // 360 px wide: nothing overflows sideways and the timeline still shows the events.
    browser.set_window_size(360, 780).await.expect("resize");
    browser.refresh().await.expect("reload");
    wait_ready(&browser).await;
    let fits = browser
        .execute(
            "return document.documentElement.scrollWidth <= window.innerWidth + 1 && window.innerWidth <= 400;",
            vec![],
        )
        .await
        .expect("measure");
    assert_eq!(fits, serde_json::json!(true), "the page fits 360 px");
    assert!(!shown(&browser, ".plot [data-event-id]").await.is_empty());

    // Touch: a one-finger drag pans, a two-finger pinch zooms.
    for (what, script) in [
        (
            "drag",
            "const p = document.querySelector('.plot'); const y = p.getBoundingClientRect().top + 120;
             const ev = (t, id, x) => p.dispatchEvent(new PointerEvent(t, { pointerId: id, pointerType: 'touch',
               clientX: x, clientY: y, isPrimary: true, bubbles: true }));
             ev('pointerdown', 7, 200); ev('pointermove', 7, 150); ev('pointermove', 7, 100); ev('pointerup', 7, 100);",
        ),
        (
            "pinch",
            "const p = document.querySelector('.plot'); const y = p.getBoundingClientRect().top + 120;
             const ev = (t, id, x) => p.dispatchEvent(new PointerEvent(t, { pointerId: id, pointerType: 'touch',
               clientX: x, clientY: y, bubbles: true }));
             ev('pointerdown', 8, 120); ev('pointerdown', 9, 200); ev('pointermove', 9, 260); ev('pointermove', 9, 320);
             ev('pointerup', 9, 320); ev('pointerup', 8, 120);",
        ),
    ] {
        let before = browser.execute(range, vec![]).await.expect("range");
        browser.execute(script, vec![]).await.expect(what);
        let deadline = Instant::now() + Duration::from_secs(10);
        while browser.execute(range, vec![]).await.expect("range") == before {
            assert!(Instant::now() < deadline, "a {what} did not move the view: {before}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    browser.close().await.expect("close");
}

fn expect_persons(shown: &[Shown], person: &str) {
    assert!(!shown.is_empty());
    for (id, _, _, persons) in shown {
        assert!(
            persons.split(' ').any(|p| p == person),
            "{id} is not {person}'s"
        );
    }
}

/// A store with the stories of issue 16's tests: the seed, Acme (one event told in
/// English, Italian and Spanish, in the project's own fixtures) and Zenith, titled.
fn stories_server() -> (Server, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("stories.db");
    let db_s = db.to_str().expect("a UTF-8 path");
    for (story, paths, title) in [
        ("openai", &["demo/articles"][..], "OpenAI's exodus"),
        (
            "acme",
            &[
                "tests/fixtures/stories/acme-en.txt",
                "tests/fixtures/stories/acme-it.txt",
                "tests/fixtures/stories/acme-es.txt",
            ][..],
            "Acme's chief leaves",
        ),
        (
            "zenith",
            &["tests/fixtures/stories/zenith-en.txt"][..],
            "Zenith Labs",
        ),
    ] {
        let files: Vec<String> = paths
            .iter()
            .map(|p| fixture(p).to_str().expect("a UTF-8 path").to_string())
            .collect();
        let mut args = vec!["ingest", "--db", db_s, "--timeline", story];
        args.extend(files.iter().map(String::as_str));
        let (ok, _, err) = dateline_e2e::run_cli(&args);
        assert!(ok, "{err}");
        let (ok, _, err) =
            dateline_e2e::run_cli(&["timelines", "--db", db_s, "rename", story, "--title", title]);
        assert!(ok, "{err}");
    }
    (Server::start_on(&db, &[]), dir)
}

async fn value_of(browser: &Client, script: &str) -> serde_json::Value {
    browser.execute(script, vec![]).await.expect("run a script")
}

/// Issue 16: with several stories, `/` lists them (span, counts, people), the list filters
/// as you type, and a story opens at `?timeline=` with its title as the page title.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_story_list_filters_as_you_type_and_opens_a_story() {
    let (server, _dir) = stories_server();
    let driver = ChromeDriver::start();
    let browser = driver.browser().await;
    browser
        .goto(&format!("{}/", server.base))
        .await
        .expect("open the app");
    wait_until(
        &browser,
        "return document.querySelectorAll('.stories li').length === 3;",
        "the list of three stories",
    )
    .await;
    let items = value_of(
        &browser,
        "return [...document.querySelectorAll('.stories li')].map(li => [li.dataset.timeline, li.innerText]);",
    )
    .await;
    let items: Vec<(String, String)> = serde_json::from_value(items).expect("pairs");
    let acme = &items
        .iter()
        .find(|(id, _)| id == "acme")
        .expect("acme listed")
        .1;
    assert!(acme.contains("Acme's chief leaves"), "{acme}");
    assert!(acme.contains("3 articles"), "{acme}");
    assert!(acme.contains("2023"), "the span: {acme}");
    assert!(
        acme.contains("Dana Whitfield"),
        "the people most present: {acme}"
    );
    assert_eq!(
        value_of(&browser, "return document.title;").await,
        "Stories · Dateline"
    );
    // No 404 on load here either (the favicon, the list of stories).
    let bad = value_of(
        &browser,
        "return performance.getEntriesByType('resource').filter(e => e.responseStatus >= 400).map(e => e.name);",
    )
    .await;
    assert_eq!(bad, serde_json::json!([]), "resources that failed");
    // Typing filters the list.
    let input = browser
        .find(Locator::Css(".story-filter input"))
        .await
        .expect("the filter box");
    input.send_keys("castell").await.expect("type");
    wait_until(
        &browser,
        "return [...document.querySelectorAll('.stories li')].filter(li => !li.hidden).map(li => li.dataset.timeline).join() === 'zenith';",
        "only Zenith's story to stay",
    )
    .await;
    browser
        .find(Locator::Css(".stories li[data-timeline=zenith] a"))
        .await
        .expect("Zenith's link")
        .click()
        .await
        .expect("open Zenith's story");
    wait_ready(&browser).await;
    let url = browser.current_url().await.expect("the URL");
    assert_eq!(url.query(), Some("timeline=zenith"));
    assert_eq!(
        value_of(&browser, "return document.title;").await,
        "Zenith Labs"
    );
    let listed = rows(&browser).await;
    assert!(
        listed.len() == 2
            && listed
                .iter()
                .all(|r| r.0.contains("omar-castell") || r.0.contains("zenith")),
        "only Zenith's events: {listed:?}"
    );
}

/// Issue 16: `?timeline=acme` shows that story; Dana Whitfield's resignation, told in
/// English, Italian and Spanish, is one event whose details list three sources in three
/// languages, each with its credit; and nothing the page loads is a 404 (the favicon
/// included).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_story_by_url_shows_one_event_with_three_sources_in_three_languages() {
    let (server, _dir) = stories_server();
    let driver = ChromeDriver::start();
    let browser = open(&server, &driver, "?timeline=acme").await;
    assert_eq!(
        value_of(&browser, "return document.title;").await,
        "Acme's chief leaves"
    );
    let listed = rows(&browser).await;
    assert!(
        listed.iter().all(|r| !r.3.contains("mira-murati")),
        "{listed:?}"
    );
    let whitfield: Vec<&Shown> = listed
        .iter()
        .filter(|r| r.1 == "resignation" && r.3 == "dana-whitfield")
        .collect();
    assert_eq!(whitfield.len(), 1, "one event: {listed:?}");
    // Chosen as a reader would, by clicking its row (in the page: the list redraws rows).
    browser
        .execute(
            "document.querySelector(`tbody tr[data-event-id=\"${arguments[0]}\"]`).click();",
            vec![serde_json::json!(whitfield[0].0)],
        )
        .await
        .expect("choose Whitfield's row");
    wait_until(
        &browser,
        "return document.querySelectorAll('.sources > li').length > 0;",
        "the details' sources",
    )
    .await;
    let sources = value_of(
        &browser,
        "return [...document.querySelectorAll('.sources > li')].map(li => [li.querySelector('.source').innerText, (li.querySelector('.credit') || {}).innerText || '', li.innerText]);",
    )
    .await;
    let sources: Vec<(String, String, String)> = serde_json::from_value(sources).expect("triples");
    assert_eq!(sources.len(), 3, "{sources:?}");
    let mut langs: Vec<String> = sources
        .iter()
        .map(|(line, _, _)| line.rsplit(" · ").next().unwrap_or("").trim().to_string())
        .collect();
    langs.sort();
    assert_eq!(langs, ["en", "es", "it"], "{sources:?}");
    assert!(
        sources.iter().all(|(_, c, _)| c.contains("CC0")),
        "{sources:?}"
    );
    // Each language's own sentence is the evidence shown.
    for words in [
        "resigned on March 1",
        "si è dimessa",
        "dimitió el 1 de marzo",
    ] {
        assert!(
            sources.iter().any(|(_, _, all)| all.contains(words)),
            "{words}: {sources:?}"
        );
    }

    // No 404 on load: every resource answered, and the icon the page names is there.
    let bad = value_of(
        &browser,
        "return performance.getEntriesByType('resource').filter(e => e.responseStatus >= 400).map(e => e.name);",
    )
    .await;
    assert_eq!(bad, serde_json::json!([]), "resources that failed");
    let icon = value_of(
        &browser,
        "const l = document.querySelector('link[rel=icon]'); return l ? l.href : '';",
    )
    .await;
    let icon = icon.as_str().expect("an icon link").to_string();
    assert!(icon.ends_with("/favicon.svg"), "{icon}");
    let (status, body) = server.request("GET", "/favicon.svg", None, b"");
    assert_eq!(status, 200);
    assert!(body.starts_with("<svg"), "{body}");
}

/// The markers, labels and clusters drawn in the plot that stick out of it sideways, the
/// ids of the events drawn as markers and the clusters' counts, checked at each scroll
/// position of the lanes.
const CLIPPED: &str = r#"
const plot = document.querySelector('.plot .lanes');
const box = plot.getBoundingClientRect();
const seen = new Set(), clusters = new Map(), clipped = [];
const out = (e, what) => {
  const r = e.getBoundingClientRect();
  if (r.left < box.left - 0.5 || r.right > box.left + plot.clientWidth + 0.5)
    clipped.push([what, e.textContent, Math.round(r.left), Math.round(r.right), Math.round(box.left + plot.clientWidth)]);
};
const check = () => {
  for (const c of plot.querySelectorAll('.c')) {
    clusters.set(c.dataset.t + '@' + c.style.top, Number(c.textContent));
    out(c, 'cluster');
  }
  for (const m of plot.querySelectorAll('.m')) {
    seen.add(m.dataset.eventId);
    for (const e of [m, ...m.querySelectorAll('span')]) out(e, m.dataset.eventId);
  }
};
return { seen, clusters, clipped, check, plot };
"#;

/// Issue 16: after Fit all, no marker or label is cut off at either edge, at 1280 px and at
/// 390 px (the seed's Sept 2024 resignations, at the right edge, were).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fit_all_leaves_room_for_every_marker_and_label_at_1280_and_390_px() {
    let server = seed_server();
    let driver = ChromeDriver::start();
    let browser = driver.browser().await;
    for (w, h) in [(1280, 800), (390, 844)] {
        browser.set_window_size(w, h).await.expect("resize");
        browser
            .goto(&format!("{}/", server.base))
            .await
            .expect("open the app");
        wait_ready(&browser).await;
        let listed = rows(&browser).await;
        let events = listed.len();
        assert!(events >= 9, "the seed's events: {listed:?}");
        // Zoom in and pan away first, so that Fit all has something to undo.
        for _ in 0..3 {
            browser
                .find(Locator::Css("button[aria-label='Zoom in']"))
                .await
                .expect("the zoom button")
                .click()
                .await
                .expect("zoom in");
        }
        browser
            .find(Locator::Css("button[title^='Fit all']"))
            .await
            .expect("the Fit all button")
            .click()
            .await
            .expect("fit all");
        // Two frames: the redraw runs on the next one.
        browser
            .execute_async(
                "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                vec![],
            )
            .await
            .expect("wait for the redraw");
        let report = browser
            .execute_async(
                &[
                    "const done = arguments[0]; const s = (() => {",
                    CLIPPED,
                    "})();
                    const step = () => {
                      s.check();
                      if (s.plot.scrollTop + s.plot.clientHeight >= s.plot.scrollHeight - 1) {
                        done({ seen: [...s.seen], clustered: [...s.clusters.values()].reduce((a, b) => a + b, 0), clipped: s.clipped, width: s.plot.clientWidth,
                               labels: s.plot.querySelectorAll('.m span').length });
                        return;
                      }
                      s.plot.scrollTop += s.plot.clientHeight / 2;
                      requestAnimationFrame(() => requestAnimationFrame(step));
                    };
                    step();",
                ]
                .concat(),
                vec![],
            )
            .await
            .expect("measure the markers");
        let clipped = &report["clipped"];
        assert_eq!(
            clipped,
            &serde_json::json!([]),
            "clipped at {w} px: {report}"
        );
        let seen = report["seen"].as_array().map_or(0, Vec::len)
            + report["clustered"].as_u64().unwrap_or(0) as usize;
        assert_eq!(
            seen, events,
            "every event drawn, as a marker or in a cluster, at {w} px: {report} {listed:?}"
        );
        assert!(
            report["labels"].as_u64().unwrap_or(0) > 0,
            "labels are drawn at {w} px: {report}"
        );
        let width = report["width"].as_f64().unwrap_or(0.0);
        assert!(
            (f64::from(w) - 60.0..=f64::from(w)).contains(&width),
            "the plot is about the window's width: {width}"
        );
    }
    browser.close().await.expect("close");
}

/// Issue 16: inside a frame on another origin the app is compact by default (the timeline
/// at the top, the filters folded into one button, no date or kind inputs until asked for,
/// the title and the sources' credit kept), `?embed=full` gives the whole app, and the
/// Embed panel offers both layouts.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_frame_on_another_origin_is_compact_unless_asked_for_full() {
    let (server, dir) = stories_server();
    let host_dir = dir.path().join("host");
    std::fs::create_dir_all(&host_dir).expect("host folder");
    std::fs::write(
        host_dir.join("index.html"),
        format!(
            "<!doctype html><meta charset=utf-8><title>Host</title><h1>A blog post</h1>\
             <iframe src=\"{0}/?timeline=acme\" style=\"width:640px;height:700px;border:0\"></iframe>\
             <iframe src=\"{0}/?timeline=acme&amp;embed=full\" style=\"width:640px;height:700px;border:0\"></iframe>\
             <iframe src=\"{0}/?timeline=openai\" style=\"width:390px;height:700px;border:0\"></iframe>",
            server.base
        ),
    )
    .expect("write the host page");
    let host = dateline_e2e::StaticServer::start(&host_dir, "/");
    assert_ne!(host.origin, server.base);
    let driver = ChromeDriver::start();
    let browser = driver.browser().await;
    browser
        .goto(&format!("{}/", host.origin))
        .await
        .expect("open the host page");
    wait_until(
        &browser,
        "return document.querySelectorAll('iframe').length === 3;",
        "the frames",
    )
    .await;
    let hidden_inputs = "return [...document.querySelectorAll('#from-input, #to-input, fieldset.kinds input, #person-input, #text-input')].map(e => e.checkVisibility());";

    // The first frame: compact by default.
    browser.enter_frame(0).await.expect("enter the frame");
    wait_ready(&browser).await;
    let state = value_of(
        &browser,
        "const m = [...document.querySelectorAll('.plot .m')].map(m => m.getBoundingClientRect().top);
         return [window.parent !== window, document.documentElement.classList.contains('compact'),
                 !!document.querySelector('details.fold:not([open]) > summary'),
                 m.length > 0 ? Math.min(...m) : 9999,
                 document.querySelector('h1').textContent,
                 (document.querySelector('.credits') || {}).textContent || ''];",
    )
    .await;
    assert_eq!(state[0], true, "in a frame: {state}");
    assert_eq!(state[1], true, "compact by default in a frame: {state}");
    assert_eq!(
        state[2], true,
        "the filters folded into one button: {state}"
    );
    let first_marker = state[3].as_f64().unwrap_or(9999.0);
    assert!(
        first_marker < 200.0,
        "the first marker is within 200 px of the frame's top: {state}"
    );
    assert_eq!(state[4], "Acme's chief leaves", "the title stays: {state}");
    let credits = state[5].as_str().unwrap_or_default();
    assert!(
        credits.contains("3 sources") && credits.contains("CC0"),
        "the source credit stays: {state}"
    );
    let shown_inputs = value_of(&browser, hidden_inputs).await;
    let shown_inputs: Vec<bool> = serde_json::from_value(shown_inputs).expect("booleans");
    assert!(
        shown_inputs.len() >= 4 && shown_inputs.iter().all(|v| !v),
        "no filter input shown until asked for: {shown_inputs:?}"
    );
    // Asked for: the button opens the filters.
    browser
        .find(Locator::Css("details.fold > summary"))
        .await
        .expect("the Filters button")
        .click()
        .await
        .expect("open the filters");
    wait_until(
        &browser,
        "return [...document.querySelectorAll('#from-input, #to-input')].every(e => e.checkVisibility());",
        "the date inputs once asked for",
    )
    .await;
    browser
        .enter_parent_frame()
        .await
        .expect("back to the host");

    // The second frame: ?embed=full shows every filter.
    browser.enter_frame(1).await.expect("enter the frame");
    wait_ready(&browser).await;
    let full = value_of(
        &browser,
        "return [document.documentElement.classList.contains('compact'), !!document.querySelector('details.fold[open]'),
                 document.querySelector('details.fold > summary').checkVisibility()];",
    )
    .await;
    assert_eq!(
        full,
        serde_json::json!([false, true, false]),
        "?embed=full: the filters open, no Filters button"
    );
    let shown_inputs: Vec<bool> =
        serde_json::from_value(value_of(&browser, hidden_inputs).await).expect("booleans");
    assert!(
        shown_inputs.iter().all(|v| *v),
        "every filter shown: {shown_inputs:?}"
    );
    browser
        .enter_parent_frame()
        .await
        .expect("back to the host");

    // A phone-wide frame (390 px) of the seed: still the timeline first.
    browser.enter_frame(2).await.expect("enter the frame");
    wait_ready(&browser).await;
    let narrow = value_of(
        &browser,
        "const m = [...document.querySelectorAll('.plot .m')].map(m => m.getBoundingClientRect().top);
         return [document.documentElement.classList.contains('compact'), window.innerWidth, m.length > 0 ? Math.min(...m) : 9999];",
    )
    .await;
    assert_eq!(narrow[0], true, "{narrow}");
    assert!(narrow[1].as_f64().unwrap_or(0.0) <= 390.0, "{narrow}");
    assert!(
        narrow[2].as_f64().unwrap_or(9999.0) < 200.0,
        "the first marker within 200 px of a 390 px frame's top: {narrow}"
    );
    browser
        .enter_parent_frame()
        .await
        .expect("back to the host");

    // On its own page the app is full unless ?embed=compact; the Embed panel offers both.
    let page = open(&server, &driver, "?timeline=acme&embed=compact").await;
    assert_eq!(
        value_of(
            &page,
            "return document.documentElement.classList.contains('compact');"
        )
        .await,
        true
    );
    page.close().await.expect("close");
    let page = open(&server, &driver, "?timeline=acme").await;
    assert_eq!(
        value_of(
            &page,
            "return document.documentElement.classList.contains('compact');"
        )
        .await,
        false
    );
    page.find(Locator::Css(".embed summary"))
        .await
        .expect("the Embed button")
        .click()
        .await
        .expect("open the Embed panel");
    let snippets = "return [document.getElementById('embed-iframe').value, document.getElementById('embed-script').value];";
    let compact = value_of(&page, snippets).await;
    assert!(
        compact[0]
            .as_str()
            .unwrap_or_default()
            .contains("embed=compact")
            && compact[1]
                .as_str()
                .unwrap_or_default()
                .contains("embed=compact"),
        "{compact}"
    );
    page.execute(
        "const s = document.getElementById('embed-layout'); s.value = 'full'; s.dispatchEvent(new Event('change', { bubbles: true }));",
        vec![],
    )
    .await
    .expect("choose the full layout");
    wait_until(
        &page,
        "return document.getElementById('embed-iframe').value.includes('embed=full') && document.getElementById('embed-script').value.includes('embed=full');",
        "the full layout's snippets",
    )
    .await;
    let full = value_of(&page, snippets).await;
    assert!(
        full[0]
            .as_str()
            .unwrap_or_default()
            .contains("timeline=acme"),
        "the snippet keeps the story: {full}"
    );
    page.close().await.expect("close");
    browser.close().await.expect("close");
}
