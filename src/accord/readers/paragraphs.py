"""HTML fragments (feed item content, summaries) to plain text that keeps paragraph breaks."""

from __future__ import annotations

import html as html_lib
import re

BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    "tr", "table", "section", "article", "header", "footer", "figure", "dd", "dt", "hr",
})
DROPPED_TAGS = ("script", "style", "noscript", "iframe", "figcaption")


def html_to_paragraphs(markup: str) -> str:
    """Text of an HTML fragment, one paragraph per block, blank lines between paragraphs."""
    if "<" not in markup:
        text = html_lib.unescape(markup)
        return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip())
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", markup)).split())
    for bad in root.iter(*DROPPED_TAGS):
        bad.drop_tree()
    parts: list[str] = []

    def walk(el) -> None:
        block = isinstance(el.tag, str) and el.tag.lower() in BLOCK_TAGS
        if block:
            parts.append("\n\n")
        if isinstance(el.tag, str) and el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", "".join(parts)))
    return "\n\n".join(p for p in paragraphs if p)
