"""Session 29 wrong readings (sentences written for the project): unnamed attackers at a place are
insurgents, not the state; a subject that suffers an attack is its target; what was taken from
someone is aimed at them; a past tense after a state's name opening the clause is its verb; a
party inferred from an actor's country is named by that country, not by the actor's words."""

from __future__ import annotations

import pytest

from detente import Document, Pipeline, parse_date
from detente.bench.render import scrape
from detente.model import Event

_PIPE = Pipeline()

# sentence, CAMEO root, source code, target code
CASES = [
    # unnamed attackers: the insurgents, on the civilians or forces of the place's state
    ("Attackers opened fire on a crowded bus in Kenya on Sunday.", "1", "KENREB", "KENCVL"),
    ("Attackers opened fire on mourners at a funeral in Egypt on Friday.", "17", "EGYREB", "EGYCVL"),
    # the subject suffered the act: whoever "by" or "from" names did it, else the insurgents
    ("Nigeria has faced repeated attacks by Boko Haram.", "19", "NGAREB", "NGA"),
    ("Mali has endured a wave of bombings by jihadists.", "19", "MLIREB", "MLICVL"),
    ("Israel came under rocket fire from Lebanon on Saturday.", "19", "LBN", "ISR"),
    ("Somalia suffered its deadliest bombing in years.", "18", "SOMREB", "SOMCVL"),
    ("Kabul endured another suicide bombing on Monday.", "18", "AFGREB", "AFGCVL"),
    # whom a place is taken from
    ("The Iraqi army retook the town of Hit from Islamic State.", "19", "IRQMIL", "IMG"),
    ("Kurdish fighters captured the town of Manbij from Islamic State.", "19", None, "IMG"),
    # a coercive state the subject is held in was done to it: not by it
    ("Police said Navalny was under house arrest.", "17", "RUSGOV", "RUSOPP"),
    ("Navalny has been under house arrest since February.", "17", "RUSGOV", "RUSOPP"),
    ("Navalny remains in custody in Moscow.", "17", "RUSGOV", "RUSOPP"),
    # ... and whoever put it there did it
    ("A Moscow court placed Navalny under house arrest on Tuesday.", "17", "RUSJUD", "RUSOPP"),
    ("Russian police put Navalny under house arrest.", "17", "RUSCOP", "RUSOPP"),
    # force on insurgents no actor list names, in a place named after them: that country's rebels
    ("Turkey shelled Kurdish militants in northern Iraq on Sunday.", "19", "TUR", "IRQREB"),
    ("Jordanian jets bombed militants in southern Syria.", "19", None, "SYRREB"),
    # force on a place hits whoever the place is "controlled by" or "held by"
    ("Israeli aircraft struck sites controlled by Hamas in Gaza.", "19", None, "PSEREB"),
    ("Russian jets bombed areas held by Syrian rebels near Aleppo.", "19", None, "SYRREB"),
    # a past tense after a state's name opening the clause
    ("Tanzania handed over the four suspects to Rwanda on Friday.", "08", "TZA", "RWA"),
]


def _events(text: str, rendering: str) -> list[Event]:
    text = text if rendering == "clean" else scrape(text)
    return _PIPE.run(Document(doc_id="t", text=text, date=parse_date("2020-05-01"))).events


def _show(events: list[Event]) -> str:
    return "; ".join(f"{e.source.code} {e.cameo} {e.target.code if e.target else '-'}" for e in events) or "none"


@pytest.mark.parametrize("rendering", ["clean", "scraped"])
@pytest.mark.parametrize(("text", "root", "source", "target"), CASES)
def test_reading(text: str, root: str, source: str | None, target: str, rendering: str) -> None:
    events = _events(text, rendering)
    fits = [
        e
        for e in events
        if e.cameo.startswith(root)
        and (source is None or e.source.code == source)
        and e.target is not None
        and e.target.code == target
    ]
    assert fits, f"{text!r} ({rendering}): {_show(events)}"


@pytest.mark.parametrize("rendering", ["clean", "scraped"])
def test_taken_place_is_no_target(rendering: str) -> None:
    events = _events("The Iraqi army retook the town of Hit from Islamic State.", rendering)
    assert all(e.target is None or e.target.country != "IRQ" for e in events), _show(events)


@pytest.mark.parametrize("rendering", ["clean", "scraped"])
def test_inferred_target_named_by_its_country(rendering: str) -> None:
    events = _events("Police in Lagos arrested dozens of protesters on Monday.", rendering)
    home = [e for e in events if e.target is not None and e.target.country == "NGA"]
    assert home and all(e.target.text == "Nigeria" for e in home), _show(events)


@pytest.mark.parametrize("rendering", ["clean", "scraped"])
@pytest.mark.parametrize(
    "text",
    ["Russia extended its ban on Turkish imports until next year.", "Egypt closed the Rafah crossing till next month."],
)
def test_end_date_is_no_event_date(text: str, rendering: str) -> None:
    """ "until next year" is when the act's effect ends: the act is dated by the article."""
    events = _events(text, rendering)
    assert events and all(e.date == "2020-05-01" for e in events), [e.date for e in events]
