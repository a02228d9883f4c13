"""A sidebar block ends where the article's next sentence opens with any actor and a verb only
prose has (session 33, scraped and chrome helper)."""

import datetime as dt

from detente.model import Document
from tests.conftest import chrome_and_prose

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
    return chrome_and_prose(pipeline, text, dt.date(2021, 3, 4))


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


# Scraped lists of states lose their commas: "ghana togo and benin" is one subject.
def _dyads(pipeline, text: str) -> set[tuple[str, str, str]]:
    doc = pipeline.run(Document("t", text, dt.date(2023, 8, 1)))
    return {(e.source.country or "", e.cameo[:2], (e.target.country or "") if e.target else "") for e in doc.events}


def test_a_scraped_list_of_states_after_a_time_word_keeps_its_first_state(pipeline):
    """ "... on monday | ghana togo and benin condemned": each listed state condemns, the first too."""
    text = "the strikes went on through monday ghana togo and benin condemned the coup in niger"
    assert {("GHA", "11", "NER"), ("TGO", "11", "NER"), ("BEN", "11", "NER")} <= _dyads(pipeline, text)


def test_a_scraped_list_of_states_is_not_cut_after_its_first_state(pipeline):
    """ "kenya | uganda and tanzania were": no clause starts inside the list."""
    text = (
        "the plan was put to the regional bloc on friday kenya uganda and tanzania were among the "
        "states that rejected it"
    )
    doc = pipeline.run_until(Document("t", text, dt.date(2023, 8, 1)), "segment")
    starts = {doc.words[s.start] for s in doc.segments}
    assert "uganda" not in starts
    assert "kenya" in starts


# Lowercase "is" in scraped text: the verb, or the Islamic State where the verb cannot stand.
def _img_words(pipeline, text: str) -> list[str]:
    doc = pipeline.run_until(Document("t", text, dt.date(2015, 6, 1)), "segment")
    return [doc.span_text(m.start, m.end) for m in doc.mentions if m.actor.code == "IMG" and not m.inferred]


def test_scraped_is_before_a_word_for_its_fighters_is_the_islamic_state(pipeline):
    assert "is fighters" in _img_words(pipeline, "kurdish forces pushed is fighters out of two villages near kirkuk")
    assert "is" in _img_words(pipeline, "the army said the is group had lost the town")


def test_scraped_is_as_a_verb_names_no_one(pipeline):
    assert not _img_words(pipeline, "the fighting is intense and the army is ready to advance")


def test_scraped_is_militants_are_the_target_of_an_attack(pipeline):
    text = "iraqi troops attacked is militants near the city on tuesday"
    doc = pipeline.run(Document("t", text, dt.date(2015, 6, 1)))
    assert any(e.cameo.startswith("19") and e.target is not None and e.target.code == "IMG" for e in doc.events)
