//! Diagnostics: a located message independent of where it came from, the common input of the
//! SARIF and GitHub writers (article findings and registry errors alike).

use crate::document::Document;
use crate::finding::Severity;
use crate::report::FindingOut;
use serde::Serialize;

/// One located message for machine-readable formats.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The rule or error code ("change-mismatch", "registry-unknown-field").
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// The file, as given on the command line or found in a folder.
    pub path: String,
    /// 1-based position in `path`; 0 means unknown (the field is then left out).
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub end_line: usize,
    /// 1-based, exclusive, in characters.
    pub end_column: usize,
    /// The flagged text, when known (SARIF `region.snippet`).
    pub snippet: Option<String>,
    /// Stable identity across runs: see [`fingerprint`].
    pub fingerprint: String,
}

/// A 64-bit FNV-1a hash of the parts, as 16 hex digits. Stable across runs, platforms and
/// compiler versions (unlike `std`'s `DefaultHasher`), so CI can track a finding over time.
///
/// Pass the rule, the path (plus a record id for archives), the flagged text and its
/// occurrence index among identical (rule, text) pairs in that file: never line numbers, so
/// editing an unrelated paragraph does not make every later finding look new.
pub fn fingerprint(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &byte in part.as_bytes().iter().chain(std::iter::once(&0xff)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

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
                    path: doc.source.clone(),
                    line,
                    column,
                    end_line,
                    end_column,
                    snippet: Some(text.to_string()),
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
                    snippet: None,
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
    fn fingerprints_are_stable_and_separate_their_parts() {
        assert_eq!(fingerprint(&["a", "b"]), fingerprint(&["a", "b"]));
        assert_ne!(fingerprint(&["ab", ""]), fingerprint(&["a", "b"]));
        // Pinned: a change here would make every CI finding look new.
        assert_eq!(fingerprint(&[]), "cbf29ce484222325");
    }

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
