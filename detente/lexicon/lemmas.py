"""lemminflect's word lists without spaCy: the few lookups detente makes, loaded on first use.

``import lemminflect`` imports spaCy when it can, only to register token extensions detente never
uses; that costs most of a second at every start. Here spaCy is hidden while lemminflect is first
imported (unless spaCy is already loaded), so coding text with no event in it never imports it.
"""

from __future__ import annotations

import importlib.abc
import sys
from functools import cache
from types import ModuleType


class _HideSpacy(importlib.abc.MetaPathFinder):
    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name == "spacy" or name.startswith("spacy."):
            raise ImportError("spaCy is not needed by lemminflect here")


@cache
def _lemminflect() -> ModuleType:
    if "lemminflect" in sys.modules or "spacy" in sys.modules:
        import lemminflect

        return lemminflect
    hide = _HideSpacy()
    sys.meta_path.insert(0, hide)
    try:
        import lemminflect
    finally:
        sys.meta_path.remove(hide)
    return lemminflect


def getAllLemmas(word: str, upos: str | None = None) -> dict[str, tuple[str, ...]]:  # noqa: N802 - lemminflect's name
    return _lemminflect().getAllLemmas(word, upos)  # type: ignore[no-any-return]


def getAllInflections(lemma: str, upos: str | None = None) -> dict[str, tuple[str, ...]]:  # noqa: N802
    return _lemminflect().getAllInflections(lemma, upos)  # type: ignore[no-any-return]


def getAllInflectionsOOV(lemma: str, upos: str) -> dict[str, tuple[str, ...]]:  # noqa: N802
    return _lemminflect().getAllInflectionsOOV(lemma, upos)  # type: ignore[no-any-return]
