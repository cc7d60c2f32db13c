//! French.

use crate::lang::Lang;
use crate::tables::LangTable;

/// The French table.
pub static TABLE: LangTable = LangTable {
    lang: Lang::Fr,
    stopwords: &[
        "a", "après", "au", "aussi", "aux", "avait", "avec", "ce", "ces", "cette", "dans", "de",
        "des", "du", "elle", "est", "et", "il", "ils", "la", "le", "les", "leur", "lui", "mais",
        "ne", "nous", "ont", "ou", "par", "pas", "plus", "pour", "que", "qui", "sa", "se", "selon",
        "ses", "son", "sont", "sur", "un", "une", "vous", "été", "être",
    ],
    coordinators: &["et", "mais"],
    relatives: &["qui", "que"],
    coordination: &["aussi", "de", "et", "la", "le"],
    apposition: &[",", "(", "comme", "comme nouveau", "comme nouvelle"],
    particles: &["de", "du", "la", "le"],
    joiners: &["&"],
    abbreviations: &["etc"],
    ordinal_suffixes: &["er", "re", "e", "eme", "ieme"],
    honorifics: &["dr", "m", "me", "mlle", "mme", "pr"],
    articles: &["la", "le", "l'", "les"],
    of_words: &["de", "du", "des", "d'"],
};
