//! What `registry check` reports: located problems, and the diagnostics the writers in
//! `emit` show them as. The codes, their classes and docs are in `diagnostics::codes`.

use crate::diagnostics::codes::{registry_class, REGISTRY};
use crate::diagnostics::{fingerprint, Diagnostic, Excerpt, RuleInfo, Severity};

pub use crate::diagnostics::Class;

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
        self.class.severity()
    }

    /// `path:line:col`, or as much of it as is known.
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (0, _) => self.path.clone(),
            (l, 0) => format!("{}:{l}", self.path),
            (l, c) => format!("{}:{l}:{c}", self.path),
        }
    }

    /// The diagnostic every writer takes. `occurrence` counts earlier problems with the same
    /// code, path and message, so that repeats get distinct fingerprints.
    pub fn to_diagnostic(&self, occurrence: usize) -> Diagnostic {
        let snippet = self.source_line.as_ref().and_then(|line| {
            let chars: String = line
                .chars()
                .skip(self.column.saturating_sub(1))
                .take(self.width.max(1))
                .collect();
            (!chars.trim().is_empty()).then_some(chars)
        });
        // An implied fact is information: its message says all, the line would be noise.
        let excerpt = match (&self.source_line, self.class) {
            (Some(line), Class::Invalid | Class::Failed) if self.line > 0 && self.column > 0 => {
                Excerpt::of_line(line, self.line, self.column, self.width)
            }
            _ => None,
        };
        let anchor = snippet.clone().unwrap_or_else(|| self.message.clone());
        Diagnostic {
            rule: self.kind.to_string(),
            severity: self.severity(),
            message: self.message.clone(),
            notes: self.notes.clone(),
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
            excerpt,
            fingerprint: fingerprint(&[self.kind, &self.path, &anchor, &occurrence.to_string()]),
        }
    }
}

/// Problems as diagnostics, in order, with fingerprints that count repeats of the same text.
pub fn diagnostics(problems: &[Problem]) -> Vec<Diagnostic> {
    let mut seen: Vec<(&str, &str, &str)> = Vec::new();
    problems
        .iter()
        .map(|p| {
            let key = (p.kind, p.path.as_str(), p.message.as_str());
            let occurrence = seen.iter().filter(|k| **k == key).count();
            seen.push(key);
            p.to_diagnostic(occurrence)
        })
        .collect()
}

/// The class of a code (Invalid for unknown codes).
pub fn class_of(kind: &str) -> Class {
    registry_class(kind)
}

/// SARIF rule metadata for every registry problem code.
pub fn rule_infos() -> Vec<RuleInfo> {
    REGISTRY.iter().map(|code| code.info()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unknown_field() -> Problem {
        Problem {
            kind: "registry-unknown-field",
            class: Class::Invalid,
            path: "claims/x.yaml".into(),
            line: 9,
            column: 5,
            width: 5,
            message: "unknown field `vaule`".into(),
            notes: vec!["did you mean `value`?".into()],
            source_line: Some("    vaule: 353".into()),
        }
    }

    #[test]
    fn diagnostics_keep_the_place_the_line_and_the_notes() {
        let d = unknown_field().to_diagnostic(0);
        assert_eq!(d.snippet.as_deref(), Some("vaule"));
        assert_eq!((d.line, d.column), (9, 5));
        assert_eq!((d.end_line, d.end_column), (9, 10));
        assert_eq!(d.notes, vec!["did you mean `value`?".to_string()]);
        let excerpt = d.excerpt.expect("an excerpt");
        assert_eq!(&excerpt.text[excerpt.range], "vaule");
    }

    #[test]
    fn implied_facts_show_no_line_and_repeats_get_their_own_fingerprint() {
        let mut p = unknown_field();
        p.class = Class::Info;
        assert_eq!(p.to_diagnostic(0).excerpt, None);
        let diags = diagnostics(&[unknown_field(), unknown_field()]);
        assert_ne!(diags[0].fingerprint, diags[1].fingerprint);
    }
}
