//! No input makes the temporal module panic: arbitrary UTF-8 built from a seeded generator
//! (digits, separators, table words, odd Unicode), references near chrono's limits, every
//! language and preference, and a multi-megabyte input. Every mention's span is valid.

use chrono::{NaiveDate, NaiveDateTime};
use dateline_core::Lang;
use dateline_core::temporal::{
    Options, Preference, clause_tense, find_mentions, find_mentions_at, find_mentions_with,
};

mod common;

use common::Rng;

const PIECES: &[&str] = &[
    "0",
    "1",
    "12",
    "31",
    "2024",
    "99999",
    "4294967296",
    "/",
    "-",
    ".",
    ":",
    ",",
    "%",
    "'",
    "’",
    " ",
    "  ",
    "\n",
    "\t",
    "ieri",
    "yesterday",
    "maggio",
    "May",
    "lunedì",
    "dal",
    "al",
    "tra",
    "e",
    "between",
    "and",
    "alle",
    "at",
    "pm",
    "h",
    "Uhr",
    "der",
    "fine",
    "end of",
    "last",
    "next",
    "scorso",
    "prossimo",
    "anni",
    "fa",
    "ago",
    "in",
    "Q",
    "Natale",
    "Ramadan",
    "Diwali",
    "Yom Kippur",
    "Chinese New Year",
    "Onam",
    "Parsi New Year",
    "Jamat Ul-Vida",
    "orthodox easter",
    "weekend",
    "mattina",
    "la",
    "il",
    "l'",
    "quest'",
    "º",
    "°",
    "1er",
    "3rd",
    "é\u{301}",
    "\u{0}",
    "\u{200b}",
    "\u{202e}",
    "🙂",
    "中文",
    "ß",
    "İ",
    "ﬁ",
    "\u{fffd}",
    "hace",
    "il y a",
    "vor",
    "há",
    "às",
    "de",
    "du",
    "el",
    "o",
    "um",
    "mezz'ora",
    "metà",
    "Anfang",
    "début",
    "finales",
    "primo",
];

fn references() -> Vec<NaiveDateTime> {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("valid date");
    vec![
        d(2024, 9, 27).and_hms_opt(0, 0, 0).expect("valid date"),
        d(2013, 2, 12).and_hms_opt(4, 30, 0).expect("valid date"),
        d(2024, 2, 29).and_hms_opt(23, 59, 59).expect("valid date"),
        NaiveDateTime::MIN,
        NaiveDateTime::MAX,
        d(1, 1, 1).and_hms_opt(0, 0, 0).expect("valid date"),
        d(9999, 12, 31).and_hms_opt(23, 0, 0).expect("valid date"),
    ]
}

fn check(text: &str, lang: Lang, r: NaiveDateTime, p: Preference) {
    check_spans(text, &find_mentions_at(text, lang, r, p));
    check_spans(text, &find_mentions_with(text, lang, r, p, Options::NEWS));
    // The tense reading takes any span.
    for k in [0, 1, 3, text.len() / 2, text.len(), text.len() + 5] {
        let _ = clause_tense(text, lang, k, k + 2);
    }
}

fn check_spans(text: &str, ms: &[dateline_core::temporal::Mention]) {
    let mut last_end = 0;
    for m in ms {
        assert!(
            m.start < m.end && m.end <= text.len(),
            "{text:?}: bad span {m:?}"
        );
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        assert!(
            m.start >= last_end,
            "{text:?}: overlapping or unsorted mentions"
        );
        last_end = m.end;
    }
}

#[test]
fn arbitrary_text_never_panics() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let refs = references();
    let prefs = [Preference::Past, Preference::Future, Preference::Nearest];
    for case in 0..600 {
        let n = 1 + (rng.next() % 12) as usize;
        let text: String = (0..n).map(|_| rng.pick(PIECES)).collect();
        let lang = Lang::ALL[case % 6];
        let r = refs[(rng.next() % refs.len() as u64) as usize];
        check(&text, lang, r, prefs[case % 3]);
    }
    // Raw bytes, made valid UTF-8 lossily.
    for _ in 0..200 {
        let bytes: Vec<u8> = (0..64).map(|_| (rng.next() & 0xff) as u8).collect();
        let text = String::from_utf8_lossy(&bytes);
        for lang in Lang::ALL {
            check(&text, lang, refs[0], Preference::Past);
        }
    }
}

#[test]
fn extreme_references_and_dates_do_not_panic() {
    let texts = [
        "ieri, domani, l'anno prossimo, a maggio, lunedì, tra 3 anni, 5 anni fa, fine 2024",
        "yesterday, next year, in May, Monday, in 1000000 years, 99999 days ago, Q4 9999",
        "31/12/9999, 1/1/0001, 2024-02-30, 29 febbraio 2023, 0/0/0000, 99:99, 24:00, 25 Uhr",
        "from 9999 to 10000, dal 262143 al 262144, Christmas 262143",
    ];
    for t in texts {
        for r in references() {
            for lang in Lang::ALL {
                for p in [Preference::Past, Preference::Future, Preference::Nearest] {
                    check(t, lang, r, p);
                }
            }
        }
    }
}

#[test]
fn huge_input_is_handled() {
    let unit =
        "Il 27 settembre 2024, ieri mattina alle 15:30, 3,4 miliardi, 1.600 persone, il 15%. ";
    let big = unit.repeat(3_000_000 / unit.len());
    let r = NaiveDate::from_ymd_opt(2024, 9, 27).expect("valid date");
    let ms = find_mentions(&big, Lang::It, r, Preference::Past);
    let copies = big.len() / unit.len();
    assert_eq!(ms.len(), copies * 2, "two dates per copy, no numbers");
    let digits = "7".repeat(1_000_000);
    assert!(find_mentions(&digits, Lang::En, r, Preference::Past).is_empty());
}

#[test]
fn many_lunar_holidays_resolve_alike() {
    // The same lunar feasts many times: every occurrence resolves to the same date (the
    // per-year cache gives what the computation gave).
    let one = "Diwali 2019, Ramadan 2018, Yom Kippur 2018, Chinese New Year 2018. ";
    let text = one.repeat(2000);
    let r = NaiveDate::from_ymd_opt(2024, 9, 27).expect("valid date");
    let ms = find_mentions(&text, Lang::En, r, Preference::Past);
    assert_eq!(ms.len(), 4 * 2000);
    for (k, m) in ms.iter().enumerate() {
        assert_eq!(m.value, ms[k % 4].value, "mention {k}");
    }
}
