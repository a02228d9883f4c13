"""One document with its coded events and the text cut into pieces at evidence boundaries, so a
client can highlight spans without parsing or injecting HTML."""

from __future__ import annotations

from typing import Any

import duckdb

from detente.serve.errors import not_found

_DOC_COLUMNS = ("doc_hash", "doc_id", "date", "title", "url", "source", "origin", "text")
_REPORT_COLUMNS = (
    "report_id",
    "cluster_id",
    "date",
    "source_key",
    "target_key",
    "cameo",
    "plover",
    "quad_class",
    "goldstein",
    "contexts",
    "status",
    "trigger",
    "confidence",
    "evidence_text",
    "evidence_start",
    "evidence_end",
)


def _span(text: str, evidence: str | None, start: int | None, end: int | None) -> tuple[int, int] | None:
    """The evidence's place in ``text``: the stored offsets when they fit, else its first occurrence."""
    fits = start is not None and end is not None and 0 <= start < end <= len(text)
    if fits and (not evidence or text[start:end] == evidence):  # type: ignore[index]
        return start, end  # type: ignore[return-value]
    if evidence:
        found = text.find(evidence)
        if found >= 0:
            return found, found + len(evidence)
    return None


def segments(text: str, spans: list[tuple[int, int, str]]) -> list[dict[str, Any]]:
    """``text`` cut at every span boundary; each piece lists the report ids that cover it."""
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    pieces = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        if lo == hi:
            continue
        covering = [rid for s, e, rid in spans if s <= lo and hi <= e]
        pieces.append({"start": lo, "end": hi, "text": text[lo:hi], "reports": covering})
    return pieces


def get_document(cur: duckdb.DuckDBPyConnection, key: str) -> dict[str, Any]:
    """By content hash, else by document id (the first stored document with that id)."""
    cols = ", ".join(_DOC_COLUMNS)
    rows = cur.execute(f"SELECT {cols} FROM documents WHERE doc_hash = ?", [key]).fetchall()
    if not rows:
        rows = cur.execute(f"SELECT {cols} FROM documents WHERE doc_id = ? ORDER BY doc_hash LIMIT 1", [key]).fetchall()
    if not rows:
        raise not_found("document", key)
    doc = dict(zip(_DOC_COLUMNS, rows[0], strict=True))
    doc["date"] = doc["date"].isoformat() if doc["date"] else None
    reports = cur.execute(
        f"SELECT {', '.join(_REPORT_COLUMNS)} FROM reports WHERE doc_hash = ? ORDER BY evidence_start, report_id",
        [doc["doc_hash"]],
    ).fetchall()
    text: str = doc["text"]
    events, spans = [], []
    for row in reports:
        rep = dict(zip(_REPORT_COLUMNS, row, strict=True))
        rep["date"] = rep["date"].isoformat() if rep["date"] else None
        rep["contexts"] = list(rep["contexts"] or [])
        where = _span(text, rep["evidence_text"], rep["evidence_start"], rep["evidence_end"])
        rep["span"] = {"start": where[0], "end": where[1]} if where else None
        if where:
            spans.append((where[0], where[1], rep["report_id"]))
        events.append(rep)
    doc["events"] = events
    doc["segments"] = segments(text, spans)
    return doc
