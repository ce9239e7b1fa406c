"""Small helpers over spaCy's dependency parse that several stages share."""

from __future__ import annotations

from typing import Any

# Clauses that take their subject from the clause they hang on when they have none:
# "Putin expressed ..., saying ...", "China has never denounced X or called for Y"; a predicate
# adjective's complement is its subject's ("Egypt is willing to withdraw": Egypt withdraws).
INHERIT_SUBJECT_DEPS = ("xcomp", "conj", "advcl", "pcomp", "acl", "acomp")
# Prepositions of time, manner or concession heading a gerund ("Before resigning, Rossi appointed
# Bianchi", "after meeting Putin", "without consulting parliament"): the gerund is done by the
# clause's subject, never by its object (object control is for "accused X of", "stopped X from").
ADJUNCT_GERUND_PREPOSITIONS = frozenset({"after", "before", "since", "while", "without", "upon", "on", "by",
                                         "despite", "following", "during", "besides", "through"})
# Words that are prepositions and conjunctions of time alike: "after Theresa May stepped down" is
# sometimes parsed as the phrase "after Theresa May" and a verb with no subject of its own.
CLAUSE_PREPOSITIONS = frozenset({"after", "before", "since", "until", "till", "once"})


def _name_misread_as_object(verb: Any) -> Any | None:
    """The name right before a finite verb with no subject, parsed as the object of a time word
    that is here a conjunction ("after Theresa May stepped down": "May" read as the object of
    "after", "stepped" as a conjunct of the main verb): the verb's subject."""
    if verb.i == 0 or verb.tag_ not in ("VBD", "VBZ", "VBP") or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    name = verb.doc[verb.i - 1]
    prep = name.head
    if name.dep_ != "pobj" or name.pos_ != "PROPN" or prep.lower_ not in CLAUSE_PREPOSITIONS or prep.i > name.i:
        return None
    return name


def subject_of(verb: Any) -> tuple[Any | None, bool]:
    """(subject token, is_passive) of a verb, inherited through xcomp/conj/advcl chains."""
    misread = _name_misread_as_object(verb)
    if misread is not None:
        return misread, False
    node = verb
    for _ in range(4):
        for c in node.children:
            if c.dep_ == "nsubj":
                return c, False
            if c.dep_ == "nsubjpass":
                # "was rescued and flown to Moscow": a participle conjunct shares the passive
                shared = verb.dep_ == "conj" and verb.tag_ == "VBN" and not any(
                    k.dep_ in ("aux", "auxpass", "nsubj", "dobj") for k in verb.children)
                return c, node.i == verb.i or shared
        if node.dep_ == "relcl":
            return node.head, False  # "negotiators who met": the noun the clause modifies
        if _main_verb_as_modifier(node):
            return node.head, False  # "The Iraqi air force carried out strikes" parsed as a noun phrase
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and (
                node.head.head.pos_ in ("VERB", "AUX")
                or (node.head.head.dep_ == "acomp" and node.head.head.head.pos_ in ("VERB", "AUX"))):
            # A gerund after a verb's preposition is done by the verb's object where it has one
            # ("accused North Korea of firing"), else by its subject ("North Korea was accused
            # of firing", "Iran refrained from attacking"); after a predicate adjective's, by the
            # subject ("the United States was more forceful in blaming Iran").
            governor = node.head.head if node.head.head.pos_ in ("VERB", "AUX") else node.head.head.head
            adjunct = node.head.lower_ in ADJUNCT_GERUND_PREPOSITIONS
            controller = (None if adjunct else next((c for c in governor.children if c.dep_ == "dobj"), None)) or next(
                (c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if controller is not None:
                return controller, False
            node = governor
            continue
        if node.dep_ in INHERIT_SUBJECT_DEPS and node.head.i != node.i:
            node = node.head
            continue
        break
    return None, False


VERBISH = ("VERB", "AUX")


def verb_above(tok: Any, limit: int = 6, or_root: bool = False) -> Any | None:
    """The first verb (VERB/AUX) above `tok` on its head path, `tok` itself excluded, looking at
    most `limit` heads up: the clause a word belongs to. None when the path reaches the root
    first (or, with `or_root`, the root itself: a verbless sentence's head stands for its clause;
    a root `tok` is then its own clause)."""
    node = tok
    for _ in range(limit):
        if node.head.i == node.i:
            return node if or_root else None
        node = node.head
        if node.pos_ in VERBISH:
            return node
    return node if or_root and node.head.i == node.i else None


def clause_verb(tok: Any) -> Any | None:
    """The verb of the clause `tok` is in (the sentence's root where no verb is above it): two
    words are in one clause when their `clause_verb` is the same token."""
    return verb_above(tok, limit=9, or_root=True)


def sentence_numbers(doc: Any) -> list[int]:
    """For every token index of `doc`, the number of its sentence (0-based)."""
    out = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            out[i] = n
    return out


def sentence_start_back(tok: Any, n: int) -> int:
    """The token index where the sentence `n` sentences before `tok`'s begins (the first
    sentence's start when there are fewer)."""
    starts = [s.start for s in tok.doc.sents if s.start <= tok.i]
    return starts[max(0, len(starts) - 1 - n)]


def entity_at(doc: Any, i: int) -> Any | None:
    """The named entity (a Span with its label) token `i` is part of, or None: the same span
    `doc.ents` holds, found from the tokens' IOB tags without building every entity of the doc."""
    tok = doc[i]
    if tok.ent_iob_ not in ("B", "I"):
        return None
    start = i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    from spacy.tokens import Span

    return Span(doc, start, end, label=tok.ent_type_)


def _main_verb_as_modifier(verb: Any) -> bool:
    """The parser, missing a sentence's main verb, made it a participle modifying the subject,
    the root ("The Iraqi air force carried out at least three air strikes": "force" the root,
    "carried" its acl). A participle with a direct object and neither "by" agent nor passive
    auxiliary is no reduced passive ("the strikes carried out by the air force")."""
    head = verb.head
    return (verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and head.dep_ == "ROOT"
            and head.pos_ in ("NOUN", "PROPN") and head.i < verb.i
            and any(c.dep_ == "dobj" for c in verb.children)
            and not any(c.dep_ in ("agent", "auxpass", "nsubj", "nsubjpass") for c in verb.children))


def pobjs(head: Any, word: str) -> list[Any]:
    """Objects of the preposition `word` attached to `head` ("sanctions on Russia": Russia)."""
    return [p for prep in head.children if prep.dep_ == "prep" and prep.lower_ == word
            for p in prep.children if p.dep_ == "pobj"]


def pobjs_among(head: Any, words: Any) -> list[Any]:
    """Objects of any preposition in `words` attached to `head`, in the parse's order."""
    return [p for prep in head.children if prep.dep_ == "prep" and prep.lower_ in words
            for p in prep.children if p.dep_ == "pobj"]


def pobjs_by_word(head: Any) -> dict[str, list[Any]]:
    """`pobjs(head, word)` for every preposition on `head` at once, from one pass over its children."""
    out: dict[str, list[Any]] = {}
    for prep in head.children:
        if prep.dep_ == "prep":
            out.setdefault(prep.lower_, []).extend(p for p in prep.children if p.dep_ == "pobj")
    return out


def phrasal_verb(verb: Any) -> str:
    """A verb with its particle ("rule out"), or its lemma alone."""
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{verb.lemma_.lower()} {prt}" if prt else verb.lemma_.lower()


def argument_head(noun: Any) -> Any | None:
    """The verb a noun is an argument of: "hosted talks", "talks were held", "called for talks",
    "denied any talks" (through conjuncts: "talks and visits were held"); None for a noun that
    modifies another noun."""
    node = noun
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "oprd"):
        head = node.head
    elif node.dep_ == "pobj" and node.head.dep_ in ("prep", "agent"):
        head = node.head.head
    else:
        return None
    return head if head.pos_ in VERBISH and head.i != node.i else None


def governed_by(tok: Any, anchors: list[Any], limit: int = 12) -> bool:
    """True when the path from `tok` up the tree reaches one of `anchors` before any other verb
    (auxiliaries aside): `tok` belongs to that word's clause ("met on Sunday": "Sunday")."""
    node = tok
    for _ in range(limit):
        if any(node.i == a.i for a in anchors):
            return True
        if node.head.i == node.i:
            return False
        if node.i != tok.i and node.pos_ in VERBISH and node.dep_ != "aux":
            return False
        node = node.head
    return False


# How a reported clause hangs on its reporting verb: a clausal complement ("said they would
# meet"), a parataxis ("They will meet, he said" parsed with "said" above) or an open complement.
REPORTED_DEPS = ("ccomp", "parataxis", "xcomp")


def reporting_head(tok: Any, reporting_verbs: frozenset[str], *, reported: tuple[str, ...] = REPORTED_DEPS,
                   through: tuple[str, ...] | None = None, trailing: bool = False, limit: int = 6) -> Any | None:
    """The reporting verb (its lemma one of `reporting_verbs`: "say", "announce") whose reported
    clause `tok` is in, or None. The climb goes up from `tok` at most `limit` heads; the first word
    on the way that hangs on a reporting verb by one of the `reported` dependencies gives that
    verb. `through` keeps the climb to those dependencies (None: any; ("xcomp", "conj") keeps it
    on the verb chain of one clause: "said they would agree to meet"). With `trailing`, a reporting
    verb the parser hung below the clause, to its right ("They will meet, he said": "said" a
    parataxis or ccomp of "meet"), is looked for on the word where the climb stopped."""
    node = tok
    for _ in range(limit):
        if node.head.i == node.i:
            break
        if node.dep_ in reported and node.head.lemma_.lower() in reporting_verbs:
            return node.head
        if through is not None and node.dep_ not in through:
            break
        node = node.head
    if trailing:
        for child in node.children:
            if child.dep_ in ("parataxis", "ccomp") and child.i > node.i and child.lemma_.lower() in reporting_verbs:
                return child
    return None


# Dependencies that embed a clause or modifier below its head: a word there is background to the
# head's clause ("attacked the city, killing dozens", "the guard involved in a shooting").
EMBEDDING_DEPS = frozenset({"relcl", "acl", "advcl", "amod", "csubj", "csubjpass", "parataxis", "npadvmod",
                            "pcomp", "appos", "advmod", "nmod", "oprd", "intj", "dep"})


def clause_level(tok: Any, transparent_verbs: frozenset[str] = frozenset()) -> int:
    """Clause embeddings between a word and its sentence's main predicate. A complement clause of
    one of `transparent_verbs` ("said that ...": reporting verbs), a control complement ("agreed to
    meet"), a conjunct and an argument of a verb ("held talks") cost nothing; any other complement
    clause or modifier costs one, and so does a noun in an adjunct ("in response to unrest")."""
    level, node = 0, tok
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.dep_ == "prep" \
            and tok.head.head.pos_ in VERBISH:
        level += 1
    for _ in range(30):
        head = node.head
        if head.i == node.i:
            break
        if node.dep_ in EMBEDDING_DEPS:
            level += 1
        elif node.dep_ == "ccomp" and head.lemma_.lower() not in transparent_verbs:
            level += 1
        node = head
    return level

