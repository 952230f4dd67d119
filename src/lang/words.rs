//! The parts of a [`super::Language`]: one struct per group of tables, each field a word
//! list, a word map or one word of a phrase (a "slot": the word that language uses there).

use super::shapes::Shapes;
use super::table::{Map, Words};
use crate::mention::Bound;

/// Part of speech of a direction word, which decides the phrase shapes it takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DirectionPos {
    /// "rose 5 pct", "fell by 5%", "is up 5%", "off 1.9 pct".
    Verb,
    /// "an increase of 5%", "a 5% increase".
    Noun,
}

/// A multiple's ratio and the range a journalist uses it for: (ratio, low, high).
pub type Multiple = (f64, f64, f64);

/// An approximator or bound: its words, the canonical form reported, and what it means.
pub type Approximator = (&'static [&'static str], &'static str, Bound);

/// What a fixed period phrase of [`PeriodWords::phrases`] names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodPhrase {
    /// The same period a year earlier ("year over year", "YoY", "on-year", "a year ago").
    YearEarlier,
    /// The period just before, at the same length ("m/m", "q/q", "sequentially").
    Previous,
    /// A week earlier ("a week ago", "week-on-week", "w/w").
    WeekEarlier,
    /// A month earlier ("a month ago", "a month earlier").
    MonthEarlier,
    /// From the start of the article's year to its month ("year to date", "YTD").
    YearToDate,
    /// The calendar week (Monday to Sunday) before the article's ("last week").
    LastWeek,
}

/// How often an article's figures come: a comparison whose sentence names no period is
/// assumed to be about the latest such period ended by the article's date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cadence {
    Month,
    Quarter,
    Half,
}

/// Numbers written in words, multiples, approximators and scales.
#[derive(Debug)]
pub struct NumberWords {
    /// Scale words after a number ("million", "mln", "bn").
    pub scales: Map<f64>,
    /// Scale suffixes allowed only glued to a number ("5m", "$1.2bn" has "bn" above).
    pub attached_scales: Map<f64>,
    /// Scale suffixes glued to a number as written, in their exact case, with whether a
    /// currency must come before the number: "1MM" (finance's million, where "1mm" is a
    /// millimetre), "$2.1T" (where "100t" is tonnes).
    pub cased_attached_scales: &'static [(&'static str, f64, bool)],
    /// Written cardinal numbers ("seven" → 7), including [`Self::hundred`].
    pub cardinals: Map<u32>,
    /// The word for a hundred, which multiplies the cardinal before it ("two hundred").
    pub hundred: &'static str,
    /// Fractions ("half" → 0.5, "thirds" → 1/3).
    pub fractions: Map<f64>,
    /// Fractions in the singular, which take the article ("a third").
    pub singular_fractions: Words,
    /// Fractions in the plural, after a cardinal ("two thirds").
    pub plural_fractions: Words,
    /// The indefinite article before a fraction or a dozen ("a third", "a dozen").
    pub article: &'static str,
    /// "one", which also takes a fraction ("one third", "one-third").
    pub one: &'static str,
    /// "dozen" (12, after the article).
    pub dozen: &'static str,
    /// Words that make the number after them negative ("minus 5", "negative one").
    pub minus: Words,
    /// "dozen" after a cardinal, in either number ("two dozen", "three dozens").
    pub dozens: Words,
    /// "half" on its own (0.5).
    pub half: &'static str,
    /// "quarter" on its own before a scale ("quarter million"), with no article.
    pub quarter: &'static str,
    /// Words before "half" that make it a period ("the first half"), not a fraction.
    pub not_before_half: Words,
    /// Words before a number that make a spaced "point" after it no decimal point ("at one
    /// point two of them").
    pub not_before_point: Words,
    /// The words between the two numbers of a ratio: "in" ("one in five"), "over" ("1 over
    /// 3"), and "out of" as a pair ("two out of three").
    pub ratio_links: Words,
    pub over: &'static str,
    pub out_of: (&'static str, &'static str),
    /// Words after "N in M" that make M a time, not a ratio ("2 in 10 years").
    pub not_ratio_after: Words,
    /// Multiples as verbs or adjectives ("doubled", "fourfold"), each with its range.
    pub multiples: &'static [(&'static [&'static str], Multiple)],
    /// Multiple words that are not a multiple of a figure on their own ("double digits").
    pub multiples_not_alone: Words,
    /// Approximators and bounds as word sequences, longest first ("more than", "about").
    pub approximators: &'static [Approximator],
    /// The shapes of the last words of `approximators`: a number after any other word has none.
    pub approximator_ends: Shapes,
    /// The shapes of every word a number written in words can start with.
    pub number_word_starts: Shapes,
    /// (particles, verbs): an approximator opened by a particle of one of the verbs is the
    /// verb's direction, not a bound: "edged up to 61.5 percent" is a rise to 61.5.
    pub verb_particles: (Words, Words),
}

impl NumberWords {
    /// A multiple word's (ratio, low, high).
    pub fn multiple(&self, w: &str) -> Option<Multiple> {
        self.multiples
            .iter()
            .find(|(words, _)| words.contains(&w))
            .map(|&(_, r)| r)
    }
}

/// Units, currencies and percent words after or before a number, and what makes a number
/// a name, a date or a code instead of a quantity.
#[derive(Debug)]
pub struct UnitWords {
    /// The shapes of every word a unit can start with ([`UnitWords::unit_starts`]).
    pub starts: Shapes,
    /// Currency symbols before a number ("$" → USD).
    pub currency_symbols: Map<&'static str>,
    /// Currency prefixes written with their exact case ("Rs" → INR), each opening with a
    /// capital; one of a single letter only glued to its number ("P24.06", not "P 24").
    pub cased_currency_prefixes: &'static [(&'static str, &'static str)],
    /// Single capital letters that are a currency only glued to a number with a scale after
    /// it ("N155.66 billion", "N1.2trn" is the naira; "N95 masks" is no money).
    pub scaled_letter_prefixes: &'static [(&'static str, &'static str)],
    /// A prefix glued to "$" ("US$", "HK$").
    pub dollar_prefixes: Map<&'static str>,
    /// Currency words and codes, with the factor to the base unit ("cts" → 0.01 USD).
    pub currencies: Map<(&'static str, f64)>,
    /// Millions of a currency as company reports write them, an M before its code ("30
    /// MUSD", "MEUR 120").
    pub million_codes: Map<&'static str>,
    /// Currency words read as a currency only after a scale word ("3 billion won"): on their
    /// own they are mostly another word ("Series 3 won three awards").
    pub scaled_currencies: Map<(&'static str, f64)>,
    /// Currency letters read only glued to a number ("59.0c" is 59 cents).
    pub attached_currencies: Map<(&'static str, f64)>,
    /// Units of `quantities` that name a currency of several countries ("riyal"), with the
    /// codes they may stand for: in a text that writes amounts in exactly one of those
    /// currencies by its code or sign ("JD4.514 billion ... 4.473 billion dinars"), they are
    /// amounts of it.
    pub shared_currencies: &'static [(&'static str, &'static [&'static str])],
    /// Currency signs written after a number ("20€", "10¢"), with the factor to the base
    /// unit; not when a number follows the sign (then it is that number's prefix).
    pub currency_signs_after: Map<(&'static str, f64)>,
    /// "pounds": money (the first code) after a scale word ("361 million pounds") or before
    /// [`Self::sterling`]; weight (the second code) before "of" ("5 pounds of beef"); left
    /// unresolved otherwise.
    pub pounds: (Words, &'static str, &'static str),
    /// The word after "pounds" that makes them money.
    pub sterling: &'static str,
    /// Nationality words before a currency word ("Canadian dlrs" → CAD).
    pub currency_adjectives: Map<&'static str>,
    /// Units of quantity after a number ("tonnes" → t).
    pub quantities: Map<&'static str>,
    /// Words qualifying a ton ("metric tons").
    pub ton_qualifiers: Words,
    /// Adjectives between a count and what it counts ("272,610 new cars"), and the codes of
    /// the units they may qualify (things counted, not measured).
    pub count_qualifiers: (Words, Words),
    /// The code of a count of things not named ("45,537 units"), comparable with a count of
    /// any of the things [`Self::count_qualifiers`] names ("47,977 vehicles").
    pub any_count: &'static str,
    /// The metre's letter, a metre only before a word of size ("1.8m tall"), where it is
    /// otherwise a million ("£1.8m").
    pub metre: (&'static str, Words),
    /// Feet and inches as one length: the code of feet, the inch words after the feet
    /// ("6 ft 2 in", "5 feet and 4 inches"; the bare "in" only after "ft"), and the marks
    /// written glued to the digits ("5'11\"": feet marks, then inch marks).
    pub feet_inches: (&'static str, Words, &'static str),
    pub feet_marks: (&'static [&'static str], &'static [&'static str]),
    /// "degrees" after a four-digit number: a temperature or an angle, not a year ("1200
    /// degrees Celsius").
    pub degrees: Words,
    /// Squared units glued to their digit ("85m2", "190 km²"): the unit, the code squared.
    pub squared: Map<&'static str>,
    /// Words that make the length unit after them an area or a volume ("square feet", "sq.
    /// km", "cubic metres"): the codes of the lengths they take, with the code each makes.
    pub powers: Map<&'static [(&'static str, &'static str)]>,
    /// Units that carry a scale of their own ("bcm" is a billion cubic metres): the code and
    /// the factor to it.
    pub scaled_units: Map<(&'static str, f64)>,
    /// A rate per day after barrels: ("per", "a") then "day".
    pub per_day: (Words, &'static str),
    /// Units written as a ratio with a slash, its three parts glued together, keyed by the
    /// word before the slash: the word after it, the factor to the code's unit and the
    /// code ("280,700b/d", "1.385mb/d" is 1.385 million barrels a day). Read before a
    /// glued scale, so the "b" of "b/d" is no billion.
    pub slash_units: Map<(&'static str, f64, &'static str)>,
    /// Percent words ("pct", "percent").
    pub percent: Words,
    /// A percent written as two words: "per" "cent".
    pub percent_two_words: (&'static str, &'static str),
    /// "percentage" before a point word: percentage points.
    pub percentage: &'static str,
    /// "basis" before a point word: basis points (0.01 of a point).
    pub basis: &'static str,
    /// Point words after "percentage" or "basis" ("points", "point").
    pub points: Words,
    /// A point in the singular, as an adjective after a fraction of a point ("a 1/4 point
    /// cut", "a quarter-point rise", "a half-point"): percentage points.
    pub point: &'static str,
    /// Point words after a figure: after a percent they make it points ("5 pct points"); after
    /// a bare number the linker reads them as points when its figures are percents ("fell 3
    /// points to 45%", "decreased 0.1 pts to 6.2%") and as an amount otherwise.
    pub point_words: Words,
    /// Basis points in one word ("bps").
    pub basis_points: Words,
    /// Percentage points in one abbreviation ("0.3 ppt", "-2.3 ppts", "1.5pp").
    pub percentage_point_abbreviations: Words,
    /// Multiples of a figure after a number ("times", "fold").
    pub times: Words,
    /// The word glued by a hyphen for a multiple ("-fold").
    pub fold: &'static str,
    /// The suffix glued to a number for a multiple ("3x").
    pub times_suffix: &'static str,
    /// The letters of the initialism before a currency ("U.S. dlrs"), as lowercase words.
    pub us_initials: (&'static str, &'static str),
    /// Suffixes glued to a number that make it an ordinal, time or code ("20th", "5pm").
    pub numeral_suffixes: Words,
    /// The halves of the day after a clock time written apart ("2 pm"), and their letters
    /// written with points ("2 p.m.").
    pub clock_suffixes: Words,
    pub clock_letters: (Words, &'static str),
    /// Words before a number that make it a name ("Boeing 747", "No. 1", "Section 301").
    pub naming: Words,
    /// Month names and abbreviations.
    pub months: Map<u8>,
    /// "of" in "the 10th of May".
    pub day_of: &'static str,
    /// Range words: "between" 5 "and" 7, 5 "to" 7; "from" before a range makes it a change.
    pub between: &'static str,
    pub and: &'static str,
    pub to: &'static str,
    pub from: &'static str,
    /// Nouns of a range with both ends in the unit, and the "of" after them: "a range of 2%
    /// to 2.25%", "its target band of 4.75% to 5%".
    pub range_of: (Words, &'static str),
}

impl UnitWords {
    /// The codes a currency name several countries share may stand for ("riyal": SAR, QAR,
    /// ...), if `name` is one.
    pub fn shared_codes(&self, name: &str) -> Option<&'static [&'static str]> {
        self.shared_currencies
            .iter()
            .find_map(|&(shared, codes)| (shared == name).then_some(codes))
    }

    /// The shapes of every word a unit after a number can start with, for [`Self::starts`].
    pub const fn unit_starts(&self) -> Shapes {
        Shapes::EMPTY
            .union(self.percent.shapes())
            .with(self.percent_two_words.0)
            .with(self.percentage)
            .with(self.basis)
            .union(self.basis_points.shapes())
            .union(self.percentage_point_abbreviations.shapes())
            .union(self.times.shapes())
            .with(self.times_suffix)
            .union(self.currencies.shapes())
            .union(self.million_codes.shapes())
            .union(self.scaled_currencies.shapes())
            .union(self.attached_currencies.shapes())
            .union(self.pounds.0.shapes())
            .union(self.currency_adjectives.shapes())
            .with(self.us_initials.0)
            .union(self.ton_qualifiers.shapes())
            .union(self.count_qualifiers.0.shapes())
            .union(self.quantities.shapes())
            .union(self.squared.shapes())
            .union(self.powers.shapes())
            .union(self.scaled_units.shapes())
    }
}

/// The words that link figures into claims (claims/link.rs).
#[derive(Debug)]
pub struct ClaimWords {
    /// The shapes of every word a baseline connector can start with
    /// ([`ClaimWords::connector_starts`]).
    pub connector_starts: Shapes,
    /// Words allowed between a direction word and its percent ("rose by 5%").
    pub fillers_before_percent: Words,
    /// Extra fillers between a direction and a multiple ("rose to three times", "by").
    pub fillers_before_multiple: Words,
    /// Words between a figure and the change phrase after it ("353 tons, an increase").
    pub connectors: Words,
    /// Direction words that follow a percent as adjectives ("5 pct higher").
    pub direction_adjectives: Words,
    /// Of those, the ones that name the figure compared with right after them, as "than"
    /// does: "6.4% below the revised official forecast of 23.5 million tonnes".
    pub position_comparatives: Words,
    /// Of those, the comparatives that take "than" for a baseline after a value ("₹19,407
    /// crore, higher than last year's ₹18,951 crore"); "more than" and "less than" mostly
    /// round a figure instead.
    pub than_comparatives: Words,
    /// Words skipped before a figure after a change phrase ("to a record 5").
    pub fillers_before_figure: Words,
    /// One-word baseline connectors ("from", "against", "versus", "vs").
    pub baseline_words: Words,
    /// Two-word baseline connectors: first words ("compared", "relative") and second
    /// words ("with", "to").
    pub baseline_pairs: (Words, Words),
    /// Connectors that introduce a baseline only before a determiner or a period's
    /// possessive ("an increase over the 64.5 million", "up 5% over last year's 2.1
    /// million", "still up on the 201,966 tonnes"), not before a bare figure, where "over"
    /// is a bound ("over 2 years") and "on" a circumstance ("on 2.1 million shares").
    pub baseline_before_determiner: Words,
    /// The one of those that also introduces a bare figure right after a percent ("up 11.44
    /// per cent over 7.5 mt a year ago").
    pub baseline_after_percent: &'static str,
    /// The comparative connector ("than").
    pub than: &'static str,
    /// Words after "the" that make the figure after them the level a move starts from: "fell
    /// from the current £1,690 to £1,568".
    pub current_levels: Words,
    /// Words introducing a value after a change ("to", "at").
    pub value_words: Words,
    /// "from": the baseline after a value ("rose to X from Y").
    pub from: &'static str,
    /// "to": the value after a baseline ("fell from Y to X").
    pub to: &'static str,
    /// Wholes that a percentage can be a share of ("market", "supply").
    pub wholes: Words,
    /// Words that make "from 2.4 to 2.7" a range ("ranged", "between").
    pub range_words: Words,
    /// Words that make a bare number an exchange rate ("exchange", "currency").
    pub exchange_words: Words,
    /// Words introducing the other side of a comparison ("compared", "from", "than").
    pub introducing_baseline: Words,
    /// Verbs of being that state the figure after them, so that a word of
    /// [`Self::introducing_baseline`] before them is of the subject ("Arrivals from the region
    /// were 100,100").
    pub stating_verbs: Words,
    /// Words that end an aside before "from": a new clause or a verb of being.
    pub aside_stops: Words,
    /// Words that join two changes' clauses, so that a period named for the last is the
    /// earlier ones' too ("expanded 18.5% year on year but contracted 1.8% quarter on quarter
    /// in the second quarter").
    pub clause_joiners: Words,
    /// Words that open an aside between commas inside the object of a transitive verb ("the
    /// repo rate, or the rate at which ..., by 50 basis points").
    pub aside_openers: Words,
    /// Words starting a participial clause that refers back ("marking", "up", "which").
    pub clause_starters: Words,
    /// Those of them that open such a clause with no comma before it, right after the figure
    /// or its period phrase ("Rs 15.25 billion which is marginally lower by 2.7 percent", "Rs
    /// 17.16 billion over this period recording 26 percent increase").
    pub unpunctuated_clause_starters: Words,
    /// Adjectives of cadence that may stand between the article and the noun of a change
    /// restating a figure before it ("159,700 tons in December, a yearly rise of 15.8%").
    pub cadence_adjectives: Words,
    /// Comparatives before "than" after a multiple ("three times more than").
    pub comparatives: Words,
    /// Words after a multiple that make it a comparison ("that of", "as", "the", "over").
    pub comparison_starts: Words,
    /// "that"/"those" + "of" after a multiple ("seven times that of May").
    pub that_of: (Words, &'static str),
    /// Words skipped between a multiple and its baseline ("that of", "as much as").
    pub comparison_fillers: Words,
    /// Share words after a percent ("share", "stake").
    pub share_words: Words,
    /// "accounts for 40%": the verb forms and "for".
    pub accounts: (Words, &'static str),
    /// "of" in "90% of the supply" and "exports of magnets".
    pub of: &'static str,
    /// Words that restate a figure as a share of a whole ("1,500 jobs, or 15% of 12,000").
    pub restating: Words,
    /// "an increase of 6,673 cases equivalent to 9.7 percent", ", which is equivalent to 49.2
    /// percent": the adjective and its preposition restating an amount as a percent.
    pub equivalent: (&'static str, &'static str),
    /// Nouns of a loss before "of" and its amount ("to a loss of 61.7 mln dlrs ... down from
    /// the previously-reported loss of 12.1 mln"): a direction beside such amounts speaks of
    /// the results, which fall as the loss grows, not of the amounts.
    pub losses: Words,
    /// A word that makes per-share figures of a sentence incomparable ("split"), and the words
    /// that say the figures were made comparable again ("adjusted for a three-for-two stock
    /// split", "to reflect the split").
    pub stock_split: (Words, &'static str),
    /// Verbs of a market's daily settlement before its level ("to settle at", "closed at"):
    /// the level of the article's day when no other is named.
    pub session_close: Words,
    /// What trades on a market, whose moves are the day's ("The Dow rose 87 points", "Shares
    /// of Nvidia jumped 1%"): dated by the article's day when the sentence names no period.
    /// Not "stocks", which are as often a commodity's inventories ("crude stocks fell").
    pub traded: Words,
    /// A verb of being in the present, or "now", just before a change without a period
    /// ("Premium gas is 3 cents lower than a month ago"): the figure of the article's day.
    pub present_tense: Words,
    /// The ending of an adverb that may stand between that verb and the change ("is
    /// slightly lower").
    pub adverb_suffix: &'static str,
    /// The object of a policy decision's verb ("raised its main rate by 50 basis points",
    /// "cut interest rates"): dated by the article's month when no period is named.
    pub policy_rates: Words,
    /// Who sets a policy rate ("the Reserve Bank", "the Fed", "the ECB"): a rate named before
    /// a move in their sentence is theirs.
    pub policy_makers: Words,
    /// "by" before a change figure, after a verb's object ("raised its rate by 50 basis
    /// points", "increased in Northern Ireland by 2.1 percent").
    pub by: &'static str,
    /// Verbs between "to" and a value ("to settle at $1,780.20", "to reach 5%").
    pub value_verbs: Words,
    /// Verbs of moving that take no object, right before "from": "the tier went from $4.99
    /// to $5.99" names the two levels of a move.
    pub moving_verbs: Words,
    /// Gerunds that restate a change as its two figures ("fell 0.1 point, going from 2.6%
    /// to 2.5%").
    pub restating_verbs: Words,
    /// Verbs of a clause after a change that gives the level it reached, joined by a comma,
    /// "and" or a dash ("fell by 13% and stood slightly higher at 272 million", "up 3.8
    /// percent in June - coming in at 4,310"), and the particle they may take ("in").
    pub level_verbs: (Words, Words),
    /// A verb of being and a participle that give the level in the passive after a change
    /// ("increased by 31.27 percent and were recorded at Rs. 737,295 million").
    pub level_passives: (Words, Words),
    /// The words that open an aside naming a source (", according to our models,").
    pub source_aside: (&'static str, &'static str),
    /// Nouns that name a rate of growth as well as a rise ("year-on-year growth to 10.0 pct
    /// against 10.2 pct" compares two rates).
    pub growth_nouns: Words,
    /// Adverbs of time between the joiner and a verb of level (", and now stands at").
    pub level_adverbs: Words,
    /// "with" after a comma opening a phrase that names the level a change reached, up to
    /// "of" its figure (", with the total of 328,041 registrations", ", with an average
    /// audience of 19.3 million viewers").
    pub level_with: &'static str,
    /// "for" opening a phrase of the total a change came to, without a comma ("increased by
    /// 18.9 per cent for a total of 45,323 units"), and the words of such a total.
    pub level_for: (&'static str, Words),
    /// The preposition of a place a change happened in, between the change and its level
    /// ("rose 42.2 percent in the Northeast to 145,000").
    pub place_preposition: &'static str,
    /// A word opening a clause about the period just named, which gives its figure ("up from
    /// last week when it averaged 6.24 percent").
    pub period_relatives: Words,
    /// Verbs that take an object between them and their figures ("raised its main rate by
    /// 50 basis points", "cut its forecast to 550 billion yen from 692 billion yen").
    pub transitive_verbs: Words,
    /// Extremes that a figure after "from a ... of" is, rather than the baseline ("up 12.5
    /// cents at 6.705 dlrs from a high of 6.75 dlrs").
    pub extremes: Words,
    /// Words before an extreme (anywhere between the connector and it) that make it a level
    /// the change is measured from: "from an all-time high of 28 million tons", "from a
    /// record high of", "from the peak of", "from its four year low of".
    pub extreme_qualifiers: Words,
    /// Words opening a sentence that points back to the figure of the sentence before
    /// ("This was up 8.6%", "The result was down 14.8%").
    pub anaphors: Words,
    /// "and" joining the figures of a list, and "respectively" after it ("rose 4.3 percent and
    /// 23.5 percent, respectively").
    pub and: &'static str,
    pub respectively: &'static str,
    /// Direction words that give a direction only after a figure ("87,000 less than", "7.7%
    /// more"); before one they quote a price ("at less 1-7/8 pct").
    pub after_figure_only: Words,
    /// Verbs after an anaphor that make it point back to a figure ("This was", "It
    /// represents"): "It said" does not.
    pub anaphor_verbs: Words,
    /// An anaphor and its verb of being in one word: "That's up from 1.8".
    pub anaphor_contractions: Words,
    /// The separator of a baseline given in parentheses ("HK$536 million (2016: HK$496
    /// million)").
    pub label_colon: &'static str,
    /// A word before a baseline connector that belongs to it ("as compared with", "as
    /// against", "in comparison with").
    pub connector_prefixes: Words,
    /// Prepositions before a period phrase that a change spans ("fell by 2.1 percent over
    /// the 12 months to November to reach £285,000", "has risen by 5.25 percentage points
    /// since March 2022, to 5.5%").
    pub span_prepositions: Words,
    /// Words after "over the" or "in the" that open a span up to now, before a unit of time
    /// ("over the past year", "in the last 12 months").
    pub recent_spans: Words,
    /// Period nouns after "in the" that name the story's own period ("rose 5% in the quarter
    /// to $3 billion"), passed over between a change and its level.
    pub current_periods: Words,
    /// A word between "the" and such a noun that keeps it the story's own period ("in the
    /// review period"), and the two words after it that do ("the period under review").
    pub current_period_qualifiers: (Words, (&'static str, &'static str)),
    /// Adverbs of a rate passed over between a change and its value ("by 2.1 percent
    /// annually to £180,000").
    pub rate_adverbs: Words,
    /// Adjectives judging a change, passed over between the words opening a restatement and
    /// its noun ("a sharp fall from US$825.8 million").
    pub judging_adjectives: Words,
    /// Words that open the unit a figure is a rate of, passed over after the figure ("$80 a
    /// barrel, up from $75"), and the one that may take an adjective too ("70 cents per
    /// diluted share, down from 88 cents").
    pub per_unit: (Words, &'static str),
    /// Days of the week, passed over between a change and its value ("a jump of 6.56 per
    /// cent on Thursday to close at 18.20").
    pub weekdays: Words,
    /// Words between a comparison and a change that restates it ("rose to 400 tons from 100
    /// tons, a 300% increase", "..., which is an increase of 300%").
    pub restatement_openers: Words,
    /// "after" opening a clause about the level before: "fell 0.4 percent to $208.6 billion
    /// in January after climbing 0.9 percent to $209.5 billion in December".
    pub after: &'static str,
    /// Nouns of a level such a clause names: "after hitting a record level of 259.6 billion".
    pub level_nouns: Words,
    /// Pronouns that open a sentence about the measure of the sentence before, with a verb
    /// of change: "On a year-on-year basis, it jumped 35.8% from Rs776.82 crore."
    pub anaphor_pronouns: Words,
    /// Nouns of a change with no direction, labelling a signed figure: "Revenue Change
    /// (Y-o-Y): 9.1%".
    pub change_labels: Words,
    /// Words that put a statement in the future or a forecast ("will fall 25% next season",
    /// "is expected to"): a change and a figure are restated across sentences only when both
    /// or neither are forecasts.
    pub outlook: Words,
    /// Articles before one adjective between a verb of change and its figure: "rose an
    /// unexpected 0.3%", "fell a sharp 5%".
    pub adjective_articles: Words,
    /// Words that may join a rate to the change of it after a stop, besides articles: "a pass
    /// rate of 70.6%, which is an improvement of 5.6% from 2017".
    pub level_change_links: Words,
    /// Participles between a change's noun and its figure, before "to": "a monthly increase
    /// amounting to 14.0%".
    pub amounting: Words,
    /// Prepositions opening a short phrase of scope between a verb of change and "from":
    /// "declined for Saudis from 52.4 percent", "rose in Texas from 5 tons".
    pub scope_prepositions: Words,
    /// The ending of a verb's form that stays a verb after a preposition ("by reducing its
    /// base rate to"), where another direction word is a noun ("for raises to 3.5 pct").
    pub gerund_ending: &'static str,
    /// A sentence opening "In comparison," or "By comparison," before a level of its own
    /// earlier period: the prepositions and the noun.
    pub comparison_opener: (Words, &'static str),
    /// Verbs of comparing and the prepositions after them, after a word pointing back: "That
    /// compares with 84,886 during the same month last year."
    pub comparing: (Words, Words),
    /// Particles that are direction words ("up"), and the verbs before them that make the
    /// pair a phrasal verb of their own: no direction ("made up 20% of sales", `None`) or
    /// another one ("gave up 2% to $50", a fall).
    pub particle_verbs: (Words, Map<Option<crate::claim::Direction>>),
    /// Adjectives that turn a noun of rise into one of fall ("negative growth of 31.91
    /// percent").
    pub negating_adjectives: Words,
    /// Verbs that are a change only with their particle, by the verb: the particle and the
    /// direction ("tacked on $11.50", "piled on 2%").
    pub particle_changes: Map<(&'static str, crate::claim::Direction)>,
    /// Words of standing that give a direction only right after a percent or points: "5%
    /// behind the prior season", "12 percentage points ahead" (not "go ahead 11 minutes
    /// later", "falls six quarters behind").
    pub standing_comparatives: Map<crate::claim::Direction>,
    /// Verbs of losing: the amount after them is a loss booked ("the company lost 120 mln
    /// dlrs"), not a change of a level.
    pub loss_verbs: Words,
    /// Nouns of change that, after an article and before "of" and an amount, name an amount
    /// booked ("excludes a gain of 995,000 dlrs for tax credits"), not a change of a level.
    pub booked_nouns: Words,
    /// Participles saying how a figure was had, before its period phrase ("Rs331 billion
    /// collected in October 2020", "75,968 cases reported in the same period last year").
    pub figure_participles: Words,
    /// Direction words that are also particles of other verbs ("signed up 14,619", "write
    /// off 50 mln dlrs"): an amount right after one is a change only after a word of
    /// [`Self::amount_copulas`] ("were off 100,000 barrels", "closing down 7/8").
    pub particle_directions: Words,
    pub amount_copulas: Words,
    /// Adverbs of manner or degree between a verb of change and the "to" or "from" of its
    /// levels, or between the two levels: "fell sharply to 4.4% from 2.3%", "eased slightly
    /// from 2.8% to 2.7%", "fell from 3.1% back to 3%".
    pub manner_adverbs: Words,
    /// Arrows written as the direction of a change in results highlights: "$255m ↑ 19.4% on
    /// FY23".
    pub direction_signs: &'static [(&'static str, crate::claim::Direction)],
    /// Adjectives of rate or scope between a percent and its noun of change: "a 2.5 percent
    /// annual increase", "a seven per cent overall rise".
    pub rate_adjectives: Words,
    /// Nouns of the rate a change runs at: "expanded at an unexpected rate of seven percent",
    /// "shrank at a month-on-month pace of 4.7%".
    pub rate_nouns: Words,
    /// Comparatives of pace between "at a" and the rate a change runs at: "imports increased
    /// at a slower 1.5 percent".
    pub pace_comparatives: Words,
    /// Relative pronouns opening a clause on the subject between commas: "The unemployment
    /// rate, which in August stood at 16.8 percent, fell".
    pub relative_openers: Words,
    /// Verbs of change that run "at" a rate ("GDP grew at a 3.1% pace"); not the words of
    /// standing ("ended higher at 5.68 pct") nor verbs of an amount ("liquidity was added at
    /// about 3.95 pct"), where the figure after "at" is a level.
    pub verbs_at_rate: Words,
    /// The first words of the connectors that set a figure against another with words
    /// between ("7,4% annual rate compared to 7,7%"): neither "from" nor "than".
    pub comparison_connectors: Words,
    /// Of those, the ones a baseline figure follows at once ("in the quarter against Rs 484
    /// crore"), which may end an aside as "from" does.
    pub figure_connectors: Words,
    /// Of those, the ones of results tables ("Net 788 mln dlrs vs 872 mln"), after which a
    /// bare figure at the value's scale is in the value's unit.
    pub table_connectors: Words,
    /// The word that quotes a change noun's size: "pegged the decline at 8 percent".
    pub at: &'static str,
    /// The word before "at" dating a figure as at a day or month ("N299.4 billion recorded as
    /// at December 2022").
    pub as_at: &'static str,
    /// Words before "unchanged" or "stable" that make it roughly so ("little changed",
    /// "broadly stable"): no zero change is read.
    pub flat_hedges: Words,
}

impl ClaimWords {
    /// The shapes of every word a baseline connector starts with ("from", "compared",
    /// "as", "over", "than"), for [`Self::connector_starts`]: most tokens are none.
    pub const fn connector_starts(&self) -> Shapes {
        Shapes::EMPTY
            .union(self.connector_prefixes.shapes())
            .union(self.baseline_words.shapes())
            .union(self.baseline_pairs.0.shapes())
            .union(self.baseline_before_determiner.shapes())
            .with(self.than)
    }
}

/// The words of period phrases (claims/periods.rs).
#[derive(Debug)]
pub struct PeriodWords {
    /// Ordinals for quarters and halves ("first" → 1).
    pub ordinals: Map<u8>,
    /// The letters that make a numeral an ordinal ("3rd", "4th").
    pub ordinal_suffixes: Words,
    /// Words naming the last quarter or half of a year that is named after them ("the final
    /// quarter of 2023"); without a year "last quarter" is the one before.
    pub last_parts: Words,
    /// Words naming a quarter after an ordinal ("quarter", "qtr").
    pub quarters: Words,
    /// Words naming a half of a year after an ordinal ("half", "semester").
    pub halves: Words,
    /// Prepositions included before a period phrase ("in", "for", "during", "of").
    pub prepositions: Words,
    /// Prepositions before a bare year ("in 2024", "since 2024").
    pub year_prepositions: Words,
    /// Words between such a preposition and its year that leave the year whole ("in
    /// full-year 2017", "for calendar 2024").
    pub year_qualifiers: Words,
    /// Words skipped back to a baseline connector ("than in the May").
    pub baseline_skip: Words,
    /// "that"/"those"/"level" + "of" before a period: the baseline's ("that of May").
    pub that_of: (Words, &'static str),
    /// Words before a period that make it the baseline's ("from", "than", "since").
    pub baseline_words: Words,
    /// Of `baseline_words`, those that need a word before them: "with"/"to" after
    /// "compared", "to" after "relative".
    pub with: &'static str,
    pub to: &'static str,
    pub compared: &'static str,
    pub relative: &'static str,
    /// "in contrast to 2019": the period after it is the baseline's, as after "compared to".
    pub contrast: &'static str,
    /// Words after a month that make it a futures delivery month ("December gold").
    pub delivered: Words,
    /// Days of the week, Monday 0 to Sunday 6 ("on Thursday": the last one by the article's
    /// date).
    pub weekdays: Map<u8>,
    /// Words after "May" that make it the verb ("may be", "may have").
    pub may_verb: (&'static str, Words),
    /// "fiscal 1987", "fy 1987" and the optional "year" between.
    pub fiscal: Words,
    /// A fiscal year's first half named like a fiscal year ("HY 2024", "HY24"): the half
    /// year that results name by the fiscal year it opens.
    pub fiscal_half: Words,
    /// One-letter prefixes glued to a number: quarter ("q") and half ("h").
    pub quarter_letter: &'static str,
    pub half_letter: &'static str,
    /// Period units.
    pub year: &'static str,
    pub month: &'static str,
    pub quarter: &'static str,
    /// "on"/"over" in "year-on-year", "year-over-year".
    pub on_over: Words,
    /// Words a relative period phrase starts with ("last", "the", "year"...).
    pub relative_starts: Words,
    /// "last", "previous", "prior": back one period; "this": the current one.
    pub back: Words,
    /// The first words of comparison phrases that name the period of a figure ("a year
    /// earlier", "the previous quarter"), unlike those that name how a change is measured
    /// ("year-on-year", "sequentially").
    pub dating_starts: Words,
    /// Prepositions that make a looking-back phrase a claim's own period ("the 2.1%
    /// expansion in the previous quarter"), where "from" or "over" makes it a baseline's.
    pub within: Words,
    pub this: &'static str,
    /// "previous" (also before a month or quarter) and "prior" (before a year only).
    pub previous: &'static str,
    pub prior: &'static str,
    pub last: &'static str,
    /// The articles: "a year earlier", "the same period".
    pub a: &'static str,
    pub the: &'static str,
    /// "earlier", "ago", "before" after "a year".
    pub ago: Words,
    /// "before" in "the year before".
    pub before: &'static str,
    /// "same" in "the same period", "comparable" in "the comparable quarter last year".
    pub same: Words,
    /// Units after "the same" ("period", "month", "time").
    pub same_units: Words,
    /// Spans a count is made over, after "in the" ("15,700 fresh cases in the week").
    pub spans: Words,
    /// "in"/"of" before the year of "the same period in 2024".
    pub in_of: Words,
    /// The relative pronoun before a verb of ending ("the 12 months that ended in October").
    pub relative_that: &'static str,
    /// "of" in "second half of 2025".
    pub of: &'static str,
    /// "earlier" in "the same period a year earlier".
    pub earlier: &'static str,
    /// "ago" in "the same period a year ago".
    pub ago_word: &'static str,
    /// Fixed phrases by their first word: the words after it, token by token (a word, or
    /// punctuation such as "/"), longest first where one begins another; a hyphen between
    /// two words may be written or left out ("year-on-year", "year on year").
    pub phrases: Map<&'static [(&'static [&'static str], PeriodPhrase)]>,
    /// Words after a fixed phrase that make it something else ("on the year ahead").
    pub not_after: Words,
    /// "previous", "prior", "preceding" after "the": the period before ("the prior quarter").
    pub back_the: Words,
    /// "period" and "week" after "the prior": the period before, a week before.
    pub period: &'static str,
    pub week: &'static str,
    /// "to", "through", "ended" between "the year" / "the 12 months" and its last month.
    pub up_to: Words,
    /// Of `up_to`, those that make twelve months an annual rate's month ("to", "through").
    pub rate_to: Words,
    /// The words that open and join a range of months: "from January to September 2023",
    /// "between January and March".
    /// Words that say a fiscal year before "year" only: "financial year 2024-25".
    pub financial: Words,
    /// "between" before two years a range runs over ("between 1996 and 2002"), and before
    /// the two ends a change spans ("slipped 0.6% between December and January").
    pub between: &'static str,
    pub range_from: Words,
    pub range_to: Words,
    /// The words that join a period to the one before it, which it shares a role with:
    /// "more than in 2022 and 2019".
    pub joined: Words,
    /// Plural units after "the first" and a count ("the first nine months", "... 20 days").
    pub months: Words,
    /// The counts of months in words, one to twelve ("six months ending June 30"): their
    /// shapes let a word into the period grammar before its count is read.
    pub month_counts: Words,
    /// Units after "the" and a count of months before "period" ("the nine months period",
    /// "the nine-month period").
    pub counted_months: Words,
    pub days: Words,
    /// Units of time a count is made in ("the first cut in four years", "a 23-year high"):
    /// the count measures time, not what a claim measures.
    pub durations: Words,
    /// "month" after "this" or "the" in "the first 20 days of this month".
    pub this_month: Words,
    /// Words that put a sentence in the future, a month named after the article's month then
    /// being this year's: always ("will"), or before [`Self::to`] ("expected to").
    pub future: (Words, Words),
    /// The letter of a count of months glued to a number ("9M-24", "9MFY17": "m").
    pub month_letter: &'static str,
    /// Words that make the month before them a quarter ("the March quarter").
    pub month_quarter: Words,
    /// "on" right after a percent introduces the baseline's period ("up 5% on last year",
    /// "rose 12% on FY23").
    pub on: &'static str,
    /// The shapes of every word a period phrase can start with.
    pub starts: Shapes,
    /// The shapes of every word after [`Self::a`] or [`Self::the`] in a period phrase ("the
    /// same period", "a year earlier", "the nine months"), a number after them being always
    /// let through: most articles are turned down on the word after them.
    pub after_articles: Shapes,
    /// Words that say how often an article's figures come, by first word, each with the
    /// words after it (a hyphen between two is optional): "quarterly", "a challenging
    /// quarter", "interim", "half-year", "monthly".
    pub cadences: Map<&'static [(&'static [&'static str], Cadence)]>,
    /// Words after a cadence word that make it a fraction or a step ("a quarter of", "a
    /// quarter point", "half a percentage point").
    pub not_cadence: Words,
    /// Words before a cadence word that make it a fraction ("a quarter", "three quarters").
    pub fraction_before: Words,
    /// Words before a month, with or without a hyphen, naming a part of it ("mid-March",
    /// "early June"): the month's figures.
    pub month_parts: Words,
    /// Prepositions that open a part of a month as they open no other period phrase ("at the
    /// end of August", "by end-June").
    pub part_prepositions: Words,
    /// Superlatives, and the nouns that may follow them, whose year is the superlative's
    /// scope, not a figure's period: "the highest level this year", "the lowest in 2023".
    pub superlatives: (Words, Words),
    /// Period nouns that own a figure in the possessive, as a month does ("from last
    /// year's $4.8 billion", "from January's 4.5%").
    pub possessed: Words,
}

/// The words of subject phrases and the keys that tell measures apart (claims/subject.rs).
#[derive(Debug)]
pub struct SubjectWords {
    /// Words dropped from the end of a subject (besides direction words).
    pub trailing_fillers: Words,
    /// Words dropped from the start of a subject.
    pub leading_fillers: Words,
    /// Verbs that end the clause before a subject ("said").
    pub reporting_verbs: Words,
    /// Words that open the clause a reporting verb reports ("said in a filing that profit").
    pub reported_clause: Words,
    /// Words normalised to keys that tell measures apart ("exports" → "export").
    pub keys: Map<&'static str>,
    /// Keys that say where or how much of something, not what is measured.
    pub places_and_scopes: &'static [&'static str],
    /// Capitalised words that are not proper nouns ("The", "It").
    pub not_proper: Words,
    /// Words that say nothing about what is measured.
    pub stopwords: Words,
    /// Names rewritten before splitting into words ("United States" → "US").
    pub aliases: &'static [(&'static str, &'static str)],
    /// Possessive endings stripped from words ("China’s").
    pub possessives: &'static [&'static str],
    /// Wholes that a ratio may exceed, as lowercase substrings of a subject ("of GDP").
    pub ratio_wholes: &'static [&'static str],
    /// Words that tie a figure "of" a whole to another quantity named before it, making it a
    /// ratio rather than a share ("debt at 129 pct of exports", "4 bln dlrs, or 105 pct of
    /// equity", "exposure of over 150 pct of capital").
    pub ratio_links: Words,
    /// Words right after a percent that set it against another level, making it a ratio to
    /// that level rather than a share ("accounting for 540.4 percent compared to the same
    /// period in 2021").
    pub ratio_comparisons: Words,
    /// Currencies quoted as units per dollar when no unit is written: their figure falls when
    /// the currency rises ("the yen rose 0.8 pct to 153.50 from 154.67").
    pub quoted_per_dollar: Words,
    /// Words that join two month names into one span ("January and February", "Jan/Feb"
    /// has none): a figure for the span is not the last month's.
    pub month_span_joiners: Words,
    /// Words that join two things in a subject ("share and bond turnover").
    pub coordinators: Words,
    /// Words that put a figure on a basis of its own (seasonally adjusted, revised, forecast,
    /// "would have been"): two figures whose sentences differ in them measure differently.
    pub basis_words: Words,
    /// Words by which a sentence takes its basis from the one before ("On that basis").
    pub basis_references: Words,
    /// Words that pair a list of figures with a list of items ("13.1 mln and 17.4 mln
    /// dlrs, respectively"): each figure belongs to its own item.
    pub list_pairing: Words,
    /// Words that carry a qualifier on after the name of a measure ("index for the families
    /// of workers"): the name goes on over them, and ends at any other stopword.
    pub qualifier_links: Words,
}

/// Abbreviations and sentence starters for the sentence splitter (sentences.rs); bytes,
/// without the period.
#[derive(Debug)]
pub struct SentenceWords {
    /// Abbreviations that never end a sentence (lowercase): "mr", "e.g".
    pub never_end: &'static [&'static [u8]],
    /// Abbreviations written exactly so that never end a sentence ("No" of "No. 1").
    pub never_end_cased: &'static [&'static [u8]],
    /// Abbreviations that end a sentence only before a starter word (lowercase): "feb".
    pub end_before_starter: &'static [&'static [u8]],
    /// Company suffixes (lowercase): "corp", "inc".
    pub company: &'static [&'static [u8]],
    /// Words that continue a company name after a suffix, as written: "Ltd", "Inc".
    pub company_continuations: &'static [&'static [u8]],
    /// Words that commonly start a sentence, as written: "The", "It".
    pub starters: &'static [&'static [u8]],
}
