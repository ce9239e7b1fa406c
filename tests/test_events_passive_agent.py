"""Issue 12, the agent of an agentless passive (events/passive_agent.py): an act only one kind of
institution does (arrests: the police; impeachment: a legislature), told in the passive with no
"by" phrase, is done by the institution of that kind the article names; and a chamber is named as
itself, not as the whole Congress (seats.yaml). Sentences written for these tests in the style of
news."""

from __future__ import annotations

from test_events_news_precision import candidates, dyad


def _of(events, word):
    return [e for e in events if word in e.trigger.text]


def test_an_agentless_arrest_is_done_by_the_police_the_story_names(nlp):
    text = ("Greater Manchester Police said on Monday they had arrested a woman over the fire in Bolton. "
            "A second woman was arrested on Sunday.")
    [e] = [e for e in _of(candidates(nlp, text), "arrested") if e.sentence == 1]
    assert e.source.code == "GBRCOP" and e.source.text == "Greater Manchester Police"
    assert "src=passive-agent:before" in e.explain


def test_an_agentless_impeachment_is_the_legislature_s(nlp):
    text = ("The House of Representatives voted to impeach President Donald Trump on Wednesday. "
            "Andrew Johnson was impeached in 1868.")
    [e] = [e for e in _of(candidates(nlp, text), "impeached")]
    assert e.source is not None and e.source.code == "USALEG"
    assert e.source.name == "United States House of Representatives"


def test_no_institution_named_no_source_and_a_named_agent_stays(nlp):
    # no police named anywhere: the arrest keeps no source (a careful coder does not guess)
    [e] = _of(candidates(nlp, "A man was arrested in Leeds on Tuesday after a car hit a bus stop."), "arrested")
    assert e.source is None and "passive-agent" not in e.explain
    # the police of another country than the person arrested are not theirs
    text = ("The French police said on Monday they had seized a boat near Calais. "
            "A British man was arrested in Dover on Tuesday.")
    assert all(e.source is None or e.source.country != "FRA" for e in _of(candidates(nlp, text), "arrested"))
    # a "by" phrase names the doer; a conviction is no act of one kind of institution
    text = ("Police in Texas said they were looking for the driver. "
            "Two men were convicted of fraud in Houston on Friday.")
    assert all("passive-agent" not in e.explain for e in candidates(nlp, text))


def test_a_chamber_is_named_as_itself_not_as_congress(nlp):
    [e] = _of(candidates(nlp, "The House of Representatives impeached President Donald Trump on Wednesday."),
              "impeached")
    assert e.source.name == "United States House of Representatives" and e.source.code == "USALEG"
    [f] = _of(candidates(nlp, "The U.S. Senate acquitted President Donald Trump on Wednesday."), "acquitted")
    assert f.source.code == "USALEG" and f.source.name != "the US Congress"
    # Congress is still the US Congress
    [g] = _of(candidates(nlp, "Congress condemned President Donald Trump on Friday."), "condemned")
    assert g.source.name == "the US Congress"
