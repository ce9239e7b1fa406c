"""Article ids that never collide by accident.

An id comes from the input itself where it has one: a JSONL or table `id`, a feed item's guid,
a page's canonical URL, a WARC record's target URI. Otherwise it is made from the input:

- a file: its name without suffixes, then `#` and 10 hex digits of a hash of the file's
  absolute path (`story#3f0c2a9b1e`). `a/story.txt` and `b/story.txt` get different ids,
  whether named in one run or in two; the same file read again, whether named itself or found
  in a folder, gets the same id, so a real update of it is recognised (stored, then updated);
- standard input, which has no location: `stdin#` and a hash of the content, so two different
  texts piped in are two articles and the same text piped twice is one (a duplicate);
- the n-th record of a file without ids (a JSONL line, a table row): the file's id, `:` and n.

The hash of the location (not of the content) is what keeps an update recognisable: a content
hash in the id would make every edit a new article and leave the old version stored beside it.
The store's content hash still catches the same story under two ids (a duplicate).
"""

from __future__ import annotations

import hashlib


def short_hash(value: str, n: int = 10) -> str:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:n]


def location_id(id_base: str, location: str | None, content: str | None = None) -> str:
    """The id of an input with no id of its own (see the module notes)."""
    if location is not None:
        return f"{id_base}#{short_hash(location)}"
    return f"{id_base}#{short_hash(content or '')}"


def strip_suffixes(name: str, suffixes: tuple[str, ...]) -> str:
    """`story.txt.gz` -> `story`: drop `.gz` and the format's own suffix."""
    lower = name.lower()
    if lower.endswith(".gz"):
        name, lower = name[:-3], lower[:-3]
    for suffix in sorted(suffixes, key=len, reverse=True):
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name
