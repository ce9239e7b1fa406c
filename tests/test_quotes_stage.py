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


def test_no_speaker_is_null_not_a_guess(nlp):
    qs = quotes(nlp, "“It was chaos,” one witness said.")
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
