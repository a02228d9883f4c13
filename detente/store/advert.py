"""The file a running ``detente serve`` leaves beside its database (``news.duckdb.serve.json``) so
that other detente commands on the same machine can find it: its URL, its process id and, when it
accepts ingests, a per-run secret. The file is readable by its owner only and removed on shutdown;
one whose process is gone (a server killed with -9) is ignored. See docs/live.md.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

SUFFIX = ".serve.json"


@dataclass(frozen=True, slots=True)
class Advert:
    """``secret`` is None for a server that only reads (``detente serve --read-only``)."""

    url: str
    pid: int
    db: str  # the database's resolved path, so a copied or renamed file is not mistaken for it
    secret: str | None = None

    @property
    def accepts_ingest(self) -> bool:
        return self.secret is not None


def resolved(db: str | Path) -> str:
    return str(Path(db).resolve())


def advert_path(db: str | Path) -> Path:
    """Beside the real file, so every spelling of its path (relative, through a link) finds it."""
    return Path(f"{resolved(db)}{SUFFIX}")


def process_alive(pid: int) -> bool:
    """Whether a process with this id exists (signal 0 checks without sending anything)."""
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill there terminates the process; the HTTP hello checks it instead
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: it exists
        return True
    except OSError:
        return False
    return True


def read_advert(db: str | Path) -> Advert | None:
    """The live server advertised for ``db``; None when there is none, it is unreadable, names
    another database, or its process is gone."""
    try:
        data = json.loads(advert_path(db).read_text(encoding="utf-8"))
        advert = Advert(url=str(data["url"]), pid=int(data["pid"]), db=str(data["db"]), secret=data.get("secret"))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if advert.db != resolved(db) or not process_alive(advert.pid):
        return None
    return advert


def write_advert(db: str | Path, advert: Advert) -> Path:
    """Write atomically, mode 0600 from the first byte (the secret never sits in a readable file)."""
    path = advert_path(db)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(asdict(advert), out)
    os.replace(tmp, path)
    return path


def remove_advert(db: str | Path, pid: int) -> None:
    """Remove the file if it is still this process's (never another server's)."""
    path = advert_path(db)
    try:
        if int(json.loads(path.read_text(encoding="utf-8"))["pid"]) == pid:
            path.unlink()
    except (OSError, ValueError, KeyError, TypeError):
        return


@contextlib.contextmanager
def advertised(db: str | Path, advert: Advert) -> Iterator[Path | None]:
    """Advertise for the duration of the block; yields None when the file cannot be written (a
    read-only directory): the server still runs, ingests then open the database themselves."""
    try:
        path: Path | None = write_advert(db, advert)
    except OSError:
        path = None
    try:
        yield path
    finally:
        if path is not None:
            remove_advert(db, advert.pid)
