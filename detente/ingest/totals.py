"""How many documents a read will yield, for progress with a total and a time left.

A quick pass that reads no more than it must: one document per ``.txt`` or ``.html`` file, the
non-blank lines of JSON Lines, the HTML responses of a WARC (without extracting their text), the
records of CSV and feed files. Unreadable inputs count nothing here; the real read reports them.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterable
from pathlib import Path

from detente.errors import InputError
from detente.ingest.formats import CsvColumns
from detente.ingest.sources import STDIN, expand, format_of, read_file


def count_documents(paths: Iterable[str | Path], columns: CsvColumns | None = None) -> int | None:
    """The number of documents in ``paths`` (files, directories, globs); None when one is stdin."""
    given = [str(p) for p in paths]
    if STDIN in given:
        return None
    total = 0
    for entry in expand(given):
        if isinstance(entry, InputError):
            continue
        try:
            total += _count_file(entry, columns or CsvColumns())
        except (InputError, OSError, EOFError, zlib.error, ImportError):
            continue
    return total


def _count_file(path: Path, columns: CsvColumns) -> int:
    kind = format_of(path)
    if kind in ("txt", "html"):
        return 1
    if kind == "jsonl":
        opener = gzip.open if path.suffix.lower() == ".gz" else open
        with opener(path, "rb") as stream:
            return sum(1 for line in stream if line.strip())
    if kind == "warc":
        return _count_warc(path)
    if kind is None:
        return 0
    return sum(1 for item in read_file(path, columns) if not isinstance(item, InputError))


def _count_warc(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    count = 0
    with path.open("rb") as stream:
        try:
            for record in ArchiveIterator(stream):
                if record.rec_type == "response" and record.http_headers:
                    count += "html" in (record.http_headers.get_header("Content-Type") or "").lower()
        except ArchiveLoadFailed:
            return count
    return count
