"""Show a saved page's text blocks, numbered, for writing hand-checked article text.

    .venv/bin/python tools/page_blocks.py tests/data/news_pages/time_001.html.gz

Every block-level element's own text (p, h1-h6, li, blockquote, td, div text, ...), in page
order, scripts and styles dropped. No extractor is involved: the person labelling reads the
blocks against the rendered page's structure and writes down the article's paragraphs.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

def blocks(html: bytes) -> list[tuple[str, str, str]]:
    """(tag, class, text) of each paragraph-like element; UTF-8, else Windows-1252."""
    import lxml.html

    try:
        text = html.decode("utf-8")
    except UnicodeDecodeError:
        text = html.decode("cp1252", errors="replace")
    root = lxml.html.fromstring(text)
    for bad in root.iter("script", "style", "noscript", "template", "svg"):
        bad.drop_tree()
    out = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag not in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
                                                           "figcaption", "pre", "td"):
            continue
        if any(a.tag in ("p", "li", "blockquote", "figcaption", "td") for a in el.iterancestors()):
            continue  # the outer block holds it
        text = " ".join(el.text_content().split())
        if text:
            parent = el.getparent()
            cls = el.get("class") or (parent.get("class") if parent is not None else "") or ""
            out.append((el.tag, cls.strip()[:40], text))
    return out


def main() -> None:
    path = Path(sys.argv[1])
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    for n, (tag, where, text) in enumerate(blocks(data)):
        print(f"[{n}] {tag}.{where}: {text}")


if __name__ == "__main__":
    main()
