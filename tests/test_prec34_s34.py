"""Wrong readings fixed by the prec34 helper in session 34."""

from __future__ import annotations

import pytest

from detente import Pipeline
from tests.conftest import coded, scrape


def _codes(pipeline: Pipeline, text: str, scraped: bool) -> list[tuple[str, str, str]]:
    return coded(pipeline, scrape(text) if scraped else text)


@pytest.mark.parametrize("scraped", [False, True])
def test_adverb_inside_a_passive_keeps_the_subject_its_target(pipeline: Pipeline, scraped: bool) -> None:
    # "is frequently criticized": the adverb between the auxiliary and the participle hid the
    # passive, and the criticised government became the critic
    text = "The Chilean government is frequently criticized for its treatment of protesters, an Argentine editor said."
    codes = _codes(pipeline, text, scraped)
    assert ("ARG", "11", "CHL") in codes
    assert not any(c[0] == "CHL" for c in codes)


@pytest.mark.parametrize("scraped", [False, True])
def test_adverb_inside_a_passive_relative_clause(pipeline: Pipeline, scraped: bool) -> None:
    # "who were wrongfully detained in cuba": the Canadians are the detained, not the detainers
    codes = _codes(pipeline, "Two Canadians who were wrongfully detained in Cuba flew home on Friday.", scraped)
    assert ("CUB", "17", "CAN") in codes
    assert ("CAN", "17", "CUB") not in codes


@pytest.mark.parametrize("scraped", [False, True])
def test_adverb_inside_a_passive_never_makes_the_patient_the_doer(pipeline: Pipeline, scraped: bool) -> None:
    codes = _codes(pipeline, "The Peruvian ambassador was quietly expelled from Ecuador last week.", scraped)
    assert not any(c[0] == "PER" for c in codes)


@pytest.mark.parametrize("scraped", [False, True])
def test_adverb_before_an_active_verb_changes_nothing(pipeline: Pipeline, scraped: bool) -> None:
    codes = _codes(pipeline, "Chile has repeatedly criticized Peru over the dispute.", scraped)
    assert codes == [("CHL", "11", "PER")]


@pytest.mark.parametrize("scraped", [False, True])
@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Peru received a formal protest from Ecuador.", "11"),
        ("Peru received a request from Ecuador for help.", "02"),
    ],
)
def test_words_received_from_a_sender(pipeline: Pipeline, text: str, root: str, scraped: bool) -> None:
    # a protest or request the subject received was sent by whoever "from" names, as aid is
    codes = _codes(pipeline, text, scraped)
    assert ("ECU", root, "PER") in codes
    assert not any(c[0] == "PER" for c in codes)


def test_aid_received_from_a_giver_is_unchanged(pipeline: Pipeline) -> None:
    assert ("ECU", "07", "PER") in _codes(pipeline, "Peru received military aid from Ecuador.", False)


@pytest.mark.parametrize("scraped", [False, True])
def test_pressure_from_a_sender_with_a_modifier(pipeline: Pipeline, scraped: bool) -> None:
    # "under growing pressure from ecuador to ...": the forward 'pressure ... to' pattern read the
    # pressured subject as the one pressing; "from" right after the noun names the sender
    codes = _codes(pipeline, "Peru is under growing pressure from Ecuador to release the prisoners.", scraped)
    assert ("ECU", "10", "PER") in codes
    assert not any(c[0] == "PER" for c in codes)


def test_calls_from_a_sender_that_the_subject_rejects(pipeline: Pipeline) -> None:
    # the rejection is still the subject's own act
    assert ("PER", "12", "ECU") in _codes(pipeline, "Peru rejected calls from Ecuador to resign.", False)


@pytest.mark.parametrize("scraped", [False, True])
def test_coercion_suffered_from_a_named_agent(pipeline: Pipeline, scraped: bool) -> None:
    # as with an attack, a subject that suffered a crackdown "by" someone is its target
    codes = _codes(pipeline, "Peru suffered a crackdown by Ecuadorian police.", scraped)
    assert ("ECU", "17", "PER") in codes
    assert ("ECU", "17", "ECU") not in codes


@pytest.mark.parametrize("scraped", [False, True])
@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Peru is unlikely to attack Ecuador.", "19"),
        ("Peru is likely to attack Ecuador.", "19"),
        ("Peru is unlikely to impose sanctions on Ecuador.", "16"),
    ],
)
def test_an_act_only_judged_likely_is_not_done(pipeline: Pipeline, text: str, root: str, scraped: bool) -> None:
    # "is (un)likely to": a forecast, not an act (was PER 19 ECU, PER 16 ECU)
    assert not any(c[1] == root for c in _codes(pipeline, text, scraped))


def test_a_plain_future_is_still_a_plan(pipeline: Pipeline) -> None:
    assert ("PER", "03", "ECU") in _codes(pipeline, "Peru will meet Ecuador's president on Friday.", False)


@pytest.mark.parametrize("scraped", [False, True])
def test_what_an_attack_hits_with_its_is_another_partys(pipeline: Pipeline, scraped: bool) -> None:
    # "peru had shelled its villages": the villages are the claimant's, not the attacker's own
    codes = _codes(pipeline, "Ecuador claimed that Peru had shelled its villages.", scraped)
    assert ("PER", "19", "ECU") in codes
    assert ("PER", "19", "PER") not in codes


def test_its_own_stays_the_attackers(pipeline: Pipeline) -> None:
    codes = _codes(pipeline, "Ecuador said the Peruvian army shelled its own positions by mistake.", False)
    assert ("PER", "19", "ECU") not in codes


def test_its_after_a_non_violent_act_stays_the_subjects(pipeline: Pipeline) -> None:
    assert ("RUS", "15", "RUS") in _codes(pipeline, "Russia moved its troops to the border.", False)
