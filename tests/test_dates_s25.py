"""A clause's date is not read from the sentence before it (sentences written for the project)."""

from __future__ import annotations

import pytest

from detente import Document, Pipeline, parse_date


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _dates(pipeline: Pipeline, text: str) -> dict[str, str]:
    doc = pipeline.run(Document(doc_id="t", text=text, date=parse_date("2024-06-05")))
    return {e.cameo: f"{e.date}/{e.date_precision}" for e in doc.events}


def test_a_year_ending_the_sentence_before_does_not_date_the_next_clause(pipeline: Pipeline) -> None:
    text = (
        "The foreign ministers of Chile and Peru had not met since 2016. "
        "Chile signed a fisheries agreement with Peru."
    )
    dates = _dates(pipeline, text)
    assert dates.get("057") == "2024-06-05/day", dates


def test_an_undated_clause_after_a_dated_sentence_takes_the_report_date(pipeline: Pipeline) -> None:
    text = "Relations soured in March 2019. Chile signed a fisheries agreement with Peru."
    dates = _dates(pipeline, text)
    assert dates.get("057") == "2024-06-05/day", dates
