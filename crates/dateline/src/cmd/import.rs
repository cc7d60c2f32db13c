//! `dateline import`: a curator's hand-made events (TimelineJS JSON or CSV) into the store,
//! merged with the extracted events; curated events win and stay through later ingests.

use crate::import;
use crate::store::{self, Store, read};
use anyhow::Context as _;
use std::io::Read as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `dateline import`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The store (SQLite file; created on first use).
    #[arg(long, default_value = "dateline.db")]
    db: PathBuf,
    /// The story (timeline) to import into; made on first use.
    #[arg(long, default_value = store::DEFAULT_TIMELINE, value_name = "NAME")]
    timeline: String,
    /// Name of the import (importing under the same name replaces it); the file's name by
    /// default.
    #[arg(long)]
    name: Option<String>,
    /// A TimelineJS `.json` or a `.csv` file with the columns of `dateline export --format
    /// csv` (at least `date` and `kind`), or - for standard input.
    file: PathBuf,
}

/// Runs the command.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let stdin = args.file.as_os_str() == "-";
    let bytes = if stdin {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .context("cannot read standard input")?;
        b
    } else {
        std::fs::read(&args.file).with_context(|| format!("cannot read {}", args.file.display()))?
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{} is not UTF-8 text (invalid byte at offset {})",
            args.file.display(),
            e.utf8_error().valid_up_to()
        )
    })?;
    let file_name = if stdin {
        "stdin".to_string()
    } else {
        args.file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| args.file.display().to_string())
    };
    let name = args.name.clone().unwrap_or_else(|| file_name.clone());
    let events = import::parse(&file_name, &text)?;
    let mut store = Store::open(&args.db)?;
    store.create_timeline(&args.timeline)?;
    let outcome = store.import_curated(
        &args.timeline,
        &name,
        &text,
        &chrono::Utc::now().date_naive().to_string(),
        &events,
    )?;
    let total = read::event_count(store.conn(), &args.timeline)?;
    if outcome.unchanged {
        println!(
            "{name}: already imported, unchanged ({} curated events); the timeline {:?} in {} has {total} events",
            outcome.events,
            args.timeline,
            args.db.display()
        );
    } else {
        println!(
            "{name}: {} curated events {} ({} of them decide events already in the timeline); the timeline {:?} in {} has {total} events",
            outcome.events,
            if outcome.replaced {
                "replace the earlier import"
            } else {
                "imported"
            },
            outcome.joined,
            args.timeline,
            args.db.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
