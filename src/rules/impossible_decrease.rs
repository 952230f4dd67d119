//! `impossible-decrease`: a fall of more than 100%, which would leave less than nothing.

use crate::claim::{Claim, Direction, Measure};
use crate::finding::{Finding, Severity};

use crate::measure::format::fmt_number;
use crate::measure::near_miss::magnitude;

use super::arith::{any_reading, change_number_text, least_magnitude};
use super::Context;

pub const NAME: &str = "impossible-decrease";

pub const DOCS: &str = "\
## What it does
Flags a percent decrease whose smallest reading is above 100% (\"fell 150%\"): even read at
its lowest (\"150%\" as 149.5%), the figure would have to drop below zero. A quantity that can
turn negative (a profit into a loss) is still better described in absolute terms.

A fall to a figure written as negative (a profit turned into a loss, \"(5.3)\" against \"33.1\"
in a results table) is no impossibility: `change-mismatch` checks it. When this rule fires,
`change-mismatch` stays silent for the claim.

## Why is this bad?
A decrease of 100% leaves nothing; more is meaningless. The writer usually inverted the ratio:
the earlier figure was 150% higher than the current one, which is a fall of 60%.

## Example
```text
Imports fell 150% to 2 mln tonnes.
```
Use instead:
```text
Imports fell 60% to 2 mln tonnes.
```
";

/// A percent change that states a fall of more than 100% under every reading, to a value not
/// below zero.
pub fn applies(claim: &Claim) -> bool {
    let Some(change) = claim.change.as_ref() else {
        return false;
    };
    let below_zero = claim.value.as_ref().is_some_and(|v| v.interval.high < 0.0);
    !below_zero
        && change.measure == Measure::Percent
        && (change.direction == Some(Direction::Down) || change.interval.high < 0.0)
        && least_magnitude(&any_reading(change)) > 100.0
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for claim in ctx.claims {
        let Some(change) = claim.change.as_ref().filter(|_| applies(claim)) else {
            continue;
        };
        let stated = magnitude(&change.interval);
        // Read as "the earlier figure was `stated`% higher": now = before / (1 + m/100).
        let inverted = 100.0 * (1.0 - 1.0 / (1.0 + stated / 100.0));
        out.push(Finding {
            rule: NAME,
            severity: Severity::Error,
            span: change.stated,
            message: format!(
                "a fall of {} is impossible: a decrease removes at most 100%",
                change_number_text(ctx, change)
            ),
            claims: vec![claim.id],
            notes: vec![format!(
                "if the earlier figure was {}% higher than the current one, the fall is {:.1}%",
                fmt_number(stated),
                inverted
            )],
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Claim, ClaimKind};
    use crate::interval::Interval;
    use crate::rules::test_support::*;

    fn article(text: &str, words: &str, number: &str, dir: Direction) -> Article {
        let mut art = Article::new(text);
        let change = art.pct(words, number, dir);
        let claim = Claim {
            value: Some(art.figure("2 mln", Some("t"), None)),
            change: Some(change),
            ..art.claim(ClaimKind::Change, text.trim_end_matches('.'), "imports")
        };
        art.push(claim);
        art
    }

    #[test]
    fn flags_a_fall_of_more_than_100_percent() {
        let art = article(
            "Imports fell 150% to 2 mln tonnes.",
            "fell 150%",
            "150%",
            Direction::Down,
        );
        let f = art.run(check);
        let f = assert_one(&f, Severity::Error, "a fall of 150% is impossible");
        assert_eq!(
            f.notes[0],
            "if the earlier figure was 150% higher than the current one, the fall is 60.0%"
        );
        assert_eq!(f.span, art.span("fell 150%"));
    }

    #[test]
    fn flags_just_over_100_percent() {
        let art = article(
            "Imports fell 100.6% to 2 mln tonnes.",
            "fell 100.6%",
            "100.6%",
            Direction::Down,
        );
        assert_one(&art.run(check), Severity::Error, "a fall of 100.6%");
    }

    #[test]
    fn accepts_100_percent_and_rises() {
        let art = article(
            "Imports fell 100% to 2 mln tonnes.",
            "fell 100%",
            "100%",
            Direction::Down,
        );
        assert_none(&art.run(check));
        let art = article(
            "Imports rose 150% to 2 mln tonnes.",
            "rose 150%",
            "150%",
            Direction::Up,
        );
        assert_none(&art.run(check));
    }

    #[test]
    fn accepts_a_fall_that_may_be_100_percent_when_rounded() {
        // "100.4%" cannot be under 100 by rounding, but "about 100%" can.
        let mut art = article(
            "Imports fell about 101% to 2 mln tonnes.",
            "fell about 101%",
            "101%",
            Direction::Down,
        );
        let change = art.claims[0].change.as_mut().unwrap();
        change.interval = Interval::new(-106.0, -96.0);
        change.truncated = change.interval;
        assert_none(&art.run(check));
    }
}
