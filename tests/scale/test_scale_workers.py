"""Each worker process builds its coder (lexicons compiled into matchers) once, not per document
or per partition."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from distributed import Client

from detente.scale import DaskOptions, ingest_dask
from detente.scale.worker import worker_stats


def test_lexicons_load_once_per_worker(corpus: Path, cluster: Any, tmp_path: Path) -> None:
    options = DaskOptions(scheduler=cluster.scheduler_address, partition_docs=5)
    ingest_dask(tmp_path / "db.duckdb", [corpus], options=options)
    with Client(cluster.scheduler_address) as client:
        stats = client.run(worker_stats)
    assert len(stats) == 2
    assert sum(s["partitions_coded"] for s in stats.values()) >= 25
    for worker, counts in stats.items():
        assert counts["partitions_coded"] > 1, (worker, counts)  # so "once" means something
        assert counts["pipelines_built"] == 1, (worker, counts)
        assert counts["lexicon_loads"] == 1, (worker, counts)
