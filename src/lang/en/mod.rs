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
