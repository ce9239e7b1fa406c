"""The stage protocol: each analysis stage owns one job and passes the same `Document` along."""

from __future__ import annotations

from typing import Iterable, Iterator

from .model import Document


class Stage:
    """A pipeline stage. Subclasses implement `process_document`; `process` streams documents."""

    name = "stage"

    def process_document(self, document: Document) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def process(self, documents: Iterable[Document]) -> Iterator[Document]:
        for document in documents:
            self.process_document(document)
            yield document
