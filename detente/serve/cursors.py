"""Reader connections for the server's worker threads, kept and reused.

A DuckDB connection must not be used by two threads at once, and one shared connection behind a
lock would make every read wait for the one before it. Each request therefore borrows a cursor
(its own connection to the same database) for as long as it runs and gives it back; the pool
grows to the number of requests running at once and no further. Reads on separate cursors run in
parallel inside DuckDB, and each sees the store as of its query (writes commit on the store's
own connection). At most ``max_active`` (one per core by default) run at once; the others queue.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator

import duckdb

_TURN_WAIT_S = 10.0


class CursorPool:
    """``max_active`` bounds the reads running at once (the rest wait their turn): more reads than
    cores only share the cores and the interpreter lock, and each answers later."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, max_active: int = 0) -> None:
        self._root = conn.cursor()  # cursors come from here, never from a connection a writer uses
        self._idle: list[duckdb.DuckDBPyConnection] = []
        self._open: list[duckdb.DuckDBPyConnection] = []
        self._lock = threading.Lock()
        self._closed = False
        self.max_active = max_active or os.cpu_count() or 2
        self._turns = threading.BoundedSemaphore(self.max_active)

    @contextlib.contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        # a turn, waited for a while only: a read that needs a second cursor while the pool is
        # busy (a lazily computed property) goes ahead rather than wait for itself
        has_turn = self._turns.acquire(timeout=_TURN_WAIT_S)
        try:
            cur = self._borrow()
            try:
                yield cur
            except duckdb.Error:
                self._discard(cur)  # its state after an engine error is not worth trusting
                raise
            except BaseException:
                self._give_back(cur)  # an API error (404, 400): the cursor is fine
                raise
            self._give_back(cur)
        finally:
            if has_turn:
                self._turns.release()

    def _borrow(self) -> duckdb.DuckDBPyConnection:
        with self._lock:
            if self._closed:
                raise duckdb.ConnectionException("the server's database is closed")
            if self._idle:
                return self._idle.pop()  # the most recently used: its caches are warm
            cur = self._root.cursor()
            self._open.append(cur)
            return cur

    def _give_back(self, cur: duckdb.DuckDBPyConnection) -> None:
        with self._lock:
            if not self._closed:
                self._idle.append(cur)
                return
        cur.close()

    def _discard(self, cur: duckdb.DuckDBPyConnection) -> None:
        with self._lock:
            if cur in self._open:
                self._open.remove(cur)
        cur.close()

    @property
    def size(self) -> int:
        """Cursors open now (borrowed or idle)."""
        return len(self._open)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            cursors, self._open, self._idle = self._open, [], []
        for cur in [*cursors, self._root]:
            cur.close()
