//! Spanish.

use crate::lang::Lang;
use crate::tables::LangTable;

/// The Spanish table.
pub static TABLE: LangTable = LangTable {
    lang: Lang::Es,
    stopwords: &[
        "al", "como", "con", "de", "del", "después", "el", "en", "entre", "es", "esta", "este",
        "fue", "fueron", "ha", "había", "han", "la", "las", "lo", "los", "más", "no", "o", "para",
        "pero", "por", "que", "se", "según", "sobre", "son", "su", "sus", "también", "tras", "un",
        "una", "unas", "unos", "y",
    ],
    coordinators: &["y", "pero"],
    relatives: &["que"],
    coordination: &["de", "del", "el", "la", "y"],
    apposition: &[",", "(", "como", "como nuevo", "como nueva"],
    particles: &["de", "del", "la"],
    joiners: &["&", "de", "del"],
    abbreviations: &[],
    ordinal_suffixes: &["º", "ª", "°", "o", "a", "er", "ro"],
    honorifics: &["don", "doña", "dr", "dra", "ing", "lic", "sr", "sra"],
    articles: &["el", "la", "los", "las"],
    of_words: &["de", "del"],
};
