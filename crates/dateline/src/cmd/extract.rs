//! `dateline extract`: print one article's events as JSON (the event contract).

use crate::article::{NewArticle, read_text};
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
    /// The article: a UTF-8 text file, or - for standard input.
    file: PathBuf,
}

/// Runs the command.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let article = NewArticle {
        text: read_text(&args.file)?,
        published: args.published,
        lang: args.lang,
        ..NewArticle::default()
    };
    let extraction = article
        .extract()
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.file.display()))?;
    println!("{}", serde_json::to_string_pretty(&extraction)?);
    Ok(ExitCode::SUCCESS)
}
