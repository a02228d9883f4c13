"""Lines of clean text with no final stop are parsed apart (stop 24)."""

from __future__ import annotations

from detente import Document, Pipeline
from detente.parse.stage import _spans

_TEXT = (
    "Students have rallied for weeks in support of the ousted president, whom the army toppled in July "
    "after mass protests against his rule\n"
    "The dean of the faculty had called on riot police to clear the lecture halls"
)


def test_a_line_with_no_final_stop_is_parsed_apart_from_the_next() -> None:
    doc = Pipeline().run_until(Document(doc_id="t", text=_TEXT), "parse")
    line_break = _TEXT.index("\n")
    spans = _spans(doc)
    assert len(spans) == 2
    for start, end in spans:
        assert doc.tokens[start].start > line_break or doc.tokens[end - 1].end <= line_break
    second = {i for i, t in enumerate(doc.tokens) if t.start > line_break}
    assert all(doc.tokens[i].head in second for i in second if doc.tokens[i].head is not None)
