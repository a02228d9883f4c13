"""Actor knowledge: dated office holders, resolution at the event's date, validation."""

import datetime as dt
import json

import pytest

from detente.actors.people import holder_of, term_at
from detente.errors import LexiconErrors
from detente.model import Document
from detente.resources import load_resources

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def res():
    return load_resources()


# (country or org, office, day, expected holder name). Each pair of rows brackets one office change;
# the first rows test the day of a handover itself: the incoming holder holds office that day.
CHANGES = [
    ("RUS", "head_of_state", "2008-05-06", "Vladimir Putin"),
    ("RUS", "head_of_state", "2008-05-07", "Dmitry Medvedev"),
    ("RUS", "head_of_state", "2012-05-06", "Dmitry Medvedev"),
    ("RUS", "head_of_state", "2012-05-07", "Vladimir Putin"),
    ("RUS", "head_of_government", "2010-01-01", "Vladimir Putin"),
    ("RUS", "head_of_government", "2015-01-01", "Dmitry Medvedev"),
    ("RUS", "head_of_government", "2021-01-01", "Mikhail Mishustin"),
    ("USA", "head_of_state", "2008-12-31", "George W. Bush"),
    ("USA", "head_of_state", "2009-02-01", "Barack Obama"),
    ("USA", "head_of_state", "2017-02-01", "Donald Trump"),
    ("USA", "head_of_state", "2021-02-01", "Joe Biden"),
    ("USA", "head_of_state", "2025-02-01", "Donald Trump"),
    ("GBR", "head_of_government", "2016-06-30", "David Cameron"),
    ("GBR", "head_of_government", "2016-08-01", "Theresa May"),
    ("GBR", "head_of_government", "2019-08-01", "Boris Johnson"),
    ("GBR", "head_of_government", "2022-09-20", "Liz Truss"),
    ("GBR", "head_of_government", "2023-01-01", "Rishi Sunak"),
    ("GBR", "head_of_government", "2024-08-01", "Keir Starmer"),
    ("CHN", "head_of_state", "2012-01-01", "Hu Jintao"),
    ("CHN", "head_of_state", "2014-01-01", "Xi Jinping"),
    ("JPN", "head_of_government", "2015-04-30", "Shinzo Abe"),
    ("JPN", "head_of_government", "2021-01-01", "Yoshihide Suga"),
    ("JPN", "head_of_government", "2022-01-01", "Fumio Kishida"),
    ("DEU", "head_of_government", "2010-01-01", "Angela Merkel"),
    ("DEU", "head_of_government", "2022-06-01", "Olaf Scholz"),
    ("FRA", "head_of_state", "2010-01-01", "Nicolas Sarkozy"),
    ("FRA", "head_of_state", "2014-01-01", "François Hollande"),
    ("FRA", "head_of_state", "2018-01-01", "Emmanuel Macron"),
    ("IND", "head_of_government", "2010-01-01", "Manmohan Singh"),
    ("IND", "head_of_government", "2015-01-01", "Narendra Modi"),
    ("USA", "foreign_minister", "2010-01-01", "Hillary Clinton"),
    ("USA", "foreign_minister", "2014-01-01", "John Kerry"),
    ("USA", "foreign_minister", "2019-01-01", "Mike Pompeo"),
    ("USA", "foreign_minister", "2022-01-01", "Antony Blinken"),
    ("RUS", "foreign_minister", "2015-04-30", "Sergey Lavrov"),
    ("UN", "org_head", "2010-01-01", "Ban Ki-moon"),
    ("UN", "org_head", "2018-01-01", "António Guterres"),
    ("NATO", "org_head", "2012-01-01", "Anders Fogh Rasmussen"),
    ("NATO", "org_head", "2016-01-01", "Jens Stoltenberg"),
    ("TUR", "head_of_state", "2016-01-01", "Recep Tayyip Erdoğan"),
    ("BRA", "head_of_state", "2010-01-01", "Luiz Inácio Lula da Silva"),
    ("BRA", "head_of_state", "2012-01-01", "Dilma Rousseff"),
    ("BRA", "head_of_state", "2020-01-01", "Jair Bolsonaro"),
    ("BRA", "head_of_state", "2024-01-01", "Luiz Inácio Lula da Silva"),
    ("CAN", "head_of_government", "2014-01-01", "Stephen Harper"),
    ("CAN", "head_of_government", "2017-01-01", "Justin Trudeau"),
    ("KOR", "head_of_state", "2015-01-01", "Park Geun-hye"),
    ("KOR", "head_of_state", "2018-01-01", "Moon Jae-in"),
    ("UKR", "head_of_state", "2016-01-01", "Petro Poroshenko"),
    ("UKR", "head_of_state", "2020-01-01", "Volodymyr Zelensky"),
    ("CHN", "head_of_government", "2010-01-01", "Wen Jiabao"),
    ("CHN", "head_of_government", "2015-01-01", "Li Keqiang"),
    ("CHN", "head_of_government", "2024-01-01", "Li Qiang"),
    ("RUS", "defence_minister", "2010-01-01", "Anatoliy Serdyukov"),
    ("RUS", "defence_minister", "2015-01-01", "Sergei Shoigu"),
    ("RUS", "defence_minister", "2025-01-01", "Andrei Belousov"),
]


@pytest.mark.parametrize(("where", "office", "day", "name"), CHANGES)
def test_office_holder_on_a_date(res, where, office, day, name):
    holder = holder_of(res, where, office, D(day))
    assert holder is not None, f"nobody holds {office} of {where} on {day}"
    assert holder.name.casefold() == name.casefold()


SEED_PEOPLE = [
    ("vladimir putin", "RUS", "GOV"),
    ("xi jinping", "CHN", "GOV"),
    ("barack obama", "USA", "GOV"),
    ("dmitry rogozin", "RUS", "GOV"),
    ("andrey denisov", "RUS", "GOV"),
    ("anatoly isaikin", "RUS", "BUS"),
    ("stanislav voskresensky", "RUS", "GOV"),
    ("wang yang", "CHN", "GOV"),
    ("cheng guoping", "CHN", "GOV"),
    ("geng yansheng", "CHN", None),
    ("shinzo abe", "JPN", "GOV"),
]


@pytest.mark.parametrize(("name", "country", "sector"), SEED_PEOPLE)
def test_seed_article_people_at_2015_04_30(res, name, country, sector):
    entries = [e for e in res.actor_matcher.phrases.get(name, []) if e.kind == "person"]
    assert entries, f"{name} is not in the people tables"
    term = term_at(res, entries[0].person_id, D("2015-04-30"))
    assert term is not None and term.country == country
    if sector:
        assert term.sector == sector


def test_analyst_is_not_a_state_actor(res):
    entries = [e for e in res.actor_matcher.phrases["dmitri trenin"] if e.kind == "person"]
    term = term_at(res, entries[0].person_id, D("2015-04-30"))
    assert term.sector != "GOV" and term.country is None


def test_historical_leader(res):
    entries = [e for e in res.actor_matcher.phrases["mao zedong"] if e.kind == "person"]
    term = term_at(res, entries[0].person_id, D("2015-04-30"))
    assert term.country == "CHN" and term.office == "historical_leader" and term.end < D("1977-01-01")


def test_within_article_reference(pipeline):
    text = "Chinese defense ministry spokesman Geng Yansheng spoke to media in Beijing. Mr. Geng condemned the pact."
    doc = pipeline.run(Document("t", text, D("2015-04-30")))
    gengs = [m for m in doc.mentions if m.actor.name and "Geng" in m.actor.name]
    assert len(gengs) == 2 and all(m.actor.country == "CHN" for m in gengs)


def _write_people(tmp_path, rows):
    actors = tmp_path / "actors"
    actors.mkdir()
    (actors / "people-test.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return str(tmp_path)


def _person(pid, country, start, end, office="head_of_state"):
    return {
        "id": pid,
        "name": pid,
        "names": [pid.replace("-", " ")],
        "terms": [
            {"office": office, "title": "president", "country": country, "sector": "GOV", "start": start, "end": end}
        ],
    }


def test_overlapping_terms_are_rejected_with_file_and_line(tmp_path):
    extra = _write_people(
        tmp_path,
        [_person("aa-one", "ISL", "2001-01-01", "2005-01-01"), _person("bb-two", "ISL", "2003-01-01", "2008-01-01")],
    )
    with pytest.raises(LexiconErrors) as info:
        load_resources((extra,))
    assert "people-test.jsonl:2" in str(info.value) and "overlaps" in str(info.value)


def test_unknown_country_code_is_rejected(tmp_path):
    extra = _write_people(tmp_path, [_person("aa-one", "XYZ", "2001-01-01", "2005-01-01")])
    with pytest.raises(LexiconErrors) as info:
        load_resources((extra,))
    assert "people-test.jsonl:1" in str(info.value) and "XYZ" in str(info.value)


def test_bad_date_is_rejected(tmp_path):
    extra = _write_people(tmp_path, [_person("aa-one", "ISL", "2001-13-01", "2005-01-01")])
    with pytest.raises(LexiconErrors) as info:
        load_resources((extra,))
    assert "people-test.jsonl:1" in str(info.value) and "date" in str(info.value).lower()


def test_handover_day_in_a_user_file(tmp_path):
    extra = _write_people(
        tmp_path, [_person("aa-one", "CXR", "2001-01-01", "2005-01-01"), _person("bb-two", "CXR", "2005-01-01", None)]
    )
    res = load_resources((extra,))
    assert holder_of(res, "CXR", "head_of_state", D("2004-12-31")).person_id == "aa-one"
    assert holder_of(res, "CXR", "head_of_state", D("2005-01-01")).person_id == "bb-two"


def test_he_refers_to_the_person_last_named(pipeline):
    text = "Russian President Vladimir Putin arrived in Beijing on Monday. He signed a gas deal with China."
    doc = pipeline.run(Document("t", text, D("2014-05-20")))
    deal = [e for e in doc.events if e.cameo.startswith("05") or e.cameo.startswith("06")]
    assert deal and deal[0].source.name == "Vladimir Putin" and deal[0].target.country == "CHN"
