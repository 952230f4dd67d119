//! The real binary on registries and articles: exit codes (0 clean, 1 a failing relation or
//! finding, 2 an unreadable registry) and the CI formats of `registry check`.

use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .output()
        .expect("claimcheck runs")
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("exit code")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const FIXTURES: &str = "tests/fixtures/registries";

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

#[test]
fn the_bundled_registry_is_clean() {
    let out = run(&["registry", "check"]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert!(
        stdout(&out).trim_end().ends_with(": ok"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_failing_relation_exits_1() {
    for name in [
        "change-mismatch.yaml",
        "part-exceeds-whole.yaml",
        "sum-mismatch.yaml",
    ] {
        let out = run(&["registry", "check", &fixture(name)]);
        assert_eq!(code(&out), 1, "{name}: {}", stdout(&out));
    }
}

#[test]
fn an_unreadable_registry_exits_2_with_file_line_and_column() {
    let out = run(&["registry", "check", &fixture("unknown-field.yaml")]);
    assert_eq!(code(&out), 2);
    assert!(
        stdout(&out).starts_with(
            "error[registry-unknown-field]: facts[0]: unknown field `vaule`, expected one of"
        ) && stdout(&out).contains("\n  --> tests/fixtures/registries/unknown-field.yaml:10:5\n"),
        "{}",
        stdout(&out)
    );
    let out = run(&["registry", "check", "no/such/folder"]);
    assert_eq!(code(&out), 2);
    // The whole folder: broken files and failing relations together are still unreadable.
    assert_eq!(code(&run(&["registry", "check", FIXTURES])), 2);
}

#[test]
fn a_huge_file_is_refused_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.yaml");
    let mut text = String::from("topic: huge\nfacts:\n");
    while text.len() <= 10 * 1024 * 1024 {
        text.push_str("  # padding padding padding padding padding padding padding padding\n");
    }
    std::fs::write(&path, text).unwrap();
    let started = std::time::Instant::now();
    let out = run(&["registry", "check", path.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    assert!(
        stdout(&out).contains("error[registry-limit]"),
        "{}",
        stdout(&out)
    );
    assert!(started.elapsed().as_secs() < 10);
}

#[test]
fn deep_nesting_is_refused_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep.yaml");
    std::fs::write(
        &path,
        format!("topic: deep\nfacts: {}", "[".repeat(5_000_000)),
    )
    .unwrap();
    let started = std::time::Instant::now();
    let out = run(&["registry", "check", path.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    assert!(
        stdout(&out).contains("nesting is too deep"),
        "{}",
        stdout(&out)
    );
    assert!(started.elapsed().as_secs() < 10);
}

#[test]
fn sarif_output_validates_against_the_official_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("tests/fixtures/sarif-schema-2.1.0.json")
            .expect("the SARIF schema"),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    for target in [FIXTURES, "claims"] {
        let out = run(&["registry", "check", "--format", "sarif", target]);
        let log: serde_json::Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
        let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{target}: {errors:#?}");
        let results = log["runs"][0]["results"].as_array().unwrap();
        assert!(!results.is_empty());
        if target == FIXTURES {
            assert_eq!(code(&out), 2);
            let vaule = results
                .iter()
                .find(|r| r["ruleId"] == "registry-unknown-field")
                .expect("the unknown field");
            let region = &vaule["locations"][0]["physicalLocation"]["region"];
            assert_eq!(
                (region["startLine"].as_u64(), region["startColumn"].as_u64()),
                (Some(10), Some(5))
            );
        }
    }
}

#[test]
fn github_output_annotates_file_and_line() {
    let out = run(&[
        "registry",
        "check",
        "--format",
        "github",
        &fixture("change-mismatch.yaml"),
    ]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "::error file=tests/fixtures/registries/change-mismatch.yaml,line=21,col=5,"
        ),
        "{text}"
    );
    assert!(text.contains("title=registry-change-mismatch::"), "{text}");
}

#[test]
fn check_confirms_the_seed_article_against_the_bundled_registry() {
    let article = "articles/rare-earth-magnets-2025-07.md";
    if !Path::new(article).exists() {
        return;
    }
    let out = run(&["check", "--format", "json", article]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let confirmed: Vec<&str> = json["articles"][0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["registry"]["verdict"] == "confirmed")
        .map(|c| c["registry"]["fact"].as_str().unwrap())
        .collect();
    assert!(
        confirmed.contains(&"cn-magnet-exports-us-2025-06"),
        "{confirmed:?}"
    );
    assert!(
        confirmed.contains(&"cn-magnet-exports-world-2025-h1"),
        "{confirmed:?}"
    );

    let out = run(&["check", "--no-registry", "--format", "json", article]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["articles"][0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["registry"].is_null()));
}

#[test]
fn check_with_a_broken_registry_exits_2() {
    let out = run(&[
        "check",
        "--registry",
        &fixture("unknown-field.yaml"),
        "articles",
    ]);
    assert_eq!(code(&out), 2, "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn json_and_ndjson_output_list_the_same_diagnostics() {
    let target = fixture("unknown-field.yaml");
    let json: serde_json::Value = serde_json::from_str(&stdout(&run(&[
        "registry", "check", "--format", "json", &target,
    ])))
    .unwrap();
    let ndjson: Vec<serde_json::Value> =
        stdout(&run(&["registry", "check", "--format", "ndjson", &target]))
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
    assert_eq!(json["diagnostics"].as_array().unwrap(), &ndjson);
    let d = &ndjson[0];
    assert_eq!(d["rule"], "registry-unknown-field");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(10), Some(5))
    );
    assert_eq!(d["notes"][0], "did you mean `value`?");
    assert_eq!(d["path"], target.as_str());
}
