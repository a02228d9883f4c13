"""Reading documents from files and streams: the one reader layer of ``code``, ``ingest`` and the
server (formats, dates, ids, size limits and errors)."""

from detente.ingest.dates import DocDate, read_date
from detente.ingest.formats import CsvColumns, Item, Record
from detente.ingest.readers import read_documents
from detente.ingest.sources import iter_records

__all__ = ["CsvColumns", "DocDate", "Item", "Record", "iter_records", "read_date", "read_documents"]
