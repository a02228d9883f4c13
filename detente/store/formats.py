"""One reader per input format. Each yields :class:`Record` (a document and where it came from)
or :class:`InputError` for a record that cannot be read, and goes on to the next record when the
format allows it (a bad JSON line does not spoil the rest of the file; a binary file does)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from detente.errors import InputError
from detente.ingest.readers import loads_json_line, parse_doc_date
from detente.model import Document


@dataclass(slots=True)
class Record:
    doc: Document
    origin: str  # path, or path:line


@dataclass(frozen=True, slots=True)
class CsvColumns:
    """Which CSV columns hold what; only ``text`` is required to exist."""

    text: str = "text"
    id: str = "id"
    date: str = "date"
    title: str = "title"
    url: str = "url"
    source: str = "source"


Item = Record | InputError


parse_date = parse_doc_date  # one rule for dates in every reader


def check_binary(raw: bytes, path: str) -> None:
    if b"\x00" in raw[:8192]:
        raise InputError(path, None, "binary file (NUL bytes); expected text")


def decode(raw: bytes, path: str, first_line: int = 1) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + first_line
        bad = raw[exc.start : exc.start + 4]
        raise InputError(path, line, f"invalid UTF-8 at byte {exc.start}: {bad!r}") from exc


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def read_txt(raw: bytes, path: str) -> Iterator[Item]:
    check_binary(raw, path)
    text = decode(raw, path)
    if not text.strip():
        raise InputError(path, None, "empty file: no text")
    yield Record(Document(doc_id=Path(path).name.split(".")[0], text=text), path)


def read_jsonl(stream: BinaryIO, path: str) -> Iterator[Item]:
    seen = False
    for number, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        if not seen and b"\x00" in raw:
            raise InputError(path, number, "binary file (NUL bytes); expected JSON Lines")
        seen = True
        try:
            record = loads_json_line(decode(raw, path, number), path, number)
        except InputError as exc:
            yield exc
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
            yield InputError(path, number, "expected a JSON object with a non-empty 'text' string")
            continue
        try:
            date = parse_date(record.get("date"), path, number)
        except InputError as exc:
            yield exc
            continue
        doc_id = record.get("id", record.get("doc_id")) or f"{Path(path).name}:{number}"
        doc = Document(
            doc_id=str(doc_id),
            text=record["text"],
            date=date,
            title=_str(record.get("title")),
            url=_str(record.get("url")),
            source=_str(record.get("source")),
        )
        yield Record(doc, f"{path}:{number}")
    if not seen:
        raise InputError(path, None, "empty file: no documents")


def read_csv(raw: bytes, path: str, cols: CsvColumns) -> Iterator[Item]:
    check_binary(raw, path)
    text = decode(raw, path)
    if not text.strip():
        raise InputError(path, None, "empty file: no rows")
    dialect = "excel-tab" if path.endswith((".tsv", ".tsv.gz")) else "excel"
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    header = reader.fieldnames or []
    if cols.text not in header:
        raise InputError(path, 1, f"no text column {cols.text!r} (columns: {', '.join(header)}); use --text-col")
    for row in reader:
        line = reader.line_num
        body = row.get(cols.text) or ""
        if not body.strip():
            yield InputError(path, line, f"empty {cols.text!r} cell")
            continue
        try:
            date = parse_date(row.get(cols.date), path, line)
        except InputError as exc:
            yield exc
            continue
        doc = Document(
            doc_id=row.get(cols.id) or f"{Path(path).name}:{line}",
            text=body,
            date=date,
            title=_str(row.get(cols.title)),
            url=_str(row.get(cols.url)),
            source=_str(row.get(cols.source)),
        )
        yield Record(doc, f"{path}:{line}")


def html_document(raw: bytes, path: str, doc_id: str, url: str | None = None) -> Document:
    """Main text, title and date of a web page (boilerplate such as menus and footers dropped)."""
    import trafilatura

    found = trafilatura.extract(raw, output_format="json", with_metadata=True, url=url)
    meta = json.loads(found) if found else {}
    body = meta.get("text") or ""
    if not body.strip():
        raise InputError(path, None, "no main text found in the HTML")
    try:
        date = parse_date(meta.get("date"), path, None)
    except InputError:
        date = None  # a page's odd date string is not worth losing the page for
    return Document(
        doc_id=doc_id,
        text=body,
        date=date,
        title=_str(meta.get("title")),
        url=url or _str(meta.get("url")),
        source=_str(meta.get("sitename")) or _str(meta.get("hostname")),
    )


def read_html(raw: bytes, path: str) -> Iterator[Item]:
    check_binary(raw, path)
    if not raw.strip():
        raise InputError(path, None, "empty file: no HTML")
    yield Record(html_document(raw, path, Path(path).name.split(".")[0]), path)


def read_warc(stream: BinaryIO, path: str) -> Iterator[Item]:
    """HTML response records of a (gzipped) WARC crawl; other records are passed over."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    count = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or not record.http_headers:
                continue
            if "html" not in (record.http_headers.get_header("Content-Type") or "").lower():
                continue
            count += 1
            uri = record.rec_headers.get_header("WARC-Target-URI")
            rid = record.rec_headers.get_header("WARC-Record-ID") or f"{Path(path).name}#{count}"
            where = f"{path}#{count}"
            try:
                doc = html_document(record.content_stream().read(), where, rid.strip("<>"), uri)
            except InputError as exc:
                yield exc
                continue
            if doc.date is None:
                warc_date = record.rec_headers.get_header("WARC-Date") or ""
                doc.date = parse_date(warc_date[:10] or None, where, None)
            yield Record(doc, where)
    except ArchiveLoadFailed as exc:
        raise InputError(path, None, f"not a WARC file: {exc}") from exc


def _html_to_text(fragment: str) -> str:
    import lxml.html

    if "<" not in fragment:
        return fragment
    try:
        return lxml.html.fromstring(fragment).text_content()
    except Exception:  # lxml raises several unrelated types on junk; the raw fragment still codes
        return fragment


def read_feed(raw: bytes, path: str) -> Iterator[Item]:
    """RSS or Atom: each entry is a document, its content (or summary) the text."""
    import feedparser

    check_binary(raw, path)
    if not raw.strip():
        raise InputError(path, None, "empty file: no feed")
    feed = feedparser.parse(raw)
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None) or "no entries"
        raise InputError(path, getattr(reason, "getLineNumber", lambda: None)(), f"not an RSS/Atom feed: {reason}")
    outlet = _str(feed.feed.get("title"))
    for number, entry in enumerate(feed.entries, 1):
        contents = entry.get("content") or []
        body = contents[0].get("value", "") if contents else entry.get("summary", "")
        text = _html_to_text(body).strip()
        title = _str(entry.get("title"))
        where = f"{path}#{number}"
        if not text and not title:
            yield InputError(path, None, f"entry {number}: no text")
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        doc = Document(
            doc_id=entry.get("id") or entry.get("link") or f"{Path(path).name}#{number}",
            text=f"{title}\n{text}" if title and text and not text.startswith(title) else (text or title or ""),
            date=dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None,
            title=title,
            url=_str(entry.get("link")),
            source=outlet,
        )
        yield Record(doc, where)
