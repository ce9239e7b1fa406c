"""The gazetteer's alias words are the tokenizer's words (accord.actors.gazetteer)."""

from __future__ import annotations

import pytest

from accord.actors.gazetteer import Gazetteer, _word_splitter

TRICKY = [
    "Vladimir Putin", "Kremlin", "UNITED NATIONS", "cannot", "Cannot", "Im", "gonna", "Dont",
    "Shes Gone", "the Kremlin", "U.S.", "U.K.", "Côte d'Ivoire", "Guinea-Bissau", "Russia's",
    "Xi  Jinping", "St. Kitts", "Al Jazeera", "AT&T", "G7", "Hamas", "New York", "Ivory Coast",
    "Macron", "Türkiye", "Kyiv", "O'Brien", "Tsai Ing-wen", "",
]


@pytest.fixture(scope="module")
def tokenizer():
    import spacy

    return spacy.blank("en").tokenizer  # what accord.actors.context gives the gazetteer


def test_words_of_an_alias_are_the_tokenizers_words(tokenizer):
    words_of = _word_splitter(tokenizer)
    for surface in TRICKY:
        assert words_of(surface) == tuple(t.text for t in tokenizer(surface) if not t.is_space), surface


def test_the_index_is_the_one_full_tokenization_gives(tokenizer):
    class Plain:  # the same tokenizer, without the shortcut (no vocab: no language to trust)
        def __call__(self, text):
            return tokenizer(text)

    aliases = [(s, f"x:{n}", "abbrev" if "." in s else "name") for n, s in enumerate(TRICKY)]
    fast, full = Gazetteer(aliases, tokenizer), Gazetteer(aliases, Plain())
    assert fast._index == full._index and fast._bare_possessives == full._bare_possessives
    assert fast._needs_article == full._needs_article
