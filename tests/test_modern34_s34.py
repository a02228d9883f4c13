"""Wrong readings fixed in session 34 (modern articles): co-subjects of a killing or an arrest are not
each other's victims."""

from __future__ import annotations

import pytest

from detente import Pipeline
from tests.conftest import coded, scrape


@pytest.mark.parametrize("scraped", [False, True])
def test_co_subjects_of_a_killing_are_not_its_victims(pipeline: Pipeline, scraped: bool) -> None:
    # the two forces killed the people together; neither killed the other
    text = "Wagner fighters and Burkinabe soldiers killed more than two hundred people over three days last spring."
    codes = coded(pipeline, scrape(text) if scraped else text)
    assert not any({c[0], c[2]} == {"RUS", "BFA"} for c in codes)


def test_co_subjects_of_an_arrest_are_not_each_others_prisoners(pipeline: Pipeline) -> None:
    codes = coded(pipeline, "Kenyan police and Ugandan soldiers arrested forty smugglers near the border on Tuesday.")
    assert not any({c[0], c[2]} == {"KEN", "UGA"} for c in codes)


def test_killing_each_other_stays_mutual(pipeline: Pipeline) -> None:
    codes = coded(pipeline, "Chadian troops and Sudanese militiamen killed each other in a border clash.")
    assert any({c[0], c[2]} == {"TCD", "SDN"} for c in codes)


def test_co_subjects_clashing_still_act_on_each_other(pipeline: Pipeline) -> None:
    codes = coded(pipeline, "Kyrgyz and Tajik border guards clashed near a disputed water station.")
    assert any({c[0], c[2]} == {"KGZ", "TJK"} for c in codes)
