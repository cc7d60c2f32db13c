//! The list view: the same filtered events as a table in date order, for reading, for the
//! keyboard and for screen readers. Long lists render only the rows in the scrolled window
//! (rows have a fixed height), short ones render every row.

use crate::model::{self, Doc};
use crate::plot::listen;
use leptos::prelude::{RwSignal, Set as _};
use std::cell::RefCell;
use wasm_bindgen::JsCast as _;
use web_sys::{Element, Event, HtmlElement, KeyboardEvent};

const ROW_H: f64 = 30.0;
const ALL_ROWS: usize = 300;

struct List {
    doc: &'static Doc,
    shown: Vec<u32>,
    selected: Option<u32>,
    scroller: HtmlElement,
    body: Element,
    sel_signal: RwSignal<Option<u32>>,
    pending: bool,
}

thread_local! {
    static LIST: RefCell<Option<List>> = const { RefCell::new(None) };
}

fn with<R>(f: impl FnOnce(&mut List) -> R) -> Option<R> {
    LIST.with(|l| l.try_borrow_mut().ok()?.as_mut().map(f))
}

/// Sets up the table body inside `scroller` (which holds a `<table>` with a `<tbody>`).
pub fn mount(scroller: HtmlElement, doc: &'static Doc, sel_signal: RwSignal<Option<u32>>) {
    if LIST.with(|l| l.borrow().is_some()) {
        return;
    }
    let Ok(Some(body)) = scroller.query_selector("tbody") else {
        return;
    };
    listen(&scroller, "scroll", true, |_| {
        let ask = with(|l| !std::mem::replace(&mut l.pending, true)).unwrap_or(false);
        if ask {
            let cb = wasm_bindgen::closure::Closure::once_into_js(|| {
                with(|l| {
                    l.pending = false;
                    l.draw();
                });
            });
            if let Some(w) = web_sys::window() {
                let _ = w.request_animation_frame(cb.unchecked_ref());
            }
        }
    });
    listen(&body, "click", true, |e| {
        if let Some(i) = row_idx(&e) {
            choose(i, false);
        }
    });
    listen(&body, "keydown", false, on_key);
    LIST.with(|l| {
        *l.borrow_mut() = Some(List {
            doc,
            shown: Vec::new(),
            selected: None,
            scroller,
            body,
            sel_signal,
            pending: false,
        });
    });
}

fn row_idx(e: &Event) -> Option<u32> {
    let t = e.target()?.dyn_into::<Element>().ok()?;
    t.closest("tr[data-idx]")
        .ok()??
        .get_attribute("data-idx")?
        .parse()
        .ok()
}

fn on_key(e: Event) {
    let Some(k) = e.dyn_ref::<KeyboardEvent>() else {
        return;
    };
    let key = k.key();
    let d: i64 = match key.as_str() {
        "ArrowDown" | "ArrowRight" => 1,
        "ArrowUp" | "ArrowLeft" => -1,
        "Home" => -(1 << 40),
        "End" => 1 << 40,
        "PageDown" => 10,
        "PageUp" => -10,
        _ => return,
    };
    e.prevent_default();
    let current = row_idx(&e);
    let next = with(|l| {
        let n = l.shown.len() as i64;
        let at = current
            .or(l.selected)
            .and_then(|c| l.shown.iter().position(|&i| i == c))
            .map_or(-1, |p| p as i64);
        let k = (at + d).clamp(0, (n - 1).max(0));
        l.shown.get(k as usize).copied()
    })
    .flatten();
    if let Some(i) = next {
        choose(i, true);
    }
}

fn choose(idx: u32, focus: bool) {
    let s = with(|l| {
        l.selected = Some(idx);
        l.reveal();
        l.draw();
        if focus {
            l.focus_selected();
        }
        l.sel_signal
    });
    if let Some(s) = s {
        s.set(Some(idx));
    }
}

/// Lists `doc` from now on (an edit or a new article replaced the document) with `selected`
/// (an index into it) chosen; the caller
/// then gives its shown events with [`set_shown`].
pub fn set_doc(doc: &'static Doc, selected: Option<u32>) {
    with(|l| {
        if !std::ptr::eq(l.doc, doc) {
            l.doc = doc;
            l.selected = selected;
        }
    });
}

/// Shows these events (document indices, in date order).
pub fn set_shown(shown: &[u32]) {
    with(|l| {
        l.shown = shown.to_vec();
        l.scroller.set_scroll_top(0);
        // Known to be at the top: no need to ask the page (which would lay it out now,
        // before the first paint, while the timeline above has just changed).
        l.draw_at(Some(0.0));
    });
}

/// Highlights an event's row and scrolls it into view.
pub fn set_selected(sel: Option<u32>) {
    with(|l| {
        if l.selected != sel {
            l.selected = sel;
            l.reveal();
            l.draw();
        }
    });
}

impl List {
    fn virtual_rows(&self) -> bool {
        self.shown.len() > ALL_ROWS
    }

    fn reveal(&mut self) {
        let Some(pos) = self
            .selected
            .and_then(|s| self.shown.iter().position(|&i| i == s))
        else {
            return;
        };
        let top = pos as f64 * ROW_H;
        let st = f64::from(self.scroller.scroll_top());
        let h = f64::from(self.scroller.client_height()) - 2.0 * ROW_H;
        if top < st || top > st + h {
            self.scroller
                .set_scroll_top((top - h / 2.0).max(0.0) as i32);
        }
    }

    fn focus_selected(&self) {
        let Some(s) = self.selected else { return };
        let sel = ["tr[data-idx=\"", &s.to_string(), "\"]"].concat();
        if let Ok(Some(e)) = self.body.query_selector(&sel)
            && let Ok(h) = e.dyn_into::<HtmlElement>()
        {
            let _ = h.focus();
        }
    }

    fn draw(&mut self) {
        self.draw_at(None);
    }

    /// Draws the rows in view; `scroll_top` when the caller knows it. The rows drawn cover
    /// the window's height (a bound on the list's visible part that needs no layout).
    fn draw_at(&mut self, scroll_top: Option<f64>) {
        let Some(w) = web_sys::window() else {
            return;
        };
        let Some(d) = w.document() else {
            return;
        };
        let n = self.shown.len();
        let (first, last) = if self.virtual_rows() {
            let st = scroll_top.unwrap_or_else(|| f64::from(self.scroller.scroll_top()));
            let h = w
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0)
                .max(ROW_H * 10.0);
            let first = ((st / ROW_H) as usize).saturating_sub(10).min(n);
            (first, ((((st + h) / ROW_H) as usize) + 10).min(n))
        } else {
            (0, n)
        };
        let focused = d
            .active_element()
            .is_some_and(|a| self.body.contains(Some(&a)));
        let frag = d.create_document_fragment();
        let spacer = |rows: usize| {
            let tr = d.create_element("tr").ok()?;
            tr.set_class_name("spacer");
            let _ = tr.set_attribute("aria-hidden", "true");
            let _ = tr.set_attribute(
                "style",
                &["height:", &((rows as f64 * ROW_H) as i64).to_string(), "px"].concat(),
            );
            Some(tr)
        };
        if first > 0
            && let Some(tr) = spacer(first)
        {
            let _ = frag.append_child(&tr);
        }
        let focus_row = self.selected.filter(|_| focused);
        for (pos, &i) in self.shown.iter().enumerate().take(last).skip(first) {
            let ev = &self.doc.events[i as usize];
            let Ok(tr) = d.create_element("tr") else {
                continue;
            };
            let attrs = [
                ("data-event-id", ev.id.as_str()),
                ("data-kind", ev.kind.as_str()),
                ("data-date", ev.date.as_str()),
                ("data-persons", ev.persons_attr.as_str()),
                ("data-idx", &i.to_string()),
                ("aria-rowindex", &(pos + 2).to_string()),
                (
                    "tabindex",
                    if Some(i) == self.selected || (self.selected.is_none() && pos == 0) {
                        "0"
                    } else {
                        "-1"
                    },
                ),
            ];
            for (k, v) in attrs {
                let _ = tr.set_attribute(k, v);
            }
            if Some(i) == self.selected {
                let _ = tr.set_attribute("aria-selected", "true");
            }
            let class = match (Some(i) == self.selected, ev.fresh) {
                (true, true) => "sel fresh",
                (true, false) => "sel",
                (false, true) => "fresh",
                (false, false) => "",
            };
            if !class.is_empty() {
                tr.set_class_name(class);
            }
            // A company event's organisation is already its "who".
            let org = ev.org.as_deref().filter(|_| !ev.persons.is_empty());
            let org_role = [ev.role.as_deref(), org]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
            let kind = [model::glyph(ev.kind), " ", ev.kind.label()].concat();
            let cells = [
                model::date_words(ev),
                kind,
                ev.who(),
                org_role,
                model::figure(ev).unwrap_or_default(),
            ];
            for text in cells {
                if let Ok(td) = d.create_element("td") {
                    td.set_text_content(Some(&text));
                    let _ = tr.append_child(&td);
                }
            }
            let _ = frag.append_child(&tr);
        }
        if last < n
            && let Some(tr) = spacer(n - last)
        {
            let _ = frag.append_child(&tr);
        }
        self.body.replace_children_with_node_1(&frag);
        if let Some(table) = self.body.parent_element() {
            let _ = table.set_attribute("aria-rowcount", &(n + 1).to_string());
        }
        if focus_row.is_some() {
            self.focus_selected();
        }
    }
}
