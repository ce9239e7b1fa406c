"""What every reader shares: the items it yields, the input it reads, the limits it keeps.

A reader turns one `Source` (a file, standard input, a fetched page or feed) into a stream of
`ReadItem`s: an `Article`, a `Skip` (an input or archive record that holds no article and is
not an error: a WARC request record, a 404 page, a file of another kind in a directory) or a
`Rejection` (an input that should have been an article and could not be: the reason says why).
Readers never raise for bad input and never read a whole archive into memory.
"""

from __future__ import annotations

import gzip
import io
import os
import zlib
from dataclasses import dataclass, field
from typing import BinaryIO, Callable, Iterator, Protocol, Union

from ..config import setting
from ..limits import DEFAULT_MAX_ARTICLE_CHARS
from ..model import Article
from .errors import InputRejected

# One article's text may not exceed this many characters (a news story is far shorter: the
# longest features run to ~100,000); the pipeline codes long texts in bounded pieces up to the
# same limit (accord.limits). Over it, the input is rejected with this reason and the batch goes
# on. Setting: `max_article_chars`.
MAX_ARTICLE_CHARS = DEFAULT_MAX_ARTICLE_CHARS
# The raw bytes one article may take before extraction (a saved page, a text file, a JSONL
# line, a WARC record's body, a table cell): pages carry markup, so this is larger. A larger
# input is rejected without being read into memory. Setting: `max_input_bytes`.
MAX_INPUT_BYTES = 20 * 1024 * 1024


@dataclass(slots=True)
class Rejection:
    """An input that did not become an article: where it came from and why."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(slots=True)
class Skip:
    """An input that holds no article and is no error: counted by `kind` in the summary.

    Kinds are short and stable, e.g. `warc request`, `warc metadata`, `http 404`, `redirect`,
    `not HTML (image/png)`, `page without article text`, `unsupported file type .md`.
    """

    origin: str
    kind: str
    reason: str = ""

    def __str__(self) -> str:
        return f"{self.origin}: skipped ({self.kind}{': ' + self.reason if self.reason else ''})"


ReadItem = Union[Article, Skip, Rejection]


class Progress(Protocol):
    """Where readers report how far they are in one input (bytes of a file, items of a feed)."""

    def begin(self, label: str, total: int | None, unit: str) -> object: ...

    def advance(self, task: object, amount: int) -> None: ...

    def end(self, task: object) -> None: ...


class NoProgress:
    def begin(self, label: str, total: int | None, unit: str) -> object:
        return None

    def advance(self, task: object, amount: int) -> None:
        pass

    def end(self, task: object) -> None:
        pass


def _int_setting(name: str, env: str, default: int) -> int:
    value = setting(name, env, default)
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValueError(f"setting {name} ({env}) must be a whole number, got {value!r}") from None


@dataclass
class ReadOptions:
    """How to read: defaults for missing fields, table column names, limits, fetching."""

    default_date: str | None = None
    # Table readers: field -> column name chosen by the user (`--text-column body`); the rest are
    # found by common names (tables.COLUMN_NAMES).
    columns: dict[str, str] = field(default_factory=dict)
    # Told (input's origin, reader name) when `columns` were chosen and an input is read by a
    # reader that has no columns (a text file, a feed): the CLI warns that its options are ignored.
    columns_ignored: Callable[[str, str], None] | None = None
    max_article_chars: int = field(
        default_factory=lambda: _int_setting("max_article_chars", "ACCORD_MAX_ARTICLE_CHARS", MAX_ARTICLE_CHARS))
    max_input_bytes: int = field(
        default_factory=lambda: _int_setting("max_input_bytes", "ACCORD_MAX_INPUT_BYTES", MAX_INPUT_BYTES))
    # Fetching (`https://...` inputs): a `fetch.Fetcher`; None builds a polite default one.
    fetcher: object | None = None
    # Fetching again (`accord watch`): send the ETag / Last-Modified of the last fetch of a URL.
    conditional: bool = False
    progress: Progress = field(default_factory=NoProgress)
    detect_language: bool = True


@dataclass
class Source:
    """One input to read.

    `origin` is what messages name (a path, `path:line`, a URL, `<stdin>`); `name` the file name
    whose suffixes choose a reader; `id_base` the readable part of ids made for articles that
    bring none of their own (the path relative to the argument, suffixes dropped); `location` the
    input's identity for those ids (an absolute path or URL; None for standard input). `open`
    gives the raw bytes, gzip already undone when `name` ends in `.gz` (WARC readers ask for
    `raw` instead: warcio undoes gzip per record).
    """

    origin: str
    name: str
    id_base: str
    location: str | None
    opener: Callable[[], BinaryIO]
    size: int | None = None
    content_type: str | None = None  # a declared media type and charset (HTTP, WARC), if any
    url: str | None = None  # where the input was fetched from, if it was
    gzipped: bool = False

    def raw(self) -> BinaryIO:
        return self.opener()

    def open(self) -> BinaryIO:
        stream = self.opener()
        return GzipReader(stream, self.origin) if self.gzipped else stream


def source_from_bytes(data: bytes, origin: str, name: str, id_base: str, location: str | None,
                      **kw) -> Source:
    return Source(origin=origin, name=name, id_base=id_base, location=location,
                  opener=lambda: io.BytesIO(data), size=len(data), **kw)


class GzipReader(io.RawIOBase):
    """gzip decompression that turns a truncated or corrupt stream into `InputRejected`."""

    def __init__(self, raw: BinaryIO, origin: str):
        self._gz = gzip.GzipFile(fileobj=raw, mode="rb")
        self._raw = raw
        self._origin = origin

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[override]
        try:
            return self._gz.readinto(b)
        except EOFError:
            raise InputRejected("truncated gzip: the compressed data ends before its end marker") from None
        except (gzip.BadGzipFile, zlib.error, OSError) as exc:
            raise InputRejected(f"corrupt gzip data ({exc})") from None

    def close(self) -> None:
        try:
            self._gz.close()
        finally:
            self._raw.close()
        super().close()


class CountingReader(io.RawIOBase):
    """Wraps a raw stream and reports the bytes read, for progress bars over large inputs."""

    def __init__(self, raw: BinaryIO, report: Callable[[int], None]):
        self._raw = raw
        self._report = report

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return self._raw.seekable()

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        before = self._raw.tell()
        after = self._raw.seek(offset, whence)
        if after > before:
            self._report(after - before)
        return after

    def tell(self) -> int:
        return self._raw.tell()

    def readinto(self, b) -> int:  # type: ignore[override]
        data = self._raw.read(len(b))
        n = len(data)
        b[:n] = data
        if n:
            self._report(n)
        return n

    def close(self) -> None:
        self._raw.close()
        super().close()


def read_bounded(stream: BinaryIO, limit: int) -> bytes:
    """Read a whole stream of at most `limit` bytes, or reject it without keeping more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputRejected(f"over the size limit of {limit:,} bytes for one article (max_input_bytes)")
    return data


def read_whole(source: "Source", options: "ReadOptions", what: str = "article") -> bytes:
    """The bytes of a one-document input, or `InputRejected` if it is over `max_input_bytes`
    (checked on the file's size first, so a 200 MB file is never read)."""
    limit = options.max_input_bytes
    if source.size is not None and not source.gzipped and source.size > limit:
        raise InputRejected(f"file is {source.size:,} bytes, over the limit of {limit:,} bytes "
                            f"for one {what} (max_input_bytes)")
    with source.open() as stream:
        return read_bounded(stream, limit)


def iter_lines(stream: BinaryIO, limit: int, chunk: int = 1 << 20) -> Iterator[tuple[int, bytes | None]]:
    """Yield `(line number, line)` from a binary stream, holding at most `limit` bytes of a line.

    A longer line yields `(number, None)`; the rest of it is read past in chunks, never kept,
    so a 200 MB single-line file costs a chunk of memory, not 200 MB.
    """
    number = 0
    # A small buffer: a truncated gzip loses at most the lines of one buffer before the cut.
    buffered = io.BufferedReader(stream, buffer_size=1 << 16) if not isinstance(stream, io.BufferedIOBase) else stream
    while True:
        line = buffered.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # read past the rest of the overlong line
                rest = buffered.readline(chunk)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
            continue
        yield number, line


class Reader:
    """A reader: what it claims (suffixes, a content sniff) and how it reads one `Source`.

    Subclasses set `name` and `suffixes` (lower case, with the dot, `.gz` never included: it is
    undone first) and implement `read`. `sniff(head)` sees the first 4 KB of a file whose suffix
    no reader claims (decompressed) and says whether this reader can read it.
    """

    name = "reader"
    suffixes: tuple[str, ...] = ()
    # Suffixes this reader claims only when the sniff agrees (`.xml` holds feeds and much else).
    sniffed_suffixes: tuple[str, ...] = ()
    # Readers that report their own progress (a feed counts items); others are counted in bytes.
    reports_progress = False
    # Readers that take `ReadOptions.columns` (tables).
    uses_columns = False

    def sniff(self, head: bytes) -> bool:
        return False

    def read(self, source: Source, options: ReadOptions) -> Iterator[ReadItem]:  # pragma: no cover
        raise NotImplementedError


def reject(origin: str, exc: Exception) -> Rejection:
    return Rejection(origin, str(exc))
