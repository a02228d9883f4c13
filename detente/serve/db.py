"""The server's database handle: read-only unless writes are enabled; one cursor per request."""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Iterator
from pathlib import Path

import duckdb

from detente.serve.errors import ServeError
from detente.store.locks import lock_conflict
from detente.store.schema import LATEST, current_version
from detente.store.store import Store


class Database:
    """Owns the DuckDB connection. Reads use ``cursor()`` (a connection per thread: DuckDB
    connections are not thread-safe); writes go through ``store`` under ``write_lock``."""

    def __init__(self, path: str | Path, writable: bool = False, coder: object | None = None) -> None:
        self.path = str(path)
        self.writable = writable
        self.write_lock = threading.Lock()
        self.generation = 0  # bumped after each write: anything cached from reads is keyed on it
        self.store: Store | None = None
        if writable:
            self.store = Store(self.path, coder=coder)  # type: ignore[arg-type]  # creates and migrates
            self._conn = self.store.conn
            return
        if not Path(self.path).is_file():
            raise ServeError(f"{self.path}: no such database (create it with `detente ingest`)")
        try:
            self._conn = duckdb.connect(self.path, read_only=True)
        except duckdb.Error as exc:
            refused = ServeError(f"{self.path}: cannot open the database read-only: {exc}")
            raise lock_conflict(self.path, exc) or refused from exc
        try:
            version = current_version(self._conn)
        except duckdb.Error as exc:
            self._conn.close()
            raise ServeError(f"{self.path}: not a detente store: {exc}") from exc
        if version != LATEST:
            self._conn.close()
            raise ServeError(
                f"{self.path}: schema version {version}, this detente reads {LATEST}; "
                "open it once with `detente ingest` (or serve with a token) to migrate"
            )

    @functools.cached_property
    def has_event_status(self) -> bool:
        """Whether ``events.status`` exists (schema 2 on), so historical events can be left out."""
        with self.cursor() as cur:
            rows = cur.execute(
                "SELECT count(*) FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'status'"
            ).fetchall()
        return bool(rows[0][0])

    @contextlib.contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        cur = self._conn.cursor()
        try:
            yield cur
        finally:
            cur.close()

    def wrote(self) -> None:
        """Called after a write commits, so cached reads are not served stale."""
        self.generation += 1

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
        else:
            self._conn.close()
