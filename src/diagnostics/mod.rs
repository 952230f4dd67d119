//! Diagnostics: a located message independent of where it came from (an article rule, a
//! registry check, an unreadable input), and the metadata of every code a diagnostic can
//! carry. It sits below the stages that report (rules, registry) and the writers that show
//! them (emit), so neither has to know the other.

pub mod codes;

pub use crate::finding::Severity;
pub use codes::{Class, Code, RuleInfo};
use serde::Serialize;
use std::ops::Range;

/// One located message, as every output format takes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The rule or error code ("change-mismatch", "registry-unknown-field").
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// Further lines (a suggested fix, how a figure was derived).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
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
    /// The source lines to show under the message in human output, when known.
    #[serde(skip)]
    pub excerpt: Option<Excerpt>,
    /// Stable identity across runs: see [`fingerprint`].
    pub fingerprint: String,
}

/// Whole source lines and the part of them a diagnostic points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excerpt {
    /// One or more whole lines, without the final line break.
    pub text: String,
    /// The 1-based number of the first line of `text`.
    pub first_line: usize,
    /// The bytes of `text` to underline (on character boundaries).
    pub range: Range<usize>,
}

impl Excerpt {
    /// The excerpt of one source line underlining `width` characters from the 1-based
    /// `column` (at least one character, and never past the end of the line); `None` for a
    /// blank line, which has nothing to show.
    pub fn of_line(line: &str, line_number: usize, column: usize, width: usize) -> Option<Excerpt> {
        let text = line.trim_end().to_string();
        if text.trim_start().is_empty() {
            return None;
        }
        let byte_at = |chars: usize| {
            text.char_indices()
                .nth(chars)
                .map_or(text.len(), |(i, _)| i)
        };
        let start = byte_at(column.saturating_sub(1));
        let end = byte_at(column.saturating_sub(1) + width.max(1)).max(start);
        Some(Excerpt {
            text,
            first_line: line_number,
            range: start..end,
        })
    }
}

impl Diagnostic {
    /// The message with its notes, one per line: what formats without a place for notes
    /// (SARIF, GitHub annotations) show.
    pub fn full_message(&self) -> String {
        let mut message = self.message.clone();
        for note in &self.notes {
            message.push('\n');
            message.push_str(note);
        }
        message
    }

    /// `path:line:col`, or as much of it as is known.
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (0, _) => self.path.clone(),
            (l, 0) => format!("{}:{l}", self.path),
            (l, c) => format!("{}:{l}:{c}", self.path),
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_and_separate_their_parts() {
        assert_eq!(fingerprint(&["a", "b"]), fingerprint(&["a", "b"]));
        assert_ne!(fingerprint(&["ab", ""]), fingerprint(&["a", "b"]));
        // Pinned: a change here would make every CI finding look new.
        assert_eq!(fingerprint(&[]), "cbf29ce484222325");
    }

    #[test]
    fn excerpts_underline_characters_within_the_line() {
        let e = Excerpt::of_line("  é vaule: 353\r\n", 9, 5, 5).unwrap();
        assert_eq!(&e.text[e.range.clone()], "vaule");
        // Past the end: an empty range at the end of the line, never a panic.
        let e = Excerpt::of_line("ab", 1, 40, 3).unwrap();
        assert_eq!(e.range, 2..2);
        let e = Excerpt::of_line("ab", 1, 0, 0).unwrap();
        assert_eq!(&e.text[e.range.clone()], "a");
        assert_eq!(Excerpt::of_line(" \t\r\n", 3, 1, 1), None);
    }

    #[test]
    fn full_messages_carry_the_notes() {
        let d = Diagnostic {
            rule: "r".into(),
            severity: Severity::Error,
            message: "m".into(),
            notes: vec!["n1".into(), "n2".into()],
            path: "p".into(),
            line: 3,
            column: 0,
            end_line: 3,
            end_column: 0,
            snippet: None,
            excerpt: None,
            fingerprint: String::new(),
        };
        assert_eq!(d.full_message(), "m\nn1\nn2");
        assert_eq!(d.location(), "p:3");
    }
}
