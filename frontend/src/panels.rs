//! The details panel (what the chosen event is, when, and every source with its evidence)
//! and the figures (a small chart per organisation of valuation, headcount and revenue).
//! Built with plain DOM calls and text nodes only: article text is never parsed as HTML.

use crate::model::{self, Doc, Ev};
use dateline_api::EventKind;
use web_sys::{Document, Element};

const SVG: &str = "http://www.w3.org/2000/svg";

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

/// Appends `<tag class>` with `text` (when given) to `parent`.
fn add(
    d: &Document,
    parent: &Element,
    tag: &str,
    class: &str,
    text: Option<&str>,
) -> Option<Element> {
    let e = d.create_element(tag).ok()?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if let Some(t) = text {
        e.set_text_content(Some(t));
    }
    parent.append_child(&e).ok()?;
    Some(e)
}

fn add_text(d: &Document, parent: &Element, text: &str) {
    let _ = parent.append_child(&d.create_text_node(text));
}

fn set(e: &Element, k: &str, v: &str) {
    let _ = e.set_attribute(k, v);
}

/// Fills the details section for `ev` (or the hint when nothing is chosen).
pub fn details(section: &Element, doc: &Doc, ev: Option<&Ev>) {
    let Some(d) = document() else { return };
    section.set_text_content(None);
    let Some(ev) = ev else {
        if let Some(h) = add(&d, section, "h2", "", Some("Details")) {
            set(&h, "id", "details-h");
        }
        add(
            &d,
            section,
            "p",
            "hint",
            Some(
                "Choose an event on the timeline or in the list to see what happened and every source.",
            ),
        );
        return;
    };
    let Some(h) = add(&d, section, "h2", "", None) else {
        return;
    };
    for (k, v) in [
        ("id", "details-h"),
        ("data-event-id", &ev.id),
        ("data-kind", ev.kind.as_str()),
        ("data-date", &ev.date),
        ("data-persons", &ev.persons_attr),
    ] {
        set(&h, k, v);
    }
    if let Some(g) = add(
        &d,
        &h,
        "i",
        &["glyph k-", ev.kind.as_str()].concat(),
        Some(model::glyph(ev.kind)),
    ) {
        set(&g, "aria-hidden", "true");
    }
    add_text(&d, &h, &[" ", ev.kind.label(), ": ", &ev.who()].concat());

    let Some(dl) = add(&d, section, "dl", "", None) else {
        return;
    };
    let date = [
        model::date_words(ev),
        " (".into(),
        ev.precision.to_string(),
        if ev.approx { ", approximate)" } else { ")" }.into(),
    ]
    .concat();
    let rows = [
        ("Date", Some(date)),
        ("Kind", Some(ev.kind.label().to_string())),
        ("People", Some(ev.persons.join(", "))),
        ("Role", ev.role.clone()),
        ("Organisation", ev.org.clone()),
        (
            if ev.amount.is_some() {
                "Amount"
            } else {
                "Count"
            },
            model::figure(ev),
        ),
    ];
    for (k, v) in rows {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            add(&d, &dl, "dt", "", Some(k));
            if let Some(dd) = add(&d, &dl, "dd", "", None) {
                if k == "Date"
                    && let Some(t) = add(&d, &dd, "time", "", Some(&v))
                {
                    set(&t, "datetime", &ev.date);
                } else {
                    dd.set_text_content(Some(&v));
                }
            }
        }
    }

    add(&d, section, "h3", "", Some("Evidence and sources"));
    let mut keys: Vec<String> = Vec::new();
    for p in &ev.persons {
        keys.push(p.clone());
        keys.extend(
            p.split_whitespace()
                .filter(|w| w.len() > 2)
                .map(str::to_string),
        );
    }
    keys.extend(ev.org.iter().cloned());
    keys.extend(ev.role.iter().cloned());
    let Some(ol) = add(&d, section, "ol", "sources", None) else {
        return;
    };
    for s in &ev.sources {
        let Some(li) = add(&d, &ol, "li", "", None) else {
            continue;
        };
        if let Some(q) = add(&d, &li, "blockquote", "evidence", None) {
            for (piece, hit) in model::highlight(&s.text, &keys) {
                if hit {
                    add(&d, &q, "mark", "", Some(&piece));
                } else {
                    add_text(&d, &q, &piece);
                }
            }
        }
        let Some(p) = add(&d, &li, "p", "source", None) else {
            continue;
        };
        let article = s.article.and_then(|a| doc.articles.get(a));
        let title = article
            .and_then(|a| a.title.as_deref())
            .unwrap_or("Untitled article");
        match article.and_then(|a| a.url.as_deref()) {
            Some(href) => {
                if let Some(a) = add(&d, &p, "a", "", Some(title)) {
                    set(&a, "href", href);
                    set(&a, "rel", "noopener noreferrer");
                    set(&a, "target", "_blank");
                }
            }
            None => {
                add(&d, &p, "span", "title", Some(title));
            }
        }
        if let Some(a) = article {
            add_text(&d, &p, &[" · ", &a.published, " · ", &a.lang].concat());
            if let Some(c) = &a.credit {
                add(&d, &li, "p", "credit", Some(c));
            }
        }
    }
}

/// Valuation, headcount and revenue points (day, value) of one organisation.
type Series = [Vec<(f64, f64)>; 3];

/// Fills `host` with one small chart per organisation and metric among `shown`.
pub fn figures(host: &Element, doc: &Doc, shown: &[u32]) {
    let Some(d) = document() else { return };
    host.set_text_content(None);
    let mut orgs: Vec<(&str, Series)> = Vec::new();
    for &i in shown {
        let ev = &doc.events[i as usize];
        let (metric, value) = match ev.kind {
            EventKind::Valuation => (0, ev.amount.as_ref().map(|a| a.0)),
            EventKind::Headcount => (1, ev.count),
            EventKind::Revenue => (2, ev.amount.as_ref().map(|a| a.0)),
            _ => continue,
        };
        let (Some(org), Some(v)) = (ev.org.as_deref(), value) else {
            continue;
        };
        let at = match orgs.iter().position(|o| o.0 == org) {
            Some(p) => p,
            None => {
                orgs.push((org, Default::default()));
                orgs.len() - 1
            }
        };
        orgs[at].1[metric].push((ev.mid(), v));
    }
    if orgs.is_empty() {
        add(
            &d,
            host,
            "p",
            "hint",
            Some("No valuation, headcount or revenue among the filtered events."),
        );
        return;
    }
    orgs.sort_unstable_by_key(|o| std::cmp::Reverse(o.1.iter().map(Vec::len).sum::<usize>()));
    let more = orgs.len().saturating_sub(24);
    orgs.truncate(24);
    let Some(charts) = add(&d, host, "div", "charts", None) else {
        return;
    };
    for (org, metrics) in orgs {
        let Some(fig) = add(&d, &charts, "figure", "", None) else {
            continue;
        };
        add(&d, &fig, "figcaption", "", Some(org));
        for (pts, name) in metrics
            .into_iter()
            .zip(["Valuation", "Headcount", "Revenue"])
        {
            if !pts.is_empty() {
                chart(&d, &fig, org, name, pts);
            }
        }
    }
    if more > 0 {
        add(
            &d,
            host,
            "p",
            "hint",
            Some(
                &[
                    &more.to_string(),
                    " more organisations: filter to see them.",
                ]
                .concat(),
            ),
        );
    }
}

fn chart(d: &Document, fig: &Element, org: &str, name: &str, mut pts: Vec<(f64, f64)>) {
    pts.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
    let (t0, t1) = (pts[0].0, pts[pts.len() - 1].0);
    let (v0, v1) = pts
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
            (a.min(p.1), b.max(p.1))
        });
    let money = name != "Headcount";
    let fmt = |v: f64| {
        if money {
            model::money(v, "USD")
        } else {
            model::short_num(v)
        }
    };
    let x = |t: f64| 4 + ((t - t0) / (t1 - t0).max(1.0) * 152.0) as i64;
    let y = |v: f64| 40 - ((v - v0) / (v1 - v0).max(1.0) * 34.0) as i64;
    let last = pts[pts.len() - 1];
    let Some(box_) = add(d, fig, "div", "chart", None) else {
        return;
    };
    if let Some(m) = add(d, &box_, "span", "metric", Some(&[name, " "].concat())) {
        add(d, &m, "b", "", Some(&fmt(last.1)));
    }
    let label = [
        name,
        " of ",
        org,
        ": ",
        &pts.len().to_string(),
        " figures from ",
        &fmt(pts[0].1),
        " (",
        &model::iso_day(t0),
        ") to ",
        &fmt(last.1),
        " (",
        &model::iso_day(t1),
        "), lowest ",
        &fmt(v0),
        ", highest ",
        &fmt(v1),
    ]
    .concat();
    let Ok(svg) = d.create_element_ns(Some(SVG), "svg") else {
        return;
    };
    set(&svg, "viewBox", "0 0 160 44");
    set(&svg, "role", "img");
    set(&svg, "aria-label", &label);
    let points = pts
        .iter()
        .map(|p| [x(p.0).to_string(), ",".into(), y(p.1).to_string()].concat())
        .collect::<Vec<_>>()
        .join(" ");
    if let Ok(line) = d.create_element_ns(Some(SVG), "polyline") {
        for (k, v) in [
            ("points", points.as_str()),
            ("fill", "none"),
            ("stroke", "currentColor"),
            ("stroke-width", "1.5"),
        ] {
            set(&line, k, v);
        }
        let _ = svg.append_child(&line);
    }
    for p in &pts {
        if let Ok(c) = d.create_element_ns(Some(SVG), "circle") {
            set(&c, "cx", &x(p.0).to_string());
            set(&c, "cy", &y(p.1).to_string());
            set(&c, "r", "2");
            let _ = svg.append_child(&c);
        }
    }
    let _ = box_.append_child(&svg);
}
