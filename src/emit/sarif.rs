//! SARIF 2.1.0 output, for code-scanning dashboards. Generic over [`Diagnostic`]s so both
//! `check` (article findings) and `registry check` (registry problems) write it the same way.

use super::diagnostic::findings_to_diagnostics;
use super::{Emitter, Tally};
use crate::diagnostics::codes::INPUT_ERROR;
use crate::diagnostics::{Diagnostic, RuleInfo, Severity};
use crate::document::Document;
use crate::report::ArticleReport;
use serde_json::{json, Map, Value};
use std::io::{self, Write};

/// Every article rule, from the one catalogue that also feeds `rules` and `explain`.
pub fn article_rules() -> Vec<RuleInfo> {
    crate::rules::RULES
        .iter()
        .map(|r| RuleInfo {
            id: r.name.to_string(),
            short: r.summary.to_string(),
            full_markdown: r.docs.to_string(),
            default_severity: r.severity,
        })
        .collect()
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a SARIF artifact URI: relative paths stay relative (with `/` separators and
/// percent-encoding), absolute ones are made relative to the working directory when they are
/// under it, and are `file://` URIs otherwise.
pub fn artifact_uri(path: &str) -> String {
    let mut p = path.replace('\\', "/");
    let absolute = p.starts_with('/') || p.get(1..3) == Some(":/");
    if absolute {
        if let Ok(cwd) = std::env::current_dir() {
            let cwd = cwd.to_string_lossy().replace('\\', "/");
            if let Some(rest) = p.strip_prefix(cwd.trim_end_matches('/')) {
                if let Some(rest) = rest.strip_prefix('/') {
                    return encode(rest);
                }
            }
        }
        if !p.starts_with('/') {
            p.insert(0, '/');
        }
        return format!("file://{}", encode(&p));
    }
    while let Some(rest) = p.strip_prefix("./") {
        p = rest.to_string();
    }
    encode(&p)
}

/// Percent-encodes everything but unreserved characters and `/`.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn location(d: &Diagnostic) -> Value {
    let mut physical = Map::new();
    physical.insert(
        "artifactLocation".into(),
        json!({ "uri": artifact_uri(&d.path) }),
    );
    if d.line > 0 {
        let mut region = Map::new();
        for (name, value) in [
            ("startLine", d.line),
            ("startColumn", d.column),
            ("endLine", d.end_line),
            ("endColumn", d.end_column),
        ] {
            if value > 0 {
                region.insert(name.into(), json!(value));
            }
        }
        if let Some(snippet) = &d.snippet {
            region.insert("snippet".into(), json!({ "text": snippet }));
        }
        physical.insert("region".into(), Value::Object(region));
    }
    json!([{ "physicalLocation": physical }])
}

fn result(rules: &[RuleInfo], d: &Diagnostic) -> Value {
    let mut r = Map::new();
    r.insert("ruleId".into(), json!(d.rule));
    if let Some(index) = rules.iter().position(|rule| rule.id == d.rule) {
        r.insert("ruleIndex".into(), json!(index));
    }
    r.insert("level".into(), json!(level(d.severity)));
    r.insert("message".into(), json!({ "text": d.full_message() }));
    if !d.path.is_empty() {
        r.insert("locations".into(), location(d));
    }
    r.insert(
        "partialFingerprints".into(),
        json!({ "claimcheck/v1": d.fingerprint }),
    );
    // The message's text ends with the notes (the fix hint, the arithmetic) for dashboards;
    // the property bag keeps them apart for programs.
    if !d.notes.is_empty() {
        r.insert("properties".into(), json!({ "notes": d.notes }));
    }
    Value::Object(r)
}

fn notification(d: &Diagnostic) -> Value {
    let mut n = Map::new();
    n.insert("level".into(), json!(level(d.severity)));
    n.insert("message".into(), json!({ "text": d.full_message() }));
    if !d.path.is_empty() {
        n.insert("locations".into(), location(d));
    }
    Value::Object(n)
}

/// The SARIF log as a JSON value. `notifications` are problems of the run itself (an input
/// that could not be read) rather than results; any error among them marks the run as not
/// successful.
pub fn sarif_log(rules: &[RuleInfo], diags: &[Diagnostic], notifications: &[Diagnostic]) -> Value {
    let mut driver = Map::new();
    driver.insert("name".into(), json!("claimcheck"));
    driver.insert("version".into(), json!(env!("CARGO_PKG_VERSION")));
    driver.insert("semanticVersion".into(), json!(env!("CARGO_PKG_VERSION")));
    let uri = option_env!("CARGO_PKG_REPOSITORY").unwrap_or("");
    if !uri.is_empty() {
        driver.insert("informationUri".into(), json!(uri));
    }
    driver.insert(
        "rules".into(),
        rules
            .iter()
            .map(|rule| {
                json!({
                    "id": rule.id,
                    "shortDescription": { "text": rule.short },
                    "fullDescription": { "text": rule.full_markdown, "markdown": rule.full_markdown },
                    "help": { "text": rule.full_markdown, "markdown": rule.full_markdown },
                    "defaultConfiguration": { "level": level(rule.default_severity) },
                })
            })
            .collect(),
    );
    let mut invocation = Map::new();
    invocation.insert(
        "executionSuccessful".into(),
        json!(!notifications.iter().any(|n| n.severity == Severity::Error)),
    );
    if !notifications.is_empty() {
        invocation.insert(
            "toolExecutionNotifications".into(),
            notifications.iter().map(notification).collect(),
        );
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": driver },
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "results": diags.iter().map(|d| result(rules, d)).collect::<Vec<_>>(),
        }],
    })
}

/// Writes a SARIF 2.1.0 log with one run.
pub fn write_sarif(w: &mut dyn Write, rules: &[RuleInfo], diags: &[Diagnostic]) -> io::Result<()> {
    write_sarif_with_notifications(w, rules, diags, &[])
}

/// [`write_sarif`], with run-level notifications (see [`sarif_log`]).
pub fn write_sarif_with_notifications(
    w: &mut dyn Write,
    rules: &[RuleInfo],
    diags: &[Diagnostic],
    notifications: &[Diagnostic],
) -> io::Result<()> {
    let log = sarif_log(rules, diags, notifications);
    serde_json::to_writer_pretty(&mut *w, &log).map_err(io::Error::from)?;
    w.write_all(b"\n")
}

/// `--format sarif`: buffers every diagnostic, writes the log at the end.
#[derive(Default)]
pub struct SarifEmitter {
    diags: Vec<Diagnostic>,
    notifications: Vec<Diagnostic>,
}

impl Emitter for SarifEmitter {
    fn article(
        &mut self,
        _w: &mut dyn Write,
        report: &ArticleReport,
        doc: Option<&Document>,
    ) -> io::Result<()> {
        match (doc, &report.error) {
            (Some(doc), None) => self
                .diags
                .extend(findings_to_diagnostics(doc, &report.findings)),
            (_, Some(error)) => self.notifications.push(Diagnostic {
                rule: INPUT_ERROR.into(),
                severity: Severity::Error,
                message: error.clone(),
                notes: Vec::new(),
                path: report.source.clone(),
                line: report.line.unwrap_or(0),
                column: 0,
                end_line: 0,
                end_column: 0,
                snippet: None,
                excerpt: None,
                fingerprint: String::new(),
            }),
            (None, None) => {}
        }
        Ok(())
    }

    fn diagnostics(
        &mut self,
        w: &mut dyn Write,
        rules: &[RuleInfo],
        diags: &[Diagnostic],
    ) -> io::Result<()> {
        write_sarif(w, rules, diags)
    }

    fn finish(&mut self, w: &mut dyn Write, _tally: &Tally) -> io::Result<()> {
        write_sarif_with_notifications(w, &article_rules(), &self.diags, &self.notifications)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::testing;

    fn rules() -> Vec<RuleInfo> {
        [
            "change-mismatch",
            "points-vs-percent",
            "times-more-ambiguity",
        ]
        .iter()
        .map(|id| RuleInfo {
            id: id.to_string(),
            short: format!("{id} in one line"),
            full_markdown: format!("## What it does\n\nChecks {id}."),
            default_severity: Severity::Error,
        })
        .collect()
    }

    #[test]
    fn every_code_names_one_thing() {
        let mut ids: Vec<String> = article_rules().into_iter().map(|r| r.id).collect();
        ids.extend(
            crate::diagnostics::codes::REGISTRY
                .iter()
                .map(|c| c.id.to_string()),
        );
        ids.push(INPUT_ERROR.to_string());
        let count = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), count, "a rule and a code share an id: {ids:?}");
    }

    #[test]
    fn uris_are_relative_and_encoded() {
        assert_eq!(artifact_uri("./articles/a b.md"), "articles/a%20b.md");
        assert_eq!(artifact_uri("claims\\x.yaml"), "claims/x.yaml");
        let cwd = std::env::current_dir().unwrap();
        let inside = cwd.join("articles").join("c.md");
        assert_eq!(artifact_uri(&inside.to_string_lossy()), "articles/c.md");
        assert_eq!(
            artifact_uri("/nowhere/else/ü.md"),
            "file:///nowhere/else/%C3%BC.md"
        );
    }

    #[test]
    fn sarif_log_snapshot() {
        let doc = testing::document();
        let report = testing::flagged_report(&doc);
        let diags = findings_to_diagnostics(&doc, &report.findings);
        let read_error = Diagnostic {
            rule: "input-error".into(),
            severity: Severity::Error,
            message: "expected `:` after a key".into(),
            notes: Vec::new(),
            path: "archive.jsonl".into(),
            line: 12,
            column: 7,
            end_line: 0,
            end_column: 0,
            snippet: None,
            excerpt: None,
            fingerprint: String::new(),
        };
        let mut log = sarif_log(&rules(), &diags, &[read_error]);
        // The version changes with every release; the snapshot should not.
        let driver = &mut log["runs"][0]["tool"]["driver"];
        driver["version"] = json!("[version]");
        driver["semanticVersion"] = json!("[version]");
        insta::assert_json_snapshot!(log);
    }
}
