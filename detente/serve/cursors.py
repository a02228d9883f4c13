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
from collections import deque
from collections.abc import Iterator

import duckdb

_TURN_WAIT_S = 10.0


class Turns:
    """At most ``count`` holders at once, handed out in the order asked for.

    ``threading.Semaphore`` is not first-come: a released turn goes to whichever thread takes it
    first, often a request that has just arrived (it holds the interpreter lock) rather than the
    oldest waiter, which then waits again at the back of the queue; under twenty clients some
    requests waited several rounds. Here a released turn passes straight to the oldest waiter."""

    def __init__(self, count: int) -> None:
        self._free = count
        self._lock = threading.Lock()
        self._waiting: deque[threading.Lock] = deque()

    def acquire(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for a turn; False when none came (nothing to release)."""
        with self._lock:
            if self._free and not self._waiting:
                self._free -= 1
                return True
            gate = threading.Lock()
            gate.acquire()
            self._waiting.append(gate)
        if gate.acquire(timeout=timeout):
            return True  # handed over by release()
        with self._lock:
            if gate in self._waiting:
                self._waiting.remove(gate)
                return False
        gate.acquire()  # handed over just as the wait ran out: it is ours (the gate is open)
        return True

    def release(self) -> None:
        with self._lock:
            if self._waiting:
                self._waiting.popleft().release()  # the turn passes on without being free
            else:
                self._free += 1

    @property
    def waiting(self) -> int:
        """Threads waiting for a turn now."""
        return len(self._waiting)


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
        self._turns = Turns(self.max_active)

    @contextlib.contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        # a turn, waited for a while only: a read that needs a second cursor while the pool is
        # busy (a lazily computed property) goes ahead rather than wait for itself
        has_turn = self._turns.acquire(_TURN_WAIT_S)
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
