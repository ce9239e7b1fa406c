"""What one article may cost: its length, the size of the pieces it is coded in, and time.

Every process that codes articles (one `accord ingest`, each of its workers, each Spark Python
worker) must stay under about 1 GiB resident whatever it is given, and one pathological article
must cost only itself. Three settings bound that, each from the environment, else the config file,
else the default:

- `max_article_chars` (`ACCORD_MAX_ARTICLE_CHARS`, default 2,000,000): longer articles are rejected
  with a reason naming this limit. 2,000,000 characters is about 300,000 words.
- `piece_chars` (`ACCORD_PIECE_CHARS`, default 20,000): longer articles are parsed and coded in
  pieces of at most this many characters, cut at paragraph (else sentence) boundaries; sentences
  and coreference stay within a piece. The parse and the stages cost time linear in the piece
  count and memory bounded by one piece. Most news articles are one piece.
- `time_budget` (`ACCORD_TIME_BUDGET`, seconds, default 60): the analysis stages may spend this
  long on one piece of an article; a stage running over fails that article alone.
"""

from __future__ import annotations

import signal
import threading
import time
from dataclasses import dataclass
from typing import Any

from .config import setting

# The one length limit: readers reject longer texts as they read them, the pipeline refuses them
# too (for articles that come from elsewhere, as `accord.extract` text or a Spark row).
DEFAULT_MAX_ARTICLE_CHARS = 2_000_000


@dataclass(frozen=True, slots=True)
class Limits:
    max_article_chars: int = DEFAULT_MAX_ARTICLE_CHARS
    piece_chars: int = 20_000
    time_budget: float = 60.0
    # A parse batch (several short articles parsed together by nlp.pipe) holds at most this many
    # characters: the parser's working memory grows with the batch's text, not its count.
    batch_chars: int = 60_000

    @classmethod
    def from_settings(cls, **overrides: Any) -> "Limits":
        """The configured limits; keyword arguments that are not None override them."""
        values: dict[str, Any] = {}
        for name, env, kind in (
            ("max_article_chars", "ACCORD_MAX_ARTICLE_CHARS", int),
            ("piece_chars", "ACCORD_PIECE_CHARS", int),
            ("time_budget", "ACCORD_TIME_BUDGET", float),
        ):
            raw = overrides.get(name)
            if raw is None:
                raw = setting(name, env)
            if raw is None:
                continue
            try:
                value = kind(raw)
            except (TypeError, ValueError):
                raise ValueError(f"setting {name} must be a number, got {raw!r}") from None
            if value <= 0:
                raise ValueError(f"setting {name} must be greater than 0, got {raw!r}")
            values[name] = value
        limits = cls(**values)
        if limits.piece_chars > limits.max_article_chars:
            limits = cls(**{**values, "piece_chars": limits.max_article_chars})
        return limits


class OverBudget(BaseException):
    """Raised inside a stage when the article's time budget runs out.

    A BaseException, like KeyboardInterrupt, so that a stage's own `except Exception` cannot
    swallow it; only the pipeline catches it.
    """


class Budget:
    """A deadline for the stages of one piece of an article.

    In the main thread a timer signal (SIGALRM) interrupts a stage that runs over, so a stage
    stuck in a loop cannot hold the batch. Elsewhere (a server's worker thread) signals are not
    available; `check()` between stages then fails the article once the time is spent.
    """

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.deadline = 0.0
        self._armed = False
        self._previous: Any = None
        self._use_signal = (
            hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        )

    def _on_alarm(self, signum: int, frame: Any) -> None:
        if self._armed:
            self._armed = False
            raise OverBudget()

    def __enter__(self) -> "Budget":
        self.deadline = time.monotonic() + self.seconds
        if self._use_signal:
            self._previous = signal.signal(signal.SIGALRM, self._on_alarm)
            self._armed = True
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def check(self) -> None:
        if time.monotonic() > self.deadline:
            raise OverBudget()

    def __exit__(self, *exc: object) -> None:
        if self._use_signal:
            self._armed = False  # first: an alarm arriving now is ignored
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous or signal.SIG_DFL)
