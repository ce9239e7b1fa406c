"""PETRARCH-2's CAMEO verb dictionary: the importer (tools/build_verbs.py), the packaged resource
and the matcher (accord.events.verbs).

Expected codes below were read by hand from CAMEO.2.0.txt (line numbers given), not taken from
the matcher's output.
"""

from __future__ import annotations

import importlib.util
import json
import re
from importlib.resources import files
from pathlib import Path

import pytest

from accord.events.ontology import lookup, nearest
from accord.events.verbs import VerbDictionary, VerbMatch

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CAMEO_TXT = SHARED / "data" / "petrarch-dictionaries" / "CAMEO.2.0.txt"
PACKAGED = files("accord").joinpath("resources", "events", "petrarch_verbs.jsonl")

# Pattern lines the importer keeps but marks unusable, by line number in CAMEO.2.0.txt.
EXPECTED_SKIPS = {
    2374: "unbalanced ')'",  # - * VENTURE (WITH VISIT) VISIT) [042:043]
    2406: "undefined synonym set &FIGHT_CRIM",
    3887: "undefined synonym set &FIGHT_GAMES",
    5787: "malformed code [080!]",
    7606: "unbalanced ')'",  # - STRONGLY * ATTACK (ON ^) ^) [111]
    8443: "undefined synonym set &WEATHER",
    8444: "undefined synonym set &DEMONSTRATION",
}


def _builder():
    spec = importlib.util.spec_from_file_location("build_verbs", REPO / "tools" / "build_verbs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _packaged_records() -> list[dict]:
    return [json.loads(line) for line in PACKAGED.read_text(encoding="utf-8").splitlines()]


def _cameo_txt() -> Path:
    if not CAMEO_TXT.exists():
        pytest.skip(f"../shared not found: {CAMEO_TXT} is missing")
    return CAMEO_TXT


# ------------------------------------------------------------------------------------ builder


def test_rebuild_is_byte_identical(tmp_path):
    source = _cameo_txt()
    builder = _builder()
    assert builder.main(["--shared", str(SHARED), "--out", str(tmp_path), "--quiet"]) == 0
    rebuilt = (tmp_path / "petrarch_verbs.jsonl").read_bytes()
    assert rebuilt == PACKAGED.read_bytes(), "packaged petrarch_verbs.jsonl is stale: run tools/build_verbs.py"
    # and deterministic: a second build gives the same bytes
    assert builder.render(source.read_text(encoding="utf-8"))[0].encode("utf-8") == rebuilt


def test_counts_agree_with_the_source_file():
    """Blocks, verbs and patterns in the resource vs. an independent count of the file's lines."""
    text = _cameo_txt().read_text(encoding="utf-8")
    section = None
    n_synsets = n_blocks = n_verbs = n_pattern_lines = 0
    for line in text.split("\n"):
        if line.startswith("####### SYNONYM SETS"):
            section = "syn"
        elif line.startswith("####### VERB PATTERNS"):
            section = "verbs"
        elif line.startswith("######## TRANSFORMATIONS"):
            section = "trans"
        elif not line.strip() or line.startswith("#"):
            continue
        elif section == "syn" and line.startswith("&"):
            n_synsets += 1
        elif section == "verbs":
            if line.startswith("---"):
                n_blocks += 1
            elif line.startswith("- "):
                n_pattern_lines += 1
            else:
                assert not line.startswith("-"), line  # every pattern line starts "- "
                n_verbs += 1

    records = _packaged_records()
    meta = records[0]
    blocks = [r for r in records if r["kind"] == "block"]
    patterns = [r for r in records if r["kind"] == "pattern"]
    usable = [p for p in patterns if "skip" not in p]
    skipped = {p["line"]: p["skip"] for p in patterns if "skip" in p}
    print(
        f"\nCAMEO.2.0.txt: {n_synsets} synsets, {n_blocks} blocks, {n_verbs} verb lines, {n_pattern_lines} "
        f"'- ' pattern lines; resource: {len(blocks)} blocks, {sum(len(b['verbs']) for b in blocks)} verbs, "
        f"{len(patterns)} patterns ({len(usable)} usable, {len(skipped)} skipped: {sorted(skipped)})"
    )
    assert meta["kind"] == "meta"
    assert sum(r["kind"] == "synset" for r in records) == n_synsets == meta["counts"]["synsets"] == 40
    assert len(blocks) == n_blocks == meta["counts"]["blocks"] == 397
    assert sum(len(b["verbs"]) for b in blocks) == n_verbs == meta["counts"]["verbs"]
    assert len(patterns) == n_pattern_lines == meta["counts"]["pattern_lines"] == 4668
    assert skipped == EXPECTED_SKIPS  # every other pattern line is usable
    assert len(usable) == n_pattern_lines - len(EXPECTED_SKIPS) == meta["counts"]["patterns_usable"]
    assert [p["line"] for p in patterns] == sorted(p["line"] for p in patterns)  # file order kept
    assert VerbDictionary.default().pattern_count == len(usable)


def test_codes_are_cameo_codes():
    """Every code part is `---`, empty, or a CAMEO code; 176 (cyber attack, CAMEO 2.0's HACK
    block) is the one code Accord's table lacks, and resolves to its root."""
    unknown = set()
    for r in _packaged_records():
        codes = []
        if r["kind"] == "block":
            codes = [r["code"]] + [v["code"] for v in r["verbs"] if v["code"]]
        elif r["kind"] == "pattern" and "skip" not in r:
            codes = [r["code"]]
        for code in codes:
            assert re.fullmatch(r"(---|\d{2,4})?(:(---|\d{2,4})?)?", code), code
            for part in code.split(":"):
                if part in ("", "---"):
                    continue
                try:
                    lookup(part)
                except ValueError:
                    unknown.add(part)
    assert unknown == {"176"}
    assert nearest("176").code == "17"
    assert _packaged_records()[0]["counts"]["codes_not_in_cameo_table"] == ["176"]


SAMPLE = """\
# header comment
####### SYNONYM SETS #######
&CASHY
+MONEY
+HARD_CURRENCY
+KRONER_
+CEASE-FIRE

####### VERB PATTERNS #######
---  MEET_PEOPLE   [040]  ---
+MEET_WITH {+MET_WITH +MEETS_WITH }
MEET {MEETS MET MEETING}
RE-ARREST
RIP {RIPPING RIPS};shan   7/11/93
GRILL [110]
- * (FOR TALKS)                 [036:036]     # MEET
- * (BY/WITH PROTESTS)          [141]         # CONFRONT <ab 02 Dec 2005>
- &CASHY * {BANK ACCOUNT} $     [163]
- * TRIAL                       [:173]        # FACE
- * AIR_STRIKE                  [195]
- *_LAWS                        [---]
- * &NOPE                       [020]
- * (IN X) Y)                   [020]
- * DOWN                        [080!]

---  DOCK   [---]  ---
DOCK
- *                             [042:043]     # DOCK

######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
"""


def test_builder_reads_the_notation():
    records, info = _builder().build(SAMPLE)
    syn, meet, dock = (r for r in records if r["kind"] in ("synset", "block"))
    assert syn == {"kind": "synset", "name": "&cashy", "line": 3,
                   "members": ["money", "hard currency", "kroner", "cease-fire"], "no_plural": ["kroner"]}
    assert meet["code"] == "040" and dock["code"] == "---"
    verbs = {v["text"]: v for v in meet["verbs"]}
    assert verbs["+MEET_WITH {+MET_WITH +MEETS_WITH }"] | {} == {
        "line": 11, "text": "+MEET_WITH {+MET_WITH +MEETS_WITH }", "verb": "meet", "before": [], "after": ["with"],
        "forms": ["met", "meets"], "code": None, "comment": ""}
    assert (verbs["RE-ARREST"]["verb"], verbs["RE-ARREST"]["before"]) == ("arrest", ["re"])
    assert verbs["RIP {RIPPING RIPS}"]["forms"] == ["ripping", "rips"]  # ';' comment dropped
    assert verbs["GRILL [110]"]["code"] == "110"
    pats = {r["line"]: r for r in records if r["kind"] == "pattern"}
    assert pats[16]["post"] == [{"pp": ["for"], "obj": ["talks"]}] and pats[16]["code"] == "036:036"
    assert pats[16]["from"] == "MEET" and "comment" not in pats[16]
    assert pats[17]["post"] == [{"pp": ["by", "with"], "obj": ["protests"]}]
    assert pats[17]["comment"] == "CONFRONT <ab 02 Dec 2005>"
    assert pats[18]["pre"] == ["&cashy"] and pats[18]["post"] == [{"np": ["bank", "account"]}, "$"]
    assert pats[19]["code"] == ":173"
    assert pats[20]["post"] == [{"seq": ["air", "strike"]}]
    assert pats[21]["pre"] == [] and pats[21]["post"] == ["laws"]
    assert pats[22]["skip"] == "undefined synonym set &NOPE"
    assert pats[23]["skip"] == "unbalanced ')'"
    assert pats[24]["skip"] == "malformed code [080!]"
    assert pats[28]["pre"] == pats[28]["post"] == [] and "skip" not in pats[28]  # always matches
    st = info["stats"]
    assert (st["blocks"], st["verbs"], st["pattern_lines"], st["patterns_skipped"], st["transformations"]) == (2, 6, 10, 3, 1)


def test_builder_rejects_what_it_does_not_understand():
    builder = _builder()
    with pytest.raises(builder.BuildError):
        builder.build(SAMPLE.replace("GRILL [110]", "GRILL [1x0]"))
    with pytest.raises(builder.BuildError):
        builder.build(SAMPLE.replace("+MEET_WITH", "MEET_WITH"))  # no '+' word
    with pytest.raises(builder.BuildError):
        builder.build(SAMPLE.replace("- * TRIAL", "- * TRI@L"))


# ------------------------------------------------------------------------------------ matcher


def test_default_is_cached():
    assert VerbDictionary.default() is VerbDictionary.default()


@pytest.fixture(scope="module")
def match(nlp):
    verbs = VerbDictionary.default()

    def run(sentence: str, verb: str) -> VerbMatch | None:
        doc = nlp(sentence)
        [token] = [t for t in doc if t.text == verb]
        return verbs.match(token)

    return run


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "verb", "code", "line", "specificity"),
    [
        # +MEET_WITH (5427) in MEET_PEOPLE [040] (5425); no pattern names China
        ("Russia met with China.", "met", "040", 5425, 0),
        # - * (FOR TALKS) [036:036] # MEET (5443)
        ("The minister met the delegation for talks.", "met", "036", 5443, 2),
        # - * (WITH LEADERS) [036:036] (5442): the preposition of +MEET_WITH is still a word
        ("Putin met with leaders of the region.", "met", "036", 5442, 2),
        # ATTACK (8881) in PHYSICAL_CONFLICT [190] (8871); its patterns name &STRONGHOLD, not &TOWN
        ("Rebels attacked the town.", "attacked", "190", 8871, 0),
        # - * &STRONGHOLD [192] # STORM (same block): a synonym set member
        ("Rebels attacked the army headquarters.", "attacked", "192", None, 1),
        # DENOUNCE [111] (7451) has `- * SANCTIONS [053] # DENOUNCE` (7481): the file says 053
        ("Iran denounced the sanctions.", "denounced", "053", 7481, 1),
        ("Iran denounced the decision.", "denounced", "111", 7451, 0),
        # a pattern word names a phrase head: "sanctions" modifying "regime" does not count
        ("Iran denounced the sanctions regime.", "denounced", "111", 7451, 0),
        # FREEZE [---] (2023): - * {BANK ACCOUNT} [163] (2028), also in the passive
        ("The government froze the bank account.", "froze", "163", 2028, 2),
        ("The bank account was frozen by the government.", "frozen", "163", 2028, 2),
        # CONTACT (5431), - * (BY TELEPHONE) [041:041] # CONTACT (5446)
        ("They contacted him by telephone.", "contacted", "041", 5446, 2),
        # COLLAPSE: - TALKS * [164:164] (1263): a word before `*` is the subject
        ("The talks collapsed.", "collapsed", "164", 1263, 1),
        # SET in ARRANGE [---]: - * (ON FIRE) [180] (893)
        ("Troops set the village on fire.", "set", "180", 893, 2),
    ],
)
def test_match(match, sentence, verb, code, line, specificity):
    m = match(sentence, verb)
    assert m is not None, sentence
    assert (m.code, m.specificity) == (code, specificity), m
    if line is not None:
        assert m.line == line, m
    lookup(m.code)


@pytest.mark.slow
def test_match_details(match, nlp):
    m = match("The minister met the delegation for talks.", "met")
    assert m == VerbMatch("036", "MEET_PEOPLE: * (FOR TALKS) [036:036]", 2, "036", False, "MEET_PEOPLE", 5443)
    # the words the pattern names after the verb: "talks" describes the event, "for" is no word of it
    talks = next(t for t in nlp("The minister met the delegation for talks.") if t.text == "talks")
    assert m.names_word(talks) and not m.names_word(talks.head)
    m = match("Russia met with China.", "met")
    assert m.pattern == "MEET_PEOPLE default [040]" and m.reverse_code is None
    # VISIT [042:043] (5580): visiting also codes the host's 043 the other way round
    m = match("The president visited Japan.", "visited")
    assert (m.code, m.reverse_code, m.subject_is_target, m.block) == ("042", "043", False, "VISIT")
    # - * TRIAL [:173] # FACE (5464): no active code, the subject is the target of 173
    m = match("The opposition leader faced trial.", "faced")
    assert (m.code, m.reverse_code, m.subject_is_target, m.line) == ("173", None, True, 5464)
    # ASK [---] (912), verb ASK [020]: the verb's own code is its default
    m = match("They asked about the weather.", "asked")
    assert (m.code, m.pattern) == ("020", "ASK default for ASK [020]")


@pytest.mark.slow
def test_words_in_parentheses_name_the_prepositions_own_phrase(match):
    # - * (FOR TROOP) [0232] # CALL: the troops asked for, not troops named in a phrase nested in
    # the object ("an investigation into the killings by Russian troops" is asked for)
    assert match("Ukraine called for more foreign troops.", "called").code == "0232"
    m = match("The mayor called for an investigation into the killings by foreign troops.", "called")
    assert m.code != "0232" and "TROOP" not in m.pattern


@pytest.mark.slow
def test_no_event(match):
    # PHYSICAL_CONFLICT: - * (IN POLLS) [---] # FIGHT (8908): "---" means no event
    assert match("The party fought in the polls.", "fought") is None
    # FREEZE [---] with no matching pattern: no event
    assert match("The government froze prices.", "froze") is None
    # a verb the dictionary does not list
    assert match("The minister slept.", "slept") is None


@pytest.mark.slow
def test_multiword_verbs(match, nlp):
    verbs = VerbDictionary.default()
    doc = nlp("Police re-arrested the opposition leader.")
    # RE-ARREST is in RE_ARREST [173] (8370); plain ARREST sits in another block
    [arrested] = [t for t in doc if t.text == "arrested"]
    assert verbs.entry(arrested)[0] == "RE_ARREST"
    assert verbs.match(arrested).code == "173"
    doc = nlp("The rebels arrested the opposition leader.")
    [arrested] = [t for t in doc if t.text == "arrested"]
    assert verbs.entry(arrested)[0] != "RE_ARREST"
