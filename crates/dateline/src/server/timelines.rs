//! `/api/timelines` and `/api/timeline.json`: the stories and one story's whole document.

use super::*;

/// `GET /api/timelines`: every story with its counts, span and most present people.
pub(super) async fn list_timelines(State(state): State<AppState>) -> Result<Response, ApiError> {
    let title = state.inner.config.title.clone();
    let response = state
        .cached_json("timelines".to_string(), move |c| {
            Ok(Some(serde_json::to_string(&read::timelines(c, &title)?)?))
        })
        .await?;
    response.ok_or_else(|| ApiError::Internal(anyhow::anyhow!("no timelines")))
}

pub(super) async fn timeline(
    State(state): State<AppState>,
    params: TimelineQuery,
) -> Result<Response, ApiError> {
    let timeline = params?.0.name();
    let title = state.inner.config.title.clone();
    let response = state
        .cached_json(format!("timeline {timeline}"), move |c| {
            read::timeline_json(c, &timeline, None, &title).map(Some)
        })
        .await?;
    response.ok_or_else(|| ApiError::Internal(anyhow::anyhow!("no timeline")))
}
