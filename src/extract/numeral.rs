//! Reading a written numeral ("22,319", "1,234.5", "5,00,000", "22 319") into its value and
//! precision, and building the interval that precision allows.

use crate::interval::Interval;

/// A numeral as written: its value and how precisely it was written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Numeral {
    pub value: f64,
    /// Digits after the decimal point.
    pub decimals: u32,
    /// Trailing zeros of an integer ("408,000" has 3).
    pub trailing_zeros: u32,
    /// Digits before the decimal point.
    pub int_digits: u32,
    /// Written with group separators.
    pub grouped: bool,
}

/// The most significant digits a numeral may have; longer ones are not read as quantities
/// (a 5,000-digit "number" is noise, not a figure).
const MAX_DIGITS: usize = 30;

/// Parses a numeral token. Group separators must form Western (3-digit) or Indian (2-digit
/// then 3-digit) groups; `None` for anything else or absurdly long digit strings.
pub fn parse(s: &str) -> Option<Numeral> {
    let mut buf = [0u8; MAX_DIGITS + 2];
    let mut n = 0;
    let mut decimals = 0u32;
    let mut int_digits = 0u32;
    let mut in_fraction = false;
    let mut grouped = false;
    let mut groups: [usize; 16] = [0; 16];
    let mut group_count = 0usize;
    let mut current_group = 0usize;
    for c in s.chars() {
        match c {
            '0'..='9' => {
                if n >= MAX_DIGITS {
                    return None;
                }
                buf[n] = c as u8;
                n += 1;
                if in_fraction {
                    decimals += 1;
                } else {
                    int_digits += 1;
                    current_group += 1;
                }
            }
            '.' if !in_fraction => {
                buf[n] = b'.';
                n += 1;
                in_fraction = true;
            }
            ',' | '\u{a0}' | '\u{202f}' | '\u{2009}' | ' ' if !in_fraction => {
                grouped = true;
                if group_count >= groups.len() {
                    return None;
                }
                groups[group_count] = current_group;
                group_count += 1;
                current_group = 0;
            }
            _ => return None,
        }
    }
    if grouped {
        // Every group after the first: 3 digits (Western), or 2-digit groups ending in a
        // 3-digit group (Indian lakh/crore style).
        if current_group != 3 || groups[0] == 0 || groups[0] > 3 {
            return None;
        }
        let inner = &groups[1..group_count];
        let western = inner.iter().all(|&g| g == 3);
        let indian = inner.iter().all(|&g| g == 2) && groups[0] <= 2;
        if !western && !indian {
            return None;
        }
    }
    let text = std::str::from_utf8(&buf[..n]).ok()?;
    let value: f64 = text.parse().ok()?;
    let trailing_zeros = if decimals == 0 {
        buf[..n].iter().rev().take_while(|&&b| b == b'0').count() as u32
    } else {
        0
    };
    Some(Numeral {
        value,
        decimals,
        trailing_zeros: trailing_zeros.min(int_digits.saturating_sub(1)),
        int_digits,
        grouped,
    })
}

impl Numeral {
    /// The unit in the last written place. Decimals are precision; for integers of three or
    /// more digits, trailing zeros beyond the first two significant digits are taken as
    /// rounding ("408,000" is to the thousand, "100" to the ten), as journalists round.
    pub fn ulp(&self, zeros_are_rounding: bool) -> f64 {
        if self.decimals > 0 {
            10f64.powi(-(self.decimals as i32))
        } else if zeros_are_rounding && self.int_digits >= 3 {
            let z = self.trailing_zeros.min(self.int_digits - 2);
            10f64.powi(z as i32)
        } else {
            1.0
        }
    }

    /// Every value that rounds to the numeral, times `factor` (scale and unit).
    pub fn rounded(&self, factor: f64, zeros_are_rounding: bool) -> Interval {
        let half = self.ulp(zeros_are_rounding) / 2.0;
        Interval::around(self.value, half).scale(factor)
    }

    /// Every value that truncates to the numeral (toward zero), times `factor`.
    pub fn truncated(&self, factor: f64, zeros_are_rounding: bool) -> Interval {
        Interval::new(self.value, self.value + self.ulp(zeros_are_rounding)).scale(factor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_group_separators_of_each_convention() {
        assert_eq!(parse("22,319").unwrap().value, 22319.0);
        assert_eq!(parse("22\u{a0}319").unwrap().value, 22319.0);
        assert_eq!(parse("1,234.5").unwrap().value, 1234.5);
        assert_eq!(parse("5,00,000").unwrap().value, 500000.0);
        assert!(parse("1,2").is_none());
        assert!(parse("12,34,567,89").is_none());
    }

    #[test]
    fn precision_as_written() {
        let n = parse("408,000").unwrap();
        assert_eq!(n.rounded(1.0, true), Interval::around(408000.0, 500.0));
        let n = parse("38.1").unwrap();
        let r = n.rounded(1.0, false);
        assert!(r.contains(38.05) && r.contains(38.15) && !r.contains(38.16));
        assert_eq!(parse("353").unwrap().ulp(true), 1.0);
        assert_eq!(parse("100").unwrap().ulp(true), 10.0);
        assert_eq!(parse("10").unwrap().ulp(true), 1.0);
    }

    #[test]
    fn absurd_numerals_are_refused_without_panicking() {
        assert!(parse(&"9".repeat(5000)).is_none());
        assert!(parse("").is_none());
    }
}
