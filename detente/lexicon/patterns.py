"""Compile event patterns and find them in token sequences.

A pattern is parts separated by gaps (``sign+ * treaty|pact``). The first part is expanded
into every concrete phrase and put into an Aho-Corasick automaton; the later parts are
checked token by token after a hit, within the gap allowed and inside the clause.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import cache

from detente.lexicon import lemmas as lemminflect  # without importing spaCy
from detente.lexicon.matcher import PhraseMatcher, TokenText
from detente.lexicon.schemas import PatternRecord

_MAX_EXPANSIONS = 4096
_MAX_GAP = 8  # the largest gap the syntax allows (*8)
_DEFAULT_GAP = 4  # "*" alone: up to four other words (see PatternRecord)


@cache
def inflections(word: str) -> frozenset[str]:
    """Every inflected form of ``word`` as a verb or noun; a stem like ``negotiat`` is completed."""
    forms = {word}
    table = lemminflect.getAllInflections(word)
    if not table:
        # A stem written as a prefix ("negotiat+", "cooperat+"): complete it to known words.
        for candidate in (word + "e", word + "es", word + "ion", word + "ions", word + "ing", word + "ed"):
            known = lemminflect.getAllInflections(candidate) or lemminflect.getAllLemmas(candidate)
            if known:
                forms.add(candidate)
                for values in lemminflect.getAllInflections(candidate).values():
                    forms.update(values)
        if len(forms) == 1:
            table = lemminflect.getAllInflectionsOOV(word, upos="VERB")
    for values in table.values():
        forms.update(values)
    if word.endswith("e") or word.endswith("ed"):
        pass
    return frozenset(f for f in forms if f.isalnum())


@cache
def plurals(word: str) -> frozenset[str]:
    """A literal noun also matches its plural ("embargo" -> "embargoes"); other words stay as written."""
    forms = {word}
    table = lemminflect.getAllInflections(word, upos="NOUN")
    if "NN" in table and word in table["NN"]:
        forms.update(table.get("NNS", ()))
    return frozenset(forms)


def _token_set(token: str) -> frozenset[str]:
    out: set[str] = set()
    for alt in token.split("|"):
        if alt.endswith("+"):
            out |= inflections(alt[:-1])
        else:
            out |= plurals(alt)
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class CompiledPattern:
    record: PatternRecord
    parts: tuple[tuple[frozenset[str], ...], ...]
    gaps: tuple[int, ...]  # gaps[i]: most tokens allowed between parts[i] and parts[i+1]
    weight: int  # number of literal tokens: longer patterns beat shorter ones
    breadth: int  # how many phrasings it accepts: among equals, the narrower pattern is more specific


def compile_pattern(record: PatternRecord) -> CompiledPattern:
    parts: list[list[frozenset[str]]] = [[]]
    gaps: list[int] = []
    for token in record.pattern.split():
        if token.startswith("*"):
            gaps.append(int(token[1:]) if len(token) > 1 else _DEFAULT_GAP)
            parts.append([])
        else:
            parts[-1].append(_token_set(token))
    compiled = tuple(tuple(p) for p in parts)
    breadth = 1
    for part in compiled:
        for alternatives in part:
            breadth = min(breadth * len(alternatives), 10**9)
    return CompiledPattern(record, compiled, tuple(gaps), sum(len(p) for p in compiled), breadth)


@dataclass(frozen=True, slots=True)
class PatternHit:
    start: int
    end: int
    pattern: CompiledPattern
    tokens: tuple[int, ...]  # indices of the matched (non-gap) tokens


class PatternMatcher:
    def __init__(self, records: list[PatternRecord]) -> None:
        self.patterns = [compile_pattern(r) for r in records]
        entries = []
        for pattern in self.patterns:
            first = pattern.parts[0]
            combos = 1
            for s in first:
                combos *= len(s)
            if combos > _MAX_EXPANSIONS:
                continue
            for words in itertools.product(*[sorted(s) for s in first]):
                entries.append((" ".join(words), pattern))
        self._matcher: PhraseMatcher[CompiledPattern] = PhraseMatcher(entries)

    def find(self, text: TokenText, words: list[str], limit_of: list[int]) -> list[PatternHit]:
        """All hits; ``limit_of[i]`` is the end (exclusive) of the clause holding token ``i``."""
        hits: list[PatternHit] = []
        for start, end, patterns in self._matcher.find(text):
            limit = limit_of[start]
            # Words that could start the next part: most patterns sharing this first part fail
            # here, on one set intersection instead of a token-by-token walk.
            ahead = frozenset(words[end : min(limit, end + _MAX_GAP + 1)])
            for pattern in patterns:
                if pattern.gaps and ahead.isdisjoint(pattern.parts[1][0]):
                    continue
                matched = self._complete(pattern, start, end, words, limit)
                if matched is not None:
                    hits.append(PatternHit(start, matched[-1] + 1, pattern, matched))
        return hits

    @staticmethod
    def _complete(
        pattern: CompiledPattern, start: int, end: int, words: list[str], limit: int
    ) -> tuple[int, ...] | None:
        matched = list(range(start, end))
        pos = end
        for gap, part in zip(pattern.gaps, pattern.parts[1:], strict=True):
            found = None
            for offset in range(gap + 1):
                at = pos + offset
                if at + len(part) > limit:
                    break
                if all(words[at + k] in part[k] for k in range(len(part))):
                    found = at
                    break
            if found is None:
                return None
            matched.extend(range(found, found + len(part)))
            pos = found + len(part)
        return tuple(matched)
