"""A search's matches, kept between pages (by filters other than the dates, sort and order) and cut
to each request's dates and page, give the answers of the search run with them; a write drops
them; a search with more matches than are kept is run each time."""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest
from fastapi.testclient import TestClient

from detente.serve import events as serve_events
from detente.serve.cache import RowMemo
from detente.store.filters import build_filters
from tests.serve.serve_helpers import TOKEN

NEW_DOC = {"id": "posted-matches", "date": "2015-02-03", "text": "Russia met China in Moscow.", "title": "Visit"}
SEARCHES: list[dict[str, Any]] = [
    {},
    {"dyad": "CHN-RUS"},
    {"dyad": "CHN-RUS", "direction": "CHN->RUS"},
    {"actor": "CHN"},
    {"actor": "RUS", "quad_class": 4},
    {"status": ["all"]},
    {"context": ["military", "diplomatic"]},
    {"cameo": "1"},
    {"actor": "ZZZ"},  # no match
]


@pytest.fixture(scope="module")
def many_events(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test store's events copied 30 times over with other dates (some none, many shared),
    scores and counts, so that sorts tie and dates cut anywhere."""
    path = tmp_path_factory.mktemp("matches") / "many.duckdb"
    shutil.copy(store_path, path)
    rng = random.Random(3)
    conn = duckdb.connect(str(path))
    originals = [c for (c,) in conn.execute("SELECT cluster_id FROM events ORDER BY 1").fetchall()]
    for i in range(30):
        for cluster_id in originals:
            date = None if rng.random() < 0.1 else dt.date(2014, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
            conn.execute(
                "INSERT INTO events SELECT * REPLACE (? AS cluster_id, ? AS date, ? AS goldstein, ? AS mention_count) "
                "FROM events WHERE cluster_id = ?",
                [f"{cluster_id}-{i:02d}", date, rng.choice([None, -5.0, 0.0, 3.4]), rng.randint(1, 3), cluster_id],
            )
    conn.close()
    return path


def _filter(search: dict[str, Any], start: dt.date | None, end: dt.date | None) -> serve_events.EventFilter:
    dyad = search.get("dyad")
    pair = serve_events.split_dyad(dyad) if dyad else None
    filt = serve_events.EventFilter(
        actor=search.get("actor"), dyad=dyad, cameo=search.get("cameo"), quad_class=search.get("quad_class")
    )
    filt.common = build_filters(
        start, end, search.get("status"), None, search.get("context"), None, search.get("direction"), False, pair
    )
    return filt


def _date(rng: random.Random) -> dt.date | None:
    return None if rng.random() < 0.4 else dt.date(2014, 1, 1) + dt.timedelta(days=rng.randint(-20, 720))


@pytest.mark.parametrize("kept_rows", [serve_events.MATCH_MEMO_ROWS, 100])
def test_kept_matches_give_the_searches_answers(
    many_events: Path, monkeypatch: pytest.MonkeyPatch, kept_rows: int
) -> None:
    monkeypatch.setattr(serve_events, "MATCH_MEMO_ROWS", kept_rows)  # 100: the larger searches are not kept
    rng = random.Random(kept_rows)
    matches = RowMemo(1_000_000)
    memo = serve_events.Memo(RowMemo(0), 0, matches)
    conn = duckdb.connect(str(many_events), read_only=True)
    try:
        for _ in range(400):
            start, end = sorted([_date(rng), _date(rng)], key=lambda d: d or dt.date.max)
            filt = _filter(rng.choice(SEARCHES), start, end)
            sort, order = rng.choice(list(serve_events.SORTS)), rng.choice(list(serve_events.ORDERS))
            page = (rng.randint(1, 25), rng.choice([0, 0, 5, 30, 200]))
            got = serve_events.search_events(conn, filt, *page, sort, order, memo, True)
            assert got == serve_events.search_events(conn, filt, *page, sort, order, None, True)
    finally:
        conn.close()
    kept = list(matches._items.values())
    assert any(m is not None and m.ids for m in kept) and any(m is not None and not m.ids for m in kept)
    assert any(m is None for m in kept) == (kept_rows == 100)


def test_a_write_drops_the_kept_matches(writable_client: TestClient) -> None:
    db = writable_client.app.state.detente.db  # type: ignore[attr-defined]
    params = {"dyad": "CHN-RUS", "from": "2015-01-01", "to": "2015-12-31"}
    before = writable_client.get("/api/events", params=params).json()
    assert writable_client.get("/api/events", params={"dyad": "CHN-RUS", "offset": 1}).status_code == 200
    assert len(db.matches) == 1  # one search, whatever its dates and page
    auth = {"authorization": f"Bearer {TOKEN}"}
    assert writable_client.post("/api/documents", json={"documents": [NEW_DOC]}, headers=auth).status_code == 200
    assert len(db.matches) == 0
    after = writable_client.get("/api/events", params=params).json()
    assert after["total"] == before["total"] + 1
