"""Long reports: speculation, proposals and a visit told as a meeting (sentences written for the project)."""

from __future__ import annotations

import pytest

from detente import Document, Pipeline, parse_date
from detente.model import Segment
from detente.resolve.modality import Modality, unless_predicted


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _events(pipeline: Pipeline, text: str, date: str = "2024-06-02") -> list[tuple[str, str, str]]:
    doc = pipeline.run(Document(doc_id="t", text=text, date=parse_date(date)))
    return [(e.source.country or "", e.cameo, (e.target.country or "") if e.target else "") for e in doc.events]


def _future(words: list[str]) -> Modality:
    s = words.index("would")
    return Modality("planned", s, s + 1)


@pytest.mark.parametrize(
    "text",
    [
        "she said it was unlikely that serbia would send troops across the border",
        "officials said iran probably would retaliate against israel",
        "lawmakers debated a bill which would expel the refugees",
        "they drafted a resolution that would censure iran",
    ],
)
def test_an_expected_or_proposed_act_is_no_plan(pipeline: Pipeline, text: str) -> None:
    words = text.split()
    found = unless_predicted(words, Segment(0, len(words)), _future(words), pipeline.resources)
    assert found.kind == "predicted"


def test_a_reported_future_stays_a_plan(pipeline: Pipeline) -> None:
    words = ["the", "ministry", "said", "serbia", "would", "send", "troops", "to", "the", "border"]
    found = unless_predicted(words, Segment(0, len(words)), _future(words), pipeline.resources)
    assert found.kind == "planned"


def test_an_analyst_rating_an_invasion_unlikely_codes_no_threat(pipeline: Pipeline) -> None:
    text = ("Kosovo police detained four men on Sunday. "
            "An expert said it was unlikely that Serbia would send troops into Kosovo.")
    assert not [e for e in _events(pipeline, text) if e[0] == "SRB"]


def test_a_visit_and_the_meeting_on_it_are_one_consultation(pipeline: Pipeline) -> None:
    # the benchmark's gold has one 04 event per pair and day (no dev article has two): the
    # arrival (042) and the talks (040) on the same day merge
    text = "Vladimir Putin arrived in Beijing on Tuesday. He met Xi Jinping on Tuesday and the two leaders held talks."
    consults = [e for e in _events(pipeline, text, "2024-05-15") if e[1][:2] == "04"]
    assert len(consults) == 1
    assert {consults[0][0], consults[0][2]} == {"RUS", "CHN"}
