"""The store interface: what every backend (DuckDB, PostgreSQL) offers, and the logic they share.

    with open_store("accord.duckdb") as store:                  # or "postgresql://user@host/db"
        for outcome in store.ingest_many(documents):             # batched, each article atomic
            ...
        rows = store.query("SELECT cameo, count(*) AS n FROM events WHERE negated = ? "
                           "GROUP BY cameo ORDER BY n DESC", [False])
        table = store.query_arrow("SELECT * FROM events WHERE source_country = ?", ["RUS"])

`query` and `query_arrow` may be called from several threads: each other thread reads through
a connection of its own. SQL given to `query`, `query_arrow` and `transaction` uses `?` placeholders and the portable
subset of SQL both backends run (standard types, COALESCE/CAST/CASE, GROUP BY, window functions,
`lower(x) LIKE lower(?)` rather than ILIKE, no DuckDB list or struct functions); each backend
translates placeholders itself. Records leave the store in the contract's shapes through
`rows.py`. Writing (ingest, delete, transaction) belongs to the thread that opened the store.

Writes. `ingest_many` takes a stream of coded documents and writes up to `batch_size` articles
per transaction with one bulk insert per table (DuckDB's appender, PostgreSQL's COPY); each
article is still all-or-nothing: when a batch fails it is rolled back and its articles are
written one transaction each, so exactly the bad article is left out. Decisions (stored,
updated, duplicate) are those of `ingest` called on each document in turn.

For the clustering of happenings, two hooks run inside the writing transaction, after an
article's rows are written or deleted: `_on_articles_written(documents, replaced_ids)` and
`_on_articles_deleted(ids)`. Both do nothing here.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Iterator, Literal, Sequence

from ..model import Document
from . import rows as R
from .migrations import StoreError

IngestStatus = Literal["stored", "duplicate", "updated"]

# Tables holding an article's records; re-coding an article empties them for it first.
CHILD_TABLES = ("events", "quotes", "timexes", "mentions")


class StoreUnavailable(StoreError):
    """The database went away mid-work (server restarted, connection lost, disk gone).

    Unlike an error in one article's rows, this stops a batch: nothing more can be written.
    Everything committed before it is kept; running the same ingest again completes the batch.
    """


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """What `Store.ingest` did with one document.

    `article_id` is the id of the document passed in. `duplicate_of` is set only when the
    content was already stored under a *different* id: it names that stored article.
    """

    status: IngestStatus
    article_id: str
    duplicate_of: str | None = None


def utc_now() -> datetime:
    # Naive UTC for a plain TIMESTAMP column in both backends.
    return datetime.now(timezone.utc).replace(tzinfo=None)


def select_list(columns: Sequence[str], alias: str = "") -> str:
    prefix = f"{alias}." if alias else ""
    return ", ".join(prefix + c for c in columns)


def placeholders(n: int) -> str:
    """`?, ?, ?` for an IN list of n values (at least one, so that `IN ()` never happens)."""
    return ", ".join("?" * max(n, 1))


class Store(ABC):
    """An Accord database. Use as a context manager or call `close()`."""

    backend: str = ""  # "duckdb" or "postgres": which migrations apply

    def __init__(self, target: str, *, read_only: bool = False) -> None:
        self.target = target
        self.read_only = read_only
        self._in_transaction = False
        # Reads from other threads (an API server's workers) go through connections of their
        # own, so they never interleave with this thread's transaction.
        self._owner = threading.get_ident()
        self._local = threading.local()
        self._readers: list[Any] = []
        self._readers_lock = threading.Lock()

    def _reader(self) -> Any:
        """The connection to read through in this thread (backends call it in `_query`)."""
        if threading.get_ident() == self._owner:
            return self.con
        reader = getattr(self._local, "reader", None)
        if reader is None:
            reader = self._open_reader()
            self._local.reader = reader
            with self._readers_lock:
                self._readers.append(reader)
        return reader

    def _open_reader(self) -> Any:
        """A new connection (or cursor) to the same database, for another thread's reads."""
        raise NotImplementedError

    def _close_readers(self) -> None:
        with self._readers_lock:
            for reader in self._readers:
                try:
                    reader.close()
                except Exception:  # already closed with its database: nothing left to free
                    pass
            self._readers.clear()
        self._local = threading.local()

    # -- lifecycle ------------------------------------------------------------------------------

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @abstractmethod
    def close(self) -> None:
        """Close the connection; idempotent."""

    def schema_version(self) -> int:
        from .migrations import current_version

        return current_version(self)

    def _migrate(self) -> None:
        from .migrations import migrate

        migrate(self, read_only=self.read_only, where=self.describe())

    def describe(self) -> str:
        """Where this store lives, for messages (a PostgreSQL URL without its password)."""
        return self.target

    # -- what each backend provides -------------------------------------------------------------

    @abstractmethod
    def _query(self, sql: str, params: Sequence[Any] | None = None) -> tuple[list[str], list[tuple]]:
        """Run one statement with `?` placeholders; (column names, rows)."""

    def _rows(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple]:
        return self._query(sql, params)[1]

    @abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] | None = None) -> None:
        """Run one statement with `?` placeholders, for its effect."""

    @abstractmethod
    def _execute_script(self, sql: str) -> None:
        """Run several statements with no parameters (a migration file)."""

    @abstractmethod
    def _table_names(self) -> set[str]:
        """Tables in the store's schema."""

    @abstractmethod
    def _append(self, table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
        """Insert many rows into `table` at once, inside the open transaction."""

    @abstractmethod
    def _insert_new_actors(self, rows: list[tuple[Any, ...]]) -> None:
        """Insert rows of ACTOR_TABLE_COLUMNS, keeping any row whose key is already stored."""

    @abstractmethod
    def query_arrow(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        """The result of one `?`-placeholder statement as a `pyarrow.Table`."""

    def _begin(self) -> None:
        self._execute("BEGIN TRANSACTION")

    def _commit(self) -> None:
        self._execute("COMMIT")

    def _rollback_quietly(self) -> None:
        # Keep the original exception: a failed ROLLBACK (no open transaction) is not news.
        try:
            self._execute("ROLLBACK")
        except Exception:
            pass

    def _lock_for_writing(self) -> None:
        """Called first in every writing transaction; a backend with several writers serializes
        them here, so that the decisions of one (duplicate or not) see the others' commits."""

    def _forget_cached_state(self) -> None:
        """After a failed write: drop anything cached about the database's contents."""

    # -- transactions and queries ---------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator["Store"]:
        """BEGIN ... COMMIT around the block; ROLLBACK if it raises. Not nestable."""
        if self._in_transaction:
            raise StoreError("a transaction is already open on this store")
        self._begin()
        self._in_transaction = True
        try:
            yield self
        except BaseException:
            self._rollback_quietly()
            self._forget_cached_state()
            raise
        else:
            self._commit()
        finally:
            self._in_transaction = False

    def query(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        """Rows of one `?`-placeholder statement as dicts keyed by column name."""
        columns, rows = self._query(sql, params)
        return [dict(zip(columns, row)) for row in rows]

    # -- writing --------------------------------------------------------------------------------

    def ingest(self, document: Document) -> IngestOutcome:
        """Store one coded article, idempotently by content hash, in one transaction.

        - New id, content not seen before: "stored".
        - Same id and same content hash: "duplicate"; nothing is written.
        - Same id, different content hash: "updated"; the article is re-coded in place: its row
          is rewritten (keeping `ingested_at`) and its old events, quotes, timexes and mentions
          are replaced by the new ones.
        - Different id but a content hash already stored: "duplicate" with `duplicate_of` set to
          the stored id; nothing is written. This is the same story read twice (e.g. from two
          files or feeds), and storing it twice would double-count its events.
        The id check comes first, so an article re-coded to text identical to another stored
        article is still "updated" under its own id: an explicit id is the caller's identity.

        Everything happens between BEGIN and COMMIT; any error rolls back, so a failing article
        leaves the database as it was (no partial article; an update keeps the old version).
        """
        return self._ingest_group([document])[0]

    def ingest_many(
        self,
        documents: Iterable[Document],
        batch_size: int = 200,
        on_error: Callable[[Document, Exception], None] | None = None,
    ) -> Iterator[IngestOutcome]:
        """Ingest a stream of documents; yield one outcome per stored/updated/duplicate document,
        in input order.

        Same decisions as `ingest`, but up to `batch_size` articles share one transaction and
        one bulk insert per table, which is far faster than one transaction each. Each article
        is still all-or-nothing: if a group fails, it is rolled back whole and its articles are
        retried one transaction each, so exactly the bad article is left out. Without `on_error`
        that article's exception propagates (the ones before it are stored, the rest are not
        attempted), as a loop over `ingest` would behave; with `on_error(document, exc)` it is
        reported there, yields no outcome, and ingestion goes on. `StoreUnavailable` (the
        database itself went away) always propagates.

        A document whose id or content repeats one in the open group starts a new group, so the
        order-dependent decisions (stored, then updated or duplicate) match sequential `ingest`.
        Outcomes arrive a group at a time. If `documents` itself raises, the open group is
        stored first; if the caller stops consuming early, the open group is not stored.
        """
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        group: list[Document] = []
        seen: set[str] = set()
        source = iter(documents)
        while True:
            try:
                document = next(source)
            except StopIteration:
                break
            except Exception:
                # A reader or stage failed: keep the work already done, then report it.
                yield from self._ingest_group_or_singly(group, on_error)
                raise
            keys = {"id:" + document.id, "hash:" + document.article.content_hash}
            if group and (len(group) >= batch_size or keys & seen):
                yield from self._ingest_group_or_singly(group, on_error)
                group, seen = [], set()
            group.append(document)
            seen |= keys
        yield from self._ingest_group_or_singly(group, on_error)

    def _ingest_group_or_singly(
        self, group: list[Document], on_error: Callable[[Document, Exception], None] | None
    ) -> Iterator[IngestOutcome]:
        if not group:
            return
        if len(group) > 1:
            try:
                outcomes = self._ingest_group(group)
            except StoreUnavailable:
                raise
            except Exception:
                pass  # rolled back whole; isolate the failing article below
            else:
                yield from outcomes
                return
        for document in group:
            try:
                outcome = self._ingest_group([document])[0]
            except StoreUnavailable:
                raise
            except Exception as exc:
                if on_error is None:
                    raise
                on_error(document, exc)
                continue
            yield outcome

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"the database {self.describe()} was opened read-only")

    def _ingest_group(self, documents: list[Document]) -> list[IngestOutcome]:
        """Decide and write a group of articles with distinct ids and hashes in one transaction."""
        self._check_writable()
        for document in documents:
            check_article_ids(document)
        hashes = [d.article.content_hash for d in documents]
        with self.transaction():
            self._lock_for_writing()
            # Looked up inside the transaction so the decision and the writes see the same state.
            by_id, by_hash = self._lookup([d.id for d in documents], hashes)
            outcomes: list[IngestOutcome] = []
            writes: list[tuple[Document, str, datetime | None]] = []
            # Decided in input order, tracking the group's own effect on the stored hashes
            # (an update moves its id off its old hash), so a group decides exactly as the
            # same documents ingested one by one would.
            for document, content_hash in zip(documents, hashes):
                aid = document.id
                if aid in by_id:
                    old_hash, ingested_at = by_id[aid]
                    if old_hash == content_hash:
                        outcomes.append(IngestOutcome("duplicate", aid))
                        continue
                    outcomes.append(IngestOutcome("updated", aid))
                    writes.append((document, content_hash, ingested_at))
                    by_hash.get(old_hash, set()).discard(aid)
                elif by_hash.get(content_hash):
                    first = min(by_hash[content_hash])  # the smallest id, for a stable answer
                    outcomes.append(IngestOutcome("duplicate", aid, duplicate_of=first))
                    continue
                else:
                    outcomes.append(IngestOutcome("stored", aid))
                    writes.append((document, content_hash, None))
                by_hash.setdefault(content_hash, set()).add(aid)
            if not writes:
                return outcomes  # duplicates only: the transaction wrote nothing
            updated = [d.id for d, _, ingested_at in writes if ingested_at is not None]
            if updated:
                self._delete_articles(updated)
            written = [d for d, _, _ in writes]
            self._insert_articles(writes)
            self._insert_mentions(written)
            self._insert_timexes(written)
            self._insert_events(written)
            self._insert_quotes(written)
            self._insert_actors(written)
            if updated:
                self._prune_actors()
            self._on_articles_written(written, updated)
        return outcomes

    def delete_article(self, article_id: str) -> bool:
        """Delete an article and all its records in one transaction; False if it was not stored."""
        self._check_writable()
        with self.transaction():
            self._lock_for_writing()
            if not self._rows("SELECT 1 FROM articles WHERE id = ?", [article_id]):
                return False
            self._delete_articles([article_id])
            self._prune_actors()
            self._on_articles_deleted([article_id])
        return True

    def _on_articles_written(self, documents: list[Document], replaced: list[str]) -> None:
        """Inside the writing transaction, after `documents` were written (`replaced`: the ids
        among them whose previous version was deleted first). For happenings."""

    def _on_articles_deleted(self, ids: list[str]) -> None:
        """Inside the deleting transaction, after the articles `ids` were deleted."""

    def _lookup(
        self, ids: list[str], hashes: list[str]
    ) -> tuple[dict[str, tuple[str, datetime]], dict[str, set[str]]]:
        """Stored articles sharing an id or a content hash with the group: by id, the stored
        (content_hash, ingested_at); by content hash, the ids holding it."""
        rows = self._rows(
            "SELECT id, content_hash, ingested_at FROM articles "
            f"WHERE id IN ({placeholders(len(ids))}) "
            f"OR content_hash IN ({placeholders(len(hashes))})",
            [*ids, *hashes],
        )
        by_id = {r[0]: (r[1], r[2]) for r in rows}
        by_hash: dict[str, set[str]] = {}
        for aid, content_hash, _ in rows:
            by_hash.setdefault(content_hash, set()).add(aid)
        return by_id, by_hash

    # Each step is a method of its own so a test can make one fail mid-article.

    def _delete_articles(self, ids: list[str]) -> None:
        # Re-coding replaces everything the article owns; the article row is re-inserted
        # (with its original ingested_at) by _insert_articles in the same transaction.
        marks = placeholders(len(ids))
        for table in (*CHILD_TABLES, "articles"):
            column = "id" if table == "articles" else "article_id"
            # Table and column names are constants from this module, never from input.
            self._execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", ids)

    def _insert_articles(self, writes: list[tuple[Document, str, datetime | None]]) -> None:
        now = utc_now()
        rows = []
        for document, content_hash, ingested_at in writes:
            a = document.article
            rows.append((a.id, content_hash, a.date, a.title, a.url, a.source, a.text,
                         ingested_at or now, now, a.language, a.duplicate_of))
        self._append("articles", R.ARTICLE_COLUMNS, rows)

    def _insert_mentions(self, documents: list[Document]) -> None:
        self._append("mentions", R.MENTION_COLUMNS,
                     [r for d in documents for r in R.mention_rows(d.mentions, d.id)])

    def _insert_timexes(self, documents: list[Document]) -> None:
        self._append("timexes", R.TIMEX_COLUMNS,
                     [r for d in documents for r in R.timex_rows(d.timexes, d.id)])

    def _insert_events(self, documents: list[Document]) -> None:
        self._append("events", R.EVENT_COLUMNS,
                     [r for d in documents for r in R.event_rows(d.events, d.id)])

    def _insert_quotes(self, documents: list[Document]) -> None:
        self._append("quotes", R.QUOTE_COLUMNS,
                     [r for d in documents for r in R.quote_rows(d.quotes, d.id)])

    def _insert_actors(self, documents: list[Document]) -> None:
        """Add actors not stored yet. The first-seen country and sector stay."""
        rows: dict[str, tuple[Any, ...]] = {}
        for document in documents:
            for row in R.actor_table_rows(document):
                rows.setdefault(row[0], row)
        if rows:
            self._insert_new_actors(list(rows.values()))

    def _prune_actors(self) -> None:
        # After a re-code or a delete, drop actors no stored record refers to any more, so
        # `actors` stays "actors in the data" rather than "actors ever seen".
        self._forget_cached_state()
        self._execute(
            """
            DELETE FROM actors WHERE key NOT IN (
                SELECT source_code || chr(31) || coalesce(source_name, '') FROM events
                    WHERE source_code IS NOT NULL
                UNION ALL SELECT target_code || chr(31) || coalesce(target_name, '') FROM events
                    WHERE target_code IS NOT NULL
                UNION ALL SELECT speaker_code || chr(31) || coalesce(speaker_name, '') FROM quotes
                    WHERE speaker_code IS NOT NULL
                UNION ALL SELECT actor_code || chr(31) || coalesce(actor_name, '') FROM mentions
                    WHERE actor_code IS NOT NULL
            )
            """
        )

    # -- reading (filtered queries live in accord.service) ---------------------------------------

    def counts(self) -> dict[str, int]:
        """Row counts: articles, events, quotes, timexes, mentions, actors."""
        names = ("articles", "events", "quotes", "timexes", "mentions", "actors")
        # Table names are the constant tuple above.
        sql = "SELECT " + ", ".join(f"(SELECT count(*) FROM {n})" for n in names)
        return dict(zip(names, (int(v) for v in self._rows(sql)[0])))

    def article_records(self, article_id: str) -> list[dict[str, Any]]:
        """The article and all its records in contract form, in `Document.records()` order
        (article, mentions, timexes, events, quotes); [] when no such article is stored."""
        found = self._rows(
            f"SELECT {select_list(R.ARTICLE_RECORD_COLUMNS)} FROM articles WHERE id = ?",
            [article_id])
        if not found:
            return []
        out = [R.article_record(found[0])]
        for table, columns, to_record in (
            ("mentions", R.MENTION_COLUMNS, R.mention_record),
            ("timexes", R.TIMEX_COLUMNS, R.timex_record),
            ("events", R.EVENT_COLUMNS, R.event_record),
            ("quotes", R.QUOTE_COLUMNS, R.quote_record),
        ):
            rows = self._rows(
                f"SELECT {select_list(columns)} FROM {table} WHERE article_id = ? ORDER BY seq",
                [article_id],
            )
            out.extend(to_record(r) for r in rows)
        return out


def check_article_ids(document: Document) -> None:
    """Refuse records that claim another article: they would be filed under the wrong one."""
    aid = document.article.id
    if not aid:
        raise ValueError("cannot store an article without an id")
    for kind, items in (("mention", document.mentions), ("timex", document.timexes),
                        ("event", document.events), ("quote", document.quotes)):
        for item in items:
            if item.article_id != aid:
                raise ValueError(
                    f"{kind} record has article_id {item.article_id!r}, but the article is {aid!r}"
                )
