"""Stage: find event triggers inside non-chrome segments."""

from __future__ import annotations

from dataclasses import dataclass, replace

from detente.lexicon.patterns import PatternHit
from detente.model import Document, Mention, Trigger
from detente.resources import Resources


@dataclass(frozen=True, slots=True)
class _Background:
    """Word lists (data/text/cues.jsonl) telling a modifier or a background event from a report."""

    determiners: frozenset[str]
    background: frozenset[str]
    fillers: frozenset[str]
    idioms: frozenset[str]
    relatives: frozenset[str]
    verb_followers: frozenset[str]

    @classmethod
    def of(cls, res: Resources) -> _Background:
        none: frozenset[str] = frozenset()
        cue = res.cues.get
        return cls(
            cue("trigger_determiner", none),
            cue("background", none),
            cue("background_filler", none),
            cue("idiom_not_event", none),
            cue("relative", none),
            frozenset({"to"}),
        )


_IDIOM_MAX = 4  # words in the longest idiom_not_event phrase


def _idiom(words: list[str], start: int, end: int, idioms: frozenset[str]) -> bool:
    """An idiom that overlaps the hit reports no such act: "stopped short of backing the plan",
    "launched a charm offensive", "waged a war on drugs", "a media | offensive against India"."""
    for i in range(max(0, start - _IDIOM_MAX + 1), end):
        for n in range(max(2, start - i + 1), _IDIOM_MAX + 1):
            if i + n <= len(words) and " ".join(words[i : i + n]) in idioms:
                return True
    return False


def _modifier_or_background(words: list[str], start: int, end: int, lists: _Background) -> bool:
    """ "the occupied west bank" (an adjective) or "after two days of fierce fighting" (background)."""
    if _idiom(words, start, end, lists.idioms):
        return True
    prev = words[start - 1] if start else ""
    if end - start == 1 and words[start].endswith("ed") and prev in lists.determiners:
        # "that" before a verb heads a relative clause: "governments that refused to recognise it"
        after = words[end] if end < len(words) else ""
        if not (prev in lists.relatives and after in lists.verb_followers):
            return True
    i = start - 1
    steps = 0
    while i >= 0 and steps < 4:
        w = words[i]
        if w in lists.background or (i >= 1 and f"{words[i - 1]} {w}" in lists.background):
            # "after he resigned" still reports a resignation, and "told reporters after meeting
            # with turnbull" a meeting: a gerund right after the word is the clause subject's act.
            gerund = i == start - 1 and words[start].endswith("ing")
            return not (words[start].endswith("ed") or gerund)
        if w not in lists.determiners and not w.isdigit() and w not in lists.fillers:
            return False
        i -= 1
        steps += 1
    return False


def _inside_names(doc: Document, res: Resources) -> list[int]:
    """For each token, 1 + the index of the name it is part of, else 0: a pattern inside a
    person's name ("attorney general loretta lynch") or an organisation's own name ("popular
    mobilization forces", "foundation for fighting corruption") is no event. (An organisation's
    mention may end in an actor noun that is an event: "un peacekeepers".)"""
    named = [0] * len(doc.words)
    for k, m in enumerate(doc.mentions):
        if m.kind == "person" or (m.kind == "org" and _own_name(doc, res, m)):
            named[m.start : m.end] = [k + 1] * (m.end - m.start)
        elif m.end - m.start > 1:
            # "the protest movement", "rebel negotiating team": an event word that modifies the
            # actor noun after it names the actor, not an act; the head itself ("un peacekeepers") may
            named[m.start : m.end - 1] = [k + 1] * (m.end - 1 - m.start)
    return named


_PLACE_KINDS = frozenset({"place", "capital"})


def _placeholder_tags(doc: Document) -> list[str]:
    """``<place>`` on the first word of each place named by its noun ("seized Kabul"), for the
    patterns that take one as their object; not a people or an adjective ("seized Afghan weapons")."""
    tags = [""] * len(doc.words)
    for m in doc.mentions:
        if m.kind in _PLACE_KINDS:
            tags[m.start] = "<place>"
    return tags


def _own_name(doc: Document, res: Resources, m: Mention) -> bool:
    return " ".join(doc.words[m.start : m.end]) in res.organisation_names


OBLIGATION_PATTERN = "<obligation>"
_OBLIGATION_REACH = 6


def _bare_obligations(doc: Document, res: Resources, taken: bytearray, coded: bytearray) -> list[Trigger]:
    """ "The US said China must drop barriers": a demand even when no pattern names the action.

    A one-word obligation cue ("must", "should") with no trigger right after it becomes a generic
    demand (100); the resolver then finds who says it and of whom (see ``resolve/build.py``).
    """
    cues = {p for p in res.cues.get("obligation", frozenset()) if " " not in p}
    words = doc.words
    out: list[Trigger] = []
    for i, w in enumerate(words):
        if w in cues and coded[i] and not any(taken[i + 1 : i + 1 + _OBLIGATION_REACH]):
            out.append(Trigger(i, i + 1, "100", "forward", (), OBLIGATION_PATTERN))
    return out


def _trigger(hit: PatternHit) -> Trigger:
    record = hit.pattern.record
    return Trigger(hit.start, hit.end, record.code, record.roles, tuple(record.contexts), record.pattern_id)


def find_triggers(doc: Document, res: Resources) -> Document:
    """Stage: fills ``doc.triggers`` (needs ``doc.tokens`` and ``doc.segments``).

    Overlapping hits are settled by pattern weight (literal tokens matched), so
    "suicide bombing" (1831) beats "bombing" (183) and "sign+ * treaty" beats "sign+"; among
    equals the wider span ("lifted a night curfew" over "curfew in"), then the one that starts first
    (the verb: "accepted demands" over "demands from"), then the narrower pattern.
    """
    words = doc.words
    if not words:
        doc.triggers = []
        return doc
    limit_of = [0] * len(words)
    coded = bytearray(len(words))
    for seg in doc.segments:
        for i in range(seg.start, seg.end):
            limit_of[i] = seg.end
            coded[i] = not seg.chrome
    lists = _Background.of(res)
    named = _inside_names(doc, res)
    hits = [
        h
        for h in res.event_matcher.find(doc.joined(), words, limit_of, _placeholder_tags(doc))
        if coded[h.start]
        and not (named[h.start] and named[h.end - 1] == named[h.start])
        and not _modifier_or_background(words, h.start, h.end, lists)
    ]
    hits.sort(key=lambda h: (-h.pattern.weight, -(h.end - h.start), h.start, h.pattern.breadth))
    taken = bytearray(len(words))
    owner = [-1] * len(words)  # which winner took each token
    won: list[tuple[PatternHit, list[PatternHit]]] = []
    for hit in hits:
        clash = {owner[i] for i in hit.tokens if taken[i]}
        if clash:
            if len(clash) == 1:  # a loser to one winner alone is that winner's alternate
                won[clash.pop()][1].append(hit)
            continue
        for i in hit.tokens:
            taken[i] = 1
            owner[i] = len(won)
        won.append((hit, []))
    triggers = [replace(_trigger(hit), alternates=tuple(_trigger(h) for h in losers)) for hit, losers in won]
    triggers.extend(_bare_obligations(doc, res, taken, coded))
    triggers.sort(key=lambda t: t.start)
    doc.triggers = triggers
    return doc
