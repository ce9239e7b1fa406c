"""Shared fixtures: where ../shared is, the founding article, and one spaCy pipeline per session."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from importlib.resources import files
from pathlib import Path

import pytest

# The tests never read the developer's own configuration or actor files: an empty config and an
# empty actor folder for the whole run, set before anything loads settings.
# Each process (pytest, each xdist worker) makes its own and removes it when it ends
# (`pytest_unconfigure`; atexit as well, for a process that ends otherwise). Other throwaway
# folders made outside pytest's tmp_path go under it (`scratch_folder`).
_ISOLATION = Path(tempfile.mkdtemp(prefix="accord-tests-"))
atexit.register(shutil.rmtree, _ISOLATION, ignore_errors=True)
os.environ["ACCORD_CONFIG"] = str(_ISOLATION / "config.toml")
os.environ["ACCORD_ACTOR_DIR"] = str(_ISOLATION / "actors")
os.environ.pop("ACCORD_DB", None)
os.environ.pop("ACCORD_SPACY_MODEL", None)
# Nor the width of a terminal (pytest-xdist's workers have COLUMNS=80): rich fixes a console's
# width when it is made, at import, if COLUMNS is set; a command run in this process
# (test_cli.invoke) gets the width its test gives it, as a subprocess does.
os.environ.pop("COLUMNS", None)

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLE_NAME = "xi-putin-video-call-2026-02-04.txt"


# ---------------------------------------------------------------------------------------------
# Balancing `make test` (`-n 2 --dist loadfile`): each file runs whole on one worker, and the run
# lasts as long as the busiest worker. pytest-xdist hands files out by their number of tests, most
# first, which leaves the long files with few tests (the subprocess fault and CLI tests) to the
# end, where one of them can keep a worker busy long after the other has finished. Files are
# handed out in collection order instead, and that order starts with the slowest files, longest
# first (the classic greedy balance); all other files follow in their usual order. Seconds per
# file (setup, call and teardown summed) from `pytest -n 2 --dist loadfile --durations=0` at
# 75247bc on 2026-12-07, a shared machine whose load fell from 11 to 1 during the run (19:22
# wall, 2,118 s of tests; only the order matters); measure again when a file grows a lot.
SLOWEST_FIRST = (
    "test_faults.py",          # 586  (each fault: an ingest with two workers, then a re-run)
    "test_equivalence.py",     # 254  (one Spark job on local[2], two workers, PostgreSQL)
    "test_cli_desk.py",        # 230  (the desk store coded, `accord serve`)
    "test_cli.py",             # 164  (extract and ingest runs as processes)
    "test_cli_eval.py",        # 152  (the whole `accord eval events` run)
    "test_workers.py",         # 95
    "test_actors_cli.py",      # 89
    "test_cli_inputs.py",      # 89
    "test_happenings_cli.py",  # 48
    "test_places.py",          # 48
    "test_store.py",           # 39
    "test_fetch.py",           # 36
    "test_browser.py",         # 26
    "test_verbs.py",           # 22
    "test_service.py",         # 21
    "test_quote_eval.py",      # 21
    "test_pipeline.py",        # 20
    "test_clustering.py",      # 20
)


def pytest_configure(config) -> None:
    if hasattr(config.option, "loadscopereorder"):  # pytest-xdist present
        config.option.loadscopereorder = False


def pytest_unconfigure(config) -> None:
    shutil.rmtree(_ISOLATION, ignore_errors=True)


def scratch_folder(prefix: str) -> Path:
    """A new folder for files made outside a test (at collection), removed with this process's
    isolation folder when the run ends."""
    return Path(tempfile.mkdtemp(prefix=prefix, dir=_ISOLATION))


def pytest_collection_modifyitems(session, config, items) -> None:
    rank = {name: n for n, name in enumerate(SLOWEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: a file's tests keep their order


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared not found at {SHARED} (needs {'/'.join(parts)})")
    return path


@pytest.fixture(scope="session")
def example_path() -> Path:
    return Path(str(files("accord").joinpath("resources", "examples", EXAMPLE_NAME)))


@pytest.fixture(scope="session")
def nlp():
    from accord.analysis import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def founding(example_path, nlp):
    """The founding article through the whole pipeline (the parse kept for stage tests), every
    candidate event kept (confidence threshold 0): these tests test what the coder codes; what the
    default record policy keeps of it is measured by `accord eval events` (founding article row)."""
    from accord.events.policy import RecordPolicy
    from accord.pipeline import Pipeline
    from accord.readers import read_inputs

    pipeline = Pipeline.default(nlp, policy=RecordPolicy(min_confidence=0.0))
    [article] = list(read_inputs([example_path]))
    document = next(pipeline.parse.process([__import__("accord").Document(article)]))
    for stage in pipeline.stages:
        stage.process_document(document)
    return document


@pytest.fixture(scope="session")
def desk_db(request, tmp_path_factory):
    """A DuckDB file of real articles coded by the real pipeline (tests/desk_corpus.py),
    built once per run: under pytest-xdist the first worker to need it builds it in the run's
    own folder and the others wait for it and read the same file. Tests only read it (copy it to
    write), and DuckDB lets any number of processes read one file."""
    import fcntl

    shared_path("data", "wikievents")
    shared_path("data", "wikinews", "wikinews_2019.csv")
    from desk_corpus import build

    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # this run's folder, which its workers share (popen-gw0, popen-gw1, ...)
    folder = root / "desk-shared"
    folder.mkdir(exist_ok=True)
    db = folder / "desk.duckdb"
    with open(folder / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not (folder / "built").exists():
            for leftover in folder.glob("desk.duckdb*"):  # what a failed build left
                leftover.unlink()
            build(db, request.getfixturevalue("nlp"))
            (folder / "built").touch()
    return db


# ---------------------------------------------------------------------------------------------
# PostgreSQL: one private cluster per test session (tests/pgcluster.py), a fresh database per test.


def needs(what: str, reason: str) -> None:
    """Skip for a missing system dependency (a browser, PostgreSQL, Java) - but fail in CI,
    which is set up to have them all (`.ci/run`)."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} is required when CI is set: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_cluster():
    from pgcluster import PostgresCluster, find_bindir

    if find_bindir() is None:
        needs("PostgreSQL", "no PostgreSQL server binaries (initdb) in /usr/lib/postgresql/*/bin "
              "or $ACCORD_PG_BINDIR; install Debian's postgresql package")
    cluster = PostgresCluster.start_new({"fsync": "off", "full_page_writes": "off"})
    yield cluster
    cluster.remove()


@pytest.fixture
def pg_url(postgres_cluster, request):
    """A new, empty database in the session's cluster: its postgresql:// URL."""
    import re
    import uuid

    name = re.sub(r"[^a-z0-9]+", "_", request.node.name.lower())[:40] + "_" + uuid.uuid4().hex[:6]
    return postgres_cluster.create_database(name)
