"""Turn what a user gives (files, directories, globs, ``-`` for stdin; gzip included) into records.

The one entry point for reading documents: ``detente code``, ``detente ingest`` and the server all
read through :func:`iter_records`, so formats, dates, ids, size limits and errors follow one rule set.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from detente.errors import InputError
from detente.ingest.dates import DocDate, doc_date
from detente.ingest.formats import (
    CsvColumns,
    Item,
    Record,
    read_csv,
    read_feed,
    read_html,
    read_jsonl,
    read_txt,
    read_warc,
)
from detente.ingest.rules import MAX_DOC_BYTES, check_size, dated, doc_id_of, document_from_record, text_or_none

STDIN = "-"

# suffix (after any .gz) -> format name
FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".html": "html",
    ".htm": "html",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}


def format_of(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return FORMATS.get(suffixes[-1]) if suffixes else None


def stem_of(path: Path) -> str:
    """The file name without ``.gz`` and its format suffix: the id of a one-document file."""
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    suffix = Path(name).suffix
    return name[: -len(suffix)] if suffix.lower() in FORMATS else name


def expand(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files in the order given; directories walked (known suffixes only, sorted); globs expanded."""
    for given in paths:
        text = str(given)
        if any(ch in text for ch in "*?[") and not Path(text).exists():
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                yield InputError(text, None, "no file matches this pattern")
            yield from (Path(m) for m in matches if Path(m).is_file())
            continue
        path = Path(text)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and format_of(p))
        elif path.is_file():
            yield path
        else:
            yield InputError(text, None, "no such file or directory")


def _read_bytes(path: Path) -> bytes:
    raw = path.read_bytes()
    if path.suffix.lower() == ".gz":
        try:
            return gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError(str(path), None, f"not a valid gzip file: {exc}") from exc
    return raw


def _sidecar(path: Path) -> tuple[Path, dict]:
    """``NAME.meta.json`` beside ``NAME.txt``: ``published``, ``doc_id``, ``title``, ``url``, ``source``."""
    meta_path = path.with_name(f"{stem_of(path)}.meta.json")
    if not meta_path.exists():
        return meta_path, {}
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:
        raise InputError(str(meta_path), getattr(exc, "lineno", None), f"not valid JSON: {exc}") from exc
    if not isinstance(meta, dict):
        raise InputError(str(meta_path), 1, "expected a JSON object")
    return meta_path, meta


def _read_text_file(path: Path, limit: int) -> Iterator[Item]:
    meta_path, meta = _sidecar(path)
    doc_id = doc_id_of(meta.get("doc_id", meta.get("id")), stem_of(path), str(meta_path), None)
    date = doc_date(meta.get("published", meta.get("date")), str(meta_path), None)
    for item in read_txt(_read_bytes(path), str(path), doc_id, limit):
        if isinstance(item, Record):
            for name in ("title", "url", "source"):
                setattr(item.doc, name, text_or_none(meta.get(name)))
            dated(item.doc, date)
        yield item


def read_file(path: Path, cols: CsvColumns, limit: int = MAX_DOC_BYTES) -> Iterator[Item]:
    name = str(path)
    kind = format_of(path)
    if kind is None:
        known = ", ".join(sorted(FORMATS))
        raise InputError(name, None, f"unsupported file type (known: {known}, and .gz of them)")
    if kind == "warc":
        with path.open("rb") as stream:  # warcio reads gzip members itself
            yield from read_warc(stream, name, limit)
    elif kind == "jsonl":
        opener = gzip.open if path.suffix.lower() == ".gz" else open
        try:
            with opener(path, "rb") as stream:
                yield from read_jsonl(stream, name, limit)
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            raise InputError(name, None, f"not a valid gzip file: {exc}") from exc
    elif kind == "txt":
        yield from _read_text_file(path, limit)
    elif kind == "csv":
        yield from read_csv(_read_bytes(path), name, cols, limit)
    elif kind == "html":
        yield from read_html(_read_bytes(path), name, stem_of(path), limit)
    else:
        yield from read_feed(_read_bytes(path), name, limit)


def read_stdin(limit: int = MAX_DOC_BYTES) -> Iterator[Item]:
    """Standard input: JSON Lines when it starts with ``{``, else one plain-text document."""
    data = sys.stdin.buffer.read()
    if data.lstrip()[:1] == b"{":
        yield from read_jsonl(io.BytesIO(data), "<stdin>", limit)
    else:
        yield from read_txt(data, "<stdin>", "stdin", limit)


def _items(entry: Path | str, columns: CsvColumns, limit: int) -> Iterator[Item]:
    if entry == STDIN:
        return read_stdin(limit)
    return read_file(Path(entry), columns, limit)


def iter_records(
    paths: Iterable[str | Path],
    columns: CsvColumns | None = None,
    max_doc_bytes: int = MAX_DOC_BYTES,
    date: DocDate | None = None,
) -> Iterator[Item]:
    """Every record of every input; a file that cannot be read at all yields one error and is left.
    ``date`` is given to documents that carry none (``--date``)."""
    columns = columns or CsvColumns()
    for entry in _expand_with_stdin(paths):
        if isinstance(entry, InputError):
            yield entry
            continue
        try:
            for item in _items(entry, columns, max_doc_bytes):
                if isinstance(item, Record) and item.doc.date is None:
                    dated(item.doc, date)
                yield item
        except InputError as exc:
            yield exc
        except OSError as exc:
            yield InputError(str(entry), None, f"cannot read: {exc.strerror or exc}")


def _expand_with_stdin(paths: Iterable[str | Path]) -> Iterator[Path | str | InputError]:
    for given in paths:
        if str(given) == STDIN:
            yield STDIN
        else:
            yield from expand([given])


def iter_posted(records: Iterable[object], name: str, max_doc_bytes: int = MAX_DOC_BYTES) -> Iterator[Item]:
    """Documents given as JSON objects (``POST /api/documents``), read by the JSON Lines rules;
    ``name`` stands for the file in origins and errors (``posted:3``), never a server path."""
    for number, record in enumerate(records, 1):
        try:
            text = record.get("text") if isinstance(record, dict) else None
            check_size(len(text.encode("utf-8")) if isinstance(text, str) else 0, name, number, max_doc_bytes)
            yield Record(document_from_record(record, name, number, f"{name}:{number}"), f"{name}:{number}")
        except InputError as exc:
            yield exc
