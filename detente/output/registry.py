"""One registry of output formats, in the manner of datasette's renderers: the writers of coded
events (``detente code --format``) and the store's exporters (``detente export --format``)
register here by kind and name, and every caller looks them up the same way; an unknown name
is a :class:`UsageError` listing the choices."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from detente.errors import UsageError

# The columns every tabular output of events shares, in this order (actor fields by role).
EVENT_COLUMNS: tuple[str, ...] = (
    "date", "date_precision",
    "source_code", "source_country", "source_org",
    "target_code", "target_country", "target_org",
    "cameo", "plover", "quad_class", "goldstein", "contexts", "status",
)  # fmt: skip


@dataclass(frozen=True)
class Renderer:
    kind: str  # "events" (coded events to a stream) or "export" (a store to a file)
    name: str
    description: str
    write: Callable[..., int]  # returns how many events it wrote
    file_name: str | None = None  # what the file is called when the output names a directory


_RENDERERS: dict[str, dict[str, Renderer]] = {}


def register(
    kind: str, name: str, description: str, file_name: str | None = None
) -> Callable[[Callable[..., int]], Callable[..., int]]:
    def add(write: Callable[..., int]) -> Callable[..., int]:
        _RENDERERS.setdefault(kind, {})[name] = Renderer(kind, name, description, write, file_name)
        return write

    return add


def names(kind: str) -> list[str]:
    return list(_RENDERERS.get(kind, {}))


def renderer(kind: str, name: str) -> Renderer:
    found = _RENDERERS.get(kind, {}).get(name)
    if found is None:
        raise UsageError(f"--format {name!r}: use one of {', '.join(names(kind))}")
    return found


def describe(kind: str) -> dict[str, Any]:
    """name -> description, for help texts and docs."""
    return {name: r.description for name, r in _RENDERERS.get(kind, {}).items()}
