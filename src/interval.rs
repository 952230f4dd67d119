//! Closed intervals of reals with outward rounding: every stated figure is one, and every
//! derived figure (a baseline, a percent change) is computed so that the true value can never
//! fall outside the result through floating-point error.

use serde::Serialize;

/// A closed interval `[low, high]`. Bounds may be infinite (one-sided claims: "more than 90%").
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

fn down(x: f64) -> f64 {
    if x.is_finite() {
        x.next_down()
    } else {
        x
    }
}

fn up(x: f64) -> f64 {
    if x.is_finite() {
        x.next_up()
    } else {
        x
    }
}

fn min4(a: f64, b: f64, c: f64, d: f64) -> f64 {
    a.min(b).min(c).min(d)
}

fn max4(a: f64, b: f64, c: f64, d: f64) -> f64 {
    a.max(b).max(c).max(d)
}

impl Interval {
    /// An interval from two bounds in any order. NaN bounds become the whole real line.
    pub fn new(a: f64, b: f64) -> Self {
        if a.is_nan() || b.is_nan() {
            return Interval::everything();
        }
        Interval {
            low: a.min(b),
            high: a.max(b),
        }
    }

    pub const fn point(x: f64) -> Self {
        Interval { low: x, high: x }
    }

    pub const fn everything() -> Self {
        Interval {
            low: f64::NEG_INFINITY,
            high: f64::INFINITY,
        }
    }

    /// `center ± half_width`, rounded outward.
    pub fn around(center: f64, half_width: f64) -> Self {
        let h = half_width.abs();
        Interval::new(down(center - h), up(center + h))
    }

    pub fn mid(&self) -> f64 {
        if self.low.is_finite() && self.high.is_finite() {
            self.low / 2.0 + self.high / 2.0
        } else if self.low.is_finite() {
            self.low
        } else {
            self.high
        }
    }

    pub fn is_bounded(&self) -> bool {
        self.low.is_finite() && self.high.is_finite()
    }

    pub fn contains(&self, x: f64) -> bool {
        self.low <= x && x <= self.high
    }

    pub fn intersect(&self, other: &Interval) -> Option<Interval> {
        let low = self.low.max(other.low);
        let high = self.high.min(other.high);
        (low <= high).then_some(Interval { low, high })
    }

    pub fn overlaps(&self, other: &Interval) -> bool {
        self.intersect(other).is_some()
    }

    pub fn hull(&self, other: &Interval) -> Interval {
        Interval {
            low: self.low.min(other.low),
            high: self.high.max(other.high),
        }
    }

    /// Distance between two intervals (0 when they overlap).
    pub fn gap(&self, other: &Interval) -> f64 {
        if self.high < other.low {
            other.low - self.high
        } else if other.high < self.low {
            self.low - other.high
        } else {
            0.0
        }
    }

    pub fn add(&self, o: &Interval) -> Interval {
        Interval::new(down(self.low + o.low), up(self.high + o.high))
    }

    pub fn sub(&self, o: &Interval) -> Interval {
        Interval::new(down(self.low - o.high), up(self.high - o.low))
    }

    pub fn scale(&self, k: f64) -> Interval {
        if k == 1.0 {
            return *self;
        }
        Interval::new(
            down(self.low * k).min(down(self.high * k)),
            up(self.low * k).max(up(self.high * k)),
        )
    }

    pub fn mul(&self, o: &Interval) -> Interval {
        let (a, b, c, d) = (
            self.low * o.low,
            self.low * o.high,
            self.high * o.low,
            self.high * o.high,
        );
        let p = [a, b, c, d].map(|x| if x.is_nan() { 0.0 } else { x });
        Interval::new(
            down(min4(p[0], p[1], p[2], p[3])),
            up(max4(p[0], p[1], p[2], p[3])),
        )
    }

    /// `self / o`; `None` when `o` contains zero.
    pub fn div(&self, o: &Interval) -> Option<Interval> {
        if o.contains(0.0) {
            return None;
        }
        let (a, b, c, d) = (
            self.low / o.low,
            self.low / o.high,
            self.high / o.low,
            self.high / o.high,
        );
        let p = [a, b, c, d].map(|x| if x.is_nan() { 0.0 } else { x });
        Some(Interval::new(
            down(min4(p[0], p[1], p[2], p[3])),
            up(max4(p[0], p[1], p[2], p[3])),
        ))
    }
}

impl std::fmt::Display for Interval {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "[{}, {}]", self.low, self.high)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn division_by_an_interval_containing_zero_is_refused() {
        assert!(Interval::point(1.0)
            .div(&Interval::new(-1.0, 1.0))
            .is_none());
    }

    #[test]
    fn gap_is_zero_when_overlapping() {
        assert_eq!(Interval::new(1.0, 3.0).gap(&Interval::new(2.0, 4.0)), 0.0);
        assert_eq!(Interval::new(1.0, 2.0).gap(&Interval::new(3.0, 4.0)), 1.0);
    }
}
