"""Read documents for coding: ``.txt`` (one document), ``.jsonl`` (one per line), ``-`` (stdin).

Every problem is an :class:`InputError` naming the file and line; nothing is half-read
silently. A ``.txt`` file takes its date from ``--date`` or from a sibling ``NAME.meta.json``
(``published``), the way a feed or crawl record gives it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from detente.errors import InputError, UsageError
from detente.model import EARLIEST_DATE, LATEST_DATE, Document

MAX_DOC_BYTES = 20 * 1024 * 1024


def date_value(value: object, last_day: bool = False) -> dt.date | None:
    """The one date rule: ``YYYY-MM-DD`` (a time after it is ignored), ``YYYY-MM`` (its first day, or
    its last with ``last_day``), a ``date`` or ``datetime``; ``None`` or ``""`` is no date.

    Raises ``ValueError`` saying what is wrong with the value.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        date = value
    elif isinstance(value, str):
        date = _date_from_text(value.strip(), last_day)
    else:
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD or YYYY-MM)")
    if not EARLIEST_DATE <= date <= LATEST_DATE:
        raise ValueError(f"{value!r} is outside {EARLIEST_DATE.year}-{LATEST_DATE.year}")
    return date


def _date_from_text(text: str, last_day: bool) -> dt.date:
    try:
        if _YEAR_MONTH.fullmatch(text):
            first = dt.date.fromisoformat(f"{text}-01")
            if not last_day:
                return first
            return (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return dt.date.fromisoformat(text[:10])
    except ValueError as exc:
        raise ValueError(f"{text!r} is not YYYY-MM-DD or YYYY-MM") from exc


_YEAR_MONTH = re.compile(r"\d{4}-\d{2}")


def parse_doc_date(value: object, path: str, line: int | None) -> dt.date | None:
    """A document's date from a field (see :func:`date_value`), or nothing."""
    try:
        return date_value(value)
    except ValueError as exc:
        raise InputError(path, line, f"date {exc}") from exc


def loads_json_line(line: str, path: str, number: int) -> object:
    """One JSON Lines record, with the error named by file and line (also for absurd nesting)."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(path, number, f"not valid JSON: {exc.msg} (column {exc.colno})") from exc
    except RecursionError as exc:
        raise InputError(path, number, "JSON nested too deeply to read") from exc


def _decode(raw: bytes, path: str, line_offset: int = 0) -> str:
    if b"\x00" in raw[:8192]:
        raise InputError(path, None, "binary file (NUL bytes); expected UTF-8 text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1 + line_offset
        raise InputError(path, line, f"invalid UTF-8 at byte {exc.start}: {raw[exc.start : exc.start + 4]!r}") from exc


def _check_size(size: int, path: str, line: int | None, limit: int) -> None:
    if size > limit:
        raise InputError(
            path,
            line,
            f"document is {size / 2**20:.1f} MB, over the {limit / 2**20:.0f} MB limit "
            "(split it, or raise the limit with --max-doc-mb)",
        )


def read_text(raw: bytes, path: str, date: dt.date | None, doc_id: str, limit: int) -> Document:
    _check_size(len(raw), path, None, limit)
    text = _decode(raw, path)
    if not text.strip():
        raise InputError(path, None, "empty document: no text to code")
    return Document(doc_id=doc_id, text=text, date=date)


def _sidecar_meta(path: Path) -> dict:
    meta_path = path.with_suffix(".meta.json")
    if not meta_path.exists():
        return {}
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(str(meta_path), getattr(exc, "lineno", None), f"not valid JSON: {exc}") from exc
    if not isinstance(meta, dict):
        raise InputError(str(meta_path), 1, "expected a JSON object")
    return meta


def read_jsonl(stream: BinaryIO, path: str, default_date: dt.date | None, limit: int) -> Iterator[Document]:
    seen_any = False
    for number, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        seen_any = True
        _check_size(len(raw), path, number, limit)
        line = _decode(raw, path, number - 1)
        record = loads_json_line(line, path, number)
        if not isinstance(record, dict):
            raise InputError(path, number, "expected a JSON object with 'id' and 'text'")
        text = record.get("text")
        if not isinstance(text, str):
            raise InputError(path, number, "missing 'text' (a string)")
        doc_id = record.get("id", record.get("doc_id"))
        if doc_id is None:
            doc_id = f"{Path(path).stem}:{number}"
        yield Document(
            doc_id=str(doc_id),
            text=text,
            date=parse_doc_date(record.get("date"), path, number) or default_date,
            title=record.get("title") if isinstance(record.get("title"), str) else None,
            url=record.get("url") if isinstance(record.get("url"), str) else None,
            source=record.get("source") if isinstance(record.get("source"), str) else None,
        )
    if not seen_any:
        raise InputError(path, None, "empty file: no documents")


def read_documents(path: str, date: dt.date | None = None, max_doc_bytes: int = MAX_DOC_BYTES) -> Iterator[Document]:
    """Documents from a path (``.txt``, ``.jsonl``) or ``-`` for stdin (JSON Lines or plain text)."""
    if path == "-":
        data = sys.stdin.buffer.read()
        head = data.lstrip()[:1]
        if head == b"{":
            import io

            yield from read_jsonl(io.BytesIO(data), "<stdin>", date, max_doc_bytes)
        else:
            yield read_text(data, "<stdin>", date, "stdin", max_doc_bytes)
        return
    p = Path(path)
    if not p.exists():
        raise InputError(path, None, "no such file")
    if p.is_dir():
        raise UsageError(f"{path}: is a directory; give a .txt or .jsonl file (or use 'detente ingest')")
    suffix = p.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        with p.open("rb") as stream:
            yield from read_jsonl(stream, path, date, max_doc_bytes)
        return
    meta = _sidecar_meta(p) if suffix == ".txt" else {}
    doc_date = date or parse_doc_date(meta.get("published"), str(p.with_suffix(".meta.json")), None)
    doc = read_text(p.read_bytes(), path, doc_date, str(meta.get("doc_id") or p.stem), max_doc_bytes)
    doc.title = meta.get("title")
    doc.source = meta.get("source")
    yield doc
