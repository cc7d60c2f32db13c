//! Fetching an article's page by URL, for `dateline ingest https://…` and
//! `POST /api/articles` with a `url` and no text.
//!
//! The service fetches what a user names, so it must not become a way into the network it
//! runs in: only `http` and `https`, 10 seconds in all, 5 MB at most, at most 5 redirects,
//! and every hop's host resolved once, each of its addresses checked ([`refused_range`]),
//! and the connection pinned to the checked addresses (reqwest's `resolve_to_addrs`, with
//! a resolver that refuses every other name), so that a second, different DNS answer
//! cannot slip in between the check and the connection. `--allow-private-fetch` lifts the
//! address check (for tests against a local server), nothing else.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

/// Longest a fetch may take, every redirect and the body included.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// Largest body read; the fetch stops reading beyond it.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// Redirects followed at most.
pub const MAX_REDIRECTS: usize = 5;

/// Why a URL was not fetched. Every message names the URL or host concerned.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// Not an absolute `http(s)` URL with a host.
    #[error("{0}")]
    BadUrl(String),
    /// The host name has no address.
    #[error("cannot resolve the host {host:?}: {why}")]
    Unresolvable {
        /// The host name.
        host: String,
        /// What the resolver said.
        why: String,
    },
    /// The host is (or resolves to) an address that is not fetched.
    #[error(
        "refused to fetch {url}: {}; only public addresses are fetched (--allow-private-fetch lifts this, for tests against a local server)",
        private_detail(.host, .addr, .range)
    )]
    Private {
        /// The URL of the hop.
        url: String,
        /// Its host.
        host: String,
        /// The refused address.
        addr: IpAddr,
        /// Which kind of address it is.
        range: &'static str,
    },
    /// The fetch took longer than its limit ([`TIMEOUT`]).
    #[error("fetching {0} took longer than {1:?}")]
    Timeout(String, Duration),
    /// The body is over [`MAX_BYTES`].
    #[error("the page at {0} is larger than {MAX_BYTES} bytes (5 MB): not read")]
    TooLarge(String),
    /// The page is not HTML or plain text.
    #[error(
        "the page at {url} is {content_type:?}, not HTML or plain text (text/html, application/xhtml+xml, text/plain)"
    )]
    ContentType {
        /// The URL.
        url: String,
        /// Its `Content-Type` (empty when none).
        content_type: String,
    },
    /// More than [`MAX_REDIRECTS`] redirects.
    #[error("{0} redirects more than {MAX_REDIRECTS} times")]
    TooManyRedirects(String),
    /// The server answered with an error status (or a redirect without a usable `Location`).
    #[error("{url} answered {status}")]
    Status {
        /// The URL.
        url: String,
        /// The status line (`404 Not Found`).
        status: String,
    },
    /// The connection or the transfer failed.
    #[error("cannot fetch {url}: {why}")]
    Transfer {
        /// The URL.
        url: String,
        /// The failure, with its causes.
        why: String,
    },
}

/// "10.0.0.1 is a private address", or "intranet.example resolves to 10.0.0.1, a private
/// address".
fn private_detail(host: &str, addr: &IpAddr, range: &str) -> String {
    if host == addr.to_string() {
        format!("{host} is a {range} address")
    } else {
        format!("{host} resolves to {addr}, a {range} address")
    }
}

impl FetchError {
    /// Whether the fault is in the request (a URL or address that is not fetched) rather
    /// than in the remote side (an API answers 422 for the first, 502 for the second).
    pub fn is_request_error(&self) -> bool {
        matches!(self, FetchError::BadUrl(_) | FetchError::Private { .. })
    }
}

/// A fetched page.
#[derive(Debug, Clone)]
pub struct Page {
    /// Where it was found, after redirects: the article's source.
    pub url: String,
    /// Its body, decoded as text.
    pub body: String,
    /// Whether it is HTML (otherwise plain text).
    pub html: bool,
}

/// Fetches pages under the rules of this module.
#[derive(Debug, Clone, Copy)]
pub struct Fetcher {
    /// Fetch private, loopback … addresses too (`--allow-private-fetch`).
    allow_private: bool,
    /// Which addresses are refused, and why ([`refused_range`]; tests narrow it).
    refuse: fn(IpAddr) -> Option<&'static str>,
    /// Longest the whole fetch may take ([`TIMEOUT`]; tests shorten it).
    timeout: Duration,
}

impl Default for Fetcher {
    fn default() -> Fetcher {
        Fetcher::new(false)
    }
}

impl Fetcher {
    /// A fetcher; `allow_private` lifts the address check (`--allow-private-fetch`).
    pub fn new(allow_private: bool) -> Fetcher {
        Fetcher {
            allow_private,
            refuse: refused_range,
            timeout: TIMEOUT,
        }
    }

    /// Fetches `url`, following redirects; see the module's rules.
    pub async fn fetch(&self, url: &str) -> Result<Page, FetchError> {
        let url = parse_url(url)?;
        let shown = url.to_string();
        match tokio::time::timeout(self.timeout, self.follow(url)).await {
            Ok(result) => result,
            Err(_) => Err(FetchError::Timeout(shown, self.timeout)),
        }
    }

    /// Fetches on a runtime of its own (for the CLI, which has none).
    pub fn fetch_blocking(&self, url: &str) -> Result<Page, FetchError> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| FetchError::Transfer {
                url: url.to_string(),
                why: format!("cannot start the async runtime: {e}"),
            })?;
        runtime.block_on(self.fetch(url))
    }

    async fn follow(&self, first: url::Url) -> Result<Page, FetchError> {
        let mut url = first;
        let mut redirects = 0;
        loop {
            let addrs = self.checked_addrs(&url).await?;
            let response = request(&url, &addrs, self.timeout).await?;
            let status = response.status();
            if status.is_redirection() {
                let location = response
                    .headers()
                    .get(reqwest::header::LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|l| url.join(l).ok());
                let Some(next) = location else {
                    return Err(FetchError::Status {
                        url: url.to_string(),
                        status: format!("{status} without a usable Location"),
                    });
                };
                redirects += 1;
                if redirects > MAX_REDIRECTS {
                    return Err(FetchError::TooManyRedirects(url.to_string()));
                }
                url = parse_url(next.as_str())?;
                continue;
            }
            if !status.is_success() {
                return Err(FetchError::Status {
                    url: url.to_string(),
                    status: status.to_string(),
                });
            }
            return read_page(url, response, self.timeout).await;
        }
    }

    /// The addresses of `url`'s host, each one checked (unless private ones are allowed).
    async fn checked_addrs(&self, url: &url::Url) -> Result<Vec<SocketAddr>, FetchError> {
        let port = url.port_or_known_default().unwrap_or(80);
        let (host, addrs): (String, Vec<SocketAddr>) = match url.host() {
            Some(url::Host::Ipv4(ip)) => (ip.to_string(), vec![(IpAddr::V4(ip), port).into()]),
            Some(url::Host::Ipv6(ip)) => (ip.to_string(), vec![(IpAddr::V6(ip), port).into()]),
            Some(url::Host::Domain(d)) => {
                let found = tokio::net::lookup_host((d, port)).await.map_err(|e| {
                    FetchError::Unresolvable {
                        host: d.to_string(),
                        why: e.to_string(),
                    }
                })?;
                let mut addrs: Vec<SocketAddr> = found.collect();
                addrs.dedup();
                if addrs.is_empty() {
                    return Err(FetchError::Unresolvable {
                        host: d.to_string(),
                        why: "no address".into(),
                    });
                }
                (d.to_string(), addrs)
            }
            None => return Err(FetchError::BadUrl(format!("{url} has no host"))),
        };
        if !self.allow_private {
            // One refused address refuses the host: connecting to "the other one" would
            // leave the choice to whoever controls the name.
            for a in &addrs {
                if let Some(range) = (self.refuse)(a.ip()) {
                    return Err(FetchError::Private {
                        url: url.to_string(),
                        host,
                        addr: a.ip(),
                        range,
                    });
                }
            }
        }
        Ok(addrs)
    }
}

/// `raw` as an `http(s)` URL with a host, or why not.
fn parse_url(raw: &str) -> Result<url::Url, FetchError> {
    let checked = crate::article::checked_url(raw.trim()).map_err(FetchError::BadUrl)?;
    url::Url::parse(&checked).map_err(|e| FetchError::BadUrl(format!("{raw:?}: {e}")))
}

/// A resolver for every name that was not pinned: none may be resolved behind the checks.
struct NoResolver;

impl reqwest::dns::Resolve for NoResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let name = name.as_str().to_string();
        Box::pin(async move {
            Err(format!("{name:?} was not checked before connecting: not resolved").into())
        })
    }
}

/// One request to `url`, connected to `addrs` only, redirects not followed.
async fn request(
    url: &url::Url,
    addrs: &[SocketAddr],
    timeout: Duration,
) -> Result<reqwest::Response, FetchError> {
    let transfer = |e: reqwest::Error| FetchError::Transfer {
        url: url.to_string(),
        why: error_chain(&e),
    };
    let mut builder = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .timeout(timeout)
        .connect_timeout(timeout)
        .user_agent(concat!("dateline/", env!("CARGO_PKG_VERSION")))
        .dns_resolver(Arc::new(NoResolver));
    if let Some(url::Host::Domain(d)) = url.host() {
        builder = builder.resolve_to_addrs(d, addrs);
    }
    let client = builder.build().map_err(transfer)?;
    client
        .get(url.clone())
        .header(
            reqwest::header::ACCEPT,
            "text/html,application/xhtml+xml,text/plain;q=0.9",
        )
        .send()
        .await
        .map_err(|e| {
            if e.is_timeout() {
                FetchError::Timeout(url.to_string(), timeout)
            } else {
                transfer(e)
            }
        })
}

/// Reads the body of a success: its type checked, at most [`MAX_BYTES`].
async fn read_page(
    url: url::Url,
    mut response: reqwest::Response,
    timeout: Duration,
) -> Result<Page, FetchError> {
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let mime = content_type.split(';').next().unwrap_or("").trim();
    let html = match mime {
        "text/html" | "application/xhtml+xml" => true,
        "text/plain" => false,
        _ => {
            return Err(FetchError::ContentType {
                url: url.to_string(),
                content_type,
            });
        }
    };
    if response
        .content_length()
        .is_some_and(|n| n > MAX_BYTES as u64)
    {
        return Err(FetchError::TooLarge(url.to_string()));
    }
    let mut body = Vec::new();
    loop {
        let chunk = response.chunk().await.map_err(|e| {
            if e.is_timeout() {
                FetchError::Timeout(url.to_string(), timeout)
            } else {
                FetchError::Transfer {
                    url: url.to_string(),
                    why: error_chain(&e),
                }
            }
        })?;
        let Some(chunk) = chunk else { break };
        if body.len() + chunk.len() > MAX_BYTES {
            return Err(FetchError::TooLarge(url.to_string()));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Page {
        url: url.to_string(),
        body: decode(&body, &content_type),
        html,
    })
}

/// The body as text: Latin-1 when the type says so (ISO-8859-1, windows-1252), else UTF-8
/// (a bad byte becomes U+FFFD rather than refusing the page).
fn decode(body: &[u8], content_type: &str) -> String {
    let charset = content_type
        .split(';')
        .filter_map(|p| p.trim().strip_prefix("charset="))
        .next()
        .map(|c| c.trim_matches('"'))
        .unwrap_or("utf-8");
    if matches!(
        charset,
        "iso-8859-1" | "latin1" | "latin-1" | "windows-1252" | "cp1252"
    ) {
        body.iter().map(|&b| char::from(b)).collect()
    } else {
        String::from_utf8_lossy(body).into_owned()
    }
}

/// An error with its causes, `a: b: c`.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let s_text = s.to_string();
        if !out.contains(&s_text) {
            out.push_str(": ");
            out.push_str(&s_text);
        }
        source = s.source();
    }
    out
}

/// The kind of address `ip` is when it must not be fetched (private, loopback, link-local,
/// unspecified, multicast, CGNAT, unique-local, documentation, reserved …, and the same
/// inside IPv4-mapped, IPv4-compatible, NAT64 and 6to4 IPv6 addresses); `None` for a
/// public address.
pub fn refused_range(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => refused_v4(v4),
        IpAddr::V6(v6) => refused_v6(v6),
    }
}

fn refused_v4(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, c, _] = ip.octets();
    Some(match (a, b, c) {
        (0, _, _) => "unspecified (\"this network\")",
        (127, _, _) => "loopback",
        (10, _, _) => "private",
        (172, 16..=31, _) => "private",
        (192, 168, _) => "private",
        (169, 254, _) => "link-local",
        (100, 64..=127, _) => "shared (CGNAT)",
        (192, 0, 0) => "IETF protocol assignment",
        (192, 0, 2) | (198, 51, 100) | (203, 0, 113) => "documentation",
        (198, 18..=19, _) => "benchmarking",
        (192, 88, 99) => "6to4 relay anycast",
        (224..=239, _, _) => "multicast",
        (240..=255, _, _) => "reserved or broadcast",
        _ => return None,
    })
}

fn refused_v6(ip: Ipv6Addr) -> Option<&'static str> {
    let s = ip.segments();
    if ip.is_unspecified() {
        return Some("unspecified");
    }
    if ip.is_loopback() {
        return Some("loopback");
    }
    // An IPv4 address inside: ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible, deprecated),
    // 64:ff9b::a.b.c.d (NAT64) reach that IPv4 address; it decides.
    let embedded = |hi: u16, lo: u16| Ipv4Addr::from((u32::from(hi) << 16) | u32::from(lo));
    if s[..5] == [0; 5] && (s[5] == 0xffff || s[5] == 0) {
        return refused_v4(embedded(s[6], s[7])).or(if s[5] == 0 {
            Some("IPv4-compatible (deprecated)")
        } else {
            None
        });
    }
    if s[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        return refused_v4(embedded(s[6], s[7]));
    }
    // 6to4: 2002:a.b.c.d::/48.
    if s[0] == 0x2002 {
        return refused_v4(embedded(s[1], s[2]));
    }
    Some(match s[0] {
        0xff00..=0xffff => "multicast",
        0xfe80..=0xfebf => "link-local",
        0xfec0..=0xfeff => "site-local (deprecated)",
        0xfc00..=0xfdff => "unique-local",
        0x2001 if s[1] == 0x0db8 => "documentation",
        0x2001 if s[1] == 0 => "Teredo",
        0x2001 if s[1] < 0x0200 => "IETF protocol assignment",
        0x0100 if s[1..4] == [0, 0, 0] => "discard-only",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_and_special_addresses_are_refused() {
        for ip in [
            "127.0.0.1",
            "127.255.0.9",
            "10.0.0.1",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "100.127.255.254",
            "0.0.0.0",
            "0.1.2.3",
            "224.0.0.1",
            "239.255.255.250",
            "255.255.255.255",
            "240.0.0.1",
            "192.0.2.10",
            "198.18.0.1",
            "::",
            "::1",
            "fe80::1",
            "fc00::1",
            "fd12:3456::1",
            "ff02::1",
            "fec0::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "::ffff:169.254.169.254",
            "::127.0.0.1",
            "64:ff9b::7f00:1",
            "2002:7f00:1::",
            "2002:c0a8:101::1",
            "2001:db8::1",
            "2001::1",
        ] {
            let addr: IpAddr = ip.parse().unwrap();
            assert!(refused_range(addr).is_some(), "{ip} must be refused");
        }
    }

    #[test]
    fn public_addresses_are_fetched() {
        for ip in [
            "93.184.216.34",
            "8.8.8.8",
            "1.1.1.1",
            "172.15.255.255",
            "172.32.0.1",
            "100.63.255.255",
            "100.128.0.1",
            "192.169.0.1",
            "169.255.0.1",
            "223.255.255.255",
            "2606:4700:4700::1111",
            "2a00:1450:4001:80b::200e",
            "::ffff:93.184.216.34",
            "64:ff9b::808:808",
            "2002:808:808::1",
        ] {
            let addr: IpAddr = ip.parse().unwrap();
            assert_eq!(refused_range(addr), None, "{ip} is public");
        }
        assert_eq!(
            refused_range("::ffff:7f00:1".parse().unwrap()),
            Some("loopback"),
            "an IPv4-mapped address is judged by its IPv4 address"
        );
    }

    #[test]
    fn only_http_and_https_urls_are_taken() {
        for bad in [
            "ftp://example.com/a",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "gopher://example.com/",
            "example.com/a",
            "http://",
        ] {
            let e = parse_url(bad).unwrap_err();
            assert!(matches!(e, FetchError::BadUrl(_)), "{bad}: {e}");
            assert!(e.is_request_error());
        }
        assert!(parse_url(" https://example.com/a ").is_ok());
    }

    #[test]
    fn literal_and_resolved_private_hosts_are_refused_before_connecting() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let fetcher = Fetcher::default();
        for url in [
            "http://127.0.0.1:9/",
            "http://10.0.0.1/",
            "http://[::1]:9/",
            "http://localhost:9/",
            "http://[::ffff:127.0.0.1]:9/",
        ] {
            let e = rt.block_on(fetcher.fetch(url)).unwrap_err();
            assert!(matches!(e, FetchError::Private { .. }), "{url}: {e}");
            assert!(e.to_string().contains("--allow-private-fetch"), "{e}");
        }
        let e = rt
            .block_on(fetcher.fetch("http://localhost:9/"))
            .unwrap_err();
        assert!(e.to_string().contains("localhost resolves to "), "{e}");
        let e = rt.block_on(fetcher.fetch("http://10.1.2.3/")).unwrap_err();
        assert!(
            e.to_string().contains(": 10.1.2.3 is a private address;"),
            "{e}"
        );
    }

    /// A one-thread HTTP server on 127.0.0.1 answering each path with `answer(path)` (a
    /// whole response); its base URL.
    fn local_server(answer: fn(&str, &str) -> String) -> String {
        use std::io::{BufRead as _, Write as _};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let base2 = base.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut line = String::new();
                let mut reader = std::io::BufReader::new(stream.try_clone().unwrap());
                let _ = reader.read_line(&mut line);
                let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
                let _ = stream.write_all(answer(&base2, &path).as_bytes());
            }
        });
        base
    }

    #[test]
    fn every_redirect_hop_is_checked() {
        let base = local_server(|base, path| {
            let location = match path {
                "/to-private" => "http://10.0.0.1/".to_string(),
                "/to-loopback-v6" => "http://[::1]/".to_string(),
                "/to-ftp" => "ftp://example.com/".to_string(),
                _ => {
                    let body = "<html><body><p>Acme appointed Jane Doe as CEO.</p></body></html>";
                    let _ = base;
                    return format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                        body.len()
                    );
                }
            };
            format!(
                "HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            )
        });
        // The test's own server is let through; every other refused address still is.
        let fetcher = Fetcher {
            allow_private: false,
            refuse: |ip| {
                if ip == IpAddr::V4(Ipv4Addr::LOCALHOST) {
                    None
                } else {
                    refused_range(ip)
                }
            },
            timeout: TIMEOUT,
        };
        let page = fetcher.fetch_blocking(&format!("{base}/page")).unwrap();
        assert!(page.html && page.body.contains("Jane Doe"));
        for (path, addr) in [("/to-private", "10.0.0.1"), ("/to-loopback-v6", "::1")] {
            let e = fetcher
                .fetch_blocking(&format!("{base}{path}"))
                .unwrap_err();
            match &e {
                FetchError::Private { addr: a, .. } => assert_eq!(a.to_string(), addr),
                other => panic!("{path}: {other}"),
            }
        }
        let e = fetcher
            .fetch_blocking(&format!("{base}/to-ftp"))
            .unwrap_err();
        assert!(matches!(e, FetchError::BadUrl(_)), "{e}");
    }

    #[test]
    fn a_page_that_never_answers_times_out() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/slow", listener.local_addr().unwrap());
        // Accepts, reads nothing, answers nothing (until the test ends).
        std::thread::spawn(move || {
            let held: Vec<_> = listener.incoming().take(1).collect();
            std::thread::sleep(Duration::from_secs(5));
            drop(held);
        });
        let fetcher = Fetcher {
            timeout: Duration::from_millis(300),
            ..Fetcher::new(true)
        };
        let started = std::time::Instant::now();
        let e = fetcher.fetch_blocking(&url).unwrap_err();
        assert!(matches!(e, FetchError::Timeout(..)), "{e}");
        assert!(e.to_string().contains("took longer than"), "{e}");
        assert!(started.elapsed() < Duration::from_secs(3));
        assert_eq!(Fetcher::default().timeout, TIMEOUT);
    }

    #[test]
    fn latin1_pages_are_decoded() {
        assert_eq!(
            decode(
                b"caf\xe9",
                "text/html; charset=ISO-8859-1"
                    .to_ascii_lowercase()
                    .as_str()
            ),
            "café"
        );
        assert_eq!(decode("café".as_bytes(), "text/html"), "café");
        assert_eq!(decode(b"a\xffb", "text/plain; charset=utf-8"), "a\u{fffd}b");
    }
}
