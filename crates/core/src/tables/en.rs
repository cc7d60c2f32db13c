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
    resignation: &[
        r"resign(?:s|ed|ing|ation)?",
        r"(?:step|steps|stepped|stepping) down",
        r"(?:announced|announces) (?:his|her|their) departure",
        r"(?:is|was|are|were) leaving (?:the company|the firm|the board)",
    ],
    appointment: &[
        r"appointed|appoints",
        r"named (?:as )?(?:the )?(?:new |its )?",
        r"(?:takes|took|taking) over",
        r"promoted to",
        r"(?:hired|hires) (?:as )?",
        r"(?:joins|joined) (?:as|the board)",
    ],
    roles: &[
        ("chief executive officer|chief executive|ceo", "CEO"),
        ("chief technology officer|cto", "CTO"),
        ("chief financial officer|cfo", "CFO"),
        ("chief operating officer|coo", "COO"),
        ("chief research officer", "chief research officer"),
        (
            "director of research|research director",
            "director of research",
        ),
        (
            "vice president of research|vp of research|vp research",
            "VP of research",
        ),
        ("chief scientist", "chief scientist"),
        ("chairman|chairwoman|chairperson|chair", "chair"),
        ("vice president", "vice president"),
        ("president", "president"),
    ],
};
