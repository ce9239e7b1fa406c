"""JSON Lines articles: one object per line, `{"id", "text", "date"?, "title"?, "url"?, "source"?}`."""

from __future__ import annotations

import json

from ..model import Article
from .dates import check_date, dateline_date
from .errors import InputRejected

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
