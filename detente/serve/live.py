"""The server side of live ingest: ``detente ingest`` on the same machine, having found this server in
the file beside the database (:mod:`detente.store.advert`), posts the documents it read here and
the server codes and writes them with its single writer connection. The endpoints take the
per-run secret from that file, not the public write token, and are left out of the OpenAPI
description: they are a protocol between two detente processes (see docs/live.md).
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field
from starlette.types import Scope

from detente.ingest.formats import Record
from detente.model import Document
from detente.serve.db import Database
from detente.serve.deps import AppState, state
from detente.serve.errors import ApiError
from detente.serve.limits import BodyLimit
from detente.store.advert import resolved

PREFIX = "/api/live"
router = APIRouter(prefix=PREFIX, include_in_schema=False)


class LiveDocument(BaseModel):
    """One record as the readers made it; ``origin`` is where it was read (path:line)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    date: dt.date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str


class LiveBatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[LiveDocument] = Field(min_length=1)


def _secret_matches(expected: str | None, authorization: str) -> bool:
    scheme, _, given = authorization.partition(" ")
    if not expected or scheme.lower() != "bearer":
        return False
    return secrets.compare_digest(given.strip().encode(), expected.encode())


def require_secret(request: Request) -> None:
    expected = state(request).config.live_secret
    if not expected:
        raise ApiError(403, "live_disabled", "this server does not take ingests (it was started with --read-only)")
    if not _secret_matches(expected, request.headers.get("authorization", "")):
        raise ApiError(401, "unauthorized", "send Authorization: Bearer with the secret from the server's .serve.json")


@router.get("", dependencies=[Depends(require_secret)])
def hello(st: AppState) -> dict[str, Any]:
    """Which database this server holds, so a client can tell it found the right one."""
    return {"db": resolved(st.config.db), "pid": os.getpid()}


@router.post("/batch", dependencies=[Depends(require_secret)])
async def post_batch(body: LiveBatch, st: AppState) -> dict[str, Any]:
    return await run_in_threadpool(ingest_batch, st.db, body.documents)


def ingest_batch(db: Database, documents: list[LiveDocument]) -> dict[str, Any]:
    """Code and store the batch like ``detente ingest`` (repair, hashing, deduplication, one
    transaction per batch). Coding failures are reported per document, never stop the batch."""
    if db.store is None:  # pragma: no cover - require_secret refuses first
        raise ApiError(403, "live_disabled", "this server is read-only")
    records = [
        Record(Document(doc_id=d.id, text=d.text, date=d.date, title=d.title, url=d.url, source=d.source), d.origin)
        for d in documents
    ]
    report = db.ingest_records(records)
    return {
        "documents_read": report.documents_read,
        "documents_added": report.documents_added,
        "documents_skipped": report.documents_skipped,
        "reports_added": report.reports_added,
        "bytes_read": report.bytes_read,
        "events_before": report.events_before,
        "events_after": report.events_after,
        "errors": [{"path": e.path, "line": e.line, "message": e.message} for e in report.errors],
    }


class LiveBodyLimit(BodyLimit):
    """The request body limit, raised for live batches that carry the secret: one document may be
    as large as a file the readers accept (20 MB). Everyone else keeps the ordinary limit."""

    def __init__(self, app: Any, max_bytes: int, live_secret: str | None, live_max_bytes: int) -> None:
        super().__init__(app, max_bytes)
        self.live_secret = live_secret
        self.live_max_bytes = live_max_bytes

    def limit_for(self, scope: Scope) -> int:
        if self.live_secret and str(scope.get("path", "")).startswith(PREFIX + "/"):
            headers = dict(scope.get("headers", []))
            if _secret_matches(self.live_secret, headers.get(b"authorization", b"").decode("latin-1")):
                return self.live_max_bytes
        return self.max_bytes
