"""The JSON API (FastAPI) that also serves the dashboard: `accord serve`."""

from .app import MAX_LIMIT, create_app

__all__ = ["MAX_LIMIT", "create_app"]
