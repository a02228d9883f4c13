"""Contexts, quantities and place of an event, read from its clause."""

from __future__ import annotations

import bisect

from detente.model import Document, Mention, Segment
from detente.resources import Resources


def context_hits(doc: Document, res: Resources) -> list[tuple[int, int, list[str]]]:
    """Every context phrase in the document, found once."""
    return res.context_matcher.find(doc.joined())


def contexts_in(hits: list[tuple[int, int, list[str]]], starts: list[int], seg: Segment) -> set[str]:
    """Contexts named inside the segment; ``hits`` sorted by start, ``starts`` their starts."""
    first, last = bisect.bisect_left(starts, seg.start), bisect.bisect_left(starts, seg.end)
    return {c for _, end, values in hits[first:last] if end <= seg.end for c in values}


def quantities_in(doc: Document, seg: Segment, words: list[str], res: Resources) -> list[dict]:
    """Amounts of money and durations in the clause ("400 billion dollars", "two years"), from
    the quantity words of data/text/quantities.jsonl."""
    q = res.quantity_words
    numbers, scales = q.get("number", {}), q.get("scale", {})
    currencies, durations = q.get("currency", {}), q.get("duration", {})
    out: list[dict] = []
    i = seg.start
    while i < seg.end:
        w = words[i]
        value = float(w) if w.isdigit() else (numbers[w].value if w in numbers else None)
        if value is None:
            i += 1
            continue
        j = i + 1
        # "3 5 billion" is "3.5 billion" once punctuation is gone: only join in clean text.
        if j < seg.end and words[j].isdigit() and doc.text[doc.tokens[i].end : doc.tokens[j].start] == ".":
            value = float(f"{w}.{words[j]}")
            j += 1
        nxt = words[j] if j < seg.end else ""
        text_start = doc.tokens[i].start
        if nxt in scales:
            value *= float(scales[nxt].value)
            j += 1
            currency = currencies[words[j]].code if j < seg.end and words[j] in currencies else None
            if currency:
                j += 1  # "400 billion dollars": the currency word is part of the amount
            elif doc.text[max(0, text_start - 1) : text_start] == "$":
                currency = "USD"
            out.append(
                {
                    "kind": "money",
                    "value": value,
                    "currency": currency,
                    "text": doc.text[text_start : doc.tokens[j - 1].end],
                }
            )
            i = j
            continue
        if nxt in durations:
            out.append(
                {
                    "kind": "duration",
                    "value": value,
                    "unit": durations[nxt].code,
                    "text": doc.text[text_start : doc.tokens[j].end],
                }
            )
            i = j + 1
            continue
        i = j
    return out


def location_in(in_segment: list[Mention], words: list[str]) -> dict | None:
    """The first place named after "in", "at", "near" or "outside" among the segment's mentions."""
    for m in in_segment:
        if m.kind not in ("place", "capital", "country"):
            continue
        if m.start > 0 and words[m.start - 1] in ("in", "at", "near", "outside"):
            return {"name": m.actor.text, "country": m.actor.country}
    return None
