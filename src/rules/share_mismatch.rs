//! `share-mismatch`: a figure restated as a share of a written whole ("1,500 jobs, or 15% of
//! 12,000") whose percentage the two figures cannot give.

use crate::finding::Finding;
use crate::measure::format::fmt_pct_range;
use crate::measure::near_miss::CHANGE_NEAR_MISS;
use crate::mention::{Mention, MentionKind};
use crate::span::Span;

use super::arith::{lowercase_words, quote};
use super::Context;

pub const NAME: &str = "share-mismatch";

pub const DOCS: &str = "\
## What it does
Checks a figure restated as a share of a written whole: \"1,500 jobs, or 15% of 12,000\". The
part divided by the whole, each read as the interval its writing allows, must give the
stated percentage (rounded or truncated). A near miss, under 0.5 percentage points and under
2% of the stated share, is a `warning`; anything larger is an `error`.

Only the written shape \"PART, or P% of WHOLE\" is checked, with the whole in the part's unit
or without one, so that a ratio to another quantity (\"4 bln dlrs, or 105% of equity\") is
never read as a share.

## Why is this bad?
The reader can do the division. 1,500 of 12,000 is 12.5%: a printed 15% means the part, the
whole or the share is wrong.

## Example
```text
The plant cut 1,500 jobs, or 15% of 12,000.
```
Use instead:
```text
The plant cut 1,500 jobs, or 12.5% of 12,000.
```
";

/// Whether the words of `span` are exactly one word of `words` (punctuation aside).
fn only_word(ctx: &Context, span: Span, is_word: impl Fn(&str) -> bool) -> bool {
    let mut words = lowercase_words(span.slice(ctx.text()));
    words.next().is_some_and(|w| is_word(&w)) && words.next().is_none()
}

/// A plainly written amount: not a percent, points or multiple, not a range.
fn amount(m: &Mention) -> bool {
    matches!(
        m.kind,
        MentionKind::Number | MentionKind::Currency | MentionKind::Quantity
    ) && !m.range
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let claims = &ctx.doc.lang.claims;
    // Mentions come in text order (the extractor reads left to right).
    for w in ctx.mentions.windows(3) {
        let (part, pct, whole) = (&w[0], &w[1], &w[2]);
        let shape = amount(part)
            && pct.kind == MentionKind::Percent
            && amount(whole)
            && (whole.unit.is_none() || whole.unit == part.unit)
            && part.span.end <= pct.span.start
            && pct.span.end <= whole.span.start
            && only_word(ctx, Span::new(part.span.end, pct.span.start), |x| {
                claims.restating.contains(x)
            })
            && only_word(ctx, Span::new(pct.span.end, whole.span.start), |x| {
                x == claims.of
            });
        if !shape {
            continue;
        }
        let Some(share) = part.interval.div(&whole.interval) else {
            continue;
        };
        let share = share.scale(100.0);
        let stated = pct.interval.hull(&pct.truncated);
        if share.overlaps(&stated) || !share.low.is_finite() || !share.high.is_finite() {
            continue;
        }
        let shown = fmt_pct_range(&share, Some(&pct.interval)).replace('+', "");
        let span = Span::new(part.span.start, whole.span.end);
        out.push(Finding {
            rule: NAME,
            severity: CHANGE_NEAR_MISS.of_stated(stated.gap(&share), &pct.interval),
            span,
            message: format!(
                "\"{}\": {} of {} is {shown}, not {}",
                quote(ctx, span),
                quote(ctx, part.span),
                quote(ctx, whole.span),
                quote(ctx, pct.span),
            ),
            claims: ctx
                .claims
                .iter()
                .filter(|c| c.span.start < span.end && span.start < c.span.end)
                .map(|c| c.id)
                .collect(),
            notes: vec![format!("the figures give {shown}")],
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;
    use crate::rules::test_support::*;

    #[test]
    fn flags_a_share_its_figures_cannot_give() {
        let f = lint("The plant cut 1,500 jobs, or 15% of 12,000.", NAME);
        let f = assert_one(
            &f,
            Severity::Error,
            "1,500 jobs of 12,000 is 11.6% to 13.5%, not 15%",
        );
        assert_eq!(f.notes[0], "the figures give 11.6% to 13.5%");
    }

    #[test]
    fn accepts_a_share_its_figures_give() {
        assert_none(&lint("The plant cut 1,500 jobs, or 12.5% of 12,000.", NAME));
        assert_none(&lint("The plant cut 1,500 jobs, or 13% of 12,000.", NAME));
    }

    #[test]
    fn accepts_a_ratio_to_another_quantity_and_other_shapes() {
        assert_none(&lint(
            "Its exposure was 4 bln dlrs, or 105 pct of equity and reserves.",
            NAME,
        ));
        assert_none(&lint(
            "The plant cut 1,500 jobs and 15% of 12,000 tonnes of output.",
            NAME,
        ));
    }
}
