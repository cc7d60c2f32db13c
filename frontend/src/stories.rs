//! The list of stories (`/` when the service holds more than one): each with its span, its
//! counts and the people most present, filtered as you type; a story opens at
//! `?timeline=<id>`.

use crate::json::Value;
use crate::url_state;
use leptos::prelude::*;

/// One story of `api/timelines`.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// Its name, for `?timeline=`.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Articles in it.
    pub articles: usize,
    /// Visible events in it.
    pub events: usize,
    /// Earliest and latest event dates, as written (`2010`, `2010-08-09`).
    pub span: Option<(String, String)>,
    /// The people most present, most events first.
    pub people: Vec<String>,
    /// Lowercased id, title and names, for the filter.
    pub search: String,
}

/// The stories of an `api/timelines` answer; `None` when it is not one.
pub fn from_json(v: &Value<'_>) -> Option<Vec<Story>> {
    let Value::Arr(items) = v else {
        return None;
    };
    let count = |x: &Value<'_>, k: &str| x.get(k).and_then(Value::num).unwrap_or(0.0) as usize;
    Some(
        items
            .iter()
            .map(|t| {
                let people: Vec<String> = t
                    .get("people")
                    .map(Value::arr)
                    .unwrap_or_default()
                    .iter()
                    .map(|p| p.s("name").to_string())
                    .collect();
                let (id, title) = (t.s("id").to_string(), t.s("title").to_string());
                let search = [id.as_str(), &title, &people.join(" ")]
                    .join(" ")
                    .to_lowercase();
                Story {
                    span: t.opt("from").zip(t.opt("to")),
                    articles: count(t, "articles"),
                    events: count(t, "events"),
                    id,
                    title,
                    people,
                    search,
                }
            })
            .collect(),
    )
}

/// Whether every word of `q` is in `search`.
pub fn matches(search: &str, q: &str) -> bool {
    q.to_lowercase()
        .split_whitespace()
        .all(|w| search.contains(w))
}

/// The list of stories with a filter box.
#[component]
pub fn StoryList(
    /// The stories to list (those with events).
    stories: &'static [Story],
) -> impl IntoView {
    let q = RwSignal::new(String::new());
    let items = stories
        .iter()
        .map(|s| {
            let span = match &s.span {
                Some((f, t)) if f == t => f.clone(),
                Some((f, t)) => [f.as_str(), " – ", t].concat(),
                None => String::new(),
            };
            let counts = [
                s.events.to_string(),
                " events from ".into(),
                s.articles.to_string(),
                if s.articles == 1 {
                    " article"
                } else {
                    " articles"
                }
                .into(),
            ]
            .concat();
            let search = s.search.clone();
            view! {
                <li
                    class="story"
                    data-timeline=s.id.clone()
                    hidden=move || !q.with(|q| matches(&search, q))
                >
                    <a href=url_state::timeline_query(&s.id)>{s.title.clone()}</a>
                    <span class="story-span">{span}</span>
                    <span class="story-counts">{counts}</span>
                    <span class="story-people">{s.people.join(", ")}</span>
                </li>
            }
        })
        .collect_view();
    let shown = move || {
        q.with(|q| stories.iter().filter(|s| matches(&s.search, q)).count())
            .to_string()
    };
    let total = stories.len().to_string();
    view! {
        <header>
            <h1>"Stories"</h1>
            <label class="story-filter">
                "Find a story "
                <input
                    type="search"
                    autocomplete="off"
                    placeholder="a title or a name"
                    on:input=move |ev| q.set(event_target_value(&ev))
                />
            </label>
            <p class="count" aria-live="polite">{shown} " of " {total} " stories"</p>
        </header>
        <ul class="stories">{items}</ul>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stories_are_read_and_filtered_by_every_word() {
        let text = r#"[{"id":"apple","title":"Apple, 2010–2011","articles":6,"events":14,"from":"1976","to":"2011-10-06","people":[{"id":"steve-jobs","name":"Steve Jobs","event_count":7}]},{"id":"default","title":"default","articles":0,"events":0,"from":null,"to":null,"people":[]}]"#;
        let v = crate::json::parse(text).unwrap();
        let s = from_json(&v).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].span, Some(("1976".into(), "2011-10-06".into())));
        assert_eq!((s[0].articles, s[0].events), (6, 14));
        assert_eq!(s[0].people, ["Steve Jobs"]);
        assert_eq!(s[1].span, None);
        assert!(matches(&s[0].search, "jobs APPLE"));
        assert!(!matches(&s[0].search, "jobs ford"));
        assert!(matches(&s[0].search, ""));
        assert!(from_json(&crate::json::parse("{}").unwrap()).is_none());
    }
}
