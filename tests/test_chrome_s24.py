"""Scraped pages with site chrome (session 24): where a sidebar block gives way to the article."""

import datetime as dt

from detente.model import Document
from detente.segment.clauses import _sidebar_end, _sidebar_topics

# An article about Nepal with a sidebar block between two of its paragraphs.
_LEAD = (
    "nepal s government named a new army chief on friday after weeks of talks in kathmandu "
    "the nepalese prime minister said the choice was final top stories fiji rugby fans greet "
    "returning squad oman opens desert observatory latvia choir festival draws record crowds "
)
_NO_ACTOR = (
    "a motion urging calm was approved on thursday and a special committee will review the rules "
    "on promotions before the end of the season nepal s opposition leaders welcomed the move"
)
_SECTOR_WORD = (
    "the parliament approved a motion on thursday urging calm and asked a special committee to "
    "review the rules on promotions within the armed forces before the end of the season "
    "nepal s opposition leaders welcomed the move"
)


def _segmented(pipeline, text: str) -> Document:
    return pipeline.run_until(Document("t", text, dt.date(2016, 5, 6)), "segment")


def test_a_sentence_naming_no_country_for_a_headlines_length_ends_the_block(pipeline):
    """The paragraph after the headlines names no actor until Nepal's opposition: it is article
    text, not one more headline, though no main actor opens it."""
    doc = _segmented(pipeline, _LEAD + _NO_ACTOR)
    parts = [(doc.span_text(s.start, s.end), s.chrome) for s in doc.segments]
    chrome = " ".join(t for t, c in parts if c)
    body = " ".join(t for t, c in parts if not c)
    assert "oman opens desert observatory" in chrome
    assert "urging calm was approved on thursday" in body


def test_a_block_with_no_sentence_end_after_it_ends_a_headline_after_its_last_country(pipeline):
    """No sentence end was found after the last headline and "the parliament" may have taken
    Latvia's flag: two headlines' length with no country named, the block ends a headline's
    length after Latvia."""
    doc = _segmented(pipeline, _LEAD + _SECTOR_WORD)
    marker = doc.words.index("stories") + 1
    for token in doc.tokens[marker:]:
        token.break_before = False
    for m in doc.mentions:
        if m.start > marker and doc.words[m.start] == "parliament":
            m.inferred = True
    end = _sidebar_end(doc, marker, _sidebar_topics(doc, marker - 1))
    assert doc.words.index("crowds") < end <= doc.words.index("approved")


# A short news item (about ninety words) with a sidebar block and no heading before it.
_SHORT_PAGE = (
    "bolivia miners end strike after pay deal miners in bolivia ended a two week strike on thursday "
    "after the government agreed to raise their wages the labour minister said the deal would cost "
    "the state about forty million dollars a year related iceland fishing fleet returns early "
    "laos coffee growers expand farms estonia startup wins design prize "
    "union leaders said the miners would return to work on monday and warned that they would "
    "strike again if the government broke its promise on wages"
)


def test_a_short_page_has_its_headline_run_marked(pipeline):
    """A page of ninety words is long enough to carry a sidebar: its run of three headlines naming
    countries the article never names is chrome, as on a longer page."""
    doc = _segmented(pipeline, _SHORT_PAGE)
    chrome = " ".join(doc.span_text(s.start, s.end) for s in doc.segments if s.chrome)
    body = " ".join(doc.span_text(s.start, s.end) for s in doc.segments if not s.chrome)
    assert "laos coffee growers" in chrome
    assert "the miners would return to work" in body


# An article about Nepal whose sidebar holds a headline naming Nepal between two naming countries
# the article never names.
_TOPIC_HEADLINE = (
    "nepal s government named a new army chief on friday after weeks of talks in kathmandu "
    "the nepalese prime minister said the choice was final most read fiji rugby fans greet "
    "returning squad nepal trekking season opens early oman opens desert observatory latvia "
    "choir festival draws record crowds nepal s opposition leaders welcomed the choice of the new "
    "army chief and said they would work with him"
)


def test_a_headline_naming_a_main_actor_between_other_headlines_stays_chrome(pipeline):
    """After Fiji's headline, Nepal's is followed within a headline's reach by Oman, a country the
    article never names: one more headline, not the article again."""
    doc = _segmented(pipeline, _TOPIC_HEADLINE)
    chrome = " ".join(doc.span_text(s.start, s.end) for s in doc.segments if s.chrome)
    body = " ".join(doc.span_text(s.start, s.end) for s in doc.segments if not s.chrome)
    assert "trekking season opens early" in chrome
    assert "opposition leaders welcomed the choice" in body
