"""Clustering thresholds: config file keys over measured defaults.

    # config.toml
    clustering = true               # false: no near-copy links, no happenings (each report alone)
    nearcopy_threshold = 0.3        # Jaccard of 5-word shingles the LSH index is tuned to find
    nearcopy_overlap = 0.8          # share of the shorter text's shingles found in the other
    nearcopy_new_words = 40         # words a version must add to be coded rather than linked
    happening_window_days = 2       # how far before its publication a publication-dated report reaches
    happening_undated_days = 2      # how far before its publication a report the text gives no date reaches
    statement_similarity = 0.2      # content-word overlap two statements (CAMEO 01) need to match

The defaults and how they were measured are in the README ("Happenings").
"""

from __future__ import annotations

from dataclasses import dataclass

from ..config import setting


@dataclass(frozen=True, slots=True)
class ClusteringSettings:
    enabled: bool = True  # `clustering = false`: every article coded, no happenings (benchmarks)
    # Near-copies (nearcopy.py)
    shingle_words: int = 5
    num_perm: int = 128
    nearcopy_threshold: float = 0.3
    nearcopy_overlap: float = 0.8
    nearcopy_new_words: int = 40
    # Happenings (happenings.py)
    window_days: int = 2
    undated_days: int = 2
    place_km: float = 100.0
    statement_similarity: float = 0.2

    @classmethod
    def from_config(cls) -> "ClusteringSettings":
        d = cls()
        enabled = setting("clustering", "ACCORD_CLUSTERING", default=True)
        if isinstance(enabled, str):
            enabled = enabled.strip().lower() not in ("0", "false", "no", "off")
        return cls(
            enabled=bool(enabled),
            nearcopy_threshold=float(setting("nearcopy_threshold", default=d.nearcopy_threshold)),
            nearcopy_overlap=float(setting("nearcopy_overlap", default=d.nearcopy_overlap)),
            nearcopy_new_words=int(setting("nearcopy_new_words", default=d.nearcopy_new_words)),
            window_days=int(setting("happening_window_days", default=d.window_days)),
            undated_days=int(setting("happening_undated_days", default=d.undated_days)),
            statement_similarity=float(setting("statement_similarity",
                                               default=d.statement_similarity)),
        )
