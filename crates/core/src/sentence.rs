//! Sentence splitting with byte offsets into the original text.
//!
//! Built for messy news text: all-lowercase sentences, a missing space after the full stop
//! ("ragioni.in primo luogo"), numbers with dots ("1.600", "3.4"), common abbreviations
//! ("Dr.", "Inc.", "ecc."), and lines without final punctuation (titles, bylines).

/// A sentence: its byte span in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of the first non-space character.
    pub start: usize,
    /// Byte offset one past the last character (final punctuation included).
    pub end: usize,
}

impl Sentence {
    /// The sentence's text within `text`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Every pack's abbreviations whose dot ends no sentence (abbreviations travel between
/// languages: "Corp." in an Italian article).
static ABBREVIATIONS: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        crate::lang::packs()
            .flat_map(|p| {
                p.words
                    .abbreviations
                    .iter()
                    .chain(p.words.honorifics)
                    .copied()
            })
            .collect()
    });

/// Splits `text` into sentences. Empty stretches are skipped; spans never overlap and are in
/// text order.
pub fn split(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let bytes = text.as_bytes();
    let mut i = 0usize;
    // Bytes, not chars: only '\n', '.', '!', '?' and '…' (E2 80 A6) can end a sentence.
    while i < bytes.len() {
        let c = match bytes[i] {
            b'\n' => '\n',
            b'.' => '.',
            b'!' => '!',
            b'?' => '?',
            0xE2 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0xA6]) => '…',
            _ => {
                i += 1;
                continue;
            }
        };
        let after = i + c.len_utf8();
        let boundary_end = if c == '\n' {
            // One newline inside a paragraph still ends a line-based unit (titles, lists).
            Some(i)
        } else if ends_sentence(text, start, i, c, text[after..].chars().next()) {
            // Keep closing quotes and brackets with the sentence.
            let closing: usize = text[after..]
                .chars()
                .take_while(|n| matches!(n, '"' | '”' | '»' | '\'' | '’' | ')' | ']'))
                .map(char::len_utf8)
                .sum();
            Some(after + closing)
        } else {
            None
        };
        i = after;
        if let Some(end) = boundary_end {
            push_trimmed(text, start, end, &mut out);
            start = end;
            i = i.max(end);
        }
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn ends_sentence(text: &str, start: usize, at: usize, c: char, next: Option<char>) -> bool {
    let Some(next) = next else { return true };
    if c != '.' {
        return next.is_whitespace() || next.is_alphabetic() || matches!(next, '"' | '”' | '»');
    }
    // "1.600", "3.4", "v1.2": a dot between digits is part of a number.
    let prev = text[..at].chars().next_back();
    if prev.is_some_and(|p| p.is_ascii_digit()) && next.is_ascii_digit() {
        return false;
    }
    // "e.g.", "U.S.", "...": dots inside abbreviations or ellipses.
    if next == '.' {
        return false;
    }
    // "am 3. März 2024": a German ordinal day before its month.
    let digits = text[start..at]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .count();
    if (1..=2).contains(&digits) && next.is_whitespace() {
        let following: String = text[at + 1..]
            .trim_start()
            .chars()
            .take_while(|ch| ch.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        // Every language's month names, as the date engine knows them (German writes
        // ordinal days with a dot; the others' names cost nothing to ask).
        let month = crate::Lang::ALL.iter().any(|&l| {
            crate::temporal::lang::table(l)
                .months
                .iter()
                .flat_map(|m| m.split('|'))
                .any(|m| m == following)
        });
        if month {
            return false;
        }
    }
    let word: String = text[start..at]
        .chars()
        .rev()
        .take_while(|ch| ch.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(lower.as_str()) {
        return false;
    }
    // A single letter before the dot is an initial ("J. Smith") or part of "U.S.".
    if word.chars().count() == 1 && next.is_whitespace() {
        return false;
    }
    if next.is_whitespace() || matches!(next, '"' | '”' | '»' | '\'' | '’' | ')') {
        return true;
    }
    // A missing space after the dot, as in "ragioni.in primo luogo": split only when a
    // real word follows (letters, then a space), so "openai.com" and "e.g" stay whole.
    if next.is_alphabetic() {
        let rest = &text[at + 1..];
        let follower: String = rest.chars().take_while(|ch| ch.is_alphabetic()).collect();
        let after_word = rest[follower.len()..].chars().next();
        let domain_like = matches!(
            follower.as_str(),
            "com" | "org" | "net" | "it" | "io" | "ai"
        );
        return word.chars().count() > 1
            && !domain_like
            && after_word.is_some_and(|ch| ch.is_whitespace() || ch == ',');
    }
    false
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(Sentence {
            start: start + lead,
            end: end - trail,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text).iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn german_ordinal_dates_and_unit_abbreviations_do_not_end_sentences() {
        let text =
            "Sie wurde am 3. März 2024 ernannt. Brenntec hat 45 Mio. Euro eingesammelt. Ende.";
        let got: Vec<&str> = split(text).iter().map(|s| s.text(text)).collect();
        assert_eq!(
            got,
            [
                "Sie wurde am 3. März 2024 ernannt.",
                "Brenntec hat 45 Mio. Euro eingesammelt.",
                "Ende."
            ]
        );
    }

    #[test]
    fn splits_lowercase_sentences_and_missing_spaces() {
        assert_eq!(
            texts("due ragioni.in primo luogo, i dirigenti. poi il resto"),
            vec![
                "due ragioni.",
                "in primo luogo, i dirigenti.",
                "poi il resto"
            ]
        );
    }

    #[test]
    fn keeps_numbers_abbreviations_initials_and_domains_whole() {
        assert_eq!(
            texts(
                "ha raggiunto più di 1.600 dipendenti. Dr. Smith met J. Doe at openai.com today."
            ),
            vec![
                "ha raggiunto più di 1.600 dipendenti.",
                "Dr. Smith met J. Doe at openai.com today."
            ]
        );
    }

    #[test]
    fn lines_are_units_and_closing_quotes_stay() {
        assert_eq!(
            texts("Title line\n\n\"I quit.\" She left!\n"),
            vec!["Title line", "\"I quit.\"", "She left!"]
        );
    }

    #[test]
    fn spans_point_into_the_original_text() {
        let text = "  è così.  Ancora già.";
        for s in split(text) {
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
        assert_eq!(texts(text), vec!["è così.", "Ancora già."]);
    }

    #[test]
    fn empty_and_blank_texts_have_no_sentences() {
        assert!(split("").is_empty());
        assert!(split(" \n\t ").is_empty());
    }
}
