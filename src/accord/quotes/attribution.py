"""Find quotations and attribute them, in two stages after Muzny, Fang, Chang & Jurafsky (2017,
"A two-stage sieve approach for quote attribution").

Quoted spans come from the characters (`analysis.quotation`). Then:

Stage 1, quote -> speaker mention, deterministic sieves tried in order, the first that answers wins:
  1. trigram patterns around the marks: quote-cue-mention ("“…,” said X"), quote-mention-cue
     ("“…,” X said"), mention-cue-quote ("X said: “…”", "stating, “…”"), and the headline form
     "Britain PM May: 'Enough is Enough'";
  2. the dependency cue: the reporting verb whose clause holds the quote, found by climbing the
     parse from the quote's words, and its subject ("X hailed their “stabilising” alliance");
     "according to X" anywhere in the sentence;
  3. continuation: a quote with no cue of its own that opens its sentence right after another
     quote (a new paragraph reopening the quotation, or "“…,” he said. “More.”") has the previous
     quote's speaker;
  4. a quote standing alone right after a sentence whose subject is a person ("Elliott gestured to
     the defense table. “Right over there.”") is that person's;
  5. after all quotes: a quote with no speaker whose words another quote of the article contains
     (headings and pull quotes excerpt the speech: 'Reinforce security') takes that speaker; a
     partial quote whose clause has two speakers ("Xi and Putin hailed their “stabilising”
     alliance") goes to the one whose own quotes use those words.
Stage 2, mention -> entity: the mentions the actors stage resolved (names, surnames, role phrases,
pronouns, unnamed people; person coreference is `actors.people`). No cue and no sieve leaves
`speaker: null`: a guess is worse than a gap.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

import yaml

from ..analysis.docview import view
from ..analysis.quotation import find_quoted_spans
from ..actors.people import is_country_code
from ..analysis.syntax import sentence_numbers, subject_of
from ..model import Actor, Document, Mention, Quote, stable_id
from ..stage import Stage

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser: the same data, several times faster

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=1)
def _cues() -> dict[str, Any]:
    data = yaml.load(files("accord").joinpath("resources", "quotes", "cues.yaml").read_text("utf-8"),
                     Loader=_LOADER)
    return {key: frozenset(str(v).lower() for v in data.get(key, ())) for key in data}


def _words_of(key: str) -> frozenset[str]:
    return _cues()[key]


def pronoun_speakers() -> frozenset[str]:
    """Pronouns that can be a quote's speaker mention ("he said")."""
    return _words_of("pronoun_speakers")


@dataclass
class _Attribution:
    """One document's attribution state (the stage holds none): the article's country, and the
    speaker of the quote just before when it is near."""

    focus: str | None = None
    last_speaker: Actor | None = None


class QuoteStage(Stage):
    name = "quotes"
    reads = ("article", "doc", "mentions")
    writes = ("quotes",)

    def __init__(self) -> None:
        cues = _cues()
        self.cue_verbs, self.indirect_verbs, self.documents = cues["verbs"], cues["indirect"], cues["documents"]
        self.cue_phrases = tuple(sorted(cues["phrases"]))

    def process_document(self, document: Document) -> None:
        doc = document.doc
        if doc is None:
            raise ValueError(f"article {document.id}: the quotes stage needs the spaCy parse")
        text = document.article.text
        mentions_at: dict[int, list[Mention]] = {}
        for m in document.mentions:
            for i in range(m.tokens[0], m.tokens[1]):
                mentions_at.setdefault(i, []).append(m)
        sent_no = sentence_numbers(doc)
        state = _Attribution(focus=_focus_country(document.mentions))
        quotes: list[Quote] = []
        found: list[tuple[Quote, Any, list[Actor]]] = []  # quote, its span, candidate speakers
        quoted: set[int] = set()  # token indices inside quotation marks
        tentative: set[tuple[int, int]] = set()  # short uncued spans: speech only if quoted elsewhere
        previous: Quote | None = None
        previous_end_sentence = -2
        for start, end in find_quoted_spans(text):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            quoted.update(range(span.start, span.end))
            sentence = sent_no[span.start]
            cue_tok, cue_text, adjacent = self._cue(span)
            headline = _headline_speaker(span, mentions_at) if cue_tok is None else None
            if _is_name(span) and not adjacent and headline is None:
                continue  # “Board of Peace”: a title in quotation marks, not speech
            candidates: list[Actor] = []
            speaker = None
            if cue_tok is not None:
                # "The speaker added:": whoever spoke the quote just before, a few sentences back
                state.last_speaker = previous.speaker if previous is not None and \
                    sentence - previous_end_sentence <= 3 else None
                candidates = self._speakers(cue_tok, cue_text, span, mentions_at, state)
                speaker = candidates[0] if len(candidates) == 1 else None
            elif headline is not None:
                speaker = headline
            elif previous is not None and sentence - previous_end_sentence <= 1 and _opens_sentence(span):
                # "“…,” he said. “More words.”": a quote standing alone right after another
                # continues the same speaker.
                speaker, cue_text = previous.speaker, None
            elif _opens_sentence(span) and _closes_sentence(span) and \
                    (subject := _previous_sentence_subject(span, mentions_at)) is not None:
                speaker = subject
            elif len(_words(text[start:end])) >= 3 and any(t.pos_ in ("VERB", "AUX") for t in span):
                # A quoted clause with no reporting verb in reach is still speech; whose, the
                # text does not say here, so no speaker rather than a guess.
                speaker, cue_text = None, None
            elif len(_words(text[start:end])) >= 2:
                tentative.add((start, end))  # a heading? kept only if another quote says it (sieve 5)
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
            found.append((quote, span, candidates))
            previous, previous_end_sentence = quote, sent_no[span.end - 1]
        _second_pass(found)
        quotes = [q for q in quotes if q.speaker is not None or q.span not in tentative]
        quotes.extend(self._indirect(document, doc, quoted, mentions_at, sent_no))
        quotes.sort(key=lambda q: q.span)
        document.quotes = quotes

    # ------------------------------------------------------------ indirect
    def _indirect(self, document: Document, doc: Any, quoted: set[int], mentions_at, sent_no) -> list[Quote]:
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
                if first.dep_ == "mark" and first.lower_ in _words_of("complementizers"):
                    tokens = tokens[1:]
                while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
                    tokens = tokens[:-1]
                if len(tokens) < 3:
                    continue
                start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
                subject, passive = subject_of(verb)
                speaker = None
                if subject is not None and not passive:
                    speaker = _single(_actors_at(_resolve_relative(subject, verb), mentions_at))
                out.append(Quote(
                    id=stable_id(document.id, start, end, "indirect"),
                    article_id=document.id,
                    text=text[start:end],
                    span=(start, end),
                    speaker=speaker,
                    cue=verb.lower_,
                    direct=False,
                    sentence=sent_no[tokens[0].i],
                ))
        return out

    # ---------------------------------------------------------------- cues
    def _is_cue(self, tok: Any) -> bool:
        if tok.pos_ not in ("VERB", "AUX"):
            return False
        lemma = tok.lemma_.lower()
        # "lambasting" -> "lambast": the lemmatizer drops a final "e" of verbs it does not know
        return lemma in self.cue_verbs or (lemma[-1:] not in ("e", "") and lemma + "e" in self.cue_verbs)

    def _cue(self, quote: Any) -> tuple[Any | None, str | None, bool]:
        """(cue token, cue text, whether the cue stands right beside the marks)."""
        hit = self._trigram(quote)
        if hit is not None:
            return hit, hit.lower_, True
        inside = set(range(quote.start, quote.end))
        # Climb from where the quote hangs on the sentence to the first reporting verb outside it.
        exits = [t for t in quote if t.head.i not in inside and t.head.i != t.i] or [quote.root]
        best: tuple[int, Any, str] | None = None
        for tok in exits:
            node = tok
            for steps in range(8):
                if node.head.i == node.i:
                    break
                relative = self._relative_cue_before(node)
                node = relative if relative is not None else node.head
                if node.i in inside:
                    continue
                if node.lower_ == "according" or (node.lower_ == "to" and node.head.lower_ == "according"):
                    found = (steps, node, "according to")
                elif self._is_cue(node) and not _quote_in_subject(node, inside) and not _quote_modifies(node, inside):
                    found = (steps, node, node.lower_)
                    if subject_of(node)[1] and _active_cue_above(node, self._is_cue) is not None:
                        continue  # "he said he was later told “…”": the hearer; the speaker is higher up
                else:
                    continue
                if best is None or found[0] < best[0]:
                    best = found
                break
        if best is not None:
            return best[1], best[2], False
        # "according to X" anywhere in the sentence of the quote.
        for tok in quote.sent:
            if tok.lower_ == "according" and tok.i not in inside and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
                return tok, "according to", False
        return None, None, False

    def _relative_cue_before(self, clause: Any) -> Any | None:
        """"a deal that a U.S. envoy says has been reached “in principle”": the parser hangs the
        reported clause on the main verb, but a relative clause whose reporting verb has no
        complement of its own and stands right before the clause is the one that reports it."""
        if clause.dep_ not in ("ccomp", "conj", "advcl") or clause.pos_ not in ("VERB", "AUX"):
            return None
        first = clause.left_edge.i
        if first == 0:
            return None
        cue = clause.doc[first - 1]
        if cue.dep_ != "relcl" or not self._is_cue(cue) or cue.i == clause.head.i:
            return None
        if any(c.dep_ in ("ccomp", "xcomp", "dobj", "csubj") for c in cue.children):
            return None
        return cue

    def _trigram(self, quote: Any) -> Any | None:
        """The cue verb right beside the marks: "“…,” said X", "“…,” X said", "X said: “…”"."""
        doc = quote.doc
        # After the closing mark: punctuation and marks, then the cue, or a short noun phrase then the cue.
        i = quote.end
        while i < len(doc) and (doc[i].is_punct and doc[i].text not in (".", "!", "?") or doc[i].is_space):
            i += 1
        # After a quote that ends its sentence, "Mendeloff asked." is still its attribution,
        # "He added: “…”" or "Erdoğan condemned the attack" begins something new.
        ended = quote.text.rstrip()[-1:] in (".", "!", "?")
        if i < quote.end + 4:
            for j in range(i, min(len(doc), i + 7)):
                tok = doc[j]
                if self._is_cue(tok) and _quote_modifies(tok, set(range(quote.start, quote.end))):
                    break  # "“unilaterally” adding new subjects": an adverb of the verb, not its speech
                if self._is_cue(tok):
                    # “…,” Elliott said: the character right after the marks (read on the Doc's
                    # view: `doc.text` makes every token of the Doc)
                    v = view(doc)
                    comma = quote.end < v.n and v.idx[quote.end] == quote.end_char \
                        and v.text[quote.end][:1] == ","
                    if tok.sent.start != doc[quote.end - 1].sent.start and doc[i].text[:1].isupper() \
                            and not comma and not ended:
                        break  # "'He is a leech'Several victims condemned": a heading, then the text
                    after = doc[j + 1].text if j + 1 < len(doc) else "."
                    if ended and not doc[i].text[:1].islower() and (after not in (".", ",", "!", "?") or j == i):
                        break
                    if j == i or all(t.pos_ in ("PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM", "PUNCT", "ADV", "PART")
                                     for t in doc[i:j]):
                        return tok
                    break
                if tok.text in (".", "!", "?") or tok.text in "“”\"" or tok.pos_ in ("VERB", "AUX"):
                    break
        # Before the opening mark: "X said:", "stating,", "He continued:".
        i = quote.start - 1
        while i >= 0 and doc[i].text in "“\"‘'" or (i >= 0 and doc[i].is_space):
            i -= 1
        if i >= 0 and doc[i].text in (":", ","):
            i -= 1
            if i >= 0 and self._is_cue(doc[i]):
                return doc[i]
        return None

    # ------------------------------------------------------------ speakers
    def _phrase_actor(self, head: Any, quote: Any, mentions_at, state: _Attribution) -> Actor | None:
        """An unnamed speaker the actors stage has no mention for: "A statement", "RAND", "a
        new strategy approved by President Obama", "President Ashraf Ghani's office". No name;
        the country of the actors inside the phrase, else of an apposition the same name had
        earlier ("RAND, a U.S. government research organization"), else of the article."""
        if head.lower_ == "they":
            # "police said that they were asking": a group subject earlier in the sentence
            same = [t for t in head.sent if t.i < head.i and t.dep_ == "nsubj" and t.i in mentions_at
                    and (t.tag_ in ("NNS", "NNPS") or t.lower_ == "police")]  # "police" is plural, whatever its tag
            if same:
                actors = _unique(m.actor for m in mentions_at[same[-1].i])
                if len(actors) == 1 and actors[0].name is None:
                    return actors[0]
        if head.lower_ == "they" and head.sent.start > 0:
            # "24 people gave impact statements. They lashed out": the plural subject just before
            previous = head.doc[head.sent.start - 1].sent
            plural = next((t for t in reversed(list(previous)) if t.dep_ == "nsubj" and t.tag_ == "NNS"), None)
            if plural is None:
                return None
            if plural.i in mentions_at:
                actors = _unique(m.actor for m in mentions_at[plural.i])
                if len(actors) != 1 or actors[0].name is not None:
                    return None
                if actors[0].country is not None:
                    return actors[0]
            head = plural  # a group of no stated country: the article's, as below
        partitive = head.lower_ in _words_of("partitive_heads") and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
        if (head.pos_ not in ("NOUN", "PROPN") and not partitive) or head.ent_type_ in ("PERSON", "DATE", "TIME"):
            return None  # a person the actors stage could not place is not to be guessed here
        doc = head.doc
        phrase = [t for t in head.subtree if not (quote.start <= t.i < quote.end)]
        countries = {m.actor.country for t in phrase for m in mentions_at.get(t.i, ())
                     if m.actor.country and is_country_code(m.actor.country)}
        if not countries and head.pos_ == "PROPN":
            for earlier in doc[: head.i]:
                if earlier.text != head.text or earlier.i + 2 >= len(doc) or doc[earlier.i + 1].text != ",":
                    continue
                for t in doc[earlier.i + 2 : earlier.i + 8]:  # "RAND, a U.S. government research organization"
                    if t.is_punct:
                        break
                    countries |= {m.actor.country for m in mentions_at.get(t.i, ())
                                  if m.actor.country and is_country_code(m.actor.country)}
        igo = next((m.actor for t in phrase for m in mentions_at.get(t.i, ())
                    if m.actor.country is None and (m.actor.key or "").startswith("igo:")), None)
        if not countries and igo is not None:
            # "an independent U.N. fact-finding team": of an international body, no country
            words = doc[min(t.i for t in phrase if t.i <= head.i) : head.i + 1]
            return Actor(text=words.text, span=(words.start_char, words.end_char), name=None, code=igo.code,
                         country=None, sector=igo.sector, key=f"phrase:{words.text.lower()}")
        if not countries and state.focus is not None:
            countries = {state.focus}
        if len(countries) != 1:
            return None
        country = countries.pop()
        start = min(t.i for t in phrase if t.i <= head.i)
        while start < head.i and doc[start].dep_ == "det":
            start += 1
        words = doc[start : head.i + 1]
        return Actor(text=words.text, span=(words.start_char, words.end_char), name=None, code=country,
                     country=country, sector=None, key=f"phrase:{words.text.lower()}")

    def _speakers(self, cue: Any, cue_text: str, quote: Any, mentions_at, state: _Attribution) -> list[Actor]:
        if cue_text == "according to":
            to = cue if cue.lower_ == "to" else next((c for c in cue.children if c.lower_ == "to"), None)
            if to is not None:
                for pobj in to.children:
                    if pobj.dep_ == "pobj":
                        actors = _actors_at(pobj, mentions_at)
                        if not actors and (phrase := self._phrase_actor(pobj, quote, mentions_at, state)) is not None:
                            actors = [phrase]
                        return actors
            return []
        if cue.tag_ == "VBG" and cue.dep_ == "advcl" and cue.head.dep_ == "ccomp" and self._is_cue(cue.head.head):
            cue = cue.head.head  # "Richard said his family has chosen love, adding: “…”": Richard adds it
        subject, passive = subject_of(cue)
        if subject is not None and not passive and not (quote.start <= subject.i < quote.end):
            subject = _resolve_relative(subject, cue)
            if _the_speaker(subject) and state.last_speaker is not None:
                return [state.last_speaker]
            actors = _actors_at(subject, mentions_at)
            if not actors and subject.dep_ == "dobj" and subject.head.i != cue.i:
                # "a team issued a report that found “…”": the report speaks for whoever issued it
                issuer, issuer_passive = subject_of(subject.head)
                if issuer is not None and not issuer_passive:
                    subject = issuer
                    actors = _actors_at(subject, mentions_at)
            if not actors and subject.lemma_.lower() in self.documents:
                # "a letter from X reads", "X's post says": the writing is its author's
                author = [a for c in subject.children if c.dep_ == "prep" and c.lower_ in _words_of("author_prepositions")
                          for p in c.children if p.dep_ == "pobj" for a in _actors_at(p, mentions_at)]
                author += [a for c in subject.children if c.dep_ == "poss" for a in _actors_at(c, mentions_at)]
                if author:
                    actors = _listify(_single(_unique(author)))
                elif not any(t.i in mentions_at or t.dep_ == "poss" for t in subject.subtree):
                    # "X posted six tweets. The first post reads: “…”": the author just named
                    actors = _listify(_previous_subject_actor(subject, mentions_at))
            if not actors and (phrase := self._phrase_actor(subject, quote, mentions_at, state)) is not None:
                actors = [phrase]
            return actors
        if passive:
            # "was said by Reverol to have …": the agent speaks; "he was told that …": the hearer
            # does not, and the teller is unknown
            for agent in (c for c in cue.children if c.dep_ == "agent"):
                for pobj in agent.children:
                    if pobj.dep_ == "pobj":
                        return _actors_at(pobj, mentions_at)
            return []
        if cue.dep_ == "acl" and cue.head.dep_ in ("dobj", "pobj"):
            # "HRW issued a statement calling on …": whoever issued the statement
            issuer, issuer_passive = subject_of(cue.head.head)
            if issuer is not None and not issuer_passive:
                return _actors_at(issuer, mentions_at) or _listify(self._phrase_actor(issuer, quote, mentions_at, state))
        doc = cue.doc
        if cue.i < quote.start:
            return []  # only "“…,” said X" puts the speaker after the verb
        # No parsed subject: the mention just after "said" ("said one source") or just before
        # the verb ("…,” Elliott said"), outside the quote.
        for j in range(cue.i + 1, min(len(doc), cue.i + 4)):
            if j in mentions_at and not (quote.start <= j < quote.end):
                return _unique(m.actor for m in mentions_at[j])
            if doc[j].pos_ in ("VERB", "AUX") or doc[j].text in (".", "“", "”", '"'):
                break
        j = cue.i - 1
        if j >= 0 and j in mentions_at and not (quote.start <= j < quote.end):
            return _unique(m.actor for m in mentions_at[j])
        return []


def _the_speaker(tok: Any) -> bool:
    """"The speaker added": the one speaking, not a parliament's Speaker ("Speaker Nancy Pelosi",
    "the speaker of parliament")."""
    return tok.text.lower() == "speaker" and tok.text[0] == "s" and tok.tag_ == "NN" and \
        [c.lower_ for c in tok.children] == ["the"]


def _focus_country(mentions: list[Mention]) -> str | None:
    """The country the article is about: clearly the most mentioned one (as `actors.people`)."""
    counts: Counter[str] = Counter()
    for m in mentions:
        key = m.actor.key or ""
        if key.startswith(("country:", "person:", "unlisted:", "seat:")) and m.actor.country and is_country_code(m.actor.country):
            counts[m.actor.country] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < 1.5 * ranked[1][1]):
        return None
    return ranked[0][0]


def _second_pass(found: list[tuple[Quote, Any, list[Actor]]]) -> None:
    """Sieve 5: words another quote of the article repeats tell whose they are."""
    spoken = [(q, _words(q.text)) for q, _, _ in found if q.speaker is not None]
    for quote, span, candidates in found:
        if quote.speaker is not None:
            continue
        words = _words(quote.text)
        if not words:
            continue
        if len(candidates) > 1:
            # "Xi and Putin hailed their “stabilising” alliance": the one whose quotes say it.
            owners = {c.key for c in candidates}
            hits = [q.speaker for q, w in spoken if q.speaker.key in owners and q.text != quote.text
                    and _contains(w, words)]
            keys = {h.key for h in hits}
            if len(keys) == 1:
                quote.speaker = next(c for c in candidates if c.key in keys)
            continue
        # A heading or pull quote: another quote with a speaker contains the same words.
        hits = [q.speaker for q, w in spoken if q.text != quote.text and len(words) >= 2 and _contains(w, words)]
        keys = {h.key for h in hits}
        if len(keys) == 1:
            quote.speaker = hits[0]


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def _contains(haystack: list[str], needle: list[str], gap: int = 1) -> bool:
    """The words of `needle` in order in `haystack`, at most `gap` other words between two
    ("Reinforce security" in "reinforce the security of public sites")."""
    for i, word in enumerate(haystack):
        if word != needle[0]:
            continue
        j, k = i, 1
        while k < len(needle):
            nxt = next((x for x in range(j + 1, min(len(haystack), j + 2 + gap)) if haystack[x] == needle[k]), None)
            if nxt is None:
                break
            j, k = nxt, k + 1
        if k == len(needle):
            return True
    return False


def _resolve_relative(subject: Any, verb: Any) -> Any:
    """"Erdoğan, who said …": the relative pronoun stands for the noun the clause modifies."""
    if subject.lower_ in _words_of("relative_pronouns"):
        node = verb
        for _ in range(3):
            if node.dep_ == "relcl":
                return node.head
            node = node.head
    return subject


def _actors_at(tok: Any, mentions_at: dict[int, list[Mention]]) -> list[Actor]:
    """The actors a subject token stands for: one, or several for "Xi and Putin"."""
    found = mentions_at.get(tok.i)
    if not found:
        # "Campbell's best friend, Karen Rand McWatters, said": the apposition names the speaker
        found = next((mentions_at[c.i] for c in tok.children if c.dep_ == "appos" and c.i in mentions_at), None)
    if not found and tok.lower_ in _words_of("partitive_heads"):
        # "One of the police officers in charge said": the group the speaker is one of
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                found = next((mentions_at[p.i] for p in prep.children if p.i in mentions_at), None)
    if not found:
        return []
    actors = _unique(m.actor for m in found)
    if len(actors) == 1:
        heads = [tok, *(c for c in tok.children if c.dep_ == "appos")]
        for conj in (c for h in heads for c in h.conjuncts):  # "Xi and Putin hailed": both are candidates
            # people only: "Craig, leader of X and a former minister" describes one person twice
            actors += [a for a in _unique(m.actor for m in mentions_at.get(conj.i, ()))
                       if a.key not in {x.key for x in actors} and (a.key or "").startswith(("person:", "unlisted:"))]
    return actors


def _listify(actor: Actor | None) -> list[Actor]:
    return [actor] if actor is not None else []


def _unique(actors) -> list[Actor]:
    out: list[Actor] = []
    for a in actors:
        if all(a.key != b.key for b in out):
            out.append(a)
    return out


def _single(actors: list[Actor]) -> Actor | None:
    return actors[0] if len(actors) == 1 else None


def _quote_in_subject(verb: Any, inside: set[int]) -> bool:
    """"two “very dedicated” troopers had responded": the quote is in the subject, not said by it."""
    subject, _ = subject_of(verb)
    return subject is not None and any(t.i in inside for t in subject.subtree)


def _active_cue_above(verb: Any, is_cue) -> Any | None:
    node = verb
    for _ in range(4):
        if node.head.i == node.i:
            return None
        node = node.head
        if is_cue(node) and not subject_of(node)[1]:
            return node
    return None


def _quote_modifies(verb: Any, inside: set[int]) -> bool:
    """"“unilaterally” adding new subjects": the quote is an adverb of a verb with an object of
    its own, so the verb is no speech act here."""
    has_object = any(c.dep_ == "dobj" and not any(t.i in inside for t in c.subtree) for c in verb.children)
    if not has_object:
        return False
    for c in verb.children:
        if any(t.i in inside for t in c.subtree):
            return c.dep_ in ("advmod", "npadvmod")
    return False


def _headline_speaker(quote: Any, mentions_at) -> Actor | None:
    """"Britain PM May: 'Enough is Enough'": a name, a colon, the quote."""
    doc = quote.doc
    i = quote.start - 1
    while i >= 0 and doc[i].text in "“\"‘'":
        i -= 1
    if i < 1 or doc[i].text != ":":
        return None
    return _single(_unique(m.actor for m in mentions_at.get(i - 1, ()) if m.actor.key and (
        m.actor.key.startswith(("person:", "unlisted:")))))


def _previous_sentence_subject(quote: Any, mentions_at) -> Actor | None:
    """Sieve 4: the person who is the subject of the sentence just before a lone quote."""
    doc = quote.doc
    start = quote.sent.start
    if start == 0:
        return None
    previous = doc[start - 1].sent
    if any(t.text in "“”\"" for t in previous):
        return None  # the sentence before is itself a quotation or attribution
    for tok in previous:
        if tok.dep_ == "nsubj" and tok.head.dep_ == "ROOT":
            actors = _unique(m.actor for m in mentions_at.get(tok.i, ())
                             if m.actor.key and m.actor.key.startswith(("person:", "unlisted:")))
            return _single(actors)
    return None


def _previous_subject_actor(tok: Any, mentions_at) -> Actor | None:
    """The one actor that is the main subject of the sentence before `tok`'s."""
    doc = tok.doc
    if tok.sent.start == 0:
        return None
    previous = doc[tok.sent.start - 1].sent
    for t in previous:
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == previous.root.i:
            return _single(_actors_at(t, mentions_at))
    return None


def _is_name(span: Any) -> bool:
    words = [t for t in span if t.text.strip("'’‘").isalpha()]  # "security'": a glued closing mark
    if not words or len(words) > 6:
        return False
    content = [t for t in words if not t.is_stop]
    return bool(content) and all(t.text.strip("'’‘")[:1].isupper() for t in content) \
        and not span.text.endswith((".", "!", "?"))


def _opens_sentence(span: Any) -> bool:
    """The quote is the start of its sentence (only an opening mark before it)."""
    sent = span.sent
    before = [t for t in span.doc[sent.start : span.start] if not (t.is_punct or t.is_space)]
    return not before


def _closes_sentence(span: Any) -> bool:
    """Nothing but punctuation after the quote in its sentence."""
    doc = span.doc
    sent = doc[span.end - 1].sent
    return not [t for t in doc[span.end : sent.end] if not (t.is_punct or t.is_space)]
