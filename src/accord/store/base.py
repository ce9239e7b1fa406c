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

Near-copies and happenings (`accord.clustering`, `clusters.py`) are decided and written in the
same transaction as the articles, through the same primitives, so both backends cluster alike.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Iterator, Literal, Sequence

from ..clustering import nearcopy as N
from ..clustering.happenings import Copy, Report, outlet, told_range
from ..clustering.settings import ClusteringSettings
from ..model import Document
from . import rows as R
from .clusters import KEY_COLUMNS, Candidates, Clusters, marks
from .migrations import StoreError

IngestStatus = Literal["stored", "duplicate", "updated", "copy"]

# Tables holding an article's records; re-coding an article empties them for it first.
CHILD_TABLES = ("events", "quotes", "timexes", "mentions")

# Committed writing transactions per database (`Store._write_key`), counted over this process's
# stores: a store whose own count is behind knows another wrote, and drops what it keeps.
_WRITES: dict[str, int] = {}
_WRITES_LOCK = threading.Lock()


class StoreUnavailable(StoreError):
    """The database went away mid-work (server restarted, connection lost, disk gone).

    Unlike an error in one article's rows, this stops a batch: nothing more can be written.
    Everything committed before it is kept; running the same ingest again completes the batch.
    """


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """What `Store.ingest` did with one document.

    `article_id` is the id of the document passed in. `duplicate_of` names the stored article
    this one repeats: for "duplicate", the same content stored under another id (nothing
    written); for "copy" (and an update that made the article a copy), the coded article it is a
    near-copy of (stored, not coded). `note` says what else happened, in words (a claimed
    original that was not honoured, versions that became copies of this one).
    """

    status: IngestStatus
    article_id: str
    duplicate_of: str | None = None
    note: str | None = None


# Schema versions whose migration changes how reports are filed: a database from before one of
# them is reclustered when opened (3: clustering; 4: undated reports placed by publication date;
# 5: blocking keys per class of a happening's reports, `happening_keys`; 7: the keys' intervals).
RECLUSTER_AT = (3, 4, 5, 7)
# The schema version that stores each signed article's shingle hashes (`article_shingles`): a
# database from before it has them computed from its texts when opened.
SHINGLES_AT = 6


def utc_now() -> datetime:
    # Naive UTC for a plain TIMESTAMP column in both backends.
    return datetime.now(timezone.utc).replace(tzinfo=None)


def select_list(columns: Sequence[str], alias: str = "") -> str:
    prefix = f"{alias}." if alias else ""
    return ", ".join(prefix + c for c in columns)


class Store(ABC):
    """An Accord database. Use as a context manager or call `close()`."""

    backend: str = ""  # "duckdb" or "postgres": which migrations apply
    # The most LSH bucket keys one index-probing lookup takes (`Clusters._bucket_rows`); None:
    # any number, as a filter the backend's planner probes the index for.
    probe_keys: int | None = None
    # The happening-key query probes the index instead of scanning `happening_keys` once the
    # table holds more than this many rows for each key the statement looks up
    # (`Clusters._candidate_classes`); None: the backend's planner chooses.
    scan_rows_per_key: int | None = None

    def __init__(self, target: str, *, read_only: bool = False,
                 settings: ClusteringSettings | None = None) -> None:
        self.target = target
        self.read_only = read_only
        self.settings = settings or ClusteringSettings.from_config()
        self.clusters = Clusters(self._query, self.settings, self._happening_stamps(),
                                 probe_keys=self.probe_keys, probing=self._probing,
                                 scan_rows_per_key=self.scan_rows_per_key)
        self._generation = 0  # `_WRITES[self._write_key()]` after this store's last commit
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

    def _migrate(self) -> bool:
        """Bring the schema up to date; whether anything changed."""
        from .migrations import current_version, migrate

        before = current_version(self)
        after = migrate(self, read_only=self.read_only, where=self.describe())
        if not self.read_only and before > 0 and any(before < v <= after for v in RECLUSTER_AT):
            # A database from before clustering (sign its articles, file its reports), or one
            # filed by older rules: its happenings are rebuilt (and its shingle hashes filled).
            self.recluster()
        elif not self.read_only and before > 0 and before < SHINGLES_AT <= after:
            with self.transaction():
                self._lock_for_writing()
                self._fill_shingles()
        return after != before

    def describe(self) -> str:
        """Where this store lives, for messages (a PostgreSQL URL without its password)."""
        return self.target

    # -- what each backend provides -------------------------------------------------------------

    @abstractmethod
    def _fetch(self, sql: str, params: Sequence[Any] | None = None) -> tuple[list[str], list[tuple]]:
        """Run one statement with `?` placeholders; (column names, rows), ([], []) for a
        statement without a result."""

    def _query(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple]:
        """Run one statement with `?` placeholders; its rows ([] or a count for an update)."""
        return self._fetch(sql, params)[1]

    _rows = _query

    def _probing(self, sql: str, params: Sequence[Any], values: int) -> list[tuple]:
        """`_query` for a statement joining `values` values (at most `probe_keys`) with an
        indexed column, planned to probe the index for each (see `Clusters._bucket_rows`)."""
        return self._query(sql, params)

    @abstractmethod
    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one `?`-placeholder statement once per row of parameters."""

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

    def write_alone(self) -> None:
        """Tune the connection for a process that mostly writes small batches while other
        processes (the coding workers) use the cores: the database engine's own thread pool,
        where it has one, is cut to one thread (its statements here are too small to gain from
        more, and idle pool threads cost CPU the workers need). Reads stay correct, only less
        parallel."""

    def _lock_for_writing(self) -> None:
        """Called first in every writing transaction; a backend with several writers serializes
        them here, so that the decisions of one (duplicate or not) see the others' commits."""

    def _is_interruption(self, exc: Exception) -> bool:
        """Whether `exc` is how the database client reports a Ctrl-C it caught mid-call."""
        return False

    def _forget_cached_state(self) -> None:
        """After a failed write: drop anything cached about the database's contents."""

    def _happening_stamps(self) -> Callable[[Sequence[str]], dict[str, str]] | None:
        """A function giving each stored happening row's stamp (a value that changes whenever
        any writer rewrites the row), so kept members can be checked; None if the backend has
        none (then the process-wide write generation guards them, see `_write_key`)."""
        return None

    def _transaction_stamp(self) -> str | None:
        """The stamp the rows written by the open transaction will have."""
        return None

    def _write_key(self) -> str:
        """Names the database among this process's stores: writes through another store to the
        same database invalidate what this one keeps (see `_WRITES`)."""
        return f"{self.backend}:{self.target}"

    def _check_generation(self) -> None:
        with _WRITES_LOCK:
            current = _WRITES.get(self._write_key(), 0)
        if current != self._generation:
            self.clusters.members.clear()  # another store wrote to this database
        self._generation = current

    def _count_write(self) -> None:
        with _WRITES_LOCK:
            key = self._write_key()
            current = _WRITES.get(key, 0)
            _WRITES[key] = current + 1
        if current != self._generation:
            self.clusters.members.clear()  # another store committed while this one wrote
        self._generation = current + 1

    # -- transactions and queries ---------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator["Store"]:
        """BEGIN ... COMMIT around the block; ROLLBACK if it raises. Not nestable."""
        if self._in_transaction:
            raise StoreError("a transaction is already open on this store")
        self._begin()
        self._in_transaction = True
        self._check_generation()
        try:
            yield self
            stamp = self._transaction_stamp() if self.clusters.members.staged else None
        except BaseException as exc:
            self._rollback_quietly()
            self.clusters.members.clear()
            self._forget_cached_state()
            if isinstance(exc, Exception) and self._is_interruption(exc):
                # Ctrl-C arrived inside the database's own call, which reports it as an error:
                # it is still the user stopping the run, not a bad article to retry or reject.
                raise KeyboardInterrupt from exc
            raise
        else:
            try:
                self._commit()
            except BaseException as exc:
                self.clusters.members.clear()
                if isinstance(exc, Exception) and self._is_interruption(exc):
                    # Ctrl-C noticed by the database during COMMIT: the user stopping the run,
                    # not a failed group to retry article by article (the signal is spent).
                    raise KeyboardInterrupt from exc
                raise
            self.clusters.members.commit(stamp)
            self._count_write()
        finally:
            self._in_transaction = False

    def query(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        """Rows of one `?`-placeholder statement as dicts keyed by column name."""
        columns, rows = self._fetch(sql, params)
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
        - An empty text (white space only): refused with a ValueError, nothing written; an
          update keeps the stored version, a new article is not stored (two empty texts share a
          hash, but neither is a copy of the other).
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
        background: bool = False,
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

        `background`: the groups are written by a thread of their own (`_BackgroundWriter`)
        while this thread goes on drawing `documents` (parsing and coding the next articles). The same groups, decisions, outcomes and `on_error` calls
        in the same order, all in this thread; what differs: the caller runs up to two groups
        ahead of the store, and one that stops early (Ctrl-C, an error of its own) leaves the
        group being written to commit (or roll back) before it returns. Meanwhile this thread's
        reads (`originals_of`, `unchanged`, `query`) go through a connection of their own, which
        sees committed groups only. A second core is what it could gain from (DuckDB releases
        the GIL in its own work, the parse in much of its own), but on an idle 2-core machine
        it gained 1% of ingest's wall time and cost 2-4% more CPU (bench/bench_scale.py, runs
        ingest and writer, 2026-12-07): `accord ingest` writes in turn.
        """
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if background:
            yield from _BackgroundWriter(self, on_error).run(documents, batch_size)
            return
        for group in write_groups(documents, batch_size):
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
        """Decide and write a group of articles with distinct ids and hashes in one transaction.

        Besides the id and content-hash decisions (see `ingest`), each written article is checked
        for near-copies (`accord.clustering.nearcopy`): a copy of a coded article is stored with
        `duplicate_of` and without records ("copy"); a version that extends a coded article is
        coded and the article it extends becomes its copy; then the happenings its reports (and
        the reports it removes) touch are recomputed, all in the same transaction.
        """
        self._check_writable()
        for document in documents:
            check_article_ids(document)
        hashes = [d.article.content_hash for d in documents]
        # Fingerprints cost CPU only: computed before the transaction opens. An article sent
        # uncoded as stored unchanged (`duplicate_of` its own id) needs none: it is a duplicate.
        fps = [None if sent_unchanged(d) else self.clusters.fingerprint(d.article.text, h)
               for d, h in zip(documents, hashes)]
        with self.transaction():
            self._lock_for_writing()
            # Looked up inside the transaction so the decision and the writes see the same state.
            by_id, by_hash = self._lookup([d.id for d in documents], hashes)
            outcomes: list[IngestOutcome] = []
            plan = _GroupPlan()
            # The stored near-copy candidates of the whole group, read at once: the decisions
            # below change nothing in the tables they come from (writes follow the decisions).
            plan.candidates = (self.clusters.candidates([fp for fp in fps if fp is not None])
                               if self.settings.enabled else None)
            # Decided in input order, tracking the group's own effect on the stored hashes
            # (an update moves its id off its old hash), so a group decides exactly as the
            # same documents ingested one by one would.
            for document, content_hash, fp in zip(documents, hashes, fps):
                aid = document.id
                ingested_at = None
                if aid in by_id and by_id[aid][0] == content_hash:
                    outcomes.append(IngestOutcome("duplicate", aid))
                    continue
                if fp is None:
                    raise ValueError(
                        f"{aid}: not coded because it was stored unchanged, but the stored "
                        "article changed or was deleted meanwhile; run the same command again")
                if aid in by_id:
                    old_hash, ingested_at, old_dup = by_id[aid]
                    if not document.article.text.strip():
                        raise ValueError(
                            f"{aid}: an update with an empty text would erase the stored article; "
                            "the stored version is kept")
                    status = "updated"
                    by_hash.get(old_hash, set()).discard(aid)
                    plan.updated.append(aid)
                    if old_dup:
                        plan.touched_originals.add(old_dup)
                elif not document.article.text.strip():
                    # Nothing to store, and no copy of anything: two empty texts share a hash.
                    raise ValueError(f"{aid}: an empty text; nothing to store")
                elif by_hash.get(content_hash):
                    first = min(by_hash[content_hash])  # the smallest id, for a stable answer
                    if self._same_outlet(document, first, plan):
                        outcomes.append(IngestOutcome("duplicate", aid, duplicate_of=first))
                        continue
                    status = "copy"  # the same text published by another outlet
                else:
                    status = "stored"
                original, note = self._nearcopy_decision(document, fp, plan, by_hash.get(content_hash))
                if original is not None:
                    plan.copy_of[aid] = original
                    outcome_status = "updated" if status == "updated" else "copy"
                    outcomes.append(IngestOutcome(outcome_status, aid, duplicate_of=original,
                                                  note=note))
                else:
                    outcomes.append(IngestOutcome(status if status != "copy" else "stored", aid,
                                                  note=note))
                plan.writes.append((document, content_hash, ingested_at, fp))
                by_hash.setdefault(content_hash, set()).add(aid)
            if not plan.writes:
                return outcomes  # duplicates only: the transaction wrote nothing
            self._write_plan(plan)
            written = [d for d, _, _, _ in plan.writes if d.id not in plan.final_copies]
            self._insert_actors(written)
            if plan.updated or plan.demoted_stored:
                self._prune_actors()
        return outcomes

    def recluster(self, progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
        """Rebuild every happening from the stored reports (after the rules or thresholds
        changed), and the LSH buckets from the signatures (signing articles that have none: a
        database from before schema 3); one transaction. Which articles are copies is kept
        (deciding it again would need the parse). Returns counts."""
        from ..clustering.happenings import group, summarize
        from .clusters import _EVENT_SELECT_ALL, key_rows_of, report_of

        self._check_writable()
        with self.transaction():
            self._lock_for_writing()
            self.clusters.members.clear()  # every happening is rewritten
            reports = [report_of(r) for r in self._query(_EVENT_SELECT_ALL)]
            groups = group(reports, self.settings)
            copies = [Copy(aid, dup, d, outlet(src, url)) for aid, dup, d, src, url in self._query(
                "SELECT id, duplicate_of, date, source, url FROM articles "
                "WHERE duplicate_of IS NOT NULL")]
            happenings = []
            for n, g in enumerate(groups, 1):
                happenings.append(summarize(g, copies, self.settings))
                if progress and n % 500 == 0:
                    progress(n, len(groups))
            unsigned = self._query(
                "SELECT id, text, content_hash FROM articles WHERE id NOT IN "
                "(SELECT article_id FROM article_signatures)")
            self._append("article_signatures", ["article_id", "signature"], [
                (aid, N.signature_bytes(fp.signature)) for aid, text, chash in unsigned
                for fp in [self.clusters.fingerprint(text, chash)] if fp.signature is not None])
            self._fill_shingles()
            self._query("DELETE FROM happenings")
            self._query("DELETE FROM happening_keys")
            self._query("DELETE FROM nearcopy_bands")
            self._append("happenings", R.HAPPENING_COLUMNS, [R.happening_row(h) for h in happenings])
            self._append("happening_keys", KEY_COLUMNS,
                         [row for g, h in zip(groups, happenings)
                          for row in key_rows_of(h.id, g, self.settings)])
            b, rows = N.band_layout(self.settings.nearcopy_threshold, self.settings.num_perm)
            self._append("nearcopy_bands", ["bucket", "article_id"], [
                (k, aid) for aid, sig in self._query(
                    "SELECT article_id, signature FROM article_signatures")
                for k in N.band_keys(N.signature_from_bytes(sig), b, rows)])
            self._query("CREATE TEMPORARY TABLE IF NOT EXISTS recluster_map "
                        "(event_id VARCHAR, happening VARCHAR)")
            self._query("DELETE FROM recluster_map")
            self._append("recluster_map", ["event_id", "happening"],
                         [(r.id, h.id) for g, h in zip(groups, happenings) for r in g])
            self._query("UPDATE events SET happening = m.happening FROM recluster_map m "
                        "WHERE events.id = m.event_id")
            self._query("DROP TABLE recluster_map")
            self._forget_cached_state()  # a bulk writer of the dropped table must not be reused
        return {"reports": len(reports), "happenings": len(happenings),
                "copies": len(copies)}

    # Texts read at a time when filling `article_shingles`.
    FILL_SHINGLES_ROWS = 1000

    def _fill_shingles(self) -> None:
        """Write the shingle hashes of signed articles that have none (a database from before
        schema 6), inside the open transaction, a thousand texts at a time."""
        k = self.settings.shingle_words
        last = ""
        while True:
            rows = self._query(
                "SELECT a.id, a.text FROM articles a JOIN article_signatures g ON g.article_id = a.id "
                "WHERE a.id > ? AND a.id NOT IN (SELECT article_id FROM article_shingles) "
                "ORDER BY a.id LIMIT ?", [last, self.FILL_SHINGLES_ROWS])
            if not rows:
                return
            self._append("article_shingles", ["article_id", "shingles"], [
                (aid, N.hashes_bytes(h)) for aid, text in rows
                for h in [N.shingle_hashes(N.words(text), k)] if len(h)])
            last = rows[-1][0]

    def delete_article(self, article_id: str) -> dict[str, Any] | None:
        """Delete an article and everything it owns, and update the happenings it was part of,
        in one transaction. Its near-copies are not lost: the first (by id) becomes the
        original and the others its copies; it is returned as `needs_coding` (it was stored
        without records), for the caller to code it again. None when no such article."""
        self._check_writable()
        with self.transaction():
            self._lock_for_writing()
            rows = self._query("SELECT duplicate_of FROM articles WHERE id = ?", [article_id])
            if not rows:
                return None
            original = rows[0][0]
            old = self.clusters.reports_of_articles([article_id])
            touched = {r.event["happening"] for r in old if r.event.get("happening")}
            shrunk = set(touched)
            self.clusters.forget_reports(old)
            self.clusters.forget_texts([article_id])
            copies = [r[0] for r in self._query(
                "SELECT id FROM articles WHERE duplicate_of = ? ORDER BY id", [article_id])]
            promoted = copies[0] if copies else None
            if promoted:
                self._query("UPDATE articles SET duplicate_of = NULL WHERE id = ?", [promoted])
                self._query("UPDATE articles SET duplicate_of = ? WHERE duplicate_of = ?",
                            [promoted, article_id])
            self._delete_articles([article_id])
            if original:
                touched |= self.clusters.happenings_of_articles([original])
            happenings, assignment, key_rows, gone = self.clusters.update([], touched, shrunk=shrunk)
            self._update_event_happenings(gone, [(h, e) for e, h in assignment.items()])
            self._append("happenings", R.HAPPENING_COLUMNS, [R.happening_row(h) for h in happenings])
            self._append("happening_keys", KEY_COLUMNS, key_rows)
            self._prune_actors()
        return {"deleted": article_id, "needs_coding": promoted, "copies": copies}

    def unchanged(self, articles: Sequence[Any]) -> list[bool]:
        """For each of `articles`, whether it is stored already under its id with the same
        content hash: what `ingest` calls a duplicate and writes nothing for (a re-run of the
        same input), so `accord.clustering.nearcopy.route` need not code it. One lookup."""
        if not articles:
            return []
        rows = self._query("SELECT id, content_hash FROM articles WHERE id = ANY(?)",
                           [sorted({a.id for a in articles})])
        stored = dict(rows)
        return [stored.get(a.id) == a.content_hash for a in articles]

    def originals_of(self, articles: Sequence[Any],
                     fingerprints: Sequence[N.Fingerprint]) -> list[str | None]:
        """`original_of` for a few articles at once (one store lookup for the lot)."""
        if not self.settings.enabled:
            return [None] * len(articles)
        for article, fp in zip(articles, fingerprints):
            self.clusters.remember(article.content_hash, fp)
        return self.clusters.originals_of(articles, fingerprints)

    def original_of(self, article: Any, fingerprint: N.Fingerprint | None = None) -> str | None:
        """Before the parse: the id of the coded stored article `article` is a near-copy of
        (it need not be coded), or None."""
        if not self.settings.enabled:
            return None
        if fingerprint is not None:
            # Kept for the write, which needs the same fingerprint again (it costs CPU only).
            self.clusters.remember(article.content_hash, fingerprint)
        fp = fingerprint or self.clusters.fingerprint(article.text, article.content_hash)
        if fp.signature is None:
            return None
        return self.clusters.original_of(article, fp)

    def _same_outlet(self, document: Document, stored_id: str, plan: "_GroupPlan") -> bool:
        """Is a stored article with the same content the same publication read again (same URL,
        or same outlet and no URL), rather than another outlet running the same text?"""
        group = plan.document(stored_id)
        if group is not None:
            url, source = group.article.url, group.article.source
        else:
            rows = self._query("SELECT url, source FROM articles WHERE id = ?", [stored_id])
            if not rows:
                return True
            url, source = rows[0]
        a = document.article
        if a.url or url:
            return (a.url or "").strip() == (url or "").strip()
        return outlet(a.source, None) == outlet(source, None)

    def _nearcopy_decision(self, document: Document, fp: N.Fingerprint, plan: "_GroupPlan",
                           same_text: set[str] | None) -> tuple[str | None, str | None]:
        """(the coded article this one is a copy of, or None; a note). Records what the group
        does to other articles (versions this one extends become its copies) in `plan`."""
        aid = document.id
        article = document.article
        uncoded = not (document.events or document.quotes or document.mentions or document.timexes)
        if same_text:
            return plan.root(min(same_text), self._query), None
        claim = article.duplicate_of
        note = None
        if claim:
            root = plan.root(claim, self._query)
            if root is not None and root != aid:
                return root, None
            reason = ("it is not stored" if root is None else
                      "that article is itself a copy of this one")
            note = f"claimed to be a copy of {claim}, but {reason}: stored as an original"
            if uncoded:
                raise ValueError(f"{aid}: {note} without records; ingest it with its records "
                                 f"(or after {claim})")
        if fp.signature is None or not self.settings.enabled:
            return None, note
        stored = (plan.candidates.roots(fp, exclude=[aid, *plan.demoted_stored])
                  if plan.candidates is not None else
                  self.clusters.stored_roots(fp, exclude=[aid, *plan.demoted_stored]))
        roots = {k: v.fingerprint for k, v in stored.items()}
        for other_id, other_fp in plan.coded_fingerprints():
            if other_id != aid:
                roots[other_id] = other_fp
        decision = N.best_copy_of(fp, roots, self.settings)
        if decision is not None:
            return decision.original, note
        if uncoded:
            return None, note  # nothing to code it with; it stays an original without records
        extended = sorted(k for k, v in roots.items()
                          if N.compare(fp, v, self.settings).relation == "extends")
        for old in extended:
            plan.demote(old, aid)
        if extended:
            note = "; ".join(filter(None, [note, f"extends {', '.join(extended)} (now copies of it)"]))
        return None, note

    def _write_plan(self, plan: "_GroupPlan") -> None:
        """Apply a group's decisions: deletions, demotions, happenings, then the new rows."""
        copy_of = plan.resolved_copies()
        written_ids = [d.id for d, _, _, _ in plan.writes]
        demoted = sorted(plan.demoted_stored)
        # Reports leaving the store: old versions of updated articles, versions now copies.
        leaving = sorted(set(plan.updated) | set(demoted))
        old_reports = self.clusters.reports_of_articles(leaving)
        touched = {r.event["happening"] for r in old_reports if r.event.get("happening")}
        shrunk = set(touched)  # happenings losing reports (the others only count copies anew)
        self.clusters.forget_reports(old_reports)
        if plan.updated:
            self.clusters.forget_texts(plan.updated)
            self._delete_articles(plan.updated)
        if demoted:
            for table in CHILD_TABLES:
                self._query(f"DELETE FROM {table} WHERE article_id IN {marks(demoted)}", demoted)
            for old in demoted:
                new = copy_of[old]
                self._query("UPDATE articles SET duplicate_of = ? WHERE id = ? OR duplicate_of = ?",
                            [new, old, old])
        # Articles that became copies take their own copies along to their original. Only a
        # stored article can have copies in the store (rows name an original stored before them,
        # and a deletion promotes its copies): a new copy costs no statement (an UPDATE per copy
        # probed the `duplicate_of` index for nothing, and more so as the store grew).
        for aid, original in copy_of.items():
            if aid in written_ids and aid in plan.updated:
                self._query("UPDATE articles SET duplicate_of = ? WHERE duplicate_of = ?",
                            [original, aid])
        # Originals gaining or losing a copy: their happenings' counts change.
        originals = sorted((set(copy_of.values()) | plan.touched_originals) - set(leaving))
        touched |= self.clusters.happenings_of_articles(originals)
        new_reports: list[Report] = []
        for document, _, _, _ in plan.writes:
            if document.id in copy_of:
                continue
            a = document.article
            where = outlet(a.source, a.url)
            for seq, e in enumerate(document.events):
                new_reports.append(Report(e.to_record(), a.date, where, seq=seq,
                                          range=told_range(e.date_range, e.date)))
        pending = [Copy(d.id, copy_of[d.id], d.article.date,
                        outlet(d.article.source, d.article.url))
                   for d, _, _, _ in plan.writes if d.id in copy_of]
        if self.settings.enabled:
            happenings, assignment, key_rows, gone = self.clusters.update(
                new_reports, touched, pending, shrunk)
        else:
            happenings, assignment, key_rows, gone = [], {}, [], []
        new_ids = {r.id for r in new_reports}
        for document, _, _, _ in plan.writes:
            for e in document.events:
                if e.id in assignment:
                    e.happening = assignment[e.id]
        self._update_event_happenings(
            gone, [(h, eid) for eid, h in assignment.items() if eid not in new_ids])
        # New rows, bulk: articles (copies included), then the coded articles' records.
        plan.final_copies = set(copy_of)
        rows = []
        for document, content_hash, ingested_at, fp in plan.writes:
            document.article.duplicate_of = copy_of.get(document.id)
            rows.append((document, content_hash, ingested_at))
        self._insert_articles(rows)
        coded = [d for d, _, _, _ in plan.writes if d.id not in copy_of]
        self._insert_mentions(coded)
        self._insert_timexes(coded)
        self._insert_events(coded)
        self._insert_quotes(coded)
        self._write_cluster_rows(plan, happenings, key_rows)

    def _update_event_happenings(self, gone: list[str], stale: list[tuple[str, str]]) -> None:
        """Drop replaced happenings (and their key rows); refile stored reports whose happening
        changed."""
        if gone:
            self._query(f"DELETE FROM happenings WHERE id IN {marks(gone)}", gone)
            self._query("DELETE FROM happening_keys WHERE happening = ANY(?)", [list(gone)])
        self._set_happenings(stale)

    # Rows per statement of `_set_happenings`: two parameters each, well under both backends' limits.
    SET_HAPPENINGS_ROWS = 500

    def _set_happenings(self, pairs: Sequence[tuple[str, str]]) -> None:
        """Set the happening of stored reports, [(happening, event id)], a few hundred per
        statement (one UPDATE per report cost a statement each)."""
        pairs = list(pairs)
        for at in range(0, len(pairs), self.SET_HAPPENINGS_ROWS):
            chunk = pairs[at:at + self.SET_HAPPENINGS_ROWS]
            values = ", ".join(["(?, ?)"] * len(chunk))
            self._query(f"UPDATE events SET happening = m.happening FROM (VALUES {values}) "
                        f"AS m(event_id, happening) WHERE events.id = m.event_id",
                        [v for h, e in chunk for v in (e, h)])

    def _write_cluster_rows(self, plan: "_GroupPlan", happenings: list, key_rows: list) -> None:
        """The group's happenings, blocking keys, signatures and LSH buckets."""
        self._append("happenings", R.HAPPENING_COLUMNS, [R.happening_row(h) for h in happenings])
        self._append("happening_keys", KEY_COLUMNS, key_rows)
        sigs = [(d.id, N.signature_bytes(fp.signature)) for d, _, _, fp in plan.writes
                if fp.signature is not None]
        self._append("article_signatures", ["article_id", "signature"], sigs)
        self._append("article_shingles", ["article_id", "shingles"],
                     [(d.id, N.hashes_bytes(fp.hashes)) for d, _, _, fp in plan.writes
                      if fp.signature is not None])
        self._append("nearcopy_bands", ["bucket", "article_id"],
                     [(k, d.id) for d, _, _, fp in plan.writes for k in fp.keys])

    def _lookup(
        self, ids: list[str], hashes: list[str]
    ) -> tuple[dict[str, tuple[str, datetime, str | None]], dict[str, set[str]]]:
        """Stored articles sharing an id or a content hash with the group: by id, the stored
        (content_hash, ingested_at, duplicate_of); by content hash, the ids holding it."""
        # Two index lookups: an OR of the two lists scans the whole table (DuckDB).
        rows = self._query(
            "SELECT id, content_hash, ingested_at, duplicate_of FROM articles WHERE id = ANY(?) "
            "UNION SELECT id, content_hash, ingested_at, duplicate_of FROM articles "
            "WHERE content_hash = ANY(?)", [list(ids), list(hashes)])
        by_id = {r[0]: (r[1], r[2], r[3]) for r in rows}
        by_hash: dict[str, set[str]] = {}
        for aid, content_hash, _, _ in rows:
            by_hash.setdefault(content_hash, set()).add(aid)
        return by_id, by_hash

    # Each step is a method of its own so a test can make one fail mid-article.

    def _delete_articles(self, ids: list[str]) -> None:
        # Re-coding replaces everything the article owns; the article row is re-inserted
        # (with its original ingested_at) by _insert_articles in the same transaction.
        for table in (*CHILD_TABLES, "articles"):
            column = "id" if table == "articles" else "article_id"
            # Table and column names are constants from this module, never from input.
            self._execute(f"DELETE FROM {table} WHERE {column} IN {marks(ids)}", ids)

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
        self._append("events", R.EVENT_STORED_COLUMNS,
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
        """Row counts: articles, events, quotes, timexes, mentions, actors, happenings."""
        names = ("articles", "events", "quotes", "timexes", "mentions", "actors", "happenings")
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


def write_groups(documents: Iterable[Document], batch_size: int) -> Iterator[list[Document]]:
    """The documents in groups of at most `batch_size`, each written in one transaction; a group
    never holds two documents with the same id or text (the second must see the first stored).
    When the source fails (a reader or a stage), the group so far comes first, so that the work
    already done is kept, and then the error."""
    group: list[Document] = []
    seen: set[str] = set()
    source = iter(documents)
    while True:
        try:
            document = next(source)
        except StopIteration:
            break
        except Exception:
            if group:
                yield group
            raise
        keys = {"id:" + document.id, "hash:" + document.article.content_hash}
        if group and (len(group) >= batch_size or keys & seen):
            yield group
            group, seen = [], set()
        group.append(document)
        seen |= keys
    if group:
        yield group


class _BackgroundWriter:
    """`Store.ingest_many(background=True)`: this thread groups the documents as `ingest_many`
    does and hands each group to a writing thread, which owns the store while it runs (its
    transactions and reads go through the store's own connection; the calling thread's reads,
    through one of their own). Outcomes, `on_error` calls and exceptions come back to the
    calling thread in input order. At most one group waits while one is written."""

    def __init__(self, store: Store, on_error: Callable[[Document, Exception], None] | None):
        import queue

        self.store = store
        self.on_error = on_error
        self.todo: queue.Queue = queue.Queue(maxsize=1)
        self.done: queue.Queue = queue.Queue()
        self.owned = threading.Event()
        self.thread = threading.Thread(target=self._write, name="accord-store-writer", daemon=True)
        self.pending = 0  # groups handed over whose results are not yet back

    def _write(self) -> None:
        self.store._owner = threading.get_ident()
        self.owned.set()
        while True:
            group = self.todo.get()
            if group is None:
                return
            results: list[tuple] = []

            def failed(document: Document, exc: Exception) -> None:
                results.append(("error", document, exc))

            try:
                for outcome in self.store._ingest_group_or_singly(
                        group, failed if self.on_error is not None else None):
                    results.append(("outcome", outcome))
            except BaseException as exc:  # handed to the calling thread, which raises it
                results.append(("raise", exc))
                self.done.put(results)
                return
            self.done.put(results)

    def _results(self, block: bool) -> Iterator[IngestOutcome]:
        """The outcomes of the groups written so far (with `block`: of every group handed over)."""
        import queue

        while self.pending:
            try:
                results = self.done.get(block=block, timeout=None)
            except queue.Empty:
                return
            self.pending -= 1
            for kind, *item in results:
                if kind == "outcome":
                    yield item[0]
                elif kind == "error":
                    self.on_error(item[0], item[1])
                else:
                    self.pending = 0
                    raise item[0]

    def _hand_over(self, group: list[Document]) -> Iterator[IngestOutcome]:
        import queue

        if not group:
            return
        while True:
            try:
                self.todo.put(group, timeout=0.05)
                break
            except queue.Full:
                yield from self._results(block=False)  # a failed group ends the writer: raises
        self.pending += 1
        yield from self._results(block=False)

    def run(self, documents: Iterable[Document], batch_size: int) -> Iterator[IngestOutcome]:
        store = self.store
        owner = store._owner
        self.thread.start()
        try:
            self.owned.wait()
            groups = write_groups(documents, batch_size)
            while True:
                try:
                    group = next(groups)
                except StopIteration:
                    break
                except Exception:
                    # the source failed after its last group was handed over: wait for the writes
                    yield from self._results(block=True)
                    raise
                yield from self._hand_over(group)
            yield from self._results(block=True)
        finally:
            self._stop()
            store._owner = owner

    def _stop(self) -> None:
        """Let the group being written finish (commit or roll back); drop the one waiting."""
        import queue

        try:
            while True:
                self.todo.get_nowait()
        except queue.Empty:
            pass
        self.todo.put(None)
        self.thread.join()


class _GroupPlan:
    """What one ingest group will write and what it does to stored articles."""

    def __init__(self) -> None:
        self.writes: list[tuple[Document, str, datetime | None, N.Fingerprint]] = []
        self.updated: list[str] = []
        self.copy_of: dict[str, str] = {}  # article -> the article it is a copy of
        self.demoted_stored: set[str] = set()  # stored coded articles becoming copies
        self.touched_originals: set[str] = set()  # originals losing a copy (an update)
        self.final_copies: set[str] = set()
        self.candidates: Candidates | None = None  # stored near-copy candidates of the group

    def document(self, aid: str) -> Document | None:
        for document, _, _, _ in self.writes:
            if document.id == aid:
                return document
        return None

    def _follow(self, aid: str) -> str:
        seen = set()
        while aid in self.copy_of and aid not in seen:
            seen.add(aid)
            aid = self.copy_of[aid]
        return aid

    def root(self, aid: str, query: Callable[..., list[tuple]]) -> str | None:
        """The coded article `aid` stands for (itself, or the one it is a copy of); None when
        it is neither stored nor in the group."""
        aid = self._follow(aid)
        if self.document(aid) is not None:
            return aid
        rows = query("SELECT duplicate_of FROM articles WHERE id = ?", [aid])
        if not rows:
            return None
        return self._follow(rows[0][0]) if rows[0][0] else aid

    def coded_fingerprints(self) -> Iterator[tuple[str, N.Fingerprint]]:
        for document, _, _, fp in self.writes:
            if document.id not in self.copy_of and fp.signature is not None:
                yield document.id, fp

    def demote(self, old: str, new: str) -> None:
        self.copy_of[old] = new
        if self.document(old) is None:
            self.demoted_stored.add(old)

    def resolved_copies(self) -> dict[str, str]:
        return {aid: self._follow(aid) for aid in self.copy_of}


def sent_unchanged(document: Document) -> bool:
    """Sent uncoded because the store held the article as it is (`Store.unchanged`): it names
    itself as what it repeats and has no records."""
    return (document.article.duplicate_of == document.id
            and not (document.events or document.quotes or document.mentions or document.timexes))


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
