"""TIME stage: a TimeML TIMEX3 tagger and normaliser for English news, anchored on the dateline.

`TimeStage` fills `Document.timexes`; `tag_text` parses and tags a string;
`TimeStage.annotate` also gives each timex's TimeML mod and token range. `timex_verb(doc, timex)`
and `governing_verb(doc, start, end)` give the verb governing a timex (walking `token.head` up to
the first VERB/AUX), `tense_of(verb)` / `span_tense` its tense (PAST, PRESENT, FUTURE or None).

Rules and word lists are data: `accord/resources/time/<lang>/` (see SOURCES.md there).
"""

from .tagger import Tagged, TimeStage, tag_text
from .tense import governing_verb, span_tense, tense_of, timex_verb

__all__ = ["TimeStage", "Tagged", "tag_text", "governing_verb", "span_tense", "tense_of", "timex_verb"]
