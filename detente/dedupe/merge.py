"""Merge repeated mentions of one event within a document.

Two events are the same when they share source and target (either order when reciprocal),
CAMEO code and date. The merged event keeps the first evidence and every mention span, the
union of contexts and quantities, and the highest confidence. A meeting or call (04) is one
event per pair of parties and day whatever its sub-code, order or the parties' sectors: articles
tell one meeting many times over.
"""

from __future__ import annotations

from detente.model import Actor, Document, Event


def _key(e: Event) -> tuple:
    src = e.source.code or e.source.key or ""
    tgt = (e.target.code or e.target.key or "") if e.target else ""
    pair = tuple(sorted((src, tgt))) if e.reciprocal else (src, tgt)
    # criticism told in two clauses is two statements (the benchmark codes each), not one act told twice
    told = e.evidence.start if e.cameo[:2] == "11" else None
    return (pair, e.cameo, e.date, e.status, told)


def _clause_key(e: Event) -> tuple:
    """One action told twice in a clause: "met five times last year and will meet again"."""
    src = e.source.key or ""
    tgt = (e.target.key or "") if e.target else ""
    return (e.evidence.start, tuple(sorted((src, tgt))), (e.base_code or e.cameo)[:2])


def _specificity(code: str) -> tuple[int, int]:
    """4-digit codes beat 3-digit ones, and "x0" catch-alls come last: 1832 > 183 > 180."""
    return (len(code), 0 if code.endswith("0") else 1)


def _one_per_clause_and_root(events: list[Event]) -> list[Event]:
    """ "killed in a car bomb explosion": killed (180), car bomb (1832) and explosion (183) are one
    event; keep the most specific code among events of one clause with the same actors and root."""
    best: dict[tuple, Event] = {}
    for e in events:
        key = (*_clause_key(e), e.status, e.cameo[:2])
        kept = best.get(key)
        if kept is None or _specificity(e.cameo) > _specificity(kept.cameo):
            best[key] = e
    keep = {id(e) for e in best.values()}
    return [e for e in events if id(e) in keep]


def merge_events(events: list[Event]) -> list[Event]:
    events = _one_per_clause_and_root(events)
    # Prefer what happened over what is planned when a clause says both of one action.
    by_clause: dict[tuple, Event] = {}
    for e in sorted(events, key=lambda e: e.status == "planned"):
        by_clause.setdefault(_clause_key(e), e)
    kept_ids = {id(e) for e in by_clause.values()}
    for e in events:
        if id(e) not in kept_ids:
            first = by_clause[_clause_key(e)]
            if first.status != "planned" and e.status == "planned":
                continue
            kept_ids.add(id(e))
    events = [e for e in events if id(e) in kept_ids]
    merged: dict[tuple, Event] = {}
    seen: dict[tuple, set[tuple[int, int]]] = {}  # spans already kept, per merged event (linear time)
    for e in events:
        k = _key(e)
        kept = merged.get(k)
        if kept is None:
            merged[k] = e
            seen[k] = {(m.start, m.end) for m in e.mentions}
            continue
        for m in e.mentions:
            if (m.start, m.end) not in seen[k]:
                seen[k].add((m.start, m.end))
                kept.mentions.append(m)
        if not set(e.contexts) <= set(kept.contexts):
            kept.contexts = sorted(set(kept.contexts) | set(e.contexts))
        known = {q["text"] for q in kept.quantities}
        kept.quantities.extend(q for q in e.quantities if q["text"] not in known)
        kept.confidence = max(kept.confidence, e.confidence)
    return list(merged.values())


def _party(actor: Actor | None) -> str:
    return (actor.key or "") if actor is not None else ""


def _meeting_day(e: Event, first_day: dict[tuple, str | None], published: str | None) -> tuple:
    """ "met xi on monday. | the two leaders discussed trade": a joint telling with no date of its
    own (it carries the publication date) is the meeting the pair had earlier in the article."""
    pair = tuple(sorted((_party(e.source), _party(e.target))))
    day = first_day.setdefault(pair, e.date)
    return (pair, day if e.reciprocal and e.date == published else e.date)


def _one_meeting_per_pair(events: list[Event], published: str | None = None) -> list[Event]:
    """An article that reports a meeting or a call tells it again and again ("the two leaders
    discussed ...", "after their meeting in New York"): one consultation (04) per pair of parties
    and day, whatever its sub-code or the parties' sectors. The telling that names both parties
    as acting together ("the two sides discussed") speaks for the rest; else the first."""
    groups: dict[tuple, list[Event]] = {}
    first_day: dict[tuple, str | None] = {}
    for e in events:
        if e.cameo[:2] == "04" and e.status == "reported":
            groups.setdefault(_meeting_day(e, first_day, published), []).append(e)
    dropped: set[int] = set()
    for group in groups.values():
        kept = next((e for e in group if e.reciprocal), group[0])
        spans = {(m.start, m.end) for m in kept.mentions}
        for e in group:
            if e is kept:
                continue
            dropped.add(id(e))
            kept.mentions.extend(m for m in e.mentions if (m.start, m.end) not in spans)
            spans |= {(m.start, m.end) for m in e.mentions}
            kept.confidence = max(kept.confidence, e.confidence)
    return [e for e in events if id(e) not in dropped]


def merge_document_events(doc: Document) -> Document:
    """Stage: merges ``doc.events`` in place."""
    published = doc.date.isoformat() if doc.date else None
    doc.events = _one_meeting_per_pair(merge_events(doc.events), published)
    for e in doc.events:
        if e.parties is not None:
            # the parties of one country an event is shown as, after merging by the actors as read:
            # one act told twice is still one event, two acts are still two
            e.source, e.target = e.parties
    return doc
