"""Read the ConfliBERT CAMEO NER file (token TAG per line, blank line between sentences)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class Sentence:
    tokens: list[str]
    tags: list[str]

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    def offsets(self) -> list[tuple[int, int]]:
        """Character offsets of each token in `text` (tokens joined by single spaces)."""
        out, pos = [], 0
        for tok in self.tokens:
            out.append((pos, pos + len(tok)))
            pos += len(tok) + 1
        return out

    def spans(self) -> list[tuple[str, int, int]]:
        """(role, start token, end token) of each S, T and R span; a stray I- starts a span.
        R marks the participants of a reciprocal event ("X met Y", "X and Y agreed"): the data
        give such events no direction, so no S or T."""
        spans: list[tuple[str, int, int]] = []
        role, start = None, 0
        for i, tag in enumerate(self.tags + ["O"]):
            kind, _, r = tag.partition("-")
            continues = kind == "I" and r == role
            if role is not None and not continues:
                spans.append((role, start, i))
                role = None
            if kind in ("B", "I") and r in ("S", "T", "R") and not continues:
                role, start = r, i
        return spans


def read_conll(path: Path) -> list[Sentence]:
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if tokens:
                sentences.append(Sentence(tokens, tags))
                tokens, tags = [], []
            continue
        token, _, tag = line.rpartition(" ")
        tokens.append(token)
        tags.append(tag.strip())
    if tokens:
        sentences.append(Sentence(tokens, tags))
    return sentences
