//! The entry points the fuzzers drive, shared with `tests/fuzz_regressions.rs` so that a saved
//! crash replays through exactly the code that found it.
//!
//! Each function takes arbitrary bytes and must return normally: any panic (arithmetic
//! overflow, slicing off a char boundary, an index out of range, a failed invariant below) is
//! a bug. Input that cannot be read is fine as long as it comes back as an `Err`.

// Each fuzz target uses one of these functions.
#![allow(dead_code)]

use claimcheck::analysis::{self, Checked};
use claimcheck::document::Document;
use claimcheck::report::ArticleReport;
use claimcheck::source;
use claimcheck::span::Span;

/// Raw text straight into the pipeline: no front matter, the whole text is the body.
pub fn extract(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let body = Span::new(0, text.len());
    let doc = Document::new("fuzz".into(), "fuzz.txt".into(), text.to_owned(), body);
    check_and_render(doc);
}

/// The file-reading path of a Markdown or text article: front matter, then the pipeline.
pub fn front_matter(data: &[u8]) {
    if let Ok(doc) = source::document_from_bytes("fuzz.md", "fuzz", data.to_vec()) {
        check_and_render(doc);
    }
}

/// The JSON Lines path: every line a record, bad records as errors, good ones checked.
pub fn record(data: &[u8]) {
    for item in source::records(std::io::Cursor::new(data), "fuzz.jsonl") {
        match item {
            Ok(doc) => check_and_render(doc),
            Err(e) => {
                // The error must render (it names file, line and column).
                let _ = e.to_string();
            }
        }
    }
}

/// Runs the pipeline, checks that every span it returns points into the text on character
/// boundaries, and renders the output-contract report (line/column, JSON).
fn check_and_render(doc: Document) {
    assert_span(&doc, doc.body, "body");
    for s in &doc.sentences {
        assert_span(&doc, *s, "sentence");
    }
    let checked = analysis::check(doc, None);
    assert_spans(&checked);
    let report = ArticleReport::new(&checked, true);
    let by_serde = serde_json::to_vec(&report).expect("a report always serialises");
    // The hand-written NDJSON line must be exactly what serde_json writes.
    let mut by_hand = Vec::new();
    claimcheck::report_line::write(&mut by_hand, &report).expect("a report always writes");
    assert!(by_hand == by_serde, "report_line differs from serde_json");
}

fn assert_spans(checked: &Checked) {
    let doc = &checked.doc;
    for m in &checked.mentions {
        assert_span(doc, m.span, "mention");
        assert_span(doc, m.number_span, "mention number");
        assert!(
            m.span.contains(m.number_span),
            "mention number {:?} outside mention {:?}",
            m.number_span,
            m.span
        );
    }
    for c in &checked.claims {
        assert_span(doc, c.span, "claim");
        assert_span(doc, c.sentence, "claim sentence");
    }
    for f in &checked.findings {
        assert_span(doc, f.span, "finding");
    }
}

fn assert_span(doc: &Document, span: Span, what: &str) {
    let text = &doc.text;
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} span {span:?} outside text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} span {span:?} not on char boundaries"
    );
}
