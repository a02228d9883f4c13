"""Violence mentioned but not reported as a new act (session 30): a running tally over years, and
what a remembrance recalls."""

from __future__ import annotations

import pytest

from detente import Pipeline
from detente.model import Segment, Trigger
from detente.resolve.modality import modality_of


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _kind(pipeline: Pipeline, text: str, word: str, code: str = "190", subject_end: int = -1) -> str:
    words = text.split()
    i = words.index(word)
    trig = Trigger(i, i + 1, code, "forward", (), "test")
    return modality_of(words, Segment(0, len(words)), trig, pipeline.resources, subject_end).kind


def test_an_act_noun_no_actor_heads_as_the_cause_of_the_news(pipeline: Pipeline) -> None:
    assert _kind(pipeline, "the coordinated attacks in paris focused attention on refugees", "attacks") == "alluded"
    assert _kind(pipeline, "the bombardments have pushed relations to the brink", "bombardments") == "alluded"
    # a relative clause in between: the verb is the relative's, not the noun's
    assert _kind(pipeline, "the attacks which prompted the review killed ten", "attacks") == "asserted"
    # an actor before the noun (the binder's subject_end) names its doer: an act reported
    assert _kind(pipeline, "russia s airstrikes in syria sparked protests", "airstrikes", subject_end=1) == "asserted"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("the war , which has killed more than 500,000 people since 2011 , goes on", "killed"),
        ("the region has seen clashes between armenia and azerbaijan since the 1990s", "clashes"),
        ("al-shabab has fought the somali government for more than 15 years", "fought"),
        ("the insurgency has killed 40,000 people over the past decade", "killed"),
        ("more than 300 journalists have been killed in mexico in recent years", "killed"),
        ("in balochistan separatists have fought the state for decades", "fought"),
    ],
)
def test_a_tally_over_years_is_no_new_act(pipeline: Pipeline, text: str, word: str) -> None:
    assert _kind(pipeline, text, word) == "alluded"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("pakistan remembered the 2014 peshawar school massacre", "massacre"),
        ("israelis marked one year since the hamas attack on southern israel", "attack"),
        ("spain commemorated the 193 people killed in the 2004 madrid train bombings", "killed"),
        ("families mourned the victims of the bombing", "bombing"),
    ],
)
def test_what_a_remembrance_recalls_is_no_new_act(pipeline: Pipeline, text: str, word: str) -> None:
    assert _kind(pipeline, text, word, "180") == "alluded"


@pytest.mark.parametrize(
    ("text", "word", "code"),
    [
        # a span since a day may be this week's news
        ("israeli airstrikes have killed 20 people in gaza since sunday", "killed", "190"),
        # "in years" with no count measures no span
        ("russia has launched its biggest drone attack in years on kyiv", "launched", "190"),
        ("israel has struck iran for the first time in years", "struck", "190"),
        # a simple past dated in a year is history the benchmark codes, not a tally
        ("in 2008 russia fought a brief war with georgia", "fought", "190"),
        # only violence: "has sought talks for years" is left to its own root
        ("turkey has sought eu membership for more than 20 years", "sought", "030"),
        # a remembrance cue after "on" dates a new act; a form of "be" ends the cue's phrase
        ("on the anniversary of the coup soldiers shot dead three protesters", "shot", "180"),
        ("protesters marking the anniversary of the uprising were attacked by police", "attacked", "180"),
        # the cue after the trigger is what was attacked
        ("police attacked mourners at a memorial service", "attacked", "180"),
    ],
)
def test_what_is_no_tally(pipeline: Pipeline, text: str, word: str, code: str) -> None:
    assert _kind(pipeline, text, word, code) == "asserted"
