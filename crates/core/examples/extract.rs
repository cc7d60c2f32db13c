//! Prints the events of one article as JSON, with only the core library:
//! `cargo run -p dateline-core --example extract -- [--published YYYY-MM-DD] [--lang xx] [--explain] FILE`
//! (`--explain`: how each trigger was read, sentence by sentence).
//! The `dateline extract` command does the same with the service's file handling; this
//! example lets the extractor be evaluated on its own.

use chrono::NaiveDate;
use dateline_core::{ArticleInput, Lang, explain, extract};

fn main() {
    let mut published = None;
    let mut lang = None;
    let mut file = None;
    let mut with_trace = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--published" => {
                published = args
                    .next()
                    .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
            }
            "--lang" => lang = args.next().and_then(|l| l.parse::<Lang>().ok()),
            "--explain" => with_trace = true,
            _ => file = Some(arg),
        }
    }
    let Some(file) = file else {
        eprintln!("usage: extract [--published YYYY-MM-DD] [--lang xx] [--explain] FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {file}: {e}");
            std::process::exit(1);
        }
    };
    let input = ArticleInput {
        text: &text,
        published,
        lang,
    };
    if with_trace {
        match explain(&input) {
            Ok((_, traces)) => print!("{}", dateline_core::render_traces(&text, &traces)),
            Err(e) => {
                eprintln!("{file}: {e}");
                std::process::exit(1);
            }
        }
        return;
    }
    match extract(&input) {
        Ok(x) => match serde_json::to_string_pretty(&x) {
            Ok(json) => println!("{json}"),
            Err(e) => eprintln!("{e}"),
        },
        Err(e) => {
            eprintln!("{file}: {e}");
            std::process::exit(1);
        }
    }
}
