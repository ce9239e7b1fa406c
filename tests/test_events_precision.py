"""Issue 12, point 4 "precision first": classes of records that are no event at all, each removed by
a general rule with its words in resources/events/exclusions.yaml or modality.yaml, each with a
near-miss that must stay a record. Sentences written for these tests in the style of news (none is
taken from an evaluation set). Candidates are read at every confidence (the record policy's threshold is
not what is tested)."""

from __future__ import annotations

import pytest
import helpers


def candidates(nlp, text, date="2019-11-07"):
    return helpers.candidates(nlp, text, date)


def codes(nlp, text):
    return [e.cameo for e in candidates(nlp, text)]


# ------------------------------------------------- natural forces, diseases and animals as doers
@pytest.mark.parametrize("text", [
    "Typhoon Hagibis killed 70 people in Japan and destroyed thousands of homes.",
    "The Ebola virus killed more than 2,000 people in Congo.",
    "Measles has killed 70 children in Samoa.",
    "A shark attacked a surfer off the coast of Australia.",
    "Wolves attacked sheep in the Italian Alps.",
])
def test_nature_disease_or_animal_as_the_doer_is_no_event(nlp, text):
    assert codes(nlp, text) == []


def test_armed_people_as_the_doer_stay_force(nlp):
    assert [c[:2] for c in codes(nlp, "Gunmen killed 70 people in a village in Nigeria.")] == ["19"]
    # a person named like an animal or the weather is a person
    assert [c[:2] for c in codes(nlp, "Chad Wolf attacked the Democrats in a speech.")] == ["11"]


@pytest.mark.parametrize("text", [
    "The firefighters rescued a cat from the tree.",
    "Police shot a bear that had wandered into the town.",
])
def test_an_act_done_to_an_animal_is_no_event(nlp, text):
    assert codes(nlp, text) == []


def test_an_act_done_to_people_stays(nlp):
    assert [c[:2] for c in codes(nlp, "Police shot a man who attacked them with a knife.")] == ["19"]


# ------------------------------------------------- disaster measures are no repression
@pytest.mark.parametrize("text", [
    "The Congolese government imposed a curfew after the earthquake.",
    "The government of Fiji closed all schools because of the cyclone.",
])
def test_disaster_measures_are_no_repression(nlp, text):
    assert codes(nlp, text) == []


def test_a_curfew_on_protesters_stays_repression(nlp):
    assert [c[:3] for c in codes(nlp, "The Chinese government imposed a curfew on Uighur protesters.")] == ["172"]


# ------------------------------------------------- a role or a reputation, why someone is somewhere
@pytest.mark.parametrize("text", [
    "She made a career of prosecuting corrupt officials.",
    "Mendez was an expert in rescuing Americans trapped in hostile countries.",
    "Turkish forces remain in northern Iraq to attack PKK militants.",
])
def test_a_role_or_the_purpose_of_a_presence_is_no_act(nlp, text):
    assert codes(nlp, text) == []


def test_going_somewhere_to_fight_is_still_the_fight(nlp):
    assert "19" in [c[:2] for c in codes(nlp, "Russian troops went to Syria to fight ISIS.")]


# ------------------------------------------------- what someone is told to do is not done
def test_what_the_police_are_told_to_do_is_an_order_to_ones_own_forces(nlp):
    assert codes(nlp, "The minister told the police to arrest the smugglers.") == []
    assert codes(nlp, "The minister told the army to protect the border and to arrest smugglers.") == []


def test_telling_another_actor_to_act_is_a_demand_with_the_act_announced(nlp):
    evs = candidates(nlp, "The Russian president told Ukraine to withdraw its troops from the border.")
    assert [(e.cameo[:2], e.announced_cameo, e.trigger.text) for e in evs] == [("10", "0874", "told")]


def test_telling_reporters_what_happened_is_no_order(nlp):
    evs = candidates(nlp, "The Russian president told reporters that Ukraine had attacked the border post.")
    assert [e.cameo[:2] for e in evs] == ["19"] and evs[0].announced_cameo is None


# ------------------------------------------------- legends and myths
@pytest.mark.parametrize("text", [
    "According to legend, Romulus killed his brother Remus and founded Rome.",
    "By tradition, the king gave the relic to the cathedral of Chartres.",
    "In Greek mythology, Zeus punished Prometheus for giving fire to humans.",
])
def test_what_a_legend_tells_is_no_event(nlp, text):
    assert codes(nlp, text) == []


def test_what_the_police_tell_is_still_an_event(nlp):
    assert [c[:2] for c in codes(nlp, "According to police, the Russian army attacked the Ukrainian village.")] == ["19"]


# ------------------------------------------------- private giving
@pytest.mark.parametrize("text", [
    "Albert Jones, a surgeon, provided the students with a grant for their training.",
    "Mary Smith, a retired teacher, donated her savings to the local school.",
])
def test_giving_between_private_people_is_no_aid(nlp, text):
    assert codes(nlp, text) == []


def test_a_governments_gift_stays_aid(nlp):
    assert [c[:2] for c in codes(nlp, "The Russian government donated ten million dollars to Syria.")] == ["07"]


@pytest.mark.parametrize("text", [
    # an aid organisation is no private person, though its code carries the health sector
    "Norwegian doctors delivered 300 boxes of vaccines to the Red Cross in Goma.",
    # no recipient found: who got the aid is unknown, so it is not private giving
    "Danish nurses handed over two tonnes of medicine in the flooded province.",
])
def test_aid_to_or_from_an_organisation_stays_aid(nlp, text):
    assert [c[:2] for c in codes(nlp, text)] == ["07"]


def test_the_european_community_is_the_union_not_civilians(nlp):
    # the Union under its former name gives aid as an organisation, with or without a recipient
    for text in ("The European Community on Tuesday gave Senegal 4 million dollars of aid for irrigation.",
                 "The European Community on Tuesday gave 4 million dollars of aid for irrigation projects."):
        [e] = candidates(nlp, text)
        assert (e.cameo[:2], e.source.code) == ("07", "IGOEUREEC")


# ------------------------------------------------- what someone wants another to do is not done
def test_what_someone_wants_another_to_do_is_hypothetical(nlp):
    [e] = candidates(nlp, "The opposition leader wants the government to resign.")
    assert e.modality.value == "hypothetical"


def test_what_someone_says_another_did_stays_asserted(nlp):
    evs = candidates(nlp, "The opposition leader said the government resigned.")
    assert [(e.cameo[:2], e.modality.value) for e in evs] == [("08", "asserted")]


# ------------------------------------------------- a habit described
@pytest.mark.parametrize("text", [
    "Police in the city routinely arrest homeless people.",
    "The Russian army regularly shells Ukrainian villages and kills civilians.",
    "Each year the UN General Assembly condemns the US embargo on Cuba.",
])
def test_a_habit_in_the_simple_present_is_no_act(nlp, text):
    assert codes(nlp, text) == []


def test_a_dated_act_a_present_headline_and_a_repeated_perfect_stay(nlp):
    assert [c[:2] for c in codes(nlp, "The Russian army shelled Ukrainian villages on Tuesday.")] == ["19"]
    assert [c[:3] for c in codes(nlp, "Putin accuses the West of hypocrisy, Russian media report.")] == ["112"]
    assert "112" in codes(nlp, "Russia has repeatedly accused Ukraine of shelling the town.")
    assert [c[:2] for c in codes(nlp, "This year the UN General Assembly condemned the US embargo on Cuba.")] == ["11"]



# ------------------------------------------------- issue 12, wrong codes on ordinary news (part F classes)
def test_according_to_is_no_accord_entered(nlp):
    # "according" is the preposition of a source, never the noun "accord" (PETRARCH's ENTER * &TREATY)
    assert "057" not in codes(nlp, "Turkish troops entered Kobani and Tal Abyad on Monday according to Syrian state media.")
    assert "057" in codes(nlp, "Iran and France entered into an accord on Monday.")


def test_an_appeal_for_an_act_is_the_appeal_with_the_act_announced(nlp):
    [e] = candidates(nlp, "Human Rights Watch called for an investigation into the killings of protesters in Iraq.")
    assert (e.cameo[:2], e.announced_cameo) == ("02", "090")
    assert [c[:2] for c in codes(nlp, "The Russian government launched an investigation into the killings.")] == ["09"]


def test_a_withdrawal_from_a_race_or_of_money_is_no_military_retreat(nlp):
    assert codes(nlp, "The Thai opposition party withdrew its candidate for prime minister on Sunday.") == ["080"]
    assert codes(nlp, "The US president plans to pull funding for the wall from other military projects.") == []
    assert codes(nlp, "Russia withdrew its troops from the Ukrainian border.")[0].startswith("087")


def test_what_one_says_another_did_is_an_accusation_not_a_claim(nlp):
    assert codes(nlp, "French prosecutors alleged the accused carried out three bombings.") == ["112"]
    assert codes(nlp, "The Taliban claimed the attack on the Afghan army base.") == ["015"]
    assert codes(nlp, "The Islamic State claimed its fighters carried out the attack on the Iraqi army.") == ["015"]
    # an armed group claiming what its unnamed bomber did claims it
    assert "015" in codes(nlp, "Al-Shabaab claimed that a suicide bomber carried out the attack.")


def test_the_outlets_own_interview_is_no_event(nlp):
    assert codes(nlp, "The Iranian minister agreed to answer some questions for Wikinews.") == []
    # what the outlet is told keeps its own act
    assert [c[:2] for c in codes(nlp, "The mayor told Wikinews that the Russian army attacked the Ukrainian village.")] == ["19"]


def test_money_denied_is_a_rejected_request_for_aid(nlp):
    assert codes(nlp, "The US Congress has repeatedly denied funding for the border wall.") == ["122"]
    assert codes(nlp, "The Russian government denied the allegations.") == ["016"]


def test_thinking_over_or_hearing_a_case_is_no_meeting(nlp):
    evs = candidates(nlp, "The French ambassador urged the Iranian government to reconsider.")
    assert [(e.cameo, e.announced_cameo) for e in evs] == [("020", None)]
    assert not [c for c in codes(nlp, "The US Supreme Court declined to hear the case.") if c.startswith(("04", "125"))]


def test_a_finite_verb_joined_to_an_infinitive_is_the_subjects_own_act(nlp):
    evs = candidates(nlp, "The British foreign minister urged Iran to reconsider and spoke with the French foreign minister about the case.")
    assert ("04", "asserted", "GBRGOV") in [(e.cameo[:2], e.modality.value, e.source.code) for e in evs]


def test_a_message_speaking_of_an_act_meets_no_one(nlp):
    assert codes(nlp, "Russia and China issued statements speaking of a new partnership.") == []


def test_a_courts_order_is_the_act_ordered(nlp):
    evs = candidates(nlp, "A French judge ordered the accused remain in custody until his trial.")
    assert [(e.cameo, e.announced_cameo) for e in evs] == [("1243", None)]
    # a government's order to another actor stays a demand
    evs = candidates(nlp, "The Russian president ordered the Syrian government to release the prisoners.")
    assert [e.cameo[:2] for e in evs] == ["10"]


def test_the_means_of_an_act_is_no_second_act(nlp):
    assert len(codes(nlp, "The Taliban killed a policeman by shooting him in the head.")) == 1
    assert len(codes(nlp, "Waseem, a Pakistani man, confessed to killing his sister by strangling her.")) == 1


def test_who_alone_may_act_is_a_rule_not_an_act(nlp):
    assert codes(nlp, "A federal court said the dispute can only be resolved by the US Congress.") == []
    assert codes(nlp, "Only the US Congress can declare war on another country.") == []
    # an ability stated without the restriction stays what it was
    assert codes(nlp, "The Russian army can attack Ukraine from the north.") != []


def test_what_we_need_to_do_is_no_demand(nlp):
    text = 'The Taiwanese activist said, "we still need to fight for adoption rights and equal pay."'
    assert codes(nlp, text) == []  # no demand, and nothing fought yet
    # what another needs to do stays a demand
    assert [c[:2] for c in codes(nlp, "The protesters demanded their rights from the Taiwanese government.")] == ["10"]


def test_a_wish_to_cooperate_is_an_intent_a_wish_for_anything_else_no_act(nlp):
    [e] = candidates(nlp, "Iran wants to talk with the United States about the nuclear deal.")
    assert (e.cameo, e.announced_cameo, e.modality.value) == ("036", "040", "future")
    text = "The British prime minister said the Labour leader wants to cancel the referendum and argue about Brexit for years."
    assert not [c for c in codes(nlp, text) if c.startswith("11")]
    # what one wants another to do stays hypothetical (test above); a threat stays a threat
    assert [c[:2] for c in codes(nlp, "Iran threatened to attack US ships in the Gulf.")] == ["13"]


# ------------------------------------------------- codes on ordinary news (2026-12-08)
def test_force_on_protesters_at_home_is_violent_repression(nlp):
    [e] = candidates(nlp, "Riot police fired rubber bullets at protesters in Santiago on Friday.")
    assert e.cameo == "175"
    # an attacker shot by police, and foreign troops firing on protesters, keep the force
    [e] = candidates(nlp, "French police shot a man who had stabbed three officers in Paris.")
    assert e.cameo[:2] == "19"
    [e] = candidates(nlp, "Israeli troops fired on Palestinian protesters near the Gaza border fence.")
    assert e.cameo[:2] == "19"


def test_a_private_persons_hopes_are_no_comment_of_record(nlp):
    text = 'The boy\'s mother said "I really look forward to the day I can see my children again."'
    assert [c for c in codes(nlp, text) if c.startswith("01")] == []
    # an official's optimism stays an optimistic comment
    assert "013" in codes(nlp, "The Iranian foreign minister said he remained optimistic that a deal would be reached.")


def test_an_order_to_no_actor_is_no_demand(nlp):
    assert codes(nlp, "Prime Minister Jacinda Ardern instructed ODESC to report to Cabinet on Monday.") == []
    # an order to another side stays a demand
    assert [c[:2] for c in codes(nlp, "The Russian president ordered Ukraine to withdraw its troops.")] == ["10"]


def test_helping_an_investigation_is_judicial_cooperation(nlp):
    text = "Paul Manafort, the former campaign chairman of Donald Trump, agreed to help with Robert Mueller's investigation."
    [e] = candidates(nlp, text)
    assert (e.cameo, e.announced_cameo, e.target.name) == ("0313", "063", "Robert Mueller")
    # help given to someone else stays what it was
    assert [c[:2] for c in codes(nlp, "Russia helped Syria with weapons and advisers.")] == ["05"]


def test_making_something_easier_or_better_is_no_cooperation(nlp):
    text = "In July, he helped facilitate a meeting between Rudy Giuliani and Andriy Yermak, an aide of Volodymyr Zelensky."
    assert [c for c in codes(nlp, text) if c.startswith("06")] == []
    assert codes(nlp, "The Indian government wants to improve the economy and simplify the tax code.") == []
    # the block's patterns stay: relations improved, sanctions eased
    assert "030" in codes(nlp, "China and Russia agreed to improve relations.")
    assert "085" in codes(nlp, "The United States eased sanctions on Iran.")


def test_a_campaign_or_government_rally_is_no_protest(nlp):
    assert codes(nlp, "Donald Trump held a rally in Ohio on Saturday.") == []
    assert codes(nlp, "Donald Trump held a campaign rally in Ohio on Saturday.") == []
    # a rally against someone, and one of the opposition, stay protests
    assert codes(nlp, "The Iranian president held a rally against the United States sanctions in Tehran.") == ["141"]
    assert codes(nlp, "The opposition held a rally against the government in Caracas.") == ["141"]


def test_a_hearing_on_a_nomination_or_a_bill_is_routine_business(nlp):
    assert codes(nlp, "The Senate will hold a hearing on the nomination next week.") == []
    # a hearing on someone's conduct stays an inquiry
    assert codes(nlp, "The UK parliament held a hearing on the conduct of the police.") == ["090"]


def test_a_published_message_is_its_own_authors(nlp):
    [e] = candidates(nlp, "The newspaper published a letter from the senator criticizing the president.")
    assert e.cameo == "111" and e.source.sector == "LEG"


def test_declaring_an_election_winner_is_no_praise(nlp):
    assert codes(nlp, "The election commission declared Joe Biden the winner of the vote in Georgia.") == []


def test_dismissing_a_disease_refuses_nothing(nlp):
    assert codes(nlp, "Brazilian President Jair Bolsonaro dismissed the virus as a little flu.") == []
    # a proposal or an accusation dismissed stays
    assert codes(nlp, "The Iranian government rejected the proposal of the European Union.") == ["120"]


def test_hosting_a_thing_is_no_visit(nlp):
    assert codes(nlp, "The Polish president hosted a ceremony for the anniversary of the Warsaw Uprising.") == []
    assert codes(nlp, "The Chinese president hosted the Russian president in Beijing.") == ["043"]


def test_releasing_a_publication_frees_no_one(nlp):
    assert codes(nlp, "The Supreme Court ruled that the president must release his tax returns.") == []
    assert [c[:3] for c in codes(nlp, "The Taliban released three Indian engineers on Sunday.")] == ["084"]


def test_what_an_agreement_is_for_is_to_come(nlp):
    evs = candidates(nlp, "Russia and Turkey reached an agreement for Turkish troops to withdraw from the town.")
    assert [(e.cameo, e.modality.value) for e in evs if e.cameo == "057"] == [("057", "asserted")]
    withdrawal = [e for e in evs if e.trigger.text == "withdraw"]
    assert withdrawal and all(e.modality.value != "asserted" for e in withdrawal)
    # a "for X to" clause of time stays what it was
    [e] = candidates(nlp, "It took three hours for the Syrian army to enter the town.")
    assert e.modality.value == "asserted"


def test_a_bare_gerund_after_a_preposition_of_time_is_no_act_of_the_subject(nlp):
    assert [c for c in codes(nlp, "The mayor of Chicago imposed a curfew after looting.") if c.startswith("14")] == []
    # a gerund with its object keeps its doer
    assert "190" in codes(nlp, "The Israeli army withdrew after attacking the village.")


def test_a_purpose_infinitive_of_protest_on_a_protest_is_that_protest(nlp):
    # "took to the streets to protest against ...": one protest, no second record (120 or 14x)
    assert codes(nlp, "Thousands of people took to the streets of Caracas to protest against the election result.") \
        == ["141"]
    assert codes(nlp, "Supporters marched to the capital to demonstrate against the government.") == ["141"]
    # another purpose keeps its own record
    assert "180" in codes(nlp, "Thousands of people took to the streets to attack the police.")
