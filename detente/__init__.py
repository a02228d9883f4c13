"""detente: political events from news text, clean or scraped, and the dyad series they make.

>>> import detente
>>> events = detente.code("Russia and China signed a gas deal on Wednesday.", doc_id="d1", date="2014-05-21")
>>> docs = detente.code_documents([{"id": "d2", "text": "Iran condemned Israel.", "date": "2020-01"}])
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from detente.documents import as_document
from detente.errors import DetenteError, InputError, LexiconError, LexiconErrors, UsageError
from detente.ingest.dates import date_value
from detente.model import Actor, Document, Event, Evidence
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


def parse_date(value: str | dt.date | None, where: str = "date", last_day: bool = False) -> dt.date | None:
    """A date as the CLI and the API take it: ``YYYY-MM-DD``, ``YYYY-MM`` (its first day, or its last
    with ``last_day``), a ``date``; ``None`` or ``""`` is none. A bad value raises :class:`UsageError`."""
    try:
        return date_value(value, last_day)
    except ValueError as exc:
        raise UsageError(f"{where}: {exc}") from exc


def code(text: str, doc_id: str = "doc", date: str | dt.date | None = None, **meta: str) -> list[Event]:
    """Code one text; ``date`` is the publication date that relative dates resolve against."""
    doc = Document(doc_id=doc_id, text=text, date=parse_date(date), **meta)
    return Pipeline().run(doc).events


def code_documents(
    docs: Iterable[Document | Mapping[str, Any]], pipeline: Pipeline | None = None
) -> Iterator[Document]:
    """Code many documents with one loaded pipeline; yields each document with its events.

    A document is a :class:`Document` or a dict like a JSON Lines record (``id``, ``text``, ``date``,
    ``title``, ``url``, ``source``); dates as :func:`parse_date` takes them.
    """
    pipe = pipeline or Pipeline()
    yield from pipe.run_many(as_document(doc, f"documents[{i}]") for i, doc in enumerate(docs))
