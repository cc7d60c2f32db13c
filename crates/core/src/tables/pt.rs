//! Portuguese.

use super::LangTable;
use crate::lang::Lang;

/// The Portuguese table.
pub static TABLE: LangTable = LangTable {
    lang: Lang::Pt,
    stopwords: &[
        "a", "ao", "após", "as", "com", "como", "da", "das", "de", "do", "dos", "e", "em", "entre",
        "esta", "este", "foi", "foram", "mais", "mas", "na", "nas", "no", "nos", "não", "o", "os",
        "ou", "para", "pela", "pelo", "por", "que", "se", "segundo", "seu", "sobre", "sua", "são",
        "também", "tem", "têm", "um", "uma", "à", "é",
    ],
};
