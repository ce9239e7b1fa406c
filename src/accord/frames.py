"""The Python face: a store's records as pandas DataFrames or Arrow tables.

    import accord
    with accord.open("accord.duckdb") as db:
        df = db.events(dyad="CHN,RUS", since="2025").df()      # happenings, one row each
        reports = db.reports(actor="Putin").arrow()             # event reports as Arrow
        db.timeline("CHN", "RUS", interval="month").df()

Filters are the service's (and the API's): actor, country, dyad, since, until, cameo, plover,
quad_class, negated, modality, min_sources, q. Columns are the records' fields flattened
(`source_code`, `trigger_span_start`, ...; `accord.service.tables`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from .service import Filters, Service
from .service import tables


@dataclass
class Result:
    """Records of one kind, as returned by a query; `.df()`, `.arrow()`, or iterate them."""

    kind: str
    records: list[dict[str, Any]]
    total: int | None = None

    def arrow(self) -> Any:
        if self.kind in tables.TEMPLATES:
            return tables.to_arrow(self.records, self.kind)
        import pyarrow as pa

        return pa.Table.from_pylist(self.records)

    def df(self) -> Any:
        """A pandas DataFrame (pandas is installed with Accord)."""
        return self.arrow().to_pandas()

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.records)

    def __len__(self) -> int:
        return len(self.records)


class Database:
    """An Accord store opened for reading (see module docs)."""

    def __init__(self, path: str | Path, *, read_only: bool = True) -> None:
        self._service = Service.open(path, read_only=read_only)

    def close(self) -> None:
        self._service.close()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def service(self) -> Service:
        return self._service

    def events(self, *, limit: int | None = None, offset: int = 0, sort: str | None = None,
               **filters: Any) -> Result:
        """Happenings (what analysts count), the most widely reported first."""
        page = self._service.happenings(Filters.parse(**filters), limit=limit, offset=offset,
                                        sort=sort)
        return Result("happening", page.items, page.total)

    def reports(self, *, limit: int | None = None, offset: int = 0, sort: str | None = None,
                **filters: Any) -> Result:
        """Event reports, one per sentence that tells of an event."""
        page = self._service.reports(Filters.parse(**filters), limit=limit, offset=offset, sort=sort)
        return Result("event", page.items, page.total)

    def quotes(self, **kwargs: Any) -> Result:
        page = self._service.quotes(**kwargs)
        return Result("quote", page.items, page.total)

    def articles(self, **kwargs: Any) -> Result:
        page = self._service.articles(**kwargs)
        return Result("article", page.items, page.total)

    def actors(self, **kwargs: Any) -> Result:
        page = self._service.actors(**kwargs)
        return Result("actor", page.items, page.total)

    def dyads(self, *, level: str = "country", limit: int | None = 20, **filters: Any) -> Result:
        page = self._service.dyads(Filters.parse(**filters), level=level, limit=limit)
        return Result("dyad", page.items, page.total)

    def timeline(self, a: str, b: str, *, interval: str = "month", **filters: Any) -> Result:
        """One row per period: counts in both directions by quad class, Goldstein sums and means."""
        result = self._service.timeline(a, b, interval=interval, filters=Filters.parse(**filters))
        rows = []
        for p in result["periods"]:
            row = {"period": p["period"], "start": p["start"], "end": p["end"]}
            for side in ("a_to_b", "b_to_a", "total"):
                cell = p[side]
                row[f"{side}_events"] = cell["events"]
                for q, n in cell["quad_class"].items():
                    row[f"{side}_quad{q}"] = n
                row[f"{side}_goldstein_sum"] = cell["goldstein_sum"]
                row[f"{side}_goldstein_mean"] = cell["goldstein_mean"]
            rows.append(row)
        return Result("timeline", rows, len(rows))

