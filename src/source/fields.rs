//! A JSON Lines record's top-level fields, read in one pass over the line: the common shape
//! (an object of strings, numbers, arrays and objects) by a small scanner, anything else by
//! `serde_json`, which also words every error.
//!
//! The scanner accepts a subset of what `serde_json` accepts and returns exactly what
//! `serde_json` would; on anything outside it (a syntax error, a lone surrogate, deep
//! nesting, a number it would not parse) it gives up and the line is read again by
//! `serde_json`, so a bad record is reported as before, with `serde_json`'s message and
//! column. It is faster because a record's body, most of a line, is copied in runs between
//! escapes found sixteen bytes at a time ([`crate::swar::json_special_from`]) instead of byte
//! by byte through a deserializer, and keys are not copied unless kept.

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::fmt;

/// A record's top-level fields: the four that [`super::record::parse`] reads, and all the
/// others (`meta`). A key given twice keeps its last value, as in a `serde_json` map.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Fields {
    pub id: Option<Value>,
    pub body: Option<Value>,
    pub title: Option<Value>,
    pub date: Option<Value>,
    pub meta: Map<String, Value>,
    /// When `scan` read a string `body`: 0 and the offset after each line break in it (each
    /// came from an escape, a JSON string holding no raw line break), for its line index.
    pub body_lines: Option<Vec<usize>>,
}

impl Fields {
    pub(super) fn set(&mut self, key: Cow<'_, str>, value: Value) {
        let slot = match &*key {
            "id" => &mut self.id,
            "body" => &mut self.body,
            "title" => &mut self.title,
            "date" => &mut self.date,
            _ => {
                self.meta.insert(key.into_owned(), value);
                return;
            }
        };
        *slot = Some(value);
    }
}

/// The fields of `text`, a JSON object (after optional whitespace), or `serde_json`'s error.
pub(super) fn read(text: &str) -> Result<Fields, serde_json::Error> {
    match scan(text) {
        Some(fields) => Ok(fields),
        None => serde_json::from_str::<Fields>(text),
    }
}

/// The scanner alone: `Some` exactly when it could read `text` (then equal to what
/// `serde_json` reads), `None` when `serde_json` must decide.
pub(super) fn scan(text: &str) -> Option<Fields> {
    let mut s = Scanner {
        text,
        at: 0,
        newlines: Vec::new(),
    };
    s.blank();
    s.expect(b'{')?;
    let mut fields = Fields::default();
    s.blank();
    if !s.eat(b'}') {
        loop {
            s.blank();
            let key = s.key()?;
            let value = s.value(1)?;
            if key == "body" {
                // The line starts of the string just read, if the value was one.
                fields.body_lines = value.is_string().then(|| {
                    let mut starts = Vec::with_capacity(s.newlines.len() + 1);
                    starts.push(0);
                    starts.extend_from_slice(&s.newlines);
                    starts
                });
            }
            fields.set(key, value);
            s.blank();
            if s.eat(b'}') {
                break;
            }
            s.expect(b',')?;
        }
    }
    s.blank();
    (s.at == text.len()).then_some(fields)
}

/// Deepest nesting the scanner follows (the top-level object is 1); deeper input goes to
/// `serde_json`, whose own limit (128) then applies.
const MAX_DEPTH: usize = 64;

struct Scanner<'a> {
    text: &'a str,
    /// Byte offset of the next byte to read; always on a character boundary, since the
    /// scanner only steps over ASCII bytes and whole runs between them.
    at: usize,
    /// The offset after each line break in the last string read, in its unescaped text.
    newlines: Vec<usize>,
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        let here = self.peek() == Some(b);
        if here {
            self.at += 1;
        }
        here
    }

    fn expect(&mut self, b: u8) -> Option<()> {
        self.eat(b).then_some(())
    }

    /// Past JSON whitespace (space, tab, line feed, carriage return: what `serde_json` skips).
    fn blank(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// An object key and the colon after it.
    fn key(&mut self) -> Option<Cow<'a, str>> {
        self.expect(b'"')?;
        let key = self.string()?;
        self.blank();
        self.expect(b':')?;
        Some(key)
    }

    /// One value, at nesting `depth` (that of the object or array holding it).
    fn value(&mut self, depth: usize) -> Option<Value> {
        self.blank();
        let value = match self.peek()? {
            b'"' => {
                self.at += 1;
                Value::String(self.string()?.into_owned())
            }
            b'{' => {
                self.at += 1;
                self.object(depth + 1)?
            }
            b'[' => {
                self.at += 1;
                self.array(depth + 1)?
            }
            b'n' => self.literal("null", Value::Null)?,
            b't' => self.literal("true", Value::Bool(true))?,
            b'f' => self.literal("false", Value::Bool(false))?,
            b'-' | b'0'..=b'9' => self.number()?,
            _ => return None,
        };
        Some(value)
    }

    fn literal(&mut self, word: &str, value: Value) -> Option<Value> {
        let rest = self.text.as_bytes().get(self.at..)?;
        rest.starts_with(word.as_bytes()).then(|| {
            self.at += word.len();
            value
        })
    }

    /// A number in JSON's grammar, converted by `serde_json` itself (so integers, floats and
    /// out-of-range values come out exactly as in a whole-line parse).
    fn number(&mut self) -> Option<Value> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let digits = |at: &mut usize| {
            let from = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at > from
        };
        let mut at = start;
        if bytes.get(at) == Some(&b'-') {
            at += 1;
        }
        if bytes.get(at) == Some(&b'0') {
            at += 1;
        } else if !digits(&mut at) {
            return None;
        }
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            if !digits(&mut at) {
                return None;
            }
        }
        if matches!(bytes.get(at), Some(b'e' | b'E')) {
            at += 1;
            if matches!(bytes.get(at), Some(b'+' | b'-')) {
                at += 1;
            }
            if !digits(&mut at) {
                return None;
            }
        }
        let value = serde_json::from_str::<Value>(self.text.get(start..at)?).ok()?;
        self.at = at;
        Some(value)
    }

    /// An object's members, after its `{`.
    fn object(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        let mut map = Map::new();
        self.blank();
        if self.eat(b'}') {
            return Some(Value::Object(map));
        }
        loop {
            self.blank();
            let key = self.key()?;
            let value = self.value(depth)?;
            map.insert(key.into_owned(), value);
            self.blank();
            if self.eat(b'}') {
                return Some(Value::Object(map));
            }
            self.expect(b',')?;
        }
    }

    /// An array's elements, after its `[`.
    fn array(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        let mut items = Vec::new();
        self.blank();
        if self.eat(b']') {
            return Some(Value::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            self.blank();
            if self.eat(b']') {
                return Some(Value::Array(items));
            }
            self.expect(b',')?;
        }
    }

    /// A string's contents after its opening quote, unescaped (borrowed from the line when
    /// there is no escape), and past its closing quote.
    fn string(&mut self) -> Option<Cow<'a, str>> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let mut out = String::new();
        self.newlines.clear();
        loop {
            let run = self.at;
            let stop = crate::swar::json_special_from(bytes, run);
            let part = self.text.get(run..stop)?;
            self.at = stop + 1;
            match bytes.get(stop)? {
                b'"' if out.capacity() == 0 => return Some(Cow::Borrowed(part)),
                b'"' => {
                    out.push_str(part);
                    return Some(Cow::Owned(out));
                }
                b'\\' => {
                    if out.capacity() == 0 {
                        // Unescaping never lengthens: the rest of the line is room enough.
                        out.reserve(bytes.len() - start);
                        // About one line break in 60 bytes (hard-wrapped newswire).
                        self.newlines.reserve((bytes.len() - start) / 60 + 1);
                    }
                    out.push_str(part);
                    let c = self.escape()?;
                    out.push(c);
                    if c == '\n' {
                        self.newlines.push(out.len());
                    }
                }
                // A control character: `serde_json` refuses it.
                _ => return None,
            }
        }
    }

    /// The character of one escape, after its backslash.
    fn escape(&mut self) -> Option<char> {
        let b = self.peek()?;
        self.at += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = self.hex4()?;
                match unit {
                    0xD800..=0xDBFF => {
                        // A high surrogate must be followed by a low one; anything else
                        // (which `serde_json` refuses or reads its own way) goes to it.
                        if !(self.eat(b'\\') && self.eat(b'u')) {
                            return None;
                        }
                        let low = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return None;
                        }
                        let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                        char::from_u32(code)?
                    }
                    0xDC00..=0xDFFF => return None,
                    _ => char::from_u32(unit)?,
                }
            }
            _ => return None,
        };
        Some(c)
    }

    /// Four hex digits.
    fn hex4(&mut self) -> Option<u32> {
        let digits = self.text.as_bytes().get(self.at..self.at + 4)?;
        let mut unit = 0;
        for &d in digits {
            unit = unit * 16 + char::from(d).to_digit(16)?;
        }
        self.at += 4;
        Some(unit)
    }
}

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Fields, D::Error> {
        deserializer.deserialize_map(FieldsVisitor)
    }
}

struct FieldsVisitor;

impl<'de> Visitor<'de> for FieldsVisitor {
    type Value = Fields;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
        let mut fields = Fields::default();
        while let Some(key) = map.next_key::<String>()? {
            let value: Value = map.next_value()?;
            fields.set(Cow::Owned(key), value);
        }
        Ok(fields)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What `serde_json` reads, or `None` where it refuses.
    fn by_serde(text: &str) -> Option<Fields> {
        serde_json::from_str::<Fields>(text).ok()
    }

    /// What the scanner reads, its body's line breaks checked against the body's text and
    /// then left out (`serde_json` does not give them).
    fn scan(text: &str) -> Option<Fields> {
        let mut fields = super::scan(text)?;
        let lines = fields.body_lines.take();
        match &fields.body {
            Some(Value::String(body)) => {
                let breaks = body.match_indices('\n').map(|(i, _)| i + 1);
                let expected: Vec<usize> = std::iter::once(0).chain(breaks).collect();
                assert_eq!(lines, Some(expected), "{text}");
            }
            _ => assert_eq!(lines, None, "{text}"),
        }
        Some(fields)
    }

    /// The scanner either reads `text` exactly as `serde_json` does or leaves it to it.
    fn agrees(text: &str) -> Result<(), TestCaseError> {
        if let Some(fields) = scan(text) {
            prop_assert_eq!(Some(fields), by_serde(text), "{:?}", text);
        }
        Ok(())
    }

    #[test]
    fn reads_records_as_serde_json_does() {
        for text in [
            r#"{"id": "reuters-1", "date": "1987-02-26T15:01:01", "title": "BAHIA", "body": "Showers\n    The \"dry\" period.\u00e9\ud83d\ude00\/\b\f\r\t\\", "topics": ["cocoa"], "places": []}"#,
            r#"  {"id": 17, "n": -0.5e+3, "m": 0, "k": 12345678901234567890123, "body": "", "x": {"a": [true, false, null, {"b": {}}]}, "x": 1}  "#,
            "{}",
            "{\t\"body\"\r\n:\"x\"}\n",
            r#"{"bo\u0064y": "é", "body": "last", "date": null}"#,
        ] {
            let fields = scan(text).unwrap_or_else(|| panic!("scanner gave up on {text}"));
            assert_eq!(Some(fields), by_serde(text), "{text}");
        }
    }

    #[test]
    fn leaves_to_serde_json_what_it_refuses_or_reads_its_own_way() {
        for text in [
            r#"{"body": "x",}"#,
            r#"{"body": "x"} trailing"#,
            r#"{"body": "unterminated"#,
            "{\"body\": \"a\tb\"}",
            r#"{"body": "\ud800"}"#,
            r#"{"body": "\ud800\u0041"}"#,
            r#"{"body": "\udc00"}"#,
            r#"{"body": "\x"}"#,
            r#"{"body": "\u12"}"#,
            r#"{"n": 1e999, "body": "x"}"#,
            r#"{"n": 01, "body": "x"}"#,
            r#"{"n": 1., "body": "x"}"#,
            r#"{"n": -, "body": "x"}"#,
            r#"{"n": nul, "body": "x"}"#,
            "{\u{c}\"body\": \"x\"}",
            "[1]",
            &format!(
                "{{\"n\": {}1{}, \"body\": \"x\"}}",
                "[".repeat(70),
                "]".repeat(70)
            ),
        ] {
            assert_eq!(scan(text), None, "{text}");
        }
    }

    #[test]
    fn read_falls_back_to_serde_json_for_its_errors_and_reading() {
        let e = read(r#"{"id": "a", "body": "x",}"#).unwrap_err();
        assert_eq!(e.column(), 25);
        assert!(e.to_string().starts_with("trailing comma"), "{e}");
        // Deeper than the scanner goes, within serde_json's limit.
        let deep = format!("{{\"n\": {}1{}}}", "[".repeat(100), "]".repeat(100));
        assert!(scan(&deep).is_none());
        assert!(read(&deep).unwrap().meta.contains_key("n"));
    }

    #[test]
    fn the_regression_records_are_read_as_serde_json_reads_them() {
        // Hand-made edge cases (escapes of every kind, surrogates, numbers out of range,
        // nesting past either limit, trailing text, a byte-order mark, bad UTF-8), also
        // replayed through every fuzz entry point by `tests/fuzz_regressions.rs`.
        let file =
            include_bytes!("../../tests/fixtures/fuzz-regressions/record-reader-edges.jsonl");
        let (mut read, mut left) = (0, 0);
        for line in file.split(|&b| b == b'\n') {
            let Ok(text) = std::str::from_utf8(line) else {
                continue;
            };
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            match scan(text) {
                Some(fields) => {
                    assert_eq!(Some(fields), by_serde(text), "{text}");
                    read += 1;
                }
                None => left += 1,
            }
        }
        assert!(
            read >= 8 && left >= 8,
            "{read} read, {left} left to serde_json"
        );
    }

    /// JSON-ish text from pieces that are valid, nearly valid and invalid.
    fn jsonish() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("{".to_string()),
            Just("}".to_string()),
            Just("[".to_string()),
            Just("]".to_string()),
            Just(":".to_string()),
            Just(",".to_string()),
            Just(" ".to_string()),
            Just("\"body\"".to_string()),
            Just("\"id\"".to_string()),
            Just("\"date\"".to_string()),
            Just("\"title\"".to_string()),
            Just("\"".to_string()),
            Just("\\".to_string()),
            Just("\\u".to_string()),
            Just("\\ud83d".to_string()),
            Just("\\ude00".to_string()),
            Just("null".to_string()),
            Just("true".to_string()),
            Just("-".to_string()),
            Just("e".to_string()),
            Just(".".to_string()),
            "[0-9]{1,25}",
            "[a-fA-F0-9]{1,4}",
            "[\\x00-\\x7f]{1,3}",
            "\\PC{1,8}",
        ];
        prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
    }

    /// Any JSON value (a record's field), up to a few levels deep.
    fn value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            "\\PC*|[\\x00-\\x7f]{0,20}|[\u{10000}-\u{10ffff}]{0,3}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 32, 5, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                prop::collection::vec(("(body|id|date|title|[a-z]{1,3})", inner), 0..5)
                    .prop_map(|members| Value::Object(members.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn any_text_is_read_as_serde_json_reads_it_or_left_to_it(text in jsonish()) {
            agrees(&text)?;
            agrees(&format!("{{{text}}}"))?;
            agrees(&format!("{{\"body\": \"{text}\"}}"))?;
        }

        #[test]
        fn every_object_serde_json_writes_is_read_by_the_scanner(
            members in prop::collection::vec(("(body|id|date|title|[a-z]{1,3})", value()), 0..6),
            pretty in any::<bool>(),
        ) {
            // Written by hand so that keys can repeat.
            let sep = if pretty { ",\n  " } else { "," };
            let text = format!("{{{}}}", members
                .iter()
                .map(|(k, v)| format!("{}:{}", Value::from(k.as_str()), v))
                .collect::<Vec<_>>()
                .join(sep));
            let fields = scan(&text);
            prop_assert!(fields.is_some(), "{}", text);
            prop_assert_eq!(fields, by_serde(&text));
        }
    }
}
