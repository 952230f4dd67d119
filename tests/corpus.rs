//! Archive mode over real news: the two research corpora in `../shared/corpus` (see its
//! README; they are not part of this repository and the tests skip when they are absent).
//!
//! `claimcheck audit` must never crash on real text: it exits 0 or 1, writes exactly one
//! NDJSON line per record, every line valid JSON with the record's `id`, each id once.
//!
//! Both corpora run in every `cargo test`: a debug build audits all 21,268 records in about
//! 15-20 s on two cores (release: a few seconds). If that grows past a minute, mark these
//! `#[ignore = "..."]` and add a variant over the first 2,000 records.

#[path = "common/skip.rs"]
mod skip;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const REUTERS: &str = "reuters21578.jsonl";
const REUTERS_RECORDS: usize = 19_043;
const BBC: &str = "bbc.jsonl";
const BBC_RECORDS: usize = 2_225;

/// The corpus folder, or `None` (and the skip said) for `test` when it is missing.
fn corpus_dir(test: &str) -> Option<PathBuf> {
    // `CLAIMCHECK_CORPUS` points elsewhere (or nowhere, to see the skip said).
    let dir = std::env::var_os("CLAIMCHECK_CORPUS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
        PathBuf::from,
    );
    if dir.join(REUTERS).is_file() && dir.join(BBC).is_file() {
        Some(dir)
    } else {
        skip::skipped(
            test,
            &format!("{} (the Reuters and BBC corpora) not found", dir.display()),
        );
        None
    }
}

/// The ids of the records in `jsonl`, in order.
fn ids(jsonl: &str) -> Vec<String> {
    jsonl
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("corpus line is JSON");
            v["id"]
                .as_str()
                .expect("corpus record has a string id")
                .to_string()
        })
        .collect()
}

/// Audits `path` and checks the output contract against the records it holds.
fn audit(path: &Path, expected_records: usize) {
    let input = std::fs::read_to_string(path).expect("read corpus");
    let expected = ids(&input);
    assert_eq!(
        expected.len(),
        expected_records,
        "{}: records in the input",
        path.display()
    );

    let output = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["audit", path.to_str().unwrap(), "--quiet", "--no-registry"])
        .output()
        .expect("run the claimcheck binary");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let code = output.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "claimcheck audit {} exited with {code:?}\nstderr:\n{stderr}",
        path.display()
    );

    let stdout = String::from_utf8(output.stdout).expect("audit output is UTF-8");
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut unreadable = Vec::new();
    let mut lines = 0;
    for (i, line) in stdout.lines().enumerate() {
        lines += 1;
        let report: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| {
            panic!(
                "{}: output line {} is not JSON: {e}\n{line}",
                path.display(),
                i + 1
            )
        });
        let id = report["id"]
            .as_str()
            .unwrap_or_else(|| panic!("output line {} has no string id: {line}", i + 1));
        *seen.entry(id.to_string()).or_default() += 1;
        if !report["error"].is_null() {
            unreadable.push(format!("{id}: {}", report["error"]));
        }
    }
    assert_eq!(
        lines,
        expected_records,
        "{}: one NDJSON line per record\nstderr:\n{stderr}",
        path.display()
    );
    let twice: Vec<_> = seen
        .iter()
        .filter(|(_, &n)| n > 1)
        .map(|(id, _)| id)
        .collect();
    assert!(twice.is_empty(), "ids reported more than once: {twice:?}");
    let missing: Vec<_> = expected
        .iter()
        .filter(|id| !seen.contains_key(*id))
        .collect();
    assert!(missing.is_empty(), "ids never reported: {missing:?}");
    assert!(
        unreadable.is_empty(),
        "every corpus record is readable, but some reports carry an error:\n{}",
        unreadable.join("\n")
    );
}

#[test]
fn audits_all_of_reuters_21578() {
    let Some(dir) = corpus_dir("audits_all_of_reuters_21578") else {
        return;
    };
    audit(&dir.join(REUTERS), REUTERS_RECORDS);
}

#[test]
fn audits_all_of_bbc_news() {
    let Some(dir) = corpus_dir("audits_all_of_bbc_news") else {
        return;
    };
    audit(&dir.join(BBC), BBC_RECORDS);
}
