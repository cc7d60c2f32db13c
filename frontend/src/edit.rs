//! Writing to the service from the page (issue 17): correcting, hiding and showing again an
//! event from the details panel, pasting an article, and the token those writes need. Only
//! when the page is served by `dateline serve` ([`url_state::api_base`]); a static export
//! stays read-only.
//!
//! A change shows at once (the document is rebuilt in the page), is sent, and is then
//! replaced by the service's own document; a refused write puts the view back as it was and
//! says why. The token lives in the tab's `sessionStorage` only and is sent as
//! `Authorization: Bearer`: never in a URL, a log or an export.

use crate::model::{self, Doc, Edit};
use crate::{app, json, url_state};
use dateline_api::{EventKind, Precision};
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::{JsCast as _, JsValue};
use wasm_bindgen_futures::{JsFuture, js_sys};

const TOKEN_KEY: &str = "dateline-token";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

fn token() -> Option<String> {
    storage()?
        .get_item(TOKEN_KEY)
        .ok()?
        .filter(|t| !t.is_empty())
}

thread_local! {
    /// Resolves the open token prompt's promise with the token typed (null: cancelled).
    static ANSWER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// What every writing part of the page shares.
#[derive(Clone, Copy)]
pub struct Writes {
    /// The document shown.
    pub doc: RwSignal<&'static Doc>,
    /// The chosen event (an index into the document).
    pub selected: RwSignal<Option<u32>>,
    /// The token prompt's message while it is open.
    pub prompt: RwSignal<Option<String>>,
    /// What the last write did ("Saved", "Not saved: …").
    pub notice: RwSignal<String>,
}

/// A string as a JSON string literal.
fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                for d in [c as u32 >> 4, c as u32 & 15] {
                    out.push(char::from_digit(d, 16).unwrap_or('0'));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The address of an API route for the document's story, with `query` (`a=b&c=d`) added.
fn api(doc: &Doc, path: &str, query: &str) -> Option<String> {
    let mut url = [url_state::api_base()?.as_str(), path].concat();
    let story = doc
        .story
        .as_deref()
        .map(url_state::timeline_query)
        .unwrap_or_default();
    let mut q = story.trim_start_matches('?').to_string();
    if !query.is_empty() {
        if !q.is_empty() {
            q.push('&');
        }
        q.push_str(query);
    }
    if !q.is_empty() {
        url.push('?');
        url.push_str(&q);
    }
    Some(url)
}

/// Asks for the token with `message`; `None` when the prompt is cancelled.
async fn ask_token(prompt: RwSignal<Option<String>>, message: &str) -> Option<String> {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        ANSWER.with(|a| {
            if let Some(old) = a.borrow_mut().replace(resolve) {
                let _ = old.call1(&JsValue::NULL, &JsValue::NULL);
            }
        });
    });
    prompt.set(Some(message.to_string()));
    let answer = JsFuture::from(promise).await.ok()?.as_string()?;
    Some(answer.trim().to_string()).filter(|t| !t.is_empty())
}

/// Answers the open token prompt (`None`: cancelled).
fn answer(prompt: RwSignal<Option<String>>, value: Option<&str>) {
    prompt.set(None);
    ANSWER.with(|a| {
        if let Some(f) = a.borrow_mut().take() {
            let _ = f.call1(
                &JsValue::NULL,
                &value.map_or(JsValue::NULL, JsValue::from_str),
            );
        }
    });
}

/// One request with a JSON body; (status, body text).
async fn send(
    method: &str,
    url: &str,
    body: &str,
    token: Option<&str>,
) -> Result<(u16, String), String> {
    let unanswered = || "the service did not answer".to_string();
    let window = web_sys::window().ok_or_else(unanswered)?;
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    init.set_body(&JsValue::from_str(body));
    let headers = web_sys::Headers::new().map_err(|_| unanswered())?;
    let _ = headers.set("Content-Type", "application/json");
    if let Some(t) = token {
        let _ = headers.set("Authorization", &["Bearer ", t].concat());
    }
    init.set_headers(&headers);
    let res: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .ok()
        .and_then(|r| r.dyn_into().ok())
        .ok_or_else(unanswered)?;
    let text = match res.text() {
        Ok(p) => JsFuture::from(p).await.ok().and_then(|t| t.as_string()),
        Err(_) => None,
    }
    .unwrap_or_default();
    Ok((res.status(), text))
}

/// Sends a write and returns the body of its 2xx answer, or what went wrong in words (the
/// service's own `error`). A 401 asks for the token (again when the one sent was refused)
/// and sends the write once more with it.
async fn write(w: Writes, method: &str, url: &str, body: &str) -> Result<String, String> {
    let mut refused = false;
    loop {
        let sent = token();
        let (status, text) = send(method, url, body, sent.as_deref()).await?;
        if status == 401 {
            if let Some(s) = storage() {
                let _ = s.remove_item(TOKEN_KEY);
            }
            refused |= sent.is_some();
            let message = if sent.is_some() {
                "The service refused this token. Enter the token it was started with (--token)."
            } else {
                "This service needs its token to save changes. Enter it (it is kept in this tab only)."
            };
            match ask_token(w.prompt, message).await {
                Some(t) => {
                    if let Some(s) = storage() {
                        let _ = s.set_item(TOKEN_KEY, &t);
                    }
                    continue;
                }
                None if refused => return Err("the service refused the token".into()),
                None => return Err("no token was given".into()),
            }
        }
        if (200..300).contains(&status) {
            return Ok(text);
        }
        let said = json::parse(&text)
            .and_then(|v| v.get("error").and_then(|e| e.str()).map(str::to_string));
        return Err(said.unwrap_or_else(|| ["HTTP ", &status.to_string()].concat()));
    }
}

/// Shows `new` in place of the document, with the event `keep` (else the chosen one, by id)
/// chosen when it is in it.
fn swap(w: Writes, new: &'static Doc, keep: Option<&str>) {
    let id = keep.map(str::to_string).or_else(|| {
        let old = w.doc.get_untracked();
        w.selected
            .get_untracked()
            .and_then(|i| old.events.get(i as usize))
            .map(|e| e.id.clone())
    });
    let idx = id
        .and_then(|id| new.events.iter().position(|e| e.id == id))
        .map(|i| i as u32);
    w.doc.set(new);
    w.selected.set(idx);
}

fn leak(doc: Doc) -> &'static Doc {
    Box::leak(Box::new(doc))
}

/// Sends a correction of event `id` already shown in the page; then shows the service's
/// document, or `before` again with the reason when the write fails.
async fn commit(w: Writes, before: &'static Doc, id: String, body: String, done: String) {
    let Some(url) = api(before, &["events/", &js_encode(&id)].concat(), "") else {
        return;
    };
    w.notice.set("Saving…".into());
    match write(w, "PATCH", &url, &body).await {
        Ok(_) => match app::load_story(before.story.as_deref()).await {
            Ok(fresh) => {
                swap(w, leak(fresh), None);
                w.notice.set(done);
            }
            Err(e) => w
                .notice
                .set(["Saved, but the timeline could not be read again: ", &e].concat()),
        },
        Err(e) => {
            swap(w, before, None);
            w.notice
                .set(["Not saved: ", &e, ". The timeline is shown as before."].concat());
        }
    }
}

fn js_encode(s: &str) -> String {
    js_sys::encode_uri_component(s).into()
}

/// Whether `kind` carries a sum of money (else maybe a count of people).
fn is_money(kind: EventKind) -> bool {
    matches!(
        kind,
        EventKind::Valuation | EventKind::Funding | EventKind::Revenue | EventKind::Acquisition
    )
}

fn is_count(kind: EventKind) -> bool {
    matches!(kind, EventKind::Headcount | EventKind::Layoff)
}

/// The `PATCH /api/events/{id}` body for `edit`, whose date is `date` as the document
/// writes it.
fn patch_body(edit: &Edit, date: &str) -> String {
    let persons: Vec<String> = edit.persons.iter().map(|p| json_str(p)).collect();
    let mut s = [
        "{\"date\":{\"value\":",
        &json_str(date),
        ",\"precision\":\"",
        edit.precision.as_str(),
        "\",\"approx\":",
        if edit.approx { "true" } else { "false" },
        "},\"kind\":\"",
        edit.kind.as_str(),
        "\",\"persons\":[",
        &persons.join(","),
        "],\"role\":",
        &json_str(&edit.role),
        ",\"org\":",
        &json_str(&edit.org),
    ]
    .concat();
    if let Some((v, c)) = &edit.amount {
        s.push_str(
            &[
                ",\"amount\":{\"value\":",
                &whole(*v),
                ",\"currency\":",
                &json_str(c),
                "}",
            ]
            .concat(),
        );
    }
    if let Some(c) = edit.count {
        s.push_str(&[",\"count\":", &whole(c)].concat());
    }
    s.push('}');
    s
}

/// A whole number as digits (u64 formatting: f64's would add float formatting to the
/// bundle).
fn whole(v: f64) -> String {
    (v.max(0.0) as u64).to_string()
}

/// A whole number as typed ("1,200", "150000000000"), `None` when empty, `Err` when not
/// one. Whole numbers only: amounts are in units, and float parsing would grow the bundle.
fn number(field: &str, typed: &str) -> Result<Option<f64>, String> {
    let t: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',' && *c != '_')
        .collect();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<u64>()
        .ok()
        .map(|v| Some(v as f64))
        .ok_or_else(|| {
            [
                field,
                " ",
                typed.trim(),
                " is not a whole number of 0 or more",
            ]
            .concat()
        })
}

/// The value of a form's field `name` ("" when there is none).
fn value(form: &web_sys::Element, name: &str) -> String {
    field(form, name)
        .and_then(|e| js_sys::Reflect::get(&e, &JsValue::from_str("value")).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

fn field(form: &web_sys::Element, name: &str) -> Option<web_sys::Element> {
    form.query_selector(&["[name=", name, "]"].concat())
        .ok()
        .flatten()
}

/// Sets a property (`value`, `checked`) of a form's field `name`.
fn set_prop(form: &web_sys::Element, name: &str, prop: &str, v: &JsValue) {
    if let Some(e) = field(form, name) {
        let _ = js_sys::Reflect::set(&e, &JsValue::from_str(prop), v);
    }
}

fn set_value(form: &web_sys::Element, name: &str, v: &str) {
    set_prop(form, name, "value", &JsValue::from_str(v));
}

/// Sets the text of the element `css` inside `host`.
fn say(host: &web_sys::Element, css: &str, text: &str) {
    if let Ok(Some(e)) = host.query_selector(css) {
        e.set_text_content(Some(text));
    }
}

/// The name of the form field an event happened in.
fn target_name(ev: &web_sys::Event) -> String {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.get_attribute("name"))
        .unwrap_or_default()
}

/// Shows the figure fields that fit `kind`: a sum of money, a count of people, or none.
fn show_figure(form: &web_sys::Element, kind: Option<EventKind>) {
    for (which, show) in [
        ("money", kind.is_some_and(is_money)),
        ("count", kind.is_some_and(is_count)),
    ] {
        if let Ok(Some(e)) = form.query_selector(&["[data-figure=", which, "]"].concat()) {
            let _ = if show {
                e.remove_attribute("hidden")
            } else {
                e.set_attribute("hidden", "")
            };
        }
    }
}

/// The Edit form's markup (static; filled and read through the DOM, which keeps the
/// bundle smaller than a reactive view per field).
fn edit_form_html() -> String {
    let mut kinds = String::new();
    for k in EventKind::ALL {
        kinds.push_str(
            &[
                "<option value=\"",
                k.as_str(),
                "\">",
                k.label(),
                "</option>",
            ]
            .concat(),
        );
    }
    [
        "<label>Date<input name=\"date\" type=\"text\" required placeholder=\"YYYY-MM-DD, YYYY-MM or YYYY\" aria-describedby=\"edit-error\"></label>\
<label>Precision<select name=\"precision\"><option>day</option><option>month</option><option>quarter</option><option>year</option></select></label>\
<label class=\"check\"><input name=\"approx\" type=\"checkbox\">Approximate</label>\
<label>Kind<select name=\"kind\">",
        &kinds,
        "</select></label>\
<label>People (comma-separated)<input name=\"persons\" type=\"text\"></label>\
<label>Role<input name=\"role\" type=\"text\"></label>\
<label>Organisation<input name=\"org\" type=\"text\"></label>\
<div data-figure=\"money\"><label>Amount (whole units)<input name=\"amount\" type=\"text\" inputmode=\"numeric\"></label>\
<label>Currency<input name=\"currency\" type=\"text\" maxlength=\"3\"></label></div>\
<div data-figure=\"count\"><label>People counted<input name=\"count\" type=\"text\" inputmode=\"numeric\"></label></div>\
<p id=\"edit-error\" class=\"field-error\" role=\"alert\"></p>\
<div class=\"actions\"><button type=\"submit\" data-action=\"save-event\">Save</button>\
<button type=\"button\" data-action=\"cancel-edit\">Cancel</button></div>",
    ]
    .concat()
}

/// What the Edit form holds, read; `Err` says which field is wrong.
fn read_edit(form: &web_sys::Element) -> Result<Edit, String> {
    let kind = EventKind::parse(&value(form, "kind")).ok_or("choose a kind")?;
    let precision: Precision = value(form, "precision")
        .parse()
        .map_err(|_| "choose a precision")?;
    let amount = number("Amount", &value(form, "amount"))?.filter(|_| is_money(kind));
    let count = number("Count", &value(form, "count"))?.filter(|_| is_count(kind));
    let approx = field(form, "approx")
        .and_then(|e| js_sys::Reflect::get(&e, &JsValue::from_str("checked")).ok())
        .is_some_and(|v| v.is_truthy());
    Ok(Edit {
        date: value(form, "date"),
        precision,
        approx,
        kind,
        persons: value(form, "persons")
            .split(',')
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect(),
        role: value(form, "role").trim().to_string(),
        org: value(form, "org").trim().to_string(),
        amount: amount.map(|v| (v, value(form, "currency").trim().to_ascii_uppercase())),
        count,
    })
}

/// The details panel's actions (Edit, Hide) and the Edit form, for the chosen event.
#[component]
pub fn Editor(
    /// The shared state of writes.
    w: Writes,
) -> impl IntoView {
    let editing = RwSignal::new(false);
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let none_chosen = move || {
        let d = w.doc.get();
        w.selected
            .get()
            .and_then(|i| d.events.get(i as usize))
            .is_none()
    };
    // A new choice closes the form.
    Effect::new(move |_| {
        w.selected.track();
        editing.set(false);
    });
    let open = move |_| {
        let d = w.doc.get_untracked();
        let (Some(ev), Some(form)) = (
            w.selected
                .get_untracked()
                .and_then(|i| d.events.get(i as usize)),
            form_ref.get_untracked(),
        ) else {
            return;
        };
        let (amount, currency) = ev
            .amount
            .clone()
            .map_or((String::new(), "USD".to_string()), |(v, c)| (whole(v), c));
        for (name, v) in [
            ("date", ev.date.as_str()),
            ("precision", ev.precision.as_str()),
            ("kind", ev.kind.as_str()),
            ("persons", &ev.persons.join(", ")),
            ("role", ev.role.as_deref().unwrap_or_default()),
            ("org", ev.org.as_deref().unwrap_or_default()),
            ("amount", &amount),
            ("currency", &currency),
            ("count", &ev.count.map(whole).unwrap_or_default()),
        ] {
            set_value(&form, name, v);
        }
        set_prop(&form, "approx", "checked", &JsValue::from_bool(ev.approx));
        show_figure(&form, Some(ev.kind));
        say(&form, "#edit-error", "");
        editing.set(true);
    };
    let hide = move |_| {
        let before = w.doc.get_untracked();
        let Some(ev) = w
            .selected
            .get_untracked()
            .and_then(|i| before.events.get(i as usize))
        else {
            return;
        };
        let id = ev.id.clone();
        let events = before
            .events
            .iter()
            .filter(|e| e.id != id)
            .cloned()
            .collect();
        let done = [
            "Hidden: ",
            ev.kind.label(),
            " of ",
            &ev.who(),
            " (see Hidden events)",
        ]
        .concat();
        swap(w, leak(before.with_events(events)), None);
        leptos::task::spawn_local(commit(w, before, id, "{\"hidden\":true}".into(), done));
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let before = w.doc.get_untracked();
        let (Some(old), Some(form)) = (
            w.selected
                .get_untracked()
                .and_then(|i| before.events.get(i as usize)),
            form_ref.get_untracked(),
        ) else {
            return;
        };
        let edit = match read_edit(&form) {
            Ok(e) => e,
            Err(e) => return say(&form, "#edit-error", &e),
        };
        let Some(new) = old.edited(&edit) else {
            return say(
                &form,
                "#edit-error",
                &[
                    "\"",
                    edit.date.trim(),
                    "\" is not a date of precision ",
                    edit.precision.as_str(),
                    ": write YYYY-MM-DD, YYYY-MM or YYYY",
                ]
                .concat(),
            );
        };
        let body = patch_body(&edit, &new.date);
        let id = old.id.clone();
        let done = [
            "Saved: ",
            new.kind.label(),
            " of ",
            &new.who(),
            ", ",
            &model::date_words(&new),
        ]
        .concat();
        let events = before
            .events
            .iter()
            .map(|e| if e.id == id { new.clone() } else { e.clone() })
            .collect();
        swap(w, leak(before.with_events(events)), Some(&id));
        editing.set(false);
        leptos::task::spawn_local(commit(w, before, id, body, done));
    };
    view! {
        <div class="edit" hidden=none_chosen>
            <div class="actions" hidden=move || editing.get()>
                <button type="button" data-action="edit-event" on:click=open>"Edit"</button>
                <button type="button" data-action="hide-event" on:click=hide>"Hide"</button>
            </div>
            <form
                class="edit-form"
                node_ref=form_ref
                hidden=move || !editing.get()
                on:submit=save
                on:change=move |ev| {
                    if target_name(&ev) == "kind"
                        && let Some(form) = form_ref.get_untracked()
                    {
                        show_figure(&form, EventKind::parse(&value(&form, "kind")));
                    }
                }
                on:click=move |ev| {
                    let cancel = ev
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .and_then(|e| e.get_attribute("data-action"))
                        .is_some_and(|a| a == "cancel-edit");
                    if cancel {
                        editing.set(false);
                    }
                }
                inner_html=edit_form_html()
            ></form>
        </div>
    }
}

/// One hidden event as listed: (id, "Kind: who, date").
fn hidden_rows(text: &str) -> Vec<(String, String)> {
    let Some(v) = json::parse(text) else {
        return Vec::new();
    };
    v.get("events")
        .map(json::Value::arr)
        .unwrap_or_default()
        .iter()
        .map(|e| {
            let kind = EventKind::parse(e.s("kind")).map_or("Event", EventKind::label);
            let persons: Vec<&str> = e
                .get("persons")
                .map(json::Value::arr)
                .unwrap_or_default()
                .iter()
                .filter_map(json::Value::str)
                .collect();
            let who = if persons.is_empty() {
                e.s("org").to_string()
            } else {
                persons.join(", ")
            };
            let date = e.get("date").map_or("", |d| d.s("value"));
            (
                e.s("id").to_string(),
                [kind, ": ", &who, ", ", date].concat(),
            )
        })
        .collect()
}

/// The events a curator hid, each with Unhide; read from the service when opened and after
/// every change.
#[component]
pub fn HiddenEvents(
    /// The shared state of writes.
    w: Writes,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let list_ref = NodeRef::<leptos::html::Ul>::new();
    let status = RwSignal::new(String::new());
    let rows = RwSignal::new(Vec::<(String, String)>::new());
    Effect::new(move |_| {
        let d = w.doc.get();
        if !open.get() {
            return;
        }
        let Some(url) = api(d, "events", "hidden=true&limit=1000") else {
            return;
        };
        status.set("Loading…".into());
        leptos::task::spawn_local(async move {
            match app::fetch_text(&url).await {
                Ok(text) => rows.set(hidden_rows(&text)),
                Err(e) => status.set(e),
            }
        });
    });
    // The rows, drawn as DOM (text nodes only).
    Effect::new(move |_| {
        let (Some(ul), Some(d)) = (list_ref.get(), web_sys::window().and_then(|w| w.document()))
        else {
            return;
        };
        ul.set_text_content(None);
        rows.with(|rows| {
            status.set(if rows.is_empty() {
                "No hidden events.".into()
            } else {
                String::new()
            });
            for (id, label) in rows {
                let (Ok(li), Ok(b)) = (d.create_element("li"), d.create_element("button")) else {
                    continue;
                };
                let _ = li.set_attribute("data-event-id", id);
                li.set_text_content(Some(&[label, " "].concat()));
                let _ = b.set_attribute("type", "button");
                let _ = b.set_attribute("data-action", "unhide-event");
                b.set_text_content(Some("Unhide"));
                let _ = li.append_child(&b);
                let _ = ul.append_child(&li);
            }
        });
    });
    let unhide = move |id: String| {
        let before = rows.get_untracked();
        rows.update(|r| r.retain(|(i, _)| *i != id));
        let doc = w.doc.get_untracked();
        let Some(url) = api(doc, &["events/", &js_encode(&id)].concat(), "") else {
            return;
        };
        leptos::task::spawn_local(async move {
            w.notice.set("Saving…".into());
            match write(w, "PATCH", &url, "{\"hidden\":false}").await {
                Ok(_) => match app::load_story(doc.story.as_deref()).await {
                    Ok(fresh) => {
                        swap(w, leak(fresh), Some(&id));
                        w.notice.set("Shown again".into());
                    }
                    Err(e) => w.notice.set(e),
                },
                Err(e) => {
                    rows.set(before);
                    w.notice.set(["Not shown again: ", &e].concat());
                }
            }
        });
    };
    view! {
        <details class="hidden-events" on:toggle=move |ev| {
            let is_open = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                .is_some_and(|d| d.open());
            open.set(is_open);
        }>
            <summary>"Hidden events"</summary>
            <p class="hint">{move || status.get()}</p>
            <ul node_ref=list_ref on:click=move |ev| {
                let id = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .filter(|e| e.get_attribute("data-action").as_deref() == Some("unhide-event"))
                    .and_then(|e| e.parent_element())
                    .and_then(|li| li.get_attribute("data-event-id"));
                if let Some(id) = id {
                    unhide(id);
                }
            }></ul>
        </details>
    }
}

/// The token prompt: shown while a write waits for the token; Enter gives it.
#[component]
pub fn TokenPrompt(
    /// The shared state of writes.
    w: Writes,
) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let give = move || {
        let t = typed.get_untracked();
        typed.set(String::new());
        answer(w.prompt, Some(&t));
    };
    view! {
        <div class="token-prompt" role="dialog" aria-labelledby="token-h" hidden=move || w.prompt.with(Option::is_none)>
            <p id="token-h" role="alert">{move || w.prompt.get().unwrap_or_default()}</p>
            <label>"Token "
                <input data-token-input type="password" autocomplete="off"
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                    on:keydown=move |ev| match ev.key().as_str() {
                        "Enter" => { ev.prevent_default(); give(); }
                        "Escape" => answer(w.prompt, None),
                        _ => {}
                    } />
            </label>
            " "
            <button type="button" on:click=move |_| give()>"OK"</button>
            " "
            <button type="button" data-action="cancel-token" on:click=move |_| answer(w.prompt, None)>"Cancel"</button>
        </div>
    }
}

/// A few of each language's most frequent function words, for [`detect`]. The core's own
/// detector (`dateline_core::lang::detect`, over every pack's stop words) links all six
/// language packs into the page: measured 2026-12-07, the bundle went from 159 to 279 KB
/// gzip -9. The service reads the article with the core's detector when "Detect" is left.
const FUNCTION_WORDS: [(&str, &[&str]); 6] = [
    (
        "en",
        &[
            "the", "and", "of", "to", "is", "was", "that", "with", "has", "for",
        ],
    ),
    (
        "it",
        &[
            "il", "della", "che", "di", "è", "del", "per", "una", "gli", "sono",
        ],
    ),
    (
        "fr",
        &[
            "le", "les", "des", "et", "est", "une", "du", "dans", "pour", "qui",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "das", "ist", "nicht", "mit", "den", "ein", "auch",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "del", "y", "que", "en", "por", "una", "fue",
        ],
    ),
    (
        "pt",
        &[
            "o", "os", "do", "da", "não", "em", "que", "uma", "foi", "com",
        ],
    ),
];

/// Guesses the language of `text` from function words (the first 2,000 words); `None`
/// when none occurs.
fn detect(text: &str) -> Option<&'static str> {
    let mut scores = [0usize; 6];
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(2000)
    {
        let word = word.to_lowercase();
        for (score, (_, words)) in scores.iter_mut().zip(FUNCTION_WORDS) {
            *score += usize::from(words.contains(&word.as_str()));
        }
    }
    let (best, &score) = scores
        .iter()
        .enumerate()
        .max_by_key(|&(i, s)| (*s, usize::MAX - i))?;
    (score > 0).then_some(FUNCTION_WORDS[best].0)
}

/// The Add-an-article form's markup (static, read through the DOM).
const ARTICLE_FORM: &str = "<label>Article text (or HTML)<textarea name=\"article-text\" rows=\"8\" aria-describedby=\"article-error\"></textarea></label>\
<label>Or its address (the service fetches the page; with pasted text, kept as its source)<input name=\"article-url\" type=\"url\" placeholder=\"https://\" aria-describedby=\"article-error\"></label>\
<p id=\"article-error\" class=\"field-error\" role=\"alert\"></p>\
<label>Published<input name=\"article-published\" type=\"date\" title=\"Empty: a date line at the top of the text gives it\"></label>\
<label>Language (detected, can be changed)<select name=\"article-lang\"><option value=\"\">Detect on the service</option>\
<option value=\"en\">English</option><option value=\"it\">Italian</option><option value=\"fr\">French</option>\
<option value=\"de\">German</option><option value=\"es\">Spanish</option><option value=\"pt\">Portuguese</option></select></label>\
<button type=\"submit\" data-action=\"extract\">Extract</button> <span class=\"outcome\" role=\"status\"></span>";

/// Add an article: text (or HTML) or the address of its page (fetched by the service),
/// publication date and language (guessed as it is typed, until chosen), read by the service; its events are then shown highlighted with
/// "n new, m merged". The service's error is shown by the fields, which are kept.
#[component]
pub fn AddArticle(
    /// The shared state of writes.
    w: Writes,
    /// Whether the form is open.
    open: RwSignal<bool>,
) -> impl IntoView {
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let lang_chosen = StoredValue::new(false);
    let busy = StoredValue::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(form) = form_ref.get_untracked() else {
            return;
        };
        let before = w.doc.get_untracked();
        if busy.get_value() {
            return;
        }
        let Some(url) = api(before, "articles", "") else {
            return;
        };
        let text = value(&form, "article-text");
        if text.trim().is_empty() && value(&form, "article-url").trim().is_empty() {
            return say(
                &form,
                "#article-error",
                "Paste the article's text, or give its address.",
            );
        }
        let mut body = ["{\"text\":", &json_str(&text)].concat();
        for (key, name) in [
            ("published", "article-published"),
            ("lang", "article-lang"),
            ("url", "article-url"),
        ] {
            let v = value(&form, name);
            if !v.trim().is_empty() {
                body.push_str(&[",\"", key, "\":", &json_str(v.trim())].concat());
            }
        }
        body.push('}');
        say(&form, "#article-error", "");
        say(&form, ".outcome", "Reading the article…");
        busy.set_value(true);
        let form: web_sys::Element = form.into();
        leptos::task::spawn_local(async move {
            let result = write(w, "POST", &url, &body).await;
            busy.set_value(false);
            let answer = match result {
                Ok(a) => a,
                Err(e) => {
                    say(&form, ".outcome", "");
                    return say(&form, "#article-error", &e);
                }
            };
            let mut ids: Vec<String> = json::parse(&answer)
                .as_ref()
                .and_then(|v| v.get("timeline_event_ids"))
                .map(json::Value::arr)
                .unwrap_or_default()
                .iter()
                .filter_map(|s| s.str().map(str::to_string))
                .collect();
            ids.sort_unstable();
            ids.dedup();
            let merged = ids
                .iter()
                .filter(|id| before.events.iter().any(|e| &e.id == *id))
                .count();
            let mut fresh = match app::load_story(before.story.as_deref()).await {
                Ok(d) => d,
                Err(e) => {
                    return say(
                        &form,
                        ".outcome",
                        &["Stored, but the timeline could not be read again: ", &e].concat(),
                    );
                }
            };
            for e in &mut fresh.events {
                e.fresh = ids.binary_search(&e.id).is_ok();
            }
            let first = fresh.events.iter().find(|e| e.fresh).map(|e| e.id.clone());
            swap(w, leak(fresh), first.as_deref());
            let (new, merged) = ((ids.len() - merged).to_string(), merged.to_string());
            let none = if ids.is_empty() {
                " (no dated event found in it)"
            } else {
                ""
            };
            say(
                &form,
                ".outcome",
                &[new.as_str(), " new, ", &merged, " merged", none].concat(),
            );
            set_value(&form, "article-text", "");
            set_value(&form, "article-url", "");
            lang_chosen.set_value(false);
        });
    };
    view! {
        <form
            class="add-article"
            aria-label="Add an article"
            node_ref=form_ref
            hidden=move || !open.get()
            on:submit=submit
            on:input=move |ev| {
                if target_name(&ev) == "article-text"
                    && !lang_chosen.get_value()
                    && let Some(form) = form_ref.get_untracked()
                {
                    set_value(&form, "article-lang", detect(&value(&form, "article-text")).unwrap_or_default());
                }
            }
            on:change=move |ev| {
                if target_name(&ev) == "article-lang" {
                    lang_chosen.set_value(true);
                }
            }
            inner_html=ARTICLE_FORM
        ></form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patch_bodies_are_json_with_every_edited_field() {
        let edit = Edit {
            date: "2024-07".into(),
            precision: Precision::Quarter,
            approx: true,
            kind: EventKind::Funding,
            persons: vec!["A \"B\" C".into()],
            role: String::new(),
            org: "Acme\n".into(),
            amount: Some((5e6, "EUR".into())),
            count: None,
        };
        assert_eq!(
            patch_body(&edit, "2024-07"),
            r#"{"date":{"value":"2024-07","precision":"quarter","approx":true},"kind":"funding","persons":["A \"B\" C"],"role":"","org":"Acme\n","amount":{"value":5000000,"currency":"EUR"}}"#
        );
        assert_eq!(json_str("\u{1}"), "\"\\u0001\"");
    }

    #[test]
    fn the_language_of_a_pasted_article_is_guessed() {
        let cases = [
            (
                "Mira Murati, the CTO of OpenAI, has resigned after six years",
                Some("en"),
            ),
            (
                "la cto di openai ha lasciato la società dopo sei anni, è stato detto",
                Some("it"),
            ),
            (
                "Le directeur a quitté la société après trois ans, selon les journaux",
                Some("fr"),
            ),
            (
                "Die Chefin hat das Unternehmen verlassen, und das ist nicht neu",
                Some("de"),
            ),
            (
                "El director dejó la empresa y los empleados fueron informados por la junta",
                Some("es"),
            ),
            (
                "O diretor deixou a empresa e não foi substituído em maio",
                Some("pt"),
            ),
            ("12345 OpenAI", None),
        ];
        for (text, lang) in cases {
            assert_eq!(detect(text), lang, "{text}");
        }
    }

    #[test]
    fn typed_numbers_are_read_or_refused() {
        assert_eq!(number("Count", " 1,200 "), Ok(Some(1200.0)));
        assert_eq!(number("Count", ""), Ok(None));
        assert!(number("Count", "-3").is_err());
        assert!(number("Amount", "lots").is_err());
    }
}
