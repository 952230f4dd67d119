//! Extraction: every numeric mention in an article, as a span plus what was written and what
//! it means. One pass over the tokens; dates, years, times, ordinals, scores, phone numbers
//! and names ("G7", "COVID-19", "Boeing 747") are recognised and left out.

pub mod numeral;
pub mod tokens;
mod words;

use crate::document::Document;
use crate::interval::Interval;
pub use crate::lang::Low;
use crate::lang::{same, Language};
use crate::mention::{Bound, Mention, MentionKind};
use crate::span::Span;
use numeral::Numeral;
use tokens::{Kind, Token};
use words::{Bare, Written};

/// How many figures written as one to three digits, a space and three digits an article
/// needs before such a pair is read as one number with its thousands spaced.
const SPACED_PAIRS_FOR_STYLE: usize = 3;

/// The tokens of an article body and the mentions found in them.
#[derive(Debug, Default)]
pub struct Extraction {
    pub tokens: Vec<Token>,
    pub mentions: Vec<Mention>,
    /// For each mention, its token range `[first, end)`.
    pub mention_tokens: Vec<(usize, usize)>,
}

/// Tokenizes the body and extracts its mentions.
pub fn extract(doc: &Document) -> Extraction {
    let mut ex = Extraction::default();
    tokens::tokenize(&doc.text, doc.body.start, doc.body.end, &mut ex.tokens);
    // Room for a mention every four tokens (the densest figure prose has one every four or
    // five), so that a huge article's mentions are not copied again and again as they grow.
    ex.mentions.reserve(ex.tokens.len() / 4);
    ex.mention_tokens.reserve(ex.tokens.len() / 4);
    let scanner = Scanner {
        text: &doc.text,
        toks: &ex.tokens,
        lang: doc.lang,
        spaced_thousands: std::cell::OnceCell::new(),
        defined_units: std::cell::RefCell::new(Vec::new()),
    };
    let mut i = 0;
    while i < ex.tokens.len() {
        let step = match ex.tokens[i].kind {
            Kind::Num => scanner.numeric(i),
            Kind::Word => scanner.worded(i),
            // A vulgar fraction on its own ("½"); other punctuation is one length test.
            Kind::Punct if ex.tokens[i].end - ex.tokens[i].start > 1 => scanner.numeric(i),
            Kind::Punct => Step::Skip(i + 1),
        };
        match step {
            Step::Skip(next) => i = next.max(i + 1),
            Step::Found(m, first, end) => {
                if !is_hidden(&doc.hidden, m.span) {
                    ex.mentions.push(m);
                    ex.mention_tokens.push((first, end));
                }
                i = end.max(i + 1);
            }
        }
    }
    resolve_shared_currencies(&doc.lang.units, &mut ex.mentions);
    ex
}

/// Amounts in a currency name several countries share ("4.473 billion dinars") are amounts of
/// the one currency of those the text writes by code or sign ("JD4.514 billion"); with none
/// or several, they stay amounts of the name alone.
fn resolve_shared_currencies(units: &crate::lang::UnitWords, mentions: &mut [Mention]) {
    for &(name, codes) in units.shared_currencies {
        if !mentions.iter().any(|m| m.unit == Some(name)) {
            continue;
        }
        let mut written = mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Currency)
            .filter_map(|m| m.unit.filter(|u| codes.contains(u)));
        let Some(code) = written.next() else {
            continue;
        };
        if written.any(|other| other != code) {
            continue;
        }
        for m in mentions.iter_mut().filter(|m| m.unit == Some(name)) {
            m.kind = MentionKind::Currency;
            m.unit = Some(code);
        }
    }
}

/// Whether a mention starts inside one of the document's hidden spans (sorted).
fn is_hidden(hidden: &[Span], span: Span) -> bool {
    let i = hidden.partition_point(|h| h.end <= span.start);
    hidden.get(i).is_some_and(|h| h.start <= span.start)
}

enum Step {
    Skip(usize),
    Found(Mention, usize, usize),
}

/// What follows a number: its scale and unit.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Unit {
    None,
    Percent,
    /// Points, with the factor to percentage points (basis points are 0.01).
    Points(f64),
    Times,
    Currency(&'static str, f64),
    Quantity(&'static str),
}

struct Tail {
    end: usize,
    scale: f64,
    unit: Unit,
}

struct Scanner<'a> {
    text: &'a str,
    toks: &'a [Token],
    lang: &'static Language,
    /// Whether the text writes its thousands apart with spaces ("40 000", "1 414 021"), read
    /// the first time a figure could be grouped so or be two figures ("37 403 units").
    spaced_thousands: std::cell::OnceCell<bool>,
    /// Units the text defines in parentheses after a scaled quantity, with their scale
    /// ("194.7 million tonne (MT)"), in the order read.
    defined_units: std::cell::RefCell<Vec<(&'a str, f64)>>,
}

/// How many tokens after a list of two figures its "respectively" may come ("7 and 5 cents,
/// respectively, in Indiana"), for the number reader and the linker alike.
pub const RESPECTIVELY_REACH: usize = 12;

/// The widest band of rates, in points, read as one range after a bare "to" ("to 4.75% to
/// 5%").
const MAX_RATE_BAND: f64 = 0.5;

/// How much "about", "nearly" and friends widen a number: relative to its value.
/// "about 50" allows 45 to 55; "nearly 50" allows 45 up to 50.
pub const APPROX_RELATIVE: f64 = 0.10;

/// How many words a verb of change may stand before the "by" of a fraction ("cut its 2024
/// forecast by a third").
const FRACTION_VERB_REACH: usize = 6;

impl<'a> Scanner<'a> {
    fn tok(&self, i: usize) -> Option<&Token> {
        self.toks.get(i)
    }

    #[inline]
    fn low(&self, i: usize) -> Option<Low<'a>> {
        self.tok(i)?.low(self.text)
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == Kind::Punct && t.text(self.text) == p)
    }

    fn is_word(&self, i: usize, w: &str) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == Kind::Word && t.is(self.text, w))
    }

    /// Whether token `i` is a word of `words`.
    fn is_any(&self, i: usize, words: &crate::lang::Words) -> bool {
        self.tok(i).is_some_and(|t| t.is_in(self.text, words))
    }

    fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.space_before)
    }

    fn is_capitalized(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.text(self.text).starts_with(|c: char| c.is_uppercase()))
    }

    fn is_month(&self, i: usize) -> bool {
        self.is_capitalized(i)
            && self
                .tok(i)
                .is_some_and(|t| t.look_up(self.text, &self.lang.units.months).is_some())
    }

    /// A unit written as a ratio with a slash at `j`, its three parts glued together
    /// ("280,700b/d", "1.385mb/d", "900,000 b/d"): its factor and code.
    fn slash_unit(&self, j: usize) -> Option<(f64, &'static str)> {
        if !self.is_punct(j + 1, "/") || !self.glued(j + 1) || !self.glued(j + 2) {
            return None;
        }
        let (after, factor, code) = self
            .tok(j)?
            .look_up(self.text, &self.lang.units.slash_units)?;
        self.is_word(j + 2, after).then_some((factor, code))
    }

    /// Scale and unit after a number whose last token is `j - 1`.
    fn tail(&self, mut j: usize) -> Tail {
        if self.slash_unit(j).is_some() {
            return self.tail_at(j, 1.0);
        }
        let mut scale = 1.0;
        let n = &self.lang.numbers;
        // "$70.1-million": a scale hyphenated to its number.
        if self.is_punct(j, "-")
            && !self.toks[j].space_before
            && self
                .tok(j + 1)
                .is_some_and(|w| !w.space_before && w.look_up(self.text, &n.scales).is_some())
        {
            j += 1;
        }
        if let Some(t) = self.tok(j) {
            let attached = || t.look_up(self.text, &n.attached_scales);
            // "3 dozen"
            let dozen = || t.is_in(self.text, &n.dozens).then_some(12.0);
            if let Some(s) = t
                .look_up(self.text, &n.scales)
                .or_else(|| {
                    attached().filter(|_| {
                        self.glued(j) && !self.metres_glued(j) && self.squared(j).is_none()
                    })
                })
                .or_else(dozen)
            {
                scale = s;
                j += 1;
                // Stacked scales: "1.37 lakh crore" (1e12), "two thousand million".
                if let Some(s2) = self
                    .tok(j)
                    .and_then(|t| t.look_up(self.text, &n.scales))
                    .filter(|&s2| s2 > s)
                {
                    scale *= s2;
                    j += 1;
                }
            }
        }
        self.tail_at(j, scale)
    }

    /// The unit at `j` after a number of scale `scale`, and a scale written after a currency
    /// code ("75 USD million").
    fn tail_at(&self, mut j: usize, mut scale: f64) -> Tail {
        if let Some((factor, code)) = self.slash_unit(j) {
            return Tail {
                end: j + 3,
                scale: scale * factor,
                unit: Unit::Quantity(code),
            };
        }
        // "40.1 bcm": a unit with a scale of its own.
        if let Some((code, factor)) = self
            .tok(j)
            .filter(|t| t.kind == Kind::Word)
            .and_then(|t| t.look_up(self.text, &self.lang.units.scaled_units))
        {
            return Tail {
                end: j + 1,
                scale: scale * factor,
                unit: Unit::Quantity(code),
            };
        }
        let unit = self.unit_at(&mut j, scale);
        if scale == 1.0 && matches!(unit, Unit::Currency(_, f) if f == 1.0) {
            if let Some(s) = self
                .tok(j)
                .and_then(|t| t.look_up(self.text, &self.lang.numbers.scales))
            {
                scale = s;
                j += 1;
            }
        }
        Tail {
            end: j,
            scale,
            unit,
        }
    }

    /// A scale word; `attached` for a suffix written without a space ("5m", "$1.2bn"),
    /// where single letters are allowed.
    fn scale(&self, w: &str, attached: bool) -> Option<f64> {
        self.lang.scale(w, attached)
    }

    /// The unit at `*j` after a number of scale `scale`, moving `*j` past it.
    fn unit_at(&self, j: &mut usize, scale: f64) -> Unit {
        let u = &self.lang.units;
        let i = *j;
        if self.is_punct(i, "%") {
            *j = i + 1;
            return self.points_after(j, Unit::Percent);
        }
        // A currency sign after the number ("20€", "10¢"), unless it is the next number's.
        if let Some((code, factor)) = self
            .tok(i)
            .filter(|t| t.kind == Kind::Punct)
            .and_then(|t| u.currency_signs_after.get(t.text(self.text)))
        {
            if !self.tok(i + 1).is_some_and(|n| n.kind == Kind::Num) {
                *j = i + 1;
                return Unit::Currency(code, factor);
            }
            return Unit::None;
        }
        if self.metres_glued(i) {
            *j = i + 1;
            return Unit::Quantity(u.metre.0);
        }
        // Most words after a number are no unit: one shape test turns them down.
        if self
            .tok(i)
            .is_some_and(|t| t.kind == Kind::Word && !t.may_be_in(&u.starts))
        {
            return Unit::None;
        }
        if let Some(code) = self.squared(i) {
            *j = i + 2;
            return Unit::Quantity(code);
        }
        let Some(w) = self.low(i) else {
            // "-fold"
            if (self.is_punct(i, "-")) && self.is_word(i + 1, u.fold) && self.glued(i + 1) {
                *j = i + 2;
                return Unit::Times;
            }
            if self.is_punct(i, "-") && self.glued(i) && self.glued(i + 1) {
                // "a 9.6-percent increase", "a nine-percent boost"
                if self.is_any(i + 1, &u.percent) {
                    *j = i + 2;
                    return Unit::Percent;
                }
                // "a 12-cent dividend", "a one-yen rise"
                if let Some((code, factor)) = self.low(i + 1).and_then(|w| u.currencies.get(&w)) {
                    *j = i + 2;
                    return Unit::Currency(code, factor);
                }
            }
            return Unit::None;
        };
        let w = w.as_str();
        if u.percent.contains(w) {
            *j = i + 1;
            return self.points_after(j, Unit::Percent);
        }
        if same(w, u.percent_two_words.0) && self.is_word(i + 1, u.percent_two_words.1) {
            *j = i + 2;
            return self.points_after(j, Unit::Percent);
        }
        // "percentage points", "basis points", "a 25 basis-point cut"
        if same(w, u.percentage) || same(w, u.basis) {
            let factor = if same(w, u.basis) { 0.01 } else { 1.0 };
            if self.is_any(i + 1, &u.points) {
                *j = i + 2;
                return Unit::Points(factor);
            }
            if self.is_punct(i + 1, "-") && self.glued(i + 1) && self.is_any(i + 2, &u.points) {
                *j = i + 3;
                return Unit::Points(factor);
            }
        }
        if u.basis_points.contains(w) {
            *j = i + 1;
            return Unit::Points(0.01);
        }
        if u.percentage_point_abbreviations.contains(w) {
            *j = i + 1;
            return Unit::Points(1.0);
        }
        // "times", "fold"; "2.7x" glued, but not "4x4".
        if u.times.contains(w)
            || same(w, u.times_suffix)
                && self.glued(i)
                && !self
                    .tok(i + 1)
                    .is_some_and(|n| n.kind == Kind::Num && !n.space_before)
        {
            *j = i + 1;
            return Unit::Times;
        }
        if let Some((code, factor)) = u.currencies.get(w) {
            *j = i + 1;
            return Unit::Currency(code, factor);
        }
        if let Some(code) = u.million_codes.get(w) {
            *j = i + 1;
            return Unit::Currency(code, 1e6);
        }
        if let Some(code) = u.currency_adjectives.get(w) {
            if let Some(n) = self.low(i + 1) {
                if let Some((_, factor)) = u.currencies.get(&n) {
                    *j = i + 2;
                    return Unit::Currency(code, factor);
                }
                // "Swedish crowns": a name several countries share, made one country's.
                let shared = u.quantities.get(&n).and_then(|name| u.shared_codes(name));
                if shared.is_some_and(|codes| codes.contains(&code)) {
                    *j = i + 2;
                    return Unit::Currency(code, 1.0);
                }
            }
        }
        // "U.S. dlrs"
        if same(w, u.us_initials.0)
            && self.is_punct(i + 1, ".")
            && self.is_word(i + 2, u.us_initials.1)
            && self.is_punct(i + 3, ".")
        {
            if let Some((code, factor)) = self.low(i + 4).and_then(|n| u.currencies.get(&n)) {
                *j = i + 5;
                return Unit::Currency(code, factor);
            }
        }
        // "272,610 new cars": an adjective between a count and the things it counts.
        if u.count_qualifiers.0.contains(w) {
            if let Some(code) = self.low(i + 1).and_then(|n| u.quantities.get(&n)) {
                if u.count_qualifiers.1.contains(code) {
                    *j = i + 2;
                    return Unit::Quantity(code);
                }
            }
        }
        if u.ton_qualifiers.contains(w) {
            if let Some(code) = self.low(i + 1).and_then(|n| u.quantities.get(&n)) {
                if code == "t" {
                    *j = i + 2;
                    return Unit::Quantity(code);
                }
            }
        }
        // "square feet", "sq. km", "cubic metres"
        if let Some(powers) = u.powers.get(w) {
            let k = if self.is_punct(i + 1, ".") {
                i + 2
            } else {
                i + 1
            };
            let length = self.low(k).and_then(|n| {
                if same(&n, u.metre.0) {
                    Some(u.metre.0)
                } else {
                    u.quantities.get(&n)
                }
            });
            if let Some(&(_, code)) = length.and_then(|l| powers.iter().find(|(c, _)| *c == l)) {
                *j = k + 1;
                return Unit::Quantity(code);
            }
        }
        if let Some(code) = u.quantities.get(w) {
            *j = i + 1;
            if code == "bbl" {
                // "barrels per day", "barrels a day"
                if self.is_any(i + 1, &u.per_day.0) && self.is_word(i + 2, u.per_day.1) {
                    *j = i + 3;
                    return Unit::Quantity("bpd");
                }
            }
            return Unit::Quantity(code);
        }
        if scale > 1.0 {
            // "3 trillion won"
            if let Some((code, factor)) = u.scaled_currencies.get(w) {
                *j = i + 1;
                return Unit::Currency(code, factor);
            }
        }
        if u.pounds.0.contains(w) {
            if self.is_word(i + 1, u.sterling) {
                *j = i + 2;
                return Unit::Currency(u.pounds.1, 1.0);
            }
            if scale > 1.0 {
                *j = i + 1;
                return Unit::Currency(u.pounds.1, 1.0);
            }
            if self.is_word(i + 1, self.lang.claims.of) {
                *j = i + 1;
                return Unit::Quantity(u.pounds.2);
            }
            return Unit::None;
        }
        // "59.0c", in lowercase as written ("20C" is a temperature)
        if self.glued(i) && self.tok(i).is_some_and(|t| same(t.text(self.text), w)) {
            if let Some((code, factor)) = u.attached_currencies.get(w) {
                *j = i + 1;
                return Unit::Currency(code, factor);
            }
        }
        Unit::None
    }

    /// Whether a half of the day follows at `j`, after a space: "pm", "a.m.".
    fn clock_after(&self, j: usize) -> bool {
        let u = &self.lang.units;
        self.tok(j)
            .is_some_and(|t| t.kind == Kind::Word && t.space_before)
            && (self.is_any(j, &u.clock_suffixes)
                || self.is_any(j, &u.clock_letters.0)
                    && self.is_punct(j + 1, ".")
                    && self.glued(j + 1)
                    && self.is_word(j + 2, u.clock_letters.1)
                    && self.glued(j + 2))
    }

    /// Whether token `j` is the metre's letter glued to its number before a word of size
    /// ("1.8m tall"), not a million.
    fn metres_glued(&self, j: usize) -> bool {
        let m = &self.lang.units.metre;
        self.glued(j)
            && self
                .tok(j)
                .is_some_and(|t| t.kind == Kind::Word && t.text(self.text) == m.0)
            && self.is_any(j + 1, &m.1)
    }

    /// The code of a squared unit whose letters are token `j`, glued to a "2" or "²" that ends
    /// the word: "m2" of "85m2", "km²" of "190 km²".
    fn squared(&self, j: usize) -> Option<&'static str> {
        // Most units have nothing glued after them: one test tells.
        let two = self.tok(j + 1).filter(|t| !t.space_before)?;
        if !matches!(two.text(self.text), "2" | "²")
            || self
                .tok(j + 2)
                .is_some_and(|t| !t.space_before && !self.clause_ends(j + 2))
        {
            return None;
        }
        self.tok(j)
            .filter(|t| t.kind == Kind::Word)
            .and_then(|t| t.look_up(self.text, &self.lang.units.squared))
    }

    /// A subunit after a whole amount, at `j`: "50 cents" of "3 dollars 50 cents", "and 43c"
    /// of "$20 and 43c", "and forty-five cents". (The subunits, below 100, and the token after.)
    fn subunit_after(&self, j: usize) -> Option<(f64, usize)> {
        let k = if self.is_word(j, self.lang.units.and) {
            j + 1
        } else {
            j
        };
        let t = self.tok(k)?;
        let (count, mut e) = match t.kind {
            Kind::Num => {
                let n = numeral::parse(t.text(self.text)).filter(|n| n.decimals == 0)?;
                (n.value, k + 1)
            }
            Kind::Word if t.may_be_in(&self.lang.numbers.number_word_starts) => {
                let w = words::written_value(self, k)
                    .filter(|w| w.fraction == Bare::No && w.step == 1.0)?;
                (w.value, w.end)
            }
            _ => return None,
        };
        if count >= 100.0 {
            return None;
        }
        match self.unit_at(&mut e, 1.0) {
            Unit::Currency(_, 0.01) => Some((count, e)),
            // "15 dollars 50.", "$20 and 43", "one dollar and two": the subunit unnamed,
            // two digits or words, at the end of a clause
            Unit::None
                if self.clause_ends(e)
                    && (t.kind == Kind::Word || t.end - t.start == 2 && e == k + 1) =>
            {
                Some((count, e))
            }
            _ => None,
        }
    }

    /// The inches after a whole number of feet that ends `tail`: "2 in" of "6 ft 2 in", "and
    /// 4 inches" of "5 feet and 4 inches", or with no unit read, the marks of "5'11\"". (The
    /// inches, below twelve, and the token after them.)
    fn inches_after(&self, tail: &Tail) -> Option<(u32, usize)> {
        let u = &self.lang.units;
        let (feet, inch_words, bare_in) = &u.feet_inches;
        let inches = |k: usize| {
            self.tok(k)
                .filter(|t| t.kind == Kind::Num && t.end - t.start <= 2)
                .and_then(|t| numeral::parse(t.text(self.text)))
                .filter(|n| n.decimals == 0 && n.value < 12.0)
                .map(|n| n.value as u32)
        };
        match tail.unit {
            Unit::Quantity(code) if code == *feet => {
                let k = if self.is_word(tail.end, u.and) {
                    tail.end + 1
                } else {
                    tail.end
                };
                let n = inches(k)?;
                if !self.is_any(k + 1, inch_words) {
                    return None;
                }
                // "in" is an inch only after "ft", and not before a number ("in 2010")
                if self.is_word(k + 1, bare_in)
                    && (!self.is_word(tail.end - 1, feet)
                        || self.tok(k + 2).is_some_and(|t| t.kind == Kind::Num))
                {
                    return None;
                }
                Some((n, k + 2))
            }
            Unit::None => {
                // Most numbers have no mark after them: the first byte tells.
                let t = self.tok(tail.end)?;
                let b = self.text.as_bytes()[t.start];
                if t.kind != Kind::Punct || t.space_before || !(b == b'\'' || b >= 0x80) {
                    return None;
                }
                let mark = |k: usize, marks: &[&str]| {
                    self.tok(k).is_some_and(|t| {
                        t.kind == Kind::Punct
                            && !t.space_before
                            && marks.contains(&t.text(self.text))
                    })
                };
                let n = inches(tail.end + 1)?;
                (mark(tail.end, u.feet_marks.0) && mark(tail.end + 2, u.feet_marks.1))
                    .then_some((n, tail.end + 3))
            }
            _ => None,
        }
    }

    /// A point in the singular after a fraction of a point, at `j`: "a 1/4 point cut",
    /// "a quarter-point rise", "a quarter-percentage-point increase". The token after it.
    fn fraction_point(&self, j: usize, value: f64) -> Option<usize> {
        if !(value > 0.0 && value < 1.0) {
            return None;
        }
        let u = &self.lang.units;
        let hyphen = self.is_punct(j, "-") && self.glued(j);
        let mut k = if hyphen { j + 1 } else { j };
        if hyphen && self.is_word(k, u.percentage) && self.is_punct(k + 1, "-") {
            k += 2;
        } else if !hyphen && self.is_word(k, u.percentage) && self.is_word(k + 1, u.point) {
            // "half a percentage point"
            k += 1;
        }
        // Not "one point five", where "point" is a decimal point.
        let decimal_point = self.tok(k + 1).is_some_and(|n| {
            n.kind == Kind::Num || n.may_be_in(&self.lang.numbers.number_word_starts)
        });
        (self.is_word(k, u.point) && (hyphen || !decimal_point)).then_some(k + 1)
    }

    /// "5 pct points", "2 percent point".
    fn points_after(&self, j: &mut usize, unit: Unit) -> Unit {
        if self.is_any(*j, &self.lang.units.point_words) {
            *j += 1;
            return Unit::Points(1.0);
        }
        unit
    }

    /// The scale of a letter at `j` set apart from the number before it and from what follows
    /// ("$ 1.2 b in two months"); not a letter that starts a unit ("m2").
    fn spaced_scale_letter(&self, j: usize) -> Option<f64> {
        let t = self
            .tok(j)
            .filter(|t| t.kind == Kind::Word && t.space_before)?;
        if self.glued(j + 1) && !self.tok(j + 1).is_some_and(|n| n.kind == Kind::Punct) {
            return None;
        }
        t.look_up(self.text, &self.lang.numbers.attached_scales)
    }

    /// Currency symbol or code right before token `i`: (first token, code, scale). The scale
    /// is a scale letter between a currency sign and the number ("€m 1,407", "£bn 2.3").
    fn currency_prefix(&self, i: usize) -> Option<(usize, &'static str, f64)> {
        let p = i.checked_sub(1)?;
        let t = self.tok(p)?;
        if t.kind == Kind::Word && self.glued(p) && p > 0 {
            if let Some(s) = self.low(p).and_then(|w| self.scale(&w, true)) {
                if let Some((q, code, 1.0)) = self.currency_prefix(p) {
                    return Some((q, code, s));
                }
            }
        }
        // "Rs. 10", "Rs.10"
        if self.is_punct(p, ".") && self.glued(p) && p > 0 {
            return self.currency_word(p - 1).map(|(code, s)| (p - 1, code, s));
        }
        self.currency_symbol_or_word(p)
    }

    /// A currency symbol or code word at `p`: (first token, code, scale: "MEUR" is millions).
    fn currency_symbol_or_word(&self, p: usize) -> Option<(usize, &'static str, f64)> {
        let t = self.tok(p)?;
        if t.kind == Kind::Punct {
            let code = self.lang.units.currency_symbols.get(t.text(self.text))?;
            // "US$", "HK$"; a prefix of two capitals also set apart ("US $114.66 billion"),
            // where one letter would be a word ("A $5 fee").
            let spaced_code = |q: usize| {
                self.tok(q).is_some_and(|w| {
                    let raw = w.text(self.text);
                    raw.len() == 2 && raw.bytes().all(|b| b.is_ascii_uppercase())
                })
            };
            if code == "USD" {
                if let Some(q) = p
                    .checked_sub(1)
                    .filter(|&q| self.glued(p) || spaced_code(q))
                {
                    if let Some(c) = self
                        .low(q)
                        .and_then(|w| self.lang.units.dollar_prefixes.get(&w))
                    {
                        return Some((q, c, 1.0));
                    }
                }
            }
            return Some((p, code, 1.0));
        }
        self.currency_word(p).map(|(code, s)| (p, code, s))
    }

    /// A currency code or prefix word at `p`, as written before a number ("USD", "Rs", and
    /// "MAUD", millions of the code after the M): (code, scale).
    fn currency_word(&self, p: usize) -> Option<(&'static str, f64)> {
        let t = self.tok(p).filter(|t| t.kind == Kind::Word)?;
        let raw = t.text(self.text);
        if (raw.len() == 3 || raw.len() == 4) && raw.bytes().all(|b| b.is_ascii_uppercase()) {
            let w = Low::new(raw)?;
            if let Some((code, 1.0)) = self
                .lang
                .units
                .currencies
                .get(&w)
                .filter(|_| raw.len() == 3)
            {
                return Some((code, 1.0));
            }
            if let Some(code) = self.lang.units.million_codes.get(&w) {
                return Some((code, 1e6));
            }
        }
        // Cased prefixes open with a capital: most words are turned away on their first byte.
        if !raw.as_bytes()[0].is_ascii_uppercase() {
            return None;
        }
        let units = &self.lang.units;
        if let Some(&(_, code)) = units
            .cased_currency_prefixes
            .iter()
            .find(|(prefix, _)| *prefix == raw && (prefix.len() > 1 || self.glued(p + 1)))
        {
            return Some((code, 1.0));
        }
        let &(_, code) = units
            .scaled_letter_prefixes
            .iter()
            .find(|(prefix, _)| *prefix == raw)?;
        self.scaled_after(p + 1).then_some((code, 1.0))
    }

    /// Whether token `i` is a number glued to the word before it and a scale follows it, as a
    /// word or glued ("N155.66 billion", "N1.2trn").
    fn scaled_after(&self, i: usize) -> bool {
        let n = &self.lang.numbers;
        let number = self
            .tok(i)
            .is_some_and(|t| t.kind == Kind::Num && self.glued(i));
        let scale = self.tok(i + 1).is_some_and(|t| {
            t.look_up(self.text, &n.scales).is_some()
                || self.glued(i + 1) && t.look_up(self.text, &n.attached_scales).is_some()
        });
        number && scale
    }

    /// Approximator or bound ending right before token `i`: (first token, word, bound).
    fn approximator(&self, i: usize) -> Option<(usize, &'static str, Bound)> {
        // Most numbers follow a word that ends no approximator: check that word once.
        let before = self.tok(i.checked_sub(1)?)?;
        let approximators = self.lang.numbers.approximators;
        if !before.may_be_in(&self.lang.numbers.approximator_ends) {
            return None;
        }
        let last = self.low(i - 1)?;
        if !approximators
            .iter()
            .any(|(words, _, _)| words.last() == Some(&&*last))
        {
            return None;
        }
        for (words, canonical, bound) in approximators {
            let n = words.len();
            if i < n {
                continue;
            }
            let first = i - n;
            if words
                .iter()
                .enumerate()
                .all(|(k, w)| self.is_word(first + k, w))
            {
                if self.verb_particle(first)
                    || self.particle_before_from(first, i)
                    || self.over_after_percent(first)
                {
                    return None;
                }
                return Some((first, canonical, *bound));
            }
        }
        None
    }

    /// Whether the word at `i` is "over" right after a percent: "up 11.44 per cent over 7.5 mt
    /// a year ago" compares with the figure after it, it bounds nothing.
    fn over_after_percent(&self, i: usize) -> bool {
        let u = &self.lang.units;
        i > 0
            && self.is_word(i, self.lang.numbers.over)
            && self.tok(i - 1).is_some_and(|t| {
                t.is(self.text, "%")
                    || t.is_in(self.text, &u.percent)
                    || t.is(self.text, u.percent_two_words.1)
                        && i > 1
                        && self.is_word(i - 2, u.percent_two_words.0)
            })
    }

    /// Whether the word at `i` is a particle of the verb before it ("edged up to 61.5
    /// percent"), so the approximator it opens is a direction.
    fn verb_particle(&self, i: usize) -> bool {
        let (particles, verbs) = &self.lang.numbers.verb_particles;
        i > 0
            && self.tok(i).is_some_and(|t| t.is_in(self.text, particles))
            && self.tok(i - 1).is_some_and(|t| t.is_in(self.text, verbs))
    }

    /// Whether the particle at `first` opens a move to the figure starting at token `i`, not a
    /// bound: "from" follows the figure a few tokens on, before a figure written the same way
    /// (the same symbol, or the same word after the number). "Railways up to $6.32 billion
    /// from $5.86 billion" is a rise; "up to 300 people from 20 countries" stays a bound.
    fn particle_before_from(&self, first: usize, i: usize) -> bool {
        let (particles, _) = &self.lang.numbers.verb_particles;
        if !self
            .tok(first)
            .is_some_and(|t| t.is_in(self.text, particles))
        {
            return false;
        }
        let from = self.lang.units.from;
        let Some(f) = (i + 1..i + 6).find(|&k| self.is_word(k, from)) else {
            return false;
        };
        // Only the figure between: no punctuation that parts a clause (a comma glued between
        // digits is the number's own).
        let parts = |k: usize| {
            let t = self.toks[k];
            t.kind == Kind::Punct
                && (t.space_before
                    || matches!(t.text(self.text), "," | ";" | ":" | "(" | ")")
                        && self
                            .tok(k + 1)
                            .is_none_or(|n| n.kind != Kind::Num || n.space_before))
        };
        if (i + 1..f).any(parts) {
            return false;
        }
        let same = |a: usize, b: usize| match (self.tok(a), self.tok(b)) {
            (Some(x), Some(y)) => x.text(self.text).eq_ignore_ascii_case(y.text(self.text)),
            _ => false,
        };
        if self.toks[i].kind == Kind::Num {
            self.tok(f + 1).is_some_and(|t| t.kind == Kind::Num) && same(i + 1, f + 2)
        } else {
            same(i, f + 1)
        }
    }

    /// Is the number at `i` a day of a date ("May 10", "10 May", "July 20th")?
    fn is_day_of_date(&self, i: usize) -> bool {
        (i > 0 && self.is_month(i - 1))
            || self.is_month(i + 1)
            || (self.is_word(i + 1, self.lang.units.day_of) && self.is_month(i + 2))
    }

    /// The numeral starting at token `i`: (numeral, next token, attached scale, first token).
    /// A fraction ("1/4", "½") or a decimal with a leading point (".98", whose point is the
    /// first token) is one too. `Err` with the token to go on from for a code, a time or a
    /// date, or anything else that is not read as a quantity.
    fn numeral_at(&self, i: usize) -> Result<(Numeral, usize, Option<f64>, usize), usize> {
        let t = self.toks[i];
        let raw = t.text(self.text);
        if t.kind == Kind::Punct {
            let (n, d) = numeral::vulgar(raw).ok_or(i + 1)?;
            return Ok((Numeral::fraction(n, d), i + 1, None, i));
        }
        if self.glued_to_code(i) {
            return Err(self.skip_code(i + 1));
        }
        if let Some((n, d, next)) = self.slash_fraction(i) {
            return Ok((Numeral::fraction(n, d), next, None, i));
        }
        let (j, attached_scale) = self.glued_suffix(i + 1)?;
        // ".98 million": a point with a space (or a sign) before it and the digits glued.
        if i > 0
            && self.is_punct(i - 1, ".")
            && !t.space_before
            && (self.toks[i - 1].space_before
                || i == 1
                || self.toks[i - 2].kind == Kind::Punct && !self.is_punct(i - 2, "."))
        {
            if let Some(num) = numeral::parse_after_point(raw) {
                return Ok((num, j, attached_scale, i - 1));
            }
        }
        // "000" of "10 000", "0800", "007": a whole number written with a leading zero is a
        // code or part of another number, not a figure.
        if raw.len() > 1 && raw.as_bytes()[0] == b'0' && !raw.contains(['.', ',']) {
            return Err(j);
        }
        if let Some(last) = (j == i + 1).then(|| self.spaced_groups(i)).flatten() {
            let (j, attached_scale) = self.glued_suffix(last + 1)?;
            let num = numeral::parse(&self.text[t.start..self.toks[last].end]).ok_or(j)?;
            return Ok((num, j, attached_scale, i));
        }
        if let Some(end) = (j == i + 1).then(|| self.misgrouped(i)).flatten() {
            return Err(end);
        }
        let num = numeral::parse(raw).ok_or(j)?;
        // a decimal comma ("1,4 mln") only with no figure or word glued after it: "1,4;73,100"
        // in a table is a garbled thousands figure ("4,5%." ends a sentence)
        if !num.grouped
            && num.decimals == 1
            && raw.contains(',')
            && self.tok(j).is_some_and(|t| !t.space_before)
            && self
                .tok(j + 1)
                .is_some_and(|t| !t.space_before && t.kind != Kind::Punct)
        {
            return Err(self.skip_code(j));
        }
        Ok((num, j, attached_scale, i))
    }

    /// "245 23 yen": three digits, a space and one or two digits before a unit, grouped as
    /// no convention groups a figure, is garbled, not two figures. The token after its unit.
    fn misgrouped(&self, i: usize) -> Option<usize> {
        let t = self.toks[i];
        // Most numbers have no number after them: one test tells.
        let n = self
            .tok(i + 1)
            .filter(|n| n.kind == Kind::Num && n.start == t.end + 1)?;
        let bytes = self.text.as_bytes();
        let digits = |a: usize, b: usize| bytes[a..b].iter().all(u8::is_ascii_digit);
        if t.end - t.start != 3
            || !(1..=2).contains(&(n.end - n.start))
            || bytes[t.end] != b' '
            || !digits(t.start, t.end)
            || !digits(n.start, n.end)
            || i > 0 && self.toks[i - 1].kind == Kind::Num
        {
            return None;
        }
        let tail = self.tail(i + 2);
        (tail.unit != Unit::None).then_some(tail.end)
    }

    /// The last token of a run of digit groups spaced by thousands starting at token `i`
    /// ("40 000", "1 414 021 100", "37 403"): one to three digits with no number before them,
    /// then groups of three digits each after a single space, and nothing glued after the run
    /// but a clause's end ("1 234 5" or "10 100-metre" is something else). `None` for one
    /// group.
    fn spaced_run(&self, i: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let three = |t: &Token| {
            t.end - t.start == 3 && bytes[t.start..t.end].iter().all(u8::is_ascii_digit)
        };
        let first = self.toks[i];
        // Most numbers have no number after them: one test tells.
        if !self
            .tok(i + 1)
            .is_some_and(|n| n.kind == Kind::Num && n.start == first.end + 1)
        {
            return None;
        }
        if first.end - first.start > 3
            || !bytes[first.start..first.end].iter().all(u8::is_ascii_digit)
            // "0800 555 111": a telephone number
            || i > 0 && self.toks[i - 1].kind == Kind::Num
        {
            return None;
        }
        let mut k = i;
        while let Some(next) = self.tok(k + 1) {
            if !(next.kind == Kind::Num
                && next.start == self.toks[k].end + 1
                && bytes[next.start - 1] == b' '
                && three(next))
            {
                break;
            }
            k += 1;
        }
        let after = self.tok(k + 1);
        (k > i
            && !after.is_some_and(|a| {
                !a.space_before && !self.clause_ends(k + 1) || a.kind == Kind::Num
            }))
        .then_some(k)
    }

    /// Whether the groups `i + 1 ..= k` of a spaced run are all "000" ("40 000").
    fn round_thousands(&self, i: usize, k: usize) -> bool {
        (i + 1..=k).all(|g| self.toks[g].text(self.text) == "000")
    }

    /// The last group of a number whose thousands are spaced ("40 000", "1 414 021 100"),
    /// starting at `i`: a [`Self::spaced_run`] read as one figure. `None` for one group.
    fn spaced_groups(&self, i: usize) -> Option<usize> {
        let k = self.spaced_run(i)?;
        // Two numbers side by side are more often two figures than one ("for 36 100 kilowatt
        // transmitters", "at 108 109 pct"): one group reads only as round thousands ("40 000"),
        // after a currency ("Tk 23 641 crore", "€12 500 million") or in a text that spaces its
        // thousands ("37 403 units" beside "more than 4 000 vehicles") or before a scale word
        // ("to 2 566 million tonnes"), and never after a month ("July 6 100 mln dlrs").
        let one_group = k == i + 1 && !self.round_thousands(i, k);
        let scaled = || {
            self.tok(k + 1)
                .is_some_and(|t| t.look_up(self.text, &self.lang.numbers.scales).is_some())
        };
        if one_group && self.currency_prefix(i).is_none() && !self.spaces_thousands() && !scaled()
            || self.is_day_of_date(i)
        {
            return None;
        }
        Some(k)
    }

    /// Whether the text writes a figure with its thousands apart that can be nothing else: a
    /// [`Self::spaced_run`] of round thousands ("4 000") or of more than one group ("1 414
    /// 021"), not after a month; or writes [`SPACED_PAIRS_FOR_STYLE`] or more pairs of that
    /// shape ("6 163 murders ..., up by 1 056 ... 9 556 rapes"), which two figures side by
    /// side seldom are so often. Read once per article, the first time it is asked.
    fn spaces_thousands(&self) -> bool {
        *self.spaced_thousands.get_or_init(|| {
            let mut pairs = 0;
            (0..self.toks.len()).any(|j| {
                self.toks[j].kind == Kind::Num
                    && self.spaced_run(j).is_some_and(|k| {
                        if self.is_day_of_date(j) {
                            return false;
                        }
                        pairs += usize::from(k == j + 1);
                        k > j + 1 || self.round_thousands(j, k) || pairs >= SPACED_PAIRS_FOR_STYLE
                    })
            })
        })
    }

    /// A fraction written with a slash at `k` ("3/4", "7 3 / 4" spaced alike on both sides of
    /// the slash): (numerator, denominator, next token). Not a date ("3/4/2024"), a ratio of
    /// other numbers ("9/11", "24/7") or a season ("1987/88").
    fn slash_fraction(&self, k: usize) -> Option<(u32, u32, usize)> {
        // Most numbers have no slash after them: one byte tells.
        let slash = self.tok(k + 1)?;
        if slash.kind != Kind::Punct || self.text.as_bytes()[slash.start] != b'/' {
            return None;
        }
        let (a, b) = (self.tok(k)?, self.tok(k + 2)?);
        if a.kind != Kind::Num || b.kind != Kind::Num || slash.space_before != b.space_before {
            return None;
        }
        // "3/4/2024", "1/2-3/4"
        if self
            .tok(k + 3)
            .is_some_and(|n| !n.space_before && (n.kind == Kind::Num || self.is_punct(k + 3, "/")))
        {
            return None;
        }
        let n = numeral::parse(a.text(self.text))?;
        let d = numeral::parse(b.text(self.text))?;
        // "1/40 of the width": before "of", any proper fraction that cannot be a date
        let of = || {
            self.is_word(k + 3, self.lang.claims.of)
                && n.value >= 1.0
                && n.value < d.value
                && d.value > 31.0
                && d.value <= 1000.0
        };
        if n.decimals > 0
            || d.decimals > 0
            || !(numeral::is_common_fraction(n.value, d.value) || of())
        {
            return None;
        }
        Some((n.value as u32, d.value as u32, k + 3))
    }

    /// The fraction of a mixed number after a whole number, at `j`: "5-3/4", "2 1/2", "2½",
    /// "2 ½". (numerator, denominator, next token).
    fn mixed_fraction(&self, j: usize) -> Option<(u32, u32, usize)> {
        let t = self.tok(j)?;
        if t.kind == Kind::Punct {
            if let Some((n, d)) = numeral::vulgar(t.text(self.text)) {
                return Some((n, d, j + 1));
            }
            if self.is_punct(j, "-") && !t.space_before && self.glued(j + 1) {
                return self.slash_fraction(j + 1).filter(|_| self.glued(j + 2));
            }
            return None;
        }
        if t.kind == Kind::Num && t.space_before {
            return self.slash_fraction(j);
        }
        None
    }

    /// What continues the number read up to token `j`: a mixed fraction ("5-3/4"), taken
    /// into it, or the second number of a hyphenated range ("5-7"), with the token after
    /// either; `Err` with where to go on when the whole is no figure.
    fn continuation(
        &self,
        num: Numeral,
        j: usize,
    ) -> Result<Option<(Numeral, Option<Numeral>, usize)>, usize> {
        let whole = num.decimals == 0 && num.denominator == 0 && num.int_digits <= 3;
        // "28-point-seven percent", "14-point-87 trillion won", "1 point 1"
        if whole && !num.grouped {
            if let Some((digits, places, next)) = self.spoken_decimals(j, true) {
                return Ok(Some((num.plus_decimals(digits, places), None, next)));
            }
        }
        if let Some((n, d, next)) = self.mixed_fraction(j).filter(|_| whole) {
            return Ok(Some((num.plus_fraction(n, d), None, next)));
        }
        Ok(self.hyphenated_range(j)?.map(|n2| (num, Some(n2), j + 2)))
    }

    /// The decimals of a number read aloud, at token `j`: "-point-seven" of
    /// "28-point-seven percent", "-point-43" of "two-point-43 trillion won" (broadcast
    /// transcripts), or spaced: "point five" of "five point five", "point nought three" of
    /// "nought point nought three", "point 1" of "1 point 1" (`digits`: after a numeral). The
    /// decimals as a whole number, their count and the token after them.
    fn spoken_decimals(&self, j: usize, digits: bool) -> Option<(f64, i32, usize)> {
        let hyphen = |k: usize| self.is_punct(k, "-") && self.glued(k);
        let point = self.lang.units.point;
        let hyphenated = hyphen(j)
            && self.is_word(j + 1, point)
            && self.glued(j + 1)
            && hyphen(j + 2)
            && self.glued(j + 3);
        // "at one point two of them", an idiom, is no decimal
        let spaced = !hyphenated
            && self.is_word(j, point)
            && self.tok(j + 1).is_some_and(|t| t.space_before)
            && !self.is_any(
                self.number_start(j).wrapping_sub(1),
                &self.lang.numbers.not_before_point,
            );
        let k = match (hyphenated, spaced) {
            (true, _) => j + 3,
            (_, true) => j + 1,
            _ => return None,
        };
        let t = self.tok(k)?;
        let raw = t.text(self.text);
        let digit = |k: usize| {
            self.low(k)
                .and_then(|w| self.lang.numbers.cardinals.get(w.as_str()))
                .filter(|&d| d < 10)
        };
        match t.kind {
            Kind::Num if (hyphenated || digits) && raw.bytes().all(|b| b.is_ascii_digit()) => {
                let value: f64 = raw.parse().ok()?;
                // "-point-seven-five" would be a list of words, not read here.
                (!hyphen(k + 1)).then_some((value, raw.len() as i32, k + 1))
            }
            Kind::Word if hyphenated => {
                let d = digit(k)?;
                (!hyphen(k + 1)).then_some((d as f64, 1, k + 1))
            }
            Kind::Word => {
                // "point nought three", "point eleven"
                let first = self
                    .low(k)
                    .and_then(|w| self.lang.numbers.cardinals.get(w.as_str()))
                    .filter(|&d| d < 100)?;
                if first >= 10 {
                    return Some((first as f64, 2, k + 1));
                }
                let (mut value, mut places, mut e) = (first as f64, 1, k + 1);
                while let Some(d) = digit(e).filter(|_| places < 15) {
                    value = value * 10.0 + d as f64;
                    places += 1;
                    e += 1;
                }
                Some((value, places, e))
            }
            _ => None,
        }
    }

    /// The denominator of a ratio after a count, at `j`: "in five" of "one in five adults",
    /// "out of three", "over 3" (before the end of a clause only: "2 over 3 years" is a
    /// time). (The denominator, the token after it.) Not a time ("one in 10 years") or a
    /// year ("7 in 2020").
    fn ratio_after(&self, count: f64, j: usize) -> Option<(f64, usize)> {
        let n = &self.lang.numbers;
        let t = self.tok(j).filter(|t| t.kind == Kind::Word)?;
        let k = if t.is_in(self.text, &n.ratio_links) {
            j + 1
        } else if t.is(self.text, n.out_of.0) && self.is_word(j + 1, n.out_of.1) {
            j + 2
        } else {
            return None;
        };
        let m = self.tok(k)?;
        let (denominator, end) = match m.kind {
            Kind::Num => {
                let d = numeral::parse(m.text(self.text)).filter(|d| d.decimals == 0)?;
                let year = !d.grouped && d.int_digits == 4;
                let glued = self.glued(k + 1) && !self.clause_ends(k + 1);
                (!year && !glued).then_some((d.value, k + 1))?
            }
            Kind::Word if m.may_be_in(&n.number_word_starts) => {
                let w = words::written_value(self, k)
                    .filter(|w| w.fraction == Bare::No && w.step == 1.0)?;
                (w.value, w.end)
            }
            _ => return None,
        };
        let over = t.is(self.text, n.over);
        if denominator <= count
            || count < 1.0
            || count.fract() != 0.0
            || over && !self.clause_ends(end)
            || self.is_any(end, &n.not_ratio_after)
            || self.tok(end).is_some_and(|t| {
                t.kind == Kind::Punct
                    && t.end - t.start == 1
                    && matches!(self.text.as_bytes()[t.start], b'%' | b'-')
            })
        {
            return None;
        }
        Some((denominator, end))
    }

    /// A ratio whose count starts at token `start` (its mention from `first`, a minus word
    /// before it when `negative`) and whose count's words or numeral end before `j`.
    fn ratio(
        &self,
        first: usize,
        start: usize,
        count: f64,
        j: usize,
        negative: bool,
    ) -> Option<Step> {
        let (denominator, end) = self.ratio_after(count, j)?;
        // "round four in eight attempts": a name, not a count
        if start > 0 && self.is_any(start - 1, &self.lang.units.naming) {
            return None;
        }
        let sign = if negative { -1.0 } else { 1.0 };
        let value = sign * count / denominator;
        // Written to the whole denominator: "one in five" is 1/5.5 to 1/4.5.
        let rounded =
            Interval::new(count / (denominator + 0.5), count / (denominator - 0.5)).scale(sign);
        let approx = self.approximator(first);
        let first = approx.map_or(first, |(a, _, _)| a);
        let (approx_word, bound) = approx.map_or((None, Bound::Exact), |(_, w, b)| (Some(w), b));
        let interval = widen(rounded, value, bound);
        let span = Span::new(self.toks[first].start, self.toks[end - 1].end);
        Some(Step::Found(
            Mention {
                span,
                number_span: span,
                kind: MentionKind::Number,
                value,
                interval,
                truncated: interval,
                unit: None,
                approx: approx_word,
                bound,
                range: false,
                words: self.toks[start].kind == Kind::Word,
            },
            first,
            end,
        ))
    }

    /// Whether a clause ends at token `j`: the end of the text or a punctuation mark that joins
    /// no words ("cut by a third.", "a fifth, or"), not a hyphen or a slash.
    fn clause_ends(&self, j: usize) -> bool {
        self.tok(j).is_none_or(|t| {
            t.kind == Kind::Punct && !matches!(self.text.as_bytes()[t.start], b'-' | b'/')
        })
    }

    /// Whether the fraction in words from token `i` to `j` is the size of a change: after a
    /// word of direction ("down a third", "fell more than half") or after "by" in a clause
    /// with one ("cut its forecast by a quarter"), or before a comparative ("a third
    /// higher"). Only where a change phrase may go on: at the end of a clause, or before a
    /// preposition or a comparative; "rose a third straight month", "half a percent" and "a
    /// third of the shares" are no changes.
    fn fraction_of_change(&self, i: usize, j: usize) -> bool {
        let claims = &self.lang.claims;
        let comparative = self.is_any(j, &claims.direction_adjectives);
        let goes_on = comparative
            || self.clause_ends(j)
            || !self.is_word(j, claims.of)
                && (self.is_any(j, &self.lang.periods.year_prepositions)
                    || self.is_any(j, &claims.value_words));
        if !goes_on {
            return false;
        }
        let start = self.approximator(i).map_or(i, |(a, _, _)| a);
        let Some(before) = start.checked_sub(1) else {
            return comparative;
        };
        // Not "made up half": the particle of another verb.
        let direction = |k: usize| {
            self.tok(k).is_some_and(|t| t.kind == Kind::Word)
                && tokens::word_direction(self.lang, self.text, self.toks, k, 0).is_some()
        };
        if self.is_word(before, claims.by) {
            return (before.saturating_sub(FRACTION_VERB_REACH)..before)
                .rev()
                .take_while(|&k| self.toks[k].kind != Kind::Punct)
                .any(direction);
        }
        comparative || direction(before)
    }

    /// The fraction after a scale and "and" that ends `tail`, when no unit came between:
    /// "and a half" of "3 million and a half", "and three quarters" of "five billion and three
    /// quarters". (Its value in the scale, its step, the token after it.)
    fn fraction_of_scale(&self, tail: &Tail) -> Option<(f64, f64, usize)> {
        if tail.unit != Unit::None || tail.scale <= 1.0 {
            return None;
        }
        let (f, step, end) = words::and_fraction(self, tail.end, 0.0)?;
        // "one billion and a half million": a fraction of a smaller scale
        match self
            .tok(end)
            .and_then(|t| t.look_up(self.text, &self.lang.numbers.scales))
            .filter(|&s| s < tail.scale)
        {
            Some(s) => Some((f * s / tail.scale, step * s / tail.scale, end + 1)),
            None => Some((f, step, end)),
        }
    }

    /// The rest of a number in numerals and scale words after one of scale `scale` whose unit
    /// would come at `j` (no unit came): "3 hundred" of "4 thousand 3 hundred", "and 21" of
    /// "3 hundred and 21". (The rest as a whole number in `places` decimal places of the
    /// scale, the token after it.)
    fn digit_groups(&self, scale: f64, j: usize) -> Option<(f64, i32, usize)> {
        if scale < 100.0
            || !self
                .tok(j)
                .is_some_and(|t| t.kind == Kind::Num || t.kind == Kind::Word)
        {
            return None;
        }
        let whole = |k: usize| {
            self.tok(k)
                .filter(|t| t.kind == Kind::Num && t.space_before)
                .and_then(|t| numeral::parse(t.text(self.text)))
                .filter(|n| n.decimals == 0 && !n.grouped && n.value >= 1.0)
        };
        let (mut rest, mut last, mut k) = (0.0, scale, j);
        loop {
            // "3 hundred", a smaller scale
            if let Some((n, s)) = whole(k).zip(
                self.tok(k + 1)
                    .filter(|t| t.space_before)
                    .and_then(|t| t.look_up(self.text, &self.lang.numbers.scales))
                    .filter(|&s| s < last && s >= 100.0),
            ) {
                if n.value * s < last {
                    rest += n.value * s;
                    last = s;
                    k += 2;
                    continue;
                }
            }
            break;
        }
        // "and 21" after hundreds (not "3 hundred and 2 hundred", two numbers)
        if last == 100.0 && self.is_word(k, self.lang.units.and) {
            let scaled = self
                .tok(k + 2)
                .is_some_and(|t| t.look_up(self.text, &self.lang.numbers.scales).is_some());
            if let Some(n) = whole(k + 1).filter(|n| n.value < 100.0 && !scaled) {
                rest += n.value;
                last = 1.0;
                k += 2;
            }
        }
        let places = (scale / last).log10().round() as i32;
        (k > j).then_some((rest / last, places, k))
    }

    /// The first token of the number ending before `j`, for a number read aloud: back over
    /// its words and numerals.
    fn number_start(&self, j: usize) -> usize {
        let mut k = j;
        while k > 0
            && self.tok(k - 1).is_some_and(|t| {
                t.kind == Kind::Num
                    || t.may_be_in(&self.lang.numbers.number_word_starts)
                    || self.is_word(k - 1, self.lang.numbers.hundred)
            })
        {
            k -= 1;
        }
        k
    }

    /// The first token of the minus before the number starting at token `start`, when it is
    /// negative: a minus sign glued to it ("-5", "(-8.7)"), in parentheses of its own before it
    /// ("(-)0.08 percent", as Indian releases print it) or a minus word before it ("minus
    /// 1,200,000", "negative 5 percent").
    fn minus_before(&self, start: usize) -> Option<usize> {
        if start >= 3
            && self.is_punct(start - 1, ")")
            && self.is_punct(start - 2, "-")
            && self.is_punct(start - 3, "(")
            && !self.toks[start - 1].space_before
            && !self.toks[start - 2].space_before
        {
            return Some(start - 3);
        }
        let p = self.toks[start.checked_sub(1)?];
        let minus = match p.kind {
            Kind::Punct => {
                matches!(p.text(self.text), "-" | "−")
                    && !self.toks[start].space_before
                    && (p.space_before
                        || start == 1
                        || self.is_punct(start - 2, "(")
                        // "$-99.99"
                        || self.tok(start - 2).is_some_and(|c| {
                            c.kind == Kind::Punct
                                && self.lang.units.currency_symbols.get(c.text(self.text)).is_some()
                        }))
            }
            Kind::Word => p.is_in(self.text, &self.lang.numbers.minus),
            Kind::Num => false,
        };
        minus.then(|| start - 1)
    }

    fn numeric(&self, i: usize) -> Step {
        let t = self.toks[i];
        let (mut num, mut j, attached_scale, start) = match self.numeral_at(i) {
            Ok(read) => read,
            Err(skip_to) => return Step::Skip(skip_to),
        };
        if self.is_day_of_date(i)
            && num.decimals == 0
            && !num.grouped
            && num.value <= 31.0
            && num.denominator == 0
        {
            return Step::Skip(j);
        }
        let mut second: Option<Numeral> = None;
        let mut number_end = if num.denominator > 0 {
            self.toks[j - 1].end
        } else if num.grouped && t.kind == Kind::Num && num.int_digits as usize > t.end - t.start {
            // "40 000"
            self.spaced_groups(i)
                .map_or(t.end, |last| self.toks[last].end)
        } else {
            t.end
        };
        if attached_scale.is_none() {
            match self.continuation(num, j) {
                Err(skip_to) => return Step::Skip(skip_to),
                Ok(None) => {}
                Ok(Some((n, n2, next))) => {
                    num = n;
                    second = n2;
                    number_end = self.toks[next - 1].end;
                    j = next;
                }
            }
        }
        let minus = self.minus_before(start);
        let negative = minus.is_some();
        let mut first = minus.unwrap_or(start);
        let prefix = self.currency_prefix(first);
        if let Some((p, _, _)) = prefix {
            first = p;
        }
        let mut tail = match attached_scale {
            Some(s) => self.tail_at(j, s),
            None => self.tail(j),
        };
        if let Some((_, _, s)) = prefix {
            tail.scale *= s;
            // "$ 548.1 m", "Rs 5 cr": a scale letter set apart after an amount of money.
            if tail.scale == 1.0 && tail.end == j {
                if let Some(s) = self.spaced_scale_letter(j) {
                    tail.scale = s;
                    tail.end = j + 1;
                }
            }
        }
        // "4 thousand 3 hundred", "3 hundred and 21"
        if prefix.is_none() && second.is_none() && num.decimals == 0 && num.denominator == 0 {
            if let Some((rest, places, after)) = self.digit_groups(tail.scale, tail.end) {
                num = num.plus_decimals(rest, places);
                tail = self.tail_at(after, tail.scale);
            }
        }
        // "3 million and a half"
        if prefix.is_none() && second.is_none() && num.decimals == 0 && num.denominator == 0 {
            if let Some((f, step, after)) = self.fraction_of_scale(&tail) {
                num = num.plus_fraction((f / step).round() as u32, (1.0 / step).round() as u32);
                tail = self.tail_at(after, tail.scale);
            }
        }
        if let Unit::Quantity(_) = tail.unit {
            self.defined_abbreviation(j, &mut tail);
        }
        // "a 1/4 point cut", "0.5 of a percentage point"
        if tail.unit == Unit::None && tail.scale == 1.0 && prefix.is_none() {
            let of_a = self.is_word(tail.end, self.lang.claims.of)
                && self.is_word(tail.end + 1, self.lang.numbers.article);
            let at = if of_a { tail.end + 2 } else { tail.end };
            if let Some(end) = self.fraction_point(at, num.value) {
                tail.end = end;
                tail.unit = Unit::Points(1.0);
            }
        }
        // "3 dollars 50 cents", "$20 and 43c": an amount and its subunit are one figure (a
        // small one: "918,000 dlrs 38 cts" is a total and a per-share figure with "or" left out).
        let whole_money = !num.grouped
            && num.int_digits <= 4
            && match tail.unit {
                Unit::Currency(_, f) => f == 1.0,
                Unit::None => prefix.is_some(),
                _ => false,
            };
        if whole_money && tail.scale == 1.0 && second.is_none() && num.decimals == 0 {
            if let Some((cents, after)) = self.subunit_after(tail.end) {
                num = num.plus_cents(cents);
                tail.end = after;
            }
        }
        // "6 ft 2 in", "5 feet and 4 inches", "5'11\"": one length in feet, to the inch
        let mut to_the_inch = false;
        if second.is_none() && prefix.is_none() && tail.scale == 1.0 && num.decimals == 0 {
            if let Some((inches, after)) = self.inches_after(&tail) {
                num = num.plus_fraction(inches, 12);
                number_end = self.toks[after - 1].end;
                tail.end = after;
                tail.unit = Unit::Quantity(self.lang.units.feet_inches.0);
                to_the_inch = true;
            }
        }
        // "between 5 and 7 pct"; "19.8 to 20.2 pct", "12.4 to 12.6 mln tonnes" (but not
        // "from 5 to 7 pct", which is a change).
        let mut end = tail.end;
        if second.is_none() && tail.unit == Unit::None {
            let u = &self.lang.units;
            let between =
                first > 0 && self.is_word(first - 1, u.between) && self.is_word(tail.end, u.and);
            let to = tail.scale == 1.0
                && prefix.is_none()
                && self.is_word(tail.end, u.to)
                && !(first > 0 && self.is_word(first - 1, u.from));
            if let Some((n2, t2)) = (between || to).then(|| self.range_end(tail.end)).flatten() {
                // "N to M" only for a plausible range, not "rose 5 to 10 mln".
                if between || (n2.value > num.value && n2.value < num.value * 2.0) {
                    second = Some(n2);
                    number_end = self.toks[tail.end + 1].end;
                    end = t2.end;
                    tail = t2;
                }
            } else if let Some(shared) = self.unit_shared_respectively(&tail) {
                // "up 3.67 and 2.11 per cent respectively": two figures, the unit written once.
                tail.unit = shared.unit;
                if tail.scale == 1.0 {
                    tail.scale = shared.scale;
                }
            }
        } else if let Some((n2, t2)) = second
            .is_none()
            .then(|| self.unit_range_end(first, &tail, (num.value, prefix.is_some())))
            .flatten()
        {
            if n2.value > num.value {
                second = Some(n2);
                number_end = self.toks[tail.end + 1].end;
                end = t2.end;
                tail = t2;
            }
        }
        let has_unit = tail.unit != Unit::None || prefix.is_some() || tail.scale != 1.0;
        // "1 in 20", "3 out of 4"
        if !has_unit && second.is_none() && num.decimals == 0 && num.denominator == 0 {
            if let Some(step) = self.ratio(first, start, num.value, tail.end, negative) {
                return step;
            }
        }
        // A clock time written apart: "at 2 pm", "2.13 a.m."
        let clock = num.value < 13.0
            && (num.decimals == 0 || num.decimals == 2 && num.value.fract() < 0.595);
        if !has_unit && second.is_none() && clock && self.clock_after(j) {
            return Step::Skip(j);
        }
        // Years: a bare four-digit integer (not "1200 degrees").
        if !has_unit
            && !self.is_any(tail.end, &self.lang.units.degrees)
            && second.is_none()
            && num.decimals == 0
            && !num.grouped
            && num.int_digits == 4
            && (1000.0..2200.0).contains(&num.value)
            && !self.count_to(first)
        {
            return Step::Skip(j);
        }
        // Names: "No. 1", "Section 301", "Boeing 747".
        if prefix.is_none() && first > 0 {
            let mut p = first - 1;
            if self.is_punct(p, ".") && p > 0 {
                p -= 1;
            }
            if self.is_any(p, &self.lang.units.naming) && !has_unit {
                return Step::Skip(j);
            }
        }
        let approx = self.approximator(
            if first > 0 && self.is_word(first - 1, self.lang.units.between) {
                first - 1
            } else {
                first
            },
        );
        if let Some((a, _, _)) = approx {
            first = a;
        }
        // "SR 5 million riyals": a currency's sign or code says which the shared name is.
        if let (Some(_), Unit::Quantity(name)) = (prefix, tail.unit) {
            if self.lang.units.shared_codes(name).is_some() {
                tail.unit = Unit::None;
            }
        }
        let (kind, unit_code, factor, zeros_round) = kind_of(tail.unit, prefix.map(|(_, c, _)| c));
        let (approx_word, bound) = approx.map_or((None, Bound::Exact), |(_, w, b)| (Some(w), b));
        let read = Reading {
            num: &num,
            second: second.as_ref(),
            factor: factor * tail.scale,
            zeros_round,
            negative,
            bound,
        };
        let (mut value_interval, mut truncated) = {
            let (v, i, t) = read.value(kind);
            ((v, i), t)
        };
        if to_the_inch {
            // written to the inch: half an inch either way
            let (v, _) = value_interval;
            value_interval.1 = widen(Interval::around(v, 1.0 / 24.0), v, bound);
            truncated = value_interval.1;
        }
        let (value, interval) = value_interval;
        let range = second.is_some();
        let span = Span::new(self.toks[first].start, self.toks[end.max(i + 1) - 1].end);
        if !value.is_finite() {
            return Step::Skip(end);
        }
        Step::Found(
            Mention {
                span,
                number_span: Span::new(self.toks[start].start, number_end),
                kind,
                value,
                interval,
                truncated,
                unit: unit_code,
                approx: approx_word,
                bound,
                range,
                words: false,
            },
            first,
            end.max(i + 1),
        )
    }

    /// Whether token `i` is a footnote mark glued to a figure: one digit ending the word, as
    /// the "4" of "11.2%4 |" (a URL escape has two hex digits, "%2D").
    fn footnote_mark(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == Kind::Num && t.end - t.start == 1)
            && self.tok(i + 1).is_none_or(|n| n.space_before)
    }

    /// Whether the number at `i` is glued to what comes before it, as in a code: "G7",
    /// "COVID-19", "A320".
    fn glued_to_code(&self, i: usize) -> bool {
        let t = self.toks[i];
        if t.space_before || i == 0 {
            return false;
        }
        let p = self.toks[i - 1];
        // A currency written against its number: "Rs1,667.45", "USD115", "Rs.10".
        if p.kind == Kind::Word && self.currency_word(i - 1).is_some()
            || self.is_punct(i - 1, ".") && i > 1 && self.currency_word(i - 2).is_some()
        {
            return false;
        }
        p.kind == Kind::Word
            || matches!(p.text(self.text), "-" | "/" | "." | ":" | "%")
                && i > 1
                && !p.space_before
                && matches!(self.toks[i - 2].kind, Kind::Word | Kind::Num)
    }

    /// A suffix glued to the number whose next token is `j`: a scale ("5m", "1.2bn") gives
    /// the token after it and the scale; a unit ("5pct", "3x", "1.28mbpd") or nothing gives `j`; an
    /// ordinal, a time or a code ("20th", "5pm", "10:30", "1987/88", "7E") is not a quantity:
    /// `Err` with the token to go on from.
    fn glued_suffix(&self, mut j: usize) -> Result<(usize, Option<f64>), usize> {
        let mut attached_scale = None;
        if let Some(n) = self.tok(j) {
            if n.kind == Kind::Word && !n.space_before {
                // "1MM", "$2.1T": a capital suffix is a scale only in its own case
                let raw = n.text(self.text);
                if raw.as_bytes()[0].is_ascii_uppercase() {
                    if let Some(&(_, s, money)) = self
                        .lang
                        .numbers
                        .cased_attached_scales
                        .iter()
                        .find(|(c, _, _)| *c == raw)
                    {
                        if !money || self.currency_prefix(j - 1).is_some() {
                            return Ok((j + 1, Some(s)));
                        }
                    }
                }
                let Some(w) = self.low(j) else {
                    return Err(j + 1);
                };
                if self.slash_unit(j).is_some() {
                    // "280,700b/d": read with the unit after
                    return Ok((j, None));
                }
                let w = w.as_str();
                let u = &self.lang.units;
                if u.numeral_suffixes.contains(w) {
                    return Err(j + 1);
                }
                if self.metres_glued(j) || self.squared(j).is_some() {
                    // "1.8m tall", "85m2": the unit is read after
                } else if let Some(s) = self.scale(w, true) {
                    attached_scale = Some(s);
                    j += 1;
                } else if !(u.percent.contains(w)
                    || u.quantities.get(w).is_some()
                    || u.scaled_units.get(w).is_some()
                    || u.currencies.get(w).is_some()
                    || u.attached_currencies.get(w).is_some()
                    || u.basis_points.contains(w)
                    || u.percentage_point_abbreviations.contains(w)
                    || same(w, u.times_suffix))
                {
                    return Err(self.skip_code(j));
                }
            } else if n.kind == Kind::Punct
                && !n.space_before
                && matches!(n.text(self.text), ":" | "/")
                && self
                    .tok(j + 1)
                    .is_some_and(|m| m.kind == Kind::Num && !m.space_before)
            {
                // Times ("10:30"), ratios and seasons ("1987/88").
                return Err(self.skip_code(j + 1));
            } else if self.is_punct(j, "%")
                && !n.space_before
                && self
                    .tok(j + 1)
                    .is_some_and(|m| m.kind != Kind::Punct && !m.space_before)
                && !self.footnote_mark(j + 1)
            {
                // URL escapes ("issn%280024%2D9114"): no percent has a letter or digit glued
                // after its sign, but for a table's footnote mark ("11.2%4 |").
                return Err(j + 1);
            }
        }
        Ok((j, attached_scale))
    }

    /// A hyphenated pair at `j` (the hyphen after the first number): the second number of a
    /// range when a unit follows ("5-7%"); a score or a phone number ("3-2 win", "555-1234")
    /// is not a quantity: `Err` with the token to go on from.
    fn hyphenated_range(&self, j: usize) -> Result<Option<Numeral>, usize> {
        if !((self.is_punct(j, "-") || self.is_punct(j, "–"))
            && self.glued(j)
            && self
                .tok(j + 1)
                .is_some_and(|m| m.kind == Kind::Num && !m.space_before))
        {
            return Ok(None);
        }
        let tail = self.tail(j + 2);
        let next = numeral::parse(self.toks[j + 1].text(self.text));
        if tail.unit == Unit::None
            || next.is_none()
            || self.glued(j + 2)
                && self
                    .tok(j + 2)
                    .is_some_and(|x| x.kind == Kind::Punct && x.text(self.text) == "-")
        {
            return Err(self.skip_code(j + 1));
        }
        Ok(next)
    }

    /// The unit of the figure after "and" at the end of a bare number's `tail`, when a
    /// "respectively" follows soon after it: "jumped 7 and 5 cents, respectively", "up 3.67
    /// and 2.11 per cent respectively" list two figures of one unit written once.
    fn unit_shared_respectively(&self, tail: &Tail) -> Option<Tail> {
        let u = &self.lang.units;
        if !self.is_word(tail.end, u.and) {
            return None;
        }
        let (_, t2) = self.range_end(tail.end)?;
        let respectively = self.lang.claims.respectively;
        let listed = (t2.end..(t2.end + RESPECTIVELY_REACH).min(self.toks.len()))
            .take_while(|&k| !self.is_punct(k, ".") && !self.is_punct(k, ";"))
            .any(|k| self.is_word(k, respectively));
        listed.then_some(t2)
    }

    /// The second number of a range after the connector at `conn` ("and", "to"), when a
    /// unit follows it.
    fn range_end(&self, conn: usize) -> Option<(Numeral, Tail)> {
        let n2 = self
            .tok(conn + 1)
            .filter(|m| m.kind == Kind::Num)
            .and_then(|m| numeral::parse(m.text(self.text)))?;
        let t2 = self.tail(conn + 2);
        (t2.unit != Unit::None).then_some((n2, t2))
    }

    /// The second number of a range written with the unit after both ends, where the words
    /// before it say it is one: "a range between 4.75% and 5%", "a range of 2% to 2.25%",
    /// "lowers the rate to 4.75% to 5%" (a level cannot go "to" a change), "4.25%-4.5%". Not
    /// "rose 5% to 7%", "from 5% to 7%" or "between 5% and 7 pct" (other units).
    fn unit_range_end(
        &self,
        first: usize,
        tail: &Tail,
        (start, prefix): (f64, bool),
    ) -> Option<(Numeral, Tail)> {
        let u = &self.lang.units;
        if prefix || tail.unit == Unit::None {
            return None;
        }
        // "4.25%-4.5%": a percent band hyphenated whole (a sign glued after a percent sign
        // is no minus).
        let dash = tail.end;
        if tail.unit == Unit::Percent
            && (self.is_punct(dash, "-") || self.is_punct(dash, "–"))
            && self.glued(dash)
            && self.glued(dash + 1)
        {
            return self.range_end(dash).filter(|(n2, t2)| {
                t2.unit == tail.unit && t2.scale == tail.scale && n2.value > start
            });
        }
        if first == 0 {
            return None;
        }
        let bare_to = self.is_word(first - 1, u.to);
        let conn = if self.is_word(first - 1, u.between) {
            u.and
        } else if bare_to
            || self.is_word(first - 1, u.range_of.1)
                && first > 1
                && self.is_any(first - 2, &u.range_of.0)
        {
            u.to
        } else {
            return None;
        };
        if !self.is_word(tail.end, conn) {
            return None;
        }
        // After a bare "to", only the narrow band of a policy rate ("to 4.75% to 5%"), not a
        // slip for "from" ("fell to 36.3 pct to 40.3 pct a year before").
        self.range_end(tail.end).filter(|(n2, t2)| {
            t2.unit == tail.unit
                && t2.scale == tail.scale
                && (!bare_to || tail.unit == Unit::Percent && n2.value - start <= MAX_RATE_BAND)
        })
    }

    /// "194.7 million tonne (MT)": the text defines the unit in parentheses after a scaled
    /// quantity, its first letter the scale word's, as that quantity's scaled unit, so "214.1
    /// MT" later in it is read at that scale (million tonnes, not metric tonnes); not "1.2
    /// million barrels per day (bpd)". Records such a definition after `tail`, whose words
    /// start at token `j`, or applies one made earlier to it; exact case only, so a text's
    /// own "mt" keeps its sense.
    fn defined_abbreviation(&self, j: usize, tail: &mut Tail) {
        let mut defined = self.defined_units.borrow_mut();
        let initial = |i: usize| {
            self.tok(i)
                .and_then(|t| t.text(self.text).chars().next())
                .map(|c| c.to_ascii_lowercase())
        };
        if tail.scale > 1.0 {
            let mut k = tail.end + 1;
            if self.is_punct(tail.end, "(")
                && self.toks[j].kind == Kind::Word
                && initial(j) == initial(tail.end + 1)
                && self.unit_at(&mut k, 1.0) == tail.unit
                && k == tail.end + 2
                && self.is_punct(k, ")")
            {
                let word = self.toks[tail.end + 1].text(self.text);
                defined.retain(|(w, _)| *w != word);
                defined.push((word, tail.scale));
            }
        } else if tail.scale == 1.0 && tail.end > 0 && !defined.is_empty() {
            let word = self.toks[tail.end - 1].text(self.text);
            if let Some(&(_, scale)) = defined.iter().find(|(w, _)| *w == word) {
                tail.scale = scale;
            }
        }
    }

    /// Whether the number at token `i` ends a span from a count written with group separators
    /// ("fell from 1,498 to 1393"): a count like the first, its separator left out, not a year.
    fn count_to(&self, i: usize) -> bool {
        i >= 2
            && self.is_word(i - 1, self.lang.units.to)
            && self.tok(i - 2).is_some_and(|t| {
                t.kind == Kind::Num
                    && numeral::parse(t.text(self.text))
                        .is_some_and(|n| n.grouped && n.decimals == 0)
            })
    }

    /// Skips the rest of a code like "COVID-19" or "747-400": glued words, numbers, hyphens.
    fn skip_code(&self, mut j: usize) -> usize {
        while let Some(t) = self.tok(j) {
            if t.space_before
                || !(t.kind != Kind::Punct || matches!(t.text(self.text), "-" | "/" | "." | "+"))
            {
                break;
            }
            if t.kind == Kind::Punct
                && !self
                    .tok(j + 1)
                    .is_some_and(|n| !n.space_before && n.kind != Kind::Punct)
            {
                break;
            }
            j += 1;
        }
        j
    }

    /// Numbers, fractions and multiples written in words.
    fn worded(&self, i: usize) -> Step {
        // Most words are rejected here by their shape, without being lowercased.
        if !self.toks[i].may_be_in(&self.lang.numbers.number_word_starts) {
            return Step::Skip(i + 1);
        }
        let Some(w) = self.low(i) else {
            return Step::Skip(i + 1);
        };
        let w = w.as_str();
        if let Some((ratio, lo, hi)) = self.lang.numbers.multiple(w) {
            if self.lang.numbers.multiples_not_alone.contains(w)
                || self.is_punct(i + 1, "-") && self.glued(i + 1)
            {
                return Step::Skip(i + 1);
            }
            let t = self.toks[i];
            // "more than doubled", "nearly tripled"
            let approx = self.approximator(i);
            let first = approx.map_or(i, |(a, _, _)| a);
            let (approx_word, bound) =
                approx.map_or((None, Bound::Exact), |(_, w, b)| (Some(w), b));
            let interval = widen(Interval::new(lo, hi), ratio, bound);
            return Step::Found(
                Mention {
                    span: Span::new(self.toks[first].start, t.end),
                    number_span: Span::new(t.start, t.end),
                    kind: MentionKind::Multiple,
                    value: ratio,
                    interval,
                    truncated: interval,
                    unit: Some("x"),
                    approx: approx_word,
                    bound,
                    range: false,
                    words: true,
                },
                first,
                i + 1,
            );
        }
        let Some(Written {
            value,
            fraction,
            end: j,
            step,
        }) = words::written_value(self, i)
        else {
            return Step::Skip(i + 1);
        };
        // "ten-point-eight trillion won", "five point five"
        let whole = fraction == Bare::No && step == 1.0;
        let (mut value, mut step, j) = match self.spoken_decimals(j, false).filter(|_| whole) {
            Some((decimals, places, next)) => {
                let step = 10f64.powi(-places);
                (value + decimals * step, step, next)
            }
            None => (value, step, j),
        };
        let mut tail = self.tail(j);
        let mut first = i;
        // "minus five", "negative five hundred and four"
        let negative = i > 0 && self.is_any(i - 1, &self.lang.numbers.minus);
        if negative {
            first = i - 1;
        }
        // "one in five", "two out of three"
        if fraction == Bare::No && step == 1.0 && tail.unit == Unit::None && tail.scale == 1.0 {
            if let Some(step) = self.ratio(first, i, value, j, negative) {
                return step;
            }
        }
        let of = self.is_word(j, self.lang.claims.of);
        // "half" of "one-and-a-half times" is the end of a number read apart
        if fraction != Bare::No && i > 0 && self.is_punct(i - 1, "-") && self.glued(i) {
            return Step::Skip(j);
        }
        if fraction != Bare::No {
            // "a quarter-point cut", "a half-point rise", "half a percentage point", "a quarter
            // of a point"
            let article = usize::from(of) + j;
            let point = self.fraction_point(j, value).or_else(|| {
                self.is_word(article, self.lang.numbers.article)
                    .then(|| self.fraction_point(article + 1, value))
                    .flatten()
            });
            if let Some(end) = point {
                tail.end = end;
                tail.unit = Unit::Points(1.0);
            } else if tail.unit == Unit::None && tail.scale == 1.0 && self.fraction_of_change(i, j)
            {
                // "fell by a third", "a quarter higher": the size of a change, in percent.
                tail.unit = Unit::Percent;
                value *= 100.0;
            } else if of && self.is_word(j + 1, self.lang.numbers.article) {
                // "two thirds of a million"
                let scaled = self.tail(j + 2);
                if scaled.scale > 1.0 {
                    tail = scaled;
                }
            } else if !(of
                || tail.unit != Unit::None
                || fraction == Bare::Counted
                || fraction == Bare::Clause && self.clause_ends(j))
            {
                return Step::Skip(j);
            }
        } else if tail.unit == Unit::None && tail.scale == 1.0 && value < 2.0 && step == 1.0 {
            // "one", "zero": a pronoun or a word more often than a figure; but "minus one"
            if !negative {
                return Step::Skip(j);
            }
        } else if let Some((f, f_step, after)) = self.fraction_of_scale(&tail) {
            // "one million and a half"
            value += f;
            step = f_step;
            tail = self.tail_at(after, tail.scale);
        }
        let approx = self.approximator(first);
        if let Some((a, _, _)) = approx {
            first = a;
        }
        // Numbers in words take no currency symbol; their rounding is the word's own.
        let (kind, unit, factor, _) = kind_of(tail.unit, None);
        let factor = factor * tail.scale;
        let mut value = value * factor;
        let mut half = if fraction != Bare::No {
            value * APPROX_RELATIVE
        } else {
            0.5 * step * factor
        };
        // "thirteen dollars and forty-five cents"
        if matches!(tail.unit, Unit::Currency(_, f) if f == 1.0) && tail.scale == 1.0 && step == 1.0
        {
            if let Some((cents, after)) = self.subunit_after(tail.end) {
                value += cents / 100.0;
                half = 0.005;
                tail.end = after;
            }
        }
        if negative {
            value = -value;
        }
        let rounded = Interval::around(value, half);
        let (approx_word, bound) = approx.map_or((None, Bound::Exact), |(_, w, b)| (Some(w), b));
        let interval = widen(rounded, value, bound);
        let end = tail.end.max(j);
        Step::Found(
            Mention {
                span: Span::new(self.toks[first].start, self.toks[end - 1].end),
                number_span: Span::new(self.toks[i].start, self.toks[j - 1].end),
                kind,
                value,
                interval,
                truncated: interval,
                unit,
                approx: approx_word,
                bound,
                range: false,
                words: true,
            },
            first,
            end,
        )
    }
}

/// A number's kind, unit code, factor to the unit, and whether its trailing zeros are
/// rounding, from the unit after it and the currency before it.
/// A number read, with what turns it into a figure: the factor of its unit and scale,
/// whether its zeros are rounding, its sign and its approximator's bound.
struct Reading<'n> {
    num: &'n Numeral,
    /// The second number of a range ("5 to 7").
    second: Option<&'n Numeral>,
    factor: f64,
    zeros_round: bool,
    negative: bool,
    bound: Bound,
}

impl Reading<'_> {
    /// The figure's value, its interval (rounding, then the approximator) and its truncated
    /// interval (a percent or points figure may be cut rather than rounded).
    fn value(&self, kind: MentionKind) -> (f64, Interval, Interval) {
        let (num, factor, zeros_round) = (self.num, self.factor, self.zeros_round);
        let mut rounded = num.rounded(factor, zeros_round);
        let mut truncated = if matches!(kind, MentionKind::Percent | MentionKind::Points) {
            num.truncated(factor, zeros_round)
        } else {
            rounded
        };
        let mut value = num.value * factor;
        if let Some(n2) = self.second {
            rounded = num.range_to(n2, factor, zeros_round);
            truncated = rounded;
            value = (value + n2.value * factor) / 2.0;
        }
        if self.negative {
            value = -value;
            rounded = rounded.scale(-1.0);
            truncated = truncated.scale(-1.0);
        }
        let interval = widen(rounded, value, self.bound);
        let truncated = if self.bound == Bound::Exact {
            truncated
        } else {
            interval
        };
        (value, interval, truncated)
    }
}

fn kind_of(
    unit: Unit,
    currency: Option<&'static str>,
) -> (MentionKind, Option<&'static str>, f64, bool) {
    match (unit, currency) {
        // "660%" is 655–665%: trailing zeros are rounding here too (README, "How numbers are read").
        (Unit::Percent, _) => (MentionKind::Percent, Some("%"), 1.0, true),
        (Unit::Points(f), _) => (MentionKind::Points, Some("pp"), f, true),
        (Unit::Times, _) => (MentionKind::Multiple, Some("x"), 1.0, false),
        (Unit::Currency(code, f), _) => (MentionKind::Currency, Some(code), f, true),
        (Unit::Quantity(code), Some(cur)) if code == "shares" || code == "t" => {
            (MentionKind::Currency, Some(cur), 1.0, true)
        }
        (Unit::Quantity(code), _) => (MentionKind::Quantity, Some(code), 1.0, true),
        (Unit::None, Some(cur)) => (MentionKind::Currency, Some(cur), 1.0, true),
        (Unit::None, None) => (MentionKind::Number, None, 1.0, true),
    }
}

/// Applies an approximator or bound to the rounded reading of a number.
fn widen(rounded: Interval, value: f64, bound: Bound) -> Interval {
    let slack = value.abs() * APPROX_RELATIVE;
    match bound {
        Bound::Exact => rounded,
        Bound::About => Interval::new(rounded.low - slack, rounded.high + slack),
        // "more than seven times" is at least 7, whatever the rounding of "seven".
        Bound::Above | Bound::AtLeast => Interval::new(value.min(rounded.high), f64::INFINITY),
        Bound::Below | Bound::AtMost => Interval::new(
            if value >= 0.0 { 0.0 } else { f64::NEG_INFINITY },
            value.max(rounded.low),
        ),
        Bound::Nearly => Interval::new(rounded.low - slack, rounded.high),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A mention as (text, kind, value, unit, low, high).
    type Read = (String, MentionKind, f64, Option<&'static str>, f64, f64);

    /// The mentions of `text`.
    fn read(text: &str) -> Vec<Read> {
        let doc = Document::new(
            "t".into(),
            "t.txt".into(),
            text.into(),
            Span::new(0, text.len()),
        );
        extract(&doc)
            .mentions
            .iter()
            .map(|m| {
                (
                    m.span.slice(text).to_string(),
                    m.kind,
                    m.value,
                    m.unit,
                    m.interval.low,
                    m.interval.high,
                )
            })
            .collect()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-9)
    }

    /// `text` gives exactly one mention, `span`, with this kind, value and unit.
    fn one(text: &str, span: &str, kind: MentionKind, value: f64, unit: Option<&str>) {
        let got = read(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        let (s, k, v, u, _, _) = &got[0];
        assert_eq!((s.as_str(), *k, *u), (span, kind, unit), "{text}: {got:?}");
        assert!(close(*v, value), "{text}: {v} is not {value}");
    }

    /// The interval of the only mention of `text`.
    fn interval(text: &str) -> (f64, f64) {
        let got = read(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        (got[0].4, got[0].5)
    }

    use MentionKind::{Currency, Number, Percent, Points, Quantity};

    #[test]
    fn a_currency_glued_to_its_digits() {
        one(
            "Profit rose to Rs1,667.45 crore.",
            "Rs1,667.45 crore",
            Currency,
            1.66745e10,
            Some("INR"),
        );
        let (low, high) = interval("Profit rose to Rs1,667.45 crore.");
        assert!(
            close(low, 1.667445e10) && close(high, 1.667455e10),
            "{low}..{high}"
        );
        one(
            "It paid USD115.5 a share.",
            "USD115.5",
            Currency,
            115.5,
            Some("USD"),
        );
        one("A fee of GBP3.01.", "GBP3.01", Currency, 3.01, Some("GBP"));
        one(
            "Tickets cost Rs. 250 each.",
            "Rs. 250",
            Currency,
            250.0,
            Some("INR"),
        );
        one(
            "Tickets cost Rs.250 each.",
            "Rs.250",
            Currency,
            250.0,
            Some("INR"),
        );
        // A code is still a code: no currency reads "A320" or "COVID19".
        assert!(read("The A320 and COVID19 and G7.").is_empty());
    }

    #[test]
    fn stacked_scales_multiply() {
        one(
            "Collections were Rs 1.37 lakh crore.",
            "Rs 1.37 lakh crore",
            Currency,
            1.37e12,
            Some("INR"),
        );
        one(
            "Collections rose to ₹2.1 lakh crore.",
            "₹2.1 lakh crore",
            Currency,
            2.1e12,
            Some("INR"),
        );
        one(
            "It borrowed two thousand million dollars.",
            "two thousand million dollars",
            Currency,
            2e9,
            Some("USD"),
        );
        // A smaller scale after a larger one is not stacked.
        assert_eq!(read("5 million thousand")[0].2, 5e6);
    }

    #[test]
    fn a_scale_between_the_currency_and_the_number() {
        let got = read("Revenue €m 1,407; EBIT €m 86 vs. €m 287.");
        let values: Vec<_> = got.iter().map(|m| (m.2, m.3)).collect();
        assert_eq!(
            values,
            [
                (1.407e9, Some("EUR")),
                (8.6e7, Some("EUR")),
                (2.87e8, Some("EUR"))
            ]
        );
        one(
            "It earned £bn 2.3.",
            "£bn 2.3",
            Currency,
            2.3e9,
            Some("GBP"),
        );
        one(
            "Sales of 75 USD million.",
            "75 USD million",
            Currency,
            7.5e7,
            Some("USD"),
        );
    }

    #[test]
    fn scale_suffixes_and_footnotes() {
        one(
            "Sales were $7.67 Bln. in all.",
            "$7.67 Bln",
            Currency,
            7.67e9,
            Some("USD"),
        );
        one(
            "Revenue of $43.81B.",
            "$43.81B",
            Currency,
            4.381e10,
            Some("USD"),
        );
        one("Revenue of €925m.", "€925m", Currency, 9.25e8, Some("EUR"));
        // A scale letter set apart after an amount of money; not after a bare number.
        one("At $ 548.1 m.", "$ 548.1 m", Currency, 5.481e8, Some("USD"));
        one("To $ 1.2 b now.", "$ 1.2 b", Currency, 1.2e9, Some("USD"));
        one("It fell to Rs 5 cr.", "Rs 5 cr", Currency, 5e7, Some("INR"));
        one("A pipe 548.1 m long.", "548.1", Number, 548.1, None);
        // A footnote digit glued after the scale is not part of the figure.
        one(
            "Revenue $18.8bn3 in all.",
            "$18.8bn",
            Currency,
            1.88e10,
            Some("USD"),
        );
        one(
            "Costs $1,242m3 in all.",
            "$1,242m",
            Currency,
            1.242e9,
            Some("USD"),
        );
    }

    #[test]
    fn a_multiple_with_a_glued_x() {
        one(
            "Sales rose 3x.",
            "3x",
            MentionKind::Multiple,
            3.0,
            Some("x"),
        );
        one(
            "Cases are up 2.7x.",
            "2.7x",
            MentionKind::Multiple,
            2.7,
            Some("x"),
        );
        // A dimension is no multiple; an "x" apart is a letter.
        let got = read("A 4x4 truck and plan 3 x 2.");
        assert!(got.iter().all(|m| m.1 != MentionKind::Multiple), "{got:?}");
    }

    #[test]
    fn units_written_with_a_slash() {
        // The "b" of "b/d" is barrels, not a billion; "mb/d" is millions of barrels a day.
        one(
            "Output rose by 280,700b/d.",
            "280,700b/d",
            Quantity,
            280_700.0,
            Some("bpd"),
        );
        one(
            "Output reached 1.385mb/d in May.",
            "1.385mb/d",
            Quantity,
            1.385e6,
            Some("bpd"),
        );
        one("Up 900,000 b/d.", "900,000 b/d", Quantity, 9e5, Some("bpd"));
        one("Up 50 kb/d.", "50 kb/d", Quantity, 5e4, Some("bpd"));
        one(
            "Up 1.2 million b/d.",
            "1.2 million b/d",
            Quantity,
            1.2e6,
            Some("bpd"),
        );
        one("At 120km/h.", "120km/h", Quantity, 120.0, Some("km/h"));
        // A slash that is no unit's leaves the number as it was.
        one("A 5b/x split.", "5b", Number, 5e9, None);
        let got = read("It rose 3 b / d.");
        assert!(got.iter().all(|m| m.3 != Some("bpd")), "{got:?}");
    }

    #[test]
    fn a_leading_point_is_a_decimal_point() {
        one(
            "Output fell by .98 million bpd.",
            ".98 million bpd",
            Quantity,
            0.98e6,
            Some("bpd"),
        );
        one("It is .08 now.", ".08", Number, 0.08, None);
        one("Down -.5 pct.", "-.5 pct", Percent, -0.5, Some("%"));
        // A point inside a word or number is no leading point.
        let got = read("Version 2.98 and v.98 ship.");
        assert!(got.iter().all(|m| m.2 != 0.98), "{got:?}");
    }

    #[test]
    fn cents_and_currency_signs_after_the_number() {
        one("EPS was 59.0c.", "59.0c", Currency, 0.59, Some("USD"));
        one("It costs 10¢.", "10¢", Currency, 0.10, Some("USD"));
        one("It costs 20€ now.", "20€", Currency, 20.0, Some("EUR"));
        // A capital C is a temperature, and a sign before the next number is that number's.
        assert_eq!(read("It was minus 20C.")[0].3, None);
        let got = read("Rates 5 $10 each.");
        assert_eq!(
            got.iter().map(|m| m.3).collect::<Vec<_>>(),
            [None, Some("USD")]
        );
    }

    #[test]
    fn clock_times_written_apart_are_no_figures() {
        for text in [
            "They met at 2 pm.",
            "He left at 2.13 am on Monday.",
            "Polls close at 10 p.m. local time.",
        ] {
            assert!(read(text).is_empty(), "{text}: {:?}", read(text));
        }
        one("It has 2 pmts due.", "2", Number, 2.0, None);
        // Not a clock: no such minute.
        one("A grid of 2.1 pm.", "2.1", Number, 2.1, None);
    }

    #[test]
    fn lengths_volumes_and_speeds() {
        one("The pole is 1.8m tall.", "1.8m", Quantity, 1.8, Some("m"));
        one("It raised £1.8m.", "£1.8m", Currency, 1.8e6, Some("GBP"));
        one("A 1.8m deal was tall talk.", "1.8m", Number, 1.8e6, None);
        one("A 35mm camera.", "35mm", Quantity, 35.0, Some("mm"));
        one("Rain of 12 mm fell.", "12 mm", Quantity, 12.0, Some("mm"));
        one(
            "It ran 100 metres.",
            "100 metres",
            Quantity,
            100.0,
            Some("m"),
        );
        one(
            "A tank of 59 litres.",
            "59 litres",
            Quantity,
            59.0,
            Some("l"),
        );
        one("Winds of 48 kph.", "48 kph", Quantity, 48.0, Some("km/h"));
        one(
            "It is one-half mile east.",
            "one-half mile",
            Quantity,
            0.5,
            Some("mi"),
        );
        one(
            "Fares fell $-9.99 today.",
            "$-9.99",
            Currency,
            -9.99,
            Some("USD"),
        );
        // A fraction after "and", hyphenated.
        one(
            "Rates of eleven and three-quarters pct.",
            "eleven and three-quarters pct",
            Percent,
            11.75,
            Some("%"),
        );
        one(
            "Sales were two and three-quarter times higher.",
            "two and three-quarter times",
            MentionKind::Multiple,
            2.75,
            Some("x"),
        );
        // The end of "one-and-a-half" is no half on its own.
        assert!(read("He gets one-and-a-half times his pay.")
            .iter()
            .all(|m| m.2 != 0.5));
    }

    #[test]
    fn a_currency_hyphenated_to_its_number() {
        one(
            "It paid a 12-cent dividend.",
            "12-cent",
            Currency,
            0.12,
            Some("USD"),
        );
        one(
            "A 500 mln-dlr loan.",
            "500 mln-dlr",
            Currency,
            5e8,
            Some("USD"),
        );
        one("A one-yen rise.", "one-yen", Currency, 1.0, Some("JPY"));
        one(
            "Rates rose one penny.",
            "one penny",
            Currency,
            0.01,
            Some("GBP"),
        );
        // A hyphen before another word is no unit.
        one("A 12-member board.", "12", Number, 12.0, None);
    }

    #[test]
    fn currency_prefixes_and_words() {
        for (text, code) in [
            ("US$5", "USD"),
            ("S$5", "SGD"),
            ("HK$5", "HKD"),
            ("A$5", "AUD"),
            ("C$5", "CAD"),
            ("NZ$5", "NZD"),
            ("R$5", "BRL"),
            ("US $5", "USD"),
            ("HK $5", "HKD"),
            ("€5", "EUR"),
            ("£5", "GBP"),
            ("¥5", "JPY"),
            ("₹5", "INR"),
            ("Rs 5", "INR"),
            ("INR 5", "INR"),
        ] {
            one(&format!("It cost {text}."), text, Currency, 5.0, Some(code));
        }
        one(
            "Debt of 3 trillion yen.",
            "3 trillion yen",
            Currency,
            3e12,
            Some("JPY"),
        );
        one(
            "Debt of 5 billion won.",
            "5 billion won",
            Currency,
            5e9,
            Some("KRW"),
        );
        // "won" without a scale is the verb.
        assert_eq!(read("Series 3 won three awards.")[0].3, None);
        // One letter set apart is a word, not a prefix.
        one("It charged A $5 fee.", "$5", Currency, 5.0, Some("USD"));
    }

    #[test]
    fn pounds_are_money_with_a_scale_and_weight_before_of() {
        one(
            "Profit of 361 million pounds.",
            "361 million pounds",
            Currency,
            3.61e8,
            Some("GBP"),
        );
        one(
            "It cost 23.00 pounds sterling.",
            "23.00 pounds sterling",
            Currency,
            23.0,
            Some("GBP"),
        );
        one(
            "Buy 5 pounds of beef.",
            "5 pounds",
            Quantity,
            5.0,
            Some("lb"),
        );
        assert_eq!(read("He lost 5 pounds.")[0].3, None);
    }

    #[test]
    fn mixed_and_slash_fractions() {
        one(
            "The rate is 5-3/4 pct.",
            "5-3/4 pct",
            Percent,
            5.75,
            Some("%"),
        );
        let (low, high) = interval("The rate is 5-3/4 pct.");
        assert!(close(low, 5.7375) && close(high, 5.7625), "{low}..{high}");
        one("Bonds at 99-7/8.", "99-7/8", Number, 99.875, None);
        one("Up 7-1/2 cts.", "7-1/2 cts", Currency, 0.075, Some("USD"));
        one(
            "It rose 2 1/2 percent.",
            "2 1/2 percent",
            Percent,
            2.5,
            Some("%"),
        );
        one(
            "A 10 1/2 miles walk.",
            "10 1/2 miles",
            Quantity,
            10.5,
            Some("mi"),
        );
        one("Bonds of 7 3 / 4 %.", "7 3 / 4 %", Percent, 7.75, Some("%"));
        one("It rose 1/4 pct.", "1/4 pct", Percent, 0.25, Some("%"));
        one("It rose 2½ percent.", "2½ percent", Percent, 2.5, Some("%"));
        one("It rose ½ percent.", "½ percent", Percent, 0.5, Some("%"));
        // Not fractions: dates, seasons, "9/11", "24/7", scores and ranges.
        for text in [
            "On 3/4/2024 it.",
            "The 1987/88 season.",
            "After 9/11 and 24/7.",
        ] {
            let got = read(text);
            assert!(got.iter().all(|m| m.2.fract() == 0.0), "{text}: {got:?}");
        }
        one("Rates of 5-7%.", "5-7%", Percent, 6.0, Some("%"));
    }

    #[test]
    fn points_of_a_fraction_and_basis_points() {
        one("A 1/4 point cut.", "1/4 point", Points, 0.25, Some("pp"));
        one(
            "It rose by 0.5 of a percentage point.",
            "0.5 of a percentage point",
            Points,
            0.5,
            Some("pp"),
        );
        // A decimal "of a" something else is no point.
        one("He ate 0.5 of a pie.", "0.5", Number, 0.5, None);
        one(
            "A quarter-point cut.",
            "A quarter-point",
            Points,
            0.25,
            Some("pp"),
        );
        one(
            "It made a half-point cut.",
            "a half-point",
            Points,
            0.5,
            Some("pp"),
        );
        one(
            "It made a cut of half a percentage point.",
            "half a percentage point",
            Points,
            0.5,
            Some("pp"),
        );
        one(
            "It rose by a quarter of a point.",
            "a quarter of a point",
            Points,
            0.25,
            Some("pp"),
        );
        one(
            "It was a quarter-percentage-point increase.",
            "a quarter-percentage-point",
            Points,
            0.25,
            Some("pp"),
        );
        one(
            "A 75 basis point rise.",
            "75 basis point",
            Points,
            0.75,
            Some("pp"),
        );
        one(
            "A 25 basis-point rise.",
            "25 basis-point",
            Points,
            0.25,
            Some("pp"),
        );
        one("Rates rose 50bp.", "50bp", Points, 0.5, Some("pp"));
        one("Rates rose 20bps.", "20bps", Points, 0.2, Some("pp"));
        one("Spreads moved -20bps.", "-20bps", Points, -0.2, Some("pp"));
        // An index's points and a decimal "point" in words are not percentage points.
        assert_eq!(read("The index rose 25 points.")[0].3, None);
        assert!(read("Cut by one point five.").iter().all(|m| m.1 != Points));
    }

    #[test]
    fn numbers_in_words_of_several_parts() {
        one(
            "It hired one hundred and sixteen people.",
            "one hundred and sixteen people",
            Quantity,
            116.0,
            Some("people"),
        );
        one(
            "About ninety five workers.",
            "About ninety five workers",
            Quantity,
            95.0,
            Some("workers"),
        );
        one(
            "It sold two thousand three hundred tonnes.",
            "two thousand three hundred tonnes",
            Quantity,
            2300.0,
            Some("t"),
        );
        one(
            "Seven hundred twenty-one thousand twelve homes.",
            "Seven hundred twenty-one thousand twelve homes",
            Quantity,
            721_012.0,
            Some("households"),
        );
        one(
            "A hundred and two people.",
            "A hundred and two people",
            Quantity,
            102.0,
            Some("people"),
        );
        one(
            "Two dozen staff.",
            "Two dozen staff",
            Quantity,
            24.0,
            Some("workers"),
        );
        one(
            "A million people.",
            "A million people",
            Quantity,
            1e6,
            Some("people"),
        );
        // An ordinal is no number.
        assert!(read("The twenty-first century.").is_empty());
    }

    #[test]
    fn fractions_of_a_scale_and_and_a_half() {
        one(
            "Half a million people.",
            "Half a million people",
            Quantity,
            5e5,
            Some("people"),
        );
        one(
            "It cost half million dollars.",
            "half million dollars",
            Currency,
            5e5,
            Some("USD"),
        );
        one(
            "A quarter million dollars.",
            "A quarter million dollars",
            Currency,
            2.5e5,
            Some("USD"),
        );
        one(
            "It rose two and a half percent.",
            "two and a half percent",
            Percent,
            2.5,
            Some("%"),
        );
        one(
            "Some five and a half million people.",
            "Some five and a half million people",
            Quantity,
            5.5e6,
            Some("people"),
        );
        // "two and a half million" is written to the half million.
        let (low, high) = interval("It cost two and a half million dollars.");
        assert!(close(low, 2.25e6) && close(high, 2.75e6), "{low}..{high}");
    }

    #[test]
    fn a_fraction_that_sizes_a_change_is_a_percent() {
        for (text, span, value) in [
            ("Sales dropped by a third.", "a third", 100.0 / 3.0),
            ("Costs rose by one eighth, he said.", "one eighth", 12.5),
            ("Profit fell by half to $3 billion.", "half", 50.0),
            (
                "Sales were about a third higher.",
                "about a third",
                100.0 / 3.0,
            ),
            (
                "Exports were down more than a third in June.",
                "more than a third",
                100.0 / 3.0,
            ),
            ("It cut its 2024 forecast by a quarter.", "a quarter", 25.0),
            (
                "Output was two-thirds lower than in May.",
                "two-thirds",
                200.0 / 3.0,
            ),
        ] {
            let found: Vec<Read> = read(text).into_iter().filter(|m| m.1 == Percent).collect();
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            let (s, kind, v, unit, _, _) = &found[0];
            assert_eq!(
                (s.as_str(), *kind, *unit),
                (span, Percent, Some("%")),
                "{text}"
            );
            assert!(close(*v, value), "{text}: {v} is not {value}");
        }
        // A spoken fraction is read to a tenth of itself: "a third" is 30% to 36.7%.
        let (_, _, _, _, low, high) = read("Sales dropped by a third.")[0].clone();
        assert!(
            close(low, 30.0) && close(high, 110.0 / 3.0),
            "{low}..{high}"
        );
        // Not a change: an ordinal, a fraction of something, the fraction of a unit, or a
        // particle of another verb.
        for text in [
            "Prices rose a third straight month.",
            "Prices fell for a third time.",
            "Shares were down half a percent.",
            "They rose by a third of the shares.",
            "It made up half.",
        ] {
            assert!(
                read(text).iter().all(|m| m.1 != Percent),
                "{text}: {:?}",
                read(text)
            );
        }
    }

    #[test]
    fn fractions_in_words_alone_and_after_a_whole() {
        // A counted fraction reads wherever it stands.
        one(
            "Turnout was two thirds in the north.",
            "two thirds",
            Number,
            2.0 / 3.0,
            None,
        );
        one(
            "A five-eighths stake changed hands.",
            "five-eighths",
            Number,
            0.625,
            None,
        );
        one(
            "Forty hundredths separate them.",
            "Forty hundredths",
            Number,
            0.4,
            None,
        );
        // A single fraction reads before "of" or at the end of a clause, not before a noun,
        // where it is an ordinal.
        one(
            "They kept one third, he said.",
            "one third",
            Number,
            1.0 / 3.0,
            None,
        );
        one(
            "The cost is one eighth of the price.",
            "one eighth",
            Number,
            0.125,
            None,
        );
        for ordinal in [
            "She won a third term.",
            "He sought a fourth straight title.",
            "It grew for three quarters in a row.",
            "Profit was lower than in the preceding three quarters.",
            "The other half went home.",
            "Keane slid in a third.",
            "He won twice and wants a third.",
        ] {
            assert!(read(ordinal).is_empty(), "{ordinal}: {:?}", read(ordinal));
        }
        // A whole number and a fraction, with "and".
        one(
            "It weighed twenty and three fifths ounces.",
            "twenty and three fifths ounces",
            Quantity,
            20.6,
            Some("oz"),
        );
        one(
            "One hundred and three quarters of a mile.",
            "One hundred and three quarters",
            Number,
            100.75,
            None,
        );
        one(
            "The rate is one and a half.",
            "one and a half",
            Number,
            1.5,
            None,
        );
        one(
            "It is three and one fourth.",
            "three and one fourth",
            Number,
            3.25,
            None,
        );
        // After a scale: the fraction is of the scale.
        one(
            "The city has one million and a half people.",
            "one million and a half people",
            Quantity,
            1.5e6,
            Some("people"),
        );
        one(
            "It has 3 million and a half residents.",
            "3 million and a half residents",
            Quantity,
            3.5e6,
            Some("people"),
        );
        one(
            "It raised five billion and three quarters.",
            "five billion and three quarters",
            Number,
            5.75e9,
            None,
        );
        one(
            "The tally was one hundred and thirty fifths.",
            "one hundred and thirty fifths",
            Number,
            26.0,
            None,
        );
        one(
            "It cost one billion and a half million dollars.",
            "one billion and a half million dollars",
            Currency,
            1.0005e9,
            Some("USD"),
        );
        one(
            "The city has two thirds of a million residents.",
            "two thirds of a million residents",
            Quantity,
            2e6 / 3.0,
            Some("people"),
        );
        one(
            "Hundred thousand dollars went missing.",
            "Hundred thousand dollars",
            Currency,
            1e5,
            Some("USD"),
        );
        assert!(read("He said it hundred times.").is_empty());
        assert!(read("It will cost several hundred million pounds.").is_empty());
        one("A seven-second delay.", "seven", Number, 7.0, None);
        one("He sold 4 doz eggs.", "4 doz", Number, 48.0, None);
        // Numerals with scale words, and "and" before the last below a hundred.
        one(
            "It sold 4 thousand 3 hundred copies.",
            "4 thousand 3 hundred copies",
            Quantity,
            4300.0,
            Some("copies"),
        );
        one(
            "It paid 3 hundred and 21 yuan.",
            "3 hundred and 21 yuan",
            Currency,
            321.0,
            Some("CNY"),
        );
        assert_eq!(read("It sold 5 million 300 people.").len(), 2);
        // A scale that ends a number in words is the last group's.
        one(
            "It fell to minus three million two hundred thousand.",
            "minus three million two hundred thousand",
            Number,
            -3.2e6,
            None,
        );
        let got = read("It issued one billion one-dlr shares.");
        assert!(close(got[0].2, 1e9) && close(got[1].2, 1.0), "{got:?}");
        // "half a dozen", "3 dozen", "322 hundred"
        one(
            "It sent half a dozen envoys.",
            "half a dozen",
            Number,
            6.0,
            None,
        );
        one("He bought 3 dozen eggs.", "3 dozen", Number, 36.0, None);
        one(
            "About 322 hundred came.",
            "About 322 hundred",
            Number,
            32_200.0,
            None,
        );
    }

    #[test]
    fn ratios_in_words_and_digits() {
        one(
            "One in five adults now smokes.",
            "One in five",
            Number,
            0.2,
            None,
        );
        let (low, high) = interval("One in five adults now smokes.");
        assert!(
            close(low, 1.0 / 5.5) && close(high, 1.0 / 4.5),
            "{low} {high}"
        );
        one(
            "Nearly two out of three voters agreed.",
            "Nearly two out of three",
            Number,
            2.0 / 3.0,
            None,
        );
        one(
            "The odds were put at 1 over 3.",
            "1 over 3",
            Number,
            1.0 / 3.0,
            None,
        );
        one(
            "About 1 in 20 loans failed.",
            "About 1 in 20",
            Number,
            0.05,
            None,
        );
        // Times, years and spans are no ratios.
        for text in [
            "Prices rose 2 over 3 years.",
            "It happens once, one in 10 years.",
            "Sales rose 7 in 2020.",
            "Exports rose 5 in 10 months.",
            "He never went beyond round four in eight attempts.",
        ] {
            assert!(
                read(text).iter().all(|m| m.2 >= 1.0 || m.2 == 0.0),
                "{text}: {:?}",
                read(text)
            );
        }
    }

    #[test]
    fn ordinals_in_words_are_no_numbers() {
        for ordinal in [
            "The two hundredth anniversary.",
            "A hundred trillionth of a second.",
            "The one hundred twenty-fifth running.",
            "The three trillionth visitor.",
        ] {
            let got = read(ordinal);
            assert!(
                got.iter()
                    .all(|m| m.2 != 2.0 && m.2 != 100.0 && m.2 != 120.0 && m.2 != 3.0),
                "{ordinal}: {got:?}"
            );
        }
        // A fraction over tens and an ordinal.
        one(
            "The margin was one twenty-fifth.",
            "one twenty-fifth",
            Number,
            0.04,
            None,
        );
        one(
            "It kept three twenty-firsts of the stake.",
            "three twenty-firsts",
            Number,
            3.0 / 21.0,
            None,
        );
        assert!(read("It marked a twenty-first birthday.").is_empty());
        assert!(read("He ran for twenty seconds.")
            .iter()
            .all(|m| m.2 == 20.0));
        // ... but a plural after a count is a fraction.
        one(
            "It moved a hundred trillionths of a metre.",
            "a hundred trillionths",
            Number,
            1e-10,
            None,
        );
    }

    #[test]
    fn an_amount_and_its_subunit_are_one_figure() {
        one(
            "It cost 3 dollars 50 cents.",
            "3 dollars 50 cents",
            Currency,
            3.5,
            Some("USD"),
        );
        one(
            "It cost $20 and 43c.",
            "$20 and 43c",
            Currency,
            20.43,
            Some("USD"),
        );
        one(
            "It cost thirteen dollars and forty-five cents.",
            "thirteen dollars and forty-five cents",
            Currency,
            13.45,
            Some("USD"),
        );
        let (low, high) = interval("It cost 3 dollars 50 cents.");
        assert!(close(low, 3.495) && close(high, 3.505), "{low}..{high}");
        // The subunit unnamed, at the end of a clause.
        one(
            "The fare is 12 dollars 40.",
            "12 dollars 40",
            Currency,
            12.4,
            Some("USD"),
        );
        one(
            "Lunch cost $9 and 95.",
            "$9 and 95",
            Currency,
            9.95,
            Some("USD"),
        );
        one(
            "A stamp is one dollar and five.",
            "one dollar and five",
            Currency,
            1.05,
            Some("USD"),
        );
        // Not before more words, nor three digits.
        assert_eq!(read("It cost 15 dollars and 50 people paid.").len(), 2);
        assert_eq!(read("It cost 15 dollars, 50 more.").len(), 2);
        assert_eq!(read("Up 15 dollars 500.").len(), 2);
        // Two figures: a total and a per-share amount, or a comparison.
        assert_eq!(read("A gain of 918,000 dlrs 38 cts a share.").len(), 2);
        assert_eq!(read("Shr 1 dlr vs 95 cts.").len(), 2);
    }

    #[test]
    fn url_escapes_are_no_percents() {
        let got = read("See test.com/search?q=30%25%2020% and issn%280024%2D9114%29 now.");
        assert!(got.iter().all(|m| m.1 != Percent), "{got:?}");
        one("It rose 5%, the most.", "5%", Percent, 5.0, Some("%"));
        // A table's footnote mark glued after the sign is no escape.
        one("Sales | 9.3%2 |", "9.3%", Percent, 9.3, Some("%"));
    }

    #[test]
    fn decimals_read_aloud() {
        one(
            "down 28-point-seven percent",
            "28-point-seven percent",
            MentionKind::Percent,
            28.7,
            Some("%"),
        );
        let (low, high) = interval("down 28-point-seven percent");
        assert!(close(low, 28.65) && close(high, 28.75), "{low} {high}");
        one(
            "ten-point-eight trillion won",
            "ten-point-eight trillion won",
            MentionKind::Currency,
            10.8e12,
            Some("KRW"),
        );
        one(
            "two-point-43 trillion won",
            "two-point-43 trillion won",
            MentionKind::Currency,
            2.43e12,
            Some("KRW"),
        );
        one(
            "14-point-87 trillion won",
            "14-point-87 trillion won",
            MentionKind::Currency,
            14.87e12,
            Some("KRW"),
        );
        // Spaced, as a transcript writes it.
        one(
            "Output fell five point five percent.",
            "five point five percent",
            Percent,
            5.5,
            Some("%"),
        );
        one(
            "It costs two point two million dollars.",
            "two point two million dollars",
            Currency,
            2.2e6,
            Some("USD"),
        );
        one(
            "Inflation was nought point nought three.",
            "nought point nought three",
            Number,
            0.03,
            None,
        );
        one(
            "The index gained 1 point 1.",
            "1 point 1",
            Number,
            1.1,
            None,
        );
        let (low, high) = interval("Output fell five point five percent.");
        assert!(close(low, 5.45) && close(high, 5.55), "{low} {high}");
        // "At one point" is an idiom, not a decimal point.
        assert!(read("At one point two of them left.")
            .iter()
            .all(|r| !close(r.2, 1.2)));
        // A list of words after the point is not read as its decimals.
        assert!(read("up 5-point-seven-five percent")
            .iter()
            .all(|r| !close(r.2, 5.7)));
    }

    #[test]
    fn minus_words_and_leading_zeros() {
        one(
            "It fell to minus 1,200,000.",
            "minus 1,200,000",
            Number,
            -1.2e6,
            None,
        );
        one(
            "Growth of negative 5 percent.",
            "negative 5 percent",
            Percent,
            -5.0,
            Some("%"),
        );
        one(
            "It was minus five percent.",
            "minus five percent",
            Percent,
            -5.0,
            Some("%"),
        );
        one("The low was minus one.", "minus one", Number, -1.0, None);
        // Times, codes and the groups of a number spaced by thousands are no figures.
        for text in ["At 0900 GMT.", "Agent 007.", "Call 0800 555."] {
            assert!(
                read(text)
                    .iter()
                    .all(|m| m.2 != 900.0 && m.2 != 7.0 && m.2 != 800.0),
                "{text}"
            );
        }
        assert!(read("It cost 10 000 dollars.").iter().all(|m| m.2 != 0.0));
    }

    #[test]
    fn millions_of_a_currency_code_and_capital_scale_letters() {
        one(
            "Order intake reached 48 MEUR in the quarter.",
            "48 MEUR",
            Currency,
            48e6,
            Some("EUR"),
        );
        one(
            "It booked MUSD 12.5 of charges.",
            "MUSD 12.5",
            Currency,
            12.5e6,
            Some("USD"),
        );
        one(
            "Grants totalled twenty MGBP.",
            "twenty MGBP",
            Currency,
            20e6,
            Some("GBP"),
        );
        // "MM" is finance's million in its own case; "mm" stays a millimetre
        one(
            "The budget is US$ 3MM a year.",
            "US$ 3MM",
            Currency,
            3e6,
            Some("USD"),
        );
        one("A 35mm lens.", "35mm", Quantity, 35.0, Some("mm"));
        // "T" is a trillion after a currency only; "100t" alone is no scale
        one(
            "Its debt hit $1.4T last year.",
            "$1.4T",
            Currency,
            1.4e12,
            Some("USD"),
        );
        assert!(read("The crane lifts 100T loads.")
            .iter()
            .all(|r| r.2 != 1e14));
        // four capitals are a prefix only as millions of a code: "DLRS 5" stays as it was
        assert!(read("DIVIDEND RAISED TO DLRS 5")
            .iter()
            .all(|r| r.3 != Some("USD") || r.2 < 10.0));
    }

    #[test]
    fn feet_and_inches_are_one_length() {
        one(
            "The centre is 6 ft 10 in tall.",
            "6 ft 10 in",
            Quantity,
            6.0 + 10.0 / 12.0,
            Some("ft"),
        );
        one(
            "She is 5 feet and 4 inches.",
            "5 feet and 4 inches",
            Quantity,
            5.0 + 4.0 / 12.0,
            Some("ft"),
        );
        one(
            "He is 5'11\" and fast.",
            "5'11\"",
            Quantity,
            5.0 + 11.0 / 12.0,
            Some("ft"),
        );
        one(
            "He stood 6′2″ in socks.",
            "6′2″",
            Quantity,
            6.0 + 2.0 / 12.0,
            Some("ft"),
        );
        // to the inch: half an inch either way
        let (lo, hi) = interval("It is 6 ft 2 in.");
        assert!(close(lo, 6.125) && close(hi, 6.0 + 2.5 / 12.0), "{lo} {hi}");
        one(
            "The well reached 1,730 feet.",
            "1,730 feet",
            Quantity,
            1730.0,
            Some("ft"),
        );
        // "in" is an inch only after "ft", and not before a number
        let got = read("It rose 6 ft 2 in 2010 floods.");
        assert_eq!(got[0].0, "6 ft", "{got:?}");
        let got = read("It rose 6 feet 2 in the storm.");
        assert_eq!(got[0].0, "6 feet", "{got:?}");
        // a lone apostrophe is no foot mark
        assert!(read("The '90 model and 5'")
            .iter()
            .all(|r| r.3 != Some("ft")));
    }

    #[test]
    fn squared_units_and_degrees() {
        one("A 85m2 flat.", "85m2", Quantity, 85.0, Some("m2"));
        one(
            "The park covers 190 km2.",
            "190 km2",
            Quantity,
            190.0,
            Some("km2"),
        );
        // a glued "m" without the 2 is still a million
        one("A £85m flat.", "£85m", Currency, 85e6, Some("GBP"));
        // "1200 degrees" is a temperature, not a year; "in 1200" stays a year
        one(
            "The kiln runs at 1200 degrees.",
            "1200",
            Number,
            1200.0,
            None,
        );
        assert!(read("The abbey was built in 1200.").is_empty());
        // After "to" and a count written with separators, four digits are a count whose
        // separator was left out; after a bare number or a year they stay a year.
        let counts = read("Murders fell from 1,498 to 1393, a 9.3 percent fall.");
        assert_eq!(
            counts.iter().map(|r| r.2).collect::<Vec<_>>(),
            [1498.0, 1393.0, 9.3]
        );
        assert_eq!(read("Sales rose from 12 to 2024.").len(), 1);
        assert_eq!(
            read("It rose from 1,200 in 1999 to 1,500 in 2005.").len(),
            2
        );
        assert_eq!(read("Output rose from 1,200.5 to 2020 levels.").len(), 1);
    }

    #[test]
    fn units_of_data_and_data_rates() {
        one(
            "Traffic hit 22,052TB.",
            "22,052TB",
            Quantity,
            22052.0,
            Some("TB"),
        );
        one(
            "It runs at 219,232Mbps.",
            "219,232Mbps",
            Quantity,
            219232.0,
            Some("Mbps"),
        );
        one(
            "It holds 30 gigabytes.",
            "30 gigabytes",
            Quantity,
            30.0,
            Some("GB"),
        );
    }

    #[test]
    fn a_unit_defined_in_parentheses_keeps_its_scale() {
        let values = |text: &str| read(text).iter().map(|r| r.2).collect::<Vec<_>>();
        // "(MT)" after "million tonne" defines "MT" as million tonnes for the rest of the text.
        assert_eq!(
            values("Use fell to 194.7 million tonne (MT). It was 214.1 MT in FY20."),
            [194.7e6, 214.1e6]
        );
        // Undefined, or defined in another case, "MT" is metric tonnes.
        assert_eq!(values("It was 214.1 MT in FY20."), [214.1]);
        assert_eq!(
            values("Use fell to 194.7 million tonne (MT). Ships took 300 mt."),
            [194.7e6, 300.0]
        );
        // A word in parentheses that is no unit of the figure defines nothing, nor an
        // abbreviation of the unit alone.
        assert_eq!(
            values("Sales were 5 million tonnes (estimate). It was 3 tonnes."),
            [5e6, 3.0]
        );
        assert_eq!(
            values("Output was 1.2 million barrels per day (bpd), against 350,000 bpd."),
            [1.2e6, 350_000.0]
        );
    }

    #[test]
    fn decimal_commas_of_one_digit_only() {
        one(
            "The plan moves 1,4 mln families.",
            "1,4 mln",
            Number,
            1.4e6,
            None,
        );
        one("The rate is 3,5.", "3,5", Number, 3.5, None);
        // a unit glued after it, then the sentence's punctuation
        one("Inflation rose from 4,5%.", "4,5%", Percent, 4.5, Some("%"));
        one(
            "It fell from 4,5%, the bank said.",
            "4,5%",
            Percent,
            4.5,
            Some("%"),
        );
        // garbled table figures with something glued after the comma's digit are none
        assert!(read("Net profit 1,4;73,100").iter().all(|r| r.2 != 1.4));
        // two digits after the comma are a thousands figure with a digit lost, not 110.00
        assert!(read("The cover sold for $110,00 at auction.").is_empty());
        // a list of numbers with commas is none of them
        assert!(read("See items 12,14,16.").is_empty());
    }

    #[test]
    fn ranges_with_the_unit_after_both_ends() {
        // After "to", "between" or "a range of": one range, its ends read to the finer
        // precision of the two.
        for (text, span, low, high) in [
            (
                "The cut lowers the rate to 4.75% to 5%.",
                "4.75% to 5%",
                4.745,
                5.005,
            ),
            (
                "It set a range between 4.75% and 5%.",
                "4.75% and 5%",
                4.745,
                5.005,
            ),
            (
                "The target band of 2% to 2.25%.",
                "2% to 2.25%",
                1.995,
                2.255,
            ),
            ("Yields between 3% and 5% apply.", "3% and 5%", 2.5, 5.5),
            // A percent band hyphenated whole: no minus sign.
            ("A range of 4.25%-4.5% holds.", "4.25%-4.5%", 4.245, 4.505),
            ("It held at 4.25%–4.5%.", "4.25%–4.5%", 4.245, 4.505),
        ] {
            one(text, span, Percent, (low + high) / 2.0, Some("%"));
            let (l, h) = interval(text);
            assert!(close(l, low) && close(h, high), "{text}: {l}..{h}");
        }
        // A change and a level, a move, and ends in other units stay two figures.
        for text in [
            "Sales rose 5% to 7% of revenue.",
            "The rate went from 5% to 7% last year.",
            "It moved to 5% to reach 7 pct.",
            "The yield was between 5% and 7 dlrs.",
            "The rate fell to 7% to 5% in a year.",
            "Load factor fell to 36.3 pct to 40.3 pct a year before.",
            // A range already read is not read again as the first end of another.
            "It kept a range of 5-7% to 9%.",
            // Spaced, or falling: no band.
            "Margins were 4.5% - 4.25% lower.",
            "It went 4.5%-4.25% in a day.",
        ] {
            assert_eq!(read(text).len(), 2, "{text}: {:?}", read(text));
        }
    }

    #[test]
    fn new_currency_words_and_subunits() {
        one(
            "The coin was worth 3 dimes.",
            "3 dimes",
            Currency,
            0.3,
            Some("USD"),
        );
        one(
            "It costs 20 ringgit and 43 sen.",
            "20 ringgit and 43 sen",
            Currency,
            20.43,
            Some("MYR"),
        );
        one(
            "Fare: UAH3.50 per ride.",
            "UAH3.50",
            Currency,
            3.5,
            Some("UAH"),
        );
        one("A bowl costs 15元.", "15元", Currency, 15.0, Some("CNY"));
        one(
            "The dam cost Rs 300 cr.",
            "Rs 300 cr",
            Currency,
            3e9,
            Some("INR"),
        );
    }

    #[test]
    fn currency_codes_prefixes_and_words_of_more_countries() {
        let cases: &[(&str, &str, f64, &str)] = &[
            ("It totalled AED 88 billion.", "AED 88 billion", 88e9, "AED"),
            (
                "Revenue was Tk76751 crore.",
                "Tk76751 crore",
                767.51e9,
                "BDT",
            ),
            (
                "Earnings hit KSh 141 billion.",
                "KSh 141 billion",
                141e9,
                "KES",
            ),
            ("A visa costs Dhs 300 now.", "Dhs 300", 300.0, "AED"),
            ("It paid 500 dirhams.", "500 dirhams", 500.0, "AED"),
            ("It paid 300 taka.", "300 taka", 300.0, "BDT"),
            ("It fell 50 kobo.", "50 kobo", 0.5, "NGN"),
            ("It was 800 mln forints.", "800 mln forints", 800e6, "HUF"),
            (
                "Output was 3.1 billion zlotys.",
                "3.1 billion zlotys",
                3.1e9,
                "PLN",
            ),
            (
                "Inflows were PKR 2.1 trillion.",
                "PKR 2.1 trillion",
                2.1e12,
                "PKR",
            ),
            (
                "Exports rose to JD4.198 billion.",
                "JD4.198 billion",
                4.198e9,
                "JOD",
            ),
            (
                "Deposits hit KD 1.2 billion.",
                "KD 1.2 billion",
                1.2e9,
                "KWD",
            ),
            ("Profit was QR 9.5 billion.", "QR 9.5 billion", 9.5e9, "QAR"),
            (
                "Spending is SR 1.25 trillion.",
                "SR 1.25 trillion",
                1.25e12,
                "SAR",
            ),
            ("Petrol costs ₦617 a litre.", "₦617", 617.0, "NGN"),
        ];
        for &(text, span, value, code) in cases {
            one(text, span, Currency, value, Some(code));
        }
        // Words that name several currencies name no country: amounts of a unit of their own.
        one(
            "Revenue reached 108.8bn riyals.",
            "108.8bn riyals",
            Quantity,
            108.8e9,
            Some("riyal"),
        );
        one(
            "It paid 40 dinars.",
            "40 dinars",
            Quantity,
            40.0,
            Some("dinar"),
        );
        one(
            "It cost 77 billion shillings.",
            "77 billion shillings",
            Quantity,
            77e9,
            Some("shilling"),
        );
        // In a text that writes one of the currencies the name may be, they are that one.
        let units = |text: &str| read(text).iter().map(|r| (r.1, r.3)).collect::<Vec<_>>();
        assert_eq!(
            units("It was SR 5 million riyals."),
            [(Currency, Some("SAR"))]
        );
        assert_eq!(
            units("Deposits were JD4.514 billion, against 4.473 billion dinars."),
            [(Currency, Some("JOD")), (Currency, Some("JOD"))]
        );
        assert_eq!(
            units("It was KD 1.2 billion, or JD 2.8 billion, and 9 million dinars."),
            [
                (Currency, Some("KWD")),
                (Currency, Some("JOD")),
                (Quantity, Some("dinar"))
            ]
        );
        // Pesos and crowns too; a nationality before the name says whose they are.
        one(
            "Sales were 5.5 million pesos.",
            "5.5 million pesos",
            Quantity,
            5.5e6,
            Some("peso"),
        );
        one(
            "Net was 500 mln Swedish crowns.",
            "500 mln Swedish crowns",
            Currency,
            500e6,
            Some("SEK"),
        );
        one(
            "It fell to 2.1 billion kronor.",
            "2.1 billion kronor",
            Currency,
            2.1e9,
            Some("SEK"),
        );
        assert_eq!(
            units("It was 9 billion Mexican pesos, against 8.2 billion pesos."),
            [(Currency, Some("MXN")), (Currency, Some("MXN"))]
        );
    }

    #[test]
    fn areas_volumes_and_units_with_a_scale_of_their_own() {
        one(
            "The mall has 1.2 million square feet.",
            "1.2 million square feet",
            Quantity,
            1.2e6,
            Some("ft2"),
        );
        one(
            "It leased 40,000 sq. ft of offices.",
            "40,000 sq. ft",
            Quantity,
            40e3,
            Some("ft2"),
        );
        one(
            "The flat is 85 sq m.",
            "85 sq m",
            Quantity,
            85.0,
            Some("m2"),
        );
        one(
            "The fire burnt 300 square miles.",
            "300 square miles",
            Quantity,
            300.0,
            Some("mi2"),
        );
        one(
            "Exports were 45.2 billion cubic metres.",
            "45.2 billion cubic metres",
            Quantity,
            45.2e9,
            Some("m3"),
        );
        one(
            "Flows fell to 40.1 bcm.",
            "40.1 bcm",
            Quantity,
            40.1e9,
            Some("m3"),
        );
        one(
            "Reserves are 12 tcf.",
            "12 tcf",
            Quantity,
            12e12,
            Some("ft3"),
        );
        // "square" and "cubic" before no length are no unit
        one("It has 12 square tables.", "12", Number, 12.0, None);
    }

    #[test]
    fn a_percent_hyphenated_and_points_abbreviated() {
        one(
            "a 9.6-percent increase",
            "9.6-percent",
            Percent,
            9.6,
            Some("%"),
        );
        one(
            "a nine-percent boost",
            "nine-percent",
            Percent,
            9.0,
            Some("%"),
        );
        one(
            "Load factor: -0.3 ppt.",
            "-0.3 ppt",
            Points,
            -0.3,
            Some("pp"),
        );
        one("down 2.3 ppts", "2.3 ppts", Points, 2.3, Some("pp"));
        one("It fell 0.3ppt.", "0.3ppt", Points, 0.3, Some("pp"));
        one("It rose 1.5pp.", "1.5pp", Points, 1.5, Some("pp"));
    }

    #[test]
    fn quarter_million_one_half_and_hundreds_side_by_side() {
        one(
            "Some quarter million people marched.",
            "Some quarter million people",
            Quantity,
            250000.0,
            Some("people"),
        );
        // "the quarter" is a period, not a fraction
        assert!(read("In the quarter million-dollar deals fell.").is_empty());
        one(
            "They raised two million and one half.",
            "two million and one half",
            Number,
            2.5e6,
            None,
        );
        let got = read("Plant 4 hundred and 7 hundred trees.");
        let values: Vec<f64> = got.iter().map(|r| r.2).collect();
        assert_eq!(values, [400.0, 700.0], "{got:?}");
        one(
            "Plant 4 hundred and 7 trees.",
            "4 hundred and 7",
            Number,
            407.0,
            None,
        );
    }

    #[test]
    fn fractions_before_of_and_ambiguous_and_a_third() {
        one("The gap is 1/40 of a hair.", "1/40", Number, 0.025, None);
        // could be a date (January 10): not read
        assert!(read("Cut 1/10 of the budget.").is_empty());
        // after a whole of twenty or more, "and a third" ending a clause may be an ordinal's
        // ellipsis: the whole alone is read; below twenty, or before a unit, it is a fraction
        one(
            "The score was forty two and a third",
            "forty two",
            Number,
            42.0,
            None,
        );
        one(
            "It took three and a third.",
            "three and a third",
            Number,
            10.0 / 3.0,
            None,
        );
        one(
            "It ran forty two and a half",
            "forty two and a half",
            Number,
            42.5,
            None,
        );
    }

    #[test]
    fn garbled_groups_and_codes_are_no_figures() {
        // three digits, a space, two digits and a unit: grouped as no convention groups
        assert!(read("It sold 245 23 yen.").is_empty());
        // but a count before a range is two figures
        assert_eq!(read("A sample of 500 21 to 25-year-olds.")[0].2, 500.0);
        // a catalogue designation goes on past a plus sign
        assert!(read("The cluster MACS J0416.1+2403 is far.").is_empty());
    }

    #[test]
    fn thousands_spaced_by_a_space() {
        one(
            "It cost 10 000 dollars.",
            "10 000 dollars",
            Currency,
            1e4,
            Some("USD"),
        );
        one(
            "The city has 1 414 021 residents.",
            "1 414 021 residents",
            Quantity,
            1_414_021.0,
            Some("people"),
        );
        // One group after a currency: "Tk 23 641 crore" is 236.41 billion taka.
        one(
            "Revenue was Tk 23 641 crore.",
            "Tk 23 641 crore",
            Currency,
            236_410_000_000.0,
            Some("BDT"),
        );
        one(
            "Exports were €12 500 million.",
            "€12 500 million",
            Currency,
            12_500_000_000.0,
            Some("EUR"),
        );
        // Not groups: a group of another length, a hyphenated word, columns.
        let got = read("Scores of 1 2345 and 10 100-metre races.");
        assert!(got.iter().all(|m| m.2 < 10_000.0), "{got:?}");
        for text in [
            "It ordered 36 100 kilowatt transmitters.",
            "The deal ended at 108 109 pct.",
            "Backlog at January 31 747 mln dlrs.",
        ] {
            let got = read(text);
            assert!(
                got.iter().all(|m| m.2 < 10_000.0 || m.2 > 1e8),
                "{text}: {got:?}"
            );
        }
        let got = read("Call 0800 555 111 or 0845 8 505 505.");
        assert!(got.iter().all(|m| m.2 < 1000.0), "{got:?}");
        let got = read("Rows 12  345 and 7 123 4.");
        assert!(got.iter().all(|m| m.2 < 10_000.0), "{got:?}");
    }

    #[test]
    fn one_group_is_a_figure_where_the_text_spaces_its_thousands() {
        // Round thousands or two groups elsewhere tell the convention.
        // So do three such pairs: "6 163 murders ..., up by 1 056 ... 9 556 rapes".
        for text in [
            "Sales fell to 37 403 units, more than 4 000 units down.",
            "Sales fell to 37 403 units; the city has 1 414 021 residents.",
            "Sales fell to 37 403 units from 38 922, and 9 556 were cars.",
        ] {
            let got = read(text);
            assert!(got.iter().any(|m| m.2 == 37_403.0), "{text}: {got:?}");
        }
        // Without them, two numbers side by side stay two, and a date does not tell.
        for text in [
            "Sales fell to 37 403 units.",
            "Sales fell to 37 403 units from 38 922.",
            "On May 15 000 units were sold, and 37 403 units in June.",
        ] {
            let got = read(text);
            assert!(
                !got.iter().any(|m| m.2 == 37_403.0 || m.2 == 36_100.0),
                "{text}: {got:?}"
            );
        }
        // A scale word after one group tells too, not after a month's day.
        let got = read("The forecast rose to 2 566 million tonnes.");
        assert!(got.iter().any(|m| m.2 == 2_566e6), "{got:?}");
        let got = read("It sold on July 6 100 mln dlrs of debentures.");
        assert!(got.iter().any(|m| m.2 == 100e6), "{got:?}");
        assert!(!got.iter().any(|m| m.2 == 6_100e6), "{got:?}");
    }
}
