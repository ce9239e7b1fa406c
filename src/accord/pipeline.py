"""The pipeline: parse, then actors, time, events and quotes, each a `Stage` on one `Document`.

`Pipeline.process(articles)` streams; nothing holds more than one spaCy batch of documents (two
with `parse_ahead`), so memory stays flat however long the input. A stage that fails on one
article is reported as a rejection of that article and the batch goes on.

`parse_ahead`: the next batch is parsed in a thread while the stages code this one. The parse
spends most of its CPU in code that releases the GIL (BLIS matrix products, the parser's and
the entity recognizer's transition loops), so on a second core it overlaps the stages and the
caller's own work (the store); the batches, and so the parses and records, are the same.

What one article may cost is bounded (`accord.limits`): an article over `max_article_chars` is
rejected with a reason naming that limit, one over `piece_chars` is coded in pieces
(`accord.pieces`), and the stages get `time_budget` seconds per piece.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from .analysis import SpacyStage, load_nlp
from .limits import Budget, Limits, OverBudget
from .model import Article, Document
from .pieces import merge_piece, piece_article, split_pieces
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


@dataclass(slots=True)
class TooLong(StageFailure):
    """An article over `max_article_chars`: rejected before any work is spent on it."""

    def __str__(self) -> str:
        return f"{self.article.origin or self.article.id}: not coded: {self.reason}"


class Pipeline:
    def __init__(self, stages: list[Stage], nlp: Any, limits: Limits | None = None):
        check_stage_order(stages)  # each stage reads only what the parse or an earlier stage gives
        self.nlp = nlp
        self.parse = SpacyStage(nlp)
        self.stages = stages
        self.limits = limits or Limits.from_settings()
        # One parse at a time: a thread parsing ahead for one `process` call (even one closed
        # early) and a long article's pieces never run the model at once.
        self._parse_lock = threading.Lock()

    @classmethod
    def default(cls, nlp: Any = None, policy: Any = None, limits: Limits | None = None) -> "Pipeline":
        """The four stages; `policy` (accord.events.policy.RecordPolicy) decides which events are
        records, by default the one the environment and config file give; `limits` what one
        article may cost (accord.limits), by default the configured ones."""
        # Imported here so that `import accord` stays light until a pipeline is built.
        from .actors import ActorStage
        from .events import EventStage
        from .quotes import QuoteStage
        from .time import TimeStage

        actors = ActorStage()
        return cls([actors, TimeStage(), EventStage(policy, kb=actors.kb), QuoteStage()], nlp or load_nlp(),
                   limits)

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

    def process(self, articles: Iterable[Article],
                parse_ahead: bool = False) -> Iterator[Document | StageFailure]:
        """Code articles in input order: short ones parsed in batches, long ones in pieces.

        Only English is coded: an article in another language passes through unparsed, in its
        place in the stream, and is stored with its language and no records.

        `parse_ahead`: parse the next batch in a thread of this process while the stages code
        this one (worth it with a second core; see the module's docstring)."""
        limits = self.limits
        batches = _Batches(self, parse_ahead)
        batch: list[Document] = []
        chars = 0
        try:
            for article in articles:
                size = len(article.text)
                coded = is_coded(article.language)
                if size > limits.max_article_chars:
                    yield from batches.add(batch)
                    yield from batches.finish()
                    batch, chars = [], 0
                    yield TooLong(article, "length",
                                  f"{size:,} characters, over the limit of "
                                  f"{limits.max_article_chars:,} (max_article_chars)")
                elif coded and size > limits.piece_chars:
                    yield from batches.add(batch)
                    yield from batches.finish()
                    batch, chars = [], 0
                    yield self.process_long(article)
                else:
                    if batch and (len(batch) >= self.parse.batch_size
                                  or chars + size > limits.batch_chars):
                        yield from batches.add(batch)
                        batch, chars = [], 0
                    batch.append(Document(article))
                    chars += size if coded else 0
            yield from batches.add(batch)
            yield from batches.finish()
        finally:
            batches.close()

    def _parse_batch(self, documents: list[Document]) -> list[Document]:
        """Parse a batch of documents (one `nlp.pipe`), whichever thread asks."""
        with self._parse_lock:
            return list(self.parse.process(documents))

    def _code_batch(self, batch: list[Document],
                    parsed: list[Document]) -> Iterator[Document | StageFailure]:
        """The stages on a parsed batch; articles not coded (another language) pass through."""
        done = iter(parsed)
        for document in batch:
            if is_coded(document.article.language):
                yield self.process_document(next(done))
            else:
                yield document

    def process_document(self, document: Document) -> Document | StageFailure:
        """Run the stages on a parsed document within the time budget; drop the parse after."""
        failure = self._run_stages(document)
        document.doc = None  # the parse is large; records are all that is kept
        return failure or document

    def _run_stages(self, document: Document, article: Article | None = None) -> StageFailure | None:
        article = article or document.article
        stage_name = "?"
        started = time.monotonic()
        try:
            with Budget(self.limits.time_budget) as budget:
                for stage in self.stages:
                    stage_name = stage.name
                    try:
                        stage.process_document(document)
                    except Exception as exc:  # one bad article must not stop a batch
                        return StageFailure(article, stage.name, f"{exc.__class__.__name__}: {exc}")
                    budget.check()
        except OverBudget:
            spent = time.monotonic() - started
            return StageFailure(
                article, stage_name,
                f"over the time budget of {self.limits.time_budget:g} s per piece of text "
                f"(time_budget; stopped after {spent:.1f} s)")
        return None

    def process_long(self, article: Article) -> Document | StageFailure:
        """Code an article longer than `piece_chars` piece by piece (see `accord.pieces`)."""
        whole = Document(article)
        sentences = tokens = 0
        for number, (start, end) in enumerate(split_pieces(article.text, self.limits.piece_chars)):
            piece = Document(piece_article(article, number, start, end))
            with self._parse_lock:
                piece.doc = self.nlp(piece.article.text)
            piece_sentences = sum(1 for _ in piece.doc.sents)
            piece_tokens = len(piece.doc)
            failure = self._run_stages(piece, article)
            piece.doc = None
            if failure is not None:
                return failure
            merge_piece(whole, piece, start, sentences, tokens)
            sentences += piece_sentences
            tokens += piece_tokens
        return whole


class _Batches:
    """The batches of one `Pipeline.process` call, coded in input order: parsed in turn, or
    with `parse_ahead` the next one parsed in a thread while the stages code this one."""

    def __init__(self, pipeline: Pipeline, parse_ahead: bool):
        self.pipeline = pipeline
        self.parse_ahead = parse_ahead
        self.pending: deque[tuple[list[Document], Future]] = deque()
        self.executor: ThreadPoolExecutor | None = None

    def add(self, batch: list[Document]) -> Iterator[Document | StageFailure]:
        """Take a batch; code those it has waited long enough for."""
        if not batch:
            return
        coded = [d for d in batch if is_coded(d.article.language)]
        if not self.parse_ahead:
            yield from self.pipeline._code_batch(batch, self.pipeline._parse_batch(coded))
            return
        if self.executor is None:
            self.executor = ThreadPoolExecutor(1, thread_name_prefix="accord-parse")
        self.pending.append((batch, self.executor.submit(self.pipeline._parse_batch, coded)))
        while len(self.pending) > 1:  # one batch parses while the one before it is coded
            yield from self._code_next()

    def finish(self) -> Iterator[Document | StageFailure]:
        """Code every batch taken."""
        while self.pending:
            yield from self._code_next()

    def _code_next(self) -> Iterator[Document | StageFailure]:
        batch, parsing = self.pending[0]
        parsed = parsing.result()  # a parse that failed raises here, in its place in the input
        self.pending.popleft()
        yield from self.pipeline._code_batch(batch, parsed)

    def close(self) -> None:
        """Stop parsing ahead (the batch being parsed finishes in the thread, under the parse
        lock, and is dropped)."""
        self.pending.clear()
        if self.executor is not None:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = None


_default: Pipeline | None = None

# Allocations between young garbage collections once a pipeline is loaded (`settle_loaded`);
# Python's default is 700. bench/bench_ingest_cost.py --gc-threshold N compares values.
GC_YOUNG_THRESHOLD = 10_000


def settle_loaded() -> None:
    """Call once a process has loaded its pipeline for good: the model and resources (about
    250,000 objects, never freed) leave the garbage collector's view, so its full collections
    stop walking them again and again while articles are coded (about 1% of ingest's CPU)."""
    import atexit
    import gc

    gc.collect()  # what loading left behind is freed, not frozen
    gc.freeze()
    # Coding an article allocates tens of thousands of container objects (spaCy tokens and
    # spans, candidates, records), nearly all freed by reference counting: a young collection
    # every 700 allocations (the default) walks the survivors again and again for little garbage.
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])
    # Back in view at exit, so that shutdown frees them (else nanobind, under DuckDB, reports
    # its types as leaked on stderr).
    atexit.register(gc.unfreeze)


def default_pipeline(policy: Any = None) -> Pipeline:
    """The process-wide pipeline, with the configured record policy or the `policy` given."""
    global _default
    if _default is None:
        _default = Pipeline.default()
        settle_loaded()
    return _default if policy is None else _default.with_policy(policy)
