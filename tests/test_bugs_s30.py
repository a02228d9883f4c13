"""Session 30 wrong readings (sentences written for the project): allies using force on a place
struck it together, not each other; several states judging an act in a passive each judged the
act's doer, not one another."""

from __future__ import annotations

import pytest

from detente import Document, Pipeline, parse_date
from detente.bench.render import scrape
from detente.model import Event

_PIPE = Pipeline()


def _events(text: str, rendering: str) -> list[Event]:
    text = text if rendering == "clean" else scrape(text)
    return _PIPE.run(Document(doc_id="t", text=text, date=parse_date("2020-05-01"))).events


def _pairs(events: list[Event]) -> set[tuple[str, str, str]]:
    return {(e.source.country or e.source.code, e.cameo[:2], e.target.country or e.target.code if e.target else "-")
            for e in events}


# sentence, (source country, CAMEO root, target country) that must be coded, pairs (source, target) that must not
CASES = [
    # co-subjects using force (not fighting) on a place: each on the place's state
    ("Russia and Syria stepped up airstrikes on Aleppo.", ("RUS", "19", "SYR"), [("SYR", "RUS")]),
    ("Russia and Syria bombed rebel positions near Aleppo.", ("RUS", "19", "SYR"), [("SYR", "RUS")]),
    ("Iran and Russia launched air raids on Homs on Friday.", ("IRN", "19", "SYR"), [("IRN", "RUS")]),
    # passive co-agents of a judgement: on the doer of the act the subject names, not each other
    (
        "North Korea test-fired a missile on Monday. The launch was condemned by Japan and South Korea.",
        ("KOR", "11", "PRK"),
        [("JPN", "KOR"), ("KOR", "JPN")],
    ),
    (
        "Israel carried out an airstrike near Damascus on Sunday. The strike was condemned by Turkey and Iran.",
        ("TUR", "11", "ISR"),
        [("TUR", "IRN"), ("IRN", "TUR")],
    ),
    ("The coup was criticised by France and Germany.", None, [("FRA", "DEU"), ("DEU", "FRA"), ("FRA", "FRA")]),
    ("The move was praised by Egypt and Jordan.", None, [("EGY", "JOR"), ("JOR", "EGY"), ("JOR", "JOR")]),
    # a deed done together stays joint
    ("The agreement was signed by Iran and Russia.", ("IRN", "05", "RUS"), []),
]


@pytest.mark.parametrize("rendering", ["clean", "scraped"])
@pytest.mark.parametrize(("text", "expect", "forbid"), CASES)
def test_reading(text: str, expect: tuple[str, str, str] | None, forbid: list[tuple[str, str]], rendering: str) -> None:
    pairs = _pairs(_events(text, rendering))
    if expect is not None:
        assert expect in pairs, f"{text!r} ({rendering}): {sorted(pairs)}"
    for source, target in forbid:
        assert not any(p[0] == source and p[2] == target for p in pairs), f"{text!r} ({rendering}): {sorted(pairs)}"
