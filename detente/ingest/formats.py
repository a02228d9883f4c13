"""One reader per input format. Each yields :class:`Record` (a document and where it came from)
or :class:`InputError` for a record that cannot be read, and goes on to the next record when the
format allows it (a bad JSON line does not spoil the rest of the file; a binary file does).

HTML, WARC and RSS/Atom need the ``formats`` extra; their libraries are imported when first used.
"""

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
from detente.ingest.dates import DocDate, doc_date
from detente.ingest.rules import (
    check_binary,
    check_size,
    dated,
    decode,
    document_from_record,
    loads_json_line,
    optional_module,
    text_or_none,
)
from detente.model import Document


@dataclass(slots=True)
class Record:
    doc: Document
    origin: str  # path, path:line (JSON Lines, CSV) or path#n (WARC record, feed entry)


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


def read_txt(raw: bytes, path: str, doc_id: str, limit: int) -> Iterator[Item]:
    check_size(len(raw), path, None, limit)
    check_binary(raw, path)
    text = decode(raw, path)
    if not text.strip():
        raise InputError(path, None, "empty file: no text to code")
    yield Record(Document(doc_id=doc_id, text=text), path)


def read_jsonl(stream: BinaryIO, path: str, limit: int) -> Iterator[Item]:
    seen = False
    name = Path(path).name
    for number, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        if not seen and b"\x00" in raw:
            raise InputError(path, number, "binary file (NUL bytes); expected JSON Lines")
        seen = True
        try:
            check_size(len(raw), path, number, limit)
            record = loads_json_line(decode(raw, path, number), path, number)
            yield Record(document_from_record(record, path, number, f"{name}:{number}"), f"{path}:{number}")
        except InputError as exc:
            yield exc
    if not seen:
        raise InputError(path, None, "empty file: no documents")


def read_csv(raw: bytes, path: str, cols: CsvColumns, limit: int) -> Iterator[Item]:
    check_binary(raw, path)
    text = decode(raw, path)
    if not text.strip():
        raise InputError(path, None, "empty file: no rows")
    dialect = "excel-tab" if path.endswith((".tsv", ".tsv.gz")) else "excel"
    csv.field_size_limit(max(limit + 1, 131072))  # the document limit, not csv's own 128 kB
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        raise InputError(path, 1, f"not valid CSV: {exc}") from exc
    if cols.text not in header:
        raise InputError(path, 1, f"no text column {cols.text!r} (columns: {', '.join(header)}); use --text-col")
    yield from _csv_rows(reader, path, cols, limit)


def _csv_rows(reader: csv.DictReader, path: str, cols: CsvColumns, limit: int) -> Iterator[Item]:
    name = Path(path).name
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # the reader cannot go on after this
            raise InputError(path, reader.line_num, f"not valid CSV: {exc}") from exc
        line = reader.line_num
        fields = {"id": cols.id, "text": cols.text, "date": cols.date, "title": cols.title, "url": cols.url}
        record = {key: row.get(column) for key, column in {**fields, "source": cols.source}.items()}
        try:
            check_size(len((record["text"] or "").encode("utf-8")), path, line, limit)
            yield Record(document_from_record(record, path, line, f"{name}:{line}"), f"{path}:{line}")
        except InputError as exc:
            yield exc


def html_document(raw: bytes, path: str, doc_id: str, url: str | None = None) -> Document:
    """Main text, title and date of a web page (boilerplate such as menus and footers dropped)."""
    trafilatura = optional_module("trafilatura", "HTML", path)
    found = trafilatura.extract(raw, output_format="json", with_metadata=True, url=url)
    meta = json.loads(found) if found else {}
    body = meta.get("text") or ""
    if not body.strip():
        raise InputError(path, None, "no main text found in the HTML")
    try:
        date = doc_date(meta.get("date"), path, None)
    except InputError:
        date = None  # a page's odd date string is not worth losing the page for
    doc = Document(
        doc_id=doc_id,
        text=body,
        title=text_or_none(meta.get("title")),
        url=url or text_or_none(meta.get("url")),
        source=text_or_none(meta.get("sitename")) or text_or_none(meta.get("hostname")),
    )
    return dated(doc, date)


def read_html(raw: bytes, path: str, doc_id: str, limit: int) -> Iterator[Item]:
    check_size(len(raw), path, None, limit)
    check_binary(raw, path)
    if not raw.strip():
        raise InputError(path, None, "empty file: no HTML")
    yield Record(html_document(raw, path, doc_id), path)


def read_warc(stream: BinaryIO, path: str, limit: int) -> Iterator[Item]:
    """HTML response records of a (gzipped) WARC crawl; other records are passed over."""
    archive = optional_module("warcio.archiveiterator", "WARC", path)
    failed = optional_module("warcio.exceptions", "WARC", path).ArchiveLoadFailed
    count = 0
    try:
        for record in archive.ArchiveIterator(stream):
            if record.rec_type != "response" or not record.http_headers:
                continue
            if "html" not in (record.http_headers.get_header("Content-Type") or "").lower():
                continue
            count += 1
            yield _warc_item(record, path, count, limit)
    except failed as exc:
        raise InputError(path, None, f"not a WARC file: {exc}") from exc


def _warc_item(record: object, path: str, count: int, limit: int) -> Item:
    headers = record.rec_headers  # type: ignore[attr-defined]
    uri = headers.get_header("WARC-Target-URI")
    rid = headers.get_header("WARC-Record-ID") or f"{Path(path).name}#{count}"
    where = f"{path}#{count}"
    try:
        raw = record.content_stream().read(limit + 1)  # type: ignore[attr-defined]
        check_size(len(raw), where, None, limit)
        doc = html_document(raw, where, rid.strip("<>"), uri)
        if doc.date is None:
            dated(doc, doc_date((headers.get_header("WARC-Date") or "")[:10] or None, where, None))
    except InputError as exc:
        return exc
    return Record(doc, where)


def _html_to_text(fragment: str, path: str) -> str:
    if "<" not in fragment:
        return fragment
    lxml_html = optional_module("lxml.html", "RSS/Atom", path)
    try:
        return lxml_html.fromstring(fragment).text_content()
    except Exception:  # lxml raises several unrelated types on junk; the raw fragment still codes
        return fragment


def read_feed(raw: bytes, path: str, limit: int) -> Iterator[Item]:
    """RSS or Atom: each entry is a document, its content (or summary) the text."""
    feedparser = optional_module("feedparser", "RSS/Atom", path)
    check_size(len(raw), path, None, limit)
    check_binary(raw, path)
    if not raw.strip():
        raise InputError(path, None, "empty file: no feed")
    feed = feedparser.parse(raw)
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None) or "no entries"
        raise InputError(path, getattr(reason, "getLineNumber", lambda: None)(), f"not an RSS/Atom feed: {reason}")
    outlet = text_or_none(feed.feed.get("title"))
    for number, entry in enumerate(feed.entries, 1):
        yield _feed_item(entry, path, number, outlet)


def _feed_item(entry: dict, path: str, number: int, outlet: str | None) -> Item:
    contents = entry.get("content") or []
    body = contents[0].get("value", "") if contents else entry.get("summary", "")
    text = _html_to_text(body, path).strip()
    title = text_or_none(entry.get("title"))
    if not text and not title:
        return InputError(path, None, f"entry {number}: no text")
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    date = _stamp_date(stamp, f"{path}#{number}")
    if isinstance(date, InputError):
        return date
    doc = Document(
        doc_id=entry.get("id") or entry.get("link") or f"{Path(path).name}#{number}",
        text=f"{title}\n{text}" if title and text and not text.startswith(title) else (text or title or ""),
        title=title,
        url=text_or_none(entry.get("link")),
        source=outlet,
    )
    return Record(dated(doc, date), f"{path}#{number}")


def _stamp_date(stamp: object, where: str) -> DocDate | InputError | None:
    if not stamp:
        return None
    try:
        day = dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)  # type: ignore[attr-defined]
        return doc_date(day.isoformat(), where, None)
    except InputError as exc:
        return exc
