"""Safety: read-only by default, token-guarded writes, body limits, refusing what cannot be served."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from detente.serve import ServeConfig, ServeError, create_app
from tests.serve.serve_helpers import TOKEN, assert_error

NEW_DOC = {"id": "posted-1", "date": "2016-04-01", "text": "Iran met Japan in Tehran.", "title": "Visit"}


def test_writes_are_disabled_without_a_token(client: TestClient) -> None:
    response = client.post("/api/documents", json={"documents": [NEW_DOC]})
    assert_error(response, 403, "writes_disabled")
    response = client.post("/api/documents", json={"documents": [NEW_DOC]}, headers={"authorization": "Bearer x"})
    assert_error(response, 403, "writes_disabled")


def test_read_only_server_holds_the_file_read_only(store_path: Path) -> None:
    app = create_app(ServeConfig(db=store_path))
    with app.state.detente.db.cursor() as cur, pytest.raises(duckdb.Error, match="read-only"):
        cur.execute("DELETE FROM events")


@pytest.mark.parametrize("header", [None, "Bearer wrong", f"Basic {TOKEN}", "Bearer", f"Bearer {TOKEN}x"])
def test_writes_need_the_token(writable_client: TestClient, header: str | None) -> None:
    headers = {"authorization": header} if header else {}
    response = writable_client.post("/api/documents", json={"documents": [NEW_DOC]}, headers=headers)
    assert_error(response, 401, "unauthorized")
    assert response.headers["www-authenticate"] == "Bearer"


def test_posted_documents_are_ingested(writable_client: TestClient) -> None:
    auth = {"authorization": f"Bearer {TOKEN}"}
    assert writable_client.get("/api/health").json()["writable"] is True
    report = writable_client.post("/api/documents", json={"documents": [NEW_DOC]}, headers=auth).json()
    assert report["documents_added"] == 1 and report["events_added"] == 1 and report["errors"] == []
    page = writable_client.get("/api/events", params={"dyad": "IRN-JPN"}).json()
    assert page["total"] == 1 and page["events"][0]["evidence"]["doc_id"] == "posted-1"
    again = writable_client.post("/api/documents", json={"documents": [NEW_DOC]}, headers=auth).json()
    assert again["documents_added"] == 0 and again["documents_skipped"] == 1


@pytest.mark.parametrize(
    "body",
    [
        {"documents": []},
        {"documents": [{"id": "x"}]},
        {"documents": [{**NEW_DOC, "extra": 1}]},
        {"docs": []},
        {"documents": [{**NEW_DOC, "date": "0001-01-01"}]},  # a placeholder date, once an HTTP 500
    ],
)
def test_posted_documents_are_validated(writable_client: TestClient, body: dict[str, object]) -> None:
    response = writable_client.post("/api/documents", json=body, headers={"authorization": f"Bearer {TOKEN}"})
    assert_error(response, 422, "validation_error")


def test_body_size_limit(writable_client: TestClient) -> None:
    auth = {"authorization": f"Bearer {TOKEN}"}
    big = {"documents": [{**NEW_DOC, "text": "x" * 70_000}]}  # the fixture allows 64 KiB
    assert_error(writable_client.post("/api/documents", json=big, headers=auth), 413, "payload_too_large")

    def chunks():  # no Content-Length: the limit must hold while streaming
        for _ in range(20):
            yield b"x" * 4096

    response = writable_client.post("/api/code", content=chunks(), headers={"content-type": "application/json"})
    assert_error(response, 413, "payload_too_large")


def test_missing_or_foreign_databases_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ServeError, match="no such database"):
        create_app(ServeConfig(db=tmp_path / "none.duckdb"))
    foreign = tmp_path / "foreign.duckdb"
    with duckdb.connect(str(foreign)) as conn:
        conn.execute("CREATE TABLE t (x INTEGER)")
    with pytest.raises(ServeError, match="not a detente store|schema version"):
        create_app(ServeConfig(db=foreign))
    text = tmp_path / "notes.duckdb"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(ServeError):
        create_app(ServeConfig(db=text))


def test_serve_command(tmp_path: Path) -> None:
    from detente.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--token", "127.0.0.1"):
        assert option in result.output
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no such database" in result.output
