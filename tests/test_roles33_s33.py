"""Session 33 (roles33): targets filled in wrongly with the source's own country."""

from __future__ import annotations

import pytest

from detente import Pipeline
from tests.conftest import coded, scrape


@pytest.mark.parametrize("scraped", [False, True])
def test_reaction_to_an_act_with_no_known_doer_is_not_at_home(pipeline: Pipeline, scraped: bool) -> None:
    # the detention has no state named, so whom the criticism is aimed at is unknown: not the critic's own country
    text = "Riot police detained scores of students and the United States criticized the arrests."
    codes = coded(pipeline, scrape(text) if scraped else text)
    assert not any(c[0] == "USA" and c[2] == "USA" for c in codes)


@pytest.mark.parametrize("scraped", [False, True])
def test_reaction_to_an_act_with_a_known_doer_still_aims_at_it(pipeline: Pipeline, scraped: bool) -> None:
    text = "Ghana expelled three Togolese traders on Monday. Togo condemned the expulsions."
    codes = coded(pipeline, scrape(text) if scraped else text)
    assert ("TGO", "11", "GHA") in codes


@pytest.mark.parametrize("scraped", [False, True])
def test_support_for_steps_taken_by_another_is_aimed_at_it(pipeline: Pipeline, scraped: bool) -> None:
    # "backed the measures | announced by X": the support goes to the measures' doer, not home
    text = "Hungary said it fully backed the measures announced by Serbia."
    codes = coded(pipeline, scrape(text) if scraped else text)
    assert ("HUN", "05", "SRB") in codes
    assert not any(c[0] == "HUN" and c[2] == "HUN" for c in codes)


def test_a_reaction_telling_the_act_anew_keeps_its_event(pipeline: Pipeline) -> None:
    # "criticized the deployment | of rockets near the border": the act is told, not referred back to
    codes = coded(pipeline, "Hanoi criticized the deployment of rockets near the border.")
    assert any(c[0] == "VNM" and c[1] == "11" for c in codes)


@pytest.mark.parametrize("scraped", [False, True])
def test_a_strike_named_by_nationality_is_not_at_home(pipeline: Pipeline, scraped: bool) -> None:
    # the state is named only as whose strike or jets they were, and no victim or place is named:
    # its own country (as its rebels) does not stand in for whom the strike hit
    for text in (
        "Three fighters were killed in a U.S. drone strike on Friday, a local official said.",
        "Israeli jets hit the camp before dawn.",
    ):
        codes = coded(pipeline, scrape(text) if scraped else text)
        assert not any(c[0] and c[0] == c[2] for c in codes), (text, codes)


@pytest.mark.parametrize("scraped", [False, True])
def test_a_strike_named_by_nationality_still_hits_the_place_named(pipeline: Pipeline, scraped: bool) -> None:
    text = "Three fighters were killed in a U.S. drone strike in Somalia on Friday."
    codes = coded(pipeline, scrape(text) if scraped else text)
    assert ("USA", "19", "SOM") in codes


@pytest.mark.parametrize("scraped", [False, True])
def test_one_of_the_group_is_the_doer(pipeline: Pipeline, scraped: bool) -> None:
    # "X is one of five EU members that refused ...": X refused, not the EU qualifying the group
    text = "Cyprus is one of five EU members that refused to recognise Kosovo."
    codes = coded(pipeline, scrape(text) if scraped else text)
    assert ("CYP", "12", "XKX") in codes
    assert not any(c[0] == "EU" for c in codes)


def test_one_of_the_group_in_an_apposition_is_the_doer(pipeline: Pipeline) -> None:
    text = "Slovakia, one of the EU states that refuse to recognise Kosovo, voted against the motion."
    codes = coded(pipeline, text)
    assert ("SVK", "12", "XKX") in codes


@pytest.mark.parametrize("scraped", [False, True])
def test_protesters_are_of_the_cities_they_marched_in(pipeline: Pipeline, scraped: bool) -> None:
    # the pictures "of | prime minister kishida" burned are no place; "in several | south korean |
    # cities" is where the protesters were, so they are South Korean, not Japanese
    text = (
        "Demonstrators burned Japanese flags and portraits of Prime Minister Fumio Kishida "
        "in several South Korean cities."
    )
    codes = coded(pipeline, scrape(text) if scraped else text)
    assert ("KOR", "14", "JPN") in codes
    assert not any(c[0] == "JPN" for c in codes)


@pytest.mark.parametrize("scraped", [False, True])
def test_our_country_in_a_quote_is_the_speakers(pipeline: Pipeline, scraped: bool) -> None:
    # '"X shelled | our | villages," the Y minister said': what the act befell is Y's, not X's own rebels
    text = '"Eritrea shelled our villages overnight," the Ethiopian defence minister said.'
    codes = coded(pipeline, scrape(text) if scraped else text)
    assert ("ERI", "19", "ETH") in codes
    assert not any(c[0] == "ERI" and c[2] == "ERI" for c in codes)


def test_our_country_of_the_speakers_own_side_is_no_target(pipeline: Pipeline) -> None:
    # the speaker's own side acting on "our" own names no one else
    codes = coded(pipeline, '"Our troops will defend our country," the Ethiopian defence minister said.')
    assert not any(c[0] == "ETH" and c[2] == "ETH" and c[1] == "19" for c in codes)


def test_a_pact_welcomed_keeps_its_event(pipeline: Pipeline) -> None:
    # welcoming (05) a pact whose parties are not found is not blocked as criticism (10-13) is
    codes = coded(pipeline, "In Hanoi, President Vo Van Thuong welcomed the pact.")
    assert any(c[0] == "VNM" and c[1] == "05" for c in codes)
