"""JSON Lines articles: one object per line, `{"id", "text", "date"?, "title"?, "url"?, "source"?}`."""

from __future__ import annotations

import json
from typing import Iterator

from ..model import Article
from .base import ReadItem, Reader, ReadOptions, Rejection, Source, iter_lines
from .dates import check_date, dateline_date
from .decode import decode_bytes
from .errors import InputRejected
from .ids import location_id

_OPTIONAL_STRINGS = ("title", "url", "source")


def parse_jsonl_line(
    line: str, fallback_id: str, default_date: str | None = None, origin: str | None = None
) -> Article:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputRejected(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise InputRejected(f"a JSON {type(obj).__name__}, not an object")
    if "text" not in obj:
        raise InputRejected("the object has no 'text' field")
    text = obj["text"]
    if not isinstance(text, str):
        raise InputRejected(f"'text' must be a string, got {type(text).__name__}")
    if not text.strip():
        raise InputRejected("empty article text")
    raw_id = obj.get("id")
    if raw_id is None or raw_id == "":
        article_id = fallback_id
    elif isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool):
        article_id = str(raw_id)
    else:
        raise InputRejected(f"'id' must be a string, got {type(raw_id).__name__}")
    fields = {}
    for name in _OPTIONAL_STRINGS:
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            raise InputRejected(f"'{name}' must be a string, got {type(value).__name__}")
        fields[name] = value
    # The object's own date first, else a wire dateline opening its text, then the default.
    date = check_date(obj.get("date"), "'date'") or dateline_date(text) or default_date
    return Article(id=article_id, text=text, date=date, origin=origin, **fields)


class JsonlReader(Reader):
    """`*.jsonl`: one article per line; a bad line is rejected as `file:line`, the rest read on."""

    name = "jsonl"
    suffixes = (".jsonl", ".ndjson")

    def sniff(self, head: bytes) -> bool:
        return head.lstrip().startswith(b"{")

    def read(self, source: Source, options: ReadOptions) -> Iterator[ReadItem]:
        # Lines without an id are numbered under the file's own id (stdin: a content hash).
        file_id = location_id(source.id_base, source.location) if source.location else None
        seen_any = False
        lineno = 0
        try:
            with source.open() as stream:
                for lineno, raw in iter_lines(stream, options.max_input_bytes):
                    where = f"{source.origin}:{lineno}"
                    if raw is None:
                        seen_any = True
                        yield Rejection(where, f"line over the size limit of {options.max_input_bytes:,} bytes "
                                               "for one article (max_input_bytes)")
                        continue
                    if not raw.strip():
                        continue
                    seen_any = True
                    try:
                        line = decode_bytes(raw)
                        fallback = f"{file_id}:{lineno}" if file_id else location_id(source.id_base, None, line)
                        yield parse_jsonl_line(line, fallback, options.default_date, where)
                    except InputRejected as exc:
                        yield Rejection(where, str(exc))
        except InputRejected as exc:  # the stream itself failed (a truncated gzip)
            yield Rejection(source.origin, f"{exc} (after line {lineno})")
            return
        if not seen_any:
            yield Rejection(source.origin, "empty input")
