"""Issue 12, targets of the records: an act whose pattern names no actor it is done to takes the
actor a preposition of direction puts on the act itself ("against X", "on X", "to X"). Sentences
written for these tests in the style of news; candidates are read at every confidence (the
record policy's threshold is not what is tested)."""

from __future__ import annotations

from test_events_news_precision import candidates, dyad


def test_a_protest_in_protest_against_someone_is_done_to_them(nlp):
    [e] = candidates(nlp, "Teachers in Chile started a hunger strike in protest against the Chilean government.")
    assert e.cameo == "142" and dyad(e) == ("CHLEDU", "CHLGOV")
    assert "tgt=direction:against" in e.explain


def test_forces_mobilised_for_an_offensive_against_someone(nlp):
    [e] = candidates(nlp, "The Kenyan army mobilised its troops for a ground offensive against al-Shabaab.")
    assert e.cameo == "154" and dyad(e) == ("KENMIL", "SOMREB")


def test_an_investigation_opened_against_people_is_done_to_them(nlp):
    [e] = candidates(nlp, "Prosecutors in Brazil opened a fraud investigation yesterday against two executives of Petrobras.")
    assert e.cameo == "090" and dyad(e) == ("BRAJUD", "BRABUS")


def test_restrictions_lifted_to_a_country_on_the_verbs_object(nlp):
    [e] = candidates(nlp, "Venezuela lifted travel restrictions to Colombia on Monday.")
    assert e.cameo == "081" and dyad(e) == ("VEN", "COL")


def test_a_time_phrase_against_someone_is_no_target_and_statements_keep_their_own_rules(nlp):
    # "during a campaign against the rebels" says when; the people killed are whom it was done to
    assert all(e.target is None or e.target.code != "REB"
               for e in candidates(nlp, "Police officers shot the villagers during a campaign against the rebels."))
    # a statement's audience or topic is not found this way ("spoke to", "said on")
    assert all("tgt=direction" not in e.explain
               for e in candidates(nlp, "The minister said on television that Japan will send aid to Nepal."))


def test_cooperation_against_someone_has_no_target_there(nlp):
    # whom a cooperative act is set against is its opponent, not its partner
    for text, opponent in (("Iran offered military cooperation against Israel.", "ISR"),
                           ("Beijing and Moscow pledged to deepen their partnership against the United States.", "USA")):
        evs = candidates(nlp, text)
        assert evs and all(e.target is None or e.target.code != opponent for e in evs)


def test_an_attitude_about_a_gerund_is_about_the_gerunds_object(nlp):
    # "pessimism over holding talks with X": what the attitude is about is the gerund's act, the
    # actor in its object or its prepositions is the target
    evs = candidates(nlp, "The Japanese government expressed pessimism over resuming negotiations with North Korea.")
    assert any(e.cameo == "012" and dyad(e) == ("JPNGOV", "PRK") for e in evs)
    evs = candidates(nlp, "Germany expressed concern about sending more troops to Mali.")
    assert any(e.cameo.startswith("01") and e.target is not None and e.target.code.startswith("MLI") for e in evs)


def test_a_gerund_of_another_preposition_is_not_read_into_the_target(nlp):
    # "accused the legislation of attacking civil society": the gerund is what the accused did,
    # not whom the accusation is about
    evs = candidates(nlp, "The European Commission accused the new law of attacking civil society in Hungary.")
    assert all(e.target is None or e.target.sector != "CVL" for e in evs)


def test_aid_for_a_purpose_in_a_country_goes_to_that_country(nlp):
    evs = candidates(nlp, "Norway donated 20 million dollars to fight the cholera epidemic in Yemen.")
    assert any(e.cameo.startswith("07") and dyad(e) == ("NOR", "YEM") and "tgt=purpose-place" in e.explain for e in evs)
    # a recipient named by the verb stays the target
    evs = candidates(nlp, "Norway donated 20 million dollars to the Red Cross to fight the cholera epidemic in Yemen.")
    assert all("tgt=purpose-place" not in e.explain for e in evs)


def test_what_a_lifted_boycott_or_restriction_and_a_reinforced_force_are_on(nlp):
    [e] = [e for e in candidates(nlp, "The Arab League ended its boycott of Israel.") if e.cameo.startswith("08")]
    assert e.cameo == "085" and e.target is not None and e.target.code.startswith("ISR")
    [e] = [e for e in candidates(nlp, "Turkey lifted trade restrictions against Armenia.") if e.cameo.startswith("08")]
    assert e.cameo == "081" and dyad(e) == ("TUR", "ARM")
    [e] = [e for e in candidates(nlp, "Russia strengthened its forces in Syria.") if e.cameo.startswith("15")]
    assert e.cameo == "154" and dyad(e) == ("RUS", "SYR")


def test_a_claim_of_ones_own_attack_is_about_whom_it_was_done_to(nlp):
    [e] = [e for e in candidates(nlp, "The Taliban claimed that it had attacked a NATO convoy near Kabul.") if e.cameo == "015"]
    assert e.target is not None and e.target.code.startswith("IGOWSTNAT")
    assert "tgt=claimed-act-object/inner" in e.explain


def test_killings_someone_is_responsible_for_are_their_act(nlp):
    # "X was responsible for mass killings of Y / in Y": the act laid at X, done to Y
    [e] = candidates(nlp, "Human rights groups say the Sudanese army is responsible for the massacre of protesters in Khartoum.")[-1:]
    assert e.cameo == "202" and dyad(e) == ("SDNMIL", "SDNOPP") and "src=responsible" in e.explain
    [e] = candidates(nlp, "Los Zetas cartel has been responsible for mass killings and beheadings in northern Mexico.")
    assert e.cameo == "202" and e.target is not None and e.target.code == "MEX"
    assert e.date is None  # told as done before, with no date of its own
    # held responsible: the one held so, not the one holding
    [e] = candidates(nlp, "The rebels were held responsible for the massacre of villagers in Ituri.")
    assert e.cameo == "202" and dyad(e) == ("CODREB", "CODCVL")
    # a killing in no such phrase is no act of anyone named
    assert not candidates(nlp, "The killing of the journalist shocked the world.")


def test_a_relative_clause_restating_a_lifted_measure_names_whom_it_was_on(nlp):
    # "lifted the sanctions that it had imposed on Belarus": the clause restates the sanctions
    [e] = [e for e in candidates(nlp, "The European Union lifted the sanctions that it had imposed on Belarus.")
           if e.cameo.startswith("08")]
    assert e.cameo == "085" and dyad(e) == ("IGOEUREEC", "BLR") and "tgt=object-prep:on" in e.explain
    [e] = candidates(nlp, "The United States lifted sanctions which were imposed on Sudan in 1997.")
    assert e.cameo == "085" and dyad(e) == ("USA", "SDN")


def test_whom_an_invited_or_offered_act_is_done_with_is_inside_the_invitation(nlp):
    # "accepted an invitation to meet with X", "rejected an offer to hold talks with X"
    evs = candidates(nlp, "U.S. President Donald Trump has accepted an invitation to meet with Kim Jong Un.")
    assert any(e.cameo == "036" and dyad(e) == ("USAGOV", "PRKGOV") for e in evs)
    [e] = candidates(nlp, "The Taliban rejected an offer to hold talks with the Afghan government.")
    assert e.cameo.startswith("12") and dyad(e) == ("AFGREB", "AFGGOV")
    # what the proposed act is done to is not whom the proposal is made with
    assert all(e.target is None or e.target.code != "ISR" or not e.cameo.startswith("05")
               for e in candidates(nlp, "Iran welcomed a proposal to attack Israel."))


def test_the_purpose_of_sending_people_somewhere_is_done_there(nlp):
    # "sent experts to Saudi Arabia to investigate the attacks": the investigation is in Saudi Arabia
    evs = candidates(nlp, "France has sent seven military experts to Saudi Arabia to investigate the attacks on its oil facilities.")
    assert any(e.cameo == "090" and dyad(e) == ("FRA", "SAU") and "tgt=sent-destination" in e.explain for e in evs)
    # a person a letter is sent to is no place the purpose is done in
    assert all("tgt=sent-destination" not in e.explain
               for e in candidates(nlp, "The minister sent a letter to the governor to ask for help."))


def test_a_head_no_actor_was_resolved_for_is_the_actor_its_appositive_names(nlp):
    # "X's director for Europe, Name, issued a statement calling on ...": the director is the
    # person the appositive names; "the group al-Shabaab" is al-Shabaab
    evs = [e for e in candidates(nlp, "Amnesty International's director for Europe, John Dalhuisen, issued a statement "
                                      "calling on the European Union to stop deportations.") if e.cameo.startswith("02")]
    assert evs and all(e.source is not None and e.source.code.startswith("NGO") for e in evs)
    assert any(e.target is not None and e.target.code.startswith("IGOEU") for e in evs)
    evs = candidates(nlp, "The group al-Shabaab will not release the Kenyan soldiers.")
    assert any(e.source is not None and e.source.code == "SOMREB" and e.target is not None
               and e.target.code == "KENMIL" for e in evs)
    # a name no actor was resolved for is the title its appositive gives
    evs = candidates(nlp, "Ranil Wickremesinge, the former Prime Minister of Sri Lanka, urged the Indian government "
                          "to release the fishermen.")
    assert any(e.source is not None and e.source.code.startswith("LKA") and e.target is not None
               and e.target.code == "INDGOV" for e in evs)
    # a thing's appositive name is no doer, whatever the name resolves to
    assert all(e.source is None for e in candidates(
        nlp, "The Tambor-class submarine U.S.S. Grayback encountered a Japanese carrier bomber in February 1944."))


def test_people_an_act_of_force_is_done_to_are_not_the_actor_of_an_adjunct_or_the_place(nlp):
    # the suspects, whom no actor is resolved for, are whom the detention was done to: the
    # prime minister whose convoy was attacked is not
    evs = candidates(nlp, "Police in Kenya detained several suspects in the attack against the convoy of the Somali president.")
    assert evs and all(e.target is None or not e.target.code.startswith("SOM") for e in evs if e.cameo.startswith("17"))
    # "members of Hamas" are Hamas; Hebron is where they were arrested
    [e] = [e for e in candidates(nlp, "Israeli police arrested members of Hamas in Hebron.") if e.cameo.startswith("17")]
    assert e.target is not None and e.target.code.startswith("PSEREB")
    # an actor reached through another preposition than one of membership or place is beside
    # the things or people seized ("stations on the pipeline from Iraq")
    evs = candidates(nlp, "The Syrian army seized three pumping stations on the Kirkuk pipeline.")
    assert all(e.target is None or e.target.code != "IRQ" for e in evs)
    # people in a place are still that place's ("aid to the people in Iraq")
    [e] = [e for e in candidates(nlp, "Japan sent aid to the people in Iraq.") if e.cameo.startswith("07")]
    assert e.target is not None and e.target.country == "IRQ"


def test_a_plural_of_others_is_not_the_people_named_before(nlp):
    # "two other presidents" are others than the president and the senator named before: no target
    text = ("President Donald Trump met Senator Mitch McConnell on Tuesday. "
            "The House of Representatives has impeached two other presidents.")
    evs = [e for e in candidates(nlp, text) if e.cameo.startswith("17")]
    assert all(e.target is None for e in evs)


def test_whom_released_people_are_handed_to_is_not_whom_the_release_is_done_to(nlp):
    # the hostages, whom no actor is resolved for, are released; the Red Cross only receives them
    evs = [e for e in candidates(nlp, "The rebels released two hostages to the International Committee of the Red Cross.")
           if e.cameo.startswith("08")]
    assert evs and all(e.target is None for e in evs)
    # a released person the resolver knows stays the target
    evs = [e for e in candidates(nlp, "The rebels said they will release a kidnapped aid worker and a Japanese citizen "
                                      "to representatives of the International Red Cross.") if e.cameo.startswith("035")]
    assert evs and all(e.target is not None and e.target.code.startswith("JPN") for e in evs)


def test_setting_or_letting_someone_free_is_releasing_them(nlp):
    # "set free" / "let free" (PETRARCH-2's +SET_FREE), whether the parser hangs "free" on the
    # object or makes it a verb of its own taking the object: a release of persons done to them
    for text, target in (("Yemen let free the activist Tawakkol Karman on Monday.", "YEM"),
                         ("The rebels set free two Turkish engineers on Monday.", "TUR"),
                         ("Iran set free a British aid worker after three years in prison.", "GBR")):
        evs = [e for e in candidates(nlp, text) if e.cameo == "0841"]
        assert evs and all(e.target is not None and target in e.target.code for e in evs), text
    # "free" before a noun that names nothing anyone holds is no release
    for text in ("The government let free speech flourish.", "They set free trade rules for the region."):
        assert not [e for e in candidates(nlp, text) if e.cameo.startswith("084")], text


def test_summoning_a_charge_d_affaires_is_a_formal_complaint_to_their_country(nlp):
    # "chargé d'affaires" is headed by its last word in the parse
    evs = [e for e in candidates(nlp, "The Polish foreign ministry summoned Germany's chargé d'affaires in Warsaw.")
           if e.cameo == "114"]
    assert evs and all(dyad(e) == ("POLGOV", "DEUGOV") for e in evs)


def test_an_amount_of_relief_handed_over_is_aid_to_whom_it_is_handed(nlp):
    # an object that only measures an amount ("worth", "tons", "shipments") stands for what its
    # "of" phrase names, coordinated nouns included
    for text, target in (("The United States handed over $4 million worth of medical equipment and medicines "
                          "to the Ministry of Health of Ethiopia.", "ETH"),
                         ("Japan sent two shipments of food to North Korea.", "PRK"),
                         ("Germany flew 13 tons of medicine into Afghanistan.", "AFG")):
        evs = [e for e in candidates(nlp, text) if e.cameo == "073"]
        assert evs and all(e.target is not None and e.target.code.startswith(target) for e in evs), text
    # an amount of something that is no relief is not aid
    assert not [e for e in candidates(nlp, "Germany sent two shipments of rifles to Ukraine.") if e.cameo == "073"]


def test_a_mediation_effort_to_end_a_dispute_between_parties_is_done_with_them(nlp):
    # the parties are named inside the infinitive that says what the effort is for
    evs = [e for e in candidates(nlp, "Kuwait launched a mediation effort to end the dispute between Iraq and Iran.")
           if e.cameo == "045"]
    assert sorted(dyad(e) for e in evs) == [("KWT", "IRN"), ("KWT", "IRQ")]
    # a purpose with no parties named leaves the effort a record of its own
    evs = [e for e in candidates(nlp, "Kuwait launched a mediation effort to end the dispute.") if e.cameo == "045"]
    assert evs and all(e.target is None for e in evs)


def test_an_agentless_passive_act_on_sanctions_is_done_by_whose_sanctions_they_are(nlp):
    # with no "by" phrase, the owner of the sanctions or ban named before it acts on them
    [e] = [e for e in candidates(nlp, "UN sanctions against Iran were lifted on 16 January 2016.") if e.cameo == "085"]
    assert dyad(e) == ("IGOUNO", "IRN") and "src=event-noun-owner" in e.explain
    [e] = [e for e in candidates(nlp, "The EU's ban on Russian flights was lifted on Monday.") if e.cameo.startswith("08")]
    assert e.source is not None and e.source.code == "IGOEUREEC"
    # "Iran sanctions" names no one they are directed at: Iran may be their target, not their owner
    assert all(e.source is None or e.source.code != "IRN" for e in candidates(nlp, "Iran sanctions were lifted in January."))
    # a "by" phrase still names the doer
    [e] = [e for e in candidates(nlp, "UN sanctions against Iran were lifted by the Security Council.") if e.cameo == "085"]
    assert "src=event-noun-owner" not in e.explain


def test_the_doers_own_country_or_forces_in_the_phrase_acted_on_are_not_the_target(nlp):
    # the owner of the borders closed is the doer's own country; the countries beyond them are
    # whom the closure is done to
    evs = [e for e in candidates(nlp, "Maduro has closed Venezuela's land borders with Brazil and Colombia.")
           if e.cameo == "172"]
    assert evs and sorted(dyad(e)[1] for e in evs) == ["BRA", "COL"]
    # troops of no country withdrawn are the doer's own; the country left is the target
    [e] = [e for e in candidates(nlp, "The United States completed its withdrawal of troops from Iraq in December 2011.")
           if e.cameo.startswith("08")]
    assert dyad(e) == ("USA", "IRQ")


def test_a_speech_given_to_people_is_a_statement_not_a_grant_to_them(nlp):
    # the audience of a speech is not whom an act is done to (PETRARCH-2's GRANT default, 060)
    text = "Former President Barack Obama had lunch with Emmanuel Macron and gave a speech to business leaders."
    assert all(not e.cameo.startswith("06") for e in candidates(nlp, text))


def test_serving_in_a_peacekeeping_mission_is_peacekeeping_where_it_is_kept(nlp):
    evs = [e for e in candidates(nlp, "Azerbaijani troops participate in peacekeeping operations in Afghanistan and Iraq.")
           if e.cameo == "074"]
    assert sorted(dyad(e) for e in evs) == [("AZEMIL", "AFG"), ("AZEMIL", "IRQ")]
    [e] = [e for e in candidates(nlp, "Irish soldiers served in the UN peacekeeping mission in Lebanon.") if e.cameo == "074"]
    assert dyad(e) == ("IRLMIL", "LBN")
    # serving in a force that is no peacekeeping mission is no peacekeeping
    assert not [e for e in candidates(nlp, "Irish soldiers served in the air force in Lebanon.") if e.cameo == "074"]


def test_a_peacekeeping_mission_there_serves_the_place_named_before(nlp):
    text = "Hundreds of British troops have arrived in Mali to join the United Nations peacekeeping mission there."
    [e] = [e for e in candidates(nlp, text) if e.cameo == "074"]
    assert dyad(e) == ("GBRMIL", "MLI")
    # with no place named before, "there" points nowhere the sentence says
    [e] = [e for e in candidates(nlp, "British troops joined the United Nations peacekeeping mission there.")
           if e.cameo == "074"]
    assert "tgt=mission-country" not in e.explain


def test_prepositions_joined_before_one_object_both_direct_the_act(nlp):
    # "to and from North Korea": the object of the second is the first's too
    evs = [e for e in candidates(nlp, "Japan lifted travel curbs to and from North Korea.") if e.cameo.startswith("08")]
    assert evs and all(dyad(e) == ("JPN", "PRK") for e in evs)


def test_a_protest_called_off_after_an_agreement_is_eased_toward_the_agreements_other_side(nlp):
    # "called off the strike after reaching agreement with the government": the side the strike
    # was against is whom the agreement was made with (arguments.yaml agreement_*)
    for text, target in (("The truck drivers called off their strike after reaching agreement with the Brazilian government.", "BRAGOV"),
                         ("Indian coal workers called off the strike after the agreement with the Indian government.", "INDGOV"),
                         ("Teachers in Chile ended their strike following a deal with the Chilean government.", "CHLGOV")):
        evs = [e for e in candidates(nlp, text) if e.cameo == "082"]
        assert evs and all(e.target is not None and e.target.code == target
                           and "tgt=agreement-partner" in e.explain for e in evs), text
    # after something that is no agreement, no one is named
    evs = [e for e in candidates(nlp, "The teachers called off the strike after the talks with the Chilean government.")
           if e.cameo == "082"]
    assert evs and all("tgt=agreement-partner" not in e.explain for e in evs)


def test_mediation_with_a_party_or_in_its_conflict_is_done_with_that_party(nlp):
    # the event noun's "with" phrase names the party; an "in" phrase the conflict its parties
    # name ("the Arab-Israeli dispute", "the Egyptian political conflict")
    [e] = [e for e in candidates(nlp, "Norway launched a mediation effort with the Colombian government.") if e.cameo == "045"]
    assert dyad(e) == ("NOR", "COLGOV") and "tgt=object-prep:with" in e.explain
    [e] = [e for e in candidates(nlp, "The U.N. Conciliation Commission ended mediation efforts in the Arab-Israeli dispute.")
           if e.cameo == "165"]
    assert e.target is not None and e.target.code == "ISR"
    # the parties named by "between" come first
    [e] = [e for e in candidates(nlp, "Kuwait ended its mediation efforts between Iraq and Iran in Geneva.") if e.cameo == "165"][:1]
    assert e.target is not None and e.target.code in ("IRQ", "IRN")


def test_an_attitude_toward_what_belongs_to_an_actor_is_toward_the_actor(nlp):
    # "expressed optimism that the federal government's vaccination timeline could be
    # accelerated": the clause is about the government's timeline
    evs = [e for e in candidates(nlp, "The German chancellor expressed optimism that the French government's "
                                      "vaccination timeline could be accelerated.") if e.cameo == "013"]
    assert evs and all(e.target is not None and e.target.code == "FRAGOV" for e in evs)
    assert any("tgt=described/clause/poss" in e.explain for e in evs)


def test_the_doers_own_possessive_inside_the_phrase_agreed_to_is_not_the_target(nlp):
    # "agreed to an expansion of its peacekeeping force in Afghanistan": "its" is NATO itself;
    # the other actor the phrase names is whom the act is done to
    evs = [e for e in candidates(nlp, "NATO has agreed to an expansion of its peacekeeping force in Afghanistan.")
           if e.cameo.startswith("03")]
    assert evs and all(dyad(e) == ("IGOWSTNAT", "AFG") for e in evs)
    # with no other actor in the phrase, the doer's own is still no target
    evs = [e for e in candidates(nlp, "NATO has agreed to an expansion of its peacekeeping force.") if e.cameo.startswith("03")]
    assert all(e.target is None for e in evs)


def test_expelling_aid_workers_is_done_to_the_workers_or_agencies_expelled(nlp):
    # CAMEO 1663: the agencies or workers expelled are whom it is done to, not the place left
    [e] = [e for e in candidates(nlp, "Sudan expelled 13 international aid agencies from Darfur.") if e.cameo == "1663"]
    assert e.target is not None and e.target.code.startswith("NGO") and "tgt=object" in e.explain
    [e] = [e for e in candidates(nlp, "Sudan expelled aid workers of the World Food Programme.") if e.cameo == "1663"]
    assert dyad(e) == ("SDN", "IGOUNOWFP")


def test_a_passive_subject_is_the_actives_object_for_a_sense_that_needs_one(nlp):
    # "was returned to Egypt by ICE": the passive's subject is what the active sense's object is
    # ("returned the sarcophagus to Egypt"), so the sense that needs an object fits; the agent
    # does the act, the recipient of "to" is whom it is done to, not the thing returned
    evs = [e for e in candidates(nlp, "An ancient Egyptian sarcophagus was returned to the Arab Republic of Egypt "
                                      "by ICE officials on March 10, 2010.") if e.cameo == "0842"]
    assert evs and all(e.source is not None and e.source.code == "USACOP" and e.target is not None
                       and e.target.code == "EGY" and e.target.text != "An ancient Egyptian sarcophagus" for e in evs)
    [e] = [e for e in candidates(nlp, "The senator is being investigated by the FBI.") if e.cameo == "090"]
    assert e.source is not None and e.source.code == "USACOP" and "tgt=nsubjpass" in e.explain
    # the intransitive sense ("returned to their base") is still no event
    assert not [e for e in candidates(nlp, "The Iraqi soldiers returned to their base.") if e.cameo == "0842"]


def test_a_pattern_naming_the_refused_act_by_its_verb_finds_the_target_on_that_verb(nlp):
    # PETRARCH-2's REFUSE * JOIN (121): "refused to join the NATO exercises" is done to NATO, the
    # actor in the phrase of what joining is done to
    [e] = [e for e in candidates(nlp, "Russia has refused to join the NATO exercises.") if e.cameo == "121"]
    assert dyad(e) == ("RUS", "IGOWSTNAT") and "tgt=xcomp-dobj" in e.explain
    [e] = [e for e in candidates(nlp, "Russia has refused to join in the North Atlantic Treaty Organisation exercises.")
           if e.cameo == "121"]
    assert dyad(e) == ("RUS", "IGOWSTNAT") and "tgt=xcomp-prep:in" in e.explain


def test_whom_a_cooperative_act_is_set_against_is_no_target_of_the_dictionarys_slots(nlp):
    # "shared evidence with India against David Headley": the partner is India; the one the
    # evidence is against is the opponent
    evs = [e for e in candidates(nlp, "U.S. federal investigators shared evidence with India this week against David Headley, "
                                      "an American national accused of plotting an attack.") if e.cameo == "064"]
    assert evs and all(e.target is None or e.target.name != "David Headley" for e in evs)
    assert any(e.target is not None and e.target.code == "IND" for e in evs)


def test_people_sent_somewhere_in_a_cooperative_act_leave_the_destination_the_target(nlp):
    # "sent a team of paratroopers to Lebanon": whom no actor is resolved for are sent; the
    # destination is whom the cooperative act is done to (the people are the target only of
    # acts done to them: "detained several suspects in the attack against ...")
    evs = [e for e in candidates(nlp, "Britain has sent armoured vehicles and a team of paratroopers to Lebanon.")
           if e.cameo.startswith("0")]
    assert evs and all(e.target is not None and e.target.code == "LBN" for e in evs)


def test_a_place_phrase_after_coordinated_event_nouns_is_each_ones(nlp):
    # "killings, rapes and child abductions throughout the Central African Republic": the parser
    # hangs the place on one of the later nouns; the killings were done there too
    [e] = [e for e in candidates(nlp, "Kony and the LRA are responsible for mass killings, rapes and child abductions "
                                      "throughout Central African Republic.") if e.cameo == "202"]
    assert e.target is not None and e.target.code == "CAF" and "tgt=prep:throughout" in e.explain


def test_criticism_of_an_act_of_violence_is_aimed_at_its_doer_not_its_victims_or_place(nlp):
    # "condemned the attack on Israeli soldiers": the speaker's own soldiers were attacked, the
    # condemnation is not aimed at them; "the shooting in Tampa": nor at the place
    for text in ("The Israeli prime minister said Israel would retaliate. Netanyahu condemned the attack on Israeli soldiers.",
                 "Florida Gov. Rick Scott condemned the shooting in Tampa, Florida."):
        evs = [e for e in candidates(nlp, text) if e.cameo.startswith("11")]
        assert evs and all(e.target is None for e in evs), text
    # the doer the phrase names is the target: possessive, adjective, "by" phrase
    for text, doer in (("Pakistan condemned India's airstrikes in Kashmir.", "IND"),
                       ("Russia condemned the Ukrainian attack on Donetsk.", "UKR"),
                       ("The United Nations condemned the attack by Boko Haram on a school in Nigeria.", "NGAREB")):
        evs = [e for e in candidates(nlp, text) if e.cameo.startswith("11")]
        assert evs and all(e.target is not None and e.target.code == doer for e in evs), text
    # criticism of anything else keeps its target as before
    [e] = [e for e in candidates(nlp, "Germany criticized the decision of the Turkish government.") if e.cameo.startswith("11")]
    assert e.target is not None and e.target.code == "TURGOV"


def test_the_side_an_unlisted_official_acts_on_stays_the_target(nlp):
    # the official takes no country from the one they act on, so that country is no own side
    evs = candidates(nlp, "Prime Minister Jan Kowalczyk expressed condolences to the Government of Norway.")
    assert any(e.cameo == "018" and dyad(e) == ("GOV", "NORGOV") for e in evs)


def test_an_armed_group_attacked_is_the_target_not_its_place(nlp):
    evs = candidates(nlp, "Russian jets bombed armed groups in Idlib on Tuesday.")
    assert any(e.cameo.startswith("19") and dyad(e) == ("RUSMIL", "UAF") for e in evs)


def test_an_organisation_known_by_another_name_is_the_doer_of_its_refusal(nlp):
    evs = candidates(nlp, "The Islamic Resistance will not release the captured soldiers.")
    assert any(e.cameo == "1243" and e.source is not None and e.source.code == "LBNREB"
               and e.target is not None for e in evs)


def test_an_intent_is_toward_whom_the_intended_act_is_done(nlp):
    # "agreed to postpone the demonstration in La Paz": the act (not folded into the intent) keeps
    # its record; the intent takes the act's target
    evs = candidates(nlp, "The Bolivian opposition agreed to postpone the demonstration in La Paz.")
    intent = [e for e in evs if e.cameo.startswith("03")]
    assert intent and all(dyad(e) == ("BOLOPP", "BOL") for e in intent)
    # an act with no target gives the intent none
    evs = candidates(nlp, "Opposition activists in Chile agreed to postpone Saturday's march.")
    assert all(e.target is None for e in evs if e.cameo.startswith("03"))
    assert any("tgt=intended-act" in e.explain for e in intent)


def test_aid_considered_goes_to_whom_the_purpose_clause_of_the_considering_verb_helps(nlp):
    # the parse hangs "to help ..." on "considering", not on "sending"
    evs = candidates(nlp, "The Norwegian government is considering sending aid, including tents and blankets, "
                          "to help refugees in Lebanon.")
    considered = [e for e in evs if e.cameo == "014"]
    assert considered and all(e.target is not None for e in considered)
    assert any("tgt=purpose" in e.explain for e in considered)


def test_a_threat_beside_an_act_on_someone_is_made_to_them(nlp):
    evs = candidates(nlp, "Norway suspended aid to Zambia and threatened to cut further funding.")
    assert any(e.cameo.startswith("13") and dyad(e) == ("NOR", "ZMB") and "tgt=coordinated-act" in e.explain
               for e in evs)
    # alone, the threat names no one
    assert all(e.target is None for e in candidates(nlp, "Norway threatened to cut funding."))


def test_a_speakers_own_reported_attitude_is_a_pessimistic_or_optimistic_comment_on_its_object(nlp):
    evs = candidates(nlp, "Germany said it is skeptical of a Turkish proposal to reopen the border.")
    assert any(e.cameo == "012" and dyad(e) == ("DEU", "TUR") and "reported-attitude->012" in e.explain for e in evs)
    evs = candidates(nlp, "Japan said it is optimistic about a Chinese offer of new talks.")
    assert any(e.cameo == "013" and dyad(e) == ("JPN", "CHN") for e in evs)
    # another's attitude reported is no comment of the speaker's
    evs = candidates(nlp, "Germany said Austria is skeptical of a Turkish proposal.")
    assert all(not e.cameo.startswith("01") or "reported-attitude" not in e.explain for e in evs)


def test_an_appeal_for_someone_to_do_something_is_made_to_them(nlp):
    evs = candidates(nlp, "The Irish prime minister called on Monday for Britain to remain in the customs union.")
    assert any(e.cameo.startswith("02") and e.target is not None and e.target.code == "GBR"
               and "tgt=appealed-to" in e.explain for e in evs)


def test_a_suspension_of_aid_in_a_country_announced_to_take_effect_later(nlp):
    # the purpose clause "to take effect" names no actor: it lends the announcement no empty target,
    # and the aid's "in" phrase says whom the suspension is done to, as for "suspended aid in"
    evs = candidates(nlp, "Norway had announced a suspension of aid in Malawi to take effect in May.")
    assert any(e.cameo == "162" and dyad(e) == ("NOR", "MWI") for e in evs)


def test_a_surrender_to_forces_backed_by_someone_is_to_those_forces(nlp):
    evs = candidates(nlp, "The militants surrendered their last village in Syria to US - backed forces .")
    assert any(e.cameo.startswith("087") and e.target is not None and e.target.code == "MIL" for e in evs)


def test_an_attack_on_a_forces_site_is_on_that_force(nlp):
    evs = candidates(nlp, "Gunmen attacked an army camp in northern Mali on Sunday.")
    assert any(e.cameo.startswith(("18", "19")) and e.target is not None and e.target.code == "MLIMIL" for e in evs)


def test_an_occasion_counted_is_a_time_phrase_not_a_target(nlp):
    # "for the first time in sixteen weeks of protests in Chile" says when, as a date would
    evs = candidates(nlp, "For the first time in sixteen weeks of protests in Chile, police fired a live round at a protester.")
    assert not any(e.target is not None and e.target.code == "CHL" for e in evs)
    assert not any("tgt=prep:for" in e.explain for e in evs)


def test_a_definite_act_noun_names_an_earlier_act_of_the_story(nlp):
    # a reply to a request is done to whoever made it; a condemnation of an operation to its doer
    text = ("Italian Prime Minister Giuseppe Conte asked Germany to extradite the suspect. "
            "Germany declined the request on Friday.")
    [e] = [e for e in candidates(nlp, text, "2019-06-10") if e.cameo.startswith("12")]
    assert dyad(e) == ("DEU", "ITAGOV") and "tgt=earlier-act:request->doer" in e.explain
    text = ("Russia launched a military offensive in northern Syria on Monday. Aid groups reported heavy losses. "
            "The operation was condemned by France.")
    [e] = [e for e in candidates(nlp, text, "2019-06-10") if e.cameo.startswith("11")]
    assert dyad(e) == ("FRA", "RUS")
    # no such act before: no target
    [e] = [e for e in candidates(nlp, "Germany declined the request on Friday.", "2019-06-10") if e.cameo.startswith("12")]
    assert e.target is None


def test_a_refusal_despite_someones_request_is_done_to_them(nlp):
    # the request's owner or its "from" phrase; a refusal with no request named keeps no target
    evs = candidates(nlp, "The Chilean minister refused to resign despite a request from the Peruvian government.")
    assert any(e.cameo.startswith("12") and e.target is not None and e.target.code == "PERGOV"
               and "tgt=request-refused" in e.explain for e in evs)
    evs = candidates(nlp, "Netanyahu declined to step down, despite President Biden's request.")
    assert any(e.cameo.startswith("12") and e.target is not None and e.target.code == "USAGOV" for e in evs)
    evs = candidates(nlp, "The Chilean minister refused to resign despite the protests in Lima.")
    assert all("tgt=request-refused" not in e.explain for e in evs)


def test_a_relative_clause_with_no_object_restates_the_nouns_application(nlp):
    # "the ban it imposed on aid agencies": the clause's object is the ban, its "on" phrase is
    # whom the ban is on
    evs = candidates(nlp, "Al-Shabaab refuses to lift the ban it imposed on aid agencies.")
    assert any(e.cameo.startswith("124") and e.target is not None and e.target.code.endswith("NGO") for e in evs)
    evs = candidates(nlp, "The United States lifted the sanctions it had imposed on Cuba.")
    assert any(e.cameo == "085" and dyad(e) == ("USA", "CUB") for e in evs)


def test_a_denial_of_charges_is_made_to_whoever_made_them(nlp):
    # the maker in a "by" phrase the parser hangs on the verb, not the subject of what the
    # charges say
    evs = candidates(nlp, "The opposition party denied charges by the government that it had rigged the vote.")
    assert any(e.cameo == "016" and e.target is not None and e.target.code.endswith("GOV")
               and "tgt=claim-maker" in e.explain for e in evs)
    evs = candidates(nlp, "The Kenyan opposition rejected accusations from the ruling party that it had incited violence.")
    assert any(e.cameo == "016" and e.target is not None and e.target.code == "KENGOV" for e in evs)


def test_a_choice_or_chance_given_is_no_aid_and_the_sentences_act_is_its_own(nlp):
    # GIVE's default 060: a choice or a chance given is no material cooperation
    # (exclusions.yaml choice_object_default); the seeking of refuge is the sentence's event
    evs = candidates(nlp, "Thousands of Iraqi Christians have sought refuge in Amman since ISIL gave Mosul residents "
                          "the choice to flee or be killed.")
    assert not any(e.cameo.startswith("06") for e in evs)
    assert any(e.cameo == "020" and e.target is not None and e.target.code == "JOR" for e in evs)
    assert not candidates(nlp, "The army gave the rebels a chance to surrender.")
    # a thing given stays aid
    assert any(e.cameo == "060" and dyad(e) == ("JPN", "VNM") for e in candidates(nlp, "Japan gave Vietnam two patrol boats."))


def test_an_act_against_a_thing_is_done_to_the_doer_its_relative_clause_names(nlp):
    # "the tax the Indian government imposed": the tax is the government's act
    evs = candidates(nlp, "Farmers protested against the tax the Indian government imposed on fertiliser.")
    assert [(e.cameo[:2], dyad(e)) for e in evs] == [("14", ("INDAGR", "INDGOV"))]
    # a relative clause whose subject is the doer itself names no one else
    evs = candidates(nlp, "Farmers protested against the tax they paid last year.")
    assert all(e.target is None for e in evs)


def test_what_a_verb_of_prevention_keeps_from_acting_is_not_what_its_pattern_names(nlp):
    # "stop ... weapons from entering": the weapons are kept out, not scrapped (no CANCEL * &WEAPON,
    # 087); the sentence's record is the sending
    evs = candidates(nlp, "Britain sent a team of paratroopers to Lebanon to help the country stop terrorists, drugs "
                          "and weapons from entering Europe.")
    assert not any(e.cameo.startswith("087") for e in evs)
    assert any(e.target is not None and e.target.code == "LBN" for e in evs)
    # the same pattern on the same verb with no "from" clause stays, and so does a coercive one
    assert any(e.cameo == "087" for e in candidates(nlp, "The rebels stopped their weapons ."))
    assert any(e.cameo == "1721" for e in candidates(
        nlp, "A court in Venezuela has banned national newspapers from printing graphic photographs of murders."))


def test_a_verb_of_force_aims_at_whom_its_on_upon_or_at_phrase_names(nlp):
    # "fired and landed ... on protesters": the joined verb of force (same doer) names the victims
    [e] = candidates(nlp, "Police fired and landed rubber bullets on protesters in Santiago.")
    assert e.cameo == "175" and dyad(e) == ("CHLCOP", "CHLOPP")  # force on protesters at home: repression
    assert "tgt=force-aim:on" in e.explain
    # "opened fire upon": the trigger's own phrase, by a preposition no other rule reads
    [f] = candidates(nlp, "Gunmen opened fire upon pilgrims in Kabul.")
    assert f.cameo == "193" and dyad(f)[1] == "AFGREL"
    # a verb of force that did not make the record aims nothing ("fired three workers at its plant")
    assert all("force-aim" not in e.explain
               for e in candidates(nlp, "The company fired three workers at its plant in Ohio."))


def test_one_person_of_a_group_named_with_a_is_whom_the_act_is_done_to(nlp):
    # "a demonstrator" (one person of a group of society, indefinite) is the target, of the
    # sentence's country like the group; here through the joined verb of force's "on" phrase
    [e] = candidates(nlp, "Police in Chile fired and landed a rubber bullet on a demonstrator on Monday.")
    assert e.cameo == "175" and dyad(e) == ("CHLCOP", "CHLOPP")  # force on protesters at home: repression
    [f] = candidates(nlp, "Police in Chile arrested a student on Monday.")
    assert dyad(f) == ("CHLCOP", "CHLEDU")
    # a group, not a person, named with "a" stays no one ("collaborating with a terrorist group")
    assert all(e.target is None or e.target.code[-3:] != "UAF"
               for e in candidates(nlp, "Victor Ortega, a lawyer from Lima, was arrested in Peru for collaborating with a terrorist group."))


# ------------------------------------------------ who acted (issue 12, part F classes, hapfix)
def test_a_name_after_a_time_word_read_as_its_object_is_the_verbs_subject(nlp):
    # "after Theresa May stepped down": parsed as the phrase "after Theresa May" and a verb with
    # no subject of its own, which would take the main clause's subject (Johnson)
    text = ("Johnson became leader of the Conservative Party and prime minister after Theresa May "
            "stepped down on July 24 after she was unable to negotiate a Brexit deal.")
    [e] = [e for e in candidates(nlp, text, "2019-09-10") if e.cameo.startswith("08")]
    assert e.source is not None and e.source.name == "Theresa May"


def test_an_act_done_in_office_is_coded_with_the_office_of_its_day(nlp):
    # told in September, she is a former official (ELI); on the day the text gives the act she was
    # prime minister (GBRGOV); an undated act keeps the article-day code
    text = "Theresa May stepped down as prime minister on July 24."
    [e] = [e for e in candidates(nlp, text, "2019-09-10") if e.cameo.startswith("08")]
    assert (e.source.code, e.date) == ("GBRGOV", "2019-07-24")
    # a year: the office held all that year (Clinton president 1993-2001; not in 2001, when he left)
    [y] = [e for e in candidates(nlp, "Bill Clinton criticized the Senate in 1998.", "2019-09-10")
           if e.cameo.startswith("11")]
    assert y.source.code == "USAGOV"
    [z] = [e for e in candidates(nlp, "Bill Clinton criticized the Senate in 2001.", "2019-09-10")
           if e.cameo.startswith("11")]
    assert z.source.code == "USAELI"
    [u] = [e for e in candidates(nlp, "Theresa May criticized the government.", "2019-09-10")
           if e.cameo.startswith("11")]
    assert u.source.code == "GBRELI" and u.date_basis != "text"


def test_a_side_found_sentences_back_is_shown_by_its_nearest_naming(nlp):
    # "condemned the attack": the attack's doer, found in the first sentence, is named again in
    # the second; the record shows the nearest words that name it (the contract's ACTOR text/span)
    text = ("Taliban fighters attacked an army base in Ghazni on Monday. The Taliban have fought the government "
            "for years. President Ashraf Ghani condemned the attack on Tuesday.")
    [e] = [e for e in candidates(nlp, text, "2019-03-20") if e.trigger.text == "condemned"]
    assert e.target is not None and e.target.code == "AFGREB"
    assert (e.target.text, e.target.span) == ("Taliban", (text.index("Taliban have"), text.index(" have fought")))


def test_a_building_visited_is_a_place_not_an_institution(nlp):
    # "visited the hospital": the visit is to a place of the country (bare code), not to the health
    # service; a force's site ("the army base") is the force's
    [e] = [e for e in candidates(nlp, "The Lithuanian president visited the hospital in Vilnius on Monday.",
                                 "2019-01-15") if e.cameo.startswith("04")]
    assert e.target is not None and (e.target.code, e.target.sector) == ("LTU", None)
    [f] = [e for e in candidates(nlp, "The Polish president visited the Lithuanian army base on Monday.",
                                 "2019-01-15") if e.cameo.startswith("04")]
    assert f.target is not None and f.target.code == "LTUMIL"


def test_a_court_order_binding_someone_is_done_to_them(nlp):
    # "ordered the accused remain in custody": the court's order is aimed at whom it binds
    text = ("Police charged Ali Khan with murder on Friday. "
            "On Saturday Judge Mary Lee ordered the accused remain in custody until his next court appearance.")
    [e] = [e for e in candidates(nlp, text, "2019-03-17") if e.trigger.text == "ordered"]
    assert e.target is not None and e.target.name == "Ali Khan"


def test_aid_continued_resumed_or_increased_is_aid_given_to_its_recipient(nlp):
    # PETRARCH-2 codes RESUME * AID 070 and INCREASE * AID 073: aid kept up or raised is aid given
    # (lexicon.yaml), done to whom it goes
    for text, recipient in (("Washington will continue military aid to Cairo despite the coup.", "EGY"),
                            ("The European Union resumed humanitarian assistance to Gaza on Monday.", "PSE"),
                            ("Tokyo stepped up its aid to Kiev after the floods.", "UKR")):
        evs = candidates(nlp, text)
        assert any(e.cameo == "070" and e.target is not None and e.target.code.startswith(recipient) for e in evs), text
    # near misses: money for one's own budget is no aid; continuing an attack stays an attack
    assert not any(e.cameo.startswith("07") for e in candidates(nlp, "The state increased funding for public schools."))
    assert not any(e.cameo.startswith("07") for e in candidates(nlp, "The rebels continued their attacks on the town."))


def test_an_agentless_expulsion_is_done_by_the_country_it_is_out_of(nlp):
    # "were expelled from Russia": the country expels them (arguments.yaml expelling_verbs)
    evs = candidates(nlp, "Four Dutch diplomats have been expelled from Russia after the spy row.")
    assert any(e.cameo.startswith("16") and dyad(e) == ("RUS", "NLDGOV") for e in evs)
    evs = candidates(nlp, "The reporter was deported from Egypt on Monday.")
    assert any(e.cameo == "174" and e.source is not None and e.source.code == "EGY" for e in evs)
    # near misses: a party, a school or a region is no doer; a "by" phrase stays the doer
    assert not any(e.source is not None for e in candidates(nlp, "The senator was expelled from the party after the scandal."))
    evs = candidates(nlp, "The reporter was deported from Egypt by the Interior Ministry.")
    assert all("src=expelled-from" not in e.explain for e in evs)


def test_a_policy_option_considered_is_done_to_whom_the_act_considered_is_own_side_or_not(nlp):
    # "is considering giving money to homeowners" (014) is no statement: its target is whom the
    # act considered is done to, even the speaker's own side
    evs = candidates(nlp, "The Norwegian government is considering giving money to the Norwegian police.")
    assert any(e.cameo == "014" and e.target is not None and e.target.code == "NORCOP" for e in evs)
    evs = candidates(nlp, "Oslo is considering giving money to homeowners.")
    assert any(e.cameo == "014" and e.target is not None and e.target.code.endswith("CVL") for e in evs)
    # near miss: a statement about one's own country still has no target
    evs = [e for e in candidates(nlp, "The Thai prime minister expressed concern about Thailand.") if e.cameo.startswith("01")]
    assert evs and all(e.target is None for e in evs)


def test_one_person_held_and_groups_named_by_their_members_are_actors(nlp):
    # person_nouns.yaml unnamed_people (inmate, prisoner, detainee, hostage); roles.yaml militant
    # groups (REB) and police services (COP)
    evs = candidates(nlp, "Egyptian police tortured a 40-year-old inmate to death in Cairo.")
    assert any(e.cameo.startswith("18") and e.target is not None and e.target.code.endswith("CVL") for e in evs)
    evs = candidates(nlp, "The Pakistani army attacked militant groups near the border.")
    assert any(e.cameo.startswith("19") and e.target is not None and e.target.code.endswith("REB") for e in evs)
    evs = candidates(nlp, "The provincial government gave money to municipal police services.")
    assert any(e.cameo.startswith("07") and e.target is not None and e.target.code.endswith("COP") for e in evs)


def test_an_object_put_after_the_to_phrase_is_still_the_object(nlp):
    # "returned to the Greek government three statues": the parser hangs the shifted object on the
    # verb as a noun modifier (npadvmod); it is the object the return pattern needs
    evs = candidates(nlp, "Italy returned to the Greek government three ancient statues.")
    assert any(e.cameo == "0842" and dyad(e) == ("ITA", "GRCGOV") for e in evs)
    # near miss: a time noun after the phrase is no object ("returned to Greece last week")
    assert not any(e.cameo == "0842" for e in candidates(nlp, "The Italian minister returned to Greece last week."))


def test_a_protest_of_a_thing_is_done_to_whoever_made_it(nlp):
    # (2026-12-08) what a protest's purpose clause protests, or its "against" phrase, is a thing
    # with no actor of its own: the protest is done to whoever the thing's phrase names as its
    # maker, by a participle's agent, a "by" phrase or a possessor
    [e] = [e for e in candidates(nlp, "Farmers have launched a hunger strike to protest the land law imposed by "
                                      "the Kenyan government.") if e.cameo == "142"]
    assert dyad(e) == ("KENAGR", "KENGOV") and "tgt=opposed-thing-doer" in e.explain
    evs = [e for e in candidates(nlp, "A Kansas woman has started a hunger strike, protesting the Kansas "
                                      "government's unemployment system.") if e.cameo == "142"]
    assert any(dyad(e) == ("USACVL", "USAGOV") for e in evs)
    # near miss: a purpose clause that is no protest ("to back the law") names no one opposed
    [e] = [e for e in candidates(nlp, "Farmers have launched a hunger strike to back the land law imposed by "
                                      "the Kenyan government.") if e.cameo == "142"]
    assert dyad(e) == ("KENAGR", None)


def test_taking_part_in_a_protest_is_protesting(nlp):
    # (2026-12-08) "participated in a protest against ...": the protest's own pattern, aimed by its
    # "against" phrase; an election rally or a parade is no protest
    [e] = candidates(nlp, "Hundreds of nurses participated in a demonstration against the reforms of the Polish government.")
    assert e.cameo == "141" and dyad(e) == ("POLHLH", "POLGOV")
    [e] = candidates(nlp, "French rail workers participated in a strike against pension cuts announced by the French government.")
    assert e.cameo == "143" and dyad(e) == ("FRALAB", "FRAGOV")
    assert not [e for e in candidates(nlp, "Senators participated in an election rally in Ohio.") if e.cameo.startswith("14")]
    assert not [e for e in candidates(nlp, "Venezuelan troops participated in a military parade in Caracas.")
                if e.cameo.startswith("14")]


def test_inspectors_expelled_are_of_the_body_they_work_for_or_come_from(nlp):
    # (2026-12-08) "inspectors for the IAEA", "monitors from the OSCE": the body the expelled
    # people serve is whom the expulsion is done to, in the passive as in the active
    [e] = candidates(nlp, "Two inspectors for the International Atomic Energy Agency have been expelled from Iran.")
    assert e.cameo == "1662" and dyad(e) == ("IRN", "IGOUNOIAE")
    [e] = candidates(nlp, "Three monitors from the OSCE were expelled from Russia on Monday.")
    assert e.cameo == "1662" and dyad(e) == ("RUS", "IGOEURSCE")
    # near miss: a reason ("for spying") is no actor
    [e] = candidates(nlp, "Iran expelled two inspectors for spying.")
    assert e.cameo == "1662" and dyad(e) == ("IRN", None)


def test_intelligence_shared_with_someone_is_shared_with_them(nlp):
    # (2026-12-08) CAMEO 064 by its noun: intelligence, information or data shared or exchanged
    # "with" someone; one's concerns shared are still PETRARCH-2's SHARE * CONCERN (018)
    [e] = candidates(nlp, "The National Security Agency has been sharing raw intelligence with the Israeli government.")
    assert e.cameo == "064" and dyad(e) == ("USASPY", "ISRGOV")
    [e] = candidates(nlp, "Pakistan agreed to share intelligence with Afghanistan on militant groups.")
    assert e.cameo == "0314" and dyad(e) == ("PAK", "AFG")
    [e] = candidates(nlp, "The French government shared its concerns with Germany.")
    assert e.cameo == "018"
    # near miss: with no one it is shared with, no act
    assert not [e for e in candidates(nlp, "The two countries exchanged intelligence information on Monday.")
                if e.cameo.startswith("06")]


def test_an_act_done_to_make_someone_act_is_aimed_at_them(nlp):
    # (2026-12-08) a causative purpose clause ("to get X to ...", "to force X to ...", "to pressure
    # X into ..."; arguments.yaml purpose_causative_verbs) names whom an act naming no one is aimed at
    [e] = candidates(nlp, "The president refused to lift sanctions to get Iran to the negotiating table.")
    assert e.cameo == "1244" and e.target is not None and e.target.code == "IRN" and "tgt=made-to-act" in e.explain
    [e] = candidates(nlp, "The rebels launched an offensive to force the government to negotiate.")
    assert e.cameo == "190" and e.target is not None and e.target.code.endswith("GOV")
    # near misses: no one made to act ("to capture the city", "to make the city safe")
    [e] = candidates(nlp, "The rebels launched an offensive to make the city safe.")
    assert e.target is None
    [e] = candidates(nlp, "The rebels launched an offensive to capture the city of Aleppo.")
    assert e.target is None


def test_standing_in_solidarity_with_someone_endorses_them(nlp):
    # (2026-12-08) PETRARCH-2's EXPRESS * SOLIDARITY (051) by the verb "stand", toward whom it is with;
    # standing somewhere with someone is no act
    [e] = candidates(nlp, "Poland stood in solidarity with Lithuania on Monday.")
    assert e.cameo == "051" and dyad(e) == ("POL", "LTU")
    evs = candidates(nlp, "The White House says it stands in solidarity with its closest ally the UK.")
    assert any(e.cameo == "051" and dyad(e) == ("USAGOV", "GBR") for e in evs)
    assert not candidates(nlp, "The president stood with the Polish prime minister at the podium.")


def test_a_free_relative_after_the_preposition_is_what_its_subject_does(nlp):
    # (2026-12-08) "agree with what X proposed", "protested against what X had done": whom the act
    # is done to is the free relative's subject; a naming clause ("what it called") names no one
    [e] = [e for e in candidates(nlp, "Americans said they agree with what Republicans in Congress were proposing.")
           if e.cameo != "010"]
    assert e.target is not None and e.target.code == "USAPTY" and e.target.text == "Republicans"
    [e] = candidates(nlp, "Republicans protested against what the Democrats had done in the Senate.")
    assert e.cameo == "140" and e.target is not None and e.target.text == "Democrats"
    evs = candidates(nlp, "The opposition protested against what it called an illegal decree by the government.")
    assert all(e.target is None or e.target.text != "it" for e in evs)
    # nor a claim ("over what officials say is propaganda"): the banned papers stay the target
    [e] = candidates(nlp, "Afghanistan has banned all Pakistani newspapers over what security officials say is propaganda.")
    assert e.target is not None and "newspapers" in e.target.text


def test_violating_a_ban_defies_whoever_imposed_it(nlp):
    # (2026-12-08) PETRARCH-2's VIOLATE * ARMS EMBARGO / * &SOLUTION (128) for bans, embargoes,
    # sanctions and resolutions, aimed at the maker its phrase names; a ceasefire keeps 196
    [e] = candidates(nlp, "Pyongyang has violated a ban by the UN on ballistic missile tests.")
    assert e.cameo == "128" and dyad(e) == ("PRKGOV", "IGOUNO")
    [e] = candidates(nlp, "The company breached the European Union's embargo on Russian oil.")
    assert e.cameo == "128" and e.target is not None and e.target.code == "IGOEUREEC"
    [e] = candidates(nlp, "The protesters defied a ban on public gatherings.")
    assert e.cameo == "128" and e.target is None
    [e] = candidates(nlp, "Russia violated the ceasefire in eastern Ukraine.")
    assert e.cameo == "196"


def test_an_announced_suspension_of_ties_is_the_suspension(nlp):
    # (2026-12-08) as an announced suspension of aid (162): "announced a suspension of air links
    # with X" reduces relations with X (161), as "suspended air links with X" does
    [e] = candidates(nlp, "Qatar announced the severing of diplomatic ties with Chad.")
    assert e.cameo == "161" and dyad(e) == ("QAT", "TCD")
    evs = candidates(nlp, "Morocco announced the suspension of flights with Spain and France on Sunday.")
    assert {dyad(e) for e in evs if e.cameo == "161"} == {("MAR", "ESP"), ("MAR", "FRA")}
    # near miss: no ties named, no suspension of relations
    assert not [e for e in candidates(nlp, "The ministry announced a suspension of payments to contractors.")
                if e.cameo.startswith("16")]


def test_aid_for_what_serves_people_goes_to_those_people(nlp):
    # (2026-12-08) the purpose clause helps a thing that is for people ("services for Syrian
    # refugees", "projects which benefit Palestinian refugees"): the aid goes to them, not to the
    # place phrase after them
    [e] = candidates(nlp, "Germany provided 6.3 million euros to support health services for Syrian refugees in Jordan.")
    assert e.cameo == "071" and dyad(e) == ("DEU", "SYRREF")
    [e] = candidates(nlp, "Germany provided 6.3 million euros to support projects which benefit Palestinian refugees in Syria.")
    assert e.cameo == "071" and dyad(e) == ("DEU", "PSEREF")
    # near miss: a thing for no one (a campaign for peace) leaves the purpose's place as before
    [e] = [e for e in candidates(nlp, "Japan donated 2 million dollars to support a campaign for peace in Kenya.")
           if e.cameo == "071"]
    assert dyad(e) == ("JPN", "KEN")
