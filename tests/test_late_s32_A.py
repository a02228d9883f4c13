"""Wrong readings fixed late in session 32: a coordinated verb with a modal of its own."""

from __future__ import annotations

import datetime as dt

import pytest

from detente import Document, Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _codes(pipeline: Pipeline, text: str) -> list[tuple[str, str, str]]:
    events = pipeline.run(Document(doc_id="t", text=text, date=dt.date(2024, 3, 1))).events
    key = lambda a: (a.country or a.org or "") if a else ""  # noqa: E731
    return [(key(e.source), e.cameo[:2], key(e.target)) for e in events]


@pytest.mark.parametrize("lower", [False, True])
def test_and_would_is_an_act_of_its_own(pipeline: Pipeline, lower: bool) -> None:
    # "condemned X and would recall its envoy": the recall is no content of the condemnation
    text = "Estonia said it condemned the seizure and would recall its envoy from Minsk."
    codes = _codes(pipeline, text.lower() if lower else text)
    assert ("EST", "11", "BLR") in codes
    assert any(c[0] == "EST" and c[1] in ("13", "16") and c[2] == "BLR" for c in codes)
