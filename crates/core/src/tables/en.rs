//! English.

use super::LangTable;
use crate::lang::Lang;

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
};
