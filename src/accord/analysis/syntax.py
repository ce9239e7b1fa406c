"""Small helpers over spaCy's dependency parse that several stages share."""

from __future__ import annotations

from typing import Any

from .docview import view

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
    v = view(verb.doc)  # (read on the Doc's arrays: analysis.docview)
    dep, i = v.dep, verb.i
    if i == 0 or v.tag[i] not in ("VBD", "VBZ", "VBP") or any(
            dep[c] in ("nsubj", "nsubjpass", "expl") for c in v.kids[i]):
        return None
    name = i - 1
    prep = v.head[name]
    if dep[name] != "pobj" or v.pos[name] != "PROPN" or v.lower[prep] not in CLAUSE_PREPOSITIONS or prep > name:
        return None
    return verb.doc[name]


def subject_of(verb: Any) -> tuple[Any | None, bool]:
    """(subject token, is_passive) of a verb, inherited through xcomp/conj/advcl chains."""
    misread = _name_misread_as_object(verb)
    if misread is not None:
        return misread, False
    doc = verb.doc
    v = view(doc)  # (read on the Doc's arrays: analysis.docview)
    kids, dep, head, pos = v.kids, v.dep, v.head, v.pos
    vi = verb.i
    node = vi
    for _ in range(4):
        for c in kids[node]:
            if dep[c] == "nsubj":
                return doc[c], False
            if dep[c] == "nsubjpass":
                # "was rescued and flown to Moscow": a participle conjunct shares the passive
                shared = dep[vi] == "conj" and v.tag[vi] == "VBN" and not any(
                    dep[k] in ("aux", "auxpass", "nsubj", "dobj") for k in kids[vi])
                return doc[c], node == vi or shared
        if dep[node] == "relcl":
            return doc[head[node]], False  # "negotiators who met": the noun the clause modifies
        if _main_verb_as_modifier_at(v, node):
            return doc[head[node]], False  # "The Iraqi air force carried out strikes" parsed as a noun phrase
        prep = head[node]
        if dep[node] == "pcomp" and dep[prep] == "prep" and (
                pos[head[prep]] in VERBISH
                or (dep[head[prep]] == "acomp" and pos[head[head[prep]]] in VERBISH)):
            # A gerund after a verb's preposition is done by the verb's object where it has one
            # ("accused North Korea of firing"), else by its subject ("North Korea was accused
            # of firing", "Iran refrained from attacking"); after a predicate adjective's, by the
            # subject ("the United States was more forceful in blaming Iran").
            governor = head[prep] if pos[head[prep]] in VERBISH else head[head[prep]]
            adjunct = v.lower[prep] in ADJUNCT_GERUND_PREPOSITIONS
            controller = None if adjunct else next((c for c in kids[governor] if dep[c] == "dobj"), None)
            if controller is None:
                controller = next((c for c in kids[governor] if dep[c] in ("nsubj", "nsubjpass")), None)
            if controller is not None:
                return doc[controller], False
            node = governor
            continue
        if dep[node] in INHERIT_SUBJECT_DEPS and head[node] != node:
            node = head[node]
            continue
        break
    return None, False


VERBISH = ("VERB", "AUX")


def verb_above(tok: Any, limit: int = 6, or_root: bool = False) -> Any | None:
    """The first verb (VERB/AUX) above `tok` on its head path, `tok` itself excluded, looking at
    most `limit` heads up: the clause a word belongs to. None when the path reaches the root
    first (or, with `or_root`, the root itself: a verbless sentence's head stands for its clause;
    a root `tok` is then its own clause)."""
    v = view(tok.doc)  # (read on the Doc's arrays: analysis.docview)
    head, pos = v.head, v.pos
    node = tok.i
    for _ in range(limit):
        if head[node] == node:
            return tok.doc[node] if or_root else None
        node = head[node]
        if pos[node] in VERBISH:
            return tok.doc[node]
    return tok.doc[node] if or_root and head[node] == node else None


def clause_verb(tok: Any) -> Any | None:
    """The verb of the clause `tok` is in (the sentence's root where no verb is above it): two
    words are in one clause when their `clause_verb` is the same token."""
    return verb_above(tok, limit=9, or_root=True)


def clause_verb_index(v: Any, i: int) -> int:
    """`clause_verb(doc[i]).i` read on the Doc's view (`analysis.docview.view(doc)`), -1 where
    that is None: comparing two words' clauses makes no Token."""
    head, pos = v.head, v.pos
    node = i
    for _ in range(9):
        if head[node] == node:
            return node
        node = head[node]
        if pos[node] in VERBISH:
            return node
    return node if head[node] == node else -1


def sentence_numbers(doc: Any) -> list[int]:
    """For every token index of `doc`, the number of its sentence (0-based)."""
    return list(view(doc).sent_of)


def sentence_start_back(tok: Any, n: int) -> int:
    """The token index where the sentence `n` sentences before `tok`'s begins (the first
    sentence's start when there are fewer)."""
    starts = [s for s in view(tok.doc).sent_starts if s <= tok.i]
    return starts[max(0, len(starts) - 1 - n)]


def entity_bounds(v: Any, i: int) -> tuple[int, int] | None:
    """(start, end) of the named entity token `i` is part of, or None, read on a Doc's view
    (`analysis.docview.view(doc)`): the span `entity_at` makes, without making it; its label is
    `v.ent_type[i]`."""
    iob = v.ent_iob
    if iob[i] != "B" and iob[i] != "I":
        return None
    start = i
    while start > 0 and iob[start] == "I":
        start -= 1
    end = i + 1
    n = v.n
    while end < n and iob[end] == "I":
        end += 1
    return start, end


def entity_at(doc: Any, i: int) -> Any | None:
    """The named entity (a Span with its label) token `i` is part of, or None: the same span
    `doc.ents` holds, found from the tokens' IOB tags without building every entity of the doc."""
    v = view(doc)  # (read on the Doc's arrays: analysis.docview)
    bounds = entity_bounds(v, i)
    if bounds is None:
        return None
    from spacy.tokens import Span

    return Span(doc, bounds[0], bounds[1], label=v.ent_type[i])


def _main_verb_as_modifier_at(v: Any, verb: int) -> bool:
    """The parser, missing a sentence's main verb, made it a participle modifying the subject,
    the root ("The Iraqi air force carried out at least three air strikes": "force" the root,
    "carried" its acl). A participle with a direct object and neither "by" agent nor passive
    auxiliary is no reduced passive ("the strikes carried out by the air force")."""
    dep, tag, pos, kids = v.dep, v.tag, v.pos, v.kids
    head = v.head[verb]
    return (dep[verb] == "acl" and tag[verb] in ("VBD", "VBN") and dep[head] == "ROOT"
            and pos[head] in ("NOUN", "PROPN") and head < verb
            and any(dep[c] == "dobj" for c in kids[verb])
            and not any(dep[c] in ("agent", "auxpass", "nsubj", "nsubjpass") for c in kids[verb]))


def pobjs(head: Any, word: str) -> list[Any]:
    """Objects of the preposition `word` attached to `head` ("sanctions on Russia": Russia)."""
    v = view(head.doc)  # (read on the Doc's arrays: analysis.docview)
    dep, lower, kids, doc = v.dep, v.lower, v.kids, head.doc
    return [doc[p] for prep in kids[head.i] if dep[prep] == "prep" and lower[prep] == word
            for p in kids[prep] if dep[p] == "pobj"]


def pobjs_among(head: Any, words: Any) -> list[Any]:
    """Objects of any preposition in `words` attached to `head`, in the parse's order."""
    v = view(head.doc)  # (read on the Doc's arrays: analysis.docview)
    dep, lower, kids, doc = v.dep, v.lower, v.kids, head.doc
    return [doc[p] for prep in kids[head.i] if dep[prep] == "prep" and lower[prep] in words
            for p in kids[prep] if dep[p] == "pobj"]


def pobjs_by_word(head: Any) -> dict[str, list[Any]]:
    """`pobjs(head, word)` for every preposition on `head` at once, from one pass over its children."""
    v = view(head.doc)  # (read on the Doc's arrays: analysis.docview)
    dep, lower, kids, doc = v.dep, v.lower, v.kids, head.doc
    out: dict[str, list[Any]] = {}
    for prep in kids[head.i]:
        if dep[prep] == "prep":
            out.setdefault(lower[prep], []).extend(doc[p] for p in kids[prep] if dep[p] == "pobj")
    return out


def phrasal_verb(verb: Any) -> str:
    """A verb with its particle ("rule out"), or its lemma alone."""
    v = view(verb.doc)  # (read on the Doc's arrays: analysis.docview)
    dep, lower = v.dep, v.lower
    prt = next((lower[c] for c in v.kids[verb.i] if dep[c] == "prt"), None)
    return f"{v.lemma[verb.i]} {prt}" if prt else v.lemma[verb.i]


def argument_head(noun: Any) -> Any | None:
    """The verb a noun is an argument of: "hosted talks", "talks were held", "called for talks",
    "denied any talks" (through conjuncts: "talks and visits were held"); None for a noun that
    modifies another noun."""
    v = view(noun.doc)  # (read on the Doc's arrays: analysis.docview)
    dep, heads = v.dep, v.head
    node = noun.i
    while dep[node] == "conj" and heads[node] != node:
        node = heads[node]
    if dep[node] in ("dobj", "nsubj", "nsubjpass", "attr", "oprd"):
        head = heads[node]
    elif dep[node] == "pobj" and dep[heads[node]] in ("prep", "agent"):
        head = heads[heads[node]]
    else:
        return None
    return noun.doc[head] if v.pos[head] in VERBISH and head != node else None


def governed_by(tok: Any, anchors: list[Any], limit: int = 12) -> bool:
    """True when the path from `tok` up the tree reaches one of `anchors` before any other verb
    (auxiliaries aside): `tok` belongs to that word's clause ("met on Sunday": "Sunday")."""
    v = view(tok.doc)  # (read on the Doc's arrays: analysis.docview)
    head, pos, dep = v.head, v.pos, v.dep
    at = {a.i for a in anchors}
    node = tok.i
    for _ in range(limit):
        if node in at:
            return True
        if head[node] == node:
            return False
        if node != tok.i and pos[node] in VERBISH and dep[node] != "aux":
            return False
        node = head[node]
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
    v = view(tok.doc)  # (read on the Doc's arrays: analysis.docview)
    head, dep, lemma = v.head, v.dep, v.lemma
    node = tok.i
    for _ in range(limit):
        if head[node] == node:
            break
        if dep[node] in reported and lemma[head[node]] in reporting_verbs:
            return tok.doc[head[node]]
        if through is not None and dep[node] not in through:
            break
        node = head[node]
    if trailing:
        for child in v.kids[node]:
            if dep[child] in ("parataxis", "ccomp") and child > node and lemma[child] in reporting_verbs:
                return tok.doc[child]
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
    v = view(tok.doc)  # (read on the Doc's arrays: analysis.docview)
    heads, dep, pos, lemma = v.head, v.dep, v.pos, v.lemma
    level, node = 0, tok.i
    if pos[node] in ("NOUN", "PROPN") and dep[node] == "pobj" and dep[heads[node]] == "prep" \
            and pos[heads[heads[node]]] in VERBISH:
        level += 1
    for _ in range(30):
        head = heads[node]
        if head == node:
            break
        if dep[node] in EMBEDDING_DEPS:
            level += 1
        elif dep[node] == "ccomp" and lemma[head] not in transparent_verbs:
            level += 1
        node = head
    return level

