"""The parse helpers every stage shares (accord.analysis.syntax)."""

from __future__ import annotations

from accord.analysis.syntax import clause_verb, sentence_numbers, sentence_start_back, verb_above


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
