//! Issue 17 in headless Chromium against the real binary run with `--token`: hiding,
//! re-dating and showing again an event from the details panel, pasting an article, and
//! the token prompt (asked once per tab, asked again when refused), and adding an article by
//! its address (fetched by the service from a local server).

use dateline_e2e::{ChromeDriver, Server, fixture, page_server};
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use std::time::{Duration, Instant};

const TOKEN: &str = "s3cret-t0ken";

fn seed_server() -> Server {
    Server::start_with(
        &[fixture("demo/articles/seed-it.txt").as_path()],
        &["--token", TOKEN],
    )
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

/// Waits until `check` holds of the service (polled over HTTP).
async fn wait_for_service(what: &str, mut check: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !check() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn open(server: &Server, driver: &ChromeDriver) -> Client {
    let browser = driver.browser().await;
    browser.goto(&server.base).await.expect("open the app");
    wait_until(
        &browser,
        "return !!document.querySelector('[data-timeline-ready]') && !!document.querySelector('tbody tr[data-event-id]');",
        "the timeline to be drawn",
    )
    .await;
    browser
}

async fn click(browser: &Client, css: &str) {
    // The view may re-render the element between finding and clicking it (a stale
    // reference): find it again, a few times.
    let mut attempt = 0;
    loop {
        let element = browser
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no {css}: {e}"));
        match element.click().await {
            Ok(()) => return,
            Err(e) if attempt < 5 && e.to_string().contains("stale element") => {
                attempt += 1;
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(e) => panic!("cannot click {css}: {e}"),
        }
    }
}

/// The current value of the form field `css`.
async fn value_of(browser: &Client, css: &str) -> serde_json::Value {
    let script = format!("return document.querySelector({css:?}).value;");
    browser
        .execute(&script, vec![])
        .await
        .unwrap_or_else(|e| panic!("no value of {css}: {e}"))
}

/// Types `text` into the element `css` (after clearing it).
async fn type_into(browser: &Client, css: &str, text: &str) {
    let e = browser
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"));
    e.clear().await.expect("clear");
    e.send_keys(text).await.expect("type");
}

/// Chooses the event `id` in the list (its details open).
async fn choose(browser: &Client, id: &str) {
    click(browser, &format!("tbody tr[data-event-id='{id}']")).await;
    wait_until(
        browser,
        &format!("return document.querySelector('#details-h')?.dataset.eventId === '{id}';"),
        "the details of the chosen event",
    )
    .await;
}

/// Ids of the visible events the service lists.
fn listed(server: &Server) -> Vec<String> {
    server.get_json("/api/events?limit=1000")["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["id"].as_str().expect("id").to_string())
        .collect()
}

async fn rows(browser: &Client) -> Vec<String> {
    let v = browser
        .execute(
            "return [...document.querySelectorAll('tbody tr[data-event-id]')].map(r => r.dataset.eventId);",
            vec![],
        )
        .await
        .expect("rows");
    serde_json::from_value(v).expect("ids")
}

/// Answers the token prompt with `token` and Enter.
async fn give_token(browser: &Client, token: &str) {
    wait_until(
        browser,
        "const p = document.querySelector('.token-prompt'); return !!p && !p.hidden;",
        "the token prompt",
    )
    .await;
    type_into(browser, "[data-token-input]", token).await;
    browser
        .find(Locator::Css("[data-token-input]"))
        .await
        .expect("token input")
        .send_keys(&char::from(Key::Enter).to_string())
        .await
        .expect("Enter");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hide_redate_and_unhide_from_the_details_panel_with_the_token_asked_once() {
    let server = seed_server();
    let driver = ChromeDriver::start();
    let browser = open(&server, &driver).await;
    let before = listed(&server);
    assert!(before.len() >= 3, "{before:?}");
    let (hidden, redated) = (before[0].clone(), before[1].clone());

    // Hide: the service asks for the token (401), the page asks for it once.
    choose(&browser, &hidden).await;
    click(&browser, "[data-action=hide-event]").await;
    give_token(&browser, TOKEN).await;
    wait_for_service("the event to be hidden", || {
        !listed(&server).contains(&hidden)
    })
    .await;
    let detail = server.get_json(&format!("/api/events/{hidden}"));
    assert_eq!(detail["hidden"], true, "{detail}");
    wait_until(
        &browser,
        &format!("return !document.querySelector(\"tbody tr[data-event-id='{hidden}']\");"),
        "the hidden event to leave the list",
    )
    .await;
    assert!(listed(&server).contains(&redated));

    // Re-date another: the token is kept for the tab, no prompt this time.
    choose(&browser, &redated).await;
    click(&browser, "[data-action=edit-event]").await;
    type_into(&browser, "[name=date]", "2020-02-02").await;
    browser
        .execute(
            "const p = document.querySelector('.edit-form [name=precision]'); p.value = 'day'; p.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![],
        )
        .await
        .expect("choose the day precision");
    click(&browser, "[data-action=save-event]").await;
    wait_for_service("the stored date", || {
        server.get_json(&format!("/api/events/{redated}"))["date"]["value"] == "2020-02-02"
    })
    .await;
    let stored = server.get_json(&format!("/api/events/{redated}"));
    assert_eq!(stored["date"]["precision"], "day", "{stored}");
    assert_eq!(stored["corrected"], true, "{stored}");
    wait_until(
        &browser,
        &format!(
            "return document.querySelector(\"tbody tr[data-event-id='{redated}']\")?.dataset.date === '2020-02-02';"
        ),
        "the list to show the new date",
    )
    .await;
    let prompt_open = browser
        .execute(
            "return !document.querySelector('.token-prompt').hidden;",
            vec![],
        )
        .await
        .expect("prompt state");
    assert_eq!(prompt_open, serde_json::json!(false), "asked only once");
    // The earliest row is now the re-dated event.
    assert_eq!(rows(&browser).await.first(), Some(&redated));

    // Unhide from the hidden events view.
    click(&browser, ".hidden-events summary").await;
    click(
        &browser,
        &format!(".hidden-events li[data-event-id='{hidden}'] [data-action=unhide-event]"),
    )
    .await;
    wait_for_service("the event to be shown again", || {
        listed(&server).contains(&hidden)
    })
    .await;
    wait_until(
        &browser,
        &format!("return !!document.querySelector(\"tbody tr[data-event-id='{hidden}']\");"),
        "the event back in the list",
    )
    .await;
    // The token is never in the URL.
    let url = browser.current_url().await.expect("url");
    assert!(!url.as_str().contains(TOKEN), "{url}");
    browser.close().await.expect("close");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_token_gives_a_clear_message_and_nothing_changes() {
    let server = seed_server();
    let driver = ChromeDriver::start();
    let browser = open(&server, &driver).await;
    let before = listed(&server);
    let id = before[0].clone();
    choose(&browser, &id).await;
    click(&browser, "[data-action=hide-event]").await;
    give_token(&browser, "not-the-token").await;
    // Refused: the prompt asks again and says why.
    wait_until(
        &browser,
        "const p = document.querySelector('.token-prompt'); return !p.hidden && /refused/.test(p.textContent);",
        "the prompt to say the token was refused",
    )
    .await;
    click(&browser, "[data-action=cancel-token]").await;
    wait_until(
        &browser,
        "return /Not saved: the service refused the token/.test(document.querySelector('.notice')?.textContent || '');",
        "the message that nothing was saved",
    )
    .await;
    // The view is rolled back and the store is unchanged.
    wait_until(
        &browser,
        &format!("return !!document.querySelector(\"tbody tr[data-event-id='{id}']\");"),
        "the event back in the list",
    )
    .await;
    assert_eq!(listed(&server), before);
    let detail = server.get_json(&format!("/api/events/{id}"));
    assert_eq!(detail["hidden"], false, "{detail}");
    assert_eq!(detail["corrected"], false, "{detail}");
    browser.close().await.expect("close");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pasted_article_is_stored_and_its_events_drawn_highlighted() {
    let server = seed_server();
    let driver = ChromeDriver::start();
    let browser = open(&server, &driver).await;
    let articles = server.get_json("/api/articles");
    let n_articles = articles.as_array().expect("articles").len();
    click(&browser, "[data-action=add-article]").await;

    // No date given and no date line: the API's error is shown by the field, text kept.
    let text = "Acme Robotics appointed Jane Roe as chief executive officer on 3 March 2025, the company said.";
    type_into(&browser, "textarea[name=article-text]", text).await;
    wait_until(
        &browser,
        "return document.querySelector('select[name=article-lang]').value === 'en';",
        "English to be detected",
    )
    .await;
    click(&browser, "[data-action=extract]").await;
    give_token(&browser, TOKEN).await;
    wait_until(
        &browser,
        "return /publication date/.test(document.querySelector('#article-error').textContent);",
        "the API's error next to the field",
    )
    .await;
    let kept = value_of(&browser, "textarea[name=article-text]").await;
    assert_eq!(kept, serde_json::json!(text));
    assert_eq!(
        server.get_json("/api/articles").as_array().map(Vec::len),
        Some(n_articles)
    );

    // With its date: stored, and its event drawn highlighted.
    browser
        .execute(
            "const d = document.querySelector('input[name=article-published]'); d.value = '2025-03-04'; d.dispatchEvent(new Event('input', {bubbles: true}));",
            vec![],
        )
        .await
        .expect("set the date");
    click(&browser, "[data-action=extract]").await;
    wait_until(
        &browser,
        "return /1 new, 0 merged/.test(document.querySelector('.add-article .outcome').textContent);",
        "the outcome",
    )
    .await;
    let stored = server.get_json("/api/articles");
    assert_eq!(
        stored.as_array().map(Vec::len),
        Some(n_articles + 1),
        "{stored}"
    );
    let events = server.get_json("/api/events?person=jane-roe");
    let event = &events["events"][0];
    assert_eq!(event["kind"], "appointment", "{events}");
    assert_eq!(event["date"]["value"], "2025-03-03", "{events}");
    let id = event["id"].as_str().expect("id").to_string();
    wait_until(
        &browser,
        &format!(
            "return !!document.querySelector(\".plot .m.fresh[data-event-id='{id}']\") && !!document.querySelector(\"tbody tr.fresh[data-event-id='{id}']\");"
        ),
        "the new event drawn highlighted on the timeline and in the list",
    )
    .await;
    browser.close().await.expect("close");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_article_given_by_its_address_is_fetched_and_its_source_linked() {
    let pages = page_server();
    let server = Server::start_with(
        &[fixture("demo/articles/seed-it.txt").as_path()],
        &["--token", TOKEN, "--allow-private-fetch"],
    );
    let driver = ChromeDriver::start();
    let browser = open(&server, &driver).await;
    click(&browser, "[data-action=add-article]").await;

    // A page that is not HTML: the service's error by the field, the address kept.
    let pdf = format!("{pages}/pdf");
    type_into(&browser, "input[name=article-url]", &pdf).await;
    click(&browser, "[data-action=extract]").await;
    give_token(&browser, TOKEN).await;
    wait_until(
        &browser,
        "return /not HTML or plain text/.test(document.querySelector('#article-error').textContent);",
        "the fetch error next to the field",
    )
    .await;
    let kept = value_of(&browser, "input[name=article-url]").await;
    assert_eq!(kept, serde_json::json!(pdf));

    // The article's page: fetched, stored with its address, its event drawn and linked.
    let page = format!("{pages}/hop/2");
    type_into(&browser, "input[name=article-url]", &page).await;
    click(&browser, "[data-action=extract]").await;
    wait_until(
        &browser,
        "return /1 new, 0 merged/.test(document.querySelector('.add-article .outcome').textContent);",
        "the outcome",
    )
    .await;
    let source = format!("{pages}/article");
    let articles = server.get_json("/api/articles");
    assert!(
        articles
            .as_array()
            .expect("articles")
            .iter()
            .any(|a| a["url"] == source.as_str() && a["published"] == "2024-10-02"),
        "{articles}"
    );
    let events = server.get_json("/api/events?person=lena-park");
    let id = events["events"][0]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("Lena Park's event in {events}"))
        .to_string();
    // The new event is chosen at once (the list scrolls to it, so its rows are redrawn:
    // clicked from the page itself, until its details show).
    wait_until(
        &browser,
        &format!(
            "if (document.querySelector('#details-h')?.dataset.eventId === '{id}') return true; \
             document.querySelector(\"tbody tr.fresh[data-event-id='{id}']\")?.click(); return false;"
        ),
        "the details of the new event",
    )
    .await;
    wait_until(
        &browser,
        &format!("return [...document.querySelectorAll('.sources .source a')].some(a => a.href === '{source}');"),
        "the page's address as the source link in the details",
    )
    .await;
    browser.close().await.expect("close");
}

/// Sets the Edit form's field `name` to `value` (`true`/`false` tick a checkbox) as a user
/// would, with its `input` and `change` events.
async fn set_field(browser: &Client, name: &str, value: serde_json::Value) {
    browser
        .execute(
            "const [name, v] = arguments; const f = document.querySelector(`.edit-form [name=${name}]`);
             if (typeof v === 'boolean') { f.checked = v; } else { f.value = v; }
             f.dispatchEvent(new Event('input', {bubbles: true}));
             f.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![serde_json::json!(name), value],
        )
        .await
        .unwrap_or_else(|e| panic!("set {name}: {e}"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_field_of_an_edit_is_stored_and_a_refused_edit_is_rolled_back() {
    let server = seed_server();
    let driver = ChromeDriver::start();
    let browser = open(&server, &driver).await;
    let before = listed(&server);
    let id = before[2].clone();
    let original = server.get_json(&format!("/api/events/{id}"));

    // The form opens filled with the event as it is.
    choose(&browser, &id).await;
    click(&browser, "[data-action=edit-event]").await;
    let shown = value_of(&browser, ".edit-form [name=date]").await;
    assert_eq!(shown, original["date"]["value"], "{original}");

    // Every field at once.
    set_field(&browser, "date", serde_json::json!("2023-07")).await;
    set_field(&browser, "precision", serde_json::json!("month")).await;
    set_field(&browser, "approx", serde_json::json!(true)).await;
    set_field(&browser, "kind", serde_json::json!("appointment")).await;
    set_field(
        &browser,
        "persons",
        serde_json::json!("Ada Lovelace, Grace Hopper"),
    )
    .await;
    set_field(&browser, "role", serde_json::json!("Chief scientist")).await;
    set_field(&browser, "org", serde_json::json!("Analytical Engines")).await;
    click(&browser, "[data-action=save-event]").await;
    give_token(&browser, TOKEN).await;
    wait_for_service("the stored correction", || {
        server.get_json(&format!("/api/events/{id}"))["kind"] == "appointment"
    })
    .await;
    let stored = server.get_json(&format!("/api/events/{id}"));
    assert_eq!(
        stored["date"],
        serde_json::json!({"value": "2023-07", "precision": "month", "approx": true}),
        "{stored}"
    );
    assert_eq!(
        stored["persons"],
        serde_json::json!(["Ada Lovelace", "Grace Hopper"]),
        "{stored}"
    );
    assert_eq!(stored["role"], "Chief scientist", "{stored}");
    assert_eq!(stored["org"], "Analytical Engines", "{stored}");
    wait_until(
        &browser,
        &format!(
            "const r = document.querySelector(\"tbody tr[data-event-id='{id}']\"); return !!r && r.dataset.kind === 'appointment' && r.dataset.persons === 'ada-lovelace grace-hopper' && r.dataset.date === '2023-07';"
        ),
        "the list to show the correction",
    )
    .await;

    // A role the service refuses (over 200 characters): the view is put back, with why.
    choose(&browser, &id).await;
    click(&browser, "[data-action=edit-event]").await;
    set_field(&browser, "role", serde_json::json!("x".repeat(201))).await;
    set_field(&browser, "kind", serde_json::json!("dismissal")).await;
    click(&browser, "[data-action=save-event]").await;
    wait_until(
        &browser,
        "return /Not saved: role is longer than 200 characters/.test(document.querySelector('.notice')?.textContent || '');",
        "the service's reason",
    )
    .await;
    wait_until(
        &browser,
        &format!(
            "return document.querySelector(\"tbody tr[data-event-id='{id}']\")?.dataset.kind === 'appointment';"
        ),
        "the view rolled back",
    )
    .await;
    let after = server.get_json(&format!("/api/events/{id}"));
    assert_eq!(after, stored, "the store is unchanged");
    browser.close().await.expect("close");
}
