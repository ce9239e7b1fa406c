"""Find the knowledge base's names in a parsed text: a token-level longest-match dictionary.

Aliases are tokenized with the same spaCy tokenizer as the text, so "Russia’s", "U.S." or
"China-Russia" split the same way on both sides. Matching is case-sensitive ("US" is not "us"),
with one allowance: an all-capitals token may match a capitalized alias of a country or city
name only if it is at least four letters long (datelines: "BEIJING :").
"""

from __future__ import annotations

from dataclasses import dataclass
import re
from typing import Any, Iterable

LEADING_ARTICLES = {"the", "The"}
DOTTED_ABBREV = re.compile(r"^(?:[A-Z]\.){2,}$")  # U.S., U.K., U.A.E.


@dataclass(frozen=True, slots=True)
class AliasMatch:
    start: int  # token index (inclusive)
    end: int  # token index (exclusive)
    key: str  # knowledge-base entity key
    kind: str  # alias kind: name, short, surname, adjective, demonym, capital, seat, abbrev


class Gazetteer:
    def __init__(self, aliases: Iterable[tuple[str, str, str]], tokenizer: Any):
        # first token -> list of (token tuple, key, kind), longest first
        index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        self._bare_possessives: dict[str, str] = {}
        # A city whose name has an article ("The Valley", Anguilla's capital) is that city only
        # with its article: bare, the word is common and part of other names ("Thames Valley").
        self._needs_article: set[tuple[tuple[str, ...], str]] = set()
        seen: set[tuple[tuple[str, ...], str]] = set()
        words_of = _word_splitter(tokenizer)
        for surface, key, kind in aliases:
            words = words_of(surface.strip())
            if len(words) > 1 and words[0] in LEADING_ARTICLES:
                words = words[1:]  # "the Kremlin" matches "Kremlin"; role phrases keep "the"
                if kind == "capital":
                    self._needs_article.add((words, key))
            if not words or (words, key) in seen:
                continue
            seen.add((words, key))
            index.setdefault(words[0], []).append((words, key, kind))
            if kind == "abbrev" and DOTTED_ABBREV.match(surface.strip()):
                # Pre-tokenised text splits "U.K." into "U . K": index that form too (without
                # its last dot, which is often the sentence's).
                spaced = tuple(" . ".join(surface.strip().rstrip(".").split(".")).split())
                if (spaced, key) not in seen:
                    seen.add((spaced, key))
                    index.setdefault(spaced[0], []).append((spaced, key, kind))
            if kind == "name" and key.startswith("country:") and len(words) == 1 and len(words[0]) >= 4:
                self._bare_possessives[words[0] + "s"] = key  # "Nepals government": a lost apostrophe
        for entries in index.values():
            entries.sort(key=lambda e: -len(e[0]))
        self._index = index
        # The same entries split by their second word, in the index's order, so that `find`
        # tries only those that can match where they start ("United" starts some 700 aliases):
        # (first, second word) -> the longer ones, first word -> the one-word ones.
        self._longer: dict[tuple[str, str], list[tuple[int, tuple[tuple[str, ...], str, str]]]] = {}
        self._single: dict[str, list[tuple[int, tuple[tuple[str, ...], str, str]]]] = {}
        for first, entries in index.items():
            for position, entry in enumerate(entries):
                if len(entry[0]) == 1:
                    self._single.setdefault(first, []).append((position, entry))
                else:
                    self._longer.setdefault((first, entry[0][1]), []).append((position, entry))

    def _candidates(self, text: str) -> list[tuple[tuple[str, ...], str, str]]:
        found = self._index.get(text)
        if found is None and len(text) >= 4 and text.isupper():
            found = [e for e in self._index.get(text.title(), ()) if e[2] in ("name", "capital")]
        return found or []

    def _possible(self, words: list[str], i: int) -> list[tuple[tuple[str, ...], str, str]]:
        """The entries of `_candidates(words[i])` that can match at `i`, in their order: the
        one-word ones and those whose second word is the next word (or, the next word being in
        capitals of four letters or more, its capitalized form: `_same`). No other entry can."""
        first = words[i]
        found = self._index.get(first)
        if found is None:
            return self._candidates(first)  # none, or capitalized names of an all-capitals word
        if len(found) < 8:
            return found
        out: list[tuple[int, tuple[tuple[str, ...], str, str]]] = []
        if i + 1 < len(words):
            after = words[i + 1]
            out = self._longer.get((first, after), [])
            if len(after) >= 4 and after.isupper() and after.title() != after:  # not "D.C."
                out = sorted(out + self._longer.get((first, after.title()), []), key=lambda e: e[0])
        return [e for _, e in out] + [e for _, e in self._single.get(first, ())]

    def find(self, doc: Any) -> list[AliasMatch]:
        """All non-overlapping longest matches, left to right; ambiguous keys all returned. `doc`:
        a Doc or its tokens (a list of them costs no new Token objects)."""
        return self.find_words([t.text for t in doc])

    def find_words(self, words: list[str]) -> list[AliasMatch]:
        """`find` on the tokens' texts (`analysis.docview.view(doc).text`: no Token made)."""
        n = len(words)
        # Words that may match a capitalized alias word as well as themselves (`_same`).
        shouting = [len(w) >= 4 and w.isupper() for w in words]
        matches: list[AliasMatch] = []
        index, bare_possessives = self._index, self._bare_possessives
        i = 0
        while i < n:
            word = words[i]
            if word not in index and not shouting[i] and word not in bare_possessives:
                i += 1  # no alias starts with this word (what `_possible` and the test below find)
                continue
            best_len = 0
            best: list[AliasMatch] = []
            for seq, key, kind in self._possible(words, i):
                k = len(seq)
                if k < best_len or i + k > n:
                    continue
                if k == 1 or tuple(words[i + 1 : i + k]) == seq[1:] or (
                        any(shouting[i + 1 : i + k]) and all(_same(words[i + j], seq[j]) for j in range(1, k))):
                    if (seq, key) in self._needs_article and (i == 0 or words[i - 1] not in LEADING_ARTICLES):
                        continue
                    if k > best_len:
                        best_len, best = k, []
                    best.append(AliasMatch(i, i + k, key, kind))
            if not best and words[i] in self._bare_possessives and i + 1 < n and words[i + 1][:1].islower() \
                    and words[i] not in self._index:
                best = [AliasMatch(i, i + 1, self._bare_possessives[words[i]], "name")]
                best_len = 1
            if best:
                matches.extend(best)
                i += best_len
            else:
                i += 1
        return matches


def _word_splitter(tokenizer: Any):
    """The tokenizer's words of an alias, without making spaCy tokens where that cannot change
    them: most aliases are words of ASCII letters separated by single spaces, and the English
    tokenizer splits at each single space and leaves such a word whole unless it is one of its
    special cases ("cannot", "Im", "gonna"). Checked on all 31,070 packaged aliases and on
    400,000 letter words of the model's vocabulary; the shortcut saves most of the 2.7 s of CPU
    that tokenizing every alias took in each process that builds the pipeline."""
    english = getattr(getattr(tokenizer, "vocab", None), "lang", None) == "en"
    special = set(getattr(tokenizer, "rules", None) or ())

    def words_of(surface: str) -> tuple[str, ...]:
        parts = surface.split(" ")
        if english and all(p.isascii() and p.isalpha() and p not in special for p in parts):
            return tuple(parts)
        return tuple(t.text for t in tokenizer(surface) if not t.is_space)

    return words_of


def _same(word: str, alias_word: str) -> bool:
    return word == alias_word or (len(word) >= 4 and word.isupper() and word.title() == alias_word)
