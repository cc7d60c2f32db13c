//! The timeline itself: a horizontal time axis with lanes, drawn straight into the DOM.
//!
//! Only what is visible is drawn: the lanes in the scrolled window, the events in the time
//! window, and dense stretches as one cluster per 16-pixel bucket (buckets are fixed in
//! absolute time, so panning does not reshuffle them). Each redraw builds a few hundred
//! elements at most, whatever the number of events, and runs once per animation frame.
//! Leptos owns the controls around it; this module owns the drawing and its input handling.

use crate::model::{self, Doc, Ev, civil_from_days, days_from_civil, mon};
use leptos::prelude::{GetUntracked as _, RwSignal, Set as _};
use std::cell::RefCell;
use wasm_bindgen::JsCast as _;
use wasm_bindgen::prelude::Closure;
use web_sys::{Document, Element, Event, HtmlElement, KeyboardEvent, PointerEvent, WheelEvent};

const LANE_H: f64 = 48.0;
const BUCKET: f64 = 16.0;
const MIN_SPAN: f64 = 2.0;
const MAX_SPAN: f64 = 366.0 * 300.0;
/// The most a character of a marker's label (11 px, `.m span` in `style.css`) is taken to
/// need when fitting: 0.62 em, wider than the average letter of common sans-serif faces
/// (5.8 px measured in Chromium's default one), so that labels are not cut off.
const LABEL_CHAR_PX: f64 = 11.0 * 0.62;

struct LaneView {
    lane: u32,
    /// Events, sorted by their middle.
    evs: Vec<u32>,
    mids: Vec<f64>,
}

struct Plot {
    doc: &'static Doc,
    shown: Vec<u32>,
    lanes: Vec<LaneView>,
    t0: f64,
    t1: f64,
    selected: Option<u32>,
    tenure: bool,
    root: HtmlElement,
    grid: Element,
    scroller: HtmlElement,
    inner: HtmlElement,
    sel_signal: RwSignal<Option<u32>>,
    range_signal: RwSignal<String>,
    pointers: Vec<(i32, f64)>,
    moved: f64,
    suppress_click: bool,
    pending: bool,
    ready: bool,
}

thread_local! {
    static PLOT: RefCell<Option<Plot>> = const { RefCell::new(None) };
    static FRAME: RefCell<Option<Closure<dyn FnMut()>>> = const { RefCell::new(None) };
}

fn with<R>(f: impl FnOnce(&mut Plot) -> R) -> Option<R> {
    PLOT.with(|p| p.try_borrow_mut().ok()?.as_mut().map(f))
}

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

fn el(doc: &Document, tag: &str, class: &str) -> Option<Element> {
    let e = doc.create_element(tag).ok()?;
    e.set_class_name(class);
    Some(e)
}

fn px(v: f64) -> String {
    let mut s = (v.round() as i64).to_string();
    s.push_str("px");
    s
}

fn set(e: &Element, name: &str, value: &str) {
    let _ = e.set_attribute(name, value);
}

/// Adds an event listener for the page's lifetime.
pub fn listen(
    target: &web_sys::EventTarget,
    name: &str,
    passive: bool,
    f: impl FnMut(Event) + 'static,
) {
    let cb = Closure::<dyn FnMut(Event)>::new(f);
    let opts = web_sys::AddEventListenerOptions::new();
    opts.set_passive(passive);
    let _ = target.add_event_listener_with_callback_and_add_event_listener_options(
        name,
        cb.as_ref().unchecked_ref(),
        &opts,
    );
    cb.forget();
}

/// Sets up the drawing inside `root` (once) and its input handlers.
pub fn mount(
    root: HtmlElement,
    doc: &'static Doc,
    sel_signal: RwSignal<Option<u32>>,
    range_signal: RwSignal<String>,
) {
    if PLOT.with(|p| p.borrow().is_some()) {
        return;
    }
    let Some(d) = document() else { return };
    let (Some(grid), Some(scroller), Some(inner)) = (
        el(&d, "div", "grid"),
        el(&d, "div", "lanes"),
        el(&d, "div", "inner"),
    ) else {
        return;
    };
    set(&grid, "aria-hidden", "true");
    let _ = scroller.append_child(&inner);
    let _ = root.append_child(&grid);
    let _ = root.append_child(&scroller);
    let (Ok(scroller), Ok(inner)) = (
        scroller.dyn_into::<HtmlElement>(),
        inner.dyn_into::<HtmlElement>(),
    ) else {
        return;
    };
    listen(&root, "wheel", false, on_wheel);
    listen(&root, "pointerdown", true, on_pointer_down);
    listen(&root, "pointermove", true, on_pointer_move);
    listen(&root, "pointerup", true, on_pointer_up);
    listen(&root, "pointercancel", true, on_pointer_up);
    listen(&root, "click", true, on_click);
    listen(&root, "keydown", false, on_key);
    listen(&scroller, "scroll", true, |_| schedule());
    if let Some(w) = web_sys::window() {
        listen(&w, "resize", true, |_| schedule());
    }
    FRAME.with(|f| {
        *f.borrow_mut() = Some(Closure::new(|| {
            with(|p| {
                p.pending = false;
                p.draw();
            });
        }));
    });
    PLOT.with(|p| {
        *p.borrow_mut() = Some(Plot {
            doc,
            shown: Vec::new(),
            lanes: Vec::new(),
            t0: doc.range.0,
            t1: doc.range.1,
            selected: None,
            tenure: true,
            root,
            grid,
            scroller,
            inner,
            sel_signal,
            range_signal,
            pointers: Vec::new(),
            moved: 0.0,
            suppress_click: false,
            pending: false,
            ready: false,
        });
    });
}

/// Redraws on the next animation frame (once, however often it is asked).
fn schedule() {
    let ask = with(|p| !std::mem::replace(&mut p.pending, true)).unwrap_or(false);
    if ask {
        FRAME.with(|f| {
            if let (Some(w), Some(cb)) = (web_sys::window(), f.borrow().as_ref()) {
                let _ = w.request_animation_frame(cb.as_ref().unchecked_ref());
            }
        });
    }
}

/// Draws `doc` from now on (an edit or a new article replaced the document) with `selected`
/// (an index into it) chosen; the caller
/// then gives its shown events with [`set_shown`].
pub fn set_doc(doc: &'static Doc, selected: Option<u32>) {
    with(|p| {
        if !std::ptr::eq(p.doc, doc) {
            p.doc = doc;
            p.selected = selected;
        }
    });
}

/// Shows these events (indices into the document, in date order): rebuilds the lanes and
/// fits the view to them.
pub fn set_shown(shown: &[u32]) {
    with(|p| {
        p.shown = shown.to_vec();
        let mut per_lane: Vec<Vec<u32>> = vec![Vec::new(); p.doc.lanes.len()];
        for &i in shown {
            for &l in &p.doc.events[i as usize].lanes {
                if let Some(v) = per_lane.get_mut(l as usize) {
                    v.push(i);
                }
            }
        }
        let doc = p.doc;
        p.lanes = per_lane
            .into_iter()
            .enumerate()
            .filter(|(_, v)| !v.is_empty())
            .map(|(lane, mut evs)| {
                evs.sort_unstable_by(|a, b| {
                    doc.events[*a as usize]
                        .mid()
                        .total_cmp(&doc.events[*b as usize].mid())
                });
                let mids = evs.iter().map(|&i| doc.events[i as usize].mid()).collect();
                LaneView {
                    lane: lane as u32,
                    evs,
                    mids,
                }
            })
            .collect();
        p.scroller.set_scroll_top(0);
        p.fit();
        p.draw();
    });
}

/// Highlights an event (and brings it into view); `focus` moves the keyboard focus to it.
pub fn set_selected(sel: Option<u32>, focus: bool) {
    with(|p| {
        if p.selected == sel && !focus {
            return;
        }
        p.selected = sel;
        p.reveal();
        p.draw();
        if focus {
            p.focus_selected();
        }
    });
}

/// Shows or hides the tenure bars.
pub fn set_tenure(on: bool) {
    with(|p| {
        p.tenure = on;
    });
    schedule();
}

/// Zooms by `factor` (below 1 zooms in) around the middle.
pub fn zoom(factor: f64) {
    with(|p| p.zoom_at(factor, 0.5));
    schedule();
}

/// Pans by a fraction of the visible span (negative: back in time).
pub fn pan(fraction: f64) {
    with(|p| {
        let d = (p.t1 - p.t0) * fraction;
        p.t0 += d;
        p.t1 += d;
    });
    schedule();
}

/// Fits the view to every shown event.
pub fn fit_all() {
    with(Plot::fit);
    schedule();
}

fn event_target_el(e: &Event) -> Option<Element> {
    e.target()?.dyn_into::<Element>().ok()
}

fn closest_idx(e: &Event) -> Option<u32> {
    let t = event_target_el(e)?.closest("[data-idx]").ok()??;
    t.get_attribute("data-idx")?.parse().ok()
}

fn on_wheel(e: Event) {
    let Some(w) = e.dyn_ref::<WheelEvent>() else {
        return;
    };
    e.prevent_default();
    let (dx, dy) = (w.delta_x(), w.delta_y());
    let x = f64::from(w.client_x());
    with(|p| {
        if w.shift_key() {
            p.scroller
                .set_scroll_top(p.scroller.scroll_top() + dy as i32);
        } else if dx.abs() > dy.abs() {
            let width = f64::from(p.root.client_width()).max(1.0);
            let d = dx / width * (p.t1 - p.t0);
            p.t0 += d;
            p.t1 += d;
        } else {
            let rect = p.root.get_bounding_client_rect();
            let f = ((x - rect.left()) / rect.width().max(1.0)).clamp(0.0, 1.0);
            p.zoom_at((dy * 0.002).clamp(-0.5, 0.5).exp(), f);
        }
    });
    schedule();
}

fn on_pointer_down(e: Event) {
    let Some(pe) = e.dyn_ref::<PointerEvent>() else {
        return;
    };
    if pe.button() != 0 && pe.pointer_type() == "mouse" {
        return;
    }
    let (id, x) = (pe.pointer_id(), f64::from(pe.client_x()));
    with(|p| {
        p.pointers.retain(|(i, _)| *i != id);
        p.pointers.push((id, x));
        if p.pointers.len() == 1 {
            p.moved = 0.0;
        }
    });
}

fn on_pointer_move(e: Event) {
    let Some(pe) = e.dyn_ref::<PointerEvent>() else {
        return;
    };
    let (id, x) = (pe.pointer_id(), f64::from(pe.client_x()));
    let changed = with(|p| {
        let Some(k) = p.pointers.iter().position(|(i, _)| *i == id) else {
            return false;
        };
        let old = p.pointers[k].1;
        let width = f64::from(p.root.client_width()).max(1.0);
        let rect = p.root.get_bounding_client_rect();
        if p.pointers.len() >= 2 {
            let other = p.pointers[1 - k.min(1)].1;
            let (before, after) = ((old - other).abs(), (x - other).abs());
            p.pointers[k].1 = x;
            if before > 4.0 && after > 4.0 {
                let mid = ((x + other) / 2.0 - rect.left()) / width;
                p.zoom_at(before / after, mid.clamp(0.0, 1.0));
            }
            p.moved += 10.0;
            return true;
        }
        p.pointers[k].1 = x;
        p.moved += (x - old).abs();
        if p.moved > 4.0 {
            let _ = p.root.set_pointer_capture(id);
            let d = (old - x) / width * (p.t1 - p.t0);
            p.t0 += d;
            p.t1 += d;
            return true;
        }
        false
    });
    if changed == Some(true) {
        schedule();
    }
}

fn on_pointer_up(e: Event) {
    let Some(pe) = e.dyn_ref::<PointerEvent>() else {
        return;
    };
    let id = pe.pointer_id();
    with(|p| {
        p.pointers.retain(|(i, _)| *i != id);
        if p.moved > 4.0 {
            p.suppress_click = true;
        }
    });
}

fn on_click(e: Event) {
    if with(|p| std::mem::take(&mut p.suppress_click)).unwrap_or(false) {
        return;
    }
    if let Some(idx) = closest_idx(&e) {
        choose(idx, false);
        return;
    }
    let cluster = event_target_el(&e).and_then(|t| t.closest(".c").ok().flatten());
    if let Some(c) = cluster {
        let t = c
            .get_attribute("data-t")
            .and_then(|t| t.parse::<i64>().ok())
            .unwrap_or(0) as f64;
        with(|p| {
            let span = ((p.t1 - p.t0) / 6.0).max(MIN_SPAN);
            p.t0 = t - span / 2.0;
            p.t1 = t + span / 2.0;
        });
        schedule();
    }
}

/// Selects an event from inside the plot: highlight, tell the app, maybe focus.
fn choose(idx: u32, focus: bool) {
    let signal = with(|p| {
        p.selected = Some(idx);
        p.reveal();
        p.draw();
        if focus {
            p.focus_selected();
        }
        p.sel_signal
    });
    if let Some(s) = signal {
        s.set(Some(idx));
    }
}

fn on_key(e: Event) {
    let Some(k) = e.dyn_ref::<KeyboardEvent>() else {
        return;
    };
    if k.ctrl_key() || k.meta_key() || k.alt_key() {
        return;
    }
    let on_event = closest_idx(&e);
    let key = k.key();
    let shift = k.shift_key();
    let step = |d: i64| {
        with(|p| {
            let cur = p
                .selected
                .and_then(|s| p.shown.iter().position(|&i| i == s));
            let n = p.shown.len() as i64;
            if n == 0 {
                return None;
            }
            let next = match cur {
                Some(c) => (c as i64 + d).clamp(0, n - 1),
                None if d > 0 => 0,
                None => n - 1,
            };
            p.shown.get(next as usize).copied()
        })
        .flatten()
    };
    let target = match key.as_str() {
        "ArrowRight" | "ArrowLeft" if shift || on_event.is_none() => {
            pan(if key == "ArrowRight" { 0.2 } else { -0.2 });
            None
        }
        "ArrowRight" => step(1),
        "ArrowLeft" => step(-1),
        "ArrowDown" | "ArrowUp" if on_event.is_some() => {
            with(|p| p.lane_neighbour(if key == "ArrowDown" { 1 } else { -1 })).flatten()
        }
        "Home" => with(|p| p.shown.first().copied()).flatten(),
        "End" => with(|p| p.shown.last().copied()).flatten(),
        "+" | "=" => {
            zoom(0.6);
            None
        }
        "-" | "_" => {
            zoom(1.0 / 0.6);
            None
        }
        "0" | "f" => {
            fit_all();
            None
        }
        "Escape" => {
            let s = with(|p| {
                p.selected = None;
                p.draw();
                p.sel_signal
            });
            if let Some(s) = s {
                s.set(None);
            }
            None
        }
        _ => return,
    };
    e.prevent_default();
    if let Some(idx) = target {
        choose(idx, true);
    }
}

impl Plot {
    /// Fits the time window to the shown events so that every marker, its label and a
    /// coarse date's span fall inside the drawing, with a few pixels to spare on each side
    /// (issue 16: the labels of the last events were cut off at the right edge).
    fn fit(&mut self) {
        let width = f64::from(self.root.client_width());
        let shown: Vec<&Ev> = self
            .shown
            .iter()
            .map(|&i| &self.doc.events[i as usize])
            .collect();
        let (a, b) = shown
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), e| {
                (a.min(e.t0), b.max(e.t1))
            });
        if !a.is_finite() {
            self.t0 = days_from_civil(2000, 1, 1) as f64;
            self.t1 = days_from_civil(2030, 1, 1) as f64;
            return;
        }
        if width < 60.0 {
            // Not laid out (or too small to reason in pixels): a proportional margin.
            let span = (b - a).max(20.0);
            let mid = (a + b) / 2.0;
            self.t0 = mid - span * 0.53;
            self.t1 = mid + span * 0.53;
            return;
        }
        // Each constraint is (day, pixel offset): something is drawn at x(day) + offset.
        // Left ones must stay at or right of EDGE, right ones at or left of width - EDGE.
        // Only the outermost day per offset can bind, so a handful of constraints stand
        // for all the events: the earliest marker and span start on the left; on the
        // right the latest span end and, per label length, the latest marker.
        const EDGE: f64 = 6.0;
        let widest = width - 2.0 * EDGE - 16.0;
        let (mut first_mid, mut first_t0, mut last_t1) =
            (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY);
        let mut last_mid_by_chars: Vec<f64> = Vec::new();
        for e in &shown {
            let chars = e
                .lanes
                .iter()
                .filter_map(|&l| self.doc.lanes.get(l as usize))
                .map(|l| label_chars(e, l.person.is_some()))
                .max()
                .unwrap_or(0);
            if last_mid_by_chars.len() <= chars {
                last_mid_by_chars.resize(chars + 1, f64::NEG_INFINITY);
            }
            last_mid_by_chars[chars] = last_mid_by_chars[chars].max(e.mid());
            first_mid = first_mid.min(e.mid());
            first_t0 = first_t0.min(e.t0);
            last_t1 = last_t1.max(e.t1);
        }
        let left = [(first_mid, -7.0), (first_t0, 0.0)];
        let mut right: Vec<(f64, f64)> = vec![(last_t1, 0.0)];
        for (chars, &mid) in last_mid_by_chars.iter().enumerate() {
            if mid.is_finite() {
                // A marker is 14 px wide around its day; its label starts 9 px right of it.
                let label = (9.0 + chars as f64 * LABEL_CHAR_PX + 4.0).min(widest);
                right.push((mid, label));
            }
        }
        // For a scale (px per day), the window's first day must lie in [lo, hi].
        let bounds = |s: f64| {
            let lo = right
                .iter()
                .map(|&(t, off)| t - (width - EDGE - off) / s)
                .fold(f64::NEG_INFINITY, f64::max);
            let hi = left
                .iter()
                .map(|&(t, off)| t + (off - EDGE) / s)
                .fold(f64::INFINITY, f64::min);
            (lo, hi)
        };
        // The largest scale that fits, by bisection (feasibility only shrinks as the scale
        // grows); never more than 20 days across, as before.
        let (mut s_lo, mut s_hi) = (width / MAX_SPAN, width / 20.0);
        let (lo, hi) = bounds(s_hi);
        if lo > hi {
            for _ in 0..60 {
                let s = (s_lo * s_hi).sqrt();
                let (lo, hi) = bounds(s);
                if lo <= hi {
                    s_lo = s;
                } else {
                    s_hi = s;
                }
            }
        } else {
            s_lo = s_hi;
        }
        let (lo, hi) = bounds(s_lo);
        let first = if lo <= hi { (lo + hi) / 2.0 } else { lo };
        self.t0 = first;
        self.t1 = first + width / s_lo;
    }

    fn zoom_at(&mut self, factor: f64, f: f64) {
        let span = self.t1 - self.t0;
        let new = (span * factor).clamp(MIN_SPAN, MAX_SPAN);
        let anchor = self.t0 + f * span;
        self.t0 = anchor - f * new;
        self.t1 = self.t0 + new;
    }

    /// Brings the selected event into the time window and its lane into the scrolled window.
    fn reveal(&mut self) {
        let Some(ev) = self.selected.and_then(|s| self.doc.events.get(s as usize)) else {
            return;
        };
        let span = self.t1 - self.t0;
        let m = ev.mid();
        if m < self.t0 + span * 0.05 || m > self.t1 - span * 0.05 {
            self.t0 = m - span / 2.0;
            self.t1 = m + span / 2.0;
        }
        if let Some(row) = self.lanes.iter().position(|l| ev.lanes.contains(&l.lane)) {
            let top = row as f64 * LANE_H;
            let st = f64::from(self.scroller.scroll_top());
            let h = f64::from(self.scroller.client_height());
            if top < st || top + LANE_H > st + h {
                self.scroller
                    .set_scroll_top((top - h / 3.0).max(0.0) as i32);
            }
        }
    }

    fn focus_selected(&self) {
        let Some(s) = self.selected else { return };
        let mut sel = String::from("[data-idx=\"");
        sel.push_str(&s.to_string());
        sel.push_str("\"]");
        if let Ok(Some(e)) = self.inner.query_selector(&sel)
            && let Ok(h) = e.dyn_into::<HtmlElement>()
        {
            let _ = h.focus();
        }
    }

    /// The event nearest in time to the selected one in the lane above or below.
    fn lane_neighbour(&self, d: i64) -> Option<u32> {
        let s = self.selected?;
        let ev = &self.doc.events[s as usize];
        let row = self.lanes.iter().position(|l| ev.lanes.contains(&l.lane))? as i64;
        let lane = self.lanes.get(usize::try_from(row + d).ok()?)?;
        let m = ev.mid();
        let k = lane.mids.partition_point(|&x| x < m);
        [k.checked_sub(1), Some(k)]
            .into_iter()
            .flatten()
            .filter(|&k| k < lane.evs.len())
            .min_by(|&a, &b| {
                (lane.mids[a] - m)
                    .abs()
                    .total_cmp(&(lane.mids[b] - m).abs())
            })
            .map(|k| lane.evs[k])
    }

    fn draw(&mut self) {
        let Some(d) = document() else { return };
        let width = f64::from(self.root.client_width());
        if width <= 0.0 {
            return;
        }
        let scale = width / (self.t1 - self.t0);
        let x_of = |t: f64| (t - self.t0) * scale;
        let frag = d.create_document_fragment();

        // Axis and grid.
        for (t, label, major) in ticks(self.t0, self.t1, scale) {
            let Some(tick) = el(&d, "div", if major { "t major" } else { "t" }) else {
                continue;
            };
            set(&tick, "style", &["left:", &px(x_of(t))].concat());
            tick.set_text_content(Some(&label));
            let _ = frag.append_child(&tick);
        }
        self.grid.replace_children_with_node_1(&frag);

        // Lanes in the scrolled window.
        let frag = d.create_document_fragment();
        let _ = self
            .inner
            .style()
            .set_property("height", &px(self.lanes.len() as f64 * LANE_H));
        let st = f64::from(self.scroller.scroll_top());
        let h = f64::from(self.scroller.client_height()).max(LANE_H);
        let first = (st / LANE_H).floor().max(0.0) as usize;
        let last = (((st + h) / LANE_H).ceil() as usize).min(self.lanes.len());
        let pad = 40.0 / scale;
        let mut focus_in_plot = false;
        if let Some(active) = d.active_element() {
            focus_in_plot = self.inner.contains(Some(&active));
        }
        for (row, lv) in self.lanes.iter().enumerate().take(last).skip(first) {
            let y = row as f64 * LANE_H;
            let lane = &self.doc.lanes[lv.lane as usize];
            let is_person = lane.person.is_some();
            if let Some(le) = el(&d, "div", if is_person { "lane" } else { "lane org" }) {
                set(&le, "style", &["top:", &px(y)].concat());
                if let Some(name) = el(&d, "span", "ln") {
                    name.set_text_content(Some(&lane.name));
                    let _ = le.append_child(&name);
                }
                let _ = frag.append_child(&le);
            }
            if self.tenure && is_person {
                for t in self.doc.tenures.iter().filter(|t| t.lane == lv.lane) {
                    if t.t1 < self.t0 || t.t0 > self.t1 {
                        continue;
                    }
                    let (a, b) = (x_of(t.t0).max(-10.0), x_of(t.t1).min(width + 10.0));
                    let Some(bar) = el(&d, "div", if t.open { "ten open" } else { "ten" }) else {
                        continue;
                    };
                    set(
                        &bar,
                        "style",
                        &[
                            "left:",
                            &px(a),
                            ";top:",
                            &px(y + 40.0),
                            ";width:",
                            &px((b - a).max(2.0)),
                        ]
                        .concat(),
                    );
                    set(&bar, "title", &t.label);
                    if b - a > 60.0 {
                        bar.set_text_content(Some(&t.label));
                    }
                    let _ = frag.append_child(&bar);
                }
            }
            let lo = lv.mids.partition_point(|&m| m < self.t0 - pad);
            let hi = lv.mids.partition_point(|&m| m <= self.t1 + pad);
            // Group the window's events into absolute buckets.
            let mut groups: Vec<(usize, usize, i64)> = Vec::new();
            for k in lo..hi {
                if Some(lv.evs[k]) == self.selected {
                    continue;
                }
                let b = (lv.mids[k] * scale / BUCKET).floor() as i64;
                match groups.last_mut() {
                    Some(g) if g.2 == b => g.1 = k + 1,
                    _ => groups.push((k, k + 1, b)),
                }
            }
            // Neighbouring dense buckets merge into one cluster up to four buckets wide:
            // fewer elements to rebuild on each zoom step, still a count per stretch.
            let mut merged: Vec<(usize, usize, i64, i64)> = Vec::with_capacity(groups.len());
            for &(a, b, key) in &groups {
                match merged.last_mut() {
                    Some(m) if b - a >= 3 && m.1 - m.0 >= 3 && key == m.3 + 1 && key - m.2 < 4 => {
                        m.1 = b;
                        m.3 = key;
                    }
                    _ => merged.push((a, b, key, key)),
                }
            }
            let groups: Vec<(usize, usize, i64)> =
                merged.into_iter().map(|(a, b, k, _)| (a, b, k)).collect();
            let mut last_x = [f64::NEG_INFINITY; 2];
            for (gi, &(a, b, _)) in groups.iter().enumerate() {
                let members: Vec<usize> = (a..b)
                    .filter(|&k| Some(lv.evs[k]) != self.selected)
                    .collect();
                if members.len() >= 3 {
                    let xa = x_of(lv.mids[members[0]]);
                    let xb = x_of(lv.mids[members[members.len() - 1]]);
                    let Some(c) = el(&d, "div", "c") else {
                        continue;
                    };
                    let n = members.len().to_string();
                    let mid_t = (lv.mids[members[0]] + lv.mids[members[members.len() - 1]]) / 2.0;
                    set(&c, "data-t", &(mid_t.round() as i64).to_string());
                    set(&c, "role", "button");
                    set(
                        &c,
                        "aria-label",
                        &[&n, " events around ", &model::iso_day(mid_t), ": zoom in"].concat(),
                    );
                    let w = (xb - xa).max(BUCKET - 2.0);
                    set(
                        &c,
                        "style",
                        &[
                            "left:",
                            &px((xa + xb) / 2.0 - w / 2.0),
                            ";top:",
                            &px(y + 16.0),
                            ";width:",
                            &px(w),
                        ]
                        .concat(),
                    );
                    c.set_text_content(Some(&n));
                    let _ = frag.append_child(&c);
                    last_x = [xb + 8.0, xb + 8.0];
                    continue;
                }
                let next_x = groups
                    .get(gi + 1)
                    .map_or(f64::INFINITY, |g| x_of(lv.mids[g.0]));
                for (r, &k) in members.iter().enumerate() {
                    let x = x_of(lv.mids[k]);
                    let row_i = if members.len() == 2 {
                        r
                    } else {
                        usize::from(x - last_x[0] < 15.0)
                    };
                    last_x[row_i] = x;
                    let labelled = members.len() == 1 && next_x - x > 120.0;
                    let ev = &self.doc.events[lv.evs[k] as usize];
                    self.marker(
                        &d,
                        &frag,
                        ev,
                        lv.evs[k],
                        x,
                        y + 16.0 + row_i as f64 * 15.0,
                        scale,
                        is_person,
                        labelled,
                        false,
                    );
                }
            }
            // The selected event is never hidden in a cluster.
            if let Some(s) = self.selected
                && let Some(k) = lv.evs.iter().position(|&i| i == s)
            {
                let ev = &self.doc.events[s as usize];
                let x = x_of(lv.mids[k]);
                self.marker(&d, &frag, ev, s, x, y + 16.0, scale, is_person, true, true);
            }
        }
        self.inner.replace_children_with_node_1(&frag);
        if focus_in_plot {
            self.focus_selected();
        }
        let caption = [day_label(self.t0), " – ".into(), day_label(self.t1)].concat();
        if self.range_signal.get_untracked() != caption {
            self.range_signal.set(caption);
        }
        if !self.ready {
            self.ready = true;
            if let Some(app) = d.get_element_by_id("app") {
                set(&app, "data-timeline-ready", "");
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn marker(
        &self,
        d: &Document,
        frag: &web_sys::DocumentFragment,
        ev: &Ev,
        idx: u32,
        x: f64,
        y: f64,
        scale: f64,
        is_person: bool,
        labelled: bool,
        selected: bool,
    ) {
        let width = (ev.t1 - ev.t0) * scale;
        if width >= 14.0 {
            // A coarse date is drawn over its whole month, quarter or year.
            if let Some(span) = el(d, "div", if ev.approx { "span approx" } else { "span" }) {
                let a = (ev.t0 - self.t0) * scale;
                set(
                    &span,
                    "style",
                    &["left:", &px(a), ";top:", &px(y), ";width:", &px(width)].concat(),
                );
                let _ = frag.append_child(&span);
            }
        }
        let mut class = String::from("m k-");
        class.push_str(ev.kind.as_str());
        if ev.approx {
            class.push_str(" approx");
        }
        if selected {
            class.push_str(" sel");
        }
        if ev.fresh {
            class.push_str(" fresh");
        }
        let Some(m) = el(d, "button", &class) else {
            return;
        };
        set(&m, "data-event-id", &ev.id);
        set(&m, "data-kind", ev.kind.as_str());
        set(&m, "data-date", &ev.date);
        set(&m, "data-persons", &ev.persons_attr);
        set(&m, "data-idx", &idx.to_string());
        set(&m, "tabindex", "-1");
        set(
            &m,
            "style",
            &["left:", &px(x - 7.0), ";top:", &px(y)].concat(),
        );
        if selected {
            set(&m, "aria-current", "true");
        }
        let label = marker_label(ev, is_person);
        let mut aria = [
            ev.kind.label(),
            ": ",
            &ev.who(),
            ", ",
            &model::date_words(ev),
        ]
        .concat();
        if let Some(f) = model::figure(ev) {
            aria.push_str(", ");
            aria.push_str(&f);
        }
        set(&m, "aria-label", &aria);
        if labelled && let Some(l) = el(d, "span", "") {
            l.set_text_content(Some(&label));
            let _ = m.append_child(&l);
        }
        let _ = frag.append_child(&m);
    }
}

/// The number of characters of [`marker_label`], without building it (for fitting the
/// view to thousands of events).
fn label_chars(ev: &Ev, is_person: bool) -> usize {
    let mut n = usize::from(ev.approx) + ev.kind.label().chars().count();
    if !is_person {
        if let Some(f) = model::figure(ev) {
            n += 1 + f.chars().count();
        }
    } else if let Some(r) = &ev.role {
        n += 1 + r.chars().count();
    }
    n
}

fn marker_label(ev: &Ev, is_person: bool) -> String {
    let mut s = String::new();
    if ev.approx {
        s.push('~');
    }
    s.push_str(ev.kind.label());
    if !is_person {
        if let Some(f) = model::figure(ev) {
            s.push(' ');
            s.push_str(&f);
        }
    } else if let Some(r) = &ev.role {
        s.push(' ');
        s.push_str(r);
    }
    s
}

fn day_label(t: f64) -> String {
    let (y, m, d) = civil_from_days(t.floor() as i64);
    [
        d.to_string(),
        " ".into(),
        mon(m).into(),
        " ".into(),
        y.to_string(),
    ]
    .concat()
}

/// Ticks for the window: (day, label, major). The unit adapts to the zoom: decades, years,
/// months, days, keeping labels at least 80 px apart.
fn ticks(t0: f64, t1: f64, scale: f64) -> Vec<(f64, String, bool)> {
    let min_days = 80.0 / scale;
    let mut out = Vec::new();
    let (y0, m0, _) = civil_from_days(t0.floor() as i64);
    let (y1, _, _) = civil_from_days(t1.ceil() as i64);
    if min_days > 183.0 {
        let step = [1, 2, 5, 10, 20, 50, 100]
            .into_iter()
            .find(|s| *s as f64 * 365.25 >= min_days)
            .unwrap_or(200);
        let mut y = y0.div_euclid(step) * step;
        while y <= y1 && out.len() < 200 {
            let mut label = y.to_string();
            if step >= 10 {
                label.push('s');
            }
            out.push((days_from_civil(y, 1, 1) as f64, label, y % (step * 5) == 0));
            y += step;
        }
    } else if min_days > 14.0 {
        let step = [1, 3, 6]
            .into_iter()
            .find(|s| *s as f64 * 30.5 >= min_days)
            .unwrap_or(6);
        let mut ym = y0 * 12 + (m0 - 1) / step * step;
        while ym <= y1 * 12 + 11 && out.len() < 400 {
            let (y, m) = (ym.div_euclid(12), ym.rem_euclid(12) + 1);
            let label = [mon(m), " ", &y.to_string()].concat();
            out.push((days_from_civil(y, m, 1) as f64, label, m == 1));
            ym += step;
        }
    } else {
        let step = [1, 2, 7, 14]
            .into_iter()
            .find(|s| f64::from(*s) >= min_days)
            .unwrap_or(14) as f64;
        let mut t = (t0 / step).floor() * step;
        while t <= t1 && out.len() < 400 {
            let (y, m, d) = civil_from_days(t as i64);
            let mut label = [d.to_string(), " ".into(), mon(m).into()].concat();
            if d == 1 && m == 1 {
                label.push(' ');
                label.push_str(&y.to_string());
            }
            out.push((t, label, d == 1));
            t += step;
        }
    }
    out.retain(|(t, _, _)| *t >= t0 - 1.0 && *t <= t1);
    out
}
