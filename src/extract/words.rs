//! Numbers written in words ("seven", "twenty-five", "two hundred and six", "two thousand
//! three hundred", "a third", "two and a half", "half a million", "a dozen").

use super::{Kind, Scanner};
use crate::lang::same;

/// Where a fraction in words reads as a number on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Bare {
    /// Not a bare fraction: a whole number, or a fraction of a scale ("half a million").
    No,
    /// A counted fraction ("two thirds", "five-eighths", "twenty fifths"): a plural
    /// denominator after a numerator is a fraction wherever it stands.
    Counted,
    /// A single fraction ("a third", "one-fifth") or a count of quarters: a fraction before
    /// "of", a point or the end of a clause ("cut by a third."), where an ordinal is not
    /// ("a third term", "three quarters in a row").
    Clause,
    /// "half" on its own: only before "of" ("half of them"); "the other half" is no number.
    Of,
}

/// A number written in words, as read by [`written_value`].
pub(super) struct Written {
    pub value: f64,
    /// Whether it is a bare fraction, and where that reads as a number.
    pub fraction: Bare,
    /// The token after the words; a scale word there is read by the caller.
    pub end: usize,
    /// The step the words are written to: 1 for whole numbers, the fraction's own for
    /// "two and a half" (0.5) or "three quarters" (0.25).
    pub step: f64,
}

/// A number written in words starting at token `i`.
pub(super) fn written_value(s: &Scanner, i: usize) -> Option<Written> {
    let n = &s.lang.numbers;
    let w = s.low(i)?;
    let w = w.as_str();
    let whole = |value: f64, end: usize| Written {
        value,
        fraction: Bare::No,
        end,
        step: 1.0,
    };
    // "a dozen", "a third", "a quarter of", "a half", "a hundred", "a million"
    if same(w, n.article) || same(w, n.one) {
        if let Some(next) = s.low(i + 1) {
            if same(&next, n.dozen) {
                return Some(whole(12.0, i + 2));
            }
            // "a third", "one twenty-fifth"
            let single = n
                .fractions
                .get(&next)
                .filter(|_| n.singular_fractions.contains(&next))
                .map(|f| (f, i + 2))
                .or_else(|| {
                    // only a tens word starts one
                    n.cardinals.get(&next)?;
                    tens_ordinal(s, i + 1, false).map(|(d, end)| (1.0 / d, end))
                });
            if let Some((f, end)) = single {
                // "a third" alone is a fraction after "by" or "about" ("cut by a third."),
                // but elliptic for an ordinal elsewhere ("in a third.", "slid in a third")
                let lone = same(w, n.one)
                    || i == 0
                    || s.is_word(i - 1, s.lang.claims.by)
                    || s.approximator(i).is_some();
                let bare = if lone { Bare::Clause } else { Bare::Of };
                return Some(fraction_or_scaled(s, f, f, end, bare));
            }
        }
        if same(w, n.one) && s.is_punct(i + 1, "-") && s.glued(i + 1) {
            if let Some(f) = s.low(i + 2).and_then(|next| n.fractions.get(&next)) {
                // "one-third"
                return Some(fraction_or_scaled(s, f, f, i + 3, Bare::Clause));
            }
        }
        if same(w, n.article) {
            if s.is_word(i + 1, n.hundred) {
                // "a hundred", but not the ordinal "a hundred trillionth"
                return compound(s, 1.0, i + 1)
                    .filter(|w| !ends_ordinal(s, w.end, true))
                    .map(|w| counted(s, w));
            }
            if is_scale(s, i + 1) {
                return Some(whole(1.0, i + 1));
            }
            return None;
        }
    }
    if same(w, n.half) && !s.is_any(i.wrapping_sub(1), &n.not_before_half) {
        // "half a million", "half million"
        return Some(fraction_or_scaled(s, 0.5, 0.5, i + 1, Bare::Of));
    }
    // "quarter million", with no article
    if same(w, n.quarter) && is_scale(s, i + 1) && !s.is_any(i.wrapping_sub(1), &n.not_before_half)
    {
        return Some(fraction_or_scaled(s, 0.25, 0.25, i + 1, Bare::Of));
    }
    let first = n.cardinals.get(w)? as f64;
    if same(w, n.hundred) {
        // "hundred thousand dollars" (but not "several hundred million"); "hundred" alone
        // is a word, not a figure
        let counted = i > 0 && s.tok(i - 1).is_some_and(|t| t.kind == Kind::Word);
        return (!counted && is_scale(s, i + 1)).then(|| whole(100.0, i + 1));
    }
    let mut j = i + 1;
    // "two-thirds", "three quarters"
    if first < 10.0 && ((s.is_punct(j, "-") && s.glued(j)) || s.is_any(j, &n.plural_fractions)) {
        let k = if s.is_punct(j, "-") { j + 1 } else { j };
        if let Some(f) = s.low(k).and_then(|next| n.fractions.get(&next)) {
            return Some(fraction_or_scaled(s, first * f, f, k + 1, plural(s, k)));
        }
    }
    // "three twenty-fifths"
    if let Some((d, end)) = (first < 10.0).then(|| tens_ordinal(s, j, true)).flatten() {
        return Some(fraction_or_scaled(
            s,
            first / d,
            1.0 / d,
            end,
            Bare::Counted,
        ));
    }
    // "two dozen", "three dozens"
    if s.is_any(j, &n.dozens) {
        return Some(whole(first * 12.0, j + 1));
    }
    let mut value = first;
    // "twenty-five", "ninety five"
    if (20.0..100.0).contains(&first) && first % 10.0 == 0.0 {
        let hyphen = s.is_punct(j, "-") && s.glued(j);
        let k = if hyphen { j + 1 } else { j };
        match s.low(k).and_then(|next| n.cardinals.get(&next)) {
            Some(u) if (1..10).contains(&u) => {
                value += u as f64;
                j = k + 1;
            }
            // "twenty-first", "twenty-fifth": an ordinal
            _ if hyphen && is_ordinal(s, k) => return None,
            _ => {}
        }
    }
    // "one hundred twenty fifth" is an ordinal too (but "three quarter-point rises", "six
    // second-hand planes" are not)
    compound(s, value, j)
        .filter(|w| !ends_ordinal(s, w.end, w.value >= 20.0))
        .map(|w| counted(s, w))
}

/// Whether the whole number in words ending before `end` is the start of an ordinal: "one
/// hundred twenty-fifth", "two hundredth", "three trillionth", and with `any` (a number of
/// twenty or more) "one hundred twenty fifth".
fn ends_ordinal(s: &Scanner, end: usize, any: bool) -> bool {
    let n = &s.lang.numbers;
    // "twenty-fifth", not "seven-second delay"
    let tens = || {
        s.low(end.wrapping_sub(1))
            .and_then(|w| n.cardinals.get(&w))
            .is_some_and(|v| v >= 20 && v % 10 == 0)
    };
    if any
        && s.is_punct(end, "-")
        && s.glued(end)
        && s.glued(end + 1)
        && tens()
        && is_ordinal(s, end + 1)
    {
        return true;
    }
    if any && is_ordinal(s, end) {
        return true;
    }
    // "hundredth" and smaller: an ordinal after a count, never "three quarter-point rises"
    s.is_any(end, &n.singular_fractions)
        && s.low(end)
            .and_then(|w| n.fractions.get(&w))
            .is_some_and(|f| f < 0.05)
}

/// A whole number in words `w`, or the numerator of the plural fraction after it: "twenty
/// fifths", "a hundred trillionths".
fn counted(s: &Scanner, w: Written) -> Written {
    let n = &s.lang.numbers;
    if w.step != 1.0 || !s.is_any(w.end, &n.plural_fractions) {
        return w;
    }
    match s.low(w.end).and_then(|d| n.fractions.get(&d)) {
        Some(f) => fraction_or_scaled(s, w.value * f, f, w.end + 1, plural(s, w.end)),
        None => w,
    }
}

/// Where a count of the plural fraction at `k` reads alone: anywhere ("two thirds"), but
/// "three quarters" may be three quarters of a year ("the preceding three quarters.").
fn plural(s: &Scanner, k: usize) -> Bare {
    if s.is_any(k, &s.lang.periods.quarters) {
        Bare::Of
    } else {
        Bare::Counted
    }
}

/// Whether `count` in words before token `k` is the numerator of a proper fraction there:
/// "three quarters", not "thirty fifths".
fn proper_fraction(s: &Scanner, count: f64, k: usize) -> bool {
    let n = &s.lang.numbers;
    s.is_any(k, &n.plural_fractions)
        && s.low(k)
            .and_then(|w| n.fractions.get(&w))
            .is_some_and(|f| count * f < 1.0)
}

/// A fraction joined to a whole number by "and" at `j`: "and a half", "and one fourth",
/// "and three quarters", "and fifty-four hundredths". (Its value, its step, the token after.)
/// After a whole of twenty or more (`whole`), a single fraction with the shape of an ordinal
/// ("and a third", not "and a half" or "and a quarter") ending a clause is ambiguous with an
/// ordinal ("forty two and a third") and is left out.
pub(super) fn and_fraction(s: &Scanner, j: usize, whole: f64) -> Option<(f64, f64, usize)> {
    let n = &s.lang.numbers;
    if !s.is_word(j, s.lang.units.and) {
        return None;
    }
    if s.is_word(j + 1, n.article) || s.is_word(j + 1, n.one) {
        let f = s
            .low(j + 2)
            .filter(|w| n.singular_fractions.contains(w))
            .and_then(|w| n.fractions.get(&w))?;
        let ordinal_shaped = f != 0.5 && f != 0.25;
        if whole >= 20.0 && ordinal_shaped && s.clause_ends(j + 3) {
            return None;
        }
        return Some((f, f, j + 3));
    }
    let (count, mut e) = below_hundred(s, j + 1)?;
    // "and three-quarters", "and three-quarter times"
    let hyphen = s.is_punct(e, "-") && s.glued(e) && s.glued(e + 1);
    if hyphen {
        e += 1;
    }
    if !(s.is_any(e, &n.plural_fractions) || hyphen && s.is_any(e, &n.singular_fractions)) {
        return None;
    }
    let f = s.low(e).and_then(|w| n.fractions.get(&w))?;
    (count * f < 1.0).then_some((count * f, f, e + 1))
}

/// A denominator of tens and an ordinal at `k`: "twenty-first", "twenty fifth", or with
/// `plural` "twenty-fifths". (The denominator, the token after it.)
fn tens_ordinal(s: &Scanner, k: usize, plural: bool) -> Option<(f64, usize)> {
    let n = &s.lang.numbers;
    let tens = s
        .tok(k)?
        .look_up(s.text, &n.cardinals)
        .filter(|&v| (20..100).contains(&v) && v % 10 == 0)?;
    let hyphen = s.is_punct(k + 1, "-") && s.glued(k + 1) && s.glued(k + 2);
    let o = if hyphen { k + 2 } else { k + 1 };
    let w = s.low(o)?;
    let fractions = if plural {
        &n.plural_fractions
    } else {
        &n.singular_fractions
    };
    let ordinal = |w: &str| s.lang.periods.ordinals.get(w).map(f64::from);
    let unit = if fractions.contains(&w) {
        n.fractions.get(&w).map(|f| (1.0 / f).round())
    } else if plural {
        // "twenty-firsts" ("twenty seconds" is a time)
        w.strip_suffix('s').and_then(ordinal).filter(|&u| u == 1.0)
    } else {
        ordinal(&w)
    }
    .filter(|&u| u < 10.0)?;
    Some((tens as f64 + unit, o + 1))
}

/// Whether token `k` is an ordinal word that ends an ordinal in words ("first", "fifth").
fn is_ordinal(s: &Scanner, k: usize) -> bool {
    s.low(k).is_some_and(|w| {
        s.lang.numbers.singular_fractions.contains(&w) || s.lang.periods.ordinals.get(&w).is_some()
    })
}

/// The rest of a number in words after a first part `value` ending before `j`: "hundred"
/// ("two hundred and six"), groups after a scale ("two thousand three hundred"), and "and a
/// half" ("two and a half").
fn compound(s: &Scanner, mut value: f64, mut j: usize) -> Option<Written> {
    let n = &s.lang.numbers;
    let mut total = 0.0;
    let mut last_scale = f64::INFINITY;
    loop {
        // "two hundred", "one hundred and sixteen"
        (value, j) = hundreds(s, value, j);
        // "two thousand three hundred", "two million and two"
        let Some(scale) = s
            .tok(j)
            .and_then(|t| t.look_up(s.text, &n.scales))
            .filter(|&f| f >= 1000.0)
        else {
            break;
        };
        let k = if s.is_word(j + 1, s.lang.units.and) {
            j + 2
        } else {
            j + 1
        };
        // not "and three quarters", a fraction of the scale
        // not "one billion one-dlr shares", where the group is an adjective of its own
        let adjective = |e: usize| k == j + 1 && s.is_punct(e, "-") && s.glued(e);
        // nor "and one half", a single fraction of the scale
        let one_fraction = |g: f64, e: usize| g == 1.0 && s.is_any(e, &n.singular_fractions);
        let Some((next, end)) = group(s, k).filter(|&(g, e)| {
            g < scale
                && !(k > j + 1 && (proper_fraction(s, g, e) || one_fraction(g, e)))
                && !adjective(e)
        }) else {
            // "three million two hundred thousand": the last scale is the last group's
            if total > 0.0 && scale < last_scale {
                total += value * scale;
                value = 0.0;
                j += 1;
            }
            break;
        };
        total += value * scale;
        last_scale = scale;
        value = next;
        j = end;
    }
    // "two and a half", "one and a fourth", "twenty and three fifths"
    if let Some((f, step, end)) = and_fraction(s, j, total + value) {
        return Some(Written {
            value: total + value + f,
            fraction: Bare::No,
            end,
            step,
        });
    }
    Some(Written {
        value: total + value,
        fraction: Bare::No,
        end: j,
        step: 1.0,
    })
}

/// A group below a thousand at `k` in words: "seven", "ninety-five", "three hundred and two".
fn group(s: &Scanner, k: usize) -> Option<(f64, usize)> {
    let (value, j) = below_hundred(s, k)?;
    Some(hundreds(s, value, j))
}

/// A number below ten `value` ending before `j`, times "hundred" and plus what follows it:
/// "two hundred", "one hundred and sixteen". Anything else is left as it is.
fn hundreds(s: &Scanner, mut value: f64, mut j: usize) -> (f64, usize) {
    if value < 10.0 && s.is_word(j, s.lang.numbers.hundred) {
        value *= 100.0;
        j += 1;
        let and = s.is_word(j, s.lang.units.and);
        let k = if and { j + 1 } else { j };
        if let Some((below, end)) = below_hundred(s, k) {
            // not "and three quarters", a fraction of the hundred (but "one hundred and
            // thirty fifths" counts 130 fifths)
            if !(and && proper_fraction(s, below, end)) {
                value += below;
                j = end;
            }
        }
    }
    (value, j)
}

/// A number below a hundred in words at `k`: "seven", "sixteen", "ninety-five", "ninety five".
fn below_hundred(s: &Scanner, k: usize) -> Option<(f64, usize)> {
    let n = &s.lang.numbers;
    let w = s.low(k)?;
    if same(&w, n.hundred) {
        return None;
    }
    let mut value = n.cardinals.get(&w)? as f64;
    let mut j = k + 1;
    if (20.0..100.0).contains(&value) && value % 10.0 == 0.0 {
        let k2 = if s.is_punct(j, "-") && s.glued(j) {
            j + 1
        } else {
            j
        };
        if let Some(u) = s
            .low(k2)
            .and_then(|next| n.cardinals.get(&next))
            .filter(|u| (1..10).contains(u))
        {
            value += u as f64;
            j = k2 + 1;
        }
    }
    Some((value, j))
}

/// Whether token `k` is a scale word ("million", "bn") or "dozen".
fn is_scale(s: &Scanner, k: usize) -> bool {
    s.tok(k).is_some_and(|t| {
        t.look_up(s.text, &s.lang.numbers.scales).is_some()
            || t.is_in(s.text, &s.lang.numbers.dozens)
    })
}

/// A fraction `value` whose words end before `end`: a whole number of the scale after it
/// ("half a million", "a quarter million", "three quarters billion"), or a bare fraction.
fn fraction_or_scaled(s: &Scanner, value: f64, step: f64, end: usize, bare: Bare) -> Written {
    let skip_article = s.is_word(end, s.lang.numbers.article) && is_scale(s, end + 1);
    if is_scale(s, end) || skip_article {
        return Written {
            value,
            fraction: Bare::No,
            end: if skip_article { end + 1 } else { end },
            step,
        };
    }
    Written {
        value,
        fraction: bare,
        end,
        step,
    }
}
