"""Scraped text (session 26c): a short sentence of a named actor and its past tense, right after a
clause that ends with another state ("... sanctions on north korea | pyongyang denounced the move"),
starts a sentence however near the model's next start (detente/segment/starts.py)."""

from __future__ import annotations

import pytest

from detente import Document, Pipeline, parse_date
from detente.bench.render import scrape
from detente.segment.starts import find_actor_starts


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _doc(pipeline: Pipeline, text: str) -> Document:
    return pipeline.run_until(Document("s", scrape(text), parse_date("2024-05-02")), "recognise_actors")


def _starts(pipeline: Pipeline, text: str) -> list[str]:
    doc = _doc(pipeline, text)
    return [" ".join(doc.words[i : i + 2]) for i in find_actor_starts(doc, pipeline.resources)]


def _codes(pipeline: Pipeline, text: str) -> set[str]:
    out = set()
    for e in pipeline.run(Document("s", scrape(text), parse_date("2024-05-02"))).events:
        source = (e.source.country or e.source.org) if e.source else "-"
        target = (e.target.country or e.target.org) if e.target else "-"
        out.add(f"{source} {e.cameo[:2]} {target}")
    return out


SANCTIONS = (
    "Officials in Tokyo said on Friday that Japan had imposed new sanctions on North Korea. Pyongyang "
    "denounced the move. The measures freeze the assets of a dozen trading firms and shipping agents."
)
ARMS = (
    "The defence ministry confirmed that the United States had approved a sale of missiles to Taiwan. "
    "Beijing condemned the deal. The package is the largest of its kind in more than a decade."
)
LAST = (
    "Prosecutors in several European capitals say the hackers worked for the intelligence services of "
    "Russia. Moscow denied the charge."
)


@pytest.mark.parametrize(("text", "start"), [(SANCTIONS, "pyongyang denounced"), (ARMS, "beijing condemned"),
                                             (LAST, "moscow denied")])  # fmt: skip
def test_a_short_sentence_after_a_state_starts(pipeline: Pipeline, text: str, start: str) -> None:
    assert start in _starts(pipeline, text)


def test_the_answering_state_is_no_second_target(pipeline: Pipeline) -> None:
    codes = _codes(pipeline, SANCTIONS)
    assert "JPN 16 PRK" in codes and "PRK 11 JPN" in codes or "PRK 11 -" in codes
    assert not any(c.startswith("JPN") and "PRK" not in c for c in codes)


@pytest.mark.parametrize("text", [
    "Aid workers said the clinics would stay open as long as the donors could pay the staff so they could rest.",
    "Delegates gathered at a hotel in Zurich Switzerland May 28 2015 before the vote on the new president.",
])  # fmt: skip
def test_no_short_start_at_a_pronoun_or_a_modal(pipeline: Pipeline, text: str) -> None:
    assert _starts(pipeline, text) == []
