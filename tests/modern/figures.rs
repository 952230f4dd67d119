//! The figures of an annotated change claim read as rounding intervals (a stated 3.1% is
//! 3.05..3.15; "48.2 billion" is 48.15e9..48.25e9), and the change they imply: what the
//! planted errors need to know that a shifted figure is really wrong, and what the Reuters
//! measurement needs to keep only claims whose figures agree.

use std::sync::LazyLock;

use claimcheck::interval::Interval;
use regex::Regex;

/// A number as written, with the scale word after it ("1,054.87 crore", "$43.81B", "11.34 mln").
#[derive(Clone, Debug)]
pub struct Number {
    /// Byte range of the digits in the text it was read from.
    pub digits: (usize, usize),
    /// Byte range of the scale word, if one is written.
    pub scale_word: Option<(usize, usize)>,
    /// The rounding interval of the digits, unscaled.
    pub rounded: Interval,
    pub scale: f64,
}

impl Number {
    pub fn interval(&self) -> Interval {
        self.rounded.scale(self.scale)
    }
}

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(\d+(?:,\d{2,3})*(?:\.\d+)?)(?:\s?(lakh crore|trillion|billion|million|thousand|crore|lakh|mln|bln|bn|tn|m|b|k)\b)?",
    )
    .unwrap()
});

/// The factor of a scale word ("mln" → 1e6).
pub fn scale_of(word: &str) -> f64 {
    match word.to_ascii_lowercase().as_str() {
        "thousand" | "k" => 1e3,
        "lakh" => 1e5,
        "million" | "mln" | "m" => 1e6,
        "crore" => 1e7,
        "billion" | "bln" | "bn" | "b" => 1e9,
        "trillion" | "tn" | "lakh crore" => 1e12,
        other => panic!("no scale for {other:?}"),
    }
}

/// The rounding interval of digits as written: half a unit of the last digit either side,
/// where an integer's trailing zeros after its first two digits are rounding too ("408,000" is
/// to the thousand), as the checker reads them, so a planted error is wrong under either.
pub fn rounding(digits: &str) -> Interval {
    let plain = digits.replace(',', "");
    let x: f64 = plain.parse().expect("digits");
    let unit = match plain.split_once('.') {
        Some((_, decimals)) => 10f64.powi(-(decimals.len() as i32)),
        None => {
            let zeros = plain.len() - plain.trim_end_matches('0').len();
            10f64.powi(zeros.min(plain.len().saturating_sub(2)) as i32)
        }
    };
    Interval::new(x - unit / 2.0, x + unit / 2.0)
}

/// The first number in `text`, with its scale word.
pub fn first_number(text: &str) -> Option<Number> {
    let caps = NUMBER.captures(text)?;
    let digits = caps.get(1).unwrap();
    let word = caps.get(2);
    Some(Number {
        digits: (digits.start(), digits.end()),
        scale_word: word.map(|w| (w.start(), w.end())),
        rounded: rounding(digits.as_str()),
        scale: word.map_or(1.0, |w| scale_of(w.as_str())),
    })
}

/// What a stated change measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Relative, in percent.
    Percent,
    /// Percentage points (basis points are read as hundredths of a point).
    Points,
    /// An amount in the value's own unit ("+17,400", "+$13.40", "-845.12 points").
    Absolute,
}

/// One stated change of an annotation ("+8.57%", "+$6.2b", "+50 bp").
#[derive(Clone, Debug)]
pub struct Stated {
    pub kind: Kind,
    /// Signed, in percent, points or the value's unit.
    pub interval: Interval,
    /// The digits as the annotation writes them ("8.57").
    pub digits: String,
    pub negative: bool,
}

static CHANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^([+-])[$£€]?(\d+(?:,\d{3})*(?:\.\d+)?)\s?(b|bn|m|billion|million)?\s?(%|pp|bp|points)?(?:\s*\((absolute[^)]*|written[^)]*)\))?$",
    )
    .unwrap()
});

/// The stated changes of an annotation's `change`; `None` for forms the planted errors leave
/// alone (multiples, ranges, "about", two baselines, no figure).
pub fn stated_changes(change: &str) -> Option<Vec<Stated>> {
    change
        .split(" and ")
        .map(|part| {
            let caps = CHANGE.captures(part.trim())?;
            let negative = &caps[1] == "-";
            let digits = caps[2].to_string();
            let mut interval = rounding(&digits);
            if let Some(word) = caps.get(3) {
                interval = interval.scale(scale_of(word.as_str()));
            }
            let note = caps.get(5).map_or("", |m| m.as_str());
            if note.contains("millions") {
                interval = interval.scale(1e6);
            }
            let kind = match caps.get(4).map(|m| m.as_str()) {
                Some("%") => Kind::Percent,
                Some("pp") => Kind::Points,
                Some("bp") => {
                    interval = interval.scale(0.01);
                    Kind::Points
                }
                _ => Kind::Absolute,
            };
            if negative {
                interval = interval.scale(-1.0);
            }
            Some(Stated {
                kind,
                interval,
                digits,
                negative,
            })
        })
        .collect()
}

/// The change from `baseline` to `value` that a stated change of `kind` must agree with.
pub fn implied(kind: Kind, value: Interval, baseline: Interval) -> Option<Interval> {
    match kind {
        Kind::Percent => Some(
            value
                .div(&baseline)?
                .scale(100.0)
                .sub(&Interval::point(100.0)),
        ),
        Kind::Points | Kind::Absolute => Some(value.sub(&baseline)),
    }
}

/// Half the width of an interval: its rounding slack.
pub fn slack(interval: Interval) -> f64 {
    (interval.high - interval.low) / 2.0
}

/// The figures of one change claim: the current value, the baseline (stated, or rebuilt as
/// value minus a stated amount), and every stated change.
#[derive(Clone, Debug)]
pub struct Figures {
    pub value: Number,
    /// The stated baseline; `None` when it is rebuilt from an absolute change.
    pub baseline: Option<Number>,
    pub baseline_interval: Interval,
    pub changes: Vec<Stated>,
}

impl Figures {
    /// Reads a claim's `change`, `value` and `baseline` texts; a baseline written without a
    /// scale word takes the value's ("to 45.6 mln dlrs from 42.5").
    pub fn read(change: &str, value: &str, baseline: Option<&str>) -> Option<Figures> {
        let changes = stated_changes(change)?;
        let value = first_number(value)?;
        let (baseline, baseline_interval) = match baseline {
            Some(text) => {
                let mut number = first_number(text)?;
                if number.scale_word.is_none() {
                    number.scale = value.scale;
                }
                let interval = number.interval();
                (Some(number), interval)
            }
            None => {
                let amount = changes.iter().find(|c| c.kind == Kind::Absolute)?;
                (None, value.interval().sub(&amount.interval))
            }
        };
        Some(Figures {
            value,
            baseline,
            baseline_interval,
            changes,
        })
    }

    /// The change of `kind` the value and baseline imply.
    pub fn implied(&self, kind: Kind) -> Option<Interval> {
        implied(kind, self.value.interval(), self.baseline_interval)
    }

    /// Every stated change agrees with the value and baseline under rounding.
    pub fn consistent(&self) -> bool {
        self.changes.iter().all(|c| {
            self.implied(c.kind)
                .is_some_and(|implied| implied.overlaps(&c.interval))
        })
    }
}
