"""Findings as a pandas DataFrame: one row per finding, the columns of claimcheck's CSV output.

Needs pandas (``pip install claimcheck[pandas]``). The columns are those of
``claimcheck check --format csv`` and the dashboard's CSV (docs/output.md, "CSV"): ``id``,
``source``, ``date``, ``rule``, ``severity``, ``line``, ``column``, ``claim`` (the text of the
first claim the finding is about), ``message`` and ``registry`` (a ``registry-mismatch``
finding's notes joined by ``"; "``, empty otherwise). The values are the data, not CSV text:
no quoting, line breaks kept, no spreadsheet-formula guard; ``date`` is missing (NA) when the
article has none; ``line`` and ``column`` are integers.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Optional

from . import check_many

COLUMNS = ["id", "source", "date", "rule", "severity", "line", "column", "claim", "message", "registry"]

#: The rule whose notes fill the ``registry`` column (as in the CSV writer, src/emit/csv.rs).
REGISTRY_MISMATCH = "registry-mismatch"


def rows(article: dict[str, Any]) -> Iterator[tuple]:
    """The CSV rows of one article object (from ``check``, ``check_many`` or ``audit``)."""
    claims = {c["id"]: c["text"] for c in article.get("claims") or []}
    for f in article.get("findings") or []:
        cited = f.get("claims") or []
        claim = claims.get(cited[0], "") if cited else ""
        registry = "; ".join(f.get("notes") or []) if f["rule"] == REGISTRY_MISMATCH else ""
        yield (
            article["id"],
            article["source"],
            article.get("date"),
            f["rule"],
            f["severity"],
            f["line"],
            f["column"],
            claim,
            f["message"],
            registry,
        )


def _records(df, text: str, id: str, date: Optional[str], title: Optional[str]) -> Iterable[dict]:
    columns = {"body": df[text].tolist()}
    for field, name in (("id", id), ("date", date), ("title", title)):
        if name is not None and name in df.columns:
            columns[field] = df[name].tolist()
    fields = list(columns)
    for values in zip(*(columns[f] for f in fields)):
        yield dict(zip(fields, values))


def findings(
    df,
    text: str = "body",
    id: str = "id",
    date: Optional[str] = "date",
    *,
    title: Optional[str] = None,
    registry=None,
    jobs: Optional[int] = None,
    errors: str = "raise",
):
    """Checks every row of ``df`` and returns its findings, one row per finding.

    ``text``, ``id``, ``date`` and ``title`` name the columns read (``date`` and ``title`` may
    be missing or ``None``; a date may be a string or a datetime). ``registry`` is a
    ``Registry``, a path or ``None``; ``jobs`` the number of threads. A row that cannot be
    checked (no text, a date column of another type) raises ``ValueError`` naming it and the
    field when ``errors="raise"``; with ``errors="ignore"`` it is left out.
    """
    import pandas as pd

    if errors not in ("raise", "ignore"):
        raise ValueError("`errors` must be 'raise' or 'ignore'")
    if text not in df.columns:
        raise ValueError(f"`text`: no column {text!r} in the DataFrame")
    out = []
    for article in check_many(_records(df, text, id, date, title), jobs=jobs, registry=registry):
        if article.get("error"):
            if errors == "raise":
                raise ValueError(f"row {article['id']!r}: {article['error']}")
            continue
        out.extend(rows(article))
    frame = pd.DataFrame.from_records(out, columns=COLUMNS)
    return frame.astype({"line": "int64", "column": "int64"})
