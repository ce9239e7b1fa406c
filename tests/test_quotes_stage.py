"""The quotes stage on its own (after actors): spans, cues and speakers."""

from __future__ import annotations

from accord.quotes import find_quoted_spans
from helpers import run_stages


def test_quoted_spans_curly_straight_and_continued_paragraphs():
    text = '“One,” he said. She said "two words". “First paragraph.\n\n“Second paragraph,” X added.'
    spans = [text[a:b] for a, b in find_quoted_spans(text)]
    assert spans == ["One", "two words", "First paragraph.", "Second paragraph"]


def quotes(nlp, text):
    return run_stages(nlp, text, names=("actors", "quotes")).quotes


def direct(nlp, text):
    return [q for q in quotes(nlp, text) if q.direct]


def test_speaker_after_quote_via_role_phrase(nlp):
    text = "Xi Jinping met Putin. “We are friends,” the Chinese president said."
    [q] = quotes(nlp, text)
    assert q.text == "We are friends" and q.cue == "said" and q.direct
    assert q.speaker.name == "Xi Jinping" and q.speaker.text == "the Chinese president"


def test_speaker_before_quote(nlp):
    [q] = quotes(nlp, "Emmanuel Macron said: “Europe must act now.”")
    assert q.speaker.name == "Emmanuel Macron" and q.text.startswith("Europe must act")


def test_pronoun_speaker(nlp):
    qs = quotes(nlp, "Olaf Scholz spoke in Berlin. “This is a turning point,” he said.")
    assert qs[0].speaker.name == "Olaf Scholz" and qs[0].speaker.text == "Olaf Scholz"


def test_unnamed_speaker_is_an_actor_without_a_name(nlp):
    # "one witness" is somebody, but nobody the text names: no name, and no country it does not give
    [q] = quotes(nlp, "“It was chaos,” one witness said.")
    assert q.speaker is not None and q.speaker.name is None and q.speaker.country is None
    assert q.speaker.text == "one witness"


def test_unnamed_speaker_takes_the_country_of_the_place_in_the_sentence(nlp):
    [q] = quotes(nlp, "A car bomb exploded in Kabul on Monday. “It was chaos,” said one elderly witness in Kabul.")
    assert q.speaker.name is None and q.speaker.country == "AFG"


def test_no_speaker_is_null_not_a_guess(nlp):
    qs = quotes(nlp, "The streets emptied after the blast. “It was chaos and nobody knew where to go.”")
    assert qs and qs[0].speaker is None


def test_titles_in_quotes_are_not_speech(nlp):
    assert quotes(nlp, "Donald Trump unveiled plans for a “Board of Peace” in January.") == []


def test_unclosed_and_mixed_quotation_marks():
    # A straight opening mark closed by a curly one, then an opening mark never closed, then a
    # proper pair: nothing after the stray mark is lost.
    text = 'He said "it was bad.” Then a stray " mark. Later: “We will stay,” she said.'
    spans = [text[a:b] for a, b in find_quoted_spans(text)]
    assert spans == ["it was bad.", "We will stay"]


def test_single_name_and_appositive_speakers(nlp):
    text = ("Campbell's best friend, Karen Rand McWatters, said Tsarnaev had no soul. "
            "McWatters urged Tsarnaev to show remorse. “You can save them,” she said.")
    qs = {q.text: q for q in quotes(nlp, text)}
    assert qs["You can save them"].speaker.name == "Karen Rand McWatters"


def test_people_not_in_the_knowledge_base_keep_their_full_name(nlp):
    text = ("Kieran Conway, a former IRA intelligence chief, wrote a memoir. Mr Conway, now a lawyer in "
            "Dublin, says he was appalled. “It was a complete defeat,” Conway said.")
    [q] = direct(nlp, text)
    assert q.speaker.name == "Kieran Conway" and q.speaker.text in ("Conway", "Kieran Conway")


def test_role_beside_a_name_and_the_role_used_again(nlp):
    text = ("France’s counter-terrorism prosecutor, Remy Heitz, said an inquiry was open. "
            "“We will find them,” the prosecutor said.")
    [q] = direct(nlp, text)
    assert q.speaker.name == "Remy Heitz" and q.speaker.country == "FRA"


def test_pronoun_goes_to_the_subject_of_the_nearest_sentence_with_a_person(nlp):
    text = ("Julie and Brian Hambleton lead the campaign. Mr Conway says in the book that he regrets it. "
            "The bombings came after police disrupted a funeral. “I was ashamed,” he said.")
    [q] = direct(nlp, text)
    assert q.speaker.name == "Conway"  # "Mr Conway" with no full name is a person, never the town


def test_quote_then_name_then_cue_after_a_question(nlp):
    qs = {q.text: q for q in quotes(nlp, "Justice Department prosecutor Scott Mendeloff stood. "
                                         "“Who was it?” Mendeloff asked. “Timothy McVeigh,” Eldon Elliott said.")}
    assert qs["Who was it?"].speaker.name == "Scott Mendeloff"
    assert qs["Timothy McVeigh"].speaker.name == "Eldon Elliott"  # a name in marks, but said: speech


def test_heading_quote_takes_the_speaker_of_the_quote_it_excerpts(nlp):
    text = ("'Reinforce security'\nInterior Minister Christophe Castaner said he told police prefects to "
            "“reinforce security” at public sites.")
    qs = {q.text: q for q in quotes(nlp, text)}
    assert qs["Reinforce security"].speaker.name == "Christophe Castaner"


def test_doubled_single_closing_marks_and_glued_reopening():
    text = ("“Until yesterday,’’ said an official. \"We are sorry.''It was late. "
            'He said: "I am going to act.\"This will be firm." He added it would be "very soon".')
    spans = [text[a:b] for a, b in find_quoted_spans(text)]
    assert spans == ["Until yesterday", "We are sorry.", "I am going to act.", "This will be firm.", "very soon"]


def test_single_quotes_only_where_they_cannot_be_apostrophes():
    text = "Lebanon says it won't take them, except for ‘exceptional’ cases, O’Neill's 'view' and the victims' families."
    spans = [text[a:b] for a, b in find_quoted_spans(text)]
    assert spans == ["exceptional", "view"]


def test_a_description_by_age_is_the_person_just_named(nlp):
    text = ("Boston Marathon bomber Dzhokhar Tsarnaev rose to his feet on Wednesday. "
            "Amid deep silence, the 21-year-old ethnic Chechen said, “I am sorry for the lives that I have taken.”")
    [q] = direct(nlp, text)
    assert q.speaker.name == "Dzhokhar Tsarnaev"


def test_one_of_a_group_speaks_for_the_article_country(nlp):
    text = ("A bomb exploded in London on Friday, police in London said. One of the police officers in charge "
            "of the investigation described it as a “carbon copy” of an earlier attack in London.")
    [q] = [q for q in direct(nlp, text) if q.text == "carbon copy"]
    assert q.speaker is not None and q.speaker.name is None and q.speaker.country == "GBR"


def test_unlisted_person_takes_country_from_apposition_and_keeps_it_by_surname(nlp):
    text = ("Ahmad Zia, a police spokesman in Kandahar, said three militants died. "
            "“They were planting a bomb,” Zia said.")
    [q] = direct(nlp, text)
    assert q.speaker.name == "Ahmad Zia" and q.speaker.country == "AFG"


def test_unnamed_official_and_the_ministry_used_again(nlp):
    qs = {q.text: q for q in direct(nlp, "“We will not give up,” said a Kremlin spokesman. Russia's foreign ministry "
                                         "issued a statement. “The sanctions are illegal,” the ministry said.")}
    spokesman, ministry = qs["We will not give up"].speaker, qs["The sanctions are illegal"].speaker
    assert spokesman.name is None and spokesman.country == "RUS"
    assert ministry.name is None and ministry.country == "RUS"


def test_they_after_an_unnamed_plural_subject(nlp):
    text = ("Officials in Boston said the hearing in Boston lasted hours. Tsarnaev listened as 24 people — some victims, "
            "some survivors — gave impact statements. They lashed out at him for his “cowardly” acts.")
    [q] = [q for q in direct(nlp, text) if q.text == "cowardly"]
    assert q.speaker is not None and q.speaker.name is None and q.speaker.country == "USA"


def test_they_in_the_clause_of_a_group_that_said_it(nlp):
    text = ("Police in New York said in a statement that they were asking people to stay inside "
            "“until we clear the suspicious package,” although officers did not evacuate the area.")
    [q] = direct(nlp, text)
    assert q.speaker is not None and q.speaker.name is None and q.speaker.country == "USA"


def test_passive_cue_the_agent_speaks_the_hearer_does_not(nlp):
    qs = {q.text: q for q in direct(nlp, "Nicolás Maduro spoke on Saturday. The drone was said by Maduro to have "
                                         "“lost control”. Later he was told that it had “simply crashed”.")}
    assert qs["lost control"].speaker.name == "Nicolás Maduro"
    assert qs["simply crashed"].speaker is None


def test_a_report_speaks_for_whoever_issued_it(nlp):
    text = ("This week an independent U.N. fact-finding team issued a report that found “genocidal intent” "
            "in Myanmar.")
    [q] = direct(nlp, text)
    assert q.cue == "found" and q.speaker is not None
    assert q.speaker.name is None and q.speaker.country is None and q.speaker.text.endswith("team")


def test_a_relative_clause_reports_the_clause_after_it(nlp):
    # the parser hangs "has been reached" on "expressing"; the envoy's "says" reports it
    text = ("Nigeria’s government is expressing new concerns about a truce that a British envoy says has been "
            "reached “in principle” with the rebels on ending the war.")
    [q] = direct(nlp, text)
    assert q.cue == "says"
    assert q.speaker is not None and q.speaker.country == "GBR" and q.speaker.name is None


def test_a_quoted_adverb_of_a_verb_with_its_own_object_is_the_outer_speakers(nlp):
    text = ("The rebel leaders have met officials several times, but last week threatened to quit the talks, "
            "lambasting the government for changing the rules and “secretly” adding new taxes.")
    [q] = direct(nlp, text)
    assert q.cue == "lambasting"
    assert q.speaker is not None and q.speaker.text == "The rebel leaders"


def test_a_voice_purportedly_that_of_someone_is_that_persons_and_the_speaker_after_it(nlp):
    text = ("The group released an audio message on Monday. “We will not stop,” said the voice on the tape, "
            "purportedly that of Abu Omar al-Kurdi, who leads the movement. It could not be verified. "
            "The speaker added: “Our fighters are ready.”")
    first, second = direct(nlp, text)
    assert first.speaker is not None and first.speaker.name == "Abu Omar al-Kurdi"
    assert second.cue == "added" and second.speaker is not None and second.speaker.name == "Abu Omar al-Kurdi"


def test_a_voice_without_that_of_keeps_no_owner(nlp):
    text = "“We will not stop,” said a voice on the tape. Officials said they were studying it."
    [q] = direct(nlp, text)
    assert q.speaker is None or q.speaker.name is None


def test_the_speaker_of_a_parliament_is_not_the_last_speaker(nlp):
    text = ("“We need more time,” said Olaf Scholz. The speaker of the Bundestag said: “The vote is on Friday.”")
    first, second = direct(nlp, text)
    assert first.speaker.name == "Olaf Scholz"
    assert second.speaker is None or second.speaker.name != "Olaf Scholz"


def test_a_definite_description_is_the_person_just_introduced_with_a_description(nlp):
    text = ("Maria, a nurse at the city hospital, said she had not been paid for months. "
            "“We cannot go on like this,” said the tired mother of three, who asked that her surname be withheld.")
    [q] = direct(nlp, text)
    assert q.speaker is not None and q.speaker.name == "Maria"


def test_a_definite_description_of_the_wrong_gender_is_someone_else(nlp):
    text = ("Maria, a nurse at the city hospital, said she had not been paid for months. "
            "“We cannot go on like this,” said the young father of two.")
    [q] = direct(nlp, text)
    assert q.speaker is None or q.speaker.name != "Maria"


def test_a_first_name_introduced_with_a_description_is_not_someone_named_later(nlp):
    text = ("José, a bus driver in Caracas, said he was told to vote. Later in the day, former Spanish prime "
            "minister José Luis Rodríguez Zapatero arrived in the city. “I will observe the vote,” he said.")
    ms = {m.text: m.actor for m in run_stages(nlp, text, names=("actors",)).mentions}
    assert ms["José"].name == "José"


def test_a_writing_with_no_author_in_its_phrase_is_the_previous_subjects(nlp):
    text = ("Lena Markovic opened a new blog in March and posted three entries in a week. "
            "The first entry reads: “I will not be silenced by anyone.”")
    [q] = direct(nlp, text)
    assert q.cue == "reads" and q.speaker is not None and q.speaker.name == "Lena Markovic"


def test_a_writing_with_its_own_author_keeps_that_author(nlp):
    text = ("Lena Markovic opened a new blog in March. "
            "A letter from Olaf Scholz reads: “We will answer every question.”")
    [q] = direct(nlp, text)
    assert q.speaker is not None and q.speaker.name == "Olaf Scholz"
