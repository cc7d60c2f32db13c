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
    /// Megabytes of read responses kept in memory until the store changes (0: none).
    #[arg(long, default_value_t = 64)]
    cache_mb: usize,
}

/// Runs the service until Ctrl-C.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let token = args.token.filter(|t| !t.trim().is_empty());
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
