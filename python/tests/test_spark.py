"""Spark in local[2] over the Reuters corpus: the same findings as `claimcheck audit`."""

import collections
import json

import pytest

pytest.importorskip("pyspark", reason="pyspark is not installed: pip install claimcheck[spark]")

import claimcheck
import claimcheck.spark as ccs
from claimcheck.spark import job
from conftest import REPO, audit_lines


def tally(articles):
    """Per-(rule, severity) finding counts and the set of flagged ids, from article objects."""
    counts = collections.Counter()
    flagged = set()
    for a in articles:
        for f in a["findings"]:
            counts[(f["rule"], f["severity"])] += 1
            flagged.add(a["id"])
    return counts, flagged


@pytest.fixture(scope="module")
def expected(corpus):
    articles = audit_lines(corpus)
    counts, flagged = tally(articles)
    assert len(articles) > 19000 and sum(counts.values()) > 10
    return len(articles), counts, flagged


def test_the_job_over_the_corpus_matches_audit(spark, corpus, expected, tmp_path):
    n, counts, flagged = expected
    out = tmp_path / "out"
    result = job.run(spark, [str(corpus)], str(out))
    assert result["articles"] == n and result["unreadable"] == 0
    got = {(r["rule"], r["severity"]): r["count"] for r in result["findings"]}
    assert got == dict(counts)
    found = spark.read.parquet(str(out / "findings"))
    assert found.columns == ccs.FINDING_COLUMNS
    assert {r["id"] for r in found.select("id").distinct().collect()} == flagged
    assert json.loads((out / "summary.json").read_text()) == result
    summary = {(r["rule"], r["severity"]): r["count"] for r in spark.read.parquet(str(out / "summary")).collect()}
    assert summary == dict(counts)


def test_audit_of_a_dataframe_matches_audit(spark, corpus, expected):
    n, counts, flagged = expected
    df = spark.read.json(str(corpus))
    audited = ccs.audit(df, title="title")
    assert audited.schema == ccs.audit_schema()
    rows = audited.where("size(findings) > 0 or error is not null").collect()
    articles = [{"id": r["id"], "findings": [f.asDict() for f in r["findings"]]} for r in rows]
    assert all(r["error"] is None for r in rows)
    assert tally(articles) == (counts, flagged)
    assert audited.count() == n


def test_rows_are_the_article_objects_and_errors_are_rows(spark, tmp_path):
    registry = claimcheck.Registry(REPO / "claims")
    text = (REPO / "articles" / "rare-earth-magnets-wrong-percent.md").read_text()
    body = text.split("\n---\n", 1)[1]
    df = spark.createDataFrame(
        [("m", body, "2025-07-21"), ("none", None, None)],
        "id string, body string, date string",
    )
    rows = {r["id"]: r for r in ccs.audit(df, registry=registry).collect()}
    [want] = list(claimcheck.check_many([{"id": "m", "body": body, "date": "2025-07-21"}], registry=registry))
    got = rows["m"].asDict(recursive=True)
    assert [f["rule"] for f in got["findings"]] == [f["rule"] for f in want["findings"]]
    assert [c["text"] for c in got["claims"]] == [c["text"] for c in want["claims"]]
    assert got["claims"][1]["value"]["registry"]["verdict"] == "confirmed"
    assert got["findings"][0]["claims"] == want["findings"][0]["claims"]
    assert "`body`" in rows["none"]["error"] and rows["none"]["findings"] == []
    found = ccs.findings(df, registry=registry).collect()
    assert [f["rule"] for f in found] == [f["rule"] for f in want["findings"]]
    mismatch = [f for f in found if f["rule"] == "registry-mismatch"][0]
    assert mismatch["registry"] and mismatch["claim"].startswith("3188 tons")
    # The job's rows, made by the core without the claims, are the same findings.
    kept = ccs.audit(df, registry=registry, rows=True)
    assert kept.schema == ccs.finding_rows_schema()
    assert ccs.explode_rows(kept).collect() == found
    assert {r["id"]: r["error"] for r in kept.collect()} == {k: r["error"] for k, r in rows.items()}


def test_the_job_runs_under_spark_submit_on_gzip_with_a_registry(tmp_path):
    """`spark-submit .../claimcheck/spark/job.py --input X.jsonl.gz --output DIR --registry claims`:
    the findings Parquet and summary equal `claimcheck audit --registry claims` on the same file."""
    import gzip
    import os
    import subprocess
    import sys

    import pyarrow.parquet as pq

    from conftest import run_cli

    bodies = [p.read_text().split("\n---\n", 1)[-1] for p in sorted((REPO / "articles").glob("*.md"))]
    records = [{"id": f"a{i}", "body": b, "date": "2025-07-21" if "magnet" in b else "1987-03-02"} for i, b in enumerate(bodies)]
    path = tmp_path / "articles.jsonl.gz"
    with gzip.open(path, "wt") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")
    done = run_cli("audit", str(path), "--registry", "claims", "-q", "--fail-on", "never")
    want = [json.loads(line) for line in done.stdout.splitlines()]
    counts, flagged = tally(want)
    assert counts[("registry-mismatch", "error")] >= 1

    submit = os.path.join(os.path.dirname(sys.executable), "spark-submit")
    out = tmp_path / "out"
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable, "PYSPARK_DRIVER_PYTHON": sys.executable}
    job_py = os.path.join(os.path.dirname(ccs.__file__), "job.py")
    run = subprocess.run(
        [submit, "--master", "local[2]", "--conf", "spark.ui.enabled=false", job_py,
         "--input", str(path), "--output", str(out), "--registry", "claims"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=900,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert f"{len(records)} articles, {len(flagged)} with findings" in run.stdout
    summary = json.loads((out / "summary.json").read_text())
    assert {(r["rule"], r["severity"]): r["count"] for r in summary["findings"]} == dict(counts)
    found = pq.read_table(out / "findings").to_pylist()
    assert {r["id"] for r in found} == flagged
    assert sorted(r["message"] for r in found) == sorted(f["message"] for a in want for f in a["findings"])


def test_the_module_runs_and_says_its_options():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "claimcheck.spark", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "--input" in done.stdout and "--registry" in done.stdout and "--master" in done.stdout


def test_batch_counts_and_their_sum_are_the_articles_and_findings():
    lines = [
        json.dumps({"id": "g", "body": "Sales rose 20.8 pct to 87.1 mln dlrs from 72.6 mln dlrs."}),
        json.dumps({"id": "q", "body": "Nothing to see."}),
        json.dumps({"id": "b", "body": 5}),
    ]
    columns = claimcheck._claimcheck._check_lines(lines, source="<t>", rows=True)
    counts = ccs.batch_counts(columns)
    assert counts == {"articles": 3, "flagged": 1, "unreadable": 1, ("change-mismatch", "error"): 1}
    # Summed over batches as Spark's accumulator sums them, then read as the job's summary.
    total = ccs.Counts().addInPlace(ccs.Counts().zero(None), counts)
    total = ccs.Counts().addInPlace(total, counts)
    assert job.counts(total) == {
        "articles": 6,
        "articles_with_findings": 2,
        "unreadable": 2,
        "findings": [{"rule": "change-mismatch", "severity": "error", "count": 2}],
    }
