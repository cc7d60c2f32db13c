//! English.

use super::{LangTable, NumericOrder};
use crate::lang::Lang;

/// The English table.
pub static TABLE: LangTable = LangTable {
    lang: Lang::En,
    stopwords: &[
        "a", "after", "also", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for",
        "from", "had", "has", "have", "he", "her", "his", "in", "is", "it", "its", "more", "new",
        "not", "of", "on", "one", "or", "said", "she", "than", "that", "the", "their", "then",
        "there", "these", "they", "this", "those", "to", "was", "we", "were", "what", "which",
        "who", "will", "with", "would",
    ],
    months: [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ],
    weekdays: [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ],
    month_prepositions: &[
        "in", "since", "until", "by", "during", "from", "of", "last", "this",
    ],
    year_prepositions: &[
        "in", "since", "until", "by", "during", "from", "of", "early", "mid", "late",
    ],
    date_joiners: &["of"],
    relative_days: &[
        ("the day before yesterday", -2),
        ("yesterday", -1),
        ("today", 0),
        ("tomorrow", 1),
    ],
    relative_months: &[("last month|the previous month", -1), ("this month", 0)],
    relative_years: &[
        ("last year|the previous year|a year ago", -1),
        ("this year|the current year", 0),
        ("next year", 1),
    ],
    end_of: &["at the end of|by the end of|the end of|end of|late"],
    start_of: &["at the beginning of|at the start of|the beginning of|the start of|early"],
    numeric_order: NumericOrder::MonthDay,
};
