"""Issue 12, event dates on ordinary news: classes of wrong dates found on the Wikinews 2019
development parts (A, C, D, E; `tools/date_check.py`, the judged records' notes), each fixed as a
rule of the coder's dating. Sentences written for these tests in the style of news; candidates are
read at every confidence (the record policy's threshold is not what is tested). The publication date of
the tests, 2019-10-09, is a Wednesday."""

from __future__ import annotations

import pytest
import helpers

PUB = "2019-10-09"


def candidates(nlp, text, date=PUB):
    return helpers.candidates(nlp, text, date)


def dated(events, code_prefix):
    return [(e.date, e.date_precision, e.date_basis) for e in events if e.cameo.startswith(code_prefix)]


# ------------------------------------------------- a past act told in a dated report
@pytest.mark.parametrize("text, code", [
    ("Yesterday, Thames Valley Police said they had arrested a second man over the theft.", "173"),
    ("Authorities in Iraq said on Sunday that gunmen had killed 12 protesters in Baghdad.", "19"),
    ("Turkish police said on Monday that they arrested the mayor of Istanbul.", "173"),
])
def test_a_past_act_in_a_report_dated_before_publication_takes_the_reports_month(nlp, text, code):
    # done before the report, the day not given: not the publication day (2019-10-09)
    assert dated(candidates(nlp, text), code) == [("2019-10", "month", "text")]


def test_a_report_of_the_publication_day_or_an_act_to_come_keeps_its_date(nlp):
    # said today: an act of the reporting period, dated by publication
    assert dated(candidates(nlp, "Police said today that they had arrested three men in Istanbul."), "173") \
        == [(PUB, "day", "publication")]
    # an act to come has no day
    assert dated(candidates(nlp, "On Monday, police said the army would attack the rebels."), "19") \
        == [(None, None, None)]
    # a day of its own stays the act's
    assert dated(candidates(nlp, "Police said on Tuesday that they had arrested three men in Istanbul on Sunday."),
                 "173") == [("2019-10-06", "day", "text")]


# ------------------------------------------------- a day on a noun of the object
@pytest.mark.parametrize("text, code", [
    ("Britain condemned Sunday's attack on the mosque.", "111"),
    ("The Taliban claimed responsibility for last week's attack on the base.", "015"),
])
def test_a_day_that_modifies_a_noun_of_the_object_does_not_date_the_act(nlp, text, code):
    # the attack's day, not the condemnation's: an act of the reporting period with no day of its own
    assert dated(candidates(nlp, text), code) == [(PUB, "day", "publication")]


def test_a_day_on_the_act_or_on_a_happening_the_act_takes_part_in_dates_it(nlp):
    assert dated(candidates(nlp, "Britain on Monday condemned Sunday's attack on the mosque."), "111") \
        == [("2019-10-07", "day", "text")]
    # boycotting an election is done when the election is held
    assert dated(candidates(nlp, "Opposition parties boycotted Sunday's election in Kabul."), "14") \
        == [("2019-10-06", "day", "text")]
    # the event's own noun ("launched a military offensive on Sunday") keeps its day
    assert dated(candidates(nlp, "Turkey launched a military offensive on Sunday against Kurdish militias."), "19") \
        == [("2019-10-06", "day", "text")]


# ------------------------------------------------- a participle on a noun of a dated clause
def test_a_comma_participle_on_a_noun_is_done_when_the_nouns_clause_is(nlp):
    from accord.events.coder import _comma_participle_on_noun

    doc = nlp("Estimates by the police indicate about 200,000 people marched in Paris on Saturday during an "
              "anti-government (\"yellow vest\") march, protesting the policies of the French government.")
    protesting = next(t for t in doc if t.lower_ == "protesting")
    assert protesting.dep_ == "acl"  # the parser hangs it on the noun phrase of "during ..."
    assert _comma_participle_on_noun(protesting).lower_ == "marched"
    # a participle with a subject of its own, or one not set off by a comma, is not
    doc = nlp("People carrying signs marched in Paris on Saturday.")
    carrying = next(t for t in doc if t.lower_ == "carrying")
    assert _comma_participle_on_noun(carrying) is None


# ------------------------------------------------- an act told as later than a dated one
def test_an_act_told_as_later_than_a_dated_day_takes_neither_that_day_nor_publication(nlp):
    evs = candidates(nlp, "On Monday, police arrested the organiser of the protest in Hong Kong. "
                          "The police later released him.")
    assert dated(evs, "173") == [("2019-10-07", "day", "text")]
    assert dated(evs, "084") == [(None, None, None)]  # after Monday, on a day the text does not give
    # without "later" the paragraph's day carries; a day that is the publication day keeps it
    evs = candidates(nlp, "On Monday, police arrested the organiser of the protest in Hong Kong. "
                          "The police released him.")
    assert dated(evs, "084") == [("2019-10-07", "day", "text")]
    evs = candidates(nlp, "Earlier today, police arrested the organiser of the protest in Hong Kong. "
                          "The police later released him.")
    assert dated(evs, "084") == [(PUB, "day", "text")]


# ------------------------------------------------- background acts: no date rather than publication
@pytest.mark.parametrize("text, code", [
    ("Khan was convicted of terrorism years ago.", "116"),
    ("Russia recently attacked Georgia.", "19"),
    ("In the past, Russia attacked Georgia.", "19"),
    ("In the 1990s, Russia attacked Chechnya.", "19"),  # a decade: no year, month or day to give
    ("In the last century, Germany invaded Poland.", "19"),
])
def test_an_act_in_a_time_before_the_reporting_period_with_no_date_to_give_has_none(nlp, text, code):
    assert dated(candidates(nlp, text), code) == [(None, None, None)]


def test_a_time_before_the_reporting_period_that_gives_a_year_dates_the_act(nlp):
    assert dated(candidates(nlp, "A decade ago, Russia attacked Georgia."), "19") == [("2009", "year", "text")]
    assert dated(candidates(nlp, "Earlier this year, China accused the United States of spying."), "112") \
        == [("2019", "year", "text")]
    # and an act with no time of its own is of the reporting period
    assert dated(candidates(nlp, "Russia criticized NATO."), "111") == [(PUB, "day", "publication")]


@pytest.mark.parametrize("text, code", [
    ("Russia has long criticized NATO.", "111"),  # "long" with a perfect, as with a pluperfect
    ("Trump had long opposed the deal with Iran.", "110"),
    ("Russia has attacked Georgia before.", "19"),  # "before" with a perfect
    # a clause of a background act: a relative clause, a conjunct
    ("Jones previously served as ambassador to Russia, where he criticized the Kremlin.", "111"),
    ("Russia had previously criticized NATO and threatened Ukraine.", "13"),
    # an act set in an occasion told as earlier
    ("Protesters said a woman was injured by police in a previous protest.", "18"),
    ("Police injured a woman during an earlier protest in Paris.", "18"),
])
def test_a_background_act_or_an_act_in_its_clause_has_no_date(nlp, text, code):
    assert dated(candidates(nlp, text), code) == [(None, None, None)]


def test_a_relative_clause_on_a_noun_told_as_former_tells_its_history(nlp):
    assert dated(candidates(nlp, "The former minister, who was arrested by police, testified before Congress."),
                 "173") == [(None, None, None)]
    assert dated(candidates(nlp, "The minister, who was arrested by police, testified before Congress."),
                 "173") == [(PUB, "day", "publication")]


def test_an_act_a_noun_names_as_planned_or_cancelled_has_no_date(nlp):
    assert dated(candidates(nlp, "The cancelled meeting between Merkel and Putin angered Ukraine."), "04") \
        == [(None, None, None)]
    assert dated(candidates(nlp, "Trump's planned trip to Warsaw was cancelled."), "") == [(None, None, None)]
    assert dated(candidates(nlp, "Trump's trip to Warsaw was a success."), "04") == [(PUB, "day", "publication")]


@pytest.mark.parametrize("adjective", ["recent", "earlier", "previous"])
def test_an_act_a_noun_names_as_before_the_report_has_no_date(nlp, adjective):
    # "in recent talks with leaders from France": before the report, on a day the text does not give
    text = f"The minister raised the issue in {adjective} talks with leaders from France."
    assert dated(candidates(nlp, text), "04") == [(None, None, None)]


def test_talks_a_noun_names_with_no_such_adjective_keep_the_publication_day(nlp):
    # the near miss: the same talks, not put before the report
    text = "The minister raised the issue in talks with leaders from France."
    assert dated(candidates(nlp, text), "04") == [(PUB, "day", "publication")]


def test_an_act_beside_a_background_clause_keeps_its_own_date(nlp):
    # the relative clause is background; the act of the main clause is of the reporting period
    assert dated(candidates(nlp, "The former president, who previously attacked the rebels, met Xi."), "04") \
        == [(PUB, "day", "publication")]
    assert dated(candidates(nlp, "Protesters said a woman was injured by police in a protest."), "18") \
        == [(PUB, "day", "publication")]
    assert dated(candidates(nlp, "Russia attacked Georgia before the election."), "19") == [(PUB, "day", "publication")]


def test_an_undated_act_of_a_person_the_text_reports_dead_is_background(nlp):
    # obituary narration: what he did, he did before his death
    for text in ("Baker died on Sunday at the age of 80.\n\nHe criticized the British government.",
                 "Baker has died.\n\nHe criticized the British government."):
        assert dated(candidates(nlp, text), "111") == [(None, None, None)], text
    # a named person called "late"
    assert dated(candidates(nlp, "The late John McCain criticized Vladimir Putin."), "111") == [(None, None, None)]
    assert dated(candidates(nlp, "John McCain criticized Vladimir Putin."), "111") == [(PUB, "day", "publication")]
    # not a death: a day of his, a death denied
    for text in ("Baker spoke on Sunday.\n\nHe criticized the British government.",
                 "Baker did not die on Sunday.\n\nHe criticized the British government."):
        assert dated(candidates(nlp, text), "111") == [(PUB, "day", "publication")], text


@pytest.mark.parametrize("text", [
    "The Kenyan president was elected in 2013. He criticized the Ugandan government.",
    "In the 1990s, the Kenyan president visited Uganda. He criticized the Ugandan government.",
    "Years ago, the Kenyan president visited Uganda. He criticized the Ugandan government.",
])
def test_an_undated_act_of_a_pronoun_for_an_actor_of_a_background_sentence_has_no_date(nlp, text):
    # it goes on with the background narration: not the publication day (nor surely that year)
    assert dated(candidates(nlp, text), "111") == [(None, None, None)]


def test_an_act_after_a_background_sentence_that_does_not_go_on_with_it_keeps_publication(nlp):
    for text in (
            "The Kenyan president was elected in 2013.\n\nHe criticized the Ugandan government.",  # another paragraph
            "The Kenyan president was elected in 2013. He has criticized the Ugandan government.",  # a perfect
            "The Kenyan president was elected in March. He criticized the Ugandan government.",  # this year
            # no pronoun for the background's actors: the news the background was told for
            "The Kenyan president was elected in 2013. The Tanzanian president criticized the Ugandan government."):
        assert dated(candidates(nlp, text), "111") == [(PUB, "day", "publication")], text


# ------------------------------------------------- an intent is dated when it is made
@pytest.mark.parametrize("text", [
    "Merkel said she would meet Macron on Saturday.",
    "Merkel plans to meet Macron on Saturday.",
])
def test_an_intent_is_dated_when_made_not_on_the_day_of_the_act_to_come(nlp, text):
    assert dated(candidates(nlp, text), "03") == [(PUB, "day", "publication")]


def test_an_act_to_come_keeps_its_day(nlp):
    assert dated(candidates(nlp, "Merkel will meet Macron on Saturday."), "04") == [("2019-10-12", "day", "text")]


# ------------------------------------------------- the days a date allows (internal: clustering)
def test_last_week_is_a_month_in_the_record_and_its_week_beside_it(nlp):
    # Monday 21 January 2019: "last week" is 14-20 January. The record keeps the contract's
    # precision (the month); `date_range` (never in the record) keeps the week, which clustering
    # compares, so the act does not join a happening of the publication week.
    events = candidates(nlp, "Last week, Taliban fighters set off a car bomb outside a compound "
                        "in Kabul.", "2019-01-21")
    bombs = [e for e in events if e.cameo.startswith("18")]
    assert bombs and all((e.date, e.date_precision, e.date_basis) == ("2019-01", "month", "text")
                         for e in bombs)
    assert all(e.date_range == ("2019-01-14", "2019-01-20") for e in bombs)
    assert all("date_range" not in e.to_record() for e in bombs)
    # a date by the publication day has no range of its own (the clustering window applies)
    today = candidates(nlp, "Taliban fighters attacked a police post in Ghazni.", "2019-01-21")
    assert today and all(e.date_basis != "text" or e.date_range is None for e in today)


# ------------------------------------------------- the means of an act, what one confesses to
def test_a_time_on_the_means_gerund_dates_the_act(nlp):
    assert dated(candidates(nlp, "The rebels killed the governor by shooting him on Monday."), "18") \
        == [("2019-10-07", "day", "text")]
    assert dated(candidates(nlp, "The rebels killed the governor by shooting him in 2016."), "18") \
        == [("2016", "year", "text")]


@pytest.mark.parametrize("text", [
    "Russia confessed to attacking the Georgian army.",
    "The Russian soldier pleaded guilty to attacking the Georgian army.",
])
def test_what_one_confesses_or_pleads_guilty_to_was_done_before(nlp, text):
    # the attack, not the confession: done before it, on a day the text does not give
    evs = [e for e in candidates(nlp, text) if e.trigger.text == "attacking"]
    assert [(e.date, e.date_precision, e.date_basis) for e in evs] == [(None, None, None)]


def test_at_the_time_points_back_as_at_that_time(nlp):
    assert dated(candidates(nlp, "Russia invaded Georgia in 2008. At the time, NATO criticized Russia."), "111") \
        == [("2008", "year", "text")]
    # no earlier year: a time before the story's, not the publication day
    assert dated(candidates(nlp, "At the time, Russia criticized NATO."), "111") == [(None, None, None)]
    # "the meeting" is no pointer by itself
    assert dated(candidates(nlp, "Russia invaded Georgia in 2008. At the meeting, NATO criticized Russia."),
                 "111") == [(PUB, "day", "publication")]


# ------------------------------------------------- a day of the coming weeks in a past-tense clause
def test_a_day_without_a_year_a_few_days_ahead_is_this_years_and_does_not_date_the_announcement(nlp):
    # "effective next Monday, October 14": the day ahead of the article, not October 14 of last
    # year; the announcement itself is of the reporting period
    evs = candidates(nlp, "The minister's chief of staff also announced his resignation effective next Monday, "
                          "October 14.")
    assert dated(evs, "08") == [(PUB, "day", "publication")]


# ------------------------------------------------- an intent told in what is said
def test_an_intent_in_what_is_said_is_dated_when_said(nlp):
    evs = candidates(nlp, "Yesterday, Spain's King Felipe announced he will comply with the request of Prime "
                          "Minister Pedro Sanchez to dissolve parliament.")
    assert dated(evs, "03") == [("2019-10-08", "day", "text")]


# ------------------------------------------------- a time that ends coordinated verbs
def test_a_time_at_the_end_of_coordinated_verbs_dates_them_all(nlp):
    # ("police fired and landed a live round on a protester yesterday" is no candidate since "for the
    # first time" stopped giving "fired" a target: the same coordination, with a target of its own)
    # (force by police on protesters of their own country is repression, 175, since 753ef81: both
    # verbs are records, and both take the day)
    evs = candidates(nlp, "Police fired on protesters in Baghdad and wounded a protester yesterday.")
    assert sorted((e.trigger.text, e.date) for e in evs if e.cameo.startswith("17")) == [
        ("fired", "2019-10-08"), ("wounded", "2019-10-08")]
    # a verb with a time of its own keeps it
    evs = candidates(nlp, "Police arrested the man in 2010 and released him yesterday.")
    assert dated(evs, "173") == [("2010", "year", "text")]


# ------------------------------------------------- the same verb by another named doer
def test_the_same_verb_by_another_named_doer_is_no_retelling(nlp):
    text = ("On Saturday, Labour leader Jeremy Corbyn urged the British government to reconsider the deal.\n\n"
            "Scotland's First Minister Nicola Sturgeon urged the British government to reconsider the deal.")
    evs = sorted(candidates(nlp, text), key=lambda e: e.sentence)
    assert [(e.source.name, e.date, e.date_basis) for e in evs if e.cameo.startswith("02")] == [
        ("Jeremy Corbyn", "2019-10-05", "text"), ("Nicola Sturgeon", PUB, "publication")]


# ------------------------------------------------- the incident's own day in a lead about a later act
def test_the_incident_nouns_own_day_dates_the_force_told_of_it_later(nlp):
    text = ("An American, John Smith, appeared in an Ohio court yesterday, charged with murder pertaining to a mass "
            "shooting in Dayton on Saturday.\n\nOhio police arrested the accused in Dayton, minutes after the shooting.")
    evs = candidates(nlp, text)
    assert dated(evs, "173") == [("2019-10-05", "day", "text")]


# ------------------------------------------------- a paragraph dated after the act
def test_a_paragraph_dated_only_after_the_act_by_the_storys_day_dates_it(nlp):
    lead = "Iraqi police fired on protesters in Baghdad yesterday, killing two.\n\n"
    text = lead + "In other parts of the city, Iraqi soldiers used tear gas against protesters. Sixty people were " \
                  "injured yesterday."
    # (the lead's shooting is a record of 175 too since 753ef81: the act of the second paragraph is read)
    assert dated([e for e in candidates(nlp, text) if e.sentence > 0], "17") == [("2019-10-08", "day", "text")]
    # another day after it (a cause told after the act) does not date it
    text = lead + "Iraqi protesters called for the prime minister's resignation after revelations about " \
                  "corruption. The documents were released on Saturday."
    # (a call for someone's resignation is a demand for a change in leadership, 1041)
    assert dated(candidates(nlp, text), "1041") == [(PUB, "day", "publication")]
    # nor the story's day when the paragraph gives another one too
    text = lead + "Iraqi soldiers used tear gas against protesters. Sixty people were injured on Monday. Ten more " \
                  "were injured yesterday."
    assert dated([e for e in candidates(nlp, text) if e.sentence > 0], "17") == [(PUB, "day", "publication")]


def test_force_by_or_against_the_leads_named_attacker_is_of_the_incidents_day(nlp):
    text = ("On Saturday, 28-year-old John Smith stabbed several people at a hall in London with a knife.\n\n"
            "At the bridge, British bystanders approached Smith and forced him to lie on the ground.")
    evs = candidates(nlp, text)
    # (the hyphen of "28-year-old" is no wire dateline's dash, which would hide "On Saturday")
    assert dated(evs, "18") == [("2019-10-05", "day", "text")]
    assert dated(evs, "17") == [("2019-10-05", "day", "text")]


# ------------------------------------------------- an act that ends a span closed by "until"
@pytest.mark.parametrize("text", [
    "Johnson served as Foreign Secretary until 2018, resigning in protest against the Brexit plan.",
    "Theresa May appointed him Foreign Secretary, which he served as until 2018, resigning in protest.",
])
def test_a_participle_that_ends_a_holding_is_done_when_its_until_span_ends(nlp, text):
    # not the publication day (2019-10-09): the resignation ended the span "until 2018" closes
    assert dated(candidates(nlp, text), "08") == [("2018", "year", "text")]


def test_a_participle_done_over_the_span_or_without_a_comma_is_not_dated_by_its_end(nlp):
    from accord.events.coder import _span_end_time

    doc = nlp("The army ruled the country until 2011, killing thousands of protesters.")
    killing = next(t for t in doc if t.lower_ == "killing")
    assert killing.dep_ == "advcl" and killing.head.lower_ == "ruled"
    assert _span_end_time(killing, {}, PUB) is None  # not a verb that ends a holding


# ------------------------------------------------- background acts: "already", what one is accused of
@pytest.mark.parametrize("text, code", [
    ("A Moscow court has already found former Russian minister Alexei Ulyukayev guilty of bribery.", "116"),
    ("Russian forces already attacked the town of Aleppo.", "19"),
])
def test_an_act_already_done_is_background_with_no_date(nlp, text, code):
    # before the story's time, at no time the text gives: not the publication day
    assert dated(candidates(nlp, text), code) == [(None, None, None)]


def test_an_act_already_done_keeps_a_date_the_text_gives_and_one_not_so_told_the_publication_day(nlp):
    text = "A Moscow court had already found former Russian minister Alexei Ulyukayev guilty of bribery in 2017."
    assert dated(candidates(nlp, text), "116") == [("2017", "year", "text")]
    assert dated(candidates(nlp, "Russian forces attacked the town of Aleppo."), "19") == [(PUB, "day", "publication")]


@pytest.mark.parametrize("text, code", [
    ("The charge stemmed from allegations Trump tried to pressure the Ukrainian government to launch "
     "an investigation.", "1"),
])
def test_the_act_an_accusation_tells_has_no_date_of_its_own(nlp, text, code):
    # the pressure was before the allegation; the text gives it no day (not the publication day)
    assert dated(candidates(nlp, text), code) == [(None, None, None)]


def test_the_act_a_report_tells_is_not_taken_for_an_accusations(nlp):
    from accord.events.coder import _judged_for

    doc = nlp("Reports said troops entered the town.")
    entered = next(t for t in doc if t.lower_ == "entered")
    assert not _judged_for(entered)
    doc = nlp("The charge stemmed from allegations Trump tried to pressure the government.")
    assert _judged_for(next(t for t in doc if t.lower_ == "pressure"))


# ------------------------------------------------- an agreement told in a dated report
def test_an_agreement_announced_on_a_day_is_of_that_day(nlp):
    text = ("Late on Sunday, the Syrian Democratic Forces announced they had entered into an agreement with "
            "the government of Syria.")
    assert dated(candidates(nlp, text), "057") == [("2019-10-06", "day", "text")]
    # another reported past act keeps only the report's month (done before it, on a day not given)
    text = "Late on Sunday, Thames Valley Police said they had arrested a second man over the theft."
    assert dated(candidates(nlp, text), "173") == [("2019-10", "month", "text")]


# ------------------------------------------------- a reaction told as immediate
def test_an_act_done_at_once_is_of_the_leads_day(nlp):
    text = ("Yesterday, Bill de Blasio, the mayor of New York, ended his campaign for president.\n\n"
            "President Donald Trump quickly criticized de Blasio on Twitter.")
    assert dated(candidates(nlp, text), "11") == [("2019-10-08", "day", "text")]


def test_an_act_not_told_as_immediate_or_a_lead_of_the_publication_day_keeps_the_publication_day(nlp):
    text = ("Yesterday, Bill de Blasio, the mayor of New York, ended his campaign for president.\n\n"
            "President Donald Trump criticized de Blasio on Twitter.")
    assert dated(candidates(nlp, text), "11") == [(PUB, "day", "publication")]
    text = ("Today, Bill de Blasio, the mayor of New York, ended his campaign for president.\n\n"
            "President Donald Trump quickly criticized de Blasio on Twitter.")
    assert dated(candidates(nlp, text), "11") == [(PUB, "day", "publication")]


# ------------------------------------------------- a participle on the object of a same-time verb
def test_a_participle_on_what_a_dated_verb_joins_is_of_that_day(nlp):
    text = ("On Monday, Prime Minister Boris Johnson joined the calls by United Kingdom officials asking the "
            "United States to waive diplomatic immunity for Anne Sacoolas.")
    assert dated(candidates(nlp, text), "02") == [("2019-10-07", "day", "text")]


def test_a_participle_on_the_object_of_another_verb_is_not_dated_by_it(nlp):
    from accord.events.coder import _participle_on_joined_object

    doc = nlp("On Monday, the minister criticized the calls by officials asking the United States to waive immunity.")
    asking = next(t for t in doc if t.lower_ == "asking")
    assert _participle_on_joined_object(asking) is None


@pytest.mark.parametrize("text, code", [
    # a relative clause inside what one is accused of
    ("Pakistani cleric Mufti Abdul Qawi was later accused of inciting the murder in some way, which he denied.",
     "016"),
    # a conjunct of what one is convicted of
    ("Former Russian minister Alexei Ulyukayev was convicted of taking a bribe and attacking a Russian policeman.",
     "19"),
])
def test_acts_in_the_clause_of_what_one_is_accused_or_convicted_of_have_no_date(nlp, text, code):
    assert dated(candidates(nlp, text), code) == [(None, None, None)]


def test_a_denial_of_its_own_keeps_the_publication_day(nlp):
    assert dated(candidates(nlp, "Pakistani cleric Mufti Abdul Qawi denied the accusation."), "016") \
        == [(PUB, "day", "publication")]


# ------------------------------------------------- an act the text dates after publication
@pytest.mark.parametrize("text", [
    "Russian President Vladimir Putin is meeting Chinese President Xi Jinping on Saturday.",
    "Russian President Vladimir Putin meets Chinese President Xi Jinping on Saturday.",
])
def test_an_act_dated_after_the_publication_day_is_to_come(nlp, text):
    [e] = [e for e in candidates(nlp, text) if e.cameo.startswith("04")]
    assert (e.date, e.modality) == ("2019-10-12", "future")


def test_an_act_dated_on_or_before_the_publication_day_stays_asserted(nlp):
    [e] = [e for e in candidates(nlp, "Russian President Vladimir Putin met Chinese President Xi Jinping on Monday.")
           if e.cameo.startswith("04")]
    assert (e.date, e.modality) == ("2019-10-07", "asserted")


def test_a_perfect_told_as_since_an_earlier_time_has_no_date(nlp):
    evs = candidates(nlp, "Russia annexed Crimea in 2014. Ukraine has since cut ties with Moscow.")
    assert dated(evs, "171") == [("2014", "year", "text")]
    assert dated(evs, "16") == [(None, None, None)]
    # a "since" phrase is a span, not the adverb: the act keeps its day
    assert dated(candidates(nlp, "Russian President Vladimir Putin has apologized to Ukraine since the attack."),
                 "055") == [(PUB, "day", "publication")]


# ------------------------------------------------- "a day after", "two days before"
@pytest.mark.parametrize("text, code, day", [
    ("Turkey condemned Russia on Wednesday, a day after Russian forces attacked Syrian rebels.", "19", "2019-10-08"),
    ("The strike on Monday came two days after militants attacked a Syrian army base.", "19", "2019-10-05"),
    ("Turkey condemned Russia on Wednesday, a week after Russian forces attacked Syrian rebels.", "19", "2019-10-02"),
    ("Russian forces attacked Syrian rebels on Monday, a day before Turkey condemned Russia.", "11", "2019-10-08"),
])
def test_a_clause_a_span_after_or_before_a_dated_verb_takes_that_day(nlp, text, code, day):
    assert dated(candidates(nlp, text), code) == [(day, "day", "text")]


def test_a_clause_after_a_dated_verb_with_no_span_or_a_vague_one_keeps_the_publication_day(nlp):
    for text in ("Turkey condemned Russia on Wednesday after Russian forces attacked Syrian rebels.",
                 "Turkey condemned Russia on Wednesday, hours after Russian forces attacked Syrian rebels."):
        assert dated(candidates(nlp, text), "19") == [(PUB, "day", "publication")]


# ------------------------------------------------- the records of one act share its date
def test_the_records_of_one_act_take_one_date(nlp):
    text = ("Yesterday, Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in Sochi.\n\n"
            "The two leaders agreed to extend a ceasefire in northern Syria.")
    evs = [e for e in candidates(nlp, text) if e.sentence == 1]
    # Erdogan's share was dated by his meeting of the day before; Putin's is the same agreement
    assert sorted((e.source.code, e.date) for e in evs) == [("RUSGOV", "2019-10-08"), ("TURGOV", "2019-10-08")]


# ------------------------------------------------- an "after" clause below a verb dated before publication
@pytest.mark.parametrize("text, code, month", [
    ("Russian police arrested Alexei Navalny in January after he returned from Germany.", "04", "2019-01"),
    ("British police arrested the man on Friday after he stabbed five people.", "18", "2019-10"),
])
def test_an_act_after_which_a_dated_act_came_is_of_its_month_not_the_publication_day(nlp, text, code, month):
    assert set(dated(candidates(nlp, text), code)) == {(month, "month", "text")}


def test_an_after_clause_keeps_its_own_day_or_the_publication_day_when_the_head_is_of_it(nlp):
    text = "British police arrested the man on Friday after he had stabbed five people on Thursday."
    assert dated(candidates(nlp, text), "18") == [("2019-10-03", "day", "text")]
    text = "British police arrested the man on Friday, a day after he stabbed five people."
    assert dated(candidates(nlp, text), "18") == [("2019-10-03", "day", "text")]
    text = "British police arrested the man today after he stabbed five people."
    assert dated(candidates(nlp, text), "18") == [(PUB, "day", "publication")]


# ------------------------------------------------- "since" on a negated act starts a span of not doing it
@pytest.mark.parametrize("text", [
    "Putin has not visited Ukraine since 2014.",
    "Putin has never visited Ukraine since 2014.",
])
def test_since_on_a_negated_act_is_no_date_of_the_act(nlp, text):
    # 2014 starts the span of not visiting; the text gives no date for a visit it says did not happen
    assert [(e.date, e.negated) for e in candidates(nlp, text) if e.cameo.startswith("04")] == [(None, True)]


def test_since_on_an_act_done_or_a_negated_act_with_its_own_time_keeps_the_date(nlp):
    # near misses: visits done since 2014 start then; "did not visit in 2014" is said of 2014
    assert dated(candidates(nlp, "Putin has visited Ukraine three times since 2014."), "04") == [("2014", "year", "text")]
    assert dated(candidates(nlp, "Putin did not visit Ukraine in 2014."), "04") == [("2014", "year", "text")]


# ------------------------------------------------- earlier steps of the judicial process a story leads with
LEAD_SENTENCE = "Yesterday, a judge in Riverside sentenced David Turpin to life in prison for torturing his children.\n\n"
LEAD_RULING = "On Monday, Judge Victor Marrero issued a ruling against President Trump.\n\n"


@pytest.mark.parametrize("text, code", [
    (LEAD_SENTENCE + "Turpin was also charged with making false statements.", "173"),
    ("On Monday, a federal judge ruled that the draft is unconstitutional.\n\n"
     "The government asked Judge Miller to delay his ruling, but he declined.", "020"),
    ("On Thursday, the European Court of Justice ruled in the case of Glawischnig against Facebook.\n\n"
     "The Supreme Court of Austria brought the case before the court, asking the EU for clarifications.", "020"),
    (LEAD_RULING + "President Trump sued the Manhattan district attorney to block the subpoena.", "115"),
    (LEAD_RULING + "The Manhattan district attorney's office began its probe into Trump after his lawyer "
     "Michael Cohen was convicted of fraud.", "090"),
    (LEAD_RULING + "The Manhattan district attorney's office began its probe into Trump after his lawyer "
     "Michael Cohen was convicted of fraud.", "116"),
    ("Yesterday, two French police officers were found guilty of raping a Canadian tourist.\n\n"
     "French police arrested the officers.", "173"),
])
def test_an_earlier_step_of_the_case_the_lead_judges_told_later_has_no_date(nlp, text, code):
    # a charge, a request to the court, a case brought, a suit, a probe begun, a conviction before
    # a ruling, an arrest before a verdict: background, not the publication day
    evs = [e for e in candidates(nlp, text) if e.sentence > 0]
    assert dated(evs, code) == [(None, None, None)]


def test_a_step_with_a_date_of_its_own_after_the_judgment_or_in_a_story_that_judges_nothing_keeps_its_date(nlp):
    # its own year
    text = ("Yesterday, two French police officers were found guilty of raping a Canadian tourist.\n\n"
            "Prosecutors charged the officers with rape in 2016.")
    assert dated(candidates(nlp, text), "173") == [("2016", "year", "text")]
    # told after the judgment
    text = LEAD_SENTENCE.replace(" for torturing his children", "") + "Police arrested his brother following the sentencing."
    assert dated([e for e in candidates(nlp, text) if e.sentence > 0], "173") == [(PUB, "day", "publication")]
    # the lead's stage is no later than the step's (an arrest, then the charge)
    text = "Yesterday, police arrested David Turpin in Riverside.\n\nProsecutors charged him with torture."
    assert dated([e for e in candidates(nlp, text) if e.sentence > 0], "173") == [(PUB, "day", "publication")]
    # "ruled out", "the ruling party": no judgment
    for lead in ("Yesterday, the Prime Minister ruled out an early election.\n\n",
                 "Yesterday, the ruling party won the election in Riverside.\n\n"):
        evs = [e for e in candidates(nlp, lead + "Police arrested the opposition leader.") if e.sentence > 0]
        assert dated(evs, "173") == [(PUB, "day", "publication")]


# ------------------------------------------------- a claim or accusation over an earlier incident the story does not lead with
NIQAB_LEAD = "On Friday, Prime Minister Youssef Chahed of Tunisia signed a decree banning the niqab in public offices.\n\n"


@pytest.mark.parametrize("text", [
    NIQAB_LEAD + "The decision comes after a suicide bombing that happened in Tunis on September 27. "
                 "The Islamic State claimed responsibility for the attack.",
    NIQAB_LEAD + "Suicide bombings took place in Tunis last month. The Islamic State claimed responsibility for the attacks.",
])
def test_a_claim_over_an_earlier_incident_the_text_dates_takes_the_incidents_month(nlp, text):
    assert dated(candidates(nlp, text), "015") == [("2019-09", "month", "text")]


def test_a_claim_over_the_leads_incident_or_a_recent_one_or_no_incident_keeps_the_publication_day(nlp):
    # the story's own attack (the lead's): a reaction of the reporting period
    text = "Yesterday, a suicide bomber attacked a police station in Tunis.\n\nThe Islamic State claimed responsibility for the attack."
    assert dated([e for e in candidates(nlp, text) if e.sentence > 0], "015") == [(PUB, "day", "publication")]
    # an incident of the publication's month; a claim naming no incident
    for text in (NIQAB_LEAD + "The decision comes after a suicide bombing that happened in Tunis on October 7. "
                              "The Islamic State claimed responsibility for the attack.",
                 NIQAB_LEAD + "The decision comes after a suicide bombing that happened in Tunis on September 27. "
                              "The Islamic State claimed responsibility for the new decree."):
        assert dated(candidates(nlp, text), "015") == [(PUB, "day", "publication")]
