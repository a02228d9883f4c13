"""``POST /api/explain`` on a server with the real coder: the issue's sentence explained; a stub
coder answers 501; too long a text 413."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from detente import Pipeline
from detente.serve import ServeConfig, create_app
from detente.serve.coding import SharedCoder

MILITIAS = "Iran-supported militias attacked a US base in Syria."  # "supported": a trigger the parse rejects


@pytest.fixture()
def real_client(store_path: Path, pipeline: Pipeline) -> TestClient:
    return TestClient(create_app(ServeConfig(db=store_path), coder=SharedCoder(pipeline)))


def test_explain_gives_events_patterns_rules_and_rejections(real_client: TestClient) -> None:
    answer = real_client.post("/api/explain", json={"text": MILITIAS, "date": "2024-01-20"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    # the militias are where they fight; Iran only supports them
    assert [(e["source"]["country"], e["target"]["country"]) for e in body["events"]] == [("SYR", "USA")]
    by_outcome = {c["outcome"]: c for c in body["candidates"]}
    assert "modifies a noun" in by_outcome["rejected"]["reason"]
    event = by_outcome["event"]
    assert event["pattern"]["id"].startswith("19") and event["roles"]["source_rule"]


def test_explain_is_offered_only_by_the_real_coder(client: TestClient) -> None:
    assert client.post("/api/explain", json={"text": MILITIAS}).status_code == 404
    assert "/api/explain" not in client.get("/openapi.json").json()["paths"]


def test_explain_refuses_too_long_a_text(store_path: Path, pipeline: Pipeline) -> None:
    app = create_app(ServeConfig(db=store_path, max_code_chars=20), coder=SharedCoder(pipeline))
    answer = TestClient(app).post("/api/explain", json={"text": MILITIAS})
    assert answer.status_code == 413
