//! Near misses: how far a stated number may miss what the figures allow and still be a
//! `warning` rather than an `error`; shared by the rules and the registry.

use crate::finding::Severity;
use crate::interval::Interval;

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

    /// Severity of a gap from a stated change, `stated` as read: a change written to two
    /// decimals claims more than one written to one, so a near miss stays within
    /// [`STATED_STEPS`] of its last digit ("jumped 101.32%" for +101.22% is no slip of
    /// rounding: a digit is wrong), and within the limits of `self` as well.
    pub fn of_stated(&self, gap: f64, stated: &Interval) -> Severity {
        let step = stated.high - stated.low;
        let within_digits = !(step.is_finite() && step > 0.0) || gap < STATED_STEPS * step;
        match self.severity(gap, magnitude(stated)) {
            Severity::Warning if within_digits => Severity::Warning,
            _ => Severity::Error,
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

/// Two figures for one quantity: under 1% of the larger one.
pub const FIGURE_NEAR_MISS: NearMiss = NearMiss {
    absolute: f64::INFINITY,
    relative: 0.01,
};

/// How many steps of its last written digit a stated change may miss by and still be a near
/// miss: five, half a point for a change written to one decimal (where the half-point limit
/// already binds), a twentieth of a point for two decimals.
pub const STATED_STEPS: f64 = 5.0;

/// Percent and point changes: under half a percentage point and under 2% of the stated
/// change ("12.6%" for +12.46% to +12.53% is a near miss; "20.8%" for +19.8% to +20.1% is not).
pub const CHANGE_NEAR_MISS: NearMiss = NearMiss {
    absolute: 0.5,
    relative: 0.02,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_miss_needs_both_a_small_absolute_and_a_small_relative_gap() {
        assert_eq!(CHANGE_NEAR_MISS.severity(0.017, 12.6), Severity::Warning);
        assert_eq!(CHANGE_NEAR_MISS.severity(0.63, 20.8), Severity::Error);
        // Under half a point but a large share of a small change.
        assert_eq!(CHANGE_NEAR_MISS.severity(0.3, 2.0), Severity::Error);
        assert_eq!(FIGURE_NEAR_MISS.severity(0.2, 353.0), Severity::Warning);
        assert_eq!(FIGURE_NEAR_MISS.severity(11.0, 58.0), Severity::Error);
    }

    #[test]
    fn a_change_written_to_two_decimals_misses_by_fewer_points() {
        let as_read = |low: f64, high: f64| Interval { low, high };
        // "101.32%" for +101.22%: twenty steps of the last digit.
        assert_eq!(
            CHANGE_NEAR_MISS.of_stated(0.095, &as_read(101.315, 101.325)),
            Severity::Error
        );
        // "101.32%" for +101.29%: under five steps.
        assert_eq!(
            CHANGE_NEAR_MISS.of_stated(0.025, &as_read(101.315, 101.325)),
            Severity::Warning
        );
        // One decimal: the half-point limit, as before.
        assert_eq!(
            CHANGE_NEAR_MISS.of_stated(0.017, &as_read(12.55, 12.65)),
            Severity::Warning
        );
        assert_eq!(
            CHANGE_NEAR_MISS.of_stated(0.45, &as_read(45.55, 45.65)),
            Severity::Warning
        );
        // A one-sided or open reading has no last digit to judge by.
        assert_eq!(
            CHANGE_NEAR_MISS.of_stated(0.2, &as_read(12.0, f64::INFINITY)),
            CHANGE_NEAR_MISS.severity(0.2, 12.0)
        );
    }
}
