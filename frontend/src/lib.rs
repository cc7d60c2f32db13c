//! Dateline's web app: the story's events on an interactive, filterable, accessible
//! timeline. Compiled to wasm32 and embedded in the `dateline` binary (or exported beside a
//! static `timeline.json`).
//!
//! - [`app`]: the Leptos components (loading, filters, toolbar, details, list, figures).
//! - `plot`: the timeline drawing (lanes, axis, markers, clusters, tenures) and its input.
//! - `list`: the list view, a table of the same filtered events.
//! - `panels`: the details panel and the figures per organisation.
//! - `model`: the loaded document prepared for drawing; `json`: a small JSON reader.
//! - `url_state`: the filter in the URL, and where the document is.
//! - [`stories`]: the list of stories, when the service holds more than one.
//! - `edit`: writing to the service: correct, hide and show again events, add an article.
//!
//! The document's address comes from `<meta name="dateline-timeline">` in `index.html`
//! (relative, so the same build runs under any path and inside iframes), or `?data=`; the
//! filter lives in the URL (`?person=mira-murati&kind=resignation`) so a view can be shared.

pub mod app;
mod edit;
pub mod json;
mod list;
pub mod model;
mod panels;
mod plot;
pub mod stories;
pub mod url_state;

use wasm_bindgen::prelude::wasm_bindgen;

/// Entry point, called by the generated JS glue once the module is loaded.
#[wasm_bindgen(start)]
pub fn start() {
    leptos::mount::mount_to_body(app::App);
}
