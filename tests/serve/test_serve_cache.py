"""Reads under concurrency: pooled cursors, and cached answers that a write makes stale."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from fastapi.testclient import TestClient

from detente.serve import ServeConfig, create_app
from detente.serve.cache import Answer, ResultCache, request_key
from detente.serve.db import Database
from tests.serve.serve_helpers import TOKEN

NEW_DOC = {"id": "posted-cache", "date": "2014-06-01", "text": "Russia met China in Moscow.", "title": "Visit"}


def test_a_repeated_read_is_answered_from_the_cache(client: TestClient) -> None:
    first = client.get("/api/dyads/CHN/RUS/series", params={"by": "month", "from": "2014-01-01"})
    second = client.get("/api/dyads/CHN/RUS/series", params={"from": "2014-01-01", "by": "month"})
    assert first.status_code == second.status_code == 200
    assert first.headers["x-detente-cache"] == "miss"
    assert second.headers["x-detente-cache"] == "hit"  # the same query, parameters in another order
    assert second.content == first.content
    assert second.headers["content-type"] == first.headers["content-type"]
    other = client.get("/api/dyads/CHN/RUS/series", params={"by": "year", "from": "2014-01-01"})
    assert other.headers["x-detente-cache"] == "miss"


def test_errors_and_other_endpoints_are_not_cached(client: TestClient) -> None:
    for _ in range(2):
        bad = client.get("/api/dyads/CHN/CHN/series")
        assert bad.status_code == 400 and bad.headers["x-detente-cache"] == "miss"
        assert "x-detente-cache" not in client.get("/api/health").headers


def test_a_write_makes_cached_answers_stale(writable_client: TestClient) -> None:
    params = {"dyad": "CHN-RUS", "from": "2014-06-01", "to": "2014-06-01"}
    before = writable_client.get("/api/events", params=params).json()
    assert writable_client.get("/api/events", params=params).headers["x-detente-cache"] == "hit"
    auth = {"authorization": f"Bearer {TOKEN}"}
    report = writable_client.post("/api/documents", json={"documents": [NEW_DOC]}, headers=auth).json()
    assert report["events_added"] == 1
    after = writable_client.get("/api/events", params=params)
    assert after.headers["x-detente-cache"] == "miss"
    assert after.json()["total"] == before["total"] + 1


def test_invalidate_forgets_and_refuses_answers_computed_before_it() -> None:
    cache = ResultCache(max_bytes=10_000)
    answer = Answer(200, (), b"{}")
    cache.put(0, "/api/events?", answer)
    assert cache.get(0, "/api/events?") is answer
    cache.invalidate(1)
    assert cache.get(0, "/api/events?") is None and len(cache) == 0
    cache.put(0, "/api/events?", answer)  # a read that started before the write ends after it
    assert len(cache) == 0


def test_the_cache_keeps_the_most_recently_used_within_its_size() -> None:
    cache = ResultCache(max_bytes=4 * (1000 + 200))
    for i in range(4):
        cache.put(0, f"k{i}", Answer(200, (), b"x" * 1000))
    assert cache.get(0, "k0") is not None  # k0 is now the most recent; k1 is the oldest
    cache.put(0, "k4", Answer(200, (), b"x" * 1000))
    assert cache.get(0, "k1") is None
    assert all(cache.get(0, k) is not None for k in ("k0", "k2", "k3", "k4"))
    cache.put(0, "huge", Answer(200, (), b"x" * 2000))  # over a quarter of the cache: not kept
    assert cache.get(0, "huge") is None


def test_only_reads_of_the_store_have_a_key() -> None:
    def scope(method: str, path: str, query: bytes = b"") -> dict[str, object]:
        return {"type": "http", "method": method, "path": path, "query_string": query}

    assert request_key(scope("GET", "/api/events", b"b=2&a=1")) == "/api/events?a=1&b=2"
    assert request_key(scope("GET", "/api/dyads/top")) == "/api/dyads/top?"
    assert request_key(scope("POST", "/api/events")) is None
    assert request_key(scope("GET", "/api/health")) is None
    assert request_key(scope("GET", "/")) is None


def test_concurrent_reads_each_borrow_their_own_cursor(store_path: Path) -> None:
    db = Database(store_path, max_readers=4)
    inside = threading.Barrier(4, timeout=10)
    seen: list[int] = []

    def read() -> int:
        with db.cursor() as cur:
            seen.append(id(cur))
            inside.wait()  # all four hold a cursor at once
            return int(cur.execute("SELECT count(*) FROM events").fetchall()[0][0])

    try:
        with ThreadPoolExecutor(4) as pool:
            counts = list(pool.map(lambda _: read(), range(4)))
        assert len(set(counts)) == 1 and counts[0] > 0
        assert len(set(seen)) == 4
        for _ in range(10):  # later reads, one at a time, reuse a cursor instead of opening more
            with db.cursor() as cur:
                cur.execute("SELECT 1").fetchall()
        assert db._pool is not None and db._pool.size == 4
    finally:
        db.close()


def test_a_cache_of_zero_bytes_is_off(store_path: Path) -> None:
    with TestClient(create_app(ServeConfig(db=store_path, cache_bytes=0))) as plain:
        for _ in range(2):
            response = plain.get("/api/dyads/CHN/RUS/series")
            assert response.status_code == 200 and "x-detente-cache" not in response.headers


def test_reads_beyond_max_readers_wait_their_turn(store_path: Path) -> None:
    db = Database(store_path, max_readers=2)
    lock = threading.Lock()
    inside, most = [0], [0]

    def read() -> None:
        with db.cursor() as cur:
            with lock:
                inside[0] += 1
                most[0] = max(most[0], inside[0])
            cur.execute("SELECT count(*) FROM events").fetchall()
            time.sleep(0.05)
            with lock:
                inside[0] -= 1

    try:
        with ThreadPoolExecutor(6) as pool:
            list(pool.map(lambda _: read(), range(12)))
        assert most[0] == 2
    finally:
        db.close()
