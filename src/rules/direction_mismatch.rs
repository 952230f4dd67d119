//! `direction-mismatch`: the words say the figure rose while the stated figures fall, or the
//! reverse.

use crate::claim::{Claim, Direction, Measure};
use crate::finding::{Finding, Severity};

use crate::measure::format::{fmt_pct_range, fmt_points_range};

use crate::span::Span;

use super::arith::{lowercase_words, quote, stated_or_value, stated_pair};
use super::Context;

pub const NAME: &str = "direction-mismatch";

pub const DOCS: &str = "\
## What it does
Flags a change whose direction word (\"rose\", \"up\", \"an increase\", \"gained\"; \"fell\",
\"down\", \"a decline\") contradicts the two figures it names: the words say up but the current
figure is below the baseline under every rounding, or the reverse. Applies to percent,
point and absolute changes (\"rose from 5 to 7\").

Only written figures are compared: a baseline the tool rebuilt from the claim itself agrees
with it by construction. When the magnitude fits with the sign flipped, only this rule
reports (not `change-mismatch`): the direction is what is wrong.

Two readings are left alone because the words and the figures speak of different things: an
exchange rate quoted as units of a currency per dollar without a unit (\"the yen rose 0.8 pct
to 153.50 from 154.67\": fewer yen per dollar is a stronger yen), and a range compared with a
range (\"estimates ranged from 2.3 to 2.6 mln tonnes, down from 2.4 to 2.7\").

## Why is this bad?
A reversed direction tells readers the opposite of what happened. It usually comes from
swapping the two figures or the two periods, or from editing one number without the other.

## Example
```text
Profit rose 16.7% to 72.6 mln dlrs from 87.1 mln.
```
Use instead:
```text
Profit fell 16.7% to 72.6 mln dlrs from 87.1 mln.
```
";

/// The direction the stated figures move under every rounding, when they clearly move.
pub fn figures_direction(claim: &Claim) -> Option<Direction> {
    let (value, baseline) = stated_pair(claim)?;
    // Rounding intervals are half-open: "2.5" (2.45 up to 2.55) is below "2.6" (from 2.55),
    // though the closed intervals touch.
    let (v, b) = (&value.interval, &baseline.interval);
    // The bounds are computed in floating point ("2.6" + 0.05 against "2.7" - 0.05).
    let eps = 1e-9 * (v.high.abs() + b.high.abs());
    if v.high <= b.low + eps && v.low < b.low {
        Some(Direction::Down)
    } else if v.low + eps >= b.high && v.high > b.high {
        Some(Direction::Up)
    } else {
        None
    }
}

/// Whether the claim is about a currency's value while its figures, written without a unit
/// or in that currency, are that currency per dollar ("the yen rose 0.8 pct to 153.50 from
/// 154.67", "the yen/dollar rate rose to 158 yen from 207"): the figures move against the
/// currency, so their direction says nothing about the words'. "The dollar rose to 141.10
/// yen" is no such claim: its subject names no currency quoted per dollar.
pub fn inverse_quote(ctx: &Context, claim: &Claim) -> bool {
    let Some((v, b)) = stated_pair(claim) else {
        return false;
    };
    let lang = ctx.doc.lang;
    lowercase_words(&claim.subject)
        .filter(|w| lang.subjects.quoted_per_dollar.contains(w))
        .any(|w| {
            let code = lang.units.currencies.get(&w).map(|(code, _)| code);
            (v.unit.is_none() && b.unit.is_none())
                || (code.is_some() && v.unit == code && b.unit == code)
        })
}

/// How far back from the direction word a range is looked for, in bytes: far more than any
/// real sentence's clause, and a bound on the work per claim, so that one huge sentence of
/// figure clauses stays linear (found by the `linker` fuzz target: 0.9 MB in one sentence
/// took 5 s, every claim rescanning the sentence from its start).
const RANGE_LOOKBACK: usize = 2000;

/// Whether the sentence gives a range before the direction word ("estimates ranged from 2.3 to
/// 2.6 mln tonnes, down from 2.4 to 2.7"): then "from A to B" after it is the earlier range,
/// not a move from A to B.
fn range_compared_with_range(ctx: &Context, claim: &Claim) -> bool {
    let Some(word) = claim.change.as_ref().and_then(|c| c.direction_span) else {
        return false;
    };
    // A range read whole as the value ("to 5.75% to 6%, down from its prior range of 5.25% to
    // 5.5%") is no range misread as a move.
    let whole = |f: &Option<crate::claim::Figure>| {
        f.as_ref()
            .and_then(|f| f.mention)
            .and_then(|m| ctx.mentions.get(m))
            .is_some_and(|m| m.range)
    };
    if whole(&claim.value) && whole(&claim.baseline) {
        return false;
    }
    let end = word.start.max(claim.sentence.start);
    let mut start = claim.sentence.start.max(end.saturating_sub(RANGE_LOOKBACK));
    while !ctx.text().is_char_boundary(start) {
        start += 1;
    }
    let before = Span::new(start, end);
    // Mentions come in text order and do not overlap, so those inside `before` are a run.
    let first = ctx
        .mentions
        .partition_point(|m| m.span.start < before.start);
    ctx.mentions[first..]
        .iter()
        .take_while(|m| m.span.start < before.end)
        .any(|m| m.range && before.contains(m.span))
        || ctx.has_range_word(before)
}

/// The direction the words claim and the opposite one the figures show, when they clash.
pub fn contradiction(claim: &Claim) -> Option<(Direction, Direction)> {
    let change = claim.change.as_ref()?;
    if !matches!(
        change.measure,
        Measure::Percent | Measure::Points | Measure::Absolute
    ) {
        return None;
    }
    let said = change.direction?;
    let shown = figures_direction(claim)?;
    let clash = matches!(
        (said, shown),
        (Direction::Up, Direction::Down) | (Direction::Down, Direction::Up)
    );
    clash.then_some((said, shown))
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for claim in ctx.claims {
        let Some((said, shown)) = contradiction(claim) else {
            continue;
        };
        if inverse_quote(ctx, claim) || range_compared_with_range(ctx, claim) {
            continue;
        }
        let (Some(change), Some((value, baseline))) = (claim.change.as_ref(), stated_pair(claim))
        else {
            continue;
        };
        let word = match change.direction_span {
            Some(span) => format!("\"{}\"", quote(ctx, span)),
            None => match said {
                Direction::Up => "a rise".to_string(),
                _ => "a fall".to_string(),
            },
        };
        let moves = match shown {
            Direction::Up => "rise",
            _ => "fall",
        };
        let (from, to) = (stated_or_value(ctx, baseline), stated_or_value(ctx, value));
        let mut message = format!("{word} but the figures {moves}: from {from} to {to}");
        // Two rates differ by points ("from 3.7 per cent to 3.2 per cent is -0.55 to -0.45
        // points"), other figures by a percent.
        let rates = value.unit == Some("%") && baseline.unit == Some("%");
        if rates {
            if let Some(points) = Measure::Points.between(&baseline.interval, &value.interval) {
                message.push_str(&format!(" is {}", fmt_points_range(&points, None)));
            }
        } else if let Some(pct) = Measure::Percent.between(&baseline.interval, &value.interval) {
            message.push_str(&format!(" is {}", fmt_pct_range(&pct, None)));
        }
        out.push(Finding {
            rule: NAME,
            severity: Severity::Error,
            span: claim.span,
            message,
            claims: vec![claim.id],
            notes: vec![format!(
                "either the direction word or the order of the figures is wrong; as written, the figure {}s",
                moves
            )],
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::ClaimKind;
    use crate::interval::Interval;
    use crate::rules::test_support::*;

    fn article(
        text: &str,
        words: &str,
        number: &str,
        dir: Direction,
        value: &str,
        base: &str,
    ) -> Article {
        Article::with_change(text, words, number, dir, value, base, "USD", "profit")
    }

    #[test]
    fn flags_a_rise_where_the_figures_fall() {
        let art = article(
            "Profit rose 16.7% to 72.6 mln from 87.1 mln.",
            "rose 16.7%",
            "16.7%",
            Direction::Up,
            "72.6 mln",
            "87.1 mln",
        );
        let f = art.run(check);
        let f = assert_one(
            &f,
            Severity::Error,
            "a rise but the figures fall: from 87.1 mln to 72.6 mln is -16.",
        );
        assert_eq!(f.rule, NAME);
        assert_eq!(f.claims, vec![1]);
    }

    #[test]
    fn two_rates_are_told_apart_in_points() {
        let art = Article::with_change(
            "Inflation rose 1% to 3.2% from 3.7%.",
            "rose 1%",
            "1%",
            Direction::Up,
            "3.2%",
            "3.7%",
            "%",
            "inflation",
        );
        assert_one(
            &art.run(check),
            Severity::Error,
            "a rise but the figures fall: from 3.7% to 3.2% is -0.6 to -0.4 points",
        );
    }

    #[test]
    fn flags_a_fall_where_the_figures_rise_quoting_the_word() {
        let mut art = article(
            "Sales fell 5% to 105 mln from 100 mln.",
            "fell 5%",
            "5%",
            Direction::Down,
            "105 mln",
            "100 mln",
        );
        art.claims[0].change.as_mut().unwrap().direction_span = Some(art.span("fell"));
        // "100 mln" is [50, 150] mln as written: no clear direction.
        assert_none(&art.run(check));
        let mut art = article(
            "Sales fell 5% to 105.0 mln from 100.0 mln.",
            "fell 5%",
            "5%",
            Direction::Down,
            "105.0 mln",
            "100.0 mln",
        );
        art.claims[0].change.as_mut().unwrap().direction_span = Some(art.span("fell"));
        assert_one(
            &art.run(check),
            Severity::Error,
            "\"fell\" but the figures rise",
        );
    }

    #[test]
    fn flags_an_absolute_change() {
        let mut art = Article::new("Output rose from 7 t to 5 t.");
        let change = crate::claim::Change {
            stated: art.span("rose"),
            measure: Measure::Absolute,
            interval: Interval::everything(),
            truncated: Interval::everything(),
            direction: Some(Direction::Up),
            direction_span: Some(art.span("rose")),
            times_more: false,
            mention: None,
            restates: None,
        };
        let claim = Claim {
            value: Some(art.figure("5 t", Some("t"), None)),
            baseline: Some(art.figure("7 t", Some("t"), None)),
            change: Some(change),
            ..art.claim(ClaimKind::Change, "rose from 7 t to 5 t", "output")
        };
        art.push(claim);
        assert_one(
            &art.run(check),
            Severity::Error,
            "\"rose\" but the figures fall: from 7 t to 5 t",
        );
    }

    #[test]
    fn accepts_matching_directions_and_overlapping_figures() {
        let art = article(
            "Profit rose 20% to 87.1 mln from 72.6 mln.",
            "rose 20%",
            "20%",
            Direction::Up,
            "87.1 mln",
            "72.6 mln",
        );
        assert_none(&art.run(check));
        // 72.6 and 72.65 overlap under rounding: no clear direction either way.
        let art = article(
            "Profit fell 0.1% to 72.6 mln from 72.65 mln.",
            "fell 0.1%",
            "0.1%",
            Direction::Down,
            "72.6 mln",
            "72.65 mln",
        );
        assert_none(&art.run(check));
    }

    #[test]
    fn accepts_an_implied_baseline() {
        let mut art = article(
            "Profit rose 20% to 87.1 mln.",
            "rose 20%",
            "20%",
            Direction::Up,
            "87.1 mln",
            "87.1 mln",
        );
        art.claims[0].baseline = Some(implied(Interval::new(100.0e6, 101.0e6), Some("USD"), None));
        assert_none(&art.run(check));
    }

    #[test]
    fn accepts_a_currency_quoted_per_dollar() {
        // 1,326 -> 1,310 lire per dollar is a stronger lira (+1.2%).
        let text = "The lira's average value against the dollar rose 1.2 pct to 1,310 in May \
                    from 1,326 in April.";
        assert_none(&lint(text, NAME));
        assert_none(&lint(text, super::super::change_mismatch::NAME));
        let text = "The value of the yen against the dollar gained 0.9 pct to 141.10 in May \
                    from 142.37 in April.";
        assert_none(&lint(text, NAME));
    }

    #[test]
    fn accepts_a_currency_quoted_per_dollar_in_its_own_unit() {
        // 207 -> 158 yen per dollar is a stronger yen.
        let text = "The average yen/dollar rate rose to 158 yen in the first half from 207 yen \
                    a year earlier.";
        assert_none(&lint(text, NAME));
    }

    #[test]
    fn flags_a_currency_quoted_with_its_unit() {
        let f = lint(
            "The dollar rose 0.9 pct to 141.10 yen in May from 142.37 yen in April.",
            NAME,
        );
        assert_one(&f, Severity::Error, "\"rose\" but the figures fall");
    }

    #[test]
    fn accepts_a_range_compared_with_a_range() {
        let text = "Forecasts for the harvest ranged from 5.1 to 5.4 mln tonnes, \
                    down from 5.3 to 5.8 mln tonnes a month ago.";
        assert_none(&lint(text, NAME));
    }

    #[test]
    fn a_range_far_back_in_a_huge_sentence_is_not_the_one_compared() {
        // Beyond RANGE_LOOKBACK bytes the range belongs to another clause: the reversed
        // change at the end is still flagged (and the look-back stays bounded).
        let filler = "and the harvest was large ".repeat(100);
        let text = format!(
            "Forecasts ranged from 5.1 to 5.4 mln tonnes {filler}while output fell from 5.3 to 5.8 mln tonnes."
        );
        assert!(filler.len() > RANGE_LOOKBACK);
        assert_one(
            &lint(&text, NAME),
            Severity::Error,
            "\"fell\" but the figures rise",
        );
    }

    #[test]
    fn flags_a_move_written_from_a_to_b_in_real_text() {
        let f = lint(
            "Forecasts for the harvest fell from 5.3 to 5.8 mln tonnes.",
            NAME,
        );
        assert_one(&f, Severity::Error, "\"fell\" but the figures rise");
    }
}
