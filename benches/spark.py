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
- the job's check: `audit_lines(..., rows=True)` to the `noop` sink: what the job checks, each
  article's finding rows built as Arrow columns from the reports (no claims, no JSON).
- the job: `claimcheck.spark.job.run` (the check, findings Parquet, summary Parquet and JSON).
- `claimcheck audit --jobs 2` on the same file (the whole process).

Each line also gives the CPU seconds it took (user + system of the JVM and every Python
worker, from /proc; of the `audit` process for audit): on a shared machine they move less
with the load than the wall time.

With --times N it also builds an N-fold copy of the file (in a temporary folder) and reports
records per second per core for the job on it (records / seconds / 2), and for audit. Not a timed test:
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


def tree_cpu(root):
    """CPU seconds (user + system, with reaped children's) of process `root` and every
    process under it, from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    stats = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # After the name: state, ppid, ... utime (11), stime (12), cutime (13), cstime (14).
        stats[int(pid)] = (int(fields[1]), sum(int(x) for x in fields[11:15]))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += stats.get(pid, (0, 0))[1]
        todo.extend(p for p, (ppid, _) in stats.items() if ppid == pid)
    return total / tick


def best(runs, fn, cpu=lambda: 0.0):
    """Best wall time of `runs` calls of `fn`, and the CPU seconds (`cpu()` after less before)
    of that call."""
    times = []
    for _ in range(runs):
        c, t = cpu(), time.perf_counter()
        fn()
        times.append((time.perf_counter() - t, cpu() - c))
    return min(times)


def children_cpu():
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


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
    # The JVM: the child of this process that runs the Py4J gateway; Python workers run under it.
    jvm_pid = spark.sparkContext._gateway.proc.pid
    jvm_cpu = tree_cpu(jvm_pid)

    def spark_cpu():
        return tree_cpu(jvm_pid)

    import claimcheck.spark as ccs
    from claimcheck.spark import job

    def passthrough(path):
        def same(batches):
            yield from batches

        lines = spark.read.text(path)
        lines.mapInArrow(same, lines.schema).write.format("noop").mode("overwrite").save()

    def check(path, rows=False):
        checked = ccs.audit_lines(spark.read.text(path), source=path, rows=rows)
        checked.write.format("noop").mode("overwrite").save()

    out = tempfile.mkdtemp(prefix="claimcheck-spark-bench-")
    try:
        # A first run of each warms the Python workers and the JIT, as a long job would be.
        passthrough(args.file)
        check(args.file)
        transfer = best(args.runs, lambda: passthrough(args.file), spark_cpu)
        checking = best(args.runs, lambda: check(args.file), spark_cpu)
        job_check = best(args.runs, lambda: check(args.file, rows=True), spark_cpu)
        whole = best(args.runs, lambda: job.run(spark, [args.file], os.path.join(out, "job")), spark_cpu)
        audit = best(
            args.runs,
            lambda: subprocess.run(
                [args.bin, "audit", "--no-registry", "--quiet", "--fail-on", "never", "--jobs", "2", args.file],
                stdout=subprocess.DEVNULL,
                check=True,
            ),
            children_cpu,
        )
        n = spark.read.text(args.file).count()
        print(f"file: {args.file} ({n} lines), local[2], best of {args.runs}, load average {os.getloadavg()[0]:.1f}")
        print("| what | seconds | x audit | CPU seconds | x audit |")
        print("|---|---:|---:|---:|---:|")

        def line(what, wall, cpu):
            print(f"| {what} | {wall:.2f} | {wall / audit[0]:.1f} | {cpu:.2f} | {cpu / audit[1]:.1f} |")

        line("claimcheck audit --jobs 2 (whole process)", *audit)
        line("JVM start-up (SparkSession, local[2])", jvm, jvm_cpu)
        line("Arrow transfer (lines through mapInArrow, unchanged)", *transfer)
        line("the check (audit_lines to the noop sink)", *checking)
        line("the job's check (audit_lines rows=True to the noop sink)", *job_check)
        line("the job (check + findings and summary Parquet)", *whole)
        line("the job + JVM start-up", whole[0] + jvm, whole[1] + jvm_cpu)
        if args.times > 1:
            big = os.path.join(out, f"x{args.times}.jsonl")
            with open(big, "wb") as w:
                for _ in range(args.times):
                    with open(args.file, "rb") as r:
                        shutil.copyfileobj(r, w)
            m = spark.read.text(big).count()
            secs, secs_cpu = best(1, lambda: job.run(spark, [big], os.path.join(out, "job-big")), spark_cpu)
            audit_big, audit_big_cpu = best(
                1,
                lambda: subprocess.run(
                    [args.bin, "audit", "--no-registry", "--quiet", "--fail-on", "never", "--jobs", "2", big],
                    stdout=subprocess.DEVNULL,
                    check=True,
                ),
                children_cpu,
            )
            print(
                f"{args.times}x copy: {m} records, the job {secs:.2f} s = {m / secs / 2:,.0f} records/s/core; "
                f"claimcheck audit --jobs 2 {audit_big:.2f} s = {m / audit_big / 2:,.0f} records/s/core; "
                f"CPU seconds: the job {secs_cpu:.2f}, audit {audit_big_cpu:.2f}"
            )
    finally:
        shutil.rmtree(out, ignore_errors=True)
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
