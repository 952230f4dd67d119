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
    let scanner = Scanner {
        text: &doc.text,
        toks: &ex.tokens,
        lang: doc.lang,
    };
    let mut i = 0;
    while i < ex.tokens.len() {
        let step = match ex.tokens[i].kind {
            Kind::Num => scanner.numeric(i),
            Kind::Word => scanner.worded(i),
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
    ex
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
}

/// How much "about", "nearly" and friends widen a number: relative to its value.
/// "about 50" allows 45 to 55; "nearly 50" allows 45 up to 50.
pub const APPROX_RELATIVE: f64 = 0.10;

impl<'a> Scanner<'a> {
    fn tok(&self, i: usize) -> Option<&Token> {
        self.toks.get(i)
    }

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

    /// Scale and unit after a number whose last token is `j - 1`.
    fn tail(&self, mut j: usize) -> Tail {
        let mut scale = 1.0;
        let n = &self.lang.numbers;
        if let Some(t) = self.tok(j) {
            let attached = || t.look_up(self.text, &n.attached_scales);
            if let Some(s) = t
                .look_up(self.text, &n.scales)
                .or_else(|| attached().filter(|_| self.glued(j)))
            {
                scale = s;
                j += 1;
            }
        }
        let unit = self.unit_at(&mut j);
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

    fn unit_at(&self, j: &mut usize) -> Unit {
        let u = &self.lang.units;
        let i = *j;
        if self.is_punct(i, "%") {
            *j = i + 1;
            return self.points_after(j, Unit::Percent);
        }
        // Most words after a number are no unit: one shape test turns them down.
        if self
            .tok(i)
            .is_some_and(|t| t.kind == Kind::Word && !t.may_be_in(&u.starts))
        {
            return Unit::None;
        }
        let Some(w) = self.low(i) else {
            // "-fold"
            if (self.is_punct(i, "-")) && self.is_word(i + 1, u.fold) && self.glued(i + 1) {
                *j = i + 2;
                return Unit::Times;
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
        if same(w, u.percentage) && self.is_any(i + 1, &u.points) {
            *j = i + 2;
            return Unit::Points(1.0);
        }
        if same(w, u.basis) && self.is_any(i + 1, &u.points) {
            *j = i + 2;
            return Unit::Points(0.01);
        }
        if u.basis_points.contains(w) {
            *j = i + 1;
            return Unit::Points(0.01);
        }
        if u.times.contains(w) {
            *j = i + 1;
            return Unit::Times;
        }
        if let Some((code, factor)) = u.currencies.get(w) {
            *j = i + 1;
            return Unit::Currency(code, factor);
        }
        if let Some(code) = u.currency_adjectives.get(w) {
            if let Some((_, factor)) = self.low(i + 1).and_then(|n| u.currencies.get(&n)) {
                *j = i + 2;
                return Unit::Currency(code, factor);
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
        if u.ton_qualifiers.contains(w) {
            if let Some(code) = self.low(i + 1).and_then(|n| u.quantities.get(&n)) {
                if code == "t" {
                    *j = i + 2;
                    return Unit::Quantity(code);
                }
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
        Unit::None
    }

    /// "5 pct points", "2 percent point".
    fn points_after(&self, j: &mut usize, unit: Unit) -> Unit {
        if self.is_any(*j, &self.lang.units.points_after_percent) {
            *j += 1;
            return Unit::Points(1.0);
        }
        unit
    }

    /// Currency symbol or code right before token `i`: (first token, code).
    fn currency_prefix(&self, i: usize) -> Option<(usize, &'static str)> {
        let p = i.checked_sub(1)?;
        let t = self.tok(p)?;
        if t.kind == Kind::Punct {
            let code = self.lang.units.currency_symbols.get(t.text(self.text))?;
            if code == "USD" && self.glued(p) {
                if let Some(q) = p.checked_sub(1) {
                    if let Some(c) = self
                        .low(q)
                        .and_then(|w| self.lang.units.dollar_prefixes.get(&w))
                    {
                        return Some((q, c));
                    }
                }
            }
            return Some((p, code));
        }
        if t.kind == Kind::Word {
            let raw = t.text(self.text);
            if raw.len() == 3 && raw.bytes().all(|b| b.is_ascii_uppercase()) {
                let w = Low::new(raw)?;
                if let Some((code, 1.0)) = self.lang.units.currencies.get(&w) {
                    return Some((p, code));
                }
            }
            if let Some(&(_, code)) = self
                .lang
                .units
                .cased_currency_prefixes
                .iter()
                .find(|(prefix, _)| *prefix == raw)
            {
                return Some((p, code));
            }
        }
        None
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
                return Some((first, canonical, *bound));
            }
        }
        None
    }

    /// Is the number at `i` a day of a date ("May 10", "10 May", "July 20th")?
    fn is_day_of_date(&self, i: usize) -> bool {
        (i > 0 && self.is_month(i - 1))
            || self.is_month(i + 1)
            || (self.is_word(i + 1, self.lang.units.day_of) && self.is_month(i + 2))
    }

    fn numeric(&self, i: usize) -> Step {
        let t = self.toks[i];
        let raw = t.text(self.text);
        if self.glued_to_code(i) {
            return Step::Skip(self.skip_code(i + 1));
        }
        let (mut j, attached_scale) = match self.glued_suffix(i + 1) {
            Ok(next) => next,
            Err(skip_to) => return Step::Skip(skip_to),
        };
        let Some(num) = numeral::parse(raw) else {
            return Step::Skip(j);
        };
        if self.is_day_of_date(i) && num.decimals == 0 && !num.grouped && num.value <= 31.0 {
            return Step::Skip(j);
        }
        let mut second: Option<Numeral> = None;
        let mut number_end = t.end;
        if attached_scale.is_none() {
            match self.hyphenated_range(j) {
                Err(skip_to) => return Step::Skip(skip_to),
                Ok(Some(n2)) => {
                    second = Some(n2);
                    number_end = self.toks[j + 1].end;
                    j += 2;
                }
                Ok(None) => {}
            }
        }
        let mut first = i;
        let mut negative = false;
        if i > 0
            && (self.is_punct(i - 1, "-") || self.is_punct(i - 1, "−"))
            && !self.toks[i].space_before
            && self.toks[i - 1].space_before
        {
            negative = true;
            first = i - 1;
        }
        let prefix = self.currency_prefix(first);
        if let Some((p, _)) = prefix {
            first = p;
        }
        let tail = match attached_scale {
            Some(s) => {
                let mut k = j;
                let unit = self.unit_at(&mut k);
                Tail {
                    end: k,
                    scale: s,
                    unit,
                }
            }
            None => self.tail(j),
        };
        // "between 5 and 7 pct"; "19.8 to 20.2 pct", "12.4 to 12.6 mln tonnes" (but not
        // "from 5 to 7 pct", which is a change).
        let mut end = tail.end;
        let mut tail = tail;
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
            }
        }
        let has_unit = tail.unit != Unit::None || prefix.is_some() || tail.scale != 1.0;
        // Years: a bare four-digit integer.
        if !has_unit
            && second.is_none()
            && num.decimals == 0
            && !num.grouped
            && num.int_digits == 4
            && (1000.0..2200.0).contains(&num.value)
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
        let (kind, unit_code, factor, zeros_round) = kind_of(tail.unit, prefix.map(|(_, c)| c));
        let factor = factor * tail.scale;
        let mut rounded = num.rounded(factor, zeros_round);
        let mut truncated = if matches!(kind, MentionKind::Percent | MentionKind::Points) {
            num.truncated(factor, zeros_round)
        } else {
            rounded
        };
        let mut value = num.value * factor;
        let range = second.is_some();
        if let Some(n2) = second {
            let r2 = n2.rounded(factor, zeros_round);
            rounded = rounded.hull(&r2);
            truncated = rounded;
            value = (value + n2.value * factor) / 2.0;
        }
        if negative {
            value = -value;
            rounded = rounded.scale(-1.0);
            truncated = truncated.scale(-1.0);
        }
        let (approx_word, bound) = approx.map_or((None, Bound::Exact), |(_, w, b)| (Some(w), b));
        let interval = widen(rounded, value, bound);
        let truncated = if bound == Bound::Exact {
            truncated
        } else {
            interval
        };
        let span = Span::new(self.toks[first].start, self.toks[end.max(i + 1) - 1].end);
        if !value.is_finite() {
            return Step::Skip(end);
        }
        Step::Found(
            Mention {
                span,
                number_span: Span::new(t.start, number_end),
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

    /// Whether the number at `i` is glued to what comes before it, as in a code: "G7",
    /// "COVID-19", "A320".
    fn glued_to_code(&self, i: usize) -> bool {
        let t = self.toks[i];
        if t.space_before || i == 0 {
            return false;
        }
        let p = self.toks[i - 1];
        p.kind == Kind::Word
            || matches!(p.text(self.text), "-" | "/" | "." | ":")
                && i > 1
                && !p.space_before
                && matches!(self.toks[i - 2].kind, Kind::Word | Kind::Num)
    }

    /// A suffix glued to the number whose next token is `j`: a scale ("5m", "1.2bn") gives
    /// the token after it and the scale; a unit ("5pct", "3x") or nothing gives `j`; an
    /// ordinal, a time or a code ("20th", "5pm", "10:30", "1987/88", "7E") is not a quantity:
    /// `Err` with the token to go on from.
    fn glued_suffix(&self, mut j: usize) -> Result<(usize, Option<f64>), usize> {
        let mut attached_scale = None;
        if let Some(n) = self.tok(j) {
            if n.kind == Kind::Word && !n.space_before {
                let Some(w) = self.low(j) else {
                    return Err(j + 1);
                };
                let w = w.as_str();
                let u = &self.lang.units;
                if u.numeral_suffixes.contains(w) {
                    return Err(j + 1);
                }
                if let Some(s) = self.scale(w, true) {
                    attached_scale = Some(s);
                    j += 1;
                } else if !(u.percent.contains(w)
                    || u.quantities.get(w).is_some()
                    || u.currencies.get(w).is_some()
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

    /// Skips the rest of a code like "COVID-19" or "747-400": glued words, numbers, hyphens.
    fn skip_code(&self, mut j: usize) -> usize {
        while let Some(t) = self.tok(j) {
            if t.space_before
                || !(t.kind != Kind::Punct || matches!(t.text(self.text), "-" | "/" | "."))
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
        let Some((value, fraction, j)) = words::written_value(self, i) else {
            return Step::Skip(i + 1);
        };
        let tail = self.tail(j);
        if fraction {
            if !self.is_word(j, self.lang.claims.of) {
                return Step::Skip(j);
            }
        } else if tail.unit == Unit::None && tail.scale == 1.0 && value < 2.0 {
            return Step::Skip(j);
        }
        let mut first = i;
        let approx = self.approximator(first);
        if let Some((a, _, _)) = approx {
            first = a;
        }
        // Numbers in words take no currency symbol; their rounding is the word's own.
        let (kind, unit, factor, _) = kind_of(tail.unit, None);
        let factor = factor * tail.scale;
        let value = value * factor;
        let half = if fraction {
            value * APPROX_RELATIVE
        } else {
            0.5 * factor
        };
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
