//! Reading the registry's written values: amounts ("353", "22,319", "1.2 billion"), stated
//! changes ("+157.5%", "-2.5pp", ">x7"), precisions and units. Numbers go through the
//! article reader, so a value means in the registry what the same words mean in an article.

use crate::claim::Measure;
use crate::extract::numeral::{self, Standalone};
use crate::interval::Interval;

/// Canonical unit codes the registry accepts as written. Words ("tonnes", "dlrs") are read
/// through the language table, [`crate::lang::en::unit_code`].
pub const UNITS: &[&str] = &[
    "t", "kg", "bbl", "bpd", "oz", "MW", "GW", "km", "mi", "people", "jobs", "USD", "GBP", "EUR",
    "JPY", "CNY", "%", "pp",
];

/// The canonical code of a unit as written in the registry; `None` if unknown.
pub fn unit(written: &str) -> Option<&'static str> {
    let w = written.trim();
    UNITS
        .iter()
        .copied()
        .find(|u| *u == w)
        .or_else(|| crate::lang::en::unit_code(w))
}

/// An amount as written, with every value its rounding allows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Amount {
    pub value: f64,
    pub interval: Interval,
}

/// A figure as the registry writes it, read by the article reader
/// ([`numeral::standalone`]) with the scale words of the registry's language (English).
fn figure(written: &str, zeros_are_rounding: bool) -> Option<Standalone> {
    let lang = crate::lang::default_language();
    numeral::standalone(written, zeros_are_rounding, |w, attached| {
        lang.scale(w, attached)
    })
}

/// Reads an amount as written in the registry, exactly as the same words in an article:
/// "353" is 352.5 to 353.5, "46.40" is 46.395 to 46.405, trailing zeros beyond the first
/// two significant digits are rounding ("100" is 95 to 105, "408,000" is 407,500 to
/// 408,500), "1.2 billion" is 1.15e9 to 1.25e9. A leading sign is allowed.
pub fn amount(written: &str) -> Result<Amount, String> {
    let f = figure(written, true).ok_or_else(|| {
        format!(
            "`{written}` is not a number as written (expected e.g. 353, 22,319, 46.4, 1.2 billion)"
        )
    })?;
    Ok(Amount {
        value: f.value,
        interval: f.rounded,
    })
}

/// Reads a `precision:`: the step the value was rounded to, in the fact's unit ("1" for a
/// value given to the unit, "0.01", "1 million"), zero for an exact value.
pub fn precision(written: &str) -> Result<f64, String> {
    match figure(written, false) {
        Some(f) if f.value >= 0.0 => Ok(f.value),
        _ => Err(format!(
            "`{written}` is not a precision (expected the step the value is rounded to, e.g. 1, 0.1, 1 million, or 0 for an exact value)"
        )),
    }
}

/// A change as stated in a relation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StatedChange {
    pub measure: Measure,
    /// Signed percent, signed points, or the ratio; rounded reading.
    pub interval: Interval,
    /// The same, read as truncated toward zero; equal to `interval` for bounds.
    pub truncated: Interval,
}

/// Reads a stated change: "+157.5%", "-38.1 pct", "+2.5pp", "-25bp", "x7", "×7", "7x",
/// "7 times", with an optional bound in front (">", ">=", "<", "<=", "more than", "at
/// least", "less than", "at most"). Percent and points need their sign, so that a fall is
/// never read as a rise.
pub fn change(written: &str) -> Result<StatedChange, String> {
    let bad = |why: &str| format!("`{written}` is not a stated change: {why}");
    let mut s = written.trim();
    let mut bound = None;
    for (prefix, b) in [
        (">=", '≥'),
        ("<=", '≤'),
        (">", '>'),
        ("<", '<'),
        ("at least ", '≥'),
        ("more than ", '>'),
        ("over ", '>'),
        ("at most ", '≤'),
        ("less than ", '<'),
        ("under ", '<'),
    ] {
        if let Some(rest) = s.strip_prefix(prefix) {
            bound = Some(b);
            s = rest.trim_start();
            break;
        }
    }
    let lower = s.to_ascii_lowercase();
    let (measure, body, scale) = if let Some(b) = lower
        .strip_suffix("percentage points")
        .or_else(|| lower.strip_suffix("points"))
        .or_else(|| lower.strip_suffix("pp"))
    {
        (Measure::Points, b.to_string(), 1.0)
    } else if let Some(b) = lower
        .strip_suffix("basis points")
        .or_else(|| lower.strip_suffix("bp"))
    {
        (Measure::Points, b.to_string(), 0.01)
    } else if let Some(b) = lower
        .strip_suffix('%')
        .or_else(|| lower.strip_suffix("pct"))
        .or_else(|| lower.strip_suffix("percent"))
    {
        (Measure::Percent, b.to_string(), 1.0)
    } else if let Some(b) = lower
        .strip_prefix(['x', '×'])
        .or_else(|| lower.strip_suffix("times"))
        .or_else(|| lower.strip_suffix(['x', '×']))
    {
        (Measure::Multiple, b.to_string(), 1.0)
    } else {
        return Err(bad(
            "write it with its unit: +157.5%, -38.1%, +2.5pp, -25bp, x7 or >x7",
        ));
    };
    let body = body.trim();
    let (sign, digits) = match body.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => ("-", rest.trim_start()),
        None => match body.strip_prefix('+') {
            Some(rest) => ("", rest.trim_start()),
            None if measure == Measure::Multiple => ("", body),
            None => {
                return Err(bad(
                    "give its direction with a sign (+157.5% for a rise, -38.1% for a fall)",
                ))
            }
        },
    };
    // Read as an article reads the same figure: "+660%" is 655% to 665%, "x7" is 6.5 to 7.5.
    let read = figure(&format!("{sign}{digits}"), measure != Measure::Multiple)
        .ok_or_else(|| bad("the number cannot be read"))?;
    let value = read.value * scale;
    let rounded = read.rounded.scale(scale);
    // Truncation is a reading of percents and points, as in articles; a ratio is rounded.
    let truncated = match measure {
        Measure::Multiple => rounded,
        _ => read.truncated.scale(scale),
    };
    // A bound is taken at its word: "more than x7" is any ratio from 7 up.
    let interval = match bound {
        None => rounded,
        Some('>') | Some('≥') => Interval::new(value, f64::INFINITY),
        _ => Interval::new(f64::NEG_INFINITY, value),
    };
    Ok(StatedChange {
        measure,
        interval,
        truncated: if bound.is_some() { interval } else { truncated },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iv(s: &str) -> (f64, f64) {
        let a = amount(s).unwrap();
        (a.interval.low, a.interval.high)
    }

    fn close(a: (f64, f64), b: (f64, f64)) -> bool {
        (a.0 - b.0).abs() < 1e-6 * b.0.abs().max(1.0)
            && (a.1 - b.1).abs() < 1e-6 * b.1.abs().max(1.0)
    }

    #[test]
    fn amounts_carry_their_written_precision() {
        assert!(close(iv("353"), (352.5, 353.5)));
        assert!(close(iv("22,319"), (22318.5, 22319.5)));
        assert!(close(iv("408,000"), (407_500.0, 408_500.0)));
        assert!(close(iv("46.40"), (46.395, 46.405)));
        assert!(close(iv("1.2 billion"), (1.15e9, 1.25e9)));
        assert!(close(iv("1.2bn"), (1.15e9, 1.25e9)));
        assert!(close(iv("5,00,000"), (495_000.0, 505_000.0)));
        // Trailing zeros are rounding, as in an article: "100" is 95 to 105.
        assert!(close(iv("100"), (95.0, 105.0)));
        assert!(close(iv("1000"), (950.0, 1050.0)));
        assert!(close(iv("100.0"), (99.95, 100.05)));
        assert!(close(iv("22 319"), (22318.5, 22319.5)));
        assert!(close(iv("0"), (-0.5, 0.5)));
        assert!(close(iv("-3"), (-3.5, -2.5)));
        // The language's scale words, every one of them.
        assert!(close(iv("5 lakh"), (450_000.0, 550_000.0)));
        assert!(close(iv("2 crore"), (1.5e7, 2.5e7)));
        assert!(close(iv("1.2 mio"), (1.15e6, 1.25e6)));
        assert!(close(iv("1.2 Bil"), (1.15e9, 1.25e9)));
        for bad in ["", "abc", "1,2,3", "12,34", "3.", "1.2 zillion", "1,234,56"] {
            assert!(amount(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn changes_need_a_unit_and_a_sign() {
        let c = change("+157.5%").unwrap();
        assert_eq!(c.measure, Measure::Percent);
        assert!(c.interval.contains(157.45) && c.interval.contains(157.55));
        assert!(c.truncated.contains(157.59) && !c.truncated.contains(157.45));
        let c = change("-38.1 pct").unwrap();
        assert!(c.interval.contains(-38.1) && c.truncated.contains(-38.19));
        assert_eq!(change("+2.5pp").unwrap().measure, Measure::Points);
        let c = change("-25bp").unwrap();
        assert!(c.interval.contains(-0.25));
        let c = change(">x7").unwrap();
        assert_eq!(c.measure, Measure::Multiple);
        assert_eq!((c.interval.low, c.interval.high), (7.0, f64::INFINITY));
        assert!(change("more than 7 times").is_ok());
        // The article reading: "660%" is 655% to 665%.
        let c = change("+660%").unwrap();
        assert!(c.interval.contains(655.0) && c.interval.contains(665.0));
        assert!(!c.interval.contains(666.0));
        assert!(change("157.5%").unwrap_err().contains("sign"));
        assert!(change("+157.5").unwrap_err().contains("unit"));
    }

    #[test]
    fn units_are_codes_or_words() {
        assert_eq!(unit("t"), Some("t"));
        assert_eq!(unit("USD"), Some("USD"));
        assert_eq!(unit("furlongs"), None);
        assert_eq!(unit("ppt"), Some("pp"));
        assert_eq!(unit("AED"), Some("AED"));
    }
}
