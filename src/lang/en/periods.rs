//! English period phrases: months (in units.rs), ordinals, "the same period", "a year
//! earlier", "year-on-year", "fiscal 1987", "Q2".

use crate::lang::shapes::Shapes;
use crate::lang::{Map, PeriodWords, Words};

const ORDINALS: Map<u8> = Map::new(&[("first", 1), ("third", 3), ("second", 2), ("fourth", 4)]);
const FISCAL: Words = Words::new(&["fy", "fiscal"]);
const RELATIVE_STARTS: Words = Words::new(&[
    "a", "the", "last", "this", "same", "year", "prior", "month", "quarter", "previous",
]);

pub const PERIODS: PeriodWords = PeriodWords {
    ordinals: ORDINALS,
    quarters: Words::new(&["qtr", "quarter", "quarters"]),
    half: "half",
    prepositions: Words::new(&["in", "of", "for", "during"]),
    year_prepositions: Words::new(&[
        "in", "of", "to", "for", "and", "from", "than", "with", "since", "during",
    ]),
    baseline_skip: Words::new(&["a", "in", "of", "the", "its", "level", "levels"]),
    that_of: (Words::new(&["that", "those", "level"]), "of"),
    baseline_words: Words::new(&[
        "vs", "to", "from", "than", "over", "with", "since", "versus", "against",
    ]),
    with: "with",
    to: "to",
    compared: "compared",
    relative: "relative",
    may_verb: (
        "may",
        Words::new(&["be", "not", "have", "also", "well", "still"]),
    ),
    fiscal: FISCAL,
    quarter_letter: "q",
    half_letter: "h",
    year: "year",
    month: "month",
    quarter: "quarter",
    on_over: Words::new(&["on", "over"]),
    relative_starts: RELATIVE_STARTS,
    back: Words::new(&["last", "prior", "previous"]),
    this: "this",
    previous: "previous",
    prior: "prior",
    last: "last",
    a: "a",
    the: "the",
    ago: Words::new(&["ago", "before", "earlier"]),
    before: "before",
    same: "same",
    same_units: Words::new(&[
        "time", "half", "month", "period", "months", "quarter", "period's",
    ]),
    in_of: Words::new(&["in", "of"]),
    of: "of",
    earlier: "earlier",
    ago_word: "ago",
    starts: Shapes::EMPTY
        .union(FISCAL.shapes())
        .with("q")
        .with("h")
        .union(RELATIVE_STARTS.shapes())
        .union(super::units::UNITS.months.shapes())
        .union(ORDINALS.shapes()),
};
