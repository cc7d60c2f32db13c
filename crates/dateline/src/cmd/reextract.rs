//! `dateline reextract`: extract every stored article again with this build's extractor and
//! rebuild the timeline, so a store made by an older version catches up. Corrections and
//! curated imports stay.

use crate::store::{self, Store, read};
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
    /// The story (timeline) whose articles to read again.
    #[arg(long, default_value = store::DEFAULT_TIMELINE, value_name = "NAME", conflicts_with = "all")]
    timeline: String,
    /// Every story's articles.
    #[arg(long)]
    all: bool,
}

/// Runs the command.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !args.db.exists() {
        anyhow::bail!("no store at {}: ingest articles first", args.db.display());
    }
    let mut store = Store::open(&args.db)?;
    let only = (!args.all).then_some(args.timeline.as_str());
    let outcome = store.reextract(only, |text, published, lang| {
        let published = NaiveDate::parse_from_str(published, "%Y-%m-%d")
            .with_context(|| format!("stored publication date {published:?}"))?;
        let lang: Lang = lang.parse()?;
        Ok(dateline_core::extract(&ArticleInput {
            text,
            published: Some(published),
            lang: Some(lang),
        })?)
    })?;
    let scope = match only {
        Some(t) => format!(
            "the timeline {t:?} in {} has {} events",
            args.db.display(),
            read::event_count(store.conn(), t)?
        ),
        None => format!("every timeline in {} is rebuilt", args.db.display()),
    };
    println!(
        "re-extracted {} articles ({} kept their events): {} article events before, {} now; {scope}",
        outcome.reread, outcome.kept, outcome.before, outcome.after,
    );
    Ok(ExitCode::SUCCESS)
}
