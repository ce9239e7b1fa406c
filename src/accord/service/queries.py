"""The service: every question a face asks of the store, answered in the contract's shapes.

    with Service.open("accord.duckdb") as svc:
        page = svc.reports(Filters.parse(actor="Putin", since="2025"), limit=20)
        page.total, page.items        # items are contract `event` records

The CLI, the API, the exports and the Python face call these methods and nothing else; this
package is the only place that turns user filters into SQL (STORE_PLAN.md). Adding a query: a
method here that builds its SQL from `Filters.where()` and constants, with `?` placeholders and
the portable subset, returning records from `store.rows` builders or plain dicts.

Happenings are the store's `happenings` table (issue 14: accord.clustering); a report that is in
no happening (a database from before clustering, until `accord recluster`) stands for one of
its own; see `_happenings_relation`.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Iterable, Iterator, Sequence

from ..clustering.happenings import outlet
from ..store import rows as R
from . import params as P
from .db import Reader
from .filters import Filters, actor_clause, where_sql, words_clause

MAX_LIMIT = 1000  # the most items one page may hold (the API's cap)


@dataclass(slots=True)
class Page:
    """One page of a listing: `total` matching items, the `items` from `offset`."""

    total: int
    items: list[dict[str, Any]]
    limit: int | None = None
    offset: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"total": self.total, "limit": self.limit, "offset": self.offset,
                "items": self.items}


def _cols(columns: Sequence[str], alias: str) -> str:
    return ", ".join(f"{alias}.{c}" for c in columns)


_ACTOR_PREFIXES = ("source", "target")
_HAPPENING_VALUE_COLUMNS = [
    "date", "date_start", "date_precision",
    *R._prefixed("source", R.ACTOR_FIELDS), *R._prefixed("target", R.ACTOR_FIELDS),
    "cameo", "plover", "quad_class", "goldstein", "negated", "modality",
    *R._prefixed("location", R.PLACE_FIELDS), "confidence",
]

# Sort orders offered to users: name -> ORDER BY over the happenings relation `h`.
HAPPENING_SORTS = {
    "-articles": "h.articles DESC, h.sources DESC, h.date_start DESC NULLS LAST, h.id",
    "-sources": "h.sources DESC, h.articles DESC, h.date_start DESC NULLS LAST, h.id",
    "-date": "h.date_start DESC NULLS LAST, h.articles DESC, h.id",
    "date": "h.date_start NULLS LAST, h.articles DESC, h.id",
}
REPORT_SORTS = {
    "date": "r.date_start NULLS LAST, r.date NULLS LAST, r.article_id, r.sentence, r.seq",
    "-date": "r.date_start DESC NULLS LAST, r.date DESC NULLS LAST, r.article_id, r.sentence, r.seq",
    "-confidence": "r.confidence DESC, r.date_start DESC NULLS LAST, r.article_id, r.seq",
}
ARTICLE_SORTS = {
    "date": "a.date NULLS LAST, a.id",
    "-date": "a.date DESC NULLS LAST, a.id",
    "-events": "events DESC, a.date DESC NULLS LAST, a.id",
}


def _sort(param: str, value: str | None, table: dict[str, str], default: str) -> str:
    value = value or default
    if value not in table:
        raise P.ParameterError(param, f"expected one of {', '.join(table)}, got {value!r}")
    return table[value]


def _page_args(limit: int | None, offset: int | None) -> tuple[int | None, int]:
    limit = P.integer("limit", limit, minimum=0, maximum=None)
    offset = P.integer("offset", offset, minimum=0) or 0
    return limit, offset


def _limit_sql(limit: int | None, offset: int) -> tuple[str, list[Any]]:
    if limit is None and not offset:
        return "", []
    if limit is None:
        return " OFFSET ?", [offset]
    return " LIMIT ? OFFSET ?", [limit, offset]


def _actor(d: dict[str, Any], prefix: str) -> dict[str, Any] | None:
    return R._actor_record([d[f"{prefix}_{f}"] for f in R.ACTOR_FIELDS])


def _place(d: dict[str, Any], prefix: str = "location") -> dict[str, Any] | None:
    return R._place_record([d[f"{prefix}_{f}"] for f in R.PLACE_FIELDS])


def event_from_row(d: dict[str, Any]) -> dict[str, Any]:
    return R.event_record([d[c] for c in R.EVENT_COLUMNS])


def quote_from_row(d: dict[str, Any]) -> dict[str, Any]:
    return R.quote_record([d[c] for c in R.QUOTE_COLUMNS])


def _shown_date(alias: str) -> str:
    """The SQL for a row's date as users see it: the stored `date` string at its own precision
    (`2022`, `2022-05`, `2022-05-03`), never the first day of its period (`date_start`), which
    would show a year as 1 January. Malformed dates (no `date_start`) are left out. min() and
    max() of these strings order them by their periods' first days, since the parts are
    zero-padded and a coarser date is a prefix of the days it holds: the earliest is
    `2022` before `2022-01-01`, the latest `2022-05-03` after `2022-05`."""
    return f"CASE WHEN {alias}date_start IS NOT NULL THEN {alias}date END"


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def happening_from_row(d: dict[str, Any], event_ids: list[str]) -> dict[str, Any]:
    """A contract `happening` record from a row of the happenings relation."""
    return {
        "kind": "happening",
        "id": d["id"],
        "date": d["date"],
        "date_precision": d["date_precision"],
        "source": _actor(d, "source"),
        "target": _actor(d, "target"),
        "cameo": d["cameo"],
        "plover": d["plover"],
        "quad_class": d["quad_class"],
        "goldstein": d["goldstein"],
        "negated": d["negated"],
        "modality": d["modality"],
        "location": _place(d),
        "reports": int(d["reports"]),
        "articles": int(d["articles"]),
        "sources": int(d["sources"]),
        "first_seen": _iso(d["first_seen"]),
        "last_seen": _iso(d["last_seen"]),
        "event_ids": event_ids,
        "confidence": d["confidence"],
    }


class Service:
    """Queries over one store. Safe to share between threads (each reads through its own
    cursor); it never writes."""

    def __init__(self, store: Any, *, owns_store: bool = False) -> None:
        self.store = store
        self.db = Reader(store)
        self._owns_store = owns_store

    @classmethod
    def open(cls, path: Any, *, read_only: bool = True) -> "Service":
        from ..store import open_store

        return cls(open_store(path, read_only=read_only), owns_store=True)

    def close(self) -> None:
        self.db.close()
        if self._owns_store:
            self.store.close()

    def __enter__(self) -> "Service":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- relations ------------------------------------------------------------------------------

    def _reports_relation(self) -> str:
        """Event reports with the count of sources of the happening each belongs to (`sources`),
        as a relation `r` with the events table's columns."""
        return (
            "(SELECT e.*, coalesce(hh.sources, CASE WHEN a.source IS NULL AND a.url IS NULL "
            "THEN 0 ELSE 1 END) AS sources FROM events e JOIN articles a ON a.id = e.article_id "
            "LEFT JOIN happenings hh ON hh.id = e.happening) r"
        )

    def _lone_reports(self) -> bool:
        """Whether any report is in no happening: a database clustered before it was stored,
        until `accord recluster` files them. Checked per query (it costs one short scan) so
        that the usual, fully clustered store is queried without the branch that would
        add them."""
        return bool(self.db.rows("SELECT 1 AS one FROM events WHERE happening IS NULL LIMIT 1"))

    def _happenings_relation(self, lone: bool = True) -> str:
        """Happenings as a relation `h` with the events table's value columns plus `id`,
        `reports`, `articles`, `sources`, `first_seen`, `last_seen` (`q` searches the reports'
        sentences: `_happening_where`).

        The store's happenings table, plus, with `lone` (see `_lone_reports`), each report
        that is in none as a happening of its own."""
        if not lone:
            return "happenings h"  # the table itself: nothing to bind or project per query
        ecols = ", ".join(f"e.{c}" for c in _HAPPENING_VALUE_COLUMNS)
        stored = (
            f"SELECT hh.id, {', '.join('hh.' + c for c in _HAPPENING_VALUE_COLUMNS)}, "
            "CAST(NULL AS VARCHAR) AS evidence, hh.reports, hh.articles, hh.sources, "
            "hh.first_seen, hh.last_seen FROM happenings hh")
        return (
            f"({stored} "
            f"UNION ALL SELECT e.id, {ecols}, CAST(NULL AS VARCHAR) AS evidence, 1 AS reports, "
            "1 AS articles, CASE WHEN a.source IS NULL AND a.url IS NULL THEN 0 ELSE 1 END "
            "AS sources, a.date AS first_seen, a.date AS last_seen "
            "FROM events e JOIN articles a ON a.id = e.article_id WHERE e.happening IS NULL) h"
        )

    def _happening_where(self, f: Filters, lone: bool = True) -> tuple[list[str], list[Any]]:
        """`f` over the happenings relation `h`; `q` matches when one of its reports' evidence
        sentences holds every word."""
        where, args = f.where("h", evidence_column=None)
        if f.q:
            clause, p = words_clause("qe.evidence", f.q)
            own = " OR (qe.happening IS NULL AND qe.id = h.id)" if lone else ""
            where.append(f"EXISTS (SELECT 1 FROM events qe WHERE (qe.happening = h.id{own}) "
                         f"AND {clause})")
            args += p
        return where, args

    def _happening_event_ids(self, ids: list[str], lone: bool = True) -> dict[str, list[str]]:
        """Each happening's reports, by their articles' dates; a lone report is its own."""
        if not ids:
            return {}
        marks = ", ".join("?" * len(ids))
        out: dict[str, list[str]] = {i: [] for i in ids}
        own = f" OR (e.happening IS NULL AND e.id IN ({marks}))" if lone else ""
        for d in self.db.rows(
                "SELECT coalesce(e.happening, e.id) AS h, e.id FROM events e "
                "JOIN articles a ON a.id = e.article_id "
                f"WHERE e.happening IN ({marks}){own} "
                "ORDER BY a.date NULLS LAST, e.article_id, e.seq", ids + (ids if lone else [])):
            out[d["h"]].append(d["id"])
        return out

    # -- records --------------------------------------------------------------------------------

    def reports(self, filters: Filters | None = None, *, limit: int | None = None,
                offset: int | None = 0, sort: str | None = None) -> Page:
        """Event records (one per report), filtered; by event date unless `sort` says."""
        f = filters or Filters()
        limit, offset = _page_args(limit, offset)
        order = _sort("sort", sort, REPORT_SORTS, "date")
        where, args = f.where("r")
        rel = self._reports_relation()
        total = self.db.value(f"SELECT count(*) AS n FROM {rel}{where_sql(where)}", args)
        if limit == 0:
            return Page(int(total), [], limit, offset)
        lim, lim_args = _limit_sql(limit, offset)
        rows = self.db.rows(
            f"SELECT {_cols(R.EVENT_COLUMNS, 'r')} FROM {rel}{where_sql(where)} "
            f"ORDER BY {order}{lim}", args + lim_args)
        return Page(int(total), [event_from_row(d) for d in rows], limit, offset)

    def report(self, event_id: str) -> dict[str, Any] | None:
        rows = self.db.rows(f"SELECT {_cols(R.EVENT_COLUMNS, 'e')} FROM events e WHERE e.id = ?",
                            [event_id])
        return event_from_row(rows[0]) if rows else None

    def happenings(self, filters: Filters | None = None, *, limit: int | None = None,
                   offset: int | None = 0, sort: str | None = None) -> Page:
        """Happening records, filtered; the most widely reported first unless `sort` says."""
        f = filters or Filters()
        limit, offset = _page_args(limit, offset)
        order = _sort("sort", sort, HAPPENING_SORTS, "-articles")
        lone = self._lone_reports()
        where, args = self._happening_where(f, lone)
        rel = self._happenings_relation(lone)
        total = self.db.value(f"SELECT count(*) AS n FROM {rel}{where_sql(where)}", args)
        if limit == 0:
            return Page(int(total), [], limit, offset)
        lim, lim_args = _limit_sql(limit, offset)
        rows = self.db.rows(
            f"SELECT h.* FROM {rel}{where_sql(where)} ORDER BY {order}{lim}", args + lim_args)
        ids = self._happening_event_ids([d["id"] for d in rows], lone)
        return Page(int(total), [happening_from_row(d, ids.get(d["id"], [])) for d in rows],
                    limit, offset)

    def happening(self, happening_id: str) -> dict[str, Any] | None:
        """One happening with its reports, each with the article it came from (`article`:
        id, date, title, url, source)."""
        lone = self._lone_reports()
        rows = self.db.rows(f"SELECT h.* FROM {self._happenings_relation(lone)} WHERE h.id = ?",
                            [happening_id])
        if not rows:
            return None
        event_ids = self._happening_event_ids([happening_id], lone).get(happening_id, [])
        record = happening_from_row(rows[0], event_ids)
        record["evidence"] = self.evidence(event_ids, offsets=True)
        # The near-copies of its articles: counted in `articles` and `sources`, never coded.
        article_ids = sorted({e["article_id"] for e in record["evidence"]})
        record["copies"] = []
        if article_ids:
            marks = ", ".join("?" * len(article_ids))
            record["copies"] = self.db.rows(
                "SELECT a.id, a.duplicate_of, a.date, a.title, a.source, a.url FROM articles a "
                f"WHERE a.duplicate_of IN ({marks}) ORDER BY a.date NULLS LAST, a.id", article_ids)
        return record

    def evidence(self, event_ids: list[str], *, offsets: bool = False) -> list[dict[str, Any]]:
        """Event records for these ids, each with `article` (id, date, title, url, source,
        language, ingested_at, length of its text): earliest article first. With `offsets`,
        each also has `evidence_start`: where its evidence sentence starts in the article text
        (so trigger, source and target spans can be marked inside the sentence)."""
        out: list[dict[str, Any]] = []
        for at in range(0, len(event_ids), 500):  # bounded IN lists
            chunk = event_ids[at:at + 500]
            marks = ", ".join("?" * len(chunk))
            rows = self.db.rows(
                f"SELECT {_cols(R.EVENT_COLUMNS, 'e')}, a.date AS article_date, a.title AS "
                "article_title, a.url AS article_url, a.source AS article_source, "
                "a.language AS article_language, a.ingested_at AS article_ingested_at, "
                "length(a.text) AS article_length"
                + (", a.text AS article_text " if offsets else " ") +
                f"FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id IN ({marks})",
                chunk)
            for d in rows:
                record = event_from_row(d)
                record["article"] = {
                    "id": d["article_id"], "date": d["article_date"],
                    "title": d["article_title"], "url": d["article_url"],
                    "source": d["article_source"], "language": d["article_language"],
                    "ingested_at": _iso(d["article_ingested_at"]),
                    "length": d["article_length"]}
                if offsets:
                    record["evidence_start"] = _sentence_start(d["article_text"], record)
                out.append(record)
        out.sort(key=lambda r: (r["article"]["date"] is None, r["article"]["date"] or "",
                                r["article_id"], r["sentence"], r["trigger"]["span"][0]))
        return out

    def iter_happenings(self, filters: Filters | None = None, *,
                        batch: int = 500) -> Iterator[list[dict[str, Any]]]:
        """All matching happenings, a batch at a time (for exports), in date order."""
        offset = 0
        while True:
            page = self.happenings(filters, limit=batch, offset=offset, sort="date")
            if not page.items:
                return
            yield page.items
            offset += len(page.items)

    def iter_reports(self, filters: Filters | None = None, *,
                     batch: int = 2000) -> Iterator[list[dict[str, Any]]]:
        offset = 0
        while True:
            page = self.reports(filters, limit=batch, offset=offset, sort="date")
            if not page.items:
                return
            yield page.items
            offset += len(page.items)

    def quotes(self, *, speaker: str | None = None, contains: str | None = None,
               article_id: str | None = None, since: Any = None, until: Any = None,
               limit: int | None = None, offset: int | None = 0) -> Page:
        """Quote records. `speaker`: code prefix or words of the speaker's name (as `actor`);
        `contains`: every word occurs in the quoted words; `since`/`until`: the article's
        publication date. By article date, then position in the article."""
        limit, offset = _page_args(limit, offset)
        speaker = P.actor("speaker", speaker)
        contains = P.text("contains", contains)
        article_id = P.text("article_id", article_id, max_len=1000)
        first, last = P.period("since", since), P.period("until", until)
        where: list[str] = []
        args: list[Any] = []
        if speaker:
            clause, p = actor_clause("q.speaker", speaker)
            where.append(clause)
            args += p
        if contains:
            clause, p = words_clause("q.text", contains)
            where.append(clause)
            args += p
        if article_id:
            where.append("q.article_id = ?")
            args.append(article_id)
        if first:
            where.append("a.date >= ?")
            args.append(first.first.isoformat())
        if last:
            where.append("a.date <= ?")
            args.append(last.last.isoformat())
        rel = "quotes q JOIN articles a ON a.id = q.article_id"
        total = self.db.value(f"SELECT count(*) AS n FROM {rel}{where_sql(where)}", args)
        lim, lim_args = _limit_sql(limit, offset)
        rows = self.db.rows(
            f"SELECT {_cols(R.QUOTE_COLUMNS, 'q')}, a.date AS article_date, a.title AS "
            f"article_title FROM {rel}{where_sql(where)} "
            f"ORDER BY a.date NULLS LAST, q.article_id, q.seq{lim}", args + lim_args)
        return Page(int(total), [quote_from_row(d) for d in rows], limit, offset)

    def articles(self, *, q: str | None = None, source: str | None = None,
                 since: Any = None, until: Any = None, sort: str | None = None,
                 limit: int | None = None, offset: int | None = 0) -> Page:
        """Article summaries: id, date, title, url, source, language, duplicate_of, and the
        counts `events` and `quotes`. `q`: every word in the title or the id; `source`: the
        publisher, exactly (case-insensitive); `since`/`until`: publication date."""
        limit, offset = _page_args(limit, offset)
        q = P.text("q", q)
        source = P.text("source", source)
        first, last = P.period("since", since), P.period("until", until)
        order = _sort("sort", sort, ARTICLE_SORTS, "date")
        where: list[str] = []
        args: list[Any] = []
        if q:
            clause, p = words_clause("(coalesce(a.title, '') || ' ' || a.id)", q)
            where.append(clause)
            args += p
        if source:
            where.append("lower(a.source) = lower(?)")
            args.append(source)
        if first:
            where.append("a.date >= ?")
            args.append(first.first.isoformat())
        if last:
            where.append("a.date <= ?")
            args.append(last.last.isoformat())
        total = self.db.value(f"SELECT count(*) AS n FROM articles a{where_sql(where)}", args)
        lim, lim_args = _limit_sql(limit, offset)
        rows = self.db.rows(
            "SELECT a.id, a.date, a.title, a.url, a.source, a.language, a.duplicate_of, "
            "coalesce(e.n, 0) AS events, coalesce(qq.n, 0) AS quotes, a.ingested_at, "
            "a.updated_at FROM articles a "
            "LEFT JOIN (SELECT article_id, count(*) AS n FROM events GROUP BY article_id) e "
            "ON e.article_id = a.id "
            "LEFT JOIN (SELECT article_id, count(*) AS n FROM quotes GROUP BY article_id) qq "
            f"ON qq.article_id = a.id{where_sql(where)} ORDER BY {order}{lim}", args + lim_args)
        items = [{**d, "events": int(d["events"]), "quotes": int(d["quotes"])} for d in rows]
        return Page(int(total), items, limit, offset)

    def article_records(self) -> list[dict[str, Any]]:
        """Every stored article as the contract's `article` record (text included), with the
        counts of its `events` and `quotes` as extra fields; by date (undated last), then id."""
        rows = self.db.rows(
            f"SELECT {_cols(R.ARTICLE_RECORD_COLUMNS, 'a')}, coalesce(e.n, 0) AS events, "
            "coalesce(qq.n, 0) AS quotes FROM articles a "
            "LEFT JOIN (SELECT article_id, count(*) AS n FROM events GROUP BY article_id) e "
            "ON e.article_id = a.id "
            "LEFT JOIN (SELECT article_id, count(*) AS n FROM quotes GROUP BY article_id) qq "
            "ON qq.article_id = a.id ORDER BY a.date NULLS LAST, a.id")
        return [{**R.article_record([d[c] for c in R.ARTICLE_RECORD_COLUMNS]),
                 "events": int(d["events"]), "quotes": int(d["quotes"])} for d in rows]

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The article record with all its records: {"article", "mentions", "timexes",
        "events", "quotes"}, each in contract form, in the article's order; None if unknown."""
        rows = self.db.rows(
            f"SELECT {_cols(R.ARTICLE_RECORD_COLUMNS, 'a')} FROM articles a WHERE a.id = ?",
            [article_id])
        if not rows:
            return None
        out: dict[str, Any] = {
            "article": R.article_record([rows[0][c] for c in R.ARTICLE_RECORD_COLUMNS])}
        for key, table, columns, build in (
            ("mentions", "mentions", R.MENTION_COLUMNS, R.mention_record),
            ("timexes", "timexes", R.TIMEX_COLUMNS, R.timex_record),
            ("events", "events", R.EVENT_COLUMNS, R.event_record),
            ("quotes", "quotes", R.QUOTE_COLUMNS, R.quote_record),
        ):
            # Table names and columns are the constants above, never user input.
            found = self.db.rows(
                f"SELECT {_cols(columns, 't')} FROM {table} t WHERE t.article_id = ? "
                "ORDER BY t.seq", [article_id])
            out[key] = [build([d[c] for c in columns]) for d in found]
        return out

    def actors(self, *, q: str | None = None, country: str | None = None,
               since: Any = None, until: Any = None, limit: int | None = None,
               offset: int | None = 0) -> Page:
        """Who appears: each (code, name) resolved in the articles, with `mentions`,
        `articles`, `events` (as source or target) and `first_seen`/`last_seen` (publication
        dates of the first and last article naming them); most mentioned first. `q`: code
        prefix or words of the name; `since`/`until`: publication date of the articles."""
        limit, offset = _page_args(limit, offset)
        q = P.actor("q", q)
        country = P.country("country", country)
        first, last = P.period("since", since), P.period("until", until)
        where = ["m.actor_code IS NOT NULL"]
        args: list[Any] = []
        if q:
            clause, p = actor_clause("m.actor", q)
            where.append(clause)
            args += p
        if country:
            where.append("m.actor_country = ?")
            args.append(country)
        if first:
            where.append("a.date >= ?")
            args.append(first.first.isoformat())
        if last:
            where.append("a.date <= ?")
            args.append(last.last.isoformat())
        grouped = (
            "SELECT m.actor_code AS code, m.actor_name AS name, max(m.actor_country) AS country, "
            "max(m.actor_sector) AS sector, count(*) AS mentions, "
            "count(DISTINCT m.article_id) AS articles, min(a.date) AS first_seen, "
            "max(a.date) AS last_seen FROM mentions m JOIN articles a ON a.id = m.article_id"
            f"{where_sql(where)} GROUP BY m.actor_code, m.actor_name"
        )
        total = self.db.value(f"SELECT count(*) AS n FROM ({grouped}) g", args)
        lim, lim_args = _limit_sql(limit, offset)
        rows = self.db.rows(
            f"SELECT g.*, coalesce(ev.n, 0) AS events FROM ({grouped}) g LEFT JOIN ("
            "SELECT code, name, count(*) AS n FROM ("
            "SELECT source_code AS code, source_name AS name FROM events "
            "WHERE source_code IS NOT NULL UNION ALL "
            "SELECT target_code, target_name FROM events WHERE target_code IS NOT NULL) x "
            "GROUP BY code, name) ev ON ev.code = g.code AND ev.name IS NOT DISTINCT FROM g.name "
            f"ORDER BY g.mentions DESC, g.code, g.name{lim}", args + lim_args)
        items = [{**d, "mentions": int(d["mentions"]), "articles": int(d["articles"]),
                  "events": int(d["events"])} for d in rows]
        return Page(int(total), items, limit, offset)

    # -- aggregations ---------------------------------------------------------------------------

    def summary(self) -> dict[str, Any]:
        """What the store holds: counts, the span of event dates (`first_date`, `last_date`, each
        at its own precision: a year-dated report shows as `2022`), the number of publishers."""
        row = self.db.rows(
            "SELECT (SELECT count(*) FROM articles) AS articles, "
            "(SELECT count(*) FROM events) AS reports, "
            "(SELECT count(*) FROM quotes) AS quotes, "
            "(SELECT count(*) FROM actors) AS actors, "
            f"(SELECT min({_shown_date('')}) FROM events) AS first_date, "
            f"(SELECT max({_shown_date('')}) FROM events) AS last_date")[0]
        happenings = self.db.value(
            f"SELECT count(*) AS n FROM {self._happenings_relation(self._lone_reports())}")
        out = {k: (int(v) if isinstance(v, int) else _iso(v)) for k, v in row.items()}
        out["happenings"] = int(happenings)
        out["sources"] = self._publishers()
        return out

    def _publishers(self) -> int:
        """Distinct publishers, counted as happenings count them (`outlet`): an article's
        `source`, else its URL's host, else the article itself (a text file names none)."""
        named = {r["s"] for r in self.db.rows(
            "SELECT DISTINCT lower(trim(source)) AS s FROM articles "
            "WHERE source IS NOT NULL AND trim(source) <> ''")}
        unnamed = self.db.rows(
            "SELECT id, url FROM articles WHERE source IS NULL OR trim(source) = ''")
        return len(named | {outlet(None, r["url"]) or "article:" + r["id"] for r in unnamed})

    def _actor_key(self, level: str, prefix: str) -> tuple[str, str]:
        """The expression naming an actor at `level` (country: its country; actor: its
        canonical name, else its code), and the condition that it has one."""
        if level == "country":
            return f"h.{prefix}_country", f"h.{prefix}_country IS NOT NULL"
        return f"coalesce(h.{prefix}_name, h.{prefix}_code)", f"h.{prefix}_code IS NOT NULL"

    def dyads(self, filters: Filters | None = None, *, level: str = "country",
              domestic: Any = False, limit: int | None = 20, offset: int | None = 0) -> Page:
        """Pairs of actors (`level` country: their countries; actor: names, else codes) with
        happenings between them in either direction: `events`, `a_to_b`, `b_to_a`,
        `cooperation` (quad classes 1-2), `conflict` (3-4), `goldstein_mean`, `first`/`last`
        (the earliest and latest happening dates, each at its own precision: `2022`, `2022-05`,
        `2022-05-03`); the busiest first. `a` sorts before `b`. Pairs of one country or actor
        with itself (domestic politics) only with `domestic`."""
        f = filters or Filters()
        limit, offset = _page_args(limit, offset)
        level = (P.choices("level", level, ("country", "actor")) or ("country",))[0]
        domestic = bool(P.boolean("domestic", domestic))
        lone = self._lone_reports()
        where, args = self._happening_where(f, lone)
        (sk, s_ok), (tk, t_ok) = self._actor_key(level, "source"), self._actor_key(level, "target")
        where += [s_ok, t_ok]
        if not domestic:
            where.append(f"{sk} <> {tk}")
        keyed = (
            f"SELECT {sk} AS sk, {tk} AS tk, h.quad_class, h.goldstein, {_shown_date('h.')} AS shown "
            f"FROM {self._happenings_relation(lone)}{where_sql(where)}"
        )
        pairs = (
            "SELECT CASE WHEN k.sk <= k.tk THEN k.sk ELSE k.tk END AS a, "
            "CASE WHEN k.sk <= k.tk THEN k.tk ELSE k.sk END AS b, "
            "CASE WHEN k.sk <= k.tk THEN 1 ELSE 0 END AS forward, "
            f"k.quad_class, k.goldstein, k.shown FROM ({keyed}) k"
        )
        grouped = (
            "SELECT p.a, p.b, count(*) AS events, sum(p.forward) AS a_to_b, "
            "sum(1 - p.forward) AS b_to_a, "
            "sum(CASE WHEN p.quad_class <= 2 THEN 1 ELSE 0 END) AS cooperation, "
            "sum(CASE WHEN p.quad_class >= 3 THEN 1 ELSE 0 END) AS conflict, "
            "avg(p.goldstein) AS goldstein_mean, min(p.shown) AS first, "
            f"max(p.shown) AS last FROM ({pairs}) p GROUP BY p.a, p.b"
        )
        total = self.db.value(f"SELECT count(*) AS n FROM ({grouped}) g", args)
        lim, lim_args = _limit_sql(limit, offset)
        rows = self.db.rows(f"SELECT g.* FROM ({grouped}) g ORDER BY g.events DESC, g.a, g.b{lim}",
                            args + lim_args)
        items = []
        for d in rows:
            items.append({
                "a": d["a"], "b": d["b"], "events": int(d["events"]),
                "a_to_b": int(d["a_to_b"]), "b_to_a": int(d["b_to_a"]),
                "cooperation": int(d["cooperation"]), "conflict": int(d["conflict"]),
                "goldstein_mean": round(float(d["goldstein_mean"]), 3),
                "first": _iso(d["first"]), "last": _iso(d["last"]),
            })
        return Page(int(total), items, limit, offset)

    def timeline(self, a: str, b: str, *, interval: str = "month",
                 filters: Filters | None = None) -> dict[str, Any]:
        """Happenings between A and B per period (`interval`: week, month or year), in both
        directions: for each period `a_to_b`, `b_to_a` and `total`, each with `events`,
        `quad_class` counts (1-4), `plover` counts, `goldstein_sum` and `goldstein_mean`.

        Dates of mixed precision: a happening counts in a period only when its date is at
        least as precise as the interval (a day for weeks; a month or a day for months);
        coarser ones are tallied in `coarser` by their own date, undated ones in `undated`.
        Periods with nothing in them between the first and last are listed with zeros."""
        a = P.actor("a", a)
        b = P.actor("b", b)
        if a is None or b is None:
            raise P.ParameterError("a" if a is None else "b", "an actor is required")
        interval = P.interval("interval", interval)
        f = (filters or Filters()).but(dyad=(a, b))
        lone = self._lone_reports()
        where, args = self._happening_where(f, lone)
        src_a, p_src_a = actor_clause("h.source", a)
        # Grouped in SQL by the stored date string; bucketed into periods in Python, which
        # keeps the SQL portable and lets dates of every precision be placed (or tallied) right.
        rows = self.db.rows(
            "SELECT x.date, x.date_precision, x.forward, x.quad_class, x.plover, "
            "count(*) AS n, sum(x.goldstein) AS g FROM ("
            f"SELECT h.date, h.date_precision, CASE WHEN {src_a} THEN 1 ELSE 0 END AS forward, "
            f"h.quad_class, h.plover, h.goldstein FROM {self._happenings_relation(lone)}"
            f"{where_sql(where)}) x "
            "GROUP BY x.date, x.date_precision, x.forward, x.quad_class, x.plover",
            p_src_a + args)
        return _timeline(a, b, interval, rows)

    def network(self, filters: Filters | None = None, *, level: str = "actor",
                min_events: int | None = 1, limit: int | None = 200) -> dict[str, Any]:
        """Actors and their ties: `edges` (source -> target, with `events`, `cooperation`,
        `conflict`, `goldstein_mean`), at least `min_events` each, the strongest `limit`;
        `nodes` the actors on them, with `events` (as either side) and `country`."""
        f = filters or Filters()
        level = (P.choices("level", level, ("country", "actor")) or ("actor",))[0]
        min_events = P.integer("min", min_events, minimum=1) or 1
        limit = P.integer("limit", limit, minimum=1, maximum=MAX_LIMIT) or 200
        lone = self._lone_reports()
        where, args = self._happening_where(f, lone)
        (sk, s_ok), (tk, t_ok) = self._actor_key(level, "source"), self._actor_key(level, "target")
        where += [s_ok, t_ok]
        rows = self.db.rows(
            "SELECT k.sk AS source, k.tk AS target, max(k.sc) AS source_country, "
            "max(k.tc) AS target_country, count(*) AS events, "
            "sum(CASE WHEN k.quad_class <= 2 THEN 1 ELSE 0 END) AS cooperation, "
            "sum(CASE WHEN k.quad_class >= 3 THEN 1 ELSE 0 END) AS conflict, "
            "avg(k.goldstein) AS goldstein_mean FROM ("
            f"SELECT {sk} AS sk, {tk} AS tk, h.source_country AS sc, h.target_country AS tc, "
            f"h.quad_class, h.goldstein FROM {self._happenings_relation(lone)}{where_sql(where)}) k "
            "WHERE k.sk <> k.tk GROUP BY k.sk, k.tk HAVING count(*) >= ? "
            "ORDER BY events DESC, source, target LIMIT ?", args + [min_events, limit])
        nodes: dict[str, dict[str, Any]] = {}
        edges = []
        for d in rows:
            edge = {"source": d["source"], "target": d["target"], "events": int(d["events"]),
                    "cooperation": int(d["cooperation"]), "conflict": int(d["conflict"]),
                    "goldstein_mean": round(float(d["goldstein_mean"]), 3)}
            edges.append(edge)
            for side in ("source", "target"):
                node = nodes.setdefault(d[side], {"id": d[side], "country": d[f"{side}_country"],
                                                  "events": 0})
                node["events"] += edge["events"]
        return {"level": level, "nodes": sorted(nodes.values(), key=lambda n: (-n["events"], n["id"])),
                "edges": edges}

    def map(self, filters: Filters | None = None, *, by: str = "country",
            limit: int | None = 500) -> dict[str, Any]:
        """Happenings by where they took place: `by` country (ISO alpha-3 with its numeric code
        and name, for the map's shapes) or place (name, country, lat, lon); each with
        `happenings`, `cooperation`, `conflict`, `goldstein_mean`. Happenings without a
        place are counted in `unplaced`."""
        f = filters or Filters()
        by = (P.choices("by", by, ("country", "place")) or ("country",))[0]
        limit = P.integer("limit", limit, minimum=1, maximum=MAX_LIMIT) or 500
        lone = self._lone_reports()
        where, args = self._happening_where(f, lone)
        rel = self._happenings_relation(lone)
        unplaced = self.db.value(
            f"SELECT count(*) AS n FROM {rel}{where_sql(where + ['h.location_country IS NULL'])}",
            args)
        measures = ("count(*) AS happenings, "
                    "sum(CASE WHEN h.quad_class <= 2 THEN 1 ELSE 0 END) AS cooperation, "
                    "sum(CASE WHEN h.quad_class >= 3 THEN 1 ELSE 0 END) AS conflict, "
                    "avg(h.goldstein) AS goldstein_mean")
        if by == "country":
            rows = self.db.rows(
                f"SELECT h.location_country AS country, {measures} FROM {rel}"
                f"{where_sql(where + ['h.location_country IS NOT NULL'])} "
                "GROUP BY h.location_country ORDER BY happenings DESC, country LIMIT ?",
                args + [limit])
            items = []
            for d in rows:
                numeric, name = _country_numeric(d["country"])
                items.append({"country": d["country"], "numeric": numeric, "name": name,
                              **_measures(d)})
        else:
            rows = self.db.rows(
                "SELECT h.location_name AS name, h.location_country AS country, "
                f"avg(h.location_lat) AS lat, avg(h.location_lon) AS lon, {measures} FROM {rel}"
                f"{where_sql(where + ['h.location_name IS NOT NULL'])} "
                "GROUP BY h.location_name, h.location_country "
                "ORDER BY happenings DESC, name LIMIT ?", args + [limit])
            items = [{"name": d["name"], "country": d["country"],
                      "lat": None if d["lat"] is None else round(float(d["lat"]), 4),
                      "lon": None if d["lon"] is None else round(float(d["lon"]), 4),
                      **_measures(d)} for d in rows]
        return {"by": by, "items": items, "unplaced": int(unplaced)}


def _sentence_start(text: str, record: dict[str, Any]) -> int | None:
    """Where the report's evidence sentence starts in the article: the occurrence of the
    sentence that holds the trigger (a sentence can repeat in an article)."""
    sentence = (record["evidence"] or "").strip()
    if not sentence or not text:
        return None
    trigger = record["trigger"]["span"][0]
    at = text.find(sentence)
    while at != -1:
        if at <= trigger < at + len(sentence):
            return at
        at = text.find(sentence, at + 1)
    return None


def _measures(d: dict[str, Any]) -> dict[str, Any]:
    return {"happenings": int(d["happenings"]), "cooperation": int(d["cooperation"]),
            "conflict": int(d["conflict"]),
            "goldstein_mean": round(float(d["goldstein_mean"]), 3)}


def _country_numeric(alpha3: str | None) -> tuple[str | None, str | None]:
    import pycountry

    if not alpha3:
        return None, None
    found = pycountry.countries.get(alpha_3=alpha3)
    if found is None:
        return None, None
    return found.numeric, getattr(found, "common_name", None) or found.name


# ---------------------------------------------------------------------------------------------
# Timeline periods

_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}
_NEEDED = {"year": 0, "month": 1, "week": 2}


def _period_of(value: str, precision: str | None, interval: str) -> tuple[str, date] | None:
    """The period (label, first day) holding a date, or None when it is too coarse for it."""
    try:
        first, _ = R.period_bounds(value)
    except ValueError:
        return None
    rank = _PRECISION_RANK.get(precision or "", len(value.split("-")) - 1)
    if rank < _NEEDED[interval]:
        return None
    if interval == "year":
        return f"{first.year:04d}", date(first.year, 1, 1)
    if interval == "month":
        return f"{first.year:04d}-{first.month:02d}", date(first.year, first.month, 1)
    monday = first - timedelta(days=first.weekday())
    year, week, _ = monday.isocalendar()
    return f"{year:04d}-W{week:02d}", monday


def _next_period(start: date, interval: str) -> date:
    if interval == "year":
        return date(start.year + 1, 1, 1)
    if interval == "month":
        return date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return start + timedelta(days=7)


def _period_end(start: date, interval: str) -> date:
    if interval == "month":
        return date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
    return _next_period(start, interval) - timedelta(days=1)


def _empty_cell() -> dict[str, Any]:
    return {"events": 0, "quad_class": {"1": 0, "2": 0, "3": 0, "4": 0}, "plover": {},
            "goldstein_sum": 0.0, "goldstein_mean": None}


def _add(cell: dict[str, Any], quad: int, plover: str, n: int, g: float) -> None:
    cell["events"] += n
    cell["quad_class"][str(quad)] += n
    cell["plover"][plover] = cell["plover"].get(plover, 0) + n
    cell["goldstein_sum"] += g


def _finish(cell: dict[str, Any]) -> dict[str, Any]:
    cell["goldstein_sum"] = round(cell["goldstein_sum"], 3)
    cell["goldstein_mean"] = (round(cell["goldstein_sum"] / cell["events"], 3)
                              if cell["events"] else None)
    return cell


def _timeline(a: str, b: str, interval: str, rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    periods: dict[date, dict[str, Any]] = {}
    coarser: dict[str, dict[str, Any]] = {}
    undated = 0
    for d in rows:
        n, g = int(d["n"]), float(d["g"] or 0.0)
        direction = "a_to_b" if d["forward"] else "b_to_a"
        if not d["date"]:
            undated += n
            continue
        found = _period_of(d["date"], d["date_precision"], interval)
        if found is None:
            entry = coarser.setdefault(d["date"], {"date": d["date"], "precision":
                                                   d["date_precision"], "events": 0})
            entry["events"] += n
            continue
        label, start = found
        slot = periods.setdefault(start, {"period": label, "a_to_b": _empty_cell(),
                                          "b_to_a": _empty_cell(), "total": _empty_cell()})
        _add(slot[direction], d["quad_class"], d["plover"], n, g)
        _add(slot["total"], d["quad_class"], d["plover"], n, g)
    out = []
    if periods:
        start, last = min(periods), max(periods)
        while start <= last:
            slot = periods.get(start) or {"period": _period_of(start.isoformat(), "day", interval)[0],  # type: ignore[index]
                                          "a_to_b": _empty_cell(), "b_to_a": _empty_cell(),
                                          "total": _empty_cell()}
            out.append({"period": slot["period"], "start": start.isoformat(),
                        "end": _period_end(start, interval).isoformat(),
                        **{k: _finish(slot[k]) for k in ("a_to_b", "b_to_a", "total")}})
            start = _next_period(start, interval)
    return {"a": a, "b": b, "interval": interval, "periods": out,
            "coarser": sorted(coarser.values(), key=lambda e: e["date"]), "undated": undated}
