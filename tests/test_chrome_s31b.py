"""A news page's link lines, bylines with job titles and update trailers (session 31, chrome31b):
chrome the segmenter marks, and the prose around them that stays the article's."""

import datetime as dt

from detente.bench.render import scrape
from detente.model import Document

_BODY = (
    "The two governments agreed on Tuesday to extend the grain corridor for another year, officials in "
    "the port city said, adding that the ships would sail under naval escort.\n"
)
_AFTER = "\nThe ministers will meet again in the spring to review the corridor and its insurance terms."


def _chrome(pipeline, text: str, scraped: bool = True) -> str:  # noqa: ANN001 - the conftest Pipeline
    doc = pipeline.run_until(Document("t", scrape(text) if scraped else text, dt.date(2023, 6, 1)), "segment")
    return " | ".join(doc.span_text(s.start, s.end) for s in doc.segments if s.chrome).lower()


def test_a_bare_link_word_before_a_headline_opens_a_block(pipeline) -> None:  # noqa: ANN001
    for link in ("READ: Hungary vetoes new EU loans for Kyiv", "More: Peru and Chile leaders trade insults at summit"):
        for scraped in (True, False):
            chrome = _chrome(pipeline, _BODY + link + _AFTER, scraped)
            assert ("hungary vetoes" in chrome) or ("peru and chile" in chrome), (link, scraped)
            assert "grain corridor" not in chrome


def test_more_and_read_in_prose_are_not_links(pipeline) -> None:  # noqa: ANN001
    text = _BODY + "The army wants more Russian troops to leave the region, and officials read the statement aloud."
    assert "russian troops" not in _chrome(pipeline, text)


def test_a_byline_with_a_job_title_is_chrome(pipeline) -> None:  # noqa: ANN001
    for byline in ("Author: Karin Holm, Diplomatic Correspondent", "By Samir Toufic, Foreign Affairs Correspondent"):
        chrome = _chrome(pipeline, byline + "\nEgyptian police fired tear gas at student protesters in Cairo.")
        assert "correspondent" in chrome, byline
        assert "police" not in chrome


def test_by_before_prose_is_no_byline(pipeline) -> None:  # noqa: ANN001
    text = _BODY + "The decision was criticised by the newspaper's editor and by opposition lawmakers."
    assert "editor" not in _chrome(pipeline, text)


def test_an_update_trailer_hides_the_rest_of_the_page(pipeline) -> None:  # noqa: ANN001
    trailer = "\nThis article was updated on Friday to add comment from the Polish embassy."
    assert "polish embassy" in _chrome(pipeline, _BODY + trailer)
