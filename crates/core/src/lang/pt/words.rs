//! Portuguese.

use crate::lang::Lang;
use crate::tables::LangTable;

/// The Portuguese table.
pub static TABLE: LangTable = LangTable {
    lang: Lang::Pt,
    stopwords: &[
        "a", "ao", "após", "as", "com", "como", "da", "das", "de", "do", "dos", "e", "em", "entre",
        "esta", "este", "foi", "foram", "mais", "mas", "na", "nas", "no", "nos", "não", "o", "os",
        "ou", "para", "pela", "pelo", "por", "que", "se", "segundo", "seu", "sobre", "sua", "são",
        "também", "tem", "têm", "um", "uma", "à", "é",
    ],
    coordinators: &["e", "mas"],
    relatives: &["que"],
    coordination: &["de", "e"],
    apposition: &[",", "(", "como", "como novo", "como nova"],
    particles: &["da", "de"],
    joiners: &["&"],
    abbreviations: &[],
    ordinal_suffixes: &["º", "ª", "°", "o", "a"],
    honorifics: &[
        "doutor",
        "doutora",
        "dr",
        "dra",
        "eng",
        "prof",
        "professor",
        "professora",
        "sr",
        "sra",
    ],
    articles: &["o", "a", "os", "as"],
    of_words: &["de", "do", "da", "dos", "das"],
};
