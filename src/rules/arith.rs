//! Arithmetic and wording shared by the rules: near-miss severity, which figures may be
//! compared, and numbers formatted for messages the way a reader would write them.

use crate::claim::{Change, Claim, Figure};
use crate::finding::Severity;
use crate::interval::Interval;
use crate::period::Period;

use super::Context;

/// How far a stated number may miss what the figures allow and still be a near miss
/// (`warning`) rather than a gross error. A gap counts as near only when it is under
/// both limits.
#[derive(Clone, Copy, Debug)]
pub struct NearMiss {
    /// Largest absolute gap, in the unit compared (percent, points, base units).
    pub absolute: f64,
    /// Largest gap relative to the magnitude of the stated number.
    pub relative: f64,
}

/// Percent and point changes: under half a percentage point and under 2% of the stated
/// change ("12.6%" for +12.46% to +12.53% is a near miss; "20.8%" for +19.8% to +20.1% is not).
pub const CHANGE_NEAR_MISS: NearMiss = NearMiss {
    absolute: 0.5,
    relative: 0.02,
};

/// Ratios ("seven times" for ×7.6): under 2% of the stated ratio.
pub const MULTIPLE_NEAR_MISS: NearMiss = NearMiss {
    absolute: f64::INFINITY,
    relative: 0.02,
};

/// Two figures for one quantity: under 1% of the larger one.
pub const FIGURE_NEAR_MISS: NearMiss = NearMiss {
    absolute: f64::INFINITY,
    relative: 0.01,
};

impl NearMiss {
    /// Severity of a gap between two disjoint intervals, `magnitude` being the size of the
    /// stated number the gap is judged against.
    pub fn severity(&self, gap: f64, magnitude: f64) -> Severity {
        let magnitude = magnitude.abs();
        if gap < self.absolute && magnitude.is_finite() && gap < self.relative * magnitude {
            Severity::Warning
        } else {
            Severity::Error
        }
    }

    /// Severity of the gap between `stated` and what the figures `allow`.
    pub fn between(&self, stated: &Interval, allowed: &Interval) -> Severity {
        self.severity(stated.gap(allowed), magnitude(stated))
    }
}

/// The size of an interval's number: its midpoint, or its finite bound when one-sided.
pub fn magnitude(iv: &Interval) -> f64 {
    iv.mid().abs()
}

/// The smallest absolute value an interval allows (0 when it spans zero).
pub fn least_magnitude(iv: &Interval) -> f64 {
    if iv.contains(0.0) {
        0.0
    } else {
        iv.low.abs().min(iv.high.abs())
    }
}

/// The interval with its sign flipped.
pub fn negate(iv: &Interval) -> Interval {
    Interval::new(-iv.high, -iv.low)
}

/// Every reading of a stated change: rounded or truncated.
pub fn any_reading(change: &Change) -> Interval {
    change.interval.hull(&change.truncated)
}

/// A figure written in the text, as opposed to one rebuilt from other figures.
pub fn is_stated(figure: &Figure) -> bool {
    figure.stated.is_some() && !figure.implied
}

/// Units that may be compared: equal, or one of them unknown (a bare "284.9 mln" beside
/// "320.5 mln dlrs").
pub fn units_compatible(a: &Figure, b: &Figure) -> bool {
    a.unit == b.unit || a.unit.is_none() || b.unit.is_none()
}

/// Both figures are percentages (the value and baseline of a share or rate).
pub fn both_percent(a: &Figure, b: &Figure) -> bool {
    a.unit == Some("%") && b.unit == Some("%")
}

/// Both periods known and equal.
pub fn same_period(a: &Figure, b: &Figure) -> bool {
    matches!((a.period, b.period), (Some(x), Some(y)) if x == y)
}

/// Periods that do not contradict each other: equal, or at least one unknown.
pub fn periods_agree(a: Option<&Figure>, b: Option<&Figure>) -> bool {
    match (a.and_then(|f| f.period), b.and_then(|f| f.period)) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// The stated value and stated baseline of a claim, when both are written, bounded and in
/// comparable units: the figures a change claim can be checked against.
pub fn stated_pair(claim: &Claim) -> Option<(&Figure, &Figure)> {
    let value = claim.value.as_ref()?;
    let baseline = claim.baseline.as_ref()?;
    (is_stated(value)
        && is_stated(baseline)
        && value.interval.is_bounded()
        && baseline.interval.is_bounded()
        && units_compatible(value, baseline))
    .then_some((value, baseline))
}

/// The text of a figure: as written when stated ("72.6 mln"), otherwise its computed value
/// with the range it may take ("46.4 t (46.1–46.8)").
pub fn stated_or_value(ctx: &Context, figure: &Figure) -> String {
    if let Some(span) = figure.stated {
        let text = span.slice(ctx.text()).trim();
        if !text.is_empty() {
            return text.to_string();
        }
    }
    let iv = figure.interval;
    match (iv.low.is_finite(), iv.high.is_finite()) {
        (true, true) => {
            let (low, high) = fmt_number_range(iv.low, iv.high);
            if low == high {
                fmt_value(iv.mid(), figure.unit)
            } else {
                format!("{} ({low}–{high})", fmt_value(iv.mid(), figure.unit))
            }
        }
        (true, false) => format!("at least {}", fmt_value(iv.low, figure.unit)),
        (false, true) => format!("at most {}", fmt_value(iv.high, figure.unit)),
        (false, false) => "an unknown figure".to_string(),
    }
}

/// The number of a stated change as written ("20.8%", "more than seven times"), from its
/// mention; failing that, rebuilt from the interval.
pub fn change_number_text(ctx: &Context, change: &Change) -> String {
    if let Some(mention) = change.mention.and_then(|i| ctx.mentions.get(i)) {
        let text = mention.span.slice(ctx.text()).trim();
        if !text.is_empty() {
            return text.to_string();
        }
    }
    let iv = change.interval;
    let decimals = decimals_of_width(iv.high - iv.low);
    let number = trim_zeros(format!("{:.*}", decimals, magnitude(&iv)));
    match change.measure {
        crate::claim::Measure::Percent => format!("{number}%"),
        crate::claim::Measure::Points => format!("{number} points"),
        crate::claim::Measure::Multiple => format!("×{number}"),
        crate::claim::Measure::Absolute => number,
    }
}

/// The words of a claim or change, trimmed ("an increase of 660%").
pub fn quote(ctx: &Context, span: crate::span::Span) -> String {
    span.slice(ctx.text()).trim().to_string()
}

/// The decimals a rounded number of this interval width was written with (width 0.1 → 1).
fn decimals_of_width(width: f64) -> usize {
    if !(width.is_finite() && width > 0.0) {
        return 1;
    }
    (-(width.log10()).floor()).clamp(0.0, 6.0) as usize
}

/// Drops trailing zeros after a decimal point ("1.20" → "1.2", "3.0" → "3").
fn trim_zeros(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Inserts thousands separators in the integer part of a plain decimal string.
fn group_thousands(s: &str) -> String {
    let (sign, rest) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    if int.len() <= 4 {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// Decimals needed to show `x` to `sig` significant digits.
fn decimals_for(x: f64, sig: i32) -> usize {
    if x == 0.0 || !x.is_finite() {
        return 0;
    }
    (sig - 1 - x.abs().log10().floor() as i32).clamp(0, 12) as usize
}

/// The scale word a number is shown with, and its divisor.
fn scale_of(x: f64) -> (f64, &'static str) {
    let a = x.abs();
    if a >= 1e12 {
        (1e12, " trn")
    } else if a >= 1e9 {
        (1e9, " bln")
    } else if a >= 1e6 {
        (1e6, " mln")
    } else {
        (1.0, "")
    }
}

/// A number with at least `sig` significant digits, scaled ("1.2 bln", "46.4", "408,000").
fn fmt_number_sig(x: f64, sig: i32) -> String {
    let (div, word) = scale_of(x);
    let v = x / div;
    let s = trim_zeros(format!("{:.*}", decimals_for(v, sig), v));
    format!("{}{word}", group_thousands(&s))
}

/// A compact number, 3 significant digits at least ("46.4", "3188", "1.2 bln").
pub fn fmt_number(x: f64) -> String {
    fmt_number_sig(x, 3)
}

/// Both ends of a range, with enough digits that distinct ends read differently.
pub fn fmt_number_range(low: f64, high: f64) -> (String, String) {
    let mut out = (fmt_number(low), fmt_number(high));
    for sig in 4..=7 {
        if out.0 != out.1 || low == high {
            break;
        }
        out = (fmt_number_sig(low, sig), fmt_number_sig(high, sig));
    }
    out
}

/// A quantity with its unit ("46.4 t", "1.2 bln USD", "7.2%", "2.1 points", "×7.6").
pub fn fmt_value(x: f64, unit: Option<&str>) -> String {
    let n = fmt_number(x);
    match unit {
        None => n,
        Some("%") => format!("{n}%"),
        Some("pp") => format!("{n} points"),
        Some("x") => format!("×{n}"),
        Some(u) => format!("{n} {u}"),
    }
}

/// A value range with its unit ("46.4–46.5 t").
pub fn fmt_value_range(iv: &Interval, unit: Option<&str>) -> String {
    let (low, high) = fmt_number_range(iv.low, iv.high);
    let range = if low == high {
        low
    } else {
        format!("{low}–{high}")
    };
    match unit {
        None => range,
        Some("%") => format!("{range}%"),
        Some("pp") => format!("{range} points"),
        Some("x") => format!("×{range}"),
        Some(u) => format!("{range} {u}"),
    }
}

/// A signed number at `decimals` decimals ("+19.8", "-38.1", "0.0").
fn fmt_signed(x: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, x);
    if s.starts_with('-') {
        // "-0.0" reads as a fall: keep only a real one.
        if s.trim_start_matches('-')
            .bytes()
            .all(|b| b == b'0' || b == b'.')
        {
            s.trim_start_matches('-').to_string()
        } else {
            s
        }
    } else if s.bytes().all(|b| b == b'0' || b == b'.') {
        s
    } else {
        format!("+{s}")
    }
}

/// A signed percent at one decimal ("+19.8%").
pub fn fmt_pct(x: f64) -> String {
    format!("{}%", fmt_signed(x, 1))
}

/// The decimals at which `allowed`, written at that precision, is told apart from
/// `stated`: one decimal when that suffices ("+19.8% to +20.1%" against 20.8%), more when
/// it does not ("+12.46% to +12.53%" against 12.6%).
fn decimals_to_tell_apart(allowed: &Interval, stated: Option<&Interval>) -> usize {
    let Some(stated) = stated else { return 1 };
    (1..=4)
        .find(|&d| {
            let unit = 0.5 * 10f64.powi(-(d as i32));
            let shown_low: f64 = format!("{:.*}", d, allowed.low)
                .parse()
                .unwrap_or(allowed.low);
            let shown_high: f64 = format!("{:.*}", d, allowed.high)
                .parse()
                .unwrap_or(allowed.high);
            !Interval::new(shown_low - unit, shown_high + unit).overlaps(stated)
        })
        .unwrap_or(4)
}

fn fmt_signed_range(allowed: &Interval, stated: Option<&Interval>, suffix: &str) -> String {
    let d = decimals_to_tell_apart(allowed, stated);
    let low = fmt_signed(allowed.low, d);
    let high = fmt_signed(allowed.high, d);
    if low == high {
        format!("{low}{suffix}")
    } else {
        format!("{low}{suffix} to {high}{suffix}")
    }
}

/// A signed percent range, precise enough to differ from `stated` ("+19.8% to +20.1%").
pub fn fmt_pct_range(allowed: &Interval, stated: Option<&Interval>) -> String {
    fmt_signed_range(allowed, stated, "%")
}

/// A signed points range ("+2.0 to +2.2 points").
pub fn fmt_points_range(allowed: &Interval, stated: Option<&Interval>) -> String {
    let d = decimals_to_tell_apart(allowed, stated);
    let low = fmt_signed(allowed.low, d);
    let high = fmt_signed(allowed.high, d);
    if low == high {
        format!("{low} points")
    } else {
        format!("{low} to {high} points")
    }
}

/// A ratio range, precise enough to differ from `stated` ("×7.6", "×2.35 to ×2.45").
pub fn fmt_ratio_range(allowed: &Interval, stated: Option<&Interval>) -> String {
    let d = decimals_to_tell_apart(allowed, stated);
    let show = |x: f64| trim_zeros(format!("{:.*}", d, x));
    let (low, high) = (show(allowed.low), show(allowed.high));
    match (allowed.low.is_finite(), allowed.high.is_finite()) {
        (true, false) => format!("×{low} or more"),
        (false, true) => format!("at most ×{high}"),
        _ if low == high => format!("×{low}"),
        _ => format!("×{low} to ×{high}"),
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A period as a reader names it ("May", "May 2024", "Q2 2025", "the first half of 2025"),
/// leaving out the year when it is the article's own.
pub fn period_name(ctx: &Context, period: &Period) -> String {
    let this_year = ctx.doc.date.map(|d| d.year);
    let month = |m: u8| {
        MONTHS
            .get(usize::from(m).wrapping_sub(1))
            .copied()
            .unwrap_or("?")
    };
    match *period {
        Period::Month(y, m) if Some(y) == this_year => month(m).to_string(),
        Period::Month(y, m) => format!("{} {y}", month(m)),
        Period::Day(y, m, d) => format!("{} {d}, {y}", month(m)),
        Period::Quarter(y, q) => format!("Q{q} {y}"),
        Period::Half(y, 1) => format!("the first half of {y}"),
        Period::Half(y, _) => format!("the second half of {y}"),
        Period::Year(y) => y.to_string(),
        Period::Fiscal(y) => format!("fiscal {y}"),
    }
}

/// The possessive heading of a figure ("May's figure", "the figure for Q2 2025").
pub fn figure_of(ctx: &Context, period: Option<&Period>) -> String {
    match period {
        Some(p @ Period::Month(..)) => format!("{}'s figure", period_name(ctx, p)),
        Some(p) => format!("the figure for {}", period_name(ctx, p)),
        None => "the figure".to_string(),
    }
}

/// Two claims giving one quantity different values: "May's figure is 46.4 t (46.1–46.8) by
/// claim 3 but 58 t by claim 5", first claim first.
pub fn conflict_message(
    ctx: &Context,
    first: (&Claim, &Figure),
    second: (&Claim, &Figure),
) -> String {
    let heading = figure_of(ctx, first.1.period.as_ref());
    let mut chars = heading.chars();
    let heading = match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect::<String>(),
        None => heading,
    };
    format!(
        "{heading} is {} by claim {} but {} by claim {}",
        stated_or_value(ctx, first.1),
        first.0.id,
        stated_or_value(ctx, second.1),
        second.0.id
    )
}

/// Severity of two disjoint figures for one quantity, by their gap relative to the larger.
pub fn figure_conflict_severity(a: &Interval, b: &Interval) -> Severity {
    FIGURE_NEAR_MISS.severity(a.gap(b), magnitude(a).max(magnitude(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_compact_with_three_significant_digits() {
        assert_eq!(fmt_number(46.43), "46.4");
        assert_eq!(fmt_number(3188.0), "3188");
        assert_eq!(fmt_number(408_000.0), "408,000");
        assert_eq!(fmt_number(1.2e9), "1.2 bln");
        assert_eq!(fmt_number(16_362_000.0), "16.4 mln");
        assert_eq!(fmt_number(0.5234), "0.523");
        assert_eq!(fmt_value(46.43, Some("t")), "46.4 t");
        assert_eq!(fmt_value(1.2e9, Some("USD")), "1.2 bln USD");
        assert_eq!(fmt_value(7.25, Some("%")), "7.25%");
    }

    #[test]
    fn ranges_gain_digits_until_their_ends_differ() {
        assert_eq!(
            fmt_value_range(&Interval::new(46.351, 46.544), Some("t")),
            "46.4–46.5 t"
        );
        assert_eq!(
            fmt_number_range(46.41, 46.44),
            ("46.41".into(), "46.44".into())
        );
    }

    #[test]
    fn percents_are_signed_and_precise_enough_to_differ_from_the_stated_one() {
        assert_eq!(fmt_pct(19.82), "+19.8%");
        assert_eq!(fmt_pct(-38.1), "-38.1%");
        assert_eq!(fmt_pct(-0.01), "0.0%");
        let stated = Interval::new(20.75, 20.85);
        assert_eq!(
            fmt_pct_range(&Interval::new(19.821, 20.124), Some(&stated)),
            "+19.8% to +20.1%"
        );
        let stated = Interval::new(12.55, 12.65);
        assert_eq!(
            fmt_pct_range(&Interval::new(12.458, 12.533), Some(&stated)),
            "+12.46% to +12.53%"
        );
    }

    #[test]
    fn near_miss_needs_both_a_small_absolute_and_a_small_relative_gap() {
        assert_eq!(CHANGE_NEAR_MISS.severity(0.017, 12.6), Severity::Warning);
        assert_eq!(CHANGE_NEAR_MISS.severity(0.63, 20.8), Severity::Error);
        // Under half a point but a large share of a small change.
        assert_eq!(CHANGE_NEAR_MISS.severity(0.3, 2.0), Severity::Error);
        assert_eq!(FIGURE_NEAR_MISS.severity(0.2, 353.0), Severity::Warning);
        assert_eq!(FIGURE_NEAR_MISS.severity(11.0, 58.0), Severity::Error);
    }
}
