"""Quotation marks in running text: which characters are inside a quotation.

Shared by the quotes stage (what was said) and the actors stage (pronouns inside a quotation
speak from the speaker's point of view and are not resolved like narrative pronouns).

Double marks: “…”, "…", the sloppy mixes "…” and “…", and the doubled single marks some papers
close with (the Boston Globe's “…’’, ASCII "…''). Single marks ‘…’ / '…' only where they cannot be
apostrophes: the opening mark starts a word (after a space, punctuation, or glued to a capital as
scraped headings are: "area'Reinforce security'French"), the closing one ends a word and is not
followed by a lower-case letter ("it's", "O’Neill" and "the victims' families" are apostrophes).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

OPENERS = {"“": "”", "«": "»", "„": "“"}
STRAIGHT = '"'
DOUBLED_SINGLE = ("’’", "''")  # a double closing mark typed as two single ones
SINGLE_OPENERS = ("‘", "'")
SINGLE_CLOSERS = ("’", "'")
SINGLE_MAX_WORDS = 12
TRAILING = " ,;:\n\t"
# The scans jump from one opening mark to the next rather than stepping over every character.
_DOUBLE_OPENER = re.compile("[" + re.escape("".join(OPENERS) + STRAIGHT) + "]")
_SINGLE_OPENER = re.compile("[" + re.escape("".join(SINGLE_OPENERS)) + "]")


def find_quoted_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of the words inside each pair of quotation marks."""
    return list(_quoted_spans(text))


@lru_cache(maxsize=4)
def _quoted_spans(text: str) -> tuple[tuple[int, int], ...]:
    """`find_quoted_spans`, remembered for the last few texts: the actors, events and quotes
    stages each ask it of the same article."""
    spans = _double_spans(text)
    spans += _single_spans(text, spans)
    spans.sort()
    return tuple(s for s in (_trim(text, a, b) for a, b in spans) if s is not None)


def _double_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        found = _DOUBLE_OPENER.search(text, i)
        if found is None:
            break
        i = found.start()
        ch = text[i]
        closer = OPENERS.get(ch) or (STRAIGHT if ch == STRAIGHT else None)
        if closer is None or text.startswith("''", i):
            i += 1
            continue
        # Sloppy typography opens with a straight mark and closes with a curly one.
        closers = (closer, "”") if closer == STRAIGHT else (closer,)
        j = i + 1
        start = j
        close_len = 1
        while j < n:
            c = text[j]
            if c in closers:
                if closer == STRAIGHT and c == STRAIGHT and _glued_reopening(text, j):
                    spans.append((start, j))  # 'hours."This will': the next paragraph reopens
                    start = j + 1
                    j += 1
                    continue
                break
            if c == ch == "“" and text[j - 1] in ".!?":
                spans.append((start, j))  # 'effect.“And I hope': glued paragraphs, one quotation
                start = j + 1
                j += 1
                continue
            if ch in ("“", STRAIGHT) and text.startswith(DOUBLED_SINGLE, j) and (
                    not text[j + 2 : j + 3].isalpha() or text[j - 1] in ".,!?"):
                close_len = 2
                break
            if closer == STRAIGHT and c in OPENERS:
                break  # a curly quotation opens first: the straight mark was a stray one
            if c == "\n" and closer != STRAIGHT:
                # A paragraph break: the quote goes on only if the next paragraph reopens it.
                k = j
                while k < n and text[k].isspace():
                    k += 1
                if k < n and text[k] == ch:
                    spans.append((start, j))
                    start = k + 1
                    j = k + 1
                    continue
                break
            if c == "\n" and closer == STRAIGHT:
                break
            j += 1
        if j < n and (text[j] in closers or close_len == 2):
            spans.append((start, j))
            i = j + close_len
        else:
            i += 1  # an opening mark never closed: look again from the next character
    return spans


def _glued_reopening(text: str, j: int) -> bool:
    """A straight mark between a sentence end and a capital, glued ('hours."This will be'), is a
    paragraph reopening the quotation when the next straight mark looks like a closing one."""
    if j + 1 >= len(text) or text[j - 1] not in ".!?" or not text[j + 1].isupper():
        return False
    k = text.find(STRAIGHT, j + 1)
    line_end = text.find("\n", j + 1)
    if k < 0 or (0 <= line_end < k):
        return False
    return not text[k - 1].isspace() and (k + 1 >= len(text) or not text[k + 1].isalnum())


def _single_spans(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """‘…’ and '…' that cannot be apostrophes, outside the double-quoted spans."""
    inside = bytearray(len(text) + 1)
    for a, b in taken:
        inside[max(0, a - 1) : b + 1] = b"\x01" * (b + 1 - max(0, a - 1))
    out: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        found = _SINGLE_OPENER.search(text, i)
        if found is None:
            break
        i = found.start()
        ch = text[i]
        if ch not in SINGLE_OPENERS or inside[i] or i + 1 >= n or not text[i + 1].isalnum():
            i += 1
            continue
        before = text[i - 1] if i else " "
        if before.isalnum() and not (text[i + 1].isupper() and before.islower()):
            i += 1  # "it's", "Jehovah's": an apostrophe inside a word
            continue
        j = i + 1
        end = None
        while j < n and text[j] != "\n" and not inside[j]:
            if text[j] in SINGLE_CLOSERS and (text[j - 1].isalnum() or text[j - 1] in ".!?") \
                    and not text[j + 1 : j + 2].islower() and not _is_name_apostrophe(text, j):
                end = j
                break
            if text[j] in "“”\"":
                break
            j += 1
        if end is not None and 0 < len(text[i + 1 : end].split()) <= SINGLE_MAX_WORDS:
            out.append((i + 1, end))
            i = end + 1
        else:
            i += 1
    return out


def _is_name_apostrophe(text: str, j: int) -> bool:
    """O’Neill, D'Souza: a capital letter alone before the mark and a capital after it."""
    return (j >= 1 and text[j - 1].isupper() and (j < 2 or not text[j - 2].isalpha())
            and text[j + 1 : j + 2].isupper())


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1] in TRAILING:
        b -= 1
    return (a, b) if b > a else None


def quoted_tokens(doc: Any, text: str | None = None) -> list[bool]:
    """For each token of a spaCy Doc, whether it lies inside quotation marks. `text`: the Doc's
    text where the caller has it (`Doc.text` is rebuilt token by token)."""
    inside = [False] * len(doc)
    for start, end in find_quoted_spans(doc.text if text is None else text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                inside[i] = True
    return inside
