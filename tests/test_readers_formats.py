"""The readers on news as it is published: pages, feeds, web archives, tables, any language.

Real inputs: `tests/data/news_pages` (news pages shipped in newspaper4k's test data; sources in
tests/data/news_pages/SOURCES.md) and the Wikinews CSVs in ../shared/data/wikinews (CC BY 2.5).
Every article any reader yields is validated against the contract's JSON Schema.
"""

from __future__ import annotations

import gzip
import io
import json
from collections import Counter
from pathlib import Path

import pytest

from accord.model import Article
from accord.readers import ReadOptions, Rejection, Skip, detect_language, read_inputs
from conftest import shared_path

PAGES = Path(__file__).parent / "data" / "news_pages"
ARTICLE_PAGES = ["cnn_001", "cnn_002", "cnn_article", "cnn_test_nlp", "cleveland.com1", "fox13now_001", "time_001",
                 "wired_001", "yna_co_kr", "article_with_br", "video_article_02"]
INDEX_PAGES = ["cnn_main_site", "wired_main_site", "yahoo_main_site"]

FRENCH = ("Le ministre français des Affaires étrangères a rencontré mardi à Berlin son homologue allemand pour "
          "discuter de la guerre en Ukraine. Les deux responsables ont annoncé une nouvelle aide militaire à Kiev "
          "et ont appelé la Russie à retirer ses troupes.")
CHINESE = "中国外交部长周二在北京会见了俄罗斯外交部长。双方讨论了乌克兰局势和两国贸易合作，并同意明年举行新一轮会谈。"
ARABIC = ("التقى وزير الخارجية المصري يوم الثلاثاء في القاهرة بنظيره الأردني لبحث الأوضاع في غزة. "
          "واتفق الجانبان على مواصلة التنسيق وإرسال مساعدات إنسانية جديدة.")
ENGLISH = ("Foreign ministers of India and Pakistan met in Geneva on Tuesday for the first formal talks between "
           "the two governments in three years, officials from both sides said.")


@pytest.fixture(scope="module")
def validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(shared_path("contract", "record.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _check_contract(validator, items) -> None:
    for item in items:
        if isinstance(item, Article):
            errors = [e.message for e in validator.iter_errors(item.to_record())]
            assert errors == [], (item.origin, errors)


def _read(paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


def _split(items):
    return ([i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Skip)],
            [i for i in items if isinstance(i, Rejection)])


# -- HTML -------------------------------------------------------------------------------------------

def test_real_news_pages_give_main_text_and_metadata(validator):
    items = _read([PAGES / f"{name}.html.gz" for name in ARTICLE_PAGES + INDEX_PAGES])
    _check_contract(validator, items)
    articles, skips, rejections = _split(items)
    assert [Path(a.origin).name for a in articles] == [f"{n}.html.gz" for n in ARTICLE_PAGES]
    # Index and front pages are rejected with that reason, not coded as articles.
    assert [(Path(r.origin).name, "front page" in r.reason) for r in rejections] == [
        (f"{n}.html.gz", True) for n in INDEX_PAGES]
    by_name = {Path(a.origin).name.split(".html")[0]: a for a in articles}
    yna = by_name["yna_co_kr"]
    assert yna.url == yna.id == "https://en.yna.co.kr/view/AEN20190820002300325"
    assert yna.date == "2019-08-20" and yna.source == "Yonhap News Agency" and yna.language == "en"
    assert yna.title.startswith("N. Korea slams S. Korea for joint military drill")
    assert "SEOUL, Aug. 20 (Yonhap) -- North Korea's official newspaper" in yna.text
    time_ = by_name["time_001"]
    assert time_.date == "2023-11-02" and time_.source == "TIME"
    assert time_.text.count("\n\n") > 10  # paragraphs kept apart
    for a in articles:
        assert a.title and a.url and a.url.startswith("http") and a.language == "en", a.origin
        assert "\n\n\n" not in a.text


def test_html_without_article_is_rejected_and_charset_is_honoured(tmp_path):
    (tmp_path / "nobody.html").write_bytes(b"<!DOCTYPE html><html><head><title>Empty</title></head></html>")
    (tmp_path / "error.html").write_bytes(b"<html><body><h1>404</h1><p>Page not found.</p></body></html>")
    story = ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'>"
             "<title>Paris</title></head><body><article>"
             + "".join(f"<p>{s}</p>" for s in [FRENCH, "Le président a déclaré que la réunion était « très utile »."])
             + "</article></body></html>").encode("latin-1")
    (tmp_path / "latin1.htm").write_bytes(story)
    items = _read([tmp_path / "nobody.html", tmp_path / "error.html", tmp_path / "latin1.htm"])
    articles, _, rejections = _split(items)
    reasons = {Path(r.origin).name: r.reason for r in rejections}
    assert "no body" in reasons["nobody.html"]
    assert "no article" in reasons["error.html"]
    [page] = articles
    assert "président" in page.text and "« très utile »" in page.text and page.language == "fr"


# -- feeds ------------------------------------------------------------------------------------------

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Geneva Wire</title><link>https://wire.example/</link><description>d</description>
<item><title>Talks in Geneva</title><link>https://wire.example/talks</link><guid>wire-1</guid>
<pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate><description>Short summary.</description>
<content:encoded><![CDATA[<p>{ENGLISH}</p><p>The meeting lasted <b>four hours</b>.</p><figure><figcaption>Unrelated photo</figcaption></figure>]]></content:encoded></item>
<item><title>Floods</title><link>https://wire.example/floods</link>
<pubDate>Wed, 04 Mar 2026 08:00:00 GMT</pubDate><description>Floods forced thousands from their homes in Italy.</description></item>
<item><title>Empty</title><link>https://wire.example/empty</link><guid>wire-3</guid></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title><id>urn:desk</id><updated>2026-03-05T00:00:00Z</updated>
<entry><title>Protest</title><id>urn:desk:1</id><link href="https://desk.example/protest"/>
<updated>2026-03-05T09:00:00Z</updated><content type="html">&lt;p&gt;{ENGLISH}&lt;/p&gt;</content></entry>
</feed>"""


def test_feeds_one_article_per_item(tmp_path, validator):
    (tmp_path / "wire.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "desk.xml").write_text(ATOM, encoding="utf-8")  # .xml: sniffed as a feed
    (tmp_path / "other.xml").write_text("<?xml version='1.0'?><config><a>1</a></config>", encoding="utf-8")
    (tmp_path / "broken.rss").write_text("this is { not XML at all", encoding="utf-8")
    items = _read([tmp_path / "wire.rss", tmp_path / "desk.xml", tmp_path / "other.xml", tmp_path / "broken.rss"])
    _check_contract(validator, items)
    articles, _, rejections = _split(items)
    assert [(a.id, a.url, a.title, a.date, a.source) for a in articles] == [
        ("wire-1", "https://wire.example/talks", "Talks in Geneva", "2026-03-03", "Geneva Wire"),
        ("https://wire.example/floods", "https://wire.example/floods", "Floods", "2026-03-04", "Geneva Wire"),
        ("urn:desk:1", "https://desk.example/protest", "Protest", "2026-03-05", "Atom Desk"),
    ]
    # Full content wins over the summary, HTML reduced to paragraphs, captions dropped.
    assert articles[0].text == ENGLISH + "\n\nThe meeting lasted four hours."
    assert articles[1].text == "Floods forced thousands from their homes in Italy."
    reasons = {r.origin.replace(str(tmp_path) + "/", ""): r.reason for r in rejections}
    assert reasons["wire.rss#item3"] == "feed item has no text (no content and no summary)"
    assert "unsupported file type .xml" in reasons["other.xml"]
    assert reasons["broken.rss"].startswith("not a feed: not well-formed XML")


# -- web archives -----------------------------------------------------------------------------------

def _warc(path: Path, gzipped: bool, pages: list[str]) -> list[str]:
    """A WARC like a crawler writes: warcinfo, request/response pairs for real news pages, a
    front page, a 404, a redirect, an image and a metadata record. Returns the record kinds."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    kinds = []
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzipped)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "accord-test"}))
        kinds.append("warcinfo")

        def response(uri: str, status: str, ctype: str, body: bytes, extra=()):
            headers = StatusAndHeaders(status, [("Content-Type", ctype), *extra], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": "2024-01-02T03:04:05Z"})
            request = writer.create_warc_record(uri, "request", payload=io.BytesIO(b""),
                                                http_headers=StatusAndHeaders("GET / HTTP/1.1", [("Host", "x")], is_http_request=True))
            writer.write_record(request)
            writer.write_record(record)
            kinds.extend(["request", "response"])

        for n, name in enumerate(pages):
            html = gzip.decompress((PAGES / f"{name}.html.gz").read_bytes())
            response(f"https://archive.test/{name}", "200 OK", "text/html; charset=utf-8", html)
        response("https://archive.test/", "200 OK", "text/html",
                 gzip.decompress((PAGES / "cnn_main_site.html.gz").read_bytes()))
        response("https://archive.test/missing", "404 Not Found", "text/html", b"<html><body>Not found</body></html>")
        response("https://archive.test/old", "301 Moved Permanently", "text/html", b"", [("Location", "/new")])
        response("https://archive.test/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
        writer.write_record(writer.create_warc_record("https://archive.test/yna_co_kr", "metadata",
                                                      payload=io.BytesIO(b"outlinks: 3"),
                                                      warc_content_type="application/warc-fields"))
        kinds.append("metadata")
    return kinds


@pytest.mark.parametrize("gzipped", [True, False])
def test_warc_of_real_news_pages_accounts_for_every_record(tmp_path, validator, gzipped):
    pages = ["yna_co_kr", "time_001", "cnn_article", "fox13now_001"]
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    kinds = _warc(path, gzipped, pages)
    items = _read([path])
    _check_contract(validator, items)
    articles, skips, rejections = _split(items)
    assert rejections == []
    assert len(items) == len(kinds)  # every record accounted for
    assert [a.url for a in articles] == [f"https://archive.test/{p}" for p in pages]
    assert all(a.id == a.url and a.language == "en" and "@" in a.origin for a in articles)
    assert articles[0].date == "2019-08-20"  # the page's date, not the WARC-Date
    assert Counter(s.kind for s in skips) == Counter({
        "warc request": 8, "warc warcinfo": 1, "warc metadata": 1, "front or index page": 1,
        "http 404": 1, "redirect": 1, "not HTML": 1})


@pytest.mark.parametrize("gzipped", [True, False])
def test_a_corrupt_warc_record_in_the_middle_costs_only_that_record(tmp_path, gzipped):
    from warcio.archiveiterator import ArchiveIterator

    pages = ["yna_co_kr", "time_001", "cnn_article", "fox13now_001"]
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    _warc(path, gzipped, pages)
    with open(path, "rb") as fh:
        offsets = [(it_offset, rec.rec_type, rec.rec_headers.get_header("WARC-Target-URI"))
                   for it_offset, rec in _records(ArchiveIterator(fh))]
    # Corrupt the response record of the second page (time_001): its header, or its compressed bytes.
    offset = next(o for o, kind, uri in offsets if kind == "response" and uri.endswith("time_001"))
    data = bytearray(path.read_bytes())
    if gzipped:
        data[offset + 30: offset + 60] = b"\x00" * 30
    else:
        data[offset: offset + 8] = b"GARBAGE!"
    path.write_bytes(bytes(data))
    items = _read([path])
    articles, skips, rejections = _split(items)
    assert [a.url for a in articles] == [f"https://archive.test/{p}" for p in ["yna_co_kr", "cnn_article", "fox13now_001"]]
    [bad] = rejections
    assert bad.origin == f"{path}@{offset}" and "corrupt WARC record" in bad.reason
    assert skips  # the rest of the archive is still accounted for


def _records(iterator):
    for record in iterator:
        offset = iterator.offset
        yield offset, record
        iterator.read_to_end()


def test_truncated_warc_gz_keeps_the_records_before_the_cut(tmp_path):
    path = tmp_path / "cut.warc.gz"
    _warc(path, True, ["yna_co_kr", "time_001", "cnn_article"])
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * 0.6)])
    articles, _, rejections = _split(_read([path]))
    assert [a.url for a in articles][:1] == ["https://archive.test/yna_co_kr"]
    [cut] = rejections
    assert cut.origin.startswith(f"{path}@") and "corrupt WARC record" in cut.reason


# -- tables -----------------------------------------------------------------------------------------

def test_wikinews_csv_every_row_an_article(validator):
    path = shared_path("data", "wikinews", "wikinews_2019.csv")
    items = _read([path])
    _check_contract(validator, items)
    articles, skips, rejections = _split(items)
    assert (len(articles), len(skips), len(rejections)) == (171, 0, 0)
    first = articles[0]
    assert first.id == first.url and first.url.startswith("https://en.wikinews.org/")
    assert first.date == "2019-01-04" and first.title.startswith("Magnitogorsk apartment building collapses")
    assert len({a.id for a in articles}) == 171


def test_tables_map_common_names_and_options(tmp_path, validator):
    import pyarrow as pa
    import pyarrow.parquet as pq

    (tmp_path / "export.csv").write_text(
        "Headline,Body,Published At,Link\n"
        f'"Talks","{ENGLISH}",2026-03-03T10:00:00Z,https://x.test/1\n'
        '"No text","",2026-03-03,https://x.test/2\n'
        f'"Bad date","{ENGLISH}",sometime,https://x.test/3\n', encoding="utf-8")
    (tmp_path / "gdelt.tsv").write_text(f"story_text\tseendate\n{ENGLISH}\t20260303153000\n", encoding="utf-8")
    pq.write_table(pa.table({"doc_id": ["p1", "p2"], "content": [ENGLISH, FRENCH], "pubdate": ["2026-03-01", None],
                             "site": ["Wire", None]}), tmp_path / "db.parquet")
    items = _read([tmp_path / "export.csv", tmp_path / "gdelt.tsv", tmp_path / "db.parquet"])
    _check_contract(validator, items)
    articles, _, rejections = _split(items)
    assert [(a.id, a.title, a.date) for a in articles[:1]] == [("https://x.test/1", "Talks", "2026-03-03")]
    reasons = {r.origin.split("/")[-1]: r.reason for r in rejections}
    assert reasons["export.csv:row 2"] == "empty article text"
    assert "'Published At'" in reasons["export.csv:row 3"] and "sometime" in reasons["export.csv:row 3"]
    assert "no text column" in reasons["gdelt.tsv"]
    assert [(a.id, a.date, a.source, a.language) for a in articles[1:]] == [
        ("p1", "2026-03-01", "Wire", "en"), ("p2", None, None, "fr")]
    # The column named by an option (--text-column story_text; --column date=seendate).
    [tsv] = _read([tmp_path / "gdelt.tsv"], options=ReadOptions(columns={"text": "story_text", "date": "seendate"}))
    assert isinstance(tsv, Article) and tsv.date == "2026-03-03" and tsv.id.endswith(":1")


# -- bad input --------------------------------------------------------------------------------------

def _big_single_line(path: Path, megabytes: int, prefix: bytes = b"") -> None:
    chunk = b"word " * (1 << 18)  # 1.25 MB, no newline
    with open(path, "wb") as fh:
        fh.write(prefix)
        for _ in range(int(megabytes / 1.25) + 1):
            fh.write(chunk)


def test_bad_inputs_each_have_a_reason_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ENGLISH, encoding="utf-8")
    # A truncated gzip of a text and of a JSON Lines file (the lines before the cut are kept).
    full = gzip.compress((ENGLISH * 200).encode("utf-8"))
    (tmp_path / "cut.txt.gz").write_bytes(full[: len(full) // 2])
    lines = "".join(json.dumps({"id": f"j{n}", "text": ENGLISH + f" Item {n}."}) + "\n" for n in range(4000)).encode()
    jz = gzip.compress(lines)
    (tmp_path / "cut.jsonl.gz").write_bytes(jz[: len(jz) // 2])
    (tmp_path / "notxml.rss").write_bytes(b"{\"this\": \"is json, not a feed\"}")
    (tmp_path / "nobody.html").write_bytes(b"<html><head><title>T</title></head></html>")
    (tmp_path / "undecodable.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d\x01\x02\x03\x1b" * 40)
    # 200 MB on one line, as a text file and as a JSON Lines file: rejected without being held
    # in memory (the text file by its size; the JSONL line read past in 1 MB chunks).
    _big_single_line(tmp_path / "huge.txt", 200)
    _big_single_line(tmp_path / "huge.jsonl", 200, prefix=b'{"id": "huge", "text": "')
    names = ["cut.txt.gz", "cut.jsonl.gz", "notxml.rss", "nobody.html", "undecodable.txt", "huge.txt", "huge.jsonl"]
    items = _read([tmp_path / n for n in names] + [good])
    articles, _, rejections = _split(items)
    reasons = {r.origin.replace(str(tmp_path) + "/", ""): r.reason for r in rejections}
    assert "truncated gzip" in reasons["cut.txt.gz"]
    jsonl_cut = [k for k in reasons if k.startswith("cut.jsonl.gz")]
    assert len(jsonl_cut) == 1 and "truncated gzip" in reasons[jsonl_cut[0]]
    kept = [a for a in articles if a.id.startswith("j")]
    assert 1000 < len(kept) < 4000 and "after line" in reasons[jsonl_cut[0]]
    assert reasons["notxml.rss"].startswith("not a feed")
    assert "no body" in reasons["nobody.html"]
    assert reasons["undecodable.txt"].startswith("undecodable bytes")
    assert "over the limit of 20,971,520 bytes" in reasons["huge.txt"]
    assert "over the size limit of 20,971,520 bytes" in reasons["huge.jsonl:1"]
    assert [a.origin for a in articles if not a.id.startswith("j")] == [str(good)]


def test_an_article_over_the_model_limit_is_rejected_with_the_limit(tmp_path):
    # 5 MB on one line (spaCy's E088 once stopped the whole batch): under the byte limit, over the
    # character limit, so rejected by name with the limit; the good file is read.
    huge = tmp_path / "five-mb.txt"
    huge.write_bytes(b"Talks went on. " * (5 * 1024 * 1024 // 15))
    good = tmp_path / "good.txt"
    good.write_text(ENGLISH, encoding="utf-8")
    items = _read([huge, good])
    [rejected] = [i for i in items if isinstance(i, Rejection)]
    assert rejected.origin == str(huge)
    assert "5,242," in rejected.reason and "over the limit of 2,000,000 (max_article_chars)" in rejected.reason
    assert [a.origin for a in items if isinstance(a, Article)] == [str(good)]


# -- encodings and languages ------------------------------------------------------------------------

def test_encodings_declared_or_detected(tmp_path):
    (tmp_path / "cp1252.txt").write_bytes(("Le président a déclaré : « Nous négocierons » — " + FRENCH).encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes(("\ufeff" + ENGLISH).encode("utf-16-le"))
    (tmp_path / "cp1251.txt").write_bytes(("Президент России встретился с председателем КНР в Москве во вторник. " * 3).encode("cp1251"))
    by_name = {Path(a.origin).name: a for a in _read(sorted(tmp_path.iterdir()))}
    assert by_name["cp1252.txt"].text.startswith("Le président a déclaré : « Nous négocierons » —")
    assert by_name["utf16.txt"].text == ENGLISH
    assert by_name["cp1251.txt"].text.startswith("Президент России") and by_name["cp1251.txt"].language == "ru"


def test_languages_detected_and_short_texts_left_unknown():
    assert [detect_language(t) for t in (ENGLISH, FRENCH, CHINESE, ARABIC)] == ["en", "fr", "zh", "ar"]
    # A few words tell too little: unknown (None), which the pipeline codes as English.
    assert detect_language("B text.") is None and detect_language("1234 --") is None
    assert detect_language("Xi Jinping met Vladimir Putin in Moscow.") == "en"


def test_language_scores_are_py3langids_own():
    # The detector counts its features with numpy (readers/language.py): every score must be
    # py3langid's to the bit, so every decision is the same, whatever the text: English,
    # other languages and scripts, mixed ones, upper case, a few letters, arbitrary characters.
    import random

    import numpy as np
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from accord.readers import language

    ours = language._detector()
    reference = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    rng = random.Random(16)
    texts = [ENGLISH, FRENCH, CHINESE, ARABIC, ENGLISH + " " + FRENCH, FRENCH[:80] + ENGLISH,
             ENGLISH + " " + CHINESE + " " + ARABIC, ENGLISH.upper(), "", "a", "é", "1234 --",
             "Президент России встретился с председателем КНР в Москве во вторник.",
             "Xi Jinping (习近平) met Vladimir Putin (Владимир Путин) in Moscow."]
    texts += ["".join(chr(rng.randrange(32, 0x3100)) for _ in range(rng.randrange(1, 120)))
              for _ in range(150)]
    texts += [bytes(rng.randrange(256) for _ in range(rng.randrange(1, 120))).decode("latin-1")
              for _ in range(150)]
    for text in texts:
        assert ours._decide(text).tobytes() == reference._decide(text).tobytes(), text
        assert ours.classify(text) == reference.classify(text)
    # Each byte's state is the automaton's run over the last WINDOW bytes: no state of the
    # model lies deeper than WINDOW bytes from the start (breadth first over every byte).
    moves = np.frombuffer(ours.tk_nextmove, dtype=np.dtype(ours.tk_nextmove.typecode))
    rowbase = np.asarray(ours.tk_row, dtype=np.int64) << 8
    depth = np.full(len(rowbase), -1)
    depth[0], frontier, level = 0, np.array([0]), 0
    while len(frontier):
        level += 1
        reached = np.unique(moves[(rowbase[frontier][:, None] + np.arange(256)).ravel()])
        frontier = reached[depth[reached] < 0]
        depth[frontier] = level
    assert depth.min() == 0 and depth.max() <= language.WINDOW


def test_non_english_articles_are_kept_with_their_language_and_no_records(nlp):
    from accord.pipeline import Pipeline

    articles = [Article(id=lang, text=text, date="2026-03-03", language=detect_language(text))
                for lang, text in (("fr", FRENCH), ("en", ENGLISH), ("zh", CHINESE), ("ar", ARABIC))]
    documents = list(Pipeline.default(nlp).process(articles))
    assert [d.id for d in documents] == ["fr", "en", "zh", "ar"]  # in their places in the stream
    for d in documents:
        assert d.article.language == d.id
        if d.id != "en":
            assert (d.events, d.mentions, d.quotes, d.timexes) == ([], [], [], [])
            assert [r["kind"] for r in d.records()] == ["article"]
    english = documents[1]
    assert english.events and english.mentions


# -- ids --------------------------------------------------------------------------------------------

def test_ids_never_collide_by_accident(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"{ENGLISH} ({folder})", encoding="utf-8")
        (tmp_path / folder / "batch.jsonl").write_text(json.dumps({"text": ENGLISH + folder}) + "\n", encoding="utf-8")
    a, b = tmp_path / "a" / "story.txt", tmp_path / "b" / "story.txt"
    [first], [second] = _read([a]), _read([b])
    assert first.id != second.id and first.id.startswith("story#") and second.id.startswith("story#")
    # The same file read again, by itself or through its folder, keeps its id: an update of it is
    # recognised as one (the store compares content under the same id).
    a.write_text("An edited story about the talks in Geneva.", encoding="utf-8")
    [again] = _read([a])
    via_folder = [i for i in _read([tmp_path / "a"]) if i.origin == str(a)]
    assert again.id == first.id == via_folder[0].id
    # Lines without ids in two files of the same name, and two texts on standard input.
    ja = _read([tmp_path / "a" / "batch.jsonl"])[0]
    jb = _read([tmp_path / "b" / "batch.jsonl"])[0]
    assert ja.id != jb.id
    s1 = list(read_inputs(["-"], stdin=io.BytesIO(b"One story from a pipe.")))[0]
    s2 = list(read_inputs(["-"], stdin=io.BytesIO(b"Another story from a pipe.")))[0]
    s3 = list(read_inputs(["-"], stdin=io.BytesIO(b"One story from a pipe.")))[0]
    assert s1.id != s2.id and s1.id == s3.id and s1.id.startswith("stdin#")


def test_text_jsonl_and_stdin_articles_keep_the_contract(tmp_path, validator, example_path):
    (tmp_path / "batch.jsonl").write_text(
        json.dumps({"id": "j1", "text": ENGLISH, "date": "2026-03-03", "title": "T", "url": "https://x.test/j1",
                    "source": "Wire"}) + "\n" + json.dumps({"text": FRENCH}) + "\n", encoding="utf-8")
    items = _read([example_path, tmp_path / "batch.jsonl"])
    items += list(read_inputs(["-"], stdin=io.BytesIO(CHINESE.encode("utf-8"))))
    assert [type(i).__name__ for i in items] == ["Article"] * 4
    _check_contract(validator, items)
    assert [i.language for i in items] == ["en", "en", "fr", "zh"]
