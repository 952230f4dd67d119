//! The command line under misuse and odd input, as a new user or an unattended archive run
//! meets it: the real binary, the exact exit code and message. Each test names what it
//! protects (the user's files, the run going on, an exit code a CI job can trust).

use serde_json::Value;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_claimcheck");

/// An article with a change-mismatch error (20.8 pct cannot take 72.6 to 87.1).
const WRONG: &str = "Turnover rose by 20.8 pct to 87.1 mln dlrs from 72.6 mln dlrs in 1985.\n";

/// Held while a child is started. A child started by another test thread inherits, until it
/// execs, every pipe open at that moment; the broken-pipe test needs its child's stdout to
/// have no reader at all, so it closes the read end before anyone else may start a child.
static STARTING: Mutex<()> = Mutex::new(());

fn run_in(dir: &Path, args: &[&str]) -> Output {
    let mut command = Command::new(BIN);
    command.current_dir(dir).args(args).stdin(Stdio::null());
    command.stdout(Stdio::piped()).stderr(Stdio::piped());
    let child = {
        let _starting = STARTING.lock().unwrap_or_else(|e| e.into_inner());
        command.spawn().expect("run claimcheck")
    };
    child.wait_with_output().expect("run claimcheck")
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("exit code")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

/// `claimcheck audit -q --no-registry ARCHIVE` in `dir`, and its NDJSON lines.
fn audit_lines(dir: &Path, archive: &str) -> (Output, Vec<Value>) {
    let out = run_in(dir, &["audit", "-q", "--no-registry", archive]);
    let lines = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (out, lines)
}

/// Starts `claimcheck ARGS` in `dir` with stdin, stdout and stderr piped.
fn spawn_in(dir: &Path, args: &[&str]) -> Child {
    let _starting = STARTING.lock().unwrap_or_else(|e| e.into_inner());
    start(dir, args)
}

fn start(dir: &Path, args: &[&str]) -> Child {
    Command::new(BIN)
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start claimcheck")
}

/// Waits for `child` at most `limit`; kills it and fails the test when it takes longer.
fn wait_at_most(mut child: Child, limit: Duration) -> Output {
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            child.kill().unwrap();
            panic!("still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn an_output_that_is_one_of_the_inputs_is_refused_and_left_intact() {
    let dir = tempfile::tempdir().unwrap();
    let victim = write(dir.path(), "victim.md", WRONG);
    fs::hard_link(&victim, dir.path().join("hard.md")).unwrap();
    std::os::unix::fs::symlink("victim.md", dir.path().join("soft.md")).unwrap();
    for (output, input) in [
        ("victim.md", "victim.md"),
        ("soft.md", "victim.md"),
        ("victim.md", "hard.md"),
    ] {
        let check = ["check", "--format", "html", "-o", output, input];
        for args in [
            vec!["audit", "-q", "--output", output, input],
            vec!["audit", "-q", "--summary-json", output, input],
            check.to_vec(),
        ] {
            let out = run_in(dir.path(), &args);
            assert_eq!(code(&out), 2, "{args:?}");
            assert_eq!(
                stderr(&out),
                format!("error: refusing to write {output}: it is the input {input}\n")
            );
            assert_eq!(fs::read_to_string(&victim).unwrap(), WRONG);
        }
    }
}

#[test]
fn an_output_that_walking_an_input_folder_would_read_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("archive")).unwrap();
    write(&dir.path().join("archive"), "a.md", WRONG);
    let out = run_in(
        dir.path(),
        &["audit", "-q", "-o", "archive/out.ndjson", "archive"],
    );
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        "error: refusing to write archive/out.ndjson: it is inside the input folder archive, \
         which would read it\n"
    );
    assert!(!dir.path().join("archive/out.ndjson").exists());
    // A name the walk does not read is fine.
    let out = run_in(
        dir.path(),
        &[
            "audit",
            "-q",
            "--no-registry",
            "-o",
            "archive/out.json",
            "archive",
        ],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
}

#[test]
fn outputs_are_replaced_whole_and_a_killed_run_leaves_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", WRONG);
    let old = "{\"previous\": \"run\"}\n";
    let output = write(dir.path(), "out.ndjson", old);
    // A run that never finishes (stdin stays open) and is killed: the old file is untouched.
    let mut child = spawn_in(
        dir.path(),
        &["audit", "-q", "--no-registry", "-o", "out.ndjson", "-"],
    );
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "{{\"id\": \"r1\", \"body\": \"{}\"}}", WRONG.trim()).unwrap();
    std::thread::sleep(Duration::from_millis(500));
    child.kill().unwrap();
    child.wait().unwrap();
    drop(stdin);
    assert_eq!(fs::read_to_string(&output).unwrap(), old);
    // What a killed run leaves is its hidden temporary file, never a half-written output.
    for entry in fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with(".claimcheck-") {
            fs::remove_file(path).unwrap();
        }
    }
    // A finished run replaces the file, and leaves no temporary file behind.
    let out = run_in(
        dir.path(),
        &["audit", "-q", "--no-registry", "-o", "out.ndjson", "a.md"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let written = fs::read_to_string(&output).unwrap();
    let record: Value = serde_json::from_str(written.trim()).unwrap();
    assert_eq!(record["id"], "a");
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["a.md", "out.ndjson"]);
}

#[test]
fn unwritable_outputs_fail_before_any_input_is_read() {
    let dir = tempfile::tempdir().unwrap();
    for flag in ["--output", "--summary-json"] {
        // stdin stays open: a run that read its input first would never end.
        let mut child = spawn_in(
            dir.path(),
            &["audit", "-q", "--no-registry", flag, "missing/x.json", "-"],
        );
        let stdin = child.stdin.take();
        let out = wait_at_most(child, Duration::from_secs(20));
        drop(stdin);
        assert_eq!(code(&out), 2, "{flag}");
        let message = stderr(&out);
        assert!(
            message.starts_with("error: cannot write missing/x.json: "),
            "{flag}: {message}"
        );
        assert!(!dir.path().join("missing").exists());
    }
    let out = run_in(
        dir.path(),
        &[
            "audit",
            "-q",
            "-o",
            "x.json",
            "--summary-json",
            "./x.json",
            "-",
        ],
    );
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        "error: --output and --summary-json are the same file, x.json\n"
    );
    let out = run_in(dir.path(), &["audit", "-q", "--summary-json", ".", "-"]);
    assert_eq!(code(&out), 2);
    assert_eq!(stderr(&out), "error: cannot write .: it is a folder\n");
}

#[test]
fn jobs_above_the_limit_are_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", WRONG);
    for command in ["audit", "check"] {
        let out = run_in(dir.path(), &[command, "--jobs", "100000", "a.md"]);
        assert_eq!(code(&out), 2, "{command}");
        assert!(
            stderr(&out).starts_with(
                "error: invalid value '100000' for '--jobs <N>': give a number of threads from 1 \
                 to 256\n"
            ),
            "{command}: {}",
            stderr(&out)
        );
    }
    let out = run_in(
        dir.path(),
        &["audit", "-q", "--no-registry", "--jobs", "256", "a.md"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
}

#[test]
fn a_folder_without_articles_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("empty")).unwrap();
    fs::create_dir(dir.path().join("other")).unwrap();
    write(&dir.path().join("other"), "notes.csv", "a,b\n1,2\n");
    let message = "no articles found (no .md, .markdown, .txt, .jsonl or .ndjson files in \
                   this folder)";
    for folder in ["empty", "other"] {
        let out = run_in(dir.path(), &["check", "--no-registry", folder]);
        assert_eq!(code(&out), 2, "check {folder}");
        assert_eq!(stderr(&out), format!("error: {folder}: {message}\n"));
        let out = run_in(dir.path(), &["audit", "-q", "--no-registry", folder]);
        assert_eq!(code(&out), 2, "audit {folder}");
        let record: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
        assert_eq!(record["error"], format!("{folder}: {message}"));
    }
}

#[test]
fn an_empty_draft_is_an_article_with_no_claims() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.md", "");
    write(dir.path(), "title-only.md", "---\ntitle: Draft\n---\n\n");
    write(dir.path(), "wrong.md", WRONG);
    let out = run_in(dir.path(), &["check", "--no-registry", "empty.md"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "registry: none (--no-registry)\nempty.md: no claims\n\n1 article, 0 claims, 0 errors, 0 warnings, 0 infos\n"
    );
    // The findings of the other files decide the exit code.
    let out = run_in(
        dir.path(),
        &[
            "check",
            "--no-registry",
            "empty.md",
            "title-only.md",
            "wrong.md",
        ],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}

#[test]
fn an_audit_with_unreadable_records_exits_2_and_still_reports_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let good = serde_json::json!({"id": "good", "body": WRONG}).to_string();
    write(dir.path(), "a.jsonl", &format!("{good}\n{{not json\n"));
    let (out, lines) = audit_lines(dir.path(), "a.jsonl");
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["findings"][0]["rule"], "change-mismatch");
    assert!(lines[1]["error"]
        .as_str()
        .unwrap()
        .starts_with("a.jsonl:2:"));
}

#[test]
fn an_over_long_record_is_an_error_record_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = serde_json::json!({"id": "good", "body": WRONG}).to_string();
    let mut file = fs::File::create(dir.path().join("big.jsonl")).unwrap();
    // A record of 64 MiB + 1 byte, over the documented line limit, between two good ones.
    let head = b"{\"id\": \"huge\", \"body\": \"";
    let mut huge = head.to_vec();
    huge.resize((64 << 20) - 1, b'x');
    huge.extend_from_slice(b"\"}");
    file.write_all(format!("{good}\n").as_bytes()).unwrap();
    file.write_all(&huge).unwrap();
    file.write_all(format!("\n{good}\n").as_bytes()).unwrap();
    drop(file);
    let (out, lines) = audit_lines(dir.path(), "big.jsonl");
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert_eq!(lines.len(), 3);
    assert_eq!(
        lines[1]["error"],
        "big.jsonl:2:1: line is 67108865 bytes long, over the limit of 67108864 bytes; skipped"
    );
    assert_eq!(lines[2]["id"], "good");
}

#[test]
fn registry_cycles_and_duplicate_ids_are_registry_problems_exit_1() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (fixture, code_name) in [
        ("tests/fixtures/registries/cycle.yaml", "registry-cycle"),
        (
            "tests/fixtures/registries/duplicate-id",
            "registry-duplicate-id",
        ),
    ] {
        let out = run_in(root, &["registry", "check", "--color", "never", fixture]);
        assert_eq!(code(&out), 1, "{fixture}: {}", stdout(&out));
        assert!(
            stdout(&out).contains(&format!("error[{code_name}]")),
            "{}",
            stdout(&out)
        );
        assert!(!stdout(&out).contains("cannot be read"), "{}", stdout(&out));
    }
}

#[test]
fn a_closed_stdout_ends_every_format_with_0() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for format in ["human", "json", "ndjson", "sarif", "github"] {
        let failing = "tests/fixtures/registries/change-mismatch.yaml";
        for args in [
            &["check", "--format", format, "articles"][..],
            &["registry", "check", "--format", format, failing],
        ] {
            // A pipe whose reading end is closed before the child starts (closing the parent's
            // end after the spawn raced the child's first write): every write meets a broken
            // pipe.
            let child = {
                let _starting = STARTING.lock().unwrap_or_else(|e| e.into_inner());
                let (reader, writer) = std::io::pipe().expect("a pipe");
                drop(reader);
                Command::new(BIN)
                    .current_dir(root)
                    .args(args)
                    .stdin(Stdio::piped())
                    .stdout(writer)
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("start claimcheck")
            };
            let out = wait_at_most(child, Duration::from_secs(60));
            assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
            assert_eq!(stderr(&out), "", "{args:?}");
        }
    }
}

#[test]
fn the_json_summary_names_unreadable_articles_as_such() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "wrong.md", WRONG);
    write(dir.path(), "binary.md", "a\0b");
    let out = run_in(
        dir.path(),
        &[
            "check",
            "--no-registry",
            "--format",
            "json",
            "wrong.md",
            "binary.md",
        ],
    );
    assert_eq!(code(&out), 2);
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let summary = &json["summary"];
    assert_eq!(summary["findings"]["error"], 1);
    assert_eq!(summary["unreadable_articles"], 1);
    // Deprecated, kept with its old meaning (unreadable, not "with error findings").
    assert_eq!(summary["articles_with_errors"], 1);
}

#[test]
fn a_registry_with_a_tab_in_a_long_line_is_reported_not_a_crash() {
    // Found by the `registry` fuzz target: the renderer of the source line overflowed.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixture = "tests/fixtures/fuzz-regressions/registry-tab-in-a-long-line.yaml";
    let out = run_in(root, &["registry", "check", "--color", "never", fixture]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let expected = format!(
        "error[registry-yaml-syntax]: found character that cannot start any token, while \
         scanning for the next token\n --> {fixture}:1:1\n"
    );
    assert!(stdout(&out).starts_with(&expected), "{}", stdout(&out));
    assert_eq!(stderr(&out), "");
}

#[test]
fn an_article_on_stdin_over_the_limit_is_an_error_not_cut_short() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = spawn_in(dir.path(), &["check", "--no-registry", "-"]);
    let mut stdin = child.stdin.take().unwrap();
    // 256 MiB and one byte of text (not JSON Lines: it does not start with `{`).
    let writer = std::thread::spawn(move || {
        let chunk = "Exports rose.\n".repeat(1 << 16);
        let mut left = (256usize << 20) + 1;
        while left > 0 {
            let n = left.min(chunk.len());
            if stdin.write_all(&chunk.as_bytes()[..n]).is_err() {
                break; // The reader stopped at the limit.
            }
            left -= n;
        }
    });
    let out = wait_at_most(child, Duration::from_secs(120));
    writer.join().unwrap();
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        "error: <stdin>: larger than 256 MiB; not an article\n"
    );
}

/// Found by `fuzz/cli_args.py`'s inputs: `audit` took a `.md` file whose name is not UTF-8
/// for JSON Lines ("invalid JSON") and its folder walk skipped it, where `check` read it.
#[cfg(unix)]
#[test]
fn audit_reads_an_article_whose_name_is_not_utf8() {
    use std::os::unix::ffi::OsStrExt as _;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"draft-\xff.md");
    fs::write(dir.path().join(name), WRONG).unwrap();
    let file = dir.path().join(name);
    let folder = dir.path().to_str().unwrap();
    for target in [file.as_os_str(), std::ffi::OsStr::new(folder)] {
        // Started under the lock like every child here (see `STARTING`).
        let child = {
            let _starting = STARTING.lock().unwrap_or_else(|e| e.into_inner());
            Command::new(BIN)
                .args(["audit", "-q", "--no-registry"])
                .arg(target)
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let out = child.wait_with_output().unwrap();
        assert_eq!(code(&out), 1, "{}", String::from_utf8_lossy(&out.stderr));
        let record: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
        assert!(record["error"].is_null(), "{record}");
        assert_eq!(record["findings"][0]["rule"], "change-mismatch", "{record}");
    }
}
