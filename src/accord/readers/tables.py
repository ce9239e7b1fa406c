"""Tables of articles as news databases export them: CSV, TSV and Parquet, streamed row by row.

Columns are found by their common names (below, case and spaces ignored) or named by options
(`--text-column body`, `--column date=published_at`). Each row is one article; a row without
text, or with a date that is no date, is rejected as `file:row N` and the rest read on.
"""

from __future__ import annotations

import codecs
import csv
import io
from typing import Iterable, Iterator

from ..model import Article
from .base import ReadItem, Reader, ReadOptions, Rejection, Source
from .dates import dateline_date, loose_date
from .decode import _detect
from .errors import InputRejected
from .ids import location_id

FIELDS = ("text", "title", "date", "url", "id", "source")
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "full_text", "fulltext", "article_text", "maintext",
             "story", "article_body"),
    "title": ("title", "headline", "heading", "article_title"),
    "date": ("date", "published", "publish_date", "published_date", "publication_date", "pubdate",
             "published_at", "pub_date", "date_publish", "datetime", "timestamp"),
    "url": ("url", "link", "article_url", "source_url", "documentidentifier"),
    "id": ("id", "guid", "article_id", "doc_id", "docid", "uid", "uuid"),
    "source": ("source", "site", "sitename", "site_name", "publisher", "outlet", "source_name",
               "media", "domain", "newspaper"),
}


def _norm(name: str) -> str:
    """`Published At`, `published_at` and `PublishedAt` are one name."""
    return "".join(ch for ch in name.lower() if ch.isalnum())


def map_columns(header: Iterable[str], chosen: dict[str, str]) -> dict[str, str]:
    """field -> column name in `header`: the user's choice first, then the common names."""
    columns = list(header)
    by_norm = {_norm(c): c for c in columns}
    mapping: dict[str, str] = {}
    for field in FIELDS:
        if field in chosen:
            wanted = chosen[field]
            if wanted not in columns and _norm(wanted) not in by_norm:
                raise InputRejected(f"no column {wanted!r} for {field} (columns: {', '.join(columns)})")
            mapping[field] = wanted if wanted in columns else by_norm[_norm(wanted)]
            continue
        for candidate in COLUMN_NAMES[field]:
            if _norm(candidate) in by_norm:
                mapping[field] = by_norm[_norm(candidate)]
                break
    if "text" not in mapping:
        raise InputRejected(
            f"no text column (looked for {', '.join(COLUMN_NAMES['text'])}; name it with --text-column); "
            f"columns: {', '.join(columns)}")
    return mapping


def row_article(row: dict, mapping: dict[str, str], fallback_id: str, where: str,
                options: ReadOptions) -> Article:
    def value(field: str):
        column = mapping.get(field)
        v = row.get(column) if column else None
        return None if v is None or (isinstance(v, str) and not v.strip()) else v

    text = value("text")
    if text is None:
        raise InputRejected("empty article text")
    if not isinstance(text, str):
        raise InputRejected(f"text column {mapping['text']!r} holds {type(text).__name__}, not text")
    url = value("url")
    raw_id = value("id")
    date = loose_date(value("date"), f"{mapping.get('date')!r}")
    return Article(
        id=str(raw_id) if raw_id is not None else (str(url) if url else fallback_id),
        text=text,
        date=date or dateline_date(text) or options.default_date,
        title=str(value("title")) if value("title") is not None else None,
        url=str(url) if url else None,
        source=str(value("source")) if value("source") is not None else None,
        origin=where,
    )


def _text_stream(source: Source) -> io.TextIOBase:
    """The table as text: a BOM's encoding, else UTF-8 if the start reads as UTF-8, else detected."""
    raw = io.BufferedReader(source.open(), buffer_size=1 << 20)
    head = raw.peek(64 * 1024)[: 64 * 1024]
    if head.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        try:
            head.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError as exc:
            # A character cut at the end of the sample is still UTF-8.
            if exc.start >= len(head) - 4:
                encoding = "utf-8"
            else:
                encoding = _detect(head)
                if encoding is None:
                    raise InputRejected("undecodable bytes: not UTF-8 and no character encoding reads it as text") from None
    return io.TextIOWrapper(raw, encoding=encoding, newline="")


class CsvReader(Reader):
    name = "csv"
    uses_columns = True
    suffixes = (".csv", ".tsv", ".tab")

    def read(self, source: Source, options: ReadOptions) -> Iterator[ReadItem]:
        name = source.name.lower().removesuffix(".gz")
        delimiter = "\t" if name.endswith((".tsv", ".tab")) else ","
        file_id = location_id(source.id_base, source.location) if source.location else f"{source.id_base}"
        # A cell may hold a whole article: raise the csv module's 128 KB cell limit to ours.
        csv.field_size_limit(max(csv.field_size_limit(), options.max_input_bytes))
        n = 0
        failed = False
        try:
            with _text_stream(source) as stream:
                reader = csv.DictReader(stream, delimiter=delimiter)
                if not reader.fieldnames:
                    yield Rejection(source.origin, "empty table: no header row")
                    failed = True
                    return
                mapping = map_columns(reader.fieldnames, options.columns)
                for row in reader:
                    n += 1
                    where = f"{source.origin}:row {n}"
                    try:
                        yield row_article(row, mapping, f"{file_id}:{n}", where, options)
                    except InputRejected as exc:
                        yield Rejection(where, str(exc))
        except InputRejected as exc:
            failed = True
            yield Rejection(source.origin if n == 0 else f"{source.origin}:row {n + 1}", str(exc))
        except csv.Error as exc:
            failed = True
            yield Rejection(f"{source.origin}:row {n + 1}", f"not a readable {'TSV' if delimiter == chr(9) else 'CSV'} row ({exc}); the rows after it are not read")
        except UnicodeDecodeError as exc:
            failed = True
            yield Rejection(f"{source.origin}:row {n + 1}", f"undecodable bytes ({exc.reason}); the rows after it are not read")
        if n == 0 and not failed:
            yield Rejection(source.origin, "the table has no rows")


class ParquetReader(Reader):
    name = "parquet"
    uses_columns = True
    suffixes = (".parquet", ".pq")
    reports_progress = True

    def sniff(self, head: bytes) -> bool:
        return head.startswith(b"PAR1")

    def read(self, source: Source, options: ReadOptions) -> Iterator[ReadItem]:
        import pyarrow.parquet as pq

        if source.gzipped:
            yield Rejection(source.origin, "gzip-compressed Parquet is not read: Parquet compresses itself")
            return
        file_id = location_id(source.id_base, source.location) if source.location else source.id_base
        try:
            stream = source.raw()
            parquet = pq.ParquetFile(stream)
            mapping = map_columns(parquet.schema_arrow.names, options.columns)
        except InputRejected as exc:
            yield Rejection(source.origin, str(exc))
            return
        except Exception as exc:
            yield Rejection(source.origin, f"not a readable Parquet file ({exc.__class__.__name__}: {exc})")
            return
        progress = options.progress
        task = progress.begin(source.origin, parquet.metadata.num_rows, "rows")
        n = 0
        try:
            with stream:
                for batch in parquet.iter_batches(batch_size=256, columns=sorted(set(mapping.values()))):
                    for row in batch.to_pylist():
                        n += 1
                        progress.advance(task, 1)
                        where = f"{source.origin}:row {n}"
                        try:
                            yield row_article(row, mapping, f"{file_id}:{n}", where, options)
                        except InputRejected as exc:
                            yield Rejection(where, str(exc))
        except Exception as exc:
            yield Rejection(f"{source.origin}:row {n + 1}", f"corrupt Parquet data ({exc.__class__.__name__}: {exc}); the rows after it are not read")
        finally:
            progress.end(task)
