"""Session 34 (title34): a judgement the subject faces, draws or comes under is aimed at the
subject; it is never the subject's own voice (cue kind facing_verb)."""

from __future__ import annotations

import pytest

from detente import Pipeline
from tests.conftest import coded, scrape


@pytest.mark.parametrize("render", [str, scrape])
def test_faced_criticism_with_no_critic_is_no_event(pipeline: Pipeline, render) -> None:
    # was BEL 111 BEL: the country facing the criticism read as the one voicing it
    codes = coded(pipeline, render("Belgium faces mounting criticism over its new asylum law."))
    assert not any(c[1] == "11" for c in codes)


@pytest.mark.parametrize("render", [str, scrape])
def test_faced_accusations_are_not_the_subjects(pipeline: Pipeline, render) -> None:
    codes = coded(pipeline, render("Belgium faces accusations of mistreating asylum seekers at the border."))
    assert not any(c[0] == "BEL" and c[1] == "11" for c in codes)


def test_critic_named_after_the_judgement_without_from_is_not_its_source(pipeline: Pipeline) -> None:
    # was BEL 111 NLD: any actor after the judgement was taken for its target, the subject for its voice
    text = "belgium faces mounting criticism over its new asylum law as dutch lawmakers weigh a response"
    assert not any(c[1] == "11" for c in coded(pipeline, text))


def test_critic_qualifying_the_judgement_voices_it(pipeline: Pipeline) -> None:
    # was NLD 111 NLD: "dutch" was both the subject and the own-country target
    assert ("NLD", "11", "BEL") in coded(pipeline, "Belgium faced Dutch criticism over the law.")


@pytest.mark.parametrize(
    "text",
    [
        "Belgium has faced criticism from the Netherlands for its asylum law.",
        "The Belgian asylum plan drew sharp criticism from the Netherlands.",
    ],
)
def test_critic_after_from_still_voices_it(pipeline: Pipeline, text: str) -> None:
    assert ("NLD", "11", "BEL") in coded(pipeline, text)


def test_voiced_criticism_is_unchanged(pipeline: Pipeline) -> None:
    assert ("BEL", "11", "NLD") in coded(pipeline, "Belgium criticized the Dutch asylum law on Monday.")
