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
