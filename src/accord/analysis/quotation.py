"""Quotation marks in running text: which characters are inside a quotation.

Shared by the quotes stage (what was said) and the actors stage (pronouns inside a quotation
speak from the speaker's point of view and are not resolved like narrative pronouns).
"""

from __future__ import annotations

from typing import Any

OPENERS = {"“": "”", "«": "»", "„": "“"}
STRAIGHT = '"'
TRAILING = " ,;:\n\t"


def find_quoted_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of the words inside each pair of quotation marks."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        closer = OPENERS.get(ch) or (STRAIGHT if ch == STRAIGHT else None)
        if closer is None:
            i += 1
            continue
        # Sloppy typography opens with a straight mark and closes with a curly one.
        closers = (closer, "”") if closer == STRAIGHT else (closer,)
        j = i + 1
        start = j
        while j < n:
            c = text[j]
            if c in closers:
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
        if j < n and text[j] in closers:
            spans.append((start, j))
            i = j + 1
        else:
            i += 1  # an opening mark never closed: look again from the next character
    return [s for s in (_trim(text, a, b) for a, b in spans) if s is not None]


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1] in TRAILING:
        b -= 1
    return (a, b) if b > a else None


def quoted_tokens(doc: Any) -> list[bool]:
    """For each token of a spaCy Doc, whether it lies inside quotation marks."""
    inside = [False] * len(doc)
    for start, end in find_quoted_spans(doc.text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                inside[i] = True
    return inside
