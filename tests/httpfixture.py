"""A real HTTP server on 127.0.0.1 for the fetching tests: routes, a request log, concurrency."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable


class NewsServer:
    """Serves `routes[path]` = (status, headers, body) or a callable(handler) -> that triple.

    Every request is logged as (monotonic start, monotonic end, path, headers); `max_concurrent`
    is the most requests it ever served at once.
    """

    def __init__(self, routes: dict[str, object]):
        self.routes = routes
        self.log: list[tuple[float, float, str, dict[str, str]]] = []
        self.active = 0
        self.max_concurrent = 0
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802
                start = time.monotonic()
                with server._lock:
                    server.active += 1
                    server.max_concurrent = max(server.max_concurrent, server.active)
                try:
                    route = server.routes.get(self.path.split("?")[0])
                    if route is None:
                        status, headers, body = 404, {"Content-Type": "text/plain"}, b"not found"
                    elif callable(route):
                        status, headers, body = route(self)
                    else:
                        status, headers, body = route
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    try:
                        self.wfile.write(body)
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                finally:
                    with server._lock:
                        server.active -= 1
                        server.log.append((start, time.monotonic(), self.path, dict(self.headers.items())))

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "NewsServer":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def paths(self) -> list[str]:
        return [entry[2] for entry in self.log]


def rss(items: list[dict], title: str = "Test Wire") -> bytes:
    parts = [f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>{title}</title><link>http://127.0.0.1/</link><description>news</description>']
    for item in items:
        parts.append(
            f"<item><title>{item['title']}</title><link>{item['link']}</link><guid>{item['guid']}</guid>"
            f"<pubDate>{item['date']}</pubDate><description>{item.get('summary', '')}</description>"
            + (f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>" if item.get("content") else "")
            + "</item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")


def page(title: str, paragraphs: list[str], canonical: str | None = None, date: str | None = None) -> bytes:
    head = f"<title>{title}</title>"
    if canonical:
        head += f'<link rel="canonical" href="{canonical}">'
    if date:
        head += f'<meta property="article:published_time" content="{date}">'
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>{title}</h1>{body}</article>"
            f"<footer>Copyright Test Wire</footer></body></html>").encode("utf-8")


Route = Callable[[BaseHTTPRequestHandler], tuple[int, dict, bytes]]
