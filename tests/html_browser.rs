//! The `--format html` page in a real browser: Debian's headless Chromium, driven through
//! chromedriver's WebDriver HTTP API by a small client over `std::net` (no async runtime).
//!
//! It loads the pages of the seed article, a broken variant, the whole `articles/` folder and
//! an article full of hostile text, and checks the page's contract against `--format json`:
//! every claim is highlighted with `data-claim`/`data-state`, the error claims are the claims
//! of the error findings, the findings list is the findings most severe first, clicking or
//! tabbing to a claim shows its reading, nothing is fetched over the network, and no hostile
//! text runs. A screenshot of each page is kept in `target/html-browser/`.
//!
//! Without Chromium and chromedriver (`apt-get install chromium chromium-driver`) the tests
//! print why and pass, unless `CLAIMCHECK_REQUIRE_BROWSER` is set (`.ci/run` sets it after
//! installing them), where they fail instead.

use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &[&str] = &["/usr/bin/chromium", "/usr/bin/chromium-browser"];
const CHROMEDRIVER: &[&str] = &["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"];

fn first_existing(paths: &[&str], env: &str) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(env) {
        return Some(PathBuf::from(p)).filter(|p| p.exists());
    }
    paths.iter().map(PathBuf::from).find(|p| p.exists())
}

/// Chromium and chromedriver, or `None` after saying why the test is skipped.
fn browser() -> Option<(PathBuf, PathBuf)> {
    let chromium = first_existing(CHROMIUM, "CHROMIUM");
    let driver = first_existing(CHROMEDRIVER, "CHROMEDRIVER");
    match (chromium, driver) {
        (Some(c), Some(d)) => Some((c, d)),
        _ => {
            let message = "html_browser: SKIPPED: Chromium or chromedriver not found \
(looked for /usr/bin/chromium and /usr/bin/chromedriver; set CHROMIUM/CHROMEDRIVER, or \
`apt-get install chromium chromium-driver`)";
            if std::env::var_os("CLAIMCHECK_REQUIRE_BROWSER").is_some() {
                panic!("{message}, and CLAIMCHECK_REQUIRE_BROWSER is set");
            }
            eprintln!("{message}");
            None
        }
    }
}

/// One HTTP/1.1 request to chromedriver, `Connection: close`, JSON both ways.
fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> std::io::Result<Value> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(60)))?;
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    // chromedriver keeps the connection open: read the header, then Content-Length bytes
    // (or chunks up to the last one).
    let mut response = Vec::new();
    let mut buf = [0u8; 65536];
    let header_end = loop {
        let n = stream.read(&mut buf)?;
        if n == 0 {
            return Err(std::io::Error::other("connection closed before the header"));
        }
        response.extend_from_slice(&buf[..n]);
        if let Some(at) = response.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
    };
    let head = String::from_utf8_lossy(&response[..header_end]).to_ascii_lowercase();
    let length = head.lines().find_map(|l| {
        l.strip_prefix("content-length:")
            .and_then(|v| v.trim().parse::<usize>().ok())
    });
    let complete = |r: &[u8]| match length {
        Some(n) => r.len() >= header_end + n,
        None => r.ends_with(b"0\r\n\r\n"),
    };
    while !complete(&response) {
        let n = stream.read(&mut buf)?;
        if n == 0 {
            break;
        }
        response.extend_from_slice(&buf[..n]);
    }
    let rest = String::from_utf8_lossy(&response[header_end..]).to_string();
    let rest = if length.is_none() {
        dechunk(&rest)
    } else {
        rest
    };
    serde_json::from_str(&rest).map_err(|e| std::io::Error::other(format!("{e}: {rest:?}")))
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        s = rest[n..].trim_start_matches("\r\n");
    }
    out
}

/// A chromedriver process and one headless Chromium session; both end on drop.
struct Session {
    driver: Child,
    port: u16,
    id: String,
}

impl Session {
    fn start(chromium: &Path, chromedriver: &Path) -> Session {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            match http(port, "GET", "/status", None) {
                Ok(v) if v["value"]["ready"] == json!(true) => break,
                _ if Instant::now() > deadline => panic!("chromedriver not ready after 30 s"),
                _ => std::thread::sleep(Duration::from_millis(100)),
            }
        }
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:loggingPrefs": {"performance": "ALL"},
            "goog:chromeOptions": {
                "binary": chromium,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                         "--disable-dev-shm-usage", "--window-size=1100,1400",
                         "--no-first-run", "--disable-extensions"]
            }
        }}});
        let mut session = Session {
            driver,
            port,
            id: String::new(),
        };
        let created = session.call("POST", "/session", Some(caps));
        session.id = created["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {created}"))
            .to_string();
        session
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let v = http(self.port, method, path, body.as_ref())
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        if v["value"]["error"].is_string() {
            panic!("{method} {path}: {}", v["value"]);
        }
        v["value"].clone()
    }

    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.call(method, &format!("/session/{}{path}", self.id), body)
    }

    fn open(&self, page: &Path) -> String {
        let url = format!("file://{}", page.display());
        self.cmd("POST", "/url", Some(json!({ "url": url })));
        url
    }

    fn js(&self, script: &str, args: Value) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": args})),
        )
    }

    fn element(&self, css: &str) -> String {
        let v = self.cmd(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        v.as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no element {css}"))
            .to_string()
    }

    fn key(&self, key: &str) {
        let actions = json!({"actions": [{"type": "key", "id": "keyboard", "actions": [
            {"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]}]});
        self.cmd("POST", "/actions", Some(actions));
    }

    /// The URLs the page asked the network for, from Chromium's performance log.
    fn requests(&self) -> Vec<String> {
        let log = self.cmd("POST", "/se/log", Some(json!({"type": "performance"})));
        let mut urls = Vec::new();
        for entry in log.as_array().into_iter().flatten() {
            let Some(message) = entry["message"].as_str() else {
                continue;
            };
            let Ok(m) = serde_json::from_str::<Value>(message) else {
                continue;
            };
            if m["message"]["method"] == "Network.requestWillBeSent" {
                if let Some(url) = m["message"]["params"]["request"]["url"].as_str() {
                    urls.push(url.to_string());
                }
            }
        }
        urls
    }

    fn screenshot(&self, name: &str) -> PathBuf {
        use base64::Engine as _;
        let png = self.cmd("GET", "/screenshot", None);
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(png.as_str().expect("base64 PNG"))
            .expect("valid base64");
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .parent()
            .expect("target dir")
            .join("html-browser");
        std::fs::create_dir_all(&dir).expect("artefact folder");
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, bytes).expect("screenshot written");
        path
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if !self.id.is_empty() {
            let _ = http(self.port, "DELETE", &format!("/session/{}", self.id), None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

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

/// What the JSON output says the page must show.
struct Expected {
    claims: usize,
    /// (article index from 1, claim id) of every claim an error finding is about.
    error_claims: Vec<(usize, u64)>,
    /// The findings' rules, most severe first, then in article order and by place.
    rules: Vec<String>,
}

fn expected(json: &str) -> Expected {
    let v: Value = serde_json::from_str(json).expect("JSON output");
    let rank = |s: &str| match s {
        "error" => 0,
        "warning" => 1,
        _ => 2,
    };
    let mut claims = 0;
    let mut error_claims = Vec::new();
    let mut findings = Vec::new();
    for (i, a) in v["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .enumerate()
    {
        let n = i + 1;
        let list = a["claims"].as_array().expect("claims");
        claims += list.len();
        for f in a["findings"].as_array().expect("findings") {
            let severity = f["severity"].as_str().expect("severity");
            findings.push((
                rank(severity),
                n,
                f["span"]["start"].as_u64().expect("span"),
                f["rule"].as_str().expect("rule").to_string(),
            ));
            if severity != "error" {
                continue;
            }
            let named: Vec<u64> = f["claims"]
                .as_array()
                .expect("claim ids")
                .iter()
                .filter_map(Value::as_u64)
                .collect();
            let (fs, fe) = (
                f["span"]["start"].as_u64().unwrap(),
                f["span"]["end"].as_u64().unwrap(),
            );
            for c in list {
                let id = c["id"].as_u64().unwrap();
                let (cs, ce) = (
                    c["span"]["start"].as_u64().unwrap(),
                    c["span"]["end"].as_u64().unwrap(),
                );
                let about = if named.is_empty() {
                    fs < ce.max(cs + 1) && cs < fe.max(fs + 1)
                } else {
                    named.contains(&id)
                };
                if about && !error_claims.contains(&(n, id)) {
                    error_claims.push((n, id));
                }
            }
        }
    }
    error_claims.sort();
    findings.sort();
    Expected {
        claims,
        error_claims,
        rules: findings.into_iter().map(|f| f.3).collect(),
    }
}

const HOOKS: &str = r#"
const marks = [...document.querySelectorAll('[data-claim]')];
const states = ['consistent','confirmed','info','warning','error'];
const bad = marks.filter(m => m.tagName !== 'MARK' || !/^[0-9]+$/.test(m.dataset.claim)
    || !states.includes(m.dataset.state) || m.tabIndex !== 0);
const errors = marks.filter(m => m.dataset.state === 'error').map(m =>
    [Number(m.closest('section.article').id.slice(1)), Number(m.dataset.claim)]);
return {
  claims: marks.length,
  bad: bad.length,
  errors: errors,
  rules: [...document.querySelectorAll('#findings [data-rule]')].map(f => f.dataset.rule),
  scripts: document.scripts.length,
  images: document.images.length,
  resources: performance.getEntriesByType('resource').length,
  title: document.title,
};
"#;

/// Loads `page` and checks it against the JSON output `json`; returns the hooks' summary.
fn check_page(s: &Session, page: &Path, json: &str, name: &str) -> Value {
    let url = s.open(page);
    let hooks = s.js(HOOKS, json!([]));
    let want = expected(json);
    assert_eq!(
        hooks["claims"],
        json!(want.claims),
        "{name}: data-claim count"
    );
    assert_eq!(hooks["bad"], json!(0), "{name}: claims without valid hooks");
    let mut errors: Vec<(usize, u64)> = hooks["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_u64().unwrap() as usize, p[1].as_u64().unwrap()))
        .collect();
    errors.sort();
    assert_eq!(errors, want.error_claims, "{name}: error claims");
    assert_eq!(hooks["rules"], json!(want.rules), "{name}: findings list");
    assert_eq!(
        hooks["scripts"],
        json!(1),
        "{name}: only the page's own script"
    );
    assert_eq!(hooks["resources"], json!(0), "{name}: resources fetched");
    let requests = s.requests();
    assert!(
        requests.iter().all(|r| *r == url),
        "{name}: network requests besides the page: {requests:?}"
    );
    let shot = s.screenshot(name);
    eprintln!(
        "html_browser: {name}: {} claims, {} error claims, {} findings, screenshot {}",
        want.claims,
        want.error_claims.len(),
        want.rules.len(),
        shot.display()
    );
    hooks
}

/// The reading element a claim describes, and whether it is shown.
const READING: &str = r#"
const m = document.querySelector(arguments[0]);
const r = document.getElementById(m.getAttribute('aria-describedby'));
return {shown: !r.hidden && r.offsetHeight > 0, text: r.innerText,
        expanded: m.getAttribute('aria-expanded'), active: document.activeElement === m};
"#;

#[test]
fn the_seed_article_and_its_broken_variant_in_chromium() {
    let Some((chromium, driver)) = browser() else {
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
    let Some((chromium, driver)) = browser() else {
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
    let Some((chromium, driver)) = browser() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("hostile.md");
    let hostile = "<script>window.__pwned=1;document.title='pwned'</script>\
<img src=x onerror=\"window.__pwned=2\">\"'></style><style>body{display:none}</style>\u{2028}";
    std::fs::write(
        &article,
        format!(
            "---\ntitle: \"{t}\"\nurl: \"javascript:window.__pwned=3\"\ndate: 2025-07-21\n---\n\n\
Sales rose 20.8% from 72.6 mln to 87.1 mln dlrs {h}, and 353 tons {h}.\n\n\
<a href=\"javascript:window.__pwned=4\">click</a> {h}\n",
            t = hostile.replace('"', "\\\""),
            h = hostile
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
    assert_eq!(
        state["visible"],
        json!(true),
        "an injected style hid the page"
    );
    assert_eq!(state["styles"], json!(1), "only the page's own style");
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

/// `claimcheck report` on a generated audit: of the shared Reuters corpus when it is there
/// (`../shared/corpus`), else of `articles/`. The page's findings are the CSV's, the table
/// filters, the top articles' links work, nothing is fetched, and the load time is printed.
#[test]
fn the_audit_dashboard_in_chromium() {
    let Some((chromium, driver)) = browser() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/reuters21578.jsonl");
    let (input, name) = if corpus.exists() {
        (corpus, "dashboard-reuters")
    } else {
        eprintln!("html_browser: ../shared/corpus not found: the dashboard is of articles/");
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
    let state = s.js(
        "const t = performance.getEntriesByType('navigation')[0]; \
         return {rows: document.querySelectorAll('#findings-table tbody tr').length, \
           svgs: document.querySelectorAll('svg.chart').length, \
           top: [...document.querySelectorAll('#top > ol a')].every(a => \
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
}

#[test]
fn hostile_text_in_an_audit_does_not_run_in_the_dashboard() {
    let Some((chromium, driver)) = browser() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let hostile = "<script>window.__pwned=1;document.title='pwned'</script>\
<img src=x onerror=\"window.__pwned=2\">\"'></style><style>body{display:none}</style>\u{2028}";
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
    // Click every link and row the page has: none may run the text.
    s.js(
        "document.querySelectorAll('a, tr, button').forEach(e => { \
           if (!(e.getAttribute('href') || '').startsWith('javascript:')) e.click(); });",
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
    // Only the page and the CSV it links to (clicked above) are ever loaded.
    let csv = url.replace("dashboard.html", "dashboard.csv");
    let requests = s.requests();
    assert!(
        requests.iter().all(|r| *r == url || *r == csv),
        "{requests:?}"
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
