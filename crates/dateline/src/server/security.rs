//! The guards around the API: the Content-Security-Policy of the app's pages, CORS, the
//! bearer token for writes, the Host check and the Origin check of writes.

use super::*;

/// The `Content-Security-Policy` of every response: scripts only from the service itself,
/// plus the web app's inline scripts by hash, and WebAssembly; no plugins; no `<base>`
/// elsewhere; framing as configured.
pub(super) fn content_security_policy(frame_ancestors: Option<&str>) -> String {
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
pub(super) fn inline_script_hashes(html: &str) -> Vec<String> {
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

/// CORS for the configured origins (`*`: any), so that pages elsewhere can embed the API.
pub(super) fn cors_layer(origins: &[String]) -> Option<tower_http::cors::CorsLayer> {
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
pub(super) async fn require_token(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
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
pub(super) fn bearer_token(value: &str) -> Option<&str> {
    let (scheme, token) = value.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

/// A `Host` (or origin) authority split into its lowercase name (IPv6 in brackets) and
/// its port when one is written.
pub(super) fn split_authority(authority: &str) -> Option<(String, Option<u16>)> {
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
pub(super) fn host_allowed(config: &ServeConfig, name: &str, port: Option<u16>) -> bool {
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
pub(super) fn check_write_origin(
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

pub(super) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
