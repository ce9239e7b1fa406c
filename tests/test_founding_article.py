"""The founding article through the whole pipeline: what a careful coder would record.

These expectations are about the project's own demo article (DEVELOPERS.md), not an evaluation
set; every stage must do the right thing on it.
"""

from __future__ import annotations


def _events(doc, cameo_prefix=None, **where):
    out = []
    for e in doc.events:
        if cameo_prefix and not e.cameo.startswith(cameo_prefix):
            continue
        if all(getattr(e, k) == v for k, v in where.items()):
            out.append(e)
    return out


def _names(e):
    return (e.source.name if e.source else None, e.target.name if e.target else None)


def test_the_video_call_is_one_event_dated_from_today(founding):
    calls = _events(founding, "041")
    assert len(calls) == 1  # the caption and the lead report the same call
    [call] = calls
    assert set(_names(call)) == {"Xi Jinping", "Vladimir Putin"}
    assert call.date == "2026-02-04" and call.date_precision == "day"
    assert call.negated is False and call.modality == "asserted"
    assert call.plover == "CONSULT" and call.plover_mode == "phone"
    assert call.quad_class == 1 and call.goldstein == 1.0
    # The caption's "in Moscow" is where its photo was taken, not where the call was held.
    assert call.location is None


def test_every_expected_event_and_none_a_careful_coder_would_reject(nlp, example_path):
    from pathlib import Path

    from accord.evaluation.events import evaluate_expectations
    from accord.pipeline import Pipeline

    expect = Path(__file__).parent / "data" / "founding_events_expected.yaml"
    result = evaluate_expectations(expect, example_path, Pipeline.default(nlp))
    assert result["missing"] == [] and result["recalled"] == result["expected"]
    assert result["rejected_events"] == []


def test_evidence_is_the_sentence_without_the_blank_lines_after_it(founding):
    # A paragraph's last sentence carries the paragraph break ("...today.\n\n"): the record's
    # evidence (and the CSV exports made of it) is the sentence alone, found as is in the text
    # around its trigger.
    text = founding.article.text
    before_a_break = 0
    for e in founding.events:
        assert e.evidence == e.evidence.strip() and e.evidence
        at = text.rfind(e.evidence, 0, e.trigger.span[0] + len(e.evidence))
        assert at != -1 and at <= e.trigger.span[0] < e.trigger.span[1] <= at + len(e.evidence), e.evidence
        before_a_break += text.startswith("\n", at + len(e.evidence))
    assert before_a_break  # the case is on the article: sentences that end a paragraph


def test_statements_are_never_addressed_to_the_speakers_own_side(founding):
    for e in founding.events:
        if e.cameo.startswith("01") and e.source and e.target:
            assert e.target.country != e.source.country, e


def test_stressing_something_in_talks_is_a_statement_in_a_meeting(founding):
    stressed = [e for e in founding.events if e.trigger.text == "stressed"]
    assert all(e.cameo.startswith("01") for e in stressed)
    talks = [e for e in founding.events if e.trigger.text == "talks" and e.source and e.source.name == "Xi Jinping"]
    assert {e.target.country for e in talks} == {"FRA", "CAN", "GBR", "BRA"}


def test_putin_praises_the_partnership(founding):
    praise = [e for e in _events(founding, "051") if e.source and e.source.name == "Vladimir Putin"]
    assert praise
    assert all(e.source.code == "RUSGOV" and e.target and e.target.country == "CHN" for e in praise)
    assert any(e.trigger.text == "praised" for e in praise)


def test_past_visits_are_dated_from_the_text(founding):
    xi_visit = [e for e in _events(founding, "042") if _names(e)[0] == "Xi Jinping"]
    assert len(xi_visit) == 1
    assert xi_visit[0].target.country == "RUS"
    assert (xi_visit[0].date, xi_visit[0].date_precision, xi_visit[0].date_basis) == ("2025-05", "month", "text")
    assert xi_visit[0].location and xi_visit[0].location.name == "Moscow"

    putin_visit = [e for e in _events(founding, "042") if _names(e)[0] == "Vladimir Putin"]
    assert len(putin_visit) == 1
    assert putin_visit[0].target.country == "CHN"
    assert (putin_visit[0].date, putin_visit[0].date_basis) == ("2025-09", "text")
    assert putin_visit[0].location.name == "Beijing" and putin_visit[0].location.country == "CHN"


def test_wang_yi_meets_shoigu_in_beijing_on_sunday(founding):
    [meeting] = [e for e in _events(founding, "04") if set(_names(e)) == {"Wang Yi", "Sergei Shoigu"}]
    assert meeting.cameo == "040"
    assert meeting.source.code == "CHNGOV" and meeting.target.code == "RUSGOV"
    assert meeting.date == "2026-02-01" and meeting.date_basis == "text"
    loc = meeting.location
    assert loc.name == "Beijing" and loc.country == "CHN" and abs(loc.lat - 39.9) < 0.1


def test_no_asserted_denunciation_of_russia_by_china(founding):
    denounce = [e for e in founding.events if e.cameo.startswith("11") and e.source and e.source.country == "CHN"]
    assert denounce, "the denunciation is kept, as a negated event"
    assert all(e.negated for e in denounce)
    asserted = [e for e in denounce if not e.negated and e.modality == "asserted"]
    assert asserted == []


def test_support_to_moscow_is_alleged_not_fact(founding):
    support = [e for e in founding.events if e.cameo.startswith("07")]
    assert len(support) == 1
    assert support[0].source.country == "CHN" and support[0].target.country == "RUS"
    assert support[0].modality == "alleged" and support[0].negated is False


def test_sanctions_and_abu_dhabi_talks(founding):
    [sanctions] = _events(founding, "163")
    assert sanctions.source.code == "WST" and sanctions.target.country == "RUS"
    talks = [e for e in _events(founding, "04") if e.location and e.location.name == "Abu Dhabi"]
    dyads = {frozenset((e.source.country, e.target.country)) for e in talks}
    assert dyads == {frozenset(p) for p in (("RUS", "UKR"), ("RUS", "USA"), ("UKR", "USA"))}
    assert all(e.location.country == "ARE" for e in talks)


def test_quotes_have_their_speakers(founding):
    by_start = {q.text[:30]: q for q in founding.quotes}
    xi = [q for q in founding.quotes if q.speaker and q.speaker.name == "Xi Jinping" and len(q.text) > 60]
    putin = [q for q in founding.quotes if q.speaker and q.speaker.name == "Vladimir Putin" and len(q.text) > 60]
    assert len(xi) == 2 and len(putin) == 2
    said_by_president = [q for q in xi if q.cue == "said"]
    assert said_by_president and said_by_president[0].speaker.text == "the Chinese president"
    assert any(t.startswith("dear friend") for t in by_start)
    for q in founding.quotes:
        assert founding.article.text[q.span[0]:q.span[1]] == q.text


def _speaker_of(founding, text):
    [q] = [q for q in founding.quotes if q.direct and q.text == text]
    return q.speaker.name if q.speaker else None


def test_every_quote_of_the_xi_putin_call_has_its_speaker(founding):
    assert _speaker_of(founding, "Since the beginning of the year, the international situation has become "
                                 "increasingly turbulent") == "Xi Jinping"
    assert _speaker_of(founding, "The Russian-Chinese comprehensive partnership and strategic cooperation "
                                 "is exemplary") == "Vladimir Putin"
    assert _speaker_of(founding, "dear friend") == "Vladimir Putin"
    assert _speaker_of(founding, "the foreign policy alliance between Moscow and Beijing remains an important "
                                 "stabilising factor") == "Vladimir Putin"
    # Partial quotes in "Xi … and … Putin hailed their “stabilising” … alliance in the face of
    # “turbulent” times": each word goes to the leader whose own quote uses it.
    assert _speaker_of(founding, "stabilising") == "Vladimir Putin"
    assert _speaker_of(founding, "turbulent") == "Xi Jinping"


def test_wang_yi_speaks_the_partial_quotes_of_his_meeting(founding):
    assert _speaker_of(founding, "turmoil") == "Wang Yi"
    assert _speaker_of(founding, "advocate for an equal and orderly multipolar world") == "Wang Yi"
    [told] = [q for q in founding.quotes if not q.direct and q.cue == "told"]
    assert told.speaker.name == "Wang Yi" and told.text.startswith("China and Russia must work together")


def test_titles_and_group_speakers_of_the_founding_article(founding):
    assert not [q for q in founding.quotes if q.text == "Board of Peace"]
    [ground] = [q for q in founding.quotes if q.text == "break new ground"]
    assert ground.speaker is not None and ground.speaker.name is None and ground.cue == "agreed"


def test_key_actor_mentions_resolve(founding):
    resolved = {(m.text, m.actor.name, m.actor.code) for m in founding.mentions}
    texts = {m.text: m.actor for m in founding.mentions}
    assert texts["the Chinese president"].name == "Xi Jinping"
    assert texts["the Russian leader"].name == "Vladimir Putin"
    assert {m.actor.name for m in founding.mentions if m.text == "The two leaders"} == {"Xi Jinping", "Vladimir Putin"}
    assert texts["Kremlin"].code == "RUSGOV"
    assert texts["Western countries"].code == "WST"
    assert texts["UN"].code == "IGOUNO"
    assert texts["Chinese state broadcaster CCTV"].code == "CHNMED"
    assert ("US President Donald Trump", "Donald Trump", "USAGOV") in resolved
    assert texts["Sergei Shoigu"].code == "RUSGOV"


def test_time_expressions_of_the_founding_article(founding):
    values = {(t.text, t.value) for t in founding.timexes}
    for pair in [("today", "2026-02-04"), ("this year", "2026"), ("2022", "2022"), ("September", "2025-09"),
                 ("last year", "2025"), ("May", "2025-05"), ("Sunday", "2026-02-01"), ("January", "2026-01")]:
        assert pair in values
