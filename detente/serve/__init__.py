"""HTTP API and web dashboard over the event store (``detente serve``).

>>> from detente.serve import ServeConfig, create_app
>>> app = create_app(ServeConfig(db="news.duckdb"))  # doctest: +SKIP
"""

from __future__ import annotations

from detente.serve.app import create_app
from detente.serve.config import ServeConfig
from detente.serve.errors import ApiError, ServeError

__all__ = ["ApiError", "ServeConfig", "ServeError", "create_app"]
