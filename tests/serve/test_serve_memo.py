"""Rows kept between reads (events with their evidence, documents per period) are dropped by a
write, and rows read before a write are never kept after it."""

from __future__ import annotations

from fastapi.testclient import TestClient

from detente.serve.cache import RowMemo
from tests.serve.serve_helpers import TOKEN

NEW_DOC = {"id": "posted-memo", "date": "2014-06-01", "text": "Russia met China in Moscow.", "title": "Visit"}


def test_row_memo_keeps_rows_of_its_generation_only() -> None:
    memo = RowMemo(max_items=2)
    memo.put_many(0, {"a": 1, "b": 2})
    assert memo.get_many(0, ["a", "b", "c"]) == {"a": 1, "b": 2}
    memo.put_many(0, {"c": 3})  # over its size: the least recently used goes
    assert memo.get_many(0, ["a", "b", "c"]) == {"b": 2, "c": 3}
    memo.invalidate(1)
    assert len(memo) == 0 and memo.get_many(0, ["b"]) == {}
    memo.put_many(0, {"d": 4})  # read before the write, finished after it
    assert len(memo) == 0
    memo.put_many(1, {"d": 4})
    assert memo.get_many(1, ["d"]) == {"d": 4}
    assert len(RowMemo(max_items=0)) == 0


def test_a_write_empties_the_memos(writable_client: TestClient) -> None:
    db = writable_client.app.state.detente.db  # type: ignore[attr-defined]
    params = {"dyad": "CHN-RUS", "from": "2014-06-01", "to": "2014-06-01"}
    before = writable_client.get("/api/events", params=params).json()
    series = writable_client.get("/api/dyads/CHN/RUS/series", params={"by": "day", "from": "2014-06-01"}).json()
    assert len(db.periods) == 1 and len(db.rows) == len(before["events"])
    auth = {"authorization": f"Bearer {TOKEN}"}
    assert writable_client.post("/api/documents", json={"documents": [NEW_DOC]}, headers=auth).status_code == 200
    assert len(db.rows) == 0 and len(db.periods) == 0
    after = writable_client.get("/api/events", params=params).json()
    assert after["total"] == before["total"] + 1
    first_day = writable_client.get("/api/dyads/CHN/RUS/series", params={"by": "day", "from": "2014-06-01"}).json()
    assert first_day["rows"][0]["documents"] == series["rows"][0]["documents"] + 1  # the new document counts
