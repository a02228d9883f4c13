"""The speaker a coordinated verb shares when no event before it in the sentence named one.

"prime minister yatsenyuk said "we are on the brink" | and called for russia to pull back": the
speech verb is no event, so no event's subject is at hand; the speaker opening the sentence is.
"""

from __future__ import annotations

from detente.model import Document, Mention, Segment, Trigger

_FINITE = frozenset(["VBD", "VBZ", "VBP", "VBN"])
_REACH = 40  # tokens from the speaker to the coordinated verb
_OPENING = 3  # tokens before the speaker at the sentence start


def _sentence_start(doc: Document, i: int) -> int:
    while i > 0 and not doc.tokens[i].break_before:
        i -= 1
    return i


def opening_speaker(
    doc: Document, mentions: list[Mention], seg: Segment, trig: Trigger, openers: frozenset[str], speech: frozenset[str]
) -> Mention | None:
    """The actor opening the sentence right before a speech verb ("yatsenyuk | said"), for a
    trigger that follows a conjunction ("and", "but") as the verb of its clause."""
    k = trig.start - 1
    if k < seg.start or doc.tokens[k].tag != "CC" or doc.words[k] not in openers:
        return None
    if doc.tokens[trig.start].tag not in _FINITE:
        return None
    start = _sentence_start(doc, seg.start)
    first = next((m for m in mentions if start <= m.start < k), None)
    if first is None or first.start - start > _OPENING or trig.start - first.end > _REACH:
        return None
    if first.end >= k or doc.words[first.end] not in speech:
        return None
    return first
