"""Read JSON Lines data files into pydantic records, reporting every problem as ``file:line``.

Data files are JSON Lines: one record per line. Blank lines and lines starting with ``#``
are comments. Every record is validated against a schema with ``extra="forbid"``, so a
misspelt field is an error, not a silent default.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from detente.errors import LexiconError, LexiconErrors

Record = TypeVar("Record", bound=BaseModel)

_NON_WORD = re.compile(r"[^0-9a-z]+")


def normalise_phrase(text: str) -> str:
    """Lowercase, every run of characters other than a-z and 0-9 becomes one space.

    This is the form all matching happens in, which is why clean and scraped text
    (where punctuation was already replaced by spaces) look the same to the coder.
    """
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


def _describe(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item["loc"]) or "record"
        parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)


def load_jsonl(path: Path, schema: type[Record]) -> list[tuple[int, Record]]:
    """Return ``(line_number, record)`` pairs; raise :class:`LexiconErrors` listing every bad line."""
    records: list[tuple[int, Record]] = []
    errors: list[LexiconError] = []
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LexiconError(str(path), None, f"cannot read data file: {exc.strerror}") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise LexiconError(str(path), line, "not valid UTF-8") from exc
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            errors.append(LexiconError(str(path), number, f"not JSON: {exc.msg} (column {exc.colno})"))
            continue
        try:
            records.append((number, schema.model_validate(data)))
        except ValidationError as exc:
            errors.append(LexiconError(str(path), number, _describe(exc)))
    if errors:
        raise LexiconErrors(errors)
    return records


def load_many(paths: Iterable[Path], schema: type[Record]) -> list[tuple[Path, int, Record]]:
    """Load several files of one schema, collecting the errors of all of them."""
    out: list[tuple[Path, int, Record]] = []
    errors: list[LexiconError] = []
    for path in paths:
        try:
            out.extend((path, n, r) for n, r in load_jsonl(path, schema))
        except LexiconErrors as exc:
            errors.extend(exc.errors)
        except LexiconError as exc:
            errors.append(exc)
    if errors:
        raise LexiconErrors(errors)
    return out
