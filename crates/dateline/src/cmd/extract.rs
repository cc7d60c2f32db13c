//! `dateline extract`: print one article's events as JSON (the event contract).

use crate::article::{from_html, from_txt, read_text};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `dateline extract`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Publication date (YYYY-MM-DD); without it, a date line in the article's header is used.
    #[arg(long)]
    published: Option<String>,
    /// Language (it, en, fr, de, es, pt); detected when absent.
    #[arg(long)]
    lang: Option<String>,
    /// Instead of the JSON, show for every sentence each trigger read in it, the event it
    /// gave and how it was dated, or what blocked it.
    #[arg(long)]
    explain: bool,
    /// The article: a UTF-8 text file (optional front matter), an `.html` page, or - for
    /// standard input.
    file: PathBuf,
}

/// Runs the command.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let raw = read_text(&args.file)?;
    let is_html = args
        .file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    let mut article = if is_html {
        from_html(&raw)
    } else {
        from_txt(&raw)
    }
    .map_err(|e| anyhow::anyhow!("{}: {e:#}", args.file.display()))?;
    if args.published.is_some() {
        article.published = args.published;
    }
    if args.lang.is_some() {
        article.lang = args.lang;
    }
    if args.explain {
        let (_, traces) = article
            .explain()
            .map_err(|e| anyhow::anyhow!("{}: {e}", args.file.display()))?;
        print!("{}", dateline_core::render_traces(&article.text, &traces));
        return Ok(ExitCode::SUCCESS);
    }
    let extraction = article
        .extract()
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.file.display()))?;
    println!("{}", serde_json::to_string_pretty(&extraction)?);
    Ok(ExitCode::SUCCESS)
}
