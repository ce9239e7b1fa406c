"""PLOVER JSON lines from happenings, with the field names of the PLOVER manual's "Data Fields"
chapter (id, date, actor, recipient, event, mode, context, event_text, quad_code, event_scale,
event_loc, cite_info, coder, coded_date, ...). `resources/export/plover.schema.json` is the JSON
Schema written from that chapter; every line written validates against it (tests check).

Accord's own distinctions travel as the manual says they should: negation and future or
hypothetical modality as the auxiliary modes `negation`, `future`, `hypothetical` in `context`
("Negated events can be excluded from the final event dataset"); an alleged event keeps its
`modality` in an extra named field, which the manual allows. CAMEO codes PLOVER dropped (01
statements, 02 appeals) have no PLOVER event and are not written.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from functools import lru_cache
from importlib.resources import files
from typing import Any

from .. import __version__

# Actor codes of international non-state entities -> the manual's country-name codes.
_NONSTATE = {"IGOUNO": "UNO", "IGOEUR": "EUR"}
_NONSTATE_PREFIXES = {"IGO": "IGO", "NGO": "NGO", "ISM": "ISM", "IMG": "IMG", "MNC": "MNC"}

CODEBOOK = "PLOVER manual (openeventdata/PLOVER), CAMEO2PLOVER-2021 types"


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(files("accord").joinpath("resources", "export", "plover.schema.json")
                      .read_text("utf-8"))


@lru_cache(maxsize=None)
def _contexts(cameo: str) -> tuple[str, ...]:
    from ..events.ontology import nearest

    try:
        found = nearest(cameo).plover_context
    except ValueError:
        return ()
    return tuple(c for c in (found or "").split(",") if c)


def entity(actor: dict[str, Any] | None) -> dict[str, Any] | None:
    if not actor:
        return None
    code = actor.get("code") or ""
    top = actor.get("country")
    if not top:
        top = next((v for k, v in _NONSTATE.items() if code.startswith(k)), None) or \
            _NONSTATE_PREFIXES.get(code[:3]) or code[:3]
    out = {"code": top, "entity_text": actor.get("text")}
    if actor.get("sector"):
        out["sector"] = actor["sector"]
    if actor.get("name"):
        out["identifier_text"] = actor["name"]
    out["actor_code"] = code  # Accord's full CAMEO-style code, an extra named field
    return out


def _day(value: str | None) -> str | None:
    if not value:
        return None
    parts = value.split("-")
    return "-".join([parts[0], parts[1] if len(parts) > 1 else "01",
                     parts[2] if len(parts) > 2 else "01"])


def record(happening: dict[str, Any], reports: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The PLOVER record of one happening (None for a type PLOVER does not have, or undated:
    the manual requires a date)."""
    if happening["plover"] == "DROPPED" or not happening["date"]:
        return None
    context = list(_contexts(happening["cameo"]))
    if happening["negated"]:
        context.append("negation")
    if happening["modality"] in ("future", "hypothetical"):
        context.append(happening["modality"])
    actor = entity(happening["source"])
    recipient = entity(happening["target"])
    modes = sorted({r["plover_mode"] for r in reports if r.get("plover_mode")})
    first_article = (reports[0].get("article") or {}) if reports else {}
    out: dict[str, Any] = {
        "id": happening["id"],
        "has_event": True,
        "date": _day(happening["date"]),
        "date_precision": happening["date_precision"],
        "actor": [actor] if actor else [],
        "recipient": [recipient] if recipient else [],
        "event": [happening["plover"]],
        "mode": modes,
        "context": context,
        "event_text": sorted({r["evidence"] for r in reports}),
        "quad_code": happening["quad_class"],
        "event_scale": happening["goldstein"],
        "cameo": happening["cameo"],
        "modality": happening["modality"],
        "negated": happening["negated"],
        "reports": happening["reports"],
        "articles": happening["articles"],
        "sources": happening["sources"],
        "coder": f"accord {__version__}",
        "coded_date": datetime.now(timezone.utc).date().isoformat(),
    }
    place = happening.get("location")
    if place:
        out["event_loc"] = {"extracted_place": place.get("text"),
                            "resolved_place": place.get("name"), "lat": place.get("lat"),
                            "lon": place.get("lon"), "country_code": place.get("country")}
    if reports:
        first = reports[0]
        out["text_info"] = {"sequence": first["sentence"], "start": first["trigger"]["span"][0],
                            "end": first["trigger"]["span"][1]}
        out["cite_info"] = {k: v for k, v in (
            ("citation", first["article_id"]), ("url", first_article.get("url")),
            ("title", first_article.get("title")), ("publication", first_article.get("source")),
            ("language", first_article.get("language")), ("coder", f"accord {__version__}"),
            ("codebook", CODEBOOK)) if v is not None}
    return out

