//! Portuguese.

use super::{LangTable, NumericOrder};
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
    months: [
        "janeiro",
        "fevereiro",
        "março|marco",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
    weekdays: [
        "segunda-feira|segunda",
        "terça-feira|terça",
        "quarta-feira|quarta",
        "quinta-feira|quinta",
        "sexta-feira|sexta",
        "sábado|sabado",
        "domingo",
    ],
    month_prepositions: &["em", "desde", "até", "a partir de"],
    year_prepositions: &["em", "desde", "até", "a partir de"],
    date_joiners: &["de"],
    relative_days: &[("anteontem", -2), ("ontem", -1), ("hoje", 0), ("amanhã", 1)],
    relative_months: &[("o mês passado|no mês passado", -1), ("este mês", 0)],
    relative_years: &[
        ("o ano passado|no ano passado", -1),
        ("este ano|neste ano", 0),
        ("o próximo ano|no próximo ano", 1),
    ],
    end_of: &["no final de|no fim de|final de|fim de"],
    start_of: &["no início de|no começo de|início de"],
    numeric_order: NumericOrder::DayMonth,
};
