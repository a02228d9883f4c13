"""The series and events endpoints send JSON bytes they build themselves (no response-model
validation on the way out, for speed); their answers must still be what the models describe."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from detente.serve.models import EventPage, Series


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"status": "all", "sort": "goldstein", "order": "desc", "limit": 3},
        {"dyad": "CHN-RUS", "direction": "A->B"},
        {"q": "talk", "offset": 1},
    ],
)
def test_events_page_matches_its_model(client: TestClient, params: dict[str, object]) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert EventPage.model_validate(body).model_dump(mode="json") == body


@pytest.mark.parametrize(
    "params", [{}, {"by": "week", "rolling": 3}, {"by": "year", "direction": "B->A"}, {"status": "all"}]
)
def test_series_matches_its_model(client: TestClient, params: dict[str, object]) -> None:
    response = client.get("/api/dyads/CHN/RUS/series", params=params)
    assert response.status_code == 200
    body = response.json()
    assert body["rows"]
    assert Series.model_validate(body).model_dump(mode="json") == body
    assert all(list(row) == body["columns"] for row in body["rows"])  # every row has the columns, in order
