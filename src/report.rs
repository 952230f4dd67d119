//! The output contract: one serialisable object per article, as docs/output.md documents.
//! Other programs read this; change it only by adding fields.
//!
//! A [`Report`] either borrows the article's text from the checked article (`audit`, which
//! serialises each report at once) or owns a copy ([`ArticleReport`], for `check` and
//! `extract`, which keep the report after the article is gone, and for articles that could
//! not be read). Both are the same type, so there is one field list and one serialiser.

use crate::analysis::Checked;
use crate::claim::{ClaimKind, Direction, Figure, Measure, RegistryMatch};
use crate::document::Document;
use crate::finding::Severity;
use crate::mention::MentionKind;
use crate::period::{Date, Period};
use crate::span::Span;
use serde::Serialize;
use std::borrow::Cow;

/// Record or front-matter fields carried through untouched.
pub type Meta = serde_json::Map<String, serde_json::Value>;

/// One article's report; what it quotes from the article is borrowed for `'a` or owned.
/// `id`, `source` and `error` are always owned: a few bytes, and all that the report of an
/// unreadable input has.
#[derive(Clone, Debug, Serialize)]
pub struct Report<'a> {
    pub id: String,
    pub source: String,
    pub date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Cow<'a, str>>,
    /// For a JSON Lines record, its 1-based line in the archive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub claims: Vec<ClaimOut<'a>>,
    pub findings: Vec<FindingOut<'a>>,
    /// Findings silenced by an inline suppression, with its reason; left out when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suppressed: Vec<SuppressedOut>,
    /// Every numeric mention (only from `extract`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mentions: Option<Vec<MentionOut<'a>>>,
    pub error: Option<String>,
    /// Record or front-matter fields carried through untouched.
    #[serde(skip_serializing_if = "Meta::is_empty")]
    pub meta: Cow<'a, Meta>,
}

/// A report that owns all its text.
pub type ArticleReport = Report<'static>;

#[derive(Clone, Debug, Serialize)]
pub struct ClaimOut<'a> {
    pub id: usize,
    pub kind: ClaimKind,
    pub span: Span,
    pub line: usize,
    pub column: usize,
    pub text: Cow<'a, str>,
    pub subject: Cow<'a, str>,
    pub value: Option<FigureOut<'a>>,
    pub change: Option<ChangeOut<'a>>,
    pub baseline: Option<FigureOut<'a>>,
    /// The period of a claim with no current value ("rose 3.4% in December").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The current period is assumed from the article's date and cadence, not written.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub period_assumed: bool,
    pub registry: Option<Cow<'a, RegistryMatch>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct FigureOut<'a> {
    pub stated: Option<Cow<'a, str>>,
    pub low: f64,
    pub high: f64,
    pub unit: Option<&'static str>,
    pub period: Option<Period>,
    pub implied: bool,
    /// The registry's verdict on this figure, when a fact applies to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registry: Option<Cow<'a, RegistryMatch>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ChangeOut<'a> {
    pub stated: Cow<'a, str>,
    pub measure: Measure,
    pub low: f64,
    pub high: f64,
    pub direction: Option<Direction>,
    /// The id of the claim whose change this one restates in another measure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restates: Option<usize>,
    /// The registry's verdict on the change, when a change relation applies to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registry: Option<Cow<'a, RegistryMatch>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct FindingOut<'a> {
    pub rule: &'static str,
    pub severity: Severity,
    pub span: Span,
    pub line: usize,
    pub column: usize,
    pub field: &'static str,
    pub message: Cow<'a, str>,
    pub claims: Cow<'a, [usize]>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub notes: Cow<'a, [String]>,
}

/// A finding an inline suppression silenced: the finding, where it is, and the reason the
/// suppression gives. Rare, so owned.
#[derive(Clone, Debug, Serialize)]
pub struct SuppressedOut {
    pub rule: &'static str,
    pub severity: Severity,
    pub span: Span,
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// The text after the suppression's colon, or `null`.
    pub reason: Option<String>,
    /// The suppression comment's line; `null` for a record's `claimcheck_ignore` field.
    pub directive_line: Option<usize>,
}

#[derive(Clone, Debug, Serialize)]
pub struct MentionOut<'a> {
    pub span: Span,
    pub text: Cow<'a, str>,
    pub kind: MentionKind,
    pub value: f64,
    pub low: f64,
    pub high: f64,
    pub unit: Option<&'static str>,
    pub approx: Option<&'static str>,
}

/// Rounds a bound outward to 6 significant digits, so output stays readable without ever
/// narrowing an interval.
pub fn round_outward(x: f64, up: bool) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    let magnitude = x.abs().log10().floor() as i32;
    let scale = 10f64.powi(5 - magnitude);
    if !scale.is_finite() || scale == 0.0 {
        return x;
    }
    let scaled = x * scale;
    let rounded = if up { scaled.ceil() } else { scaled.floor() };
    // Snap values that were already at 6 digits back (avoid 46.1 becoming 46.1001).
    if (scaled - scaled.round()).abs() < 1e-6 {
        return scaled.round() / scale;
    }
    rounded / scale
}

/// How a report holds what it takes from the checked article, whose lifetime is `'a`, for
/// the report's lifetime `'r`: by reference or by copy.
trait Hold<'a, 'r> {
    fn hold<T: ToOwned + ?Sized + 'r>(x: &'a T) -> Cow<'r, T>;
}

/// Points into the checked article.
struct Borrowed;

impl<'a> Hold<'a, 'a> for Borrowed {
    fn hold<T: ToOwned + ?Sized + 'a>(x: &'a T) -> Cow<'a, T> {
        Cow::Borrowed(x)
    }
}

/// Copies out of the checked article.
struct Copied;

impl<'a> Hold<'a, 'static> for Copied {
    fn hold<T: ToOwned + ?Sized + 'static>(x: &'a T) -> Cow<'static, T> {
        Cow::Owned(x.to_owned())
    }
}

fn figure_out<'a, 'r, H: Hold<'a, 'r>>(
    doc: &'a Document,
    f: &Figure,
    registry: Option<&'a RegistryMatch>,
) -> FigureOut<'r> {
    FigureOut {
        stated: f.stated.map(|s| H::hold(s.slice(&doc.text))),
        low: round_outward(f.interval.low, false),
        high: round_outward(f.interval.high, true),
        unit: f.unit,
        period: f.period,
        implied: f.implied,
        registry: registry.map(H::hold),
    }
}

/// The report of a checked article, holding its text as `H` says.
fn build<'a, 'r, H: Hold<'a, 'r>>(checked: &'a Checked, with_mentions: bool) -> Report<'r> {
    let doc = &checked.doc;
    let claims = checked
        .claims
        .iter()
        .map(|c| {
            let (line, column) = doc.line_col(c.span.start);
            let verdicts = c.registry.as_ref();
            ClaimOut {
                id: c.id,
                kind: c.kind,
                span: c.span,
                line,
                column,
                text: H::hold(c.span.slice(&doc.text)),
                subject: H::hold(c.subject.as_str()),
                value: c
                    .value
                    .as_ref()
                    .map(|f| figure_out::<H>(doc, f, verdicts.and_then(|v| v.value.as_ref()))),
                change: c.change.as_ref().map(|ch| ChangeOut {
                    stated: H::hold(ch.stated.slice(&doc.text)),
                    measure: ch.measure,
                    low: round_outward(ch.interval.low, false),
                    high: round_outward(ch.interval.high, true),
                    direction: ch.direction,
                    restates: ch.restates,
                    registry: verdicts.and_then(|v| v.change.as_ref()).map(H::hold),
                }),
                baseline: c
                    .baseline
                    .as_ref()
                    .map(|f| figure_out::<H>(doc, f, verdicts.and_then(|v| v.baseline.as_ref()))),
                period: c.period,
                period_assumed: c.period_assumed,
                registry: verdicts.map(|v| H::hold(&v.claim)),
            }
        })
        .collect();
    let findings = checked
        .findings
        .iter()
        .map(|f| {
            let (line, column) = doc.line_col(f.span.start);
            FindingOut {
                rule: f.rule,
                severity: f.severity,
                span: f.span,
                line,
                column,
                field: doc.field,
                message: H::hold(f.message.as_str()),
                claims: H::hold(f.claims.as_slice()),
                notes: H::hold(f.notes.as_slice()),
            }
        })
        .collect();
    let suppressed = checked
        .suppressed
        .iter()
        .map(|s| {
            let (line, column) = doc.line_col(s.finding.span.start);
            SuppressedOut {
                rule: s.finding.rule,
                severity: s.finding.severity,
                span: s.finding.span,
                line,
                column,
                message: s.finding.message.clone(),
                reason: s.reason.clone(),
                directive_line: s.directive.map(|d| doc.line_col(d.start).0),
            }
        })
        .collect();
    let mentions = with_mentions.then(|| {
        checked
            .mentions
            .iter()
            .map(|m| MentionOut {
                span: m.span,
                text: H::hold(m.span.slice(&doc.text)),
                kind: m.kind,
                value: m.value,
                low: round_outward(m.interval.low, false),
                high: round_outward(m.interval.high, true),
                unit: m.unit,
                approx: m.approx,
            })
            .collect()
    });
    Report {
        id: doc.id.clone(),
        source: doc.source.clone(),
        date: doc.date,
        title: doc.title.as_deref().map(H::hold),
        line: doc.record_line,
        claims,
        findings,
        suppressed,
        mentions,
        error: None,
        meta: H::hold(&doc.meta),
    }
}

impl<'a> Report<'a> {
    /// The report of a checked article, borrowing its text: for serialising at once.
    /// `with_mentions` adds every numeric mention.
    pub fn of(checked: &'a Checked, with_mentions: bool) -> Report<'a> {
        build::<Borrowed>(checked, with_mentions)
    }

    /// The highest severity among the findings.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }
}

impl ArticleReport {
    /// The report of an article that could not be read.
    pub fn failed(id: String, source: String, line: Option<usize>, error: String) -> ArticleReport {
        Report {
            id,
            source,
            date: None,
            title: None,
            line,
            claims: Vec::new(),
            findings: Vec::new(),
            suppressed: Vec::new(),
            mentions: None,
            error: Some(error),
            meta: Cow::Owned(Meta::new()),
        }
    }

    /// The report of a checked article, with its own copy of the text it quotes, so that it
    /// outlives the article; `with_mentions` adds every numeric mention.
    pub fn new(checked: &Checked, with_mentions: bool) -> ArticleReport {
        build::<Copied>(checked, with_mentions)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outward_rounding_never_narrows() {
        assert_eq!(round_outward(46.35526315789474, false), 46.3552);
        assert_eq!(round_outward(46.54, true), 46.54);
        assert_eq!(round_outward(-38.15, false), -38.15);
        assert!(round_outward(5150.1234567, true) >= 5150.1234567);
    }

    #[test]
    fn borrowed_and_owned_reports_serialise_alike() {
        let mut doc = crate::emit::testing::document();
        doc.date = Date::parse("2025-07-21");
        doc.record_line = Some(4);
        doc.meta
            .insert("topics".into(), serde_json::json!(["trade", "\"metals\""]));
        let checked = crate::analysis::check(doc, None);
        assert!(!checked.claims.is_empty() && !checked.findings.is_empty());
        for with_mentions in [false, true] {
            let borrowed = serde_json::to_string(&Report::of(&checked, with_mentions)).unwrap();
            let owned =
                serde_json::to_string(&ArticleReport::new(&checked, with_mentions)).unwrap();
            assert_eq!(borrowed, owned);
        }
    }
}
