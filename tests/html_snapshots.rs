//! Snapshots of the HTML pages from the real binary: the editor's page (`check --format html`)
//! of each sample article in `articles/`, checked against the registry in `claims/` (the page
//! shows what it confirms), and the audit dashboard (`report`) of a small fixture audit
//! (`tests/fixtures/dashboard/audit.ndjson`: `audit`'s lines for four articles, two of them
//! flagged, then a line that is not JSON and an unreadable record).
//!
//! Redacted: the Content-Security-Policy hashes and the version (they change with every
//! style or release), the page's own style and script (`src/emit/html/page.{css,js}`, kept in
//! their files), and `claimcheck explain`'s docs under each finding (the rules' own tests pin
//! them). A line break follows each closing block tag so that a change reads as a diff of
//! lines; nothing else is changed.
//!
//! Review changes with `cargo insta review` (or `INSTA_UPDATE=always` and `git diff`), reading
//! each one; CI runs with `INSTA_UPDATE=no`.

use std::process::Command;

const STYLE: &str = include_str!("../src/emit/html/page.css");
const SCRIPT: &str = include_str!("../src/emit/html/page.js");

/// Runs claimcheck from the crate root; fails on anything but exit 0 or 1.
fn claimcheck(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("run the claimcheck binary");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "claimcheck {args:?} exited with {:?}\nstderr:\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("stdout is UTF-8")
}

/// Replaces each `'sha256-…'` source of the policy.
fn without_hashes(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(at) = rest.find("'sha256-") {
        out.push_str(&rest[..at]);
        out.push_str("[hash]");
        let end = rest[at + 1..].find('\'').expect("a closed hash") + at + 2;
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The page as its snapshot shows it (see the module's comment).
fn redacted(page: &str) -> String {
    let page = without_hashes(page)
        .replace(STYLE, "[style]")
        .replace(SCRIPT, "[script]")
        .replace(
            &format!("claimcheck {}", env!("CARGO_PKG_VERSION")),
            "claimcheck [version]",
        );
    let mut out = String::with_capacity(page.len());
    let mut parts = page.split("<pre class=\"docs\">");
    out.push_str(parts.next().unwrap_or_default());
    for part in parts {
        out.push_str("<pre class=\"docs\">[docs]");
        out.push_str(&part[part.find("</pre>").expect("a closed pre")..]);
    }
    for tag in [
        "p", "li", "tr", "dd", "h2", "h3", "div", "section", "article", "ol", "ul", "table",
        "details", "nav", "header", "svg",
    ] {
        let close = format!("</{tag}>");
        out = out.replace(&close, &format!("{close}\n"));
    }
    out.replace("\n\n", "\n")
}

#[test]
fn editor_pages_of_the_sample_articles() {
    insta::glob!("../articles", "*.md", |path| {
        let name = path.file_name().unwrap().to_str().unwrap();
        let article = format!("articles/{name}");
        let article = article.as_str();
        let page = claimcheck(&["check", article, "--format", "html"]);
        assert!(page.starts_with("<!DOCTYPE html>"), "{article}");
        insta::with_settings!({
            description => format!("claimcheck check {article} --format html"),
            omit_expression => true,
        }, {
            insta::assert_snapshot!("html", redacted(&page));
        });
    });
}

#[test]
fn dashboard_of_a_small_audit() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("dashboard.html");
    let out = claimcheck(&[
        "report",
        "tests/fixtures/dashboard/audit.ndjson",
        "-o",
        page.to_str().unwrap(),
    ]);
    assert_eq!(out, "");
    let page = std::fs::read_to_string(page).unwrap();
    // Two of the fixture's four articles are flagged; they are read again from `articles/`
    // for their editor views.
    let view = |rank: usize| dir.path().join(format!("dashboard-articles/{rank}.html"));
    assert!(view(1).exists() && view(2).exists() && !view(3).exists());
    insta::with_settings!({
        description => "claimcheck report tests/fixtures/dashboard/audit.ndjson -o dashboard.html",
        omit_expression => true,
    }, {
        insta::assert_snapshot!("dashboard", redacted(&page));
    });
}
