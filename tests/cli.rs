//! Runs the real binary: subcommands, exit codes, output formats, broken pipes, and SARIF
//! output validated against the OASIS 2.1.0 schema.
//!
//! Extraction and the rules are built elsewhere, so assertions here hold whatever claims an
//! article yields; findings are hand-built where a test needs them.

use claimcheck::diagnostics::{Diagnostic, RuleInfo};
use claimcheck::emit::sarif::write_sarif_with_notifications;
use claimcheck::finding::Severity;
use claimcheck::rules::RULES;
use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

#[path = "common/workspace.rs"]
mod workspace;
use workspace::{text, workspace, ARTICLE};

fn claimcheck() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
    cmd.env_remove("NO_COLOR");
    cmd
}

fn run(args: &[&str], dir: &Path) -> Output {
    claimcheck()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run claimcheck")
}

fn sarif_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(include_str!("fixtures/sarif-schema-2.1.0.json"))
        .expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

fn assert_valid_sarif(log: &Value) {
    let validator = sarif_validator();
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "invalid SARIF:\n{}\n{log:#}",
        errors.join("\n")
    );
}

#[test]
fn rules_lists_every_rule_with_its_severity() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["rules"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let mut lines = stdout.lines();
    let header = lines.next().unwrap();
    assert!(
        header.starts_with("rule") && header.ends_with("summary"),
        "{header}"
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), RULES.len());
    for (row, rule) in rows.iter().zip(RULES) {
        let cells: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(cells[0], rule.name);
        assert_eq!(cells[1], rule.severity.as_str());
    }
}

#[test]
fn explain_prints_a_known_rules_docs() {
    let Some(rule) = RULES.first() else {
        eprintln!("no rules yet: nothing to explain");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["explain", rule.name], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with(rule.name), "{stdout}");
    assert!(stdout.contains(rule.docs.trim()), "{stdout}");
}

#[test]
fn explain_of_an_unknown_rule_lists_the_known_ones() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["explain", "no-such-rule"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("unknown rule `no-such-rule`"), "{stderr}");
    for rule in RULES {
        assert!(stderr.contains(rule.name), "{stderr}");
    }
    assert!(out.stdout.is_empty());
}

#[test]
fn usage_errors_exit_with_2() {
    let dir = workspace();
    for args in [
        &[][..],
        &["frobnicate"],
        &["check", "--format", "xml", "articles"],
        &["check", "--fail-on", "fatal", "articles"],
        &["check", "--registry", "claims", "--no-registry", "articles"],
        &["check", "--jobs", "0", "articles"],
        &["explain"],
    ] {
        let out = run(args, dir.path());
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(!text(&out.stderr).is_empty(), "{args:?}");
    }
}

#[test]
fn usage_error_message() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["check", "--format", "xml"], dir.path());
    insta::assert_snapshot!(format!(
        "exit: {:?}\n--- stdout\n{}--- stderr\n{}",
        out.status.code(),
        text(&out.stdout),
        text(&out.stderr)
    ));
}

#[test]
fn help_and_version_exit_with_0() {
    let dir = tempfile::tempdir().unwrap();
    for args in [&["--help"][..], &["--version"], &["check", "--help"]] {
        let out = run(args, dir.path());
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(!out.stdout.is_empty());
    }
    let out = run(&["check", "--help"], dir.path());
    insta::assert_snapshot!(text(&out.stdout));
}

#[test]
fn a_missing_path_is_named_and_exits_with_2() {
    let dir = workspace();
    let out = run(&["check", "articles/magnets.md", "nope.md"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("error: nope.md"), "{stderr}");
    // The readable article was still checked: the summary counts both.
    assert!(
        text(&out.stdout).contains("2 articles"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn without_paths_articles_is_the_default_or_an_error() {
    let empty = tempfile::tempdir().unwrap();
    let out = run(&["check"], empty.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("no input"),
        "{}",
        text(&out.stderr)
    );

    let dir = workspace();
    let out = run(&["check", "--format", "json"], dir.path());
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["summary"]["articles"], 1, "{}", text(&out.stderr));
}

#[test]
fn a_missing_registry_exits_with_2() {
    let dir = workspace();
    let out = run(
        &["check", "--registry", "no-claims", "articles"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("no-claims"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn json_output_follows_the_contract() {
    let dir = workspace();
    let out = run(&["check", "--format", "json", "articles"], dir.path());
    let code = out.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "{code:?}: {}",
        text(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    let articles = json["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 1);
    let article = &articles[0];
    for key in ["id", "source", "date", "claims", "findings", "error"] {
        assert!(article.get(key).is_some(), "{key} missing in {article:#}");
    }
    assert_eq!(article["id"], "magnets");
    assert_eq!(article["date"], "2025-07-21");
    assert!(article["error"].is_null());
    assert!(
        article.get("mentions").is_none(),
        "mentions are for extract"
    );
    let summary = &json["summary"];
    for key in [
        "articles",
        "claims",
        "findings",
        "rules",
        "articles_with_errors",
    ] {
        assert!(summary.get(key).is_some(), "{key} missing in {summary:#}");
    }
    let errors = summary["findings"]["error"].as_u64().unwrap();
    assert_eq!(
        code == Some(1),
        errors > 0,
        "exit code follows --fail-on error"
    );
}

#[test]
fn the_exit_code_follows_fail_on() {
    let dir = workspace();
    // Figures that do not add up, whatever the rules make of them.
    std::fs::write(
        dir.path().join("articles/mrs-fields.md"),
        "Last year turnover rose by 20.8 pct to 87.1 mln dlrs from 72.6 mln dlrs in 1985. \
         Load factor declined 1.6 pct to 55.9 pct from 57.5 pct.\n",
    )
    .unwrap();
    for fail_on in ["error", "warning", "info"] {
        let out = run(
            &[
                "check",
                "--format",
                "json",
                "--fail-on",
                fail_on,
                "articles",
            ],
            dir.path(),
        );
        let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let findings = &json["summary"]["findings"];
        let count = |s: &str| findings[s].as_u64().unwrap();
        let at_or_above = match fail_on {
            "error" => count("error"),
            "warning" => count("error") + count("warning"),
            _ => count("error") + count("warning") + count("info"),
        };
        let expected = if at_or_above > 0 { 1 } else { 0 };
        assert_eq!(
            out.status.code(),
            Some(expected),
            "--fail-on {fail_on}: {findings}"
        );
    }
}

#[test]
fn unreadable_articles_are_reported_in_json_and_on_stderr() {
    let dir = workspace();
    let out = run(
        &["check", "--format", "json", "articles", "missing.md"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("error: missing.md"));
    let json: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    let failed = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["source"] == "missing.md")
        .expect("the unreadable article is in the output");
    assert!(failed["error"].as_str().unwrap().starts_with("missing.md"));
    assert_eq!(failed["claims"], Value::Array(vec![]));
    assert_eq!(json["summary"]["articles_with_errors"], 1);
}

#[test]
fn ndjson_is_one_article_per_line_and_extract_adds_mentions() {
    let dir = workspace();
    std::fs::write(
        dir.path().join("articles/second.md"),
        "Exports rose 5% in 2024.\n",
    )
    .unwrap();
    let out = run(&["extract", "--format", "ndjson", "articles"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    for line in lines {
        let article: Value = serde_json::from_str(line).unwrap();
        assert!(article["mentions"].is_array(), "{article:#}");
        assert_eq!(article["findings"], Value::Array(vec![]));
    }
}

#[test]
fn human_output_is_plain_when_piped_and_ends_with_a_summary() {
    let dir = workspace();
    let out = run(&["check", "articles"], dir.path());
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        text(&out.stderr)
    );
    let stdout = text(&out.stdout);
    assert!(!stdout.contains('\x1b'), "no colors when piped");
    let last = stdout.lines().last().unwrap();
    assert!(last.starts_with("1 article, "), "{last}");
    assert!(last.contains("errors") || last.contains("error"), "{last}");
}

#[test]
fn github_output_is_only_workflow_commands() {
    let dir = workspace();
    let out = run(
        &["check", "--format", "github", "articles", "gone.md"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let stdout = text(&out.stdout);
    assert!(stdout.lines().count() >= 1);
    for line in stdout.lines() {
        assert!(
            line.starts_with("::error ")
                || line.starts_with("::warning ")
                || line.starts_with("::notice "),
            "{line}"
        );
    }
    assert!(stdout.contains("::error file=gone.md::"), "{stdout}");
}

#[test]
fn sarif_output_validates_against_the_schema() {
    let dir = workspace();
    std::fs::write(
        dir.path().join("articles/mrs-fields.md"),
        "Turnover rose by 20.8 pct to 87.1 mln dlrs from 72.6 mln dlrs in 1985.\n",
    )
    .unwrap();
    let out = run(
        &["check", "--format", "sarif", "articles", "gone.md"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let log: Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    assert_valid_sarif(&log);
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "claimcheck");
    assert_eq!(
        run["tool"]["driver"]["rules"].as_array().unwrap().len(),
        RULES.len()
    );
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
}

#[test]
fn hand_built_sarif_with_results_validates_against_the_schema() {
    let rules: Vec<RuleInfo> = vec![RuleInfo {
        id: "change-mismatch".into(),
        short: "a stated change the stated values cannot produce".into(),
        full_markdown: "## What it does\n\nChecks changes.\n\n## Example\n\n```\n+20.8%\n```"
            .into(),
        default_severity: Severity::Error,
    }];
    let diag = |rule: &str, severity, line, column| Diagnostic {
        rule: rule.into(),
        severity,
        message: "72.6 mln → 87.1 mln is +19.8% to +20.1%, not +20.8%".into(),
        notes: Vec::new(),
        path: "articles/a b.md".into(),
        line,
        column,
        end_line: line,
        end_column: if column > 0 { column + 5 } else { 0 },
        snippet: Some("20.8%".into()),
        excerpt: None,
        fingerprint: "0123456789abcdef".into(),
    };
    let diags = vec![
        diag("change-mismatch", Severity::Error, 9, 5),
        diag("registry-unknown-field", Severity::Warning, 3, 0),
        diag("times-more-ambiguity", Severity::Info, 0, 0),
    ];
    let notes = vec![diag("input-error", Severity::Error, 12, 1)];
    let mut out = Vec::new();
    write_sarif_with_notifications(&mut out, &rules, &diags, &notes).unwrap();
    let log: Value = serde_json::from_slice(&out).unwrap();
    assert_valid_sarif(&log);
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results[0]["level"], "error");
    assert_eq!(results[0]["ruleIndex"], 0);
    assert_eq!(results[1]["level"], "warning");
    assert!(results[1].get("ruleIndex").is_none());
    assert_eq!(results[2]["level"], "note");
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "articles/a%20b.md"
    );
    assert_eq!(
        results[0]["partialFingerprints"]["claimcheck/v1"],
        "0123456789abcdef"
    );
}

#[test]
fn a_closed_stdout_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    // Enough records that the output outgrows any pipe buffer.
    let mut archive = String::new();
    for i in 0..3000 {
        archive.push_str(&format!(
            "{{\"id\": \"rec-{i}\", \"date\": \"2025-07-21\", \"body\": \"Exports rose 12.5 pct to 320.5 mln dlrs from 284.9 mln in June, record {i}.\"}}\n"
        ));
    }
    std::fs::write(dir.path().join("archive.jsonl"), archive).unwrap();
    for format in ["ndjson", "json", "human", "github", "sarif"] {
        let mut child = claimcheck()
            .args(["extract", "--format", format, "archive.jsonl"])
            .current_dir(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = text(&out.stderr);
        assert!(!stderr.contains("panicked"), "{format}: {stderr}");
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{format}: {:?} {stderr}",
            out.status
        );
    }
}

#[test]
fn stdin_is_read_for_dash() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = claimcheck()
        .args(["check", "--format", "json", "-"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(ARTICLE.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        text(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["articles"], 1);
}

#[test]
fn explain_knows_the_registry_codes_too() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["explain", "registry-unknown-field"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("registry-unknown-field (default severity: error)"),
        "{stdout}"
    );
    assert!(stdout.contains("`vaule:`"), "{stdout}");
}

#[test]
fn a_period_not_written_is_marked_assumed_in_json_and_human_output() {
    let dir = tempfile::tempdir().unwrap();
    let article = "---\ntitle: Results\ndate: 2022-02-03\n---\n\
        Amazon's net quarterly sales grew 9% year over year to $137.4 billion.\n\
        Exports rose 4.1% to $31.2 billion in January.\n";
    std::fs::write(dir.path().join("a.md"), article).unwrap();
    let out = run(&["extract", "--format", "json", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let claims = json["articles"][0]["claims"].as_array().unwrap();
    // No period written: the latest quarter ended by the date, marked as assumed, and the
    // year-earlier baseline reckoned from it.
    assert_eq!(claims[0]["value"]["period"], "2021-Q4");
    assert_eq!(claims[0]["baseline"]["period"], "2020-Q4");
    assert_eq!(claims[0]["period_assumed"], true);
    // A period written: no mark (the field is left out when false).
    assert_eq!(claims[1]["value"]["period"], "2022-01");
    assert!(claims[1].get("period_assumed").is_none());
    let out = run(&["extract", "a.md"], dir.path());
    assert!(
        text(&out.stdout).contains("2021-Q4 assumed"),
        "{}",
        text(&out.stdout)
    );
}
