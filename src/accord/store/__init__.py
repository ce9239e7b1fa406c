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


def open_store(target: str | Path, *, read_only: bool = False) -> Store:
    """Open the Accord database at `target`, creating and migrating it as needed.

    - `"postgresql://user[:password]@host[:port]/dbname"` (or `postgres://`): a PostgreSQL
      database (it must exist; Accord creates its tables in it).
    - `":memory:"`: a throwaway in-memory DuckDB store.
    - anything else: a DuckDB file (created, with its parent directories, if needed).
    """
    if is_postgres(target):
        from .postgres import PostgresStore

        return PostgresStore(str(target), read_only=read_only)
    from .duckdb import DuckDBStore

    return DuckDBStore(target, read_only=read_only)
