"""``detente ingest`` while ``detente serve`` holds the database: read the files here, with the same
readers, and hand the documents to the server in batches over HTTP; the server codes and writes
them through its own store (see docs/live.md). With no live server the database is opened directly.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

from detente.errors import InputError
from detente.ingest.formats import CsvColumns, Record
from detente.ingest.sources import iter_records
from detente.store.advert import Advert, read_advert, resolved
from detente.store.errors import DocumentFailed, StoreError
from detente.store.ingest import IngestReport, Progress
from detente.store.locks import DatabaseLocked
from detente.store.store import Store

BATCH_DOCS = 25  # small batches: new events show soon, and coding requests wait little between them
BATCH_BYTES = 2 * 1024 * 1024
HELLO_SECONDS = 5.0  # how long a server that has just started may take to answer
BATCH_TIMEOUT = 3600.0  # a batch is coded before the answer comes


def _request(advert: Advert, path: str, body: dict[str, Any] | None, timeout: float) -> dict[str, Any]:
    data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(
        advert.url.rstrip("/") + path,
        data=data,
        method="GET" if body is None else "POST",
        headers={"authorization": f"Bearer {advert.secret}", "content-type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - our own server's URL
        return json.loads(response.read().decode("utf-8"))  # type: ignore[no-any-return]


def _server_message(exc: urllib.error.HTTPError) -> str:
    try:
        return str(json.loads(exc.read().decode("utf-8"))["error"]["message"])
    except (ValueError, KeyError, TypeError, OSError):
        return f"HTTP {exc.code}"


def hello(advert: Advert, db: str | Path, wait: float = HELLO_SECONDS) -> str | None:
    """None when the advertised server answers for ``db``, else why not (it may be starting:
    retried for ``wait`` seconds)."""
    deadline = time.monotonic() + wait
    while True:
        try:
            answer = _request(advert, "/api/live", None, timeout=5.0)
            return None if answer.get("db") == resolved(db) else f"it serves another database ({answer.get('db')})"
        except urllib.error.HTTPError as exc:
            return _server_message(exc)
        except (OSError, ValueError) as exc:
            reason = str(getattr(exc, "reason", exc))
        if time.monotonic() >= deadline:
            return reason
        time.sleep(0.25)


class LiveIngest:
    """The :class:`Store` ingest interface, carried out by the server that holds the database."""

    def __init__(self, db: str | Path, advert: Advert, batch_docs: int = BATCH_DOCS) -> None:
        self.path = str(db)
        self.advert = advert
        self.batch_docs = batch_docs

    def __enter__(self) -> LiveIngest:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        return None

    def ingest(
        self,
        paths: Iterable[str | Path],
        columns: CsvColumns | None = None,
        skip_bad: bool = False,
        progress: Progress | None = None,
    ) -> IngestReport:
        """Same records, same report, same rules as :meth:`Store.ingest`: a bad record stops the run
        (after the documents read before it are stored) unless ``skip_bad``."""
        report = IngestReport(events_before=-1)
        started = time.perf_counter()
        for batch in self._batches(iter_records(paths, columns), report, skip_bad):
            self._send(batch, report, skip_bad)
            report.seconds = time.perf_counter() - started
            if progress:
                progress(report)
        report.events_before = max(report.events_before, 0)
        return report

    def _batches(
        self, items: Iterable[Record | InputError], report: IngestReport, skip_bad: bool
    ) -> Iterator[list[Record]]:
        batch: list[Record] = []
        size = 0
        try:
            for item in items:
                if isinstance(item, InputError):
                    if not skip_bad:
                        raise item
                    report.errors.append(item)
                    continue
                batch.append(item)
                size += len(item.doc.text)
                if len(batch) >= self.batch_docs or size >= BATCH_BYTES:
                    yield batch
                    batch, size = [], 0
        except (InputError, KeyboardInterrupt):
            if batch:  # what was read before the stop is kept, as in a direct ingest
                self._send(batch, report, skip_bad)
            raise
        if batch:
            yield batch

    def _send(self, batch: list[Record], report: IngestReport, skip_bad: bool) -> None:
        body = {"documents": [_wire(record) for record in batch]}
        try:
            answer = _request(self.advert, "/api/live/batch", body, timeout=BATCH_TIMEOUT)
        except urllib.error.HTTPError as exc:
            raise StoreError(
                f"{self.path}: the server at {self.advert.url} refused a batch: {_server_message(exc)}"
            ) from exc
        except (OSError, ValueError) as exc:
            raise StoreError(
                f"{self.path}: lost the server at {self.advert.url} ({getattr(exc, 'reason', exc)}) after "
                f"{report.documents_added} new documents; run the ingest again (stored documents are skipped)"
            ) from exc
        _merge(report, answer)
        if report.errors and not skip_bad:
            raise report.errors[0]  # the server codes the whole batch; the run stops after it


def _wire(record: Record) -> dict[str, Any]:
    doc = record.doc
    return {
        "id": doc.doc_id,
        "text": doc.text,
        "date": doc.date.isoformat() if doc.date else None,
        "title": doc.title,
        "url": doc.url,
        "source": doc.source,
        "origin": record.origin,
    }


def _merge(report: IngestReport, answer: dict[str, Any]) -> None:
    if report.events_before < 0:
        report.events_before = report.events_after = int(answer["events_before"])
    for name in ("documents_read", "documents_added", "documents_skipped", "reports_added", "bytes_read"):
        setattr(report, name, getattr(report, name) + int(answer[name]))
    report.events_after += int(answer["events_after"]) - int(answer["events_before"])
    for error in answer["errors"]:
        report.errors.append(DocumentFailed(str(error["path"]), error.get("line"), str(error["message"])))


def open_for_ingest(db: str | Path) -> Store | LiveIngest:
    """A :class:`LiveIngest` when a ``detente serve`` that accepts ingests holds ``db``, else the
    database itself. Raises :class:`StoreError` (one line, what to do) when neither is possible."""
    advert = read_advert(db)
    if advert is None or not advert.accepts_ingest:
        return Store(db)
    problem = hello(advert, db)
    if problem is None:
        return LiveIngest(db, advert)
    try:
        return Store(db)  # an advert left by a process that is not the server any more
    except DatabaseLocked as exc:
        raise StoreError(
            f"{db}: held by `detente serve` (PID {advert.pid}, {advert.url}), which did not take the "
            f"documents ({problem}); check the server, or stop it and run this again"
        ) from exc
