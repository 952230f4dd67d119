//! The command line as a shell user meets it (issue #10's CLI items), on the real binary:
//! `check -j`, `audit --format`, `extract`'s own help and view of the mentions, source lines
//! cut to the width, the registry line, fix hints in SARIF and GitHub annotations, `registry
//! check --verbose`, colors by NO_COLOR and CLICOLOR_FORCE, completions and the man page.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};
use unicode_width::UnicodeWidthStr;

#[path = "common/workspace.rs"]
mod workspace;
use workspace::{text, workspace};

/// An article with one change-mismatch (a fix hint among its notes) on a 300-character line.
fn long_line_article() -> String {
    format!(
        "---\ntitle: Long\n---\n{}Sales rose 20.8% from 72.6 mln to 87.1 mln dlrs, {}.\n",
        "Word ".repeat(40),
        "and more words here ".repeat(10)
    )
}

/// The binary with none of the environment that changes its human output.
fn claimcheck(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
    for var in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "COLUMNS", "TERM"] {
        cmd.env_remove(var);
    }
    cmd.current_dir(dir);
    cmd
}

fn run(args: &[&str], dir: &Path) -> Output {
    claimcheck(dir).args(args).output().expect("run claimcheck")
}

#[test]
fn check_jobs_checks_in_parallel_and_keeps_the_input_order() {
    let dir = tempfile::tempdir().unwrap();
    // Forty articles, each with its own figure, named so that the order given on the command
    // line (reversed) is not the order of the names.
    let mut paths = Vec::new();
    for i in 0..40 {
        let name = format!("a{i:02}.md");
        let body = format!("Sales rose {i}.5 pct to {}.5 mln dlrs.\n", 100 + i);
        std::fs::write(dir.path().join(&name), body).unwrap();
        paths.push(name);
    }
    paths.reverse();
    let mut outputs = Vec::new();
    for jobs in ["1", "4", "16"] {
        let mut args = vec!["check", "--no-registry", "--format", "ndjson", "-j", jobs];
        args.extend(paths.iter().map(String::as_str));
        let out = run(&args, dir.path());
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let sources: Vec<String> = text(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap()["source"].to_string())
            .collect();
        let expected: Vec<String> = paths.iter().map(|p| format!("\"{p}\"")).collect();
        assert_eq!(sources, expected, "-j {jobs}");
        outputs.push(out.stdout);
    }
    assert!(outputs.windows(2).all(|w| w[0] == w[1]));
    // The human output is the same on any number of threads too.
    let human = |jobs: &str| {
        let mut args = vec!["check", "--no-registry", "-j", jobs];
        args.extend(paths.iter().map(String::as_str));
        run(&args, dir.path()).stdout
    };
    assert_eq!(human("1"), human("8"));
    let out = run(&["check", "-j", "0", "a00.md"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("from 1 to 256"));
}

#[test]
fn audit_says_it_writes_ndjson_and_takes_format_ndjson_only() {
    let dir = workspace();
    let help = text(&run(&["audit", "--help"], dir.path()).stdout);
    assert!(help.contains("NDJSON only"), "{help}");
    let out = run(
        &[
            "audit",
            "-q",
            "--no-registry",
            "--format",
            "ndjson",
            "articles",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let line: Value = serde_json::from_str(text(&out.stdout).trim()).unwrap();
    assert_eq!(line["source"], "articles/magnets.md");
    for format in ["human", "json", "sarif", "csv"] {
        let out = run(&["audit", "--format", format, "articles"], dir.path());
        assert_eq!(out.status.code(), Some(2), "{format}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains("possible values: ndjson"), "{stderr}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn extract_has_its_own_help_and_lists_the_mentions() {
    let dir = workspace();
    let check = text(&run(&["check", "--help"], dir.path()).stdout);
    let extract = text(&run(&["extract", "--help"], dir.path()).stdout);
    assert_ne!(check, extract);
    assert!(extract.contains("numeric mention"), "{extract}");
    assert!(!extract.contains("--fail-on"), "{extract}");

    let out = run(&["extract", "--no-registry", "articles"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(!stdout.contains("no findings"), "{stdout}");
    assert!(!stdout.contains("error"), "{stdout}");
    // One line per mention: position, kind, value, interval, words.
    let line = |needle: &str| {
        stdout
            .lines()
            .find(|l| l.trim_end().ends_with(needle))
            .unwrap_or_else(|| panic!("no mention line for {needle}:\n{stdout}"))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(
        line("353 tons"),
        "5:16 quantity 353 t 352.5 t…353.5 t 353 tons"
    );
    assert_eq!(line("660%"), "5:81 percent 660% 655%…665% 660%");
    assert_eq!(
        line("12.5 pct"),
        "7:12 percent 12.5% 12.45%…12.55% 12.5 pct"
    );
    assert_eq!(
        line("320.5 mln dlrs"),
        "7:24 currency 320.5 mln USD 320.45 mln USD…320.55 mln USD 320.5 mln dlrs"
    );
    let mentions = stdout.lines().filter(|l| l.contains(" percent ")).count();
    assert_eq!(mentions, 2, "{stdout}");
    assert!(
        stdout.trim_end().ends_with("numeric mentions"),
        "the summary counts mentions, not findings:\n{stdout}"
    );
}

/// The source lines of human output: those of the `N | text` gutter.
fn source_lines(stdout: &str) -> Vec<&str> {
    stdout
        .lines()
        .filter(|l| {
            l.split(" |")
                .next()
                .is_some_and(|n| n.trim().parse::<usize>().is_ok())
        })
        .collect()
}

#[test]
fn human_output_cuts_source_lines_to_the_width() {
    let dir = tempfile::tempdir().unwrap();
    // One span on one long line, and one across a line break between two long lines; the
    // second line starts with wide and accented characters, to be cut between characters.
    let broken = format!(
        "{}Sales rose 20.8% from 72.6\nmln to 87.1 mln dlrs, {}.\n",
        "Wörd 語 ".repeat(40),
        "and more words here ".repeat(10)
    );
    std::fs::write(dir.path().join("one.md"), long_line_article()).unwrap();
    std::fs::write(dir.path().join("two.md"), broken).unwrap();
    let wide = format!(
        "{}Sales rose 20.8% from 72.6 mln to 87.1 mln dlrs, {}.\n",
        "語 ".repeat(100),
        "and more words here ".repeat(10)
    );
    std::fs::write(dir.path().join("three.md"), wide).unwrap();
    for file in ["one.md", "two.md", "three.md"] {
        for (columns, widest) in [(Some("60"), 60), (Some("100"), 100), (None, 140)] {
            let mut cmd = claimcheck(dir.path());
            cmd.args(["check", "--no-registry", file]);
            if let Some(columns) = columns {
                cmd.env("COLUMNS", columns);
            }
            let out = cmd.output().unwrap();
            assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
            let stdout = text(&out.stdout);
            let shown = source_lines(&stdout);
            assert!(!shown.is_empty(), "{stdout}");
            for line in shown {
                assert!(
                    line.width() <= widest,
                    "{file} COLUMNS={columns:?}: {} columns\n{stdout}",
                    line.width()
                );
            }
            // The underline is under the figures, not somewhere else on a cut line.
            let lines: Vec<&str> = stdout.lines().collect();
            let at = lines.iter().position(|l| l.contains(" | ")).unwrap();
            let caret = lines[at + 1].find('^').expect("an underline");
            let before = &lines[at][..lines[at].find("rose 20.8%").expect("the figures")];
            assert_eq!(caret, before.width(), "{stdout}");
            // The place is the article's, however the line was cut.
            let place = match file {
                "one.md" => "4:207",
                "two.md" => "1:287",
                _ => "1:207",
            };
            assert!(
                stdout.contains(&format!(" --> {file}:{place}\n")),
                "{stdout}"
            );
            assert!(stdout.contains("20.8%"), "{stdout}");
        }
    }
}

#[test]
fn human_output_names_the_registry_first() {
    let dir = workspace();
    let first_line = |args: &[&str]| {
        let out = run(args, dir.path());
        text(&out.stdout).lines().next().unwrap_or("").to_string()
    };
    assert_eq!(
        first_line(&["check", "articles"]),
        "registry: none (no claims/ folder here; give --registry PATH)"
    );
    assert_eq!(
        first_line(&["check", "--no-registry", "articles"]),
        "registry: none (--no-registry)"
    );
    let claims = Path::new(env!("CARGO_MANIFEST_DIR")).join("claims");
    let copy = dir.path().join("claims");
    std::fs::create_dir(&copy).unwrap();
    let mut files = 0;
    for entry in std::fs::read_dir(&claims).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            std::fs::copy(&path, copy.join(path.file_name().unwrap())).unwrap();
            files += 1;
        }
    }
    let line = first_line(&["check", "articles"]);
    let prefix = format!("registry: claims/ ({files} files, ");
    assert!(
        line.starts_with(&prefix) && line.ends_with(" facts)"),
        "{line}"
    );
    assert_eq!(first_line(&["extract", "articles"]), line);
    let one = format!("{}/rare-earth-magnets.yaml", claims.display());
    let line = first_line(&["check", "--registry", &one, "articles"]);
    let prefix = format!("registry: {one} (1 file, ");
    assert!(
        line.starts_with(&prefix) && line.ends_with(" facts)"),
        "{line}"
    );
    // Only human output has it: the machine formats start as before.
    let out = run(&["check", "--format", "json", "articles"], dir.path());
    assert!(text(&out.stdout).starts_with('{'));
}

#[test]
fn fix_hints_reach_sarif_and_github_annotations() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("long.md"), long_line_article()).unwrap();
    let hint = "the figures support +19.8% to +20.1%";

    let out = run(
        &["check", "--no-registry", "--format", "sarif", "long.md"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    let schema: Value = serde_json::from_str(include_str!("fixtures/sarif-schema-2.1.0.json"))
        .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let result = &log["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "change-mismatch");
    let message = result["message"]["text"].as_str().unwrap();
    assert!(message.ends_with(&format!("\n{hint}")), "{message}");
    assert_eq!(result["properties"]["notes"][0], hint);

    let out = run(
        &["check", "--no-registry", "--format", "github", "long.md"],
        dir.path(),
    );
    let stdout = text(&out.stdout);
    let escaped = hint.replace('%', "%25");
    assert!(
        stdout.contains("title=change-mismatch::")
            && stdout.trim_end().ends_with(&format!("%0A{escaped}")),
        "{stdout}"
    );
}

#[test]
fn registry_check_shows_notices_only_when_verbose() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let quiet = run(&["registry", "check", "claims"], root);
    let verbose = run(&["registry", "check", "--verbose", "claims"], root);
    assert_eq!(quiet.status.code(), Some(0));
    assert_eq!(verbose.status.code(), Some(0));
    let (quiet, verbose) = (text(&quiet.stdout), text(&verbose.stdout));
    let notices = verbose.matches("info[registry-implied-fact]").count();
    assert!(notices > 0, "{verbose}");
    assert!(!quiet.contains("info["), "{quiet}");
    assert_eq!(
        quiet.lines().count(),
        2,
        "a count of the notices and the summary:\n{quiet}"
    );
    assert!(quiet.starts_with(&format!(
        "{notices} notices not shown (--verbose shows them)\n"
    )));
    assert!(quiet.trim_end().ends_with(": ok"), "{quiet}");
    for (format, notice) in [
        ("sarif", "\"ruleId\": \"registry-implied-fact\""),
        ("github", "title=registry-implied-fact"),
        ("json", "\"rule\": \"registry-implied-fact\""),
    ] {
        let out = run(&["registry", "check", "--format", format, "claims"], root);
        assert_eq!(text(&out.stdout).matches(notice).count(), 0, "{format}");
        let out = run(
            &["registry", "check", "-v", "--format", format, "claims"],
            root,
        );
        assert_eq!(
            text(&out.stdout).matches(notice).count(),
            notices,
            "{format}"
        );
    }
}

#[test]
fn colors_follow_no_color_and_clicolor_force() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("long.md"), long_line_article()).unwrap();
    let colored = |vars: &[(&str, &str)], color: &str| {
        let mut cmd = claimcheck(dir.path());
        cmd.args(["check", "--no-registry", "--color", color, "long.md"]);
        cmd.envs(vars.iter().copied());
        cmd.output().unwrap().stdout.contains(&0x1b)
    };
    // Not a terminal: no color unless forced.
    assert!(!colored(&[], "auto"));
    assert!(colored(&[("CLICOLOR_FORCE", "1")], "auto"));
    assert!(!colored(
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
        "auto"
    ));
    assert!(colored(&[("NO_COLOR", "1")], "always"));
    assert!(!colored(&[("CLICOLOR_FORCE", "1")], "never"));
}

#[test]
fn completions_and_the_man_page_come_from_the_definitions() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = run(&["completions", shell], dir.path());
        assert_eq!(out.status.code(), Some(0), "{shell}: {}", text(&out.stderr));
        let script = text(&out.stdout);
        for word in ["extract", "audit", "no-registry", "fail-on", "completions"] {
            assert!(script.contains(word), "{shell} lacks {word}");
        }
    }
    // The bash script parses.
    let out = run(&["completions", "bash"], dir.path());
    let path = dir.path().join("claimcheck.bash");
    std::fs::write(&path, &out.stdout).unwrap();
    if let Ok(status) = Command::new("bash").arg("-n").arg(&path).status() {
        assert!(status.success(), "bash -n rejects the completion script");
    }
    let out = run(&["completions", "tcsh"], dir.path());
    assert_eq!(out.status.code(), Some(2));

    let out = run(&["man"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let page = text(&out.stdout);
    assert!(page.contains(".TH claimcheck 1"), "{page}");
    for section in [
        "CLAIMCHECK CHECK",
        "CLAIMCHECK EXTRACT",
        "CLAIMCHECK REGISTRY CHECK",
    ] {
        assert!(page.contains(&format!(".SH \"{section}\"")), "{section}");
    }
    for flag in ["jobs", "summary\\-json", "no\\-registry", "verbose"] {
        assert!(page.contains(flag), "{flag}");
    }
}

#[test]
fn odd_command_lines_for_the_new_options_end_without_a_panic() {
    // A few of the argument classes `fuzz/cli_args.py` draws, aimed at this file's options,
    // so that `cargo test` keeps them: every one ends with 0, 1 or 2, never a panic.
    let dir = tempfile::tempdir().unwrap();
    let cjk = format!(
        "{}Sales rose 20.8% from 72.6\nmln to 87.1 mln dlrs {}.\n",
        "語\u{301} ".repeat(200),
        "é".repeat(300)
    );
    std::fs::write(dir.path().join("cjk.md"), cjk).unwrap();
    std::fs::write(
        dir.path().join("binary.md"),
        (0..=255u8).collect::<Vec<_>>(),
    )
    .unwrap();
    std::fs::write(dir.path().join("empty.md"), "").unwrap();
    let cycle = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/registries/cycle.yaml");
    let cycle = cycle.to_str().unwrap();
    type Env<'a> = &'a [(&'a str, &'a str)];
    let cases: &[(&[&str], Env)] = &[
        (&["check", "cjk.md", "--no-registry"], &[("COLUMNS", "1")]),
        (
            &["check", "cjk.md", "--no-registry"],
            &[("COLUMNS", "99999999999999999999999")],
        ),
        (
            &["check", "cjk.md", "--no-registry", "--color", "always"],
            &[("COLUMNS", "41")],
        ),
        (
            &["extract", "cjk.md", "binary.md", "empty.md", "-j", "256"],
            &[],
        ),
        (
            &[
                "extract",
                "--format",
                "sarif",
                "cjk.md",
                "--registry",
                cycle,
            ],
            &[],
        ),
        (
            &[
                "check",
                "-j",
                "256",
                "cjk.md",
                "cjk.md",
                "cjk.md",
                "-",
                "--no-registry",
            ],
            &[],
        ),
        (&["registry", "check", "-v", "-v", cycle], &[]),
        (
            &[
                "registry",
                "check",
                "--verbose",
                "--format",
                "github",
                cycle,
                cycle,
            ],
            &[],
        ),
        (
            &[
                "audit",
                "--format",
                "ndjson",
                "-q",
                "/dev/null",
                "--no-registry",
            ],
            &[],
        ),
        (&["completions", ""], &[]),
        (&["completions", "zsh", "extra"], &[]),
        (&["man", "--format", "json"], &[]),
        (&["extract", "--fail-on", "error", "cjk.md"], &[]),
    ];
    for (args, env) in cases {
        let out = claimcheck(dir.path())
            .args(*args)
            .envs(env.iter().copied())
            .env("RUST_BACKTRACE", "1")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            matches!(out.status.code(), Some(0..=2)) && !stderr.contains("panicked"),
            "{args:?} {env:?}: {:?}\n{stderr}",
            out.status
        );
    }
}
