"""An events page reads each event's evidence from ``events.best_evidence`` (schema 4) instead of
looking up its reports and their documents: the answers are the bytes of the lookups, whatever
the confidences (missing, tied), and a version-3 store is still served by the lookups."""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest
from fastapi.testclient import TestClient

from detente.serve import ServeConfig, create_app
from detente.serve import events as serve_events
from detente.store import Store

REQUESTS: list[dict[str, Any]] = [
    {},
    {"dyad": "CHN-RUS"},
    {"dyad": "CHN-RUS", "direction": "CHN->RUS", "sort": "goldstein", "order": "desc"},
    {"actor": "CHN", "limit": 3, "offset": 1},
    {"from": "2015-01-01", "to": "2015-12-31", "sort": "mentions", "order": "desc"},
    {"status": "all", "sort": "articles"},
    {"min_confidence": 0.5, "limit": 2},
    {"quad_class": 4},
    {"context": "military,diplomatic"},
    {"q": "border"},
    {"plover": "ACCUSE", "offset": 100},
]


@pytest.fixture(scope="module")
def varied_store(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test store with more reports per event: each report gets copies with missing, lower,
    equal and higher confidences and report ids on either side of it, then everything is clustered
    again (the writer fills best_evidence as it builds the events)."""
    path = tmp_path_factory.mktemp("evidence") / "varied.duckdb"
    shutil.copy(store_path, path)
    rng = random.Random(5)
    with Store(path) as store:
        conn = store.conn
        originals = conn.execute("SELECT report_id FROM reports ORDER BY 1").fetchall()
        for i, (report_id,) in enumerate(originals):
            for copy in range(3):
                confidence = rng.choice([None, 0.0, 0.5, 0.8, 0.8, 0.95])
                prefix = rng.choice(["0", "z"])  # sorts before or after the original's id
                conn.execute(
                    "INSERT INTO reports SELECT * REPLACE (? AS report_id, ? AS confidence) FROM reports "
                    "WHERE report_id = ?",
                    [f"{prefix}{i}-{copy}-{report_id}", confidence, report_id],
                )
        store.recluster()
    return path


def _pages(db: Path, best_evidence: bool) -> list[bytes]:
    app = create_app(ServeConfig(db=db, cache_bytes=0))  # no memos: every page reads
    with TestClient(app) as client:
        app.state.detente.db.__dict__["has_best_evidence"] = best_evidence  # the cached property, set
        answers = [client.get("/api/events", params=params) for params in REQUESTS]
    assert all(a.status_code == 200 for a in answers), [a.text for a in answers if a.status_code != 200]
    return [a.content for a in answers]


@pytest.mark.parametrize("which", ["store_path", "varied_store"])
def test_the_column_gives_the_lookups_answers(which: str, request: pytest.FixtureRequest) -> None:
    db: Path = request.getfixturevalue(which)
    with_column = _pages(db, True)
    assert with_column == _pages(db, False)
    assert any(b'"evidence":{' in page for page in with_column)


def test_every_event_of_the_varied_store(varied_store: Path) -> None:
    conn = duckdb.connect(str(varied_store), read_only=True)
    try:
        ids = [c for (c,) in conn.execute("SELECT cluster_id FROM events").fetchall()]
        several = conn.execute("SELECT count(*) FROM events WHERE mention_count > 3").fetchall()[0][0]
        assert several > 0  # the copies joined their originals' events
        assert serve_events._events_by_id(conn, ids, True) == serve_events._events_by_id(conn, ids, False)
    finally:
        conn.close()


def test_a_version_3_store_is_served_by_the_lookups(store_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "v3.duckdb"
    shutil.copy(store_path, db)
    conn = duckdb.connect(str(db))
    conn.execute("ALTER TABLE events DROP COLUMN best_evidence")
    conn.execute("DELETE FROM schema_version WHERE version >= 4")
    conn.close()
    app = create_app(ServeConfig(db=db))  # read-only: the store stays at version 3
    with TestClient(app) as client:
        answer = client.get("/api/events", params={"dyad": "CHN-RUS"})
        assert app.state.detente.db.has_best_evidence is False
    assert answer.status_code == 200
    assert answer.content == _pages(store_path, True)[1]
