"""Records-level scoring: what `accord extract` writes, judged against labelled events.

Everything here reads the contract's `event` records (the dicts `Document.records()` yields), never
the coder's internal detections, so a figure computed here is about what users get.

Two rules are defined once, here, and documented in the README:

**The sentence's record** (`sentence_record`), for data that label one event per sentence
(ConfliBERT classes and spans, PLOVER gold): of the records the pipeline writes for the sentence's
text, the one with the highest `confidence`, the first in output order on ties. No record means
"no event": ConfliBERT class 0 (neutral), no source or target span, no PLOVER type. For PLOVER the
records considered are those with a PLOVER type (a PLOVER export has no others: CAMEO 01 and 02
are dropped by PLOVER).

**A record matches a gold event** (`judge`, `match`), for data that label every event of an
article (the Wikinews development set, the record judgments the record policy is fitted to), by one of two
rules. Both need the same article and sentence (the record's trigger starts inside the gold event's
sentence span), negation equal and modality equal, and take source and target in either order for
the codes of undirected acts (`UNDIRECTED_CODES`: meet, talk, negotiate, sign an agreement).

The **lenient rule** (`strict=False`, the default; `codes_compatible`, `actors_compatible`,
`dates_compatible`):

- code: equal; or one is the other's more specific code ("036" and "0361"); or the two share their
  CAMEO root and one is that root's unspecified code ("040" and "043"; "190" and "193");
- source and target: both null; or the same code, or one code a prefix of the other (3 characters
  at least: "USA" and "USAGOV"), or the same person name, or the same country when the gold gives
  one (so "Johnson stepped down" matches May's resignation: both GBRGOV);
- date: the gold gives none, or one date is a prefix of the other ("2019-01" and "2019-01-17").

The **strict rule** (`strict=True`; `codes_same`, `actors_same`, `dates_same`) follows a careful
coder's judgment as `tests/data/wikinews_audit/README.md` ("Judging") and
`tests/data/wikinews_judged/README.md` write it, with the conventions of
`tests/data/wikinews_dev/README.md`:

- code: the gold's, or the same act at a coarser level: a prefix of the gold's ("036" for "0361")
  or its root's unspecified code ("190" for "193"). A more specific code than the gold's ("193"
  for "190", "0831" for "080") says more than the text does: wrong.
- source and target by identity: both null; or
  - the record's code agrees with the gold's (`actor_codes_agree`): the same code, or the same
    actor at a coarser level (the country alone for its state, "CUB" for "CUBGOV", never for its
    people or firms; "CVL" for a private person's own sector, "USACVL" for "USACRM"), or the
    gold's with more said that does not contradict it (a country before a country-less group,
    "SYRIMGMUSISI" for "IMGMUSISI"; a second sector, "USAGOVLEG" for "USALEG"); a different
    country, no country where the gold gives one, or another sector is wrong ("USACVL" for a
    legislator, "GBRELI" for a sitting minister);
  - and, where both name their actor, the names name the same person, organisation or country
    (`names_same`): equal (case, accents, "the" and honorifics aside); one the surname or a
    shortening of the other ("Johnson", "Ricardo Rossello" for "Ricardo Rossello Nevares"; never
    the given name alone, nor "Mike Johnson" for "Boris Johnson"); one the other's acronym
    ("NTSB"); or both aliases of one entity of the actor dictionary ("U.S." and "United States").
    An unnamed gold actor (a collective: "officials", "protesters") is known by its code alone;
    a record's unnamed actor ("the embassy", "a federal judge") is the gold's named actor described
    by its role when its words are among those of the gold's mention (`text`), not otherwise ("at
    least nineteen others" is not "Heather Heyer"). So "Johnson stepped down" for May's
    resignation is wrong.
- date at the gold's precision: the record's date cut to the gold's precision is the gold's (a
  gold day needs that day, a month for it is wrong; a day inside a gold month is right); where the
  gold gives no date (a background act), the record gives none (dated by publication it is wrong).

Validated against the careful coder's judgments of every record of Wikinews parts C, D, E and F
(`tools/scorer_agreement.py`, which prints the 2x2 agreement per part): the strict rule agrees with
the coder on 388 of 407 judged records (95.3%; 3 records right by the rule and wrong by the coder),
the lenient on 355 (87.2%; 45 right by the rule and wrong by the coder).

By either rule each gold event is matched by one record at most and each record matches one gold
event at most (a maximum matching over the pairs that match), so duplicates count as wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from ..actors.kinds import STATE_SECTORS, Sector
from ..actors.knowledge import KnowledgeBase, ascii_fold
from ..actors.words import person_nouns, words
from ..events.classes import class_of_code
from ..events.ontology import DROPPED

FIELDS = ("code", "source", "target", "negated", "modality", "date")
# Acts with no direction: a record may give the two sides in either order.
UNDIRECTED_CODES = frozenset({"040", "041", "044", "045", "046", "057"})


# ------------------------------------------------------------------------------ records
def event_records(document: Any) -> list[dict]:
    """The `event` records of a processed document, in output order (as `accord extract` writes them)."""
    return [r for r in document.records() if r["kind"] == "event"]


def sentence_record(records: Iterable[dict]) -> dict | None:
    """The record a one-event sentence is judged by: the highest confidence, the first on ties."""
    best = None
    for r in records:
        if best is None or r["confidence"] > best["confidence"]:
            best = r
    return best


def plover_record(records: Iterable[dict]) -> dict | None:
    """`sentence_record` over the records that have a PLOVER type."""
    return sentence_record(r for r in records if r.get("plover") and r["plover"] != DROPPED)


def record_class(record: dict | None) -> int:
    """The ConfliBERT 5-class of a sentence's record (CAMEO root grouped); 0 without a record."""
    if record is None:
        return 0
    cls = class_of_code(record["cameo"])
    return 0 if cls is None else cls


# ------------------------------------------------------------------------------ matching
def codes_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if long_.startswith(short):
        return True
    return a[:2] == b[:2] and (a == a[:2] + "0" or b == b[:2] + "0")


def actors_compatible(record_actor: dict | None, gold_actor: dict | None) -> bool:
    if gold_actor is None or record_actor is None:
        return gold_actor is None and record_actor is None
    rc, gc = (record_actor.get("code") or ""), (gold_actor.get("code") or "")
    if rc and gc:
        short, long_ = sorted((rc, gc), key=len)
        if len(short) >= 3 and long_.startswith(short):
            return True
    rn, gn = record_actor.get("name"), gold_actor.get("name")
    if rn and gn and rn.casefold() == gn.casefold():
        return True
    gcountry = gold_actor.get("country")
    return bool(gcountry) and record_actor.get("country") == gcountry


def dates_compatible(record_date: str | None, gold_date: str | None) -> bool:
    if not gold_date:
        return True
    if not record_date:
        return False
    short, long_ = sorted((record_date, gold_date), key=len)
    return long_.startswith(short)


# ------------------------------------------------------------------------------ the strict rule
def codes_same(record_code: str | None, gold_code: str | None) -> bool:
    """The record's code is the gold's, or the same act at a coarser level: a prefix of the gold's
    ("036" for "0361") or its root's unspecified code ("190" for "193"). A more specific code than
    the gold's ("193" for "190", "0831" for "080") says more than the text does: wrong."""
    if not record_code or not gold_code:
        return False
    if record_code == gold_code or (len(record_code) < len(gold_code) and gold_code.startswith(record_code)):
        return True
    return record_code == gold_code[:2] + "0" and gold_code[:2] == record_code[:2]


def dates_same(record_date: str | None, gold_date: str | None) -> bool:
    """The date at the gold's precision: the record's date cut to the gold's precision is the gold's
    (the same day for a gold day, the same month for a gold month, the same year for a gold year;
    a month for a gold day is wrong, a day inside a gold month right); no date where the gold has
    none (an act the text gives no date for, dated by publication, is wrong)."""
    if not gold_date:
        return not record_date
    return bool(record_date) and record_date.startswith(gold_date)


_NAME_TOKEN = re.compile(r"[a-z0-9]+")


def _name_tokens(name: str) -> list[str]:
    tokens = _NAME_TOKEN.findall(ascii_fold(name).casefold().replace("'s", ""))
    honorifics = person_nouns()["honorifics"]
    while tokens and tokens[0] in ("the",) + tuple(h.rstrip(".") for h in honorifics):
        tokens = tokens[1:]
    return tokens


def _subsequence(short: list[str], long_: list[str]) -> bool:
    it = iter(long_)
    return all(t in it for t in short)


def _initials(tokens: list[str]) -> str:
    skip = words().acronym_skip_words
    return "".join(t[0] for t in tokens if t not in skip)


def _entity_keys(name: str) -> set[str]:
    return {key for key, kind in KnowledgeBase.default().lookup(name) if kind != "surname"}


def names_same(a: str | None, b: str | None) -> bool:
    """The two names name the same person, organisation or country: equal (case, accents, "the"
    and honorifics aside); one a surname or shortening of the other (its words the other's last
    words: "Johnson" and "Boris Johnson", "Mr Trump" and "Donald Trump"; not "Mike Johnson" and
    "Boris Johnson"); one the other's acronym ("NTSB"); or both an alias of one entity of the actor
    dictionary (`KnowledgeBase.lookup`: "U.S." and "United States", "Erdogan" via its full name)."""
    if not a or not b:
        return False
    ta, tb = _name_tokens(a), _name_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    short, long_ = sorted((ta, tb), key=len)
    if len(short) < len(long_) and _subsequence(short, long_):
        # a surname alone ("Johnson"), or the given name and some of the surnames ("Ricardo
        # Rossello" for "Ricardo Rossello Nevares"); never the given name alone
        if (len(short) == 1 and short[0] != long_[0]) or (len(short) >= 2 and short[0] == long_[0]) \
                or long_[-len(short):] == short:
            return True
    if len(short) == 1 and len(long_) >= 2 and short[0] == _initials(long_):
        return True
    keys_a, keys_b = _entity_keys(a), _entity_keys(b)
    if keys_a & keys_b:
        return True
    # an alias against a full name: the full name's entity has the other as one of its aliases
    kb = KnowledgeBase.default()
    return any(key in keys_b for key, _ in kb.lookup(a)) or any(key in keys_a for key, _ in kb.lookup(b))


# Sectors of private people a coder may code with the coarser CVL (civilian): a convicted man as
# CVL for CRM, a doctor as CVL for HLH. Not the state's sectors, not ELI (former officials), not
# the armed or political groups (CAMEO 1.1b3 manual, chapter 3: primary and secondary roles).
CIVILIAN_SECTORS = frozenset({Sector.AGR, Sector.BUS, Sector.CRM, Sector.DEV, Sector.EDU, Sector.ENV,
                              Sector.HLH, Sector.HRI, Sector.LAB, Sector.MED, Sector.REF})
_SECTORS = frozenset(s.value for s in Sector)


def _split_code(code: str) -> tuple[str | None, str]:
    """("USA", "GOV") for "USAGOV", (None, "IMGMUSISI") for "IMGMUSISI", (None, "CVL") for "CVL"."""
    if len(code) >= 3 and code[:3] not in _SECTORS:
        return code[:3], code[3:]
    return None, code


def actor_codes_agree(record_code: str | None, gold_code: str | None) -> bool:
    """The record's actor code is the gold's, or the same actor at a coarser level: the country alone
    for its state ("CUB" for "CUBGOV", "USA" for "USAMIL"; not for its people or firms), civilian
    ("CVL") for a private person's own sector ("USACVL" for "USACRM"); or the gold's with more said that does not contradict it (a country
    before a country-less organisation, "SYRIMGMUSISI" for "IMGMUSISI"; a second sector,
    "USAGOVLEG" for "USALEG"). A different country, or no country where the gold has one, is wrong;
    so is another sector ("USACVL" for a legislator "USALEG", "GBRELI" for "GBRGOV")."""
    if not gold_code:
        return True
    if not record_code:
        return False
    if record_code == gold_code:
        return True
    rcountry, rsect = _split_code(record_code)
    gcountry, gsect = _split_code(gold_code)
    if gcountry and rcountry != gcountry:
        return False
    if rsect == gsect or (not rsect and gsect[:3] in STATE_SECTORS):
        return True
    if gsect and len(gsect) >= 3 and rsect.endswith(gsect):
        return True
    return rsect == Sector.CVL and gsect in CIVILIAN_SECTORS


def actors_same(record_actor: dict | None, gold_actor: dict | None) -> bool:
    """The careful coder's identity of an actor (the module docstring): both absent, or the code
    agrees (`actor_codes_agree`) and, where both name their actor, the names name the same one
    (`names_same`). An unnamed record actor ("the embassy", "a federal judge") of the gold's code
    is the gold's named actor described by its role when its words are among those of the gold's
    mention ("the embassy" for "the US Embassy in London", not "at least nineteen others" for
    "Heather Heyer"); an unnamed gold actor (a collective: "officials", "protesters") is known by
    its code alone."""
    if gold_actor is None or record_actor is None:
        return gold_actor is None and record_actor is None
    if not actor_codes_agree(record_actor.get("code"), gold_actor.get("code")):
        return False
    gname, rname = gold_actor.get("name"), record_actor.get("name")
    if gname and rname:
        return names_same(rname, gname)
    if gname:  # an unnamed record actor: the gold's by its role only if the words are the gold's mention's
        return bool(_content_words(record_actor.get("text")) & _content_words(gold_actor.get("text")))
    return True


def _content_words(text: str | None) -> set[str]:
    w = words()
    small = w.articles | w.group_determiners | w.acronym_skip_words
    return {t for t in _NAME_TOKEN.findall(ascii_fold(text or "").casefold()) if t not in small}


def in_sentence(record: dict, gold: dict) -> bool:
    start = record["trigger"]["span"][0]
    return gold["sentence_start"] <= start < gold["sentence_end"]


def judge(record: dict, gold: dict, strict: bool = False) -> dict[str, bool]:
    """Field by field: does the record agree with the gold event (same sentence assumed)? By the
    lenient rule, or with `strict` by the careful coder's (the module docstring)."""
    same_actor = actors_same if strict else actors_compatible
    direct = (same_actor(record.get("source"), gold.get("source")),
              same_actor(record.get("target"), gold.get("target")))
    undirected = any((c or "")[:3] in UNDIRECTED_CODES for c in (gold.get("cameo"), record.get("cameo")))
    if not all(direct) and undirected:
        swapped = (same_actor(record.get("target"), gold.get("source")),
                   same_actor(record.get("source"), gold.get("target")))
        if sum(swapped) > sum(direct):
            direct = swapped
    return {
        "code": (codes_same if strict else codes_compatible)(record.get("cameo"), gold.get("cameo")),
        "source": direct[0],
        "target": direct[1],
        "negated": bool(record.get("negated")) == bool(gold.get("negated")),
        "modality": record.get("modality") == gold.get("modality"),
        "date": (dates_same if strict else dates_compatible)(record.get("date"), gold.get("date")),
    }


def matches(record: dict, gold: dict, strict: bool = False) -> bool:
    return in_sentence(record, gold) and all(judge(record, gold, strict).values())


def maximum_matching(n_left: int, edges: dict[int, list[int]]) -> dict[int, int]:
    """Left -> right of a maximum bipartite matching (augmenting paths; the sets are small)."""
    right_of: dict[int, int] = {}
    left_of: dict[int, int] = {}

    def augment(u: int, seen: set[int]) -> bool:
        for v in edges.get(u, ()):
            if v in seen:
                continue
            seen.add(v)
            if v not in left_of or augment(left_of[v], seen):
                left_of[v] = u
                right_of[u] = v
                return True
        return False

    for u in range(n_left):
        augment(u, set())
    return right_of


@dataclass
class ArticleMatch:
    """One article's records against its gold events."""

    records: list[dict]
    golds: list[dict]
    pairs: dict[int, int] = field(default_factory=dict)  # record index -> gold index
    strict: bool = False  # matched by the strict rule (else the lenient one)

    @property
    def right(self) -> list[bool]:
        return [i in self.pairs for i in range(len(self.records))]

    def nearest_gold(self, i: int) -> tuple[int | None, dict[str, bool] | None]:
        """For a record: the gold event of its sentence that agrees on most fields (unmatched ones
        first, the code counting most), with the field judgments; (None, None) when its sentence
        has no gold event."""
        taken = set(self.pairs.values())
        best, best_key = None, None
        for g, gold in enumerate(self.golds):
            if not in_sentence(self.records[i], gold):
                continue
            j = judge(self.records[i], gold, self.strict)
            key = (g not in taken or self.pairs.get(i) == g, j["code"], sum(j.values()))
            if best_key is None or key > best_key:
                best, best_key = (g, j), key
        return best if best is not None else (None, None)

    def nearest_record(self, g: int) -> tuple[int | None, dict[str, bool] | None]:
        best, best_key = None, None
        for i, record in enumerate(self.records):
            if not in_sentence(record, self.golds[g]):
                continue
            j = judge(record, self.golds[g], self.strict)
            key = (j["code"], sum(j.values()))
            if best_key is None or key > best_key:
                best, best_key = (i, j), key
        return best if best is not None else (None, None)


def match(records: Sequence[dict], golds: Sequence[dict], strict: bool = False) -> ArticleMatch:
    """Maximum one-to-one matching of an article's records to its gold events (by the strict rule
    with `strict`, else the lenient one)."""
    edges = {i: [g for g, gold in enumerate(golds) if matches(r, gold, strict)] for i, r in enumerate(records)}
    return ArticleMatch(list(records), list(golds), maximum_matching(len(records), edges), strict)


@dataclass
class MatchScore:
    """Precision, recall and F1 of records against gold events, with a per-field error table."""

    records: int = 0
    right: int = 0  # records matching a gold event
    gold: int = 0
    found: int = 0  # gold events matched by a record
    # wrong records: which field disagrees with the nearest gold event of their sentence, or
    # "no gold event in the sentence"; missed gold events: why.
    wrong_fields: dict[str, int] = field(default_factory=lambda: {f: 0 for f in FIELDS})
    wrong_no_gold: int = 0
    wrong_duplicate: int = 0  # agrees on every field with a gold event another record matched
    missed_no_record: int = 0
    missed_fields: dict[str, int] = field(default_factory=lambda: {f: 0 for f in FIELDS})

    @property
    def precision(self) -> float:
        return self.right / self.records if self.records else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, m: ArticleMatch) -> None:
        self.records += len(m.records)
        self.right += len(m.pairs)
        self.gold += len(m.golds)
        self.found += len(m.pairs)
        for i in range(len(m.records)):
            if i in m.pairs:
                continue
            g, j = m.nearest_gold(i)
            if g is None:
                self.wrong_no_gold += 1
            elif all(j.values()):
                self.wrong_duplicate += 1
            else:
                for f, ok in j.items():
                    self.wrong_fields[f] += not ok
        matched = set(m.pairs.values())
        for g in range(len(m.golds)):
            if g in matched:
                continue
            i, j = m.nearest_record(g)
            if i is None:
                self.missed_no_record += 1
            else:
                for f, ok in j.items():
                    self.missed_fields[f] += not ok

    def as_dict(self) -> dict[str, Any]:
        return {"records": self.records, "right": self.right, "gold": self.gold, "found": self.found,
                "precision": self.precision, "recall": self.recall, "f1": self.f1,
                "wrong_records": {"no_gold_event_in_sentence": self.wrong_no_gold, "duplicate": self.wrong_duplicate,
                                  **self.wrong_fields},
                "missed_gold": {"no_record_in_sentence": self.missed_no_record, **self.missed_fields}}
