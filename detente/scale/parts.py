"""The Parquet partition files: one file per partition, one row per document with its reports
nested, written under a temporary name and renamed, so a reader never sees half a file and a
retried task replaces the file instead of adding a second one."""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from detente.store.rows import DOCUMENT_SCHEMA, REPORT_SCHEMA

PART_SCHEMA = pa.schema(
    [
        *DOCUMENT_SCHEMA,
        ("part", pa.int64()),
        ("seq", pa.int32()),
        ("reports", pa.list_(pa.struct(list(REPORT_SCHEMA)))),
    ]
)
_META = b"detente.partition"  # counts and coding failures, so a reused file still reports them
TMP_PREFIX = ".tmp-"


@dataclass(frozen=True, slots=True)
class PartSummary:
    """What a partition file holds; ``failures`` are ``(place in the input, origin, message)`` of
    documents the coder raised on (plain tuples: ``InputError`` subclasses do not survive pickling)."""

    index: int
    path: str
    documents: int
    reports: int
    failures: tuple[tuple[int, str, str], ...] = ()


def write_part(path: Path, rows: list[dict[str, Any]], summary: PartSummary) -> None:
    meta = {"documents": summary.documents, "reports": summary.reports, "failures": list(summary.failures)}
    table = pa.Table.from_pylist(rows, schema=PART_SCHEMA).replace_schema_metadata({_META: json.dumps(meta)})
    tmp = path.with_name(f"{TMP_PREFIX}{uuid.uuid4().hex}-{path.name}")
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, path)  # atomic on one filesystem: the old file or the new one, never half
    finally:
        tmp.unlink(missing_ok=True)


def read_summary(path: Path, index: int) -> PartSummary | None:
    """The summary of a finished partition file, or None when it is not one (corrupt, foreign)."""
    try:
        metadata = pq.read_schema(path).metadata or {}
        meta = json.loads(metadata[_META])
        failures = tuple((int(n), str(o), str(m)) for n, o, m in meta["failures"])
        return PartSummary(index, str(path), int(meta["documents"]), int(meta["reports"]), failures)
    except (OSError, KeyError, ValueError, TypeError, pa.ArrowInvalid):
        return None


def remove_temporaries(directory: Path) -> None:
    """Leftovers of tasks killed mid-write."""
    for tmp in directory.glob(f"{TMP_PREFIX}*"):
        tmp.unlink(missing_ok=True)
