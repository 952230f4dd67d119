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
}
