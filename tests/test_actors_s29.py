"""Victims with no country word of their own take none from whoever reports their fate ("British
officials estimate | civilians ...") nor from the adjective naming whose attack hit them ("killed in
| Russian airstrikes"): in an article about one country, they are its people."""

from __future__ import annotations

import pytest

from detente import Document, Pipeline, parse_date
from detente.bench.render import scrape

_PIPE = Pipeline()

# an article about Syria, then a sentence whose victims are named with no country
ARTICLES = [
    (
        "Syrian government forces pressed their offensive north of Aleppo on Tuesday, and Syria's army "
        "said it had cut a rebel supply road. British officials estimate more than 1,000 civilians have "
        "been killed in Russian airstrikes since the talks stalled.",
        ("RUS", "19", "SYRCVL"),
        ("clean", "scraped"),
    ),
    (
        "Yemen's government said Houthi fighters shelled Taiz again on Sunday, and Yemeni troops held the "
        "city's southern gates. Aid groups believe dozens of civilians were killed in Saudi airstrikes "
        "on the port this week.",
        ("SAU", "19", "YEMCVL"),
        ("clean",),  # scraped, the run-on sentences are read as one clause, which reports the shelling
    ),
]


CASES = [(text, expected, rendering) for text, expected, renderings in ARTICLES for rendering in renderings]


@pytest.mark.parametrize(("text", "expected", "rendering"), CASES)
def test_victims_are_the_articles_people(text: str, expected: tuple[str, str, str], rendering: str) -> None:
    body = scrape(text) if rendering == "scraped" else text
    doc = _PIPE.run(Document(doc_id="victims", text=body, date=parse_date("2016-02-10")))
    found = {(e.source.country, e.cameo[:2], e.target.code if e.target else None) for e in doc.events}
    assert expected in found, found
