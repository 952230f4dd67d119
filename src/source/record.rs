//! One JSON Lines record → one document: `body` is the text, `id`, `title` and `date` are read,
//! every other field is carried through in `meta`.

use super::fields::{self, Fields};
use super::lines::Lines;
use super::InputError;
use crate::document::Document;
use crate::span::{LineIndex, Span};
use serde_json::Value;
use std::io::BufRead;

/// True for an empty or whitespace-only line, which a JSON Lines reader skips silently.
/// [`parse`] rejects such a line ("blank line"), so callers test this first.
pub fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|b| b.is_ascii_whitespace())
}

/// Parses one JSON Lines record (`line`, without its line ending) read from line `line_no`
/// of `source`.
///
/// The document has `field = "body"`, `text` = the body, `body` spanning all of it,
/// `record_line = Some(line_no)`; `id` is the record's `id` (a string or a number; otherwise
/// `"<source>:<line>"`), `title` a string `title`, `date` a readable `date` (any form
/// [`crate::frontmatter::article_date`] reads; `null` leaves it `None`, and an unreadable value
/// leaves it `None`, is kept in `meta` and becomes a warning, as in front matter). Every other
/// field goes to `meta`. A key given twice keeps its last value.
///
/// Errors name `source`, `line_no` and the column (in characters) of the problem: invalid
/// UTF-8, invalid JSON, a value that is not an object, a missing or non-string `body`, and a
/// blank line (see [`is_blank`]).
pub fn parse(source: &str, line_no: usize, line: &[u8]) -> Result<Document, InputError> {
    let error = |column: usize, message: String| InputError::new(source, line_no, column, message);
    let mut text = match std::str::from_utf8(line) {
        Ok(text) => text,
        Err(e) => {
            let valid = e.valid_up_to();
            // The prefix is valid UTF-8 by definition.
            let column = std::str::from_utf8(&line[..valid]).map_or(valid, |s| s.chars().count());
            return Err(error(
                column + 1,
                format!("invalid UTF-8 (byte 0x{:02x})", line[valid]),
            ));
        }
    };
    // A byte-order mark before the first record counts as one column.
    let mut column_shift = 0;
    if let Some(rest) = text.strip_prefix('\u{feff}') {
        text = rest;
        column_shift = 1;
    }
    if is_blank(text.as_bytes()) {
        return Err(error(1, "blank line".to_string()));
    }
    let json_error = |e: serde_json::Error| {
        let column = char_column(text, e.column()) + column_shift;
        error(column, json_message(&e))
    };
    let first = text.len() - text.trim_start().len();
    let fields = if text[first..].starts_with('{') {
        fields::read(text).map_err(json_error)?
    } else {
        // Not an object: parse it whole to say what it is instead.
        let value: Value = serde_json::from_str(text).map_err(json_error)?;
        return Err(error(
            char_column(text, first + 1) + column_shift,
            format!("a record must be a JSON object, not {}", kind(&value)),
        ));
    };
    let mut warnings = Vec::new();
    let mut document = document(source, line_no, fields, &mut |value| {
        let what = match value {
            Value::String(s) => crate::frontmatter::shown(s),
            other => kind(other).to_string(),
        };
        let column = value_column(text, "date").map_or(1, |c| char_column(text, c + 1));
        let message = crate::frontmatter::unreadable_date(&what);
        warnings.push(error(column + column_shift, message).to_string());
    })
    .map_err(|(problem, id)| match problem {
        Problem::Body(what) => {
            let column = value_column(text, "body").map_or(1, |c| char_column(text, c + 1));
            error(
                column + column_shift,
                format!("`body` must be a string, not {what}"),
            )
            .with_id(id)
        }
        Problem::NoBody => error(1, "record has no `body`".to_string()).with_id(id),
        Problem::Language(message) => error(1, message),
    })?;
    document.warnings = warnings;
    Ok(document)
}

/// The document of a record that a host read into its top-level fields itself (a Python
/// dict's values, no JSON text), exactly as [`parse`] reads the same record's JSON; `None`
/// when `parse` would report an error or a warning (an unreadable `date`), whose column points
/// into the JSON text: the host then writes that text for [`parse`].
pub(crate) fn from_fields(
    source: &str,
    line_no: usize,
    fields: serde_json::Map<String, Value>,
) -> Option<Document> {
    let mut read = Fields::default();
    for (key, value) in fields {
        read.set(key.into(), value);
    }
    let mut warned = false;
    let document = document(source, line_no, read, &mut |_| warned = true).ok()?;
    (!warned).then_some(document)
}

/// Why a record's fields give no document (reported by [`parse`] with a column).
enum Problem {
    /// `body` is not a string but this kind of value.
    Body(&'static str),
    NoBody,
    /// `lang` names no language: the message.
    Language(String),
}

/// The document of a record's fields: the part of [`parse`] after the JSON. A `date` that
/// cannot be read goes to `unreadable_date` (and stays in `meta`); a problem comes with the
/// record's `id` when the record has one. Inlined: the document is then built where `parse`
/// returns it, not moved out of a call (about 550 instructions a record on Reuters).
#[inline(always)]
fn document(
    source: &str,
    line_no: usize,
    fields: Fields,
    unreadable_date: &mut dyn FnMut(&Value),
) -> Result<Document, (Problem, Option<String>)> {
    let Fields {
        id,
        body,
        title,
        date,
        mut meta,
        body_lines,
    } = fields;
    let id = match id {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(other) => {
            meta.insert("id".to_string(), other);
            None
        }
        None => None,
    };
    let body = match body {
        Some(Value::String(body)) => body,
        Some(other) => return Err((Problem::Body(kind(&other)), id)),
        None => return Err((Problem::NoBody, id)),
    };
    let title = match title {
        Some(Value::String(t)) => Some(t),
        Some(Value::Null) | None => None,
        Some(other) => {
            meta.insert("title".to_string(), other);
            None
        }
    };
    // `lang` selects the language (and stays in `meta`, carried through like any field); it
    // is read first because the date's month names are the language's.
    let language = |message: String| (Problem::Language(message), None);
    let lang = match meta.get("lang") {
        None | Some(Value::Null) => crate::lang::default_language(),
        Some(Value::String(code)) => crate::lang::by_code(code)
            .ok_or_else(|| language(crate::frontmatter::unknown_language(code)))?,
        Some(other) => {
            return Err(language(crate::frontmatter::unknown_language(
                &other.to_string(),
            )))
        }
    };
    let id = id.unwrap_or_else(|| format!("{source}:{line_no}"));
    let date = match date {
        Some(Value::Null) | None => None,
        Some(value) => {
            let read = value
                .as_str()
                .and_then(|s| crate::frontmatter::article_date(s, lang));
            if read.is_none() {
                unreadable_date(&value);
                meta.insert("date".to_string(), value);
            }
            read
        }
    };
    let len = body.len();
    let lines = match body_lines {
        Some(starts) => LineIndex::from_starts(&body, starts),
        None => LineIndex::new(&body),
    };
    let mut document =
        Document::with_lines(id, source.to_string(), body, Span::new(0, len), lang, lines);
    document.field = "body";
    document.record_line = Some(line_no);
    document.title = title;
    document.date = date;
    document.meta = meta;
    Ok(document)
}

/// Streams the records of a JSON Lines reader: blank lines are skipped, a bad line becomes an
/// `Err` item and reading goes on, an I/O error ends the stream; a stream with no records at
/// all (and no errors) yields a single "no records" error.
pub fn records<R: BufRead>(reader: R, source: impl Into<String>) -> Records<R> {
    Records {
        lines: Lines::new(reader, source),
        seen: false,
        finished: false,
    }
}

/// The iterator returned by [`records`].
pub struct Records<R> {
    lines: Lines<R>,
    /// Whether any record or error was yielded.
    seen: bool,
    finished: bool,
}

impl<R: BufRead> Iterator for Records<R> {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.finished {
            return None;
        }
        for (line_no, line) in self.lines.by_ref() {
            let item = match line {
                Ok(line) if is_blank(&line) => continue,
                Ok(line) => parse(self.lines.path(), line_no, &line),
                Err(e) => Err(e),
            };
            self.seen = true;
            return Some(item);
        }
        self.finished = true;
        if self.seen {
            None
        } else {
            let line = self.lines.line_no().max(1);
            Some(Err(InputError::new(
                self.lines.path(),
                line,
                1,
                "no records",
            )))
        }
    }
}

/// serde_json's message without its " at line L column C" suffix.
fn json_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    let s = match s.rfind(" at line ") {
        Some(i) => &s[..i],
        None => &s,
    };
    format!("invalid JSON: {s}")
}

/// The 1-based character column of 1-based byte column `byte_column` in `text`.
fn char_column(text: &str, byte_column: usize) -> usize {
    let mut end = byte_column.saturating_sub(1).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].chars().count() + 1
}

/// The byte offset of the value of top-level key `key`, found by scanning the text (used only
/// to point at a bad value; a key also spelled inside a string can mislead it, which merely
/// moves the column).
fn value_column(text: &str, key: &str) -> Option<usize> {
    let quoted = format!("\"{key}\"");
    let mut from = 0;
    while let Some(i) = text[from..].find(&quoted) {
        let after = from + i + quoted.len();
        let rest = text[after..].trim_start();
        if let Some(value) = rest.strip_prefix(':') {
            let value = value.trim_start();
            return Some(text.len() - value.len());
        }
        from = after;
    }
    None
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(line: &[u8]) -> InputError {
        parse("a.jsonl", 7, line).unwrap_err()
    }

    #[test]
    fn reads_a_reuters_record() {
        let line = br#"{"id": "reuters-1", "date": "1987-02-26T15:01:01", "title": "BAHIA COCOA REVIEW", "dateline": "SALVADOR, Feb 26 -", "body": "Showers continued.\n    The dry period.", "topics": ["cocoa"], "places": ["el-salvador", "usa"]}"#;
        let d = parse("reuters.jsonl", 1, line).unwrap();
        assert_eq!(d.id, "reuters-1");
        assert_eq!(d.source, "reuters.jsonl");
        assert_eq!(d.field, "body");
        assert_eq!(d.record_line, Some(1));
        assert_eq!(d.text, "Showers continued.\n    The dry period.");
        assert_eq!(d.body, Span::new(0, d.text.len()));
        assert_eq!(d.title.as_deref(), Some("BAHIA COCOA REVIEW"));
        assert_eq!(d.date.unwrap().to_string(), "1987-02-26");
        let keys: Vec<_> = d.meta.keys().map(String::as_str).collect();
        assert_eq!(keys, ["dateline", "places", "topics"]);
        assert_eq!(d.sentences.len(), 2);
    }

    #[test]
    fn reads_a_bbc_record_with_numeric_id_and_null_date() {
        let d = parse(
            "x.jsonl",
            4,
            br#"{"id": 17, "category": "business", "body": "Up 5%.", "date": null}"#,
        )
        .unwrap();
        assert_eq!(d.id, "17");
        assert_eq!(d.date, None);
        assert_eq!(d.meta["category"], "business");
        assert!(!d.meta.contains_key("date"));
    }

    #[test]
    fn a_repeated_key_keeps_its_last_value_and_an_unusable_id_stays_in_meta() {
        let d = parse(
            "x.jsonl",
            2,
            br#"{"body": "first", "id": ["a"], "body": "second", "title": 5}"#,
        )
        .unwrap();
        assert_eq!(d.text, "second");
        assert_eq!(d.id, "x.jsonl:2");
        assert_eq!(d.meta["id"], serde_json::json!(["a"]));
        assert_eq!(d.meta["title"], 5);
        let e = err(br#"{"body": "x", "body": [1]}"#);
        assert_eq!(e.message, "`body` must be a string, not an array");
    }

    #[test]
    fn missing_id_is_source_and_line_and_bad_date_is_kept_with_a_warning() {
        let d = parse("x.jsonl", 4, br#"{"body": "b", "date": "31-MAR-1987"}"#).unwrap();
        assert_eq!(d.id, "x.jsonl:4");
        assert_eq!(d.date, None);
        assert_eq!(d.meta["date"], "31-MAR-1987");
        assert_eq!(d.warnings.len(), 1);
        assert!(
            d.warnings[0]
                .starts_with("x.jsonl:4:23: `date` is not a date claimcheck reads: `31-MAR-1987`"),
            "{:?}",
            d.warnings
        );
        let d = parse("x.jsonl", 5, br#"{"body": "b", "date": 1987}"#).unwrap();
        assert_eq!(d.meta["date"], 1987);
        assert!(
            d.warnings[0].contains("reads: a number"),
            "{:?}",
            d.warnings
        );
    }

    #[test]
    fn written_dates_are_read() {
        let d = parse("x.jsonl", 1, br#"{"body": "b", "date": "July 21, 2025"}"#).unwrap();
        assert_eq!(d.date.unwrap().to_string(), "2025-07-21");
        assert!(d.warnings.is_empty());
        assert!(!d.meta.contains_key("date"));
    }

    #[test]
    fn invalid_utf8_names_the_column_of_the_first_bad_byte() {
        // "é" is one character: the bad byte is the 14th character.
        let e = err(b"{\"body\": \"\xc3\xa9t\xff\"}");
        assert_eq!((e.line, e.column), (7, 13));
        assert_eq!(e.to_string(), "a.jsonl:7:13: invalid UTF-8 (byte 0xff)");
    }

    #[test]
    fn invalid_json_names_the_column() {
        let e = err(br#"{"id": "a", "body": "x",}"#);
        assert_eq!((e.line, e.column), (7, 25));
        assert!(e.message.starts_with("invalid JSON: trailing comma"), "{e}");
        let e = err(br#"{"body": "x"} trailing"#);
        assert_eq!((e.line, e.column), (7, 15), "{e}");
        let e = err(br#"{"body": "unterminated"#);
        assert_eq!(e.line, 7);
        assert!(e.message.contains("EOF"), "{e}");
    }

    #[test]
    fn non_objects_and_bad_bodies_are_errors() {
        let e = err(b"  [1, 2]");
        assert_eq!(
            (e.column, e.message.as_str()),
            (3, "a record must be a JSON object, not an array")
        );
        let e = err(br#"{"id": "r-9", "title": "t"}"#);
        assert_eq!(e.to_string(), "a.jsonl:7:1: record has no `body`");
        assert_eq!(e.id.as_deref(), Some("r-9"));
        let e = err(br#"{"id": "r-9", "body": 42}"#);
        assert_eq!(
            e.to_string(),
            "a.jsonl:7:23: `body` must be a string, not a number"
        );
        assert_eq!(e.id.as_deref(), Some("r-9"));
        let e = err(b"   ");
        assert_eq!(e.message, "blank line");
    }

    #[test]
    fn huge_numbers_do_not_panic() {
        let digits = "9".repeat(5000);
        let line = format!(r#"{{"id": {digits}, "body": "x", "n": 1e999}}"#);
        let e = err(line.as_bytes());
        assert_eq!(e.line, 7);
    }

    #[test]
    fn records_skip_blank_lines_and_go_on_after_errors() {
        let input =
            b"{\"id\": \"a\", \"body\": \"x\"}\n\n  \nnot json\n{\"id\": \"b\", \"body\": \"y\"}\n";
        let got: Vec<_> = records(&input[..], "r.jsonl").collect();
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].as_ref().unwrap().id, "a");
        assert_eq!(got[1].as_ref().unwrap_err().line, 4);
        assert_eq!(got[2].as_ref().unwrap().record_line, Some(5));
        let empty: Vec<_> = records(&b"\n\n"[..], "e.jsonl").collect();
        assert_eq!(empty.len(), 1);
        assert_eq!(
            empty[0].as_ref().unwrap_err().to_string(),
            "e.jsonl:2:1: no records"
        );
    }
}
