"""A pair's rows, kept between series reads and cut to each request's dates, give the answers of a
read with the dates; a write drops them; a pair too large to keep is read with its dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb
import pytest
from fastapi.testclient import TestClient

from detente.serve import series as serve_series
from detente.serve.cache import RowMemo
from detente.store.filters import EventFilters
from detente.store.series import dyad
from tests.serve.serve_helpers import TOKEN

LATER_DOC = {"id": "posted-rows", "date": "2019-03-04", "text": "Russia met China in Moscow.", "title": "Visit"}
RANGES = [
    (None, None),
    (dt.date(2010, 1, 1), None),
    (None, dt.date(2012, 6, 30)),
    (dt.date(2011, 1, 1), dt.date(2011, 12, 31)),
]


def _series(conn: duckdb.DuckDBPyConnection, filters: EventFilters, fetch: Any, by: str) -> list[dict[str, Any]]:
    return dyad(conn, "CHN", "RUS", by=by, filters=filters, fetch=fetch).rows


@pytest.mark.parametrize("limit", [serve_series.PAIR_MEMO_ROWS, 1])
def test_kept_rows_give_the_dated_reads_answers(store_path: Path, monkeypatch: pytest.MonkeyPatch, limit: int) -> None:
    monkeypatch.setattr(serve_series, "PAIR_MEMO_ROWS", limit)  # 1: the pair is too large to keep
    memo = RowMemo(8)
    conn = duckdb.connect(str(store_path), read_only=True)
    try:
        fetch = serve_series.rows_memo(conn, memo, 0)
        for start, end in RANGES:
            for by in ("month", "year"):
                for extra in ({}, {"min_confidence": 0.5}, {"direction": "A->B"}):
                    filters = EventFilters(start=start, end=end, **extra)  # type: ignore[arg-type]
                    assert _series(conn, filters, fetch, by) == _series(conn, filters, None, by)
    finally:
        conn.close()
    assert len(memo) == 2  # one entry per pair and filters other than dates and direction
    assert all((v is None) == (limit == 1) for v in memo._items.values())


def test_a_write_drops_the_kept_rows(writable_client: TestClient) -> None:
    db = writable_client.app.state.detente.db  # type: ignore[attr-defined]
    before = writable_client.get("/api/dyads/CHN/RUS/series", params={"by": "year", "to": "2020-12-31"}).json()
    assert len(db.pairs) == 1
    assert writable_client.get("/api/dyads/RUS/CHN/series", params={"by": "month"}).status_code == 200
    assert len(db.pairs) == 1  # one pair, whichever way round, by whatever period and range
    auth = {"authorization": f"Bearer {TOKEN}"}
    assert writable_client.post("/api/documents", json={"documents": [LATER_DOC]}, headers=auth).status_code == 200
    assert len(db.pairs) == 0
    after = writable_client.get("/api/dyads/CHN/RUS/series", params={"by": "year", "to": "2020-12-31"}).json()

    def total(answer: dict[str, Any]) -> int:
        return sum(r["events"] for r in answer["rows"] if r["direction"] == "CHN-RUS")

    assert total(after) == total(before) + 1  # the kept rows were not used after the write
