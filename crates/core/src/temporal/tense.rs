//! The tense of the clause around a mention, read from the pack's [`TenseWords`]: a future
//! or conditional clause ("the vote will take place on April 7") speaks of a date still to
//! come; a present progressive one ("is meeting on Friday") of the nearest one.
//!
//! The clause is the text between punctuation that closes one (`. ; : ! ? ( ) ,` and line
//! breaks) and the pack's clause-opening words ("that", "che", "dass", "said"), on both sides
//! of the mention, at most [`REACH`] bytes away, and the mention's own words ("a partir de
//! maio"). A mention that opens its clause alone ("On Friday, the board will vote") reads the
//! clause after the comma.

use super::Tense;
use super::lang::TenseWords;

/// How far from the mention, in bytes, the clause is read on each side.
const REACH: usize = 160;

/// Whether a byte ends a clause. A dot counts only before a space or a line break (not in
/// "3.5", "U.S." is read as two clauses, which is harmless).
fn closes(bytes: &[u8], i: usize) -> bool {
    let digit_at = |k: Option<usize>| k.and_then(|k| bytes.get(k)).is_some_and(u8::is_ascii_digit);
    match bytes[i] {
        // "8,400 people", "2,2 Mrd.": a comma inside a number closes nothing.
        b',' => !(digit_at(i.checked_sub(1)) && digit_at(Some(i + 1))),
        b';' | b':' | b'!' | b'?' | b'(' | b')' | b'\n' => true,
        b'.' => bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace()),
        _ => false,
    }
}

/// Lowercased words (letters, digits and apostrophes) in one buffer: `spans` index `buf`.
#[derive(Default)]
struct Words {
    buf: String,
    spans: Vec<(usize, usize)>,
}

impl Words {
    /// Appends the words of `s`.
    fn push_text(&mut self, s: &str) {
        let mut from = None;
        for c in s.chars() {
            if c.is_alphanumeric() || c == '\'' || c == '’' {
                if from.is_none() {
                    from = Some(self.buf.len());
                }
                if c == '’' {
                    self.buf.push('\'');
                } else if c.is_ascii() {
                    self.buf.push(c.to_ascii_lowercase());
                } else {
                    self.buf.extend(c.to_lowercase());
                }
            } else if let Some(f) = from.take() {
                self.spans.push((f, self.buf.len()));
            }
        }
        if let Some(f) = from {
            self.spans.push((f, self.buf.len()));
        }
    }

    fn get(&self, k: usize) -> Option<&str> {
        self.spans.get(k).and_then(|&(a, z)| self.buf.get(a..z))
    }
}

fn ends_with_any(w: &str, endings: &[&str]) -> bool {
    endings
        .iter()
        .any(|e| w.len() >= e.len() + 2 && w.ends_with(e))
}

/// The tense the words `ws.spans[from..to]` of one clause say.
fn read(ws: &Words, from: usize, to: usize, t: &TenseWords) -> Tense {
    let mut progressive = false;
    for k in from..to {
        let Some(w) = ws.get(k) else { break };
        let future = t.future.iter().any(|f| {
            let mut parts = f.split(' ');
            parts.next() == Some(w)
                && parts
                    .enumerate()
                    .all(|(n, p)| k + 1 + n < to && ws.get(k + 1 + n) == Some(p))
        });
        if future || ends_with_any(w, t.future_endings) && !t.not_future.contains(&w) {
            return Tense::Future;
        }
        if t.progressive.contains(&w) {
            progressive |= (k + 1..to.min(k + 4)).any(|n| {
                ws.get(n).is_some_and(|x| {
                    ends_with_any(x, t.gerund_endings) && !t.not_future.contains(&x)
                })
            });
        }
    }
    if progressive {
        Tense::Progressive
    } else {
        Tense::Unmarked
    }
}

/// The tense of the clause around `text[start..end]`.
pub(crate) fn tense_at(text: &str, t: &TenseWords, start: usize, end: usize) -> Tense {
    let bytes = text.as_bytes();
    let end = end.min(text.len());
    let start = start.min(end);
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return Tense::Unmarked;
    }
    // Left: back to the punctuation that closes the clause before.
    let mut lb = start;
    while lb > 0 && start - lb < REACH && !closes(bytes, lb - 1) {
        lb -= 1;
    }
    // Right: on to the punctuation that closes this one.
    let mut rb = end;
    while rb < bytes.len() && rb - end < REACH && !closes(bytes, rb) {
        rb += 1;
    }
    // A reporting verb opens the reported clause too ("said it will …").
    let is_break = |ws: &Words, k: usize| {
        ws.get(k)
            .is_some_and(|w| t.breaks.contains(&w) || t.reports.contains(&w))
    };
    let mut ws = Words::default();
    // A cut inside a character (the reach ran out there) drops that side's partial word.
    let text_at = |a: usize, z: usize| {
        let mut a = a;
        while a < z && !text.is_char_boundary(a) {
            a += 1;
        }
        let mut z = z;
        while z > a && !text.is_char_boundary(z) {
            z -= 1;
        }
        text.get(a..z).unwrap_or_default()
    };
    ws.push_text(text_at(lb, start));
    let left = ws.spans.len();
    // "announced on Monday it will buy": the mention dates the report.
    if left > 0 && ws.get(left - 1).is_some_and(|w| t.reports.contains(&w)) {
        return Tense::Unmarked;
    }
    // Only the words after the last clause opener.
    let from = (0..left)
        .rev()
        .find(|&k| is_break(&ws, k))
        .map_or(0, |k| k + 1);
    // The mention's own words count too ("a partir de maio"): its explicit words ("next
    // week", "scorso maggio") decide its value whatever the clause says.
    ws.push_text(text_at(start, end));
    let own = ws.spans.len();
    ws.push_text(text_at(end, rb));
    // "On Friday, the board will vote": a mention alone before a comma reads what follows.
    if from == left && ws.spans.len() == own && bytes.get(rb) == Some(&b',') {
        let mut rb2 = rb + 1;
        while rb2 < bytes.len() && rb2 - rb < REACH && !closes(bytes, rb2) {
            rb2 += 1;
        }
        ws.push_text(text_at(rb + 1, rb2));
    }
    let to = (own..ws.spans.len())
        .find(|&k| is_break(&ws, k))
        .unwrap_or(ws.spans.len());
    read(&ws, from, to, t)
}
