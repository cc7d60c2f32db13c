//! The app's components: loading, filters, the timeline's toolbar, details, list and figures.
//! State lives in signals; the filtered events are a memo over the loaded document.

use crate::edit::{self, Writes};
use crate::model::{self, Doc, Ev};
use crate::url_state::{self, Filter};
use crate::{json, list, panels, plot, stories};
use dateline_api::{EventKind, Period, embed};
use leptos::prelude::*;
use wasm_bindgen::{JsCast as _, JsValue};
use wasm_bindgen_futures::JsFuture;

fn fail(parts: &[&str]) -> String {
    parts.concat()
}

/// What the app opens on: one story's timeline, or the list of stories.
enum Start {
    /// A story's timeline.
    Doc(&'static Doc),
    /// The stories, when the service holds more than one with events.
    Stories(&'static [stories::Story]),
}

/// Asks the service for its stories (unless the URL names one or the page is a static
/// export): more than one with events gives the list; exactly one opens it. Else the
/// configured document.
async fn load_start() -> Result<Start, String> {
    if let Some(url) = url_state::timelines_url()
        && let Ok(text) = fetch_text(&url).await
        && let Some(all) = json::parse(&text).as_ref().and_then(stories::from_json)
    {
        let told: Vec<stories::Story> = all.into_iter().filter(|s| s.events > 0).collect();
        if told.len() > 1 {
            return Ok(Start::Stories(Box::leak(told.into_boxed_slice())));
        }
        if let Some(one) = told.first() {
            return load_timeline(Some(&one.id)).await.map(Start::Doc);
        }
    }
    load_timeline(None).await.map(Start::Doc)
}

/// Loads the configured document; when that address does not answer (a static export
/// keeps `timeline.json` beside `index.html`), tries `timeline.json` before giving up.
async fn load_timeline(story: Option<&str>) -> Result<&'static Doc, String> {
    let url = url_state::timeline_url(story);
    let first = load_from(&url).await.map(|mut doc| {
        doc.story = story.map(str::to_string).or_else(url_state::timeline_param);
        doc
    });
    if first.is_err()
        && url != "timeline.json"
        && let Ok(doc) = load_from("timeline.json").await
    {
        return Ok(Box::leak(Box::new(doc)));
    }
    first.map(|doc| &*Box::leak(Box::new(doc)))
}

/// Reads the story `story` (the default one when `None`) from the service again, after a
/// write.
pub(crate) async fn load_story(story: Option<&str>) -> Result<Doc, String> {
    let mut doc = load_from(&url_state::timeline_url(story)).await?;
    doc.story = story.map(str::to_string).or_else(url_state::timeline_param);
    Ok(doc)
}

async fn load_from(url: &str) -> Result<Doc, String> {
    let text = fetch_text(url).await?;
    let value = json::parse(&text).ok_or_else(|| fail(&[url, " is not valid JSON"]))?;
    model::from_json(&value).ok_or_else(|| fail(&[url, " is not a timeline document"]))
}

/// The first document's text when `index.html` already asked for `url` while the app was
/// still loading (`window.__datelineFirst = {url, text}`, a promise of the body): taken
/// once; `None` for another address or when that request failed.
async fn prefetched(window: &web_sys::Window, url: &str) -> Option<String> {
    use wasm_bindgen_futures::js_sys::{Promise, Reflect};
    let key = JsValue::from_str("__datelineFirst");
    let first = Reflect::get(window, &key).ok().filter(|v| v.is_object())?;
    let asked = Reflect::get(&first, &JsValue::from_str("url"))
        .ok()?
        .as_string()?;
    if asked != url {
        return None;
    }
    let _ = Reflect::delete_property(window.as_ref(), &key);
    let text: Promise = Reflect::get(&first, &JsValue::from_str("text"))
        .ok()?
        .dyn_into()
        .ok()?;
    JsFuture::from(text).await.ok()?.as_string()
}

/// The body of a GET of `url`, or why there is none.
pub(crate) async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or_else(|| fail(&["no window"]))?;
    if let Some(text) = prefetched(&window, url).await {
        return Ok(text);
    }
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .ok()
        .and_then(|r| r.dyn_into().ok())
        .ok_or_else(|| fail(&["cannot load ", url]))?;
    if !response.ok() {
        return Err(fail(&[
            "cannot load ",
            url,
            ": HTTP ",
            &response.status().to_string(),
        ]));
    }
    let text = match response.text() {
        Ok(p) => JsFuture::from(p).await.ok().and_then(|t| t.as_string()),
        Err(_) => None,
    }
    .ok_or_else(|| fail(&["cannot read ", url]))?;
    Ok(text)
}

/// Sets the page's title (the story's, on its timeline).
fn set_page_title(title: &str) {
    if let Some(d) = web_sys::window().and_then(|w| w.document())
        && !title.trim().is_empty()
    {
        d.set_title(title);
    }
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let status = RwSignal::new("Loading the timeline…".to_string());
    let loaded = RwSignal::new(None::<&'static Doc>);
    let listed = RwSignal::new(None::<&'static [stories::Story]>);
    leptos::task::spawn_local(async move {
        match load_start().await {
            Ok(Start::Doc(doc)) => {
                status.set(String::new());
                set_page_title(&doc.title);
                loaded.set(Some(doc));
            }
            Ok(Start::Stories(all)) => {
                status.set(String::new());
                set_page_title("Stories · Dateline");
                listed.set(Some(all));
            }
            Err(e) => status.set(e),
        }
    });
    view! {
        <main id="app">
            <p class="status" role="status" hidden=move || status.with(String::is_empty)>
                {move || status.get()}
            </p>
            {move || loaded.get().map(|doc| view! { <Timeline first=doc /> })}
            {move || listed.get().map(|all| view! { <stories::StoryList stories=all /> })}
        </main>
    }
}

/// A filter prepared for matching.
struct Matcher {
    persons: Vec<String>,
    kinds: Vec<String>,
    from: f64,
    to: f64,
    terms: Vec<String>,
}

/// Which filter to leave out (for the counts next to each choice).
#[derive(Clone, Copy, PartialEq)]
enum Skip {
    Nothing,
    Person,
    Kind,
}

impl Matcher {
    fn new(f: &Filter) -> Matcher {
        Matcher {
            persons: f.persons.clone(),
            kinds: f.kinds.clone(),
            from: f
                .from
                .parse::<Period>()
                .map_or(f64::NEG_INFINITY, |p| p.first().number() as f64),
            to: f
                .to
                .parse::<Period>()
                .map_or(f64::INFINITY, |p| (p.last().number() + 1) as f64),
            terms: f
                .q
                .to_ascii_lowercase()
                .split_whitespace()
                .map(str::to_string)
                .collect(),
        }
    }

    fn matches(&self, ev: &Ev, skip: Skip) -> bool {
        (skip == Skip::Person
            || self.persons.is_empty()
            || ev.person_ids.iter().any(|p| self.persons.contains(p)))
            && (skip == Skip::Kind
                || self.kinds.is_empty()
                || self.kinds.iter().any(|k| k == ev.kind.as_str()))
            && ev.t1 > self.from
            && ev.t0 < self.to
            && self.terms.iter().all(|t| ev.search().contains(t.as_str()))
    }
}

/// The loaded timeline with its filters, views and details.
#[component]
fn Timeline(
    /// The prepared document, as first loaded (edits replace it).
    first: &'static Doc,
) -> impl IntoView {
    let doc = RwSignal::new(first);
    let filter = RwSignal::new(url_state::filter_from_url());
    let selected = RwSignal::new(url_state::event_from_hash().and_then(|id| {
        first
            .events
            .iter()
            .position(|e| e.id == id)
            .map(|i| i as u32)
    }));
    let tenure = RwSignal::new(true);
    let range = RwSignal::new(String::new());
    let from_history = StoredValue::new(false);

    let shown = Memo::new(move |_| {
        let doc = doc.get();
        filter.with(|f| {
            let m = Matcher::new(f);
            (0..doc.events.len() as u32)
                .filter(|&i| m.matches(&doc.events[i as usize], Skip::Nothing))
                .collect::<Vec<u32>>()
        })
    });
    // Events per kind and per person, each under the other filters.
    let counts = Memo::new(move |_| {
        let doc = doc.get();
        filter.with(|f| {
            let m = Matcher::new(f);
            let mut kinds = vec![0usize; EventKind::ALL.len()];
            let mut people = vec![0usize; doc.people.len()];
            for ev in &doc.events {
                if m.matches(ev, Skip::Kind)
                    && let Some(k) = EventKind::ALL.iter().position(|k| *k == ev.kind)
                {
                    kinds[k] += 1;
                }
                if m.matches(ev, Skip::Person) {
                    for id in &ev.person_ids {
                        if let Some(i) = doc.people.iter().position(|p| &p.0 == id) {
                            people[i] += 1;
                        }
                    }
                }
            }
            (kinds, people)
        })
    });

    // The filter lives in the URL: a new history entry per change (typing replaces).
    Effect::new(move |prev: Option<Filter>| {
        let f = filter.get();
        if let Some(prev) = prev
            && !from_history.get_value()
        {
            let query = url_state::query_for(&f);
            if query != url_state::current_query() {
                let typing = prev.q != f.q
                    && Filter {
                        q: f.q.clone(),
                        ..prev.clone()
                    } == f
                    && !prev.q.is_empty();
                url_state::write_query(&query, !typing);
            }
        }
        from_history.set_value(false);
        f
    });
    if let Some(w) = web_sys::window() {
        plot::listen(&w, "popstate", true, move |_| {
            let f = url_state::filter_from_url();
            if filter.get_untracked() != f {
                from_history.set_value(true);
                filter.set(f);
            }
        });
        // A host page may point the frame at another event (`#event-<id>`).
        plot::listen(&w, "hashchange", true, move |_| {
            if let Some(i) = url_state::event_from_hash()
                .and_then(|id| doc.get_untracked().events.iter().position(|e| e.id == id))
            {
                selected.set(Some(i as u32));
            }
        });
    }

    let plot_ref = NodeRef::<leptos::html::Div>::new();
    let list_ref = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let (Some(p), Some(l)) = (plot_ref.get(), list_ref.get()) else {
            return;
        };
        let d = doc.get();
        plot::mount(p.into(), d, selected, range);
        list::mount(l.into(), d, selected);
        plot::set_doc(d, selected.get_untracked());
        list::set_doc(d, selected.get_untracked());
        shown.with(|s| {
            plot::set_shown(s);
            list::set_shown(s);
        });
    });
    Effect::new(move |_| {
        let s = selected.get();
        plot::set_selected(s, false);
        list::set_selected(s);
        let ev = s.and_then(|i| doc.get_untracked().events.get(i as usize));
        url_state::set_event_hash(ev.map(|e| e.id.as_str()));
    });
    Effect::new(move |_| plot::set_tenure(tenure.get()));
    let details_ref = NodeRef::<leptos::html::Section>::new();
    Effect::new(move |_| {
        let doc = doc.get();
        let ev = selected.get().and_then(|i| doc.events.get(i as usize));
        if let Some(section) = details_ref.get() {
            panels::details(&section, doc, ev);
        }
    });
    // The Embed panel's choices, as typed (the snippets follow the view).
    let embed_height = RwSignal::new(String::new());
    let embed_theme = RwSignal::new(String::new());
    let embed_layout = RwSignal::new(embed::Layout::Compact);
    Effect::new(move |_| {
        let doc = doc.get();
        let event = selected
            .get()
            .and_then(|i| doc.events.get(i as usize))
            .map(|e| e.id.as_str());
        fill_embed(
            doc,
            &filter.with(url_state::embed_query),
            event,
            &embed_height.get(),
            &embed_theme.get(),
            embed_layout.get(),
        );
    });
    let figures_open = RwSignal::new(false);
    let figures_ref = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if figures_open.get()
            && let Some(host) = figures_ref.get()
        {
            shown.with(|s| panels::figures(&host, doc.get_untracked(), s));
        }
    });

    let total = move || doc.get().events.len().to_string();
    let writes = Writes {
        doc,
        selected,
        prompt: RwSignal::new(None),
        notice: RwSignal::new(String::new()),
    };
    let can_write = url_state::api_base().is_some();
    let adding = RwSignal::new(false);
    // Compact: the filters fold into one button; nothing of them shows until asked for.
    // Full: the same fold, open, without its button (one view either way: smaller code).
    let compact = url_state::is_compact();
    let active = move || {
        filter.with(|f| {
            f.persons.len()
                + f.kinds.len()
                + usize::from(!f.from.is_empty())
                + usize::from(!f.to.is_empty())
                + usize::from(!f.q.is_empty())
        })
    };
    view! {
        <header>
            <h1>{first.title.clone()}</h1>
            <details class="fold" open=!compact>
                <summary hidden=!compact>
                    "Filters"
                    <span class="n" hidden=move || active() == 0>{move || active().to_string()}</span>
                </summary>
                <Filters doc=doc filter=filter counts=counts />
            </details>
            <p class="count" aria-live="polite">
                {move || shown.with(Vec::len).to_string()}
                " of "
                {total}
                " events"
            </p>
        </header>
        <div class="toolbar" role="toolbar" aria-label="Timeline view">
            <button on:click=|_| plot::zoom(1.0 / 0.6) aria-label="Zoom out" title="Zoom out (-)">
                "−"
            </button>
            <button on:click=|_| plot::zoom(0.6) aria-label="Zoom in" title="Zoom in (+)">
                "+"
            </button>
            <button on:click=|_| plot::pan(-0.3) aria-label="Earlier" title="Earlier (Shift+←)">
                "◀"
            </button>
            <button on:click=|_| plot::pan(0.3) aria-label="Later" title="Later (Shift+→)">
                "▶"
            </button>
            <button on:click=|_| plot::fit_all() title="Fit all (0)">
                "Fit all"
            </button>
            <button
                aria-pressed=move || tenure.get().to_string()
                on:click=move |_| tenure.update(|t| *t = !*t)
            >
                "Tenures"
            </button>
            <details class="embed">
                <summary>"Embed"</summary>
                <div
                    on:change=move |ev| {
                        let id = ev
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                            .map(|e| e.id())
                            .unwrap_or_default();
                        let value = event_target_value(&ev);
                        match id.as_str() {
                            "embed-theme" => embed_theme.set(value),
                            "embed-layout" => {
                                embed_layout.set(embed::Layout::parse(&value).unwrap_or(embed::Layout::Compact))
                            }
                            _ => embed_height.set(value),
                        }
                    }
                    inner_html=EMBED_PANEL
                ></div>
            </details>
            {can_write.then(|| view! {
                <button
                    data-action="add-article"
                    aria-pressed=move || adding.get().to_string()
                    on:click=move |_| adding.update(|a| *a = !*a)
                >
                    "Add an article"
                </button>
            })}
            <span class="range" aria-live="polite">
                {move || range.get()}
            </span>
        </div>
        {can_write.then(|| view! {
            <edit::TokenPrompt w=writes />
            <p class="notice" role="status" hidden=move || writes.notice.with(String::is_empty)>
                {move || writes.notice.get()}
            </p>
            <edit::AddArticle w=writes open=adding />
        })}
        <div
            class="plot"
            node_ref=plot_ref
            tabindex="0"
            role="region"
            aria-roledescription="timeline"
            aria-label="Timeline. Arrow keys move between events, Shift+arrows pan, + and - zoom, 0 fits all."
        ></div>
        <div class="below">
            <section class="listview" aria-labelledby="list-h">
                <h2 id="list-h">"Events"</h2>
                <div class="listbox" node_ref=list_ref>
                    <table>
                        <thead>
                            <tr aria-rowindex="1">
                                <th scope="col">"Date"</th>
                                <th scope="col">"Kind"</th>
                                <th scope="col">"Who"</th>
                                <th scope="col">"Role, organisation"</th>
                                <th scope="col">"Figure"</th>
                            </tr>
                        </thead>
                        <tbody></tbody>
                    </table>
                </div>
            </section>
            <div class="side">
                <section class="details" node_ref=details_ref aria-labelledby="details-h" aria-live="polite"></section>
                {can_write.then(|| view! { <edit::Editor w=writes /> })}
            </div>
        </div>
        <details class="figures" on:toggle=move |ev| {
            let is_open = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                .is_some_and(|d| d.open());
            figures_open.set(is_open);
        }>
            <summary>"Figures per organisation"</summary>
            <div node_ref=figures_ref></div>
        </details>
        {can_write.then(|| view! { <edit::HiddenEvents w=writes /> })}
        <Credits doc=doc />
    }
}

/// The story's sources and their credit lines (each distinct one once), under the
/// timeline in every layout.
#[component]
fn Credits(
    /// The document whose articles are credited.
    doc: RwSignal<&'static Doc>,
) -> impl IntoView {
    view! { <footer class="credits">{move || credit_line(doc.get())}</footer> }
}

/// "3 sources · CC BY 4.0 · …": the count and each distinct credit line once.
fn credit_line(doc: &Doc) -> String {
    let mut credits: Vec<&str> = Vec::new();
    for a in &doc.articles {
        if let Some(c) = a.credit.as_deref().map(str::trim)
            && !c.is_empty()
            && !credits.contains(&c)
        {
            credits.push(c);
        }
    }
    let n = doc.articles.len();
    let mut line = [
        n.to_string().as_str(),
        if n == 1 { " source" } else { " sources" },
    ]
    .concat();
    for c in credits {
        line.push_str(" · ");
        line.push_str(c);
    }
    line
}

/// Writes the Embed panel's snippets for this view: the filter's `query`, the chosen
/// `event`, the drawing's `height`, the `theme` and the `layout` as chosen in the panel.
/// The same snippets as `dateline export` prints (both come from `dateline_api::embed`).
fn fill_embed(
    doc: &Doc,
    query: &str,
    event: Option<&str>,
    height: &str,
    theme: &str,
    layout: embed::Layout,
) {
    let Some(d) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (lo, hi) = embed::HEIGHT_RANGE;
    let height = height
        .parse::<u32>()
        .map_or(embed::DEFAULT_HEIGHT, |h| h.clamp(lo, hi));
    let location = d.location();
    let origin = location.as_ref().and_then(|l| l.origin().ok());
    let path = location.and_then(|l| l.pathname().ok()).unwrap_or_default();
    // The folder the app is in: the frame's page and embed.js are there.
    let dir = path.bytes().rposition(|b| b == b'/').map_or(0, |i| i + 1);
    let base = [origin.as_deref().unwrap_or_default(), &path[..dir]].concat();
    let url = embed::embed_url(&base, query, theme, layout, height, event);
    for (id, text) in [
        (
            "embed-iframe",
            embed::iframe_snippet(&url, &doc.title, height),
        ),
        (
            "embed-script",
            embed::script_snippet(&base, &url, &doc.title, height),
        ),
    ] {
        if let Some(e) = d.get_element_by_id(id) {
            e.set_text_content(Some(&text));
        }
    }
}

/// The Embed panel's controls (static; the snippets are filled in as text).
const EMBED_PANEL: &str = "<label>Layout<select id=\"embed-layout\"><option value=\"compact\">Compact: the timeline first, filters in one button</option><option value=\"full\">Full: every filter shown</option></select></label>\
<label>Height (px)<input id=\"embed-height\" type=\"number\" min=\"160\" max=\"4000\" step=\"20\" placeholder=\"400\"></label>\
<label>Theme<select id=\"embed-theme\"><option value=\"\">System</option><option>light</option><option>dark</option></select></label>\
<label>Frame<textarea id=\"embed-iframe\" readonly rows=\"3\"></textarea></label>\
<label>Script (fits its height)<textarea id=\"embed-script\" readonly rows=\"4\"></textarea></label>";

/// Person, kind, date and text filters.
#[component]
fn Filters(
    /// The document (people and kinds to offer).
    doc: RwSignal<&'static Doc>,
    /// The filter being edited.
    filter: RwSignal<Filter>,
    /// Events per kind and per person, each under the other filters.
    counts: Memo<(Vec<usize>, Vec<usize>)>,
) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let open = RwSignal::new(false);
    let options = Memo::new(move |_| {
        let t = typed.get().to_ascii_lowercase();
        let chosen = filter.with(|f| f.persons.clone());
        doc.get()
            .people
            .iter()
            .enumerate()
            .filter(|(_, p)| !chosen.contains(&p.0) && p.1.to_ascii_lowercase().contains(&t))
            .map(|(i, _)| i)
            .take(8)
            .collect::<Vec<_>>()
    });
    let pick = move |i: usize| {
        if let Some(p) = doc.get_untracked().people.get(i) {
            filter.update(|f| f.persons.push(p.0.clone()));
        }
        typed.set(String::new());
        active.set(0);
        open.set(false);
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" => {
            ev.prevent_default();
            open.set(true);
            let n = options.with(Vec::len);
            active.update(|a| *a = (*a + 1).min(n.saturating_sub(1)));
        }
        "ArrowUp" => {
            ev.prevent_default();
            active.update(|a| *a = a.saturating_sub(1));
        }
        "Enter" => {
            ev.prevent_default();
            if let Some(i) = options.with(|o| o.get(active.get_untracked()).copied()) {
                pick(i);
            }
        }
        "Escape" => open.set(false),
        "Backspace" if typed.with(String::is_empty) => {
            filter.update(|f| {
                f.persons.pop();
            });
        }
        _ => {}
    };
    let kinds: Vec<(usize, EventKind)> = EventKind::ALL
        .into_iter()
        .enumerate()
        .filter(|(_, k)| doc.get_untracked().events.iter().any(|e| e.kind == *k))
        .collect();
    let is_filtered = move || filter.with(|f| *f != Filter::default());
    view! {
        <div class="filters" role="search" aria-label="Filter events">
            <div class="person-picker">
                <label for="person-input">"People"</label>
                <div class="chips">
                    {move || {
                        filter
                            .with(|f| f.persons.clone())
                            .into_iter()
                            .map(|id| {
                                let name = doc
                                    .get()
                                    .people
                                    .iter()
                                    .find(|p| p.0 == id)
                                    .map_or(id.clone(), |p| p.1.clone());
                                let label = ["Remove ", &name].concat();
                                view! {
                                    <button
                                        class="chip"
                                        data-person=id.clone()
                                        aria-label=label
                                        on:click=move |_| {
                                            filter.update(|f| f.persons.retain(|p| *p != id))
                                        }
                                    >
                                        {name}
                                        " ×"
                                    </button>
                                }
                            })
                            .collect_view()
                    }}
                    <input
                        id="person-input"
                        type="text"
                        autocomplete="off"
                        placeholder="Type a name…"
                        role="combobox"
                        aria-autocomplete="list"
                        aria-controls="person-options"
                        aria-expanded=move || open.get().to_string()
                        aria-activedescendant=move || {
                            if open.get() { ["person-opt-", &active.get().to_string()].concat() } else { String::new() }
                        }
                        prop:value=move || typed.get()
                        on:input=move |ev| {
                            typed.set(event_target_value(&ev));
                            active.set(0);
                            open.set(true);
                        }
                        on:focus=move |_| open.set(true)
                        on:blur=move |_| open.set(false)
                        on:keydown=on_key
                    />
                </div>
                <ul id="person-options" role="listbox" aria-label="People" hidden=move || !open.get()>
                    {move || {
                        options
                            .get()
                            .into_iter()
                            .enumerate()
                            .filter_map(|(n, i)| {
                                let d = doc.get_untracked();
                                let (id, name, _) = d.people.get(i)?;
                                Some(view! {
                                    <li
                                        id=["person-opt-", &n.to_string()].concat()
                                        role="option"
                                        data-person=id.clone()
                                        aria-selected=move || (active.get() == n).to_string()
                                        on:mousedown=move |ev| {
                                            ev.prevent_default();
                                            pick(i);
                                        }
                                    >
                                        {name.clone()}
                                        <span class="n">
                                            {move || counts.with(|c| c.1.get(i).copied().unwrap_or(0)).to_string()}
                                        </span>
                                    </li>
                                })
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
            <fieldset class="kinds">
                <legend>"Kind"</legend>
                {kinds
                    .into_iter()
                    .map(|(i, k)| {
                        let name = k.as_str();
                        view! {
                            <label class=["kind k-", name].concat()>
                                <input
                                    type="checkbox"
                                    value=name
                                    prop:checked=move || filter.with(|f| f.kinds.iter().any(|x| x == name))
                                    on:change=move |_| {
                                        filter.update(|f| {
                                            if let Some(p) = f.kinds.iter().position(|x| x == name) {
                                                f.kinds.remove(p);
                                            } else {
                                                f.kinds.push(name.to_string());
                                            }
                                        })
                                    }
                                />
                                <i aria-hidden="true">{model::glyph(k)}</i>
                                {k.label()}
                                <span class="n">{move || counts.with(|c| c.0.get(i).copied().unwrap_or(0)).to_string()}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <label class="date">
                "From"
                <input
                    type="date"
                    id="from-input"
                    prop:value=move || filter.with(|f| f.from.clone())
                    on:change=move |ev| filter.update(|f| f.from = event_target_value(&ev))
                />
            </label>
            <label class="date">
                "To"
                <input
                    type="date"
                    id="to-input"
                    prop:value=move || filter.with(|f| f.to.clone())
                    on:change=move |ev| filter.update(|f| f.to = event_target_value(&ev))
                />
            </label>
            <label class="text">
                "Text"
                <input
                    type="search"
                    id="text-input"
                    placeholder="Words in the evidence…"
                    prop:value=move || filter.with(|f| f.q.clone())
                    on:input=move |ev| filter.update(|f| f.q = event_target_value(&ev))
                />
            </label>
            <button class="clear" hidden=move || !is_filtered() on:click=move |_| filter.set(Filter::default())>
                "Clear filters"
            </button>
        </div>
    }
}
