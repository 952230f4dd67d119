//! A numeric mention: one number as written in the text, with what it means.

use crate::interval::Interval;
use crate::span::Span;
use serde::Serialize;

/// What a mention measures (the `kind` of the output contract).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A bare number ("1,238", "seven").
    Number,
    /// A percent ("38.1%", "5.2 pct", "a third" is a Number).
    Percent,
    /// Percentage points or basis points, always in percentage points.
    Points,
    /// An amount of money, in the currency's base unit ("1.2 bln dlrs" = 1.2e9 USD).
    Currency,
    /// A number with a physical or count unit ("353 tons", "5,000 jobs").
    Quantity,
    /// A ratio ("seven times", "doubled", "halved").
    Multiple,
}

/// How an approximator or bound word widens the stated number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Bound {
    /// As written, to its precision.
    Exact,
    /// "about", "around", "roughly", "some", "approximately": widened both ways.
    About,
    /// "more than", "over", "above", "exceeding": strictly above.
    Above,
    /// "at least", "no less than".
    AtLeast,
    /// "less than", "under", "below".
    Below,
    /// "up to", "at most", "no more than".
    AtMost,
    /// "nearly", "almost", "close to", "just under": a little below.
    Nearly,
}

/// One number as written, with its reading.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mention {
    /// The whole mention, approximator and unit included ("more than 1.2 billion dlrs").
    pub span: Span,
    /// The number itself ("1.2 billion").
    pub number_span: Span,
    pub kind: MentionKind,
    /// The value as written, in base units: percent for percents, percentage points for
    /// points, the ratio for multiples.
    pub value: f64,
    /// Every value the words allow when the number was rounded to its written precision,
    /// widened by any approximator or bound.
    pub interval: Interval,
    /// The values allowed if the writer truncated instead of rounding (toward zero); equal
    /// to `interval` when truncation adds nothing.
    pub truncated: Interval,
    /// Canonical unit code ("t", "USD", "%", "pp", "x", "bbl", "people"); `None` for bare numbers.
    pub unit: Option<&'static str>,
    /// The approximator or bound word, canonical ("about", "more than").
    pub approx: Option<&'static str>,
    pub bound: Bound,
    /// Written as a range ("between 5 and 7 pct", "5-7%").
    pub range: bool,
    /// Written in words ("seven", "a third", "doubled").
    pub words: bool,
}
