//! Inline suppressions: a reviewed finding silenced where it is. In an article's text,
//! `<!-- claimcheck-ignore RULE, RULE: reason -->` covers one line and
//! `<!-- claimcheck-ignore-file RULE: reason -->` the whole file; in a JSON Lines record,
//! the field `claimcheck_ignore: ["RULE", ...]` covers the record. A suppression that
//! silences nothing becomes an `unused-suppression` finding, so stale ones are found.

use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::rules::{unused_suppression, RULES};
use crate::source::InputError;
use crate::span::Span;
use serde::Serialize;

/// The comment that covers one line.
pub const LINE_MARKER: &str = "claimcheck-ignore";
/// The comment that covers the whole file.
pub const FILE_MARKER: &str = "claimcheck-ignore-file";
/// The record field that covers the whole record.
pub const RECORD_FIELD: &str = "claimcheck_ignore";

/// What a suppression covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Findings whose words are on this 1-based line.
    Line(usize),
    /// Every finding of the article.
    Article,
}

/// One suppression, read from a comment or a record field.
#[derive(Clone, Debug, PartialEq)]
pub struct Directive {
    /// The rules it silences; empty for every rule.
    pub rules: Vec<&'static str>,
    pub scope: Scope,
    /// The text after the colon, when there is one.
    pub reason: Option<String>,
    /// The comment; for a record's field, an empty span at the start of the body.
    pub span: Span,
    /// Whether it is a record's field rather than a comment.
    pub field: bool,
}

impl Directive {
    fn covers(&self, doc: &Document, f: &Finding) -> bool {
        if !self.rules.is_empty() && !self.rules.contains(&f.rule) {
            return false;
        }
        match self.scope {
            Scope::Article => true,
            Scope::Line(line) => {
                let first = doc.line_col(f.span.start).0;
                let last = doc.line_col(f.span.end.max(f.span.start + 1) - 1).0;
                (first..=last.max(first)).contains(&line)
            }
        }
    }
}

/// A finding a suppression silenced, with the suppression's reason: the output keeps it, so
/// the review stays visible.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Suppressed {
    pub finding: Finding,
    pub reason: Option<String>,
    /// The suppression comment's span; `None` for a record's field.
    pub directive: Option<Span>,
}

/// The suppressions of an article: its comments (in the hidden spans of a file's text, so a
/// suppression shown in a code block is an example, not a suppression) and a record's
/// `claimcheck_ignore` field. An unknown rule or a misspelt marker is an error at its line
/// and column, with the nearest name.
pub fn directives(doc: &Document) -> Result<Vec<Directive>, InputError> {
    let mut out = Vec::new();
    for &span in &doc.hidden {
        let comment = span.slice(&doc.text);
        let Some(inner) = comment.strip_prefix("<!--") else {
            continue;
        };
        let inner = inner.strip_suffix("-->").unwrap_or(inner);
        if let Some(d) = comment_directive(doc, span, inner)? {
            out.push(d);
        }
    }
    if let Some(value) = doc.meta.get(RECORD_FIELD) {
        out.push(field_directive(doc, value)?);
    }
    Ok(out)
}

/// The directive in one comment whose text between `<!--` and `-->` is `inner`, if it is one.
fn comment_directive(
    doc: &Document,
    span: Span,
    inner: &str,
) -> Result<Option<Directive>, InputError> {
    let lead = inner.len() - inner.trim_start().len();
    let body = inner.trim_start();
    let word_end = body
        .find(|c: char| c.is_whitespace() || c == ':')
        .unwrap_or(body.len());
    let word = &body[..word_end];
    let at = span.start + 4 + lead;
    let scope = match word {
        FILE_MARKER => Scope::Article,
        LINE_MARKER => Scope::Line(covered_line(doc, span)),
        _ if word.starts_with("claimcheck-") => {
            let hint = crate::suggest::did_you_mean(word, [LINE_MARKER, FILE_MARKER]);
            return Err(error_at(
                doc,
                at,
                format!("unknown directive `{word}`{hint}"),
            ));
        }
        _ => return Ok(None),
    };
    let rest = &body[word_end..];
    let (list, reason) = match rest.split_once(':') {
        Some((list, reason)) => (list, Some(reason.trim()).filter(|r| !r.is_empty())),
        None => (rest, None),
    };
    let list_at = at + word_end;
    let mut rules = Vec::new();
    for (offset, name) in names(list) {
        rules.push(rule(name).map_err(|m| error_at(doc, list_at + offset, m))?);
    }
    Ok(Some(Directive {
        rules,
        scope,
        reason: reason.map(str::to_string),
        span,
        field: false,
    }))
}

/// The comma- or space-separated names of a rule list, with their byte offsets in it.
fn names(list: &str) -> impl Iterator<Item = (usize, &str)> {
    list.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|n| !n.is_empty())
        .map(move |n| (n.as_ptr() as usize - list.as_ptr() as usize, n))
}

/// The line a line comment covers: its own when words stand before or after it on its line,
/// else the next line (the comment sits on the line before the claim).
fn covered_line(doc: &Document, span: Span) -> usize {
    let text = &doc.text;
    let first = doc.line_col(span.start).0;
    let last = doc.line_col(span.end.max(span.start + 1) - 1).0;
    let before = Span::new(doc.lines.line_span(text, first).start, span.start);
    let after = Span::new(span.end, doc.lines.line_span(text, last).end.max(span.end));
    if !before.slice(text).trim().is_empty() {
        first
    } else if !after.slice(text).trim().is_empty() {
        last
    } else {
        last + 1
    }
}

/// A record's `claimcheck_ignore`: a list of rule names (an empty list covers every rule).
fn field_directive(doc: &Document, value: &serde_json::Value) -> Result<Directive, InputError> {
    let line = doc.record_line.unwrap_or(1);
    let error = |message: String| {
        InputError::new(&doc.source, line, 1, format!("`{RECORD_FIELD}`: {message}"))
            .with_id(Some(doc.id.clone()))
    };
    let list = value
        .as_array()
        .ok_or_else(|| error("expected a list of rule names".into()))?;
    let mut rules = Vec::new();
    for item in list {
        let name = item
            .as_str()
            .ok_or_else(|| error(format!("expected a rule name, found {item}")))?;
        rules.push(rule(name).map_err(error)?);
    }
    Ok(Directive {
        rules,
        scope: Scope::Article,
        reason: None,
        span: Span::new(doc.body.start, doc.body.start),
        field: true,
    })
}

/// A rule's name as the catalogue holds it, or why it is not one.
pub fn rule(name: &str) -> Result<&'static str, String> {
    match RULES.iter().find(|r| r.name == name) {
        Some(r) => Ok(r.name),
        None => {
            let hint = crate::suggest::did_you_mean(name, RULES.iter().map(|r| r.name));
            Err(format!(
                "unknown rule `{name}`{hint} (`claimcheck rules` lists them)"
            ))
        }
    }
}

fn error_at(doc: &Document, offset: usize, message: String) -> InputError {
    let (line, column) = doc.line_col(offset);
    InputError::new(&doc.source, line, column, message).with_id(Some(doc.id.clone()))
}

/// Takes the findings the directives cover out of `findings` and returns them with their
/// reasons; each directive that covered none adds an `unused-suppression` finding. The
/// findings stay sorted by position.
pub fn apply(
    doc: &Document,
    directives: &[Directive],
    findings: &mut Vec<Finding>,
) -> Vec<Suppressed> {
    if directives.is_empty() {
        return Vec::new();
    }
    let mut used = vec![false; directives.len()];
    let mut suppressed = Vec::new();
    findings.retain(|f| {
        let Some(i) = directives.iter().position(|d| d.covers(doc, f)) else {
            return true;
        };
        used[i] = true;
        let d = &directives[i];
        suppressed.push(Suppressed {
            finding: f.clone(),
            reason: d.reason.clone(),
            directive: (!d.field).then_some(d.span),
        });
        false
    });
    for (d, _) in directives.iter().zip(&used).filter(|(_, &u)| !u) {
        findings.push(unused(d));
    }
    findings.sort_by(|a, b| (a.span.start, a.rule).cmp(&(b.span.start, b.rule)));
    suppressed
}

/// The finding for a directive that silenced nothing.
fn unused(d: &Directive) -> Finding {
    let rules = if d.rules.is_empty() {
        "any rule".to_string()
    } else {
        d.rules
            .iter()
            .map(|r| format!("`{r}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let place = match d.scope {
        _ if d.field => "in this record".to_string(),
        Scope::Article => "in this file".to_string(),
        Scope::Line(line) => format!("on line {line}"),
    };
    let what = if d.field {
        format!("`{RECORD_FIELD}`")
    } else {
        "this suppression".to_string()
    };
    Finding {
        rule: unused_suppression::NAME,
        severity: Severity::Info,
        span: d.span,
        message: format!("{what} silences {rules}, but there is no such finding {place}"),
        claims: Vec::new(),
        notes: vec!["remove it, or move it to the line before the finding".to_string()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        let mut d = Document::new(
            "a".into(),
            "a.md".into(),
            text.into(),
            Span::new(0, text.len()),
        );
        d.hidden = crate::markdown::hidden_spans(text, d.body);
        d
    }

    fn finding(text: &str, words: &str, rule: &'static str) -> Finding {
        crate::rules::test_support::finding_on(text, words, 0, rule)
    }

    #[test]
    fn a_comment_covers_its_own_line_or_the_next() {
        let text = "<!-- claimcheck-ignore change-mismatch: revised -->\nA rose 5%.\n\
                    B fell 3%. <!-- claimcheck-ignore -->\nC rose 7%.\n";
        let d = doc(text);
        let ds = directives(&d).unwrap();
        assert_eq!(ds.len(), 2);
        assert_eq!(ds[0].scope, Scope::Line(2));
        assert_eq!(ds[0].rules, ["change-mismatch"]);
        assert_eq!(ds[0].reason.as_deref(), Some("revised"));
        assert_eq!(ds[1].scope, Scope::Line(3));
        assert!(ds[1].rules.is_empty());
        let mut findings = vec![
            finding(text, "rose 5%", "change-mismatch"),
            finding(text, "fell 3%", "direction-mismatch"),
            finding(text, "rose 7%", "change-mismatch"),
        ];
        let gone = apply(&d, &ds, &mut findings);
        assert_eq!(gone.len(), 2);
        assert_eq!(gone[0].reason.as_deref(), Some("revised"));
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].span.slice(text), "rose 7%");
    }

    #[test]
    fn a_rule_not_listed_is_not_silenced_and_the_comment_is_reported_unused() {
        let text = "<!-- claimcheck-ignore change-mismatch, points-vs-percent -->\nA rose 5%.\n";
        let d = doc(text);
        let ds = directives(&d).unwrap();
        assert_eq!(ds[0].rules, ["change-mismatch", "points-vs-percent"]);
        let mut findings = vec![finding(text, "rose 5%", "direction-mismatch")];
        assert!(apply(&d, &ds, &mut findings).is_empty());
        let rules: Vec<_> = findings.iter().map(|f| f.rule).collect();
        assert_eq!(rules, ["unused-suppression", "direction-mismatch"]);
        assert_eq!(findings[0].severity, Severity::Info);
        assert!(
            findings[0].message.contains("on line 2"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn a_file_comment_covers_every_line() {
        let text = "A rose 5%.\n\nB rose 6%.\n<!-- claimcheck-ignore-file change-mismatch -->\n";
        let d = doc(text);
        let ds = directives(&d).unwrap();
        let mut findings = vec![
            finding(text, "rose 5%", "change-mismatch"),
            finding(text, "rose 6%", "change-mismatch"),
        ];
        assert_eq!(apply(&d, &ds, &mut findings).len(), 2);
        assert!(findings.is_empty());
    }

    #[test]
    fn unknown_rules_and_markers_are_errors_at_their_place() {
        let text = "Intro.\nA rose 5%. <!-- claimcheck-ignore chnage-mismatch -->\n";
        let e = directives(&doc(text)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.md:2:35: unknown rule `chnage-mismatch`; did you mean `change-mismatch`? \
             (`claimcheck rules` lists them)"
        );
        let e = directives(&doc("<!-- claimcheck-ignore-fiel x -->")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.md:1:6: unknown directive `claimcheck-ignore-fiel`; did you mean \
             `claimcheck-ignore-file`?"
        );
    }

    #[test]
    fn comments_in_code_blocks_and_other_comments_are_not_directives() {
        let text = "```\n<!-- claimcheck-ignore nonsense -->\n```\n<!-- a note -->\n";
        assert!(directives(&doc(text)).unwrap().is_empty());
    }

    #[test]
    fn a_record_field_covers_the_record() {
        let mut d = doc("A rose 5%.");
        d.meta
            .insert(RECORD_FIELD.into(), serde_json::json!(["change-mismatch"]));
        let ds = directives(&d).unwrap();
        assert_eq!(ds[0].scope, Scope::Article);
        assert!(ds[0].field);
        d.meta
            .insert(RECORD_FIELD.into(), serde_json::json!("change-mismatch"));
        assert!(directives(&d)
            .unwrap_err()
            .to_string()
            .contains("expected a list of rule names"));
    }
}
