//! Numbers and ranges written for messages the way a reader would write them ("46.4 t",
//! "+19.8% to +20.1%", "×7.6"); shared by the rules and the registry.

use crate::interval::Interval;
use crate::measure::near_miss::magnitude;
use crate::measure::Measure;

/// The decimals a rounded number of this interval width was written with (width 0.1 → 1).
fn decimals_of_width(width: f64) -> usize {
    if !(width.is_finite() && width > 0.0) {
        return 1;
    }
    (-(width.log10()).floor()).clamp(0.0, 6.0) as usize
}

/// Drops trailing zeros after a decimal point ("1.20" → "1.2", "3.0" → "3").
fn trim_zeros(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Inserts thousands separators in the integer part of a plain decimal string.
fn group_thousands(s: &str) -> String {
    let (sign, rest) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    if int.len() <= 4 {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// Decimals needed to show `x` to `sig` significant digits.
fn decimals_for(x: f64, sig: i32) -> usize {
    if x == 0.0 || !x.is_finite() {
        return 0;
    }
    (sig - 1 - x.abs().log10().floor() as i32).clamp(0, 12) as usize
}

/// The scale word a number is shown with, and its divisor.
fn scale_of(x: f64) -> (f64, &'static str) {
    let a = x.abs();
    if a >= 1e12 {
        (1e12, " trn")
    } else if a >= 1e9 {
        (1e9, " bln")
    } else if a >= 1e6 {
        (1e6, " mln")
    } else {
        (1.0, "")
    }
}

/// A number with at least `sig` significant digits, scaled ("1.2 bln", "46.4", "408,000").
fn fmt_number_sig(x: f64, sig: i32) -> String {
    let (div, word) = scale_of(x);
    let v = x / div;
    let s = trim_zeros(format!("{:.*}", decimals_for(v, sig), v));
    format!("{}{word}", group_thousands(&s))
}

/// A compact number, 3 significant digits at least ("46.4", "3188", "1.2 bln").
pub fn fmt_number(x: f64) -> String {
    fmt_number_sig(x, 3)
}

/// Both ends of a range, with enough digits that distinct ends read differently.
pub fn fmt_number_range(low: f64, high: f64) -> (String, String) {
    let mut out = (fmt_number(low), fmt_number(high));
    for sig in 4..=7 {
        if out.0 != out.1 || low == high {
            break;
        }
        out = (fmt_number_sig(low, sig), fmt_number_sig(high, sig));
    }
    out
}

/// A number as shown with its unit code ("46.4 t", "7.2%", "2.1 points", "×7.6").
pub fn with_unit(number: &str, unit: Option<&str>) -> String {
    match unit {
        None => number.to_string(),
        Some("%") => format!("{number}%"),
        Some("pp") => format!("{number} points"),
        Some("x") => format!("×{number}"),
        Some(u) => format!("{number} {u}"),
    }
}

/// A quantity with its unit ("46.4 t", "1.2 bln USD", "7.2%", "2.1 points", "×7.6").
pub fn fmt_value(x: f64, unit: Option<&str>) -> String {
    with_unit(&fmt_number(x), unit)
}

/// A value range with its unit ("46.4–46.5 t").
pub fn fmt_value_range(iv: &Interval, unit: Option<&str>) -> String {
    let (low, high) = fmt_number_range(iv.low, iv.high);
    let range = if low == high {
        low
    } else {
        format!("{low}–{high}")
    };
    with_unit(&range, unit)
}

/// A signed number at `decimals` decimals ("+19.8", "-38.1", "0.0").
fn fmt_signed(x: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, x);
    if s.starts_with('-') {
        // "-0.0" reads as a fall: keep only a real one.
        if s.trim_start_matches('-')
            .bytes()
            .all(|b| b == b'0' || b == b'.')
        {
            s.trim_start_matches('-').to_string()
        } else {
            s
        }
    } else if s.bytes().all(|b| b == b'0' || b == b'.') {
        s
    } else {
        format!("+{s}")
    }
}

/// A signed percent at one decimal ("+19.8%").
pub fn fmt_pct(x: f64) -> String {
    format!("{}%", fmt_signed(x, 1))
}

/// The decimals at which `allowed`, written at that precision, is told apart from
/// `stated`: one decimal when that suffices ("+19.8% to +20.1%" against 20.8%), more when
/// it does not ("+12.46% to +12.53%" against 12.6%).
fn decimals_to_tell_apart(allowed: &Interval, stated: Option<&Interval>) -> usize {
    let Some(stated) = stated else { return 1 };
    (1..=4)
        .find(|&d| {
            let unit = 0.5 * 10f64.powi(-(d as i32));
            let shown_low: f64 = format!("{:.*}", d, allowed.low)
                .parse()
                .unwrap_or(allowed.low);
            let shown_high: f64 = format!("{:.*}", d, allowed.high)
                .parse()
                .unwrap_or(allowed.high);
            !Interval::new(shown_low - unit, shown_high + unit).overlaps(stated)
        })
        .unwrap_or(4)
}

/// A signed range precise enough to differ from `stated`: each end followed by `each`, the
/// whole by `end` ("+19.8% to +20.1%", "+2.0 to +2.2 points").
fn fmt_signed_range(
    allowed: &Interval,
    stated: Option<&Interval>,
    each: &str,
    end: &str,
) -> String {
    let d = decimals_to_tell_apart(allowed, stated);
    let low = fmt_signed(allowed.low, d);
    let high = fmt_signed(allowed.high, d);
    if low == high {
        format!("{low}{each}{end}")
    } else {
        format!("{low}{each} to {high}{each}{end}")
    }
}

/// A signed percent range, precise enough to differ from `stated` ("+19.8% to +20.1%").
pub fn fmt_pct_range(allowed: &Interval, stated: Option<&Interval>) -> String {
    fmt_signed_range(allowed, stated, "%", "")
}

/// A signed points range ("+2.0 to +2.2 points").
pub fn fmt_points_range(allowed: &Interval, stated: Option<&Interval>) -> String {
    fmt_signed_range(allowed, stated, "", " points")
}

/// A ratio range, precise enough to differ from `stated` ("×7.6", "×2.35 to ×2.45").
pub fn fmt_ratio_range(allowed: &Interval, stated: Option<&Interval>) -> String {
    let d = decimals_to_tell_apart(allowed, stated);
    let show = |x: f64| trim_zeros(format!("{:.*}", d, x));
    let (low, high) = (show(allowed.low), show(allowed.high));
    match (allowed.low.is_finite(), allowed.high.is_finite()) {
        (true, false) => format!("×{low} or more"),
        (false, true) => format!("at most ×{high}"),
        _ if low == high => format!("×{low}"),
        _ => format!("×{low} to ×{high}"),
    }
}

/// `x` rounded to `sig` significant digits, and half the unit of its last digit.
fn round_sig(x: f64, sig: i32) -> (f64, f64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0.0);
    }
    let unit = 10f64.powi(x.abs().log10().floor() as i32 - sig + 1);
    ((x / unit).round() * unit, unit / 2.0)
}

/// A signed amount at `sig` significant digits, scaled and grouped ("-2,400", "+1.25 mln").
fn fmt_signed_amount(x: f64, sig: i32) -> String {
    let body = fmt_number_sig(x.abs(), sig);
    match x {
        _ if body.bytes().all(|b| b == b'0' || b == b'.') => body,
        x if x < 0.0 => format!("-{body}"),
        _ => format!("+{body}"),
    }
}

/// A signed amount range, with the fewest significant digits (three at least) at which it is
/// told apart from `stated` ("-2400 to -2200", "-45 to -35", "+1.5 mln to +2.5 mln").
pub fn fmt_amount_range(allowed: &Interval, stated: Option<&Interval>) -> String {
    let apart = |sig: i32| {
        let (low, low_half) = round_sig(allowed.low, sig);
        let (high, high_half) = round_sig(allowed.high, sig);
        stated.is_none_or(|s| !Interval::new(low - low_half, high + high_half).overlaps(s))
    };
    let sig = (3..=7).find(|&sig| apart(sig)).unwrap_or(7);
    let show = |x: f64| fmt_signed_amount(round_sig(x, sig).0, sig);
    let (low, high) = (show(allowed.low), show(allowed.high));
    if low == high {
        low
    } else {
        format!("{low} to {high}")
    }
}

/// A change in its measure, precise enough to differ from `stated` ("+19.8% to +20.1%",
/// "+2.0 to +2.2 points", "×7.6").
pub fn fmt_change_range(measure: Measure, allowed: &Interval, stated: &Interval) -> String {
    match measure {
        Measure::Percent => fmt_pct_range(allowed, Some(stated)),
        Measure::Points => fmt_points_range(allowed, Some(stated)),
        Measure::Absolute => fmt_amount_range(allowed, Some(stated)),
        Measure::Multiple => fmt_ratio_range(allowed, Some(stated)),
    }
}

/// The number of a stated change rebuilt from its interval, at the precision its width
/// shows ("20.8%", "2.5 points", "×7").
pub fn fmt_change_number(iv: &Interval, measure: Measure) -> String {
    let decimals = decimals_of_width(iv.high - iv.low);
    let number = trim_zeros(format!("{:.*}", decimals, magnitude(iv)));
    match measure {
        Measure::Percent => format!("{number}%"),
        Measure::Points => format!("{number} points"),
        Measure::Multiple => format!("×{number}"),
        Measure::Absolute => number,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_compact_with_three_significant_digits() {
        assert_eq!(fmt_number(46.43), "46.4");
        assert_eq!(fmt_number(3188.0), "3188");
        assert_eq!(fmt_number(408_000.0), "408,000");
        assert_eq!(fmt_number(1.2e9), "1.2 bln");
        assert_eq!(fmt_number(16_362_000.0), "16.4 mln");
        assert_eq!(fmt_number(0.5234), "0.523");
        assert_eq!(fmt_value(46.43, Some("t")), "46.4 t");
        assert_eq!(fmt_value(1.2e9, Some("USD")), "1.2 bln USD");
        assert_eq!(fmt_value(7.25, Some("%")), "7.25%");
    }

    #[test]
    fn amounts_are_signed_grouped_and_told_apart_from_the_stated_change() {
        let stated = Interval::new(-2000.5, -1999.5);
        assert_eq!(
            fmt_amount_range(&Interval::new(-2400.0, -2200.0), Some(&stated)),
            "-2400 to -2200"
        );
        // 30 points stated, 30 to 50 allowed only at the edge: the ends need no decimals.
        let stated = Interval::new(-30.5, -29.5);
        assert_eq!(
            fmt_amount_range(&Interval::new(-45.0, -35.0), Some(&stated)),
            "-45 to -35"
        );
        assert_eq!(
            fmt_amount_range(&Interval::new(1.5e6, 2.5e6), None),
            "+1.5 mln to +2.5 mln"
        );
        assert_eq!(fmt_amount_range(&Interval::point(40.0), None), "+40");
    }

    #[test]
    fn ranges_gain_digits_until_their_ends_differ() {
        assert_eq!(
            fmt_value_range(&Interval::new(46.351, 46.544), Some("t")),
            "46.4–46.5 t"
        );
        assert_eq!(
            fmt_number_range(46.41, 46.44),
            ("46.41".into(), "46.44".into())
        );
    }

    #[test]
    fn percents_are_signed_and_precise_enough_to_differ_from_the_stated_one() {
        assert_eq!(fmt_pct(19.82), "+19.8%");
        assert_eq!(fmt_pct(-38.1), "-38.1%");
        assert_eq!(fmt_pct(-0.01), "0.0%");
        let stated = Interval::new(20.75, 20.85);
        assert_eq!(
            fmt_pct_range(&Interval::new(19.821, 20.124), Some(&stated)),
            "+19.8% to +20.1%"
        );
        let stated = Interval::new(12.55, 12.65);
        assert_eq!(
            fmt_pct_range(&Interval::new(12.458, 12.533), Some(&stated)),
            "+12.46% to +12.53%"
        );
    }
}
