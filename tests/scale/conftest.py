"""Fixtures for the Dask engine tests: the generated corpus, its local-engine database, a cluster."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from scale_helpers import snapshot, write_corpus

from detente.store import Store

distributed = pytest.importorskip("distributed", reason="the Dask engine tests need dask[distributed]")


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "generated.jsonl")


@pytest.fixture(scope="session")
def local_result(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[Any, ...]]]:
    """The local engine's database for the corpus: what every Dask run must reproduce."""
    db = tmp_path_factory.mktemp("local") / "local.duckdb"
    with Store(db) as store:
        report = store.ingest([corpus])
    assert report.reports_added > 100 and report.documents_skipped > 0  # the corpus exercises dedup
    return snapshot(db)


@pytest.fixture
def cluster() -> Iterator[Any]:
    """Two single-threaded worker processes under nannies (a killed worker is restarted)."""
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None, silence_logs=logging.ERROR
    ) as local:
        yield local
