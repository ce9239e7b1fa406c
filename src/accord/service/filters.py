"""The filters every face offers (CLI options, API parameters, export options), as SQL.

`Filters.parse(...)` checks raw values (strings from a URL or a command line) and keeps typed
ones; `Filters.where(alias)` turns them into a WHERE clause with `?` placeholders in the portable
SQL subset STORE_PLAN.md fixes (no ILIKE, no DuckDB-only functions), over a relation whose
columns are named as in the `events` table (`source_code`, `date_start`, `cameo`, ...): the
events table itself, or happenings, which carry the same names.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from . import params as P

# LIKE patterns are built from user text; '!' escapes LIKE's own wildcards in it.
_ESCAPE = "!"


def like_escape(value: str) -> str:
    return value.replace("!", "!!").replace("%", "!%").replace("_", "!_")


def actor_clause(column_prefix: str, value: str) -> tuple[str, list[Any]]:
    """SQL for "the actor at `column_prefix` (source, target, speaker, ...) matches `value`".

    An actor matches when its code starts with the value ("RUS" and "rus" match RUSGOV) or when
    the words of the value are whole words of its canonical name, in order ("Putin", "vladimir
    putin" and "Vladimir Putin" match Vladimir Putin; "Rus" does not match "Rusty Smith").
    """
    p = column_prefix  # one of the fixed column prefixes chosen by the caller, never user input
    words = " ".join(value.lower().replace("-", " ").split())
    sql = (f"({p}_code LIKE ? ESCAPE '{_ESCAPE}' OR "
           f"lower(' ' || replace({p}_name, '-', ' ') || ' ') LIKE ? ESCAPE '{_ESCAPE}')")
    return sql, [like_escape(value.upper()) + "%", "% " + like_escape(words) + " %"]


def words_clause(column: str, value: str) -> tuple[str, list[Any]]:
    """Every word of `value` occurs in `column`, ignoring case."""
    parts, args = [], []
    for word in value.lower().split():
        parts.append(f"lower({column}) LIKE ? ESCAPE '{_ESCAPE}'")
        args.append("%" + like_escape(word) + "%")
    return "(" + " AND ".join(parts) + ")", args


@dataclass(frozen=True, slots=True)
class Filters:
    """What to keep; all given filters combine with AND. Field names are the API's parameters.

    - `actor`: the source or the target matches (see `actor_clause`).
    - `country`: the source's or the target's country (ISO alpha-3 or CAMEO region).
    - `dyad`: (A, B) in either direction: source A and target B, or source B and target A.
    - `since` / `until`: an event's date stands for the first day of its period ("2025-05" is
      2025-05-01); `since` counts from the first day of its own period, `until` to the last
      day of its own (until=2025-05 keeps all of May). Undated records never match them.
    - `cameo`: code prefix ("04" matches 041, 042, ...); `plover`: PLOVER event type;
      `quad_class`: one or more of 1-4; `negated`; `modality`: one or more modalities.
    - `min_sources`: the happening has at least this many distinct publishers.
    - `q`: every word occurs in the evidence sentence.
    """

    actor: str | None = None
    country: str | None = None
    dyad: tuple[str, str] | None = None
    since: P.Period | None = None
    until: P.Period | None = None
    cameo: str | None = None
    plover: str | None = None
    quad_class: tuple[int, ...] | None = None
    negated: bool | None = None
    modality: tuple[str, ...] | None = None
    min_sources: int | None = None
    q: str | None = None

    @classmethod
    def parse(cls, **raw: Any) -> "Filters":
        """Check raw values (strings or typed); raises ParameterError naming the bad one."""
        known = {f.name for f in fields(cls)}
        unknown = set(raw) - known
        if unknown:
            raise TypeError(f"unknown filters: {sorted(unknown)}")
        return cls(
            actor=P.actor("actor", raw.get("actor")),
            country=P.country("country", raw.get("country")),
            dyad=P.dyad("dyad", raw.get("dyad")),
            since=P.period("since", raw.get("since")),
            until=P.period("until", raw.get("until")),
            cameo=P.cameo("cameo", raw.get("cameo")),
            plover=P.plover("plover", raw.get("plover")),
            quad_class=P.quad_classes("quad_class", raw.get("quad_class")),
            negated=P.boolean("negated", raw.get("negated")),
            modality=P.choices("modality", raw.get("modality"), P.MODALITIES),
            min_sources=P.integer("min_sources", raw.get("min_sources"), minimum=0, maximum=1_000_000),
            q=P.text("q", raw.get("q")),
        )

    def but(self, **changes: Any) -> "Filters":
        return replace(self, **changes)

    def where(self, alias: str = "", *, sources_column: str | None = "sources",
              evidence_column: str | None = "evidence") -> tuple[list[str], list[Any]]:
        """WHERE conditions (joined by the caller with AND) and their parameters, in order.

        `sources_column` is the column holding a happening's count of sources (None where the
        relation has none: `min_sources` is then not applicable); `evidence_column` the text `q`
        searches (None where there is none).
        """
        a = f"{alias}." if alias else ""
        where: list[str] = []
        args: list[Any] = []
        if self.actor:
            src, p1 = actor_clause(f"{a}source", self.actor)
            tgt, p2 = actor_clause(f"{a}target", self.actor)
            where.append(f"({src} OR {tgt})")
            args += p1 + p2
        if self.country:
            where.append(f"({a}source_country = ? OR {a}target_country = ?)")
            args += [self.country, self.country]
        if self.dyad:
            x, y = self.dyad
            sx, p_sx = actor_clause(f"{a}source", x)
            ty, p_ty = actor_clause(f"{a}target", y)
            sy, p_sy = actor_clause(f"{a}source", y)
            tx, p_tx = actor_clause(f"{a}target", x)
            where.append(f"(({sx} AND {ty}) OR ({sy} AND {tx}))")
            args += p_sx + p_ty + p_sy + p_tx
        if self.since:
            where.append(f"{a}date_start >= ?")
            args.append(self.since.first)
        if self.until:
            where.append(f"{a}date_start <= ?")
            args.append(self.until.last)
        if self.cameo:
            where.append(f"{a}cameo LIKE ?")
            args.append(self.cameo + "%")  # digits only: nothing to escape
        if self.plover:
            where.append(f"{a}plover = ?")
            args.append(self.plover)
        if self.quad_class:
            where.append(f"{a}quad_class IN ({', '.join('?' * len(self.quad_class))})")
            args += list(self.quad_class)
        if self.negated is not None:
            where.append(f"{a}negated = ?")
            args.append(self.negated)
        if self.modality:
            where.append(f"{a}modality IN ({', '.join('?' * len(self.modality))})")
            args += list(self.modality)
        if self.min_sources is not None and sources_column:
            where.append(f"{a}{sources_column} >= ?")
            args.append(self.min_sources)
        if self.q and evidence_column:
            clause, p = words_clause(f"{a}{evidence_column}", self.q)
            where.append(clause)
            args += p
        return where, args

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))


def where_sql(conditions: list[str]) -> str:
    return (" WHERE " + " AND ".join(conditions)) if conditions else ""
