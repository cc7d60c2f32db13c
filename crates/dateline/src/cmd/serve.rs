//! `dateline serve`: the JSON API and the web app over an embedded store.

use crate::server::{AppState, Limits, ServeConfig, app, serve};
use anyhow::Context as _;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `dateline serve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Address to listen on (port 0 picks a free port; the URL is printed).
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// The store (SQLite file; created on first use).
    #[arg(long, default_value = "dateline.db")]
    db: PathBuf,
    /// Title shown above the timeline.
    #[arg(long, default_value = "Dateline")]
    title: String,
    /// Bearer token that writes (POST, PATCH) must carry; reads stay open.
    #[arg(long, env = "DATELINE_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// Origin allowed to call the API from a browser (repeat for several; `*` for any).
    #[arg(long = "cors-origin", value_name = "ORIGIN")]
    cors_origins: Vec<String>,
    /// An address the service is reached at besides the one it listens on (behind a proxy,
    /// under a domain name): writes naming another host are refused (repeatable).
    #[arg(long = "public-url", value_name = "URL", value_parser = parse_public_url)]
    public_urls: Vec<url::Url>,
    /// Who may show the app in a frame: CSP frame-ancestors sources, such as
    /// "'self' https://news.example" (default: any page, since embedding is a feature).
    #[arg(long = "frame-ancestors", value_name = "SOURCES", value_parser = parse_frame_ancestors)]
    frame_ancestors: Option<String>,
    /// Let `POST /api/articles` fetch URLs on private, loopback and link-local addresses
    /// (for tests against a local server; off, such URLs are refused).
    #[arg(long)]
    allow_private_fetch: bool,
    /// Megabytes of read responses kept in memory until the store changes (0: none).
    #[arg(long, default_value_t = 64)]
    cache_mb: usize,
}

/// Runs the service until Ctrl-C.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let token = checked_token(args.token)?;
    let writes = if token.is_some() {
        "writes need the bearer token"
    } else {
        "writes are open"
    };
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let local = listener.local_addr()?;
        let state = AppState::open(
            &args.db,
            ServeConfig {
                title: args.title,
                token,
                cors_origins: args.cors_origins,
                cache_bytes: args.cache_mb.saturating_mul(1 << 20),
                bound: Some(local),
                public_urls: args.public_urls,
                request_timeout: Some(std::time::Duration::from_secs(60)),
                frame_ancestors: args.frame_ancestors,
                max_in_flight: crate::server::MAX_IN_FLIGHT,
                allow_private_fetch: args.allow_private_fetch,
            },
        )?;
        println!(
            "Dateline is serving http://{local}/ (store {}; {writes})",
            args.db.display()
        );
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        serve(listener, app(state), Limits::default(), shutdown)
            .await
            .context("the server failed")?;
        Ok(ExitCode::SUCCESS)
    })
}

/// A `--public-url`: an absolute `http(s)` URL with a host.
fn parse_public_url(s: &str) -> Result<url::Url, String> {
    let u = url::Url::parse(s).map_err(|e| format!("{s:?} is not a URL: {e}"))?;
    if !matches!(u.scheme(), "http" | "https") || u.host_str().is_none() {
        return Err(format!("{s:?} is not an http(s) URL with a host"));
    }
    Ok(u)
}

/// A `--frame-ancestors` value: CSP sources, nothing that would end the directive.
fn parse_frame_ancestors(s: &str) -> Result<String, String> {
    let v = s.trim();
    if v.is_empty() || v.contains([';', ',']) || v.chars().any(|c| c.is_control() || !c.is_ascii())
    {
        return Err(format!(
            "{s:?} is not a list of CSP sources (such as \"'self' https://news.example\" or 'none')"
        ));
    }
    Ok(v.to_string())
}

/// The configured token: none when unset or empty; refused when it has spaces (or other
/// whitespace) around it, which a client sending it would lose, or inside it.
fn checked_token(token: Option<String>) -> anyhow::Result<Option<String>> {
    match token {
        None => Ok(None),
        Some(t) if t.is_empty() => Ok(None),
        Some(t) if t.trim() != t || t.chars().any(|c| c.is_whitespace() || c.is_control()) => {
            anyhow::bail!(
                "the token (--token or DATELINE_TOKEN) has spaces or control characters in or around it: give it without them"
            )
        }
        Some(t) => Ok(Some(t)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_with_surrounding_spaces_is_refused_at_start() {
        assert!(checked_token(Some(" s3cret".into())).is_err());
        assert!(checked_token(Some("s3cret\n".into())).is_err());
        assert!(checked_token(Some("   ".into())).is_err());
        assert!(checked_token(Some("s3 cret".into())).is_err());
        assert_eq!(checked_token(Some(String::new())).unwrap(), None);
        assert_eq!(checked_token(None).unwrap(), None);
        assert_eq!(
            checked_token(Some("s3cret".into())).unwrap().as_deref(),
            Some("s3cret")
        );
        assert!(parse_frame_ancestors("'self' https://a.example").is_ok());
        assert!(parse_frame_ancestors("*; script-src *").is_err());
        assert!(parse_public_url("ftp://x.example").is_err());
        assert!(parse_public_url("https://x.example/").is_ok());
    }
}
