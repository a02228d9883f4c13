"""A cache of compiled lexicons on disk, so a process starts without recompiling the data files.

The entry's name is a hash of everything the compiled form depends on: the content of each data
file in force (and where it lies), the code that compiles them, and the Python version. A changed
file gives a new name, so a stale entry is never read; it is simply left behind. Entries are
written to a temporary file and renamed into place, so processes starting together never read a
half-written one; an unreadable or corrupt entry is ignored and rebuilt.

The directory is ``$DETENTE_CACHE_DIR``, else ``$XDG_CACHE_HOME/detente``, else the platform's
user cache directory. ``DETENTE_CACHE_DIR=off`` turns the cache off. Entries are pickles: the
directory must be writable only by its user, like the virtual environment itself.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

ENV = "DETENTE_CACHE_DIR"
_FORMAT = 1  # bump when the layout of an entry changes in a way the code hashes would not show


def cache_dir() -> Path | None:
    """Where entries live, or None when the cache is turned off."""
    chosen = os.environ.get(ENV, "").strip()
    if chosen:
        return None if chosen.lower() == "off" else Path(chosen).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    if xdg:
        return Path(xdg) / "detente"
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "detente" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "detente"
    return Path.home() / ".cache" / "detente"


def content_key(name: str, files: Iterable[Path], code: Iterable[Path]) -> str:
    """A hash of the files' paths and bytes, the code's bytes and the Python version."""
    digest = hashlib.sha256(f"{name}\0{_FORMAT}\0{sys.version_info[:2]}\0".encode())
    for kind, paths in (("data", files), ("code", code)):
        for path in paths:
            digest.update(f"{kind}\0{path}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:32]


@contextlib.contextmanager
def no_gc() -> Iterator[None]:
    """The cyclic garbage collector paused: loading creates a great many objects and no garbage,
    and collections triggered along the way cost a third of the load.

    What was loaded is then frozen (:func:`gc.freeze`): it lives as long as the process, and the
    collections after the load would otherwise walk all of it again, twice, as it ages."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _read(path: Path) -> object | None:
    try:
        with path.open("rb") as stream, no_gc():
            return pickle.load(stream)
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - truncated, corrupt or from an incompatible build: rebuild it
        return None


def _write(path: Path, value: object) -> None:
    """Write atomically; a cache that cannot be written (read-only home, full disk) is skipped."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except Exception:  # noqa: BLE001 - the cache is an optimisation; a failure to keep it is not an error
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def cached(name: str, key: str, build: Callable[[], T], accept: type | None = None) -> T:
    """The entry ``name``/``key`` from the cache if present and readable (and an ``accept``
    instance, when given), else ``build()``, which is then stored."""
    directory = cache_dir()
    if directory is None:
        return build()
    path = directory / f"{name}-{key}.pickle"
    value = _read(path)
    if value is not None and (accept is None or isinstance(value, accept)):
        return value  # type: ignore[return-value]
    value = build()
    _write(path, value)
    _prune(directory, name)
    return value


_KEEP = 3  # entries of one name kept: a few data versions to switch between, not every one ever built


def _prune(directory: Path, name: str) -> None:
    """Drop all but the newest entries of ``name``: each edit of a data file makes a new one, and
    the old ones would otherwise pile up for ever. Another process may be removing them too."""
    try:
        entries = sorted(directory.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    for stale in entries[_KEEP:]:
        with contextlib.suppress(OSError):
            stale.unlink()
