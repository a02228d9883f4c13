"""The server's database handle: read-only unless writes are enabled; reads borrow pooled cursors
(one per running request) and their answers are cached until the next write."""

from __future__ import annotations

import contextlib
import functools
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from detente.serve.cache import ResultCache, RowMemo
from detente.serve.cursors import CursorPool
from detente.serve.errors import ServeError
from detente.serve.event_rows import EventRows, Loader
from detente.serve.events import EVENT_COLUMNS
from detente.store.locks import lock_conflict
from detente.store.schema import LATEST, READABLE, current_version
from detente.store.store import Store

DEFAULT_CACHE_BYTES = 64 * 1024 * 1024
ROW_MEMO_ITEMS = 20_000  # events with their evidence, about 4 kB each as dicts (1 kB as JSON)
SPAN_MEMO_ITEMS = 20_000  # pairs, about 0.3 kB each
PAIR_MEMO_ITEMS = 64  # pairs' events for series, at most 2,000 as columns (about 0.35 MB) each
MATCH_MEMO_ITEMS = 500_000  # event searches' matches (keys and dates), about 80 bytes each: 40 MB


if TYPE_CHECKING:
    from detente.store.ingest import IngestReport


class Database:
    """Owns the DuckDB connection. Reads use ``cursor()`` (a pooled connection per running request:
    DuckDB connections are not thread-safe); writes go through ``store`` under ``write_lock`` and
    then call :meth:`wrote`, which empties ``cache`` (the answers of :mod:`detente.serve.cache`)."""

    def __init__(
        self,
        path: str | Path,
        writable: bool = False,
        coder: object | None = None,
        cache_bytes: int = DEFAULT_CACHE_BYTES,
        max_readers: int = 0,
    ) -> None:
        self.path = str(path)
        self.writable = writable
        self.write_lock = threading.Lock()
        self.generation = 0  # bumped after each write: anything cached from reads is keyed on it
        self.cache = ResultCache(cache_bytes)
        self.rows = RowMemo(ROW_MEMO_ITEMS if cache_bytes else 0)  # events read, shared by pages; off with the cache
        self.periods = RowMemo(4 if cache_bytes else 0)  # documents per day, week, month, year
        self.spans = RowMemo(SPAN_MEMO_ITEMS if cache_bytes else 0)  # pairs' first and last dates
        self.pairs = RowMemo(PAIR_MEMO_ITEMS if cache_bytes else 0)  # pairs' rows for series
        self.matches = RowMemo(MATCH_MEMO_ITEMS if cache_bytes else 0)  # event searches' matches
        self._event_rows = Loader()  # every event's page columns (off with the cache, as the memos)
        self._keep_event_rows = cache_bytes > 0
        self._pool_lock = threading.Lock()
        self._pool: CursorPool | None = None
        self._max_readers = max_readers  # reads running at once; 0: one per core
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
        if not READABLE <= version <= LATEST:  # between them only indexes differ: slower reads, same answers
            self._conn.close()
            raise ServeError(
                f"{self.path}: schema version {version}, this detente reads {READABLE} to {LATEST}; "
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

    @functools.cached_property
    def has_best_evidence(self) -> bool:
        """Whether ``events.best_evidence`` exists (schema 4 on): an events page is then one read."""
        with self.cursor() as cur:
            rows = cur.execute(
                "SELECT count(*) FROM information_schema.columns "
                "WHERE table_name = 'events' AND column_name = 'best_evidence'"
            ).fetchall()
        return bool(rows[0][0])

    def event_rows(self) -> EventRows | None:
        """Every event for an events page, in memory, if built for the current generation; else
        None, and a build starts in the background (see :mod:`detente.serve.event_rows`)."""
        if not self._keep_event_rows or not self.has_best_evidence:
            return None
        generation = self.generation
        rows = self._event_rows.current(generation)
        if rows is None:
            with self._pool_lock:
                start = self._event_rows.should_start(generation)
            if start:
                self._start_event_rows(generation)
        return rows

    def _start_event_rows(self, generation: int) -> None:
        args = (self.cursor, EVENT_COLUMNS, generation, lambda: self.generation)
        threading.Thread(target=self._event_rows.build, args=args, name="event-rows", daemon=True).start()

    def wait_event_rows(self, timeout: float = 60.0) -> EventRows | None:
        """The in-memory events once built (tests, benchmarks): starts a build if none runs."""
        deadline = time.monotonic() + timeout
        while (rows := self.event_rows()) is None and time.monotonic() < deadline:
            if self._event_rows.failed is not None or not self._keep_event_rows or not self.has_best_evidence:
                return None
            time.sleep(0.01)
        return rows

    @contextlib.contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A reader connection of this request's own, from the pool (see :mod:`detente.serve.cursors`)."""
        with self._pool_lock:
            if self._pool is None:
                self._pool = CursorPool(self._conn, self._max_readers)
            pool = self._pool
        with pool.cursor() as cur:
            yield cur

    def ingest_records(self, records: list) -> IngestReport:  # noqa: ANN001 - store Records
        """Store coded records the way ``detente ingest`` does (bad ones reported, not fatal), one
        writer at a time, then let readers and caches see the new events."""
        if self.store is None:  # the routes refuse writes to a read-only server before this
            raise ServeError(f"{self.path}: this server is read-only")
        with self.write_lock:
            report = self.store.ingest_records(records, skip_bad=True)
        self.wrote()
        return report

    def wrote(self) -> None:
        """Called after a write commits, so cached reads are not served stale."""
        with self._pool_lock:
            self.generation += 1
            self.cache.invalidate(self.generation)
            self.rows.invalidate(self.generation)
            self.periods.invalidate(self.generation)
            self.spans.invalidate(self.generation)
            self.pairs.invalidate(self.generation)
            self.matches.invalidate(self.generation)
            self._event_rows.wrote()

    invalidate = wrote  # the name a cache's user looks for

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
        if self.store is not None:
            self.store.close()
        else:
            self._conn.close()
