"""The store on both backends: real DuckDB files in tmp_path and real PostgreSQL databases in a
private cluster the test session starts (conftest.py: postgres_cluster); no mocks of either."""

from __future__ import annotations

import json
import os
import signal
import threading
from datetime import date
from pathlib import Path

import duckdb
import pytest

from accord.model import (
    Actor,
    Article,
    Document,
    Event,
    Mention,
    Place,
    Quote,
    Timex,
    Trigger,
    stable_id,
)
from accord.store import (
    SCHEMA_VERSION,
    IngestOutcome,
    SchemaVersionError,
    Store,
    StoreError,
    open_store,
)
from accord.store import migrations as migrations_module

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SCHEMA_PATH = SHARED / "contract" / "record.schema.json"


# ---------------------------------------------------------------------------------------------
# Hand-built documents


def span_of(text: str, words: str, start: int = 0) -> tuple[int, int]:
    at = text.index(words, start)
    return (at, at + len(words))


def actor(text: str, words: str, name: str | None, code: str, country: str | None,
          sector: str | None) -> Actor:
    return Actor(words, span_of(text, words), name, code, country, sector)


def event(article: Article, n: int, *, sentence: int, trigger: str, source: Actor | None,
          target: Actor | None, cameo: str, plover: str, quad: int, goldstein: float,
          date: str | None, precision: str | None, basis: str | None, negated: bool = False,
          modality: str = "asserted", location: Place | None = None, mode: str | None = None,
          confidence: float = 0.8) -> Event:
    text = article.text
    sentences = [s + "." for s in text.split(". ")]
    evidence = sentences[sentence].rstrip(".") + "." if sentence < len(sentences) else text
    return Event(
        id=stable_id(article.id, n, trigger), article_id=article.id, sentence=sentence,
        evidence=evidence, trigger=Trigger(trigger, span_of(text, trigger)), source=source,
        target=target, cameo=cameo, plover=plover, plover_mode=mode, quad_class=quad,
        goldstein=goldstein, date=date, date_precision=precision, date_basis=basis,
        negated=negated, modality=modality, location=location, confidence=confidence,
        explain="rule:test",
    )


def doc_call() -> Document:
    text = ("Russia's President Vladimir Putin holds a video call with Chinese President Xi "
            "Jinping in Moscow. \"Our ties are at their best,\" Putin said. Xi praised the "
            "partnership on Monday.")
    art = Article("xi-putin-call", text, date="2026-02-04", title="Xi and Putin talk",
                  url="https://example.org/xi-putin", source="Example News", origin="a.txt")
    putin = actor(text, "Russia's President Vladimir Putin", "Vladimir Putin", "RUSGOV", "RUS",
                  "GOV")
    xi = actor(text, "Chinese President Xi Jinping", "Xi Jinping", "CHNGOV", "CHN", "GOV")
    moscow = Place("Moscow", span_of(text, "Moscow"), "Moscow", "RUS", 55.75, 37.62)
    mentions = [
        Mention(art.id, putin.text, putin.span, putin, how="gazetteer"),
        Mention(art.id, xi.text, xi.span, xi, how="gazetteer"),
        Mention(art.id, "Putin", span_of(text, "Putin", 40), putin, sentence=1, how="surname"),
        Mention(art.id, "Xi", (text.index("Xi praised"), text.index("Xi praised") + 2), xi,
                sentence=2),
    ]
    timexes = [Timex(art.id, "Monday", span_of(text, "Monday"), "DATE", "2026-02-02",
                     sentence=2, rule="weekday")]
    events = [
        event(art, 0, sentence=0, trigger="holds a video call", source=putin, target=xi,
              cameo="041", plover="CONSULT", quad=1, goldstein=1.0, date="2026-02-04",
              precision="day", basis="publication", location=moscow, mode="phone",
              confidence=0.9),
        event(art, 1, sentence=2, trigger="praised", source=xi, target=putin, cameo="051",
              plover="COOPERATE", quad=1, goldstein=3.4, date="2026-02-02", precision="day",
              basis="text"),
    ]
    quotes = [Quote(stable_id(art.id, "q0"), art.id, "Our ties are at their best",
                    span_of(text, "Our ties are at their best"), putin, "said", True, sentence=1)]
    return Document(art, mentions=mentions, timexes=timexes, events=events, quotes=quotes)


def doc_front() -> Document:
    text = ("Ukrainian forces shelled positions near Donetsk in May. Rubio said the United "
            "States would not send troops. Officials alleged Russia attacked Kharkiv.")
    art = Article("front-2025", text, date="2025-06-03", title="Front line", url=None,
                  source="Wire")
    ukr = actor(text, "Ukrainian forces", None, "UKRMIL", "UKR", "MIL")
    rubio = actor(text, "Rubio", "Marco Rubio", "USAGOV", "USA", "GOV")
    rus = actor(text, "Russia", "Russia", "RUS", "RUS", None)
    donetsk = Place("Donetsk", span_of(text, "Donetsk"), "Donetsk", "UKR", 48.0, 37.8)
    mentions = [Mention(art.id, a.text, a.span, a) for a in (ukr, rubio, rus)]
    timexes = [Timex(art.id, "May", span_of(text, "May"), "DATE", "2025-05")]
    events = [
        event(art, 0, sentence=0, trigger="shelled", source=ukr, target=None, cameo="195",
              plover="ASSAULT", quad=4, goldstein=-10.0, date="2025-05", precision="month",
              basis="text", location=donetsk, confidence=0.7),
        event(art, 1, sentence=1, trigger="send troops", source=rubio, target=None,
              cameo="1042", plover="MOBILIZE", quad=3, goldstein=-2.0, date="2025-06-03",
              precision="day", basis="publication", negated=True, modality="future"),
        event(art, 2, sentence=2, trigger="attacked", source=rus, target=ukr, cameo="190",
              plover="ASSAULT", quad=4, goldstein=-10.0, date="2025", precision="year",
              basis="text", modality="alleged", confidence=0.5),
    ]
    quotes = [Quote(stable_id(art.id, "q0"), art.id, "the United States would not send troops",
                    span_of(text, "the United States would not send troops"), rubio, "said",
                    False)]
    return Document(art, mentions=mentions, timexes=timexes, events=events, quotes=quotes)


def doc_bare() -> Document:
    """An article the stages found nothing in, without a date."""
    return Document(Article("quiet", "Nothing happened today.", date=None))


def docs() -> list[Document]:
    return [doc_call(), doc_front(), doc_bare()]


def as_json_set(records) -> list[str]:
    return sorted(json.dumps(r, sort_keys=True) for r in records)


def clustered(records) -> list[dict]:
    """Records as read back: the store files every event under a happening. Checks that each
    stored event has one, and returns the records with it cleared, to compare with a document's
    own records (which have none: `accord extract` does not cluster)."""
    out = []
    for r in records:
        if r["kind"] == "event":
            assert isinstance(r["happening"], str) and r["happening"], r
            r = {**r, "happening": None}
        out.append(r)
    return out


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "nested" / "dir" / "accord.duckdb"


BACKENDS = ["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def new_target(request, tmp_path: Path):
    """Makes empty stores' targets of one backend: DuckDB files, or PostgreSQL databases."""
    if request.param == "duckdb":
        return lambda name="accord": str(tmp_path / "nested" / "dir" / f"{name}.duckdb")
    cluster = request.getfixturevalue("postgres_cluster")
    made = iter(range(100))
    base = request.getfixturevalue("pg_url").rsplit("/", 1)[1]
    return lambda name="accord": cluster.create_database(f"{base}_{name}_{next(made)}")


@pytest.fixture
def target(new_target) -> str:
    return new_target()


def rows(s: Store, sql: str, params=None) -> list[tuple]:
    return s._rows(sql, params)


def constraint_error(s: Store) -> type[Exception]:
    if s.backend == "duckdb":
        return duckdb.ConstraintException
    import psycopg

    return psycopg.errors.UniqueViolation


@pytest.fixture
def store(target: str):
    with open_store(target) as s:
        for d in docs():
            assert s.ingest(d).status == "stored"
        yield s


def ids(records) -> list[str]:
    return [r["id"] for r in records]


def article_ids(s: Store) -> list[str]:
    return [r[0] for r in rows(s, "SELECT id FROM articles ORDER BY id")]


def event_id(document: Document, n: int) -> str:
    return document.events[n].id


# ---------------------------------------------------------------------------------------------
# Opening, schema, migrations


def test_open_creates_parents_and_schema(db_path: Path) -> None:
    assert not db_path.parent.exists()
    with open_store(db_path) as s:
        assert isinstance(s, Store)
        assert s.schema_version() == SCHEMA_VERSION == 9
        assert s.counts() == dict.fromkeys(
            ("articles", "events", "quotes", "timexes", "mentions", "actors", "happenings"), 0)
    assert db_path.is_file()
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (
            "9",)
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        assert {"articles", "events", "actors", "quotes", "timexes", "mentions", "meta"} <= tables
    finally:
        con.close()


def test_reopening_keeps_data(target: str) -> None:
    with open_store(target) as s:
        for d in docs():
            s.ingest(d)
        before = s.counts()
    with open_store(target) as s:
        assert s.counts() == before
        assert s.schema_version() == SCHEMA_VERSION
        assert s.ingest(doc_call()).status == "duplicate"
        assert as_json_set(clustered(s.article_records("xi-putin-call"))) == as_json_set(
            doc_call().records())


def test_newer_schema_gives_clear_error(target: str) -> None:
    with open_store(target) as s, s.transaction():
        s._execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(SchemaVersionError, match=r"schema version 99, newer .*upgrade Accord"):
        open_store(target)


def test_older_schema_is_migrated_on_open(target: str, monkeypatch) -> None:
    # A database written by a version of Accord that knew only schema 1 ...
    shipped = {b: migrations_module.migrations(b) for b in migrations_module.BACKENDS}
    with monkeypatch.context() as m:
        m.setattr(migrations_module, "migrations", lambda backend="duckdb": shipped[backend][:1])
        with open_store(target) as s, s.transaction():
            s._execute(
                "INSERT INTO articles VALUES ('old', 'h', '2020-01-01', NULL, NULL, NULL, 'Old text.',"
                " TIMESTAMP '2020-01-02 00:00:00', TIMESTAMP '2020-01-02 00:00:00')")
        with open_store(target) as s:
            assert s.schema_version() == 1
    # ... is refused read-only, and brought to the current schema, data kept, when opened to write.
    with pytest.raises(SchemaVersionError, match="needs migrating"):
        open_store(target, read_only=True)
    with open_store(target) as s:
        assert s.schema_version() == SCHEMA_VERSION
        [article] = s.article_records("old")
        assert article["text"] == "Old text." and article["language"] is None
        assert article["duplicate_of"] is None
        assert s.ingest(doc_call()).status == "stored"
        assert as_json_set(clustered(s.article_records("xi-putin-call"))) == as_json_set(
            doc_call().records())


def test_foreign_duckdb_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE sales (id INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not an Accord database"):
        open_store(path)


def test_duckdb_checkpoint_threshold_is_set_and_configurable(db_path: Path, monkeypatch) -> None:
    from accord.store import duckdb as duckdb_store

    def threshold() -> str:
        with open_store(db_path) as s:
            return s._query("SELECT current_setting('checkpoint_threshold')")[0][0]

    default = threshold()
    probe = duckdb.connect()
    probe.execute(f"SET checkpoint_threshold = '{duckdb_store.CHECKPOINT_THRESHOLD}'")
    assert default == probe.execute("SELECT current_setting('checkpoint_threshold')").fetchone()[0]
    monkeypatch.setenv("ACCORD_DUCKDB_CHECKPOINT", "3MB")
    probe.execute("SET checkpoint_threshold = '3MB'")
    assert threshold() == probe.execute("SELECT current_setting('checkpoint_threshold')").fetchone()[0]
    assert threshold() != default
    monkeypatch.setenv("ACCORD_DUCKDB_CHECKPOINT", "lots")
    with pytest.raises(StoreError, match="duckdb_checkpoint_threshold"):
        open_store(db_path)


def test_commits_only_in_the_write_ahead_log_survive_kill_9(db_path: Path) -> None:
    """A writer killed (SIGKILL) after its commits, none checkpointed into the file yet (the
    threshold far above what it wrote): reopening replays the log and keeps every commit."""
    import subprocess
    import sys

    script = (
        "import os, signal, sys\n"
        "sys.path.insert(0, sys.argv[2])\n"
        "from test_store import docs\n"
        "from accord.store import open_store\n"
        "s = open_store(sys.argv[1])\n"
        "for d in docs():\n"
        "    s.ingest(d)\n"
        "assert os.path.getsize(sys.argv[1] + '.wal') > 0\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    env = dict(os.environ, ACCORD_DUCKDB_CHECKPOINT="1GB")
    proc = subprocess.run([sys.executable, "-c", script, str(db_path), str(Path(__file__).parent)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    with open_store(db_path) as s:
        assert sorted(article_ids(s)) == sorted(d.article.id for d in docs())
        assert s.counts()["events"] == sum(len(d.events) for d in docs())


def test_read_only_store_reads_but_cannot_write(target: str) -> None:
    with open_store(target) as s:
        s.ingest(doc_call())
    with open_store(target, read_only=True) as s:
        assert s.counts()["events"] == 2
        with pytest.raises(StoreError, match="read-only"):
            s.ingest(doc_front())


def test_closed_store_raises(target: str) -> None:
    s = open_store(target)
    s.close()
    s.close()  # idempotent
    with pytest.raises(StoreError, match="closed"):
        s.counts()


# ---------------------------------------------------------------------------------------------
# Ingest


def test_ingest_stored_then_duplicate(target: str) -> None:
    with open_store(target) as s:
        outcome = s.ingest(doc_call())
        assert outcome == IngestOutcome("stored", "xi-putin-call")
        counts = s.counts()
        assert counts == {"articles": 1, "events": 2, "quotes": 1, "timexes": 1, "mentions": 4,
                          "actors": 2, "happenings": 2}
        stamp = rows(s, "SELECT updated_at FROM articles")
        again = s.ingest(doc_call())
        assert again.status == "duplicate" and again.article_id == "xi-putin-call"
        assert again.duplicate_of is None
        assert s.counts() == counts
        assert rows(s, "SELECT updated_at FROM articles") == stamp


def test_articles_stored_unchanged_are_told_before_coding(target: str) -> None:
    # `unchanged` lets a re-run skip the parse of what is stored as it is; the store still
    # decides when it writes: a duplicate, or, if the stored article changed meanwhile, an error
    # for that article (an uncoded document is never stored as if it were coded).
    with open_store(target) as s:
        s.ingest(doc_call())
        counts = s.counts()
        changed = doc_front().article
        changed.id = "xi-putin-call"
        assert s.unchanged([doc_call().article, changed, doc_bare().article]) == [True, False, False]
        assert s.unchanged([]) == []
        skipped = Document(Article("xi-putin-call", doc_call().article.text, doc_call().article.date,
                                   doc_call().article.title, duplicate_of="xi-putin-call"))
        assert s.ingest(skipped) == IngestOutcome("duplicate", "xi-putin-call")
        assert s.counts() == counts
        stale = Document(Article("xi-putin-call", "Another text altogether, changed since.",
                                 "2026-02-05", duplicate_of="xi-putin-call"))
        with pytest.raises(ValueError, match="stored unchanged, but the stored article changed"):
            s.ingest(stale)
        gone = Document(Article("never-stored", "A text that was never stored here at all.",
                                "2026-02-05", duplicate_of="never-stored"))
        with pytest.raises(ValueError, match="stored unchanged, but the stored article changed"):
            s.ingest(gone)
        assert s.counts() == counts


def test_same_content_under_another_id_is_duplicate(target: str) -> None:
    with open_store(target) as s:
        s.ingest(doc_call())
        copy = doc_call()
        copy.article.id = "xi-putin-call-copy"  # same text, date, title: same content hash
        for item in (*copy.mentions, *copy.timexes, *copy.events, *copy.quotes):
            item.article_id = copy.article.id
        outcome = s.ingest(copy)
        assert outcome == IngestOutcome("duplicate", "xi-putin-call-copy",
                                        duplicate_of="xi-putin-call")
        assert s.counts()["articles"] == 1
        assert s.article_records("xi-putin-call-copy") == []


def test_changed_text_same_id_is_updated_in_place(target: str) -> None:
    with open_store(target) as s:
        s.ingest(doc_call())
        s.ingest(doc_front())
        first_ingested = rows(s, "SELECT ingested_at FROM articles WHERE id = 'xi-putin-call'")
        old_ids = {e.id for e in doc_call().events}

        text = "Xi Jinping criticized Vladimir Putin on Tuesday."
        art = Article("xi-putin-call", text, date="2026-02-04", title="Xi and Putin talk")
        xi = actor(text, "Xi Jinping", "Xi Jinping", "CHNGOV", "CHN", "GOV")
        putin = actor(text, "Vladimir Putin", "Vladimir Putin", "RUSGOV", "RUS", "GOV")
        new = Document(
            art,
            mentions=[Mention(art.id, xi.text, xi.span, xi)],
            events=[event(art, 0, sentence=0, trigger="criticized", source=xi, target=putin,
                          cameo="111", plover="DISAPPROVE", quad=3, goldstein=-2.0,
                          date="2026-02-03", precision="day", basis="text")],
        )
        outcome = s.ingest(new)
        assert outcome == IngestOutcome("updated", "xi-putin-call")
        assert s.counts() == {"articles": 2, "events": 4, "quotes": 1, "timexes": 1,
                              "mentions": 4, "actors": 5, "happenings": 4}
        assert as_json_set(clustered(s.article_records("xi-putin-call"))) == as_json_set(
            [r if r["kind"] != "event" else {**r, "happening": None} for r in new.records()])
        stored_events = rows(s, "SELECT id FROM events")
        assert not old_ids & {r[0] for r in stored_events}
        assert rows(s, "SELECT count(*) FROM quotes WHERE speaker_name = 'Vladimir Putin'") == [(0,)]
        assert rows(s, "SELECT ingested_at FROM articles WHERE id = 'xi-putin-call'") == (
            first_ingested)
        # The other article is untouched.
        assert as_json_set(clustered(s.article_records("front-2025"))) == as_json_set(
            doc_front().records())
        # Re-coding back to the original content is another update, and then a duplicate.
        assert s.ingest(doc_call()).status == "updated"
        assert s.ingest(doc_call()).status == "duplicate"


def test_update_prunes_actors_no_longer_referenced(target: str) -> None:
    with open_store(target) as s:
        s.ingest(doc_front())
        names = lambda: sorted(r[0] or "" for r in rows(s, "SELECT name FROM actors"))  # noqa: E731
        assert names() == ["", "Marco Rubio", "Russia"]
        smaller = doc_front()
        smaller.article.title = "Front line (corrected)"
        smaller.events = smaller.events[:1]
        smaller.quotes = []
        smaller.mentions = smaller.mentions[:1]
        assert s.ingest(smaller).status == "updated"
        assert names() == [""]  # only the unnamed UKRMIL group is still referenced


def test_round_trip_equals_document_records(store: Store) -> None:
    for d in docs():
        got = clustered(store.article_records(d.id))
        assert as_json_set(got) == as_json_set(d.records())
        assert got == list(d.records())  # order is kept too
    assert store.article_records("no-such-article") == []


def test_failure_mid_ingest_leaves_nothing_behind(target: str, monkeypatch) -> None:
    with open_store(target) as s:
        s.ingest(doc_front())
        before = s.counts()

        def boom(self, documents):
            # By now the article row, mentions, timexes and events are written.
            assert rows(self, "SELECT count(*) FROM articles WHERE id = ?",
                        [documents[0].id]) == [(1,)]
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(Store, "_insert_quotes", boom)
        with pytest.raises(RuntimeError, match="disk on fire"):
            s.ingest(doc_call())
        assert s.counts() == before
        assert s.article_records("xi-putin-call") == []
        monkeypatch.undo()
        # The store is usable afterwards and the article goes in cleanly.
        assert s.ingest(doc_call()).status == "stored"
    with open_store(target) as s:
        assert s.counts()["articles"] == 2


def test_failed_update_keeps_the_old_version(target: str, monkeypatch) -> None:
    with open_store(target) as s:
        s.ingest(doc_call())
        before = s.article_records("xi-putin-call")
        changed = doc_call()
        changed.article.title = "Retitled"

        def boom(self, documents):
            raise RuntimeError("stage bug")

        monkeypatch.setattr(Store, "_insert_events", boom)
        with pytest.raises(RuntimeError):
            s.ingest(changed)
        assert s.article_records("xi-putin-call") == before


def test_constraint_violation_rolls_back(target: str) -> None:
    with open_store(target) as s:
        bad = doc_call()
        bad.events[1].id = bad.events[0].id  # two events with one id
        with pytest.raises(constraint_error(s)):
            s.ingest(bad)
        assert s.counts()["articles"] == 0
        assert s.ingest(doc_call()).status == "stored"


def test_records_of_another_article_are_refused(target: str) -> None:
    with open_store(target) as s:
        bad = doc_call()
        bad.events[0].article_id = "someone-else"
        with pytest.raises(ValueError, match="someone-else"):
            s.ingest(bad)
        assert s.counts()["articles"] == 0


_FILLER = ("river stone lantern orchard harbor meadow violin copper thunder saddle glacier "
           "parcel willow tunnel ember quartz falcon basket marble cedar pilot canyon velvet "
           "anchor ribbon summit walnut beacon cobalt prairie").split()


def front_variant(i: int) -> Document:
    """doc_front under another id with distinct content (same spans): a closing sentence of its
    own, long enough that it is not a near-copy of the other variants."""
    d = doc_front()
    d.article.id = f"front-{i}"
    words = [_FILLER[(i * 7 + j * (i + 3)) % len(_FILLER)] + str(i) for j in range(40)]
    d.article.text = d.article.text + " " + " ".join(words) + "."
    for item in (*d.mentions, *d.timexes, *d.events, *d.quotes):
        item.article_id = d.article.id
    for j, e in enumerate(d.events):
        e.id = stable_id(d.article.id, j)
    for j, q in enumerate(d.quotes):
        q.id = stable_id(d.article.id, "q", j)
    return d


def test_many_documents(target: str) -> None:
    n = 50
    with open_store(target) as s:
        for i in range(n):
            assert s.ingest(front_variant(i)).status == "stored"
        assert s.counts() == {"articles": n, "events": 3 * n, "quotes": n, "timexes": n,
                              "mentions": 3 * n, "actors": 3, "happenings": 3}


@pytest.mark.parametrize("background", [False, True], ids=["inline", "background"])
def test_ingest_many_matches_sequential_ingest(new_target, background: bool) -> None:
    def stream() -> list[Document]:
        changed = doc_front()
        changed.article.title = "Front line, updated"
        changed.events = changed.events[1:]
        copy = doc_call()
        copy.article.id = "copy-of-call"
        for item in (*copy.mentions, *copy.timexes, *copy.events, *copy.quotes):
            item.article_id = copy.article.id
        return [doc_call(), doc_front(), doc_call(), changed, copy, doc_bare(),
                *(front_variant(i) for i in range(7))]

    expected = [("stored", None), ("stored", None), ("duplicate", None), ("updated", None),
                ("duplicate", "xi-putin-call"), ("stored", None), *[("stored", None)] * 7]
    with open_store(new_target("one")) as one, open_store(new_target("many")) as many:
        singly = [one.ingest(d) for d in stream()]
        batched = list(many.ingest_many(stream(), batch_size=4, background=background))
        assert batched == singly
        assert [(o.status, o.duplicate_of) for o in batched] == expected
        assert many.counts() == one.counts()
        for (article_id,) in rows(one, "SELECT id FROM articles"):
            assert many.article_records(article_id) == one.article_records(article_id)
        # A second pass (front flips back to the original, and so on) also agrees.
        assert list(many.ingest_many(stream(), batch_size=4, background=background)) == [
            one.ingest(d) for d in stream()]
        assert many.counts() == one.counts()


def test_ingest_many_sees_an_update_free_the_old_content(new_target) -> None:
    """Within one group: X is re-coded, then another id arrives with X's old content. One by
    one, the old content is no longer stored when it arrives, so it is not a duplicate (it is a
    near-copy of X's new version, whose text is the same), and the group decides alike."""
    def stream() -> list[Document]:
        changed = doc_call()
        changed.article.title = "Retitled"
        copy = doc_call()
        copy.article.id = "copy-of-call"
        for item in (*copy.mentions, *copy.timexes, *copy.events, *copy.quotes):
            item.article_id = copy.article.id
        for j, e in enumerate(copy.events):
            e.id = stable_id(copy.article.id, j)
        for j, q in enumerate(copy.quotes):
            q.id = stable_id(copy.article.id, "q", j)
        return [changed, copy]

    with open_store(new_target("one")) as one, open_store(new_target("many")) as many:
        assert one.ingest(doc_call()).status == many.ingest(doc_call()).status == "stored"
        singly = [one.ingest(d) for d in stream()]
        # The second id holds the same text as the stored (re-titled) article: a near-copy of
        # it, stored without records and linked to it.
        assert [(o.status, o.duplicate_of) for o in singly] == [("updated", None),
                                                                ("copy", "xi-putin-call")]
        assert list(many.ingest_many(stream())) == singly
        assert many.counts() == one.counts()


@pytest.mark.parametrize("background", [False, True], ids=["inline", "background"])
def test_ingest_many_isolates_a_failing_article(target: str, background: bool) -> None:
    docs_in = [front_variant(i) for i in range(5)]
    docs_in[2].events[1].id = docs_in[2].events[0].id  # violates the events primary key
    outcomes = []
    with open_store(target) as s:
        with pytest.raises(constraint_error(s)):
            for outcome in s.ingest_many(docs_in, batch_size=10, background=background):
                outcomes.append(outcome)
        # As a loop over ingest() would: the two before are stored, the bad one and the rest not.
        assert [o.article_id for o in outcomes] == ["front-0", "front-1"]
        assert article_ids(s) == ["front-0", "front-1"]
        assert s.counts()["events"] == 6
        assert [o.status for o in s.ingest_many(docs_in[3:])] == ["stored", "stored"]


@pytest.mark.parametrize("background", [False, True], ids=["inline", "background"])
def test_ingest_many_on_error_skips_the_bad_article_and_goes_on(target: str, background: bool) -> None:
    docs_in = [front_variant(i) for i in range(5)]
    docs_in[1].events[1].id = docs_in[1].events[0].id
    docs_in[3].quotes[0].article_id = "elsewhere"  # refused before any SQL runs
    rejected: list[tuple[str, str]] = []

    def reject(document: Document, exc: Exception) -> None:
        rejected.append((document.id, type(exc)))

    with open_store(target) as s:
        outcomes = list(s.ingest_many(docs_in, batch_size=3, on_error=reject, background=background))
        assert [o.article_id for o in outcomes] == ["front-0", "front-2", "front-4"]
        assert rejected == [("front-1", constraint_error(s)), ("front-3", ValueError)]
        assert article_ids(s) == ["front-0", "front-2", "front-4"]


def test_ctrl_c_inside_a_database_call_stops_ingest_many(target: str, monkeypatch) -> None:
    """DuckDB reports a Ctrl-C it notices mid-query as an error of its own: that must stop the
    run like any Ctrl-C, not count as a bad article to retry singly or reject."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)  # test runners may ignore it
    rejected: list[str] = []
    try:
        with open_store(target) as s:
            # As `accord ingest --workers N` writes: DuckDB on one thread, this one, which looks
            # for the signal between pieces of the statement. With a pool of threads, the one
            # scanning may be another, and the signal is then noticed only when the whole
            # statement is done (here a minute or more), still as DuckDB's error.
            s.write_alone()
            long_statement = ("SELECT count(*) FROM range(100000000000)" if s.backend == "duckdb"
                              else "SELECT pg_sleep(60)")
            real_lock = s._lock_for_writing

            def slow_lock() -> None:
                real_lock()
                timer = threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT))
                timer.start()
                s._rows(long_statement)

            monkeypatch.setattr(s, "_lock_for_writing", slow_lock)
            with pytest.raises(KeyboardInterrupt) as stopped:
                list(s.ingest_many([front_variant(i) for i in range(3)], batch_size=2,
                                   on_error=lambda d, exc: rejected.append(d.id)))
            monkeypatch.undo()
            if s.backend == "duckdb":  # the signal came back as DuckDB's error, mid-statement
                assert s._is_interruption(stopped.value.__cause__), repr(stopped.value.__cause__)
            assert rejected == []
            assert article_ids(s) == []  # the open group was rolled back
            assert [o.status for o in s.ingest_many([front_variant(0)])] == ["stored"]
    finally:
        signal.signal(signal.SIGINT, previous)


def test_ctrl_c_noticed_during_commit_stops_ingest_many(target: str, monkeypatch) -> None:
    """A Ctrl-C that the database notices while it commits is reported as its error too: the run
    stops (what was committed stays), the group is not retried article by article."""
    rejected: list[str] = []
    with open_store(target) as s:
        real_commit = s._commit
        interruption = (duckdb.InterruptException("INTERRUPT Error: Interrupted!")
                        if s.backend == "duckdb" else None)
        if interruption is None:
            pytest.skip("only DuckDB reports a Ctrl-C as an error of its own")

        def commit_then_interrupted() -> None:
            real_commit()
            raise interruption

        monkeypatch.setattr(s, "_commit", commit_then_interrupted)
        with pytest.raises(KeyboardInterrupt):
            list(s.ingest_many([front_variant(i) for i in range(3)], batch_size=2,
                               on_error=lambda d, exc: rejected.append(d.id)))
        monkeypatch.undo()
        assert rejected == []
        # A re-run finds the committed group and stores the rest.
        assert [o.status for o in s.ingest_many([front_variant(i) for i in range(3)])] == [
            "duplicate", "duplicate", "stored"]


@pytest.mark.parametrize("background", [False, True], ids=["inline", "background"])
def test_ingest_many_stores_the_open_group_when_the_source_fails(target: str, background: bool) -> None:
    def source():
        yield front_variant(0)
        yield front_variant(1)
        raise OSError("unreadable file")

    outcomes = []
    with open_store(target) as s:
        with pytest.raises(OSError):
            for outcome in s.ingest_many(source(), background=background):
                outcomes.append(outcome)
        assert [o.status for o in outcomes] == ["stored", "stored"]
        assert s.counts()["articles"] == 2


def test_background_writer_hands_the_store_back(target: str) -> None:
    """`ingest_many(background=True)`: while a thread writes, the caller reads through a
    connection of its own (committed groups only); a caller that stops early leaves the group
    being written to finish, and the store is its own again, to read and write."""
    with open_store(target) as s:
        seen = []

        def stream():
            for i in range(6):
                seen.append(s.counts()["articles"])  # the caller's read, mid-run
                yield front_variant(i)

        run = s.ingest_many(stream(), batch_size=2, background=True)
        first = next(run)
        assert first.status == "stored"
        run.close()  # the caller stops early
        stored = s.counts()["articles"]
        assert 2 <= stored <= 6 and seen[0] == 0
        assert s._owner == threading.get_ident()
        assert [o.status for o in s.ingest_many([front_variant(i) for i in range(6)])].count(
            "stored") == 6 - stored
        with s.transaction():
            s._execute("DELETE FROM happening_keys WHERE 1 = 0")


# ---------------------------------------------------------------------------------------------
# Reading back (filtered queries are the service's: tests/test_service.py)


def test_counts(store: Store) -> None:
    assert store.counts() == {"articles": 3, "events": 5, "quotes": 2, "timexes": 2,
                              "mentions": 7, "actors": 5, "happenings": 5}


def test_records_match_contract_schema(store: Store) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA_PATH.is_file():
        pytest.skip(f"contract schema not found at {SCHEMA_PATH} (../shared missing)")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    records = []
    for d in docs():
        records.extend(store.article_records(d.id))
    assert {r["kind"] for r in records} == {"article", "event", "quote", "timex", "mention"}
    for record in records:
        errors = [e.message for e in validator.iter_errors(record)]
        assert not errors, (record, errors)


# ---------------------------------------------------------------------------------------------
# The interface: query, query_arrow, transaction, delete_article; the two backends side by side


def test_query_and_query_arrow_take_portable_sql(store: Store) -> None:
    got = store.query(
        "SELECT cameo, count(*) AS n, sum(goldstein) AS total FROM events WHERE negated = ? "
        "AND lower(source_name) LIKE lower(?) GROUP BY cameo ORDER BY cameo", [False, "%PUTIN%"])
    assert got == [{"cameo": "041", "n": 1, "total": 1.0}]
    # A literal percent sign and a question mark inside a string are not placeholders.
    assert store.query("SELECT '100%' AS a, 'why?' AS b, ? AS c", ["x"]) == [
        {"a": "100%", "b": "why?", "c": "x"}]
    table = store.query_arrow(
        "SELECT id, seq, goldstein, negated, date_start, cameo FROM events ORDER BY id")
    assert table.num_rows == 5
    assert [str(t) for t in table.schema.types] == [
        "string", "int32", "double", "bool", "date32[day]", "string"]
    assert table.column("id").to_pylist() == sorted(r[0] for r in rows(store, "SELECT id FROM events"))
    empty = store.query_arrow("SELECT id, seq FROM events WHERE cameo = ?", ["999"])
    assert empty.num_rows == 0 and empty.column_names == ["id", "seq"]


def test_transaction_commits_or_rolls_back(store: Store) -> None:
    with store.transaction():
        store._execute("DELETE FROM quotes WHERE article_id = ?", ["front-2025"])
    assert store.counts()["quotes"] == 1
    with pytest.raises(RuntimeError):
        with store.transaction():
            store._execute("DELETE FROM events")
            raise RuntimeError("changed my mind")
    assert store.counts()["events"] == 5
    with pytest.raises(StoreError, match="already open"):
        with store.transaction(), store.transaction():
            pass


def test_delete_article(store: Store) -> None:
    assert store.delete_article("front-2025") == {"deleted": "front-2025", "needs_coding": None,
                                                  "copies": []}
    assert store.article_records("front-2025") == []
    assert store.counts() == {"articles": 2, "events": 2, "quotes": 1, "timexes": 1,
                              "mentions": 4, "actors": 2, "happenings": 2}
    assert store.delete_article("front-2025") is None
    assert store.ingest(doc_front()).status == "stored"


def test_both_backends_have_the_same_migrations_and_schema(postgres_cluster, tmp_path) -> None:
    names = {b: [m.name for m in migrations_module.migrations(b)] for b in migrations_module.BACKENDS}
    assert names["duckdb"] == names["postgres"]
    columns_sql = ("SELECT table_name, column_name, data_type FROM information_schema.columns "
                   "WHERE table_schema = ? ORDER BY table_name, ordinal_position")
    with open_store(tmp_path / "a.duckdb") as duck:
        duck_columns = rows(duck, columns_sql, ["main"])
    with open_store(postgres_cluster.create_database("schema_twins")) as pg:
        pg_columns = rows(pg, columns_sql, ["public"])
    same_type = {"CHARACTER VARYING": "VARCHAR", "DOUBLE PRECISION": "DOUBLE",
                 "TIMESTAMP WITHOUT TIME ZONE": "TIMESTAMP", "BYTEA": "BLOB"}
    assert [(t, c) for t, c, _ in duck_columns] == [(t, c) for t, c, _ in pg_columns]
    assert [d.upper() for _, _, d in duck_columns] == [
        same_type.get(d.upper(), d.upper()) for _, _, d in pg_columns]


def test_a_migration_left_in_the_old_place_is_refused(monkeypatch, tmp_path) -> None:
    from importlib import resources

    store_dir = Path(str(resources.files("accord.store")))
    stray = store_dir / "0099_left_behind.sql"
    stray.write_text("-- nothing\n", encoding="utf-8")
    try:
        migrations_module.migrations.cache_clear()
        with pytest.raises(StoreError, match="belong in store/migrations"):
            migrations_module.migrations("duckdb")
    finally:
        stray.unlink()
        migrations_module.migrations.cache_clear()


@pytest.mark.postgres
def test_foreign_postgres_database_is_refused(postgres_cluster) -> None:
    import psycopg

    url = postgres_cluster.create_database("someone_elses")
    with psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE TABLE sales (id INTEGER)")
    with pytest.raises(StoreError, match="not an Accord database"):
        open_store(url)


@pytest.mark.postgres
def test_postgres_errors_name_the_database_without_its_password(postgres_cluster) -> None:
    url = f"postgresql://accord:s3cret@127.0.0.1:{postgres_cluster.port}/no_such_db"
    with pytest.raises(StoreError) as caught:
        open_store(url)
    assert "no_such_db" in str(caught.value) and "s3cret" not in str(caught.value)


def test_placeholders_become_psycopg_parameters() -> None:
    from accord.store.postgres import to_pyformat

    assert to_pyformat("SELECT * FROM t WHERE a = ? AND b LIKE '50%?' -- why?\nAND c = ?") == (
        "SELECT * FROM t WHERE a = %s AND b LIKE '50%%?' -- why?\nAND c = %s")
    assert to_pyformat("SELECT 'it''s ?', \"odd?name\" FROM t WHERE x % 2 = ?") == (
        "SELECT 'it''s ?', \"odd?name\" FROM t WHERE x %% 2 = %s")


def test_other_threads_read_through_their_own_connections(store: Store) -> None:
    from concurrent.futures import ThreadPoolExecutor

    sql = "SELECT count(*) AS n FROM events WHERE article_id = ?"
    with ThreadPoolExecutor(4) as pool:
        counts = list(pool.map(lambda aid: store.query(sql, [aid])[0]["n"],
                               ["xi-putin-call", "front-2025", "quiet"] * 10))
    assert counts == [2, 3, 0] * 10
    # A transaction open in this thread is not seen by the others until it commits.
    with store.transaction():
        store._execute("DELETE FROM events")
        with ThreadPoolExecutor(1) as pool:
            assert pool.submit(store.query, "SELECT count(*) AS n FROM events").result() == [
                {"n": 5}]
        assert store.query("SELECT count(*) AS n FROM events") == [{"n": 0}]
