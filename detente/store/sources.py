"""Turn the paths a user gives (files, directories, globs; gzip included) into records."""

from __future__ import annotations

import glob
import gzip
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from detente.errors import InputError
from detente.store.formats import (
    CsvColumns,
    Item,
    read_csv,
    read_feed,
    read_html,
    read_jsonl,
    read_txt,
    read_warc,
)

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


def expand(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files in the order given; directories walked (known suffixes only, sorted); globs expanded."""
    for given in paths:
        text = str(given)
        if any(ch in text for ch in "*?[") and not Path(text).exists():
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                yield InputError(text, None, "no file matches this pattern")
            for match in matches:
                if Path(match).is_file():
                    yield Path(match)
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


def read_file(path: Path, cols: CsvColumns) -> Iterator[Item]:
    name = str(path)
    kind = format_of(path)
    if kind is None:
        raise InputError(name, None, f"unsupported file type (known: {', '.join(sorted(FORMATS))}, and .gz of them)")
    if kind == "warc":
        with path.open("rb") as stream:  # warcio reads gzip members itself
            yield from read_warc(stream, name)
        return
    if kind == "jsonl":
        opener = gzip.open if path.suffix.lower() == ".gz" else open
        try:
            with opener(path, "rb") as stream:
                yield from read_jsonl(stream, name)
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            raise InputError(name, None, f"not a valid gzip file: {exc}") from exc
        return
    raw = _read_bytes(path)
    if kind == "txt":
        yield from read_txt(raw, name)
    elif kind == "csv":
        yield from read_csv(raw, name, cols)
    elif kind == "html":
        yield from read_html(raw, name)
    else:
        yield from read_feed(raw, name)


def iter_records(paths: Iterable[str | Path], cols: CsvColumns | None = None) -> Iterator[Item]:
    """Every record of every input; a file that cannot be read at all yields one error and is left."""
    cols = cols or CsvColumns()
    for entry in expand(paths):
        if isinstance(entry, InputError):
            yield entry
            continue
        try:
            yield from read_file(entry, cols)
        except InputError as exc:
            yield exc
        except OSError as exc:
            yield InputError(str(entry), None, f"cannot read: {exc.strerror or exc}")
