//! Per-language knowledge, as data.
//!
//! Each language is one file holding one [`LangTable`]: stop words, month and weekday names,
//! relative date words, the prepositions that make a bare month or year a date. Event
//! knowledge (triggers, roles, number notation) lives in [`crate::rules`].
//! Generic builders in [`crate::temporal`] turn the
//! tables into matchers; [`table`] is the one place that knows which language is which.
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

/// Order of day and month in numeric dates (`27/09/2024` vs `09/27/2024`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumericOrder {
    /// Day first (most of Europe).
    DayMonth,
    /// Month first (US English).
    MonthDay,
}

/// Everything the extractor knows about one language.
#[derive(Debug)]
pub struct LangTable {
    /// Which language this is.
    pub lang: Lang,
    /// Frequent function words, for language detection and for rejecting non-names.
    pub stopwords: &'static [&'static str],
    /// Month names, January first; alternatives separated by `|`.
    pub months: [&'static str; 12],
    /// Weekday names, Monday first; alternatives separated by `|`.
    pub weekdays: [&'static str; 7],
    /// Words placed before a bare month to make it a date ("a maggio", "in May").
    pub month_prepositions: &'static [&'static str],
    /// Words placed before a bare year to make it a date ("nel 2023", "since 2020").
    pub year_prepositions: &'static [&'static str],
    /// Words between a day number and a month, or a month and a year ("1º de junho").
    pub date_joiners: &'static [&'static str],
    /// Relative days and their offset from the reference date ("ieri" → -1).
    pub relative_days: &'static [(&'static str, i64)],
    /// Relative months and their offset ("il mese scorso" → -1).
    pub relative_months: &'static [(&'static str, i32)],
    /// Relative years and their offset ("lo scorso anno" → -1).
    pub relative_years: &'static [(&'static str, i32)],
    /// Phrases for "the end of", put before a year expression ("alla fine dello").
    pub end_of: &'static [&'static str],
    /// Phrases for "the start of", put before a year expression ("all'inizio del").
    pub start_of: &'static [&'static str],
    /// Numeric date order.
    pub numeric_order: NumericOrder,
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
        let mut v: Vec<&'static str> = Vec::new();
        v.extend(t.months);
        v.extend(t.weekdays);
        v.extend(t.month_prepositions);
        v.extend(t.year_prepositions);
        v.extend(t.date_joiners);
        v.extend(t.relative_days.iter().map(|p| p.0));
        v.extend(t.relative_months.iter().map(|p| p.0));
        v.extend(t.relative_years.iter().map(|p| p.0));
        v.extend(t.end_of);
        v.extend(t.start_of);
        v
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
