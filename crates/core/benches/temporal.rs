//! Throughput of the temporal module, one core. Run with
//! `cargo bench -p dateline-core --bench temporal` (not part of `cargo xtask test`).
//!
//! - The demo seed article (Italian) repeated to 1 MB: the measure of issue #3.
//! - When `../shared/corpus/news` is there (the shared evaluation material; users who clone
//!   the project alone skip this line): the 73 real news articles (en, es, fr, it), each
//!   with its own language, repeated to 1 MB.

use chrono::NaiveDate;
use dateline_core::Lang;
use dateline_core::temporal::{Preference, find_mentions};
use std::time::Instant;

mod common;

fn main() {
    let r = NaiveDate::from_ymd_opt(2024, 9, 27).expect("date");
    let (_, text) = common::seed_and_megabyte();
    measure("seed, 1 MB", &[(Lang::It, text)], r);
    if let Some(news) = news_megabyte() {
        measure(&format!("{} news articles, 1 MB", news.len()), &news, r);
        for lang in [Lang::En, Lang::Es, Lang::Fr, Lang::It] {
            let one: Vec<_> = news.iter().filter(|(l, _)| *l == lang).cloned().collect();
            measure(&format!("{} {lang} news articles", one.len()), &one, r);
        }
    }
}

/// Times `find_mentions` over the texts: ten runs after a warm-up.
fn measure(name: &str, texts: &[(Lang, String)], r: NaiveDate) {
    let mb = texts.iter().map(|(_, t)| t.len()).sum::<usize>() as f64 / 1e6;
    let all = || {
        texts
            .iter()
            .map(|(lang, t)| {
                find_mentions(std::hint::black_box(t), *lang, r, Preference::Past).len()
            })
            .sum::<usize>()
    };
    // Warm up (builds the lexicons once).
    let found = all();
    let runs = 10;
    let mut best = f64::MAX;
    let start = Instant::now();
    for _ in 0..runs {
        let t = Instant::now();
        assert_eq!(all(), found);
        best = best.min(t.elapsed().as_secs_f64());
    }
    let mean = start.elapsed().as_secs_f64() / f64::from(runs);
    println!(
        "temporal/find_mentions {name}: {mb:.2} MB, {found} mentions, mean {:.1} ms ({:.1} MB/s), best {:.1} ms ({:.1} MB/s)",
        mean * 1e3,
        mb / mean,
        best * 1e3,
        mb / best
    );
}

/// The shared news articles with their language (from their folder), repeated to ~1 MB.
fn news_megabyte() -> Option<Vec<(Lang, String)>> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/news");
    let mut articles = Vec::new();
    for code in ["en", "es", "fr", "it"] {
        let lang = code.parse::<Lang>().ok()?;
        let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/{code}"))
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        for p in paths {
            articles.push((lang, std::fs::read_to_string(p).ok()?));
        }
    }
    let one: usize = articles.iter().map(|(_, t)| t.len()).sum();
    if one == 0 {
        return None;
    }
    let copies = (1 << 20) / one;
    let count = articles.len();
    Some(
        articles
            .into_iter()
            .cycle()
            .take(count * copies.max(1))
            .collect(),
    )
}
