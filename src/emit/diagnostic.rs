//! An article's findings as [`Diagnostic`]s, located in the file they came from: what the
//! SARIF and GitHub writers take.

use crate::diagnostics::{fingerprint, Diagnostic};
use crate::document::Document;
use crate::report::FindingOut;

/// Turns an article's findings into diagnostics located in the file they came from.
///
/// For a file, positions are the finding's span in the file. For a JSON Lines record the
/// body's position inside the escaped JSON cannot be given in file columns, so the
/// diagnostic points at the record's line and the message names the record and the position
/// within its body.
pub fn findings_to_diagnostics(doc: &Document, findings: &[FindingOut]) -> Vec<Diagnostic> {
    let mut seen: Vec<(&str, &str, usize)> = Vec::new();
    findings
        .iter()
        .map(|f| {
            let text = f.span.slice(&doc.text);
            let occurrence = match seen.iter_mut().find(|(r, t, _)| *r == f.rule && *t == text) {
                Some(entry) => {
                    entry.2 += 1;
                    entry.2
                }
                None => {
                    seen.push((f.rule, text, 0));
                    0
                }
            };
            let occurrence = occurrence.to_string();
            let (line, column) = doc.line_col(f.span.start);
            let (end_line, end_column) = doc.line_col(f.span.end);
            match doc.record_line {
                None => Diagnostic {
                    rule: f.rule.to_string(),
                    severity: f.severity,
                    message: f.message.to_string(),
                    // The fix hints and the arithmetic behind the message: SARIF and GitHub
                    // annotations show them under the message, as human output does.
                    notes: f.notes.to_vec(),
                    path: doc.source.clone(),
                    line,
                    column,
                    end_line,
                    end_column,
                    snippet: Some(text.to_string()),
                    excerpt: None,
                    fingerprint: fingerprint(&[f.rule, &doc.source, text, &occurrence]),
                },
                Some(record_line) => Diagnostic {
                    rule: f.rule.to_string(),
                    severity: f.severity,
                    message: format!(
                        "{} (record `{}`, {} {line}:{column})",
                        f.message, doc.id, doc.field
                    ),
                    path: doc.source.clone(),
                    line: record_line,
                    column: 0,
                    end_line: record_line,
                    end_column: 0,
                    notes: f.notes.to_vec(),
                    snippet: None,
                    excerpt: None,
                    fingerprint: fingerprint(&[f.rule, &doc.source, &doc.id, text, &occurrence]),
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::testing;

    #[test]
    fn findings_become_diagnostics_with_end_positions() {
        let doc = testing::document();
        let report = testing::flagged_report(&doc);
        let diags = findings_to_diagnostics(&doc, &report.findings);
        assert_eq!(diags.len(), 3);
        let d = &diags[1];
        assert_eq!(d.rule, "change-mismatch");
        assert_eq!((d.line, d.column), (6, 7));
        assert_eq!((d.end_line, d.end_column), (6, 43));
        assert_eq!(
            d.snippet.as_deref(),
            Some("rose 20.8% from 72.6 mln to 87.1 mln")
        );
    }

    #[test]
    fn fingerprints_ignore_line_numbers_but_count_repeats() {
        let doc = testing::document();
        let report = testing::flagged_report(&doc);
        let before = findings_to_diagnostics(&doc, &report.findings);

        let mut shifted_doc = testing::document();
        let shift = "An extra first line.\n";
        shifted_doc.text = format!("{shift}{}", shifted_doc.text);
        shifted_doc.lines = crate::span::LineIndex::new(&shifted_doc.text);
        let mut shifted = report.findings.clone();
        for f in &mut shifted {
            f.span = crate::span::Span::new(f.span.start + shift.len(), f.span.end + shift.len());
        }
        let after = findings_to_diagnostics(&shifted_doc, &shifted);
        for (b, a) in before.iter().zip(&after) {
            assert_eq!(b.fingerprint, a.fingerprint);
            assert_eq!(b.line + 1, a.line);
        }

        let twice = [report.findings[1].clone(), report.findings[1].clone()];
        let diags = findings_to_diagnostics(&doc, &twice);
        assert_ne!(diags[0].fingerprint, diags[1].fingerprint);
    }
}
