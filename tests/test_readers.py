"""Readers: every input becomes an article or a rejection that names it and says why."""

from __future__ import annotations

import io
import json

import pytest

from accord.model import Article
from accord.readers import Rejection, read_inputs


def _read(paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


def test_text_with_date_header_strips_header_and_one_whitespace(tmp_path):
    f = tmp_path / "story.txt"
    f.write_text("  date 2026-02-04\n\nBody starts here.\n", encoding="utf-8")
    [a] = _read([f])
    assert isinstance(a, Article)
    assert a.id.startswith("story#")
    assert a.date == "2026-02-04"
    assert a.text == "\nBody starts here.\n"  # exactly one whitespace character removed


def test_text_without_header_keeps_text_byte_for_byte(tmp_path):
    f = tmp_path / "plain.txt"
    f.write_text("Dateless story.\n", encoding="utf-8")
    [a] = _read([f], default_date="2025-01-02")
    assert a.text == "Dateless story.\n"
    assert a.date == "2025-01-02"


def test_a_wire_dateline_gives_the_date_an_input_lacks(tmp_path):
    story = "BEIJING, March 10, 2026 (AP) — Putin and Xi will meet next week.\n"
    f = tmp_path / "wire.txt"
    f.write_text(story, encoding="utf-8")
    [a] = _read([f], default_date="2025-01-02")
    assert a.date == "2026-03-10" and a.text == story  # the text itself is untouched
    g = tmp_path / "wire.jsonl"
    g.write_text(json.dumps({"id": "w", "text": "KYIV, Ukraine, 9 Sept 2025 - Drones hit the city."}) + "\n"
                 + json.dumps({"id": "h", "text": story, "date": "2026-03-11"}) + "\n", encoding="utf-8")
    assert [x.date for x in _read([g])] == ["2025-09-09", "2026-03-11"]  # the input's own date wins
    # Not a dateline: a date inside the story, an impossible day, a dateline without the year.
    for n, text in enumerate(("Putin said on March 10, 2026 that talks would go on.",
                              "PARIS, Feb. 30, 2026 — A story.", "LONDON, May 1 (Reuters) - A story.")):
        h = tmp_path / f"plain{n}.txt"
        h.write_text(text, encoding="utf-8")
        [b] = _read([h])
        assert b.date is None, text


def test_founding_example_reads_as_contract_says(example_path):
    [a] = _read([example_path])
    assert a.date == "2026-02-04"
    assert a.text.startswith("Russia’s President Vladimir Putin")


def test_jsonl_articles_and_bad_lines(tmp_path):
    f = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "One.", "date": "2026-01-01", "title": "T", "url": "http://x", "source": "S"}),
        "",
        "[1, 2]",
        json.dumps({"id": "a2"}),
        "{not json",
        json.dumps({"id": "a3", "text": "Three.", "date": "2026-02-30"}),
        json.dumps({"text": "No id."}),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _read([f])
    articles = [i for i in items if isinstance(i, Article)]
    rejections = {r.origin: r.reason for r in items if isinstance(r, Rejection)}
    assert articles[0].id == "a1"
    assert articles[1].id.startswith("batch#") and articles[1].id.endswith(":7")  # the file's id, then the line
    assert articles[0].title == "T" and articles[0].source == "S" and articles[0].url == "http://x"
    assert "not an object" in rejections[f"{f}:3"]
    assert "'text'" in rejections[f"{f}:4"]
    assert "not valid JSON" in rejections[f"{f}:5"]
    assert "not a real calendar date" in rejections[f"{f}:6"]


def test_directory_is_read_recursively_by_extension(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("B text.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A text.", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "c", "text": "C."}) + "\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    items = _read([tmp_path])
    ids = [i.id for i in items if isinstance(i, Article)]
    assert sorted(i.split("#")[0] for i in ids) == ["a", "b", "c"]
    # A file no reader claims is accounted for: skipped by kind, not silently dropped.
    from accord.readers import Skip
    assert [(s.origin, s.kind) for s in items if isinstance(s, Skip)] == [(str(tmp_path / "notes.md"), "unsupported file type .md")]


def test_stdin_text_and_jsonl():
    [a] = list(read_inputs(["-"], stdin=io.BytesIO(b"date 2026-02-04 From a pipe.")))
    assert a.id.startswith("stdin#") and (a.date, a.text) == ("2026-02-04", "From a pipe.")
    items = list(read_inputs(["-"], stdin=io.BytesIO(b'{"id": "x", "text": "J."}\n[]\n')))
    assert isinstance(items[0], Article) and items[0].id == "x"
    assert isinstance(items[1], Rejection) and items[1].origin == "<stdin>:2"


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\n", "empty"),
        ("header-only.txt", b"date 2026-02-04\n", "empty"),
        ("undecodable.txt", b"\x81\x8d\x8f\x90\x9d\x01\x02\x03\x1b" * 40, "undecodable bytes"),
        ("impossible.txt", b"date 2026-02-30 Text.", "not a real calendar date"),
        ("month13.txt", b"date 2026-13-01 Text.", "not a real calendar date"),
        ("empty.jsonl", b"\n\n", "empty"),
        ("page.html", b"<html></html>", "no article text"),
        ("notes.md", b"\x89PNG\r\n\x1a\n\x00\x00", "unsupported file type .md"),
    ],
)
def test_bad_inputs_are_rejected_with_name_and_reason(tmp_path, name, content, reason):
    f = tmp_path / name
    f.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("A good article.", encoding="utf-8")
    items = _read([f, good])
    rejections = [i for i in items if isinstance(i, Rejection)]
    assert len(rejections) == 1
    assert rejections[0].origin == str(f)
    assert reason in rejections[0].reason
    assert [i.id.split("#")[0] for i in items if isinstance(i, Article)] == ["good"]  # the batch goes on


def test_missing_path_is_rejected(tmp_path):
    [r] = _read([tmp_path / "nope.txt"])
    assert isinstance(r, Rejection) and "no such file" in r.reason


def test_bad_default_date_raises():
    with pytest.raises(ValueError, match="--date"):
        list(read_inputs([], default_date="2026-02-31"))
