"""Event writers. JSON Lines is the contract (README, "Output"); CSV flattens it."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from detente.model import Event

CSV_COLUMNS = [
    "doc_id",
    "event_id",
    "date",
    "date_precision",
    "source_code",
    "source_country",
    "source_org",
    "source_text",
    "target_code",
    "target_country",
    "target_org",
    "target_text",
    "cameo",
    "plover",
    "quad_class",
    "goldstein",
    "contexts",
    "status",
    "confidence",
    "evidence",
]


def _csv_row(e: Event) -> list:
    t = e.target
    return [
        e.doc_id,
        e.event_id,
        e.date,
        e.date_precision,
        e.source.code,
        e.source.country,
        e.source.org,
        e.source.text,
        t.code if t else None,
        t.country if t else None,
        t.org if t else None,
        t.text if t else None,
        e.cameo,
        e.plover,
        e.quad_class,
        e.goldstein,
        ";".join(e.contexts),
        e.status,
        round(e.confidence, 3),
        e.evidence.text,
    ]


def write_events(events: Iterable[Event], out: TextIO, fmt: str = "jsonl") -> int:
    """Write events; returns how many were written."""
    n = 0
    if fmt == "jsonl":
        for e in events:
            out.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for e in events:
            writer.writerow(_csv_row(e))
            n += 1
    elif fmt == "table":
        from rich.console import Console
        from rich.table import Table

        table = Table("doc", "date", "source", "cameo", "plover", "target", "status", "evidence", show_lines=False)
        for e in events:
            table.add_row(
                e.doc_id[:16],
                e.date or "",
                e.source.code or "",
                e.cameo,
                e.plover or "",
                (e.target.code or "") if e.target else "",
                e.status,
                e.evidence.text[:70],
            )
            n += 1
        Console(file=out, width=160).print(table)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return n
