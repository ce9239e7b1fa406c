"""The PostgreSQL backend (psycopg 3): one database that many ingests and servers share.

    open_store("postgresql://accord@db.example.org:5432/news")

The database must exist; Accord creates its tables there (the same schema as DuckDB, from
`migrations/postgres/`). Several processes may ingest into one database at once: each writing
transaction first takes one advisory lock, so their decisions (stored, duplicate, updated) see
each other's commits, while readers never wait. Rows go in with COPY, one per table per batch.

A lost connection (the server restarted or went away) raises `StoreUnavailable`: the batch
being written is rolled back by the server, everything committed before it stays, and running
the same ingest again completes the work.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Sequence
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pyarrow as pa
from psycopg import errors as pg_errors
from psycopg.types.numeric import FloatLoader

from .base import Store, StoreUnavailable
from .migrations import StoreError

# pg_advisory_*lock keys: any constants, as long as every Accord process uses the same.
_WRITE_LOCK = 0x41434344  # "ACCD": one writing transaction at a time
_MIGRATE_LOCK = 0x4143434D  # "ACCM": one process migrating at a time

_CONNECTION_LOST = (pg_errors.AdminShutdown, pg_errors.CrashShutdown, pg_errors.CannotConnectNow)


@lru_cache(maxsize=512)
def to_pyformat(sql: str) -> str:
    """`?` placeholders to psycopg's `%s`; a literal `%` becomes `%%` (psycopg reads every `%`).

    A `?` inside a quoted string, a quoted name or a comment stays as it is.
    """
    out: list[str] = []
    i, n = 0, len(sql)
    while i < n:
        c = sql[i]
        if c in ("'", '"'):
            j = i + 1
            while j < n:
                if sql[j] == c:
                    if j + 1 < n and sql[j + 1] == c:  # '' or "" inside: an escaped quote
                        j += 2
                        continue
                    break
                j += 1
            out.append(sql[i:j + 1].replace("%", "%%"))
            i = j + 1
        elif sql.startswith("--", i):
            j = sql.find("\n", i)
            j = n if j < 0 else j
            out.append(sql[i:j].replace("%", "%%"))
            i = j
        elif c == "?":
            out.append("%s")
            i += 1
        elif c == "%":
            out.append("%%")
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def safe_url(url: str) -> str:
    """The URL with its password hidden, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


class PostgresStore(Store):
    backend = "postgres"

    def __init__(self, url: str, *, read_only: bool = False, connect_timeout: int = 10) -> None:
        super().__init__(url, read_only=read_only)
        try:
            self._con: psycopg.Connection | None = psycopg.connect(
                url, autocommit=True, connect_timeout=connect_timeout, application_name="accord")
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to the Accord database {self.describe()}: "
                             f"{str(exc).strip()}") from exc
        # Sums and averages come back as float, as they do from DuckDB, not Decimal.
        self._con.adapters.register_loader("numeric", FloatLoader)
        try:
            if read_only:
                self._execute("SET default_transaction_read_only = on")
            self._execute("SELECT pg_advisory_lock(?)", [_MIGRATE_LOCK])
            try:
                self._migrate()
            finally:
                self._execute("SELECT pg_advisory_unlock(?)", [_MIGRATE_LOCK])
        except BaseException:
            self.close()
            raise

    def describe(self) -> str:
        return safe_url(self.target)

    def close(self) -> None:
        self._close_readers()
        if self._con is not None:
            self._con.close()
            self._con = None

    @property
    def con(self) -> psycopg.Connection:
        """The underlying psycopg connection (autocommit; `transaction()` opens transactions)."""
        if self._con is None:
            raise StoreError("the store is closed")
        return self._con

    # -- primitives -----------------------------------------------------------------------------

    def _fail(self, exc: Exception) -> Exception:
        """Turn a lost connection into StoreUnavailable; other errors stay as they are."""
        con = self._con
        if isinstance(exc, _CONNECTION_LOST) or (
                isinstance(exc, psycopg.OperationalError) and (con is None or con.broken)):
            return StoreUnavailable(
                f"the PostgreSQL database {self.describe()} went away: {str(exc).strip()}")
        return exc

    def _open_reader(self) -> Any:
        reader = psycopg.connect(self.target, autocommit=True, application_name="accord")
        reader.adapters.register_loader("numeric", FloatLoader)
        if self.read_only:
            reader.execute("SET default_transaction_read_only = on")
        return reader

    def _fetch(self, sql: str, params: Sequence[Any] | None = None) -> tuple[list[str], list[tuple]]:
        try:
            with self._reader().cursor() as cur:
                cur.execute(to_pyformat(sql), list(params) if params else None)
                if cur.description is None:
                    return [], []
                return [d.name for d in cur.description], cur.fetchall()
        except psycopg.Error as exc:
            raise self._fail(exc) from exc

    def _execute(self, sql: str, params: Sequence[Any] | None = None) -> None:
        try:
            self.con.execute(to_pyformat(sql), list(params) if params else None)
        except psycopg.Error as exc:
            raise self._fail(exc) from exc

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        try:
            with self.con.cursor() as cur:
                cur.executemany(to_pyformat(sql), [list(r) for r in rows])
        except psycopg.Error as exc:
            raise self._fail(exc) from exc

    def _execute_script(self, sql: str) -> None:
        try:
            # Without parameters psycopg sends the text as one simple query: several statements.
            self.con.execute(sql.encode("utf-8"))
        except psycopg.Error as exc:
            raise self._fail(exc) from exc

    def _table_names(self) -> set[str]:
        return {r[0] for r in self._rows(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}

    def _happening_stamps(self) -> Any:
        # A row's xmin is the transaction that wrote it: every writer rewrites a happening's row
        # when its members change, so kept members are checked against it (other processes).
        def stamps(ids: Sequence[str]) -> dict[str, str]:
            return dict(self._query("SELECT id, xmin::text FROM happenings WHERE id = ANY(?)",
                                    [list(ids)]))
        return stamps

    def _transaction_stamp(self) -> str | None:
        # xmin holds the low 32 bits of the transaction id txid_current() gives with its epoch.
        return str(self._query("SELECT mod(txid_current(), 4294967296)")[0][0])

    def _lock_for_writing(self) -> None:
        self._execute("SELECT pg_advisory_xact_lock(?)", [_WRITE_LOCK])

    def _append(self, table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        try:
            with self.con.cursor() as cur:
                # Names are the constant column lists of rows.py, never input.
                with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
        except psycopg.Error as exc:
            raise self._fail(exc) from exc

    def _insert_new_actors(self, rows: list[tuple[Any, ...]]) -> None:
        try:
            with self.con.cursor() as cur:
                cur.executemany(
                    "INSERT INTO actors (key, code, name, country, sector) "
                    "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (key) DO NOTHING", rows)
        except psycopg.Error as exc:
            raise self._fail(exc) from exc

    def query_arrow(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        try:
            with self._reader().cursor() as cur:
                cur.execute(to_pyformat(sql), list(params) if params else None)
                description = cur.description or []
                rows = cur.fetchall() if description else []
        except psycopg.Error as exc:
            raise self._fail(exc) from exc
        arrays, names = [], []
        for i, column in enumerate(description):
            values = [row[i] for row in rows]
            arrays.append(pa.array(values, type=_ARROW_TYPES.get(column.type_code)))
            names.append(column.name)
        return pa.table(arrays, names=names) if names else pa.table({})


# PostgreSQL type OIDs -> the Arrow types DuckDB gives for the same columns, so that
# `query_arrow` returns the same schema from either backend.
_ARROW_TYPES: dict[int, Any] = {
    16: pa.bool_(), 20: pa.int64(), 21: pa.int16(), 23: pa.int32(), 25: pa.string(),
    1043: pa.string(), 700: pa.float32(), 701: pa.float64(), 1700: pa.float64(),
    1082: pa.date32(), 1114: pa.timestamp("us"), 1184: pa.timestamp("us", tz="UTC"),
}
