"""claimcheck inside Spark: one row per article (``audit``) or per finding (``findings``).

Each partition's Arrow batches go to the Rust core in one call per batch (``mapInArrow``);
the core returns the batch's NDJSON lines (exactly ``claimcheck audit``'s), which Arrow's
JSON reader turns into the typed columns of ``AUDIT_SCHEMA``; with ``rows=True`` (the job) the
core returns only each article's finding rows, as columns that become a record batch of
``FINDING_ROWS_ARROW_SCHEMA`` directly. A registry is read once on the
driver and broadcast (a pickled ``Registry`` carries its files' texts, so the executors never
read them). Needs pyspark and pyarrow (``pip install claimcheck[spark]``).
"""

from __future__ import annotations

import io
from typing import Iterator, Optional

import pyarrow as pa
import pyarrow.json as pajson
from pyspark.accumulators import AccumulatorParam

from .. import Registry, _claimcheck

# The article object of the output contract (docs/output.md) as Arrow types. `meta` (fields
# carried through) and `mentions` (extract only) are left out.
_SPAN = pa.struct([("start", pa.int64()), ("end", pa.int64())])
_VERDICT = pa.struct([("fact", pa.string()), ("verdict", pa.string()), ("figure", pa.string())])
_FIGURE = pa.struct(
    [
        ("stated", pa.string()),
        ("low", pa.float64()),
        ("high", pa.float64()),
        ("unit", pa.string()),
        ("period", pa.string()),
        ("implied", pa.bool_()),
        ("registry", _VERDICT),
    ]
)
_CHANGE = pa.struct(
    [
        ("stated", pa.string()),
        ("measure", pa.string()),
        ("low", pa.float64()),
        ("high", pa.float64()),
        ("direction", pa.string()),
        ("restates", pa.int64()),
        ("registry", _VERDICT),
    ]
)
_CLAIM = pa.struct(
    [
        ("id", pa.int64()),
        ("kind", pa.string()),
        ("span", _SPAN),
        ("line", pa.int64()),
        ("column", pa.int64()),
        ("text", pa.string()),
        ("subject", pa.string()),
        ("value", _FIGURE),
        ("change", _CHANGE),
        ("baseline", _FIGURE),
        ("period", pa.string()),
        ("registry", _VERDICT),
    ]
)
_FINDING = pa.struct(
    [
        ("rule", pa.string()),
        ("severity", pa.string()),
        ("span", _SPAN),
        ("line", pa.int64()),
        ("column", pa.int64()),
        ("field", pa.string()),
        ("message", pa.string()),
        ("claims", pa.list_(pa.int64())),
        ("notes", pa.list_(pa.string())),
    ]
)
_SUPPRESSED = pa.struct(
    [
        ("rule", pa.string()),
        ("severity", pa.string()),
        ("span", _SPAN),
        ("line", pa.int64()),
        ("column", pa.int64()),
        ("message", pa.string()),
        ("reason", pa.string()),
        ("directive_line", pa.int64()),
    ]
)

#: One row per article: the output contract's fields, claims and findings as arrays of structs,
#: and `error` (null for an article that was checked). A record's `line` is left out: a row of a
#: DataFrame has no line (a row without an id gets `SOURCE:N`, N its place in its Arrow batch).
AUDIT_ARROW_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("source", pa.string()),
        ("date", pa.string()),
        ("title", pa.string()),
        ("claims", pa.list_(_CLAIM)),
        ("findings", pa.list_(_FINDING)),
        ("suppressed", pa.list_(_SUPPRESSED)),
        ("error", pa.string()),
    ]
)

#: The columns of ``findings``: those of claimcheck's CSV output (docs/output.md).
FINDING_COLUMNS = ["id", "source", "date", "rule", "severity", "line", "column", "claim", "message", "registry"]

#: What the job keeps of each article (``finding_rows``): its ``id``, ``source``, ``date`` and
#: ``error``, and its findings as the rest of the CSV columns.
FINDING_ROW = pa.struct(
    [
        ("rule", pa.string()),
        ("severity", pa.string()),
        ("line", pa.int64()),
        ("column", pa.int64()),
        ("claim", pa.string()),
        ("message", pa.string()),
        ("registry", pa.string()),
    ]
)
FINDING_ROWS_ARROW_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("source", pa.string()),
        ("date", pa.string()),
        ("error", pa.string()),
        ("rows", pa.list_(FINDING_ROW)),
    ]
)

_READ = pajson.ParseOptions(explicit_schema=AUDIT_ARROW_SCHEMA, unexpected_field_behavior="ignore")


def audit_schema():
    """``AUDIT_ARROW_SCHEMA`` as a Spark ``StructType``."""
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(AUDIT_ARROW_SCHEMA)


def to_arrow(ndjson: bytes) -> pa.Table:
    """The NDJSON lines of the Rust core as a table of ``AUDIT_ARROW_SCHEMA``."""
    if not ndjson:
        return AUDIT_ARROW_SCHEMA.empty_table()
    options = pajson.ReadOptions(use_threads=False, block_size=max(len(ndjson) + 1, 1 << 20))
    table = pajson.read_json(io.BytesIO(ndjson), read_options=options, parse_options=_READ)
    return table.select(AUDIT_ARROW_SCHEMA.names).cast(AUDIT_ARROW_SCHEMA)


def rows_to_arrow(columns) -> pa.RecordBatch:
    """The finding-row columns the Rust core returns (``rows=True``) as a record batch of
    ``FINDING_ROWS_ARROW_SCHEMA``, built column by column (no JSON, no row objects)."""
    ids, sources, dates, errors, offsets, *fields = columns
    rows = pa.StructArray.from_arrays(
        [pa.array(values, type=f.type) for values, f in zip(fields, FINDING_ROW)],
        fields=list(FINDING_ROW),
    )
    return pa.RecordBatch.from_arrays(
        [
            pa.array(ids, pa.string()),
            pa.array(sources, pa.string()),
            pa.array(dates, pa.string()),
            pa.array(errors, pa.string()),
            pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), rows),
        ],
        schema=FINDING_ROWS_ARROW_SCHEMA,
    )


def _registry(registry) -> Optional[Registry]:
    if registry is None or isinstance(registry, Registry):
        return registry
    return Registry(registry)


def finding_rows_schema():
    """``FINDING_ROWS_ARROW_SCHEMA`` as a Spark ``StructType``."""
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(FINDING_ROWS_ARROW_SCHEMA)


def _broadcast(spark, registry):
    registry = _registry(registry)
    if registry is None:
        return None
    return spark.sparkContext.broadcast(registry)


def _as_text(df, name: Optional[str], alias: str):
    """Column `name` of `df` as strings (a date or timestamp as its ISO day), or nulls."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import DateType, StringType, TimestampType

    if name is None or name not in df.columns:
        return F.lit(None).cast(StringType()).alias(alias)
    kind = df.schema[name].dataType
    if isinstance(kind, (DateType, TimestampType)):
        return F.date_format(F.col(name), "yyyy-MM-dd").alias(alias)
    return F.col(name).cast(StringType()).alias(alias)


def audit(
    df,
    *,
    text: str = "body",
    id: str = "id",
    date: Optional[str] = "date",
    title: Optional[str] = None,
    registry=None,
    source: str = "<spark>",
    rows: bool = False,
    tally=None,
):
    """Checks every row of ``df``; one row per article, typed as ``audit_schema()``.

    ``text``, ``id``, ``date`` and ``title`` name the columns read (missing ones are nulls;
    dates and timestamps are read as their day). ``registry`` is a ``Registry`` or a path,
    read once here on the driver and broadcast. A row that cannot be checked (null text) has
    its reason in ``error``, naming the field, as ``claimcheck audit`` writes it; ``source``
    fills the rows' ``source``. Each Arrow batch is checked in one call into Rust. With
    ``rows``, each article is what ``finding_rows`` keeps of it (``finding_rows_schema()``),
    made straight from the reports, without the claims, and ``tally`` (from ``tally(spark)``),
    if given, gets each batch's counts (see ``audit_lines``).
    """
    if text not in df.columns:
        raise ValueError(f"`text`: no column {text!r} in the DataFrame")
    columns = df.select(
        _as_text(df, id, "id"),
        _as_text(df, text, "body"),
        _as_text(df, title, "title"),
        _as_text(df, date, "date"),
    )
    return _checked(columns, lambda c, **kw: _claimcheck._check_columns(*c, **kw), 4, source, registry, rows, tally)


def _checked(df, call, ncolumns, source, registry, rows, tally=None):
    """``df`` (``ncolumns`` string columns) checked by ``call`` in each Arrow batch: one row per
    article, typed as ``audit_schema()``, or with ``rows`` as ``finding_rows_schema()``, each
    batch's counts added to ``tally`` (``rows`` only)."""
    shared = _broadcast(df.sparkSession, registry)

    def check(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        reg = shared.value if shared is not None else None
        for batch in batches:
            if batch.num_rows == 0:
                continue
            columns = [batch.column(i).to_pylist() for i in range(ncolumns)]
            out = call(columns, source=source, registry=reg, rows=rows)
            if rows:
                if tally is not None:
                    tally.add(batch_counts(out))
                yield rows_to_arrow(out)
            else:
                yield from to_arrow(out).to_batches()

    return df.mapInArrow(check, finding_rows_schema() if rows else audit_schema())


def audit_lines(df, *, column: str = "value", registry=None, source: str = "<spark>", rows: bool = False, tally=None):
    """Checks raw JSON Lines records (``spark.read.text`` of an archive: one string column),
    each exactly as ``claimcheck audit`` reads an archive line (every field, numeric ids,
    ``lang``, ``claimcheck_ignore``); blank lines are skipped. One row per record, as ``audit``
    (with ``rows``, as ``finding_rows`` of it). With ``rows``, ``tally`` (from ``tally(spark)``)
    gets each batch's counts as the rows are made (read its ``value`` after one action).
    """
    from pyspark.sql import functions as F

    lines = df.select(F.col(column).alias("value")).where(F.trim(F.col("value")) != "")
    return _checked(lines, lambda c, **kw: _claimcheck._check_lines(c[0], **kw), 1, source, registry, rows, tally)


class Counts(AccumulatorParam):
    """Adds count dicts key by key (a Spark accumulator's parameter, see ``tally``)."""

    def zero(self, value):
        return {}

    def addInPlace(self, value1, value2):
        for key, n in value2.items():
            value1[key] = value1.get(key, 0) + n
        return value1


def tally(spark):
    """A Spark accumulator of counts that ``audit_lines``/``audit`` with ``rows`` and ``tally``
    add each batch's ``batch_counts`` to, on the Python workers beside the check: no Spark
    aggregation, no pass over the rows. Spark applies a task's update once, whatever the
    retries, when the check runs in the action's one stage (as in the job, which writes the
    rows in the action that makes them); a DataFrame made with it and used by two actions
    would count twice."""
    return spark.sparkContext.accumulator({}, Counts())


def batch_counts(columns):
    """The counts of one batch of finding-row columns (``rows=True``, see ``rows_to_arrow``):
    ``articles``, ``flagged`` (articles with findings), ``unreadable`` (with an error), and
    the findings per ``(rule, severity)``."""
    ids, _sources, _dates, errors, offsets, rule, severity = columns[:7]
    counts = {
        "articles": len(ids),
        "flagged": sum(1 for a, b in zip(offsets, offsets[1:]) if b > a),
        "unreadable": sum(1 for e in errors if e is not None),
    }
    for key in zip(rule, severity):
        counts[key] = counts.get(key, 0) + 1
    return counts


def finding_rows(audited):
    """Each article of an ``audit`` result with its findings as CSV rows, without its claims:
    ``id``, ``source``, ``date``, ``error`` and ``rows`` (an array of structs with the rest of
    the CSV columns), so a job can keep this and leave the claims behind."""
    from pyspark.sql import functions as F

    def row(f):
        cited = F.get(f["claims"], 0)
        claim = F.get(F.filter(F.col("claims"), lambda c: c["id"] == cited), 0)["text"]
        registry = F.when(f["rule"] == "registry-mismatch", F.array_join(f["notes"], "; "))
        return F.struct(
            f["rule"].alias("rule"),
            f["severity"].alias("severity"),
            f["line"].alias("line"),
            f["column"].alias("column"),
            F.coalesce(claim, F.lit("")).alias("claim"),
            f["message"].alias("message"),
            F.coalesce(registry, F.lit("")).alias("registry"),
        )

    return audited.select("id", "source", "date", "error", F.transform("findings", row).alias("rows"))


def explode_rows(rows):
    """The findings of ``finding_rows`` one row per finding, in the CSV columns."""
    from pyspark.sql import functions as F

    return rows.select("id", "source", "date", F.explode("rows").alias("f")).select(
        "id", "source", "date", *[F.col("f")[c].alias(c) for c in FINDING_COLUMNS[3:]]
    )


def findings_of(audited):
    """The findings of an ``audit`` result, one row per finding, in the CSV columns."""
    return explode_rows(finding_rows(audited))


def findings(df, **options):
    """Checks every row of ``df`` (arguments as ``audit``); one row per finding, with the
    columns of claimcheck's CSV output (``FINDING_COLUMNS``)."""
    return findings_of(audit(df, **options))


def summary(findings_df):
    """Finding counts per rule and severity, most first."""
    from pyspark.sql import functions as F

    return (
        findings_df.groupBy("rule", "severity")
        .count()
        .orderBy(F.col("count").desc(), "rule", "severity")
    )


__all__ = [
    "AUDIT_ARROW_SCHEMA",
    "Counts",
    "batch_counts",
    "tally",
    "FINDING_COLUMNS",
    "audit",
    "audit_lines",
    "audit_schema",
    "findings",
    "findings_of",
    "finding_rows",
    "finding_rows_schema",
    "FINDING_ROWS_ARROW_SCHEMA",
    "rows_to_arrow",
    "explode_rows",
    "summary",
    "to_arrow",
]
