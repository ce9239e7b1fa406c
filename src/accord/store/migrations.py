"""Schema versions: numbered `NNNN_name.sql` files beside this module, applied in order on open.

The database records the version it is at in `meta` (`schema_version`). Opening a file that is
older applies the missing migrations, each in its own transaction; opening one that is newer
than this code knows raises `SchemaVersionError` instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import duckdb


class StoreError(Exception):
    """The database cannot be used as an Accord store (locked, foreign, corrupt, ...)."""


class SchemaVersionError(StoreError):
    """The database's schema version does not match what this code can use."""


_MIGRATION_FILE = re.compile(r"^(\d{4})_[A-Za-z0-9_]+\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


@lru_cache(maxsize=1)
def migrations() -> tuple[Migration, ...]:
    """All migrations shipped with the package, oldest first; versions must be 1, 2, 3, ..."""
    found = []
    for entry in resources.files(__package__).iterdir():
        m = _MIGRATION_FILE.match(entry.name)
        if m:
            found.append(Migration(int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort(key=lambda mig: mig.version)
    # A gap or a duplicate number is a packaging mistake; fail loudly rather than skip a step.
    if [mig.version for mig in found] != list(range(1, len(found) + 1)):
        raise StoreError(f"store migrations are not numbered 1..n: {[m.name for m in found]}")
    return tuple(found)


def latest_version() -> int:
    return migrations()[-1].version


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The version recorded in the database; 0 for an empty database."""
    tables = {
        row[0]
        for row in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
            "AND schema_name = 'main'"
        ).fetchall()
    }
    if "meta" not in tables:
        if tables:
            # Some other DuckDB file: never write our tables into it.
            raise StoreError(
                f"not an Accord database (it has tables {sorted(tables)} but no 'meta' table)"
            )
        return 0
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None:
        raise StoreError("not an Accord database (its 'meta' table has no schema_version)")
    try:
        return int(row[0])
    except ValueError:
        raise StoreError(f"unreadable schema_version {row[0]!r} in 'meta'") from None


def migrate(con: duckdb.DuckDBPyConnection, *, read_only: bool = False, where: str = "") -> int:
    """Bring the database to `latest_version()`; return the version it is at afterwards."""
    have = current_version(con)
    latest = latest_version()
    label = f" {where}" if where else ""
    if have > latest:
        raise SchemaVersionError(
            f"the database{label} has schema version {have}, newer than this version of Accord "
            f"understands (up to {latest}); upgrade Accord to read it"
        )
    if have == latest:
        return have
    if read_only:
        raise SchemaVersionError(
            f"the database{label} has schema version {have} and needs migrating to {latest}; "
            "open it once read-write to upgrade it"
        )
    for mig in migrations():
        if mig.version <= have:
            continue
        # DDL is transactional in DuckDB: a failing migration leaves the file at the old version.
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(mig.sql)
            con.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [str(mig.version)],
            )
            con.execute("COMMIT")
        except BaseException:
            rollback_quietly(con)
            raise
    return latest


def rollback_quietly(con: duckdb.DuckDBPyConnection) -> None:
    # Keep the original exception: a failed ROLLBACK (no open transaction) is not news.
    try:
        con.execute("ROLLBACK")
    except duckdb.Error:
        pass
