//! Replays hostile inputs through the fuzzers' entry points (`fuzz/entry_points.rs`, shared
//! with the cargo-fuzz targets) and asserts that none of them panics.
//!
//! Every file in `tests/fixtures/fuzz-regressions/` goes through all five entry points:
//! raw text into the pipeline (`extract`), generated figure clauses in one long sentence
//! (`linker`), the Markdown/text file path (`front_matter`), the JSON Lines path (`record`)
//! and the registry loader (`registry`). A crash the fuzzers find is added there as a file
//! (see `fuzz/README.md`); inputs too big to keep in git are built here instead.

#[path = "../fuzz/entry_points.rs"]
mod entry_points;

use std::panic::{self, AssertUnwindSafe};
use std::path::Path;

type Entry = (&'static str, fn(&[u8]));

const ENTRY_POINTS: [Entry; 5] = [
    ("extract", entry_points::extract),
    ("linker", entry_points::linker),
    ("front_matter", entry_points::front_matter),
    ("record", entry_points::record),
    ("registry", entry_points::registry),
];

/// Runs `input` through every entry point; returns a line per panic.
fn replay(name: &str, input: &[u8]) -> Vec<String> {
    let mut failures = Vec::new();
    for (entry, run) in ENTRY_POINTS {
        if let Err(payload) = panic::catch_unwind(AssertUnwindSafe(|| run(input))) {
            let message = payload
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| payload.downcast_ref::<&str>().copied())
                .unwrap_or("(non-string panic payload)");
            failures.push(format!("{name} via {entry}: {message}"));
        }
    }
    failures
}

fn assert_no_failures(failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{} panic(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn saved_inputs_do_not_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz-regressions");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/fuzz-regressions exists")
        .map(|e| e.expect("readable directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    entries.sort();
    assert!(!entries.is_empty(), "no saved inputs in {}", dir.display());
    let mut failures = Vec::new();
    for path in &entries {
        let name = path.file_name().unwrap().to_string_lossy();
        let input = std::fs::read(path).expect("read saved input");
        failures.extend(replay(&name, &input));
    }
    assert_no_failures(failures);
}

#[test]
fn a_megabyte_line_of_digits_does_not_panic() {
    let mut input = b"Exports rose 5 pct to ".to_vec();
    input.extend(std::iter::repeat_n(b"1234567890", 100_000).flatten());
    input.extend(b" tons from 9.5 tons.");
    assert_no_failures(replay("1 MB of digits", &input));
}

#[test]
fn a_megabyte_line_of_digits_as_a_json_record_does_not_panic() {
    let mut input = br#"{"id": "digits", "body": "up 5 pct to "#.to_vec();
    input.extend(std::iter::repeat_n(b"1234567890", 100_000).flatten());
    input.extend(br#" from 9.5"}"#);
    assert_no_failures(replay("1 MB JSON record of digits", &input));
}

#[test]
fn a_thousand_claims_in_one_sentence_do_not_panic() {
    // One sentence (no full stops) with 1,000 changes. Checking grows with the square of the
    // claims in an article (about 2 s for 1,000 and 5 s for 2,000 in a debug build), so this
    // stays at a size a debug `cargo test` runs quickly.
    let input = "up 5 pct to 10 mln dlrs from 9.5 mln, ".repeat(1_000);
    assert_no_failures(replay("1,000 claims in one sentence", input.as_bytes()));
}

#[test]
fn every_byte_alone_and_after_a_number_does_not_panic() {
    let mut failures = Vec::new();
    for b in 0..=255u8 {
        failures.extend(replay(&format!("byte 0x{b:02x}"), &[b]));
        let mut input = b"rose 5.".to_vec();
        input.push(b);
        input.extend(b"5 pct to 1");
        input.push(b);
        input.extend(b"0 from 9");
        failures.extend(replay(&format!("byte 0x{b:02x} inside numbers"), &input));
    }
    assert_no_failures(failures);
}
