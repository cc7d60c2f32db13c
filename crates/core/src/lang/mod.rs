//! The supported languages, their language packs, and a small, fast language detector.
//!
//! Everything one language knows sits in its pack, one folder per language
//! (`lang/<code>/{words,events,dates}.rs`); [`pack`] is the one place that knows which
//! language is which, and the engines read the tables through it. Adding a language:
//!
//! 1. copy a folder here (`lang/xx/`) and translate its three tables;
//! 2. add the variant to [`Lang`] (its code, and [`Lang::ALL`]);
//! 3. add its arm to [`pack`];
//! 4. add its case files: `tests/events/xx.tsv` and `tests/temporal/xx.tsv`.
//!
//! Detection counts each language's stop words over the first words of the text: cheap,
//! deterministic, and good enough to pick one of six languages for a news article. Texts
//! with no stop-word evidence get `None`.

mod de;
mod en;
mod es;
mod fr;
mod it;
mod pt;

use crate::error::Error;
use crate::rules::EventTable;
use crate::tables::LangTable;
use crate::temporal::lang::TemporalTable;
use rustc_hash::FxHashMap;
use std::fmt;
use std::str::FromStr;
use std::sync::{LazyLock, OnceLock};

/// A language Dateline reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Italian.
    It,
    /// English.
    En,
    /// French.
    Fr,
    /// German.
    De,
    /// Spanish.
    Es,
    /// Portuguese.
    Pt,
}

impl Lang {
    /// Every supported language, in table order.
    pub const ALL: [Lang; 6] = [Lang::It, Lang::En, Lang::Fr, Lang::De, Lang::Es, Lang::Pt];

    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::It => "it",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::Es => "es",
            Lang::Pt => "pt",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = Error;

    /// Parses an ISO 639-1 code, case-insensitively (`"IT"`, `"it"`).
    fn from_str(s: &str) -> Result<Lang, Error> {
        let lower = s.trim().to_ascii_lowercase();
        Lang::ALL
            .into_iter()
            .find(|l| l.code() == lower)
            .ok_or_else(|| Error::UnknownLanguage(s.to_string()))
    }
}

/// Everything Dateline knows about one language: its three tables.
#[derive(Debug)]
pub struct Pack {
    /// Which language this is.
    pub lang: Lang,
    /// Stop words and the small words the engines read.
    pub words: &'static LangTable,
    /// Event triggers, roles, number notation, blockers.
    pub events: &'static EventTable,
    /// Date words and the date grammar's words.
    pub dates: &'static TemporalTable,
}

/// The pack of one language: the one dispatch point that knows which language is which.
pub fn pack(lang: Lang) -> &'static Pack {
    match lang {
        Lang::It => &it::PACK,
        Lang::En => &en::PACK,
        Lang::Fr => &fr::PACK,
        Lang::De => &de::PACK,
        Lang::Es => &es::PACK,
        Lang::Pt => &pt::PACK,
    }
}

/// Every language's pack, in [`Lang::ALL`] order.
pub fn packs() -> impl Iterator<Item = &'static Pack> {
    Lang::ALL.into_iter().map(pack)
}

impl Lang {
    /// The language's place in [`Lang::ALL`].
    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// One value per language, each built the first time its language is read: an Italian
/// article compiles no German tables, so a one-article process starts fast.
pub(crate) struct PerLang<T>([OnceLock<T>; 6]);

impl<T> PerLang<T> {
    /// Nothing built yet.
    pub(crate) const fn new() -> Self {
        Self([const { OnceLock::new() }; 6])
    }

    /// The value of `lang`, built by `build` on first use.
    pub(crate) fn get(&self, lang: Lang, build: impl FnOnce(Lang) -> T) -> &T {
        self.0[lang.index()].get_or_init(|| build(lang))
    }
}

/// How many words detection reads at most.
const DETECTION_WORDS: usize = 2000;

/// Every language's stop words, each with the set of languages (bit `i` for
/// `Lang::ALL[i]`) that list it: one lookup per word instead of one search per language.
static STOPWORD_LANGS: LazyLock<FxHashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut map: FxHashMap<&'static str, u8> = FxHashMap::default();
    for (i, pack) in packs().enumerate() {
        for &word in pack.words.stopwords {
            *map.entry(word).or_default() |= 1 << i;
        }
    }
    map
});

/// Guesses the language of `text` from stop-word counts; `None` when no stop word of any
/// language occurs.
pub fn detect(text: &str) -> Option<Lang> {
    let mut scores = [0usize; 6];
    let words = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(DETECTION_WORDS);
    let mut lower = String::new();
    for word in words {
        let key = if word.chars().any(char::is_uppercase) {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            lower.as_str()
        } else {
            word
        };
        if let Some(&langs) = STOPWORD_LANGS.get(key) {
            for (i, score) in scores.iter_mut().enumerate() {
                *score += usize::from(langs >> i & 1);
            }
        }
    }
    let (best, &score) = scores
        .iter()
        .enumerate()
        .max_by_key(|&(i, s)| (*s, usize::MAX - i))?;
    (score > 0).then_some(Lang::ALL[best])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_language_from_a_plain_sentence() {
        let cases = [
            (
                "l'amministratore delegato ha lasciato la società dopo tre anni",
                Lang::It,
            ),
            (
                "The chief executive said that the company would cut jobs this year",
                Lang::En,
            ),
            (
                "Le directeur a quitté la société après trois ans selon le journal",
                Lang::Fr,
            ),
            (
                "Der Vorstand hat sich nach drei Jahren von dem Unternehmen getrennt",
                Lang::De,
            ),
            (
                "El consejero delegado dejó la empresa después de tres años según la prensa",
                Lang::Es,
            ),
            (
                "O diretor deixou a empresa após três anos, segundo o jornal",
                Lang::Pt,
            ),
        ];
        for (text, lang) in cases {
            assert_eq!(detect(text), Some(lang), "{text}");
        }
    }

    #[test]
    fn every_pack_is_its_own_language() {
        for (l, p) in Lang::ALL.into_iter().zip(packs()) {
            assert_eq!(
                (p.lang, p.words.lang, p.events.lang, p.dates.lang),
                (l, l, l, l)
            );
        }
    }

    #[test]
    fn index_is_the_place_in_all() {
        for (i, l) in Lang::ALL.into_iter().enumerate() {
            assert_eq!(l.index(), i);
        }
    }

    #[test]
    fn no_evidence_gives_none() {
        assert_eq!(detect(""), None);
        assert_eq!(detect("12345 !!! 3,4"), None);
        assert_eq!(detect("xyzzy plugh"), None);
    }

    #[test]
    fn codes_parse_case_insensitively_and_unknown_codes_are_errors() {
        assert_eq!("IT".parse::<Lang>(), Ok(Lang::It));
        assert_eq!(" pt ".parse::<Lang>(), Ok(Lang::Pt));
        assert_eq!(
            "xx".parse::<Lang>(),
            Err(Error::UnknownLanguage("xx".into()))
        );
    }
}
