"""Walk the inputs a user names and turn each into articles or rejections."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Union

from ..model import Article
from .dates import check_date
from .errors import InputRejected
from .jsonl import parse_jsonl_line
from .text import decode_bytes, parse_text_article

SUPPORTED_SUFFIXES = (".txt", ".jsonl")
STDIN = "-"


@dataclass(slots=True)
class Rejection:
    """An input that did not become an article: where it came from and why."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


ReadItem = Union[Article, Rejection]


def read_inputs(
    paths: Iterable[str | Path],
    default_date: str | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[ReadItem]:
    """Yield an `Article` or a `Rejection` for every input; never raises for bad input.

    `paths` may name files (.txt, .jsonl), directories (searched recursively for those
    extensions) and `-` for standard input (JSON Lines if it starts with `{`, else one text
    article with the id `stdin`).
    """
    if default_date is not None:
        default_date = check_date(default_date, "--date")
    for raw in paths:
        if str(raw) == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_stream(stream.read(), "<stdin>", "stdin", None, default_date)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
            )
            if not files:
                yield Rejection(str(path), "directory holds no .txt or .jsonl files")
            for file in files:
                yield from _read_file(file, default_date)
        elif path.exists():
            yield from _read_file(path, default_date)
        else:
            yield Rejection(str(path), "no such file or directory")


def _read_file(path: Path, default_date: str | None) -> Iterator[ReadItem]:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield Rejection(str(path), f"unsupported file type {suffix or '(none)'}; use .txt or .jsonl")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Rejection(str(path), f"cannot read file ({exc.strerror or exc})")
        return
    kind = "jsonl" if suffix == ".jsonl" else "txt"
    yield from _read_stream(data, str(path), path.stem, kind, default_date)


def _read_stream(
    data: bytes, origin: str, stem: str, kind: str | None, default_date: str | None
) -> Iterator[ReadItem]:
    try:
        content = decode_bytes(data)
    except InputRejected as exc:
        yield Rejection(origin, str(exc))
        return
    if kind is None:  # standard input: sniff the form
        kind = "jsonl" if content.lstrip().startswith("{") else "txt"
    if kind == "txt":
        try:
            yield parse_text_article(content, stem, default_date, origin)
        except InputRejected as exc:
            yield Rejection(origin, str(exc))
        return
    seen_any = False
    for lineno, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        seen_any = True
        where = f"{origin}:{lineno}"
        try:
            yield parse_jsonl_line(line, f"{stem}:{lineno}", default_date, where)
        except InputRejected as exc:
            yield Rejection(where, str(exc))
    if not seen_any:
        yield Rejection(origin, "empty input")
