"""Issue 12, an act done in answer to an actor's act or words is aimed at that actor
(events/response_target.py; arguments.yaml `response_nouns`). Sentences written for these tests
in the style of news."""

from __future__ import annotations

from test_events_news_precision import candidates


def _of(events, word):
    return [e for e in events if word in e.trigger.text]


def test_an_act_in_response_to_someone_s_act_is_aimed_at_them(nlp):
    text = ("Former Senator Richard Lugar died on Sunday. "
            "In response to Lugar's death, Governor Eric Holcomb ordered the Statehouse's flags be lowered to half staff.")
    [e] = [e for e in candidates(nlp, text) if e.sentence == 1 and e.source is not None and "Holcomb" in e.source.text]
    assert e.target is not None and e.target.name == "Richard Lugar" and "tgt=in-response-to" in e.explain


def test_words_from_someone_answered_in_a_phrase_below_the_act(nlp):
    text = ("The Labour Party withdrew from fielding a candidate in the by-election in response to a "
            "statement from Prime Minister Boris Johnson.")
    [e] = _of(candidates(nlp, text), "withdrew")
    assert e.target is not None and e.target.code == "GBRGOV" and "Johnson" in e.target.text


def test_no_target_from_a_response_to_the_media_or_to_a_thing(nlp):
    # questions from reporters: the media are no one an act is aimed at
    for e in candidates(nlp, "In response to questions from reporters, the Chinese government criticised the visit."):
        assert e.target is None or e.target.sector != "MED"
    # an answer to a thing no actor is named in: nothing borrowed
    for e in candidates(nlp, "In response to the floods, the Indian army evacuated villages in Assam."):
        assert "tgt=in-response-to" not in e.explain
    # an act with a target of its own keeps it
    text = ("Iran seized a British tanker on Friday. "
            "In response to Iran's move, Britain summoned the Iranian ambassador.")
    [e] = _of(candidates(nlp, text), "summoned")
    assert "tgt=in-response-to" not in e.explain
