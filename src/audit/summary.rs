//! The audit summary: what was read, what was found, what could not be read, and how fast;
//! printed on stderr and written as JSON with `--summary-json`.

pub use crate::emit::summary::{SeverityCounts, Tally, Unreadable, MAX_ERROR_DETAILS};
use crate::finding::Severity;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

/// How many unreadable records the stderr summary lists.
const ERRORS_SHOWN: usize = 20;

/// How an audit ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Ending {
    /// Every input was read.
    Complete,
    /// Stopped by Ctrl-C: the output holds the articles written so far.
    Interrupted,
    /// The reader of the output went away (`| head`).
    BrokenPipe,
}

/// The whole summary, as printed and as written by `--summary-json`.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    pub ending: Ending,
    pub articles_read: u64,
    pub articles_with_findings: u64,
    pub lines_written: u64,
    pub claims: u64,
    pub findings: FindingsOut,
    pub unreadable_records: u64,
    /// The first unreadable records with file and line (at most `MAX_ERROR_DETAILS`).
    pub errors: Vec<Unreadable>,
    pub errors_truncated: bool,
    pub input_bytes: u64,
    pub body_bytes: u64,
    pub seconds: f64,
    /// Megabytes (10^6 bytes) of article text per second.
    pub body_mb_per_s: f64,
    /// Megabytes (10^6 bytes) of input per second.
    pub input_mb_per_s: f64,
    pub articles_per_s: f64,
    pub jobs: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct FindingsOut {
    pub total: u64,
    pub by_severity: SeverityCounts,
    pub by_rule: BTreeMap<&'static str, SeverityCounts>,
}

impl Summary {
    pub fn new(tally: Tally, ending: Ending, seconds: f64, jobs: usize) -> Summary {
        let per_s = |x: f64| if seconds > 0.0 { x / seconds } else { 0.0 };
        Summary {
            ending,
            articles_read: tally.articles,
            articles_with_findings: tally.articles_with_findings,
            lines_written: tally.lines_written,
            claims: tally.claims,
            findings: FindingsOut {
                total: tally.findings.total(),
                by_severity: tally.findings,
                by_rule: tally.by_rule,
            },
            unreadable_records: tally.unreadable,
            errors_truncated: tally.unreadable > tally.errors.len() as u64,
            errors: tally.errors,
            input_bytes: tally.input_bytes,
            body_bytes: tally.body_bytes,
            seconds,
            body_mb_per_s: per_s(tally.body_bytes as f64 / 1e6),
            input_mb_per_s: per_s(tally.input_bytes as f64 / 1e6),
            articles_per_s: per_s((tally.articles + tally.unreadable) as f64),
            jobs,
        }
    }
}

/// Formats a count with thousands separators (19,043).
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let status = match self.ending {
            Ending::Complete => "audit",
            Ending::Interrupted => "audit interrupted",
            Ending::BrokenPipe => "audit stopped (output closed)",
        };
        writeln!(
            f,
            "{status}: {} articles read, {} with findings, {} records could not be read",
            thousands(self.articles_read),
            thousands(self.articles_with_findings),
            thousands(self.unreadable_records),
        )?;
        let sev = &self.findings.by_severity;
        writeln!(
            f,
            "findings: {} (error {}, warning {}, info {}) in {} claims",
            thousands(self.findings.total),
            thousands(sev.get(Severity::Error)),
            thousands(sev.get(Severity::Warning)),
            thousands(sev.get(Severity::Info)),
            thousands(self.claims),
        )?;
        let width = self
            .findings
            .by_rule
            .keys()
            .map(|r| r.len())
            .max()
            .unwrap_or(0);
        for (rule, counts) in &self.findings.by_rule {
            write!(f, "  {rule:<width$}")?;
            for severity in [Severity::Error, Severity::Warning, Severity::Info] {
                let n = counts.get(severity);
                if n > 0 {
                    write!(f, "  {} {}", severity, thousands(n))?;
                }
            }
            writeln!(f)?;
        }
        if self.unreadable_records > 0 {
            writeln!(f, "unreadable records:")?;
            for error in self.errors.iter().take(ERRORS_SHOWN) {
                writeln!(f, "  {error}")?;
            }
            let shown = self.errors.len().min(ERRORS_SHOWN) as u64;
            if self.unreadable_records > shown {
                writeln!(
                    f,
                    "  ... and {} more (all are in the output; --summary-json lists the first {})",
                    thousands(self.unreadable_records - shown),
                    MAX_ERROR_DETAILS,
                )?;
            }
        }
        writeln!(
            f,
            "throughput: {:.1} MB read ({:.1} MB of article text) in {:.2} s: {:.1} MB/s of text, {} articles/s, {} jobs",
            self.input_bytes as f64 / 1e6,
            self.body_bytes as f64 / 1e6,
            self.seconds,
            self.body_mb_per_s,
            thousands(self.articles_per_s.round() as u64),
            self.jobs,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::ArticleReport;

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(19043), "19,043");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn error_details_are_capped_but_counted() {
        let mut total = Tally::default();
        for i in 0..(MAX_ERROR_DETAILS + 5) {
            let mut batch = Tally::default();
            let report = ArticleReport::failed(
                format!("a:{i}"),
                "a.jsonl".into(),
                Some(i + 1),
                "bad JSON".into(),
            );
            batch.record(&report, 0, true);
            total.merge(batch);
        }
        assert_eq!(total.unreadable, (MAX_ERROR_DETAILS + 5) as u64);
        assert_eq!(total.errors.len(), MAX_ERROR_DETAILS);
        assert_eq!(total.errors[0].line, Some(1));
        let summary = Summary::new(total, Ending::Complete, 1.0, 1);
        assert!(summary.errors_truncated);
        assert_eq!(summary.articles_read, 0);
    }
}
