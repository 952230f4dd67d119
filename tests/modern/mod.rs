//! The modern-news development set (`tests/fixtures/modern/`) and the measurement of issue #13
//! on it, shared by `tests/modern_set.rs` (schema), `tests/modern_linking.rs` (floors) and
//! `examples/modern-linking.rs` (the table): the passages, a checker run in-process, the
//! linking score, planted-error copies and the Reuters planted errors.

pub mod figures;
pub mod linking;
pub mod planted;
pub mod reuters;

use std::path::{Path, PathBuf};

use claimcheck::analysis::{self, Checked};
use claimcheck::document::Document;
use claimcheck::finding::Severity;
use claimcheck::period::Date;
use claimcheck::span::Span;
use serde::Deserialize;
use serde_yaml::Value;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Passage {
    pub id: String,
    pub url: String,
    pub date: String,
    pub outlet: String,
    pub topic: String,
    pub text: String,
    #[serde(default)]
    pub note: Option<String>,
    pub claims: Vec<Claim>,
}

/// One annotated change claim (the schema is in the folder's README).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub quote: String,
    pub family: Vec<u8>,
    pub change: Option<String>,
    pub value: Option<String>,
    pub value_unit: String,
    pub baseline: Option<String>,
    // Periods are free-form labels ("2024-Q3", "FY2025", "2022/23 season"); YAML reads a bare
    // year as a number, so they stay untyped here.
    pub period: Value,
    pub baseline_period: Value,
    pub consistent: Value,
    #[serde(default)]
    pub note: Option<String>,
}

impl Claim {
    /// Inconsistent as published: the stated figures contradict each other.
    pub fn inconsistent(&self) -> bool {
        self.consistent == Value::Bool(false)
    }

    /// A difference of percentages that the text writes as a percent ("+1.16 pp (written '1.16
    /// percent')"): the `points-vs-percent` warning on it is the finding the rule exists for.
    pub fn points_written_as_percent(&self) -> bool {
        let Some(written) = self
            .change
            .as_deref()
            .and_then(|c| c.split_once(" pp (written '"))
            .map(|(_, written)| written)
        else {
            return false;
        };
        (written.contains('%') || written.contains("percent") || written.contains("per cent"))
            && !written.contains("point")
    }
}

pub fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/modern")
}

/// Every passage of the set, with the file it came from, in file order.
pub fn load() -> Vec<(String, Passage)> {
    load_from(&folder())
}

/// Every passage of the YAML files in `dir` (the set's schema), with the file each came from,
/// in file order: the development set, or a held-out set kept outside the project.
pub fn load_from(dir: &Path) -> Vec<(String, Passage)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.expect("readable folder entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .collect();
    files.sort();
    let mut passages = Vec::new();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).expect("readable fixture");
        let list: Vec<Passage> = serde_yaml::from_str(&text)
            .unwrap_or_else(|error| panic!("{name} does not fit the schema: {error}"));
        passages.extend(list.into_iter().map(|passage| (name.clone(), passage)));
    }
    passages
}

/// Runs the whole checker (no registry) over `text` as one article published on `date`.
pub fn check(id: &str, text: &str, date: Option<&str>) -> Checked {
    let body = Span::new(0, text.len());
    let mut doc = Document::new(id.to_string(), id.to_string(), text.to_string(), body);
    doc.date = date.and_then(Date::parse);
    analysis::check(doc, None)
}

/// The byte range `start..end` and `span` share at least one byte.
pub fn overlaps(span: Span, start: usize, end: usize) -> bool {
    span.start < end && span.end > start
}

/// Whether the checker raised an error finding on the words `start..end`.
pub fn error_on(checked: &Checked, start: usize, end: usize) -> bool {
    checked
        .findings
        .iter()
        .any(|f| f.severity == Severity::Error && overlaps(f.span, start, end))
}

/// Whether the checker raised a warning on the words `start..end`: a near miss it reports
/// but does not count as wrong.
pub fn warning_on(checked: &Checked, start: usize, end: usize) -> bool {
    checked
        .findings
        .iter()
        .any(|f| f.severity == Severity::Warning && overlaps(f.span, start, end))
}

/// A count out of a total, printed as "n of N (p%)".
pub fn share(n: usize, total: usize) -> String {
    let percent = if total == 0 {
        0.0
    } else {
        100.0 * n as f64 / total as f64
    };
    format!("{n} of {total} ({percent:.1}%)")
}

/// The linking figures as a Markdown table, with one row per construction family.
pub fn linking_table(score: &linking::Linking) -> String {
    let rows = [
        (
            "claims overlapped by some claimcheck claim",
            score.overlapped,
            score.claims,
        ),
        (
            "linked fully right (change, value, baseline)",
            score.linked,
            score.claims,
        ),
        (
            "linked fully right and period right",
            score.linked_with_period,
            score.claims,
        ),
        (
            "inconsistent passages with an error on an inconsistent claim",
            score.inconsistent_flagged,
            score.inconsistent,
        ),
    ];
    let mut lines = vec!["| measure | result |".to_string(), "|---|---|".to_string()];
    lines.extend(rows.map(|(label, n, total)| format!("| {label} | {} |", share(n, total))));
    lines.push(format!(
        "| passages with an error or warning on a consistent claim, or anywhere in a clean passage (errors: {}) | {} {:?} |",
        score.false_errors,
        score.false_findings.len(),
        score.false_findings
    ));
    lines.push(String::new());
    lines.push("| family | linked fully right |".to_string());
    lines.push("|---|---|".to_string());
    for (family, (claims, linked)) in &score.families {
        lines.push(format!("| {family} | {} |", share(*linked, *claims)));
    }
    lines.join("\n")
}

/// Planted errors caught per mutation, as a Markdown table.
pub fn planting_table(planting: &planted::Planting) -> String {
    let mut lines = vec![
        "| planted error | caught (an error) | warned only | not plantable |".to_string(),
        "|---|---|---|---|".to_string(),
    ];
    let rows = planting
        .tallies
        .iter()
        .map(|(m, t)| (m.name(), *t))
        .chain([("**all**", planting.total())]);
    for (name, tally) in rows {
        lines.push(format!(
            "| {name} | {} | {} | {} |",
            share(tally.caught, tally.planted),
            tally.warned,
            tally.skipped
        ));
    }
    lines.join("\n")
}
