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
    from pyspark.sql import functions as F

    # Absolute imports: spark-submit runs this file as a script, outside its package.
    from claimcheck import Registry
    from claimcheck.spark import audit, audit_lines, explode_rows, finding_rows, summary

    reg = Registry(registry) if registry else None
    if input_format(inputs, fmt) == "parquet":
        audited = audit(spark.read.parquet(*inputs), text=text, id=id, date=date, title=title, registry=reg, source=inputs[0])
    else:
        audited = audit_lines(spark.read.text(inputs), registry=reg, source=inputs[0])
    # Kept for the counts below: each article's findings as CSV rows, without its claims (the
    # bulk of a report), so the articles are checked once and little is cached.
    audited = finding_rows(audited).persist()
    explode_rows(audited).write.mode("overwrite").parquet(os.path.join(output, "findings"))
    # The summary is read back from the findings written, not checked again.
    written = spark.read.parquet(os.path.join(output, "findings"))
    per_rule = summary(written)
    per_rule.write.mode("overwrite").parquet(os.path.join(output, "summary"))
    counts = audited.agg(
        F.count(F.lit(1)).alias("articles"),
        F.sum(F.when(F.size("rows") > 0, 1).otherwise(0)).alias("flagged"),
        F.sum(F.when(F.col("error").isNotNull(), 1).otherwise(0)).alias("unreadable"),
    ).first()
    result = {
        "articles": int(counts["articles"] or 0),
        "articles_with_findings": int(counts["flagged"] or 0),
        "unreadable": int(counts["unreadable"] or 0),
        "findings": [
            {"rule": r["rule"], "severity": r["severity"], "count": int(r["count"])} for r in per_rule.collect()
        ],
    }
    audited.unpersist()
    if output.startswith("/") or "://" not in output:
        os.makedirs(output, exist_ok=True)
        with open(os.path.join(output, "summary.json"), "w") as f:
            json.dump(result, f, indent=2)
            f.write("\n")
    return result


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
