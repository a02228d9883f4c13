"""Issue 9: no event has the same actor as source and target; a state's act on its own country is
shown as two of its parties (detente/resolve/sectors.py), after merging by the actors as read."""

from __future__ import annotations

import pytest

from detente import Document, Pipeline, parse_date
from detente.bench.render import scrape
from detente.dedupe.merge import merge_document_events
from detente.model import Actor, Event, Evidence
from detente.resolve.sectors import SectorCues, split_sectors

_PIPE = Pipeline()

# sentence, root, expected source code, expected target code
CASES = [
    ("Protests erupted in Chile after the fare increase.", "14", "CHLCVL", "CHLGOV"),
    ("Venezuela saw fresh protests on Monday.", "14", "VENCVL", "VENGOV"),
    ("Organizers said 40 Brazilian cities planned to protest on Sunday.", "13", "BRACVL", "BRAGOV"),
    ("Egypt arrested dozens of activists on Friday.", "17", "EGYGOV", "EGYOPP"),
    ("Saudi Arabia arrested several clerics.", "17", "SAUGOV", "SAUCVL"),
    ("Myanmar released hundreds of political prisoners on Tuesday.", "08", "MMRGOV", "MMRCVL"),
    ("Authorities in Cairo arrested seven people early Wednesday.", "17", "EGYGOV", "EGYCVL"),
    ("A blast targeted a police convoy in Peshawar.", "18", "PAKREB", "PAKGOV"),
    ("A grenade attack wounded 15 people in Burundi.", "18", "BDIREB", "BDICVL"),
    ("Iraq suffered its deadliest attack in years.", "19", "IRQREB", "IRQCVL"),
    ("Turkey shelled Kurdish militants in the southeast.", "19", "TUR", "TURREB"),
    ("Syria encircled the rebel-held eastern districts.", "19", "SYR", "SYRREB"),
    ("The Syrian army fought rebels near Aleppo.", "19", "SYRMIL", "SYRREB"),
    ("Iran executed two men convicted of spying.", "18", "IRN", "IRNCVL"),
    ("Colombia agreed to a ceasefire with the rebels on Friday.", "0", "COL", "COLREB"),
]


def _events(text: str, rendering: str) -> list[Event]:
    text = text if rendering == "clean" else scrape(text)
    return _PIPE.run(Document(doc_id="t", text=text, date=parse_date("2020-05-01"))).events


@pytest.mark.parametrize("rendering", ["clean", "scraped"])
@pytest.mark.parametrize(("text", "root", "source", "target"), CASES)
def test_domestic_act_has_two_parties(text: str, root: str, source: str, target: str, rendering: str) -> None:
    events = [e for e in _events(text, rendering) if e.cameo.startswith(root)]
    assert events, f"no {root} event in {text!r}"
    got = [(e.source.code, e.target.code if e.target else None) for e in events]
    assert (source, target) in got, got


_CUES = SectorCues(frozenset({"activists"}), frozenset({"rebels"}), frozenset({"police"}), frozenset({"gov", "mil"}))


def _country(code: str, sector: str | None = None) -> Actor:
    return Actor(text=code, code=code + (sector or ""), country=code, sector=sector)


def test_other_acts_and_other_parties_are_left_alone() -> None:
    egy = _country("EGY")
    # a statement: no sector split makes "egypt condemned the attack on its embassy" right
    assert split_sectors(egy, _country("EGY"), "111", [], True, False, _CUES) == (egy, _country("EGY"))
    # two countries, or no target
    assert split_sectors(egy, _country("ISR"), "173", [], True, False, _CUES)[1].code == "ISR"
    assert split_sectors(egy, None, "173", [], True, False, _CUES) == (egy, None)
    # rebels acting on their own country already make two parties
    reb = _country("SYR", "REB")
    assert split_sectors(reb, _country("SYR"), "190", [], True, False, _CUES)[0] is reb


def _event(source: Actor, target: Actor, start: int, parties: tuple[Actor, Actor] | None) -> Event:
    evidence = Evidence("x", start, start + 1)
    return Event(
        doc_id="d", event_id=str(start), date="2020-05-01", date_precision="day", source=source, target=target,
        cameo="141", plover=None, quad_class=4, goldstein=-6.5, contexts=[], location=None, status="reported",
        evidence=evidence, confidence=0.5, mentions=[evidence], parties=parties,
    )


def test_merging_goes_by_the_actors_as_read() -> None:
    """Two protests read with different actors stay two events once both are shown as people
    against the government; the parties replace the actors after merging."""
    shown = (_country("USA", "CVL"), _country("USA", "GOV"))
    doc = Document(doc_id="d", text="x" * 40, date=parse_date("2020-05-01"))
    doc.events = [
        _event(_country("USA"), _country("USA"), 0, shown),
        _event(_country("USA", "CVL"), _country("USA"), 20, shown),
    ]
    events = merge_document_events(doc).events
    assert len(events) == 2
    assert {(e.source.code, e.target.code) for e in events} == {("USACVL", "USAGOV")}


@pytest.mark.parametrize("rendering", ["clean", "scraped"])
def test_a_capital_standing_for_an_unnamed_agent_is_its_country(rendering: str) -> None:
    """ "a car bomb in baghdad": the place stands for whoever set it, not for Iraq's government."""
    events = _events("A car bomb in Baghdad killed two American contractors.", rendering)
    assert [(e.source.code, e.target.code if e.target else None) for e in events if e.cameo[:2] == "18"] == [
        ("IRQ", "USA")
    ]
