#!/usr/bin/env bash
# Throughput and peak memory of `claimcheck audit` on the news corpora.
#
#   benches/throughput.sh            # all corpus files, --jobs 1 and --jobs $(nproc), and 10x
#   CORPUS=/path/to/corpus benches/throughput.sh
#   RUNS=3 benches/throughput.sh     # best of 3 runs per row
#   BIN=target/release/claimcheck benches/throughput.sh   # skip the build
#
# Prints a Markdown table: file, MB of article text (the `body` fields, what the checks read),
# jobs, seconds, MB/s of article text, MB/s of the whole file (JSON and all), articles,
# findings, peak RSS. Every number but the file size comes from the run's own
# --summary-json, and the articles/findings columns double as a cross-check:
# they must be the same for every --jobs value on the same input.
#
# Peak RSS is measured with GNU time (`/usr/bin/time -v`) when present, else from VmHWM in
# /proc while the process runs.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${CORPUS:-$here/../shared/corpus}"
runs="${RUNS:-1}"
cores="$(nproc)"

files=()
for name in reuters21578.jsonl bbc.jsonl; do
    [[ -f "$corpus/$name" ]] && files+=("$corpus/$name")
done
if [[ ${#files[@]} -eq 0 ]]; then
    echo "benches/throughput.sh: no corpus in $corpus (set CORPUS=...); skipping" >&2
    exit 0
fi

# shellcheck source=benches/common.sh
source "$here/benches/common.sh"

# 10x: the Reuters archive ten times over (190k articles, 200 MB), to show memory stays flat.
big="$work/reuters21578-x10.jsonl"
for _ in $(seq 10); do cat "${files[0]}"; done >"$big"
files+=("$big")

# Runs one audit; prints "seconds peak_kb" and leaves the summary in $work/summary.json.
measure() {
    local input="$1" jobs="$2"
    local start end
    if [[ -x /usr/bin/time ]]; then
        start=$(date +%s.%N)
        /usr/bin/time -v -o "$work/time.txt" "$bin" audit --quiet --no-registry --jobs "$jobs" \
            --summary-json "$work/summary.json" --output /dev/null "$input" || [[ $? -le 1 ]]
        end=$(date +%s.%N)
        local kb
        kb=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$work/time.txt")
        echo "$(echo "$end - $start" | bc -l) $kb"
    else
        start=$(date +%s.%N)
        "$bin" audit --quiet --no-registry --jobs "$jobs" --summary-json "$work/summary.json" \
            --output /dev/null "$input" &
        local pid=$! kb=0 now
        while kill -0 "$pid" 2>/dev/null; do
            now=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
            [[ -n "$now" && "$now" -gt "$kb" ]] && kb=$now
            sleep 0.01
        done
        wait "$pid" || [[ $? -le 1 ]]
        end=$(date +%s.%N)
        echo "$(echo "$end - $start" | bc -l) $kb"
    fi
}

json() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))$1)" "$work/summary.json"; }

echo "claimcheck audit throughput ($cores cores, best of $runs, $(date -u +%Y-%m-%d))"
echo
echo "| file | MB text | jobs | seconds | MB/s text | MB/s file | articles | findings | peak RSS MB |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for input in "${files[@]}"; do
    for jobs in 1 "$cores"; do
        best=""
        for _ in $(seq "$runs"); do
            read -r secs kb < <(measure "$input" "$jobs")
            if [[ -z "$best" ]] || (( $(echo "$secs < ${best%% *}" | bc -l) )); then
                best="$secs $kb"
            fi
        done
        read -r secs kb <<<"$best"
        body=$(json "['body_bytes']")
        articles=$(json "['articles_read']")
        findings=$(json "['findings']['total']")
        size=$(wc -c <"$input")
        printf "| %s | %.1f | %d | %.2f | %.1f | %.1f | %d | %d | %.1f |\n" \
            "$(basename "$input")" "$(echo "$body / 1000000" | bc -l)" "$jobs" "$secs" \
            "$(echo "$body / 1000000 / $secs" | bc -l)" "$(echo "$size / 1000000 / $secs" | bc -l)" \
            "$articles" "$findings" "$(echo "$kb / 1024" | bc -l)"
    done
done
echo
echo "MB = 10^6 bytes of article text (the JSON \`body\` fields); seconds are wall time of the"
echo "whole process (start-up, reading, parsing, checking, writing NDJSON to /dev/null)."
