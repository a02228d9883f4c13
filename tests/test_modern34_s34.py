"""Wrong readings fixed in session 34 (modern articles): co-subjects of a one-sided act (a killing, an
arrest, aid, a show of force, an air strike) do it together to others, not to each other."""

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


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Norway and Denmark sent medical supplies to the flooded province last week.", {"NOR", "DNK"}),
        ("Belarus and Russia massed thousands of troops near the frontier in January.", {"BLR", "RUS"}),
        ("The United States and Israel carried out air strikes before dawn.", {"USA", "ISR"}),
        ("Sweden and Finland suspended development aid after the coup.", {"SWE", "FIN"}),
        ("Norway and Denmark pledged humanitarian aid for the refugees.", {"NOR", "DNK"}),
    ],
)
def test_co_subjects_of_aid_force_or_strikes_act_together(pipeline: Pipeline, text: str, pair: set[str]) -> None:
    # aid, a show of force or an air strike goes from its co-subjects to others, not between them
    for rendering in (text, scrape(text)):
        assert not any({c[0], c[2]} == pair for c in coded(pipeline, rendering))


def test_exchanging_artillery_fire_stays_mutual(pipeline: Pipeline) -> None:
    codes = coded(pipeline, "Indian and Pakistani troops exchanged heavy artillery fire along the frontier.")
    assert any({c[0], c[2]} == {"IND", "PAK"} and c[1] == "19" for c in codes)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Tarek William Saab charged two opposition activists with treason on Friday.", "VEN"),
        ("Salifou Mody accused Paris of arming jihadist groups.", "NER"),
        ("Shams al-Din Kabbashi accused the RSF of shelling civilians in Omdurman.", "SDN"),
        ("Samvel Shahramanyan accused Baku of starving the residents of Stepanakert.", "AZE"),
    ],
)
def test_office_holders_of_recent_crises(pipeline: Pipeline, text: str, source: str) -> None:
    # people the actor tables lacked: Venezuela's attorney general (not the Swedish company Saab),
    # Niger's junta defence minister, Sudan's army deputy commander, Karabakh's last separatist leader
    assert any(c[0] == source for c in coded(pipeline, text))


@pytest.mark.parametrize("scraped", [False, True])
def test_surname_after_full_name_beats_a_one_word_company(pipeline: Pipeline, scraped: bool) -> None:
    # "Saab" alone after "Tarek William Saab" is the attorney general again, not the Swedish company
    text = (
        "Attorney General Tarek William Saab said on Tuesday that dozens of students had been detained. "
        "Saab later accused two opposition parties of organising the unrest."
    )
    codes = coded(pipeline, scrape(text) if scraped else text)
    assert codes and not any("SWE" in (c[0], c[2]) for c in codes)


@pytest.mark.parametrize(
    "text",
    [
        "Visiting Warsaw on Monday, the prime minister promised more air defence systems.",
        "Meeting in Brussels, the ministers also urged Tbilisi to drop the foreign agents law.",
    ],
)
def test_fronted_setting_lends_no_country(pipeline: Pipeline, text: str) -> None:
    # where the subject went or met is not its country: not a Polish prime minister, not Belgian ministers
    assert not any(c[0] in ("POL", "BEL") for c in coded(pipeline, text))
