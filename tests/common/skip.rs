//! Saying that a test was skipped, so that a missing corpus does not pass for a run.
//!
//! libtest captures `print!` and `eprint!` and shows them only for a failing test, so a skip
//! said with them is silent under a plain `cargo test`. This writes to the process's stderr
//! directly, which libtest does not capture: the line shows among the test results.

use std::io::Write;

/// Writes `SKIPPED test: reason` to stderr, past libtest's capture.
pub fn skipped(test: &str, reason: &str) {
    let _ = writeln!(std::io::stderr().lock(), "SKIPPED {test}: {reason}");
}
