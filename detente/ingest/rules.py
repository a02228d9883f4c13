"""Rules every reader shares: bytes to text, size limits, JSON records, ids and dates of a document.

One place, so ``detente code``, ``detente ingest`` and the server read a document the same way.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Mapping
from types import ModuleType

from detente.errors import InputError
from detente.ingest.dates import DocDate, doc_date
from detente.model import Document

MAX_DOC_BYTES = 20 * 1024 * 1024
_META_FIELDS = ("title", "url", "source")


def check_binary(raw: bytes, path: str) -> None:
    if b"\x00" in raw[:8192]:
        raise InputError(path, None, "binary file (NUL bytes); expected UTF-8 text")


def decode(raw: bytes, path: str, first_line: int = 1) -> str:
    """UTF-8 (a BOM is dropped); a bad byte is named with its line."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + first_line
        bad = raw[exc.start : exc.start + 4]
        raise InputError(path, line, f"invalid UTF-8 at byte {exc.start}: {bad!r}") from exc


def check_size(size: int, path: str, line: int | None, limit: int) -> None:
    if size > limit:
        raise InputError(
            path,
            line,
            f"document is {size / 2**20:.1f} MB, over the {limit / 2**20:.0f} MB limit "
            "(split it, or raise the limit with --max-doc-mb)",
        )


def loads_json_line(line: str, path: str, number: int) -> object:
    """One JSON Lines record, with the error named by file and line (also for absurd nesting)."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(path, number, f"not valid JSON: {exc.msg} (column {exc.colno})") from exc
    except RecursionError as exc:
        raise InputError(path, number, "JSON nested too deeply to read") from exc


def text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def doc_id_of(value: object, fallback: str, path: str, line: int | None) -> str:
    """A document id: a string or an integer; missing or empty gives ``fallback``."""
    if value is None or value == "":
        return fallback
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InputError(path, line, f"'id' must be a string or an integer, not {type(value).__name__}")
    return str(value).strip() or fallback


def dated(doc: Document, date: DocDate | None) -> Document:
    if date is not None:
        doc.date, doc.date_precision = date.date, date.precision
    return doc


def document_from_record(record: object, path: str, line: int | None, fallback_id: str) -> Document:
    """A JSON-style record (``id``/``doc_id``, ``text``, ``date``, ``title``, ``url``, ``source``);
    other fields are ignored. Used for JSON Lines files, CSV rows and documents posted to the API."""
    if not isinstance(record, Mapping):
        raise InputError(path, line, "expected a JSON object with 'id' and 'text'")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(path, line, "missing 'text' (a non-empty string)")
    doc_id = doc_id_of(record.get("id", record.get("doc_id")), fallback_id, path, line)
    date = doc_date(record.get("date"), path, line)
    meta = {name: text_or_none(record.get(name)) for name in _META_FIELDS}
    return dated(Document(doc_id=doc_id, text=text, **meta), date)


def optional_module(name: str, fmt: str, path: str) -> ModuleType:
    """A library that only some formats need, imported when first used."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise InputError(
            path, None, f"reading {fmt} needs the 'formats' extra ({name}): pip install 'detente[formats]'"
        ) from exc
