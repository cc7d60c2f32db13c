//! The HTTP service: the JSON API and the embedded web app.
//!
//! Errors map to status codes in one place ([`ApiError`]) and always carry a JSON body
//! `{"error": "…"}`; a panic in a handler becomes a 500 without details.

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
use dateline_api::{EventDate, EventKind, EventPatch, Period, TimelineEvent};
use rusqlite::Connection;
use serde::Deserialize;
use std::path::{Path as FsPath, PathBuf};
use std::sync::{Arc, Mutex};

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
}

/// The `Content-Security-Policy` of every response: scripts only from the service itself,
/// plus the web app's inline scripts by hash, and WebAssembly; no plugins; no `<base>`
/// elsewhere; framing as configured.
pub fn content_security_policy(frame_ancestors: Option<&str>) -> String {
    let index = assets::get("index.html").unwrap_or_default();
    let mut csp = String::from("script-src 'self' 'wasm-unsafe-eval'");
    for hash in inline_script_hashes(&String::from_utf8_lossy(index)) {
        csp.push_str(&format!(" 'sha256-{hash}'"));
    }
    csp.push_str("; object-src 'none'; base-uri 'self'");
    if let Some(f) = frame_ancestors {
        csp.push_str(&format!("; frame-ancestors {f}"));
    }
    csp
}

/// The SHA-256 (base64) of each inline `<script>` of an HTML page, as CSP hashes them.
fn inline_script_hashes(html: &str) -> Vec<String> {
    use sha2::{Digest as _, Sha256};
    let lower = html.to_ascii_lowercase();
    let mut hashes = Vec::new();
    let mut at = 0;
    while let Some(open) = lower[at..].find("<script").map(|i| at + i) {
        let Some(tag_end) = lower[open..].find('>').map(|i| open + i + 1) else {
            break;
        };
        let Some(close) = lower[tag_end..].find("</script").map(|i| tag_end + i) else {
            break;
        };
        if !lower[open..tag_end].contains("src=") {
            hashes.push(BASE64.encode(Sha256::digest(&html.as_bytes()[tag_end..close])));
        }
        at = close;
    }
    hashes
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

/// CORS for the configured origins (`*`: any), so that pages elsewhere can embed the API.
fn cors_layer(origins: &[String]) -> Option<tower_http::cors::CorsLayer> {
    use tower_http::cors::{AllowOrigin, CorsLayer};
    if origins.is_empty() {
        return None;
    }
    let allow = if origins.iter().any(|o| o == "*") {
        AllowOrigin::any()
    } else {
        AllowOrigin::list(
            origins
                .iter()
                .filter_map(|o| HeaderValue::from_str(o.trim_end_matches('/')).ok()),
        )
    };
    Some(
        CorsLayer::new()
            .allow_origin(allow)
            .allow_methods([Method::GET, Method::POST, Method::PATCH, Method::OPTIONS])
            .allow_headers([header::CONTENT_TYPE, header::AUTHORIZATION])
            .max_age(std::time::Duration::from_secs(3600)),
    )
}

/// Writes (anything but GET, HEAD and OPTIONS) are refused when they come from another
/// site (an `Origin` that is neither this service's nor a `--cors-origin`) or name another
/// host (`Host` is not the bound address, a loopback name for it, or a `--public-url`:
/// DNS rebinding), and need the bearer token when one is set. Clients that send no
/// `Origin` (curl, scripts, the CLI) pass the first check.
async fn require_token(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if safe {
        return next.run(request).await;
    }
    let config = &state.inner.config;
    if let Err(e) = check_write_origin(config, request.headers(), request.uri()) {
        return e.into_response();
    }
    if let Some(token) = config.token.as_deref() {
        let given = request
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(bearer_token);
        if !given.is_some_and(|g| constant_time_eq(g.as_bytes(), token.as_bytes())) {
            return ApiError::Unauthorized.into_response();
        }
    }
    next.run(request).await
}

/// The token of an `Authorization: Bearer <token>` value (the scheme in any case, RFC 7235).
fn bearer_token(value: &str) -> Option<&str> {
    let (scheme, token) = value.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

/// A `Host` (or origin) authority split into its lowercase name (IPv6 in brackets) and
/// its port when one is written.
fn split_authority(authority: &str) -> Option<(String, Option<u16>)> {
    let a = authority.trim().to_ascii_lowercase();
    if a.is_empty() {
        return None;
    }
    let (name, port) = if a.starts_with('[') {
        let end = a.find(']')?;
        let (name, rest) = a.split_at(end + 1);
        match rest.strip_prefix(':') {
            Some(p) => (name.to_string(), Some(p.parse().ok()?)),
            None if rest.is_empty() => (name.to_string(), None),
            None => return None,
        }
    } else {
        match a.rsplit_once(':') {
            Some((name, p)) => (name.to_string(), Some(p.parse().ok()?)),
            None => (a, None),
        }
    };
    (!name.is_empty()).then_some((name, port))
}

/// Whether a request's `Host` (name, port) is one this service answers to.
fn host_allowed(config: &ServeConfig, name: &str, port: Option<u16>) -> bool {
    let by_public_url = config.public_urls.iter().any(|u| {
        u.host_str().is_some_and(|h| h.eq_ignore_ascii_case(name))
            && Some(port.unwrap_or(if u.scheme() == "https" { 443 } else { 80 }))
                == u.port_or_known_default()
    });
    if by_public_url {
        return true;
    }
    let Some(bound) = config.bound else {
        // Not bound to a known address (tests, embedding): only --public-url restricts.
        return config.public_urls.is_empty();
    };
    if port.unwrap_or(80) != bound.port() {
        return false;
    }
    let ip = bound.ip();
    let local = ip.is_loopback() || ip.is_unspecified();
    match name
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<std::net::IpAddr>()
    {
        // An address cannot be rebound to another machine by DNS.
        Ok(asked) => {
            asked == ip || ip.is_unspecified() || (asked.is_loopback() && ip.is_loopback())
        }
        Err(_) => local && (name == "localhost" || name.ends_with(".localhost")),
    }
}

/// Refuses a write that names another host or comes from another site (see
/// [`require_token`]).
fn check_write_origin(
    config: &ServeConfig,
    headers: &HeaderMap,
    uri: &Uri,
) -> Result<(), ApiError> {
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .or_else(|| uri.authority().map(|a| a.as_str().to_string()));
    let host = match host {
        Some(h) => {
            let Some((name, port)) = split_authority(&h) else {
                return Err(ApiError::BadRequest(format!("malformed Host header {h:?}")));
            };
            if !host_allowed(config, &name, port) {
                return Err(ApiError::Forbidden(format!(
                    "writes must be addressed to this service, not to host {h:?} \
                     (start it with --public-url to name the address it is reached at)"
                )));
            }
            Some((name, port))
        }
        None => None,
    };
    let Some(origin) = headers.get(header::ORIGIN) else {
        return Ok(());
    };
    let origin = origin.to_str().unwrap_or("").trim().trim_end_matches('/');
    if config
        .cors_origins
        .iter()
        .any(|o| o == "*" || o.trim_end_matches('/').eq_ignore_ascii_case(origin))
    {
        return Ok(());
    }
    let parsed = url::Url::parse(origin)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"));
    if let Some(o) = &parsed {
        let same_as_public = config.public_urls.iter().any(|u| u.origin() == o.origin());
        let same_as_host = host.as_ref().is_some_and(|(name, port)| {
            o.host_str().is_some_and(|h| h.eq_ignore_ascii_case(name))
                && o.port_or_known_default() == port.or(o.port_or_known_default())
        });
        if same_as_public || same_as_host {
            return Ok(());
        }
    }
    Err(ApiError::Forbidden(format!(
        "cross-origin write from {origin:?} refused: only this service's own pages may write \
         (start it with --cors-origin {origin} to allow that site)"
    )))
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
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

/// The cache key of an events page: its parsed, normalised query (every field, in one
/// order), never the raw query string, so that neither unknown parameters nor their order
/// make new entries.
fn events_key(query: &read::EventQuery) -> String {
    format!("events {query:?}")
}

/// `GET /api/timelines`: every story with its counts, span and most present people.
async fn list_timelines(State(state): State<AppState>) -> Result<Response, ApiError> {
    let title = state.inner.config.title.clone();
    let response = state
        .cached_json("timelines".to_string(), move |c| {
            Ok(Some(serde_json::to_string(&read::timelines(c, &title)?)?))
        })
        .await?;
    response.ok_or_else(|| ApiError::Internal(anyhow::anyhow!("no timelines")))
}

async fn timeline(
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

/// The query of an export: pairs, so that `person` and `kind` may repeat.
type ExportQuery = Result<Query<Vec<(String, String)>>, QueryRejection>;

/// `GET /api/export.*`: the timeline, filtered as the web app's URL filters it, in `format`.
async fn export_as(
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

/// Query parameters of `POST /api/import`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ImportParams {
    name: Option<String>,
    timeline: Option<String>,
}

/// `POST /api/import?name=`: a curator's events (TimelineJS JSON as `application/json`, CSV
/// as `text/csv`), as `dateline import` merges them; importing the same name again replaces
/// the earlier import.
async fn post_import(
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

/// Query parameters of `GET /api/events`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct EventParams {
    timeline: Option<String>,
    person: Option<String>,
    kind: Option<String>,
    from: Option<String>,
    to: Option<String>,
    q: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
}

/// Checks a `from`/`to` bound: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real date.
fn date_bound(name: &str, value: &str) -> Result<String, ApiError> {
    value.parse::<Period>().map(|p| p.to_string()).map_err(|_| {
        ApiError::BadRequest(format!(
            "{name}={value:?} is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD"
        ))
    })
}

async fn list_events(
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
    };
    let response = state
        .cached_json(events_key(&query), move |c| {
            read::events_page(c, &query).map(Some)
        })
        .await?;
    response.ok_or_else(|| ApiError::Internal(anyhow::anyhow!("no events page")))
}

async fn get_event(
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

async fn list_people(
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

async fn list_articles(
    State(state): State<AppState>,
    params: TimelineQuery,
) -> Result<Response, ApiError> {
    let timeline = params?.0.name();
    let response = state
        .cached_json(format!("articles {timeline}"), move |c| {
            Ok(Some(serde_json::to_string(&read::articles(c, &timeline)?)?))
        })
        .await?;
    response.ok_or_else(|| ApiError::Internal(anyhow::anyhow!("no articles")))
}

/// A date in a correction: `"2024-09-26"` (precision from the length, exact) or a whole
/// `{"value", "precision", "approx"}` object.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum DateInput {
    Text(String),
    Full(EventDate),
}

/// The body of `PATCH /api/events/{id}`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PatchBody {
    #[serde(default)]
    date: Option<DateInput>,
    #[serde(default)]
    kind: Option<EventKind>,
    #[serde(default)]
    persons: Option<Vec<String>>,
    #[serde(default)]
    hidden: Option<bool>,
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
        let patch = EventPatch {
            date,
            kind: self.kind,
            persons,
            hidden: self.hidden,
        };
        if patch == EventPatch::default() {
            return Err(ApiError::Unprocessable(
                "nothing to correct: give date, kind, persons or hidden".into(),
            ));
        }
        Ok(patch)
    }
}

async fn patch_event(
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

/// `text/plain` bodies are taken only when writes need a token: browsers send them to any
/// site without asking first (no CORS preflight), so without a token they would be the
/// easiest cross-site write.
fn plain_text_allowed(state: &AppState) -> Result<(), ApiError> {
    if state.inner.config.token.is_some() {
        Ok(())
    } else {
        Err(ApiError::UnsupportedMediaType(
            "text/plain is taken only when the service runs with --token; send the article as \
             application/json (or an import as text/csv)"
                .into(),
        ))
    }
}

fn content_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Metadata given as query parameters with a `text/plain` body.
#[derive(Debug, Default, Deserialize)]
struct ArticleParams {
    timeline: Option<String>,
    published: Option<String>,
    lang: Option<String>,
    title: Option<String>,
    url: Option<String>,
}

async fn post_article(
    State(state): State<AppState>,
    headers: HeaderMap,
    params: Result<Query<ArticleParams>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<IngestOutcome>), ApiError> {
    let body = body?;
    let Query(p) = params?;
    let timeline = TimelineParam {
        timeline: p.timeline.clone(),
    }
    .name();
    state.check_timeline(&timeline).await?;
    let content_type = content_type(&headers);
    let article = if content_type.starts_with("application/json") {
        serde_json::from_slice::<NewArticle>(&body)
            .map_err(|e| ApiError::BadRequest(format!("malformed JSON: {e}")))?
    } else if content_type.starts_with("text/plain") {
        plain_text_allowed(&state)?;
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
            credit: None,
        }
    } else {
        return Err(ApiError::UnsupportedMediaType(format!(
            "send the article as application/json or text/plain, not {:?}",
            content_type
        )));
    };
    let mut article = article;
    article.check_url().map_err(ApiError::Unprocessable)?;
    let (article, extraction) = state
        .cpu(move || {
            let extraction = article.extract();
            (article, extraction)
        })
        .await?;
    let extraction = extraction.map_err(|e| ApiError::Unprocessable(e.to_string()))?;
    let title = article.title_or_first_line();
    let outcome = state
        .with_store(move |s| {
            let meta = ArticleMeta {
                title: title.as_deref(),
                url: article.url.as_deref(),
                credit: article.credit.as_deref(),
            };
            s.ingest(&timeline, &article.text, &meta, &extraction)
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

    /// A router over a fresh store in a temporary directory (kept alive by the caller).
    fn app_with(config: ServeConfig) -> (Router, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::open(&dir.path().join("test.db"), config).unwrap();
        (app(state), dir)
    }

    fn test_config() -> ServeConfig {
        ServeConfig {
            title: "Test".into(),
            cache_bytes: 1 << 20,
            ..ServeConfig::default()
        }
    }

    fn test_app() -> (Router, tempfile::TempDir) {
        app_with(test_config())
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

    fn get(uri: &str) -> Request<Body> {
        Request::get(uri).body(Body::empty()).unwrap()
    }

    fn post_json(body: &str) -> Request<Body> {
        Request::post("/api/articles")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap()
    }

    fn patch(id: &str, body: &str) -> Request<Body> {
        Request::patch(format!("/api/events/{id}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap()
    }

    const JANE: &str = r#"{"text": "Acme appointed Jane Doe as CEO in May.", "published": "2024-09-27", "title": "Acme news"}"#;
    const JANE_AGAIN: &str = r#"{"text": "On May 14, Acme appointed Jane Doe as its chief executive.", "published": "2024-09-28", "url": "https://example.com/b"}"#;

    #[tokio::test]
    async fn a_posted_article_is_in_the_timeline() {
        let (app, _dir) = test_app();
        let (status, body) = call(&app, post_json(JANE)).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        assert_eq!(body["events"][0]["persons"][0], "Jane Doe");
        let (status, _) = call(&app, post_json(JANE)).await;
        assert_eq!(status, StatusCode::OK);

        let (status, doc) = call(&app, get("/api/timeline.json")).await;
        assert_eq!(status, StatusCode::OK);
        let typed: dateline_api::TimelineDocument = serde_json::from_value(doc.clone()).unwrap();
        assert_eq!(typed.events.len(), 1);
        assert_eq!(doc["title"], "Test");
        assert_eq!(doc["events"][0]["date"]["value"], "2024-05");
        assert_eq!(doc["people"][0]["id"], "jane-doe");
        assert_eq!(doc["sources"][0]["title"], "Acme news");
    }

    #[tokio::test]
    async fn two_articles_merge_into_one_event_listed_with_every_source() {
        let (app, _dir) = test_app();
        let (_, first) = call(&app, post_json(JANE)).await;
        let (status, second) = call(&app, post_json(JANE_AGAIN)).await;
        assert_eq!(status, StatusCode::CREATED, "{second}");
        let id = first["timeline_event_ids"][0].as_str().unwrap().to_string();
        assert_eq!(second["timeline_event_ids"][0], id.as_str());

        let (status, by_name) = call(&app, get("/api/events?person=Jane%20Doe")).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(by_name["events"].as_array().unwrap().len(), 1);
        let (status, page) = call(&app, get("/api/events?person=jane-doe")).await;
        assert_eq!(status, StatusCode::OK);
        let page: dateline_api::EventPage = serde_json::from_value(page).unwrap();
        assert_eq!(page.events.len(), 1);
        assert_eq!(
            page.events[0].date.value, "2024-05-14",
            "the finer date wins"
        );
        assert_eq!(page.next_cursor, None);

        let (status, detail) = call(&app, get(&format!("/api/events/{id}"))).await;
        assert_eq!(status, StatusCode::OK);
        let detail: dateline_api::EventDetail = serde_json::from_value(detail).unwrap();
        assert_eq!(detail.event.sources.len(), 2);
        assert_eq!(detail.articles.len(), 2);
        assert!(
            detail
                .articles
                .iter()
                .any(|a| a.url.as_deref() == Some("https://example.com/b"))
        );

        let (_, people) = call(&app, get("/api/people")).await;
        assert_eq!(people[0]["id"], "jane-doe");
        assert_eq!(people[0]["event_count"], 1);
        let (_, articles) = call(&app, get("/api/articles")).await;
        assert_eq!(articles.as_array().unwrap().len(), 2);
        assert_eq!(articles[0]["event_count"], 1);

        let (status, _) = call(&app, get("/api/events/no-such-event")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }

    #[tokio::test]
    async fn cache_key_size_is_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let max = 256 * 1024;
        let state = AppState::open(
            &dir.path().join("test.db"),
            ServeConfig {
                cache_bytes: max,
                ..ServeConfig::default()
            },
        )
        .unwrap();
        let app = app(state.clone());
        let cache = state.inner.cache.as_ref().unwrap();
        let stats = || {
            let e = cache.entries.lock().unwrap();
            (e.map.len(), e.bytes)
        };
        // Long keys with tiny bodies: the keys count against the limit.
        let long = "z".repeat(20_000);
        for i in 0..100 {
            let (status, _) = call(&app, get(&format!("/api/events?person={long}{i}"))).await;
            assert_eq!(status, StatusCode::OK);
            let (_, bytes) = stats();
            assert!(bytes <= max, "{bytes} bytes cached over a limit of {max}");
        }
        // Parameters a route does not read make no entries, and order does not matter.
        for i in 0..50 {
            call(&app, get(&format!("/api/people?junk={i}"))).await;
            call(&app, get(&format!("/api/articles?junk={i}"))).await;
            call(&app, get(&format!("/api/timeline.json?v={i}"))).await;
        }
        let before = stats().0;
        call(&app, get("/api/events?kind=appointment&limit=5")).await;
        call(&app, get("/api/events?limit=5&kind=appointment")).await;
        call(
            &app,
            get("/api/events?limit=5&kind=appointment&q=Doe%20%20jane"),
        )
        .await;
        call(&app, get("/api/events?q=jane+doe&limit=5&kind=appointment")).await;
        let after = stats().0;
        assert!(after <= before + 2, "{after} entries from {before}");
        // Many small distinct entries stop at the entry cap.
        let big = AppState::open(
            &dir.path().join("test.db"),
            ServeConfig {
                cache_bytes: 1 << 30,
                ..ServeConfig::default()
            },
        )
        .unwrap();
        let big_app = super::app(big.clone());
        for i in 0..(MAX_CACHE_ENTRIES + 10) {
            call(&big_app, get(&format!("/api/events?person=p{i}"))).await;
        }
        let n = big
            .inner
            .cache
            .as_ref()
            .unwrap()
            .entries
            .lock()
            .unwrap()
            .map
            .len();
        assert!(n <= MAX_CACHE_ENTRIES, "{n} entries");
    }

    #[tokio::test]
    async fn cached_reads_follow_writes_from_other_processes() {
        let (app, dir) = test_app();
        let (_, page) = call(&app, get("/api/events")).await;
        assert!(page["events"].as_array().unwrap().is_empty());
        // Another writer on the same file, as `dateline ingest` would be.
        let article: NewArticle = serde_json::from_str(JANE).unwrap();
        let mut other = Store::open(&dir.path().join("test.db")).unwrap();
        let meta = ArticleMeta {
            title: None,
            url: None,
            credit: None,
        };
        other
            .ingest(
                store::DEFAULT_TIMELINE,
                &article.text,
                &meta,
                &article.extract().unwrap(),
            )
            .unwrap();
        let (_, page) = call(&app, get("/api/events")).await;
        assert_eq!(page["events"].as_array().unwrap().len(), 1);
        // And our own writes.
        call(&app, post_json(JANE_AGAIN)).await;
        let (_, page) = call(&app, get("/api/events")).await;
        assert_eq!(page["events"][0]["sources"].as_array().unwrap().len(), 2);
    }

    #[tokio::test]
    async fn exports_in_every_format_follow_the_filters_and_check_them() {
        let (app, _dir) = test_app();
        call(&app, post_json(JANE)).await;
        for (path, content_type, needle) in [
            (
                "/api/export.timelinejs.json",
                "application/json",
                "\"unique_id\"",
            ),
            (
                "/api/export.csv",
                "text/csv; charset=utf-8",
                "Appointment: Jane Doe",
            ),
            (
                "/api/export.ics",
                "text/calendar; charset=utf-8",
                "DTSTART;VALUE=DATE:20240501",
            ),
            (
                "/api/export.jsonl",
                "application/x-ndjson",
                "\"person_ids\":[\"jane-doe\"]",
            ),
        ] {
            let res = app.clone().oneshot(get(path)).await.unwrap();
            assert_eq!(res.status(), StatusCode::OK, "{path}");
            assert_eq!(res.headers()[header::CONTENT_TYPE], content_type, "{path}");
            let bytes = res.into_body().collect().await.unwrap().to_bytes();
            let body = String::from_utf8_lossy(&bytes);
            assert!(body.contains(needle), "{path}: {body}");
        }
        let (status, tl) = call(
            &app,
            get("/api/export.timelinejs.json?person=Jane%20Doe&kind=appointment,resignation&from=2024"),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(tl["events"].as_array().unwrap().len(), 1);
        assert_eq!(tl["events"][0]["group"], "Jane Doe");
        let (_, tl) = call(&app, get("/api/export.timelinejs.json?person=nobody")).await;
        assert!(tl["events"].as_array().unwrap().is_empty());
        let (_, tl) = call(&app, get("/api/export.timelinejs.json?to=2023-12")).await;
        assert!(tl["events"].as_array().unwrap().is_empty());
        for bad in [
            "/api/export.csv?kind=party",
            "/api/export.csv?from=2024-02-30",
            "/api/export.ics?colour=red",
        ] {
            let (status, body) = call(&app, get(bad)).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {body}");
            assert!(body["error"].is_string(), "{bad}: {body}");
        }
        let (status, _) = call(&app, get("/api/export.xml")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }

    #[tokio::test]
    async fn curated_events_are_imported_over_the_api_and_win() {
        let (app, _dir) = test_app();
        let (_, first) = call(&app, post_json(JANE)).await;
        let id = first["timeline_event_ids"][0].as_str().unwrap().to_string();
        let import = |ct: &str, body: String| {
            Request::post("/api/import?name=desk.csv")
                .header(header::CONTENT_TYPE, ct)
                .body(Body::from(body))
                .unwrap()
        };
        let csv = format!("id,date,kind,persons,role\n{id},2024-05-02,appointment,Jane Doe,CEO\n");
        let (status, out) = call(&app, import("text/csv", csv.clone())).await;
        assert_eq!(status, StatusCode::CREATED, "{out}");
        assert_eq!(out["joined"], 1);
        let (status, out) = call(&app, import("text/csv", csv)).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(out["unchanged"], true);
        let (_, doc) = call(&app, get("/api/timeline.json")).await;
        assert_eq!(doc["events"][0]["date"]["value"], "2024-05-02");
        assert_eq!(doc["events"][0]["curated"], true);
        for (ct, body, status) in [
            (
                "text/csv",
                "date,kind\n2024-13,resignation\n",
                StatusCode::UNPROCESSABLE_ENTITY,
            ),
            (
                "application/json",
                "{\"events\": 1}",
                StatusCode::UNPROCESSABLE_ENTITY,
            ),
            (
                "application/xml",
                "<x/>",
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ),
        ] {
            let (s, b) = call(&app, import(ct, body.to_string())).await;
            assert_eq!(s, status, "{body}: {b}");
            assert!(b["error"].is_string(), "{b}");
        }
    }

    #[tokio::test]
    async fn a_panic_in_a_handler_is_a_500_without_details() {
        let (app, _dir) = test_app();
        let res = app.oneshot(get("/api/test-panic")).await.unwrap();
        assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        let body = String::from_utf8_lossy(&bytes);
        assert_eq!(body, r#"{"error":"internal error"}"#);
    }

    #[tokio::test]
    async fn event_queries_are_checked() {
        let (app, _dir) = test_app();
        for bad in [
            "/api/events?limit=0",
            "/api/events?limit=x",
            "/api/events?kind=party",
            "/api/events?from=2024-02-30",
            "/api/events?cursor=nope",
            "/api/events?colour=red",
        ] {
            let (status, body) = call(&app, get(bad)).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {body}");
            assert!(body["error"].is_string(), "{bad}: {body}");
        }
        let (status, body) = call(
            &app,
            get("/api/events?kind=appointment&from=2024&to=2024-12&q=doe&limit=5"),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let (status, body) = call(&app, get("/api/nothing-here")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(body["error"].is_string());
        let delete = Request::delete("/api/events").body(Body::empty()).unwrap();
        let (status, body) = call(&app, delete).await;
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
        assert!(body["error"].as_str().unwrap().contains("DELETE"));
    }

    #[tokio::test]
    async fn a_correction_survives_reposting_and_more_sources() {
        let (app, _dir) = test_app();
        let (_, first) = call(&app, post_json(JANE)).await;
        let id = first["timeline_event_ids"][0].as_str().unwrap().to_string();
        let (status, e) = call(
            &app,
            patch(&id, r#"{"date": "2024-05-02", "persons": ["Jane A. Doe"]}"#),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{e}");
        assert_eq!(e["corrected"], true);
        call(&app, post_json(JANE)).await;
        call(&app, post_json(JANE_AGAIN)).await;
        let (_, doc) = call(&app, get("/api/timeline.json")).await;
        assert_eq!(doc["events"].as_array().unwrap().len(), 1);
        assert_eq!(doc["events"][0]["date"]["value"], "2024-05-02");
        assert_eq!(doc["events"][0]["person_ids"][0], "jane-a-doe");
        assert_eq!(doc["events"][0]["sources"].as_array().unwrap().len(), 2);

        let (status, _) = call(&app, patch(&id, r#"{"hidden": true}"#)).await;
        assert_eq!(status, StatusCode::OK);
        let (_, page) = call(&app, get("/api/events")).await;
        assert!(page["events"].as_array().unwrap().is_empty());
        let (_, detail) = call(&app, get(&format!("/api/events/{id}"))).await;
        assert_eq!(detail["hidden"], true);

        for (body, status) in [
            (
                r#"{"date": "2024-02-30"}"#,
                StatusCode::UNPROCESSABLE_ENTITY,
            ),
            (
                r#"{"date": {"value": "2024", "precision": "day", "approx": false}}"#,
                StatusCode::UNPROCESSABLE_ENTITY,
            ),
            (r#"{}"#, StatusCode::UNPROCESSABLE_ENTITY),
            (r#"{"persons": ["  "]}"#, StatusCode::UNPROCESSABLE_ENTITY),
            (r#"{"kind": "party"}"#, StatusCode::BAD_REQUEST),
            (r#"{"colour": "red"}"#, StatusCode::BAD_REQUEST),
            (r#"{"date": "#, StatusCode::BAD_REQUEST),
        ] {
            let (s, b) = call(&app, patch(&id, body)).await;
            assert_eq!(s, status, "{body}: {b}");
            assert!(b["error"].is_string());
        }
        let (s, _) = call(&app, patch("no-such-event", r#"{"hidden": true}"#)).await;
        assert_eq!(s, StatusCode::NOT_FOUND);
    }

    #[tokio::test]
    async fn writes_need_the_token_when_one_is_set_and_reads_do_not() {
        let (app, _dir) = app_with(ServeConfig {
            title: "T".into(),
            token: Some("s3cret".into()),
            cors_origins: vec!["https://news.example".into()],
            cache_bytes: 0,
            ..ServeConfig::default()
        });
        let (status, body) = call(&app, post_json(JANE)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert!(body["error"].as_str().unwrap().contains("bearer token"));
        let mut wrong = post_json(JANE);
        wrong.headers_mut().insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer nope"),
        );
        assert_eq!(call(&app, wrong).await.0, StatusCode::UNAUTHORIZED);
        let mut right = post_json(JANE);
        right.headers_mut().insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer s3cret"),
        );
        assert_eq!(call(&app, right).await.0, StatusCode::CREATED);
        // The scheme in any case (RFC 7235).
        let mut lower = post_json(JANE);
        lower.headers_mut().insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("bearer s3cret"),
        );
        assert_eq!(call(&app, lower).await.0, StatusCode::OK);
        assert_eq!(call(&app, get("/api/events")).await.0, StatusCode::OK);

        // CORS: the configured origin may read and send the token (preflight).
        let preflight = Request::options("/api/articles")
            .header(header::ORIGIN, "https://news.example")
            .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
            .header(
                header::ACCESS_CONTROL_REQUEST_HEADERS,
                "authorization,content-type",
            )
            .body(Body::empty())
            .unwrap();
        let res = app.clone().oneshot(preflight).await.unwrap();
        assert!(res.status().is_success());
        assert_eq!(
            res.headers()[header::ACCESS_CONTROL_ALLOW_ORIGIN],
            "https://news.example"
        );
        let other = Request::get("/api/events")
            .header(header::ORIGIN, "https://elsewhere.example")
            .body(Body::empty())
            .unwrap();
        let res = app.oneshot(other).await.unwrap();
        assert!(
            res.headers()
                .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
                .is_none()
        );
    }

    /// A service bound to 127.0.0.1:8080 with one allowed other origin and no token.
    fn bound_app() -> (Router, tempfile::TempDir) {
        app_with(ServeConfig {
            cors_origins: vec!["https://news.example".into()],
            bound: Some("127.0.0.1:8080".parse().unwrap()),
            ..ServeConfig::default()
        })
    }

    fn with_headers(
        mut req: Request<Body>,
        headers: &[(&'static str, &'static str)],
    ) -> Request<Body> {
        for (k, v) in headers {
            req.headers_mut().insert(*k, HeaderValue::from_static(v));
        }
        req
    }

    fn import_plain(body: &str) -> Request<Body> {
        Request::post("/api/import?name=x")
            .header(header::CONTENT_TYPE, "text/plain;charset=UTF-8")
            .body(Body::from(body.to_string()))
            .unwrap()
    }

    async fn event_count(app: &Router) -> usize {
        let (_, doc) = call(app, get("/api/timeline.json")).await;
        doc["events"].as_array().map_or(0, Vec::len)
    }

    #[tokio::test]
    async fn cross_origin_write_is_refused() {
        let (app, _dir) = bound_app();
        let evil = [
            ("host", "127.0.0.1:8080"),
            ("origin", "https://evil.example"),
        ];
        // The audit's repro: a CSV import as text/plain from another site.
        let csv = "date,kind,persons\n2024-01-01,resignation,Jane Doe\n";
        let (status, body) = call(&app, with_headers(import_plain(csv), &evil)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
        assert!(
            body["error"].as_str().unwrap().contains("cross-origin"),
            "{body}"
        );
        let (status, _) = call(&app, with_headers(post_json(JANE), &evil)).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _) = call(&app, with_headers(patch("x", r#"{"hidden": true}"#), &evil)).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let null = [("host", "127.0.0.1:8080"), ("origin", "null")];
        let (status, _) = call(&app, with_headers(post_json(JANE), &null)).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(event_count(&app).await, 0, "nothing reached the store");

        // The service's own pages, a --cors-origin, and clients sending no Origin may write.
        for headers in [
            [
                ("host", "127.0.0.1:8080"),
                ("origin", "http://127.0.0.1:8080"),
            ],
            [
                ("host", "localhost:8080"),
                ("origin", "http://localhost:8080"),
            ],
            [
                ("host", "127.0.0.1:8080"),
                ("origin", "https://news.example"),
            ],
        ] {
            let (status, body) = call(&app, with_headers(post_json(JANE), &headers)).await;
            assert!(status.is_success(), "{headers:?}: {status} {body}");
        }
        let (status, _) = call(
            &app,
            with_headers(post_json(JANE_AGAIN), &[("host", "127.0.0.1:8080")]),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED);
        // Reads stay open to any origin.
        let (status, _) = call(&app, with_headers(get("/api/events"), &evil)).await;
        assert_eq!(status, StatusCode::OK);
    }

    #[tokio::test]
    async fn rebinding_host_write_is_refused() {
        let (app, _dir) = bound_app();
        // DNS rebinding: the attacker's name now points at 127.0.0.1; Origin and Host agree.
        for headers in [
            [
                ("host", "evil.example:8080"),
                ("origin", "http://evil.example:8080"),
            ],
            [("host", "evil.example:8080"), ("user-agent", "x")],
            [("host", "127.0.0.1:9999"), ("user-agent", "x")],
        ] {
            let (status, body) = call(&app, with_headers(post_json(JANE), &headers)).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{headers:?}: {body}");
            assert!(body["error"].as_str().unwrap().contains("host"), "{body}");
        }
        assert_eq!(event_count(&app).await, 0);
        for host in [
            "127.0.0.1:8080",
            "localhost:8080",
            "[::1]:8080",
            "127.0.0.2:8080",
        ] {
            let mut req = post_json(JANE);
            req.headers_mut()
                .insert(header::HOST, HeaderValue::from_str(host).unwrap());
            let (status, body) = call(&app, req).await;
            assert!(status.is_success(), "{host}: {status} {body}");
        }
        // Behind a proxy: --public-url names the public address.
        let (app, _dir) = app_with(ServeConfig {
            bound: Some("127.0.0.1:8080".parse().unwrap()),
            public_urls: vec![url::Url::parse("https://timeline.example/").unwrap()],
            ..ServeConfig::default()
        });
        let public = [
            ("host", "timeline.example"),
            ("origin", "https://timeline.example"),
        ];
        let (status, body) = call(&app, with_headers(post_json(JANE), &public)).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let other = [("host", "other.example"), ("user-agent", "x")];
        let (status, _) = call(&app, with_headers(post_json(JANE), &other)).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }

    #[tokio::test]
    async fn ics_injection_through_an_article_url_is_refused() {
        let (app, _dir) = test_app();
        let evil = r#"{"text": "Acme appointed Jane Doe as CEO in May.", "published": "2024-09-27", "url": "https://ok.example/\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\r\nSUMMARY:Injected"}"#;
        let (status, body) = call(&app, post_json(evil)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body["error"].as_str().unwrap().contains("url"), "{body}");
        let script = r#"{"text": "Acme appointed Jane Doe as CEO in May.", "published": "2024-09-27", "url": "javascript:alert(1)"}"#;
        let (status, _) = call(&app, post_json(script)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(event_count(&app).await, 0);
        let res = app.clone().oneshot(get("/api/export.ics")).await.unwrap();
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        assert!(!String::from_utf8_lossy(&bytes).contains("UID:evil"));
    }

    #[tokio::test]
    async fn search_words_and_their_length_are_bounded() {
        let (app, _dir) = test_app();
        call(&app, post_json(JANE)).await;
        let many = vec!["doe"; 10_000].join("%20");
        let long = "z".repeat(20_000);
        for path in [
            format!("/api/events?q={many}"),
            format!("/api/events?q={long}"),
            format!("/api/export.csv?q={many}"),
            format!("/api/export.ics?q={long}"),
        ] {
            let started = std::time::Instant::now();
            let (status, body) = call(&app, get(&path)).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
            let e = body["error"].as_str().unwrap();
            assert!(e.contains("at most"), "{e}");
            assert!(started.elapsed() < std::time::Duration::from_secs(1));
        }
        let most = vec!["doe"; read::MAX_SEARCH_WORDS].join("%20");
        let (status, page) = call(&app, get(&format!("/api/events?q={most}"))).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(page["events"].as_array().unwrap().len(), 1);
    }

    /// Serves a fresh store on a loopback port with `limits`; its address.
    async fn listening(limits: Limits) -> (std::net::SocketAddr, tempfile::TempDir) {
        let (router, dir) = test_app();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(serve(listener, router, limits, std::future::pending()));
        (addr, dir)
    }

    /// Reads until the server closes the connection; how long that took.
    async fn until_closed(stream: &mut tokio::net::TcpStream) -> (std::time::Duration, String) {
        use tokio::io::AsyncReadExt as _;
        let started = std::time::Instant::now();
        let mut out = Vec::new();
        let read = tokio::time::timeout(
            std::time::Duration::from_secs(10),
            stream.read_to_end(&mut out),
        )
        .await;
        assert!(read.is_ok(), "the connection is still open after 10 s");
        (
            started.elapsed(),
            String::from_utf8_lossy(&out).into_owned(),
        )
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn half_sent_requests_and_idle_sockets_time_out() {
        use tokio::io::AsyncWriteExt as _;
        let limits = Limits {
            header_read_timeout: std::time::Duration::from_millis(300),
            ..Limits::default()
        };
        let (addr, _dir) = listening(limits).await;
        // The audit's repro: headers that never end.
        let mut half = tokio::net::TcpStream::connect(addr).await.unwrap();
        half.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n")
            .await
            .unwrap();
        let (took, _) = until_closed(&mut half).await;
        assert!(took < std::time::Duration::from_secs(5), "{took:?}");
        // A socket that sends nothing at all.
        let mut idle = tokio::net::TcpStream::connect(addr).await.unwrap();
        let (took, _) = until_closed(&mut idle).await;
        assert!(took < std::time::Duration::from_secs(5), "{took:?}");
        // A whole request is answered.
        let mut ok = tokio::net::TcpStream::connect(addr).await.unwrap();
        ok.write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .await
            .unwrap();
        let (_, answer) = until_closed(&mut ok).await;
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn connections_are_limited() {
        use tokio::io::AsyncWriteExt as _;
        let timeout = std::time::Duration::from_millis(500);
        let limits = Limits {
            header_read_timeout: timeout,
            max_connections: 1,
        };
        let (addr, _dir) = listening(limits).await;
        let mut first = tokio::net::TcpStream::connect(addr).await.unwrap();
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        let started = std::time::Instant::now();
        let mut second = tokio::net::TcpStream::connect(addr).await.unwrap();
        second
            .write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .await
            .unwrap();
        let (_, answer) = until_closed(&mut second).await;
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        // Served only once the idle first connection had timed out and freed its place.
        assert!(started.elapsed() >= timeout - std::time::Duration::from_millis(100));
        until_closed(&mut first).await;
    }

    #[tokio::test]
    async fn slow_requests_time_out_with_a_json_error() {
        let (app, _dir) = app_with(ServeConfig {
            request_timeout: Some(std::time::Duration::from_millis(200)),
            ..ServeConfig::default()
        });
        let (status, body) = call(&app, get("/api/test-slow")).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(
            body["error"].as_str().unwrap().contains("longer than"),
            "{body}"
        );
        assert_eq!(call(&app, get("/api/health")).await.0, StatusCode::OK);
    }

    #[tokio::test]
    async fn a_busy_export_is_429_with_retry_after_and_reads_go_on() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::open(&dir.path().join("test.db"), ServeConfig::default()).unwrap();
        let app = app(state.clone());
        call(&app, post_json(JANE)).await;
        // An export is running (its permit is held).
        let running = Arc::clone(&state.inner.exports)
            .try_acquire_owned()
            .unwrap();
        let res = app.clone().oneshot(get("/api/export.csv")).await.unwrap();
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(res.headers()[header::RETRY_AFTER], "2");
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        let body: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert!(body["error"].as_str().unwrap().contains("export"), "{body}");
        let (status, page) = call(&app, get("/api/events")).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(page["events"].as_array().unwrap().len(), 1);
        drop(running);
        let (status, _) = call(&app, get("/api/export.timelinejs.json")).await;
        assert_eq!(status, StatusCode::OK);
        let (status, _) = call(&app, get("/api/export.timelinejs.json")).await;
        assert_eq!(status, StatusCode::OK, "the permit is given back");
    }

    #[tokio::test]
    async fn a_panic_while_a_lock_is_held_does_not_disable_writes_or_reads() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::open(&dir.path().join("test.db"), test_config()).unwrap();
        let app = app(state.clone());
        for poison in [
            |s: &AppState| {
                let _g = s.inner.writer.lock();
                panic!("while writing");
            },
            |s: &AppState| {
                let _g = s.inner.readers.idle.lock();
                panic!("while reading");
            },
            |s: &AppState| {
                let _g = s.inner.cache.as_ref().unwrap().entries.lock();
                panic!("while caching");
            },
        ] {
            let s = state.clone();
            assert!(std::thread::spawn(move || poison(&s)).join().is_err());
        }
        assert!(state.inner.writer.is_poisoned());
        let (status, body) = call(&app, post_json(JANE)).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let (status, page) = call(&app, get("/api/events")).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(page["events"].as_array().unwrap().len(), 1);
    }

    #[tokio::test]
    async fn extraction_runs_off_the_async_workers() {
        // One async worker (the test runtime): an extraction on it would hold up /api/health.
        let (app, _dir) = test_app();
        let text = "On 3 May 2024 Acme appointed Jane Doe as chief executive. ".repeat(20_000);
        let body = serde_json::json!({ "text": text, "published": "2024-09-27" }).to_string();
        let other = app.clone();
        let post = tokio::spawn(async move { call(&other, post_json(&body)).await });
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        let (status, _) = call(&app, get("/api/health")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            !post.is_finished(),
            "health answered while the extraction ran"
        );
        let (status, out) = post.await.unwrap();
        assert!(status.is_success(), "{out}");
    }

    #[test]
    fn inline_scripts_are_hashed_for_the_csp() {
        let html = "<head><SCRIPT>alert(1)</SCRIPT><script src=\"a.js\"></script>\
                    <script type=\"module\">alert(1)</script></head>";
        let hashes = inline_script_hashes(html);
        assert_eq!(
            hashes,
            ["bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI="; 2].to_vec()
        );
    }

    #[tokio::test]
    async fn security_headers_are_sent() {
        let (app, _dir) = test_app();
        for path in ["/api/health", "/", "/api/events"] {
            let res = app.clone().oneshot(get(path)).await.unwrap();
            let h = res.headers();
            assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{path}");
            assert_eq!(h[header::REFERRER_POLICY], "no-referrer", "{path}");
            let csp = h[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
            assert!(
                csp.starts_with("script-src 'self' 'wasm-unsafe-eval'"),
                "{csp}"
            );
            assert!(csp.contains("object-src 'none'"), "{csp}");
            assert!(
                !csp.contains("frame-ancestors"),
                "framing stays allowed: {csp}"
            );
            if assets::has_app() {
                assert!(csp.contains("'sha256-"), "the app's inline scripts: {csp}");
            }
        }
        let (app, _dir) = app_with(ServeConfig {
            frame_ancestors: Some("'self' https://news.example".into()),
            ..ServeConfig::default()
        });
        let res = app.oneshot(get("/api/health")).await.unwrap();
        let csp = res.headers()[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap();
        assert!(
            csp.ends_with("; frame-ancestors 'self' https://news.example"),
            "{csp}"
        );
    }

    #[tokio::test]
    async fn bad_input_table_gets_clear_4xx_and_leaves_the_store_unchanged() {
        let (app, _dir) = test_app();
        call(&app, post_json(JANE)).await;
        let (_, before) = call(&app, get("/api/timeline.json")).await;
        let (_, articles_before) = call(&app, get("/api/articles")).await;
        let request = |method: &str, uri: String, ct: &str, body: Vec<u8>| {
            Request::builder()
                .method(method)
                .uri(uri)
                .header(header::CONTENT_TYPE, ct)
                .body(Body::from(body))
                .unwrap()
        };
        let article = |json: &str| {
            request(
                "POST",
                "/api/articles".into(),
                "application/json",
                json.as_bytes().to_vec(),
            )
        };
        let json = "application/json";
        let rows: Vec<(&str, Request<Body>, StatusCode, &str)> = vec![
            (
                "empty body",
                article(""),
                StatusCode::BAD_REQUEST,
                "malformed JSON",
            ),
            (
                "empty text",
                article(r#"{"text": "  ", "published": "2024-01-01"}"#),
                StatusCode::UNPROCESSABLE_ENTITY,
                "empty",
            ),
            (
                "binary",
                request(
                    "POST",
                    "/api/articles".into(),
                    json,
                    vec![0xff, 0xfe, 0x00, 0x41],
                ),
                StatusCode::BAD_REQUEST,
                "malformed JSON",
            ),
            (
                "6 MB",
                request(
                    "POST",
                    "/api/articles".into(),
                    json,
                    vec![b'a'; 6 * 1024 * 1024],
                ),
                StatusCode::PAYLOAD_TOO_LARGE,
                "over the limit",
            ),
            (
                "malformed JSON",
                article(r#"{"text": "#),
                StatusCode::BAD_REQUEST,
                "malformed JSON",
            ),
            (
                "impossible date",
                article(r#"{"text": "Jane Doe resigned.", "published": "2024-02-31"}"#),
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid date",
            ),
            (
                "unknown language",
                article(
                    r#"{"text": "Jane Doe resigned.", "published": "2024-01-01", "lang": "xx"}"#,
                ),
                StatusCode::UNPROCESSABLE_ENTITY,
                "unknown language",
            ),
            (
                "hostile HTML",
                request(
                    "POST",
                    "/api/articles".into(),
                    "text/html",
                    b"<script>alert(1)</script><img src=x onerror=alert(1)>".to_vec(),
                ),
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "application/json",
            ),
            (
                "control character in a URL",
                article(
                    r#"{"text": "Jane Doe resigned.", "published": "2024-01-01", "url": "https://a.example/\u0007"}"#,
                ),
                StatusCode::UNPROCESSABLE_ENTITY,
                "control character",
            ),
            (
                "10,000 query words",
                get(&format!("/api/events?q={}", vec!["w"; 10_000].join("+"))),
                StatusCode::BAD_REQUEST,
                "at most",
            ),
            (
                "a path of 10,000 characters",
                get(&format!("/api/{}", "p".repeat(10_000))),
                StatusCode::NOT_FOUND,
                "no API route",
            ),
            (
                "an event id of 10,000 characters",
                request(
                    "PATCH",
                    format!("/api/events/{}", "e".repeat(10_000)),
                    json,
                    br#"{"hidden": true}"#.to_vec(),
                ),
                StatusCode::NOT_FOUND,
                "no event",
            ),
            (
                "malformed import",
                request(
                    "POST",
                    "/api/import?name=x".into(),
                    "text/csv",
                    b"date,kind\n2024-13,resignation\n".to_vec(),
                ),
                StatusCode::UNPROCESSABLE_ENTITY,
                "line 2",
            ),
            (
                "binary import",
                request(
                    "POST",
                    "/api/import?name=x".into(),
                    "text/csv",
                    vec![0xff, 0xfe, 0x00],
                ),
                StatusCode::UNPROCESSABLE_ENTITY,
                "not UTF-8",
            ),
        ];
        for (what, req, status, needle) in rows {
            let (got, body) = call(&app, req).await;
            assert_eq!(got, status, "{what}: {body}");
            let error = body["error"]
                .as_str()
                .unwrap_or_else(|| panic!("{what}: no error in {body}"));
            assert!(error.contains(needle), "{what}: {error}");
        }
        let (_, after) = call(&app, get("/api/timeline.json")).await;
        let (_, articles_after) = call(&app, get("/api/articles")).await;
        assert_eq!(before, after, "the timeline is unchanged");
        assert_eq!(
            articles_before, articles_after,
            "the articles are unchanged"
        );
    }

    #[tokio::test]
    async fn requests_in_flight_are_limited_over_every_route() {
        let (app, _dir) = app_with(ServeConfig {
            max_in_flight: 1,
            ..ServeConfig::default()
        });
        let slow = tokio::spawn(app.clone().oneshot(get("/api/test-slow")));
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        // Another route waits for the one place.
        let waited = tokio::time::timeout(
            std::time::Duration::from_millis(500),
            app.clone().oneshot(get("/api/health")),
        )
        .await;
        assert!(waited.is_err(), "the limit is shared by every route");
        slow.abort();
        let _ = slow.await;
        assert_eq!(call(&app, get("/api/health")).await.0, StatusCode::OK);
    }

    #[tokio::test]
    async fn plain_text_write_needs_a_token() {
        let (app, _dir) = test_app();
        let article = Request::post("/api/articles?published=2024-09-27")
            .header(header::CONTENT_TYPE, "text/plain")
            .body(Body::from("Acme appointed Jane Doe as CEO in May."))
            .unwrap();
        let (status, body) = call(&app, article).await;
        assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{body}");
        assert!(
            body["error"].as_str().unwrap().contains("--token"),
            "{body}"
        );
        let (status, _) = call(
            &app,
            import_plain("date,kind,persons\n2024-01-01,resignation,Jane Doe\n"),
        )
        .await;
        assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(event_count(&app).await, 0);
        // With a token, text/plain (which then needs the Authorization header) is taken.
        let (app, _dir) = app_with(ServeConfig {
            token: Some("t".into()),
            ..ServeConfig::default()
        });
        let article = Request::post("/api/articles?published=2024-09-27")
            .header(header::CONTENT_TYPE, "text/plain")
            .header(header::AUTHORIZATION, "Bearer t")
            .body(Body::from("Acme appointed Jane Doe as CEO in May."))
            .unwrap();
        let (status, body) = call(&app, article).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }

    fn request(method: &str, uri: &str, content_type: &str, body: &str) -> Request<Body> {
        Request::builder()
            .method(method)
            .uri(uri)
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body.to_string()))
            .unwrap()
    }

    /// Issue 16: every route but health, openapi and the list of stories takes
    /// `?timeline=`; an unknown story is a 404 with a JSON error; each story's routes
    /// answer with that story's data only.
    #[tokio::test]
    async fn every_route_takes_a_timeline_and_an_unknown_one_is_a_404() {
        let (app, dir) = test_app();
        {
            let mut store = Store::open(&dir.path().join("test.db")).unwrap();
            store.create_timeline("acme").unwrap();
        }
        // The same article in the default story and (a different text, same event) in
        // "acme": the events stay apart.
        let (status, _) = call(&app, post_json(JANE)).await;
        assert_eq!(status, StatusCode::CREATED);
        let acme = r#"{"text": "Acme named Jane Doe its CEO in May, the board said.", "published": "2024-09-27", "title": "Acme story"}"#;
        let (status, posted) = call(
            &app,
            request(
                "POST",
                "/api/articles?timeline=acme",
                "application/json",
                acme,
            ),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{posted}");
        let acme_id = posted["timeline_event_ids"][0]
            .as_str()
            .unwrap()
            .to_string();
        let (_, default_doc) = call(&app, get("/api/timeline.json")).await;
        let default_id = default_doc["events"][0]["id"].as_str().unwrap().to_string();
        assert_ne!(acme_id, default_id, "events merge only within their story");

        let (status, list) = call(&app, get("/api/timelines")).await;
        assert_eq!(status, StatusCode::OK);
        let list = list.as_array().unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0]["id"], "acme");
        assert_eq!(list[0]["title"], "acme");
        assert_eq!(list[0]["articles"], 1);
        assert_eq!(list[0]["events"], 1);
        assert_eq!(list[0]["from"], "2024-05");
        assert_eq!(list[0]["to"], "2024-05");
        assert_eq!(list[0]["people"][0]["name"], "Jane Doe");
        assert_eq!(list[1]["id"], "default");
        assert_eq!(list[1]["title"], "Test");

        let csv = "date,kind,persons\n2024-06-01,resignation,Jane Doe\n";
        // Each route, with the story named: (method, path and query, content type, body).
        let routes = |t: &str, event: &str| -> Vec<(String, String, &'static str, String)> {
            let mut v: Vec<(String, String, &'static str, String)> = [
                "/api/timeline.json",
                "/api/articles",
                "/api/events",
                "/api/people",
                "/api/export.timelinejs.json",
                "/api/export.csv",
                "/api/export.ics",
                "/api/export.jsonl",
            ]
            .iter()
            .map(|p| {
                (
                    "GET".to_string(),
                    format!("{p}?timeline={t}"),
                    "",
                    String::new(),
                )
            })
            .collect();
            v.push((
                "GET".into(),
                format!("/api/events/{event}?timeline={t}"),
                "",
                String::new(),
            ));
            v.push((
                "PATCH".into(),
                format!("/api/events/{event}?timeline={t}"),
                "application/json",
                r#"{"role": null, "hidden": false}"#.replace(r#""role": null, "#, ""),
            ));
            v.push((
                "POST".into(),
                format!("/api/articles?timeline={t}"),
                "application/json",
                r#"{"text": "Zed Corp appointed Ann Lee as CFO in March.", "published": "2024-09-27"}"#.into(),
            ));
            v.push((
                "POST".into(),
                format!("/api/import?name=x&timeline={t}"),
                "text/csv",
                csv.into(),
            ));
            v
        };
        let routed: std::collections::BTreeSet<&str> = ROUTES
            .iter()
            .map(|(p, _)| *p)
            .filter(|p| !["/api/health", "/api/openapi.json", "/api/timelines"].contains(p))
            .collect();
        let tested: std::collections::BTreeSet<String> = routes("x", "{id}")
            .into_iter()
            .map(|(_, u, _, _)| u.split('?').next().unwrap().to_string())
            .collect();
        assert_eq!(
            routed,
            tested.iter().map(String::as_str).collect(),
            "every route is tested"
        );
        let before = call(&app, get("/api/timelines")).await.1;
        for (method, uri, ct, body) in routes("nope", &acme_id) {
            let (status, json) = call(&app, request(&method, &uri, ct, &body)).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{method} {uri}");
            assert_eq!(json["error"], "no timeline \"nope\"", "{method} {uri}");
        }
        // A malformed story name is no story either.
        let (status, json) = call(&app, get("/api/events?timeline=..%2Fetc")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(json["error"].as_str().unwrap().contains("no timeline"));
        assert_eq!(
            call(&app, get("/api/timelines")).await.1,
            before,
            "nothing written"
        );

        // "acme" answers with its own data; its event is not found in the default story.
        for (method, uri, ct, body) in routes("acme", &acme_id) {
            let res = app
                .clone()
                .oneshot(request(&method, &uri, ct, &body))
                .await
                .unwrap();
            let status = res.status();
            let bytes = res.into_body().collect().await.unwrap().to_bytes();
            let text = String::from_utf8_lossy(&bytes);
            assert!(status.is_success(), "{method} {uri}: {status} {text}");
            if method == "GET" {
                assert!(
                    text.contains("Jane") || text.contains("Acme story"),
                    "{uri}: {text}"
                );
                assert!(!text.contains("Acme news"), "{uri} shows the other story");
            }
        }
        let (status, _) = call(&app, get(&format!("/api/events/{acme_id}"))).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = call(
            &app,
            get(&format!("/api/events/{default_id}?timeline=acme")),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        // The writes went to "acme": the default story is as it was.
        let (_, doc) = call(&app, get("/api/timeline.json")).await;
        assert_eq!(doc["events"].as_array().unwrap().len(), 1);
        assert_eq!(doc["sources"].as_array().unwrap().len(), 1);
        let (_, doc) = call(&app, get("/api/timeline.json?timeline=acme")).await;
        assert_eq!(doc["title"], "acme");
        assert_eq!(doc["sources"].as_array().unwrap().len(), 3);
        let (_, people) = call(&app, get("/api/people?timeline=acme")).await;
        let names: Vec<&str> = people
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["Ann Lee", "Jane Doe"]);
        // The same text cannot be in two stories.
        let (status, json) = call(
            &app,
            request("POST", "/api/articles", "application/json", acme),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            json["error"].as_str().unwrap().contains("\"acme\""),
            "{json}"
        );
    }

    /// The OpenAPI document names the timeline parameter on every route that takes it.
    #[tokio::test]
    async fn the_openapi_document_gives_every_route_its_timeline_parameter() {
        let doc: serde_json::Value = serde_json::from_str(OPENAPI).unwrap();
        for (path, methods) in ROUTES {
            for m in *methods {
                let op = &doc["paths"][path][m];
                let has = op["parameters"].as_array().is_some_and(|ps| {
                    ps.iter()
                        .any(|p| p["$ref"] == "#/components/parameters/Timeline")
                });
                let expected =
                    !["/api/health", "/api/openapi.json", "/api/timelines"].contains(path);
                assert_eq!(has, expected, "{m} {path}");
            }
        }
        assert_eq!(
            doc["components"]["parameters"]["Timeline"]["name"],
            "timeline"
        );
    }

    #[tokio::test]
    async fn the_openapi_document_describes_exactly_the_routes() {
        let (app, _dir) = test_app();
        let (status, doc) = call(&app, get("/api/openapi.json")).await;
        assert_eq!(status, StatusCode::OK);
        let paths = doc["paths"].as_object().unwrap();
        let mut documented: Vec<(String, String)> = paths
            .iter()
            .flat_map(|(path, item)| {
                item.as_object()
                    .unwrap()
                    .keys()
                    .filter(|k| ["get", "post", "patch", "put", "delete"].contains(&k.as_str()))
                    .map(move |m| (path.clone(), m.clone()))
            })
            .collect();
        let mut routed: Vec<(String, String)> = ROUTES
            .iter()
            .flat_map(|(p, ms)| ms.iter().map(move |m| (p.to_string(), m.to_string())))
            .collect();
        documented.sort();
        routed.sort();
        assert_eq!(documented, routed);
        // And every route answers its methods (not 404 / 405).
        for (path, method) in routed {
            let uri = path.replace("{id}", "x");
            let req = Request::builder()
                .method(method.to_uppercase().as_str())
                .uri(&uri)
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from("{}"))
                .unwrap();
            let res = app.clone().oneshot(req).await.unwrap();
            assert_ne!(
                res.status(),
                StatusCode::METHOD_NOT_ALLOWED,
                "{method} {uri}"
            );
            if !uri.ends_with("/x") {
                assert_ne!(res.status(), StatusCode::NOT_FOUND, "{method} {uri}");
            }
        }
    }

    #[tokio::test]
    async fn unknown_fields_and_wrong_types_are_bad_requests() {
        let (app, _dir) = test_app();
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
        let (app, _dir) = test_app();
        let res = app.clone().oneshot(get("/no-such-file.js")).await.unwrap();
        let expected = if assets::has_app() {
            StatusCode::NOT_FOUND
        } else {
            StatusCode::SERVICE_UNAVAILABLE
        };
        assert_eq!(res.status(), expected);
        let res = app.oneshot(get("/some/client/route")).await.unwrap();
        let expected = if assets::has_app() {
            StatusCode::OK
        } else {
            StatusCode::SERVICE_UNAVAILABLE
        };
        assert_eq!(res.status(), expected);
    }
}
