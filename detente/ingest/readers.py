"""Documents for ``detente code`` and the Python API, read by the one reader layer
(:mod:`detente.ingest.sources`): every format ``detente ingest`` reads, ``-`` for stdin, and the
first bad record stops the read with an :class:`InputError` naming the file and line.

A ``.txt`` file takes its date from ``--date`` or from a sibling ``NAME.meta.json``
(``published``), the way a feed or crawl record gives it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from detente.errors import InputError
from detente.ingest.dates import DocDate, date_value, doc_date, option_date, read_date
from detente.ingest.formats import CsvColumns, Record
from detente.ingest.rules import MAX_DOC_BYTES, loads_json_line
from detente.ingest.sources import iter_records
from detente.model import Document

__all__ = [
    "MAX_DOC_BYTES",
    "DocDate",
    "date_value",
    "doc_date",
    "loads_json_line",
    "option_date",
    "parse_doc_date",
    "read_date",
    "read_documents",
]


def parse_doc_date(value: object, path: str, line: int | None) -> dt.date | None:
    """A document's date from a field as a plain date (see :mod:`detente.ingest.dates`)."""
    found = doc_date(value, path, line)
    return found.date if found else None


def read_documents(
    path: str,
    date: dt.date | DocDate | None = None,
    max_doc_bytes: int = MAX_DOC_BYTES,
    columns: CsvColumns | None = None,
) -> Iterator[Document]:
    """Documents from a file, directory or glob of any format ``detente ingest`` reads, or ``-``
    for stdin (JSON Lines or plain text). ``date`` is for documents that carry none."""
    default = DocDate(date, "day") if isinstance(date, dt.date) else date
    for item in iter_records([path], columns, max_doc_bytes, default):
        if isinstance(item, InputError):
            raise item
        assert isinstance(item, Record)
        yield item.doc
