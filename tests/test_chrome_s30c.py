"""A sidebar heading has at least one item (session 30c): "more on this story | japan is set to
raise ..." is a related headline naming the article's own country, not the article's return, even
with a sentence's grammar ("is") around it. Near the top of the page ("subscribe now | <title>")
the article's title may follow a menu's last item at once."""

import datetime as dt

from detente.model import Document
from detente.segment import clauses
from detente.segment.clauses import _NONE, _Sidebar

_HEADLINES = (
    "japan is set to raise fishing quota for pacific fleets coffee growers try new varieties in hill "
    "country ferry fares climb on island routes"
)
_ARTICLE = (
    "japan and china held talks in tokyo on monday about fishing rights in the east china sea the "
    "japanese foreign minister said the two sides had agreed to meet again next month and a chinese "
    "spokesman told reporters that beijing wanted a lasting deal on the disputed waters around the "
    "islands which both countries claim "
)
_TAIL = " the chinese delegation was led by a deputy foreign minister who said his country had made proposals"


def _end(pipeline, text: str, heading: list[str]) -> tuple[list[str], int, int]:
    res = pipeline.resources
    doc = pipeline.run_until(Document("t", text, dt.date(2020, 3, 2)), "segment")
    words = doc.words
    size = len(heading)
    start = next(k for k in range(len(words)) if words[k : k + size] == heading) + size
    for token in doc.tokens[start:]:
        token.break_before = False
    grammar = res.cues.get("prose_grammar", _NONE) | res.cues.get("finite_verb", _NONE)
    prose = res.cues.get("finite_verb", _NONE)
    sidebar = _Sidebar(doc, {"JPN", "CHN"}, prose, grammar, res.cues.get("prose_joining", _NONE))
    return words, start, sidebar.end(start)


def test_a_heading_first_item_naming_a_main_actor_stays_in_the_block(pipeline):
    page = _ARTICLE + "more on this story " + _HEADLINES + _TAIL
    words, start, end = _end(pipeline, page, ["more", "on", "this", "story"])
    assert end > start + 4
    assert words[end - 1 : end + 1] == ["the", "chinese"]


def test_a_title_right_after_a_menu_at_the_top_ends_the_block(pipeline):
    page = "world asia subscribe now " + _ARTICLE + _TAIL
    _, start, end = _end(pipeline, page, ["subscribe", "now"])
    assert end == start


def test_one_auxiliary_after_a_break_leaves_a_headline_in_the_block(pipeline):
    """ "fishermen are angry over quota plan in japan": a headline may keep one auxiliary; prose
    returning after a break has two words of a sentence's grammar within a headline's length."""
    headlines = (
        "coffee growers try new varieties in hill country fishermen are angry over new quota plan in japan "
        "ferry fares climb on island routes as fuel costs rise for coastal towns"
    )
    res = pipeline.resources
    doc = pipeline.run_until(
        Document("t", _ARTICLE + "more on this story " + headlines + _TAIL, dt.date(2020, 3, 2)), "segment"
    )
    words = doc.words
    start = next(k for k in range(len(words)) if words[k : k + 4] == ["more", "on", "this", "story"]) + 4
    for token in doc.tokens[start:]:
        token.break_before = False
    fishermen = words.index("fishermen")
    doc.tokens[fishermen].break_before = True
    grammar = res.cues.get("prose_grammar", _NONE) | res.cues.get("finite_verb", _NONE)
    sidebar = _Sidebar(
        doc, {"JPN", "CHN"}, res.cues.get("finite_verb", _NONE), grammar, res.cues.get("prose_joining", _NONE)
    )
    end = sidebar.end(start)
    assert end > fishermen
    assert words[end - 1 : end + 1] == ["the", "chinese"]


def test_a_marker_inside_a_headline_run_still_opens_its_block(pipeline, monkeypatch):
    """A headline run may end at the heading after it ("... | more on this story"): the heading's
    block is masked all the same, not skipped as already seen."""
    page = _ARTICLE + "more on this story " + _HEADLINES + _TAIL
    res = pipeline.resources
    doc = pipeline.run_until(Document("t", page, dt.date(2020, 3, 2)), "segment")
    words = doc.words
    start = next(k for k in range(len(words)) if words[k : k + 4] == ["more", "on", "this", "story"])
    monkeypatch.setattr(clauses, "_headline_runs", lambda doc, res: [(start - 3, start + 2)])
    mask = clauses._chrome_mask(doc, res, words, doc.joined())
    coffee = words.index("coffee")
    assert all(mask[start - 3 : coffee + 1])
    assert not mask[words.index("delegation")]
