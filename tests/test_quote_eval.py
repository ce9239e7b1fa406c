"""The quote scorer: the strict speaker test and the clearly separate lenient one."""

from __future__ import annotations

from accord.evaluation.quotes import _speaker_right, _speaker_right_lenient
from accord.model import Actor


def actor(name, country, key):
    return Actor(text="x", span=(0, 1), name=name, code=country or "CVL", country=country, sector=None, key=key)


def test_strict_named_speaker_needs_the_same_canonical_name():
    gold = {"speaker": "Rémy Heitz", "speaker_named": True, "speaker_country": "FRA"}
    assert _speaker_right(actor("Rémy Heitz", "FRA", "unlisted:Rémy Heitz"), gold)
    assert not _speaker_right(actor("Remy Heitz", "FRA", "unlisted:Remy Heitz"), gold)
    assert _speaker_right_lenient(actor("Remy Heitz", "FRA", "unlisted:Remy Heitz"), gold)
    assert not _speaker_right_lenient(actor("Rémy Martin", "FRA", "unlisted:Rémy Martin"), gold)


def test_unnamed_speaker_needs_no_person_and_the_right_country():
    gold = {"speaker": "a police source", "speaker_named": False, "speaker_country": "FRA"}
    assert _speaker_right(actor(None, "FRA", "group:FRACOP"), gold)
    assert not _speaker_right(actor(None, "GBR", "group:GBRCOP"), gold)
    assert not _speaker_right(actor("Marie Dupont", "FRA", "unlisted:Marie Dupont"), gold)
    org_gold = {"speaker": "Lebanon", "speaker_named": False, "speaker_country": "LBN"}
    lebanon = actor("Lebanon", "LBN", "country:LBN")
    assert _speaker_right(lebanon, org_gold)  # not a person, right country
    assert not _speaker_right(actor("Israel", "ISR", "country:ISR"), org_gold)
    assert not _speaker_right(actor("Marie Dupont", "LBN", "unlisted:Marie Dupont"), org_gold)
    assert not _speaker_right(actor("Michel Aoun", "LBN", "person:michel-aoun"), org_gold)


def test_no_speaker_only_when_gold_has_none():
    assert _speaker_right(None, {"speaker": None})
    assert not _speaker_right(None, {"speaker": "Xi Jinping", "speaker_named": True})


def test_pronoun_speakers_judged_by_their_antecedent():
    from accord.evaluation.quotes import _antecedent_names, _is_pronoun

    gold = {"speaker": "William Whitelaw", "speaker_named": True, "speaker_country": "GBR", "speaker_mention": "he"}
    assert _is_pronoun(gold["speaker_mention"]) and _is_pronoun("She") and not _is_pronoun("Cuomo")
    whitelaw = Actor(text="Mr Whitelaw", span=(0, 11), name="Whitelaw", code="GBRGOV", country="GBR", sector="GOV",
                     key="unlisted:Whitelaw")
    assert not _speaker_right(whitelaw, gold)  # strict: not the canonical name
    assert _antecedent_names(whitelaw, gold)  # by antecedent: the mention names him
    other = Actor(text="Mr Heath", span=(0, 8), name="Heath", code="GBRGOV", country="GBR", sector="GOV",
                  key="unlisted:Heath")
    assert not _antecedent_names(other, gold)
    assert not _antecedent_names(whitelaw, {**gold, "speaker_named": False})


def test_speaker_figures_stay_at_or_above_their_floor():
    """Both speaker figures on the gold set, at or above what they were before issue 12 (strict 90.6%,
    pronouns by antecedent 92.6% at commit e7e6239)."""
    from pathlib import Path

    from conftest import SHARED, shared_path
    from accord.evaluation.quotes import evaluate

    shared_path("data", "wikievents")
    r = evaluate(SHARED, Path(__file__).parent / "data" / "quotes_gold.jsonl")
    assert r.found >= 200
    assert r.speaker_accuracy >= 0.906 - 1e-9
    assert r.speaker_accuracy_antecedent >= max(0.926 - 1e-9, r.speaker_accuracy)
