"""lemminflect's word lists without spaCy: the few lookups detente makes, loaded on first use.

``import lemminflect`` imports spaCy when it can, only to register token extensions detente never
uses; that costs most of a second at every start. Here spaCy is hidden while lemminflect is first
imported (unless spaCy is already loaded), so coding text with no event in it never imports it.
Lemma lookups, the only ones made while coding, come from a table kept in the lexicon cache.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys
from functools import cache
from pathlib import Path
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


LemmaTable = dict[str, tuple[tuple[str, tuple[str, ...]], ...]]  # word -> (upos, lemmas) pairs: tuples load fastest


def lemminflect_files(lists: str = "") -> list[Path]:
    """lemminflect's ``__init__.py`` (it holds the version) and the word lists named ``lists*``,
    found without importing it (its import is what this module avoids)."""
    spec = importlib.util.find_spec("lemminflect")
    if spec is None or spec.origin is None:
        return []
    package = Path(spec.origin).parent
    return [package / "__init__.py", *(sorted((package / "resources").glob(f"{lists}*")) if lists else [])]


def _build_lemma_table() -> LemmaTable:
    """What ``lemminflect.getAllLemmas(word)`` answers for every lowercase word it knows."""
    from lemminflect.core.LexicalUtils import applyCapsStyleToDict, getCapsStyle

    lemmatizer = _lemminflect().Lemmatizer()
    known, overrides = lemmatizer._getLemmaDict(), lemmatizer._getOverridesDict()
    table: LemmaTable = {}
    for word in set(known) | set(overrides):
        if word != word.lower():
            continue
        lemmas = {**known.get(word, {}), **overrides.get(word, {})}  # a new dict; its tuples are immutable
        table[word] = tuple(applyCapsStyleToDict(lemmas, getCapsStyle(word)).items())
    return table


@cache
def _lemma_table() -> LemmaTable:
    """The table from the on-disk cache (a pickle loads in half the time lemminflect reads its
    lists, and without importing lemminflect at all)."""
    from detente.lexicon.cache import cached, content_key

    try:
        key = content_key("lemmas", lemminflect_files("lemma_"), [Path(__file__)])
    except OSError:
        return _build_lemma_table()
    return cached("lemmas", key, _build_lemma_table, accept=dict)


def getAllLemmas(word: str, upos: str | None = None) -> dict[str, tuple[str, ...]]:  # noqa: N802 - lemminflect's name
    """As lemminflect's; a lowercase word with no part of speech is answered from a table."""
    if upos is None and word == word.lower():
        return dict(_lemma_table().get(word, ()))
    return _lemminflect().getAllLemmas(word, upos)  # type: ignore[no-any-return]


def getAllInflections(lemma: str, upos: str | None = None) -> dict[str, tuple[str, ...]]:  # noqa: N802
    return _lemminflect().getAllInflections(lemma, upos)  # type: ignore[no-any-return]


def getAllInflectionsOOV(lemma: str, upos: str) -> dict[str, tuple[str, ...]]:  # noqa: N802
    return _lemminflect().getAllInflectionsOOV(lemma, upos)  # type: ignore[no-any-return]
