"""DuckDB lets one process write a database file (or several only read it). When another process
holds it, the engine's message talks about its own CLI; this turns it into one line naming the
database, who holds it and what to do."""

from __future__ import annotations

import re
from pathlib import Path

from detente.store.advert import read_advert
from detente.store.errors import StoreError

_LOCK = re.compile(r"Could not set lock on file.*?Conflicting lock is held in (?P<prog>.*?) \(PID (?P<pid>\d+)\)", re.S)


class DatabaseLocked(StoreError):
    """Another process holds the database; ``pid`` is its process id, ``served`` whether that
    process is a ``detente serve`` that advertised itself (see :mod:`detente.store.advert`)."""

    def __init__(self, message: str, pid: int, served: bool) -> None:
        super().__init__(message)
        self.pid = pid
        self.served = served


def holder_pid(exc: BaseException) -> tuple[int, str] | None:
    """(pid, program) of the process holding the lock, when ``exc`` is DuckDB's lock conflict."""
    match = _LOCK.search(str(exc))
    if match is None:
        return None
    return int(match["pid"]), Path(match["prog"]).name


def locked(path: str, pid: int, program: str) -> DatabaseLocked:
    advert = read_advert(path)
    if advert is not None and advert.pid == pid:
        if advert.accepts_ingest:
            return DatabaseLocked(
                f"{path}: open in `detente serve` (PID {pid}, {advert.url}); `detente ingest` hands it "
                "documents while it runs, other commands need its API or the server stopped",
                pid,
                served=True,
            )
        return DatabaseLocked(
            f"{path}: served read-only by `detente serve` (PID {pid}, {advert.url}); restart it without "
            "--read-only to ingest while it serves, or stop it first",
            pid,
            served=True,
        )
    return DatabaseLocked(
        f"{path}: in use by another process (PID {pid}, {program}), e.g. a running `detente ingest`; "
        "wait for it to finish and run this again (one process at a time may write a database)",
        pid,
        served=False,
    )


def lock_conflict(path: str, exc: BaseException) -> DatabaseLocked | None:
    """The one-line error for ``exc`` when it is DuckDB's lock conflict, else None."""
    holder = holder_pid(exc)
    return None if holder is None else locked(path, *holder)


def open_error(path: str, exc: BaseException) -> StoreError:
    """The error to raise when DuckDB could not open ``path``."""
    return lock_conflict(path, exc) or StoreError(f"{path}: cannot open the database: {exc}")
