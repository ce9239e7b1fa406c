"""Bytes to text: the declared charset first, then UTF-8, then detection (charset-normalizer).

Text that is not UTF-8 and declares nothing is detected. Among the encodings that decode it
without a trace of disorder, Windows-1252 is preferred: it is the web's legacy encoding of
Western text (the WHATWG encoding standard reads "latin-1" as it), and on a short French or
English text every single-byte code page decodes equally cleanly, so detection alone picks one
at random (cp1257 for "président").
"""

from __future__ import annotations

import codecs
import re

from .errors import InputRejected

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
# Detection reads a sample: a large file's encoding shows in its first few hundred kilobytes.
_SAMPLE = 512 * 1024


def charset_of(content_type: str | bytes | None) -> str | None:
    """The charset a Content-Type value or an HTML `<meta>` declares, if it names a known one."""
    if not content_type:
        return None
    raw = content_type.encode("latin-1", "replace") if isinstance(content_type, str) else content_type
    m = _CHARSET.search(raw)
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").strip().lower()
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name


def html_declared_charset(data: bytes) -> str | None:
    """`<meta charset=...>` or `<meta http-equiv=Content-Type content="...; charset=...">`."""
    head = data[:4096]
    for m in re.finditer(rb"<meta[^>]+>", head, re.I):
        found = charset_of(m.group(0))
        if found:
            return found
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode an input as text, or reject it as empty, binary or undecodable."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputRejected(f"undecodable bytes: not valid {encoding} after its byte-order mark ({exc.reason})") from None
            if not text.strip():
                raise InputRejected("empty input")
            return text
    if not data.strip():
        raise InputRejected("empty input")
    if b"\x00" in data:
        raise InputRejected("binary data (NUL bytes), not text")
    if declared:
        # A declared charset that fails is a wrong declaration: fall through to UTF-8 and detection.
        try:
            # WHATWG: a page labelled iso-8859-1 is read as windows-1252.
            return data.decode("cp1252" if declared in ("iso-8859-1", "latin-1", "latin1", "ascii", "us-ascii") else declared)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    encoding = _detect(data[:_SAMPLE])
    if encoding is None:
        raise InputRejected(
            f"undecodable bytes: not UTF-8 (byte 0x{data[first_bad]:02x} at offset {first_bad}) "
            "and no character encoding reads it as text"
        )
    return data.decode(encoding, errors="replace")


def _detect(sample: bytes) -> str | None:
    import charset_normalizer

    results = list(charset_normalizer.from_bytes(sample))
    if not results:
        return None
    cleanest = min(r.chaos for r in results)
    clean = [r for r in results if r.chaos <= cleanest + 0.001]
    for r in clean:
        if r.encoding == "cp1252":
            return "cp1252"
    return clean[0].encoding
