//! What `registry check` reports: located problems, their kinds (with docs for SARIF), and
//! the human rendering (`path:line:col: error[kind]: message`, the line, a caret, notes).

use crate::emit::diagnostic::{fingerprint, Diagnostic};
use crate::emit::sarif::RuleInfo;
use crate::finding::Severity;
use std::fmt::Write as _;

/// How a problem bears on the exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// Information (an implied fact): exit 0.
    Info,
    /// A relation that does not hold: exit 1.
    Failed,
    /// The registry cannot be read as intended: exit 2.
    Invalid,
}

/// One located problem in the registry.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub kind: &'static str,
    pub class: Class,
    pub path: String,
    /// 1-based; 0 when unknown.
    pub line: usize,
    /// 1-based, in characters; 0 when unknown.
    pub column: usize,
    /// Characters to underline from `column`.
    pub width: usize,
    pub message: String,
    pub notes: Vec<String>,
    /// The source line, for human output.
    pub source_line: Option<String>,
}

impl Problem {
    pub fn severity(&self) -> Severity {
        match self.class {
            Class::Invalid | Class::Failed => Severity::Error,
            Class::Info => Severity::Info,
        }
    }

    /// `path:line:col`, or as much of it as is known.
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (0, _) => self.path.clone(),
            (l, 0) => format!("{}:{l}", self.path),
            (l, c) => format!("{}:{l}:{c}", self.path),
        }
    }

    /// The diagnostic the SARIF and GitHub writers take; notes are folded into the message.
    pub fn to_diagnostic(&self, occurrence: usize) -> Diagnostic {
        let mut message = self.message.clone();
        for note in &self.notes {
            message.push('\n');
            message.push_str(note);
        }
        let snippet = self.source_line.as_ref().and_then(|line| {
            let chars: String = line
                .chars()
                .skip(self.column.saturating_sub(1))
                .take(self.width.max(1))
                .collect();
            (!chars.trim().is_empty()).then_some(chars)
        });
        let anchor = snippet.clone().unwrap_or_else(|| self.message.clone());
        Diagnostic {
            rule: self.kind.to_string(),
            severity: self.severity(),
            message,
            path: self.path.clone(),
            line: self.line,
            column: self.column,
            end_line: if self.line > 0 { self.line } else { 0 },
            end_column: if self.column > 0 {
                self.column + self.width.max(1)
            } else {
                0
            },
            snippet,
            fingerprint: fingerprint(&[self.kind, &self.path, &anchor, &occurrence.to_string()]),
        }
    }

    /// rustc-style text: header, source line with a caret underline, notes.
    pub fn render(&self) -> String {
        let mut out = format!(
            "{}: {}[{}]: {}\n",
            self.location(),
            self.severity(),
            self.kind,
            self.message
        );
        let gutter = " ".repeat(self.line.to_string().len());
        // An implied fact is information: its header says all, the line would be noise.
        let show_line = self.column > 0 && self.class != Class::Info;
        if let (Some(line), true) = (&self.source_line, show_line) {
            let _ = writeln!(out, "{gutter} |");
            // Long lines (a hostile file, minified YAML) are cut to a window around the column.
            const WINDOW: usize = 100;
            let skip = self.column.saturating_sub(WINDOW / 2).saturating_sub(1);
            let shown: String = line.trim_end().chars().skip(skip).take(WINDOW).collect();
            let (open, close) = (
                if skip > 0 { "…" } else { "" },
                if line.trim_end().chars().count() > skip + WINDOW {
                    "…"
                } else {
                    ""
                },
            );
            let _ = writeln!(out, "{} | {open}{shown}{close}", self.line);
            let pad: String = line
                .chars()
                .skip(skip)
                .take(self.column - 1 - skip)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let width = self
                .width
                .max(1)
                .min(WINDOW + 1 - (self.column - skip).min(WINDOW));
            let _ = writeln!(
                out,
                "{gutter} | {}{pad}{}",
                if skip > 0 { " " } else { "" },
                "^".repeat(width.max(1))
            );
        }
        for note in &self.notes {
            let _ = writeln!(out, "{gutter} = note: {note}");
        }
        out
    }
}

/// Every kind of registry problem: (kind, class, one line, docs).
pub const KINDS: &[(&str, Class, &str, &str)] = &[
    ("registry-bad-pattern", Class::Invalid, "a match or exclude pattern is not a valid regex", "A fact's `match` and `exclude` entries are regular expressions (Rust `regex` syntax, case-sensitive unless they start with `(?i)`). Fix the pattern; escape `.`, `(` and `\\\\` when they are meant literally."),
    ("registry-bad-period", Class::Invalid, "a period that cannot be read", "Periods are written 2025, FY2025, 2025-H1, 2025-Q2, 2025-06 or 2025-06-07."),
    ("registry-bad-relation", Class::Invalid, "a relation of the wrong shape or with incompatible units", "A relation is exactly one of `change: {from, to}` with `stated`, `part` with `whole`, or `sum: [...]` with `total`; its facts must share a unit (points changes need `%` facts)."),
    ("registry-bad-unit", Class::Invalid, "a unit that cannot be read", "Units are canonical codes (t, kg, bbl, bpd, oz, MW, GW, km, mi, people, jobs, USD, GBP, EUR, JPY, CNY, %, pp) or unit words the English tables know (tonnes, dlrs)."),
    ("registry-bad-value", Class::Invalid, "a value, stated change or date that cannot be read", "Values are written as in articles (353, 22,319, 46.4, 1.2 billion) and keep that precision; stated changes carry a sign and a unit (+157.5%, -38.1%, +2.5pp, x7, >x7); dates are YYYY-MM-DD."),
    ("registry-change-mismatch", Class::Failed, "a stated change that the two values cannot produce", "The values of `from` and `to`, under every rounding their writing allows, cannot give the stated change. One of the three figures is wrong."),
    ("registry-cycle", Class::Invalid, "relations that form a cycle", "Changes go from one fact to another, parts into wholes, parts into totals; following them must never come back to where it started."),
    ("registry-duplicate-id", Class::Invalid, "a fact or source id defined twice", "Ids are unique across every file of the registry."),
    ("registry-implied-conflict", Class::Failed, "relations that imply incompatible values for one fact", "Two relations imply values for the same fact that no single value can satisfy."),
    ("registry-implied-fact", Class::Info, "a fact a relation implies, with its interval", "A fact without a value is implied by a relation (a stated change from a known value, a sum); the registry reports the interval it can take, as for implied baselines in articles."),
    ("registry-invalid-type", Class::Invalid, "a field of the wrong type, or a key given twice", "Each field has one type: ids, `what`, `unit`, `source` are strings; `match` is a list of strings; `value` is a number or a string."),
    ("registry-io", Class::Invalid, "a file or folder that cannot be read", "The path does not exist, is not readable, or is not UTF-8."),
    ("registry-limit", Class::Invalid, "a file too large, too deeply nested, or with aliases that expand too far", "Registry files are at most 10 MiB, nest at most 128 levels, and their aliases may not expand to more than 100 times the document's size (\"billion laughs\")."),
    ("registry-missing-field", Class::Invalid, "a required field is missing", "A file needs `topic`; a fact needs `id`, `what`, `match`, `period`, `unit` and `source` (and `value` unless a relation implies it); a source needs `name`."),
    ("registry-part-exceeds-whole", Class::Failed, "a part larger than its whole", "The part's smallest possible value is larger than the whole's largest one."),
    ("registry-sum-mismatch", Class::Failed, "parts that do not add up to their total", "Every part is given, and no rounding of them adds up to the total."),
    ("registry-truncated-change", Class::Info, "a stated change that holds only if it was truncated", "The change holds when its last digit was cut off rather than rounded, as newswires often do."),
    ("registry-unknown-field", Class::Invalid, "a field the registry does not know (a typo?)", "Unknown fields are errors so that a typo such as `vaule:` cannot silently drop a value."),
    ("registry-unknown-reference", Class::Invalid, "a reference to a fact or source id that does not exist", "Relations refer to fact ids and facts to source ids, in any file of the registry."),
    ("registry-unresolved-fact", Class::Invalid, "a fact with no value that no relation implies", "Give the fact a `value`, or a relation (a change from a known fact, or a sum) that implies it."),
    ("registry-yaml-syntax", Class::Invalid, "a file that is not valid YAML", "The file could not be parsed as YAML."),
];

/// The class of a kind (Invalid for unknown kinds).
pub fn class_of(kind: &str) -> Class {
    KINDS
        .iter()
        .find(|k| k.0 == kind)
        .map_or(Class::Invalid, |k| k.1)
}

/// SARIF rule metadata for every registry problem kind.
pub fn rule_infos() -> Vec<RuleInfo> {
    KINDS
        .iter()
        .map(|&(id, class, short, docs)| RuleInfo {
            id: id.to_string(),
            short: short.to_string(),
            full_markdown: docs.to_string(),
            default_severity: match class {
                Class::Info => Severity::Info,
                _ => Severity::Error,
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_sorted_unique_and_documented() {
        for pair in KINDS.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} before {}", pair[0].0, pair[1].0);
        }
        assert!(KINDS.iter().all(|k| !k.2.is_empty() && !k.3.is_empty()));
    }

    #[test]
    fn renders_like_rustc() {
        let p = Problem {
            kind: "registry-unknown-field",
            class: Class::Invalid,
            path: "claims/x.yaml".into(),
            line: 9,
            column: 5,
            width: 5,
            message: "unknown field `vaule`".into(),
            notes: vec!["did you mean `value`?".into()],
            source_line: Some("    vaule: 353".into()),
        };
        assert_eq!(
            p.render(),
            "claims/x.yaml:9:5: error[registry-unknown-field]: unknown field `vaule`\n  |\n9 |     vaule: 353\n  |     ^^^^^\n  = note: did you mean `value`?\n"
        );
        let d = p.to_diagnostic(0);
        assert_eq!(d.snippet.as_deref(), Some("vaule"));
        assert_eq!((d.end_line, d.end_column), (9, 10));
    }
}
