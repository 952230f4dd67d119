//! `conflicting-baselines`: two claims whose baselines, at least one rebuilt from a stated
//! change, cannot both hold.

use crate::claim::{Claim, Figure};
use crate::finding::Finding;

use super::arith::{
    change_number_text, conflict_message, figure_conflict_severity, is_stated, same_period,
    similar_size, stated_or_value,
};
use super::{Context, SameMeasure};

pub const NAME: &str = "conflicting-baselines";

pub const DOCS: &str = "\
## What it does
Rebuilds the baseline every change implies (353 tons after +660% puts May at 46.4 tons, 46.1
to 46.8 under any rounding) and compares it with every other figure the article gives for
the same measure and period: another claim's baseline, implied or written, or another
claim's written value. Both periods must be known and equal, the units the same, and at
least one of the two figures implied (two written figures are `conflicting-figures`). A claim
is never compared with itself, and each pair of claims is reported once. A percent change of
a rate may be its difference in points written with a bare percent sign, so a rate's implied
baseline spans both readings; and two rates more than twofold apart are taken for different
rates (monthly beside annual, food prices beside all prices), not compared.

A near miss, a gap under 1% of the larger figure, is a `warning`; anything larger is an `error`.

## Why is this bad?
Two changes measured from the same baseline must agree on it. When they do not, at least one
of the four numbers involved is wrong, though each claim looks fine on its own.

## Example
```text
Exports to the US reached 353 tons in June, up 660% from May. [...] In May, exports to the US
were 58 tons.
```
353 / 7.6 puts May at 46.4 tons, not 58. Use instead:
```text
Exports to the US reached 353 tons in June, up 660% from May. [...] In May, exports to the US
were 46.4 tons.
```
";

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    check_with(ctx, out, crate::claims::same_measure_in);
}

/// A figure of `b` that `a`'s baseline can be compared with.
fn comparable(claim: &Claim) -> impl Iterator<Item = &Figure> {
    let value = claim.value.as_ref().filter(|f| is_stated(f));
    [claim.baseline.as_ref(), value].into_iter().flatten()
}

fn conflict(a: &Figure, b: &Figure) -> bool {
    (a.implied || b.implied)
        && same_period(a, b)
        && a.unit.is_some()
        && a.unit == b.unit
        && !a.interval.overlaps(&b.interval)
        // Rates more than twofold apart are different rates (a monthly one beside an annual
        // one, food prices beside all prices); amounts so far apart may be a slipped scale.
        && (a.unit != Some("%") || similar_size(a, b))
}

/// How an implied baseline was rebuilt, for the notes.
fn rebuilt_from(ctx: &Context, claim: &Claim) -> Option<String> {
    let value = claim.value.as_ref()?;
    let change = claim.change.as_ref()?;
    Some(format!(
        "claim {} implies its baseline from {} and {}",
        claim.id,
        stated_or_value(ctx, value),
        change_number_text(ctx, change)
    ))
}

pub(crate) fn check_with(ctx: &Context, out: &mut Vec<Finding>, same: SameMeasure) {
    for &(i, j) in ctx.period_pairs() {
        let (x, y) = (&ctx.claims[i], &ctx.claims[j]);
        if x.id == y.id {
            continue;
        }
        // The baseline of one against a baseline or written value of the other.
        let found = [(x, y), (y, x)].into_iter().find_map(|(a, b)| {
            let fa = a.baseline.as_ref()?;
            comparable(b)
                .find(|fb| conflict(fa, fb))
                .map(|fb| (a, fa, b, fb))
        });
        let Some((a, fa, b, fb)) = found else {
            continue;
        };
        // Subjects last: comparing them costs more than the figures.
        if !same(ctx.doc.lang, x, y) {
            continue;
        }
        let (first, second) = if a.id <= b.id {
            ((a, fa), (b, fb))
        } else {
            ((b, fb), (a, fa))
        };
        let notes = [first, second]
            .iter()
            .filter(|(_, f)| f.implied)
            .filter_map(|(c, _)| rebuilt_from(ctx, c))
            .collect();
        out.push(Finding {
            rule: NAME,
            severity: figure_conflict_severity(&fa.interval, &fb.interval),
            span: second.0.span,
            message: conflict_message(ctx, first, second),
            claims: vec![first.0.id, second.0.id],
            notes,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{ClaimKind, Direction};
    use crate::finding::Severity;
    use crate::measure::Measure;
    use crate::period::Date;
    use crate::rules::test_support::*;

    /// Claim 1: 353 tons in June, +660% on May (May implied). Claim 2: May stated as `may`.
    fn seed(may: &str) -> Article {
        let text = format!("Exports to the US were 353 tons in June, an increase of 660% compared to May. In May they were {may}.");
        let mut art = Article::new(&text);
        art.doc.date = Date::parse("2025-07-21");
        let pct = art.pct("an increase of 660%", "660%", Direction::Up);
        let value = art.figure("353 tons", Some("t"), month(2025, 6));
        let base = Measure::Percent
            .before(&value.interval, &pct.interval)
            .unwrap();
        let claim = Claim {
            value: Some(value),
            baseline: Some(implied(base, Some("t"), month(2025, 5))),
            change: Some(pct),
            ..art.claim(
                ClaimKind::Change,
                "353 tons in June, an increase of 660% compared to May",
                "exports to the US",
            )
        };
        art.push(claim);
        let claim = Claim {
            value: Some(art.figure(may, Some("t"), month(2025, 5))),
            ..art.claim(ClaimKind::Value, may, "exports to the US")
        };
        art.push(claim);
        art
    }

    fn run(art: &Article) -> Vec<Finding> {
        art.run_pairwise(check_with)
    }

    #[test]
    fn flags_an_implied_baseline_against_a_stated_value() {
        let art = seed("58 tons");
        let f = run(&art);
        let f = assert_one(
            &f,
            Severity::Error,
            "May's figure is 46.4 t (46.1–46.8) by claim 1 but 58 tons by claim 2",
        );
        assert_eq!(f.claims, vec![1, 2]);
        assert_eq!(
            f.notes,
            vec!["claim 1 implies its baseline from 353 tons and 660%".to_string()]
        );
    }

    #[test]
    fn accepts_a_stated_value_that_matches() {
        assert_none(&run(&seed("46 tons")));
        assert_none(&run(&seed("46.4 tons")));
    }

    #[test]
    fn flags_a_near_miss_as_a_warning() {
        // "660%" is 655% to 665% as written, so May is 46.08 to 46.82; 46.0 is [45.95, 46.05]:
        // a gap of 0.03, under 1%.
        assert_one(
            &run(&seed("46.0 tons")),
            Severity::Warning,
            "46.0 tons by claim 2",
        );
    }

    #[test]
    fn flags_two_implied_baselines() {
        let text =
            "Exports were 353 tons in June, up 660% on May. July's 400 tons were up 500% on May.";
        let mut art = Article::new(text);
        for (value, words, number, period) in [
            ("353 tons", "up 660%", "660%", 6),
            ("400 tons", "up 500%", "500%", 7),
        ] {
            let pct = art.pct(words, number, Direction::Up);
            let value = art.figure(value, Some("t"), month(2025, period));
            let base = Measure::Percent
                .before(&value.interval, &pct.interval)
                .unwrap();
            let claim = Claim {
                value: Some(value),
                baseline: Some(implied(base, Some("t"), month(2025, 5))),
                change: Some(pct),
                ..art.claim(ClaimKind::Change, words, "exports")
            };
            art.push(claim);
        }
        let f = run(&art);
        let f = assert_one(
            &f,
            Severity::Error,
            "May 2025's figure is 46.4 t (46.1–46.8) by claim 1 but ",
        );
        assert_eq!(f.notes.len(), 2);
    }

    /// Claim 1: food inflation 2.45% in March, 1.41% lower than February (February implied,
    /// either reading). Claim 2: February's rate stated as `feb`.
    fn rates(feb: &str) -> Article {
        let text = format!("Food inflation was 2.45% in March, 1.41% lower than February. In February it was {feb}.");
        let mut art = Article::new(&text);
        let pct = art.pct("1.41% lower", "1.41%", Direction::Down);
        let value = art.figure("2.45%", Some("%"), month(2025, 3));
        let relative = Measure::Percent
            .before(&value.interval, &pct.interval)
            .unwrap();
        let points = Measure::Points
            .before(&value.interval, &pct.interval)
            .unwrap();
        let claim = Claim {
            value: Some(value),
            baseline: Some(implied(relative.hull(&points), Some("%"), month(2025, 2))),
            change: Some(pct),
            ..art.claim(
                ClaimKind::Change,
                "2.45% in March, 1.41% lower",
                "food inflation",
            )
        };
        art.push(claim);
        let claim = Claim {
            value: Some(art.figure(feb, Some("%"), month(2025, 2))),
            ..art.claim(ClaimKind::Value, feb, "food inflation")
        };
        art.push(claim);
        art
    }

    #[test]
    fn flags_a_rate_outside_both_readings_but_not_another_rate() {
        // Either reading of 1.41% puts February at 2.48% to 3.87%.
        assert_one(&run(&rates("4.2%")), Severity::Error, "but 4.2% by claim 2");
        assert_none(&run(&rates("3.86%")));
        assert_none(&run(&rates("2.5%")));
        // A rate over twice as high is another rate (annual beside monthly), not February's.
        assert_none(&run(&rates("23.34%")));
    }

    #[test]
    fn accepts_a_claim_alone_and_other_periods() {
        let mut art = seed("58 tons");
        art.claims.truncate(1);
        assert_none(&run(&art));
        let mut art = seed("58 tons");
        art.claims[1].value.as_mut().unwrap().period = month(2025, 4);
        assert_none(&run(&art));
    }

    #[test]
    fn accepts_two_stated_figures_left_to_conflicting_figures() {
        let mut art = seed("58 tons");
        let span = art.span("353 tons");
        let base = art.claims[0].baseline.as_mut().unwrap();
        base.implied = false;
        base.stated = Some(span);
        assert_none(&run(&art));
    }
}
