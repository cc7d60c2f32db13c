//! Helpers for Dateline's end-to-end tests: start the real `dateline` binary on a loopback
//! port with a fresh store, talk HTTP to it, and drive headless Chromium through
//! `chromedriver`.
//!
//! The binary is `$DATELINE_BIN` (set by `cargo xtask test`) or `target/debug/dateline`.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
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
/// static host): serves the files under `root` at `prefix` (`/` or `/story/`), `index.html`
/// for folders; remembers the paths asked for. Stops when dropped.
pub struct StaticServer {
    /// `http://127.0.0.1:PORT` (no trailing slash).
    pub origin: String,
    /// Every request path, in order.
    pub requests: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    port: u16,
}

impl StaticServer {
    /// Serves `root` at `prefix` (which starts and ends with `/`).
    pub fn start(root: &Path, prefix: &str) -> StaticServer {
        use std::sync::atomic::{AtomicBool, Ordering};
        use std::sync::{Arc, Mutex};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
        let port = listener.local_addr().expect("local address").port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (root, prefix) = (root.to_path_buf(), prefix.to_string());
        let (log, halt) = (Arc::clone(&requests), Arc::clone(&stop));
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if halt.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (root, prefix, log) = (root.clone(), prefix.clone(), Arc::clone(&log));
                std::thread::spawn(move || serve_file(stream, &root, &prefix, &log));
            }
        });
        StaticServer {
            origin: format!("http://127.0.0.1:{port}"),
            requests,
            stop,
            port,
        }
    }

    /// The paths asked for so far.
    pub fn paths(&self) -> Vec<String> {
        self.requests.lock().map(|r| r.clone()).unwrap_or_default()
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
        // Wake the accept loop so that it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn serve_file(
    mut stream: TcpStream,
    root: &Path,
    prefix: &str,
    log: &std::sync::Mutex<Vec<String>>,
) {
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut first = String::new();
    if reader.read_line(&mut first).is_err() {
        return;
    }
    // Skip the headers.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let target = first.split_whitespace().nth(1).unwrap_or("/").to_string();
    let path = target.split(['?', '#']).next().unwrap_or("/").to_string();
    if let Ok(mut l) = log.lock() {
        l.push(path.clone());
    }
    let file = path
        .strip_prefix(prefix)
        .filter(|rel| !rel.split('/').any(|part| part == ".."))
        .map(|rel| {
            let p = root.join(rel);
            if p.is_dir() { p.join("index.html") } else { p }
        });
    let (status, body, content_type) = match file.and_then(|p| {
        let bytes = std::fs::read(&p).ok()?;
        Some((bytes, p))
    }) {
        Some((bytes, p)) => {
            let ct = match p.extension().and_then(|e| e.to_str()) {
                Some("html") => "text/html; charset=utf-8",
                Some("js") => "text/javascript",
                Some("wasm") => "application/wasm",
                Some("css") => "text/css",
                Some("json") => "application/json",
                _ => "application/octet-stream",
            };
            ("200 OK", bytes, ct)
        }
        None => ("404 Not Found", b"not found".to_vec(), "text/plain"),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}
