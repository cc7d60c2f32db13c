//! The part of the view state kept in the URL, and where the timeline document is.

/// Reads `?person=` from the page URL.
pub fn person_from_url() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == "person")
        .map(|(_, v)| v.to_string())
        .filter(|v| !v.is_empty())
}

/// Writes the person filter into the URL (replacing the current history entry).
pub fn set_person_in_url(person: Option<&str>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let query = match person {
        Some(p) => format!("?person={p}"),
        None => String::new(),
    };
    let path = window.location().pathname().unwrap_or_default();
    let url = format!("{path}{query}");
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Where the timeline document is: the `dateline-timeline` meta tag, else `timeline.json`.
pub fn timeline_url() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("meta[name=dateline-timeline]")
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_else(|| "timeline.json".to_string())
}
