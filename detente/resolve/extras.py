"""Contexts, quantities and place of an event, read from its clause."""

from __future__ import annotations

import bisect

from detente.model import Document, Mention, Segment
from detente.resources import Resources

_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6}
_CURRENCY = {
    "dollars": "USD",
    "dollar": "USD",
    "usd": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "yuan": "CNY",
    "rubles": "RUB",
    "roubles": "RUB",
    "pounds": "GBP",
    "yen": "JPY",
}
_DURATION = {
    "year": "year",
    "years": "year",
    "month": "month",
    "months": "month",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
}
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "fifty": 50,
    "hundred": 100,
}


def context_hits(doc: Document, res: Resources) -> list[tuple[int, int, list[str]]]:
    """Every context phrase in the document, found once."""
    return res.context_matcher.find(doc.joined())


def contexts_in(hits: list[tuple[int, int, list[str]]], starts: list[int], seg: Segment) -> set[str]:
    """Contexts named inside the segment; ``hits`` sorted by start, ``starts`` their starts."""
    first, last = bisect.bisect_left(starts, seg.start), bisect.bisect_left(starts, seg.end)
    return {c for _, end, values in hits[first:last] if end <= seg.end for c in values}


def quantities_in(doc: Document, seg: Segment, words: list[str]) -> list[dict]:
    out: list[dict] = []
    i = seg.start
    while i < seg.end:
        w = words[i]
        value = float(w) if w.isdigit() else _NUMBER_WORDS.get(w)
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
        if nxt in _SCALE:
            value *= _SCALE[nxt]
            j += 1
            currency = _CURRENCY.get(words[j]) if j < seg.end else None
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
        if nxt in _DURATION:
            out.append(
                {
                    "kind": "duration",
                    "value": value,
                    "unit": _DURATION[nxt],
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
