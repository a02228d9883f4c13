"""Wrong readings found in session 31: an organisation's title beside a person, "european" + an act."""

from __future__ import annotations

import datetime as dt

import pytest

from detente import Document, Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _codes(pipeline: Pipeline, text: str, day: dt.date) -> list[tuple[str, str, str]]:
    events = pipeline.run(Document(doc_id="t", text=text, date=day)).events
    key = lambda a: (a.country or a.org or "") if a else ""  # noqa: E731
    return [(key(e.source), e.cameo[:2], key(e.target)) for e in events]


def test_org_title_names_the_office_out_of_term(pipeline: Pipeline) -> None:
    # in 2012 Stoltenberg was Norway's prime minister; "nato secretary-general" says which office
    text = "NATO Secretary-General Jens Stoltenberg condemned Russia."
    assert ("NATO", "11", "RUS") in _codes(pipeline, text, dt.date(2012, 1, 1))
    assert ("NATO", "11", "RUS") in _codes(pipeline, text.lower(), dt.date(2025, 6, 1))


def test_european_act_is_the_union(pipeline: Pipeline) -> None:
    assert _codes(pipeline, "Iran called the European resolution a political stunt.", dt.date(2024, 5, 1)) == [
        ("IRN", "11", "EU")
    ]
