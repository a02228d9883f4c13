"""What routes share: the app's database, coder and settings, and the write-token check."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

import duckdb
from fastapi import Depends, Request

from detente.serve.coding import SharedCoder
from detente.serve.config import ServeConfig
from detente.serve.db import Database
from detente.serve.errors import ApiError
from detente.serve.models import ErrorBody


@dataclass(slots=True)
class State:
    config: ServeConfig
    db: Database
    coder: SharedCoder


def state(request: Request) -> State:
    return request.app.state.detente  # type: ignore[no-any-return]


async def _state(request: Request) -> State:
    """``state`` as a dependency: async, so FastAPI calls it on the event loop, not in its thread pool."""
    return state(request)


def cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    with state(request).db.cursor() as cur:
        yield cur


async def require_token(request: Request) -> None:
    """Writes exist only when a token is configured, and then need ``Authorization: Bearer TOKEN``."""
    token = state(request).config.token
    if not token:
        raise ApiError(403, "writes_disabled", "this server is read-only; start it with --token to enable writes")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip().encode(), token.encode()):
        raise ApiError(401, "unauthorized", "send Authorization: Bearer TOKEN")


Cursor = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]
AppState = Annotated[State, Depends(_state)]


def errors(*statuses: int) -> dict[int | str, dict[str, object]]:
    """OpenAPI entries for error statuses, all with the one error shape."""
    out: dict[int | str, dict[str, object]] = {s: {"model": ErrorBody} for s in statuses}
    out[422] = {"model": ErrorBody, "description": "Validation error"}
    return out
