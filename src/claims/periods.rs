//! Period phrases in a sentence ("in June", "the first half of 2025", "year-on-year", "the
//! same period in 2024", "fiscal 1987", "YoY", "Q4 FY24", "the first nine months", "the year
//! to June"), resolved against the article date.
//!
//! Fiscal labels stay fiscal: "FY25", "fiscal 2025" and "2024-25" all name `FY2025`, the
//! fiscal year that ends in 2025 (April 2024 to March 2025 in India, October 2024 to
//! September 2025 at Apple), and "Q4 FY24" is `FY2024-Q4`; which calendar months they cover
//! depends on the company, so they are compared only with other fiscal periods.

use crate::extract::tokens::{Kind, Token};
use crate::extract::Low;
use crate::lang::{same, Cadence, DirectionPos, Language, PeriodPhrase, PeriodWords, Words};
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
    /// "last month", "last quarter": the month or quarter before the article's on its own,
    /// or the one before the figure it is compared with.
    Last(Period),
    /// "a week ago", "week-on-week": the week before a day or a week; unknown otherwise.
    WeekEarlier,
    /// "a month ago", "a month earlier": the month before a month, the same day a month
    /// before a day; unknown otherwise.
    MonthEarlier,
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
            PeriodRef::Last(p) => Some(match current {
                Some(c) if std::mem::discriminant(&c) == std::mem::discriminant(&p) => c.previous(),
                _ => p,
            }),
            PeriodRef::WeekEarlier => match current? {
                Period::Day(y, m, d) => {
                    let day = Date::new(y, m, d)?.add_days(-7);
                    Some(Period::Day(day.year, day.month, day.day))
                }
                p @ Period::Range(a, b) if b.add_days(-6) == a => Some(p.previous()),
                _ => None,
            },
            PeriodRef::MonthEarlier => match current? {
                p @ Period::Month(..) => Some(p.previous()),
                Period::Day(y, m, d) => {
                    let (y, m) = Date::months_later(y, m, -1);
                    let d = d.min(crate::period::days_in_month(y, m));
                    Some(Period::Day(y, m, d))
                }
                _ => None,
            },
        }
    }

    /// Phrases that only make sense as the other side of a comparison.
    pub fn is_comparison(&self) -> bool {
        matches!(
            self,
            PeriodRef::YearEarlier
                | PeriodRef::SameIn(_)
                | PeriodRef::Previous
                | PeriodRef::WeekEarlier
                | PeriodRef::MonthEarlier
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
    /// Says how a change is measured ("year-on-year", "YoY", "m/m", "sequentially"), not
    /// which period a figure is about, as "a year earlier" or "the previous quarter" do.
    pub basis: bool,
}

struct Cursor<'a> {
    text: &'a str,
    toks: &'a [Token],
    lang: &'static Language,
    /// The period words of `lang`.
    w: &'static PeriodWords,
    /// The tokens searched (a sentence, as [`find`] is called).
    first: usize,
    end: usize,
    /// Whether those tokens speak of the future ("will rise", "is expected to"), found when
    /// first asked.
    ahead: std::cell::Cell<Option<bool>>,
    /// Set when a month was put in this year because the sentence speaks of the future.
    looked_ahead: std::cell::Cell<bool>,
}

impl<'a> Cursor<'a> {
    fn new(
        lang: &'static Language,
        text: &'a str,
        toks: &'a [Token],
        first: usize,
        end: usize,
    ) -> Self {
        Cursor {
            text,
            toks,
            lang,
            w: &lang.periods,
            first,
            end,
            ahead: std::cell::Cell::new(None),
            looked_ahead: std::cell::Cell::new(false),
        }
    }
    /// Whether the tokens searched speak of the future: a word that always does ("will"), or
    /// one that does before "to" ("expected to", "forecast to").
    fn ahead(&self) -> bool {
        if let Some(a) = self.ahead.get() {
            return a;
        }
        let (always, before_to) = &self.w.future;
        let a = (self.first..self.end.min(self.toks.len())).any(|k| {
            self.is_any(k, always) || (self.is_any(k, before_to) && self.is(k + 1, self.w.to))
        });
        self.ahead.set(Some(a));
        a
    }
    /// The year of a month named without one: the most recent such month not after the
    /// article date, or, in a sentence about the future, this year's when it is still to come
    /// ("the cap will rise in October", in May).
    fn month_year(&self, month: u8, date: Option<Date>) -> Option<i32> {
        let d = date?;
        if month > d.month && self.ahead() {
            self.looked_ahead.set(true);
            return Some(d.year);
        }
        month_year(month, Some(d))
    }
    #[inline]
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
        s.parse().ok().filter(|y| crate::period::YEARS.contains(y))
    }
    fn capitalized(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.text(self.text).starts_with(|c: char| c.is_uppercase()))
    }
    /// A year written with two digits ("25" of "FY25", "H1 24") or four, as 2000 + the two
    /// digits; not when a letter or digit follows it without a space ("24bn").
    fn short_year(&self, i: usize) -> Option<i32> {
        if let Some(y) = self.year(i) {
            return Some(y);
        }
        let t = self.toks.get(i)?;
        let s = t.text(self.text);
        if t.kind != Kind::Num || s.len() != 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let decimal = (self.is(i + 1, ".") || self.is(i + 1, ","))
            && self
                .toks
                .get(i + 2)
                .is_some_and(|n| !n.space_before && n.kind == Kind::Num);
        if self.glued(i + 1)
            && (self.toks[i + 1].kind != Kind::Punct || self.is(i + 1, "%") || decimal)
        {
            return None;
        }
        s.parse::<i32>().ok().map(|y| 2000 + y)
    }
    /// Whether token `i` follows token `i - 1` with no space between.
    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }
    /// A hyphen, en dash or slash glued between two tokens ("9M-24", "January-March").
    fn joiner(&self, i: usize) -> bool {
        self.glued(i) && (self.is(i, "-") || self.is(i, "\u{2013}") || self.is(i, "/"))
    }
    /// Whether `k` is "on" after a percent or points: "up 17.6% on 2022", "rose 12 percent on
    /// FY23", "up 2.3 percentage points on last year", "up 25bps on last year", "up 0.3ppt on
    /// last year"; or after the noun of change that follows one: "a 47% drop on 2019".
    fn percent_on(&self, k: usize) -> bool {
        k > 0
            && self.is(k, self.w.on)
            && (self.percent_word(k - 1) || k > 1 && self.percent_then_change_noun(k - 1))
    }
    /// Whether token `j` ends a percent or points ("%", "pct", "percentage points", "bps").
    fn percent_word(&self, j: usize) -> bool {
        let u = &self.lang.units;
        self.is(j, "%")
            || self.is_any(j, &u.percent)
            || self.is_any(j, &u.point_words)
            || self.is_any(j, &u.percentage_point_abbreviations)
            || self.is_any(j, &u.basis_points)
    }
    /// Whether token `j` is a noun of change after a percent: "drop" in "a 47% drop". Not
    /// inlined: asked at every "on" that follows no percent, it would weigh on [`find`].
    #[inline(never)]
    fn percent_then_change_noun(&self, j: usize) -> bool {
        self.percent_word(j - 1) && self.change_noun(j)
    }
    /// Whether token `j` is a noun of change ("increase", "drop").
    fn change_noun(&self, j: usize) -> bool {
        self.toks.get(j).is_some_and(|t| {
            t.look_up(self.text, &self.lang.directions)
                .is_some_and(|(_, pos)| pos == DirectionPos::Noun)
        })
    }
    /// A count written in digits or in words ("nine", "20"), up to `max`.
    fn count(&self, i: usize, max: u32) -> Option<u32> {
        let t = self.toks.get(i)?;
        let n = if t.kind == Kind::Num {
            t.text(self.text).parse().ok()?
        } else {
            t.look_up(self.text, &self.lang.numbers.cardinals)?
        };
        (1..=max).contains(&n).then_some(n)
    }
    /// A capitalised month word at `i` ("March", "Sep"), not the verb "may".
    fn month(&self, i: usize) -> Option<u8> {
        let t = self.toks.get(i)?;
        let m = t.look_up(self.text, &self.lang.units.months)?;
        (self.capitalized(i)
            && !(self.is(i, self.w.may_verb.0) && self.is_any(i + 1, &self.w.may_verb.1)))
        .then_some(m)
    }
    /// `k`, or the token after it when `k` is a hyphen joining two words ("year-on").
    #[inline]
    fn after_hyphen(&self, k: usize, end: usize) -> usize {
        let joins = k + 1 < end
            && self.toks[k].kind == Kind::Punct
            && self.toks[k].text(self.text) == "-"
            && !self.toks[k].space_before
            && !self.toks[k + 1].space_before
            && self.toks[k + 1].kind != Kind::Punct;
        if joins {
            k + 1
        } else {
            k
        }
    }
    /// Whether token `k` is `w`, a table word or punctuation, as written in ASCII.
    #[inline]
    fn is_ascii(&self, k: usize, w: &str) -> bool {
        self.toks[k].text(self.text).eq_ignore_ascii_case(w)
    }
    /// The end of the rest of a fixed phrase, `words`, from its second word at `j` (a
    /// hyphen allowed between two words).
    fn phrase(&self, j: usize, end: usize, words: &[&str]) -> Option<usize> {
        let mut k = j;
        for (n, w) in words.iter().enumerate() {
            if n > 0 {
                k = self.after_hyphen(k, end);
            }
            if k >= end || !self.is_ascii(k, w) {
                return None;
            }
            k += 1;
        }
        Some(k)
    }
    /// A day of a month written in digits at `i` ("10" of "Nov. 10", "20" of "1-20").
    fn day(&self, i: usize) -> Option<u8> {
        let t = self.toks.get(i)?;
        let s = t.text(self.text);
        (t.kind == Kind::Num && s.len() <= 2)
            .then(|| s.parse().ok())
            .flatten()
            .filter(|d| (1..=31).contains(d))
    }
    fn small_num(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Num && t.text(self.text).len() <= 2 && t.space_before)
    }
}

/// Days after a period's end within which its figures are reported: a period that ended
/// longer ago than this is rarely the one a results or statistics story is about.
pub(super) const REPORTED_WITHIN_DAYS: i64 = 100;

/// Resolves a month without a year: the most recent such month not after the article date.
fn month_year(month: u8, date: Option<Date>) -> Option<i32> {
    let d = date?;
    Some(if month > d.month { d.year - 1 } else { d.year })
}

/// A month in the possessive, one word, before a noun of change ("November’s increase of 1.2
/// percent"; [`period_at`] lets through only capitalised words ending in "s"): that month, the
/// latest by the article's date. The change is of that month, even after "compared with": it
/// is no baseline's period.
fn possessive_month(c: &Cursor, i: usize, date: Option<Date>) -> Option<(PeriodRef, usize)> {
    let raw = c.toks[i].text(c.text);
    let stem = c
        .lang
        .subjects
        .possessives
        .iter()
        .find_map(|p| raw.strip_suffix(p))?;
    if !c.change_noun(i + 1) {
        return None;
    }
    let m = c.lang.units.months.get(&stem.to_lowercase())?;
    let y = c.month_year(m, date)?;
    Some((PeriodRef::Absolute(Period::Month(y, m)), i + 1))
}

/// Resolves a quarter or half (`n` of `per_year`) without a year: the year in which it most
/// recently started, up to the article date ("the fourth quarter" in January is last year's).
fn part_year(n: u8, per_year: u8, date: Option<Date>) -> Option<i32> {
    let d = date?;
    let current = (d.month - 1) / (12 / per_year) + 1;
    Some(if n > current { d.year - 1 } else { d.year })
}

/// Quarter or half `n` (of `per_year`) named without a year ("the fourth quarter", "Q4"): of
/// the year [`part_year`] gives, unless it is a quarter that ended more than a quarter before
/// the last one ended by the article's date. Results are reported within weeks of a quarter's
/// end, so "the fourth quarter" in a July story is a fiscal quarter, just ended: Microsoft's
/// fiscal fourth quarter, reported on 2017-07-20, is `FY2017-Q4`. Its fiscal year is the one
/// that ends `4 - n` quarters after the month before the article's.
fn bare_part(n: u8, per_year: u8, date: Option<Date>) -> Option<Period> {
    let y = part_year(n, per_year, date)?;
    let quarter = per_year == 4;
    let calendar = part(quarter, false, y, n)?;
    let d = date?;
    let current = i32::from((d.month - 1) / 3);
    let named = i32::from(n - 1) - 4 * (d.year - y);
    // Quarters back from the last one ended by the date (the current one is -1 of them).
    let back = current - 1 - named;
    if !quarter || back < 2 {
        return Some(calendar);
    }
    let (ended_y, ended_m) = Date::months_later(d.year, d.month, -1);
    let (fy, _) = Date::months_later(ended_y, ended_m, 3 * i32::from(4 - n));
    part(true, true, fy, n)
}

/// A part of a fiscal year read in the calendar year when that reading, or the one a year
/// later (the same part of the next year, which a baseline's is compared with), ended in the
/// three months before the article's date: results come out within weeks of a period's end,
/// and a fiscal year ending in March, June or September would have ended that part three or
/// more months earlier. "9MFY17" in a story of 2017-11-03 is `2017-01..2017-09` (Singapore's
/// banks); in one of 2017-02-10 it stays `FY2017-9M` (India's, to December 2016).
fn calendar_if_just_ended(p: Period, date: Option<Date>) -> Period {
    let (Some(calendar), Some(d)) = (p.calendar_reading(), date) else {
        return p;
    };
    let just_ended = |q: Period| {
        q.bounds()
            .is_some_and(|(_, end)| end < d && end.add_days(REPORTED_WITHIN_DAYS) >= d)
    };
    if just_ended(calendar) || just_ended(calendar.years_earlier(-1)) {
        calendar
    } else {
        p
    }
}

/// The months from `from` of year `y1` to the end of `to` of `y2`, as one period.
fn months(y1: i32, from: u8, y2: i32, to: u8) -> Option<Period> {
    Period::span(Date::month_start(y1, from), Date::month_end(y2, to))
}

/// Whether the number at token `k` is the day of a date ("SEOUL, Nov. 13", "May 10"): a day
/// after a capitalised month word, its abbreviation's full stop allowed.
pub fn day_of_date(lang: &'static Language, text: &str, toks: &[Token], k: usize) -> bool {
    let c = Cursor::new(lang, text, toks, k, k);
    let month = |j: Option<usize>| j.and_then(|j| c.month(j)).is_some();
    c.day(k).is_some()
        && (month(k.checked_sub(1))
            || k.checked_sub(1).is_some_and(|j| c.is(j, ".")) && month(k.checked_sub(2)))
}

/// Whether the number at token `k` counts units of time ("the first cut in four years", "a
/// 23-year high"), a hyphen allowed before the unit.
pub fn counts_time(lang: &'static Language, text: &str, toks: &[Token], k: usize) -> bool {
    let unit = match toks.get(k + 1) {
        Some(t) if t.is(text, "-") && !t.space_before => toks.get(k + 2),
        next => next,
    };
    unit.is_some_and(|t| t.is_in(text, &lang.periods.durations))
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
    let c = Cursor::new(lang, text, toks, first, end);
    let mut i = first;
    while i < end {
        c.looked_ahead.set(false);
        let Some((mut period, next)) = period_at(&c, i, end, date) else {
            i += 1;
            continue;
        };
        let period_looked_ahead = c.looked_ahead.get();
        period = match period {
            PeriodRef::Absolute(p) => PeriodRef::Absolute(calendar_if_just_ended(p, date)),
            p => p,
        };
        // "From January to September 2023": the words are the range's, not a baseline's.
        let in_words = i > first && words_range(&c, i) && c.month(i + 2).is_some();
        // "than in 2022 and 2019": a baseline's period joined to another's.
        let joined = || {
            i > first
                && c.is_any(i - 1, &c.w.joined)
                && out.last().is_some_and(|m| m.baseline && m.end + 1 == i)
        };
        // Only a month in the possessive is read from a word of another shape.
        let possessive = c.toks[i].kind == Kind::Word && !c.toks[i].may_be_in(&c.w.starts);
        let baseline = period.is_comparison()
            || !in_words && !possessive && (introduced_as_baseline(&c, i, first) || joined());
        // A baseline's month is not still to come: "will rise in the January/March quarter
        // from the October/December quarter" compares with the last one.
        if let (true, true, PeriodRef::Absolute(p)) = (baseline, period_looked_ahead, period) {
            period = PeriodRef::Absolute(p.years_earlier(1));
        }
        let basis = period.is_comparison() && !c.is_any(i, &c.w.dating_starts);
        let mut start = i;
        // "mid-March", "early June", "at the end of August": a part of a month dates a
        // figure as the month does.
        if matches!(period, PeriodRef::Absolute(Period::Month(..))) && start > first {
            if c.is_any(start - 1, &c.w.month_parts) {
                start -= 1;
            } else if start >= first + 2
                && (c.is(start - 1, "-") || c.is(start - 1, c.w.of))
                && c.is_any(start - 2, &c.w.month_parts)
            {
                start -= 2;
            }
        }
        // "in full-year 2017", "for calendar 2024"
        if matches!(period, PeriodRef::Absolute(Period::Year(_))) {
            start = past_year_qualifiers(&c, start).max(first);
        }
        let parted = start < i;
        if start > first && c.is(start - 1, c.w.the) {
            start -= 1;
        }
        let preposition = |j: usize| {
            c.is_any(j, &c.w.prepositions) || parted && c.is_any(j, &c.w.part_prepositions)
        };
        if start > first && preposition(start - 1) || in_words {
            start -= 1;
        }
        let mut next = next;
        // "(Y-o-Y)", "(Q2 2024)"
        if start > first && next < end && c.is(start - 1, "(") && c.is(next, ")") {
            start -= 1;
            next += 1;
        }
        i = next.max(i + 1);
        if superlative_scope(&c, start, first, period) {
            continue;
        }
        out.push(PeriodMark {
            first: start,
            end: next,
            period,
            baseline,
            basis,
        });
    }
    relative_to_named_years(&c, out);
}

/// Back from a year at token `i` over the words that leave it whole ("full-year", "calendar"),
/// up to three tokens: where they start, or `i`.
fn past_year_qualifiers(c: &Cursor, i: usize) -> usize {
    let mut j = i;
    while j > 0 && i - j < 3 && (c.is_any(j - 1, &c.w.year_qualifiers) || c.is(j - 1, "-")) {
        j -= 1;
    }
    // A hyphen alone joins the year to a word before ("mid-2017"): not a qualifier.
    if (j..i).all(|k| c.is(k, "-")) {
        i
    } else {
        j
    }
}

/// Whether the year phrase starting at token `start` is the scope of a superlative right
/// before it ("Exports rose 1% to $189.9 billion, the highest level this year", "the
/// lowest in 2023"), which dates no figure.
fn superlative_scope(c: &Cursor, start: usize, first: usize, period: PeriodRef) -> bool {
    if !matches!(period, PeriodRef::Absolute(Period::Year(_))) || start == first {
        return false;
    }
    let (superlatives, nouns) = &c.w.superlatives;
    let mut j = start - 1;
    if c.is_any(j, nouns) && j > first {
        j -= 1;
    }
    c.is_any(j, superlatives)
}

/// What tokens `first..end` say of how often an article's figures come, by the first period
/// phrase among `marks` (found by [`find`] over the same tokens) that names a month, a
/// quarter or a half, or the first word that says it ("quarterly", "a challenging quarter",
/// "interim", "monthly"), whichever comes first: `Some(Some(cadence))`; `Some(None)` when
/// the first is a day or a fiscal period (a daily story, or a company calendar not known
/// here: nothing is assumed); `None` when they say nothing (years and ranges say nothing).
pub fn cadence(
    lang: &'static Language,
    text: &str,
    toks: &[Token],
    first: usize,
    end: usize,
    marks: &[PeriodMark],
) -> Option<Option<Cadence>> {
    let c = Cursor::new(lang, text, toks, first, end);
    let of_mark = marks.iter().find_map(|m| {
        let said = match m.period {
            PeriodRef::Absolute(p) | PeriodRef::Last(p) => match p {
                Period::Month(..) => Some(Cadence::Month),
                Period::Quarter(..) => Some(Cadence::Quarter),
                Period::Half(..) => Some(Cadence::Half),
                Period::Day(..)
                | Period::Fiscal(_)
                | Period::FiscalHalf(..)
                | Period::FiscalQuarter(..)
                | Period::FiscalMonths(..) => None,
                Period::Year(_) | Period::Range(..) => return None,
            },
            _ => return None,
        };
        Some((m.first, said))
    });
    let before = of_mark.map_or(end, |(k, _)| k);
    // "a month ago" dates a figure against another in any story, daily ones included.
    let dating = |i: usize| {
        marks.iter().any(|m| {
            (m.first..m.end).contains(&i)
                && matches!(m.period, PeriodRef::MonthEarlier | PeriodRef::WeekEarlier)
        })
    };
    // A word before the first such phrase, else the phrase.
    (first..before)
        .find_map(|i| cadence_word(&c, i, first, end).filter(|_| !dating(i)))
        .map(Some)
        .or(of_mark.map(|(_, said)| said))
}

/// The cadence a word at `i` says ("quarterly", "half-year"), unless it is a fraction or a
/// step ("a quarter of", "a quarter point").
fn cadence_word(c: &Cursor, i: usize, first: usize, end: usize) -> Option<Cadence> {
    let pw = c.w;
    if c.toks[i].kind != Kind::Word || !c.toks[i].may_be_in(pw.cadences.shapes()) {
        return None;
    }
    let phrases = pw.cadences.get(&c.low(i)?)?;
    for &(rest, cadence) in phrases {
        let next = if rest.is_empty() {
            i + 1
        } else {
            let Some(next) = c.phrase(c.after_hyphen(i + 1, end), end, rest) else {
                continue;
            };
            next
        };
        let after = c.after_hyphen(next, end);
        if c.is_any(after, &pw.not_cadence) || (i > first && c.is_any(i - 1, &pw.fraction_before)) {
            return None;
        }
        // "nine-month net profit", "a six-month high": a span of several, not how often.
        if i >= first + 2 && c.is(i - 1, "-") && c.count(i - 2, 99).is_some_and(|n| n > 1) {
            return None;
        }
        return Some(cadence);
    }
    None
}

/// "in the 12 months to March 2022, up from 5.5% in February": a month written without its
/// year, after a current figure's period with an earlier year, is the last such month by
/// that period's end, not by the article's date (a baseline's year, as in "up 3.6% from
/// January 2024", says nothing of the current month's).
fn relative_to_named_years(c: &Cursor, out: &mut [PeriodMark]) {
    // "January 2024", "January this year", "February last year".
    let written_year =
        |m: &PeriodMark| (m.first..m.end).any(|k| c.year(k).is_some() || c.is(k, c.w.year));
    let mut last_named: Option<Date> = None;
    for m in out.iter_mut() {
        match m.period {
            PeriodRef::Absolute(Period::Month(y, month)) if !written_year(m) => {
                if let Some(named) = last_named.filter(|n| y > n.year) {
                    let y = month_year(month, Some(named)).unwrap_or(y);
                    m.period = PeriodRef::Absolute(Period::Month(y, month));
                }
            }
            PeriodRef::Absolute(p) if !m.baseline && written_year(m) => {
                if let Some((_, e)) = p.bounds() {
                    last_named = Some(e);
                }
            }
            _ => {}
        }
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
    // "vs. H1 23": the abbreviation's full stop.
    if c.is(k - 1, ".") && k >= first + 2 && c.glued(k - 1) {
        k -= 1;
    }
    // "up 5% on last year", "rose 12 percent on FY23"; not "up 5% on Thursday".
    if c.low(i).is_none_or(|d| w.weekdays.get(&d).is_none())
        && k >= first + 2
        && c.percent_on(k - 1)
    {
        return true;
    }
    c.is_any(k - 1, &w.baseline_words)
        && (!c.is(k - 1, w.with) || (k >= first + 2 && c.is(k - 2, w.compared)))
        && (!c.is(k - 1, w.to)
            || (k >= first + 2
                && (c.is(k - 2, w.compared) || c.is(k - 2, w.relative) || c.is(k - 2, w.contrast))))
}

/// Whether the token at `k`, after "a" or "the", may go on a period phrase: a number, a word
/// of [`PeriodWords::after_articles`]' shape, or a hyphen (left to the phrases to judge).
fn opens_after_article(c: &Cursor, k: usize) -> bool {
    c.toks.get(k).is_some_and(|t| match t.kind {
        Kind::Num => true,
        Kind::Word => t.may_be_in(&c.w.after_articles),
        _ => t.text(c.text) == "-",
    })
}

fn period_at(c: &Cursor, i: usize, end: usize, date: Option<Date>) -> Option<(PeriodRef, usize)> {
    let t = c.toks[i];
    let pw = c.w;
    if t.kind == Kind::Word && !t.may_be_in(&pw.starts) {
        // "six months ending June 30, 2018": a count in words before "months" (shapes first:
        // most words are no count).
        if t.may_be_in(pw.month_counts.shapes())
            && c.toks
                .get(i + 1)
                .is_some_and(|n| n.may_be_in(pw.months.shapes()))
        {
            if let Some(found) = counted_months(c, i, end, date) {
                return Some(found);
            }
        }
        // Only a possessive month, capitalised and ending in "s", is read from such a word:
        // two bytes rule out most.
        let bytes = c.text.as_bytes();
        if bytes[t.end - 1] | 0x20 != b's' || !bytes[t.start].is_ascii_uppercase() {
            return None;
        }
        return possessive_month(c, i, date);
    }
    let w = c.low(i);
    // "3rd quarter", "4th qtr": a numeral with its ordinal suffix.
    // Only of quarters: "1st half" heads the half-year rows of a results table, which the
    // figures above it are not of.
    if let Some(found) = numeral_ordinal(c, i)
        .filter(|_| c.is_any(c.after_hyphen(i + 2, end), &pw.quarters))
        .and_then(|n| ordinal_part(c, n, i, i + 2, end, date))
    {
        return Some(found);
    }
    if let Some(w) = w.as_deref() {
        // "the" and "a", the commonest words of all, open a period phrase only before a
        // number or one of a few words.
        if (same(w, pw.the) || same(w, pw.a)) && !opens_after_article(c, i + 1) {
            return None;
        }
        if let Some(found) = fixed_phrase(c, i, end, w, date) {
            return Some(found);
        }
        // Months: "June", "June 2024", but not dates ("May 10") nor the verb "may".
        if let Some(m) = c.lang.units.months.get(w) {
            if !c.capitalized(i) {
                return None;
            }
            // "Nov. 13", "May 10": a date, unless a range of days ("Nov. 1-10").
            let dot = w.len() <= 3 && c.is(i + 1, ".");
            if c.small_num(i + 1) || dot && c.small_num(i + 2) {
                return day_range(c, i, m, date);
            }
            // "December gold", "the June contract": a futures delivery month.
            if (same(w, pw.may_verb.0) && c.is_any(i + 1, &pw.may_verb.1))
                || c.is_any(i + 1, &pw.delivered)
            {
                return None;
            }
            return month_phrase(c, i, m, date);
        }
        // "on Thursday": the last Thursday by the article's date, that day included.
        if let Some(wd) = pw.weekdays.get(w) {
            // "data showed Saturday", "said on Thursday": the day of the report, not of its
            // figures.
            let verb = if i > 0 && c.is(i - 1, pw.on) {
                i - 1
            } else {
                i
            };
            if verb > 0 && c.is_any(verb - 1, &c.lang.subjects.reporting_verbs) {
                return None;
            }
            let d = date.filter(|_| c.capitalized(i))?;
            let day = d.add_days(-i64::from((d.weekday() + 7 - wd) % 7));
            return Some((
                PeriodRef::Absolute(Period::Day(day.year, day.month, day.day)),
                i + 1,
            ));
        }
        // "first quarter", "4th qtr", "first half", "second half of 2025"
        if let Some(n) = pw.ordinals.get(w) {
            return ordinal_part(c, n, i, i + 1, end, date);
        }
        // "the final quarter of 2023", "the last half of 2004": with the year only.
        if pw.last_parts.contains(w) && i > 0 && c.is(i - 1, pw.the) && c.is_any(i + 2, &pw.in_of) {
            let n = if c.is_any(i + 1, &pw.quarters) {
                4
            } else if c.is_any(i + 1, &pw.halves) {
                2
            } else {
                0
            };
            let named = c.year(i + 3).is_some()
                || this_or_last_year(c, i + 3, date.map(|d| d.year)).is_some();
            if n > 0 && named {
                return ordinal_part(c, n, i, i + 1, end, date);
            }
        }
        if pw.fiscal.contains(w) || pw.financial.contains(w) && c.is(i + 1, pw.year) {
            if let Some((y, next)) = fiscal_year(c, i) {
                return Some((PeriodRef::Absolute(Period::Fiscal(y)), next));
            }
            return fiscal_year_to(c, i, end, date);
        }
        if pw.fiscal_half.contains(w) {
            // "HY 2024", "HY24": a results half year, fiscal as the company's year is.
            let (y, next) = fiscal_year(c, i)?;
            return Some((PeriodRef::Absolute(Period::FiscalHalf(y, 1)), next));
        }
        if (same(w, pw.quarter_letter) || same(w, pw.half_letter)) && c.glued(i + 1) {
            return quarter_code(c, i, same(w, pw.quarter_letter), date);
        }
        if same(w, pw.the) {
            if let Some(found) = counted_months_period(c, i + 1, end, date) {
                return Some(found);
            }
        }
        if pw.relative_starts.contains(w) {
            return relative(c, i, end, w, date);
        }
        return counted_months(c, i, end, date);
    }
    if t.kind != Kind::Num {
        return None;
    }
    if let Some(found) = months_code(c, i).or_else(|| counted_months(c, i, end, date)) {
        return Some(found);
    }
    // A bare year: "in 2024", "2025's"; a fiscal or season year: "in 2023-24".
    let y = c.year(i)?;
    // "between 1996 and 2002": the years from one to the other (not "between 2000 and 2100
    // GMT", hours a century apart).
    if i > 0 && c.is(i - 1, pw.between) && c.is_any(i + 1, &pw.range_to) {
        if let Some(to) = c.year(i + 2).filter(|&to| to > y && to - y <= 50) {
            let range = Period::span(Date::new(y, 1, 1)?, Date::new(to, 12, 31)?)?;
            return Some((PeriodRef::Absolute(range), i + 3));
        }
    }
    // "in 2020's first quarter", "2024's 3rd quarter": a part of the year.
    if possessive_s(c, i + 1) {
        let o = i + 3;
        let part = match c.low(o).and_then(|w| pw.ordinals.get(&w)) {
            Some(n) => ordinal_part(c, n, o, o + 1, end, date),
            None => numeral_ordinal(c, o).and_then(|n| ordinal_part(c, n, o, o + 2, end, date)),
        };
        if part.is_some() {
            return part;
        }
    }
    let q = past_year_qualifiers(c, i);
    if q > 0 && (c.is_any(q - 1, &pw.year_prepositions) || c.is(q - 1, pw.the))
        || i > 1 && c.percent_on(i - 1)
    {
        if c.joiner(i + 1)
            && c.glued(i + 2)
            && c.toks.get(i + 2).is_some_and(|t| t.text(c.text).len() == 2)
            && c.short_year(i + 2)
                .is_some_and(|n| n % 100 == (y + 1) % 100)
        {
            return Some((PeriodRef::Absolute(Period::Fiscal(y + 1)), i + 3));
        }
        if !c.is(i - 1, pw.the) {
            return Some((PeriodRef::Absolute(Period::Year(y)), i + 1));
        }
    }
    None
}

/// A phrase of the language's fixed list ("year over year", "YoY", "m/m", "sequentially",
/// "year to date", "last week").
fn fixed_phrase(
    c: &Cursor,
    i: usize,
    end: usize,
    w: &str,
    date: Option<Date>,
) -> Option<(PeriodRef, usize)> {
    let phrases = c.w.phrases.get(w)?;
    // The second word, read once: most phrases are turned down on it.
    let j = c.after_hyphen(i + 1, end);
    let second = if j < end { c.toks[j].text(c.text) } else { "" };
    for &(rest, kind) in phrases {
        let found = match rest.split_first() {
            None => Some(i + 1),
            Some((w2, _)) if !second.eq_ignore_ascii_case(w2) => continue,
            Some(_) => c.phrase(j, end, rest),
        };
        let Some(next) = found else {
            continue;
        };
        if c.is_any(next, &c.w.not_after) {
            return None;
        }
        let period = match kind {
            PeriodPhrase::YearEarlier => PeriodRef::YearEarlier,
            PeriodPhrase::Previous => PeriodRef::Previous,
            PeriodPhrase::WeekEarlier => PeriodRef::WeekEarlier,
            PeriodPhrase::MonthEarlier => PeriodRef::MonthEarlier,
            PeriodPhrase::YearToDate => {
                // Through the last month reported: the one before the article's, except
                // in January.
                let d = date?;
                PeriodRef::Absolute(months(d.year, 1, d.year, (d.month - 1).max(1))?)
            }
            PeriodPhrase::LastWeek => {
                let d = date?;
                let monday = d.add_days(-i64::from(d.weekday()) - 7);
                PeriodRef::Absolute(Period::span(monday, monday.add_days(6))?)
            }
        };
        return Some((period, next));
    }
    None
}

/// The quarter or half an ordinal names, `n` its number, at `i` and `after` the token after
/// it: "first quarter", "4th qtr", "first half of 2023", "the second quarter of fiscal 2025",
/// "3rd Quarter of Financial Year 2024", "1986 4th qtr"; also "the first nine months".
fn ordinal_part(
    c: &Cursor,
    n: u8,
    i: usize,
    after: usize,
    end: usize,
    date: Option<Date>,
) -> Option<(PeriodRef, usize)> {
    let pw = c.w;
    let ref_year = date.map(|d| d.year);
    // "fourth-quarter profit": the hyphen of an adjective.
    let q = c.after_hyphen(after, end);
    let kind = if c.is_any(q, &pw.quarters) {
        Some(4u8)
    } else if c.is_any(q, &pw.halves) {
        Some(2u8)
    } else {
        None
    };
    let Some(max) = kind else {
        // "the first nine months", "the first 20 days of March"
        return if n == 1 {
            first_months_or_days(c, after, date)
        } else {
            None
        };
    };
    if n > max {
        return None;
    }
    let mut next = q + 1;
    let of = usize::from(c.is(next, pw.of));
    // "the first half of 2023", "the first half in 2023"
    let year = if c.is_any(next, &pw.in_of) && c.year(next + 1).is_some() {
        next += 2;
        c.year(next - 1)
    } else if let Some(y) = c.year(next) {
        next += 1;
        Some(y)
    } else if let Some(y) = this_or_last_year(c, next + of, ref_year) {
        // "the fourth quarter last year", "the first half of this year"
        next += of + 2;
        Some(y)
    } else if c.is(next, pw.of)
        && (c.is_any(next + 1, &pw.fiscal)
            || c.is_any(next + 1, &pw.financial) && c.is(next + 2, pw.year))
    {
        // "the second quarter of fiscal 2025", "3rd Quarter of Financial Year 2024"
        let (y, after) = fiscal_year(c, next + 1)?;
        let p = if max == 4 {
            Period::FiscalQuarter(y, n)
        } else {
            Period::FiscalHalf(y, n)
        };
        return Some((PeriodRef::Absolute(p), after));
    } else if let Some(y) = year_before(c, i) {
        // "1986 1st qtr oper net", "in 2020's first quarter": the year before the ordinal.
        Some(y)
    } else {
        // "the fourth quarter"
        return Some((PeriodRef::Absolute(bare_part(n, max, date)?), next));
    };
    let y = year?;
    let p = if max == 4 {
        Period::Quarter(y, n)
    } else {
        Period::Half(y, n)
    };
    Some((PeriodRef::Absolute(p), next))
}

/// The year that "last year" or "this year" at `k` names, by the article's year.
fn this_or_last_year(c: &Cursor, k: usize, ref_year: Option<i32>) -> Option<i32> {
    if !c.is(k + 1, c.w.year) {
        return None;
    }
    if c.is(k, c.w.last) {
        ref_year.map(|y| y - 1)
    } else if c.is(k, c.w.this) {
        ref_year
    } else {
        None
    }
}

/// The year written right before token `i`, or before it in the possessive ("2020's").
fn year_before(c: &Cursor, i: usize) -> Option<i32> {
    let j = i.checked_sub(1)?;
    if let Some(y) = c.year(j) {
        return Some(y);
    }
    if j >= 2 && possessive_s(c, j - 1) {
        c.year(j - 2)
    } else {
        None
    }
}

/// Whether tokens `j` and `j + 1` are a possessive ending ("'s") glued to the token before.
fn possessive_s(c: &Cursor, j: usize) -> bool {
    let (Some(a), Some(b)) = (c.toks.get(j), c.toks.get(j + 1)) else {
        return false;
    };
    c.glued(j)
        && c.glued(j + 1)
        && c.lang
            .subjects
            .possessives
            .contains(&&c.text[a.start..b.end])
}

/// The number of an ordinal written as a numeral at `i` ("3rd", "4th"), from 1 to 4.
fn numeral_ordinal(c: &Cursor, i: usize) -> Option<u8> {
    // One digit first: most numbers are longer.
    let t = c
        .toks
        .get(i)
        .filter(|t| t.end - t.start == 1 && t.kind == Kind::Num)?;
    let d = c.text.as_bytes()[t.start];
    ((b'1'..=b'4').contains(&d) && c.glued(i + 1) && c.is_any(i + 1, &c.w.ordinal_suffixes))
        .then_some(d - b'0')
}

/// A month at `i` and what may follow it: "June", "June 2024", "January-March 2024", "the
/// March quarter", "the October-December quarter".
fn month_phrase(c: &Cursor, i: usize, m: u8, date: Option<Date>) -> Option<(PeriodRef, usize)> {
    let pw = c.w;
    // "January-March", "Jan/Feb", "January-November 2018", "from January to September".
    let (last, mut next) = match (c.joiner(i + 1) || words_range(c, i))
        .then(|| c.month(i + 2))
        .flatten()
    {
        Some(m2) => (m2, i + 3),
        None => (m, i + 1),
    };
    // "at the end of Sep-17", "Mar-2024": a month and its year joined by a hyphen, as
    // tables and statistical releases write them.
    let hyphened_year = (next == i + 1 && c.joiner(i + 1) && c.glued(i + 2))
        .then(|| c.short_year(i + 2))
        .flatten();
    if hyphened_year.is_some() {
        next = i + 2;
    }
    let y = match hyphened_year.or_else(|| c.year(next)) {
        Some(y) => {
            next += 1;
            y
        }
        None => match this_or_last_year(c, next, date.map(|d| d.year)) {
            // "in February last year", "in June this year"
            Some(y) => {
                next += 2;
                y
            }
            None => c.month_year(last, date)?,
        },
    };
    let from_year = if m <= last { y } else { y - 1 };
    if c.is_any(next, &pw.month_quarter) && last % 3 == 0 {
        // "the March quarter": the quarter that ends in March.
        let (fy, fm) = Date::months_later(y, last, -2);
        if last == m || (fy, fm) == (from_year, m) {
            return Some((PeriodRef::Absolute(months(fy, fm, y, last)?), next + 1));
        }
    }
    // "the June year": the twelve months to June, named by the month as "the year to June"
    // is (an annual figure's period, as New Zealand statistics write it).
    if last == m && c.is(next, pw.year) && i > 0 && c.is(i - 1, pw.the) {
        return Some((PeriodRef::Absolute(Period::Month(y, m)), next + 1));
    }
    Some((PeriodRef::Absolute(months(from_year, m, y, last)?), next))
}

/// Whether the month at `i` opens a range written in words: "from January to", "between
/// January and"; or "to" or "through" another month and a year with no "from" ("in the
/// three-month period July to September 2019"; "rose in July to August's level" names none).
fn words_range(c: &Cursor, i: usize) -> bool {
    if !c.is_any(i + 1, &c.w.range_to) {
        return false;
    }
    let from = i > 0 && c.is_any(i - 1, &c.w.range_from);
    let spelled =
        !c.is(i + 1, c.lang.units.and) && c.month(i + 2).is_some() && c.year(i + 3).is_some();
    from || spelled
}

/// A range of days of one month at `i` (the month): "Nov. 1-10", "April 18-24", "June 1-20,
/// 2025", as weekly and ten-day trade figures are dated.
fn day_range(c: &Cursor, i: usize, m: u8, date: Option<Date>) -> Option<(PeriodRef, usize)> {
    let dot = c.is(i + 1, ".") && c.glued(i + 1);
    let j = i + 1 + usize::from(dot);
    let from = c.day(j).filter(|_| c.small_num(j))?;
    let to = c
        .day(j + 2)
        .filter(|&d| d > from && c.joiner(j + 1) && c.glued(j + 2))?;
    let mut next = j + 3;
    let y = if c.is(next, ",") && c.year(next + 1).is_some() {
        next += 2;
        c.year(next - 1)?
    } else if let Some(y) = c.year(next) {
        next += 1;
        y
    } else {
        c.month_year(m, date)?
    };
    // "the Nov. 1-10 period", "the April 18-24 week"
    if c.is(next, c.w.period) || c.is(next, c.w.week) {
        next += 1;
    }
    let period = Period::span(Date::new(y, m, from)?, Date::new(y, m, to)?)?;
    Some((PeriodRef::Absolute(period), next))
}

/// "nine months period", "nine-month period" after "the" (`i` is the count): the first months
/// of the year, as "the first nine months" says. Only before "period": "a nine-month high"
/// counts time.
fn counted_months_period(
    c: &Cursor,
    i: usize,
    end: usize,
    date: Option<Date>,
) -> Option<(PeriodRef, usize)> {
    let pw = c.w;
    // Most words after "the" are no count: one shape test turns them down.
    let t = c.toks.get(i)?;
    if t.kind != Kind::Num && !t.may_be_in(c.lang.numbers.cardinals.shapes()) {
        return None;
    }
    let unit = c.after_hyphen(i + 1, end);
    if !c.is_any(unit, &pw.counted_months) || !c.is(unit + 1, pw.period) {
        return None;
    }
    let n = c.count(i, 11)? as u8;
    let y = c.month_year(n, date)?;
    Some((PeriodRef::Absolute(months(y, 1, y, n)?), unit + 2))
}

/// "nine months", "20 days of March", "week of April" after "the first" (`i` is the count,
/// or "week").
fn first_months_or_days(c: &Cursor, i: usize, date: Option<Date>) -> Option<(PeriodRef, usize)> {
    let pw = c.w;
    let ref_year = date.map(|d| d.year);
    if c.is_any(i + 1, &pw.months) {
        let n = c.count(i, 11)? as u8;
        let k = i + 2;
        let (y, next) = if c.is(k, pw.of) && c.year(k + 1).is_some() {
            (c.year(k + 1), k + 2)
        } else if let Some(y) = c.year(k) {
            (Some(y), k + 1)
        } else if c.is(k, pw.of) && c.is_any(k + 1, &pw.fiscal) {
            let (y, after) = fiscal_year(c, k + 1)?;
            return Some((PeriodRef::Absolute(Period::FiscalMonths(y, n)), after));
        } else if c.is(k, pw.of) && c.is(k + 1, pw.this) && c.is(k + 2, pw.year) {
            (ref_year, k + 3)
        } else if c.is(k, pw.of) && c.is(k + 1, pw.last) && c.is(k + 2, pw.year) {
            (ref_year.map(|y| y - 1), k + 3)
        } else if c.is(k, pw.of) && c.is(k + 1, pw.the) && c.is(k + 2, pw.year) {
            (c.month_year(n, date), k + 3)
        } else if c.is(k, pw.this) && c.is(k + 1, pw.year) {
            // "the first three months this year"
            (ref_year, k + 2)
        } else if c.is(k, pw.last) && c.is(k + 1, pw.year) {
            (ref_year.map(|y| y - 1), k + 2)
        } else {
            (c.month_year(n, date), k)
        };
        return Some((PeriodRef::Absolute(months(y?, 1, y?, n)?), next));
    }
    // "the first 20 days of March", "the first week of this month"
    let (days, k) = if c.is_any(i + 1, &pw.days) && c.is(i + 2, pw.of) {
        (c.count(i, 31)? as u8, i + 3)
    } else if c.is(i, pw.week) && c.is(i + 1, pw.of) {
        (7, i + 2)
    } else {
        return None;
    };
    let (y, m, next) = if let Some(m) = c.month(k) {
        match c.year(k + 1) {
            Some(y) => (y, m, k + 2),
            None => (c.month_year(m, date)?, m, k + 1),
        }
    } else if c.is_any(k, &pw.this_month) && c.is(k + 1, pw.month) {
        let d = date?;
        (d.year, d.month, k + 2)
    } else {
        return None;
    };
    let from = Date::month_start(y, m);
    let to = Date::new(y, m, days)?;
    Some((PeriodRef::Absolute(Period::span(from, to)?), next))
}

/// "FY25", "FY2025", "FY 2025", "fiscal 2025", "fiscal year 2025", "FY2023-24", "FY24-25"
/// at `i` (the fiscal word): the fiscal year, which is the year it ends in, and the end.
fn fiscal_year(c: &Cursor, i: usize) -> Option<(i32, usize)> {
    let mut k = if c.is(i + 1, c.w.year) { i + 2 } else { i + 1 };
    let y = match c.year(k) {
        Some(y) => y,
        // Two digits only glued to "FY" or right after it ("FY25", "FY 25").
        None if c.toks.get(k)?.text(c.text).len() == 2 => c.short_year(k)?,
        None => return None,
    };
    k += 1;
    if c.joiner(k)
        && c.glued(k + 1)
        && c.toks.get(k + 1).is_some_and(|t| t.text(c.text).len() == 2)
        && c.short_year(k + 1)
            .is_some_and(|n| n % 100 == (y + 1) % 100)
    {
        return Some((y + 1, k + 2));
    }
    Some((y, k))
}

/// "the financial year to March 31", "fiscal year ending June 2025" at `i` (the fiscal word):
/// the twelve months that end that month (a whole year, not the month's annual rate as "the
/// year to March" is). Without a year, the month's next end that is not more than 100 days
/// before the article's date: a forecast in October is for the year to next March, results
/// in May for the one just ended.
fn fiscal_year_to(
    c: &Cursor,
    i: usize,
    end: usize,
    date: Option<Date>,
) -> Option<(PeriodRef, usize)> {
    let k = i + 1 + usize::from(c.is(i + 1, c.w.year));
    if k + 1 >= end || !c.is_any(k, &c.w.up_to) {
        return None;
    }
    let (y, m, _, next) = month_or_day(c, k + 1, date)?;
    let written = c.year(next - 1).is_some();
    let ended_long_ago =
        !written && date.is_some_and(|d| Date::month_end(y, m).add_days(REPORTED_WITHIN_DAYS) < d);
    let y = y + i32::from(ended_long_ago);
    let (fy, fm) = Date::months_later(y, m, -11);
    Some((PeriodRef::Absolute(months(fy, fm, y, m)?), next))
}

/// "Q2", "Q2 2024", "Q2 23", "Q2-23", "Q1FY18", "Q4 FY24", "H1 2024", "H1 24" at `i`.
fn quarter_code(
    c: &Cursor,
    i: usize,
    quarter: bool,
    date: Option<Date>,
) -> Option<(PeriodRef, usize)> {
    let t = c.toks[i + 1];
    if t.kind != Kind::Num {
        return None;
    }
    let n: u8 = t.text(c.text).parse().ok()?;
    let max = parts_of_year(quarter);
    if !(1..=max).contains(&n) {
        return None;
    }
    let k = i + 2;
    if c.is_any(k, &c.w.fiscal) {
        let (y, next) = fiscal_year(c, k)?;
        return Some((PeriodRef::Absolute(part(quarter, true, y, n)?), next));
    }
    let (y, next) = if let Some(y) = c.year(k) {
        (y, k + 1)
    } else if (c.is(k, "-") || c.is(k, "'") || c.is(k, "\u{2019}")) && c.glued(k) && c.glued(k + 1)
    {
        (c.short_year(k + 1)?, k + 2)
    } else if c.toks.get(k).is_some_and(|t| t.space_before) && c.short_year(k).is_some() {
        (c.short_year(k)?, k + 1)
    } else {
        return Some((PeriodRef::Absolute(bare_part(n, max, date)?), k));
    };
    Some((PeriodRef::Absolute(part(quarter, false, y, n)?), next))
}

/// "9M-24", "9M24", "9M 2024", "9MFY17", "9M FY17" at `i` (the count): the first months of
/// a year, or of a fiscal year.
fn months_code(c: &Cursor, i: usize) -> Option<(PeriodRef, usize)> {
    let letter = c.toks.get(i + 1)?;
    if letter.kind != Kind::Word || letter.space_before {
        return None;
    }
    // Not an amount: "$9M".
    if i > 0 && !c.toks[i].space_before && c.toks[i - 1].kind == Kind::Punct && !c.is(i - 1, "(") {
        return None;
    }
    let n = c.count(i, 11)? as u8;
    let word = letter.low(c.text)?;
    let pw = c.w;
    let fiscal_glued = word
        .strip_prefix(pw.month_letter)
        .is_some_and(|r| pw.fiscal.contains(r));
    if fiscal_glued {
        // "9MFY17": the letter and the fiscal word in one token.
        let y = c.short_year(i + 2).filter(|_| c.glued(i + 2))?;
        return Some((PeriodRef::Absolute(Period::FiscalMonths(y, n)), i + 3));
    }
    // "4Q16", "1H24", "3QFY24": a quarter or half.
    for (letter, quarter) in [(pw.quarter_letter, true), (pw.half_letter, false)] {
        match word.strip_prefix(letter) {
            Some("") => return part_code(c, i, n, quarter),
            Some(rest) if pw.fiscal.contains(rest) => {
                let y = c.short_year(i + 2).filter(|_| c.glued(i + 2))?;
                return Some((PeriodRef::Absolute(part(quarter, true, y, n)?), i + 3));
            }
            _ => {}
        }
    }
    if !same(&word, pw.month_letter) {
        return None;
    }
    let k = i + 2;
    if c.is_any(k, &pw.fiscal) {
        let (y, next) = fiscal_year(c, k)?;
        return Some((PeriodRef::Absolute(Period::FiscalMonths(y, n)), next));
    }
    let (y, next) = code_year(c, k)?;
    Some((PeriodRef::Absolute(months(y, 1, y, n)?), next))
}

/// The year of a code at `k`: "16" glued on, "-23" joined, or " 2023" apart; and the token
/// after it.
fn code_year(c: &Cursor, k: usize) -> Option<(i32, usize)> {
    if c.joiner(k) && c.glued(k + 1) {
        Some((c.short_year(k + 1)?, k + 2))
    } else if c.glued(k) {
        Some((c.short_year(k)?, k + 1))
    } else {
        Some((c.year(k)?, k + 1))
    }
}

/// How many quarters, or halves, a year has.
fn parts_of_year(quarter: bool) -> u8 {
    if quarter {
        4
    } else {
        2
    }
}

/// Quarter or half `n` of year `y`, calendar or fiscal; none past the year's parts.
fn part(quarter: bool, fiscal: bool, y: i32, n: u8) -> Option<Period> {
    (1..=parts_of_year(quarter))
        .contains(&n)
        .then_some(match (quarter, fiscal) {
            (true, true) => Period::FiscalQuarter(y, n),
            (false, true) => Period::FiscalHalf(y, n),
            (true, false) => Period::Quarter(y, n),
            (false, false) => Period::Half(y, n),
        })
}

/// "4Q16", "3Q 2023", "1H24", "2H FY25" at `i` (the count, before the letter): a quarter or
/// half, of a fiscal year when one is named.
fn part_code(c: &Cursor, i: usize, n: u8, quarter: bool) -> Option<(PeriodRef, usize)> {
    let k = i + 2;
    let fiscal = c.is_any(k, &c.w.fiscal);
    let (y, next) = if fiscal {
        fiscal_year(c, k)?
    } else {
        code_year(c, k)?
    };
    Some((PeriodRef::Absolute(part(quarter, fiscal, y, n)?), next))
}

/// "12 months to November 2023", "six months ending June 30, 2018", "12 months earlier" at
/// `i` (the count, in digits or a word): without "the", only with a word of ending and its
/// month after it, or "earlier".
fn counted_months(
    c: &Cursor,
    i: usize,
    end: usize,
    date: Option<Date>,
) -> Option<(PeriodRef, usize)> {
    if !c.is_any(i + 1, &c.w.months) {
        return None;
    }
    let n = c.count(i, 12)?;
    if n == 12 && i + 2 < end && c.is_any(i + 2, &c.w.ago) {
        // "12 months earlier"
        return Some((PeriodRef::YearEarlier, i + 3));
    }
    months_to(c, i + 2, end, n, date)
}

/// "to June", "through November 2023", "ended June 30, 2024", "ended 30 June 2019" at `k`,
/// after "the year", "the 12 months", "the quarter" or "the six months": the `n` months that
/// end then. Twelve months "to" or "through" a month name that month, compared with the same
/// month a year earlier, as annual rates are reported ("prices rose 6.2% in the 12 months to
/// March"); "the year ended June 30" stays the whole year, as accounts report it.
fn months_to(
    c: &Cursor,
    k: usize,
    end: usize,
    n: u32,
    date: Option<Date>,
) -> Option<(PeriodRef, usize)> {
    // "the 12 months that ended in October"
    let k = k + usize::from(c.is(k, c.w.relative_that) && c.is_any(k + 1, &c.w.up_to));
    if k + 1 >= end || !c.is_any(k, &c.w.up_to) {
        return None;
    }
    // "ended in October", "ending in October": a month, not a day of accounts; twelve
    // months of it are its annual rate, as "to October" is.
    if n == 12 && !c.is_any(k, &c.w.rate_to) && c.is_any(k + 1, &c.w.in_of) {
        let (y, m, day, next) = month_or_day(c, k + 2, date)?;
        return day
            .is_none()
            .then_some((PeriodRef::Absolute(Period::Month(y, m)), next));
    }
    // "to the June 2025 quarter": twelve months to a quarter named by its last month are that
    // quarter's annual rate.
    if n == 12 && c.is(k + 1, c.w.the) && c.is_any(k, &c.w.rate_to) {
        let m = c.month(k + 2)?;
        let (quarter, next) = month_phrase(c, k + 2, m, date)?;
        return matches!(quarter, PeriodRef::Absolute(Period::Quarter(..)))
            .then_some((quarter, next));
    }
    let (y, m, _, next) = month_or_day(c, k + 1, date)?;
    if n == 12 && c.is_any(k, &c.w.rate_to) {
        return Some((PeriodRef::Absolute(Period::Month(y, m)), next));
    }
    let (fy, fm) = Date::months_later(y, m, 1 - n as i32);
    Some((PeriodRef::Absolute(months(fy, fm, y, m)?), next))
}

/// A month with or without its day and year at `j` ("June", "June 2024", "June 30, 2024",
/// "Sept. 30", "30 June 2019"): (year, month, day, the token after it). Without a year, the
/// most recent such month not after the article date.
fn month_or_day(
    c: &Cursor,
    mut j: usize,
    date: Option<Date>,
) -> Option<(i32, u8, Option<u8>, usize)> {
    let day_number = |k: usize| c.day(k).filter(|_| c.small_num(k));
    let mut day = day_number(j).filter(|_| c.month(j + 1).is_some());
    if day.is_some() {
        j += 1;
    }
    let m = c.month(j)?;
    j += 1;
    if day.is_none() {
        // "Sept. 30": the abbreviation's full stop.
        let dot = c.is(j, ".") && c.glued(j) && day_number(j + 1).is_some();
        if let Some(d) = day_number(j + usize::from(dot)) {
            // "June 30", "June 30, 2024"
            day = Some(d);
            j += 1 + usize::from(dot);
            if c.is(j, ",") && c.year(j + 1).is_some() {
                j += 1;
            }
        }
    }
    let (y, next) = match c.year(j) {
        Some(y) => (y, j + 1),
        None => (c.month_year(m, date)?, j),
    };
    let day = day.filter(|&d| d <= crate::period::days_in_month(y, m));
    Some((y, m, day, next))
}

/// "last year", "a year earlier", "year-on-year", "the same period in 2024", "last month".
/// `w` is the word at `i`, lowercase.
fn relative(
    c: &Cursor,
    i: usize,
    end: usize,
    w: &str,
    date: Option<Date>,
) -> Option<(PeriodRef, usize)> {
    let pw = c.w;
    let ref_year = date.map(|d| d.year);
    let seq = |k: usize, words: &[&str]| {
        words
            .iter()
            .enumerate()
            .all(|(n, w)| k + n < end && c.is(k + n, w))
    };
    // "the year to June", "the year through November 2023"
    if same(w, pw.year) {
        if let Some(found) = months_to(c, i + 1, end, 12, date) {
            return Some(found);
        }
    }
    // "year-on-year", "year-over-year", "month-on-month", "quarter-on-quarter"
    for (unit, rel) in [
        (pw.year, PeriodRef::YearEarlier),
        (pw.month, PeriodRef::Previous),
        (pw.quarter, PeriodRef::Previous),
    ] {
        if same(w, unit)
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
        } else if (same(&unit, pw.month) || same(&unit, pw.quarter)) && !back {
            // "this month", "this quarter": the article's.
            let d = date?;
            let p = if same(&unit, pw.month) {
                Period::Month(d.year, d.month)
            } else {
                Period::Quarter(d.year, (d.month - 1) / 3 + 1)
            };
            Some((PeriodRef::Absolute(p), i + 2))
        } else if same(&unit, pw.month) || same(&unit, pw.quarter) {
            // "fell 11.2% last month": the month before the article's; "from the previous
            // month" only compares.
            let last = date.filter(|_| same(w, pw.last)).map(|d| {
                let (y, m) = Date::months_later(d.year, d.month, -1);
                if same(&unit, pw.month) {
                    Period::Month(y, m)
                } else {
                    Period::Quarter(d.year, (d.month - 1) / 3 + 1).previous()
                }
            });
            Some((last.map_or(PeriodRef::Previous, PeriodRef::Last), i + 2))
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
    // "the six months ended June 30", "the 12 months to November 2023"
    if c.is_any(i + 2, &pw.months) {
        if let Some(n) = c.count(i + 1, 12) {
            // "the three months prior", "the three months before"
            if i + 3 < end && (c.is(i + 3, pw.prior) || c.is(i + 3, pw.before)) {
                return Some((PeriodRef::Previous, i + 4));
            }
            return months_to(c, i + 3, end, n, date);
        }
    }
    // "the quarter ended Sept. 30": the three months to then; "the week ended July 7": the
    // week's figure, dated by its last day.
    if c.is_any(i + 1, &pw.quarters) {
        return months_to(c, i + 2, end, 3, date);
    }
    if c.is(i + 1, pw.week) && i + 2 < end && c.is_any(i + 2, &pw.up_to) {
        let (y, m, d, next) = month_or_day(c, i + 3, date)?;
        return Some((PeriodRef::Absolute(Period::Day(y, m, d?)), next));
    }
    // "the previous three months", "the preceding three months"
    if c.is_any(i + 1, &pw.back_the) && i + 3 < end && c.is_any(i + 3, &pw.months) {
        c.count(i + 2, 12)?;
        return Some((PeriodRef::Previous, i + 4));
    }
    let next = if i + 2 < end { c.low(i + 1) } else { None };
    let next = next.as_deref();
    let third = || c.low(i + 2);
    // "the previous year", "the prior year", "the previous month/quarter/period"
    if next.is_some_and(|x| pw.back_the.contains(x)) {
        let third = third();
        let third = third.as_deref();
        if third.is_some_and(|x| same(x, pw.year)) {
            return Some((PeriodRef::YearEarlier, i + 3));
        }
        if third.is_some_and(|x| same(x, pw.month) || same(x, pw.quarter) || same(x, pw.period)) {
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
    if c.is_any(i + 1, &pw.same) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;

    /// The period phrases of `text` in an article dated `date`: (the phrase as written, what
    /// it names, its period resolved against `current` (a period string), baseline flag).
    fn marks(
        text: &str,
        date: &str,
        current: Option<&str>,
    ) -> Vec<(String, PeriodRef, String, bool)> {
        let lang = crate::lang::default_language();
        let mut toks = Vec::new();
        tokenize(text, 0, text.len(), &mut toks);
        let mut out = Vec::new();
        find(
            lang,
            text,
            &toks,
            0,
            toks.len(),
            Date::parse(date),
            &mut out,
        );
        let current = current.map(|p| p.parse::<Period>().unwrap());
        out.iter()
            .map(|m| {
                let span = &text[toks[m.first].start..toks[m.end - 1].end];
                let resolved = m
                    .period
                    .resolve(current)
                    .map_or("-".to_string(), |p| p.to_string());
                (span.to_string(), m.period, resolved, m.baseline)
            })
            .collect()
    }

    /// The one phrase of `text`: (as written, resolved, baseline).
    fn one(text: &str, date: &str, current: Option<&str>) -> (String, String, bool) {
        let found = marks(text, date, current);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        let (span, _, period, baseline) = found.into_iter().next().unwrap();
        (span, period, baseline)
    }

    /// A sentence, the article date, the claim's own period (for comparisons), and the one
    /// phrase expected: as written, resolved, baseline or not.
    type Case<'a> = (&'a str, &'a str, Option<&'a str>, &'a str, &'a str, bool);

    fn check(cases: &[Case]) {
        for &(text, date, current, span, period, baseline) in cases {
            assert_eq!(
                one(text, date, current),
                (span.to_string(), period.to_string(), baseline),
                "{text}"
            );
        }
    }

    #[test]
    fn year_on_year_in_every_spelling() {
        let cur = Some("2024-Q3");
        let mut cases = Vec::new();
        for phrase in [
            "year over year",
            "year-over-year",
            "YoY",
            "Y/Y",
            "y/y",
            "y-o-y",
            "year on year",
            "year-on-year",
            "on-year",
            "on the year",
            "on an annual basis",
            "year-to-year",
        ] {
            cases.push((phrase, phrase));
        }
        for (phrase, span) in cases {
            let text = format!("Revenue grew 9% {phrase} to $137.4 billion.");
            let found = marks(&text, "2024-10-30", cur);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].0, span, "{text}");
            assert_eq!(found[0].1, PeriodRef::YearEarlier, "{text}");
            assert_eq!(found[0].2, "2023-Q3", "{text}");
            assert!(found[0].3, "{text}");
        }
        // In parentheses, the parentheses go with the phrase.
        check(&[(
            "Sales rose 8% (Y-o-Y) to 5,000 units.",
            "2024-10-30",
            cur,
            "(Y-o-Y)",
            "2023-Q3",
            true,
        )]);
    }

    #[test]
    fn the_day_of_a_date() {
        let lang = crate::lang::default_language();
        let day = |text: &str, number: &str| {
            let mut toks = Vec::new();
            tokenize(text, 0, text.len(), &mut toks);
            let k = toks.iter().position(|t| t.text(text) == number).unwrap();
            day_of_date(lang, text, &toks, k)
        };
        assert!(day("SEOUL, Nov. 13 -- Exports rose.", "13"));
        assert!(day("On May 10 it fell.", "10"));
        assert!(!day("Prices may 10 times rise.", "10"));
        assert!(!day("Nov. 2024 sales rose 13 pct.", "13"));
        assert!(!day("13 were sold in November.", "13"));
    }

    #[test]
    fn previous_period_phrases() {
        check(&[
            // Wire shorthand and its spelt-out forms: the period before.
            (
                "Permits were up 3.5 percent on month.",
                "2023-07-31",
                Some("2023-06"),
                "on month",
                "2023-05",
                true,
            ),
            (
                "GDP rose 0.8 percent on the quarter.",
                "2023-07-31",
                Some("2023-Q2"),
                "on the quarter",
                "2023-Q1",
                true,
            ),
            (
                "The index was up 2.1 percent on a monthly basis.",
                "2023-07-31",
                Some("2023-06"),
                "on a monthly basis",
                "2023-05",
                true,
            ),
            (
                "Gas is 3 cents lower than a month ago.",
                "2024-06-12",
                Some("2024-06-10"),
                "a month ago",
                "2024-05-10",
                true,
            ),
            (
                "Sales rose 2% from a month earlier.",
                "2024-06-12",
                Some("2024-05"),
                "a month earlier",
                "2024-04",
                true,
            ),
            // A month before the 31st is the last day of a shorter month.
            (
                "Gas is 3 cents lower than a month ago.",
                "2024-03-31",
                Some("2024-03-31"),
                "a month ago",
                "2024-02-29",
                true,
            ),
            // A month before a quarter is no period this reads.
            (
                "Sales rose 2% from a month earlier.",
                "2024-06-12",
                Some("2024-Q1"),
                "a month earlier",
                "-",
                true,
            ),
            (
                "Prices rose 0.3% m/m.",
                "2024-06-12",
                Some("2024-05"),
                "m/m",
                "2024-04",
                true,
            ),
            (
                "Prices rose 0.3% month-on-month.",
                "2024-06-12",
                Some("2024-05"),
                "month-on-month",
                "2024-04",
                true,
            ),
            (
                "GDP grew 0.5% q/q.",
                "2024-06-12",
                Some("2024-Q1"),
                "q/q",
                "2023-Q4",
                true,
            ),
            (
                "GDP grew 0.5% quarter-on-quarter.",
                "2024-06-12",
                Some("2024-Q1"),
                "quarter-on-quarter",
                "2023-Q4",
                true,
            ),
            (
                "GDP grew 0.5% quarter over quarter.",
                "2024-06-12",
                Some("2024-Q1"),
                "quarter over quarter",
                "2023-Q4",
                true,
            ),
            (
                "Revenue rose 4% sequentially.",
                "2024-06-12",
                Some("2024-Q1"),
                "sequentially",
                "2023-Q4",
                true,
            ),
            (
                "Exports fell 2% from the previous month.",
                "2024-06-12",
                Some("2024-05"),
                "the previous month",
                "2024-04",
                true,
            ),
            (
                "Exports fell 2% from the preceding month.",
                "2024-06-12",
                Some("2024-05"),
                "the preceding month",
                "2024-04",
                true,
            ),
            (
                "Revenue was up 9% from the prior quarter.",
                "2024-06-12",
                Some("2024-Q1"),
                "the prior quarter",
                "2023-Q4",
                true,
            ),
        ]);
    }

    #[test]
    fn year_earlier_phrases() {
        let q = Some("2024-Q2");
        let m = Some("2024-05");
        check(&[
            (
                "Sales fell 3% from a year earlier.",
                "2024-06-12",
                m,
                "a year earlier",
                "2023-05",
                true,
            ),
            (
                "Sales fell 3% from a year ago.",
                "2024-06-12",
                m,
                "a year ago",
                "2023-05",
                true,
            ),
            (
                "Sales fell 3% from the same month last year.",
                "2024-06-12",
                m,
                "the same month last year",
                "2023-05",
                true,
            ),
            (
                "Profit fell from $5 million in the year-ago period.",
                "2024-07-30",
                q,
                "in the year-ago period",
                "2023-Q2",
                true,
            ),
            (
                "Profit rose from the year-ago quarter.",
                "2024-07-30",
                q,
                "the year-ago quarter",
                "2023-Q2",
                true,
            ),
            (
                "Profit rose from $5 million in the same quarter last year.",
                "2024-07-30",
                q,
                "in the same quarter last year",
                "2023-Q2",
                true,
            ),
            (
                "Sales were higher than 12 months earlier.",
                "2024-06-12",
                m,
                "12 months earlier",
                "2023-05",
                true,
            ),
            (
                "Output rose 4% over the previous year.",
                "2024-06-12",
                Some("2023"),
                "the previous year",
                "2022",
                true,
            ),
            (
                "Profit rose compared with the same period of 2022.",
                "2024-06-12",
                q,
                "the same period of 2022",
                "2022-Q2",
                true,
            ),
        ]);
    }

    #[test]
    fn on_after_a_percent_introduces_the_baseline() {
        // "last year" is the same quarter last year when it is the baseline of a quarter.
        check(&[
            (
                "Revenue was up 12% on last year.",
                "2024-07-30",
                Some("2024-Q2"),
                "last year",
                "2023-Q2",
                true,
            ),
            (
                "Revenue was up 12% on FY23.",
                "2024-07-30",
                Some("FY2024"),
                "FY23",
                "FY2023",
                true,
            ),
        ]);
        // "last year" on its own is a year, and not a baseline.
        check(&[(
            "Revenue rose 12% last year.",
            "2024-07-30",
            None,
            "last year",
            "2023",
            false,
        )]);
        // "on" elsewhere introduces nothing.
        assert!(marks("The plan focuses on 2024.", "2024-07-30", None).is_empty());
    }

    #[test]
    fn this_month_and_this_quarter_are_the_articles() {
        check(&[
            (
                "Exports rose 5% this month.",
                "2022-04-08",
                None,
                "this month",
                "2022-04",
                false,
            ),
            (
                "Profit rose this quarter.",
                "2024-05-02",
                None,
                "this quarter",
                "2024-Q2",
                false,
            ),
            (
                "Exports rose in the first week of this month.",
                "2022-04-08",
                None,
                "in the first week of this month",
                "2022-04-01..2022-04-07",
                false,
            ),
            (
                "Exports rose in the first week of March.",
                "2022-04-08",
                None,
                "in the first week of March",
                "2022-03-01..2022-03-07",
                false,
            ),
        ]);
    }

    #[test]
    fn a_month_still_to_come_in_a_sentence_about_the_future_is_this_years() {
        check(&[
            (
                "The cap will rise in October.",
                "2024-05-24",
                None,
                "in October",
                "2024-10",
                false,
            ),
            (
                "Prices are expected to rise in December.",
                "2024-05-24",
                None,
                "in December",
                "2024-12",
                false,
            ),
            // A month already past stays this year's; without the future, a later month is
            // last year's.
            (
                "The cap will be lower than in April.",
                "2024-05-24",
                None,
                "in April",
                "2024-04",
                true,
            ),
            (
                "The cap rose in October.",
                "2024-05-24",
                None,
                "in October",
                "2023-10",
                false,
            ),
            (
                "Exports will rise from the October/December quarter.",
                "1987-03-24",
                None,
                "the October/December quarter",
                "1986-Q4",
                true,
            ),
            // "than expected" says nothing of the future.
            (
                "Sales rose in October, more than expected.",
                "2025-02-10",
                None,
                "in October",
                "2024-10",
                false,
            ),
        ]);
    }

    #[test]
    fn weeks() {
        // 2024-01-10 is a Wednesday: last week ran from Monday 1 to Sunday 7 January.
        check(&[
            (
                "Claims rose last week.",
                "2024-01-10",
                None,
                "last week",
                "2024-01-01..2024-01-07",
                false,
            ),
            (
                "Claims rose 5,000 from a week ago.",
                "2024-01-10",
                Some("2024-01-06"),
                "a week ago",
                "2023-12-30",
                true,
            ),
            (
                "Claims rose 5,000 week-on-week.",
                "2024-01-10",
                Some("2024-01-01..2024-01-07"),
                "week-on-week",
                "2023-12-25..2023-12-31",
                true,
            ),
            // Against a month, a week earlier names no period.
            (
                "Claims rose 5,000 w/w.",
                "2024-01-10",
                Some("2024-01"),
                "w/w",
                "-",
                true,
            ),
        ]);
    }

    #[test]
    fn cumulative_periods() {
        check(&[
            // Twelve months "to" a month: that month's annual rate, against the same month a
            // year earlier, as statistics offices report it.
            (
                "Exports rose 5% in the year to June.",
                "2024-07-15",
                None,
                "in the year to June",
                "2024-06",
                false,
            ),
            (
                "Prices rose 4% in the 12 months to November 2023.",
                "2024-01-15",
                None,
                "in the 12 months to November 2023",
                "2023-11",
                false,
            ),
            // "the June 2025 quarter": the quarter that ends in June, as Stats NZ and the
            // ABS name quarters; its annual rate compares it with the same quarter a year
            // earlier.
            (
                "CPI increased 2.7 percent in the 12 months to the June 2025 quarter.",
                "2025-07-20",
                None,
                "in the 12 months to the June 2025 quarter",
                "2025-Q2",
                false,
            ),
            (
                "Prices rose 3% in the year to the March quarter.",
                "2025-04-20",
                None,
                "in the year to the March quarter",
                "2025-Q1",
                false,
            ),
            // The year "ended" a day: the whole year, as accounts report it.
            (
                "Revenue rose 5% in the year ended June 30, 2023.",
                "2024-01-15",
                None,
                "in the year ended June 30, 2023",
                "2022-07..2023-06",
                false,
            ),
            (
                "Output fell 2% in the first two months.",
                "2024-03-15",
                None,
                "in the first two months",
                "2024-01..2024-02",
                false,
            ),
            (
                "Output fell 2% in the first nine months of 2023.",
                "2024-03-15",
                None,
                "in the first nine months of 2023",
                "2023-01..2023-09",
                false,
            ),
            (
                "Arrivals during the first three months this year rose 3%.",
                "2017-04-16",
                None,
                "during the first three months this year",
                "2017-Q1",
                false,
            ),
            (
                "Arrivals in the first three months last year rose 2%.",
                "2017-04-16",
                None,
                "in the first three months last year",
                "2016-Q1",
                false,
            ),
            // Written in January, the first nine months are last year's.
            (
                "Output fell 2% in the first nine months.",
                "2024-01-15",
                None,
                "in the first nine months",
                "2023-01..2023-09",
                false,
            ),
            (
                "Profit was HK$812,932,000 for the six months ended 30 June 2019.",
                "2019-08-08",
                None,
                "for the six months ended 30 June 2019",
                "2019-H1",
                false,
            ),
            (
                "Sales rose in the nine months ended September 30, 2024.",
                "2024-11-08",
                None,
                "in the nine months ended September 30, 2024",
                "2024-01..2024-09",
                false,
            ),
            (
                "Profit rose in the year ended June 30.",
                "2024-08-08",
                None,
                "in the year ended June 30",
                "2023-07..2024-06",
                false,
            ),
            (
                "Registrations are up 3% year to date.",
                "2024-05-20",
                None,
                "year to date",
                "2024-01..2024-04",
                false,
            ),
            (
                "Registrations are up 3% year-to-date.",
                "2024-01-20",
                None,
                "year-to-date",
                "2024-01",
                false,
            ),
            (
                "Registrations are up 3% YTD.",
                "2024-03-02",
                None,
                "YTD",
                "2024-01..2024-02",
                false,
            ),
            (
                "Exports rose in the first 20 days of March.",
                "2024-03-22",
                None,
                "in the first 20 days of March",
                "2024-03-01..2024-03-20",
                false,
            ),
            (
                "Exports rose in the first 20 days of this month.",
                "2024-12-22",
                None,
                "in the first 20 days of this month",
                "2024-12-01..2024-12-20",
                false,
            ),
            (
                "Sales rose in January-March.",
                "2024-05-02",
                None,
                "in January-March",
                "2024-Q1",
                false,
            ),
            (
                "Sales rose in January-November 2018.",
                "2024-05-02",
                None,
                "in January-November 2018",
                "2018-01..2018-11",
                false,
            ),
            (
                "Sales were in Jan/Feb.",
                "2024-05-02",
                None,
                "in Jan/Feb",
                "2024-01..2024-02",
                false,
            ),
            (
                "Sales were in December-February.",
                "2024-05-02",
                None,
                "in December-February",
                "2023-12..2024-02",
                false,
            ),
        ]);
        // Two marks: on-year and the days.
        let found = marks(
            "Exports rose 11.2 percent on-year in the first 20 days of March.",
            "2024-03-22",
            None,
        );
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].2, "2024-03-01..2024-03-20");
    }

    #[test]
    fn codes_and_fiscal_years() {
        let d = "2024-11-05";
        check(&[
            (
                "Profit rose in 9M-24.",
                d,
                None,
                "in 9M-24",
                "2024-01..2024-09",
                false,
            ),
            (
                "Profit for its 9MFY17 rose.",
                d,
                None,
                "9MFY17",
                "FY2017-9M",
                false,
            ),
            (
                "Sales were +0.4% vs. H1 23.",
                d,
                None,
                "H1 23",
                "2023-H1",
                true,
            ),
            (
                "Revenue grew in HY 2024.",
                d,
                None,
                "in HY 2024",
                "FY2024-H1",
                false,
            ),
            (
                "Revenue grew in HY24.",
                d,
                None,
                "in HY24",
                "FY2024-H1",
                false,
            ),
            (
                "Sales rose in H1 2024.",
                d,
                None,
                "in H1 2024",
                "2024-H1",
                false,
            ),
            (
                "Sales rose in Q2 23.",
                d,
                None,
                "in Q2 23",
                "2023-Q2",
                false,
            ),
            (
                "Profit in Q1FY18 rose.",
                d,
                None,
                "in Q1FY18",
                "FY2018-Q1",
                false,
            ),
            (
                "Revenue in Q4 FY24 rose.",
                d,
                None,
                "in Q4 FY24",
                "FY2024-Q4",
                false,
            ),
            (
                "During 4Q16 revenue fell.",
                d,
                None,
                "During 4Q16",
                "2016-Q4",
                false,
            ),
            ("Sales in 1H24 rose.", d, None, "in 1H24", "2024-H1", false),
            ("3Q 2023 profit rose.", d, None, "3Q 2023", "2023-Q3", false),
            (
                "Sales in 2H-23 rose.",
                d,
                None,
                "in 2H-23",
                "2023-H2",
                false,
            ),
            (
                "Profit in 3QFY25 rose.",
                d,
                None,
                "in 3QFY25",
                "FY2025-Q3",
                false,
            ),
            (
                "Sales in 2H FY25 rose.",
                d,
                None,
                "in 2H FY25",
                "FY2025-H2",
                false,
            ),
            ("Revenue in FY25 rose.", d, None, "in FY25", "FY2025", false),
            (
                "Revenue in FY2025 rose.",
                d,
                None,
                "in FY2025",
                "FY2025",
                false,
            ),
            (
                "Revenue in fiscal 2025 rose.",
                d,
                None,
                "in fiscal 2025",
                "FY2025",
                false,
            ),
            (
                "GDP grew 8.2% in 2023-24.",
                d,
                None,
                "in 2023-24",
                "FY2024",
                false,
            ),
            (
                "The deficit fell in FY2023-24.",
                d,
                None,
                "in FY2023-24",
                "FY2024",
                false,
            ),
            (
                "Profit rose in the second quarter of fiscal 2025.",
                d,
                None,
                "in the second quarter of fiscal 2025",
                "FY2025-Q2",
                false,
            ),
        ]);
    }

    #[test]
    fn a_count_past_the_parts_of_a_year_is_no_period() {
        for text in [
            "Sales in 5Q16 rose.",
            "Profit in 3H24 rose.",
            "It cost 0Q16.",
        ] {
            assert!(marks(text, "2024-11-05", None).is_empty(), "{text}");
        }
    }

    #[test]
    fn quarters_named_by_their_months_and_by_the_article_date() {
        check(&[
            // A part of a month dates a figure as the month does.
            (
                "Sales dipped 3.6 pct in the mid-March sales period.",
                "1987-03-24",
                None,
                "in the mid-March",
                "1987-03",
                false,
            ),
            (
                "Prices rose in early June.",
                "2024-07-02",
                None,
                "in early June",
                "2024-06",
                false,
            ),
            (
                "Profit rose in the March quarter.",
                "2024-05-02",
                None,
                "in the March quarter",
                "2024-Q1",
                false,
            ),
            (
                "Profit rose in the September quarter.",
                "2024-11-02",
                None,
                "in the September quarter",
                "2024-Q3",
                false,
            ),
            (
                "Profit rose in the October-December quarter.",
                "2024-02-02",
                None,
                "in the October-December quarter",
                "2023-Q4",
                false,
            ),
            (
                "Profit was 10.8 trillion won for the fourth quarter last year.",
                "2019-01-08",
                None,
                "for the fourth quarter last year",
                "2018-Q4",
                false,
            ),
            // "the fourth quarter" in a January story is last year's.
            (
                "Profit rose in the fourth quarter.",
                "2024-01-25",
                None,
                "in the fourth quarter",
                "2023-Q4",
                false,
            ),
            (
                "Profit rose in Q4.",
                "2024-01-25",
                None,
                "in Q4",
                "2023-Q4",
                false,
            ),
            // A quarter that ended more than a quarter before the last one is a fiscal
            // quarter just ended: its year ends 4 - n quarters after the month before the
            // article's (Microsoft's fourth quarter, reported in July 2017, is FY2017's).
            (
                "Profit rose in the fourth quarter.",
                "2017-07-20",
                None,
                "in the fourth quarter",
                "FY2017-Q4",
                false,
            ),
            (
                "Profit rose in Q3.",
                "2017-05-10",
                None,
                "in Q3",
                "FY2017-Q3",
                false,
            ),
            // The quarter before the last one ended is still the calendar's ("third-quarter
            // revenue" in a February story), and so is the quarter under way.
            (
                "Profit rose in the third quarter.",
                "2017-02-10",
                None,
                "in the third quarter",
                "2016-Q3",
                false,
            ),
            (
                "Profit rose in the third quarter.",
                "2017-08-10",
                None,
                "in the third quarter",
                "2017-Q3",
                false,
            ),
            // Halves stay calendar halves.
            (
                "Profit rose in the first half.",
                "2017-12-10",
                None,
                "in the first half",
                "2017-H1",
                false,
            ),
            (
                "Profit rose in the second quarter.",
                "2024-07-25",
                None,
                "in the second quarter",
                "2024-Q2",
                false,
            ),
            // The hyphen of an adjective: "fourth-quarter revenue".
            (
                "Fourth-quarter revenue rose 23.5%.",
                "2021-02-02",
                None,
                "Fourth-quarter",
                "2020-Q4",
                false,
            ),
            (
                "First-half profit fell 3%.",
                "2024-08-29",
                None,
                "First-half",
                "2024-H1",
                false,
            ),
        ]);
    }

    #[test]
    fn a_fiscal_part_just_ended_in_the_calendar_year_is_read_in_it() {
        check(&[
            // Singapore's banks: fiscal years are calendar years, reported in November.
            (
                "Profit rose 8% in 9MFY17.",
                "2017-11-03",
                None,
                "in 9MFY17",
                "2017-01..2017-09",
                false,
            ),
            (
                "Profit rose 8% in Q3FY17.",
                "2017-11-03",
                None,
                "in Q3FY17",
                "2017-Q3",
                false,
            ),
            // The baseline a year before the part just ended.
            (
                "Margins rose from 1.71% in 9MFY17.",
                "2018-11-03",
                None,
                "in 9MFY17",
                "2017-01..2017-09",
                false,
            ),
            // India's nine months to December, reported in February; Nvidia's third quarter
            // to October, reported in November; a calendar reading not yet ended.
            (
                "Profit rose 8% in 9MFY17.",
                "2017-02-10",
                None,
                "in 9MFY17",
                "FY2017-9M",
                false,
            ),
            (
                "Revenue rose in Q3 FY23.",
                "2022-11-16",
                None,
                "in Q3 FY23",
                "FY2023-Q3",
                false,
            ),
            // Too long after the calendar reading's end for results just out.
            (
                "Profit rose 8% in 1HFY17.",
                "2017-12-20",
                None,
                "in 1HFY17",
                "FY2017-H1",
                false,
            ),
        ]);
    }

    #[test]
    fn every_fixed_phrase_starts_with_a_word_the_prefilter_lets_through() {
        for lang in crate::lang::ALL {
            for (first, _) in lang.periods.phrases.entries() {
                assert!(
                    lang.periods.starts.may_contain_lower(first),
                    "{}: {first}",
                    lang.code
                );
            }
        }
    }

    #[test]
    fn every_word_after_an_article_in_a_period_phrase_is_let_through() {
        for lang in crate::lang::ALL {
            let pw = &lang.periods;
            let mut words: Vec<&str> = vec![pw.year, pw.month, pw.week];
            for list in [&pw.quarters, &pw.same, &pw.back_the] {
                words.extend(list.list());
            }
            words.extend(lang.numbers.cardinals.entries().iter().map(|(w, _)| *w));
            for (_, phrases) in pw.phrases.entries() {
                words.extend(phrases.iter().filter_map(|(rest, _)| rest.first()));
            }
            for w in words {
                assert!(pw.after_articles.may_contain_lower(w), "{}: {w}", lang.code);
            }
        }
    }

    #[test]
    fn days_weeks_and_quarters_that_end_on_a_date() {
        check(&[
            // The week's figure, dated by its last day, as weekly series are.
            (
                "Rates rose 22 basis points to 7.07% in the week ended July 7.",
                "2023-07-12",
                None,
                "in the week ended July 7",
                "2023-07-07",
                false,
            ),
            (
                "Prices rose 3 cents for the week ending Aug. 7.",
                "2017-08-08",
                None,
                "for the week ending Aug. 7",
                "2017-08-07",
                false,
            ),
            (
                "It earned 70 cents for the quarter ended Sept. 30.",
                "2021-10-20",
                None,
                "for the quarter ended Sept. 30",
                "2021-Q3",
                false,
            ),
            // A quarter that ends with another month than a calendar quarter's.
            (
                "Sales rose 4% in the quarter ended Oct. 31, 2022.",
                "2022-11-20",
                None,
                "in the quarter ended Oct. 31, 2022",
                "2022-08..2022-10",
                false,
            ),
            // A range of days of one month, as ten-day trade figures are dated.
            (
                "Shipments reached $18.24 billion in the Nov. 1-10 period.",
                "2023-11-13",
                None,
                "in the Nov. 1-10 period",
                "2023-11-01..2023-11-10",
                false,
            ),
            (
                "There were 15,700 cases in the week (April 18-24).",
                "2022-04-26",
                None,
                "(April 18-24)",
                "2022-04-18..2022-04-24",
                false,
            ),
            (
                "Exports were $35.7 billion for June 1-20, 2025.",
                "2025-06-23",
                None,
                "for June 1-20, 2025",
                "2025-06-01..2025-06-20",
                false,
            ),
            // A day of the week: the last one by the article's date, that day included.
            (
                "The index jumped 6.56% on Thursday.",
                "2024-05-09",
                None,
                "Thursday",
                "2024-05-09",
                false,
            ),
            (
                "The index fell 1% on Monday.",
                "2024-05-09",
                None,
                "Monday",
                "2024-05-06",
                false,
            ),
        ]);
    }

    #[test]
    fn last_month_on_its_own_and_in_a_comparison() {
        check(&[
            // On its own: the month or quarter before the article's.
            (
                "Registrations fell 11.2% last month.",
                "2017-12-05",
                None,
                "last month",
                "2017-11",
                false,
            ),
            (
                "Shipments fell 7% last quarter.",
                "2018-10-31",
                None,
                "last quarter",
                "2018-Q3",
                false,
            ),
            // Compared with a figure of its own period: the one before that.
            (
                "Prices rose to 5% from 4% last month.",
                "2024-07-02",
                Some("2024-05"),
                "last month",
                "2024-04",
                false,
            ),
            // Looking back from the sentence's period.
            (
                "That compares with a 1.3% gain in the previous three months.",
                "2021-07-14",
                Some("2021-Q2"),
                "in the previous three months",
                "2021-Q1",
                true,
            ),
            (
                "Output expanded 3.1% in the three months prior.",
                "2021-07-14",
                Some("2021-Q2"),
                "in the three months prior",
                "2021-Q1",
                true,
            ),
        ]);
    }

    #[test]
    fn how_a_change_is_measured_is_no_figure_period() {
        let lang = crate::lang::default_language();
        for (text, basis) in [
            ("Output rose 8.6% year-on-year in October.", true),
            ("Output rose 8.6% YoY.", true),
            ("Output rose 8.6% on a year-on-year basis.", true),
            ("GDP grew 0.5% sequentially.", true),
            ("Output was 8.6 mln a year earlier.", false),
            ("It compares with 2% in the previous quarter.", false),
        ] {
            let mut toks = Vec::new();
            tokenize(text, 0, text.len(), &mut toks);
            let mut out = Vec::new();
            let date = Date::parse("2024-11-14");
            find(lang, text, &toks, 0, toks.len(), date, &mut out);
            let m = out.iter().find(|m| m.period.is_comparison()).expect(text);
            assert_eq!(m.basis, basis, "{text}");
        }
    }

    #[test]
    fn a_superlative_scopes_a_year_only() {
        // A month after a superlative is still the figure's: "hit its lowest level in March".
        let got = one("Output hit its lowest level in March.", "2024-05-02", None);
        assert_eq!((got.0.as_str(), got.1.as_str()), ("in March", "2024-03"));
        let got = one("Output rose 5% in 2023, a record.", "2024-05-02", None);
        assert_eq!(got.1, "2023");
    }

    #[test]
    fn words_that_are_no_period() {
        for text in [
            "The year was hard.",
            "He went on with it.",
            "It was the first time in a decade.",
            "The first two were sold.",
            "The first 20 were sold.",
            "The outlook on the year ahead is bright.",
            "Shares may be sold.",
            "It raised $9M-24 hours later.",
            "The plan won 12 months of support.",
            "Q5 was not a quarter.",
            "He scored 2023-25 goals.",
            "December gold rose $13.40 to settle at $1,780.20.",
            "The June contract fell 2%.",
            "Prices rose 2% on thursday's news.",
            // The day of the report, not of its figures.
            "Data showed Saturday that output rose 6%.",
            "The bank said on Thursday that profit rose 2%.",
            // A superlative's scope.
            "Exports rose 1%, the highest level this year.",
            "It was the lowest in 2023.",
            "Sales were the biggest in 2022, at $5 billion.",
        ] {
            assert!(
                marks(text, "2024-05-02", None).is_empty(),
                "{text}: {:?}",
                marks(text, "2024-05-02", None)
            );
        }
    }
}
