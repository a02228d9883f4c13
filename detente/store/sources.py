"""The path expansion and file readers moved to :mod:`detente.ingest.sources` (one reader layer
for code, ingest and the server); these names stay importable from here."""

from detente.ingest.sources import FORMATS, expand, format_of, iter_records, read_file

__all__ = ["FORMATS", "expand", "format_of", "iter_records", "read_file"]
