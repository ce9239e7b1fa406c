"""Clustering: near-copies of stored articles (nearcopy.py) and happenings, the reports of one
real-world act merged (happenings.py). Pure logic over records; the store persists the results."""

from .settings import ClusteringSettings

__all__ = ["ClusteringSettings"]
