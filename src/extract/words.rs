//! Numbers written in words ("seven", "twenty-five", "two hundred", "a third", "a dozen").

use super::Scanner;
use crate::lang::en;

/// Nationality words that name a dollar, franc or other currency ("Canadian dlrs").
pub fn currency_adjective(w: &str) -> Option<&'static str> {
    Some(match w {
        "canadian" => "CAD",
        "australian" => "AUD",
        "singapore" => "SGD",
        "taiwan" => "TWD",
        "swiss" => "CHF",
        "french" => "FRF",
        "belgian" => "BEF",
        "hk" => "HKD",
        _ => return None,
    })
}

/// A number written in words starting at token `i`: (value, is a fraction, next token).
pub(super) fn written_value(s: &Scanner, i: usize) -> Option<(f64, bool, usize)> {
    let w = s.low(i)?;
    let w = w.as_str();
    // "a dozen", "a third", "a quarter of", "a half"
    if w == "a" || w == "one" {
        if let Some(n) = s.low(i + 1) {
            if n.as_str() == "dozen" {
                return Some((12.0, false, i + 2));
            }
            if let Some(f) = en::fraction(&n)
                .filter(|_| matches!(n.as_str(), "half" | "third" | "quarter" | "fifth" | "tenth"))
            {
                // "one-third" is glued by a hyphen
                return Some((f, true, i + 2));
            }
        }
        if w == "one" && s.is_punct(i + 1, "-") && s.glued(i + 1) {
            if let Some(f) = s.low(i + 2).and_then(|n| en::fraction(&n)) {
                return Some((f, true, i + 3));
            }
        }
        if w == "a" {
            return None;
        }
    }
    if w == "half"
        && !s.is_word(i.wrapping_sub(1), "first")
        && !s.is_word(i.wrapping_sub(1), "second")
        && !s.is_word(i.wrapping_sub(1), "the")
    {
        return Some((0.5, true, i + 1));
    }
    let mut value = en::cardinal(w)? as f64;
    if w == "hundred" {
        return None;
    }
    let mut j = i + 1;
    // "twenty-five"
    if value >= 20.0 && s.is_punct(j, "-") && s.glued(j) {
        if let Some(u) = s
            .low(j + 1)
            .and_then(|n| en::cardinal(&n))
            .filter(|u| *u < 10)
        {
            value += u as f64;
            j += 2;
        }
    }
    // "two-thirds", "three quarters"
    if (s.is_punct(j, "-") && s.glued(j))
        || s.low(j)
            .is_some_and(|n| matches!(n.as_str(), "thirds" | "quarters" | "fifths" | "tenths"))
    {
        let k = if s.is_punct(j, "-") { j + 1 } else { j };
        if let Some(f) = s
            .low(k)
            .and_then(|n| en::fraction(&n))
            .filter(|_| value < 10.0)
        {
            return Some((value * f, true, k + 1));
        }
    }
    // "two hundred"
    if s.is_word(j, "hundred") {
        value *= 100.0;
        j += 1;
    }
    Some((value, false, j))
}
