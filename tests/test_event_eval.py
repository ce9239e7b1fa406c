"""The event scorers: records-level (what `accord extract` writes), one record per sentence for
one-event data, and the matching rule for data that label every event of an article."""

from __future__ import annotations

import csv
import json

import pytest

from accord.evaluation import records as R


def _conll(tmp_path, rows):
    folder = tmp_path / "data" / "conflibert-cameo-train"
    folder.mkdir(parents=True, exist_ok=True)
    text = "\n\n".join("\n".join(row.split("|")) for row in rows) + "\n"
    (folder / "cameo_ner_train.txt").write_text(text, encoding="utf-8")


def test_reciprocal_participants_are_scored_as_participants_not_targets(nlp, tmp_path):
    from accord.evaluation.conll import Sentence
    from accord.evaluation.events import evaluate_conflibert_spans, evaluation_pipeline
    from accord.events.policy import RecordPolicy

    _conll(tmp_path, ["Germany B-R|met O|France B-R|. O",
                      "Iraqi B-S|troops I-S|attacked O|Syrian B-T|rebels I-T|. O"])
    assert Sentence(["Germany", "met", "France"], ["B-R", "O", "B-R"]).spans() == [("R", 0, 1), ("R", 2, 3)]

    # Every candidate a record, so that the scorer's roles are tested, not the threshold.
    scores = evaluate_conflibert_spans(tmp_path, evaluation_pipeline(nlp, RecordPolicy(min_confidence=0.0)))
    # The meeting's two sides are participants; they are neither gold sources nor gold targets.
    assert (scores["R"].n_gold, scores["R"].n_pred, scores["R"].tp_gold) == (2, 2, 2)
    assert (scores["S"].n_gold, scores["S"].n_pred, scores["S"].tp_pred) == (1, 1, 1)
    assert (scores["T"].n_gold, scores["T"].n_pred, scores["T"].tp_pred) == (1, 1, 1)
    assert scores["all"].n_gold == 4 and scores["both"].n_gold == 2


def test_spans_are_those_of_the_record_not_of_the_detection(nlp, tmp_path):
    """A target the coder parses but the resolver cannot name is no record's target: the span
    scorer must not credit it (the internal figure, from the detection, does)."""
    from accord.evaluation.events import evaluate_conflibert_span_parts, evaluation_pipeline, part_of
    row = "Iraqi B-S|troops I-S|attacked O|Kurdish B-T|rebels I-T|. O"
    _conll(tmp_path, [row])
    pipeline = evaluation_pipeline(nlp)
    [doc] = __import__("accord.evaluation.events", fromlist=["_process"])._process(
        [("x", "Iraqi troops attacked Kurdish rebels .", None)], pipeline)
    records = R.event_records(doc)
    targets = [r["target"] for r in records if r["target"]]
    part = part_of("Iraqi troops attacked Kurdish rebels .")
    result = evaluate_conflibert_span_parts(tmp_path, pipeline)[part]
    assert result["records"]["T"].tp_gold == (1 if targets else 0)
    assert result["internal"]["T"].n_pred >= result["records"]["T"].n_pred


def test_target_figure_on_annotated_sentences_leaves_out_sentences_without_t_or_r(nlp, tmp_path):
    """The labelled aside: a record's target in a sentence whose annotation marks no T or R span
    is a false positive in the headline figure and not counted in the aside; sentences with a T
    or R span are scored alike in both."""
    from accord.evaluation.events import evaluate_conflibert_span_parts, evaluation_pipeline, part_of
    from accord.events.policy import RecordPolicy

    rows = ["Iraqi B-S|troops I-S|attacked O|Syrian O|rebels O|. O",        # sources only
            "Iraqi B-S|troops I-S|attacked O|Syrian B-T|rebels I-T|. O",
            "Germany B-R|met O|France B-R|. O"]
    _conll(tmp_path, rows)
    result = evaluate_conflibert_span_parts(tmp_path, evaluation_pipeline(nlp, RecordPolicy(min_confidence=0.0)))
    texts = [" ".join(t.split(" ")[0] for t in row.split("|")) for row in rows]
    parts = {part_of(t) for t in texts}
    headline = {f: sum(getattr(result[p]["records"]["T"], f) for p in parts) for f in ("n_pred", "tp_pred", "n_gold")}
    aside = {f: sum(getattr(result[p]["records, T or R annotated"]["T"], f) for p in parts)
             for f in ("n_pred", "tp_pred", "n_gold")}
    assert headline == {"n_pred": 2, "tp_pred": 1, "n_gold": 1}  # the first sentence's target counts against
    assert aside == {"n_pred": 1, "tp_pred": 1, "n_gold": 1}
    assert sum(result[p]["records, T or R annotated"]["R"].n_gold for p in parts) == 2


def _record(cameo="190", start=10, conf=0.5, source=None, target=None, negated=False, modality="asserted",
            date="2019-01-04", plover="ASSAULT"):
    return {"kind": "event", "cameo": cameo, "plover": plover, "trigger": {"text": "x", "span": [start, start + 1]},
            "source": source, "target": target, "negated": negated, "modality": modality, "date": date,
            "confidence": conf, "evidence": "", "announced_cameo": None}


def _actor(code, country=None, name=None):
    return {"text": code, "span": [0, 1], "code": code, "country": country, "name": name, "sector": None}


def _gold(cameo="190", source=None, target=None, negated=False, modality="asserted", date="2019-01-04",
          start=0, end=100):
    return {"article": 0, "part": "A", "sentence_start": start, "sentence_end": end, "sentence": "",
            "cameo": cameo, "source": source, "target": target, "negated": negated, "modality": modality,
            "date": date}


def test_sentence_record_is_the_most_confident_first_on_ties():
    a, b, c = _record(conf=0.4), _record(conf=0.8, cameo="111"), _record(conf=0.8, cameo="043")
    assert R.sentence_record([a, b, c]) is b
    assert R.sentence_record([]) is None
    assert R.record_class(None) == 0 and R.record_class(b) == 3 and R.record_class(c) == 1
    statement = _record(conf=0.9, cameo="010", plover="DROPPED")
    assert R.plover_record([statement, a]) is a and R.sentence_record([statement, a]) is statement


def test_codes_actors_and_dates_compatibility():
    assert R.codes_compatible("036", "0361") and R.codes_compatible("040", "043") and R.codes_compatible("193", "190")
    assert not R.codes_compatible("042", "043") and not R.codes_compatible("111", "190") and not R.codes_compatible(None, "010")
    assert R.actors_compatible(_actor("USAGOV", "USA"), {"code": "USA", "country": "USA", "name": None})
    assert R.actors_compatible(_actor("USAGOV", "USA", "Donald Trump"), {"code": "USAELI", "country": "USA", "name": "Donald Trump"})
    assert R.actors_compatible(_actor("IGOUNO"), {"code": "IGOUNO", "country": None, "name": None})
    assert not R.actors_compatible(_actor("IGOEUREEC"), {"code": "IGOUNO", "country": None, "name": None})
    assert not R.actors_compatible(_actor("COLGOV", "COL"), {"code": "USAGOV", "country": "USA", "name": None})
    assert R.actors_compatible(None, None) and not R.actors_compatible(_actor("USA", "USA"), None)
    assert R.dates_compatible("2019-01-17", "2019-01") and R.dates_compatible(None, None)
    assert not R.dates_compatible("2019-01-04", "2018-12-31") and not R.dates_compatible(None, "2019")


def _g(code, name=None, country=None):
    return {"text": name or code, "code": code, "country": country, "name": name}


def test_strict_rule_knows_actors_by_identity():
    """The strict rule (a careful coder's): the same person, organisation or country, not merely
    the same code or country; surname, acronym and the actor dictionary's aliases name the same."""
    may = _g("GBRGOV", "Theresa May", "GBR")
    # "Johnson stepped down" for May's resignation: same code and country, another person
    johnson = _actor("GBRGOV", "GBR", "Boris Johnson")
    assert R.actors_compatible(johnson, may) and not R.actors_same(johnson, may)
    assert not R.actors_same(_actor("USAGOV", "USA", "Mike Johnson"), _g("USAGOV", "Boris Johnson", "USA"))
    # the same one named differently
    assert R.actors_same(_actor("GBRGOV", "GBR", "Johnson"), _g("GBRGOV", "Boris Johnson", "GBR"))  # surname
    assert R.actors_same(_actor("USAGOV", "USA", "Mr Trump"), _g("USAGOV", "Donald Trump", "USA"))  # honorific
    assert R.actors_same(_actor("USAGOV", "USA", "NTSB"), _g("USAGOV", "National Transportation Safety Board", "USA"))
    assert R.actors_same(_actor("USA", "USA", "U.S."), _g("USA", "United States", "USA"))  # an alias
    assert R.actors_same(_actor("TURGOV", "TUR", "Erdogan"), _g("TURGOV", "Recep Tayyip Erdoğan", "TUR"))
    assert R.actors_same(_actor("CUBGOV", "CUB", "Bruno Parrilla"), _g("CUBGOV", "Bruno Rodríguez Parrilla", "CUB"))
    assert not R.actors_same(_actor("GBRGOV", "GBR", "Boris"), _g("GBRGOV", "Boris Johnson", "GBR"))  # a given name
    # unnamed collectives by their code; an unnamed record actor of the gold's code is the gold's by its role
    assert R.actors_same(_actor("RUSGOV", "RUS"), _g("RUSGOV"))
    assert not R.actors_same(_actor("RUSMIL", "RUS"), _g("RUSGOV"))
    judge = dict(_g("USAJUD", "James Parker Jones", "USA"), text="a United States federal judge")
    assert R.actors_same(dict(_actor("USAJUD", "USA"), text="a federal judge"), judge)
    heyer = dict(_g("USACVL", "Heather Heyer", "USA"), text="a woman named Heather Heyer")
    assert not R.actors_same(dict(_actor("USACVL", "USA"), text="at least nineteen others"), heyer)
    assert R.actors_same(None, None) and not R.actors_same(_actor("USA", "USA"), None) and not R.actors_same(None, _g("USA"))


def test_strict_rule_takes_codes_at_the_same_or_a_coarser_level():
    # event codes: the gold's or coarser, never more specific
    assert R.codes_same("0361", "0361") and R.codes_same("036", "0361") and R.codes_same("190", "193")
    assert not R.codes_same("193", "190") and not R.codes_same("0831", "080") and not R.codes_same("042", "043")
    # actor codes: the country alone for its state, CVL for a private person's sector; not another
    # country, not a country-less code, not another sector
    assert R.actor_codes_agree("CUB", "CUBGOV") and not R.actor_codes_agree("POL", "POLBUS")
    assert R.actor_codes_agree("USACVL", "USACRM") and not R.actor_codes_agree("USACVL", "USALEG")
    assert not R.actor_codes_agree("GBRELI", "GBRGOV") and not R.actor_codes_agree("DEUGOV", "GBRGOV")
    assert not R.actor_codes_agree("CVL", "USACVL") and not R.actor_codes_agree("AIACOP", "GBRCOP")
    assert R.actor_codes_agree("SYRIMGMUSISI", "IMGMUSISI") and R.actor_codes_agree("USAGOVLEG", "USALEG")


def test_strict_rule_dates_at_the_gold_precision():
    assert R.dates_same("2019-01-17", "2019-01-17") and R.dates_same("2019-01-17", "2019-01")
    assert not R.dates_same("2019-01", "2019-01-17")  # a month for a gold day
    assert not R.dates_same("2019-01-16", "2019-01-17") and not R.dates_same(None, "2019")
    assert R.dates_same(None, None) and not R.dates_same("2019-01-04", None)  # a background act dated by publication
    # the lenient rule takes all of these
    assert R.dates_compatible("2019-01", "2019-01-17") and R.dates_compatible("2019-01-04", None)


def test_strict_and_lenient_matching_side_by_side():
    may, gbr = _g("GBRGOV", "Theresa May", "GBR"), _actor("GBRGOV", "GBR", "Boris Johnson")
    golds = [_gold("080", may, None, date="2019-05-24")]
    records = [_record("080", 10, source=gbr, date="2019-05-24"),
               _record("080", 20, source=_actor("GBRGOV", "GBR", "May"), date="2019-05")]
    lenient, strict = R.match(records, golds), R.match(records, golds, strict=True)
    assert len(lenient.pairs) == 1 and strict.pairs == {}
    assert strict.nearest_gold(0)[1]["source"] is False and strict.nearest_gold(1)[1] == {
        "code": True, "source": True, "target": True, "negated": True, "modality": True, "date": False}
    records[1]["date"] = "2019-05-24"
    assert R.match(records, golds, strict=True).pairs == {1: 0}


def test_matching_is_one_to_one_and_fields_are_diagnosed():
    usa, rus = _actor("USAGOV", "USA"), _actor("RUSGOV", "RUS")
    gusa, grus = {"code": "USAGOV", "country": "USA", "name": None}, {"code": "RUSGOV", "country": "RUS", "name": None}
    golds = [_gold("111", gusa, grus), _gold("040", gusa, grus, start=200, end=300)]
    records = [
        _record("111", 10, source=usa, target=rus),            # right
        _record("111", 20, source=usa, target=rus),            # a duplicate: wrong
        _record("043", 210, source=rus, target=usa),          # a meeting given the other way round: right
        _record("190", 400, source=usa, target=rus),           # no gold event in its sentence
        _record("111", 30, source=usa, target=rus, negated=True),  # negation wrong
    ]
    m = R.match(records, golds)
    assert sorted(m.pairs.items())[0][1] == 0 and len(m.pairs) == 2
    assert m.right[2] and m.right[3] is False
    score = R.MatchScore()
    score.add(m)
    assert (score.records, score.right, score.gold, score.found) == (5, 2, 2, 2)
    assert score.precision == pytest.approx(0.4) and score.recall == 1.0
    assert score.wrong_no_gold == 1
    assert score.wrong_fields["negated"] == 1  # the negated one, against the gold of its sentence
    assert sum(score.wrong_fields.values()) == 1 and score.wrong_duplicate == 1  # the duplicate agrees on every field
    i, j = m.nearest_gold(4)
    assert i == 0 and not j["negated"] and j["code"]


def _wikinews_csv(tmp_path, n_articles: int):
    """A shared folder whose Wikinews 2019 CSV holds `n_articles` one-event articles; (folder, texts)."""
    shared = tmp_path / "shared"
    (shared / "data" / "wikinews").mkdir(parents=True)
    texts = [f"Monday, January {n + 1}, 2019. Germany criticized Iran on Sunday. It was cold." for n in range(n_articles)]
    with (shared / "data" / "wikinews" / "wikinews_2019.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["url", "date", "title", "text"])
        for n, t in enumerate(texts):
            w.writerow([f"u{n}", f"2019-01-0{n + 1}", f"t{n}", t])
    return shared, texts


def test_wikinews_scorer_reads_whatever_part_is_labelled(tmp_path):
    from accord.evaluation import wikinews as W
    from accord.model import Article, Document, Event, Trigger, Actor

    shared, texts = _wikinews_csv(tmp_path, 4)
    folder = tmp_path / "wikinews_dev"
    folder.mkdir()
    start = texts[0].index("Germany")
    end = texts[0].index(" It was")
    sentence = texts[0][start:end]
    gold = {"article": 0, "part": "A", "sentence_start": start, "sentence_end": end, "sentence": sentence,
            "trigger": "criticized", "source": {"text": "Germany", "name": None, "code": "DEU", "country": "DEU"},
            "target": {"text": "Iran", "name": None, "code": "IRN", "country": "IRN"}, "cameo": "111",
            "announced_cameo": None, "negated": False, "modality": "asserted", "date": "2018-12-30",
            "date_basis": "text", "location": None, "note": ""}
    statement = dict(gold, cameo="010", trigger="said")
    partial = dict(gold, article=3, part="B")  # article 3 is not fully labelled: ignored
    (folder / "articles.jsonl").write_text(json.dumps({"article": 0, "part": "A", "n_events": 2}) + "\n", encoding="utf-8")
    (folder / "events.jsonl").write_text("".join(json.dumps(e) + "\n" for e in (gold, statement, partial)), encoding="utf-8")
    devset = W.load_devset(folder, shared)
    assert [a["article"] for a in devset.articles] == [0] and len(devset.events[0]) == 2

    def event(cameo, negated=False):
        t = texts[0].index("criticized")
        return Event(id=cameo, article_id="a", sentence=1, evidence=sentence, trigger=Trigger("criticized", (t, t + 10)),
                     source=Actor("Germany", (start, start + 7), None, "DEUGOV", "DEU", "GOV"),
                     target=Actor("Iran", (t + 11, t + 15), None, "IRN", "IRN", None), cameo=cameo, plover="ACCUSE",
                     plover_mode=None, quad_class=3, goldstein=-2.0, date="2018-12-30", date_precision="day",
                     date_basis="text", negated=negated, modality="asserted", location=None, confidence=0.9)

    doc = Document(Article(id="a", text=texts[0], date="2019-01-01"))
    doc.events = [event("111"), event("111", negated=True)]
    result = W.score_documents(devset, {0: doc})
    score = result["A"].score
    assert "B" not in result
    assert (score.records, score.right, score.gold, score.found) == (2, 1, 1, 1)  # the 010 gold left out
    with_statements = W.score_documents(devset, {0: doc}, statements=True)["A"].score
    assert with_statements.gold == 2 and with_statements.found == 1
    dumped = W.mismatches(0, result["A"].matches[0][1])
    assert [d["kind"] for d in dumped] == ["wrong record"] and dumped[0]["disagree"] == ["negated"]
    with pytest.raises(ValueError, match="not development data"):
        W.mismatches(0, result["A"].matches[0][1], "B")  # held-out mismatches are never listed
    # A gold sentence that is not the text at its offsets is a labelling error, reported as such.
    bad = dict(gold, sentence="Germany praised Iran on Sunday.")
    (folder / "events.jsonl").write_text(json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not the text there"):
        W.load_devset(folder, shared)


def test_held_out_parts_are_the_documented_hash():
    from accord.evaluation.events import part_of
    from accord.events.classes import split_of

    for text in ("Iraqi troops launched an assault.", "Germany met France.", "x y z"):
        assert part_of(text) == ("held-out" if split_of(text) == "test" else "development")


def test_wikinews_parts_c_d_e_and_f_are_scored_apart_like_part_a(tmp_path):
    """Parts C (rows i % 6 == 1), D (i % 6 == 4), E (i % 6 == 2) and F (i % 6 == 5) are development
    parts scored by the same rule as part A, each on its own; part B stays aggregate-only; a part
    with unlabelled articles says how many of its articles are labelled."""
    from accord.evaluation import wikinews as W
    from accord.model import Article, Actor, Document, Event, Trigger

    shared, texts = _wikinews_csv(tmp_path, 9)  # rows 0-8: part C has rows 1 and 7, part F row 5 only
    folder = tmp_path / "wikinews_dev"
    folder.mkdir()
    start, end = texts[0].index("Germany"), texts[0].index(" It was")
    gold = {"article": 0, "part": "A", "sentence_start": start, "sentence_end": end,
            "sentence": texts[0][start:end], "trigger": "criticized",
            "source": {"text": "Germany", "name": None, "code": "DEU", "country": "DEU"},
            "target": {"text": "Iran", "name": None, "code": "IRN", "country": "IRN"}, "cameo": "111",
            "announced_cameo": None, "negated": False, "modality": "asserted", "date": None,
            "date_basis": "publication", "location": None, "note": ""}
    parts = {0: "A", 1: "C", 2: "E", 3: "B", 4: "D", 5: "F"}
    (folder / "articles.jsonl").write_text("".join(json.dumps({"article": i, "part": p, "n_events": 1}) + "\n"
                                                   for i, p in parts.items()), encoding="utf-8")
    (folder / "events.jsonl").write_text("".join(json.dumps(dict(gold, article=i, part=p)) + "\n"
                                                 for i, p in parts.items()), encoding="utf-8")
    devset = W.load_devset(folder, shared)
    assert sorted(a["part"] for a in devset.articles) == ["A", "B", "C", "D", "E", "F"]
    assert W.DEVELOPMENT_PARTS == ("A", "C", "D", "E", "F")

    def doc(i, cameo):
        t = texts[i].index("criticized")
        event = Event(id=cameo, article_id=f"a{i}", sentence=1, evidence=texts[i][start:end],
                      trigger=Trigger("criticized", (t, t + 10)),
                      source=Actor("Germany", (start, start + 7), None, "DEUGOV", "DEU", "GOV"),
                      target=Actor("Iran", (t + 11, t + 15), None, "IRN", "IRN", None), cameo=cameo,
                      plover="ACCUSE", plover_mode=None, quad_class=3, goldstein=-2.0, date="2018-12-30",
                      date_precision="day", date_basis="text", negated=False, modality="asserted",
                      location=None, confidence=0.9)
        d = Document(Article(id=f"a{i}", text=texts[i], date=f"2019-01-0{i + 1}"))
        d.events = [event]
        return d

    # right in A, C, E and F, a wrong code in D
    result = W.score_documents(devset, {0: doc(0, "111"), 1: doc(1, "111"), 2: doc(2, "111"), 3: doc(3, "111"),
                                        4: doc(4, "051"), 5: doc(5, "111")})
    assert set(result) == {"A", "B", "C", "D", "E", "F"}
    for part, right in (("A", 1), ("B", 1), ("C", 1), ("D", 0), ("E", 1), ("F", 1)):
        sc = result[part].score
        assert (result[part].articles, sc.records, sc.right, sc.gold) == (1, 1, right, 1), part
        # strictly, the record's dated day is wrong where the gold gives no date (a background act)
        st = result[part].strict
        assert (st.records, st.right, st.gold) == (1, 0, 1), part
    # Parts A (rows 0, 6), B (3), C (1, 7) and E (2, 8) are partly labelled; D (4) and F (5) whole.
    assert {p: (r.articles, r.total) for p, r in result.items()} == {
        "A": (1, 2), "B": (1, 1), "C": (1, 2), "D": (1, 1), "E": (1, 2), "F": (1, 1)}
    assert W.articles_label(result["C"]) == "1 of 2 articles labelled"
    assert W.articles_label(result["F"]) == "1 articles"
    assert W.mismatches(5, result["F"].matches[0][1], "F") == []
    dumped = W.mismatches(4, result["D"].matches[0][1], "D")
    assert {d["set"] for d in dumped} == {"wikinews-D"} and {d["kind"] for d in dumped} == {"wrong record", "missed gold event"}
    assert W.mismatches(1, result["C"].matches[0][1], "C") == []
    assert W.mismatches(2, result["E"].matches[0][1], "E") == []
    with pytest.raises(ValueError, match="not development data"):
        W.mismatches(3, result["B"].matches[0][1], "B")


def test_scorer_agreement_tool_scores_every_judged_record(capsys):
    """tools/scorer_agreement.py crosses both rules with the careful coder's judgments of parts C-F:
    every judged record is counted once per rule, and the held-out part B is never read."""
    import importlib.util
    from pathlib import Path

    tool = Path(__file__).resolve().parents[1] / "tools" / "scorer_agreement.py"
    spec = importlib.util.spec_from_file_location("scorer_agreement", tool)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert {part for part, _, _ in mod.FILES} == {"C", "D", "E", "F"}
    judged = sum(len(mod._jsonl(mod.JUDGED / jf)) for _, _, jf in mod.FILES)
    assert mod.main(["--json"]) == 0
    tables = json.loads(capsys.readouterr().out)
    for rule in ("lenient", "strict"):
        assert sum(tables[rule]["all"].values()) == judged
        assert sum(sum(tables[rule][p].values()) for p in "CDEF") == judged
