//! What the rules alone share: their near-miss limits, which figures may be compared, and
//! the wording of their messages. Numbers, ranges and the arithmetic of changes are shared
//! with the registry and live in [`crate::measure`].

use crate::claim::{Change, Claim, Figure};
use crate::finding::Severity;
use crate::interval::Interval;
use crate::lang::shapes::Ends;
use crate::lang::Words;
use crate::measure::format::{fmt_change_number, fmt_number_range, fmt_value};
use crate::measure::near_miss::{magnitude, NearMiss, FIGURE_NEAR_MISS};
use crate::mention::MentionKind;
use crate::period::{days_in_month, Period};
use crate::span::Span;

use super::Context;

/// Ratios ("seven times" for ×7.6): under 2% of the stated ratio.
pub const MULTIPLE_NEAR_MISS: NearMiss = NearMiss {
    absolute: f64::INFINITY,
    relative: 0.02,
};

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

/// Whether a stated percent change of a quarter's figures is the quarter's own change
/// compounded to a yearly rate, as national accounts give it ("GDP increased 4.6%, or $240.3
/// billion, in the second quarter to $21.34 trillion": +1.14% in the quarter, +4.6% a year at
/// that pace). `quarterly` is the change the figures give, `stated` every reading of the
/// stated percent.
pub fn annualized_quarter_fits(claim: &Claim, quarterly: &Interval, stated: &Interval) -> bool {
    let period = claim.value.as_ref().and_then(|v| v.period).or(claim.period);
    if !matches!(
        period,
        Some(Period::Quarter(..) | Period::FiscalQuarter(..))
    ) {
        return false;
    }
    let yearly = |p: f64| ((1.0 + p / 100.0).powi(4) - 1.0) * 100.0;
    quarterly.low > -100.0
        && Interval::new(yearly(quarterly.low), yearly(quarterly.high)).overlaps(stated)
}

/// Every reading of a stated change: rounded or truncated.
pub fn any_reading(change: &Change) -> Interval {
    change.interval.hull(&change.truncated)
}

/// The words of `text` in lowercase, in order; digits and punctuation separate them.
pub fn lowercase_words(text: &str) -> impl DoubleEndedIterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The spans of the words of `text` (as [`lowercase_words`] splits it) that are in `words`,
/// in order.
pub fn range_word_runs(text: &str, words: &Words) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let word = &text[s..i];
                // An ASCII word of no listed shape needs no lowercase copy.
                let shaped = !word.is_ascii()
                    || Ends::of(word.as_bytes(), true)
                        .is_some_and(|e| words.shapes().may_contain_ends(e, word.len()));
                if shaped && words.contains(&word.to_lowercase()) {
                    out.push(Span::new(s, i));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
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

/// Figures further apart than this ratio are taken to measure different things (a monthly
/// rate beside an annual one, a part beside its whole), not to misstate one measure.
const MAX_RATIO: f64 = 2.0;

/// Whether two figures are near enough in size to be two statements of one measure.
pub fn similar_size(a: &Figure, b: &Figure) -> bool {
    let ratio = (a.interval.mid() / b.interval.mid()).abs();
    (1.0 / MAX_RATIO..=MAX_RATIO).contains(&ratio)
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
        // "fell 3 points": a bare number's point word, which the linker read.
        let after = ctx.text()[mention.span.end..].trim_start();
        let word = after
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if mention.kind == MentionKind::Number
            && !word.is_empty()
            && ctx
                .doc
                .lang
                .units
                .point_words
                .contains(&word.to_lowercase())
        {
            return format!("{text} {word}");
        }
        if !text.is_empty() {
            return text.to_string();
        }
    }
    fmt_change_number(&change.interval, change.measure)
}

/// The words of a claim or change, trimmed ("an increase of 660%").
pub fn quote(ctx: &Context, span: crate::span::Span) -> String {
    span.slice(ctx.text()).trim().to_string()
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
        Period::FiscalHalf(y, h) => format!("H{h} of fiscal {y}"),
        Period::FiscalQuarter(y, q) => format!("Q{q} of fiscal {y}"),
        Period::FiscalMonths(y, n) => format!("the first {n} months of fiscal {y}"),
        Period::Range(a, b) if a.day == 1 && b.day == days_in_month(b.year, b.month) => {
            if a.year == b.year {
                format!("{}-{} {}", month(a.month), month(b.month), b.year)
            } else {
                format!(
                    "{} {}-{} {}",
                    month(a.month),
                    a.year,
                    month(b.month),
                    b.year
                )
            }
        }
        Period::Range(a, b) if (a.year, a.month) == (b.year, b.month) => {
            format!("{} {}-{}, {}", month(a.month), a.day, b.day, b.year)
        }
        Period::Range(a, b) => format!(
            "{} {}, {}-{} {}, {}",
            month(a.month),
            a.day,
            a.year,
            month(b.month),
            b.day,
            b.year
        ),
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
