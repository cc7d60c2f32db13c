//! People, organisations and roles in a sentence.
//!
//! - People are found from a first-name lexicon (`data/first_names.txt`) followed by a
//!   surname, in cased and in all-lowercase text, and written in canonical capitalisation
//!   ("bob mcgrew" → "Bob McGrew"). A later mention by surname alone is linked to the full
//!   name the article used.
//! - Organisations come from a lexicon of well-known companies (`data/organisations.txt`),
//!   matched case-insensitively except for names that are also common words.
//! - Roles come from each language's table and map to short English titles.

use crate::lang::{Lang, PerLang};
use crate::rules::event_table;
use crate::tables::pattern;
use crate::word_regex::WordRegex;
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// A span of text recognised as something, with its canonical form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte offset of its first byte.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    /// Canonical form (a person's display name, a company name, an English role title).
    pub name: String,
}

fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

static FIRST_NAMES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    data_lines(include_str!("../data/first_names.txt"))
        .chain(data_lines(include_str!("../data/first_names_faker.txt")))
        .collect()
});

/// First names that are also a common word in some languages (`data/first_names_homographs.txt`),
/// with those languages' codes: "reto" is a name in German and "challenge" in Spanish.
static HOMOGRAPHS: LazyLock<FxHashMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| {
    data_lines(include_str!("../data/first_names_homographs.txt"))
        .filter_map(|l| l.split_once('\t'))
        .map(|(name, langs)| (name, langs.split(' ').collect()))
        .collect()
});

/// Whether `word` is a first name in a `lang` article: one of the lexicon, or, written with
/// its capital, a name that is a common word only in other languages ("Reto Gisler" in
/// German, not "el reto" in Spanish). Not in all-lowercase text, where "una" or "sue" would
/// be names whatever the language's dictionary says.
pub fn is_first_name_in(word: &str, lang: Lang) -> bool {
    if is_first_name(word) {
        return true;
    }
    // Written "Reto", not "reto" or "RETO" (a heading's "RIO DE JANEIRO").
    if !is_cased(word) || !word.chars().skip(1).any(char::is_lowercase) {
        return false;
    }
    let lower = word.to_lowercase();
    let folded = if lower.is_ascii() {
        lower
    } else {
        fold_accents(&lower)
    };
    HOMOGRAPHS
        .get(folded.as_str())
        .is_some_and(|langs| !langs.contains(&lang.code()))
}

/// Whether `word` is a first name of the lexicon, in any case and with or without its
/// accents ("Lucía" is listed as "lucia").
pub fn is_first_name(word: &str) -> bool {
    if !word.chars().any(char::is_uppercase) {
        return FIRST_NAMES.contains(word)
            || (!word.is_ascii() && FIRST_NAMES.contains(fold_accents(word).as_str()));
    }
    let lower = word.to_lowercase();
    FIRST_NAMES.contains(lower.as_str())
        || (!lower.is_ascii() && FIRST_NAMES.contains(fold_accents(&lower).as_str()))
}

/// `word` with the accents of Latin letters removed ("lucía" → "lucia", "françois" →
/// "francois").
fn fold_accents(word: &str) -> String {
    word.chars()
        .map(|c| crate::word_regex::unaccented(c).unwrap_or(c))
        .collect()
}

/// Surname particles written in lowercase inside a name ("Ursula von der Leyen"), from
/// every pack: names travel between languages.
static PARTICLES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    crate::lang::packs()
        .flat_map(|p| p.words.particles.iter().copied())
        .collect()
});

/// Words that never stand as a surname: every language's stop words, plus titles.
static NOT_SURNAMES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    let mut set: FxHashSet<&'static str> = crate::lang::packs()
        .flat_map(|p| p.words.stopwords.iter().copied())
        .collect();
    set.extend([
        "ceo", "cto", "cfo", "coo", "says", "said", "ha", "aveva", "e", "ed",
    ]);
    set
});

/// The company lexicon, compiled: one regex for the names matched in any case and one for
/// those matched only as written, each an alternation longest name first (so "Google
/// DeepMind" wins over "Google"), and the canonical name of each normalised form.
struct OrgLexicon {
    /// Lowercase names, matched on case-folded text (far faster than `(?i)`).
    any_case: Regex,
    exact: Regex,
    canonical: FxHashMap<String, &'static str>,
}

/// A name's lookup key: lowercase, single-spaced.
fn org_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

static ORGS: LazyLock<OrgLexicon> = LazyLock::new(|| {
    let mut any_case: Vec<&'static str> = Vec::new();
    let mut exact: Vec<&'static str> = Vec::new();
    let mut canonical = FxHashMap::default();
    for line in data_lines(include_str!("../data/organisations.txt")) {
        let name = match line.strip_prefix('!') {
            Some(name) => {
                exact.push(name);
                name
            }
            None => {
                any_case.push(line);
                line
            }
        };
        canonical.insert(org_key(name), name);
    }
    let compile = |names: &mut Vec<&'static str>, lowercase: bool| {
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        let body: Vec<String> = names
            .iter()
            .map(|n| {
                if lowercase {
                    n.to_lowercase()
                } else {
                    (*n).to_string()
                }
            })
            .map(|n| regex::escape(&n).replace(r"\ ", r"\s+"))
            .collect();
        // The lexicon is static data, checked by tests.
        #[allow(clippy::expect_used)]
        Regex::new(&format!("(?:{})", body.join("|"))).expect("company names compile")
    };
    OrgLexicon {
        any_case: compile(&mut any_case, true),
        exact: compile(&mut exact, false),
        canonical,
    }
});

struct RoleEntry {
    title: &'static str,
    regex: Regex,
}

/// One language's role titles: every phrase in one whole-word regex (table order, so the
/// longer titles listed first win), then each phrase anchored to tell which title matched.
struct RoleMatcher {
    any: WordRegex,
    entries: Vec<RoleEntry>,
}

static ROLES: PerLang<RoleMatcher> = PerLang::new();

/// Compiles one language's role titles.
fn build_roles(l: Lang) -> RoleMatcher {
    let table = event_table(l).roles;
    let entries: Vec<RoleEntry> = table
        .iter()
        .filter_map(|&(phrase, title)| {
            let body = pattern(&format!("(?:{phrase})"));
            Regex::new(&format!(r"(?i)^{body}$"))
                .ok()
                .map(|regex| RoleEntry { title, regex })
        })
        .collect();
    let body = table
        .iter()
        .map(|(phrase, _)| pattern(&format!("(?:{phrase})")))
        .collect::<Vec<_>>()
        .join("|");
    // The tables are static data, checked by tests.
    #[allow(clippy::expect_used)]
    let any = WordRegex::new(&body, true).expect("role phrases compile");
    RoleMatcher { any, entries }
}

/// The words of one sentence, split once and shared by the people finders
/// ([`full_names_in`], [`surname_mentions_in`]).
#[derive(Debug, Clone)]
pub struct SentenceWords<'a>(Vec<Word<'a>>);

/// Splits `text[span]` into words for the people finders.
pub fn sentence_words(text: &str, span: (usize, usize)) -> SentenceWords<'_> {
    SentenceWords(words(&text[span.0..span.1]))
}

/// A word of the text with its byte span.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    let is_word_char = |c: char| c.is_alphabetic() || c == '-' || c == '\'' || c == '’';
    for (i, c) in text.char_indices() {
        match (start, is_word_char(c)) {
            (None, true) if c.is_alphabetic() => start = Some(i),
            (Some(s), false) => {
                out.push(trim_word(text, s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(trim_word(text, s, text.len()));
    }
    out
}

/// Drops trailing apostrophes and hyphens ("openai’" → "openai").
fn trim_word(text: &str, start: usize, end: usize) -> Word<'_> {
    let w = text[start..end].trim_end_matches(['-', '\'', '’']);
    Word {
        start,
        end: start + w.len(),
        text: w,
    }
}

/// Capitalises one name part: "mcgrew" → "McGrew", "o'brien" → "O'Brien",
/// "jean-luc" → "Jean-Luc". Parts that already carry capitals are kept as written.
pub fn capitalise(part: &str) -> String {
    if part.chars().any(char::is_uppercase) {
        return part.to_string();
    }
    let mut out = String::with_capacity(part.len());
    let mut upper_next = true;
    for (i, c) in part.char_indices() {
        if upper_next {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        upper_next =
            matches!(c, '-' | '\'' | '’') || (i == 1 && part.starts_with("mc") && part.len() > 3);
    }
    out
}

fn is_cased(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_surname(word: &Word<'_>, first: &Word<'_>, text_is_lowercase: bool) -> bool {
    let lower = word.text.to_lowercase();
    word.text.chars().count() >= 2
        && word
            .text
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        && !NOT_SURNAMES.contains(lower.as_str())
        && !is_org(word.text)
        && (text_is_lowercase || (is_cased(first.text) && is_cased(word.text)))
}

/// Month and weekday names of every pack, lowercase ("monday", "märz").
static CALENDAR_WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    crate::lang::packs()
        .flat_map(|p| p.dates.months.iter().chain(&p.dates.weekdays))
        .flat_map(|names| names.split('|'))
        .collect()
});

/// Whether `word` names a month or a weekday in any language ("said Jane Doe Tuesday").
fn is_calendar_word(word: &str) -> bool {
    CALENDAR_WORDS.contains(word.to_lowercase().as_str())
}

/// Whether `name` is a company of the lexicon (in its canonical or any matching form).
pub fn is_company(name: &str) -> bool {
    is_org(name)
}

fn is_org(word: &str) -> bool {
    let whole = |r: &Regex, w: &str| {
        r.find(w)
            .is_some_and(|m| m.start() == 0 && m.end() == w.len())
    };
    whole(&ORGS.any_case, &crate::word_regex::fold_case(word)) || whole(&ORGS.exact, word)
}

/// Whether `text` is written without capitals (as machine-translated or scraped text often
/// is): then names are recognised in lowercase too.
pub fn is_lowercase_text(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).take(5000);
    let (mut upper, mut total) = (0usize, 0usize);
    for c in letters {
        total += 1;
        if c.is_uppercase() {
            upper += 1;
        }
    }
    // Cased prose has a capital every sentence or so: well over 1% of letters.
    total > 0 && upper * 200 < total
}

/// Names the first-name lexicon does not know, told by a role title right next to them, in
/// cased text only: "chief executive Xiaoling Zhou", "Xiaoling Zhou, chief executive of …",
/// "la directrice générale Zoé Kpodar". Two or three capitalised words that are neither stop
/// words nor companies; `taken` (names already found) are skipped.
pub fn role_cued_names(
    text: &str,
    span: (usize, usize),
    roles: &[Found],
    taken: &[Found],
) -> Vec<Found> {
    let ws = words(&text[span.0..span.1]);
    let name_word = |w: &Word<'_>| {
        is_cased(w.text)
            && w.text.chars().count() >= 2
            && !w.text.chars().all(char::is_uppercase)
            && !NOT_SURNAMES.contains(w.text.to_lowercase().as_str())
            && !is_org(w.text)
    };
    let joined = |a: &Word<'_>, b: &Word<'_>| {
        text[span.0 + a.end..span.0 + b.start]
            .chars()
            .all(|c| c == ' ' || c == '\u{a0}')
    };
    let mut out: Vec<Found> = Vec::new();
    let mut push = |first: usize, last: usize| {
        let (start, end) = (span.0 + ws[first].start, span.0 + ws[last].end);
        let overlaps = |f: &Found| start < f.end && end > f.start;
        if !taken.iter().any(overlaps) && !out.iter().any(overlaps) {
            out.push(Found {
                start,
                end,
                name: text[start..end].to_string(),
            });
        }
    };
    for role in roles {
        // After the role: "chief executive Xiaoling Zhou".
        if let Some(i) = ws.iter().position(|w| span.0 + w.start >= role.end)
            && text[role.end..span.0 + ws[i].start]
                .chars()
                .all(char::is_whitespace)
        {
            let mut j = i;
            while j < ws.len()
                && j < i + 3
                && name_word(&ws[j])
                && (j == i || joined(&ws[j - 1], &ws[j]))
            {
                j += 1;
            }
            if j >= i + 2 {
                push(i, j - 1);
            }
        }
        // Before the role, in apposition: "Xiaoling Zhou, chief executive".
        let before = text[span.0..role.start].trim_end();
        let before = before
            .strip_suffix(',')
            .or_else(|| before.strip_suffix('('))
            .map(str::trim_end);
        if let Some(before) = before
            && let Some(last) = ws.iter().rposition(|w| w.end == before.len())
        {
            let mut first = last + 1;
            while first > 0
                && last + 1 - first < 3
                && name_word(&ws[first - 1])
                && (first == last + 1 || joined(&ws[first - 1], &ws[first]))
            {
                first -= 1;
            }
            // A name opening the sentence is fine; a single word is not a full name.
            if first < last {
                push(first, last);
            }
        }
    }
    out.sort_by_key(|f| f.start);
    out
}

/// Full names (first name + surname) in `text[span]`, with spans into `text`.
pub fn full_names(
    text: &str,
    span: (usize, usize),
    text_is_lowercase: bool,
    lang: Lang,
) -> Vec<Found> {
    full_names_in(
        text,
        span,
        &sentence_words(text, span),
        text_is_lowercase,
        lang,
    )
}

/// [`full_names`] over words already split by [`sentence_words`] for the same span.
pub fn full_names_in(
    text: &str,
    span: (usize, usize),
    words: &SentenceWords<'_>,
    text_is_lowercase: bool,
    lang: Lang,
) -> Vec<Found> {
    let ws = &words.0;
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let first = ws[i];
        let adjacent = |a: &Word<'_>, b: &Word<'_>| {
            text[span.0 + a.end..span.0 + b.start]
                .chars()
                .all(|c| c == ' ' || c == '\u{a0}')
        };
        if !is_first_name_in(first.text, lang) || (!text_is_lowercase && !is_cased(first.text)) {
            i += 1;
            continue;
        }
        // Optional particles, then the surname.
        let mut j = i + 1;
        let mut parts = vec![capitalise(first.text)];
        while j < ws.len()
            && adjacent(&ws[j - 1], &ws[j])
            && PARTICLES.contains(ws[j].text.to_lowercase().as_str())
            && j + 1 < ws.len()
        {
            parts.push(ws[j].text.to_lowercase());
            j += 1;
        }
        if j < ws.len()
            && adjacent(&ws[j - 1], &ws[j])
            && is_surname(&ws[j], &first, text_is_lowercase)
        {
            parts.push(capitalise(ws[j].text));
            // A second surname or a middle name in cased text ("Teresa Lobo Antunes",
            // "Paulo Sérgio Andrade"): one more capitalised word that is no date word.
            if !text_is_lowercase
                && j + 1 < ws.len()
                && adjacent(&ws[j], &ws[j + 1])
                && is_surname(&ws[j + 1], &first, false)
                && !is_calendar_word(ws[j + 1].text)
            {
                j += 1;
                parts.push(capitalise(ws[j].text));
            }
            if !is_first_name(first.text)
                && homograph_misread(text, span.0 + first.start, &parts[1..], lang)
            {
                i += 1;
                continue;
            }
            out.push(Found {
                start: span.0 + first.start,
                end: span.0 + ws[j].end,
                name: parts.join(" "),
            });
            i = j + 1;
        } else {
            i += 1;
        }
    }
    share_surnames(text, span, ws, text_is_lowercase, lang, &mut out);
    out
}

/// Whether a name read from a homograph first name ([`is_first_name_in`]) starting at byte
/// `at` is that word or a place after all, as its neighbours tell:
/// - a part after it is a first name itself ("Milano da Giulia Ortolani");
/// - in a language that writes only names with a capital, a capitalised word runs into it
///   ("the New York Times", "Banco Rio Grande"), unless that word opens the sentence or is
///   an abbreviation or an acronym ("Dr. Reto Gisler", "CEO Reto Gisler").
fn homograph_misread(text: &str, at: usize, rest: &[String], lang: Lang) -> bool {
    if rest
        .iter()
        .any(|p| is_cased(p) && is_first_name(p.as_str()))
    {
        return true;
    }
    let Some(previous) = text[..at].strip_suffix(' ') else {
        return false;
    };
    let word = previous.rsplit(char::is_whitespace).next().unwrap_or("");
    let opens_sentence = previous[..previous.len() - word.len()]
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| ".!?:;\"«“(–—".contains(c));
    !event_table(lang).capitalised_nouns
        && is_cased(word)
        && !opens_sentence
        && !word.ends_with('.')
        && word.chars().any(char::is_lowercase)
}

/// Coordinators between two first names that share one surname ("Anna and David
/// Lindqvist", "Ana e Rui Martins", "Anna und David Lindqvist").
const NAME_COORDINATORS: &[&str] = &["and", "e", "y", "et", "und", "&"];

/// Adds the first name coordinated right before a full name, with that name's surname:
/// "the siblings Anna and David Lindqvist" names Anna Lindqvist too.
fn share_surnames(
    text: &str,
    span: (usize, usize),
    ws: &[Word<'_>],
    text_is_lowercase: bool,
    lang: Lang,
    out: &mut Vec<Found>,
) {
    let mut shared = Vec::new();
    for f in out.iter() {
        let Some(k) = ws.iter().position(|w| span.0 + w.start == f.start) else {
            continue;
        };
        if k < 2 {
            continue;
        }
        let (first, and) = (&ws[k - 2], &ws[k - 1]);
        let between = |a: &Word<'_>, b: &Word<'_>| &text[span.0 + a.end..span.0 + b.start];
        let plain = |s: &str| s.chars().all(|c| c == ' ' || c == '\u{a0}');
        let Some((_, surname)) = f.name.split_once(' ') else {
            continue;
        };
        if NAME_COORDINATORS.contains(&and.text.to_lowercase().as_str())
            && plain(between(first, and))
            && plain(between(and, &ws[k]))
            && is_first_name_in(first.text, lang)
            && (text_is_lowercase || is_cased(first.text))
            && !out
                .iter()
                .any(|o| o.start <= span.0 + first.start && span.0 + first.end <= o.end)
        {
            shared.push(Found {
                start: span.0 + first.start,
                end: span.0 + first.end,
                name: format!("{} {surname}", capitalise(first.text)),
            });
        }
    }
    out.extend(shared);
    out.sort_by_key(|f| f.start);
}

/// The people an article names in full, indexed by lowercase surname for linking later
/// mentions ("murati" → "Mira Murati").
#[derive(Debug, Default, Clone)]
pub struct KnownPeople {
    names: Vec<String>,
    /// Lowercase surname → the one person with it, or `None` when two share it.
    by_surname: FxHashMap<String, Option<usize>>,
}

impl KnownPeople {
    /// Adds a full name (once).
    pub fn add(&mut self, name: &str) {
        if self.names.iter().any(|n| n == name) {
            return;
        }
        let index = self.names.len();
        self.names.push(name.to_string());
        if let Some(surname) = name.rsplit(' ').next() {
            self.by_surname
                .entry(surname.to_lowercase())
                .and_modify(|slot| *slot = None)
                .or_insert(Some(index));
        }
    }

    /// The one known person with this surname (any case), if exactly one.
    fn by_surname(&self, word: &str) -> Option<&str> {
        let hit = if word.chars().any(char::is_uppercase) {
            self.by_surname.get(&word.to_lowercase())
        } else {
            self.by_surname.get(word)
        };
        hit.copied().flatten().map(|i| self.names[i].as_str())
    }
}

/// Mentions in `text[span]` of people already known by full name, by surname alone
/// ("murati" → "Mira Murati"), skipping spans covered by `taken`. A surname shared by two
/// known people is ambiguous and links to neither.
pub fn surname_mentions(
    text: &str,
    span: (usize, usize),
    known: &KnownPeople,
    taken: &[Found],
    text_is_lowercase: bool,
) -> Vec<Found> {
    let words = sentence_words(text, span);
    surname_mentions_in(span, &words, known, taken, text_is_lowercase)
}

/// [`surname_mentions`] over words already split by [`sentence_words`] for the same span.
pub fn surname_mentions_in(
    span: (usize, usize),
    words: &SentenceWords<'_>,
    known: &KnownPeople,
    taken: &[Found],
    text_is_lowercase: bool,
) -> Vec<Found> {
    let mut out = Vec::new();
    if known.names.is_empty() {
        return out;
    }
    for &w in &words.0 {
        // In cased text a surname is capitalised: "13,000 jobs" is not Steve Jobs.
        if !text_is_lowercase && !is_cased(w.text) {
            continue;
        }
        let (start, end) = (span.0 + w.start, span.0 + w.end);
        if taken.iter().any(|t| start < t.end && end > t.start) {
            continue;
        }
        if let Some(name) = known.by_surname(w.text) {
            out.push(Found {
                start,
                end,
                name: name.to_string(),
            });
        }
    }
    out
}

/// Organisations in `text[span]`, canonical names, in text order.
pub fn organisations(text: &str, span: (usize, usize)) -> Vec<Found> {
    let hay = &text[span.0..span.1];
    find_organisations(hay, &crate::word_regex::fold_case(hay), span.0)
}

/// [`organisations`] with `folded`, the text case-folded by
/// [`crate::word_regex::fold_case`] (same byte offsets), already at hand.
pub fn organisations_in(text: &str, folded: &str, span: (usize, usize)) -> Vec<Found> {
    find_organisations(&text[span.0..span.1], &folded[span.0..span.1], span.0)
}

fn find_organisations(hay: &str, folded: &str, offset: usize) -> Vec<Found> {
    let span = (offset, offset + hay.len());
    let mut out: Vec<Found> = Vec::new();
    for (regex, searched) in [(&ORGS.any_case, folded), (&ORGS.exact, hay)] {
        let mut at = 0;
        while let Some(m) = regex.find_at(searched, at) {
            let before = hay[..m.start()].chars().next_back();
            let after = hay[m.end()..].chars().next();
            let bounded = !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(|c| c.is_alphanumeric() || c == '\'' || c == '’');
            if !bounded {
                // Not a whole word here: look again one character further.
                at = m.start() + hay[m.start()..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            at = m.end();
            let (start, end) = (span.0 + m.start(), span.0 + m.end());
            let name = ORGS.canonical.get(&org_key(&hay[m.start()..m.end()]));
            if let Some(name) = name
                && out.iter().all(|f| end <= f.start || start >= f.end)
            {
                out.push(Found {
                    start,
                    end,
                    name: (*name).to_string(),
                });
            }
        }
    }
    out.sort_by_key(|f| f.start);
    out
}

/// Words joining the parts of a company name ("Procter & Gamble"), from every pack.
static NAME_JOINERS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    crate::lang::packs()
        .flat_map(|p| p.words.joiners.iter().copied())
        .collect()
});

/// Runs of capitalised words in cased text ("Kmart Corp", "Automobile Craiova",
/// "The Walt Disney Company"), as candidates for names the lexicons miss. The first word of
/// the sentence counts only when the run has more than one word. Empty for lowercase text.
pub fn proper_nouns(text: &str, span: (usize, usize), text_is_lowercase: bool) -> Vec<Found> {
    if text_is_lowercase {
        return Vec::new();
    }
    let ws = words(&text[span.0..span.1]);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !is_cased(ws[i].text) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < ws.len() {
            let gap = &text[span.0 + ws[j].end..span.0 + ws[j + 1].start];
            let gap_ok = gap.trim().is_empty()
                || gap.trim() == "&"
                || gap.trim() == "."
                || gap.trim() == ".,";
            if gap_ok && is_cased(ws[j + 1].text) {
                j += 1;
            } else if gap.trim().is_empty()
                && NAME_JOINERS.contains(ws[j + 1].text)
                && j + 2 < ws.len()
                && is_cased(ws[j + 2].text)
            {
                j += 2;
            } else {
                break;
            }
        }
        let sentence_initial = i == 0;
        // An acronym is a name even opening a sentence ("GM plans to …").
        let acronym = (2..=5).contains(&ws[i].text.chars().count())
            && ws[i].text.chars().all(|c| c.is_uppercase());
        if !(sentence_initial && j == i) || acronym {
            out.push(Found {
                start: span.0 + ws[i].start,
                end: span.0 + ws[j].end,
                name: text[span.0 + ws[i].start..span.0 + ws[j].end].to_string(),
            });
        }
        i = j + 1;
    }
    out
}

/// Role titles in `text[span]` for `lang`, as short English titles, in text order.
pub fn roles(text: &str, span: (usize, usize), lang: Lang) -> Vec<Found> {
    let hay = &text[span.0..span.1];
    let matcher = ROLES.get(lang, build_roles);
    matcher
        .any
        .find_iter(hay)
        .filter_map(|(start, end)| {
            let found = &hay[start..end];
            let entry = matcher.entries.iter().find(|e| e.regex.is_match(found))?;
            Some(Found {
                start: span.0 + start,
                end: span.0 + end,
                name: entry.title.to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        names_in(text, Lang::En)
    }

    fn names_in(text: &str, lang: Lang) -> Vec<String> {
        full_names(text, (0, text.len()), is_lowercase_text(text), lang)
            .into_iter()
            .map(|f| f.name)
            .collect()
    }

    #[test]
    fn lexicon_files_are_sorted_and_unique() {
        for (file, data) in [
            ("first_names", include_str!("../data/first_names.txt")),
            (
                "first_names_faker",
                include_str!("../data/first_names_faker.txt"),
            ),
            ("organisations", include_str!("../data/organisations.txt")),
            (
                "first_names_homographs",
                include_str!("../data/first_names_homographs.txt"),
            ),
        ] {
            let lines: Vec<String> = data_lines(data)
                .map(|l| l.trim_start_matches('!').to_lowercase())
                .collect();
            let mut sorted = lines.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(lines, sorted, "{file} must be sorted and unique");
        }
    }

    #[test]
    fn a_name_that_is_a_word_elsewhere_is_a_name_in_other_languages() {
        // "reto" is Spanish for "challenge", "armando" an Italian gerund.
        assert_eq!(
            names_in("Reto Gisler trat zurück.", Lang::De),
            ["Reto Gisler"]
        );
        assert_eq!(
            names_in("Armando Ruiz dimitió ayer.", Lang::Es),
            ["Armando Ruiz"]
        );
        assert!(names_in("Reto Mayor para el banco.", Lang::Es).is_empty());
        assert!(names_in("Armando Bene la squadra, vinse.", Lang::It).is_empty());
        // A place, or a word inside a longer name, is nobody.
        assert_eq!(
            names_in("Fondata a Milano da Giulia Ortolani.", Lang::It),
            ["Giulia Ortolani"]
        );
        assert!(names_in("Ne parla il New York Times.", Lang::It).is_empty());
        assert_eq!(
            names_in("Gegründet von Dr. Lea Brückner.", Lang::De),
            ["Lea Brückner"]
        );
        // A German noun is no name in German ("Rose"), but is one in Italian.
        assert!(names_in("Rose Weber blühen im Garten.", Lang::De).is_empty());
        assert_eq!(
            names_in("Rose Weber si è dimessa.", Lang::It),
            ["Rose Weber"]
        );
    }

    #[test]
    fn finds_people_in_lowercase_text_with_canonical_names() {
        assert_eq!(
            names(
                "il direttore della ricerca di openai bob mcgrew e il vicepresidente barret zoph"
            ),
            vec!["Bob McGrew", "Barret Zoph"]
        );
        assert_eq!(
            names("ursula von der leyen ha detto"),
            vec!["Ursula von der Leyen"]
        );
    }

    #[test]
    fn in_cased_text_both_parts_must_be_capitalised() {
        assert_eq!(
            names("Yesterday Mira Murati resigned."),
            vec!["Mira Murati"]
        );
        assert!(names("The bill passed after Mark reviewed it.").is_empty());
        assert_eq!(
            names("Chief executive Timothée Lacroix said so."),
            vec!["Timothée Lacroix"]
        );
    }

    #[test]
    fn stop_words_and_companies_are_not_surnames() {
        assert!(names("il viaggio mentale prende di mira openai e altman").is_empty());
        assert!(names("mira e bob hanno detto").is_empty());
    }

    #[test]
    fn surnames_link_to_the_full_name_unless_ambiguous() {
        let known_of = |names: &[&str]| {
            let mut k = KnownPeople::default();
            names.iter().for_each(|n| k.add(n));
            k
        };
        let text = "poche ore dopo che murati aveva annunciato";
        let known = known_of(&["Mira Murati", "Bob McGrew"]);
        let found = surname_mentions(text, (0, text.len()), &known, &[], true);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].name, "Mira Murati");
        assert_eq!(&text[found[0].start..found[0].end], "murati");
        let twins = known_of(&["Ann Smith", "Bob Smith", "Ann Smith"]);
        assert!(surname_mentions("smith said", (0, 10), &twins, &[], true).is_empty());
        let jobs = known_of(&["Steve Jobs"]);
        let text = "Jobs said it would cut 13,000 jobs.";
        let found = surname_mentions(text, (0, text.len()), &jobs, &[], false);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].start, 0);
        let text = "MCGREW e McGrew";
        let found = surname_mentions(text, (0, text.len()), &known, &[], false);
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn organisations_respect_case_for_common_words_and_boundaries() {
        let text = "openai e google; dell'azienda; Apple and apple pie; OpenAIs";
        let found: Vec<_> = organisations(text, (0, text.len()))
            .into_iter()
            .map(|f| f.name)
            .collect();
        assert_eq!(found, vec!["OpenAI", "Google", "Apple"]);
    }

    #[test]
    fn roles_map_to_short_english_titles() {
        let text = "mira murati, chief technology officer di openai, e il direttore finanziario";
        let found: Vec<_> = roles(text, (0, text.len()), Lang::It)
            .into_iter()
            .map(|f| f.name)
            .collect();
        assert_eq!(found, vec!["CTO", "CFO"]);
    }

    #[test]
    fn the_wider_name_list_finds_more_people_but_no_common_words() {
        // From the faker-js lists: names our own list lacks.
        assert_eq!(
            names("Zum 1. Mai übernimmt Wiebke Lanz den Posten."),
            ["Wiebke Lanz"]
        );
        assert_eq!(
            names("la consejera ximena roldán asumirá el cargo"),
            ["Ximena Roldán"]
        );
        // Names that are also common words are left out of it.
        assert!(!is_first_name("autumn"));
        assert!(names("The Autumn Review ran long.").is_empty());
    }

    #[test]
    fn first_names_match_with_or_without_accents() {
        assert!(is_first_name("Lucía"));
        assert!(is_first_name("LUCIA"));
        assert!(!is_first_name("Lisboa"));
    }

    #[test]
    fn a_role_next_to_an_unknown_name_makes_it_a_person() {
        let names = |text: &str| {
            let r = roles(text, (0, text.len()), Lang::En);
            role_cued_names(text, (0, text.len()), &r, &[])
                .into_iter()
                .map(|f| f.name)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names("Nortica's chief executive Xiaoling Zhou resigned."),
            ["Xiaoling Zhou"]
        );
        assert_eq!(
            names("Xiaoling Zhou, chief executive of Nortica, resigned."),
            ["Xiaoling Zhou"]
        );
        assert!(names("The chief executive said Nortica would grow.").is_empty());
        assert!(names("The chief executive Zhou resigned.").is_empty());
    }

    #[test]
    fn proper_nouns_in_cased_text() {
        let text = "Discount retailer Kmart Corp. will buy Sears, Roebuck & Co. from The Walt Disney Company.";
        let found: Vec<_> = proper_nouns(text, (0, text.len()), false)
            .into_iter()
            .map(|f| f.name)
            .collect();
        assert_eq!(
            found,
            vec![
                "Kmart Corp",
                "Sears",
                "Roebuck & Co",
                "The Walt Disney Company"
            ]
        );
        assert!(proper_nouns("tutto minuscolo", (0, 15), true).is_empty());
        let found: Vec<_> = proper_nouns("GM plans to cut jobs", (0, 20), false)
            .into_iter()
            .map(|f| f.name)
            .collect();
        assert_eq!(found, vec!["GM"]);
    }

    #[test]
    fn lowercase_detection() {
        assert!(is_lowercase_text(
            "tutto minuscolo, come nel testo tradotto."
        ));
        assert!(!is_lowercase_text("Mira Murati resigned. OpenAI said so."));
    }
}
