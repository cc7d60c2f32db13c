//! Amounts of money and counts, in each language's notation.
//!
//! "150 miliardi di dollari", "$6.6bn", "€385m", "3,4 miliardi", "1.600 dipendenti",
//! "8 000 postes", "dodicimila", "15mila", "more than 1,600", "348.800 millones de dólares".
//! A number's separators are read with the language's table (decimal comma or point,
//! thousands groups of exactly three digits); multiplier words scale it; a currency sign
//! before or a currency word after makes it money; a qualifier before it ("oltre", "about")
//! is kept.

use crate::lang::{Lang, PerLang};
use crate::rules::{EventTable, event_table};
use crate::tables::alternation;
use regex::Regex;

/// A number found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Byte offset of its first byte (qualifier included).
    pub start: usize,
    /// Byte offset one past its last byte (multiplier and currency included).
    pub end: usize,
    /// The value in units (150 miliardi → 1.5e11).
    pub value: f64,
    /// ISO 4217 code when it is money.
    pub currency: Option<&'static str>,
    /// "more_than", "about", "just_over", "less_than" when a qualifier precedes it.
    pub qualifier: Option<&'static str>,
    /// Whether it is a percentage ("15%"): never a count nor money.
    pub percent: bool,
    /// Whether it looks like a year (four digits, 1800–2199, no multiplier or currency).
    pub year_like: bool,
}

impl Quantity {
    /// The value as a whole count of things, when it is one.
    pub fn count(&self) -> Option<u64> {
        if self.percent
            || self.currency.is_some()
            || self.year_like
            || self.value < 1.0
            || self.value > 1e12
        {
            return None;
        }
        let rounded = self.value.round();
        ((self.value - rounded).abs() < 1e-6).then_some(rounded as u64)
    }
}

struct Matcher {
    regex: Regex,
    multipliers: Vec<(Regex, f64)>,
    currencies: Vec<(Regex, &'static str)>,
    words: Vec<(Regex, u64)>,
    qualifiers: Vec<(Regex, &'static str)>,
    signs: Vec<(Regex, &'static str)>,
    /// A currency word right after a spelled number ("cinquecento euro").
    currency_after: Regex,
    /// A qualifier right before a spelled number ("rund siebenhundert").
    qualifier_before: Regex,
    /// A percent sign or word right after a spelled number ("zwanzig Prozent").
    percent_after: Regex,
}

static MATCHERS: PerLang<Matcher> = PerLang::new();

/// Currency signs and codes written before a number.
const SIGNS: &[(&str, &str)] = &[
    (r"R\$", "BRL"),
    (r"US\s?\$|U\.S\.\s?\$|\$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("CHF", "CHF"),
];

fn anchored(fragment: &str) -> Option<Regex> {
    Regex::new(&format!(r"(?i)^(?:{fragment})$")).ok()
}

fn build(t: &EventTable) -> Matcher {
    let sep: String = t
        .thousands
        .iter()
        .map(|c| regex::escape(&c.to_string()))
        .collect::<Vec<_>>()
        .join("|");
    let dec = regex::escape(&t.decimal.to_string());
    let number = format!(r"\d{{1,3}}(?:(?:{sep})\d{{3}})+(?:{dec}\d+)?|\d+(?:{dec}\d+)?");
    let mult_words = alternation(t.multipliers.iter().map(|m| m.0));
    let abbr = "bn|mn|mds|md|mrd|m|b|k|tn|g";
    let currency_words = alternation(t.currencies.iter().map(|c| c.0));
    let figure_numbers = t.figure_numbers();
    let number_words = alternation(figure_numbers.iter().map(|w| w.0.as_str()));
    let qualifiers = alternation(t.qualifiers.iter().map(|q| q.0));
    let signs = SIGNS.iter().map(|s| s.0).collect::<Vec<_>>().join("|");
    // ASCII word boundaries keep the regex on the fast DFA engines (a Unicode `\b` does not
    // run there on accented text). The words they close are ASCII at that end (a table test
    // checks it); the qualifier's start, which may be accented ("über"), is checked by hand.
    const B: &str = r"(?-u:\b)";
    let percent = format!(
        r"\s?%|\s(?:per ?cent|percent|per cento|por ciento|pour cent|prozent|por cento){B}"
    );
    let body = format!(
        r"(?i)(?:(?P<qual>{qualifiers})\s+)?(?P<sign>{signs})?\s?(?:(?P<num>{number})(?:\s?(?P<abbr>{abbr}){B}|\s?(?P<mult>{mult_words}){B})?|{B}(?P<word>{number_words})\s?(?P<wmult>{mult_words}){B})(?:\.?\s+(?P<cur>{currency_words}){B})?(?:\.?\s?(?P<post>€|£|\$))?(?P<pct>{percent})?"
    );
    let compile_pairs = |pairs: &[(&'static str, f64)]| -> Vec<(Regex, f64)> {
        pairs
            .iter()
            .filter_map(|&(p, v)| anchored(&crate::tables::pattern(p)).map(|r| (r, v)))
            .collect()
    };
    #[allow(clippy::expect_used)]
    Matcher {
        regex: Regex::new(&body).expect("amount regex built from a table must compile"),
        currency_after: Regex::new(&format!(r"(?i)^\.?\s+(?:{currency_words}){B}"))
            .expect("currency regex built from a table must compile"),
        qualifier_before: Regex::new(&format!(r"(?i)(?:^|[^\w])({qualifiers})\s+$"))
            .expect("qualifier regex built from a table must compile"),
        percent_after: Regex::new(&format!("(?i)^(?:{percent})"))
            .expect("the percent regex must compile"),
        signs: SIGNS
            .iter()
            .filter_map(|&(p, code)| anchored(p).map(|r| (r, code)))
            .collect(),
        multipliers: compile_pairs(t.multipliers),
        currencies: t
            .currencies
            .iter()
            .filter_map(|&(p, c)| anchored(&crate::tables::pattern(p)).map(|r| (r, c)))
            .collect(),
        words: figure_numbers
            .iter()
            .filter_map(|(p, v)| anchored(p).map(|r| (r, *v)))
            .collect(),
        qualifiers: t
            .qualifiers
            .iter()
            .filter_map(|&(p, q)| anchored(&crate::tables::pattern(p)).map(|r| (r, q)))
            .collect(),
    }
}

fn lookup<T: Copy>(table: &[(Regex, T)], word: &str) -> Option<T> {
    table
        .iter()
        .find(|(r, _)| r.is_match(word))
        .map(|&(_, v)| v)
}

/// Reads digits with the language's separators: "1.600" (it) → 1600, "3,4" (it) → 3.4,
/// "1,600" (en) → 1600, "8 000" (fr) → 8000.
fn parse_number(raw: &str, t: &EventTable) -> Option<f64> {
    let mut digits = String::with_capacity(raw.len());
    for c in raw.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if c == t.decimal {
            digits.push('.');
        } else if t.thousands.contains(&c) {
            continue;
        } else {
            return None;
        }
    }
    digits.parse().ok()
}

/// Every quantity in `text[span]` (read as `lang`), in text order, spans into `text`.
pub fn find_quantities(text: &str, span: (usize, usize), lang: Lang) -> Vec<Quantity> {
    let (m, t) = (
        MATCHERS.get(lang, |l| build(event_table(l))),
        event_table(lang),
    );
    let hay = &text[span.0..span.1];
    let mut out = Vec::new();
    for caps in m.regex.captures_iter(hay) {
        let Some(whole) = caps.get(0) else { continue };
        let (base, multiplier, raw_digits) = if let Some(num) = caps.name("num") {
            let Some(base) = parse_number(num.as_str(), t) else {
                continue;
            };
            let multiplier = if let Some(abbr) = caps.name("abbr") {
                // "6.6bn", "385m", "120 M€": abbreviations count only with a currency sign.
                if caps.name("sign").is_none() && caps.name("post").is_none() {
                    // Unless the language writes it as a word too ("2,1 Mrd. Euro").
                    lookup(&m.multipliers, abbr.as_str())
                } else {
                    Some(match abbr.as_str().to_ascii_lowercase().as_str() {
                        "tn" => 1e12,
                        "bn" | "b" | "md" | "mds" | "mrd" | "g" => 1e9,
                        "mn" | "m" => 1e6,
                        _ => 1e3,
                    })
                }
            } else {
                caps.name("mult")
                    .and_then(|w| lookup(&m.multipliers, w.as_str()))
            };
            // "emplea a 21,000 personas": a decimal comma before exactly three digits, with
            // no multiplier, is a thousands group written the English way.
            let raw = num.as_str();
            let base = match raw.split_once(t.decimal) {
                Some((int, frac))
                    if t.decimal == ','
                        && multiplier.is_none()
                        && frac.len() == 3
                        && !int.contains(|c: char| !c.is_ascii_digit())
                        && int.len() <= 3 =>
                {
                    base * 1000.0
                }
                _ => base,
            };
            (base, multiplier, Some(raw))
        } else if let (Some(w), Some(wm)) = (caps.name("word"), caps.name("wmult")) {
            let Some(base) = lookup(&m.words, w.as_str()) else {
                continue;
            };
            (base as f64, lookup(&m.multipliers, wm.as_str()), None)
        } else {
            continue;
        };
        let sign = caps
            .name("sign")
            .and_then(|s| lookup(&m.signs, s.as_str().trim()));
        let word_currency = caps
            .name("cur")
            .and_then(|c| lookup(&m.currencies, c.as_str()));
        let post = caps.name("post").map(|p| match p.as_str() {
            "€" => "EUR",
            "£" => "GBP",
            _ => "USD",
        });
        let currency = sign.or(post).or(word_currency);
        let percent = caps.name("pct").is_some();
        let year_like = multiplier.is_none()
            && currency.is_none()
            && !percent
            && raw_digits.is_some_and(|d| d.len() == 4 && d.chars().all(|c| c.is_ascii_digit()))
            && (1800.0..2200.0).contains(&base);
        // A qualifier counts only as a whole word ("über 1.000", not "xoltre 1.000").
        let qual = caps.name("qual").filter(|q| {
            !hay[..q.start()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        });
        let start = match (qual, caps.name("qual")) {
            (Some(q), _) => q.start(),
            (None, Some(q)) => q.end(),
            (None, None) => whole.start(),
        };
        // Leading whitespace before a sign-less number is not part of it.
        let trimmed = hay[start..whole.end()].trim();
        let start = start + hay[start..whole.end()].find(trimmed).unwrap_or(0);
        out.push(Quantity {
            start: span.0 + start,
            end: span.0 + start + trimmed.len(),
            value: base * multiplier.unwrap_or(1.0),
            currency,
            qualifier: qual.and_then(|q| lookup(&m.qualifiers, q.as_str())),
            percent,
            year_like,
        });
    }
    add_spelled(hay, span.0, m, t, &mut out);
    out
}

/// Spelled numbers below this are left alone: "two executives", "drei Jahre" are rarely an
/// event's figure, and the few small counts news gives in words are not worth the noise.
const SPELLED_MIN: f64 = 10.0;

/// One word of a sentence, for `text2num`.
struct Word<'a> {
    text: &'a str,
    lower: String,
    start: usize,
    end: usize,
    /// Whether punctuation (not only spaces) stands between it and the word before.
    after_break: bool,
}

impl text2num::Token for &Word<'_> {
    fn text(&self) -> std::borrow::Cow<'_, str> {
        self.text.into()
    }
    fn text_lowercase(&self) -> std::borrow::Cow<'_, str> {
        self.lower.as_str().into()
    }
    fn nt_separated(&self, _previous: &Self) -> bool {
        self.after_break
    }
    fn not_a_number_part(&self) -> bool {
        self.text.contains(|c: char| c.is_ascii_digit())
    }
}

/// Adds the whole numbers written in words ("siebenhundert Arbeitsplätze", "cent nonante
/// emplois", "dos mil quinientos empleados") that the digit pass did not already read,
/// keeping `out` in text order. A qualifier before and a currency word after count as for
/// digits.
fn add_spelled(hay: &str, offset: usize, m: &Matcher, t: &EventTable, out: &mut Vec<Quantity>) {
    if !hay.chars().any(char::is_alphabetic) {
        return;
    }
    let mut words = Vec::new();
    let mut last_end = 0;
    let is_word_char = |c: char| c.is_alphanumeric() || c == '-';
    let mut rest = hay.char_indices().peekable();
    while let Some((i, c)) = rest.next() {
        if !is_word_char(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = rest.peek() {
            if !is_word_char(d) {
                break;
            }
            end = j + d.len_utf8();
            rest.next();
        }
        let text = &hay[i..end];
        let after_break = !hay[last_end..i].chars().all(char::is_whitespace);
        words.push(Word {
            text,
            lower: text.to_lowercase(),
            start: i,
            end,
            after_break,
        });
        last_end = end;
    }
    let lang = (t.spelled_numbers)();
    for found in text2num::find_numbers(words.iter(), &lang, SPELLED_MIN) {
        let (Some(first), Some(last)) = (
            words.get(found.start),
            found.end.checked_sub(1).and_then(|e| words.get(e)),
        ) else {
            continue;
        };
        if found.is_ordinal || found.value < SPELLED_MIN || found.value.fract() != 0.0 {
            continue;
        }
        // "sei per cento": the "cento" of a percent word, after a number too small to read.
        let percent_word = found
            .start
            .checked_sub(1)
            .and_then(|i| words.get(i))
            .is_some_and(|w| {
                hay[..w.start]
                    .char_indices()
                    .next_back()
                    .is_some_and(|(i, _)| m.percent_after.is_match(&hay[i..]))
            });
        if percent_word {
            continue;
        }
        let (start, mut end) = (first.start, last.end);
        // The digit pass reads "dodici miliardi" and "dois mil" too; a longer spelled number
        // around such a word reading ("dois mil e quinhentos") replaces it.
        let overlaps = |q: &Quantity| q.start < offset + end && offset + start < q.end;
        let words_only = |q: &Quantity| {
            q.start >= offset + start
                && q.end <= offset + end
                && q.end - q.start < end - start
                && !hay[q.start - offset..q.end - offset].contains(|c: char| c.is_ascii_digit())
        };
        if out.iter().any(|q| overlaps(q) && !words_only(q)) {
            continue;
        }
        out.retain(|q| !overlaps(q));
        let after = &hay[end..];
        let percent = m.percent_after.is_match(after);
        let currency = m.currency_after.find(after).and_then(|c| {
            let word = c.as_str().trim_start_matches('.').trim();
            end += c.end();
            lookup(&m.currencies, word)
        });
        let prefix_from = hay[..start]
            .char_indices()
            .rev()
            .nth(24)
            .map_or(0, |(i, _)| i);
        let qual = m
            .qualifier_before
            .captures(&hay[prefix_from..start])
            .and_then(|c| c.get(1))
            .map(|q| (prefix_from + q.start(), q.as_str()));
        let start = qual.map_or(start, |q| q.0);
        let quantity = Quantity {
            start: offset + start,
            end: offset + end,
            value: found.value,
            currency,
            qualifier: qual.and_then(|q| lookup(&m.qualifiers, q.1)),
            percent,
            year_like: false,
        };
        let at = out.partition_point(|q| q.start < quantity.start);
        out.insert(at, quantity);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str, lang: Lang) -> Quantity {
        find_quantities(text, (0, text.len()), lang)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no quantity in {text:?}"))
    }

    fn money(text: &str, lang: Lang) -> (f64, &'static str) {
        let q = first(text, lang);
        (q.value, q.currency.unwrap_or("none"))
    }

    /// The amount regex closes multiplier, currency and number words with an ASCII `\b`,
    /// and opens number words with one: those ends must be ASCII.
    #[test]
    fn ascii_boundaries_hold_for_every_table_word() {
        for t in crate::rules::event_tables() {
            let closing = t.multipliers.iter().map(|m| m.0);
            let closing = closing.chain(t.currencies.iter().map(|c| c.0));
            let numbers = t.figure_numbers();
            let closing = closing.chain(numbers.iter().map(|w| w.0.as_str()));
            for phrase in closing {
                for alt in phrase.split('|') {
                    let end = alt.trim_end_matches([')', '?', '*', '+', ']']);
                    assert!(
                        end.chars().next_back().is_some_and(|c| c.is_ascii()),
                        "{:?}: {alt:?} must end in an ASCII character",
                        t.lang
                    );
                }
            }
            for (phrase, _) in &numbers {
                for alt in phrase.split('|') {
                    let start = alt.trim_start_matches(['(', '?', ':', '[']);
                    assert!(
                        start.chars().next().is_some_and(|c| c.is_ascii()),
                        "{:?}: {alt:?} must start with an ASCII character",
                        t.lang
                    );
                }
            }
        }
    }

    #[test]
    fn an_abbreviated_multiplier_keeps_its_currency() {
        assert_eq!(
            money("hat 45 Mio. Euro eingesammelt", Lang::De),
            (45e6, "EUR")
        );
        assert_eq!(money("2,1 Mrd. Euro Umsatz", Lang::De), (2.1e9, "EUR"));
        // The sign after the abbreviation's dot: "4,5 Mio. €".
        assert_eq!(
            money("hat 4,5 Mio. € eingesammelt", Lang::De),
            (4.5e6, "EUR")
        );
        assert_eq!(
            money("einen Umsatz von 3,42 Mrd. €", Lang::De),
            (3.42e9, "EUR")
        );
        assert_eq!(money("Gewinn von 212 Mio. Fr.", Lang::De), (212e6, "CHF"));
    }

    #[test]
    fn currency_signs_after_the_figure_and_the_real() {
        assert_eq!(money("un plan de 120 M€", Lang::Fr), (120e6, "EUR"));
        assert_eq!(money("valorisée 2,5 Md€", Lang::Fr), (2.5e9, "EUR"));
        assert_eq!(money("captou R$ 300 milhões", Lang::Pt), (300e6, "BRL"));
        assert_eq!(money("costa 45 €", Lang::It), (45.0, "EUR"));
        assert_eq!(first("5 m di altezza", Lang::It).currency, None);
    }

    #[test]
    fn qualifiers_count_only_as_whole_words() {
        let q = first("über 1.000 Mitarbeiter", Lang::De);
        assert_eq!((q.value, q.qualifier), (1000.0, Some("more_than")));
        let q = first("xoltre 1.600 dipendenti", Lang::It);
        assert_eq!((q.value, q.qualifier), (1600.0, None));
    }

    #[test]
    fn money_in_each_notation() {
        assert_eq!(
            money("ammontava a 150 miliardi di dollari", Lang::It),
            (150e9, "USD")
        );
        assert_eq!(
            money("hanno raggiunto i 3,4 miliardi di dollari", Lang::It),
            (3.4e9, "USD")
        );
        assert_eq!(money("a valuation of $6.6bn", Lang::En), (6.6e9, "USD"));
        assert_eq!(money("raised €385m", Lang::En), (385e6, "EUR"));
        assert_eq!(
            money("a capital infusion of US$30 billion", Lang::En),
            (30e9, "USD")
        );
        assert_eq!(
            money("a market value of $348.8 billion", Lang::En),
            (348.8e9, "USD")
        );
        assert_eq!(
            money("valor de mercado de 348.800 millones de dólares", Lang::Es),
            (348.8e9, "USD")
        );
        assert_eq!(money("pagherà 57 milioni di euro", Lang::It), (57e6, "EUR"));
        assert_eq!(
            money("une levée de 1,2 milliard d'euros", Lang::Fr),
            (1.2e9, "EUR")
        );
        assert_eq!(
            money("eine Bewertung von 2,5 Milliarden Euro", Lang::De),
            (2.5e9, "EUR")
        );
        assert_eq!(
            money("captou 3,5 bilhões de reais", Lang::Pt),
            (3.5e9, "BRL")
        );
    }

    #[test]
    fn counts_and_qualifiers() {
        let q = first("ha raggiunto più di 1.600.", Lang::It);
        assert_eq!((q.count(), q.qualifier), (Some(1600), Some("more_than")));
        assert_eq!(
            first("more than 1,600 employees", Lang::En).count(),
            Some(1600)
        );
        assert_eq!(
            first("supprimer pas moins de 8 000 postes", Lang::Fr).count(),
            Some(8000)
        );
        assert_eq!(
            first("dodicimila dipendenti", Lang::It).count(),
            Some(12000)
        );
        assert_eq!(first("15mila dipendenti", Lang::It).count(), Some(15000));
        assert_eq!(
            first("twelve thousand workers", Lang::En).count(),
            Some(12000)
        );
        let q = first("poco più di 54.000 dipendenti", Lang::It);
        assert_eq!((q.count(), q.qualifier), (Some(54000), Some("just_over")));
    }

    #[test]
    fn whole_numbers_spelled_out() {
        let q = first("baut rund siebenhundert Arbeitsplätze ab", Lang::De);
        assert_eq!((q.count(), q.qualifier), (Some(700), Some("about")));
        assert_eq!(
            first("la suppression de cent nonante emplois", Lang::Fr).count(),
            Some(190)
        );
        assert_eq!(
            first("supprimera huitante postes", Lang::Fr).count(),
            Some(80)
        );
        assert_eq!(
            first("un ERE para doscientos treinta trabajadores", Lang::Es).count(),
            Some(230)
        );
        assert_eq!(
            first("demitirá dois mil e quinhentos funcionários", Lang::Pt).count(),
            Some(2500)
        );
        assert_eq!(
            first("will cut seven hundred jobs", Lang::En).count(),
            Some(700)
        );
        let (v, c) = money("ha raccolto cinquecento euro", Lang::It);
        assert_eq!((v, c), (500.0, "EUR"));
    }

    #[test]
    fn small_spelled_numbers_ordinals_and_percent_words_are_not_counts() {
        for (text, lang) in [
            ("the two executives left", Lang::En),
            ("vor drei Jahren", Lang::De),
            ("the third quarter", Lang::En),
            ("circa il sei per cento della forza lavoro", Lang::It),
            ("zwanzig Prozent der Belegschaft", Lang::De),
        ] {
            let counts: Vec<_> = find_quantities(text, (0, text.len()), lang)
                .iter()
                .filter_map(Quantity::count)
                .collect();
            assert!(counts.is_empty(), "{text}: {counts:?}");
        }
    }

    #[test]
    fn percentages_years_and_bare_abbreviations_are_not_counts() {
        assert_eq!(first("circa il 15%", Lang::It).count(), None);
        assert!(first("circa il 15%", Lang::It).percent);
        let text = "six percent of its workforce, 6 percent";
        assert!(
            find_quantities(text, (0, text.len()), Lang::En)
                .iter()
                .all(|q| q.count().is_none())
        );
        assert_eq!(first("nel 2023", Lang::It).count(), None);
        // "5m" without a currency sign is five, not five million (it could be metres).
        assert_eq!(first("a 5m wall", Lang::En).value, 5.0);
    }

    #[test]
    fn spans_cover_the_figure() {
        let text = "valutazione di oltre 150 miliardi di dollari, dice";
        let q = first(text, Lang::It);
        assert_eq!(&text[q.start..q.end], "oltre 150 miliardi di dollari");
    }
}
