"""Scraped text (session 26c): a short sentence of a named actor and its past tense, right after a
clause that ends with another state ("... sanctions on north korea | pyongyang denounced the move"),
starts a sentence however near the model's next start (detente/segment/starts.py)."""

from __future__ import annotations

import pytest

from detente import Document, Pipeline, parse_date
from detente.bench.render import scrape
from tests.test_scraped_s26 import _codes, _starts


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


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
    codes = _codes(pipeline, SANCTIONS, "scraped")
    assert "JPN 16 PRK" in codes and "PRK 11 JPN" in codes or "PRK 11 -" in codes
    assert not any(c.startswith("JPN") and "PRK" not in c for c in codes)


@pytest.mark.parametrize("text", [
    "Aid workers said the clinics would stay open as long as the donors could pay the staff so they could rest.",
    "Delegates gathered at a hotel in Zurich Switzerland May 28 2015 before the vote on the new president.",
])  # fmt: skip
def test_no_short_start_at_a_pronoun_or_a_modal(pipeline: Pipeline, text: str) -> None:
    assert _starts(pipeline, text) == []


# A sidebar block with no heading after a paragraph, its first headline naming the article's state.
ARTICLE = (
    "Somalia's president said on Monday that the long delayed national elections would go ahead in the "
    "spring, despite attacks by militants in the capital. Opposition leaders rejected a plan to extend his "
    "term and said the elections must be held under the constitution.\n{block}\nThe African Union force, "
    "which has troops in Somalia, pledged to help secure polling stations. Somalia's electoral commission "
    "said voter registration would begin next month in Mogadishu and in the regional capitals."
)
HEADLINES = (
    "Somalia Camel Milk Finds Buyers Abroad\nFloods Leave Thousands Homeless in Bangladesh\n"
    "Chile Copper Output Slips in June\nNorway Wealth Fund Posts Record Quarter"
)
PROSE = "Somalia will hold the vote in the spring after floods in Bangladesh Chile and Norway"


def _chrome_words(pipeline: Pipeline, text: str) -> set[str]:
    doc = pipeline.run(Document("s", scrape(text), parse_date("2024-05-02")))
    return {w for s in doc.segments if s.chrome for w in doc.words[s.start : s.end]}


def test_a_headline_naming_the_articles_state_opens_the_block(pipeline: Pipeline) -> None:
    chrome = _chrome_words(pipeline, ARTICLE.format(block=HEADLINES))
    assert {"camel", "buyers", "bangladesh"} <= chrome
    assert "constitution" not in chrome


def test_a_sentence_of_the_articles_state_before_the_block_stays(pipeline: Pipeline) -> None:
    chrome = _chrome_words(pipeline, ARTICLE.format(block=PROSE))
    assert "hold" not in chrome and "vote" not in chrome


# A block whose next paragraph opens with two states joined by "and".
AFTER_BLOCK = ARTICLE.replace("The African Union force, which has troops", "Kenya and Ethiopia, which have troops")
BLOCK = (
    "Floods Leave Thousands Homeless in Bangladesh\nChile Copper Output Slips in June\n"
    "Norway Wealth Fund Posts Record Quarter"
)
LIST = "Officials from Iran met counterparts from Iraq Syria Turkey and Lebanon to discuss the vote in the region"


def test_a_block_before_a_paragraph_opening_with_a_list_is_found(pipeline: Pipeline) -> None:
    text = AFTER_BLOCK.format(block=BLOCK)
    chrome = _chrome_words(pipeline, text)
    assert {"bangladesh", "copper", "norway"} <= chrome
    assert not {"kenya", "ethiopia", "constitution"} & chrome
    doc = pipeline.run(Document("s", scrape(text), parse_date("2024-05-02")))
    assert not any(e.target and e.target.country in ("BGD", "CHL") for e in doc.events)


def test_a_list_of_states_in_prose_is_no_block(pipeline: Pipeline) -> None:
    assert not {"iran", "iraq", "syria"} & _chrome_words(pipeline, AFTER_BLOCK.format(block=LIST))
