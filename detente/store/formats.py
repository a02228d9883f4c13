"""The readers moved to :mod:`detente.ingest` (one reader layer for code, ingest and the server);
these names stay importable from here."""

from detente.ingest.dates import doc_date as parse_date
from detente.ingest.formats import (
    CsvColumns,
    Item,
    Record,
    html_document,
    read_csv,
    read_feed,
    read_html,
    read_jsonl,
    read_txt,
    read_warc,
)
from detente.ingest.rules import check_binary, decode

__all__ = [
    "CsvColumns",
    "Item",
    "Record",
    "check_binary",
    "decode",
    "html_document",
    "parse_date",
    "read_csv",
    "read_feed",
    "read_html",
    "read_jsonl",
    "read_txt",
    "read_warc",
]
