"""Import spaCy without its command line.

``import spacy`` imports ``spacy.cli`` (for ``spacy.info``), which pulls in weasel, httpx,
requests and more: about a third of spaCy's import time, of no use to a process that only runs
a trained pipeline. A stand-in ``spacy.cli`` is in place while spaCy itself is imported and
removed right after, so a later ``import spacy.cli`` still gets the real one.

spaCy's registries (catalogue) look up plugins among the installed packages' entry points on
every lookup, by a scan of all of them; loading a pipeline makes about a hundred lookups. The
entry points are grouped once instead, so each lookup finds its group directly (same answers).
"""

from __future__ import annotations

import sys
import types
from typing import Any

from detente.lexicon.cache import no_gc


def _real_info(*args: Any, **kwargs: Any) -> Any:
    from spacy.cli.info import info  # the real one, imported when someone calls it

    return info(*args, **kwargs)


def _entry_points_by_group() -> None:
    """catalogue's table of entry points, grouped: catalogue reads a plain mapping by group (its
    fallback for old Pythons) with no scan, where it scans all of them for each lookup."""
    import catalogue

    found = catalogue.AVAILABLE_ENTRY_POINTS
    if hasattr(found, "select") and hasattr(found, "groups"):
        catalogue.AVAILABLE_ENTRY_POINTS = {group: list(found.select(group=group)) for group in found.groups}


def import_spacy() -> types.ModuleType:
    if "spacy" in sys.modules:
        import spacy

        return spacy
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so "spacy.cli.info" resolves to the stand-in below
    info = types.ModuleType("spacy.cli.info")
    info.info = _real_info  # type: ignore[attr-defined]
    stand_ins = {"spacy.cli": cli, "spacy.cli.info": info}
    sys.modules.update(stand_ins)
    try:
        with no_gc():  # as for the lexicon cache: an import creating many objects and no garbage
            _entry_points_by_group()
            import spacy
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    if getattr(spacy, "cli", None) is cli:
        del spacy.cli  # the attribute too: `spacy.cli` must not stay the stand-in
    return spacy
