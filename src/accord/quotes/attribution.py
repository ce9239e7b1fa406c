"""Find quotations and attribute them.

1. Quoted spans come from the characters: curly “…” pairs and straight "…" pairs, where a
   paragraph that opens with a quotation mark while a quote is still open continues it.
2. The cue is the reporting verb ("said", "told", "saying", "according to") whose clause holds the
   quote, found by climbing the dependency tree from the quote's words, or the verb right after
   the closing mark ("…,” he said").
3. The speaker is the cue's subject (or the object of "according to"), read from the mentions the
   actors stage resolved, pronouns and role phrases included. No cue or no resolvable subject
   leaves `speaker: null`: a guess is worse than a gap.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import Any

import yaml

from ..analysis.quotation import find_quoted_spans
from ..analysis.syntax import subject_of
from ..model import Actor, Document, Mention, Quote, stable_id
from ..stage import Stage

@lru_cache(maxsize=1)
def _cues() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    data = yaml.safe_load(files("accord").joinpath("resources", "quotes", "cues.yaml").read_text("utf-8"))
    return (frozenset(v.lower() for v in data.get("verbs", ())), tuple(data.get("phrases", ())),
            frozenset(v.lower() for v in data.get("indirect", ())))


class QuoteStage(Stage):
    name = "quotes"

    def __init__(self) -> None:
        self.cue_verbs, self.cue_phrases, self.indirect_verbs = _cues()

    def process_document(self, document: Document) -> None:
        doc = document.doc
        if doc is None:
            raise ValueError(f"article {document.id}: the quotes stage needs the spaCy parse")
        text = document.article.text
        mentions_at: dict[int, list[Mention]] = {}
        for m in document.mentions:
            for i in range(m.tokens[0], m.tokens[1]):
                mentions_at.setdefault(i, []).append(m)
        quotes: list[Quote] = []
        quoted: set[int] = set()  # token indices inside quotation marks
        previous: Quote | None = None
        previous_end_sentence = -2
        for start, end in find_quoted_spans(text):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            quoted.update(range(span.start, span.end))
            if _is_name(span):
                continue  # “Board of Peace”: a title in quotation marks, not speech
            sentence = _sentence_no(doc, span.start)
            cue_tok, cue_text = self._cue(span)
            if cue_tok is not None:
                speaker = self._speaker(cue_tok, cue_text, span, mentions_at)
            elif previous is not None and sentence - previous_end_sentence <= 1 and _opens_sentence(span):
                # "“…,” he said. “More words.”": a quote standing alone right after another
                # continues the same speaker.
                speaker, cue_text = previous.speaker, previous.cue
            elif sum(t.is_alpha for t in span) >= 4 and any(t.pos_ in ("VERB", "AUX") for t in span):
                # A quoted clause with no reporting verb in reach is still speech; whose, the
                # text does not say here, so no speaker rather than a guess.
                speaker, cue_text = None, None
            else:
                continue
            quote = Quote(
                id=stable_id(document.id, start, end),
                article_id=document.id,
                text=text[start:end],
                span=(start, end),
                speaker=speaker,
                cue=cue_text,
                direct=True,
                sentence=sentence,
            )
            quotes.append(quote)
            previous, previous_end_sentence = quote, _sentence_no(doc, span.end - 1)
        quotes.extend(self._indirect(document, doc, quoted, mentions_at))
        quotes.sort(key=lambda q: q.span)
        document.quotes = quotes

    def _indirect(self, document: Document, doc: Any, quoted: set[int], mentions_at) -> list[Quote]:
        """Reported speech: "Wang told Shoigu that China and Russia must work together"."""
        out: list[Quote] = []
        text = document.article.text
        for verb in doc:
            if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in self.indirect_verbs:
                continue
            for comp in verb.children:
                if comp.dep_ != "ccomp" or comp.i < verb.i:
                    continue
                tokens = [t for t in comp.subtree]
                if sum(t.i in quoted for t in tokens) * 2 > len(tokens):
                    continue  # the complement is a direct quote, already recorded
                first = tokens[0]
                if first.dep_ == "mark" and first.lower_ in ("that", "whether", "if"):
                    tokens = tokens[1:]
                while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
                    tokens = tokens[:-1]
                if len(tokens) < 3:
                    continue
                start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
                subject, passive = subject_of(verb)
                speaker = None
                if subject is not None and not passive:
                    speaker = _actor_at(subject, mentions_at)
                out.append(Quote(
                    id=stable_id(document.id, start, end, "indirect"),
                    article_id=document.id,
                    text=text[start:end],
                    span=(start, end),
                    speaker=speaker,
                    cue=verb.lower_,
                    direct=False,
                    sentence=_sentence_no(doc, tokens[0].i),
                ))
        return out

    def _cue(self, quote: Any) -> tuple[Any | None, str | None]:
        inside = set(range(quote.start, quote.end))
        # Climb from where the quote hangs on the sentence to the first reporting verb outside it.
        exits = [t for t in quote if t.head.i not in inside and t.head.i != t.i] or [quote.root]
        best: tuple[int, Any, str] | None = None
        for tok in exits:
            node = tok
            for steps in range(8):
                if node.head.i == node.i:
                    break
                node = node.head
                if node.i in inside:
                    continue
                if node.lower_ == "according" or (node.lower_ == "to" and node.head.lower_ == "according"):
                    hit = (steps, node, "according to")
                elif node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in self.cue_verbs:
                    hit = (steps, node, node.lower_)
                else:
                    continue
                if best is None or hit[0] < best[0]:
                    best = hit
                break
        if best is not None:
            return best[1], best[2]
        # "according to X" anywhere in the sentence of the quote.
        for tok in quote.sent:
            if tok.lower_ == "according" and tok.i not in inside and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
                return tok, "according to"
        # "…,” he said": the verb right after the closing mark.
        doc = quote.doc
        for tok in doc[quote.end : min(len(doc), quote.end + 6)]:
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in self.cue_verbs:
                return tok, tok.lower_
        # "Putin said: “…”": the verb right before the opening mark.
        for tok in reversed(doc[max(0, quote.start - 6) : quote.start]):
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in self.cue_verbs:
                return tok, tok.lower_
        return None, None

    def _speaker(self, cue: Any, cue_text: str, quote: Any, mentions_at) -> Actor | None:
        if cue_text == "according to":
            to = cue if cue.lower_ == "to" else next((c for c in cue.children if c.lower_ == "to"), None)
            if to is not None:
                for pobj in to.children:
                    if pobj.dep_ == "pobj":
                        return _actor_at(pobj, mentions_at)
            return None
        subject, passive = subject_of(cue)
        if subject is None or passive or quote.start <= subject.i < quote.end:
            return None
        return _actor_at(subject, mentions_at)


def _actor_at(tok: Any, mentions_at: dict[int, list[Mention]]) -> Actor | None:
    found = mentions_at.get(tok.i)
    if not found:
        # "Campbell's best friend, Karen Rand McWatters, said": the apposition names the speaker
        found = next((mentions_at[c.i] for c in tok.children if c.dep_ == "appos" and c.i in mentions_at), None)
    if not found:
        return None
    if len({m.actor.key for m in found}) > 1:
        return None  # "the two leaders said": no single speaker
    return found[0].actor


def _is_name(span: Any) -> bool:
    words = [t for t in span if t.is_alpha]
    if not words or len(words) > 6:
        return False
    content = [t for t in words if not t.is_stop]
    return bool(content) and all(t.text[:1].isupper() for t in content) and not span.text.endswith((".", "!", "?"))


def _opens_sentence(span: Any) -> bool:
    """The quote is the start of its sentence (only an opening mark before it)."""
    sent = span.sent
    before = [t for t in span.doc[sent.start : span.start] if not (t.is_punct or t.is_space)]
    return not before


def _sentence_no(doc: Any, token_i: int) -> int:
    for n, sent in enumerate(doc.sents):
        if sent.start <= token_i < sent.end:
            return n
    return 0
