"""False events where no one acted (stop 25): kinds of text the parse checks must not read as acts."""

from __future__ import annotations

import pytest

from detente import Document, Event, Pipeline, parse_date
from detente.bench.render import scrape


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline()


def _events(pipe: Pipeline, text: str, scraped: bool, date: str = "2016-04-20") -> list[Event]:
    doc = Document(doc_id="t", text=scrape(text) if scraped else text, date=parse_date(date))
    return pipe.run(doc).events


def _roots(pipe: Pipeline, text: str, scraped: bool) -> list[str]:
    return [e.cameo[:2] for e in _events(pipe, text, scraped)]


def _dyad_codes(pipe: Pipeline, text: str, scraped: bool, date: str) -> list[tuple[str | None, str | None]]:
    return [(e.source.code, e.target.code if e.target else None) for e in _events(pipe, text, scraped, date)]


@pytest.mark.parametrize("scraped", [False, True])
@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Egyptian officials remained largely silent about the April protests, choosing to ignore them.", "14"),
        ("The Kenyan president said little about the investigation into Somalia.", "09"),
    ],
)
def test_an_event_noun_after_a_topic_preposition_is_no_act(pipe: Pipeline, text: str, root: str, scraped: bool) -> None:
    assert root not in _roots(pipe, text, scraped)


def test_a_complaint_over_an_act_is_still_a_complaint(pipe: Pipeline) -> None:
    assert "11" in _roots(pipe, "Turkish ministers complained over the Syrian bombings near the border.", False)


@pytest.mark.parametrize("scraped", [False, True])
def test_the_subject_of_a_reported_passive_is_no_source(pipe: Pipeline, scraped: bool) -> None:
    text = "Seven Japanese were confirmed killed in Algeria."
    assert all(e.source.country != "JPN" for e in _events(pipe, text, scraped, "2013-01-21"))


def test_a_reported_active_infinitive_keeps_its_subject(pipe: Pipeline) -> None:
    text = "Syrian rebels were reported to have shelled government positions in Aleppo."
    events = pipe.run(Document(doc_id="t", text=text, date=parse_date("2016-06-01"))).events
    assert any(e.source.country == "SYR" and e.cameo[:2] == "19" for e in events)


@pytest.mark.parametrize("scraped", [False, True])
def test_whom_an_attack_befell_is_its_target(pipe: Pipeline, scraped: bool) -> None:
    text = "Three Afghan soldiers were killed in a Taliban attack on a checkpoint."
    codes = _dyad_codes(pipe, text, scraped, "2016-06-06")
    assert codes == [("AFGREB", "AFGMIL")]


@pytest.mark.parametrize("scraped", [False, True])
def test_a_war_that_killed_thousands_is_no_one_s_act(pipe: Pipeline, scraped: bool) -> None:
    text = "Syria's civil war has killed more than 250,000 people since 2011."
    assert all(e.source.country != "SYR" for e in _events(pipe, text, scraped, "2016-06-01"))


@pytest.mark.parametrize("scraped", [False, True])
def test_the_agent_of_an_attack_by_a_group_is_its_source(pipe: Pipeline, scraped: bool) -> None:
    text = "Five policemen were killed in an attack by Boko Haram."
    codes = _dyad_codes(pipe, text, scraped, "2016-06-06")
    assert codes == [("NGAREB", "NGACOP")]


@pytest.mark.parametrize("scraped", [False, True])
def test_a_qualifier_s_state_is_no_second_target(pipe: Pipeline, scraped: bool) -> None:
    text = "Al-Shabab is fighting to overthrow Somalia's Western-backed government."
    assert all(e.target is None or e.target.country != "USA" for e in _events(pipe, text, scraped, "2016-06-01"))


@pytest.mark.parametrize("scraped", [False, True])
def test_whom_an_ambush_killed_did_not_ambush(pipe: Pipeline, scraped: bool) -> None:
    text = "Three Afghan policemen died in a Taliban ambush in Helmand."
    codes = _dyad_codes(pipe, text, scraped, "2016-06-01")
    assert codes == [("AFGREB", "AFGCOP")]
