"""Session 34 (title34): a judgement the subject faces, draws or comes under is aimed at the
subject; it is never the subject's own voice (cue kind facing_verb)."""

from __future__ import annotations

import datetime as dt

import pytest

from detente import Document, Pipeline
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


@pytest.mark.parametrize("render", [str, scrape])
def test_participle_by_agent_in_the_patterns_slot_is_the_doer(pipeline: Pipeline, render) -> None:
    # "captured by | al-shabaab militants": the pattern's object slot took the passive's agent, and
    # the place stood in for an agentless passive (SOMGOV 17 KENMIL)
    text = render("A Kenyan soldier captured by al-Shabaab militants in Somalia appeared in a video.")
    events = pipeline.run(Document(doc_id="t", text=text, date=dt.date(2024, 3, 1))).events
    assert [(e.source.code, e.cameo[:2], e.target.code) for e in events] == [("SOMREB", "17", "KENMIL")]


@pytest.mark.parametrize("render", [str, scrape])
def test_participle_by_agent_on_a_noun_the_parse_hangs_elsewhere(pipeline: Pipeline, render) -> None:
    # was SOM 17 SOM: the speaker's country did it to the agent
    text = "The brother of a Kenyan soldier captured by al-Shabaab militants says the family has heard nothing."
    assert ("SOM", "17", "KEN") in coded(pipeline, render(text))


@pytest.mark.parametrize("render", [str, scrape])
def test_participle_by_agent_on_a_qualified_noun(pipeline: Pipeline, render) -> None:
    # "a turkish | engineer | abducted by libyan gunmen": was TUR 17 LBY, the victim read as the doer
    text = "The wife of a Turkish engineer abducted by Libyan gunmen near Tripoli is appealing for his release."
    codes = coded(pipeline, render(text))
    assert ("LBY", "17", "TUR") in codes
    assert ("TUR", "17", "LBY") not in codes


def test_active_verb_with_by_and_a_gerund_is_untouched(pipeline: Pipeline) -> None:
    codes = coded(pipeline, "Belgium retaliated by expelling two Russian diplomats on Monday.")
    assert not any(c[0] == "RUS" for c in codes)
