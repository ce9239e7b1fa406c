"""Articles on their way into a store: near-copies routed out before the parse.

`accord ingest` (and `watch`) and `POST /api/articles` both code through `routed`, so an exact
or near-copy of a stored (or just coded) article is never parsed by either: it comes out uncoded
with `duplicate_of` set, for the store to link (`accord.clustering.nearcopy.route`).
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator


def routed(articles: Iterable[Any], store: Any, code: Callable[[Iterable[Any]], Iterator[Any]],
           *, detect_language: bool = False, lookahead: int = 16,
           skip_unchanged: bool = False) -> Iterator[Any]:
    """Yield, in input order, what `code` (the pipeline, or the workers) makes of the articles
    that are not near-copies of stored or earlier articles, and for each near-copy an uncoded
    `Document` whose article has `duplicate_of` set; `store.ingest_many` writes both.

    `detect_language`: the language is told where articles are coded (`code` does it); a
    near-copy, which skips coding, gets it here. `lookahead`: articles looked up in the store at
    a time (see `route`). `skip_unchanged`: an article the store holds as it is under its id
    (`Store.unchanged`) is not coded either; it comes out uncoded, `duplicate_of` its own id
    (a re-run of the same input)."""
    from ..clustering.nearcopy import route

    sent: set[int] = set()  # id() of the articles in flight to the coder

    def tracked_code(to_code: Iterable[Any]) -> Iterator[Any]:
        def tracked() -> Iterator[Any]:
            for article in to_code:
                sent.add(id(article))
                yield article

        return code(tracked())

    results = route(articles, store.originals_of, store.settings, tracked_code,
                    lookahead=lookahead, unchanged=store.unchanged if skip_unchanged else None)
    try:
        for result in results:
            if id(result.article) in sent:
                sent.discard(id(result.article))
            elif (detect_language and result.article.language is None
                  and result.article.duplicate_of != result.id):  # not stored unchanged
                from ..readers.language import detect_language as detect

                result.article.language = detect(result.article.text)
            yield result
    finally:
        results.close()
