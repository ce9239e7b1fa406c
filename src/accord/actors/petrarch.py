"""Read PETRARCH/TABARI actor dictionaries (the format of the Phoenix ``*.actors.txt`` files).

The format, as this reader understands it::

    # a comment                               (whole line, or after an entry)
    AFGHANISTAN_  [AFG]                       a country block: an undated 3- or 6-letter code
    +AFGHAN_                                  a synonym of the entry above
    VLADIMIR_PUTIN_  # CountryInfo.txt        an entry: a name, words joined by "_"
    +VLADIMIR_VLADIMIROVICH_PUTIN_            synonyms, one per line, starting with "+"
        [RUSELI 700101-990809]                dated codes, on the entry's line or indented below:
        [RUSGOV 991231-080507]                  FROM-TO     in force from FROM until TO
        [RUSGOV >080508]                        >FROM       in force from FROM on
        [USAELI <000101]                        <TO         in force before TO
        [RUSELI]                                undated     the code at any other time
        [---]                                   no code

Dates are YYMMDD or YYYYMMDD. A two-digit year up to the current year's is read as 20YY, anything
later as 19YY (``pivot`` changes that); write days after the current year with eight digits.

``read_actor_entries`` gives the entries as written (tools/build_actors.py builds the packaged
historical_people.tsv from it). ``read_petrarch_actors`` turns the entries that are people - every
entry with a dated code or an ELI ("elite") code; countries (entries with a bare three-letter code)
and organisations (undated codes only) are left out - into people in the shape of the packaged people.yaml, ready for ``KnowledgeBase.load``:

- ``id``: the name as a slug (made unique within the file), ``name``: the entry's name in title
  case, ``aliases``: the multi-word synonyms, ``short``: the one-word synonyms;
- ``country``: the country (ISO3; or an IGO id from igos.yaml for IGO codes) of the person's first
  state office, else of their ELI or undated code;
- ``code``: the entry's first undated code, when it has one;
- ``offices``: one per dated non-ELI code, with ``code``, ``start``, ``end`` (exclusive, the day
  the code stops applying; ``None`` for ``>FROM``), the office's ``country`` derived from the code,
  ``concurrent: true`` and the role ``dictionary_office``. A ``<TO`` code has no known start: it
  gets ``start: 0001-01-01`` and ``approx: true``. Dated ELI codes are not offices (out of office a
  person is coded <country>ELI anyway).

PETRARCH codes carry no role, and the knowledge base wants every office to have one, so the
offices use ``dictionary_office``, a role the packaged roles.yaml does not define: load the
converted people together with ``DICTIONARY_ROLES`` (a roles file; ``write_dictionary_roles``
writes it). Such offices resolve by name and never answer role phrases ("the president").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .words import words
from .knowledge import CODE_RE, REGION_CODES, KnowledgeBase, KnowledgeBaseError, match_norm

__all__ = [
    "ActorEntry", "DatedCode", "Conversion", "DICTIONARY_ROLE", "DICTIONARY_ROLES", "ROLES_FILE_NAME",
    "read_actor_entries", "read_petrarch_actors", "convert_petrarch", "write_dictionary_roles",
    "title_name", "parse_ymd",
]

DICTIONARY_ROLE = "dictionary_office"
DICTIONARY_ROLES = {"roles": {DICTIONARY_ROLE: {"sector": "GOV", "rank": 90, "title": "Office (actor dictionary)"}}}
ROLES_FILE_NAME = "petrarch_roles.yaml"
UNKNOWN_START = dt.date.min  # for "<TO" codes

_CODE_IN_BRACKETS = re.compile(r"\[\s*([A-Z]{3,}|---)\s*([^\]]*)\]")
_HEADER = re.compile(r"^(\S+(?: \S+)*?)\s*(\[.*)?$")

LOWER_PARTICLES = words().lowercase_name_particles  # resources/actors/words.yaml


# --------------------------------------------------------------------------- names, dates
def title_name(raw: str) -> str:
    """VLADIMIR_PUTIN_ -> Vladimir Putin; BASHAR_AL-ASSAD -> Bashar al-Assad."""
    words = [w for w in raw.replace("_", " ").split() if w]
    out = []
    for i, w in enumerate(words):
        parts = re.split(r"([-'’])", w.lower())
        cased = []
        for j, p in enumerate(parts):
            if not p or p in "-'’":
                cased.append(p)
                continue
            if j == 0 and i > 0 and p in LOWER_PARTICLES and len(parts) > 1:
                cased.append(p)  # al-Assad
            elif j == 0 and i > 0 and p in LOWER_PARTICLES and i < len(words) - 1:
                cased.append(p)  # Ursula von der Leyen
            elif p.startswith("mc") and len(p) > 2:
                cased.append("Mc" + p[2:].capitalize())
            elif re.fullmatch(r"[ivx]+", p) and i > 0:
                cased.append(p.upper())  # John Paul II
            else:
                cased.append(p.capitalize())
        out.append("".join(cased))
    return " ".join(out)


def default_pivot() -> int:
    """Two-digit years up to this one are 20YY: the current year's last two digits."""
    return dt.date.today().year % 100


def clamp_date(y: int, m: int, d: int) -> dt.date | None:
    if not (1 <= m <= 12) or y < 1800 or y > 2100:
        return None
    last = calendar.monthrange(y, m)[1]
    return dt.date(y, m, max(1, min(d, last)))  # the Phoenix files have 20060431 and the like


def parse_ymd(s: str, pivot: int | None = None) -> dt.date | None:
    """YYYYMMDD or YYMMDD as a date (a day past the month's end clamped to it); None if neither."""
    s = s.strip()
    if re.fullmatch(r"\d{8}", s):
        return clamp_date(int(s[:4]), int(s[4:6]), int(s[6:]))
    if re.fullmatch(r"\d{6}", s):
        yy = int(s[:2])
        pivot = default_pivot() if pivot is None else pivot
        return clamp_date((2000 if yy <= pivot else 1900) + yy, int(s[2:4]), int(s[4:]))
    return None


# ------------------------------------------------------------------------------ entries
@dataclass(slots=True)
class DatedCode:
    code: str
    start: dt.date | None  # None: no start given ("<TO", or undated)
    end: dt.date | None  # exclusive; None: no end given (">FROM", or undated)
    open: bool = False  # ">FROM"

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(slots=True)
class ActorEntry:
    """One entry of an actor dictionary, as written."""

    header: str  # the name with its underscores, "_" and spaces stripped at the ends
    line: int  # 1-based line of the header
    comment: str = ""  # the header line's comment
    aliases: list[str] = field(default_factory=list)  # "+" lines, as written ("" kept)
    codes: list[DatedCode] = field(default_factory=list)  # valid codes only, "---" left out
    country_block: bool = False  # an undated 3/6-letter code on the header line: a country
    section: str | None = None  # code of the latest country block (this one's, for a block)
    problems: list[str] = field(default_factory=list)  # codes that could not be read


def read_actor_entries(text: str, pivot: int | None = None) -> list[ActorEntry]:
    """Every entry of a PETRARCH actor dictionary, in file order (see the module docstring)."""
    entries: list[ActorEntry] = []
    section: str | None = None
    cur: ActorEntry | None = None
    for n, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if raw[0] not in " \t+":
            body, _, comment = raw.partition("#")
            m = _HEADER.match(body.strip())
            header = m.group(1).strip() if m else body.strip()
            rest = (m.group(2) or "") if m else ""
            found = list(_CODE_IN_BRACKETS.finditer(rest))
            country_block = any(
                not cm.group(2).strip() and len(cm.group(1)) in (3, 6) and cm.group(1) != "---"
                and not cm.group(1).endswith("ELI") for cm in found)
            if country_block:
                section = re.search(r"\[\s*([A-Z]{3,})", rest).group(1)  # type: ignore[union-attr]
            cur = ActorEntry(header.strip("_ "), n, comment.strip(), country_block=country_block, section=section)
            entries.append(cur)
            for cm in found:
                _add_code(cur, cm.group(1), cm.group(2), n, pivot)
            continue
        if cur is None:
            continue
        s = raw.strip()
        if s.startswith("+"):
            cur.aliases.append(s[1:].split("#", 1)[0].strip().strip("_ "))
            continue
        for cm in _CODE_IN_BRACKETS.finditer(s.split("#", 1)[0]):
            _add_code(cur, cm.group(1), cm.group(2), n, pivot)
    return entries


def _add_code(entry: ActorEntry, code: str, dates: str, line: int, pivot: int | None) -> None:
    if code == "---":
        return
    dates = dates.strip()
    if not CODE_RE.match(code):
        entry.problems.append(f"line {line}: code {code!r} is not a CAMEO code (groups of three letters)")
        return
    if not dates:
        entry.codes.append(DatedCode(code, None, None))
        return
    bad = f"line {line}: [{code} {dates}]: dates must be FROM-TO, >FROM or <TO with YYMMDD or YYYYMMDD days"
    m = re.fullmatch(r">\s*(\d{6,8})", dates)
    if m:
        start = parse_ymd(m.group(1), pivot)
        if start:
            entry.codes.append(DatedCode(code, start, None, open=True))
        else:
            entry.problems.append(bad)
        return
    m = re.fullmatch(r"<\s*(\d{6,8})", dates)
    if m:
        end = parse_ymd(m.group(1), pivot)
        if end:
            entry.codes.append(DatedCode(code, None, end))
        else:
            entry.problems.append(bad)
        return
    m = re.fullmatch(r"(\d{6,8})\s*-\s*(\d{6,8})", dates)
    if m:
        start, end = parse_ymd(m.group(1), pivot), parse_ymd(m.group(2), pivot)
        if start and end:
            entry.codes.append(DatedCode(code, start, end))
            return
    entry.problems.append(bad)


# ----------------------------------------------------------------------------- people
@dataclass(slots=True)
class Conversion:
    people: list[dict[str, Any]]
    entries: int = 0  # entries read (country blocks included)
    skipped: int = 0  # entries that are not people: country blocks, organisations, no codes
    problems: list[str] = field(default_factory=list)  # what was left out, with file and line

    @property
    def offices(self) -> int:
        return sum(len(p.get("offices", ())) for p in self.people)


def read_petrarch_actors(path: Path | str, kb: KnowledgeBase | None = None, strict: bool = True,
                         pivot: int | None = None) -> list[dict[str, Any]]:
    """The people of a PETRARCH actor dictionary as people.yaml entries (see the module docstring).

    strict: a code that cannot be read (bad dates, a code of no known country, ends before it
    starts) raises KnowledgeBaseError naming the file, the line and the entry; otherwise it is
    left out (``convert_petrarch`` reports what was).
    """
    return convert_petrarch(path, kb, strict, pivot).people


def convert_petrarch(path: Path | str, kb: KnowledgeBase | None = None, strict: bool = True,
                     pivot: int | None = None) -> Conversion:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise KnowledgeBaseError(f"{path}: cannot read: {exc.strerror or exc}") from None
    kb = kb or KnowledgeBase.default()
    places = _Places(kb)
    entries = read_actor_entries(text, pivot)
    conv = Conversion([], entries=len(entries))
    used_ids: set[str] = set()

    def problem(entry: ActorEntry, message: str) -> None:
        full = f"{path} {message} (entry {entry.header!r})" if message.startswith("line ") else \
            f"{path} line {entry.line} (entry {entry.header!r}): {message}"
        if strict:
            raise KnowledgeBaseError(full)
        conv.problems.append(full)

    for entry in entries:
        if entry.country_block or any(len(c.code) == 3 and c.code != "ELI" for c in entry.codes):
            conv.skipped += 1  # a country ("ARMENIA_ ... [ARM >911221]"), not a person
            continue
        for p in entry.problems:
            problem(entry, p)
        if not entry.codes:
            conv.skipped += 1
            continue
        if not any(c.dated or c.code.endswith("ELI") for c in entry.codes):
            conv.skipped += 1  # undated codes only: an organisation or a group, not a person
            continue
        person = _person(entry, places, problem, path.name)
        if person is None:
            conv.skipped += 1
            continue
        pid = _unique_id(person["id"], person["country"], used_ids)
        if pid is None:
            problem(entry, f"cannot make an id from the name {entry.header!r}")
            conv.skipped += 1
            continue
        person["id"] = pid
        conv.people.append(person)
    return conv


def _person(entry: ActorEntry, places: "_Places", problem, source: str) -> dict[str, Any] | None:
    name = title_name(entry.header)
    offices: list[dict[str, Any]] = []
    default_code: str | None = None
    nationality: str | None = None
    eli_place: str | None = None
    default_place: str | None = None
    first_igo: str | None = None
    for c in entry.codes:
        if c.code == "ELI":  # a bare "[ELI]": the person's own country's elite
            continue
        place = places.of(c.code)
        if place is None:
            problem(entry, f"code {c.code}: no known country, region or organisation starts it")
            continue
        if not c.dated:
            if default_code is None:
                default_code, default_place = c.code, place
            continue
        if c.code.endswith("ELI") and c.code[:3] not in ("IGO", "NGO", "MNC"):
            eli_place = eli_place or place
            continue
        start = c.start or UNKNOWN_START
        if c.end is not None and c.end <= start:
            problem(entry, f"code {c.code}: ends ({c.end}) before it starts ({start})")
            continue
        office: dict[str, Any] = {"role": DICTIONARY_ROLE, "title": f"{c.code} ({source})", "country": place,
                                  "code": c.code, "start": start.isoformat(),
                                  "end": c.end.isoformat() if c.end else None, "concurrent": True}
        if c.start is None:
            office["approx"] = True
        offices.append(office)
        if places.is_igo(place):
            first_igo = first_igo or place
        else:
            nationality = nationality or place
    if not offices and default_code is None and eli_place is None:
        return None
    nationality = nationality or eli_place or default_place or first_igo
    if nationality is None:
        return None
    aliases: list[str] = []
    short: list[str] = []
    for raw in entry.aliases:
        t = title_name(raw)
        if not t or t == name or t in aliases or t in short:
            continue
        (aliases if len(t.split()) > 1 else short).append(t)
    person: dict[str, Any] = {"id": match_norm(name).replace(" ", "-"), "name": name}
    if aliases:
        person["aliases"] = aliases
    if short:
        person["short"] = short
    person["country"] = nationality
    if default_code is not None:
        person["code"] = default_code
    if offices:
        person["offices"] = offices
    return person


def _unique_id(base: str, country: str, used: set[str]) -> str | None:
    base = re.sub(r"[^a-z0-9-]+", "-", base).strip("-")
    if not base:
        return None
    candidates = [base, f"{base}-{country.lower()}"] + [f"{base}-{country.lower()}-{i}" for i in range(2, 1000)]
    for pid in candidates:
        if pid not in used:
            used.add(pid)
            return pid
    return None


class _Places:
    """The country, region or IGO id a CAMEO-style code belongs to, as the KB knows them."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.igo_codes: list[tuple[str, str, bool]] = []  # (code, igo id, has parent)
        for ent in kb.entities("igo"):
            igo_id = ent.key.split(":", 1)[1]
            self.igo_codes.append((ent.code, igo_id, kb.igo(igo_id).get("parent") is not None))
        # longest code first; of equal codes, the organisation without a parent (UN before UNSC)
        self.igo_codes.sort(key=lambda t: (-len(t[0]), t[2]))
        self.igo_ids = {t[1] for t in self.igo_codes}

    def is_igo(self, place: str) -> bool:
        return place in self.igo_ids

    def of(self, code: str) -> str | None:
        if code[:3] in ("IGO", "NGO", "MNC"):
            for igo_code, igo_id, _ in self.igo_codes:
                if code.startswith(igo_code):
                    return igo_id
            return None
        country = self.kb.code_country(code)
        if not country:
            return None
        if self.kb.country(country) is not None and self.kb.country(country).country == country:
            return country
        if country in REGION_CODES:
            return country
        return None


def write_dictionary_roles(directory: Path | str) -> Path:
    """Write the roles file that defines ``dictionary_office`` into `directory`; return its path."""
    import yaml

    path = Path(directory) / ROLES_FILE_NAME
    text = ("# The role of offices converted from PETRARCH actor dictionaries (accord actors add).\n"
            + yaml.safe_dump(DICTIONARY_ROLES, sort_keys=False))
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def dump_people_yaml(people: Iterable[dict[str, Any]], source: str = "") -> str:
    """People as a YAML document in the packaged people.yaml shape."""
    import yaml

    head = f"# People converted by `accord actors add` from the PETRARCH actor dictionary {source}.\n" \
           f"# Their offices use the role {DICTIONARY_ROLE!r}, defined in {ROLES_FILE_NAME}.\n"
    return head + yaml.safe_dump(list(people), sort_keys=False, allow_unicode=True, width=110)
