"""Stage: find event triggers inside non-chrome segments."""

from __future__ import annotations

from detente.model import Document, Trigger
from detente.resources import Resources


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
    hits = [h for h in res.event_matcher.find(doc.joined(), words, limit_of) if coded[h.start]]
    hits.sort(key=lambda h: (-h.pattern.weight, -(h.end - h.start), h.start, h.pattern.breadth))
    taken = bytearray(len(words))
    triggers: list[Trigger] = []
    for hit in hits:
        if any(taken[i] for i in hit.tokens):
            continue
        for i in hit.tokens:
            taken[i] = 1
        record = hit.pattern.record
        triggers.append(Trigger(hit.start, hit.end, record.code, record.roles, tuple(record.contexts), record.pattern))
    triggers.sort(key=lambda t: t.start)
    doc.triggers = triggers
    return doc
