//! A small WebDriver client over `std::net` (no async runtime) for the browser tests: Debian's
//! headless Chromium driven through chromedriver's HTTP API, the hostile text they feed the
//! pages, and the check of an editor's page against the JSON output it was made from.
//!
//! Without Chromium and chromedriver (`apt-get install chromium chromium-driver`) [`browser`]
//! says why on stderr (past libtest's capture) and the test passes, unless
//! `CLAIMCHECK_REQUIRE_BROWSER` is set (`.ci/run` sets it after installing them), where it
//! fails instead.
#![allow(dead_code)]

use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const CHROMIUM: &[&str] = &["/usr/bin/chromium", "/usr/bin/chromium-browser"];
pub const CHROMEDRIVER: &[&str] = &["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"];

pub fn first_existing(paths: &[&str], env: &str) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(env) {
        return Some(PathBuf::from(p)).filter(|p| p.exists());
    }
    paths.iter().map(PathBuf::from).find(|p| p.exists())
}

/// Chromium and chromedriver, or `None` after saying why the test is skipped.
pub fn browser(test: &str) -> Option<(PathBuf, PathBuf)> {
    let chromium = first_existing(CHROMIUM, "CHROMIUM");
    let driver = first_existing(CHROMEDRIVER, "CHROMEDRIVER");
    match (chromium, driver) {
        (Some(c), Some(d)) => Some((c, d)),
        _ => {
            let message = "Chromium or chromedriver not found \
(looked for /usr/bin/chromium and /usr/bin/chromedriver; set CHROMIUM/CHROMEDRIVER, or \
`apt-get install chromium chromium-driver`)";
            if std::env::var_os("CLAIMCHECK_REQUIRE_BROWSER").is_some() {
                panic!("{message}, and CLAIMCHECK_REQUIRE_BROWSER is set");
            }
            crate::skip::skipped(test, message);
            None
        }
    }
}

/// One HTTP/1.1 request to chromedriver, `Connection: close`, JSON both ways.
pub fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> std::io::Result<Value> {
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

pub fn dechunk(mut s: &str) -> String {
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
pub struct Session {
    driver: Child,
    port: u16,
    id: String,
}

impl Session {
    pub fn start(chromium: &Path, chromedriver: &Path) -> Session {
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

    pub fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let v = http(self.port, method, path, body.as_ref())
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        if v["value"]["error"].is_string() {
            panic!("{method} {path}: {}", v["value"]);
        }
        v["value"].clone()
    }

    pub fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.call(method, &format!("/session/{}{path}", self.id), body)
    }

    /// Navigates to `page` and waits until it has loaded: WebDriver's navigation normally
    /// returns after the load event, but on a loaded machine a megabyte page has been seen
    /// answering the next script from an empty document.
    pub fn open(&self, page: &Path) -> String {
        let url = format!("file://{}", page.display());
        self.cmd("POST", "/url", Some(json!({ "url": url })));
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        loop {
            let state = self.js(
                "return [document.readyState, decodeURI(location.href)];",
                json!([]),
            );
            if state[0] == "complete" && state[1].as_str() == Some(url.as_str()) {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{url} did not load: {state}"
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        url
    }

    pub fn js(&self, script: &str, args: Value) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": args})),
        )
    }

    pub fn element(&self, css: &str) -> String {
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

    pub fn key(&self, key: &str) {
        let actions = json!({"actions": [{"type": "key", "id": "keyboard", "actions": [
            {"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]}]});
        self.cmd("POST", "/actions", Some(actions));
    }

    /// The URLs the page asked the network for, from Chromium's performance log.
    pub fn requests(&self) -> Vec<String> {
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

    pub fn screenshot(&self, name: &str) -> PathBuf {
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

/// Text that runs script, loads an image, ends the page's style or breaks out of an
/// attribute if any of it reaches the page unescaped, with U+2028 (a line break to
/// JavaScript) at the end.
pub const HOSTILE: &str = "<script>window.__pwned=1;document.title='pwned'</script>\
<img src=x onerror=\"window.__pwned=2\">\"'></style><style>body{display:none}</style>\u{2028}";

/// [`HOSTILE`] repeated to more than a megabyte.
pub fn hostile_megabyte() -> String {
    HOSTILE.repeat((1 << 20) / HOSTILE.len() + 1)
}

/// What the JSON output says the page must show.
pub struct Expected {
    pub claims: usize,
    /// (article index from 1, claim id) of every claim an error finding is about.
    pub error_claims: Vec<(usize, u64)>,
    /// The findings' rules, most severe first, then in article order and by place.
    pub rules: Vec<String>,
}

pub fn expected(json: &str) -> Expected {
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

pub const HOOKS: &str = r#"
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
pub fn check_page(s: &Session, page: &Path, json: &str, name: &str) -> Value {
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
pub const READING: &str = r#"
const m = document.querySelector(arguments[0]);
const r = document.getElementById(m.getAttribute('aria-describedby'));
return {shown: !r.hidden && r.offsetHeight > 0, text: r.innerText,
        expanded: m.getAttribute('aria-expanded'), active: document.activeElement === m};
"#;
