//! German.

use super::LangTable;
use crate::lang::Lang;

/// The German table.
pub static TABLE: LangTable = LangTable {
    lang: Lang::De,
    stopwords: &[
        "aber", "als", "am", "auch", "auf", "aus", "bei", "das", "dass", "dem", "den", "der",
        "des", "die", "ein", "eine", "einem", "einen", "einer", "er", "es", "für", "haben", "hat",
        "hatte", "im", "in", "ist", "mit", "nach", "nicht", "noch", "nur", "oder", "sich", "sie",
        "sind", "und", "von", "war", "waren", "werden", "wie", "wir", "wird", "zu", "über",
    ],
};
