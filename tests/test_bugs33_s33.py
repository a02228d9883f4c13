"""Wrong readings fixed by the bugs33 helper in session 33."""

from __future__ import annotations

import pytest

from detente import Pipeline
from tests.conftest import coded


def _codes(pipeline: Pipeline, text: str) -> list[tuple[str, str, str]]:
    return coded(pipeline, text, digits=None)  # whole CAMEO codes


@pytest.mark.parametrize("lower", [False, True])
def test_restored_ties_is_restored_relations(pipeline: Pipeline, lower: bool) -> None:
    # "restored ties" was no event while "restored diplomatic relations" was 054
    text = "Qatar and Bahrain restored ties two years ago."
    codes = _codes(pipeline, text.lower() if lower else text)
    assert any(c[1] == "054" and {c[0], c[2]} == {"QAT", "BHR"} for c in codes)


def test_resumed_ties_with_a_partner(pipeline: Pipeline) -> None:
    codes = _codes(pipeline, "Chile re-established ties with Bolivia.")
    assert ("CHL", "054", "BOL") in codes


@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        "The envoy flew in for talks aimed at ending the war between Peru and Ecuador.",
        "Brazil is working to stop the fighting between Peru and Ecuador.",
        "Negotiations on the conflict between Peru and Ecuador resumed in Lima.",
    ],
)
def test_war_to_be_ended_is_no_fighting(pipeline: Pipeline, text: str, lower: bool) -> None:
    # a war the clause sets out to end, or that talks are about, is no new act of the parties
    codes = _codes(pipeline, text.lower() if lower else text)
    assert not any(c[1].startswith("19") for c in codes)


def test_war_between_still_codes_fighting(pipeline: Pipeline) -> None:
    codes = _codes(pipeline, "The war between Peru and Ecuador entered its second month.")
    assert any(c[1] == "190" and {c[0], c[2]} == {"PER", "ECU"} for c in codes)


def test_interrupting_phrase_lends_no_country(pipeline: Pipeline) -> None:
    # "X, under pressure from Y, said ... the opposition": the opposition is X's, not Y's
    text = "The Bolivian president, under pressure from Brasilia, said he would resume talks with the opposition."
    codes = _codes(pipeline, text)
    assert any(c[0] == "BOL" and c[1] == "036" and c[2] == "BOL" for c in codes)
    assert not any(c[2] == "BRA" and c[1] == "036" for c in codes)


@pytest.mark.parametrize("lower", [False, True])
def test_naming_a_killing_is_no_killing(pipeline: Pipeline, lower: bool) -> None:
    # "X called the killing a murder": X names an act; X killed no one
    text = "The Chilean president called the killing a murder."
    codes = _codes(pipeline, text.lower() if lower else text)
    assert not any(c[1].startswith("18") for c in codes)


def test_a_murder_still_codes(pipeline: Pipeline) -> None:
    codes = _codes(pipeline, "Gunmen murdered two police officers in Chile.")
    assert any(c[1] == "180" for c in codes)


@pytest.mark.parametrize("lower", [False, True])
def test_fighting_broke_out_between_is_fighting(pipeline: Pipeline, lower: bool) -> None:
    # the war noun is the trigger's own word, not a war named as the subject of a toll
    text = "Fighting broke out between Peru and Ecuador on Sunday."
    codes = _codes(pipeline, text.lower() if lower else text)
    assert any(c[1] == "190" and {c[0], c[2]} == {"PER", "ECU"} for c in codes)


def test_war_as_subject_of_a_toll_still_names_no_doer(pipeline: Pipeline) -> None:
    codes = _codes(pipeline, "The war in Yemen has killed thousands of people.")
    assert not any(c[1].startswith("18") and c[0] == "YEM" for c in codes)
