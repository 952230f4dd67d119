//! English: the words of numbers, scales, units, currencies, directions and periods.
//! Every lookup takes an ASCII-lowercased word (see [`Low`]).

use super::shapes::Shapes;
use super::Low;
use crate::claim::Direction;
use crate::mention::Bound;

/// Scale words: "million", "mln", "bn". `attached` is true for a suffix written without a
/// space ("5m", "$1.2bn"), where single letters are allowed.
pub fn scale(w: &str, attached: bool) -> Option<f64> {
    Some(match w {
        "thousand" | "thousands" => 1e3,
        "million" | "millions" | "mln" | "mn" | "mio" => 1e6,
        "billion" | "billions" | "bln" | "bn" | "bil" => 1e9,
        "trillion" | "trillions" | "trln" | "trn" | "tn" => 1e12,
        "lakh" | "lakhs" => 1e5,
        "crore" | "crores" => 1e7,
        "k" if attached => 1e3,
        "m" if attached => 1e6,
        "b" if attached => 1e9,
        _ => return None,
    })
}

/// Currency symbols written before a number.
pub fn currency_symbol(s: &str) -> Option<&'static str> {
    Some(match s {
        "$" => "USD",
        "£" => "GBP",
        "€" => "EUR",
        "¥" => "JPY",
        "₹" => "INR",
        _ => return None,
    })
}

/// A prefix word glued to `$` ("US$", "A$", "HK$").
pub fn dollar_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "us" => "USD",
        "a" | "au" => "AUD",
        "c" | "ca" => "CAD",
        "hk" => "HKD",
        "nz" => "NZD",
        "s" => "SGD",
        _ => return None,
    })
}

/// Currency words and codes, with the factor to the currency's base unit ("cts" is 0.01 USD).
pub fn currency_word(w: &str) -> Option<(&'static str, f64)> {
    Some(match w {
        "dollars" | "dollar" | "dlrs" | "dlr" | "usd" => ("USD", 1.0),
        "cents" | "cts" | "ct" | "cent" => ("USD", 0.01),
        "stg" | "sterling" | "gbp" => ("GBP", 1.0),
        "pence" => ("GBP", 0.01),
        "euros" | "euro" | "eur" => ("EUR", 1.0),
        "yen" | "jpy" => ("JPY", 1.0),
        "yuan" | "renminbi" | "rmb" | "cny" => ("CNY", 1.0),
        "marks" | "dm" | "deutschemarks" => ("DEM", 1.0),
        "francs" | "franc" => ("FRF", 1.0),
        "guilders" | "guilder" => ("NLG", 1.0),
        "lire" | "lira" => ("ITL", 1.0),
        "rupees" | "rupee" | "inr" => ("INR", 1.0),
        "chf" => ("CHF", 1.0),
        "cad" => ("CAD", 1.0),
        "aud" => ("AUD", 1.0),
        "hkd" => ("HKD", 1.0),
        _ => return None,
    })
}

/// Units of quantity written after a number.
pub fn unit_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "tons" | "ton" | "tonnes" | "tonne" | "mt" => "t",
        "kg" | "kilograms" | "kilogram" | "kilos" => "kg",
        "lbs" | "lb" => "lb",
        "barrels" | "barrel" | "bbl" | "bbls" => "bbl",
        "bpd" | "b/d" => "bpd",
        "ounces" | "ounce" | "oz" => "oz",
        "bushels" | "bushel" => "bu",
        "acres" | "acre" => "acre",
        "hectares" | "hectare" => "ha",
        "mw" | "megawatts" | "megawatt" => "MW",
        "gw" | "gigawatts" | "gigawatt" => "GW",
        "kwh" => "kWh",
        "km" | "kilometres" | "kilometers" | "kilometre" | "kilometer" => "km",
        "miles" | "mile" => "mi",
        "people" | "persons" | "residents" | "citizens" => "people",
        "jobs" => "jobs",
        "workers" | "employees" | "staff" => "workers",
        "shares" => "shares",
        "vehicles" => "vehicles",
        "cars" => "cars",
        "trucks" => "trucks",
        "passengers" => "passengers",
        "visitors" | "tourists" => "visitors",
        "households" | "homes" => "households",
        "users" | "customers" | "subscribers" => "users",
        "units" => "units",
        "copies" => "copies",
        _ => return None,
    })
}

/// The canonical unit code for any unit, currency or percent word ("tonnes" → "t",
/// "dlrs" → "USD", "pct" → "%"), case-insensitive; also accepts canonical codes.
pub fn unit_code(word: &str) -> Option<&'static str> {
    let trimmed = word.trim();
    match trimmed {
        "%" | "pct" | "percent" | "per cent" => return Some("%"),
        "pp" | "percentage points" | "points" => return Some("pp"),
        "metric tons" | "metric tonnes" => return Some("t"),
        "t" => return Some("t"),
        "x" => return Some("x"),
        _ => {}
    }
    let w = Low::new(trimmed)?;
    let w = w.as_str();
    if w == "t" {
        return Some("t");
    }
    unit_word(w)
        .or_else(|| currency_word(w).filter(|(_, f)| *f == 1.0).map(|(c, _)| c))
        .or_else(|| {
            [
                "t",
                "kg",
                "lb",
                "bbl",
                "bpd",
                "oz",
                "bu",
                "acre",
                "ha",
                "MW",
                "GW",
                "kWh",
                "km",
                "mi",
                "people",
                "jobs",
                "workers",
                "shares",
                "vehicles",
                "cars",
                "trucks",
                "passengers",
                "visitors",
                "households",
                "users",
                "units",
                "copies",
                "USD",
                "GBP",
                "EUR",
                "JPY",
                "CNY",
                "DEM",
                "FRF",
                "NLG",
                "ITL",
                "INR",
                "CHF",
                "CAD",
                "AUD",
                "HKD",
                "NZD",
                "SGD",
            ]
            .into_iter()
            .find(|c| c.eq_ignore_ascii_case(trimmed))
        })
}

/// Percent words ("pct", "percent"); "per cent" is two words, handled by the extractor.
pub fn percent_word(w: &str) -> bool {
    matches!(w, "pct" | "percent" | "pc")
}

/// Approximators and bounds, as word sequences, longest first.
pub const APPROXIMATORS: &[(&[&str], &str, Bound)] = &[
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

/// The shapes of the last words of [`APPROXIMATORS`]: a number after any other word has none.
pub const APPROXIMATOR_ENDS: Shapes = {
    let mut s = Shapes::EMPTY;
    let mut i = 0;
    while i < APPROXIMATORS.len() {
        let words = APPROXIMATORS[i].0;
        s = s.with(words[words.len() - 1]);
        i += 1;
    }
    s
};

/// How much "about", "nearly" and friends widen a number: relative to its value.
/// "about 50" allows 45 to 55; "nearly 50" allows 45 up to 50.
pub const APPROX_RELATIVE: f64 = 0.10;

/// Written cardinal numbers.
const CARDINALS: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
];

/// The value of a written cardinal number.
pub fn cardinal(w: &str) -> Option<u32> {
    CARDINALS.iter().find(|(k, _)| *k == w).map(|&(_, n)| n)
}

/// Fractions written as words: "half", "a third", "two-thirds", "a quarter".
pub fn fraction(w: &str) -> Option<f64> {
    Some(match w {
        "half" => 0.5,
        "third" | "thirds" => 1.0 / 3.0,
        "quarter" | "quarters" => 0.25,
        "fifth" | "fifths" => 0.2,
        "tenth" | "tenths" => 0.1,
        _ => return None,
    })
}

/// A multiple's ratio and the range a journalist uses it for: (ratio, low, high).
type Multiple = (f64, f64, f64);

/// Multiples as verbs or adjectives.
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

/// A multiple word's (ratio, low, high).
pub fn multiple_word(w: &str) -> Option<Multiple> {
    MULTIPLES
        .iter()
        .find(|(words, _)| words.contains(&w))
        .map(|&(_, r)| r)
}

/// The shapes of every word a number written in words can start with: a cardinal, a
/// multiple, "half", or "a" ("a third", "a dozen").
pub const NUMBER_WORD_STARTS: Shapes = {
    let mut s = Shapes::EMPTY.with("a").with("half");
    let mut i = 0;
    while i < CARDINALS.len() {
        s = s.with(CARDINALS[i].0);
        i += 1;
    }
    let mut i = 0;
    while i < MULTIPLES.len() {
        s = s.with_all(MULTIPLES[i].0);
        i += 1;
    }
    s
};

/// Part of speech of a direction word, which decides the phrase shapes it takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DirectionPos {
    /// "rose 5 pct", "fell by 5%", "is up 5%", "off 1.9 pct".
    Verb,
    /// "an increase of 5%", "a 5% increase".
    Noun,
}

/// Direction words: "rose", "increase", "down".
pub fn direction(w: &str) -> Option<(Direction, DirectionPos)> {
    use Direction::*;
    use DirectionPos::*;
    Some(match w {
        "rose" | "rise" | "rises" | "rising" | "risen" | "increased" | "increases"
        | "increasing" | "up" | "gained" | "gains" | "gaining" | "grew" | "grow" | "grows"
        | "growing" | "grown" | "climbed" | "climbs" | "climbing" | "jumped" | "jumps"
        | "jumping" | "surged" | "surges" | "surging" | "soared" | "soars" | "soaring"
        | "advanced" | "advances" | "rebounded" | "expanded" | "higher" | "boosted"
        | "improved" | "increase" | "gain" | "climb" | "jump" | "surge" | "soar" => {
            let noun = matches!(
                w,
                "rise"
                    | "increase"
                    | "gain"
                    | "jump"
                    | "surge"
                    | "climb"
                    | "rises"
                    | "increases"
                    | "gains"
            );
            (Up, if noun { Noun } else { Verb })
        }
        "growth" | "hike" | "upturn" | "rebound" => (Up, Noun),
        // "4.8 pct above a year earlier", "3 pct below last year's level"
        "above" => (Up, Verb),
        "below" => (Down, Verb),
        "fell" | "fall" | "falls" | "falling" | "fallen" | "decreased" | "decreases"
        | "decreasing" | "declined" | "declines" | "declining" | "dropped" | "drops"
        | "dropping" | "down" | "lower" | "slumped" | "slumps" | "slipped" | "slips"
        | "plunged" | "plunges" | "plunging" | "tumbled" | "tumbles" | "shrank" | "shrunk"
        | "shrinks" | "contracted" | "eased" | "eases" | "off" | "dipped" | "dips" | "sank"
        | "sinks" | "slid" | "slides" | "lowered" | "reduced" | "cut" | "decline" | "drop"
        | "decrease" | "slump" | "plunge" | "dip" | "slide" => {
            let noun = matches!(
                w,
                "fall"
                    | "falls"
                    | "decline"
                    | "declines"
                    | "drop"
                    | "drops"
                    | "decrease"
                    | "decreases"
                    | "slump"
                    | "plunge"
                    | "dip"
                    | "slide"
                    | "cut"
            );
            (Down, if noun { Noun } else { Verb })
        }
        "reduction" | "contraction" | "downturn" => (Down, Noun),
        "unchanged" | "flat" | "steady" => (Flat, Verb),
        _ => return None,
    })
}

/// Month names and abbreviations.
pub const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// The number of a month name or abbreviation.
pub fn month(w: &str) -> Option<u8> {
    MONTHS.iter().find(|(k, _)| *k == w).map(|&(_, m)| m)
}

/// Ordinal words used for quarters and halves.
pub const ORDINALS: &[(&str, u8)] = &[("first", 1), ("second", 2), ("third", 3), ("fourth", 4)];

/// The number of an ordinal word.
pub fn ordinal(w: &str) -> Option<u8> {
    ORDINALS.iter().find(|(k, _)| *k == w).map(|&(_, n)| n)
}

/// Words before a number that make it a name, not a quantity ("Boeing 747", "No. 1",
/// "Section 301", "Flight 370").
pub fn naming_word(w: &str) -> bool {
    matches!(
        w,
        "no" | "nos"
            | "number"
            | "section"
            | "article"
            | "chapter"
            | "rule"
            | "clause"
            | "flight"
            | "route"
            | "highway"
            | "interstate"
            | "boeing"
            | "airbus"
            | "model"
            | "windows"
            | "iphone"
            | "playstation"
            | "xbox"
            | "apollo"
            | "formula"
            | "version"
            | "room"
            | "suite"
            | "box"
            | "page"
            | "pages"
            | "item"
            | "paragraph"
            | "resolution"
            | "proposition"
            | "amendment"
            | "channel"
            | "radio"
            | "bbc"
            | "fifa"
            | "uefa"
            | "euro"
            | "division"
            | "grade"
            | "level"
            | "vol"
            | "form"
            | "phase"
            | "stage"
            | "round"
            | "week"
            | "day"
            | "game"
            | "match"
            | "year"
            | "act"
            | "title"
            | "dc"
            | "mig"
            | "su"
            | "tu"
            | "il"
            | "mk"
            | "jumbo"
            | "tupolev"
            | "gulfstream"
            | "lockheed"
            | "douglas"
            | "dash"
            | "class"
            | "category"
            | "size"
            | "tier"
            | "part"
            | "schedule"
            | "annex"
            | "table"
            | "figure"
            | "line"
            | "platform"
            | "gate"
            | "terminal"
            | "bus"
            | "tel"
            | "telephone"
            | "phone"
            | "fax"
            | "telex"
            | "ext"
            | "pin"
            | "code"
            | "zip"
            | "postcode"
            | "aged"
            | "mrs"
    )
}
