"""Schema-driven fuzzing: requests generated from the OpenAPI description never get a 5xx, and
every error comes back in the one error shape."""

from __future__ import annotations

import shutil
import time

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="the fuzz test needs schemathesis")

from fastapi.testclient import TestClient  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402

from detente.serve import ServeConfig, create_app  # noqa: E402
from detente.serve.coding import SharedCoder  # noqa: E402
from tests.serve.serve_helpers import (  # noqa: E402
    TOKEN,
    KeywordCoder,  # noqa: E402
    assert_error,
)

EXAMPLES = 60  # per operation and mode


@pytest.mark.parametrize("mode", ["positive", "negative"])
def test_no_server_errors(store_path, tmp_path, mode: str) -> None:  # type: ignore[no-untyped-def]
    """Valid (positive) and schema-violating (negative) requests to every operation, in process,
    on a writable copy with a token so that posted documents really get ingested.

    The operations are walked by hand: schemathesis' own pytest plugin does not run on pytest 9."""
    db = tmp_path / "fuzz.duckdb"
    shutil.copy(store_path, db)
    app = create_app(ServeConfig(db=db, token=TOKEN), coder=SharedCoder(KeywordCoder()))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9
    headers = {"authorization": f"Bearer {TOKEN}"}
    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=schemathesis.GenerationMode(mode)))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case) -> None:  # type: ignore[no-untyped-def]
            response = case.call(headers=headers)
            where = f"{case.method} {case.formatted_path} {case.query} -> {response.status_code}: {response.text[:300]}"
            assert response.status_code < 500, where
            if response.status_code >= 400:
                assert_error(response, response.status_code)

        started = time.perf_counter()
        try:
            run()
        except Unsatisfiable:
            assert mode == "negative"  # an operation without parameters has no invalid request to make
        print(f"{mode} {operation.label}: {time.perf_counter() - started:.1f}s")


def test_error_shape_everywhere(client: TestClient) -> None:
    """One shape for every kind of error the stack can produce."""
    cases = [
        (client.get("/api/no-such-endpoint"), 404),
        (client.get("/nothing/here"), 404),
        (client.get("/api/events/unknown"), 404),
        (client.get("/api/documents/unknown"), 404),
        (client.delete("/api/events"), 405),
        (client.put("/api/code", json={"text": "x"}), 405),
        (client.get("/api/events", params={"limit": "many"}), 422),
        (client.get("/api/dyads/CHN/CHN/series"), 400),
        (client.post("/api/code", content=b"[", headers={"content-type": "application/json"}), 422),
        (client.post("/api/documents", json={"documents": []}), 403),
        (client.get("/static/nope.css"), 404),
    ]
    for response, status in cases:
        assert_error(response, status)
