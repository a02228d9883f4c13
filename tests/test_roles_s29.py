"""Violence named by a noun inside what a speaker reports is not the speaker's act: "U.S. officials say
| both men were linked to the Paris attacks" has no U.S. attacker; an attack that officials describe
has the unnamed attackers' side (the armed group or the place), not the officials'. A subject after
the speech verb still acts ("officials said | Turkish troops launched an offensive")."""

from __future__ import annotations

import pytest

from detente import Document, Pipeline, parse_date
from detente.bench.render import scrape

_PIPE = Pipeline()

# sentence, (source code, root) that must not be coded, (source code, root) that must be, or None
CASES = [
    ("U.S. and European officials say the two brothers were linked to the Brussels attacks.", ("EURGOV", "19"), None),
    ("U.S. and European officials say the two brothers were linked to the Brussels attacks.", ("USA", "19"), None),
    ("Afghan officials said a suicide attack on a police post in Helmand killed five officers.",
     ("AFGGOV", "18"), ("AFGREB", "18")),
    ("Syrian officials said Turkish troops launched an offensive against Kurdish fighters.", None, ("TURMIL", "19")),
    # a photo caption tells of a death: a participle describing its victim names no attack by the place
    ("Villagers carry the body of a civilian killed near Malakal in South Sudan's Upper Nile region, Feb. 20, 2014.",
     ("SSDREB", "18"), None),
    ("A roadside bomb killed three soldiers near Kandahar on Monday.", None, ("AFGREB", "18")),
]


def _coded(text: str, rendering: str) -> set[tuple[str, str]]:
    body = scrape(text) if rendering == "scraped" else text
    doc = _PIPE.run(Document(doc_id="reported", text=body, date=parse_date("2016-01-01")))
    return {(e.source.code or "", e.cameo[:2]) for e in doc.events}


@pytest.mark.parametrize("rendering", ["clean", "scraped"])
@pytest.mark.parametrize(("text", "absent", "present"), CASES)
def test_reported_violence_is_not_the_speakers(text: str, absent, present, rendering: str) -> None:
    coded = _coded(text, rendering)
    if absent:
        assert absent not in coded, coded
    if present:
        assert present in coded, coded


VENUES = [
    ("Xi Jinping and Joe Biden met on the sidelines of the G20 in Bali.", "2022-11-14", {"CHN", "USA"}),
    ("Erdogan and Putin held talks on the margins of the NATO summit.", "2016-07-09", {"TUR", "RUS"}),
]


@pytest.mark.parametrize("rendering", ["clean", "scraped"])
@pytest.mark.parametrize(("text", "date", "pair"), VENUES)
def test_a_gathering_co_subjects_meet_at_is_no_target(text: str, date: str, pair: set[str], rendering: str) -> None:
    """ "met on the sidelines of | the G20": the gathering is where the two met; they met each other."""
    body = scrape(text) if rendering == "scraped" else text
    doc = _PIPE.run(Document(doc_id="venue", text=body, date=parse_date(date)))
    meetings = [e for e in doc.events if e.cameo[:2] == "04"]
    assert meetings, "no meeting coded"
    assert all({e.source.country, e.target.country if e.target else None} == pair for e in meetings), [
        (e.source.code, e.target.code if e.target else None) for e in meetings
    ]
