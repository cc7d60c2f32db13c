//! German.

use crate::lang::Lang;
use crate::tables::LangTable;

/// The German table.
pub static TABLE: LangTable = LangTable {
    lang: Lang::De,
    stopwords: &[
        "aber", "als", "am", "auch", "auf", "aus", "bei", "das", "dass", "dem", "den", "der",
        "des", "die", "ein", "eine", "einem", "einen", "einer", "er", "es", "für", "haben", "hat",
        "hatte", "im", "in", "ist", "mit", "nach", "nicht", "noch", "nur", "oder", "sich", "sie",
        "sind", "und", "von", "war", "waren", "werden", "wie", "wir", "wird", "zu", "über",
    ],
    coordinators: &["und", "aber"],
    relatives: &[],
    coordination: &["der", "die", "und"],
    apposition: &[",", "(", "als", "als neuer", "als neue", "als neuen"],
    particles: &["von", "der", "van"],
    joiners: &["&", "von"],
    abbreviations: &["bzw", "ca", "ggf", "inkl", "mio", "mrd", "nr", "vgl"],
    ordinal_suffixes: &["te", "ten", "ter", "tes"],
    honorifics: &["dr", "frau", "herr", "prof"],
    articles: &["der", "die", "das", "den", "dem"],
    of_words: &["der", "des", "von"],
};
