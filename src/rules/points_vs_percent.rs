//! `points-vs-percent`: a change between two percentages stated as a percent when it is in
//! fact their difference in percentage points.

use crate::claim::{Claim, Measure};
use crate::finding::{Finding, Severity};
use crate::interval::Interval;

use crate::measure::format::{fmt_pct_range, fmt_points_range};

use super::arith::{any_reading, both_percent, change_number_text, stated_or_value, stated_pair};
use super::Context;

pub const NAME: &str = "points-vs-percent";

pub const DOCS: &str = "\
## What it does
Flags a percent change between two percentages (\"rose 2% from 5% to 7%\") that the relative
change of the figures cannot give under any rounding, but their difference in percentage
points can. When it fires, `change-mismatch` stays silent for the claim: the unit is what
is wrong, not the arithmetic.

## Why is this bad?
From 5% to 7% is a rise of 2 percentage points, but of 40% in relative terms. Writing \"2%\"
understates the change twentyfold, and readers cannot tell which was meant.

## Example
```text
The unemployment rate rose 2% from 5% to 7%.
```
Use instead:
```text
The unemployment rate rose 2 percentage points from 5% to 7%.
```
";

/// The relative change and point difference of a claim that mistakes points for percent.
pub struct Mixup {
    /// What the figures give as a relative change; `None` when the baseline may be zero.
    pub relative: Option<Interval>,
    pub points: Interval,
}

/// Whether the claim states a point difference as a percent change.
pub fn mixup(claim: &Claim) -> Option<Mixup> {
    let change = claim.change.as_ref()?;
    if change.measure != Measure::Percent {
        return None;
    }
    let (value, baseline) = stated_pair(claim)?;
    if !both_percent(value, baseline) {
        return None;
    }
    let stated = any_reading(change);
    let relative = Measure::Percent.between(&baseline.interval, &value.interval);
    if relative.is_some_and(|r| r.overlaps(&stated)) {
        return None;
    }
    let points = value.interval.sub(&baseline.interval);
    points
        .overlaps(&stated)
        .then_some(Mixup { relative, points })
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for claim in ctx.claims {
        let Some(Mixup { relative, points }) = mixup(claim) else {
            continue;
        };
        let (Some(change), Some((value, baseline))) = (claim.change.as_ref(), stated_pair(claim))
        else {
            continue;
        };
        let number = change_number_text(ctx, change);
        let rise = if change.interval.mid() < 0.0 {
            "fall"
        } else {
            "rise"
        };
        let mut message = format!(
            "a {rise} of {number} from {} to {} is the difference in percentage points, not a percent change: \
             those figures give {}",
            stated_or_value(ctx, baseline),
            stated_or_value(ctx, value),
            fmt_points_range(&points, None),
        );
        let digits = number
            .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .find(|s| !s.is_empty())
            .unwrap_or(&number);
        let mut note = format!("write \"{digits} percentage points\"");
        if let Some(relative) = relative {
            let relative = fmt_pct_range(&relative, None);
            message.push_str(&format!(", or {relative}"));
            note.push_str(&format!(", or a change of {relative}"));
        }
        out.push(Finding {
            rule: NAME,
            severity: Severity::Warning,
            span: claim.span,
            message,
            claims: vec![claim.id],
            notes: vec![note],
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{ClaimKind, Direction};
    use crate::rules::test_support::*;

    fn rate_claim(
        text: &str,
        words: &str,
        number: &str,
        dir: Direction,
        value: &str,
        base: &str,
    ) -> Article {
        Article::with_change(
            text,
            words,
            number,
            dir,
            value,
            base,
            "%",
            "unemployment rate",
        )
    }

    #[test]
    fn flags_points_stated_as_percent() {
        let art = rate_claim(
            "The rate rose 2% from 5% to 7%.",
            "rose 2%",
            "2%",
            Direction::Up,
            "7%",
            "5%",
        );
        let f = art.run(check);
        let f = assert_one(
            &f,
            Severity::Warning,
            "a rise of 2% from 5% to 7% is the difference in percentage points",
        );
        assert!(
            f.message
                .contains("+1.0 to +3.0 points, or +18.2% to +66.7%"),
            "{}",
            f.message
        );
        assert_eq!(
            f.notes[0],
            "write \"2 percentage points\", or a change of +18.2% to +66.7%"
        );
    }

    #[test]
    fn flags_a_fall_in_points_with_decimals() {
        let art = rate_claim(
            "Inflation fell 1.3% to 4.9% from 6.2%.",
            "fell 1.3%",
            "1.3%",
            Direction::Down,
            "4.9%",
            "6.2%",
        );
        assert_one(
            &art.run(check),
            Severity::Warning,
            "a fall of 1.3% from 6.2% to 4.9%",
        );
    }

    #[test]
    fn accepts_a_true_relative_change_between_percentages() {
        // 5.0% to 7.0% is +40%, as stated.
        let art = rate_claim(
            "The rate rose 40% from 5.0% to 7.0%.",
            "rose 40%",
            "40%",
            Direction::Up,
            "7.0%",
            "5.0%",
        );
        assert_none(&art.run(check));
    }

    #[test]
    fn accepts_non_percent_figures() {
        let mut art = Article::new("Sales rose 2% from 5 mln to 7 mln.");
        let change = art.pct("rose 2%", "2%", Direction::Up);
        let claim = Claim {
            value: Some(art.figure("7 mln", Some("USD"), None)),
            baseline: Some(art.figure("5 mln", Some("USD"), None)),
            change: Some(change),
            ..art.claim(ClaimKind::Change, "rose 2% from 5 mln to 7 mln", "sales")
        };
        art.push(claim);
        assert_none(&art.run(check));
    }
}
