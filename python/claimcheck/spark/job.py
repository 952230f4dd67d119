"""The Spark job: ``python -m claimcheck.spark --input PATH --output DIR [--registry DIR]
[--master URL]``, or ``spark-submit .../claimcheck/spark/job.py --input ... --output ...``.

Reads JSON Lines (plain or gzip: Spark decompresses ``*.gz``) or Parquet from any path Spark
reads (local, HDFS, S3 with the usual connectors), checks every article, and writes under
``--output``: ``findings/`` (Parquet, one row per finding, claimcheck's CSV columns),
``summary/`` (Parquet, findings per rule and severity) and ``summary.json`` on the driver
(articles, articles with findings, unreadable records, and the per-rule/severity counts),
which it also prints. JSON Lines records are read exactly as ``claimcheck audit`` reads them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python -m claimcheck.spark", description=__doc__.split("\n\n")[0])
    p.add_argument("--input", required=True, action="append", help="JSON Lines (plain or .gz) or Parquet; repeatable")
    p.add_argument("--output", required=True, help="output folder (replaced)")
    p.add_argument("--registry", help="claim registry folder or file, read on the driver and broadcast")
    p.add_argument("--master", help="Spark master URL (default: spark-submit's, else local[*])")
    p.add_argument("--format", choices=["auto", "jsonl", "parquet"], default="auto", help="input format (auto: by the first path's extension)")
    p.add_argument("--text", default="body", help="Parquet: the text column (default body)")
    p.add_argument("--id", default="id", help="Parquet: the id column (default id)")
    p.add_argument("--date", default="date", help="Parquet: the date column (default date)")
    p.add_argument("--title", default="title", help="Parquet: the title column (default title)")
    return p.parse_args(argv)


def input_format(paths, given):
    if given != "auto":
        return given
    first = paths[0].rstrip("/").lower()
    return "parquet" if first.endswith(".parquet") or first.endswith(".parq") else "jsonl"


def session(master=None, name="claimcheck"):
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(name)
    # Without --master, spark-submit's master applies (local[*] when run by `python -m`).
    if master:
        builder = builder.master(master)
    return builder.getOrCreate()


def run(spark, inputs, output, *, registry=None, fmt="auto", text="body", id="id", date="date", title="title"):
    """Runs the job on ``spark``; returns the summary dict it writes as ``summary.json``."""
    # Absolute imports: spark-submit runs this file as a script, outside its package.
    from claimcheck import Registry
    from claimcheck.spark import audit, audit_lines, explode_rows, tally

    reg = Registry(registry) if registry else None
    # Each article's findings as CSV rows, made by the Rust core without its claims (the bulk
    # of a report), and every count added up on the Python workers as the rows are made (a
    # Spark accumulator: no aggregation in Spark, whose per-rule observed metrics cost about
    # a second of CPU even for a few rows).
    counted = tally(spark)
    if input_format(inputs, fmt) == "parquet":
        df = spark.read.parquet(*inputs)
        audited = audit(df, text=text, id=id, date=date, title=title, registry=reg, source=inputs[0], rows=True, tally=counted)
    else:
        audited = audit_lines(spark.read.text(inputs), registry=reg, source=inputs[0], rows=True, tally=counted)
    # One pass over the data, one action: the findings written (the counts come with it).
    explode_rows(audited).write.mode("overwrite").parquet(os.path.join(output, "findings"))
    result = counts(counted.value)
    # The summary Parquet, from those few rows on the driver (no pass over the data): for a
    # local folder written here with pyarrow (a Spark write of a few rows costs a job: about
    # a second on a loaded 2-core machine), elsewhere (HDFS, S3) by Spark.
    local = output.startswith("/") or "://" not in output
    write_summary(spark, result["findings"], os.path.join(output, "summary"), local)
    if local:
        os.makedirs(output, exist_ok=True)
        with open(os.path.join(output, "summary.json"), "w") as f:
            json.dump(result, f, indent=2)
            f.write("\n")
    return result


def counts(tallied):
    """The summary dict of the counts ``claimcheck.spark.tally`` added up."""
    per_rule = [(k[0], k[1], n) for k, n in tallied.items() if isinstance(k, tuple)]
    return {
        "articles": int(tallied.get("articles", 0)),
        "articles_with_findings": int(tallied.get("flagged", 0)),
        "unreadable": int(tallied.get("unreadable", 0)),
        "findings": summary_rows(per_rule),
    }


def write_summary(spark, findings, path, local):
    """The summary rows (``rule``, ``severity``, ``count``) as Parquet in folder ``path``: one
    file written with pyarrow when ``path`` is local, else one written by Spark."""
    columns = {k: [r[k] for r in findings] for k in ("rule", "severity", "count")}
    if not local:
        rows = list(zip(*columns.values()))
        schema = "rule string, severity string, count long"
        spark.createDataFrame(rows, schema).coalesce(1).write.mode("overwrite").parquet(path)
        return
    import shutil

    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "rule": pa.array(columns["rule"], pa.string()),
            "severity": pa.array(columns["severity"], pa.string()),
            "count": pa.array(columns["count"], pa.int64()),
        }
    )
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    pq.write_table(table, os.path.join(path, "part-00000.parquet"))
    open(os.path.join(path, "_SUCCESS"), "w").close()


def summary_rows(rows):
    """(rule, severity, count) rows as the summary's list, most first (as ``summary`` orders
    them), without zero counts."""
    found = [{"rule": r[0], "severity": r[1], "count": int(r[2])} for r in rows if r[2]]
    found.sort(key=lambda r: (-r["count"], r["rule"], r["severity"]))
    return found


def main(argv=None):
    args = parse_args(argv)
    started = time.monotonic()
    spark = session(args.master)
    result = run(
        spark,
        args.input,
        args.output,
        registry=args.registry,
        fmt=args.format,
        text=args.text,
        id=args.id,
        date=args.date,
        title=args.title,
    )
    total = sum(r["count"] for r in result["findings"])
    print(
        f"{result['articles']} articles, {result['articles_with_findings']} with findings, "
        f"{total} findings, {result['unreadable']} unreadable ({time.monotonic() - started:.1f} s)"
    )
    for r in result["findings"]:
        print(f"  {r['count']:>8}  {r['severity']:<8} {r['rule']}")
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
