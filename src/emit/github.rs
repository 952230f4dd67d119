//! GitHub Actions workflow commands: one `::error file=...::message` line per diagnostic, which
//! GitHub shows as an annotation on the file and line.

use super::diagnostic::findings_to_diagnostics;
use super::{Emitter, Tally};
use crate::diagnostics::{Diagnostic, RuleInfo, Severity};
use crate::document::Document;
use crate::report::ArticleReport;
use std::io::{self, Write};

/// Escapes a command's message (`%`, CR and LF), as the runner's `escapeData` does.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property value: as data, plus `:` and `,`, which end a property.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Writes one workflow command per diagnostic. Positions of 0 (unknown) are left out.
pub fn write_github(w: &mut dyn Write, diags: &[Diagnostic]) -> io::Result<()> {
    for d in diags {
        let mut props = format!("file={}", escape_property(&d.path));
        for (name, value) in [
            ("line", d.line),
            ("col", d.column),
            ("endLine", d.end_line),
            ("endColumn", d.end_column),
        ] {
            if value > 0 {
                props.push_str(&format!(",{name}={value}"));
            }
        }
        props.push_str(&format!(",title={}", escape_property(&d.rule)));
        writeln!(
            w,
            "::{} {props}::{}",
            command(d.severity),
            escape_data(&d.full_message())
        )?;
    }
    Ok(())
}

/// The `--format github` writer: annotations per article, and read errors as `::error`.
pub struct GithubEmitter;

impl Emitter for GithubEmitter {
    fn article(
        &mut self,
        w: &mut dyn Write,
        report: &ArticleReport,
        doc: Option<&Document>,
    ) -> io::Result<()> {
        match (doc, &report.error) {
            (Some(doc), None) => write_github(w, &findings_to_diagnostics(doc, &report.findings)),
            (_, Some(error)) => writeln!(
                w,
                "::error file={}{}::{}",
                escape_property(&report.source),
                report.line.map_or(String::new(), |l| format!(",line={l}")),
                escape_data(error)
            ),
            (None, None) => Ok(()),
        }
    }

    fn diagnostics(
        &mut self,
        w: &mut dyn Write,
        _rules: &[RuleInfo],
        diags: &[Diagnostic],
    ) -> io::Result<()> {
        write_github(w, diags)
    }

    fn finish(&mut self, _w: &mut dyn Write, _tally: &Tally) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::testing;

    #[test]
    fn escapes_follow_the_runner() {
        assert_eq!(escape_data("100%\r\nok: a,b"), "100%25%0D%0Aok: a,b");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }

    #[test]
    fn annotations_for_a_flagged_article() {
        let doc = testing::document();
        let report = testing::flagged_report(&doc);
        let mut out = Vec::new();
        GithubEmitter
            .article(&mut out, &report, Some(&doc))
            .unwrap();
        insta::assert_snapshot!(String::from_utf8(out).unwrap());
    }

    #[test]
    fn unknown_positions_are_left_out() {
        let d = Diagnostic {
            rule: "registry-duplicate-id".into(),
            severity: Severity::Warning,
            message: "duplicate id".into(),
            notes: vec!["first defined at claims/a.yaml:3:5".into()],
            path: "claims/my file, v2.yaml".into(),
            line: 7,
            column: 0,
            end_line: 0,
            end_column: 0,
            snippet: None,
            excerpt: None,
            fingerprint: String::new(),
        };
        let mut out = Vec::new();
        write_github(&mut out, &[d]).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "::warning file=claims/my file%2C v2.yaml,line=7,title=registry-duplicate-id::duplicate id%0Afirst defined at claims/a.yaml:3:5\n"
        );
    }
}
