//! `dateline timelines`: the stories in a store: list them, rename one (or change its
//! title), delete one.

use crate::store::{self, Store};
use anyhow::bail;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `dateline timelines`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The store (SQLite file).
    #[arg(long, default_value = "dateline.db", global = true)]
    db: PathBuf,
    /// What to do (list when absent).
    #[command(subcommand)]
    action: Option<Action>,
}

/// What `dateline timelines` does.
#[derive(Debug, clap::Subcommand)]
enum Action {
    /// List the stories with their counts and span (the default).
    List {
        /// As JSON, the shape of `GET /api/timelines`.
        #[arg(long)]
        json: bool,
    },
    /// Rename a story (its articles, events and corrections go along) or change its title.
    Rename {
        /// The story's name now.
        name: String,
        /// Its new name (the same when absent).
        new_name: Option<String>,
        /// Its title (shown above its timeline and as the page title); "" clears it.
        #[arg(long)]
        title: Option<String>,
    },
    /// Delete a story with its articles, events and corrections (the default story is
    /// emptied).
    Delete {
        /// The story's name.
        name: String,
    },
}

/// Runs the command.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !args.db.is_file() {
        bail!("no store at {}: ingest articles first", args.db.display());
    }
    let mut store = Store::open(&args.db)?;
    // Written, not printed: a closed pipe (`| head`) is an error, not a panic.
    let mut out = std::io::stdout().lock();
    match args.action.unwrap_or(Action::List { json: false }) {
        Action::List { json } => {
            let all = store::read::timelines(store.conn(), "")?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&all)?)?;
                return Ok(ExitCode::SUCCESS);
            }
            writeln!(out, "name\tarticles\tevents\tfrom\tto\ttitle")?;
            for t in all {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}",
                    t.id,
                    t.articles,
                    t.events,
                    t.from.as_deref().unwrap_or("-"),
                    t.to.as_deref().unwrap_or("-"),
                    t.title
                )?;
            }
        }
        Action::Rename {
            name,
            new_name,
            title,
        } => {
            let new = new_name.unwrap_or_else(|| name.clone());
            if new == name && title.is_none() {
                bail!("give a new name or --title");
            }
            store.rename_timeline(&name, &new, title.as_deref())?;
            if new != name {
                writeln!(out, "renamed the timeline {name:?} to {new:?}")?;
            }
            if let Some(t) = &title {
                writeln!(out, "titled the timeline {new:?} {t:?}")?;
            }
        }
        Action::Delete { name } => {
            let n = store.delete_timeline(&name)?;
            writeln!(out, "deleted the timeline {name:?} ({n} articles)")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
