"""Event decisions: directives ("X wants Y to release ...") and claims of responsibility."""

from __future__ import annotations

import pytest

from detente import Document, Pipeline, parse_date
from detente.model import Segment, Trigger
from detente.resolve.modality import directed_code, directive_of, modality_of


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _code(pipeline: Pipeline, text: str) -> list[tuple[str, str, str]]:
    doc = pipeline.run(Document(doc_id="t", text=text, date=parse_date("2016-05-01")))
    return [(e.source.key or "", e.cameo, (e.target.key or "") if e.target else "") for e in doc.events]


def _trigger(words: list[str], word: str) -> Trigger:
    i = words.index(word)
    return Trigger(i, i + 1, "0841", "forward", (), "test")


@pytest.mark.parametrize(
    ("text", "verb"),
    [("washington wants beijing to release the americans", "wants"), ("ordered the army to release them", "ordered")],
)
def test_a_directive_verb_before_an_addressee_and_to(pipeline: Pipeline, text: str, verb: str) -> None:
    words = text.split()
    found = directive_of(words, Segment(0, len(words)), _trigger(words, "release"), pipeline.resources)
    assert found == (words.index(verb), False)


def test_a_plan_with_no_addressee_is_no_directive(pipeline: Pipeline) -> None:
    words = ["russia", "wants", "to", "release", "the", "americans"]
    assert directive_of(words, Segment(0, len(words)), _trigger(words, "release"), pipeline.resources) is None


def test_the_demanded_code_of_a_release_and_its_appeal(pipeline: Pipeline) -> None:
    assert directed_code("0841", pipeline.resources, appeal=False) == "105"
    assert directed_code("0841", pipeline.resources, appeal=True)[:2] == "02"


def test_wanting_another_state_to_release_is_a_demand_not_a_release(pipeline: Pipeline) -> None:
    events = _code(pipeline, "Washington wants Beijing to release the Americans.")
    assert [(s, c[:2], t) for s, c, t in events] == [("USA", "10", "CHN")]


def test_a_state_ordering_its_own_forces_is_no_demand_of_itself(pipeline: Pipeline) -> None:
    events = _code(pipeline, "Russian President Vladimir Putin ordered Russian troops to withdraw from Syria.")
    assert not [e for e in events if e[0] == e[2] == "RUS" and e[1][:2] == "10"]


def test_a_claim_of_responsibility_codes_the_attack_once(pipeline: Pipeline) -> None:
    events = _code(pipeline, "The Taliban claimed responsibility for the attack on an Afghan army base.")
    assert [(s, c[:2], t) for s, c, t in events] == [("AFG", "19", "AFG")]


def test_an_ing_adjunct_of_a_reverse_pattern_is_its_doers_act_against_the_subject(pipeline: Pipeline) -> None:
    text = "China deployed surface-to-air missiles on Woody Island, drawing official protest from Vietnam."
    events = _code(pipeline, text)
    assert ("VNM", "11", "CHN") in [(s, c[:2], t) for s, c, t in events]
    assert not [e for e in events if e[0] == "CHN" and e[1][:2] == "11"]


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        ("trump predicted that clinton would be indicted", "indicted", "predicted"),
        ("analysts believe russia will send troops", "send", "predicted"),
        ("anyone who enters would be prosecuted", "prosecuted", "predicted"),
        ("one should attack", "attack", "predicted"),
        ("russia said it would send troops", "send", "planned"),
        ("seoul said north korea should cease jamming", "cease", "obliged"),
        # a background word between the plan and the trigger: the plan is another verb's
        ("intended to reduce tensions following a failed assassination", "assassination", "asserted"),
        # a plan noun after a possessive alludes to an earlier promise
        ("backing off his promises to investigate clinton", "investigate", "alluded"),
    ],
)
def test_expectations_are_no_plans(pipeline: Pipeline, text: str, trigger: str, kind: str) -> None:
    words = text.split()
    got = modality_of(words, Segment(0, len(words)), _trigger(words, trigger), pipeline.resources)
    assert got.kind == kind
