"""The credit-line test's shortcut (events/exclusions.py: `_required_words`): a sentence holding
none of the words every match of the credit patterns holds is not scanned; the answer must be the
regular expression's, whatever the text."""

from __future__ import annotations

import random
import re

from accord.events.exclusions import _FOLDS_TO_ASCII, Exclusions, _either, _required_words, load_exclusions


def _exclusions() -> Exclusions:
    return load_exclusions()


def test_the_characters_that_fold_to_ascii_are_all_listed():
    # Every character outside ASCII that a case-insensitive ASCII letter matches, over all of Unicode.
    everything = "".join(chr(c) for c in range(128, 0x110000) if not 0xD800 <= c < 0xE000)
    found = set(re.compile("[a-z]", re.IGNORECASE).findall(everything))
    assert found == set(_FOLDS_TO_ASCII.pattern[1:-1])
    # and a character whose lower-cased form holds an ASCII letter is one of them
    assert {c for c in everything if any("a" <= x <= "z" for x in c.lower())} <= found


def test_the_words_are_read_off_the_patterns():
    words = _required_words(tuple(re.compile(p, re.IGNORECASE) for p in (
        r"\bcontributed (?:additional )?reporting\b", r"\b(?:editing|writing) by\b",
        r"\((?:[A-Z][A-Za-z]*\s)?(?:pic|photo)\)", r"\bcredit\s*:")))
    assert words == ("contributed ", "credit", "editing by", "photo)", "pic)", "writing by")
    # a pattern that may match without any literal run: no shortcut
    assert _required_words((re.compile(r"\bby\b", re.I), re.compile(r"[A-Z]{3}\d", re.I))) is None
    assert _required_words((re.compile(r"(?:a|)b?", re.I),)) is None
    # a repeated group must occur once: its words count
    assert _required_words((re.compile(r"(?:image|photo)+:", re.I),)) == ("image", "photo")


def test_the_shortcut_gives_the_regular_expressions_answer():
    ex = _exclusions()
    either = _either(ex.credit_lines)
    assert _required_words(ex.credit_lines) is not None
    pieces = ["Maria Ivanova contributed reporting from Moscow.", "Editing by Bob", "Reporting By Jane Doe",
              "Image: Jane", "IMAGE :x", "(File Photo)", "(Reuters PIC)", "(AP Photo)", "(Kimage)",
              "\u017fource image: x", "contr\u0131buted reporting", "\u212aEditing by", "ed\u0130ting by",
              "Photograph:", "CONTRIBUTED TO THIS STORY", "xreporting by", "Writing by", "The talks ended.",
              "picked a topic", "stood by", "compiled by the agency", "produced by", "(pic)", "credit:"]
    random.seed(12)
    texts = list(pieces)
    for _ in range(3000):
        text = " ".join(random.choice(pieces) for _ in range(random.randint(1, 3)))
        i = random.randrange(len(text))
        texts += [text, text[i:i + random.randint(1, 40)], text.swapcase()]
    credits = 0
    for text in texts:
        expected = either.search(text) is not None
        assert ex.is_credit_line(text) is expected, text
        credits += expected
    assert 0 < credits < len(texts)
