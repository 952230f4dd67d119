//! `claimcheck audit` end to end: the real binary on small synthetic archives in
//! tests/fixtures/audit/. The assertions do not depend on what the extractor finds: they
//! check order, counts, error records, and that the summary agrees with the NDJSON.

use serde_json::Value;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_claimcheck");

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/audit")
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    lines: Vec<Value>,
    summary: Value,
}

/// Runs `claimcheck audit --quiet ARGS --summary-json ...` in the fixture folder.
fn audit_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let tmp = tempfile::tempdir().unwrap();
    let summary_path = tmp.path().join("summary.json");
    let mut child = Command::new(BIN)
        .current_dir(dir)
        .arg("audit")
        .args(args)
        .arg("--summary-json")
        .arg(&summary_path)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run claimcheck");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        let input = input.to_vec();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&input);
        });
    }
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
    let lines = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad NDJSON line {l:?}: {e}")))
        .collect();
    let summary = std::fs::read_to_string(&summary_path)
        .map(|s| serde_json::from_str(&s).expect("summary is JSON"))
        .unwrap_or(Value::Null);
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        lines,
        summary,
    }
}

fn audit(args: &[&str]) -> Run {
    audit_in(&fixtures(), args, None)
}

fn ids(lines: &[Value]) -> Vec<&str> {
    lines.iter().map(|v| v["id"].as_str().unwrap()).collect()
}

fn is_error(v: &Value) -> bool {
    !v["error"].is_null()
}

fn has_findings(v: &Value) -> bool {
    v["findings"].as_array().is_some_and(|f| !f.is_empty())
}

/// The summary's counts must be exactly what the NDJSON holds.
fn assert_summary_matches(run: &Run) {
    let s = &run.summary;
    let lines = &run.lines;
    assert_eq!(s["lines_written"], lines.len() as u64, "{s:#}");
    let errors = lines.iter().filter(|v| is_error(v)).count() as u64;
    assert_eq!(s["unreadable_records"], errors, "{s:#}");
    let with_findings = lines.iter().filter(|v| has_findings(v)).count() as u64;
    assert_eq!(s["articles_with_findings"], with_findings, "{s:#}");
    let mut by_rule: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
    let mut total = 0;
    let mut claims = 0;
    for v in lines {
        claims += v["claims"].as_array().map_or(0, |c| c.len() as u64);
        for f in v["findings"].as_array().into_iter().flatten() {
            total += 1;
            *by_rule
                .entry(f["rule"].as_str().unwrap().to_string())
                .or_default()
                .entry(f["severity"].as_str().unwrap().to_string())
                .or_default() += 1;
        }
    }
    assert_eq!(s["findings"]["total"], total);
    for (rule, counts) in &by_rule {
        for (severity, n) in counts {
            assert_eq!(
                s["findings"]["by_rule"][rule][severity], *n,
                "{rule} {severity}"
            );
        }
    }
    let summed: u64 = ["error", "warning", "info"]
        .iter()
        .map(|k| s["findings"]["by_severity"][k].as_u64().unwrap())
        .sum();
    assert_eq!(summed, total);
    if !s["lines_written"].is_null()
        && s["articles_read"].as_u64().unwrap() + errors == lines.len() as u64
    {
        // Without --only-findings every article is written: its claims are all counted.
        assert_eq!(s["claims"], claims);
    }
}

#[test]
fn writes_one_object_per_article_in_input_order() {
    let run = audit(&["--jobs", "2", "articles.jsonl"]);
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    assert_eq!(
        ids(&run.lines),
        ["syn-1", "syn-2", "syn-3", "syn-4", "syn-5", "syn-6", "syn-7", "syn-8"]
    );
    for (i, v) in run.lines.iter().enumerate() {
        assert_eq!(v["source"], "articles.jsonl");
        assert_eq!(v["line"], i as u64 + 1);
        assert!(v["error"].is_null(), "{v}");
        assert!(v["claims"].is_array() && v["findings"].is_array());
    }
    assert_eq!(run.summary["articles_read"], 8);
    assert_summary_matches(&run);
}

/// A synthetic archive large enough to span many batches, with a broken record every 97 lines.
fn big_archive(records: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for i in 1..=records {
        if i % 97 == 0 {
            out.extend_from_slice(b"{\"id\": \"broken\", \"body\": \n");
            continue;
        }
        let record = serde_json::json!({
            "id": format!("gen-{i}"),
            "date": "2025-07-21",
            "body": format!(
                "Record {i}: exports rose {}% to {} tons in June from {} tons in May.\n{}",
                i % 50,
                i * 3,
                i * 2,
                "Filler text without figures. ".repeat(i % 20),
            ),
        });
        out.extend_from_slice(record.to_string().as_bytes());
        out.push(b'\n');
    }
    out
}

#[test]
fn order_holds_across_many_batches_and_unordered_has_the_same_articles() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.jsonl"), big_archive(3000)).unwrap();
    let ordered = audit_in(dir.path(), &["--jobs", "2", "big.jsonl"], None);
    assert_eq!(ordered.lines.len(), 3000);
    for (i, v) in ordered.lines.iter().enumerate() {
        let n = i + 1;
        assert_eq!(v["line"], n as u64);
        if n % 97 == 0 {
            assert!(is_error(v), "{v}");
            // Unparseable JSON has no id: the record is named by file and line.
            assert_eq!(v["id"], format!("big.jsonl:{n}"));
        } else {
            assert_eq!(v["id"], format!("gen-{n}"));
        }
    }
    assert_summary_matches(&ordered);
    assert_eq!(ordered.summary["unreadable_records"], 3000 / 97);

    let unordered = audit_in(
        dir.path(),
        &["--jobs", "2", "--unordered", "big.jsonl"],
        None,
    );
    let sorted = |lines: &[Value]| {
        let mut v: Vec<String> = lines.iter().map(|v| v.to_string()).collect();
        v.sort();
        v
    };
    assert_eq!(sorted(&unordered.lines), sorted(&ordered.lines));
    assert_summary_matches(&unordered);
    assert_eq!(unordered.code, ordered.code);
}

#[test]
fn malformed_records_are_reported_with_line_numbers_and_the_run_goes_on() {
    let run = audit(&["mixed.jsonl"]);
    // Unreadable records make the exit code 2, as in ripgrep, even with findings reported.
    assert_eq!(run.code, 2, "{}", run.stderr);
    // The blank line 9 is skipped; every other line gives one object, in order.
    let lines: Vec<u64> = run
        .lines
        .iter()
        .map(|v| v["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [1, 2, 3, 4, 5, 6, 7, 8, 10]);
    let errors: Vec<(u64, &str)> = run
        .lines
        .iter()
        .filter(|v| is_error(v))
        .map(|v| (v["line"].as_u64().unwrap(), v["id"].as_str().unwrap()))
        .collect();
    // A record whose id could be read keeps it.
    assert_eq!(
        errors,
        [(3, "mixed.jsonl:3"), (5, "no-body"), (7, "mixed.jsonl:7")]
    );
    for v in run.lines.iter().filter(|v| is_error(v)) {
        let message = v["error"].as_str().unwrap();
        let line = v["line"].as_u64().unwrap();
        assert!(
            message.starts_with(&format!("mixed.jsonl:{line}:")),
            "{message}"
        );
        assert_eq!(v["source"], "mixed.jsonl");
        assert_eq!(v["claims"], serde_json::json!([]));
    }
    assert_eq!(
        ids(&run.lines)
            .into_iter()
            .filter(|id| id.starts_with("syn-"))
            .collect::<Vec<_>>(),
        ["syn-1", "syn-2", "syn-3", "syn-4", "syn-5", "syn-6"]
    );
    let s = &run.summary;
    assert_eq!(s["articles_read"], 6);
    assert_eq!(s["unreadable_records"], 3);
    let summary_lines: Vec<&Value> = s["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["line"])
        .collect();
    assert_eq!(summary_lines, [3, 5, 7]);
    assert_eq!(s["errors"][1]["id"], "no-body");
    assert_summary_matches(&run);
}

#[test]
fn summary_on_stderr_names_unreadable_records_by_file_and_line() {
    let out = Command::new(BIN)
        .current_dir(fixtures())
        .args(["audit", "mixed.jsonl", "--jobs", "1"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("6 articles read"), "{stderr}");
    assert!(stderr.contains("3 records could not be read"), "{stderr}");
    for line in [3, 5, 7] {
        assert!(stderr.contains(&format!("mixed.jsonl:{line}:")), "{stderr}");
    }
    assert!(stderr.contains("MB/s"), "{stderr}");
    // Not a terminal: no progress bar escape codes.
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");

    let quiet = Command::new(BIN)
        .current_dir(fixtures())
        .args(["audit", "mixed.jsonl", "--quiet"])
        .output()
        .unwrap();
    assert!(quiet.stderr.is_empty());
    assert_eq!(quiet.stdout, out.stdout);
}

#[test]
fn only_findings_drops_articles_with_nothing_to_report() {
    let all = audit(&["mixed.jsonl", "articles.jsonl"]);
    let only = audit(&["--only-findings", "mixed.jsonl", "articles.jsonl"]);
    let expected: Vec<&Value> = all
        .lines
        .iter()
        .filter(|v| is_error(v) || has_findings(v))
        .collect();
    assert_eq!(only.lines.iter().collect::<Vec<_>>(), expected);
    assert!(only.lines.iter().all(|v| is_error(v) || has_findings(v)));
    // Every article is still read and counted.
    assert_eq!(only.summary["articles_read"], all.summary["articles_read"]);
    assert_eq!(only.summary["findings"], all.summary["findings"]);
    assert_eq!(only.summary["lines_written"], only.lines.len() as u64);
    assert_eq!(only.code, all.code);
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// The output with the input's name replaced, so runs over different names compare equal.
fn normalised(run: &Run, name: &str) -> String {
    run.stdout
        .replace(&format!("\"{name}"), "\"INPUT")
        .replace(&format!("\"{name}:"), "\"INPUT:")
}

#[test]
fn gzip_input_is_read_like_plain_by_its_magic_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let plain = std::fs::read(fixtures().join("mixed.jsonl")).unwrap();
    std::fs::write(dir.path().join("a.jsonl"), &plain).unwrap();
    std::fs::write(dir.path().join("b.jsonl.gz"), gzip(&plain)).unwrap();
    // Named without .gz: recognised by content.
    std::fs::write(dir.path().join("c.dump"), gzip(&plain)).unwrap();
    let a = audit_in(dir.path(), &["a.jsonl"], None);
    let b = audit_in(dir.path(), &["b.jsonl.gz"], None);
    let c = audit_in(dir.path(), &["c.dump"], None);
    assert_eq!(a.lines.len(), 9);
    assert_eq!(normalised(&b, "b.jsonl.gz"), normalised(&a, "a.jsonl"));
    assert_eq!(normalised(&c, "c.dump"), normalised(&a, "a.jsonl"));
    assert_eq!(b.summary["input_bytes"], a.summary["input_bytes"]);
    assert_eq!(b.code, a.code);
}

#[test]
fn stdin_is_read_like_a_file_plain_or_gzip() {
    let plain = std::fs::read(fixtures().join("mixed.jsonl")).unwrap();
    let file = audit(&["mixed.jsonl"]);
    let dash = audit_in(&fixtures(), &["-"], Some(&plain));
    let implicit = audit_in(&fixtures(), &[], Some(&plain));
    let zipped = audit_in(&fixtures(), &["-"], Some(&gzip(&plain)));
    let expected = normalised(&file, "mixed.jsonl");
    // However the source module names stdin ("-", "<stdin>"), every record carries that name.
    let stdin_name = dash.lines[0]["source"].as_str().unwrap().to_string();
    assert_ne!(stdin_name, "mixed.jsonl");
    assert_eq!(normalised(&dash, &stdin_name), expected);
    assert_eq!(normalised(&implicit, &stdin_name), expected);
    assert_eq!(normalised(&zipped, &stdin_name), expected);
    assert_eq!(dash.code, file.code);
}

#[test]
fn directories_are_walked_recursively_in_name_order() {
    let run = audit(&["tree"]);
    // a.jsonl (3), b.jsonl.gz (3), c.md (1); ignored.yaml is not an input.
    assert_eq!(run.lines.len(), 7, "{}", run.stdout);
    assert_eq!(
        &ids(&run.lines)[..6],
        ["syn-1", "syn-2", "syn-3", "syn-4", "syn-5", "syn-6"]
    );
    assert!(run.lines[0]["source"]
        .as_str()
        .unwrap()
        .ends_with("a.jsonl"));
    assert!(run.lines[3]["source"]
        .as_str()
        .unwrap()
        .ends_with("b.jsonl.gz"));
    assert!(run.lines[6]["source"].as_str().unwrap().ends_with("c.md"));
    assert_summary_matches(&run);
}

#[test]
fn output_file_gets_what_stdout_would() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.ndjson");
    let to_file = audit(&["mixed.jsonl", "--output", out.to_str().unwrap()]);
    let to_stdout = audit(&["mixed.jsonl"]);
    assert!(to_file.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&out).unwrap(), to_stdout.stdout);
    assert_eq!(to_file.code, to_stdout.code);
}

#[test]
fn exit_code_is_2_when_anything_could_not_be_read() {
    let bad = audit(&["unreadable.jsonl"]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert_eq!(bad.lines.len(), 3);
    assert!(bad.lines.iter().all(is_error));
    assert_eq!(bad.summary["unreadable_records"], 3);
    assert_eq!(bad.summary["articles_read"], 0);

    let missing = audit(&["no-such-archive.jsonl"]);
    assert_eq!(missing.code, 2);
    assert_eq!(missing.lines.len(), 1);
    assert!(missing.lines[0]["error"]
        .as_str()
        .unwrap()
        .contains("no-such-archive.jsonl"));

    // Readable archives beside them are still checked and written, and the code stays 2.
    let some = audit(&[
        "unreadable.jsonl",
        "articles.jsonl",
        "no-such-archive.jsonl",
    ]);
    assert_eq!(some.code, 2);
    assert_eq!(some.lines.len(), 3 + 8 + 1);
    assert_eq!(some.summary["articles_read"], 8);

    // An empty archive is not an error (an empty partition under a Spark pipe).
    let empty = audit_in(&fixtures(), &["-"], Some(b""));
    assert_eq!(empty.code, 0);
    assert!(empty.lines.is_empty());
}

#[test]
fn exit_code_follows_fail_on() {
    for (fail_on, severities) in [
        ("error", &["error"][..]),
        ("warning", &["error", "warning"][..]),
        ("info", &["error", "warning", "info"][..]),
    ] {
        let run = audit(&["articles.jsonl", "--fail-on", fail_on]);
        let at_or_above: u64 = severities
            .iter()
            .map(|s| run.summary["findings"]["by_severity"][s].as_u64().unwrap())
            .sum();
        let expected = if at_or_above > 0 { 1 } else { 0 };
        assert_eq!(run.code, expected, "--fail-on {fail_on}: {}", run.summary);
    }
}

#[test]
fn broken_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.jsonl"), big_archive(20_000)).unwrap();
    let mut child = Command::new(BIN)
        .current_dir(dir.path())
        .args(["audit", "big.jsonl", "--jobs", "2"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is dropped here, like `| head -1`.
    let out = child.wait_with_output().unwrap();
    assert!(serde_json::from_str::<Value>(&first).is_ok());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn ctrl_c_leaves_whole_lines_and_prints_the_summary_so_far() {
    let mut child = Command::new(BIN)
        .args(["audit", "-", "--jobs", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Feed 300 records and keep stdin open, as a slow upstream would.
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(&big_archive(300)).unwrap();
    stdin.flush().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut lines = Vec::new();
        for line in BufReader::new(stdout).lines() {
            let line = line.unwrap();
            lines.push(line);
            if lines.len() == 300 {
                tx.send(()).unwrap();
            }
        }
        lines
    });
    // Records that arrived are written without waiting for more input.
    rx.recv_timeout(Duration::from_secs(30))
        .expect("all 300 records written while stdin is still open");
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("audit did not stop after Ctrl-C");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    drop(stdin);
    let lines = reader.join().unwrap();
    assert_eq!(status.code(), Some(130));
    assert_eq!(lines.len(), 300);
    for line in &lines {
        serde_json::from_str::<Value>(line).expect("every line a whole object");
    }
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(stderr.contains("audit interrupted"), "{stderr}");
    assert!(stderr.contains("297 articles read"), "{stderr}");
}

/// The NDJSON objects `check --format ndjson` writes for `paths`, run in `dir`.
fn check_ndjson(dir: &Path, paths: &[&str]) -> Vec<Value> {
    let out = Command::new(BIN)
        .current_dir(dir)
        .args(["check", "--no-registry", "--format", "ndjson"])
        .args(paths)
        .output()
        .expect("run claimcheck");
    assert_eq!(out.status.code(), Some(2), "an unreadable input exits 2");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn check_and_audit_report_an_unreadable_input_as_the_same_object() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.md"),
        "---\ntitle: [unclosed\n---\nSales rose 5%.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("mixed.jsonl"),
        "{\"id\": \"ok\", \"body\": \"Sales rose 5%.\"}\n{\"id\": \"broken\", \"body\": \n",
    )
    .unwrap();
    let is_bad = |v: &Value| v["error"].is_string();
    for name in ["bad.md", "mixed.jsonl", "missing.jsonl"] {
        let from_check: Vec<Value> = check_ndjson(dir.path(), &[name])
            .into_iter()
            .filter(is_bad)
            .collect();
        let from_audit: Vec<Value> = audit_in(dir.path(), &["--no-registry", name], None)
            .lines
            .into_iter()
            .filter(is_bad)
            .collect();
        assert_eq!(from_check.len(), 1, "{name}: {from_check:?}");
        assert_eq!(from_check, from_audit, "{name}");
        let bad = &from_check[0];
        assert_eq!(bad["source"], name, "{name}");
        assert!(bad["error"].as_str().unwrap().starts_with(name), "{bad}");
    }
    let archive_line = &check_ndjson(dir.path(), &["mixed.jsonl"])[1];
    assert_eq!(archive_line["line"], 2);
    assert_eq!(archive_line["id"], "mixed.jsonl:2");
}
