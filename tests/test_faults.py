"""Faults during `accord ingest`: kill -9 of a worker, of the writer, of the whole command; Ctrl-C;
PostgreSQL restarted mid-ingest. After each, the store opens cleanly and a re-run of the same
command completes the batch: no article lost, none stored twice, the same records as a run that
was never disturbed.

Every wait is for an event (a worker process appears, a commit reaches the database), never for a
fixed time; the timeouts only bound a hung run.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from accord.store import open_store

from conftest import shared_path
from test_equivalence import snapshot

pytestmark = [pytest.mark.slow, pytest.mark.cli]

# Enough articles that every fault strikes with several chunks of work (8 articles a chunk, see
# accord.workers) and batches (3 articles) still to come; more would only repeat the same coding.
N_ARTICLES = 40
BATCH = ["--batch-size", "3"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """40 distinct articles of real news (Wikinews 2019 and WikiEvents). Each text is its own
    story: repeated texts would be near-copies, linked without being coded. Of Wikinews 2019 only
    the development parts (A, C, D: row i with i % 6 in 0, 1, 4) are read; held-out and untouched
    parts are never run through Accord."""
    texts = [row["text"] for i, row in enumerate(csv.DictReader(
        shared_path("data", "wikinews", "wikinews_2019.csv").open(encoding="utf-8"))) if i % 6 in (0, 1, 4)]
    for name in ("dev.jsonl", "test.jsonl"):
        for line in shared_path("data", "wikievents", name).open(encoding="utf-8"):
            obj = json.loads(line)
            texts.append(obj.get("text") or " ".join(obj["tokens"]))
    path = tmp_path_factory.mktemp("faults") / "news.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for n in range(N_ARTICLES):
            text = texts[n * len(texts) // N_ARTICLES][:3000]  # spread over both sources
            fh.write(json.dumps({"id": f"a{n:02d}", "text": text, "date": "2022-06-01"}) + "\n")
    return path


def _as_from_a_terminal() -> None:
    # A test runner's worker may ignore SIGINT, and an ignored signal stays ignored in its
    # children; a command started from a shell has the default.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def accord(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "accord.cli.main", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, preexec_fn=_as_from_a_terminal, **kwargs)


def finish(proc: subprocess.Popen, timeout: float = 900) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    """The undisturbed run (one process), to compare every recovered store with: the same
    command in this process (test_cli.invoke), whose model is loaded already; that one process
    and worker processes store the same is test_equivalence's business."""
    from test_cli import invoke

    folder = tmp_path_factory.mktemp("reference")
    db = folder / "ref.duckdb"
    proc = invoke(["ingest", corpus, "--db", db, "--workers", "0", "-q"], folder)
    assert proc.returncode == 0, proc.stderr.decode()
    return snapshot(str(db))


def children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie has exited
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_for(condition, proc: subprocess.Popen, what: str, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if proc.poll() is not None:
            pytest.fail(f"the command ended before {what}: {proc.stderr.read()}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"timed out waiting until {what}")
        time.sleep(0.1)


def workers_of(proc: subprocess.Popen) -> list[int]:
    """The coding workers (spawned processes), not multiprocessing's resource tracker."""
    found = []
    for pid in children(proc.pid):
        try:
            if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes():
                found.append(pid)
        except OSError:  # it ended meanwhile
            pass
    return found


def committed(db: Path) -> bool:
    """An article's batch reached the file: DuckDB appends every commit to its write-ahead log,
    whose rows hold the article ids ("a00" ...). The schema's own commit, while the store
    opens, is checkpointed away and names no article."""
    wal = db.with_name(db.name + ".wal")
    try:
        data = wal.read_bytes()
    except FileNotFoundError:
        return False
    return any(f"a{n:02d}".encode() in data for n in range(N_ARTICLES))


def rerun_completes(corpus: Path, target: str, reference, tmp_path: Path) -> None:
    """The same command again, run in this process (test_cli.invoke: it spares the start of a
    process that imports Accord; its two workers are processes as before). The faults strike
    the command run as a process; what the re-run finds and does is what is tested here."""
    from test_cli import invoke

    proc = invoke(["ingest", corpus, "--db", target, "--workers", "2", *BATCH], tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    with open_store(target, read_only=True) as store:
        assert store.counts()["articles"] == N_ARTICLES
    assert snapshot(target) == reference


def test_a_killed_worker_loses_nothing(corpus, reference, tmp_path):
    db = tmp_path / "a.duckdb"
    proc = accord("ingest", str(corpus), "--db", str(db), "--workers", "2", *BATCH)
    wait_for(lambda: len(workers_of(proc)) == 2 and committed(db), proc, "two workers code and a batch is committed")
    victim = workers_of(proc)[0]
    os.kill(victim, signal.SIGKILL)
    code, out, err = finish(proc)
    assert code == 0, err  # the worker was replaced and its articles coded again
    with open_store(str(db), read_only=True) as store:
        assert store.counts()["articles"] == N_ARTICLES
    assert snapshot(str(db)) == reference
    rerun_completes(corpus, str(db), reference, tmp_path)  # and a re-run finds everything there


@pytest.mark.parametrize("whole", [False, True], ids=["the writer", "the whole command"])
def test_killing_the_writer_or_the_command_then_rerunning_completes_the_batch(corpus, reference,
                                                                              tmp_path, whole):
    db = tmp_path / "b.duckdb"
    proc = accord("ingest", str(corpus), "--db", str(db), "--workers", "2", *BATCH)
    wait_for(lambda: len(workers_of(proc)) == 2 and committed(db), proc, "a batch is committed")
    workers = workers_of(proc)
    if whole:
        os.killpg(proc.pid, signal.SIGKILL)
    else:
        os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    # Orphaned workers notice their writer is gone and exit.
    deadline = time.monotonic() + 120
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(alive(pid) for pid in workers)
    with open_store(str(db)) as store:  # opens cleanly: the log of committed batches replays
        stored = store.counts()["articles"]
    assert 0 < stored <= N_ARTICLES
    rerun_completes(corpus, str(db), reference, tmp_path)


def test_ctrl_c_stops_cleanly_and_a_rerun_completes(corpus, reference, tmp_path):
    db = tmp_path / "c.duckdb"
    proc = accord("ingest", str(corpus), "--db", str(db), "--workers", "2", *BATCH)
    wait_for(lambda: len(workers_of(proc)) == 2 and committed(db), proc, "a batch is committed")
    workers = workers_of(proc)
    os.killpg(proc.pid, signal.SIGINT)  # what the terminal sends the foreground group
    code, out, err = finish(proc, timeout=120)
    assert code == 130, (out, err)
    assert "interrupted" in err and "run the same command again" in err
    assert "Traceback" not in err
    assert not any(alive(pid) for pid in workers)
    rerun_completes(corpus, str(db), reference, tmp_path)


def test_ctrl_c_in_one_process_stops_cleanly_and_a_rerun_completes(corpus, reference, tmp_path):
    """`--workers 0`: this process codes and a thread of its own writes; Ctrl-C lets the batch
    being written finish (commit or roll back) and stops the writing thread before exiting."""
    db = tmp_path / "c0.duckdb"
    proc = accord("ingest", str(corpus), "--db", str(db), "--workers", "0", *BATCH)
    wait_for(lambda: committed(db), proc, "a batch is committed")
    os.killpg(proc.pid, signal.SIGINT)
    code, out, err = finish(proc, timeout=120)
    assert code == 130, (out, err)
    assert "interrupted" in err and "run the same command again" in err
    assert "Traceback" not in err
    rerun_completes(corpus, str(db), reference, tmp_path)


@pytest.mark.postgres
def test_postgres_restarted_mid_ingest_is_reported_and_a_rerun_completes(corpus, reference,
                                                                         postgres_cluster, tmp_path):
    url = postgres_cluster.create_database("restarted_mid_ingest")

    def stored() -> int:
        try:
            with open_store(url, read_only=True) as store:
                return store.counts()["articles"]
        except Exception:
            return 0

    proc = accord("ingest", str(corpus), "--db", url, "--workers", "2", *BATCH)
    wait_for(lambda: stored() > 0, proc, "a batch is committed")
    postgres_cluster.restart("fast")  # ends every connection, as a server restart does
    code, out, err = finish(proc)
    assert code == 3, err
    assert "the database stopped answering" in err and "run the same command again" in err
    assert "Traceback" not in err
    rerun_completes(corpus, url, reference, tmp_path)
