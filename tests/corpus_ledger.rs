//! Every error and warning the audit raises on the two research corpora is in the reviewed
//! ledger (`tests/fixtures/corpus-findings.yaml`), and every ledger entry is still raised.
//!
//! The ledger is what the per-rule precision (`cargo run --example ledger-precision`) is
//! measured on, so it must describe what the tool does now: a rule change that adds a finding
//! fails here with the finding printed as a ledger entry (`verdict: unreviewed`) to read and
//! paste; one that drops a finding fails with the entry to remove. When `../shared/corpus` is
//! absent the ledger is still parsed and checked, and the comparison is skipped.

mod ledger;

#[path = "common/skip.rs"]
mod skip;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use ledger::{Corpus, Entry, Severity, Verdict};

fn corpus_dir() -> Option<PathBuf> {
    // `CLAIMCHECK_CORPUS` points elsewhere (or nowhere, to see the skip said).
    let dir = std::env::var_os("CLAIMCHECK_CORPUS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
        PathBuf::from,
    );
    Corpus::ALL
        .iter()
        .all(|c| dir.join(c.file_name()).is_file())
        .then_some(dir)
}

fn load_ledger() -> Vec<Entry> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(ledger::LEDGER);
    ledger::load(&path).unwrap_or_else(|e| panic!("{e}"))
}

/// What an entry is matched on; severity and quote are then compared.
type Key = (Corpus, String, String, u64, u64);

fn key(entry: &Entry) -> Key {
    (
        entry.corpus,
        entry.id.clone(),
        entry.rule.clone(),
        entry.line,
        entry.column,
    )
}

/// The wire copy breaks lines at about 70 columns; a quote is compared with runs of whitespace
/// as one space, so that the ledger can hold it on one line.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An entry as it is written in the ledger, ready to paste under `findings:`.
fn as_yaml(entry: &Entry) -> String {
    // A JSON string is a valid YAML double-quoted scalar.
    let quoted = |s: &str| serde_json::to_string(s).expect("a string serialises");
    format!(
        "  - corpus: {}\n    id: {}\n    rule: {}\n    severity: {}\n    line: {}\n    column: {}\n    quote: {}\n    verdict: {}\n    reason: {}\n",
        entry.corpus.name(),
        entry.id,
        entry.rule,
        entry.severity.name(),
        entry.line,
        entry.column,
        quoted(&entry.quote),
        entry.verdict.name(),
        quoted(&entry.reason),
    )
}

fn start_audit(path: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .arg("audit")
        .arg(path)
        .args(["--quiet", "--no-registry", "--only-findings"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run the claimcheck binary")
}

/// The errors and warnings of a finished audit of `corpus`, as unreviewed ledger entries.
fn raised(corpus: Corpus, path: &Path, audit: Child) -> Vec<Entry> {
    let output = audit.wait_with_output().expect("wait for claimcheck");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "claimcheck audit {} exited with {:?}\nstderr:\n{stderr}",
        path.display(),
        output.status.code()
    );
    let input = std::fs::read_to_string(path).expect("read corpus");
    // The audit names each article's record by its line; the quote is cut from that record.
    let records: Vec<&str> = input.split('\n').collect();
    let stdout = String::from_utf8(output.stdout).expect("audit output is UTF-8");

    let mut entries = Vec::new();
    for line in stdout.lines() {
        let article: serde_json::Value = serde_json::from_str(line).expect("audit line is JSON");
        let id = article["id"].as_str().expect("article id");
        let record_line = article["line"].as_u64().expect("article line");
        let record: serde_json::Value = records
            .get((record_line as usize).wrapping_sub(1))
            .and_then(|r| serde_json::from_str(r).ok())
            .unwrap_or_else(|| panic!("{id}: no JSON record at line {record_line}"));
        assert_eq!(record["id"], id, "the record at line {record_line}");
        for finding in article["findings"].as_array().expect("findings") {
            let severity = match finding["severity"].as_str() {
                Some("error") => Severity::Error,
                Some("warning") => Severity::Warning,
                Some("info") => continue,
                other => panic!("{id}: unknown severity {other:?}"),
            };
            let field = finding["field"].as_str().unwrap_or("body");
            let text = record[field].as_str().unwrap_or_default();
            let span = (
                finding["span"]["start"].as_u64(),
                finding["span"]["end"].as_u64(),
            );
            let quote = match span {
                (Some(start), Some(end)) => text.get(start as usize..end as usize),
                _ => None,
            }
            .unwrap_or_else(|| panic!("{id}: span {span:?} is not a range of its {field}"));
            entries.push(Entry {
                corpus,
                id: id.to_string(),
                rule: finding["rule"].as_str().expect("rule").to_string(),
                severity,
                line: finding["line"].as_u64().expect("line"),
                column: finding["column"].as_u64().expect("column"),
                quote: normalise(quote),
                verdict: Verdict::Unreviewed,
                reason: String::new(),
            });
        }
    }
    entries
}

/// What differs between the ledger and the findings raised now, as a report to act on; empty
/// when they agree. Entries with one key are paired in order, so a place that raises the same
/// rule twice needs two entries.
fn differences(ledger: &[Entry], raised: &[Entry]) -> String {
    let mut by_key: BTreeMap<Key, (Vec<&Entry>, Vec<&Entry>)> = BTreeMap::new();
    for entry in ledger {
        by_key.entry(key(entry)).or_default().0.push(entry);
    }
    for entry in raised {
        by_key.entry(key(entry)).or_default().1.push(entry);
    }
    let (mut new, mut gone, mut changed) = (String::new(), String::new(), String::new());
    for (reviewed, now) in by_key.values() {
        for (was, is) in reviewed.iter().zip(now) {
            if was.severity != is.severity || normalise(&was.quote) != is.quote {
                let _ = write!(changed, "{}  now:\n{}", as_yaml(was), as_yaml(is));
            }
        }
        now.iter()
            .skip(reviewed.len())
            .for_each(|e| new.push_str(&as_yaml(e)));
        reviewed
            .iter()
            .skip(now.len())
            .for_each(|e| gone.push_str(&as_yaml(e)));
    }
    let mut report = String::new();
    for (title, list) in [
        (
            "findings not in the ledger: read each in its article, set verdict and reason, add it",
            new,
        ),
        ("ledger entries no longer raised: remove them", gone),
        (
            "ledger entries whose severity or quote changed: check and update them",
            changed,
        ),
    ] {
        if !list.is_empty() {
            let _ = write!(report, "\n{title}\n{list}");
        }
    }
    report
}

#[test]
fn the_ledger_is_reviewed() {
    let unreviewed: String = load_ledger()
        .iter()
        .filter(|e| e.verdict == Verdict::Unreviewed)
        .map(as_yaml)
        .collect();
    assert!(
        unreviewed.is_empty(),
        "{}: read these findings and give each `real` or `false` with a reason\n{unreviewed}",
        ledger::LEDGER
    );
}

#[test]
fn the_ledger_holds_every_error_and_warning_on_the_corpora() {
    let ledger = load_ledger();
    let Some(dir) = corpus_dir() else {
        skip::skipped(
            "the_ledger_holds_every_error_and_warning_on_the_corpora",
            "the corpus folder (../shared/corpus or $CLAIMCHECK_CORPUS) has not both corpora; the ledger was only parsed",
        );
        return;
    };
    // Both audits run at once; each is parallel too, so this takes as long as the larger one.
    // Reuters is read first: the BBC's few findings fit in its pipe meanwhile.
    let audits: Vec<_> = Corpus::ALL
        .iter()
        .map(|&c| {
            let path = dir.join(c.file_name());
            let audit = start_audit(&path);
            (c, path, audit)
        })
        .collect();
    let raised: Vec<Entry> = audits
        .into_iter()
        .flat_map(|(c, path, audit)| raised(c, &path, audit))
        .collect();
    let report = differences(&ledger, &raised);
    assert!(
        report.is_empty(),
        "the audit's errors and warnings differ from {}:\n{report}",
        ledger::LEDGER
    );
}

/// A reviewed change-mismatch in reuters-1 at `line`:6.
fn reviewed(line: u64, quote: &str) -> Entry {
    Entry {
        corpus: Corpus::Reuters,
        id: "reuters-1".to_string(),
        rule: "change-mismatch".to_string(),
        severity: Severity::Error,
        line,
        column: 6,
        quote: quote.to_string(),
        verdict: Verdict::Real,
        reason: "87.1/72.6 = +19.97%, stated 20.8 pct".to_string(),
    }
}

/// The same finding as the audit reports it.
fn raised_now(entry: &Entry) -> Entry {
    Entry {
        verdict: Verdict::Unreviewed,
        reason: String::new(),
        ..entry.clone()
    }
}

#[test]
fn accepts_the_same_findings_with_the_quote_broken_across_lines() {
    let ledger = [reviewed(2, "rose 20.8 pct"), reviewed(9, "fell 2 pct")];
    let mut now: Vec<Entry> = ledger.iter().map(raised_now).collect();
    now[0].quote = normalise("rose 20.8\n pct");
    assert_eq!(differences(&ledger, &now), "");
}

#[test]
fn flags_a_new_finding_as_an_unreviewed_entry_ready_to_paste() {
    let ledger = [reviewed(2, "rose 20.8 pct")];
    let now = [
        raised_now(&ledger[0]),
        raised_now(&reviewed(9, "fell 2 pct")),
    ];
    let report = differences(&ledger, &now);
    assert!(report.contains("not in the ledger"), "{report}");
    assert!(report.contains(&as_yaml(&now[1])), "{report}");
    assert!(report.contains("    line: 9\n"), "{report}");
    assert!(report.contains("    verdict: unreviewed\n"), "{report}");
    assert!(!report.contains("    line: 2\n"), "{report}");
}

#[test]
fn flags_a_ledger_entry_no_longer_raised() {
    let ledger = [reviewed(2, "rose 20.8 pct"), reviewed(9, "fell 2 pct")];
    let report = differences(&ledger, &[raised_now(&ledger[0])]);
    assert!(report.contains("no longer raised"), "{report}");
    assert!(report.contains(&as_yaml(&ledger[1])), "{report}");
    assert!(!report.contains("not in the ledger"), "{report}");
}

#[test]
fn flags_a_finding_raised_twice_at_a_place_reviewed_once() {
    let ledger = [reviewed(2, "rose 20.8 pct")];
    let now = [raised_now(&ledger[0]), raised_now(&ledger[0])];
    let report = differences(&ledger, &now);
    assert!(report.contains("not in the ledger"), "{report}");
    assert_eq!(report.matches("  - corpus: reuters").count(), 1, "{report}");
}

#[test]
fn flags_a_changed_quote_or_severity() {
    let ledger = [reviewed(2, "rose 20.8 pct")];
    let mut now = raised_now(&ledger[0]);
    now.quote = "rose 20.8 pct to 87.1 mln dlrs".to_string();
    let report = differences(&ledger, &[now.clone()]);
    assert!(report.contains("severity or quote changed"), "{report}");
    now = raised_now(&ledger[0]);
    now.severity = Severity::Warning;
    let report = differences(&ledger, &[now]);
    assert!(report.contains("    severity: warning\n"), "{report}");
}
