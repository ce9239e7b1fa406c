"""Web archives (`*.warc`, `*.warc.gz`, `*.arc`, `*.arc.gz`), streamed record by record (warcio).

One article per HTML `response` record with status 200: `url` the record's WARC-Target-URI,
`date` the page's publication date, else the record's WARC-Date. Every other record is skipped
and counted by kind (`warc request`, `warc metadata`, `redirect`, `http 404`, `not HTML`), never
a rejection of the archive. A corrupt record is rejected with its byte offset and reading goes
on at the next record the archive holds; a truncated archive keeps every record before the cut.
"""

from __future__ import annotations

import re
from typing import BinaryIO, Iterator

from .base import ReadItem, Reader, ReadOptions, Rejection, Skip, Source
from .errors import InputRejected
from .html import NoArticle, decode_page, extract_page

_SCAN_CHUNK = 1 << 20
_WARC_START = re.compile(rb"(?:^|\r?\n)(WARC/1\.[01]\r?\n)")


def _where(source: Source, offset: int) -> str:
    return f"{source.origin}@{offset}"


class WarcReader(Reader):
    name = "warc"
    suffixes = (".warc", ".arc")

    def sniff(self, head: bytes) -> bool:
        return head.startswith((b"WARC/1.", b"filedesc://"))

    def read(self, source: Source, options: ReadOptions) -> Iterator[ReadItem]:
        try:
            stream = source.raw()
        except OSError as exc:
            yield Rejection(source.origin, f"cannot read file ({exc.strerror or exc})")
            return
        with stream:
            position = 0
            while position is not None:
                position = yield from self._read_from(stream, position, source, options)

    def _read_from(self, stream: BinaryIO, position: int, source: Source,
                   options: ReadOptions) -> Iterator[ReadItem]:
        """Read records from `position`; return where to resume after a corrupt one, or None."""
        from warcio.archiveiterator import ArchiveIterator

        stream.seek(position)
        iterator = ArchiveIterator(stream, arc2warc=True)
        offset = position
        records = iter(iterator)
        while True:
            offset = iterator.offset
            try:
                record = next(records)
            except StopIteration:
                # warcio ends quietly inside a cut gzip member or record: bytes left over past
                # the last whole record are a truncated record.
                if source.size is not None and offset < source.size:
                    yield Rejection(_where(source, offset), "corrupt WARC record (truncated: the archive "
                                                            f"ends inside this record, {source.size - offset:,} bytes in)")
                return None
            except Exception as exc:  # a record warcio cannot parse: report it, then resync
                yield Rejection(_where(source, offset), f"corrupt WARC record ({_describe(exc)})")
                return self._next_record_start(stream, offset + 1, source.gzipped)
            try:
                item = self._record_item(record, offset, source, options)
                iterator.read_to_end()  # the rest of a body we did not read
                # warcio ends a cut record quietly: its length, or its gzip member's end, tells.
                missing = getattr(record.raw_stream, "limit", 0) or 0
                decompressor = getattr(iterator.reader, "decompressor", None)
                if missing > 0 or (decompressor is not None and not getattr(decompressor, "eof", True)):
                    item = Rejection(_where(source, offset), "corrupt WARC record (truncated: the archive "
                                                             "ends inside this record)")
                yield item
            except Exception as exc:  # the record's body is cut or corrupt
                yield Rejection(_where(source, offset), f"corrupt WARC record body ({_describe(exc)})")
                return self._next_record_start(stream, offset + 1, source.gzipped)

    def _record_item(self, record, offset: int, source: Source, options: ReadOptions) -> ReadItem:
        where = _where(source, offset)
        kind = record.rec_type or "unknown"
        if kind != "response":
            return Skip(where, f"warc {kind}")
        uri = record.rec_headers.get_header("WARC-Target-URI") or None
        http = record.http_headers
        if http is None:
            return Skip(where, "warc response without HTTP headers", uri or "")
        try:
            status = int(http.get_statuscode() or 0)
        except ValueError:
            status = 0
        if 300 <= status < 400:
            return Skip(where, "redirect", f"{status} {uri} -> {http.get_header('Location')}")
        if status != 200:
            return Skip(where, f"http {status}", uri or "")
        content_type = http.get_header("Content-Type") or ""
        media = content_type.split(";")[0].strip().lower()
        if media and "html" not in media:
            return Skip(where, "not HTML", f"{media} {uri}")
        data = record.content_stream().read(options.max_input_bytes + 1)
        if len(data) > options.max_input_bytes:
            return Rejection(where, f"page {uri} is over the size limit of {options.max_input_bytes:,} bytes (max_input_bytes)")
        warc_date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
        try:
            html = decode_page(data, content_type)
            article = extract_page(html, url=uri, fallback_id=uri or where, origin=where,
                                   default_date=options.default_date, fallback_date=warc_date)
        except NoArticle as exc:
            return Skip(where, exc.kind, f"{uri}: {exc}")
        except InputRejected as exc:
            return Rejection(where, f"{uri}: {exc}")
        if uri:
            article.url = uri
            article.id = uri
        return article

    def _next_record_start(self, stream: BinaryIO, start: int, gzipped: bool) -> int | None:
        """Byte offset of the next record at or after `start`: the next gzip member that opens
        with a WARC header, or the next `WARC/1.x` line; None when there is none."""
        import zlib

        position = start
        while True:
            stream.seek(position)
            chunk = stream.read(_SCAN_CHUNK + 64)
            if not chunk:
                return None
            if gzipped:
                at = chunk.find(b"\x1f\x8b\x08")
                while at != -1 and at < _SCAN_CHUNK:
                    stream.seek(position + at)
                    try:
                        head = zlib.decompressobj(31).decompress(stream.read(4096), 16)
                    except zlib.error:
                        head = b""
                    if head.startswith((b"WARC/1.", b"filedesc://")):
                        return position + at
                    at = chunk.find(b"\x1f\x8b\x08", at + 1)
            else:
                m = _WARC_START.search(chunk[:_SCAN_CHUNK + 16])
                if m:
                    return position + m.start(1)
            if len(chunk) <= _SCAN_CHUNK:
                return None
            position += _SCAN_CHUNK


def _describe(exc: Exception) -> str:
    if isinstance(exc, EOFError):
        return "truncated: the archive ends inside this record"
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{exc.__class__.__name__}: {text}"[:300] if text else exc.__class__.__name__
