"""TIME stage: a TimeML TIMEX3 tagger and normaliser for English news, anchored on the dateline.

`TimeStage` fills `Document.timexes`; `tag_text` parses and tags a string. `governing_verb` and
`span_tense` tell which verb governs a token span and in which tense (the events stage may use
them to link timexes to events).
"""

from .tagger import Tagged, TimeStage, tag_text
from .tense import governing_verb, span_tense, tense_of

__all__ = ["TimeStage", "Tagged", "tag_text", "governing_verb", "span_tense", "tense_of"]
