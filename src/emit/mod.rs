//! Output writers, one per format, and the summary they all end with.
//!
//! Every writer takes the same stream of per-article reports (`ArticleReport` plus the
//! `Document` its spans point into, when the article could be read) and a final summary, or a
//! run of diagnostics that belong to no article (a registry's problems), so `check`,
//! `extract`, `audit` and `registry check` can choose a format without knowing how it is
//! written. A new format is one more file here implementing [`Emitter`], and one more
//! [`Format`] value.

pub mod csv;
pub mod dashboard;
pub mod diagnostic;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod sarif;
pub mod summary;

use crate::diagnostics::{Diagnostic, RuleInfo};
use crate::document::Document;
use crate::report::ArticleReport;
use std::io::{self, Write};

pub use diagnostic::findings_to_diagnostics;
pub use summary::Tally;

/// The `--format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Format {
    /// rustc-style messages with the source line, and a claims table for clean articles.
    Human,
    /// One JSON document: `{"articles": [...], "summary": {...}}`.
    Json,
    /// One article report per line (JSON Lines).
    Ndjson,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// GitHub Actions workflow commands (`::error file=...::message`).
    Github,
    /// One self-contained HTML page: the text with its claims highlighted, the findings.
    Html,
    /// One row per finding: id, source, date, rule, severity, line, column, claim, message,
    /// registry.
    Csv,
}

/// A writer for one output format. `article` is called once per article in input order,
/// `finish` once at the end; formats that need the whole run (json, sarif) buffer until then.
pub trait Emitter {
    /// Writes (or buffers) one article. `doc` is the article its spans point into; `None` when
    /// the article could not be read.
    fn article(
        &mut self,
        w: &mut dyn Write,
        report: &ArticleReport,
        doc: Option<&Document>,
    ) -> io::Result<()>;

    /// Writes a whole run of diagnostics that belong to no article (a registry's problems);
    /// `rules` describes the codes they carry, for formats that list them (SARIF).
    fn diagnostics(
        &mut self,
        w: &mut dyn Write,
        rules: &[RuleInfo],
        diags: &[Diagnostic],
    ) -> io::Result<()>;

    /// Writes whatever remains, ending with the summary of `tally` where the format has one.
    fn finish(&mut self, w: &mut dyn Write, tally: &Tally) -> io::Result<()>;
}

/// Options that only some formats use.
#[derive(Clone, Debug, Default)]
pub struct EmitOptions {
    /// ANSI colors in human output.
    pub color: bool,
    /// The width, in columns, to which human output cuts source lines; `None` for the
    /// default of 140.
    pub width: Option<usize>,
    /// The registry the run used, for the HTML page (which shows each matched fact's source).
    pub registry: Option<std::sync::Arc<html::RegistryInfo>>,
}

/// The writer for `format`.
pub fn emitter(format: Format, options: EmitOptions) -> Box<dyn Emitter> {
    match format {
        Format::Human => Box::new(human::Human::new(options.color).width(options.width)),
        Format::Json => Box::new(json::Json::default()),
        Format::Ndjson => Box::new(json::Ndjson),
        Format::Sarif => Box::new(sarif::SarifEmitter::default()),
        Format::Github => Box::new(github::GithubEmitter),
        Format::Html => Box::new(html::Html::new(options.registry)),
        Format::Csv => Box::new(csv::Csv::default()),
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Hand-built reports and documents for the emitters' snapshot tests.

    use crate::claim::{ClaimKind, Direction, Measure, RegistryMatch, Verdict};
    use crate::document::Document;
    use crate::finding::Severity;
    use crate::period::{Date, Period};
    use crate::report::{ArticleReport, ChangeOut, ClaimOut, FigureOut, FindingOut};
    use crate::span::Span;
    use std::borrow::Cow;

    pub const TEXT: &str = "---\ntitle: Magnets\ndate: 2025-07-21\n---\n\
China exported 353 tons to the US in June, an increase of 660% compared to May.\n\
Sales rose 20.8% from 72.6 mln to 87.1 mln dlrs.\n";

    pub fn span_of(needle: &str) -> Span {
        let start = TEXT.find(needle).expect("needle in TEXT");
        Span::new(start, start + needle.len())
    }

    pub fn document() -> Document {
        let body_start = TEXT.find("China").unwrap();
        let mut doc = Document::new(
            "magnets".into(),
            "articles/magnets.md".into(),
            TEXT.into(),
            Span::new(body_start, TEXT.len()),
        );
        doc.title = Some("Magnets".into());
        doc
    }

    fn finding(
        doc: &Document,
        rule: &'static str,
        severity: Severity,
        needle: &str,
        message: &str,
    ) -> FindingOut<'static> {
        let span = span_of(needle);
        let (line, column) = doc.line_col(span.start);
        FindingOut {
            rule,
            severity,
            span,
            line,
            column,
            field: doc.field,
            message: message.to_string().into(),
            claims: vec![2].into(),
            notes: Vec::new().into(),
        }
    }

    pub fn claim_change(doc: &Document) -> ClaimOut<'static> {
        let span = span_of("353 tons to the US in June, an increase of 660%");
        let (line, column) = doc.line_col(span.start);
        ClaimOut {
            id: 1,
            kind: ClaimKind::Change,
            span,
            line,
            column,
            text: span.slice(TEXT).into(),
            subject: "China's exports to the US".into(),
            value: Some(FigureOut {
                stated: Some("353 tons".into()),
                low: 352.5,
                high: 353.5,
                unit: Some("t"),
                period: Some(Period::Month(2025, 6)),
                implied: false,
                registry: Some(Cow::Owned(RegistryMatch {
                    fact: "cn-magnet-exports-us-2025-06".into(),
                    verdict: Verdict::Confirmed,
                    figure: None,
                })),
            }),
            change: Some(ChangeOut {
                stated: "an increase of 660%".into(),
                measure: Measure::Percent,
                low: 659.95,
                high: 660.05,
                direction: Some(Direction::Up),
                restates: None,
                registry: None,
            }),
            baseline: Some(FigureOut {
                stated: None,
                low: 46.3552,
                high: 46.5455,
                unit: Some("t"),
                period: Some(Period::Month(2025, 5)),
                implied: true,
                registry: None,
            }),
            period: None,
            period_assumed: false,
            registry: Some(Cow::Owned(RegistryMatch {
                fact: "cn-magnet-exports-us-2025-06".into(),
                verdict: Verdict::Confirmed,
                figure: Some("value"),
            })),
        }
    }

    pub fn claim_value(doc: &Document) -> ClaimOut<'static> {
        let span = span_of("87.1 mln dlrs");
        let (line, column) = doc.line_col(span.start);
        ClaimOut {
            id: 2,
            kind: ClaimKind::Value,
            span,
            line,
            column,
            text: span.slice(TEXT).into(),
            subject: "Sales".into(),
            value: Some(FigureOut {
                stated: Some("87.1 mln dlrs".into()),
                low: 87.05e6,
                high: 87.15e6,
                unit: Some("USD"),
                period: None,
                implied: false,
                registry: None,
            }),
            change: None,
            baseline: None,
            period: None,
            period_assumed: false,
            registry: None,
        }
    }

    /// An article with no findings: two claims.
    pub fn clean_report(doc: &Document) -> ArticleReport {
        ArticleReport {
            id: doc.id.clone(),
            source: doc.source.clone(),
            date: Date::parse("2025-07-21"),
            title: doc.title.clone().map(Cow::Owned),
            line: None,
            claims: vec![claim_change(doc), claim_value(doc)],
            findings: Vec::new(),
            suppressed: Vec::new(),
            mentions: None,
            error: None,
            meta: Cow::Owned(serde_json::Map::new()),
        }
    }

    /// An article with an error, a warning (with notes) and an info.
    pub fn flagged_report(doc: &Document) -> ArticleReport {
        let mut report = clean_report(doc);
        let mut mismatch = finding(
            doc,
            "change-mismatch",
            Severity::Error,
            "rose 20.8% from 72.6 mln to 87.1 mln",
            "a 20.8% rise from 72.6 mln to 87.1 mln is impossible: those figures give +19.8% to +20.1%",
        );
        mismatch.notes = vec![
            "87.1/72.6 is 1.1983 to 1.2011".into(),
            "did you mean 20% or 19.9%?".into(),
        ]
        .into();
        report.findings = vec![
            finding(
                doc,
                "times-more-ambiguity",
                Severity::Info,
                "an increase of 660%",
                "\"an increase of 660%\": readers may take this as ×7.6",
            ),
            mismatch,
            finding(
                doc,
                "points-vs-percent",
                Severity::Warning,
                "20.8%",
                "a change between percentages, stated as a percent",
            ),
        ];
        report
    }
}
