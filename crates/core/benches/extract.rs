//! Throughput of full event extraction (language detection, sentences, dates, people, rules,
//! dedupe) on the demo seed article repeated to 1 MB, one core.
//! Run with `cargo bench -p dateline-core --bench extract` (not part of `cargo xtask test`).
//!
//! Two shapes are measured: the 1 MB text as one article (worst case for the per-article
//! passes: people linking and dedupe see every repetition) and as many seed-sized articles
//! (the ingest case).

use chrono::NaiveDate;
use dateline_core::{ArticleInput, Lang, extract};
use std::time::Instant;

mod common;

fn main() {
    let (seed, text) = common::seed_and_megabyte();
    let copies = text.len() / (seed.len() + 1);
    let mb = text.len() as f64 / 1e6;
    let published = NaiveDate::from_ymd_opt(2024, 9, 27);

    let one = |t: &str, lang: Option<Lang>| {
        extract(&ArticleInput {
            text: t,
            published,
            lang,
        })
        .map(|x| x.events.len())
        .expect("extraction")
    };

    // Warm up (compiles the tables once).
    let events = one(&text, None);
    report("extract/one 1 MB article", mb, 10, || {
        assert_eq!(one(std::hint::black_box(&text), None), events);
    });
    let per_article = one(&seed, None);
    report(&format!("extract/{copies} seed articles"), mb, 10, || {
        for _ in 0..copies {
            assert_eq!(one(std::hint::black_box(&seed), None), per_article);
        }
    });
    report("extract/one 1 MB article, language given", mb, 10, || {
        assert_eq!(one(std::hint::black_box(&text), Some(Lang::It)), events);
    });
}

fn report(name: &str, mb: f64, runs: u32, mut f: impl FnMut()) {
    let mut best = f64::MAX;
    let start = Instant::now();
    for _ in 0..runs {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed().as_secs_f64());
    }
    let mean = start.elapsed().as_secs_f64() / f64::from(runs);
    println!(
        "{name}: {mb:.2} MB, mean {:.1} ms ({:.1} MB/s), best {:.1} ms ({:.1} MB/s)",
        mean * 1e3,
        mb / mean,
        best * 1e3,
        mb / best
    );
}
