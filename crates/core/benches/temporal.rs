//! Throughput of the temporal module on the demo seed article repeated to 1 MB, one core.
//! Run with `cargo bench -p dateline-core --bench temporal` (not part of `cargo xtask test`).

use chrono::NaiveDate;
use dateline_core::Lang;
use dateline_core::temporal::{Preference, find_mentions};
use std::time::Instant;

mod common;

fn main() {
    let (_, text) = common::seed_and_megabyte();
    let mb = text.len() as f64 / 1e6;
    let r = NaiveDate::from_ymd_opt(2024, 9, 27).expect("date");
    // Warm up (builds the lexicons once).
    let found = find_mentions(&text, Lang::It, r, Preference::Past).len();
    let runs = 10;
    let mut best = f64::MAX;
    let start = Instant::now();
    for _ in 0..runs {
        let t = Instant::now();
        let n = find_mentions(std::hint::black_box(&text), Lang::It, r, Preference::Past).len();
        assert_eq!(n, found);
        best = best.min(t.elapsed().as_secs_f64());
    }
    let mean = start.elapsed().as_secs_f64() / f64::from(runs);
    println!(
        "temporal/find_mentions: {mb:.2} MB, {found} mentions, mean {:.1} ms ({:.1} MB/s), best {:.1} ms ({:.1} MB/s)",
        mean * 1e3,
        mb / mean,
        best * 1e3,
        mb / best
    );
}
