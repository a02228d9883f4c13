"""Bad input is handled as the local ingest handles it: skipped and reported in input order with
--skip-bad, else the run stops and keeps the documents read before the bad record."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from scale_helpers import assert_same, snapshot

from detente.errors import InputError
from detente.scale import DaskOptions, ScaleError, ingest_dask
from detente.store import Store


@pytest.fixture
def bad_corpus(corpus: Path, tmp_path: Path) -> Path:
    lines = corpus.read_text(encoding="utf-8").splitlines()[:60]
    lines[20] = '{"id": "broken", "text": '  # malformed JSON line
    lines[45] = '{"id": "bad-date", "date": "May 2014", "text": "Russia accused China."}'
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_skip_bad_reports_the_same_errors(bad_corpus: Path, cluster: Any, tmp_path: Path) -> None:
    with Store(tmp_path / "local.duckdb") as store:
        local = store.ingest([bad_corpus], skip_bad=True)
    options = DaskOptions(scheduler=cluster.scheduler_address, partition_docs=7)
    dask = ingest_dask(tmp_path / "dask.duckdb", [bad_corpus], skip_bad=True, options=options)
    assert [str(e) for e in dask.errors] == [str(e) for e in local.errors]
    assert len(dask.errors) == 2
    assert_same(snapshot(tmp_path / "dask.duckdb"), snapshot(tmp_path / "local.duckdb"))


def test_bad_record_stops_but_keeps_what_was_read(bad_corpus: Path, cluster: Any, tmp_path: Path) -> None:
    with Store(tmp_path / "local.duckdb") as store, pytest.raises(InputError) as local:
        store.ingest([bad_corpus])
    options = DaskOptions(scheduler=cluster.scheduler_address, partition_docs=7)
    with pytest.raises(InputError) as dask:
        ingest_dask(tmp_path / "dask.duckdb", [bad_corpus], options=options)
    assert str(dask.value) == str(local.value)
    assert_same(snapshot(tmp_path / "dask.duckdb"), snapshot(tmp_path / "local.duckdb"))


def test_unreachable_scheduler_is_a_scale_error(corpus: Path, tmp_path: Path, monkeypatch: Any) -> None:
    import detente.scale.cluster as cluster_module

    monkeypatch.setattr(cluster_module, "CONNECT_TIMEOUT_S", 1)
    with pytest.raises(ScaleError, match="cannot reach the Dask scheduler"):
        ingest_dask(tmp_path / "db.duckdb", [corpus], options=DaskOptions(scheduler="tcp://127.0.0.1:9"))
    assert not (tmp_path / "db.duckdb.parts").exists()
