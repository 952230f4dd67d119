//! Article dates as people write them, through the real binary: every accepted form of a
//! front matter or JSON Lines `date` anchors a relative period ("June" is June of the
//! article's year), and an unreadable date is the same warning for both inputs, with the
//! article still checked, without a date anchor.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

const BODY: &str = "Exports rose 10% to 5,000 tonnes in June.";

fn claimcheck(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .arg("--no-registry")
        .current_dir(dir)
        .output()
        .expect("claimcheck runs")
}

/// `check --format json` of an article with front matter `date: <date>` and `body`.
fn check_json(date: &str, body: &str) -> (Value, Output) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        format!("---\ntitle: t\ndate: {date}\n---\n{body}\n"),
    )
    .unwrap();
    let out = claimcheck(&["check", "--format", "json", "a.md"], dir.path());
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    (json, out)
}

/// The period of the first claim's value in `check --format json` of an article written
/// with front matter `date: <date>`.
fn june_in_front_matter(date: &str) -> (Option<String>, Output) {
    let (json, out) = check_json(date, BODY);
    let period = json["articles"][0]["claims"][0]["value"]["period"]
        .as_str()
        .map(str::to_string);
    (period, out)
}

/// The same through `audit` and a JSON Lines record whose `date` is `date` (a JSON value).
fn june_in_record(date: &str) -> (Option<String>, Output) {
    let dir = tempfile::tempdir().unwrap();
    let record = format!(r#"{{"id": "r1", "date": {date}, "body": "{BODY}"}}"#);
    std::fs::write(dir.path().join("a.jsonl"), record + "\n").unwrap();
    let out = claimcheck(&["audit", "--quiet", "a.jsonl"], dir.path());
    let json: Value = serde_json::from_slice(&out.stdout).expect("one NDJSON line");
    let period = json["claims"][0]["value"]["period"]
        .as_str()
        .map(str::to_string);
    (period, out)
}

const FORMS: &[&str] = &[
    "2025-07-21",
    "2025-07-21T10:30:00Z",
    "2025-07-21T10:30:00+02:00",
    "July 21, 2025",
    "Jul 21, 2025",
    "21 July 2025",
    "21 Jul 2025",
    "Mon, 21 Jul 2025 10:30:00 +0000",
];

/// Asserts that a run read `date` cleanly: June of 2025, exit 0, nothing on stderr.
fn assert_anchored((period, out): (Option<String>, Output), date: &str) {
    assert_eq!(period.as_deref(), Some("2025-06"), "{date}");
    assert_eq!(out.status.code(), Some(0), "{date}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.is_empty(), "{date}: {stderr}");
}

#[test]
fn every_accepted_form_anchors_june_in_front_matter_and_in_a_record() {
    for date in FORMS {
        // Quoted, so that YAML reads every form as text (`Mon, 21 ...` has a comma and a colon).
        assert_anchored(june_in_front_matter(&format!("'{date}'")), date);
        assert_anchored(june_in_record(&format!("\"{date}\"")), date);
    }
    // Unquoted too, where YAML allows it.
    assert_anchored(june_in_front_matter("July 21, 2025"), "July 21, 2025");
}

/// Asserts that a run checked the article without a date anchor (exit 0) and said why in
/// exactly one stderr line that starts with `warning`.
fn assert_warned((period, out): (Option<String>, Output), warning: &str) {
    assert_eq!(period, None, "no date anchor");
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with(warning), "{stderr}");
    assert!(
        stderr.trim_end().ends_with("checked without a date anchor"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn an_unreadable_date_is_the_same_warning_in_front_matter_and_in_a_record() {
    assert_warned(
        june_in_front_matter("July 32, 2025"),
        "warning: a.md:3:7: `date` is not a date claimcheck reads: `July 32, 2025`",
    );
    assert_warned(
        june_in_record(r#""yesterday""#),
        "warning: a.jsonl:1:22: `date` is not a date claimcheck reads: `yesterday`",
    );
    assert_warned(
        june_in_record("20250721"),
        "warning: a.jsonl:1:22: `date` is not a date claimcheck reads: a number",
    );
}

#[test]
fn audit_warnings_from_many_workers_are_whole_lines_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let records: String = (1..=200)
        .map(|i| format!("{{\"id\": \"r{i}\", \"date\": \"2025-13-01\", \"body\": \"{BODY}\"}}\n"))
        .collect();
    std::fs::write(dir.path().join("a.jsonl"), records).unwrap();
    let out = claimcheck(&["audit", "--quiet", "--jobs", "4", "a.jsonl"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 200);
    for line in stdout.lines() {
        let json: Value = serde_json::from_str(line).expect("every stdout line is JSON");
        assert_eq!(json["meta"]["date"], "2025-13-01", "{line}");
    }
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 200);
    for line in stderr.lines() {
        assert!(line.starts_with("warning: a.jsonl:"), "{line}");
        assert!(line.ends_with("checked without a date anchor"), "{line}");
    }
}

/// The value and baseline periods of the first claim of `body` in an article dated `date`,
/// as `check --format json` prints them.
fn periods_in(date: &str, body: &str) -> (Option<String>, Option<String>) {
    let (json, _) = check_json(date, body);
    let claim = &json["articles"][0]["claims"][0];
    let period = |side: &str| claim[side]["period"].as_str().map(str::to_string);
    (period("value"), period("baseline"))
}

#[test]
fn modern_period_phrases_resolve_against_the_article_date_in_the_json() {
    let some = |s: &str| Some(s.to_string());
    for (date, body, value, baseline) in [
        // "the fourth quarter" in a January story is last year's; "year over year" the
        // same quarter a year before.
        (
            "2024-01-10",
            "In the fourth quarter, revenue grew 9% year over year to $137.4 billion.",
            some("2023-Q4"),
            some("2022-Q4"),
        ),
        // "last year" as the baseline of a quarter is that quarter last year.
        (
            "2024-01-25",
            "Net profit rose 12% to $5.1 billion in the fourth quarter from $4.5 billion last year.",
            some("2023-Q4"),
            some("2022-Q4"),
        ),
        // A cumulative period prints as a range of months, and steps back a year as one.
        (
            "2023-11-02",
            "Revenue for 9M-23 was $4.2 billion, up 8% YoY.",
            some("2023-01..2023-09"),
            some("2022-01..2022-09"),
        ),
        // Fiscal labels stay fiscal.
        (
            "2024-05-02",
            "Revenue rose 12% to Rs 1,200 crore in Q4 FY24.",
            some("FY2024-Q4"),
            None,
        ),
        // "sequentially": the quarter before.
        (
            "2024-05-02",
            "In the March quarter, revenue rose 4% sequentially to $18 billion.",
            some("2024-Q1"),
            some("2023-Q4"),
        ),
    ] {
        assert_eq!(periods_in(date, body), (value, baseline), "{body}");
    }
}
