//! What a run has seen: one tally of articles, claims, findings and unreadable inputs, kept
//! by every command (`check`, `extract`, `audit`) and shown by every format's ending: the
//! `summary` object of `--format json`, the human summary line, the audit's summary.

use crate::diagnostics::Severity;
use crate::report::Report;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

/// How many unreadable records are kept with their file and line; the rest are only counted,
/// so that memory stays flat on an archive where every record is broken.
pub const MAX_ERROR_DETAILS: usize = 1000;

/// A record that could not be read, with where it was; `message` names the file and line
/// itself ("archive.jsonl:17:1: invalid JSON: ...").
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unreadable {
    pub source: String,
    pub line: Option<usize>,
    pub id: String,
    pub message: String,
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Findings counted per severity, indexed by `Severity as usize`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SeverityCounts([u64; 3]);

impl SeverityCounts {
    pub fn add(&mut self, severity: Severity, n: u64) {
        self.0[severity as usize] += n;
    }

    pub fn get(&self, severity: Severity) -> u64 {
        self.0[severity as usize]
    }

    pub fn total(&self) -> u64 {
        self.0.iter().sum()
    }

    fn merge(&mut self, other: &SeverityCounts) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a += b;
        }
    }
}

impl Serialize for SeverityCounts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(3))?;
        for severity in [Severity::Error, Severity::Warning, Severity::Info] {
            map.serialize_entry(severity.as_str(), &self.get(severity))?;
        }
        map.end()
    }
}

/// Counts over the articles written so far. Workers fill one per batch; the writer merges
/// them as it writes the batch, so the summary always matches the NDJSON written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tally {
    /// Articles read and checked.
    pub articles: u64,
    /// Articles with at least one finding.
    pub articles_with_findings: u64,
    /// NDJSON lines written (articles and unreadable records; fewer with `--only-findings`).
    pub lines_written: u64,
    pub claims: u64,
    pub findings: SeverityCounts,
    pub by_rule: BTreeMap<&'static str, SeverityCounts>,
    /// Records that could not be read.
    pub unreadable: u64,
    /// The first `MAX_ERROR_DETAILS` of them, in output order.
    pub errors: Vec<Unreadable>,
    /// Bytes of input consumed (uncompressed).
    pub input_bytes: u64,
    /// Bytes of article text checked.
    pub body_bytes: u64,
}

impl Tally {
    /// Counts one article's report; `body_bytes` is the length of the text it checked.
    pub fn record(&mut self, report: &Report<'_>, body_bytes: usize, written: bool) {
        self.lines_written += written as u64;
        if let Some(message) = &report.error {
            self.unreadable += 1;
            if self.errors.len() < MAX_ERROR_DETAILS {
                self.errors.push(Unreadable {
                    source: report.source.clone(),
                    line: report.line,
                    id: report.id.clone(),
                    message: message.clone(),
                });
            }
            return;
        }
        self.articles += 1;
        self.body_bytes += body_bytes as u64;
        self.claims += report.claims.len() as u64;
        if !report.findings.is_empty() {
            self.articles_with_findings += 1;
        }
        for finding in &report.findings {
            self.findings.add(finding.severity, 1);
            self.by_rule
                .entry(finding.rule)
                .or_default()
                .add(finding.severity, 1);
        }
    }

    pub fn merge(&mut self, other: Tally) {
        self.articles += other.articles;
        self.articles_with_findings += other.articles_with_findings;
        self.lines_written += other.lines_written;
        self.claims += other.claims;
        self.findings.merge(&other.findings);
        for (rule, counts) in &other.by_rule {
            self.by_rule.entry(rule).or_default().merge(counts);
        }
        self.unreadable += other.unreadable;
        let room = MAX_ERROR_DETAILS.saturating_sub(self.errors.len());
        self.errors.extend(other.errors.into_iter().take(room));
        self.input_bytes += other.input_bytes;
        self.body_bytes += other.body_bytes;
    }

    /// The worst severity found, if any.
    pub fn worst(&self) -> Option<Severity> {
        [Severity::Error, Severity::Warning, Severity::Info]
            .into_iter()
            .find(|&s| self.findings.get(s) > 0)
    }
}

/// The `summary` object of `--format json`: totals by severity and by rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Articles seen, including those that could not be read.
    pub articles: u64,
    pub claims: u64,
    /// Findings by severity (`error`, `warning`, `info`; every key always present).
    pub findings: BTreeMap<&'static str, u64>,
    /// Findings by rule name.
    pub rules: BTreeMap<&'static str, u64>,
    /// Inputs that could not be read (their report has `error` set).
    pub unreadable_articles: u64,
    /// Deprecated: the same count as `unreadable_articles`, under a name that reads as
    /// "articles with error findings". Kept because the output contract is only extended.
    pub articles_with_errors: u64,
}

impl Totals {
    pub fn of(tally: &Tally) -> Totals {
        Totals {
            articles: tally.articles + tally.unreadable,
            claims: tally.claims,
            findings: [Severity::Error, Severity::Warning, Severity::Info]
                .into_iter()
                .map(|s| (s.as_str(), tally.findings.get(s)))
                .collect(),
            rules: tally
                .by_rule
                .iter()
                .map(|(rule, counts)| (*rule, counts.total()))
                .collect(),
            unreadable_articles: tally.unreadable,
            articles_with_errors: tally.unreadable,
        }
    }
}
