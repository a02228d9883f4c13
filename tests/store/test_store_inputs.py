"""Every input format, and bad input: ingested, or a clear InputError naming file and line."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from detente.errors import InputError
from detente.store import CsvColumns, Store

DEAL = "Russia and China signed a gas deal in Shanghai on Wednesday, officials said."


def _line(doc_id: str, text: str = DEAL, **extra: str) -> str:
    return json.dumps({"id": doc_id, "text": text, "date": "2014-05-21", **extra}) + "\n"


def test_empty_file(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"")
    with pytest.raises(InputError, match="empty") as info:
        store.ingest([path])
    assert info.value.path == str(path)


def test_binary_file(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match="binary"):
        store.ingest([path])


def test_invalid_utf8_names_the_line(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(_line("ok").encode() + b'{"id": "x", "text": "caf\xe9 ' + b'"}\n')
    with pytest.raises(InputError, match="invalid UTF-8") as info:
        store.ingest([path])
    assert info.value.line == 2
    assert store.counts()["documents"] == 1  # the good line before it is kept


def test_malformed_json_line_and_skip_bad(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text(_line("a") + '{"id": "b", "text": \n' + _line("c", "Iran accused the United States."), "utf-8")
    with pytest.raises(InputError) as info:
        store.ingest([path])
    assert (info.value.path, info.value.line) == (str(path), 2)
    assert str(info.value).startswith(f"{path}:2: not valid JSON")
    report = store.ingest([path], skip_bad=True)
    assert report.documents_added == 1 and report.documents_skipped == 1
    assert [(e.line) for e in report.errors] == [2]
    assert store.counts()["documents"] == 2


def test_gzipped_jsonl(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl.gz"
    path.write_bytes(gzip.compress((_line("a") + _line("b", "Iran accused the United States.")).encode()))
    assert store.ingest([path]).documents_added == 2
    assert store.counts()["reports"] == 2


def test_not_really_gzip(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "fake.jsonl.gz"
    path.write_bytes(b"plain text, not gzip")
    with pytest.raises(InputError, match="gzip"):
        store.ingest([path])


def test_mojibake_is_repaired(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "moji.jsonl"
    path.write_text(_line("m", "Russia and China signed the deal, the Kremlinâ€™s aide said."), "utf-8")
    store.ingest([path])
    text = store.conn.execute("SELECT text FROM documents").fetchall()[0][0]
    assert "Kremlin’s" in text and "â€" not in text


def test_html_page(store: Store, tmp_path: Path) -> None:
    page = (
        "<html><head><title>Gas deal</title>"
        '<meta property="article:published_time" content="2014-05-21"></head>'
        "<body><nav>Home | World | Sport</nav><article><h1>Russia and China sign gas deal</h1>"
        f"<p>{DEAL} The agreement is worth 400 billion dollars, both governments said.</p>"
        "<p>President Putin met President Xi during the visit, the Kremlin said in a statement.</p>"
        "</article><footer>Copyright 2014</footer></body></html>"
    )
    (tmp_path / "page.html").write_text(page, "utf-8")
    store.ingest([tmp_path / "page.html"])
    title, date, text = store.conn.execute("SELECT title, date::VARCHAR, text FROM documents").fetchall()[0]
    assert "gas deal" in title.lower() and date == "2014-05-21"
    assert "Copyright" not in text and "signed a gas deal" in text


def test_rss_feed(store: Store, tmp_path: Path) -> None:
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
    <item><title>Gas deal</title><link>https://example.org/1</link><guid>one</guid>
      <pubDate>Wed, 21 May 2014 08:00:00 GMT</pubDate><description>&lt;p&gt;{DEAL}&lt;/p&gt;</description></item>
    <item><title>Accusation</title><link>https://example.org/2</link><guid>two</guid>
      <pubDate>Thu, 22 May 2014 08:00:00 GMT</pubDate><description>Iran accused the United States.</description></item>
    </channel></rss>"""
    (tmp_path / "wire.rss").write_text(feed, "utf-8")
    assert store.ingest([tmp_path / "wire.rss"]).documents_added == 2
    rows = store.conn.execute("SELECT doc_id, date::VARCHAR, source, url FROM documents ORDER BY doc_id").fetchall()
    assert rows[0] == ("one", "2014-05-21", "Wire", "https://example.org/1")


def test_csv_with_column_mapping(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text(f'story,published,key\n"{DEAL}",2014-05-21,k1\n"Iran accused the United States.",,k2\n', "utf-8")
    with pytest.raises(InputError, match="no text column") as info:
        store.ingest([path])
    assert info.value.line == 1
    cols = CsvColumns(text="story", date="published", id="key")
    assert store.ingest([path], columns=cols).documents_added == 2
    assert store.conn.execute("SELECT doc_id FROM documents ORDER BY 1").fetchall() == [("k1",), ("k2",)]


def test_csv_bad_date_names_the_line(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "dates.csv"
    path.write_text(f'text,date\n"{DEAL}",21/05/2014\n', "utf-8")
    with pytest.raises(InputError, match="not YYYY-MM-DD") as info:
        store.ingest([path])
    assert info.value.line == 2


def test_warc_records(store: Store, tmp_path: Path) -> None:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        body = f"<html><body><article><p>{DEAL} Both sides praised the agreement at length.</p></article></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            "https://example.org/deal",
            "response",
            payload=BytesIO(body.encode()),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2014-05-21T10:00:00Z"},
        )
        writer.write_record(record)
    assert store.ingest([path]).documents_added == 1
    assert store.conn.execute("SELECT url, date::VARCHAR FROM documents").fetchall() == [
        ("https://example.org/deal", "2014-05-21")
    ]


def test_directories_and_globs(store: Store, tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text(DEAL, "utf-8")
    (tmp_path / "in" / "sub" / "b.txt").write_text("Iran accused the United States.", "utf-8")
    (tmp_path / "in" / "notes.bin").write_bytes(b"\x00\x01")  # unknown suffix: not picked up from a directory
    assert store.ingest([tmp_path / "in"]).documents_added == 2
    assert store.ingest([str(tmp_path / "in" / "**" / "*.txt")]).documents_skipped == 2
    with pytest.raises(InputError, match="no file matches"):
        store.ingest([str(tmp_path / "nothing-*.jsonl")])


def test_missing_file(store: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        store.ingest([tmp_path / "absent.jsonl"])
