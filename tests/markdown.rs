//! A Markdown article's HTML comments and fenced code blocks are not prose: `check` takes no
//! claim from them, and the same words in the text are still checked.

use std::process::Command;

fn check(article: &str) -> (i32, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.md");
    std::fs::write(&path, article).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "--no-registry", "--format", "json"])
        .arg(&path)
        .output()
        .expect("run claimcheck");
    let json = serde_json::from_slice(&out.stdout).expect("json output");
    (out.status.code().unwrap(), json)
}

const WRONG: &str = "Sales rose 25 pct to 110 mln dlrs from 100 mln dlrs.";

#[test]
fn figures_in_comments_and_code_blocks_are_not_checked() {
    let article = format!(
        "---\ntitle: t\n---\nThe company reported its results.\n\n<!-- editor: {WRONG} -->\n\n```\n{WRONG}\n```\n\nNo other figures.\n"
    );
    let (code, json) = check(&article);
    let a = &json["articles"][0];
    assert_eq!(code, 0, "{json}");
    assert_eq!(a["claims"].as_array().unwrap().len(), 0, "{json}");
    assert_eq!(a["findings"].as_array().unwrap().len(), 0, "{json}");
}

#[test]
fn the_same_words_in_the_text_are_checked() {
    let article = format!("---\ntitle: t\n---\n<!-- a note -->\n{WRONG}\n");
    let (code, json) = check(&article);
    assert_eq!(code, 1, "{json}");
    assert_eq!(
        json["articles"][0]["findings"][0]["rule"],
        "change-mismatch"
    );
}
