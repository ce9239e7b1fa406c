"""spaCy components Accord adds to whatever model it loads."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("accord_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after a blank line or line break.

    News text puts headings, captions and datelines on lines of their own ("UN commitment",
    "BEIJING :"); the parser would otherwise glue them onto the next sentence.
    """
    for i, token in enumerate(doc[:-1]):
        if token.is_space and "\n" in token.text:
            doc[i + 1].is_sent_start = True
            if i + 2 < len(doc) and doc[i + 2].text in (",", ";", ":"):
                # "Yesterday, police said ...": a paragraph's opening word and its comma belong
                # to one sentence (the parser would otherwise end it at the lone word)
                doc[i + 2].is_sent_start = False
        elif token.whitespace_ == "" and token.text[-1:] in ("'", "’", "”") and (
                token.text[-2:-1].islower() or (i > 0 and token.text in ("'", "’", "”") and doc[i - 1].text[-1:].islower())) \
                and doc[i + 1].is_alpha and doc[i + 1].text[0].isupper():
            doc[i + 1].is_sent_start = True  # "'He is a leech'Several victims": a quoted heading
        elif i > 0 and token.text in ('"', "”", "'", "’") and doc[i - 1].text in ("!", "?") \
                and doc[i + 1].is_alpha and doc[i + 1].text[0].islower():
            # 'protested by shouting "shame on you!" and holding signs': a quoted exclamation or
            # question inside a sentence does not end it when the text goes on in lower case
            doc[i + 1].is_sent_start = False
        elif token.whitespace_ == "" and token.text.endswith("==") and doc[i + 1].text[:1].isupper():
            doc[i + 1].is_sent_start = True  # "==Reactions==U.S. Secretary ...": text after a wiki heading
        elif token.whitespace_ == "" and token.is_alpha and token.text[-1].islower() and len(token) >= 4:
            nxt = doc[i + 1]
            if nxt.is_alpha and nxt.text[0].isupper():
                # "similar patternsFrench soldiers": a heading glued to its paragraph, split
                # apart by the tokenizer rules below; the paragraph starts a sentence.
                nxt.is_sent_start = True
    return doc


# Scraped news often loses the space between sentences ("they have.”Gabriela Ramírez said",
# "in Paris.The police"). Split there, so that tokens, entities and sentences come out right.
GLUED_SENTENCE_INFIXES = (
    r"(?<=[a-z0-9][.!?][”\"’'])(?=[A-Z“\"‘'])",  # end of a quoted sentence, then a capital
    r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])",  # "it.The"
    r"(?<=[0-9][.!?])(?=[A-Z][a-z])",  # "in 1974.Conway had been"
    r"(?<=[A-Z]{3}[.!?])(?=[A-Z][a-z])",  # "in the IRA.Conway was"
    r"(?:(?<=[A-Z]{3})|(?<=[0-9]{4}))(?=[.!?][A-Z][a-z])",  # ... and the period apart from "IRA", "1974"
    r"(?<=[a-z][.!?])(?=[“‘])",
    r"(?<=[.!?][“‘])(?=[A-Z][a-z])",  # the opening mark of the glued sentence stands alone
    r"(?<=[”\"][A-Z]{2})(?=[A-Z][a-z])",  # a page marker glued to the next word: ”ADHe said
    r"(?<=[a-z]{3})(?=(?:Mr|Mrs|Ms|Dr)\.?$)",  # a heading glued to its paragraph: "campaignersMr Conway"
    r"(?<=[a-z]{4})(?=[A-Z][a-z]{2})",  # "similar patternsFrench soldiers", "areaPolice"
    r"(?<=[a-z]{4})(?=A$)",  # "Calls for calmA police source said"
    r"(?<===)(?=[A-Z])",  # wiki headings glued to the text: "==Reactions==U.S. Secretary"
    r"(?<=[a-z]{3}['’”])(?=[A-Z][a-z])",  # a quoted heading glued to the text: "'He is a leech'Several"
    r"(?<=[a-z]{2}[.!?])(?=[A-Z]{2}[A-Z][a-z])",  # "Jersey.ADCuomo": a page marker after a sentence
    r"(?<=[.!?][A-Z]{2})(?=[A-Z][a-z])",  # ... and the name it is glued to
)


def split_glued_sentences(nlp) -> None:
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + list(GLUED_SENTENCE_INFIXES)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
