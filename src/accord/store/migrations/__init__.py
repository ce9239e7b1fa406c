"""Schema versions: numbered `NNNN_name.sql` files per backend, applied in order on open.

    migrations/duckdb/0001_initial.sql      migrations/postgres/0001_initial.sql
    migrations/duckdb/0002_....sql          migrations/postgres/0002_....sql

Both backends share one sequence of versions: every DuckDB migration has a PostgreSQL twin with
the same number and name (a test checks it), so a database of either kind at version N has the
same tables and columns. The database records its version in `meta` (`schema_version`). Opening
one that is older applies the missing migrations, each in its own transaction; opening one newer
than this code knows raises `SchemaVersionError` instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..base import Store

BACKENDS = ("duckdb", "postgres")


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


@lru_cache(maxsize=None)
def migrations(backend: str = "duckdb") -> tuple[Migration, ...]:
    """All migrations shipped for `backend`, oldest first; versions must be 1, 2, 3, ..."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown store backend {backend!r}")
    package = resources.files(__package__)
    # A migration left beside the store modules (where they lived before there were two
    # backends) would be silently skipped: refuse it.
    strays = [e.name for e in package.parent.iterdir() if _MIGRATION_FILE.match(e.name)]
    if strays:
        raise StoreError(f"store migrations belong in store/migrations/<backend>/, found {strays} "
                         "in store/")
    found = []
    for entry in package.joinpath(backend).iterdir():
        m = _MIGRATION_FILE.match(entry.name)
        if m:
            found.append(Migration(int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort(key=lambda mig: mig.version)
    # A gap or a duplicate number is a packaging mistake; fail loudly rather than skip a step.
    if [mig.version for mig in found] != list(range(1, len(found) + 1)):
        raise StoreError(f"{backend} store migrations are not numbered 1..n: "
                         f"{[m.name for m in found]}")
    return tuple(found)


def latest_version(backend: str = "duckdb") -> int:
    return migrations(backend)[-1].version


def current_version(store: "Store") -> int:
    """The version recorded in the database; 0 for an empty database."""
    tables = store._table_names()
    if "meta" not in tables:
        if tables:
            # Some other database: never write our tables into it.
            raise StoreError(
                f"not an Accord database (it has tables {sorted(tables)} but no 'meta' table)"
            )
        return 0
    rows = store._rows("SELECT value FROM meta WHERE key = 'schema_version'")
    if not rows:
        raise StoreError("not an Accord database (its 'meta' table has no schema_version)")
    try:
        return int(rows[0][0])
    except ValueError:
        raise StoreError(f"unreadable schema_version {rows[0][0]!r} in 'meta'") from None


def migrate(store: "Store", *, read_only: bool = False, where: str = "") -> int:
    """Bring the database to the latest version; return the version it is at afterwards."""
    backend = store.backend
    have = current_version(store)
    latest = latest_version(backend)
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
    for mig in migrations(backend):
        if mig.version <= have:
            continue
        # DDL is transactional in DuckDB and PostgreSQL: a failing migration leaves the
        # database at the old version.
        with store.transaction():
            store._execute_script(mig.sql)
            store._execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [str(mig.version)],
            )
    return latest
