"""Issue 12, precision on ordinary news: classes of wrong records found on the Wikinews 2019
development set (part A), each fixed as a class. Sentences written for these tests in the style of
news. Candidates are read at every confidence (the record policy's threshold is not what is tested)."""

from __future__ import annotations

import pytest
import helpers
from helpers import run_stages, stages

from accord.events.policy import RecordPolicy


def candidates(nlp, text, date="2019-11-07"):
    return helpers.candidates(nlp, text, date)


def dyad(e):
    return (e.source.code if e.source else None, e.target.code if e.target else None)


# ------------------------------------------------- a threat, demand, appeal, refusal was made
def test_a_threat_reported_as_made_is_asserted_the_act_announced_is_to_come(nlp):
    [e] = candidates(nlp, "Senator Bernie Sanders said he intended to sue the Trump administration.")
    # the lawsuit announced is 115 (bring lawsuit against), as the development set codes it
    assert (e.cameo, e.announced_cameo, e.modality) == ("130", "115", "asserted")
    [f] = [e for e in candidates(nlp, "The Mexican government said it would challenge the ruling in court.")
           if e.cameo.startswith("13")]
    assert f.modality == "asserted" and f.announced_cameo is not None


def test_an_intent_stays_future(nlp):
    [e] = candidates(nlp, "Iran pledged to send observers to the election in Iraq.")
    assert e.cameo.startswith("03") and e.modality == "future"


# ------------------------------------------------- "called for X to do": what is asked, not done
def test_the_act_called_for_is_the_appeal_not_an_act_of_the_one_asked(nlp):
    evs = candidates(nlp, "The Russian president called for Ukraine to withdraw its troops.")
    assert [(e.cameo[:2], e.announced_cameo, dyad(e)) for e in evs] == [("02", "0874", ("RUSGOV", "UKR"))]
    assert evs[0].modality == "asserted"


# ------------------------------------------------- background acts and their year
def test_a_past_act_below_a_clause_dated_by_an_earlier_year_takes_that_year(nlp):
    [e] = candidates(nlp, "In 2014, Russia was suspended from the G8 after it annexed Crimea.")
    assert (e.cameo, e.date, e.date_precision, e.date_basis) == ("171", "2014", "year", "text")


def test_a_relative_clause_year_does_not_date_the_main_act(nlp):
    [e] = candidates(nlp, "Vladimir Putin, who annexed Crimea in 2014, criticized NATO.")
    assert e.cameo == "111" and (e.date, e.date_basis) == ("2019-11-07", "publication")


# ------------------------------------------------- dictionary words of another act
def test_a_pattern_word_in_the_complement_is_not_the_frame_verbs_act(nlp):
    # START * &WEAPON (194) on "started assembling firearms": manufacturing, not a fight
    assert [e.cameo for e in candidates(nlp, "Hungary started assembling firearms in 2018.")] == []
    # the complement that is an act keeps its own record
    assert [e.cameo for e in candidates(nlp, "The rebels began shelling the town.")] == ["190"]


@pytest.mark.parametrize("text", [
    "The Brazilian suspect waived extradition to the United States.",  # YIELD default 080
    "Trump said he would prefer a deal with Mexico.",  # FAVOR default 051: a preference
])
def test_everyday_senses_of_dictionary_verbs_are_no_events(nlp, text):
    assert [e.cameo for e in candidates(nlp, text) if not e.cameo.startswith("01")] == []


# ------------------------------------------------- leaving one's own institution
def test_leaving_ones_own_institution_is_a_one_actor_retreat(nlp):
    [e] = candidates(nlp, "Russia's defence minister retired from the Russian army in 2012.")
    assert e.cameo.startswith("08") and dyad(e) == ("RUSGOVMIL", None) and e.date == "2012"
    [f] = candidates(nlp, "Russia withdrew from Syria.")
    assert dyad(f) == ("RUS", "SYR")


# ------------------------------------------------- everyday senses of PETRARCH block defaults
@pytest.mark.parametrize("text", [
    "On Wednesday, the Supreme Court of the United Kingdom issued a ruling on the suspension of Parliament.",
    "The Thai party was founded by supporters of the former prime minister.",
    "Boris Johnson competed for the role against Jeremy Hunt.",
])
def test_block_defaults_with_an_everyday_sense_are_no_events(nlp, text):
    assert [e.cameo for e in candidates(nlp, text) if not e.cameo.startswith("01")] == []


def test_releasing_something_published_is_no_release(nlp):
    assert candidates(nlp, "Last week the White House released a summary of the phone call.") == []
    [e] = candidates(nlp, "Iran released the British sailors.")
    assert e.cameo.startswith("08") and dyad(e) == ("IRN", "GBR")


def test_a_verb_inside_a_name_is_no_trigger(nlp):
    text = "The Committee to Protect Journalists counted sixteen journalist deaths in Yemen since 2015."
    assert [e.cameo for e in candidates(nlp, text)] == []


def test_the_outlets_own_reporting_is_no_event(nlp):
    assert candidates(nlp, "Wikinews contacted the mayor of Gdansk and local authorities.") == []
    assert [e.cameo for e in candidates(nlp, "The Polish president contacted the German chancellor.")] == ["040"]


# ------------------------------------------------- what a proposal would let someone do
@pytest.mark.parametrize("text", [
    "Hong Kong's government proposed a bill that would allow the Chinese government to extradite people to the mainland.",
    "Protesters oppose a change to the law that would let the police detain journalists.",
])
def test_what_a_proposal_would_let_someone_do_is_no_record(nlp, text):
    assert [e.cameo for e in candidates(nlp, text) if e.cameo[:2] not in ("01", "14")] == []


def test_a_conditional_act_of_an_actor_stays_hypothetical(nlp):
    [e] = candidates(nlp, "Iran could attack Israel.")
    assert e.modality == "hypothetical"


# ------------------------------------------------- naming, elections, private meetings
@pytest.mark.parametrize("text", [
    'Steve Scalise of Louisiana called the investigation into Trump "Soviet-style".',
    "Tom Watson called Prime Minister Theresa May's proposed Brexit deal \"lousy\" and said he would vote for it.",
])
def test_calling_something_a_quoted_name_is_no_phone_call(nlp, text):
    assert [e.cameo for e in candidates(nlp, text) if e.cameo.startswith("04")] == []


def test_a_phone_call_is_still_one(nlp):
    [e] = candidates(nlp, "The Russian president called the German chancellor on Monday.")
    assert e.cameo == "041" and dyad(e) == ("RUSGOV", "DEUGOV")


def test_holding_an_election_is_no_event_boycotting_one_is(nlp):
    assert candidates(nlp, "On Monday, Canada held a general election to select the members of the House of Commons.") == []
    assert [e.cameo[:2] for e in candidates(nlp, "The opposition boycotted the election.")] == ["14"]


def test_private_people_meeting_is_no_consultation(nlp):
    text = "Emily Spanton, 39, met officers Antoine Quirin and Nicolas Redouane at an Irish pub."
    assert [e.cameo for e in candidates(nlp, text) if e.cameo.startswith("04")] == []
    [e] = candidates(nlp, "Protesters met the Hong Kong police chief on Monday.")
    assert e.cameo == "040" and dyad(e) == ("HKGOPP", "HKGCOP")


def test_a_sentence_initial_year_on_a_fronted_clause_dates_the_act(nlp):
    [e] = candidates(nlp, "In 2017, after the allegations came to light, the Russian defence minister resigned.")
    assert (e.cameo[:2], e.date, e.date_precision, e.date_basis) == ("08", "2017", "year", "text")


def test_what_an_announced_thing_is_for_is_no_act(nlp):
    text = "Recently, the United States announced a naval coalition to patrol the Persian Gulf."
    assert [e.cameo for e in candidates(nlp, text) if e.cameo[:2] == "15"] == []


def test_private_people_questioning_private_people_is_no_inquiry(nlp):
    assert candidates(nlp, "Fans in the audience probed the comedians about their backgrounds.") == []
    text = "The Department of Education will investigate Yale for failing to report foreign funding."
    assert [e.cameo for e in candidates(nlp, text)] == ["090"]


# ------------------------------------------------- an intent to do what needs a partner, with none
def test_an_intent_to_meet_with_no_one_named_is_no_record(nlp):
    # a legislature's own session: nobody it is to meet with
    assert candidates(nlp, "The Senate announced it would meet on Monday.") == []
    [e] = candidates(nlp, "Russia agreed to meet Ukraine in Geneva next month.")
    assert (e.cameo, e.announced_cameo, dyad(e), e.modality) == ("036", "040", ("RUS", "UKR"), "future")
    # an intent to mediate names its parties otherwise
    [f] = candidates(nlp, "The United States is ready to mediate between Israel and the Palestinians.")
    assert (f.cameo, f.announced_cameo) == ("036", "045")


# ------------------------------------------------- a passive the parser labels active
def test_a_passive_subject_mislabelled_active_is_not_the_doer(nlp):
    text = 'Analysts noted the army had been "effectively disarmed" by 2010, when the new government took office.'
    assert [dyad(e) for e in candidates(nlp, text) if e.cameo.startswith("08")] == []


# ------------------------------------------------- dates: a naming participle, a paragraph's date
def test_a_date_on_a_participle_naming_the_object_dates_the_act(nlp):
    [e] = candidates(nlp, 'The Polish government launched a military modernisation programme dubbed "Harpia 2030" in 2017.')
    assert (e.date, e.date_basis) == ("2017", "text")


def test_an_announcement_dated_by_the_text_dates_the_same_speakers_next_words(nlp):
    text = ("On Wednesday, Chilean President Sebastián Piñera announced that his government will withdraw the "
            'fare increase. "The government will fully withdraw the increase to restore calm," Piñera said in a '
            "televised address.")
    evs = candidates(nlp, text, date="2019-09-06")
    assert len(evs) == 2 and all(e.cameo.startswith("03") for e in evs)
    assert [(e.date, e.date_basis) for e in evs] == [("2019-09-04", "text")] * 2


# ------------------------------------------------- sport is no event; force in battle still is
@pytest.mark.parametrize("text", [
    "Usain Bolt smashed the 100-metre record in Berlin.",
    "Serena Williams defeated Naomi Osaka in the final.",
    "The Kenyan runner broke the world record in the marathon on Sunday.",
])
def test_records_and_finals_are_sport_no_event(nlp, text):
    assert [e.cameo for e in candidates(nlp, text) if e.cameo[:2] in ("17", "18", "19", "20")] == []


def test_force_with_a_contest_word_among_armed_words_is_force(nlp):
    [e] = candidates(nlp, "Syrian troops crushed the rebels in a final assault on the town.")
    assert e.cameo.startswith("19") and dyad(e) == ("SYRMIL", "SYRREB")


# ------------------------------------------------- a defendant's court appearance
def test_a_defendant_appearing_in_court_is_not_the_one_acting(nlp):
    text = "The former minister appeared in court on Monday charged with corruption."
    assert [dyad(e) for e in candidates(nlp, text) if e.cameo.startswith("17")] == []


def test_that_same_day_is_the_day_last_mentioned(nlp):
    text = ("On July 31, several news outlets reported the minister had resigned. The press asked the prime "
            "minister about it that same day, but he declined to comment.")
    [e] = [e for e in candidates(nlp, text, date="2019-09-17") if e.cameo == "011"]
    assert (e.date, e.date_basis) == ("2019-07-31", "text")


# ------------------------------------------------- problems fought, companies competing
@pytest.mark.parametrize("text", [
    "The president vowed to fight the disease.",
    "The government launched a war on corruption.",
    "Microsoft launched an attack on Google's search business.",
])
def test_fighting_a_problem_or_a_rival_company_is_no_force(nlp, text):
    assert [e.cameo for e in candidates(nlp, text) if e.cameo[:2] in ("13", "15", "17", "18", "19", "20")] == []


def test_force_against_a_company_or_by_an_army_stays(nlp):
    [e] = candidates(nlp, "Gunmen attacked the company's office in Lagos, killing two guards.")
    assert e.cameo.startswith("19") or e.cameo.startswith("18")
    [f] = candidates(nlp, "The army launched an attack on the rebel stronghold.")
    assert f.cameo == "190"


# ------------------------------------------------- background acts have no date
def test_an_act_put_before_the_reporting_period_has_no_date(nlp):
    [e] = candidates(nlp, "Saudi Arabia initially denied all claims that Khashoggi was slain.", date="2019-09-29")
    assert e.cameo == "016" and (e.date, e.date_basis) == (None, None)
    [f] = candidates(nlp, "Saudi Arabia denied all claims that Khashoggi was slain.", date="2019-09-29")
    assert (f.date, f.date_basis) == ("2019-09-29", "publication")


# ------------------------------------------------- plain domestic acts: conceding, bail
def test_refusing_to_concede_an_election_is_a_refusal_to_yield(nlp):
    [e] = candidates(nlp, "Donald Trump has refused to concede the election.")
    assert (e.cameo[:2], e.announced_cameo, dyad(e)) == ("12", "080", ("USAGOV", None))
    [f] = candidates(nlp, "The senator conceded the race on Wednesday night.")
    assert f.cameo == "080"
    # holding or winning one is still no event
    assert candidates(nlp, "The senator won the race on Wednesday night.") == []


def test_bail_granted_is_a_release(nlp):
    [e] = candidates(nlp, "A court granted bail to the former minister.")
    assert e.cameo == "0841" and dyad(e) == ("JUD", "GOV")


def test_retiring_from_office_is_a_one_actor_retreat_not_a_military_one(nlp):
    [e] = candidates(nlp, "Justice John Paul Stevens retired from the Supreme Court in 2010.", date="2019-07-17")
    assert (e.cameo, e.target, e.date) == ("080", None, "2010")
    assert candidates(nlp, "The airline retired its old fleet of planes.") == []


# ------------------------------------------------- laws struck down; evacuations
@pytest.mark.parametrize("text", [
    "The Supreme Court struck down the law.",
    "The Senate killed the bill on Tuesday.",
    "The government evacuated 5,000 residents ahead of the storm.",
])
def test_decisions_on_laws_and_evacuations_are_no_events(nlp, text):
    assert [e.cameo for e in candidates(nlp, text)] == []


def test_attacking_a_bill_is_criticism(nlp):
    [e] = candidates(nlp, "Trump attacked the bill on Twitter.")
    assert e.cameo == "111"


def test_firing_someone_named_by_a_post_is_a_dismissal_not_force(nlp):
    for text in ("Trump fired FBI director James Comey in 2017.", "The president sacked his chief of staff on Friday."):
        assert [e.cameo for e in candidates(nlp, text)] == [], text
    [e] = candidates(nlp, "Soldiers fired on protesters in Khartoum.")
    assert e.cameo.startswith(("18", "19", "175"))  # force (on protesters at home: repression, 175)


def test_evacuating_people_of_another_country_stays_aid(nlp):
    [e] = candidates(nlp, "U.N. helicopters evacuated the wounded from the besieged Bosnian town of Gorazde on Friday.")
    assert e.cameo.startswith("07") and dyad(e) == ("IGOUNO", "BIH")


def test_restrictions_imposed_stay_coercion(nlp):
    evs = candidates(nlp, "Greece plans to impose restrictions on its labour market for new EU members.")
    assert [e.announced_cameo for e in evs] == ["1721"]


# ------------------------------------------------- storms named like people and places
def test_a_storm_called_by_its_name_alone_is_weather(nlp):
    text = "Tropical Storm Florence weakened on Saturday. Florence hit North Carolina on Friday."
    assert candidates(nlp, text, date="2018-09-16") == []
    text = "Hurricane Dorian made landfall in the Bahamas on Sunday. Dorian killed at least five people in the Bahamas."
    assert candidates(nlp, text, date="2019-09-05") == []


def test_storming_a_city_names_no_storm():
    from accord.events.exclusions import load_exclusions

    names = load_exclusions().storm_names("Iraqi troops will storm Mosul next week. Operation Desert Storm began.")
    assert names == frozenset()
    assert load_exclusions().storm_names("Post-Tropical Cyclone Lorenzo reached Ireland.") == frozenset({"lorenzo"})


# ------------------------------------------------- prizes and honours are praise
def test_a_prize_awarded_is_praise_from_the_awarding_body(nlp):
    text = "The Norwegian Nobel Committee awarded Ethiopian Prime Minister Abiy Ahmed the Nobel Peace Prize on Friday."
    [e] = candidates(nlp, text, date="2019-10-11")
    assert e.cameo == "051" and e.target.code == "ETHGOV"
    [f] = candidates(nlp, "Queen Elizabeth conferred a knighthood on the British ambassador.")
    assert f.cameo == "051"
    assert [e.cameo for e in candidates(nlp, "The company presented its new phone on Tuesday.")] == []


def test_raising_ones_own_spending_is_no_aid(nlp):
    assert candidates(nlp, "Germany will increase military spending to two percent of GDP.") == []
    [e] = candidates(nlp, "Germany provided 1.2 billion euros in humanitarian aid.")
    assert e.cameo.startswith("07") and dyad(e) == ("DEU", None)


def test_blaming_someone_for_an_act_is_an_accusation(nlp):
    [e] = [e for e in candidates(nlp, "The Saudi government blamed Iran for the attacks on its oil facilities.")
           if e.cameo[:2] == "11"]
    assert e.cameo == "112" and dyad(e) == ("SAUGOV", "IRN")


def test_a_gerund_after_a_predicate_adjective_is_done_by_the_subject(nlp):
    [e] = [e for e in candidates(nlp, "The United States was more forceful in blaming Iran for the attack.")
           if e.cameo[:2] == "11"]
    assert dyad(e) == ("USA", "IRN")


def test_a_messages_participle_is_done_by_whoever_made_the_message(nlp):
    [e] = [e for e in candidates(nlp, "The Saudi government issued a statement accusing Iran of the attack.")
           if e.cameo[:2] == "11"]
    assert dyad(e) == ("SAUGOV", "IRN")
    # whoever finds or reads a message did not make it: its threat is not theirs
    assert [dyad(e) for e in candidates(nlp, "Police found a letter threatening the mayor of Boston.")
            if e.cameo[:2] == "13" and "COP" in (dyad(e)[0] or "")] == []


def test_a_conjunct_that_is_the_next_clauses_subject_is_not_an_object(nlp):
    text = "The statement said US troops had defeated ISIS and Turkey would be moving into Northern Syria."
    assert [e.target.code.endswith("IMGMUSISI") for e in candidates(nlp, text) if e.trigger.text == "defeated" and e.target] == [True]
    # a list that is the verb's own subject or object stays whole
    assert sorted(dyad(e) for e in candidates(nlp, "Putin met Xi Jinping and Narendra Modi in Beijing.")) == \
        [("RUSGOV", "CHNGOV"), ("RUSGOV", "INDGOV")]
    # a participle the parser tags as a past tense but hangs on a noun is no clause: both parties
    # of the talks stay theirs, and the clause's subject is not made to talk to one of them
    text = ("Meanwhile, the Taliban said it met with U.S. officials in Qatar on Monday, in the latest "
            "round of talks between the insurgents and Washington aimed at bringing an end to the war.")
    talks = [e for e in candidates(nlp, text) if e.trigger.text == "talks"]
    assert talks and all(dyad(e) in (("REB", "USAGOV"), ("USAGOV", "REB")) for e in talks)


def test_a_charge_by_police_or_prosecutors_is_legal_action_not_an_accusation(nlp):
    [e] = candidates(nlp, "Police charged the man with murder.")
    assert e.cameo == "173" and dyad(e) == ("COP", "CVL")
    [f] = candidates(nlp, "Trump charged China with currency manipulation.")
    assert f.cameo.startswith("112")


# ------------------------------------------------- an agentless arrest the police report
def test_an_agentless_arrest_reported_by_the_police_is_the_polices(nlp):
    # a former governor is one of the country's elites (ELI), no longer its government (897448d)
    [e] = candidates(nlp, "Police said the former governor of Jakarta was arrested on Thursday.")
    assert (e.cameo, dyad(e)) == ("173", ("IDNCOP", "IDNELI"))
    [f] = candidates(nlp, "The former governor of Jakarta was arrested on Thursday, according to police.")
    assert (f.cameo, dyad(f)) == ("173", ("IDNCOP", "IDNELI"))
    # a minister reporting it is no doer of the arrest: no record guesses one (the arrest is a
    # record with no source, as any agentless arrest: see below)
    assert [dyad(e) for e in candidates(nlp, "The minister said the former governor of Jakarta was arrested on Thursday.")
            if e.cameo == "173"] == [(None, "IDNELI")]


# ------------------------------------------------- agentless passives of legal acts
def test_an_agentless_conviction_or_arrest_is_a_record_with_no_source(nlp):
    [e] = [e for e in candidates(nlp, "The former mayor of Paris was convicted of corruption in 2011.")
           if e.cameo == "116"]
    assert dyad(e) == (None, "FRAELI") and e.date == "2011"  # a former mayor: ELI (897448d)
    [f] = [e for e in candidates(nlp, "Two Syrian men were arrested on Monday.") if e.cameo == "173"]
    assert f.source is None and f.target.country == "SYR"


def test_an_agentless_charge_is_legal_action_not_an_accusation(nlp):
    [e] = [e for e in candidates(nlp, "The former mayor of Paris has been charged with fraud.")
           if e.cameo[:2] in ("11", "17")]
    assert e.cameo == "173" and dyad(e) == (None, "FRAELI")


def test_the_court_of_the_passive_clause_is_the_doer_another_clauses_is_not(nlp):
    [e] = [e for e in candidates(nlp, "The former mayor of Paris was sentenced in the Paris Criminal Court on Wednesday.")
           if e.cameo == "116"]
    assert e.source is not None and e.source.code.endswith("JUD")
    # the prosecutor's office of another clause did not convict him
    [f] = [e for e in candidates(nlp, "The district attorney's office began its probe after the former mayor of "
                                      "Paris was convicted of fraud.") if e.cameo == "116"]
    assert f.source is None
    # an agentless participle retelling the act ("wept when convicted") is no record of its own
    assert not [e for e in candidates(nlp, "The former mayor of Paris wept when convicted.") if e.cameo == "116"]


# ------------------------------------------------- attacks organised; attacks by non-state groups
@pytest.mark.parametrize("verb", ["orchestrated", "masterminded", "perpetrated"])
def test_organising_an_attack_is_the_attack_by_the_organiser(nlp, verb):
    [e] = candidates(nlp, f"The leader of Al-Qaeda {verb} the attacks on the United States in 2001.")
    assert e.cameo[:2] in ("18", "19") and e.target is not None and e.target.code == "USA"
    # organising anything else is still no attack
    assert [e.cameo for e in candidates(nlp, f"The minister {verb} the campaign.") if e.cameo[:2] in ("18", "19")] == []


def test_an_attack_by_a_terrorist_group_is_force_not_criticism_and_unconventional(nlp):
    [e] = candidates(nlp, "Al-Qaeda attacked the American embassy.")
    assert e.cameo == "180"
    # an army's or rebels' attack stays conventional force
    assert [e.cameo for e in candidates(nlp, "The army attacked the rebel stronghold.")] == ["190"]
    assert [e.cameo for e in candidates(nlp, "Rebels attacked an army base.")] == ["190"]


# ------------------------------------------------- asking someone to raise their own spending
def test_asking_another_to_raise_its_own_spending_is_an_appeal_for_no_aid(nlp):
    [e] = candidates(nlp, "The American president called for European allies to increase defence spending.")
    assert (e.cameo, e.announced_cameo) == ("020", None) and e.source.code == "USAGOV"
    [f] = candidates(nlp, "Germany demanded that Italy increase its military spending.")
    assert (f.cameo, f.announced_cameo) == ("100", None) and dyad(f) == ("DEU", "ITA")
    # asking for aid to others is still an appeal for aid
    [g] = candidates(nlp, "The minister called on Japan to increase aid to Africa.")
    assert g.cameo.startswith("023") and g.announced_cameo.startswith("07")


# ------------------------------------------------- a military build-up launched
def test_launching_a_military_programme_is_building_up_ones_forces(nlp):
    [e] = candidates(nlp, 'Romania launched a military development programme called "Carpathia 2030" in 2018.')
    assert (e.cameo, dyad(e), e.date) == ("154", ("ROU", None), "2018")
    # a programme of another kind is no build-up
    assert [e.cameo for e in candidates(nlp, "The government launched a programme to help farmers.")
            if e.cameo[:2] == "15"] == []


# ------------------------------------------------- killing a prominent figure
def test_killing_a_prominent_figure_is_assassination(nlp):
    [e] = candidates(nlp, "Osama bin Laden was killed by American special forces in 2011.")
    assert (e.cameo, dyad(e)) == ("186", ("USAMIL", "IMGMUSALQ"))
    [f] = candidates(nlp, "Gunmen killed the governor of Helmand on Monday.")
    assert f.cameo == "186" and f.target.code == "AFGGOV"
    # soldiers or a private person killed: the killing keeps its code
    assert [e.cameo for e in candidates(nlp, "Gunmen killed two soldiers.")] == ["193"]
    assert [e.cameo[:2] for e in candidates(nlp, "Police shot and killed Michael Brown in Ferguson.")] == ["19"]


# ------------------------------------------------- the electorate deciding at the polls
@pytest.mark.parametrize("text", [
    "Voters in Oregon rejected the tax measure on Tuesday.",
    "The electorate approved the new constitution by a wide margin.",
])
def test_voters_deciding_a_ballot_is_no_event(nlp, text):
    assert candidates(nlp, text) == []


def test_voters_protesting_and_a_legislature_rejecting_stay_events(nlp):
    assert [e.cameo[:2] for e in candidates(nlp, "Angry voters protested outside the election office.")] == ["14"]
    assert [e.cameo[:2] for e in candidates(nlp, "The state legislature rejected the measure.")] == ["12"]


# ------------------------------------------------- the place of a cooperative act is not its target
def test_a_place_inside_a_cooperative_acts_object_is_where_not_whom(nlp):
    # the guests are no actor: no record rather than one hosting the White House
    assert [dyad(e) for e in candidates(nlp, "The president hosted the World Series champions at the White House.")
            if e.cameo.startswith("04")] == []
    [e] = candidates(nlp, "Putin hosted the Turkish president in Sochi.")
    assert e.cameo == "043" and dyad(e) == ("RUSGOV", "TURGOV")
    [f] = candidates(nlp, "The minister met the delegation from Iran in Geneva.")
    assert f.cameo.startswith("04") and f.target.code.startswith("IRN")


# ------------------------------------------------- an embassy is its sending country's, not its host's
def test_an_embassy_is_not_the_government_of_the_city_it_is_in(nlp):
    evs = candidates(nlp, "Protesters attacked the embassy in Paris on Sunday.")
    assert not [e for e in evs if e.target is not None and e.target.code.startswith("FRA")]
    [e] = candidates(nlp, "Protesters attacked the Iranian embassy in Paris on Sunday.")
    assert e.target.code == "IRNGOV"
    # a group placed by a city is still of its country
    [f] = candidates(nlp, "Police in Paris arrested the protesters.")
    assert f.source.code == "FRACOP"


# ------------------------------------------------- force on something in a country
def test_force_on_unnamed_targets_in_a_country_is_done_to_that_country(nlp):
    [e] = candidates(nlp, "Turkish jets struck targets in Iraq on Monday.")
    assert e.cameo.startswith("19") and dyad(e) == ("TURMIL", "IRQ")
    # an accident in a place is still no event
    assert candidates(nlp, "The driver struck a guard rail in Ohio.") == []


# ================================================= classes found on part C (tests/data/wikinews_judged)
# ------------------------------------------------- what is asked of another is no act of the asker's
def test_a_refusal_or_threat_asked_of_another_is_the_appeals_content(nlp):
    evs = candidates(nlp, "The ministry asked the court to delay its ruling.")
    assert [(e.cameo[:2], e.announced_cameo) for e in evs] == [("02", "120")]
    evs = candidates(nlp, "The governor urged residents to help the police and reject any violence.")
    assert [e.cameo[:2] for e in evs] == ["02"]
    # a refusal of one's own stays one
    [e] = candidates(nlp, "The court refused to delay its ruling.")
    assert e.cameo.startswith("12")


def test_a_subjunctive_clause_joined_to_an_order_is_what_was_ordered(nlp):
    # part C, article 19
    evs = candidates(nlp, "Lorenzana said he had ordered 'heightened alert' from troops, and that the army "
                          "protect places of worship.")
    assert not [e for e in evs if e.cameo.startswith("07") and e.modality == "asserted"]
    # an order to one's own troops is no demand on them (part C's judgment: 152 at most)
    assert not [e for e in evs if e.cameo.startswith("10")]
    # ordered of another actor, the subjunctive clause is what the demand asks
    evs = candidates(nlp, "The Kenyan judge ordered that the government protect the witnesses.")
    assert not [e for e in evs if e.cameo.startswith("07") and e.modality == "asserted"]
    [e] = [e for e in evs if e.cameo.startswith("10")]
    assert e.announced_cameo == "074" and dyad(e) == ("KENJUD", "KENGOV")


# ------------------------------------------------- warnings and emergencies about nature
@pytest.mark.parametrize("text", [
    "The weather service warned of flash floods in the north of France.",
    "The agency issued a hurricane warning for the coast of Cuba.",
    "The governor of Florida declared a state of emergency ahead of the storm.",
])
def test_warnings_and_emergencies_about_nature_are_no_threat_or_repression(nlp, text):
    assert [e.cameo for e in candidates(nlp, text) if e.cameo.startswith(("13", "17"))] == []


def test_a_storm_named_by_the_article_is_nature_too_and_threats_of_force_stay(nlp):
    text = ("Hurricane Irma approached Cuba. The governor of Florida declared a state of emergency in "
            "anticipation of Irma.")
    assert [e.cameo for e in candidates(nlp, text) if e.cameo.startswith(("13", "17"))] == []
    assert [e.cameo[:2] for e in candidates(nlp, "Iran warned Israel of a military response.")] == ["13"]


# ------------------------------------------------- mourning a death
def test_mourning_a_death_is_an_empathetic_comment(nlp):
    [e] = candidates(nlp, "The Russian government mourned the death of the former president of France.")
    assert e.cameo == "018"


# ------------------------------------------------- violence by private people
def test_a_private_persons_killing_is_unconventional_violence_not_military_force(nlp):
    evs = candidates(nlp, "James Miller, a man from Ohio, killed a woman with his car in Virginia.")
    assert [e.cameo for e in evs] == ["180"]
    # armies' and rebels' force stays military force
    assert [e.cameo[:2] for e in candidates(nlp, "Syrian troops killed five rebels near Aleppo.")] == ["19"]


def test_an_attack_with_a_death_in_the_sentence_is_force_not_criticism(nlp):
    evs = candidates(nlp, "John Smith attacked people in the hall, and one of them died.")
    assert [e.cameo for e in evs] == ["180"]


def test_a_frame_verb_naming_its_complements_act_is_not_a_second_record(nlp):
    # START: * ATTACK on "started" beside "attacking"'s own record
    evs = candidates(nlp, "Rebels started attacking villages in northern Mali.")
    assert len(evs) == 1 and evs[0].trigger.text == "attacking"


# ------------------------------------------------- negation on the object, politeness
def test_an_act_done_to_no_object_is_negated(nlp):
    [e] = candidates(nlp, "The Russian president expressed no regret for the deaths of the Ukrainian soldiers.")
    assert e.cameo == "018" and e.negated


def test_a_speakers_polite_would_is_an_appeal_made_now(nlp):
    [e] = candidates(nlp, '"I would urge anyone with information to call us," the French police chief said.')
    assert e.cameo.startswith("02") and e.modality == "asserted"
    # another's "would" is still to come
    evs = candidates(nlp, "France said it would urge Iran to release the sailors.")
    assert all(e.modality != "asserted" for e in evs if e.cameo.startswith("02"))


# ------------------------------------------------- a comment is made when it is said
def test_a_comment_in_a_dated_statement_takes_the_statements_date(nlp):
    text = "Boris Johnson spoke in London. On Monday, Johnson said he remained optimistic about a deal with the EU."
    [e] = [e for e in candidates(nlp, text, date="2019-09-24") if e.cameo == "013"]
    assert (e.date, e.date_basis) == ("2019-09-23", "text")


# ------------------------------------------------- asking for someone's resignation
def test_asking_for_a_resignation_is_an_appeal_for_a_change_in_leadership(nlp):
    [e] = candidates(nlp, "President Trump asked for the resignation of his national security advisor John Bolton.")
    assert e.cameo == "0241" and e.target.name == "John Bolton"
    # the parser's apposition: "for national security advisor John R. Bolton's resignation"
    [g] = candidates(nlp, "Trump said he had asked for national security advisor John R. Bolton's resignation.")
    assert g.cameo == "0241"
    # asking for help stays an appeal for aid
    assert [e.cameo[:2] for e in candidates(nlp, "Russia asked for the help of China.")] == ["02"]


# ------------------------------------------------- private people among themselves, contests
@pytest.mark.parametrize("text", [
    "John Smith, a doctor in Virginia, gave out prescriptions to his patients.",  # GRANT default 060
    "Mary Jones later returned the boy to her husband.",  # RETURN 0842
])
def test_material_acts_between_private_people_are_no_events(nlp, text):
    assert candidates(nlp, text) == []


@pytest.mark.parametrize("text", [
    "John Smith, a guitarist, invited Mary Jones to collaborate in his new band.",  # 022
    "Mary Jones loved and supported her son Walter Quillby.",  # 050
])
def test_appeals_and_cooperation_between_private_people_are_no_events(nlp, text):
    assert [e.cameo for e in candidates(nlp, text) if e.cameo[:2] in ("02", "03", "05")] == []


def test_a_private_persons_appeal_with_no_target_or_to_a_government_stays(nlp):
    evs = candidates(nlp, "John Smith, a shop owner, urged the Russian government to lower taxes.")
    assert [(e.cameo[:2], e.target.code) for e in evs if e.target is not None] == [("02", "RUSGOV")]


def test_material_acts_of_a_government_stay(nlp):
    [e] = candidates(nlp, "The Russian government gave weapons to the rebels.")
    assert e.cameo.startswith("07")


def test_challenging_a_rival_in_the_primaries_is_a_contest(nlp):
    text = "Weld has decided to run in the Republican presidential primaries, challenging President Donald Trump."
    assert candidates(nlp, text) == []
    [e] = candidates(nlp, "The Mexican government challenged the ruling of the US court.")
    assert e.cameo.startswith("11")


# ------------------------------------------------- targets a sentence names
def test_threats_against_someone_are_done_to_them(nlp):
    [e] = candidates(nlp, "Some Iraqi militias had made threats against U.S. troops.")
    assert e.cameo.startswith("13") and dyad(e) == ("IRQUAF", "USAMIL")


# ------------------------------------------------- speaking of an act is not doing it
@pytest.mark.parametrize("text", [
    'The Philippine defence secretary described the attacks as a "dastardly act".',  # * ATTACK 190
    "Pompeo cited the Cuban government's support for Nicolas Maduro as his motivation.",  # * SUPPORT 032
])
def test_speaking_of_an_act_is_no_such_act(nlp, text):
    assert [e.cameo for e in candidates(nlp, text) if not e.cameo.startswith("01")] == []


def test_a_judgement_in_a_description_stays(nlp):
    [e] = candidates(nlp, "The French president described the decision as a mistake.")
    assert e.cameo.startswith("11")


def test_a_civilian_disarming_someone_is_no_demobilisation(nlp):
    assert candidates(nlp, "John Smith, a British man, removed his knife.") == []


# ------------------------------------------------- a hedged number, an appeal to leave
def test_an_adverb_hedging_the_number_leaves_the_act_asserted(nlp):
    [e] = candidates(nlp, "Usman Khan stabbed reportedly several people in London.")
    assert e.cameo.startswith("18") and e.modality == "asserted"
    [f] = candidates(nlp, "Usman Khan reportedly stabbed several people in London.")
    assert f.modality == "alleged"


def test_urging_people_to_evacuate_is_a_plain_appeal_not_one_for_aid(nlp):
    [e] = candidates(nlp, "The prime minister of the Bahamas urged residents to evacuate.")
    assert e.cameo == "020" and e.announced_cameo is None
    # evacuating someone asked of another is still aid
    [f] = candidates(nlp, "The Red Cross urged the army to evacuate the wounded from the town.")
    assert f.cameo.startswith("02") and f.announced_cameo is not None


# ------------------------------------------------- why someone is somewhere; what words mean
def test_the_purpose_of_being_somewhere_is_no_act(nlp):
    assert candidates(nlp, "Coalition forces are in Iraq at the invitation of the Government of Iraq to defeat "
                           "ISIS remnants.") == []
    assert candidates(nlp, "The army was in the town to attack the rebels.") == []
    # going somewhere to fight is the fight
    assert "19" in [e.cameo[:2] for e in candidates(nlp, "Russian troops went to Syria to fight ISIS.")]


def test_meaning_someone_is_no_intent(nlp):
    from accord.events.exclusions import load_exclusions
    ex = load_exclusions()
    doc = nlp("Trump claimed there were fine people on both sides, meaning both the supremacists and the protesters.")
    assert ex.excludes_sense([t for t in doc if t.lower_ == "meaning"][0])
    doc = nlp("The rebels meant to attack the town.")
    assert not ex.excludes_sense([t for t in doc if t.lower_ == "meant"][0])


# ------------------------------------------------- dates: an aspectual verb's time, a paragraph's day
def test_the_year_of_an_aspectual_verb_dates_its_complement(nlp):
    evs = candidates(nlp, "In 2012, Qatar started supporting the Syrian rebels against the army, "
                          "providing weapons to the fighters.")
    assert evs and all((e.date, e.date_basis) == ("2012", "text") for e in evs)


def test_a_simple_past_act_takes_the_date_of_its_paragraph(nlp):
    text = "On Friday, Syrian rebels attacked an army base in Idlib. Government forces arrived and shelled the rebels."
    shelled = next(e for e in candidates(nlp, text) if e.trigger.text == "shelled")
    assert (shelled.date, shelled.date_basis) == ("2019-11-01", "text")
    # not across a paragraph break, not a present perfect
    for other in ("On Friday, Syrian rebels attacked an army base in Idlib.\n\nGovernment forces shelled the rebels.",
                  "On Friday, Syrian rebels attacked an army base in Idlib. Government forces have shelled the rebels."):
        shelled = next(e for e in candidates(nlp, other) if e.trigger.text == "shelled")
        assert shelled.date_basis == "publication"


def test_a_deadline_is_an_ultimatum_not_the_day_of_the_act(nlp):
    evs = candidates(nlp, "The Syrian army gave the rebels until Friday to surrender.")
    assert [(e.cameo, dyad(e)) for e in evs] == [("139", ("SYRMIL", "SYRREB"))]
    assert evs[0].date != "2019-11-08" and evs[0].modality == "asserted"


# ------------------------------------------------- "is to step down": scheduled
def test_be_with_a_to_infinitive_is_a_scheduled_act(nlp):
    [e] = candidates(nlp, "The Italian prime minister is to step down next week.")
    assert e.cameo.startswith("08") and e.modality == "future"
    assert all(e.modality == "future" for e in
               candidates(nlp, "The Senate of Peru was to meet with the finance minister on Monday."))


# ------------------------------------------------- who does a participle clause's act
def test_a_gerund_after_a_time_preposition_is_the_subjects_act(nlp):
    evs = candidates(nlp, "Before resigning, the governor of Ohio appointed his deputy as treasurer.")
    assert [(e.cameo[:2], e.source.text) for e in evs] == [("08", "the governor")]
    # "accused X of", "criticized X for": still the object's act
    [e] = [e for e in candidates(nlp, "Russia accused Ukraine of attacking its border posts.") if e.cameo.startswith("19")]
    assert dyad(e)[0] == "UKR"


def test_a_bare_past_participle_clause_is_done_to_the_subject(nlp):
    evs = candidates(nlp, "The former French police officer wept when convicted.")
    assert not any(e.source is not None and e.source.text.endswith("officer") for e in evs)


# ------------------------------------------------- codes of legal and speech acts
def test_suing_is_a_lawsuit_not_an_arrest(nlp):
    [e] = candidates(nlp, "The mayor of Paris sued the newspaper over the report.")
    assert (e.cameo, dyad(e)) == ("115", ("FRAGOV", "FRAMED"))
    # a lawsuit against no one the sentence names is no record
    assert candidates(nlp, "The mayor of Paris sued in a French court for defamation.") == []


def test_denying_an_accusation_is_denying_responsibility_a_request_is_rejected(nlp):
    [e] = candidates(nlp, "The Spanish minister denied any wrongdoing.")
    assert (e.cameo, dyad(e)) == ("016", ("ESPGOV", None))
    [f] = candidates(nlp, "The Russian embassy denied the Japanese request for a visa.")
    assert f.cameo.startswith("12")
    # "deny the rebels any support" asked of others is what the appeal asks, no denial of theirs
    evs = candidates(nlp, "The Philippine minister urged citizens to help the police and deny the rebels any support.")
    assert [e.cameo[:2] for e in evs] == ["02"]
    # a denial asked of another is what the appeal asks, no denial by the one asking
    evs = candidates(nlp, 'The Philippine minister urged citizens to assist the police and "deny the rebels any victory".')
    assert [e.cameo[:2] for e in evs] == ["02"]
    evs = candidates(nlp, "The Philippine minister urged the army to deny the accusations.")
    assert [(e.cameo[:2], e.announced_cameo) for e in evs] == [("02", "016")]


def test_offering_no_apology_is_no_offer_of_cooperation(nlp):
    assert [e.cameo for e in candidates(nlp, "The Canadian general offered no apology for the killings.")
            if e.cameo.startswith("03")] == []


def test_keeping_captured_fighters_is_detention_not_protection(nlp):
    [e] = candidates(nlp, "Turkey will guard the captured ISIS fighters.")
    assert e.cameo == "173" and e.modality == "future"


def test_freeing_people_is_releasing_persons(nlp):
    [e] = candidates(nlp, "The rebels freed the Italian journalist on Sunday.")
    assert e.cameo == "0841" and dyad(e) == ("ITAREB", "ITAMED")
    assert [e.cameo for e in candidates(nlp, "The Syrian army freed the town from the rebels.")
            if e.cameo.startswith("084")] == []


# ------------------------------------------------- orders to one's own forces; prevented acts
def test_an_order_to_ones_own_forces_is_no_demand_on_them(nlp):
    assert [e.cameo for e in candidates(nlp, "The Philippine defence minister ordered troops to raise their alert level.")
            if e.cameo.startswith("10")] == []
    text = "The Philippine defence minister said he had ordered 'heightened alert' from troops, and that the army protect the churches."
    assert [e.cameo for e in candidates(nlp, text) if e.cameo.startswith("10")] == []
    [e] = candidates(nlp, "Ukraine ordered Russian troops to leave Crimea.")
    assert e.cameo.startswith("10") and dyad(e) == ("UKR", "RUSMIL")


@pytest.mark.parametrize("text, code", [
    ("A German court barred the company from releasing the documents.", "08"),
    ("The Iranian government prevented the protesters from attacking the British embassy.", "19"),
])
def test_an_act_a_verb_of_prevention_stops_is_not_done(nlp, text, code):
    assert [e.cameo for e in candidates(nlp, text) if e.cameo.startswith(code)] == []


# ------------------------------------------------- who reports a road accident does not make it an attack
@pytest.mark.parametrize("text", [
    "According to police, the Canadian driver drove his truck erratically on the highway on Monday and struck "
    "a group of cyclists, injuring three.",
    "Police said the Canadian driver drove his truck erratically on the highway on Monday and struck a group of "
    "cyclists, injuring three.",
])
def test_the_police_reporting_an_accident_do_not_make_it_force(nlp, text):
    assert [e.cameo for e in candidates(nlp, text) if e.cameo[:2] in ("17", "18", "19", "20")] == []


def test_police_in_the_act_itself_still_make_it_force(nlp):
    evs = candidates(nlp, "Police said the driver rammed his truck into a police checkpoint, injuring three officers.")
    assert any(e.cameo[:2] in ("18", "19") for e in evs)


# ------------------------------------------------- reports, media, what a bill would allow
@pytest.mark.parametrize("text", [
    "Reuters reported the attack on the army base.",  # REPORT * ATTACK 190
    "The company said in a press release that its engineers had developed a new coating.",  # * RELEASE 0841
])
def test_a_report_or_its_medium_is_no_act(nlp, text):
    assert [e.cameo for e in candidates(nlp, text) if not e.cameo.startswith("01")] == []


def test_what_a_bill_would_allow_is_no_act(nlp):
    assert candidates(nlp, "The bill would have allowed the Chinese government to remove people from Hong Kong.") == []
    # an actor allowing someone to act is no instrument's content
    assert [e.cameo[:2] for e in candidates(nlp, "The Syrian army would allow the rebels to attack the town.")] != []


# ------------------------------------------------- done for years: background
def test_an_act_done_for_years_is_background_not_of_the_publication_day(nlp):
    [e] = candidates(nlp, "Syrian rebels shelled the town for three years.")
    assert e.cameo.startswith("19") and e.date is None
    [f] = candidates(nlp, "Protesters blocked the main road in Nairobi for two days.")
    assert (f.date, f.date_basis) == ("2019-11-07", "publication")
    [g] = candidates(nlp, "On Monday the Turkish army shelled Kurdish positions for the first time in years.")
    assert (g.date, g.date_basis) == ("2019-11-04", "text")


def test_signing_a_law_is_no_agreement_with_anyone(nlp):
    assert candidates(nlp, "The governor of Ohio signed into law the Ohio Heartbeat Protection Act.") == []
    [e] = candidates(nlp, "Russia and China signed a trade agreement.")
    assert e.cameo.startswith("0") and dyad(e) == ("RUS", "CHN")


def test_a_dated_sentence_with_no_record_still_dates_its_paragraph(nlp):
    # (an agentless "was sentenced" is a record of its own: the dated sentence here has none)
    text = ("A former Kenyan minister appeared in a Nairobi court on Wednesday. Judge Mary Wanjiku sentenced "
            "the former Kenyan minister Fred Otieno to six years in prison.")
    [e] = candidates(nlp, text)
    assert e.cameo == "116" and (e.date, e.date_basis) == ("2019-11-06", "text")
    # a relative clause's date is its own, not the paragraph's (its agentless arrest has no source)
    text = "The Kenyan opposition leader, who was arrested on Wednesday, spoke to reporters. Police arrested two of his aides."
    [f] = [e for e in candidates(nlp, text) if e.source is not None]
    assert f.cameo == "173" and f.date_basis == "publication"


def test_meeting_someone_at_a_place_of_leisure_is_no_consultation(nlp):
    text = "Maria Lopez, 40, met police officers Juan Perez and Luis Gomez at a bar in Madrid."
    assert [e.cameo for e in candidates(nlp, text) if e.cameo.startswith("04")] == []
    [e] = candidates(nlp, "The Spanish interior minister met police officers in Madrid.")
    assert e.cameo.startswith("04")


# ------------------------------------------------- (issue 12, targets) society is another side to the state
def test_a_state_statement_to_its_own_people_press_or_business_keeps_its_target(nlp):
    [e] = [e for e in candidates(nlp, "The Thai prime minister expressed condolences to the families of the "
                                      "victims on Friday.") if e.cameo == "018"]
    assert e.source.code == "THAGOV" and (e.target.code, e.target.country) == ("THACVL", "THA")
    [f] = [e for e in candidates(nlp, "The White House expressed surprise that The New York Times published "
                                      "the letter.") if e.cameo == "012"]
    assert f.target is not None and f.target.sector == "MED" and f.target.country == "USA"


def test_societys_own_statement_about_its_society_still_has_no_target(nlp):
    # a company of the country is no state speaking of its people: the rule for its own side stays
    [e] = [e for e in candidates(nlp, "Toyota extended its condolences to the families of the Japanese "
                                      "victims.") if e.cameo == "018"]
    assert e.source.code == "JPNBUS" and e.target is None


def test_a_statement_to_the_speakers_own_state_or_its_press_audience_still_has_no_target(nlp):
    # the country itself, its government, and the press a speaker talks to stay no target
    evs = [e for e in candidates(nlp, "The Thai prime minister expressed concern about Thailand.")
           if e.cameo.startswith("01")]
    assert evs and all(e.target is None for e in evs)
    evs = [e for e in candidates(nlp, "The Thai prime minister told Thai state television he was optimistic "
                                      "about the talks.") if e.cameo.startswith("01")]
    assert all(e.target is None or e.target.country != "THA" for e in evs)


# ------------------------------------------------- (issue 12, targets) groups named by their community
def test_a_group_its_community_names_is_the_target_of_known_kind_and_no_country(nlp):
    evs = [e for e in candidates(nlp, "Qatar eased restrictions on foreign workers.") if e.cameo.startswith("08")]
    assert [(e.source.code, e.target and (e.target.code, e.target.country)) for e in evs] == [("QAT", ("LAB", None))]
    evs = [e for e in candidates(nlp, "Poland said it would not accept Chechen refugees.") if e.cameo.startswith("12")]
    assert evs and all(e.target is not None and (e.target.sector, e.target.country) == ("REF", None) for e in evs)


def test_a_state_word_named_by_a_community_is_not_guessed_a_state(nlp):
    for text in ("The president issued an ultimatum to Muslim officials.",
                 "The president issued an ultimatum to Kurdish leaders."):
        evs = [e for e in candidates(nlp, text) if e.cameo.startswith("13")]
        assert evs and all(e.target is None for e in evs), text
    # leaders named by a faith are that faith's (roles.yaml), still no state
    evs = [e for e in candidates(nlp, "The president issued an ultimatum to Muslim leaders.") if e.cameo.startswith("13")]
    assert evs and all(e.target is not None and e.target.code == "MUS" for e in evs)


def test_a_background_year_does_not_date_the_news_after_it(nlp):
    text = ("Only once before has the Kenyan parliament held a minister in contempt: the Kenyan finance minister was "
            "held in contempt in 2012. The Kenyan president sharply criticized the parliament's decision.")
    [e] = [e for e in candidates(nlp, text) if e.cameo.startswith("11")]
    assert e.date_basis == "publication"


def test_a_protest_participle_on_a_march_is_the_same_protest(nlp):
    evs = candidates(nlp, "Thousands of Spanish farmers marched in Madrid on Sunday, protesting the new tax law.")
    assert [e.cameo for e in evs] == ["141"] and evs[0].date == "2019-11-03"
    # a protest of its own subject stays
    evs = candidates(nlp, "Spanish farmers marched in Madrid while Spanish students protested in Barcelona.")
    assert sorted(e.cameo[:2] for e in evs) == ["14", "14"]


# ------------------------------------------------- (issue 12, targets) the place of an act done to someone
def test_the_place_of_an_act_done_to_unresolved_people_is_not_its_target(nlp):
    evs = [e for e in candidates(nlp, "Israeli police arrested three suspects in Hebron.") if e.cameo.startswith("17")]
    assert evs and all(e.target is None for e in evs)
    # an act done to the place itself keeps it; people who resolve stay the target
    [e] = [e for e in candidates(nlp, "Israeli police imposed a curfew in Hebron.") if e.cameo.startswith("17")]
    assert e.target is not None and e.target.country in ("ISR", "PSE")
    [f] = [e for e in candidates(nlp, "French police detained dozens of protesters in Paris.") if e.cameo.startswith("17")]
    assert f.target is not None and f.target.sector == "OPP"


# ------------------------------------------------- (issue 12, events) an agreement not reached
def test_an_agreement_that_could_not_be_reached_is_a_negated_agreement_as_a_fact(nlp):
    text = "The Kenyan president and the Kenyan parliament could not reach an agreement about the budget."
    [e] = candidates(nlp, text)
    assert (e.cameo, e.negated, e.modality) == ("057", True, "asserted")
    assert {e.source.code, e.target.code} == {"KENGOV", "KENLEG"}
    # reached, it is an agreement concluded; under an "if" it stays a possibility
    [f] = candidates(nlp, "Kenya and Uganda reached a deal on the border.")
    assert (f.cameo, f.negated, f.modality) == ("057", False, "asserted")
    [g] = candidates(nlp, "If Kenya and Uganda could not reach a deal, the talks would fail.")
    assert g.modality == "hypothetical"


# ------------------------------------------------- (issue 12) "without reaching", "have yet to reach": not done
def test_an_act_told_as_without_or_yet_to_be_done_is_negated_as_a_fact(nlp):
    [e] = [e for e in candidates(nlp, "Russia and Ukraine ended talks without reaching an agreement.")
           if e.cameo == "057"]
    assert (e.negated, e.modality) == (True, "asserted")
    [f] = candidates(nlp, "Russia and Ukraine have yet to reach a deal.")
    assert (f.cameo, f.negated, f.modality) == ("057", True, "asserted")
    [g] = [e for e in candidates(nlp, "The man was released without being charged by police.") if e.cameo == "173"]
    assert g.negated
    # near misses: "without" on a noun of the manner, "yet again": done
    [h] = candidates(nlp, "Russia and Ukraine reached a deal without any help.")
    assert (h.cameo, h.negated) == ("057", False)
    [i] = candidates(nlp, "Russia has yet again attacked Ukraine.")
    assert (i.cameo[:2], i.negated) == ("19", False)


# ------------------------------------------------- (issue 12/14) "unable to", "failed to": the act not done
def test_an_act_the_subject_was_unable_or_failed_to_do_is_negated_as_a_fact(nlp):
    [e] = candidates(nlp, "The French government was unable to reach an agreement with the unions.")
    assert (e.cameo, e.negated, e.modality) == ("057", True, "asserted")
    [f] = [e for e in candidates(nlp, "The finance minister resigned after she was unable to negotiate "
                                      "a ceasefire with the rebels.") if e.cameo.startswith("04")]
    assert (f.negated, f.modality) == (True, "asserted")
    [i] = [e for e in candidates(nlp, "The government was incapable of negotiating a ceasefire with "
                                      "the rebels.") if e.cameo.startswith("04")]
    assert (i.negated, i.modality) == (True, "asserted")
    # "failed to": the act negated as well, and the failure keeps its own record, a rejection
    # (120), as PETRARCH-2's CAMEO verb dictionary codes FAIL (resources/events/modality.yaml)
    evs = candidates(nlp, "The Kenyan president failed to negotiate a deal with the opposition.")
    assert sorted((e.cameo, e.negated, e.modality) for e in evs) == [
        ("046", True, "asserted"), ("120", False, "asserted")]
    # able to, it was done
    [g] = candidates(nlp, "The French government was able to reach an agreement with the unions.")
    assert (g.cameo, g.negated, g.modality) == ("057", False, "asserted")


# ------------------------------------------------- (issue 12, dates) a noun dated by its own year
def test_a_relative_clause_of_a_noun_dated_by_an_earlier_year_takes_that_year(nlp):
    text = "The Kenyan minister spoke to reporters after his 2016 arrest, in which he criticized the police."
    [e] = [e for e in candidates(nlp, text) if e.cameo.startswith("11")]
    assert (e.date, e.date_basis) == ("2016", "text")
    # a year of the publication's own time is no background
    [f] = [e for e in candidates(nlp, text.replace("2016", "2019")) if e.cameo.startswith("11")]
    assert f.date_basis == "publication"


# ------------------------------------------------- (issue 12, codes) "X's charges"
def test_a_persons_charges_are_the_charges_against_them_not_their_accusation(nlp):
    assert candidates(nlp, "The former Kenyan minister's charges included bribery and witness tampering.") == []
    # the owner of charges against someone, or of charges another rebuts, is the one who charges
    [e] = candidates(nlp, "Kenya's charges against the Ugandan minister included bribery.")
    assert (e.cameo, dyad(e)) == ("112", ("KEN", "UGAGOV"))
    assert ("112", ("KEN", "UGA")) in [(e.cameo, dyad(e)) for e in candidates(nlp, "Uganda dismissed Kenya's charges.")]


# ------------------------------------------------- (issue 12, codes) a claim is not the act claimed
def test_an_armed_groups_spokesman_saying_it_attacked_claims_responsibility(nlp):
    text = "A spokesman for the Houthi rebels, Yahya Sarea, said the Houthis had carried out the drone attack."
    evs = [e for e in candidates(nlp, text, date="2019-09-15") if e.cameo != "010"]
    assert [(e.cameo, dyad(e), e.modality) for e in evs] == [("015", ("YEMREB", None), "asserted")]
    # one claim, not a claim and an alleged attack
    assert [e.cameo for e in candidates(nlp, "Al-Shabaab claimed it had attacked the Kenyan hotel.")] == ["015"]
    # a state reporting what its own forces did, or a group reporting another's attack, is no claim
    assert [e.cameo[:2] for e in candidates(nlp, "The Kenyan army said it had attacked the Al-Shabaab camp.")] == ["19"]
    assert [e.cameo[:2] for e in candidates(nlp, "A Taliban spokesman said the Afghan army had attacked the village.")] == ["19"]


# ------------------------------------------------- (issue 12, events) what a law would let someone do
@pytest.mark.parametrize("text", [
    "Kenyans protested against a proposed change to Kenya's security law that would allow the Kenyan police to "
    "detain suspects for a month.",
    "Protests began after the Kenyan government proposed an amendment to a law to allow the government of Uganda to "
    "extradite anyone accused of a crime to Uganda to be prosecuted under the Ugandan judicial system.",
])
def test_what_an_instrument_lets_someone_do_is_no_act_whatever_its_mood(nlp, text):
    assert [e.cameo for e in candidates(nlp, text) if e.cameo[:2] in ("17", "18", "19")] == []


def test_an_act_done_with_a_law_stays(nlp):
    [e] = candidates(nlp, "Kenyan police used the new security law to arrest the protesters.")
    assert e.cameo == "173"


# ------------------------------------------------- (issue 12, targets) what is discussed is no partner
def test_the_owner_of_what_is_discussed_is_no_partner(nlp):
    text = "The Kenyan Senate was to meet on Monday to discuss Ruto's confirmation."
    assert [e.cameo for e in candidates(nlp, "William Ruto was nominated as minister. " + text)
            if e.cameo.startswith("04")] == []
    evs = candidates(nlp, "The Russian foreign minister met the Turkish foreign minister to discuss Iran's nuclear programme.")
    assert [(e.cameo, dyad(e)) for e in evs] == [("040", ("RUSGOV", "TURGOV"))]


# ------------------------------------------------- (issue 12, events) orders of violence, private research, contributing to things
def test_ordering_a_killing_is_no_demand_made_of_the_victim(nlp):
    text = "Turkish prosecutors believe the Saudi crown prince ordered the Saudi journalist's killing."
    assert [e.cameo for e in candidates(nlp, text) if e.cameo.startswith("10")] == []
    # ordering another country's envoy to leave stays a demand
    [e] = candidates(nlp, "The Saudi crown prince ordered the Canadian ambassador to leave Saudi Arabia.")
    assert e.cameo.startswith("10")


def test_a_private_persons_research_is_no_policy_option(nlp):
    text = "Walter Munk, an American oceanographer, died on Friday. He also researched ways to counter military submarines."
    assert candidates(nlp, text, date="2019-02-11") == []
    [e] = candidates(nlp, "The Japanese government is studying ways to counter Chinese submarines.")
    assert e.cameo.startswith("014")


def test_contributing_to_a_thing_is_no_aid(nlp):
    assert candidates(nlp, "The Philippine army said the nearby Mindanao fault contributes to earthquakes.") == []
    assert candidates(nlp, "The Kenyan government contributed to the failure of the talks.") == []
    [e] = candidates(nlp, "Japan contributed 5 million dollars to Kenya.")
    assert e.cameo == "071" and dyad(e) == ("JPN", "KEN")


# ------------------------------------------------- (issue 12, targets) a thing an actor's name modifies
def test_a_thing_a_countrys_name_modifies_is_no_guest_or_partner(nlp):
    text = "Analysts asked how much direct Iranian assistance is received by the Houthi rebels."
    assert [e.cameo for e in candidates(nlp, text) if e.cameo.startswith("04")] == []
    text = "Jacques Chirac, the former French president, died on Thursday. He favored European integration."
    assert [e.cameo for e in candidates(nlp, text) if e.cameo.startswith("05")] == []
    # people named by their country, and countries, stay
    [e] = candidates(nlp, "Iranian officials were received by the Kenyan president.")
    assert (e.cameo, dyad(e)) == ("043", ("KENGOV", "IRNGOV"))
    [f] = candidates(nlp, "The French president favored Germany over Italy.")
    assert (f.cameo, dyad(f)) == ("051", ("FRAGOV", "DEU"))


# ------------------------------------------------- (issue 12, dates) experiential perfects
@pytest.mark.parametrize("text", [
    "The Russian president has visited China three times.",
    "The Kenyan president and the Ugandan president have met twice.",
])
def test_a_perfect_counting_how_often_is_background_not_of_the_publication_day(nlp, text):
    [e] = candidates(nlp, text, date="2019-09-30")
    assert e.cameo.startswith("04") and e.date is None


def test_a_dated_or_plain_perfect_keeps_its_date(nlp):
    [e] = candidates(nlp, "The Russian president visited China three times in 2015.", date="2019-09-30")
    assert e.date == "2015"
    [f] = candidates(nlp, "The Russian president has visited China.", date="2019-09-30")
    assert (f.date, f.date_basis) == ("2019-09-30", "publication")


# ------------------------------------------------- (issue 12, sources) the city an attack is named by
def test_a_city_naming_an_attack_is_where_it_was_not_who_did_it(nlp):
    text = "Last week a Kabul car bombing killed five people and wounded 110."
    assert [e.source.code for e in candidates(nlp, text) if e.source is not None] == []
    # a country or an armed group before the attack word is its doer
    [e] = candidates(nlp, "US air strikes killed five people.")
    assert e.source.code == "USA"
    [f] = candidates(nlp, "A Taliban car bombing killed five people.")
    assert f.source.code == "AFGREB"


# ------------------------------------------------- (issue 12, metaphors) words aimed at someone
@pytest.mark.parametrize("text", [
    "The Russian president took a swipe at the United States.",
    "The French president took aim at Germany over its budget.",
    "The Kenyan president took a parting shot at Uganda.",
])
def test_taking_a_swipe_or_aim_at_someone_is_criticism_not_a_seizure(nlp, text):
    assert [e.cameo for e in candidates(nlp, text)] == ["111"]


# ------------------------------------------------- (issue 12, point 7) the press a speaker tells is its audience
@pytest.mark.parametrize("text", [
    "Kenyan officials told state media that eleven people had died in the fire.",
    "The Kenyan interior minister told reporters the border would stay closed.",
    "A Nigerian army spokesman told the BBC that the soldiers had been redeployed.",
    "The Indian foreign minister said in an interview with CNN that the talks would continue.",
    "The Chilean president told Reuters he was confident about the economy.",
])
def test_the_press_a_statement_is_told_to_is_no_target(nlp, text):
    stage = stages()["events"]
    saved, stage.policy = stage.policy, RecordPolicy(min_confidence=0.0, statements=True)
    try:
        evs = run_stages(nlp, text, "2019-11-07", names=("actors", "time", "events")).events
    finally:
        stage.policy = saved
    statements = [e for e in evs if e.cameo.startswith("01")]
    assert statements and all(e.target is None for e in statements)
    # without the audience it is a bare statement: no record by default
    assert [e for e in candidates(nlp, text) if e.cameo.startswith("01")] == []


def test_an_event_told_to_the_press_keeps_its_own_target_and_the_press_spoken_of_stays_one(nlp):
    evs = candidates(nlp, "The Kenyan president told Reuters he would meet the Ugandan president.")
    assert [(e.cameo[:2], dyad(e)) for e in evs] == [("03", ("KENGOV", "UGAGOV"))]
    # the press as what is said or done about is a target
    [e] = [e for e in candidates(nlp, "The French president criticized CNN for its coverage.")]
    assert e.cameo == "111" and e.target is not None and e.target.sector == "MED"
    stage = stages()["events"]
    saved, stage.policy = stage.policy, RecordPolicy(min_confidence=0.0, statements=True)
    try:
        evs = run_stages(nlp, "The Brazilian president said the BBC was lying.", "2019-11-07",
                         names=("actors", "time", "events")).events
    finally:
        stage.policy = saved
    assert [e.target.sector for e in evs if e.cameo.startswith("01") and e.target is not None] == ["MED"]


def test_a_statement_of_an_organisation_of_no_country_about_itself_has_no_target(nlp):
    evs = [e for e in candidates(nlp, "The UN secretary-general expressed concern about the United Nations "
                                      "budget.") if e.cameo.startswith("01")]
    assert evs and all(e.target is None for e in evs)
    # another organisation is another side
    [e] = [e for e in candidates(nlp, "The UN secretary-general expressed concern about NATO.")
           if e.cameo.startswith("01")]
    assert e.target is not None and e.target.code.startswith("IGO") and e.target.code != e.source.code


# ------------------------------------------------- (issue 12, codes) "in regard to", "in response to"
@pytest.mark.parametrize("text", [
    "On Thursday, the European Court of Justice ruled in regard to the case of the Austrian politician.",
    "The Kenyan court ruled in response to the appeal of the Kenyan government.",
])
def test_the_to_of_a_preposition_of_several_words_is_no_patterns_to(nlp, text):
    assert [e.cameo for e in candidates(nlp, text) if e.cameo.startswith("03")] == []


def test_a_to_phrase_of_a_noun_with_its_own_words_still_counts(nlp):
    text = "The Nigerian Senate President will lead a Senate delegation on a parliamentary visit to Russia."
    assert [e.cameo[:2] for e in candidates(nlp, text)] != []


def test_down_to_a_level_is_no_particle_cut_down_stays(nlp):
    text = ("Jacques Chirac, the former French president, died on Thursday. During his presidency he cut two years "
            "off the length of presidential terms, down to five years.")
    assert [e.cameo for e in candidates(nlp, text, date="2019-09-26") if e.cameo[:2] in ("18", "19")] == []
    [e] = candidates(nlp, "Syrian rebels cut down the fleeing soldiers.")
    assert e.cameo[:2] in ("18", "19")


# ------------------------------------------------- (issue 12, targets) one's own forces as the means
def test_ones_own_forces_in_a_with_phrase_are_the_means_not_a_partner(nlp):
    text = ("In 2015, Saudi Arabia started supporting the government of Yemen against the Houthi rebellion, "
            "providing airstrikes with the Royal Saudi Air Force.")
    assert [dyad(e) for e in candidates(nlp, text) if e.cameo[:2] in ("06", "07")] == []
    [e] = candidates(nlp, "The Russian government cooperated with China on the pipeline.")
    assert dyad(e) == ("RUSGOV", "CHN")


# ================================================= part E classes (tests/data/wikinews_judged)
def test_a_resignation_without_demands_is_a_one_actor_yield(nlp):
    [e] = candidates(nlp, "The health minister of Peru resigned on Tuesday without giving a reason.")
    assert (e.cameo, e.plover, e.plover_mode, dyad(e)) == ("080", "RETREAT", "resign", ("PERGOV", None))
    [f] = candidates(nlp, "Italy's finance minister announced his resignation in 2018.")
    assert f.cameo == "080" and f.date == "2018"


def test_a_resignation_demanded_is_a_demand_for_a_change_in_leadership(nlp):
    evs = candidates(nlp, "Protesters in Lima rallied against the Peruvian president, saying he must resign.")
    # 104x (a change in leadership), not 105 (yield) as the announced 080 alone would give
    assert [e.cameo[:3] for e in evs if e.cameo.startswith("10")] == ["104"]


def test_a_decree_signed_is_no_demand(nlp):
    text = "On Monday, the Egyptian president signed a decree banning foreign journalists from the Sinai."
    assert [e.cameo for e in candidates(nlp, text) if e.cameo.startswith("10")] == []


def test_an_order_to_ones_own_staff_is_the_orderers_act(nlp):
    evs = candidates(nlp, "The French president had ordered his aides to suspend the military aid to Mali.")
    assert not [e for e in evs if e.cameo.startswith("10")]
    [e] = evs
    assert e.cameo.startswith("16") and e.source.code == "FRAGOV" and e.modality == "asserted"
    # an order to another actor stays a demand on it
    [d] = candidates(nlp, "The French president ordered Mali to expel the Russian mercenaries.")
    assert d.cameo.startswith("10") and dyad(d) == ("FRAGOV", "MLI")


def test_flags_ordered_lowered_are_a_symbolic_act_of_the_orderer(nlp):
    text = "After the senator's death, the Canadian prime minister ordered the flags be lowered to half-mast."
    [e] = candidates(nlp, text)
    assert (e.cameo, dyad(e), e.modality) == ("017", ("CANGOV", None), "asserted")


def test_ordered_checks_are_an_inspection(nlp):
    text = "The German interior minister ordered safety checks on the nightclubs."
    assert [e.cameo for e in candidates(nlp, text)] == ["090"]


def test_a_subpoena_is_a_step_of_an_inquiry_not_sharing_information(nlp):
    # the development set's convention (090, investigate), never GRANT * DOCUMENTS (064)
    text = "The Senate issued a subpoena for documents from Attorney General William Barr on Monday."
    assert [e.cameo for e in candidates(nlp, text)] == ["090"]
    assert [e.cameo for e in candidates(nlp, "The Senate subpoenaed Attorney General William Barr on Monday.")] == ["090"]


def test_a_request_issued_is_made_not_granted(nlp):
    # PETRARCH-2's GRANT * REQUEST (030) is granting one; its block holds "issue" and "send"
    evs = candidates(nlp, "The U.S. House of Representatives issued a deposition request for Kurt Volker, "
                          "the US special envoy for Ukraine.")
    assert [(e.cameo, e.modality, dyad(e)) for e in evs] == [("090", "asserted", ("USALEG", "USAGOV"))]
    evs = candidates(nlp, "The Iraqi government sent a request to Turkey for the extradition of the suspects.")
    assert [e.cameo[:2] for e in evs] == ["02"] and not any(e.cameo.startswith("03") for e in evs)


def test_an_announced_suspension_of_aid_is_a_halt_not_a_pledge(nlp):
    # PETRARCH-2's EXPLAIN_VERBAL * AID (0331) on "announced a suspension of aid"
    evs = candidates(nlp, "US President Trump announced a suspension of aid to Pakistan.")
    assert [(e.cameo, e.modality, dyad(e)) for e in evs] == [("162", "asserted", ("USAGOV", "PAK"))]
    evs = candidates(nlp, "The European Union announced an aid freeze for Burundi.")
    assert [e.cameo for e in evs] == ["162"]
    # the aid itself announced stays a pledge
    assert [e.cameo[:2] for e in candidates(nlp, "Japan announced aid to Pakistan.")] == ["03"]


def test_the_place_fled_to_is_a_refuge_not_an_embassy_evacuated(nlp):
    # PETRARCH-2's EVACUATE * EMBASSY (161) holds "flee" beside "evacuate"
    assert candidates(nlp, "Six U.S. diplomats fled to the Canadian embassy in Tehran.") == []
    assert candidates(nlp, "The opposition leader escaped into the Brazilian embassy.") == []
    [e] = candidates(nlp, "Canada evacuated its embassy in Tehran.")
    assert e.cameo == "161"


def test_claiming_that_another_did_an_act_is_an_accusation(nlp):
    evs = candidates(nlp, "The Israeli defence minister claimed Hezbollah had attacked the soldiers.")
    [claim] = [e for e in evs if e.trigger.text == "claimed"]
    assert claim.cameo == "112" and dyad(claim) == ("ISRGOV", "LBNREB")
    # the act claimed is what the accusation is about, no record of its own (the development
    # set codes the accusation alone)
    assert [e.cameo for e in evs] == ["112"]
    # claiming one's own act stays a claim of responsibility, and the act claimed stays
    evs = candidates(nlp, "The Taliban claimed they had bombed the army base.")
    assert not [e for e in evs if e.cameo == "112"]
    evs = candidates(nlp, "The Afghan army said the Taliban had attacked the base.")
    assert any(e.cameo.startswith("19") for e in evs)


def test_a_reason_cited_is_no_comment(nlp):
    text = "Several European countries including France and Belgium have cited security concerns to impose bans on burqas."
    assert [e.cameo for e in candidates(nlp, text) if e.cameo.startswith("01")] == []


def test_a_need_stated_with_no_one_asked_is_no_appeal(nlp):
    text = "At the panel, the Canadian novelist emphasized the need for rest, saying she plays video games."
    assert [e.cameo for e in candidates(nlp, text) if e.cameo.startswith("02")] == []


@pytest.mark.parametrize("text", [
    # public-health measures against a disease (as storm emergencies): no repression, no strike
    "The Congolese government declared a state of emergency, closed all schools, and later banned public "
    "gatherings to curb the spread of the Ebola outbreak.",
    "The government of Fiji began a three-day shutdown to make way for a vaccination campaign against measles.",
    # a career described, not an act
    "The former agent specialized in smuggling dissidents out of hostile countries.",
    # what a constitution provides
    "Under the French Constitution, the Senate ratifies the treaty and then the president signs it.",
    # science and ecology
    "A similar drought in Kenya in 2011 was found to be associated with a decline in the elephant population.",
    "The scientists said the wolves disappeared and the deer population then exploded.",
    # an idiom of speech
    "According to the Kenyan editor, the activists used the rumours to hammer home their message.",
    # taking part in something is no comment
    "The inquiry found no wrongdoing before the senator involved himself in Ukraine's politics.",
])
def test_part_e_classes_that_are_no_events(nlp, text):
    assert [e.cameo for e in candidates(nlp, text)] == []


def test_a_state_crackdown_and_a_doctors_strike_keep_their_codes(nlp):
    # a disease word in the sentence does not make repression or a strike a health measure
    evs = candidates(nlp, "Doctors in Kenya went on strike over pay during the cholera outbreak.")
    assert [e.cameo[:2] for e in evs] == ["14"]
    evs = candidates(nlp, "The Congolese government banned opposition rallies in Kinshasa.")
    assert [e.cameo[:3] for e in evs] == ["172"]
# ------------------------------------------------- (issue 12, dates of part E) when an act was done
def _dated(evs, trigger):
    [e] = [e for e in evs if e.trigger.text.startswith(trigger)]
    return e.date, e.date_basis


def test_an_act_told_as_done_is_not_dated_after_publication(nlp):
    # the day declared is what the declaration is about, not when it was made
    evs = candidates(nlp, "The mayor of Lyon has declared tomorrow a day of mourning.")
    assert _dated(evs, "declared") == ("2019-11-07", "publication")


def test_a_pluperfect_in_the_reporters_words_is_background(nlp):
    evs = candidates(nlp, "The French government had asked the court to suspend the ruling.")
    assert _dated(evs, "asked") == (None, None)
    # reported speech shifts tense: the arrest is the news
    evs = candidates(nlp, "Police said they had arrested the Kenyan opposition leader.")
    assert _dated(evs, "arrested") == ("2019-11-07", "publication")


def test_an_act_to_come_or_possible_has_no_publication_date(nlp):
    evs = candidates(nlp, "The Kenyan government would begin an investigation into the police.")
    assert _dated(evs, "begin") == (None, None)
    # an intent is dated when made
    evs = candidates(nlp, "The Kenyan government pledged to send troops to Somalia.")
    assert _dated(evs, "pledged") == ("2019-11-07", "publication")


def test_what_a_sentence_is_for_was_done_before_it(nlp):
    evs = candidates(nlp, "A Kenyan court sentenced the former minister to ten years in prison for torturing detainees.")
    assert _dated(evs, "torturing") == (None, None)
    assert _dated(evs, "sentenced") == ("2019-11-07", "publication")


def test_a_when_clause_dated_by_the_text_dates_the_act_it_modifies(nlp):
    evs = candidates(nlp, "When announcing the curfew on Monday, the Kenyan president called on police officers "
                          "to show restraint.")
    assert _dated(evs, "called") == ("2019-11-04", "text")


def test_an_act_told_again_later_takes_the_date_the_text_gave_it(nlp):
    text = ("On Saturday, thousands of Kenyans marched in Nairobi against the tax law.\n\n"
            "The Kenyan government defended the law.\n\nProtesters marched from Uhuru Park to parliament.")
    evs = [e for e in candidates(nlp, text) if e.cameo == "141"]
    assert [(e.date, e.date_basis) for e in evs] == [("2019-11-02", "text")] * 2


def test_a_gerund_or_a_reported_act_told_again_takes_the_date_the_text_gave_the_act(nlp):
    # "Before resigning" and "started attacking" are acts done, in the tense of the verb they hang
    # on; "reportedly" tells the same act. Sentences between, so that no nearby date of the same
    # doer does it.
    between = "The weather in Nairobi was hot. Kenyan schools opened late. Traffic was heavy in the city."
    text = (f"The Kenyan interior minister resigned on Friday.\n\n{between}\n\n"
            "Before resigning, the Kenyan interior minister appointed a new police chief.")
    evs = [e for e in candidates(nlp, text) if e.cameo == "080"]
    assert [(e.date, e.date_basis) for e in evs] == [("2019-11-01", "text")] * 2
    text = (f"On Friday, a Somali gunman attacked Kenyan police officers at a Nairobi station.\n\n{between}\n\n"
            "The Somali gunman reportedly started attacking the officers there, according to The Standard.")
    evs = [e for e in candidates(nlp, text) if e.cameo.startswith("18")]
    assert [(e.date, e.modality) for e in evs] == [("2019-11-01", "asserted"), ("2019-11-01", "alleged")]
    # a gerund of an act to come is no retelling
    text = (f"The Kenyan interior minister resigned on Friday.\n\n{between}\n\n"
            "The Kenyan interior minister will appoint a new police chief before resigning.")
    evs = [e for e in candidates(nlp, text) if e.cameo == "080"]
    assert len(evs) == 2 and evs[1].date != "2019-11-01"


def test_a_definite_event_noun_retelling_an_act_takes_its_date(nlp):
    between = "The weather in Washington was hot. American schools opened late. Traffic was heavy in the city."
    text = ("On Friday, the United States House of Representatives issued a subpoena for documents from "
            f"Secretary of State Mike Pompeo.\n\n{between}\n\n"
            "The subpoena was issued jointly by Representatives Eliot Engel, Adam Schiff, and Elijah Cummings.")
    evs = [e for e in candidates(nlp, text) if e.cameo == "090"]
    assert len(evs) >= 2 and all((e.date, e.date_basis) == ("2019-11-01", "text") for e in evs)
    # "a subpoena" is another one, of the publication day
    text = text.replace("The subpoena was issued jointly by Representatives Eliot Engel, Adam Schiff, and Elijah Cummings.",
                        "A subpoena was issued by Representative Eliot Engel.")
    evs = [e for e in candidates(nlp, text) if e.cameo == "090"]
    assert [(e.date, e.date_basis) for e in evs] == [("2019-11-01", "text"), ("2019-11-07", "publication")]


def test_an_act_of_the_same_kind_between_the_same_actors_retells_it(nlp):
    between = "The weather in Nairobi was hot. Kenyan schools opened late. Traffic was heavy in the city."
    text = ("On Sunday, the Kenyan president had a phone conversation with the Ugandan president.\n\n"
            f"{between}\n\nThe Kenyan president spoke with the Ugandan president about the border.")
    evs = [e for e in candidates(nlp, text) if e.cameo.startswith("04")]
    assert [(e.date, e.date_basis) for e in evs] == [("2019-11-03", "text")] * 2
    # another target: another act, of the publication day
    text = text.replace("spoke with the Ugandan president", "spoke with the Tanzanian president")
    evs = [e for e in candidates(nlp, text) if e.cameo.startswith("04")]
    assert [(e.date, e.date_basis) for e in evs] == [("2019-11-03", "text"), ("2019-11-07", "publication")]


def test_an_act_in_a_happening_pointed_back_at_takes_its_date(nlp):
    lead = ("Last week the Kenyan government released a summary of a phone call made by the Kenyan president "
            "late last July to the Ugandan president. ")
    evs = candidates(nlp, lead + "In it, the Kenyan president asks the Ugandan president to investigate "
                                 "the smugglers.")
    assert _dated(evs, "asks") == ("2019-07", "text")
    # "it" is a report, no happening: the act stays as it was
    evs = candidates(nlp, "Last week the Kenyan government released a report. In it, the Kenyan president asks "
                          "the Ugandan president to investigate the smugglers.")
    assert _dated(evs, "asks") == ("2019-11-07", "publication")
    # "before" moves the day: the happening's month
    evs = candidates(nlp, "The Kenyan government released notes of a meeting held on July 25 between the Kenyan "
                          "and Ugandan presidents. Shortly before the meeting, "
                          "the Kenyan finance minister delayed military aid to Uganda.")
    assert _dated(evs, "delayed") == ("2019-07", "text")


@pytest.mark.parametrize("lead,back", [
    ("The Kenyan president held talks with the Ugandan president in Nairobi on Sunday.", "During the talks"),
    ("Talks between the Kenyan and Ugandan presidents were held in Nairobi on Sunday.", "At the talks"),
    ("The Kenyan president gave a speech in Nairobi on Sunday.", "In the speech"),
    ("The Kenyan president made a visit to Kampala on Sunday.", "During the visit"),
])
def test_a_happening_dated_on_its_light_verb_dates_the_acts_pointed_back_at_it(nlp, lead, back):
    # (another paragraph and another doer: no other date rule reaches the act)
    evs = candidates(nlp, f"{lead}\n\n{back}, the Tanzanian foreign minister criticized Somalia.")
    assert _dated(evs, "criticized") == ("2019-11-03", "text")


def test_a_happening_told_by_its_verb_dates_the_acts_pointed_back_at_it(nlp):
    lead = "The Kenyan and Ugandan foreign ministers met in Nairobi on Sunday.\n\n"
    evs = candidates(nlp, lead + "At the meeting, the Tanzanian foreign minister criticized Somalia.")
    assert _dated(evs, "criticized") == ("2019-11-03", "text")
    # a perfect is no happening of a day
    lead = "The Kenyan and Ugandan foreign ministers have met in Nairobi.\n\n"
    evs = candidates(nlp, lead + "At the meeting, the Tanzanian foreign minister criticized Somalia.")
    assert _dated(evs, "criticized") == ("2019-11-07", "publication")


def test_an_act_in_a_relative_clause_on_a_dated_happening_takes_its_date(nlp):
    evs = candidates(nlp, "The Kenyan and Ugandan presidents held a phone conversation on Sunday in which the "
                          "Ugandan president criticized Somalia.")
    assert _dated(evs, "criticized") == ("2019-11-03", "text")
    # "which" the object: a clause about the conversation, told later, not an act in it
    evs = candidates(nlp, "On Sunday the Kenyan president held a phone conversation with the Somali president, "
                          "which the Ugandan president criticized.")
    assert _dated(evs, "criticized") == ("2019-11-07", "publication")


@pytest.mark.parametrize("text", [
    "Speaking to reporters on Tuesday, the Kenyan foreign minister accused Somalia of sabotage.",
    "The Kenyan foreign minister, speaking to reporters on Tuesday, accused Somalia of sabotage.",
    "Writing on Twitter on Tuesday, the Kenyan foreign minister accused Somalia of sabotage.",
])
def test_a_participle_clause_of_the_same_time_dates_the_act(nlp, text):
    assert _dated(candidates(nlp, text), "accused") == ("2019-11-05", "text")


def test_a_participle_clause_with_a_span_or_a_perfect_does_not_date_the_act(nlp):
    for text in ("Having met the envoy on Tuesday, the Kenyan foreign minister accused Somalia of sabotage.",
                 "The Kenyan foreign minister, living in Mogadishu since 2015, accused Somalia of sabotage."):
        assert _dated(candidates(nlp, text), "accused") == ("2019-11-07", "publication")


def test_a_happening_planned_or_reported_on_does_not_date_what_points_back_at_it(nlp):
    # the day is the cancellation's, not the talks'; a day after publication dates nothing done
    for lead in ("The Kenyan president cancelled the talks with the Ugandan president on Sunday.",
                 "The Kenyan president will hold talks with the Ugandan president on Sunday."):
        evs = candidates(nlp, f"{lead}\n\nBefore the talks, the Tanzanian foreign minister criticized Somalia.")
        assert _dated(evs, "criticized") == ("2019-11-07", "publication")


def test_a_time_after_a_participle_clause_set_off_by_commas_dates_the_sentence(nlp):
    evs = candidates(nlp, "Mugabe was convicted of corruption, stemming from his years as mayor, in 2011.")
    assert _dated(evs, "convicted") == ("2011", "text")
    evs = candidates(nlp, "Kenyan police arrested the man, accused of killing a guard in 2015, on Monday.")
    assert _dated(evs, "arrested") == ("2019-11-04", "text")
    # no comma: the time is the participle's own ("killing six people in 2015" is not the arrest's)
    evs = candidates(nlp, "Kenyan police arrested the man accused of killing a guard in 2015.")
    assert _dated(evs, "arrested") == ("2019-11-07", "publication")


def test_an_act_of_force_pointing_back_at_the_leads_incident_is_on_its_day(nlp):
    # (another paragraph: a dated paragraph dates its own acts)
    lead = "On Tuesday at a police station in Nairobi, a Somali man went on a stabbing spree, killing four.\n\n"
    evs = candidates(nlp, lead + "The attacker reached the courtyard before he was shot by Kenyan police.")
    assert _dated(evs, "shot") == ("2019-11-05", "text")
    # no word pointing back at the incident: it may be another act
    evs = candidates(nlp, lead + "A Somali man reached the courtyard before he was shot by Kenyan police.")
    assert _dated(evs, "shot") == ("2019-11-07", "publication")


def test_a_meeting_a_dated_act_facilitated_took_place_then(nlp):
    evs = candidates(nlp, "In July, the Polish envoy helped facilitate a meeting between the Ukrainian president and "
                          "the Russian foreign minister.")
    assert [(e.date, e.modality) for e in evs if e.cameo.startswith("04")] == [("2019-07", "asserted")]


def test_a_speakers_own_want_to_express_is_done_as_said(nlp):
    [e] = candidates(nlp, 'The Polish president wrote on Twitter: "I want to express my sympathy to the families '
                          'of the victims."')
    assert (e.cameo, e.modality, e.date, e.date_basis) == ("018", "asserted", "2019-11-07", "publication")
    # told of, it is still a wish
    [f] = candidates(nlp, "The Polish president said he wants to express his sympathy to the families of the "
                          "Polish victims.")
    assert f.modality == "hypothetical"


def test_a_day_word_in_a_quotation_counts_from_the_day_it_was_spoken(nlp):
    # published Thursday 2019-11-07; spoken on Monday (11-04): "yesterday" is Sunday
    evs = candidates(nlp, 'Kenyan police said on Monday: "Yesterday we arrested two Somali men in Nairobi."')
    assert _dated(evs, "arrested") == ("2019-11-03", "text")
    evs = candidates(nlp, 'On Tuesday, the Kenyan president said: "Today we signed an agreement with Uganda."')
    assert _dated(evs, "signed") == ("2019-11-05", "text")
    # words of an undated speech may be older than the article: left as they were
    evs = candidates(nlp, 'Kenyan police said: "Yesterday we arrested two Somali men in Nairobi."')
    assert _dated(evs, "arrested") == ("2019-11-07", "publication")


def test_an_absolute_with_clause_happens_when_its_head_does(nlp):
    evs = candidates(nlp, "Kenyan rescue work was suspended on Tuesday, with the Kenyan interior minister "
                          "criticizing the Ugandan government.")
    assert _dated(evs, "criticizing") == ("2019-11-05", "text")


def test_the_complement_of_helped_is_done_when_helped_says(nlp):
    evs = candidates(nlp, "In July, the Norwegian foreign minister helped mediate talks between Colombia and the rebels.")
    assert evs and all((e.date, e.date_basis) == ("2019-07", "text") for e in evs)


def test_a_perfect_over_all_of_history_is_background(nlp):
    evs = candidates(nlp, "The Kenyan parliament has only impeached two presidents in the history of Kenya.")
    assert _dated(evs, "impeached") == (None, None)
    evs = candidates(nlp, "The Kenyan parliament has impeached the president.")
    assert _dated(evs, "impeached") == ("2019-11-07", "publication")


def test_in_that_event_puts_the_act_on_the_occasion_told_before(nlp):
    text = ("Thousands of Kenyans attended the August 2017 rally in Nairobi.\n\n"
            "In that event, Kenyan police arrested the opposition leader Raila Odinga and detained his aides.")
    assert [(e.date, e.date_basis) for e in candidates(nlp, text)] == [("2017-08", "text")] * 2
    # a role is no occasion
    text = ("Thousands of Kenyans attended the August 2017 rally in Nairobi.\n\n"
            "In that role, Kenyan police arrested the opposition leader Raila Odinga.")
    assert _dated(candidates(nlp, text), "arrested") == ("2019-11-07", "publication")


def test_an_event_noun_takes_the_one_date_the_article_gives_that_act(nlp):
    text = ("Details emerged about Trump's call with the Ukrainian president.\n\n"
            "The White House released a summary of a phone call made by President Trump late last July to "
            "the Ukrainian president.")
    assert _dated(candidates(nlp, text), "call") == ("2019-07", "text")
    # the act named again with a doer of the same country in other words ("the Kremlin")
    text = ("Ties have deepened since Russia's 2014 offensive in Ukraine. Western countries imposed "
            "sanctions on Russia over the Kremlin's offensive.")
    assert _dated([e for e in candidates(nlp, text) if e.sentence == 1], "offensive") == ("2014", "text")


def test_a_month_without_a_year_in_a_pluperfect_takes_the_year_the_article_gives_it(nlp):
    text = ("Military records showed a Japanese bomber had attacked an American submarine in late February. "
            "The American submarine sank in late February 1944 near Okinawa.")
    assert _dated(candidates(nlp, text), "attacked") == ("1944-02", "text")
    text = "Military records showed a Japanese bomber had attacked an American submarine in late February."
    assert _dated(candidates(nlp, text), "attacked") == ("2019-02", "text")


def test_an_act_over_the_last_years_is_background_unless_a_quote_says_so(nlp):
    evs = candidates(nlp, "Iran has increased military cooperation with Russia in the last few years.")
    assert _dated(evs, "increased") == (None, None)
    evs = candidates(nlp, "Iran increased military cooperation with Russia in the last two days.")
    assert _dated(evs, "increased") == ("2019-11-07", "publication")
    evs = candidates(nlp, 'The Russian president praised Iran on Twitter: "The best partner in years!"')
    assert [(e.date, e.date_basis) for e in evs if e.cameo.startswith("05")] == [("2019-11-07", "publication")]


def test_an_intent_announced_in_a_pluperfect_has_no_date(nlp):
    evs = candidates(nlp, "The French prime minister had agreed to support the Italian plan.")
    assert _dated(evs, "agreed") == (None, None)
    evs = candidates(nlp, "The French prime minister agreed to support the Italian plan.")
    assert _dated(evs, "agreed") == ("2019-11-07", "publication")


def test_a_conjunct_done_later_than_its_dated_head_has_no_date(nlp):
    text = "Kenya recalled its ambassador to Uganda on November 1 and later expelled the Ugandan ambassador."
    assert _dated(candidates(nlp, text), "expelled") == (None, None)
    text = "Kenya recalled its ambassador to Uganda on November 1 and expelled the Ugandan ambassador."
    assert _dated(candidates(nlp, text), "expelled") == ("2019-11-01", "text")


def test_a_court_petitioned_is_a_lawsuit_brought_and_asked_to_intervene_a_legal_request(nlp):
    [e] = candidates(nlp, "The Supreme Court had been petitioned by the Scottish National Party for a ruling on the new law.")
    assert (e.cameo, dyad(e)) == ("115", ("GBRPTY", None))
    [f] = candidates(nlp, "The senator asked the Supreme Court of the United States to intervene in the dispute.")
    assert f.cameo == "020" and f.announced_cameo is None
    # an appeal to a government to mediate stays one
    [g] = candidates(nlp, "Egypt asked Qatar to mediate between Hamas and Israel.")
    assert g.cameo.startswith("02") and g.cameo != "020"



# ============================================ parts A, C, D, E: targets a coder cannot accept
@pytest.mark.parametrize("text", [
    "A spokeswoman for the Spanish interior ministry sharply criticized the decision on Twitter.",
    "The Spanish judge dismissed the lawsuit on Monday.",
    "The Spanish judge rejected this argument.",
])
def test_rejecting_or_criticizing_a_decision_whose_author_is_unresolved_is_no_record(nlp, text):
    # done to the author of the decision, the suit, the argument: with no author, no target a coder
    # could accept (resources/events/one_actor.yaml authored_objects)
    assert [e for e in candidates(nlp, text) if e.cameo[:2] in ("11", "12")] == []


def test_criticizing_a_resolved_authors_decision_or_condemning_an_attack_stays_a_record(nlp):
    [e] = candidates(nlp, "The Spanish foreign minister criticized the French president's decision.")
    assert (e.cameo, dyad(e)) == ("111", ("ESPGOV", "FRAGOV"))
    # an attack condemned is a complete act, whoever its doers are
    [f] = candidates(nlp, "The Spanish foreign minister condemned the attack on a church.")
    assert (f.cameo, dyad(f)) == ("111", ("ESPGOV", None))


def test_a_private_persons_retreat_is_no_military_de_escalation(nlp):
    text = "A Canadian businessman retreated to Vermont to write a book."
    assert [e for e in candidates(nlp, text) if e.cameo.startswith("087")] == []
    [e] = [e for e in candidates(nlp, "Russian troops retreated from Kherson.") if e.cameo.startswith("087")]
    assert e.cameo == "0874" and e.source.code == "RUSMIL"



def test_a_passive_verb_sharing_an_active_verbs_subject_is_done_to_it(nlp):
    text = "Two Iraqi militants attacked the police station and were arrested by Iraqi police on Monday."
    [e] = [e for e in candidates(nlp, text) if e.cameo.startswith("17")]
    assert dyad(e) == ("IRQCOP", "IRQREB")
    # the victims of a passive harm are never its doers
    text = "Five Yemeni civilians died in the attack; around twenty more were injured."
    assert [e for e in candidates(nlp, text) if e.cameo.startswith("18") and e.source and e.source.code.endswith("CVL")] == []


def test_an_act_a_passive_verb_of_saying_reports_is_alleged(nlp):
    [e] = [e for e in candidates(nlp, "The Hong Kong police are said to have arrested forty protesters.")
           if e.source and e.source.code == "HKGCOP"]
    assert e.modality == "alleged"
    [f] = [e for e in candidates(nlp, "The Hong Kong police arrested forty protesters, a witness said.")
           if e.source and e.source.code == "HKGCOP"]
    assert f.modality == "asserted"


# ------------------------------------------------- meddling is no aid
def test_interfering_is_no_aid_given(nlp):
    # PETRARCH-2's INTERVENE block default (070) on "interfere"
    text = "The former vice president interfered with an investigation into Burisma Holdings."
    assert [e.cameo for e in candidates(nlp, text) if e.cameo.startswith("07")] == []


# ------------------------------------------------- unplaced generic groups
def test_an_unplaced_generic_group_is_no_doer(nlp):
    # the development set's convention: "some scholars", "astronomers" are not coded
    assert candidates(nlp, "Politicians from across the political spectrum publicly mourned Cummings's death.") == []
    assert candidates(nlp, "Some analysts criticised the plan of the Iranian government.") == []
    # a group placed in a country stays
    [e] = candidates(nlp, "Iranian politicians criticised the United States.")
    assert (e.cameo, dyad(e)) == ("111", ("IRNPTY", "USA"))


# ------------------------------------------------- a vote against the party line
def test_defecting_with_no_side_left_or_joined_is_a_vote(nlp):
    # PETRARCH-2's DEFECT (120); votes and vote tallies are not coded
    assert candidates(nlp, "Altogether, fifteen Democrats defected.") == []
    [e] = candidates(nlp, "Two Syrian army generals defected to the rebels.")
    assert e.cameo == "120" and dyad(e) == ("SYRMIL", "SYRREB")


# ------------------------------------------------- things named as doers
def test_a_web_page_or_a_database_is_no_doer(nlp):
    # records, databases, surveys, images and findings are not speakers (development set convention)
    text = "The Internal Revenue Service website advises citizens to continue paying their federal taxes."
    assert candidates(nlp, text) == []
    # the organisation itself stays the doer
    text = "The Internal Revenue Service advises citizens to continue paying their federal taxes."
    assert [e.cameo for e in candidates(nlp, text)] == ["020"]


def test_coordinated_doers_acting_on_their_own_relationship_act_with_each_other(nlp):
    # whatever the verb, an object naming a relationship ("ties", "partnership") held by two
    # coordinated doers is theirs with each other: each is the other's partner
    pledges = [e for e in candidates(nlp, "Egypt and Jordan vowed to deepen ties.") if e.cameo[:2] == "03"]
    assert sorted(dyad(e) for e in pledges) == [("EGY", "JOR"), ("JOR", "EGY")]
    # one doer: no partner from the sentence (a dictionary verb has no discourse partner)
    assert all(e.target is None for e in candidates(nlp, "Egypt vowed to deepen ties.") if e.cameo[:2] == "03")


# ------------------------------------------------- a side the resolver could not place
PLACED_STORY = ("French police arrested a man in Paris on Monday. President Emmanuel Macron condemned the "
                "attack in Paris. ")


def test_an_unplaced_person_in_a_placed_story_gives_no_record(nlp):
    # a person nothing in the story places (no country: "CVL") is no actor of a CAMEO record
    evs = candidates(nlp, PLACED_STORY + "Jacques Dumont criticized Macron for the delay.")
    assert not [e for e in evs if e.source and e.source.text == "Jacques Dumont"]
    # the story's placed actors keep theirs
    assert ("173", ("FRACOP", None)) in [(e.cameo, (dyad(e)[0], None)) for e in evs]


def test_a_single_sentence_places_nothing_and_keeps_its_unplaced_sides(nlp):
    # one sentence is no story (ConfliBERT's sentences, a headline): its sides keep their record
    evs = candidates(nlp, "Jacques Dumont criticized the mayor for the delay.")
    assert [(e.source.code, e.cameo) for e in evs] == [("CVL", "111")]
    evs = candidates(nlp, "Police fired tear gas at protesters in the capital on Monday.")
    assert [dyad(e) for e in evs] == [("COP", "OPP")]


def test_organisations_and_religions_need_no_country():
    from accord.events import coder
    from accord.model import Actor

    def actor(code, sector, country=None):
        return Actor(text="x", span=(0, 1), name=None, code=code, country=country, sector=sector)

    assert coder._unplaced(actor("CVL", "CVL"))
    assert coder._unplaced(actor("OPP", "OPP"))
    assert not coder._unplaced(actor("FRACVL", "CVL", "FRA"))
    assert not coder._unplaced(actor("IGOUNO", "IGO"))
    assert not coder._unplaced(actor("IMGMUSISI", "IMG"))
    assert not coder._unplaced(actor("NGO", "NGO"))
    assert not coder._unplaced(None)


# ------------------------------------------------- "two" counts a new group unless it refers back
def test_two_people_are_a_counted_group_as_three_are(nlp):
    # "two" bare is a number ("two protesters" as "three protesters"), not "the two leaders"
    for text in ("Police in Texas arrested two protesters on Friday.",
                 "Police in Texas arrested three protesters on Friday."):
        [e] = candidates(nlp, text)
        assert (e.cameo, dyad(e)) == ("173", ("USACOP", "USAOPP"))
    [e] = candidates(nlp, "The army in Syria killed two civilians on Friday.")
    assert dyad(e)[1] == "SYRCVL"


def test_the_two_leaders_still_refer_back(nlp):
    evs = candidates(nlp, "Donald Trump met Kim Jong-un in Hanoi. The two leaders signed an agreement.")
    [signed] = [e for e in evs if e.trigger.text == "signed"]
    assert set(dyad(signed)) == {"USAGOV", "PRKGOV"}


def test_a_counted_plural_of_others_is_not_the_people_named_before(nlp):
    # "impeached two Presidents, Bill Clinton and Andrew Johnson": not Trump nor McConnell named before
    evs = candidates(nlp, "President Donald Trump criticized Senate Majority Leader Mitch McConnell. The House has "
                          "only impeached two Presidents in its history, Bill Clinton and Andrew Johnson.")
    impeached = [e for e in evs if e.trigger.text == "impeached"]
    assert impeached and all(e.target is None or e.target.name not in ("Donald Trump", "Mitch McConnell")
                             for e in impeached)


# ------------------------------------------------- the place a clause is set in is not whom
def test_the_place_of_force_on_people_is_not_its_target(nlp):
    # "In Germany, a man attacked two women": not an attack on Germany
    [e] = candidates(nlp, "In Germany, a man attacked two women with a knife on Saturday.")
    assert e.cameo.startswith("18") and dyad(e)[1] != "DEU"
    # force on a thing in a place is still done to the place's country
    [e] = candidates(nlp, "In Syria, Israeli jets struck targets on Sunday.")
    assert (e.cameo, dyad(e)[1]) == ("190", "SYR")


# ------------------------------------------------- a weapon placed by where it struck has no doer
def test_an_attack_placed_by_its_place_has_an_unknown_doer(nlp):
    # "A car bomb in Kabul": the place says where the attack was, not who did it (the development
    # set codes attacks whose doer the text does not name with no source)
    for text, victims in (("A car bomb in Kabul killed five people on Monday.", "AFGCVL"),
                          ("An explosion in Beirut injured dozens of people on Tuesday.", "LBNCVL")):
        [e] = candidates(nlp, text)
        assert dyad(e) == (None, victims) and e.cameo.startswith("18")
    # with no one it was done to, it struck the place
    [e] = candidates(nlp, "A car bomb in Kabul exploded on Monday.")
    assert e.source is None and (e.target.text, e.target.code) == ("Kabul", "AFG")
    # whom it was done to named but not resolved: not the place either
    evs = candidates(nlp, "In September, a car bomb in Kiev killed another ethnic Chechen who had fought there.")
    assert all(e.source is None and (e.target is None or e.target.text != "Kiev") for e in evs)
    # a country or force that the weapon's own phrase names is its doer
    [e] = candidates(nlp, "Israeli airstrikes killed ten militants in Gaza.")
    assert dyad(e)[0].startswith("ISR")


# ------------------------------------------------- a telling negated or refused confirms nothing
def test_what_an_actor_did_not_confirm_is_unconfirmed_not_asserted_nor_negated(nlp):
    # "did not confirm that it had struck": alleged (FactBank's uncommitted source), not a fact
    for text in ("The Israeli army did not confirm that it had struck targets in Syria.",
                 "The Israeli army declined to confirm that it had struck targets in Syria.",
                 "The Israeli army would not say whether it had struck targets in Syria."):
        [e] = [e for e in candidates(nlp, text) if e.cameo == "190"]
        assert (e.modality, e.negated) == ("alleged", False), text
    # an event noun told of by a refused confirmation: the same
    [e] = candidates(nlp, "The White House declined to confirm the meeting with Russian officials.")
    assert (e.cameo, e.modality, e.negated) == ("040", "alleged", False)
    # confirmed, it is asserted; denied, it is negated
    [e] = candidates(nlp, "The Israeli army confirmed that it had struck targets in Syria.")
    assert (e.modality, e.negated) == ("asserted", False)
    [e] = [e for e in candidates(nlp, "Russia denied that its troops had attacked Ukrainian positions.")
           if e.cameo == "190"]
    assert e.negated


def test_refusing_to_tell_is_no_rejection(nlp):
    # "declined to say whether": a declined comment, never a rejection (12x) of something
    text = "The Pentagon declined to say whether troops had been sent to Iraq."
    assert not [e for e in candidates(nlp, text) if e.cameo.startswith("12")]
    [e] = candidates(nlp, "The ministry declined to comment on the report.")
    assert e.cameo == "011"
    # refusing an act is still its rejection
    [e] = candidates(nlp, "Iran refused to meet the American envoy.")
    assert e.cameo == "125"


# ------------------------------------------------- the doer's own forces are no target
def test_the_doers_own_forces_or_envoys_are_what_it_acts_with_not_on(nlp):
    # "withdrawing some of its troops from Syria": done to Syria, not to Russia's own army
    [e] = candidates(nlp, "Russia has begun withdrawing some of its troops from Syria, officials said on Monday.")
    assert (e.cameo, dyad(e)) == ("0874", ("RUS", "SYR"))
    [e] = candidates(nlp, "Russia deployed its troops to Syria.")
    assert dyad(e) == ("RUS", "SYR")


# ------------------------------------------------- where a protest is held is no target of it
def test_the_place_of_a_protest_is_no_target_whom_it_is_against_is(nlp):
    # "the streets of Caracas": where the protest is (exclusions.yaml protest_place_nouns), not VEN
    [e] = candidates(nlp, "Thousands of Venezuelans took to the streets of Caracas to protest the election result.")
    assert e.cameo.startswith("14") and e.target is None
    # the purpose infinitive's "against X" names whom it is against
    [e] = [e for e in candidates(nlp, "Thousands of protesters took to the streets of Caracas to protest "
                                      "against President Nicolas Maduro.") if e.cameo.startswith("14")]
    assert dyad(e)[1] == "VENGOV"
    # near miss: an embassy is the seat of an actor, and a protest outside it is aimed at its country
    [e] = candidates(nlp, "Protesters rallied outside the Chinese embassy in London.")
    assert e.cameo == "141" and dyad(e)[1].startswith("CHN")


# ------------------------------------------------- a signed agreement is made, no intent
def test_a_signed_trade_or_military_agreement_is_asserted_an_agreement_to_sign_is_to_come(nlp):
    # PETRARCH-2 codes SIGN * TRADE TREATY 0311 (an intent): signed, it is 057, asserted
    [e] = candidates(nlp, "Nigeria and Benin signed a trade agreement on Sunday.")
    assert (e.cameo, e.modality) == ("057", "asserted")
    evs = candidates(nlp, "China said it had signed a military agreement with Pakistan.")
    assert [(e.cameo, e.modality) for e in evs] == [("057", "asserted")]
    # near misses: agreeing to sign, or signing to come, stays an intent (03x), future
    evs = [e for e in candidates(nlp, "Nigeria and Benin agreed to sign a trade agreement.") if e.cameo == "0311"]
    assert evs and all(e.modality == "future" for e in evs)
    evs = candidates(nlp, "China will sign a military agreement with Pakistan next month.")
    assert evs and all(e.cameo == "0312" and e.modality == "future" for e in evs)


# ================================================= issue 12, headline events (helper "suite")
def test_a_resignation_told_by_a_noun_is_a_one_actor_yield(nlp):
    text = ("The new governor was sworn in last week following the August 2 resignation of Governor "
            "Maria Fernandez of Oregon over a bribery scandal.")
    [e] = [e for e in candidates(nlp, text, "2019-08-09") if e.cameo.startswith("08")]
    assert (e.cameo, e.plover_mode, e.source.name, e.target) == ("080", "resign", "Maria Fernandez", None)
    # "following" says when the swearing-in was, not that the resignation is to come
    assert (e.modality, e.date) == ("asserted", "2019-08-02")


def test_a_resignation_asked_for_or_demanded_is_no_yield(nlp):
    # near misses: the noun names a resignation wanted, not one that happened
    for text in ("Protesters called for the resignation of the prime minister of Peru.",
                 "Thousands marched to demand the resignation of Prime Minister Imran Khan."):
        assert [(e.cameo, e.modality) for e in candidates(nlp, text)
                if e.cameo == "080" and e.modality == "asserted"] == []


def test_a_resignation_referred_back_to_is_no_second_record(nlp):
    text = ("On Friday, Kurt Volker, the United States special envoy for Ukraine negotiations, resigned "
            "without public explanation. Volker's resignation was the first since the scandal began.")
    assert [(e.cameo, e.sentence) for e in candidates(nlp, text) if e.cameo == "080"] == [("080", 0)]


def test_leaving_office_is_a_one_actor_yield(nlp):
    [e] = [e for e in candidates(nlp, "President Obama left office in January 2017.")
           if e.cameo.startswith("08")]
    assert (e.cameo, e.plover_mode, e.source.code, e.target, e.date) == ("080", "resign", "USAGOV", None, "2017-01")
    # near miss: leaving an office building is no yield
    assert [e.cameo for e in candidates(nlp, "The mayor of Lima left the office building on Tuesday.")
            if e.cameo.startswith("08")] == []


# ------------------------------------------------- headline classes (suite, 2026-12-08, second brief)
# A call or demand for someone's leaving office, a demand for a release, a court's acquittal or
# ruling against a party, a protest whose purpose infinitive names whom it is against.
def test_a_call_or_demand_for_a_resignation_is_a_demand_for_a_change_in_leadership(nlp):
    [e] = candidates(nlp, "Protesters called for the resignation of Prime Minister Imran Khan on Saturday.")
    assert (e.cameo, e.announced_cameo, e.target.name) == ("1041", "0831", "Imran Khan")
    [f] = candidates(nlp, "The opposition demanded the resignation of President Evo Morales.")
    assert (f.cameo, f.announced_cameo, f.target.code) == ("1041", "0831", "BOLGOV")
    [g] = candidates(nlp, "Democrats called for the impeachment of President Donald Trump.")
    assert (g.cameo, g.target.code) == ("1041", "USAGOV")
    # near misses: asking someone for a resignation stays an appeal (0241); a call for the
    # resignation of no one resolved, or for a removal of troops, is no demand for a change in leadership
    [h] = candidates(nlp, "Trump asked for Bolton's resignation.")
    assert h.cameo == "0241"
    assert [e.cameo for e in candidates(nlp, "The union called for the resignation of the board.")
            if e.cameo.startswith("104")] == []
    assert [e.cameo for e in candidates(nlp, "Syria demanded the removal of the Turkish troops.")
            if e.cameo.startswith("104")] == []


def test_a_demand_for_a_release_is_made_of_whoever_holds_the_prisoners(nlp):
    [e] = candidates(nlp, "Britain demanded the release of the sailors by Iran.")
    assert (e.cameo, e.announced_cameo, dyad(e)) == ("1053", "084", ("GBR", "IRN"))
    # near miss: with no holder named, no record aimed at the one to be released
    evs = candidates(nlp, "Thousands of protesters demanded the release of Aung San Suu Kyi.")
    assert [e for e in evs if e.target is not None and e.target.name == "Aung San Suu Kyi"] == []


def test_a_verdict_of_not_guilty_is_an_acquittal_never_a_conviction(nlp):
    [e] = candidates(nlp, "The Lahore High Court found the cleric not guilty on Friday.")
    assert (e.cameo, e.source.code, e.negated) == ("080", "PAKJUD", False)
    [f] = candidates(nlp, "The court declared the former minister innocent on Friday.")
    assert f.cameo == "080"
    assert [e.cameo for e in candidates(nlp, "The cleric was found not guilty by the Lahore High Court.")
            if e.cameo == "116"] == []
    # near miss: a verdict of guilty stays a conviction
    [g] = candidates(nlp, "A court in Paris found two police officers guilty of rape on Thursday.")
    assert g.cameo == "116"


def test_a_courts_ruling_against_a_party_finds_it_liable(nlp):
    [e] = candidates(nlp, "The Supreme Court ruled against President Donald Trump on Tuesday.")
    assert (e.cameo, dyad(e)) == ("116", ("USAJUD", "USAGOV"))
    # near miss: a party or a government that "rules against" something decides, no verdict
    assert [e.cameo for e in candidates(nlp, "The Democratic Party ruled against a coalition with the Greens.")
            if e.cameo == "116"] == []
    assert [e.cameo for e in candidates(nlp, "The German government ruled against Huawei on Tuesday.")
            if e.cameo == "116"] == []


def test_a_protest_in_the_streets_is_against_whom_its_purpose_infinitive_names(nlp):
    [e] = candidates(nlp, "Thousands of people took to the streets to protest against President Alexander Lukashenko.")
    assert (e.cameo[:2], e.target.code) == ("14", "BLRGOV")
    # near miss: a protest that names no one it is against has no target
    [f] = candidates(nlp, "Thousands of people took to the streets to protest.")
    assert f.cameo[:2] == "14" and f.target is None


def test_a_resignation_a_request_asks_for_is_not_done(nlp):
    for text in ("The protesters' demands include the resignation of President Evo Morales.",
                 "The protests continued amid calls for the resignation of President Evo Morales."):
        evs = [e for e in candidates(nlp, text) if e.cameo == "080"]
        assert [e.modality for e in evs] == ["hypothetical"], text
    # near miss: a resignation announced is done
    [e] = candidates(nlp, "Italy's finance minister announced his resignation in 2018.")
    assert (e.cameo, e.modality) == ("080", "asserted")


def test_a_protests_participle_demands_for_whoever_holds_the_protest(nlp):
    evs = candidates(nlp, "Students staged a protest demanding the resignation of President Evo Morales on Sunday.")
    [d] = [e for e in evs if e.cameo.startswith("104")]
    assert (d.cameo, d.source.code, d.target.code) == ("1041", "BOLEDU", "BOLGOV")
    # near miss: a message's participle stays its author's (arguments.yaml message_nouns)
    [e] = candidates(nlp, "Amnesty International published a report accusing the Nigerian army.")
    assert e.cameo[:2] == "11" and e.source.code.startswith("NGO")
