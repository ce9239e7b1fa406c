"""Near-copies and happenings (issue 14): the pure rules, then the store that applies them, on
hand-built documents (no model). The founding-article acceptance runs the real pipeline
(tests/test_happenings_acceptance.py)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from accord.clustering import ClusteringSettings
from accord.clustering import nearcopy as N
from accord.clustering.happenings import (Report, actors_compatible, compatible, group,
                                          joint_meetings, summarize, utterance_anchors)
from accord.model import Article, Document, Place, stable_id
from accord.service import Filters, Service
from accord.store import open_store

from test_store import actor, event

SETTINGS = ClusteringSettings()
SCHEMA_PATH = Path(__file__).resolve().parents[1].parent / "shared" / "contract" / "record.schema.json"

WIRE = (
    "Chinese President Xi Jinping and Russian President Vladimir Putin held a video call on "
    "Wednesday, hailing what both described as a stabilising partnership in turbulent times. "
    "The leaders discussed trade, energy and security, according to state media in both "
    "countries. Putin praised the growth of trade between the two neighbours, which reached a "
    "record last year despite Western sanctions imposed over the war in Ukraine. Xi said both "
    "sides should deepen strategic coordination as major powers and keep relations on the "
    "right track. Neither leader gave details of new agreements. Analysts said the call was "
    "meant to show unity before talks on Ukraine resume in Abu Dhabi later this month.")
FOOTER = " This story was published from a wire agency feed without modifications to the text."
NEW_PARAGRAPH = (
    " Update: Later on Wednesday the Kremlin said Putin had accepted an invitation to visit "
    "Beijing in the spring, and that the two governments would sign a new energy agreement "
    "during that visit, including a long-delayed gas pipeline that Moscow has sought for years "
    "as it redirects its exports to Asia.")


def fp(text: str) -> N.Fingerprint:
    return N.Fingerprint.of(text, SETTINGS)


# -- near-copy rules ---------------------------------------------------------------------------


def test_syndicated_copies_are_copies_and_an_update_extends() -> None:
    original = fp(WIRE)
    credit = fp("By Agence France-Presse. " + WIRE)
    trimmed = fp(WIRE.rsplit(" Xi said both", 1)[0] + FOOTER)  # the last 55 words cut
    updated = fp(WIRE + NEW_PARAGRAPH)
    assert N.compare(credit, original, SETTINGS).relation == "copy"
    assert N.compare(trimmed, original, SETTINGS).relation == "copy"
    assert N.compare(original, trimmed, SETTINGS).relation == "extends"  # the trimmed came first
    assert N.compare(updated, original, SETTINGS).relation == "extends"
    assert N.compare(original, updated, SETTINGS).relation == "copy"
    other = fp("Protesters gathered in central Paris on Saturday to demand higher wages for "
               "nurses and teachers, and police said the march passed off peacefully after a "
               "day of speeches by union leaders outside the labour ministry.")
    assert N.compare(other, original, SETTINGS).relation == "distinct"


def test_band_keys_are_stable_and_shared_by_copies() -> None:
    a, b = fp(WIRE), fp(WIRE + FOOTER)
    assert a.keys == fp(WIRE).keys  # deterministic across calls (and processes: no salt)
    assert set(a.keys) & set(b.keys)
    assert fp("too short").signature is None


def test_shingle_hashes_stand_for_the_shingles_and_are_stable() -> None:
    tokens = N.words(WIRE + " " + WIRE[:200])  # repeated shingles too
    assert len(N.shingle_hashes(tokens, 5)) == len(tokens) - 4
    assert len(set(N.shingle_hashes(tokens, 5).tolist())) == len(N.shingles(tokens, 5))
    assert len(N.shingle_hashes(tokens[:4], 5)) == 0
    # Stored since schema 6 (datasketch's sha1_hash64 of the shingle): the same in every process
    # and every version, or stored rows would no longer compare with new texts.
    assert N.shingle_hashes("the quick brown fox jumps over".split(), 5).tolist() == [
        12313522834835307089, 13802602654544986703]
    from datasketch.hashfunc import sha1_hash32, sha1_hash64

    for shingle in (b"the quick brown fox jumps", "\u00e9t\u00e9 \u00e0 paris".encode()):
        assert N.sha1_hash64(shingle) == sha1_hash64(shingle)
        assert N.sha1_hash64(shingle) & 0xFFFFFFFF == sha1_hash32(shingle)
    # The signature made from those hashes is datasketch's MinHash of the shingles.
    tokens = N.words(WIRE)
    assert fp(WIRE).signature.tolist() == N.minhash(N.shingles(tokens, 5), 128).tolist()


def test_signatures_and_bucket_keys_match_those_stored_before() -> None:
    # A store keeps each article's signature and bucket keys (schema 3): a new text must give
    # the bytes an earlier version gave (datasketch's MinHash through `update_batch` and
    # hashlib's BLAKE2b a band at a time, until 2026-12-08), or copies of stored articles
    # would no longer be found. The figures are that version's, for WIRE.
    import hashlib

    f = fp(WIRE)
    assert f.signature.dtype == np.uint32 and f.signature[:4].tolist() == [
        91651596, 15567088, 37673063, 44752025]
    assert hashlib.sha256(N.signature_bytes(f.signature)).hexdigest() == (
        "ecf8e5f0fee28aded86eb92db9c99dcd765ffe5df7fb7e697b2a65ffb0e645bf")
    assert len(f.keys) == 37 and f.keys[:4] == [
        3551861238414746437, -3453691533735354534, -6585982069117877533, 5596069493248439451]
    # The same on texts the test did not pin: datasketch's MinHash of the shingles, and the
    # bucket keys as they were made (one blake2b per band over the band's uint64 values).
    for text in (WIRE + FOOTER, NEW_PARAGRAPH, "\u00c9t\u00e9 \u00e0 Paris: " + WIRE[:300],
                 "a a a a a a a a a a"):
        f = fp(text)
        assert f.signature.tolist() == N.minhash(N.shingles(N.words(text), 5), 128).tolist()
        b, r = N.band_layout(SETTINGS.nearcopy_threshold, SETTINGS.num_perm)
        assert f.keys == [int.from_bytes(hashlib.blake2b(
            np.asarray(f.signature[i * r:(i + 1) * r], dtype=np.uint64).tobytes(), digest_size=8,
            person=b"accord-lsh%03d" % i).digest(), "big", signed=True) for i in range(b)]


def test_permutations_and_band_layout_are_datasketchs() -> None:
    # Made here without importing datasketch (and scipy): the same as datasketch makes them.
    from datasketch import MinHash
    from datasketch.lsh import _optimal_param

    for num_perm in (16, 128, 256):
        ours = N._permutations(num_perm)
        theirs = MinHash(num_perm=num_perm, seed=1, scheme=N.SCHEME).permutations
        assert [p.tolist() for p in ours] == [p.tolist() for p in theirs]
    for num_perm, threshold in [(128, t / 10) for t in range(1, 10)] + [(64, 0.3), (256, 0.5)]:
        assert N.band_layout(threshold, num_perm) == _optimal_param(threshold, num_perm, 0.5, 0.5)
    assert N._minhash_of_hashes(np.zeros(0, dtype=np.uint64), 8).tolist() == (
        MinHash(num_perm=8, seed=1, scheme=N.SCHEME).hashvalues.tolist())


def test_recent_window_is_bounded() -> None:
    recent = N.RecentArticles(SETTINGS, size=2)
    for i in range(3):
        text = WIRE + f" Copy number {i}."
        recent.add(f"a{i}", fp(text))
    assert set(recent.candidates(fp(WIRE))) == {"a1", "a2"}


def test_route_skips_the_parse_of_copies_unless_clustering_is_off() -> None:
    articles = lambda: [Article("wire", WIRE), Article("copy", "By AFP. " + WIRE),  # noqa: E731
                        Article("update", WIRE + NEW_PARAGRAPH)]
    asked: list[list[str]] = []

    def store_knows_nothing(batch: list, fps: list) -> list:
        asked.append([a.id for a in batch])
        return [None] * len(batch)

    def code(todo):
        return (Document(a) for a in todo)

    out = list(N.route(articles(), store_knows_nothing, SETTINGS, code, lookahead=2))
    assert [(d.id, d.article.duplicate_of) for d in out] == [
        ("wire", None), ("copy", "wire"), ("update", None)]
    assert asked == [["wire", "copy"], ["update"]]  # the store is asked a few articles at a time
    off = ClusteringSettings(enabled=False)
    out = list(N.route(articles(), store_knows_nothing, off, code))
    assert [(d.id, d.article.duplicate_of) for d in out] == [
        ("wire", None), ("copy", None), ("update", None)]


def test_route_codes_no_article_the_store_holds_unchanged() -> None:
    # A re-run: "wire" and "short" are stored as they are (the store's `unchanged`), "update"
    # is not; an id seen before in the run is coded (its first version may not be written
    # yet), and so is an unchanged article while `window` uncoded documents wait.
    articles = lambda: [Article("wire", WIRE), Article("short", "too short"),  # noqa: E731
                        Article("update", WIRE + NEW_PARAGRAPH), Article("short", "too short")]
    coded: list[str] = []

    def code(todo):
        for a in todo:
            coded.append(a.id)
            yield Document(a)

    def stored(batch: list) -> list:
        return [a.id in ("wire", "short") for a in batch]

    for settings in (SETTINGS, ClusteringSettings(enabled=False)):
        coded.clear()
        out = list(N.route(articles(), lambda batch, fps: [None] * len(batch), settings, code,
                           lookahead=3, unchanged=stored))
        assert [(d.id, d.article.duplicate_of) for d in out] == [
            ("wire", "wire"), ("short", "short"), ("update", None), ("short", None)]
        assert coded == ["update", "short"]
        assert all(not d.events for d in out)
    coded.clear()
    out = list(N.route(articles(), lambda batch, fps: [None] * len(batch), SETTINGS, code,
                       window=1, lookahead=3, unchanged=stored))
    # One uncoded document may wait: "short" is coded after all (the store will say duplicate).
    assert [d.id for d in out] == ["wire", "short", "update", "short"] and coded[0] == "short"


# -- happening rules -----------------------------------------------------------------------------


def rec(eid: str, cameo: str, src: dict | None, tgt: dict | None, date: str | None,
        precision: str | None = "day", basis: str = "text", article: str = "a1",
        negated: bool = False, modality: str = "asserted", evidence: str = "x",
        location: dict | None = None, published: str | None = "2026-02-04", outlet: str = "o1",
        sentence: int | None = None) -> Report:
    e = {"id": eid, "article_id": article, "sentence": sentence, "cameo": cameo, "source": src, "target": tgt,
         "date": date, "date_precision": precision, "date_basis": basis, "negated": negated,
         "modality": modality, "evidence": evidence, "location": location, "plover": "CONSULT",
         "quad_class": 1, "goldstein": 1.0, "confidence": 0.8, "trigger": {"text": "t", "span": [0, 1]}}
    return Report(e, published, outlet)


def A(code: str, name: str | None = None, country: str | None = "auto") -> dict:
    return {"text": name or code, "span": [0, 1], "name": name, "code": code,
            "country": code[:3] if country == "auto" else country, "sector": code[3:] or None}


PUTIN, XI = A("RUSGOV", "Vladimir Putin"), A("CHNGOV", "Xi Jinping")


def test_actor_compatibility() -> None:
    assert actors_compatible(A("RUS", "Russia"), PUTIN)
    assert actors_compatible(A("RUSGOV"), PUTIN)
    assert not actors_compatible(A("RUSGOV", "Sergei Lavrov"), PUTIN)
    assert not actors_compatible(XI, PUTIN)
    assert actors_compatible(A("REB", None, None), A("AFGREB", "Taliban"))
    # an unnamed group of a country and a named member of another of its sectors may be one
    # side; two unnamed groups of two sectors (the governor's convoy, the security forces) not
    assert actors_compatible(A("USAGOV"), A("USAMIL", "Lloyd Austin"))
    assert not actors_compatible(A("AFGGOV"), A("AFGCOP"))
    # a side of no country named as several parties is no vaguer name of one country's side
    various = {"text": "various leaders", "span": [0, 1], "name": None, "code": "GOV",
               "country": None, "sector": "GOV"}
    assert actors_compatible(A("GOV", None, None), PUTIN)
    assert not actors_compatible(various, PUTIN) and not actors_compatible(PUTIN, various)
    assert actors_compatible(various, dict(various, text="the various leaders"))


def test_meetings_with_various_leaders_are_not_the_call() -> None:
    various = {"text": "various leaders", "span": [0, 1], "name": None, "code": "GOV",
               "country": None, "sector": "GOV"}
    call = [rec("c1", "041", XI, PUTIN, "2026-02-04", article="a1"),
            rec("c2", "040", PUTIN, XI, "2026-02-04", article="a2")]
    series = rec("s", "040", XI, various, "2026-02-04", basis="publication", article="a1")
    vague = rec("v", "040", XI, A("GOV", None, None), "2026-02-04", basis="publication", article="a3")
    groups = sorted(sorted(r.id for r in g) for g in group(call + [series, vague], SETTINGS))
    assert groups == [["c1", "c2", "v"], ["s"]]
    assert groups == pairwise_group(call + [series, vague])


def test_dates_months_contain_days_and_publication_dates_reach_back() -> None:
    day = rec("e1", "042", XI, A("RUS"), "2025-05-07")
    month = rec("e2", "042", XI, A("RUS"), "2025-05", "month", article="a2")
    other_month = rec("e3", "042", XI, A("RUS"), "2025-06", "month", article="a3")
    assert compatible(day, month, SETTINGS) and not compatible(day, other_month, SETTINGS)
    text_day = rec("e4", "041", PUTIN, XI, "2026-02-03")
    published = rec("e5", "041", XI, PUTIN, "2026-02-04", basis="publication", article="a2")
    two_days_later = rec("e6", "041", XI, PUTIN, "2026-02-06", basis="publication", article="a3")
    assert compatible(text_day, published, SETTINGS)  # reciprocal call: either order
    assert not compatible(text_day, two_days_later, SETTINGS)
    assert not compatible(text_day, rec("e7", "041", XI, PUTIN, "2026-02-04"), SETTINGS)


def test_an_undated_report_is_placed_by_its_publication_date() -> None:
    """A report the text gives no date ("Putin had agreed to visit") happened up to
    `undated_days` before its article: it may join the dated act of those days, never one of
    another time, and undated reports of articles far apart do not match."""
    undated = rec("u1", "042", XI, PUTIN, None, None, None, published="2026-02-10")
    assert SETTINGS.undated_days >= 2
    days_before = (date(2026, 2, 10) - timedelta(days=SETTINGS.undated_days)).isoformat()
    assert compatible(undated, rec("d1", "042", XI, PUTIN, days_before, article="a2"), SETTINGS)
    assert compatible(undated, rec("d2", "042", XI, PUTIN, "2026-02-10", article="a2"), SETTINGS)
    before = (date(2026, 2, 9) - timedelta(days=SETTINGS.undated_days)).isoformat()
    assert not compatible(undated, rec("d3", "042", XI, PUTIN, before, article="a2"), SETTINGS)
    assert not compatible(undated, rec("d4", "042", XI, PUTIN, "2026-02-11", article="a2"), SETTINGS)
    assert compatible(undated, rec("m1", "042", XI, PUTIN, "2026-02", "month", article="a2"), SETTINGS)
    far = rec("u2", "042", XI, PUTIN, None, None, None, article="a3", published="2025-06-01")
    assert not compatible(undated, far, SETTINGS)
    near = rec("u3", "042", XI, PUTIN, None, None, None, article="a3", published="2026-02-12")
    assert compatible(undated, near, SETTINGS)
    # A dated happening takes the undated report of its days: one happening, not two.
    dated = [rec("d5", "042", XI, PUTIN, "2026-02-08", article="a4"),
             rec("d6", "043", PUTIN, XI, "2026-02-08", article="a5")]
    assert sorted(sorted(r.id for r in g) for g in group(dated + [undated], SETTINGS)) == [
        ["d5", "d6", "u1"]]
    # No date and no publication date: only the reports of its own article.
    bare = [rec(f"b{i}", "042", XI, PUTIN, None, None, None, article=f"x{i // 2}", published=None)
            for i in range(4)]
    assert sorted(sorted(r.id for r in g) for g in group(bare, SETTINGS)) == [["b0", "b1"], ["b2", "b3"]]
    assert not compatible(bare[0], rec("d7", "042", XI, PUTIN, "2026-02-10", published=None), SETTINGS)


def test_visit_made_and_hosted_are_one_act_and_negation_modality_keep_apart() -> None:
    visit = rec("e1", "042", XI, A("RUSGOV", "Vladimir Putin"), "2025-05-07")
    hosted = rec("e2", "043", PUTIN, XI, "2025-05-07", article="a2")
    assert compatible(visit, hosted, SETTINGS)
    assert not compatible(visit, rec("e3", "042", PUTIN, XI, "2025-05-07"), SETTINGS)
    assert not compatible(visit, rec("e4", "042", XI, PUTIN, "2025-05-07", negated=True), SETTINGS)
    assert not compatible(visit, rec("e5", "042", XI, PUTIN, "2025-05-07", modality="future"), SETTINGS)
    assert compatible(visit, rec("e6", "042", XI, PUTIN, "2025-05-07", modality="alleged"), SETTINGS)
    far = {"text": "Beijing", "span": [0, 1], "name": "Beijing", "country": "CHN", "lat": 39.9, "lon": 116.4}
    near = {"text": "Moscow", "span": [0, 1], "name": "Moscow", "country": "RUS", "lat": 55.75, "lon": 37.62}
    assert not compatible(rec("e7", "042", XI, PUTIN, "2025-05-07", location=far),
                          rec("e8", "042", XI, PUTIN, "2025-05-07", location=near), SETTINGS)


def test_statements_need_like_words() -> None:
    a = rec("e1", "010", A("FRAGOV", "Christophe Castaner"), None, "2019-05-24",
            evidence="Castaner said he has instructed all police prefects to reinforce security.")
    b = rec("e2", "010", A("FRAGOV"), None, "2019-05-24", article="a2",
            evidence="The prosecutor announced that it has opened a probe into the explosion.")
    c = rec("e3", "010", A("FRAGOV"), None, "2019-05-24", article="a3",
            evidence="Interior minister Castaner sent instructions to reinforce security of police prefects.")
    assert not compatible(a, b, SETTINGS) and compatible(a, c, SETTINGS)


def test_vague_reports_attach_and_never_bridge() -> None:
    # Two different visits in May, and "Xi visited Moscow in May": the month joins one of them
    # (the one with more reports) and does not merge the two.
    v1 = [rec("a", "042", XI, A("RUSGOV", "Vladimir Putin"), "2025-05-07", article="x1"),
          rec("b", "043", PUTIN, XI, "2025-05-07", article="x2")]
    v2 = [rec("c", "042", XI, A("RUSGOV", "Vladimir Putin"), "2025-05-20", article="x3")]
    month = rec("m", "042", XI, A("RUS"), "2025-05", "month", article="x4")
    groups = group(v1 + v2 + [month], SETTINGS)
    assert sorted(sorted(r.id for r in g) for g in groups) == [["a", "b", "m"], ["c"]]


def test_grouping_does_not_depend_on_order() -> None:
    reports = [rec(f"e{i}", "041", *(PUTIN, XI) if i % 2 else (XI, PUTIN), "2026-02-04",
                   basis="publication" if i % 3 else "text", article=f"a{i}") for i in range(6)]
    reports.append(rec("m", "04", A("CHN"), A("RUS"), "2026-02", "month", article="a9"))
    forward = [[r.id for r in g] for g in group(reports, SETTINGS)]
    backward = [[r.id for r in g] for g in group(list(reversed(reports)), SETTINGS)]
    assert forward == backward == [["e0", "e1", "e2", "e3", "e4", "e5", "m"]]


def test_one_sentences_dyads_of_a_meeting_of_three_are_one_act() -> None:
    # "Negotiators from Russia, Ukraine and the US met in Abu Dhabi": every pair of the three
    # parties, one sentence, one meeting; a fourth report of one dyad elsewhere joins it too.
    RUS_, UKR_, USA_ = A("RUSGOV"), A("UKRGOV"), A("USAGOV")
    abu_dhabi = [rec("t1", "040", RUS_, UKR_, "2026-02-04", sentence=13),
                 rec("t2", "040", RUS_, USA_, "2026-02-04", sentence=13),
                 rec("t3", "040", UKR_, USA_, "2026-02-04", sentence=13),
                 rec("t4", "046", USA_, RUS_, "2026-02-04", article="a2", sentence=2)]
    # A party meeting others in turn ("talks with leaders from France, Canada and Britain"):
    # a star, no pair of the others met, so as many acts as pairs.
    FRA, CAN, GBR = A("FRAGOV"), A("CANGOV"), A("GBRGOV")
    star = [rec(f"s{i}", "040", XI, other, "2026-02-01", sentence=20)
            for i, other in enumerate((FRA, CAN, GBR))]
    # Not the same occasion (another day; another sentence) or not reciprocal: apart.
    apart = [rec("d1", "040", FRA, CAN, "2026-02-01", sentence=21),
             rec("d2", "040", FRA, GBR, "2026-02-01", sentence=21),
             rec("d3", "040", CAN, GBR, "2026-01-20", sentence=21),
             rec("n1", "190", FRA, CAN, "2026-02-01", sentence=22),
             rec("n2", "190", FRA, GBR, "2026-02-01", sentence=22),
             rec("n3", "190", CAN, GBR, "2026-02-01", sentence=22)]
    reports = abu_dhabi + star + apart
    expected = [["d1"], ["d2"], ["d3"], ["n1"], ["n2"], ["n3"], ["s0"], ["s1"], ["s2"],
                ["t1", "t2", "t3", "t4"]]
    for order in (reports, list(reversed(reports))):
        assert sorted([r.id for r in g] for g in group(order, SETTINGS)) == expected
    assert pairwise_group(reports) == expected
    # Reports of no sentence (or of two sentences) are never joined this way.
    assert len(group([rec(r.id, r.event["cameo"], r.event["source"], r.event["target"],
                          r.event["date"]) for r in abu_dhabi[:3]], SETTINGS)) == 3


def test_one_speakers_spoken_acts_in_one_sentence_are_one_utterance() -> None:
    # "Erdogan condemned the attack and extended his condolences to Ghani": 111 with no target
    # (vague) and 018 to Ghani (core), one statement. "China has never denounced Russia's war or
    # called for it to withdraw": 111 and 0256, both negated, both core, one stance.
    def at(actor: dict, start: int) -> dict:  # the actor at its own words of the sentence
        return {**actor, "span": [start, start + 5]}

    ERDOGAN, GHANI = at(A("TURGOV", "Recep Tayyip Erdogan"), 30), A("AFGGOV", "Ashraf Ghani")
    erdogan = [rec("u1", "111", ERDOGAN, None, "2019-01-21", sentence=20),
               rec("u2", "018", ERDOGAN, GHANI, "2019-01-21", sentence=20)]
    china = [rec("c1", "111", A("CHN", "China"), A("RUS", "Russia"), "2026-02-04", negated=True, sentence=12),
             rec("c2", "0256", A("CHN", "China"), A("RUSGOV"), "2026-02-04", negated=True, sentence=12),
             # the sentence's material act, alleged: not part of the utterance
             rec("c3", "070", A("CHNGOV"), A("RUSGOV"), "2026-02-04", modality="alleged", sentence=12)]
    # Two statements with no target and no core report: one utterance all the same.
    vague = [rec("w1", "111", A("FRAGOV"), None, "2019-05-24", sentence=3),
             rec("w2", "020", A("FRAGOV"), None, "2019-05-24", sentence=3)]
    # One speaker's spoken acts aimed at different parties are one statement all the same:
    # "Xi criticized the US and praised Russia".
    aimed = [rec("e1", "111", XI, A("USA"), "2026-02-05", sentence=6),
             rec("e2", "051", XI, A("RUS"), "2026-02-05", sentence=6)]
    # Apart: two speakers; one act negated and one not; a meeting (not spoken) with a
    # statement; two sentences.
    apart = [rec("d1", "111", at(XI, 0), A("USA"), "2026-02-04", sentence=5),
             rec("d2", "112", at(PUTIN, 40), A("USA"), "2026-02-04", sentence=5),
             # "the police blamed the PCE, but the PCE denied involvement": a country and its
             # police are kin to clustering, not one speaker
             rec("p1", "112", at(A("ESPCOP"), 12), A("ESP", "PCE"), "2019-03-11", sentence=22),
             rec("p2", "016", at(A("ESP", "PCE"), 60), None, "2019-03-11", sentence=22),
             rec("f1", "111", XI, A("JPN"), "2026-02-06", sentence=7),
             rec("f2", "020", XI, A("JPN"), "2026-02-06", sentence=7, negated=True),
             rec("g1", "040", XI, A("FRAGOV"), "2026-02-07", sentence=8),
             rec("g2", "051", XI, A("FRAGOV"), "2026-02-07", sentence=8),
             rec("h1", "111", XI, A("KOR"), "2026-02-08", sentence=9),
             rec("h2", "020", XI, A("KOR"), "2026-02-08", sentence=10)]
    reports = erdogan + china + vague + aimed + apart
    expected = [["c1", "c2"], ["c3"], ["d1"], ["d2"], ["e1", "e2"], ["f1"], ["f2"], ["g1"],
                ["g2"], ["h1"], ["h2"], ["p1"], ["p2"], ["u1", "u2"], ["w1", "w2"]]
    for order in (reports, list(reversed(reports)), reports[1::2] + reports[::2]):
        assert sorted([r.id for r in g] for g in group(order, SETTINGS)) == expected
    assert pairwise_group(reports) == expected
    # The vague report follows its sentence's core report, also where a happening of its own
    # kind elsewhere would have taken it; reports of no sentence are never joined this way.
    elsewhere = [rec("x1", "111", ERDOGAN, GHANI, "2019-01-21", article="a2", sentence=1),
                 rec("x2", "111", ERDOGAN, GHANI, "2019-01-21", article="a3", sentence=4)]
    got = sorted([r.id for r in g] for g in group(erdogan + elsewhere, SETTINGS))
    assert got == [["u1", "u2"], ["x1", "x2"]] == pairwise_group(erdogan + elsewhere)
    unplaced = [rec(r.id, r.event["cameo"], r.event["source"], r.event["target"], r.event["date"])
                for r in erdogan]
    assert len(group(unplaced, SETTINGS)) == 2


def test_an_utterance_joins_acts_aimed_at_different_parties() -> None:
    # "Erdogan condemned the attack and extended his condolences to Ghani", the condemnation
    # aimed at the attack's doer (the Taliban): 111 and 018, two core reports whose targets are
    # not compatible, one statement. The happening reports its kept code (018, the tie broken
    # by the code) with that act's parties: Ghani, not the Taliban.
    ERDOGAN = {**A("TURGOV", "Recep Tayyip Erdogan"), "span": [30, 35]}
    TALIBAN, GHANI = A("AFGREB", "Taliban"), A("AFGGOV", "Ashraf Ghani")
    assert not actors_compatible(TALIBAN, GHANI)
    said = [rec("u1", "111", ERDOGAN, TALIBAN, "2019-01-21", sentence=20),
            rec("u2", "018", ERDOGAN, GHANI, "2019-01-21", sentence=20)]
    # The same two acts told in two sentences, or by two speakers, stay apart.
    apart = [rec("v1", "111", ERDOGAN, TALIBAN, "2019-02-01", sentence=3),
             rec("v2", "018", ERDOGAN, GHANI, "2019-02-01", sentence=4),
             rec("w1", "111", {**ERDOGAN, "span": [0, 5]}, TALIBAN, "2019-01-22", sentence=5),
             rec("w2", "018", {**A("PAKGOV", "Imran Khan"), "span": [40, 45]}, GHANI,
                 "2019-01-22", sentence=5)]
    reports = said + apart
    expected = [["u1", "u2"], ["v1"], ["v2"], ["w1"], ["w2"]]
    for order in (reports, list(reversed(reports)), reports[1::2] + reports[::2]):
        assert sorted([r.id for r in g] for g in group(order, SETTINGS)) == expected
    assert pairwise_group(reports) == expected
    for members in (said, list(reversed(said))):
        h = summarize(members)
        assert (h.cameo, h.source["name"], h.target["name"]) == ("018", "Recep Tayyip Erdogan",
                                                                 "Ashraf Ghani")
    # Where the kept code is the condemnation (told twice), the target is its party.
    h = summarize(said + [rec("u3", "111", ERDOGAN, TALIBAN, "2019-01-21", article="a2")])
    assert (h.cameo, h.target["name"]) == ("111", "Taliban")


def pairwise_group(reports: list[Report]) -> list[list[str]]:
    """The module's three steps checked on every pair of reports sharing a blocking key: the
    reference `group` (which checks classes of reports with equal fields) must agree with."""
    from collections import Counter
    from itertools import combinations

    from accord.clustering.happenings import blocking_keys

    keys = {r.id: set(blocking_keys(r, SETTINGS)) for r in reports}
    parent = {r.id: r.id for r in reports}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    def join(a: str, b: str) -> None:
        ra, rb = sorted((find(a), find(b)))
        parent[rb] = ra

    def linked(a: Report, b: Report) -> bool:
        return bool(keys[a.id] & keys[b.id]) and compatible(a, b, SETTINGS)

    core = [r for r in reports if r.is_core]
    for a, b in combinations(core, 2):
        if linked(a, b):
            join(a.id, b.id)
    for a, b in joint_meetings(core, SETTINGS):
        join(a.id, b.id)
    joins, follows = utterance_anchors(reports, SETTINGS)
    for a, b in joins:
        join(a.id, b.id)
    loose = []
    for v in sorted((r for r in reports if not r.is_core and id(r) not in follows),
                    key=lambda r: r.id):
        counts = Counter(find(c.id) for c in core if linked(v, c))
        if counts:
            parent[v.id] = min(counts, key=lambda root: (-counts[root], root))
        else:
            loose.append(v)
    for a, b in combinations(loose, 2):
        if linked(a, b):
            join(a.id, b.id)
    for r in reports:  # an utterance's vague reports go where its anchor went
        if id(r) in follows:
            parent[r.id] = find(follows[id(r)].id)
    groups: dict[str, list[str]] = {}
    for r in reports:
        groups.setdefault(find(r.id), []).append(r.id)
    return sorted(sorted(g) for g in groups.values())


def test_reports_with_equal_fields_group_as_every_pair_would() -> None:
    # Copies of one report in several articles (one class of equal fields), statements whose
    # evidence has no content words (not even compatible with their equals), twin month reports
    # choosing between two visits, twin vague reports with no core happening, reports with no
    # side (no blocking key).
    reports = [rec(f"v{i}", "042", XI, PUTIN, "2025-05-07", article=f"a{i}") for i in range(3)]
    reports += [rec(f"w{i}", "042", XI, PUTIN, "2025-05-20", article=f"b{i}") for i in range(2)]
    reports += [rec(f"m{i}", "042", XI, A("RUS"), "2025-05", "month", article=f"c{i}")
                for i in range(2)]
    reports += [rec(f"s{i}", "010", A("FRAGOV"), None, "2019-05-24", article=f"d{i}")
                for i in range(2)]
    reports += [rec(f"t{i}", "010", A("FRAGOV"), None, "2019-05-24", article=f"e{i}",
                    evidence="Castaner said he will reinforce security.") for i in range(2)]
    reports += [rec(f"n{i}", "190", None, None, "2020-01-15", article=f"f{i}") for i in range(2)]
    reports += [rec(f"u{i}", "190", A("SYR"), None, "2020-01", "month", article=f"g{i}")
                for i in range(2)]
    expected = pairwise_group(reports)
    assert ["m0", "m1", "v0", "v1", "v2"] in expected and ["s0"] in expected and ["n1"] in expected
    assert ["t0", "t1"] in expected and ["u0", "u1"] in expected
    for order in (reports, list(reversed(reports)), reports[1::2] + reports[::2]):
        assert sorted([r.id for r in g] for g in group(order, SETTINGS)) == expected


def test_summary_takes_the_best_informed_values() -> None:
    members = [rec("e1", "041", A("RUS", "Russia"), A("CHN"), "2026-02-04", basis="publication",
                   article="a1", outlet="wire"),
               rec("e2", "041", PUTIN, XI, "2026-02-03", article="a2", outlet="paper"),
               rec("e3", "040", XI, PUTIN, "2026-02", "month", article="a3", outlet="paper")]
    from accord.clustering.happenings import Copy
    h = summarize(members, [Copy("c1", "a1", "2026-02-05", "other")])
    assert (h.date, h.date_precision, h.cameo) == ("2026-02-03", "day", "041")
    assert h.source["name"] == "Vladimir Putin" and h.target["name"] == "Xi Jinping"
    assert (h.reports, h.articles, h.sources) == (3, 4, 3)
    assert (h.first_seen, h.last_seen) == ("2026-02-04", "2026-02-05")
    assert 0.8 < h.confidence <= 1.0  # two independent outlets: more than either alone


def test_a_running_summary_is_the_summary_of_its_reports() -> None:
    """A happening's running summary, built from some reports and then given the others one at
    a time in any order, gives what `summarize` gives for them all: ties between equal values
    (two spellings of one place, one actor's two mentions) go to the first report in the
    members' order, as in `summarize`."""
    import random

    from accord.clustering.happenings import Copy, Summary
    paris = {"text": "Paris", "span": [3, 8], "name": "Paris", "country": "FRA", "lat": 48.9,
             "lon": 2.3}
    paris2 = dict(paris, span=[9, 14])
    unplaced = dict(paris, text="paris", span=[1, 6], lat=None, lon=None)
    members = [
        rec("e5", "041", PUTIN, XI, "2026-02-04", article="a1", outlet="wire", location=paris),
        rec("e2", "041", XI, PUTIN, "2026-02-04", article="a2", outlet="paper", location=paris2,
            published="2026-02-03"),
        rec("e9", "042", A("RUS", "Russia"), A("CHN"), "2026-02", "month", article="a3",
            outlet="paper", location=unplaced),
        rec("e1", "040", A("RUS"), None, "2026-02-04", basis="publication", article="a4",
            outlet=None, published=None, modality="alleged"),
        rec("e7", "041", dict(PUTIN, span=[5, 6]), XI, "2026-02-04", article="a5", outlet="tv",
            published="2026-02-06"),
        rec("e3", "036", PUTIN, XI, None, None, article="a5", outlet="tv", published="2026-02-06",
            modality="future"),
    ] + [rec(f"f{i}", "041", XI, PUTIN, "2026-02-04", article=f"b{i}", outlet=f"o{i % 3}",
             published=f"2026-02-0{4 + i % 3}") for i in range(8)]
    for i, r in enumerate(members):
        r.event["confidence"] = 0.3 + 0.05 * i
    copies = [Copy("c1", "a1", "2026-02-07", "other"), Copy("c2", "b1", None, "paper"),
              Copy("c3", "zz", "2026-01-01", "elsewhere")]
    want = summarize(members, copies)
    rng = random.Random(3)
    for _ in range(30):
        order = members[:]
        rng.shuffle(order)
        cut = rng.randrange(len(order) + 1)
        summary = Summary.of(order[:cut])
        if cut:
            summary.happening(copies)
        for r in order[cut:]:
            summary.add(r)
        assert summary.happening(copies) == want
    assert (want.reports, want.articles, want.sources) == (14, 15, 8)


# -- the store -----------------------------------------------------------------------------------


def call_doc(aid: str, text: str = WIRE, *, source: str | None = "Wire", url: str | None = None,
             date: str = "2026-02-04", coded: bool = True, title: str | None = None) -> Document:
    art = Article(aid, text, date=date, title=title, url=url, source=source)
    if not coded:
        return Document(art)
    xi = actor(text, "Xi Jinping", "Xi Jinping", "CHNGOV", "CHN", "GOV")
    putin = actor(text, "Vladimir Putin", "Vladimir Putin", "RUSGOV", "RUS", "GOV")
    events = [event(art, 0, sentence=0, trigger="held a video call", source=xi, target=putin,
                    cameo="041", plover="CONSULT", quad=1, goldstein=1.0, date="2026-02-04",
                    precision="day", basis="text", mode="phone")]
    if "Update:" in text:
        events.append(event(art, 1, sentence=7, trigger="accepted an invitation", source=putin,
                            target=xi, cameo="036", plover="CONSULT", quad=1, goldstein=4.0,
                            date="2026-02-04", precision="day", basis="text", modality="future"))
    return Document(art, events=events)


def by_article(store, article_id: str) -> dict:
    return {a["id"]: a for a in Service(store).article_records()}[article_id]


def test_copy_is_linked_not_coded_and_counted(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.duckdb") as s:
        assert s.ingest(call_doc("wire")).status == "stored"
        copy = call_doc("paper", "By AFP. " + WIRE + FOOTER, source="Paper")
        outcome = s.ingest(copy)
        assert (outcome.status, outcome.duplicate_of) == ("copy", "wire")
        assert by_article(s, "paper")["duplicate_of"] == "wire"
        assert by_article(s, "paper")["events"] == 0  # not coded, whatever it came with
        [h] = Service(s).happenings().items
        assert (h["reports"], h["articles"], h["sources"]) == (1, 2, 2)
        assert s.ingest(copy).status == "duplicate"  # re-ingest changes nothing
        assert Service(s).happenings().items == [h]
        # Before the parse: the store names the original of an uncoded copy.
        third = Article("third", WIRE + " (Reuters)", date="2026-02-04", source="Third")
        assert s.original_of(third) == "wire"


def test_update_extends_and_the_old_version_becomes_its_copy(tmp_path: Path) -> None:
    def run(order):
        with open_store(tmp_path / f"{'-'.join(order)}.duckdb") as s:
            docs = {"v1": call_doc("v1", WIRE, url="https://wire.example/a"),
                    "v2": call_doc("v2", WIRE + NEW_PARAGRAPH, url="https://wire.example/a-updated")}
            outcomes = {k: s.ingest(docs[k]) for k in order}
            arts = {a["id"]: (a["duplicate_of"], a["events"]) for a in Service(s).article_records()}
            hs = sorted((h["reports"], h["articles"], h["sources"], h["cameo"]) for h in Service(s).happenings().items)
            return outcomes, arts, hs

    first, arts1, hs1 = run(["v1", "v2"])
    assert first["v2"].status == "stored" and "extends v1" in first["v2"].note
    second, arts2, hs2 = run(["v2", "v1"])
    assert second["v1"].status == "copy"
    assert arts1 == arts2 == {"v1": ("v2", 0), "v2": (None, 2)}
    # Merged, not doubled: the call once, from the coded version, with both articles, one outlet.
    assert hs1 == hs2 == [(1, 2, 1, "036"), (1, 2, 1, "041")]


def test_an_update_that_becomes_a_copy_takes_its_copies_along(tmp_path: Path) -> None:
    """Only a stored article can have stored copies: when its new version is a copy of another
    article, its copies follow it to that original (a new copy has none to move)."""
    other = ("Floods closed the main coastal road for a second day on Tuesday as rivers rose "
             "after a week of heavy rain, officials said. Schools in three districts stayed shut "
             "and the army sent boats to villages cut off by the water. Forecasters expect more "
             "rain on Thursday and warned farmers in the valley to move livestock to higher "
             "ground before the weekend, when the river is expected to peak again.")
    with open_store(tmp_path / "a.duckdb") as s:
        s.ingest(call_doc("x", other, source="Local", coded=False))
        assert s.ingest(call_doc("x-copy", other + FOOTER, source="Feed", coded=False)
                        ).duplicate_of == "x"
        s.ingest(call_doc("y", WIRE))
        updated = s.ingest(call_doc("x", WIRE + " (Reuters)", source="Local", coded=False))
        assert (updated.status, updated.duplicate_of) == ("updated", "y")
        arts = {a["id"]: a["duplicate_of"] for a in Service(s).article_records()}
        assert arts == {"x": "y", "x-copy": "y", "y": None}
        [h] = Service(s).happenings().items
        assert (h["articles"], h["sources"]) == (3, 3)


def test_exact_copy_under_a_new_id(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.duckdb") as s:
        s.ingest(call_doc("wire", url="https://wire.example/a"))
        same = s.ingest(call_doc("wire-again", url="https://wire.example/a"))
        assert (same.status, same.duplicate_of) == ("duplicate", "wire")  # read twice
        elsewhere = s.ingest(call_doc("mirror", url="https://mirror.example/a", source="Mirror"))
        assert (elsewhere.status, elsewhere.duplicate_of) == ("copy", "wire")  # republished
        [h] = Service(s).happenings().items
        assert (h["articles"], h["sources"]) == (2, 2)
        assert {a["id"] for a in Service(s).article_records()} == {"wire", "mirror"}


def test_empty_update_is_refused_and_the_stored_version_kept(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.duckdb") as s:
        s.ingest(call_doc("wire"))
        before = s.article_records("wire")
        with pytest.raises(ValueError, match="wire: an update with an empty text"):
            s.ingest(Document(Article("wire", "   ", date="2026-02-04")))
        assert s.article_records("wire") == before
        assert len(Service(s).happenings().items) == 1


def test_an_empty_new_article_is_refused_not_stored_as_a_copy(tmp_path: Path) -> None:
    # Two empty texts share a content hash: without the check the second was stored as a
    # "copy" of the first, from another outlet. The readers refuse empty texts; the store is
    # the last line for callers that build documents themselves (`accord load`, Python).
    refused: list[tuple[str, str]] = []
    with open_store(tmp_path / "a.duckdb") as s:
        s.ingest(call_doc("wire"))
        with pytest.raises(ValueError, match="e1: an empty text; nothing to store"):
            s.ingest(Document(Article("e1", "", date="2026-02-04", source="A")))
        outcomes = list(s.ingest_many(
            [Document(Article("e2", " \n ", date="2026-02-04", source="B")),
             Document(Article("e3", "", date="2026-02-04", source="C")), call_doc("mirror", source="Mirror")],
            on_error=lambda d, e: refused.append((d.id, str(e)))))
        assert [(o.article_id, o.status) for o in outcomes] == [("mirror", "copy")]
        assert [aid for aid, _ in refused] == ["e2", "e3"]
        assert {a["id"]: a["duplicate_of"] for a in Service(s).article_records()} == \
            {"wire": None, "mirror": "wire"}


def test_articles_claiming_each_other_as_originals(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.duckdb") as s:
        a = call_doc("a", WIRE)
        a.article.duplicate_of = "b"
        b = call_doc("b", "By AFP. " + WIRE, source="Other")
        b.article.duplicate_of = "a"
        first = s.ingest(a)
        assert first.status == "stored" and "not stored: stored as an original" in first.note
        second = s.ingest(b)
        assert (second.status, second.duplicate_of) == ("copy", "a")
        assert {x["id"]: x["duplicate_of"] for x in Service(s).article_records()} == {"a": None, "b": "a"}
        # An uncoded article claiming an article that is not stored cannot be kept as a copy
        # and has nothing to be coded with: refused, with the reason.
        lone = call_doc("lone", "Some other story entirely. " * 5, coded=False)
        lone.article.duplicate_of = "missing"
        with pytest.raises(ValueError, match="lone: claimed to be a copy of missing"):
            s.ingest(lone)


def test_order_independent_and_recluster_equal(tmp_path: Path) -> None:
    def docs():  # fresh each time: the store sets `happening` and `duplicate_of` on them
        return [call_doc("wire"), call_doc("paper", "By AFP. " + WIRE + FOOTER, source="Paper"),
                call_doc("other", WIRE.replace("Wednesday", "Wednesday evening") + NEW_PARAGRAPH
                         + " Extra reporting by our correspondent in Beijing, who spoke to officials.",
                         source="Other")]

    def state(order):
        with open_store(tmp_path / f"{order}.duckdb") as s:
            for d in (docs() if order == "fwd" else list(reversed(docs()))):
                s.ingest(d)
            counted = sorted((h["reports"], h["articles"], h["sources"], h["date"], h["cameo"])
                             for h in Service(s).happenings().items)
            before = {h["id"]: h for h in Service(s).happenings().items}
            keys = sorted(s._query("SELECT * FROM happening_keys"))
            s.recluster()
            assert {h["id"]: h for h in Service(s).happenings().items} == before
            assert sorted(s._query("SELECT * FROM happening_keys")) == keys
            return counted, keys

    assert state("fwd") == state("rev")


def test_delete_and_recode_update_happenings(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.duckdb") as s:
        s.ingest(call_doc("wire"))
        other = ("Xi Jinping and Vladimir Putin held a video call, state media said, in a "
                 "report of its own written by another newsroom with no shared sentences at all.")
        s.ingest(call_doc("second", other, source="Second"))
        s.ingest(call_doc("paper", "By AFP. " + WIRE, source="Paper"))
        [h] = Service(s).happenings().items
        assert (h["reports"], h["articles"], h["sources"]) == (2, 3, 3)
        recoded = call_doc("second", other + " Corrected.", source="Second")
        recoded.events = []
        assert s.ingest(recoded).status == "updated"
        [h] = Service(s).happenings().items
        assert (h["reports"], h["articles"]) == (1, 2)
        result = s.delete_article("wire")
        assert result == {"deleted": "wire", "needs_coding": "paper", "copies": ["paper"]}
        assert Service(s).happenings().items == []
        assert by_article(s, "paper")["duplicate_of"] is None
        assert s.delete_article("wire") is None


def test_happening_queries_and_records(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    with open_store(tmp_path / "a.duckdb") as s:
        s.ingest(call_doc("wire"))
        s.ingest(call_doc("paper", "By AFP. " + WIRE, source="Paper"))
        s.ingest(call_doc("front", "Russian forces shelled Kharkiv on Tuesday, officials said. " * 3,
                          source="Wire", coded=False))
        [h] = Service(s).happenings(Filters.parse(min_sources=2)).items
        assert Service(s).happenings(Filters.parse(min_sources=3)).items == []
        assert Service(s).happenings(Filters.parse(dyad=("RUS", "CHN"))).items == [h]
        assert Service(s).happenings(Filters.parse(actor="USA")).items == []
        detail = Service(s).happening(h["id"])
        assert [r["article_id"] for r in detail["evidence"]] == ["wire"]
        assert detail["evidence"][0]["article"]["source"] == "Wire"
        assert [c["id"] for c in detail["copies"]] == ["paper"]
        assert Service(s).happening("nope") is None
        [event] = Service(s).reports().items
        assert event["happening"] == h["id"]
        if SCHEMA_PATH.is_file():
            validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text()))
            records = [h, event] + [{k: v for k, v in a.items() if k not in ("events", "quotes")}
                                    for a in Service(s).article_records()]
            for r in records:
                assert not list(validator.iter_errors(r)), r


def test_a_database_from_before_clustering_is_clustered_on_open(tmp_path: Path) -> None:
    from accord.store.migrations import latest_version

    path = tmp_path / "old.duckdb"
    with open_store(path) as s:
        s.ingest(call_doc("wire"))
        s.ingest(call_doc("second", "Xi Jinping and Vladimir Putin held a video call, the two "
                          "governments said on Wednesday, in a report of its own.", source="Second"))
        expected = Service(s).happenings().items
        # Back to what schema 2 had: no clustering tables, no happening on the events.
        for table in ("happenings", "happening_keys", "nearcopy_bands", "article_signatures",
                      "article_shingles"):
            s.con.execute(f"DROP TABLE {table}")
        s.con.execute("DROP INDEX events_happening")
        s.con.execute("UPDATE events SET happening = NULL")
        s.con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    with open_store(path) as s:
        assert s.schema_version() == latest_version(s.backend)
        assert Service(s).happenings().items == expected
        assert s.original_of(Article("copy", "By AFP. " + WIRE, date="2026-02-04")) == "wire"
        # Its articles are signed and their shingle hashes stored (schema 6).
        [(blob,)] = s.con.execute(
            "SELECT shingles FROM article_shingles WHERE article_id = 'wire'").fetchall()
        assert N.hashes_from_bytes(blob).tolist() == fp(WIRE).hashes.tolist()
        assert s.con.execute("SELECT count(*) FROM article_shingles").fetchall() == [(2,)]


def test_a_database_filed_by_the_old_undated_rule_is_reclustered_on_open(tmp_path: Path) -> None:
    """Schema 4 places an undated report by its article's publication date: a database of schema
    3 (undated reports filed under a key of all time, apart from the dated call) is reclustered
    when opened, so that its happenings and keys are those of the new rule."""
    from accord.store.migrations import latest_version

    import random

    def undated(aid: str) -> Document:
        # 60 words of its own: coded, not a near-copy of the wire story.
        own = random.Random(aid).sample(sorted(set(NEW_PARAGRAPH.split() + WIRE.split())), 60)
        art = Article(aid, WIRE + " " + " ".join(own), date="2026-02-05", source=aid)
        xi = actor(art.text, "Xi Jinping", "Xi Jinping", "CHNGOV", "CHN", "GOV")
        putin = actor(art.text, "Vladimir Putin", "Vladimir Putin", "RUSGOV", "RUS", "GOV")
        return Document(art, events=[event(art, 0, sentence=0, trigger="held a video call",
                                           source=xi, target=putin, cameo="041", plover="CONSULT",
                                           quad=1, goldstein=1.0, date=None, precision=None,
                                           basis=None)])

    path = tmp_path / "v3.duckdb"
    with open_store(path) as s:
        s.ingest(_same_call(0))  # the call of 4 February, told on the 5th
        s.ingest(undated("late"))
        expected = _counted(s)
        assert [h[1] for h in expected] == [2]  # the undated report joins the call of the day before
        # Back to what schema 3 held: the undated report alone, filed under an "undated" key
        # (schema 3 had a key row per report).
        [(eid,)] = s.con.execute("SELECT id FROM events WHERE article_id = 'late'").fetchall()
        s.con.execute("DROP TABLE happening_keys")
        s.con.execute("CREATE TABLE report_keys (key VARCHAR NOT NULL, event_id VARCHAR NOT NULL)")
        s.con.execute("INSERT INTO report_keys SELECT '04|' || c || '|2026-02', id FROM events, "
                      "(VALUES ('CHN'), ('RUS')) AS t(c) WHERE id <> ?", [eid])
        s.con.execute("INSERT INTO report_keys VALUES ('04|CHN|undated', ?), ('04|RUS|undated', ?)",
                      [eid, eid])
        s.con.execute("UPDATE events SET happening = 'hold' WHERE id = ?", [eid])
        s.con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    with open_store(path) as s:
        assert s.schema_version() == latest_version(s.backend)
        assert _counted(s) == expected
        assert not s.con.execute("SELECT * FROM happening_keys WHERE key LIKE '%undated'").fetchall()
        s.ingest(undated("later"))  # found under the new keys
        assert [h[1] for h in _counted(s)] == [3]


def test_the_store_finds_reports_at_the_edges_of_the_date_window(tmp_path: Path) -> None:
    """The store reads only the days a new report can reach (`Clusters._day_windows`): at the
    edges of that window, across a month boundary, and for month- and year-dated reports, it
    must find exactly the happenings the rules give for the whole set, in either order."""
    text = WIRE
    xi = actor(text, "Xi Jinping", "Xi Jinping", "CHNGOV", "CHN", "GOV")
    putin = actor(text, "Vladimir Putin", "Vladimir Putin", "RUSGOV", "RUS", "GOV")

    import random

    def doc(aid: str, published: str, date: str | None, precision: str | None, basis: str | None):
        # Each text adds 60 words of its own to the wire story: coded, not a near-copy.
        own = random.Random(aid).sample(sorted(set(NEW_PARAGRAPH.split() + WIRE.split())), 60)
        art = Article(aid, text + " " + " ".join(own), date=published, source=aid)
        return Document(art, events=[event(art, 0, sentence=0, trigger="held a video call",
                                           source=xi, target=putin, cameo="041", plover="CONSULT",
                                           quad=1, goldstein=1.0, date=date, precision=precision,
                                           basis=basis)])

    def docs():
        return [doc("on-feb27", "2026-02-27", "2026-02-27", "day", "text"),
                doc("pub-mar01", "2026-03-01", "2026-03-01", "day", "publication"),  # reaches Feb 27
                doc("on-feb26", "2026-03-02", "2026-02-26", "day", "text"),  # out of reach
                doc("on-mar02", "2026-03-04", "2026-03-02", "day", "text"),  # after it: apart
                doc("pub-mar06", "2026-03-06", "2026-03-06", "day", "publication"),  # reaches Mar 4
                doc("on-mar04", "2026-03-07", "2026-03-04", "day", "text"),
                doc("in-march", "2026-04-01", "2026-03", "month", "text"),
                doc("in-2026", "2026-05-01", "2026", "year", "text")]

    expected = sorted(tuple(sorted(r.article_id for r in g))
                      for g in group([Report(e.to_record(), d.article.date, d.id)
                                      for d in docs() for e in d.events], SETTINGS))
    # The rules themselves: the edges are where the test says they are.
    assert any({"on-feb27", "pub-mar01"} <= set(g) for g in expected)
    assert not any({"on-feb26", "on-feb27"} <= set(g) for g in expected)
    assert any({"on-mar04", "pub-mar06"} <= set(g) for g in expected)
    for order in ("forward", "reverse"):
        with open_store(tmp_path / f"{order}.duckdb") as s:
            for d in (docs() if order == "forward" else list(reversed(docs()))):
                s.ingest(d)
            stored = {}
            for aid, h in s.con.execute("SELECT article_id, happening FROM events").fetchall():
                stored.setdefault(h, []).append(aid)
            assert sorted(tuple(sorted(v)) for v in stored.values()) == expected, order


# -- kept members (the store's in-memory members of recently written happenings) ----------------

from test_store import BACKENDS  # noqa: E402


@pytest.fixture(params=BACKENDS)
def kept_target(request, tmp_path: Path):
    if request.param == "duckdb":
        return str(tmp_path / "kept.duckdb")
    return request.getfixturevalue("pg_url")


def test_a_stored_candidate_is_checked_by_its_stored_shingle_hashes(kept_target) -> None:
    """Schema 6: each signed article's shingle hashes are stored (`article_shingles`) and a
    stored candidate is compared from them, not from its text; a database of schema 5 (the
    same tables without that one) has them computed from its texts when opened, its happenings
    untouched; deleting an article deletes its row."""
    from accord.store.migrations import latest_version

    def table(s, sql: str) -> list[tuple]:
        return [tuple(bytes(v) if isinstance(v, memoryview) else v for v in r)
                for r in s._rows(sql)]

    with open_store(kept_target) as s:
        s.ingest(call_doc("wire"))
        s.ingest(call_doc("front", "Protesters gathered in central Paris on Saturday to demand "
                          "higher wages for nurses and teachers.", coded=False))
        [(blob,)] = table(s, "SELECT shingles FROM article_shingles WHERE article_id = 'wire'")
        assert N.hashes_from_bytes(blob).tolist() == fp(WIRE).hashes.tolist()
        stored = table(s, "SELECT article_id, shingles FROM article_shingles ORDER BY 1")
        assert [r[0] for r in stored] == ["front", "wire"]
        happenings = table(s, "SELECT * FROM happenings ORDER BY id")
        # Back to schema 5 (migration 6 only adds the table).
        with s.transaction():
            s._execute("DROP TABLE article_shingles")
            s._execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    with open_store(kept_target) as s:
        assert s.schema_version() == latest_version(s.backend) == 9
        assert table(s, "SELECT article_id, shingles FROM article_shingles ORDER BY 1") == stored
        assert table(s, "SELECT * FROM happenings ORDER BY id") == happenings
        # The stored text is not what the check reads (a new process: no fingerprint at hand).
        with s.transaction():
            s._execute("UPDATE articles SET text = 'gone' WHERE id = 'wire'")
    with open_store(kept_target) as s:
        assert s.original_of(Article("copy", "By AFP. " + WIRE, date="2026-02-04")) == "wire"
        outcome = s.ingest(call_doc("copy", "By AFP. " + WIRE))
        assert (outcome.status, outcome.duplicate_of) == ("copy", "wire")
        s.delete_article("front")
        assert [r[0] for r in table(s, "SELECT article_id FROM article_shingles ORDER BY 1")] == [
            "copy", "wire"]


def _same_call(n: int) -> Document:
    """The Xi-Putin call of 4 February in an article of its own (its own words: not a copy)."""
    import random

    aid = f"call-{n:02d}"
    own = random.Random(aid).sample(sorted(set(NEW_PARAGRAPH.split() + WIRE.split())), 60)
    art = Article(aid, WIRE + " " + " ".join(own), date="2026-02-05", source=f"outlet {n}")
    xi = actor(art.text, "Xi Jinping", "Xi Jinping", "CHNGOV", "CHN", "GOV")
    putin = actor(art.text, "Vladimir Putin", "Vladimir Putin", "RUSGOV", "RUS", "GOV")
    return Document(art, events=[event(art, 0, sentence=0, trigger="held a video call",
                                       source=xi, target=putin, cameo="041", plover="CONSULT",
                                       quad=1, goldstein=1.0, date="2026-02-04", precision="day",
                                       basis="text")])


def _counted(s) -> list[tuple]:
    return sorted((h["id"], h["reports"], h["articles"], h["sources"], tuple(h["event_ids"]))
                  for h in Service(s).happenings().items)


def _full_reads(s) -> list[int]:
    """Counts the stored reports the store reads whole (clustering's select), from now on."""
    from accord.store.clusters import _EVENT_SELECT

    read = [0]
    query = s.clusters.query

    def counting(sql, params=None):
        rows = query(sql, params)
        if sql.startswith(_EVENT_SELECT):
            read[0] += len(rows)
        return rows
    s.clusters.query = counting
    return read


def test_a_large_happening_is_not_read_again_for_each_report(kept_target: str) -> None:
    with open_store(kept_target) as s:
        for n in range(12):
            s.ingest(_same_call(n))
        read = _full_reads(s)
        s.ingest(_same_call(12))
        # Only the report written last time is read (its stored form), not all twelve.
        assert read[0] <= 2
        [h] = _counted(s)
        assert h[1:4] == (13, 13, 13)
        # Thirteen reports told alike are one class: one key row per blocking key (CHN, RUS),
        # so the candidates a new report reads do not grow with the happening.
        keys = sorted(s._query("SELECT key, happening, report FROM happening_keys"))
        assert [k for k, _, _ in keys] == ["04|CHN|2026-02", "04|RUS|2026-02"]
        s.recluster()
        assert _counted(s) == [h]
        assert sorted(s._query("SELECT key, happening, report FROM happening_keys")) == keys


def test_kept_members_do_not_outlive_a_rollback(kept_target: str, monkeypatch) -> None:
    with open_store(kept_target) as s:
        for n in range(3):
            s.ingest(_same_call(n))

        def fail() -> None:
            raise RuntimeError("disk full")
        # Not the article of the happening's first report: its id then stays the same.
        [(_, _, _, _, event_ids)] = _counted(s)
        gone = [d.id for d in map(_same_call, range(3)) if d.events[0].id == max(event_ids)][0]
        monkeypatch.setattr(s, "_prune_actors", fail)  # after the happenings are rewritten
        with pytest.raises(RuntimeError):
            s.delete_article(gone)
        monkeypatch.undo()
        # A copy of another article: its happening is rewritten from what the store holds.
        kept = next(d for d in map(_same_call, range(3)) if d.id != gone)
        copy = Document(Article("copy", "By AFP. " + kept.article.text, date="2026-02-05",
                                source="Copier"))
        assert s.ingest(copy).status == "copy"
        [h] = _counted(s)
        assert h[1:3] == (3, 4)  # the article is still stored, and counted
        s.ingest(_same_call(3))
        [h] = _counted(s)
        assert h[1] == 4
        s.recluster()
        assert _counted(s) == [h]


@pytest.mark.parametrize("elsewhere", [False, True])
def test_kept_members_are_checked_against_other_writers(kept_target: str, elsewhere: bool) -> None:
    """Another store writing to the same database (in this process, or, on PostgreSQL, in
    another: its rows' stamps) makes what this one keeps of those happenings stale."""
    if elsewhere and not kept_target.startswith("postgresql"):
        pytest.skip("one writing process per DuckDB file")
    with open_store(kept_target) as s, open_store(kept_target) as other:
        if elsewhere:  # as another process would: it does not share this process's counts
            other._write_key = lambda: "another process"
        for n in range(3):
            s.ingest(_same_call(n))
        other.delete_article("call-01")
        other.ingest(_same_call(4))
        s.ingest(_same_call(3))
        [h] = _counted(s)
        assert h[1] == 4 and "call-01" not in {e.split("-")[0] for e in h[4]}
        s.recluster()
        assert _counted(s) == [h]


# -- order independence when a write reaches beyond the happenings it joins ---------------------


def _visit_doc(aid: str, published: str, target: tuple, date: str, precision: str = "day",
               basis: str = "text") -> Document:
    """An article of its own words reporting Xi's visit to a Russian side (CAMEO 042)."""
    import random

    own = random.Random(aid).sample(sorted(set(NEW_PARAGRAPH.split() + WIRE.split())), 60)
    text = (WIRE + " Sergei Lavrov. Russia. Russian government. " + " ".join(own))
    art = Article(aid, text, date=published, source=f"outlet {aid}")
    xi = actor(text, "Xi Jinping", "Xi Jinping", "CHNGOV", "CHN", "GOV")
    return Document(art, events=[event(art, 0, sentence=0, trigger="held a video call", source=xi,
                                       target=actor(text, *target), cameo="042", plover="CONSULT",
                                       quad=1, goldstein=1.0, date=date, precision=precision,
                                       basis=basis)])


PUTIN_T = ("Vladimir Putin", "Vladimir Putin", "RUSGOV", "RUS", "GOV")
LAVROV_T = ("Sergei Lavrov", "Sergei Lavrov", "RUSGOV", "RUS", "GOV")
RUS_T = ("Russia.", None, "RUS", "RUS", None)
RUSGOV_T = ("Russian government", None, "RUSGOV", "RUS", "GOV")


def _reaching_docs() -> list[Document]:
    """A visit "in May" (vague: a month) compatible with three core happenings: P (three reports,
    20 May), Q1 (two, 7 May) and Q2 (two, 8 May); and a bridge, published on 8 May with Lavrov
    as its target (not compatible with the month's Putin), that joins Q1 and Q2 into one
    happening of four compatible reports: the month then belongs there, not with P."""
    return ([_visit_doc(f"p{i}", "2025-05-21", PUTIN_T, "2025-05-20") for i in range(3)]
            + [_visit_doc(f"q1-{i}", "2025-05-08", RUS_T, "2025-05-07") for i in range(2)]
            + [_visit_doc(f"q2-{i}", "2025-05-09", RUSGOV_T, "2025-05-08") for i in range(2)]
            + [_visit_doc("month", "2025-06-01", PUTIN_T, "2025-05", "month")]
            + [_visit_doc("bridge", "2025-05-08", LAVROV_T, "2025-05-08", basis="publication")])


def _stored_state(s) -> tuple[list, list]:
    return (sorted(s._rows("SELECT id, happening FROM events")),
            sorted(s._rows("SELECT * FROM happenings")))


@pytest.mark.parametrize("order", ["bridge last", "bridge first"])
def test_a_merge_and_a_deletion_reach_vague_reports_elsewhere(kept_target: str, order: str) -> None:
    """The store regroups the happenings holding a report compatible with a new one; a vague
    report elsewhere must follow when two happenings merge (it counts their reports together),
    and when the happening it joined loses reports: the outcome is what the rules give for the
    whole set, whatever the order (ingesting A then B gives the happenings of B then A)."""
    docs = _reaching_docs()
    if order == "bridge first":
        docs = docs[-1:] + docs[:-1]
    expected = group([Report(e.to_record(), d.article.date, d.id) for d in _reaching_docs()
                      for e in d.events], SETTINGS)
    month_with = {d.article_id for g in expected if any(r.article_id == "month" for r in g)
                  for d in g}
    assert month_with == {"month", "q1-0", "q1-1", "q2-0", "q2-1", "bridge"}  # the rules
    with open_store(kept_target) as s:
        for d in docs:
            s.ingest(d)
        incremental = _stored_state(s)
        stored = {}
        for aid, h in s._rows("SELECT article_id, happening FROM events"):
            stored.setdefault(h, set()).add(aid)
        assert month_with in stored.values()
        s.recluster()
        assert _stored_state(s) == incremental
        # Q loses three of its reports: the month goes back to P (three compatible reports).
        for aid in ("q1-0", "q2-0", "bridge"):
            s.delete_article(aid)
        incremental = _stored_state(s)
        stored = {}
        for aid, h in s._rows("SELECT article_id, happening FROM events"):
            stored.setdefault(h, set()).add(aid)
        assert {"month", "p0", "p1", "p2"} in stored.values()
        s.recluster()
        assert _stored_state(s) == incremental


# -- one sentence's meeting of three parties, through the store ----------------------------------

TALKS = ("Negotiators from Russia, Ukraine and the United States met in Abu Dhabi on Wednesday. "
         "Russia and Ukraine met first. Russia and the United States met later. Ukraine and the "
         "United States met last. Officials gave no details.")


def _talks_doc(aid: str, pairs: list[tuple[int, str, str]], text: str = TALKS,
               day: str = "2026-02-04") -> Document:
    """Dyads (sentence, party, party) of CAMEO 040 on `day`, each a report."""
    import random

    own = random.Random(aid).sample(sorted(set(NEW_PARAGRAPH.split() + WIRE.split())), 60)
    art = Article(aid, text + " " + " ".join(own), date=day, source=f"outlet {aid}")
    parties = {"Russia": ("Russia", "RUSGOV", "RUS"), "Ukraine": ("Ukraine", "UKRGOV", "UKR"),
               "United States": ("United States", "USAGOV", "USA")}

    def side(words):
        name, code, country = parties[words]
        return actor(art.text, words, name, code, country, "GOV")
    return Document(art, events=[
        event(art, n, sentence=k, trigger="met", source=side(a), target=side(b), cameo="040",
              plover="CONSULT", quad=1, goldstein=1.0, date=day, precision="day",
              basis="text") for n, (k, a, b) in enumerate(pairs)])


@pytest.mark.parametrize("order", ["forward", "reverse"])
def test_a_sentences_meeting_of_three_is_one_happening_in_the_store(kept_target: str, order: str) -> None:
    """The triangle of one sentence is one happening, a later report of one of its dyads joins
    it; dyads told in three sentences stay three acts, also when the store reads them back to
    regroup (the sentence is read, not a placeholder); recluster gives what ingest gave."""
    docs = [_talks_doc("one", [(0, "Russia", "Ukraine"), (0, "Russia", "United States"),
                               (0, "Ukraine", "United States")]),
            _talks_doc("three", [(1, "Russia", "Ukraine"), (2, "Russia", "United States"),
                                 (3, "Ukraine", "United States")],
                       TALKS.replace("Abu Dhabi", "Geneva"), "2026-02-10"),
            _talks_doc("later", [(0, "United States", "Russia")])]
    expected = group([Report(e.to_record(), d.article.date, d.id) for d in docs
                      for e in d.events], SETTINGS)
    assert sorted(sorted(r.article_id for r in g) for g in expected) == [
        ["later", "one", "one", "one"], ["three"], ["three"], ["three"]]
    with open_store(kept_target) as s:
        for d in (docs if order == "forward" else list(reversed(docs))):
            s.ingest(d)
        stored = {}
        for eid, h in s._rows("SELECT id, happening FROM events"):
            stored.setdefault(h, set()).add(eid)
        assert sorted(stored.values(), key=sorted) == sorted(
            ({r.id for r in g} for g in expected), key=sorted)
        incremental = _stored_state(s)
        s.recluster()
        assert _stored_state(s) == incremental


def _utterance_docs() -> list[Document]:
    """Erdogan's statement (a condemnation with no target and condolences to Ghani, one
    sentence), his condemnation of the attack told elsewhere (core: it names Afghanistan), and
    his condolences told again later."""
    def doc(aid: str, text: str, acts: list[tuple[str, str, str | None]], day: str) -> Document:
        art = Article(aid, text, date=day, source=f"outlet {aid}")
        erdogan = actor(text, "Erdogan", "Recep Tayyip Erdogan", "TURGOV", "TUR", "GOV")
        parties = {"Ghani": actor(text, "Ghani", "Ashraf Ghani", "AFGGOV", "AFG", "GOV")
                   if "Ghani" in text else None,
                   "Afghanistan": actor(text, "Afghanistan", "Afghanistan", "AFG", "AFG", None)
                   if "Afghanistan" in text else None}
        return Document(art, events=[
            event(art, n, sentence=0, trigger=trigger, source=erdogan,
                  target=parties[other] if other else None, cameo=cameo, plover="DISAPPROVE",
                  quad=3, goldstein=-2.0, date="2019-01-21", precision="day", basis="text")
            for n, (trigger, cameo, other) in enumerate(acts)])
    return [doc("statement", "On Monday Erdogan condemned the attack and extended his condolences "
                "to Ghani.", [("condemned", "111", None), ("extended", "018", "Ghani")], "2019-01-21"),
            doc("elsewhere", "Erdogan on Monday condemned the bombing in Afghanistan, calling it "
                "a cowardly act of terror.", [("condemned", "111", "Afghanistan")], "2019-01-22"),
            doc("later", "Turkey's leader Erdogan sent his condolences to Ghani on Monday, his "
                "office said in a statement.", [("sent", "018", "Ghani")], "2019-01-22")]


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 0, 2)])
def test_an_utterance_is_one_happening_in_the_store(kept_target: str, order: tuple) -> None:
    """The store files an utterance's vague report with its anchor whatever the order the
    articles come in, regroups it when the anchor's happening changes (a deletion), and
    recluster gives what ingest gave."""
    def expected(docs):
        return sorted(sorted(r.article_id + ":" + r.event["cameo"] for r in g) for g in
                      group([Report(e.to_record(), d.article.date, d.article.source.lower())
                             for d in docs for e in d.events], SETTINGS))

    def stored(s):
        out: dict = {}
        for aid, cameo, h in s._rows("SELECT article_id, cameo, happening FROM events"):
            out.setdefault(h, []).append(f"{aid}:{cameo}")
        return sorted(sorted(v) for v in out.values())

    docs = _utterance_docs()
    assert expected(docs) == [["elsewhere:111"],
                              ["later:018", "statement:018", "statement:111"]]
    with open_store(kept_target) as s:
        for i in order:
            s.ingest(_utterance_docs()[i])
        assert stored(s) == expected(docs)
        incremental = _stored_state(s)
        s.recluster()
        assert _stored_state(s) == incremental
        s.delete_article("later")
        assert stored(s) == expected(docs[:2])


def _random_reports(rng, n: int, prefix: str) -> list[Report]:
    """Reports drawn from a few actors, codes, days and months (cores, vague ones, statements
    alike and unlike, one sentence's meetings of three), to check grouping rules on."""
    sides = [XI, PUTIN, A("RUS"), A("CHN"), A("USAGOV"), A("UKRGOV"), None,
             A("REB", country=None), A("AFGREB", "Taliban")]
    out = []
    for i in range(n):
        cameo = rng.choice(["040", "041", "042", "043", "046", "190", "010", "012"])
        src, tgt = rng.choice(sides), rng.choice(sides)
        date, precision, basis = rng.choice([("2025-05-07", "day", "text"),
                                             ("2025-05-08", "day", "publication"),
                                             ("2025-05-09", "day", "text"),
                                             ("2025-05", "month", "text"),
                                             (None, None, "text")])
        out.append(rec(f"{prefix}{i:03d}", cameo, src, tgt, date, precision, basis,
                       article=f"{prefix}a{rng.randrange(n // 3 + 1)}",
                       sentence=rng.randrange(3),
                       negated=rng.random() < 0.1, published=rng.choice(["2025-05-09", "2025-05-10"]),
                       evidence=rng.choice(["Putin said talks went well.", "x",
                                            "Xi said talks went well today."])))
    return out


def test_settled_happenings_group_as_the_whole_set() -> None:
    # `group` told which stored reports sit in happenings that lost nothing (what it gave for
    # the stored set) gives what it gives for the whole set, checking fewer pairs.
    import random

    rng = random.Random(14)
    for trial in range(60):
        stored = _random_reports(rng, rng.randrange(5, 60), f"s{trial}_")
        new = _random_reports(rng, rng.randrange(1, 12), f"n{trial}_")
        settled = {id(r): g[0].id for g in group(stored, SETTINGS) for r in g}
        whole = [[r.id for r in g] for g in group(stored + new, SETTINGS)]
        for order in (stored + new, list(reversed(new)) + stored):
            assert [[r.id for r in g] for g in group(order, SETTINGS, settled)] == whole


def test_settled_happenings_grouped_by_their_classes_group_as_the_whole_set() -> None:
    # The store passes a settled happening's reports as one of each class (`collapse`: equal
    # fields, in no utterance nor joint meeting of their sentence), the others hidden behind it:
    # `group` gives what it gives for every report, with fewer reports passed.
    import random

    from accord.store.clusters import collapse

    rng = random.Random(41)
    fewer = 0
    for trial in range(80):
        stored = _random_reports(rng, rng.randrange(5, 60), f"s{trial}_")
        # retold: the same fields in other articles (a story told again and again)
        stored += [Report(dict(r.event, id=f"s{trial}_c{j:03d}", article_id=f"s{trial}_ca{j}"),
                          r.published, r.outlet)
                   for j, r in enumerate(rng.choices(stored, k=rng.randrange(0, 30)))]
        new = _random_reports(rng, rng.randrange(1, 12), f"n{trial}_")
        settled = {id(r): g[0].id for g in group(stored, SETTINGS) for r in g}
        whole = [[r.id for r in g] for g in group(stored + new, SETTINGS)]
        shown, hidden = collapse(stored, stored + new, settled)
        assert sorted([*(r.id for r in shown), *(r.id for rs in hidden.values() for r in rs)]) \
            == sorted(r.id for r in stored)
        fewer += len(stored) - len(shown)
        for order in (shown + new, list(reversed(new)) + list(reversed(shown))):
            assert [[r.id for r in g] for g in group(order, SETTINGS, settled, hidden)] == whole
    assert fewer > 500  # the check means something: many reports were hidden


# -- date ranges (the days a text date allows, kept beside the record) ---------------------------


def _week_docs() -> list[Document]:
    """Monday 21 January 2019: a bombing of that day, and "last week, Taliban fighters set off a
    car bomb" (a month in the record, the week of 14-20 January beside it), and one on the 16th."""
    import random

    text = WIRE

    def doc(aid: str, date_: str, precision: str, rng: tuple[str, str] | None) -> Document:
        own = random.Random(aid).sample(sorted(set(NEW_PARAGRAPH.split() + WIRE.split())), 60)
        art = Article(aid, text + " " + " ".join(own), date="2019-01-21", source=aid)
        taliban = actor(art.text, "Xi Jinping", "Taliban", "AFGREB", "AFG", "REB")
        troops = actor(art.text, "Vladimir Putin", None, "AFGMIL", "AFG", "MIL")
        e = event(art, 0, sentence=0, trigger="held a video call", source=taliban, target=troops,
                  cameo="180", plover="ASSAULT", quad=4, goldstein=-9.0, date=date_,
                  precision=precision, basis="text")
        e.date_range = rng
        return Document(art, events=[e])

    return [doc("monday", "2019-01-21", "day", None),
            doc("last-week", "2019-01", "month", ("2019-01-14", "2019-01-20")),
            doc("wednesday", "2019-01-16", "day", None)]


def test_a_month_dated_report_is_compared_by_the_days_its_text_allows() -> None:
    monday = rec("d1", "180", A("AFGREB", "Taliban"), A("AFGMIL"), "2019-01-21",
                 published="2019-01-21")
    week = rec("w", "180", A("AFGREB", "Taliban"), A("AFGMIL"), "2019-01", "month",
               article="a2", published="2019-01-21")
    week.range = (date(2019, 1, 14), date(2019, 1, 20))
    month = rec("m", "180", A("AFGREB", "Taliban"), A("AFGMIL"), "2019-01", "month",
                article="a3", published="2019-01-21")
    assert compatible(monday, month, SETTINGS)  # a month contains its days
    assert not compatible(monday, week, SETTINGS)  # the week before is not the publication's
    wednesday = rec("d2", "180", A("AFGREB", "Taliban"), A("AFGMIL"), "2019-01-16", article="a4",
                    published="2019-01-21")
    assert compatible(week, wednesday, SETTINGS)
    assert sorted(sorted(r.id for r in g) for g in group([monday, week, wednesday], SETTINGS)) \
        == [["d1"], ["d2", "w"]]
    # the range counts only for a date the text gives; a publication date keeps its window
    pub = rec("p", "180", A("AFGREB", "Taliban"), A("AFGMIL"), "2019-01-21", basis="publication",
              article="a5", published="2019-01-21")
    pub.range = (date(2019, 1, 1), date(2019, 1, 1))
    assert compatible(pub, monday, SETTINGS)


def test_the_store_keeps_date_ranges_beside_the_records(kept_target: str) -> None:
    """Both backends: the range is stored beside the record (never exported), read back for
    clustering (incremental in either order, and `recluster`), and a stored report is bounded
    by its days in the candidate query."""
    outcomes = []
    for order in (1, -1):
        with open_store(kept_target) as s:
            for aid in [r[0] for r in s._rows("SELECT id FROM articles")]:
                s.delete_article(aid)
            for d in _week_docs()[::order]:
                s.ingest(d)
            rows = s._rows("SELECT article_id, date, date_earliest, date_latest FROM events "
                           "ORDER BY article_id")
            assert [(a, d, str(lo) if lo else None, str(hi) if hi else None)
                    for a, d, lo, hi in rows] == [
                ("last-week", "2019-01", "2019-01-14", "2019-01-20"),
                ("monday", "2019-01-21", None, None), ("wednesday", "2019-01-16", None, None)]
            stored = {}
            for aid, h in s._rows("SELECT article_id, happening FROM events"):
                stored.setdefault(h, []).append(aid)
            outcomes.append(sorted(sorted(v) for v in stored.values()))
            s.recluster()
            again = {}
            for aid, h in s._rows("SELECT article_id, happening FROM events"):
                again.setdefault(h, []).append(aid)
            assert {h: sorted(v) for h, v in again.items()} == {h: sorted(v) for h, v in stored.items()}
            svc = Service(s)
            records = svc.reports(Filters()).items
            assert records and not any(k.startswith("date_") and k not in (
                "date_precision", "date_basis") for r in records for k in r)
            article = s.article_records("last-week")
            assert [r["date"] for r in article if r["kind"] == "event"] == ["2019-01"]
            assert all("date_earliest" not in r and "date_range" not in r for r in article)
            keys = s._rows("SELECT earliest, latest FROM happening_keys k JOIN events e "
                           "ON e.id = k.report WHERE e.article_id = 'last-week'")
            assert keys and {tuple(map(str, k)) for k in keys} == {("2019-01-14", "2019-01-20")}
    assert outcomes[0] == outcomes[1] == [["last-week", "wednesday"], ["monday"]]


def test_a_database_of_schema_6_gets_date_ranges_and_keys_intervals(kept_target: str) -> None:
    """Migration 7 adds the range columns (NULL for the reports stored before: their dates'
    periods) and reclusters, which fills the keys' intervals; the happenings are those of the
    periods, then re-coded reports narrow them."""
    with open_store(kept_target) as s:
        for d in _week_docs():
            s.ingest(d)
        # Back to schema 6 (DuckDB alters no column of an indexed table: the indexes go first).
        indexes = {"events_article": "events (article_id)", "events_happening": "events (happening)",
                   "happening_keys_key": "happening_keys (key)",
                   "happening_keys_happening": "happening_keys (happening)"}
        with s.transaction():
            for name in indexes:
                s._execute(f"DROP INDEX {name}")
            s._execute("ALTER TABLE events DROP COLUMN date_earliest")
            s._execute("ALTER TABLE events DROP COLUMN date_latest")
            s._execute("ALTER TABLE happening_keys DROP COLUMN earliest")
            s._execute("ALTER TABLE happening_keys DROP COLUMN latest")
            for name, on in indexes.items():
                s._execute(f"CREATE INDEX {name} ON {on}")
            s._execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
    with open_store(kept_target) as s:
        assert s.schema_version() == 9
        assert s._rows("SELECT count(*) FROM events WHERE date_earliest IS NOT NULL") == [(0,)]
        assert s._rows("SELECT count(*) FROM happening_keys WHERE earliest IS NULL") == [(0,)]
        # without its week, "last week" is its month: it joins the core happening of the 21st
        [(h,)] = s._rows("SELECT count(DISTINCT happening) FROM events")
        assert h == 2
        # coded again, with its week: it leaves the 21st for the 16th
        s.delete_article("last-week")
        s.ingest(_week_docs()[1])
        stored = {}
        for aid, h in s._rows("SELECT article_id, happening FROM events"):
            stored.setdefault(h, []).append(aid)
        assert sorted(sorted(v) for v in stored.values()) == [["last-week", "wednesday"], ["monday"]]


# -- the candidate query's sides (schema 8) ------------------------------------------------------


def test_side_keys_never_part_compatible_actors() -> None:
    """`side_key`: two sides with different keys are never compatible, so the store may leave
    out the stored classes whose sides differ from a new report's (in either order)."""
    from accord.clustering.happenings import side_key, sides_may_match

    various = {"text": "various leaders", "span": [0, 1], "name": None, "code": "GOV",
               "country": None, "sector": "GOV"}
    sides = [None, A("RUS", "Russia"), PUTIN, A("RUSGOV"), A("RUSGOV", "Sergei Lavrov"), XI,
             A("CHN"), A("REB", None, None), A("AFGREB", "Taliban"), A("AFGGOV"), A("USAGOV"),
             A("USAMIL", "Lloyd Austin"), A("IGOUNO", "United Nations", None), A("IGO", None, None),
             A("KSV", "Kosovo", "XKX"), A("XKXGOV", None, "XKX"), A("SUN", None, "RUS"), various,
             A("GOV", None, None)]
    assert side_key(PUTIN) == "RUS" and side_key(A("KSV", "Kosovo", "XKX")) is None
    assert side_key(A("IGOUNO", "United Nations", None)) is None and side_key(None) is None
    for a in sides:
        for b in sides:
            if actors_compatible(a, b):
                assert side_key(a) is None or side_key(b) is None or side_key(a) == side_key(b)
    for s1, t1, s2, t2 in [(PUTIN, XI, XI, PUTIN), (PUTIN, None, XI, A("RUS")),
                           (A("REB", None, None), A("USA"), A("AFGREB", "Taliban"), A("USA"))]:
        for r1, r2 in [(rec("a", "041", s1, t1, "2026-02-04"), rec("b", "041", s2, t2, "2026-02-04"))]:
            if compatible(r1, r2, SETTINGS):
                assert sides_may_match((side_key(s1), side_key(t1)), (side_key(s2), side_key(t2)))
    assert not sides_may_match(("RUS", "CHN"), ("RUS", "USA"))
    assert sides_may_match(("RUS", "CHN"), ("CHN", "RUS")) and sides_may_match(("RUS", None), ("USA", "RUS"))


def read_classes(rows: list[tuple]) -> set[str]:
    return {r[2] for r in rows}


def _xi_call_report(aid: str, published: str, date: str, precision: str, source, target) -> Document:
    """One article of the wire story with 60 words of its own (so no near-copy) and one report: the
    video call, dated as given."""
    import random

    own = random.Random(aid).sample(sorted(set(NEW_PARAGRAPH.split() + WIRE.split())), 60)
    art = Article(aid, WIRE + " " + " ".join(own), date=published, source=aid)
    return Document(art, events=[event(art, 0, sentence=0, trigger="held a video call",
                                       source=source, target=target, cameo="041", plover="CONSULT",
                                       quad=1, goldstein=1.0, date=date, precision=precision,
                                       basis="text")])


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_year_dated_report_reads_only_classes_whose_sides_may_be_its_own(
        backend: str, tmp_path: Path, request) -> None:
    """A report dated to a year reaches every month of it (`blocking_keys`); the candidate query
    reads only the stored classes of that period whose sides may be its own, regroups only the
    compatible happening it may join, and the happenings are those the rules give for the whole
    set, in either order and on a migrated database (rows without sides nor class sizes)."""
    from accord.store import clusters as C

    target = str(tmp_path / "sides.duckdb") if backend == "duckdb" else request.getfixturevalue("pg_url")
    text = WIRE
    xi = actor(text, "Xi Jinping", "Xi Jinping", "CHNGOV", "CHN", "GOV")
    putin = actor(text, "Vladimir Putin", "Vladimir Putin", "RUSGOV", "RUS", "GOV")
    trump = actor(text, "Xi Jinping", "Donald Trump", "USAGOV", "USA", "GOV")


    def doc(aid: str, published: str, date: str, precision: str, tgt) -> Document:
        return _xi_call_report(aid, published, date, precision, xi, tgt)

    def docs() -> list[Document]:
        return ([doc(f"usa-{m}", f"2026-{m:02d}-10", f"2026-{m:02d}-09", "day", trump)
                 for m in range(1, 7)]
                + [doc("rus-mar", "2026-03-10", "2026-03-09", "day", putin),
                   doc("rus-apr", "2026-04-10", "2026-04-08", "day", putin),
                   doc("rus-apr2", "2026-04-12", "2026-04-08", "day", putin),
                   doc("nobody", "2026-05-10", "2026-05-09", "day", None),
                   doc("in-2026", "2026-07-01", "2026", "year", putin)])

    expected = sorted(tuple(sorted(r.article_id for r in g))
                      for g in group([Report(e.to_record(), d.article.date, d.id)
                                      for d in docs() for e in d.events], SETTINGS))
    assert ("in-2026", "rus-apr", "rus-apr2") in expected  # the most reports of its sides
    usa = None
    # "migrated": the rows a database of schema 7 holds once migrated (no sides: any side).
    for order in ("forward", "reverse", "migrated") if backend == "duckdb" else ("forward",):
        where = str(tmp_path / f"{order}.duckdb") if backend == "duckdb" else target
        with open_store(where) as s:
            for d in (docs() if order != "reverse" else list(reversed(docs()))):
                if d.id == "in-2026" and order == "migrated":
                    s._query("UPDATE happening_keys SET source_side = NULL, target_side = NULL, "
                             "core = NULL, reports = NULL")
                if d.id != "in-2026" or order != "forward":
                    s.ingest(d)
                    continue
                read: list[tuple] = []
                regrouped: set[str] = set()
                query, members_of = s.clusters.query, s.clusters._members_of

                def counted(sql, params=None):
                    rows = query(sql, params)
                    if "FROM happening_keys k" in sql:
                        read.extend(rows)
                    return rows

                def members(happenings, candidates):
                    regrouped.update(happenings)
                    return members_of(happenings, candidates)
                s.clusters.query, s.clusters._members_of = counted, members
                try:
                    s.ingest(d)
                finally:
                    s.clusters.query, s.clusters._members_of = query, members_of
                usa = {e for (e,) in s._query("SELECT id FROM events WHERE article_id LIKE 'usa-%'")}
                # its year's classes of its sides or an unnamed one: none of the six CHN-USA calls
                assert read and len(usa) == 6 and not {r[1] for r in read} & usa
                # schema 9: of its compatible happenings, only the one with the most compatible
                # core reports (rus-apr's two) is regrouped, not rus-mar's (one) nor "nobody"'s
                apr, mar = ({h for (h,) in s._query(
                    f"SELECT happening FROM events WHERE article_id = '{a}'")} for a in ("rus-apr", "rus-mar"))
                assert apr <= regrouped and not mar & regrouped and read_classes(read) > apr | mar
            stored: dict = {}
            for aid, h in s._query("SELECT article_id, happening FROM events"):
                stored.setdefault(h, []).append(aid)
            assert sorted(tuple(sorted(v)) for v in stored.values()) == expected, order
    assert usa


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_vague_report_with_no_core_happening_reads_the_vague_ones(
        backend: str, tmp_path: Path, request) -> None:
    """A vague report compatible with no core class (stored or new) joins the compatible vague
    reports (`group`, step 3), whatever the order, and a core report arriving later takes them
    all."""
    text = WIRE
    xi = actor(text, "Xi Jinping", "Xi Jinping", "CHNGOV", "CHN", "GOV")
    putin = actor(text, "Vladimir Putin", "Vladimir Putin", "RUSGOV", "RUS", "GOV")

    def doc(aid: str, published: str, date: str, precision: str, tgt) -> Document:
        return _xi_call_report(aid, published, date, precision, xi, tgt)

    docs = [doc("nobody", "2026-05-10", "2026-05-09", "day", None),
            doc("in-may", "2026-06-02", "2026-05", "month", putin),
            doc("in-2026", "2026-07-01", "2026", "year", putin)]
    late = doc("core", "2026-08-01", "2026-05-09", "day", putin)

    def happenings(s) -> list[tuple]:
        stored: dict = {}
        for aid, h in s._query("SELECT article_id, happening FROM events"):
            stored.setdefault(h, []).append(aid)
        return sorted(tuple(sorted(v)) for v in stored.values())

    for rows in (docs, docs + [late]):  # vague reports together; then all with the core report
        assert [sorted(r.article_id for r in g) for g in group(
            [Report(e.to_record(), d.article.date, d.id) for d in rows for e in d.events],
            SETTINGS)] == [sorted(d.id for d in rows)]
    for order in ("forward", "reverse") if backend == "duckdb" else ("forward",):
        where = (str(tmp_path / f"{order}.duckdb") if backend == "duckdb"
                 else request.getfixturevalue("pg_url"))
        with open_store(where) as s:
            for d in (docs if order == "forward" else list(reversed(docs))):
                s.ingest(d)
            assert happenings(s) == [tuple(sorted(d.id for d in docs))], order
            s.ingest(late)
            assert happenings(s) == [tuple(sorted(d.id for d in docs + [late]))], order


def test_a_large_happening_is_summarized_by_its_new_reports_alone(tmp_path: Path, monkeypatch) -> None:
    """A report joining a happening of `SUMMARY_FROM` reports or more is added to its running
    summary (one report summarized, not all of them), with the values a recluster gives, also
    after a write that added a report to it and was rolled back."""
    from accord.clustering.happenings import Summary
    from accord.store.clusters import SUMMARY_FROM

    def doc(i: int) -> Document:
        words = " ".join(f"w{i}x{k}" for k in range(80))  # no two texts near-copies
        return call_doc(f"r{i:02d}", f"Story {i}. {words}. Xi Jinping and Vladimir Putin held a "
                        "video call.", source=f"Outlet {i % 4}", date=f"2026-02-0{4 + i % 3}")

    added = []
    add = Summary.add
    monkeypatch.setattr(Summary, "add", lambda self, r: (added.append(r.id), add(self, r))[1])
    with open_store(tmp_path / "a.duckdb") as s:
        for i in range(SUMMARY_FROM + 2):
            added.clear()
            s.ingest(doc(i))
        assert len(added) == 1  # the last report alone
        kept = [e.summary for e in s.clusters.members.entries.values() if e.summary is not None]
        assert [k.reports for k in kept] == [SUMMARY_FROM + 2]
        before = Service(s).happenings().items
        assert [x["reports"] for x in before] == [SUMMARY_FROM + 2]

        def fail(*a, **k):
            raise RuntimeError("disk full")
        monkeypatch.setattr(type(s), "_insert_quotes", fail)
        with pytest.raises(RuntimeError):
            s._ingest_group([doc(50)])  # joins the happening, then fails: rolled back
        monkeypatch.undo()
        s.ingest(doc(51))
        grown = Service(s).happenings().items
        s.recluster()
        assert Service(s).happenings().items == grown and grown[0]["reports"] == SUMMARY_FROM + 3
