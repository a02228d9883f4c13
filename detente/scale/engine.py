"""The Dask ingest: read partitions on the driver, code them on the workers into Parquet files,
then load the files into the store and cluster once.

Failure handling: each task is retried (``retries``) and a task lost with a dead worker is rerun
by the scheduler; a task writes exactly one file, named by its content, by atomic rename, so a
rerun replaces rather than duplicates, and the load keeps one copy per content hash. Files of a
run that did not finish stay in the parts directory and a rerun reuses them instead of coding
those partitions again.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from detente.errors import InputError
from detente.scale.cluster import dask_client
from detente.scale.errors import ScaleError
from detente.scale.load import load_parts
from detente.scale.partitions import Partition, Skipped, StoredFilter, ingest_time, iter_partitions
from detente.scale.parts import PartSummary, read_summary, remove_temporaries
from detente.scale.worker import PartitionTask, code_partition
from detente.store import CsvColumns, IngestReport, Store
from detente.store.errors import DocumentFailed
from detente.store.ingest import Progress

if TYPE_CHECKING:
    from distributed import Client, Future


@dataclass(frozen=True, slots=True)
class DaskOptions:
    """``scheduler``: address of a running scheduler (``tcp://host:8786``); without it a local
    cluster of ``workers`` processes. ``parts_dir`` must be visible to the driver and every worker
    (default ``<db>.parts`` next to the database). ``in_flight`` partitions per worker thread are
    queued ahead, which bounds the driver's memory."""

    scheduler: str | None = None
    workers: int = 2
    partition_docs: int = 200
    parts_dir: str | Path | None = None
    retries: int = 3
    in_flight: int = 2
    data_dirs: tuple[str, ...] = ()


class _Run:
    """One run's bookkeeping: futures in flight, finished files, the first coding failure."""

    def __init__(self, client: Client, report: IngestReport, progress: Progress | None, skip_bad: bool) -> None:
        self.client = client
        self.report = report
        self.progress = progress
        self.skip_bad = skip_bad
        self.active: dict[Future, int] = {}  # -> partition index
        self.done: list[PartSummary] = []
        self.failure: DocumentFailed | None = None
        self._failed_at = -1
        self.skipped: Skipped = []  # every skipped record with its place in the input
        self.started = time.perf_counter()

    def finish(self, summary: PartSummary) -> None:
        self.done.append(summary)
        self.report.documents_added += summary.documents  # provisional; the load gives the final counts
        self.report.reports_added += summary.reports
        for number, origin, message in summary.failures:
            error = DocumentFailed(origin, None, message)
            if self.skip_bad:
                self.skipped.append((number, error))
                self.report.errors.append(error)
            elif self.failure is None or number < self._failed_at:
                self.failure, self._failed_at = error, number
        self.report.seconds = time.perf_counter() - self.started
        if self.progress:
            self.progress(self.report)

    def drain(self, limit: int) -> None:
        """Wait until at most ``limit`` tasks are in flight."""
        from distributed import wait

        while len(self.active) > limit:
            finished, _ = wait(list(self.active), return_when="FIRST_COMPLETED")
            for future in finished:
                index = self.active.pop(future)
                try:
                    summary = future.result()
                except Exception as exc:  # the task failed on every retry, or its workers kept dying
                    self.cancel()
                    raise ScaleError(f"partition {index} failed: {exc!r}") from exc
                self.finish(summary)

    def cancel(self) -> None:
        self.client.cancel(list(self.active))
        self.active.clear()


def _parts_dir(db: Path, options: DaskOptions) -> Path:
    directory = Path(options.parts_dir) if options.parts_dir else db.with_name(db.name + ".parts")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ScaleError(f"{directory}: cannot create the parts directory: {exc}") from exc
    return directory


def _stored_filter(store: Store) -> StoredFilter:
    def stored(hashes: list[str]) -> set[str]:
        rows = store.conn.execute(
            "SELECT doc_hash FROM documents WHERE doc_hash IN (SELECT unnest($h))", {"h": hashes}
        ).fetchall()
        return {row[0] for row in rows}

    return stored


def _version() -> str:
    try:
        return importlib.metadata.version("detente")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _task(part: Partition, path: Path, options: DaskOptions, skip_bad: bool) -> PartitionTask:
    return PartitionTask(
        part.index,
        str(path),
        part.docs,
        part.hashes,
        part.origins,
        part.numbers,
        ingest_time(),
        options.data_dirs,
        skip_bad,
    )


def _code_all(
    run: _Run,
    store: Store,
    paths: Iterable[str | Path],
    columns: CsvColumns | None,
    parts_dir: Path,
    options: DaskOptions,
) -> None:
    """Submit every partition, keeping a bounded number in flight; stops at a coder failure."""
    limit = max(2, options.in_flight * sum(run.client.nthreads().values()))
    salt = repr((_version(), options.data_dirs))  # a file coded by another detente or other data is not reused
    parts = iter_partitions(
        paths, columns, options.partition_docs, run.report, run.skip_bad, _stored_filter(store), run.skipped
    )
    for part in parts:
        path = parts_dir / part.file_name(salt)
        reused = read_summary(path, part.index) if path.exists() else None
        if reused is not None:  # finished by an earlier, interrupted run
            run.finish(reused)
        else:
            task = _task(part, path, options, run.skip_bad)
            run.active[run.client.submit(code_partition, task, retries=options.retries, pure=False)] = part.index
        run.drain(limit)
        if run.failure is not None:
            return  # as locally: a coder failure stops the run, what was coded is kept


def ingest_dask(
    db: str | Path,
    paths: Iterable[str | Path],
    columns: CsvColumns | None = None,
    skip_bad: bool = False,
    progress: Progress | None = None,
    options: DaskOptions | None = None,
) -> IngestReport:
    """``Store(db).ingest(paths, ...)`` with the coding spread over Dask workers; same result."""
    options = options or DaskOptions()
    db = Path(db)
    with Store(db) as store:
        report = IngestReport(events_before=store.counts()["events"])
        stopped: BaseException | None = None
        with dask_client(options.scheduler, options.workers) as client:
            run = _Run(client, report, progress, skip_bad)
            parts_dir = _parts_dir(db, options)
            try:
                _code_all(run, store, paths, columns, parts_dir, options)
                run.drain(0)
            except KeyboardInterrupt as exc:
                stopped = exc
                run.cancel()
            except (InputError, ScaleError) as exc:
                stopped = exc  # documents read before the bad record, or coded before the failure, are kept
                with contextlib.suppress(ScaleError):
                    run.drain(0)
        remove_temporaries(parts_dir)
        files = [s.path for s in sorted(run.done, key=lambda s: s.index)]
        report.documents_added, report.reports_added = load_parts(store, files)
        report.seconds = time.perf_counter() - run.started
        report.events_after = store.counts()["events"]
        report.errors = [error for _, error in sorted(run.skipped, key=lambda item: item[0])]
    _clean(parts_dir, files, options)  # loaded files are in the store; files of unfinished tasks stay for a rerun
    if stopped is not None:
        raise stopped
    if run.failure is not None:
        raise run.failure
    if progress:
        progress(report)
    return report


def _clean(parts_dir: Path, files: list[str], options: DaskOptions) -> None:
    """Delete loaded files (they are in the store) and an empty default parts dir; an explicit one is kept."""
    for name in files:
        Path(name).unlink(missing_ok=True)
    if options.parts_dir is None:
        with contextlib.suppress(OSError):  # holds files of other runs; leave them
            parts_dir.rmdir()
