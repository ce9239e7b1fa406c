"""The embedded DuckDB store: articles and their contract records, queryable.

    with open_store("accord.duckdb") as store:
        outcome = store.ingest(document)        # IngestOutcome("stored", "article-id")
        store.events(actor="RUS", since="2025-05")
"""

from .migrations import SchemaVersionError, StoreError, latest_version
from .store import IngestOutcome, Store, open_store

SCHEMA_VERSION = latest_version()

__all__ = [
    "IngestOutcome",
    "SCHEMA_VERSION",
    "SchemaVersionError",
    "Store",
    "StoreError",
    "open_store",
]
