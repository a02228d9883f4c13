"""A worker killed mid-run loses no events and duplicates none: its tasks are rerun elsewhere and
every partition file is replaced, not added to."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

from distributed import Client
from scale_helpers import assert_same, snapshot

from detente.scale import DaskOptions, ingest_dask
from detente.store import IngestReport


def test_killed_worker_loses_and_duplicates_nothing(
    corpus: Path, local_result: dict[str, Any], cluster: Any, tmp_path: Path
) -> None:
    with Client(cluster.scheduler_address) as client:
        before = client.run(os.getpid)
        finished: list[int] = []
        held: list[str] = []
        killed: list[int] = []

        def progress(report: IngestReport) -> None:
            finished.append(report.documents_added)
            if killed or len(finished) < 2:  # two partitions done, about 25 still to come
                return
            # Kill a worker that holds tasks right now, so that they must be rerun elsewhere.
            busy = [(a, tasks) for a, tasks in client.processing().items() if tasks and a in before]
            if busy:
                address, tasks = busy[0]
                held.extend(tasks)
                killed.append(before[address])
                os.kill(before[address], signal.SIGKILL)

        options = DaskOptions(scheduler=cluster.scheduler_address, partition_docs=5)
        report = ingest_dask(tmp_path / "db.duckdb", [corpus], progress=progress, options=options)
        client.wait_for_workers(2, timeout=60)  # the nanny restarts the killed one
        after = client.run(os.getpid)
    assert killed and killed[0] not in after.values()
    assert held  # the killed worker had tasks in hand, which had to be rerun
    assert len(finished) > 10  # the run went on well after the kill
    assert_same(snapshot(tmp_path / "db.duckdb"), local_result)
    assert report.documents_added == len(local_result["documents"])
    assert not list(tmp_path.glob("db.duckdb.parts/*"))  # no stray temporary files either
