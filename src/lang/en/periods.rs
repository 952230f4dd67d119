//! English period phrases: months (in units.rs), ordinals, "the same period", "a year
//! earlier", "year-on-year", "YoY", "m/m", "sequentially", "fiscal 1987", "FY25", "Q2",
//! "the first nine months", "the year to June".

use crate::lang::shapes::Shapes;
use crate::lang::{Cadence, Map, PeriodPhrase, PeriodWords, Words};

use PeriodPhrase::{LastWeek, MonthEarlier, Previous, WeekEarlier, YearEarlier, YearToDate};

/// Fixed phrases by their first word, each the words after it (longest first where one
/// begins another); a hyphen between two words is optional ("year-over-year", "y-o-y").
const PHRASES: Map<&[(&[&str], PeriodPhrase)]> = Map::new(&[
    (
        "y",
        &[(&["/", "y"], YearEarlier), (&["o", "y"], YearEarlier)],
    ),
    ("m", &[(&["/", "m"], Previous)]),
    ("q", &[(&["/", "q"], Previous)]),
    ("w", &[(&["/", "w"], WeekEarlier)]),
    (
        "a",
        &[
            (&["week", "ago"], WeekEarlier),
            (&["week", "earlier"], WeekEarlier),
            (&["week", "before"], WeekEarlier),
            (&["month", "ago"], MonthEarlier),
            (&["month", "earlier"], MonthEarlier),
            (&["month", "before"], MonthEarlier),
        ],
    ),
    (
        "on",
        &[
            (&["year"], YearEarlier),
            (&["the", "year"], YearEarlier),
            (&["an", "annual", "basis"], YearEarlier),
            (&["a", "yearly", "basis"], YearEarlier),
            (&["an", "annualized", "basis"], YearEarlier),
            // "on a year-on-year basis", "on a year-over-year basis" (hyphens are optional)
            (&["a", "year", "on", "year", "basis"], YearEarlier),
            (&["a", "year", "over", "year", "basis"], YearEarlier),
            // "up 3.5 percent on month", "rose 0.8 percent on the quarter"
            (&["month"], Previous),
            (&["quarter"], Previous),
            (&["the", "month"], Previous),
            (&["the", "quarter"], Previous),
            (&["a", "monthly", "basis"], Previous),
            (&["a", "quarterly", "basis"], Previous),
            (&["a", "month", "on", "month", "basis"], Previous),
            (&["a", "month", "over", "month", "basis"], Previous),
            (&["a", "quarter", "on", "quarter", "basis"], Previous),
            (&["a", "quarter", "over", "quarter", "basis"], Previous),
        ],
    ),
    ("yoy", &[(&[], YearEarlier)]),
    ("ytd", &[(&[], YearToDate)]),
    ("mom", &[(&[], Previous)]),
    ("qoq", &[(&[], Previous)]),
    (
        "the",
        &[
            (&["previous", "week"], WeekEarlier),
            (&["prior", "week"], WeekEarlier),
            (&["preceding", "week"], WeekEarlier),
            (&["year", "ago", "period"], YearEarlier),
            (&["year", "ago", "quarter"], YearEarlier),
            (&["year", "ago", "month"], YearEarlier),
            (&["prior", "year", "period"], YearEarlier),
            (&["prior", "year", "quarter"], YearEarlier),
        ],
    ),
    (
        "year",
        &[
            (&["over", "year"], YearEarlier),
            (&["on", "year"], YearEarlier),
            (&["to", "year"], YearEarlier),
            (&["to", "date"], YearToDate),
            (&["ago", "period"], YearEarlier),
            (&["ago", "quarter"], YearEarlier),
            (&["ago", "month"], YearEarlier),
        ],
    ),
    (
        "week",
        &[
            (&["on", "week"], WeekEarlier),
            (&["over", "week"], WeekEarlier),
        ],
    ),
    ("last", &[(&["week"], LastWeek)]),
    (
        "month",
        &[(&["on", "month"], Previous), (&["over", "month"], Previous)],
    ),
    (
        "quarter",
        &[
            (&["on", "quarter"], Previous),
            (&["over", "quarter"], Previous),
        ],
    ),
    ("sequentially", &[(&[], Previous)]),
]);

/// Words that say how often the figures come, as [`PHRASES`] (the period phrases themselves,
/// "the third quarter", "in June", also say it).
const CADENCES: Map<&[(&[&str], Cadence)]> = Map::new(&[
    // "MoM", "QoQ": changes month on month, quarter on quarter, as monthly and quarterly
    // figures are reported.
    ("mom", &[(&[], Cadence::Month)]),
    ("qoq", &[(&[], Cadence::Quarter)]),
    ("qtr", &[(&[], Cadence::Quarter)]),
    (
        "half",
        &[(&["year"], Cadence::Half), (&["yearly"], Cadence::Half)],
    ),
    ("month", &[(&[], Cadence::Month)]),
    ("quarter", &[(&[], Cadence::Quarter)]),
    ("monthly", &[(&[], Cadence::Month)]),
    ("interim", &[(&[], Cadence::Half)]),
    ("quarterly", &[(&[], Cadence::Quarter)]),
    ("semiannual", &[(&[], Cadence::Half)]),
]);

const ORDINALS: Map<u8> = Map::new(&[("first", 1), ("third", 3), ("second", 2), ("fourth", 4)]);
const FISCAL: Words = Words::new(&["fy", "fiscal"]);
const LAST_PARTS: Words = Words::new(&["last", "final"]);
const FINANCIAL: Words = Words::new(&["financial"]);
const FISCAL_HALF: Words = Words::new(&["hy"]);
const WEEKDAYS: Map<u8> = Map::new(&[
    ("monday", 0),
    ("friday", 4),
    ("sunday", 6),
    ("tuesday", 1),
    ("thursday", 3),
    ("saturday", 5),
    ("wednesday", 2),
]);
const QUARTERS: Words = Words::new(&["qtr", "quarter", "quarters"]);
const SAME: Words = Words::new(&["same", "comparable", "comparative", "corresponding"]);
const BACK_THE: Words = Words::new(&["prior", "previous", "preceding"]);

/// The second words of every fixed phrase (of any first word).
const fn second_words(phrases: &Map<&[(&[&str], PeriodPhrase)]>) -> Shapes {
    let mut shapes = Shapes::EMPTY;
    let entries = phrases.entries();
    let mut i = 0;
    while i < entries.len() {
        let list = entries[i].1;
        let mut k = 0;
        while k < list.len() {
            if let [second, ..] = list[k].0 {
                shapes = shapes.with(second);
            }
            k += 1;
        }
        i += 1;
    }
    shapes
}

const RELATIVE_STARTS: Words = Words::new(&[
    "a", "the", "last", "this", "same", "year", "prior", "month", "quarter", "previous",
]);

pub const PERIODS: PeriodWords = PeriodWords {
    ordinals: ORDINALS,
    ordinal_suffixes: Words::new(&["nd", "rd", "st", "th"]),
    last_parts: LAST_PARTS,
    quarters: QUARTERS,
    halves: Words::new(&["half", "semester"]),
    prepositions: Words::new(&["in", "of", "for", "during"]),
    year_prepositions: Words::new(&[
        "in", "of", "to", "vs", "for", "and", "from", "than", "with", "since", "during", "versus",
        "against",
    ]),
    year_qualifiers: Words::new(&["full", "year", "calendar"]),
    baseline_skip: Words::new(&[
        "a",
        "in",
        "of",
        "the",
        "its",
        "level",
        "levels",
        "revised",
        "preliminary",
    ]),
    that_of: (Words::new(&["that", "those", "level"]), "of"),
    baseline_words: Words::new(&[
        "vs", "to", "from", "than", "over", "with", "since", "versus", "against",
    ]),
    with: "with",
    to: "to",
    compared: "compared",
    relative: "relative",
    contrast: "contrast",
    weekdays: WEEKDAYS,
    delivered: Words::new(&[
        "oil",
        "corn",
        "gold",
        "wheat",
        "crude",
        "sugar",
        "cocoa",
        "brent",
        "copper",
        "silver",
        "coffee",
        "cotton",
        "futures",
        "soybeans",
        "contract",
        "delivery",
        "platinum",
        "palladium",
        "contracts",
    ]),
    may_verb: (
        "may",
        Words::new(&["be", "not", "have", "also", "well", "still"]),
    ),
    fiscal: FISCAL,
    fiscal_half: FISCAL_HALF,
    quarter_letter: "q",
    half_letter: "h",
    year: "year",
    month: "month",
    quarter: "quarter",
    on_over: Words::new(&["on", "over"]),
    relative_starts: RELATIVE_STARTS,
    back: Words::new(&["last", "prior", "previous"]),
    within: Words::new(&["in", "during"]),
    dating_starts: Words::new(&[
        "a",
        "the",
        "last",
        "this",
        "same",
        "prior",
        "previous",
        "preceding",
    ]),
    this: "this",
    previous: "previous",
    prior: "prior",
    last: "last",
    a: "a",
    the: "the",
    ago: Words::new(&["ago", "before", "earlier"]),
    before: "before",
    same: SAME,
    same_units: Words::new(&[
        "time", "half", "month", "period", "months", "quarter", "period's",
    ]),
    spans: Words::new(&["week", "year", "month", "period", "quarter"]),
    in_of: Words::new(&["in", "of"]),
    relative_that: "that",
    of: "of",
    earlier: "earlier",
    ago_word: "ago",
    phrases: PHRASES,
    not_after: Words::new(&["as", "ago", "end", "that", "ahead", "before", "earlier"]),
    back_the: BACK_THE,
    period: "period",
    week: "week",
    up_to: Words::new(&["to", "thru", "ended", "ending", "through"]),
    rate_to: Words::new(&["to", "thru", "through"]),
    financial: FINANCIAL,
    between: "between",
    range_from: Words::new(&["from", "between"]),
    range_to: Words::new(&["to", "and", "thru", "until", "through"]),
    joined: Words::new(&["or", "and"]),
    months: Words::new(&["months"]),
    month_counts: Words::new(&[
        "one", "two", "six", "ten", "four", "five", "nine", "three", "seven", "eight", "eleven",
        "twelve",
    ]),
    counted_months: Words::new(&["month", "months"]),
    days: Words::new(&["days"]),
    durations: Words::new(&[
        "day", "days", "week", "year", "month", "weeks", "years", "decade", "months", "decades",
        "quarters",
    ]),
    this_month: Words::new(&["the", "this"]),
    future: (
        Words::new(&["will", "shall"]),
        Words::new(&[
            "set",
            "expect",
            "expects",
            "expected",
            "forecast",
            "forecasts",
            "predicted",
            "projected",
        ]),
    ),
    month_letter: "m",
    month_quarter: Words::new(&["qtr", "quarter"]),
    on: "on",
    cadences: CADENCES,
    not_cadence: Words::new(&["of", "basis", "point", "points", "century", "percentage"]),
    fraction_before: Words::new(&["a", "one", "two", "three"]),
    month_parts: Words::new(&["end", "mid", "late", "early"]),
    part_prepositions: Words::new(&["at", "by"]),
    superlatives: (
        Words::new(&[
            "best",
            "worst",
            "lowest",
            "deepest",
            "fastest",
            "highest",
            "largest",
            "slowest",
            "weakest",
            "biggest",
            "sharpest",
            "smallest",
            "steepest",
            "strongest",
        ]),
        Words::new(&["pace", "rate", "level", "point", "total", "reading"]),
    ),
    possessed: Words::new(&[
        "half",
        "week",
        "year",
        "month",
        "period",
        "season",
        "quarter",
        "yesterday",
    ]),
    starts: Shapes::EMPTY
        .union(PHRASES.shapes())
        .union(FISCAL.shapes())
        .union(FINANCIAL.shapes())
        .union(FISCAL_HALF.shapes())
        .with("q")
        .with("h")
        .union(RELATIVE_STARTS.shapes())
        .union(WEEKDAYS.shapes())
        .union(super::units::UNITS.months.shapes())
        .union(ORDINALS.shapes())
        .union(LAST_PARTS.shapes()),
    // "the same period", "the prior quarter", "the quarter ended", "the week ended", "the
    // year before", "a year earlier", "the nine months", "a month ago", "the year-ago period".
    after_articles: second_words(&PHRASES)
        .union(QUARTERS.shapes())
        .union(SAME.shapes())
        .union(BACK_THE.shapes())
        .with_all(&["week", "year", "month"])
        .union(super::numbers::NUMBERS.cardinals.shapes()),
};
