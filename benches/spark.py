#!/usr/bin/env python3
"""The Spark job in local[2] against `claimcheck audit --jobs 2`, with its parts measured apart.

    target/python-venv/bin/python benches/spark.py [FILE] [--times 10] [--runs 3]

Run with the virtualenv `scripts/test` builds, from the repository, with PYSPARK_PYTHON set to
its interpreter (the Python workers need pyarrow and the package); needs Java 17+. FILE
defaults to ../shared/corpus/reuters21578.jsonl. Prints, best of --runs:

- JVM start-up: creating the local[2] SparkSession in this process (the JVM, the Py4J gateway).
- Arrow transfer: the file read as text lines and passed through mapInArrow to Python workers
  and back unchanged (the same batches the job sends to Rust), written to Spark's `noop` sink.
- the check: `claimcheck.spark.audit_lines` over the file, written to the `noop` sink
  (reading, Arrow transfer, the Rust call per batch, the Arrow JSON reader, no output files).
- the job: `claimcheck.spark.job.run` (the check, findings Parquet, summary Parquet and JSON).
- `claimcheck audit --jobs 2` on the same file (the whole process).

With --times N it also builds an N-fold copy of the file (in a temporary folder) and reports
records per second per core for the check on it (records / seconds / 2). Not a timed test:
the figures go in benches/README.md.
"""

import argparse
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parents[1]


def best(runs, fn):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("file", nargs="?", default=str(HERE.parent / "shared" / "corpus" / "reuters21578.jsonl"))
    p.add_argument("--times", type=int, default=10)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--bin", default=os.environ.get("BIN", str(HERE / "target" / "release" / "claimcheck")))
    args = p.parse_args()
    if not os.path.exists(args.file):
        print(f"{args.file} is absent: nothing to measure")
        return 0

    t = time.perf_counter()
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("claimcheck-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    jvm = time.perf_counter() - t

    import claimcheck.spark as ccs
    from claimcheck.spark import job

    def passthrough(path):
        def same(batches):
            yield from batches

        lines = spark.read.text(path)
        lines.mapInArrow(same, lines.schema).write.format("noop").mode("overwrite").save()

    def check(path):
        ccs.audit_lines(spark.read.text(path), source=path).write.format("noop").mode("overwrite").save()

    out = tempfile.mkdtemp(prefix="claimcheck-spark-bench-")
    try:
        # A first run of each warms the Python workers and the JIT, as a long job would be.
        passthrough(args.file)
        check(args.file)
        transfer = best(args.runs, lambda: passthrough(args.file))
        checking = best(args.runs, lambda: check(args.file))
        whole = best(args.runs, lambda: job.run(spark, [args.file], os.path.join(out, "job")))
        audit = best(
            args.runs,
            lambda: subprocess.run(
                [args.bin, "audit", "--no-registry", "--quiet", "--fail-on", "never", "--jobs", "2", args.file],
                stdout=subprocess.DEVNULL,
                check=True,
            ),
        )
        n = spark.read.text(args.file).count()
        print(f"file: {args.file} ({n} lines), local[2], best of {args.runs}, load average {os.getloadavg()[0]:.1f}")
        print("| what | seconds | x audit |")
        print("|---|---:|---:|")
        print(f"| claimcheck audit --jobs 2 (whole process) | {audit:.2f} | 1.00 |")
        print(f"| JVM start-up (SparkSession, local[2]) | {jvm:.2f} | {jvm / audit:.1f} |")
        print(f"| Arrow transfer (lines through mapInArrow, unchanged) | {transfer:.2f} | {transfer / audit:.1f} |")
        print(f"| the check (audit_lines to the noop sink) | {checking:.2f} | {checking / audit:.1f} |")
        print(f"| the job (check + findings and summary Parquet) | {whole:.2f} | {whole / audit:.1f} |")
        print(f"| the job + JVM start-up | {whole + jvm:.2f} | {(whole + jvm) / audit:.1f} |")
        if args.times > 1:
            big = os.path.join(out, f"x{args.times}.jsonl")
            with open(big, "wb") as w:
                for _ in range(args.times):
                    with open(args.file, "rb") as r:
                        shutil.copyfileobj(r, w)
            m = spark.read.text(big).count()
            secs = best(1, lambda: check(big))
            audit_big = best(
                1,
                lambda: subprocess.run(
                    [args.bin, "audit", "--no-registry", "--quiet", "--fail-on", "never", "--jobs", "2", big],
                    stdout=subprocess.DEVNULL,
                    check=True,
                ),
            )
            print(
                f"{args.times}x copy: {m} records, the check {secs:.2f} s = {m / secs / 2:,.0f} records/s/core; "
                f"claimcheck audit --jobs 2 {audit_big:.2f} s = {m / audit_big / 2:,.0f} records/s/core"
            )
    finally:
        shutil.rmtree(out, ignore_errors=True)
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
