//! The app's components: loading, filters, the timeline's toolbar, details, list and figures.
//! State lives in signals; the filtered events are a memo over the loaded document.

use crate::model::{self, Doc, Ev};
use crate::url_state::{self, Filter};
use crate::{json, list, plot};
use dateline_api::EventKind;
use leptos::prelude::*;
use wasm_bindgen::JsCast as _;
use wasm_bindgen_futures::JsFuture;

#[derive(Clone, Copy)]
enum Load {
    Loading,
    Failed(&'static str),
    Ready(&'static Doc),
}

fn fail(parts: &[&str]) -> String {
    parts.concat()
}

async fn load_timeline() -> Result<Doc, String> {
    let url = url_state::timeline_url();
    let window = web_sys::window().ok_or_else(|| fail(&["no window"]))?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .ok()
        .and_then(|r| r.dyn_into().ok())
        .ok_or_else(|| fail(&["cannot load ", &url]))?;
    if !response.ok() {
        return Err(fail(&[
            "cannot load ",
            &url,
            ": HTTP ",
            &response.status().to_string(),
        ]));
    }
    let text = match response.text() {
        Ok(p) => JsFuture::from(p).await.ok().and_then(|t| t.as_string()),
        Err(_) => None,
    }
    .ok_or_else(|| fail(&["cannot read ", &url]))?;
    let value = json::parse(&text).ok_or_else(|| fail(&[&url, " is not valid JSON"]))?;
    model::from_json(&value).ok_or_else(|| fail(&[&url, " is not a timeline document"]))
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = RwSignal::new(Load::Loading);
    leptos::task::spawn_local(async move {
        state.set(match load_timeline().await {
            Ok(doc) => Load::Ready(Box::leak(Box::new(doc))),
            Err(e) => Load::Failed(Box::leak(e.into_boxed_str())),
        });
    });
    view! {
        <main id="app">
            {move || match state.get() {
                Load::Loading => view! { <p class="status">"Loading the timeline…"</p> }.into_any(),
                Load::Failed(message) => {
                    view! { <p class="error" role="alert">{message}</p> }.into_any()
                }
                Load::Ready(doc) => view! { <Timeline doc=doc /> }.into_any(),
            }}
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
            from: model::span_of(&f.from, false).map_or(f64::NEG_INFINITY, |s| s.0),
            to: model::span_of(&f.to, false).map_or(f64::INFINITY, |s| s.1),
            terms: f
                .q
                .to_lowercase()
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
            && self.terms.iter().all(|t| ev.search.contains(t.as_str()))
    }
}

/// The loaded timeline with its filters, views and details.
#[component]
fn Timeline(
    /// The prepared document.
    doc: &'static Doc,
) -> impl IntoView {
    let filter = RwSignal::new(url_state::filter_from_url());
    let selected = RwSignal::new(None::<u32>);
    let tenure = RwSignal::new(true);
    let range = RwSignal::new(String::new());
    let from_history = StoredValue::new(false);

    let shown = Memo::new(move |_| {
        filter.with(|f| {
            let m = Matcher::new(f);
            (0..doc.events.len() as u32)
                .filter(|&i| m.matches(&doc.events[i as usize], Skip::Nothing))
                .collect::<Vec<u32>>()
        })
    });
    let kind_counts = Memo::new(move |_| {
        filter.with(|f| {
            let m = Matcher::new(f);
            let mut counts = [0usize; 10];
            for ev in doc.events.iter().filter(|e| m.matches(e, Skip::Kind)) {
                if let Some(k) = EventKind::ALL.iter().position(|k| *k == ev.kind) {
                    counts[k] += 1;
                }
            }
            counts
        })
    });
    let person_counts = Memo::new(move |_| {
        filter.with(|f| {
            let m = Matcher::new(f);
            let mut counts = vec![0usize; doc.people.len()];
            for ev in doc.events.iter().filter(|e| m.matches(e, Skip::Person)) {
                for id in &ev.person_ids {
                    if let Some(i) = doc.people.iter().position(|p| &p.0 == id) {
                        counts[i] += 1;
                    }
                }
            }
            counts
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
    }

    let plot_ref = NodeRef::<leptos::html::Div>::new();
    let list_ref = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let (Some(p), Some(l)) = (plot_ref.get(), list_ref.get()) else {
            return;
        };
        plot::mount(p.into(), doc, selected, range);
        list::mount(l.into(), doc, selected);
        shown.with(|s| {
            plot::set_shown(s);
            list::set_shown(s);
        });
    });
    Effect::new(move |_| {
        let s = selected.get();
        plot::set_selected(s, false);
        list::set_selected(s);
    });
    Effect::new(move |_| plot::set_tenure(tenure.get()));

    let total = doc.events.len().to_string();
    view! {
        <header>
            <h1>{doc.title.clone()}</h1>
            <Filters doc=doc filter=filter kind_counts=kind_counts person_counts=person_counts />
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
            <span class="range" aria-live="polite">
                {move || range.get()}
            </span>
        </div>
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
            <Details doc=doc selected=selected />
        </div>
        <Figures doc=doc shown=shown />
    }
}

/// Person, kind, date and text filters.
#[component]
fn Filters(
    /// The document (people and kinds to offer).
    doc: &'static Doc,
    /// The filter being edited.
    filter: RwSignal<Filter>,
    /// Events per kind under the other filters.
    kind_counts: Memo<[usize; 10]>,
    /// Events per person under the other filters.
    person_counts: Memo<Vec<usize>>,
) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let open = RwSignal::new(false);
    let options = Memo::new(move |_| {
        let t = typed.get().to_lowercase();
        let chosen = filter.with(|f| f.persons.clone());
        doc.people
            .iter()
            .enumerate()
            .filter(|(_, p)| !chosen.contains(&p.0) && p.1.to_lowercase().contains(&t))
            .map(|(i, _)| i)
            .take(8)
            .collect::<Vec<_>>()
    });
    let pick = move |i: usize| {
        if let Some(p) = doc.people.get(i) {
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
        .filter(|(_, k)| doc.events.iter().any(|e| e.kind == *k))
        .collect();
    let is_filtered = move || filter.with(|f| *f != Filter::default());
    view! {
        <div class="filters" role="search" aria-label="Filter events">
            <div class="person-picker">
                <label for="person-input">"People"</label>
                <div class="chips">
                    <For
                        each=move || filter.with(|f| f.persons.clone())
                        key=|id| id.clone()
                        let:id
                    >
                        {
                            let name = doc
                                .people
                                .iter()
                                .find(|p| p.0 == id)
                                .map_or(id.clone(), |p| p.1.clone());
                            let remove = id.clone();
                            view! {
                                <button
                                    class="chip"
                                    data-person=id.clone()
                                    aria-label=["Remove ", &name].concat()
                                    on:click=move |_| {
                                        filter.update(|f| f.persons.retain(|p| *p != remove))
                                    }
                                >
                                    {name.clone()}
                                    " ×"
                                </button>
                            }
                        }
                    </For>
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
                            .map(|(n, i)| {
                                let (id, name, _) = &doc.people[i];
                                view! {
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
                                            {move || person_counts.with(|c| c.get(i).copied().unwrap_or(0)).to_string()}
                                        </span>
                                    </li>
                                }
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
                                {model::kind_label(k)}
                                <span class="n">{move || kind_counts.with(|c| c[i]).to_string()}</span>
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

/// What the chosen event is, when and where it comes from.
#[component]
fn Details(
    /// The document.
    doc: &'static Doc,
    /// The chosen event.
    selected: RwSignal<Option<u32>>,
) -> impl IntoView {
    view! {
        <section class="details" aria-labelledby="details-h" aria-live="polite">
            {move || match selected.get().and_then(|i| doc.events.get(i as usize)) {
                None => view! {
                    <h2 id="details-h">"Details"</h2>
                    <p class="hint">"Choose an event on the timeline or in the list to see what happened and every source."</p>
                }
                    .into_any(),
                Some(ev) => event_details(doc, ev).into_any(),
            }}
        </section>
    }
}

fn event_details(doc: &'static Doc, ev: &'static Ev) -> impl IntoView {
    let mut keys: Vec<String> = Vec::new();
    for p in &ev.persons {
        keys.push(p.clone());
        keys.extend(
            p.split_whitespace()
                .filter(|w| w.len() > 2)
                .map(str::to_string),
        );
    }
    keys.extend(ev.org.iter().cloned());
    keys.extend(ev.role.iter().cloned());
    let row = |k: &'static str, v: Option<String>| {
        v.filter(|v| !v.is_empty())
            .map(|v| view! { <dt>{k}</dt><dd>{v}</dd> })
    };
    let date = [
        model::date_words(ev),
        " (".into(),
        ev.precision.clone(),
        if ev.approx { ", approximate)" } else { ")" }.into(),
    ]
    .concat();
    view! {
        <h2 id="details-h" data-event-id=ev.id.clone() data-kind=ev.kind.as_str() data-date=ev.date.clone() data-persons=ev.persons_attr.clone()>
            <i aria-hidden="true" class=["glyph k-", ev.kind.as_str()].concat()>{model::glyph(ev.kind)}</i>
            " "
            {model::kind_label(ev.kind)}
            ": "
            {ev.who()}
        </h2>
        <dl>
            <dt>"Date"</dt>
            <dd><time datetime=ev.date.clone()>{date}</time></dd>
            {row("Kind", Some(model::kind_label(ev.kind).to_string()))}
            {row("People", Some(ev.persons.join(", ")))}
            {row("Role", ev.role.clone())}
            {row("Organisation", ev.org.clone())}
            {row(if ev.amount.is_some() { "Amount" } else { "Count" }, model::figure(ev))}
        </dl>
        <h3>"Evidence and sources"</h3>
        <ol class="sources">
            {ev
                .sources
                .iter()
                .map(|s| {
                    let article = s.article.and_then(|a| doc.articles.get(a));
                    let title = article
                        .and_then(|a| a.title.clone())
                        .unwrap_or_else(|| "Untitled article".to_string());
                    let meta = article
                        .map(|a| [" · ", &a.published, " · ", &a.lang].concat())
                        .unwrap_or_default();
                    let link = article.and_then(|a| a.url.clone());
                    view! {
                        <li>
                            <blockquote class="evidence">
                                {model::highlight(&s.text, &keys)
                                    .into_iter()
                                    .map(|(text, hit)| {
                                        if hit {
                                            view! { <mark>{text}</mark> }.into_any()
                                        } else {
                                            text.into_any()
                                        }
                                    })
                                    .collect_view()}
                            </blockquote>
                            <p class="source">
                                {match link {
                                    Some(href) => view! {
                                        <a href=href rel="noopener noreferrer" target="_blank">{title}</a>
                                    }
                                        .into_any(),
                                    None => view! { <span class="title">{title}</span> }.into_any(),
                                }}
                                {meta}
                            </p>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

/// Valuation, headcount and revenue points (day, value) of one organisation.
type Series = [Vec<(f64, f64)>; 3];

/// Small charts of each organisation's valuation, headcount and revenue over time.
#[component]
fn Figures(
    /// The document.
    doc: &'static Doc,
    /// The filtered events.
    shown: Memo<Vec<u32>>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let series = move || {
        let mut orgs: Vec<(String, Series)> = Vec::new();
        shown.with(|s| {
            for &i in s {
                let ev = &doc.events[i as usize];
                let (metric, value) = match ev.kind {
                    EventKind::Valuation => (0, ev.amount.as_ref().map(|a| a.0)),
                    EventKind::Headcount => (1, ev.count),
                    EventKind::Revenue => (2, ev.amount.as_ref().map(|a| a.0)),
                    _ => continue,
                };
                let (Some(org), Some(v)) = (ev.org.clone(), value) else {
                    continue;
                };
                let at = match orgs.iter().position(|o| o.0 == org) {
                    Some(p) => p,
                    None => {
                        orgs.push((org, Default::default()));
                        orgs.len() - 1
                    }
                };
                orgs[at].1[metric].push((ev.mid(), v));
            }
        });
        orgs.sort_by_key(|o| std::cmp::Reverse(o.1.iter().map(Vec::len).sum::<usize>()));
        orgs.truncate(24);
        orgs
    };
    view! {
        <details class="figures" on:toggle=move |ev| {
            let is_open = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                .is_some_and(|d| d.open());
            open.set(is_open);
        }>
            <summary>"Figures per organisation"</summary>
            {move || {
                open.get()
                    .then(|| {
                        let orgs = series();
                        if orgs.is_empty() {
                            return view! { <p class="hint">"No valuation, headcount or revenue among the filtered events."</p> }.into_any();
                        }
                        view! {
                            <div class="charts">
                                {orgs
                                    .into_iter()
                                    .map(|(org, metrics)| {
                                        let caption = org.clone();
                                        view! {
                                            <figure>
                                                <figcaption>{caption}</figcaption>
                                                {metrics
                                                    .into_iter()
                                                    .zip(["Valuation", "Headcount", "Revenue"])
                                                    .filter(|(pts, _)| !pts.is_empty())
                                                    .map(move |(pts, name)| chart(&org, name, pts))
                                                    .collect_view()}
                                            </figure>
                                        }
                                    })
                                    .collect_view()}
                            </div>
                        }
                            .into_any()
                    })
            }}
        </details>
    }
}

fn chart(org: &str, name: &'static str, mut pts: Vec<(f64, f64)>) -> impl IntoView + use<> {
    pts.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (t0, t1) = (pts[0].0, pts[pts.len() - 1].0);
    let (v0, v1) = pts
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
            (a.min(p.1), b.max(p.1))
        });
    let money = name != "Headcount";
    let fmt = move |v: f64| {
        if money {
            model::money(v, "USD")
        } else {
            model::short_num(v)
        }
    };
    let fmt_v = |v: f64| {
        if money { model::short_num(v) } else { fmt(v) }
    };
    let x = |t: f64| 4 + ((t - t0) / (t1 - t0).max(1.0) * 152.0) as i64;
    let y = |v: f64| 40 - ((v - v0) / (v1 - v0).max(1.0) * 34.0) as i64;
    let points = pts
        .iter()
        .map(|p| [x(p.0).to_string(), ",".into(), y(p.1).to_string()].concat())
        .collect::<Vec<_>>()
        .join(" ");
    let last = pts[pts.len() - 1];
    let label = [
        name,
        " of ",
        org,
        ": ",
        &pts.len().to_string(),
        " figures from ",
        &fmt_v(pts[0].1),
        " (",
        &model::iso_day(t0),
        ") to ",
        &fmt_v(last.1),
        " (",
        &model::iso_day(t1),
        "), lowest ",
        &fmt_v(v0),
        ", highest ",
        &fmt_v(v1),
    ]
    .concat();
    view! {
        <div class="chart">
            <span class="metric">{name}" "<b>{fmt(last.1)}</b></span>
            <svg viewBox="0 0 160 44" role="img" aria-label=label>
                <polyline points=points fill="none" stroke="currentColor" stroke-width="1.5" />
                {pts
                    .iter()
                    .map(|p| view! { <circle cx=x(p.0).to_string() cy=y(p.1).to_string() r="2" /> })
                    .collect_view()}
            </svg>
        </div>
    }
}
