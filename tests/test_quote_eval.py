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
