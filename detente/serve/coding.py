"""Coding posted text (``POST /api/code``) and ingesting posted documents (``POST /api/documents``).

One :class:`detente.Pipeline` is loaded on first use and shared; a lock keeps runs one at a time
because the stages are not written to be re-entrant. So that one long request cannot starve the
others, a request waits for the coder at most ``wait_seconds`` (then 503 ``coder_busy``), and a
run of the real pipeline stops at the first stage boundary past its deadline (503
``coding_timeout``), freeing the coder; the text's size is capped before any of this (413).
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from typing import Any

from detente.ingest.dates import read_date
from detente.ingest.rules import dated
from detente.ingest.sources import iter_posted
from detente.model import Document
from detente.serve.db import Database
from detente.serve.errors import ApiError
from detente.store.ingest import Coder

POSTED = "posted"  # stands for the file in origins and errors of posted documents
RETRY_SECONDS = 5


def coder_busy(wait_seconds: float) -> ApiError:
    return ApiError(
        503,
        "coder_busy",
        f"the coder is busy with another request (waited {wait_seconds:g} s); retry in a few seconds",
        {"retry_after": RETRY_SECONDS},
    )


def coding_timeout(seconds: float) -> ApiError:
    return ApiError(
        503,
        "coding_timeout",
        f"coding took over {seconds:g} s and was stopped; post a shorter text",
        {"retry_after": RETRY_SECONDS},
    )


class SharedCoder:
    """A lazily loaded, lock-guarded pipeline; also the store's coder for posted documents."""

    def __init__(self, inner: Coder | None = None) -> None:
        self._pipeline: Coder | None = inner  # tests inject a stub; None loads detente.Pipeline
        self._lock = threading.Lock()

    def _loaded(self) -> Coder:
        if self._pipeline is None:
            from detente.pipeline import Pipeline

            self._pipeline = Pipeline()
        return self._pipeline

    def run(self, doc: Document, seconds: float | None = None, wait: float | None = None) -> Document:
        """Code ``doc``; wait at most ``wait`` seconds for the coder and run it at most ``seconds``
        (both unbounded when None: the store's ingest of posted documents)."""
        if not self._lock.acquire(timeout=-1 if wait is None else wait):
            raise coder_busy(wait or 0)
        try:
            coder = self._loaded()
            if seconds is None:
                return coder.run(doc)
            return _run_with_deadline(coder, doc, seconds)
        finally:
            self._lock.release()


    @property
    def can_explain(self) -> bool:
        """Whether this coder is detente's pipeline (loaded or still to load), which can explain."""
        from detente.pipeline import Pipeline

        return self._pipeline is None or isinstance(self._pipeline, Pipeline)

    def explain(self, text: str, date: dt.date | None, doc_id: str, wait: float) -> dict[str, Any]:
        """``detente explain`` for posted text (see detente/explain.py); the same lock and wait as
        coding. A server whose coder is not the detente pipeline (a test stub) cannot explain."""
        from detente.explain import explain
        from detente.pipeline import Pipeline

        if not self._lock.acquire(timeout=wait):
            raise coder_busy(wait)
        try:
            coder = self._loaded()
            if not isinstance(coder, Pipeline):
                raise ApiError(501, "explain_unavailable", "this server's coder cannot explain its events")
            return explain(text, date, doc_id, pipeline=coder).to_dict()
        finally:
            self._lock.release()


def _run_with_deadline(coder: Coder, doc: Document, seconds: float) -> Document:
    """The pipeline's stages one by one, stopping at the first boundary past the deadline. A coder
    without stages (a test stub) runs whole; the route's own deadline still answers on time."""
    from detente.pipeline import Pipeline

    if not isinstance(coder, Pipeline):
        return coder.run(doc)
    deadline = time.monotonic() + seconds
    for stage in coder.stages:
        if time.monotonic() > deadline:
            raise coding_timeout(seconds)
        doc = coder._run_stage(stage, doc)  # noqa: SLF001 - the pipeline's own per-stage runner
    return doc


def code_text(
    coder: SharedCoder, text: str, date: str | None, doc_id: str, seconds: float, wait: float
) -> dict[str, Any]:
    doc = Document(doc_id=doc_id, text=text)
    dated(doc, read_date(date))  # already checked by the request model
    doc = coder.run(doc, seconds, wait)
    return {"doc_id": doc_id, "events": [e.to_dict() for e in doc.events]}


def ingest_documents(db: Database, documents: list[dict[str, Any]]) -> dict[str, Any]:
    """Ingest the posted documents through the store, read by the same rules as a JSON Lines file,
    so they get the same repair, hashing, deduplication and transactions as ``detente ingest``.
    Their origin is ``posted:N`` (the N-th document of the request), never a path on the server."""
    if db.store is None:  # pragma: no cover - the route checks the token first
        raise ApiError(403, "writes_disabled", "this server is read-only")
    records = list(iter_posted(documents, POSTED))
    report = db.ingest_records(records)
    return {
        "documents_read": report.documents_read,
        "documents_added": report.documents_added,
        "documents_skipped": report.documents_skipped,
        "reports_added": report.reports_added,
        "events_added": report.events_added,
        "errors": [str(e) for e in report.errors],
        "duplicates": list(report.duplicates),
    }
