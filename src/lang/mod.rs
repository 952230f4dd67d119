//! Languages as data: every word and phrase the pipeline reads (numbers, scales, units,
//! currencies, directions, change and period phrases, fillers, abbreviations, subject words)
//! lives in one [`Language`] table per language, so a language is added beside English
//! without touching the pipeline.
//!
//! A `Language` is a plain struct of `&'static` tables rather than a trait object: the hot
//! loops test every token against shape prefilters ([`shapes`]) and look words up many times
//! per sentence, and a table reached through one `&'static Language` keeps those lookups
//! direct and inlinable where a `dyn` call per token would not be. Every table takes
//! lowercase words ([`Low`]), in any script.
//!
//! # Adding a language
//!
//! 1. Copy `src/lang/en/` to `src/lang/xx/` (the ISO 639-1 code) and replace the words of
//!    every table; keep each field's meaning (the doc comments of [`Language`]'s parts say
//!    what each is for). Words are lowercase. A table lists its words shortest first (in
//!    bytes; the build fails on a table that does not). A field that names one word of a
//!    phrase ("per" of "per cent") takes that language's word for the same slot. Shape
//!    filters that span tables (`UnitWords::starts`, `PeriodWords::starts`, the number and
//!    approximator filters) are built with the same `const fn`s as in English.
//! 2. Write `src/lang/xx/conformance.txt`: sentences, each followed by the claims it must
//!    give (the format is at the top of `src/lang/en/conformance.txt`).
//! 3. Add one line to [`ALL`] (`&xx::LANGUAGE`) and the codes that select it in its `codes`.
//!
//! `tests/language_conformance.rs` then runs for it as for English: every table word is
//! lowercase, short enough and found by the token path in either case; no table gives a word
//! twice; the twelve months, cardinals 0 to 12, ordinals 1 to 4 and sane scales, fractions
//! and multiples are there; and its conformance sentences give their claims.
//! `tests/language_literals.rs` keeps English words out of the pipeline.
//!
//! The sentence splitter still reads abbreviations as ASCII letters: a language whose
//! abbreviations have other letters needs that place widened first.

pub mod en;
mod low;
pub mod shapes;
mod table;
mod words;

pub use low::{Low, MAX_WORD};
pub use table::{same, Map, Words};
pub use words::*;

/// Every language claimcheck reads, English first (the default).
pub static ALL: &[&Language] = &[&en::ENGLISH];

/// The language of an article with no `lang` field.
pub fn default_language() -> &'static Language {
    ALL[0]
}

/// The language a `lang` code names: its primary subtag, case-insensitively ("en", "en-US",
/// "EN_gb" are English). `None` for a language claimcheck does not read.
pub fn by_code(code: &str) -> Option<&'static Language> {
    let primary = code.trim().split(['-', '_']).next().unwrap_or("");
    ALL.iter()
        .copied()
        .find(|l| l.codes.iter().any(|c| c.eq_ignore_ascii_case(primary)))
}

impl Language {
    /// The factor of a scale word ("million", "bn", "lakh"); `attached` for a suffix written
    /// without a space ("5m", "$1.2bn"), where single letters are allowed too.
    pub fn scale(&self, w: &str, attached: bool) -> Option<f64> {
        let n = &self.numbers;
        n.scales
            .get(w)
            .or_else(|| n.attached_scales.get(w).filter(|_| attached))
    }
}

/// Every word table of one language.
#[derive(Debug)]
pub struct Language {
    /// The primary code of the language ("en").
    pub code: &'static str,
    /// Its English name ("English").
    pub name: &'static str,
    /// The primary subtags that select it (ISO 639-1 and 639-2/3: "en", "eng").
    pub codes: &'static [&'static str],
    pub numbers: NumberWords,
    pub units: UnitWords,
    pub directions: Map<(crate::claim::Direction, DirectionPos)>,
    pub claims: ClaimWords,
    pub periods: PeriodWords,
    pub subjects: SubjectWords,
    pub sentences: SentenceWords,
}

/// Languages are told apart by their code.
impl PartialEq for Language {
    fn eq(&self, other: &Language) -> bool {
        self.code == other.code
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_select_by_primary_subtag() {
        for code in ["en", "EN", "en-US", "en-GB", "en_GB", "eng", " en "] {
            assert_eq!(by_code(code).map(|l| l.code), Some("en"), "{code}");
        }
        for code in ["de", "", "-", "english", "e"] {
            assert!(by_code(code).is_none(), "{code}");
        }
        assert_eq!(default_language().code, "en");
    }
}
