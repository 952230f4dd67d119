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
    /// The denominator of a fraction written with it ("5-3/4", "½"): the precision is then
    /// a tenth of that fraction's step, not a decimal place (a fraction is written as
    /// exactly as the decimal with one more digit: "3/4" as "0.75"). 0 for none.
    pub denominator: u32,
}

/// The vulgar fraction characters: (character, numerator, denominator).
const VULGAR: &[(char, u32, u32)] = &[
    ('½', 1, 2),
    ('⅓', 1, 3),
    ('⅔', 2, 3),
    ('¼', 1, 4),
    ('¾', 3, 4),
    ('⅕', 1, 5),
    ('⅖', 2, 5),
    ('⅗', 3, 5),
    ('⅘', 4, 5),
    ('⅙', 1, 6),
    ('⅚', 5, 6),
    ('⅛', 1, 8),
    ('⅜', 3, 8),
    ('⅝', 5, 8),
    ('⅞', 7, 8),
];

/// A vulgar fraction character ("½"): (numerator, denominator).
pub fn vulgar(s: &str) -> Option<(u32, u32)> {
    // Every one is two or three bytes, from U+00BC up: one test rules out other punctuation.
    if s.len() < 2 {
        return None;
    }
    let mut chars = s.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    VULGAR
        .iter()
        .find(|&&(v, _, _)| v == c)
        .map(|&(_, n, d)| (n, d))
}

/// Whether `numerator/denominator` reads as a fraction of a whole ("3/4", "7/8", "1/32"):
/// a proper fraction over a denominator people write fractions in. "9/11", "24/7" and
/// "1987/88" are not.
pub fn is_common_fraction(numerator: f64, denominator: f64) -> bool {
    matches!(denominator as u32, 2 | 3 | 4 | 5 | 8 | 16 | 32 | 64)
        && denominator.fract() == 0.0
        && numerator.fract() == 0.0
        && numerator >= 1.0
        && numerator < denominator
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
    let mut comma = false;
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
                comma |= c == ',';
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
    // "1,4 mln": one digit after a single comma is a decimal comma, as no grouping writes it
    // (two digits are not: "110,00" in news is a thousands figure with a digit lost).
    if comma && group_count == 1 && current_group == 1 && (1..=3).contains(&groups[0]) {
        buf[n] = buf[n - 1];
        buf[n - 1] = b'.';
        n += 1;
        grouped = false;
        decimals = 1;
        int_digits -= 1;
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
        denominator: 0,
    })
}

/// Parses the digits after a leading point (".98" is 0.98): `None` unless `s` is digits only.
pub fn parse_after_point(s: &str) -> Option<Numeral> {
    if s.is_empty() || s.len() > MAX_DIGITS || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits: f64 = s.parse().ok()?;
    let decimals = s.len() as u32;
    Some(Numeral {
        value: digits / 10f64.powi(decimals as i32),
        decimals,
        trailing_zeros: 0,
        int_digits: 0,
        grouped: false,
        denominator: 0,
    })
}

impl Numeral {
    /// This whole number plus the fraction `numerator/denominator` ("5" and "3/4" read as
    /// "5-3/4"), precise to that fraction's step.
    pub fn plus_fraction(self, numerator: u32, denominator: u32) -> Numeral {
        Numeral {
            value: self.value + numerator as f64 / denominator as f64,
            decimals: 0,
            trailing_zeros: 0,
            denominator,
            ..self
        }
    }

    /// This whole number plus decimals read aloud: `digits` in `places` places ("1 point 05"
    /// is 1 plus 5 in two places), precise to the last of them.
    pub fn plus_decimals(self, digits: f64, places: i32) -> Numeral {
        Numeral {
            value: self.value + digits / 10f64.powi(places),
            decimals: places as u32,
            trailing_zeros: 0,
            ..self
        }
    }

    /// This whole amount plus `cents` hundredths ("3 dollars" and "50 cents"), precise to
    /// the cent.
    pub fn plus_cents(self, cents: f64) -> Numeral {
        Numeral {
            value: self.value + cents / 100.0,
            decimals: 2,
            trailing_zeros: 0,
            ..self
        }
    }

    /// The fraction `numerator/denominator` on its own ("1/4", "½").
    pub fn fraction(numerator: u32, denominator: u32) -> Numeral {
        Numeral {
            value: 0.0,
            decimals: 0,
            trailing_zeros: 0,
            int_digits: 0,
            grouped: false,
            denominator: 0,
        }
        .plus_fraction(numerator, denominator)
    }

    /// The unit in the last written place. Decimals are precision; for integers of three or
    /// more digits, trailing zeros beyond the first two significant digits are taken as
    /// rounding ("408,000" is to the thousand, "100" to the ten), as journalists round.
    pub fn ulp(&self, zeros_are_rounding: bool) -> f64 {
        if self.denominator > 0 {
            0.1 / self.denominator as f64
        } else if self.decimals > 0 {
            10f64.powi(-(self.decimals as i32))
        } else if zeros_are_rounding && self.int_digits >= 3 {
            let z = self.trailing_zeros.min(self.int_digits - 2);
            10f64.powi(z as i32)
        } else {
            1.0
        }
    }

    /// Every value that rounds to the numeral, times `factor` (scale and unit). A fraction
    /// is read to a tenth of its own step: "5-3/4" is 5.7375 to 5.7625.
    pub fn rounded(&self, factor: f64, zeros_are_rounding: bool) -> Interval {
        let half = self.ulp(zeros_are_rounding) / 2.0;
        Interval::around(self.value, half).scale(factor)
    }

    /// Every value of the range from this numeral to `end`, both read to the finer of their
    /// two precisions (a range's ends are written alike: "4.75% to 5%" is 4.75–5.00), times
    /// `factor`.
    pub fn range_to(&self, end: &Numeral, factor: f64, zeros_are_rounding: bool) -> Interval {
        let (low, high) = self.range_ends(end, factor, zeros_are_rounding);
        low.hull(&high)
    }

    /// The values of each end of the range from this numeral to `end`, read to the finer of
    /// their two precisions, times `factor`.
    pub fn range_ends(
        &self,
        end: &Numeral,
        factor: f64,
        zeros_are_rounding: bool,
    ) -> (Interval, Interval) {
        let half = self
            .ulp(zeros_are_rounding)
            .min(end.ulp(zeros_are_rounding))
            / 2.0;
        let at = |v: f64| Interval::new(v - half, v + half).scale(factor);
        (at(self.value), at(end.value))
    }

    /// Every value that truncates to the numeral (toward zero), times `factor`.
    pub fn truncated(&self, factor: f64, zeros_are_rounding: bool) -> Interval {
        Interval::new(self.value, self.value + self.ulp(zeros_are_rounding)).scale(factor)
    }
}

/// A figure written on its own, outside running text: a registry value ("22,319", "1.2
/// billion", "-3") or the number of a test. It is read exactly as the same words in an
/// article: the same numeral, the same written precision, the same scale words.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Standalone {
    /// The value in base units, signed.
    pub value: f64,
    /// Every value that rounds to it.
    pub rounded: Interval,
    /// Every value that truncates to it (toward zero).
    pub truncated: Interval,
    /// The unit in its last written place, in base units.
    pub step: f64,
}

/// Reads a standalone figure: an optional sign (`+`, `-`, `−`), a numeral, and an optional
/// scale word after it, spaced or attached ("1.2 billion", "1.2bn", "5 lakh"), looked up
/// with `scale` (the language's table, as in articles). `zeros_are_rounding` is what it is
/// for the same figure in an article: true for amounts, percents and points, false for
/// ratios. `None` for anything else.
pub fn standalone(
    text: &str,
    zeros_are_rounding: bool,
    scale: impl Fn(&str, bool) -> Option<f64>,
) -> Option<Standalone> {
    let s = text.trim();
    let (negative, s) = match s.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let split = s.find(|c: char| c.is_alphabetic()).unwrap_or(s.len());
    let (number, word) = (&s[..split], &s[split..]);
    let attached = !number.ends_with(char::is_whitespace);
    let factor = if word.is_empty() {
        1.0
    } else {
        scale(&word.trim_end().to_lowercase(), attached)?
    };
    let number = number.trim_end();
    if number.ends_with('.') {
        return None;
    }
    let numeral = parse(number)?;
    let mut rounded = numeral.rounded(factor, zeros_are_rounding);
    let mut truncated = numeral.truncated(factor, zeros_are_rounding);
    let mut value = numeral.value * factor;
    if negative {
        value = -value;
        rounded = rounded.scale(-1.0);
        truncated = truncated.scale(-1.0);
    }
    value.is_finite().then_some(Standalone {
        value,
        rounded,
        truncated,
        step: numeral.ulp(zeros_are_rounding) * factor,
    })
}

/// The scale a mention was written with ("284.9 mln" is 1e6, "$27.56 billion" 1e9, "12 cts"
/// 0.01), if it has a plain numeral: none for a figure in words or a range.
pub fn scale_of(text: &str, m: &crate::mention::Mention) -> Option<f64> {
    let n = parse(m.number_span.slice(text))?;
    (n.value != 0.0 && !m.words && !m.range).then(|| (m.value / n.value).abs())
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
        // One digit after a single comma is a decimal comma ("1,4 mln families"); two are
        // a thousands figure with a digit lost ("sold for $110,00"), refused.
        let n = parse("1,4").unwrap();
        assert_eq!(
            (n.value, n.decimals, n.int_digits, n.grouped),
            (1.4, 1, 1, false)
        );
        assert_eq!(parse("312,5").unwrap().value, 312.5);
        assert!(parse("110,00").is_none());
        assert!(parse("1,2,3").is_none());
        assert!(parse("1234,5").is_none());
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

    fn scale(w: &str, attached: bool) -> Option<f64> {
        match w {
            "billion" => Some(1e9),
            "bn" if attached => Some(1e9),
            _ => None,
        }
    }

    #[test]
    fn standalone_figures_read_as_in_an_article() {
        // Bounds are rounded outward by a unit in the last place of the float.
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
        let read = |s: &str| {
            standalone(s, true, scale).map(|f| {
                let (low, high) = (f.rounded.low, f.rounded.high);
                (low, high)
            })
        };
        let reads_as = |s: &str, low: f64, high: f64| {
            let (l, h) = read(s).unwrap_or_else(|| panic!("{s} is not read"));
            assert!(close(l, low) && close(h, high), "{s}: {l}..{h}");
        };
        reads_as("353", 352.5, 353.5);
        reads_as("100", 95.0, 105.0);
        reads_as("100.0", 99.95, 100.05);
        reads_as("408,000", 407_500.0, 408_500.0);
        reads_as("-3", -3.5, -2.5);
        reads_as("+660", 655.0, 665.0);
        reads_as("1.2 billion", 1.15e9, 1.25e9);
        reads_as("1.2bn", 1.15e9, 1.25e9);
        assert_eq!(read("1.2 bn"), None, "a letter scale must be attached");
        assert_eq!(read("1.2 zillion"), None);
        for bad in ["", "+", "abc", "1,2,3", "3.", "1 2"] {
            assert_eq!(read(bad), None, "{bad}");
        }
        let seventy = standalone("70", false, scale).unwrap();
        assert!(close(seventy.rounded.low, 69.5) && close(seventy.rounded.high, 70.5));
        let fall = standalone("-38.1", true, scale).unwrap();
        assert!(fall.truncated.contains(-38.19) && !fall.truncated.contains(-38.09));
    }
}
