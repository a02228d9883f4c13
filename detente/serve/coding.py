"""Coding posted text (``POST /api/code``) and ingesting posted documents (``POST /api/documents``).

One :class:`detente.Pipeline` is loaded on first use and shared; a lock keeps runs one at a time
because the stages are not written to be re-entrant.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
import threading
from pathlib import Path
from typing import Any

from detente.model import Document
from detente.serve.db import Database
from detente.serve.errors import ApiError
from detente.store.ingest import Coder


class SharedCoder:
    """A lazily loaded, lock-guarded pipeline; also the store's coder for posted documents."""

    def __init__(self, inner: Coder | None = None) -> None:
        self._pipeline: Coder | None = inner  # tests inject a stub; None loads detente.Pipeline
        self._lock = threading.Lock()

    def run(self, doc: Document) -> Document:
        with self._lock:
            if self._pipeline is None:
                from detente.pipeline import Pipeline

                self._pipeline = Pipeline()
            return self._pipeline.run(doc)


def code_text(coder: SharedCoder, text: str, date: dt.date | None, doc_id: str) -> dict[str, Any]:
    doc = coder.run(Document(doc_id=doc_id, text=text, date=date))
    return {"doc_id": doc_id, "events": [e.to_dict() for e in doc.events]}


def ingest_documents(db: Database, documents: list[dict[str, Any]]) -> dict[str, Any]:
    """Write the posted documents as JSON Lines and ingest them through the store, so they get
    the same repair, hashing, deduplication and transactions as ``detente ingest``."""
    if db.store is None:  # pragma: no cover - the route checks the token first
        raise ApiError(403, "writes_disabled", "this server is read-only")
    with tempfile.TemporaryDirectory(prefix="detente-post-") as tmp:
        path = Path(tmp) / "posted.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for doc in documents:
                out.write(json.dumps({k: v for k, v in doc.items() if v is not None}, default=str) + "\n")
        with db.write_lock:
            report = db.store.ingest([path], skip_bad=True)
        db.wrote()
    return {
        "documents_read": report.documents_read,
        "documents_added": report.documents_added,
        "documents_skipped": report.documents_skipped,
        "reports_added": report.reports_added,
        "events_added": report.events_added,
        "errors": [str(e).replace(str(path), "posted") for e in report.errors],
    }
