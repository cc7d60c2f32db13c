//! The extraction pipeline: article text and publication date in, dated events out.
//!
//! 1. Check the input (empty, binary, too large) and settle the publication date and language.
//! 2. Split sentences (byte offsets kept) and find people across the article, so that a later
//!    "murati" links to "Mira Murati".
//! 3. In each sentence, match the language's event triggers; each trigger sentence with
//!    people gives one event per person, dated by the sentence's first temporal mention or,
//!    failing that, by the publication date marked approximate (the article's lead event).
//! 4. Keep one event per (kind, person): the one with the most specific date.
//!
//! This is the first slice of the extractor: resignations and appointments. Company figures,
//! negations, quotes and clause-level date attachment come with the full event rules.

use crate::entities::{self, Found};
use crate::error::Error;
use crate::lang::{self, Lang};
use crate::sentence;
use crate::slug::slug;
use crate::tables::{alternation, table};
use crate::temporal::{self, Preference, event_date};
use chrono::NaiveDate;
use dateline_api::{Event, EventDate, EventKind, Evidence, Extraction, Precision};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The largest article text accepted, in bytes (10 MiB).
pub const MAX_TEXT_BYTES: usize = 10 * 1024 * 1024;

/// How far (in bytes) a role title may be from a person's name to be theirs.
const ROLE_REACH: usize = 80;

/// One article to read.
#[derive(Debug, Clone, Copy)]
pub struct ArticleInput<'a> {
    /// The article text (UTF-8).
    pub text: &'a str,
    /// Publication date; when `None`, a date line in the article's header is used.
    pub published: Option<NaiveDate>,
    /// Language; when `None`, it is detected.
    pub lang: Option<Lang>,
}

struct Triggers {
    kind: EventKind,
    regex: Regex,
}

static TRIGGERS: LazyLock<Vec<Vec<Triggers>>> = LazyLock::new(|| {
    Lang::ALL
        .iter()
        .map(|&l| {
            let t = table(l);
            [
                (EventKind::Resignation, t.resignation),
                (EventKind::Appointment, t.appointment),
            ]
            .into_iter()
            .filter(|(_, phrases)| !phrases.is_empty())
            .filter_map(|(kind, phrases)| {
                let body = alternation(phrases.iter().copied());
                Regex::new(&format!(r"(?i)\b{body}"))
                    .ok()
                    .map(|regex| Triggers { kind, regex })
            })
            .collect()
        })
        .collect()
});

/// Checks that `text` is something an article could be.
fn validate(text: &str) -> Result<(), Error> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(Error::TooLarge(text.len()));
    }
    if text.trim().is_empty() {
        return Err(Error::EmptyText);
    }
    let controls = text
        .chars()
        .take(10_000)
        .filter(|&c| c == '\0' || (c.is_control() && !c.is_whitespace()))
        .count();
    if text.contains('\0') || controls * 20 > text.chars().take(10_000).count() {
        return Err(Error::BinaryText);
    }
    Ok(())
}

/// Looks for the publication date in the article's header: one of its first 12 non-empty
/// lines that is nothing but a full date ("2024-09-27", "27 settembre 2024",
/// "September 27, 2024"), in any supported language.
pub fn find_publication_date(text: &str) -> Option<NaiveDate> {
    let any_day = NaiveDate::from_ymd_opt(2000, 1, 1)?;
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && l.len() <= 40)
        .take(12)
        .find_map(|line| {
            Lang::ALL.iter().find_map(|&lang| {
                let ms = temporal::find_mentions(line, lang, any_day, Preference::Past);
                match ms.as_slice() {
                    [m] if m.start == 0
                        && m.end == line.len()
                        && m.date.precision == Precision::Day
                        && m.rule != "relative_day"
                        && m.rule != "weekday" =>
                    {
                        Some(m.first_day)
                    }
                    _ => None,
                }
            })
        })
}

/// Reads one article and returns its events.
///
/// Errors say what was wrong: empty or binary text, text over [`MAX_TEXT_BYTES`], no
/// publication date given or found, or a language that cannot be told.
pub fn extract(input: &ArticleInput<'_>) -> Result<Extraction, Error> {
    let text = input.text;
    validate(text)?;
    let published = input
        .published
        .or_else(|| find_publication_date(text))
        .ok_or(Error::MissingPublicationDate)?;
    let lang = match input.lang {
        Some(l) => l,
        None => {
            lang::detect(text).ok_or_else(|| Error::UnknownLanguage("(not detected)".into()))?
        }
    };
    let lowercase = entities::is_lowercase_text(text);
    let sentences = sentence::split(text);

    // People by full name across the whole article, for linking later surname mentions.
    let mut known: Vec<String> = Vec::new();
    let mut per_sentence: Vec<Vec<Found>> = Vec::with_capacity(sentences.len());
    for s in &sentences {
        let found = entities::full_names(text, (s.start, s.end), lowercase);
        for f in &found {
            if !known.contains(&f.name) {
                known.push(f.name.clone());
            }
        }
        per_sentence.push(found);
    }
    let main_org = most_frequent_org(text);
    let triggers = &TRIGGERS[Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0)];

    let mut events: Vec<Event> = Vec::new();
    for (s, full) in sentences.iter().zip(&per_sentence) {
        let span = (s.start, s.end);
        let sentence_text = s.text(text);
        if !triggers.iter().any(|t| t.regex.is_match(sentence_text)) {
            continue;
        }
        let mut people = full.clone();
        people.extend(entities::surname_mentions(text, span, &known, full));
        if people.is_empty() {
            continue;
        }
        people.sort_by_key(|p| p.start);
        let mentions = temporal::find_mentions(sentence_text, lang, published, Preference::Past);
        let (date, confidence) = match mentions.first() {
            Some(m) => (m.date.clone(), 0.8),
            None => (event_date(published, Precision::Day, true), 0.5),
        };
        let roles = entities::roles(text, span, lang);
        let orgs = entities::organisations(text, span);
        for t in triggers {
            for found in t.regex.find_iter(sentence_text) {
                let trigger = (s.start + found.start(), s.start + found.end());
                for person in subjects(text, &people, trigger, &roles, &orgs) {
                    let role = role_of(text, person, &people, &roles).map(|r| r.name.clone());
                    let org = nearest(&orgs, person)
                        .map(|o| o.name.clone())
                        .or_else(|| main_org.clone());
                    events.push(Event {
                        id: event_id(t.kind, &date, &person.name),
                        kind: t.kind,
                        date: date.clone(),
                        persons: vec![person.name.clone()],
                        org,
                        role,
                        amount: None,
                        count: None,
                        confidence,
                        evidence: Evidence {
                            text: sentence_text.to_string(),
                            start: s.start,
                            end: s.end,
                        },
                    });
                }
            }
        }
    }
    Ok(Extraction {
        lang: lang.code().to_string(),
        published: published.format("%Y-%m-%d").to_string(),
        events: dedupe(events),
    })
}

/// The id of an event: kind, date value and subject, slugged (`resignation-2024-09-26-mira-murati`).
pub fn event_id(kind: EventKind, date: &EventDate, subject: &str) -> String {
    format!("{}-{}-{}", kind.as_str(), date.value, slug(subject))
}

/// Words that may stand between coordinated subjects ("bob mcgrew e il vicepresidente della
/// ricerca barret zoph"), besides role titles and company names.
const COORDINATION: &[&str] = &[
    "also", "anche", "and", "as", "aussi", "de", "del", "della", "der", "di", "die", "e", "ed",
    "el", "et", "i", "il", "la", "le", "lo", "of", "the", "und", "y",
];

/// How far after a trigger a person may stand and still be its subject ("named Jane Doe").
const AFTER_TRIGGER_REACH: usize = 30;

/// The subjects of one trigger: the nearest person before it and the people coordinated
/// with that one; failing that, a person right after it with nothing but articles, roles
/// and companies between ("Acme appointed Jane Doe", "le dimissioni di Jane Doe").
fn subjects<'a>(
    text: &str,
    people: &'a [Found],
    trigger: (usize, usize),
    roles: &[Found],
    orgs: &[Found],
) -> Vec<&'a Found> {
    let before: Vec<&Found> = people.iter().filter(|p| p.end <= trigger.0).collect();
    if let Some((&last, earlier)) = before.split_last() {
        let mut out = vec![last];
        let mut head = last;
        for &p in earlier.iter().rev() {
            if !only_coordination(text, (p.end, head.start), roles, orgs) {
                break;
            }
            out.push(p);
            head = p;
        }
        out.reverse();
        return out;
    }
    people
        .iter()
        .find(|p| p.start >= trigger.1)
        .filter(|p| {
            p.start - trigger.1 <= AFTER_TRIGGER_REACH
                && !text[trigger.1..p.start].contains([',', ';', ':', '.'])
                && only_coordination(text, (trigger.1, p.start), roles, orgs)
        })
        .into_iter()
        .collect()
}

/// Whether `text[gap]` holds only punctuation, coordination words, roles and companies.
fn only_coordination(text: &str, gap: (usize, usize), roles: &[Found], orgs: &[Found]) -> bool {
    let mut rest = String::with_capacity(gap.1.saturating_sub(gap.0));
    let mut i = gap.0;
    for f in roles
        .iter()
        .chain(orgs)
        .filter(|f| f.start >= gap.0 && f.end <= gap.1)
    {
        if f.start >= i {
            rest.push_str(&text[i..f.start]);
            rest.push(' ');
            i = f.end;
        }
    }
    if i < gap.1 {
        rest.push_str(&text[i..gap.1]);
    }
    rest.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .all(|w| {
            COORDINATION
                .binary_search(&w.to_lowercase().as_str())
                .is_ok()
        })
}

/// What may stand between a name and its role title after it ("Jane Doe, CEO",
/// "Jane Doe as CEO", "sarah friar, la direttrice").
const APPOSITION: &[&str] = &[
    "", ",", "(", ", the", ", il", ", la", "as", "as the", "as its", "come", "como", "comme", "als",
];

/// A person's role: a title right before the name ("il direttore finanziario sarah friar",
/// "CEO Jane Doe") with no other person between, or one in apposition right after it
/// ("mira murati, chief technology officer di openai").
fn role_of<'a>(
    text: &str,
    person: &Found,
    people: &[Found],
    roles: &'a [Found],
) -> Option<&'a Found> {
    let preceding = roles
        .iter()
        .filter(|r| r.end <= person.start && person.start - r.end <= ROLE_REACH)
        .filter(|r| {
            !people
                .iter()
                .any(|p| p.start >= r.end && p.end <= person.start)
        })
        .max_by_key(|r| r.end);
    preceding.or_else(|| {
        roles.iter().find(|r| {
            r.start >= person.end && {
                let between = text[person.end..r.start].trim().to_lowercase();
                APPOSITION.contains(&between.as_str())
            }
        })
    })
}

fn nearest<'a>(candidates: &'a [Found], to: &Found) -> Option<&'a Found> {
    candidates
        .iter()
        .map(|c| {
            let gap = if c.end <= to.start {
                to.start - c.end
            } else {
                c.start.saturating_sub(to.end)
            };
            (gap, c)
        })
        .filter(|(gap, _)| *gap <= ROLE_REACH)
        .min_by_key(|(gap, _)| *gap)
        .map(|(_, c)| c)
}

fn most_frequent_org(text: &str) -> Option<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for f in entities::organisations(text, (0, text.len())) {
        *counts.entry(f.name).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(name, _)| name)
}

/// One event per (kind, person): a date the text states beats the publication-date fallback
/// (higher confidence), then the most specific date wins, then the earlier sentence.
fn dedupe(events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for e in events {
        match out
            .iter_mut()
            .find(|o| o.kind == e.kind && o.persons == e.persons)
        {
            Some(existing) => {
                let better = e.confidence > existing.confidence
                    || (e.confidence == existing.confidence
                        && e.date.is_more_specific_than(&existing.date));
                if better {
                    *existing = e;
                }
            }
            None => out.push(e),
        }
    }
    out.sort_by_key(|e| e.evidence.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, published: &str, lang: Option<Lang>) -> Result<Extraction, Error> {
        extract(&ArticleInput {
            text,
            published: NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
            lang,
        })
    }

    #[test]
    fn bad_input_gets_a_clear_error() {
        assert_eq!(run("", "2024-01-01", None), Err(Error::EmptyText));
        assert_eq!(run(" \n ", "2024-01-01", None), Err(Error::EmptyText));
        assert_eq!(run("abc\0def", "2024-01-01", None), Err(Error::BinaryText));
        assert_eq!(
            run("the ceo resigned yesterday", "", None),
            Err(Error::MissingPublicationDate)
        );
        assert!(matches!(
            run("12345 67890", "2024-01-01", None),
            Err(Error::UnknownLanguage(_))
        ));
        let huge = "a".repeat(MAX_TEXT_BYTES + 1);
        assert_eq!(
            run(&huge, "2024-01-01", None),
            Err(Error::TooLarge(MAX_TEXT_BYTES + 1))
        );
    }

    #[test]
    fn publication_date_comes_from_a_header_line() {
        let text = "notizia\n\ntitolo\n\n2024-09-27\n\ncorpo del testo";
        assert_eq!(
            find_publication_date(text),
            NaiveDate::from_ymd_opt(2024, 9, 27)
        );
        assert_eq!(
            find_publication_date("Title\nSeptember 27, 2024\nBody"),
            NaiveDate::from_ymd_opt(2024, 9, 27)
        );
        assert_eq!(find_publication_date("ieri\noggi\ntesto"), None);
    }

    #[test]
    fn coordination_words_are_sorted_for_binary_search() {
        let mut sorted = COORDINATION.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, COORDINATION);
    }

    #[test]
    fn subjects_are_the_people_before_the_trigger_and_their_coordinates() {
        let text = "2024-05-02\n\nAfter Ann Lee spoke, the CFO Bob Hart and the CTO Carl Diaz resigned. \
                    Acme appointed Jane Doe as CEO. Acme said Dana Wu resigned last week. \
                    Facing the resignations, Sam Altman stayed calm.";
        let ex = run(text, "2024-05-02", Some(Lang::En)).unwrap();
        let got: Vec<(String, String, Option<String>)> = ex
            .events
            .iter()
            .map(|e| (e.kind.to_string(), e.persons.join(","), e.role.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("resignation".into(), "Bob Hart".into(), Some("CFO".into())),
                ("resignation".into(), "Carl Diaz".into(), Some("CTO".into())),
                ("appointment".into(), "Jane Doe".into(), Some("CEO".into())),
                ("resignation".into(), "Dana Wu".into(), None),
            ]
        );
    }

    #[test]
    fn a_stated_date_beats_the_publication_fallback_for_the_same_person() {
        let text =
            "On the day of his resignation, Jan Leike posted a thread. In May, Jan Leike resigned.";
        let ex = run(text, "2024-09-27", Some(Lang::En)).unwrap();
        assert_eq!(ex.events.len(), 1);
        assert_eq!(ex.events[0].date.value, "2024-05");
    }

    #[test]
    fn sentences_without_triggers_or_people_give_nothing() {
        let ex = run(
            "Jane Doe visited the plant. The board resigned itself to losses.",
            "2024-01-10",
            None,
        )
        .unwrap();
        assert!(ex.events.is_empty(), "{:?}", ex.events);
    }
}
