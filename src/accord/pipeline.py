"""The pipeline: parse, then actors, time, events and quotes, each a `Stage` on one `Document`.

`Pipeline.process(articles)` streams; nothing holds more than one spaCy batch of documents, so
memory stays flat however long the input. A stage that fails on one article is reported as a
rejection of that article and the batch goes on.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from .analysis import SpacyStage, load_nlp
from .model import Article, Document
from .readers.language import is_coded
from .stage import Stage, check_stage_order


@dataclass(slots=True)
class StageFailure:
    """An article that a stage could not process: the article and the reason."""

    article: Article
    stage: str
    reason: str

    def __str__(self) -> str:
        return f"{self.article.origin or self.article.id}: {self.stage} stage failed: {self.reason}"


class Pipeline:
    def __init__(self, stages: list[Stage], nlp: Any):
        check_stage_order(stages)  # each stage reads only what the parse or an earlier stage gives
        self.nlp = nlp
        self.parse = SpacyStage(nlp)
        self.stages = stages

    @classmethod
    def default(cls, nlp: Any = None, policy: Any = None) -> "Pipeline":
        """The four stages; `policy` (accord.events.policy.RecordPolicy) decides which events are
        records, by default the one the environment and config file give."""
        # Imported here so that `import accord` stays light until a pipeline is built.
        from .actors import ActorStage
        from .events import EventStage
        from .quotes import QuoteStage
        from .time import TimeStage

        return cls([ActorStage(), TimeStage(), EventStage(policy), QuoteStage()], nlp or load_nlp())

    def with_policy(self, policy: Any) -> "Pipeline":
        """The same pipeline (shared model and stages) whose events stage applies another record
        policy: cheap, nothing is loaded again."""
        import copy

        stages = []
        for stage in self.stages:
            if hasattr(stage, "policy"):
                stage = copy.copy(stage)
                stage.policy = policy
            stages.append(stage)
        clone = copy.copy(self)
        clone.stages = stages
        return clone

    def process(self, articles: Iterable[Article]) -> Iterator[Document | StageFailure]:
        # Only English is coded: an article in another language passes through unparsed, in
        # its place in the stream, and is stored with its language and no records.
        waiting: deque[Document] = deque()

        def to_parse() -> Iterator[Document]:
            for article in articles:
                document = Document(article)
                waiting.append(document)
                if is_coded(article.language):
                    yield document

        for parsed in self.parse.process(to_parse()):
            while waiting[0] is not parsed:
                yield waiting.popleft()
            waiting.popleft()
            yield self.process_document(parsed)
        yield from waiting

    def process_document(self, document: Document) -> Document | StageFailure:
        for stage in self.stages:
            try:
                stage.process_document(document)
            except Exception as exc:  # one bad article must not stop a batch
                return StageFailure(document.article, stage.name, f"{exc.__class__.__name__}: {exc}")
        document.doc = None  # the parse is large; records are all that is kept
        return document


_default: Pipeline | None = None


def default_pipeline(policy: Any = None) -> Pipeline:
    """The process-wide pipeline, with the configured record policy or the `policy` given."""
    global _default
    if _default is None:
        _default = Pipeline.default()
    return _default if policy is None else _default.with_policy(policy)
