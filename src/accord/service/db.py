"""How the service reads the store: `rows(sql, params)` and `arrow(sql, params)`.

The store interface (STORE_PLAN.md) gives `query()` and `query_arrow()`; a store that has them is
used as it is. Today's DuckDB `Store` has only its connection: each thread then reads through
its own cursor of that connection (a DuckDB connection must not be used by two threads at once;
cursors share the database and see every commit), so one service can answer concurrent API
requests.
"""

from __future__ import annotations

import threading
from typing import Any, Sequence


class Reader:
    def __init__(self, store: Any) -> None:
        self.store = store
        self._local = threading.local()
        self._cursors: list[Any] = []
        self._lock = threading.Lock()

    def _cursor(self) -> Any:
        cur = getattr(self._local, "cursor", None)
        if cur is None:
            cur = self.store.con.cursor()
            self._local.cursor = cur
            with self._lock:
                self._cursors.append(cur)
        return cur

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        query = getattr(self.store, "query", None)
        if query is not None:
            return query(sql, list(params))
        cur = self._cursor()
        cur.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    def arrow(self, sql: str, params: Sequence[Any] = ()) -> Any:
        query_arrow = getattr(self.store, "query_arrow", None)
        if query_arrow is not None:
            return query_arrow(sql, list(params))
        cur = self._cursor()
        cur.execute(sql, list(params))
        result = cur.fetch_arrow_table() if hasattr(cur, "fetch_arrow_table") else cur.arrow()
        return result.read_all() if hasattr(result, "read_all") else result

    def value(self, sql: str, params: Sequence[Any] = ()) -> Any:
        rows = self.rows(sql, params)
        if not rows:
            return None
        return next(iter(rows[0].values()))

    def close(self) -> None:
        with self._lock:
            for cur in self._cursors:
                try:
                    cur.close()
                except Exception:  # a cursor of a closed connection: nothing left to free
                    pass
            self._cursors.clear()
        self._local = threading.local()
