"""People of 2017-2025 news (data/actors/people-2017-2025.jsonl): named actors resolve to their
office at the article's date, and untitled offices to the holder of the day."""

import datetime as dt

import pytest

from detente.model import Document
from tests.conftest import scrape


def first_actor(pipeline, text: str, date: str):
    doc = pipeline.run(Document("t", text, dt.date.fromisoformat(date)))
    return doc.mentions[0].actor


# (sentence, date, expected code, expected name)
NAMED = [
    ("Vance met the delegation.", "2025-02-14", "USAGOV", "JD Vance"),
    ("Vance met the delegation.", "2024-02-14", "USALEG", "JD Vance"),  # a senator before 2025
    ("Kamala Harris met the delegation.", "2022-05-01", "USAGOV", "Kamala Harris"),
    ("Kamala Harris met the delegation.", "2019-05-01", "USALEG", "Kamala Harris"),
    ("Jake Sullivan met the delegation.", "2023-05-10", "USAGOV", "Jake Sullivan"),
    ("Christopher Wray met the delegation.", "2020-05-01", "USACOP", "Christopher Wray"),
    ("Gina Haspel met the delegation.", "2019-05-01", "USASPY", "Gina Haspel"),
    ("Mark Milley met the delegation.", "2021-05-01", "USAMIL", "Mark Milley"),
    ("Gerasimov met the delegation.", "2023-01-20", "RUSMIL", "Valery Gerasimov"),
    ("Prigozhin met the delegation.", "2023-06-20", "RUSUAF", "Yevgeny Prigozhin"),
    ("Budanov met the delegation.", "2024-05-01", "UKRSPY", "Kyrylo Budanov"),
    ("Ben-Gvir met the delegation.", "2023-03-01", "ISRGOV", "Itamar Ben-Gvir"),
    ("Herzi Halevi met the delegation.", "2024-03-01", "ISRMIL", "Herzi Halevi"),
    ("Fico met the delegation.", "2024-12-22", "SVKGOV", "Robert Fico"),
    ("Khalil al-Hayya met the delegation.", "2025-04-20", "PSEPTY", "Khalil al-Hayya"),
]


@pytest.mark.parametrize("render", [lambda s: s, scrape])
@pytest.mark.parametrize(("text", "date", "code", "name"), NAMED)
def test_named_person_resolves_at_the_date(pipeline, render, text, date, code, name):
    actor = first_actor(pipeline, render(text), date)
    assert (actor.code, actor.name) == (code, name)


def test_un_official_is_an_igo(pipeline):
    actor = first_actor(pipeline, "Volker Türk met the delegation.", "2024-06-01")
    assert actor.org == "OHCHR" and actor.name == "Volker Türk"


@pytest.mark.parametrize(
    ("text", "date", "name"),
    [
        ("the us vice president arrived", "2019-06-01", "Mike Pence"),
        ("the us vice president arrived", "2022-06-01", "Kamala Harris"),
        ("the us vice president arrived", "2025-06-01", "JD Vance"),
        ("the us national security adviser arrived", "2018-01-01", "H. R. McMaster"),
        ("the us national security adviser arrived", "2019-01-01", "John Bolton"),
    ],
)
def test_untitled_office_resolves_to_the_holder_of_the_day(pipeline, text, date, name):
    actor = first_actor(pipeline, text, date)
    assert actor.code == "USAGOV" and actor.name == name


def test_untitled_office_outside_any_recorded_term_names_nobody(pipeline):
    # Biden's vice presidency (2009-2017) is not a term in the tables: no holder, still the state
    actor = first_actor(pipeline, "the us vice president arrived", "2012-06-01")
    assert actor.code == "USAGOV" and actor.name is None


def test_cyrus_vance_is_not_jd_vance(pipeline):
    actor = first_actor(pipeline, "Cyrus Vance met the delegation.", "2019-06-01")
    assert actor.name == "Cyrus Vance Jr."
