"""Server settings; the limits are the safety rails described in docs/serve.md."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MAX_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class ServeConfig:
    """``token`` set means writes (``POST /api/documents``) are enabled and need ``Bearer token``."""

    db: str | Path = "detente.duckdb"
    token: str | None = None
    live_secret: str | None = None  # set: the store is open for writing and takes `detente ingest` batches
    max_body_bytes: int = 2 * 1024 * 1024
    max_code_chars: int = 100_000
    max_code_seconds: float = 20.0  # POST /api/code: a run stops (503) after this long
    code_wait_seconds: float = 10.0  # POST /api/code: how long a request waits for a busy coder (then 503)
    max_post_documents: int = 100
    max_periods: int = 5000  # a series longer than this is refused (by=day over centuries)
    cache_bytes: int = 64 * 1024 * 1024  # answers of series, rankings and event searches kept until a write
    max_readers: int = 0  # reads running at once (more wait their turn); 0: one per CPU core
    max_live_body_bytes: int = 256 * 1024 * 1024  # a live batch with the secret; one document may be 20 MB

    @property
    def writable(self) -> bool:
        return bool(self.token)

    @property
    def live(self) -> bool:
        """Whether ``detente ingest`` on this machine may hand this server documents (docs/live.md)."""
        return bool(self.live_secret)
