"""Lead events fixed in session 34 (helper lead34)."""

from __future__ import annotations

import pytest

from detente import Pipeline
from tests.conftest import coded, scrape


@pytest.mark.parametrize("render", [str, scrape])
def test_crowd_control_rounds_are_repression_not_fighting(pipeline: Pipeline, render) -> None:
    # tear gas and rubber or plastic bullets fired at a crowd are violent repression (17), not a
    # fight with small arms (19), whether or not the sentence says at whom
    text = "Kenyan riot police fired tear gas and rubber bullets in central Nairobi."
    codes = coded(pipeline, render(text))
    assert any(c[0] == "KEN" and c[1] == "17" for c in codes)
    assert not any(c[1] == "19" for c in codes)


def test_plastic_bullets_are_repression(pipeline: Pipeline) -> None:
    codes = coded(pipeline, "Kenyan police fired teargas and plastic bullets as crowds gathered in Nairobi.")
    assert [c[1] for c in codes] == ["17"]


def test_live_rounds_alone_stay_a_fight(pipeline: Pipeline) -> None:
    codes = coded(pipeline, "Syrian rebels fired several rounds at a Turkish border post on Monday.")
    assert any(c[0] == "SYR" and c[1] == "19" and c[2] == "TUR" for c in codes)


@pytest.mark.parametrize("render", [str, scrape])
def test_call_for_a_long_qualified_ceasefire_is_an_appeal(pipeline: Pipeline, render) -> None:
    # "called for an immediate, unconditional and lasting ceasefire": an appeal for a ceasefire (02),
    # not the caller declaring one (08), however many words qualify it
    codes = coded(pipeline, render("Kenya called for an immediate, unconditional and lasting ceasefire in Sudan."))
    assert ("KEN", "02", "SDN") in codes
    assert not any(c[1] == "08" for c in codes)


@pytest.mark.parametrize("render", [str, scrape])
def test_a_leader_who_resigned_yields_office(pipeline: Pipeline, render) -> None:
    # "resigned as president": a change in leadership (0831), as "stood down" and "quit as" already were
    text = "Gabon's long-serving president, who ruled for three decades, resigned on Friday after weeks of protests."
    codes = coded(pipeline, render(text), digits=None)
    assert ("GAB", "0831", "GAB") in codes


def test_resigned_to_a_fate_is_no_resignation(pipeline: Pipeline) -> None:
    codes = coded(pipeline, "Farmers in Malawi seemed resigned to another year of drought.")
    assert not any(c[1].startswith("08") for c in codes)


def test_a_resignation_only_ordered_is_not_told_as_done(pipeline: Pipeline) -> None:
    # the bare verb is an option or a demand, not a resignation that happened
    text = "Malian border guards appeared to obey an order from the new governor to join his militia or resign."
    codes = coded(pipeline, text, digits=None)
    assert not any(c[1] == "0831" for c in codes)
