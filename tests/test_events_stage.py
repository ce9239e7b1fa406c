"""The events stage on its own (after actors and time): coding, negation, modality, date, place."""

from __future__ import annotations

from helpers import run_stages


def events(nlp, text, date="2026-02-04"):
    return run_stages(nlp, text, date, names=("actors", "time", "events")).events


def events_with_statements(nlp, text, date="2026-02-04"):
    """The events with bare statements (CAMEO 010) kept, as `accord extract --statements` gives."""
    from accord.events.policy import RecordPolicy
    from helpers import stages

    stage = stages()["events"]
    saved, stage.policy = stage.policy, RecordPolicy(min_confidence=stage.policy.min_confidence, statements=True)
    try:
        return events(nlp, text, date)
    finally:
        stage.policy = saved


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
    # A plan is an expression of intent (CAMEO 036, as the manual codes it), the visit announced
    # kept in announced_cameo; one record, never an asserted visit.
    [planned] = events(nlp, "Emmanuel Macron plans to visit Egypt.")
    assert (planned.cameo, planned.announced_cameo, planned.modality) == ("036", "042", "future")
    assert planned.trigger.text == "plans to visit"


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


# ------------------------------------------------------- session 2: main event, codes from frames
def detections(nlp, text, date="2026-02-04"):
    return run_stages(nlp, text, date, names=("actors", "time", "events")).detections


def main_of(nlp, text):
    from accord.events.classes import rules_main

    return rules_main(detections(nlp, text))


def test_main_event_is_the_reported_one_not_the_statement(nlp):
    main = main_of(nlp, "Officials said Vladimir Putin met Recep Tayyip Erdogan in Sochi.")
    assert main.code == "040" and main.level == 0 and not main.frame
    # A participle clause and a relative clause are background to the main clause's event.
    main = main_of(nlp, "Syrian warplanes attacked the town, killing dozens of people who had fled.")
    assert main.code.startswith("19")


def test_refusal_gives_the_cameo_refusal_code(nlp):
    [e] = events(nlp, "Israel refused to meet Jordan's King Abdullah.")
    assert e.cameo == "125" and e.negated is False and e.source.country == "ISR"
    assert e.announced_cameo == "040" and e.modality == "asserted"
    # "did not meet" stays a negated meeting, never an asserted one
    [n] = events(nlp, "Israel did not meet Jordan's King Abdullah.")
    assert n.cameo == "040" and n.negated is True


def test_reported_would_is_future_and_an_intent(nlp):
    det = next(d for d in detections(nlp, "Syria said it would withdraw its troops from Lebanon.")
               if d.code.startswith("087") and not d.frame)
    assert det.modality == "future" and det.coded_as.startswith("035")
    # accepting refugees is refuge granted (075); saying one will not is a refusal (12x)
    refused = next(d for d in detections(nlp, "Syria says it will not accept any more refugees.") if d.code.startswith("075"))
    assert refused.negated and refused.coded_as.startswith("12")


def test_threats_demands_and_conditions(nlp):
    threat = main_of(nlp, "France threatened to impose sanctions on Iran.")
    assert threat.coded_as == "1312"
    demand = main_of(nlp, "Russia said on Tuesday that Sudan must return the helicopter.")
    assert demand.coded_as.startswith("10")
    conditional = main_of(nlp, "The European Union may halt talks with Serbia if the fighting continues.")
    assert conditional.coded_as.startswith("13")


def test_protest_word_classes(nlp):
    text = "Students staged a demonstration against the Indonesian government."
    demo = main_of(nlp, text)
    assert demo.code == "141" and "light-verb" in demo.rule
    assert text[demo.source_span[0]:demo.source_span[1]] == "Students"
    assert text[demo.target_span[0]:demo.target_span[1]] == "the Indonesian government"
    assert main_of(nlp, "Teachers in Nigeria went on strike.").code == "143"
    assert main_of(nlp, "Opposition activists began a hunger strike.").code == "142"
    text = "Hamas protests continued in Gaza."
    protests = main_of(nlp, text)  # a compound that names an actor is the protest's doer
    assert protests.code == "141" and text[protests.source_span[0]:protests.source_span[1]] == "Hamas"
    assert main_of(nlp, "Palestinian protesters rioted in Hebron.").code == "145"
    # an air strike is an attack, not a labour strike
    assert main_of(nlp, "Israel launched air strikes on Gaza.").code.startswith("19")


def test_retreat_and_easing_word_classes(nlp):
    assert main_of(nlp, "Serbia lifted the curfew in Montenegro.").code == "0813"
    assert main_of(nlp, "Rebels surrendered to the army in Soroti.").code == "0874"
    assert main_of(nlp, "Japan halted economic aid to Serbia.").code == "162"


def test_reported_speech_records_the_statement_and_the_event(nlp):
    evs = events_with_statements(nlp, "Xi Jinping said China will host Vladimir Putin in Beijing.")
    statement = [e for e in evs if e.cameo.startswith("01")]
    hosted = [e for e in evs if e.cameo == "043"]
    assert statement and statement[0].source.name == "Xi Jinping" and statement[0].modality == "asserted"
    # A scheduled act stated without a word of intent keeps its code, modality future
    assert hosted and hosted[0].modality == "future" and hosted[0].announced_cameo is None
    # The statement is not addressed to the speaker's own country
    assert all(e.target is None or e.target.country != "CHN" for e in statement)


def test_target_is_the_recipient_not_the_thing_given(nlp):
    main = main_of(nlp, "The United States military gave 625 new firearms to the Philippine Marines.")
    text = "The United States military gave 625 new firearms to the Philippine Marines."
    assert text[main.target_span[0]:main.target_span[1]] == "the Philippine Marines"


def test_as_well_as_adds_a_doer(nlp):
    evs = events(nlp, "Leaders from France and Canada have flocked to Beijing, as well as Beijing's ally Uruguay.")
    assert sorted(e.source.country for e in evs if e.cameo == "042") == ["CAN", "FRA", "URY"]


def _target_text(nlp, text):
    main = main_of(nlp, text)
    return text[main.target_span[0]:main.target_span[1]] if main.target_span else None


def test_a_date_is_never_the_target(nlp):
    assert _target_text(nlp, "The governor resigned on Tuesday.") is None
    assert _target_text(nlp, "Oman called on Friday for calm.") != "Friday"


def test_a_participle_restating_the_event_noun_carries_its_target(nlp):
    [e] = [e for e in events(nlp, "The European Union lifted the sanctions imposed on Belarus.") if e.cameo == "085"]
    assert e.target.code == "BLR"


def test_an_actor_inside_the_argument_phrase_is_the_target(nlp):
    [e] = [e for e in events(nlp, "Hungary rejected a proposal from Austria.") if e.cameo.startswith("12")]
    assert dyad(e) == ("HUN", "AUT")
    text = "Kenya pledged support for the Somali government."
    assert _target_text(nlp, text) == "support for the Somali government"
    assert any(e.target is not None and e.target.country == "SOM" for e in events(nlp, text))


def test_an_opponent_inside_the_phrase_is_not_a_cooperative_target(nlp):
    evs = events(nlp, "Tehran and Caracas have sought to present a united front against Washington.")
    assert not any(e.target is not None and e.target.country == "USA" and e.cameo.startswith("0") for e in evs)


def test_the_dative_recipient_comes_before_the_thing_sent(nlp):
    assert _target_text(nlp, "Poland sent soldiers to Lithuania.") == "Lithuania"


def test_an_offer_to_act_is_an_expressed_intent(nlp):
    main = main_of(nlp, "On Monday, the Tanzanian president offered to negotiate with the rebels.")
    assert main.coded_as.startswith("03") and main.modality == "future"


def test_a_statement_is_about_the_subject_it_reports(nlp):
    text = "The ministry said Portugal is committed to the agreement."
    statement = next(d for d in detections(nlp, text) if d.code.startswith("01"))
    assert text[statement.target_span[0]:statement.target_span[1]] == "Portugal"
    text = "Officials said they hoped Costa Rica would join."
    statement = next(d for d in detections(nlp, text) if d.code.startswith("01"))
    assert text[statement.target_span[0]:statement.target_span[1]] == "Costa Rica"


def test_a_word_the_pattern_names_is_the_event_not_its_target(nlp):
    # PETRARCH's "* &MILITARY": the troops describe the sending; the destination is the target.
    text = "Italy promised to send more soldiers for Lebanon."
    main = main_of(nlp, text)
    assert "Lebanon" in text[main.target_span[0]:main.target_span[1]]
    text = "The senator expressed optimism about the budget deal."
    assert _target_text(nlp, text) == "the budget deal"


def test_where_a_ceasefire_blockade_or_aid_suspension_applies_is_its_target(nlp):
    assert _target_text(nlp, "The rebels declared a ceasefire in Darfur.") == "Darfur"
    assert _target_text(nlp, "Soldiers imposed blockades around villages in Kashmir.") == "villages in Kashmir"
    assert _target_text(nlp, "The agency suspended food deliveries in Mali.") == "Mali"


def test_the_town_taken_and_the_demands_met_name_the_target(nlp):
    assert _target_text(nlp, "Militants overran a police post near Kabul.") == "a police post near Kabul"
    assert _target_text(nlp, "The cabinet accepted the demands by striking teachers.") == "striking teachers"


def test_a_claim_of_ones_own_act_is_about_its_object(nlp):
    text = "The rebels claimed that they had attacked an army convoy near Homs."
    statement = next(d for d in detections(nlp, text) if d.code.startswith("01"))
    assert text[statement.target_span[0]:statement.target_span[1]] == "an army convoy near Homs"


def test_swearing_to_attack_is_a_threat(nlp):
    main = main_of(nlp, "The militia swore to attack the capital.")
    assert main.coded_as.startswith("13") and main.modality == "future"


def test_a_resignation_is_a_retreat_as_the_plover_manual_says(nlp):
    # CAMEO 080 (yield), as the development set codes resignations; 0831 (accede to demands for
    # a change in leadership) needs a text that says demands were met
    [e] = events(nlp, "Peru's interior minister resigned on Monday.")
    assert (e.cameo, e.plover, e.plover_mode) == ("080", "RETREAT", "resign")
    assert main_of(nlp, "The Latvian prime minister stepped down.").code == "080"
    assert main_of(nlp, "Rebels stepped up their attacks on the army.").code not in ("080", "0831")


def test_a_pronoun_argument_is_spanned_by_the_name_it_stands_for(nlp):
    text = "Chancellor Olaf Scholz arrived in Kyiv, where he condemned Russia."
    condemned = next(d for d in detections(nlp, text) if d.code.startswith("11"))
    assert text[condemned.source_span[0]:condemned.source_span[1]] == "Chancellor Olaf Scholz"


def test_an_event_noun_takes_the_factuality_of_the_verb_it_is_the_object_of(nlp):
    # Hosting talks is the talks: one record, future, dated by "next week" (2026-W12, in March).
    evs = events(nlp, "China will host talks with India next week.", date="2026-03-10")
    assert [(e.cameo[:2], dyad(e), e.modality) for e in evs] == [("04", ("CHN", "IND"), "future")]
    assert (evs[0].date, evs[0].date_precision, evs[0].date_basis) == ("2026-03", "month", "text")
    # Saying that one will not do it is refusing it (CAMEO 125 for talks), never the talks asserted
    [refused] = events(nlp, "China will not host talks with India.")
    assert (refused.cameo[:2], refused.announced_cameo[:2], refused.negated) == ("12", "04", False)
    [denied] = [e for e in events(nlp, "Iran denied any talks with the United States.") if e.cameo == "040"]
    assert denied.negated is True
    [none] = events(nlp, "There were no talks between Iran and the United States.")
    assert none.negated is True and {none.source.code, none.target.code} == {"IRN", "USA"}
    # A verb that presupposes the event leaves it as it is: the talks welcomed took place.
    [talks] = [e for e in events(nlp, "The United States welcomed the talks between Israel and Hamas.")
               if e.cameo == "040"]
    assert talks.modality == "asserted" and not talks.negated and talks.source.code == "ISR"


def test_talks_between_two_parties_are_theirs(nlp):
    [e] = events(nlp, "Talks between Russia and Ukraine were held in Abu Dhabi on Sunday.")
    assert e.cameo == "040" and {e.source.code, e.target.code} == {"RUS", "UKR"}
    assert (e.date, e.location.name) == ("2026-02-01", "Abu Dhabi")


def test_an_accused_act_is_alleged_and_done_by_the_accused(nlp):
    [e] = events(nlp, "North Korea has been accused of firing missiles at South Korea.")
    assert e.cameo.startswith("19") and dyad(e) == ("PRK", "KOR") and e.modality == "alleged"
    [f] = [e for e in events(nlp, "Japan accused North Korea of attacking South Korea.") if e.cameo.startswith("19")]
    assert dyad(f) == ("PRK", "KOR") and f.modality == "alleged"


def test_a_threat_is_one_record_carrying_the_act_threatened(nlp):
    [threat] = events(nlp, "Israel threatened to strike Iran.")
    assert (threat.cameo, threat.announced_cameo, dyad(threat)) == ("138", "190", ("ISR", "IRN"))
    assert threat.modality == "asserted" and not threat.negated


def test_a_reporting_verb_is_the_statement_even_when_a_pattern_names_the_reported_event(nlp):
    for speaker in ("The Chinese foreign minister", "Officials"):
        evs = events_with_statements(nlp, f"{speaker} said China would impose sanctions on Japan.")
        assert sorted(e.cameo for e in evs) == ["010", "163"]
        # By default a bare statement is no record (`accord extract --statements` keeps it).
        assert sorted(e.cameo for e in events(nlp, f"{speaker} said China would impose sanctions on Japan.")) == ["163"]
        assert next(e for e in evs if e.cameo == "163").modality == "future"
    # The Chinese minister's statement is not addressed to China, his own country
    evs = events(nlp, "The Chinese foreign minister said China would impose sanctions on Japan.")
    assert all(e.target is None or e.target.country == "JPN" for e in evs)


def test_a_wire_dateline_does_not_date_the_story_events(nlp):
    [e] = events(nlp, "BEIJING, March 10, 2026 (AP) — Putin and Xi will meet next week.", date="2026-03-10")
    assert (e.date, e.date_precision) == ("2026-03", "month")


def test_a_weekend_or_week_across_two_months_keeps_its_year(nlp):
    [e] = events(nlp, "The leaders of France and Germany met last weekend in Paris.", date="2026-03-10")
    assert (e.date, e.date_precision) == ("2026-03", "month")
    [f] = events(nlp, "Putin and Xi will meet next week.", date="2026-03-25")  # Mar 30 - Apr 5
    assert (f.date, f.date_precision) == ("2026", "year")


def test_a_nominal_attack_with_an_adjective_of_nationality(nlp):
    evs = events(nlp, "Japan condemned the Chinese attack on Taiwan.")
    assert ("CHN", "TWN") in {dyad(e) for e in evs if e.cameo.startswith("19")}
    [inv] = events(nlp, "Russia's invasion of Ukraine began in February 2022.")
    assert dyad(inv) == ("RUS", "UKR") and inv.date == "2022-02"


def test_claimed_believed_and_accused_acts_are_alleged(nlp):
    for text in ("Russia claimed to have captured the Ukrainian town of Bakhmut.",
                 "Beijing is believed to have supplied weapons to Moscow.",
                 "Hamas rejected accusations that it had attacked Israeli civilians."):
        evs = [e for e in events(nlp, text) if not e.cameo.startswith("01")]
        assert evs and all(e.modality == "alleged" for e in evs), text
    # Rejecting the accusation is itself an event: a denial of responsibility (CAMEO 016), asserted
    [denial] = [e for e in events(nlp, "Hamas rejected accusations that it had attacked Israeli civilians.")
                if e.cameo.startswith("01")]
    assert denial.cameo == "016" and denial.modality == "asserted" and dyad(denial)[0].startswith("PSE")


def test_it_after_a_modal_is_the_reporting_country(nlp):
    [attack] = [e for e in events(nlp, "Israel said it would not attack Iran.") if e.cameo.startswith("19")]
    assert dyad(attack) == ("ISR", "IRN") and attack.negated and attack.modality == "future"


def test_a_military_parade_or_drill_is_a_show_of_force(nlp):
    [held] = events(nlp, "China held a massive military parade in Beijing.")
    assert held.cameo == "150" and dyad(held) == ("CHN", None) and held.location.name == "Beijing"
    # The parade named by its host is a record of its own beside the guest's visit.
    evs = events(nlp, "Putin attended North Korea's military parade in Pyongyang.")
    assert {(e.cameo, dyad(e)) for e in evs} == {("042", ("RUSGOV", "PRKGOV")), ("150", ("PRK", None))}
    [drills] = events(nlp, "China conducted military drills around Taiwan.")
    assert drills.cameo == "150" and dyad(drills) == ("CHN", "TWN")
    # Exercises with a partner are military cooperation, joint or not.
    for text in ("China held joint military exercises with Russia.", "China held military exercises with Russia."):
        assert {(e.cameo, dyad(e)) for e in events(nlp, text)} >= {("062", ("CHN", "RUS"))}, text
    # A parade that shows no force is no event.
    assert events(nlp, "Thousands watched the carnival parade in Rio.") == []


def test_a_nominal_event_names_its_doer_after_by(nlp):
    [visit] = events(nlp, "The visit by Emmanuel Macron to China took place on Monday.")
    assert visit.cameo == "042" and dyad(visit) == ("FRAGOV", "CHN") and visit.date == "2026-02-02"
    [attack] = events(nlp, "The attack by Israel on Gaza killed dozens.")
    assert attack.cameo.startswith("19") and dyad(attack)[0] == "ISR"


def test_returned_property_and_eased_or_imposed_tariffs(nlp):
    [back] = events(nlp, "The United States returned two paintings to the government of Brazil.")
    assert back.cameo == "0842" and dyad(back) == ("USA", "BRAGOV")
    [eased] = events(nlp, "The U.S. rolled back tariffs on Chinese goods.")
    assert eased.cameo == "085" and dyad(eased) == ("USA", "CHN")
    [imposed] = events(nlp, "Trump imposed tariffs on Chinese goods.")
    assert imposed.cameo == "163" and dyad(imposed) == ("USAGOV", "CHN")
    # "returned to" with no object is no return of property
    assert all(e.cameo != "0842" for e in events(nlp, "Russia returned to the talks with Ukraine."))


def test_a_resignation_concedes_to_the_country_of_the_office(nlp):
    [e] = events(nlp, "Suharto resigned as president of Indonesia on 21 May 1998.")
    assert e.cameo == "080" and dyad(e)[1] == "IDNGOV" and e.date == "1998-05-21"


def test_on_behalf_of_is_never_the_target(nlp):
    for e in events(nlp, "Japan's envoy expressed condolences to the family of the victims on behalf of the people of Taiwan."):
        assert dyad(e)[1] != "TWN"


def test_a_described_word_is_about_the_clause_that_completes_it(nlp):
    evs = events(nlp, "Egypt rejected appeals to release Mohamed Soltan, an American citizen.")
    assert any(e.cameo == "120" and dyad(e)[0] == "EGY" and (dyad(e)[1] or "").startswith("USA") for e in evs)
