"""Issue 12: courts and juries as actors, so that verdicts give records. A court, a jury or a judge
is the judiciary (JUD) of the country the phrase, the sentence or the article places it in, never a
person; a court that judges nothing (a game's, a metaphor's) and a court written only inside a
hyphenated modifier are no actor. Sentences written for these tests in the style of news.
Candidates are read at every confidence (the record policy's threshold is not what is tested)."""

from __future__ import annotations

import helpers
from helpers import run_stages


def candidates(nlp, text, date="2019-05-07"):
    return helpers.candidates(nlp, text, date)


def dyad(e):
    return (e.source.code if e.source else None, e.target.code if e.target else None)


def codes(nlp, text, date="2019-05-07"):
    return {m.text: m.actor.code for m in run_stages(nlp, text, date, names=("actors",)).mentions}


def test_a_jury_is_the_judiciary_of_the_place_the_phrase_names(nlp):
    [e] = candidates(nlp, "A federal jury in Manhattan on Tuesday found the former senator guilty of bribery.")
    assert e.cameo == "116" and e.source.code == "USAJUD"


def test_the_jury_takes_the_country_the_article_places_it_in(nlp):
    text = ("Prosecutors in New York said John Smith took bribes from a developer. "
            "The jury found Smith guilty of six counts of fraud.")
    [e] = [e for e in candidates(nlp, text) if e.cameo == "116"]
    assert dyad(e) == ("USAJUD", "USACVL")
    assert codes(nlp, "A grand jury in Ohio indicted the mayor.")["A grand jury"] == "USAJUD"


def test_a_court_without_a_country_takes_the_place_of_its_sentence(nlp):
    [e] = candidates(nlp, "The former mayor was convicted by an anti-corruption court in Kyiv last week.")
    assert e.cameo == "116" and e.source.code == "UKRJUD"


def test_a_court_that_judges_nothing_is_no_actor(nlp):
    # near misses: a game's court, a metaphor's
    found = codes(nlp, "The French minister played on the tennis court in Paris. "
                       "The court of public opinion has convicted the French minister.")
    assert not any(text.lower().startswith(("the tennis court", "the court")) for text in found), found
    assert not any(e.source and e.source.code.endswith("JUD") for e in candidates(
        nlp, "The court of public opinion has convicted the French minister."))


def test_a_court_inside_a_hyphenated_modifier_is_no_actor(nlp):
    # "a jury-recommended sentence": the jury is a word of the modifier, not the one who convicted
    text = "He was found guilty of charges in Virginia, with a jury-recommended sentence of life."
    assert not any(e.source and e.source.code.endswith("JUD") for e in candidates(nlp, text))
    assert not any("jury" in t.lower() for t in codes(nlp, text))
    # the lawyer a court appointed is still a lawyer (JUD by the agents' dictionary), not the court
    assert codes(nlp, "A court-appointed lawyer in Texas defended him.") == {
        "A court-appointed lawyer": "USAJUD", "Texas": "USA"}


def test_the_aim_of_a_lawsuit_is_no_second_act(nlp):
    # "sued X to block Y": the suit (115) is the record; blocking is what it asks a court for
    evs = candidates(nlp, "President Trump sued his accountants in New York to block the release of his "
                          "tax returns to the grand jury.")
    evs += candidates(nlp, "Mexico sued the United States to block the sale of weapons to the Mexican police.")
    assert "115" in {e.cameo for e in evs}
    assert not any(e.trigger.text == "block" for e in evs if e.trigger is not None)
