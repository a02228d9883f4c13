"""Co-subjects listed before a judgement each judge what the clause names (or the doer of the act it
refers back to), not each other: "France, Germany and the African Union condemned the coup"."""

from __future__ import annotations

import pytest

from detente import Document, Pipeline, parse_date


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _dyads(pipeline: Pipeline, text: str, date: str) -> set[tuple[str, str, str]]:
    doc = pipeline.run(Document(doc_id="t", text=text, date=parse_date(date)))
    return {(e.source.country or e.source.org or "", e.cameo[:2], (e.target.country or e.target.org or "") if e.target
             else "") for e in doc.events}


def test_each_listed_party_condemns_the_coup_told_before(pipeline: Pipeline) -> None:
    text = ("Soldiers stormed the presidential palace in Niamey and detained President Mohamed Bazoum. "
            "France, Germany and the African Union condemned the coup.")
    dyads = _dyads(pipeline, text, "2023-07-27")
    assert {("FRA", "11", "NER"), ("DEU", "11", "NER")} <= dyads
    assert not {d for d in dyads if d[1] == "11" and d[2] in ("FRA", "DEU")}


def test_each_listed_party_condemns_the_seizure_told_before(pipeline: Pipeline) -> None:
    text = ("Iranian commandos seized a tanker in the Gulf of Oman on Thursday. "
            "Britain, France and Germany condemned the seizure.")
    dyads = _dyads(pipeline, text, "2024-04-13")
    assert {("GBR", "11", "IRN"), ("FRA", "11", "IRN"), ("DEU", "11", "IRN")} <= dyads
    assert not {d for d in dyads if d[1] == "11" and d[2] in ("GBR", "FRA", "DEU")}


def test_parties_accusing_each_other_still_act_on_each_other(pipeline: Pipeline) -> None:
    dyads = _dyads(pipeline, "India and Pakistan blamed each other for the clashes.", "2019-02-28")
    assert {d for d in dyads if d[1] == "11"} & {("IND", "11", "PAK"), ("PAK", "11", "IND")}
