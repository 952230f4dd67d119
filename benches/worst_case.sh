#!/usr/bin/env bash
# Throughput on generated hostile inputs: the shapes that make a checker quadratic, deep or
# slow (one huge line, huge sentences of figures, digits only, many tiny records, deeply
# nested front matter). Each must run at 5 MB/s or more; the table goes in benches/README.md.
#
#   benches/worst_case.sh                                  # builds --release, then measures
#   BIN=target/release/claimcheck benches/worst_case.sh    # measure an existing binary
#   LIMIT=300 benches/worst_case.sh                        # seconds before a run is cut off
#
# Needs python3 (to generate the inputs) and coreutils' `timeout`; no corpus.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
limit="${LIMIT:-120}"
# shellcheck source=benches/common.sh
source "$here/benches/common.sh"

python3 - "$work" <<'EOF'
import json, os, sys
work = sys.argv[1]
dense = ("Exports rose 5.2 pct to 1.2 billion dlrs in May from 1.14 billion a year earlier, "
         "the ministry said, while imports fell 3.1 pct to 980 mln dlrs. About 40% of the "
         "total went to Japan, up from 35% in 1986; shipments doubled to 353 tons. ")
# News density: about one claim per 250 bytes, as in the Reuters corpus (63,559 claims in
# 15.9 MB of text); `dense` alone has five claims in 230 bytes.
plain = ("The ministry gave no reason for the change, and officials declined to comment on "
         "what it would mean for the talks due to resume in Geneva next month. Traders said "
         "the market had expected the news and that prices barely moved on the day. Analysts "
         "said demand from Asian buyers was likely to stay firm through the rest of the year, "
         "although shipping costs and the strength of the currency remained a concern. ")
prose = dense + plain * 2
def write(name, text):
    with open(os.path.join(work, name), "w") as f:
        f.write(text)
# 1. One 50 MB line of prose with figures at news density: no newline anywhere. And 5 MB of
#    nothing but figure sentences, the densest prose there is.
write("one-line-50mb.txt", (prose * (50_000_000 // len(prose) + 1))[:50_000_000])
write("dense-figures-5mb.txt", (dense * (5_000_000 // len(dense) + 1))[:5_000_000])
# 2. One 5 MB sentence made of repeated figures: no sentence end, every few words a mention.
unit = "sales rose 5 pct to 10 mln dlrs from 9.5 mln and "
write("one-sentence-5mb.txt", unit * (5_000_000 // len(unit)) + "profits fell.\n")
#    And one 5 MB sentence of mixed figure clauses, the shape the `linker` fuzz target builds
#    (fuzz/entry_points.rs): changes, values and baselines with numbers written four ways,
#    joined by "and" or a comma, no full stop until the end.
clauses = [
    "sales rose {a} pct to {b} mln dlrs from {c} mln",
    "net profit fell {a} pct to {b} billion yen",
    "output was {b} tonnes, up from {c} tonnes",
    "shares gained {a} cts to {b} dlrs",
    "exports increased by {a}% to ${b} million from ${c} million",
    "the rate was {a} pct against {c} pct a year earlier",
    "revenue of {b} mln stg compared with {c} mln",
    "a {a} pct rise",
]
def number(x):
    return [str(x), f"{x // 10}.{x % 10}", f"{x},{x * 7 % 1000:03}", f"{x // 3}.{x % 100:02}"][x % 4]
parts, size, i = ["In 1987 "], 8, 0
while size < 5_000_000 - 20:
    a, b, c = (i * 37 + 11) % 256, (i * 101 + 53) % 256, (i * 59 + 29) % 256
    clause = clauses[i % 8].format(a=number(a), b=number(b), c=number(c))
    parts.append(clause + [" and ", ", "][(i // 8) % 2])
    size += len(parts[-1])
    i += 1
write("mixed-sentence-5mb.txt", "".join(parts) + "the year before.\n")
# 3. 1 MB of digits only (one line) and 1 MB of digit groups.
write("digits-1mb.txt", "7" * 1_000_000 + "\n")
write("digit-groups-1mb.txt", ("123,456.7 " * 100_000) + "\n")
# 4. 100,000 tiny records.
with open(os.path.join(work, "tiny-records.jsonl"), "w") as f:
    for i in range(100_000):
        f.write(json.dumps({"id": f"r{i}", "body": f"Sales rose {i % 97} pct to {i} dlrs."}) + "\n")
# 5. Deeply nested front matter (block and flow style), then a short article.
depth = 5_000
block = "".join("  " * i + f"k{i}:\n" for i in range(depth)) + "  " * depth + "v\n"
write("nested-block.md", "---\ntitle: t\nextra:\n" + "".join("  " + l + "\n" for l in block.splitlines()) + "---\n" + prose + "\n")
write("nested-flow.md", "---\ntitle: t\nextra: " + "[" * 100_000 + "]" * 100_000 + "\n---\n" + prose + "\n")
EOF

echo "claimcheck on hostile inputs ($(nproc) cores, limit ${limit}s, $(date -u +%Y-%m-%d))"
echo
echo "| input | MB | command | exit | seconds | MB/s | CPU seconds | MB/s of CPU | peak RSS MB |"
echo "|---|---:|---|---:|---:|---:|---:|---:|---:|"
run() {
    local input="$1"
    shift
    local size start end code secs kb cpu
    size=$(wc -c <"$work/$input")
    start=$(date +%s.%N)
    code=0
    if [[ -x /usr/bin/time ]]; then
        /usr/bin/time -v -o "$work/time.txt" timeout "$limit" "$bin" "$@" "$work/$input" \
            >/dev/null 2>"$work/stderr.txt" || code=$?
        kb=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$work/time.txt")
        cpu=$(awk -F: '/(User|System) time \(seconds\)/ {s += $2} END {print s}' "$work/time.txt")
    else
        timeout "$limit" "$bin" "$@" "$work/$input" >/dev/null 2>"$work/stderr.txt" || code=$?
        kb=0
        cpu=0
    fi
    end=$(date +%s.%N)
    secs=$(echo "$end - $start" | bc -l)
    if [[ $code -eq 124 ]]; then
        printf "| %s | %.1f | %s | timeout | >%d | <%.2f | - | - | - |\n" "$input" \
            "$(echo "$size / 1000000" | bc -l)" "$*" "$limit" "$(echo "$size / 1000000 / $limit" | bc -l)"
    else
        # CPU time (user + system, from GNU time) does not count waiting for a busy machine's
        # cores; "-" without GNU time or when too short to measure.
        local cpu_rate="-"
        if (( $(echo "${cpu:-0} > 0" | bc -l) )); then
            cpu_rate=$(printf "%.1f" "$(echo "$size / 1000000 / $cpu" | bc -l)")
        fi
        printf "| %s | %.1f | %s | %d | %.2f | %.1f | %.2f | %s | %.1f |\n" "$input" \
            "$(echo "$size / 1000000" | bc -l)" "$*" "$code" "$secs" \
            "$(echo "$size / 1000000 / $secs" | bc -l)" "${cpu:-0}" "$cpu_rate" \
            "$(echo "${kb:-0} / 1024" | bc -l)"
    fi
    # Exit codes above 2 (a panic is 101, an abort 134) are bugs: show what was said.
    if [[ $code -gt 2 && $code -ne 124 ]]; then
        echo "  stderr: $(head -c 300 "$work/stderr.txt")"
    fi
}
run one-line-50mb.txt check --no-registry --format ndjson
run dense-figures-5mb.txt check --no-registry --format ndjson
run one-sentence-5mb.txt check --no-registry --format ndjson
run mixed-sentence-5mb.txt check --no-registry --format ndjson
run digits-1mb.txt check --no-registry --format ndjson
run digit-groups-1mb.txt check --no-registry --format ndjson
run tiny-records.jsonl audit --quiet --no-registry
run nested-block.md check --no-registry --format ndjson
run nested-flow.md check --no-registry --format ndjson
echo
echo "MB = 10^6 bytes of input file; seconds are wall time of the whole process, CPU seconds"
echo "its user + system time; exit 1 means findings, 2 an input the tool refused with a message"
echo "(e.g. front matter too deep)."
