//! The demo seed article (published 2024-09-27): its temporal expressions resolve as the
//! annotation guideline says, and its numbers and durations are not dates.

use chrono::NaiveDate;
use dateline_core::temporal::{Preference, find_mentions};
use dateline_core::{Lang, Precision};

fn seed() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../demo/articles/seed-it.txt"
    );
    std::fs::read_to_string(path).expect("demo seed article")
}

#[test]
fn seed_expressions_resolve_against_the_publication_date() {
    let text = seed();
    let r = NaiveDate::from_ymd_opt(2024, 9, 27).expect("valid date");
    let ms = find_mentions(&text, Lang::It, r, Preference::Past);
    let date_of = |phrase: &str| {
        // The first occurrence as whole words ("a maggio", not "era maggio…").
        let at = text
            .match_indices(phrase)
            .map(|(i, _)| i)
            .find(|&i| {
                let before = text[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric());
                let after = text[i + phrase.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
                before && after
            })
            .unwrap_or_else(|| panic!("{phrase:?} not in the seed"));
        let end = at + phrase.len();
        ms.iter()
            .find(|m| m.start < end && m.end > at)
            .map(|m| (m.date.value.clone(), m.date.precision, m.date.approx))
    };
    let expect = [
        (
            "nelle prime ore di ieri mattina",
            "2024-09-26",
            Precision::Day,
            false,
        ),
        ("a maggio", "2024-05", Precision::Month, false),
        ("a giugno", "2024-06", Precision::Month, false),
        (
            "alla fine dello scorso anno",
            "2023-12",
            Precision::Month,
            true,
        ),
        ("lo scorso anno", "2023", Precision::Year, false),
        ("quest'anno", "2024", Precision::Year, false),
        ("ad oggi", "2024-09-27", Precision::Day, true),
    ];
    for (phrase, value, precision, approx) in expect {
        assert_eq!(
            date_of(phrase),
            Some((value.to_string(), precision, approx)),
            "{phrase}"
        );
    }
    for not_a_date in ["3,4", "1,2", "15%", "1.600", "negli ultimi 3 anni"] {
        assert_eq!(date_of(not_a_date), None, "{not_a_date} is not a date");
    }
}

#[test]
fn durations_are_not_dates() {
    let r = NaiveDate::from_ymd_opt(2024, 9, 27).expect("valid date");
    assert!(find_mentions("for eight years", Lang::En, r, Preference::Past).is_empty());
    assert!(find_mentions("negli ultimi 3 anni", Lang::It, r, Preference::Past).is_empty());
    assert!(find_mentions("negli ultimi anni", Lang::It, r, Preference::Past).is_empty());
}

#[test]
fn a_quoted_relative_word_resolves_against_the_quote_date() {
    let r = NaiveDate::from_ymd_opt(2024, 9, 27).expect("valid date");
    let text = "In a post dated May 17, 2024: \"yesterday was my last day\".";
    let ms = find_mentions(text, Lang::En, r, Preference::Past);
    let y = ms
        .iter()
        .find(|m| &text[m.start..m.end] == "yesterday")
        .expect("yesterday");
    assert_eq!(y.date.value, "2024-05-16");
    assert!(!y.quoted);
    let undated = "She wrote: \"yesterday was my last day\".";
    let ms = find_mentions(undated, Lang::En, r, Preference::Past);
    assert!(ms[0].quoted, "an undated quote marks its relative words");
    assert_eq!(ms[0].date.value, "2024-09-26");
}
