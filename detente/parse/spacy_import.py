"""Import spaCy without its command line.

``import spacy`` imports ``spacy.cli`` (for ``spacy.info``), which pulls in weasel, httpx,
requests and more: about a third of spaCy's import time, of no use to a process that only runs
a trained pipeline. A stand-in ``spacy.cli`` is in place while spaCy itself is imported and
removed right after, so a later ``import spacy.cli`` still gets the real one.
"""

from __future__ import annotations

import sys
import types
from typing import Any

from detente.lexicon.cache import no_gc


def _real_info(*args: Any, **kwargs: Any) -> Any:
    from spacy.cli.info import info  # the real one, imported when someone calls it

    return info(*args, **kwargs)


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
            import spacy
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    if getattr(spacy, "cli", None) is cli:
        del spacy.cli  # the attribute too: `spacy.cli` must not stay the stand-in
    return spacy
