"""Plain-text articles: an optional `date YYYY-MM-DD` header, then the text byte for byte.

Without a header, a wire dateline opening the text ("BEIJING, March 10, 2026 (AP) —") gives
the publication date."""

from __future__ import annotations

import re
from typing import Iterator

from ..model import Article
from .base import ReadItem, Reader, ReadOptions, Rejection, Source, read_whole
from .dates import check_date, dateline_date
from .decode import decode_bytes
from .errors import InputRejected
from .ids import location_id

# The header may follow leading whitespace; it and exactly one whitespace character after it are
# removed (the contract's rule). Something that looks like a date header is checked strictly.
_HEADER = re.compile(r"\A\s*date[ \t]+(\d{1,4}-\d{1,2}-\d{1,2})(?=\s|\Z)")


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


class TextReader(Reader):
    """`*.txt`: one article per file (and standard input that is not JSON Lines)."""

    name = "text"
    suffixes = (".txt", ".text")

    def sniff(self, head: bytes) -> bool:
        # Text with no telling suffix: no NUL bytes and no markup or JSON at the start.
        stripped = head.lstrip()
        return bool(stripped) and b"\x00" not in head and not stripped.startswith((b"<", b"{", b"WARC/"))

    def read(self, source: Source, options: ReadOptions) -> Iterator[ReadItem]:
        try:
            data = read_whole(source, options, "article")
            content = decode_bytes(data)
            m = _HEADER.match(content)
            body = content[m.end() + 1:] if m else content
            article_id = location_id(source.id_base, source.location, body)
            yield parse_text_article(content, article_id, options.default_date, source.origin)
        except InputRejected as exc:
            yield Rejection(source.origin, str(exc))
