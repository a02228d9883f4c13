"""HTTP API and web dashboard over the event store (``detente serve``).

>>> from detente.serve import ServeConfig, create_app
>>> app = create_app(ServeConfig(db="news.duckdb"))  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from detente.serve.config import ServeConfig
from detente.serve.errors import ApiError, ServeError

if TYPE_CHECKING:
    from detente.serve.app import create_app

__all__ = ["ApiError", "ServeConfig", "ServeError", "create_app"]


def __getattr__(name: str) -> Any:
    # FastAPI loads in half a second: only a process that builds the app pays for it, not every CLI command
    if name == "create_app":
        from detente.serve.app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
