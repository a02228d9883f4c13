"""Driver side: read documents with the store's readers and cut them into partitions.

The driver reads (cheap) and the workers code (expensive). Each document is repaired and keyed
by content hash exactly as the local ingest does, and a document already stored, or already seen
earlier in this run, is counted as skipped and never shipped, so the first copy wins as it does
locally.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from detente.errors import InputError
from detente.ingest.sources import iter_records
from detente.model import Document
from detente.store import CsvColumns, IngestReport
from detente.store.text import content_hash, repair


@dataclass(slots=True)
class Partition:
    """Documents to code together; ``key`` names the Parquet file, so the same documents (same
    order, same metadata, same coder data) always map to the same file and a rerun can reuse it."""

    index: int
    docs: list[Document] = field(default_factory=list)
    hashes: list[str] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)  # place in the input, to order errors as a local run does

    def key(self, salt: str) -> str:
        digest = hashlib.sha256(salt.encode())
        for doc, doc_hash, origin in zip(self.docs, self.hashes, self.origins, strict=True):
            meta = (doc_hash, doc.doc_id, str(doc.date), doc.title, doc.url, doc.source, origin)
            digest.update(repr(meta).encode())
        return digest.hexdigest()[:20]

    def file_name(self, salt: str) -> str:
        return f"part-{self.index:06d}-{self.key(salt)}.parquet"


StoredFilter = Callable[[list[str]], set[str]]
Skipped = list[tuple[int, InputError]]


class _Batcher:
    """Collects read documents and cuts them into partitions of new (not stored, not seen) ones."""

    def __init__(self, report: IngestReport, stored: StoredFilter) -> None:
        self.report = report
        self.stored = stored
        self.seen: set[str] = set()
        self.pending: list[tuple[Document, str, str, int]] = []
        self.index = 0

    def add(self, doc: Document, origin: str, number: int) -> None:
        doc.text = repair(doc.text)
        if doc.title:
            doc.title = repair(doc.title)
        self.report.documents_read += 1
        self.report.bytes_read += len(doc.text.encode("utf-8"))
        self.pending.append((doc, content_hash(doc.text), origin, number))

    def flush(self) -> Partition | None:
        if not self.pending:
            return None
        known = self.stored([p[1] for p in self.pending])
        part = Partition(self.index)
        for doc, doc_hash, origin, number in self.pending:
            if doc_hash in known or doc_hash in self.seen:
                self.report.documents_skipped += 1
                continue
            self.seen.add(doc_hash)
            part.docs.append(doc)
            part.hashes.append(doc_hash)
            part.origins.append(origin)
            part.numbers.append(number)
        self.pending.clear()
        if not part.docs:
            return None
        self.index += 1
        return part


def iter_partitions(
    paths: Iterable[str | Path],
    columns: CsvColumns | None,
    size: int,
    report: IngestReport,
    skip_bad: bool,
    stored: StoredFilter,
    skipped: Skipped,
) -> Iterator[Partition]:
    """Partitions of at most ``size`` new documents. A bad record raises :class:`InputError` (after
    the documents read before it have been yielded) unless ``skip_bad``, when it goes to ``skipped``
    with its place in the input."""
    batch = _Batcher(report, stored)
    for number, item in enumerate(iter_records(paths, columns)):
        if isinstance(item, InputError):
            if not skip_bad:
                if (part := batch.flush()) is not None:
                    yield part
                raise item
            skipped.append((number, item))
            report.errors.append(item)
            continue
        batch.add(item.doc, item.origin, number)
        if len(batch.pending) >= size and (part := batch.flush()) is not None:
            yield part
    if (part := batch.flush()) is not None:
        yield part


def ingest_time() -> dt.datetime:
    """``ingested_at`` as the store writes it (UTC, naive)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
