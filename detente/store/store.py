"""The corpus store: one DuckDB file holding documents, their coded reports and deduplicated events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

import duckdb

from detente.ingest.formats import CsvColumns, Record
from detente.store.errors import StoreError
from detente.store.export import export
from detente.store.ingest import BATCH_DOCS, Coder, Ingester, IngestReport, Progress
from detente.store.locks import open_error
from detente.store.schema import migrate
from detente.store.series import DyadSeries, TopDyads, check_actor_codes, dyad, top_dyads
from detente.store.writer import recluster

DEFAULT_DB = "detente.duckdb"
_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
_DUCKDB_MAGIC = b"DUCK"  # bytes 8-11 of every DuckDB file


def check_database_file(path: Path, create: bool = True) -> None:
    """Refuse, with the reason, a path that cannot be a detente database before DuckDB touches it."""
    if path.is_dir():
        raise StoreError(f"{path}: is a directory, not a database file")
    if not path.exists():
        if not create:
            raise StoreError(f"{path}: no such database file (create it with `detente ingest FILES --db {path}`)")
        return
    try:
        with path.open("rb") as stream:
            head = stream.read(16)
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the database file: {exc.strerror or exc}") from exc
    if head[8:12] == _DUCKDB_MAGIC:
        return
    if not head:
        raise StoreError(f"{path}: not a DuckDB database file (the file is empty)")
    kind = " (it is a SQLite database)" if head.startswith(b"SQLite format 3") else ""
    raise StoreError(f"{path}: not a DuckDB database file{kind}")


def write_failed(path: str, exc: duckdb.Error) -> StoreError:
    """The engine's error in the user's terms: a full disk says so and what to do."""
    if "No space left on device" in str(exc) or "disk is full" in str(exc).lower():
        return StoreError(
            f"{path}: disk full while writing; the batches written before are kept. Free some space and run "
            "the same ingest again (documents already stored are skipped)"
        )
    return StoreError(f"{path}: write failed: {exc}")


class Store:
    """``Store(path)`` opens (creating and migrating) a database; use it as a context manager.

    With ``create=False`` the file must already be a detente database (for commands that only
    read): a missing file, a file that is not DuckDB, or a DuckDB file without detente's tables
    raise :class:`StoreError` naming the file and the reason.

    ``coder`` is what codes documents on ingest; it defaults to :class:`detente.Pipeline`,
    loaded the first time it is needed.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, coder: Coder | None = None, create: bool = True) -> None:
        self.path = str(path)
        self._coder = coder
        if self.path != ":memory:":
            check_database_file(Path(self.path), create)
        try:
            # No extension downloads: a foreign file must fail here, not reach for the network.
            self.conn = duckdb.connect(self.path, config=_CONFIG)
        except duckdb.Error as exc:
            raise open_error(self.path, exc) from exc  # another process holding it: said plainly
        try:
            migrate(self.conn, self.path, create)
        except BaseException:
            self.conn.close()
            raise

    @property
    def coder(self) -> Coder:
        if self._coder is None:
            from detente.pipeline import Pipeline

            self._coder = Pipeline()
        return self._coder

    def ingest(
        self,
        paths: Iterable[str | Path],
        columns: CsvColumns | None = None,
        skip_bad: bool = False,
        progress: Progress | None = None,
        batch_docs: int | None = None,
    ) -> IngestReport:
        ingester = Ingester(self.conn, self.coder, batch_docs or 200)
        try:
            return ingester.run(paths, columns, skip_bad, progress)
        except duckdb.Error as exc:
            raise write_failed(self.path, exc) from exc

    def ingest_records(self, records: Iterable[Record], skip_bad: bool = False) -> IngestReport:
        """Like :meth:`ingest` for records another process has read (see docs/live.md)."""
        ingester = Ingester(self.conn, self.coder, BATCH_DOCS)
        try:
            return ingester.run_items(records, skip_bad)
        except duckdb.Error as exc:
            raise write_failed(self.path, exc) from exc

    def dyad(
        self,
        a: str,
        b: str,
        start: dt.date | None = None,
        end: dt.date | None = None,
        by: str = "month",
        include_historical: bool = False,
    ) -> DyadSeries:
        return dyad(self.conn, a, b, start, end, by, include_historical)

    def top_dyads(
        self,
        start: dt.date | None = None,
        end: dt.date | None = None,
        limit: int = 10,
        include_historical: bool = False,
    ) -> TopDyads:
        return top_dyads(self.conn, start, end, limit, include_historical)

    def check_actors(self, *codes: str) -> None:
        """Raise :class:`UsageError` for a code that is malformed or names no actor this database
        or the bundled actor tables know (with close matches)."""
        check_actor_codes(self.conn, codes)

    def export(self, fmt: str, out: str | Path, header: bool = True) -> int:
        return export(self.conn, fmt, out, header)

    def recluster(self) -> int:
        """Rebuild every event from the reports (after a change to the clustering rule)."""
        self.conn.execute("BEGIN TRANSACTION")
        try:
            n = recluster(self.conn)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return n

    def counts(self) -> dict[str, int]:
        row = self.conn.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM reports), (SELECT count(*) FROM events)"
        ).fetchall()[0]
        assert row is not None
        return {"documents": row[0], "reports": row[1], "events": row[2]}

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()
