//! No input makes the event extractor panic: seeded random text built from the pieces its
//! rules look for (trigger words, roles, names, companies, numbers in every notation,
//! currency signs, quotes, dates) mixed with odd Unicode, in every language, with
//! publication dates near chrono's limits; plus a multi-megabyte article. Every event's
//! evidence offsets must point at its evidence text.

use chrono::NaiveDate;
use dateline_core::{ArticleInput, Error, Lang, extract};

mod common;

use common::Rng;

const PIECES: &[&str] = &[
    " ",
    " ",
    " ",
    ", ",
    ". ",
    ".",
    "\n",
    "\n\n",
    "\"",
    "“",
    "”",
    "«",
    "»",
    "'",
    "’",
    "(",
    ")",
    ":",
    ";",
    "-",
    "…",
    "!",
    "?",
    "%",
    "$",
    "€",
    "£",
    "R$",
    "US$",
    "M€",
    "Md€",
    "0",
    "1",
    "3,4",
    "1.600",
    "1,600",
    "8 000",
    "2024",
    "1955",
    "99999999999999999999",
    "6.6bn",
    "€385m",
    "12.",
    "3.",
    "Mio.",
    "Mrd.",
    "miliardi",
    "milioni",
    "million",
    "billion",
    "Milliarden",
    "dodicimila",
    "three thousand",
    "mille",
    "oltre",
    "more than",
    "über",
    "circa",
    "about",
    "dipendenti",
    "employees",
    "people",
    "salariés",
    "Mitarbeiter",
    "empleados",
    "funcionários",
    "persone",
    "si è dimesso",
    "resigned",
    "stepped down",
    "a démissionné",
    "ist zurückgetreten",
    "dimitió",
    "renunciou",
    "licenziato",
    "fired",
    "ousted",
    "despidió a",
    "demitiu o",
    "nominato",
    "named",
    "appointed",
    "a nommé",
    "ernannte",
    "nombró a",
    "nomeou",
    "will take over",
    "assumerà",
    "valutazione",
    "valued",
    "valued Northwind at",
    "raised",
    "ha raccolto",
    "a levé",
    "eingesammelt",
    "recaudó",
    "captou",
    "revenue",
    "fatturato",
    "chiffre d'affaires",
    "Umsatz",
    "ingresos",
    "receita",
    "lay off",
    "licenziare",
    "streicht",
    "Stellen",
    "posti di lavoro",
    "postes",
    "founded",
    "fondata",
    "gegründet",
    "fundada",
    "acquired",
    "acquisita da",
    "übernahm",
    "compró",
    "adquiriu",
    "was acquired by",
    "not",
    "non",
    "nicht",
    "ne",
    "pas",
    "could",
    "potrebbe",
    "rumours",
    "denied",
    "plans to",
    "ieri",
    "yesterday",
    "hier",
    "gestern",
    "ayer",
    "ontem",
    "a maggio",
    "last March",
    "le 3 mars 2024",
    "am 3. März 2024",
    "el martes un",
    "a été",
    "by 2008",
    "Un anno dopo",
    "Drei Jahre später",
    "a few hours later",
    "il mio ultimo giorno",
    "my last day",
    "Mira Murati",
    "mira murati",
    "Murati",
    "Sam Altman",
    "Jobs",
    "Lucía Herrera",
    "OpenAI",
    "openai",
    "Siemens",
    "Norwerk AG",
    "GM",
    "Vetrofin",
    "chief executive",
    "ceo",
    "amministratrice delegata di",
    "Vorstandschef von",
    "CFO",
    "nata nel",
    "born",
    "\u{feff}",
    "\u{200b}",
    "\u{202e}",
    "İ",
    "ß",
    "ǅ",
    "𝔸",
    "😀",
    "ﬁ",
    "\u{301}",
];

fn random_text(rng: &mut Rng, pieces: usize) -> String {
    let mut s = String::new();
    for _ in 0..pieces {
        s.push_str(rng.pick(PIECES));
        if rng.next().is_multiple_of(3) {
            s.push(' ');
        }
    }
    s
}

/// Extracts (errors are fine: empty, binary, no language…; panics and bad offsets are not)
/// and returns how many events came out.
fn check(text: &str, published: Option<NaiveDate>, lang: Option<Lang>) -> usize {
    let Ok(x) = extract(&ArticleInput {
        text,
        published,
        lang,
    }) else {
        return 0;
    };
    {
        for e in &x.events {
            assert_eq!(
                text.get(e.evidence.start..e.evidence.end),
                Some(e.evidence.text.as_str()),
                "evidence offsets of {} in {text:?}",
                e.id
            );
            assert!(
                follows_contract(&e.date.value),
                "date {:?} of {} (SCHEMA: YYYY, YYYY-MM or YYYY-MM-DD)",
                e.date.value,
                e.id
            );
        }
    }
    x.events.len()
}

/// A date value as the event contract writes it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn follows_contract(value: &str) -> bool {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = value.split('-').collect();
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
        _ => false,
    }
}

#[test]
fn publication_dates_beyond_four_digit_years_are_refused() {
    for published in [NaiveDate::MIN, NaiveDate::MAX] {
        let x = extract(&ArticleInput {
            text: "Mira Murati ha lasciato OpenAI ieri.",
            published: Some(published),
            lang: Some(Lang::It),
        });
        assert!(
            matches!(x, Err(Error::InvalidDate(_))),
            "{published}: {x:?}"
        );
    }
}

#[test]
fn dates_before_year_one_date_no_event() {
    let text = "Nel 49 a.C. Giulio Cesare è stato nominato amministratore delegato di Roma Spa.";
    let published = NaiveDate::from_ymd_opt(2024, 9, 27);
    assert_eq!(check(text, published, Some(Lang::It)), 1);
    let x = extract(&ArticleInput {
        text,
        published,
        lang: Some(Lang::It),
    })
    .expect("extraction");
    assert_ne!(x.events[0].date.value, "-0049");
}

#[test]
fn arbitrary_articles_never_panic() {
    let mut rng = Rng(0x5eed_da7e_11e5_0001);
    let dates = [
        NaiveDate::from_ymd_opt(2024, 9, 27),
        NaiveDate::from_ymd_opt(1, 1, 1),
        NaiveDate::from_ymd_opt(9999, 12, 31),
        None,
    ];
    let langs = [
        None,
        Some(Lang::It),
        Some(Lang::En),
        Some(Lang::Fr),
        Some(Lang::De),
        Some(Lang::Es),
        Some(Lang::Pt),
    ];
    let mut events = 0;
    for round in 0..600 {
        let mut text = random_text(&mut rng, 5 + (round % 60));
        if round.is_multiple_of(50) {
            text.push('\u{0}'); // binary: a clear error
        }
        let published = dates[round % dates.len()];
        let lang = langs[round % langs.len()];
        events += check(&text, published, lang);
        events += check(&text.to_lowercase(), published, lang);
    }
    // The generator must reach the rules, or this test proves nothing: at least one of
    // every twelve of the 1,200 extractions must give an event.
    assert!(
        events > 100,
        "only {events} events from the random articles"
    );
}

#[test]
fn a_multi_megabyte_article_is_read_whole() {
    let mut rng = Rng(0xbead_5eed_0000_0007);
    let mut text = String::new();
    while text.len() < 3 << 20 {
        text.push_str(&random_text(&mut rng, 40));
        text.push_str(". ");
    }
    let events = check(&text, NaiveDate::from_ymd_opt(2024, 9, 27), Some(Lang::It));
    assert!(events > 0, "the big article was read");
}
