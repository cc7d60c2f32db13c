//! `/api/events`, `/api/events/{id}` (read and correct) and `/api/people`.

use super::*;

/// The cache key of an events page: its parsed, normalised query (every field, in one
/// order), never the raw query string, so that neither unknown parameters nor their order
/// make new entries.
pub(super) fn events_key(query: &read::EventQuery) -> String {
    format!("events {query:?}")
}

/// Query parameters of `GET /api/events`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct EventParams {
    timeline: Option<String>,
    person: Option<String>,
    kind: Option<String>,
    from: Option<String>,
    to: Option<String>,
    q: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
    hidden: Option<String>,
}

/// Checks a `from`/`to` bound: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real date.
pub(super) fn date_bound(name: &str, value: &str) -> Result<String, ApiError> {
    value.parse::<Period>().map(|p| p.to_string()).map_err(|_| {
        ApiError::BadRequest(format!(
            "{name}={value:?} is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD"
        ))
    })
}

pub(super) async fn list_events(
    State(state): State<AppState>,
    params: Result<Query<EventParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(p) = params?;
    if let Some(q) = &p.q {
        read::check_search(q).map_err(ApiError::BadRequest)?;
    }
    let kind = p
        .kind
        .as_deref()
        .map(|k| {
            EventKind::parse(k).ok_or_else(|| {
                let all: Vec<&str> = EventKind::ALL.iter().map(|k| k.as_str()).collect();
                ApiError::BadRequest(format!(
                    "unknown kind {k:?}: expected one of {}",
                    all.join(", ")
                ))
            })
        })
        .transpose()?;
    let limit = match p.limit.as_deref() {
        None => DEFAULT_PAGE,
        Some(l) => match l.parse::<usize>() {
            Ok(n) if (1..=MAX_PAGE).contains(&n) => n,
            _ => {
                return Err(ApiError::BadRequest(format!(
                    "limit={l:?}: expected a number from 1 to {MAX_PAGE}"
                )));
            }
        },
    };
    let after = p
        .cursor
        .as_deref()
        .map(|c| {
            read::parse_cursor(c).ok_or_else(|| {
                ApiError::BadRequest(format!(
                    "cursor={c:?} is not a cursor: pass next_cursor from the previous page"
                ))
            })
        })
        .transpose()?;
    let hidden = match p.hidden.as_deref() {
        None | Some("false") => false,
        Some("true") => true,
        Some(h) => {
            return Err(ApiError::BadRequest(format!(
                "hidden={h:?}: expected true (only the hidden events) or false"
            )));
        }
    };
    let query = read::EventQuery {
        timeline: TimelineParam {
            timeline: p.timeline,
        }
        .name(),
        // A slug, or a name that slugs to one ("Mira Murati").
        person: p
            .person
            .map(|s| dateline_core::slug(&s))
            .filter(|s| !s.is_empty()),
        kind,
        from: p
            .from
            .as_deref()
            .map(|f| date_bound("from", f))
            .transpose()?,
        to: p.to.as_deref().map(|t| date_bound("to", t)).transpose()?,
        // Every word must match, in any order: sorted and once each, one cache entry.
        q: p.q
            .map(|s| {
                let words: std::collections::BTreeSet<String> =
                    s.split_whitespace().map(str::to_lowercase).collect();
                words.into_iter().collect::<Vec<_>>().join(" ")
            })
            .filter(|s| !s.is_empty()),
        limit,
        after,
        hidden,
    };
    let response = state
        .cached_json(events_key(&query), move |c| {
            read::events_page(c, &query).map(Some)
        })
        .await?;
    response.ok_or_else(|| ApiError::Internal(anyhow::anyhow!("no events page")))
}

pub(super) async fn get_event(
    State(state): State<AppState>,
    Path(id): Path<String>,
    params: TimelineQuery,
) -> Result<Response, ApiError> {
    let timeline = params?.0.name();
    let lookup = id.clone();
    // Only found events are cached, so ids that are not events make no entries.
    state
        .cached_json(format!("event {timeline} {id}"), move |c| {
            read::event_detail(c, &timeline, &lookup)
        })
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("no event {id:?}")))
}

pub(super) async fn list_people(
    State(state): State<AppState>,
    params: TimelineQuery,
) -> Result<Response, ApiError> {
    let timeline = params?.0.name();
    let response = state
        .cached_json(format!("people {timeline}"), move |c| {
            Ok(Some(serde_json::to_string(&read::people(c, &timeline)?)?))
        })
        .await?;
    response.ok_or_else(|| ApiError::Internal(anyhow::anyhow!("no people")))
}

/// A date in a correction: `"2024-09-26"` (precision from the length, exact) or a whole
/// `{"value", "precision", "approx"}` object.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(super) enum DateInput {
    Text(String),
    Full(EventDate),
}

/// The body of `PATCH /api/events/{id}`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PatchBody {
    #[serde(default)]
    date: Option<DateInput>,
    #[serde(default)]
    kind: Option<EventKind>,
    #[serde(default)]
    persons: Option<Vec<String>>,
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    org: Option<String>,
    #[serde(default)]
    amount: Option<Amount>,
    #[serde(default)]
    count: Option<u64>,
    #[serde(default)]
    hidden: Option<bool>,
}

/// Longest role or organisation name a correction may give, in characters.
const MAX_NAME_CHARS: usize = 200;

/// A corrected role or organisation, trimmed: empty removes it; control characters and
/// names over [`MAX_NAME_CHARS`] are refused.
fn name_field(field: &str, value: Option<String>) -> Result<Option<String>, ApiError> {
    let Some(v) = value else { return Ok(None) };
    let v = v.trim().to_string();
    if v.chars().any(char::is_control) {
        return Err(ApiError::Unprocessable(format!(
            "{field} {v:?} holds a control character"
        )));
    }
    if v.chars().count() > MAX_NAME_CHARS {
        return Err(ApiError::Unprocessable(format!(
            "{field} is longer than {MAX_NAME_CHARS} characters"
        )));
    }
    Ok(Some(v))
}

impl PatchBody {
    fn into_patch(self) -> Result<EventPatch, ApiError> {
        let date = match self.date {
            None => None,
            Some(DateInput::Full(d)) => Some(d.period().map(|_| d)),
            Some(DateInput::Text(v)) => Some(v.parse::<Period>().map(EventDate::from)),
        }
        .transpose()
        .map_err(|e| ApiError::Unprocessable(e.to_string()))?;
        let persons = match self.persons {
            None => None,
            Some(names) => {
                let names: Vec<String> = names.iter().map(|n| n.trim().to_string()).collect();
                if let Some(bad) = names.iter().find(|n| dateline_core::slug(n).is_empty()) {
                    return Err(ApiError::Unprocessable(format!(
                        "{bad:?} is not a person's name"
                    )));
                }
                Some(names)
            }
        };
        if let Some(a) = &self.amount {
            if !(a.value.is_finite() && a.value >= 0.0) {
                return Err(ApiError::Unprocessable(format!(
                    "amount {} is not a sum of money: expected a number of 0 or more",
                    a.value
                )));
            }
            if !(a.currency.len() == 3 && a.currency.bytes().all(|b| b.is_ascii_uppercase())) {
                return Err(ApiError::Unprocessable(format!(
                    "currency {:?} is not an ISO 4217 code such as USD",
                    a.currency
                )));
            }
        }
        let patch = EventPatch {
            date,
            kind: self.kind,
            persons,
            role: name_field("role", self.role)?,
            org: name_field("org", self.org)?,
            amount: self.amount,
            count: self.count,
            hidden: self.hidden,
        };
        if patch == EventPatch::default() {
            return Err(ApiError::Unprocessable(
                "nothing to correct: give date, kind, persons, role, org, amount, count or hidden"
                    .into(),
            ));
        }
        Ok(patch)
    }
}

pub(super) async fn patch_event(
    State(state): State<AppState>,
    Path(id): Path<String>,
    params: TimelineQuery,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<TimelineEvent>, ApiError> {
    let timeline = params?.0.name();
    let body = body?;
    let content_type = content_type(&headers);
    if !content_type.starts_with("application/json") {
        return Err(ApiError::UnsupportedMediaType(format!(
            "send the correction as application/json, not {content_type:?}"
        )));
    }
    let patch = serde_json::from_slice::<PatchBody>(&body)
        .map_err(|e| ApiError::BadRequest(format!("malformed JSON: {e}")))?
        .into_patch()?;
    let lookup = id.clone();
    match state
        .with_store(move |s| s.patch_event(&timeline, &lookup, &patch))
        .await?
    {
        Some(event) => Ok(Json(event)),
        None => Err(ApiError::NotFound(format!("no event {id:?}"))),
    }
}
