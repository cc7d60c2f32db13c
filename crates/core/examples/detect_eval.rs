//! Accuracy of the language detector on a folder of texts whose subfolders name their
//! language (`<dir>/<code>/*.txt`), on whole texts and on their first 200 bytes.
//!
//! `cargo run --release -p dateline-core --example detect_eval -- ../shared/corpus/news`

use dateline_core::{Lang, lang};
use std::path::Path;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpus/news".into());
    let mut whole = (0, 0);
    let mut short = (0, 0);
    let mut errors = Vec::new();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("cannot read {dir}");
        std::process::exit(2);
    };
    let mut langs: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    langs.sort();
    for sub in langs {
        let Some(code) = sub.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Ok(want) = code.parse::<Lang>() else {
            continue;
        };
        let mut files: Vec<_> = std::fs::read_dir(&sub)
            .map(|r| r.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        let (mut right, mut all) = (0, 0);
        for f in files
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        {
            let Ok(text) = std::fs::read_to_string(f) else {
                continue;
            };
            let got = lang::detect(&text);
            all += 1;
            if got == Some(want) {
                right += 1;
            } else {
                errors.push(format!("{}: {:?}", name(f), got));
            }
            let mut cut = text.len().min(200);
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            short.1 += 1;
            if lang::detect(&text[..cut]) == Some(want) {
                short.0 += 1;
            }
        }
        println!("{code}: {right}/{all}");
        whole.0 += right;
        whole.1 += all;
    }
    for e in &errors {
        println!("  wrong: {e}");
    }
    let pct = |(r, a): (i32, i32)| {
        if a == 0 {
            0.0
        } else {
            f64::from(r) / f64::from(a)
        }
    };
    println!("whole texts: {}/{} = {:.3}", whole.0, whole.1, pct(whole));
    println!(
        "first 200 bytes: {}/{} = {:.3}",
        short.0,
        short.1,
        pct(short)
    );
}

fn name(p: &Path) -> String {
    p.file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string()
}
