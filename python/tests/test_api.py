"""The Python API: check, extract, Registry, check_many, against the command line's output."""

import json
import os
import pickle
import threading

import pytest

import claimcheck
from conftest import REPO, audit_lines, run_cli

ARTICLES = sorted((REPO / "articles").glob("*.md"))
SALES = "Last year turnover rose by 20.8 pct to 87.1 mln dlrs from 72.6 mln dlrs in 1985.\n"




def cli_json(command: str) -> dict:
    """`claimcheck COMMAND articles/ --format json` (with claims/), per article id."""
    fail_on = ["--fail-on", "never"] if command == "check" else []
    done = run_cli(command, "articles/", "--format", "json", *fail_on)
    assert done.returncode == 0, done.stderr
    return {a["id"]: a for a in json.loads(done.stdout)["articles"]}


@pytest.mark.parametrize("command", ["check", "extract"])
def test_equal_to_the_cli_json_on_the_bundled_articles(command, registry):
    expected = cli_json(command)
    assert len(expected) == len(ARTICLES) >= 16
    run = getattr(claimcheck, command)
    for path in ARTICLES:
        want = expected[path.stem]
        got = run(path.read_text(), registry=registry, id=want["id"], source=want["source"])
        assert got == want, path.name
    # Something was found: the comparison is not between empty reports.
    if command == "check":
        assert sum(len(a["findings"]) for a in expected.values()) >= 3


def test_check_returns_the_contract_object():
    got = claimcheck.check(SALES, date="1987-04-01", title="Mrs. Fields")
    assert list(got) == ["id", "source", "date", "title", "claims", "findings", "error"]
    assert (got["id"], got["source"], got["date"], got["title"], got["error"]) == (
        "text",
        "<text>",
        "1987-04-01",
        "Mrs. Fields",
        None,
    )
    [finding] = got["findings"]
    assert finding["rule"] == "change-mismatch" and finding["severity"] == "error"
    assert finding["field"] == "text" and finding["line"] == 1
    claim = got["claims"][0]
    assert claim["change"]["low"] == 20.75 and claim["change"]["measure"] == "percent"
    assert claim["value"]["unit"] == "USD" and claim["value"]["low"] == 87.05e6


def test_extract_adds_mentions_and_runs_no_rules():
    got = claimcheck.extract(SALES)
    assert got["findings"] == []
    assert [m["text"] for m in got["mentions"]][:3] == ["20.8 pct", "87.1 mln dlrs", "72.6 mln dlrs"]


def test_arguments_take_the_place_of_front_matter():
    text = "---\ntitle: Old\ndate: 2025-07-21\n---\n\n" + SALES
    got = claimcheck.check(text)
    assert (got["title"], got["date"]) == ("Old", "2025-07-21")
    import datetime

    got = claimcheck.check(text, date=datetime.date(1987, 3, 2), title="New")
    assert (got["title"], got["date"]) == ("New", "1987-03-02")
    assert claimcheck.check(text, date=datetime.datetime(1987, 3, 2, 15, 1))["date"] == "1987-03-02"


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"date": "someday"}, "`date`"),
        ({"date": 12}, "`date`"),
        ({"lang": "xx"}, "`lang`"),
        ({"text": "---\ntitle: [\n---\nbody\n"}, "`text`"),
    ],
)
def test_a_bad_argument_is_a_value_error_naming_it(kwargs, field):
    text = kwargs.pop("text", SALES)
    with pytest.raises(ValueError) as e:
        claimcheck.check(text, **kwargs)
    assert str(e.value).startswith(field), str(e.value)


def test_an_unreadable_front_matter_date_is_a_warning():
    with pytest.warns(UserWarning, match="date"):
        got = claimcheck.check("---\ndate: someday\n---\n" + SALES)
    assert got["date"] is None


def test_registry_loads_once_and_is_reused(registry):
    assert registry.files == 3 and len(registry.facts) >= 15
    assert "claims" in repr(registry)
    magnets = (REPO / "articles" / "rare-earth-magnets-wrong-percent.md").read_text()
    rules = [f["rule"] for f in claimcheck.check(magnets, registry=registry)["findings"]]
    assert "registry-mismatch" in rules
    assert "registry-mismatch" not in [f["rule"] for f in claimcheck.check(magnets)["findings"]]
    # A path works too, and a pickled copy (what Spark broadcasts) checks alike.
    by_path = claimcheck.check(magnets, registry=str(REPO / "claims"))
    assert [f["rule"] for f in by_path["findings"]] == rules
    copy = pickle.loads(pickle.dumps(registry))
    assert copy.facts == registry.facts and copy.paths == ["claims"]
    assert claimcheck.check(magnets, registry=copy) == claimcheck.check(magnets, registry=registry)


def broken_registry(tmp_path, line_text, at):
    """claims/comair-*.yaml with `line_text` inserted as line `at` (1-based)."""
    lines = (REPO / "claims" / "comair-load-factor-1987-02.yaml").read_text().splitlines(keepends=True)
    lines.insert(at - 1, line_text)
    path = tmp_path / "comair.yaml"
    path.write_text("".join(lines))
    return path


def test_registry_problems_raise_with_file_line_column(tmp_path):
    # An unknown field in the first fact (line 16 after the insertion).
    path = broken_registry(tmp_path, "    colour: blue\n", 16)
    with pytest.raises(claimcheck.RegistryError) as e:
        claimcheck.Registry(tmp_path)
    assert isinstance(e.value, ValueError)
    [problem] = e.value.problems
    assert problem["path"] == str(path) and problem["line"] == 16 and problem["column"] == 5
    assert f"{path}:16:5: " in str(e.value)
    # The same place as `claimcheck registry check` reports.
    done = run_cli("registry", "check", str(tmp_path))
    assert done.returncode == 2 and f"{path}:16:5" in done.stdout + done.stderr


def test_a_missing_registry_raises(tmp_path):
    with pytest.raises(claimcheck.RegistryError, match="no such file"):
        claimcheck.Registry(tmp_path / "nope")
    with pytest.raises(claimcheck.RegistryError):
        claimcheck.check(SALES, registry=tmp_path / "nope")


def test_a_shared_registry_is_safe_across_threads(registry):
    texts = [p.read_text() for p in ARTICLES]
    expected = [claimcheck.check(t, registry=registry) for t in texts]
    results = {}
    errors = []

    def work(k):
        try:
            for round in range(3):
                for i, t in enumerate(texts):
                    results[(k, round, i)] = claimcheck.check(t, registry=registry)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(results) == 6 * 3 * len(texts)
    for (k, round, i), got in results.items():
        assert got == expected[i]
    # check_many from several threads over one registry, too.
    many = {}

    def work_many(k):
        many[k] = list(claimcheck.check_many(({"id": str(i), "body": t} for i, t in enumerate(texts)), jobs=2, registry=registry))

    threads = [threading.Thread(target=work_many, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(many[k] == many[0] for k in range(4)) and len(many[0]) == len(texts)


def records_of(n):
    """n records cycling through the bundled articles' text (no front matter: a record's body)."""
    bodies = [p.read_text().split("\n---\n", 1)[-1] for p in ARTICLES]
    return [{"id": f"r{i}", "body": bodies[i % len(bodies)], "date": "1987-03-02", "desk": i % 3} for i in range(n)]


def test_check_many_is_in_order_and_equal_to_audit(tmp_path):
    records = records_of(1500)  # several batches of 512
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    want = audit_lines(path)
    got = list(claimcheck.check_many(records, jobs=2))
    # One thread gives the same; a generator works as well as a list.
    assert list(claimcheck.check_many(iter(records[:40]), jobs=1)) == got[:40]
    assert list(claimcheck.check_many([])) == []
    assert [a["id"] for a in got] == [r["id"] for r in records]
    assert sum(len(a["findings"]) for a in got) > 0
    for g, w in zip(got, want):
        # Only where the record came from differs: a file's line against a place in the iterable.
        assert g["source"] == "<records>" and w["source"] == str(path)
        g.pop("source"), w.pop("source")
        assert g == w
    assert got[5]["meta"] == {"desk": 2}


def test_check_many_over_the_corpus_is_audit_to_the_type_and_key_order(corpus):
    """Every object of the Reuters corpus: the same keys in the same order and the same values
    of the same types (an int is not a float) as `audit`'s JSON; only `source` and `line`, where
    the record came from, differ."""
    want = audit_lines(corpus)
    with open(corpus, "rb") as f:
        records = [json.loads(line) for line in f if line.strip()]
    got = list(claimcheck.check_many(records, jobs=2))
    assert len(got) == len(want) == len(records)
    for i, (g, w) in enumerate(zip(got, want)):
        assert (g["source"], g["line"]) == ("<records>", i + 1) and w["line"] == i + 1
        for a in (g, w):
            del a["source"], a["line"]
        assert json.dumps(g) == json.dumps(w), w["id"]


def test_check_many_yields_error_objects_and_goes_on():
    good = {"id": "good", "body": SALES}
    records = [
        good,
        {"id": "nobody"},
        ["not", "a", "dict"],
        {"id": "number", "body": 5},
        {"id": "odd", "body": SALES, "date": object()},
        {"id": "late", "body": SALES, "date": "someday"},
        good,
    ]
    got = list(claimcheck.check_many(records))
    assert [a["id"] for a in got] == ["good", "nobody", "<records>:3", "number", "odd", "late", "good"]
    assert got[0]["error"] is None and got[0]["findings"] and got[0]["line"] == 1
    assert got[-1]["line"] == 7 and {**got[-1], "line": 1} == got[0]
    assert got[1]["error"] == "<records>:2:1: record has no `body`" and got[1]["line"] == 2
    assert "a record must be a dict" in got[2]["error"]
    assert "`body` must be a string" in got[3]["error"]
    assert "`date` is a object, which has no JSON form" in got[4]["error"]
    # An unreadable date is what audit makes of it: kept in meta, the article still checked.
    assert got[5]["error"] is None and got[5]["meta"] == {"date": "someday"}
    for bad in got[1:5]:
        assert bad["claims"] == [] and bad["findings"] == []


def test_check_many_rejects_bad_arguments():
    with pytest.raises(ValueError, match="jobs"):
        claimcheck.check_many([], jobs=0)
    with pytest.raises(TypeError):
        claimcheck.check_many(5)
