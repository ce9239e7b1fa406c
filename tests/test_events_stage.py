"""The events stage on its own (after actors and time): coding, negation, modality, date, place."""

from __future__ import annotations

from helpers import run_stages


def events(nlp, text, date="2026-02-04"):
    return run_stages(nlp, text, date, names=("actors", "time", "events")).events


def dyad(e):
    return (e.source.code if e.source else None, e.target.code if e.target else None)


def test_meeting_with_place_and_weekday(nlp):
    [e] = events(nlp, "On Sunday, Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi.")
    assert e.cameo == "040" and dyad(e) == ("RUSGOV", "TURGOV")
    assert (e.date, e.date_basis, e.date_precision) == ("2026-02-01", "text", "day")
    assert e.location.name == "Sochi" and e.location.country == "RUS"
    assert e.evidence.startswith("On Sunday")


def test_publication_date_when_text_has_none(nlp):
    [e] = events(nlp, "Germany criticized Iran.")
    assert e.cameo.startswith("11") and dyad(e) == ("DEU", "IRN")
    assert (e.date, e.date_basis) == ("2026-02-04", "publication")


def test_passive_voice_keeps_source_and_target(nlp):
    [e] = events(nlp, "Iran was sanctioned by the European Union.")
    assert e.cameo == "163"
    assert e.source.code.startswith("IGO") and e.target.code == "IRN"


def test_negation(nlp):
    [e] = events(nlp, "Brazil did not criticize China.")
    assert e.negated is True and e.modality == "asserted"
    [f] = events(nlp, "Japan has never attacked Korea.".replace("Korea", "South Korea"))
    assert f.negated is True


def test_modalities(nlp):
    [alleged] = events(nlp, "Officials believe that Iran attacked Israel.")
    assert alleged.modality == "alleged"
    [reported] = events(nlp, "Iran reportedly attacked Israel.")
    assert reported.modality == "alleged"
    [hypothetical] = events(nlp, "Iran could attack Israel.")
    assert hypothetical.modality == "hypothetical"
    [future] = events(nlp, "France will visit Egypt.".replace("France", "Emmanuel Macron"))
    assert future.modality == "future"
    planned_events = events(nlp, "Emmanuel Macron plans to visit Egypt.")
    [planned] = [e for e in planned_events if e.cameo == "042"]
    assert planned.modality == "future"
    # The plan itself is an asserted expression of intent (CAMEO 03x), never an asserted visit.
    assert all(e.cameo.startswith("03") for e in planned_events if e.modality == "asserted")


def test_light_verb_and_nominal(nlp):
    [e] = events(nlp, "The United States imposed sanctions on Venezuela.")
    assert e.cameo == "163" and dyad(e) == ("USA", "VEN")
    [n] = events(nlp, "Russia's 2022 Ukraine offensive shocked Europe.")
    assert n.cameo.startswith("19") and dyad(n) == ("RUS", "UKR") and n.date == "2022"


def test_coordinated_subjects_give_one_event_per_country(nlp):
    evs = events(nlp, "Leaders from France, Canada and Finland have flocked to Beijing.")
    assert sorted(e.source.country for e in evs) == ["CAN", "FIN", "FRA"]
    assert all(e.cameo == "042" and e.target.country == "CHN" for e in evs)


def test_month_resolved_against_past_tense(nlp):
    [e] = events(nlp, "Xi Jinping visited Moscow in May.")
    assert e.cameo == "042" and e.date == "2025-05" and e.date_precision == "month"


def test_every_event_has_ontology_fields(nlp):
    for e in events(nlp, "Egypt hosted Israeli negotiators. Israel attacked Gaza. Jordan praised Egypt."):
        assert e.plover and 1 <= e.quad_class <= 4 and -10 <= e.goldstein <= 10
        assert 0 < e.confidence <= 1 and e.explain
