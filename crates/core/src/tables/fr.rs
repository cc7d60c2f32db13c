//! French.

use super::{LangTable, NumericOrder};
use crate::lang::Lang;

/// The French table.
pub static TABLE: LangTable = LangTable {
    lang: Lang::Fr,
    stopwords: &[
        "a", "après", "au", "aussi", "aux", "avait", "avec", "ce", "ces", "cette", "dans", "de",
        "des", "du", "elle", "est", "et", "il", "ils", "la", "le", "les", "leur", "lui", "mais",
        "ne", "nous", "ont", "ou", "par", "pas", "plus", "pour", "que", "qui", "sa", "se", "selon",
        "ses", "son", "sont", "sur", "un", "une", "vous", "été", "être",
    ],
    months: [
        "janvier",
        "février|fevrier",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août|aout",
        "septembre",
        "octobre",
        "novembre",
        "décembre|decembre",
    ],
    weekdays: [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ],
    month_prepositions: &["en", "au mois de", "depuis", "jusqu'en", "d'ici"],
    year_prepositions: &["en", "depuis", "jusqu'en", "d'ici"],
    date_joiners: &[],
    relative_days: &[
        ("avant-hier", -2),
        ("hier", -1),
        ("aujourd'hui", 0),
        ("demain", 1),
    ],
    relative_months: &[("le mois dernier|le mois précédent", -1), ("ce mois-ci", 0)],
    relative_years: &[
        (
            "l'année dernière|l'an dernier|l'année passée|l'an passé",
            -1,
        ),
        ("cette année", 0),
        ("l'année prochaine|l'an prochain", 1),
    ],
    end_of: &["à la fin de|à la fin d'|fin"],
    start_of: &["au début de|au début d'|début"],
    numeric_order: NumericOrder::DayMonth,
};
