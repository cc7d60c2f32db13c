//! The HTTP service: the JSON API and the embedded web app.
//!
//! Errors map to status codes in one place ([`ApiError`]) and always carry a JSON body
//! `{"error": "…"}`; a panic in a handler becomes a 500 without details.

use crate::article::NewArticle;
use crate::assets;
use crate::store::{ArticleMeta, IngestOutcome, Store};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use dateline_api::TimelineDocument;
use serde::Deserialize;
use std::sync::{Arc, Mutex};

/// Largest request body accepted (5 MB); larger ones get 413.
pub const MAX_BODY_BYTES: usize = 5 * 1024 * 1024;

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    store: Arc<Mutex<Store>>,
    title: Arc<str>,
}

impl AppState {
    /// State over an opened store; `title` heads the timeline.
    pub fn new(store: Store, title: &str) -> AppState {
        AppState {
            store: Arc::new(Mutex::new(store)),
            title: title.into(),
        }
    }

    /// Runs `f` on the store in a blocking thread.
    async fn with_store<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Store) -> anyhow::Result<T> + Send + 'static,
    ) -> Result<T, ApiError> {
        let store = Arc::clone(&self.store);
        tokio::task::spawn_blocking(move || {
            let mut guard = store
                .lock()
                .map_err(|_| anyhow::anyhow!("store lock poisoned"))?;
            f(&mut guard)
        })
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("store task failed: {e}")))?
        .map_err(ApiError::Internal)
    }
}

/// An API error: its status and message.
#[derive(Debug)]
pub enum ApiError {
    /// The request is malformed (bad JSON, bad parameters).
    BadRequest(String),
    /// The request is well-formed but its content cannot be used (empty text, bad date …).
    Unprocessable(String),
    /// Nothing is at this path.
    NotFound(String),
    /// The body is over [`MAX_BODY_BYTES`].
    TooLarge,
    /// The body's content type is not one the endpoint reads.
    UnsupportedMediaType(String),
    /// Something failed on our side; logged, not shown.
    Internal(anyhow::Error),
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, message) = match self {
            ApiError::BadRequest(m) => (StatusCode::BAD_REQUEST, m),
            ApiError::Unprocessable(m) => (StatusCode::UNPROCESSABLE_ENTITY, m),
            ApiError::NotFound(m) => (StatusCode::NOT_FOUND, m),
            ApiError::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("the request body is over the limit of {MAX_BODY_BYTES} bytes"),
            ),
            ApiError::UnsupportedMediaType(m) => (StatusCode::UNSUPPORTED_MEDIA_TYPE, m),
            ApiError::Internal(e) => {
                tracing::error!("internal error: {e:#}");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal error".to_string(),
                )
            }
        };
        (status, Json(serde_json::json!({ "error": message }))).into_response()
    }
}

impl From<BytesRejection> for ApiError {
    fn from(r: BytesRejection) -> ApiError {
        if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::TooLarge
        } else {
            ApiError::BadRequest(r.body_text())
        }
    }
}

/// The whole service as one router.
pub fn app(state: AppState) -> Router {
    Router::new()
        .route(
            "/api/health",
            get(|| async { Json(serde_json::json!({ "status": "ok" })) }),
        )
        .route("/api/timeline.json", get(timeline))
        .route("/api/articles", post(post_article))
        .fallback(get(web_app))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(|_| {
            ApiError::Internal(anyhow::anyhow!("a handler panicked")).into_response()
        }))
        .with_state(state)
}

async fn timeline(State(state): State<AppState>) -> Result<Json<TimelineDocument>, ApiError> {
    let title = state.title.to_string();
    Ok(Json(state.with_store(move |s| s.timeline(&title)).await?))
}

/// Metadata given as query parameters with a `text/plain` body.
#[derive(Debug, Default, Deserialize)]
struct ArticleParams {
    published: Option<String>,
    lang: Option<String>,
    title: Option<String>,
    url: Option<String>,
}

async fn post_article(
    State(state): State<AppState>,
    headers: HeaderMap,
    params: Result<Query<ArticleParams>, axum::extract::rejection::QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<IngestOutcome>), ApiError> {
    let body = body?;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let article = if content_type.starts_with("application/json") {
        serde_json::from_slice::<NewArticle>(&body)
            .map_err(|e| ApiError::BadRequest(format!("malformed JSON: {e}")))?
    } else if content_type.starts_with("text/plain") {
        let Query(p) = params.map_err(|e| ApiError::BadRequest(e.body_text()))?;
        let text = String::from_utf8(body.to_vec()).map_err(|e| {
            ApiError::Unprocessable(format!(
                "the body is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ))
        })?;
        NewArticle {
            text,
            published: p.published,
            lang: p.lang,
            title: p.title,
            url: p.url,
        }
    } else {
        return Err(ApiError::UnsupportedMediaType(format!(
            "send the article as application/json or text/plain, not {:?}",
            content_type
        )));
    };
    let extraction = article
        .extract()
        .map_err(|e| ApiError::Unprocessable(e.to_string()))?;
    let title = article.title_or_first_line();
    let outcome = state
        .with_store(move |s| {
            let meta = ArticleMeta {
                title: title.as_deref(),
                url: article.url.as_deref(),
            };
            s.ingest(&article.text, &meta, &extraction)
        })
        .await?;
    let status = if outcome.new {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(outcome)))
}

/// Serves the embedded web app: its files by path, `index.html` for the root and for
/// extension-less paths (client-side routes).
async fn web_app(uri: Uri) -> Response {
    let path = uri.path().trim_start_matches('/');
    if !assets::has_app() {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            "<!doctype html><title>Dateline</title><p>The web app was not built into this binary. \
             Build it with <code>cargo xtask build</code>; the API is at <a href=\"api/timeline.json\">api/timeline.json</a>.</p>",
        )
            .into_response();
    }
    let (name, bytes) = match assets::get(path) {
        Some(bytes) if !path.is_empty() => (path, bytes),
        _ if path.is_empty() || !path.rsplit('/').next().unwrap_or("").contains('.') => {
            ("index.html", assets::get("index.html").unwrap_or_default())
        }
        _ => {
            return ApiError::NotFound(format!("no such file: /{path}")).into_response();
        }
    };
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(assets::content_type(name)),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::Request;
    use http_body_util::BodyExt as _;
    use tower::ServiceExt as _;

    fn test_app() -> Router {
        app(AppState::new(Store::in_memory().unwrap(), "Test"))
    }

    async fn call(app: &Router, req: Request<Body>) -> (StatusCode, serde_json::Value) {
        let res = app.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null),
        )
    }

    fn post_json(body: &str) -> Request<Body> {
        Request::post("/api/articles")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap()
    }

    #[tokio::test]
    async fn a_posted_article_is_in_the_timeline() {
        let app = test_app();
        let article = r#"{"text": "Acme appointed Jane Doe as CEO in May.", "published": "2024-09-27", "title": "Acme news"}"#;
        let (status, body) = call(&app, post_json(article)).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        assert_eq!(body["events"][0]["persons"][0], "Jane Doe");
        let (status, _) = call(&app, post_json(article)).await;
        assert_eq!(status, StatusCode::OK);

        let (status, doc) = call(
            &app,
            Request::get("/api/timeline.json")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(doc["title"], "Test");
        assert_eq!(doc["events"][0]["date"]["value"], "2024-05");
        assert_eq!(doc["people"][0]["id"], "jane-doe");
        assert_eq!(doc["sources"][0]["title"], "Acme news");
    }

    #[tokio::test]
    async fn unknown_fields_and_wrong_types_are_bad_requests() {
        let app = test_app();
        let (status, body) = call(
            &app,
            post_json(r#"{"text": "x", "published": "2024-01-01", "extra": 1}"#),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(body["error"].as_str().unwrap().contains("unknown field"));
        let (status, _) = call(&app, post_json(r#"{"text": 5}"#)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
    }

    #[tokio::test]
    async fn missing_files_are_404_and_client_routes_get_the_app() {
        let app = test_app();
        let res = app
            .clone()
            .oneshot(
                Request::get("/no-such-file.js")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        let expected = if assets::has_app() {
            StatusCode::NOT_FOUND
        } else {
            StatusCode::SERVICE_UNAVAILABLE
        };
        assert_eq!(res.status(), expected);
        let res = app
            .oneshot(
                Request::get("/some/client/route")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        let expected = if assets::has_app() {
            StatusCode::OK
        } else {
            StatusCode::SERVICE_UNAVAILABLE
        };
        assert_eq!(res.status(), expected);
    }
}
