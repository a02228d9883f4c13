"""Every event kept in memory for events pages (:mod:`detente.serve.event_rows`): the events are
those of the keyed read, the pages the bytes of a server that reads the store, and a write shows
at once (the store is read until the events are kept again)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest
from fastapi.testclient import TestClient

from detente.serve import ServeConfig, create_app
from detente.serve import events as serve_events
from detente.serve.coding import SharedCoder
from detente.serve.event_rows import load
from tests.serve.serve_helpers import TOKEN, KeywordCoder
from tests.serve.test_serve_best_evidence import REQUESTS, varied_store  # noqa: F401 - a fixture

MORE: list[dict[str, Any]] = [
    *REQUESTS,
    {"actor": "RUS", "quad_class": 1, "sort": "goldstein", "order": "desc"},
    {"dyad": "CHN-RUS", "from": "2015-01-01", "to": "2016-12-31", "limit": 5, "offset": 2},
    {"context": "military", "status": "all", "sort": "mentions"},
    {"cameo": "04", "sector": "GOV"},
    {"source": "CHN", "order": "desc"},
]


ODD_VALUES = [
    """UPDATE events SET location = '{"name": "Tehran", "lat": 35.7, "lon": 51.4, "a": [1, null]}'
       WHERE rowid % 3 = 0""",
    "UPDATE events SET urls = ['http://a/\u00fc', 'x\"y'], sources = [] WHERE rowid % 2 = 0",
    "UPDATE events SET source_org = 'UN', target_org = 'NATO' WHERE rowid % 4 = 1",
    "UPDATE events SET date = NULL, first_seen = NULL WHERE rowid % 5 = 2",
    "UPDATE events SET goldstein = NULL, quad_class = NULL, mention_count = NULL WHERE rowid % 6 = 3",
    "UPDATE events SET contexts = NULL, reciprocal = NULL WHERE rowid % 7 = 4",
    "UPDATE events SET best_evidence = NULL WHERE rowid % 8 = 5",
    """UPDATE events SET best_evidence = to_json({'report_id': 'r"1', 'cluster_id': 'other', 'doc_hash': 'h',
           'doc_id': '', 'title': NULL, 'url': 'http://\u00fc/"', 'doc_source': NULL, 'date': NULL,
           'cameo': '0211', 'confidence': 0.1 + 0.2, 'status': 'reported', 'trigger': 'm\u00e9t',
           'evidence_text': 'Q "quoted" \\ back' || chr(10) || 'line \u2014 ok', 'evidence_start': NULL,
           'evidence_end': 123456789012}) WHERE rowid % 3 = 1""",
]


@pytest.fixture(scope="module")
def odd_store(varied_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:  # noqa: F811 - the fixture
    """The varied store with NULLs, lists, locations, quotes and non-ASCII text in its events."""
    path = tmp_path_factory.mktemp("odd") / "odd.duckdb"
    shutil.copy(varied_store, path)
    conn = duckdb.connect(str(path))
    for sql in ODD_VALUES:
        conn.execute(sql)
    conn.close()
    return path


def _answers(db: Path, keep: bool) -> list[bytes]:
    app = create_app(ServeConfig(db=db, cache_bytes=64 << 20 if keep else 0))
    with TestClient(app) as client:
        database = app.state.detente.db
        kept = database.wait_event_rows()
        assert (kept is not None) is keep
        answers = [client.get("/api/events", params=params) for params in MORE]
        assert (database.event_rows() is kept) or not keep  # the pages came from memory
    assert all(a.status_code == 200 for a in answers), [a.text for a in answers if a.status_code != 200]
    return [a.content for a in answers]


@pytest.mark.parametrize("which", ["store_path", "varied_store", "odd_store"])
def test_pages_are_those_read_from_the_store(which: str, request: pytest.FixtureRequest) -> None:
    db: Path = request.getfixturevalue(which)
    assert _answers(db, keep=True) == _answers(db, keep=False)


@pytest.mark.parametrize("which", ["store_path", "varied_store", "odd_store"])
def test_every_event_is_the_keyed_read(which: str, request: pytest.FixtureRequest) -> None:
    db: Path = request.getfixturevalue(which)
    conn = duckdb.connect(str(db), read_only=True)
    try:
        ids = [c for (c,) in conn.execute("SELECT cluster_id FROM events").fetchall()]
        names = serve_events.EVENT_COLUMNS
        kept = load(conn.cursor, names, 0)  # a cursor is its own context manager
        assert kept is not None and len(kept) == len(ids)
        assert kept.events(ids) == serve_events._events_by_id(conn, ids, True)
        assert kept.events(["no-such-event"]) == {}
        assert load(conn.cursor, names, 0, max_events=len(ids) - 1) is None  # too many: read by key
    finally:
        conn.close()


def test_evidence_of_another_shape_is_read_by_key(odd_store: Path, tmp_path: Path) -> None:
    db = tmp_path / "other.duckdb"
    shutil.copy(odd_store, db)
    conn = duckdb.connect(str(db))
    try:
        conn.execute(
            """UPDATE events SET best_evidence = '{"report_id": "x"}' WHERE rowid = (SELECT max(rowid) FROM events)"""
        )
        assert load(conn.cursor, serve_events.EVENT_COLUMNS, 0) is None
        conn.execute("DELETE FROM events")
        empty = load(conn.cursor, serve_events.EVENT_COLUMNS, 0)
        assert empty is not None and len(empty) == 0 and empty.events(["x"]) == {}
    finally:
        conn.close()


def test_a_write_shows_at_once_and_is_kept_after(store_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "live.duckdb"
    shutil.copy(store_path, db)
    app = create_app(ServeConfig(db=db, token=TOKEN), coder=SharedCoder(KeywordCoder()))
    auth = {"authorization": f"Bearer {TOKEN}"}
    doc = {"id": "posted-1", "date": "2016-04-01", "text": "Iran met Japan in Tehran.", "title": "Visit"}
    with TestClient(app) as client:
        database = app.state.detente.db
        database._event_rows.quiet = 0.0  # no pause after the write: the test waits for the rebuild
        before = database.wait_event_rows()
        assert before is not None
        assert client.get("/api/events", params={"dyad": "IRN-JPN"}).json()["total"] == 0
        report = client.post("/api/documents", json={"documents": [doc]}, headers=auth).json()
        assert report["events_added"] == 1
        assert database._event_rows.current(database.generation) is None  # the kept events are stale
        page = client.get("/api/events", params={"dyad": "IRN-JPN"}).json()
        assert page["total"] == 1 and page["events"][0]["evidence"]["doc_id"] == "posted-1"
        after = database.wait_event_rows()
        assert after is not None and after is not before and len(after) == len(before) + 1
        kept = client.get("/api/events", params={"dyad": "IRN-JPN", "limit": 10}).json()
        assert kept["events"] == page["events"]
