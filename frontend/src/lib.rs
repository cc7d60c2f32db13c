//! Dateline's web app: reads the timeline document and shows the story's events in date
//! order, filterable by person. Compiled to wasm32 and embedded in the `dateline` binary.
//!
//! The document's address comes from `<meta name="dateline-timeline">` in `index.html`
//! (relative, so the same build runs under any path); the person filter lives in the URL
//! (`?person=mira-murati`) so a view can be shared.

mod app;
mod url_state;

use wasm_bindgen::prelude::wasm_bindgen;

/// Entry point, called by the generated JS glue once the module is loaded.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
