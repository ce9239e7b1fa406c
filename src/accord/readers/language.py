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


def _detector():
    global _identifier
    with _lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
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
