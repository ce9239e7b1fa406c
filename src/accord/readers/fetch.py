"""Fetching pages and feeds over HTTP, politely (httpx).

Nothing is fetched unless the user names a URL. Then:
- every request says who it is: `User-Agent: Accord/<version> (news event coding; polite fetcher)`;
- robots.txt is honoured (per host, read once per fetcher; a missing robots.txt allows all, a
  server error on it disallows all, as RFC 9309 says); a Crawl-delay longer than ours is used;
- one request at a time per host, with at least `delay` seconds between two requests to it;
- connect and read timeouts, at most `max_redirects` redirects (each checked against robots.txt),
  and a size limit: a body over `max_input_bytes` is abandoned, not read;
- a feed fetched again sends the ETag / Last-Modified it got, so an unchanged feed costs nothing.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Iterator
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from .. import __version__
from .base import ReadItem, ReadOptions, Rejection, Skip, source_from_bytes
from .errors import InputRejected

USER_AGENT = f"Accord/{__version__} (news event coding; polite fetcher)"
ROBOTS_AGENT = "Accord"


class FetchError(InputRejected):
    """A URL that could not be fetched; the message says why."""


@dataclass
class Fetched:
    url: str  # after redirects
    status: int
    content_type: str | None
    data: bytes
    not_modified: bool = False


class Fetcher:
    """A polite HTTP client; one per process (or per `watch`), shared by all the URLs it fetches."""

    def __init__(self, delay: float = 1.0, timeout: float = 20.0, connect_timeout: float = 10.0,
                 max_bytes: int | None = None, max_redirects: int = 5, user_agent: str = USER_AGENT,
                 transport=None):
        import httpx

        self.delay = delay
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.user_agent = user_agent
        self._client = httpx.Client(
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(timeout, connect=connect_timeout),
            follow_redirects=False, transport=transport,
        )
        self._robots: dict[str, RobotFileParser | None] = {}
        self._host_locks: dict[str, threading.Lock] = {}
        self._last_request: dict[str, float] = {}
        self._validators: dict[str, tuple[str | None, str | None]] = {}
        self._lock = threading.Lock()
        self.requests: list[tuple[float, str]] = []  # (monotonic time, url): what was asked, in order

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- politeness ---------------------------------------------------------------------------

    def _host_lock(self, host: str) -> threading.Lock:
        with self._lock:
            return self._host_locks.setdefault(host, threading.Lock())

    def _get(self, url: str, headers: dict[str, str] | None = None, limit: int | None = None):
        """One request, at most one at a time per host, `delay` apart; returns (response, body)."""
        import httpx

        host = urlsplit(url).netloc.lower()
        with self._host_lock(host):
            wait = self._last_request.get(host, -1e9) + self._delay_for(host) - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self.requests.append((time.monotonic(), url))
            try:
                with self._client.stream("GET", url, headers=headers) as response:
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body += chunk
                        if limit is not None and len(body) > limit:
                            raise FetchError(f"response over the size limit of {limit:,} bytes (max_input_bytes); not read further")
                    return response, bytes(body)
            except httpx.TimeoutException as exc:
                raise FetchError(f"timed out ({exc.__class__.__name__})") from None
            except httpx.HTTPError as exc:
                raise FetchError(f"request failed ({exc.__class__.__name__}: {exc})") from None
            finally:
                self._last_request[host] = time.monotonic()

    def _delay_for(self, host: str) -> float:
        robots = self._robots.get(host)
        crawl_delay = robots.crawl_delay(ROBOTS_AGENT) if robots is not None else None
        return max(self.delay, float(crawl_delay or 0))

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets Accord fetch this URL (read once per host)."""
        parts = urlsplit(url)
        host = parts.netloc.lower()
        if host not in self._robots:
            robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
            parser = RobotFileParser(robots_url)
            try:
                response, body = self._get(robots_url, limit=512 * 1024)
            except FetchError:
                parser.allow_all = True  # unreachable robots.txt: RFC 9309 treats it as absent
            else:
                if response.status_code >= 500:
                    parser.disallow_all = True
                elif response.status_code >= 400:
                    parser.allow_all = True
                else:
                    parser.parse(body.decode("utf-8", "replace").splitlines())
            self._robots[host] = parser
        parser = self._robots[host]
        return parser is None or parser.can_fetch(ROBOTS_AGENT, url)

    # -- fetching -----------------------------------------------------------------------------

    def fetch(self, url: str, conditional: bool = False) -> Fetched:
        """GET a URL politely, following redirects; raise FetchError with the reason."""
        limit = self.max_bytes
        current = url
        for _ in range(self.max_redirects + 1):
            if urlsplit(current).scheme not in ("http", "https"):
                raise FetchError(f"not an http(s) URL: {current}")
            if not self.allowed(current):
                raise FetchError(f"robots.txt of {urlsplit(current).netloc} disallows {current}")
            headers = {}
            if conditional and current in self._validators:
                etag, modified = self._validators[current]
                if etag:
                    headers["If-None-Match"] = etag
                if modified:
                    headers["If-Modified-Since"] = modified
            response, body = self._get(current, headers=headers, limit=limit)
            status = response.status_code
            if status in (301, 302, 303, 307, 308) and response.headers.get("location"):
                current = urljoin(current, response.headers["location"])
                continue
            if status == 304:
                return Fetched(current, status, response.headers.get("content-type"), b"", not_modified=True)
            if status != 200:
                raise FetchError(f"HTTP {status}")
            self._validators[current] = (response.headers.get("etag"), response.headers.get("last-modified"))
            return Fetched(current, status, response.headers.get("content-type"), body)
        raise FetchError(f"more than {self.max_redirects} redirects")


_default_fetcher: Fetcher | None = None


def default_fetcher(options: ReadOptions) -> Fetcher:
    global _default_fetcher
    if options.fetcher is not None:
        return options.fetcher  # type: ignore[return-value]
    if _default_fetcher is None:
        _default_fetcher = Fetcher(max_bytes=options.max_input_bytes)
    return _default_fetcher


def _name_for(url: str, content_type: str | None) -> str:
    """A file name whose suffix tells the registry what the response is."""
    media = (content_type or "").split(";")[0].strip().lower()
    if "html" in media:
        return "page.html"
    if media in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return "feed.rss"
    path = urlsplit(url).path.rsplit("/", 1)[-1]
    return path or "page"


def read_url(url: str, options: ReadOptions, conditional: bool = False) -> Iterator[ReadItem]:
    """Fetch one URL and read it with the reader its content type (or content) calls for."""
    from .registry import read_source

    fetcher = default_fetcher(options)
    try:
        fetched = fetcher.fetch(url, conditional=conditional)
    except FetchError as exc:
        yield Rejection(url, str(exc))
        return
    if fetched.not_modified:
        yield Skip(url, "not modified since the last fetch")
        return
    if fetched.data[:2] == b"\x1f\x8b":
        import gzip

        try:
            data = gzip.decompress(fetched.data)
        except (EOFError, OSError) as exc:
            yield Rejection(url, f"corrupt or truncated gzip ({exc})")
            return
    else:
        data = fetched.data
    source = source_from_bytes(data, url, _name_for(fetched.url, fetched.content_type), "url", None,
                               content_type=fetched.content_type, url=fetched.url)
    for item in read_source(source, options, explicit=True):
        yield item
