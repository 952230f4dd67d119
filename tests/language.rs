//! Runs the real binary on the language selection: front matter `lang` and a JSON Lines
//! record's `lang` pick the article's language; an unknown code is an error for that article
//! (front matter: file:line:column of the value; JSON Lines: the record's line) and the run
//! goes on with the others.

use serde_json::Value;
use std::path::Path;

#[path = "common/workspace.rs"]
mod workspace;
use workspace::{run, text};

const BODY: &str = "Sales rose 12.5 pct to 320.5 mln dlrs from 284.9 mln.\n";

fn write(dir: &Path, name: &str, contents: &str) {
    std::fs::write(dir.join(name), contents).unwrap();
}

#[test]
fn front_matter_lang_selects_english_and_rejects_an_unknown_code_at_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a-en.md", &format!("---\nlang: en\n---\n{BODY}"));
    write(
        d,
        "b-en-gb.md",
        &format!("---\ntitle: T\nlang: en-GB\n---\n{BODY}"),
    );
    write(d, "c-none.md", BODY);
    write(
        d,
        "d-de.md",
        &format!("---\ntitle: T\nlang:   de\n---\n{BODY}"),
    );
    let out = run(
        &[
            "check",
            "--no-registry",
            "--format",
            "json",
            "a-en.md",
            "b-en-gb.md",
            "c-none.md",
            "d-de.md",
        ],
        d,
    );
    assert_eq!(out.status.code(), Some(2), "an unreadable input exits 2");
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(
            "d-de.md:3:9: front matter: lang: unknown language `de` (claimcheck reads: en)"
        ),
        "{stderr}"
    );
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let articles = json["articles"].as_array().expect("articles");
    // The three readable articles are checked alike: one change claim each.
    let claims: Vec<usize> = articles
        .iter()
        .filter(|a| a["error"].is_null())
        .map(|a| a["claims"].as_array().map_or(0, Vec::len))
        .collect();
    assert_eq!(claims, [1, 1, 1], "{json:#}");
}

#[test]
fn jsonl_lang_selects_english_and_rejects_an_unknown_code_on_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let records = [
        serde_json::json!({"id": "en", "body": BODY, "lang": "en-US"}),
        serde_json::json!({"id": "de", "body": BODY, "lang": "de"}),
        serde_json::json!({"id": "none", "body": BODY}),
    ];
    let lines: Vec<String> = records.iter().map(Value::to_string).collect();
    write(d, "archive.jsonl", &(lines.join("\n") + "\n"));
    let out = run(
        &[
            "audit",
            "--no-registry",
            "--jobs",
            "1",
            "--quiet",
            "archive.jsonl",
        ],
        d,
    );
    let stdout = text(&out.stdout);
    let objects: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("NDJSON line"))
        .collect();
    assert_eq!(objects.len(), 3, "{stdout}");
    assert_eq!(objects[0]["claims"].as_array().map(Vec::len), Some(1));
    assert_eq!(objects[0]["meta"]["lang"], "en-US", "carried through");
    assert_eq!(
        objects[1]["error"],
        "archive.jsonl:2:1: unknown language `de` (claimcheck reads: en)"
    );
    assert_eq!(objects[1]["line"], 2);
    assert_eq!(objects[2]["claims"].as_array().map(Vec::len), Some(1));
}
