//! `conflicting-figures`: the same measure for the same period written twice with values no
//! rounding reconciles.

use crate::claim::{Claim, Figure};
use crate::finding::{Finding, Severity};

use crate::measure::format::fmt_value;

use super::arith::{conflict_message, is_stated, same_period, similar_size, units_compatible};
use super::basis::same_basis;
use super::{Context, SameMeasure};

pub const NAME: &str = "conflicting-figures";

/// Every finding's severity: see the docs for why it is not an error yet.
pub const SEVERITY: Severity = Severity::Info;

pub const DOCS: &str = "\
## What it does
Compares the written figures (current values and written baselines, never implied ones) of
claims about the same measure of the same thing. Two figures for the same period (both
periods known and equal) in compatible units whose intervals are disjoint under every
rounding are reported once per pair of claims, at the later figure.

Figures whose sentences put them on different bases are not compared: seasonally adjusted
against unadjusted (or smoothed against non-smoothed), revised against first reported, a
forecast or a \"would have been\" against the reported figure (a sentence \"on that basis\"
takes its basis from the sentence before), the items of a \"respectively\" list, and a span
of months (\"in January and February\", \"Jan/Feb 1987\") against one month. Nor are subjects that differ in a whole modifier (\"durable goods\"
against \"non-durable goods\"), a total against one of its parts (\"share and bond turnover\"
against \"bond turnover\"), or a quarter against the year. A one-word subject is compared
only when both claims state a plain value under the same word (\"Revenue was €310m in 2024.
[...] Revenue in 2024 was €350m.\").

The rule reports at `info`: on the reviewed ledger of corpus findings
(`tests/fixtures/corpus-findings.yaml`) every figure pair it raised was two measures under
similar words; one such pair remains on the Reuters corpus (car sales against truck sales,
the product named only earlier in the paragraph), and with no real conflict found yet the
rule cannot show the 90% precision an error or warning needs.

Baselines the tool rebuilt are compared by `conflicting-baselines`. Figures more than twice
apart are not compared: in real reporting they are nearly always different measures under
similar words (a month against the year to date, a division against the whole company), not
one figure misstated.

## Why is this bad?
One article cannot be right about both: at least one figure is a typo, comes from an older
release, or measures something else under the same name.

The subjects must name the measure alike: \"June exports, at 3,318 tons\" says too little to
be set against \"China exported 3188 tons of magnets in June\" (exports of what, from where).

## Example
```text
China exported 3188 tons of magnets in June. [...] China's magnet exports in June, at 3,318
tons, were the highest this year.
```
Use instead:
```text
China exported 3188 tons of magnets in June. [...] China's magnet exports in June, at 3,188
tons, were the highest this year.
```
";

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    check_with(ctx, out, crate::claims::same_measure_in);
}

/// The figures a claim writes down.
fn stated_figures(claim: &Claim) -> impl Iterator<Item = &Figure> {
    [claim.value.as_ref(), claim.baseline.as_ref()]
        .into_iter()
        .flatten()
        .filter(|f| is_stated(f))
}

fn conflict(a: &Figure, b: &Figure) -> bool {
    a.stated != b.stated
        && same_period(a, b)
        && units_compatible(a, b)
        && !a.interval.overlaps(&b.interval)
        && similar_size(a, b)
}

pub(crate) fn check_with(ctx: &Context, out: &mut Vec<Finding>, same: SameMeasure) {
    for &(i, j) in ctx.period_pairs() {
        let (a, b) = (&ctx.claims[i], &ctx.claims[j]);
        if a.id == b.id {
            continue;
        }
        // The figures first: comparing subjects costs more and rarely matters.
        let pair = stated_figures(a).find_map(|fa| {
            stated_figures(b)
                .find(|fb| conflict(fa, fb))
                .map(|fb| (fa, fb))
        });
        let Some((fa, fb)) = pair else { continue };
        if !same(ctx.doc.lang, a, b) || !same_basis(ctx, a, b) {
            continue;
        }
        let unit = fa.unit.or(fb.unit);
        out.push(Finding {
            rule: NAME,
            severity: SEVERITY,
            span: fb.stated.unwrap_or(b.span),
            message: conflict_message(ctx, (a, fa), (b, fb)),
            claims: vec![a.id, b.id],
            notes: vec![format!(
                "both give {}; they differ by at least {}",
                a.subject,
                fmt_value(fa.interval.gap(&fb.interval), unit)
            )],
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::ClaimKind;
    use crate::finding::Severity;
    use crate::period::Period;
    use crate::rules::test_support::*;

    fn two_values(
        text: &str,
        first: &str,
        second: &str,
        periods: (Option<Period>, Option<Period>),
    ) -> Article {
        let mut art = Article::new(text);
        let claim = Claim {
            value: Some(art.figure(first, Some("t"), periods.0)),
            ..art.claim(ClaimKind::Value, first, "magnet exports")
        };
        art.push(claim);
        let claim = Claim {
            value: Some(art.figure(second, Some("t"), periods.1)),
            ..art.claim(ClaimKind::Value, second, "magnet exports")
        };
        art.push(claim);
        art
    }

    fn run(art: &Article) -> Vec<Finding> {
        art.run_pairwise(check_with)
    }

    #[test]
    fn flags_two_values_for_one_month() {
        let art = two_values(
            "Exports were 3188 tons in June. June exports, at 3,318 tons, were a record.",
            "3188 tons",
            "3,318 tons",
            (month(2025, 6), month(2025, 6)),
        );
        let f = run(&art);
        let f = assert_one(
            &f,
            Severity::Info,
            "June 2025's figure is 3188 tons by claim 1 but 3,318 tons by claim 2",
        );
        assert_eq!(f.claims, vec![1, 2]);
        assert_eq!(f.span, art.span("3,318 tons"));
        assert_eq!(
            f.notes[0],
            "both give magnet exports; they differ by at least 129 t"
        );
    }

    #[test]
    fn flags_a_near_miss() {
        let art = two_values(
            "Exports were 353 tons in June. June exports, at 355 tons, were a record.",
            "353 tons",
            "355 tons",
            (month(2025, 6), month(2025, 6)),
        );
        assert_one(
            &run(&art),
            Severity::Info,
            "353 tons by claim 1 but 355 tons by claim 2",
        );
    }

    #[test]
    fn flags_a_written_baseline_against_a_value() {
        let mut art =
            Article::new("May exports were 58 tons. June's 353 tons were up from 46 tons in May.");
        let claim = Claim {
            value: Some(art.figure("58 tons", Some("t"), month(2025, 5))),
            ..art.claim(ClaimKind::Value, "58 tons", "magnet exports")
        };
        art.push(claim);
        let claim = Claim {
            value: Some(art.figure("353 tons", Some("t"), month(2025, 6))),
            baseline: Some(art.figure("46 tons", Some("t"), month(2025, 5))),
            ..art.claim(
                ClaimKind::Change,
                "353 tons were up from 46 tons in May",
                "magnet exports",
            )
        };
        art.push(claim);
        assert_one(
            &run(&art),
            Severity::Info,
            "58 tons by claim 1 but 46 tons by claim 2",
        );
    }

    #[test]
    fn accepts_figures_too_far_apart_to_be_one_measure() {
        let art = two_values(
            "Exports were 1,549,000 t in December. Exports were 25,114,000 t in December.",
            "1,549,000",
            "25,114,000",
            (Some(Period::Month(1986, 12)), Some(Period::Month(1986, 12))),
        );
        assert!(run(&art).is_empty());
    }

    #[test]
    fn accepts_values_that_agree_under_rounding() {
        let art = two_values(
            "Exports were 3188 tons in June. June exports, some 3.2 thousand tons, were a record.",
            "3188 tons",
            "3.2 thousand tons",
            (month(2025, 6), month(2025, 6)),
        );
        // "3.2 thousand" read as [3150, 3250] by hand.
        let mut art = art;
        art.claims[1].value.as_mut().unwrap().interval =
            crate::interval::Interval::new(3150.0, 3250.0);
        assert_none(&run(&art));
    }

    #[test]
    fn accepts_other_periods_unknown_periods_and_other_measures() {
        let art = two_values(
            "Exports were 3188 tons in June. May exports, at 1,238 tons, were lower.",
            "3188 tons",
            "1,238 tons",
            (month(2025, 6), month(2025, 5)),
        );
        assert_none(&run(&art));
        let art = two_values(
            "Exports were 3188 tons in June. Exports, at 1,238 tons, were lower.",
            "3188 tons",
            "1,238 tons",
            (month(2025, 6), None),
        );
        assert_none(&run(&art));
        let mut art = two_values(
            "Exports were 3188 tons in June. June exports to the US, at 353 tons, rose.",
            "3188 tons",
            "353 tons",
            (month(2025, 6), month(2025, 6)),
        );
        art.claims[1].subject = "magnet exports to the US".into();
        assert_none(&run(&art));
    }

    #[test]
    fn accepts_figures_on_different_bases() {
        for second in [
            "Seasonally adjusted, June exports were 3,318 tons.",
            "June exports were revised to 3,318 tons.",
            "Without the strike, June exports would have been 3,318 tons.",
        ] {
            let art = two_values(
                &format!("Exports were 3188 tons in June. {second}"),
                "3188 tons",
                "3,318 tons",
                (month(2025, 6), month(2025, 6)),
            );
            assert_none(&run(&art));
        }
    }

    #[test]
    fn flags_figures_on_the_same_basis() {
        let art = two_values(
            "Seasonally adjusted, exports were 3188 tons in June. Seasonally adjusted, June exports were 3,318 tons.",
            "3188 tons",
            "3,318 tons",
            (month(2025, 6), month(2025, 6)),
        );
        assert_one(
            &run(&art),
            Severity::Info,
            "3188 tons by claim 1 but 3,318 tons by claim 2",
        );
    }

    #[test]
    fn accepts_the_items_of_a_respectively_list() {
        let art = two_values(
            "Exports of cars and vans were 3188 and 2,100 tons in June, respectively. June exports of vans were 3,318 tons.",
            "3188 and 2,100 tons",
            "3,318 tons",
            (month(2025, 6), month(2025, 6)),
        );
        assert_none(&run(&art));
    }

    #[test]
    fn accepts_one_figure_shared_by_two_claims() {
        let mut art = two_values(
            "Exports were 3188 tons in June.",
            "3188 tons",
            "3188 tons",
            (month(2025, 6), month(2025, 6)),
        );
        art.claims[1].value.as_mut().unwrap().interval = crate::interval::Interval::new(1.0, 2.0);
        assert_none(&run(&art));
    }

    #[test]
    fn accepts_a_modifier_that_is_part_of_a_longer_one() {
        assert_none(&lint(
            "Sales of durable goods were 50.1 billion dlrs in February. \
             Non-durable goods sales were 60.2 billion dlrs in February.",
            NAME,
        ));
        let f = lint(
            "Sales of durable goods were 50.1 billion dlrs in February. \
             Durable goods sales were 60.2 billion dlrs in February.",
            NAME,
        );
        assert_one(
            &f,
            SEVERITY,
            "50.1 billion dlrs by claim 1 but 60.2 billion dlrs",
        );
    }

    #[test]
    fn accepts_a_total_against_one_of_its_parts() {
        assert_none(&lint(
            "Share and bond turnover was 90.5 billion marks in February. \
             Bond turnover was 70.1 billion marks in February.",
            NAME,
        ));
        let f = lint(
            "Bond turnover was 90.5 billion marks in February. \
             Bond turnover in February was 70.1 billion marks.",
            NAME,
        );
        assert_one(
            &f,
            SEVERITY,
            "90.5 billion marks by claim 1 but 70.1 billion marks",
        );
    }

    #[test]
    fn flags_one_measure_named_by_one_word_twice() {
        let f = lint(
"Revenue was 310 mln dlrs in 1986. The firm is based in Ohio. Revenue in 1986 was 350 mln dlrs.", NAME);
        assert_one(
            &f,
            SEVERITY,
            "310 mln dlrs by claim 1 but 350 mln dlrs by claim 2",
        );
        // A one-word change claim is often one unit among several: not compared.
        assert_none(&lint(
            "Profit rose to 67.7 mln dlrs in 1986 from 4.5 mln. \
             Profit increased to 49.1 mln dlrs in 1986 from 16.1 mln.",
            NAME,
        ));
    }

    #[test]
    fn accepts_a_span_of_months_against_its_last_month() {
        for span in ["in January and February", "in Jan/Feb 1987"] {
            let text = format!(
                "Wheat exports were 222,000 tonnes in February. \
                 Wheat exports {span} were 424,700 tonnes."
            );
            assert_none(&lint(&text, NAME));
        }
        let f = lint(
            "Wheat exports were 222,000 tonnes in February. \
             Wheat exports in February were 242,700 tonnes.",
            NAME,
        );
        assert_one(&f, SEVERITY, "222,000 tonnes by claim 1 but 242,700 tonnes");
    }

    #[test]
    fn accepts_two_commodities_of_one_trade() {
        assert_none(&lint(
            "Soviet wheat imports were 15.5 mln tonnes in 1986. \
             Soviet coarse grain imports were 12.0 mln tonnes in 1986.",
            NAME,
        ));
        let f = lint(
            "Soviet wheat imports were 15.5 mln tonnes in 1986. \
             Soviet wheat imports in 1986 were 12.0 mln tonnes.",
            NAME,
        );
        assert_one(
            &f,
            SEVERITY,
            "15.5 mln tonnes by claim 1 but 12.0 mln tonnes",
        );
    }

    #[test]
    fn takes_the_basis_of_on_that_basis_from_the_sentence_before() {
        let f = lint(
            "Exports were 3,188 tons in June. Adjusted for seasonal swings, the figures look \
             better. On that basis, June exports were 3,318 tons.",
            NAME,
        );
        assert_none(&f);
        let f = lint(
            "Exports were 3,188 tons in June. The figures look better. \
             June exports were 3,318 tons.",
            NAME,
        );
        assert_one(
            &f,
            SEVERITY,
            "3,188 tons by claim 1 but 3,318 tons by claim 2",
        );
    }
}
