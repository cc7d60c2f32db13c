//! The web app in headless Chromium, served by the real binary with the seed story.

use dateline_e2e::{ChromeDriver, Server, fixture};
use fantoccini::{Client, Locator};
use std::time::Duration;

async fn rendered_events(browser: &Client) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for el in browser
        .find_all(Locator::Css("[data-event-id]"))
        .await
        .expect("find rendered events")
    {
        let attr = |name: &'static str| {
            let el = el.clone();
            async move {
                el.attr(name)
                    .await
                    .expect("read an attribute")
                    .unwrap_or_default()
            }
        };
        out.push((
            attr("data-event-id").await,
            attr("data-persons").await,
            attr("data-date").await,
        ));
    }
    out
}

async fn wait_for_events(browser: &Client) {
    browser
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css("[data-event-id]"))
        .await
        .expect("the timeline shows events");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_seed_timeline_shows_murati_and_the_person_filter_keeps_one_persons_events() {
    let server = Server::start(&[fixture("demo/articles/seed-it.txt").as_path()]);
    let driver = ChromeDriver::start();
    let browser = driver.browser().await;
    browser.goto(&format!("{}/", server.base)).await.unwrap();
    wait_for_events(&browser).await;

    let all = rendered_events(&browser).await;
    assert!(all.len() >= 3, "{all:?}");
    let murati = all
        .iter()
        .find(|(_, persons, _)| persons.split(' ').any(|p| p == "mira-murati"))
        .expect("Mira Murati among the events");
    assert_eq!(murati.2, "2024-09-26");
    let body = browser
        .find(Locator::Css("body"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(body.contains("Mira Murati"), "{body}");

    // Choose Jan Leike in the person filter: only his events remain, and the URL says so.
    browser
        .find(Locator::Css("#person-filter"))
        .await
        .unwrap()
        .select_by_value("jan-leike")
        .await
        .unwrap();
    let shown = rendered_events(&browser).await;
    assert!(!shown.is_empty());
    assert!(shown.len() < all.len(), "{shown:?}");
    for (id, persons, _) in &shown {
        assert!(
            persons.split(' ').any(|p| p == "jan-leike"),
            "{id} is not Jan Leike's"
        );
    }
    let url = browser.current_url().await.unwrap();
    assert_eq!(url.query(), Some("person=jan-leike"));

    // A reload keeps the filter.
    browser.refresh().await.unwrap();
    wait_for_events(&browser).await;
    let reloaded = rendered_events(&browser).await;
    assert_eq!(reloaded, shown);
    browser.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn article_text_with_markup_renders_inert() {
    let server = Server::start(&[fixture("tests/fixtures/xss-en.txt").as_path()]);
    let driver = ChromeDriver::start();
    let browser = driver.browser().await;
    browser.goto(&format!("{}/", server.base)).await.unwrap();
    wait_for_events(&browser).await;
    let evidence = browser
        .find(Locator::Css("[data-event-id] .evidence"))
        .await
        .unwrap();
    let text = evidence.text().await.unwrap();
    assert!(
        text.contains("<img src=x onerror="),
        "the markup shows as text: {text}"
    );
    assert!(
        browser
            .find_all(Locator::Css("main img"))
            .await
            .unwrap()
            .is_empty()
    );
    let pwned = browser
        .execute("return window.__pwned === true;", vec![])
        .await
        .unwrap();
    assert_eq!(pwned, serde_json::json!(false));
    browser.close().await.unwrap();
}
