"""Fixtures for the store tests: a stub coder, temporary databases and the VOA corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from store_helpers import GAS_DEAL, SHARED, StubCoder

from detente.store import Store


@pytest.fixture
def stub() -> StubCoder:
    return StubCoder()


@pytest.fixture
def store(tmp_path: Path, stub: StubCoder) -> Store:
    with Store(tmp_path / "test.duckdb", coder=stub) as s:
        yield s


@pytest.fixture
def voa() -> Path:
    path = SHARED / "corpora" / "voa-dev.jsonl"
    if not path.exists():
        pytest.skip(f"needs {path} (the read-only ../shared folder), which is absent here")
    return path


@pytest.fixture
def gas_deal(tmp_path: Path) -> Path:
    path = tmp_path / "gas.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for doc_id, date, source, text in GAS_DEAL:
            out.write(json.dumps({"id": doc_id, "date": date, "source": source, "text": text}) + "\n")
    return path
