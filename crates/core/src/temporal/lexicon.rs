//! Tokens and the per-language lexicon: text → words, numbers and punctuation with byte
//! spans, and words (or phrases of several words) → their [`Sem`].

use super::lang::{Sem, TemporalTable, table};
use crate::lang::Lang;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A small, fast hasher for short lexicon keys (FxHash's multiply-rotate).
#[derive(Default)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut v = 0u64;
            for (i, b) in chunk.iter().enumerate() {
                v |= u64::from(*b) << (8 * i);
            }
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A one-token key's own meaning (and second meaning), and the longest phrase it starts.
pub(crate) type WordEntry = (Option<(Sem, Option<Sem>)>, usize);

/// A map with the fast hasher.
pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
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
        if b.is_ascii_alphabetic() {
            // Fast path: a run of ASCII letters.
            let start = i;
            let from = buf.len();
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            buf.push_str(&text[start..i]);
            buf[from..].make_ascii_lowercase();
            if i < bytes.len() && bytes[i] == b'\'' {
                // Elision: "dell'ondata" is "dell'" + "ondata".
                buf.push('\'');
                i += 1;
            }
            let next_is_word = i < bytes.len() && bytes[i] >= 0x80 && bytes[i - 1] != b'\'';
            if !next_is_word {
                let (a, z) = (
                    u32::try_from(from).unwrap_or(u32::MAX),
                    u32::try_from(buf.len()).unwrap_or(u32::MAX),
                );
                out.push(Token {
                    start,
                    end: i,
                    gap,
                    tok: Tok::Word(a, z),
                });
                gap = false;
                continue;
            }
            // Accents or an apostrophe follow: redo this word on the general path.
            buf.truncate(from);
            i = start;
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
    pub phrases: FxMap<String, (Sem, Option<Sem>)>,
    /// Normalised words that start a phrase of more than one token.
    pub heads: FxMap<String, usize>,
    /// Every proper prefix (in tokens) of a phrase: extending a key stops when it is none.
    pub prefixes: FxMap<String, ()>,
    /// One-token keys: the word's own meaning, and the longest phrase it starts.
    pub words: FxMap<String, WordEntry>,
    /// A bit per (length, first, second, last byte) class of the one-token keys: most words
    /// of a text are in no class and skip the hash map.
    pub bloom: Vec<u64>,
    /// Some phrase starts with a digit or a symbol ("1/2 hour", "@").
    pub symbol_heads: bool,
    /// The numbers that start a phrase of several tokens ("1/2 hour": 1).
    pub int_heads: Vec<u32>,
    /// The symbols that start a phrase of several tokens.
    pub punct_heads: Vec<char>,
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

/// The bloom class of a normalised word.
pub(crate) fn bloom_bit(word: &str) -> usize {
    let b = word.as_bytes();
    let (first, second, last) = (
        b.first().copied().unwrap_or(0),
        b.get(1).copied().unwrap_or(0),
        b.last().copied().unwrap_or(0),
    );
    let h = (b.len() as u32)
        .wrapping_mul(31)
        .wrapping_add(u32::from(first))
        .wrapping_mul(31)
        .wrapping_add(u32::from(second))
        .wrapping_mul(31)
        .wrapping_add(u32::from(last));
    (h.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

impl Lexicon {
    /// The entry of a one-token word, if any.
    pub(crate) fn word(&self, w: &str) -> Option<WordEntry> {
        let b = bloom_bit(w);
        if self.bloom[b / 64] & (1 << (b % 64)) == 0 {
            return None;
        }
        self.words.get(w).copied()
    }
}

fn build(t: &'static TemporalTable) -> Lexicon {
    let mut lex = Lexicon {
        phrases: FxMap::default(),
        heads: FxMap::default(),
        prefixes: FxMap::default(),
        words: FxMap::default(),
        bloom: vec![0; 1024],
        symbol_heads: false,
        int_heads: Vec::new(),
        punct_heads: Vec::new(),
        table: t,
    };
    let mut add = |alts: &str, sem: Sem| {
        for alt in alts.split('|') {
            let (key, n) = phrase_key(alt);
            if key.is_empty() {
                continue;
            }
            if n > 1 {
                let parts: Vec<&str> = key.split(' ').collect();
                for k in 2..n {
                    lex.prefixes.insert(parts[..k].join(" "), ());
                }
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
    // Holiday names shared by every language, after the language's own words.
    let shared = super::lang::international::WORDS.iter();
    for &(w, sem) in shared.chain(super::lang::international::INDIAN) {
        add(w, sem);
    }
    let mut words: FxMap<String, WordEntry> = FxMap::default();
    for (k, v) in &lex.phrases {
        if !k.contains(' ') {
            words.entry(k.clone()).or_default().0 = Some(*v);
        }
    }
    for (k, n) in &lex.heads {
        words.entry(k.clone()).or_default().1 = *n;
    }
    for k in words.keys() {
        let b = bloom_bit(k);
        lex.bloom[b / 64] |= 1 << (b % 64);
    }
    lex.words = words;
    lex.symbol_heads = lex
        .phrases
        .keys()
        .any(|k| k.chars().next().is_some_and(|c| !c.is_alphabetic()));
    for head in lex.heads.keys() {
        if let Ok(v) = head.parse::<u32>() {
            lex.int_heads.push(v);
        } else if let (Some(c), None) = (head.chars().next(), head.chars().nth(1))
            && !c.is_alphabetic()
        {
            lex.punct_heads.push(c);
        }
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
