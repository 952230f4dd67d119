//! YAML front matter at the top of a Markdown or text article (`title`, `date`, `source`, `url`, `lang`).
//!
//! ```text
//! ---
//! title: China's rare earth magnet exports to the US jump sevenfold
//! date: 2025-07-21
//! source: Observer Network
//! ---
//! The article starts here.
//! ```
//!
//! The block opens with a `---` line on the first line of the file and closes with the next
//! `---` (or `...`) line. `title` and `date` are read into the document, and `lang` selects
//! the article's language (a code like `en` or `en-GB`; an unknown one is an error at its
//! position); `source`, `url`, `lang` (which must be strings) and any other key are carried
//! through in `meta`. A `date` that cannot be read is not an error: the article is checked
//! without a date anchor and [`FrontMatter::date_warning`] says where and why.

use crate::lang::Language;
use crate::period::Date;
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;

/// What the front matter says, and where the body starts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<Date>,
    /// The language `lang` names; `None` without `lang` (the default language).
    pub lang: Option<&'static Language>,
    /// `source`, `url`, `lang` and every other key, as JSON values.
    pub meta: Map<String, Value>,
    /// Byte offset of the body: just after the closing `---` line, 0 without front matter
    /// (3 when the file starts with a byte-order mark).
    pub body_start: usize,
    /// Whether the text had a front matter block at all.
    pub present: bool,
    /// An unreadable `date`, at its position in the file; `date` is then `None`.
    pub date_warning: Option<FrontMatterError>,
}

/// Broken front matter, positioned in the whole file (1-based line, column in characters).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct FrontMatterError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Splits off and parses the front matter of `text`; a text without it gives an empty
/// [`FrontMatter`] with the body starting at 0.
pub fn parse(text: &str) -> Result<FrontMatter, FrontMatterError> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut none = FrontMatter {
        body_start: bom,
        ..FrontMatter::default()
    };
    let Some(yaml_start) = fence_end(text, bom, b"---") else {
        return Ok(none);
    };
    // Find the closing fence: a line that is `---` or `...`.
    let mut line_start = yaml_start;
    let mut body_start = None;
    let mut yaml_end = text.len();
    while line_start < text.len() {
        if let Some(end) =
            fence_end(text, line_start, b"---").or_else(|| fence_end(text, line_start, b"..."))
        {
            yaml_end = line_start;
            body_start = Some(end);
            break;
        }
        line_start = memchr::memchr(b'\n', &text.as_bytes()[line_start..])
            .map_or(text.len(), |i| line_start + i + 1);
    }
    let Some(body_start) = body_start else {
        return Err(FrontMatterError {
            line: 1,
            column: 1,
            message: "front matter opened with `---` is never closed (no closing `---` line)"
                .to_string(),
        });
    };
    let yaml = &text[yaml_start..yaml_end];
    let raw: Raw = if yaml.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#')
    }) {
        Raw::default()
    } else {
        crate::yaml::from_untrusted_str(yaml).map_err(|e| FrontMatterError {
            // The YAML starts on the file's line 2.
            line: e.line + 1,
            column: e.column,
            message: format!("front matter: {}", e.message),
        })?
    };
    let lang = raw.lang.unwrap_or_else(crate::lang::default_language);
    let unreadable = match raw.date {
        DateValue::Empty => None,
        DateValue::Text(s) => match article_date(&s, lang) {
            Some(date) => {
                none.date = Some(date);
                None
            }
            None => Some(shown(&s)),
        },
        DateValue::NotText(what) => Some(what),
    };
    none.date_warning = unreadable.map(|what| {
        let locator = crate::yaml::Locator::new(yaml);
        let (line, column) = locator
            .top_key("date")
            .map_or((1, 1), |at| locator.line_col(value_start(yaml, at)));
        FrontMatterError {
            // The YAML starts on the file's line 2.
            line: line + 1,
            column,
            message: unreadable_date(&what),
        }
    });
    none.title = raw.title;
    none.lang = raw.lang;
    none.meta = raw.meta;
    none.body_start = body_start;
    none.present = true;
    Ok(none)
}

/// The offset of the value on the `key: value` line starting at `at`.
fn value_start(yaml: &str, at: usize) -> usize {
    let line = &yaml[at..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    match line.find(':') {
        Some(colon) => {
            let value = &line[colon + 1..];
            at + line.len() - value.trim_start().len()
        }
        None => at,
    }
}

/// The date an article's `date` field gives, in any form [`Date::parse_written`] reads, with
/// month names from the article's language.
pub fn article_date(s: &str, lang: &Language) -> Option<Date> {
    Date::parse_written(s, |w| lang.units.months.get(w))
}

/// The warning for a `date` that is not a date claimcheck reads; `what` is the value as shown.
pub fn unreadable_date(what: &str) -> String {
    format!(
        "`date` is not a date claimcheck reads: {what} (expected a date like 2025-07-21, \
         July 21, 2025 or 21 Jul 2025); the article is checked without a date anchor"
    )
}

/// A text value as shown in a message: quoted, at most 40 characters, control characters
/// blanked so that the message stays on one line.
pub fn shown(s: &str) -> String {
    let mut shown: String = s
        .chars()
        .take(40)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if s.chars().nth(40).is_some() {
        shown.push_str("...");
    }
    format!("`{shown}`")
}

/// If the line at `at` is exactly `fence` (trailing spaces allowed), the offset just after
/// its line ending.
fn fence_end(text: &str, at: usize, fence: &[u8]) -> Option<usize> {
    let bytes = &text.as_bytes()[at..];
    let rest = bytes.strip_prefix(fence)?;
    let line_len = memchr::memchr(b'\n', rest).unwrap_or(rest.len());
    rest[..line_len]
        .iter()
        .all(|b| matches!(b, b' ' | b'\t' | b'\r'))
        .then(|| at + fence.len() + (line_len + 1).min(rest.len()))
}

/// The front matter mapping as read from YAML.
#[derive(Default)]
struct Raw {
    title: Option<String>,
    date: DateValue,
    lang: Option<&'static Language>,
    meta: Map<String, Value>,
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Raw, D::Error> {
        deserializer.deserialize_map(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mapping of fields (title, date, source, url, lang, ...)")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Raw, E> {
        Ok(Raw::default())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut raw = Raw::default();
        let mut seen_title = false;
        let mut seen_date = false;
        while let Some(key) = map.next_key::<String>()? {
            let duplicate = match key.as_str() {
                "title" => std::mem::replace(&mut seen_title, true),
                "date" => std::mem::replace(&mut seen_date, true),
                other => raw.meta.contains_key(other),
            };
            if duplicate {
                // Raised while at the value, so that the error carries its position.
                return map.next_value_seed(Duplicate(&key));
            }
            match key.as_str() {
                "title" => raw.title = map.next_value::<Option<String>>()?,
                "date" => raw.date = map.next_value::<DateValue>()?,
                "lang" => {
                    if let Some((code, lang)) = map.next_value::<LangValue>()?.0 {
                        raw.lang = Some(lang);
                        raw.meta.insert(key, Value::String(code));
                    }
                }
                "source" | "url" => {
                    if let Some(s) = map.next_value::<Option<String>>()? {
                        raw.meta.insert(key, Value::String(s));
                    }
                }
                _ => {
                    let value = map.next_value::<Value>()?;
                    raw.meta.insert(key, value);
                }
            }
        }
        Ok(raw)
    }
}

/// Fails with "duplicate key" at the position of the repeated key's value.
struct Duplicate<'a>(&'a str);

impl<'de> de::DeserializeSeed<'de> for Duplicate<'_> {
    type Value = Raw;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Raw, D::Error> {
        // serde_yaml positions errors raised by a visitor, so the error is raised in one.
        deserializer.deserialize_any(self)
    }
}

impl Duplicate<'_> {
    fn error<E: de::Error>(&self) -> E {
        E::custom(format_args!("duplicate key `{}`", self.0))
    }
}

impl<'de> Visitor<'de> for Duplicate<'_> {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "no second `{}`", self.0)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Raw, E> {
        Err(self.error())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Raw, E> {
        Err(self.error())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Raw, E> {
        Err(self.error())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Raw, E> {
        Err(self.error())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Raw, E> {
        Err(self.error())
    }
    fn visit_unit<E: de::Error>(self) -> Result<Raw, E> {
        Err(self.error())
    }
    fn visit_none<E: de::Error>(self) -> Result<Raw, E> {
        Err(self.error())
    }
    fn visit_some<D: Deserializer<'de>>(self, _: D) -> Result<Raw, D::Error> {
        Err(self.error())
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<Raw, A::Error> {
        Err(self.error())
    }
    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Raw, A::Error> {
        Err(self.error())
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, _: A) -> Result<Raw, A::Error> {
        Err(self.error())
    }
}

/// A front matter `lang`: a code claimcheck reads (`en`, `en-GB`), or empty.
struct LangValue(Option<(String, &'static Language)>);

impl<'de> Deserialize<'de> for LangValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<LangValue, D::Error> {
        deserializer.deserialize_any(LangVisitor)
    }
}

/// Checks the code inside the visitor: serde_yaml positions the errors a visitor raises, so
/// an unknown code is reported at its line and column.
struct LangVisitor;

impl<'de> Visitor<'de> for LangVisitor {
    type Value = LangValue;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, code: &str) -> Result<LangValue, E> {
        match crate::lang::by_code(code) {
            Some(lang) => Ok(LangValue(Some((code.to_string(), lang)))),
            None => Err(E::custom(unknown_language(code))),
        }
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<LangValue, E> {
        Err(E::custom(unknown_language(&v.to_string())))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<LangValue, E> {
        Err(E::custom(unknown_language(&v.to_string())))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<LangValue, E> {
        Err(E::custom(unknown_language(&v.to_string())))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<LangValue, E> {
        Err(E::custom(unknown_language(&v.to_string())))
    }

    fn visit_unit<E: de::Error>(self) -> Result<LangValue, E> {
        Ok(LangValue(None))
    }

    fn visit_none<E: de::Error>(self) -> Result<LangValue, E> {
        Ok(LangValue(None))
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<LangValue, D::Error> {
        d.deserialize_any(LangVisitor)
    }
}

/// The message for a `lang` code that names no language claimcheck reads.
pub fn unknown_language(code: &str) -> String {
    let shown: String = code.chars().take(40).collect();
    let known: Vec<&str> = crate::lang::ALL.iter().map(|l| l.code).collect();
    format!(
        "unknown language `{shown}` (claimcheck reads: {})",
        known.join(", ")
    )
}

/// A front matter `date` as written: read into a [`Date`] once the language is known.
#[derive(Default)]
enum DateValue {
    /// No `date`, or an empty one.
    #[default]
    Empty,
    Text(String),
    /// A value that is no text, described ("the number 5", "a list").
    NotText(String),
}

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<DateValue, D::Error> {
        deserializer.deserialize_any(DateVisitor)
    }
}

struct DateVisitor;

impl<'de> Visitor<'de> for DateVisitor {
    type Value = DateValue;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date like 2025-07-21")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<DateValue, E> {
        Ok(DateValue::Text(s.to_string()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<DateValue, E> {
        Ok(DateValue::Empty)
    }

    fn visit_none<E: de::Error>(self) -> Result<DateValue, E> {
        Ok(DateValue::Empty)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<DateValue, D::Error> {
        d.deserialize_any(DateVisitor)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<DateValue, E> {
        Ok(DateValue::NotText(format!("`{v}`")))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<DateValue, E> {
        Ok(DateValue::NotText(format!("the number {v}")))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<DateValue, E> {
        Ok(DateValue::NotText(format!("the number {v}")))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<DateValue, E> {
        Ok(DateValue::NotText(format!("the number {v}")))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<DateValue, A::Error> {
        // Read to the end, so that the rest of the mapping still parses.
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(DateValue::NotText("a list".to_string()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<DateValue, A::Error> {
        while map
            .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
            .is_some()
        {}
        Ok(DateValue::NotText("a mapping".to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> FrontMatterError {
        parse(text).unwrap_err()
    }

    #[test]
    fn reads_fields_and_finds_the_body() {
        let text = "---\ntitle: Magnets\ndate: 2025-07-21\nsource: Observer Network\nurl: https://example.com/x\nlang: en\ntopics: [rare-earths, trade]\n---\nBody starts here.\n";
        let fm = parse(text).unwrap();
        assert!(fm.present);
        assert_eq!(fm.title.as_deref(), Some("Magnets"));
        assert_eq!(fm.date.unwrap().to_string(), "2025-07-21");
        assert_eq!(&text[fm.body_start..], "Body starts here.\n");
        assert_eq!(fm.meta["source"], "Observer Network");
        assert_eq!(fm.meta["lang"], "en");
        assert_eq!(
            fm.meta["topics"],
            serde_json::json!(["rare-earths", "trade"])
        );
    }

    #[test]
    fn no_front_matter_or_empty_front_matter() {
        let fm = parse("Just text.\n---\n").unwrap();
        assert!(!fm.present);
        assert_eq!(fm.body_start, 0);
        let fm = parse("---\r\n---\r\nBody").unwrap();
        assert!(fm.present);
        assert_eq!(fm.body_start, 10);
        let fm = parse("---\n# only a comment\n...\nBody").unwrap();
        assert_eq!(fm.title, None);
        assert_eq!(fm.body_start, 25);
        // A date with a time, and an empty date.
        let fm = parse("---\ndate: '2025-07-21T10:00:00'\n---\n").unwrap();
        assert_eq!(fm.date.unwrap().to_string(), "2025-07-21");
        assert_eq!(parse("---\ndate:\n---\n").unwrap().date, None);
        // A horizontal rule that is not at the very top is not front matter.
        assert!(!parse("\n---\ntitle: x\n---\n").unwrap().present);
    }

    #[test]
    fn unclosed_front_matter_is_an_error_at_the_opening_line() {
        let e = err("---\ntitle: x\nBody text.\n");
        assert_eq!((e.line, e.column), (1, 1));
        assert!(e.message.contains("never closed"), "{e}");
    }

    /// The date warning's line, column and message of a front matter that must parse.
    fn date_warning(text: &str) -> FrontMatterError {
        let fm = parse(text).unwrap();
        assert_eq!(fm.date, None, "{text}");
        fm.date_warning.unwrap()
    }

    #[test]
    fn written_dates_are_read() {
        let fm = parse(
            "---
title: x
date: 21 July 2025
---
Body
",
        )
        .unwrap();
        assert_eq!(fm.date.unwrap().to_string(), "2025-07-21");
        assert_eq!(fm.date_warning, None);
        let fm = parse(
            "---
date: 'Mon, 21 Jul 2025 10:30:00 +0000'
---
",
        )
        .unwrap();
        assert_eq!(fm.date.unwrap().to_string(), "2025-07-21");
    }

    #[test]
    fn bad_date_is_a_warning_at_its_position_in_the_file() {
        let w = date_warning(
            "---
title: x
date: July 32, 2025
source: s
---
Body
",
        );
        assert_eq!((w.line, w.column), (3, 7), "{w}");
        assert!(
            w.message
                .contains("`date` is not a date claimcheck reads: `July 32, 2025`"),
            "{w}"
        );
        assert!(w.message.ends_with("without a date anchor"), "{w}");
        let w = date_warning(
            "---
date:   1e999
---
",
        );
        assert_eq!((w.line, w.column), (2, 9), "{w}");
        let digits = "9".repeat(5000);
        let w = date_warning(&format!(
            "---
title: t
date: {digits}
---
"
        ));
        assert_eq!((w.line, w.column), (3, 7), "{w}");
        assert!(w.message.len() < 300, "{w}");
        assert_eq!(
            date_warning(
                "---
date: 2025-02-30
---
"
            )
            .line,
            2
        );
        // A list or mapping is read to its end: the keys after it still count.
        let text = "---
date: [2025, {a: 1}]
title: kept
---
";
        assert!(date_warning(text).message.contains("a list"));
        assert_eq!(parse(text).unwrap().title.as_deref(), Some("kept"));
        // A second `date` is still an error.
        assert!(err("---
date: x
date: y
---
")
        .message
        .contains("duplicate"));
    }

    #[test]
    fn yaml_errors_are_offset_by_the_opening_line() {
        let e = err("---\ntitle: x\n  bad: [unclosed\n---\n");
        assert_eq!(e.line, 3, "{e}");
        let e = err("---\n- a\n- b\n---\n");
        assert_eq!((e.line, e.column), (2, 1), "{e}");
        let e = err("---\ntitle: [a, b]\n---\n");
        assert_eq!((e.line, e.column), (2, 8), "{e}");
        let e = err("---\ntitle: a\ntitle: b\n---\n");
        assert_eq!(e.line, 3, "{e}");
        assert!(e.message.contains("duplicate key `title`"), "{e}");
        // Other huge numbers are carried, not a crash.
        let digits = "9".repeat(5000);
        let fm = parse(&format!("---\nn: {digits}\nm: 1e999\n---\n")).unwrap();
        assert!(fm.meta.contains_key("n"));
    }
}
