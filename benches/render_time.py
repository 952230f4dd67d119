#!/usr/bin/env python3
"""How long an HTML page takes to render in headless Chromium, driven over WebDriver.

    benches/render_time.py PAGE.html [RUNS]

Starts chromedriver (CHROMEDRIVER, default /usr/bin/chromedriver) with Debian's Chromium
(CHROMIUM, default /usr/bin/chromium), opens a fresh headless session, and for each run
navigates to file://PAGE (WebDriver's navigation returns once the page has loaded), then waits
for two animation frames after the load event, the first frame painted with the page's whole
DOM and style. It prints one JSON line per run with, in ms since navigation start:
  dom_content_loaded  the HTML parsed (DOMContentLoaded)
  load                the load event ended (the inline script has run)
  rendered            two animation frames after load: a frame painted with everything
  wall                the whole navigate-and-wait round trip seen from this script
and table_shown: the ms from scrolling to the findings table (laid out only when shown) to
two frames later.
and a last line with the median of each. Standard library only (urllib, json).
"""
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

RENDERED = """
const done = arguments[arguments.length - 1];
const frames = f => requestAnimationFrame(() => requestAnimationFrame(f));
const finish = () => frames(() => {
  const t = performance.getEntriesByType('navigation')[0];
  const r = {dom_content_loaded: t.domContentLoadedEventEnd, load: t.loadEventEnd,
             rendered: performance.now(),
             rows: document.querySelectorAll('tr').length,
             bytes: document.documentElement.outerHTML.length};
  // Then scrolled to the findings table (laid out only when shown): the time to show it.
  const table = document.getElementById('findings-table');
  if (!table) return done(r);
  const start = performance.now();
  table.scrollIntoView();
  frames(() => { r.table_shown = performance.now() - start; done(r); });
});
if (document.readyState === 'complete') finish(); else addEventListener('load', finish);
"""


def call(port, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", data=data, method=method,
        headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=300) as r:
        value = json.load(r)["value"]
    if isinstance(value, dict) and "error" in value:
        raise RuntimeError(f"{method} {path}: {value}")
    return value


def main():
    page = os.path.abspath(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    chromedriver = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    driver = subprocess.Popen([chromedriver, f"--port={port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                if call(port, "GET", "/status")["ready"]:
                    break
            except OSError:
                pass
            time.sleep(0.1)
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": chromium,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1000", "--no-first-run", "--disable-extensions"]}}}}
        session = call(port, "POST", "/session", caps)["sessionId"]
        call(port, "POST", f"/session/{session}/timeouts", {"script": 300000})
        results = []
        for _ in range(runs):
            call(port, "POST", f"/session/{session}/url", {"url": "about:blank"})
            start = time.perf_counter()
            call(port, "POST", f"/session/{session}/url", {"url": f"file://{page}"})
            r = call(port, "POST", f"/session/{session}/execute/async",
                     {"script": RENDERED, "args": []})
            r["wall"] = (time.perf_counter() - start) * 1000 - r.get("table_shown", 0)
            results.append(r)
            print(json.dumps({k: round(v, 1) if isinstance(v, float) else v
                              for k, v in r.items()}))
        call(port, "DELETE", f"/session/{session}")
        median = {k: round(statistics.median(r[k] for r in results), 1)
                  for k in ("dom_content_loaded", "load", "rendered", "wall", "table_shown")
                  if all(k in r for r in results)}
        print(json.dumps({"median": median, "runs": runs, "page_bytes": os.path.getsize(page)}))
    finally:
        driver.kill()
        driver.wait()


if __name__ == "__main__":
    main()
