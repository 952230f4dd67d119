//! Numbers written in words ("seven", "twenty-five", "two hundred", "a third", "a dozen").

use super::Scanner;
use crate::lang::same;

/// A number written in words starting at token `i`: (value, is a fraction, next token).
pub(super) fn written_value(s: &Scanner, i: usize) -> Option<(f64, bool, usize)> {
    let n = &s.lang.numbers;
    let w = s.low(i)?;
    let w = w.as_str();
    // "a dozen", "a third", "a quarter of", "a half"
    if same(w, n.article) || same(w, n.one) {
        if let Some(next) = s.low(i + 1) {
            if same(&next, n.dozen) {
                return Some((12.0, false, i + 2));
            }
            if let Some(f) = n
                .fractions
                .get(&next)
                .filter(|_| n.singular_fractions.contains(&next))
            {
                // "one-third" is glued by a hyphen
                return Some((f, true, i + 2));
            }
        }
        if same(w, n.one) && s.is_punct(i + 1, "-") && s.glued(i + 1) {
            if let Some(f) = s.low(i + 2).and_then(|next| n.fractions.get(&next)) {
                return Some((f, true, i + 3));
            }
        }
        if same(w, n.article) {
            return None;
        }
    }
    if same(w, n.half) && !s.is_any(i.wrapping_sub(1), &n.not_before_half) {
        return Some((0.5, true, i + 1));
    }
    let mut value = n.cardinals.get(w)? as f64;
    if same(w, n.hundred) {
        return None;
    }
    let mut j = i + 1;
    // "twenty-five"
    if value >= 20.0 && s.is_punct(j, "-") && s.glued(j) {
        if let Some(u) = s
            .low(j + 1)
            .and_then(|next| n.cardinals.get(&next))
            .filter(|u| *u < 10)
        {
            value += u as f64;
            j += 2;
        }
    }
    // "two-thirds", "three quarters"
    if (s.is_punct(j, "-") && s.glued(j)) || s.is_any(j, &n.plural_fractions) {
        let k = if s.is_punct(j, "-") { j + 1 } else { j };
        if let Some(f) = s
            .low(k)
            .and_then(|next| n.fractions.get(&next))
            .filter(|_| value < 10.0)
        {
            return Some((value * f, true, k + 1));
        }
    }
    // "two hundred"
    if s.is_word(j, n.hundred) {
        value *= 100.0;
        j += 1;
    }
    Some((value, false, j))
}
