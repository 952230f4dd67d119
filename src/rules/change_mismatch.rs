//! `change-mismatch`: a stated percent or point change that the two stated figures cannot
//! produce under any rounding.

use crate::claim::{Change, Claim, Direction, Figure, Measure};
use crate::finding::{Finding, Severity};
use crate::interval::Interval;

use crate::extract::numeral::{self, scale_of};
use crate::measure::format::{fmt_amount_range, fmt_change_range, fmt_pct_range};
use crate::measure::near_miss::{magnitude, CHANGE_NEAR_MISS};
use crate::mention::{Bound, MentionKind};

use super::arith::{
    annualized_quarter_fits, both_percent, change_number_text, negate, stated_or_value, stated_pair,
};
use super::{direction_mismatch, impossible_decrease, points_vs_percent, Context};

pub const NAME: &str = "change-mismatch";

pub const DOCS: &str = "\
## What it does
Checks a change claim that states its current figure, its baseline and the change between
them (\"rose 20.8% to 87.1 mln from 72.6 mln\"). Every number is read as the interval its
writing allows (\"72.6\" is 72.55 to 72.65), the change those figures can give is computed
with outward rounding, and the rule fires when it does not overlap the stated change.

- A percent change is compared with the relative change of the figures; a change in points
  (\"rose 2.5 percentage points\") between two percentages with their difference; an amount
  (\"fell by 2,300 to 41,800 from 44,100\", \"fell 30 points to 1,210\" for an index) with the
  difference of two figures in the same unit.
- A stated change that fits only if it was truncated rather than rounded (\"up 26.5 pct\" for
  +26.57%) is `info`. Points are not truncated: they are a difference of two written
  percentages (\"fell 3 points to 45% from 50%\": the figures give 4 to 6 points, an error).
- Trailing zeros are read as rounding (\"$100 million\" is 95 to 105 million). A percent change
  that fits only under that loosest reading, while the printed digits give a change at least
  half a point and 5% of the stated change away, is a `warning` with both computations
  (\"rose 20 percent to $110 million from $100 million\": the digits give +9.0% to +11.1%); a
  one-digit figure before a scale word (\"from 1 million\", ±50%) is taken as printed. An
  amount is held to the same test, 5% of the stated amount (\"fell 30 points to 1,210 from
  1,250\": the digits give -41 to -39).
- Otherwise the severity grows with the gap between the stated change and what the figures
  give: a near miss, under 0.5 percentage points and under 2% of the stated change (\"12.6%\"
  for +12.46% to +12.53%), is a `warning`; anything larger is an `error`.
- Stays silent when another rule explains the claim better: `points-vs-percent` (points
  written as a percent), `direction-mismatch` (the magnitude fits with the sign flipped) and
  `impossible-decrease`; on a currency quoted per dollar without a unit (\"the yen rose
  0.8 pct to 153.50 from 154.67\") whose change fits the quote or its inverse, either sign;
  and on a quarter's percent that is the quarter's change compounded to a yearly rate, as
  national accounts give it (\"GDP increased 4.6% in the second quarter to $21.34 trillion
  from $21.10 trillion\": +1.1% in the quarter, +4.6% a year at that pace).

Implied baselines are never checked: they were rebuilt from the claim itself.

## Why is this bad?
A change that its own figures contradict means one of the three numbers is wrong, and the
reader cannot know which. Such errors creep in when a figure is revised and the change is not
recomputed, or when the change was computed from unrounded or different figures.

## Example
```text
Net income rose 20.8% to 87.1 mln dlrs from 72.6 mln.
```
87.1 / 72.6 is +19.8% to +20.1% under any rounding. Use instead:
```text
Net income rose 20.0% to 87.1 mln dlrs from 72.6 mln.
```
";

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for claim in ctx.claims {
        if let Some(finding) = finding(ctx, claim) {
            out.push(finding);
        }
    }
}

/// What the figures allow for a claim's change, in the change's own measure.
pub fn allowed(change: &Change, value: &Figure, baseline: &Figure) -> Option<Interval> {
    // Points are a difference of percentages; a multiple is `multiple-mismatch`'s.
    match change.measure {
        Measure::Percent => {}
        Measure::Points if both_percent(value, baseline) => {}
        // An amount ("fell by 2,300 to 41,800 from 44,100") is a difference of like figures.
        Measure::Absolute if change.interval.is_bounded() && value.unit == baseline.unit => {}
        _ => return None,
    }
    change.measure.between(&baseline.interval, &value.interval)
}

/// What the figures allow for the change of the inverse quantity (dollars per yen instead of
/// yen per dollar): baseline / value - 1.
fn allowed_inverse(change: &Change, value: &Figure, baseline: &Figure) -> Option<Interval> {
    allowed(change, baseline, value)
}

/// The change under a truncation reading. Points are a difference of two written
/// percentages, so "3 points" is 2.5 to 3.5 and never 3 to 4: a writer subtracts, then
/// rounds, and there is nothing to truncate.
fn truncated_reading(change: &Change) -> Interval {
    match change.measure {
        Measure::Points => change.interval,
        _ => change.truncated,
    }
}

/// Every change the stated number allows: rounded, or truncated where that applies.
fn stated_readings(change: &Change) -> Interval {
    change.interval.hull(&truncated_reading(change))
}

/// "a rise of 20.8 pct from 72.6 mln dlrs to 87.1 mln dlrs": the claim in a message.
fn change_words(ctx: &Context, change: &Change, value: &Figure, baseline: &Figure) -> String {
    let kind = match change.direction {
        Some(Direction::Up) => "rise",
        Some(Direction::Down) => "fall",
        _ if change.interval.mid() < 0.0 => "fall",
        _ => "change",
    };
    format!(
        "a {kind} of {} from {} to {}",
        change_number_text(ctx, change),
        stated_or_value(ctx, baseline),
        stated_or_value(ctx, value)
    )
}

/// The gap, in percent, between a stated change and what the figures as printed allow,
/// beyond which a change that only the loosest reading allows is reported: at least half a
/// point and a twentieth of the stated change.
const LOOSE_GAP_POINTS: f64 = 0.5;
const LOOSE_GAP_SHARE: f64 = 0.05;

/// A figure read from its printed digits alone.
struct Printed {
    /// Every value that rounds to the printed digits, trailing zeros counted as digits.
    digits: Interval,
    /// The value as printed.
    point: f64,
    /// Read more loosely than its digits: trailing zeros taken as rounding ("$100 million").
    round: bool,
    /// One digit before a scale word ("1 million"), whose rounding allows ±50%.
    one_digit: bool,
}

/// How a plainly written figure (no "about", bound, range or number word) reads from its
/// printed digits.
fn printed(ctx: &Context, figure: &Figure) -> Option<Printed> {
    let mention = ctx.mentions.get(figure.mention?)?;
    if mention.approx.is_some() || mention.bound != Bound::Exact || mention.range || mention.words {
        return None;
    }
    let digits = numerals(mention.number_span.slice(ctx.text())).next()?;
    let numeral = numeral::parse(digits).filter(|n| n.value != 0.0)?;
    let point = figure.interval.mid();
    let factor = point / numeral.value;
    if !factor.is_finite() {
        return None;
    }
    let digits = numeral.rounded(factor, false);
    let loose = figure.interval.high - figure.interval.low;
    Some(Printed {
        round: loose > (digits.high - digits.low) * 1.5,
        one_digit: numeral.int_digits == 1 && numeral.decimals == 0 && factor > 1.0,
        digits,
        point,
    })
}

/// A percent change that fits only because round figures are read at their loosest ("rose
/// 20 percent to $110 million from $100 million": 105/105 to 115/95 allows +20%, while the
/// printed digits give +9.0% to +11.1%): a warning with both computations. A one-digit figure
/// before a scale word ("from 1 million") allows ±50%, so there the printed values are
/// compared as they stand.
fn loose_only(
    ctx: &Context,
    claim: &Claim,
    (value, baseline): (&Figure, &Figure),
    loose: &Interval,
) -> Option<Finding> {
    let change = claim.change.as_ref()?;
    let measure = change.measure;
    if !matches!(measure, Measure::Percent | Measure::Absolute) {
        return None;
    }
    let (v, b) = (printed(ctx, value)?, printed(ctx, baseline)?);
    if !(v.round || b.round || v.one_digit || b.one_digit) {
        return None;
    }
    let as_printed = measure.between(&Interval::point(b.point), &Interval::point(v.point))?;
    let strict = if v.one_digit || b.one_digit {
        as_printed
    } else {
        measure.between(&b.digits, &v.digits)?
    };
    let stated = stated_readings(change);
    let gap = stated.gap(&strict);
    // An amount ("fell 30 points to 1,210 from 1,250") has no percent scale: only the
    // share of the stated change counts.
    let too_close = measure == Measure::Percent && gap < LOOSE_GAP_POINTS;
    if too_close || gap < LOOSE_GAP_SHARE * magnitude(&change.interval) {
        return None;
    }
    let range = |iv: &Interval| match measure {
        Measure::Absolute => fmt_amount_range(iv, None),
        _ => fmt_pct_range(iv, None),
    };
    let strict = range(&strict);
    Some(Finding {
        rule: NAME,
        severity: Severity::Warning,
        span: claim.span,
        message: format!(
            "{} fits only under the loosest rounding of the figures, which allows {}; as printed they give {strict}",
            change_words(ctx, change, value, baseline),
            range(loose),
        ),
        claims: vec![claim.id],
        notes: vec![format!(
            "the figures as printed give {strict}: check the change, or print the figures it was computed from"
        )],
    })
}

/// The two ends of a figure written as a range of plain numerals ("4.75% to 5%", "5.25-5.5%"),
/// each read to the finer precision of the two, as the range itself is.
fn band_ends(ctx: &Context, figure: &Figure) -> Option<(Interval, Interval)> {
    let mention = ctx.mentions.get(figure.mention?)?;
    if !mention.range || mention.approx.is_some() || mention.bound != Bound::Exact || mention.words
    {
        return None;
    }
    let mut ends = numerals(mention.number_span.slice(ctx.text())).map(numeral::parse);
    let (Some(Some(low)), Some(Some(high)), None) = (ends.next(), ends.next(), ends.next()) else {
        return None;
    };
    let factor = mention.value / ((low.value + high.value) / 2.0);
    if !factor.is_finite() || factor <= 0.0 {
        return None;
    }
    Some(low.range_ends(&high, factor, true))
}

/// The plain numerals written in a figure's number ("4.75" and "5" of "4.75% to 5"), without
/// a comma or point at either end.
fn numerals(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .map(|s| s.trim_matches([',', '.']))
        .filter(|s| !s.is_empty())
}

/// A change in points between two bands ("cut by 0.5 percentage points to 4.75% to 5%, down
/// from 5.25% to 5.5%") moves both ends: what both end-to-end moves allow, when they agree.
/// A band that widened or narrowed has no single move, and the whole ranges decide.
fn band_move(
    ctx: &Context,
    change: &Change,
    value: &Figure,
    baseline: &Figure,
) -> Option<Interval> {
    if change.measure != Measure::Points {
        return None;
    }
    let ((v_low, v_high), (b_low, b_high)) = (band_ends(ctx, value)?, band_ends(ctx, baseline)?);
    let low = change.measure.between(&b_low, &v_low)?;
    let high = change.measure.between(&b_high, &v_high)?;
    low.intersect(&high)
}

/// The scale the figure of mention `m` was written with ("$27.56 billion" is 1e9).
fn written_scale(ctx: &Context, m: Option<usize>) -> Option<f64> {
    scale_of(ctx.text(), ctx.mentions.get(m?)?)
}

/// Whether a bare amount of change (no unit, no scale word) beside figures written with a
/// scale word fits another reading of it: at their scale, the word left out ("Profit rose 2 to
/// $27.56 billion from $25.56 billion"), or a percent whose sign was dropped ("$27.56 billion,
/// which is 7.815 higher than the $25.56 billion expected"). Such an amount is reported only
/// when no reading fits.
fn bare_amount_fits(
    ctx: &Context,
    change: &Change,
    value: &Figure,
    baseline: &Figure,
    allowed: &Interval,
) -> bool {
    if change.measure != Measure::Absolute {
        return false;
    }
    let Some(mention) = change.mention.and_then(|m| ctx.mentions.get(m)) else {
        return false;
    };
    let bare = mention.kind == MentionKind::Number
        && mention.unit.is_none()
        && written_scale(ctx, change.mention) == Some(1.0);
    let Some(scale) = written_scale(ctx, value.mention).filter(|&f| f > 1.0) else {
        return false;
    };
    if !bare || written_scale(ctx, baseline.mention) != Some(scale) {
        return false;
    }
    let magnitude = |iv: &Interval| Interval::new(iv.low.abs(), iv.high.abs());
    let at_scale = magnitude(&change.interval).scale(scale);
    let percent = Measure::Percent
        .between(&baseline.interval, &value.interval)
        .map(|p| magnitude(&p));
    at_scale.overlaps(&magnitude(allowed))
        || percent.is_some_and(|p| p.overlaps(&magnitude(&change.interval)))
}

fn finding(ctx: &Context, claim: &Claim) -> Option<Finding> {
    let change = claim.change.as_ref()?;
    let (value, baseline) = stated_pair(claim)?;
    let allowed =
        band_move(ctx, change, value, baseline).or_else(|| allowed(change, value, baseline))?;
    if allowed.overlaps(&change.interval) {
        return loose_only(ctx, claim, (value, baseline), &allowed);
    }
    if impossible_decrease::applies(claim) || points_vs_percent::mixup(claim).is_some() {
        return None;
    }
    if direction_mismatch::contradiction(claim).is_some()
        && negate(&stated_readings(change)).overlaps(&allowed)
    {
        return None;
    }
    if bare_amount_fits(ctx, change, value, baseline, &allowed) {
        return None;
    }
    if change.measure == Measure::Percent
        && annualized_quarter_fits(claim, &allowed, &stated_readings(change))
    {
        return None;
    }
    // A currency quoted per dollar: the words may give the currency's own change (the inverse
    // ratio) or the quote's, with either sign.
    if direction_mismatch::inverse_quote(ctx, claim) {
        let readings = [Some(allowed), allowed_inverse(change, value, baseline)];
        let stated = stated_readings(change);
        if readings
            .iter()
            .flatten()
            .any(|r| r.overlaps(&stated) || r.overlaps(&negate(&stated)))
        {
            return None;
        }
    }
    let range =
        |shown: &Interval, stated: &Interval| fmt_change_range(change.measure, shown, stated);
    let number = change_number_text(ctx, change);
    let words = change_words(ctx, change, value, baseline);
    let (severity, message, note) = match allowed.intersect(&truncated_reading(change)) {
        Some(truncated) => (
            Severity::Info,
            format!(
                "{words} is consistent only if {number} was truncated from {}",
                range(&truncated, &change.interval)
            ),
            "most readers take a stated change as rounded; write the rounded figure".to_string(),
        ),
        None => {
            let shown = range(&allowed, &change.interval);
            let gap = stated_readings(change).gap(&allowed);
            (
                CHANGE_NEAR_MISS.of_stated(gap, &change.interval),
                format!("{words} is impossible: those figures give {shown}"),
                format!("the figures support {shown}"),
            )
        }
    };
    Some(Finding {
        rule: NAME,
        severity,
        span: claim.span,
        message,
        claims: vec![claim.id],
        notes: vec![note],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::ClaimKind;
    use crate::rules::test_support::*;

    #[test]
    fn flags_a_change_that_only_the_loosest_rounding_allows() {
        for (text, printed) in [
            (
                "Sales rose 20 percent to $110 million from $100 million.",
                "allows 0.0% to +21.1%; as printed they give +9.0% to +11.1%",
            ),
            (
                "Revenue grew 5.2% to $1,150 from $1,100.",
                "as printed they give +4.5% to +4.6%",
            ),
            (
                "Output rose 5% to 1.1 million from 1 million.",
                "as printed they give +10.0%",
            ),
        ] {
            let f = lint(text, NAME);
            assert_one(
                &f,
                Severity::Warning,
                "fits only under the loosest rounding",
            );
            assert!(f[0].message.contains(printed), "{}", f[0].message);
        }
    }

    #[test]
    fn flags_an_amount_that_only_the_loosest_rounding_allows() {
        // 1,210 and 1,250 read loosely are 1,205..1,215 and 1,245..1,255: a 30-point fall
        // fits at the edge, while the printed digits give 40.
        let f = lint("The index fell 30 points to 1,210 from 1,250.", NAME);
        assert_one(
            &f,
            Severity::Warning,
            "a fall of 30 points from 1,250 to 1,210",
        );
        assert!(
            f[0].message
                .ends_with("which allows -50 to -30; as printed they give -41 to -39"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn accepts_amounts_whose_printed_digits_fit() {
        for text in [
            "The index fell 40 points to 1,210 from 1,250.",
            "The index fell 38 points to 1,210 from 1,250.",
            "The index fell by 2,300 to 41,800 from 44,100.",
        ] {
            assert_none(&lint(text, NAME));
        }
    }

    #[test]
    fn reads_a_bare_amount_beside_scaled_figures_at_their_scale_or_as_a_percent() {
        // The scale word left out, or the percent sign dropped: either reading that fits
        // silences the rule.
        for text in [
            "Profit rose 2 to $27.56 billion from $25.56 billion.",
            "Output was 27.56 billion tonnes, 7.815 higher than the 25.56 billion tonnes expected.",
        ] {
            assert_none(&lint(text, NAME));
        }
        // No reading fits: 3 billion is not 2, nor is 3% the +7.8% the figures give; nor are
        // 2,000 billion or 2,000%.
        for (text, words) in [
            (
                "Sales rose 3 to $27.56 billion from $25.56 billion.",
                "a rise of 3 from $25.56 billion to $27.56 billion is impossible",
            ),
            (
                "Output rose 2,000 to 27.56 billion tonnes from 25.56 billion tonnes.",
                "a rise of 2,000 from 25.56 billion tonnes",
            ),
        ] {
            assert_one(&lint(text, NAME), Severity::Error, words);
        }
    }

    #[test]
    fn accepts_round_figures_whose_printed_digits_fit() {
        for text in [
            "Sales rose 10 percent to $110 million from $100 million.",
            "Exports fell 10 pct to 967,000 tonnes from 1.1 mln.",
            "Output rose 30 pct to 2.6 bln tonnes from 2 bln.",
            "Revenue grew 4.5% to $1,150 from $1,100.",
        ] {
            assert_none(&lint(text, NAME));
        }
    }

    #[test]
    fn flags_points_that_only_a_truncation_would_allow() {
        // 50% -> 45% is 4 to 6 points; points are subtracted, then rounded: never truncated.
        let f = lint(
            "The share fell by 3 percentage points to 45% from 50%.",
            NAME,
        );
        assert_one(
            &f,
            Severity::Error,
            "those figures give -6.0 to -4.0 points",
        );
        assert_none(&lint(
            "The share fell by 5 percentage points to 45% from 50%.",
            NAME,
        ));
    }

    /// "Net rose {number} to {value} from {base}." as one change claim.
    fn net(number: &str, dir: Direction, value: &str, base: &str, unit: &'static str) -> Article {
        let verb = if dir == Direction::Down {
            "fell"
        } else {
            "rose"
        };
        let text = format!("Net {verb} {number} to {value} from {base}.");
        let mut art = Article::new(&text);
        let change = art.pct(&format!("{verb} {number}"), number, dir);
        let claim = Claim {
            value: Some(art.figure(value, Some(unit), None)),
            baseline: Some(art.figure_nth(
                base,
                if base == value { 1 } else { 0 },
                Some(unit),
                None,
            )),
            change: Some(change),
            ..art.claim(ClaimKind::Change, text.trim_end_matches('.'), "net")
        };
        art.push(claim);
        art
    }

    #[test]
    fn a_move_between_bands_is_the_move_of_both_ends() {
        // 5.25-5.5% to 4.75-5% is a cut of 0.5 points at each end; the whole ranges would
        // allow anything from -0.76 to -0.24.
        let text = |cut: &str, from: &str| {
            format!("The Fed cut the federal funds rate by {cut} to 4.75%-5%, down from {from}.")
        };
        let f = lint(&text("0.75 percentage points", "5.25%-5.5%"), NAME);
        assert_one(&f, Severity::Error, "those figures give -0.5 points");
        let f = lint(&text("a quarter point", "5.25%-5.5%"), NAME);
        assert_one(&f, Severity::Error, "those figures give -0.5 points");
        assert_none(&lint(&text("0.5 percentage points", "5.25%-5.5%"), NAME));
        assert_none(&lint(&text("half a point", "5.25%-5.5%"), NAME));
        // A band that changed its width has no one move: the whole ranges decide.
        assert_none(&lint(&text("0.5 percentage points", "5.25%-5.75%"), NAME));
    }

    #[test]
    fn accepts_a_quarter_s_percent_given_as_a_yearly_rate() {
        // $21.10 trillion to $21.34 trillion is +1.11% to +1.16% in the quarter; compounded
        // over four quarters +4.5% to +4.7%, which 4.6% (an annual rate) fits.
        let text = |pct: &str, when: &str, before: &str| {
            format!(
                "GDP increased {pct} in {when} to $21.34 trillion from $21.10 trillion in \
                 {before}."
            )
        };
        let quarter = text("4.6%", "the second quarter", "the first quarter");
        assert_none(&lint(&quarter, NAME));
        for (text, number) in [
            (
                text("5.6%", "the second quarter", "the first quarter"),
                "5.6%",
            ),
            (text("4.6%", "June", "May"), "4.6%"),
        ] {
            assert_one(
                &lint(&text, NAME),
                Severity::Error,
                &format!("rise of {number}"),
            );
        }
    }

    #[test]
    fn accepts_the_reuters_rise_of_12_5_pct() {
        assert_none(&net("12.5 pct", Direction::Up, "320.5 mln", "284.9 mln", "USD").run(check));
    }

    #[test]
    fn accepts_the_seed_world_exports_of_157_5_percent() {
        assert_none(&net("157.5%", Direction::Up, "3188 t", "1238 t", "t").run(check));
    }

    #[test]
    fn accepts_a_fall_that_matches() {
        // 61.9 / 100.0 is -38.1%.
        assert_none(&net("38.1%", Direction::Down, "61.9 t", "100.0 t", "t").run(check));
    }

    #[test]
    fn flags_a_near_miss_as_a_warning_with_enough_decimals() {
        // 284.9 -> 320.5 is +12.46% to +12.53%; "12.6%" misses by 0.02 points.
        let art = net("12.6 pct", Direction::Up, "320.5 mln", "284.9 mln", "USD");
        let f = art.run(check);
        let f = assert_one(
            &f,
            Severity::Warning,
            "a rise of 12.6 pct from 284.9 mln to 320.5 mln is impossible: those figures give +12.46% to +12.53%",
        );
        assert_eq!(f.rule, NAME);
        assert_eq!(f.claims, vec![1]);
        assert_eq!(f.span, art.claims[0].span);
    }

    #[test]
    fn flags_a_gross_mismatch_as_an_error() {
        let f = net("20.8%", Direction::Up, "87.1 mln", "72.6 mln", "USD").run(check);
        let f = assert_one(
            &f,
            Severity::Error,
            "a rise of 20.8% from 72.6 mln to 87.1 mln is impossible: those figures give +19.8% to +20.1%",
        );
        assert_eq!(
            f.notes,
            vec!["the figures support +19.8% to +20.1%".to_string()]
        );
    }

    #[test]
    fn flags_a_change_consistent_only_by_truncation_as_info() {
        // 253.16 / 200.00 is +26.57% to +26.59%: "26.5" only if truncated.
        let f = net("26.5 pct", Direction::Up, "253.16 mln", "200.00 mln", "USD").run(check);
        assert_one(
            &f,
            Severity::Info,
            "is consistent only if 26.5 pct was truncated from +26.57% to +26.59%",
        );
    }

    #[test]
    fn accepts_a_change_on_its_rounding_boundary() {
        // 126.55 / 100.00 reaches +26.54%: "26.5" rounded holds (intervals are closed).
        assert_none(&net("26.5 pct", Direction::Up, "126.55 mln", "100.00 mln", "USD").run(check));
    }

    #[test]
    fn flags_points_that_the_percentages_cannot_give() {
        // 7.2% - 5.1% is +2.0 to +2.2 points: a gap of 0.25 points, but 10% of the stated 2.5.
        let text = "The rate rose 2.5 percentage points to 7.2% from 5.1%.";
        let mut art = Article::new(text);
        let change = art.change(
            "rose 2.5 percentage points",
            "2.5 percentage points",
            Measure::Points,
            Direction::Up,
        );
        let claim = Claim {
            value: Some(art.figure("7.2%", Some("%"), None)),
            baseline: Some(art.figure("5.1%", Some("%"), None)),
            change: Some(change),
            ..art.claim(ClaimKind::Change, text.trim_end_matches('.'), "rate")
        };
        art.push(claim);
        assert_one(
            &art.run(check),
            Severity::Error,
            "a rise of 2.5 percentage points from 5.1% to 7.2% is impossible: those figures give +2.0 to +2.2 points",
        );
    }

    #[test]
    fn accepts_claims_another_rule_explains() {
        // Points written as percent: points-vs-percent.
        assert_none(&net("2%", Direction::Up, "7%", "5%", "%").run(check));
        // The magnitude fits with the sign flipped: direction-mismatch.
        assert_none(&net("16.7%", Direction::Up, "72.6 mln", "87.1 mln", "USD").run(check));
        // A fall of more than 100%: impossible-decrease.
        assert_none(&net("150%", Direction::Down, "2.0 t", "5.0 t", "t").run(check));
    }

    #[test]
    fn flags_a_wrong_direction_whose_magnitude_is_also_wrong() {
        let f = net("30%", Direction::Up, "72.6 mln", "87.1 mln", "USD").run(check);
        assert_one(&f, Severity::Error, "those figures give -16.");
    }

    #[test]
    fn accepts_implied_baselines_unbounded_figures_and_other_units() {
        let mut art = net("20.8%", Direction::Up, "87.1 mln", "72.6 mln", "USD");
        let base = art.claims[0].baseline.as_mut().unwrap();
        base.implied = true;
        base.stated = None;
        assert_none(&art.run(check));
        let mut art = net("20.8%", Direction::Up, "87.1 mln", "72.6 mln", "USD");
        art.claims[0].value.as_mut().unwrap().interval.high = f64::INFINITY;
        assert_none(&art.run(check));
        let mut art = net("20.8%", Direction::Up, "87.1 mln", "72.6 mln", "USD");
        art.claims[0].baseline.as_mut().unwrap().unit = Some("t");
        assert_none(&art.run(check));
    }

    mod rounding {
        use super::*;
        use proptest::prelude::*;

        /// A number as a journalist writes it: rounded to `decimals`.
        fn written(x: f64, decimals: usize) -> String {
            format!("{x:.decimals$}")
        }

        fn article(base: &str, value: &str, pct: &str) -> Article {
            let dir = if pct.starts_with('-') {
                Direction::Down
            } else {
                Direction::Up
            };
            net(
                &format!("{}%", pct.trim_start_matches('-')),
                dir,
                &format!("{value} t"),
                &format!("{base} t"),
                "t",
            )
        }

        fn run_change_rules(art: &Article) -> Vec<Finding> {
            let mut out = art.run(check);
            out.extend(art.run(direction_mismatch::check));
            out
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 512, max_global_rejects: 4096, ..ProptestConfig::default() })]

            #[test]
            fn rounded_figures_never_contradict_their_rounded_change(
                base in 1.0f64..100_000.0,
                pct in -95.0f64..500.0,
                (db, dv, dp) in (0usize..=2, 0usize..=2, 0usize..=2),
            ) {
                let value = base * (1.0 + pct / 100.0);
                let (b, v, p) = (written(base, db), written(value, dv), written(pct, dp));
                prop_assume!(p.trim_start_matches('-').parse::<f64>().unwrap() != 0.0);
                // Trailing zeros of whole numbers read as rounding ("100" is 95 to 105):
                // still consistent, the intervals only widen.
                let art = article(&b, &v, &p);
                prop_assert!(art.run(check).is_empty(), "{}: {:?}", art.doc.text, art.run(check));
            }

            #[test]
            fn a_change_off_by_more_than_rounding_is_flagged(
                base in 1.0f64..100_000.0,
                pct in -95.0f64..500.0,
                (db, dv, dp) in (0usize..=2, 0usize..=2, 0usize..=2),
            ) {
                let value = base * (1.0 + pct / 100.0);
                let (b, v) = (written(base, db), written(value, dv));
                let (bi, vi) = (as_written(&b), as_written(&v));
                let allowed = Measure::Percent.between(&bi, &vi).unwrap();
                prop_assume!(allowed.is_bounded());
                // Clearly above anything the figures allow, by more than any rounding or
                // truncation of the stated change can absorb.
                let p = written(allowed.high + 2.0, dp);
                let magnitude = as_written(p.trim_start_matches('-'));
                let stated_low = if p.starts_with('-') { -magnitude.high } else { magnitude.low };
                // "220" is 215 to 225 as written (trailing zeros are not precision).
                prop_assume!(stated_low > allowed.high + 1.0 && magnitude.low > 0.0);
                let art = article(&b, &v, &p);
                let findings = run_change_rules(&art);
                prop_assert!(!findings.is_empty(), "{}", art.doc.text);
                prop_assert!(findings.iter().all(|f| f.severity == Severity::Error), "{findings:?}");
            }
        }
    }
}
