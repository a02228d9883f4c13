"""A sidebar block ends where the article's next sentence opens with any actor and a verb only
prose has (session 33, scraped and chrome helper)."""

import datetime as dt

from detente.model import Document

# A scraped page about Kenya and Somalia: a "most read" block of other stories' headlines runs with
# no break into the next paragraph, whose subject is an actor the article names once or twice.
_PAGE = (
    "kenya and somalia agreed on thursday to reopen their shared border the kenyan interior minister "
    "said after meeting his somali counterpart in nairobi the two ministers will meet again next month "
    "in mogadishu to agree on checkpoints for traders and herders most read norway wealth fund posts "
    "record quarter floods leave thousands homeless in bangladesh peru fishermen protest new quotas "
    "{prose} traders on both sides have waited years for the crossing to reopen kenya s president "
    "welcomed the agreement and said the border posts would open in april"
)
_HEADLINES = "floods leave thousands homeless in bangladesh peru fishermen protest new quotas"


def _segments(pipeline, text: str) -> tuple[str, str]:
    doc = pipeline.run_until(Document("t", text, dt.date(2021, 3, 4)), "segment")
    chrome = " ".join(doc.span_text(s.start, s.end) for s in doc.segments if s.chrome)
    prose = " ".join(doc.span_text(s.start, s.end) for s in doc.segments if not s.chrome)
    return chrome, prose


def test_an_actor_and_an_auxiliary_end_a_sidebar(pipeline):
    """ "ethiopia has offered ...": headlines drop auxiliaries, so the article is back."""
    chrome, prose = _segments(pipeline, _PAGE.format(prose="ethiopia has offered to monitor the crossing"))
    assert _HEADLINES in chrome
    assert "ethiopia has offered to monitor the crossing" in prose


def test_an_actor_and_a_past_tense_end_a_sidebar(pipeline):
    """ "uganda welcomed the deal": a headline reports in the present; a simple past is prose."""
    chrome, prose = _segments(pipeline, _PAGE.format(prose="uganda welcomed the deal"))
    assert _HEADLINES in chrome
    assert "uganda welcomed the deal" in prose


def test_a_list_of_actors_opens_the_sentence_with_its_first_name(pipeline):
    """ "ethiopia djibouti and eritrea were ...": the whole list is the subject, not its last name."""
    text = _PAGE.format(prose="ethiopia djibouti and eritrea were among the neighbours that backed the deal")
    chrome, prose = _segments(pipeline, text)
    assert _HEADLINES in chrome
    assert "ethiopia djibouti and eritrea were among the neighbours" in prose


def test_a_headline_with_an_adjective_participle_stays_in_the_sidebar(pipeline):
    """ "uganda disappointed over ...": a participle that is an adjective is a headline's predicate."""
    chrome, _ = _segments(pipeline, _PAGE.format(prose="uganda disappointed over vote result the"))
    assert "uganda disappointed over vote result" in chrome
