//! Case-insensitive regexes whose matches stand on Unicode word boundaries, and stay fast on
//! accented text.
//!
//! The `regex` crate's DFAs cannot evaluate a Unicode `\b` once the haystack holds a
//! non-ASCII byte: they hand over to the NFA simulation, several times slower. On Italian,
//! French or German text every table lookup paid that price (a profile of full extraction
//! spent half its time there). A [`WordRegex`] keeps the boundaries out of the pattern:
//!
//! - the start boundary is checked by hand, retrying one character further on a miss, which
//!   is exact (every candidate starting at one position shares its start boundary);
//! - the end boundary is a consumed non-word character or the end of the text, trimmed off
//!   the reported match. It equals `\b` for phrases ending in a word character, which
//!   [`WordRegex::new`] requires of its callers (the tables' tests check it).

use crate::tables::alternation;
use regex::Regex;

/// Whether `c` is a word character, as Unicode `\w` sees letters, digits and `_`.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A case-insensitive regex matched on word boundaries (see the module docs).
#[derive(Debug, Clone)]
pub struct WordRegex {
    /// One regex per group of alternatives, with whether its matches end in a consumed
    /// boundary character to trim.
    parts: Vec<(Regex, bool)>,
}

impl WordRegex {
    /// Compiles `body` (regex syntax) to match from a word start; with `end_boundary`, also
    /// up to a word end. With `end_boundary`, every alternative of `body` must end in a word
    /// character.
    pub fn new(body: &str, end_boundary: bool) -> Result<Self, regex::Error> {
        let tail = if end_boundary { r"(?:\W|$)" } else { "" };
        Ok(Self {
            parts: vec![(Regex::new(&format!("(?i)(?:{body}){tail}"))?, end_boundary)],
        })
    }

    /// Compiles table phrases (see [`crate::tables::pattern`]) matched as whole words. A
    /// phrase ending in a non-word character (French "n'") is matched as a prefix: a word
    /// must follow it anyway.
    pub fn phrases(phrases: &[&str]) -> Result<Self, regex::Error> {
        let ends_in_word = |p: &&str| {
            p.trim_end_matches([')', '?', '*', '+'])
                .chars()
                .next_back()
                .is_some_and(|c| is_word_char(c) || c == ']')
        };
        let alternatives = phrases.iter().flat_map(|p| p.split('|'));
        let (words, prefixes): (Vec<&str>, Vec<&str>) = alternatives.partition(ends_in_word);
        let mut parts = Vec::new();
        for (group, end_boundary) in [(words, true), (prefixes, false)] {
            if !group.is_empty() {
                parts.extend(Self::new(&alternation(group), end_boundary)?.parts);
            }
        }
        if parts.is_empty() {
            // No phrase: a regex that never matches.
            parts.push((Regex::new(r"[^\s\S]")?, false));
        }
        Ok(Self { parts })
    }

    /// The first match starting at or after byte `from`, as a byte span of `hay`.
    pub fn find_at(&self, hay: &str, from: usize) -> Option<(usize, usize)> {
        self.parts
            .iter()
            .filter_map(|(regex, trim)| first_on_boundary(regex, *trim, hay, from))
            .min_by_key(|&(start, end)| (start, std::cmp::Reverse(end)))
    }

    /// Whether `hay` holds a match.
    pub fn is_match(&self, hay: &str) -> bool {
        self.find_at(hay, 0).is_some()
    }

    /// Every non-overlapping match, in text order.
    pub fn find_iter<'a>(&'a self, hay: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
        let mut at = 0;
        std::iter::from_fn(move || {
            let (start, end) = self.find_at(hay, at)?;
            at = if end > start {
                end
            } else {
                next_char(hay, end)
            };
            Some((start, end))
        })
    }
}

/// The first match of `regex` at or after `from` that starts on a word boundary, with its
/// consumed boundary character trimmed when `trim`.
fn first_on_boundary(
    regex: &Regex,
    trim: bool,
    hay: &str,
    mut from: usize,
) -> Option<(usize, usize)> {
    while from <= hay.len() {
        let m = regex.find_at(hay, from)?;
        if starts_on_boundary(hay, m.start()) {
            let mut end = m.end();
            if trim
                && let Some(last) = hay[m.start()..end].chars().next_back()
                && !is_word_char(last)
            {
                end -= last.len_utf8();
            }
            return Some((m.start(), end));
        }
        from = next_char(hay, m.start());
    }
    None
}

/// Whether a Unicode `\b` holds at byte `at` of `hay`.
fn starts_on_boundary(hay: &str, at: usize) -> bool {
    let before = hay[..at].chars().next_back().is_some_and(is_word_char);
    let after = hay[at..].chars().next().is_some_and(is_word_char);
    before != after
}

/// The byte offset of the character after the one at `at` (or one past the end).
fn next_char(hay: &str, at: usize) -> usize {
    hay[at..]
        .chars()
        .next()
        .map_or(at + 1, |c| at + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(re: &WordRegex, hay: &str) -> Vec<String> {
        re.find_iter(hay)
            .map(|(s, e)| hay[s..e].to_string())
            .collect()
    }

    #[test]
    fn matches_only_whole_words_also_next_to_accented_letters() {
        let re = WordRegex::new("ceo|cto", true).expect("compiles");
        assert_eq!(spans(&re, "il ceo, il cto."), ["ceo", "cto"]);
        assert_eq!(spans(&re, "CEO"), ["CEO"]);
        assert!(spans(&re, "ceos àceo ceoè").is_empty());
        assert_eq!(spans(&re, "è ceo è"), ["ceo"]);
    }

    #[test]
    fn a_later_alternative_wins_when_the_first_fails_the_end_boundary() {
        let re = WordRegex::new("dimess|dimesso", true).expect("compiles");
        assert_eq!(spans(&re, "si è dimesso ieri"), ["dimesso"]);
    }

    #[test]
    fn phrases_ending_in_an_apostrophe_are_prefixes() {
        let re = WordRegex::phrases(&["ne|n'|pas", "jamais"]).expect("compiles");
        assert_eq!(spans(&re, "il n'a jamais dit"), ["n'", "jamais"]);
        assert!(!re.is_match("pascal"));
        assert!(!WordRegex::phrases(&[]).expect("compiles").is_match("x"));
    }

    #[test]
    fn prefixes_may_run_into_the_word_and_retry_inside_words() {
        let re = WordRegex::new("dimi", false).expect("compiles");
        assert_eq!(spans(&re, "dimissioni, ridimi dimi"), ["dimi", "dimi"]);
        assert!(!re.is_match("ridimensionare"));
    }
}
