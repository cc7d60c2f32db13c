//! Where mentions can be: the runs of tokens around those that may anchor one.
//!
//! Every mention holds an anchor (a number, or a temporal word that is not a mere
//! preposition) and starts at most four items before it. Most of a news text is far from
//! any anchor, so the grammar only runs on regions: each token that may anchor a mention,
//! widened on both sides up to a few *plain* words. A plain word is one the lexicon's filter
//! rules out (its token keeps no text): it is in no phrase, so it is an item of its own in
//! any grouping, and a region that starts or ends at one groups its tokens into exactly the
//! items the whole text would have there.

use super::lexicon::{Anchor, Lexicon, Tok, Token, WordEntry};

/// Plain words kept before the first anchor of a region. A mention starts at most four
/// items before its anchor, but never at a plain word, and the grammar looks back one item:
/// everything up to the nearest plain word before the anchor is enough. One more is kept
/// for safety; the module tests check that regions find what parsing everything finds.
const PLAIN_BEFORE: usize = 2;
/// Plain words kept after the last anchor of a region: the grammar stops at a plain word
/// and looks at most one item past it.
const PLAIN_AFTER: usize = 2;

/// A token's text holds nothing the lexicon could match.
fn is_plain(t: &Token) -> bool {
    matches!(t.tok, Tok::Word(a, z) if a == z)
}

/// The lexicon entry of a token.
fn entry(t: &Token, lex: &Lexicon) -> Option<WordEntry> {
    lex.entry(t.entry)
}

/// Token `i` may anchor a mention, alone or within a phrase.
fn may_anchor(tokens: &[Token], i: usize, lex: &Lexicon) -> bool {
    let t = &tokens[i];
    match t.tok {
        Tok::Int(..) => true,
        Tok::Punct(c) => lex.anchor_puncts.contains(&c),
        Tok::Word(..) => match entry(t, lex).map(|e| e.anchor) {
            Some(Anchor::Always) => true,
            Some(Anchor::AfterLead(needs)) => i
                .checked_sub(1)
                .and_then(|p| entry(&tokens[p], lex))
                .is_some_and(|e| e.leads & needs != 0),
            _ => false,
        },
    }
}

/// The token ranges of `tokens` (from [`tokenize`](super::lexicon::tokenize) with `lex`)
/// that can hold a mention, in order and disjoint, into `out`.
pub(crate) fn regions(tokens: &[Token], lex: &Lexicon, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        if !may_anchor(tokens, i, lex) {
            i += 1;
            continue;
        }
        let mut start = i;
        let mut plain = 0;
        while start > 0 && plain < PLAIN_BEFORE {
            start -= 1;
            plain += usize::from(is_plain(&tokens[start]));
        }
        let mut end = i + 1;
        plain = 0;
        while end < n && plain < PLAIN_AFTER {
            if may_anchor(tokens, end, lex) {
                plain = 0;
            } else {
                plain += usize::from(is_plain(&tokens[end]));
            }
            end += 1;
        }
        match out.last_mut() {
            Some(last) if start <= last.1 => last.1 = end,
            _ => out.push((start, end)),
        }
        i = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::temporal::lexicon::{lexicon, tokenize};

    fn regions_of(text: &str, lang: Lang) -> Vec<String> {
        let lex = lexicon(lang);
        let (mut buf, mut toks, mut out) = (String::new(), Vec::new(), Vec::new());
        tokenize(text, Some(lex), &mut buf, &mut toks);
        regions(&toks, lex, &mut out);
        out.iter()
            .map(|&(s, e)| text[toks[s].start..toks[e - 1].end].to_string())
            .collect()
    }

    #[test]
    fn a_text_without_anchors_has_no_region() {
        assert!(regions_of("la società ha annunciato le sue dimissioni", Lang::It).is_empty());
        assert!(regions_of("", Lang::It).is_empty());
    }

    #[test]
    fn a_region_widens_an_anchor_by_plain_words_on_both_sides() {
        let text = "la squadra di ingegneri guidata con pazienza dalla direttrice tecnica ha \
                    lasciato l'azienda ieri dopo una lunga discussione sul futuro della \
                    piattaforma di ricerca interna e sulle sue priorità commerciali";
        let lex = lexicon(Lang::It);
        let (mut buf, mut toks, mut out) = (String::new(), Vec::new(), Vec::new());
        tokenize(text, Some(lex), &mut buf, &mut toks);
        regions(&toks, lex, &mut out);
        let anchor = toks.iter().position(|t| &text[t.start..t.end] == "ieri");
        let anchor = anchor.expect("ieri is a token");
        assert_eq!(out.len(), 1, "{out:?}");
        let (start, end) = out[0];
        assert!(start > 0 && end < toks.len(), "{out:?} of {}", toks.len());
        let plain = |r: std::ops::Range<usize>| toks[r].iter().filter(|t| is_plain(t)).count();
        assert!(is_plain(&toks[start]) && is_plain(&toks[end - 1]));
        assert_eq!(plain(start..anchor), PLAIN_BEFORE);
        assert_eq!(plain(anchor + 1..end), PLAIN_AFTER);
    }

    #[test]
    fn close_anchors_share_one_region() {
        let found = regions_of("dal 3 al 5 marzo e poi di nuovo il 7", Lang::It);
        assert_eq!(found, ["dal 3 al 5 marzo e poi di nuovo il 7"]);
    }
}
