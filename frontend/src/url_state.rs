//! The filter state kept in the URL (`?person=mira-murati&kind=resignation&q=…&from=…&to=…`),
//! so that a view can be shared and back/forward work; and where the timeline document is.

use wasm_bindgen::JsValue;
use web_sys::UrlSearchParams;

/// What the user filters on. Empty fields filter nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Person ids; an event matches when it names any of them.
    pub persons: Vec<String>,
    /// Kind names; an event matches when it is of any of them.
    pub kinds: Vec<String>,
    /// First day (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), inclusive.
    pub from: String,
    /// Last day, inclusive.
    pub to: String,
    /// Free text: every word must appear in the event's text.
    pub q: String,
}

const KEYS: [&str; 5] = ["person", "kind", "from", "to", "q"];

fn params() -> Option<UrlSearchParams> {
    let search = web_sys::window()?.location().search().ok()?;
    UrlSearchParams::new_with_str(&search).ok()
}

fn all(p: &UrlSearchParams, key: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in p.get_all(key).iter() {
        for part in v.as_string().unwrap_or_default().split(',') {
            let part = part.trim();
            if !part.is_empty() && !out.iter().any(|o| o == part) {
                out.push(part.to_string());
            }
        }
    }
    out
}

/// Reads the filter from the page URL.
pub fn filter_from_url() -> Filter {
    let Some(p) = params() else {
        return Filter::default();
    };
    let one = |k: &str| p.get(k).unwrap_or_default().trim().to_string();
    Filter {
        persons: all(&p, "person"),
        kinds: all(&p, "kind"),
        from: one("from"),
        to: one("to"),
        q: one("q"),
    }
}

/// The query string (with `?`, or empty) for `filter`, keeping parameters that are not ours
/// (such as `data`).
pub fn query_for(filter: &Filter) -> String {
    query_without(filter, &[])
}

/// The query string for `filter` in an embed snippet: as [`query_for`], without the page's
/// own `theme`, `embed` and `height` (the snippet sets its own).
pub fn embed_query(filter: &Filter) -> String {
    query_without(filter, &["theme", "embed", "height"])
}

/// Whether the page is laid out compact (`?embed=compact`, or inside a frame unless
/// `?embed=full`): `index.html` decides before the app starts and marks `<html>` with the
/// class `compact`.
pub fn is_compact() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .is_some_and(|r| r.class_name().split_whitespace().any(|c| c == "compact"))
}

fn query_without(filter: &Filter, drop: &[&str]) -> String {
    let Some(p) = params() else {
        return String::new();
    };
    for k in KEYS.iter().chain(drop) {
        p.delete(k);
    }
    for v in &filter.persons {
        p.append("person", v);
    }
    for v in &filter.kinds {
        p.append("kind", v);
    }
    for (k, v) in [("from", &filter.from), ("to", &filter.to), ("q", &filter.q)] {
        if !v.is_empty() {
            p.append(k, v);
        }
    }
    let s: String = p.to_string().into();
    if s.is_empty() { s } else { ["?", &s].concat() }
}

/// The page's current query string (with `?`, or empty).
pub fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Writes `query` into the URL: a new history entry, or replacing the current one.
pub fn write_query(query: &str, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = [path.as_str(), query, hash.as_str()].concat();
    if let Ok(history) = window.history() {
        let _ = if push {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}

/// The event named by the URL's fragment (`#event-<id>`), if any.
pub fn event_from_hash() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.strip_prefix("#event-")
        .filter(|id| !id.is_empty())
        .map(str::to_string)
}

/// Names the chosen event in the URL's fragment (replacing the history entry), or clears it.
pub fn set_event_hash(id: Option<&str>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let hash = id.map(|id| ["#event-", id].concat()).unwrap_or_default();
    if location.hash().unwrap_or_default() == hash {
        return;
    }
    let url = [
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default(),
        hash,
    ]
    .concat();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The `content` of `<meta name=NAME>`, when the page has one.
fn meta(name: &str) -> Option<String> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&["meta[name=", name, "]"].concat())
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
}

/// `?data=`, when given.
fn data_param() -> Option<String> {
    params()
        .and_then(|p| p.get("data"))
        .filter(|d| !d.is_empty())
}

/// The story named by `?timeline=`, when given.
pub fn timeline_param() -> Option<String> {
    params()
        .and_then(|p| p.get("timeline"))
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
}

/// `?timeline=ID` (encoded), to ask the service for one story.
pub fn timeline_query(id: &str) -> String {
    let Ok(p) = UrlSearchParams::new() else {
        return String::new();
    };
    p.append("timeline", id);
    let s: String = p.to_string().into();
    ["?", &s].concat()
}

/// Where the timeline document is: `?data=` (for benchmarks and embedding), else the
/// `dateline-timeline` meta tag, else `timeline.json`; relative to the page. From the
/// service (`api/timeline.json`), the story `story` (else `?timeline=`) is asked for.
pub fn timeline_url(story: Option<&str>) -> String {
    if let Some(data) = data_param() {
        return data;
    }
    let base = meta("dateline-timeline").unwrap_or_else(|| "timeline.json".to_string());
    let story = story.map(str::to_string).or_else(timeline_param);
    match story {
        Some(t) if base.ends_with("api/timeline.json") => {
            [base.as_str(), &timeline_query(&t)].concat()
        }
        _ => base,
    }
}

/// Where the list of stories is (`dateline-timelines` meta tag, `api/timelines` from the
/// service); `None` for a static export, with `?data=`, or when `?timeline=` names one.
pub fn timelines_url() -> Option<String> {
    if data_param().is_some() || timeline_param().is_some() {
        return None;
    }
    meta("dateline-timelines").filter(|m| !m.is_empty())
}

/// Where the service's API is (`api/`, relative to the page) when the page is served by
/// `dateline serve`; `None` for a static export or a document given by `?data=`, where
/// nothing can be written.
pub fn api_base() -> Option<String> {
    if data_param().is_some() {
        return None;
    }
    let base = meta("dateline-timeline")?;
    base.strip_suffix("timeline.json")
        .filter(|b| b.ends_with("api/"))
        .map(str::to_string)
}
