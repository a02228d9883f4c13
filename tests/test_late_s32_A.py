"""Wrong readings fixed late in session 32: a coordinated verb with a modal of its own."""

from __future__ import annotations

import pytest

from detente import Pipeline
from tests.conftest import coded


@pytest.mark.parametrize("lower", [False, True])
def test_and_would_is_an_act_of_its_own(pipeline: Pipeline, lower: bool) -> None:
    # "condemned X and would recall its envoy": the recall is no content of the condemnation
    text = "Estonia said it condemned the seizure and would recall its envoy from Minsk."
    codes = coded(pipeline, text.lower() if lower else text)
    assert ("EST", "11", "BLR") in codes
    assert any(c[0] == "EST" and c[1] in ("13", "16") and c[2] == "BLR" for c in codes)


@pytest.mark.parametrize("lower", [False, True])
def test_reported_violation_is_the_speakers_criticism(pipeline: Pipeline, lower: bool) -> None:
    # "X said the Y move was a violation of ...": X criticises Y, as "X called the Y move a violation"
    text = "Vietnam said the Chinese drilling was a violation of the treaty."
    codes = coded(pipeline, text.lower() if lower else text)
    assert ("VNM", "11", "CHN") in codes
    assert not any(c[1] == "12" for c in codes)


def test_reported_denial_of_violation_is_no_criticism(pipeline: Pipeline) -> None:
    codes = coded(pipeline, "Russia said the Belarusian exercise was not a violation of the accord.")
    assert not any(c[1] == "11" for c in codes)


def test_and_who_relative_keeps_the_first_antecedent(pipeline: Pipeline) -> None:
    # "X, who ... and who ..., welcomed": the second relative clause hangs from X too (clean text only:
    # without the comma before the first "who" the joined clause is not told apart). A partner is named:
    # a welcomed pact with no doer gets no stand-in target (ea2b67b), so no event to test on.
    text = (
        "In Manila, President Marcos, who has staked his term on the alliance and who met Biden twice, "
        "welcomed the pact with Japan."
    )
    codes = coded(pipeline, text)
    assert any(c[0] == "PHL" and c[1] == "05" for c in codes)
    assert not any(c[0] == "USA" and c[1] == "05" for c in codes)  # the relative clause's object
