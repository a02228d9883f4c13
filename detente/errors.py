"""One exception hierarchy for the whole package.

Every error that a user can cause (bad input, bad data file, bad option) is a
:class:`DetenteError`. Messages name the file and line when there is one, so the
CLI can print them as they are.
"""

from __future__ import annotations


class DetenteError(Exception):
    """Base class of every error detente raises on purpose."""


class LocatedError(DetenteError):
    """An error tied to a place in a file: ``path:line: message``."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")


class InputError(LocatedError):
    """A document source could not be read (missing, binary, bad encoding, bad JSON...)."""


class LexiconError(LocatedError):
    """A data file (lexicon, actor table) failed validation."""


class LexiconErrors(DetenteError):
    """Several data-file problems reported together, one per line."""

    def __init__(self, errors: list[LexiconError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


class CodingError(DetenteError):
    """A stage failed on a document: a bug in detente, reported with the document and stage."""

    def __init__(self, doc_id: str, stage: str, cause: BaseException) -> None:
        self.doc_id = doc_id
        self.stage = stage
        super().__init__(f"document {doc_id!r}: stage {stage} failed: {type(cause).__name__}: {cause}")


class UsageError(DetenteError):
    """An option or argument has a value detente cannot use."""
