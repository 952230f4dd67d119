//! `part-exceeds-whole`: a share of more than 100% of its whole.

use crate::claim::{Claim, ClaimKind};
use crate::finding::{Finding, Severity};

use super::arith::{is_stated, stated_or_value};
use super::Context;

pub const NAME: &str = "part-exceeds-whole";

pub const DOCS: &str = "\
## What it does
Flags a share claim (\"over 90% of the global supply\") whose written percentage is above
100% under every reading (\"120% of the market\"; \"more than 100%\" is not flagged). Changes
are not shares: \"up 120%\" is fine.

Ratios written like shares are left alone: a figure \"of GDP\", \"of income\", \"of capacity\",
\"of the target\", \"of last year's level\" and the like can exceed 100% (debt at 120% of GDP).

## Why is this bad?
A part cannot be larger than the whole it belongs to. A share above 100% usually means the
wrong whole, a misplaced decimal point, or a ratio mistaken for a share.

## Example
```text
China produces 190% of the world's rare earth magnets.
```
Use instead:
```text
China produces 90% of the world's rare earth magnets.
```
";

/// Wholes that a ratio may exceed: a figure "of GDP" is a ratio, not a part.
const RATIO_WHOLES: &[&str] = crate::lang::en::RATIO_WHOLES;

fn is_ratio_whole(subject: &str) -> bool {
    let subject = subject.to_ascii_lowercase();
    RATIO_WHOLES.iter().any(|w| subject.contains(w))
}

fn oversized_share(claim: &Claim) -> bool {
    claim.kind == ClaimKind::Share
        && claim.change.is_none()
        && claim
            .value
            .as_ref()
            .is_some_and(|v| is_stated(v) && v.unit == Some("%") && v.interval.low > 100.0)
        && !is_ratio_whole(&claim.subject)
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for claim in ctx.claims.iter().filter(|c| oversized_share(c)) {
        let Some(value) = claim.value.as_ref() else {
            continue;
        };
        out.push(Finding {
            rule: NAME,
            severity: Severity::Error,
            span: value.stated.unwrap_or(claim.span),
            message: format!(
                "a share of {} of {} is impossible: a part cannot exceed its whole",
                stated_or_value(ctx, value),
                claim.subject
            ),
            claims: vec![claim.id],
            notes: vec![
                "check the decimal point, or whether the whole is the right one".to_string(),
            ],
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interval::Interval;
    use crate::rules::test_support::*;

    fn share(text: &str, pct: &str, subject: &str) -> Article {
        let mut art = Article::new(text);
        let claim = Claim {
            value: Some(art.figure(pct, Some("%"), None)),
            ..art.claim(ClaimKind::Share, pct, subject)
        };
        art.push(claim);
        art
    }

    #[test]
    fn flags_a_share_above_100_percent() {
        let art = share(
            "China produces 190% of the world's magnets.",
            "190%",
            "the world's magnets",
        );
        let f = art.run(check);
        let f = assert_one(
            &f,
            Severity::Error,
            "a share of 190% of the world's magnets is impossible",
        );
        assert_eq!(f.span, art.span("190%"));
    }

    #[test]
    fn accepts_shares_up_to_100_percent() {
        assert_none(
            &share(
                "China produces 90% of the world's magnets.",
                "90%",
                "the world's magnets",
            )
            .run(check),
        );
        let mut art = share(
            "China produces more than 100% of the world's magnets.",
            "100%",
            "the world's magnets",
        );
        art.claims[0].value.as_mut().unwrap().interval = Interval::new(100.0, f64::INFINITY);
        assert_none(&art.run(check));
        // "101%" may be 100.5% rounded: still over.
        assert_eq!(
            share("It holds 101% of the market.", "101%", "the market")
                .run(check)
                .len(),
            1
        );
    }

    #[test]
    fn accepts_ratios_written_like_shares() {
        assert_none(&share("Debt reached 120% of GDP.", "120%", "GDP").run(check));
        assert_none(&share("Plants ran at 105% of capacity.", "105%", "capacity").run(check));
    }
}
