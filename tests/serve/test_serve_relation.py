"""GET /api/dyads/{a}/{b}/relation and /api/names, and the shared filters: the series, the event
list and the relationship summary count the same events for the same filters."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.serve.serve_helpers import assert_error

FILTER_SETS = [
    {},
    {"status": "all"},
    {"status": ["reported", "historical"]},
    {"context": "military"},
    {"sector": "GOV", "from": "2014-06-01"},
    {"direction": "RUS->CHN"},
    {"min_confidence": 0.99},
]


def _series_events(client: TestClient, params: dict) -> int:
    body = client.get("/api/dyads/CHN/RUS/series", params=params).json()
    direction = body["directions"][-1]
    return sum(r["events"] for r in body["rows"] if r["direction"] == direction)


@pytest.mark.parametrize("params", FILTER_SETS)
def test_the_same_filters_count_the_same_events(client: TestClient, params: dict) -> None:
    relation = client.get("/api/dyads/CHN/RUS/relation", params=params)
    assert relation.status_code == 200, relation.text
    listed = client.get("/api/events", params={"dyad": "CHN-RUS", **params, "limit": 1}).json()["total"]
    assert relation.json()["events"] == listed == _series_events(client, params)


def test_relation_answers_with_verdict_interval_and_evidence(client: TestClient) -> None:
    body = client.get("/api/dyads/chn/rus/relation", params={"status": "all"}).json()
    assert body["a"] == "CHN" and body["b"] == "RUS" and body["by"] == "month"
    assert body["verdict"] == "not enough events"  # a handful of events: the honest answer
    assert body["events"] > 0 and "fewer than" in body["rule"] and body["method"]
    assert body["trend"]["level"] == 0.95 and len(body["trend"]["interval"]) == 2
    assert set(body["directions"]) == {"CHN->RUS", "RUS->CHN"}
    assert body["filters"]["status"] == ["reported", "planned", "refused", "historical"]
    assert 1 <= len(body["drivers"]) <= 3
    for driver in body["drivers"]:
        assert driver["cameo_name"] and driver["count"] >= 1
        for evidence in driver["evidence"]:
            event = client.get(f"/api/events/{evidence['cluster_id']}")
            assert event.status_code == 200 and event.json()["cameo"] == driver["cameo"]
            document = client.get(f"/api/documents/{evidence['doc_key']}")
            assert document.status_code == 200 and evidence["text"] in document.json()["text"]


def test_relation_of_a_pair_without_events(client: TestClient) -> None:
    body = client.get("/api/dyads/CHN/IRN/relation").json()
    assert body["verdict"] == "not enough events" and body["events"] == 0 and body["drivers"] == []


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/dyads/CHN/RUS/relation", {"status": "rumoured"}),
        ("/api/dyads/CHN/RUS/relation", {"direction": "USA->CHN"}),
        ("/api/dyads/CHN/RUS/relation", {"from": "2015-01-01", "to": "2014-01-01"}),
        ("/api/dyads/CHN/RUS/series", {"sector": "soldiers"}),
        ("/api/events", {"direction": "A->B"}),  # a direction needs a pair
        ("/api/dyads/CHN/CHN/relation", {}),
    ],
)
def test_bad_filters_are_400(client: TestClient, path: str, params: dict) -> None:
    assert_error(client.get(path, params=params), 400, "bad_request")


def test_series_gaps_documents_and_rolling(client: TestClient) -> None:
    body = client.get("/api/dyads/CHN/RUS/series", params={"status": "all", "rolling": 2}).json()
    rows = [r for r in body["rows"] if r["direction"] == "CHN-RUS"]
    empty = [r for r in rows if r["events"] == 0]
    assert empty and all(r["goldstein_mean"] is None for r in empty)  # never a value for an empty period
    assert "goldstein_sum" in body["columns"] and "goldstein" not in body["columns"]
    assert sum(r["documents"] for r in rows) >= 1
    assert all("events_rolling_mean" in r for r in rows)
    assert body["filters"]["status"] == ["reported", "planned", "refused", "historical"]


def test_names(client: TestClient) -> None:
    body = client.get("/api/names").json()
    assert body["cameo"]["057"] and body["plover"]["AGREE"] == "agree"
    assert "military" in body["contexts"] and "planned" in body["statuses"]
