//! Helpers for Dateline's end-to-end tests: start the real `dateline` binary on a loopback
//! port with a fresh store, talk HTTP to it, and drive headless Chromium through
//! `chromedriver`.
//!
//! The binary is `$DATELINE_BIN` (set by `cargo xtask test`) or `target/debug/dateline`.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The repository's root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A project file, by path from the repository's root.
pub fn fixture(rel: &str) -> PathBuf {
    root().join(rel)
}

/// The `dateline` binary under test.
pub fn dateline_bin() -> PathBuf {
    let bin = std::env::var_os("DATELINE_BIN")
        .map(|p| root().join(p))
        .unwrap_or_else(|| root().join("target/debug/dateline"));
    assert!(
        bin.exists(),
        "the dateline binary is not built at {}: run `cargo xtask test` (or `cargo build -p dateline` first)",
        bin.display()
    );
    bin
}

/// Runs `dateline ARGS` to completion and returns (exit success, stdout, stderr).
pub fn run_cli(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(dateline_bin())
        .args(args)
        .output()
        .expect("cannot run the dateline binary");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A running `dateline serve` on a free loopback port with its own store; killed on drop.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT` (no trailing slash).
    pub base: String,
    /// The store file.
    pub db: PathBuf,
    _dir: tempfile::TempDir,
}

impl Server {
    /// Starts a server whose store first gets `articles` through `dateline ingest`.
    pub fn start(articles: &[&Path]) -> Server {
        Server::start_with(articles, &[])
    }

    /// Like [`Server::start`], with more `dateline serve` arguments (`--token`, …).
    pub fn start_with(articles: &[&Path], serve_args: &[&str]) -> Server {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("dateline.db");
        let db_arg = db.to_str().expect("utf-8 temp path").to_string();
        if !articles.is_empty() {
            let mut args = vec!["ingest", "--db", db_arg.as_str()];
            let paths: Vec<String> = articles.iter().map(|p| p.display().to_string()).collect();
            args.extend(paths.iter().map(String::as_str));
            let (ok, out, err) = run_cli(&args);
            assert!(ok, "ingest failed: {out}{err}");
        }
        Server::spawn(dir, db, serve_args)
    }

    /// Serves an existing store file (left in place when the server stops).
    pub fn start_on(db: &Path, serve_args: &[&str]) -> Server {
        let dir = tempfile::tempdir().expect("temp dir");
        Server::spawn(dir, db.to_path_buf(), serve_args)
    }

    fn spawn(dir: tempfile::TempDir, db: PathBuf, serve_args: &[&str]) -> Server {
        let db_arg = db.to_str().expect("utf-8 store path").to_string();
        let mut child = Command::new(dateline_bin())
            .args([
                "serve",
                "--addr",
                "127.0.0.1:0",
                "--db",
                &db_arg,
                "--title",
                "Test story",
            ])
            .args(serve_args)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("cannot start dateline serve");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("read the serve banner");
        let base = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no URL in the serve banner {line:?}"))
            .trim_end_matches('/')
            .to_string();
        Server {
            child,
            base,
            db,
            _dir: dir,
        }
    }

    /// The server's `host:port`.
    pub fn authority(&self) -> &str {
        self.base.trim_start_matches("http://")
    }

    /// Sends one HTTP/1.1 request and returns (status, body).
    pub fn request(
        &self,
        method: &str,
        path: &str,
        content_type: Option<&str>,
        body: &[u8],
    ) -> (u16, String) {
        self.request_with(method, path, content_type, &[], body)
    }

    /// Like [`Server::request`], with extra headers (`("Authorization", "Bearer …")`).
    pub fn request_with(
        &self,
        method: &str,
        path: &str,
        content_type: Option<&str>,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> (u16, String) {
        let mut stream = TcpStream::connect(self.authority()).expect("connect to the server");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .expect("timeout");
        // The server's own Host unless the caller gives one.
        let host = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("host"))
            .map_or(self.authority(), |(_, v)| *v);
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nContent-Length: {}\r\n",
            body.len()
        );
        if let Some(ct) = content_type {
            head.push_str(&format!("Content-Type: {ct}\r\n"));
        }
        for (name, value) in headers
            .iter()
            .filter(|(n, _)| !n.eq_ignore_ascii_case("host"))
        {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).expect("write request");
        // A server may answer (413) before reading a large body; ignore a reset on write.
        let _ = stream.write_all(body);
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw);
        let text = String::from_utf8_lossy(&raw).into_owned();
        let status = text
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("no HTTP status in {text:?}"));
        let body = text
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_string())
            .unwrap_or_default();
        (status, dechunk(&text, body))
    }

    /// GETs a JSON document.
    pub fn get_json(&self, path: &str) -> serde_json::Value {
        let (status, body) = self.request("GET", path, None, b"");
        assert_eq!(status, 200, "GET {path}: {body}");
        serde_json::from_str(&body)
            .unwrap_or_else(|e| panic!("GET {path} is not JSON ({e}): {body}"))
    }
}

/// Undoes `Transfer-Encoding: chunked` when the response used it.
fn dechunk(raw: &str, body: String) -> String {
    let head = raw
        .split("\r\n\r\n")
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if !head.contains("transfer-encoding: chunked") {
        return body;
    }
    let mut out = String::new();
    let mut rest = body.as_str();
    while let Some((size, after)) = rest.split_once("\r\n") {
        let Ok(n) = usize::from_str_radix(size.trim(), 16) else {
            break;
        };
        if n == 0 || after.len() < n {
            break;
        }
        out.push_str(&after[..n]);
        rest = after[n..].trim_start_matches("\r\n");
    }
    out
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A running `chromedriver` on a free port; killed on drop.
pub struct ChromeDriver {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub url: String,
}

impl ChromeDriver {
    /// Starts Debian's `/usr/bin/chromedriver` and waits until it answers.
    pub fn start() -> ChromeDriver {
        let driver = Path::new("/usr/bin/chromedriver");
        assert!(
            driver.exists() && Path::new("/usr/bin/chromium").exists(),
            "the browser tests need Debian's chromium and chromium-driver; `cargo xtask test` installs them"
        );
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("cannot start chromedriver");
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "chromedriver did not start on port {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        ChromeDriver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }

    /// A new headless Chromium session.
    pub async fn browser(&self) -> fantoccini::Client {
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "binary": "/usr/bin/chromium",
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,900"
                ]
            }),
        );
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        fantoccini::ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&self.url)
            .await
            .expect("cannot open a Chromium session through chromedriver")
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A plain static file server on a free loopback port (a stand-in for GitHub Pages or any
/// static host): tower-http's `ServeDir` over the files under `root`, at `prefix` (`/` or
/// `/story/`), `index.html` for folders; remembers the paths asked for. Stops when dropped.
pub struct StaticServer {
    /// `http://127.0.0.1:PORT` (no trailing slash).
    pub origin: String,
    /// Every request path, in order.
    pub requests: Arc<Mutex<Vec<String>>>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl StaticServer {
    /// Serves `root` at `prefix` (which starts and ends with `/`).
    pub fn start(root: &Path, prefix: &str) -> StaticServer {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
        listener
            .set_nonblocking(true)
            .expect("a non-blocking listener");
        let port = listener.local_addr().expect("local address").port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let files = tower_http::services::ServeDir::new(root);
        let router = match prefix.trim_end_matches('/') {
            "" => axum::Router::new().fallback_service(files),
            at => axum::Router::new().nest_service(at, files),
        }
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&requests),
            record_path,
        ));
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a runtime for the static server");
            runtime.block_on(async move {
                let listener =
                    tokio::net::TcpListener::from_std(listener).expect("a tokio listener");
                let _ = axum::serve(listener, router)
                    .with_graceful_shutdown(async {
                        let _ = stopped.await;
                    })
                    .await;
            });
        });
        StaticServer {
            origin: format!("http://127.0.0.1:{port}"),
            requests,
            stop: Some(stop),
        }
    }

    /// The paths asked for so far.
    pub fn paths(&self) -> Vec<String> {
        self.requests.lock().map(|r| r.clone()).unwrap_or_default()
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// Notes a request's path (without its query) before serving it.
async fn record_path(
    axum::extract::State(log): axum::extract::State<Arc<Mutex<Vec<String>>>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    if let Ok(mut l) = log.lock() {
        l.push(request.uri().path().to_string());
    }
    next.run(request).await
}

/// A page with its date and language in its metadata, for the URL tests.
pub const PAGE: &str = r#"<!doctype html><html><head><title>Northwind changes its chief</title>
<meta property="og:locale" content="en_GB"></head>
<body><nav><a href="/">Home</a> | <a href="/markets">Markets</a></nav>
<article><h1>Northwind changes its chief</h1>
<p>Published <time datetime="2024-10-02T08:00:00Z">2 October 2024</time></p>
<p>On September 30, Northwind Traders appointed Lena Park as its chief executive, the company
said in a statement on Tuesday. The board chose her after a search of several months.</p>
<p>Park ran the company's shipping business for five years and joined it as an analyst.</p>
</article><footer>Copyright Example Wire</footer></body></html>"#;

/// A local HTTP server for the URL tests (its base URL), on 127.0.0.1 (a thread per connection):
/// `/article` (the page), `/hop/N` (N redirects, then the page), `/big` (6 MB of HTML with
/// no Content-Length), `/pdf` (`application/pdf`), `/text` (plain text), anything else 404.
pub fn page_server() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a local port");
    let base = format!("http://{}", listener.local_addr().expect("local address"));
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            std::thread::spawn(move || {
                let mut reader =
                    std::io::BufReader::new(stream.try_clone().expect("clone the stream"));
                let mut request_line = String::new();
                let _ = reader.read_line(&mut request_line);
                loop {
                    let mut header = String::new();
                    if reader.read_line(&mut header).unwrap_or(0) == 0 || header.trim().is_empty() {
                        break;
                    }
                }
                let path = request_line.split_whitespace().nth(1).unwrap_or("/");
                let ok = |ty: &str, body: &str| {
                    format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: {ty}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                        body.len()
                    )
                };
                let response = match path {
                    "/article" => ok("text/html; charset=utf-8", PAGE),
                    "/text" => ok(
                        "text/plain",
                        "Globex appointed Ann Lee as CTO on 4 June 2024.",
                    ),
                    "/pdf" => ok("application/pdf", "%PDF-1.7"),
                    "/big" => {
                        let _ = stream.write_all(
                            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<html><body><p>",
                        );
                        let chunk = vec![b'a'; 64 * 1024];
                        for _ in 0..96 {
                            if stream.write_all(&chunk).is_err() {
                                return;
                            }
                        }
                        return;
                    }
                    p if p.starts_with("/hop/") => {
                        let n: u32 = p["/hop/".len()..].parse().unwrap_or(0);
                        let next = if n <= 1 {
                            "/article".to_string()
                        } else {
                            format!("/hop/{}", n - 1)
                        };
                        format!(
                            "HTTP/1.1 302 Found\r\nLocation: {next}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        )
                    }
                    _ => "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .to_string(),
                };
                let _ = stream.write_all(response.as_bytes());
            });
        }
    });
    base
}
