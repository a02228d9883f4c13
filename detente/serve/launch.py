"""Starting ``detente serve`` so that ``detente ingest`` can feed it: the server opens the store for
writing (the one writer DuckDB allows), makes a per-run secret, and advertises itself beside the
database; a database another process is writing is waited for briefly. See docs/live.md."""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from detente.serve.app import create_app
from detente.serve.config import ServeConfig
from detente.serve.errors import ServeError
from detente.store.advert import Advert, advertised, resolved
from detente.store.locks import DatabaseLocked

WAIT_SECONDS = 10.0


def local_url(host: str, port: int) -> str:
    """The address a process on this machine reaches the server at."""
    if host in {"0.0.0.0", ""}:
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def writable_file(db: Path) -> bool:
    """Whether this process may write the database and create its write-ahead log beside it."""
    return os.access(db, os.W_OK) and os.access(db.resolve().parent, os.W_OK)


def serve_config(db: Path, token: str | None, read_only: bool) -> tuple[ServeConfig, str | None]:
    """The settings, and a note when the server cannot take ingests although not asked to be read-only."""
    if not db.is_file():
        raise ServeError(f"{db}: no such database (create it with `detente ingest FILES --db {db}`)")
    if read_only and token:
        raise ServeError("--read-only and --token contradict each other: a token enables writes")
    if read_only:
        return ServeConfig(db=db), None
    if not writable_file(db):
        note = f"{db}: not writable here, serving read-only (`detente ingest` cannot add to it while it serves)"
        return ServeConfig(db=db, token=None), note
    return ServeConfig(db=db, token=token, live_secret=secrets.token_urlsafe(32)), None


def open_app(config: ServeConfig, wait: float, on_wait: Callable[[str], None]) -> FastAPI:
    """``create_app``, retried for up to ``wait`` seconds while another process (an ingest) writes
    the database; a database another server holds is refused at once."""
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            return create_app(config)
        except DatabaseLocked as exc:
            if exc.served or time.monotonic() >= deadline:
                raise
            if not told:
                on_wait(f"{config.db}: PID {exc.pid} is writing it; waiting up to {wait:.0f}s for it to finish")
                told = True
            time.sleep(0.5)


def advertise(app: FastAPI, config: ServeConfig, url: str) -> None:
    """Write the advert when the app starts and remove it when the app shuts down. (uvicorn
    re-raises SIGTERM and SIGINT after its shutdown, so code after ``uvicorn.run`` never runs.)"""
    advert = Advert(url=url, pid=os.getpid(), db=resolved(config.db), secret=config.live_secret)
    inner = app.router.lifespan_context

    @contextlib.asynccontextmanager
    async def lifespan(instance: FastAPI) -> AsyncIterator[Any]:
        with advertised(config.db, advert):
            async with inner(instance) as value:
                yield value

    app.router.lifespan_context = lifespan
