"""The service layer: the one place that turns user filters into queries over the store.

The CLI, the API, the dashboard's JSON, the exports and the Python face all ask it; it returns
the contract's record shapes (and plain dicts for aggregations). See queries.py for the methods
and STORE_PLAN.md for how to add one.
"""

from .filters import Filters
from .params import ParameterError
from .queries import MAX_LIMIT, Page, Service

__all__ = ["Filters", "MAX_LIMIT", "Page", "ParameterError", "Service"]
