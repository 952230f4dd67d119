//! The period an article reports on, for comparisons whose sentences name none: "Amazon's
//! net quarterly sales grew 9% year over year to $137.4 billion", published 2022-02-03, is
//! about 2021-Q4. The cadence comes from the article's first period phrase or word that says
//! one ("in the third quarter", "in June", "first half 2023", "quarterly", "interim"), the
//! period from the article's date: the latest such month, quarter or half ended by then.
//! Claims carry it as assumed, not read ([`crate::claim::Claim::period_assumed`]).

use super::periods;
use super::sentence_marks::SentenceMarks;
use crate::document::Document;
use crate::extract::Extraction;
use crate::lang::Cadence;
use crate::period::{Date, Period};

/// The period `doc` is assumed to report on, when its date is known and its words say how
/// often its figures come; `None` when they do not, or say a day or a fiscal period. The
/// sentences' period phrases are read from (and left in) `marks`.
pub fn period(doc: &Document, ex: &Extraction, marks: &mut SentenceMarks) -> Option<Period> {
    let date = doc.date?;
    for (k, &sentence) in doc.sentences.iter().enumerate() {
        let first = ex.tokens.partition_point(|t| t.start < sentence.start);
        let end = ex.tokens.partition_point(|t| t.start < sentence.end);
        let found = marks.of(doc, ex, k, (first, end));
        if let Some(said) = periods::cadence(doc.lang, &doc.text, &ex.tokens, first, end, found) {
            return said.map(|cadence| latest_ended(cadence, date));
        }
    }
    None
}

/// The latest month, quarter or half that ended before `date`.
pub fn latest_ended(cadence: Cadence, date: Date) -> Period {
    match cadence {
        Cadence::Month => Period::Month(date.year, date.month).previous(),
        Cadence::Quarter => Period::Quarter(date.year, (date.month - 1) / 3 + 1).previous(),
        Cadence::Half => Period::Half(date.year, (date.month - 1) / 6 + 1).previous(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn assumed(text: &str, date: &str) -> Option<String> {
        let mut doc = Document::new(
            "t".into(),
            "t".into(),
            text.into(),
            Span::new(0, text.len()),
        );
        doc.date = Date::parse(date);
        let ex = crate::extract::extract(&doc);
        let mut marks = SentenceMarks::new(doc.sentences.len());
        period(&doc, &ex, &mut marks).map(|p| p.to_string())
    }

    #[test]
    fn the_latest_period_ended_by_the_date() {
        let d = |s| Date::parse(s).unwrap();
        let latest = |c, s| latest_ended(c, d(s)).to_string();
        assert_eq!(latest(Cadence::Month, "2023-10-19"), "2023-09");
        assert_eq!(latest(Cadence::Month, "2024-01-05"), "2023-12");
        assert_eq!(latest(Cadence::Quarter, "2022-02-03"), "2021-Q4");
        assert_eq!(latest(Cadence::Quarter, "2018-11-05"), "2018-Q3");
        assert_eq!(latest(Cadence::Half, "2024-08-29"), "2024-H1");
        assert_eq!(latest(Cadence::Half, "2025-03-01"), "2024-H2");
    }

    #[test]
    fn the_cadence_from_the_first_period_phrase_or_word() {
        let cases = [
            // A word alone.
            (
                "Amazon's net quarterly sales grew 9% year over year to $137.4 billion.",
                "2022-02-03",
                Some("2021-Q4"),
            ),
            (
                "Samsung had a challenging quarter, with shipments down 13.4 percent.",
                "2018-11-05",
                Some("2018-Q3"),
            ),
            (
                "SEASONALLY ADJUSTED ESTIMATES (MONTHLY CHANGE) Employment increased 17,400.",
                "2015-09-10",
                Some("2015-08"),
            ),
            (
                "Interim results: revenue increased by 21% to HK$2,674 million.",
                "2017-08-08",
                Some("2017-H1"),
            ),
            // A period phrase later in the article says the cadence, not which period.
            (
                "Revenue grew 9% to $137.4 billion. In the third quarter, it rose 15%.",
                "2022-02-03",
                Some("2021-Q4"),
            ),
            (
                "Turnover grew 30% year-over-year. EBITDA was 345 million euro, up from 222 million euro in the first half 2023.",
                "2024-08-29",
                Some("2024-H1"),
            ),
            // The first one said wins.
            (
                "Exports rose 5% in June. Quarterly growth was 1%.",
                "2024-07-20",
                Some("2024-06"),
            ),
        ];
        for (text, date, want) in cases {
            assert_eq!(assumed(text, date).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn nothing_is_assumed_without_a_cadence_a_date_or_on_a_day_or_fiscal_calendar() {
        let cases = [
            (
                "The value of exports gained 4.3% from a year earlier.",
                "2023-10-19",
            ),
            (
                "Premium gas is 3 cents lower than a month ago at $2.80.",
                "2017-07-20",
            ),
            // Fractions and steps are no cadence.
            (
                "The Fed cut rates by a quarter point, its first cut.",
                "2024-09-18",
            ),
            ("About a quarter of sales rose 5% in value.", "2024-09-18"),
            ("Rates rose half a percentage point to 5%.", "2024-09-18"),
            // A span of several months is no cadence.
            (
                "OCBC posted a 5% decline in nine-month net profit.",
                "2017-11-03",
            ),
            // A year says nothing of the cadence.
            (
                "Growth would be 1% in 2025, after 3% a year earlier.",
                "2024-09-18",
            ),
            // A day, or a company's fiscal calendar: nothing is assumed.
            (
                "Shares fell 5% on Friday. Quarterly sales rose 3%.",
                "2024-09-18",
            ),
            (
                "Revenue in fiscal 2024 rose 3%. Quarterly sales rose 3%.",
                "2024-09-18",
            ),
        ];
        for (text, date) in cases {
            assert_eq!(assumed(text, date), None, "{text}");
        }
        assert_eq!(assumed("Quarterly sales rose 3%.", "not a date"), None);
    }
}
