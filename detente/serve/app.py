"""The FastAPI application: API routers, the dashboard's static files, errors in one shape."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from detente.serve import handlers, live, routes_explain, routes_read, routes_write
from detente.serve.cache import ReadCache
from detente.serve.coding import SharedCoder
from detente.serve.config import ServeConfig
from detente.serve.db import Database
from detente.serve.deps import State
from detente.serve.limits import SecurityHeaders

STATIC = Path(str(files("detente.serve") / "static"))


def create_app(config: ServeConfig | None = None, coder: SharedCoder | None = None) -> FastAPI:
    """Open the database (read-only unless ``config.token``) and build the app.

    Raises :class:`detente.serve.ServeError` at once when the database cannot be served, so the
    command fails before it listens.
    """
    config = config or ServeConfig()
    coder = coder or SharedCoder()
    db = Database(
        config.db,
        writable=config.writable or config.live,
        coder=coder,
        cache_bytes=config.cache_bytes,
        max_readers=config.max_readers,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        db.close()

    # no /docs or /redoc: their pages load scripts from a CDN, and the dashboard must work offline
    app = FastAPI(
        title="detente",
        summary="Political events coded from news text: search, dyad series, documents, coding.",
        version="1",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.detente = State(config, db, coder)
    handlers.install(app)
    app.include_router(routes_read.router)
    app.include_router(routes_write.router)
    if coder.can_explain:  # a test's stub coder has no decisions to show
        app.include_router(routes_explain.router)
    app.include_router(live.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    app.add_middleware(ReadCache, cache=db.cache, generation=lambda: db.generation)  # innermost: GETs only
    app.add_middleware(
        live.LiveBodyLimit,
        max_bytes=config.max_body_bytes,
        live_secret=config.live_secret,
        live_max_bytes=config.max_live_body_bytes,
    )
    app.add_middleware(SecurityHeaders)
    return app
