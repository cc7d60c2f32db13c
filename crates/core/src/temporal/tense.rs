//! The tense of the clause around a mention, read from the pack's [`TenseWords`]: a future
//! or conditional clause ("the vote will take place on April 7") speaks of a date still to
//! come; a present progressive one ("is meeting on Friday") of the nearest one.
//!
//! The clause is the text between punctuation that closes one (`. ; : ! ? ( ) ,` and line
//! breaks) and the pack's clause-opening words ("that", "che", "dass", "said"), on both sides
//! of the mention, at most [`REACH`] bytes away. A mention that opens its clause alone ("On
//! Friday, the board will vote") reads the clause after the comma.

use super::Tense;
use super::lang::TenseWords;

/// How far from the mention, in bytes, the clause is read on each side.
const REACH: usize = 160;

/// Whether a byte ends a clause. A dot counts only before a space or a line break (not in
/// "3.5", "U.S." is read as two clauses, which is harmless).
fn closes(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b';' | b':' | b'!' | b'?' | b'(' | b')' | b',' | b'\n' => true,
        b'.' => bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace()),
        _ => false,
    }
}

/// The words of `s`, lowercased, in order (letters, digits and apostrophes).
fn words(s: &str, out: &mut Vec<(String, bool)>) {
    out.clear();
    let mut cur = String::new();
    let mut capital = false;
    for c in s.chars() {
        if c.is_alphanumeric() || c == '\'' || c == '’' {
            if cur.is_empty() {
                capital = c.is_uppercase();
            }
            if c == '’' {
                cur.push('\'');
            } else {
                cur.extend(c.to_lowercase());
            }
        } else if !cur.is_empty() {
            out.push((std::mem::take(&mut cur), capital));
        }
    }
    if !cur.is_empty() {
        out.push((cur, capital));
    }
}

fn ends_with_any(w: &str, endings: &[&str]) -> bool {
    endings
        .iter()
        .any(|e| w.len() >= e.len() + 2 && w.ends_with(e))
}

/// The tense the words of one clause say.
fn read(ws: &[(String, bool)], t: &TenseWords) -> Tense {
    let mut progressive = false;
    for (k, (w, _)) in ws.iter().enumerate() {
        let future = t.future.iter().any(|f| {
            let mut parts = f.split(' ');
            parts.next() == Some(w.as_str())
                && parts
                    .enumerate()
                    .all(|(n, p)| ws.get(k + 1 + n).is_some_and(|(x, _)| x == p))
        });
        if future || ends_with_any(w, t.future_endings) && !t.not_future.contains(&w.as_str()) {
            return Tense::Future;
        }
        if t.progressive.contains(&w.as_str()) {
            progressive |= ws[k + 1..].iter().take(3).any(|(x, _)| {
                ends_with_any(x, t.gerund_endings) && !t.not_future.contains(&x.as_str())
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
    let (Some(left), Some(right)) = (text.get(lb..start), text.get(end..rb)) else {
        return Tense::Unmarked;
    };
    let mut ws = Vec::new();
    words(left, &mut ws);
    // Only the words after the last clause opener.
    let from = ws
        .iter()
        .rposition(|(w, _)| t.breaks.contains(&w.as_str()))
        .map_or(0, |p| p + 1);
    let mut clause: Vec<(String, bool)> = ws.drain(from..).collect();
    let alone = clause.is_empty();
    let mut right_words = Vec::new();
    words(right, &mut right_words);
    // "On Friday, the board will vote": a mention alone before a comma reads what follows.
    if alone && right_words.is_empty() && bytes.get(rb) == Some(&b',') {
        let mut rb2 = rb + 1;
        while rb2 < bytes.len() && rb2 - rb < REACH && !closes(bytes, rb2) {
            rb2 += 1;
        }
        if let Some(next) = text.get(rb + 1..rb2) {
            words(next, &mut right_words);
        }
    }
    let to = right_words
        .iter()
        .position(|(w, _)| t.breaks.contains(&w.as_str()))
        .unwrap_or(right_words.len());
    clause.extend(right_words.drain(..to));
    read(&clause, t)
}
