//! English numbers in words, multiples, approximators and scales.

use crate::lang::shapes::Shapes;
use crate::lang::{Map, Multiple, NumberWords, Words};
use crate::mention::Bound;

const CARDINALS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("six", 6),
    ("ten", 10),
    ("zero", 0),
    ("four", 4),
    ("five", 5),
    ("nine", 9),
    ("three", 3),
    ("seven", 7),
    ("eight", 8),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("eleven", 11),
    ("twelve", 12),
    ("twenty", 20),
    ("thirty", 30),
    ("eighty", 80),
    ("ninety", 90),
    ("nought", 0),
    ("naught", 0),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventy", 70),
    ("hundred", 100),
    ("thirteen", 13),
    ("fourteen", 14),
    ("eighteen", 18),
    ("nineteen", 19),
    ("seventeen", 17),
];

const MULTIPLES: &[(&[&str], Multiple)] = &[
    (
        &["doubled", "doubling", "doubles", "double"],
        (2.0, 1.85, 2.15),
    ),
    (
        &[
            "tripled", "tripling", "triples", "triple", "trebled", "trebling",
        ],
        (3.0, 2.75, 3.25),
    ),
    (&["quadrupled", "quadrupling", "quadruple"], (4.0, 3.7, 4.3)),
    (&["halved", "halving", "halves"], (0.5, 0.45, 0.55)),
    (&["twofold"], (2.0, 1.85, 2.15)),
    (&["threefold"], (3.0, 2.75, 3.25)),
    (&["fourfold"], (4.0, 3.7, 4.3)),
    (&["fivefold"], (5.0, 4.5, 5.5)),
    (&["sixfold"], (6.0, 5.5, 6.5)),
    (&["sevenfold"], (7.0, 6.5, 7.5)),
    (&["eightfold"], (8.0, 7.5, 8.5)),
    (&["ninefold"], (9.0, 8.5, 9.5)),
    (&["tenfold"], (10.0, 9.5, 10.5)),
];

/// Longest first: "no more than" before "more than".
const APPROXIMATORS: &[crate::lang::Approximator] = &[
    (&["no", "more", "than"], "no more than", Bound::AtMost),
    (&["no", "less", "than"], "no less than", Bound::AtLeast),
    (&["more", "than"], "more than", Bound::Above),
    (&["greater", "than"], "more than", Bound::Above),
    (&["less", "than"], "less than", Bound::Below),
    (&["fewer", "than"], "less than", Bound::Below),
    (&["at", "least"], "at least", Bound::AtLeast),
    (&["at", "most"], "at most", Bound::AtMost),
    (&["up", "to"], "up to", Bound::AtMost),
    (&["close", "to"], "close to", Bound::Nearly),
    (&["just", "under"], "just under", Bound::Nearly),
    (&["just", "below"], "just under", Bound::Nearly),
    (&["just", "over"], "just over", Bound::Above),
    (&["just", "above"], "just over", Bound::Above),
    (&["an", "estimated"], "an estimated", Bound::About),
    (&["about"], "about", Bound::About),
    (&["around"], "around", Bound::About),
    (&["roughly"], "roughly", Bound::About),
    (&["approximately"], "approximately", Bound::About),
    (&["approx"], "approximately", Bound::About),
    (&["some"], "some", Bound::About),
    (&["nearly"], "nearly", Bound::Nearly),
    (&["almost"], "almost", Bound::Nearly),
    (&["over"], "over", Bound::Above),
    (&["above"], "above", Bound::Above),
    (&["exceeding"], "more than", Bound::Above),
    (&["under"], "under", Bound::Below),
    (&["below"], "below", Bound::Below),
];

pub const NUMBERS: NumberWords = NumberWords {
    scales: Map::new(&[
        ("mn", 1e6),
        ("bn", 1e9),
        ("tn", 1e12),
        ("cr", 1e7),
        ("mln", 1e6),
        ("mio", 1e6),
        ("bln", 1e9),
        ("mil", 1e6),
        ("tln", 1e12),
        ("lkh", 1e5),
        ("bil", 1e9),
        ("trn", 1e12),
        ("lac", 1e5),
        ("trln", 1e12),
        ("lacs", 1e5),
        ("lkhs", 1e5),
        ("lakh", 1e5),
        ("lakhs", 1e5),
        ("crore", 1e7),
        ("krore", 1e7),
        ("crores", 1e7),
        ("krores", 1e7),
        ("hundred", 100.0),
        ("million", 1e6),
        ("billion", 1e9),
        ("thousand", 1e3),
        ("millions", 1e6),
        ("billions", 1e9),
        ("trillion", 1e12),
        ("thousands", 1e3),
        ("trillions", 1e12),
    ]),
    attached_scales: Map::new(&[("k", 1e3), ("m", 1e6), ("b", 1e9), ("cr", 1e7)]),
    cased_attached_scales: &[("MM", 1e6, false), ("T", 1e12, true)],
    cardinals: Map::new(CARDINALS),
    hundred: "hundred",
    fractions: Map::new(&[
        ("half", 0.5),
        ("third", 1.0 / 3.0),
        ("fifth", 0.2),
        ("sixth", 1.0 / 6.0),
        ("tenth", 0.1),
        ("ninth", 1.0 / 9.0),
        ("thirds", 1.0 / 3.0),
        ("fourth", 0.25),
        ("fifths", 0.2),
        ("sixths", 1.0 / 6.0),
        ("eighth", 0.125),
        ("tenths", 0.1),
        ("ninths", 1.0 / 9.0),
        ("quarter", 0.25),
        ("fourths", 0.25),
        ("seventh", 1.0 / 7.0),
        ("eighths", 0.125),
        ("quarters", 0.25),
        ("sevenths", 1.0 / 7.0),
        ("hundredth", 0.01),
        ("millionth", 1e-6),
        ("billionth", 1e-9),
        ("hundredths", 0.01),
        ("thousandth", 1e-3),
        ("millionths", 1e-6),
        ("billionths", 1e-9),
        ("trillionth", 1e-12),
        ("thousandths", 1e-3),
        ("trillionths", 1e-12),
    ]),
    singular_fractions: Words::new(&[
        "half",
        "third",
        "fifth",
        "sixth",
        "tenth",
        "ninth",
        "fourth",
        "eighth",
        "quarter",
        "seventh",
        "hundredth",
        "millionth",
        "billionth",
        "thousandth",
        "trillionth",
    ]),
    plural_fractions: Words::new(&[
        "thirds",
        "fifths",
        "sixths",
        "tenths",
        "ninths",
        "fourths",
        "eighths",
        "quarters",
        "sevenths",
        "hundredths",
        "millionths",
        "billionths",
        "thousandths",
        "trillionths",
    ]),
    article: "a",
    one: "one",
    dozen: "dozen",
    dozens: Words::new(&["dz", "doz", "dzs", "dozs", "dozen", "dozens"]),
    minus: Words::new(&["minus", "negative"]),
    half: "half",
    quarter: "quarter",
    not_before_half: Words::new(&["the", "first", "second"]),
    not_before_point: Words::new(&["at"]),
    ratio_links: Words::new(&["in", "over"]),
    over: "over",
    out_of: ("out", "of"),
    not_ratio_after: Words::new(&[
        "day", "days", "hour", "week", "year", "weeks", "years", "hours", "month", "months",
        "minute", "second", "decade", "seconds", "minutes", "decades",
    ]),
    multiples: MULTIPLES,
    multiples_not_alone: Words::new(&["double", "triple", "halves", "doubles", "triples"]),
    approximators: APPROXIMATORS,
    approximator_ends: approximator_ends(APPROXIMATORS),
    number_word_starts: number_word_starts(CARDINALS, MULTIPLES, &["a", "half", "quarter"]),
    verb_particles: (
        Words::new(&["up"]),
        Words::new(&[
            "go", "gone", "goes", "went", "edge", "inch", "move", "tick", "moved", "moves",
            "edged", "edges", "going", "crept", "nudge", "ticks", "ticked", "inched", "inches",
            "moving", "nudged", "nudges", "edging", "revised", "ticking", "inching", "nudging",
        ]),
    ),
};

/// The shapes of the last words of `approximators`.
pub const fn approximator_ends(approximators: &[crate::lang::Approximator]) -> Shapes {
    let mut s = Shapes::EMPTY;
    let mut i = 0;
    while i < approximators.len() {
        let words = approximators[i].0;
        s = s.with(words[words.len() - 1]);
        i += 1;
    }
    s
}

/// The shapes of every word a number in words can start with: a cardinal, a multiple, or
/// one of `others` ("a" of "a third", "half").
pub const fn number_word_starts(
    cardinals: &[(&str, u32)],
    multiples: &[(&[&str], Multiple)],
    others: &[&str],
) -> Shapes {
    let mut s = Shapes::EMPTY.with_all(others);
    let mut i = 0;
    while i < cardinals.len() {
        s = s.with(cardinals[i].0);
        i += 1;
    }
    let mut i = 0;
    while i < multiples.len() {
        s = s.with_all(multiples[i].0);
        i += 1;
    }
    s
}
