//! `claimcheck report` and `--format csv` from the command line: the dashboard and the CSV
//! agree with `check`'s findings.

use std::process::Command;

fn claimcheck(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .output()
        .expect("claimcheck runs");
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn audit_then_report_gives_the_findings_of_check() {
    let dir = tempfile::tempdir().unwrap();
    let audit = dir.path().join("audit.ndjson");
    let (code, _, err) = claimcheck(&["audit", "articles", "-q", "-o", audit.to_str().unwrap()]);
    assert!(code.is_some_and(|c| c <= 1), "{err}");
    let page = dir.path().join("dash.html");
    let (code, out, err) = claimcheck(&[
        "report",
        audit.to_str().unwrap(),
        "-o",
        page.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out, "");
    let html = std::fs::read_to_string(&page).unwrap();
    let beside = std::fs::read_to_string(dir.path().join("dash.csv")).unwrap();
    let (_, csv, _) = claimcheck(&["report", audit.to_str().unwrap(), "--format", "csv"]);
    assert_eq!(csv, beside);
    let (_, checked, _) = claimcheck(&["check", "articles", "--format", "csv"]);
    let sorted = |s: &str| {
        let mut lines: Vec<String> = s.lines().map(str::to_string).collect();
        lines.sort();
        lines
    };
    // `audit` names its sources the way `check` does here: the same rows.
    assert_eq!(sorted(&csv), sorted(&checked));
    let (_, json, _) = claimcheck(&["check", "articles", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let findings: usize = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["findings"].as_array().unwrap().len())
        .sum();
    assert_eq!(csv.lines().count(), findings + 1);
    assert_eq!(html.matches("<tr data-rule=").count(), findings);
    assert!(html.contains("<a href=\"dash.csv\">dash.csv</a>"));
}

#[test]
fn a_missing_audit_is_a_usage_error() {
    let (code, out, err) = claimcheck(&["report", "no-such-audit.ndjson"]);
    assert_eq!(code, Some(2));
    assert_eq!(out, "");
    assert!(err.contains("no-such-audit.ndjson"), "{err}");
}

/// The `data-claim` hooks of an editor's page.
fn claims_on(page: &std::path::Path) -> usize {
    std::fs::read_to_string(page)
        .unwrap()
        .matches(" data-claim=\"")
        .count()
}

/// The most severe articles get their editor views in `NAME-articles/`, read again from the
/// sources the audit names, or from `--articles` once those have moved; each view has the
/// audit's claims of its article, and the dashboard links to it.
#[test]
fn the_most_severe_articles_get_editor_views_beside_the_dashboard() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("drafts");
    std::fs::create_dir(&folder).unwrap();
    for entry in std::fs::read_dir("articles").unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, folder.join(path.file_name().unwrap())).unwrap();
    }
    let audit = dir.path().join("audit.ndjson");
    let (code, _, err) = claimcheck(&[
        "audit",
        folder.to_str().unwrap(),
        "-q",
        "-o",
        audit.to_str().unwrap(),
    ]);
    assert!(code.is_some_and(|c| c <= 1), "{err}");
    let records: Vec<serde_json::Value> = std::fs::read_to_string(&audit)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let flagged = records
        .iter()
        .filter(|r| !r["findings"].as_array().unwrap().is_empty())
        .count();
    assert!(flagged > 1, "the articles have flagged ones");
    let page = dir.path().join("dash.html");
    let report = |extra: &[&str]| {
        let mut args = vec![
            "report",
            audit.to_str().unwrap(),
            "-o",
            page.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        let (code, _, err) = claimcheck(&args);
        assert_eq!(code, Some(0), "{err}");
        (std::fs::read_to_string(&page).unwrap(), err)
    };
    let views = dir.path().join("dash-articles");
    let check_views = |html: &str| {
        for rank in 1..=flagged {
            let link = format!("href=\"dash-articles/{rank}.html\" data-claims=\"");
            let at = html.find(&link).unwrap_or_else(|| panic!("no view {rank}"));
            let li = html[..at].rfind("data-article=\"").unwrap() + 14;
            let id = &html[li..li + html[li..].find('"').unwrap()];
            let record = records.iter().find(|r| r["id"] == *id).unwrap();
            let want = record["claims"].as_array().unwrap().len();
            let said: usize = html[at + link.len()..]
                .split('"')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            assert_eq!(said, want, "{id}");
            assert_eq!(claims_on(&views.join(format!("{rank}.html"))), want, "{id}");
        }
        assert!(!views.join(format!("{}.html", flagged + 1)).exists());
    };
    // From the sources the audit names.
    let (html, err) = report(&[]);
    assert_eq!(err, "");
    check_views(&html);
    // The sources moved: the page says how to get the views, and --articles finds them.
    std::fs::remove_dir_all(&views).unwrap();
    let moved = dir.path().join("moved");
    std::fs::rename(&folder, &moved).unwrap();
    let (html, err) = report(&[]);
    assert!(err.contains("--articles"), "{err}");
    assert!(!html.contains("class=\"view\"") && html.contains("were not written"));
    let (html, err) = report(&["--articles", moved.to_str().unwrap()]);
    assert_eq!(err, "");
    check_views(&html);
}
