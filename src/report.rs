//! The output contract: one serialisable object per article, as DESIGN.md specifies.
//! Other programs read this; change it only by adding fields.

use crate::analysis::Checked;
use crate::claim::{ClaimKind, Direction, Figure, Measure, RegistryMatch};
use crate::document::Document;
use crate::finding::Severity;
use crate::mention::MentionKind;
use crate::span::Span;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct ArticleReport {
    pub id: String,
    pub source: String,
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// For a JSON Lines record, its 1-based line in the archive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub claims: Vec<ClaimOut>,
    pub findings: Vec<FindingOut>,
    /// Every numeric mention (only from `extract`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mentions: Option<Vec<MentionOut>>,
    pub error: Option<String>,
    /// Record or front-matter fields carried through untouched.
    #[serde(skip_serializing_if = "serde_json::Map::is_empty")]
    pub meta: serde_json::Map<String, serde_json::Value>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ClaimOut {
    pub id: usize,
    pub kind: ClaimKind,
    pub span: Span,
    pub line: usize,
    pub column: usize,
    pub text: String,
    pub subject: String,
    pub value: Option<FigureOut>,
    pub change: Option<ChangeOut>,
    pub baseline: Option<FigureOut>,
    pub registry: Option<RegistryMatch>,
}

#[derive(Clone, Debug, Serialize)]
pub struct FigureOut {
    pub stated: Option<String>,
    pub low: f64,
    pub high: f64,
    pub unit: Option<&'static str>,
    pub period: Option<String>,
    pub implied: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct ChangeOut {
    pub stated: String,
    pub measure: Measure,
    pub low: f64,
    pub high: f64,
    pub direction: Option<Direction>,
}

#[derive(Clone, Debug, Serialize)]
pub struct FindingOut {
    pub rule: &'static str,
    pub severity: Severity,
    pub span: Span,
    pub line: usize,
    pub column: usize,
    pub field: &'static str,
    pub message: String,
    pub claims: Vec<usize>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct MentionOut {
    pub span: Span,
    pub text: String,
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

fn figure_out(doc: &Document, f: &Figure) -> FigureOut {
    FigureOut {
        stated: f.stated.map(|s| s.slice(&doc.text).to_string()),
        low: round_outward(f.interval.low, false),
        high: round_outward(f.interval.high, true),
        unit: f.unit,
        period: f.period.map(|p| p.to_string()),
        implied: f.implied,
    }
}

impl ArticleReport {
    /// The report of an article that could not be read.
    pub fn failed(id: String, source: String, line: Option<usize>, error: String) -> ArticleReport {
        ArticleReport {
            id,
            source,
            date: None,
            title: None,
            line,
            claims: Vec::new(),
            findings: Vec::new(),
            mentions: None,
            error: Some(error),
            meta: serde_json::Map::new(),
        }
    }

    /// The report of a checked article; `with_mentions` adds every numeric mention.
    pub fn new(checked: &Checked, with_mentions: bool) -> ArticleReport {
        let doc = &checked.doc;
        let claims = checked
            .claims
            .iter()
            .map(|c| {
                let (line, column) = doc.line_col(c.span.start);
                ClaimOut {
                    id: c.id,
                    kind: c.kind,
                    span: c.span,
                    line,
                    column,
                    text: c.span.slice(&doc.text).to_string(),
                    subject: c.subject.clone(),
                    value: c.value.as_ref().map(|f| figure_out(doc, f)),
                    change: c.change.as_ref().map(|ch| ChangeOut {
                        stated: ch.stated.slice(&doc.text).to_string(),
                        measure: ch.measure,
                        low: round_outward(ch.interval.low, false),
                        high: round_outward(ch.interval.high, true),
                        direction: ch.direction,
                    }),
                    baseline: c.baseline.as_ref().map(|f| figure_out(doc, f)),
                    registry: c.registry.clone(),
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
                    message: f.message.clone(),
                    claims: f.claims.clone(),
                    notes: f.notes.clone(),
                }
            })
            .collect();
        let mentions = with_mentions.then(|| {
            checked
                .mentions
                .iter()
                .map(|m| MentionOut {
                    span: m.span,
                    text: m.span.slice(&doc.text).to_string(),
                    kind: m.kind,
                    value: m.value,
                    low: round_outward(m.interval.low, false),
                    high: round_outward(m.interval.high, true),
                    unit: m.unit,
                    approx: m.approx,
                })
                .collect()
        });
        ArticleReport {
            id: doc.id.clone(),
            source: doc.source.clone(),
            date: doc.date.map(|d| d.to_string()),
            title: doc.title.clone(),
            line: doc.record_line,
            claims,
            findings,
            mentions,
            error: None,
            meta: doc.meta.clone(),
        }
    }

    /// The highest severity among the findings.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }
}

#[cfg(test)]
mod tests {
    use super::round_outward;

    #[test]
    fn outward_rounding_never_narrows() {
        assert_eq!(round_outward(46.35526315789474, false), 46.3552);
        assert_eq!(round_outward(46.54, true), 46.54);
        assert_eq!(round_outward(-38.15, false), -38.15);
        assert!(round_outward(5150.1234567, true) >= 5150.1234567);
    }
}
