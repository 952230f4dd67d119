#!/usr/bin/env bash
# Peak memory and time of loading a large claim registry (issue 15: at most 10x its YAML size).
#
#   benches/registry_scale.sh                  # builds --release, N = 5000 and 50000
#   N="5000 50000 100000" benches/registry_scale.sh
#   BIN=target/release/claimcheck benches/registry_scale.sh
#
# For each N, benches/registry_gen.py writes a synthetic registry of N facts, then this runs
# `claimcheck registry check REG` and `claimcheck check articles/rare-earth-magnets-2025-07.md
# --registry REG` under GNU time and prints a Markdown table: facts, YAML MB (10^6 bytes),
# command, wall seconds, peak RSS MB and RSS / YAML. A command that fails stops the script.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
sizes="${N:-5000 50000}"

if [[ ! -x /usr/bin/time ]]; then
    echo "benches/registry_scale.sh: needs GNU time (/usr/bin/time); skipping" >&2
    exit 0
fi
# shellcheck source=benches/common.sh
source "$here/benches/common.sh"

# Runs "$@" under GNU time; prints "seconds peak_kb". Exit 0 (clean) and 1 (findings) are fine.
measure() {
    local status=0
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || status=$?
    if [[ $status -gt 1 ]]; then
        echo "benches/registry_scale.sh: '$*' exited $status:" >&2
        tail -5 "$work/stderr" >&2
        exit 1
    fi
    tail -1 "$work/time"
}

echo "| facts | YAML MB | command | seconds | peak RSS MB | RSS / YAML |"
echo "|---:|---:|---|---:|---:|---:|"
for n in $sizes; do
    reg="$work/reg-$n"
    python3 "$here/benches/registry_gen.py" "$n" "$reg"
    bytes="$(cat "$reg"/*.yaml | wc -c)"
    for cmd in "registry check" "check article"; do
        if [[ $cmd == "registry check" ]]; then
            read -r secs kb < <(measure "$bin" registry check "$reg")
        else
            read -r secs kb < <(measure "$bin" check "$here/articles/rare-earth-magnets-2025-07.md" --registry "$reg")
        fi
        awk -v n="$n" -v b="$bytes" -v c="$cmd" -v s="$secs" -v k="$kb" 'BEGIN {
            printf "| %d | %.1f | `%s` | %.2f | %.0f | %.1fx |\n", n, b / 1e6, c, s, k * 1024 / 1e6, k * 1024 / b
        }'
    done
done
