//! Spanish.

use super::{LangTable, NumericOrder};
use crate::lang::Lang;

/// The Spanish table.
pub static TABLE: LangTable = LangTable {
    lang: Lang::Es,
    stopwords: &[
        "al", "como", "con", "de", "del", "después", "el", "en", "entre", "es", "esta", "este",
        "fue", "fueron", "ha", "había", "han", "la", "las", "lo", "los", "más", "no", "o", "para",
        "pero", "por", "que", "se", "según", "sobre", "son", "su", "sus", "también", "tras", "un",
        "una", "unas", "unos", "y",
    ],
    months: [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre|setiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    weekdays: [
        "lunes",
        "martes",
        "miércoles|miercoles",
        "jueves",
        "viernes",
        "sábado|sabado",
        "domingo",
    ],
    month_prepositions: &["en", "desde", "hasta", "a partir de"],
    year_prepositions: &["en", "desde", "hasta", "a partir de"],
    date_joiners: &["de", "del"],
    relative_days: &[
        ("anteayer|antier", -2),
        ("ayer", -1),
        ("hoy", 0),
        ("mañana", 1),
    ],
    relative_months: &[("el mes pasado", -1), ("este mes", 0)],
    relative_years: &[
        ("el año pasado|el pasado año", -1),
        ("este año", 0),
        ("el próximo año|el año que viene", 1),
    ],
    end_of: &["a finales de|a fines de|finales de"],
    start_of: &["a principios de|a comienzos de|principios de"],
    numeric_order: NumericOrder::DayMonth,
};
