//! Tokens and the per-language lexicon: text → words, numbers and punctuation with byte
//! spans, and words (or phrases of several words) → their [`Sem`].

use super::lang::{Sem, TemporalTable, table};
use crate::lang::Lang;
use rustc_hash::FxHashMap;

/// What the lexicon knows of one word.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct WordEntry {
    /// The word's own meaning (and second meaning), when it is a key by itself.
    pub sems: Option<(Sem, Option<Sem>)>,
    /// The length in tokens of the longest phrase it starts (0: none).
    pub longest: usize,
    /// How it may anchor a mention, alone or as part of a phrase.
    pub anchor: Anchor,
    /// The [`lead`](super::lang::lead)s it (or a phrase it ends) gives the word after it.
    pub leads: u8,
}

/// Whether a word may anchor a mention: the grammar only runs near such words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// Never by itself ("di", "circa", "next"), or not a key at all.
    #[default]
    Never,
    /// Only right after a word giving one of these leads ([`Sem::lead_needed`]).
    AfterLead(u8),
    /// Wherever it is.
    Always,
}

impl Anchor {
    /// How a meaning (and its second meaning) may anchor a mention.
    fn of(sem: Sem, alt: Option<Sem>) -> Anchor {
        let one = |s: Sem| {
            if s.never_anchors() {
                Anchor::Never
            } else if s.lead_needed() != 0 {
                Anchor::AfterLead(s.lead_needed())
            } else {
                Anchor::Always
            }
        };
        one(sem).or(alt.map_or(Anchor::Never, one))
    }

    /// Anchors when either does.
    fn or(self, other: Anchor) -> Anchor {
        match (self, other) {
            (Anchor::Always, _) | (_, Anchor::Always) => Anchor::Always,
            (Anchor::AfterLead(a), Anchor::AfterLead(b)) => Anchor::AfterLead(a | b),
            (Anchor::AfterLead(a), Anchor::Never) | (Anchor::Never, Anchor::AfterLead(a)) => {
                Anchor::AfterLead(a)
            }
            (Anchor::Never, Anchor::Never) => Anchor::Never,
        }
    }
}

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
    /// For a word of the lexicon, its entry ([`Lexicon::entry`]); else [`NO_ENTRY`].
    pub entry: u32,
}

/// A token that is no word of the lexicon.
pub(crate) const NO_ENTRY: u32 = u32::MAX;

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

/// The end of the run of ASCII letters at `i`, eight bytes at a time.
fn ascii_letters_end(bytes: &[u8], mut i: usize) -> usize {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    const CASE: u64 = 0x2020_2020_2020_2020;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let x = u64::from_le_bytes(w);
        // Each byte folded to lowercase; bytes from 'a' up get their high bit from the
        // first sum, bytes past 'z' from the second; non-ASCII bytes are no letters.
        let y = (x & LOW7) | CASE;
        let from_a = y.wrapping_add(0x1F1F_1F1F_1F1F_1F1F);
        let past_z = y.wrapping_add(0x0505_0505_0505_0505);
        let letters = from_a & !past_z & !x & HIGHS;
        let others = !letters & HIGHS;
        if others != 0 {
            return i + (others.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
        i += 1;
    }
    i
}

/// A letter: ASCII and Latin-1 letters without the Unicode tables, the rest with them.
fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{C0}'..='\u{FF}' => c != '×' && c != '÷',
        c if c.is_ascii() => false,
        c => c.is_alphabetic(),
    }
}

/// The previous token is a number right before this one ("1st"): its word may be an
/// ordinal suffix, which the grammar reads, so its text is kept.
fn after_digits(out: &[Token], gap: bool) -> bool {
    !gap && out.last().is_some_and(|t| matches!(t.tok, Tok::Int(..)))
}

/// The entry of a normalised word in the lexicon, if one is given and has it.
fn entry_of(known: Option<&Lexicon>, word: &str) -> u32 {
    match known {
        Some(lex) if !word.is_empty() => lex.index.get(word).copied().unwrap_or(NO_ENTRY),
        _ => NO_ENTRY,
    }
}

/// A word token over `buf[from..to]`.
fn word_range(from: usize, to: usize) -> Tok {
    Tok::Word(
        u32::try_from(from).unwrap_or(u32::MAX),
        u32::try_from(to).unwrap_or(u32::MAX),
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`' | '´')
}

/// Splits `text` into tokens; word texts are normalised into `buf`.
///
/// With a `known` lexicon, words its bloom filter (see [`Lexicon::bloom`]) rules out are
/// not copied: their token has an empty text range, as no lexicon entry can match them;
/// the others carry their entry, if any.
pub(crate) fn tokenize(
    text: &str,
    known: Option<&Lexicon>,
    buf: &mut String,
    out: &mut Vec<Token>,
) {
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
                entry: NO_ENTRY,
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
            // Fast path: a run of ASCII letters, maybe elided ("dell'ondata", "l’anno").
            let start = i;
            i = ascii_letters_end(bytes, i);
            let apostrophe = match bytes.get(i..) {
                Some([b'\'', ..]) => 1,
                Some([0xE2, 0x80, 0x98 | 0x99, ..]) => 3,
                _ => 0,
            };
            if apostrophe > 0 || bytes.get(i).is_none_or(|&b| b < 0x80) {
                let letters = &bytes[start..i];
                let len = letters.len() + usize::from(apostrophe > 0);
                let at = |k: usize| match letters.get(k) {
                    Some(b) => b.to_ascii_lowercase(),
                    None if k < len => b'\'',
                    None => 0,
                };
                let from = buf.len();
                if known.is_none_or(|lex| bloom_has(&lex.bloom, len, at(0), at(1), at(len - 1)))
                    || after_digits(out, gap)
                {
                    buf.push_str(&text[start..i]);
                    buf[from..].make_ascii_lowercase();
                    if apostrophe > 0 {
                        buf.push('\'');
                    }
                }
                i += apostrophe;
                out.push(Token {
                    start,
                    end: i,
                    gap,
                    tok: word_range(from, buf.len()),
                    entry: entry_of(known, &buf[from..]),
                });
                gap = false;
                continue;
            }
            // Accents follow: redo this word on the general path.
            i = start;
        }
        if b.is_ascii_alphabetic() || b >= 0x80 {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            if is_letter(c) {
                let start = i;
                let from = buf.len();
                let mut j = i;
                let mut chars = text[i..].char_indices();
                for (k, c) in chars.by_ref() {
                    if is_letter(c) {
                        fold_into(c, buf);
                        j = i + k + c.len_utf8();
                    } else if is_apostrophe(c) {
                        // Elision: "l'anno" is "l'" + "anno".
                        buf.push('\'');
                        j = i + k + c.len_utf8();
                        break;
                    } else {
                        break;
                    }
                }
                if let Some(bloom) = known.map(|lex| &lex.bloom) {
                    let w = &buf.as_bytes()[from..];
                    let at = |k: usize| w.get(k).copied().unwrap_or(0);
                    let last = w.last().copied().unwrap_or(0);
                    if !bloom_has(bloom, w.len(), at(0), at(1), last) && !after_digits(out, gap) {
                        buf.truncate(from);
                    }
                }
                out.push(Token {
                    start,
                    end: j,
                    gap,
                    tok: word_range(from, buf.len()),
                    entry: entry_of(known, &buf[from..]),
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
                    entry: NO_ENTRY,
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
            entry: NO_ENTRY,
        });
        gap = false;
        i += 1;
    }
}

/// One language's phrase dictionary.
pub(crate) struct Lexicon {
    /// Normalised phrase (tokens joined by one space) → meaning.
    pub phrases: FxHashMap<String, (Sem, Option<Sem>)>,
    /// Normalised words that start a phrase of more than one token.
    pub heads: FxHashMap<String, usize>,
    /// Every proper prefix (in tokens) of a phrase: extending a key stops when it is none.
    pub prefixes: FxHashMap<String, ()>,
    /// Words with an entry (one-token keys, phrase heads, words marking an anchor phrase):
    /// their index in [`Lexicon::entries`].
    pub index: FxHashMap<String, u32>,
    /// The entries of [`Lexicon::index`].
    pub entries: Vec<WordEntry>,
    /// A bit per (length, first, second, last byte) class of the words of every key: most
    /// words of a text are in no class, so they are neither copied nor looked up.
    pub bloom: Vec<u64>,
    /// Some phrase starts with a digit or a symbol ("1/2 hour", "@").
    pub symbol_heads: bool,
    /// The numbers that start a phrase of several tokens ("1/2 hour": 1).
    pub int_heads: Vec<u32>,
    /// The symbols that start a phrase of several tokens.
    pub punct_heads: Vec<char>,
    /// The symbols that, alone or starting a phrase, may anchor a mention.
    pub anchor_puncts: Vec<char>,
    /// The table the lexicon was built from.
    pub table: &'static TemporalTable,
}

/// Normalises a table phrase into the key the tokenizer would produce for it.
pub(crate) fn phrase_key(phrase: &str) -> (String, usize) {
    let mut buf = String::new();
    let mut toks = Vec::new();
    tokenize(phrase, None, &mut buf, &mut toks);
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
    bloom_class(
        b.len(),
        b.first().copied().unwrap_or(0),
        b.get(1).copied().unwrap_or(0),
        b.last().copied().unwrap_or(0),
    )
}

/// The bloom class of a word of `len` bytes from its first, second and last bytes.
fn bloom_class(len: usize, first: u8, second: u8, last: u8) -> usize {
    let h = (len as u32)
        .wrapping_mul(31)
        .wrapping_add(u32::from(first))
        .wrapping_mul(31)
        .wrapping_add(u32::from(second))
        .wrapping_mul(31)
        .wrapping_add(u32::from(last));
    (h.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

/// Whether a normalised word of `len` bytes with these first, second and last bytes may be
/// a word of some key of the bloom's lexicon.
fn bloom_has(bloom: &[u64], len: usize, first: u8, second: u8, last: u8) -> bool {
    let b = bloom_class(len, first, second, last);
    bloom.get(b / 64).is_some_and(|w| w & (1 << (b % 64)) != 0)
}

impl Lexicon {
    /// The entry at `i` ([`Token::entry`]); none for [`NO_ENTRY`].
    pub(crate) fn entry(&self, i: u32) -> Option<WordEntry> {
        self.entries.get(i as usize).copied()
    }
}

fn build(t: &'static TemporalTable) -> Lexicon {
    let mut lex = Lexicon {
        phrases: FxHashMap::default(),
        heads: FxHashMap::default(),
        prefixes: FxHashMap::default(),
        index: FxHashMap::default(),
        entries: Vec::new(),
        bloom: vec![0; 1024],
        symbol_heads: false,
        int_heads: Vec::new(),
        punct_heads: Vec::new(),
        anchor_puncts: Vec::new(),
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
    for &(w, n) in t.counts {
        add(w, Sem::Count(n));
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
    let shared = shared
        .chain(super::lang::international::INDIAN)
        .chain(super::lang::international::MARKS);
    for &(w, sem) in shared {
        add(w, sem);
    }
    let mut words: FxHashMap<String, WordEntry> = FxHashMap::default();
    let leads =
        |&(sem, alt): &(Sem, Option<Sem>)| sem.lead_given() | alt.map_or(0, Sem::lead_given);
    for (k, v) in lex.phrases.iter().filter(|(k, _)| !k.contains(' ')) {
        let e = words.entry(k.clone()).or_default();
        e.sems = Some(*v);
        e.anchor = Anchor::of(v.0, v.1);
        e.leads = leads(v);
        // A symbol anchors unless it is a unit mark after a number ("15'", "30\"").
        let mark = matches!(v.0, Sem::Unit(_) | Sem::Units(_));
        if e.anchor != Anchor::Never
            && !mark
            && let (Some(c), None) = (k.chars().next(), k.chars().nth(1))
            && !c.is_alphabetic()
        {
            lex.anchor_puncts.push(c);
        }
    }
    // A phrase that may anchor a mention needs one of its tokens to say so. One that always
    // does marks its longest word (likely the rarest), unless a number or another of its
    // words already anchors: not its head, which keeps "di" and "il" (heads of "di mattina",
    // "il giorno dopo") out. A count phrase ("twenty one") marks its head, which follows the
    // leading word.
    for (k, v) in lex.phrases.iter().filter(|(k, _)| k.contains(' ')) {
        let parts: Vec<&str> = k.split(' ').collect();
        if let Some(last) = parts.last() {
            words.entry((*last).to_string()).or_default().leads |= leads(v);
        }
        let anchor = Anchor::of(v.0, v.1);
        let is_symbol = |p: &str| !p.chars().any(char::is_alphabetic);
        match anchor {
            Anchor::Never => continue,
            Anchor::AfterLead(_) => {
                match parts.first() {
                    Some(p) if is_symbol(p) => lex.anchor_puncts.extend(p.chars().next()),
                    Some(p) => {
                        let e = words.entry((*p).to_string()).or_default();
                        e.anchor = e.anchor.or(anchor);
                    }
                    None => {}
                }
                continue;
            }
            Anchor::Always => {}
        }
        let marked = parts.iter().any(|p| {
            p.parse::<u32>().is_ok()
                || words.get(*p).is_some_and(|e| e.anchor == Anchor::Always)
                || is_symbol(p) && p.chars().all(|c| lex.anchor_puncts.contains(&c))
        });
        if marked {
            continue;
        }
        let longest = parts
            .iter()
            .filter(|p| !is_symbol(p))
            .max_by_key(|p| p.chars().filter(|c| c.is_alphabetic()).count());
        match longest {
            Some(w) => words.entry((*w).to_string()).or_default().anchor = Anchor::Always,
            None => lex
                .anchor_puncts
                .extend(parts.iter().filter_map(|p| p.chars().next())),
        }
    }
    lex.anchor_puncts.sort_unstable();
    lex.anchor_puncts.dedup();
    for (k, n) in &lex.heads {
        words.entry(k.clone()).or_default().longest = *n;
    }
    // Every word of every phrase, not only the first: the tokenizer keeps the text of the
    // words the filter lets through, and phrases are matched on that text.
    for part in lex.phrases.keys().flat_map(|k| k.split(' ')) {
        let b = bloom_bit(part);
        lex.bloom[b / 64] |= 1 << (b % 64);
    }
    for (k, e) in words {
        lex.index
            .insert(k, u32::try_from(lex.entries.len()).unwrap_or(NO_ENTRY));
        lex.entries.push(e);
    }
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

static LEXICONS: crate::lang::PerLang<Lexicon> = crate::lang::PerLang::new();

/// The lexicon of one language (built once, on first use).
pub(crate) fn lexicon(lang: Lang) -> &'static Lexicon {
    LEXICONS.get(lang, |l| build(table(l)))
}
