//! How events from different articles become one timeline event: which events are the same
//! (kind and subjects, dates that contain each other or are close, figures that agree), and
//! what the merged event says (the most specific date, the others kept as alternatives,
//! each field from the best source, a curator's correction on top). Pure functions over
//! events: the store loads the sources and saves the result.

use dateline_api::{AlternativeDate, Event, EventDate, EventPatch, EventSource, TimelineEvent};
use dateline_core::slug;
use std::collections::BTreeSet;

/// Events of the same kind and subject whose dates are at most this many days apart (and
/// neither contains the other) are one event reported with conflicting dates.
pub const MERGE_WINDOW_DAYS: i64 = 31;

/// How two dates reported for events of the same kind and subject relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DateRelation {
    /// One contains the other (`2024-09` and `2024-09-26`): the same date, told less or more
    /// precisely.
    Compatible,
    /// Neither contains the other but they are close: the same event, conflicting dates.
    Conflicting(i64),
    /// Too far apart to be the same event.
    Apart,
}

/// How two dates relate: [`DateRelation`].
pub(super) fn relation(a: &EventDate, b: &EventDate) -> DateRelation {
    match (a.days(), b.days()) {
        (Some((a0, a1)), Some((b0, b1))) => {
            if (a0 <= b0 && b1 <= a1) || (b0 <= a0 && a1 <= b1) {
                DateRelation::Compatible
            } else {
                let gap = if a1 < b0 {
                    b0.number() - a1.number()
                } else {
                    a0.number() - b1.number()
                };
                if gap <= MERGE_WINDOW_DAYS {
                    DateRelation::Conflicting(gap.max(0))
                } else {
                    DateRelation::Apart
                }
            }
        }
        _ if a.value == b.value => DateRelation::Compatible,
        _ => DateRelation::Apart,
    }
}

/// The key under which events from different articles may be one real event: the kind and
/// its subjects (people by slug; for company events the organisation, and for an
/// acquisition the company bought too).
pub fn merge_key(e: &Event) -> String {
    let subject = if e.persons.is_empty() {
        let org = e.org.as_deref().map(slug).unwrap_or_default();
        match e.target.as_deref() {
            Some(target) => format!("{org}>{}", slug(target)),
            None => org,
        }
    } else {
        let people: BTreeSet<String> = e.persons.iter().map(|p| slug(p)).collect();
        people.into_iter().collect::<Vec<_>>().join("+")
    };
    format!("{}|{subject}", e.kind.as_str())
}

/// Whether two figures are the same within 5%.
fn close(x: f64, y: f64) -> bool {
    let m = x.abs().max(y.abs());
    m == 0.0 || (x - y).abs() / m <= 0.05
}

/// Whether the money and counts of two events can be the same figure.
fn figures_agree(a: &Event, b: &Event) -> bool {
    let amounts = match (&a.amount, &b.amount) {
        (Some(x), Some(y)) => x.currency == y.currency && close(x.value, y.value),
        _ => true,
    };
    let counts = match (a.count, b.count) {
        (Some(x), Some(y)) => close(x as f64, y as f64),
        _ => true,
    };
    amounts && counts
}

/// How far `e` is from a group of sources (0 for a compatible date), or `None` when it is a
/// different event.
pub(super) fn distance(e: &Event, sources: &[Event]) -> Option<i64> {
    sources
        .iter()
        .filter(|s| figures_agree(e, s))
        .filter_map(|s| match relation(&e.date, &s.date) {
            DateRelation::Compatible => Some(0),
            DateRelation::Conflicting(gap) => Some(gap + 1),
            DateRelation::Apart => None,
        })
        .min()
}

/// One article's event merged into a timeline event.
#[derive(Debug, Clone)]
pub(super) struct Source {
    /// The article's id.
    pub(super) article: String,
    /// The event as that article gives it.
    pub(super) event: Event,
    /// Whether the article is a curator's import (its events win).
    pub(super) curated: bool,
}

/// One timeline event from its sources (in ingest order) and its correction. When curated
/// sources are among them, they alone decide the date and the fields they give; the
/// articles' other dates are kept as alternatives.
pub(super) fn merge_sources(
    id: &str,
    sources: &[Source],
    patch: Option<&EventPatch>,
) -> Option<TimelineEvent> {
    let curated = sources.iter().any(|s| s.curated);
    // The sources that decide: the curated ones when there are any.
    let deciding: Vec<&Source> = sources.iter().filter(|s| s.curated || !curated).collect();
    let first = &deciding.first()?.event;
    // The most specific date wins; among equals, the one most sources agree with, then the
    // first reported.
    let support = |d: &EventDate| {
        sources
            .iter()
            .filter(|s| relation(d, &s.event.date) == DateRelation::Compatible)
            .count()
    };
    let mut best = first;
    let mut best_support = support(&first.date);
    for s in &deciding[1..] {
        let s = &s.event;
        let rank = |d: &EventDate| (d.precision.rank(), d.approx);
        let sup = support(&s.date);
        if rank(&s.date) < rank(&best.date)
            || (rank(&s.date) == rank(&best.date) && sup > best_support)
        {
            best = s;
            best_support = sup;
        }
    }
    let mut alternatives: Vec<AlternativeDate> = Vec::new();
    for Source {
        article, event: s, ..
    } in sources
    {
        if relation(&s.date, &best.date) == DateRelation::Compatible {
            continue;
        }
        match alternatives.iter_mut().find(|a| a.date == s.date) {
            Some(a) => {
                if !a.article_ids.contains(article) {
                    a.article_ids.push(article.clone());
                }
            }
            None => alternatives.push(AlternativeDate {
                date: s.date.clone(),
                article_ids: vec![article.clone()],
            }),
        }
    }
    // A field comes from the best source, else the first deciding source that gives it,
    // else (for fields no curated source gives) the first article that does.
    let pick = |f: &dyn Fn(&Event) -> bool| -> &Event {
        if f(best) {
            best
        } else {
            deciding
                .iter()
                .map(|s| &s.event)
                .chain(sources.iter().map(|s| &s.event))
                .find(|s| f(s))
                .unwrap_or(best)
        }
    };
    let persons = deciding
        .iter()
        .copied()
        .chain(sources.iter())
        .map(|s| &s.event.persons)
        .find(|p| !p.is_empty())
        .cloned()
        .unwrap_or_default();
    let mut event = TimelineEvent {
        id: id.to_string(),
        kind: first.kind,
        date: best.date.clone(),
        person_ids: persons.iter().map(|p| slug(p)).collect(),
        persons,
        org: pick(&|s| s.org.is_some()).org.clone(),
        target: pick(&|s| s.target.is_some()).target.clone(),
        role: pick(&|s| s.role.is_some()).role.clone(),
        amount: pick(&|s| s.amount.is_some()).amount.clone(),
        count: pick(&|s| s.count.is_some()).count,
        sources: sources
            .iter()
            .map(|s| EventSource {
                article_id: s.article.clone(),
                evidence: s.event.evidence.clone(),
                date: Some(s.event.date.clone()),
            })
            .collect(),
        alternative_dates: alternatives,
        corrected: false,
        curated,
        hidden: false,
    };
    if let Some(p) = patch {
        if let Some(d) = &p.date {
            event.date = d.clone();
        }
        if let Some(k) = p.kind {
            event.kind = k;
        }
        if let Some(persons) = &p.persons {
            event.person_ids = persons.iter().map(|n| slug(n)).collect();
            event.persons = persons.clone();
        }
        for (field, value) in [(&mut event.role, &p.role), (&mut event.org, &p.org)] {
            if let Some(v) = value {
                *field = Some(v.clone()).filter(|v| !v.is_empty());
            }
        }
        if let Some(a) = &p.amount {
            event.amount = Some(a.clone());
        }
        if let Some(c) = p.count {
            event.count = Some(c);
        }
        event.hidden = p.hidden.unwrap_or(false);
        event.corrected = p != &EventPatch::default();
    }
    Some(event)
}

#[cfg(test)]
mod tests {
    //! The merge rules on plain events: no SQLite.

    use super::*;
    use dateline_api::{Amount, Precision};

    fn date(value: &str, precision: Precision, approx: bool) -> EventDate {
        EventDate {
            value: value.into(),
            precision,
            approx,
        }
    }

    /// Built through JSON so that fields other crates add (with defaults) need no edit here.
    fn event(kind: &str, persons: &[&str], d: EventDate) -> Event {
        serde_json::from_value(serde_json::json!({
            "id": format!("{kind}-{}", d.value),
            "kind": kind,
            "date": d,
            "persons": persons,
            "org": "Acme",
            "role": null,
            "amount": null,
            "count": null,
            "confidence": 0.8,
            "evidence": {"text": format!("said on {}", d.value), "start": 0, "end": 1},
        }))
        .unwrap()
    }

    fn source(article: &str, event: Event, curated: bool) -> Source {
        Source {
            article: article.into(),
            event,
            curated,
        }
    }

    fn day(value: &str) -> EventDate {
        date(value, Precision::Day, false)
    }

    #[test]
    fn dates_that_contain_each_other_are_compatible_and_close_ones_conflict() {
        let month = date("2024-09", Precision::Month, false);
        assert_eq!(
            relation(&month, &day("2024-09-26")),
            DateRelation::Compatible
        );
        assert_eq!(
            relation(&day("2024-09-26"), &month),
            DateRelation::Compatible
        );
        let quarter = date("2024-07", Precision::Quarter, true);
        assert_eq!(relation(&quarter, &month), DateRelation::Compatible);
        assert_eq!(
            relation(&day("2024-09-26"), &day("2024-10-20")),
            DateRelation::Conflicting(24)
        );
        // The window counts days between the periods: October is 31 days after 30 September.
        assert_eq!(
            relation(&day("2024-09-30"), &day("2024-10-31")),
            DateRelation::Conflicting(MERGE_WINDOW_DAYS)
        );
        assert_eq!(
            relation(&day("2024-09-30"), &day("2024-11-01")),
            DateRelation::Apart
        );
        // Not dates: the same text is the same date, anything else is apart.
        let bad = date("2024-13", Precision::Month, false);
        assert_eq!(relation(&bad, &bad.clone()), DateRelation::Compatible);
        assert_eq!(relation(&bad, &month), DateRelation::Apart);
    }

    #[test]
    fn the_merge_key_is_the_kind_and_the_subjects_in_any_order() {
        let d = day("2024-09-26");
        let a = event("resignation", &["Mira Murati", "Bob McGrew"], d.clone());
        let b = event("resignation", &["Bob McGrew", "Mira Murati"], d.clone());
        assert_eq!(merge_key(&a), "resignation|bob-mcgrew+mira-murati");
        assert_eq!(merge_key(&a), merge_key(&b));
        let mut buy = event("acquisition", &[], d);
        buy.target = Some("Velia Labs".into());
        assert_eq!(merge_key(&buy), "acquisition|acme>velia-labs");
    }

    #[test]
    fn figures_more_than_five_percent_apart_are_other_events() {
        let d = day("2024-09-26");
        let money = |v: f64| {
            let mut e = event("funding", &[], d.clone());
            e.amount = Some(Amount {
                value: v,
                currency: "USD".into(),
            });
            e
        };
        let sources = [money(100.0)];
        assert_eq!(distance(&money(104.0), &sources), Some(0));
        assert_eq!(distance(&money(110.0), &sources), None);
        let mut euros = money(100.0);
        euros.amount.as_mut().unwrap().currency = "EUR".into();
        assert_eq!(distance(&euros, &sources), None);
        let later = event("funding", &[], day("2024-10-06"));
        assert_eq!(distance(&later, &[event("funding", &[], d)]), Some(11));
    }

    #[test]
    fn the_finest_date_wins_and_the_others_are_kept_as_alternatives() {
        let ann = |d| event("resignation", &["Ann Lee"], d);
        let sources = [
            source("a", ann(date("2024-09", Precision::Month, false)), false),
            source("b", ann(day("2024-09-26")), false),
            source("c", ann(day("2024-10-03")), false),
        ];
        let e = merge_sources("x", &sources, None).unwrap();
        assert_eq!(e.date, day("2024-09-26"));
        assert_eq!(e.person_ids, ["ann-lee"]);
        assert_eq!(e.sources.len(), 3);
        assert_eq!(e.alternative_dates.len(), 1);
        assert_eq!(e.alternative_dates[0].date, day("2024-10-03"));
        assert_eq!(e.alternative_dates[0].article_ids, ["c"]);
        assert!(!e.curated && !e.corrected && !e.hidden);
    }

    #[test]
    fn a_curated_source_decides_and_a_correction_goes_on_top() {
        let ann = |d| event("resignation", &["Ann Lee"], d);
        let sources = [
            source("a", ann(day("2024-09-26")), false),
            source(
                "curator",
                ann(date("2024-09", Precision::Month, false)),
                true,
            ),
        ];
        let e = merge_sources("x", &sources, None).unwrap();
        assert_eq!(e.date, date("2024-09", Precision::Month, false));
        assert!(e.curated);
        let patch = EventPatch {
            date: Some(day("2024-09-20")),
            persons: Some(vec!["Ann B. Lee".into()]),
            hidden: Some(true),
            ..EventPatch::default()
        };
        let e = merge_sources("x", &sources, Some(&patch)).unwrap();
        assert_eq!(e.date, day("2024-09-20"));
        assert_eq!(e.person_ids, ["ann-b-lee"]);
        assert!(e.corrected && e.hidden);
        assert!(merge_sources("x", &[], None).is_none());
    }
}
