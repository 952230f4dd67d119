//! Calendar dates and the periods claims refer to ("2025-06", "2025-H1", "2025-Q2", "FY1987").

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
    fn new(year: i32, month: u8, day: u8) -> Option<Date> {
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

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

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
}

impl Period {
    pub fn year(&self) -> i32 {
        match *self {
            Period::Year(y)
            | Period::Fiscal(y)
            | Period::Half(y, _)
            | Period::Quarter(y, _)
            | Period::Month(y, _)
            | Period::Day(y, _, _) => y,
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
        }
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
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::Year(y) => write!(f, "{y:04}"),
            Period::Fiscal(y) => write!(f, "FY{y:04}"),
            Period::Half(y, h) => write!(f, "{y:04}-H{h}"),
            Period::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            Period::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Period::Day(y, m, d) => write!(f, "{y:04}-{m:02}-{d:02}"),
        }
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Why a period string could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a period (expected 2025, FY2025, 2025-H1, 2025-Q2, 2025-06 or 2025-06-07)")]
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
        if let Some(rest) = t.strip_prefix("FY").or_else(|| t.strip_prefix("fy")) {
            return Ok(Period::Fiscal(year(rest)?));
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
    fn periods_round_trip_through_their_strings() {
        for s in [
            "2025",
            "FY1987",
            "2025-H1",
            "2025-Q2",
            "2025-06",
            "2024-02-29",
        ] {
            assert_eq!(s.parse::<Period>().unwrap().to_string(), s);
        }
        for s in ["25", "2025-13", "2025-H3", "2023-02-29", "June", ""] {
            assert!(s.parse::<Period>().is_err(), "{s}");
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
