"""A passive's subject is found in its own clause: after ", and" that follows a verb, an actor of the
clause before ("met with a heavy police response, and | more than 1,000 people were detained") is no
target of the passive; a list of victims ("Leo Ryan, and three newsmen were killed") is one subject."""

from __future__ import annotations

import pytest

from detente import Document, Pipeline, parse_date
from detente.bench.render import scrape

_PIPE = Pipeline()

_RALLY = (
    "The rallies, the biggest since Putin returned to the Kremlin, were met with a heavy police "
    "response, and more than 1,000 people were detained."
)


def _codes(text: str) -> set[tuple[str, str, str]]:
    doc = _PIPE.run(Document(doc_id="t", text=text, date=parse_date("2017-03-27")))
    return {(e.source.code, e.cameo[:2], e.target.code if e.target else "") for e in doc.events}


def test_the_police_of_the_clause_before_are_not_the_detained():
    codes = _codes(_RALLY)
    assert not any(root == "17" and target == "RUSCOP" for _, root, target in codes), codes


@pytest.mark.xfail(reason="scraped text loses the comma before 'and' that shows where the clause starts", strict=True)
def test_scraped_the_police_are_not_the_detained():
    codes = _codes(scrape(_RALLY))
    assert not any(root == "17" and target == "RUSCOP" for _, root, target in codes), codes
