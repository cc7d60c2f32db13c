//! German.

use super::{LangTable, NumericOrder};
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
    months: [
        "januar|jänner",
        "februar",
        "märz|maerz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
    ],
    weekdays: [
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
    ],
    month_prepositions: &["im", "seit", "bis", "ab", "im monat"],
    year_prepositions: &["im jahr", "seit", "bis", "ab"],
    date_joiners: &[],
    relative_days: &[
        ("vorgestern", -2),
        ("gestern", -1),
        ("heute", 0),
        ("morgen", 1),
    ],
    relative_months: &[
        ("letzten monat|im letzten monat|vergangenen monat", -1),
        ("diesen monat", 0),
    ],
    relative_years: &[
        (
            "letztes jahr|im letzten jahr|vergangenes jahr|im vergangenen jahr|vorjahr",
            -1,
        ),
        ("dieses jahr|in diesem jahr", 0),
        ("nächstes jahr|im nächsten jahr", 1),
    ],
    end_of: &["ende"],
    start_of: &["anfang"],
    numeric_order: NumericOrder::DayMonth,
};
