"""Near-copies: the same story under another headline, with a dateline or an agency credit added,
paragraphs trimmed or a footer added.

Each article's text gives a MinHash signature (datasketch) over its 5-word shingles. The
signature is cut into `b` bands of `r` values (datasketch's own choice of `b` and `r` for the
configured Jaccard threshold); each band hashes to one 64-bit bucket key. The store keeps the
keys in an indexed table, so finding the articles that share a bucket with a new one is a few
index probes whatever the store's size. Candidates are then checked on their texts:

- `overlap`: the share of the shorter text's shingles that the other text has too. Below
  `nearcopy_overlap` the two are different articles (they may share a quote, not a text).
- `new words`: the words of one text that no shingle of the other covers (a footer, a credit
  line, a new paragraph). A version that adds fewer than `nearcopy_new_words` words to the
  other is a copy of it; one that adds more carries news of its own and is coded.

So a syndicated copy is linked to the stored version and never parsed; an updated version (a new
paragraph) is coded and the version it extends becomes its copy, whatever order the two arrive in.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Iterator, Literal, Sequence

import numpy as np

from .settings import ClusteringSettings

# datasketch (and the scipy it imports, about a second of CPU) is imported when a text is first
# signed: the commands that only query the store never need it.

_WORD = re.compile(r"\w+", re.UNICODE)

Relation = Literal["copy", "extends", "distinct"]


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text or "")]


def shingles(tokens: Sequence[str], k: int) -> set[str]:
    if len(tokens) < k:
        return set()
    return {" ".join(tokens[i : i + k]) for i in range(len(tokens) - k + 1)}


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    # Building the permutations costs more than hashing a short article; build them once.
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=1, scheme=SCHEME).permutations


# datasketch's hashing scheme; stored signatures are only comparable within one scheme.
SCHEME = "affine32"


def minhash(shingle_set: Iterable[str], num_perm: int) -> np.ndarray:
    from datasketch import MinHash

    m = MinHash(num_perm=num_perm, seed=1, permutations=_permutations(num_perm), scheme=SCHEME)
    m.update_batch([s.encode("utf-8") for s in shingle_set])
    return m.hashvalues


@lru_cache(maxsize=8)
def band_layout(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) minimising false positives + false negatives around `threshold`
    (datasketch's own optimiser, equal weights)."""
    from datasketch.lsh import _optimal_param

    return _optimal_param(threshold, num_perm, 0.5, 0.5)


def band_keys(hashvalues: np.ndarray, bands: int, rows: int) -> list[int]:
    """One signed 64-bit bucket key per band (a BIGINT column)."""
    keys = []
    for b in range(bands):
        chunk = np.asarray(hashvalues[b * rows : (b + 1) * rows], dtype=np.uint64).tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, person=b"accord-lsh%03d" % b).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


def signature_bytes(hashvalues: np.ndarray) -> bytes:
    return np.asarray(hashvalues, dtype=np.uint64).tobytes()


def signature_from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.uint64)


@dataclass(slots=True)
class Fingerprint:
    """What near-copy checks need of one text, computed once."""

    tokens: list[str]
    shingles: set[str]
    signature: np.ndarray | None  # None when the text is shorter than one shingle
    keys: list[int]

    @classmethod
    def words_only(cls, text: str, settings: ClusteringSettings) -> "Fingerprint":
        """What `compare` reads of a stored text (its words and shingles), without the MinHash
        signature and bucket keys, which cost more than the rest and only a new text needs."""
        tokens = words(text)
        return cls(tokens, shingles(tokens, settings.shingle_words), None, [])

    @classmethod
    def of(cls, text: str, settings: ClusteringSettings) -> "Fingerprint":
        tokens = words(text)
        sh = shingles(tokens, settings.shingle_words)
        if not sh:
            return cls(tokens, sh, None, [])
        sig = minhash(sh, settings.num_perm)
        b, r = band_layout(settings.nearcopy_threshold, settings.num_perm)
        return cls(tokens, sh, sig, band_keys(sig, b, r))


def uncovered_words(tokens: Sequence[str], other: set[str], k: int) -> int:
    """How many of `tokens` no k-word shingle found in `other` covers: what this text adds."""
    if len(tokens) < k:
        return len(tokens)
    covered = [False] * len(tokens)
    for i in range(len(tokens) - k + 1):
        if " ".join(tokens[i : i + k]) in other:
            for j in range(i, i + k):
                covered[j] = True
    return covered.count(False)


@dataclass(frozen=True, slots=True)
class Comparison:
    overlap: float  # share of the smaller shingle set found in the other
    new_words: int  # words the new text adds to the stored one
    old_words: int  # words the stored text has that the new one lacks
    relation: Relation


def compare(new: Fingerprint, old: Fingerprint, settings: ClusteringSettings) -> Comparison:
    """How a new text relates to a stored one: `copy` (adds fewer than `nearcopy_new_words`
    words), `extends` (the stored text is a copy of the new one: the new one adds news),
    or `distinct` (not the same text, or each adds news of its own)."""
    if not new.shingles or not old.shingles:
        return Comparison(0.0, len(new.tokens), len(old.tokens), "distinct")
    common = len(new.shingles & old.shingles)
    overlap = common / min(len(new.shingles), len(old.shingles))
    if overlap < settings.nearcopy_overlap:
        return Comparison(overlap, len(new.tokens), len(old.tokens), "distinct")
    k = settings.shingle_words
    added = uncovered_words(new.tokens, old.shingles, k)
    lacking = uncovered_words(old.tokens, new.shingles, k)
    if added < settings.nearcopy_new_words:
        relation: Relation = "copy"
    elif lacking < settings.nearcopy_new_words:
        relation = "extends"
    else:
        relation = "distinct"
    return Comparison(overlap, added, lacking, relation)


class RecentArticles:
    """An in-memory LSH over the last `size` articles sent to be coded but maybe not stored yet.

    The store's index only knows committed articles; a stream reads ahead of its writes (a
    parse batch, an ingest group), so a copy arriving right behind its original is checked
    here too. Bounded, so memory stays flat however long the stream. Each article is kept as
    its bucket keys and its text, not its fingerprint: a fingerprint's words and shingles take
    tens of times the text's memory (about 60 KB an article), and only the few articles that
    share a bucket with a new one need theirs, rebuilt on demand.
    """

    def __init__(self, settings: ClusteringSettings, size: int = 2000) -> None:
        self.settings = settings
        self.size = size
        self._items: OrderedDict[str, tuple[list[int], str]] = OrderedDict()
        self._buckets: dict[int, set[str]] = {}

    def add(self, article_id: str, fp: Fingerprint, text: str) -> None:
        if article_id in self._items:
            self._remove(article_id)
        self._items[article_id] = (fp.keys, text)
        for key in fp.keys:
            self._buckets.setdefault(key, set()).add(article_id)
        while len(self._items) > self.size:
            self._remove(next(iter(self._items)))

    def _remove(self, article_id: str) -> None:
        keys, _ = self._items.pop(article_id)
        for key in keys:
            ids = self._buckets.get(key)
            if ids is not None:
                ids.discard(article_id)
                if not ids:
                    del self._buckets[key]

    def candidates(self, fp: Fingerprint) -> dict[str, Fingerprint]:
        found: dict[str, Fingerprint] = {}
        for key in fp.keys:
            for aid in self._buckets.get(key, ()):
                if aid not in found:
                    found[aid] = Fingerprint.of(self._items[aid][1], self.settings)
        return found


@dataclass(frozen=True, slots=True)
class CopyDecision:
    """A new article is a near-copy of `original` (a coded article) and need not be coded."""

    original: str
    overlap: float


def best_copy_of(
    fp: Fingerprint,
    candidates: dict[str, Fingerprint],
    settings: ClusteringSettings,
) -> CopyDecision | None:
    """The candidate the new text is a copy of (highest overlap, then smallest id), if any."""
    best: tuple[float, str] | None = None
    for aid in sorted(candidates):
        c = compare(fp, candidates[aid], settings)
        if c.relation == "copy" and (best is None or c.overlap > best[0]):
            best = (c.overlap, aid)
    return CopyDecision(best[1], best[0]) if best else None


def route(
    articles: Iterable,
    check: Callable[[list, list[Fingerprint]], list[str | None]],
    settings: ClusteringSettings,
    code: Callable[[Iterable], Iterator],
    window: int = 2000,
    lookahead: int = 16,
) -> Iterator:
    """Send articles to `code` (the pipeline) unless they are near-copies; yield, in input order,
    the coded documents (or failures) from `code` and, for copies, an uncoded `Document` whose
    article has `duplicate_of` set.

    `check(articles, fingerprints)` looks the articles up in the store and returns, for each, the
    id of the stored original it copies, or None; it is asked about `lookahead` articles at a
    time (one store lookup for a few articles; the pipeline reads that far ahead for its parse
    batches anyway). Articles sent to be coded are also remembered here, so a copy of an
    article still in the pipeline is caught as well. The store checks again when it writes (an
    original may have arrived meanwhile), so this step only saves the parse.
    """
    from ..model import Document

    if not settings.enabled:
        yield from code(articles)  # `clustering = false`: no near-copy links, every article coded
        return
    recent = RecentArticles(settings, window)
    held: list[tuple[int, object]] = []  # (input position, copy document), in input order
    position: dict[int, int] = {}  # id(article) -> input position, for articles being coded
    counter = iter(range(1 << 62))

    def chunks() -> Iterator[list]:
        chunk: list = []
        try:
            for article in articles:
                chunk.append(article)
                if len(chunk) >= max(1, lookahead):
                    yield chunk
                    chunk = []
        except Exception:
            if chunk:
                yield chunk  # what was read before the reader failed is still coded
            raise
        if chunk:
            yield chunk

    def to_code() -> Iterator:
        for chunk in chunks():
            fps = [Fingerprint.of(article.text, settings) for article in chunk]
            signed = [(a, fp) for a, fp in zip(chunk, fps) if fp.signature is not None]
            stored = iter(check([a for a, _ in signed], [fp for _, fp in signed]) if signed else [])
            for article, fp in zip(chunk, fps):
                at = next(counter)
                original = next(stored) if fp.signature is not None else None
                if original is None and fp.signature is not None:
                    decision = best_copy_of(fp, recent.candidates(fp), settings)
                    original = decision.original if decision else None
                if original is not None and original != article.id:
                    article.duplicate_of = original
                    held.append((at, Document(article)))
                    continue
                if fp.signature is not None:
                    recent.add(article.id, fp, article.text)
                position[id(article)] = at
                yield article

    for result in code(to_code()):
        at = position.pop(id(result.article), None)
        while held and (at is None or held[0][0] < at):
            yield held.pop(0)[1]
        yield result
    while held:
        yield held.pop(0)[1]
