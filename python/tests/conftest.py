"""Shared fixtures: the repository, the release binary the CLI tests compare with, the corpus."""

import json
import os
import pathlib
import shutil
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus" / "reuters21578.jsonl"


def binary() -> pathlib.Path:
    """The claimcheck binary: $CLAIMCHECK_BIN, else the repository's release build."""
    given = os.environ.get("CLAIMCHECK_BIN")
    path = pathlib.Path(given) if given else REPO / "target" / "release" / "claimcheck"
    if not path.exists():
        raise RuntimeError(f"{path} is missing: run `cargo build --release` first (scripts/test does)")
    return path


def run_cli(*args: str, cwd=REPO) -> subprocess.CompletedProcess:
    return subprocess.run([str(binary()), *args], cwd=cwd, capture_output=True, text=True, check=False)


def audit_lines(path) -> list:
    """`claimcheck audit PATH` (no registry): its NDJSON objects."""
    done = run_cli("audit", str(path), "--no-registry", "-q", "--fail-on", "never")
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


@pytest.fixture(scope="session")
def registry():
    """claims/ loaded as the CLI loads it in the repository: named `claims` (the notes of a
    registry-mismatch finding name the file as the registry path was given)."""
    import claimcheck

    here = os.getcwd()
    os.chdir(REPO)
    try:
        return claimcheck.Registry("claims")
    finally:
        os.chdir(here)


@pytest.fixture(scope="session")
def corpus():
    if not CORPUS.exists():
        pytest.skip(f"the Reuters corpus is absent ({CORPUS}): corpus tests skipped")
    return CORPUS


@pytest.fixture(scope="session")
def spark():
    """A local[2] Spark session (pyspark from PyPI and the machine's Java)."""
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        raise RuntimeError("Spark tests need Java (17+): `.ci/run` installs a headless JRE")
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("claimcheck-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
