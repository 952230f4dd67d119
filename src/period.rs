//! Calendar dates and the periods claims refer to ("2025-06", "2025-H1", "2025-Q2", "FY1987",
//! "FY2025-Q4", "2024-01..2024-09").

use serde::{Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A calendar date; the article date that anchors relative periods.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`, also accepting a trailing time (`2025-07-21T10:00:00`).
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        if b.len() > 10 && !matches!(b[10], b'T' | b' ' | b't') {
            return None;
        }
        let year: i32 = s.get(0..4)?.parse().ok()?;
        let month: u8 = s.get(5..7)?.parse().ok()?;
        let day: u8 = s.get(8..10)?.parse().ok()?;
        Date::new(year, month, day)
    }

    /// The date if `month` and `day` exist in `year`.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day))
            .then_some(Date { year, month, day })
    }

    /// Parses a date as people write it at the top of an article: ISO 8601 or RFC 3339
    /// (`2025-07-21`, `2025-07-21T10:30:00+02:00`; the date part counts), month first
    /// (`July 21, 2025`), day first (`21 Jul 2025`), or RFC 2822 (`Mon, 21 Jul 2025 10:30:00
    /// +0000`). `month` reads a lowercase month word (the language's table: this module sits
    /// below the languages). A time and zone may follow the year; anything else is not a date.
    ///
    /// A hand parser rather than `chrono` or `time`: only the calendar date is wanted, the
    /// forms are few, and month names must come from the language tables anyway.
    pub fn parse_written(s: &str, month: impl Fn(&str) -> Option<u8>) -> Option<Date> {
        if let Some(date) = Date::parse(s) {
            return Some(date);
        }
        let mut s = s.trim();
        // RFC 2822's leading weekday ("Mon,"): a word that ends in a comma and is no month.
        if let Some((first, rest)) = s.split_once(',') {
            let lower = first.to_ascii_lowercase();
            if !first.is_empty()
                && first.chars().all(|c| c.is_ascii_alphabetic())
                && month(&lower).is_none()
            {
                s = rest;
            }
        }
        let mut tokens = s
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|t| !t.is_empty());
        let (first, second, third) = (tokens.next()?, tokens.next()?, tokens.next()?);
        let month_of = |t: &str| month(&t.strip_suffix('.').unwrap_or(t).to_ascii_lowercase());
        let (m, d) = match (month_of(first), month_of(second)) {
            (Some(m), None) => (m, day(second)?),
            (None, Some(m)) => (m, day(first)?),
            _ => return None,
        };
        let year = (third.len() == 4 && third.bytes().all(|b| b.is_ascii_digit()))
            .then(|| third.parse().ok())
            .flatten()?;
        // An optional time of day, then an optional zone; nothing after them.
        let mut rest = tokens.peekable();
        if rest.next_if(|t| is_time(t)).is_some() {
            rest.next_if(|t| is_zone(t));
        }
        if rest.next().is_some() {
            return None;
        }
        Date::new(year, m, d)
    }
}

/// A day of the month as written: one or two digits.
fn day(t: &str) -> Option<u8> {
    ((1..=2).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
}

/// A time of day: digits and colons, at least one colon (`10:30`, `10:30:00`).
fn is_time(t: &str) -> bool {
    t.contains(':') && t.bytes().all(|b| b.is_ascii_digit() || b == b':')
}

/// A time zone: an offset (`+0000`, `-05:00`) or a short upper-case name (`GMT`, `UT`, `EST`).
fn is_zone(t: &str) -> bool {
    match t.strip_prefix(['+', '-']) {
        Some(offset) => {
            !offset.is_empty() && offset.bytes().all(|b| b.is_ascii_digit() || b == b':')
        }
        None => (1..=5).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_uppercase()),
    }
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// Days since 1970-01-01 (negative before), for day arithmetic.
    fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The date `n` days later (earlier when negative).
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }

    /// The day of the week, Monday 0 to Sunday 6.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        (self.days() + 3).rem_euclid(7) as u8
    }

    /// The first day of `month` of `year`.
    pub fn month_start(year: i32, month: u8) -> Date {
        Date {
            year,
            month,
            day: 1,
        }
    }

    /// The last day of `month` of `year`.
    pub fn month_end(year: i32, month: u8) -> Date {
        Date {
            year,
            month,
            day: days_in_month(year, month),
        }
    }

    /// The month `n` months later (earlier when negative), as (year, month).
    pub fn months_later(year: i32, month: u8, n: i32) -> (i32, u8) {
        let k = year * 12 + i32::from(month) - 1 + n;
        (k.div_euclid(12), (k.rem_euclid(12) + 1) as u8)
    }

    /// How many months `self`'s month is after `earlier`'s (days not counted): 2024-03-31 is
    /// two after 2024-01-01, and 0 after any day of March 2024.
    pub fn months_after(self, earlier: Date) -> i32 {
        (self.year - earlier.year) * 12 + i32::from(self.month) - i32::from(earlier.month)
    }

    /// The same day `years` years earlier; the last day of a month stays the last day.
    fn years_earlier(self, years: i32) -> Date {
        let year = self.year - years;
        let last = self.day == days_in_month(self.year, self.month);
        let day = if last {
            days_in_month(year, self.month)
        } else {
            self.day.min(days_in_month(year, self.month))
        };
        Date {
            year,
            month: self.month,
            day,
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut w = Written::default();
        w.date(*self);
        f.write_str(w.as_str())
    }
}

/// A date or period written out in a buffer on the stack, then handed to the formatter with
/// one `write_str`: every report line writes its article's date and each figure's period,
/// and `write!` with zero-padded numbers costs about a thousand instructions a date (a tenth
/// of the audit's JSON writing). Writes what `{n:0width$}` writes, sign included.
struct Written {
    buf: [u8; 64],
    len: usize,
}

impl Default for Written {
    fn default() -> Written {
        Written {
            buf: [0; 64],
            len: 0,
        }
    }
}

impl Written {
    fn bytes(&mut self, b: &[u8]) {
        self.buf[self.len..self.len + b.len()].copy_from_slice(b);
        self.len += b.len();
    }

    /// `n` in decimal, zero-padded to `width` characters after its sign (as `{n:0width$}`).
    fn number(&mut self, n: i32, width: usize) {
        let mut digits = [0u8; 10];
        let mut k = digits.len();
        let mut v = n.unsigned_abs();
        loop {
            k -= 1;
            digits[k] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        if n < 0 {
            self.bytes(b"-");
        }
        let used = digits.len() - k + usize::from(n < 0);
        for _ in used..width {
            self.bytes(b"0");
        }
        self.bytes(&digits[k..]);
    }

    /// `YYYY-MM`.
    fn month(&mut self, y: i32, m: u8) {
        self.number(y, 4);
        self.bytes(b"-");
        self.number(m.into(), 2);
    }

    /// `YYYY-MM-DD`.
    fn date(&mut self, d: Date) {
        self.month(d.year, d.month);
        self.bytes(b"-");
        self.number(d.day.into(), 2);
    }

    fn as_str(&self) -> &str {
        // Only ASCII digits, signs and the literals above were written.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Four-digit numbers read as years ("in 2019", "2019's 11%").
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// The period a figure refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    Year(i32),
    /// A fiscal year, whose months depend on the company: only equal to itself.
    Fiscal(i32),
    Half(i32, u8),
    Quarter(i32, u8),
    Month(i32, u8),
    Day(i32, u8, u8),
    /// A half of a fiscal year ("H1 FY25"): `FY2025-H1`.
    FiscalHalf(i32, u8),
    /// A quarter of a fiscal year ("Q1FY18", "Q4 FY24"): `FY2018-Q1`.
    FiscalQuarter(i32, u8),
    /// The first months of a fiscal year ("9MFY17": 9): `FY2017-9M`.
    FiscalMonths(i32, u8),
    /// The days from the first to the last date, both included, that are no single month,
    /// quarter, half or year ("the first nine months", "the year to June", "January-November
    /// 2018", "the first 20 days of March", "last week"); built by [`Period::span`], which
    /// gives the single period when there is one. `2024-01..2024-09` when it runs from the
    /// start of a month to the end of one, else `2024-03-01..2024-03-20`.
    Range(Date, Date),
}

impl Period {
    /// The calendar year, or the fiscal year of a fiscal period; a range's last year.
    pub fn year(&self) -> i32 {
        match *self {
            Period::Year(y)
            | Period::Fiscal(y)
            | Period::Half(y, _)
            | Period::Quarter(y, _)
            | Period::Month(y, _)
            | Period::Day(y, _, _)
            | Period::FiscalHalf(y, _)
            | Period::FiscalQuarter(y, _)
            | Period::FiscalMonths(y, _) => y,
            Period::Range(_, to) => to.year,
        }
    }

    /// The period from `from` to `to` (both included): a single year, half, quarter, month
    /// or day when the dates bound one exactly, else a [`Period::Range`]; `None` when `to` is
    /// before `from`.
    pub fn span(from: Date, to: Date) -> Option<Period> {
        if to < from {
            return None;
        }
        if from == to {
            return Some(Period::Day(from.year, from.month, from.day));
        }
        let whole_months = from.day == 1 && to.day == days_in_month(to.year, to.month);
        if whole_months && from.year == to.year {
            let (y, a, b) = (from.year, from.month, to.month);
            let n = b - a + 1;
            let p = match n {
                1 => Some(Period::Month(y, a)),
                3 if a % 3 == 1 => Some(Period::Quarter(y, a / 3 + 1)),
                6 if a % 6 == 1 => Some(Period::Half(y, a / 6 + 1)),
                12 => Some(Period::Year(y)),
                _ => None,
            };
            if p.is_some() {
                return p;
            }
        }
        Some(Period::Range(from, to))
    }

    /// [`Period::span`] of two dates in order.
    fn range(from: Date, to: Date) -> Period {
        Period::span(from, to).unwrap_or(Period::Range(from, to))
    }

    /// The first and last days of a calendar period; `None` for fiscal periods, whose months
    /// depend on the company.
    pub fn bounds(&self) -> Option<(Date, Date)> {
        let months = |y: i32, a: u8, b: u8| (Date::month_start(y, a), Date::month_end(y, b));
        Some(match *self {
            Period::Year(y) => months(y, 1, 12),
            Period::Half(y, h) => months(y, 6 * h - 5, 6 * h),
            Period::Quarter(y, q) => months(y, 3 * q - 2, 3 * q),
            Period::Month(y, m) => months(y, m, m),
            Period::Day(y, m, d) => {
                let d = Date::new(y, m, d)?;
                (d, d)
            }
            Period::Range(a, b) => (a, b),
            Period::Fiscal(_)
            | Period::FiscalHalf(..)
            | Period::FiscalQuarter(..)
            | Period::FiscalMonths(..) => return None,
        })
    }

    /// A part of a fiscal year read in a fiscal year that is the calendar year ("9MFY17" as
    /// `2017-01..2017-09`, "Q3FY17" as `2017-Q3`); `None` for any other period.
    pub fn calendar_reading(&self) -> Option<Period> {
        match *self {
            Period::FiscalQuarter(y, q) => Some(Period::Quarter(y, q)),
            Period::FiscalHalf(y, h) => Some(Period::Half(y, h)),
            Period::FiscalMonths(y, n) => {
                Period::span(Date::month_start(y, 1), Date::month_end(y, n))
            }
            _ => None,
        }
    }

    /// The same period `years` years earlier (year-on-year comparisons).
    pub fn years_earlier(&self, years: i32) -> Period {
        match *self {
            Period::Year(y) => Period::Year(y - years),
            Period::Fiscal(y) => Period::Fiscal(y - years),
            Period::Half(y, h) => Period::Half(y - years, h),
            Period::Quarter(y, q) => Period::Quarter(y - years, q),
            Period::Month(y, m) => Period::Month(y - years, m),
            Period::Day(y, m, d) => Period::Day(y - years, m, d.min(days_in_month(y - years, m))),
            Period::FiscalHalf(y, h) => Period::FiscalHalf(y - years, h),
            Period::FiscalQuarter(y, q) => Period::FiscalQuarter(y - years, q),
            Period::FiscalMonths(y, n) => Period::FiscalMonths(y - years, n),
            Period::Range(a, b) => Period::range(a.years_earlier(years), b.years_earlier(years)),
        }
    }

    /// The period a figure most likely reports when the only period named is its baseline's
    /// ("fell to $49.3 billion from $55.7 billion in October": November): the next month or
    /// quarter, or the same half, months (whole months of a range too: "from 1.71% in
    /// 9MFY17") or fiscal year a year later, as results compare them. `None` for a year, a
    /// day or a range of days, which are as often the start of a longer span ("rose to 112
    /// from 108 in 2019").
    pub fn following(&self) -> Option<Period> {
        Some(match *self {
            Period::Month(y, 12) => Period::Month(y + 1, 1),
            Period::Month(y, m) => Period::Month(y, m + 1),
            Period::Quarter(y, 4) => Period::Quarter(y + 1, 1),
            Period::Quarter(y, q) => Period::Quarter(y, q + 1),
            Period::FiscalQuarter(y, 4) => Period::FiscalQuarter(y + 1, 1),
            Period::FiscalQuarter(y, q) => Period::FiscalQuarter(y, q + 1),
            Period::Half(..)
            | Period::FiscalHalf(..)
            | Period::FiscalMonths(..)
            | Period::Fiscal(_) => self.years_earlier(-1),
            // "the first nine months", "the 12 months to June": a year later.
            Period::Range(a, b) if a.day == 1 && b.day == days_in_month(b.year, b.month) => {
                self.years_earlier(-1)
            }
            Period::Year(_) | Period::Day(..) | Period::Range(..) => return None,
        })
    }

    /// The period immediately before this one, at the same granularity.
    pub fn previous(&self) -> Period {
        match *self {
            Period::Year(y) => Period::Year(y - 1),
            Period::Fiscal(y) => Period::Fiscal(y - 1),
            Period::Half(y, 1) => Period::Half(y - 1, 2),
            Period::Half(y, h) => Period::Half(y, h - 1),
            Period::Quarter(y, 1) => Period::Quarter(y - 1, 4),
            Period::Quarter(y, q) => Period::Quarter(y, q - 1),
            Period::Month(y, 1) => Period::Month(y - 1, 12),
            Period::Month(y, m) => Period::Month(y, m - 1),
            Period::Day(y, 1, 1) => Period::Day(y - 1, 12, 31),
            Period::Day(y, m, 1) => Period::Day(y, m - 1, days_in_month(y, m - 1)),
            Period::Day(y, m, d) => Period::Day(y, m, d - 1),
            Period::FiscalHalf(y, 1) => Period::FiscalHalf(y - 1, 2),
            Period::FiscalHalf(y, h) => Period::FiscalHalf(y, h - 1),
            Period::FiscalQuarter(y, 1) => Period::FiscalQuarter(y - 1, 4),
            Period::FiscalQuarter(y, q) => Period::FiscalQuarter(y, q - 1),
            // The first months of a fiscal year have no earlier run of the same months in
            // that year: the same months of the year before.
            Period::FiscalMonths(y, n) => Period::FiscalMonths(y - 1, n),
            Period::Range(a, b) => {
                let whole_months = a.day == 1 && b.day == days_in_month(b.year, b.month);
                if whole_months {
                    // The same number of whole months just before.
                    let n = b.months_after(a) + 1;
                    let (ya, ma) = Date::months_later(a.year, a.month, -n);
                    let (yb, mb) = Date::months_later(b.year, b.month, -n);
                    Period::range(Date::month_start(ya, ma), Date::month_end(yb, mb))
                } else {
                    let n = b.days() - a.days() + 1;
                    Period::range(a.add_days(-n), b.add_days(-n))
                }
            }
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Written by hand: see [`Written`]. The formats are in the comments.
        let mut w = Written::default();
        let (fiscal, y, part, n) = match *self {
            // {y:04}
            Period::Year(y) => (false, y, None, 0),
            // FY{y:04}
            Period::Fiscal(y) => (true, y, None, 0),
            // {y:04}-H{h}
            Period::Half(y, h) => (false, y, Some(b"-H"), h),
            // {y:04}-Q{q}
            Period::Quarter(y, q) => (false, y, Some(b"-Q"), q),
            // FY{y:04}-H{h}
            Period::FiscalHalf(y, h) => (true, y, Some(b"-H"), h),
            // FY{y:04}-Q{q}
            Period::FiscalQuarter(y, q) => (true, y, Some(b"-Q"), q),
            // FY{y:04}-{n}M
            Period::FiscalMonths(y, n) => {
                w.bytes(b"FY");
                w.number(y, 4);
                w.bytes(b"-");
                w.number(n.into(), 0);
                w.bytes(b"M");
                return f.write_str(w.as_str());
            }
            // {y:04}-{m:02}
            Period::Month(y, m) => {
                w.month(y, m);
                return f.write_str(w.as_str());
            }
            // {y:04}-{m:02}-{d:02}
            Period::Day(y, m, d) => {
                w.date(Date {
                    year: y,
                    month: m,
                    day: d,
                });
                return f.write_str(w.as_str());
            }
            // {a.year:04}-{a.month:02}..{b.year:04}-{b.month:02} for whole months
            Period::Range(a, b) if a.day == 1 && b.day == days_in_month(b.year, b.month) => {
                w.month(a.year, a.month);
                w.bytes(b"..");
                w.month(b.year, b.month);
                return f.write_str(w.as_str());
            }
            // {a}..{b}
            Period::Range(a, b) => {
                w.date(a);
                w.bytes(b"..");
                w.date(b);
                return f.write_str(w.as_str());
            }
        };
        if fiscal {
            w.bytes(b"FY");
        }
        w.number(y, 4);
        if let Some(part) = part {
            w.bytes(part);
            w.number(n.into(), 0);
        }
        f.write_str(w.as_str())
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Why a period string could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not a period (expected 2025, FY2025, FY2025-Q4, 2025-H1, 2025-Q2, 2025-06, \
     2025-06-07 or 2025-01..2025-09)"
)]
pub struct BadPeriod(pub String);

impl FromStr for Period {
    type Err = BadPeriod;

    fn from_str(s: &str) -> Result<Period, BadPeriod> {
        let bad = || BadPeriod(s.to_string());
        let t = s.trim();
        let year = |y: &str| -> Result<i32, BadPeriod> {
            (y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
                .then(|| y.parse().ok())
                .flatten()
                .ok_or_else(bad)
        };
        if let Some((a, b)) = t.split_once("..") {
            // A range: two months or two days, as printed.
            let (a, b) = (a.parse::<Period>()?, b.parse::<Period>()?);
            return match (a, b) {
                (Period::Month(..) | Period::Day(..), Period::Month(..) | Period::Day(..)) => {
                    let (from, to) = (a.bounds().ok_or_else(bad)?.0, b.bounds().ok_or_else(bad)?.1);
                    match Period::span(from, to) {
                        Some(p @ Period::Range(..)) => Ok(p),
                        _ => Err(bad()),
                    }
                }
                _ => Err(bad()),
            };
        }
        if let Some(rest) = t.strip_prefix("FY").or_else(|| t.strip_prefix("fy")) {
            let Some((y, part)) = rest.split_once('-') else {
                return Ok(Period::Fiscal(year(rest)?));
            };
            let y = year(y)?;
            let small = |x: &str, max: u8| x.parse::<u8>().ok().filter(|v| (1..=max).contains(v));
            let p = if let Some(h) = part.strip_prefix('H') {
                small(h, 2).map(|h| Period::FiscalHalf(y, h))
            } else if let Some(q) = part.strip_prefix('Q') {
                small(q, 4).map(|q| Period::FiscalQuarter(y, q))
            } else {
                part.strip_suffix('M')
                    .and_then(|n| small(n, 11))
                    .map(|n| Period::FiscalMonths(y, n))
            };
            return p.ok_or_else(bad);
        }
        let (y, rest) = match t.split_once('-') {
            None => return Ok(Period::Year(year(t)?)),
            Some(parts) => parts,
        };
        let y = year(y)?;
        let small = |x: &str, max: u8| -> Result<u8, BadPeriod> {
            x.parse::<u8>()
                .ok()
                .filter(|v| (1..=max).contains(v))
                .ok_or_else(bad)
        };
        if let Some(h) = rest.strip_prefix(['H', 'h']) {
            return Ok(Period::Half(y, small(h, 2)?));
        }
        if let Some(q) = rest.strip_prefix(['Q', 'q']) {
            return Ok(Period::Quarter(y, small(q, 4)?));
        }
        match rest.split_once('-') {
            None if rest.len() == 2 => Ok(Period::Month(y, small(rest, 12)?)),
            Some((m, d)) if m.len() == 2 && d.len() == 2 => {
                let m = small(m, 12)?;
                Ok(Period::Day(y, m, small(d, days_in_month(y, m))?))
            }
            _ => Err(bad()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_after_counts_months_not_days() {
        let d = |s: &str| Date::parse(s).unwrap();
        assert_eq!(d("2024-03-31").months_after(d("2024-01-01")), 2);
        assert_eq!(d("2024-03-01").months_after(d("2024-03-31")), 0);
        assert_eq!(d("2025-01-15").months_after(d("2024-12-31")), 1);
        assert_eq!(d("2023-06-30").months_after(d("2024-06-30")), -12);
    }

    #[test]
    fn periods_round_trip_through_their_strings() {
        for s in [
            "2025",
            "FY1987",
            "2025-H1",
            "2025-Q2",
            "2025-06",
            "2024-02-29",
            "FY2025-H1",
            "FY2018-Q1",
            "FY2017-9M",
            "2024-01..2024-09",
            "2023-07..2024-06",
            "2024-03-01..2024-03-20",
        ] {
            assert_eq!(s.parse::<Period>().unwrap().to_string(), s);
        }
        for s in [
            "25",
            "2025-13",
            "2025-H3",
            "2023-02-29",
            "June",
            "",
            "FY2025-Q5",
            "FY2025-12M",
            "2024-09..2024-01",
            // A range that is one quarter is written as the quarter.
            "2024-01..2024-03",
            "2024..2025",
        ] {
            assert!(s.parse::<Period>().is_err(), "{s}");
        }
    }

    /// The hand-written [`Written`] form is what the `write!` formats it replaced wrote.
    #[test]
    fn periods_and_dates_write_as_the_format_strings_did() {
        fn date(d: Date) -> String {
            format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
        }
        fn old(p: Period) -> String {
            match p {
                Period::Year(y) => format!("{y:04}"),
                Period::Fiscal(y) => format!("FY{y:04}"),
                Period::Half(y, h) => format!("{y:04}-H{h}"),
                Period::Quarter(y, q) => format!("{y:04}-Q{q}"),
                Period::Month(y, m) => format!("{y:04}-{m:02}"),
                Period::Day(y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
                Period::FiscalHalf(y, h) => format!("FY{y:04}-H{h}"),
                Period::FiscalQuarter(y, q) => format!("FY{y:04}-Q{q}"),
                Period::FiscalMonths(y, n) => format!("FY{y:04}-{n}M"),
                Period::Range(a, b) if a.day == 1 && b.day == days_in_month(b.year, b.month) => {
                    format!("{:04}-{:02}..{:04}-{:02}", a.year, a.month, b.year, b.month)
                }
                Period::Range(a, b) => format!("{}..{}", date(a), date(b)),
            }
        }
        for y in [
            0,
            7,
            99,
            987,
            1987,
            2025,
            9999,
            12345,
            -1,
            -5,
            -987,
            -2025,
            i32::MIN,
            i32::MAX,
        ] {
            for n in [0u8, 1, 9, 10, 12, 31, 99, 100, 255] {
                let a = Date {
                    year: y,
                    month: n,
                    day: n,
                };
                let b = Date {
                    year: y,
                    month: 2,
                    day: days_in_month(y, 2),
                };
                assert_eq!(a.to_string(), date(a));
                for p in [
                    Period::Year(y),
                    Period::Fiscal(y),
                    Period::Half(y, n),
                    Period::Quarter(y, n),
                    Period::Month(y, n),
                    Period::Day(y, n, n),
                    Period::FiscalHalf(y, n),
                    Period::FiscalQuarter(y, n),
                    Period::FiscalMonths(y, n),
                    Period::Range(a, b),
                    Period::Range(Date { day: 1, ..a }, b),
                ] {
                    assert_eq!(p.to_string(), old(p), "{p:?}");
                }
            }
        }
    }

    #[test]
    fn year_earlier_and_previous() {
        assert_eq!(
            Period::Month(2025, 6).years_earlier(1),
            Period::Month(2024, 6)
        );
        assert_eq!(Period::Month(2025, 1).previous(), Period::Month(2024, 12));
        assert_eq!(
            Period::Quarter(2025, 1).previous(),
            Period::Quarter(2024, 4)
        );
    }

    #[test]
    fn spans_are_the_single_period_they_bound() {
        let d = |y, m, d| Date::new(y, m, d).unwrap();
        assert_eq!(
            Period::span(d(2024, 1, 1), d(2024, 3, 31)),
            Some(Period::Quarter(2024, 1))
        );
        assert_eq!(
            Period::span(d(2024, 7, 1), d(2024, 12, 31)),
            Some(Period::Half(2024, 2))
        );
        assert_eq!(
            Period::span(d(2024, 1, 1), d(2024, 12, 31)),
            Some(Period::Year(2024))
        );
        assert_eq!(
            Period::span(d(2024, 2, 1), d(2024, 2, 29)),
            Some(Period::Month(2024, 2))
        );
        assert_eq!(
            Period::span(d(2024, 1, 1), d(2024, 9, 30)).map(|p| p.to_string()),
            Some("2024-01..2024-09".into())
        );
        assert_eq!(Period::span(d(2024, 2, 1), d(2024, 1, 1)), None);
    }

    #[test]
    fn ranges_step_back_by_their_own_length_or_a_year() {
        let p = |s: &str| s.parse::<Period>().unwrap();
        // The year to June 2024, a year earlier and just before.
        assert_eq!(
            p("2023-07..2024-06").years_earlier(1),
            p("2022-07..2023-06")
        );
        assert_eq!(p("2023-07..2024-06").previous(), p("2022-07..2023-06"));
        assert_eq!(p("2024-01..2024-02").previous(), p("2023-11..2023-12"));
        // A range that ends on the last day of February stays month-aligned in a leap year.
        assert_eq!(
            p("2023-01..2023-02").years_earlier(-1),
            p("2024-01..2024-02")
        );
        assert_eq!(
            p("2024-03-01..2024-03-20").years_earlier(1),
            p("2023-03-01..2023-03-20")
        );
        assert_eq!(
            p("2024-03-11..2024-03-17").previous(),
            p("2024-03-04..2024-03-10")
        );
        // Two months back from April-May is February-March, not a quarter.
        assert_eq!(p("2024-04..2024-05").previous(), p("2024-02..2024-03"));
        assert_eq!(
            Period::FiscalQuarter(2025, 1).previous(),
            Period::FiscalQuarter(2024, 4)
        );
    }

    #[test]
    fn day_arithmetic_and_weekdays() {
        let d = |y, m, d| Date::new(y, m, d).unwrap();
        assert_eq!(d(2024, 3, 1).add_days(-1), d(2024, 2, 29));
        assert_eq!(d(2023, 12, 31).add_days(1), d(2024, 1, 1));
        assert_eq!(d(1970, 1, 1).weekday(), 3);
        // 2024-01-10 was a Wednesday; 2025-06-30 a Monday.
        assert_eq!(d(2024, 1, 10).weekday(), 2);
        assert_eq!(d(2025, 6, 30).weekday(), 0);
        assert_eq!(d(1900, 3, 1).add_days(-1), d(1900, 2, 28));
    }

    #[test]
    fn dates_parse_with_or_without_time() {
        assert_eq!(
            Date::parse("1987-02-26T15:01:01").unwrap().to_string(),
            "1987-02-26"
        );
        assert!(Date::parse("2025-02-30").is_none());
    }

    /// A month table for the tests: the period module knows no month words of its own.
    fn months(w: &str) -> Option<u8> {
        crate::lang::default_language().units.months.get(w)
    }

    #[test]
    fn written_dates_in_every_accepted_form() {
        for s in [
            "2025-07-21",
            "2025-07-21T10:30:00Z",
            "2025-07-21T10:30:00+02:00",
            "July 21, 2025",
            "Jul 21, 2025",
            "Jul. 21, 2025",
            "july 21 2025",
            "21 July 2025",
            "21 Jul 2025",
            "  21 JULY 2025 ",
            "Mon, 21 Jul 2025 10:30:00 +0000",
            "Mon, 21 Jul 2025 10:30:00 GMT",
            "Mon, 21 Jul 2025 10:30",
        ] {
            let date = Date::parse_written(s, months);
            assert_eq!(
                date.map(|d| d.to_string()).as_deref(),
                Some("2025-07-21"),
                "{s}"
            );
        }
        let leap = Date::parse_written("February 29, 2024", months);
        assert_eq!(
            leap,
            Some(Date {
                year: 2024,
                month: 2,
                day: 29
            })
        );
    }

    #[test]
    fn written_dates_that_are_not_dates() {
        for s in [
            "July 32, 2025",
            "2025-13-01",
            "yesterday",
            "",
            ",",
            "February 29, 2025",
            "July 2025",
            "July July 2025",
            "21 22 2025",
            "July 21, 25",
            "July +1, 2025",
            "July 021, 2025",
            "July 21, 2025 and more",
            "Mon, 21 Jul 2025 10:30:00 +0000 extra",
            "Mon, 21 Jul 2025 tea",
            "Moon, 21 Jul",
        ] {
            assert_eq!(Date::parse_written(s, months), None, "{s}");
        }
    }
}
