//! The grammar: tokens → items (lexicon phrases) → time expressions.
//!
//! Pieces (a month, a day number, a weekday, a clock time, "ieri", "next week" …) are parsed
//! by generic rules over the meanings in [`super::lang`]; adjacent pieces intersect
//! ("martedì 19 febbraio alle 15"), and connectors build intervals ("dal 3 al 5 marzo").
//! Nothing here knows a language: every word comes from a table.

// Nested `if let` reads better than let-chains in these grammar rules.
#![allow(clippy::collapsible_if)]

use super::calendar::{at_midnight, nth_weekday, shift, trunc};
use super::lang::{PartSpans, Sem, prep::*};
use super::lexicon::{Lexicon, Tok, Token};
use super::resolve::{Period, Spec, Time, add_days, resolve};
use super::{Grain, Preference};
use chrono::{Datelike, NaiveDate, NaiveDateTime};

/// Ctx bit: an "ago" word came before ("hace", "il y a").
const AGO_BEFORE: u16 = 1 << 13;
/// Ctx bit: an approximation word came before ("circa").
const APPROX: u16 = 1 << 14;

/// One lexicon item: a token, or a phrase of several tokens.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Item {
    pub start: usize,
    pub end: usize,
    pub gap: bool,
    pub kind: Kind,
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind {
    Int(u32, u8),
    Sem(Sem, Option<Sem>, (u32, u32)),
    Punct(char),
    Word((u32, u32)),
}

/// What an expression says: one time, or an interval.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Expr {
    One(Time),
    Between(Time, Time),
    From(Time),
    Until(Time),
    /// A deadline ("by 2pm", "within 2 weeks"): from the reference until the time, when the
    /// time is still to come; else the time itself.
    By(Time),
    /// A stretch of time that is not a date ("for eight years"): claims its words.
    Duration,
    /// A window measured from the reference ("gli ultimi 2 anni", "the next 3 days"):
    /// [from, to) at a grain. Not the date of an event.
    Window(NaiveDateTime, NaiveDateTime, Grain),
    /// A time and how long from it ("from 18th Dec for 10 days", "4pm for 30 mins"): the
    /// span counted with its last unit.
    For(Time, i64, Grain),
    /// The unit some units ahead, said as a stretch ("upcoming two weeks"): read as the
    /// unit that far ahead, but, like a window, not the date of an event.
    Ahead(NaiveDateTime, Grain),
}

/// Groups tokens into items with the lexicon (longest phrase first).
pub(crate) fn items(tokens: &[Token], buf: &str, lex: &Lexicon, out: &mut Vec<Item>) {
    let push_text = |t: &Token, key: &mut String| match t.tok {
        Tok::Word(a, z) => key.push_str(buf.get(a as usize..z as usize).unwrap_or_default()),
        Tok::Int(v, _) => {
            use std::fmt::Write;
            let _ = write!(key, "{v}");
        }
        Tok::Punct(c) => key.push(c),
    };
    let mut key = String::with_capacity(64);
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let entry = lex.entry(t.entry);
        let head_len = match t.tok {
            Tok::Word(..) => entry.map_or(0, |e| e.longest),
            _ if !lex.symbol_heads => 0,
            // Only numbers and symbols known to start a phrase are looked up.
            Tok::Int(v, _) if !lex.int_heads.contains(&v) => 0,
            Tok::Punct(c) if !lex.punct_heads.contains(&c) => 0,
            _ => {
                key.clear();
                push_text(&t, &mut key);
                lex.heads.get(key.as_str()).copied().unwrap_or(0)
            }
        };
        if head_len > 1 {
            let max = head_len.min(tokens.len() - i);
            key.clear();
            push_text(&t, &mut key);
            let mut longest = None;
            for (n, tk) in (2..=max).zip(&tokens[i + 1..i + max]) {
                key.push(' ');
                push_text(tk, &mut key);
                if let Some(&found) = lex.phrases.get(key.as_str()) {
                    longest = Some((n, found));
                }
                if !lex.prefixes.contains_key(key.as_str()) {
                    break;
                }
            }
            if let Some((n, (s, alt))) = longest {
                {
                    let (a, z) = match t.tok {
                        Tok::Word(a, z) => (a, z),
                        _ => (0, 0),
                    };
                    out.push(Item {
                        start: t.start,
                        end: tokens[i + n - 1].end,
                        gap: t.gap,
                        kind: Kind::Sem(s, alt, (a, z)),
                    });
                    i += n;
                    continue;
                }
            }
        }
        let kind = match t.tok {
            Tok::Word(a, z) => match entry.and_then(|e| e.sems) {
                Some((s, alt)) => Kind::Sem(s, alt, (a, z)),
                None => Kind::Word((a, z)),
            },
            Tok::Int(v, n) => Kind::Int(v, n),
            Tok::Punct(c)
                if !lex.symbol_heads
                    || c.is_ascii_punctuation() && !matches!(c, '@' | '"' | '\'') =>
            {
                Kind::Punct(c)
            }
            Tok::Punct(c) => match lex.phrases.get(&*c.encode_utf8(&mut [0; 4])) {
                Some(&(s, alt)) => Kind::Sem(s, alt, (0, 0)),
                None => Kind::Punct(c),
            },
        };
        out.push(Item {
            start: t.start,
            end: t.end,
            gap: t.gap,
            kind,
        });
        i += 1;
    }
}

/// Every pack's ordinal suffixes ("st", "º", "er", "ten"): a day number may carry any.
static ORD_SUFFIXES: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        crate::lang::packs()
            .flat_map(|p| p.words.ordinal_suffixes.iter().copied())
            .collect()
    });

/// The parser over one run of items.
pub(crate) struct Parser<'a> {
    pub items: &'a [Item],
    pub buf: &'a str,
    pub lex: &'a Lexicon,
    pub r: NaiveDateTime,
    pub pref: Preference,
    /// News-register readings ([`super::Options::news`]).
    pub news: bool,
    /// Words for the reference date ([`super::Options::references`]).
    pub references: bool,
}

fn spec_time(rule: &'static str, f: impl FnOnce(&mut Spec)) -> Time {
    let mut s = Spec::default();
    f(&mut s);
    Time::spec(s, rule)
}

/// Intersects two times: both must hold. `None` when they contradict.
pub(crate) fn intersect(a: &Time, b: &Time) -> Option<Time> {
    let (x, y) = (&a.spec, &b.spec);
    fn merge<T: PartialEq + Copy>(p: Option<T>, q: Option<T>) -> Result<Option<T>, ()> {
        match (p, q) {
            (Some(p), Some(q)) if p != q => Err(()),
            (p, q) => Ok(p.or(q)),
        }
    }
    let mut s = Spec {
        year: merge(x.year, y.year).ok()?,
        month: merge(x.month, y.month).ok()?,
        day: merge(x.day, y.day).ok()?,
        weekday: merge(x.weekday, y.weekday).ok()?,
        hour: merge(x.hour, y.hour).ok()?,
        minute: merge(x.minute, y.minute).ok()?,
        second: merge(x.second, y.second).ok()?,
        ampm: x.ampm || y.ampm,
        pod: merge(x.pod, y.pod).ok()?,
        holiday: merge(x.holiday, y.holiday).ok()?,
        season: merge(x.season, y.season).ok()?,
        weekend: x.weekend || y.weekend,
    };
    if s.holiday.is_some() && (s.month.is_some() || s.day.is_some()) {
        return None;
    }
    if let (Some(h), Some((f, t))) = (s.hour, s.pod) {
        // "3 del pomeriggio" is 15:00; "11 di sera" is 23:00.
        let h = if h < 12 && f >= 12 {
            h + 12
        } else if h == 12 && t <= 12 && f < 4 {
            0
        } else {
            h
        };
        if h >= 24 && f < 24 {
            return None;
        }
        s.hour = Some(h % 24);
        s.ampm = false;
        s.pod = None;
    }
    let anchor = match (a.anchor, b.anchor) {
        (Some(p), Some(q)) => {
            let (fine, coarse) = if p.1 <= q.1 { (p, q) } else { (q, p) };
            let end = shift(coarse.0, coarse.1, 1)?;
            if fine.0 < coarse.0 || fine.0 >= end {
                return None;
            }
            Some(fine)
        }
        (p, q) => p.or(q),
    };
    let anchor = match anchor {
        Some((a, g)) if g < Grain::Day && (s.hour.is_some() || s.pod.is_some()) => {
            Some((trunc(a, Grain::Day)?, Grain::Day))
        }
        other => other,
    };
    if let Some((_, g)) = anchor {
        // An anchored day cannot take another day; an anchored hour takes nothing coarser.
        if g <= Grain::Day && (s.has_day_fields() || s.month.is_some() || s.year.is_some()) {
            return None;
        }
        if g < Grain::Day && !s.is_empty() {
            return None;
        }
    }
    // A relative anchor keeps its rule name ("ieri mattina" is still relative).
    let rule = if a.anchor.is_some() {
        a.rule
    } else if b.anchor.is_some() {
        b.rule
    } else {
        "intersect"
    };
    Some(Time {
        spec: s,
        anchor,
        approx: a.approx || b.approx,
        rule,
        pref: a.pref.or(b.pref),
        strict: (a.strict || b.strict) && s.hour.is_none() && s.pod.is_none() && s.day.is_none(),
        range: if s == a.spec && anchor == a.anchor {
            a.range
        } else {
            None
        },
        skip: a.skip.max(b.skip),
        zone: a.zone.or(b.zone),
    })
}

impl Spec {
    fn has_day_fields(&self) -> bool {
        self.day.is_some() || self.weekday.is_some() || self.holiday.is_some()
    }
}

/// The `n`-th century (the 20th: 1900 to 2000, as TimeML's "19"), an interval of years.
fn century_time(n: i64) -> Option<Time> {
    if !(1..=30).contains(&n) {
        return None;
    }
    let y = i32::try_from(n).ok()? * 100;
    let from = at_midnight(NaiveDate::from_ymd_opt(y - 100, 1, 1)?);
    let to = at_midnight(NaiveDate::from_ymd_opt(y, 1, 1)?);
    let mut t = Time::anchored(from, Grain::Year, "century");
    t.range = Some((from, to, Grain::Year));
    Some(t)
}

/// The ten years from `year`, as an approximate interval of years.
fn decade_time(year: i32) -> Option<Time> {
    let from = at_midnight(NaiveDate::from_ymd_opt(year, 1, 1)?);
    let to = at_midnight(NaiveDate::from_ymd_opt(year.checked_add(10)?, 1, 1)?);
    let mut t = Time::anchored(from, Grain::Year, "decade");
    t.range = Some((from, to, Grain::Year));
    t.approx = true;
    Some(t)
}

fn two_digit_year(v: u32, n: u8) -> Option<i32> {
    let v = i32::try_from(v).ok()?;
    match n {
        4 => Some(v),
        2 => Some(if v < 50 { 2000 + v } else { 1900 + v }),
        _ => None,
    }
}

impl Parser<'_> {
    /// A number, or a temporal word that is not a mere preposition or approximation.
    pub(crate) fn is_anchor(&self, i: usize) -> bool {
        match self.kind(i) {
            Some(Kind::Int(..)) => true,
            Some(Kind::Sem(s, alt, _)) => {
                // Number words count only after a preposition ("alle tre", "dal tre").
                let before = || if i > 0 { self.prep(i - 1) } else { 0 };
                let after_at = || before() & (AT | FROM) != 0;
                // "on the first": an ordinal after an article may be a day.
                let after_on = || before() & ON != 0;
                let weak = |s: Sem| match s {
                    s if s.never_anchors() => true,
                    Sem::Ord(_) => !after_at() && !after_on(),
                    // "día quince": a number word after a day word is a day.
                    Sem::Num(_) | Sem::Count(_) => {
                        !(after_at() || i > 0 && self.unit(i - 1) == Some(Grain::Day))
                    }
                    Sem::Minutes(_) | Sem::Minus => !after_at(),
                    // "am", "pm" anchor only after a number word ("ten thirty am"); after
                    // digits, the digits anchor.
                    Sem::Am | Sem::Pm => {
                        !(i > 0 && self.is(i - 1, |s| matches!(s, Sem::Num(_) | Sem::Count(_))))
                    }
                    _ => false,
                };
                !weak(s) || alt.is_some_and(|a| !weak(a))
            }
            _ => false,
        }
    }

    /// A bare "and" ("e", "and", "und"): never the start of a mention.
    pub(crate) fn is_conjunction(&self, i: usize) -> bool {
        self.prep(i) == AND
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.items.get(i).map(|it| it.kind)
    }

    fn gap(&self, i: usize) -> bool {
        self.items.get(i).is_none_or(|it| it.gap)
    }

    fn find<T>(&self, i: usize, f: impl Fn(Sem) -> Option<T>) -> Option<T> {
        match self.kind(i)? {
            Kind::Sem(s, alt, _) => f(s).or_else(|| alt.and_then(&f)),
            _ => None,
        }
    }

    fn is(&self, i: usize, f: impl Fn(Sem) -> bool) -> bool {
        self.find(i, |s| f(s).then_some(())).is_some()
    }

    fn word(&self, i: usize) -> Option<&str> {
        match self.kind(i)? {
            Kind::Sem(_, _, (a, z)) | Kind::Word((a, z)) => self.buf.get(a as usize..z as usize),
            _ => None,
        }
    }

    fn prep(&self, i: usize) -> u16 {
        self.find(i, |s| match s {
            Sem::Prep(f) => Some(f),
            _ => None,
        })
        .unwrap_or(0)
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.kind(i)? {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    fn int(&self, i: usize) -> Option<(u32, u8)> {
        match self.kind(i)? {
            Kind::Int(v, n) => Some((v, n)),
            _ => None,
        }
    }

    /// An integer that is not the start of a decimal number or a percentage.
    fn plain_int(&self, i: usize) -> Option<(u32, u8)> {
        let v = self.int(i)?;
        if !self.gap(i + 1) {
            match self.punct(i + 1) {
                Some(',' | '.') if self.int(i + 2).is_some() && !self.gap(i + 2) => return None,
                Some('%') => return None,
                _ => {}
            }
        }
        if i > 0 && !self.gap(i) && matches!(self.punct(i - 1), Some(',' | '.' | '$' | '€' | '£'))
        {
            return None;
        }
        Some(v)
    }

    /// A number: digits or number words ("twenty one"). Returns value and next index.
    fn number(&self, i: usize) -> Option<(i64, usize)> {
        if let Some((v, n)) = self.plain_int(i) {
            return (n <= 6).then_some((i64::from(v), i + 1));
        }
        let v = self.find(i, |s| match s {
            Sem::Num(n) | Sem::Count(n) => Some(n),
            _ => None,
        })?;
        if (20..=90).contains(&v) && v % 10 == 0 {
            // "twenty-one", "quarenta e cinco", "veinte y cinco"
            let j = if self.punct(i + 1) == Some('-') || self.prep(i + 1) == AND {
                i + 2
            } else {
                i + 1
            };
            if let Some(u) = self.find(j, |s| match s {
                Sem::Num(n) if (1..=9).contains(&n) => Some(n),
                _ => None,
            }) {
                return Some((v + u, j + 1));
            }
        }
        Some((v, i + 1))
    }

    /// The word after `i` (no space) is an ordinal suffix ("1st", "1º").
    fn ord_suffix(&self, i: usize) -> usize {
        if !self.gap(i) {
            if let Some(w) = self.word(i) {
                if ORD_SUFFIXES.contains(w) {
                    return i + 1;
                }
            }
            if matches!(self.punct(i), Some('°' | 'º')) {
                return i + 1;
            }
        }
        i
    }

    /// A day of the month: 1-31 in digits, number words or ordinals.
    fn day_num(&self, i: usize) -> Option<(u32, usize, bool)> {
        if let Some((v, n)) = self.plain_int(i) {
            let clock_like = !self.gap(i + 1)
                && (self.punct(i + 1) == Some(':') || self.is(i + 1, |s| s == Sem::HourMark));
            if n <= 2 && (1..=31).contains(&v) && !clock_like {
                let j = self.ord_suffix(i + 1);
                return Some((v, j, j > i + 1));
            }
            return None;
        }
        if let Some(o) = self.find(i, |s| match s {
            Sem::Ord(n) if (1..=31).contains(&n) => Some(n),
            _ => None,
        }) {
            return Some((u32::try_from(o).ok()?, i + 1, true));
        }
        let (v, j) = self.number(i)?;
        ((1..=31).contains(&v)).then_some((u32::try_from(v).ok()?, j, false))
    }

    fn month_at(&self, i: usize, with_number: bool) -> Option<(u32, usize)> {
        // A full month name only as the word's first meaning ("may" is first a verb's
        // abbreviation-like homograph, so it needs a number or a preposition).
        if let Some(Kind::Sem(Sem::Month(m), _, _)) = self.kind(i) {
            return Some((m, i + 1));
        }
        let m = self.find(i, |s| match s {
            Sem::MonthAbbr(m) => Some(m),
            _ => None,
        })?;
        if self.punct(i + 1) == Some('.') && !self.gap(i + 1) {
            return Some((m, i + 2));
        }
        with_number.then_some((m, i + 1))
    }

    /// A year said in words: "two thousand ten" (thousands and the rest, not "two thousand"
    /// alone).
    fn year_words(&self, i: usize) -> Option<(i32, usize)> {
        if self.int(i).is_some() {
            return None;
        }
        let (a, j) = self.number(i)?;
        if !(1..=2).contains(&a) || !self.is(j, |s| s == Sem::Num(1000)) {
            return None;
        }
        let (b, e) = self.number(j + 1).filter(|&(b, _)| (1..100).contains(&b))?;
        Some((i32::try_from(a * 1000 + b).ok()?, e))
    }

    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        let (v, n) = self.plain_int(i)?;
        // "44 BC", "in 14 a.d.": any year with its era, before Christ as a negative year.
        let era = self.find(i + 1, |s| match s {
            Sem::Era(sign) => Some(sign),
            _ => None,
        });
        if let Some(sign) = era.filter(|_| v >= 1 && n <= 4) {
            return Some((sign * i32::try_from(v).ok()?, i + 2));
        }
        if n == 4 && (1000..=2999).contains(&v) {
            return Some((i32::try_from(v).ok()?, i + 1));
        }
        None
    }

    /// Skips glue (of/de/di, a comma) between the parts of one date.
    fn glue(&self, i: usize) -> usize {
        let mut j = i;
        for _ in 0..2 {
            if self.prep(j) & (OF | ON) != 0 || self.punct(j) == Some(',') {
                j += 1;
            } else {
                break;
            }
        }
        j
    }

    fn hm(&self, h: u32, m: u32, rule: &'static str, twelve: bool) -> Option<Time> {
        (h <= 24 && m < 60).then(|| {
            spec_time(rule, |s| {
                s.hour = Some(h % 24);
                s.minute = Some(m);
                s.ampm = twelve && self.lex.table.twelve_hour && (1..=12).contains(&h);
            })
        })
    }

    fn ampm_after(&self, t: &mut Time, j: usize) -> usize {
        let Some(h) = t.spec.hour else { return j };
        let am = self.is(j, |s| s == Sem::Am);
        let pm = self.is(j, |s| s == Sem::Pm);
        if (am || pm) && h <= 12 {
            let h = match (am, h) {
                (true, 12) => 0,
                (true, h) => h,
                (false, 12) => 12,
                (false, h) => h + 12,
            };
            t.spec.hour = Some(h);
            t.spec.ampm = false;
            return j + 1;
        }
        j
    }

    /// Minutes after an hour: ":30", "e venti", "e un quarto", "and a half", "30".
    fn minutes_after(&self, j: usize) -> Option<(i64, usize)> {
        let mut k = j;
        if self.prep(k) & AND != 0 {
            k += 1;
        }
        if let Some(m) = self.find(k, |s| match s {
            Sem::Minutes(m) => Some(i64::from(m)),
            Sem::Unit(Grain::Quarter) => Some(15),
            _ => None,
        }) {
            return Some((m, k + 1));
        }
        if k > j {
            let (v, e) = self.number(k)?;
            if (1..60).contains(&v) {
                let e = if self.is(e, |s| s == Sem::Unit(Grain::Minute)) {
                    e + 1
                } else {
                    e
                };
                return Some((v, e));
            }
        }
        if self.is(k, |s| s == Sem::Minus) {
            let k2 = k + 1;
            if let Some(m) = self.find(k2, |s| match s {
                Sem::Minutes(m) => Some(i64::from(m)),
                Sem::Unit(Grain::Quarter) => Some(15),
                _ => None,
            }) {
                return Some((-m, k2 + 1));
            }
            let (v, e) = self.number(k2)?;
            return (1..60).contains(&v).then_some((-v, e));
        }
        None
    }

    /// A clock time starting at `i`; `at` says a time preposition came before.
    fn clock(&self, i: usize, at: bool) -> Option<(Time, usize)> {
        if let Some((h, hn)) = self.plain_int(i).or_else(|| self.int(i)) {
            // 15:30(:10)
            if hn <= 2 && self.punct(i + 1) == Some(':') && !self.gap(i + 1) && !self.gap(i + 2) {
                if let Some((m, 2)) = self.int(i + 2) {
                    // "3:30" may be either half of the day where clocks run to 12.
                    let mut t = self.hm(h, m, "clock", self.lex.table.twelve_hour_colon)?;
                    let mut j = i + 3;
                    if self.punct(j) == Some(':') && !self.gap(j) {
                        if let Some((sec, 2)) = self.int(j + 1) {
                            if sec < 60 {
                                t.spec.second = Some(sec);
                                j += 2;
                            }
                        }
                    }
                    let mut j = self.ampm_after(&mut t, j);
                    // "18:30h", "18:30 Uhr"
                    if self.is(j, |s| s == Sem::HourMark) && self.word(j).is_some() {
                        j += 1;
                    }
                    return Some((t, j));
                }
            }
            // "15.30", "às 15.00": where the comma is the decimal mark, a dot may part the
            // hour from its minutes (not before a word: "15.30 euro").
            if hn <= 2
                && self.lex.table.day_first
                && self.punct(i + 1) == Some('.')
                && !self.gap(i + 1)
                && !self.gap(i + 2)
                && h < 24
            {
                if let Some((m, 2)) = self.int(i + 2) {
                    let next = self.kind(i + 3);
                    let free = !matches!(next, Some(Kind::Word(_)) | Some(Kind::Int(..)))
                        && !matches!(self.punct(i + 3), Some('.' | '%' | ','));
                    if m < 60 && (at || free) && (at || h >= 10) {
                        let t = self.hm(h, m, "clock", false)?;
                        return Some((t, i + 3));
                    }
                }
            }
            // 15h30, 15h, 15 Uhr
            if hn <= 2
                && self.is(i + 1, |s| {
                    matches!(
                        s,
                        Sem::HourMark | Sem::Unit(Grain::Hour) | Sem::Units(Grain::Hour)
                    )
                })
                && (!self.gap(i + 1) || self.is(i + 1, |s| s == Sem::HourMark))
            {
                let word_mark = self.is(i + 1, |s| s == Sem::HourMark)
                    && self.word(i + 1).is_some_and(|w| w.len() > 1);
                if let Some((m, 2)) = self.int(i + 2).filter(|_| !self.gap(i + 2) || word_mark) {
                    let t = self.hm(h, m, "clock", false)?;
                    return Some((t, i + 3));
                }
                let mut t = self.hm(h, 0, "clock", true)?;
                if self.is(i + 1, |s| s == Sem::Unit(Grain::Hour)) {
                    // "15h" reads as 15:00 at minute grain
                } else {
                    t.spec.minute = None;
                }
                let j = self.ampm_after(&mut t, i + 2);
                return Some((t, j));
            }
            // 3pm, 330 p.m.
            if self.is(i + 1, |s| matches!(s, Sem::Am | Sem::Pm)) {
                let (hh, mm) = if hn >= 3 { (h / 100, h % 100) } else { (h, 0) };
                if hh == 0 || hh > 12 {
                    return None;
                }
                let mut t = self.hm(hh, mm, "clock", false)?;
                if hn < 3 {
                    t.spec.minute = None;
                }
                let j = self.ampm_after(&mut t, i + 1);
                return Some((t, j));
            }
        }
        if let Some(x) = self.find(i, |s| match s {
            Sem::Noon => Some(12),
            Sem::Midnight => Some(24),
            _ => None,
        }) {
            let mut t = self.hm(x, 0, "clock", false)?;
            t.spec.minute = None;
            if let Some((m, j)) = self
                .minutes_after(i + 1)
                .or_else(|| self.bare_minutes(i + 1))
            {
                return self.with_minutes(t, m, j);
            }
            return Some((t, i + 1));
        }
        if !at {
            let (h, j) = self.number(i)?;
            // "8 tonight", "3 in the morning", "le tre del pomeriggio", "8 heures ce soir".
            let j = if self.unit(j) == Some(Grain::Hour) {
                j + 1
            } else {
                j
            };
            let k = self.glue(j);
            // "ten thirty am", "nine fifty nine a m": hour and minute words, then am/pm.
            if (1..=12).contains(&h) && self.int(i).is_none() {
                let said = self.oh_minutes(j).or_else(|| {
                    self.number(j)
                        .filter(|&(m, _)| (10..60).contains(&m) && self.int(j).is_none())
                });
                if let Some((m, e)) = said {
                    if self.is(e, |s| matches!(s, Sem::Am | Sem::Pm)) {
                        let t = self.hm(
                            u32::try_from(h).ok()?,
                            u32::try_from(m).ok()?,
                            "clock",
                            false,
                        )?;
                        let mut t = t;
                        let e = self.ampm_after(&mut t, e);
                        return Some((t, e));
                    }
                }
            }
            if (0..=12).contains(&h)
                && self.plain_int(i).is_none_or(|(_, n)| n <= 2)
                && (self.is(k, |s| matches!(s, Sem::Pod(..) | Sem::PodDay(..)))
                    || self.is(k, |s| matches!(s, Sem::Day(o) if o != 0))
                        && self.plain_int(i).is_some()
                    || self.modifier(k) == Some(0) && self.is(k + 1, |s| matches!(s, Sem::Pod(..))))
            {
                let mut t = self.hm(u32::try_from(h).ok()?, 0, "clock", true)?;
                t.spec.minute = None;
                return Some((t, j));
            }
            // "tre e un quarto", "3 e 20": an hour said with its minutes needs no "alle".
            let (m, k) = self.minutes_after(j)?;
            // "y cuarto", "e meia": the minutes said with their "and".
            let and_minutes = self.is(j, |s| matches!(s, Sem::Minutes(_)))
                && self.items.get(j).is_some_and(|it| match it.kind {
                    Kind::Sem(_, _, (a, z)) => it.end - it.start > (z - a) as usize + 1,
                    _ => false,
                });
            if !(0..=24).contains(&h)
                || self.prep(j) & AND == 0
                    && !and_minutes
                    && self.find(j, |s| (s == Sem::Minus).then_some(())).is_none()
            {
                return None;
            }
            let mut t = self.hm(u32::try_from(h).ok()?, 0, "clock", true)?;
            t.spec.minute = None;
            return self.with_minutes(t, m, k);
        }
        // After "at": "1030" is 10:30; but "by 2008", "d'ici à 2014" are years.
        if let Some((v, 3..=4)) = self.plain_int(i) {
            let (h, m) = (v / 100, v % 100);
            let year_like = (1900..=2099).contains(&v);
            if h < 24 && m < 60 && !year_like && !matches!(self.kind(i + 1), Some(Kind::Word(_))) {
                let mut t = self.hm(h, m, "clock", true)?;
                let j = self.ampm_after(&mut t, i + 1);
                return Some((t, j));
            }
        }
        // After "alle", "at": a bare hour, maybe with minutes ("at a few" is none).
        if self.is(i, |s| matches!(s, Sem::Count(_))) {
            return None;
        }
        let (h, j) = self.number(i)?;
        if !(0..=24).contains(&h) || self.plain_int(i).is_some_and(|(_, n)| n > 2) {
            return None;
        }
        let mut t = self.hm(u32::try_from(h).ok()?, 0, "clock", true)?;
        t.spec.minute = None;
        if let Some((m, k)) = self.minutes_after(j).or_else(|| self.oh_minutes(j)) {
            return self.with_minutes(t, m, k);
        }
        // "alle 3 20", "at three twenty"
        if let Some((m, 2)) = self.int(j) {
            if m < 60 {
                t.spec.minute = Some(m);
                return Some((t, j + 1));
            }
        }
        if self.int(j).is_none() {
            if let Some((m, k)) = self.number(j) {
                if (10..60).contains(&m) && !self.is(k, |s| matches!(s, Sem::Unit(_))) {
                    return self.with_minutes(t, m, k);
                }
            }
        }
        let mut k = self.ampm_after(&mut t, j);
        if k == j
            && self.is(j, |s| {
                matches!(
                    s,
                    Sem::HourMark | Sem::Unit(Grain::Hour) | Sem::Units(Grain::Hour)
                )
            })
        {
            k = j + 1;
            // "quinze heures trente", "trois heures et quart"
            if let Some((m, e)) = self.minutes_after(k).or_else(|| self.bare_minutes(k)) {
                return self.with_minutes(t, m, e);
            }
            let e = self.ampm_after(&mut t, k);
            return Some((t, e));
        }
        if k == j && matches!(self.kind(j), Some(Kind::Word(_))) {
            return None;
        }
        Some((t, k))
    }

    /// Minutes said with a zero first: "seis cero dos", "6 0 2" (6:02).
    fn oh_minutes(&self, j: usize) -> Option<(i64, usize)> {
        let zero = match self.kind(j)? {
            Kind::Int(0, 1) => true,
            Kind::Sem(..) => self.is(j, |s| s == Sem::Num(0)),
            _ => false,
        };
        if !zero {
            return None;
        }
        let (m, e) = match self.kind(j + 1)? {
            Kind::Int(m, 1) => (i64::from(m), j + 2),
            _ => self.number(j + 1)?,
        };
        (1..=9).contains(&m).then_some((m, e))
    }

    /// Minutes said right after the hour ("midi quinze", "quinze heures trente").
    fn bare_minutes(&self, j: usize) -> Option<(i64, usize)> {
        let (m, k) = self.number(j)?;
        if !(1..60).contains(&m) || self.unit(k).is_some_and(|g| g != Grain::Minute) {
            return None;
        }
        let k = if self.unit(k) == Some(Grain::Minute) {
            k + 1
        } else {
            k
        };
        Some((m, k))
    }

    fn with_minutes(&self, mut t: Time, m: i64, j: usize) -> Option<(Time, usize)> {
        let h = i64::from(t.spec.hour?);
        let total = h * 60 + m;
        if !(0..24 * 60 + 60).contains(&total) {
            return None;
        }
        let hh = u32::try_from((total / 60) % 24).ok()?;
        t.spec.hour = Some(hh);
        t.spec.minute = Some(u32::try_from(total % 60).ok()?);
        if t.spec.ampm && hh == 0 {
            t.spec.ampm = false;
        }
        let j = self.ampm_after(&mut t, j);
        Some((t, j))
    }

    /// A unit after a number: "3 giorni".
    fn unit(&self, i: usize) -> Option<Grain> {
        let g = self.find(i, |s| match s {
            Sem::Unit(g) | Sem::Units(g) => Some(g),
            _ => None,
        })?;
        // A mark ("15'", "30\"") is a unit only glued to the number before it: the quote in
        // «"This is…» is no second.
        let mark = self.word(i) == Some("");
        if mark && !(i > 0 && !self.gap(i) && self.int(i - 1).is_some()) {
            return None;
        }
        Some(g)
    }

    /// A plural unit ("anni", "years").
    fn units(&self, i: usize) -> bool {
        self.is(i, |s| matches!(s, Sem::Units(_)))
    }

    /// An amount of time: "3 giorni", "mezz'ora", "a fortnight".
    fn span(&self, i: usize) -> Option<(i64, Grain, usize)> {
        if let Some((n, g)) = self.find(i, |s| match s {
            Sem::Span(n, g) => Some((i64::from(n), g)),
            _ => None,
        }) {
            return Some((n, g, i + 1));
        }
        if let Some(x) = self.decimal_span(i) {
            return Some(x);
        }
        let (n, j) = self.number(i)?;
        let g = self.unit(j)?;
        // "the 90's": a mark glued to a word is no unit.
        if !self.gap(j + 1) && matches!(self.kind(j + 1), Some(Kind::Word(_))) {
            return None;
        }
        Some((n, g, j + 1))
    }

    /// "2.5 hours", "2,5 Stunden": a decimal amount, counted in the next finer unit.
    fn decimal_span(&self, i: usize) -> Option<(i64, Grain, usize)> {
        let (a, an) = self.int(i)?;
        if an > 3 || !matches!(self.punct(i + 1), Some('.' | ',')) || self.gap(i + 1) {
            return None;
        }
        let (b, bn) = self.int(i + 2).filter(|_| !self.gap(i + 2))?;
        let g = self.unit(i + 3)?;
        let (finer, per) = match g {
            Grain::Hour => (Grain::Minute, 60),
            Grain::Minute => (Grain::Second, 60),
            Grain::Day => (Grain::Hour, 24),
            Grain::Week => (Grain::Day, 7),
            _ => return None,
        };
        let scale = 10i64.checked_pow(u32::from(bn))?;
        let total = (i64::from(a) * scale + i64::from(b)).checked_mul(per)?;
        (total % scale == 0).then_some((total / scale, finer, i + 4))
    }

    fn relative_span(&self, n: i64, g: Grain, sign: i64) -> Option<Time> {
        let fine = match g {
            Grain::Second | Grain::Minute => Grain::Second,
            Grain::Hour => Grain::Minute,
            Grain::Day => Grain::Hour,
            Grain::Week | Grain::Month | Grain::Quarter => Grain::Day,
            Grain::Year => Grain::Month,
        };
        let at = shift(self.r, g, n.checked_mul(sign)?)?;
        Some(Time::anchored(
            trunc(at, fine)?,
            fine,
            if sign < 0 { "ago" } else { "in" },
        ))
    }

    /// A period relative to the reference: this/next/last + unit.
    fn relative_unit(&self, g: Grain, off: i64) -> Option<Time> {
        let base = trunc(self.r, g)?;
        let rule = match g {
            Grain::Year => "relative_year",
            Grain::Month => "relative_month",
            Grain::Day => "relative_day",
            _ => "relative",
        };
        Some(Time::anchored(shift(base, g, off)?, g, rule))
    }

    fn modifier(&self, i: usize) -> Option<i64> {
        self.find(i, |s| match s {
            Sem::This => Some(0),
            Sem::Next | Sem::NextOne | Sem::Upcoming => Some(1),
            Sem::Last => Some(-1),
            Sem::NextButOne => Some(2),
            _ => None,
        })
    }

    fn weekday_at(&self, i: usize) -> Option<(u32, usize)> {
        // "212 Mio. Fr.", "50 Fr.": after a number or a multiplier's abbreviation, "Fr." is a
        // currency (Swiss francs), not Friday.
        // (A word the lexicon does not know keeps no text: any word stands for "Mio".)
        let amount = |k: usize| self.int(k).is_some() && (k == 0 || self.punct(k - 1) != Some(':'));
        let after_figure = (i >= 1 && amount(i - 1))
            || (i >= 3
                && amount(i - 3)
                && matches!(self.kind(i - 2), Some(Kind::Word(_)))
                && self.punct(i - 1) == Some('.')
                && !self.gap(i - 1));
        if after_figure && self.word(i).is_some_and(|w| w.chars().count() <= 3) {
            return None;
        }
        if let Some(w) = self.find(i, |s| match s {
            Sem::Weekday(w) => Some(w),
            _ => None,
        }) {
            return Some((w, i + 1));
        }
        let w = self.find(i, |s| match s {
            Sem::WeekdayAbbr(w) => Some(w),
            _ => None,
        })?;
        if self.punct(i + 1) == Some('.') && !self.gap(i + 1) {
            return Some((w, i + 2));
        }
        // "Jul 18, Fri": after a comma and closing the phrase.
        let closing = i > 0 && self.punct(i - 1) == Some(',') && self.items.get(i + 1).is_none();
        // "Thu" as a paragraph of its own (a label, a schedule's heading).
        let alone = i == 0
            && self.items.len() == 1
            && self
                .word(i)
                .is_none_or(|w| !self.lex.table.abbrev_homographs.contains(&w));
        if self.punct(i + 1) == Some(',') || self.int(i + 1).is_some() || closing || alone {
            return Some((w, i + 1));
        }
        None
    }

    /// "next/last Wednesday": in the next (last) week, or, where the language says so, the
    /// next Wednesday to come.
    fn weekday_next(&self, w: u32, off: i64, word: usize) -> Option<Time> {
        // "Mittwoch nächste Woche" is in next week.
        if off == 2 {
            // "übernächsten Freitag": the second one to come.
            let mut t = spec_time("weekday", |s| s.weekday = Some(w));
            t.strict = true;
            t.pref = Some(Preference::Future);
            t.skip = 1;
            return Some(t);
        }
        if self.is(word, |s| s == Sem::NextOne) && self.unit(word + 1).is_none() {
            let mut t = spec_time("weekday", |s| s.weekday = Some(w));
            t.strict = true;
            t.pref = Some(Preference::Future);
            return Some(t);
        }
        self.weekday_in_week(w, off)
    }

    /// "en huit" / "en quinze" (or "en 8", "en 15") after a weekday: days to skip first.
    fn week_later(&self, j: usize) -> Option<(i64, usize)> {
        if let Some(n) = self.find(j, |s| match s {
            Sem::WeekLater(n) => Some(i64::from(n)),
            _ => None,
        }) {
            return Some((n, j + 1));
        }
        if self.prep(j) & IN == 0 || self.unit(j + 2).is_some() {
            return None;
        }
        let (v, _) = self.plain_int(j + 1)?;
        let has = |n: u32| {
            self.lex
                .table
                .words
                .iter()
                .any(|&(_, s)| s == Sem::WeekLater(n))
        };
        match v {
            8 if has(7) => Some((7, j + 2)),
            15 if has(14) => Some((14, j + 2)),
            _ => None,
        }
    }

    fn weekday_in_week(&self, w: u32, week_off: i64) -> Option<Time> {
        let monday = shift(trunc(self.r, Grain::Week)?, Grain::Week, week_off)?;
        Some(Time::anchored(
            add_days(monday, i64::from(w))?,
            Grain::Day,
            "weekday",
        ))
    }

    fn resolved(&self, t: &Time) -> Option<Period> {
        resolve(t, self.r, self.pref)
    }

    /// One piece of a date: the alternatives are tried and the longest wins.
    fn piece(&self, i: usize, ctx: u16) -> Option<(Time, usize)> {
        let mut best: Option<(Time, usize)> = None;
        let mut offer = |c: Option<(Time, usize)>| {
            if let Some((t, j)) = c {
                if best.as_ref().is_none_or(|b| j > b.1) {
                    best = Some((t, j));
                }
            }
        };
        match self.kind(i)? {
            Kind::Int(..) => {
                offer(self.span_piece(i, ctx));
                if ctx & AT != 0 {
                    // "um 10.10": after "at", a clock before a date.
                    offer(self.clock(i, true));
                }
                offer(self.numeric_date(i));
                if self.lex.table.space_dates && ctx & AT == 0 {
                    offer(self.spaced_date(i));
                }
                offer(self.day_month(i, ctx));
                // "de 9 heures 30": an hour with its mark after "from" reads like after "at".
                let marked = ctx & (FROM | TO | BETWEEN | PAIR) != 0
                    && self.is(i + 1, |s| {
                        matches!(
                            s,
                            Sem::HourMark | Sem::Unit(Grain::Hour) | Sem::Units(Grain::Hour)
                        )
                    });
                offer(self.clock(i, ctx & AT != 0 || marked));
                offer(self.year_piece(i, ctx));
                offer(self.century(i));
                offer(self.year_quarter(i));
                offer(self.minutes_around(i));
                offer(self.ordinal_number(i));
                if ctx & ON != 0 || ctx & (FROM | BEFORE | TO) != 0 {
                    offer(self.bare_day(i));
                }
            }
            Kind::Sem(..) => {
                offer(self.span_piece(i, ctx));
                offer(self.day_month(i, ctx));
                offer(self.sem_piece(i, ctx));
                offer(self.named_year(i));
                offer(self.century(i));
                if self.news {
                    offer(self.decade(i));
                }
                offer(self.ides(i));
                offer(self.clock(i, ctx & AT != 0));
                offer(self.minutes_around(i));
                let day_word = i > 0 && self.unit(i - 1) == Some(Grain::Day);
                if ctx & (ON | FROM) != 0
                    && (self.is(i, |s| matches!(s, Sem::Ord(_)))
                        || day_word && self.is(i, |s| matches!(s, Sem::Num(_))))
                {
                    offer(self.bare_day(i));
                }
            }
            _ => {}
        }
        best
    }

    /// "a quarter past 3pm", "20 minutes to noon", "half past three", "halb vier".
    fn minutes_around(&self, i: usize) -> Option<(Time, usize)> {
        if self.is(i, |s| s == Sem::HalfTo) {
            let (mut t, e) = self.clock(i + 1, true)?;
            if t.spec.minute.is_some_and(|x| x != 0) {
                return None;
            }
            t.spec.minute = Some(0);
            let (t, _) = self.with_minutes(t, -30, e)?;
            return Some((t, e));
        }
        let (m, j) = if let Some(m) = self.find(i, |s| match s {
            Sem::Minutes(m) => Some(i64::from(m)),
            Sem::Unit(Grain::Quarter) => Some(15),
            _ => None,
        }) {
            (m, i + 1)
        } else {
            let (n, j) = self.number(i)?;
            let j = if self.unit(j) == Some(Grain::Minute) {
                j + 1
            } else {
                j
            };
            (n, j)
        };
        if !(1..60).contains(&m) {
            return None;
        }
        let sign = if self.is(j, |s| s == Sem::Last) || self.prep(j) & AFTER != 0 {
            1
        } else if self.is(j, |s| s == Sem::Minus)
            || self.prep(j) & (TO | BEFORE) != 0 && self.prep(j) & AT == 0
        {
            -1
        } else {
            return None;
        };
        let (t, e) = self.clock(j + 1, true)?;
        if t.spec.minute.is_some_and(|x| x != 0) {
            return None;
        }
        let mut t = t;
        if t.spec.minute.is_none() {
            t.spec.minute = Some(0);
        }
        let (t, _) = self.with_minutes(t, sign * m, e)?;
        Some((t, e))
    }

    /// "3rd quarter", "2nd wednesday of october": digits with an ordinal suffix.
    fn ordinal_number(&self, i: usize) -> Option<(Time, usize)> {
        let (v, n) = self.plain_int(i)?;
        let j = self.ord_suffix(i + 1);
        if n > 2 || j == i + 1 {
            return None;
        }
        let o = i64::from(v);
        if self.unit(j) == Some(Grain::Quarter) && (1..=4).contains(&o) {
            return self.quarter(u32::try_from(o).ok()?, j + 1);
        }
        if self.modifier(j) == Some(-1) {
            return self.nth_of(j + 1, -o);
        }
        self.nth_of(j, o)
    }

    fn bare_day(&self, i: usize) -> Option<(Time, usize)> {
        let (d, j, _) = self.day_num(i)?;
        if matches!(self.kind(j), Some(Kind::Word(_))) || self.unit(j).is_some() {
            return None;
        }
        Some((spec_time("day_of_month", |s| s.day = Some(d)), j))
    }

    /// "2018Q4", "18q4": a year with its quarter glued after.
    fn year_quarter(&self, i: usize) -> Option<(Time, usize)> {
        let (y, yn) = self.plain_int(i)?;
        if self.gap(i + 1) || self.gap(i + 2) || !self.is(i + 1, |s| s == Sem::QuarterMark) {
            return None;
        }
        let (q, 1) = self.int(i + 2)? else {
            return None;
        };
        if !(1..=4).contains(&q) {
            return None;
        }
        let year = two_digit_year(y, yn)?;
        let start = NaiveDate::from_ymd_opt(year, (q - 1) * 3 + 1, 1)?;
        Some((
            Time::anchored(at_midnight(start), Grain::Quarter, "quarter"),
            i + 3,
        ))
    }

    /// "the ides of March", "le idi di marzo": the 15th (March, May, July, October) or 13th.
    fn ides(&self, i: usize) -> Option<(Time, usize)> {
        if !self.is(i, |s| s == Sem::Ides) {
            return None;
        }
        let (m, e) = self.month_at(self.glue(i + 1), true)?;
        let day = if matches!(m, 3 | 5 | 7 | 10) { 15 } else { 13 };
        let year = self.year_at(self.glue(e));
        let t = spec_time("ides", |s| {
            s.day = Some(day);
            s.month = Some(m);
            s.year = year.map(|(y, _)| y);
        });
        Some((t, year.map_or(e, |(_, e)| e)))
    }

    /// "the year 2009", "l'anno 2009", "im Jahr 9 n. Chr.", "no ano de 2009": a year named
    /// as one, with or without a preposition before.
    fn named_year(&self, i: usize) -> Option<(Time, usize)> {
        if !self.is(i, |s| s == Sem::Unit(Grain::Year)) {
            return None;
        }
        let (y, e) = self.year_at(self.glue(i + 1))?;
        Some((spec_time("year", |s| s.year = Some(y)), e))
    }

    fn year_piece(&self, i: usize, ctx: u16) -> Option<(Time, usize)> {
        if self.news {
            if let Some(x) = self.decade(i) {
                return Some(x);
            }
        }
        let (y, j) = self.year_at(i)?;
        if ctx & (IN | FROM | TO | BEFORE | AFTER | OF | ON | BY) == 0 && !self.bare_year(i, y) {
            return None;
        }
        Some((spec_time("year", |s| s.year = Some(y)), j))
    }

    /// News: a year in running text without a preposition ("its 2012 sales", "2009 was
    /// hard"): four digits from 1900 to 2099, not next to another number, a unit or a clock.
    fn bare_year(&self, i: usize, y: i32) -> bool {
        let int = |k: usize| matches!(self.kind(k), Some(Kind::Int(..)));
        let next_ok = match self.punct(i + 1) {
            Some(':' | '/') => false,
            Some('-' | '.' | ',') => !int(i + 2),
            _ => !int(i + 1),
        };
        self.news
            && (1900..=2099).contains(&y)
            && !(i > 0 && int(i - 1))
            && next_ok
            && !self.is(i + 1, |s| {
                matches!(
                    s,
                    Sem::Unit(_) | Sem::Units(_) | Sem::Num(_) | Sem::Am | Sem::Pm | Sem::HourMark
                )
            })
    }

    /// News: a decade ("the 1990s", "the 1990's", "the '90s": an interval of years), or a
    /// year said by its last two digits after an apostrophe ("in '58"), read from the digits.
    fn decade(&self, i: usize) -> Option<(Time, usize)> {
        // An apostrophe is punctuation, or the minute mark of the international table.
        let apos = |k: usize| match self.kind(k) {
            Some(Kind::Punct(c)) => matches!(c, '\'' | '’'),
            Some(Kind::Sem(Sem::Unit(Grain::Minute), _, (0, 0))) => {
                self.items.get(k).is_some_and(|it| it.end - it.start <= 3)
            }
            _ => false,
        };
        let s_after = |k: usize| {
            !self.gap(k)
                && (self.word(k) == Some("s")
                    || self.word(k) == Some("'s")
                    || apos(k) && !self.gap(k + 1) && self.word(k + 1) == Some("s"))
        };
        let s_len = |k: usize| if self.word(k).is_some() { 1 } else { 2 };
        // "gli anni '90", "les années 1990", "los años 90": the plural year unit before.
        if self.units(i) && self.unit(i) == Some(Grain::Year) {
            let k = if apos(i + 1) { i + 2 } else { i + 1 };
            let (v, n) = self.int(k)?;
            let year = match n {
                4 if (1000..=2990).contains(&v) => i32::try_from(v).ok()?,
                2 => 1900 + i32::try_from(v).ok()?,
                _ => return None,
            };
            return (v % 10 == 0)
                .then(|| decade_time(year))
                .flatten()
                .map(|t| (t, k + 1));
        }
        let (v, n) = self.int(i)?;
        // "die 1990er Jahre", "in den 90ern": the decade with its ending glued on.
        if v % 10 == 0 && !self.gap(i + 1) && matches!(self.word(i + 1), Some("er" | "ern")) {
            let year = match n {
                4 if (1000..=2990).contains(&v) => i32::try_from(v).ok()?,
                2 => 1900 + i32::try_from(v).ok()?,
                _ => return None,
            };
            let e = if self.units(i + 2) && self.unit(i + 2) == Some(Grain::Year) {
                i + 3
            } else {
                i + 2
            };
            return decade_time(year).map(|t| (t, e));
        }
        let apostrophe = i > 0 && !self.gap(i) && apos(i - 1);
        let year = match n {
            4 if (1000..=2990).contains(&v) && v % 10 == 0 && s_after(i + 1) => {
                i32::try_from(v).ok()?
            }
            2 if apostrophe => {
                let y = two_digit_year(v, 2)?;
                if !(v % 10 == 0 && s_after(i + 1)) {
                    let alone = self.gap(i + 1) || matches!(self.punct(i + 1), Some('.' | ','));
                    return alone.then(|| (spec_time("year", |s| s.year = Some(y)), i + 1));
                }
                y
            }
            _ => return None,
        };
        let e = i + 1 + s_len(i + 1);
        Some((decade_time(year)?, e))
    }

    /// News: "the 20th century", "il XX secolo", "le XIXe siècle": an interval of years.
    fn century(&self, i: usize) -> Option<(Time, usize)> {
        if !self.news {
            return None;
        }
        // "el siglo XIX", "o século XX": the century word first.
        if self.is(i, |s| s == Sem::Century) {
            let n = self.find(i + 1, |s| match s {
                Sem::Roman(n) => Some(n),
                _ => None,
            })?;
            return century_time(n).map(|t| (t, i + 2));
        }
        let (n, j) = if let Some((v, n)) = self.plain_int(i) {
            let j = self.ord_suffix(i + 1);
            let j = if j == i + 1 && self.punct(j) == Some('.') {
                j + 1
            } else {
                j
            };
            if n > 2 || j == i + 1 {
                return None;
            }
            (i64::from(v), j)
        } else if let Some(o) = self.find(i, |s| match s {
            Sem::Ord(n) => Some(n),
            _ => None,
        }) {
            (o, i + 1)
        } else {
            let r = self.find(i, |s| match s {
                Sem::Roman(n) => Some(n),
                _ => None,
            })?;
            (r, i + 1)
        };
        if !self.is(j, |s| s == Sem::Century) {
            return None;
        }
        Some((century_time(n)?, j + 1))
    }

    /// "3 fridays from now", "2 thursdays ago": the n-th such weekday from the reference.
    fn weekdays_away(&self, i: usize) -> Option<(Time, usize)> {
        let (n, j) = self.number(i)?;
        let (w, k) = self.weekday_at(j)?;
        let sign = if self.is(k, |s| s == Sem::Hence) {
            1
        } else if self.is(k, |s| s == Sem::Ago) {
            -1
        } else {
            return None;
        };
        if !(1..=52).contains(&n) {
            return None;
        }
        let mut t = spec_time(if sign > 0 { "in" } else { "ago" }, |s| s.weekday = Some(w));
        t.strict = true;
        t.pref = Some(if sign > 0 {
            Preference::Future
        } else {
            Preference::Past
        });
        t.skip = u8::try_from(n - 1).ok()?;
        Some((t, k + 1))
    }

    fn span_piece(&self, i: usize, ctx: u16) -> Option<(Time, usize)> {
        if let Some(x) = self.weekdays_away(i) {
            return Some(x);
        }
        let (n, g, j) = self.span(i)?;
        if self.is(j, |s| s == Sem::Ago) {
            return Some((self.relative_span(n, g, -1)?, j + 1));
        }
        if self.is(j, |s| s == Sem::Hence) {
            return Some((self.relative_span(n, g, 1)?, j + 1));
        }
        if ctx & AGO_BEFORE != 0 {
            return Some((self.relative_span(n, g, -1)?, j));
        }
        if ctx & IN != 0 && ctx & DURING == 0 {
            return Some((self.relative_span(n, g, 1)?, j));
        }
        None
    }

    fn numeric_date(&self, i: usize) -> Option<(Time, usize)> {
        let (a, an) = self.int(i)?;
        let sep = self.punct(i + 1)?;
        if !matches!(sep, '/' | '.' | '-') || self.gap(i + 1) || self.gap(i + 2) {
            return None;
        }
        // 2024-09-27
        if an == 4 && matches!(sep, '-' | '/') {
            let (m, mn) = self.int(i + 2)?;
            if self.punct(i + 3) != Some(sep) || self.gap(i + 3) || self.gap(i + 4) {
                // "2014-10": a month.
                if mn == 2 && (1..=12).contains(&m) && self.int(i + 3).is_none() {
                    let start = NaiveDate::from_ymd_opt(i32::try_from(a).ok()?, m, 1)?;
                    return Some((
                        Time::anchored(at_midnight(start), Grain::Month, "numeric"),
                        i + 3,
                    ));
                }
                return None;
            }
            let (d, dn) = self.int(i + 4)?;
            if dn > 2 {
                return None;
            }
            let date = NaiveDate::from_ymd_opt(i32::try_from(a).ok()?, m, d)?;
            return Some((Time::anchored(at_midnight(date), Grain::Day, "iso"), i + 5));
        }
        if an > 2 {
            return None;
        }
        // 31/Oct/1974
        if let Some((m, j)) = self.month_at(i + 2, true) {
            let mut t = spec_time("numeric", |s| {
                s.day = Some(a);
                s.month = Some(m);
            });
            if self.punct(j) == Some(sep) {
                if let Some((y, yn)) = self.int(j + 1) {
                    t.spec.year = two_digit_year(y, yn);
                    return t.spec.year.map(|_| (t, j + 2));
                }
            }
            return Some((t, j));
        }
        let (b, bn) = self.int(i + 2)?;
        if bn == 4
            && sep == '/'
            && (1..=12).contains(&a)
            && self.punct(i + 3).is_none_or(|c| c != '/')
        {
            // "2/2013": a month.
            let start = NaiveDate::from_ymd_opt(i32::try_from(b).ok()?, a, 1)?;
            return Some((
                Time::anchored(at_midnight(start), Grain::Month, "numeric"),
                i + 3,
            ));
        }
        if bn > 2 {
            return None;
        }
        let (d, m) = if self.lex.table.day_first {
            (a, b)
        } else {
            (b, a)
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        let mut t = spec_time("numeric", |s| {
            s.day = Some(d);
            s.month = Some(m);
        });
        if self.punct(i + 3) == Some(sep) && !self.gap(i + 3) && !self.gap(i + 4) {
            if let Some((y, yn)) = self.int(i + 4) {
                t.spec.year = Some(two_digit_year(y, yn)?);
                NaiveDate::from_ymd_opt(t.spec.year?, m, d)?;
                return Some((t, i + 5));
            }
        }
        if sep == '.'
            && self.punct(i + 3) == Some('.')
            && !self.gap(i + 3)
            && self.int(i + 4).is_none()
        {
            // German "am 15.2.": day, month, each with its dot.
            return Some((t, i + 4));
        }
        let dotted = sep == '.' && self.lex.table.day_first && self.int(i + 4).is_none();
        if sep != '/' && !dotted {
            // "3.4" and "13-15" are not dates without a year (but "10.10" is in German).
            return None;
        }
        if self.int(i + 4).is_some() && self.punct(i + 3).is_some() {
            return None;
        }
        Some((t, i + 3))
    }

    /// "20 02 2014", "le 31 10", "17 2": day, month and maybe year separated by spaces.
    fn spaced_date(&self, i: usize) -> Option<(Time, usize)> {
        let (d, dn) = self.plain_int(i)?;
        let (m, mn) = self.plain_int(i + 1)?;
        if dn > 2 || mn > 2 || !self.gap(i + 1) || !(1..=31).contains(&d) || !(1..=12).contains(&m)
        {
            return None;
        }
        let mut t = spec_time("numeric", |s| {
            s.day = Some(d);
            s.month = Some(m);
        });
        let mut e = i + 2;
        if let Some((y, yn)) = self.plain_int(e).filter(|_| self.gap(e)) {
            t.spec.year = Some(two_digit_year(y, yn)?);
            e += 1;
        }
        // "20 2 jours", "3 4 5": quantities and lists, not dates.
        if self.unit(e).is_some()
            || self.int(e).is_some()
            || self.punct(e).is_some_and(|c| c == '%')
        {
            return None;
        }
        NaiveDate::from_ymd_opt(t.spec.year.unwrap_or(2000), m, d)?;
        Some((t, e))
    }

    /// "27 settembre 2024", "the 3rd of March", "March 3rd, 2015", "settembre 2024".
    fn day_month(&self, i: usize, ctx: u16) -> Option<(Time, usize)> {
        let with_year = |mut t: Time, j: usize| -> (Time, usize) {
            let k = if self.punct(j) == Some(',') || self.prep(j) & OF != 0 {
                j + 1
            } else {
                j
            };
            if let Some((y, e)) = self.year_at(k) {
                t.spec.year = Some(y);
                return (t, e);
            }
            // "31 octobre 74", "14th April 15": two digits closing the date are its year.
            if let Some((y, 2)) = self.plain_int(j).filter(|_| k == j) {
                let closes = self.items.get(j + 1).is_none()
                    || self
                        .punct(j + 1)
                        .is_some_and(|c| matches!(c, '.' | ',' | ';' | ')'));
                if closes && t.spec.month.is_some() && t.spec.day.is_some() {
                    t.spec.year = two_digit_year(y, 2);
                    return (t, j + 1);
                }
            }
            (t, j)
        };
        if let Some((d, j, _)) = self.day_num(i) {
            let k = self.glue(j);
            let k = if !self.gap(k) && self.punct(k) == Some('.') {
                k + 1
            } else {
                k
            };
            let k2 = self.glue(k);
            let Some((m, e)) = self.month_at(k2, true) else {
                // "the 20th of next month"
                if k2 == j {
                    return None;
                }
                let (c, e) = self.sem_piece(k2, 0)?;
                if c.anchor.is_some_and(|(_, g)| g == Grain::Month) && c.spec.is_empty() {
                    let mut c = c;
                    c.spec.day = Some(d);
                    return Some((c, e));
                }
                return None;
            };
            let t = spec_time("day_month", |s| {
                s.day = Some(d);
                s.month = Some(m);
            });
            let (t, e) = with_year(t, e);
            return Some((t, e));
        }
        let (m, j) = self.month_at(i, false).or_else(|| {
            let (m, j) = self.month_at(i, true)?;
            // After "of" (or an article: "il mar Mediterraneo"), only a full month name that
            // is also another word ("the last day of May"), not an abbreviation.
            let full = self.is(i, |s| matches!(s, Sem::Month(_)));
            let of = if full { OF } else { 0 };
            (self.int(j).is_some() || ctx & (IN | FROM | TO | BEFORE | AFTER | BETWEEN | of) != 0)
                .then_some((m, j))
        })?;
        // Month, day: "March 3rd", "February the 15th".
        let k = if self.prep(j) & ON != 0 { j + 1 } else { j };
        if let Some((d, e, _)) = self.day_num(k) {
            if self.unit(e).is_none() && !matches!(self.kind(e), Some(Kind::Word(_)))
                || self.year_at(e).is_some()
            {
                let t = spec_time("month_day", |s| {
                    s.day = Some(d);
                    s.month = Some(m);
                });
                if self.year_at(e).is_some()
                    || (self.punct(e) == Some(',') || self.prep(e) & OF != 0)
                        && self.year_at(e + 1).is_some()
                {
                    return Some(with_year(t, e));
                }
                if self.plain_int(k).is_some_and(|(_, n)| n <= 2) || self.word(k).is_some() {
                    return Some((t, e));
                }
            }
        }
        if let Some((y, e)) = self.year_at(self.glue(j)) {
            return Some((
                spec_time("month_year", |s| {
                    s.month = Some(m);
                    s.year = Some(y);
                }),
                e,
            ));
        }
        Some((spec_time("bare_month", |s| s.month = Some(m)), j))
    }

    fn sem_piece(&self, i: usize, ctx: u16) -> Option<(Time, usize)> {
        let Some(Kind::Sem(s, _, _)) = self.kind(i) else {
            return None;
        };
        let _ = s;
        // Relative days.
        if let Some((off, approx)) = self.find(i, |s| match s {
            Sem::Day(o) => Some((o, false)),
            Sem::DayApprox(o) => Some((o, true)),
            _ => None,
        }) {
            let mut t = Time::anchored(
                add_days(trunc(self.r, Grain::Day)?, off)?,
                Grain::Day,
                "relative_day",
            );
            t.approx = approx;
            return Some((t, i + 1));
        }
        if self.is(i, |s| s == Sem::Reference) {
            if !self.references {
                return None;
            }
            return Some((
                Time::anchored(trunc(self.r, Grain::Day)?, Grain::Day, "reference"),
                i + 1,
            ));
        }
        if self.is(i, |s| s == Sem::Now) {
            return Some((
                Time::anchored(trunc(self.r, Grain::Second)?, Grain::Second, "now"),
                i + 1,
            ));
        }
        if let Some((off, f, t)) = self.find(i, |s| match s {
            Sem::PodDay(o, f, t) => Some((o, f, t)),
            _ => None,
        }) {
            let mut x = Time::anchored(
                add_days(trunc(self.r, Grain::Day)?, off)?,
                Grain::Day,
                "part_of_day",
            );
            x.spec.pod = Some((f, t));
            return Some((x, i + 1));
        }
        if let Some((f, t)) = self.find(i, |s| match s {
            Sem::Pod(f, t) => Some((f, t)),
            _ => None,
        }) {
            let (f, t) = if (f == 0 || f == 4) && t == 12 {
                self.lex.table.morning
            } else {
                (f, t)
            };
            return Some((spec_time("part_of_day", |s| s.pod = Some((f, t))), i + 1));
        }
        if let Some((w, j)) = self.weekday_at(i) {
            // "martedì prossimo", "Tuesday 19"
            if let Some(off) = self.modifier(j) {
                if off != 0 {
                    // "Mittwoch nächste Woche": the modifier's week.
                    let e = if self.unit(j + 1) == Some(Grain::Week) && !self.units(j + 1) {
                        j + 2
                    } else {
                        j + 1
                    };
                    return Some((self.weekday_next(w, off, j)?, e));
                }
            }
            // "Mittwoch in 2 Wochen", "mercoledì tra due settimane": that weekday in the week
            // so many weeks away.
            let sign = if self.prep(j) & IN != 0 && self.prep(j) & DURING == 0 {
                1
            } else if self.is(j, |s| s == Sem::AgoBefore) {
                -1
            } else {
                0
            };
            if sign != 0 {
                if let Some((n, Grain::Week, e)) = self.span(j + 1) {
                    if !self.is(e, |s| matches!(s, Sem::Ago | Sem::Hence)) {
                        return Some((self.weekday_in_week(w, sign * n)?, e));
                    }
                }
            }
            // "lundi en huit", "mardi en 15": the weekday on or after a week (two) from today.
            if let Some((days, e)) = self.week_later(j) {
                let from = add_days(trunc(self.r, Grain::Day)?, days)?;
                let ahead =
                    (7 + i64::from(w) - i64::from(from.weekday().num_days_from_monday())) % 7;
                return Some((
                    Time::anchored(add_days(from, ahead)?, Grain::Day, "weekday"),
                    e,
                ));
            }
            let mut t = spec_time("weekday", |s| s.weekday = Some(w));
            t.strict = true;
            // "na segunda-feira (6)", "nesta terça-feira (14)": the Brazilian press gives the
            // day of the month in parentheses after the weekday.
            if self.punct(j) == Some('(') {
                if let Some((d, e, _)) = self
                    .day_num(j + 1)
                    .filter(|&(_, e, _)| self.punct(e) == Some(')'))
                {
                    t.spec.day = Some(d);
                    t.strict = false;
                    return Some((t, e + 1));
                }
            }
            // "martes 1", "vendredi quinze", "Tuesday the 1st"; but "one" as a word is also an
            // article ("el martes un expediente").
            if let Some((d, e, _)) = self
                .day_num(j)
                .filter(|&(d, _, ordinal)| ordinal || d != 1 || self.plain_int(j).is_some())
                .filter(|_| self.month_at(self.glue(j + 1), true).is_none())
            {
                if !matches!(self.kind(e), Some(Kind::Word(_))) || self.unit(e).is_none() {
                    t.spec.day = Some(d);
                    t.strict = false;
                    return Some((t, e));
                }
            }
            return Some((t, j));
        }
        if let Some(h) = self.find(i, |s| match s {
            Sem::Holiday(h) => Some(h),
            _ => None,
        }) {
            let t = spec_time("holiday", |s| s.holiday = Some(h));
            if let Some((y, e)) = self.year_at(i + 1).or_else(|| self.year_words(i + 1)) {
                let mut t = t;
                t.spec.year = Some(y);
                return Some((t, e));
            }
            // "Diwali in five years", "Lakshmi Puja six years hence": in that year.
            let k = if self.prep(i + 1) & IN != 0 {
                i + 2
            } else {
                i + 1
            };
            if let Some((n, Grain::Year, e)) = self.span(k) {
                let hence = self.is(e, |s| s == Sem::Hence);
                if k == i + 2 || hence {
                    let mut t = t;
                    t.spec.year = Some(self.r.year().checked_add(i32::try_from(n).ok()?)?);
                    return Some((t, e + usize::from(hence)));
                }
            }
            return Some((t, i + 1));
        }
        if let Some(k) = self.find(i, |s| match s {
            Sem::Season(k) => Some(k),
            _ => None,
        }) {
            return Some((spec_time("season", |s| s.season = Some(k)), i + 1));
        }
        if self.is(i, |s| s == Sem::Weekend) {
            return Some((spec_time("weekend", |s| s.weekend = true), i + 1));
        }
        if self.is(i, |s| s == Sem::QuarterMark) && !self.gap(i + 1) {
            let (q, _) = self
                .int(i + 1)
                .filter(|(q, n)| *n == 1 && (1..=4).contains(q))?;
            return self.quarter(q, i + 2);
        }
        if let Some(off) = self.modifier(i) {
            return self.modified(i, off, ctx);
        }
        // "the week of October 6th": the week that contains it.
        if self.unit(i) == Some(Grain::Week) && !self.units(i) && self.prep(i + 1) & OF != 0 {
            if let Some((t, e)) = self.seq(i + 1) {
                if let Some(p) = self.resolved(&t).filter(|p| p.grain <= Grain::Day) {
                    // A Sunday opens the week after (weeks said from Sunday in speech).
                    let sunday = p.start.weekday().num_days_from_monday() == 6;
                    let at = trunc(add_days(p.start, i64::from(sunday))?, Grain::Week)?;
                    return Some((Time::anchored(at, Grain::Week, "week_of"), e));
                }
            }
        }
        // Unit + modifier: "l'anno scorso", "settimana prossima" (but "second last week" is
        // an ordinal).
        let ordinal_first = self.is(i, |s| matches!(s, Sem::Ord(_)))
            && (self.unit(i + 2).is_some() || self.weekday_at(i + 2).is_some());
        if let Some(g) = self.unit(i).filter(|_| !ordinal_first) {
            if let Some(off) = self.modifier(i + 1) {
                if !self.units(i) && g != Grain::Day {
                    return Some((self.relative_unit(g, off)?, i + 2));
                }
            }
        }
        if let Some(o) = self.find(i, |s| match s {
            Sem::Ord(n) => Some(n),
            _ => None,
        }) {
            return self.ordinal(i, o);
        }
        if let Some((which, g)) = self.find(i, |s| match s {
            Sem::PartOfUnit(w, g) => Some((w, g)),
            _ => None,
        }) {
            // "EOM", "EOY": the part of the current unit.
            return self.part_of_period(&self.relative_unit(g, 0)?, which, i + 1);
        }
        if let Some(which) = self.find(i, |s| match s {
            Sem::EndOf => Some(12),
            Sem::StartOf => Some(1),
            Sem::MidOf => Some(6),
            _ => None,
        }) {
            return self.part_of(i, which);
        }
        None
    }

    fn quarter(&self, q: u32, j: usize) -> Option<(Time, usize)> {
        let k = self.glue(j);
        let (year, e) = match self.year_at(k) {
            Some((y, e)) => (y, e),
            None => (self.r.year(), j),
        };
        let start = NaiveDate::from_ymd_opt(year, (q - 1) * 3 + 1, 1)?;
        Some((
            Time::anchored(at_midnight(start), Grain::Quarter, "quarter"),
            e,
        ))
    }

    /// "il terzo trimestre", "primo martedì di ottobre", "third day of october".
    fn ordinal(&self, i: usize, o: i64) -> Option<(Time, usize)> {
        if self.unit(i + 1) == Some(Grain::Quarter) && (1..=4).contains(&o) {
            return self.quarter(u32::try_from(o).ok()?, i + 2);
        }
        // "third-quarter revenue", "fourth-quarter results": the compound adjective.
        if self.punct(i + 1) == Some('-')
            && self.unit(i + 2) == Some(Grain::Quarter)
            && (1..=4).contains(&o)
        {
            return self.quarter(u32::try_from(o).ok()?, i + 3);
        }
        // "the third last week of 2018": counted from the end.
        if self.modifier(i + 1) == Some(-1) {
            return self.nth_of(i + 2, -o);
        }
        self.nth_of(i + 1, o)
    }

    /// The n-th (or, n = -1, last) weekday / day / week of a containing period.
    fn nth_of(&self, j: usize, n: i64) -> Option<(Time, usize)> {
        enum What {
            Weekday(u32),
            Day,
            Week,
            Weekend,
            Unit(Grain),
        }
        let (what, k) = if let Some((w, k)) = self.weekday_at(j) {
            (What::Weekday(w), k)
        } else if let Some(g) = self
            .unit(j)
            .filter(|&g| matches!(g, Grain::Month | Grain::Quarter) && !self.units(j))
        {
            // "the third month of 2017", "o último trimestre de 2015"
            (What::Unit(g), j + 1)
        } else if self.is(j, |s| s == Sem::Weekend) {
            (What::Weekend, j + 1)
        } else if self.unit(j) == Some(Grain::Day) {
            (What::Day, j + 1)
        } else if self.unit(j) == Some(Grain::Week) {
            (What::Week, j + 1)
        } else {
            return None;
        };
        // "the third Tuesday after Christmas": counted from the day after.
        if let (What::Weekday(w), true) = (&what, self.prep(k) & AFTER != 0 && n > 0) {
            let (t, e) = self.seq(k + 1)?;
            let p = self.resolved(&t)?;
            let next = add_days(trunc(p.end, Grain::Day)?, 0)?;
            let wd = i64::from(next.weekday().num_days_from_monday());
            let ahead = (7 + i64::from(*w) - wd) % 7;
            let at = add_days(next, ahead + 7 * (n - 1))?;
            return Some((Time::anchored(at, Grain::Day, "nth_after"), e));
        }
        let mut c = k;
        while self.prep(c) & (OF | IN | ON) != 0
            || self.is(c, |s| s == Sem::Unit(Grain::Month)) && self.prep(c + 1) & OF != 0
        {
            c += 1;
        }
        if c == k {
            // "primeiro mês 2013": a year right after.
            let (y, e) = self.year_at(k).filter(|_| matches!(what, What::Unit(_)))?;
            let year = at_midnight(NaiveDate::from_ymd_opt(y, 1, 1)?);
            let What::Unit(g) = what else { return None };
            return self.nth_unit(year, g, n, e);
        }
        // The prepositions lead the container ("of May" reads May as a month); "the first
        // Monday of the month" is in the current one.
        let (container, e) = match self.seq(k).filter(|_| self.prep(k) & (OF | IN) != 0) {
            Some(x) => x,
            None => match self.seq(c) {
                Some(x) => x,
                None => match self.year_at(c) {
                    Some((y, e)) => (spec_time("year", |s| s.year = Some(y)), e),
                    None => (self.relative_unit(self.unit(c)?, 0)?, c + 1),
                },
            },
        };
        let p = self.resolved(&container)?;
        if p.grain < Grain::Month {
            return None;
        }
        let (y, m) = (p.start.year(), p.start.month());
        if let What::Unit(g) = what {
            if p.grain != Grain::Year {
                return None;
            }
            return self.nth_unit(p.start, g, n, e);
        }
        let date = match what {
            // The n-th weekend of a month: its n-th Friday evening to Monday.
            What::Weekend if p.grain == Grain::Month => {
                let fri = at_midnight(nth_weekday(y, m, 4, i32::try_from(n).ok()?)?);
                let mut t = Time::anchored(fri, Grain::Day, "nth_weekend");
                t.range = Some((
                    shift(fri, Grain::Hour, 18)?,
                    shift(fri, Grain::Day, 3)?,
                    Grain::Hour,
                ));
                return Some((t, e));
            }
            What::Weekend | What::Unit(_) => return None,
            What::Weekday(w) => {
                let n = i32::try_from(n).ok()?;
                if p.grain == Grain::Month {
                    nth_weekday(y, m, w, n)?
                } else {
                    return None;
                }
            }
            What::Day => {
                if n < 0 {
                    add_days(p.end, n)?.date()
                } else {
                    let d = add_days(p.start, n - 1)?.date();
                    if at_midnight(d) >= p.end {
                        return None;
                    }
                    d
                }
            }
            What::Week => {
                let first_monday = trunc(add_days(p.start, 6)?, Grain::Week)?;
                // Weeks from the end are the ones that end inside the period.
                let start = if n < 0 {
                    shift(trunc(p.end, Grain::Week)?, Grain::Week, n)?
                } else {
                    shift(first_monday, Grain::Week, n - 1)?
                };
                return Some((Time::anchored(start, Grain::Week, "nth_week"), e));
            }
        };
        Some((Time::anchored(at_midnight(date), Grain::Day, "nth_of"), e))
    }

    /// The n-th (or, counted from the end, -n-th) month or quarter of the year at `year`.
    fn nth_unit(&self, year: NaiveDateTime, g: Grain, n: i64, e: usize) -> Option<(Time, usize)> {
        let count = if g == Grain::Month { 12 } else { 4 };
        let k = if n < 0 { count + n } else { n - 1 };
        if !(0..count).contains(&k) {
            return None;
        }
        Some((Time::anchored(shift(year, g, k)?, g, "nth_of"), e))
    }

    /// "alla fine dello scorso anno", "early 2024", "fin 2023", "mid-May".
    fn part_of(&self, i: usize, which: u32) -> Option<(Time, usize)> {
        let mut c = i + 1;
        // The genitive after "end" may also be a "from" word (Portuguese "do", "da").
        while self.prep(c) & (OF | ON | IN) != 0
            || c == i + 1 && self.prep(c) & FROM != 0
            || self.punct(c) == Some('-')
        {
            c += 1;
        }
        let (container, e) = match self.seq(c).or_else(|| {
            let (y, e) = self.year_at(c)?;
            Some((spec_time("year", |s| s.year = Some(y)), e))
        }) {
            Some(x) => x,
            None => {
                // "the end of the month", "beginning of year"
                let g = self.unit(c)?;
                (self.relative_unit(g, 0)?, c + 1)
            }
        };
        // "late tonight", "early evening": half of a part of the day.
        if let (Some((f, t)), true) = (container.spec.pod, which != 6) {
            let half = (t - f) / 2;
            let mut x = container;
            x.spec.pod = Some(if which == 12 {
                (t - half, t)
            } else {
                (f, f + half)
            });
            x.approx = true;
            return Some((x, e));
        }
        self.part_of_period(&container, which, e)
    }

    /// The start (1), middle (6) or end (12) of a period.
    fn part_of_period(&self, container: &Time, which: u32, e: usize) -> Option<(Time, usize)> {
        let p = self.resolved(container)?;
        // The stretch, as the language says it.
        let spans = self.lex.table.parts;
        let part = match which {
            1 => 0,
            6 => 1,
            _ => 2,
        };
        let stretch = |(from, to): (u32, u32), unit: Grain, fine: Grain| {
            let at = |n: u32| match n {
                PartSpans::END => Some(p.end),
                n => shift(p.start, unit, i64::from(n)),
            };
            Some((at(from)?, at(to)?, fine))
        };
        let range = match p.grain {
            Grain::Month => stretch(spans.month[part], Grain::Day, Grain::Day),
            Grain::Year => stretch(spans.year[part], Grain::Month, Grain::Month),
            Grain::Week => stretch(spans.week[part], Grain::Day, Grain::Day),
            _ => None,
        };
        if p.grain == Grain::Week {
            let (f, t, g) = range?;
            let mut x = Time::anchored(
                f,
                Grain::Day,
                if which == 12 { "end_of" } else { "start_of" },
            );
            x.range = Some((f, t, g));
            x.approx = true;
            return Some((x, e));
        }
        let month = match p.grain {
            Grain::Year => which,
            Grain::Quarter => {
                p.start.month()
                    + match which {
                        12 => 2,
                        1 => 0,
                        _ => 1,
                    }
            }
            Grain::Month => p.start.month(),
            _ => return None,
        };
        let start = NaiveDate::from_ymd_opt(p.start.year(), month, 1)?;
        let mut t = Time::anchored(
            at_midnight(start),
            Grain::Month,
            if which == 12 {
                "end_of"
            } else if which == 1 {
                "start_of"
            } else {
                "mid_of"
            },
        );
        t.approx = true;
        t.range = range;
        Some((t, e))
    }

    /// After this / next / last.
    fn modified(&self, i: usize, off: i64, _ctx: u16) -> Option<(Time, usize)> {
        let j = i + 1;
        if off == -1 {
            if let Some(x) = self.nth_of(j, -1) {
                return Some(x);
            }
        }
        if let Some(g) = self.unit(j) {
            // "negli ultimi anni" and "l'ultimo giorno" are not dates.
            if self.units(j) || g == Grain::Day {
                return None;
            }
            return Some((self.relative_unit(g, off)?, j + 1));
        }
        if let Some((w, k)) = self.weekday_at(j) {
            if off == 0 {
                let mut t = spec_time("weekday", |s| s.weekday = Some(w));
                t.strict = true;
                return Some((t, k));
            }
            return Some((self.weekday_next(w, off, i)?, k));
        }
        if let Some((m, k)) = self.month_at(j, true) {
            let mut t = spec_time("bare_month", |s| s.month = Some(m));
            t.pref = match off {
                1 | 2 => Some(Preference::Future),
                -1 => Some(Preference::Past),
                _ => None,
            };
            t.strict = off != 0;
            t.skip = u8::from(off == 2);
            return Some((t, k));
        }
        if let Some((t, k)) = self.sem_piece(j, 0) {
            if t.spec.weekend && t.anchor.is_none() {
                let mut t = t;
                if off != 0 {
                    t.pref = Some(if off > 0 {
                        Preference::Future
                    } else {
                        Preference::Past
                    });
                    t.strict = true;
                }
                return Some((t, k));
            }
            if t.spec.season.is_some() || t.spec.holiday.is_some() {
                let mut t = t;
                t.pref = match off {
                    1 => Some(Preference::Future),
                    -1 => Some(Preference::Past),
                    _ => t.pref,
                };
                t.strict = off != 0;
                return Some((t, k));
            }
            if t.spec.pod.is_some() && t.anchor.is_none() && off == 0 {
                let mut t = t;
                t.anchor = Some((trunc(self.r, Grain::Day)?, Grain::Day));
                return Some((t, k));
            }
        }
        if off == -1 {
            return self.nth_of(j, -1);
        }
        None
    }

    /// Leading prepositions: their flags and where the expression proper starts.
    fn lead(&self, i: usize) -> (u16, usize) {
        let mut ctx = 0;
        let mut j = i;
        for _ in 0..3 {
            let p = self.prep(j);
            // "beginning of January": the start of, not "from".
            if p != 0
                && self.prep(j + 1) & OF != 0
                && self.is(j, |s| matches!(s, Sem::StartOf | Sem::EndOf | Sem::MidOf))
            {
                break;
            }
            if p != 0 {
                ctx |= p;
            } else if self.is(j, |s| s == Sem::AgoBefore) {
                ctx |= AGO_BEFORE;
            } else if self.is(j, |s| s == Sem::Approx) {
                ctx |= APPROX;
            } else {
                break;
            }
            j += 1;
        }
        (ctx, j)
    }

    /// A sequence of pieces that intersect ("martedì 19 febbraio alle 15").
    pub(crate) fn seq(&self, i: usize) -> Option<(Time, usize)> {
        let (ctx, j0) = self.lead(i);
        let (mut t, mut j) = self.piece(j0, ctx)?;
        if ctx & APPROX != 0 {
            t.approx = true;
        }
        'outer: loop {
            // "15:00 GMT": the zone the clock time is said in.
            if self.news && t.spec.hour.is_some() && t.zone.is_none() {
                if let Some(z) = self.find(j, |s| match s {
                    Sem::Zone(z) => Some(z),
                    _ => None,
                }) {
                    t.zone = Some(z);
                    j += 1;
                    continue 'outer;
                }
            }
            // "March in a year", "marzo tra due anni": that month in the year so many ahead.
            if t.anchor.is_none()
                && t.spec.month.is_some()
                && t.spec.year.is_none()
                && t.spec.day.is_none()
                && self.prep(j) & IN != 0
                && self.prep(j) & DURING == 0
            {
                if let Some((n, Grain::Year, e)) = self.span(j + 1) {
                    if !self.is(e, |s| matches!(s, Sem::Ago | Sem::Hence)) {
                        t.spec.year = Some(self.r.year().checked_add(i32::try_from(n).ok()?)?);
                        t.pref = None;
                        j = e;
                        continue 'outer;
                    }
                }
            }
            let mut k = j;
            let mut gctx = 0;
            for _ in 0..3 {
                // A "to" that also means "at" ("a", "à") joins a clock time, not two dates.
                let joins =
                    |p: &Time| gctx & TO == 0 || p.spec.hour.is_some() || p.spec.pod.is_some();
                if let Some((p, e)) = self.piece(k, gctx).filter(|(p, _)| joins(p)) {
                    if let Some(x) = intersect(&t, &p) {
                        t = x;
                        j = e;
                        continue 'outer;
                    }
                }
                let p = self.prep(k);
                if p & OF != 0
                    || p & (ON | AT | IN) != 0 && p & (FROM | BETWEEN | BEFORE | AFTER) == 0
                    || self.punct(k) == Some(',')
                    || self.is(k, |s| s == Sem::Approx)
                {
                    gctx |= p;
                    k += 1;
                } else {
                    break;
                }
            }
            break;
        }
        // A bare part of the day after no preposition ("giorno e notte") is not a date; a
        // phrase that carries its own ("am Abend", "in serata") is.
        let phrase = match self.items.get(j0) {
            Some(&Item {
                start,
                end,
                kind: Kind::Sem(_, _, (a, z)),
                ..
            }) => end - start > (z - a) as usize + 2,
            _ => false,
        };
        if !phrase
            && t.anchor.is_none()
            && t.spec
                == (Spec {
                    pod: t.spec.pod,
                    ..Spec::default()
                })
            && ctx & (IN | ON | AT | OF) == 0
        {
            return None;
        }
        // "Friday after next", "March after next": the second one to come.
        if self.is(j, |s| s == Sem::AfterNext) && t.anchor.is_none() && !t.spec.is_empty() {
            t.skip = 1;
            t.strict = true;
            t.pref = Some(Preference::Future);
            j += 1;
        }
        // A trailing approximation word ("3pm approximately").
        if self.is(j, |s| s == Sem::Approx) && j > i && self.items.get(j + 1).is_none_or(|x| x.gap)
        {
            t.approx = true;
            // Only a word that ends the phrase ("15 Uhr in etwa", not "3pm about 40 people").
            if self.items.get(j + 1).is_none() || self.punct(j + 1).is_some() {
                j += 1;
            }
        }
        Some((t, j))
    }

    /// A bare number standing for a day or an hour in an interval ("dal 3 al 5 marzo").
    fn bare_number(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((v, n)) = self.plain_int(i) {
            let j = self.ord_suffix(i + 1);
            let j = if j == i + 1 && self.punct(j) == Some('.') && !self.gap(j) {
                j + 1
            } else {
                j
            };
            return (n <= 2).then_some((v, j));
        }
        if let Some(o) = self.find(i, |s| match s {
            Sem::Ord(n) if (1..=31).contains(&n) => Some(n),
            _ => None,
        }) {
            return Some((u32::try_from(o).ok()?, i + 1));
        }
        let (v, j) = self.number(i)?;
        (1..=31).contains(&v).then_some((u32::try_from(v).ok()?, j))
    }

    fn end_part(&self, i: usize) -> Option<(Result<Time, u32>, usize)> {
        let (ctx, j) = self.lead(i);
        let _ = ctx;
        let t = self.seq(i).map(|(t, e)| (Ok(t), e));
        let n = self.bare_number(j).map(|(v, e)| (Err(v), e));
        match (t, n) {
            (Some(t), Some(n)) => Some(if n.1 > t.1 { n } else { t }),
            (t, n) => t.or(n),
        }
    }

    /// Intervals and open intervals; else a sequence.
    pub(crate) fn expr(&self, i: usize) -> Option<(Expr, usize)> {
        let mut best: Option<(Expr, usize)> = None;
        let mut offer = |c: Option<(Expr, usize)>| {
            if let Some((x, j)) = c {
                if best.as_ref().is_none_or(|b| j > b.1) {
                    best = Some((x, j));
                }
            }
        };
        offer(self.duration(i));
        offer(self.span_from(i));
        let one = self.seq(i);
        // "18th Dec for 10 days", "for 10 days from 18th Dec"
        if let Some((t, e)) = one {
            if self.prep(e) & DURING != 0 {
                if let Some((n, g, e2)) = self.span(e + 1) {
                    offer(Some((Expr::For(t, n, g), e2)));
                }
            }
        }
        {
            let (ctx, j) = self.lead(i);
            if ctx & DURING != 0 {
                if let Some((n, g, e)) = self.span(j) {
                    if self.prep(e) & FROM != 0 {
                        if let Some((t, e2)) = self.seq(e) {
                            offer(Some((Expr::For(t, n, g), e2)));
                        }
                    }
                }
            }
        }
        // Intervals need a leading preposition or a connector after the first end.
        let (ctx, j) = self.lead(i);
        let connector = |k: usize| self.punct(k) == Some('-') || self.prep(k) & (TO | AND) != 0;
        let maybe_interval = ctx & (FROM | BETWEEN | BEFORE | AFTER | TO | IN | PAIR) != 0
            || connector(j + 1)
            || self.ord_suffix(j + 1) > j + 1 && connector(self.ord_suffix(j + 1))
            || self.punct(j + 1) == Some('.') && connector(j + 2)
            || one.is_some_and(|(_, e)| connector(e));
        if maybe_interval {
            offer(self.interval(i, None));
        }
        let deadline = ctx & BY != 0 && ctx & BEFORE == 0;
        // German "vor" is "ago" before a span ("vor drei Tagen") and "before" before a time
        // ("vor 11 Uhr", "vor dem 1. Mai").
        let before = |t: &Time| ctx & AGO_BEFORE != 0 && t.rule != "ago";
        offer(one.map(|(t, j)| {
            let e = if deadline {
                Expr::By(t)
            } else if before(&t) {
                Expr::Until(t)
            } else {
                Expr::One(t)
            };
            (e, j)
        }));
        // A qualifier after the time: "14 Uhr frühestens", "lundi au plus tard".
        if let Some((t, j)) = one {
            if self.is(j, |s| s == Sem::Earliest) {
                offer(Some((Expr::From(t), j + 1)));
            } else if self.is(j, |s| s == Sem::Latest) {
                // "Monday at the latest" runs to the end of Monday; "11 Uhr spätestens" to 11.
                let mut t = t;
                if t.spec.hour.is_none() && t.spec.pod.is_none() {
                    t.rule = "at_the_latest";
                }
                offer(Some((Expr::Until(t), j + 1)));
            }
        }
        if let Some((l, j)) = one {
            if self.prep(j) & (FROM | BETWEEN | PAIR) != 0
                || self.prep(j) & (AFTER | BEFORE) != 0 && l.spec.hour.is_none()
            {
                offer(self.interval(j, Some(l)));
            }
        }
        best
    }

    /// "three days after Easter", "a year from Christmas", "a day from right now": a span
    /// counted from a time. An unanchored time is taken where the result lands on the
    /// preferred side of the reference.
    fn span_from(&self, i: usize) -> Option<(Expr, usize)> {
        let (ctx, j) = self.lead(i);
        if ctx & DURING != 0 {
            return None;
        }
        // "il mese dopo Natale", "the week after Easter": one unit on, at that unit.
        let (n, g, e, whole) = match self.span(j) {
            Some((n, g, e)) => (n, g, e, false),
            None => {
                let g = self
                    .unit(j)
                    .filter(|_| !self.units(j) && self.prep(j + 1) & AFTER != 0)?;
                (1, g, j + 1, true)
            }
        };
        let p = self.prep(e);
        let sign = if p & (AFTER | FROM) != 0 {
            1
        } else if p & BEFORE != 0 {
            -1
        } else {
            return None;
        };
        let (t, end) = self.seq(e + 1)?;
        let off = n.checked_mul(sign)?;
        let moved = |q: Period| -> Option<(NaiveDateTime, Grain)> {
            // Days stay days ("three days after Easter"); clock times keep their grain.
            if whole {
                return Some((trunc(shift(q.start, g, off)?, g)?, g));
            }
            Some((shift(q.start, g, off)?, q.grain.min(g).min(Grain::Day)))
        };
        let candidates: Vec<(NaiveDateTime, Grain)> = if t.anchor.is_some() {
            vec![moved(self.resolved(&t)?)?]
        } else {
            [false, true]
                .into_iter()
                .filter_map(|fwd| {
                    let pref = if fwd {
                        Preference::Future
                    } else {
                        Preference::Past
                    };
                    moved(resolve(
                        &Time {
                            pref: Some(pref),
                            ..t
                        },
                        self.r,
                        pref,
                    )?)
                })
                .collect()
        };
        let r = self.r;
        let pick = match self.pref {
            Preference::Past => candidates
                .iter()
                .filter(|c| c.0 <= r)
                .max_by_key(|c| c.0)
                .or(candidates.first()),
            Preference::Future => candidates
                .iter()
                .filter(|c| c.0 >= r)
                .min_by_key(|c| c.0)
                .or(candidates.last()),
            Preference::Nearest => candidates
                .iter()
                .min_by_key(|c| (c.0 - r).num_seconds().abs()),
        };
        let &(at, grain) = pick?;
        let at = trunc(at, grain)?;
        Some((Expr::One(Time::anchored(at, grain, "span_from")), end))
    }

    /// "negli ultimi 3 anni", "for eight years", "i prossimi 3 giorni": not dates.
    fn duration(&self, i: usize) -> Option<(Expr, usize)> {
        let (ctx, j) = self.lead(i);
        // "upcoming two weeks", "2 upcoming weeks"
        let upcoming = |k: usize| self.is(k, |s| s == Sem::Upcoming);
        let ahead = if upcoming(j) {
            self.number(j + 1)
                .and_then(|(n, k)| Some((n, self.unit(k)?, k + 1)))
        } else {
            self.number(j)
                .filter(|&(_, k)| upcoming(k))
                .and_then(|(n, k)| Some((n, self.unit(k + 1)?, k + 2)))
        };
        if let Some((n, g, e)) = ahead.filter(|&(n, _, _)| (1..=1000).contains(&n)) {
            return Some((Expr::Ahead(shift(trunc(self.r, g)?, g, n)?, g), e));
        }
        let before = self.modifier(j).filter(|&o| o != 0);
        let j = if before.is_some() { j + 1 } else { j };
        if before.is_some() && self.units(j) {
            let e = if self.modifier(j + 1).is_some() {
                j + 2
            } else {
                j + 1
            };
            return Some((Expr::Duration, e));
        }
        if self.units(j) && self.modifier(j + 1).is_some_and(|o| o != 0) {
            return Some((Expr::Duration, j + 2));
        }
        // "3 prochains jours", "2 dernières semaines"
        if before.is_none() {
            if let Some((n, k)) = self.number(j) {
                if let (Some(dir), Some(g)) =
                    (self.modifier(k).filter(|&o| o != 0), self.unit(k + 1))
                {
                    let base = trunc(self.r, g)?;
                    let (from, to) = if dir < 0 {
                        (shift(base, g, -n)?, base)
                    } else {
                        (shift(base, g, 1)?, shift(base, g, 1 + n)?)
                    };
                    return Some((Expr::Window(from, to, g), k + 2));
                }
            }
        }
        let (n, g, e) = self.span(j)?;
        if self.is(e, |s| matches!(s, Sem::Ago | Sem::Hence)) {
            return None;
        }
        let after = self.modifier(e).filter(|&o| o != 0);
        let e = if after.is_some() { e + 1 } else { e };
        match before.or(after) {
            Some(dir) if n > 0 => {
                let base = trunc(self.r, g)?;
                let (from, to) = if dir < 0 {
                    (shift(base, g, -n)?, base)
                } else {
                    (shift(base, g, 1)?, shift(base, g, 1 + n)?)
                };
                Some((Expr::Window(from, to, g), e))
            }
            _ => (ctx & DURING != 0).then_some((Expr::Duration, e)),
        }
    }

    fn interval(&self, i: usize, lead_time: Option<Time>) -> Option<(Expr, usize)> {
        let (ctx, j) = self.lead(i);
        let between =
            ctx & BETWEEN != 0 || (ctx & IN != 0 && self.lex.table.lang == crate::lang::Lang::It);
        let connects = |conn: usize| {
            let cp = self.prep(conn);
            self.punct(conn) == Some('-')
                || cp & TO != 0 && (cp & (ON | OF | AT) == 0 || ctx & (FROM | PAIR) != 0)
                || between && cp & AND != 0
        };
        let bare = self
            .bare_number(j)
            .filter(|&(_, e)| connects(e) || self.prep(e) & TO != 0 && self.prep(e) & OF == 0)
            .map(|(v, e)| (Err(v), e));
        let (a, ja) = match bare {
            Some(x) => x,
            None => self.end_part_after(i, j, ctx)?,
        };
        let conn = ja;
        // Two dates without a clock time: any "to" word joins them ("terceiro mês de 2017 a
        // nono mês de 2017"), even one that also means "at".
        let dated = |t: &Time| {
            t.spec.hour.is_none()
                && t.spec.pod.is_none()
                && (t.anchor.is_some_and(|(_, g)| g >= Grain::Day)
                    || t.spec.month.is_some()
                    || t.spec.year.is_some()
                    || t.spec.day.is_some() && t.spec.weekday.is_some())
        };
        // Or two clock times ("jeudi de 9h à 11h").
        let clock = |t: &Time| t.spec.hour.is_some();
        let dates = || {
            let both = |f: &dyn Fn(&Time) -> bool| {
                a.as_ref().is_ok_and(f)
                    && self
                        .end_part(conn)
                        .is_some_and(|(b, _)| b.as_ref().is_ok_and(f))
            };
            self.prep(conn) & TO != 0 && (both(&dated) || both(&clock))
        };
        let ok = connects(conn) || a.is_err() && self.prep(conn) & TO != 0 || dates();
        if !ok {
            // Open interval, maybe with a trailing day ("après 16h le 1er novembre").
            let open = |t: Time| -> Option<(Time, usize)> {
                let t = self.with_lead(t, lead_time)?;
                if t.spec.hour.is_some() && !t.spec.has_day_fields() && t.anchor.is_none() {
                    if let Some((c, e)) = self.seq(self.glue(ja)) {
                        if let Some(x) = intersect(&t, &c) {
                            return Some((x, e));
                        }
                    }
                }
                Some((t, ja))
            };
            if ctx & (FROM | AFTER) != 0 && ctx & IN == 0 {
                let (t, e) = open(a.ok()?)?;
                return Some((Expr::From(t), e));
            }
            if ctx & BEFORE != 0 || ctx & TO != 0 && ctx & (IN | AT | ON | OF | FROM) == 0 {
                let (t, e) = open(a.ok()?)?;
                return Some((Expr::Until(t), e));
            }
            return None;
        }
        let (bctx, _) = self.lead(conn);
        let (b, jb) = if self.punct(conn) == Some('-') {
            self.end_part(conn + 1)?
        } else {
            self.end_part(conn)?
        };
        let _ = bctx;
        if a.is_err() && ctx & (FROM | PAIR) == 0 && self.prep(conn) & AT != 0 {
            // "le 2 à 5h" is a day and a time, not an interval; "13 a 15 de julho" is one.
            if b.as_ref().is_ok_and(|b| b.spec.hour.is_some()) {
                return None;
            }
        }
        let at = (ctx | self.prep(conn)) & AT != 0;
        // "8am until 6": after a clock time, a bare day number is an hour.
        let bare_day = |t: &Time| {
            t.anchor.is_none()
                && t.spec.day.is_some_and(|d| d <= 24)
                && t.spec
                    == Spec {
                        day: t.spec.day,
                        ..Spec::default()
                    }
        };
        // After a part of the day ("Donnerstag Vormittag von 9 bis 11"): hours.
        let day_part = lead_time.is_some_and(|l| l.spec.pod.is_some() || l.spec.hour.is_some());
        let b = match (&a, b) {
            (Ok(a), Ok(b)) if a.spec.hour.is_some() && bare_day(&b) => {
                Err(b.spec.day.unwrap_or_default())
            }
            (Err(_), Ok(b)) if day_part && bare_day(&b) => Err(b.spec.day.unwrap_or_default()),
            (_, b) => b,
        };
        let (mut a, mut b) = match (a, b) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(n), Ok(b)) => (self.like(n, &b)?, b),
            (Ok(a), Err(n)) => {
                let b = self.like(n, &a)?;
                (a, b)
            }
            (Err(x), Err(y)) => {
                if at || day_part {
                    let (mut a, mut b) =
                        (self.hm(x, 0, "clock", true)?, self.hm(y, 0, "clock", true)?);
                    if day_part {
                        // Bare hours: at the hour.
                        a.spec.minute = None;
                        b.spec.minute = None;
                    }
                    (a, b)
                } else if ctx & (FROM | BETWEEN | PAIR) != 0 || between {
                    (
                        spec_time("day_of_month", |s| s.day = Some(x)),
                        spec_time("day_of_month", |s| s.day = Some(y)),
                    )
                } else {
                    // "9 - 11 giovedì": hours when a day follows.
                    let k = self.glue(jb);
                    let (c, _) = self.seq(k)?;
                    if !(c.spec.weekday.is_some() || c.anchor.is_some()) {
                        return None;
                    }
                    let mut a = self.hm(x, 0, "clock", true)?;
                    let mut b = self.hm(y, 0, "clock", true)?;
                    a.spec.minute = None;
                    b.spec.minute = None;
                    (a, b)
                }
            }
        };
        // "3:30 to 6 PM": both ends at the minute.
        if a.spec.minute.is_some() && b.spec.hour.is_some() && b.spec.minute.is_none() {
            b.spec.minute = Some(0);
        }
        if b.spec.minute.is_some() && a.spec.hour.is_some() && a.spec.minute.is_none() {
            a.spec.minute = Some(0);
        }
        // Bare years need a preposition or a dash between them.
        if a.spec
            == (Spec {
                year: a.spec.year,
                ..Spec::default()
            })
            && a.spec.year.is_some()
            && a.anchor.is_none()
            && ctx == 0
            && self.punct(conn) != Some('-')
        {
            return None;
        }
        // Trailing common part ("dalle 9 alle 11 di giovedì").
        let mut end = jb;
        let k = self.glue(jb);
        if let Some((c, e)) = self.seq(k) {
            if let (Some(a2), Some(b2)) = (intersect(&a, &c), intersect(&b, &c)) {
                a = a2;
                b = b2;
                end = e;
            }
        }
        // "de 11h30 à 1h30", "dalle tre all'una": an end before the start on the clock face
        // is in the afternoon.
        if let (Some(ha), Some(hb)) = (a.spec.hour, b.spec.hour) {
            if hb < ha && hb < 12 && hb + 12 > ha && a.anchor.is_none() && b.anchor.is_none() {
                b.spec.hour = Some(hb + 12);
                b.spec.ampm = false;
            }
        }
        fill(&mut a, &b);
        fill(&mut b, &a);
        let a = self.with_lead(a, lead_time)?;
        let b = self.with_lead(b, lead_time)?;
        Some((Expr::Between(a, b), end))
    }

    fn end_part_after(&self, i: usize, j: usize, ctx: u16) -> Option<(Result<Time, u32>, usize)> {
        let _ = i;
        if ctx == 0 {
            return self.end_part(j);
        }
        let t = self.piece_seq_with_ctx(j, ctx).map(|(t, e)| (Ok(t), e));
        let n = self.bare_number(j).map(|(v, e)| (Err(v), e));
        match (t, n) {
            (Some(t), Some(n)) => Some(if n.1 > t.1 { n } else { t }),
            (t, n) => t.or(n),
        }
    }

    fn piece_seq_with_ctx(&self, j: usize, ctx: u16) -> Option<(Time, usize)> {
        let (t, e) = self.piece(j, ctx)?;
        // Continue the sequence after the first piece.
        let mut t = t;
        let mut e = e;
        loop {
            let k = self.glue(e);
            match self
                .piece(k, 0)
                .and_then(|(p, pe)| intersect(&t, &p).map(|x| (x, pe)))
            {
                Some((x, pe)) if pe > e => {
                    t = x;
                    e = pe;
                }
                _ => break,
            }
        }
        Some((t, e))
    }

    fn with_lead(&self, t: Time, lead: Option<Time>) -> Option<Time> {
        match lead {
            Some(l) => intersect(&l, &t),
            None => Some(t),
        }
    }

    /// A bare number read like the other end of its interval.
    fn like(&self, n: u32, other: &Time) -> Option<Time> {
        let o = &other.spec;
        if o.hour.is_some() {
            let mut t = self.hm(n, 0, "clock", true)?;
            t.spec.minute = o.minute.map(|_| 0);
            return Some(t);
        }
        if o.day.is_some() && (1..=31).contains(&n) {
            return Some(spec_time("day_of_month", |s| {
                s.day = Some(n);
                s.month = o.month;
                s.year = o.year;
            }));
        }
        None
    }
}

/// Copies the date of `from` into `to` when `to` says only a time or only a day number.
fn fill(to: &mut Time, from: &Time) {
    let (t, f) = (&mut to.spec, &from.spec);
    if t.day.is_some() && t.month.is_none() && f.month.is_some() {
        t.month = f.month;
        if t.year.is_none() {
            t.year = f.year;
        }
    }
    if t.month.is_some() && t.year.is_none() && f.year.is_some() && f.month.is_some() {
        t.year = f.year;
    }
    let dateless =
        !t.has_day_fields() && t.month.is_none() && t.year.is_none() && to.anchor.is_none();
    if dateless && t.hour.is_some() {
        if from.anchor.is_some_and(|(_, g)| g >= Grain::Day) {
            to.anchor = from.anchor;
        }
        t.day = f.day;
        t.month = f.month;
        t.year = f.year;
        t.weekday = f.weekday;
        t.holiday = f.holiday;
    }
}
