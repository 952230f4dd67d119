//! `times-more-ambiguity`: "N times more than", which some readers take as ×N and others as
//! ×(N+1).

use crate::finding::{Finding, Severity};
use crate::interval::Interval;

use crate::measure::format::fmt_ratio_range;

use crate::claim::Change;

use super::arith::{any_reading, lowercase_words, quote};
use super::multiple_mismatch::figures_ratio;
use super::Context;

pub const NAME: &str = "times-more-ambiguity";

pub const DOCS: &str = "\
## What it does
Reports every \"N times more than\" (\"three times more than last year\", \"fourfold more\").
Read literally it is the baseline plus N times the baseline, ×(N+1); most writers mean ×N.
When the claim states both figures, the message says which reading they support. A verb
(\"doubled more than the index\", \"halved more than forecast\") compares two changes and has
no second reading: it is not reported.

## Why is this bad?
The two readings differ by a whole baseline: \"three times more than 100\" is 300 to some
readers and 400 to others. \"N times as much as\" or a percent change says it once.

## Example
```text
Sales were three times more than last year: 12 mln against 4 mln.
```
Use instead:
```text
Sales were three times as much as last year: 12 mln against 4 mln.
```
";

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for claim in ctx.claims {
        let Some(change) = claim.change.as_ref().filter(|c| c.times_more) else {
            continue;
        };
        if !written_with_times(ctx, change) {
            continue;
        }
        let stated = any_reading(change);
        let plus_one = stated.add(&Interval::point(1.0));
        let words = quote(ctx, change.stated);
        // The number as written ("about 4.5 times" is ×4.5 or ×5.5): the interval around it is
        // widened by the approximator and would round to another multiple.
        let written = change
            .mention
            .and_then(|m| ctx.mentions.get(m))
            .map(|m| m.value)
            .filter(|v| v.is_finite());
        let (literal, literal_plus_one) = match written {
            Some(n) => (fmt_written(n), fmt_written(n + 1.0)),
            None => (
                fmt_times(change.interval),
                fmt_times(change.interval.add(&Interval::point(1.0))),
            ),
        };
        let mut message = format!(
            "\"{words}\" reads as ×{literal} to some readers and ×{literal_plus_one} to others"
        );
        let mut notes = Vec::new();
        if let Some(ratio) = figures_ratio(claim) {
            let shown = fmt_ratio_range(&ratio, None);
            let reading = match (ratio.overlaps(&stated), ratio.overlaps(&plus_one)) {
                (true, true) => "either reading",
                (true, false) => "the first reading",
                (false, true) => "the second reading",
                (false, false) => "neither reading",
            };
            message.push_str(&format!("; the figures give {shown}, {reading}"));
            notes.push(format!(
                "write \"{} times as much as\" (the figures give {shown})",
                fmt_times(ratio)
            ));
        } else {
            notes.push(
                "write \"N times as much as\" for ×N, or give the percent change".to_string(),
            );
        }
        out.push(Finding {
            rule: NAME,
            severity: Severity::Info,
            span: change.stated,
            message,
            claims: vec![claim.id],
            notes,
        });
    }
}

/// Whether the multiple is written with a number of times ("three times", "fourfold"): a
/// verb ("doubled more than the index", "halved more than forecast") compares two changes and
/// has no second reading.
fn written_with_times(ctx: &Context, change: &Change) -> bool {
    let times = &ctx.doc.lang.units.times;
    lowercase_words(&quote(ctx, change.stated))
        .any(|w| times.contains(&w) || times.list().iter().any(|t| w.ends_with(t)))
}

/// A written multiple with the decimals it was written with ("4.5", "3").
fn fmt_written(n: f64) -> String {
    let rounded = (n * 1000.0).round() / 1000.0;
    format!("{rounded}")
}

/// The multiple as a reader would write it: whole when close to whole ("4"), else one decimal.
fn fmt_times(ratio: Interval) -> String {
    let mid = ratio.mid();
    if !mid.is_finite() {
        return "N".to_string();
    }
    if ratio.contains(mid.round()) || (mid - mid.round()).abs() < 0.05 {
        format!("{}", mid.round())
    } else {
        format!("{mid:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Claim, ClaimKind};
    use crate::rules::test_support::*;

    fn article(text: &str, value: Option<&str>, base: Option<&str>) -> Article {
        let mut art = Article::new(text);
        let mut mult = art.multiple("three times more than", Interval::new(2.5, 3.5));
        mult.times_more = true;
        let claim = Claim {
            value: value.map(|v| art.figure(v, Some("USD"), None)),
            baseline: base.map(|b| art.figure(b, Some("USD"), None)),
            change: Some(mult),
            ..art.claim(ClaimKind::Multiple, text.trim_end_matches('.'), "sales")
        };
        art.push(claim);
        art
    }

    #[test]
    fn flags_times_more_and_says_which_reading_the_figures_support() {
        let art = article(
            "Sales were three times more than last year: 12.0 mln against 3.0 mln.",
            Some("12.0 mln"),
            Some("3.0 mln"),
        );
        let f = art.run(check);
        let f = assert_one(
            &f,
            Severity::Info,
            "\"three times more than\" reads as ×3 to some readers and ×4 to others",
        );
        assert!(
            f.message
                .contains("the figures give ×3.9 to ×4.1, the second reading"),
            "{}",
            f.message
        );
        assert_eq!(
            f.notes[0],
            "write \"4 times as much as\" (the figures give ×3.9 to ×4.1)"
        );
    }

    #[test]
    fn flags_times_more_without_figures() {
        let art = article("Sales were three times more than last year.", None, None);
        assert_one(
            &art.run(check),
            Severity::Info,
            "\"three times more than\" reads as ×3 to some readers and ×4 to others",
        );
    }

    #[test]
    fn accepts_times_as_much() {
        let mut art = Article::new("Sales were three times as much as last year.");
        let mult = art.multiple("three times as much", Interval::new(2.5, 3.5));
        let claim = Claim {
            change: Some(mult),
            ..art.claim(
                ClaimKind::Multiple,
                "three times as much as last year",
                "sales",
            )
        };
        art.push(claim);
        assert_none(&art.run(check));
    }

    #[test]
    fn reads_the_multiple_as_written_not_as_its_widened_interval() {
        let f = lint("Sales were about 4.5 times more than last year.", NAME);
        assert_one(
            &f,
            Severity::Info,
            "reads as ×4.5 to some readers and ×5.5 to others",
        );
    }

    #[test]
    fn accepts_a_multiple_verb_compared_with_another_change() {
        assert_none(&lint("The stock doubled more than the index.", NAME));
        assert_none(&lint("Profit halved more than forecast.", NAME));
        let f = lint("The stock rose three times more than the index.", NAME);
        assert_one(&f, Severity::Info, "reads as ×3 to some readers and ×4");
    }
}
