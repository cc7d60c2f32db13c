//! The shape of a language pack's word table ([`LangTable`]), and the pattern conventions
//! every pack's tables follow. The tables themselves live in the packs
//! (`crate::lang::<code>::words`), reached through [`crate::lang::pack`].
//!
//! Pattern conventions (applied by [`pattern`]): alternatives are regex fragments matched
//! case-insensitively on word boundaries; a space matches any run of whitespace and an ASCII
//! apostrophe matches both `'` and `’`.

use crate::lang::Lang;

/// Everything the extractor knows about one language.
#[derive(Debug)]
pub struct LangTable {
    /// Which language this is.
    pub lang: Lang,
    /// Frequent function words, for language detection and for rejecting non-names.
    pub stopwords: &'static [&'static str],
    /// Coordinating conjunctions that open a new clause ("and", "but").
    pub coordinators: &'static [&'static str],
    /// Relative pronouns that open a subordinate clause ("which", "who").
    pub relatives: &'static [&'static str],
    /// Words that may stand between coordinated subjects besides roles and companies
    /// ("Jane Doe and the CTO John Roe"), sorted.
    pub coordination: &'static [&'static str],
    /// What may stand between a name and its role title after it ("Jane Doe, CEO",
    /// "Jane Doe as CEO"); the empty gap always may.
    pub apposition: &'static [&'static str],
    /// Surname particles written in lowercase inside a name ("Ursula von der Leyen").
    /// Names travel between languages: the name finder reads every pack's particles.
    pub particles: &'static [&'static str],
    /// Words that join the parts of a company name ("Procter & Gamble", "Bank of
    /// America"); read from every pack.
    pub joiners: &'static [&'static str],
    /// Abbreviations whose dot ends no sentence ("Dr.", "Mrd."), lowercase, sorted;
    /// read from every pack, since abbreviations travel too.
    pub abbreviations: &'static [&'static str],
    /// Suffixes written after a day number ("1st", "1º", "1er"); read from every pack.
    pub ordinal_suffixes: &'static [&'static str],
    /// Definite articles ("the", "lo", "l'"): with [`LangTable::of_words`] they tell a name
    /// used as a kind ("lo Steve Jobs dell'IA"), and a noun from a verb ("le dimissioni").
    pub articles: &'static [&'static str],
    /// "of" words after a noun ("of", "dell'", "du", "des").
    pub of_words: &'static [&'static str],
    /// Titles written before a name ("Dr.", "Prof.ª", "Herr"), lowercase and sorted: they
    /// may stand between a verb and the person it names.
    pub honorifics: &'static [&'static str],
}

/// The word table of one language (its pack's).
pub fn table(lang: Lang) -> &'static LangTable {
    crate::lang::pack(lang).words
}

/// Turns a table phrase into a regex fragment: a space matches any whitespace, an ASCII
/// apostrophe matches `'` and `’`. Alternation bars and regex syntax pass through.
pub fn pattern(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len() + 8);
    for c in phrase.chars() {
        match c {
            ' ' => out.push_str(r"\s+"),
            '\'' => out.push_str("['’]"),
            _ => out.push(c),
        }
    }
    out
}

/// Joins phrases into one non-capturing alternation, each turned by [`pattern`].
pub fn alternation<'a>(phrases: impl IntoIterator<Item = &'a str>) -> String {
    let parts: Vec<String> = phrases.into_iter().map(pattern).collect();
    format!("(?:{})", parts.join("|"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn all_fragments(t: &LangTable) -> Vec<&'static str> {
        t.stopwords.to_vec()
    }

    #[test]
    fn every_table_entry_compiles_and_tables_are_in_lang_order() {
        for (i, t) in Lang::ALL.map(table).iter().enumerate() {
            assert_eq!(t.lang, Lang::ALL[i]);
            assert_eq!(table(t.lang).lang, t.lang);
            for f in all_fragments(t) {
                assert!(!f.is_empty(), "{:?}: empty entry", t.lang);
                Regex::new(&format!("(?i){}", pattern(f)))
                    .unwrap_or_else(|e| panic!("{:?}: {f:?} does not compile: {e}", t.lang));
            }
        }
    }

    #[test]
    fn binary_searched_lists_are_sorted_and_lowercase() {
        for t in Lang::ALL.map(table) {
            for list in [t.coordination, t.honorifics] {
                let mut sorted = list.to_vec();
                sorted.sort_unstable();
                sorted.dedup();
                assert_eq!(sorted, list, "{:?}", t.lang);
                assert!(list.iter().all(|w| w.to_lowercase() == *w), "{:?}", t.lang);
            }
        }
    }

    #[test]
    fn stopwords_are_sorted_and_unique() {
        for t in Lang::ALL.map(table) {
            let mut sorted = t.stopwords.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(
                sorted, t.stopwords,
                "{:?}: stopwords must be sorted and unique",
                t.lang
            );
        }
    }

    #[test]
    fn pattern_widens_spaces_and_apostrophes() {
        let re = Regex::new(&pattern("l'anno scorso")).unwrap();
        assert!(re.is_match("l’anno   scorso"));
        assert!(re.is_match("l'anno scorso"));
        assert!(!re.is_match("lanno scorso"));
    }
}
