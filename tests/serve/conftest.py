"""Fixtures for the server tests: a small store coded by a deterministic stub, and clients on it."""

from __future__ import annotations

import json
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")  # starlette 1.x nag

pytest.importorskip("fastapi", reason="the server needs fastapi (pip install fastapi uvicorn httpx)")

from fastapi.testclient import TestClient  # noqa: E402

from detente.serve import ServeConfig, create_app  # noqa: E402
from detente.serve.coding import SharedCoder  # noqa: E402
from detente.store import Store  # noqa: E402
from tests.serve.serve_helpers import DOCUMENTS, TOKEN, KeywordCoder  # noqa: E402


def build_store(path: Path) -> Path:
    src = path.parent / f"{path.stem}.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in DOCUMENTS), encoding="utf-8")
    with Store(path, coder=KeywordCoder()) as store:
        store.ingest([src])
    return path


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("serve") / "small.duckdb")


@pytest.fixture(scope="session")
def client(store_path: Path) -> Iterator[TestClient]:
    app = create_app(ServeConfig(db=store_path), coder=SharedCoder(KeywordCoder()))
    with TestClient(app) as c:
        yield c


@pytest.fixture()
def writable_client(store_path: Path, tmp_path: Path) -> Iterator[TestClient]:
    """A server with a token, on its own copy of the store (writes must not leak into other tests)."""
    db = tmp_path / "writable.duckdb"
    shutil.copy(store_path, db)
    app = create_app(ServeConfig(db=db, token=TOKEN, max_body_bytes=64 * 1024), coder=SharedCoder(KeywordCoder()))
    with TestClient(app) as c:
        yield c
