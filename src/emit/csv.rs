//! `--format csv`: one row per finding (columns in docs/output.md), the same rows that
//! `claimcheck report` writes beside its dashboard.

use super::dashboard::{Row, CSV_HEADER};
use super::{Emitter, Tally};
use crate::diagnostics::{Diagnostic, RuleInfo};
use crate::document::Document;
use crate::report::{ArticleReport, Report};
use std::io::{self, Write};

/// `--format csv`: the header, then a row for each finding of each article.
#[derive(Default)]
pub struct Csv {
    started: bool,
}

impl Csv {
    fn header(&mut self, w: &mut dyn Write) -> io::Result<()> {
        if !self.started {
            self.started = true;
            writeln!(w, "{CSV_HEADER}")?;
        }
        Ok(())
    }
}

/// The rows of one article's findings (of an owned report, or of one borrowing its article, as
/// the Python package's Spark job has it).
pub fn rows<'r>(report: &'r Report<'_>) -> impl Iterator<Item = Row> + 'r {
    let date = report.date.map(|d| d.to_string()).unwrap_or_default();
    report.findings.iter().map(move |f| Row {
        id: report.id.clone(),
        source: report.source.clone(),
        date: date.clone(),
        rule: f.rule.to_string(),
        severity: f.severity,
        line: f.line,
        column: f.column,
        claim: f
            .claims
            .first()
            .and_then(|id| report.claims.iter().find(|c| c.id == *id))
            .map(|c| c.text.to_string())
            .unwrap_or_default(),
        message: f.message.to_string(),
        notes: f.notes.to_vec(),
    })
}

impl Emitter for Csv {
    fn article(
        &mut self,
        w: &mut dyn Write,
        report: &ArticleReport,
        _doc: Option<&Document>,
    ) -> io::Result<()> {
        self.header(w)?;
        for row in rows(report) {
            w.write_all(row.csv().as_bytes())?;
        }
        Ok(())
    }

    /// A registry's problems have no article: they are not findings of this table.
    fn diagnostics(
        &mut self,
        w: &mut dyn Write,
        _rules: &[RuleInfo],
        _diags: &[Diagnostic],
    ) -> io::Result<()> {
        self.header(w)
    }

    fn finish(&mut self, w: &mut dyn Write, _tally: &Tally) -> io::Result<()> {
        self.header(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::testing;

    #[test]
    fn one_row_per_finding_after_the_header() {
        let doc = testing::document();
        let mut out = Vec::new();
        let mut csv = Csv::default();
        csv.article(&mut out, &testing::flagged_report(&doc), Some(&doc))
            .unwrap();
        csv.article(&mut out, &testing::clean_report(&doc), Some(&doc))
            .unwrap();
        csv.finish(&mut out, &Tally::default()).unwrap();
        let out = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], CSV_HEADER);
        assert_eq!(lines.len(), 4);
        assert_eq!(
            lines[2],
            "magnets,articles/magnets.md,2025-07-21,change-mismatch,error,6,7,87.1 mln dlrs,a 20.8% rise from 72.6 mln to 87.1 mln is impossible: those figures give +19.8% to +20.1%,"
        );
        // No findings: the header alone.
        let mut empty = Vec::new();
        Csv::default()
            .finish(&mut empty, &Tally::default())
            .unwrap();
        assert_eq!(String::from_utf8(empty).unwrap(), format!("{CSV_HEADER}\n"));
    }
}
