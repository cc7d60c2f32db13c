//! Italian.

use crate::lang::Lang;
use crate::tables::LangTable;

/// The Italian table.
pub static TABLE: LangTable = LangTable {
    lang: Lang::It,
    stopwords: &[
        "ai", "al", "alla", "alle", "anche", "ancora", "anni", "anno", "che", "ci", "come", "con",
        "da", "dal", "dalla", "degli", "dei", "del", "della", "delle", "di", "dopo", "e", "era",
        "erano", "essere", "fra", "già", "gli", "ha", "hanno", "i", "il", "in", "la", "le", "lo",
        "loro", "ma", "molto", "ne", "nei", "nel", "nella", "non", "o", "per", "perché", "più",
        "quando", "quello", "questa", "questo", "se", "si", "sono", "stata", "stato", "su", "sua",
        "suo", "tra", "un", "una", "è",
    ],
    coordinators: &["e", "ed", "ma"],
    relatives: &["che", "cui", "quale"],
    coordination: &[
        "anche", "del", "della", "di", "e", "ed", "i", "il", "la", "lo",
    ],
    apposition: &[
        ",",
        "(",
        ", il",
        ", la",
        "come",
        "come nuovo",
        "come nuova",
        ", il nuovo",
        ", la nuova",
    ],
    particles: &["da", "de", "del", "della", "di"],
    joiners: &["&"],
    abbreviations: &["dott", "ecc", "mld", "mln", "prof", "sig"],
    ordinal_suffixes: &["º", "ª", "°", "o", "a"],
    honorifics: &[
        "avv",
        "dott",
        "dottor",
        "dottoressa",
        "ing",
        "ingegner",
        "ingegnere",
        "prof",
        "professor",
        "professoressa",
        "sig",
        "signor",
        "signora",
        "sigra",
    ],
    articles: &["il", "l'", "la", "lo", "gli", "i", "le"],
    of_words: &[
        "di", "del", "della", "dello", "dell'", "dei", "degli", "delle",
    ],
};
