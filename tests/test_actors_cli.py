"""`accord actors ...` run as a subprocess, and the user actor files and PETRARCH reader behind it.

Every command gets its own ACCORD_CONFIG and ACCORD_ACTOR_DIR, so the developer's own config
and installed actor files are never used. Each sub-command runs as a subprocess at least once
(its wiring: exit codes, output); what it answers for other texts, dates and files is checked on
the same command run in this process (`invoke`), which spares a model load per question.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.cli

ACCORD = [sys.executable, "-m", "accord.cli.main"]

JANE = textwrap.dedent("""\
    - id: jane-example
      name: Jane Example
      country: TUV
      offices:
        - {role: head_of_government, start: 2030-01-01, end: null}
    """)

BAD = textwrap.dedent("""\
    - id: bad-example
      name: Bad Example
      country: TUV
      offices:
        - {role: head_of_government, start: 2030-01-01, end: 2029-06-01}
    """)

DICTIONARY = textwrap.dedent("""\
    # A small PETRARCH-format actor dictionary (fictional people).
    NEWLANDIA_  [NZL]
    +NEWLANDIAN_
    ZORBA_QEXAMPLE_   # a fictional minister
    +ZORBA_Q._QEXAMPLE_
    +QEXAMPLE_
    \t[NZLELI 900101-170120]
    \t[NZLGOV 170120-210120]
    \t[NZLELI]
    ACME_LIBERATION_FRONT_ [NZLREB]   # an organisation: undated codes only
    HANNA_VOLTEXAMPLE_ [USAGOV >20300101] [USAELI <20300101] [---]
    KURT_IGOEXAMPLE_
    \t[IGOUNO 970101-061231]
    \t[ELI]
    """)


@pytest.fixture
def env(tmp_path):
    e = dict(os.environ)
    e["ACCORD_CONFIG"] = str(tmp_path / "config.toml")  # does not exist unless a test writes it
    e["ACCORD_ACTOR_DIR"] = str(tmp_path / "actors")
    e["COLUMNS"] = "200"
    e.pop("ACCORD_DB", None)
    return e


def run(args, env):
    return subprocess.run(ACCORD + [str(a) for a in args], capture_output=True, env=env, timeout=300)


def invoke(args, env):
    """`run` in this process (typer's CliRunner), with the same configuration and actor folder."""
    from typer.testing import CliRunner

    from accord.cli.main import app

    mine = {k: env[k] for k in ("ACCORD_CONFIG", "ACCORD_ACTOR_DIR", "COLUMNS")}
    result = CliRunner().invoke(app, [str(a) for a in args], env={**mine, "ACCORD_DB": None},
                                catch_exceptions=False)
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout_bytes, result.stderr_bytes)


def resolve(text, date, env, process=invoke):
    proc = process(["actors", "resolve", text, "--date", date, "--json"], env)
    assert proc.returncode == 0, proc.stderr.decode()
    return json.loads(proc.stdout)


# ------------------------------------------------------------------------------ resolve
@pytest.mark.parametrize("text, date, name, code", [
    ("the US president", "2019-06-01", "Donald Trump", "USAGOV"),
    ("the US president", "2022-06-01", "Joe Biden", "USAGOV"),
    ("the Chinese president", "2026-02-04", "Xi Jinping", "CHNGOV"),
    ("Russia's security chief", "2026-02-04", "Sergei Shoigu", None),
])
def test_resolve_role_phrases_to_the_holder_on_the_date(text, date, name, code, env):
    got = resolve(text, date, env)
    for key in ("text", "name", "code", "country", "sector", "role", "how", "office", "date"):
        assert key in got
    assert got["name"] == name
    if code:
        assert got["code"] == code
    assert got["how"] == "role"
    assert got["date"] == date and got["text"] == text
    office = got["office"]
    assert office is not None and office["start"] <= date and (office["end"] is None or date < office["end"])


def test_resolve_an_organisation(env):
    got = resolve("NATO", "2026-02-04", env)
    assert got["code"].startswith("IGO")
    assert got["country"] is None
    assert got["name"] == "NATO"
    assert got["office"] is None


def test_resolve_shows_how_in_the_table(env):
    # In this process: `actors resolve` as a process is the test below.
    proc = invoke(["actors", "resolve", "the US president", "--date", "2019-06-01"], env)
    assert proc.returncode == 0, proc.stderr.decode()
    text = proc.stdout.decode()
    assert "Donald Trump (USAGOV)" in text
    assert "2017-01-20" in text and "2021-01-20" in text
    assert "role" in text


def test_resolve_without_an_actor_exits_1(env):
    proc = run(["actors", "resolve", "the weather was fine", "--date", "2020-01-01", "--json"], env)
    assert proc.returncode == 1
    got = json.loads(proc.stdout)
    assert got["name"] is None and got["code"] is None and got["text"] == "the weather was fine"
    assert "no actor found" in proc.stderr.decode()


def test_resolve_an_impossible_date_is_a_usage_error(env):
    proc = invoke(["actors", "resolve", "the US president", "--date", "2021-02-30"], env)
    assert proc.returncode == 2
    assert "2021-02-30" in proc.stderr.decode()


# --------------------------------------------------------------------------------- list
def test_list_who_holds_office_in_a_country(env):
    proc = run(["actors", "list", "--country", "GBR", "--date", "2025-01-01", "--format", "jsonl"], env)
    assert proc.returncode == 0, proc.stderr.decode()
    rows = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    starmer = [r for r in rows if r["name"] == "Keir Starmer"]
    assert starmer and starmer[0]["role"] == "head_of_government" and starmer[0]["code"] == "GBRGOV"
    assert {r["country"] for r in rows} == {"GBR"}
    assert not any(r["name"] == "Rishi Sunak" for r in rows)  # left office in July 2024
    for r in rows:
        assert {"country", "role", "title", "name", "code", "start", "end"} <= set(r)

    table = invoke(["actors", "list", "--country", "GBR", "--date", "2025-01-01"], env)
    assert table.returncode == 0 and "Keir Starmer" in table.stdout.decode()
    csv_out = invoke(["actors", "list", "--country", "United Kingdom", "--date", "2025-01-01", "--role",
                   "prime minister", "--format", "csv"], env)
    assert csv_out.returncode == 0, csv_out.stderr.decode()
    lines = csv_out.stdout.decode().splitlines()
    assert lines[0].startswith("country,role,title,name,code,start,end") and len(lines) == 2
    assert "Keir Starmer" in lines[1]


def test_list_at_80_columns_piped_never_breaks_a_word(env):
    rows = [json.loads(line) for line in invoke(["actors", "list", "--format", "jsonl"], env).stdout.decode().splitlines()]
    proc = run(["actors", "list"], {**env, "COLUMNS": "80"})
    assert proc.returncode == 0, proc.stderr.decode()
    text = proc.stdout.decode("utf-8")
    lines = text.splitlines()
    assert len(rows) > 100 and all(len(line) <= 80 for line in lines), max(lines, key=len)
    assert not set("┏┓┗┛┃━│─┡┩╇┼┳┻╋") & set(text) and "\x1b[" not in text  # plain text when piped
    # Every word of every title and name is whole in the table, or cut at its end with "…"
    # (never "Ministe r", "curate d" across two lines).
    tokens = set(text.split())
    cut = [t[:-1] for t in tokens if t.endswith("…")]
    for r in rows:
        for word in (r["title"] + " " + r["name"]).split():
            assert word in tokens or any(c and word.startswith(c) for c in cut), (word, r)
        assert r["code"] in tokens and r["start"] in tokens  # codes and dates whole
    # Roles read as the phrases --role takes; the source column from 100 columns on.
    assert "head_of_state" not in text and {"head", "of", "state"} <= tokens and "curated" not in text
    assert "curated" in run(["actors", "list", "--country", "GBR"], {**env, "COLUMNS": "120"}).stdout.decode()


def test_list_rejects_an_unknown_country(env):
    proc = invoke(["actors", "list", "--country", "Atlantis"], env)
    assert proc.returncode == 2


# ---------------------------------------------------------------------- add and files
def test_add_a_user_yaml_then_resolve_the_new_person(tmp_path, env):
    src = tmp_path / "my_people.yaml"
    src.write_text(JANE, encoding="utf-8")
    proc = run(["actors", "add", src], env)
    assert proc.returncode == 0, proc.stderr.decode()
    installed = Path(env["ACCORD_ACTOR_DIR"]) / "my_people.yaml"
    assert installed.is_file()
    out = proc.stdout.decode()
    assert str(installed) in out and "1 people" in out and "Jane Example" in out

    got = resolve("Jane Example", "2031-01-01", env)
    assert got["name"] == "Jane Example" and got["code"] == "TUVGOV" and got["country"] == "TUV"
    assert got["office"]["start"] == "2030-01-01"
    before = resolve("Jane Example", "2029-01-01", env)
    assert before["code"] == "TUVELI" and before["office"] is None

    files = run(["actors", "files", "--json"], env)
    assert files.returncode == 0
    [row] = [json.loads(line) for line in files.stdout.decode().splitlines()]
    assert row["path"] == str(installed) and row["shape"] == "people" and row["entries"] == 1


def test_a_file_named_in_the_config_file_is_used(tmp_path, env):
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "jane_people.yaml").write_text(JANE, encoding="utf-8")
    Path(env["ACCORD_CONFIG"]).write_text('actor_files = ["elsewhere/jane_people.yaml"]\n', encoding="utf-8")
    got = resolve("Jane Example", "2031-01-01", env)
    assert got["code"] == "TUVGOV"
    # In this process (`actors files` as a process: the test above).
    files = invoke(["actors", "files", "--json"], env)
    [row] = [json.loads(line) for line in files.stdout.decode().splitlines()]
    assert row["from"] == "config" and Path(row["path"]).resolve() == (folder / "jane_people.yaml").resolve()
    listed = invoke(["actors", "list", "--country", "TUV", "--date", "2031-01-01", "--format", "jsonl"], env)
    assert "Jane Example" in listed.stdout.decode()


def test_add_a_petrarch_dictionary(tmp_path, env):
    src = tmp_path / "fictional.txt"
    src.write_text(DICTIONARY, encoding="utf-8")
    proc = invoke(["actors", "add", src], env)
    assert proc.returncode == 0, proc.stderr.decode()
    folder = Path(env["ACCORD_ACTOR_DIR"])
    assert (folder / "fictional_people.yaml").is_file()
    assert "3 people" in proc.stdout.decode()

    in_office = resolve("Zorba Qexample", "2019-06-01", env)
    assert in_office["code"] == "NZLGOV" and in_office["country"] == "NZL"
    assert in_office["office"]["start"] == "2017-01-20" and in_office["office"]["end"] == "2021-01-20"
    assert resolve("Zorba Qexample", "2022-06-01", env)["code"] == "NZLELI"
    assert resolve("Hanna Voltexample", "2031-01-01", env)["code"] == "USAGOV"


def test_a_bad_file_is_refused_with_exit_3(tmp_path, env):
    src = tmp_path / "broken_people.yaml"
    src.write_text(BAD, encoding="utf-8")
    proc = run(["actors", "add", src], env)
    assert proc.returncode == 3
    message = proc.stderr.decode()
    assert "broken_people.yaml" in message and "bad-example" in message and "before it starts" in message
    folder = Path(env["ACCORD_ACTOR_DIR"])
    assert not folder.exists() or not any(folder.iterdir())


def test_a_file_of_another_shape_is_refused_saying_what_it_holds(tmp_path, env):
    # The people nested under a key (as a new user may write them): the message said only
    # "expected a list of people".
    src = tmp_path / "my_people.yaml"
    src.write_text("people:\n  - id: jane-doe\n    name: Jane Doe\n", encoding="utf-8")
    proc = invoke(["actors", "add", src], env)
    assert proc.returncode == 3
    assert "my_people.yaml: expected a list of people" in proc.stderr.decode()
    assert "got a mapping with keys 'people'" in proc.stderr.decode()


def test_a_bad_dictionary_is_refused_with_exit_3(tmp_path, env):
    src = tmp_path / "broken.txt"
    src.write_text("JOHN_QBROKEN_ [USAGOV 210120-170120]\n", encoding="utf-8")
    proc = invoke(["actors", "add", src], env)
    assert proc.returncode == 3
    message = proc.stderr.decode()
    assert "broken.txt" in message and "JOHN_QBROKEN" in message


# --------------------------------------------------------------------- in process: files
@pytest.fixture
def user_env(tmp_path, monkeypatch):
    monkeypatch.setenv("ACCORD_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("ACCORD_ACTOR_DIR", str(tmp_path / "actors"))
    return tmp_path


def test_configured_actor_files_order_and_dedup(user_env):
    from accord import config
    from accord.actors.user_files import configured_actor_files, user_actor_dir

    assert user_actor_dir() == user_env / "actors"
    assert configured_actor_files() == []
    folder = user_env / "actors"
    folder.mkdir()
    for name in ("b_people.yaml", "a_people.csv", "notes.md", "c.yml"):
        (folder / name).write_text("[]\n", encoding="utf-8")
    mine = user_env / "mine_people.yaml"
    mine.write_text("[]\n", encoding="utf-8")
    (user_env / "config.toml").write_text(
        f'actor_files = ["{mine}", "actors/b_people.yaml", "~/no-such-accord-file.yaml"]\n', encoding="utf-8")
    config._file_settings.cache_clear()  # the config file is read once per process
    files = configured_actor_files()
    assert files[0] == mine
    assert files[1].resolve() == (folder / "b_people.yaml").resolve()
    assert files[2] == Path("~/no-such-accord-file.yaml").expanduser()
    assert [p.name for p in files[3:]] == ["a_people.csv", "c.yml"]  # b_people.yaml once; notes.md not


def test_load_knowledge_base_default_and_cached(user_env):
    from accord.actors.knowledge import KnowledgeBase
    from accord.actors.user_files import load_knowledge_base

    assert load_knowledge_base() is KnowledgeBase.default()
    folder = user_env / "actors"
    folder.mkdir()
    path = folder / "jane_people.yaml"
    path.write_text(JANE, encoding="utf-8")
    kb = load_knowledge_base()
    assert kb is not KnowledgeBase.default()
    assert load_knowledge_base() is kb  # unchanged files: the same knowledge base
    assert [e.name for e in kb.holders("TUV", "head_of_government", dt.date(2031, 1, 1))] == ["Jane Example"]
    path.write_text(JANE.replace("Jane Example", "Janet Example"), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10_000_000))
    kb2 = load_knowledge_base()
    assert kb2 is not kb
    assert [e.name for e in kb2.holders("TUV", "head_of_government", dt.date(2031, 1, 1))] == ["Janet Example"]


def test_add_refuses_a_file_that_conflicts_with_installed_ones(user_env):
    from accord.actors.knowledge import KnowledgeBaseError
    from accord.actors.user_files import add_actor_file

    first = user_env / "jane_people.yaml"
    first.write_text(JANE, encoding="utf-8")
    assert add_actor_file(first) == user_env / "actors" / "jane_people.yaml"
    rival = user_env / "rival_people.yaml"
    rival.write_text(JANE.replace("jane-example", "john-rival").replace("Jane Example", "John Rival"),
                     encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="rival_people.yaml.*overlaps"):
        add_actor_file(rival)
    assert not (user_env / "actors" / "rival_people.yaml").exists()
    # the same name again replaces the installed file instead of clashing with it
    first.write_text(JANE.replace("2030-01-01", "2032-01-01"), encoding="utf-8")
    add_actor_file(first)
    assert "2032-01-01" in (user_env / "actors" / "jane_people.yaml").read_text(encoding="utf-8")


def test_add_refuses_unknown_file_types(user_env):
    from accord.actors.knowledge import KnowledgeBaseError
    from accord.actors.user_files import add_actor_file

    other = user_env / "people.json"
    other.write_text("[]", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="people.json"):
        add_actor_file(other)
    with pytest.raises(KnowledgeBaseError, match="no such file"):
        add_actor_file(user_env / "missing.yaml")


# ------------------------------------------------------------------ read_petrarch_actors
def test_read_petrarch_actors_on_a_small_sample(tmp_path):
    from accord.actors.petrarch import DICTIONARY_ROLE, convert_petrarch, read_petrarch_actors

    path = tmp_path / "sample.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    people = read_petrarch_actors(path)
    assert [p["id"] for p in people] == ["zorba-qexample", "hanna-voltexample", "kurt-igoexample"]
    zorba, hanna, kurt = people
    assert zorba["name"] == "Zorba Qexample"
    assert zorba["aliases"] == ["Zorba Q. Qexample"] and zorba["short"] == ["Qexample"]
    assert zorba["country"] == "NZL" and zorba["code"] == "NZLELI"
    assert zorba["offices"] == [{"role": DICTIONARY_ROLE, "title": "NZLGOV (sample.txt)", "country": "NZL",
                                 "code": "NZLGOV", "start": "2017-01-20", "end": "2021-01-20",
                                 "concurrent": True}]  # the dated ELI span is not an office
    [office] = hanna["offices"]  # ">FROM": open-ended; "<TO" ELI and "---" are not offices
    assert (office["code"], office["start"], office["end"]) == ("USAGOV", "2030-01-01", None)
    assert hanna["country"] == "USA" and "code" not in hanna
    assert kurt["country"] == "UN" and kurt["offices"][0]["country"] == "UN"
    assert kurt["offices"][0]["end"] == "2006-12-31"
    conv = convert_petrarch(path)
    assert conv.entries == 5 and conv.skipped == 2 and conv.offices == 3 and conv.problems == []


def test_read_petrarch_actors_until_codes_and_two_digit_years(tmp_path):
    from accord.actors.petrarch import read_petrarch_actors

    path = tmp_path / "until.txt"
    path.write_text("OLGA_QOLD_ [RUSGOV 000508-080507] [RUSGOV <990101]\n"
                    "MAO_QEXAMPLE_ [CHNGOV 491001-760909]\n"
                    "OLD_QRANGE_ [CHNGOV 331108-730717]\n", encoding="utf-8")
    olga, mao, old = read_petrarch_actors(path)
    assert [(o["start"], o["end"]) for o in olga["offices"]] == [("2000-05-08", "2008-05-07"),
                                                                 ("0001-01-01", "1999-01-01")]
    assert olga["offices"][1]["approx"] is True
    assert (mao["offices"][0]["start"], mao["offices"][0]["end"]) == ("1949-10-01", "1976-09-09")
    assert old["offices"][0]["start"] == "1933-11-08"  # a two-digit year after this year's is 19YY


def test_read_petrarch_actors_strict_and_lenient(tmp_path):
    from accord.actors.knowledge import KnowledgeBaseError
    from accord.actors.petrarch import convert_petrarch, read_petrarch_actors

    path = tmp_path / "odd.txt"
    path.write_text("GOOD_QPERSON_ [FRAGOV 170514-220520]\n"
                    "BAD_QDATE_\n"
                    "\t[FRAGOV 2004017-20061201]\n"
                    "NO_QCOUNTRY_ [XQZGOV 170101-180101]\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"odd.txt line 3.*BAD_QDATE"):
        read_petrarch_actors(path)
    conv = convert_petrarch(path, strict=False)
    assert [p["id"] for p in conv.people] == ["good-qperson"]
    assert len(conv.problems) == 2 and "XQZGOV" in conv.problems[1]


def test_converted_people_load_into_the_knowledge_base(tmp_path):
    from accord.actors.knowledge import KnowledgeBase
    from accord.actors.petrarch import dump_people_yaml, read_petrarch_actors, write_dictionary_roles

    src = tmp_path / "sample.txt"
    src.write_text(DICTIONARY, encoding="utf-8")
    people_file = tmp_path / "sample_people.yaml"
    people_file.write_text(dump_people_yaml(read_petrarch_actors(src), src.name), encoding="utf-8")
    kb = KnowledgeBase.load([write_dictionary_roles(tmp_path), people_file])
    assert kb.person_code("person:zorba-qexample", dt.date(2019, 1, 1)) == "NZLGOV"
    assert kb.person_code("person:zorba-qexample", dt.date(2016, 1, 1)) == "NZLELI"
    assert kb.person_code("person:kurt-igoexample", dt.date(2000, 1, 1)) == "IGOUNO"
    assert ("person:zorba-qexample", "short") in kb.lookup("Qexample")


def test_entry_reader_keeps_the_build_tool_semantics():
    from accord.actors.petrarch import read_actor_entries

    entries = read_actor_entries(DICTIONARY)
    block, zorba, acme, hanna, kurt = entries
    assert block.country_block and block.section == "NZL" and block.aliases == ["NEWLANDIAN"]
    assert zorba.header == "ZORBA_QEXAMPLE" and zorba.section == "NZL" and zorba.comment == "a fictional minister"
    assert [(c.code, c.start, c.end, c.open) for c in zorba.codes] == [
        ("NZLELI", dt.date(1990, 1, 1), dt.date(2017, 1, 20), False),
        ("NZLGOV", dt.date(2017, 1, 20), dt.date(2021, 1, 20), False),
        ("NZLELI", None, None, False)]
    assert [(c.code, c.open) for c in hanna.codes] == [("USAGOV", True), ("USAELI", False)]
    assert [c.code for c in kurt.codes] == ["IGOUNO", "ELI"]
    # an undated 3- or 6-letter code on the header line reads as a block, as the tool always did
    assert acme.country_block and acme.section == "NZLREB" and [c.code for c in acme.codes] == ["NZLREB"]
    # tools/build_actors.py reads the 2014 Phoenix files with two-digit years up to 20 as 20YY
    [old] = read_actor_entries("X_Y_ [USAGOV 200101-210120]", pivot=20)
    assert (old.codes[0].start, old.codes[0].end) == (dt.date(2020, 1, 1), dt.date(1921, 1, 20))
