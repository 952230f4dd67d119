//! The audit dashboard (`claimcheck report`) in a real browser (Debian's headless Chromium,
//! driven by the WebDriver client in `common/browser.rs`): a generated audit of the shared
//! Reuters corpus (or of `articles/` when the corpus is absent), its table, its charts, its
//! links to the most severe articles' editor views, and an audit full of hostile text. A
//! screenshot of each page is kept in `target/html-browser/`.

#[path = "common/browser.rs"]
mod browser;
#[path = "common/skip.rs"]
mod skip;

use browser::{browser, check_page, Session, HOSTILE};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

/// `claimcheck report` on a generated audit: of the shared Reuters corpus when it is there
/// (`../shared/corpus`), else of `articles/`. The page's findings are the CSV's, the table
/// filters, the top articles' links work, nothing is fetched, and the load time is printed.
#[test]
fn the_audit_dashboard_in_chromium() {
    let Some((chromium, driver)) = browser("the_audit_dashboard_in_chromium") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/reuters21578.jsonl");
    let (input, name) = if corpus.exists() {
        (corpus, "dashboard-reuters")
    } else {
        skip::skipped(
            "the_audit_dashboard_in_chromium",
            "../shared/corpus/reuters21578.jsonl not found: the dashboard is of articles/ instead",
        );
        (PathBuf::from("articles"), "dashboard-articles")
    };
    let page = dashboard(&input, dir.path(), &[]);
    let csv = std::fs::read_to_string(dir.path().join("dashboard.csv")).unwrap();
    let findings = csv.lines().count() - 1; // one line per finding
    let rules: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(3).unwrap())
        .collect();

    let s = Session::start(&chromium, &driver);
    let url = s.open(&page);
    // The top of the page: totals, charts (README's docs/dashboard.png).
    s.screenshot(&format!("{name}-top"));
    let state = s.js(
        "const t = performance.getEntriesByType('navigation')[0]; \
         return {rows: document.querySelectorAll('#findings-table tbody tr').length, \
           svgs: document.querySelectorAll('svg.chart').length, \
           top: [...document.querySelectorAll('#top > ol a[href^=\"#\"]')].every(a => \
             document.querySelector(a.getAttribute('href'))), \
           resources: performance.getEntriesByType('resource').length, \
           ms: t ? t.loadEventEnd - t.startTime : null};",
        json!([]),
    );
    assert_eq!(state["rows"], json!(findings.min(10_000)), "{state}");
    assert!(state["svgs"].as_u64().unwrap() >= 2, "{state}");
    assert_eq!(state["top"], json!(true));
    assert_eq!(state["resources"], json!(0));
    let requests = s.requests();
    assert!(requests.iter().all(|r| *r == url), "{requests:?}");
    // Filtering by a rule leaves that rule's rows.
    let rule = rules.first().copied().unwrap_or("change-mismatch");
    let filter = s.element("#filter");
    s.cmd(
        "POST",
        &format!("/element/{filter}/value"),
        Some(json!({ "text": rule })),
    );
    let shown = s.js(
        "return [...document.querySelectorAll('#findings-table tbody tr')].filter(r => !r.hidden) \
         .map(r => r.dataset.rule);",
        json!([]),
    );
    let want = rules.iter().filter(|r| **r == rule).count();
    let shown = shown.as_array().unwrap();
    assert!(
        shown.iter().all(|r| r == rule) && shown.len() >= want,
        "{shown:?}"
    );
    let shot = s.screenshot(name);
    eprintln!(
        "html_browser: {name}: {findings} findings, loaded in {} ms, screenshot {}",
        state["ms"],
        shot.display()
    );
    views_of_the_most_severe_articles(&s, dir.path(), name);
}

/// Each of the dashboard's most severe articles links to its own editor view in
/// `dashboard-articles/`; clicking the first opens it, and the view is the editor's page of
/// that article: its claims and findings are the audit record's (checked as `check_page`
/// checks `--format json`), and it links back.
fn views_of_the_most_severe_articles(s: &Session, dir: &Path, name: &str) {
    let top = s.js(
        "return [...document.querySelectorAll('#top > ol > li')].map(li => { \
           const v = li.querySelector('a.view'); \
           return {id: li.dataset.article, href: v ? v.getAttribute('href') : null}; });",
        json!([]),
    );
    let top = top.as_array().unwrap();
    assert!(!top.is_empty(), "no most severe articles");
    for (i, entry) in top.iter().enumerate() {
        assert_eq!(
            entry["href"],
            json!(format!("dashboard-articles/{}.html", i + 1)),
            "the article ranked {} has its own view",
            i + 1
        );
    }
    let id = top[0]["id"].as_str().unwrap();
    let audit = std::fs::read_to_string(dir.join("audit.ndjson")).unwrap();
    let record: Value = audit
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|r| r["id"] == json!(id))
        .expect("the article is in the audit");
    let link = s.element("#top > ol > li a.view");
    s.cmd("POST", &format!("/element/{link}/click"), Some(json!({})));
    let view = dir.join("dashboard-articles/1.html");
    let at = s.js("return document.location.href;", json!([]));
    assert_eq!(
        at,
        json!(format!("file://{}", view.display())),
        "the click opened the view"
    );
    let json = json!({ "articles": [record] }).to_string();
    let hooks = check_page(s, &view, &json, &format!("{name}-view"));
    assert_eq!(
        hooks["claims"],
        json!(record["claims"].as_array().unwrap().len()),
        "the view's data-claim count is the audit's claims of that article"
    );
    let back = s.element("p.back a");
    s.cmd("POST", &format!("/element/{back}/click"), Some(json!({})));
    let at = s.js("return document.location.href;", json!([]));
    assert!(
        at.as_str().unwrap().ends_with("dashboard.html#t0"),
        "the view links back to its entry: {at}"
    );
}

#[test]
fn hostile_text_in_an_audit_does_not_run_in_the_dashboard() {
    let Some((chromium, driver)) =
        browser("hostile_text_in_an_audit_does_not_run_in_the_dashboard")
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let hostile = HOSTILE;
    let record = json!({
        "id": format!("id-{hostile}"),
        "title": format!("title {hostile}"),
        "date": "2025-07-21",
        "source": format!("source {hostile}"),
        "body": format!("Sales rose 20.8% from 72.6 mln to 87.1 mln dlrs {hostile}."),
    });
    let input = dir.path().join("hostile.jsonl");
    std::fs::write(&input, format!("{record}\n")).unwrap();
    let page = dashboard(&input, dir.path(), &["--no-registry"]);

    let s = Session::start(&chromium, &driver);
    let url = s.open(&page);
    let title = s.js("return document.title;", json!([]));
    // Click every link and row the page has, but those to the editor view (they leave the
    // page; the view is checked below): none may run the text.
    s.js(
        "document.querySelectorAll('a, tr, button').forEach(e => { \
           const h = e.getAttribute('href') || ''; \
           if (!h.startsWith('javascript:') && !h.startsWith('dashboard-articles/')) e.click(); });",
        json!([]),
    );
    let state = s.js(
        "return {pwned: window.__pwned === undefined ? null : window.__pwned, \
         title: document.title, images: document.images.length, \
         visible: document.body.offsetHeight > 0, \
         rows: document.querySelectorAll('#findings-table tbody tr').length, \
         text: document.body.innerText.includes('<script>window.__pwned=1')};",
        json!([]),
    );
    assert_eq!(state["pwned"], Value::Null, "hostile text ran: {state}");
    assert_eq!(state["title"], title, "the title changed: {state}");
    assert_eq!(state["images"], json!(0), "no <img> from the text: {state}");
    assert_eq!(
        state["visible"],
        json!(true),
        "a style from the text applied: {state}"
    );
    assert_eq!(
        state["rows"],
        json!(1),
        "the one finding is listed: {state}"
    );
    assert_eq!(
        state["text"],
        json!(true),
        "the text is shown as text: {state}"
    );
    s.screenshot("dashboard-hostile");
    // Only the page and the CSV it links to (clicked above) are ever loaded.
    let csv = url.replace("dashboard.html", "dashboard.csv");
    let requests = s.requests();
    assert!(
        requests.iter().all(|r| *r == url || *r == csv),
        "{requests:?}"
    );
    // The record's editor view, made from the hostile archive read again, runs nothing
    // either, and its claims are the audit's.
    let audit = std::fs::read_to_string(dir.path().join("audit.ndjson")).unwrap();
    let json = format!("{{\"articles\": [{}]}}", audit.trim());
    let view = dir.path().join("dashboard-articles/1.html");
    check_page(&s, &view, &json, "dashboard-hostile-view");
    let state = s.js(
        "return {pwned: window.__pwned === undefined ? null : window.__pwned, \
         title: document.title, images: document.images.length};",
        json!([]),
    );
    assert_eq!(state["pwned"], Value::Null, "hostile text ran: {state}");
    assert_eq!(state["images"], json!(0), "no <img> from the text: {state}");
    assert!(
        state["title"]
            .as_str()
            .unwrap()
            .starts_with("claimcheck: title <script>window.__pwned=1"),
        "the view's title is the record's, as text: {state}"
    );
    eprintln!("html_browser: hostile dashboard: {state}");
}

/// `claimcheck audit INPUT` then `claimcheck report` of it into `dir`: the dashboard's path
/// (its CSV is beside it).
fn dashboard(input: &Path, dir: &Path, audit_args: &[&str]) -> PathBuf {
    let audit = dir.join("audit.ndjson");
    let status = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .arg("audit")
        .arg(input)
        .arg("-q")
        .args(audit_args)
        .arg("-o")
        .arg(&audit)
        .status()
        .unwrap();
    assert!(status.code().is_some_and(|c| c <= 1), "audit: {status}");
    let page = dir.join("dashboard.html");
    let status = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .arg("report")
        .arg(&audit)
        .arg("-o")
        .arg(&page)
        .status()
        .unwrap();
    assert!(status.success(), "report: {status}");
    page
}
