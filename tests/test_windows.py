"""Very long documents are coded in windows: cuts at breaks, offsets into the whole text."""

from __future__ import annotations

from detente.model import Document
from detente.windows import code_in_windows, window_bounds

PARAGRAPHS = [
    "Russia and China signed a gas deal in Shanghai.",
    "Iran accused the United States of spying on its nuclear programme.",
    "Japan and South Korea held talks in Seoul.",
]


def test_windows_cover_the_text_and_cut_at_breaks() -> None:
    text = "\n\n".join(PARAGRAPHS * 20)
    bounds = list(window_bounds(text, 300))
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))  # no gap, no overlap
    assert all(end - start <= 300 for start, end in bounds)
    assert all(text[end - 2 : end] == "\n\n" for _, end in bounds[:-1])


def test_events_point_into_the_whole_text(pipeline) -> None:  # noqa: ANN001
    text = "\n\n".join(PARAGRAPHS * 6)
    doc = code_in_windows(Document(doc_id="long", text=text), pipeline._run_whole, size=250)
    assert len(doc.events) >= 2
    for event in doc.events:
        for span in (event.evidence, *event.mentions):
            assert text[span.start : span.end] == span.text
    whole = pipeline._run_whole(Document(doc_id="long", text=text))
    assert {e.event_id for e in doc.events} == {e.event_id for e in whole.events}  # merged as one document
