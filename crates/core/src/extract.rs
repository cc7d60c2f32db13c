//! The extraction pipeline: article text and publication date in, dated events out.
//!
//! 1. Check the input (empty, binary, too large); settle the publication date and language.
//! 2. Split sentences (byte offsets kept); find people across the whole article first, so a
//!    later "murati" links to "Mira Murati".
//! 3. In each sentence, match every kind's triggers from the language's [`EventTable`]. A
//!    trigger with a blocker just before it (negation, hypothetical, rumour, denial) is not an
//!    event. Person events take the trigger's subjects; figure events take the amount or
//!    count the trigger governs; acquisitions and foundings take companies.
//! 4. Date each event: the temporal mention nearest its trigger (birth dates excluded); else
//!    the previous event's date when the sentence says "a few hours later"; else the
//!    publication date, marked approximate (a figure stated as of now, or the article's lead
//!    event).
//! 5. Keep one event per real-world event: per (kind, person) for person events, per (kind,
//!    company, figure) for company events; a date the text states beats the fallback, then
//!    the more specific date wins.

use crate::amount::{self, Quantity};
use crate::entities::{self, Found};
use crate::error::Error;
use crate::lang::{self, Lang, PerLang};
use crate::rules::event_table;
use crate::sentence;
use crate::slug::slug;
use crate::tables::{LangTable, alternation};
use crate::temporal::lang::TenseWords;
use crate::temporal::{self, Preference, event_date};
use crate::word_regex::WordRegex;
use chrono::{Datelike, NaiveDate};
use dateline_api::{Amount, Event, EventDate, EventKind, Evidence, Extraction, Precision};
use regex::Regex;
use std::collections::HashMap;

/// The largest article text accepted, in bytes (10 MiB).
pub const MAX_TEXT_BYTES: usize = 10 * 1024 * 1024;

/// How far (in bytes) a role title may be from a person's name to be theirs.
const ROLE_REACH: usize = 80;

/// How far (in bytes) after a figure's trigger, within its clause, a hedge still blocks it.
const FIGURE_BLOCKER_REACH: usize = 80;

/// How far (in bytes) before a trigger a blocker ("non", "could", "if") still blocks it.
const BLOCKER_REACH: usize = 100;

/// How far (in bytes) from its trigger a figure may be.
const FIGURE_REACH: usize = 90;

/// Confidence of an event whose date the sentence states.
const DATED: f32 = 0.8;
/// Confidence of an event dated from context (the previous event, a present-tense figure).
const CONTEXT_DATED: f32 = 0.6;
/// Confidence of an event dated by a bare year in its sentence ("lagen 2022 bei …").
const BARE_YEAR_DATED: f32 = 0.7;
/// Confidence of an event dated by a relative date in a quotation of unknown date.
const QUOTED_DATED: f32 = 0.4;
/// Confidence of an event dated by the publication-date fallback.
const FALLBACK_DATED: f32 = 0.5;

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

/// One language's compiled matchers.
struct Compiled {
    triggers: Vec<(EventKind, WordRegex)>,
    jobs: WordRegex,
    blockers: WordRegex,
    not_negations: WordRegex,
    participles: WordRegex,
    epithets: WordRegex,
    present: WordRegex,
    shortly_after: WordRegex,
    birth: WordRegex,
    pronouns: WordRegex,
    locatives: WordRegex,
    first_person: WordRegex,
    future: WordRegex,
    past: WordRegex,
    people: WordRegex,
    employ: WordRegex,
    employees: WordRegex,
    org_cue: Regex,
    capitalised_nouns: bool,
    agents: WordRegex,
    /// Phrases counting years from the story's date: with the count they stand for, or
    /// `None` when the count is the phrase's `n` group ("five years later").
    years_later: Vec<(Regex, Option<i32>)>,
    since: WordRegex,
    leave: WordRegex,
    plural: WordRegex,
    plural_pronouns: WordRegex,
    number_words: Vec<(Regex, u64)>,
    pro_drop: bool,
    /// The pack's clause words, padded with spaces for matching inside a clause
    /// (" and ", " which ").
    coordinators: Vec<String>,
    relatives: Vec<String>,
    /// Succession words: the object leaves; the object arrives while the subject leaves.
    predecessor: WordRegex,
    successor: WordRegex,
    copulas: WordRegex,
    /// The agent prepositions as words ("by", "par", "von").
    agent_words: WordRegex,
    /// Forecast words, for figures.
    forecast: WordRegex,
    /// Effective-date markers ("effective", "zum", "dal").
    effective: WordRegex,
    /// The pack's word table (coordination and apposition words, honorifics).
    words: &'static crate::tables::LangTable,
    /// The pack's clause words of the date engine (reporting verbs, clause breaks).
    tense: &'static crate::temporal::lang::TenseWords,
}

fn word_regex(phrases: &[&str]) -> WordRegex {
    // The tables are static data, checked by tests: a failure here is a programming error.
    #[allow(clippy::expect_used)]
    WordRegex::phrases(phrases).expect("event table phrases must compile")
}

/// Like [`word_regex`], without the closing word boundary (for stems and phrases that end in
/// a space or a non-word character), and lowercase: for text folded by
/// [`crate::word_regex::fold_case`] (trigger phrases are lowercase, a table test checks it).
fn prefix_regex(phrases: &[&str]) -> WordRegex {
    let body = alternation(phrases.iter().copied());
    #[allow(clippy::expect_used)]
    WordRegex::lowercase(&body, false).expect("event table phrases must compile")
}

/// `phrase` (regex syntax) with room for one of `adverbs` at each space outside a character
/// class: "ha acquistato" also matches "ha già acquistato".
fn with_adverbs(phrase: &str, adverbs: &[&str]) -> String {
    if adverbs.is_empty() {
        return phrase.to_string();
    }
    let slot = format!("(?: (?:{}))? ", alternation(adverbs.iter().copied()));
    let mut out = String::with_capacity(phrase.len() * 2);
    for pc in crate::word_regex::pattern_chars(phrase) {
        match pc.c {
            ' ' if !pc.in_class && !pc.escaped => out.push_str(&slot),
            c => out.push(c),
        }
    }
    out
}

static COMPILED: PerLang<Compiled> = PerLang::new();

/// Compiles one language's matchers.
fn build_compiled(l: Lang) -> Compiled {
    let t = event_table(l);
    Compiled {
        triggers: EventKind::ALL
            .iter()
            .map(|&k| {
                let mut phrases = t.triggers(k).to_vec();
                if k == EventKind::Headcount {
                    phrases.extend(t.people);
                }
                let phrases: Vec<String> =
                    phrases.iter().map(|p| with_adverbs(p, t.adverbs)).collect();
                let phrases: Vec<&str> = phrases.iter().map(String::as_str).collect();
                (k, prefix_regex(&phrases))
            })
            .collect(),
        jobs: word_regex(t.jobs),
        blockers: word_regex(t.blockers),
        not_negations: word_regex(t.not_negations),
        participles: word_regex(t.participles),
        epithets: prefix_regex(t.epithets),
        present: word_regex(t.present),
        shortly_after: word_regex(t.shortly_after),
        birth: word_regex(t.birth),
        pronouns: word_regex(t.pronouns),
        locatives: word_regex(t.locatives),
        first_person: word_regex(t.first_person),
        future: word_regex(t.future),
        past: word_regex(t.past),
        people: word_regex(t.people),
        employ: word_regex(t.employ),
        employees: word_regex(t.employees),
        org_cue: {
            let roles = alternation(t.roles.iter().map(|r| r.0));
            let (elided, spaced): (Vec<&str>, Vec<&str>) = t
                .org_cues
                .iter()
                .flat_map(|c| c.split('|'))
                .partition(|c| c.ends_with('\''));
            let mut cue = format!(r"{}\s+", alternation(spaced));
            if !elided.is_empty() {
                cue = format!("(?:{cue}|{})", alternation(elided));
            }
            // Lowercase, for folded text; the tables are checked by tests. No `\b`
            // (it keeps the regex off the fast engines on accented text): the
            // role's start boundary is checked where the regex is used.
            #[allow(clippy::expect_used)]
            Regex::new(&format!(
                r"{roles}\s+{cue}(?P<org>[\p{{L}}\p{{N}}][\p{{L}}\p{{N}}&-]*)"
            ))
            .expect("role and cue phrases must compile")
        },
        capitalised_nouns: t.capitalised_nouns,
        agents: {
            let body = alternation(t.agents.iter().copied());
            #[allow(clippy::expect_used)]
            WordRegex::new(&format!(r"{body}\s*$"), false).expect("agent words must compile")
        },
        since: word_regex(t.since),
        leave: word_regex(t.leave),
        plural: word_regex(t.plural),
        plural_pronouns: word_regex(t.plural_pronouns),
        years_later: {
            let number = format!(
                r"(?P<n>\d{{1,2}}|{})",
                alternation(t.figure_numbers().iter().map(|w| w.0.as_str()))
            );
            // Captures need the regex's own boundaries; ASCII ones keep it on the fast
            // engines (the phrases start and end in ASCII letters or digits in every table).
            #[allow(clippy::expect_used)]
            let compile = |p: &str, body: &str| {
                // An edge in a non-ASCII letter ("cette année-là") has no ASCII boundary.
                let edge = |c: Option<char>| {
                    if c.is_some_and(|c| c.is_ascii_alphanumeric()) {
                        r"(?-u:\b)"
                    } else {
                        ""
                    }
                };
                let (first, last) = (edge(p.chars().next()), edge(p.chars().last()));
                Regex::new(&format!(r"(?i){first}{}{last}", alternation([body])))
                    .expect("years-later patterns must compile")
            };
            let counted = t.years_later.iter().flat_map(|p| p.split('|'));
            let fixed = |phrases: &'static [&'static str], n: i32| {
                phrases
                    .iter()
                    .flat_map(|p| p.split('|'))
                    .map(move |p| (p, Some(n)))
            };
            counted
                .map(|p| (compile(p, &p.replace('N', &number)), None))
                .chain(fixed(t.next_year, 1).map(|(p, n)| (compile(p, p), n)))
                .chain(fixed(t.same_year, 0).map(|(p, n)| (compile(p, p), n)))
                .collect()
        },
        number_words: t
            .figure_numbers()
            .iter()
            .filter_map(|(w, n)| Regex::new(&format!("(?i)^(?:{w})$")).ok().map(|r| (r, *n)))
            .collect(),
        pro_drop: t.pro_drop,
        predecessor: prefix_regex(t.predecessor),
        successor: prefix_regex(t.successor),
        copulas: {
            let phrases: Vec<String> = t
                .copulas
                .iter()
                .map(|p| with_adverbs(p, t.adverbs))
                .collect();
            prefix_regex(&phrases.iter().map(String::as_str).collect::<Vec<_>>())
        },
        effective: word_regex(t.effective),
        forecast: word_regex(t.forecast),
        agent_words: word_regex(t.agents),
        coordinators: padded(crate::lang::pack(l).words.coordinators),
        relatives: padded(crate::lang::pack(l).words.relatives),
        words: crate::lang::pack(l).words,
        tense: crate::lang::pack(l).dates.tense,
    }
}

/// Words with a space on each side, to find them inside a clause.
fn padded(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| format!(" {w} ")).collect()
}

fn compiled(lang: Lang) -> &'static Compiled {
    COMPILED.get(lang, build_compiled)
}

/// Checks that `text` is something an article could be.
fn validate(text: &str) -> Result<(), Error> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(Error::TooLarge(text.len()));
    }
    if text.trim().is_empty() {
        return Err(Error::EmptyText);
    }
    let sample = text.chars().take(10_000);
    let (mut controls, mut total) = (0usize, 0usize);
    for c in sample {
        total += 1;
        if c == '\0' || (c.is_control() && !c.is_whitespace()) {
            controls += 1;
        }
    }
    if text.contains('\0') || controls * 20 > total {
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

/// What one sentence holds, found once and shared by every trigger in it.
struct SentenceFacts<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    people: Vec<Found>,
    roles: Vec<Found>,
    orgs: Vec<Found>,
    quantities: Vec<Quantity>,
    dates: Vec<temporal::Mention>,
    /// Spans (into the article) of phrases dated from the story, not from publication:
    /// "a few hours later", "N years later".
    story_relative: Vec<(usize, usize)>,
    /// The spans of `dates`, each with the effective-date marker leading it ([`date_spans`]).
    date_spans: Vec<(usize, usize)>,
}

/// What the story has said before the current trigger.
#[derive(Debug, Default, Clone)]
struct StoryContext {
    /// The date of the previous event told to the day or month (else of the previous one).
    previous: Option<EventDate>,
    /// The person the article is talking about (the last one named).
    salient: Option<String>,
    /// The people the story last named together ("Ana Ruiz and Tom Berg"), for a later
    /// "they" or "the pair".
    group: Vec<String>,
    /// The year of the last date the story gave.
    narrative_year: Option<i32>,
    /// The roles the story has given people so far (person, short role), latest last.
    roles: Vec<(String, String)>,
}

impl StoryContext {
    /// The one person the story has given `role`, if exactly one.
    fn holder_of(&self, role: &str) -> Option<&str> {
        let mut holders = self
            .roles
            .iter()
            .filter(|(_, r)| r == role)
            .map(|(p, _)| p.as_str());
        let first = holders.next()?;
        holders.all(|p| p == first).then_some(first)
    }

    /// The role the story last gave `person`.
    fn role_of(&self, person: &str) -> Option<&str> {
        self.roles
            .iter()
            .rev()
            .find(|(p, _)| p == person)
            .map(|(_, r)| r.as_str())
    }
}

/// The article-wide context the rules read.
struct Article<'a> {
    text: &'a str,
    /// `text` case-folded with the same byte offsets, for the lowercase trigger regexes.
    folded: &'a str,
    compiled: &'static Compiled,
    published: NaiveDate,
    main_org: Option<String>,
    lang: Lang,
    /// Capitalised words that name a company without a legal form in a language that
    /// capitalises its nouns ([`bare_company_names`]).
    bare_names: Vec<String>,
}

/// Reads one article and returns its events.
///
/// Errors say what was wrong: empty or binary text, text over [`MAX_TEXT_BYTES`], no
/// publication date given or found, or a language that cannot be told.
pub fn extract(input: &ArticleInput<'_>) -> Result<Extraction, Error> {
    run(input, None)
}

/// How one trigger was read: what `dateline extract --explain` shows for each sentence.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Trace {
    /// The sentence, as byte offsets into the article.
    pub sentence: (usize, usize),
    /// The kind the trigger announces.
    pub kind: EventKind,
    /// The trigger as written ("si è dimesso", "was replaced by").
    pub trigger: String,
    /// What came of it, in one line: the event and how it was dated, or why none.
    pub outcome: String,
}

/// [`extract`], with how every trigger of every sentence was read: the events it gave and
/// the date each took (and from what), or the blocker or missing slot that stopped it.
pub fn explain(input: &ArticleInput<'_>) -> Result<(Extraction, Vec<Trace>), Error> {
    let mut traces = Vec::new();
    let extraction = run(input, Some(&mut traces))?;
    for t in &mut traces {
        // Events merged into another mention of the same event say so.
        if let Some(id) = t
            .outcome
            .strip_prefix("event ")
            .and_then(|r| r.split(' ').next())
            && !extraction.events.iter().any(|e| e.id == id)
        {
            t.outcome
                .push_str("; merged into another mention of the same event");
        }
    }
    Ok((extraction, traces))
}

/// The traces as text, each sentence once, then one line per trigger read in it:
/// `[kind] 'trigger': outcome`.
pub fn render_traces(text: &str, traces: &[Trace]) -> String {
    let mut out = String::new();
    let mut last = None;
    for t in traces {
        if last != Some(t.sentence) {
            let sentence = text.get(t.sentence.0..t.sentence.1).unwrap_or("");
            out.push_str(sentence.trim());
            out.push('\n');
            last = Some(t.sentence);
        }
        out.push_str(&format!("  [{}] '{}': {}\n", t.kind, t.trigger, t.outcome));
    }
    out
}

/// One line saying how an event was dated, from the confidence its dating gave it.
fn dating_reason(article: &Article<'_>, facts: &SentenceFacts<'_>, e: &Event) -> String {
    let stated = facts
        .dates
        .iter()
        .find(|m| m.date.value == e.date.value || e.date.value.starts_with(&m.date.value))
        .map(|m| format!("'{}'", &article.text[m.start..m.end]));
    let how = if e.confidence >= DATED {
        match stated {
            Some(m) => format!("dated by {m} in its sentence"),
            None => "dated by a date of its sentence read forward (a future clause or an \
                     effective date), or counted from the story ('N years later')"
                .to_string(),
        }
    } else if e.confidence >= BARE_YEAR_DATED {
        "dated by a bare year in its sentence".to_string()
    } else if e.confidence >= CONTEXT_DATED {
        "dated by the story's previous event or as a figure stated as of now".to_string()
    } else if e.confidence >= FALLBACK_DATED {
        "no date in its sentence: the publication date, approximate".to_string()
    } else {
        "dated by a relative date in a quotation of unknown date (weak)".to_string()
    };
    let who = if e.persons.is_empty() {
        e.org.clone().unwrap_or_default()
    } else {
        e.persons.join(", ")
    };
    format!("event {} ({who}) {}, {how}", e.id, e.date.value)
}

fn run(input: &ArticleInput<'_>, mut trace: Option<&mut Vec<Trace>>) -> Result<Extraction, Error> {
    let text = input.text;
    validate(text)?;
    let published = input
        .published
        .or_else(|| find_publication_date(text))
        .ok_or(Error::MissingPublicationDate)?;
    // Event dates are written with four-digit years (SCHEMA: YYYY-MM-DD).
    if !(1..=9999).contains(&published.year()) {
        return Err(Error::InvalidDate(published.to_string()));
    }
    let lang = match input.lang {
        Some(l) => l,
        None => {
            lang::detect(text).ok_or_else(|| Error::UnknownLanguage("(not detected)".into()))?
        }
    };
    let lowercase = entities::is_lowercase_text(text);
    let sentences = sentence::split(text);

    // People by full name across the whole article, for linking later surname mentions.
    let mut known = entities::KnownPeople::default();
    let mut full_names: Vec<Vec<Found>> = Vec::with_capacity(sentences.len());
    let words_of: Vec<entities::SentenceWords<'_>> = sentences
        .iter()
        .map(|s| entities::sentence_words(text, (s.start, s.end)))
        .collect();
    for (s, words) in sentences.iter().zip(&words_of) {
        let mut found = entities::full_names_in(text, (s.start, s.end), words, lowercase, lang);
        if !lowercase {
            // Names the lexicon misses, told by a role next to them ("CEO Xiaoling Zhou").
            let roles = entities::roles(text, (s.start, s.end), lang);
            if !roles.is_empty() {
                let cued = entities::role_cued_names(text, (s.start, s.end), &roles, &found);
                found.extend(cued);
                found.sort_by_key(|f| f.start);
            }
        }
        // "lo steve jobs dell'ia": a name used as a kind is nobody in the story.
        found.retain(|f| !is_antonomasia(text, f, compiled(lang).words));
        for f in &found {
            known.add(&f.name);
        }
        full_names.push(found);
    }
    // Each sentence's people: full names, then surnames of people named in full anywhere.
    let people_of: Vec<Vec<Found>> = sentences
        .iter()
        .zip(full_names)
        .zip(&words_of)
        .map(|((s, mut people), words)| {
            let span = (s.start, s.end);
            let surnames = entities::surname_mentions_in(span, words, &known, &people, lowercase);
            people.extend(surnames);
            people.sort_by_key(|p| p.start);
            people
        })
        .collect();
    // The company lexicon over the whole text once, as sorted spans, with the companies
    // lowercase text names only through a role ("amministratrice delegata di vetrofin").
    let folded = crate::word_regex::fold_case(text);
    let lexicon_orgs = entities::organisations_in(text, &folded, (0, text.len()));
    // Also in German, whose capitalised nouns tell no names ("Vorstandschef von Hansa
    // Logistik").
    let cue_orgs = if lowercase || compiled(lang).capitalised_nouns {
        cue_organisations(text, &folded, lang, &lexicon_orgs, !lowercase)
    } else {
        Vec::new()
    };
    let article = Article {
        text,
        folded: &folded,
        compiled: compiled(lang),
        published,
        main_org: None,
        lang,
        bare_names: if compiled(lang).capitalised_nouns && !lowercase {
            bare_company_names(text, lang, published, &people_of)
        } else {
            Vec::new()
        },
    };
    let article = Article {
        main_org: main_org(&article, &sentences, &people_of, &lexicon_orgs, lowercase)
            .or_else(|| most_frequent(&cue_orgs)),
        ..article
    };

    // Every kind's triggers over the whole text in one pass each (cheaper than a search per
    // sentence), as sorted spans.
    let triggers: Vec<(EventKind, Vec<(usize, usize)>)> = article
        .compiled
        .triggers
        .iter()
        .map(|(kind, regex)| (*kind, regex.find_iter(&folded).collect()))
        .collect();
    // Dates over the whole text at once: a quotation spanning sentences is seen whole, so a
    // relative word inside a dated quote resolves against the quote's date.
    let mut all_dates = temporal::find_mentions(text, lang, published, Preference::Past);
    // The event contract writes years with four digits: "44 a.C." dates no event.
    all_dates.retain(|m| (1..=9999).contains(&m.first_day.year()));
    all_dates.sort_by_key(|m| m.start);
    let mut events: Vec<Event> = Vec::new();
    let mut story = StoryContext::default();
    for (s, people) in sentences.iter().zip(people_of) {
        let sentence_text = s.text(text);
        let span = (s.start, s.end);
        // A date word inside a name is part of the name: "Ingrid Sommer", "Lukas Winter",
        // "Peter Mai".
        let dates: Vec<temporal::Mention> = within(&all_dates, span, |m| (m.start, m.end))
            .filter(|m| !people.iter().any(|p| p.start <= m.start && m.end <= p.end))
            .cloned()
            .collect();
        // This sentence's triggers, kind by kind, in text order within each kind.
        let mut found: Vec<(EventKind, (usize, usize))> = triggers
            .iter()
            .flat_map(|(kind, spans)| within(spans, span, |&t| t).map(|&t| (*kind, t)))
            .collect();
        // Succession frames ("succeeds X", "was replaced by Y"), in text order.
        let sentence_folded = &folded[s.start..s.end];
        let mut frames: Vec<(Frame, (usize, usize))> = article
            .compiled
            .predecessor
            .find_iter(sentence_folded)
            .map(|t| (Frame::Predecessor, t))
            .map(|(f, (a, b))| (f, (s.start + a, s.start + b)))
            .collect();
        // A passive names its agent after a date too ("was replaced on Sunday by", "è stata
        // sostituita a gennaio da"): the successor frames are looked for with the dates left
        // out.
        let (undated, offsets) = without_spans(sentence_folded, s.start, &dates);
        frames.extend(
            article
                .compiled
                .successor
                .find_iter(&undated)
                .map(|(a, b)| (Frame::Successor, (offsets[a], offsets[b - 1] + 1))),
        );
        frames.sort_by_key(|(_, t)| *t);
        let tenure = dates.iter().any(|m| m.rule == "since");
        let leaving = article.compiled.leave.is_match(sentence_folded);
        if found.is_empty() && frames.is_empty() && !tenure && !leaving {
            // The roles of the people named, for a later "the chief executive" to find.
            let roles = if people.is_empty() {
                Vec::new()
            } else {
                entities::roles(text, span, lang)
            };
            update_story(&mut story, &article, span, &people, &roles, &dates);
            continue;
        }
        let mut orgs: Vec<Found> = within(&lexicon_orgs, span, |o| (o.start, o.end))
            .chain(within(&cue_orgs, span, |o| (o.start, o.end)))
            .cloned()
            .collect();
        let roles = entities::roles(text, span, lang);
        for mut candidate in org_candidates(&article, span, lowercase) {
            // "Ieri Vetrofin ha deciso …": a date opening the run is not part of the name.
            if let Some(m) = dates.iter().find(|m| {
                m.start <= candidate.start && m.end > candidate.start && m.end < candidate.end
            }) {
                let rest = text[m.end..candidate.end].trim_start();
                candidate.start = candidate.end - rest.len();
                candidate.name = rest.to_string();
            }
            let overlaps = |a: usize, b: usize| candidate.start < b && candidate.end > a;
            if !orgs.iter().any(|f| overlaps(f.start, f.end))
                && !people.iter().any(|f| overlaps(f.start, f.end))
                && !dates.iter().any(|m| overlaps(m.start, m.end))
                && !roles.iter().any(|f| overlaps(f.start, f.end))
            {
                orgs.push(candidate);
            }
        }
        orgs.sort_by_key(|o| o.start);
        let facts = SentenceFacts {
            text: sentence_text,
            start: s.start,
            end: s.end,
            people,
            roles,
            orgs,
            // Only company events read figures; person events skip the search.
            // A number inside a date ("na segunda-feira (6)", "in 2 weeks") counts nothing.
            quantities: if found.iter().any(|(kind, _)| !kind.is_personal()) {
                let mut quantities = amount::find_quantities(text, span, lang);
                quantities.retain(|q| {
                    q.year_like || !dates.iter().any(|m| m.start <= q.start && q.end <= m.end)
                });
                quantities
            } else {
                Vec::new()
            },
            story_relative: article
                .compiled
                .shortly_after
                .find_iter(sentence_text)
                .chain(
                    years_later_in(&article, sentence_text, 0)
                        .into_iter()
                        .map(|y| (y.start, y.end)),
                )
                .map(|(a, b)| (s.start + a, s.start + b))
                .collect(),
            date_spans: date_spans(&article, &dates, s.start),
            dates,
        };
        if leaving {
            found.extend(
                company_left(&article, &facts)
                    .into_iter()
                    .filter(|t| {
                        !found
                            .iter()
                            .any(|(k, f)| k.is_personal() && f.0 < t.1 && t.0 < f.1)
                    })
                    .map(|t| (EventKind::Resignation, t))
                    .collect::<Vec<_>>(),
            );
        }
        let before = events.len();
        // Outcomes are written only when explaining: extraction itself pays nothing.
        let mut note = |kind: EventKind, at: (usize, usize), outcome: &dyn Fn() -> String| {
            if let Some(t) = trace.as_deref_mut() {
                t.push(Trace {
                    sentence: (s.start, s.end),
                    kind,
                    trigger: text[at.0..at.1].to_string(),
                    outcome: outcome(),
                });
            }
        };
        for (kind, trigger) in found {
            // "was replaced on Sunday by X": the succession frame says who left and who
            // came; the verb alone would take its subject for the newcomer.
            let in_succession = frames.iter().any(|(f, m)| {
                matches!(f, Frame::Successor) && m.0 <= trigger.0 && trigger.1 <= m.1
            });
            if in_succession && kind == EventKind::Appointment {
                note(kind, trigger, &|| {
                    "left to its succession frame".to_string()
                });
                continue;
            }
            if let Some(b) = blocker(&article, &facts, kind, trigger) {
                note(kind, trigger, &|| format!("blocked by '{b}' in its clause"));
                continue;
            }
            // "The same day", "hours later": the last event told to the day or month, not
            // a year of the company's history told in between ("founded in 2014").
            story.previous = events[..before]
                .iter()
                .rev()
                .find(|e| e.date.precision != Precision::Year)
                .or(events[..before].last())
                .map(|e| e.date.clone());
            let new = events_for(&article, &facts, kind, trigger, &story);
            if new.is_empty() {
                let missing = if kind.is_personal() {
                    "no person in its slots"
                } else {
                    "no figure or company it governs"
                };
                note(kind, trigger, &|| format!("no event: {missing}"));
            }
            for e in &new {
                note(kind, trigger, &|| dating_reason(&article, &facts, e));
            }
            events.extend(new);
        }
        for (frame, marker) in frames {
            let label = match frame {
                Frame::Predecessor => "succession (the object leaves)",
                Frame::Successor => "succession (the object arrives)",
            };
            if let Some(b) = blocker(&article, &facts, EventKind::Resignation, marker) {
                note(EventKind::Resignation, marker, &|| {
                    format!("{label}: blocked by '{b}'")
                });
                continue;
            }
            // A person this sentence already gave the same kind of event keeps that one:
            // the frame's own date may be another clause's ("en remplacement de X, partie
            // en janvier").
            let made: Vec<(EventKind, Vec<String>)> = events[before..]
                .iter()
                .map(|e| (e.kind, e.persons.clone()))
                .collect();
            let new: Vec<Event> = frame_events(&article, &facts, frame, marker, &story)
                .into_iter()
                .filter(|e| !made.contains(&(e.kind, e.persons.clone())))
                .collect();
            if new.is_empty() {
                note(EventKind::Resignation, marker, &|| {
                    format!("{label}: no person after it")
                });
            }
            for e in &new {
                note(e.kind, marker, &|| {
                    format!("{label}: {}", dating_reason(&article, &facts, e))
                });
            }
            events.extend(new);
        }
        if tenure {
            for e in tenure_events(&article, &facts, &story) {
                note(EventKind::Appointment, e.1, &|| {
                    format!("a role held since a date: {}", e.0.date.value)
                });
                events.push(e.0);
            }
        }
        if let Some(e) = events[before..]
            .iter()
            .rev()
            .find(|e| !e.persons.is_empty())
        {
            story.salient = e.persons.last().cloned();
        }
        update_story(
            &mut story,
            &article,
            span,
            &facts.people,
            &facts.roles,
            &facts.dates,
        );
    }
    // Arithmetic near the ends of the calendar (a story "a year later" in an article of
    // 9999) can leave the four-digit years of the contract: such an event is left out.
    events.retain(|e| !e.date.value.starts_with(['-', '+']));
    Ok(Extraction {
        lang: lang.code().to_string(),
        published: published.format("%Y-%m-%d").to_string(),
        events: dedupe(events),
    })
}

/// The leave verbs of a sentence whose object is a company the article names: "left Velia
/// in 2014", "ha lasciato Ferraudi", "quitte l'opérateur Orsa", "saiu da Velia". A leave
/// verb with any other object ("left the meeting", "lascia un vuoto") is no departure.
fn company_left(article: &Article<'_>, facts: &SentenceFacts<'_>) -> Vec<(usize, usize)> {
    let folded = &article.folded[facts.start..facts.end];
    let words = article.compiled.words;
    article
        .compiled
        .leave
        .find_iter(folded)
        .map(|(a, b)| (facts.start + a, facts.start + b))
        .filter(|&(_, end)| {
            // The company right after the verb, past one article or "of" word at most.
            let rest = &article.text[end..facts.end];
            let trimmed = rest.trim_start();
            let mut at = end + (rest.len() - trimmed.len());
            let first = trimmed
                .split(|c: char| c.is_whitespace())
                .next()
                .unwrap_or("")
                .to_lowercase();
            let elided = words
                .articles
                .iter()
                .find(|a| a.ends_with('\'') && first.starts_with(*a) && first.len() > a.len());
            if let Some(a) = elided {
                at += a.len();
            } else if words.articles.contains(&first.as_str())
                || words.of_words.contains(&first.as_str())
            {
                let next = &article.text[at + first.len()..facts.end];
                at += first.len() + (next.len() - next.trim_start().len());
            }
            facts
                .orgs
                .iter()
                .any(|o| o.start == at && !named_as_place(article, &o.name))
        })
        .collect()
}

/// Whether the article writes `name` after a locative anywhere ("grew up in Boston"): a
/// place, not a company one leaves.
fn named_as_place(article: &Article<'_>, name: &str) -> bool {
    article
        .text
        .match_indices(name)
        .any(|(at, _)| after_locative(article, &article.text[..at]))
}

/// Whether `before` (the text up to a name) ends in a locative word ("in", "a", "à"): the
/// name after it is a place.
fn after_locative(article: &Article<'_>, before: &str) -> bool {
    let before = before.trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    !word.is_empty()
        && before.ends_with(word)
        && article
            .compiled
            .locatives
            .find_at(word, 0)
            .is_some_and(|(s, e)| s == 0 && e == word.len())
}

/// Whether a date's text writes a year (a run of three or more digits): "2 settembre"
/// does not, "2 settembre 2013" does.
fn writes_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() >= 3)
}

/// How far (in bytes) a role may stand from the "since" date of its tenure ("CFO since
/// 2015", "è dal 2021 direttrice finanziaria").
const TENURE_REACH: usize = 40;

/// Whether only a tenure's words stand between a role and its "since" date: function words
/// ("has been", "è", "ist"), names, and a noun after an "of" word ("of the group", "do
/// grupo"). Another verb makes them two clauses ("has lived in Denver since 2015 and now
/// advises the chief executive", "Dal 1° ottobre X prenderà il posto dell'amministratore").
fn tenure_words_only(
    article: &Article<'_>,
    facts: &SentenceFacts<'_>,
    role: (usize, usize),
    date: (usize, usize),
) -> bool {
    let (from, to) = if role.1 <= date.0 {
        (role.1, date.0)
    } else {
        (date.1, role.0)
    };
    let words = article.compiled.words;
    let named = |a: usize, b: usize| {
        facts
            .people
            .iter()
            .chain(&facts.orgs)
            .any(|p| p.start <= a && b <= p.end)
    };
    let mut after_of = false;
    let mut at = from;
    for w in article.text[from..to].split(|c: char| !c.is_alphanumeric() && c != '\'') {
        let (a, b) = (at, at + w.len());
        at = b + article.text[b..].chars().next().map_or(0, char::len_utf8);
        if w.is_empty() {
            continue;
        }
        let lower = w.to_lowercase();
        let function = words.stopwords.binary_search(&lower.as_str()).is_ok();
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        if !(function || capitalised || named(a, b) || after_of) {
            return false;
        }
        after_of = words.of_words.contains(&lower.as_str())
            || (after_of && words.articles.contains(&lower.as_str()));
    }
    true
}

/// "Dal 2021 è CFO di Medisan", "Tom Reyes, chief financial officer since 2015", "ist seit
/// April Finanzchefin": a role held since a date is an appointment at that date, to that
/// role's holder (the guideline's tenure rule). Each event with the span of its date.
fn tenure_events(
    article: &Article<'_>,
    facts: &SentenceFacts<'_>,
    story: &StoryContext,
) -> Vec<(Event, (usize, usize))> {
    let text = article.text;
    let mut out = Vec::new();
    // The bytes between two spans, when they are close and in one clause.
    let close = |(a0, a1): (usize, usize), (b0, b1): (usize, usize), stops: &[char]| {
        let (from, to) = if a1 <= b0 {
            (a1, b0)
        } else if b1 <= a0 {
            (b1, a0)
        } else {
            // One inside the other ("Dal 2021 Laura Ricci è CFO": the name in the tenure).
            return (a0 >= b0 && a1 <= b1).then_some(0);
        };
        (to - from <= TENURE_REACH && !text[from..to].contains(stops)).then_some(to - from)
    };
    let opens_tenure = |m: &temporal::Mention| {
        article
            .compiled
            .since
            .find_at(&article.folded[m.start..m.end], 0)
            .is_some_and(|(start, _)| start == 0)
    };
    for m in facts
        .dates
        .iter()
        .filter(|m| m.rule == "since" && opens_tenure(m))
    {
        // The role in the date's own clause, right before or after it.
        let Some(role) = facts
            .roles
            .iter()
            .filter_map(|r| {
                close(
                    (r.start, r.end),
                    (m.start, m.end),
                    &[',', ';', ':', '(', ')', '.'],
                )
                .map(|g| (g, r))
            })
            .min_by_key(|(g, _)| *g)
            .map(|(_, r)| r)
        else {
            continue;
        };
        if blocker(article, facts, EventKind::Appointment, (m.start, m.end)).is_some()
            || !tenure_words_only(article, facts, (role.start, role.end), (m.start, m.end))
        {
            continue;
        }
        // The role's holder; else the person named nearest the role and date in their
        // clause; else the story's person when the clause has no subject ("Dal 2021 è CFO").
        let span = (m.start.min(role.start), m.end.max(role.end));
        let holder = facts
            .people
            .iter()
            .find(|p| {
                role_of(text, article.compiled.words, p, &facts.people, &facts.roles)
                    .is_some_and(|r| r.start == role.start)
            })
            .or_else(|| {
                facts
                    .people
                    .iter()
                    .filter_map(|p| {
                        close((p.start, p.end), span, &[';', ':', '(', ')']).map(|g| (g, p))
                    })
                    .min_by_key(|(g, _)| *g)
                    .map(|(_, p)| p)
            })
            .map(|p| p.name.clone())
            .or_else(|| {
                if facts.people.is_empty() {
                    implicit_subject(article, facts, (m.start, m.end), story)
                } else {
                    None
                }
            });
        let Some(person) = holder else {
            continue;
        };
        let mut date = m.date.clone();
        date.approx = false;
        let e = Event {
            id: String::new(),
            kind: EventKind::Appointment,
            date,
            persons: vec![person],
            org: nearest(&facts.orgs, role)
                .map(|o| o.name.clone())
                .or_else(|| article.main_org.clone()),
            role: Some(role.name.clone()),
            amount: None,
            count: None,
            target: None,
            qualifier: None,
            confidence: DATED,
            evidence: Evidence {
                text: facts.text.to_string(),
                start: facts.start,
                end: facts.end,
            },
        };
        out.push((e, (m.start, m.end)));
    }
    out
}

/// A day or month written without its year takes the year its sentence gave before it,
/// or the story's year when "of that year" follows it: "Nel 2013 ha lasciato Velia e il 2
/// settembre è stata nominata", "le 2 septembre de cette année-là". `None` when the
/// mention writes its year or no such year is given.
fn with_sentence_year(
    article: &Article<'_>,
    facts: &SentenceFacts<'_>,
    m: &temporal::Mention,
    story: &StoryContext,
) -> Option<EventDate> {
    let writes_year = |a: usize, b: usize| writes_year(&article.text[a..b]);
    if !matches!(m.rule, "day_month" | "month_day" | "bare_month") || writes_year(m.start, m.end) {
        return None;
    }
    let of_that_year = years_later_in(article, facts.text, facts.start)
        .into_iter()
        .any(|y| y.years == 0 && y.start >= m.end && y.start <= m.end + 8);
    // Not a year inside another clause ("X, who joined in 2019, … in September").
    let clauses = relative_clauses(article, facts);
    let apart = |d: &temporal::Mention| {
        clauses.iter().any(|&(a, b)| {
            let inside = |x: usize, y: usize| x >= a && y <= b;
            inside(d.start, d.end) != inside(m.start, m.end)
        })
    };
    let year = facts
        .dates
        .iter()
        .filter(|d| d.end <= m.start && !d.rule.contains("relative") && d.rule != "now")
        .filter(|d| writes_year(d.start, d.end) && !apart(d))
        .max_by_key(|d| d.end)
        .map(|d| d.first_day.year())
        .or(story.narrative_year.filter(|_| of_that_year))?;
    if year == m.first_day.year() {
        return None;
    }
    let first = m.first_day.with_year(year)?;
    Some(event_date(first, m.date.precision, m.date.approx))
}

/// The phrases of `text` that count years from the story's own date ("five years later",
/// "the following year", "that same year"), in text order, spans offset by `base`.
fn years_later_in(article: &Article<'_>, text: &str, base: usize) -> Vec<YearsLater> {
    let mut found: Vec<YearsLater> = article
        .compiled
        .years_later
        .iter()
        .flat_map(|(r, fixed)| r.captures_iter(text).map(move |c| (c, *fixed)))
        .filter_map(|(c, fixed)| {
            let whole = c.get(0)?;
            let n = match fixed {
                Some(n) => n,
                None => {
                    let n = c.name("n")?.as_str();
                    n.parse().ok().or_else(|| {
                        article
                            .compiled
                            .number_words
                            .iter()
                            .find(|(r, _)| r.is_match(n))
                            .and_then(|(_, v)| i32::try_from(*v).ok())
                    })?
                }
            };
            Some(YearsLater {
                start: base + whole.start(),
                end: base + whole.end(),
                years: n,
                // "five years later" is vague; "the following year" is not (the guideline).
                approx: fixed.is_none(),
            })
        })
        .collect();
    found.sort_unstable_by_key(|f| (f.start, f.end));
    found.dedup_by_key(|f| f.start);
    found
}

/// A phrase counting years from the story's date, found by [`years_later_in`].
#[derive(Debug, Clone, Copy)]
struct YearsLater {
    start: usize,
    end: usize,
    /// How many years on from the story's date.
    years: i32,
    /// The count is vague ("five years later") rather than exact ("the following year").
    approx: bool,
}

/// Carries the story forward past a sentence: the last person it names and the last year it
/// gives become the context of the next sentences.
fn update_story(
    story: &mut StoryContext,
    article: &Article<'_>,
    span: (usize, usize),
    people: &[Found],
    roles: &[Found],
    dates: &[temporal::Mention],
) {
    let before = story.narrative_year;
    let group = named_together(article, people, span.1);
    if group.len() >= 2 {
        story.group = group;
    }
    if let Some(last) = people.iter().max_by_key(|p| p.start) {
        story.salient = Some(last.name.clone());
    }
    for p in people {
        if let Some(r) = role_of(article.text, article.compiled.words, p, people, roles) {
            story.roles.push((p.name.clone(), r.name.clone()));
        }
    }
    if let Some(m) = dates
        .iter()
        .rev()
        .find(|m| !m.rule.contains("relative") && m.rule != "weekday")
    {
        // An interval's story has reached its end ("nel 1976 e nel 1984 …": 1984).
        let last_day = match m.value {
            temporal::TimeValue::Interval { to: Some(to), .. } => {
                to.date().pred_opt().unwrap_or(m.first_day)
            }
            _ => m.first_day,
        };
        story.narrative_year = Some(chrono::Datelike::year(&last_day.max(m.first_day)));
    } else if let Some(&(_, _, year)) = year_candidates(
        &article.text[span.0..span.1],
        span.0,
        chrono::Datelike::year(&article.published),
    )
    .iter()
    .rev()
    .find(|&&(start, end, _)| !dates.iter().any(|m| m.start <= start && m.end >= end))
    {
        // "Anna Berg kam 2019 zu Siemens": a year written alone also sets the story's year.
        story.narrative_year = Some(year);
    }
    // "Cinque anni dopo …", "the following year": the story has moved on, counted from the
    // sentence's own date before the phrase, else from the story's year before it.
    let text = &article.text[span.0..span.1];
    if let Some(&YearsLater {
        start: at,
        end,
        years: n,
        ..
    }) = years_later_in(article, text, span.0).last()
    {
        let absolute = |m: &&temporal::Mention| {
            m.rule != "now" && !m.rule.contains("relative") && m.rule != "weekday"
        };
        let outside = |m: &&temporal::Mention| m.end <= at || m.start >= end;
        if !dates
            .iter()
            .filter(absolute)
            .filter(outside)
            .any(|m| m.start >= end)
        {
            let anchor = dates
                .iter()
                .filter(absolute)
                .filter(|m| m.end <= at)
                .max_by_key(|m| m.end)
                .map(|m| chrono::Datelike::year(&m.first_day))
                .or(before);
            if let Some(year) = anchor {
                story.narrative_year = Some(year + n);
            }
        }
    }
}

/// The blocker that makes a trigger a non-event, as written: one just before the trigger in
/// its clause (for a figure, also just after it).
fn blocker(
    article: &Article<'_>,
    facts: &SentenceFacts<'_>,
    kind: EventKind,
    trigger: (usize, usize),
) -> Option<String> {
    let mut from = trigger.0.saturating_sub(BLOCKER_REACH).max(facts.start);
    while !article.text.is_char_boundary(from) {
        from += 1;
    }
    let window = &article.text[from..trigger.0];
    // Only the trigger's own clause: text after the last clause break (a comma inside a
    // number, "2,2 Mrd.", is none).
    let clause = &window[clause_start(window)..];
    let forecast_kind = matches!(
        kind,
        EventKind::Revenue | EventKind::Valuation | EventKind::Headcount | EventKind::Funding
    );
    let found = |hay: &str| {
        // "Os administradores não executivos … comunicaram a renúncia": that "não" negates
        // an adjective.
        let kept: Vec<(usize, usize)> = article.compiled.not_negations.find_iter(hay).collect();
        let hit = article
            .compiled
            .blockers
            .find_iter(hay)
            .find(|&(a, b)| !kept.iter().any(|&(x, y)| x <= a && b <= y))
            .or_else(|| {
                forecast_kind
                    .then(|| article.compiled.forecast.find_iter(hay).next())
                    .flatten()
            });
        hit.map(|(a, b)| hay[a..b].to_string())
    };
    if let Some(b) = found(clause) {
        return Some(b);
    }
    // The words a trigger spans between its first and last ("übernimmt keinen
    // Vorstandsvorsitz"); not its own ends ("demitiu-se", "se aposentou").
    let spanned = &article.text[trigger.0..trigger.1];
    if let (Some(a), Some(z)) = (
        spanned.find(char::is_whitespace),
        spanned.rfind(char::is_whitespace),
    ) && a < z
        && let Some(b) = found(&spanned[a..z])
    {
        return Some(b);
    }
    // A figure told in the future or the conditional is a forecast: "the group would count
    // 9,800 employees", "the funds will double the headcount to 200". Not a layoff (the plan
    // is the news), a deal ("will buy X for $2bn") or a funding ("the government will give
    // GM $30 billion"): their announcement is the event.
    let measured = matches!(
        kind,
        EventKind::Revenue | EventKind::Valuation | EventKind::Headcount
    );
    if measured
        && temporal::clause_tense(article.text, article.lang, trigger.0, trigger.1)
            == temporal::Tense::Future
    {
        return Some("a future or conditional clause".to_string());
    }
    // A figure's hedge or negation may follow its noun or verb: "Revenue is forecast to
    // reach …", "Layoffs are expected to hit …", "Brenntec streicht nicht 500 Stellen".
    if kind.is_personal() {
        return None;
    }
    // A verb-final clause puts its hedge last: "für 2024 stellt der Vorstand einen Umsatz
    // zwischen 150 und 155 Mrd. Euro in Aussicht".
    let mut to = (trigger.1 + FIGURE_BLOCKER_REACH).min(facts.end);
    while !article.text.is_char_boundary(to) {
        to -= 1;
    }
    let after = &article.text[trigger.1..to];
    let mut end = clause_end(after);
    // "ricavi per 1,05 miliardi e punta a 1,4 miliardi": a coordinator opens another clause,
    // unless a figure follows it ("zwischen 150 und 155 Mrd. Euro in Aussicht").
    let folded_after = &article.folded[trigger.1..to];
    for c in &article.compiled.coordinators {
        if let Some(at) = folded_after[..end].find(c.as_str())
            && !folded_after[at + c.len()..].starts_with(|ch: char| ch.is_ascii_digit())
        {
            end = at;
        }
    }
    found(&after[..end])
}

/// Whether the byte at `i` of `text` breaks a clause: clause punctuation, or a comma that is
/// not inside a number ("8,400", "2,2").
fn breaks_clause(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    let digit = |k: Option<usize>| k.and_then(|k| bytes.get(k)).is_some_and(u8::is_ascii_digit);
    match bytes[i] {
        b',' => !(digit(i.checked_sub(1)) && digit(Some(i + 1))),
        b';' | b':' | b'(' | b'"' => true,
        _ => text[i..].starts_with('“'),
    }
}

/// Where the last clause of `text` starts: after its last clause break, or 0.
fn clause_start(text: &str) -> usize {
    (0..text.len())
        .rev()
        .find(|&i| text.is_char_boundary(i) && breaks_clause(text, i))
        .map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        })
}

/// Where the first clause of `text` ends: at its first clause break, or its end.
fn clause_end(text: &str) -> usize {
    (0..text.len())
        .find(|&i| text.is_char_boundary(i) && breaks_clause(text, i))
        .unwrap_or(text.len())
}

/// The events one trigger states.
fn events_for(
    article: &Article<'_>,
    facts: &SentenceFacts<'_>,
    kind: EventKind,
    trigger: (usize, usize),
    story: &StoryContext,
) -> Vec<Event> {
    let base = || Event {
        id: String::new(),
        kind,
        date: event_date(article.published, Precision::Day, true),
        persons: Vec::new(),
        org: None,
        role: None,
        amount: None,
        count: None,
        target: None,
        qualifier: None,
        confidence: FALLBACK_DATED,
        evidence: Evidence {
            text: facts.text.to_string(),
            start: facts.start,
            end: facts.end,
        },
    };
    let (mut date, mut confidence) = date_for(article, facts, kind, trigger, story);
    // "la suppression de 3 000 emplois d'ici à 2014": a layoff takes its announcement date,
    // not its completion horizon.
    if kind == EventKind::Layoff && first_day(&date).is_some_and(|d| d > article.published) {
        date = event_date(article.published, Precision::Day, true);
        confidence = CONTEXT_DATED;
    }
    let mut out = Vec::new();
    match kind {
        EventKind::Resignation | EventKind::Dismissal | EventKind::Appointment => {
            if kind == EventKind::Appointment
                && is_copular(article, trigger)
                && !role_follows(article, facts, trigger)
            {
                return out;
            }
            let found = match plural_subject(article, facts, trigger, story) {
                Some(group) => group,
                None => subjects_of(article, facts, kind, trigger),
            };
            for person in &found {
                let mut e = base();
                e.persons = vec![person.name.clone()];
                e.role = role_of(
                    article.text,
                    article.compiled.words,
                    person,
                    &facts.people,
                    &facts.roles,
                )
                .map(|r| r.name.clone());
                e.org = nearest(&facts.orgs, person)
                    .map(|o| o.name.clone())
                    .or_else(|| article.main_org.clone());
                out.push(e);
            }
            if found.is_empty()
                && let Some(name) = implicit_subject(article, facts, trigger, story)
            {
                let mut e = base();
                e.persons = vec![name];
                e.org = article.main_org.clone();
                out.push(e);
            }
        }
        EventKind::Founding => {
            // Foundings are background: only with a date the sentence states (a bare year
            // too: "wurde 2020 von … gegründet").
            if confidence < BARE_YEAR_DATED {
                return out;
            }
            // "Founded in 2011 by A and B", "wurde 2020 von A und B gegründet": a passive
            // names its founders after its agent word.
            let mut founders = agent_people(article, facts, trigger);
            if founders.is_empty() {
                founders = plural_subject(article, facts, trigger, story)
                    .unwrap_or_else(|| subjects_of(article, facts, kind, trigger));
            }
            if founders.is_empty()
                && let Some(name) = implicit_subject(article, facts, trigger, story)
            {
                founders.push(Found {
                    start: trigger.0,
                    end: trigger.0,
                    name,
                });
            }
            let company = facts
                .orgs
                .iter()
                .filter(|o| o.start >= trigger.1)
                .min_by_key(|o| o.start - trigger.1)
                .or_else(|| {
                    facts
                        .orgs
                        .iter()
                        .filter(|o| o.end <= trigger.0)
                        .max_by_key(|o| o.end)
                });
            // "The company was founded in 1887", "das Traditionshaus wurde 1887 gegründet": a
            // definite description stands for the company the article is about.
            let described = founders.is_empty()
                && company.is_none()
                && described_subject(article, facts, trigger);
            if founders.is_empty() && company.is_none() && !described {
                return out;
            }
            let mut e = base();
            e.persons = founders.iter().map(|p| p.name.clone()).collect();
            e.org = company
                .map(|c| c.name.clone())
                .or_else(|| described.then(|| article.main_org.clone()).flatten());
            out.push(e);
        }
        EventKind::Acquisition => {
            let before = facts
                .orgs
                .iter()
                .filter(|o| o.end <= trigger.0)
                .max_by_key(|o| o.end);
            let after = |not: Option<&Found>| {
                facts
                    .orgs
                    .iter()
                    .filter(|o| {
                        o.start >= trigger.1
                            && Some(o.name.as_str()) != not.map(|b| b.name.as_str())
                    })
                    .min_by_key(|o| o.start)
            };
            // "Lumetra è stata acquisita da Brembana", "was acquired by": a passive names the
            // buyer after its agent word, the company bought before the verb.
            let trigger_text = &article.text[trigger.0..trigger.1];
            let next_word = article.text[trigger.1..facts.end]
                .split_whitespace()
                .next()
                .unwrap_or("");
            let passive = article.compiled.agents.is_match(trigger_text)
                || article
                    .compiled
                    .agents
                    .find_at(next_word, 0)
                    .is_some_and(|(s, e)| s == 0 && e == next_word.len());
            let (buyer, target) = if passive {
                (after(before), before)
            } else {
                (before, after(before))
            };
            // A company the lexicon does not know: a deal with a price names it well enough
            // ("hat die Übernahme des Start-ups Immunex Bio für 620 Millionen Dollar
            // vereinbart"), the buyer being the story's company.
            let priced = figure_near(article.text, &facts.quantities, trigger, true).is_some();
            if buyer.is_none() && target.is_none() && !priced {
                return out;
            }
            let mut e = base();
            e.org = buyer
                .map(|b| b.name.clone())
                .or_else(|| article.main_org.clone());
            e.target = target.map(|t| t.name.clone());
            if let Some(q) = figure_near(article.text, &facts.quantities, trigger, true) {
                e.amount = q.currency.map(|c| Amount {
                    value: q.value,
                    currency: c.to_string(),
                });
            }
            out.push(e);
        }
        EventKind::Valuation | EventKind::Funding | EventKind::Revenue => {
            let Some(q) = figure_near(article.text, &facts.quantities, trigger, true) else {
                return out;
            };
            let mut e = base();
            e.amount = q.currency.map(|c| Amount {
                value: q.value,
                currency: c.to_string(),
            });
            e.qualifier = q.qualifier.map(str::to_string);
            e.org = company_near(article, facts, trigger, kind != EventKind::Funding);
            out.push(e);
        }
        EventKind::Headcount => {
            // The trigger is an employee noun: the count right before it ("1.600 dipendenti"),
            // unless a layoff governs that count.
            let Some(q) = facts
                .quantities
                .iter()
                .filter(|q| q.count().is_some() && q.end <= trigger.0 && trigger.0 - q.end <= 12)
                .max_by_key(|q| q.end)
            else {
                return out;
            };
            if layoff_before(article, facts, q.start) {
                return out;
            }
            // "employs about 2,300 people": a generic noun is staff only after an employing
            // verb in the same clause ("the fire killed 300 people" is no headcount).
            let noun = &article.text[trigger.0..trigger.1];
            let whole = |r: &WordRegex| {
                r.find_at(noun, 0)
                    .is_some_and(|(s, e)| s == 0 && e == noun.len())
            };
            let clause = clause_before(
                article.text,
                &article.compiled.coordinators,
                facts.start,
                q.start,
            );
            if whole(&article.compiled.people)
                && !whole(&article.compiled.employees)
                && !article.compiled.employ.is_match(clause)
                && !article.compiled.present.is_match(clause)
            {
                return out;
            }
            let mut e = base();
            e.count = q.count();
            e.qualifier = q.qualifier.map(str::to_string);
            e.org = company_for(article, facts, trigger);
            // "La compañía, que emplea a más de 1.500 trabajadores, anunció en febrero …":
            // a count its own clause states in the present is as of publication, whatever
            // date another clause gives.
            let clause = clause_before(
                article.text,
                &article.compiled.coordinators,
                facts.start,
                q.start,
            );
            let clause_from = q.start - clause.len();
            let dated_here = facts
                .dates
                .iter()
                .any(|m| m.rule != "now" && m.start >= clause_from && m.end <= trigger.1);
            if article.compiled.present.is_match(clause) && !dated_here {
                e.date = event_date(article.published, Precision::Day, true);
                e.confidence = CONTEXT_DATED;
                // Settled here: the sentence's date below is not this event's.
                e.id = event_id(&e);
            }
            out.push(e);
            // "…contava 770 dipendenti e ad oggi questo numero ha raggiunto più di 1.600":
            // a later bare count after a present-tense marker is the same figure now.
            let marker = article
                .compiled
                .present
                .find_at(&article.text[..facts.end], trigger.1);
            let now = marker.and_then(|marker| {
                facts.quantities.iter().find(|n| {
                    n.start >= marker.1
                        && n.count().is_some()
                        && !followed_by_word(article.text, n.end, facts.end)
                })
            });
            if let Some(now) = now {
                let mut later = base();
                later.count = now.count();
                later.qualifier = now.qualifier.map(str::to_string);
                later.org = company_for(article, facts, trigger);
                later.date = event_date(article.published, Precision::Day, true);
                later.confidence = CONTEXT_DATED;
                later.id = event_id(&later);
                out.push(later);
            }
        }
        EventKind::Layoff => {
            let counts = || facts.quantities.iter().filter(|q| q.count().is_some());
            let after = counts().find(|q| {
                q.start >= trigger.1
                    && q.start - trigger.1 <= FIGURE_REACH
                    && jobs_after(article, q.end, facts.end)
            });
            let right_before = || counts().find(|q| q.end <= trigger.0 && trigger.0 - q.end <= 3);
            // Verb-final clauses: "800 Stellen zu streichen".
            let verb_final = || {
                counts().find(|q| {
                    q.end <= trigger.0
                        && trigger.0 - q.end <= VERB_FINAL_REACH
                        && !article.text[q.end..trigger.0].contains([',', ';', ':'])
                        && jobs_after(article, q.end, trigger.0)
                })
            };
            // "streicht rund 15 Prozent seiner Stellen", "will cut 30% of its staff": a share
            // of the workforce is a layoff whose count the text does not give.
            let share = || {
                facts.quantities.iter().find(|q| {
                    q.percent
                        && ((q.start >= trigger.1
                            && q.start - trigger.1 <= FIGURE_REACH / 2
                            && jobs_after(article, q.end, facts.end))
                            // Verb-final: "10 Prozent seiner Stellen zu streichen".
                            || (q.end <= trigger.0
                                && trigger.0 - q.end <= VERB_FINAL_REACH
                                && !article.text[q.end..trigger.0].contains([',', ';', ':'])
                                && jobs_after(article, q.end, trigger.0)))
                })
            };
            let Some(q) = after
                .or_else(right_before)
                .or_else(verb_final)
                .or_else(share)
            else {
                return out;
            };
            let mut e = base();
            e.count = q.count();
            e.qualifier = q.qualifier.map(str::to_string);
            e.org = company_for(article, facts, trigger);
            out.push(e);
        }
    }
    for e in &mut out {
        if e.id.is_empty() {
            e.date = date.clone();
            e.confidence = confidence;
            e.id = event_id(e);
        }
    }
    out
}

/// Which side of a succession a frame word's object is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    /// "A succeeds B", "en remplacement de B": the object (B) leaves.
    Predecessor,
    /// "A was replaced by B", "A hands the reins to B": the object (B) arrives and the
    /// subject (A) leaves.
    Successor,
}

/// The events a succession frame states besides its trigger's own: the predecessor's
/// departure, or the successor's arrival and the subject's departure. Dated as the
/// sentence's departure would be.
fn frame_events(
    article: &Article<'_>,
    facts: &SentenceFacts<'_>,
    frame: Frame,
    marker: (usize, usize),
    story: &StoryContext,
) -> Vec<Event> {
    let departure = date_for(article, facts, EventKind::Resignation, marker, story);
    let arrival = date_for(article, facts, EventKind::Appointment, marker, story);
    let object = object_after(article, facts, marker);
    let mut out = Vec::new();
    let mut push = |kind: EventKind, person: &Found| {
        let (date, confidence) = if kind == EventKind::Appointment {
            arrival.clone()
        } else {
            departure.clone()
        };
        let mut e = Event {
            id: String::new(),
            kind,
            date,
            persons: vec![person.name.clone()],
            org: nearest(&facts.orgs, person)
                .map(|o| o.name.clone())
                .or_else(|| article.main_org.clone()),
            role: role_of(
                article.text,
                article.compiled.words,
                person,
                &facts.people,
                &facts.roles,
            )
            .map(|r| r.name.clone()),
            amount: None,
            count: None,
            target: None,
            qualifier: None,
            confidence,
            evidence: Evidence {
                text: facts.text.to_string(),
                start: facts.start,
                end: facts.end,
            },
        };
        e.id = event_id(&e);
        out.push(e);
    };
    match frame {
        Frame::Predecessor => {
            let Some(p) = object else {
                return out;
            };
            push(EventKind::Resignation, p);
            // "A succeeds B", "folgt A auf B": A arrives.
            let arriving: Vec<Found> = subjects(
                article.text,
                article.compiled.words,
                article.compiled.tense,
                &facts.people,
                marker,
                &facts.roles,
                &facts.orgs,
                &facts.date_spans,
            )
            .into_iter()
            .filter(|q| q.name != p.name && q.end <= p.start)
            .cloned()
            .collect();
            for q in &arriving {
                push(EventKind::Appointment, q);
            }
            // "Er folgt auf Christiane Albers": a pronoun subject is the story's person.
            if arriving.is_empty()
                && let Some(name) = implicit_subject(article, facts, marker, story)
                && name != p.name
            {
                let here = Found {
                    start: marker.0,
                    end: marker.0,
                    name,
                };
                push(EventKind::Appointment, &here);
            }
        }
        Frame::Successor => {
            let Some(p) = object else {
                return out;
            };
            push(EventKind::Appointment, p);
            let leaving: Vec<Found> = subjects(
                article.text,
                article.compiled.words,
                article.compiled.tense,
                &facts.people,
                marker,
                &facts.roles,
                &facts.orgs,
                &facts.date_spans,
            )
            .into_iter()
            .filter(|q| q.end <= marker.0)
            .cloned()
            .collect();
            for q in &leaving {
                push(EventKind::Resignation, q);
            }
        }
    }
    out
}

/// `text` (a sentence starting at byte `start` of the article) without the given mentions,
/// each taken out with the space before it, and for every byte left its offset in the
/// article.
fn without_spans(text: &str, start: usize, mentions: &[temporal::Mention]) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len());
    let mut at = 0;
    for m in mentions {
        let (a, b) = (m.start - start, m.end - start);
        if a < at || b > text.len() {
            continue;
        }
        let keep = text[at..a].trim_end_matches(' ');
        out.push_str(keep);
        offsets.extend(start + at..start + at + keep.len());
        at = b;
    }
    out.push_str(&text[at..]);
    offsets.extend(start + at..start + text.len());
    (out, offsets)
}

/// Whether a succession word overlaps the trigger or follows it at once ("succeeded",
/// "prende il posto di", "sustituye a").
fn succession_at(
    article: &Article<'_>,
    facts: &SentenceFacts<'_>,
    trigger: (usize, usize),
) -> bool {
    let mut to = (trigger.1 + 12).min(facts.end);
    while !article.folded.is_char_boundary(to) {
        to -= 1;
    }
    let mut from = trigger.0.saturating_sub(20).max(facts.start);
    while !article.folded.is_char_boundary(from) {
        from += 1;
    }
    let hay = &article.folded[from..to];
    let c = article.compiled;
    c.predecessor
        .find_iter(hay)
        .chain(c.successor.find_iter(hay))
        .any(|(a, b)| from + a <= trigger.1 + 1 && from + b >= trigger.0)
}

/// The objects of a verb: [`object_after`] and the people coordinated with it.
fn objects_of(
    article: &Article<'_>,
    facts: &SentenceFacts<'_>,
    trigger: (usize, usize),
) -> Vec<Found> {
    let Some(first) = object_after(article, facts, trigger) else {
        return Vec::new();
    };
    let mut out = vec![first.clone()];
    let dates = &facts.date_spans;
    for p in facts.people.iter().filter(|p| p.start >= first.end) {
        let last = out.last().map_or(first.end, |l| l.end);
        if article.text[last..p.start].contains([';', ':', '.', '(', ')'])
            || !(only_coordination(
                article.text,
                article.compiled.words,
                (last, p.start),
                &facts.roles,
                &facts.orgs,
                dates,
            ) || described_coordinate(&article.text[last..p.start], article.compiled.words))
        {
            break;
        }
        out.push(p.clone());
    }
    out
}

/// Whether `gap` joins a second object described by a short noun phrase: "… und den
/// früheren Manager Jonas Weil", "… and the former banker Jonas Weil". A coordinator, an
/// article, then at most two words.
fn described_coordinate(gap: &str, words: &LangTable) -> bool {
    let ws: Vec<String> = gap
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    ws.len() >= 2
        && ws.len() <= 4
        && words.coordination.binary_search(&ws[0].as_str()).is_ok()
        && words.articles.contains(&ws[1].as_str())
}

/// The person a verb or frame word governs as its object: the first person after it, with
/// only articles, roles, titles and dates between and no clause break.
fn object_after<'f>(
    article: &Article<'_>,
    facts: &'f SentenceFacts<'_>,
    trigger: (usize, usize),
) -> Option<&'f Found> {
    let dates = &facts.date_spans;
    // The person after an agent or source word is no object: "übernimmt das Amt von X"
    // (X is the predecessor), "was appointed by X".
    let agent_between = |p: &Found| {
        article
            .compiled
            .agent_words
            .find_iter(&article.text[trigger.1..p.start])
            .next()
            .is_some()
    };
    facts
        .people
        .iter()
        .find(|p| p.start >= trigger.1)
        .filter(|p| !agent_between(p))
        .filter(|p| {
            p.start - trigger.1 <= APPOINTEE_REACH + date_bytes(dates, (trigger.1, p.start))
                && gap_is_clear(
                    article.text,
                    article.compiled.words,
                    (trigger.1, p.start),
                    dates,
                    &[',', ';', ':', '.', '"'],
                )
        })
}

/// The spans of a sentence's date mentions, each with the effective-date marker that
/// leads it ("zum 1. November", "a partir de 1 de dezembro").
fn date_spans(
    article: &Article<'_>,
    dates: &[temporal::Mention],
    sentence_start: usize,
) -> Vec<(usize, usize)> {
    dates
        .iter()
        .map(|m| {
            let mut from = m.start.saturating_sub(25).max(sentence_start);
            while !article.text.is_char_boundary(from) {
                from += 1;
            }
            let lead = article
                .compiled
                .effective
                .find_iter(&article.folded[from..m.start])
                .filter(|&(_, b)| from + b + 2 >= m.start)
                .map(|(a, _)| from + a)
                .next();
            (lead.unwrap_or(m.start), m.end)
        })
        .collect()
}

/// Whether `text[gap]`, its date mentions and honorifics taken out, holds none of `breaks`.
fn gap_is_clear(
    text: &str,
    words: &LangTable,
    gap: (usize, usize),
    dates: &[(usize, usize)],
    breaks: &[char],
) -> bool {
    let rest = gap_outside(text, gap, dates.iter().copied());
    !without_honorifics(&rest, words).contains(breaks)
}

/// How far (in bytes) after a passive trigger its agent word may stand.
const AGENT_REACH: usize = 50;

/// The people a passive trigger names through its agent word: after it ("founded in 2011
/// by A and B", "fondée par le chercheur A et B") or, in a verb-final clause, between the
/// agent word and the verb ("von A und B gegründet"); coordinated people go with the first.
fn agent_people(
    article: &Article<'_>,
    facts: &SentenceFacts<'_>,
    trigger: (usize, usize),
) -> Vec<Found> {
    let text = article.text;
    let dates = &facts.date_spans;
    let agent = &article.compiled.agent_words;
    // After the trigger, in its clause ("founded in 2015 by", "Gegründet wurde Zahlfix
    // vor drei Jahren von").
    let mut reach = (trigger.1 + AGENT_REACH).min(facts.end);
    while !text.is_char_boundary(reach) {
        reach -= 1;
    }
    let after = agent
        .find_iter(&text[trigger.1..reach])
        .map(|(a, b)| (trigger.1 + a, trigger.1 + b))
        .next()
        .filter(|&(a, _)| {
            gap_is_clear(
                text,
                article.compiled.words,
                (trigger.1, a),
                dates,
                &[',', ';', ':', '.', '('],
            )
        });
    let (from, to) = match after {
        Some((_, b)) => (b, (b + 80).min(facts.end)),
        None => {
            // Before it, in a verb-final clause: after the last clause break.
            let before = &text[facts.start..trigger.0];
            let clause_from =
                facts.start + before.rfind([',', ';', ':', '(', ')']).map_or(0, |i| i + 1);
            match agent.find_iter(&text[clause_from..trigger.0]).last() {
                Some((_, b)) => (clause_from + b, trigger.0),
                None => return Vec::new(),
            }
        }
    };
    let mut found: Vec<Found> = Vec::new();
    for p in facts
        .people
        .iter()
        .filter(|p| p.start >= from && p.end <= to)
    {
        let gap = match found.last() {
            None => (from, p.start),
            Some(last) => (last.end, p.start),
        };
        let between = &text[gap.0..gap.1];
        let clear = !between.contains([';', ':', '.'])
            || found.is_empty()
                && gap_is_clear(text, article.compiled.words, gap, dates, &[';', ':', '.']);
        if found.is_empty() {
            if !clear || gap.1 - gap.0 > 60 {
                break;
            }
        } else {
            // A co-founder follows a coordinator: "A and B", "A, ancienne chercheuse, et B".
            let padded = format!(" {} ", between.replace(',', " "));
            let coordinated = article
                .compiled
                .coordinators
                .iter()
                .any(|c| padded.trim_end().ends_with(c.trim_end()));
            if !clear || !coordinated || gap.1 - gap.0 > 60 {
                break;
            }
        }
        found.push(p.clone());
    }
    found
}

/// The subjects of a person trigger; a trigger ending in an agent preposition ("filled by",
/// "coperto da") takes the person right after it.
fn subjects_of(
    article: &Article<'_>,
    facts: &SentenceFacts<'_>,
    kind: EventKind,
    trigger: (usize, usize),
) -> Vec<Found> {
    let trigger_text = &article.text[trigger.0..trigger.1];
    if article.compiled.agents.is_match(trigger_text)
        && let Some(p) = facts
            .people
            .iter()
            .find(|p| p.start >= trigger.1 && p.start - trigger.1 <= AFTER_TRIGGER_REACH)
    {
        return vec![p.clone()];
    }
    // An active appointing or dismissing verb governs its object: "CEO Jane Doe named John
    // Roe as her deputy", "the board removed chief executive Harlan Voss". Not a
    // succession verb, whose object is the predecessor ("succeeded John Roe").
    // A linking verb has no object: "sarà la nuova direttrice di Belcore" is about its
    // subject.
    let objective = matches!(kind, EventKind::Appointment | EventKind::Dismissal)
        && !is_copular(article, trigger);
    let succession = objective && succession_at(article, facts, trigger);
    if objective && !succession {
        let objects = objects_of(article, facts, trigger);
        if !objects.is_empty() {
            return objects;
        }
    }
    // The agent of a passive before the trigger is nobody's subject: "Anna Roth wurde vom
    // Vorstandschef Georg Bell zur Finanzchefin bestimmt", "è stata scelta dall'a.d. Giorgio
    // Belcore … e assumerà l'incarico".
    let candidates: Vec<Found> = facts
        .people
        .iter()
        .filter(|p| p.end > trigger.0 || !is_agent(article, facts, p))
        .cloned()
        .collect();
    let found: Vec<Found> = subjects(
        article.text,
        article.compiled.words,
        article.compiled.tense,
        &candidates,
        trigger,
        &facts.roles,
        &facts.orgs,
        &facts.date_spans,
    )
    .into_iter()
    .cloned()
    .collect();
    // "Sustituye a Tomás Arregui": after a succession verb stands the predecessor, never the
    // subject; a subject-less clause takes its subject from the story instead.
    if succession && found.iter().all(|p| p.start >= trigger.1) {
        return Vec::new();
    }
    if found.is_empty() && objective {
        // "ha nominato al suo posto Marco Bellini", "despidió a Pablo Ortega", "demitiu o
        // diretor financeiro Luis Martins": the appointee or the dismissed is the object,
        // after a short filler without clause punctuation.
        // "wählte am Mittwoch die Juristin Prof. Dr. A und B": coordinated objects too.
        return objects_of(article, facts, trigger);
    }
    found
}

/// Whether an appointment trigger is a linking verb ("became", "è diventata", "sarà la
/// nuova"), with at most an article and "new" after it: "became the first woman to lead"
/// says what the role is.
fn is_copular(article: &Article<'_>, trigger: (usize, usize)) -> bool {
    let folded = &article.folded[trigger.0..trigger.1];
    article
        .compiled
        .copulas
        .find_at(folded, 0)
        .is_some_and(|(start, end)| start == 0 && folded[end..].split_whitespace().count() <= 2)
}

/// How far (in bytes) after a linking verb its role may start ("became the group's first
/// female chief executive").
const COPULA_ROLE_REACH: usize = 30;

/// Whether a role title follows the trigger in its clause: "became CEO", "è diventata
/// direttrice finanziaria", not "became famous".
fn role_follows(article: &Article<'_>, facts: &SentenceFacts<'_>, trigger: (usize, usize)) -> bool {
    facts.roles.iter().any(|r| {
        r.start >= trigger.1
            && r.start - trigger.1 <= COPULA_ROLE_REACH
            && !article.text[trigger.1..r.start].contains([',', ';', ':', '.', '('])
    })
}

/// How far (in bytes) a count of jobs may stand before the layoff verb that ends its clause.
const VERB_FINAL_REACH: usize = 30;

/// How far (in bytes) after an appointment trigger its object may be.
const APPOINTEE_REACH: usize = 60;

/// Whether a name stands between an article and an "of" word ("lo steve jobs dell'ia",
/// "the Steve Jobs of AI", "le Steve Jobs de la tech"): a name used for a kind of person.
fn is_antonomasia(text: &str, name: &Found, words: &LangTable) -> bool {
    let before = text[..name.start].trim_end();
    let article = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .to_lowercase();
    let elided = words
        .articles
        .iter()
        .any(|a| a.ends_with('\'') && before.to_lowercase().ends_with(a));
    if !elided && !words.articles.contains(&article.as_str()) {
        return false;
    }
    let after = text[name.end..]
        .trim_start()
        .to_lowercase()
        .replace('’', "'");
    words.of_words.iter().any(|o| {
        after
            .strip_prefix(o)
            .is_some_and(|rest| o.ends_with('\'') || rest.starts_with(' '))
    })
}

/// The people of a coordination ending before `until`: the last run of names joined only
/// by commas and "and" words ("Ana Ruiz and Tom Berg", "A, B e C").
fn named_together(article: &Article<'_>, people: &[Found], until: usize) -> Vec<String> {
    let joiner = article
        .compiled
        .words
        .coordinators
        .first()
        .copied()
        .unwrap_or("");
    let mut best: Vec<String> = Vec::new();
    let mut run: Vec<&Found> = Vec::new();
    for p in people.iter().filter(|p| p.end <= until) {
        let joined = run.last().is_some_and(|last| {
            p.start >= last.end && {
                let between = article.text[last.end..p.start].trim().to_lowercase();
                let between = between.trim_start_matches(',').trim();
                between.is_empty() || between == joiner
            }
        });
        if !joined {
            if run.len() >= 2 {
                best = run.iter().map(|p| p.name.clone()).collect();
            }
            run.clear();
        }
        if !run.iter().any(|q| q.name == p.name) {
            run.push(p);
        }
    }
    if run.len() >= 2 {
        best = run.iter().map(|p| p.name.clone()).collect();
    }
    best
}

/// The group a plural subject stands for: "they were stepping down", "The pair founded
/// Movra", "i due hanno lasciato": the people named together earlier in the sentence, else
/// the story's last such group. `None` without a plural word right before the trigger (or
/// opening its clause), or without a group.
fn plural_subject(
    article: &Article<'_>,
    facts: &SentenceFacts<'_>,
    trigger: (usize, usize),
    story: &StoryContext,
) -> Option<Vec<Found>> {
    let clause = clause_before(
        article.text,
        &article.compiled.coordinators,
        facts.start,
        trigger.0,
    );
    let clause_from = trigger.0 - clause.len();
    let folded = &article.folded[clause_from..trigger.0];
    let epithet = article.compiled.plural.find_iter(folded).last();
    let pronoun = article.compiled.plural_pronouns.find_iter(folded).last();
    let ((start, end), is_pronoun) = match (epithet, pronoun) {
        (Some(e), Some(p)) if p.0 > e.0 => (p, true),
        (Some(e), _) => (e, false),
        (None, Some(p)) => (p, true),
        (None, None) => return None,
    };
    // The plural word is the clause's subject: nothing but a few words after it ("they
    // were", "the pair had"), no name between it and the trigger.
    if folded[end..].split_whitespace().count() > 3
        || facts
            .people
            .iter()
            .any(|p| p.start >= clause_from + start && p.end <= trigger.0)
    {
        return None;
    }
    let here = named_together(article, &facts.people, clause_from + start);
    let group = if here.len() >= 2 || is_pronoun {
        here
    } else {
        story.group.clone()
    };
    (group.len() >= 2).then(|| {
        group
            .into_iter()
            .map(|name| Found {
                start: trigger.0,
                end: trigger.0,
                name,
            })
            .collect()
    })
}

/// How far (in bytes) after a trigger a "the following year" phrase may stand and date it.
const POSTPOSED_REACH: usize = 50;

/// How far (in bytes) before a person an agent preposition may stand ("by chief executive").
const AGENT_NP_REACH: usize = 40;

/// Whether a person is the agent of a passive: an agent preposition ("by", "dall'", "vom")
/// before the name with only a short description between, no punctuation and nobody else:
/// "vom Vorstandschef Georg Bell", "dall'amministratore delegato Giorgio Belcore".
fn is_agent(article: &Article<'_>, facts: &SentenceFacts<'_>, person: &Found) -> bool {
    let text = article.text;
    let mut from = person.start.saturating_sub(AGENT_NP_REACH).max(facts.start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let Some((_, b)) = article
        .compiled
        .agent_words
        .find_iter(&text[from..person.start])
        .last()
    else {
        return false;
    };
    let gap = &text[from + b..person.start];
    // "Dal 1° ottobre l'ingegner Paola Ruggeri": a date after the preposition makes it
    // "from", not "by".
    !gap.contains([',', ';', ':', '.', '(', ')', '"'])
        && !gap.contains(|c: char| c.is_ascii_digit())
        && !facts
            .date_spans
            .iter()
            .any(|&(a, z)| a < person.start && z > from + b)
        && gap.split_whitespace().count() <= 3
        && !facts
            .people
            .iter()
            .any(|p| p.start >= from + b && p.end <= person.start)
}

/// Whether the trigger's clause opens with a definite noun phrase and names nobody before
/// the trigger: "The company was founded in 1887", "das Traditionshaus wurde 1887 in Essen
/// gegründet", "l'azienda è stata fondata nel 1950". Not "It was founded", nor "Anna Roth
/// founded it".
fn described_subject(
    article: &Article<'_>,
    facts: &SentenceFacts<'_>,
    trigger: (usize, usize),
) -> bool {
    let text = article.text;
    let before = &text[facts.start..trigger.0];
    let from = facts.start + before.rfind([',', ';', ':', '(', ')']).map_or(0, |i| i + 1);
    if facts
        .people
        .iter()
        .any(|p| p.start >= from && p.end <= trigger.0)
    {
        return false;
    }
    let clause = text[from..trigger.0]
        .trim_start()
        .to_lowercase()
        .replace('’', "'");
    let words = article.compiled.words;
    words.articles.iter().any(|a| {
        clause.strip_prefix(a).is_some_and(|rest| {
            let rest = if a.ends_with('\'') {
                rest
            } else {
                rest.strip_prefix(' ').unwrap_or("")
            };
            rest.chars().next().is_some_and(char::is_alphabetic)
        })
    })
}

/// The person a subject-less trigger is about: the story's salient person, when a subject
/// pronoun opens the trigger's clause ("he was fired") or, in a pro-drop language, when the
/// clause opens with the verb itself ("fu licenziato", "y fundó NeXT").
fn implicit_subject(
    article: &Article<'_>,
    facts: &SentenceFacts<'_>,
    trigger: (usize, usize),
    story: &StoryContext,
) -> Option<String> {
    let salient = story.salient.clone()?;
    let clause = clause_before(
        article.text,
        &article.compiled.coordinators,
        facts.start,
        trigger.0,
    );
    let clause_from = trigger.0 - clause.len();
    // Words of the clause outside its dates ("Sette anni dopo è stato nominato", "Drei Jahre
    // später wurde sie … ernannt": the fronted date is not the subject).
    let dated: Vec<(usize, usize)> = facts
        .dates
        .iter()
        .map(|m| (m.start, m.end))
        .chain(facts.story_relative.iter().copied())
        .collect();
    let function_word = |w: &&str| {
        let lower = w.to_lowercase();
        article
            .compiled
            .words
            .stopwords
            .binary_search(&lower.as_str())
            .is_ok()
    };
    let is_pronoun = |w: &&str| {
        article
            .compiled
            .pronouns
            .find_at(w, 0)
            .is_some_and(|(start, end)| start == 0 && end == w.len())
    };
    let mut words: Vec<&str> = Vec::new();
    let mut company_words: Vec<&str> = Vec::new();
    let mut at = clause_from;
    for w in clause.split(|c: char| !c.is_alphabetic() && c != '\'') {
        let (start, end) = (at, at + w.len());
        at = end
            + clause[end - clause_from..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        if w.is_empty() {
            continue;
        }
        // Only a date opening the clause, after function words at most, is left out
        // ("Sette anni dopo è stato nominato", "e il 2 settembre è stata nominata"); one
        // inside it stays ("anunció en febrero el despido": not verb-first).
        let in_date = dated.iter().any(|&(a, b)| start >= a && end <= b);
        if in_date && words.iter().all(&function_word) {
            // The function words around such a date go with it ("il 2 settembre di
            // quell'anno"); a pronoun stays.
            words.retain(is_pronoun);
        } else {
            words.push(w);
            // A company's name is the clause's subject, not a person ("Apple ha visto la
            // luce nel 1976": the story's founder founded it).
            if facts.orgs.iter().any(|o| o.start <= start && end <= o.end) {
                company_words.push(w);
            }
        }
    }
    // The pronoun ends the clause before the verb, or (verb-second and verb-final clauses)
    // comes right after its opening verb: "wurde sie … ernannt".
    let pronoun =
        words.iter().rev().take(3).any(is_pronoun) || words.iter().take(3).any(is_pronoun);
    // Verb first: nothing but function words before the trigger, and no article right
    // before it ("le dimissioni dei dirigenti" is a noun, "Jobs è stato" has a subject).
    let after_article = words.last().is_some_and(|w| {
        let lower = w.to_lowercase();
        article.compiled.words.articles.contains(&lower.as_str())
    });
    let verb_first = article.compiled.pro_drop
        && words.len() <= 2
        && words
            .iter()
            .all(|w| function_word(w) || company_words.contains(w))
        && !after_article;
    // "ieri è stato il mio ultimo giorno": someone's own words are about that someone.
    let own_words = article
        .compiled
        .first_person
        .is_match(&article.text[trigger.0..trigger.1])
        || words.iter().rev().take(3).any(|w| {
            article
                .compiled
                .first_person
                .find_at(w, 0)
                .is_some_and(|(start, end)| start == 0 && end == w.len())
        });
    // "Die 51-Jährige, bislang für das Chinageschäft verantwortlich, übernimmt das Amt":
    // an epithet opening the sentence, nobody named before the trigger.
    let epithet = {
        let head = &article.folded[facts.start..trigger.0];
        let opening = head.len()
            - head
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .len();
        article
            .compiled
            .epithets
            .find_at(head, 0)
            .is_some_and(|(s, _)| s == opening)
            && !facts.people.iter().any(|p| p.end <= trigger.0)
    };
    // "In 2013 she left Velia and on 2 September was named director": a verb phrase
    // coordinated with a clause whose subject is a pronoun shares that subject.
    let coordinated = {
        let head = &article.text[facts.start..clause_from];
        let after_coordinator = article
            .compiled
            .coordinators
            .iter()
            .any(|c| head.ends_with(c.as_str()));
        let earlier = clause_before(
            article.text,
            &article.compiled.coordinators,
            facts.start,
            clause_from.saturating_sub(1).max(facts.start),
        );
        after_coordinator
            && words.iter().all(&function_word)
            && !facts
                .people
                .iter()
                .any(|p| p.start >= facts.start && p.end <= trigger.0)
            && earlier
                .split(|c: char| !c.is_alphabetic() && c != '\'')
                .filter(|w| !w.is_empty())
                .take(4)
                .any(|w| is_pronoun(&w))
    };
    if pronoun || verb_first || own_words || epithet || coordinated {
        return Some(salient);
    }
    // "Der Konzernchef der Merkur Bank hat seinen Rücktritt angekündigt", "the chief
    // executive said he would step down": a definite role standing as the subject is the
    // person the story gave that role, or the person just named when the story gave them
    // none.
    let role = facts
        .roles
        .iter()
        .filter(|r| r.start >= clause_from && r.end <= trigger.0)
        .find(|r| {
            let before = article.text[clause_from..r.start].trim_end();
            let word = before
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("")
                .to_lowercase();
            before.ends_with(|c: char| c.is_alphabetic())
                && article.compiled.words.articles.contains(&word.as_str())
        })?;
    match story.holder_of(&role.name) {
        Some(holder) => Some(holder.to_string()),
        None => story.role_of(&salient).is_none().then_some(salient),
    }
}

/// The text of the trigger's clause before it: after the last comma, semicolon, colon,
/// parenthesis, or coordinating "and" in any language.
fn clause_before<'t>(
    text: &'t str,
    coordinators: &[String],
    sentence_start: usize,
    at: usize,
) -> &'t str {
    let before = &text[sentence_start..at];
    let cut = before
        .rfind([',', ';', ':', '(', ')'])
        .map(|i| i + 1)
        .unwrap_or(0)
        .max(
            coordinators
                .iter()
                .filter_map(|c| before.rfind(c.as_str()).map(|i| i + c.len()))
                .max()
                .unwrap_or(0),
        );
    &before[cut..]
}

/// Whether a job noun follows `at` closely ("13,000 jobs", "13.000 posti di lavoro").
fn jobs_after(article: &Article<'_>, at: usize, end: usize) -> bool {
    let reach = (at + 30).min(end);
    let mut reach = reach;
    while !article.text.is_char_boundary(reach) {
        reach -= 1;
    }
    article
        .compiled
        .jobs
        .find_at(&article.text[at..reach], 0)
        .is_some_and(|(start, _)| start <= 12)
}

/// Whether a layoff trigger stands shortly before `at` in the sentence.
fn layoff_before(article: &Article<'_>, facts: &SentenceFacts<'_>, at: usize) -> bool {
    // Anywhere earlier in the sentence ("Saranno tagliati 9.000 posti negli Stati Uniti,
    // 2.000 in Canada e 2.000 impiegati"), unless the figure is then stated as of now
    // ("… and now employs 2,000 people").
    let window = &article.folded[facts.start..at];
    let last_layoff = article
        .compiled
        .triggers
        .iter()
        .filter(|(k, _)| *k == EventKind::Layoff)
        .filter_map(|(_, r)| r.find_iter(window).last())
        .map(|(_, end)| facts.start + end)
        .max();
    last_layoff.is_some_and(|end| !article.compiled.present.is_match(&article.text[end..at]))
}

/// Whether a word (not punctuation) follows `at` within the sentence: "1.600." has none.
fn followed_by_word(text: &str, at: usize, end: usize) -> bool {
    text[at..end]
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_alphabetic)
}

/// The figure a trigger governs: the nearest money amount (or count) after it in its clause,
/// else before. A semicolon ends the clause: "2,45 Mrd. Euro umgesetzt; der Nettogewinn lag
/// bei 96 Mio. Euro" (a verb-final trigger's figure stands before it).
fn figure_near<'q>(
    text: &str,
    quantities: &'q [Quantity],
    trigger: (usize, usize),
    money: bool,
) -> Option<&'q Quantity> {
    let usable = |q: &&Quantity| !q.percent && !q.year_like && (!money || q.currency.is_some());
    quantities
        .iter()
        .filter(usable)
        .filter(|q| {
            (q.start >= trigger.1
                && q.start - trigger.1 <= FIGURE_REACH
                && !text[trigger.1..q.start].contains(';'))
                // A qualifier the trigger swallowed: "che valuta la società circa 1,2 miliardi";
                // a figure inside a separable verb: "setzte Brindle 4,2 Mrd. Euro um".
                || (q.start >= trigger.0 && q.start < trigger.1)
        })
        .min_by_key(|q| q.start)
        .or_else(|| {
            quantities
                .iter()
                .filter(usable)
                .filter(|q| q.end <= trigger.0 && trigger.0 - q.end <= FIGURE_REACH / 2)
                .max_by_key(|q| q.end)
        })
}

/// The company a figure belongs to: the nearest company before the trigger in the sentence,
/// else after it, else the article's main company.
fn company_for(
    article: &Article<'_>,
    facts: &SentenceFacts<'_>,
    trigger: (usize, usize),
) -> Option<String> {
    company_near(article, facts, trigger, true)
}

/// [`company_for`]; without `after`, a company after the trigger comes only when the
/// article has no main company (after "raised", it is the investor: "led by Sequoia").
fn company_near(
    article: &Article<'_>,
    facts: &SentenceFacts<'_>,
    trigger: (usize, usize),
    after: bool,
) -> Option<String> {
    let later = || facts.orgs.iter().find(|o| o.start >= trigger.1);
    let inside = facts
        .orgs
        .iter()
        .find(|o| o.start >= trigger.0 && o.end <= trigger.1);
    inside
        .or_else(|| {
            // The nearest company before the trigger, a known one first ("Chrysler … has
            // asked the US government …, saying that it plans to fire …").
            let before = || facts.orgs.iter().filter(|o| o.end <= trigger.0);
            before()
                .filter(|o| entities::is_company(&o.name))
                .max_by_key(|o| o.end)
                .or_else(|| before().max_by_key(|o| o.end))
        })
        .or_else(|| later().filter(|_| after))
        .map(|o| o.name.clone())
        .or_else(|| article.main_org.clone())
        .or_else(|| later().map(|o| o.name.clone()))
}

/// The date of an event and the confidence that comes with how it was found.
///
/// Among the sentence's date mentions (birth dates excluded), the nearest to the trigger
/// wins, where each clause boundary between them counts as [`CLAUSE_PENALTY`] bytes, except
/// the one closing a fronted adverbial ("Alla fine dello scorso anno, …", "In 1996, …"),
/// which governs the clause after it.
fn date_for(
    article: &Article<'_>,
    facts: &SentenceFacts<'_>,
    kind: EventKind,
    trigger: (usize, usize),
    story: &StoryContext,
) -> (EventDate, f32) {
    let (date, confidence) = date_in_sentence(article, facts, kind, trigger, story);
    // "… succède à Menon, partie en janvier", "Sustituye a Arregui, que se jubila el 28 de
    // febrero": a succession may take its date from the predecessor's clause, but that date
    // is the predecessor's; a date the story states for the newcomer outranks it.
    if confidence >= DATED
        && kind == EventKind::Appointment
        && succession_at(article, facts, trigger)
    {
        let clauses = relative_clauses(article, facts);
        let inside = |m: &temporal::Mention| {
            clauses
                .iter()
                .any(|&(a, b)| m.start >= a && m.end <= b && !(trigger.0 >= a && trigger.1 <= b))
        };
        // (Its value may have been read forward, so only the other mentions' values are
        // compared.)
        let from_clause = facts.dates.iter().any(&inside)
            && !facts
                .dates
                .iter()
                .any(|m| !inside(m) && m.rule != "now" && m.date.value == date.value);
        if from_clause {
            return (date, CONTEXT_DATED);
        }
    }
    (date, confidence)
}

/// [`date_for`] before a predecessor's clause is weighed.
fn date_in_sentence(
    article: &Article<'_>,
    facts: &SentenceFacts<'_>,
    kind: EventKind,
    trigger: (usize, usize),
    story: &StoryContext,
) -> (EventDate, f32) {
    let text = article.text;
    let distance = |m: &temporal::Mention| -> usize {
        let (from, to) = if m.end <= trigger.0 {
            (m.end, trigger.0)
        } else {
            (trigger.1, m.start.max(trigger.1))
        };
        let between = &text[from..to];
        let fronted = m.start == facts.start && between.trim_start().starts_with(',');
        let mut breaks = between.matches([',', ';', '(', ')']).count()
            + article
                .compiled
                .coordinators
                .iter()
                .map(|c| between.matches(c.as_str()).count())
                .sum::<usize>()
            + article
                .compiled
                .relatives
                .iter()
                .map(|c| between.matches(c.as_str()).count())
                .sum::<usize>();
        if fronted {
            breaks = breaks.saturating_sub(1);
        }
        (to - from) + CLAUSE_PENALTY * breaks
    };
    // "Sustituye a Tomás Arregui, que se jubila el 28 de febrero": a date inside a relative
    // clause dates that clause, not a trigger outside it.
    // Not after a succession verb: "Brandt succeeds Ravi Menon, who will step down on
    // November 4": the successor arrives when the predecessor leaves.
    let relative_clauses = if kind.is_personal() && succession_at(article, facts, trigger) {
        Vec::new()
    } else {
        relative_clauses(article, facts)
    };
    let in_other_clause = |m: &temporal::Mention| {
        relative_clauses
            .iter()
            .any(|&(a, b)| m.start >= a && m.end <= b && !(trigger.0 >= a && trigger.1 <= b))
    };
    let usable = |m: &&temporal::Mention| {
        m.rule != "now" && !is_birth_date(article, facts, m.start) && !in_other_clause(m)
    };
    // "baut bis 2024 rund 700 Stellen ab, wie der Vorstand am Mittwoch ankündigte": a layoff
    // is dated by its announcement; a date still to come is its horizon, so a date of the
    // sentence that has already come wins over it.
    let horizon = |m: &temporal::Mention| {
        kind == EventKind::Layoff
            && m.first_day > article.published
            && facts
                .dates
                .iter()
                .filter(usable)
                .any(|p| p.first_day <= article.published)
    };
    let nearest = facts
        .dates
        .iter()
        .filter(usable)
        .filter(|m| !horizon(m))
        // "A few hours later" is read as a time today; it dates from the previous event.
        // "Drei Jahre später" is read as three years from now; it counts from the story.
        .filter(|m| {
            !facts
                .story_relative
                .iter()
                .any(|&(a, b)| a < m.end && b > m.start)
        })
        // Revenue is a period's figure: the period the sentence names ("no terceiro
        // trimestre", "in 2023") dates it, not the day it was reported ("informou ontem").
        .min_by_key(|m| {
            let day_of_report = kind == EventKind::Revenue
                && m.date.precision == Precision::Day
                && facts.dates.iter().any(|p| {
                    matches!(p.date.precision, Precision::Quarter | Precision::Year)
                        && !in_other_clause(p)
                        && p.rule != "now"
                });
            (day_of_report, distance(m))
        });
    // "il 2 settembre di quell'anno": a same-year phrase qualifying a date is that date's
    // year ([`with_sentence_year`]), not a date of its own.
    let qualifies_date = |at: usize, n: i32| {
        n == 0
            && facts
                .dates
                .iter()
                .any(|m| m.end <= at && at <= m.end + 8 && !text[m.end..at].contains(','))
    };
    // After the trigger too, in its own clause with no date between: "was promoted to CTO
    // the following year" (not "joined in 2004 and was promoted the following year" for
    // "joined").
    let postposed = |at: usize| {
        at >= trigger.1
            && at - trigger.1 <= POSTPOSED_REACH
            && !text[trigger.1..at].contains([',', ';', ':', '(', ')'])
            && !article
                .compiled
                .coordinators
                .iter()
                .any(|c| format!(" {} ", &text[trigger.1..at]).contains(c.as_str()))
            && !facts
                .dates
                .iter()
                .any(|m| m.start >= trigger.1 && m.end <= at)
    };
    let later = years_later_in(article, facts.text, facts.start)
        .into_iter()
        .filter(|y| !qualifies_date(y.start, y.years))
        .find(|y| y.start < trigger.0 || postposed(y.start));
    // "Nel 2008 è entrata …; cinque anni dopo": counted from a date of its own sentence
    // before it, else from the story's year.
    let anchor = |at: usize| {
        facts
            .dates
            .iter()
            .filter(|m| m.end <= at && m.rule != "now")
            // A day or month without its year is no anchor ("in March …; three years later").
            .filter(|m| writes_year(&text[m.start..m.end]))
            .filter(|m| {
                !facts
                    .story_relative
                    .iter()
                    .any(|&(a, b)| a < m.end && b > m.start)
            })
            .max_by_key(|m| m.end)
            .map(|m| m.first_day.year())
            .or(story.narrative_year)
    };
    if let Some(y) = later
        && let Some(year) = anchor(y.start)
    {
        let closer_mention = nearest.is_some_and(|m| m.end <= trigger.0 && m.start > y.start);
        if !closer_mention && let Some(first) = NaiveDate::from_ymd_opt(year + y.years, 1, 1) {
            return (event_date(first, Precision::Year, y.approx), DATED);
        }
    }
    if let Some(m) = nearest {
        if let Some(date) = with_sentence_year(article, facts, m, story) {
            return (date, DATED);
        }
        let mut date = m.date.clone();
        // "three years ago", "settant'anni fa": the guideline dates a count of years back at
        // year precision, approximate (the temporal layer keeps the month, as Duckling does).
        if m.rule == "ago" && m.grain == temporal::Grain::Month {
            date = event_date(m.first_day, Precision::Year, true);
        }
        // A relative date inside a quotation of unknown date, or in someone's own words
        // ("ieri è stato il mio ultimo giorno", from a post the article dates elsewhere),
        // counts from a day the article does not give: a weak date that any date the text
        // states for the same event outranks.
        let relative = m.rule.starts_with("relative") || m.rule == "ago" || m.rule == "weekday";
        // A quotation with its own date ("a post dated May 17: 'yesterday…'") was already
        // resolved against that date by the temporal layer: then the date is sound.
        let reanchored = || {
            let alone = &article.text[m.start..m.end];
            temporal::find_mentions(alone, article.lang, article.published, Preference::Past)
                .first()
                .is_some_and(|plain| plain.date != m.date)
        };
        if relative
            && (m.quoted || article.compiled.first_person.is_match(facts.text))
            && !reanchored()
        {
            date.approx = true;
            return (date, QUOTED_DATED);
        }
        if m.rule == "relative_day"
            && article
                .compiled
                .present
                .is_match(&article.text[m.start..m.end])
        {
            date.approx = true;
        }
        // "assumerà l'incarico dal primo luglio", "will take over on March 1": a departure or
        // appointment told in the future takes effect on the next such day, not the last.
        // A verb and the date in one clause ("assumerà l'incarico dal primo luglio"), not
        // "will become CEO, the company said on Wednesday".
        let in_clause = |verbs: &WordRegex| {
            verbs
                .find_iter(facts.text)
                .map(|(a, b)| (facts.start + a, facts.start + b))
                .any(|(a, b)| {
                    let (from, to) = if b <= m.start {
                        (b, m.start)
                    } else {
                        (m.end, a.max(m.end))
                    };
                    let between = &article.text[from..to];
                    !between.contains([',', ';', ':', '(', ')'])
                        && !article
                            .compiled
                            .coordinators
                            .iter()
                            .any(|c| between.contains(c.as_str()))
                })
        };
        let future_here = in_clause(&article.compiled.future);
        // "übernimmt das Amt zum 1. April", "dal 1° ottobre", "effective March 1": an
        // effective date is still to come when its day or month has no year.
        let effective_here = || {
            let mut from = m.start.saturating_sub(25).max(facts.start);
            while !article.text.is_char_boundary(from) {
                from += 1;
            }
            article
                .compiled
                .effective
                .find_iter(&article.folded[from..m.end])
                .any(|(a, b)| from + a <= m.start + 1 && from + b + 2 >= m.start)
        };
        if kind.is_personal() && m.rule != "weekday" && !relative {
            let alone = &article.text[m.start..m.end];
            let next =
                temporal::find_mentions(alone, article.lang, article.published, Preference::Future)
                    .into_iter()
                    .next()
                    .filter(|next| next.first_day > m.first_day && next.first_day.year() <= 9999);
            if let Some(next) = next {
                // A day or month without a year: the next one when the clause is about the
                // future or the date is an effective date; also when the last one lies most
                // of a year back and the next is weeks ahead ("se jubila el 28 de febrero"
                // in a mid-February article).
                let back = (article.published - m.first_day).num_days();
                let ahead = (next.first_day - article.published).num_days();
                let future_clause = m.tense == temporal::Tense::Future;
                let soon = back > 270 && ahead <= 62 && !in_clause(&article.compiled.past);
                if future_here || future_clause || effective_here() || soon {
                    return (next.date, DATED);
                }
            }
        }
        return (date, DATED);
    }
    if let Some(year) = bare_year(article, facts, trigger) {
        return (event_date(year, Precision::Year, false), BARE_YEAR_DATED);
    }
    if let Some(prev) = story
        .previous
        .as_ref()
        .filter(|_| article.compiled.shortly_after.is_match(facts.text))
    {
        // The sentence says which day it is ("the same day", "hours later"): a date the
        // text gives, as sound as one it writes out.
        let mut date = prev.clone();
        date.approx = true;
        return (date, DATED);
    }
    let date = event_date(article.published, Precision::Day, true);
    if article.compiled.present.is_match(facts.text) {
        return (date, CONTEXT_DATED);
    }
    (date, FALLBACK_DATED)
}

/// The relative clauses of a sentence, as byte spans of the text: from a comma followed by a
/// relative pronoun (", que", ", who", ", che") to the next clause punctuation or the
/// sentence's end. German is left out: its relatives are its articles.
fn relative_clauses(article: &Article<'_>, facts: &SentenceFacts<'_>) -> Vec<(usize, usize)> {
    let words = article.compiled.words;
    let folded = &article.folded[facts.start..facts.end];
    let mut out = Vec::new();
    for (comma, _) in folded.match_indices(',') {
        let after = &folded[comma + 1..];
        let rest = after.trim_start();
        let word = rest
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        // ", who …", ", que …", and the participle that describes the name before it
        // (", partie en janvier", ", révoquée le mois dernier", ", ousted in May").
        let described = article
            .compiled
            .participles
            .find_at(rest, 0)
            .is_some_and(|(s, e)| s == 0 && e == word.len())
            && facts.people.iter().any(|p| {
                p.end >= facts.start + comma.saturating_sub(1) && p.end <= facts.start + comma
            });
        let opened = comma + 1 + (after.len() - rest.len());
        let close = folded[opened..]
            .find([',', ';', ':', '(', ')'])
            .map_or(folded.len(), |i| opened + i);
        // An apposition after a name that holds a relative clause of its own (", a former
        // banker who joined in 2019,"): its dates belong to that clause too.
        let apposition_relative = || {
            facts.people.iter().any(|p| p.end == facts.start + comma)
                && folded[opened..close]
                    .split(|c: char| !c.is_alphabetic())
                    .skip(1)
                    .any(|w| words.relatives.contains(&w))
        };
        if word.is_empty()
            || !(words.relatives.contains(&word) || described || apposition_relative())
        {
            continue;
        }
        out.push((facts.start + comma, facts.start + close));
    }
    out
}

/// What a clause boundary between a date and a trigger weighs, in bytes of distance.
const CLAUSE_PENALTY: usize = 60;

/// Whether a date mention at `at` is introduced by a birth word ("nato il …", "born on …").
fn is_birth_date(article: &Article<'_>, facts: &SentenceFacts<'_>, at: usize) -> bool {
    let mut from = at.saturating_sub(40).max(facts.start);
    while !article.text.is_char_boundary(from) {
        from += 1;
    }
    // Only in the date's own clause: "Anna Rota, nata nel 1975, è stata nominata ieri".
    let window = &article.text[from..at];
    let clause = window.rsplit([',', ';', '(', ')']).next().unwrap_or(window);
    article.compiled.birth.is_match(clause)
}

/// The id of an event: kind, date value and subject, slugged
/// (`resignation-2024-09-26-mira-murati`, `headcount-2023-12-openai-770`).
pub fn event_id(e: &Event) -> String {
    let subject = if e.persons.is_empty() {
        let figure = e
            .count
            .map(|c| c.to_string())
            .or_else(|| {
                e.amount
                    .as_ref()
                    .map(|a| format!("{}-{}", a.value, a.currency))
            })
            .unwrap_or_default();
        format!(
            "{} {} {}",
            e.org.as_deref().unwrap_or(""),
            e.target.as_deref().unwrap_or(""),
            figure
        )
    } else {
        e.persons.join(" ")
    };
    let subject = slug(&subject);
    if subject.is_empty() {
        format!("{}-{}", e.kind.as_str(), e.date.value)
    } else {
        format!("{}-{}-{}", e.kind.as_str(), e.date.value, subject)
    }
}

/// How far after a trigger a person may stand and still be its subject ("named Jane Doe").
const AFTER_TRIGGER_REACH: usize = 30;

/// The subjects of one trigger: the nearest person before it and the people coordinated
/// with that one; failing that, a person right after it with nothing but articles, roles
/// and companies between ("Acme appointed Jane Doe", "le dimissioni di Jane Doe").
#[allow(clippy::too_many_arguments)] // the slots of one clause: text, words, people, roles, companies, dates
fn subjects<'a>(
    text: &str,
    words: &LangTable,
    tense: &TenseWords,
    people: &'a [Found],
    trigger: (usize, usize),
    roles: &[Found],
    orgs: &[Found],
    dates: &[(usize, usize)],
) -> Vec<&'a Found> {
    // A semicolon ends the subject's reach: "Reuter legte ihr Amt nieder; kommissarisch
    // übernimmt Jens Okafor die Finanzen". (A colon does not: it often opens what the
    // subject said or did.)
    let mut before: Vec<&Found> = people
        .iter()
        .filter(|p| p.end <= trigger.0 && !text[p.end..trigger.0].contains(';'))
        .collect();
    if let Some(head) = parenthetical_head(text, words, tense, &before, trigger) {
        before.truncate(head + 1);
    }
    if let Some((&last, earlier)) = before.split_last() {
        let mut out = vec![last];
        let gap = format!(" {} ", &text[last.end..trigger.0].replace(',', " "));
        if words
            .relatives
            .iter()
            .any(|r| gap.contains(&format!(" {r} ")))
        {
            // "… and Lena Fischer, who left": the relative clause is hers alone.
            return out;
        }
        let mut head = last;
        for &p in earlier.iter().rev() {
            if !only_coordination(text, words, (p.end, head.start), roles, orgs, &[])
                && !list_gap(text, words, tense, (p.end, head.start), roles, orgs)
            {
                break;
            }
            out.push(p);
            head = p;
        }
        out.reverse();
        return out;
    }
    // A verb-second clause may hold its subject inside a long trigger ("Zum 1. Oktober
    // übernimmt Henrike Vogt den Posten").
    if let Some(inside) = people
        .iter()
        .find(|p| p.start > trigger.0 && p.end <= trigger.1)
    {
        return vec![inside];
    }
    people
        .iter()
        .find(|p| p.start >= trigger.1)
        .filter(|p| {
            p.start - trigger.1 <= AFTER_TRIGGER_REACH + date_bytes(dates, (trigger.1, p.start))
                && gap_is_clear(
                    text,
                    words,
                    (trigger.1, p.start),
                    dates,
                    &[',', ';', ':', '.'],
                )
                && only_coordination(text, words, (trigger.1, p.start), roles, orgs, dates)
        })
        .into_iter()
        .collect()
}

/// The subject that a parenthetical holding the last name before the verb hangs on: "Helen
/// Marsh, who hired Victor Lang in 2019, resigned", "A, che nel 2019 aveva assunto B per
/// due anni, si è dimessa", "Uwe Hartl, der lange mit Jonas Brehm verhandelt hatte, trat zurück" (the
/// index of Marsh, A, Hartl in `before`). The parenthetical opens with a comma after that
/// name, with words before the last name and no other comma, and closes with a comma before
/// the verb, with words between the last name and that comma. "A, the CFO, and B, the CTO, resigned" is a list; "A said that B, the CFO,
/// resigned" is a report.
fn parenthetical_head(
    text: &str,
    words: &LangTable,
    tense: &TenseWords,
    before: &[&Found],
    trigger: (usize, usize),
) -> Option<usize> {
    let [.., head, last] = before else {
        return None;
    };
    // The closing comma, with words before it: a bare comma may open an apposition of the
    // last name instead ("come il direttore finanziario Sarah Friar, subentrata a giugno").
    let tail = &text[last.end..trigger.0];
    let closing = tail.rfind(',')?;
    if !tail[..closing].chars().any(char::is_alphabetic) {
        return None;
    }
    let gap = &text[head.end..last.start];
    let open = gap.find(',')?;
    let inside = &gap[open + 1..];
    let lower = |w: &str| w.to_lowercase();
    let inside_words: Vec<String> = inside
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(lower)
        .collect();
    let lead: Vec<String> = gap[..open]
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(lower)
        .collect();
    let reported =
        |w: &String| tense.reports.contains(&w.as_str()) || tense.breaks.contains(&w.as_str());
    let opens_item = inside_words
        .first()
        .is_some_and(|w| words.coordinators.contains(&w.as_str()));
    (!inside.contains(',') && !inside_words.is_empty() && !opens_item && !lead.iter().any(reported))
        .then_some(before.len() - 2)
}

/// How many words an item of a list of people may hold besides its role, company and
/// coordination words: its article and modifiers ("der frühere", "o diretor de operações").
const LIST_ITEM_WORDS: usize = 3;

/// Whether `text[gap]` separates two items of a list of people ("the general counsel A, the
/// chief compliance officer B and C resigned", "der bisherige Vorsitzende A, der frühere
/// Finanzvorstand B und C schieden aus"): it opens with a comma or a coordinator, has no
/// clause punctuation, second comma, relative pronoun, reporting verb or clause break, and
/// holds at most [`LIST_ITEM_WORDS`] other words. "A, who hired B," and "A told B" are no
/// lists.
fn list_gap(
    text: &str,
    words: &LangTable,
    tense: &TenseWords,
    gap: (usize, usize),
    roles: &[Found],
    orgs: &[Found],
) -> bool {
    let raw = &text[gap.0..gap.1];
    let opened = raw.trim_start();
    let first = opened
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    if !(opened.starts_with(',') || words.coordinators.contains(&first.as_str())) {
        return false;
    }
    // One separator, where the item opens: a second comma ends the list ("A e altri
    // dirigenti, come B": B is an example, not an item).
    if opened.trim_start_matches(',').contains(',') {
        return false;
    }
    if without_honorifics(raw, words).contains([';', ':', '.', '(', ')', '"', '“', '”']) {
        return false;
    }
    let rest = gap_outside(
        text,
        gap,
        roles.iter().chain(orgs).map(|f| (f.start, f.end)),
    );
    let mut others = 0;
    for w in rest
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        let w = w.to_lowercase();
        let w = w.as_str();
        if words.relatives.contains(&w) || tense.reports.contains(&w) || tense.breaks.contains(&w) {
            return false;
        }
        let small = words.coordination.binary_search(&w).is_ok()
            || words.coordinators.contains(&w)
            || words.articles.contains(&w)
            || words.honorifics.binary_search(&w).is_ok();
        if !small {
            others += 1;
        }
    }
    others <= LIST_ITEM_WORDS
}

/// `text[gap]` with the spans inside it (roles, companies, dates) taken out, each left as a
/// space.
fn gap_outside(
    text: &str,
    gap: (usize, usize),
    spans: impl Iterator<Item = (usize, usize)>,
) -> String {
    let mut skip: Vec<(usize, usize)> = spans.filter(|f| f.0 >= gap.0 && f.1 <= gap.1).collect();
    skip.sort_unstable();
    let mut rest = String::with_capacity(gap.1.saturating_sub(gap.0));
    let mut i = gap.0;
    for (start, end) in skip {
        if start >= i {
            rest.push_str(&text[i..start]);
            rest.push(' ');
            i = end;
        }
    }
    if i < gap.1 {
        rest.push_str(&text[i..gap.1]);
    }
    rest
}

/// How many bytes of `gap` date mentions take.
fn date_bytes(dates: &[(usize, usize)], gap: (usize, usize)) -> usize {
    dates
        .iter()
        .filter(|d| d.0 >= gap.0 && d.1 <= gap.1)
        .map(|d| d.1 - d.0)
        .sum()
}

/// Whether `text[gap]` holds only punctuation, coordination words, roles and companies.
fn only_coordination(
    text: &str,
    words: &LangTable,
    gap: (usize, usize),
    roles: &[Found],
    orgs: &[Found],
    dates: &[(usize, usize)],
) -> bool {
    let rest = gap_outside(
        text,
        gap,
        roles
            .iter()
            .chain(orgs)
            .map(|f| (f.start, f.end))
            .chain(dates.iter().copied()),
    );
    rest.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .all(|w| {
            let w = w.to_lowercase();
            words.coordination.binary_search(&w.as_str()).is_ok()
                || words.honorifics.binary_search(&w.as_str()).is_ok()
        })
}

/// `gap` with the honorifics and their dots taken out ("appointed Dr. Jane Doe": the dot
/// of "Dr." ends no clause).
fn without_honorifics(gap: &str, words: &LangTable) -> String {
    let mut out = String::with_capacity(gap.len());
    let mut rest = gap;
    while !rest.is_empty() {
        let word_len = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        if word_len == 0 {
            let c = rest.chars().next().map_or(1, char::len_utf8);
            out.push_str(&rest[..c]);
            rest = &rest[c..];
            continue;
        }
        let (word, after) = rest.split_at(word_len);
        let lower = word.to_lowercase();
        if words.honorifics.binary_search(&lower.as_str()).is_ok() {
            // "Dr.", "Eng.º", "Prof.ª": the abbreviation's marks go with it.
            let marks = after
                .find(|c: char| !matches!(c, '.' | 'º' | 'ª'))
                .unwrap_or(after.len());
            out.push(' ');
            rest = &after[marks..];
        } else {
            out.push_str(word);
            rest = after;
        }
    }
    out
}

/// A person's role: a title right before the name ("il direttore finanziario sarah friar",
/// "CEO Jane Doe") with no other person between, or one in apposition right after it
/// ("mira murati, chief technology officer di openai").
fn role_of<'a>(
    text: &str,
    words: &LangTable,
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
                between.is_empty() || words.apposition.contains(&between.as_str())
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

/// The company the article is about: the most frequent name of the company lexicon, or a
/// capitalised name the lexicon misses ("Northwind") when it occurs more often (at least
/// twice), people and places aside.
fn main_org(
    article: &Article<'_>,
    sentences: &[sentence::Sentence],
    people_of: &[Vec<Found>],
    lexicon: &[Found],
    lowercase: bool,
) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for f in lexicon {
        *counts.entry(f.name.as_str()).or_default() += 1;
    }
    let best_lexicon = counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(name, n)| ((*name).to_string(), *n));
    let mut names: HashMap<String, usize> = HashMap::new();
    for (s, people) in sentences.iter().zip(people_of) {
        let span = (s.start, s.end);
        for c in org_candidates(article, span, lowercase) {
            let overlaps = |f: &Found| c.start < f.end && c.end > f.start;
            if !within(lexicon, span, |o| (o.start, o.end)).any(overlaps)
                && !people.iter().any(overlaps)
            {
                *names.entry(c.name).or_default() += 1;
            }
        }
    }
    let lexicon_count = best_lexicon.as_ref().map_or(0, |b| b.1);
    let best_name = names
        .into_iter()
        .filter(|&(_, n)| n >= 2 && n > lexicon_count)
        .max_by(|a, b| {
            a.1.cmp(&b.1)
                .then(b.0.len().cmp(&a.0.len()))
                .then(b.0.cmp(&a.0))
        });
    best_name
        .map(|(name, _)| name)
        .or(best_lexicon.map(|b| b.0))
}

/// German determiners and article contractions: a capitalised word after one is a noun.
const DETERMINERS_DE: &[&str] = &[
    "am", "ans", "aufs", "beim", "dein", "deine", "dem", "den", "der", "des", "dessen", "die",
    "diese", "diesem", "diesen", "dieser", "dieses", "ein", "eine", "einem", "einen", "einer",
    "eines", "ihr", "ihre", "ihrem", "ihren", "ihrer", "ihres", "im", "ins", "jede", "jedem",
    "jeden", "jeder", "jedes", "kein", "keine", "keinem", "keinen", "keiner", "sein", "seine",
    "seinem", "seinen", "seiner", "seines", "unser", "unsere", "vom", "zum", "zur", "alle",
    "allen", "beide", "beiden", "viele", "vielen", "mehrere", "einige", "welche", "welcher",
];

/// Companies a language that capitalises its nouns names without a legal form ("Kronberg
/// hat die Übernahme abgeschlossen", "bei Hanseflug"): a capitalised word that the article
/// writes at least twice after no determiner, number or adjective, and never after one,
/// outside sentence openings, dates and people's names. Common nouns take a determiner
/// somewhere ("die Bank", "900 Stellen", "neue Chefin"); names do not.
fn bare_company_names(
    text: &str,
    lang: Lang,
    published: NaiveDate,
    people_of: &[Vec<Found>],
) -> Vec<String> {
    let words = compiled(lang).words;
    let dates = temporal::find_mentions(text, lang, published, Preference::Past);
    let name_words: std::collections::HashSet<&str> = people_of
        .iter()
        .flatten()
        .flat_map(|p| p.name.split([' ', '-']))
        .collect();
    // Names with a legal form ("die Kronberg Chemie AG"): their words are left out of the
    // count, and their first word is the company's short name where the article writes it
    // alone ("hat Kronberg … abgeschlossen").
    let mut legal: Vec<(usize, usize)> = Vec::new();
    let mut short_names: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let tokens: Vec<(usize, &str)> = text
        .split_inclusive(char::is_whitespace)
        .scan(0, |at, t| {
            let start = *at;
            *at += t.len();
            Some((
                start,
                t.trim_end().trim_end_matches([',', '.', ';', ':', ')']),
            ))
        })
        .collect();
    for (i, &(start, word)) in tokens.iter().enumerate() {
        if !LEGAL_FORMS.contains(&word) || i == 0 {
            continue;
        }
        let mut first = i;
        while first > 0
            && tokens[first - 1]
                .1
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && i - first < 4
        {
            first -= 1;
        }
        while first < i && is_stopword(tokens[first].1) {
            first += 1;
        }
        if first < i {
            legal.push((tokens[first].0, start + word.len()));
            short_names.insert(tokens[first].1);
        }
    }
    let mut tally: HashMap<&str, (usize, bool)> = HashMap::new();
    let mut previous: Option<&str> = None;
    let mut before_previous: Option<&str> = None;
    let mut sentence_start = true;
    let mut at = 0;
    for token in text.split_inclusive(|c: char| !(c.is_alphanumeric() || c == '-')) {
        let start = at;
        at += token.len();
        let word = token.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '-'));
        let ends_sentence = token[word.len()..].contains(['.', '!', '?', ':', '–', '"', '„']);
        if word.is_empty() {
            if token.contains(['.', '!', '?', ':', '\n']) {
                sentence_start = true;
            }
            continue;
        }
        let capitalised = word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().count() >= 3
            && word.chars().skip(1).any(char::is_lowercase);
        if capitalised
            && !legal.iter().any(|&(a, b)| a <= start && start < b)
            && !name_words.contains(word)
            && !words.honorifics.contains(&word.to_lowercase().as_str())
            && !dates.iter().any(|m| m.start <= start && start < m.end)
        {
            let lower = word.to_lowercase();
            let stop = words.stopwords.binary_search(&lower.as_str()).is_ok();
            // A sentence's first word has no word before it.
            let previous = previous.filter(|_| !sentence_start);
            let determiner = |w: Option<&str>| {
                w.is_some_and(|w| {
                    let w = w.to_lowercase();
                    DETERMINERS_DE.contains(&w.as_str())
                        || words.articles.contains(&w.as_str())
                        // A count ("900 neue Stellen"), not a year ("2025 beschäftigte").
                        || (w.chars().all(|c| c.is_ascii_digit() || c == ',') && w.len() != 4)
                })
            };
            // "die neue Chefin": an adjective after a determiner.
            let adjective = previous.is_some_and(|p| {
                p.chars().next().is_some_and(char::is_lowercase)
                    && ["e", "en", "er", "es", "em"].iter().any(|e| p.ends_with(e))
            }) && determiner(before_previous);
            let noun_context = determiner(previous) || adjective;
            let entry = tally.entry(word).or_insert((0, false));
            if stop || noun_context {
                entry.1 = true;
            } else if !sentence_start {
                entry.0 += 1;
            }
        }
        before_previous = previous;
        previous = Some(word);
        sentence_start = ends_sentence;
    }
    let mut names: Vec<String> = tally
        .into_iter()
        .filter(|&(w, (bare, noun))| !noun && (bare >= 2 || bare >= 1 && short_names.contains(w)))
        .map(|(w, _)| w.to_string())
        .collect();
    names.sort();
    names
}

/// The items of `sorted` (by start) that lie inside `span`.
fn within<'a, T>(
    sorted: &'a [T],
    span: (usize, usize),
    bounds: impl Fn(&T) -> (usize, usize) + Copy + 'a,
) -> impl Iterator<Item = &'a T> + 'a {
    let first = sorted.partition_point(|t| bounds(t).0 < span.0);
    sorted[first..]
        .iter()
        .take_while(move |t| bounds(t).0 < span.1)
        .filter(move |t| bounds(t).1 <= span.1)
}

/// Companies of lowercase text that the lexicon misses, named through a role ("amministratrice
/// delegata di vetrofin" → "Vetrofin"), with every mention of them in the text.
fn cue_organisations(
    text: &str,
    folded: &str,
    lang: Lang,
    lexicon: &[Found],
    cased: bool,
) -> Vec<Found> {
    let mut names: Vec<String> = Vec::new();
    for caps in compiled(lang).org_cue.captures_iter(folded) {
        let (Some(whole), Some(word)) = (caps.get(0), caps.name("org")) else {
            continue;
        };
        let mut w = &text[word.start()..word.end()];
        if cased {
            // Cased text: the name is capitalised, and may run over a few capitalised
            // words ("Hansa Logistik", "Norwerk Energie AG").
            if !w.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let mut end = word.end();
            for _ in 0..2 {
                let rest = &text[end..];
                let gap = rest.len() - rest.trim_start_matches(' ').len();
                let next: &str = rest[gap..]
                    .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '&'))
                    .next()
                    .unwrap_or("");
                if gap != 1
                    || !next.chars().next().is_some_and(char::is_uppercase)
                    || is_stopword(next)
                {
                    break;
                }
                end += gap + next.len();
            }
            w = &text[word.start()..end];
        }
        let mid_word = text[..whole.start()]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let taken = mid_word
            || lexicon.iter().any(|o| o.start < word.end() && o.end > word.start())
            // "il vicepresidente della ricerca": the word belongs to a longer role.
            || entities::roles(text, (whole.start(), whole.end()), lang)
                .iter()
                .any(|r| r.end > word.start());
        if w.chars().count() >= 3
            && !taken
            && !is_stopword(w)
            && !entities::is_first_name(w)
            && !w.chars().all(|c| c.is_numeric())
            && !names.iter().any(|n| n == w)
        {
            names.push(w.to_string());
        }
    }
    if names.is_empty() {
        return Vec::new();
    }
    // Every whole-word mention of each name (a few names: plain substring search).
    let mut found: Vec<Found> = Vec::new();
    for name in &names {
        for (start, _) in text.match_indices(name.as_str()) {
            let end = start + name.len();
            let bounded = !text[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !text[end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if bounded && !lexicon.iter().any(|o| o.start < end && o.end > start) {
                found.push(Found {
                    start,
                    end,
                    name: if cased {
                        name.clone()
                    } else {
                        entities::capitalise(name)
                    },
                });
            }
        }
    }
    found.sort_by_key(|f| f.start);
    found
}

/// A year written alone in the trigger's sentence, which the date engine leaves to its
/// context ("Die Erlöse lagen 2022 bei …", "gründete Quarzfeld im Jahr 2015", "revenue of
/// $1.6 billion for 2023"): four digits from 1900 up to the publication year, not part of a
/// larger number, a percentage or an amount; the nearest to the trigger.
fn bare_year(
    article: &Article<'_>,
    facts: &SentenceFacts<'_>,
    trigger: (usize, usize),
) -> Option<NaiveDate> {
    let published = chrono::Datelike::year(&article.published);
    year_candidates(facts.text, facts.start, published)
        .into_iter()
        // Part of an amount or a count ("2022 Mitarbeiter", "$2022 million") is no year,
        // and one inside a date the engine read (a birth date left out) is taken.
        .filter(|&(start, end, _)| {
            !facts.dates.iter().any(|m| m.start <= start && m.end >= end)
                && !facts
                    .quantities
                    .iter()
                    .any(|q| q.start <= start && q.end >= end && !q.year_like)
        })
        .min_by_key(|&(start, end, _)| {
            if end <= trigger.0 {
                trigger.0 - end
            } else {
                start.saturating_sub(trigger.1)
            }
        })
        .and_then(|(_, _, year)| NaiveDate::from_ymd_opt(year, 1, 1))
}

/// Four-digit years from 1800 ("gegründet 1887") up to `latest` written alone in `text` (a sentence starting
/// at byte `offset`): not glued to letters, currency signs or other digits, not a
/// percentage. Spans are offset into the article.
fn year_candidates(text: &str, offset: usize, latest: i32) -> Vec<(usize, usize, i32)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if run == 0 {
            i += 1;
            continue;
        }
        let (start, end) = (i, i + run);
        i = end;
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        let glued =
            |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '$' || c == '€');
        // "2.022", "1,2022": a separator with a digit on its other side.
        let before_sep = matches!(before, Some('.' | ','))
            && text[..start - 1]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit());
        let after_sep = matches!(after, Some('.' | ','))
            && text[end + 1..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit());
        if run != 4
            || glued(before)
            || glued(after)
            || before_sep
            || after_sep
            || after == Some('%')
        {
            continue;
        }
        if let Ok(year) = text[start..end].parse::<i32>()
            && (1800..=latest).contains(&year)
        {
            out.push((offset + start, offset + end, year));
        }
    }
    out
}

/// The first day an event date covers (`2014` → 2014-01-01, `2024-05` → 2024-05-01).
fn first_day(date: &EventDate) -> Option<NaiveDate> {
    let v = &date.value;
    let padded = match v.len() {
        4 => format!("{v}-01-01"),
        7 => format!("{v}-01"),
        _ => v.get(..10)?.to_string(),
    };
    NaiveDate::parse_from_str(&padded, "%Y-%m-%d").ok()
}

/// The name found most often (the first on a tie).
fn most_frequent(found: &[Found]) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for f in found {
        match counts.iter_mut().find(|(name, _)| *name == f.name) {
            Some((_, n)) => *n += 1,
            None => counts.push((&f.name, 1)),
        }
    }
    let best = counts.iter().map(|c| c.1).max()?;
    counts
        .into_iter()
        .find(|c| c.1 == best)
        .map(|(name, _)| name.to_string())
}

/// Capitalised names in `span` that may be companies the lexicon misses: none in lowercase
/// text or in a language that capitalises every noun; never a place (a name right after a
/// locative preposition: "in Sevilla", "en France") or an adjective ("Boston-based").
fn org_candidates(article: &Article<'_>, span: (usize, usize), lowercase: bool) -> Vec<Found> {
    let text = article.text;
    let legal_form = |c: &Found| {
        c.name
            .rsplit(' ')
            .next()
            .is_some_and(|last| LEGAL_FORMS.contains(&last.trim_end_matches('.')))
    };
    entities::proper_nouns(text, span, lowercase)
        .into_iter()
        // German capitalises every noun: there only a legal form ("Norwerk AG") tells a
        // company.
        .filter(|c| {
            !article.compiled.capitalised_nouns
                || legal_form(c)
                || article.bare_names.contains(&c.name)
        })
        .filter(|c| {
            let adjective = c
                .name
                .rsplit_once('-')
                .is_some_and(|(_, tail)| tail.chars().next().is_some_and(char::is_lowercase));
            let place = after_locative(article, &text[span.0..c.start]);
            // "Series D", "Class A": a run ending in a lone capital letter names a kind of
            // thing, not a company.
            let series = c
                .name
                .rsplit_once(' ')
                .is_some_and(|(_, last)| last.chars().count() == 1);
            !adjective && !place && !series
        })
        .filter_map(|mut c| {
            // "A Atlântica Energia", "The Walt Disney Company": a sentence's capitalised
            // article is not part of the name.
            while let Some((first, rest)) = c.name.split_once(' ')
                && is_stopword(first)
            {
                c.start += first.len() + 1;
                c.name = rest.to_string();
            }
            (!is_stopword(&c.name)).then_some(c)
        })
        .collect()
}

/// Legal forms that end a company's name ("Norwerk AG", "Brenntec GmbH", "Acme Inc").
const LEGAL_FORMS: &[&str] = &[
    "AG", "BV", "Corp", "GmbH", "Inc", "KG", "KGaA", "LLC", "Ltd", "Ltda", "NV", "plc", "SA", "SE",
    "SpA", "Srl",
];

/// Whether `word` is a stop word of any language ("The", "A", "Der").
fn is_stopword(word: &str) -> bool {
    let lower = word.to_lowercase();
    crate::lang::packs().any(|p| p.words.stopwords.binary_search(&lower.as_str()).is_ok())
}

/// Whether two events report the same real-world event. A person's departure is one event
/// whether the text calls it a resignation or a dismissal; company events of one kind with
/// compatible dates are one event unless both give figures that differ.
fn same_event(a: &Event, b: &Event) -> bool {
    let departure = |k: EventKind| matches!(k, EventKind::Resignation | EventKind::Dismissal);
    if a.kind != b.kind && !(departure(a.kind) && departure(b.kind)) {
        return false;
    }
    let dates_compatible = a.date == b.date
        || a.confidence < DATED
        || b.confidence < DATED
        || a.date.value.starts_with(&b.date.value)
        || b.date.value.starts_with(&a.date.value);
    if a.kind.is_personal() && (!a.persons.is_empty() || !b.persons.is_empty()) {
        // Two roles are two appointments ("named her chief executive; she had been chief
        // financial officer since 2020").
        let roles_differ = matches!((&a.role, &b.role), (Some(x), Some(y)) if x != y);
        return a.persons == b.persons && dates_compatible && !roles_differ;
    }
    let close = |x: f64, y: f64| (x - y).abs() <= 0.02 * x.abs().max(y.abs());
    let figures_agree = match (&a.amount, &b.amount, a.count, b.count) {
        (Some(x), Some(y), _, _) => x.currency == y.currency && close(x.value, y.value),
        (None, None, Some(x), Some(y)) => close(x as f64, y as f64),
        _ => true,
    };
    figures_agree && dates_compatible
}

/// One sentence telling a departure twice, as announced and as effective ("X, who
/// announced her resignation on Monday, will leave on 31 October"), is one departure at
/// its effective date (the guideline): the later of two dates less than a year apart.
fn keep_effective_departures(events: &mut Vec<Event>) {
    let departure = |k: EventKind| matches!(k, EventKind::Resignation | EventKind::Dismissal);
    let mut drop = vec![false; events.len()];
    for (i, a) in events.iter().enumerate() {
        for (j, b) in events.iter().enumerate() {
            if i == j || drop[j] || !departure(a.kind) || !departure(b.kind) {
                continue;
            }
            let same = a.evidence.start == b.evidence.start && a.persons == b.persons;
            let (Some(da), Some(db)) = (first_day(&a.date), first_day(&b.date)) else {
                continue;
            };
            // `a` is announced, `b` takes effect later in the same sentence.
            if same && !a.persons.is_empty() && da < db && (db - da).num_days() < 366 {
                drop[i] = true;
            }
        }
    }
    let mut k = 0;
    events.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// A layoff smaller than another one the article reports for the same date is a part of it
/// ("9,000 of the jobs will be cut in the U.S."), not an event of its own.
fn drop_layoff_parts(events: &mut Vec<Event>) {
    let layoffs: Vec<(String, Option<String>, u64)> = events
        .iter()
        .filter(|e| e.kind == EventKind::Layoff)
        .filter_map(|e| Some((e.date.value.clone(), e.org.clone(), e.count?)))
        .collect();
    // Two known companies of the lexicon are different companies; a name the lexicon does
    // not know ("PSA", "U.S.") may be the same one.
    let same_company = |a: &Option<String>, b: &Option<String>| match (a, b) {
        (Some(a), Some(b)) => a == b || !entities::is_company(a) || !entities::is_company(b),
        _ => true,
    };
    events.retain(|e| {
        e.kind != EventKind::Layoff
            || e.count.is_none_or(|c| {
                !layoffs.iter().any(|(date, org, bigger)| {
                    *bigger > c && *date == e.date.value && same_company(org, &e.org)
                })
            })
    });
}

/// Drops a funding event whose amount is the valuation stated in the same sentence ("raised
/// $420 million in a round …, a deal that valued it at $6.6bn": the round is $420 million).
fn drop_valuations_read_as_funding(events: &mut Vec<Event>) {
    let valuations: Vec<(usize, Option<f64>)> = events
        .iter()
        .filter(|e| e.kind == EventKind::Valuation)
        .map(|e| (e.evidence.start, e.amount.as_ref().map(|a| a.value)))
        .collect();
    events.retain(|e| {
        e.kind != EventKind::Funding
            || !valuations.iter().any(|&(start, value)| {
                start == e.evidence.start
                    && value.is_some()
                    && value == e.amount.as_ref().map(|a| a.value)
            })
    });
}

/// One event per real-world event: a date the text states beats a date from context or the
/// publication fallback (higher confidence), then the more specific date wins, then the
/// earlier sentence. Events come out in text order.
fn dedupe(events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for e in events {
        match out.iter_mut().find(|o| same_event(o, &e)) {
            Some(existing) => {
                let better = e.confidence > existing.confidence
                    || (e.confidence == existing.confidence
                        && e.date.is_more_specific_than(&existing.date));
                if better {
                    let role = existing.role.take();
                    *existing = e;
                    if existing.role.is_none() {
                        existing.role = role;
                    }
                }
            }
            None => out.push(e),
        }
    }
    drop_layoff_parts(&mut out);
    drop_valuations_read_as_funding(&mut out);
    keep_effective_departures(&mut out);
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
    fn explain_says_how_each_trigger_was_read() {
        let text = "Laura Finch succeeded Peter Dunmore as chief executive on Thursday. \
                    Analysts said Jane Doe could resign. Orvane expects revenue of $2 billion.";
        let input = ArticleInput {
            text,
            published: NaiveDate::from_ymd_opt(2024, 9, 27),
            lang: Some(Lang::En),
        };
        let (x, traces) = explain(&input).expect("explains");
        assert_eq!(x, extract(&input).expect("extracts"), "the same events");
        let outcomes: Vec<&str> = traces.iter().map(|t| t.outcome.as_str()).collect();
        assert!(
            outcomes.iter().any(|o| o.contains("peter-dunmore")
                && o.contains("succession")
                && o.contains("'on Thursday'")),
            "{outcomes:?}"
        );
        assert!(
            outcomes.contains(&"blocked by 'could' in its clause"),
            "{outcomes:?}"
        );
        assert!(
            outcomes.contains(&"blocked by 'expects' in its clause"),
            "{outcomes:?}"
        );
        let shown = render_traces(text, &traces);
        assert_eq!(shown.matches("Laura Finch succeeded").count(), 1, "{shown}");
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
        let far = NaiveDate::from_ymd_opt(10_000, 1, 1);
        let far = extract(&ArticleInput {
            text: "the ceo resigned yesterday",
            published: far,
            lang: Some(Lang::En),
        });
        assert!(matches!(far, Err(Error::InvalidDate(_))), "{far:?}");
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
    fn a_dated_quote_dates_its_relative_words() {
        let text = "Jan Leike led the alignment team at OpenAI. In a post dated May 17, Leike \
                    wrote: \"Yesterday was my last day as head of alignment.\"";
        let x = run(text, "2024-09-27", Some(Lang::En)).expect("extracts");
        let e = &x.events[0];
        assert_eq!(
            (e.kind, e.persons.as_slice()),
            (EventKind::Resignation, &["Jan Leike".to_string()][..])
        );
        assert_eq!(
            (e.date.value.as_str(), e.date.approx),
            ("2024-05-16", false)
        );
    }

    #[test]
    fn own_words_of_unknown_date_yield_to_a_stated_date() {
        // The post's "ieri" is not the day before the article: the May date stated by the
        // article wins, whichever comes first.
        let text = "a maggio jan leike ha annunciato le sue dimissioni da openai. jan leike ha \
                    pubblicato un lungo post. ieri è stato il mio ultimo giorno come capo del team.";
        let x = run(text, "2024-09-27", Some(Lang::It)).expect("extracts");
        let leike: Vec<&Event> = x
            .events
            .iter()
            .filter(|e| e.persons == ["Jan Leike"])
            .collect();
        assert_eq!(leike.len(), 1, "{:?}", x.events);
        assert_eq!(leike[0].date.value, "2024-05");
        // Alone, the own-words event stays, weakly dated.
        let alone = run(
            "jan leike ha pubblicato un post. ieri è stato il mio ultimo giorno.",
            "2024-09-27",
            Some(Lang::It),
        )
        .expect("extracts");
        assert_eq!(alone.events.len(), 1);
        assert!(alone.events[0].date.approx && alone.events[0].confidence < DATED);
    }

    #[test]
    fn a_departure_or_appointment_told_in_the_future_takes_the_next_such_day() {
        let date_of = |text: &str, lang: Lang| {
            let x = run(text, "2025-06-11", Some(lang)).expect("extracts");
            x.events.first().map(|e| e.date.value.clone())
        };
        let future =
            "il consiglio ha nominato marco bellini, che assumerà l'incarico dal primo luglio.";
        assert_eq!(date_of(future, Lang::It).as_deref(), Some("2025-07-01"));
        let past = "Priya Raman took over as chief executive on March 1.";
        assert_eq!(date_of(past, Lang::En).as_deref(), Some("2025-03-01"));
        let future = "Priya Raman will take over as chief executive on March 1.";
        assert_eq!(date_of(future, Lang::En).as_deref(), Some("2026-03-01"));
    }

    /// One line per case: (language, sentence, the events as "kind date who/org[>target]").
    #[test]
    fn objects_passives_hedges_and_birth_clauses() {
        let cases: &[(Lang, &str, &[&str])] = &[
            (
                Lang::Es,
                "Navalia despidió a Pablo Ortega en junio.",
                &["dismissal 2024-06 Pablo Ortega"],
            ),
            (
                Lang::Pt,
                "A Navalia demitiu o diretor financeiro Luis Martins em junho.",
                &["dismissal 2024-06 Luis Martins"],
            ),
            (
                Lang::It,
                "Nel 2021 Lumetra è stata acquisita da Brembana.",
                &["acquisition 2021 Brembana>Lumetra"],
            ),
            (
                Lang::It,
                "Anna Rota, nata nel 1975, è stata nominata ieri amministratrice delegata.",
                &["appointment 2024-09-26 Anna Rota"],
            ),
            (
                Lang::Fr,
                "Le chiffre d'affaires de Novexa devrait atteindre 400 millions d'euros.",
                &[],
            ),
            (Lang::En, "Layoffs are expected to hit 400 workers.", &[]),
            (Lang::De, "Siemens streicht nicht 500 Stellen.", &[]),
            (
                Lang::En,
                "Siemens employs about 2,300 people in Ohio.",
                &["headcount 2024-09-27 Siemens"],
            ),
            (Lang::En, "The storm left 2,300 people without power.", &[]),
            (
                Lang::De,
                "Die Norwerk AG übernahm im März die Talvion GmbH.",
                &["acquisition 2024-03 Norwerk AG>Talvion GmbH"],
            ),
            (
                Lang::De,
                "Der Vorstandschef von Hansa Logistik, Thomas Berger, ist am Montag zurückgetreten.",
                &["resignation 2024-09-23 Thomas Berger"],
            ),
            (
                Lang::It,
                "Nel 2015 Paolo Neri entrò in Ortolani. Sette anni dopo è stato nominato presidente.",
                &["appointment 2022 Paolo Neri"],
            ),
            (
                Lang::De,
                "Anna Berg kam 2019 zu Siemens. Drei Jahre später wurde sie zur Vorstandschefin ernannt.",
                &["appointment 2022 Anna Berg"],
            ),
            (
                Lang::It,
                "Ieri Vetrofin ha licenziato 300 dipendenti.",
                &["layoff 2024-09-26 Vetrofin"],
            ),
            (
                Lang::Fr,
                "Antoine Mercier a démissionné lundi. Quelques heures plus tard, Claire Dubois a démissionné.",
                &[
                    "resignation 2024-09-23 Antoine Mercier",
                    "resignation 2024-09-23 Claire Dubois",
                ],
            ),
            (
                Lang::De,
                "Die Erlöse von Siemens lagen 2022 bei 920 Millionen Euro.",
                &["revenue 2022 Siemens"],
            ),
            (
                Lang::En,
                "Nortica reported revenue of $1.6 billion for 2023.",
                &["revenue 2023 "],
            ),
            (
                Lang::De,
                "Siemens streicht 500 Stellen.",
                &["layoff 2024-09-27 Siemens"],
            ),
        ];
        for (lang, text, expected) in cases {
            let x = run(text, "2024-09-27", Some(*lang)).expect("extracts");
            let got: Vec<String> = x
                .events
                .iter()
                .map(|e| {
                    let who = if e.persons.is_empty() {
                        let org = e.org.clone().unwrap_or_default();
                        match &e.target {
                            Some(t) => format!("{org}>{t}"),
                            None => org,
                        }
                    } else {
                        e.persons.join("+")
                    };
                    format!("{} {} {who}", e.kind, e.date.value)
                })
                .collect();
            assert_eq!(got, *expected, "{text}");
        }
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
