//! Period phrases in a sentence ("in June", "the first half of 2025", "year-on-year", "the
//! same period in 2024", "fiscal 1987"), resolved against the article date.

use crate::extract::tokens::{Kind, Token};
use crate::extract::Low;
use crate::lang::{same, Language, PeriodWords, Words};
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
    lang: &'static Language,
    /// The period words of `lang`.
    w: &'static PeriodWords,
}

impl<'a> Cursor<'a> {
    fn low(&self, i: usize) -> Option<Low<'a>> {
        self.toks.get(i)?.low(self.text)
    }
    fn is(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.is(self.text, w))
    }
    fn is_any(&self, i: usize, words: &Words) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_in(self.text, words))
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
    lang: &'static Language,
    text: &str,
    toks: &[Token],
    first: usize,
    end: usize,
    date: Option<Date>,
    out: &mut Vec<PeriodMark>,
) {
    out.clear();
    let c = Cursor {
        text,
        toks,
        lang,
        w: &lang.periods,
    };
    let mut i = first;
    while i < end {
        let Some((period, next)) = period_at(&c, i, end, date) else {
            i += 1;
            continue;
        };
        let baseline = period.is_comparison() || introduced_as_baseline(&c, i, first);
        let start = if i > first && c.is_any(i - 1, &c.w.prepositions) {
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
    let w = c.w;
    while k > first && c.is_any(k - 1, &w.baseline_skip) {
        if c.is(k - 1, w.that_of.1) && k >= 2 && c.is_any(k - 2, &w.that_of.0) {
            return true;
        }
        k -= 1;
    }
    if k == first {
        return false;
    }
    c.is_any(k - 1, &w.baseline_words)
        && (!c.is(k - 1, w.with) || (k >= first + 2 && c.is(k - 2, w.compared)))
        && (!c.is(k - 1, w.to)
            || (k >= first + 2 && (c.is(k - 2, w.compared) || c.is(k - 2, w.relative))))
}

fn period_at(c: &Cursor, i: usize, end: usize, date: Option<Date>) -> Option<(PeriodRef, usize)> {
    let t = c.toks[i];
    let pw = c.w;
    if t.kind == Kind::Word && !t.may_be_in(&pw.starts) {
        return None;
    }
    let w = c.low(i);
    let ref_year = date.map(|d| d.year);
    if let Some(w) = w.as_deref() {
        // Months: "June", "June 2024", but not dates ("May 10") nor the verb "may".
        if let Some(m) = c.lang.units.months.get(w) {
            if !c.capitalized(i)
                || c.small_num(i + 1)
                || (same(w, pw.may_verb.0) && c.is_any(i + 1, &pw.may_verb.1))
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
        if let Some(n) = pw.ordinals.get(w) {
            let kind = if c.is_any(i + 1, &pw.quarters) {
                Some(4u8)
            } else if c.low(i + 1).is_some_and(|u| same(&u, pw.half)) {
                Some(2u8)
            } else {
                None
            };
            if let Some(max) = kind {
                if n <= max {
                    let mut next = i + 2;
                    let year = if c.is(next, pw.of) && c.year(next + 1).is_some() {
                        next += 2;
                        c.year(next - 1)
                    } else if let Some(y) = c.year(next) {
                        next += 1;
                        Some(y)
                    } else if c.is(next, pw.of)
                        && c.is(next + 1, pw.this)
                        && c.is(next + 2, pw.year)
                    {
                        next += 3;
                        ref_year
                    } else if c.is(next, pw.of)
                        && c.is(next + 1, pw.last)
                        && c.is(next + 2, pw.year)
                    {
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
        if pw.fiscal.contains(w) {
            let k = if c.is(i + 1, pw.year) { i + 2 } else { i + 1 };
            if let Some(y) = c.year(k) {
                return Some((PeriodRef::Absolute(Period::Fiscal(y)), k + 1));
            }
        } else if (same(w, pw.quarter_letter) || same(w, pw.half_letter))
            && c.toks
                .get(i + 1)
                .is_some_and(|t| !t.space_before && t.kind == Kind::Num)
        {
            let quarter = same(w, pw.quarter_letter);
            let n: u8 = c.toks[i + 1].text(c.text).parse().ok()?;
            let max = if quarter { 4 } else { 2 };
            if !(1..=max).contains(&n) {
                return None;
            }
            let (y, next) = match c.year(i + 2) {
                Some(y) => (Some(y), i + 3),
                None => (ref_year, i + 2),
            };
            let y = y?;
            let p = if quarter {
                Period::Quarter(y, n)
            } else {
                Period::Half(y, n)
            };
            return Some((PeriodRef::Absolute(p), next));
        } else if pw.relative_starts.contains(w) {
            return relative(c, i, end, date);
        }
        return None;
    }
    // A bare year: "in 2024", "2025's".
    let y = c.year(i)?;
    if i > 0 && c.is_any(i - 1, &pw.year_prepositions) {
        return Some((PeriodRef::Absolute(Period::Year(y)), i + 1));
    }
    None
}

/// "last year", "a year earlier", "year-on-year", "the same period in 2024", "last month".
fn relative(c: &Cursor, i: usize, end: usize, date: Option<Date>) -> Option<(PeriodRef, usize)> {
    let pw = c.w;
    let w = c.low(i)?;
    let w = &*w;
    let ref_year = date.map(|d| d.year);
    let seq = |k: usize, words: &[&str]| {
        words
            .iter()
            .enumerate()
            .all(|(n, w)| k + n < end && c.is(k + n, w))
    };
    // "year-on-year", "year-over-year", "month-on-month", "quarter-on-quarter"
    for (unit, rel) in [
        (pw.year, PeriodRef::YearEarlier),
        (pw.month, PeriodRef::Previous),
        (pw.quarter, PeriodRef::Previous),
    ] {
        if w == unit
            && i + 4 < end
            && c.is(i + 1, "-")
            && c.is_any(i + 2, &pw.on_over)
            && c.is(i + 3, "-")
            && c.is(i + 4, unit)
        {
            return Some((rel, i + 5));
        }
    }
    if pw.back.contains(w) || same(w, pw.this) {
        let unit = c.low(i + 1)?;
        let back = !same(w, pw.this);
        return if same(&unit, pw.year) {
            Some((
                if back {
                    PeriodRef::LastYear(ref_year? - 1)
                } else {
                    PeriodRef::Absolute(Period::Year(ref_year?))
                },
                i + 2,
            ))
        } else if (same(&unit, pw.month) || same(&unit, pw.quarter)) && back {
            Some((PeriodRef::Previous, i + 2))
        } else {
            None
        };
    }
    // "a year earlier", "a year ago", "a year before"
    if same(w, pw.a) && i + 2 < end && c.is(i + 1, pw.year) && c.is_any(i + 2, &pw.ago) {
        return Some((PeriodRef::YearEarlier, i + 3));
    }
    if !same(w, pw.the) {
        return None;
    }
    let next = if i + 2 < end { c.low(i + 1) } else { None };
    let next = next.as_deref();
    let third = || c.low(i + 2);
    // "the previous year", "the prior year", "the previous month/quarter"
    if next.is_some_and(|x| same(x, pw.previous)) || next.is_some_and(|x| same(x, pw.prior)) {
        let third = third();
        let third = third.as_deref();
        if third.is_some_and(|x| same(x, pw.year)) {
            return Some((PeriodRef::YearEarlier, i + 3));
        }
        if (third.is_some_and(|x| same(x, pw.month)) || third.is_some_and(|x| same(x, pw.quarter)))
            && next.is_some_and(|x| same(x, pw.previous))
        {
            return Some((PeriodRef::Previous, i + 3));
        }
    } else if (next.is_some_and(|x| same(x, pw.year)) || next.is_some_and(|x| same(x, pw.month)))
        && c.is(i + 2, pw.before)
    {
        // "the year before", "the month before"
        return Some((
            if next.is_some_and(|x| same(x, pw.year)) {
                PeriodRef::YearEarlier
            } else {
                PeriodRef::Previous
            },
            i + 3,
        ));
    }
    if c.is(i + 1, pw.same) {
        // "the same period/month/quarter (in|of) 2024", "... last year", "... a year earlier"
        if !c.is_any(i + 2, &pw.same_units) {
            return None;
        }
        let k = i + 3;
        if c.is_any(k, &pw.in_of) && c.year(k + 1).is_some() {
            return Some((PeriodRef::SameIn(c.year(k + 1)?), k + 2));
        }
        if let Some(y) = c.year(k) {
            return Some((PeriodRef::SameIn(y), k + 1));
        }
        if seq(k, &[pw.last, pw.year])
            || seq(k, &[pw.a, pw.year, pw.earlier])
            || seq(k, &[pw.a, pw.year, pw.ago_word])
            || seq(k, &[pw.of, pw.last, pw.year])
            || seq(k, &[pw.the, pw.previous, pw.year])
        {
            let len = if c.is(k, pw.last) { 2 } else { 3 };
            return Some((PeriodRef::YearEarlier, k + len));
        }
        return Some((PeriodRef::YearEarlier, k));
    }
    None
}
