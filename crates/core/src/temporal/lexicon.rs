//! Tokens and the per-language lexicon: text → words, numbers and punctuation with byte
//! spans, and words (or phrases of several words) → their [`Sem`].

use super::lang::{Sem, TemporalTable, table};
use crate::lang::Lang;
use std::collections::HashMap;
use std::sync::LazyLock;

/// One token of the text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Tok {
    /// A run of letters (normalised text in the buffer range).
    Word(u32, u32),
    /// A run of ASCII digits: value (saturated) and digit count.
    Int(u32, u8),
    /// Any other visible character.
    Punct(char),
}

/// A token with its byte span and whether whitespace precedes it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub gap: bool,
    pub tok: Tok,
}

/// Lowercases and folds accents of one character into `out`.
pub(crate) fn fold_into(c: char, out: &mut String) {
    let base = match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'À' | 'Á' | 'Â' | 'Ä' | 'Ã' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'Ò' | 'Ó' | 'Ô' | 'Ö' | 'Õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        'ß' => {
            out.push_str("ss");
            return;
        }
        '’' | '‘' | '`' | '´' => '\'',
        'º' | 'ª' => c,
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push(base);
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`' | '´')
}

/// Splits `text` into tokens; word texts are normalised into `buf`.
pub(crate) fn tokenize(text: &str, buf: &mut String, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut gap = true;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() {
            let start = i;
            let mut v: u32 = 0;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                v = v
                    .saturating_mul(10)
                    .saturating_add(u32::from(bytes[i] - b'0'));
                i += 1;
            }
            let n = u8::try_from(i - start).unwrap_or(u8::MAX);
            out.push(Token {
                start,
                end: i,
                gap,
                tok: Tok::Int(v, n),
            });
            gap = false;
            continue;
        }
        if b.is_ascii_whitespace() {
            gap = true;
            i += 1;
            continue;
        }
        if b.is_ascii_alphabetic() || b >= 0x80 {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            if c.is_alphabetic() {
                let start = i;
                let from = buf.len();
                let mut j = i;
                let mut chars = text[i..].char_indices().peekable();
                while let Some(&(k, c)) = chars.peek() {
                    if c.is_alphabetic() {
                        fold_into(c, buf);
                        chars.next();
                        j = i + k + c.len_utf8();
                    } else if is_apostrophe(c) {
                        // Elision: "l'anno" is "l'" + "anno".
                        chars.next();
                        buf.push('\'');
                        j = i + k + c.len_utf8();
                        break;
                    } else {
                        break;
                    }
                }
                if j == start {
                    j = start + c.len_utf8();
                }
                let (a, z) = (
                    u32::try_from(from).unwrap_or(u32::MAX),
                    u32::try_from(buf.len()).unwrap_or(u32::MAX),
                );
                out.push(Token {
                    start,
                    end: j,
                    gap,
                    tok: Tok::Word(a, z),
                });
                gap = false;
                i = j;
                continue;
            }
            if c.is_whitespace() {
                gap = true;
            } else {
                out.push(Token {
                    start: i,
                    end: i + c.len_utf8(),
                    gap,
                    tok: Tok::Punct(c),
                });
                gap = false;
            }
            i += c.len_utf8();
            continue;
        }
        out.push(Token {
            start: i,
            end: i + 1,
            gap,
            tok: Tok::Punct(char::from(b)),
        });
        gap = false;
        i += 1;
    }
}

/// One language's phrase dictionary.
pub(crate) struct Lexicon {
    /// Normalised phrase (tokens joined by one space) → meaning.
    pub phrases: HashMap<String, (Sem, Option<Sem>)>,
    /// Normalised words that start a phrase of more than one token.
    pub heads: HashMap<String, usize>,
    /// The table the lexicon was built from.
    pub table: &'static TemporalTable,
}

/// Normalises a table phrase into the key the tokenizer would produce for it.
pub(crate) fn phrase_key(phrase: &str) -> (String, usize) {
    let mut buf = String::new();
    let mut toks = Vec::new();
    tokenize(phrase, &mut buf, &mut toks);
    let parts: Vec<String> = toks
        .iter()
        .map(|t| match t.tok {
            Tok::Word(a, z) => buf[a as usize..z as usize].to_string(),
            Tok::Int(v, _) => v.to_string(),
            Tok::Punct(c) => c.to_string(),
        })
        .collect();
    (parts.join(" "), parts.len())
}

fn build(t: &'static TemporalTable) -> Lexicon {
    let mut lex = Lexicon {
        phrases: HashMap::new(),
        heads: HashMap::new(),
        table: t,
    };
    let mut add = |alts: &str, sem: Sem| {
        for alt in alts.split('|') {
            let (key, n) = phrase_key(alt);
            if key.is_empty() {
                continue;
            }
            if n > 1 {
                let head = key.split(' ').next().unwrap_or_default().to_string();
                let e = lex.heads.entry(head).or_insert(0);
                *e = (*e).max(n);
            }
            let e = lex.phrases.entry(key).or_insert((sem, None));
            if e.0 != sem && e.1.is_none() {
                e.1 = Some(sem);
            }
        }
    };
    for &(w, n) in t.numbers {
        add(w, Sem::Num(n));
    }
    for &(w, n) in t.ordinals {
        add(w, Sem::Ord(n));
    }
    for (i, w) in (1u32..).zip(t.month_abbrevs) {
        add(w, Sem::MonthAbbr(i));
    }
    for (i, w) in (1u32..).zip(t.months) {
        add(w, Sem::Month(i));
    }
    for (i, w) in (0u32..).zip(t.weekdays) {
        add(w, Sem::Weekday(i));
    }
    for (i, w) in (0u32..).zip(t.weekday_abbrevs) {
        add(w, Sem::WeekdayAbbr(i));
    }
    for &(w, sem) in t.words {
        add(w, sem);
    }
    lex
}

static LEXICONS: LazyLock<Vec<Lexicon>> =
    LazyLock::new(|| Lang::ALL.iter().map(|&l| build(table(l))).collect());

/// The lexicon of one language (built once).
pub(crate) fn lexicon(lang: Lang) -> &'static Lexicon {
    let i = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0);
    &LEXICONS[i]
}
