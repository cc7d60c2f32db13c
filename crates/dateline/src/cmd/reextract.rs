//! `dateline reextract`: extract every stored article again with this build's extractor and
//! rebuild the timeline, so a store made by an older version catches up. Corrections and
//! curated imports stay.

use crate::store::{Store, read};
use anyhow::Context as _;
use chrono::NaiveDate;
use dateline_core::{ArticleInput, Lang};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `dateline reextract`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The store (SQLite file).
    #[arg(long, default_value = "dateline.db")]
    db: PathBuf,
}

/// Runs the command.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !args.db.exists() {
        anyhow::bail!("no store at {}: ingest articles first", args.db.display());
    }
    let mut store = Store::open(&args.db)?;
    let outcome = store.reextract(|text, published, lang| {
        let published = NaiveDate::parse_from_str(published, "%Y-%m-%d")
            .with_context(|| format!("stored publication date {published:?}"))?;
        let lang: Lang = lang.parse()?;
        Ok(dateline_core::extract(&ArticleInput {
            text,
            published: Some(published),
            lang: Some(lang),
        })?)
    })?;
    let total = read::event_count(store.conn())?;
    println!(
        "re-extracted {} articles ({} kept their events): {} article events before, {} now; the timeline in {} has {total} events",
        outcome.reread,
        outcome.kept,
        outcome.before,
        outcome.after,
        args.db.display()
    );
    Ok(ExitCode::SUCCESS)
}
