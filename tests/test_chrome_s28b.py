"""Sidebar blocks that run straight into prose (session 28, second chrome helper)."""

import datetime as dt

from tests.conftest import chrome_and_prose

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
    return chrome_and_prose(pipeline, text, dt.date(2019, 4, 2))


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


# Headlines with no heading between two paragraphs: one story's country is named three times in
# them, and the others once each.
_NO_HEADING = (
    "chile and peru agreed on tuesday to reopen talks on their maritime border the chilean foreign "
    "minister said after meeting his peruvian counterpart in lima the two ministers will meet again "
    "next month in santiago to draft a timetable for the talks lebanon border blast raises fears "
    "syrian war is spreading floods leave thousands homeless in bangladesh syrian rebels complain of "
    "shortages as syria talks stall fishermen from both countries have waited years for the dispute "
    "to end chile s president welcomed the agreement and said the talks would start in april peru s "
    "congress must approve the timetable and peruvian lawmakers said they would vote on it in may chile "
    "and peru fought a war over the region in the nineteenth century the chilean navy will keep "
    "patrolling the disputed waters chilean officials said"
)


def test_a_country_named_only_in_the_headlines_counts_as_rare(pipeline):
    """Syria is named three times, all in the headline block: it is one of the block's rarely named
    countries, so the block is chrome; the article around it is not."""
    chrome, prose = _segments(pipeline, _NO_HEADING)
    assert "floods leave thousands homeless in bangladesh" in chrome
    assert "syrian rebels complain" in chrome
    assert "chile s president welcomed the agreement" in prose
