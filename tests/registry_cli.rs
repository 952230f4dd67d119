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
        // --verbose: the bundled registry's only results are notices.
        let out = run(&[
            "registry",
            "check",
            "--verbose",
            "--format",
            "sarif",
            target,
        ]);
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

/// A registry of one widget-export fact for June 2025, `value` and any extra keys as given.
const WIDGETS: &str = "topic: widgets\nsources:\n  s: {name: Customs}\nfacts:\n  - id: widgets-2025-06\n    what: widget exports\n    match: ['(?i)widget']\n    period: 2025-06\n    unit: t\n    source: s\n";

/// Writes an article dated 2025-07-21 into `dir`.
fn dated_article(dir: &Path, body: &str) -> String {
    let path = dir.join("a.md");
    std::fs::write(&path, format!("---\ndate: 2025-07-21\n---\n{body}\n")).unwrap();
    path.to_str().unwrap().to_string()
}

/// `check --format json` with these arguments: exit code and output.
fn check_json(args: &[&str]) -> (i32, serde_json::Value) {
    let out = run(&[&["check", "--format", "json"], args].concat());
    let json = serde_json::from_slice(&out.stdout).expect("json output");
    (code(&out), json)
}

/// Runs `check` on an article dated 2025-07-21 against a registry text.
fn check_against(registry: &str, body: &str) -> (i32, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    let reg = dir.path().join("reg.yaml");
    std::fs::write(&reg, registry).unwrap();
    let article = dated_article(dir.path(), body);
    check_json(&["--registry", reg.to_str().unwrap(), &article])
}

fn rules(json: &serde_json::Value) -> Vec<&str> {
    json["articles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect()
}

#[test]
fn a_registry_value_is_read_as_the_same_words_in_an_article() {
    // "100" is 95 to 105 in an article, so in the registry too: 140 tons contradicts it.
    let registry = format!("{WIDGETS}    value: 100\n");
    let (exit, json) = check_against(&registry, "China exported 140 tons of widgets in June.");
    assert_eq!(exit, 1);
    assert_eq!(rules(&json), ["registry-mismatch"]);
    let (exit, json) = check_against(&registry, "China exported 103 tons of widgets in June.");
    assert_eq!((exit, rules(&json).len()), (0, 0));
    // Written decimals, quoted or not, and `precision:` narrow the value.
    for extra in [
        "    value: 100.0\n",
        "    value: \"100.0\"\n",
        "    value: 100\n    precision: 0.1\n",
    ] {
        let registry = format!("{WIDGETS}{extra}");
        let (exit, json) = check_against(&registry, "China exported 103 tons of widgets in June.");
        assert_eq!(
            (exit, rules(&json)),
            (1, vec!["registry-mismatch"]),
            "{extra}"
        );
    }
}

#[test]
fn a_part_of_1000_is_larger_than_a_whole_of_600() {
    // "1000" is 950 to 1050 as written: it cannot be part of 600.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("reg.yaml");
    let text = "topic: t\nsources:\n  s: {name: S}\nfacts:\n  - {id: part, what: p, match: [p], period: 2025, value: 1000, unit: t, source: s}\n  - {id: whole, what: w, match: [w], period: 2025, value: 600, unit: t, source: s}\nrelations:\n  - part: part\n    whole: whole\n";
    std::fs::write(&path, text).unwrap();
    let out = run(&["registry", "check", path.to_str().unwrap()]);
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    assert!(
        stdout(&out).contains("error[registry-part-exceeds-whole]"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn an_article_consistent_with_itself_is_consistent_with_the_registry_that_quotes_it() {
    // The registry states +660% for the US change, read as +655% to +665% as in the
    // article, so May's implied figure (46.1 to 46.8 t) admits a stated 46.1 tons.
    let text = "China’s exports of rare earth magnets to the US in June soared to 353 tons, an increase of 660% from 46.1 tons in May.";
    let dir = tempfile::tempdir().unwrap();
    let article = dated_article(dir.path(), text);
    let (exit, json) = check_json(&["articles/rare-earth-magnets-2025-07.md", &article]);
    assert_eq!(exit, 0, "{json}");
    for article in json["articles"].as_array().unwrap() {
        assert_eq!(
            article["findings"].as_array().unwrap().len(),
            0,
            "{article}"
        );
    }
}

#[test]
fn every_figure_of_a_claim_gets_its_own_verdict() {
    let (exit, json) = check_json(&["articles/rare-earth-magnets-2025-07.md"]);
    assert_eq!(exit, 0, "{json}");
    let claims = json["articles"][0]["claims"].as_array().unwrap();
    // "3188 tons ..., marking a 157.5% increase from 1238 tons in May".
    let claim = claims
        .iter()
        .find(|c| c["baseline"]["stated"] == "1238 tons")
        .expect("the world claim");
    let verdict = |v: &serde_json::Value| (v["fact"].clone(), v["verdict"].clone());
    let confirmed = |fact: &str| (fact.into(), "confirmed".into());
    assert_eq!(
        verdict(&claim["value"]["registry"]),
        confirmed("cn-magnet-exports-world-2025-06")
    );
    assert_eq!(
        verdict(&claim["baseline"]["registry"]),
        confirmed("cn-magnet-exports-world-2025-05")
    );
    // The relation `change: {from: ...-05, to: ...-06}, stated: +157.5%`.
    assert_eq!(
        verdict(&claim["change"]["registry"]),
        confirmed("cn-magnet-exports-world-2025-06")
    );
    // The claim-level verdict stays, with the figure it is about.
    assert_eq!(claim["registry"]["figure"], "value");
    // An implied baseline is judged too: May's US figure, implied by 353 t after +660%.
    let us = claims
        .iter()
        .find(|c| c["value"]["stated"] == "353 tons")
        .unwrap();
    assert_eq!(
        verdict(&us["baseline"]["registry"]),
        confirmed("cn-magnet-exports-us-2025-05")
    );
}

#[test]
fn a_change_that_contradicts_a_change_relation_is_a_registry_mismatch_at_the_change() {
    let (exit, json) = check_json(&["articles/rare-earth-magnets-wrong-percent.md"]);
    assert_eq!(exit, 1);
    let article = &json["articles"][0];
    let finding = article["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "registry-mismatch")
        .expect("a registry-mismatch");
    let (start, end) = (
        finding["span"]["start"].as_u64().unwrap() as usize,
        finding["span"]["end"].as_u64().unwrap() as usize,
    );
    let text = std::fs::read_to_string("articles/rare-earth-magnets-wrong-percent.md").unwrap();
    assert_eq!(&text[start..end], "175.5% increase");
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .contains("is +157.5% per"),
        "{finding}"
    );
    let claim = article["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["change"]["stated"] == "175.5% increase")
        .unwrap();
    assert_eq!(claim["change"]["registry"]["verdict"], "contradicted");
    // The figures themselves are the registry's: only the change is wrong.
    assert_eq!(claim["value"]["registry"]["verdict"], "confirmed");
    assert_eq!(claim["baseline"]["registry"]["verdict"], "confirmed");
}

#[test]
fn a_wrong_change_and_the_baseline_it_implies_are_one_error() {
    // 690% puts May at 44.7 t where the registry has 46.1 to 46.8 t: the change is wrong,
    // and the baseline only because it is rebuilt from it.
    let text = "China’s exports of rare earth magnets to the US in June soared to 353 tons, an increase of 690% compared to May.";
    let dir = tempfile::tempdir().unwrap();
    let article = dated_article(dir.path(), text);
    let (exit, json) = check_json(&[&article]);
    assert_eq!(exit, 1);
    assert_eq!(rules(&json), ["registry-mismatch"]);
    let finding = &json["articles"][0]["findings"][0];
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .starts_with("\"increase of 690%\" contradicts the registry"),
        "{finding}"
    );
    let claim = &json["articles"][0]["claims"][0];
    assert_eq!(claim["baseline"]["registry"]["verdict"], "contradicted");
    assert_eq!(claim["change"]["registry"]["verdict"], "contradicted");
}

/// `registry check --format ndjson DIR`: exit code, and each problem as
/// (file name, line, column, rule).
fn problems_in(dir: &Path) -> (i32, Vec<(String, u64, u64, String)>) {
    let out = run(&[
        "registry",
        "check",
        "--format",
        "ndjson",
        dir.to_str().unwrap(),
    ]);
    let problems = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|d| {
            let path = d["path"].as_str().unwrap();
            let file = Path::new(path).file_name().unwrap().to_string_lossy();
            (
                file.into_owned(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (code(&out), problems)
}

/// One file with a problem of every kind the schema knows, a second file that repeats an
/// id, and a cycle: every problem is reported in the one run, each at its own place.
const MANY_PROBLEMS: &str = "\
topic: Many problems
sources:
  customs:
    name: Customs
    published: 2025-13-45
facts:
  - id: exports-2025-05
    what: exports
    match: ['export']
    period: 2025-05
    value: 353
    unit: t
    source: customs
    colour: red
  - id: exports-2025-06
    what: [exports]
    match: ['export']
    period: 2025-06
    value: 353
    source: customs
  - id: exports-2025-07
    what: exports
    match: ['export']
    period: 2025-07
    value: lots
    unit: t
    source: customs
  - id: us-2025-06
    what: exports to the US
    match: ['export', 'US']
    period: 2025-06
    value: 353
    unit: t
    source: customs
  - id: world-2025-06
    what: exports to the world
    match: ['export', 'world']
    period: 2025-06
    value: 3188
    unit: t
    source: customs
relations:
  - part: us-2025-06
    whole: world-2025-06
  - part: world-2025-06
    whole: us-2025-06
";

#[test]
fn every_registry_problem_is_reported_in_one_run_at_its_own_place() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.yaml"), MANY_PROBLEMS).unwrap();
    std::fs::write(
        dir.path().join("b.yaml"),
        "topic: More\nfacts:\n  - id: us-2025-06\n    what: again\n    match: ['x']\n    period: 2025-06\n    value: 1\n    unit: t\n    source: customs\n",
    )
    .unwrap();
    let (code, problems) = problems_in(dir.path());
    let expected = [
        ("a.yaml", 5, 16, "registry-bad-value"),
        ("a.yaml", 14, 5, "registry-unknown-field"),
        ("a.yaml", 15, 5, "registry-missing-field"),
        ("a.yaml", 16, 11, "registry-invalid-type"),
        ("a.yaml", 25, 12, "registry-bad-value"),
        ("a.yaml", 45, 5, "registry-cycle"),
        ("b.yaml", 3, 9, "registry-duplicate-id"),
    ];
    let expected: Vec<(String, u64, u64, String)> = expected
        .iter()
        .map(|&(f, l, c, r)| (f.to_string(), l, c, r.to_string()))
        .collect();
    assert_eq!(problems, expected);
    // Problems that make the registry unreadable (the schema's) exit 2, and win over the
    // failing checks (the cycle, the duplicate id), which alone exit 1.
    assert_eq!(code, 2);
}

#[test]
fn errors_in_flow_style_are_placed_at_the_offending_key_or_value() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("flow.yaml"),
        "topic: Flow\nsources: {customs: {name: Customs, published: 'July'}}\nfacts:\n  \
         - {id: a, what: w, match: [x], period: 2025-06, value: abc, unit: t, source: customs}\n  \
         - {id: b, what: w, match: [x], period: 2025-13, value: 1, unit: tt, source: customs}\n  \
         - {id: c, what: w, match: ['(x'], period: 2025-06, value: 1, unit: t, source: custom}\n  \
         - {id: d, what: w, match: [x], period: 2025-06, vaule: 1, unit: t, source: customs}\n  \
         - {id: e, what: [w], match: x, period: 2025-06, value: 1, source: customs}\n\
         relations: [{change: {from: a, to: zz}, stated: +5%}, {part: a, whole: b, total: c}]\n",
    )
    .unwrap();
    let (code, problems) = problems_in(dir.path());
    let at: Vec<(u64, u64, &str)> = problems
        .iter()
        .map(|(_, l, c, r)| (*l, *c, r.as_str()))
        .collect();
    assert_eq!(
        at,
        [
            (2, 47, "registry-bad-value"),         // 'July'
            (4, 58, "registry-bad-value"),         // abc
            (5, 42, "registry-bad-period"),        // 2025-13
            (5, 67, "registry-bad-unit"),          // tt
            (6, 30, "registry-bad-pattern"),       // '(x'
            (6, 81, "registry-unknown-reference"), // custom
            (7, 51, "registry-unknown-field"),     // vaule
            (8, 5, "registry-missing-field"),      // {id: e, ...} has no unit
            (8, 19, "registry-invalid-type"),      // [w]
            (8, 31, "registry-invalid-type"),      // x
            (9, 36, "registry-unknown-reference"), // zz
            (9, 82, "registry-bad-relation"),      // total: c in a part relation
        ],
        "{problems:#?}"
    );
    assert_eq!(code, 2);
}

#[test]
fn registry_mismatch_flags_its_own_example_against_the_bundled_registry() {
    // The example and fix of `claimcheck explain registry-mismatch`, dated as the seed article
    // (the other rules' examples are checked in src/rules/mod.rs, without a registry).
    let docs = claimcheck::rules::registry_mismatch::DOCS;
    let blocks: Vec<&str> = docs
        .split("```text\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap().trim())
        .collect();
    assert_eq!(blocks.len(), 2, "{docs}");
    let dir = tempfile::tempdir().unwrap();
    for (body, expected) in [(blocks[0], vec!["registry-mismatch"]), (blocks[1], vec![])] {
        let article = dated_article(dir.path(), body);
        let (_, json) = check_json(&["--registry", "claims", &article]);
        assert_eq!(rules(&json), expected, "{body}");
    }
}
