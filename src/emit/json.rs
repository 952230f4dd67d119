//! JSON and JSON Lines writers for the output contract (`ArticleReport`, see docs/output.md).
//!
//! `json` streams too: each article is pretty-printed on its own and indented into place, so
//! the result is byte-for-byte what pretty-printing the whole `{"articles", "summary"}` object
//! would give, without holding every report in memory.

use super::summary::{Tally, Totals};
use super::Emitter;
use crate::diagnostics::{Diagnostic, RuleInfo};
use crate::document::Document;
use crate::report::{ArticleReport, Report};
use serde::Serialize;
use std::io::{self, Write};

fn to_io(e: serde_json::Error) -> io::Error {
    io::Error::from(e)
}

/// Writes `value` pretty-printed, every line after the first indented by `indent`. Safe
/// because pretty JSON never has a raw newline inside a string.
fn write_indented(w: &mut dyn Write, value: &impl Serialize, indent: &str) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(to_io)?;
    let mut lines = text.split('\n');
    if let Some(first) = lines.next() {
        w.write_all(first.as_bytes())?;
    }
    for line in lines {
        w.write_all(b"\n")?;
        w.write_all(indent.as_bytes())?;
        w.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// `--format json`: `{"articles": [...], "summary": {...}}`, pretty-printed.
#[derive(Default)]
pub struct Json {
    articles: usize,
}

impl Emitter for Json {
    fn article(
        &mut self,
        w: &mut dyn Write,
        report: &ArticleReport,
        _doc: Option<&Document>,
    ) -> io::Result<()> {
        w.write_all(if self.articles == 0 {
            b"{\n  \"articles\": [\n    "
        } else {
            b",\n    "
        })?;
        self.articles += 1;
        write_indented(w, report, "    ")
    }

    /// `{"diagnostics": [...]}`, pretty-printed.
    fn diagnostics(
        &mut self,
        w: &mut dyn Write,
        _rules: &[RuleInfo],
        diags: &[Diagnostic],
    ) -> io::Result<()> {
        #[derive(Serialize)]
        struct Diagnostics<'a> {
            diagnostics: &'a [Diagnostic],
        }
        serde_json::to_writer_pretty(&mut *w, &Diagnostics { diagnostics: diags })
            .map_err(to_io)?;
        w.write_all(b"\n")
    }

    fn finish(&mut self, w: &mut dyn Write, tally: &Tally) -> io::Result<()> {
        w.write_all(if self.articles == 0 {
            b"{\n  \"articles\": [],\n  \"summary\": "
        } else {
            b"\n  ],\n  \"summary\": "
        })?;
        write_indented(w, &Totals::of(tally), "  ")?;
        w.write_all(b"\n}\n")
    }
}

/// Appends `report` to `out` as one NDJSON line, newline included: the one NDJSON writer, for
/// `--format ndjson` and for `audit`'s workers, which fill a batch buffer with it.
pub fn ndjson_line(out: &mut Vec<u8>, report: &Report<'_>) -> serde_json::Result<()> {
    crate::report_line::write(out, report)?;
    out.push(b'\n');
    Ok(())
}

/// `--format ndjson`: one article report per line, no summary (it would not be an article).
pub struct Ndjson;

impl Emitter for Ndjson {
    fn article(
        &mut self,
        w: &mut dyn Write,
        report: &ArticleReport,
        _doc: Option<&Document>,
    ) -> io::Result<()> {
        // Written as it is built: the line of a huge article is never held whole.
        let mut line = Vec::with_capacity(4096);
        crate::report_line::write_spilling(w, &mut line, report).map_err(to_io)?;
        line.push(b'\n');
        w.write_all(&line)
    }

    /// One diagnostic per line.
    fn diagnostics(
        &mut self,
        w: &mut dyn Write,
        _rules: &[RuleInfo],
        diags: &[Diagnostic],
    ) -> io::Result<()> {
        for d in diags {
            serde_json::to_writer(&mut *w, d).map_err(to_io)?;
            w.write_all(b"\n")?;
        }
        Ok(())
    }

    fn finish(&mut self, _w: &mut dyn Write, _tally: &Tally) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::testing;

    fn run(emitter: &mut dyn Emitter, reports: &[ArticleReport]) -> String {
        let mut out = Vec::new();
        let mut tally = Tally::default();
        for r in reports {
            tally.record(r, 0, true);
            emitter.article(&mut out, r, None).unwrap();
        }
        emitter.finish(&mut out, &tally).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn streamed_json_equals_pretty_printing_the_whole() {
        let doc = testing::document();
        let reports = [
            testing::flagged_report(&doc),
            testing::clean_report(&doc),
            ArticleReport::failed("x".into(), "x.jsonl".into(), Some(3), "bad JSON".into()),
        ];
        for n in 0..=reports.len() {
            let out = run(&mut Json::default(), &reports[..n]);
            let mut tally = Tally::default();
            reports[..n].iter().for_each(|r| tally.record(r, 0, true));
            #[derive(Serialize)]
            struct Whole<'a> {
                articles: &'a [ArticleReport],
                summary: Totals,
            }
            let whole = Whole {
                articles: &reports[..n],
                summary: Totals::of(&tally),
            };
            assert_eq!(out, serde_json::to_string_pretty(&whole).unwrap() + "\n");
        }
    }

    #[test]
    fn json_output_snapshot() {
        let doc = testing::document();
        let out = run(
            &mut Json::default(),
            &[
                testing::flagged_report(&doc),
                ArticleReport::failed("x".into(), "x.jsonl".into(), Some(3), "bad JSON".into()),
            ],
        );
        insta::assert_snapshot!(out);
    }

    #[test]
    fn ndjson_is_one_report_per_line() {
        let doc = testing::document();
        let out = run(
            &mut Ndjson,
            &[testing::flagged_report(&doc), testing::clean_report(&doc)],
        );
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2);
        for line in lines {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            for key in ["id", "source", "date", "claims", "findings", "error"] {
                assert!(v.get(key).is_some(), "{key} missing");
            }
        }
    }
}
