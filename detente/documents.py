"""Documents as the Python API takes them: a :class:`Document` or a dict shaped like a JSON Lines
record (``id`` or ``doc_id``, ``text``, optional ``date``, ``title``, ``url``, ``source``), with
the dates the CLI takes (``YYYY-MM-DD``, ``YYYY-MM``, a ``date``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from detente.errors import UsageError
from detente.ingest.dates import date_value
from detente.model import Document

_TEXT_FIELDS = ("title", "url", "source")


def checked_date(doc: Document) -> Document:
    """``doc`` with its ``date`` made a ``datetime.date`` (a string is read by the one date rule)."""
    try:
        doc.date = date_value(doc.date)
    except ValueError as exc:
        raise UsageError(f"document {doc.doc_id!r}: date {exc}") from exc
    return doc


def as_document(item: Document | Mapping[str, Any], where: str) -> Document:
    """A :class:`Document` from a document or a dict; ``where`` names it in errors ("documents[3]")."""
    if isinstance(item, Document):
        return checked_date(item)
    if not isinstance(item, Mapping):
        raise UsageError(f"{where}: expected a detente.Document or a dict with 'text', got {type(item).__name__}")
    text = item.get("text")
    if not isinstance(text, str):
        raise UsageError(f"{where}: missing 'text' (a string)")
    doc_id = item.get("id", item.get("doc_id"))
    extras = {name: item.get(name) if isinstance(item.get(name), str) else None for name in _TEXT_FIELDS}
    try:
        date = date_value(item.get("date"))
    except ValueError as exc:
        raise UsageError(f"{where}: date {exc}") from exc
    return Document(doc_id=str(where if doc_id is None else doc_id), text=text, date=date, **extras)
