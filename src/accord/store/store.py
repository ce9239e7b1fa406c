"""The embedded DuckDB store: ingest `Document`s, query contract-shaped records back out.

One `Store` wraps one DuckDB connection; like the connection, it is not meant to be shared
between threads. DuckDB lets one process at a time open a file (a writer also blocks readers in
other processes).

Speed: a DuckDB commit that writes rows costs a few milliseconds of CPU whatever the row count,
and each bulk insert about one more, so `ingest` (one transaction per article) runs at roughly
8-10 ms an article on a small machine, while `ingest_many` (many articles a transaction, same
all-or-nothing guarantee per article) runs at well under 1 ms. Prefer `ingest_many` for streams.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Literal, Sequence

import duckdb

from ..model import Document
from . import rows as R
from .migrations import StoreError, rollback_quietly, current_version, migrate

IngestStatus = Literal["stored", "duplicate", "updated"]

# Tables holding an article's records; re-coding an article empties them for it first.
_CHILD_TABLES = ("events", "quotes", "timexes", "mentions")


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """What `Store.ingest` did with one document.

    `article_id` is the id of the document passed in. `duplicate_of` is set only when the
    content was already stored under a *different* id: it names that stored article.
    """

    status: IngestStatus
    article_id: str
    duplicate_of: str | None = None


def _now() -> datetime:
    # Naive UTC for a plain TIMESTAMP column (TIMESTAMPTZ would need the ICU extension).
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _select(columns: Sequence[str], alias: str = "") -> str:
    prefix = f"{alias}." if alias else ""
    return ", ".join(prefix + c for c in columns)


class Store:
    """An Accord database file. Use as a context manager or call `close()`."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        in_memory = self.path == ":memory:"
        if not in_memory and not read_only:
            Path(self.path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        target = self.path if in_memory else str(Path(self.path).expanduser())
        try:
            self._con: duckdb.DuckDBPyConnection | None = duckdb.connect(
                target, read_only=read_only
            )
        except duckdb.IOException as exc:
            # Usually the lock: another process (an `accord` run, a notebook) has it open.
            raise StoreError(f"cannot open the Accord database {self.path}: {exc}") from exc
        self._appenders: dict[tuple[str, str], Any] = {}
        self._actor_keys: set[str] | None = None  # keys in `actors`, loaded on first ingest
        try:
            migrate(self._con, read_only=read_only, where=self.path)
        except BaseException:
            self.close()
            raise

    # -- lifecycle ------------------------------------------------------------------------------

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        # Appenders are flushed after every write, so dropping them loses nothing.
        self._appenders.clear()
        if self._con is not None:
            self._con.close()
            self._con = None

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The underlying connection, for ad-hoc SQL (`accord sql`, notebooks)."""
        if self._con is None:
            raise StoreError("the store is closed")
        return self._con

    def schema_version(self) -> int:
        return current_version(self.con)

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
        one bulk insert per table, which is far faster than one transaction each (see the
        module notes). Each article is still all-or-nothing: if a group fails, it is rolled back
        whole and its articles are retried one transaction each, so exactly the bad article is
        left out. Without `on_error` that article's exception propagates (the ones before it are
        stored, the rest are not attempted), as a loop over `ingest` would behave; with
        `on_error(document, exc)` it is reported there, yields no outcome, and ingestion goes on.

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
            except Exception:
                pass  # rolled back whole; isolate the failing article below
            else:
                yield from outcomes
                return
        for document in group:
            try:
                outcome = self._ingest_group([document])[0]
            except Exception as exc:
                if on_error is None:
                    raise
                on_error(document, exc)
                continue
            yield outcome

    def _ingest_group(self, documents: list[Document]) -> list[IngestOutcome]:
        """Decide and write a group of articles with distinct ids and hashes in one transaction."""
        for document in documents:
            _check_article_ids(document)
        hashes = [d.article.content_hash for d in documents]
        con = self.con
        new_actor_keys: list[str] = []
        con.execute("BEGIN TRANSACTION")
        try:
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
                con.execute("ROLLBACK")  # duplicates only: nothing to write
                return outcomes
            updated = [d.id for d, _, ingested_at in writes if ingested_at is not None]
            if updated:
                self._delete_articles(updated)
            written = [d for d, _, _ in writes]
            self._insert_articles(writes)
            self._insert_mentions(written)
            self._insert_timexes(written)
            self._insert_events(written)
            self._insert_quotes(written)
            new_actor_keys = self._insert_actors(written)
            if updated:
                self._prune_actors()
            con.execute("COMMIT")
        except BaseException:
            rollback_quietly(con)
            # A failed flush can leave an appender unusable or holding rows: start afresh.
            self._appenders.clear()
            self._actor_keys = None
            raise
        if self._actor_keys is not None:
            self._actor_keys.update(new_actor_keys)
        return outcomes

    def _lookup(
        self, ids: list[str], hashes: list[str]
    ) -> tuple[dict[str, tuple[str, datetime]], dict[str, set[str]]]:
        """Stored articles sharing an id or a content hash with the group: by id, the stored
        (content_hash, ingested_at); by content hash, the ids holding it."""
        if len(ids) == 1:
            # Point lookups use the primary-key and content_hash indexes.
            rows = self.con.execute(
                "SELECT id, content_hash, ingested_at FROM articles WHERE id = ? "
                "UNION ALL "
                "SELECT id, content_hash, ingested_at FROM articles WHERE content_hash = ?",
                [ids[0], hashes[0]],
            ).fetchall()
        else:
            rows = self.con.execute(
                "SELECT id, content_hash, ingested_at FROM articles "
                "WHERE id IN (SELECT unnest(?::VARCHAR[])) "
                "OR content_hash IN (SELECT unnest(?::VARCHAR[]))",
                [ids, hashes],
            ).fetchall()
        by_id = {r[0]: (r[1], r[2]) for r in rows}
        by_hash: dict[str, set[str]] = {}
        for aid, content_hash, _ in rows:
            by_hash.setdefault(content_hash, set()).add(aid)
        return by_id, by_hash

    # Each step is a method of its own so a test can make one fail mid-article.

    def _delete_articles(self, ids: list[str]) -> None:
        # Re-coding replaces everything the article owns; the article row is re-inserted
        # (with its original ingested_at) by _insert_articles in the same transaction.
        for table in (*_CHILD_TABLES, "articles"):
            column = "id" if table == "articles" else "article_id"
            # Table and column names are constants from this module, never from input.
            self.con.execute(
                f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(?::VARCHAR[]))", [ids]
            )

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

    def _insert_articles(self, writes: list[tuple[Document, str, datetime | None]]) -> None:
        now = _now()
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

    def _insert_actors(self, documents: list[Document]) -> list[str]:
        """Add actors not stored yet; return their keys. The first-seen country/sector stay."""
        if self._actor_keys is None:
            # Cached so the common case (all actors known) costs no statement at all.
            keys = self.con.execute("SELECT key FROM actors").fetchall()
            self._actor_keys = {r[0] for r in keys}
        rows: dict[str, tuple[Any, ...]] = {}
        for document in documents:
            for row in R.actor_table_rows(document):
                if row[0] not in self._actor_keys:
                    rows.setdefault(row[0], row)
        # Upsert rather than insert in case another connection added one meanwhile.
        self._append("actors", R.ACTOR_TABLE_COLUMNS, list(rows.values()), action="upsert")
        return list(rows)

    def _prune_actors(self) -> None:
        # After a re-code, drop actors no stored record refers to any more, so `actors` stays
        # "actors in the data" rather than "actors ever seen".
        self._actor_keys = None
        self.con.execute(
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
        return dict(zip(names, self.con.execute(sql).fetchone()))

    def article_records(self, article_id: str) -> list[dict[str, Any]]:
        """The article and all its records in contract form, in `Document.records()` order
        (article, mentions, timexes, events, quotes); [] when no such article is stored."""
        con = self.con
        row = con.execute(
            f"SELECT {_select(R.ARTICLE_RECORD_COLUMNS)} FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        if row is None:
            return []
        out = [R.article_record(row)]
        for table, columns, to_record in (
            ("mentions", R.MENTION_COLUMNS, R.mention_record),
            ("timexes", R.TIMEX_COLUMNS, R.timex_record),
            ("events", R.EVENT_COLUMNS, R.event_record),
            ("quotes", R.QUOTE_COLUMNS, R.quote_record),
        ):
            rows = con.execute(
                f"SELECT {_select(columns)} FROM {table} WHERE article_id = ? ORDER BY seq",
                [article_id],
            ).fetchall()
            out.extend(to_record(r) for r in rows)
        return out


def _check_article_ids(document: Document) -> None:
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


def open_store(path: str | Path, *, read_only: bool = False) -> Store:
    """Open (creating it and its parent directories if needed) the Accord database at `path`,
    migrating an older schema; `":memory:"` gives a throwaway in-memory store."""
    return Store(path, read_only=read_only)
