//! Planted errors: copies of a claim's text with one wrong figure or word inside the claim
//! (a shifted percent, a flipped direction, a changed baseline digit, a slipped scale word),
//! each made only where the arithmetic shows it is really wrong, and whether the checker
//! raises an error over the claim.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use claimcheck::interval::Interval;
use claimcheck::lang::default_language;
use regex::Regex;

use super::figures::{implied, rounding, scale_of, slack, Figures, Kind, Number, Stated};
use super::{check, error_on, warning_on};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mutation {
    Percent,
    Direction,
    BaselineDigit,
    Scale,
}

pub const MUTATIONS: [Mutation; 4] = [
    Mutation::Percent,
    Mutation::Direction,
    Mutation::BaselineDigit,
    Mutation::Scale,
];

impl Mutation {
    pub fn name(self) -> &'static str {
        match self {
            Mutation::Percent => "shift the percent",
            Mutation::Direction => "flip the direction",
            Mutation::BaselineDigit => "change a baseline digit",
            Mutation::Scale => "slip a scale word",
        }
    }
}

/// A claim to plant errors in: where its words are in an article, and its stated figures.
pub struct Target<'a> {
    pub id: &'a str,
    pub date: Option<&'a str>,
    pub text: &'a str,
    /// Byte offset of the claim's words (the quote) in `text`.
    pub start: usize,
    pub quote: &'a str,
    pub change: &'a str,
    pub value: &'a str,
    pub baseline: Option<&'a str>,
    /// Byte offsets in `text` of the value and baseline when written inside the quote.
    pub value_at: Option<usize>,
    pub baseline_at: Option<usize>,
}

/// One planted copy: the article with one substitution inside the claim's words.
pub struct Planted {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// "8.57 → 9.57".
    pub what: String,
}

/// Direction words and their opposites, each read both ways.
const OPPOSITES: &[(&str, &str)] = &[
    ("rose", "fell"),
    ("rise", "fall"),
    ("rises", "falls"),
    ("rising", "falling"),
    ("risen", "fallen"),
    ("up", "down"),
    ("higher", "lower"),
    ("increased", "decreased"),
    ("increase", "decrease"),
    ("increases", "decreases"),
    ("increasing", "decreasing"),
    ("gained", "lost"),
    ("gain", "loss"),
    ("grew", "shrank"),
    ("growth", "decline"),
    ("jumped", "slumped"),
    ("soared", "plunged"),
    ("widened", "narrowed"),
    ("expanded", "contracted"),
    ("climbed", "declined"),
    ("more", "fewer"),
];

/// Direction words whose opposite is one of the words above.
const ONE_WAY: &[(&str, &str)] = &[
    ("dropped", "rose"),
    ("declining", "rising"),
    ("plummeted", "soared"),
    ("tumbled", "jumped"),
    ("slipped", "rose"),
    ("dipped", "rose"),
    ("eased", "rose"),
    ("advanced", "fell"),
    ("surged", "plunged"),
    ("added", "lost"),
    ("less", "more"),
];

fn opposite(word: &str) -> Option<&'static str> {
    let lower = word.to_ascii_lowercase();
    OPPOSITES
        .iter()
        .find_map(|&(a, b)| (a == lower).then_some(b).or((b == lower).then_some(a)))
        .or_else(|| ONE_WAY.iter().find_map(|&(a, b)| (a == lower).then_some(b)))
}

static DIRECTION: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<&str> = OPPOSITES
        .iter()
        .flat_map(|&(a, b)| [a, b])
        .chain(ONE_WAY.iter().map(|&(a, _)| a))
        .collect();
    Regex::new(&format!(r"(?i)\b(?:{})\b", words.join("|"))).unwrap()
});

/// Scale words and the slip of each (a factor of 100 or 1000).
const SLIPS: &[(&str, &str)] = &[
    ("billion", "million"),
    ("million", "billion"),
    ("bn", "m"),
    ("m", "bn"),
    ("b", "m"),
    ("mln", "billion"),
    ("bln", "mln"),
    ("trillion", "billion"),
    ("tn", "bn"),
    ("thousand", "million"),
    ("k", "m"),
    ("crore", "lakh"),
    ("lakh", "crore"),
    ("lakh crore", "crore"),
];

/// `new` written in the case of `old` ("Rose" → "Fell", "B" → "M").
fn same_case(old: &str, new: &str) -> String {
    if old.len() > 1 && old.chars().all(|c| c.is_ascii_uppercase()) {
        new.to_ascii_uppercase()
    } else if old.starts_with(|c: char| c.is_ascii_uppercase()) {
        new[..1].to_ascii_uppercase() + &new[1..]
    } else {
        new.to_string()
    }
}

/// The byte offset in `quote` of `digits` written as a whole number followed by a percent
/// sign or word.
fn percent_figure(quote: &str, digits: &str) -> Option<usize> {
    whole_places(quote, digits).find(|&i| {
        let rest = quote[i + digits.len()..].trim_start().to_ascii_lowercase();
        ["%", "percent", "per cent", "pct"]
            .iter()
            .any(|w| rest.starts_with(w))
    })
}

/// Digits with the first digit one higher ("8.57" → "9.57", "0.4" → "1.4", "9.9" → "10.9").
fn bump_leading(digits: &str) -> String {
    let d = digits.as_bytes()[0] - b'0';
    format!("{}{}", d + 1, &digits[1..])
}

/// Digits times 1.5, with as many decimals.
fn times_one_and_a_half(digits: &str) -> String {
    let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len());
    let x: f64 = digits.replace(',', "").parse().expect("digits");
    format!("{:.*}", decimals, x * 1.5)
}

impl Target<'_> {
    fn figures(&self) -> Option<Figures> {
        Figures::read(self.change, self.value, self.baseline)
    }

    /// The copy with `start..end` of the text (inside the quote) replaced by `new`.
    fn planted(&self, start: usize, end: usize, new: &str) -> Planted {
        let old = &self.text[start..end];
        let text = format!("{}{new}{}", &self.text[..start], &self.text[end..]);
        let quote_end = self.start + self.quote.len() + new.len() - old.len();
        Planted {
            text,
            start: self.start,
            end: quote_end,
            what: format!("{old} → {new}"),
        }
    }

    /// Some stated change is off, against the new value and baseline, by at least twice the
    /// rounding slack of the true claim.
    fn clearly_wrong(figures: &Figures, value: Interval, baseline: Interval) -> bool {
        figures.changes.iter().any(|c| {
            let (Some(truth), Some(now)) =
                (figures.implied(c.kind), implied(c.kind, value, baseline))
            else {
                return false;
            };
            c.interval.gap(&now) >= 2.0 * (slack(c.interval) + slack(truth))
        })
    }

    /// One planted copy of `mutation`, or `None` when it cannot be made cleanly.
    pub fn plant(&self, mutation: Mutation) -> Option<Planted> {
        // Only where the figures as written agree by this arithmetic too.
        let figures = self.figures().filter(Figures::consistent)?;
        // A value or baseline written as a bound or an estimate ("more than 15,700") stays
        // true under most changes: the copy would be no clear error.
        if [self.value_at, self.baseline_at]
            .into_iter()
            .flatten()
            .any(|at| qualified(&self.text[..at]))
        {
            return None;
        }
        match mutation {
            Mutation::Percent => self.shift_percent(&figures),
            Mutation::Direction => self.flip_direction(&figures),
            Mutation::BaselineDigit => self.change_baseline_digit(&figures),
            Mutation::Scale => self.slip_scale(&figures),
        }
    }

    fn shift_percent(&self, figures: &Figures) -> Option<Planted> {
        let stated = figures.changes.iter().find(|c| c.kind == Kind::Percent)?;
        let truth = figures.implied(Kind::Percent)?;
        let at = self.start + percent_figure(self.quote, &stated.digits)?;
        let needed = 2.0 * (slack(stated.interval) + slack(truth));
        [
            bump_leading(&stated.digits),
            times_one_and_a_half(&stated.digits),
        ]
        .into_iter()
        .find(|new| {
            let sign = if stated.negative { -1.0 } else { 1.0 };
            rounding(new).scale(sign).gap(&truth) >= needed
        })
        .map(|new| self.planted(at, at + stated.digits.len(), &new))
    }

    fn flip_direction(&self, figures: &Figures) -> Option<Planted> {
        // Only a change clearly away from zero has a direction to contradict.
        let truth = figures.implied(figures.changes[0].kind)?;
        if truth.contains(0.0) {
            return None;
        }
        // A baseline rebuilt from the stated amount flips with it: "decreased 17,400 to
        // 11,775,800" is as consistent as "increased 17,400", so that copy is no error at all
        // unless another stated change (a percent) then disagrees with the rebuilt baseline.
        if figures.baseline.is_none() && !Self::wrong_when_flipped(figures) {
            return None;
        }
        let word = DIRECTION.find(self.quote)?;
        let new = same_case(word.as_str(), opposite(word.as_str())?);
        let at = self.start + word.start();
        Some(self.planted(at, at + word.len(), &new))
    }

    /// Every stated change negated, with the baseline rebuilt from the negated amount: some
    /// change is off by at least twice the rounding slack.
    fn wrong_when_flipped(figures: &Figures) -> bool {
        let value = figures.value.interval();
        let negated = |c: &Stated| c.interval.scale(-1.0);
        let Some(amount) = figures.changes.iter().find(|c| c.kind == Kind::Absolute) else {
            return true;
        };
        let baseline = value.sub(&negated(amount));
        figures.changes.iter().any(|c| {
            implied(c.kind, value, baseline)
                .is_some_and(|now| negated(c).gap(&now) >= 2.0 * (slack(c.interval) + slack(now)))
        })
    }

    fn change_baseline_digit(&self, figures: &Figures) -> Option<Planted> {
        let number = figures.baseline.as_ref()?;
        let at = self.baseline_at?;
        let (from, to) = number.digits;
        let written = &self.text[at + from..at + to];
        let value = figures.value.interval();
        // The least significant digit whose change is clearly wrong: the hardest to see.
        (0..written.len()).rev().find_map(|i| {
            let d = written.as_bytes()[i];
            if !d.is_ascii_digit() {
                return None;
            }
            let new_digit = if d == b'9' { b'8' } else { d + 1 };
            let mut digits = written.as_bytes().to_vec();
            digits[i] = new_digit;
            let digits = String::from_utf8(digits).unwrap();
            let baseline = rounding(&digits).scale(number.scale);
            Self::clearly_wrong(figures, value, baseline).then(|| {
                let start = at + from + i;
                self.planted(start, start + 1, &(new_digit as char).to_string())
            })
        })
    }

    fn slip_scale(&self, figures: &Figures) -> Option<Planted> {
        let explicit = |n: &Option<Number>| n.as_ref().is_none_or(|n| n.scale_word.is_some());
        // A baseline written without a scale word takes the value's, so slipping the value's
        // word would slip the baseline's too: then only the baseline's own word can slip.
        let parts = [
            (
                true,
                self.value_at,
                Some(&figures.value),
                explicit(&figures.baseline),
            ),
            (false, self.baseline_at, figures.baseline.as_ref(), true),
        ];
        parts
            .into_iter()
            .find_map(|(is_value, at, number, allowed)| {
                let (at, number) = (at?, number?);
                let (from, to) = number.scale_word.filter(|_| allowed)?;
                let word = &self.text[at + from..at + to];
                let slip = SLIPS
                    .iter()
                    .find_map(|&(a, b)| a.eq_ignore_ascii_case(word).then_some(b))?;
                let factor = scale_of(slip) / number.scale;
                let (mut value, mut baseline) =
                    (figures.value.interval(), figures.baseline_interval);
                if is_value {
                    value = value.scale(factor);
                } else {
                    baseline = baseline.scale(factor);
                }
                Self::clearly_wrong(figures, value, baseline)
                    .then(|| self.planted(at + from, at + to, &same_case(word, slip)))
            })
    }
}

/// Planted copies made and caught, and attempts skipped, for one mutation.
#[derive(Clone, Copy, Default, Debug)]
pub struct Tally {
    pub planted: usize,
    pub caught: usize,
    /// Copies with a warning (a near miss) on them but no error: not counted as caught.
    pub warned: usize,
    pub skipped: usize,
}

/// A planted copy the checker did not flag.
pub struct Missed {
    pub id: String,
    pub mutation: Mutation,
    pub what: String,
    /// The checker raised a warning on it, not an error.
    pub warned: bool,
    /// The claim's words after the substitution.
    pub quote: String,
}

#[derive(Default)]
pub struct Planting {
    pub tallies: BTreeMap<Mutation, Tally>,
    pub missed: Vec<Missed>,
}

impl Planting {
    pub fn total(&self) -> Tally {
        self.tallies.values().fold(Tally::default(), |a, t| Tally {
            planted: a.planted + t.planted,
            caught: a.caught + t.caught,
            warned: a.warned + t.warned,
            skipped: a.skipped + t.skipped,
        })
    }
}

/// Plants every mutation in every target and runs the checker on each copy.
pub fn plant_all(targets: &[Target]) -> Planting {
    let mut planting = Planting::default();
    for target in targets {
        for mutation in MUTATIONS {
            let tally = planting.tallies.entry(mutation).or_default();
            let Some(planted) = target.plant(mutation) else {
                tally.skipped += 1;
                continue;
            };
            let checked = check(target.id, &planted.text, target.date);
            tally.planted += 1;
            if error_on(&checked, planted.start, planted.end) {
                tally.caught += 1;
            } else {
                let warned = warning_on(&checked, planted.start, planted.end);
                tally.warned += usize::from(warned);
                planting.missed.push(Missed {
                    id: target.id.to_string(),
                    mutation,
                    what: planted.what,
                    warned,
                    quote: planted.text[planted.start..planted.end].to_string(),
                });
            }
        }
    }
    planting
}

/// `before` (the text before a figure) ends with one of the checker's approximators ("more
/// than", "about", "nearly"): the figure after it is a bound or an estimate.
fn qualified(before: &str) -> bool {
    let before = before.to_lowercase();
    let words: Vec<&str> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    default_language()
        .numbers
        .approximators
        .iter()
        .any(|(approximator, _, _)| words.ends_with(approximator))
}

/// The places of `part` in `quote` where it is a whole figure: not the end of a longer number
/// before it ("1,054.87" holds "054.87") or the start of one after it ("8.57" holds "8.5").
fn whole_places<'a>(quote: &'a str, part: &'a str) -> impl Iterator<Item = usize> + 'a {
    let digit = |c: char| c.is_ascii_digit();
    quote.match_indices(part).map(|(i, _)| i).filter(move |&i| {
        let before = quote[..i].chars().next_back();
        let after = &quote[i + part.len()..];
        let joined_before =
            part.starts_with(digit) && before.is_some_and(|c| digit(c) || c == '.' || c == ',');
        let joined_after = part.ends_with(digit)
            && (after.starts_with(digit)
                || after
                    .strip_prefix(['.', ','])
                    .is_some_and(|rest| rest.starts_with(digit)));
        !joined_before && !joined_after
    })
}

/// Where `part` is written in `quote` as a whole figure: the first such place, or the last
/// when `last`.
pub fn whole_at(quote: &str, part: &str, last: bool) -> Option<usize> {
    let mut places = whole_places(quote, part);
    if last {
        places.last()
    } else {
        places.next()
    }
}

/// The consistent claims of the development set with a stated change and value.
pub fn modern_targets(passages: &[(String, super::Passage)]) -> Vec<Target<'_>> {
    passages
        .iter()
        .flat_map(|(_, p)| p.claims.iter().map(move |c| (p, c)))
        .filter(|(_, c)| c.consistent == serde_yaml::Value::Bool(true))
        .filter_map(|(p, c)| {
            let start = p.text.find(&c.quote)?;
            let value = c.value.as_deref()?;
            let baseline = c.baseline.as_deref();
            Some(Target {
                id: &p.id,
                date: Some(&p.date),
                text: &p.text,
                start,
                quote: &c.quote,
                change: c.change.as_deref()?,
                value,
                baseline,
                value_at: whole_at(&c.quote, value, false).map(|i| start + i),
                baseline_at: baseline
                    .and_then(|b| whole_at(&c.quote, b, true))
                    .map(|i| start + i),
            })
        })
        .collect()
}
