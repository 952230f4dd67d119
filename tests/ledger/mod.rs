//! The reviewed ledger of corpus findings (`tests/fixtures/corpus-findings.yaml`, whose header
//! says what it is): its entries and how to load them, shared by `tests/corpus_ledger.rs` and
//! `examples/ledger-precision.rs` so that both read the file by one definition.

use std::path::Path;

use serde::Deserialize;

/// The ledger, relative to the crate root.
pub const LEDGER: &str = "tests/fixtures/corpus-findings.yaml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Ledger {
    findings: Vec<Entry>,
}

/// One error or warning the audit raises on a corpus, with what a reader made of it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub corpus: Corpus,
    pub id: String,
    pub rule: String,
    pub severity: Severity,
    pub line: u64,
    pub column: u64,
    /// The text of the finding's span, runs of whitespace written as one space.
    pub quote: String,
    pub verdict: Verdict,
    pub reason: String,
}

/// The research corpora under `../shared/corpus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Corpus {
    Reuters,
    Bbc,
}

/// Only errors and warnings are reviewed: an info is a hint, not a claim that a figure is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// An editor would accept the flag: the figures as printed contradict each other.
    Real,
    /// A false alarm: the figures agree once read as the article means them.
    False,
    /// Not read yet: how a new finding is proposed for the ledger.
    Unreviewed,
}

impl Corpus {
    pub const ALL: [Corpus; 2] = [Corpus::Reuters, Corpus::Bbc];

    pub fn name(self) -> &'static str {
        match self {
            Corpus::Reuters => "reuters",
            Corpus::Bbc => "bbc",
        }
    }

    pub fn file_name(self) -> &'static str {
        match self {
            Corpus::Reuters => "reuters21578.jsonl",
            Corpus::Bbc => "bbc.jsonl",
        }
    }
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl Verdict {
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Real => "real",
            Verdict::False => "false",
            Verdict::Unreviewed => "unreviewed",
        }
    }
}

/// The entries of the ledger at `path`, or what is wrong with the file.
pub fn load(path: &Path) -> Result<Vec<Entry>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let ledger: Ledger =
        serde_yaml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(ledger.findings)
}
