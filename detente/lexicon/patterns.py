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
from detente.lexicon.schemas import PLACEHOLDERS, PatternRecord

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
        if alt in PLACEHOLDERS:
            out.add(alt)
        elif alt.endswith("+"):
            out |= inflections(alt[:-1])
        else:
            out |= plurals(alt)
    return frozenset(out)


Parts = tuple[tuple[frozenset[str], ...], ...]


@dataclass(frozen=True, slots=True)
class Guard:
    """A ``not_followed_by`` / ``not_preceded_by`` phrase: parts and gaps as in a pattern, and
    ``reach``, how many words may lie between it and the hit (its leading or trailing gap)."""

    parts: Parts
    gaps: tuple[int, ...]
    reach: int
    span: int  # the most tokens it can cover, gaps included


@dataclass(frozen=True, slots=True)
class CompiledPattern:
    record: PatternRecord
    parts: Parts
    gaps: tuple[int, ...]  # gaps[i]: most tokens allowed between parts[i] and parts[i+1]
    weight: int  # number of literal tokens: longer patterns beat shorter ones
    breadth: int  # how many phrasings it accepts: among equals, the narrower pattern is more specific
    followed: tuple[Guard, ...] = ()  # a hit followed by one of these is no hit
    preceded: tuple[Guard, ...] = ()  # nor one preceded by one of these
    within: frozenset[str] = frozenset()  # nor one with one of these words in a gap


def _gap(token: str) -> int:
    return int(token[1:]) if len(token) > 1 else _DEFAULT_GAP


def _parts(tokens: list[str]) -> tuple[Parts, tuple[int, ...]]:
    parts: list[list[frozenset[str]]] = [[]]
    gaps: list[int] = []
    for token in tokens:
        if token.startswith("*"):
            gaps.append(_gap(token))
            parts.append([])
            continue
        if len(parts) == 1 and parts[0] and not PLACEHOLDERS.isdisjoint(token.split("|")):
            # the first part goes into the automaton, which sees words only: the placeholder
            # starts the next part, right after it
            gaps.append(0)
            parts.append([])
        parts[-1].append(_token_set(token))
    return tuple(tuple(p) for p in parts), tuple(gaps)


def compile_guard(text: str, *, before: bool) -> Guard:
    """A guard phrase; its leading gap (trailing, for one that comes ``before`` the hit) is its reach."""
    tokens = text.split()
    edge = -1 if before else 0
    reach = _gap(tokens.pop(edge)) if tokens[edge].startswith("*") else 0
    parts, gaps = _parts(tokens)
    return Guard(parts, gaps, reach, sum(len(p) for p in parts) + sum(gaps))


def compile_pattern(record: PatternRecord) -> CompiledPattern:
    compiled, gaps = _parts(record.pattern.split())
    breadth = 1
    for part in compiled:
        for alternatives in part:
            breadth = min(breadth * len(alternatives), 10**9)
    return CompiledPattern(
        record,
        compiled,
        gaps,
        sum(len(p) for p in compiled),
        breadth,
        tuple(compile_guard(g, before=False) for g in record.not_followed_by),
        tuple(compile_guard(g, before=True) for g in record.not_preceded_by),
        frozenset().union(*(_token_set(w) for w in record.not_within)),
    )


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

    def find(
        self, text: TokenText, words: list[str], limit_of: list[int], tags: list[str] | None = None
    ) -> list[PatternHit]:
        """All hits; ``limit_of[i]`` is the end (exclusive) of the clause holding token ``i``;
        ``tags[i]`` a placeholder (``<place>``) that token ``i`` also matches, or ""."""
        hits: list[PatternHit] = []
        toks = _Tokens(words, tags or [""] * len(words), limit_of)
        for start, end, patterns in self._matcher.find(text):
            limit = limit_of[start]
            # Words that could start the next part: most patterns sharing this first part fail
            # here, on one set intersection instead of a token-by-token walk.
            stop = min(limit, end + _MAX_GAP + 1)
            ahead = frozenset(words[end:stop])
            if tags:
                ahead |= frozenset(tags[end:stop])
            for pattern in patterns:
                if pattern.gaps and ahead.isdisjoint(pattern.parts[1][0]):
                    continue
                matched = _complete(pattern.parts[1:], pattern.gaps, start, end, toks, limit)
                if matched is not None and not _vetoed(pattern, matched, toks):
                    hits.append(PatternHit(start, matched[-1] + 1, pattern, matched))
        return hits


@dataclass(frozen=True, slots=True)
class _Tokens:
    words: list[str]
    tags: list[str]  # a placeholder the token also matches ("<place>"), or ""
    limit_of: list[int]


def _complete(
    parts: Parts, gaps: tuple[int, ...], start: int, end: int, toks: _Tokens, limit: int
) -> tuple[int, ...] | None:
    """Tokens start..end matched a first part: the later ``parts`` follow within their ``gaps``."""
    matched = list(range(start, end))
    pos = end
    for gap, part in zip(gaps, parts, strict=True):
        found = None
        for offset in range(gap + 1):
            at = pos + offset
            if at + len(part) > limit:
                break
            if _part_at(part, at, toks):
                found = at
                break
        if found is None:
            return None
        matched.extend(range(found, found + len(part)))
        pos = found + len(part)
    return tuple(matched)


def _part_at(part: tuple[frozenset[str], ...], at: int, toks: _Tokens) -> bool:
    words, tags = toks.words, toks.tags
    return all(words[at + k] in part[k] or tags[at + k] in part[k] for k in range(len(part)))


def _guard_at(guard: Guard, at: int, toks: _Tokens, limit: int) -> tuple[int, ...] | None:
    """The guard's tokens when it starts at ``at`` and ends before ``limit``, else None."""
    first = guard.parts[0]
    if at < 0 or at + len(first) > limit or not _part_at(first, at, toks):
        return None
    return _complete(guard.parts[1:], guard.gaps, at, at + len(first), toks, limit)


def _vetoed(pattern: CompiledPattern, matched: tuple[int, ...], toks: _Tokens) -> bool:
    """A hit followed or preceded, inside its clause, by one of its pattern's guard phrases."""
    start, after = matched[0], matched[-1] + 1
    if pattern.within and not pattern.within.isdisjoint(toks.words[start:after]):
        return True
    limit_of = toks.limit_of
    limit = limit_of[start]
    for guard in pattern.followed:
        if any(_guard_at(guard, after + k, toks, limit) for k in range(guard.reach + 1)):
            return True
    for guard in pattern.preceded:
        for at in range(max(0, start - guard.span - guard.reach), start):
            found = _guard_at(guard, at, toks, start) if limit_of[at] == limit else None
            if found and found[-1] >= start - 1 - guard.reach:
                return True
    return False
