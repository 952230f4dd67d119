//! Claims: mentions linked into value, change, share and multiple claims with periods,
//! subjects and (stated or implied) baselines.

mod anaphora;
mod baseline;
mod earlier_level;
mod link;
pub mod periods;
mod reporting;
mod restated;
mod sentence_marks;
pub mod subject;
mod table_columns;

use crate::claim::Claim;
use crate::document::Document;
use crate::extract::Extraction;
use crate::interval::Interval;
use crate::lang::Language;

pub use link::link;

/// Whether two claims are about the same measure of the same thing (subject and unit
/// compatible), so their figures for one period must agree. Favours precision: when in
/// doubt, `false`.
pub fn same_measure_in(lang: &Language, a: &Claim, b: &Claim) -> bool {
    let unit = |c: &Claim| {
        c.value
            .as_ref()
            .or(c.baseline.as_ref())
            .and_then(|f| f.unit)
    };
    if let (Some(ua), Some(ub)) = (unit(a), unit(b)) {
        if ua != ub {
            return false;
        }
    }
    // Two figures in one sentence are nearly always different measures or periods ("361,285
    // cars, down 6.3 pct, 165,770 trucks, down 8.6 pct"); a figure restated is restated
    // elsewhere.
    if a.sentence == b.sentence {
        return false;
    }
    subject::Keys::same_thing(&lang.subjects, &a.subject, &b.subject)
        || (plain_value(a)
            && plain_value(b)
            && subject::Keys::same_single_measure(&lang.subjects, &a.subject, &b.subject))
}

/// A value stated on its own, without a change or baseline: the one-word subject of such a
/// claim is the article naming its measure ("Revenue was €310m in 2024."), while a change's
/// ("fourth quarter profit increased to 49.1 mln dlrs") is often one unit among several.
fn plain_value(c: &Claim) -> bool {
    c.kind == crate::claim::ClaimKind::Value && c.change.is_none() && c.baseline.is_none()
}

/// Whether two figures are within a factor of 50 of each other: further apart, one is misread
/// or they are not two sides of one comparison.
fn comparable_size(a: &Interval, b: &Interval) -> bool {
    (1.0 / 50.0..=50.0).contains(&(a.mid() / b.mid()).abs())
}

/// Links an article's mentions into claims, with implied baselines filled in.
pub fn claims(doc: &Document, ex: &Extraction) -> Vec<Claim> {
    let mut claims = link(doc, ex);
    anaphora::carry_values(doc, ex, &mut claims);
    restated::fill(doc, ex, &mut claims);
    earlier_level::link(doc, ex, &mut claims);
    for claim in &mut claims {
        baseline::imply(claim);
    }
    claims
}

#[cfg(test)]
mod test_support {
    use crate::document::Document;

    /// An article of `text` dated `date`, checked with no registry: for the tests of the
    /// linking stages.
    pub fn checked_on(text: &str, date: &str) -> crate::analysis::Checked {
        let mut doc = Document::new(
            "t".into(),
            "t.md".into(),
            text.into(),
            crate::span::Span::new(0, text.len()),
        );
        doc.date = crate::period::Date::parse(date);
        crate::analysis::check(doc, None)
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::check;
    use crate::claim::{Claim, ClaimKind, Figure};
    use crate::document::Document;
    use crate::period::{Date, Period};
    use crate::span::Span;

    fn report(text: &str, date: Option<&str>) -> crate::analysis::Checked {
        let mut doc = Document::new(
            "t".into(),
            "t.md".into(),
            text.into(),
            Span::new(0, text.len()),
        );
        doc.date = date.and_then(Date::parse);
        check(doc, None)
    }

    fn claims(text: &str, date: Option<&str>) -> Vec<Claim> {
        report(text, date).claims
    }

    fn text(source: &str, span: Option<Span>) -> &str {
        span.map_or("", |s| s.slice(source))
    }

    /// (value as written, baseline as written, change as written) of each change claim.
    fn links(source: &str) -> Vec<(String, String, String)> {
        claims(source, Some("1987-03-10"))
            .iter()
            .filter(|c| c.change.is_some() || c.baseline.is_some())
            .map(|c| {
                (
                    text(source, c.value.as_ref().and_then(|f| f.stated)).to_string(),
                    text(source, c.baseline.as_ref().and_then(|f| f.stated)).to_string(),
                    text(source, c.change.as_ref().map(|ch| ch.stated)).to_string(),
                )
            })
            .collect()
    }

    fn link(v: &str, b: &str, c: &str) -> (String, String, String) {
        (v.into(), b.into(), c.into())
    }

    /// The old wires print an apostrophe as a straight quote ("BBME"s"): the name before it
    /// stays in the subject, so two banks' profits for one year are not one figure told twice.
    #[test]
    fn a_wire_apostrophe_keeps_the_name_in_the_subject() {
        let two_banks = "BBME\"s net profit fell to 3.2 mln riyals in 1986 from 10.4 mln in \
                         1985. Standard Chartered\"s net profit recovered to 1.6 mln riyals in 1986.";
        let checked = report(two_banks, Some("1987-04-26"));
        assert_eq!(checked.claims[0].subject, "BBME\"s net profit");
        assert!(checked.findings.is_empty(), "{:?}", checked.findings);
        let one_bank = two_banks.replace("Standard Chartered", "BBME");
        let checked = report(&one_bank, Some("1987-04-26"));
        assert_eq!(checked.findings.len(), 1, "{:?}", checked.findings);
        assert_eq!(checked.findings[0].rule, "conflicting-figures");
    }

    #[test]
    fn links_the_reuters_shapes() {
        assert_eq!(
            links("Net profit rose 12.5 pct to 320.5 mln dlrs from 284.9 mln."),
            [link("320.5 mln dlrs", "284.9 mln", "rose 12.5 pct")]
        );
        assert_eq!(
            links("Sales were 121,580, up 8.8 pct from 111,743."),
            [link("121,580", "111,743", "up 8.8 pct")]
        );
        assert_eq!(
            links("Car sales were off 1.9 pct at 56,195 compared to 57,276."),
            [link("56,195", "57,276", "off 1.9 pct")]
        );
        assert_eq!(
            links("Output was 19,020 against 18,145."),
            [link("19,020", "18,145", "")]
        );
        assert_eq!(
            links("    Net 16,362,000 vs 24,325,000"),
            [link("16,362,000", "24,325,000", "")]
        );
    }

    #[test]
    fn a_table_row_reads_its_columns_in_the_headers_order() {
        let latest_first = "| In €m | H1 2024 | H1 2023 | Change |\n|---|---|---|---|\n\
                            | Revenue | 2,325.2 | 2,179.1 | 6.7% |\n";
        let earliest_first = "In €m | H1 2023 | H1 2024 | Change |\n---|---|---|---|\n\
                              Revenue | 2,179.1 | 2,325.2 | 6.7% |\n";
        for table in [latest_first, earliest_first] {
            assert_eq!(
                links(table),
                [link("2,325.2", "2,179.1", "6.7%")],
                "{table}"
            );
        }
    }

    #[test]
    fn a_table_row_takes_its_columns_periods_from_the_header() {
        let periods = |table: &str| -> Vec<(String, String)> {
            claims(table, Some("2024-05-14"))
                .iter()
                .map(|c| {
                    let p = |f: &Option<Figure>| {
                        f.as_ref()
                            .and_then(|f| f.period)
                            .map_or("-".to_string(), |p| p.to_string())
                    };
                    (p(&c.value), p(&c.baseline))
                })
                .collect()
        };
        let p = |v: &str, b: &str| (v.to_string(), b.to_string());
        // A header without the label cell, its first cell a period; "HY" is a fiscal half.
        let fiscal = "HY 2024 | HY 2023 | Change | |\nRevenue | $20.9bn | $18.8bn | 11.2% |\n";
        assert_eq!(periods(fiscal), [p("FY2024-H1", "FY2023-H1")]);
        let calendar = "| In €m | H1 2024 | H1 2023 | Change |\n|---|---|---|---|\n\
                        | Revenue | 2,325.2 | 2,179.1 | 6.7% |\n";
        assert_eq!(periods(calendar), [p("2024-H1", "2023-H1")]);
        // A header naming no period leaves the row's figures undated.
        let plain = "Item | Now | Before | Change |\nSales | 12.0 | 10.0 | 20% |\n";
        assert_eq!(periods(plain), [p("-", "-")]);
    }

    #[test]
    fn a_table_row_reads_a_glued_plus_and_an_accounting_negative() {
        let table = "In $m | 2024 | 2023 | Change |\n---|---|---|---|\n\
                     Sales | 1,250.0 | 1,100.0 | +13.6% |\n\
                     Net income | 80.5 | 92.0 | (12.5%) |\n";
        assert_eq!(
            links(table),
            [
                link("1,250.0", "1,100.0", "13.6%"),
                link("80.5", "92.0", "12.5%")
            ]
        );
        let c = claims(table, None);
        assert!(c[1].change.as_ref().unwrap().interval.high < 0.0, "{c:#?}");
        let wrong = table
            .replace("(12.5%)", "(22.5%)")
            .replace("+13.6%", "+23.6%");
        let report = report(&wrong, None);
        let rules: Vec<&str> = report.findings.iter().map(|f| f.rule).collect();
        assert_eq!(rules, ["change-mismatch", "change-mismatch"], "{report:#?}");
    }

    #[test]
    fn a_table_cell_keeps_its_footnote_mark_and_parentheses() {
        let table = "In $m | 2025 | 2024 | Change |\n---|---|---|---|\n\
                     Sales | $1.8bn | $1.5bn2 | 20.0%3 |\n\
                     Net loss | (30.0) | 20.0 | (250.0%) |\n";
        assert_eq!(
            links(table),
            [
                link("$1.8bn", "$1.5bn2", "20.0%"),
                link("(30.0)", "20.0", "250.0%")
            ]
        );
        // A loss against a profit is a fall of more than 100%, and no impossible one.
        assert!(report(table, None).findings.is_empty());
    }

    #[test]
    fn a_row_set_apart_by_spaces_reads_costs_in_parentheses_as_amounts() {
        let rows = "Results ($m)\nEBIT 1 8.0 10.0 (20.0%)\nFinance costs (6.0) (5.0) 20.0%\n";
        assert_eq!(
            links(rows),
            [
                link("8.0", "10.0", "20.0%"),
                link("(6.0)", "(5.0)", "20.0%")
            ]
        );
        assert!(report(rows, None).findings.is_empty());
        // A figure or a word after the percent is no row's change column.
        let not_rows = "Costs 6.0 5.0 20.0% of sales\nCosts 6.0 5.0 20.0% 3\n";
        assert!(links(not_rows).is_empty(), "{:?}", links(not_rows));
    }

    #[test]
    fn a_bare_baseline_takes_its_values_unit_and_scale() {
        let c = &claims("Sales rose 5 pct to 105 mln dlrs from 100.", None)[0];
        let base = c.baseline.as_ref().unwrap();
        assert_eq!(base.unit, Some("USD"));
        assert!(base.interval.contains(100e6), "{}", base.interval);
    }

    #[test]
    fn seed_article_implied_baselines_and_periods() {
        let seed = "China’s export volume to the US in June soared to 353 tons, an increase of 660% compared to May.\n\
            Overall, China exported 3188 tons of rare earth magnets to the world in June, marking a 157.5% increase from 1238 tons in May, but still down 38.1% compared to the same period in 2024.\n\
            In the first half of 2025, China’s total export of rare earth magnets was 22,319 tons, a year-on-year decrease of 18.9%.";
        let claims = claims(seed, Some("2025-07-21"));
        let implied: Vec<(f64, Option<Period>)> = claims
            .iter()
            .filter_map(|c| c.baseline.as_ref().filter(|b| b.implied))
            .map(|b| (b.interval.mid(), b.period))
            .collect();
        let near = |x: f64, y: f64, tol: f64| (x - y).abs() <= tol;
        assert_eq!(implied.len(), 3, "{claims:#?}");
        assert!(near(implied[0].0, 46.4, 0.1) && implied[0].1 == Some(Period::Month(2025, 5)));
        assert!(near(implied[1].0, 5150.0, 5.0) && implied[1].1 == Some(Period::Month(2024, 6)));
        assert!(near(implied[2].0, 27520.0, 20.0) && implied[2].1 == Some(Period::Half(2024, 1)));
        // The "down 38.1%" claim takes the sentence's 3188 tons in June as its current value.
        let down = &claims[2];
        assert_eq!(down.kind, ClaimKind::Change);
        assert_eq!(
            down.value.as_ref().and_then(|v| v.period),
            Some(Period::Month(2025, 6))
        );
    }

    #[test]
    fn dates_years_and_names_are_not_claims() {
        let c = claims(
            "On May 10, 2023, in Shanghai, the G7 met. COVID-19 cases fell. A Boeing 747 won 3-2 in 1987.",
            Some("2025-07-21"),
        );
        assert!(c.is_empty(), "{c:#?}");
    }
}
