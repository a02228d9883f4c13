"""Reader connections for the server's worker threads, kept and reused.

A DuckDB connection must not be used by two threads at once, and one shared connection behind a
lock would make every read wait for the one before it. Each request therefore borrows a cursor
(its own connection to the same database) for as long as it runs and gives it back; the pool
grows to the number of requests running at once and no further. Reads on separate cursors run in
parallel inside DuckDB, and each sees the store as of its query (writes commit on the store's
own connection).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

import duckdb


class CursorPool:
    def __init__(self, conn: duckdb.DuckDBPyConnection) -> None:
        self._root = conn.cursor()  # cursors come from here, never from a connection a writer uses
        self._idle: list[duckdb.DuckDBPyConnection] = []
        self._open: list[duckdb.DuckDBPyConnection] = []
        self._lock = threading.Lock()
        self._closed = False

    @contextlib.contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
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
