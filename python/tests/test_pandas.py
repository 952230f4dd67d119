"""claimcheck.pandas.findings: one row per finding, the CSV output's columns and rows."""

import csv
import io
import json

import pytest

pd = pytest.importorskip("pandas", reason="pandas is an optional extra: pip install claimcheck[pandas]")

import claimcheck
import claimcheck.pandas as ccpd
from conftest import REPO, run_cli


def cli_csv_rows():
    done = run_cli("check", "articles/", "--format", "csv", "--fail-on", "never")
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(done.stdout)))
    return rows[0], rows[1:]


def as_csv_text(value) -> str:
    """A DataFrame cell as the CSV writer shows it (src/emit/dashboard.rs, csv_field): line
    breaks become spaces, a leading = + - @ gets a quote mark."""
    s = "" if value is None or value != value else str(value)
    if "\n" in s or "\r" in s:
        s = " ".join(s.split())
    if s[:1] in ("=", "+", "-", "@"):
        s = "'" + s
    return s


def test_findings_has_the_csv_columns_and_rows(registry):
    header, want = cli_csv_rows()
    assert ccpd.COLUMNS == header
    # The articles as a DataFrame: the whole file as text, as `check` reads it.
    texts = {p.stem: p.read_text() for p in sorted((REPO / "articles").glob("*.md"))}
    cli = json.loads(run_cli("check", "articles/", "--format", "json", "--fail-on", "never").stdout)
    got_rows = []
    for a in cli["articles"]:
        got_rows.extend(ccpd.rows(claimcheck.check(texts[a["id"]], registry=registry, id=a["id"], source=a["source"])))
    frame = pd.DataFrame.from_records(got_rows, columns=ccpd.COLUMNS)
    assert len(frame) == len(want) >= 3
    shown = [[as_csv_text(v) for v in row] for row in frame.itertuples(index=False)]
    assert shown == want


def test_findings_of_a_dataframe():
    df = pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "body": [
                "Turnover rose by 20.8 pct to 87.1 mln dlrs from 72.6 mln dlrs in 1985.",
                "Nothing to see.",
                "Sales rose 50 pct to 20 mln dlrs from 10 mln dlrs.",
            ],
            "date": pd.to_datetime(["1987-03-02", None, "1987-04-01"]),
        }
    )
    found = ccpd.findings(df, jobs=2)
    assert list(found.columns) == ccpd.COLUMNS
    assert list(found["id"]) == ["a", "c"]
    assert list(found["rule"]) == ["change-mismatch", "change-mismatch"]
    assert list(found["date"]) == ["1987-03-02", "1987-04-01"]
    assert found["line"].dtype == "int64" and list(found["source"]) == ["<records>", "<records>"]
    assert found["claim"][0].startswith("87.1 mln dlrs") or "20.8 pct" in found["claim"][0]
    # Other column names.
    renamed = df.rename(columns={"body": "text", "id": "key"})
    again = ccpd.findings(renamed, text="text", id="key")
    assert list(again["id"]) == ["a", "c"] and list(again["message"]) == list(found["message"])
    empty = ccpd.findings(df.iloc[1:2])
    assert list(empty.columns) == ccpd.COLUMNS and len(empty) == 0


def test_a_bad_row_names_the_field():
    df = pd.DataFrame({"id": ["a", "b"], "body": ["Sales rose 5 pct.", None]})
    with pytest.raises(ValueError, match="row 'b'.*`body`"):
        ccpd.findings(df)
    assert len(ccpd.findings(df, errors="ignore")) == 0
    with pytest.raises(ValueError, match="`text`"):
        ccpd.findings(df, text="nope")
