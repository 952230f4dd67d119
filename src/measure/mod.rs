//! The arithmetic of changes, once for every stage: for each measure (percent, points,
//! multiple, absolute), the change between two figures, the figure before a change and the
//! figure after it, all with the outward rounding of [`crate::interval`], so that a true
//! value never falls outside. Implied baselines, the rules and the registry's relations
//! all call these; the numbers and ranges their messages show are in [`format`].

pub mod format;
pub mod near_miss;

use crate::interval::Interval;
use serde::Serialize;

/// How a change is expressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    /// A relative change in percent; intervals are signed percent.
    Percent,
    /// A difference of percentages in percentage points; intervals are signed points.
    Points,
    /// A ratio to the baseline ("seven times", "doubled"); intervals are the ratio.
    Multiple,
    /// A change stated only by its direction and two values ("rose from 5 to 7"); intervals
    /// are the signed difference in the figures' unit.
    Absolute,
}

/// The ratio `1 + pct/100` of a signed percent change.
pub fn percent_factor(pct: &Interval) -> Interval {
    pct.scale(0.01).add(&Interval::point(1.0))
}

/// The percent that an amount of change ending at `current` is of the level before it,
/// `amount / (current - amount) × 100`, with each figure read once. Computing the level before
/// first and then `current / before` would read `current` twice, as if the two could round
/// apart, and widen the range: "$191 billion, down $6.2b" would allow -3.7% to -2.6%, not the
/// -3.18% to -3.11% it gives. For any fixed `current` the expression moves one way with
/// `amount`, and for any fixed `amount` one way with `current`, so its extremes are at the
/// corners. `None` when the level before may be zero.
pub fn percent_of_amount(amount: &Interval, current: &Interval) -> Option<Interval> {
    if current.sub(amount).contains(0.0) {
        return None;
    }
    let p = |a: f64, c: f64| 100.0 * a / (c - a);
    let corners = [
        p(amount.low, current.low),
        p(amount.low, current.high),
        p(amount.high, current.low),
        p(amount.high, current.high),
    ];
    let low = corners.iter().copied().fold(f64::INFINITY, f64::min);
    let high = corners.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    // Three roundings in each corner: widen by far more than they can move it.
    let slack = |x: f64| x.abs() * 1e-12 + f64::MIN_POSITIVE;
    Some(Interval::new(low - slack(low), high + slack(high)))
}

impl Measure {
    /// The serialised name (the JSON writer writes it without serde; a test holds it equal).
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Percent => "percent",
            Measure::Points => "points",
            Measure::Multiple => "multiple",
            Measure::Absolute => "absolute",
        }
    }

    /// The change from `from` to `to` in this measure: `(to / from - 1) × 100` for a
    /// percent, `to / from` for a multiple, `to - from` for points and absolute changes.
    /// `None` when `from` may be zero and the measure divides by it.
    pub fn between(self, from: &Interval, to: &Interval) -> Option<Interval> {
        match self {
            Measure::Percent => Some(to.div(from)?.sub(&Interval::point(1.0)).scale(100.0)),
            Measure::Multiple => to.div(from),
            Measure::Points | Measure::Absolute => Some(to.sub(from)),
        }
    }

    /// The figure before `change` that gives `current`. `None` when there is no finite
    /// one: a fall of 100% or more, or a ratio that may be zero.
    pub fn before(self, current: &Interval, change: &Interval) -> Option<Interval> {
        match self {
            Measure::Percent => {
                let factor = percent_factor(change);
                if factor.low <= 0.0 {
                    return None;
                }
                current.div(&factor)
            }
            Measure::Multiple => current.div(change),
            Measure::Points | Measure::Absolute => Some(current.sub(change)),
        }
    }

    /// The figure `change` gives from `baseline`.
    pub fn after(self, baseline: &Interval, change: &Interval) -> Interval {
        match self {
            Measure::Percent => baseline.mul(&percent_factor(change)),
            Measure::Multiple => baseline.mul(change),
            Measure::Points | Measure::Absolute => baseline.add(change),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn implied_baseline_of_the_seed_us_exports() {
        // 353 t after +660% (655% to 665%) puts May at 46.07 to 46.83 t.
        let current = Interval::around(353.0, 0.5);
        let pct = Interval::around(660.0, 5.0);
        let base = Measure::Percent.before(&current, &pct).unwrap();
        assert!((base.low - 46.07).abs() < 0.01, "{base}");
        assert!((base.high - 46.83).abs() < 0.01, "{base}");
    }

    #[test]
    fn percent_change_contains_the_stated_reuters_figure() {
        let from = Interval::around(284.9, 0.05);
        let to = Interval::around(320.5, 0.05);
        let pct = Measure::Percent.between(&from, &to).unwrap();
        assert!(pct.contains(12.5), "{pct}");
    }

    #[test]
    fn an_amount_is_a_percent_of_the_level_before_read_once() {
        // $191 billion (190.5..191.5), down $6.2b (6.15..6.25): -3.18% to -3.11%.
        let p =
            percent_of_amount(&Interval::new(-6.25, -6.15), &Interval::new(190.5, 191.5)).unwrap();
        assert!(p.low > -3.18 && p.low < -3.17, "{p}");
        assert!(p.high > -3.12 && p.high < -3.11, "{p}");
        // The two-step reading allows far more, 3.4% included.
        let before = Measure::Absolute
            .before(&Interval::new(190.5, 191.5), &Interval::new(-6.25, -6.15))
            .unwrap();
        let wide = Measure::Percent
            .between(&before, &Interval::new(190.5, 191.5))
            .unwrap();
        assert!(wide.contains(-3.4) && !p.contains(-3.4), "{wide} {p}");
        // A level before that may be zero has no percent; one below zero has.
        assert!(percent_of_amount(&Interval::point(5.0), &Interval::new(4.0, 6.0)).is_none());
        assert!(percent_of_amount(&Interval::point(10.0), &Interval::new(4.0, 6.0)).is_some());
    }

    #[test]
    fn no_baseline_without_a_finite_one() {
        let current = Interval::around(10.0, 0.5);
        assert!(Measure::Percent
            .before(&current, &Interval::around(-100.0, 0.5))
            .is_none());
        assert!(Measure::Multiple
            .before(&current, &Interval::new(-1.0, 1.0))
            .is_none());
        assert!(Measure::Percent
            .between(&Interval::new(-1.0, 1.0), &current)
            .is_none());
    }

    #[test]
    fn points_and_absolute_changes_are_differences() {
        // A load factor of 34.6% then 38.0%: +3.4 points, 3.3 to 3.5 as written.
        let (from, to) = (Interval::around(34.6, 0.05), Interval::around(38.0, 0.05));
        for m in [Measure::Points, Measure::Absolute] {
            let change = m.between(&from, &to).unwrap();
            assert!(change.contains(3.31) && change.contains(3.49) && !change.contains(3.51));
            assert!(m.before(&to, &change).unwrap().contains(34.6));
            assert!(m.after(&from, &change).contains(38.0));
        }
    }
}
