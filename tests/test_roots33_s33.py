"""Session 33 (roots33): whom a show of force (15) and a mediation offer (039) aim at; adjectival participles."""

from __future__ import annotations

import pytest

from detente import Pipeline
from tests.conftest import coded, scrape


@pytest.mark.parametrize("scraped", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a show of force staged near a foreign state's border faces that state, not the doer's own country
        ("Russia began military exercises near the Finnish border.", ("RUS", "15", "FIN")),
        ("North Korea conducted artillery drills near the South Korean border.", ("PRK", "15", "KOR")),
        ("Turkey deployed troops in northern Syria.", ("TUR", "15", "SYR")),
    ],
)
def test_show_of_force_faces_the_foreign_place(
    pipeline: Pipeline, text: str, expected: tuple[str, str, str], scraped: bool
) -> None:
    codes = coded(pipeline, scrape(text) if scraped else text)
    assert expected in codes
    assert (expected[0], "15", expected[0]) not in codes


def test_show_of_force_at_home_keeps_its_own_country(pipeline: Pipeline) -> None:
    # a place of the doer's own country is still only where it happened
    codes = coded(pipeline, "India put its troops on alert in Kashmir.")
    assert ("IND", "15", "IND") in codes


def test_attack_in_a_foreign_city_is_not_on_that_country(pipeline: Pipeline) -> None:
    # the rule is for force posture only: violence in a place only happened there
    codes = coded(pipeline, "Islamic State militants attacked a concert hall in Paris.")
    assert not any(c[1] == "15" for c in codes)


@pytest.mark.parametrize("scraped", [False, True])
def test_an_offer_to_mediate_is_not_made_to_ones_own_country(pipeline: Pipeline, scraped: bool) -> None:
    # "kuwait has offered to mediate" with no parties named was KWT 039 KWT: as for mediation itself,
    # the offering state's own country does not stand in for the parties
    text = "Kuwait has offered to mediate."
    codes = coded(pipeline, scrape(text) if scraped else text)
    assert not any(c[0] == "KWT" and c[2] == "KWT" for c in codes)


def test_an_offer_to_mediate_between_named_parties_stays(pipeline: Pipeline) -> None:
    codes = coded(pipeline, "Turkey offered to mediate between Russia and Ukraine.")
    assert ("TUR", "03", "RUS") in codes
    assert ("TUR", "03", "UKR") in codes


@pytest.mark.parametrize("scraped", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        "Greece evacuated hundreds of migrants from a burning camp.",
        "Rescuers pulled survivors from a destroyed building in Gaza.",
        "A Spanish firefighter posted a photo of a burned-out fire engine in Portugal.",
    ],
)
def test_a_participle_after_a_or_an_describes_the_thing(pipeline: Pipeline, text: str, scraped: bool) -> None:
    # "a burning camp", "a destroyed building": the participle is an adjective, no property destroyed
    codes = coded(pipeline, scrape(text) if scraped else text)
    assert not any(c[1] == "17" for c in codes)


@pytest.mark.parametrize("scraped", [False, True])
def test_burning_a_home_is_still_destruction(pipeline: Pipeline, scraped: bool) -> None:
    text = "Israeli soldiers burned a Palestinian home in Hebron."
    codes = coded(pipeline, scrape(text) if scraped else text)
    assert ("ISR", "17", "PSE") in codes
