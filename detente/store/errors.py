"""Errors of the corpus store; all are :class:`detente.errors.DetenteError`."""

from __future__ import annotations

from detente.errors import DetenteError, InputError


class StoreError(DetenteError):
    """The database could not be opened, migrated or written (locked, corrupt, newer schema)."""


class DocumentFailed(InputError):
    """The coder raised on a document; ``path`` is where the document came from (path:line). The
    stage failure itself is the chained :class:`detente.errors.CodingError`."""
