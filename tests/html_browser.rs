//! The `--format html` page in a real browser (Debian's headless Chromium, driven by the
//! WebDriver client in `common/browser.rs`).
//!
//! It loads the pages of the seed article, a broken variant, the whole `articles/` folder, an
//! article full of hostile text (with a title over a megabyte) and the seed article against a
//! registry full of hostile text, and checks the page's contract against `--format json`:
//! every claim is highlighted with `data-claim`/`data-state`, the error claims are the claims
//! of the error findings, the findings list is the findings most severe first, clicking or
//! tabbing to a claim shows its reading, nothing is fetched over the network, and no hostile
//! text runs. A screenshot of each page is kept in `target/html-browser/`.

#[path = "common/browser.rs"]
mod browser;
#[path = "common/skip.rs"]
mod skip;

use browser::{browser, check_page, expected, hostile_megabyte, Session, HOSTILE, READING};
use serde_json::{json, Value};
use std::path::Path;
use std::process::Command;

/// Runs `claimcheck check ARGS --format FORMAT`, the output going to `out` (html) or
/// returned (json).
fn claimcheck(args: &[&str], format: &str, out: Option<&Path>) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
    cmd.arg("check").args(args).args(["--format", format]);
    if let Some(out) = out {
        cmd.arg("-o").arg(out);
    }
    let output = cmd.output().expect("claimcheck runs");
    assert!(
        output.status.code().is_some_and(|c| c <= 1),
        "claimcheck failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn the_seed_article_and_its_broken_variant_in_chromium() {
    let Some((chromium, driver)) = browser("the_seed_article_and_its_broken_variant_in_chromium")
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let s = Session::start(&chromium, &driver);

    // The seed article: every claim consistent or confirmed.
    let seed = "articles/rare-earth-magnets-2025-07.md";
    let page = dir.path().join("seed.html");
    claimcheck(&[seed], "html", Some(&page));
    let hooks = check_page(&s, &page, &claimcheck(&[seed], "json", None), "seed");
    assert!(hooks["errors"].as_array().unwrap().is_empty());

    // The broken variant: clicking the error claim shows its reading, with the finding in
    // the JSON's (and the terminal's) words.
    let broken = "articles/rare-earth-magnets-wrong-percent.md";
    let page = dir.path().join("broken.html");
    claimcheck(&[broken], "html", Some(&page));
    let json = claimcheck(&[broken], "json", None);
    let hooks = check_page(&s, &page, &json, "broken");
    let (_, claim) = expected(&json).error_claims[0];
    let selector = format!("mark[data-claim=\"{claim}\"]");
    let before = s.js(READING, json!([selector]));
    assert_eq!(
        before["shown"],
        json!(false),
        "reading hidden before: {before}"
    );
    let el = s.element(&selector);
    s.cmd("POST", &format!("/element/{el}/click"), Some(json!({})));
    let after = s.js(READING, json!([selector]));
    assert_eq!(
        after["shown"],
        json!(true),
        "reading shown on click: {after}"
    );
    assert_eq!(after["expanded"], json!("true"));
    let text = after["text"].as_str().unwrap();
    let v: Value = serde_json::from_str(&json).unwrap();
    let article = &v["articles"][0];
    let c = article["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == json!(claim))
        .unwrap();
    for needle in [
        format!("Claim {claim}"),
        "read as [".to_string(),
        c["change"]["stated"].as_str().unwrap().to_string(),
        "Baseline".to_string(),
    ] {
        assert!(text.contains(&needle), "reading lacks {needle:?}:\n{text}");
    }
    for f in article["findings"].as_array().unwrap() {
        if f["claims"].as_array().unwrap().contains(&json!(claim)) {
            let message = f["message"].as_str().unwrap();
            assert!(text.contains(message), "reading lacks {message:?}:\n{text}");
        }
    }
    s.js(
        "document.querySelector(arguments[0]).scrollIntoView({block: 'center'});",
        json!([selector]),
    );
    s.screenshot("broken-reading");
    s.key("\u{E00C}"); // Escape
    let closed = s.js(READING, json!([selector]));
    assert_eq!(closed["shown"], json!(false), "Escape hides the reading");
    assert!(!hooks["rules"].as_array().unwrap().is_empty());

    // By keyboard: from the top, Tab reaches the findings' links, then the claims, and a
    // focused claim shows its reading.
    s.open(&page);
    let mut reached_finding = false;
    let mut focused_claim = None;
    for _ in 0..40 {
        s.key("\u{E004}"); // Tab
        let active = s.js(
            "const a = document.activeElement; return {goto: a.matches('a.goto'), \
             claim: a.dataset ? a.dataset.claim || null : null};",
            json!([]),
        );
        reached_finding |= active["goto"] == json!(true);
        if let Some(id) = active["claim"].as_str() {
            focused_claim = Some(id.to_string());
            break;
        }
    }
    assert!(reached_finding, "Tab never reached a finding");
    let id = focused_claim.expect("Tab reaches a claim");
    let focused = s.js(READING, json!([format!("mark[data-claim=\"{id}\"]")]));
    assert_eq!(
        focused["shown"],
        json!(true),
        "focus shows the reading: {focused}"
    );
    assert_eq!(focused["active"], json!(true));

    // A finding's link takes the reader to its claim, reading shown.
    let link = s.element("#findings li.finding a.goto");
    s.cmd("POST", &format!("/element/{link}/click"), Some(json!({})));
    let target = s.js(
        "const a = document.activeElement; return a.dataset.claim || null;",
        json!([]),
    );
    assert!(target.is_string(), "the finding's link focuses a claim");
}

#[test]
fn several_articles_make_one_page_with_a_list() {
    let Some((chromium, driver)) = browser("several_articles_make_one_page_with_a_list") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let s = Session::start(&chromium, &driver);
    let page = dir.path().join("articles.html");
    claimcheck(&["articles"], "html", Some(&page));
    let json = claimcheck(&["articles"], "json", None);
    check_page(&s, &page, &json, "articles");
    let v: Value = serde_json::from_str(&json).unwrap();
    let listed = s.js(
        "return [...document.querySelectorAll('nav ol.articles a')].map(a => \
         document.querySelector(a.getAttribute('href')) ? 1 : 0);",
        json!([]),
    );
    let articles = v["articles"].as_array().unwrap().len();
    assert_eq!(
        listed,
        json!(vec![1; articles]),
        "one working link per article"
    );
}

#[test]
fn hostile_text_does_not_run_in_chromium() {
    let Some((chromium, driver)) = browser("hostile_text_does_not_run_in_chromium") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("hostile.md");
    // The title is over a megabyte of it.
    let title = hostile_megabyte();
    std::fs::write(
        &article,
        format!(
            "---\ntitle: \"{t}\"\nurl: \"javascript:window.__pwned=3\"\ndate: 2025-07-21\n---\n\n\
Sales rose 20.8% from 72.6 mln to 87.1 mln dlrs {h}, and 353 tons {h}.\n\n\
<a href=\"javascript:window.__pwned=4\">click</a> {h}\n",
            t = title.replace('"', "\\\""),
            h = HOSTILE
        ),
    )
    .unwrap();
    let page = dir.path().join("hostile.html");
    let path = article.to_str().unwrap();
    claimcheck(&[path, "--no-registry"], "html", Some(&page));
    let json = claimcheck(&[path, "--no-registry"], "json", None);
    let s = Session::start(&chromium, &driver);
    let hooks = check_page(&s, &page, &json, "hostile");
    assert_eq!(hooks["images"], json!(0), "no <img> from the text");
    assert!(
        hooks["title"]
            .as_str()
            .unwrap()
            .starts_with("claimcheck: <script>window.__pwned=1;document.title='pwned'</script>"),
        "the title is text: {}",
        hooks["title"]
    );
    // Click every link and claim the page has: none may run the text.
    let clicked = s.js(
        "document.querySelectorAll('a, mark.claim').forEach(e => { \
           if (!(e.getAttribute('href') || '').startsWith('javascript:')) e.click(); }); \
         return [...document.querySelectorAll('a[href]')].filter(a => \
           !/^(#|https?:)/.test(a.getAttribute('href'))).length;",
        json!([]),
    );
    assert_eq!(clicked, json!(0), "links other than anchors and http(s)");
    let state = s.js(
        "return {pwned: window.__pwned === undefined ? null : window.__pwned, \
         title: document.title, visible: document.body.offsetHeight > 0, \
         styles: document.styleSheets.length};",
        json!([]),
    );
    assert_eq!(state["pwned"], Value::Null, "hostile text ran: {state}");
    assert_eq!(state["title"], hooks["title"], "the title changed");
    assert!(
        state["title"].as_str().unwrap().len() > 1 << 20,
        "the whole megabyte title is the page's title"
    );
    assert_eq!(
        state["visible"],
        json!(true),
        "an injected style hid the page"
    );
    assert_eq!(state["styles"], json!(1), "only the page's own style");
}

/// The registry is hostile input too: a fact whose description, topic and source name are
/// hostile text (the source name over a megabyte) and whose source URL is `javascript:`,
/// matched by the seed article, so that a claim's reading shows all of it.
#[test]
fn hostile_registry_text_does_not_run_in_chromium() {
    let Some((chromium, driver)) = browser("hostile_registry_text_does_not_run_in_chromium") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // YAML double-quoted: the quotes and backslashes escaped, U+2028 as its escape (raw, it
    // is a line break to YAML).
    let quoted = |s: &str| {
        format!(
            "\"{}\"",
            s.replace('\\', "\\\\")
                .replace('"', "\\\"")
                .replace('\u{2028}', "\\u2028")
        )
    };
    let registry = dir.path().join("hostile.yaml");
    std::fs::write(
        &registry,
        format!(
            "topic: {h}\nsources:\n  s1:\n    name: {big}\n    url: \"javascript:window.__pwned=5\"\n    \
published: 2025-07-20\nfacts:\n  - id: cn-magnet-exports-us-2025-06\n    what: {h}\n    \
match: ['(?i)magnet', '(?i)export', '\\b(US|U\\.S\\.|United States)\\b']\n    period: 2025-06\n    \
value: 353\n    unit: t\n    source: s1\n",
            h = quoted(HOSTILE),
            big = quoted(&hostile_megabyte())
        ),
    )
    .unwrap();
    let seed = "articles/rare-earth-magnets-2025-07.md";
    let registry = registry.to_str().unwrap();
    let page = dir.path().join("hostile-registry.html");
    claimcheck(&[seed, "--registry", registry], "html", Some(&page));
    let json = claimcheck(&[seed, "--registry", registry], "json", None);
    let s = Session::start(&chromium, &driver);
    let hooks = check_page(&s, &page, &json, "hostile-registry");
    let title = hooks["title"].clone();
    // The claim the fact confirms shows the fact in its reading, as text.
    let confirmed = "mark[data-state=\"confirmed\"]";
    let el = s.element(confirmed);
    s.cmd("POST", &format!("/element/{el}/click"), Some(json!({})));
    let reading = s.js(READING, json!([confirmed]));
    assert_eq!(reading["shown"], json!(true), "{reading}");
    let text = reading["text"].as_str().unwrap();
    assert!(
        text.contains("<script>window.__pwned=1") && text.contains("javascript:window.__pwned=5"),
        "the registry's text is shown as text: {}",
        &text[..text.len().min(2000)]
    );
    assert!(text.len() > 1 << 20, "the megabyte source name is shown");
    s.screenshot("hostile-registry-reading");
    // Click every link and claim the page has: none may run the registry's text.
    s.js(
        "document.querySelectorAll('a, mark.claim').forEach(e => e.click());",
        json!([]),
    );
    let state = s.js(
        "return {pwned: window.__pwned === undefined ? null : window.__pwned, \
         title: document.title, images: document.images.length, \
         visible: document.body.offsetHeight > 0, styles: document.styleSheets.length, \
         links: [...document.querySelectorAll('a[href]')].filter(a => \
           !/^(#|https?:)/.test(a.getAttribute('href'))).length};",
        json!([]),
    );
    assert_eq!(state["pwned"], Value::Null, "registry text ran: {state}");
    assert_eq!(state["title"], title, "the title changed");
    assert_eq!(state["images"], json!(0), "no <img> from the registry");
    assert_eq!(
        state["visible"],
        json!(true),
        "a registry style hid the page"
    );
    assert_eq!(state["styles"], json!(1), "only the page's own style");
    assert_eq!(state["links"], json!(0), "no javascript: link");
}

/// Without a browser: `-o FILE` writes the page stdout would have had, and a FILE that
/// cannot be written is a usage error naming it.
#[test]
fn the_page_goes_to_stdout_or_to_the_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let seed = "articles/rare-earth-magnets-2025-07.md";
    let page = dir.path().join("seed.html");
    let stdout = claimcheck(&[seed], "html", None);
    assert_eq!(claimcheck(&[seed], "html", Some(&page)), "");
    assert_eq!(std::fs::read_to_string(&page).unwrap(), stdout);
    assert!(stdout.starts_with("<!DOCTYPE html>") && stdout.ends_with("</html>\n"));
    let output = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", seed, "--format", "html", "-o"])
        .arg(dir.path().join("no/such/folder/x.html"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cannot write") && stderr.contains("x.html"),
        "{stderr}"
    );
}
