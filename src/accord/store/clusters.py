"""The store's side of clustering: near-copy lookups in the LSH tables and the happenings of the
reports a write touches, read and written inside the article's transaction.

Pure decisions live in `accord.clustering`; this module only moves records between the tables
and those functions. SQL here is the portable subset (`?` placeholders, IN lists, UPDATE ... FROM)
so the PostgreSQL backend can share it; a long list of values is one parameter, `= ANY(?)` (an
array in both backends), since binding hundreds of `?` in an IN list costs more than the lookup.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Sequence

from ..clustering import nearcopy as N
from ..clustering.happenings import (
    Copy,
    Report,
    blocking_keys,
    compared_fields,
    compatible,
    filed_keys,
    group,
    may_be_compatible,
    outlet,
    probe_keys,
    side_key,
    sentence_bound,
    sides_may_match,
    Summary,
    summarize,
    told_range,
)
from ..clustering.settings import ClusteringSettings
from ..model import Article, Happening
from . import rows as R

Query = Callable[[str, Sequence[Any]], list[tuple]]


def marks(values: Sequence[Any]) -> str:
    return "(" + ", ".join("?" * len(values)) + ")"


# What clustering reads of a stored report, in `R.EVENT_COLUMNS` order: the columns no rule and
# no happening reads stand as placeholders, and the evidence (long text) is read only where it
# counts, for statements (CAMEO 01); the sentence is read (`joint_meetings` joins the dyads of
# one sentence's meeting). A columnar store decompresses every column it reads, so
# this halves the cost of reading a happening's reports. These records are never written back.
_UNREAD = {"trigger_text": "''", "trigger_start": "0", "trigger_end": "0",
           "plover_mode": "NULL", "date_start": "NULL", "announced_cameo": "NULL",
           "evidence": "CASE WHEN e.cameo LIKE '01%' THEN e.evidence ELSE '' END"}
# The record's columns, then its date range (`R.EVENT_RANGE_COLUMNS`, what `Report.range` holds).
_EVENT_FIELDS = ", ".join(_UNREAD.get(c, "e." + c) for c in R.EVENT_STORED_COLUMNS)
# Some stored reports (a filter on `events e` follows): their articles' fields are read apart
# (`Clusters._read_reports`). Joined in one statement, DuckDB scans the whole articles table for
# every read (13.8 ms against 5.8 + 1.1 ms for 30 reports of the 5,000 recorded articles of
# bench_store_replay), a cost that grew with the store.
_EVENT_SELECT = f"SELECT {_EVENT_FIELDS} FROM events e"
# Every stored report with its article's fields (`Store.recluster`).
_EVENT_SELECT_ALL = (f"SELECT {_EVENT_FIELDS}, a.date, a.source, a.url "
                     "FROM events e JOIN articles a ON a.id = e.article_id")
_ARTICLE_AT = R.EVENT_COLUMNS.index("article_id")


# The stored classes of reports under some blocking keys (`?`: the keys and, for each, the days a
# stored report's interval must meet, `Clusters._day_windows`): one row per key of each class of equal
# compared fields in a happening (`happening_keys`, written by `key_rows_of`), so a happening many
# reports tell alike is one row whatever their number. DuckDB (2.0) plans it as a sequential
# scan of `happening_keys` and a hash join: a 50-article group's query (530-600 windows, 380-450
# keys) 7.6-13 ms at 11,900 key rows (1,000 recorded articles of bench_store_replay) and 12-14 ms
# at 58,300 (5,000). Made an index probe (`dynamic_or_filter_threshold` raised to the windows:
# EXPLAIN ANALYZE a Table Scan of Type Index Scan, 0 row groups scanned) it costs more there:
# DuckDB fetches each key-matched row by row id (some 12 µs a row, 6 µs a key looked up), while
# the scan costs some 0.07 µs a stored row. So DuckDB scans while the table is small for the
# statement's keys and probes once it is large (`DuckDBStore.scan_rows_per_key`): a group's
# statement (742 keys, 1,738 key-matched rows) scanned 7.7 / 12.7 / 33 / 82 ms at 11,000 /
# 55,000 / 273,000 / 1,093,000 key rows, probed 15 / 22 / 43-47 / 43 ms; a statement of a few
# keys (one article, a round of `_reached`) probes at any size worth the name.
# PostgreSQL (`probe_keys` None) hashed the whole table for the join (Seq Scan and Hash of
# 58,300 rows, 35-39 ms; 6-9 ms at 11,900): the keys are also given as `= ANY(?)`
# (`_CANDIDATE_CLASSES_ANY`), which it answers with a Bitmap Index Scan of `happening_keys_key`
# once the table is large (6.5-10.7 ms at 58,300 rows), a seq scan while it is small (6-9.6 ms).
#
# Each window is also a pair of sides (`side_key`, NULL for any side: one window per key and pair
# of sides of its new reports): a stored class is read only when its sides may be the window's,
# in either order (`sides_may_match`), so a report dated "in 2014" reads the classes of its
# root, its countries and its year whose other side may be its own, not every act of its root
# and country that year. Exact: a class left out is compatible with no new report under the key.
_SAME_SIDE = "({x} IS NULL OR {y} IS NULL OR {x} = {y})"
_SIDES_MEET = ("(({a} AND {b}) OR ({c} AND {d}))").format(
    a=_SAME_SIDE.format(x="k.source_side", y="w.src"),
    b=_SAME_SIDE.format(x="k.target_side", y="w.tgt"),
    c=_SAME_SIDE.format(x="k.source_side", y="w.tgt"),
    d=_SAME_SIDE.format(x="k.target_side", y="w.src"))
_CANDIDATE_CLASSES = (
    "SELECT DISTINCT k.key, k.report, k.happening, k.negated, k.modality, k.bare, k.earliest, "
    "k.latest, k.source_side, k.target_side, k.core, k.reports "
    "FROM happening_keys k JOIN (SELECT unnest(CAST(? AS TEXT[])) AS key, "
    "unnest(CAST(? AS TEXT[])) AS lo, unnest(CAST(? AS TEXT[])) AS hi, "
    "unnest(CAST(? AS TEXT[])) AS src, unnest(CAST(? AS TEXT[])) AS tgt) w ON k.key = w.key "
    f"WHERE (k.earliest IS NULL OR (k.earliest <= w.hi AND k.latest >= w.lo)) AND {_SIDES_MEET}"
)
# The same with the keys again as a list the btree answers (PostgreSQL; `?` last: the keys).
_CANDIDATE_CLASSES_ANY = _CANDIDATE_CLASSES + " AND k.key = ANY(CAST(? AS TEXT[]))"
# The stored articles under some LSH buckets (`?`: the bucket keys), see `Clusters._bucket_rows`:
# a join DuckDB probes the index for, and the filter PostgreSQL does.
_BUCKET_ROWS_ANY = (
    "SELECT DISTINCT b.bucket, b.article_id, a.duplicate_of FROM nearcopy_bands b "
    "JOIN articles a ON a.id = b.article_id WHERE b.bucket = ANY(?)")
_BUCKET_ROWS = (
    "SELECT DISTINCT b.bucket, b.article_id, a.duplicate_of "
    "FROM (SELECT unnest(CAST(? AS BIGINT[])) AS k) w "
    "JOIN nearcopy_bands b ON b.bucket = w.k JOIN articles a ON a.id = b.article_id")
KEY_COLUMNS = ["key", "happening", "report", "date", "basis", "negated", "modality",
               "published", "bare", "earliest", "latest", "source_side", "target_side", "core",
               "reports"]


def key_rows_of(happening: str, members: Iterable[Report],
             settings: ClusteringSettings) -> list[tuple]:
    """The `happening_keys` rows of a happening: for each class of its reports with equal
    compared fields (`compatible` gives them the same answer), the blocking keys of the class,
    its smallest report id and what the date sift reads (`Clusters._candidate_reports`: its
    interval, the days `Report.interval` gives it; NULL with no date nor publication date). A
    function of the happening's reports and the settings: rewritten whenever they change."""
    first: dict[tuple, Report] = {}
    size: dict[tuple, int] = {}
    for r in members:
        c = (compared_fields(r), r.is_core)
        size[c] = size.get(c, 0) + 1
        if c not in first or r.id < first[c].id:
            first[c] = r
    rows = []
    for c, r in first.items():
        e = r.event
        undated = not e.get("date")
        published = r.published if undated else None
        bare = r.article_id if undated and not r.published else None
        days = r.interval(settings)
        earliest, latest = (days[0].isoformat(), days[1].isoformat()) if days else (None, None)
        src, tgt = side_key(e.get("source")), side_key(e.get("target"))
        rows += [(k, happening, r.id, e.get("date"), e.get("date_basis"), bool(e["negated"]),
                  e["modality"], published, bare, earliest, latest, src, tgt, r.is_core, size[c])
                 for k in filed_keys(r, settings)]
    return rows


_RECORD_END = len(R.EVENT_COLUMNS)


def collapse(members: Sequence[Report], everyone: Sequence[Report],
             settled: dict[int, str]) -> tuple[list[Report], dict[int, list[Report]]]:
    """`members` as `group` may take them (its `hidden`): of each class of equal compared fields
    and coreness in one settled happening, its reports that no utterance nor joint meeting of
    their sentence in `everyone` may read (not `sentence_bound`) stand as the smallest id of
    them, which the others follow. A story told again and again is regrouped as a few classes,
    however many reports it holds; the groups are those of passing every report."""
    bound = sentence_bound(everyone)
    shown: list[Report] = []
    alike: dict[tuple, list[Report]] = {}
    for r in members:
        h = settled.get(id(r))
        if h is None or id(r) in bound:
            shown.append(r)
        else:
            alike.setdefault((compared_fields(r), r.is_core, h), []).append(r)
    hidden: dict[int, list[Report]] = {}
    for rs in alike.values():
        rs.sort(key=lambda r: r.id)
        shown.append(rs[0])
        if len(rs) > 1:
            hidden[id(rs[0])] = rs[1:]
    return shown, hidden


def _sides(r: Report) -> tuple[str | None, str | None]:
    e = r.event
    return side_key(e.get("source")), side_key(e.get("target"))


def report_of(row: Sequence[Any]) -> Report:
    """A row of `_EVENT_FIELDS` and its article's date, source and URL."""
    n = len(R.EVENT_STORED_COLUMNS)
    event = R.event_record(row[:_RECORD_END])
    return Report(event, row[n], outlet(row[n + 1], row[n + 2]),
                  seq=row[R.EVENT_COLUMNS.index("seq")], range=told_range(row[_RECORD_END:n]))


@dataclass(slots=True)
class StoredText:
    article_id: str
    duplicate_of: str | None
    source: str | None
    url: str | None
    fingerprint: N.Fingerprint


@dataclass(slots=True)
class Candidates:
    """Stored near-copy candidates of a few texts, looked up at once (see `Clusters.candidates`)."""

    buckets: dict[int, set[tuple[str, str | None]]]  # LSH bucket -> (article, its original)
    texts: dict[str, StoredText]  # the coded articles those stand for

    def roots(self, fp: N.Fingerprint, exclude: Iterable[str] = ()) -> dict[str, StoredText]:
        """The coded articles `fp`'s text may be a near-copy of: the articles sharing a bucket
        with it, each replaced by the coded article it is itself a copy of; none in `exclude`."""
        skip = set(exclude)
        found = {pair for key in fp.keys for pair in self.buckets.get(key, ())
                 if pair[0] not in skip}
        roots = {dup or aid for aid, dup in found} - skip
        return {aid: self.texts[aid] for aid in sorted(roots) if aid in self.texts}


# Fingerprints kept between a text's check before the parse and its write: more than the
# articles in flight (look-ahead, parse batches, workers' queues, one ingest group), and few
# enough that memory stays flat (a fingerprint keeps 8 bytes a word, and once compared the set
# of its shingle hashes: a few tens of kilobytes).
FINGERPRINTS_KEPT = 512


# Stored reports kept in memory as members of recently written happenings (see `MemberCache`):
# enough for the large happenings a stream keeps adding to (a recurring story gathers a hundred
# reports or more), few enough that memory stays flat (a report takes a few kilobytes).
MEMBERS_KEPT = 20_000

Stamps = Callable[[Sequence[str]], "dict[str, str] | None"]


# A happening of at least this many reports keeps its running summary (`Summary`) in memory
# with its members, so a report joining it is summarized alone; a smaller one is summarized
# whole, which costs as little.
SUMMARY_FROM = 10


@dataclass(slots=True)
class _Entry:
    reports: dict[str, Report | None]  # member id -> its stored record, None until read
    stamp: str | None  # what `stamps` gave for the happening's row when it was written
    summary: Summary | None = None  # what `summarize` read of its members (see `SUMMARY_FROM`)

    @property
    def weight(self) -> int:
        """What the entry holds, in reports: those read, and those its summary counts."""
        return sum(r is not None for r in self.reports.values()) + (
            self.summary.reports if self.summary is not None else 0)


class MemberCache:
    """The members of recently written happenings, as the store holds them after the last commit,
    so that a report joining a large happening does not re-read all its reports.

    Only an optimisation: an entry is used exactly as the rows it stands for would be read, and
    any doubt drops it (the rows are then read as before). Its rules:
    - an entry is written (staged) by the transaction that writes the happening, and becomes
      usable when that transaction commits; a rollback drops everything staged;
    - a report is kept only as read from the store (new reports are read when first needed,
      since the stored record may differ from the one written, e.g. in the evidence kept);
    - removing reports (deletion, re-coding, a version becoming a copy) drops their happenings,
      and recluster drops everything;
    - other writers: the backend gives a stamp per stored happening row (PostgreSQL: the row's
      xmin, which changes with every rewrite, by any process), checked before an entry is used;
      without stamps (DuckDB: one writing process) the store's write generation is checked, so
      a second store object writing to the same file empties the cache.
    """

    def __init__(self, limit: int = MEMBERS_KEPT) -> None:
        self.limit = limit
        self.entries: OrderedDict[str, _Entry] = OrderedDict()
        self.size = 0  # reports held (read, or counted by a summary) across entries
        self.staged: dict[str, dict[str, Report | None]] = {}
        self.staged_summaries: dict[str, Summary] = {}
        self.gone: set[str] = set()  # happenings the open transaction replaced or deleted
        # Happenings whose committed summary the open transaction took to add reports to: a
        # rollback drops their entries (the summary no longer holds what the store does).
        self.taken: set[str] = set()

    def clear(self) -> None:
        self.entries.clear()
        self.size = 0
        self.rollback()

    def rollback(self) -> None:
        for h in self.taken:
            self._forget(h)
        self._end()

    def _end(self) -> None:
        self.staged = {}
        self.staged_summaries = {}
        self.gone = set()
        self.taken = set()

    def drop(self, ids: Iterable[str]) -> None:
        for h in ids:
            self._forget(h)
            self.staged.pop(h, None)
            self.staged_summaries.pop(h, None)

    def _forget(self, h: str) -> None:
        entry = self.entries.pop(h, None)
        if entry is not None:
            self.size -= entry.weight

    def get(self, h: str) -> dict[str, Report | None] | None:
        """The members of `h` as the open transaction sees them, if known."""
        staged = self.staged.get(h)
        if staged is not None:
            return staged
        if h in self.gone:
            return None
        entry = self.entries.get(h)
        return entry.reports if entry is not None else None

    def take_summary(self, h: str) -> Summary | None:
        """The running summary of `h` as the open transaction sees it, to add reports to (it is
        then the caller's: staged again with the happening it becomes, or dropped)."""
        summary = self.staged_summaries.pop(h, None)
        if summary is not None:
            return summary
        if h in self.gone or h in self.staged:
            return None
        entry = self.entries.get(h)
        if entry is None or entry.summary is None:
            return None
        self.taken.add(h)
        return entry.summary

    def committed(self, ids: Iterable[str]) -> list[str]:
        """Of `ids`, those whose entry dates from an earlier transaction (to validate)."""
        return [h for h in ids if h in self.entries and h not in self.staged and h not in self.gone]

    def invalid(self, stamps: dict[str, str]) -> list[str]:
        return [h for h, e in self.entries.items() if h in stamps and stamps[h] != e.stamp]

    def stage(self, gone: Iterable[str], written: dict[str, dict[str, Report | None]],
              summaries: dict[str, Summary] | None = None) -> None:
        self.gone.update(gone)
        for h in gone:
            self.staged.pop(h, None)
            self.staged_summaries.pop(h, None)
        self.staged.update(written)
        self.staged_summaries.update(summaries or {})

    def commit(self, stamp: str | None) -> None:
        staged, gone, summaries = self.staged, self.gone, self.staged_summaries
        self._end()
        for h in gone:
            self._forget(h)
        for h, reports in staged.items():
            for r in reports.values():
                if r is not None:
                    r.event["happening"] = h  # as the row now says
            self._forget(h)
            entry = self.entries[h] = _Entry(reports, stamp, summaries.get(h))
            self.size += entry.weight
        while self.size > self.limit and self.entries:
            _, entry = self.entries.popitem(last=False)
            self.size -= entry.weight

    def fill(self, h: str, reports: Iterable[Report]) -> None:
        """Reports of `h` read from the store (inside the open transaction)."""
        members = self.get(h)
        if members is None:
            return
        for r in reports:
            if r.id in members and members[r.id] is None:
                members[r.id] = r
                if h in self.entries and h not in self.staged:
                    self.size += 1
        if h in self.entries:
            self.entries.move_to_end(h)


class Clusters:
    """Near-copy and happening bookkeeping over one connection's `query` function."""

    def __init__(self, query: Query, settings: ClusteringSettings,
                 stamps: Stamps | None = None, probe_keys: int | None = None,
                 probing: Callable[[str, Sequence[Any], int], list[tuple]] | None = None,
                 scan_rows_per_key: int | None = None) -> None:
        self.query = query
        self.probe_keys = probe_keys
        self.scan_rows_per_key = scan_rows_per_key
        self.probing = probing or (lambda sql, params, values: query(sql, params))
        self.settings = settings
        self._fingerprints: OrderedDict[str, N.Fingerprint] = OrderedDict()
        # The coding thread remembers fingerprints (`remember`, before the parse) while a writing
        # thread reads them (`Store.ingest_many(background=True)`): the cache's steps are atomic.
        self._fingerprints_lock = threading.Lock()
        # `stamps(ids)`: the stored happening rows' stamps, or None when the backend has none.
        self._stamps = stamps
        self.members = MemberCache()

    # -- near-copies ----------------------------------------------------------------------------

    def fingerprint(self, text: str, key: str | None = None) -> N.Fingerprint:
        """The text's fingerprint; remembered for the last `FINGERPRINTS_KEPT` texts (a text is
        fingerprinted before its parse, again when written, and as a candidate of its copies)."""
        key = key or text
        fp = self._cached(key)
        if fp is None:
            fp = N.Fingerprint.of(text, self.settings)
            self.remember(key, fp)
        return fp

    def _cached(self, key: str) -> N.Fingerprint | None:
        with self._fingerprints_lock:
            fp = self._fingerprints.get(key)
            if fp is not None:
                self._fingerprints.move_to_end(key)
            return fp

    def remember(self, key: str, fp: N.Fingerprint) -> None:
        """Keep a fingerprint computed elsewhere (before the parse) for `fingerprint(.., key)`."""
        with self._fingerprints_lock:
            if key not in self._fingerprints:
                self._fingerprints[key] = fp
                if len(self._fingerprints) > FINGERPRINTS_KEPT:
                    self._fingerprints.popitem(last=False)

    def stored_roots(self, fp: N.Fingerprint, exclude: Iterable[str] = ()) -> dict[str, StoredText]:
        """Coded articles the text may be a near-copy of: the articles sharing an LSH bucket with
        it, each replaced by the coded article it is itself a copy of."""
        return self.candidates([fp]).roots(fp, exclude)

    def candidates(self, fps: Sequence[N.Fingerprint]) -> "Candidates":
        """The stored articles sharing an LSH bucket with any of `fps`, and the texts of the coded
        articles they stand for, read with two statements for the lot (an ingest group's
        decisions then cost no statement each)."""
        keys = sorted({k for fp in fps for k in fp.keys})
        if not keys:
            return Candidates({}, {})
        buckets: dict[int, set[tuple[str, str | None]]] = {}
        for bucket, aid, dup in self._bucket_rows(keys):
            buckets.setdefault(bucket, set()).add((aid, dup))
        roots = {dup or aid for found in buckets.values() for aid, dup in found}
        return Candidates(buckets, self.texts(roots))

    def _bucket_rows(self, keys: Sequence[int]) -> list[tuple]:
        """(bucket, article, its original) of the stored articles under the LSH buckets `keys`,
        found by probing the bucket index, a cost per key whatever the store's size.

        DuckDB (2.0) scans `nearcopy_bands` for `bucket = ANY(?)` (a group's 1,850 keys: 6.5 ms
        at 185,000 band rows, the 5,000 recorded articles of bench_store_replay, 12.5 ms at
        1,480,000), but turns a join's build-side values into an IN filter that probes the ART
        index (EXPLAIN ANALYZE: a Table Scan of Type Index Scan, 0 row groups scanned) up to
        `dynamic_or_filter_threshold` values, which `DuckDBStore._probing` raises for the
        statement: the keys are joined as a list (`_BUCKET_ROWS`), up to `probe_keys` a
        statement, 10-11 ms a group at 37,000 and at 185,000 band rows. PostgreSQL's planner
        turns `= ANY(?)` into a Bitmap Index Scan of the btree once the table is large (9 ms at
        1,480,000 rows; a seq scan at 185,000, 21 ms), while it hashes the whole table for the
        join at 185,000 rows (112 ms): `probe_keys` None keeps `= ANY(?)` there."""
        if self.probe_keys is None:
            return self.query(_BUCKET_ROWS_ANY, [list(keys)])
        rows: list[tuple] = []
        for at in range(0, len(keys), self.probe_keys):
            chunk = list(keys[at:at + self.probe_keys])
            rows += self.probing(_BUCKET_ROWS, [chunk], len(chunk))
        return rows

    def texts(self, ids: Iterable[str]) -> dict[str, StoredText]:
        """The coded articles `ids` as `compare` reads them: from their stored shingle hashes
        (one small row each), or from a fingerprint at hand; from the text only for an article
        without stored hashes."""
        ids = sorted(set(ids))
        if not ids:
            return {}
        rows = self.query(
            f"SELECT a.id, a.duplicate_of, a.source, a.url, s.shingles, a.content_hash "
            f"FROM articles a LEFT JOIN article_shingles s ON s.article_id = a.id "
            f"WHERE a.id IN {marks(ids)}", ids)
        unhashed = [r[0] for r in rows if r[4] is None and r[5] not in self._fingerprints]
        text_of = dict(self.query(f"SELECT id, text FROM articles WHERE id IN {marks(unhashed)}",
                                  unhashed)) if unhashed else {}
        return {aid: StoredText(aid, dup, src, url, self._compared(blob, text_of.get(aid), chash))
                for aid, dup, src, url, blob, chash in rows}

    def _compared(self, blob: bytes | None, text: str | None, key: str) -> N.Fingerprint:
        """A stored text's fingerprint for `compare`: the whole one if it is at hand, else what
        its stored shingle hashes (or, without those, its text) give (never kept as the text's
        own: a fingerprint without a signature must never stand for it when it is written)."""
        fp = self._cached(key)
        if fp is not None:
            return fp
        if blob is not None:
            return N.Fingerprint.from_hashes(N.hashes_from_bytes(blob), self.settings)
        return N.Fingerprint.words_only(text or "", self.settings)

    def original_of(self, article: Article, fp: N.Fingerprint) -> str | None:
        """Before the parse: the coded stored article this one is a near-copy of, or None."""
        return self.originals_of([article], [fp])[0]

    def originals_of(self, articles: Sequence[Article],
                     fps: Sequence[N.Fingerprint]) -> list[str | None]:
        """`original_of` of each article, with one lookup for the lot."""
        found = self.candidates([fp for fp in fps if fp.signature is not None])
        out: list[str | None] = []
        for article, fp in zip(articles, fps):
            if fp.signature is None:
                out.append(None)
                continue
            roots = found.roots(fp, exclude=[article.id])
            decision = N.best_copy_of(fp, {k: v.fingerprint for k, v in roots.items()},
                                      self.settings)
            out.append(decision.original if decision else None)
        return out

    def band_rows(self, article_id: str, fp: N.Fingerprint) -> list[tuple[int, str]]:
        return [(key, article_id) for key in fp.keys]

    def forget_texts(self, ids: Sequence[str]) -> None:
        """Drop the signatures and LSH buckets of articles being deleted or re-coded."""
        if not ids:
            return
        rows = self.query(
            f"SELECT article_id, signature FROM article_signatures WHERE article_id IN {marks(ids)}",
            list(ids))
        b, r = N.band_layout(self.settings.nearcopy_threshold, self.settings.num_perm)
        keys = sorted({k for _, sig in rows for k in N.band_keys(N.signature_from_bytes(sig), b, r)})
        if keys:
            self.query(f"DELETE FROM nearcopy_bands WHERE bucket IN {marks(keys)} "
                       f"AND article_id IN {marks(ids)}", [*keys, *ids])
        self.query(f"DELETE FROM article_signatures WHERE article_id IN {marks(ids)}", list(ids))
        self.query(f"DELETE FROM article_shingles WHERE article_id IN {marks(ids)}", list(ids))

    # -- happenings -----------------------------------------------------------------------------

    def _read_reports(self, where: str, params: Sequence[Any]) -> list[Report]:
        """The stored reports `where` selects (a filter on `events e`), with their articles'
        date, source and URL, read by the articles' ids (as an inner join would give them)."""
        rows = self.query(f"{_EVENT_SELECT} WHERE {where}", params)
        if not rows:
            return []
        article_ids = sorted({row[_ARTICLE_AT] for row in rows})
        articles = {aid: (d, src, url) for aid, d, src, url in self.query(
            "SELECT id, date, source, url FROM articles WHERE id = ANY(?)", [article_ids])}
        return [report_of((*row, *articles[row[_ARTICLE_AT]])) for row in rows
                if row[_ARTICLE_AT] in articles]

    def reports_of_articles(self, ids: Sequence[str]) -> list[Report]:
        if not ids:
            return []
        return self._read_reports(f"e.article_id IN {marks(ids)}", list(ids))

    def happenings_of_articles(self, ids: Sequence[str]) -> set[str]:
        if not ids:
            return set()
        return {r[0] for r in self.query(
            f"SELECT DISTINCT happening FROM events WHERE article_id IN {marks(ids)} "
            "AND happening IS NOT NULL", list(ids))}

    def forget_reports(self, reports: Sequence[Report]) -> None:
        """Reports being deleted: their happenings lose members, so what is kept of them no
        longer holds (their key rows are rewritten with them: they are `touched`)."""
        if not reports:
            return
        self.members.drop({r.event["happening"] for r in reports if r.event.get("happening")})

    def _candidate_reports(self, keys: list[str], by_key: dict[str, list[Report]],
                           affected: set[str],
                           classes: dict[str, tuple] | None = None) -> list[Report]:
        """Stored reports sharing a blocking key with a new one, filed in a happening not yet
        `affected`, whose date, negation and modality allow a match with a new report sharing
        the key: one report of each class of equal compared fields in each happening under each
        key (`_CANDIDATE_CLASSES`), since `compatible` gives its class-mates the same answer;
        a few columns are read of those, whole records only of the ones that pass. A happening
        many reports tell alike (a story told again and again) is one row, however many.
        `classes` (optional) receives, for each report returned, whether its class is core and
        how many reports of its happening the class holds (None, None: a row of schema 7)."""
        wanted: set[str] = set()
        filed: dict[str, str] = {}  # wanted report -> its happening
        sifted: dict[tuple, bool] = {}  # many reports under a key share these few fields
        for key, eid, happening, negated, modality, bare, earliest, latest, src, tgt, core, size \
                in self._candidate_classes(keys, by_key):
            if happening is None or happening in affected or eid in wanted:
                continue
            # A stored class is placed by its interval (with none: by its article, `bare`).
            fields = (key, negated, modality, bare, earliest, latest, src, tgt)
            passes = sifted.get(fields)
            if passes is None:
                stub = Report.placed(eid, bare, negated, modality,
                                     told_range((earliest, latest)), self.settings)
                passes = any(sides_may_match((src, tgt), _sides(r))
                             and may_be_compatible(stub, r, self.settings)
                             for r in by_key.get(key, ()))
                sifted[fields] = passes
            if passes:
                wanted.add(eid)
                filed[eid] = happening
                if classes is not None:
                    classes[eid] = (core, size)
        self._validate({*filed.values(), *affected})
        # Reports of happenings kept in memory are not read again.
        out: list[Report] = []
        for eid in sorted(wanted):
            kept = self.members.get(filed[eid])
            r = kept.get(eid) if kept is not None else None
            if r is not None:
                out.append(r)
                wanted.discard(eid)
        if wanted:
            read = self._read_reports("e.id = ANY(?)", [sorted(wanted)])
            for r in read:
                self.members.fill(filed[r.id], [r])
            out += read
        return out

    def _candidate_classes(self, keys: list[str], by_key: dict[str, list[Report]]) -> list[tuple]:
        """The rows of `_CANDIDATE_CLASSES` for `keys` (see there: PostgreSQL, `probe_keys`
        None, is also given the keys as a list, which it probes its btree for). DuckDB scans
        the table while it is small and probes its index for the keys once it holds more than
        `scan_rows_per_key` rows a key (the scan's cost grows with the table, the probe's with
        the keys and the rows they find); above `index_scan_max_count` rows found it scans
        anyway. The rows are the same either way."""
        windows = self._day_windows(keys, by_key)
        if self.probe_keys is None:
            return self.query(_CANDIDATE_CLASSES_ANY, [*windows, sorted(set(windows[0]))])
        if self.scan_rows_per_key is not None and windows[0] and \
                self._key_rows() > self.scan_rows_per_key * len(set(windows[0])):
            # The join's build side is the windows: as many values as the probe takes.
            return self.probing(_CANDIDATE_CLASSES, windows, len(windows[0]))
        return self.query(_CANDIDATE_CLASSES, windows)

    def _key_rows(self) -> int:
        """The rows of `happening_keys` (a count DuckDB answers from its row groups' sizes)."""
        return self.query("SELECT count(*) FROM happening_keys", [])[0][0]

    def _validate(self, happenings: Iterable[str]) -> None:
        """Drop the kept members of `happenings` whose stored rows another writer has rewritten
        since (their stamps differ), before they are used."""
        if self._stamps is None:
            return
        ids = self.members.committed(sorted(set(happenings)))
        if not ids:
            return
        stamps = self._stamps(ids) or {}
        self.members.drop([h for h in ids if stamps.get(h) != self.members.entries[h].stamp])

    def _day_windows(self, keys: list[str], by_key: dict[str, list[Report]]) -> list[list[Any]]:
        """The windows of `_CANDIDATE_CLASSES`: for each key and pair of sides (`side_key`) of
        its new reports, the days (ISO strings) a stored class's interval must meet to meet one
        of those reports: from the earliest day of their intervals to the latest. A key gathers
        a month of reports (a month- or year-dated one, every month of its period); this keeps
        the rows read to those whose days meet and whose sides may be the same. Loose on purpose
        (a report meeting one new report may not meet another): `may_be_compatible` decides."""
        cols: list[list[Any]] = [[], [], [], [], []]
        for key in keys:
            spans: dict[tuple, list] = {}
            for r in by_key.get(key, ()):
                span = spans.setdefault(_sides(r), [None, None])
                p = r.interval(self.settings)
                if p is None:  # no date nor publication date: its article's key, all days
                    span[0], span[1] = "0000-00-00", "9999-99-99"
                    continue
                lo, hi = p[0].isoformat(), p[1].isoformat()
                span[0] = lo if span[0] is None or lo < span[0] else span[0]
                span[1] = hi if span[1] is None or hi > span[1] else span[1]
            for (src, tgt), (lo, hi) in sorted(spans.items(), key=lambda kv: (kv[0][0] or "", kv[0][1] or "")):
                for col, v in zip(cols, (key, lo, hi, src, tgt)):
                    col.append(v)
        return cols

    def _by_key(self, reports: Iterable[Report], keys_of=blocking_keys) -> dict[str, list[Report]]:
        """The reports under each of their keys: the keys they are filed under (`blocking_keys`),
        or with `keys_of=probe_keys` the keys the candidate query probes for them."""
        by_key: dict[str, list[Report]] = {}
        for r in reports:
            for k in keys_of(r, self.settings):
                by_key.setdefault(k, []).append(r)
        return by_key

    def _compatible_happenings(self, candidates: Sequence[Report], reports: Sequence[Report],
                               affected: set[str],
                               classes: dict[str, tuple] | None = None) -> set[str]:
        """The happenings (not in `affected`) of the candidates compatible with one of `reports`
        sharing a blocking key with it (as `group` pairs them), that grouping them with `reports`
        may change: every one compatible with a core report; for a vague report compatible with
        a stored core class, only those with the most compatible core reports (the sizes of
        their compatible core classes, `classes`), since it joins the core happening with the
        most (`group`, step 2) and changes no other: a happening with fewer, unchanged (not in
        `affected`, so it lost nothing; it can only gain), cannot be its choice, and a vague
        report moves no other report. With no compatible core class among the candidates (or a
        class of unknown size), all its compatible happenings."""
        by_key = self._by_key(reports)
        classes = classes or {}
        found: set[str] = set()
        linked: dict[int, set[str]] = {}  # vague report -> its compatible happenings
        tally: dict[int, dict[str, int]] = {}  # vague report -> happening -> compatible core reports
        unsure: set[int] = set()  # vague reports compatible with a class of unknown kind or size
        for c in candidates:
            h = c.event.get("happening")
            if h is None or h in affected:
                continue
            core, size = classes.get(c.id, (None, None))
            for r in {id(r): r for k in blocking_keys(c, self.settings)
                      for r in by_key.get(k, ())}.values():
                if r.is_core:
                    if h not in found and compatible(c, r, self.settings):
                        found.add(h)
                elif compatible(c, r, self.settings):
                    linked.setdefault(id(r), set()).add(h)
                    if core is None or size is None:
                        unsure.add(id(r))
                    elif core:
                        counts = tally.setdefault(id(r), {})
                        counts[h] = counts.get(h, 0) + size
        for r, hs in linked.items():
            counts = tally.get(r)
            if counts and r not in unsure:
                most = max(counts.values())
                found.update(h for h, n in counts.items() if n == most)
            else:
                found |= hs
        return found

    def _members_of(self, happenings: Iterable[str], read: Sequence[Report]) -> list[Report]:
        """The stored reports of `happenings`: those in `read` (same transaction, same rows) and
        those kept in memory are not read again."""
        happenings = set(happenings)
        if not happenings:
            return []
        members = [c for c in read if c.event.get("happening") in happenings]
        have = {c.id for c in members}
        # Happenings whose members are kept: only those not yet read (reports written since)
        # are read, by id; the others' members are read whole.
        unread: dict[str, str] = {}
        whole = []
        for h in sorted(happenings):
            kept = self.members.get(h)
            if kept is None:
                whole.append(h)
                continue
            for eid, r in kept.items():
                if eid in have:
                    continue
                if r is None:
                    unread[eid] = h
                else:
                    members.append(r)
                    have.add(eid)
        if unread:
            got = self._read_reports("e.id = ANY(?)", [sorted(unread)])
            for r in got:
                self.members.fill(unread[r.id], [r])
            members += got
        if whole:
            where, params = "e.happening = ANY(?)", [whole]
            if have:
                where += " AND NOT (e.id = ANY(?))"
                params.append(sorted(have))
            members += self._read_reports(where, params)
        return members

    @staticmethod
    def _reached(groups: Sequence[Sequence[Report]], members: Sequence[Report],
                 shrunk: set[str]) -> list[Report]:
        """Stored reports whose compatible reports outside the regrouped happenings may now be
        grouped otherwise than they are stored (their happenings must then be regrouped too):
        - the vague reports of a happening that lost reports: its core may have shrunk or split,
          and a compatible core happening elsewhere may now suit them better (or, left with none,
          they join compatible vague reports elsewhere);
        - the core reports of a core happening that merged two stored ones, or whose first id
          became smaller: a vague report elsewhere compatible with them may now prefer it (it
          counts the compatible reports of each core happening; ties go to the smallest id).
        Anything else the new reports change is already regrouped: every happening holding a
        report compatible with a new one is."""
        out: list[Report] = [r for r in members
                             if not r.is_core and r.event.get("happening") in shrunk]
        stored = {id(r) for r in members}
        old_root: dict[str, str] = {}  # stored happening -> the smallest id of its core reports
        for r in members:
            h = r.event.get("happening")
            if r.is_core and h is not None and (h not in old_root or r.id < old_root[h]):
                old_root[h] = r.id
        for g in groups:
            core = [r for r in g if r.is_core]
            if not core:
                continue
            was = {r.event.get("happening") for r in core if id(r) in stored}
            was.discard(None)
            if not was:
                continue
            root = min(r.id for r in core)
            if len(was) > 1 or root < old_root[next(iter(was))]:
                out += [r for r in core if id(r) in stored]
        return out

    def update(self, new: Sequence[Report], touched: set[str],
               pending_copies: Sequence[Copy] = (),
               shrunk: set[str] | None = None) -> tuple[list[Happening], dict[str, str],
                                                         list[tuple[str, str]], list[str]]:
        """Recompute the happenings a write touches.

        `new`: reports about to be written; `touched`: happenings whose reports or copies changed
        (reports deleted, copies added or removed); `shrunk`: those of `touched` that lost
        reports (None: any of them may have); `pending_copies`: copies about to be written.
        Returns the new happenings, the happening of every affected report (new and stored), the
        `happening_keys` rows of the new happenings, and the ids of happenings to delete (with
        their key rows).

        The happenings regrouped are those holding a report compatible with a new one, and then
        every happening the outcome reaches (see `_reached`), so that the store holds what
        `group` gives for all its reports, whatever the order the reports came in.
        """
        by_probe = self._by_key(new, probe_keys)
        keys = sorted(by_probe)
        affected = set(touched)
        shrunk = set(touched) if shrunk is None else set(shrunk) & affected
        candidates: list[Report] = []
        if keys:
            classes: dict[str, tuple] = {}
            candidates = self._candidate_reports(keys, by_probe, affected, classes)
            affected |= self._compatible_happenings(candidates, new, affected, classes)
        affected.discard(None)  # type: ignore[arg-type]
        if not keys:
            self._validate(affected)
        members = self._members_of(affected, candidates)
        probed: set[str] = set()
        while True:
            everyone = members + list(new)
            # Stored happenings that lost nothing are what `group` gives for the store's
            # reports: their classes' pairs need not be checked again (see `group`).
            settled = {id(r): h for r in members
                       if (h := r.event.get("happening")) is not None and h not in touched}
            # Their classes are regrouped, not each of their reports (`collapse`).
            shown, hidden = collapse(members, everyone, settled)
            groups = group(shown + list(new), self.settings, settled, hidden) if everyone else []
            # A report's compatible happenings outside, once added, stay added: asked once.
            probes = [r for r in self._reached(groups, members, shrunk) if r.id not in probed]
            if not probes:
                break
            probed.update(r.id for r in probes)
            classes = {}
            by_probe = self._by_key(probes, probe_keys)
            found = self._candidate_reports(sorted(by_probe), by_probe, affected, classes)
            more = self._compatible_happenings(found, probes, affected, classes)
            if not more:
                break
            affected |= more
            members += self._members_of(more, found)
        # A happening left with the same reports, and none of whose articles gained or lost a
        # copy (`touched`), is what the store holds: not summarized, deleted or written again.
        stored: dict[str | None, set[str]] = {}
        for r in members:
            stored.setdefault(r.event.get("happening"), set()).add(r.id)
        fresh = {id(r) for r in new}
        kept: set[str] = set()
        for g in groups:
            ids = {r.id for r in g}
            h = g[0].event.get("happening") if id(g[0]) not in fresh else None
            if h is not None and h not in touched and stored.get(h) == ids \
                    and not any(id(r) in fresh for r in g):
                kept.add(h)
        redo = [g for g in groups if g[0].event.get("happening") not in kept or id(g[0]) in fresh]
        article_ids = sorted({r.article_id for g in redo for r in g})
        copies = list(pending_copies)
        if article_ids:
            copies += [Copy(aid, dup, date, outlet(src, url)) for aid, dup, date, src, url in
                       self.query("SELECT id, duplicate_of, date, source, url FROM articles "
                                  "WHERE duplicate_of = ANY(?)", [article_ids])]
        # A large group that is a stored happening, whole, and new reports adds those to the
        # happening's running summary, if it is kept; another large one starts its running
        # summary; a small one is summarized whole.
        happenings: list[Happening] = []
        summaries: dict[str, Summary] = {}
        for g in redo:
            if len(g) < SUMMARY_FROM:
                happenings.append(summarize(g, copies, self.settings))
                continue
            summary = None
            was = {r.event.get("happening") for r in g if id(r) not in fresh}
            if len(was) == 1 and (h := next(iter(was))) is not None and h not in touched \
                    and stored.get(h) == {r.id for r in g if id(r) not in fresh}:
                summary = self.members.take_summary(h)
            if summary is None:
                summary = Summary.of(g)
            else:
                for r in g:
                    if id(r) in fresh:
                        summary.add(r)
            happenings.append(summary.happening(copies))
            summaries[happenings[-1].id] = summary
        assignment = {r.id: h.id for g, h in zip(redo, happenings) for r in g}
        key_rows = [row for g, h in zip(redo, happenings)
                    for row in key_rows_of(h.id, g, self.settings)]
        changed = {r.id: assignment[r.id] for r in members
                   if r.id in assignment and r.event.get("happening") != assignment[r.id]}
        for r in new:
            changed[r.id] = assignment[r.id]
        # What the store will hold once this is written: the stored reports as read, the new
        # ones to be read when first needed. Happenings left as they are keep their entries.
        self.members.stage(affected - kept,
                           {h.id: {r.id: (None if id(r) in fresh else r) for r in g}
                            for g, h in zip(redo, happenings)},
                           summaries)
        return happenings, changed, key_rows, sorted(affected - kept)

