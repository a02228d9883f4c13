"""Sidebar blocks that run straight into prose (session 28, second chrome helper)."""

import datetime as dt

from detente.model import Document

# A scraped page about Chile and Peru: a "trending" block of other stories' headlines runs with no
# break into the next paragraph, which opens with an actor the article names nowhere else.
_TRENDING = (
    "chile and peru agreed on tuesday to reopen talks on their maritime border the chilean foreign "
    "minister said after meeting his peruvian counterpart in lima the two ministers will meet again "
    "next month in santiago to draft a timetable for the talks trending mexico expels guatemalan "
    "diplomats over migrant shooting norway wealth fund posts record quarter floods leave thousands "
    "homeless in bangladesh {prose} fishermen from both countries have waited years for the dispute "
    "to end chile s president welcomed the agreement"
)
_EU = "the european union urged both sides to settle the dispute quickly"
_HEADLINE_THE = "eu urges calm as the african union weighs sanctions on sudan"
_HEADLINES = "mexico expels guatemalan diplomats over migrant shooting"


def _segments(pipeline, text: str) -> tuple[str, str]:
    doc = pipeline.run_until(Document("t", text, dt.date(2019, 4, 2)), "segment")
    chrome = " ".join(doc.span_text(s.start, s.end) for s in doc.segments if s.chrome)
    prose = " ".join(doc.span_text(s.start, s.end) for s in doc.segments if not s.chrome)
    return chrome, prose


def test_the_actor_and_a_past_tense_end_a_sidebar(pipeline):
    """Headlines tell past news in the present with no article: "the european union urged" is the
    article again, though the EU is no main actor of it."""
    chrome, prose = _segments(pipeline, _TRENDING.format(prose=_EU))
    assert _HEADLINES in chrome
    assert "european union urged both sides" in prose


def test_a_present_tense_headline_stays_in_the_sidebar(pipeline):
    """ "the" before an actor in a present-tense headline is no prose: the block stays chrome."""
    chrome, _ = _segments(pipeline, _TRENDING.format(prose=_HEADLINE_THE))
    assert "eu urges calm" in chrome
