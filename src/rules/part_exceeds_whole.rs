//! `part-exceeds-whole`: a share of more than 100% of its whole.

use crate::claim::{Claim, ClaimKind, Figure};
use crate::finding::{Finding, Severity};
use crate::lang::SubjectWords;

use super::arith::{is_stated, lowercase_words, stated_or_value};
use super::Context;

pub const NAME: &str = "part-exceeds-whole";

pub const DOCS: &str = "\
## What it does
Flags a share claim (\"over 90% of the global supply\") whose written percentage is above
100% under every reading (\"120% of the market\"; \"more than 100%\" is not flagged). Changes
are not shares: \"up 120%\" is fine.

Ratios written like shares are left alone: a figure \"of GDP\", \"of income\", \"of capacity\",
\"of the target\", \"of last year's level\" and the like can exceed 100% (debt at 120% of GDP).
So is a figure tied to another quantity named before it (\"debt at 129% of exports\", \"4 bln
dlrs, or 105% of equity\", \"exposure of over 150% of capital\"): the part is a different
quantity from the whole, so it may well be larger. So is a figure set against another level
right after it (\"accounting for 540.4 percent compared to the same period in 2021\").

## Why is this bad?
A part cannot be larger than the whole it belongs to. A share above 100% usually means the
wrong whole, a misplaced decimal point, or a ratio mistaken for a share.

## Example
```text
China produces 190% of the world's supply of rare earth magnets.
```
Use instead:
```text
China produces 90% of the world's supply of rare earth magnets.
```
";

/// Wholes that a ratio may exceed: a figure "of GDP" is a ratio, not a part.
fn is_ratio_whole(words: &SubjectWords, subject: &str) -> bool {
    let subject = subject.to_ascii_lowercase();
    words.ratio_wholes.iter().any(|w| subject.contains(w))
}

/// The word of the claim's sentence right before (or after) a written figure, lowercase.
fn word_beside(ctx: &Context, claim: &Claim, figure: &Figure, after: bool) -> Option<String> {
    let stated = figure.stated?;
    let text = ctx.text();
    if after {
        lowercase_words(&text[stated.end..claim.sentence.end.max(stated.end)]).next()
    } else {
        lowercase_words(&text[claim.sentence.start.min(stated.start)..stated.start]).next_back()
    }
}

/// Whether the figure is a ratio rather than a share: the word just before it ties it to a
/// quantity named earlier ("debt at 129 pct of exports"), or the word right after it sets it
/// against another level ("accounting for 540.4 percent compared to the same period in 2021").
fn ratio_by_its_neighbours(ctx: &Context, claim: &Claim, figure: &Figure) -> bool {
    let words = &ctx.doc.lang.subjects;
    word_beside(ctx, claim, figure, false).is_some_and(|w| words.ratio_links.contains(&w))
        || word_beside(ctx, claim, figure, true)
            .is_some_and(|w| words.ratio_comparisons.contains(&w))
}

/// The written figure of a share above 100% under every reading, when it is a share.
fn oversized_share<'c>(ctx: &Context, claim: &'c Claim) -> Option<&'c Figure> {
    let value = claim.value.as_ref()?;
    let oversized = claim.kind == ClaimKind::Share
        && claim.change.is_none()
        && is_stated(value)
        && value.unit == Some("%")
        && value.interval.low > 100.0;
    // The whole is named in the subject or after the figure: "account for 110 pct of
    // year-end equity and reserves".
    let ratio = || {
        let words = &ctx.doc.lang.subjects;
        is_ratio_whole(words, &claim.subject)
            || is_ratio_whole(words, &share_words(ctx, claim, value))
    };
    (oversized && !ratio() && !ratio_by_its_neighbours(ctx, claim, value)).then_some(value)
}

/// Longest quote of a share's words, in words.
const MAX_QUOTE_WORDS: usize = 8;

/// The share as written, from its figure to the end of the clause ("112% of voters backed the
/// measure"), whitespace collapsed: the subject phrase of a share built from the words around
/// the figure reads badly in a message ("a share of About 112% of voters backed...").
fn share_words(ctx: &Context, claim: &Claim, value: &Figure) -> String {
    let Some(stated) = value.stated else {
        return stated_or_value(ctx, value);
    };
    let end = claim.sentence.end.max(stated.end);
    let rest = &ctx.text()[stated.start..end];
    let clause = rest.find([',', ';', ':', '(']).map_or(rest, |i| &rest[..i]);
    let words: Vec<&str> = clause.split_whitespace().take(MAX_QUOTE_WORDS).collect();
    words.join(" ").trim_end_matches('.').to_string()
}

/// A figure as written, to stand inside a sentence: "About 112%" opening the article's
/// sentence is "about 112%" in the message.
fn mid_sentence(figure: &str) -> String {
    let mut chars = figure.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => first
            .to_lowercase()
            .chain(figure[first.len_utf8()..].chars())
            .collect(),
        _ => figure.to_string(),
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for claim in ctx.claims {
        let Some(value) = oversized_share(ctx, claim) else {
            continue;
        };
        out.push(Finding {
            rule: NAME,
            severity: Severity::Error,
            span: value.stated.unwrap_or(claim.span),
            message: format!(
                "\"{}\" states a share of {}, which is impossible: a part cannot exceed its whole",
                share_words(ctx, claim, value),
                mid_sentence(&stated_or_value(ctx, value)),
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
            "\"190% of the world's magnets\" states a share of 190%, which is impossible",
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

    #[test]
    fn accepts_a_quantity_stated_as_a_ratio_to_another() {
        for text in [
            "The group's borrowing climbed to 140 pct of annual shipments last year.",
            "Its loans to farmers were 2 bln dlrs, or 118 pct of shareholders' funds.",
            "The bank must report any lending of over 130 pct of its deposits.",
            "Arrears stood at 112% of the fund's assets.",
        ] {
            assert_none(&lint(text, NAME));
        }
    }

    #[test]
    fn accepts_a_figure_set_against_another_level() {
        for text in [
            "Up to October, 1,729,098 visitors arrived, accounting for 540.4 percent compared to the same period in 2021.",
            "Sales accounted for 130% against last year's total.",
        ] {
            assert_none(&lint(text, NAME));
        }
        // Only right after the figure: "of" a whole between leaves a share.
        let f = lint("Exports hold 120 pct of the market against rivals.", NAME);
        assert_one(
            &f,
            Severity::Error,
            "\"120 pct of the market against rivals\" states",
        );
    }

    #[test]
    fn flags_a_share_of_a_whole_above_100_percent_in_real_text() {
        let f = lint(
            "About 112% of voters backed the measure, a poll found.",
            NAME,
        );
        assert_one(
            &f,
            Severity::Error,
            "\"About 112% of voters backed the measure\" states a share of about 112%, which",
        );
        let f = lint("The company holds 120 pct of the market.", NAME);
        assert_one(
            &f,
            Severity::Error,
            "\"120 pct of the market\" states a share",
        );
    }

    #[test]
    fn accepts_a_ratio_whose_whole_is_named_after_the_figure() {
        assert_none(&lint(
            "Its approximately 1.4 billion dlrs of loans to the four major Latin debtor countries account for 110 pct of year-end equity and reserves.",
            NAME,
        ));
    }
}
