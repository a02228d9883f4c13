"""A pair's first and last dates, kept between series reads, are dropped by a write: a series
without ``to`` reaches an event added after the pair's last one."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.serve.serve_helpers import TOKEN

LATER_DOC = {"id": "posted-span", "date": "2019-03-04", "text": "Russia met China in Moscow.", "title": "Visit"}


def test_a_write_empties_the_pair_spans(writable_client: TestClient) -> None:
    db = writable_client.app.state.detente.db  # type: ignore[attr-defined]
    before = writable_client.get("/api/dyads/CHN/RUS/series", params={"by": "year"}).json()
    assert len(db.spans) == 1
    assert writable_client.get("/api/dyads/RUS/CHN/series", params={"by": "month"}).status_code == 200
    assert len(db.spans) == 1  # one pair, whichever way round and by whatever period
    auth = {"authorization": f"Bearer {TOKEN}"}
    assert writable_client.post("/api/documents", json={"documents": [LATER_DOC]}, headers=auth).status_code == 200
    assert len(db.spans) == 0
    after = writable_client.get("/api/dyads/CHN/RUS/series", params={"by": "year"}).json()
    assert before["rows"][-1]["period"] < "2019"
    assert after["rows"][-1]["period"].startswith("2019")
