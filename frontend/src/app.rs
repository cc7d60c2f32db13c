//! The app's root component: loads the document, shows the filter and the event list.

use crate::url_state;
use dateline_api::{TimelineDocument, TimelineEvent};
use leptos::prelude::*;

async fn load_timeline() -> Result<TimelineDocument, String> {
    let url = url_state::timeline_url();
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|e| format!("cannot load {url}: {e}"))?;
    if !response.ok() {
        return Err(format!("cannot load {url}: HTTP {}", response.status()));
    }
    response
        .json::<TimelineDocument>()
        .await
        .map_err(|e| format!("{url} is not a timeline document: {e}"))
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let doc = LocalResource::new(load_timeline);
    view! {
        <main>
            <Suspense fallback=|| view! { <p>"Loading the timeline…"</p> }>
                {move || {
                    doc.get()
                        .map(|result| match result {
                            Ok(doc) => view! { <Timeline doc=doc /> }.into_any(),
                            Err(message) => {
                                view! { <p class="error" role="alert">{message}</p> }.into_any()
                            }
                        })
                }}
            </Suspense>
        </main>
    }
}

/// The loaded timeline: title, person filter and events.
#[component]
fn Timeline(
    /// The timeline document to show.
    doc: TimelineDocument,
) -> impl IntoView {
    let person = RwSignal::new(url_state::person_from_url());
    let events = StoredValue::new(doc.events);
    let visible = Memo::new(move |_| {
        let selected = person.get();
        events.with_value(|all| {
            all.iter()
                .filter(|e| selected.as_ref().is_none_or(|p| e.person_ids.contains(p)))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let on_person = move |ev| {
        let value = event_target_value(&ev);
        let chosen = (!value.is_empty()).then_some(value);
        url_state::set_person_in_url(chosen.as_deref());
        person.set(chosen);
    };
    let people = doc.people;
    view! {
        <h1>{doc.title}</h1>
        <div class="filters" role="search">
            <label for="person-filter">"Person"</label>
            <select id="person-filter" on:change=on_person>
                <option value="" selected=move || person.get().is_none()>"Everyone"</option>
                {people
                    .into_iter()
                    .map(|p| {
                        let id = p.id.clone();
                        let selected = move || person.get().as_deref() == Some(id.as_str());
                        view! {
                            <option value=p.id.clone() selected=selected>
                                {format!("{} ({})", p.name, p.event_count)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <span class="count" aria-live="polite">
                {move || format!("{} events", visible.with(Vec::len))}
            </span>
        </div>
        <ol class="events" aria-label="Events in date order">
            <For each=move || visible.get() key=|e| e.id.clone() let:event>
                <EventCard event=event />
            </For>
        </ol>
    }
}

/// One event in the list.
#[component]
fn EventCard(
    /// The event to show.
    event: TimelineEvent,
) -> impl IntoView {
    let evidence = event
        .sources
        .first()
        .map(|s| s.evidence.text.clone())
        .unwrap_or_default();
    let who = if event.persons.is_empty() {
        event.org.clone().unwrap_or_default()
    } else {
        event.persons.join(", ")
    };
    let detail = [event.role.clone(), event.org.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    let date_label = if event.date.approx {
        format!("~{}", event.date.value)
    } else {
        event.date.value.clone()
    };
    view! {
        <li
            class="event"
            data-event-id=event.id.clone()
            data-kind=event.kind.as_str()
            data-date=event.date.value.clone()
            data-persons=event.person_ids.join(" ")
            data-approx=event.date.approx.to_string()
        >
            <div class="event-head">
                <time class="event-date" datetime=event.date.value.clone()>{date_label}</time>
                <span class="event-kind">{event.kind.as_str()}</span>
                <span class="event-who">{who}</span>
                <span class="event-detail">{detail}</span>
            </div>
            <blockquote class="evidence">{evidence}</blockquote>
        </li>
    }
}
