"""Flatten documents and coded events into table rows (column order = the schema's)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pyarrow as pa

from detente.model import Document, Event
from detente.store.cluster import actor_key, input_of, pair_key

DOCUMENT_SCHEMA = pa.schema(
    [
        ("doc_hash", pa.string()),
        ("doc_id", pa.string()),
        ("date", pa.date32()),
        ("title", pa.string()),
        ("url", pa.string()),
        ("source", pa.string()),
        ("origin", pa.string()),
        ("text", pa.string()),
        ("ingested_at", pa.timestamp("us")),
    ]
)

REPORT_SCHEMA = pa.schema(
    [
        ("report_id", pa.string()),
        ("event_id", pa.string()),
        ("doc_hash", pa.string()),
        ("date", pa.date32()),
        ("date_precision", pa.string()),
        ("source_text", pa.string()),
        ("source_code", pa.string()),
        ("source_country", pa.string()),
        ("source_org", pa.string()),
        ("source_key", pa.string()),
        ("target_text", pa.string()),
        ("target_code", pa.string()),
        ("target_country", pa.string()),
        ("target_org", pa.string()),
        ("target_key", pa.string()),
        ("pair_key", pa.string()),
        ("cameo", pa.string()),
        ("root", pa.string()),
        ("plover", pa.string()),
        ("quad_class", pa.int32()),
        ("goldstein", pa.float64()),
        ("contexts", pa.list_(pa.string())),
        ("status", pa.string()),
        ("evidence_text", pa.string()),
        ("evidence_start", pa.int32()),
        ("evidence_end", pa.int32()),
        ("mentions", pa.string()),
        ("confidence", pa.float64()),
        ("location", pa.string()),
        ("quantities", pa.string()),
        ("trigger", pa.string()),
        ("reciprocal", pa.bool_()),
        ("cluster_id", pa.string()),
    ]
)


def document_row(doc: Document, doc_hash: str, origin: str, now: dt.datetime) -> dict[str, Any]:
    return {
        "doc_hash": doc_hash,
        "doc_id": doc.doc_id,
        "date": doc.date,
        "title": doc.title,
        "url": doc.url,
        "source": doc.source,
        "origin": origin,
        "text": doc.text,
        "ingested_at": now,
    }


def report_row(event: Event, doc_hash: str, index: int, doc_date: dt.date | None) -> dict[str, Any]:
    """One report; ``index`` (the event's place in its document) makes the id unique and stable."""
    report_id = f"{doc_hash[:24]}-{index}"
    key = input_of(event, report_id, doc_date)
    src, tgt = event.source, event.target
    return {
        "report_id": report_id,
        "event_id": event.event_id,
        "doc_hash": doc_hash,
        "date": key.date,
        "date_precision": key.date_precision,
        "source_text": src.text,
        "source_code": src.code,
        "source_country": src.country,
        "source_org": src.org,
        "source_key": key.source_key,
        "target_text": tgt.text if tgt else None,
        "target_code": tgt.code if tgt else None,
        "target_country": tgt.country if tgt else None,
        "target_org": tgt.org if tgt else None,
        "target_key": actor_key(tgt.country, tgt.org, tgt.code) if tgt else None,
        "pair_key": pair_key(key.source_key, key.target_key),
        "cameo": event.cameo,
        "root": key.root,
        "plover": event.plover,
        "quad_class": event.quad_class,
        "goldstein": float(event.goldstein),
        "contexts": list(event.contexts),
        "status": event.status,
        "evidence_text": event.evidence.text,
        "evidence_start": event.evidence.start,
        "evidence_end": event.evidence.end,
        "mentions": json.dumps([m.to_dict() for m in event.mentions], ensure_ascii=False),
        "confidence": float(event.confidence),
        "location": json.dumps(event.location, ensure_ascii=False) if event.location is not None else None,
        "quantities": json.dumps(event.quantities, ensure_ascii=False) if event.quantities else None,
        "trigger": event.trigger,
        "reciprocal": bool(event.reciprocal),
        "cluster_id": None,
    }


def table(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=schema)
