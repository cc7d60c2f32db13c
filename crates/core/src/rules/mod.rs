//! Per-language event knowledge, as data: trigger phrases per event kind, role titles,
//! number notation, multiplier and currency words, and the cues that turn a trigger into a
//! non-event (negation, hypotheticals, rumours).
//!
//! This module holds the shape of a pack's event table ([`EventTable`]); each language's
//! table is in its pack (`crate::lang::<code>::events`), reached through
//! [`crate::lang::pack`]. Phrases follow the conventions of
//! [`crate::tables::pattern`]: regex fragments, matched case-insensitively on word
//! boundaries, where a space matches any whitespace and `'` matches both apostrophes.

use crate::lang::Lang;
use dateline_api::EventKind;

/// Everything the event extractor knows about one language.
#[derive(Debug)]
pub struct EventTable {
    /// Which language this is.
    pub lang: Lang,
    /// Someone leaves of their own accord ("si è dimesso", "stepped down").
    pub resignation: &'static [&'static str],
    /// Someone is fired or removed ("è stato licenziato", "was ousted").
    pub dismissal: &'static [&'static str],
    /// Someone is appointed, hired or takes over ("nominato", "named").
    pub appointment: &'static [&'static str],
    /// A company's worth ("valutazione", "valued at").
    pub valuation: &'static [&'static str],
    /// Money raised ("ha raccolto", "raised", "funding round").
    pub funding: &'static [&'static str],
    /// Money earned ("ricavi", "revenue").
    pub revenue: &'static [&'static str],
    /// Nouns for employees, after a count ("1.600 dipendenti", "54,000 employees").
    pub employees: &'static [&'static str],
    /// Jobs cut ("tagliare", "lay off", "layoffs").
    pub layoff: &'static [&'static str],
    /// Nouns for jobs, after a count in a layoff ("13.000 posti di lavoro", "8 000 postes").
    pub jobs: &'static [&'static str],
    /// A company founded ("fondata", "founded").
    pub founding: &'static [&'static str],
    /// A company bought ("ha acquisito", "acquired", "will buy").
    pub acquisition: &'static [&'static str],
    /// Role titles and their short English name, longest first.
    pub roles: &'static [(&'static str, &'static str)],
    /// Decimal separator in numbers (`,` in "3,4 miliardi"; `.` in "$6.6bn").
    pub decimal: char,
    /// Thousands separators ("1.600", "1,600", "8 000").
    pub thousands: &'static [char],
    /// Words multiplying a number, longest first ("miliardi" → 1e9, "mila" → 1e3).
    pub multipliers: &'static [(&'static str, f64)],
    /// Currency words after a number, with their ISO code ("di dollari" → USD).
    pub currencies: &'static [(&'static str, &'static str)],
    /// Number words for figures besides the pack's date numbers (which
    /// [`EventTable::figure_numbers`] adds): "hundred", "cento".
    pub number_words: &'static [(&'static str, u64)],
    /// The interpreter that reads whole numbers spelled out in this language
    /// ("siebenhundert", "cent nonante", "dos mil quinientos"), from `text2num`.
    pub spelled_numbers: fn() -> text2num::Language,
    /// Qualifiers before a figure and their name ("più di" → "more_than").
    pub qualifiers: &'static [(&'static str, &'static str)],
    /// Markers of a figure stated as of now ("ad oggi", "currently").
    pub present: &'static [&'static str],
    /// Words announcing a birth date, which is never an event's date ("nato", "born").
    pub birth: &'static [&'static str],
    /// Subject pronouns ("he", "lei"): an event whose subject is one goes to the person the
    /// article is talking about.
    pub pronouns: &'static [&'static str],
    /// First-person words ("io", "my", "je"): a sentence with one is someone's own words
    /// (a post, a statement), whose relative dates ("ieri") count from a day the article may
    /// not give; its subject is the person the story is about.
    pub first_person: &'static [&'static str],
    /// Generic nouns for people ("people", "persone"): after a count they are staff only
    /// when an employing verb governs them ("employs about 2,300 people").
    pub people: &'static [&'static str],
    /// Employing verbs in any tense ("employs", "impiegava"), for [`EventTable::people`].
    pub employ: &'static [&'static str],
    /// Future-tense verbs and auxiliaries ("assumerà", "will"): a departure or appointment
    /// told in the future takes effect on the next day or month its date names.
    pub future: &'static [&'static str],
    /// Past-tense auxiliaries and verbs ("had", "hatte", "avait", "era stato", "since"):
    /// a day or month without a year in a clause told in the past is the last one, even when
    /// the next lies only weeks ahead ("hatte im Mai seinen Abschied angekündigt" in March).
    pub past: &'static [&'static str],
    /// Prepositions linking a role to its company ("amministratore delegato di vetrofin"):
    /// in lowercase text, the word after one names a company the lexicon may miss.
    pub org_cues: &'static [&'static str],
    /// Locative prepositions ("in", "en", "à"): a capitalised name right after one is a
    /// place, not a company the lexicon misses.
    pub locatives: &'static [&'static str],
    /// Whether the language capitalises every noun (German): then capitalisation says
    /// nothing about names, and companies come from the lexicon only.
    pub capitalised_nouns: bool,
    /// Whether the language drops subject pronouns ("fu licenziato", "fundó NeXT"): then a
    /// clause that opens with the trigger also goes to that person.
    pub pro_drop: bool,
    /// Prepositions introducing the agent of a passive ("filled by X", "coperto da X"): a
    /// trigger ending in one takes the person after it.
    pub agents: &'static [&'static str],
    /// Succession words whose object is the person who leaves ("succeeds X", "replaces X",
    /// "en remplacement de X", "al posto di X", "folgt auf X"): the object's departure is
    /// an event of its own, dated as the sentence's.
    pub predecessor: &'static [&'static str],
    /// Succession words whose object is the person who arrives while the subject leaves
    /// ("X was replaced by Y", "X hands the reins to Y", "passa il testimone a Y"): one
    /// sentence, two events.
    pub successor: &'static [&'static str],
    /// Linking verbs that open an appointment trigger ("became", "sarà il nuovo", "est
    /// devenue"): such an appointment needs a role right after the verb ("became CEO", not
    /// "became famous"), and its person is the subject, never a name after the role.
    pub copulas: &'static [&'static str],
    /// Adverbs that may stand between the words of a trigger ("ha già acquistato", "has
    /// already resigned", "a déjà quitté"): every space of a trigger phrase admits one.
    pub adverbs: &'static [&'static str],
    /// Phrases that open with a negation word yet negate no verb ("não executivos",
    /// "non-executive"): a blocker found inside one blocks nothing.
    pub not_negations: &'static [&'static str],
    /// Past participles, by their endings ("partie", "révoquée", "ousted"): one opening an
    /// apposition after a name (", partie en janvier") starts a clause of that name's own,
    /// whose date does not date a trigger outside it.
    pub participles: &'static [&'static str],
    /// Epithets that stand for a person ("the 52-year-old", "die 51-Jährige", "il
    /// 54enne"): one opening the sentence, with nobody named before the trigger, is the
    /// person the story is about.
    pub epithets: &'static [&'static str],
    /// Markers of an effective date ("effective", "zum", "a partir du", "dal"): a day or
    /// month after one, in a departure or appointment, is the next such day or month.
    pub effective: &'static [&'static str],
    /// "N years later" phrases, `N` standing for a number (digits or a number word): the
    /// date is the year of the story's previous date plus N.
    pub years_later: &'static [&'static str],
    /// Words standing for a group of people ("they", "the pair", "i due", "les deux",
    /// "ambos", "die beiden"): as a subject, the people the story last named together ("A
    /// and B").
    pub plural: &'static [&'static str],
    /// Plural subject pronouns ("they", "ils", "ellos"): the people named together earlier
    /// in the same sentence only ("A and B told staff that they were stepping down"), as
    /// the pronoun stands as often for analysts or banks.
    pub plural_pronouns: &'static [&'static str],
    /// Verbs of leaving ("left", "ha lasciato", "quitte", "dejó", "verließ"): one whose
    /// object is a company the article names ("left Velia in 2014") is a departure; the
    /// object nouns of the `resignation` phrases cover "left the company".
    pub leave: &'static [&'static str],
    /// Words opening a tenure's start ("since", "dal", "depuis", "seit"): a role held since
    /// a date is an appointment at that date. Not "from" words ("ab", "à partir de"), which
    /// open plans as often as tenures.
    pub since: &'static [&'static str],
    /// Phrases for the year after the story's date ("the following year", "l'anno
    /// successivo", "im Jahr darauf"): "N years later" with N = 1.
    pub next_year: &'static [&'static str],
    /// Phrases for the story's own year ("that same year", "lo stesso anno", "im selben
    /// Jahr"): "N years later" with N = 0.
    pub same_year: &'static [&'static str],
    /// Markers anchoring an event to the previous one's date ("poche ore dopo").
    pub shortly_after: &'static [&'static str],
    /// Forecast and plan words ("expects", "prévoit", "rechnet mit"): a revenue, valuation,
    /// headcount or funding figure next to one is a target, not an event (a layoff plan is
    /// an announced layoff, and stays).
    pub forecast: &'static [&'static str],
    /// Cues that make a trigger a non-event: negation, hypotheticals, rumours, denials,
    /// deals only sought.
    pub blockers: &'static [&'static str],
}

impl EventTable {
    /// Cardinal number words that may precede a multiplier ("dodici" in "dodicimila") or
    /// count years ("tre anni dopo"): the pack's date numbers, written once for both
    /// layers, then [`EventTable::number_words`]. Only alternatives that start and end in
    /// an ASCII letter (the amount regex closes words with an ASCII boundary).
    pub fn figure_numbers(&self) -> Vec<(String, u64)> {
        let ascii_ends = |a: &&str| {
            a.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && a.chars()
                    .next_back()
                    .is_some_and(|c| c.is_ascii_alphabetic())
        };
        let dates = crate::lang::pack(self.lang).dates.numbers;
        dates
            .iter()
            .filter_map(|&(w, n)| Some((w, u64::try_from(n).ok().filter(|&n| n > 0)?)))
            .chain(self.number_words.iter().copied())
            .filter_map(|(w, n)| {
                let alts: Vec<&str> = w.split('|').filter(ascii_ends).collect();
                (!alts.is_empty()).then(|| (alts.join("|"), n))
            })
            .collect()
    }

    /// The trigger phrases of one kind (for headcount: the employee nouns).
    pub fn triggers(&self, kind: EventKind) -> &'static [&'static str] {
        match kind {
            EventKind::Resignation => self.resignation,
            EventKind::Dismissal => self.dismissal,
            EventKind::Appointment => self.appointment,
            EventKind::Valuation => self.valuation,
            EventKind::Funding => self.funding,
            EventKind::Revenue => self.revenue,
            EventKind::Headcount => self.employees,
            EventKind::Layoff => self.layoff,
            EventKind::Founding => self.founding,
            EventKind::Acquisition => self.acquisition,
        }
    }
}

/// The event table of one language (its pack's).
pub fn event_table(lang: Lang) -> &'static EventTable {
    crate::lang::pack(lang).events
}

/// Every language's event table, in [`Lang::ALL`] order.
pub fn event_tables() -> impl Iterator<Item = &'static EventTable> {
    crate::lang::packs().map(|p| p.events)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::pattern;
    use regex::Regex;

    #[test]
    fn every_phrase_compiles_and_tables_are_in_lang_order() {
        for (i, t) in event_tables().enumerate() {
            assert_eq!(t.lang, Lang::ALL[i]);
            assert_eq!(event_table(t.lang).lang, t.lang);
            let mut phrases: Vec<&str> = Vec::new();
            for kind in EventKind::ALL {
                assert!(
                    !t.triggers(kind).is_empty(),
                    "{:?} has no {kind} triggers",
                    t.lang
                );
                phrases.extend(t.triggers(kind));
            }
            phrases.extend(t.jobs);
            phrases.extend(t.roles.iter().map(|r| r.0));
            phrases.extend(t.multipliers.iter().map(|r| r.0));
            phrases.extend(t.currencies.iter().map(|r| r.0));
            phrases.extend(t.number_words.iter().map(|r| r.0));
            phrases.extend(t.qualifiers.iter().map(|r| r.0));
            phrases.extend(t.present);
            phrases.extend(t.shortly_after);
            phrases.extend(t.birth);
            phrases.extend(t.pronouns);
            phrases.extend(t.locatives);
            phrases.extend(t.first_person);
            phrases.extend(t.org_cues);
            phrases.extend(t.future);
            phrases.extend(t.past);
            phrases.extend(t.people);
            phrases.extend(t.employ);
            phrases.extend(t.agents);
            phrases.extend(t.years_later);
            phrases.extend(t.next_year);
            phrases.extend(t.since);
            phrases.extend(t.leave);
            phrases.extend(t.plural);
            phrases.extend(t.plural_pronouns);
            phrases.extend(t.same_year);
            phrases.extend(t.predecessor);
            phrases.extend(t.successor);
            phrases.extend(t.effective);
            phrases.extend(t.blockers);
            phrases.extend(t.forecast);
            for p in phrases {
                assert!(!p.trim().is_empty(), "{:?}: empty phrase", t.lang);
                Regex::new(&format!("(?i){}", pattern(p)))
                    .unwrap_or_else(|e| panic!("{:?}: {p:?} does not compile: {e}", t.lang));
            }
            assert!(
                !t.thousands.contains(&t.decimal),
                "{:?}: separators clash",
                t.lang
            );
        }
    }

    /// Triggers are matched case-sensitively on case-folded text (see
    /// [`crate::word_regex::WordRegex::lowercase`]): they must be lowercase.
    #[test]
    fn trigger_phrases_are_lowercase() {
        let escapes = Regex::new(r"\\.").expect("regex");
        for t in event_tables() {
            for kind in EventKind::ALL {
                for p in t.triggers(kind) {
                    let letters = escapes.replace_all(p, "");
                    assert!(
                        !letters.chars().any(char::is_uppercase),
                        "{:?}: {kind} trigger {p:?} must be lowercase",
                        t.lang
                    );
                }
            }
        }
    }

    #[test]
    fn multipliers_are_longest_first_within_shared_prefixes() {
        for t in event_tables() {
            for (i, (a, _)) in t.multipliers.iter().enumerate() {
                for (b, _) in &t.multipliers[i + 1..] {
                    assert!(
                        !b.starts_with(a) || b == a,
                        "{:?}: {b:?} must come before {a:?}",
                        t.lang
                    );
                }
            }
        }
    }
}
