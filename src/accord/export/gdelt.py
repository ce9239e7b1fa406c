"""GDELT 2.0 Event (61 columns) and Mentions (16 columns) rows from happenings and their reports.

Layout and meanings follow the GDELT 2.0 Event and Mentions codebooks (column names as in
GDELT's published headers and BigQuery tables); files are tab-separated with no header line,
as GDELT publishes them. Where Accord knows more or less than GDELT:

- SQLDATE/MonthYear/Year/FractionDate: the happening's date; a month- or year-precision date
  gives the first day of its period (GDELT has no precision field; Accord's records keep it).
- Actor codes, names (upper case, as GDELT writes them), countries and types are the resolved
  actors'; religion and ethnic codes stay empty (Accord does not code them).
- NumMentions, NumSources, NumArticles: the happening's reports, sources and articles (every
  report, not only those of the first 15 minutes).
- AvgTone, MentionDocTone: empty (Accord measures no tone; an invented 0 would be read as
  neutral).
- ActionGeo: the happening's place; country as FIPS 10-4 (resources/export/fips10.tsv), type 1
  for a country, 3 for a US place, 4 for a place elsewhere. Actor1Geo/Actor2Geo (where each
  actor was) are not coded: left empty with type 0, as GDELT does for unknown.
- GLOBALEVENTID: a 60-bit integer from the happening id's SHA-1, stable across exports.
- IsRootEvent: 1 when the first report's sentence is the article's lead (sentence 0).
"""

from __future__ import annotations

import csv
import hashlib
from datetime import date, datetime
from functools import lru_cache
from importlib.resources import files
from typing import Any

EVENT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]
assert len(EVENT_COLUMNS) == 61

MENTION_COLUMNS = [
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
    "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
    "MentionDocTranslationInfo", "Extras",
]
assert len(MENTION_COLUMNS) == 16

# Codes GDELT's "known group" column takes are the part after IGO/NGO/... in an actor code.
_GROUP_PREFIXES = ("IGO", "NGO", "NGM", "MNC", "IMG", "ISM")


@lru_cache(maxsize=1)
def fips_codes() -> dict[str, str]:
    text = files("accord").joinpath("resources", "export", "fips10.tsv").read_text("utf-8")
    rows = csv.reader(text.splitlines()[1:], delimiter="\t")
    return {iso3: fips for iso3, fips in rows}


def global_event_id(happening_id: str) -> int:
    return int(hashlib.sha1(happening_id.encode("utf-8")).hexdigest()[:15], 16)


def _day(value: str | None) -> date | None:
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _stamp(value: Any) -> str:
    """YYYYMMDDHHMMSS, as GDELT's DATEADDED and mention times."""
    if isinstance(value, datetime):
        return value.strftime("%Y%m%d%H%M%S")
    if isinstance(value, date):
        return value.strftime("%Y%m%d") + "000000"
    if isinstance(value, str) and value:
        try:
            return datetime.fromisoformat(value).strftime("%Y%m%d%H%M%S")
        except ValueError:  # a YYYY or YYYY-MM date: its first day
            day = _day(value)
            return day.strftime("%Y%m%d") + "000000" if day else ""
    return ""


def _num(value: Any) -> str:
    return "" if value is None else f"{value}"


def _actor_columns(actor: dict[str, Any] | None) -> list[str]:
    if not actor:
        return [""] * 10
    code = actor.get("code") or ""
    group = code[3:6] if code[:3] in _GROUP_PREFIXES else ""
    if code[:3] in _GROUP_PREFIXES and not group:
        group = code[:3]
    types = [code[i:i + 3] for i in range(3, len(code), 3)] if actor.get("country") else []
    if actor.get("sector") and actor["sector"] not in types:
        types.insert(0, actor["sector"])
    types = (types + ["", "", ""])[:3]
    name = (actor.get("name") or actor.get("text") or "").upper()
    return [code, name, actor.get("country") or "", group, "", "", "", *types]


def _geo_columns(place: dict[str, Any] | None) -> list[str]:
    if not place:
        return ["0", "", "", "", "", "", "", ""]
    iso3 = place.get("country") or ""
    fips = fips_codes().get(iso3, "")
    if _is_country(place):
        kind, feature = "1", fips
    else:
        kind, feature = ("3" if iso3 == "USA" else "4"), ""
    full = place.get("name") or place.get("text") or ""
    return [kind, full, fips, fips, "", _num(place.get("lat")), _num(place.get("lon")), feature]


def _is_country(place: dict[str, Any]) -> bool:
    import pycountry

    iso3 = place.get("country")
    if not iso3:
        return False
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return False
    names = {country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")}
    return (place.get("name") or "") in names


def event_row(happening: dict[str, Any], reports: list[dict[str, Any]]) -> list[str]:
    """The 61 columns of one happening; `reports` are its event records, each with `article`
    ({id, url, source, ingested_at, ...}), earliest first."""
    day = _day(happening["date"])
    first = reports[0] if reports else None
    article = (first or {}).get("article") or {}
    cameo = happening["cameo"]
    row = [
        str(global_event_id(happening["id"])),
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        day.strftime("%Y") if day else "",
        f"{day.year + (day.timetuple().tm_yday / 365):.4f}" if day else "",
        *_actor_columns(happening["source"]),
        *_actor_columns(happening["target"]),
        "1" if first is not None and first["sentence"] == 0 else "0",
        cameo, cameo[:3], cameo[:2],
        str(happening["quad_class"]), _num(happening["goldstein"]),
        str(happening["reports"]), str(happening["sources"]), str(happening["articles"]),
        "",
        *_geo_columns(None), *_geo_columns(None), *_geo_columns(happening["location"]),
        _stamp(article.get("ingested_at") or happening.get("first_seen")),
        article.get("url") or "",
    ]
    assert len(row) == 61
    return row


def mention_rows(happening: dict[str, Any], reports: list[dict[str, Any]]) -> list[list[str]]:
    """The 16 Mentions columns for each report of a happening."""
    gid = str(global_event_id(happening["id"]))
    first = (reports[0].get("article") or {}) if reports else {}
    event_time = _stamp(first.get("ingested_at") or happening.get("first_seen"))
    out = []
    for report in reports:
        article = report.get("article") or {}
        source, target = report["source"], report["target"]
        out.append([
            gid, event_time, _stamp(article.get("ingested_at") or article.get("date")),
            "1",  # WEB: an article with a URL or an id
            article.get("source") or "",
            article.get("url") or article.get("id") or report["article_id"],
            str(report["sentence"] + 1),  # GDELT counts sentences from 1
            str(source["span"][0]) if source else "-1",
            str(target["span"][0]) if target else "-1",
            str(report["trigger"]["span"][0]),
            "1",  # the actors and the action are in the article's own text
            str(int(round(report["confidence"] * 100))),
            _num(article.get("length")),
            "", "", "",
        ])
    return out


def clean(value: str) -> str:
    """GDELT files have one record a line and tabs between fields: neither may occur inside."""
    return value.replace("\t", " ").replace("\r", " ").replace("\n", " ")
