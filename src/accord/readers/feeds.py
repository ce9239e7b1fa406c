"""RSS and Atom feeds (`*.rss`, `*.atom`, `*.xml` holding a feed), by feedparser.

One article per item: `url` the item's link, `title` and `date` the item's (published, else
updated), `source` the feed's title, `text` the item's full content (`content:encoded`, Atom
`content`) with its HTML reduced to paragraphs, else its summary. The id is the item's guid,
else its link.
"""

from __future__ import annotations

import time
from typing import Iterator

from ..model import Article
from .base import ReadItem, Reader, ReadOptions, Rejection, Skip, Source, read_bounded
from .errors import InputRejected
from .ids import location_id, short_hash
from .paragraphs import html_to_paragraphs

_FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf", b"<channel")


def _day(parsed: time.struct_time | None) -> str | None:
    if not parsed:
        return None
    try:
        return time.strftime("%Y-%m-%d", parsed)
    except (ValueError, TypeError):
        return None


def _item_text(entry) -> str:
    contents = entry.get("content") or []
    # The fullest content: feeds may carry a plain and an HTML version.
    best = max((c.get("value") or "" for c in contents), key=len, default="")
    if not best.strip():
        best = entry.get("summary") or entry.get("description") or ""
    return html_to_paragraphs(best)


class FeedReader(Reader):
    name = "feed"
    suffixes = (".rss", ".atom")
    sniffed_suffixes = (".xml",)
    reports_progress = True

    def sniff(self, head: bytes) -> bool:
        lower = head.lower()
        return any(marker in lower for marker in _FEED_MARKERS)

    def read(self, source: Source, options: ReadOptions) -> Iterator[ReadItem]:
        import feedparser

        try:
            with source.open() as stream:
                data = read_bounded(stream, options.max_input_bytes)
        except InputRejected as exc:
            yield Rejection(source.origin, str(exc))
            return
        if not data.strip():
            yield Rejection(source.origin, "empty input")
            return
        headers = {"content-type": source.content_type} if source.content_type else None
        parsed = feedparser.parse(data, response_headers=headers, sanitize_html=False,
                                  resolve_relative_uris=False)
        entries = parsed.get("entries") or []
        if not entries:
            if parsed.get("bozo"):
                problem = parsed.get("bozo_exception")
                yield Rejection(source.origin, f"not a feed: not well-formed XML ({problem})")
            elif not parsed.get("version"):
                yield Rejection(source.origin, "not a feed: no RSS or Atom channel in it")
            else:
                yield Skip(source.origin, "feed without items")
            return
        feed_title = (parsed.get("feed") or {}).get("title") or None
        feed_id = location_id(source.id_base, source.location) if source.location else None
        progress = options.progress
        task = progress.begin(source.origin, len(entries), "items")
        try:
            for n, entry in enumerate(entries, 1):
                progress.advance(task, 1)
                where = f"{source.origin}#item{n}"
                text = _item_text(entry)
                if not text.strip():
                    yield Rejection(where, "feed item has no text (no content and no summary)")
                    continue
                link = entry.get("link") or None
                guid = entry.get("id") or None
                article_id = guid or link or f"{feed_id or 'feed#' + short_hash(source.origin)}:{short_hash(text)}"
                date = _day(entry.get("published_parsed")) or _day(entry.get("updated_parsed"))
                yield Article(
                    id=str(article_id), text=text, date=date or options.default_date,
                    title=entry.get("title") or None, url=link, source=feed_title, origin=where,
                )
        finally:
            progress.end(task)
