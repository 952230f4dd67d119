//! `multiple-mismatch`: a multiple ("seven times", "doubled") that disagrees with its own
//! figures or with a percent change stated for the same comparison.

use crate::claim::{Change, Claim, Figure, Measure};
use crate::finding::Finding;
use crate::interval::Interval;

use crate::measure::format::fmt_ratio_range;

use super::arith::{
    any_reading, change_number_text, quote, same_period, stated_or_value, stated_pair,
    MULTIPLE_NEAR_MISS,
};
use super::{Context, SameMeasure};

pub const NAME: &str = "multiple-mismatch";

pub const DOCS: &str = "\
## What it does
Checks multiples (\"seven times\", \"more than eight times\", \"doubled\", \"tripled\",
\"halved\") against:

- the claim's own figures, when both are written (\"tripled from 5 to 12 t\" is ×2.2 to ×2.6);
- a percent change stated for the same comparison: the same measure and the same baseline
  period (\"more than eight times that of May\" beside \"an increase of 660% compared to
  May\", which is ×7.6), or a percent stated in the same sentence about the same figure
  (\"doubled, a rise of 130%\"). A change of p% is the multiple 1 + p/100.

\"N times more than\" is accepted as ×N or ×(N+1) here; `times-more-ambiguity` reports the
ambiguity itself. A near miss (under 2% of the stated multiple) is a `warning`, anything
larger an `error`.

## Why is this bad?
Multiples and percent changes of the same comparison are easy to get out of step: +660% is
7.6 times, not more than eight. Readers who compare the two numbers lose trust in both.

## Example
```text
Exports to the US reached 353 tons, an increase of 660% compared to May, more than eight
times that of May.
```
Use instead:
```text
Exports to the US reached 353 tons, an increase of 660% compared to May, more than seven
times that of May.
```
";

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    check_with(ctx, out, crate::claims::same_measure_in);
}

/// Every ratio a multiple's words allow; "three times more" also as ×4.
pub fn readings(change: &Change) -> Interval {
    let iv = any_reading(change);
    if change.times_more {
        iv.hull(&iv.add(&Interval::point(1.0)))
    } else {
        iv
    }
}

fn multiple(claim: &Claim) -> Option<&Change> {
    claim
        .change
        .as_ref()
        .filter(|c| c.measure == Measure::Multiple)
}

fn percent(claim: &Claim) -> Option<&Change> {
    claim
        .change
        .as_ref()
        .filter(|c| c.measure == Measure::Percent)
}

/// The ratio of a claim's written figures.
pub fn figures_ratio(claim: &Claim) -> Option<Interval> {
    let (value, baseline) = stated_pair(claim)?;
    value.interval.div(&baseline.interval)
}

pub(crate) fn check_with(ctx: &Context, out: &mut Vec<Finding>, same: SameMeasure) {
    for claim in ctx.claims {
        let Some(change) = multiple(claim) else {
            continue;
        };
        let Some(ratio) = figures_ratio(claim) else {
            continue;
        };
        let stated = readings(change);
        if ratio.overlaps(&stated) {
            continue;
        }
        let (value, baseline) = stated_pair(claim).expect("ratio implies a stated pair");
        let shown = fmt_ratio_range(&ratio, Some(&stated));
        out.push(Finding {
            rule: NAME,
            severity: MULTIPLE_NEAR_MISS.between(&stated, &ratio),
            span: claim.span,
            message: format!(
                "\"{}\" from {} to {} is impossible: those figures give {shown}",
                quote(ctx, change.stated),
                stated_or_value(ctx, baseline),
                stated_or_value(ctx, value),
            ),
            claims: vec![claim.id],
            notes: vec![format!("the figures support {shown}")],
        });
    }

    for (m, p) in candidate_pairs(ctx) {
        let (m, p) = (&ctx.claims[m], &ctx.claims[p]);
        let (Some(mult), Some(pct)) = (multiple(m), percent(p)) else {
            continue;
        };
        if m.id == p.id || !same_comparison(ctx.doc.lang, m, p, same) {
            continue;
        }
        let factor = crate::measure::percent_factor(&any_reading(pct));
        let stated = readings(mult);
        if factor.overlaps(&stated) {
            continue;
        }
        let shown = fmt_ratio_range(&factor, Some(&stated));
        out.push(Finding {
            rule: NAME,
            severity: MULTIPLE_NEAR_MISS.between(&stated, &factor),
            span: mult.stated,
            message: format!(
                "\"{}\" ({}) disagrees with \"{}\" in claim {}, which is {shown}",
                quote(ctx, mult.stated),
                fmt_ratio_range(&mult.interval, None),
                quote(ctx, pct.stated),
                p.id,
            ),
            claims: vec![m.id.min(p.id), m.id.max(p.id)],
            notes: vec![format!(
                "a change of {} multiplies the figure by {shown}",
                change_number_text(ctx, pct)
            )],
        });
    }
}

/// Index pairs (multiple, percent), in claim order, that [`same_comparison`] may accept: claims
/// with figures for a common period, or sharing a written figure. Comparing every multiple
/// with every percent made an article of many figures quadratic.
fn candidate_pairs(ctx: &Context) -> Vec<(usize, usize)> {
    let claims = ctx.claims;
    // Most articles state no multiple: nothing to pair.
    if !claims.iter().any(|c| multiple(c).is_some()) {
        return Vec::new();
    }
    let mut pairs: Vec<(usize, usize)> = ctx
        .period_pairs()
        .iter()
        .copied()
        .chain(super::pairs_sharing_a_written_figure(claims))
        .flat_map(|(a, b)| [(a, b), (b, a)])
        .collect();
    pairs.retain(|&(m, p)| multiple(&claims[m]).is_some() && percent(&claims[p]).is_some());
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Figure `f` of claim `c` for comparing its period with another claim's: none when the
/// period is assumed from the article's date, which says nothing of such a comparison.
fn known<'a>(c: &Claim, f: Option<&'a Figure>) -> Option<&'a Figure> {
    f.filter(|_| !c.period_assumed)
}

/// Whether a multiple claim and a percent claim describe the same comparison: the same
/// measure against the same baseline period (and no conflicting current period), or the
/// same written figure in one sentence.
fn same_comparison(lang: &crate::lang::Language, m: &Claim, p: &Claim, same: SameMeasure) -> bool {
    let baselines = match (known(m, m.baseline.as_ref()), known(p, p.baseline.as_ref())) {
        (Some(a), Some(b)) => same_period(a, b),
        _ => false,
    };
    let values_agree =
        super::arith::periods_agree(known(m, m.value.as_ref()), known(p, p.value.as_ref()));
    if baselines && values_agree && same(lang, m, p) {
        return true;
    }
    let shares_figure = |a: Option<&Figure>, b: Option<&Figure>| matches!((a.and_then(|f| f.stated), b.and_then(|f| f.stated)), (Some(x), Some(y)) if x == y);
    m.sentence == p.sentence
        && super::arith::periods_agree(known(m, m.baseline.as_ref()), known(p, p.baseline.as_ref()))
        && (shares_figure(m.value.as_ref(), p.value.as_ref())
            || shares_figure(m.baseline.as_ref(), p.baseline.as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{ClaimKind, Direction};
    use crate::finding::Severity;
    use crate::rules::test_support::*;

    const SEED: &str =
        "China exported 353 tons to the US in June, an increase of 660% compared to May, \
                        more than SEVEN times that of May.";

    fn seed(multiple_words: &str, ratio: Interval) -> Article {
        let text = SEED.replace("SEVEN", multiple_words);
        let words = format!("more than {multiple_words} times");
        let claim_words = format!("{words} that of May");
        pair(
            &text,
            (
                "an increase of 660%",
                "353 tons to the US in June, an increase of 660% compared to May",
            ),
            (&words, &claim_words),
            ratio,
        )
    }

    /// `text` with a percent claim (its change's words, the claim's words) and a multiple
    /// claim (the same) on its "353 tons" of June, both against May.
    fn pair(text: &str, pct: (&str, &str), mult: (&str, &str), ratio: Interval) -> Article {
        let mut art = Article::new(text);
        let pct_change = art.pct(pct.0, "660%", Direction::Up);
        let value = art.figure("353 tons", Some("t"), month(2025, 6));
        let base = Measure::Percent
            .before(&value.interval, &pct_change.interval)
            .unwrap();
        let claim = Claim {
            value: Some(value.clone()),
            baseline: Some(implied(base, Some("t"), month(2025, 5))),
            change: Some(pct_change),
            ..art.claim(ClaimKind::Change, pct.1, "exports to the US")
        };
        art.push(claim);
        let mult_change = art.multiple(mult.0, ratio);
        let claim = Claim {
            value: Some(value),
            baseline: Some(implied(Interval::everything(), Some("t"), month(2025, 5))),
            change: Some(mult_change),
            ..art.claim(ClaimKind::Multiple, mult.1, "exports to the US")
        };
        art.push(claim);
        art
    }

    fn run(art: &Article) -> Vec<Finding> {
        art.run_pairwise(check_with)
    }

    #[test]
    fn accepts_660_percent_as_more_than_seven_times() {
        assert_none(&run(&seed("seven", Interval::new(7.0, f64::INFINITY))));
    }

    #[test]
    fn flags_660_percent_as_more_than_eight_times() {
        let art = seed("eight", Interval::new(8.0, f64::INFINITY));
        let f = run(&art);
        let f = assert_one(
            &f,
            Severity::Error,
            "\"more than eight times\" (×8 or more) disagrees with \"an increase of 660%\" in claim 1, which is ×7.5 to ×7.7",
        );
        assert_eq!(f.claims, vec![1, 2]);
        assert_eq!(
            f.notes[0],
            "a change of 660% multiplies the figure by ×7.5 to ×7.7"
        );
    }

    #[test]
    fn accepts_different_subjects_or_baseline_periods() {
        let mut art = seed("eight", Interval::new(8.0, f64::INFINITY));
        art.claims[1].baseline.as_mut().unwrap().period = month(2025, 4);
        // Same sentence and current figure, but against another month.
        assert_none(&run(&art));
        let mut art = seed("eight", Interval::new(8.0, f64::INFINITY));
        art.claims[1].subject = "exports to Japan".into();
        art.claims[1].value = None;
        assert_none(&run(&art));
    }

    /// A percent and a multiple on one written figure in two sentences, both against May.
    fn across_sentences(period_assumed: bool) -> Article {
        let mut art = pair(
            "Exports rose 660% to 353 tons. That is more than eight times May's.",
            ("rose 660%", "rose 660% to 353 tons"),
            ("more than eight times", "more than eight times May's"),
            Interval::new(8.0, f64::INFINITY),
        );
        for claim in &mut art.claims {
            claim.period_assumed = period_assumed;
        }
        art
    }

    #[test]
    fn assumed_periods_do_not_make_two_sentences_one_comparison() {
        // Written periods: the same baseline month makes them one comparison.
        assert_eq!(run(&across_sentences(false)).len(), 1);
        // Assumed ones say nothing of it.
        assert_none(&run(&across_sentences(true)));
    }

    #[test]
    fn flags_doubled_against_a_percent_on_the_same_figure() {
        let text = "Sales doubled to 9.5 mln dlrs, a rise of 150%.";
        let mut art = Article::new(text);
        let value = art.figure("9.5 mln", Some("USD"), None);
        let mult = art.multiple("doubled", Interval::new(1.85, 2.15));
        let claim = Claim {
            value: Some(value.clone()),
            change: Some(mult),
            ..art.claim(ClaimKind::Multiple, "doubled to 9.5 mln", "sales")
        };
        art.push(claim);
        let pct = art.pct("a rise of 150%", "150%", Direction::Up);
        let claim = Claim {
            value: Some(value),
            change: Some(pct),
            ..art.claim(ClaimKind::Change, "9.5 mln dlrs, a rise of 150%", "sales")
        };
        art.push(claim);
        // No subject matcher: the shared written figure is enough.
        let mut out = Vec::new();
        check_with(&art.ctx(), &mut out, |_, _, _| false);
        assert_one(
            &out,
            Severity::Error,
            "\"doubled\" (×1.9 to ×2.1) disagrees with \"a rise of 150%\"",
        );
    }

    #[test]
    fn flags_a_multiple_its_figures_contradict() {
        let mut art = Article::new("Output tripled from 5.0 t to 12.0 t.");
        let mult = art.multiple("tripled", Interval::new(2.85, 3.15));
        let claim = Claim {
            value: Some(art.figure("12.0 t", Some("t"), None)),
            baseline: Some(art.figure("5.0 t", Some("t"), None)),
            change: Some(mult),
            ..art.claim(
                ClaimKind::Multiple,
                "tripled from 5.0 t to 12.0 t",
                "output",
            )
        };
        art.push(claim);
        assert_one(
            &run(&art),
            Severity::Error,
            "\"tripled\" from 5.0 t to 12.0 t is impossible: those figures give ×2.4",
        );
    }

    #[test]
    fn accepts_a_multiple_its_figures_support_and_times_more_read_as_n_plus_one() {
        let mut art = Article::new("Output was three times more than before: 12.0 t from 3.0 t.");
        let mut mult = art.multiple("three times more", Interval::new(2.5, 3.5));
        mult.times_more = true;
        let claim = Claim {
            value: Some(art.figure("12.0 t", Some("t"), None)),
            baseline: Some(art.figure("3.0 t", Some("t"), None)),
            change: Some(mult),
            ..art.claim(
                ClaimKind::Multiple,
                "three times more than before: 12.0 t from 3.0 t",
                "output",
            )
        };
        art.push(claim);
        assert_none(&run(&art));
    }
}
