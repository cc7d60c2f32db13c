//! The temporal case files: `tests/temporal/<lang>.tsv`, one case a line
//! (`text<TAB>reference<TAB>prefer<TAB>expected`). `expected` is the value of the first
//! mention and its grain (`2024-09-26 day`, `{2019..2022} year` for an interval with an
//! exclusive end, `{2020..} year` for an open one), or `-` when the text holds no date.
//! Written for this project (not copied from any benchmark).
//!
//! The news-register files `tests/temporal/news-<lang>.tsv` have the same columns and are
//! read with [`Options::NEWS`] (the tense of the clause, bare years, decades, parts of a
//! month as the month, reference words); `expected` may end with ` ref` when the mention
//! stands for the reference date ([`Mention::reference`](dateline_core::temporal::Mention)).

use chrono::{NaiveDate, NaiveDateTime};
use dateline_core::Lang;
use dateline_core::temporal::{Options, Preference, TimeValue, find_mentions_with, format_iso};
use std::path::Path;

fn reference(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").unwrap_or_else(|_| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .unwrap_or_else(|e| panic!("bad reference {s:?}: {e}"))
            .and_hms_opt(0, 0, 0)
            .expect("valid date")
    })
}

fn describe(text: &str, lang: Lang, r: NaiveDateTime, prefer: Preference, opts: Options) -> String {
    let ms: Vec<_> = find_mentions_with(text, lang, r, prefer, opts)
        .into_iter()
        .filter(|m| !m.window)
        .collect();
    let Some(m) = ms.first() else {
        return "-".to_string();
    };
    let value = match m.value {
        TimeValue::Instant(t) => format_iso(t, m.grain),
        TimeValue::Interval { from, to } => format!(
            "{{{}..{}}}",
            from.map(|t| format_iso(t, m.grain)).unwrap_or_default(),
            to.map(|t| format_iso(t, m.grain)).unwrap_or_default()
        ),
    };
    let reference = if m.reference && opts == Options::NEWS {
        " ref"
    } else {
        ""
    };
    format!("{value} {}{reference}", m.grain.as_str())
}

#[test]
fn every_language_file_passes() {
    run_files("", Options::default(), 5);
}

#[test]
fn every_news_file_passes() {
    run_files("news-", Options::NEWS, 40);
}

/// Runs `tests/temporal/<prefix><lang>.tsv` for every language with `opts`; each file needs
/// at least `min` cases.
fn run_files(prefix: &str, opts: Options, min: usize) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/temporal");
    let mut failures = Vec::new();
    let mut count = 0;
    for lang in Lang::ALL {
        let path = dir.join(format!("{prefix}{}.tsv", lang.code()));
        let data =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let (mut positive, mut negative) = (0, 0);
        for (n, line) in data.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 4, "{}:{}: four columns", path.display(), n + 1);
            let prefer = match cols[2] {
                "past" => Preference::Past,
                "future" => Preference::Future,
                _ => Preference::Nearest,
            };
            let got = describe(cols[0], lang, reference(cols[1]), prefer, opts);
            if cols[3] == "-" {
                negative += 1;
            } else {
                positive += 1;
            }
            if got != cols[3] {
                failures.push(format!(
                    "{}:{}: {:?} → {got}, expected {}",
                    lang,
                    n + 1,
                    cols[0],
                    cols[3]
                ));
            }
            count += 1;
        }
        assert!(
            positive + negative >= min && positive >= 5 && negative >= 2,
            "{}: each language needs {min} cases, positive and negative",
            path.display()
        );
    }
    assert!(count > 0);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
