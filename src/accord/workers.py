"""Code articles in worker processes: N processes parse and code, the caller writes.

    for result in code_articles(articles, workers=2):
        ...   # Document or StageFailure, in input order

Each worker loads the pipeline once and codes chunks of articles sent to it; results come back in
input order, whatever order the workers finish in, so the caller (one writer) stores exactly
what one process would have stored. Only records travel back: the parse never leaves a worker.

A worker sends its results from a thread of its own, so it goes on coding while the caller is
busy writing; at the end of the input the chunks not yet sent go out an article at a time, so
the workers finish together. With `detect_language`, the workers also tell each article's
language, which the caller's reader then need not do.

Faults: a worker that dies (killed, out of memory) is replaced and its chunk is coded again; a
chunk that kills two workers is split into single articles, and an article that kills two
workers is reported as a `StageFailure` of its own, so one poisonous article costs only itself.
(Which chunk a worker died coding is told by a counter it shares with the caller, not guessed:
results coded before it may have died with it, unsent, and are coded again at no charge.)
Workers ignore Ctrl-C: the caller decides when to stop (closing the generator stops them), and
they exit when the caller's process dies, since their pipes close.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import signal
import threading
from collections import deque
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Iterable, Iterator

from .limits import Limits
from .model import Article, Document
from .pipeline import StageFailure

# A chunk is what one worker codes at a time: a few articles, or fewer when they are long.
CHUNK_ARTICLES = 8
CHUNK_CHARS = 40_000
# Articles coded ahead of the one the caller waits for (in input order), at most.
AHEAD_ARTICLES = 512
# Fewer articles than this in all are coded in this process when the worker count is automatic:
# starting a worker costs a model load (several seconds).
SMALL_INPUT = 2 * CHUNK_ARTICLES


def default_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class WorkerStartError(RuntimeError):
    """A worker could not start (no spaCy model, a broken configuration)."""


def code_articles(
    articles: Iterable[Article],
    workers: int | None = None,
    *,
    limits: Limits | None = None,
    policy: Any = None,
    pipeline: Any = None,
    factory: Callable[[Limits | None, Any], Any] | None = None,
    detect_language: bool = False,
    parse_ahead: bool = False,
) -> Iterator[Document | StageFailure]:
    """Code `articles`, yielding a `Document` or a `StageFailure` for each, in input order.

    `workers`: None chooses the number of cores, but codes a small input (fewer than
    `SMALL_INPUT` articles) in this process; 0 always codes in this process (with `pipeline`
    if given, else the default pipeline); N >= 1 always uses N worker processes.
    `limits` and `policy` (the event record policy) apply in every process, by default the
    configured ones. `factory(limits, policy)` builds each worker's pipeline (default:
    `Pipeline.default`); it must be a module-level function, since workers import it by name.
    `detect_language`: an article whose language is None gets it detected where it is coded (in
    a worker: the reader, in this process, then need not; see `readers.ReadOptions`).
    `parse_ahead` (coding in this process): the next batch is parsed in a thread while the
    stages code this one (`Pipeline.process`). Off unless asked: on 2 cores it gave the same
    wall time as parsing in turn and 15% more CPU (bench_scale.py, runs `ingest` and `ahead`,
    2026-12-07: 7.7 articles/s both; 148.6 against 128.8 ms of CPU an article).
    """
    if workers is not None and workers < 0:
        raise ValueError(f"workers must be 0 or more, got {workers}")
    source = iter(articles)
    head: list[Article] = []
    if workers is None:
        for article in source:
            head.append(article)
            if len(head) >= SMALL_INPUT:
                break
        workers = default_workers() if len(head) >= SMALL_INPUT else 0
    else:
        head.extend(islice(source, 1))
    if not head:
        # Nothing to code: no model loaded, no worker started (a re-run whose articles are
        # all stored already, or near-copies, sends none).
        return
    stream = _chain(head, source)
    if workers == 0:
        if detect_language:
            stream = _with_language(stream)
        if pipeline is None:
            from .pipeline import Pipeline, default_pipeline

            if limits is None:
                pipeline = default_pipeline(policy)
            else:
                pipeline = Pipeline.default(policy=policy, limits=limits)
        yield from pipeline.process(stream, parse_ahead=parse_ahead)
        return
    pool = _Pool(workers, (limits, policy), factory or _default_factory, detect_language)
    try:
        yield from pool.run(stream)
    finally:
        pool.close()


def _chain(head: list[Article], rest: Iterator[Article]) -> Iterator[Article]:
    yield from head
    yield from rest


def _with_language(articles: Iterable[Article]) -> Iterator[Article]:
    from .readers.language import detect_language

    for article in articles:
        if article.language is None:
            article.language = detect_language(article.text)
        yield article


def _chunks(articles: Iterator[Article]) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    chars = 0
    for article in articles:
        if chunk and (len(chunk) >= CHUNK_ARTICLES or chars + len(article.text) > CHUNK_CHARS):
            yield chunk
            chunk, chars = [], 0
        chunk.append(article)
        chars += len(article.text)
    if chunk:
        yield chunk


# ---------------------------------------------------------------------------------------------
# The worker process


def _default_factory(limits: Limits | None, policy: Any) -> Any:
    from .pipeline import Pipeline

    return Pipeline.default(policy=policy, limits=limits)


def _worker_main(tasks: Connection, results: Connection, options: tuple[Any, Any],
                 factory: Callable[[Limits | None, Any], Any], started: Any = None,
                 detect_language: bool = False) -> None:
    # Ctrl-C goes to the whole process group; the parent decides what stops and when.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        pipeline = factory(*options)
    except BaseException as exc:  # no model, bad configuration: say so and stop
        results.send(("error", f"{exc.__class__.__name__}: {exc}"))
        return
    from .pipeline import settle_loaded

    if detect_language:
        # The detector loads its model on first use (about a second): load it now, so the
        # first chunk is not held back by it and the model is settled with the pipeline.
        from .readers.language import detect_language as detect

        detect("Accord codes news articles in worker processes.")
    settle_loaded()  # this process keeps its pipeline to the end
    results.send(("ready", os.getpid()))
    # A thread keeps reading tasks so the parent never blocks sending one while this process
    # is busy sending results (two full pipes would wait on each other).
    inbox: queue.Queue[Any] = queue.Queue()

    def receive() -> None:
        try:
            while True:
                inbox.put(tasks.recv())
        except (EOFError, OSError):
            inbox.put(None)  # the parent has gone or closed the pipe

    # Another sends the results, so this one goes on coding while the parent is busy writing
    # and a chunk's results wait in a full pipe (they are larger than its buffer).
    outbox: queue.Queue[Any] = queue.Queue()

    def send() -> None:
        while True:
            message = outbox.get()
            try:
                results.send(message)
            except (BrokenPipeError, OSError):
                return  # the parent has gone; the coding loop ends when its pipe closes

    threading.Thread(target=receive, daemon=True).start()
    threading.Thread(target=send, daemon=True).start()
    while True:
        task = inbox.get()
        if task is None:
            return  # the parent closed the pipe: it wants no more results
        key, chunk = task
        if started is not None:
            started.value += 1  # read by the parent if this process dies: which chunk killed it
        if detect_language:
            chunk = list(_with_language(chunk))
        outbox.put(("done", key, _code_chunk(pipeline, chunk)))


def _code_chunk(pipeline: Any, chunk: list[Article]) -> list[Document | StageFailure]:
    try:
        out = list(pipeline.process(chunk))
    except Exception:
        # Something outside the stages failed (the parse); find the article it was.
        out = []
        for article in chunk:
            try:
                out.extend(pipeline.process([article]))
            except Exception as exc:
                out.append(StageFailure(article, "parse", f"{exc.__class__.__name__}: {exc}"))
    for result in out:
        if isinstance(result, Document):
            result.detections = []  # internal to the stages; only records travel
    return out


# ---------------------------------------------------------------------------------------------
# The parent's side


_writer_settled = False


def _settle_writer() -> None:
    """The caller of a pool writes what the workers send (`accord ingest`: the store): what it
    has loaded by now (the store, the model classes of the results) is kept to the end, so it
    leaves the garbage collector's view as a worker's pipeline does. Its full collections then
    walk only the objects made while writing (about 0.9 -> 0.3 ms of CPU per article on 300
    articles). Once per process."""
    global _writer_settled
    if _writer_settled:
        return
    _writer_settled = True
    from .actors import kinds  # noqa: F401  the results' mentions carry its enum
    from .pipeline import settle_loaded

    settle_loaded()


@dataclass
class _Task:
    seq: int  # the chunk's place in the input
    part: int  # -1 for a whole chunk; the article's index once a chunk is split
    articles: list[Article]
    attempts: int = 0  # workers that died coding it

    @property
    def key(self) -> tuple[int, int]:
        return (self.seq, self.part)


@dataclass
class _Worker:
    process: Any
    tasks: Connection
    results: Connection
    started: Any = None  # shared: chunks this worker began coding
    ready: bool = False
    busy: deque[_Task] = field(default_factory=deque)  # sent, results not received yet
    received: int = 0  # chunks whose results came back


class _Pool:
    # Chunks sent ahead to each worker, so it never waits for the parent between chunks.
    DEPTH = 2
    # Workers that may die before they are ready, in a row, before we give up.
    START_FAILURES = 3

    def __init__(self, size: int, options: tuple[Any, Any],
                 factory: Callable[[Limits | None, Any], Any], detect_language: bool = False):
        self.size = size
        self.detect_language = detect_language
        self.options = options  # (limits, policy) for every worker's pipeline
        self.factory = factory
        self.context = mp.get_context("spawn")
        self.start_failures = 0
        self.workers: list[_Worker] = [self._start() for _ in range(size)]
        self.done: dict[int, list[Any]] = {}  # finished chunks waiting for their turn
        self.parts: dict[int, list[Any]] = {}  # split chunks: one slot per article
        self.pending: deque[_Task] = deque()  # to be (re)sent, oldest first

    def _start(self) -> _Worker:
        task_recv, task_send = self.context.Pipe(duplex=False)
        result_recv, result_send = self.context.Pipe(duplex=False)
        started = self.context.RawValue("q", 0)
        process = self.context.Process(
            target=_worker_main,
            args=(task_recv, result_send, self.options, self.factory, started, self.detect_language),
            daemon=True, name="accord-worker")
        process.start()
        task_recv.close()
        result_send.close()
        return _Worker(process, task_send, result_recv, started)

    def run(self, articles: Iterator[Article]) -> Iterator[Document | StageFailure]:
        _settle_writer()
        chunks = _chunks(articles)
        next_seq = 0  # the next chunk to read
        next_out = 0  # the next chunk to yield
        exhausted = False
        # Chunks finished out of order wait in `done` (records only: small); never read further
        # ahead than this. Wide, so that a slow article (a long one) holding back its chunk's
        # turn does not leave the other workers idle: they go on with the chunks after it.
        window = max(self.DEPTH * self.size * 2, AHEAD_ARTICLES // CHUNK_ARTICLES)
        while True:
            while not exhausted and len(self.pending) < self.size and next_seq < next_out + window:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    self._split_pending()
                    break
                self.pending.append(_Task(next_seq, -1, chunk))
                next_seq += 1
            self._dispatch()
            while next_out in self.done:
                yield from self.done.pop(next_out)
                next_out += 1
            if exhausted and next_out == next_seq:
                return
            self._wait()

    def _split_pending(self) -> None:
        """At the end of the input, the chunks not sent yet go out an article at a time, so
        the last of the work is shared out evenly and no worker waits long for another."""
        split: list[_Task] = []
        for task in self.pending:
            if task.part < 0 and len(task.articles) > 1:
                self.parts[task.seq] = [None] * len(task.articles)
                split.extend(_Task(task.seq, i, [a], task.attempts)
                             for i, a in enumerate(task.articles))
            else:
                split.append(task)
        self.pending = deque(split)

    def _dispatch(self) -> None:
        for worker in self.workers:
            while self.pending and worker.ready and len(worker.busy) < self.DEPTH:
                task = self.pending.popleft()
                worker.busy.append(task)
                try:
                    worker.tasks.send((task.key, task.articles))
                except (BrokenPipeError, OSError):
                    break  # it died; its sentinel says so in _wait

    def _wait(self) -> None:
        by_conn = {w.results: w for w in self.workers}
        by_sentinel = {w.process.sentinel: w for w in self.workers}
        ready = wait([*by_conn, *by_sentinel], timeout=1.0)
        dead: list[_Worker] = []
        for obj in ready:
            worker = by_conn.get(obj)  # type: ignore[arg-type]
            if worker is not None and not self._receive(worker):
                dead.append(worker)
        for obj in ready:
            worker = by_sentinel.get(obj)  # type: ignore[arg-type]
            if worker is not None and worker not in dead:
                # It exited: take what it sent before it died, then replace it.
                while self._poll(worker) and self._receive(worker):
                    pass
                dead.append(worker)
        for worker in dead:
            self._replace(worker)

    @staticmethod
    def _poll(worker: _Worker) -> bool:
        try:
            return worker.results.poll()
        except (EOFError, OSError):
            return False

    def _receive(self, worker: _Worker) -> bool:
        """Handle one message from a worker; False when its pipe is closed or broken."""
        try:
            message = worker.results.recv()
        except Exception:  # EOF, or a message cut short by the worker's death
            return False
        kind = message[0]
        if kind == "ready":
            worker.ready = True
            self.start_failures = 0
        elif kind == "error":
            raise WorkerStartError(message[1])
        elif kind == "done":
            _, key, out = message
            task = worker.busy.popleft()
            worker.received += 1
            assert task.key == tuple(key), (task.key, key)
            self._finish(task, out)
        return True

    def _finish(self, task: _Task, out: list[Any]) -> None:
        # Each result's article becomes the caller's own object again (with what the worker
        # learnt about it), as in one process: callers may track articles by identity.
        if len(out) == len(task.articles):
            for mine, result in zip(task.articles, out):
                theirs = result.article
                if theirs is not mine and theirs.id == mine.id:
                    for name in mine.__slots__:
                        setattr(mine, name, getattr(theirs, name))
                    result.article = mine
        if task.part < 0:
            self.done[task.seq] = out
            return
        slots = self.parts[task.seq]
        slots[task.part] = out
        if all(slot is not None for slot in slots):
            del self.parts[task.seq]
            self.done[task.seq] = [r for slot in slots for r in slot]

    def _replace(self, worker: _Worker) -> None:
        worker.process.join(timeout=5)
        code = worker.process.exitcode
        if not worker.ready:
            self.start_failures += 1
            if self.start_failures >= self.START_FAILURES:
                raise WorkerStartError(
                    f"{self.start_failures} worker processes in a row exited before they were "
                    f"ready (the last with exit code {code})")
        lost = list(worker.busy)
        # A worker codes its chunks in order and sends their results from another thread: of
        # the chunks whose results never came, the last one it began is the one it died coding
        # (those before it were coded, their results lost with it); none if it died between two.
        coding = worker.started.value - worker.received - 1
        for conn in (worker.tasks, worker.results):
            conn.close()
        self.workers[self.workers.index(worker)] = self._start()
        retry: list[_Task] = []
        for n, task in enumerate(lost):
            task.attempts += n == coding
            if task.attempts < 2:
                retry.append(task)
            elif len(task.articles) > 1:
                # Fatal twice: code its articles one by one to find the one that kills workers.
                self.parts[task.seq] = [None] * len(task.articles)
                retry.extend(_Task(task.seq, i, [a]) for i, a in enumerate(task.articles))
            else:
                [article] = task.articles
                self._finish(task, [StageFailure(
                    article, "worker",
                    f"the worker process coding it died twice (exit code {code}); it may need "
                    "more memory or time than a worker has")])
        self.pending.extendleft(reversed(retry))

    def close(self) -> None:
        for worker in self.workers:
            try:
                worker.tasks.close()  # the worker's reader sees EOF and the worker ends
            except OSError:
                pass
        for worker in self.workers:
            worker.process.join(timeout=2)
            if worker.process.is_alive():
                worker.process.terminate()
                worker.process.join(timeout=2)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.results.close()
        self.workers = []
