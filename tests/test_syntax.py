"""The parse helpers every stage shares (accord.analysis.syntax)."""

from __future__ import annotations

from accord.analysis.syntax import (argument_head, clause_level, clause_verb, governed_by, phrasal_verb, pobjs,
                                   pobjs_by_word, sentence_numbers, sentence_start_back, subject_of, verb_above)


def test_verb_above_climbs_to_the_clause_verb(nlp):
    doc = nlp("The minister of foreign affairs said that troops from Chad had crossed the border.")
    minister, chad, border = doc[1], doc[9], doc[13]
    assert verb_above(minister).text == "said"
    assert verb_above(chad).text == "crossed"
    assert verb_above(border).text == "crossed"
    assert verb_above(doc[5]) is None  # the root itself has no verb above it
    assert verb_above(chad, limit=1) is None  # "from" is the only head within reach


def test_clause_verb_falls_back_to_the_root(nlp):
    doc = nlp("Talks in Geneva.")
    assert clause_verb(doc[2]).text == "Talks"  # no verb: the sentence's head stands for its clause
    assert clause_verb(doc[0]).i == 0  # the root is its own clause
    doc = nlp("Police in Lagos said protesters from Kano marched.")
    assert clause_verb(doc[2]).i != clause_verb(doc[6]).i  # Lagos and Kano are in different clauses


def test_sentence_numbers_and_starts(nlp):
    doc = nlp("Xi spoke. Putin answered. Both smiled.")
    numbers = sentence_numbers(doc)
    assert numbers == [0, 0, 0, 1, 1, 1, 2, 2, 2]
    both = doc[6]
    assert sentence_start_back(both, 0) == 6
    assert sentence_start_back(both, 1) == 3
    assert sentence_start_back(both, 5) == 0


def test_argument_head_is_the_verb_a_noun_is_an_argument_of(nlp):
    doc = nlp("Norway hosted talks and a summit, and Iran denied any talks with Oman.")
    hosted, talks, summit = doc[1], doc[2], doc[5]
    assert argument_head(talks).i == hosted.i
    assert argument_head(summit).i == hosted.i  # through the conjunct
    denied, other_talks = doc[9], doc[11]
    assert argument_head(other_talks).i == denied.i
    assert argument_head(doc[0]).text == "hosted"  # the subject too
    assert argument_head(nlp("the riot police arrived")[1]) is None  # a noun modifying a noun


def test_governed_by_stops_at_another_verb(nlp):
    doc = nlp("Wang Yi met Sergei Shoigu on Sunday after he arrived on Saturday.")
    met, sunday, arrived, saturday = doc[2], doc[6], doc[9], doc[11]
    assert governed_by(sunday, [met])
    assert not governed_by(saturday, [met])  # "arrived" is in between
    assert governed_by(saturday, [arrived])


def test_phrasal_verbs_and_prepositional_objects(nlp):
    doc = nlp("Japan ruled out sanctions on Russia.")
    assert phrasal_verb(doc[1]) == "rule out"
    assert phrasal_verb(nlp("Japan rejected the plan.")[1]) == "reject"
    assert [t.text for t in pobjs(doc[3], "on")] == ["Russia"]
    assert pobjs(doc[3], "against") == []


def test_clause_level_counts_embeddings_below_the_main_predicate(nlp):
    doc = nlp("The army said it attacked the town, killing dozens.")
    said, attacked, killing = doc[2], doc[4], doc[8]
    assert clause_level(said) == 0
    assert clause_level(attacked, frozenset({"say"})) == 0  # a reported clause costs nothing
    assert clause_level(attacked) == 1  # unless its verb is not transparent
    assert clause_level(killing, frozenset({"say"})) == 1  # a participle clause is background


def test_subject_of_through_a_predicate_adjective_and_a_passive_conjunct(nlp):
    doc = nlp("Egypt is willing to withdraw its troops.")
    assert subject_of(doc[4]) == (doc[0], False)
    doc = nlp("The boy was rescued and flown to Moscow.")
    subject, passive = subject_of(doc[5])
    assert subject.text == "boy" and passive



def test_pobjs_by_word_is_pobjs_for_every_preposition(nlp):
    doc = nlp("Russia imposed sanctions on Ukraine and on Poland over the dispute, in March, with support "
              "from China and from India. Troops were sent to Mali, to Niger and into Chad.")
    checked = 0
    for tok in doc:
        by_word = pobjs_by_word(tok)
        for word in {c.lower_ for c in tok.children} | {"on", "from", "to", "at"}:
            assert [t.i for t in by_word.get(word, [])] == [t.i for t in pobjs(tok, word)]
            checked += bool(by_word.get(word))
    assert checked >= 5  # the sentences have prepositional objects on several heads


def test_reporting_head_finds_the_verb_a_clause_is_reported_by(nlp):
    from accord.analysis.syntax import reporting_head

    verbs = frozenset({"say", "announce"})
    doc = nlp("Police said they had arrested two men in Nairobi.")
    said, arrested = doc[1], doc[4]
    assert said.dep_ == "ROOT" and arrested.dep_ == "ccomp"
    assert reporting_head(arrested, verbs).i == said.i
    assert reporting_head(doc[8], verbs).i == said.i  # "Nairobi": the climb passes any dependency
    assert reporting_head(doc[8], verbs, through=("xcomp", "conj")) is None  # kept to the verb chain
    assert reporting_head(said, verbs) is None  # the root is reported by nothing
    assert reporting_head(arrested, frozenset({"announce"})) is None
    doc = nlp("The army said it would agree to withdraw.")
    withdraw = next(t for t in doc if t.text == "withdraw")
    assert reporting_head(withdraw, verbs, through=("xcomp", "conj")).text == "said"
    # the parser sometimes hangs "said" below the clause it reports: a parse made by hand
    from spacy.tokens import Doc

    words = ["They", "will", "withdraw", ",", "the", "minister", "said", "."]
    doc = Doc(nlp.vocab, words=words, heads=[2, 2, 2, 2, 5, 6, 2, 2],
              deps=["nsubj", "aux", "ROOT", "punct", "det", "nsubj", "parataxis", "punct"],
              lemmas=["they", "will", "withdraw", ",", "the", "minister", "say", "."])
    withdraw, said = doc[2], doc[6]
    assert reporting_head(withdraw, verbs) is None
    assert reporting_head(withdraw, verbs, trailing=True).i == said.i
