"""The record policy's signals (accord.events.signals): what sets the records' `confidence`, and
the packaged levels and threshold that tools/record_policy.py writes (docs/record-policy-2026-12-08.md).

Recomputing the levels codes the Wikinews development parts (a minute or more): too long for the
suite; `tools/record_policy.py --check` does it. The tests check the packaged file against its
own recorded curve and rule, and that the stage scores as the tool does.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from importlib.resources import files
from pathlib import Path

from accord.events import signals as S
from accord.events.policy import RecordPolicy, packaged_threshold

REPO = Path(__file__).resolve().parents[1]


def _tool():
    spec = importlib.util.spec_from_file_location("record_policy", REPO / "tools" / "record_policy.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["record_policy"] = module
    spec.loader.exec_module(module)
    return module


def _meta() -> dict:
    return json.loads(files("accord").joinpath("resources", "events", S.LEVELS_FILE).read_text(encoding="utf-8"))


def test_packaged_threshold_is_the_policy_level_confidence():
    meta = _meta()
    table = {int(k): v for k, v in meta["confidence_of_level"].items()}
    assert packaged_threshold() == meta["threshold"] == RecordPolicy.packaged().min_confidence
    assert meta["threshold"] == table[meta["threshold_level"]]
    assert sorted(table) == list(range(len(S.SIGNALS) + 1)) and meta["signals"] == list(S.SIGNALS)
    values = [table[k] for k in sorted(table)]
    assert values == sorted(values)  # the confidence never falls as a candidate has more signals
    assert values[0] < values[-1]


def test_threshold_follows_the_recorded_rule_on_the_recorded_curves():
    tool = _tool()
    meta = _meta()
    precise = next((row["level"] for row in meta["development_curve"]
                    if row["records"] >= tool.MIN_RECORDS and row["precision"] >= tool.TARGET_PRECISION), None)
    founding = max(row["level"] for row in meta["founding_article"]
                   if row["recalled"] == row["expected"] and row["rejected"] == 0)
    assert meta["threshold_level"] == (founding if precise is None else min(precise, founding))
    # the curve's shares are the calibrated table's source: the threshold's records are what it says
    row = meta["development_curve"][meta["threshold_level"]]
    assert row["records"] == sum(p["records"] for p in row["by_part"].values())


def test_calibration_joins_sparse_levels_and_never_falls():
    tool = _tool()
    levels = [1] * 3 + [2] * 20 + [3] * 20 + [4] * 12 + [5] * 2
    right = [True] * 3 + [True] * 10 + [False] * 10 + [True] * 6 + [False] * 14 + [True] * 11 + [False] + [True] * 2
    table = tool.calibrate(levels, right)
    assert table[1] == table[2] == table[3] == round((3 + 10 + 6) / 43, 3)  # 1 joins 2, 2 > 3 pooled
    assert table[4] == table[5] == round(13 / 14, 3)  # the sparse top joins the one below
    assert table[0] == table[1] and table[len(S.SIGNALS)] == table[5]


def test_the_stage_scores_as_the_tool_does_from_the_finished_document(nlp):
    """The tool computes signals from finished documents (no parse); the stage from the document
    being coded: the two agree exactly."""
    import accord

    doc = accord.extract("Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi "
                         "on Sunday. Germany criticized Iran, and Israel threatened to strike Iran.",
                         date="2026-02-04", min_confidence=0.0, statements=True)
    scorer = S.SignalScore.default()
    how = S.document_how(doc)
    assert doc.events and doc.doc is None
    for e in doc.events:
        assert e.confidence == scorer.confidence(S.level(S.signals(e, how, doc.article.text, bool(doc.article.date))))
    [met] = [e for e in doc.events if e.cameo.startswith("04")]
    found = S.signals(met, how, doc.article.text)
    for name in ("src_known", "tgt_known", "src_named", "tgt_named", "has_target", "day_date", "text_date", "dated",
                 "plain_modality", "src_in_clause", "actors_in_sentence", "early_sentence", "target_if_directed",
                 "main_clause"):
        assert found[name], name


def test_signals_say_what_a_careful_coder_distrusts():
    """A candidate with an unnamed source from no slot of its own, no target, no date, alleged."""
    from types import SimpleNamespace as NS

    e = NS(source=NS(span=(0, 5)), target=None, explain="petrarch default; src=agentless; clause=advcl:if",
           trigger=NS(span=(20, 25)), cameo="112", evidence="Some people were accused of something.", sentence=7,
           date=None, date_precision=None, date_basis=None, modality="alleged")
    found = S.signals(e, {(0, 5): "role-group"}, "Some people were accused of something.")
    assert not any(v for k, v in found.items() if k != "actors_in_sentence")
    assert found["actors_in_sentence"] and S.level(found) == 1


def test_an_act_done_to_someone_without_a_target_lacks_a_signal():
    """An accusation (112) or an assault (18) with no target lacks `target_if_directed`; a
    resignation (08) or an investigation opened (09) needs none; a directed act with its target
    has it."""
    from types import SimpleNamespace as NS

    def found(cameo, target):
        e = NS(source=NS(span=(0, 5)), target=target, explain="verb; src=nsubj; clause=main", trigger=NS(span=(6, 12)),
               cameo=cameo, evidence="Smith blamed Jones.", sentence=0, date=None, date_precision=None,
               date_basis=None, modality="asserted")
        return S.signals(e, {}, "Smith blamed Jones.")

    assert not found("112", None)["target_if_directed"] and not found("1823", None)["target_if_directed"]
    assert found("0832", None)["target_if_directed"] and found("090", None)["target_if_directed"]
    assert found("112", NS(span=(13, 18)))["target_if_directed"]
    assert found("112", None)["main_clause"]


def test_an_event_noun_whose_date_the_coder_ruled_out_counts_as_dated():
    """"in recent talks", "the planned trip": an event noun (rule `nominal`) of a dated article that
    a rule of the coder left undated (`date=None`) counts as `dated`, not as a day nor a date of the
    text; a verb undated as background ("was convicted years ago") does not."""
    from types import SimpleNamespace as NS

    def found(rule, date):
        e = NS(source=NS(span=(0, 5)), target=None, explain=f"{rule}; src=nsubj; clause=main; date={date and 'text'}",
               trigger=NS(span=(6, 12)), cameo="040", evidence="Smith talked.", sentence=0, date=date,
               date_precision=date and "day", date_basis=date and "text", modality="asserted")
        return S.signals(e, {}, "Smith talked.", article_dated=True)

    ruled = found("nominal", None)
    assert ruled["dated"] and not ruled["day_date"] and not ruled["text_date"]
    assert not found("verb:meet/talk->040", None)["dated"]
    assert found("verb:meet/talk->040", "2019-03-02")["dated"] and found("nominal", "2019-03-02")["day_date"]


def test_the_trigger_s_clause(nlp):
    """The trigger's clause as the coder records it (accord.events.clause): the main clause, a
    clause reported by or joined to it, or a clause that frames another."""
    from accord.events.clause import clause_of

    def clause(text, word):
        doc = nlp(text)
        return clause_of(next(t for t in doc if t.text == word))

    assert clause("The minister resigned on Monday.", "resigned") == "main"
    assert clause("The party said the minister had resigned.", "resigned") == "main"  # reported: still the news
    assert clause("The party decided to expel the minister.", "expel") == "main"
    assert clause("The rebels attacked the town and burned the market.", "burned") == "main"
    assert clause("He led the committee until he retired in 2017.", "retired") == "advcl:until"
    assert clause("If the court convicts him, he will appeal.", "convicts") == "advcl:if"
    assert clause("The man who attacked the guards was arrested.", "attacked") == "relcl"
    assert clause_of(None) == "unknown"


def test_a_temporal_as_clause_tells_its_own_event(nlp):
    """A trigger in a temporal "as" clause ("the vote took place as protesters marched") tells an
    event of its own, as the main clause does: it has `main_clause`; a clause of cause or
    condition ("because", "if") or one after which the news is told ("after") does not."""
    from types import SimpleNamespace as NS

    from accord.events.clause import clause_of

    doc = nlp("The vote took place as hundreds of farmers marched on the parliament.")
    assert clause_of(next(t for t in doc if t.text == "marched")) == "advcl:as"

    def main(clause):
        e = NS(source=NS(span=(0, 5)), target=None, explain=f"verb; src=nsubj; clause={clause}",
               trigger=NS(span=(6, 12)), cameo="040", evidence="Smith met Jones.", sentence=0, date=None,
               date_precision=None, date_basis=None, modality="asserted")
        return S.signals(e, {}, "Smith met Jones.")["main_clause"]

    assert main("main") and main("advcl:as")
    assert not main("advcl:because") and not main("advcl:if") and not main("advcl:after") and not main("relcl")
