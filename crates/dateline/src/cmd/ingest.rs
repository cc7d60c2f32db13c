//! `dateline ingest`: read articles (files, folders, standard input) into the store.
//!
//! `.txt` files (optional front matter, or metadata in a `NAME.meta.json` beside them),
//! `.html`/`.htm` pages (main text, date and language
//! from the page) and `.jsonl` files (one article a line); `-` reads one `.txt` article from
//! standard input; an `http(s)://` URL is fetched (see [`crate::fetch`]) and read as a page,
//! kept with its URL as the source. Each article is one transaction: an interrupted run leaves every article
//! either fully stored or absent, and running again picks up the rest.

use crate::article::{NewArticle, from_html, from_jsonl_line, from_txt, read_text};
use crate::fetch::Fetcher;
use crate::store::{self, ArticleMeta, Store, TimelineError, read};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `dateline ingest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The store (SQLite file; created on first use).
    #[arg(long, default_value = "dateline.db")]
    db: PathBuf,
    /// The story (timeline) the articles go to; made on first use.
    #[arg(long, default_value = store::DEFAULT_TIMELINE, value_name = "NAME")]
    timeline: String,
    /// Publication date for articles that give none (YYYY-MM-DD); for a URL it wins over
    /// the page's own.
    #[arg(long)]
    published: Option<String>,
    /// Language of articles that give none, detected per article when absent; for a URL
    /// it wins over the page's own.
    #[arg(long)]
    lang: Option<String>,
    /// Fetch URLs on private, loopback and link-local addresses too (for tests against a
    /// local server; off, such URLs are refused).
    #[arg(long)]
    allow_private_fetch: bool,
    /// Files (`.txt`, `.html`, `.jsonl`), folders (read recursively), `http(s)://` URLs
    /// (fetched) or - for standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

/// The file extensions read from folders.
const EXTENSIONS: &[&str] = &["htm", "html", "jsonl", "txt"];

/// Files at least this many show a progress bar (on a terminal).
const PROGRESS_FROM: usize = 20;

/// What the run did, for the summary.
#[derive(Debug, Default)]
struct Tally {
    articles: usize,
    new: usize,
    unchanged: usize,
    events: usize,
    rejected: Vec<(String, String)>,
}

/// Runs the command: every input is tried; the summary says what happened to each.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut files = Vec::new();
    for p in &args.paths {
        collect(p, &mut files)?;
    }
    let mut store = Store::open(&args.db)?;
    store.create_timeline(&args.timeline)?;
    let bar = if files.len() >= PROGRESS_FROM {
        ProgressBar::new(files.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template(
            "{elapsed_precise} [{bar:30}] {pos}/{len} files, {msg} ({eta} left)",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    let mut tally = Tally::default();
    for file in &files {
        ingest_file(&mut store, &args, file, &mut tally)?;
        bar.set_message(format!("{} new articles", tally.new));
        bar.inc(1);
    }
    bar.finish_and_clear();
    for (what, why) in &tally.rejected {
        eprintln!("rejected {what}: {why}");
    }
    let total = read::event_count(store.conn(), &args.timeline)?;
    println!(
        "{} articles: {} new ({} events), {} unchanged, {} rejected; the timeline {:?} in {} has {total} events",
        tally.articles,
        tally.new,
        tally.events,
        tally.unchanged,
        tally.rejected.len(),
        args.timeline,
        args.db.display()
    );
    Ok(if tally.rejected.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Reads one input and stores its articles; only a store failure stops the run.
fn ingest_file(
    store: &mut Store,
    args: &Args,
    file: &Path,
    tally: &mut Tally,
) -> anyhow::Result<()> {
    let name = file.display().to_string();
    if is_url(file) {
        let article = fetch_article(args, &name);
        return ingest_one(store, args, name, article, tally);
    }
    let text = match read_text(file) {
        Ok(t) => t,
        Err(e) => {
            tally.articles += 1;
            tally.rejected.push((name, format!("{e:#}")));
            return Ok(());
        }
    };
    let ext = file
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "jsonl" => {
            for (i, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let what = format!("{name}:{}", i + 1);
                ingest_one(store, args, what, from_jsonl_line(line), tally)?;
            }
            Ok(())
        }
        "html" | "htm" => ingest_one(store, args, name, from_html(&text), tally),
        _ => {
            let article = from_txt(&text).and_then(|a| with_sidecar(file, a));
            ingest_one(store, args, name, article, tally)
        }
    }
}

/// Whether an input names a URL (`scheme://…`) rather than a file: every such input is
/// fetched, so that a scheme other than http(s) gets its own clear refusal.
fn is_url(input: &Path) -> bool {
    input.to_str().is_some_and(|s| {
        s.split_once("://").is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        })
    })
}

/// Fetches the page at `url` and reads it; `--published` and `--lang` win over the page's.
fn fetch_article(args: &Args, url: &str) -> anyhow::Result<NewArticle> {
    let page = Fetcher::new(args.allow_private_fetch).fetch_blocking(url)?;
    NewArticle {
        published: args.published.clone(),
        lang: args.lang.clone(),
        ..NewArticle::default()
    }
    .with_page(&page)
}

/// Fills what a `.txt` article leaves open from `NAME.meta.json` beside it, when there is
/// one (`title`, `published`, `url`, `lang`, `credit` or `license`; other fields are ignored).
fn with_sidecar(file: &Path, mut article: NewArticle) -> anyhow::Result<NewArticle> {
    let sidecar = file.with_extension("meta.json");
    if file.as_os_str() == "-" || !sidecar.is_file() {
        return Ok(article);
    }
    let raw = read_text(&sidecar)?;
    let meta: serde_json::Value = serde_json::from_str(&raw)
        .map_err(|e| anyhow::anyhow!("{}: malformed JSON: {e}", sidecar.display()))?;
    let field = |name: &str| meta.get(name).and_then(|v| v.as_str()).map(str::to_string);
    article.title = article.title.or_else(|| field("title"));
    article.published = article.published.or_else(|| field("published"));
    article.url = article.url.or_else(|| field("url"));
    article.lang = article.lang.or_else(|| field("lang"));
    // `license` as the shared corpus's meta files name it.
    article.credit = article
        .credit
        .or_else(|| field("credit"))
        .or_else(|| field("license"));
    Ok(article)
}

fn ingest_one(
    store: &mut Store,
    args: &Args,
    what: String,
    article: anyhow::Result<NewArticle>,
    tally: &mut Tally,
) -> anyhow::Result<()> {
    tally.articles += 1;
    let mut article = match article {
        Ok(a) => a,
        Err(e) => {
            tally.rejected.push((what, format!("{e:#}")));
            return Ok(());
        }
    };
    if article.published.is_none() {
        article.published.clone_from(&args.published);
    }
    if article.lang.is_none() {
        article.lang.clone_from(&args.lang);
    }
    if let Err(e) = article.check_url() {
        tally.rejected.push((what, e));
        return Ok(());
    }
    let extraction = match article.extract() {
        Ok(x) => x,
        Err(e) => {
            tally.rejected.push((what, e.to_string()));
            return Ok(());
        }
    };
    let title = article.title_or_first_line();
    let meta = ArticleMeta {
        title: title.as_deref(),
        url: article.url.as_deref(),
        credit: article.credit.as_deref(),
    };
    let outcome = match store.ingest(&args.timeline, &article.text, &meta, &extraction) {
        Ok(o) => o,
        Err(e) if e.downcast_ref::<TimelineError>().is_some() => {
            tally.rejected.push((what, format!("{e:#}")));
            return Ok(());
        }
        Err(e) => return Err(e),
    };
    if outcome.new {
        tally.new += 1;
        tally.events += outcome.events.len();
    } else {
        tally.unchanged += 1;
    }
    Ok(())
}

/// Expands a path: `-` and files as they are, folders into their article files (sorted).
fn collect(path: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    if path.as_os_str() == "-" || is_url(path) || path.is_file() {
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
        } else if entry
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(entry);
        }
    }
    Ok(())
}
