"""The per-Doc array view the parse rules read (accord.analysis.docview)."""

from __future__ import annotations

import gc

from accord.analysis import docview
from accord.analysis.docview import view
from accord.analysis.syntax import entity_at, entity_bounds

TEXT = ("China's President Xi Jinping and Russian leader Vladimir Putin held a video call on Wednesday, "
        "the Kremlin said. \"We will never accept it,\" he told reporters in Moscow. "
        "The Iraqi air force carried out strikes and troops, as well as police, were sent to Basra.")


def test_the_view_gives_what_tokens_give(nlp):
    doc = nlp(TEXT)
    v = view(doc)
    sents = list(doc.sents)
    assert v.n == len(doc) and v.sent_starts == [s.start for s in sents]
    for t in doc:
        i = t.i
        assert (v.lower[i], v.lemma[i], v.pos[i], v.tag[i], v.dep[i]) == (
            t.lower_, t.lemma_.lower(), t.pos_, t.tag_, t.dep_)
        assert (v.head[i], v.ent_iob[i], v.ent_type[i], v.like_num[i], v.is_punct[i]) == (
            t.head.i, t.ent_iob_, t.ent_type_, t.like_num, t.is_punct)
        assert (v.idx[i], v.length[i]) == (t.idx, len(t))
        assert (v.text[i], v.is_alpha[i]) == (t.text, t.is_alpha)
        assert v.sent_bounds(i) == (t.sent.start, t.sent.end)
        ent = entity_at(doc, i)
        assert entity_bounds(v, i) == ((ent.start, ent.end) if ent is not None else None)
        if ent is not None:
            assert ent in doc.ents and ent.label_ == v.ent_type[i]
        else:
            assert not any(e.start <= i < e.end for e in doc.ents)
        assert v.kids[i] == [c.i for c in t.children]
        assert v.subtree(i) == [c.i for c in t.subtree]
        assert (v.left_edge(i), v.right_edge(i)) == (t.left_edge.i, t.right_edge.i)
        assert v.conjuncts(i) == [c.i for c in t.conjuncts]
        assert sents[v.sent_of[i]].start <= i < sents[v.sent_of[i]].end
        assert v.children_with(i, "conj") == [c.i for c in t.children if c.dep_ == "conj"]


def test_one_view_per_doc_kept_beside_it_not_in_it(nlp):
    doc = nlp("Xi met Putin.")
    v = view(doc)
    assert view(doc) is v and view(doc[0:2].doc) is v  # the same Doc reached from a Span or a Token
    assert view(nlp("Xi met Putin.")) is not v  # another Doc, another view
    assert not doc.user_data  # nothing stored in the Doc: Doc.to_bytes and DocBin are unaffected
    doc.to_bytes()
    n = len(docview._VIEWS)
    del doc, v
    gc.collect()
    assert len(docview._VIEWS) < n  # dropped with its Doc


def test_an_empty_doc(nlp):
    v = view(nlp(""))
    assert v.n == 0 and v.kids == [] and v.sent_starts == [] and v.ids == ([], [], [], [], [])
    assert v.text == [] and v.is_alpha == []


def test_the_string_table_starts_anew_when_full(nlp, monkeypatch):
    # the strings of the hashes are kept across Docs (analysis.docview._strings); past the bound a
    # new table is started, and a view made then still reads what its Tokens give
    monkeypatch.setattr(docview, "_STRINGS_MAX", 30)
    monkeypatch.setattr(docview, "_STRING_TABLES", [{}, {}])
    first = docview.DocView(nlp("Protesters marched in Kyiv on Sunday."))
    assert first.lower[0] == "protesters" and first.lemma[1] == "march" and first.lower[3] == "kyiv"
    kyiv = first.ids[0][3]
    assert kyiv in docview._STRING_TABLES[0]
    doc = nlp(TEXT)  # more than 30 strings of its own: a new table
    v = docview.DocView(doc)
    assert kyiv not in docview._STRING_TABLES[0] and len(docview._STRING_TABLES[0]) > 30
    assert v.lower == [t.lower_ for t in doc] and v.lemma == [t.lemma_.lower() for t in doc]
    assert v.text == [t.text for t in doc] and v.tag == [t.tag_ for t in doc] and v.dep == [t.dep_ for t in doc]
