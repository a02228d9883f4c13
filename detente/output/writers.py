"""Event writers. JSON Lines is the contract (README, "Output"); CSV flattens it."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from detente.model import Event
from detente.output.registry import EVENT_COLUMNS, register, renderer

# Coded events: the columns all event tables share, between the document's ids and the texts.
CSV_COLUMNS = ["doc_id", "event_id", *EVENT_COLUMNS, "source_text", "target_text", "confidence", "evidence"]


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
        t.code if t else None,
        t.country if t else None,
        t.org if t else None,
        e.cameo,
        e.plover,
        e.quad_class,
        e.goldstein,
        ";".join(e.contexts),
        e.status,
        e.source.text,
        t.text if t else None,
        round(e.confidence, 3),
        e.evidence.text,
    ]


def write_events(events: Iterable[Event], out: TextIO, fmt: str = "jsonl") -> int:
    """Write events in a registered format (see detente/output/registry.py); returns how many."""
    return renderer("events", fmt).write(events, out)


@register("events", "jsonl", "one JSON object per event: the output contract (README, Output)")
def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    n = 0
    for e in events:
        out.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


@register("events", "csv", "one row per event, actors and contexts flattened")
def write_csv(events: Iterable[Event], out: TextIO) -> int:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    n = 0
    for e in events:
        writer.writerow(_csv_row(e))
        n += 1
    return n


@register("events", "table", "a table for reading on a terminal")
def write_table(events: Iterable[Event], out: TextIO) -> int:
    from rich.console import Console
    from rich.table import Table

    table = Table("doc", "date", "source", "cameo", "plover", "target", "status", "evidence", show_lines=False)
    n = 0
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
    return n
