"""Type stubs of the native module (the PyO3 bindings of claimcheck's Rust core)."""

import datetime
import os
from typing import Any, Iterable, Iterator, Mapping, Optional, Sequence, Union

PathLike = Union[str, "os.PathLike[str]"]
RegistryArg = Union["Registry", PathLike, None]
DateArg = Union[str, datetime.date, None]

class RegistryError(ValueError):
    """The claim registry cannot be read.

    ``problems`` lists each problem as a dict with ``kind``, ``path``, ``line``, ``column``
    (1-based; 0 when unknown) and ``message``; ``str(error)`` lists them as
    ``path:line:column: message``.
    """

    problems: list[dict[str, Any]]

class Registry:
    """A claim registry (``claims/*.yaml``), loaded and validated once.

    Immutable and safe to share between threads. Pickling carries the texts of its files, so
    a copy (a Spark broadcast) never reads the file system.
    """

    def __init__(self, path: Union[PathLike, Sequence[PathLike]]) -> None:
        """Loads every ``*.yaml`` / ``*.yml`` file under ``path`` (a file, a folder, or a list).

        Raises ``RegistryError`` naming each problem's file:line:column.
        """
    @property
    def paths(self) -> list[str]:
        """The paths the registry was loaded from, as given."""
    @property
    def files(self) -> int:
        """The number of registry files read."""
    @property
    def facts(self) -> list[str]:
        """The ids of the facts, stated and implied."""

def check(
    text: str,
    *,
    date: DateArg = None,
    title: Optional[str] = None,
    lang: Optional[str] = "en",
    registry: RegistryArg = None,
    id: Optional[str] = None,
    source: Optional[str] = None,
) -> dict[str, Any]:
    """Checks one article; returns its article object of the JSON output contract.

    Exactly what ``claimcheck check --format json`` writes for the article: ``id``,
    ``source``, ``date``, ``title``, ``claims``, ``findings``, ``error`` (and ``suppressed``).
    ``text`` may start with YAML front matter; ``date``, ``title`` and ``lang`` take its
    place when given. ``id`` and ``source`` default to ``"text"`` and ``"<text>"``. A bad
    ``date`` or ``lang``, or broken front matter, raises ``ValueError`` naming the argument.
    """

def extract(
    text: str,
    *,
    date: DateArg = None,
    title: Optional[str] = None,
    lang: Optional[str] = "en",
    registry: RegistryArg = None,
    id: Optional[str] = None,
    source: Optional[str] = None,
) -> dict[str, Any]:
    """Like ``check``, as ``claimcheck extract --format json``: adds ``mentions``, runs no rules."""

class CheckMany(Iterator[dict[str, Any]]):
    """The iterator ``check_many`` returns."""

    def __iter__(self) -> "CheckMany": ...
    def __next__(self) -> dict[str, Any]: ...

def check_many(
    records: Iterable[Mapping[str, Any]],
    *,
    jobs: Optional[int] = None,
    registry: RegistryArg = None,
) -> CheckMany:
    """Checks many articles on Rust threads (GIL released); yields article objects in order.

    Each record is a dict with ``id`` and ``body`` and optionally ``title``, ``date`` and
    ``lang``; other fields are carried through. A bad record yields an object whose ``error``
    names the field (as ``claimcheck audit`` writes it) and the run goes on.
    """

def _check_columns(
    ids: Sequence[Optional[str]],
    bodies: Sequence[Optional[str]],
    titles: Sequence[Optional[str]],
    dates: Sequence[Optional[str]],
    *,
    source: str,
    registry: RegistryArg = None,
    jobs: int = 1,
    rows: bool = False,
) -> Union[bytes, tuple[list[Any], ...]]: ...
def _check_lines(
    lines: Sequence[Optional[str]],
    *,
    source: str,
    first_line: int = 1,
    registry: RegistryArg = None,
    jobs: int = 1,
    rows: bool = False,
) -> Union[bytes, tuple[list[Any], ...]]: ...
