"""Load the TIME stage's language resources (word lists, shapes, rules) from `resources/time/<lang>/`.

The resources are data, kept apart from the code that uses them (as HeidelTime keeps its
repattern/normalization/rules files apart from its engine):

* `*.tsv`       word lists: `phrase<TAB>value<TAB>flags`, phrases pre-tokenised with spaces;
* `classes.yaml` which word list makes which `@class` of the patterns, plus a few settings;
* `shapes.yaml`  the `#shape` token tests (regular expressions over one token);
* `modifiers.tsv` the pre-modifiers ("early", "the end of", "almost") and their TimeML mod;
* `rules.yaml`   the patterns and the normaliser each one calls.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

RESOURCE_ROOT = Path(__file__).resolve().parent.parent / "resources" / "time"

# Read curly apostrophes and dashes like their ASCII forms when matching words.
NORMALIZE = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u2013": "-", "\u2011": "-"})

END = ""  # trie key marking the end of a phrase (no token is empty)


@dataclass(frozen=True, slots=True)
class Entry:
    tokens: tuple[str, ...]
    value: str
    flags: frozenset[str]


@dataclass(slots=True)
class WordClass:
    """A `@class`: entries of one word list, as a token trie for longest-match lookup."""

    name: str
    slot: str
    entries: list[Entry]
    trie: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        for entry in self.entries:
            node = self.trie
            for tok in entry.tokens:
                node = node.setdefault(tok, {})
            node[END] = entry

    @property
    def first_tokens(self) -> set[str]:
        return {e.tokens[0] for e in self.entries}

    @property
    def single_tokens(self) -> set[str]:
        return {e.tokens[0] for e in self.entries if len(e.tokens) == 1}


@dataclass(frozen=True, slots=True)
class Shape:
    name: str
    regex: re.Pattern
    first: str  # characters a matching token can start with


@dataclass(slots=True)
class Resources:
    lang: str
    classes: dict[str, WordClass]
    shapes: dict[str, Shape]
    settings: dict[str, Any]
    macros: dict[str, list[str]]
    rules: list[dict[str, Any]]
    modifiers: dict[tuple[str, ...], tuple[str | None, str]]
    numbers: dict[str, tuple[float, frozenset[str]]]
    lexicons: dict[str, list[Entry]]


def read_tsv(path: Path) -> list[Entry]:
    """Entries of a `phrase<TAB>value<TAB>flags` list; `#` starts a comment line."""
    entries = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2:
            raise ValueError(f"{path.name}:{lineno}: expected phrase<TAB>value[<TAB>flags]")
        phrase = cols[0].strip().lower().translate(NORMALIZE)
        flags = frozenset(f.strip() for f in cols[2].split(",") if f.strip()) if len(cols) > 2 else frozenset()
        entries.append(Entry(tuple(phrase.split()), cols[1].strip(), flags))
    return entries


@functools.lru_cache(maxsize=None)
def load_resources(lang: str = "en") -> Resources:
    root = RESOURCE_ROOT / lang
    if not root.is_dir():
        raise FileNotFoundError(f"no TIME resources for language {lang!r} under {RESOURCE_ROOT}")
    lexicons: dict[str, list[Entry]] = {}

    def lexicon(name: str) -> list[Entry]:
        if name not in lexicons:
            lexicons[name] = read_tsv(root / name)
        return lexicons[name]

    spec = yaml.safe_load((root / "classes.yaml").read_text(encoding="utf-8"))
    classes: dict[str, WordClass] = {}
    for name, c in spec["classes"].items():
        with_ = set(c.get("with", ()))
        without = set(c.get("without", ()))
        add = frozenset(c.get("add_flags", ()))
        entries = [
            Entry(e.tokens, e.value, e.flags | add) if add else e
            for e in lexicon(c["file"])
            if with_ <= e.flags and not (without & e.flags)
        ]
        classes[name] = WordClass(name, c.get("slot", name), entries)

    shapes_spec = yaml.safe_load((root / "shapes.yaml").read_text(encoding="utf-8"))["shapes"]
    shapes = {
        name: Shape(name, re.compile(s["re"]), s.get("first", "")) for name, s in shapes_spec.items()
    }

    settings = spec.get("settings", {})
    for key, val in settings.items():
        if isinstance(val, list) and any(isinstance(v, bool) for v in val):
            raise ValueError(f"classes.yaml: settings.{key} holds a boolean; quote yes/no/on/off")
    rules_spec = yaml.safe_load((root / "rules.yaml").read_text(encoding="utf-8"))
    modifiers: dict[tuple[str, ...], tuple[str | None, str]] = {}
    for e in lexicon("modifiers.tsv"):
        applies = next(iter(e.flags)) if e.flags else "P"
        modifiers[e.tokens] = (None if e.value == "-" else e.value, applies)
    numbers = {e.tokens[0]: (float(e.value), e.flags) for e in lexicon("numbers.tsv") if len(e.tokens) == 1}

    return Resources(
        lang=lang,
        classes=classes,
        shapes=shapes,
        settings=settings,
        macros=rules_spec.get("macros", {}),
        rules=rules_spec["rules"],
        modifiers=modifiers,
        numbers=numbers,
        lexicons=lexicons,
    )
