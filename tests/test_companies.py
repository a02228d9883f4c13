"""Companies (data/actors/organisations-companies.jsonl) count as their headquarters' country, sector BUS."""

import datetime as dt
import json

import pytest

from detente.model import Document
from detente.resources import DATA_DIR, load_resources
from tests.conftest import scrape


def _run(pipeline, text: str, date: str = "2020-08-10") -> Document:
    return pipeline.run(Document("t", text, dt.date.fromisoformat(date)))


def actors(pipeline, text: str) -> list:
    doc = _run(pipeline, text)
    return [(doc.span_text(m.start, m.end), m.actor) for m in doc.mentions]


@pytest.mark.parametrize("render", [lambda s: s, scrape])
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("TikTok filed a lawsuit against the Commerce Department.", "CHNBUS"),
        ("Nvidia warned that the export rules would cost it billions.", "USABUS"),
        ("Maersk suspended its sailings through the Red Sea.", "DNKBUS"),
        ("Baykar delivered more drones to Kyiv.", "TURBUS"),
        ("TSMC agreed to build a plant in Arizona.", "TWNBUS"),
        ("Ukrenergo announced rolling blackouts after the strikes.", "UKRBUS"),
    ],
)
def test_company_is_its_country_business(pipeline, render, text, code):
    assert actors(pipeline, render(text))[0][1].code == code


@pytest.mark.parametrize("render", [lambda s: s, scrape])
def test_company_as_source_of_an_event(pipeline, render):
    doc = _run(pipeline, render("Adidas urged FIFA to investigate the allegations of abuse."))
    assert [(e.source.code, e.target.org) for e in doc.events] == [("DEUBUS", "FIFA")]


def test_ambiguous_words_are_no_companies(pipeline):
    orchard, forest = (
        "Farmers sold apples from an apple orchard near the town.",
        "Protesters set fire to the Amazon forest.",
    )
    for text in (orchard, forest):
        assert all(a.sector != "BUS" for _, a in actors(pipeline, text)), text
        assert all(a.sector != "BUS" for _, a in actors(pipeline, scrape(text))), text


def test_ambiguous_name_in_capitals_or_long_form_is_the_company(pipeline):
    assert actors(pipeline, "Apple removed the app from its store in China.")[0][1].code == "USABUS"
    assert actors(pipeline, scrape("Amazon.com Inc. dismissed the union's claims."))[0][1].code == "USABUS"


def test_longer_names_win_over_company_names(pipeline):
    """'People's Bank of China' is the central bank, not Bank of China; 'Apple Daily' a newspaper."""
    assert actors(pipeline, "The People's Bank of China cut its lending rate.")[0][1].code == "CHNGOV"
    assert actors(pipeline, scrape("Apple Daily printed its last edition."))[0][1].sector == "MED"
    assert actors(pipeline, "U.S. steel imports fell.")[0][1].code == "USA"


def _company_records() -> list[dict]:
    path = DATA_DIR / "actors" / "organisations-companies.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip() and not line.startswith("#")]


def test_no_company_phrase_is_another_actor():
    """Each phrase names its one company: no country, capital, place, person, title or other organisation."""
    phrases = load_resources().actor_matcher.phrases
    clashes = [p for r in _company_records() for p in r["names"] if len(phrases[p]) != 1 or phrases[p][0].kind != "org"]
    assert clashes == []


def test_no_company_form_in_capitals_is_another_actors():
    """A capitalised form taken twice would silently go to whichever record loads last."""
    mine = [f for r in _company_records() for f in r.get("case_sensitive", [])]
    others = [
        f
        for path in (DATA_DIR / "actors").glob("*.jsonl")
        if path.name != "organisations-companies.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("{")
        for f in json.loads(line).get("case_sensitive", [])
    ]
    assert len(set(mine)) == len(mine) and not set(mine) & set(others)
