"""The HTTP API on a small known store: every endpoint, its filters, and its errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

from detente.store.series import dyad, top_dyads
from tests.serve.serve_helpers import assert_error


def read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """The store's own series code on the file (read-only, as the server holds it open that way)."""
    return duckdb.connect(str(path), read_only=True)


def test_health(client: TestClient) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok" and body["writable"] is False
    assert body["documents"] == 7 and body["events"] == 9


def test_events_unfiltered_leave_out_historical(client: TestClient) -> None:
    page = client.get("/api/events").json()
    assert page["total"] == 8 and len(page["events"]) == 8
    assert [e["date"] for e in page["events"]] == sorted(e["date"] for e in page["events"])
    with_past = client.get("/api/events", params={"include_historical": True}).json()
    assert with_past["total"] == 9


@pytest.mark.parametrize(
    ("params", "total"),
    [
        ({"actor": "usa"}, 3),
        ({"actor": "RUSGOV"}, 6),  # by CAMEO actor code
        ({"source": "RUS", "target": "CHN"}, 2),
        ({"dyad": "CHN-RUS"}, 4),
        ({"dyad": "RUS|CHN"}, 4),
        ({"dyad": "rus,chn"}, 4),
        ({"from": "2014-07-01", "to": "2014-12-31"}, 4),
        ({"cameo": "057"}, 1),
        ({"cameo": "11"}, 3),
        ({"root": "04"}, 2),
        ({"plover": "accuse"}, 3),
        ({"quad_class": 4}, 2),
        ({"context": "Economic"}, 2),
        ({"q": "GAS DEAL"}, 1),
        ({"q": "100%"}, 1),  # % is literal text, not a LIKE wildcard
        ({"q": "%"}, 1),
        ({"actor": "x' OR 1=1 --"}, 0),  # values are parameters, never SQL
        ({"dyad": "CHN-RUS", "quad_class": 3, "from": "2015-01-01"}, 1),
    ],
)
def test_event_filters(client: TestClient, params: dict[str, object], total: int) -> None:
    page = client.get("/api/events", params=params).json()
    assert page["total"] == total, page
    assert len(page["events"]) == total


def test_event_evidence_and_merged_reports(client: TestClient) -> None:
    (deal,) = client.get("/api/events", params={"cameo": "057"}).json()["events"]
    assert deal["mention_count"] == 2 and deal["article_count"] == 2
    assert deal["contexts"] == ["economic", "energy"]
    assert deal["evidence"]["evidence_text"].startswith("Russia signed")
    detail = client.get(f"/api/events/{deal['cluster_id']}").json()
    assert {r["doc_id"] for r in detail["reports"]} == {"gas-deal", "gas-deal-2"}


def test_event_pagination_and_sorting(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 3, "offset": 0}).json()
    rest = client.get("/api/events", params={"limit": 1000, "offset": 3}).json()
    assert first["total"] == rest["total"] == 8
    assert len(first["events"]) == 3 and len(rest["events"]) == 5
    ids = [e["cluster_id"] for e in first["events"] + rest["events"]]
    assert len(set(ids)) == 8
    by_gold = client.get("/api/events", params={"sort": "goldstein", "order": "desc"}).json()["events"]
    assert [e["goldstein"] for e in by_gold] == sorted((e["goldstein"] for e in by_gold), reverse=True)
    assert client.get("/api/events", params={"offset": 100}).json()["events"] == []


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({"limit": 1001}, 422, "validation_error"),
        ({"limit": 0}, 422, "validation_error"),
        ({"offset": -1}, 422, "validation_error"),
        ({"cameo": "05a"}, 422, "validation_error"),
        ({"quad_class": 5}, 422, "validation_error"),
        ({"from": "2014-13-01"}, 422, "validation_error"),
        ({"sort": "cluster_id; DROP TABLE events"}, 422, "validation_error"),
        ({"dyad": "CHN"}, 400, "bad_request"),
        ({"q": "x" * 201}, 422, "validation_error"),
    ],
)
def test_event_bad_parameters(client: TestClient, params: dict[str, object], status: int, code: str) -> None:
    error = assert_error(client.get("/api/events", params=params), status, code)
    if status == 422:
        assert error["detail"][0]["loc"][0] == "query"


def test_event_not_found(client: TestClient) -> None:
    assert_error(client.get("/api/events/nope"), 404, "not_found")


def test_series_matches_the_store(client: TestClient, store_path: Path) -> None:
    expected = dyad(read_only(store_path), "CHN", "RUS", by="month")
    body = client.get("/api/dyads/chn/rus/series").json()
    assert body["rows"] == expected.rows
    assert body["columns"] == expected.columns
    assert body["directions"] == ["CHN->RUS", "RUS->CHN", "CHN-RUS"]
    combined = [r for r in body["rows"] if r["direction"] == "CHN-RUS"]
    assert combined[0]["period"] == "2014-05-01" and combined[-1]["period"] == "2015-02-01"
    assert sum(r["events"] for r in combined) == 4
    assert sum(r["material_conflict"] for r in combined) == 1


def test_series_options(client: TestClient, store_path: Path) -> None:
    expected = dyad(read_only(store_path), "CHN", "RUS", dt.date(2014, 1, 1), dt.date(2014, 12, 31), "week", True)
    params = {"by": "week", "from": "2014-01-01", "to": "2014-12-31", "include_historical": True}
    body = client.get("/api/dyads/CHN/RUS/series", params=params).json()
    assert body["rows"] == expected.rows and len(body["rows"]) == 3 * 53
    empty = client.get("/api/dyads/CHN/IRN/series").json()
    assert empty["rows"] == []


@pytest.mark.parametrize(
    ("path", "params", "status", "code"),
    [
        ("/api/dyads/CHN/CHN/series", {}, 400, "bad_request"),
        ("/api/dyads/CHN/RUS/series", {"by": "decade"}, 422, "validation_error"),
        ("/api/dyads/CHN/RUS/series", {"from": "2015-01-01", "to": "2014-01-01"}, 400, "bad_request"),
        ("/api/dyads/CHN/RUS/series", {"by": "day", "from": "1900-01-01"}, 400, "range_too_long"),
        ("/api/dyads/top", {"limit": 0}, 422, "validation_error"),
        ("/api/dyads/top", {"from": "2015-01-01", "to": "2014-01-01"}, 400, "bad_request"),
    ],
)
def test_series_errors(client: TestClient, path: str, params: dict[str, object], status: int, code: str) -> None:
    assert_error(client.get(path, params=params), status, code)


def test_top_dyads_match_the_store(client: TestClient, store_path: Path) -> None:
    expected = top_dyads(read_only(store_path), limit=3)
    body = client.get("/api/dyads/top", params={"limit": 3}).json()
    assert [r["pair"] for r in body["activity"]] == [r["pair"] for r in expected.activity]
    assert body["activity"][0] == {**expected.activity[0], "a": "CHN", "b": "RUS"}
    assert body["start"] == "2014-05-21" and body["end"] == "2015-03-15"


def test_document_with_highlighted_evidence(client: TestClient) -> None:
    doc = client.get("/api/documents/border").json()  # by document id
    assert doc["doc_id"] == "border" and len(doc["doc_hash"]) == 64
    assert "".join(s["text"] for s in doc["segments"]) == doc["text"]
    marked = [s for s in doc["segments"] if s["reports"]]
    assert [s["text"] for s in marked] == [
        "Russia shelled positions inside China, officials said.",
        "China accused Russia of 100% aggression.",
    ]
    for event in doc["events"]:
        span = event["span"]
        assert doc["text"][span["start"] : span["end"]] == event["evidence_text"]
    assert client.get(f"/api/documents/{doc['doc_hash']}").json()["doc_id"] == "border"


def test_document_not_found(client: TestClient) -> None:
    assert_error(client.get("/api/documents/" + "0" * 64), 404, "not_found")


def test_countries(client: TestClient) -> None:
    found = client.get("/api/countries", params={"q": "russ"}).json()
    assert found[0]["code"] == "RUS" and found[0]["events"] == 7  # historical events count here
    busiest = client.get("/api/countries", params={"limit": 2}).json()
    assert [c["code"] for c in busiest] == ["RUS", "CHN"]
    assert client.get("/api/countries", params={"q": "zzzz-none"}).json() == []
    assert_error(client.get("/api/countries", params={"limit": 501}), 422, "validation_error")


def test_actor_lookup(client: TestClient) -> None:
    rows = client.get("/api/actors", params={"name": "Russia"}).json()
    assert any(r["code"].startswith("RUS") for r in rows)
    assert client.get("/api/actors", params={"name": "no such actor anywhere"}).json() == []
    assert_error(client.get("/api/actors"), 422, "validation_error")


def test_code_posted_text_without_storing(client: TestClient) -> None:
    before = client.get("/api/health").json()["events"]
    body = client.post("/api/code", json={"text": "Japan met China in Osaka.", "date": "2016-01-02"}).json()
    assert [(e["source"]["country"], e["target"]["country"], e["cameo"]) for e in body["events"]] == [
        ("JPN", "CHN", "040")
    ]
    assert body["events"][0]["date"] == "2016-01-02"
    assert client.get("/api/health").json()["events"] == before


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"text": ""}, 422, "validation_error"),
        ({}, 422, "validation_error"),
        ({"text": "x", "unknown": 1}, 422, "validation_error"),
        ({"text": "x", "date": "yesterday"}, 422, "validation_error"),
        ({"text": "x" * 100_001}, 413, "text_too_long"),
    ],
)
def test_code_errors(client: TestClient, body: dict[str, object], status: int, code: str) -> None:
    assert_error(client.post("/api/code", json=body), status, code)


def test_code_rejects_broken_json(client: TestClient) -> None:
    response = client.post("/api/code", content=b"{not json", headers={"content-type": "application/json"})
    assert_error(response, 422, "validation_error")


def test_dashboard_and_static_files(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert '<script src="/static/app.js"' in page.text and "http" not in page.text.replace("http-equiv", "")
    for name in ("app.js", "charts.js", "style.css"):
        asset = client.get(f"/static/{name}")
        assert asset.status_code == 200 and "https://" not in asset.text  # nothing fetched from the internet
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert_error(client.get("/static/missing.js"), 404, "not_found")
    assert client.get("/docs").status_code == 404  # Swagger UI would load scripts from a CDN
    schema = client.get("/openapi.json").json()
    assert {"/api/events", "/api/dyads/{a}/{b}/series", "/api/code", "/api/documents"} <= set(schema["paths"])
