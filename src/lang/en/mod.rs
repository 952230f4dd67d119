//! English: the default language, and the model for adding another (see [`crate::lang`]).

mod claims;
mod numbers;
mod periods;
mod sentences;
mod subjects;
mod units;

pub use subjects::RATIO_WHOLES;
pub use units::unit_code;

use super::Language;

pub static ENGLISH: Language = Language {
    code: "en",
    name: "English",
    codes: &["en", "eng"],
    numbers: numbers::NUMBERS,
    units: units::UNITS,
    directions: claims::DIRECTIONS,
    claims: claims::CLAIMS,
    periods: periods::PERIODS,
    subjects: subjects::SUBJECTS,
    sentences: sentences::SENTENCES,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::Direction::{Down, Up};
    use crate::document::Document;
    use crate::lang::{DirectionPos::Verb, Map};
    use crate::span::Span;

    /// English with two direction verbs spelled with letters outside ASCII.
    static ACCENTED: Language = Language {
        code: "xx",
        name: "English with accented verbs (test)",
        codes: &["xx"],
        numbers: numbers::NUMBERS,
        units: units::UNITS,
        directions: Map::new(&[("bajó", (Down, Verb)), ("subió", (Up, Verb))]),
        claims: claims::CLAIMS,
        periods: periods::PERIODS,
        subjects: subjects::SUBJECTS,
        sentences: sentences::SENTENCES,
    };

    /// (direction, change as written) of each change claim of `text` in `lang`.
    fn changes(lang: &'static Language, text: &str) -> Vec<(String, String)> {
        let doc = Document::in_language(
            "t".into(),
            "t.txt".into(),
            text.into(),
            Span::new(0, text.len()),
            lang,
        );
        crate::analysis::check(doc, None)
            .claims
            .iter()
            .filter_map(|c| c.change.as_ref())
            .map(|ch| {
                (
                    format!("{:?}", ch.direction),
                    ch.stated.slice(text).to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn a_table_word_with_accents_is_found_in_any_case() {
        for (text, direction, stated) in [
            ("Sales subió 5 pct.", "Some(Up)", "subió 5 pct"),
            ("Sales SUBIÓ 5 pct.", "Some(Up)", "SUBIÓ 5 pct"),
            ("Sales Bajó 5 pct.", "Some(Down)", "Bajó 5 pct"),
        ] {
            assert_eq!(
                changes(&ACCENTED, text),
                [(direction.to_string(), stated.to_string())],
                "{text}"
            );
        }
        // English has no such word; its own still work.
        assert!(changes(&ENGLISH, "Sales subió 5 pct.").is_empty());
        assert_eq!(changes(&ENGLISH, "Sales rose 5 pct.").len(), 1);
    }
}
