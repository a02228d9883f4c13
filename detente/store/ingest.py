"""The ingest loop: read records, drop documents already stored, code the rest, write in batches."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import duckdb

from detente.errors import InputError
from detente.model import Document
from detente.store.formats import CsvColumns, Record
from detente.store.rows import document_row, report_row
from detente.store.sources import iter_records
from detente.store.text import content_hash, repair
from detente.store.writer import existing_hashes, utc_now, write_batch

BATCH_DOCS = 200


class Coder(Protocol):
    """Anything that fills ``Document.events``; :class:`detente.Pipeline` is one."""

    def run(self, doc: Document) -> Document: ...


@dataclass(slots=True)
class IngestReport:
    """What an ingest did. ``errors`` holds the records skipped with ``skip_bad``."""

    documents_read: int = 0
    documents_added: int = 0
    documents_skipped: int = 0  # already stored (same content hash)
    reports_added: int = 0
    events_before: int = 0
    events_after: int = 0
    bytes_read: int = 0
    seconds: float = 0.0
    errors: list[InputError] = field(default_factory=list)

    @property
    def events_added(self) -> int:
        return self.events_after - self.events_before

    @property
    def docs_per_second(self) -> float:
        return self.documents_read / self.seconds if self.seconds else 0.0


Progress = Callable[[IngestReport], None]


class Ingester:
    def __init__(self, conn: duckdb.DuckDBPyConnection, coder: Coder, batch_docs: int = BATCH_DOCS) -> None:
        self.conn = conn
        self.coder = coder
        self.batch_docs = batch_docs

    def _flush(self, pending: list[tuple[Record, str]], report: IngestReport) -> None:
        if not pending:
            return
        stored = existing_hashes(self.conn, (h for _, h in pending))
        now = utc_now()
        documents, reports = [], []
        for record, doc_hash in pending:
            if doc_hash in stored:
                report.documents_skipped += 1
                continue
            stored.add(doc_hash)  # the same text twice in one batch is stored once
            doc = self.coder.run(record.doc)
            documents.append(document_row(doc, doc_hash, record.origin, now))
            reports.extend(report_row(event, doc_hash, i, doc.date) for i, event in enumerate(doc.events))
        write_batch(self.conn, documents, reports)
        report.documents_added += len(documents)
        report.reports_added += len(reports)
        pending.clear()

    def run(
        self,
        paths: Iterable[str | Path],
        columns: CsvColumns | None = None,
        skip_bad: bool = False,
        progress: Progress | None = None,
    ) -> IngestReport:
        report = IngestReport(events_before=self._event_count())
        started = time.perf_counter()
        pending: list[tuple[Record, str]] = []
        try:
            for item in iter_records(paths, columns):
                if isinstance(item, InputError):
                    if not skip_bad:
                        raise item
                    report.errors.append(item)
                    continue
                item.doc.text = repair(item.doc.text)
                if item.doc.title:
                    item.doc.title = repair(item.doc.title)
                report.documents_read += 1
                report.bytes_read += len(item.doc.text.encode("utf-8"))
                pending.append((item, content_hash(item.doc.text)))
                if len(pending) >= self.batch_docs:
                    self._flush(pending, report)
                    report.seconds = time.perf_counter() - started
                    if progress:
                        progress(report)
        except (InputError, KeyboardInterrupt):
            # What was read before a bad record is kept: the error stops the run, not the data.
            self._flush(pending, report)
            raise
        self._flush(pending, report)
        report.seconds = time.perf_counter() - started
        report.events_after = self._event_count()
        if progress:
            progress(report)
        return report

    def _event_count(self) -> int:
        row = self.conn.execute("SELECT count(*) FROM events").fetchone()
        return int(row[0]) if row else 0
