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
use claimcheck::emit::{self, EmitOptions, Format};
use claimcheck::registry;
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

/// Figure clauses in the shapes newswires write them: changes, values and baselines, so that
/// the linker has every kind of mention to pair. `{a}`, `{b}`, `{c}` are numbers.
const CLAUSES: [&str; 8] = [
    "sales rose {a} pct to {b} mln dlrs from {c} mln",
    "net profit fell {a} pct to {b} billion yen",
    "output was {b} tonnes, up from {c} tonnes",
    "shares gained {a} cts to {b} dlrs",
    "exports increased by {a}% to ${b} million from ${c} million",
    "the rate was {a} pct against {c} pct a year earlier",
    "revenue of {b} mln stg compared with {c} mln",
    "a {a} pct rise",
];
const JOINERS: [&str; 4] = [" and ", ", ", " while ", "; "];

/// A number written one of the ways articles write them, from one byte.
fn number(x: u8) -> String {
    match x % 4 {
        0 => x.to_string(),
        1 => format!("{}.{}", x / 10, x % 10),
        2 => format!("{},{:03}", x, u32::from(x) * 7 % 1000),
        _ => format!("{}.{:02}", x / 3, x % 100),
    }
}

/// The linker on one long sentence: every four bytes pick a figure clause, its three
/// numbers and the word joining it to the next, and nothing ends the sentence until the
/// last full stop (4 KB of input is 1,024 clauses, about 40 KB of text). Run with
/// `-timeout`, a linker that looks at every mention again for each figure shows as a slow
/// input; the spans and the report are checked as for `extract`.
pub fn linker(data: &[u8]) {
    // 4,096 clauses at most: the regression inputs built for the other entry points are
    // megabytes, which here would be a sentence of a million figures.
    let data = &data[..data.len().min(16 * 1024)];
    let mut text = String::from("In 1987 ");
    for chunk in data.chunks(4) {
        let byte = |i: usize| chunk.get(i).copied().unwrap_or(0);
        let k = usize::from(byte(0));
        let clause = CLAUSES[k % CLAUSES.len()]
            .replace("{a}", &number(byte(1)))
            .replace("{b}", &number(byte(2)))
            .replace("{c}", &number(byte(3)));
        text.push_str(&clause);
        text.push_str(JOINERS[(k / CLAUSES.len()) % JOINERS.len()]);
    }
    text.push_str("the year before.");
    let body = Span::new(0, text.len());
    let doc = Document::new("fuzz".into(), "fuzz.txt".into(), text, body);
    check_and_render(doc);
}

/// The registry loader: the bytes as one registry file, or as two split at the first NUL
/// byte (so that ids, references and duplicates across files are reached too). Its problems
/// must render in every format; a registry that can be used then checks an article.
pub fn registry(data: &[u8]) {
    let files: Vec<(String, String)> = data
        .splitn(2, |&b| b == 0)
        .enumerate()
        .filter_map(|(i, part)| {
            let text = std::str::from_utf8(part).ok()?;
            Some((format!("fuzz-{i}.yaml"), text.to_owned()))
        })
        .collect();
    let validation = registry::validate_texts(&files);
    let diagnostics = registry::problem::diagnostics(&validation.problems);
    let rules = registry::problem::rule_infos();
    for format in [Format::Human, Format::Json, Format::Sarif, Format::Github] {
        let mut out = Vec::new();
        emit::emitter(format, EmitOptions::default())
            .diagnostics(&mut out, &rules, &diagnostics)
            .expect("writing to memory cannot fail");
    }
    if validation.count(registry::Class::Invalid) > 0 {
        return; // `check` refuses such a registry.
    }
    let article = "---\ndate: 2025-07-21\n---\nExports rose 660% to 353 tons in June from May, \
                   and fell 38.1% from a year earlier to 3,188 tons.\n";
    let doc = source::document_from_bytes("fuzz.md", "fuzz", article.as_bytes().to_vec())
        .expect("the fixed article reads");
    let checked = analysis::check(doc, Some(&validation.registry));
    assert_spans(&checked);
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
