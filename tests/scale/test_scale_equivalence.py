"""The Dask engine gives the database the local engine gives: same documents, reports, events."""

from __future__ import annotations

import datetime as dt
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from scale_helpers import assert_same, snapshot

from detente.scale import DaskOptions, ingest, ingest_dask
from detente.scale.load import load_parts
from detente.scale.partitions import ingest_time, iter_partitions
from detente.scale.worker import PartitionTask, code_partition
from detente.store import IngestReport, Store

SHARED_VOA = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "voa-dev.jsonl"


def test_dask_two_workers_matches_local(corpus: Path, local_result: dict[str, Any], tmp_path: Path) -> None:
    db = tmp_path / "dask.duckdb"
    report = ingest_dask(db, [corpus], options=DaskOptions(workers=2, partition_docs=15))
    assert_same(snapshot(db), local_result)
    assert report.documents_added == len(local_result["documents"])
    assert report.reports_added == len(local_result["reports"])
    assert report.events_added == len(local_result["events"])
    assert not (tmp_path / "dask.duckdb.parts").exists()  # loaded files are cleaned up

    again = ingest_dask(db, [corpus], options=DaskOptions(workers=1, partition_docs=15))
    assert again.documents_added == 0 and again.documents_skipped == again.documents_read
    assert_same(snapshot(db), local_result)


def test_voa_dev_matches_local(tmp_path: Path, cluster: Any) -> None:
    if not SHARED_VOA.exists():
        pytest.skip(f"needs {SHARED_VOA} (the read-only ../shared folder), which is absent here")
    # skip_bad: a document the coder trips on must be skipped, and reported, the same way by both
    with Store(tmp_path / "local.duckdb") as store:
        local = store.ingest([SHARED_VOA], skip_bad=True)
    options = DaskOptions(scheduler=cluster.scheduler_address, partition_docs=20)
    dask = ingest_dask(tmp_path / "dask.duckdb", [SHARED_VOA], skip_bad=True, options=options)
    assert_same(snapshot(tmp_path / "dask.duckdb"), snapshot(tmp_path / "local.duckdb"))
    assert [str(e) for e in dask.errors] == [str(e) for e in local.errors]


def _code_in_process(corpus: Path, parts: Path, at: dt.datetime) -> list[str]:
    """Partition files as the engine names them, coded here (what a killed run leaves behind)."""
    files = []
    parts.mkdir(exist_ok=True)
    for part in iter_partitions([corpus], None, 15, IngestReport(), False, lambda hashes: set(), []):
        path = parts / part.file_name(repr((version("detente"), ())))
        task = PartitionTask(part.index, str(path), part.docs, part.hashes, part.origins, part.numbers, at)
        code_partition(task)
        files.append(str(path))
    return files


def test_partition_files_load_once(corpus: Path, local_result: dict[str, Any], tmp_path: Path) -> None:
    """A file listed twice, or written twice by a retried task, is loaded once; so is a document
    that two files hold."""
    files = _code_in_process(corpus, tmp_path / "parts", ingest_time())
    files = files + _code_in_process(corpus, tmp_path / "parts", ingest_time()) + files[:2]  # rewritten in place
    with Store(tmp_path / "db.duckdb") as store:
        added = load_parts(store, files)
        assert added == (len(local_result["documents"]), len(local_result["reports"]))
        assert load_parts(store, files) == (0, 0)
    assert_same(snapshot(tmp_path / "db.duckdb"), local_result)


def test_interrupted_run_files_are_reused(corpus: Path, local_result: dict[str, Any], tmp_path: Path) -> None:
    parts = tmp_path / "parts"
    old = dt.datetime(2000, 1, 1)
    files = _code_in_process(corpus, parts, old)
    left = files[:3]  # the run "died" after three partitions
    for name in files[3:]:
        Path(name).unlink()
    expected = sum(pq.read_metadata(name).num_rows for name in left)
    db = tmp_path / "db.duckdb"
    ingest_dask(db, [corpus], options=DaskOptions(workers=1, partition_docs=15, parts_dir=parts))
    assert_same(snapshot(db), local_result)
    with Store(db) as store:
        reused = store.conn.execute("SELECT count(*) FROM documents WHERE ingested_at = ?", [old]).fetchall()[0][0]
    assert reused == expected  # three partitions came from the files, not from the workers
    assert not any(Path(f).exists() for f in left)


def test_local_engine_and_usage_errors(corpus: Path, local_result: dict[str, Any], tmp_path: Path) -> None:
    from detente.errors import UsageError

    ingest(tmp_path / "local.duckdb", [corpus], engine="local")
    assert_same(snapshot(tmp_path / "local.duckdb"), local_result)
    with pytest.raises(UsageError, match="--scheduler needs --engine dask"):
        ingest(tmp_path / "x.duckdb", [corpus], options=DaskOptions(scheduler="tcp://127.0.0.1:1"))
    with pytest.raises(UsageError, match="unknown engine"):
        ingest(tmp_path / "x.duckdb", [corpus], engine="spark")
