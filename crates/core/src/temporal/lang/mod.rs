//! The shape of a pack's temporal table ([`TemporalTable`]) and of its entries; each
//! language's table is in its pack (`crate::lang::<code>::dates`), reached through
//! [`crate::lang::pack`]. The international words (marks, Indian festivals) are here.
//!
//! Phrases are written in lowercase; the engine folds case and accents (`lunedì` matches
//! `lunedi`), and an apostrophe matches `'` and `’`. A phrase may span several words.

pub(crate) mod international;

use super::Grain;
use crate::lang::Lang;

/// Flags of a preposition-like word: what it allows the following expression to mean.
pub mod prep {
    /// Starts an interval or an open interval ("dal", "from", "since").
    pub const FROM: u16 = 1;
    /// Ends an interval ("al", "to", "until").
    pub const TO: u16 = 2;
    /// Introduces a clock time ("alle", "at", "um").
    pub const AT: u16 = 4;
    /// Introduces a year, a month, or a span from now ("nel", "in", "tra").
    pub const IN: u16 = 8;
    /// Opens a "between … and …" interval.
    pub const BETWEEN: u16 = 16;
    /// Joins the ends of a "between" interval ("e", "and").
    pub const AND: u16 = 32;
    /// "before", "prima di", "entro": an interval open at the start.
    pub const BEFORE: u16 = 64;
    /// "after", "dopo": an interval open at the end.
    pub const AFTER: u16 = 128;
    /// An article before a day number ("il 19", "the 24th", "am 3.").
    pub const ON: u16 = 256;
    /// Glue between the parts of one expression ("di", "of", "de").
    pub const OF: u16 = 512;
    /// "for", "per", "durante": what follows is a duration, not a date.
    pub const DURING: u16 = 1024;
    /// Starts an interval only when a "to" closes it (French "de 9h à 11h": "de" alone is
    /// "of").
    pub const PAIR: u16 = 2048;
    /// "by", "within", "d'ici", "binnen": a deadline. A time still to come after it, or a
    /// span, is the stretch from the reference until then ("by the end of the month",
    /// "within 2 weeks"); a past time is that time ("by 2008, it had 300 staff").
    pub const BY: u16 = 4096;
}

/// What a word before a number, ordinal or minute word gives it: the right to anchor a
/// mention (see [`Sem::lead_needed`]).
pub mod lead {
    /// "at", "from" ("alle tre", "dal primo").
    pub const AT: u8 = 1;
    /// "on", an article ("on the first").
    pub const ON: u8 = 2;
    /// The day unit ("día quince").
    pub const DAY: u8 = 4;
    /// A number word, before "am" or "pm" ("ten thirty am"); digits anchor by themselves.
    pub const NUMBER: u8 = 8;
}

/// A holiday's date rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Holiday {
    /// A fixed day: month, day.
    Fixed(u32, u32),
    /// A fixed day moved to the nearest weekday: Saturday to Friday, Sunday to Monday.
    Observed(u32, u32),
    /// A fixed day moved to Saturday when it falls on a Sunday (Koningsdag).
    NotSunday(u32, u32),
    /// Days after Western Easter Sunday (negative: before).
    Easter(i64),
    /// Days after Orthodox (Julian) Easter Sunday, as a Gregorian date.
    Orthodox(i64),
    /// The n-th weekday (0 = Monday) of a month; n = -1 is the last one.
    Nth(u32, u32, i32),
    /// A day of the Hebrew calendar: month (1 = Nisan … 7 = Tishrei … 12 = Adar, the
    /// second Adar in leap years), day. Holidays that begin at sundown are given by the
    /// day whose evening opens them.
    Hebrew(u8, u8),
    /// A day of the Islamic lunar calendar (month 1 = Muharram), each month opening the
    /// day after a new moon seen before sunset in Mecca.
    Islamic(u8, u8),
    /// A day of the Chinese lunar calendar's first month (1 = the lunar new year).
    ChineseNewYear(u8),
    /// A Hindu lunar day: amanta month (1 = Chaitra … 12 = Phalguna), tithi (1-15 the
    /// waxing fortnight, 15 the full moon, 16-30 the waning one, 30 the new moon), and the
    /// hour of the day in India at which the tithi must hold (sunrise, noon, evening, midnight
    /// as tradition sets for each feast).
    Tithi(u8, u8, u8),
    /// The day the Sun enters a sidereal sign (0 = Aries: Vaisakhi; 9 = Capricorn: Makar
    /// Sankranti), in India.
    Sankranti(u8),
    /// The day the Moon is in a sidereal lunar mansion (nakshatra, 0-26) at sunrise in India
    /// while the Sun is in a sidereal sign (Onam: Thiruvonam in Simha).
    Nakshatra(u8, u8),
    /// A day of a calendar of 365-day years (no leap days), from one known new year: the
    /// Parsi (Shahenshahi) Navroz.
    Vague(i32, u32, u32),
    /// The last given weekday (0 = Monday) before another holiday (Jumu'atul-Wida: the last
    /// Friday before Eid al-Fitr).
    WeekdayBefore(&'static Holiday, u8),
    /// Another holiday moved by a number of days ("Black Friday": Thanksgiving + 1).
    Offset(&'static Holiday, i16),
    /// Another holiday lasting several days ("Hanukkah").
    Days(&'static Holiday, u16),
    /// A stretch from one holiday to the next occurrence of another, exclusive ("Ramadan":
    /// 1 Ramadan to 1 Shawwal; "Lent": Ash Wednesday to Easter).
    Until(&'static [Holiday; 2]),
}

/// What a word or phrase means to the temporal grammar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Sem {
    /// A month, 1-12.
    Month(u32),
    /// A month abbreviation that is only a month next to a number or a dot ("mar", "set").
    MonthAbbr(u32),
    /// A weekday, 0 = Monday.
    Weekday(u32),
    /// A weekday abbreviation, only with a number or a dot ("lun.", "thu.").
    WeekdayAbbr(u32),
    /// A number word ("tre", "twelve").
    Num(i64),
    /// A vague count ("a couple of", "a few", "quelques"): a number of units, never a
    /// clock hour or a day of the month.
    Count(i64),
    /// An ordinal word ("primo", "third").
    Ord(i64),
    /// A day relative to the reference ("ieri" = -1).
    Day(i64),
    /// A day relative to the reference, stated vaguely ("ad oggi").
    DayApprox(i64),
    /// The reference instant ("now", "adesso").
    Now,
    /// A calendar unit, singular ("giorno", "week").
    Unit(Grain),
    /// A calendar unit, plural ("giorni", "weeks"): with "last" and no number, a duration.
    Units(Grain),
    /// "this", "questo".
    This,
    /// "next", "prossimo".
    Next,
    /// "next" that, before or after a weekday, means the next one to come, even tomorrow
    /// (French "mercredi prochain", German "nächsten Mittwoch"); else like [`Sem::Next`].
    NextOne,
    /// "last", "scorso".
    Last,
    /// "upcoming": like "next", but "upcoming two weeks" is the week two weeks ahead.
    Upcoming,
    /// "the one after next" before what it qualifies ("übernächste Woche").
    NextButOne,
    /// "after next" after what it qualifies ("Friday after next").
    AfterNext,
    /// "ago", "fa" (after the span).
    Ago,
    /// "hace", "il y a", "vor", "há" (before the span).
    AgoBefore,
    /// "from now", "hence" (after the span).
    Hence,
    /// A preposition-like word, with [`prep`] flags.
    Prep(u16),
    /// A part of the day: hours from, to (to may pass 24).
    Pod(u32, u32),
    /// A part of a relative day in one word ("stasera" = today, 18-24).
    PodDay(i64, u32, u32),
    /// Noon.
    Noon,
    /// Midnight.
    Midnight,
    /// Before noon.
    Am,
    /// After noon.
    Pm,
    /// The hour mark in "15h30", "15 Uhr".
    HourMark,
    /// Minutes said as words after an hour ("un quarto" = 15, "mezza" = 30).
    Minutes(u32),
    /// "meno", "to": minutes before the hour.
    Minus,
    /// German "halb": half an hour before the hour that follows ("halb vier" = 3:30).
    HalfTo,
    /// A fixed span said as one phrase ("mezz'ora" = 30 minutes).
    Span(u32, Grain),
    /// A holiday.
    Holiday(Holiday),
    /// A season: 0 spring, 1 summer, 2 autumn, 3 winter.
    Season(u8),
    /// The weekend.
    Weekend,
    /// "the end of", "fine".
    EndOf,
    /// "the start of", "inizio".
    StartOf,
    /// "the middle of", "metà".
    MidOf,
    /// A weekday this many days on ("lundi en huit": the Monday on or after a week from today).
    WeekLater(u32),
    /// The start (1), middle (6) or end (12) of the current unit in one word ("EOM").
    PartOfUnit(u32, Grain),
    /// "Q" in "Q4".
    QuarterMark,
    /// "circa", "around", "verso": marks the expression approximate.
    Approx,
    /// The ides of a month ("the ides of March"): the 15th of March, May, July and October,
    /// the 13th of the others.
    Ides,
    /// After a year number: before (-1) or after (1) Christ ("44 BC", "14 a.d.").
    Era(i32),
    /// After a time: "at the earliest", "frühestens": from then on.
    Earliest,
    /// After a time: "at the latest", "spätestens", "au plus tard": until then.
    Latest,
    /// The reference date said as a word ("currently", "derzeit", "atualmente"): read only
    /// with [`crate::temporal::Options::references`], as the reference day.
    Reference,
    /// "century", "secolo": after an ordinal, that century.
    Century,
    /// A Roman numeral before a century word ("XX secolo", "XIXe siècle").
    Roman(i64),
    /// A time zone after a clock time ("GMT", "CET"): its offset from UTC in minutes.
    Zone(i16),
}

impl Sem {
    /// A word that never anchors a mention by itself: it only leads or qualifies one
    /// ("di", "circa", "this", "next", "scorso"). Number and ordinal words anchor one only
    /// in some places (see the grammar's `is_anchor`).
    pub(crate) fn never_anchors(self) -> bool {
        matches!(
            self,
            Sem::Prep(_)
                | Sem::Approx
                | Sem::This
                | Sem::Next
                | Sem::NextOne
                | Sem::NextButOne
                | Sem::Upcoming
                | Sem::AfterNext
                | Sem::Last
                | Sem::Earliest
                | Sem::Latest
                | Sem::Era(_)
                | Sem::Roman(_)
                | Sem::Zone(_)
        )
    }

    /// For a word that anchors a mention only after certain words (number words: "alle
    /// tre", "día quince"; ordinals: "on the first"; minute words; "am" and "pm" after a
    /// number word), the [`lead`]s it needs before it; 0 for any other word.
    pub(crate) fn lead_needed(self) -> u8 {
        match self {
            Sem::Num(_) | Sem::Count(_) => lead::AT | lead::DAY,
            Sem::Ord(_) => lead::AT | lead::ON,
            Sem::Minutes(_) | Sem::Minus => lead::AT,
            // "ten thirty am": a number word before.
            Sem::Am | Sem::Pm => lead::NUMBER,
            _ => 0,
        }
    }

    /// The [`lead`]s this word gives the word after it.
    pub(crate) fn lead_given(self) -> u8 {
        match self {
            Sem::Prep(f) => {
                let at = if f & (prep::AT | prep::FROM) != 0 {
                    lead::AT
                } else {
                    0
                };
                let on = if f & prep::ON != 0 { lead::ON } else { 0 };
                at | on
            }
            Sem::Unit(crate::temporal::Grain::Day) | Sem::Units(crate::temporal::Grain::Day) => {
                lead::DAY
            }
            Sem::Num(_) | Sem::Count(_) => lead::NUMBER,
            _ => 0,
        }
    }
}

/// Everything the temporal engine knows about one language.
#[derive(Debug)]
pub struct TemporalTable {
    /// Which language this is.
    pub lang: Lang,
    /// Month names, January first; alternatives separated by `|`.
    pub months: [&'static str; 12],
    /// Month abbreviations (only months next to a number or a dot).
    pub month_abbrevs: [&'static str; 12],
    /// Weekday names, Monday first; alternatives separated by `|`.
    pub weekdays: [&'static str; 7],
    /// Weekday abbreviations (only weekdays next to a number or a dot).
    pub weekday_abbrevs: [&'static str; 7],
    /// Weekday abbreviations that are also everyday words (Portuguese "ter", "to have"):
    /// a weekday only next to a number, a dot or a comma, even standing alone.
    pub abbrev_homographs: &'static [&'static str],
    /// Number words and their value.
    pub numbers: &'static [(&'static str, i64)],
    /// Vague counts and the number they stand for ([`Sem::Count`]).
    pub counts: &'static [(&'static str, i64)],
    /// Ordinal words and their value.
    pub ordinals: &'static [(&'static str, i64)],
    /// Every other word or phrase and its meaning.
    pub words: &'static [(&'static str, Sem)],
    /// Numeric dates put the day first (`27/09/2024`), else the month (`09/27/2024`).
    pub day_first: bool,
    /// A clock hour up to 12 said without am/pm may mean either half of the day.
    pub twelve_hour: bool,
    /// The same for "3:30" (English clocks; German and Romance "3:30" is 03:30).
    pub twelve_hour_colon: bool,
    /// Hours of "morning" (Duckling: 4-12 in Romance languages, 0-12 in English).
    pub morning: (u32, u32),
    /// Numeric dates may be written with spaces ("le 20 02 2014", "17 2").
    pub space_dates: bool,
    /// Where the start, middle and end of a month, year and week lie.
    pub parts: &'static PartSpans,
    /// The words that say a clause speaks of the future, or is in the present progressive
    /// (see [`crate::temporal::clause_tense`]).
    pub tense: &'static TenseWords,
}

/// How a language marks the tense of a clause, for [`crate::temporal::clause_tense`].
/// Entries are lowercase; a future entry may be a phrase of several words.
#[derive(Debug)]
pub struct TenseWords {
    /// Auxiliaries and markers of a future or conditional clause ("will", "next",
    /// "scheduled", "prevista", "geplant", "a partir de").
    pub future: &'static [&'static str],
    /// Endings of future and conditional verbs ("rà", "ranno", "ront").
    pub future_endings: &'static [&'static str],
    /// Words with such an ending that are not verbs ("però", "front").
    pub not_future: &'static [&'static str],
    /// Auxiliaries of the present progressive ("is", "sta", "está"), before a gerund.
    pub progressive: &'static [&'static str],
    /// Endings of the gerund that follows one of them ("ing", "ando", "endo").
    pub gerund_endings: &'static [&'static str],
    /// Reporting verbs ("said", "annunciato", "sagte"): a mention right after one dates the
    /// report ("announced on Monday it will buy…"), not what is reported.
    pub reports: &'static [&'static str],
    /// Words that open another clause ("that", "che", "dass"), besides the reporting verbs,
    /// which open one too: a marker beyond one speaks of another verb.
    pub breaks: &'static [&'static str],
}

/// The stretches a language means by the start, the middle and the end of a period, each
/// `[from, to)` counted from the period's start: days of a month or week, months of a year.
/// [`PartSpans::END`] stands for the period's end.
#[derive(Debug)]
pub struct PartSpans {
    /// Start, middle and end of a month, in days.
    pub month: [(u32, u32); 3],
    /// Start, middle and end of a year, in months.
    pub year: [(u32, u32); 3],
    /// Start, middle and end of a week, in days.
    pub week: [(u32, u32); 3],
}

impl PartSpans {
    /// The end of the period, whatever its length.
    pub const END: u32 = u32::MAX;

    /// Thirds of a month, four-month parts of a year, three days of a week.
    pub const COMMON: PartSpans = PartSpans {
        month: [(0, 10), (10, 20), (20, Self::END)],
        year: [(0, 3), (4, 8), (8, Self::END)],
        week: [(0, 3), (2, 4), (4, Self::END)],
    };
}

/// The temporal table of one language (its pack's).
pub fn table(lang: Lang) -> &'static TemporalTable {
    crate::lang::pack(lang).dates
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::temporal::lexicon::phrase_key;

    #[test]
    fn every_table_is_well_formed() {
        for lang in Lang::ALL {
            let t = table(lang);
            assert_eq!(t.lang, lang, "dispatch returns the language's own table");
            let names = t.months.iter().chain(&t.weekdays);
            let words = t
                .words
                .iter()
                .chain(international::WORDS)
                .chain(international::INDIAN)
                .chain(international::MARKS);
            let words = words.map(|(w, _)| w);
            let numbers = t.numbers.iter().chain(t.ordinals).map(|(w, _)| w);
            for entry in names.chain(words).chain(numbers) {
                let mut seen = Vec::new();
                for alt in entry.split('|') {
                    assert!(
                        !alt.trim().is_empty(),
                        "{lang}: empty alternative in {entry:?}"
                    );
                    let (key, n) = phrase_key(alt);
                    assert!(n > 0 && !key.is_empty(), "{lang}: {alt:?} has no words");
                    assert!(!seen.contains(&key), "{lang}: {alt:?} twice in {entry:?}");
                    seen.push(key);
                }
            }
            for (i, m) in t.months.iter().enumerate() {
                let first = phrase_key(m.split('|').next().unwrap_or_default()).0;
                let others = t.months.iter().enumerate().filter(|&(j, _)| j != i);
                for (_, o) in others {
                    assert!(
                        !o.split('|').any(|a| phrase_key(a).0 == first),
                        "{lang}: {m} twice"
                    );
                }
            }
        }
    }
}
