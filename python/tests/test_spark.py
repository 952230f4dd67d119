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
