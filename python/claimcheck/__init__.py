"""claimcheck: checks the numbers in news articles, from Python.

The functions run claimcheck's Rust core (the same pipeline as the ``claimcheck`` command)
and return the objects of its JSON output contract (docs/output.md) as dicts:

- ``check(text, *, date=None, title=None, lang="en", registry=None)``: one article.
- ``extract(text, ...)``: its claims and every numeric mention, no rules.
- ``Registry(path)``: a claim registry, loaded once, immutable, shared between threads.
- ``check_many(records, *, jobs=None, registry=None)``: many articles on Rust threads, in order.

``claimcheck.pandas.findings`` gives a DataFrame of findings (``pip install claimcheck[pandas]``)
and ``claimcheck.spark`` runs the checks inside Spark (``claimcheck[spark]``).
"""

from ._claimcheck import (
    CheckMany,
    Registry,
    RegistryError,
    check,
    check_many,
    extract,
)

__all__ = ["check", "extract", "check_many", "Registry", "RegistryError", "CheckMany"]
