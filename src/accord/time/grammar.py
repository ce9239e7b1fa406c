"""The pattern engine: compile the rules of `rules.yaml` and find their matches in a parsed text.

Patterns are compiled once per language into fixed-length sequences of token tests (optional
parts are expanded at compile time) and indexed by what their first two tokens can be. A
document is scanned once: for each token only the patterns whose first two tests can pass there
are tried, so the vast majority of tokens, which start no time expression, cost a set lookup.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from spacy.attrs import IDX, LENGTH

from .resources import END, NORMALIZE, Entry, Resources, WordClass, load_resources

_HYPHEN = re.compile(r"(-)")
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")
_VERBISH = frozenset({"VERB", "AUX"})


# --------------------------------------------------------------------------- the token view


class Pieces:
    """The document as the patterns see it: spaCy tokens, with inner hyphens split off.

    "mid-2024" and "four-year" are one token or three depending on the tokenizer; splitting them
    here lets one pattern ("mid - #year") cover both. Each piece keeps its character offsets in
    the text and the index of the spaCy token it came from.
    """

    __slots__ = ("doc", "lowers", "texts", "starts", "ends", "toks", "n")

    def __init__(self, doc: Any, text: str | None = None):
        """`text` must be the text the doc was parsed from (default: `doc.text`, slower)."""
        self.doc = doc
        lowers: list[str] = []
        texts: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        toks: list[int] = []
        norm = NORMALIZE
        if text is None:
            text = doc.text
        # Offsets straight from the token array: no spaCy Token objects are created here.
        arr = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        for i, (idx, length) in enumerate(arr):
            tok = text[idx : idx + length]
            if length > 2 and "-" in tok[1:-1]:
                pos = idx
                for part in _HYPHEN.split(tok):
                    if part:
                        low = part.lower()
                        lowers.append(low if low.isascii() else low.translate(norm))
                        texts.append(part)
                        starts.append(pos)
                        ends.append(pos + len(part))
                        toks.append(i)
                        pos += len(part)
                continue
            low = tok.lower()
            lowers.append(low if low.isascii() else low.translate(norm))
            texts.append(tok)
            starts.append(idx)
            ends.append(idx + length)
            toks.append(i)
        self.lowers = lowers
        self.texts = texts
        self.starts = starts
        self.ends = ends
        self.toks = toks
        self.n = len(lowers)

    def token(self, j: int) -> Any:
        return self.doc[self.toks[j]]

    def whole(self, j: int) -> bool:
        """Piece j is a whole spaCy token (not split off a hyphenated one)."""
        t = self.toks[j]
        return (j == 0 or self.toks[j - 1] != t) and (j + 1 == self.n or self.toks[j + 1] != t)

    def sentence_initial(self, j: int) -> bool:
        if j == 0:
            return True
        if self.toks[j - 1] == self.toks[j]:
            return False
        tok = self.doc[self.toks[j]]
        try:
            return bool(tok.is_sent_start)
        except Exception:  # pragma: no cover - no sentence boundaries
            return False


# --------------------------------------------------------------------------- token tests


_UNTRIED = object()  # `Grammar.find`: a test not yet tried at a piece


class Matcher:
    """One token test. `match` returns (end piece, value) or None; it reads only the pieces
    (the same answer for the same piece, so `Grammar.find` asks once for all patterns)."""

    __slots__ = ()

    def match(self, P: Pieces, j: int) -> tuple[int, Any] | None:  # pragma: no cover
        raise NotImplementedError

    def first_keys(self) -> tuple[set[str], set[str]]:
        """(words, first characters) a matching piece can have: the index entries."""
        raise NotImplementedError  # pragma: no cover


class Literal(Matcher):
    __slots__ = ("words",)

    def __init__(self, words: Iterable[str]):
        self.words = frozenset(words)

    def match(self, P, j):
        low = P.lowers[j]
        return (j + 1, low) if low in self.words else None

    def first_keys(self):
        return set(self.words), set()


class EntryCheck:
    """Checks an entry's matching flags (cap, nocap, ambig) at a position."""

    __slots__ = ("temporal_context",)

    def __init__(self, temporal_context: Iterable[str]):
        self.temporal_context = frozenset(temporal_context)

    def ok(self, e: Entry, P: Pieces, j: int) -> bool:
        fl = e.flags
        if "cap" in fl and not P.texts[j][:1].isupper():
            return False
        if "nocap" in fl and P.texts[j][:1].isupper() and not P.sentence_initial(j):
            return False
        if "ambig" in fl:
            tok = P.token(j)
            if tok.pos_ in _VERBISH or tok.tag_ == "MD":
                prev = P.lowers[j - 1] if j > 0 else ""
                nxt = P.lowers[j + 1] if j + 1 < P.n else ""
                if prev not in self.temporal_context and not nxt[:1].isdigit():
                    return False
        return True


class ClassMatcher(Matcher):
    __slots__ = ("wc", "check")

    def __init__(self, wc: WordClass, check: EntryCheck):
        self.wc = wc
        self.check = check

    def match(self, P, j):
        node = self.wc.trie.get(P.lowers[j])
        if node is None:
            return None
        best = None
        k = j + 1
        n = P.n
        while True:
            e = node.get(END)
            if e is not None and (not e.flags or self.check.ok(e, P, j)):
                best = (k, e.value)
            if k >= n:
                break
            node = node.get(P.lowers[k])
            if node is None:
                break
            k += 1
        return best

    def first_keys(self):
        return self.wc.first_tokens, set()


class ShapeMatcher(Matcher):
    __slots__ = ("regex", "first", "name")

    def __init__(self, name: str, regex: re.Pattern, first: str):
        self.name = name
        self.regex = regex
        self.first = first

    def match(self, P, j):
        m = self.regex.fullmatch(P.lowers[j])
        if m is None:
            return None
        return j + 1, {k: v for k, v in m.groupdict().items() if v is not None}

    def first_keys(self):
        return set(), set(self.first)


class NumberMatcher(Matcher):
    """A cardinal: digits ("3", "1.5", "1,000") or words ("three", "twenty-five", "two hundred")."""

    __slots__ = ("numbers", "units", "mults")

    def __init__(self, numbers: dict[str, tuple[float, frozenset[str]]]):
        self.numbers = numbers
        self.units = {w: v for w, (v, f) in numbers.items() if "unit" in f}
        self.mults = {w: v for w, (v, f) in numbers.items() if "mult" in f}

    def match(self, P, j):
        low = P.lowers[j]
        if low[:1].isdigit():
            if _DIGITS.fullmatch(low):
                v = float(low.replace(",", ""))
                return j + 1, int(v) if v.is_integer() else v
            return None
        hit = self.numbers.get(low)
        if hit is None or "mult" in hit[1]:
            return None
        val, flags = hit
        k = j + 1
        lowers, n = P.lowers, P.n
        if "tens" in flags and k < n:
            if lowers[k] == "-" and k + 1 < n and lowers[k + 1] in self.units:
                val += self.units[lowers[k + 1]]
                k += 2
            elif lowers[k] in self.units:
                val += self.units[lowers[k]]
                k += 1
        if k < n and lowers[k] in self.mults:
            val *= self.mults[lowers[k]]
            k += 1
        return k, int(val)

    def first_keys(self):
        return {w for w, (v, f) in self.numbers.items() if "mult" not in f}, set("0123456789")


class Alternatives(Matcher):
    """Any of several tests; the longest match wins."""

    __slots__ = ("options",)

    def __init__(self, options: list[Matcher]):
        self.options = options

    def match(self, P, j):
        best = None
        for m in self.options:
            r = m.match(P, j)
            if r is not None and (best is None or r[0] > best[0]):
                best = r
        return best

    def first_keys(self):
        words: set[str] = set()
        chars: set[str] = set()
        for m in self.options:
            w, c = m.first_keys()
            words |= w
            chars |= c
        return words, chars


@dataclass(slots=True)
class Element:
    matcher: Matcher
    slot: str | None  # where the value goes ("" = merge a shape's groups)
    context: bool


# --------------------------------------------------------------------------- rules


@dataclass(slots=True)
class Rule:
    name: str
    type: str
    fn: str
    args: dict[str, str]
    priority: int
    not_prev: list[Callable[[Pieces, int], bool]] = field(default_factory=list)
    not_next: list[Callable[[Pieces, int], bool]] = field(default_factory=list)
    needs_mod: bool = False
    needs: tuple[str, ...] = ()


@dataclass(slots=True)
class Pattern:
    rule: Rule
    elements: list[Element]
    order: int  # global order: rule priority, then expansion order


@dataclass(slots=True)
class Match:
    """A candidate timex: pieces [start, end) (context excluded) and the slot values."""

    start: int
    end: int
    rule: Rule
    slots: dict[str, Any]
    order: int


class Grammar:
    """All rules of one language, compiled and indexed."""

    def __init__(self, res: Resources):
        self.res = res
        self.check = EntryCheck(res.settings.get("temporal_context", ()))
        self.number = NumberMatcher(res.numbers)
        self._atoms: dict[str, Matcher] = {}
        self.patterns: list[Pattern] = []
        self.rules: list[Rule] = []
        for prio, spec in enumerate(res.rules):
            rule = self._rule(spec, prio)
            self.rules.append(rule)
            sources = spec["pattern"] if isinstance(spec["pattern"], list) else [spec["pattern"]]
            for src in sources:
                for seq in self._expand(src):
                    elements = [self._element(tok) for tok in seq]
                    if all(e.context for e in elements):
                        raise ValueError(f"rule {rule.name}: pattern {src!r} has only context")
                    self.patterns.append(Pattern(rule, elements, len(self.patterns)))
        # Index: patterns whose first element always takes one piece are filed under the keys of
        # their first two elements (word or first character of each), the others under the
        # first element only. A piece then tries only patterns whose first two tests can pass.
        one: dict[tuple[str, str], list[Pattern]] = {}
        two: dict[tuple[str, str, str, str], list[Pattern]] = {}
        for p in self.patterns:
            keys0 = _keys(p.elements[0].matcher)
            if len(p.elements) > 1 and _single_piece(p.elements[0].matcher):
                keys1 = _keys(p.elements[1].matcher)
                for k0 in keys0:
                    for k1 in keys1:
                        two.setdefault(k0 + k1, []).append(p)
            else:
                for k0 in keys0:
                    one.setdefault(k0, []).append(p)
        self.one = {k: tuple(v) for k, v in one.items()}
        self.two = {k: tuple(v) for k, v in two.items()}
        self.first_words = frozenset(k[1] for k in one if k[0] == "w") | frozenset(
            k[1] for k in two if k[0] == "w"
        )
        self.first_chars = frozenset(k[1] for k in one if k[0] == "c") | frozenset(
            k[1] for k in two if k[0] == "c"
        )

    # ---- compiling

    def _rule(self, spec: dict[str, Any], prio: int) -> Rule:
        for key in ("name", "type", "fn", "pattern"):
            if key not in spec:
                raise ValueError(f"rule #{prio} lacks {key!r}: {spec}")
        return Rule(
            name=spec["name"],
            type=spec["type"],
            fn=spec["fn"],
            args={k: str(v) for k, v in (spec.get("args") or {}).items()},
            priority=prio,
            not_prev=[self._filter(f) for f in spec.get("not_prev", ())],
            not_next=[self._filter(f) for f in spec.get("not_next", ())],
            needs_mod=bool(spec.get("needs_mod", False)),
            needs=tuple(spec.get("needs", ())),
        )

    def _filter(self, f: str) -> Callable[[Pieces, int], bool]:
        if isinstance(f, bool):
            raise ValueError("a filter word read as a boolean: quote yes/no/on/off in rules.yaml")
        f = str(f)
        if "&" in f and len(f) > 1:  # all of several tests: "tag:NNP&cap"
            parts = [self._filter(x) for x in f.split("&")]
            return lambda P, j: all(p(P, j) for p in parts)
        # Tag tests look at whole tokens only: a piece split off "mid-September" carries the
        # tag of the whole token, which says nothing about the piece.
        if f.startswith("tag:"):
            tag = f[4:]
            return lambda P, j: P.whole(j) and P.token(j).tag_ == tag
        if f.startswith("pos:"):
            pos = f[4:]
            return lambda P, j: P.whole(j) and P.token(j).pos_ == pos
        if f == "cap":
            return lambda P, j: P.texts[j][:1].isupper()
        if f.startswith("@"):
            name = f[1:]
            if name in self.res.classes:
                words = frozenset(self.res.classes[name].single_tokens)
            elif name in self.res.settings:
                words = frozenset(str(w).lower() for w in self.res.settings[name])
            else:
                raise ValueError(f"unknown class or setting in filter: {f}")
            return lambda P, j: P.lowers[j] in words
        if f.startswith("#"):
            m = self._atom(f)
            return lambda P, j: m.match(P, j) is not None
        word = f.lower()
        return lambda P, j: P.lowers[j] == word

    def _atom(self, alt: str) -> Matcher:
        if alt in self._atoms:
            return self._atoms[alt]
        if alt == "#num":
            m: Matcher = self.number
        elif alt.startswith("#"):
            s = self.res.shapes.get(alt[1:])
            if s is None:
                raise ValueError(f"unknown shape {alt}")
            m = ShapeMatcher(s.name, s.regex, s.first)
        elif alt.startswith("@"):
            wc = self.res.classes.get(alt[1:])
            if wc is None:
                raise ValueError(f"unknown class {alt}")
            m = ClassMatcher(wc, self.check)
        else:
            m = Literal([alt.lower()])
        self._atoms[alt] = m
        return m

    def _element(self, tok: str) -> Element:
        context = tok.startswith("{") and tok.endswith("}")
        if context:
            tok = tok[1:-1]
        slot = None
        if "=" in tok and not tok.startswith("="):
            slot, tok = tok.split("=", 1)
        alts = tok.split("|")
        literals = [a for a in alts if not a.startswith(("@", "#"))]
        others = [self._atom(a) for a in alts if a.startswith(("@", "#"))]
        if literals:
            others.append(Literal([a.lower() for a in literals]))
        matcher = others[0] if len(others) == 1 else Alternatives(others)
        if slot is None:
            classes = [a for a in alts if a.startswith("@")]
            if classes:
                slot = self.res.classes[classes[0][1:]].slot
            elif "#num" in alts:
                slot = "num"
            elif any(a.startswith("#") for a in alts):
                slot = ""  # merge the shape's named groups
        return Element(matcher, slot, context)

    def _expand(self, src: str) -> list[list[str]]:
        """All fixed token sequences of a pattern (optional parts and macros expanded)."""
        toks = re.findall(r"\[|\]\??|[^\s\[\]]+", src)
        pos = 0

        def seq() -> list[list[str]]:
            nonlocal pos
            variants: list[list[str]] = [[]]
            while pos < len(toks):
                t = toks[pos]
                if t.startswith("]"):
                    return variants
                pos += 1
                if t == "[":
                    inner = seq()
                    if pos >= len(toks):
                        raise ValueError(f"unclosed [ in pattern {src!r}")
                    close = toks[pos]
                    pos += 1
                    alts = inner + ([[]] if close == "]?" else [])
                else:
                    optional = t.endswith("?") and len(t) > 1
                    body = t[:-1] if optional else t
                    if body in self.res.macros:
                        alts = [v for m in self.res.macros[body] for v in self._expand(m)]
                    else:
                        alts = [[body]]
                    if optional:
                        alts = alts + [[]]
                variants = [v + a for v in variants for a in alts]
            return variants

        out = seq()
        if pos != len(toks):
            raise ValueError(f"unbalanced ] in pattern {src!r}")
        unique: list[list[str]] = []
        for v in out:
            if v and v not in unique:
                unique.append(v)
        return unique

    # ---- matching

    def find(self, P: Pieces) -> list[Match]:
        """Every rule match in the document (overlapping candidates; the tagger selects)."""
        out: list[Match] = []
        one, two = self.one, self.two
        first_words, first_chars = self.first_words, self.first_chars
        lowers = P.lowers
        n = P.n
        run = self._run
        for i in range(n):
            low = lowers[i]
            ch = low[:1]
            w = low in first_words
            c = ch in first_chars
            if not (w or c):
                continue
            groups = []
            if w:
                groups.append(one.get(("w", low)))
            if c:
                groups.append(one.get(("c", ch)))
            if i + 1 < n:
                nxt = lowers[i + 1]
                nch = nxt[:1]
                if w:
                    groups.append(two.get(("w", low, "w", nxt)))
                    groups.append(two.get(("w", low, "c", nch)))
                if c:
                    groups.append(two.get(("c", ch, "w", nxt)))
                    groups.append(two.get(("c", ch, "c", nch)))
            # Many patterns start with the same test: each test is tried once here (the tests
            # are pure functions of the pieces), and a pattern whose first test fails is not run.
            tried: dict[Matcher, Any] = {}
            for group in groups:
                if group:
                    for p in group:
                        test = p.elements[0].matcher
                        first = tried.get(test, _UNTRIED)
                        if first is _UNTRIED:
                            first = tried[test] = test.match(P, i)
                        if first is None:
                            continue
                        m = run(p, P, i, first)
                        if m is not None:
                            out.append(m)
        return out

    def _run(self, p: Pattern, P: Pieces, i: int, first: Any = None) -> Match | None:
        """Pattern `p` at piece `i`, or None; `first`: its first test's result there, if known."""
        j = i
        n = P.n
        start = -1
        end = -1
        slots: dict[str, Any] = {}
        for el in p.elements:
            if j >= n:
                return None
            if first is not None:
                r, first = first, None
            else:
                r = el.matcher.match(P, j)
            if r is None:
                return None
            k, val = r
            slot = el.slot
            if slot is not None:
                if isinstance(val, dict):
                    if slot:
                        slots[slot] = next(iter(val.values()), None)
                    else:
                        slots.update(val)
                else:
                    slots[slot] = val
            if not el.context:
                if start < 0:
                    start = j
                end = k
            j = k
        rule = p.rule
        if start > 0:
            for f in rule.not_prev:
                if f(P, start - 1):
                    return None
        if end < n:
            for f in rule.not_next:
                if f(P, end):
                    return None
        for need in rule.needs:
            if need not in slots:
                return None
        return Match(start, end, rule, slots, p.order)


def _keys(m: Matcher) -> list[tuple[str, str]]:
    words, chars = m.first_keys()
    return [("w", w) for w in words] + [("c", c) for c in chars]


def _single_piece(m: Matcher) -> bool:
    """Whether a test always consumes exactly one piece (so the next test starts at i + 1)."""
    if isinstance(m, (Literal, ShapeMatcher)):
        return True
    if isinstance(m, ClassMatcher):
        return all(len(e.tokens) == 1 for e in m.wc.entries)
    if isinstance(m, Alternatives):
        return all(_single_piece(o) for o in m.options)
    return False


@functools.lru_cache(maxsize=None)
def get_grammar(lang: str = "en") -> Grammar:
    return Grammar(load_resources(lang))


def select(matches: list[Match]) -> list[Match]:
    """Leftmost, then longest, then highest-priority non-overlapping matches."""
    matches.sort(key=lambda m: (m.start, m.start - m.end, m.order))
    chosen: list[Match] = []
    last_end = -1
    for m in matches:
        if m.start >= last_end:
            chosen.append(m)
            last_end = m.end
    return chosen


__all__ = ["Grammar", "Match", "Pieces", "get_grammar", "select"]
