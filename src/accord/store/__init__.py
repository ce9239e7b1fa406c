"""The store: articles and their contract records, in DuckDB (default) or PostgreSQL.

    with open_store("accord.duckdb") as store:                 # a file, ":memory:", or
        outcome = store.ingest(document)                        # "postgresql://user@host/db"
        store.article_records("article-id")                     # the article and all its records
        store.query("SELECT count(*) AS n FROM events WHERE cameo LIKE ?", ["04%"])

`base.Store` is the interface both backends implement (`duckdb.DuckDBStore`,
`postgres.PostgresStore`); `open_store` picks one from the target. Filtered queries (events,
quotes, articles, aggregations) are the service's, over `query()`:
accord.service.Service(store).reports(Filters.parse(actor="RUS", since="2025-05")).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .base import IngestOutcome, Store, StoreUnavailable
from .migrations import SchemaVersionError, StoreError, latest_version

SCHEMA_VERSION = latest_version()

POSTGRES_SCHEMES = ("postgresql://", "postgres://")

__all__ = [
    "IngestOutcome",
    "SCHEMA_VERSION",
    "SchemaVersionError",
    "Store",
    "StoreError",
    "StoreUnavailable",
    "is_postgres",
    "open_store",
]


def is_postgres(target: str | os.PathLike[str]) -> bool:
    return isinstance(target, str) and target.startswith(POSTGRES_SCHEMES)


_URL_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def unsupported_target(target: str | os.PathLike[str]) -> str | None:
    """Why `target` cannot be an Accord database (a URL of a scheme other than PostgreSQL's),
    else None. Without this check DuckDB takes `mysql://x` for an extension to load, and the
    directory `mysql:` would be created in the working directory."""
    if not isinstance(target, str) or is_postgres(target):
        return None
    m = _URL_SCHEME.match(target)
    if m is None:
        return None
    return (f"unsupported database URL {target!r}: {m.group(1)}:// is not a database Accord "
            "can open; give a DuckDB file path or a postgresql://user@host:port/dbname URL")


def open_store(target: str | Path, *, read_only: bool = False) -> Store:
    """Open the Accord database at `target`, creating and migrating it as needed.

    - `"postgresql://user[:password]@host[:port]/dbname"` (or `postgres://`): a PostgreSQL
      database (it must exist; Accord creates its tables in it).
    - `":memory:"`: a throwaway in-memory DuckDB store.
    - anything else: a DuckDB file (created, with its parent directories, if needed).
    """
    problem = unsupported_target(target)
    if problem is not None:
        raise StoreError(problem)
    if is_postgres(target):
        from .postgres import PostgresStore

        return PostgresStore(str(target), read_only=read_only)
    from .duckdb import DuckDBStore

    return DuckDBStore(target, read_only=read_only)
