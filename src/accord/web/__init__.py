"""The dashboard: static pages and scripts over the JSON API, served by `accord serve`.

No build step and nothing fetched from the internet: the pages are plain HTML, the scripts plain
JavaScript, and the libraries (d3, topojson-client) and the map's country shapes (world-atlas,
Natural Earth) are vendored under static/vendor/ with their licences (vendor/SOURCES.md).
Every record is put on the page with DOM text nodes (`textContent`), never parsed as markup.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"

# Route -> page (pages/<name>.html); /articles/{id} is the article page.
PAGES = {
    "/": "index",
    "/events": "events",
    "/dyad": "dyad",
    "/network": "network",
    "/map": "map",
    "/quotes": "quotes",
    "/articles": "articles",
}


def page_path(name: str) -> Path:
    return HERE / "pages" / f"{name}.html"
