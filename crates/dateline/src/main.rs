//! `dateline`: extract dated events from news articles, keep them in an embedded SQLite
//! store, and serve the timeline with its web app (embedded in this binary).

mod article;
mod assets;
mod cmd;
mod export;
mod fetch;
mod formats;
mod import;
mod server;
mod store;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Turn news articles into a timeline of dated events.
#[derive(Debug, Parser)]
#[command(name = "dateline", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the events of one article as JSON.
    Extract(cmd::extract::Args),
    /// Print the temporal expressions of a text, resolved, as JSON (or answer JSON Lines).
    Dates(cmd::dates::Args),
    /// Read articles (files, folders, or - for standard input) into the store.
    Ingest(cmd::ingest::Args),
    /// Serve the JSON API and the web app.
    Serve(cmd::serve::Args),
    /// Write the timeline as a static site (embeddable anywhere), TimelineJS, CSV,
    /// iCalendar or JSON Lines.
    Export(cmd::export::Args),
    /// Merge a curator's events (TimelineJS JSON or CSV) into the store; they win over
    /// extracted ones.
    Import(cmd::import::Args),
    /// Extract every stored article again with this version and rebuild the timeline
    /// (corrections and curated imports stay).
    Reextract(cmd::reextract::Args),
    /// List, rename or delete the stories (timelines) of a store.
    Timelines(cmd::timelines::Args),
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                // rusqlite_migration says "Database migrated to version N" on every new
                // store: noise on the CLI's standard error (`RUST_LOG` can ask for it).
                .unwrap_or_else(|_| {
                    tracing_subscriber::EnvFilter::new("info,rusqlite_migration=warn")
                }),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => cmd::extract::run(args),
        Command::Dates(args) => cmd::dates::run(args),
        Command::Ingest(args) => cmd::ingest::run(args),
        Command::Serve(args) => cmd::serve::run(args),
        Command::Export(args) => cmd::export::run(args),
        Command::Import(args) => cmd::import::run(args),
        Command::Reextract(args) => cmd::reextract::run(args),
        Command::Timelines(args) => cmd::timelines::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
