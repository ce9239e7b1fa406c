"""Quotes against the hand-labelled gold set (tests/data/quotes_gold.jsonl).

- Direct-quote recall: of the gold speech quotes in quotation marks (`kind` not title/scare,
  `marked` true), the share that a direct quote of the system overlaps.
- Speaker accuracy: of those found, the share whose speaker is right: the same canonical name for
  a named speaker; for an unnamed one (an organisation, a country, "a police source"), a speaker
  that is no person (an organisation or country keeps its own name: "Lebanon", "Human Rights
  Watch"; a group has none) whose country agrees (null with null counts).
- Speaker accuracy, lenient (a second figure, never instead of the strict one): the same test
  with names compared after folding accents and apostrophes ("Remy Heitz" = "Rémy Heitz",
  "James O’Neill" = "James O'Neill").
- Speaker accuracy, pronoun speakers by their antecedent (a second figure, never instead of the
  strict one): a quote whose gold speaker mention is a pronoun ("he said") is also right when the
  mention the system's speaker record names as the pronoun's antecedent (the record's
  `speaker.text`) names the gold speaker: "Mr Whitelaw" for William Whitelaw. Every other quote is
  judged as in the strict test.
- Precision: of the system's direct quotes in the covered documents, the share that overlap a gold
  row (speech, title or scare quote alike: those are in the gold file too).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Article
from ..readers import read_inputs

EXAMPLE = Path(__file__).resolve().parents[1] / "resources" / "examples" / "xi-putin-video-call-2026-02-04.txt"


@dataclass
class QuoteResult:
    gold_speech: int = 0
    found: int = 0
    speaker_right: int = 0
    speaker_right_lenient: int = 0
    speaker_right_antecedent: int = 0
    pronoun_speakers: int = 0  # found quotes whose gold speaker mention is a pronoun
    system_direct: int = 0
    system_matched: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold_speech if self.gold_speech else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.found if self.found else 0.0

    @property
    def speaker_accuracy_lenient(self) -> float:
        return self.speaker_right_lenient / self.found if self.found else 0.0

    @property
    def speaker_accuracy_antecedent(self) -> float:
        return self.speaker_right_antecedent / self.found if self.found else 0.0

    @property
    def precision(self) -> float:
        return self.system_matched / self.system_direct if self.system_direct else 0.0


def _texts(shared: Path, rows: list[dict]) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(source, doc) -> (text, date) for every document the gold set covers."""
    out: dict[tuple[str, str], tuple[str, str | None]] = {}
    wanted = {(r["source"], str(r["doc"])) for r in rows}
    for split in ("dev", "test"):
        src = f"wikievents/{split}.jsonl"
        path = shared / "data" / "wikievents" / f"{split}.jsonl"
        if any(s == src for s, _ in wanted) and path.exists():
            for line in path.open(encoding="utf-8"):
                obj = json.loads(line)
                if (src, obj["doc_id"]) in wanted:
                    out[(src, obj["doc_id"])] = (obj["text"], None)
    tsv = shared / "data" / "conflibert-cameo-train" / "cameo_class_train.tsv"
    if tsv.exists():
        lines = tsv.read_text(encoding="utf-8").splitlines()
        for s, d in wanted:
            if s.startswith("conflibert/"):
                out[(s, d)] = (lines[int(d)].split("\t")[0], None)
    [article] = [a for a in read_inputs([EXAMPLE]) if isinstance(a, Article)]
    for s, d in wanted:
        if s.startswith("examples/"):
            out[(s, d)] = (article.text, article.date)
    return out


def evaluate(shared: Path, gold_path: Path, pipeline: Any = None) -> QuoteResult:
    from ..pipeline import Pipeline, StageFailure

    rows = [json.loads(line) for line in gold_path.open(encoding="utf-8") if line.strip()]
    texts = _texts(shared, rows)
    pipeline = pipeline or Pipeline.default()
    keys = sorted(texts)
    articles = [Article(id=f"{s}#{d}", text=texts[(s, d)][0], date=texts[(s, d)][1]) for s, d in keys]
    result = QuoteResult()
    for key, doc in zip(keys, pipeline.process(articles)):
        if isinstance(doc, StageFailure):
            raise RuntimeError(str(doc))
        gold = [r for r in rows if (r["source"], str(r["doc"])) == key]
        system = [q for q in doc.quotes if q.direct]
        result.system_direct += len(system)
        result.system_matched += sum(any(_overlap(q.span, (g["start"], g["end"])) for g in gold) for q in system)
        for g in gold:
            if g.get("kind") == "title/scare" or not g.get("marked", True):
                continue
            result.gold_speech += 1
            hits = [q for q in system if _overlap(q.span, (g["start"], g["end"]))]
            if not hits:
                result.errors.append({"doc": key[1], "quote": g["quote"][:80], "gold": g["speaker"], "got": "NOT FOUND"})
                continue
            result.found += 1
            q = max(hits, key=lambda q: min(q.span[1], g["end"]) - max(q.span[0], g["start"]))
            if _speaker_right_lenient(q.speaker, g):
                result.speaker_right_lenient += 1
            right = _speaker_right(q.speaker, g)
            pronoun = _is_pronoun(g.get("speaker_mention"))
            result.pronoun_speakers += pronoun
            if right or (pronoun and _antecedent_names(q.speaker, g)):
                result.speaker_right_antecedent += 1
            if right:
                result.speaker_right += 1
            else:
                got = None if q.speaker is None else (q.speaker.name or f"[{q.speaker.code}] {q.speaker.text}")
                result.errors.append({"doc": key[1], "quote": g["quote"][:80], "gold": g["speaker"], "got": got})
    return result


def _overlap(a, b) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def _speaker_right(actor: Any, gold: dict) -> bool:
    if gold.get("speaker") is None:
        return actor is None
    if actor is None:
        return False
    if gold.get("speaker_named"):
        return (actor.name or "").casefold() == gold["speaker"].casefold()
    # An unnamed speaker (an organisation, a country, "a police source"): any actor that is not a
    # person, with the right country. Named organisations and countries keep their names.
    return not _is_person(actor) and actor.country == gold.get("speaker_country")


def _is_person(actor: Any) -> bool:
    return (actor.key or "").startswith(("person:", "unlisted:"))


def _fold_name(name: str) -> str:
    from ..actors.knowledge import ascii_fold

    return " ".join(ascii_fold(name.replace("’", "'")).casefold().split())


def _is_pronoun(mention: str | None) -> bool:
    from ..quotes.attribution import pronoun_speakers

    return bool(mention) and mention.strip().lower() in pronoun_speakers()


def _antecedent_names(actor: Any, gold: dict) -> bool:
    """The antecedent mention the speaker record gives ("Mr Whitelaw") names the gold speaker
    (William Whitelaw): the gold name, or its last word, among the mention's words."""
    if actor is None or not gold.get("speaker_named") or not gold.get("speaker"):
        return False
    words = _fold_name(actor.text or "").replace("'s", "").split()
    name = _fold_name(gold["speaker"]).split()
    return bool(name) and (" ".join(name) in " ".join(words) or name[-1] in words)


def _speaker_right_lenient(actor: Any, gold: dict) -> bool:
    if gold.get("speaker") is None or actor is None:
        return _speaker_right(actor, gold)
    if gold.get("speaker_named"):
        return _fold_name(actor.name or "") == _fold_name(gold["speaker"])
    return _speaker_right(actor, gold)


def run_for_cli(console: Any, shared: Path, gold: Path, pipeline: Any, errors: int) -> dict:
    from rich.table import Table

    path = gold / "quotes_gold.jsonl"
    if not path.exists():
        console.print(f"quotes: skipped, no {path}")
        return {}
    r = evaluate(shared, path, pipeline)
    table = Table(title="Quotes: hand-labelled gold set (WikiEvents, ConfliBERT, founding article)")
    for col in ("gold speech quotes", "found", "direct-quote recall %", "speaker accuracy % (strict)",
                "speaker accuracy %, pronouns by antecedent", "precision %", "speaker accuracy, lenient %"):
        table.add_column(col, justify="right")
    table.add_row(str(r.gold_speech), str(r.found), f"{100 * r.recall:.1f}", f"{100 * r.speaker_accuracy:.1f}",
                  f"{100 * r.speaker_accuracy_antecedent:.1f}", f"{100 * r.precision:.1f}",
                  f"{100 * r.speaker_accuracy_lenient:.1f}")
    console.print(table)
    console.print(f"  pronouns by antecedent: the {r.pronoun_speakers} quotes spoken by a pronoun (\"he said\") also "
                  "count when the antecedent the record names is the speaker; lenient: names compared with "
                  "accents and apostrophes folded (the strict figure is the one that counts)")
    for e in r.errors[:errors]:
        console.print(f"  {e['doc']}: gold {e['gold']!r} got {e['got']!r}: {e['quote']!r}", markup=False)
    return {"recall": r.recall, "speaker_accuracy": r.speaker_accuracy, "precision": r.precision, "gold": r.gold_speech,
            "speaker_accuracy_lenient": r.speaker_accuracy_lenient,
            "speaker_accuracy_antecedent": r.speaker_accuracy_antecedent, "pronoun_speakers": r.pronoun_speakers}
