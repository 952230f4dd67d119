//! Period phrases in a sentence ("in June", "the first half of 2025", "year-on-year", "the
//! same period in 2024", "fiscal 1987"), resolved against the article date.

use crate::extract::tokens::{Kind, Token};
use crate::extract::Low;
use crate::lang::en;
use crate::lang::shapes::Shapes;
use crate::period::{Date, Period};

/// A period as written, before it is resolved against a claim's own period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodRef {
    Absolute(Period),
    /// "a year earlier", "year-on-year", "the same period last year".
    YearEarlier,
    /// "the same period in 2024".
    SameIn(i32),
    /// "last month", "the previous quarter", "month-on-month".
    Previous,
    /// "last year": a year on its own, or the year-earlier period in a comparison.
    LastYear(i32),
}

impl PeriodRef {
    /// The period this phrase names, given the period of the figure it is compared with.
    pub fn resolve(&self, current: Option<Period>) -> Option<Period> {
        match *self {
            PeriodRef::Absolute(p) => Some(p),
            PeriodRef::YearEarlier => current.map(|c| c.years_earlier(1)),
            PeriodRef::SameIn(y) => current.map(|c| c.years_earlier(c.year() - y)),
            PeriodRef::Previous => current.map(|c| c.previous()),
            PeriodRef::LastYear(y) => Some(match current {
                Some(c) if !matches!(c, Period::Year(_)) => c.years_earlier(1),
                _ => Period::Year(y),
            }),
        }
    }

    /// Phrases that only make sense as the other side of a comparison.
    pub fn is_comparison(&self) -> bool {
        matches!(
            self,
            PeriodRef::YearEarlier | PeriodRef::SameIn(_) | PeriodRef::Previous
        )
    }
}

/// A period phrase in the token stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PeriodMark {
    pub first: usize,
    pub end: usize,
    pub period: PeriodRef,
    /// Introduced by "from", "compared with", "than", "that of", "against"...: the
    /// baseline's period.
    pub baseline: bool,
}

struct Cursor<'a> {
    text: &'a str,
    toks: &'a [Token],
}

impl<'a> Cursor<'a> {
    fn low(&self, i: usize) -> Option<Low<'a>> {
        self.toks.get(i)?.low(self.text)
    }
    fn is(&self, i: usize, w: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.text(self.text).eq_ignore_ascii_case(w))
    }
    fn year(&self, i: usize) -> Option<i32> {
        let t = self.toks.get(i)?;
        let s = t.text(self.text);
        if t.kind != Kind::Num || s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if self
            .toks
            .get(i + 1)
            .is_some_and(|n| !n.space_before && n.kind != Kind::Punct)
        {
            return None;
        }
        s.parse().ok().filter(|y| (1900..=2100).contains(y))
    }
    fn capitalized(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.text(self.text).starts_with(|c: char| c.is_uppercase()))
    }
    fn small_num(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Num && t.text(self.text).len() <= 2 && t.space_before)
    }
}

/// Resolves a month without a year: the most recent such month not after the article date.
fn month_year(month: u8, date: Option<Date>) -> Option<i32> {
    let d = date?;
    Some(if month > d.month { d.year - 1 } else { d.year })
}

/// Finds every period phrase in `toks[first..end]`.
pub fn find(
    text: &str,
    toks: &[Token],
    first: usize,
    end: usize,
    date: Option<Date>,
    out: &mut Vec<PeriodMark>,
) {
    out.clear();
    let c = Cursor { text, toks };
    let mut i = first;
    while i < end {
        let Some((period, next)) = period_at(&c, i, end, date) else {
            i += 1;
            continue;
        };
        let baseline = period.is_comparison() || introduced_as_baseline(&c, i, first);
        let start = if i > first
            && matches!(
                c.low(i - 1).as_deref(),
                Some("in" | "for" | "during" | "of")
            ) {
            i - 1
        } else {
            i
        };
        out.push(PeriodMark {
            first: start,
            end: next,
            period,
            baseline,
        });
        i = next.max(i + 1);
    }
}

/// "from May", "compared with May", "than in May", "that of May", "over the same period".
fn introduced_as_baseline(c: &Cursor, i: usize, first: usize) -> bool {
    let mut k = i;
    // skip "the", "in", "a"
    while k > first
        && matches!(
            c.low(k - 1).as_deref(),
            Some("the" | "in" | "a" | "its" | "of" | "levels" | "level")
        )
    {
        if c.is(k - 1, "of")
            && k >= 2
            && (c.is(k - 2, "that") || c.is(k - 2, "those") || c.is(k - 2, "level"))
        {
            return true;
        }
        k -= 1;
    }
    if k == first {
        return false;
    }
    matches!(
        c.low(k - 1).as_deref(),
        Some("from" | "than" | "against" | "versus" | "vs" | "over" | "since" | "with" | "to")
    ) && (!c.is(k - 1, "with") || (k >= first + 2 && c.is(k - 2, "compared")))
        && (!c.is(k - 1, "to")
            || (k >= first + 2 && (c.is(k - 2, "compared") || c.is(k - 2, "relative"))))
}

/// The words a period phrase can start with, besides a year: months, ordinals and the
/// words matched in [`period_at`] (keep the two in step).
const STARTS: Shapes = {
    let mut s = Shapes::EMPTY.with_all(&[
        "fiscal", "fy", "q", "h", "last", "this", "previous", "prior", "a", "the", "same", "year",
        "month", "quarter",
    ]);
    let mut i = 0;
    while i < en::MONTHS.len() {
        s = s.with(en::MONTHS[i].0);
        i += 1;
    }
    let mut i = 0;
    while i < en::ORDINALS.len() {
        s = s.with(en::ORDINALS[i].0);
        i += 1;
    }
    s
};

fn period_at(c: &Cursor, i: usize, end: usize, date: Option<Date>) -> Option<(PeriodRef, usize)> {
    let t = c.toks[i];
    if t.kind == Kind::Word && !t.may_be_in(&STARTS) {
        return None;
    }
    let w = c.low(i);
    let ref_year = date.map(|d| d.year);
    if let Some(w) = w.as_deref() {
        // Months: "June", "June 2024", but not dates ("May 10") nor the verb "may".
        if let Some(m) = en::month(w) {
            if !c.capitalized(i)
                || c.small_num(i + 1)
                || (w == "may"
                    && c.low(i + 1).is_some_and(|n| {
                        matches!(&*n, "be" | "have" | "not" | "also" | "well" | "still")
                    }))
            {
                return None;
            }
            if w.len() <= 3
                && c.toks.get(i + 1).is_some_and(|t| t.text(c.text) == ".")
                && c.small_num(i + 2)
            {
                return None;
            }
            if let Some(y) = c.year(i + 1) {
                return Some((PeriodRef::Absolute(Period::Month(y, m)), i + 2));
            }
            let y = month_year(m, date)?;
            return Some((PeriodRef::Absolute(Period::Month(y, m)), i + 1));
        }
        // "first quarter", "4th qtr", "first half", "second half of 2025"
        if let Some(n) = en::ordinal(w) {
            let unit = c.low(i + 1);
            let kind = match unit.as_deref() {
                Some("quarter" | "qtr" | "quarters") => Some(4u8),
                Some("half") => Some(2u8),
                _ => None,
            };
            if let Some(max) = kind {
                if n <= max {
                    let mut next = i + 2;
                    let year = if c.is(next, "of") && c.year(next + 1).is_some() {
                        next += 2;
                        c.year(next - 1)
                    } else if let Some(y) = c.year(next) {
                        next += 1;
                        Some(y)
                    } else if c.is(next, "of") && c.is(next + 1, "this") && c.is(next + 2, "year") {
                        next += 3;
                        ref_year
                    } else if c.is(next, "of") && c.is(next + 1, "last") && c.is(next + 2, "year") {
                        next += 3;
                        ref_year.map(|y| y - 1)
                    } else {
                        date.map(|d| {
                            let current = if max == 4 {
                                (d.month - 1) / 3 + 1
                            } else {
                                (d.month - 1) / 6 + 1
                            };
                            if n > current {
                                d.year - 1
                            } else {
                                d.year
                            }
                        })
                    };
                    let y = year?;
                    let p = if max == 4 {
                        Period::Quarter(y, n)
                    } else {
                        Period::Half(y, n)
                    };
                    return Some((PeriodRef::Absolute(p), next));
                }
            }
        }
        match w {
            "fiscal" | "fy" => {
                let k = if c.is(i + 1, "year") { i + 2 } else { i + 1 };
                if let Some(y) = c.year(k) {
                    return Some((PeriodRef::Absolute(Period::Fiscal(y)), k + 1));
                }
            }
            "q" | "h"
                if c.toks
                    .get(i + 1)
                    .is_some_and(|t| !t.space_before && t.kind == Kind::Num) =>
            {
                let n: u8 = c.toks[i + 1].text(c.text).parse().ok()?;
                let max = if w == "q" { 4 } else { 2 };
                if !(1..=max).contains(&n) {
                    return None;
                }
                let (y, next) = match c.year(i + 2) {
                    Some(y) => (Some(y), i + 3),
                    None => (ref_year, i + 2),
                };
                let y = y?;
                let p = if w == "q" {
                    Period::Quarter(y, n)
                } else {
                    Period::Half(y, n)
                };
                return Some((PeriodRef::Absolute(p), next));
            }
            "last" | "this" | "previous" | "prior" | "a" | "the" | "same" | "year" | "month"
            | "quarter" => {
                return relative(c, i, end, date);
            }
            _ => {}
        }
        return None;
    }
    // A bare year: "in 2024", "2025's".
    let y = c.year(i)?;
    if i > 0
        && matches!(
            c.low(i - 1).as_deref(),
            Some(
                "in" | "for" | "of" | "during" | "since" | "from" | "than" | "to" | "and" | "with"
            )
        )
    {
        return Some((PeriodRef::Absolute(Period::Year(y)), i + 1));
    }
    None
}

/// "last year", "a year earlier", "year-on-year", "the same period in 2024", "last month".
fn relative(c: &Cursor, i: usize, end: usize, date: Option<Date>) -> Option<(PeriodRef, usize)> {
    let w = c.low(i)?;
    let ref_year = date.map(|d| d.year);
    let seq = |k: usize, words: &[&str]| {
        words
            .iter()
            .enumerate()
            .all(|(n, w)| k + n < end && c.is(k + n, w))
    };
    // "year-on-year", "year-over-year", "month-on-month", "quarter-on-quarter"
    for (unit, rel) in [
        ("year", PeriodRef::YearEarlier),
        ("month", PeriodRef::Previous),
        ("quarter", PeriodRef::Previous),
    ] {
        if &*w == unit
            && (seq(i, &[unit, "-", "on", "-", unit]) || seq(i, &[unit, "-", "over", "-", unit]))
        {
            return Some((rel, i + 5));
        }
    }
    match &*w {
        "last" | "this" | "previous" | "prior" => {
            let unit = c.low(i + 1)?;
            let back = &*w != "this";
            return match &*unit {
                "year" => Some((
                    if back {
                        PeriodRef::LastYear(ref_year? - 1)
                    } else {
                        PeriodRef::Absolute(Period::Year(ref_year?))
                    },
                    i + 2,
                )),
                "month" | "quarter" if back => Some((PeriodRef::Previous, i + 2)),
                _ => None,
            };
        }
        // "a year earlier", "a year ago", "a year before"
        "a" if i + 2 < end
            && c.is(i + 1, "year")
            && matches!(c.low(i + 2).as_deref(), Some("earlier" | "ago" | "before")) =>
        {
            return Some((PeriodRef::YearEarlier, i + 3));
        }
        "the" => {
            let next = if i + 2 < end { c.low(i + 1) } else { None };
            let third = || c.low(i + 2);
            match next.as_deref() {
                // "the previous year", "the prior year", "the previous month/quarter"
                Some("previous" | "prior") => match third().as_deref() {
                    Some("year") => return Some((PeriodRef::YearEarlier, i + 3)),
                    Some("month" | "quarter") if next.as_deref() == Some("previous") => {
                        return Some((PeriodRef::Previous, i + 3))
                    }
                    _ => {}
                },
                // "the year before", "the month before"
                Some(unit @ ("year" | "month")) if c.is(i + 2, "before") => {
                    return Some((
                        if unit == "year" {
                            PeriodRef::YearEarlier
                        } else {
                            PeriodRef::Previous
                        },
                        i + 3,
                    ));
                }
                _ => {}
            }
            if c.is(i + 1, "same") {
                // "the same period/month/quarter (in|of) 2024", "... last year", "... a year earlier"
                let unit = c.low(i + 2)?;
                if !matches!(
                    &*unit,
                    "period" | "month" | "quarter" | "time" | "half" | "months" | "period's"
                ) {
                    return None;
                }
                let k = i + 3;
                if (c.is(k, "in") || c.is(k, "of")) && c.year(k + 1).is_some() {
                    return Some((PeriodRef::SameIn(c.year(k + 1)?), k + 2));
                }
                if let Some(y) = c.year(k) {
                    return Some((PeriodRef::SameIn(y), k + 1));
                }
                if seq(k, &["last", "year"])
                    || seq(k, &["a", "year", "earlier"])
                    || seq(k, &["a", "year", "ago"])
                    || seq(k, &["of", "last", "year"])
                    || seq(k, &["the", "previous", "year"])
                {
                    let len = if c.is(k, "last") { 2 } else { 3 };
                    return Some((PeriodRef::YearEarlier, k + len));
                }
                return Some((PeriodRef::YearEarlier, k));
            }
        }
        _ => {}
    }
    None
}
