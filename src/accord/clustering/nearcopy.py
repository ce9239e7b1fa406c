"""Near-copies: the same story under another headline, with a dateline or an agency credit added,
paragraphs trimmed or a footer added.

Each article's text gives a MinHash signature (datasketch) over its 5-word shingles. The
signature is cut into `b` bands of `r` values (datasketch's own choice of `b` and `r` for the
configured Jaccard threshold); each band hashes to one 64-bit bucket key. The store keeps the
keys in an indexed table, so finding the articles that share a bucket with a new one is a few
index probes on PostgreSQL (DuckDB answers the query of a group's keys, `= ANY(?)`, with a scan
of the bucket column: fast, but growing with the store). Candidates are then checked on their texts, compared
by their shingles' 64-bit hashes in text order (`shingle_hashes`), which the store keeps for every
signed article (`article_shingles`, schema 6): checking a stored candidate reads one row and
compares sets of integers instead of reading and splitting its text again:

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


def sha1_hash64(data: bytes) -> int:
    """The first 8 bytes of the SHA-1 of `data`, little-endian: datasketch's `sha1_hash64`,
    whose low 32 bits are the `sha1_hash32` its MinHash hashes a value with by default."""
    return int.from_bytes(hashlib.sha1(data).digest()[:8], "little")


def _digests(tokens: Sequence[str], k: int) -> tuple[list[str], dict[str, int]]:
    """The text's k-word shingles in text order, and each distinct one's 64-bit hash
    (`sha1_hash64`: one SHA-1 per shingle serves both the MinHash and the stored hashes)."""
    order = [" ".join(tokens[i : i + k]) for i in range(len(tokens) - k + 1)]
    distinct = list(dict.fromkeys(order))
    sha1 = hashlib.sha1
    # `sha1_hash64` written out: a function call per shingle costs a fifth of the whole.
    return order, dict(zip(distinct, [int.from_bytes(sha1(sh.encode("utf-8")).digest()[:8], "little")
                                      for sh in distinct]))


def _in_order(order: list[str], digests: dict[str, int]) -> np.ndarray:
    return np.fromiter(map(digests.__getitem__, order), dtype=np.uint64, count=len(order))


def shingle_hashes(tokens: Sequence[str], k: int) -> np.ndarray:
    """The 64-bit hash of each k-word shingle of `tokens` (`sha1_hash64` of its words joined by
    spaces), in text order (uint64; empty when the text is shorter than one shingle). Two
    shingles have the same hash when they have the same words (and otherwise with a chance of
    2^-64): comparing hashes compares the shingles."""
    if len(tokens) < k:
        return np.zeros(0, dtype=np.uint64)
    return _in_order(*_digests(tokens, k))


def _minhash_of_digests(digests: Iterable[int], num_perm: int) -> np.ndarray:
    """`minhash` of shingles given their `sha1_hash64`: the same signature, without hashing
    them again (datasketch's default hash of a shingle is the low 32 bits)."""
    from datasketch import MinHash

    m = MinHash(num_perm=num_perm, seed=1, permutations=_permutations(num_perm), scheme=SCHEME,
                hashfunc=int)  # the values given are the hashes already
    m.update_batch([d & 0xFFFFFFFF for d in digests])
    return m.hashvalues


def hashes_bytes(hashes: np.ndarray) -> bytes:
    return np.asarray(hashes, dtype="<u8").tobytes()


def hashes_from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u8").astype(np.uint64, copy=False)


@dataclass(slots=True)
class Fingerprint:
    """What near-copy checks need of one text, computed once: its shingles' hashes in text order
    (`hashes`), its number of words, and for a new text its MinHash signature and LSH bucket
    keys. The set of its shingle hashes (`unique()`) is made when first compared."""

    hashes: np.ndarray  # uint64, one per shingle in text order; empty below one shingle
    n_words: int
    signature: np.ndarray | None  # None when the text is shorter than one shingle
    keys: list[int]
    _unique: frozenset[int] | None = None

    def unique(self) -> frozenset[int]:
        """The distinct shingle hashes (a Python set: for the few hundred shingles of an
        article, intersecting two costs less than with arrays)."""
        if self._unique is None:
            self._unique = frozenset(self.hashes.tolist())
        return self._unique

    @classmethod
    def from_hashes(cls, hashes: np.ndarray, settings: ClusteringSettings) -> "Fingerprint":
        """What `compare` reads of a stored text, from its stored shingle hashes (no signature
        and bucket keys: only a new text needs those)."""
        n = len(hashes) + settings.shingle_words - 1 if len(hashes) else 0
        return cls(hashes, n, None, [])

    @classmethod
    def words_only(cls, text: str, settings: ClusteringSettings) -> "Fingerprint":
        """What `compare` reads of a stored text, from the text (a stored article without
        stored shingle hashes), without the MinHash signature and bucket keys."""
        tokens = words(text)
        return cls(shingle_hashes(tokens, settings.shingle_words), len(tokens), None, [])

    @classmethod
    def of(cls, text: str, settings: ClusteringSettings) -> "Fingerprint":
        tokens = words(text)
        k = settings.shingle_words
        if len(tokens) < k:
            return cls(np.zeros(0, dtype=np.uint64), len(tokens), None, [])
        order, digests = _digests(tokens, k)
        # The signature is `minhash` of the shingles, as stored since schema 3.
        sig = _minhash_of_digests(digests.values(), settings.num_perm)
        b, r = band_layout(settings.nearcopy_threshold, settings.num_perm)
        return cls(_in_order(order, digests), len(tokens), sig, band_keys(sig, b, r))


def uncovered_words(hashes: np.ndarray, n_words: int, other: frozenset[int], k: int) -> int:
    """How many of a text's `n_words` words no k-word shingle found in `other` (the shingle
    hashes of another text) covers: what this text adds. `hashes`: the text's shingle hashes
    in text order."""
    if not len(hashes):
        return n_words
    found = np.fromiter((h in other for h in hashes.tolist()), dtype=np.int32, count=len(hashes))
    # Word j is covered by the shingles j-k+1 .. j: a full convolution gives, for each of the
    # n_words words, how many found shingles cover it.
    cover = np.convolve(found, np.ones(k, dtype=np.int32))
    return int(np.count_nonzero(cover == 0))


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
    if not len(new.hashes) or not len(old.hashes):
        return Comparison(0.0, new.n_words, old.n_words, "distinct")
    a, b = new.unique(), old.unique()
    overlap = len(a & b) / min(len(a), len(b))
    if overlap < settings.nearcopy_overlap:
        return Comparison(overlap, new.n_words, old.n_words, "distinct")
    k = settings.shingle_words
    added = uncovered_words(new.hashes, new.n_words, b, k)
    lacking = uncovered_words(old.hashes, old.n_words, a, k)
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
    its fingerprint (its shingle hashes: 8 bytes a word, about the text's size), so a
    candidate is compared without fingerprinting its text again.
    """

    def __init__(self, settings: ClusteringSettings, size: int = 2000) -> None:
        self.settings = settings
        self.size = size
        self._items: OrderedDict[str, Fingerprint] = OrderedDict()
        self._buckets: dict[int, set[str]] = {}

    def add(self, article_id: str, fp: Fingerprint) -> None:
        if article_id in self._items:
            self._remove(article_id)
        # Only what `compare` reads (the set of shingle hashes is made again when compared).
        self._items[article_id] = Fingerprint(fp.hashes, fp.n_words, None, fp.keys)
        for key in fp.keys:
            self._buckets.setdefault(key, set()).add(article_id)
        while len(self._items) > self.size:
            self._remove(next(iter(self._items)))

    def _remove(self, article_id: str) -> None:
        fp = self._items.pop(article_id)
        for key in fp.keys:
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
                    found[aid] = self._items[aid]
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
                    recent.add(article.id, fp)
                position[id(article)] = at
                yield article

    for result in code(to_code()):
        at = position.pop(id(result.article), None)
        while held and (at is None or held[0][0] < at):
            yield held.pop(0)[1]
        yield result
    while held:
        yield held.pop(0)[1]
