//! `claimcheck report` and `--format csv` from the command line: the dashboard and the CSV
//! agree with `check`'s findings.

use std::process::Command;

fn claimcheck(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .output()
        .expect("claimcheck runs");
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn audit_then_report_gives_the_findings_of_check() {
    let dir = tempfile::tempdir().unwrap();
    let audit = dir.path().join("audit.ndjson");
    let (code, _, err) = claimcheck(&["audit", "articles", "-q", "-o", audit.to_str().unwrap()]);
    assert!(code.is_some_and(|c| c <= 1), "{err}");
    let page = dir.path().join("dash.html");
    let (code, out, err) = claimcheck(&[
        "report",
        audit.to_str().unwrap(),
        "-o",
        page.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out, "");
    let html = std::fs::read_to_string(&page).unwrap();
    let beside = std::fs::read_to_string(dir.path().join("dash.csv")).unwrap();
    let (_, csv, _) = claimcheck(&["report", audit.to_str().unwrap(), "--format", "csv"]);
    assert_eq!(csv, beside);
    let (_, checked, _) = claimcheck(&["check", "articles", "--format", "csv"]);
    let sorted = |s: &str| {
        let mut lines: Vec<String> = s.lines().map(str::to_string).collect();
        lines.sort();
        lines
    };
    // `audit` names its sources the way `check` does here: the same rows.
    assert_eq!(sorted(&csv), sorted(&checked));
    let (_, json, _) = claimcheck(&["check", "articles", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let findings: usize = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["findings"].as_array().unwrap().len())
        .sum();
    assert_eq!(csv.lines().count(), findings + 1);
    assert_eq!(html.matches("<tr data-rule=").count(), findings);
    assert!(html.contains("<a href=\"dash.csv\">dash.csv</a>"));
}

#[test]
fn a_missing_audit_is_a_usage_error() {
    let (code, out, err) = claimcheck(&["report", "no-such-audit.ndjson"]);
    assert_eq!(code, Some(2));
    assert_eq!(out, "");
    assert!(err.contains("no-such-audit.ndjson"), "{err}");
}
