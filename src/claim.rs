//! Claims: mentions linked into statements about a quantity, a change, a share or a multiple.

use crate::interval::Interval;
pub use crate::measure::Measure;
use crate::period::Period;
use crate::span::Span;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    Value,
    Change,
    Share,
    Multiple,
}

impl ClaimKind {
    /// The serialised name (the JSON writer writes it without serde; a test holds it equal).
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Value => "value",
            ClaimKind::Change => "change",
            ClaimKind::Share => "share",
            ClaimKind::Multiple => "multiple",
        }
    }
}

/// A quantity a claim states or implies: the current value or the baseline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    /// Where it is written; `None` for an implied figure.
    pub stated: Option<Span>,
    pub interval: Interval,
    pub unit: Option<&'static str>,
    pub period: Option<Period>,
    /// Rebuilt from other figures rather than written.
    pub implied: bool,
    /// Index of the mention it comes from, in the article's mention list.
    pub mention: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Up,
    Down,
    Flat,
}

impl Direction {
    /// The serialised name (the JSON writer writes it without serde; a test holds it equal).
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
            Direction::Flat => "flat",
        }
    }
}

/// The change part of a change or multiple claim.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    /// The words that state the change ("an increase of 660%", "rose 12.5 pct").
    pub stated: Span,
    pub measure: Measure,
    /// Signed percent or points, or the ratio for multiples, rounded reading.
    pub interval: Interval,
    /// The same under a truncation reading; equal to `interval` when that adds nothing.
    pub truncated: Interval,
    /// The direction the words claim, if any ("rose", "down", "an increase").
    pub direction: Option<Direction>,
    /// The word that gives the direction.
    pub direction_span: Option<Span>,
    /// "three times more than": ambiguous between ×3 and ×4.
    pub times_more: bool,
    /// Index of the mention of the percent / points / multiple.
    pub mention: Option<usize>,
    /// The id of the claim whose change this one restates in another measure ("rose $13.40,
    /// or 0.8%, to $1,780.20": the percent restates the amount); both share one value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restates: Option<usize>,
}

/// A registry verdict on a figure of a claim (filled in by the registry stage).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RegistryMatch {
    /// The fact's id; for a change, the `to` fact of the relation that states it.
    pub fact: String,
    pub verdict: Verdict,
    /// In the claim-level verdict, which figure it is about: "value" or "baseline"; `None`
    /// on a figure's own verdict.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figure: Option<&'static str>,
}

/// What the registry says about a claim: a verdict for each figure it could judge.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RegistryVerdicts {
    /// The claim-level verdict of the output contract, kept as it always was: a
    /// contradicted figure first, then the value before the baseline.
    pub claim: RegistryMatch,
    pub value: Option<RegistryMatch>,
    pub baseline: Option<RegistryMatch>,
    pub change: Option<RegistryMatch>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Confirmed,
    Contradicted,
}

/// A claim: what the article says about one measure.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Claim {
    /// 1-based, in order of appearance.
    pub id: usize,
    pub kind: ClaimKind,
    /// The words of the claim ("353 tons, an increase of 660% compared to May").
    pub span: Span,
    /// The sentence it stands in.
    pub sentence: Span,
    /// What is measured ("China's export volume to the US").
    pub subject: String,
    pub value: Option<Figure>,
    pub change: Option<Change>,
    pub baseline: Option<Figure>,
    /// The period a claim that states no current value is about ("rose 3.4% in December");
    /// a claim with a value carries its period on the value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The current period (the value's, or `period`) is not written but assumed: the latest
    /// month, quarter or half ended by the article's date, by the periods and words the
    /// article uses ("Amazon's net quarterly sales grew 9% year over year", published
    /// 2022-02-03: 2021-Q4). Rules that compare periods across claims or with the registry
    /// take an assumed period as unknown.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub period_assumed: bool,
    /// `None` until the registry stage, and when no fact applies to any figure. Boxed:
    /// most claims have none, and claims are moved often.
    pub registry: Option<Box<RegistryVerdicts>>,
}
