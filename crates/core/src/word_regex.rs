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

/// The letter an accented lowercase letter is written as when accents are dropped
/// (machine-translated or typed text: "renuncio", "asumio", "societe", "zuruckgetreten").
pub(crate) fn unaccented(c: char) -> Option<char> {
    Some(match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        _ => return None,
    })
}

/// `body` (regex syntax) with each accented letter also matching its letter without the
/// accent: "é" becomes "[ée]", and "[oó]" becomes "[oóo]". Escaped characters stay, and so
/// do the accents that tell words apart:
/// - in words of fewer than four letters ("él" and "el", "è" and "e", "à" and "a");
/// - a grave accent ending a word, Italian's mark of a stressed end ("fondò" and "fondo",
///   "città");
/// - in an ending after an open stem (`\w+ó`, `\w+(?:rá|rán)`), where the accent is all
///   that tells the verb form ("renunció") from any word ("para").
pub fn accent_tolerant(body: &str) -> String {
    let chars: Vec<char> = body.chars().collect();
    let mut out = String::with_capacity(body.len() + 8);
    // Per group depth: whether an open stem (`\w+`, `\w*`) stands earlier in the current
    // word of the current alternative.
    let mut stems = vec![false];
    for (
        i,
        PatternChar {
            c,
            escaped,
            in_class,
        },
    ) in pattern_chars(body).enumerate()
    {
        if !escaped && !in_class {
            match c {
                '(' => stems.push(false),
                ')' if stems.len() > 1 => {
                    stems.pop();
                }
                '|' | ' ' => {
                    if let Some(last) = stems.last_mut() {
                        *last = false;
                    }
                }
                '+' | '*' if out.ends_with(r"\w") => {
                    if let Some(last) = stems.last_mut() {
                        *last = true;
                    }
                }
                _ => {}
            }
        }
        let after_stem = stems.iter().any(|&s| s);
        let letters = chars[..i]
            .iter()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .count()
            + chars[i..].iter().take_while(|c| c.is_alphabetic()).count();
        let word_final = !chars.get(i + 1).is_some_and(|c| c.is_alphabetic());
        let grave = matches!(c, 'à' | 'è' | 'ì' | 'ò' | 'ù');
        match unaccented(c).filter(|_| !after_stem && letters >= 4 && !(word_final && grave)) {
            Some(base) if !escaped && in_class => {
                out.push(c);
                out.push(base);
            }
            Some(base) if !escaped => {
                out.push('[');
                out.push(c);
                out.push(base);
                out.push(']');
            }
            _ => out.push(c),
        }
    }
    out
}

/// One character of a regex pattern, with the syntax it stands in.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PatternChar {
    pub c: char,
    /// After a backslash: a literal or a class escape, never syntax.
    pub escaped: bool,
    /// Inside a character class (`[oó]`).
    pub in_class: bool,
}

/// The characters of a regex pattern, each with whether it is escaped or inside a character
/// class: where a rewrite of the pattern may touch it.
pub(crate) fn pattern_chars(pattern: &str) -> impl Iterator<Item = PatternChar> + '_ {
    pattern
        .chars()
        .scan((false, false), |(escaped, in_class), c| {
            let here = PatternChar {
                c,
                escaped: *escaped,
                in_class: *in_class,
            };
            if *escaped {
                *escaped = false;
            } else if c == '\\' {
                *escaped = true;
            } else if c == '[' {
                *in_class = true;
            } else if c == ']' {
                *in_class = false;
            }
            Some(here)
        })
}

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
        Self::build(body, end_boundary, true)
    }

    /// Like [`WordRegex::new`] for a lowercase `body`, matched case-sensitively: for text
    /// folded by [`fold_case`]. Far faster on long texts: without case folding, the regex
    /// engine's literal prefilter sees a few literals instead of every case variant.
    pub fn lowercase(body: &str, end_boundary: bool) -> Result<Self, regex::Error> {
        Self::build(body, end_boundary, false)
    }

    fn build(body: &str, end_boundary: bool, fold: bool) -> Result<Self, regex::Error> {
        let tail = if end_boundary { r"(?:\W|$)" } else { "" };
        let flags = if fold { "(?i)" } else { "" };
        let body = accent_tolerant(body);
        Ok(Self {
            parts: vec![(
                Regex::new(&format!("{flags}(?:{body}){tail}"))?,
                end_boundary,
            )],
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
        let alternatives = phrases.iter().flat_map(|p| top_level_alternatives(p));
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
        // Each part's next match, searched again only once the scan has passed its start
        // (searching every part after every match would rescan the same text).
        let mut next: Vec<Option<(usize, usize)>> = self
            .parts
            .iter()
            .map(|(regex, trim)| first_on_boundary(regex, *trim, hay, 0))
            .collect();
        std::iter::from_fn(move || {
            for (slot, (regex, trim)) in next.iter_mut().zip(&self.parts) {
                if slot.is_some_and(|(start, _)| start < at) {
                    *slot = first_on_boundary(regex, *trim, hay, at);
                }
            }
            let (start, end) = next
                .iter()
                .flatten()
                .copied()
                .min_by_key(|&(start, end)| (start, std::cmp::Reverse(end)))?;
            at = if end > start {
                end
            } else {
                next_char(hay, end)
            };
            Some((start, end))
        })
    }
}

/// The alternatives of a regex fragment at its top level: "a|b(?:c|d)" → "a", "b(?:c|d)".
fn top_level_alternatives(fragment: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut in_class, mut escaped, mut from) = (0usize, false, false, 0);
    for (i, c) in fragment.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' if !in_class => in_class = true,
            ']' if in_class => in_class = false,
            '(' if !in_class => depth += 1,
            ')' if !in_class => depth = depth.saturating_sub(1),
            '|' if !in_class && depth == 0 => {
                out.push(&fragment[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    out.push(&fragment[from..]);
    out
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

/// `text` in lowercase with every byte offset kept: a character whose lowercase form is one
/// character of the same UTF-8 length is lowered, any other is kept as it is.
pub fn fold_case(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_uppercase) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        // ASCII runs byte by byte; other characters one by one.
        let ascii = rest.bytes().take_while(u8::is_ascii).count();
        out.push_str(&rest[..ascii].to_ascii_lowercase());
        rest = &rest[ascii..];
        if let Some(c) = rest.chars().next() {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
                _ => out.push(c),
            }
            rest = &rest[c.len_utf8()..];
        }
    }
    std::borrow::Cow::Owned(out)
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
    fn accented_phrases_match_text_written_without_accents() {
        let re = WordRegex::phrases(&["renunció|se jubiló", "zurückgetreten", "a démissionné"])
            .expect("compiles");
        assert_eq!(spans(&re, "juan perez renuncio ayer"), ["renuncio"]);
        assert_eq!(spans(&re, "Juan Pérez renunció ayer"), ["renunció"]);
        assert_eq!(spans(&re, "se jubilo"), ["se jubilo"]);
        assert_eq!(spans(&re, "ist zuruckgetreten"), ["zuruckgetreten"]);
        assert_eq!(spans(&re, "il a demissionne"), ["a demissionne"]);
        // Short words, Italian stressed ends and verb endings after a stem keep their accent.
        let short = WordRegex::phrases(&["él|ella", "fondò", r"\w+(?:rá|rán)"]).expect("compiles");
        assert!(spans(&short, "el fondo para ahora").is_empty());
        assert_eq!(
            spans(&short, "él fondò llegará"),
            ["él", "fondò", "llegará"]
        );
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
    fn find_iter_merges_the_parts_in_text_order() {
        let re = WordRegex::phrases(&["ne|n'|pas", "jamais"]).expect("compiles");
        let hay = "pas n'est jamais ne pas, n'a";
        let all: Vec<(usize, usize)> = re.find_iter(hay).collect();
        let mut expected = Vec::new();
        let mut at = 0;
        while let Some(m) = re.find_at(hay, at) {
            expected.push(m);
            at = m.1;
        }
        assert_eq!(all, expected);
        assert_eq!(all.len(), 6);
    }

    #[test]
    fn folded_text_keeps_offsets_and_lowercase_regexes_match_it() {
        let text = "ÉLU PDG, İstanbul; Mira MURATI a Démissionné";
        let folded = fold_case(text);
        assert_eq!(folded.len(), text.len());
        assert!(folded.contains("élu pdg") && folded.contains("démissionné"));
        let re = WordRegex::lowercase("démission", false).expect("compiles");
        let (s, e) = re.find_iter(&folded).next().expect("a match");
        assert_eq!(&text[s..e], "Démission");
    }

    #[test]
    fn alternatives_split_only_at_the_top_level() {
        assert_eq!(
            top_level_alternatives(r"a|vicin[oa] (?:a|al)|x\|y|[|]"),
            ["a", "vicin[oa] (?:a|al)", r"x\|y", "[|]"]
        );
        let re = WordRegex::phrases(&["vicin[oa] (?:a|al)|non"]).expect("compiles");
        assert!(re.is_match("è vicina al traguardo") && re.is_match("non"));
    }

    #[test]
    fn prefixes_may_run_into_the_word_and_retry_inside_words() {
        let re = WordRegex::new("dimi", false).expect("compiles");
        assert_eq!(spans(&re, "dimissioni, ridimi dimi"), ["dimi", "dimi"]);
        assert!(!re.is_match("ridimensionare"));
    }
}
