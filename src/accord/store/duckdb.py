"""The embedded DuckDB backend (the default): one file, one writing process.

DuckDB lets one process at a time open a file to write (a writer also blocks readers in other
processes), so `accord ingest --workers N` codes in N processes and writes from one.

Speed: a DuckDB commit that writes rows costs a few milliseconds of CPU whatever the row count,
and each bulk insert about one more, so `ingest` (one transaction per article) runs at roughly
8-10 ms an article on a small machine, while `ingest_many` (many articles a transaction, same
all-or-nothing guarantee per article) runs at well under 1 ms. Prefer `ingest_many` for streams.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import duckdb

from ..config import setting
from .base import Store
from .rows import ACTOR_TABLE_COLUMNS
from .migrations import StoreError


# See `DuckDBStore.__init__`: above this many values a table scan costs less than index probes
# on a store of a few hundred thousand reports (bench figures in the commit adding it).
INDEX_PROBES = 400

# DuckDB writes the write-ahead log into the database file (a checkpoint) once the log passes
# this size, inside the COMMIT that passes it; each checkpoint rewrites the touched tables' and
# indexes' storage, a cost that grows with the store. At DuckDB's default (16 MiB, about 1,000
# articles of `accord ingest`) checkpoints were most of the commit's cost and its growth
# (bench_store_replay, 5,000 articles: 8 checkpoints, 1.7-1.8 s of 3.0-3.1 s of COMMIT CPU; commit
# 0.12 -> 0.82-0.94 ms an article first / last 1,000; at 256 MB: none, 1.4 s, 0.14 -> 0.30).
# A crash loses nothing either way (each COMMIT is in the log on disk); it costs replaying the
# log on the next open (1.2 s of CPU for the 80 MB of those 5,000 articles) and memory for the
# data not yet checkpointed (peak RSS +60 MB at 80 MB; a 5,000-article single-process ingest
# peaked at 956 MB at 256 MB, 911 MB at 64 MB: bench_happenings --only on, 2026-12-08). So the
# default is 64 MB (about 4,000 articles of log, some 1 s to replay): 256 MB of log (about 16,000
# articles) would take the process past issue 16's 1 GiB. The store checkpoints when closed
# (DuckDB's shutdown; 0.55 s at 80 MB), so an ingest that ends leaves no log. The setting
# `duckdb_checkpoint_threshold` (config file) or `$ACCORD_DUCKDB_CHECKPOINT` overrides it (a
# DuckDB size: "16MiB", "1GB").
CHECKPOINT_THRESHOLD = "64MB"


class DuckDBStore(Store):
    """An Accord database file (or `":memory:"`)."""

    backend = "duckdb"
    # A join probes the index only up to `dynamic_or_filter_threshold` values (see `__init__`,
    # `_probing`); above `index_scan_max_count` (2,048) rows found DuckDB scans anyway.
    probe_keys = 2048
    # The happening-key query (`Clusters._candidate_classes`): a scan of `happening_keys` costs
    # about 0.07 µs a row, an index probe about 6 µs a key looked up and 12 µs a row fetched (a
    # 50-article group: 742 keys, 1,738 rows fetched; scan 7.7 / 12.7 / 33 / 82 ms at 11,000 /
    # 55,000 / 273,000 / 1,093,000 rows, probe 15 / 22 / 43-47 / 43 ms): the probe pays past
    # some 600 rows a key.
    scan_rows_per_key = 600

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        super().__init__(str(path), read_only=read_only)
        self.path = self.target
        in_memory = self.path == ":memory:"
        if not in_memory and not read_only:
            Path(self.path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        location = self.path if in_memory else str(Path(self.path).expanduser())
        try:
            self._con: duckdb.DuckDBPyConnection | None = duckdb.connect(
                location, read_only=read_only
            )
        except duckdb.IOException as exc:
            # Usually the lock: another process (an `accord` run, a notebook) has it open.
            raise StoreError(f"cannot open the Accord database {self.path}: {exc}") from exc
        # A join or an `= ANY(?)` list of up to this many values probes the indexes (the
        # default, 50, scans the whole table: the reports clustering reads and refiles by id,
        # a few hundred a group, then cost in proportion to the store's size). GLOBAL: the
        # readers (cursors) are sessions of their own.
        self._con.execute(f"SET GLOBAL dynamic_or_filter_threshold = {INDEX_PROBES}")
        self._appenders: dict[tuple[str, str], Any] = {}
        self._actor_keys: set[str] | None = None  # keys in `actors`, loaded on first ingest
        if not read_only and not in_memory:
            threshold = setting("duckdb_checkpoint_threshold", "ACCORD_DUCKDB_CHECKPOINT",
                                CHECKPOINT_THRESHOLD)
            try:
                self._con.execute("SET checkpoint_threshold = '" + str(threshold).replace("'", "''") + "'")
            except duckdb.Error as exc:
                self.close()
                raise StoreError(f"duckdb_checkpoint_threshold {threshold!r}: {exc}") from exc
        try:
            if self._migrate() and not read_only and not in_memory:
                # The new schema goes into the database file: the write-ahead log then holds
                # only articles, and a database killed before its first commit is just empty.
                self._con.execute("CHECKPOINT")
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        # Appenders are flushed after every write, so dropping them loses nothing.
        self._appenders.clear()
        self._close_readers()
        if self._con is not None:
            self._con.close()
            self._con = None

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The underlying connection, for ad-hoc SQL (`accord sql`, notebooks)."""
        if self._con is None:
            raise StoreError("the store is closed")
        return self._con

    # -- primitives -----------------------------------------------------------------------------

    def _open_reader(self) -> Any:
        # A DuckDB cursor is a connection of its own to the same database: it sees every commit.
        return self.con.cursor()

    def _fetch(self, sql: str, params: Sequence[Any] | None = None) -> tuple[list[str], list[tuple]]:
        cursor = self._reader().execute(sql, list(params) if params else None)
        if not cursor.description:
            return [], []
        return [d[0] for d in cursor.description], cursor.fetchall()

    def _query(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple]:
        cursor = self._reader().execute(sql, list(params) if params else None)
        try:
            return cursor.fetchall()
        except duckdb.InvalidInputException:
            return []  # a statement without a result set

    _rows = _query

    def _probing(self, sql: str, params: Sequence[Any], values: int) -> list[tuple]:
        # The session's threshold raised for this statement alone (a SET and a RESET cost 0.2 ms;
        # a group's 1,850 LSH keys in one statement 10.5 ms against 19 ms in five of 400).
        # RESET returns to the GLOBAL value; should it fail (a transaction already aborted by
        # the statement's error), the next probe sets and resets it again.
        self._query(f"SET dynamic_or_filter_threshold = {max(int(values), INDEX_PROBES)}")
        try:
            return self._query(sql, params)
        finally:
            try:
                self._query("RESET dynamic_or_filter_threshold")
            except duckdb.Error:
                pass

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self.con.executemany(sql, [list(r) for r in rows])

    def _execute(self, sql: str, params: Sequence[Any] | None = None) -> None:
        self.con.execute(sql, list(params) if params else None)

    def _execute_script(self, sql: str) -> None:
        self.con.execute(sql)

    def _table_names(self) -> set[str]:
        return {
            row[0]
            for row in self.con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
                "AND schema_name = 'main'"
            ).fetchall()
        }

    def query_arrow(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        relation = self._reader().sql(sql, params=list(params) if params else None)
        return relation.to_arrow_table() if relation is not None else None

    def _write_key(self) -> str:
        # One file may be opened by several stores of this process (DuckDB shares it between
        # them); each in-memory database is a store's own.
        if self.path == ":memory:":
            return f"memory:{id(self)}"
        return "duckdb:" + str(Path(self.path).expanduser().resolve())

    def _is_interruption(self, exc: Exception) -> bool:
        # DuckDB turns the SIGINT it notices during a query into an error of its own.
        return isinstance(exc, duckdb.InterruptException) or (
            type(exc) is RuntimeError and str(exc) == "Query interrupted")

    def write_alone(self) -> None:
        # DuckDB runs each statement on a pool of threads (one per core by default); for an
        # ingest's small statements the others only add scheduling work: about 0.7 ms of CPU
        # per article on 300 articles (bench/bench_writer_cpu.py), taken from the workers.
        self.con.execute("SET threads = 1")

    def _forget_cached_state(self) -> None:
        # A failed flush can leave an appender unusable or holding rows: start afresh.
        self._appenders.clear()
        self._actor_keys = None

    def _appender(self, table: str, columns: list[str], action: str = "insert") -> Any:
        # Appenders buffer rows and insert them with one statement per flush, inside the open
        # transaction: far faster than per-row INSERTs or executemany. They are kept across
        # ingests because creating one costs about as much as flushing a few rows.
        key = (table, action)
        appender = self._appenders.get(key)
        if appender is None:
            appender = self.con.appender(table, columns=columns, action=action)
            self._appenders[key] = appender
        return appender

    def _append(self, table: str, columns: list[str], rows: list[tuple[Any, ...]],
                action: str = "insert") -> None:
        if not rows:
            return
        appender = self._appender(table, columns, action)
        appender.append_rows(rows)
        appender.flush()

    def _insert_new_actors(self, rows: list[tuple[Any, ...]]) -> None:
        if self._actor_keys is None:
            # Cached so the common case (all actors known) costs no statement at all.
            self._actor_keys = {r[0] for r in self.con.execute("SELECT key FROM actors").fetchall()}
        new = [row for row in rows if row[0] not in self._actor_keys]
        # Upsert rather than insert in case another connection added one meanwhile.
        self._append("actors", ACTOR_TABLE_COLUMNS, new, action="upsert")
        # If the transaction rolls back, `transaction()` forgets this cache.
        self._actor_keys.update(row[0] for row in new)
