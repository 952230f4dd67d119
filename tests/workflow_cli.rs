//! Runs the real binary for the editor's and CI's workflow (issue #10): inline suppressions,
//! `claimcheck.toml`, baselines, `--select` / `--ignore` and `--fail-on never`, with exact
//! exit codes and messages.

use serde_json::Value;
use std::path::Path;

#[path = "common/workspace.rs"]
mod workspace;
use workspace::{run, text};

/// A change that its figures cannot give: 72.6 → 87.1 is +19.8% to +20.1%.
const WRONG: &str = "Profit rose 20.8% to 87.1 mln dlrs from 72.6 mln.";
/// A change the figures give.
const RIGHT: &str = "Sales rose 12.5 pct to 320.5 mln dlrs from 284.9 mln.";

/// A temp folder with the files given (paths relative to it).
fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, content) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }
    dir
}

/// `check --format json` of the folder: the exit code and the articles.
fn json(args: &[&str], dir: &Path) -> (Option<i32>, Vec<Value>, String) {
    let mut all = vec!["check", "--format", "json", "--no-registry"];
    all.extend_from_slice(args);
    let out = run(&all, dir);
    let stdout = text(&out.stdout);
    let doc: Value = serde_json::from_str(&stdout).unwrap_or(Value::Null);
    let articles = doc["articles"].as_array().cloned().unwrap_or_default();
    (out.status.code(), articles, text(&out.stderr))
}

fn rules(findings: &Value) -> Vec<String> {
    findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_comment_on_the_line_before_suppresses_that_rule_and_keeps_the_reason() {
    let draft = format!(
        "{RIGHT}\n\n<!-- claimcheck-ignore change-mismatch: figures revised by the ministry -->\n{WRONG}\n"
    );
    let dir = folder(&[("articles/draft.md", &draft)]);
    let (code, articles, stderr) = json(&["articles"], dir.path());
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(rules(&articles[0]["findings"]), Vec::<String>::new());
    let suppressed = &articles[0]["suppressed"];
    assert_eq!(suppressed.as_array().unwrap().len(), 1, "{suppressed}");
    assert_eq!(suppressed[0]["rule"], "change-mismatch");
    assert_eq!(suppressed[0]["line"], 4);
    assert_eq!(suppressed[0]["directive_line"], 3);
    assert_eq!(suppressed[0]["reason"], "figures revised by the ministry");
    // The comment is not part of the claim's sentence: its words are not the subject.
    assert_eq!(articles[0]["claims"][1]["subject"], "Profit");

    // Human output names it, with the reason, above the article's claims.
    let out = run(&["check", "--no-registry", "articles"], dir.path());
    assert!(text(&out.stdout).starts_with(
        "registry: none (--no-registry)\n\
         suppressed[change-mismatch] at articles/draft.md, line 4: figures revised by the ministry\n\
         articles/draft.md: 2 claims, no findings\n"
    ));

    // Without the comment the same draft fails; a comment at the end of the line works too.
    let plain = folder(&[("articles/draft.md", &format!("{RIGHT}\n\n{WRONG}\n"))]);
    let (code, articles, _) = json(&["articles"], plain.path());
    assert_eq!(code, Some(1));
    assert_eq!(rules(&articles[0]["findings"]), ["change-mismatch"]);
    assert!(articles[0].get("suppressed").is_none());
    let end = folder(&[(
        "articles/draft.md",
        &format!("{WRONG} <!-- claimcheck-ignore change-mismatch -->\n"),
    )]);
    let (code, articles, _) = json(&["articles"], end.path());
    assert_eq!(code, Some(0));
    assert_eq!(articles[0]["suppressed"][0]["reason"], Value::Null);
}

#[test]
fn a_suppression_of_another_rule_or_line_is_reported_unused() {
    let draft = format!("<!-- claimcheck-ignore direction-mismatch -->\n{WRONG}\n");
    let dir = folder(&[("articles/draft.md", &draft)]);
    let (code, articles, _) = json(&["articles"], dir.path());
    assert_eq!(code, Some(1));
    let findings = &articles[0]["findings"];
    assert_eq!(rules(findings), ["unused-suppression", "change-mismatch"]);
    assert_eq!(findings[0]["severity"], "info");
    assert_eq!(findings[0]["line"], 1);
    assert_eq!(
        findings[0]["message"],
        "this suppression silences `direction-mismatch`, but there is no such finding on line 2"
    );
    // An unused suppression alone is info: it fails only with --fail-on info.
    let stale = folder(&[(
        "articles/draft.md",
        &format!("<!-- claimcheck-ignore -->\n{RIGHT}\n"),
    )]);
    assert_eq!(json(&["articles"], stale.path()).0, Some(0));
    let (code, articles, _) = json(&["--fail-on", "info", "articles"], stale.path());
    assert_eq!(code, Some(1));
    assert_eq!(rules(&articles[0]["findings"]), ["unused-suppression"]);
}

#[test]
fn a_file_comment_suppresses_a_rule_everywhere_in_the_file() {
    let draft = format!(
        "<!-- claimcheck-ignore-file change-mismatch: old figures -->\n{WRONG}\n\n{WRONG}\n"
    );
    let dir = folder(&[("articles/draft.md", &draft)]);
    let (code, articles, _) = json(&["articles"], dir.path());
    assert_eq!(code, Some(0));
    let suppressed = articles[0]["suppressed"].as_array().unwrap();
    assert_eq!(suppressed.len(), 2);
    assert!(suppressed.iter().all(|s| s["reason"] == "old figures"));
}

#[test]
fn an_unknown_rule_in_a_suppression_is_an_error_at_its_place() {
    let draft = format!("{RIGHT}\n{WRONG} <!-- claimcheck-ignore chnage-mismatch -->\n");
    let dir = folder(&[("articles/draft.md", &draft)]);
    let out = run(&["check", "--no-registry", "articles"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: articles/draft.md:2:74: unknown rule `chnage-mismatch`; did you mean \
         `change-mismatch`? (`claimcheck rules` lists them)\n"
    );
}

#[test]
fn a_records_claimcheck_ignore_field_suppresses_for_the_record() {
    let archive = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "a", "body": WRONG, "claimcheck_ignore": ["change-mismatch"]}),
        serde_json::json!({"id": "b", "body": WRONG}),
    );
    let dir = folder(&[("archive.jsonl", &archive)]);
    let (code, articles, _) = json(&["archive.jsonl"], dir.path());
    assert_eq!(code, Some(1));
    assert_eq!(rules(&articles[0]["findings"]), Vec::<String>::new());
    assert_eq!(articles[0]["suppressed"][0]["directive_line"], Value::Null);
    assert_eq!(rules(&articles[1]["findings"]), ["change-mismatch"]);
    // audit reads the field too.
    let out = run(
        &["audit", "-q", "--no-registry", "archive.jsonl"],
        dir.path(),
    );
    let lines: Vec<Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["suppressed"][0]["rule"], "change-mismatch");
    assert_eq!(rules(&lines[1]["findings"]), ["change-mismatch"]);
    // A name that is no rule is an error naming the record.
    let bad = folder(&[(
        "archive.jsonl",
        "{\"id\": \"a\", \"body\": \"x\", \"claimcheck_ignore\": [\"change\"]}\n",
    )]);
    let out = run(&["check", "--no-registry", "archive.jsonl"], bad.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: archive.jsonl:1:1: `claimcheck_ignore`: unknown rule `change`; did you mean \
         `change-mismatch`? (`claimcheck rules` lists them)\n"
    );
}

/// A draft with one wrong change (`change-mismatch`, an error) and one right one.
fn draft_folder(config: &str) -> tempfile::TempDir {
    folder(&[
        ("articles/draft.md", &format!("{RIGHT}\n\n{WRONG}\n")),
        ("claimcheck.toml", config),
    ])
}

#[test]
fn the_config_file_is_found_walking_up_and_the_command_line_overrides_it() {
    let dir = draft_folder("fail-on = \"never\"\n");
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let sub = dir.path().join("sub");
    let out = run(&["check", "--no-registry", "../articles"], &sub);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("error[change-mismatch]"));
    let out = run(
        &[
            "check",
            "--fail-on",
            "error",
            "--no-registry",
            "../articles",
        ],
        &sub,
    );
    assert_eq!(out.status.code(), Some(1));
    // --no-config and --config choose the file.
    let out = run(
        &["check", "--no-config", "--no-registry", "articles"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    std::fs::write(dir.path().join("strict.toml"), "fail-on = \"error\"\n").unwrap();
    let out = run(
        &[
            "check",
            "--config",
            "strict.toml",
            "--no-registry",
            "articles",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let out = run(&["check", "--config", "nope.toml", "articles"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: --config nope.toml: no such file\n"
    );
}

#[test]
fn the_config_file_sets_rules_severities_format_and_exclusions() {
    let config = "format = \"json\"\nexclude = [\"articles/drafts/**\"]\n\
                  [severity]\nchange-mismatch = \"warning\"\n";
    let dir = draft_folder(config);
    std::fs::create_dir(dir.path().join("articles/drafts")).unwrap();
    std::fs::write(dir.path().join("articles/drafts/old.md"), WRONG).unwrap();
    let out = run(&["check", "--no-registry", "articles"], dir.path());
    // A warning does not fail at the default fail-on (error).
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc: Value = serde_json::from_str(&text(&out.stdout)).expect("JSON from the config");
    let articles = doc["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 1, "drafts/ is excluded");
    assert_eq!(articles[0]["findings"][0]["rule"], "change-mismatch");
    assert_eq!(articles[0]["findings"][0]["severity"], "warning");
    // A file named on the command line is read even when excluded.
    let out = run(
        &["check", "--no-registry", "articles/drafts/old.md"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("\"id\": \"old\""));

    let dir = draft_folder("ignore = [\"change-mismatch\"]\n");
    let (code, articles, _) = json(&["articles"], dir.path());
    assert_eq!(code, Some(0));
    assert_eq!(rules(&articles[0]["findings"]), Vec::<String>::new());
    let dir = draft_folder("select = [\"direction-mismatch\"]\n");
    assert_eq!(json(&["articles"], dir.path()).0, Some(0));
}

#[test]
fn an_unknown_key_in_the_config_file_is_an_error_at_its_line_with_the_nearest_key() {
    let dir = draft_folder("format = \"human\"\nfail_on = \"never\"\n");
    let out = run(&["check", "articles"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: claimcheck.toml:2:1: unknown key `fail_on`; did you mean `fail-on`? \
         (known keys: registry, select, ignore, severity, fail-on, format, exclude)\n"
    );
    let dir = draft_folder("[severity]\nchange-mismatch = \"fatal\"\n");
    let out = run(&["config"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: claimcheck.toml:2:19: unknown severity `fatal` (one of: info, warning, error)\n"
    );
}

#[test]
fn config_prints_each_setting_and_where_it_comes_from() {
    let dir = draft_folder(
        "registry = \"claims\"\nignore = [\"times-more-ambiguity\"]\nfail-on = \"warning\"\n",
    );
    let out = run(&["config", "--format", "sarif"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "config file: claimcheck.toml\n\
         \n\
         setting   value                 from\n\
         registry  claims                claimcheck.toml\n\
         select    every rule            default\n\
         ignore    times-more-ambiguity  claimcheck.toml\n\
         severity  each rule's own       default\n\
         fail-on   warning               claimcheck.toml\n\
         format    sarif                 command line\n\
         exclude   (none)                default\n"
    );
    let out = run(&["config", "--no-config"], dir.path());
    assert!(text(&out.stdout).starts_with("config file: none (--no-config)\n"));
}

#[test]
fn select_ignore_and_fail_on_never_on_the_command_line() {
    let dir = folder(&[("articles/draft.md", &format!("{RIGHT}\n\n{WRONG}\n"))]);
    let (code, articles, _) = json(&["--ignore", "change-mismatch", "articles"], dir.path());
    assert_eq!(code, Some(0));
    assert_eq!(rules(&articles[0]["findings"]), Vec::<String>::new());
    let (code, _, _) = json(
        &["--select", "direction-mismatch,change-mismatch", "articles"],
        dir.path(),
    );
    assert_eq!(code, Some(1));
    let (code, articles, _) = json(&["--fail-on", "never", "articles"], dir.path());
    assert_eq!(code, Some(0));
    assert_eq!(rules(&articles[0]["findings"]), ["change-mismatch"]);
    let out = run(
        &["check", "--select", "change-mismatc", "articles"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: --select: unknown rule `change-mismatc`; did you mean `change-mismatch`? \
         (`claimcheck rules` lists them)\n"
    );
    // audit takes them too.
    let audit = |args: &[&str]| {
        let mut all = vec!["audit", "-q", "--no-registry"];
        all.extend_from_slice(args);
        all.push("articles");
        run(&all, dir.path()).status.code()
    };
    assert_eq!(audit(&[]), Some(1));
    assert_eq!(audit(&["--fail-on", "never"]), Some(0));
    assert_eq!(audit(&["--ignore", "change-mismatch"]), Some(0));
    assert_eq!(audit(&["--select", "change-mismatch"]), Some(1));
}

#[test]
fn a_baseline_hides_known_findings_and_reports_new_ones_after_edits_elsewhere() {
    let dir = folder(&[("articles/draft.md", &format!("{WRONG}\n"))]);
    let out = run(
        &[
            "check",
            "--no-registry",
            "--write-baseline",
            "known.json",
            "articles",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stderr),
        "baseline: 1 finding recorded in known.json\n"
    );
    let file: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("known.json")).unwrap())
            .unwrap();
    assert_eq!(file["claimcheck_baseline"], 1);
    let entry = &file["findings"][0];
    assert_eq!(entry["rule"], "change-mismatch");
    assert_eq!(entry["article"], "draft");
    assert_eq!(
        entry["fingerprint"],
        "rose 20.8% to 87.1 mln dlrs from 72.6 mln"
    );

    // Unchanged: nothing new, exit 0.
    let (code, articles, stderr) = json(&["--baseline", "known.json", "articles"], dir.path());
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(rules(&articles[0]["findings"]), Vec::<String>::new());
    assert_eq!(
        stderr,
        "baseline: 1 finding known from known.json not reported\n"
    );

    // A paragraph added above moves the known finding; a new mistake is reported alone.
    let edited = format!(
        "A new first paragraph.\n\n{WRONG}\n\nCosts rose 16.7% to 72.6 mln dlrs from 87.1 mln.\n"
    );
    std::fs::write(dir.path().join("articles/draft.md"), edited).unwrap();
    let (code, articles, _) = json(&["--baseline", "known.json", "articles"], dir.path());
    assert_eq!(code, Some(1));
    let findings = &articles[0]["findings"];
    assert_eq!(rules(findings), ["direction-mismatch"]);
    assert_eq!(findings[0]["line"], 5);

    // Not a baseline: an error, exit 2.
    std::fs::write(dir.path().join("bad.json"), "{\"findings\": []}").unwrap();
    let out = run(&["check", "--baseline", "bad.json", "articles"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: baseline bad.json: not a claimcheck baseline: missing field \
         `claimcheck_baseline` at line 1 column 16\n"
    );
}

#[test]
fn unused_suppression_is_a_rule_with_docs_and_explain_suggests_near_names() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["rules"], dir.path());
    assert!(text(&out.stdout).lines().any(|l| l
        == "unused-suppression        info      a claimcheck-ignore comment or field that matched no finding"));
    let out = run(&["explain", "unused-suppression"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout)
        .starts_with("unused-suppression (default severity: info)\n\na claimcheck-ignore"));
    let out = run(&["explain", "unused-supression"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr)
        .starts_with("error: unknown rule `unused-supression` (did you mean `unused-suppression`?); known rules: "));
}

#[test]
fn unused_suppression_flags_its_own_example_and_not_its_fix() {
    // The example and fix of `claimcheck explain unused-suppression`, through the binary that
    // reads the comments (the other rules' examples are checked in src/rules/mod.rs).
    let docs = claimcheck::rules::unused_suppression::DOCS;
    let blocks: Vec<&str> = docs
        .split("```text\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap())
        .collect();
    assert_eq!(blocks.len(), 2, "{docs}");
    for (body, expected) in [(blocks[0], vec!["unused-suppression"]), (blocks[1], vec![])] {
        let dir = folder(&[("draft.md", body)]);
        let (_, articles, stderr) = json(&["draft.md"], dir.path());
        assert_eq!(
            rules(&articles[0]["findings"]),
            expected,
            "{body}\n{stderr}"
        );
    }
}
