//! Italian.

use super::{LangTable, NumericOrder};
use crate::lang::Lang;

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
    months: [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
    weekdays: [
        "lunedì",
        "martedì",
        "mercoledì",
        "giovedì",
        "venerdì",
        "sabato",
        "domenica",
    ],
    month_prepositions: &[
        "a",
        "ad",
        "in",
        "nel",
        "nel mese di",
        "di",
        "dal",
        "fino a",
        "entro",
    ],
    year_prepositions: &["nel", "dal", "entro il", "fino al", "del"],
    date_joiners: &["del", "di"],
    relative_days: &[
        ("l'altro ieri|l'altroieri|avantieri", -2),
        ("ieri", -1),
        ("oggi", 0),
        ("domani", 1),
    ],
    relative_months: &[
        ("il mese scorso|lo scorso mese|del mese scorso", -1),
        ("questo mese|questo stesso mese", 0),
    ],
    relative_years: &[
        (
            "lo scorso anno|l'anno scorso|scorso anno|anno scorso|l'anno passato",
            -1,
        ),
        ("quest'anno|questo anno|anno in corso", 0),
        ("l'anno prossimo|il prossimo anno|prossimo anno", 1),
    ],
    end_of: &["alla fine dello|alla fine del|alla fine dell'|a fine|alla fine di|fine"],
    start_of: &["all'inizio dello|all'inizio del|all'inizio dell'|all'inizio di|a inizio|inizio"],
    numeric_order: NumericOrder::DayMonth,
};
