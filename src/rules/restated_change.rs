//! `restated-change-mismatch`: an amount of change restated as a percent ("rose $13.40, or
//! 0.8%, to $1,780.20") that the amount and the current value cannot give.

use crate::claim::{Claim, Measure};
use crate::finding::{Finding, Severity};
use crate::interval::Interval;
use crate::measure::format::{fmt_number, fmt_pct_range};
use crate::measure::near_miss::CHANGE_NEAR_MISS;

use super::arith::{annualized_quarter_fits, change_number_text, stated_or_value};
use super::Context;

pub const NAME: &str = "restated-change-mismatch";

pub const DOCS: &str = "\
## What it does
Checks a change stated twice, as an amount and as a percent of the level it started from:
\"gold rose $13.40, or 0.8%, to settle at $1,780.20\". The amount taken from the current value
gives the starting level (1,766.80), and the amount over that level the percent (+0.758%); every
number is read as the interval its writing allows. The rule fires when that percent, rounded
or truncated, cannot be the stated one. A near miss, under 0.5 percentage points and under 2%
of the stated percent, is a `warning`; anything larger is an `error`. A near miss that the
figures fit exactly once the move is read the other way (a fall of $13.40 to $1,780.20 is
-0.75%, which no rounding makes 0.8%, while a rise of $13.40 is +0.76%) is an `error` too: the
direction word, not the rounding, is what is wrong. A quarter's percent that is the amount's
change compounded to a yearly rate, as national accounts give it (\"GDP increased 4.6%, or
$240.3 billion, in the second quarter to $21.34 trillion\": +1.14% in the quarter), is read
as that rate and accepted.

The two must be written as one restating the other (\"X, or P%\", \"X (P%)\") with the
current value after them (\"to\", \"at\") or before them (\"settled at $1,272.70, up $10.40,
or 0.8%\"); or the percent said alone and the amount, the same way and with the current value,
in one of the next two sentences about the same measure (\"Registrations fell 20.5% in
September. Registrations totalled 338,834, 87,000 fewer than in September 2017.\").

## Why is this bad?
Market and results copy gives the same move three ways; when one was updated and another was
not, the reader cannot tell which figure to trust.

## Example
```text
Gold rose $13.40, or 1.8%, to settle at $1,780.20 an ounce.
```
$13.40 from $1,766.80 is +0.76%. Use instead:
```text
Gold rose $13.40, or 0.8%, to settle at $1,780.20 an ounce.
```
";

/// The level before an amount of change that ends at `value`, and the percent the amount is
/// of it.
fn percent_of_amount(amount: &Interval, value: &Interval) -> Option<(Interval, Interval)> {
    let before = Measure::Absolute.before(value, amount)?;
    Some((before, crate::measure::percent_of_amount(amount, value)?))
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for claim in ctx.claims {
        if let Some(finding) = finding(ctx, claim) {
            out.push(finding);
        }
    }
}

fn finding(ctx: &Context, claim: &Claim) -> Option<Finding> {
    let percent = claim.change.as_ref()?;
    let restated = ctx.claims.iter().find(|c| Some(c.id) == percent.restates)?;
    let amount = restated.change.as_ref()?;
    if percent.measure != Measure::Percent || amount.measure != Measure::Absolute {
        return None;
    }
    let value = claim.value.as_ref().filter(|v| v.stated.is_some())?;
    if !amount.interval.is_bounded() || !value.interval.is_bounded() {
        return None;
    }
    let (before, allowed) = percent_of_amount(&amount.interval, &value.interval)?;
    let stated = percent.interval.hull(&percent.truncated);
    let gap = stated.gap(&allowed);
    if gap <= 0.0 || annualized_quarter_fits(claim, &allowed, &stated) {
        return None;
    }
    let reversed = fits_reversed(&amount.interval, &value.interval, &stated);
    let severity = if reversed {
        Severity::Error
    } else {
        CHANGE_NEAR_MISS.of_stated(gap, &percent.interval)
    };
    let mut notes = vec![format!(
        "the amount taken from {} puts the level before the change at {}",
        stated_or_value(ctx, value),
        fmt_number(before.mid())
    )];
    if reversed {
        notes.push(REVERSED_NOTE.to_string());
    }
    Some(Finding {
        rule: NAME,
        severity,
        span: restated.span.cover(claim.span),
        message: format!(
            "{} restated as {} is impossible with {}: the amount gives {}",
            change_number_text(ctx, amount),
            change_number_text(ctx, percent),
            stated_or_value(ctx, value),
            fmt_pct_range(&allowed, Some(&percent.interval))
        ),
        claims: vec![restated.id, claim.id],
        notes,
    })
}

const REVERSED_NOTE: &str =
    "the figures fit if the move went the other way: the direction word is likely wrong";

/// Whether the amount and the percent, both read in the opposite direction, fit the value:
/// the sign of the move, not its rounding, is then what the figures contradict.
fn fits_reversed(amount: &Interval, value: &Interval, stated: &Interval) -> bool {
    percent_of_amount(&amount.scale(-1.0), value)
        .is_some_and(|(_, allowed)| stated.scale(-1.0).gap(&allowed) <= 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{assert_none, assert_one, lint};

    #[test]
    fn an_amount_gives_its_percent_of_the_level_before() {
        // $13.40 (13.395..13.405) to $1,780.20 (1780.195..1780.205): +0.758% or so.
        let (before, p) = percent_of_amount(
            &Interval::new(13.395, 13.405),
            &Interval::new(1780.195, 1780.205),
        )
        .unwrap();
        assert!((before.mid() - 1766.8).abs() < 0.01, "{before:?}");
        assert!(p.low > 0.75 && p.high < 0.77, "{p:?}");
        // A fall: -$5 to $95 starts at $100, -5%.
        let (_, p) = percent_of_amount(&Interval::point(-5.0), &Interval::point(95.0)).unwrap();
        assert!((p.mid() + 5.0).abs() < 1e-9, "{p:?}");
    }

    #[test]
    fn flags_a_restated_move_whose_figures_fit_only_the_other_way() {
        // Up 300.5 points to 25,800.2 is +1.178%: not 1.15; down is -1.151%, which 1.15
        // gives. The gap is a near miss by size, but the direction is what is wrong.
        for text in [
            "The index rose 300.5 points, or 1.15 per cent, to close at 25,800.2.",
            "The index closed at 25,800.2, up 300.5 points, or 1.15 per cent.",
        ] {
            let f = lint(text, NAME);
            let found = assert_one(&f, Severity::Error, "restated as 1.15 per cent");
            assert!(found.notes.iter().any(|n| n == REVERSED_NOTE), "{found:?}");
        }
        // The same move stated the right way round has no finding.
        assert_none(&lint(
            "The index fell 300.5 points, or 1.15 per cent, to close at 25,800.2.",
            NAME,
        ));
    }

    #[test]
    fn the_current_value_is_read_once_for_the_level_before_and_the_percent() {
        // $191 billion down $6.2b is -3.18% to -3.11% under any rounding of either: 3.4 is
        // the percent of a rise (+3.35% to +3.41%), so the direction is what is wrong.
        let f = lint(
            "Overall sales were $191 billion, down $6.2b or 3.4 per cent.",
            NAME,
        );
        let found = assert_one(&f, Severity::Error, "restated as 3.4 per cent");
        assert!(found.notes.iter().any(|n| n == REVERSED_NOTE), "{found:?}");
        assert_none(&lint(
            "Overall sales were $191 billion, up $6.2b or 3.4 per cent.",
            NAME,
        ));
    }

    #[test]
    fn an_amount_in_a_later_sentence_checks_the_percent_said_alone() {
        // 87,000 fewer to 338,834 starts at 425,834: -20.4% (-20.5% to -20.3% with the
        // amount's rounding), which 20.5 fits and 25.5 does not.
        let later = "Registrations totalled 338,834, 87,000 fewer than in September 2017.";
        let f = lint(
            &format!("Car registrations fell 25.5% in September. {later}"),
            NAME,
        );
        assert_one(&f, Severity::Error, "87,000 restated as 25.5%");
        assert_none(&lint(
            &format!("Car registrations fell 20.5% in September. {later}"),
            NAME,
        ));
        // An amount the other way is another move: no restatement, no finding.
        assert_none(&lint(
            "Car registrations rose 25.5% in September. Registrations totalled 338,834, 87,000 \
             fewer than in September 2017.",
            NAME,
        ));
    }

    #[test]
    fn accepts_a_quarter_s_percent_given_as_a_yearly_rate() {
        // $240.3 billion to $21.34 trillion is +1.139% to +1.141% in the quarter: 4.6% is
        // that pace compounded over four quarters (+4.63%), as national accounts write it.
        let text = |pct: &str, when: &str| {
            format!("GDP increased {pct}, or $240.3 billion, in {when} to $21.34 trillion.")
        };
        assert_none(&lint(&text("4.6%", "the second quarter"), NAME));
        // Not four times the change at all, nor a month's change.
        assert_one(
            &lint(&text("5.6%", "the second quarter"), NAME),
            Severity::Error,
            "restated as 5.6%",
        );
        assert_one(
            &lint(&text("4.6%", "June"), NAME),
            Severity::Error,
            "restated as 4.6%",
        );
    }

    #[test]
    fn a_near_miss_that_no_direction_fits_stays_a_warning() {
        // $2.10 to $101.30 is +2.12% up and -2.03% down: 2.2% fits neither, by a little.
        let f = lint("Shares rose $2.10, or 2.2%, to $101.30.", NAME);
        let found = assert_one(&f, Severity::Warning, "restated as 2.2%");
        assert!(!found.notes.iter().any(|n| n == REVERSED_NOTE), "{found:?}");
    }
}
