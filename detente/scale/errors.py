"""Errors of the Dask engine; all are :class:`detente.errors.DetenteError`."""

from __future__ import annotations

from detente.errors import DetenteError


class ScaleError(DetenteError):
    """The parallel run could not start or finish: dask missing, scheduler unreachable, a partition
    that failed on every retry, or a parts directory that cannot be written."""
