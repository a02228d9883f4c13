"""Sidebar headlines after a sentence break (session 30b): a break followed by one of the article's
main actors ends a sidebar block only where a sentence's grammar ("the", "was", "and", "his") comes
with it; "analysts read beijing remarks on taiwan as a sign of wider plan" has none."""

import datetime as dt

from detente.model import Document
from detente.segment.clauses import _NONE, _Sidebar

_HEADLINES = (
    "ferry fares climb on island routes japan weighs new fishing quota plan for pacific fleets "
    "coffee growers try new varieties in hill country"
)
_PAGE = (
    "japan and china held talks in tokyo on monday about fishing rights in the east china sea the "
    "japanese foreign minister said the two sides had agreed to meet again next month and a chinese "
    "spokesman told reporters that beijing wanted a lasting deal on the disputed waters around the "
    "islands which both countries claim more on this story " + _HEADLINES + " the chinese "
    "delegation was led by a deputy foreign minister who said his country had made proposals"
)


def _sidebar(pipeline) -> tuple[_Sidebar, int, int]:
    res = pipeline.resources
    doc = pipeline.run_until(Document("t", _PAGE, dt.date(2020, 3, 2)), "segment")
    words = doc.words
    start = next(k for k in range(len(words)) if words[k : k + 3] == ["more", "on", "this"]) + 4
    for token in doc.tokens[start:]:
        token.break_before = False
    japan = start + 6  # the second headline opens with a main actor
    doc.tokens[japan].break_before = True
    grammar = res.cues.get("prose_grammar", _NONE) | res.cues.get("finite_verb", _NONE)
    prose = res.cues.get("finite_verb", _NONE)
    sidebar = _Sidebar(doc, {"JPN", "CHN"}, prose, grammar, res.cues.get("prose_joining", _NONE))
    return sidebar, start, japan


def test_a_headline_naming_a_main_actor_after_a_break_stays_in_the_block(pipeline):
    sidebar, start, japan = _sidebar(pipeline)
    assert sidebar.end(start) > japan


def test_joining_words_make_prose(pipeline):
    doc = pipeline.run_until(
        Document("t", "navalny and his supporters aim to hold rallies", dt.date(2020, 3, 2)), "segment"
    )
    sidebar = _Sidebar(doc, set(), _NONE, frozenset({"the"}), frozenset({"and", "his"}))
    assert sidebar.sentence_in(range(0, 4))
    assert not sidebar.sentence_in(range(2, 8))


def test_headlines_naming_no_country_after_a_break_stay_in_the_block(pipeline):
    """ "women s rights face daunting new year": no country and no sentence's grammar either."""
    headlines = "coffee growers try new varieties in hill country ferry fares climb on island routes as fuel costs rise"
    doc = pipeline.run_until(Document("t", _PAGE.replace(_HEADLINES, headlines), dt.date(2020, 3, 2)), "segment")
    words, res = doc.words, pipeline.resources
    start = next(k for k in range(len(words)) if words[k : k + 3] == ["more", "on", "this"]) + 4
    for token in doc.tokens[start:]:
        token.break_before = False
    doc.tokens[start + 1].break_before = True  # the sentence model's guess, one word into the block
    grammar = res.cues.get("prose_grammar", _NONE) | res.cues.get("finite_verb", _NONE)
    sidebar = _Sidebar(doc, {"JPN", "CHN"}, _NONE, grammar, res.cues.get("prose_joining", _NONE))
    assert words[sidebar.end(start) - 1 : sidebar.end(start) + 1] == ["the", "chinese"]
