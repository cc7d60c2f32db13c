//! `dateline ingest`: read articles (files, folders, standard input) into the store.

use crate::article::{NewArticle, read_text};
use crate::store::{ArticleMeta, Store};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `dateline ingest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The store (SQLite file; created on first use).
    #[arg(long, default_value = "dateline.db")]
    db: PathBuf,
    /// Publication date for articles whose header has none (YYYY-MM-DD).
    #[arg(long)]
    published: Option<String>,
    /// Language of the articles; detected per article when absent.
    #[arg(long)]
    lang: Option<String>,
    /// Files (`.txt`), folders (read recursively) or - for standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

/// Runs the command: every input is tried; the summary says what happened to each.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut files = Vec::new();
    for p in &args.paths {
        collect(p, &mut files)?;
    }
    let mut store = Store::open(&args.db)?;
    let (mut new, mut unchanged, mut events) = (0usize, 0usize, 0usize);
    let mut rejected: Vec<(PathBuf, String)> = Vec::new();
    for file in &files {
        let text = match read_text(file) {
            Ok(t) => t,
            Err(e) => {
                rejected.push((file.clone(), format!("{e:#}")));
                continue;
            }
        };
        let article = NewArticle {
            text,
            published: args.published.clone(),
            lang: args.lang.clone(),
            ..NewArticle::default()
        };
        let extraction = match article.extract() {
            Ok(x) => x,
            Err(e) => {
                rejected.push((file.clone(), e.to_string()));
                continue;
            }
        };
        let title = article.title_or_first_line();
        let meta = ArticleMeta {
            title: title.as_deref(),
            url: None,
        };
        let outcome = store.ingest(&article.text, &meta, &extraction)?;
        if outcome.new {
            new += 1;
            events += outcome.events.len();
        } else {
            unchanged += 1;
        }
    }
    for (file, why) in &rejected {
        eprintln!("rejected {}: {why}", file.display());
    }
    println!(
        "{} articles: {new} new ({events} events), {unchanged} unchanged, {} rejected; store {}",
        files.len(),
        rejected.len(),
        args.db.display()
    );
    Ok(if rejected.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Expands a path: `-` and files as they are, folders into their `.txt` files (sorted).
fn collect(path: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    if path.as_os_str() == "-" || path.is_file() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    if !path.is_dir() {
        anyhow::bail!("{} does not exist", path.display());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            collect(&entry, out)?;
        } else if entry.extension().is_some_and(|e| e == "txt") {
            out.push(entry);
        }
    }
    Ok(())
}
