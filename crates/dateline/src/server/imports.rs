//! `POST /api/import`: a curator's TimelineJS or CSV file merged into a story.

use super::*;

/// Query parameters of `POST /api/import`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ImportParams {
    name: Option<String>,
    timeline: Option<String>,
}

/// `POST /api/import?name=`: a curator's events (TimelineJS JSON as `application/json`, CSV
/// as `text/csv`), as `dateline import` merges them; importing the same name again replaces
/// the earlier import.
pub(super) async fn post_import(
    State(state): State<AppState>,
    headers: HeaderMap,
    params: Result<Query<ImportParams>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<store::ImportOutcome>), ApiError> {
    let Query(p) = params?;
    let timeline = TimelineParam {
        timeline: p.timeline,
    }
    .name();
    state.check_timeline(&timeline).await?;
    let body = body?;
    let content_type = content_type(&headers);
    let (default_name, ext) = if content_type.starts_with("application/json") {
        ("api.json", ".json")
    } else if content_type.starts_with("text/csv") {
        ("api.csv", ".csv")
    } else if content_type.starts_with("text/plain") {
        plain_text_allowed(&state)?;
        ("api.csv", ".csv")
    } else {
        return Err(ApiError::UnsupportedMediaType(format!(
            "send TimelineJS JSON as application/json or CSV as text/csv, not {content_type:?}"
        )));
    };
    let text = String::from_utf8(body.to_vec()).map_err(|e| {
        ApiError::Unprocessable(format!(
            "the body is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let name = p
        .name
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| default_name.to_string());
    // The format follows the content type, whatever the name.
    let file = [name.as_str(), ext].concat();
    let (text, events) = state
        .cpu(move || {
            let events = crate::import::parse(&file, &text);
            (text, events)
        })
        .await?;
    let events = events.map_err(|e| ApiError::Unprocessable(format!("{e:#}")))?;
    let outcome = state
        .with_store(move |s| {
            s.import_curated(
                &timeline,
                &name,
                &text,
                &chrono::Utc::now().date_naive().to_string(),
                &events,
            )
        })
        .await?;
    let status = if outcome.unchanged {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, Json(outcome)))
}
