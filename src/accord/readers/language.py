"""The language of an article, detected offline (py3langid: langid.py's model, shipped in the wheel).

Only English is coded today; an article in another language is stored with its language and
no records. A wrong "not English" would silently drop an English story, so the rule leans to
English where the evidence is thin:

- the detector says English: `en`;
- it says another language with probability >= 0.9, or most letters are of a non-Latin script
  (Chinese, Arabic, Cyrillic ...): that language;
- otherwise (a few words, a list of names): None, unknown, and the article is coded.
"""

from __future__ import annotations

import threading
import unicodedata

# Accept another language only when the detector is this sure of it (on news paragraphs it is
# above 0.99; a five-word English sentence can come out as 0.1 Serbian).
CONFIDENT = 0.9
# Detection reads the start of long texts: the language shows in the first few thousand letters.
SAMPLE_CHARS = 20_000
CODED_LANGUAGES = frozenset({"en"})

_lock = threading.Lock()
_identifier = None


# The longest byte string py3langid's tokenizer tells apart (the depth of its automaton: 6 for
# the model of py3langid 0.4.0; a test checks it).
WINDOW = 6


def _identifier_class():
    from py3langid.langid import LanguageIdentifier

    class Identifier(LanguageIdentifier):
        """py3langid's identifier with its feature counts made by numpy over all the bytes at
        once instead of a Python loop over them (half the cost of a news article's detection),
        the same counts in the same order, so the same scores to the bit and the same decisions.

        The tokenizer is an Aho-Corasick automaton over the model's byte n-grams (langid.py's
        `Scanner`): its state after a byte is the longest suffix of the text so far that
        begins a feature, which the last WINDOW bytes decide. So each byte's state is the
        automaton's run, from its start, over the WINDOW bytes that end there: WINDOW steps, each
        a gather over every position."""

        __slots__ = ("_np_next", "_np_rowbase", "_np_output")

        def __init__(self, *args, **kwargs) -> None:
            import numpy as np

            super().__init__(*args, **kwargs)
            nm = self.tk_nextmove
            self._np_next = np.frombuffer(nm, dtype=np.dtype(nm.typecode))  # a view: no copy
            self._np_rowbase = np.asarray(self.tk_row, dtype=np.int64) << 8
            self._np_output = np.asarray(self.tk_output, dtype=np.int64)

        def _raw_score(self, text):
            import numpy as np

            data = np.frombuffer(text, dtype=np.uint8).astype(np.int64)
            n = len(data)
            states = np.zeros(n, dtype=np.int64)
            for back in range(min(WINDOW, n) - 1, -1, -1):  # the byte `back` before each position
                states[back:] = self._np_next[self._np_rowbase[states[back:]] + data[: n - back]]
            features = self._np_output[states]
            features = features[features >= 0]
            if not len(features):
                return super()._raw_score(text)  # no feature: py3langid's own answer
            # py3langid's Counter: each feature once, in the order of its first occurrence.
            found, first, counts = np.unique(features, return_index=True, return_counts=True)
            order = np.argsort(first, kind="stable")
            idx = found[order].astype(np.intp)
            return np.log1p(counts[order].astype(np.float32)) @ self.nb_ptc[idx] + self.nb_pc

    return Identifier


def _detector():
    global _identifier
    with _lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE

            _identifier = _identifier_class().from_model_file(MODEL_FILE, norm_probs=True)
    return _identifier


def _non_latin_share(text: str) -> float:
    letters = latin = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if ord(ch) < 0x250 or unicodedata.name(ch, "").startswith("LATIN"):
                latin += 1
    return (letters - latin) / letters if letters else 0.0


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it cannot be told (see module notes)."""
    sample = text[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None
    language, probability = _detector().classify(sample)
    if language == "en":
        return "en"
    if probability >= CONFIDENT or _non_latin_share(sample) > 0.5:
        return language
    return None


def is_coded(language: str | None) -> bool:
    """Whether the pipeline codes an article in this language (unknown counts as English)."""
    return language is None or language in CODED_LANGUAGES
