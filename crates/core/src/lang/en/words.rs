//! English.

use crate::lang::Lang;
use crate::tables::LangTable;

/// The English table.
pub static TABLE: LangTable = LangTable {
    lang: Lang::En,
    stopwords: &[
        "a", "after", "also", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for",
        "from", "had", "has", "have", "he", "her", "his", "in", "is", "it", "its", "more", "new",
        "not", "of", "on", "one", "or", "said", "she", "than", "that", "the", "their", "then",
        "there", "these", "they", "this", "those", "to", "was", "we", "were", "what", "which",
        "who", "will", "with", "would",
    ],
    coordinators: &["and", "but"],
    relatives: &["which", "who"],
    coordination: &["also", "and", "as", "of", "the"],
    apposition: &[
        ",",
        "(",
        ", the",
        "as",
        "as the",
        "as its",
        "as new",
        "as the new",
        "as its new",
    ],
    particles: &["van", "von", "de", "du"],
    joiners: &["&", "and", "of"],
    abbreviations: &[
        "co", "corp", "dr", "etc", "inc", "jr", "ltd", "mr", "mrs", "ms", "no", "sr", "st", "vs",
    ],
    ordinal_suffixes: &["st", "nd", "rd", "th"],
    honorifics: &["dame", "dr", "mr", "mrs", "ms", "prof", "sir"],
    articles: &["the"],
    of_words: &["of"],
};
