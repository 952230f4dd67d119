//! Checking from a host program (the Python package in `python/`): one text to the output
//! contract's article object as `check --format json` writes it, and batches of JSON records
//! through the audit's own worker to its NDJSON lines, error objects included. Nothing here is
//! a second pipeline: a text is read as `check` reads an article file, a record as `audit`
//! reads an archive line.

use crate::audit::pipeline::{self, Processed, Unit};
use crate::policy::Policy;
use crate::registry::Registry;
use crate::report::{ArticleReport, Report};
use crate::source::InputError;
use serde_json::Value;
use std::sync::Arc;

/// `check` (claims and findings) or `extract` (claims and every numeric mention, no rules).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Check,
    Extract,
}

/// One article's text and what the caller says about it. The text is read as an article file
/// is (optional YAML front matter, Markdown comments and code hidden); `date`, `title` and
/// `lang`, when given, take the place of the front matter's.
#[derive(Clone, Copy, Debug)]
pub struct Text<'a> {
    pub text: &'a str,
    /// The report's `id`.
    pub id: &'a str,
    /// The report's `source`, and the file that error messages name.
    pub source: &'a str,
    pub date: Option<&'a str>,
    pub title: Option<&'a str>,
    pub lang: Option<&'a str>,
}

/// An argument that cannot be used: which one (`text`, `date`, `lang`) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArgumentError {
    pub field: &'static str,
    pub message: String,
}

impl std::fmt::Display for ArgumentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "`{}`: {}", self.field, self.message)
    }
}

/// An article's report and the warnings reading it raised (an unreadable front-matter date),
/// each as `source:line:column: message`.
pub type Checked = (ArticleReport, Vec<String>);

/// Runs the pipeline over one text as `check` (or `extract`) runs it over an article file,
/// with `policy` and the inline suppressions, and returns the article object `--format json`
/// writes for it.
pub fn text(
    input: &Text,
    registry: Option<&Registry>,
    policy: &Policy,
    mode: Mode,
) -> Result<Checked, ArgumentError> {
    let text_error = |e: InputError| ArgumentError {
        field: "text",
        message: e.to_string(),
    };
    let bytes = input.text.as_bytes().to_vec();
    let mut doc =
        crate::source::document_from_bytes(input.source, input.id, bytes).map_err(text_error)?;
    if let Some(code) = input.lang {
        let lang = crate::lang::by_code(code).ok_or_else(|| ArgumentError {
            field: "lang",
            message: crate::frontmatter::unknown_language(code),
        })?;
        if !std::ptr::eq(lang, doc.lang) {
            // Sentences are split by the language's rules: rebuild the document in it.
            let mut rebuilt = crate::document::Document::in_language(
                std::mem::take(&mut doc.id),
                std::mem::take(&mut doc.source),
                std::mem::take(&mut doc.text),
                doc.body,
                lang,
            );
            rebuilt.title = doc.title.take();
            rebuilt.date = doc.date;
            rebuilt.meta = std::mem::take(&mut doc.meta);
            rebuilt.warnings = std::mem::take(&mut doc.warnings);
            rebuilt.set_hidden(std::mem::take(&mut doc.hidden));
            doc = rebuilt;
        }
    }
    if let Some(date) = input.date {
        doc.date = Some(
            crate::frontmatter::article_date(date, doc.lang).ok_or_else(|| ArgumentError {
                field: "date",
                message: crate::frontmatter::unreadable_date(&crate::frontmatter::shown(date)),
            })?,
        );
    }
    if let Some(title) = input.title {
        doc.title = Some(title.to_string());
    }
    let warnings = std::mem::take(&mut doc.warnings);
    let mut checked = crate::analysis::check_with(doc, registry, policy).map_err(text_error)?;
    if mode == Mode::Extract {
        checked.extraction_only();
    }
    let report = ArticleReport::new(&checked, mode == Mode::Extract);
    Ok((report, warnings))
}

/// A record the host could not even turn into JSON: why, and its id when it has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unconverted {
    pub message: String,
    pub id: Option<String>,
}

/// Checks JSON Lines records (each the bytes of one JSON object, without its newline) exactly
/// as `audit`'s workers do, with `policy` and the inline suppressions, and returns their NDJSON
/// lines in order. Record `i` is line `first_line + i` of `source`; a record that cannot be
/// read, or that claimcheck fails on, gets an error object and the others go on.
pub fn records(
    source: &str,
    first_line: usize,
    records: Vec<Result<Vec<u8>, Unconverted>>,
    registry: Option<&Registry>,
    policy: &Policy,
) -> Vec<u8> {
    let source: Arc<str> = Arc::from(source);
    let units = records
        .into_iter()
        .enumerate()
        .map(|(i, record)| {
            let line = first_line + i;
            match record {
                Ok(bytes) => Unit::Record {
                    source: source.clone(),
                    line,
                    bytes,
                },
                Err(Unconverted { message, id }) => {
                    Unit::Unreadable(InputError::new(&*source, line, 1, message).with_id(id))
                }
            }
        })
        .collect();
    pipeline::check_units(units, &|unit| crate::audit::process(unit, registry, policy))
}

/// What checking one record gave, kept for the host to build its own object from (the Python
/// package builds dicts straight from the report, without JSON in between): the checked
/// article, or the report of a record that could not be read or checked. A record that made
/// the checker panic is already its error report, as `audit` writes it.
pub struct Outcome {
    result: Processed,
    /// What a report that fails while being built or written is made from, as `audit`'s
    /// fallback report is: the record's id when known, its source and line.
    id: Option<String>,
    source: Arc<str>,
    line: usize,
}

impl Outcome {
    /// Hands the record's report to `write`, exactly the report `audit` serialises for it (the
    /// article's own, borrowing its text, or its error report). If `write` fails, or building
    /// or writing the report panics, `write` gets instead the error report `audit` writes in
    /// that case, and its result is returned.
    pub fn write<T, E: std::fmt::Display>(
        &self,
        mut write: impl FnMut(&Report<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        let first = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let checked;
            let report = match &self.result {
                Processed::Checked(article) => {
                    checked = Report::of(article, false);
                    &checked
                }
                Processed::Failed(report) => report,
            };
            write(report).map_err(|e| {
                Box::new(crate::unreadable::internal_error(
                    Some(report.id.clone()),
                    &report.source,
                    report.line,
                    &format!("could not serialise the report: {e}"),
                ))
            })
        }));
        match first {
            Ok(Ok(written)) => Ok(written),
            Ok(Err(failed)) => write(&failed),
            Err(panic) => write(&self.fallback(&crate::unreadable::panic_message(&*panic))),
        }
    }

    fn fallback(&self, what: &str) -> ArticleReport {
        crate::unreadable::internal_error(self.id.clone(), &self.source, Some(self.line), what)
    }
}

/// [`records`], without the serialising: each record's [`Outcome`], in order. The records are
/// read and checked by `audit`'s own worker ([`crate::audit::process`]), a panic caught as
/// `audit` catches it, so that each outcome's report is the object of the NDJSON line
/// [`records`] gives for it.
pub fn outcomes(
    source: &str,
    first_line: usize,
    records: Vec<Result<Vec<u8>, Unconverted>>,
    registry: Option<&Registry>,
    policy: &Policy,
) -> Vec<Outcome> {
    outcomes_with(source, first_line, records, |bytes, source, line| {
        let unit = Unit::Record {
            source: source.clone(),
            line,
            bytes,
        };
        crate::audit::process(unit, registry, policy)
    })
}

/// A record that a host read itself (the Python package's dicts): its top-level fields as
/// JSON values, and how to write its JSON object, which is needed only when the fields alone
/// do not do (when reading the record raises an error or a warning, whose column points into
/// that text).
pub struct Fields<J> {
    pub fields: serde_json::Map<String, Value>,
    pub json: J,
}

/// [`outcomes`] of records given as their [`Fields`]: each read into its document without
/// JSON text in between when that gives exactly what reading its JSON gives, else from the
/// JSON `json` writes; the outcomes are those [`outcomes`] gives for the JSON objects.
pub fn outcomes_of_fields<J: FnOnce() -> Vec<u8>>(
    source: &str,
    first_line: usize,
    records: Vec<Result<Fields<J>, Unconverted>>,
    registry: Option<&Registry>,
    policy: &Policy,
) -> Vec<Outcome> {
    outcomes_with(
        source,
        first_line,
        records,
        |Fields { fields, json }, source, line| match crate::source::record::from_fields(
            source, line, fields,
        ) {
            Some(document) => crate::audit::check(Ok(document), registry, policy),
            None => {
                let unit = Unit::Record {
                    source: source.clone(),
                    line,
                    bytes: json(),
                };
                crate::audit::process(unit, registry, policy)
            }
        },
    )
}

/// Each record's [`Outcome`], in order: `process` reads and checks a record (line `line` of
/// `source`), a record the host could not convert is its error report, and a panic is caught
/// as `audit` catches it.
fn outcomes_with<R>(
    source: &str,
    first_line: usize,
    records: Vec<Result<R, Unconverted>>,
    process: impl Fn(R, &Arc<str>, usize) -> Processed,
) -> Vec<Outcome> {
    let source: Arc<str> = Arc::from(source);
    records
        .into_iter()
        .enumerate()
        .map(|(i, record)| {
            let line = first_line + i;
            let (record, id) = match record {
                Ok(record) => (Ok(record), None),
                Err(Unconverted { message, id }) => (Err(message), id),
            };
            let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match record {
                Ok(record) => process(record, &source, line),
                Err(message) => {
                    let error = InputError::new(&*source, line, 1, message).with_id(id.clone());
                    Processed::Failed(crate::unreadable::report(&error))
                }
            }));
            let result = checked.unwrap_or_else(|panic| {
                let what = crate::unreadable::panic_message(&*panic);
                Processed::Failed(crate::unreadable::internal_error(
                    id.clone(),
                    &source,
                    Some(line),
                    &what,
                ))
            });
            Outcome {
                result,
                id,
                source: source.clone(),
                line,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "---\ntitle: Sales\ndate: 2025-07-21\n---\n\nSales rose 20.8 pct to 87.1 mln dlrs from 72.6 mln dlrs in 1985.\n";

    fn input(text: &str) -> Text<'_> {
        Text {
            text,
            id: "a",
            source: "a.md",
            date: None,
            title: None,
            lang: None,
        }
    }

    #[test]
    fn a_text_gets_the_report_an_article_file_gets() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, ARTICLE).unwrap();
        let mut doc = crate::source::read_file(&path).unwrap();
        doc.source = "a.md".to_string();
        let checked = crate::analysis::check_with(doc, None, &Policy::default()).unwrap();
        let from_file = serde_json::to_value(ArticleReport::new(&checked, false)).unwrap();
        let (report, warnings) =
            text(&input(ARTICLE), None, &Policy::default(), Mode::Check).expect("a readable text");
        assert!(warnings.is_empty());
        assert_eq!(serde_json::to_value(&report).unwrap(), from_file);
        assert_eq!(report.findings[0].rule, "change-mismatch");
    }

    #[test]
    fn arguments_take_the_place_of_front_matter_and_bad_ones_are_named() {
        let given = Text {
            date: Some("1987-03-02"),
            title: Some("Other"),
            ..input(ARTICLE)
        };
        let (report, _) = text(&given, None, &Policy::default(), Mode::Check).unwrap();
        assert_eq!(
            report.date.map(|d| d.to_string()).as_deref(),
            Some("1987-03-02")
        );
        assert_eq!(report.title.as_deref(), Some("Other"));
        let bad_date = Text {
            date: Some("someday"),
            ..input(ARTICLE)
        };
        let e = text(&bad_date, None, &Policy::default(), Mode::Check).unwrap_err();
        assert_eq!(e.field, "date");
        let bad_lang = Text {
            lang: Some("xx"),
            ..input(ARTICLE)
        };
        let e = text(&bad_lang, None, &Policy::default(), Mode::Check).unwrap_err();
        assert_eq!(e.field, "lang");
        let e = text(
            &input("---\ntitle: [\n---\n"),
            None,
            &Policy::default(),
            Mode::Check,
        )
        .unwrap_err();
        assert_eq!(e.field, "text");
    }

    #[test]
    fn extraction_lists_mentions_and_no_findings() {
        let (report, _) = text(&input(ARTICLE), None, &Policy::default(), Mode::Extract).unwrap();
        assert!(report.findings.is_empty());
        assert!(report.mentions.as_ref().is_some_and(|m| m.len() >= 3));
    }

    #[test]
    fn records_are_checked_in_order_and_a_bad_one_is_an_error_line() {
        let good =
            br#"{"id": "g", "body": "Sales rose 20.8 pct to 87.1 mln dlrs from 72.6 mln dlrs."}"#;
        let lines = records(
            "<records>",
            1,
            vec![
                Ok(good.to_vec()),
                Ok(br#"{"id": "b", "body": 5}"#.to_vec()),
                Err(Unconverted {
                    message: "a record must be a dict".to_string(),
                    id: None,
                }),
                Err(Unconverted {
                    message: "`date` has no JSON form".to_string(),
                    id: Some("d".to_string()),
                }),
            ],
            None,
            &Policy::default(),
        );
        let lines: Vec<serde_json::Value> = String::from_utf8(lines)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0]["id"], "g");
        assert_eq!(lines[0]["findings"][0]["rule"], "change-mismatch");
        assert_eq!(lines[1]["id"], "b");
        assert!(lines[1]["error"].as_str().unwrap().contains("`body`"));
        assert_eq!(lines[2]["line"], 3);
        assert_eq!(lines[2]["error"], "<records>:3:1: a record must be a dict");
        assert_eq!(lines[2]["id"], "<records>:3");
        assert_eq!(lines[3]["id"], "d");
    }

    #[test]
    fn outcomes_are_the_reports_of_the_lines_records_writes() {
        let batch = || {
            vec![
                Ok(br#"{"id": "g", "body": "Sales rose 20.8 pct to 87.1 mln dlrs from 72.6 mln dlrs.", "desk": "x"}"#.to_vec()),
                Ok(br#"{"id": "b", "body": 5}"#.to_vec()),
                Err(Unconverted {
                    message: "a record must be a dict".to_string(),
                    id: Some("d".to_string()),
                }),
            ]
        };
        let lines = records("<records>", 7, batch(), None, &Policy::default());
        let outcomes = outcomes("<records>", 7, batch(), None, &Policy::default());
        let mut written = Vec::new();
        for outcome in &outcomes {
            let line = outcome.write(|r| serde_json::to_vec(r)).unwrap();
            written.extend_from_slice(&line);
            written.push(b'\n');
        }
        assert_eq!(String::from_utf8(written), String::from_utf8(lines));
        // A report the host cannot write becomes audit's internal error report, with its id.
        let mut calls = 0;
        let fallback = outcomes[0]
            .write(|report| {
                calls += 1;
                if calls == 1 {
                    Err("no room")
                } else {
                    Ok((report.id.clone(), report.error.clone().unwrap()))
                }
            })
            .unwrap();
        assert_eq!(fallback.0, "g");
        assert_eq!(
            fallback.1,
            "<records>:7: internal error: could not serialise the report: no room"
        );
    }

    #[test]
    fn records_given_as_fields_have_the_outcomes_of_their_json() {
        let texts = [
            r#"{"id": "g", "body": "Sales rose 20.8 pct to 87.1 mln dlrs from 72.6 mln dlrs.", "date": "1987-02-26T15:01:01", "title": "Sales", "desk": {"x": [1, 2.5, null, true]}}"#,
            r#"{"id": 17, "body": "Up 5%.", "date": null, "title": 5, "lang": "en"}"#,
            r#"{"id": " ", "body": "Up 5%.", "date": "31-MAR-1987"}"#,
            r#"{"id": "b", "body": 5}"#,
            r#"{"id": "n", "title": "no body"}"#,
            r#"{"id": "l", "body": "Up 5%.", "lang": "xx"}"#,
        ];
        let policy = Policy::default();
        let json = texts.iter().map(|t| Ok(t.as_bytes().to_vec())).collect();
        let expected = outcomes("<records>", 3, json, None, &policy);
        let written = std::cell::Cell::new(0);
        let fields = texts
            .iter()
            .map(|t| {
                Ok(Fields {
                    fields: serde_json::from_str(t).unwrap(),
                    json: || {
                        written.set(written.get() + 1);
                        t.as_bytes().to_vec()
                    },
                })
            })
            .collect();
        let got = outcomes_of_fields("<records>", 3, fields, None, &policy);
        let line = |o: &Outcome| o.write(|r| serde_json::to_string(r)).unwrap();
        assert_eq!(
            got.iter().map(line).collect::<Vec<_>>(),
            expected.iter().map(line).collect::<Vec<_>>()
        );
        // The JSON text is written only for the records whose reading says something about
        // it (an unreadable date, a body that is not a string or missing, an unknown language).
        assert_eq!(written.get(), 4);
    }
}
