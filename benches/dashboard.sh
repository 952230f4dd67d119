#!/usr/bin/env bash
# The audit dashboard on the Reuters corpus (issue 11): how long `claimcheck report` takes
# and how long its page takes to render in headless Chromium, then a ~1 GB audit (the Reuters
# audit repeated) through `report` with its peak memory, which must stay flat.
#
#   benches/dashboard.sh                                  # builds --release, then measures
#   BIN=target/release/claimcheck benches/dashboard.sh    # measure an existing binary
#   RUNS=5 GB=1 CORPUS=/elsewhere benches/dashboard.sh    # defaults: 5 renders, 1 GB, ../shared/corpus
#
# Skips with a message when the corpus is missing; skips the render when Chromium or
# chromedriver is missing. Figures and the machine they came from: benches/README.md.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${CORPUS:-$here/../shared/corpus}"
reuters="$corpus/reuters21578.jsonl"
if [[ ! -f "$reuters" ]]; then
    echo "dashboard.sh: $reuters not found: nothing to measure"
    exit 0
fi
source "$here/benches/common.sh"
runs="${RUNS:-5}"
gigabytes="${GB:-1}"

# Peak RSS in MB and wall seconds of a command, from GNU time.
measure() {
    /usr/bin/time -v "$@" 2> "$work/time.txt" > /dev/null || true
    local rss wall
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
    echo "$((rss / 1024)) MB peak RSS, $wall wall"
}

echo "== audit of $(basename "$reuters") (default registry)"
( cd "$here" && "$bin" audit "$reuters" --quiet --output "$work/audit.ndjson" ) || true
echo "$(wc -l < "$work/audit.ndjson") records, $(( $(stat -c %s "$work/audit.ndjson") / 1000000 )) MB of NDJSON"

echo "== report (page, CSV and the 50 editor views)"
echo "report: $(cd "$here" && measure "$bin" report "$work/audit.ndjson" -o "$work/dashboard.html")"
echo "page: $(( $(stat -c %s "$work/dashboard.html") / 1000 )) kB, $(ls "$work/dashboard-articles" | wc -l) views"

if [[ -x "${CHROMEDRIVER:-/usr/bin/chromedriver}" && -x "${CHROMIUM:-/usr/bin/chromium}" ]]; then
    echo "== render in headless Chromium, $runs runs (ms since navigation start)"
    python3 "$here/benches/render_time.py" "$work/dashboard.html" "$runs"
else
    echo "== render: Chromium or chromedriver missing (apt-get install chromium chromium-driver): skipped"
fi

echo "== ~$gigabytes GB audit: the Reuters audit repeated"
size=$(stat -c %s "$work/audit.ndjson")
copies=$(( (gigabytes * 1000000000 + size - 1) / size ))
for _ in $(seq "$copies"); do cat "$work/audit.ndjson"; done > "$work/big.ndjson"
rm -rf "$work/dashboard-articles"
echo "$copies copies, $(wc -l < "$work/big.ndjson") records, $(( $(stat -c %s "$work/big.ndjson") / 1000000 )) MB"
echo "report, 1 copy:       $(cd "$here" && measure "$bin" report "$work/audit.ndjson" -o "$work/one.html")"
echo "report, $copies copies:     $(cd "$here" && measure "$bin" report "$work/big.ndjson" -o "$work/big.html")"
echo "report --format csv, $copies copies: $(cd "$here" && measure "$bin" report "$work/big.ndjson" --format csv -o "$work/big.csv")"

# The largest page report writes: the flagged records alone, repeated until the findings pass
# the table's 10,000-row cap (the top list and the charts full too).
grep -v '"findings":\[\]' "$work/audit.ndjson" > "$work/flagged.ndjson"
for _ in $(seq 400); do cat "$work/flagged.ndjson"; done > "$work/capped.ndjson"
echo "capped: $(wc -l < "$work/capped.ndjson") flagged records; report: $(cd "$here" && measure "$bin" report "$work/capped.ndjson" -o "$work/capped.html")"
echo "page: $(( $(stat -c %s "$work/capped.html") / 1000 )) kB"

if [[ -x "${CHROMEDRIVER:-/usr/bin/chromedriver}" && -x "${CHROMIUM:-/usr/bin/chromium}" ]]; then
    echo "== render of the $copies-copy dashboard, $runs runs"
    python3 "$here/benches/render_time.py" "$work/big.html" "$runs"
    echo "== render of the capped dashboard (10,000 table rows), $runs runs"
    python3 "$here/benches/render_time.py" "$work/capped.html" "$runs"
fi
