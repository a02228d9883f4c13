"""Run the store's ingest on Dask: documents are coded in parallel on worker processes (a local
cluster, or any Dask scheduler: Slurm, Kubernetes) and loaded and deduplicated once, with the same
result as a local ingest. See docs/scale.md.

>>> from detente.scale import DaskOptions, ingest
>>> ingest("news.duckdb", ["crawl/"], engine="dask", options=DaskOptions(workers=4))  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from detente.errors import UsageError
from detente.scale.engine import DaskOptions, ingest_dask
from detente.scale.errors import ScaleError
from detente.store import CsvColumns, IngestReport, Store
from detente.store.ingest import Progress

ENGINES = ("local", "dask")

__all__ = ["ENGINES", "DaskOptions", "ScaleError", "ingest", "ingest_dask"]


def ingest(
    db: str | Path,
    paths: Iterable[str | Path],
    columns: CsvColumns | None = None,
    skip_bad: bool = False,
    progress: Progress | None = None,
    engine: str = "local",
    options: DaskOptions | None = None,
) -> IngestReport:
    """Ingest with the chosen engine: ``local`` is ``Store.ingest`` in this process, ``dask`` is
    :func:`ingest_dask`. Dask options with the local engine are a usage error, not ignored."""
    if engine == "dask":
        return ingest_dask(db, paths, columns, skip_bad, progress, options)
    if engine != "local":
        raise UsageError(f"unknown engine {engine!r} (known: {', '.join(ENGINES)})")
    if options is not None and options.scheduler:
        raise UsageError("--scheduler needs --engine dask")
    with Store(db) as store:
        return store.ingest(paths, columns, skip_bad, progress)
