//! Per-rule precision of claimcheck's errors and warnings, measured on the reviewed ledger of
//! corpus findings, printed as a markdown table for the README:
//!
//! ```sh
//! cargo run --example ledger-precision                  # tests/fixtures/corpus-findings.yaml
//! cargo run --example ledger-precision -- LEDGER.yaml   # another ledger of the same form
//! ```
//!
//! Precision is real / (real + false): the share of flags an editor would accept. Entries not
//! reviewed yet count in neither and are reported under the table. `tests/corpus_ledger.rs`
//! keeps the ledger equal to what the audit raises, so the table describes the tool as built.

#[allow(dead_code)] // shared with tests/corpus_ledger.rs, which uses more of it
#[path = "../tests/ledger/mod.rs"]
mod ledger;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use ledger::{Entry, Severity, Verdict};

#[derive(Default)]
struct Tally {
    real: usize,
    false_alarms: usize,
    unreviewed: usize,
}

impl Tally {
    fn add(&mut self, verdict: Verdict) {
        match verdict {
            Verdict::Real => self.real += 1,
            Verdict::False => self.false_alarms += 1,
            Verdict::Unreviewed => self.unreviewed += 1,
        }
    }

    fn row(&self, label: &str) -> String {
        let reviewed = self.real + self.false_alarms;
        let precision = if reviewed == 0 {
            "-".to_string()
        } else {
            format!("{:.0}%", 100.0 * self.real as f64 / reviewed as f64)
        };
        format!(
            "| {label} | {} | {} | {precision} |",
            self.real, self.false_alarms
        )
    }
}

/// The table: one row per rule (by name), then errors, warnings and both together.
fn table(entries: &[Entry]) -> String {
    let mut by_rule: BTreeMap<&str, Tally> = BTreeMap::new();
    let (mut errors, mut warnings, mut all) =
        (Tally::default(), Tally::default(), Tally::default());
    for entry in entries {
        by_rule.entry(&entry.rule).or_default().add(entry.verdict);
        match entry.severity {
            Severity::Error => errors.add(entry.verdict),
            Severity::Warning => warnings.add(entry.verdict),
        }
        all.add(entry.verdict);
    }
    let mut lines = vec![
        "| rule | real | false | precision |".to_string(),
        "|---|---:|---:|---:|".to_string(),
    ];
    lines.extend(by_rule.iter().map(|(rule, tally)| tally.row(rule)));
    lines.push(errors.row("all errors"));
    lines.push(warnings.row("all warnings"));
    lines.push(all.row("**errors and warnings**"));
    if all.unreviewed > 0 {
        lines.push(String::new());
        lines.push(format!(
            "{} entries are not reviewed yet and are left out.",
            all.unreviewed
        ));
    }
    lines.join("\n")
}

fn main() -> ExitCode {
    let path = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(ledger::LEDGER));
    match ledger::load(&path) {
        Ok(entries) => {
            println!("{}", table(&entries));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("ledger-precision: {e}");
            ExitCode::from(2)
        }
    }
}
