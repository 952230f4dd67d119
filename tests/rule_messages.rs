//! The messages of the rules on short drafts, one snapshot per file of
//! `tests/fixtures/rule-messages/`: what an editor reads for each error that issue #9 found
//! passing or worded wrong (loosely rounded figures, points, one-word subjects, shares, a
//! change after its figures, "about 4.5 times", a share above 100%, periods).
//!
//! Each snapshot is a claim that the message is right: read the diff before accepting it.

use std::process::Command;

#[test]
fn rule_messages() {
    insta::glob!("fixtures/rule-messages", "*.md", |path| {
        let name = path.file_name().unwrap().to_str().unwrap();
        let draft = format!("tests/fixtures/rule-messages/{name}");
        let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["check", &draft, "--no-registry"])
            .args(["--format", "human", "--color", "never"])
            .env("NO_COLOR", "1")
            .output()
            .expect("run the claimcheck binary");
        let code = out.status.code();
        assert!(matches!(code, Some(0 | 1)), "{name}: exit {code:?}");
        let shown = format!(
            "exit code: {}\n{}",
            code.unwrap(),
            String::from_utf8_lossy(&out.stdout)
        );
        insta::assert_snapshot!(shown);
    });
}
