//! The linking score of issue #13: for each annotated change claim, whether some claimcheck
//! claim over its quote states the same change, value and baseline (and, separately, the same
//! period); whether inconsistent passages get an error; which clean passages get a finding.

use std::collections::BTreeMap;

use claimcheck::analysis::Checked;
use claimcheck::claim::{Claim as Linked, Figure};
use claimcheck::finding::{Finding, Severity};
use claimcheck::period::{Date, Period};
use serde_yaml::Value;

use super::figures::first_number;
use super::{check, overlaps, Claim, Passage};

/// One annotated claim that is not linked fully right (with the period, when `period_only`).
pub struct Miss {
    pub passage: String,
    pub families: Vec<u8>,
    pub quote: String,
    pub wanted: String,
    /// The claimcheck claims over the quote, one line each.
    pub got: Vec<String>,
    /// Linked right except for the period.
    pub period_only: bool,
}

#[derive(Default)]
pub struct Linking {
    pub claims: usize,
    pub overlapped: usize,
    pub linked: usize,
    pub linked_with_period: usize,
    /// Per construction family: (claims, linked fully right).
    pub families: BTreeMap<u8, (usize, usize)>,
    pub inconsistent: usize,
    pub inconsistent_flagged: usize,
    /// Passages without an inconsistent claim that get an error or a warning.
    pub false_findings: Vec<String>,
    /// The same, counting errors only.
    pub false_errors: usize,
    pub misses: Vec<Miss>,
}

/// The stated text of a figure; an implied figure states none.
fn stated<'a>(checked: &'a Checked, figure: &Option<Figure>) -> Option<&'a str> {
    let figure = figure.as_ref().filter(|f| !f.implied)?;
    Some(figure.stated?.slice(&checked.doc.text))
}

/// The stated change text of a claim; a direction word without a figure ("rose to X from Y",
/// an interval with no bound) is no stated change, a bound is ("more than doubled": at least
/// twice).
fn stated_change<'a>(checked: &'a Checked, claim: &Linked) -> Option<&'a str> {
    let change = claim
        .change
        .as_ref()
        .filter(|c| c.interval.low.is_finite() || c.interval.high.is_finite())?;
    Some(change.stated.slice(&checked.doc.text))
}

/// An annotated change that states a figure ("up (direction word only)" states none).
fn annotated_change(claim: &Claim) -> Option<&str> {
    claim
        .change
        .as_deref()
        .filter(|c| !c.contains("direction word only"))
}

/// Whether a linked figure, as written, is the annotated one: the same text, or one inside the
/// other around the same number, so that an approximator or a unit noun the annotation keeps
/// or leaves out ("some 5.8 million passengers", "225,183 aircraft movements") is no miss.
fn same_figure(linked: Option<&str>, annotated: Option<&str>) -> bool {
    match (linked, annotated) {
        (None, None) => true,
        (Some(l), Some(a)) => {
            let number = |s: &str| {
                first_number(s).map(|n| {
                    let scale = n.scale_word.map(|(x, y)| s[x..y].to_ascii_lowercase());
                    (s[n.digits.0..n.digits.1].to_string(), scale)
                })
            };
            l == a
                || (l.contains(a) || a.contains(l)) && number(l).is_some() && number(l) == number(a)
        }
        _ => false,
    }
}

/// Change, value and baseline as annotated.
fn linked_right(annotation: &Claim, checked: &Checked, claim: &Linked) -> bool {
    annotated_change(annotation).is_some() == stated_change(checked, claim).is_some()
        && (annotation.value.is_none()
            || same_figure(stated(checked, &claim.value), annotation.value.as_deref()))
        && same_figure(
            stated(checked, &claim.baseline),
            annotation.baseline.as_deref(),
        )
}

/// The period an annotation label names, when claimcheck can express it: `2024`, `FY2025`,
/// `2024-H1`, `2024-Q3`, `2024-06`, `2024-05-09`, `FY2025-Q4`, ranges of months or days
/// (`2023-01..2023-09`). Weeks and seasons cannot be, and lists are several periods.
fn annotated_period(label: &Value) -> Option<Period> {
    let label = match label {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.trim().to_string(),
        _ => return None,
    };
    label.parse().ok()
}

/// The period a claim is about: its value's, or the claim's own when it states no value.
fn claim_period(claim: &Linked) -> Option<Period> {
    claim.value.as_ref().and_then(|v| v.period).or(claim.period)
}

/// The period is right: any when the annotation has none, else the claim's period equals it.
fn period_right(annotation: &Claim, claim: &Linked) -> bool {
    if annotation.period.is_null() {
        return true;
    }
    let got = claim_period(claim);
    annotated_period(&annotation.period).is_some_and(|want| {
        got == Some(want) || fiscal_year(want, got) || rolling_year(annotation, want, got)
    })
}

/// "in the year to September": claimcheck names a rolling year by the month it ends (the
/// month's annual rate, `2019-09`), which an annotation may write as its twelve months
/// (`2018-10..2019-09`) when the figure is a total over them; the same reading.
fn rolling_year(annotation: &Claim, want: Period, got: Option<Period>) -> bool {
    let (Period::Range(from, to), Some(Period::Month(y, m))) = (want, got) else {
        return false;
    };
    let quote = annotation.quote.to_lowercase();
    let said = ["year to ", "12 months to ", "twelve months to "]
        .iter()
        .any(|words| quote.contains(words));
    let months = (to.year - from.year) * 12 + i32::from(to.month) - i32::from(from.month) + 1;
    said && months == 12 && (to.year, to.month) == (y, m) && from.day == 1
}

/// A fiscal year read as its twelve months: "the financial year to March 31" is
/// `2024-04..2025-03`, which the annotation calls `FY2025` (fiscal years are named by the
/// calendar year they end in).
fn fiscal_year(want: Period, got: Option<Period>) -> bool {
    let (Period::Fiscal(y), Some(Period::Range(from, to))) = (want, got) else {
        return false;
    };
    let months = (to.year - from.year) * 12 + i32::from(to.month) - i32::from(from.month) + 1;
    to.year == y && months == 12 && from.day == 1 && to == Date::month_end(to.year, to.month)
}

fn label(value: &Value) -> String {
    match value {
        Value::Null => "-".to_string(),
        Value::String(s) => s.clone(),
        other => serde_yaml::to_string(other)
            .unwrap_or_default()
            .trim()
            .replace('\n', " "),
    }
}

fn describe_wanted(claim: &Claim) -> String {
    let text = |t: &Option<String>| t.as_deref().unwrap_or("-").to_string();
    format!(
        "change {} | value {} | baseline {} | period {}",
        text(&claim.change),
        text(&claim.value),
        text(&claim.baseline),
        label(&claim.period)
    )
}

fn describe_linked(checked: &Checked, claim: &Linked) -> String {
    let period = claim_period(claim).map_or("-".to_string(), |p| p.to_string());
    let baseline = match &claim.baseline {
        Some(f) if f.implied => "(implied)",
        other => stated(checked, other).unwrap_or("-"),
    };
    format!(
        "#{} {:?}: change {} | value {} | baseline {} | period {}",
        claim.id,
        claim.kind,
        stated_change(checked, claim).unwrap_or("-"),
        stated(checked, &claim.value).unwrap_or("-"),
        baseline,
        period
    )
}

/// Scores every passage.
pub fn measure(passages: &[(String, Passage)]) -> Linking {
    let mut score = Linking::default();
    for (_, passage) in passages {
        let checked = check(&passage.id, &passage.text, Some(&passage.date));
        score.add(passage, &checked);
    }
    score
}

impl Linking {
    fn add(&mut self, passage: &Passage, checked: &Checked) {
        let quote_span = |claim: &Claim| {
            let start = passage.text.find(&claim.quote).expect("quote in text");
            (start, start + claim.quote.len())
        };
        // The points-vs-percent warning over a difference of percentages written as a percent
        // is a true finding, whatever the annotation says of the figures' agreement.
        let designed = |f: &Finding| {
            f.rule == "points-vs-percent"
                && passage.claims.iter().any(|c| {
                    let (start, end) = quote_span(c);
                    c.points_written_as_percent() && overlaps(f.span, start, end)
                })
        };
        let judged: Vec<&Finding> = checked.findings.iter().filter(|f| !designed(f)).collect();
        // Findings at or above `worst` over one of the claims `which` picks (all: anywhere).
        let severe = |worst: Severity, which: &dyn Fn(&Claim) -> bool| {
            judged.iter().any(|f| {
                f.severity >= worst
                    && passage.claims.iter().filter(|c| which(c)).any(|c| {
                        let (start, end) = quote_span(c);
                        overlaps(f.span, start, end)
                    })
            })
        };
        let anywhere = |worst: Severity| judged.iter().any(|f| f.severity >= worst);
        let consistent = |c: &Claim| c.consistent == Value::Bool(true);
        if passage.claims.iter().any(Claim::inconsistent) {
            // Flagged: an error over an inconsistent claim. An error or warning over a claim
            // annotated consistent in the same passage is a false finding all the same.
            self.inconsistent += 1;
            self.inconsistent_flagged +=
                usize::from(severe(Severity::Error, &|c: &Claim| c.inconsistent()));
            if severe(Severity::Warning, &consistent) {
                self.false_findings.push(passage.id.clone());
                self.false_errors += usize::from(severe(Severity::Error, &consistent));
            }
        } else if anywhere(Severity::Warning) {
            self.false_findings.push(passage.id.clone());
            self.false_errors += usize::from(anywhere(Severity::Error));
        }
        for annotation in &passage.claims {
            let start = passage.text.find(&annotation.quote).expect("quote in text");
            let end = start + annotation.quote.len();
            let over: Vec<&Linked> = checked
                .claims
                .iter()
                .filter(|c| overlaps(c.span, start, end))
                .collect();
            let right = over.iter().any(|c| linked_right(annotation, checked, c));
            let with_period = over
                .iter()
                .any(|c| linked_right(annotation, checked, c) && period_right(annotation, c));
            self.claims += 1;
            self.overlapped += usize::from(!over.is_empty());
            self.linked += usize::from(right);
            self.linked_with_period += usize::from(with_period);
            for family in &annotation.family {
                let entry = self.families.entry(*family).or_default();
                entry.0 += 1;
                entry.1 += usize::from(right);
            }
            if !with_period {
                self.misses.push(Miss {
                    passage: passage.id.clone(),
                    families: annotation.family.clone(),
                    quote: annotation.quote.clone(),
                    wanted: describe_wanted(annotation),
                    got: over.iter().map(|c| describe_linked(checked, c)).collect(),
                    period_only: right,
                });
            }
        }
    }
}
