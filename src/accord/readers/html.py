"""Saved web pages (`*.html`, `*.htm`): the article's main text and metadata, by trafilatura.

trafilatura (Barbaresi 2021) is the best-scoring open main-text extractor on the field's
benchmarks; it drops navigation, comments, captions and "read more" lists. We keep its
paragraphs apart with a blank line, so the pipeline sees paragraph breaks. The same function
reads the pages of web archives and fetched URLs.

A page with no article is rejected with that reason: no main text at all (an empty page, a page
with no body), a site's front page or an index page, or too few words to be a story (an error
page, a login wall).
"""

from __future__ import annotations

import logging
from typing import Iterator
from urllib.parse import urlsplit

from ..model import Article
from .base import ReadItem, Reader, ReadOptions, Rejection, Source, read_whole
from .dates import check_date
from .decode import charset_of, decode_bytes, html_declared_charset
from .errors import InputRejected
from .ids import location_id

# Fewer words of main text than this and the page is no story (error pages, cookie walls,
# photo pages); the shortest wire briefs run to 40-50 words.
MIN_ARTICLE_WORDS = 25


class NoArticle(InputRejected):
    """A page that decoded and parsed but holds no article: the reason says what it is."""

    def __init__(self, reason: str, kind: str):
        super().__init__(reason)
        self.kind = kind


def decode_page(data: bytes, content_type: str | None = None) -> str:
    """A page's text: the charset the server (or WARC record) declared, else the page's own
    `<meta>` declaration, else UTF-8, else detected."""
    return decode_bytes(data, charset_of(content_type) or html_declared_charset(data))


def _is_front_page(url: str | None) -> bool:
    if not url:
        return False
    parts = urlsplit(url)
    return bool(parts.netloc) and parts.path in ("", "/") and not parts.query


def extract_page(html: str, *, url: str | None, fallback_id: str, origin: str,
                 default_date: str | None = None, fallback_date: str | None = None) -> Article:
    """One page's article, or `NoArticle` / `InputRejected` with the reason."""
    import trafilatura

    if "<body" not in html.lower() and "<p" not in html.lower():
        raise NoArticle("no article text: the page has no body", "page without article text")
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            include_images=False, deduplicate=False,
        )
    except Exception as exc:  # the extractor on a malformed page: that page only
        raise InputRejected(f"the HTML could not be parsed ({exc.__class__.__name__}: {exc})") from None
    if doc is None or not (doc.text or "").strip():
        raise NoArticle("no article text: the page holds no main text (an index, error or empty page?)",
                        "page without article text")
    page_url = doc.url or url
    if _is_front_page(page_url):
        raise NoArticle(f"no article: {page_url} is a site's front page", "front or index page")
    paragraphs = [line.strip() for line in doc.text.split("\n") if line.strip()]
    text = "\n\n".join(paragraphs)
    words = len(text.split())
    if words < MIN_ARTICLE_WORDS:
        raise NoArticle(f"no article: only {words} words of main text (an error or index page?)",
                        "page without article text")
    try:
        date = check_date(doc.date) if doc.date else None
    except InputRejected:
        date = None
    return Article(
        id=page_url or fallback_id,
        text=text,
        date=date or fallback_date or default_date,
        title=doc.title or None,
        url=page_url,
        source=doc.sitename or doc.hostname or None,
        origin=origin,
    )


class HtmlReader(Reader):
    """`*.html`, `*.htm`: one saved page, one article (its canonical URL is its id)."""

    name = "html"
    suffixes = (".html", ".htm", ".xhtml", ".shtml")

    def sniff(self, head: bytes) -> bool:
        start = head[:1024].lstrip().lower()
        return start.startswith((b"<!doctype html", b"<html")) or b"<html" in start[:300]

    def read(self, source: Source, options: ReadOptions) -> Iterator[ReadItem]:
        try:
            data = read_whole(source, options, "page")
            html = decode_page(data, source.content_type)
            yield extract_page(html, url=source.url, origin=source.origin,
                               fallback_id=location_id(source.id_base, source.location, html),
                               default_date=options.default_date)
        except InputRejected as exc:
            yield Rejection(source.origin, str(exc))
