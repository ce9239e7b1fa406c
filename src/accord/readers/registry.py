"""The reader registry: which reader reads an input, and the walk over what a user names.

`read_inputs(paths)` is the one way in. It yields, one at a time and in order, an `Article`,
a `Skip` or a `Rejection` for every input (and every record of an archive, feed or table),
never raises for bad input, and never holds more than one article's bytes (archives and tables
stream). Articles leave it with `language` set and within the size limit.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from ..model import Article
from .base import (CountingReader, ReadItem, Reader, ReadOptions, Rejection, Skip, Source,
                   source_from_bytes)
from .dates import check_date
from .errors import InputRejected
from .ids import strip_suffixes

STDIN = "-"
SNIFF_BYTES = 4096

_READERS: list[Reader] = []


def register(reader: Reader) -> Reader:
    """Add a reader (a later one with the same name replaces the earlier)."""
    _READERS[:] = [r for r in _READERS if r.name != reader.name]
    _READERS.append(reader)
    return reader


def readers() -> list[Reader]:
    _ensure_defaults()
    return list(_READERS)


def supported_suffixes() -> tuple[str, ...]:
    return tuple(s for r in readers() for s in r.suffixes + r.sniffed_suffixes)


def _ensure_defaults() -> None:
    if _READERS:
        return
    # Imported here: each reader pulls its own library (trafilatura, warcio, pyarrow) only when
    # the registry is first used, so `import accord` stays light.
    from .feeds import FeedReader
    from .html import HtmlReader
    from .jsonl import JsonlReader
    from .tables import CsvReader, ParquetReader
    from .text import TextReader
    from .warc import WarcReader

    # Order matters for sniffing only: the most specific first, plain text last.
    for reader in (WarcReader(), FeedReader(), HtmlReader(), JsonlReader(), ParquetReader(),
                   CsvReader(), TextReader()):
        register(reader)


def _suffix(name: str) -> str:
    """The suffix that chooses a reader: `.warc.gz` -> `.warc`, `story.TXT` -> `.txt`."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return os.path.splitext(lower)[1]


def reader_for(source: Source, head: bytes | None = None) -> Reader | None:
    """The reader for a source: by suffix, else (or for `.xml`) by sniffing its first bytes."""
    suffix = _suffix(source.name)
    for reader in readers():
        if suffix in reader.suffixes:
            return reader
    if head is None:
        return None
    for reader in readers():
        if suffix in reader.sniffed_suffixes and reader.sniff(head):
            return reader
    if suffix and any(suffix in r.sniffed_suffixes for r in readers()):
        return None  # an `.xml` file that is no feed: not something we read
    for reader in readers():
        if reader.sniff(head):
            return reader
    return None


def _head(source: Source) -> bytes | str:
    """The first bytes of a source, decompressed; or the reason they cannot be read."""
    try:
        with source.open() as stream:
            return stream.read(SNIFF_BYTES)
    except InputRejected as exc:
        return str(exc)
    except OSError as exc:
        return f"cannot read file ({exc.strerror or exc})"


def file_source(path: Path) -> Source:
    name = path.name
    try:
        size = path.stat().st_size
    except OSError:
        size = None
    with open(path, "rb") as fh:
        magic = fh.read(2)
    return Source(
        origin=str(path),
        name=name,
        id_base=strip_suffixes(name, _all_suffixes()),
        location=str(path.resolve()),
        opener=lambda: open(path, "rb"),
        size=size,
        gzipped=magic == b"\x1f\x8b",
    )


def _all_suffixes() -> tuple[str, ...]:
    return supported_suffixes() + (".html", ".htm")


def read_source(source: Source, options: ReadOptions, explicit: bool = True) -> Iterator[ReadItem]:
    """Read one source with the reader the registry picks for it.

    `explicit`: the user named this input; one we cannot read is a rejection. Files met in a
    directory walk that no reader claims are skipped (`unsupported file type`), not rejected.
    """
    reader = reader_for(source)
    suffix = _suffix(source.name)
    # Sniff what the user named, files with no suffix, and `.xml`; in a folder, a file with a
    # suffix no reader claims (README.md, photo.jpg) is skipped unread.
    sniffable = explicit or not suffix or any(suffix in r.sniffed_suffixes for r in readers())
    if reader is None and sniffable:
        head = _head(source)
        if isinstance(head, str):
            yield Rejection(source.origin, head)
            return
        reader = reader_for(source, head)
    if reader is None:
        suffix = suffix or "(none)"
        if explicit:
            known = ", ".join(sorted(set(supported_suffixes())))
            yield Rejection(source.origin, f"unsupported file type {suffix}; Accord reads {known} (and .gz of each)")
        else:
            yield Skip(source.origin, f"unsupported file type {suffix}")
        return
    _columns_used_by(reader, source.origin, options)
    if source.size and options.progress is not None and not reader.reports_progress:
        yield from _with_progress(reader, source, options)
    else:
        yield from reader.read(source, options)


def _columns_used_by(reader: Reader, origin: str, options: ReadOptions) -> None:
    """Tell `options.columns_ignored` when columns were chosen for an input that has none."""
    if options.columns and not reader.uses_columns and options.columns_ignored is not None:
        options.columns_ignored(origin, reader.name)


def _with_progress(reader: Reader, source: Source, options: ReadOptions) -> Iterator[ReadItem]:
    progress = options.progress
    task = progress.begin(source.origin, source.size, "bytes")
    opener = source.opener
    counted = Source(**{**source.__dict__, "opener": lambda: CountingReader(opener(), lambda n: progress.advance(task, n))})
    try:
        yield from reader.read(counted, options)
    finally:
        progress.end(task)


def read_inputs(
    paths: Iterable[str | Path],
    default_date: str | None = None,
    stdin: BinaryIO | None = None,
    options: ReadOptions | None = None,
) -> Iterator[ReadItem]:
    """Yield an `Article`, `Skip` or `Rejection` for every input; never raises for bad input.

    `paths` may name files (any format a reader claims, `.gz` of each), directories (searched
    recursively; files no reader claims are skipped by kind), `http(s)://` URLs (fetched
    politely, see `fetch`) and `-` for standard input (sniffed: JSON Lines, a feed, HTML, else
    one text article).
    """
    options = options or ReadOptions()
    if default_date is not None:
        options.default_date = default_date
    if options.default_date is not None:
        options.default_date = check_date(options.default_date, "--date")
    for raw in paths:
        for item in _read_argument(str(raw), options, stdin):
            if isinstance(item, Article):
                item = _finish(item, options)
            yield item


def _read_argument(raw: str, options: ReadOptions, stdin: BinaryIO | None) -> Iterator[ReadItem]:
    if raw == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read()
        if data[:2] == b"\x1f\x8b":
            import gzip

            try:
                data = gzip.decompress(data)
            except (EOFError, OSError) as exc:
                yield Rejection("<stdin>", f"corrupt or truncated gzip ({exc})")
                return
        source = source_from_bytes(data, "<stdin>", "stdin", "stdin", None)
        head = data[:SNIFF_BYTES]
        reader = reader_for(source, head)
        if reader is None or reader.name in ("text",) or not data.strip():
            from .text import TextReader

            reader = TextReader()
        _columns_used_by(reader, source.origin, options)
        yield from reader.read(source, options)
        return
    if raw.startswith(("http://", "https://")):
        from .fetch import read_url

        yield from read_url(raw, options, conditional=options.conditional)
        return
    path = Path(raw)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file())
        if not files:
            yield Rejection(str(path), "directory holds no files")
        for file in files:
            if any(part.startswith(".") for part in file.relative_to(path).parts):
                yield Skip(str(file), "hidden file")
                continue
            yield from _read_file(file, explicit=False, options=options)
    elif path.exists():
        yield from _read_file(path, explicit=True, options=options)
    else:
        yield Rejection(str(path), "no such file or directory")


def _read_file(path: Path, explicit: bool, options: ReadOptions) -> Iterator[ReadItem]:
    try:
        source = file_source(path)
    except OSError as exc:
        yield Rejection(str(path), f"cannot read file ({exc.strerror or exc})")
        return
    yield from read_source(source, options, explicit=explicit)


def _finish(article: Article, options: ReadOptions) -> Article | Rejection:
    """What every article gets, whatever read it: the size limit, then its language."""
    if len(article.text) > options.max_article_chars:
        return Rejection(
            article.origin or article.id,
            f"article text is {len(article.text):,} characters, over the limit of "
            f"{options.max_article_chars:,} (max_article_chars)")
    if article.language is None and options.detect_language:
        from .language import detect_language

        article.language = detect_language(article.text)
    return article


def read_sources(sources: Iterable[Source], options: ReadOptions | None = None,
                 explicit: bool = True) -> Iterator[ReadItem]:
    """`read_inputs` for inputs that are not paths (an upload, bytes from another store): each
    `Source` read by the reader the registry picks, articles finished the same way (size limit,
    language)."""
    options = options or ReadOptions()
    for source in sources:
        for item in read_source(source, options, explicit=explicit):
            yield _finish(item, options) if isinstance(item, Article) else item
