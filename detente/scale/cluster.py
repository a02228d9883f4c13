"""Where the workers come from: an existing scheduler (Slurm, Kubernetes, a hand-started one) or
a LocalCluster of worker processes that lives as long as the run."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from types import ModuleType
from typing import TYPE_CHECKING

from detente.errors import UsageError
from detente.scale.errors import ScaleError

if TYPE_CHECKING:
    from distributed import Client

CONNECT_TIMEOUT_S = 30


def _distributed() -> ModuleType:  # imported late, so detente works (and starts fast) without dask
    try:
        import distributed
    except ImportError as exc:
        raise ScaleError("the dask engine needs dask.distributed: pip install 'dask[distributed]'") from exc
    return distributed


@contextlib.contextmanager
def dask_client(scheduler: str | None, workers: int) -> Iterator[Client]:
    """A client of ``scheduler``, else of a new LocalCluster with ``workers`` single-threaded
    processes (one coder each; processes sidestep the GIL), shut down on exit."""
    distributed = _distributed()
    if scheduler:
        try:
            client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ScaleError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        with client:
            yield client
        return
    if workers < 1:
        raise UsageError(f"--workers must be at least 1, not {workers}")
    cluster = distributed.LocalCluster(
        n_workers=workers,
        processes=True,
        threads_per_worker=1,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    with cluster, distributed.Client(cluster) as client:
        yield client
