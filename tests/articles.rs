//! One pair of snapshots per sample article in `articles/`: what an editor sees (`--format
//! human`) and what other programs read (`--format json`), both from the real binary.
//!
//! The binary runs from the crate root with a relative path, so the paths in its output are
//! the same on every machine. `--no-registry` keeps the registry in `claims/` out of it: these
//! snapshots pin extraction and rules; the registry has its own tests.
//!
//! Review changes with `cargo insta review`, reading each one; CI runs with `INSTA_UPDATE=no`.

use std::process::{Command, Output};

fn run(article: &str, format: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", article, "--no-registry", "--format", format])
        .args(["--color", "never"])
        .env_remove("CLICOLOR_FORCE")
        .env_remove("FORCE_COLOR")
        .env("NO_COLOR", "1")
        .output()
        .expect("run the claimcheck binary")
}

/// The exit code, or a failure that shows stderr: a sample article is always readable, so
/// anything but 0 (clean) or 1 (findings) is a bug.
fn exit_code(article: &str, format: &str, output: &Output) -> i32 {
    let code = output.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "claimcheck check {article} --format {format} exited with {code:?}\nstderr:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    code.unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

#[test]
fn sample_articles() {
    insta::glob!("../articles", "*.md", |path| {
        let name = path.file_name().unwrap().to_str().unwrap();
        let article = Path::new("articles").join(name);
        let article = article.to_str().unwrap();

        let human = run(article, "human");
        let human_code = exit_code(article, "human", &human);
        let human_stderr = String::from_utf8_lossy(&human.stderr);
        let mut shown = format!("exit code: {human_code}\n");
        if !human_stderr.is_empty() {
            shown.push_str(&format!("--- stderr ---\n{human_stderr}"));
            if !human_stderr.ends_with('\n') {
                shown.push('\n');
            }
        }
        shown.push_str("--- stdout ---\n");
        shown.push_str(&stdout(&human));
        insta::with_settings!({
            description => format!("claimcheck check {article} --no-registry --format human --color never"),
            omit_expression => true,
        }, {
            insta::assert_snapshot!("human", shown);
        });

        let json = run(article, "json");
        let json_code = exit_code(article, "json", &json);
        assert_eq!(
            json_code, human_code,
            "{article}: --format json and --format human disagree on the exit code"
        );
        let json = stdout(&json);
        let value: serde_json::Value = serde_json::from_str(&json)
            .unwrap_or_else(|e| panic!("{article}: --format json is not JSON: {e}\n{json}"));
        let articles = value["articles"].as_array().expect("an \"articles\" array");
        assert_eq!(
            articles.len(),
            1,
            "{article}: one article in, one report out"
        );
        assert_eq!(
            articles[0]["source"], article,
            "{article}: source is the path as given"
        );
        assert!(
            articles[0]["error"].is_null(),
            "{article}: could not be read: {}",
            articles[0]["error"]
        );
        insta::with_settings!({
            description => format!("claimcheck check {article} --no-registry --format json"),
            omit_expression => true,
        }, {
            insta::assert_snapshot!("json", json);
        });
    });
}
