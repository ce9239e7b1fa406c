"""Near-copies: the same story under another headline, with a dateline or an agency credit added,
paragraphs trimmed or a footer added.

Each article's text gives a MinHash signature over its 5-word shingles (datasketch's, with its
"affine32" scheme, computed here with numpy over all shingles at once: the same bytes, and no
import of datasketch and scipy, about 0.4 s of CPU, in a command that signs texts). The
signature is cut into `b` bands of `r` values (datasketch's own choice of `b` and `r` for the
configured Jaccard threshold, `band_layout`); each band hashes to one 64-bit bucket key. The store keeps the
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

_WORD = re.compile(r"\w+", re.UNICODE)

Relation = Literal["copy", "extends", "distinct"]


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text or "")]


def shingles(tokens: Sequence[str], k: int) -> set[str]:
    if len(tokens) < k:
        return set()
    return {" ".join(tokens[i : i + k]) for i in range(len(tokens) - k + 1)}


# datasketch's hashing scheme; stored signatures are only comparable within one scheme.
SCHEME = "affine32"

# MurmurHash3's 32-bit finalizer (fmix32): shifts and multipliers, as datasketch 2.0's `_fmix`
# applies it to a value before the affine permutations of the "affine32" scheme.
_FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)


@lru_cache(maxsize=4)
def _permutations(num_perm: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's "affine32" permutations (`MinHash._init_permutations`): h -> a*h + b mod
    2^32 with an odd `a`, drawn from numpy's RandomState(seed) as datasketch draws them (a test
    checks they are the same)."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def minhash(shingle_set: Iterable[str], num_perm: int) -> np.ndarray:
    """datasketch's MinHash of the shingles (its default SHA-1 hash, "affine32" scheme): the
    reference `Fingerprint.of` is tested against; ingest never imports datasketch."""
    from datasketch import MinHash

    m = MinHash(num_perm=num_perm, seed=1, permutations=np.array(_permutations(num_perm)),
                scheme=SCHEME)
    m.update_batch([s.encode("utf-8") for s in shingle_set])
    return m.hashvalues


def _minhash_of_hashes(hashes: np.ndarray, num_perm: int) -> np.ndarray:
    """`minhash` of shingles given their `sha1_hash64` (uint64, any order, repeats allowed):
    the same signature (uint32), all shingles at once. datasketch hashes a shingle to the low
    32 bits of that (`sha1_hash32`), mixes it (fmix32), permutes it num_perm ways and keeps
    each permutation's minimum; numpy's uint32 arithmetic wraps as datasketch's does."""
    a, b = _permutations(num_perm)
    if not len(hashes):
        return np.full(num_perm, 0xFFFFFFFF, dtype=np.uint32)
    s1, m1, s2, m2, s3 = _FMIX32
    hv = hashes.astype(np.uint32)  # the low 32 bits
    hv ^= hv >> np.uint32(s1)
    hv *= np.uint32(m1)
    hv ^= hv >> np.uint32(s2)
    hv *= np.uint32(m2)
    hv ^= hv >> np.uint32(s3)
    return (hv[:, None] * a + b).min(axis=0)


@lru_cache(maxsize=8)
def band_layout(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) minimising false positives + false negatives around `threshold`
    (equal weights): datasketch's `lsh._optimal_param`, without the second of CPU its import of
    scipy costs. The integrands are polynomials of degree at most num_perm, which Gauss-Legendre
    quadrature with num_perm // 2 + 2 nodes integrates exactly, where datasketch calls
    scipy's `quad` (a test checks both give the same layouts)."""
    x, w = np.polynomial.legendre.leggauss(num_perm // 2 + 2)

    def integral(f, lo: float, hi: float) -> float:
        return (hi - lo) / 2 * float(np.dot(w, f((hi - lo) / 2 * x + (hi + lo) / 2)))

    best, layout = float("inf"), (0, 0)
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            fp = integral(lambda s: 1 - (1 - s ** float(r)) ** float(b), 0.0, threshold)
            fn = integral(lambda s: 1 - (1 - (1 - s ** float(r)) ** float(b)), threshold, 1.0)
            error = fp * 0.5 + fn * 0.5
            if error < best:
                best, layout = error, (b, r)
    return layout


@lru_cache(maxsize=64)
def _band_hashers(bands: int) -> tuple:
    return tuple(hashlib.blake2b(digest_size=8, person=b"accord-lsh%03d" % b) for b in range(bands))


def band_keys(hashvalues: np.ndarray, bands: int, rows: int) -> list[int]:
    """One signed 64-bit bucket key per band (a BIGINT column): the BLAKE2b (8 bytes, personal
    "accord-lshNNN") of the band's values as little-endian uint64."""
    raw = np.asarray(hashvalues, dtype=np.uint64).tobytes()
    width = 8 * rows
    keys = []
    for b, hasher in enumerate(_band_hashers(bands)):
        h = hasher.copy()
        h.update(raw[b * width : (b + 1) * width])
        keys.append(int.from_bytes(h.digest(), "big", signed=True))
    return keys


def signature_bytes(hashvalues: np.ndarray) -> bytes:
    return np.asarray(hashvalues, dtype=np.uint64).tobytes()


def signature_from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.uint64)


def sha1_hash64(data: bytes) -> int:
    """The first 8 bytes of the SHA-1 of `data`, little-endian: datasketch's `sha1_hash64`,
    whose low 32 bits are the `sha1_hash32` its MinHash hashes a value with by default."""
    return int.from_bytes(hashlib.sha1(data).digest()[:8], "little")


def shingle_hashes(tokens: Sequence[str], k: int) -> np.ndarray:
    """The 64-bit hash of each k-word shingle of `tokens` (`sha1_hash64` of its words joined by
    spaces), in text order (uint64; empty when the text is shorter than one shingle). Two
    shingles have the same hash when they have the same words (and otherwise with a chance of
    2^-64): comparing hashes compares the shingles. One SHA-1 per shingle serves both the
    MinHash and the stored hashes."""
    if len(tokens) < k:
        return np.zeros(0, dtype=np.uint64)
    sha1 = hashlib.sha1
    # `sha1_hash64` written out, its 8 bytes joined and read as one little-endian array: a
    # function call or an int per shingle costs a fifth of the whole.
    raw = b"".join([sha1(sh.encode("utf-8")).digest()[:8]
                    for sh in map(" ".join, zip(*[tokens[j:] for j in range(k)]))])
    return np.frombuffer(raw, dtype="<u8").astype(np.uint64, copy=False)


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
        hashes = shingle_hashes(tokens, k)
        # The signature is `minhash` of the shingles, as stored since schema 3.
        sig = _minhash_of_hashes(hashes, settings.num_perm)
        b, r = band_layout(settings.nearcopy_threshold, settings.num_perm)
        return cls(hashes, len(tokens), sig, band_keys(sig, b, r))


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
    unchanged: Callable[[list], list[bool]] | None = None,
) -> Iterator:
    """Send articles to `code` (the pipeline) unless they are near-copies or stored unchanged;
    yield, in input order, the coded documents (or failures) from `code` and, for the others,
    an uncoded `Document` whose article has `duplicate_of` set: for a copy, the stored original
    it copies; for an article stored unchanged, its own id.

    `unchanged(articles)`, if given, tells for each article whether the store holds it already
    under its id with the same content hash (what the store calls a duplicate and writes nothing for: a re-run of
    the same command); they are not coded again. An id seen earlier in this run (within the
    last `window` articles) is coded as before: its earlier version may not be written yet.
    Uncoded documents wait here for the coded ones before them; at most `window` of them (the
    texts `RecentArticles` keeps too): beyond that an unchanged article is coded after all, so
    that results come back and the waiting ones leave (the store still calls it a duplicate).
    `check(articles, fingerprints)` looks the articles up in the store and returns, for each, the
    id of the stored original it copies, or None; both are asked about `lookahead` articles at a
    time (one store lookup for a few articles; the pipeline reads that far ahead for its parse
    batches anyway). Articles sent to be coded are also remembered here, so a copy of an
    article still in the pipeline is caught as well. The store checks again when it writes (an
    original may have arrived meanwhile, a stored article changed), so this step only saves
    the parse.
    """
    from ..model import Document

    if not settings.enabled and unchanged is None:
        yield from code(articles)  # `clustering = false`: no near-copy links, every article coded
        return
    recent = RecentArticles(settings, window)
    seen: OrderedDict[str, None] = OrderedDict()  # the ids of the last `window` articles
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
            same = unchanged(chunk) if unchanged is not None else [False] * len(chunk)
            skip = set()  # id() of the articles stored unchanged
            for article, stored in zip(chunk, same):
                if stored and article.id not in seen and len(held) + len(skip) < window:
                    skip.add(id(article))
                seen[article.id] = None
                seen.move_to_end(article.id)
                while len(seen) > window:
                    seen.popitem(last=False)
            kept = [a for a in chunk if id(a) not in skip]
            if settings.enabled:
                fps = {id(a): Fingerprint.of(a.text, settings) for a in kept}
                signed = [a for a in kept if fps[id(a)].signature is not None]
                stored = iter(check(signed, [fps[id(a)] for a in signed]) if signed else [])
            for article in chunk:
                at = next(counter)
                if id(article) in skip:
                    article.duplicate_of = article.id  # stored as it is: nothing to code
                    held.append((at, Document(article)))
                    continue
                if not settings.enabled:
                    position[id(article)] = at
                    yield article
                    continue
                fp = fps[id(article)]
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
