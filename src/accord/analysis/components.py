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
    return doc
