//! The HTTP service: the JSON API and the embedded web app.
//!
//! Errors map to status codes in one place ([`ApiError`]) and always carry a JSON body
//! `{"error": "…"}`; a panic in a handler becomes a 500 without details.
//!
//! This module builds the router ([`app`]) and holds what every route shares (the state,
//! the read pool, the response cache, errors); the routes are grouped by resource:
//! `timelines`, `events` (with people), `articles`, `exports`, `imports`; `security` holds
//! the guards (CSP, CORS, token, Host and Origin checks).

use crate::article::NewArticle;
use crate::assets;
use crate::export::{self, Format};
use crate::store::{self, ArticleMeta, IngestOutcome, Store, read};
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::{Engine as _, engine::general_purpose::STANDARD as BASE64};
use dateline_api::{Amount, EventDate, EventKind, EventPatch, Period, TimelineEvent};
use rusqlite::Connection;
use serde::Deserialize;
use std::path::{Path as FsPath, PathBuf};
use std::sync::{Arc, Mutex};

mod articles;
mod events;
mod exports;
mod imports;
mod security;
mod timelines;

use articles::{content_type, list_articles, plain_text_allowed, post_article};
use events::{get_event, list_events, list_people, patch_event};
use exports::export_as;
use imports::post_import;
use security::{content_security_policy, cors_layer, require_token};
use timelines::{list_timelines, timeline};

/// Largest request body accepted (5 MB); larger ones get 413.
pub const MAX_BODY_BYTES: usize = 5 * 1024 * 1024;

/// Default and largest page sizes of `GET /api/events`.
pub const DEFAULT_PAGE: usize = 100;
/// See [`DEFAULT_PAGE`].
pub const MAX_PAGE: usize = 1000;

/// The OpenAPI document served at `/api/openapi.json` (hand-written; a test checks it
/// against the router's routes).
pub const OPENAPI: &str = include_str!("openapi.json");

/// How the service is set up, besides its store.
#[derive(Debug, Clone, Default)]
pub struct ServeConfig {
    /// Title shown above the timeline.
    pub title: String,
    /// When set, writes need `Authorization: Bearer <token>`.
    pub token: Option<String>,
    /// Origins allowed to call the API from a browser (`*` for any); none: no CORS headers.
    pub cors_origins: Vec<String>,
    /// Bytes of read responses kept until the store changes; 0: no cache.
    pub cache_bytes: usize,
    /// The address the service listens on, once bound: writes must name it (or a loopback
    /// name for a loopback or wildcard address) in `Host`. `None`: `Host` is not checked
    /// unless `public_urls` are given.
    pub bound: Option<std::net::SocketAddr>,
    /// Addresses the service is also reached at (`--public-url`, e.g. behind a proxy):
    /// their host and port are accepted in `Host`, their origin in `Origin`.
    pub public_urls: Vec<url::Url>,
    /// Longest a request may take, its body included, before a 503; `None`: no limit.
    pub request_timeout: Option<std::time::Duration>,
    /// Who may frame the app (the CSP `frame-ancestors` sources, `--frame-ancestors`);
    /// `None`: any page (embedding is a feature).
    pub frame_ancestors: Option<String>,
    /// Requests handled at once, over every route; 0: [`MAX_IN_FLIGHT`].
    pub max_in_flight: usize,
    /// Article URLs on private, loopback … addresses are fetched too (`--allow-private-fetch`).
    pub allow_private_fetch: bool,
}

/// Seconds a client is told to wait (`Retry-After`) when another export is running.
pub const EXPORT_RETRY_AFTER: u64 = 2;

/// Requests handled at once; more wait for a turn (within their timeout).
pub const MAX_IN_FLIGHT: usize = 256;

/// Longest a request body may take to arrive (a slow upload is cut off after it).
pub const BODY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// The connection limits of [`serve`].
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// A client must send a request's headers within this (also bounds idle keep-alive).
    pub header_read_timeout: std::time::Duration,
    /// Open connections at most; the next waits in the listen queue until one closes.
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            header_read_timeout: std::time::Duration::from_secs(10),
            max_connections: 1024,
        }
    }
}

/// Serves `router` on `listener` over HTTP/1.1 until `shutdown` completes, with the
/// header-read timeout and connection limit of `limits` (hyper's connection builder,
/// which `axum::serve` does not expose); open connections get 10 s to finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl std::future::Future<Output = ()>,
) -> anyhow::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let permits = Arc::new(tokio::sync::Semaphore::new(limits.max_connections.max(1)));
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            p = Arc::clone(&permits).acquire_owned() => p?,
            () = &mut shutdown => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of file descriptors, a connection reset before accept …: wait.
                    tracing::warn!("cannot accept a connection: {e}");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let mut builder = hyper::server::conn::http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_read_timeout);
        let service = hyper_util::service::TowerToHyperService::new(router.clone());
        let conn = graceful.watch(builder.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                tracing::debug!("connection closed: {e}");
            }
            drop(permit);
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(std::time::Duration::from_secs(10)) => {}
    }
    Ok(())
}

/// What every handler shares: one writing connection, a pool of read connections.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    writer: Mutex<Store>,
    /// Exports hold the whole timeline in memory: one at a time, the permit taken before
    /// any blocking thread or read connection (others get 429 at once).
    exports: Arc<tokio::sync::Semaphore>,
    /// Extractions and import parsing run in blocking threads, as many at once as there
    /// are cores, so that they never stall the async workers (and every other route).
    cpu: tokio::sync::Semaphore,
    readers: ReadPool,
    cache: Option<ResponseCache>,
    config: ServeConfig,
}

/// Read responses (the JSON of GET routes, by path and query) kept until the store changes.
/// Any commit, by this service or by another process such as `dateline ingest`, changes
/// SQLite's `PRAGMA data_version` as seen from a connection of the cache's own; the cache
/// empties when it moves.
struct ResponseCache {
    watch: Mutex<Connection>,
    entries: Mutex<CacheEntries>,
    max_bytes: usize,
}

#[derive(Default)]
struct CacheEntries {
    version: i64,
    bytes: usize,
    map: std::collections::HashMap<String, Bytes>,
}

impl ResponseCache {
    fn open(path: &FsPath, max_bytes: usize) -> anyhow::Result<ResponseCache> {
        Ok(ResponseCache {
            watch: Mutex::new(store::open_reader(path)?),
            entries: Mutex::new(CacheEntries::default()),
            max_bytes,
        })
    }

    /// The store's current data version.
    fn version(&self) -> Option<i64> {
        lock(&self.watch)
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .ok()
    }

    /// The cached response for `key` if the store has not changed since; otherwise the
    /// current version to store a fresh one under.
    fn get(&self, key: &str) -> Result<Bytes, Option<i64>> {
        let version = self.version().ok_or(None)?;
        let mut entries = lock(&self.entries);
        if entries.version != version {
            *entries = CacheEntries {
                version,
                ..CacheEntries::default()
            };
        }
        entries.map.get(key).cloned().ok_or(Some(version))
    }

    fn put(&self, key: String, version: i64, body: Bytes) {
        let mut entries = lock(&self.entries);
        let cost = entry_cost(&key, &body);
        if entries.version != version || cost > self.max_bytes / 4 {
            return;
        }
        if entries.bytes + cost > self.max_bytes || entries.map.len() >= MAX_CACHE_ENTRIES {
            entries.map.clear();
            entries.bytes = 0;
        }
        if let Some(old) = entries.map.insert(key.clone(), body) {
            entries.bytes -= entry_cost(&key, &old);
        }
        entries.bytes += cost;
    }
}

/// Most responses the read cache keeps, whatever their size.
const MAX_CACHE_ENTRIES: usize = 4096;

/// What one cache entry costs against `--cache-mb`: its key, its body and the map's own
/// bookkeeping (a generous estimate), so that many small entries with long keys count too.
fn entry_cost(key: &str, body: &Bytes) -> usize {
    key.len() + body.len() + 128
}

/// Locks `m`, also after a panic in another thread poisoned it: every lock here guards
/// state that stays usable (a store whose transaction rolled back, a cache, a pool), and
/// one panic must not turn writes or reads off until a restart.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Read connections on the store file, opened on demand and reused (SQLite in WAL mode
/// lets them read while the writer writes).
struct ReadPool {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
}

/// Read connections kept open when idle.
const MAX_IDLE_READERS: usize = 32;

impl ReadPool {
    fn take(&self) -> anyhow::Result<Connection> {
        let idle = lock(&self.idle).pop();
        match idle {
            Some(c) => Ok(c),
            None => store::open_reader(&self.path),
        }
    }

    fn give_back(&self, conn: Connection) {
        let mut idle = lock(&self.idle);
        if idle.len() < MAX_IDLE_READERS {
            idle.push(conn);
        }
    }
}

impl AppState {
    /// State over the store at `path` (created and migrated when needed).
    pub fn open(path: &FsPath, config: ServeConfig) -> anyhow::Result<AppState> {
        let store = Store::open(path)?;
        let cache = (config.cache_bytes > 0)
            .then(|| ResponseCache::open(path, config.cache_bytes))
            .transpose()?;
        Ok(AppState {
            inner: Arc::new(Inner {
                cache,
                writer: Mutex::new(store),
                exports: Arc::new(tokio::sync::Semaphore::new(1)),
                cpu: tokio::sync::Semaphore::new(
                    std::thread::available_parallelism().map_or(2, std::num::NonZero::get),
                ),
                readers: ReadPool {
                    path: path.to_path_buf(),
                    idle: Mutex::new(Vec::new()),
                },
                config,
            }),
        })
    }

    /// Runs CPU-heavy `f` (an extraction, parsing an import) in a blocking thread, at most
    /// one per core at a time.
    async fn cpu<T: Send + 'static>(
        &self,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, ApiError> {
        let _turn = self
            .inner
            .cpu
            .acquire()
            .await
            .map_err(|e| ApiError::Internal(anyhow::anyhow!("cpu pool closed: {e}")))?;
        tokio::task::spawn_blocking(f)
            .await
            .map_err(|e| ApiError::Internal(anyhow::anyhow!("cpu task failed: {e}")))
    }

    /// Runs `f` on the writing store in a blocking thread.
    async fn with_store<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Store) -> anyhow::Result<T> + Send + 'static,
    ) -> Result<T, ApiError> {
        let inner = Arc::clone(&self.inner);
        tokio::task::spawn_blocking(move || {
            let mut guard = lock(&inner.writer);
            // After a panic mid-write (the lock was poisoned), nothing stays half done.
            if !guard.conn().is_autocommit() {
                guard.conn().execute_batch("ROLLBACK")?;
            }
            f(&mut guard)
        })
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("store task failed: {e}")))?
        .map_err(ApiError::from_store)
    }

    /// A read response: from the cache when the store has not changed, else from `f` on a
    /// pooled read connection (and then cached).
    async fn cached_json(
        &self,
        key: String,
        f: impl FnOnce(&Connection) -> anyhow::Result<Option<String>> + Send + 'static,
    ) -> Result<Option<Response>, ApiError> {
        let version = match self.inner.cache.as_ref().map(|c| c.get(&key)) {
            Some(Ok(body)) => return Ok(Some(json_response(body))),
            Some(Err(version)) => version,
            None => None,
        };
        let Some(json) = self.with_reader(f).await? else {
            return Ok(None);
        };
        let body = Bytes::from(json);
        if let (Some(cache), Some(version)) = (&self.inner.cache, version) {
            cache.put(key, version, body.clone());
        }
        Ok(Some(json_response(body)))
    }

    /// A 404 unless the story exists: checked before work that a missing story would waste
    /// (an extraction, parsing an import); the write checks again in its transaction.
    async fn check_timeline(&self, timeline: &str) -> Result<(), ApiError> {
        let t = timeline.to_string();
        self.with_reader(move |c| read::timeline_title(c, &t, "").map(drop))
            .await
    }

    /// Runs `f` on a pooled read connection in a blocking thread.
    async fn with_reader<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Connection) -> anyhow::Result<T> + Send + 'static,
    ) -> Result<T, ApiError> {
        let inner = Arc::clone(&self.inner);
        tokio::task::spawn_blocking(move || {
            let conn = inner.readers.take()?;
            let result = f(&conn);
            inner.readers.give_back(conn);
            result
        })
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("read task failed: {e}")))?
        .map_err(ApiError::from_store)
    }
}

/// An API error: its status and message.
#[derive(Debug)]
pub enum ApiError {
    /// The request is malformed (bad JSON, bad parameters).
    BadRequest(String),
    /// A write without the configured bearer token.
    Unauthorized,
    /// A write refused whatever its token: from another site, or to a host name that is
    /// not this service's.
    Forbidden(String),
    /// The request is well-formed but its content cannot be used (empty text, bad date …).
    Unprocessable(String),
    /// Nothing is at this path.
    NotFound(String),
    /// The body is over [`MAX_BODY_BYTES`].
    TooLarge,
    /// The body's content type is not one the endpoint reads.
    UnsupportedMediaType(String),
    /// The service is busy with this kind of work; try again after this many seconds.
    Busy(u64),
    /// The request took longer than the service allows.
    Timeout(std::time::Duration),
    /// A page the request named could not be fetched or used (502).
    BadGateway(String),
    /// Something failed on our side; logged, not shown.
    Internal(anyhow::Error),
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let retry_after = match self {
            ApiError::Busy(seconds) => Some(seconds),
            _ => None,
        };
        let (status, message) = match self {
            ApiError::BadRequest(m) => (StatusCode::BAD_REQUEST, m),
            ApiError::Unauthorized => (
                StatusCode::UNAUTHORIZED,
                "this service needs a bearer token for writes: send Authorization: Bearer <token>"
                    .to_string(),
            ),
            ApiError::Forbidden(m) => (StatusCode::FORBIDDEN, m),
            ApiError::Unprocessable(m) => (StatusCode::UNPROCESSABLE_ENTITY, m),
            ApiError::NotFound(m) => (StatusCode::NOT_FOUND, m),
            ApiError::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("the request body is over the limit of {MAX_BODY_BYTES} bytes"),
            ),
            ApiError::UnsupportedMediaType(m) => (StatusCode::UNSUPPORTED_MEDIA_TYPE, m),
            ApiError::Busy(_) => (
                StatusCode::TOO_MANY_REQUESTS,
                "another export is running (one runs at a time): try again shortly".to_string(),
            ),
            ApiError::Timeout(d) => (
                StatusCode::SERVICE_UNAVAILABLE,
                format!("the request took longer than {} s", d.as_secs_f32()),
            ),
            ApiError::BadGateway(m) => (StatusCode::BAD_GATEWAY, m),
            ApiError::Internal(e) => {
                tracing::error!("internal error: {e:#}");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal error".to_string(),
                )
            }
        };
        let mut response = (status, Json(serde_json::json!({ "error": message }))).into_response();
        if let Some(seconds) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        if status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

impl ApiError {
    /// A store error: an unknown story is a 404, a story-level refusal (an article stored
    /// in another story) a 422, anything else a 500.
    fn from_store(e: anyhow::Error) -> ApiError {
        match e.downcast_ref::<store::TimelineError>() {
            Some(t @ store::TimelineError::Unknown(_)) => ApiError::NotFound(t.to_string()),
            Some(t) => ApiError::Unprocessable(t.to_string()),
            None => ApiError::Internal(e),
        }
    }
}

/// `?timeline=`: the story a route reads or writes (the default one when absent).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TimelineParam {
    timeline: Option<String>,
}

impl TimelineParam {
    /// The story's name.
    fn name(self) -> String {
        self.timeline
            .unwrap_or_else(|| store::DEFAULT_TIMELINE.to_string())
    }
}

/// A route's `?timeline=` (nothing else in its query).
type TimelineQuery = Result<Query<TimelineParam>, QueryRejection>;

impl From<BytesRejection> for ApiError {
    fn from(r: BytesRejection) -> ApiError {
        if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::TooLarge
        } else {
            ApiError::BadRequest(r.body_text())
        }
    }
}

impl From<QueryRejection> for ApiError {
    fn from(r: QueryRejection) -> ApiError {
        ApiError::BadRequest(r.body_text())
    }
}

/// Every API route and its methods: the router below and the OpenAPI document must agree
/// (a test checks both).
#[cfg(test)]
const ROUTES: &[(&str, &[&str])] = &[
    ("/api/health", &["get"]),
    ("/api/openapi.json", &["get"]),
    ("/api/timelines", &["get"]),
    ("/api/timeline.json", &["get"]),
    ("/api/articles", &["get", "post"]),
    ("/api/events", &["get"]),
    ("/api/events/{id}", &["get", "patch"]),
    ("/api/people", &["get"]),
    ("/api/export.timelinejs.json", &["get"]),
    ("/api/export.csv", &["get"]),
    ("/api/export.ics", &["get"]),
    ("/api/export.jsonl", &["get"]),
    ("/api/import", &["post"]),
];

/// The whole service as one router.
pub fn app(state: AppState) -> Router {
    let config = state.inner.config.clone();
    let router = Router::new()
        .route(
            "/api/health",
            get(|| async { Json(serde_json::json!({ "status": "ok" })) }),
        )
        .route(
            "/api/openapi.json",
            get(|| async { ([(header::CONTENT_TYPE, "application/json")], OPENAPI) }),
        )
        .route("/api/timelines", get(list_timelines))
        .route("/api/timeline.json", get(timeline))
        .route("/api/articles", post(post_article).get(list_articles))
        .route("/api/events", get(list_events))
        .route("/api/events/{id}", get(get_event).patch(patch_event))
        .route("/api/people", get(list_people))
        .route(
            "/api/export.timelinejs.json",
            get(|s: State<AppState>, q: ExportQuery| export_as(s, q, Format::TimelineJs)),
        )
        .route(
            "/api/export.csv",
            get(|s: State<AppState>, q: ExportQuery| export_as(s, q, Format::Csv)),
        )
        .route(
            "/api/export.ics",
            get(|s: State<AppState>, q: ExportQuery| export_as(s, q, Format::Ics)),
        )
        .route(
            "/api/export.jsonl",
            get(|s: State<AppState>, q: ExportQuery| export_as(s, q, Format::Jsonl)),
        )
        .route("/api/import", post(post_import))
        .route("/api/{*rest}", get(api_not_found))
        .fallback(get(web_app))
        .method_not_allowed_fallback(method_not_allowed);
    // A slow handler, to test the request timeout.
    #[cfg(test)]
    let router = router.route(
        "/api/test-slow",
        get(|| async {
            tokio::time::sleep(std::time::Duration::from_secs(5)).await;
            "late"
        }),
    );
    // A handler that panics, to test that a panic becomes a plain 500.
    #[cfg(test)]
    let router = router.route(
        "/api/test-panic",
        get(|| async {
            let detail: Option<&str> = None;
            detail.map(str::to_string).expect("secret detail")
        }),
    );
    let mut router = router
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(tower_http::timeout::RequestBodyTimeoutLayer::new(
            BODY_TIMEOUT,
        ))
        .layer(middleware::from_fn_with_state(state.clone(), require_token))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(|_| {
            ApiError::Internal(anyhow::anyhow!("a handler panicked")).into_response()
        }));
    use tower_http::set_header::SetResponseHeaderLayer;
    let csp = HeaderValue::from_str(&content_security_policy(config.frame_ancestors.as_deref()))
        .unwrap_or_else(|_| HeaderValue::from_static("script-src 'self' 'wasm-unsafe-eval'"));
    router = router
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            csp,
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ));
    if let Some(cors) = cors_layer(&config.cors_origins) {
        router = router.layer(cors);
    }
    // One limit for the whole service (Router::layer would give each route its own).
    let in_flight = match config.max_in_flight {
        0 => MAX_IN_FLIGHT,
        n => n,
    };
    let limited = Router::new().fallback_service(tower::limit::ConcurrencyLimit::new(
        router.with_state(state),
        in_flight,
    ));
    // The timeout is outside the limit, so that waiting for a place counts too.
    match config.request_timeout {
        None => limited,
        Some(limit) => limited.layer(middleware::from_fn(
            move |req: Request, next: Next| async move {
                match tokio::time::timeout(limit, next.run(req)).await {
                    Ok(response) => response,
                    Err(_) => ApiError::Timeout(limit).into_response(),
                }
            },
        )),
    }
}

fn json_response(body: impl Into<axum::body::Body>) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body.into()).into_response()
}

async fn method_not_allowed(method: Method, uri: Uri) -> Response {
    let body = serde_json::json!({ "error": format!("{method} is not allowed on {}", uri.path()) });
    (StatusCode::METHOD_NOT_ALLOWED, Json(body)).into_response()
}

async fn api_not_found(uri: Uri) -> ApiError {
    ApiError::NotFound(format!("no API route {}", uri.path()))
}

/// The query of an export: pairs, so that `person` and `kind` may repeat.
type ExportQuery = Result<Query<Vec<(String, String)>>, QueryRejection>;

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
mod tests;
