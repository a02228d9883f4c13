"""Coding a very long document in windows, so time and memory grow linearly with its length.

A news article is far below :data:`WINDOW_CHARS` and is coded whole. A longer text (a corpus
pasted as one document, a 10 MB dump) is cut at paragraph, line or sentence ends into windows,
each coded on its own with the document's date and id; event offsets are moved back to the whole
text and the events of all windows are merged as one document's are. What a window cannot see is
the text before it: a name introduced only in an earlier window ("Mr Geng") is not remembered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from detente.dedupe.merge import merge_events
from detente.model import Document, Event

WINDOW_CHARS = 200_000
_BREAKS = ("\n\n", "\n", ". ", " ")  # preferred cut points, best first


def needs_windows(doc: Document, size: int = WINDOW_CHARS) -> bool:
    return len(doc.text) > size


def window_bounds(text: str, size: int = WINDOW_CHARS) -> Iterator[tuple[int, int]]:
    """``[start, end)`` character ranges of at most ``size``, cut in the later half of each at the
    best break found there (a hard cut only in text without spaces)."""
    start, n = 0, len(text)
    while start < n:
        end = min(n, start + size)
        if end < n:
            for mark in _BREAKS:
                cut = text.rfind(mark, start + size // 2, end)
                if cut >= 0:
                    end = cut + len(mark)
                    break
        yield start, end
        start = end


def _shift(events: list[Event], offset: int) -> None:
    moved: set[int] = set()
    for event in events:
        for span in (event.evidence, *event.mentions):
            if id(span) not in moved:
                moved.add(id(span))
                span.start += offset
                span.end += offset


def code_in_windows(doc: Document, code: Callable[[Document], Document], size: int = WINDOW_CHARS) -> Document:
    """``doc`` with ``events`` from coding each window with ``code`` (the stages, run whole)."""
    events: list[Event] = []
    for start, end in window_bounds(doc.text, size):
        if not doc.text[start:end].strip():
            continue
        part = replace(doc, text=doc.text[start:end], tokens=[], segments=[], mentions=[], triggers=[], events=[])
        part._words, part._joined = None, None
        coded = code(part)
        _shift(coded.events, start)
        events.extend(coded.events)
    doc.events = merge_events(events)
    return doc
