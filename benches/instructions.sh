#!/usr/bin/env bash
# Instruction count of `claimcheck audit --jobs 1` on the first 3 MB of the Reuters corpus,
# with valgrind's callgrind: unlike wall time it does not move with the machine's load, so it
# is the number to compare before and after a change (a shared VM's timings vary by ±30%).
#
#   benches/instructions.sh                 # builds --release, then counts
#   BIN=target/release/claimcheck benches/instructions.sh
#   CORPUS=/path/to/corpus benches/instructions.sh
#   PROFILE=out.callgrind benches/instructions.sh   # keep the profile for callgrind_annotate
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${CORPUS:-$here/../shared/corpus}"
if [[ ! -f "$corpus/reuters21578.jsonl" ]]; then
    echo "benches/instructions.sh: no corpus in $corpus (set CORPUS=...); skipping" >&2
    exit 0
fi
if ! command -v valgrind >/dev/null; then
    echo "benches/instructions.sh: valgrind is not installed; skipping" >&2
    exit 0
fi
# shellcheck source=benches/common.sh
source "$here/benches/common.sh"
# Whole records only: the first 3 MB, up to the last complete line.
head -c 3000000 "$corpus/reuters21578.jsonl" | head -n -1 >"$work/sample.jsonl"
profile="${PROFILE:-$work/callgrind.out}"
valgrind --tool=callgrind --callgrind-out-file="$profile" "$bin" audit --quiet --no-registry \
    --jobs 1 --output /dev/null "$work/sample.jsonl" 2>"$work/valgrind.log" || [[ $? -le 1 ]]
total=$(awk '/refs:/ {gsub(",", "", $NF); print $NF}' "$work/valgrind.log")
records=$(wc -l <"$work/sample.jsonl")
printf "%s instructions for %d Reuters records (%s bytes)\n" "$total" "$records" \
    "$(wc -c <"$work/sample.jsonl")"
