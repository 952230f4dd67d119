#!/usr/bin/env python3
"""check_many over a JSON Lines file against `claimcheck audit --jobs N` on the same file.

    target/python-venv/bin/python benches/python.py [FILE] [--jobs 2] [--runs 5]

Run with the virtualenv `scripts/test` builds (the package installed), from the repository.
FILE defaults to ../shared/corpus/reuters21578.jsonl. Prints, best of --runs, interleaved:
the audit's wall time (`claimcheck audit --no-registry --quiet --jobs N FILE > /dev/null`, the
whole process); check_many's over dicts already in memory (the work the issue compares); and
reading plus json.loads of the file in Python, which a caller of check_many pays before it.
Also checks both give the same findings count, and prints the CPU seconds (user + system,
all threads) of each, best of --runs: on a shared machine the CPU time moves less with the
load than the wall time. Not a timed test: the figures go in benches/README.md.
"""

import argparse
import json
import os
import pathlib
import resource
import subprocess
import sys
import time

import claimcheck

HERE = pathlib.Path(__file__).resolve().parents[1]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("file", nargs="?", default=str(HERE.parent / "shared" / "corpus" / "reuters21578.jsonl"))
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--bin", default=os.environ.get("BIN", str(HERE / "target" / "release" / "claimcheck")))
    args = p.parse_args()
    if not os.path.exists(args.file):
        print(f"{args.file} is absent: nothing to measure")
        return 0
    audit_s, many_s, load_s = [], [], []
    audit_cpu, many_cpu = [], []

    def cpu(who):
        r = resource.getrusage(who)
        return r.ru_utime + r.ru_stime

    findings_audit = findings_many = None
    for _ in range(args.runs):
        t, c = time.perf_counter(), cpu(resource.RUSAGE_CHILDREN)
        done = subprocess.run(
            [args.bin, "audit", "--no-registry", "--quiet", "--fail-on", "never", "--jobs", str(args.jobs), args.file],
            stdout=subprocess.PIPE,
            check=True,
        )
        audit_s.append(time.perf_counter() - t)
        audit_cpu.append(cpu(resource.RUSAGE_CHILDREN) - c)
        findings_audit = sum(len(json.loads(line)["findings"]) for line in done.stdout.splitlines())

        t = time.perf_counter()
        with open(args.file, "rb") as f:
            records = [json.loads(line) for line in f if line.strip()]
        load_s.append(time.perf_counter() - t)

        t, c = time.perf_counter(), cpu(resource.RUSAGE_SELF)
        n = 0
        findings_many = 0
        for article in claimcheck.check_many(records, jobs=args.jobs):
            n += 1
            findings_many += len(article["findings"])
        many_s.append(time.perf_counter() - t)
        many_cpu.append(cpu(resource.RUSAGE_SELF) - c)
        del records
    assert findings_many == findings_audit, (findings_many, findings_audit)
    a, m, l = min(audit_s), min(many_s), min(load_s)
    print(f"file: {args.file} ({n} records), jobs {args.jobs}, best of {args.runs}, load average {os.getloadavg()[0]:.1f}")
    print(f"| what | seconds |")
    print(f"|---|---:|")
    print(f"| claimcheck audit --jobs {args.jobs} (whole process) | {a:.2f} |")
    print(f"| check_many(jobs={args.jobs}) over dicts in memory | {m:.2f} ({m / a:.2f}x audit) |")
    print(f"| reading the file and json.loads per line (Python) | {l:.2f} |")
    print(f"| both: what a script reading the file pays | {m + l:.2f} ({(m + l) / a:.2f}x audit) |")
    print(f"CPU seconds: audit {min(audit_cpu):.2f}, check_many {min(many_cpu):.2f} ({min(many_cpu) / min(audit_cpu):.2f}x)")
    print(f"findings: {findings_many} (equal to audit's)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
