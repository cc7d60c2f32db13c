//! `/api/export.*`: a story in TimelineJS, CSV, iCalendar or JSON Lines, filtered.

use super::*;

/// `GET /api/export.*`: the timeline, filtered as the web app's URL filters it, in `format`.
pub(super) async fn export_as(
    State(state): State<AppState>,
    params: ExportQuery,
    format: Format,
) -> Result<Response, ApiError> {
    let Query(pairs) = params?;
    let (mut persons, mut kinds) = (Vec::new(), Vec::new());
    let (mut from, mut to, mut q) = (None, None, None);
    let mut timeline = store::DEFAULT_TIMELINE.to_string();
    for (k, v) in pairs {
        match k.as_str() {
            "timeline" => timeline = v,
            "person" => persons.push(v),
            "kind" => kinds.push(v),
            "from" => from = Some(v),
            "to" => to = Some(v),
            "q" => q = Some(v),
            _ => {
                return Err(ApiError::BadRequest(format!(
                    "unknown parameter {k:?}: expected timeline, person, kind, from, to or q"
                )));
            }
        }
    }
    let filter = export::Filter::from_params(
        &persons,
        &kinds,
        from.as_deref(),
        to.as_deref(),
        q.as_deref(),
    )
    .map_err(ApiError::BadRequest)?;
    let title = state.inner.config.title.clone();
    let permit = Arc::clone(&state.inner.exports)
        .try_acquire_owned()
        .map_err(|_| ApiError::Busy(EXPORT_RETRY_AFTER))?;
    let body = state
        .with_reader(move |c| {
            let _one_at_a_time = permit;
            let doc: dateline_api::TimelineDocument =
                serde_json::from_str(&read::timeline_json(c, &timeline, None, &title)?)?;
            export::render(&export::filter(doc, &filter), format, chrono::Utc::now())
        })
        .await?;
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(format.content_type()),
    );
    if matches!(format, Format::Csv | Format::Ics) {
        let disposition = format!("attachment; filename=\"timeline.{}\"", format.extension());
        if let Ok(v) = HeaderValue::from_str(&disposition) {
            headers.insert(header::CONTENT_DISPOSITION, v);
        }
    }
    Ok(response)
}
