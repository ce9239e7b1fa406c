"""The embedded DuckDB store: articles and their contract records, queryable.

    with open_store("accord.duckdb") as store:
        outcome = store.ingest(document)        # IngestOutcome("stored", "article-id")
        store.article_records("article-id")    # the article and all its records
    Filtered queries (events, quotes, articles, aggregations) are the service's:
    accord.service.Service(store).reports(Filters.parse(actor="RUS", since="2025-05"))
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
