//! Per-language knowledge, as data.
//!
//! Each language is one file holding one [`LangTable`]: its stop words. Temporal knowledge
//! (months, weekdays, relative words, clock words, holidays) lives in
//! [`crate::temporal::lang`]; event knowledge (triggers, roles, number notation) in
//! [`crate::rules`]. [`table`] is the one place here that knows which language is which.
//!
//! Pattern conventions (applied by [`pattern`]): alternatives are regex fragments matched
//! case-insensitively on word boundaries; a space matches any run of whitespace and an ASCII
//! apostrophe matches both `'` and `’`.

mod de;
mod en;
mod es;
mod fr;
mod it;
mod pt;

use crate::lang::Lang;

/// Everything the extractor knows about one language.
#[derive(Debug)]
pub struct LangTable {
    /// Which language this is.
    pub lang: Lang,
    /// Frequent function words, for language detection and for rejecting non-names.
    pub stopwords: &'static [&'static str],
}

/// Every supported language's table.
pub static TABLES: [&LangTable; 6] = [
    &it::TABLE,
    &en::TABLE,
    &fr::TABLE,
    &de::TABLE,
    &es::TABLE,
    &pt::TABLE,
];

/// The table of one language.
pub fn table(lang: Lang) -> &'static LangTable {
    match lang {
        Lang::It => &it::TABLE,
        Lang::En => &en::TABLE,
        Lang::Fr => &fr::TABLE,
        Lang::De => &de::TABLE,
        Lang::Es => &es::TABLE,
        Lang::Pt => &pt::TABLE,
    }
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
        for (i, t) in TABLES.iter().enumerate() {
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
    fn stopwords_are_sorted_and_unique() {
        for t in TABLES {
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
