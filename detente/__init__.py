"""detente: political events from news text, clean or scraped, and the dyad series they make.

>>> import detente
>>> events = detente.code("Russia and China signed a gas deal on Wednesday.", doc_id="d1", date="2014-05-21")
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator

from detente.errors import DetenteError, InputError, LexiconError, LexiconErrors, UsageError
from detente.model import EARLIEST_DATE, LATEST_DATE, Actor, Document, Event, Evidence
from detente.pipeline import Pipeline

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Actor",
    "DetenteError",
    "Document",
    "Event",
    "Evidence",
    "InputError",
    "LexiconError",
    "LexiconErrors",
    "Pipeline",
    "UsageError",
    "code",
    "code_documents",
    "parse_date",
]


def parse_date(value: str | dt.date | None, where: str = "date") -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        date = dt.date.fromisoformat(text[:10])
    except ValueError as exc:
        raise UsageError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from exc
    if not EARLIEST_DATE <= date <= LATEST_DATE:
        raise UsageError(f"{where}: {value!r} is outside {EARLIEST_DATE.year}-{LATEST_DATE.year}")
    return date


def code(text: str, doc_id: str = "doc", date: str | dt.date | None = None, **meta: str) -> list[Event]:
    """Code one text; ``date`` is the publication date that relative dates resolve against."""
    doc = Document(doc_id=doc_id, text=text, date=parse_date(date), **meta)
    return Pipeline().run(doc).events


def code_documents(docs: Iterable[Document], pipeline: Pipeline | None = None) -> Iterator[Document]:
    """Code many documents with one loaded pipeline; yields each document with its events."""
    pipe = pipeline or Pipeline()
    yield from pipe.run_many(docs)
