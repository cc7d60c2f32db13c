//! Temporal expressions: found in text and resolved against a reference date-time.
//!
//! - [`lang`]: per-language tables (month and weekday names, number words, relative words,
//!   parts of the day, holidays, prepositions) and the one dispatch point, [`lang::table`].
//! - `lexicon`: tokens with byte spans, and table phrases turned into meanings.
//! - `region`: the runs of tokens around possible anchors, the only places parsed.
//! - `engine`: the generic grammar: pieces, their intersections, intervals.
//! - `resolve` and `calendar`: resolution against the reference, by [`Preference`].
//!
//! Every mention has a byte span, a value (an instant at a [`Grain`], or an interval with
//! an exclusive end, maybe open), an approximate flag, the rule that matched, and whether
//! it sits inside a quotation. Resolution is deterministic: the reference and the
//! preference are arguments; nothing reads the clock. Durations ("negli ultimi 3 anni",
//! "for eight years") and plain numbers ("3,4", "1.600", "15%") are not dates.

mod calendar;
mod engine;
pub mod lang;
mod lexicon;
mod region;
mod resolve;
mod tense;

use crate::lang::Lang;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use dateline_api::{EventDate, Precision};
use engine::{Expr, Item, Parser, items};
use lexicon::{Token, lexicon, tokenize};
use resolve::{Period, resolve};

/// How to resolve an expression that does not say which one it means ("in May", "Monday").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Preference {
    /// The latest one on or before the reference (news reports the past).
    #[default]
    Past,
    /// The next one on or after the reference (assistant-style).
    Future,
    /// Whichever is closer to the reference.
    Nearest,
}

/// What the verbs of a mention's clause say of its time (see [`clause_tense`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tense {
    /// No future or progressive marker: the preference decides (news: the past).
    #[default]
    Unmarked,
    /// A future or conditional verb, or a marker such as "next", "scheduled", "prevista",
    /// "geplant", "a partir de": the date is still to come.
    Future,
    /// A present progressive ("is meeting on Friday", "sta preparando"): the nearest date.
    Progressive,
}

impl Tense {
    /// The preference this tense gives an underspecified date, when the caller's is
    /// `prefer` (only the news default, [`Preference::Past`], gives way).
    pub fn preference(self, prefer: Preference) -> Preference {
        match (prefer, self) {
            (Preference::Past, Tense::Future) => Preference::Future,
            (Preference::Past, Tense::Progressive) => Preference::Nearest,
            (p, _) => p,
        }
    }
}

/// The tense of the clause around the bytes `start..end` of `text` (a mention's span), read
/// from the language pack's tense words: future and conditional verbs and markers, and the
/// present progressive. Spans off the text or off character boundaries give
/// [`Tense::Unmarked`].
pub fn clause_tense(text: &str, lang: Lang, start: usize, end: usize) -> Tense {
    tense::tense_at(text, lang::table(lang).tense, start, end)
}

/// What [`find_mentions_with`] reads beyond the dates [`find_mentions`] finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// Resolve underspecified dates ("on Friday", "in May") by the clause's tense
    /// ([`Mention::tense`], [`Tense::preference`]) rather than by the preference alone.
    pub tense: bool,
    /// News-register readings: bare years in running text ("its 2012 sales"), decades and
    /// centuries ("the 1990s", "the 20th century", "in '58").
    pub news: bool,
    /// Parts of a month ("early December", "mid-March", "late last July") as that month,
    /// approximate, at month grain, and "the end of the year" as its last month (TimeML's
    /// reading), rather than the stretch of days or months (Duckling's reading).
    pub month_parts: bool,
    /// Words for the reference date ("currently", "at present", "derzeit", "actuellement")
    /// as the reference day, flagged [`Mention::reference`].
    pub references: bool,
}

impl Options {
    /// Everything on: the reading of news (`dateline dates` with the past preference).
    pub const NEWS: Options = Options {
        tense: true,
        news: true,
        month_parts: true,
        references: true,
    };
}

/// The size of the period a value stands for, finest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grain {
    /// A second.
    Second,
    /// A minute.
    Minute,
    /// An hour.
    Hour,
    /// A day.
    Day,
    /// A week (Monday first).
    Week,
    /// A month.
    Month,
    /// A calendar quarter.
    Quarter,
    /// A year.
    Year,
}

impl Grain {
    /// The lowercase name ("day").
    pub fn as_str(self) -> &'static str {
        match self {
            Grain::Second => "second",
            Grain::Minute => "minute",
            Grain::Hour => "hour",
            Grain::Day => "day",
            Grain::Week => "week",
            Grain::Month => "month",
            Grain::Quarter => "quarter",
            Grain::Year => "year",
        }
    }
}

/// A resolved value: an instant at the mention's grain, or an interval [from, to).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeValue {
    /// The start of the period the mention names.
    Instant(NaiveDateTime),
    /// A stretch of time; `to` is exclusive; either end may be open.
    Interval {
        /// First instant, if bounded.
        from: Option<NaiveDateTime>,
        /// First instant after, if bounded.
        to: Option<NaiveDateTime>,
    },
}

/// One temporal expression in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte offset of its first byte.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    /// The resolved value.
    pub value: TimeValue,
    /// The size of the period (for intervals, of their ends).
    pub grain: Grain,
    /// The text is vague about it ("circa", "alla fine di", "ad oggi").
    pub approx: bool,
    /// It sits inside a quotation whose own date is unknown: the event layer may decide.
    pub quoted: bool,
    /// A window measured from the reference ("gli ultimi 2 anni", "the next 3 days"): a
    /// stretch of time, not the date of an event. [`find_mentions`] leaves these out.
    pub window: bool,
    /// Name of the rule that matched, for debugging.
    pub rule: &'static str,
    /// The value as an event date (day, month, quarter or year precision).
    pub date: EventDate,
    /// The first day the value covers (for ordering and arithmetic).
    pub first_day: NaiveDate,
    /// The tense of the mention's clause ([`clause_tense`]), read for every mention. It
    /// changes the value only with [`Options::tense`].
    pub tense: Tense,
    /// It stands for the reference date itself ("now", "to date", "ad oggi", and with
    /// [`Options::references`] "currently", "derzeit"…), not for a date the text states.
    pub reference: bool,
    /// The time zone the text states for a clock time ("15:00 GMT Saturday": 0), in minutes
    /// east of UTC, read with [`Options::news`]. The value stays the local time said.
    pub zone: Option<i16>,
}

impl Mention {
    /// The value as an event date: day, month, quarter or year precision (clock times and
    /// parts of the day give their day).
    pub fn event_date(&self) -> EventDate {
        self.date.clone()
    }
}

/// Writes an instant as ISO 8601 cut to its grain: `2024`, `2024-09`, `2024-09-27`,
/// `2024-09-27T15:00:00`.
pub fn format_iso(t: NaiveDateTime, grain: Grain) -> String {
    match grain {
        Grain::Year => t.format("%Y").to_string(),
        Grain::Month | Grain::Quarter => t.format("%Y-%m").to_string(),
        Grain::Day | Grain::Week => t.format("%Y-%m-%d").to_string(),
        _ => t.format("%Y-%m-%dT%H:%M:%S").to_string(),
    }
}

/// Writes a first day and a precision as the contract's date value.
pub fn event_date(first_day: NaiveDate, precision: Precision, approx: bool) -> EventDate {
    let value = match precision {
        Precision::Day => first_day.format("%Y-%m-%d").to_string(),
        Precision::Month | Precision::Quarter => first_day.format("%Y-%m").to_string(),
        Precision::Year => first_day.format("%Y").to_string(),
    };
    EventDate {
        value,
        precision,
        approx,
    }
}

/// Finds and resolves the dates of `text` against a reference day (read as its midnight):
/// every temporal expression except windows ("negli ultimi 3 anni" is a duration, not a
/// date). Mentions are in text order and do not overlap.
pub fn find_mentions(
    text: &str,
    lang: Lang,
    reference: NaiveDate,
    prefer: Preference,
) -> Vec<Mention> {
    let mut all = find_mentions_at(text, lang, reference.and_time(NaiveTime::MIN), prefer);
    all.retain(|m| !m.window);
    all
}

/// Finds and resolves every temporal expression of `text` against a reference date-time,
/// windows included (see [`Mention::window`]).
/// Relative words inside a quotation introduced by its own full date resolve against that
/// date; inside other quotations they are marked [`Mention::quoted`].
pub fn find_mentions_at(
    text: &str,
    lang: Lang,
    reference: NaiveDateTime,
    prefer: Preference,
) -> Vec<Mention> {
    find_mentions_with(text, lang, reference, prefer, Options::default())
}

/// [`find_mentions_at`] with the readings of `opts` (see [`Options`]; [`Options::NEWS`] is
/// what `dateline dates` uses). With `Options::default()` it is [`find_mentions_at`].
pub fn find_mentions_with(
    text: &str,
    lang: Lang,
    reference: NaiveDateTime,
    prefer: Preference,
    opts: Options,
) -> Vec<Mention> {
    let mut out = scan(text, lang, reference, prefer, Coverage::Regions, opts);
    requote(text, lang, prefer, opts, &mut out);
    out
}

/// Which tokens the grammar runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Coverage {
    /// Only the regions around possible anchors (see `region`): the fast path.
    Regions,
    /// Every token: what the regions must always agree with (tests).
    #[cfg_attr(not(test), allow(dead_code))]
    Everything,
}

fn scan(
    text: &str,
    lang: Lang,
    reference: NaiveDateTime,
    prefer: Preference,
    coverage: Coverage,
    opts: Options,
) -> Vec<Mention> {
    let lex = lexicon(lang);
    let mut buf = String::new();
    let mut tokens: Vec<Token> = Vec::new();
    let mut its: Vec<Item> = Vec::new();
    let mut next_anchor: Vec<usize> = Vec::new();
    let mut regions = Vec::new();
    let mut out = Vec::new();
    // Paragraphs (or ~8 KB runs of lines) one at a time: the buffers stay small and hot.
    let mut at = 0;
    while at < text.len() {
        let mut end = (at + 8192).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let bytes = text.as_bytes();
        if end < text.len() {
            end = match memchr::memchr(b'\n', &bytes[end..]) {
                Some(k) => end + k + 1,
                None => text.len(),
            };
        }
        // A paragraph break ends the chunk early.
        if let Some(p) = memchr::memmem::find(&bytes[at..end], b"\n\n") {
            end = at + p + 2;
        }
        let chunk = &text[at..end];
        buf.clear();
        tokens.clear();
        // Room for the chunk at once (about a token per five bytes of news text), rather
        // than growing a few times per article.
        tokens.reserve(chunk.len() / 4);
        buf.reserve(chunk.len() / 2);
        tokenize(chunk, Some(lex), &mut buf, &mut tokens);
        match coverage {
            Coverage::Regions => region::regions(&tokens, lex, &mut regions),
            Coverage::Everything => {
                regions.clear();
                regions.push((0, tokens.len()));
            }
        }
        for &(from, to) in &regions {
            its.clear();
            items(&tokens[from..to], &buf, lex, &mut its);
            let parser = Parser {
                items: &its,
                buf: &buf,
                lex,
                r: reference,
                pref: prefer,
                news: opts.news,
                references: opts.references,
            };
            scan_items(&parser, chunk, opts, &mut next_anchor, at, &mut out);
        }
        at = end;
    }
    out
}

/// Parses one chunk's items; spans are moved by `offset`.
fn scan_items(
    parser: &Parser<'_>,
    chunk: &str,
    opts: Options,
    next_anchor: &mut Vec<usize>,
    offset: usize,
    out: &mut Vec<Mention>,
) {
    let its = parser.items;
    // Cheap prefilter: a mention starts at most four items before an anchor (a number or a
    // temporal word that is not a mere preposition).
    next_anchor.clear();
    next_anchor.resize(its.len() + 1, usize::MAX);
    for k in (0..its.len()).rev() {
        next_anchor[k] = if parser.is_anchor(k) {
            k
        } else {
            next_anchor[k + 1]
        };
    }
    let mut i = 0;
    while i < its.len() {
        if matches!(its[i].kind, engine::Kind::Word(_) | engine::Kind::Punct(_))
            || parser.is_conjunction(i)
            || next_anchor[i].saturating_sub(i) > 4
        {
            i += 1;
            continue;
        }
        match parser.expr(i) {
            Some((e, j)) if j > i => {
                let (s, z) = (its[i].start, its[j - 1].end);
                let tense = tense::tense_at(chunk, parser.lex.table.tense, s, z);
                let pref = if opts.tense {
                    tense.preference(parser.pref)
                } else {
                    parser.pref
                };
                // The grammar resolves some containers as it parses ("early December"):
                // parse again in the clause's direction.
                let e = if pref == parser.pref {
                    e
                } else {
                    let again = Parser { pref, ..*parser };
                    match again.expr(i) {
                        Some((e2, j2)) if j2 == j => e2,
                        _ => e,
                    }
                };
                if let Some(mut m) = mention(e, offset + s, offset + z, parser.r, pref, opts) {
                    m.tense = tense;
                    m.reference = m.rule == "now"
                        || m.rule == "reference"
                        || m.rule == "relative_day" && m.approx && m.first_day == parser.r.date();
                    out.push(m);
                }
                i = j;
            }
            _ => i += 1,
        }
    }
}

/// A closed interval value.
fn interval(from: NaiveDateTime, to: NaiveDateTime) -> TimeValue {
    TimeValue::Interval {
        from: Some(from),
        to: Some(to),
    }
}

/// A mention that is a window ([`Mention::window`]): a stretch measured from the reference,
/// not the date of an event.
fn window(
    span: std::ops::Range<usize>,
    p: Period,
    value: TimeValue,
    approx: bool,
    rule: &'static str,
) -> Option<Mention> {
    let date = to_event_date(&p, &value, p.grain, true)?;
    let grain = p.grain;
    Some(Mention {
        window: true,
        ..read(span, value, grain, approx, rule, &p, date)
    })
}

/// A mention as the grammar read it: its value, grain and dating; tense, reference and
/// zone are filled in afterwards.
fn read(
    span: std::ops::Range<usize>,
    value: TimeValue,
    grain: Grain,
    approx: bool,
    rule: &'static str,
    p: &Period,
    date: EventDate,
) -> Mention {
    Mention {
        start: span.start,
        end: span.end,
        value,
        grain,
        approx,
        quoted: false,
        window: false,
        rule,
        first_day: p.start.date(),
        date,
        tense: Tense::Unmarked,
        reference: false,
        zone: None,
    }
}

fn mention(
    e: Expr,
    start: usize,
    end: usize,
    r: NaiveDateTime,
    pref: Preference,
    opts: Options,
) -> Option<Mention> {
    let zone = match e {
        Expr::One(t) | Expr::From(t) | Expr::Until(t) | Expr::By(t) | Expr::For(t, ..) => t.zone,
        Expr::Between(a, b) => a.zone.or(b.zone),
        _ => None,
    };
    let mut m = mention_of(e, start, end, r, pref, opts)?;
    m.zone = zone;
    Some(m)
}

fn mention_of(
    e: Expr,
    start: usize,
    end: usize,
    r: NaiveDateTime,
    pref: Preference,
    opts: Options,
) -> Option<Mention> {
    let (value, grain, approx, rule, first) = match e {
        Expr::Duration => return None,
        Expr::For(t, n, g) => {
            let p = resolve(&t, r, pref)?;
            let grain = p.grain.min(g);
            let to = calendar::shift(calendar::shift(p.start, g, n)?, grain, 1)?;
            (
                TimeValue::Interval {
                    from: Some(p.start),
                    to: Some(to),
                },
                grain,
                t.approx,
                "for",
                p,
            )
        }
        Expr::Ahead(at, grain) => {
            let p = Period {
                start: at,
                end: calendar::shift(at, grain, 1)?,
                grain,
                interval: false,
            };
            return window(start..end, p, TimeValue::Instant(at), true, "upcoming");
        }
        Expr::Window(from, to, grain) => {
            let p = Period {
                start: from,
                end: to,
                grain,
                interval: true,
            };
            return window(start..end, p, interval(from, to), true, "window");
        }
        Expr::One(t) if t.range.is_some() => {
            let p = resolve(&t, r, pref)?;
            let (from, to, grain) = t.range?;
            // News: "early December" is December, said vaguely; "the end of the year" is
            // its last month.
            if opts.month_parts
                && p.grain == Grain::Month
                && (grain == Grain::Day || grain == Grain::Month && t.rule == "end_of")
            {
                let value = TimeValue::Instant(p.start);
                let date = to_event_date(&p, &value, Grain::Month, true)?;
                return Some(read(
                    start..end,
                    value,
                    Grain::Month,
                    true,
                    t.rule,
                    &p,
                    date,
                ));
            }
            let value = TimeValue::Interval {
                from: Some(from),
                to: Some(to),
            };
            let date = to_event_date(&p, &TimeValue::Instant(p.start), p.grain, t.approx)?;
            return Some(read(start..end, value, grain, t.approx, t.rule, &p, date));
        }
        Expr::One(t) => {
            let p = resolve(&t, r, pref)?;
            let value = if p.interval {
                TimeValue::Interval {
                    from: Some(p.start),
                    to: Some(p.end),
                }
            } else {
                TimeValue::Instant(p.start)
            };
            (value, p.grain, t.approx, t.rule, p)
        }
        Expr::Between(a, b) => {
            let pa = resolve(&a, r, pref)?;
            let pb = resolve(&b, pa.start, Preference::Future)?;
            if pb.end <= pa.start {
                return None;
            }
            let grain = pa.grain.min(pb.grain);
            (
                TimeValue::Interval {
                    from: Some(pa.start),
                    to: Some(pb.end),
                },
                grain,
                a.approx || b.approx,
                "interval",
                pa,
            )
        }
        Expr::From(a) => {
            let p = resolve(&a, r, pref)?;
            (
                TimeValue::Interval {
                    from: Some(p.start),
                    to: None,
                },
                p.grain,
                a.approx,
                "since",
                p,
            )
        }
        Expr::By(a) => {
            let p = resolve(&a, r, pref)?;
            let to = if a.rule == "end_of" { p.end } else { p.start };
            if to <= r {
                return mention(Expr::One(a), start, end, r, pref, opts);
            }
            let p = Period {
                start: r,
                end: to,
                grain: Grain::Second,
                interval: true,
            };
            return window(start..end, p, interval(r, to), a.approx, "by");
        }
        Expr::Until(a) => {
            let p = resolve(&a, r, pref)?;
            // "until the end of the month": to the end of that stretch.
            let to = match a.range {
                Some((_, end, _)) if a.rule == "end_of" => end,
                _ if a.rule == "at_the_latest" => p.end,
                _ => p.start,
            };
            (
                TimeValue::Interval {
                    from: None,
                    to: Some(to),
                },
                p.grain,
                a.approx,
                "until",
                p,
            )
        }
    };
    let date = to_event_date(&first, &value, grain, approx)?;
    Some(read(start..end, value, grain, approx, rule, &first, date))
}

fn to_event_date(p: &Period, value: &TimeValue, grain: Grain, approx: bool) -> Option<EventDate> {
    let d = p.start.date();
    let (precision, first) = match grain {
        Grain::Year => (Precision::Year, NaiveDate::from_ymd_opt(d.year(), 1, 1)?),
        Grain::Quarter => (Precision::Quarter, d),
        Grain::Month => (Precision::Month, d),
        _ => (Precision::Day, d),
    };
    let vague = match value {
        TimeValue::Interval { .. } => !(p.interval && grain <= Grain::Hour),
        TimeValue::Instant(_) => false,
    };
    Some(event_date(first, precision, approx || vague))
}

/// Calls `f` with the position of every byte that may start a quotation mark or end a line
/// ('"', '\n', and the lead bytes 0xC2 of «» and 0xE2 of “”„), skipping eight bytes at a
/// time where there is none.
fn for_each_mark(bytes: &[u8], mut f: impl FnMut(usize)) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has = |x: u64, b: u8| {
        let y = x ^ (ONES * u64::from(b));
        y.wrapping_sub(ONES) & !y & HIGHS != 0
    };
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0;
    for c in chunks.by_ref() {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let x = u64::from_le_bytes(w);
        if has(x, b'"') || has(x, b'\n') || has(x, 0xC2) || has(x, 0xE2) {
            for (k, &b) in c.iter().enumerate() {
                if matches!(b, b'"' | b'\n' | 0xC2 | 0xE2) {
                    f(base + k);
                }
            }
        }
        base += 8;
    }
    for (k, &b) in chunks.remainder().iter().enumerate() {
        if matches!(b, b'"' | b'\n' | 0xC2 | 0xE2) {
            f(base + k);
        }
    }
}

/// Byte spans of quotations (“…”, «…», "…").
fn quotes(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let mut last_newline: Option<usize> = None;
    for_each_mark(text.as_bytes(), |i| {
        let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
            return;
        };
        // A blank line: this newline right after another.
        let blank_line = c == '\n' && i > 0 && last_newline == Some(i - 1);
        if c == '\n' {
            last_newline = Some(i);
        }
        match (open, c) {
            (None, '“' | '«' | '"' | '„') => open = Some((i, c)),
            (Some((s, o)), '”' | '»' | '"' | '“') if (o != '"' || c == '"') => {
                spans.push((s, i + c.len_utf8()));
                open = None;
            }
            (Some(_), '\n') if blank_line => open = None,
            _ => {}
        }
    });
    spans
}

/// Relative words inside a quotation: resolved against the quotation's own date when a full
/// date introduces it just before ("in un post del 17 maggio: «ieri …»"), else marked quoted.
fn requote(text: &str, lang: Lang, prefer: Preference, opts: Options, out: &mut [Mention]) {
    if out.is_empty() {
        return;
    }
    let spans = quotes(text);
    if spans.is_empty() {
        return;
    }
    let relative = |m: &Mention| {
        matches!(
            m.rule,
            "relative_day"
                | "relative_year"
                | "relative_month"
                | "relative"
                | "ago"
                | "in"
                | "weekday"
                | "part_of_day"
        )
    };
    for k in 0..out.len() {
        // Spans are sorted and disjoint: the candidate is the last one opening before.
        let before = spans.partition_point(|&(s, _)| s < out[k].start);
        let Some(&(qs, qe)) = before
            .checked_sub(1)
            .and_then(|p| spans.get(p))
            .filter(|&&(_, e)| out[k].end <= e)
        else {
            continue;
        };
        if !relative(&out[k]) {
            continue;
        }
        let dated = out[..k]
            .iter()
            .rev()
            .skip_while(|d| d.end > qs)
            .take_while(|d| qs - d.end <= 80)
            .find(|d| d.date.precision == Precision::Day && !relative(d))
            .map(|d| d.first_day);
        match dated {
            Some(day) => {
                let slice = &text[out[k].start..out[k].end];
                let at = day.and_time(NaiveTime::MIN);
                let again = scan(slice, lang, at, prefer, Coverage::Regions, opts);
                if let Some(m) = again.into_iter().next() {
                    let (s, e) = (out[k].start, out[k].end);
                    out[k] = Mention {
                        start: s + m.start,
                        end: s + m.end,
                        tense: out[k].tense,
                        ..m
                    };
                    let _ = e;
                } else {
                    out[k].quoted = true;
                }
            }
            None => out[k].quoted = true,
        }
        let _ = qe;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The project's own texts: test articles and the lines of the case files.
    fn own_texts() -> Vec<(Lang, String)> {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests");
        let mut texts = Vec::new();
        for lang in Lang::ALL {
            for dir in ["temporal", "events", "temporal/news-"] {
                let path = if dir.ends_with('-') {
                    format!("{root}/{dir}{}.tsv", lang.code())
                } else {
                    format!("{root}/{dir}/{}.tsv", lang.code())
                };
                let body = std::fs::read_to_string(&path).expect("case file");
                let lines: Vec<&str> = body.lines().filter(|l| !l.starts_with('#')).collect();
                // Each line alone, and all of them as one text.
                texts.extend(lines.iter().map(|l| (lang, l.replace('\t', " "))));
                texts.push((lang, lines.join("\n").replace('\t', " ")));
            }
        }
        let articles = std::fs::read_dir(format!("{root}/articles")).expect("articles");
        for entry in articles {
            let path = entry.expect("entry").path();
            let body = std::fs::read_to_string(&path).expect("article");
            for lang in Lang::ALL {
                texts.push((lang, body.clone()));
            }
        }
        texts
    }

    #[test]
    fn regions_find_exactly_what_parsing_everything_finds() {
        let r = NaiveDate::from_ymd_opt(2024, 9, 27)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .expect("reference");
        let texts = own_texts();
        assert!(texts.len() > 1000, "{} texts", texts.len());
        for (lang, text) in &texts {
            for prefer in [Preference::Past, Preference::Future] {
                for opts in [Options::default(), Options::NEWS] {
                    let fast = scan(text, *lang, r, prefer, Coverage::Regions, opts);
                    let all = scan(text, *lang, r, prefer, Coverage::Everything, opts);
                    assert_eq!(fast, all, "{lang:?} {prefer:?} {opts:?}: {text}");
                }
            }
        }
    }

    #[test]
    fn the_clause_tense_turns_underspecified_dates() {
        let r = NaiveDate::from_ymd_opt(2024, 3, 13)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .expect("reference");
        let cases = [
            (
                Lang::En,
                "The vote will take place on Friday.",
                Tense::Future,
            ),
            (
                Lang::En,
                "The board is meeting on Friday.",
                Tense::Progressive,
            ),
            (
                Lang::En,
                "He said on Friday that it will rain.",
                Tense::Unmarked,
            ),
            (Lang::En, "On Friday, the union will decide.", Tense::Future),
            (Lang::It, "Il voto si terrà venerdì.", Tense::Future),
            (Lang::Fr, "Le vote aura lieu vendredi.", Tense::Future),
            (
                Lang::De,
                "Die Wahl wird am Freitag stattfinden.",
                Tense::Future,
            ),
            (
                Lang::Es,
                "La votación está prevista para el viernes.",
                Tense::Future,
            ),
            (
                Lang::Pt,
                "A votação realizou-se na sexta-feira.",
                Tense::Unmarked,
            ),
        ];
        for (lang, text, tense) in cases {
            let ms = find_mentions_with(text, lang, r, Preference::Past, Options::NEWS);
            let m = ms.first().unwrap_or_else(|| panic!("{text}: nothing"));
            assert_eq!(m.tense, tense, "{text}");
            assert_eq!(clause_tense(text, lang, m.start, m.end), tense, "{text}");
            // The default reading keeps the preference but still reports the tense.
            let plain = find_mentions_at(text, lang, r, Preference::Past);
            assert_eq!(plain.first().map(|m| m.tense), Some(tense), "{text}");
            assert!(
                plain.first().is_some_and(|m| m.first_day <= r.date()),
                "{text}"
            );
        }
        // A stated zone is kept with the clock time, only in the news reading.
        let text = "Kick-off will be at 15:00 GMT on Saturday.";
        let ms = find_mentions_with(text, Lang::En, r, Preference::Past, Options::NEWS);
        assert_eq!(
            ms.first().map(|m| (m.zone, m.first_day.day())),
            Some((Some(0), 16))
        );
        let plain = find_mentions_at(text, Lang::En, r, Preference::Past);
        assert_eq!(plain.first().and_then(|m| m.zone), None);
        // Spans off the text or inside a character do not panic.
        assert_eq!(clause_tense("già", Lang::It, 2, 99), Tense::Unmarked);
        assert_eq!(clause_tense("già", Lang::It, 0, 3), Tense::Unmarked);
    }

    #[test]
    fn deadlines_still_to_come_are_windows_from_the_reference() {
        let r = NaiveDate::from_ymd_opt(2013, 2, 12)
            .and_then(|d| d.and_hms_opt(4, 30, 0))
            .expect("reference");
        let at = |d: (i32, u32, u32), h: u32| {
            NaiveDate::from_ymd_opt(d.0, d.1, d.2)
                .and_then(|d| d.and_hms_opt(h, 0, 0))
                .expect("date")
        };
        let cases = [
            (Lang::En, "by 2:00pm", at((2013, 2, 12), 14)),
            (Lang::En, "by the end of next month", at((2013, 4, 1), 0)),
            (Lang::En, "within 2 weeks", at((2013, 2, 26), 0)),
            (Lang::De, "binnen 2 Wochen", at((2013, 2, 26), 0)),
            (Lang::Fr, "d'ici la fin du mois", at((2013, 3, 1), 0)),
            (
                Lang::Es,
                "dentro de tres horas",
                at((2013, 2, 12), 7) + chrono::Duration::minutes(30),
            ),
        ];
        for (lang, text, to) in cases {
            let found = find_mentions_at(text, lang, r, Preference::Future);
            let m = found.first().unwrap_or_else(|| panic!("{text}: nothing"));
            assert!(m.window && m.rule == "by", "{text}: {m:?}");
            assert_eq!((m.start, m.end), (0, text.len()), "{text}");
            assert_eq!(
                m.value,
                TimeValue::Interval {
                    from: Some(r),
                    to: Some(to)
                },
                "{text}"
            );
            // Not the date of an event.
            assert!(find_mentions(text, lang, r.date(), Preference::Future).is_empty());
        }
        // A deadline already past is the time itself: "by 2008, it employed 300 people".
        let past = find_mentions_at("by 2008", Lang::En, r, Preference::Past);
        assert_eq!(
            past.first().map(|m| (m.rule, m.window)),
            Some(("year", false))
        );
    }

    #[test]
    fn regions_agree_with_parsing_everything_on_random_word_soup() {
        // Temporal words, numbers, punctuation and plain words in random order: anchors
        // close to and far from each other, and phrases cut anywhere.
        let words: &[&str] = &[
            "il",
            "3",
            "maggio",
            "2024",
            "ieri",
            "mattina",
            "alle",
            "15",
            ":",
            "30",
            "fine",
            "dello",
            "scorso",
            "anno",
            "dal",
            "al",
            "e",
            "tre",
            "giorni",
            "fa",
            "prossimo",
            "lunedì",
            "verso",
            "mezzogiorno",
            "Q4",
            "trimestre",
            "l'",
            "altro",
            "/",
            "09",
            ",",
            ".",
            "per",
            "otto",
            "anni",
            "azienda",
            "dimissioni",
            "squadra",
            "annunciato",
            "the",
            "day",
            "after",
            "tomorrow",
            "last",
            "week",
            "on",
            "first",
            "of",
            "june",
            "quarter",
            "past",
            "noon",
            "next",
            "friday",
            "at",
            "a",
            "two",
            "years",
            "ago",
        ];
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let r = NaiveDate::from_ymd_opt(2024, 9, 27)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .expect("reference");
        for _ in 0..400 {
            let n = 20 + next() % 200;
            let mut text = String::new();
            for _ in 0..n {
                // Runs of plain words, so that some anchors are far apart.
                let w = if next() % 3 == 0 {
                    "parola"
                } else {
                    words[(next() % words.len() as u64) as usize]
                };
                text.push_str(w);
                text.push(if next() % 9 == 0 { '\n' } else { ' ' });
            }
            for lang in [Lang::It, Lang::En] {
                let fast = scan(
                    &text,
                    lang,
                    r,
                    Preference::Past,
                    Coverage::Regions,
                    Options::NEWS,
                );
                let all = scan(
                    &text,
                    lang,
                    r,
                    Preference::Past,
                    Coverage::Everything,
                    Options::NEWS,
                );
                assert_eq!(fast, all, "{lang:?}: {text}");
            }
        }
    }
}
