"""Plain-text articles: an optional `date YYYY-MM-DD` header, then the text byte for byte.

Without a header, a wire dateline opening the text ("BEIJING, March 10, 2026 (AP) —") gives
the publication date."""

from __future__ import annotations

import re

from ..model import Article
from .dates import check_date, dateline_date
from .errors import InputRejected

# The header may follow leading whitespace; it and exactly one whitespace character after it are
# removed (the contract's rule). Something that looks like a date header is checked strictly.
_HEADER = re.compile(r"\A\s*date[ \t]+(\d{1,4}-\d{1,2}-\d{1,2})(?=\s|\Z)")


def decode_bytes(data: bytes) -> str:
    """Decode an input file as UTF-8, rejecting binary data and undecodable bytes."""
    if not data.strip():
        raise InputRejected("empty input")
    if b"\x00" in data:
        raise InputRejected("binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputRejected(
            f"not valid UTF-8 (undecodable byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


def parse_text_article(
    content: str, article_id: str, default_date: str | None = None, origin: str | None = None
) -> Article:
    date = None
    text = content
    m = _HEADER.match(content)
    if m:
        date = check_date(m.group(1), "date header")
        text = content[m.end() + 1 :] if m.end() < len(content) else ""
    if not text.strip():
        raise InputRejected("empty article text")
    return Article(
        id=article_id,
        text=text,
        # The input's own date first (header, else a wire dateline), then the caller's default.
        date=date or dateline_date(text) or default_date,
        origin=origin or article_id,
    )
