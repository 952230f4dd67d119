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
    from claimcheck.spark import audit, audit_lines, explode_rows, finding_rows

    reg = Registry(registry) if registry else None
    if input_format(inputs, fmt) == "parquet":
        audited = audit(spark.read.parquet(*inputs), text=text, id=id, date=date, title=title, registry=reg, source=inputs[0])
    else:
        audited = audit_lines(spark.read.text(inputs), registry=reg, source=inputs[0])
    # Each article's findings as CSV rows, without its claims (the bulk of a report), cached by
    # the first action so that the articles are checked once and little is kept.
    audited = finding_rows(audited).persist()
    # Action 1: the check, and the findings written.
    explode_rows(audited).write.mode("overwrite").parquet(os.path.join(output, "findings"))
    # Action 2: every count in one aggregation over the cached rows (a few rows back).
    result = tally(audited)
    # Action 3: the summary Parquet, from those few rows on the driver (no pass over the data).
    schema = "rule string, severity string, count long"
    rows = [(r["rule"], r["severity"], r["count"]) for r in result["findings"]]
    spark.createDataFrame(rows, schema).coalesce(1).write.mode("overwrite").parquet(os.path.join(output, "summary"))
    audited.unpersist()
    if output.startswith("/") or "://" not in output:
        os.makedirs(output, exist_ok=True)
        with open(os.path.join(output, "summary.json"), "w") as f:
            json.dump(result, f, indent=2)
            f.write("\n")
    return result


def tally(rows):
    """Counts of a ``finding_rows`` result in one aggregation (one Spark action): articles,
    articles with findings, unreadable records, and findings per rule and severity, most first
    (as ``summary`` orders them)."""
    from pyspark.sql import functions as F

    # One row per finding, or one with a null finding for an article without; an article's
    # own counts are taken from its first row only.
    exploded = rows.select(
        F.size("rows").alias("n"),
        F.col("error").isNotNull().alias("bad"),
        F.posexplode_outer("rows").alias("pos", "f"),
    )
    first = F.col("pos").isNull() | (F.col("pos") == 0)
    groups = (
        exploded.groupBy(F.col("f.rule").alias("rule"), F.col("f.severity").alias("severity"))
        .agg(
            F.count("f").alias("count"),
            F.sum(F.when(first, 1).otherwise(0)).alias("articles"),
            F.sum(F.when(first & (F.col("n") > 0), 1).otherwise(0)).alias("flagged"),
            F.sum(F.when(first & F.col("bad"), 1).otherwise(0)).alias("unreadable"),
        )
        .collect()
    )
    findings = [
        {"rule": g["rule"], "severity": g["severity"], "count": int(g["count"])} for g in groups if g["count"]
    ]
    findings.sort(key=lambda r: (-r["count"], r["rule"], r["severity"]))
    return {
        "articles": sum(int(g["articles"] or 0) for g in groups),
        "articles_with_findings": sum(int(g["flagged"] or 0) for g in groups),
        "unreadable": sum(int(g["unreadable"] or 0) for g in groups),
        "findings": findings,
    }


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
