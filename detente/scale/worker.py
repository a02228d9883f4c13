"""Worker side: code one partition and write its Parquet file.

The coder (lexicons compiled into matchers, about a second to build) is built once per worker
process and kept in a module global, so every task after the first reuses it. ``worker_stats``
(for ``client.run``) tells how many coders a worker process built and how many partitions it coded.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from detente.model import Document
from detente.scale.parts import PartSummary, write_part
from detente.store.ingest import Coder
from detente.store.rows import document_row, report_row

PIPELINES_BUILT = 0
PARTITIONS_CODED = 0
_CODERS: dict[tuple[str, ...], Coder] = {}
_LOCK = threading.Lock()  # a worker may run several threads


def coder_for(data_dirs: tuple[str, ...]) -> Coder:
    """This process's coder for these data directories, built on first use."""
    global PIPELINES_BUILT
    with _LOCK:
        coder = _CODERS.get(data_dirs)
        if coder is None:
            from detente.pipeline import Pipeline

            coder = _CODERS[data_dirs] = Pipeline(data_dirs=data_dirs)
            PIPELINES_BUILT += 1
        return coder


def worker_stats() -> dict[str, int]:
    """This process's counters; ``client.run(worker_stats)`` gathers them from every worker."""
    from detente.resources import load_resources

    return {
        "pipelines_built": PIPELINES_BUILT,
        "partitions_coded": PARTITIONS_CODED,
        "lexicon_loads": load_resources.cache_info().misses,
    }


@dataclass(slots=True)
class PartitionTask:
    index: int
    path: str
    docs: list[Document]
    hashes: list[str]
    origins: list[str]
    numbers: list[int]
    ingested_at: dt.datetime
    data_dirs: tuple[str, ...] = ()
    skip_bad: bool = False


def code_partition(task: PartitionTask) -> PartSummary:
    """Code every document and write the partition file. A document the coder raises on is left
    out and reported; without ``skip_bad`` the partition stops there, as the local ingest does."""
    global PARTITIONS_CODED
    coder = coder_for(task.data_dirs)
    rows: list[dict[str, Any]] = []
    failures: list[tuple[int, str, str]] = []
    n_reports = 0
    for seq, (doc, doc_hash, origin) in enumerate(zip(task.docs, task.hashes, task.origins, strict=True)):
        number = task.numbers[seq]
        try:
            doc = coder.run(doc)
        except Exception as exc:  # one text that trips the coder must not cost the partition
            failures.append((number, origin, f"coder failed on {doc.doc_id!r}: {exc!r}"))
            if not task.skip_bad:
                break
            continue
        row = document_row(doc, doc_hash, origin, task.ingested_at)
        row["part"], row["seq"] = task.index, seq
        row["reports"] = [report_row(event, doc_hash, i, doc.date) for i, event in enumerate(doc.events)]
        n_reports += len(row["reports"])
        rows.append(row)
    summary = PartSummary(task.index, task.path, len(rows), n_reports, tuple(failures))
    write_part(Path(task.path), rows, summary)
    PARTITIONS_CODED += 1
    return summary
