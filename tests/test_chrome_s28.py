"""Other sites' furniture in scraped pages (session 28): link lists, cookie prompts, photo credits."""

import datetime as dt

from detente.model import Document
from detente.segment.clauses import _NONE, _sidebar_end, _sidebar_topics

# A scraped page about a border dispute between Chile and Peru with one related link glued in.
_ALSO_READ = (
    "chile and peru agreed on tuesday to reopen talks on their maritime border the chilean foreign "
    "minister said after meeting his peruvian counterpart in lima the two ministers will meet again "
    "next month also read mexico expels guatemalan diplomats over migrant shooting "
    "peru s president welcomed the agreement and said fishermen from both countries would benefit"
)
# A cookie prompt between two paragraphs of an article about Norway and Sweden.
_COOKIES = (
    "norway and sweden signed a deal on monday to share air patrols over the arctic the norwegian "
    "defence minister said the planes would fly from bases in both countries from next spring "
    "we use cookies to improve your experience on our site accept all cookies "
    "sweden s government said the deal would cut costs for both air forces"
)


def _events(pipeline, text: str) -> set[tuple[str, str, str]]:
    doc = pipeline.run(Document("t", text, dt.date(2019, 4, 2)))
    return {(e.source.code, e.cameo, e.target.code if e.target else "") for e in doc.events}


def _chrome(pipeline, text: str) -> str:
    doc = pipeline.run_until(Document("t", text, dt.date(2019, 4, 2)), "segment")
    return " ".join(doc.span_text(s.start, s.end) for s in doc.segments if s.chrome)


def test_an_also_read_link_is_no_news(pipeline):
    """ "also read" heads a link to another story: its headline (Mexico expelling Guatemala's
    diplomats) is not coded, the article's own events are."""
    events = _events(pipeline, _ALSO_READ)
    assert not any(src.startswith("MEX") or tgt.startswith("GTM") for src, _, tgt in events)
    assert "mexico expels guatemalan diplomats" in _chrome(pipeline, _ALSO_READ)


def test_a_cookie_prompt_is_chrome(pipeline):
    assert "accept all cookies" in _chrome(pipeline, _COOKIES)


# A scraped page whose title is followed by a byline naming a news agency.
_BYLINE = (
    "chad puts troops on alert after raids near border by peter novak and amira haddad reuters "
    "chad s army moved troops to its eastern border on saturday after gunmen raided two villages "
    "the defence ministry said the government in ndjamena blamed rebels based across the border"
)
_NO_NAME_BYLINE = (
    "chad puts troops on alert after raids near border by associated press "
    "chad s army moved troops to its eastern border on saturday after gunmen raided two villages"
)
# A photo caption with its date and credit glued to the paragraph after it.
_CAPTION = (
    "soldiers patrol a street in goma congo may 4 2021 reuters the un said on monday that fighting "
    "near the city had forced thousands of people to flee"
)


def test_a_byline_is_not_the_agent_of_the_title(pipeline):
    """ "... on alert by peter novak and amira haddad reuters": the names and the agency are a
    byline; Reuters is neither source nor target of anything."""
    assert "amira haddad reuters" in _chrome(pipeline, _BYLINE)
    assert "by associated press" in _chrome(pipeline, _NO_NAME_BYLINE)
    for text in (_BYLINE, _NO_NAME_BYLINE):
        events = _events(pipeline, text)
        assert not any("MED" in src or "MED" in tgt for src, _, tgt in events), events


def test_an_agency_named_in_prose_after_by_is_kept(pipeline):
    """ "footage obtained by reuters": no byline; the agency stays an actor of the sentence."""
    doc = pipeline.run_until(
        Document("t", "the footage was obtained by reuters on monday and shows troops firing", dt.date(2019, 4, 2)),
        "segment",
    )
    assert not any(s.chrome for s in doc.segments)


def test_a_photo_credit_after_a_date_ends_the_caption(pipeline):
    doc = pipeline.run_until(Document("t", _CAPTION, dt.date(2021, 5, 4)), "segment")
    assert "reuters" in _chrome(pipeline, _CAPTION)
    assert doc.tokens[doc.words.index("reuters") + 1].break_before


# Short news items with the page's tag list after them.
_TAGS = (
    "bomb targets somali police officers a car bomb exploded near a police station in mogadishu "
    "killing at least nine people nine police officers and a civilian tags middle east iran israel united states",
    "somali troops clashed with rebels near the border on friday killing at least nine people "
    "topics iran israel united states",
)


def test_a_tag_list_names_no_target(pipeline):
    """ "tags middle east iran israel united states": the page's topics, not the bombing's victims."""
    for text in _TAGS:
        events = _events(pipeline, text)
        assert events and not any(tgt[:3] in ("IRN", "ISR", "USA") for _, _, tgt in events), events


def test_a_video_teaser_is_chrome(pipeline):
    text = _COOKIES.replace("we use cookies to improve your experience on our site accept all cookies",
                            "video watch the moment turkish police clash with protesters in istanbul")
    assert "turkish police clash" in _chrome(pipeline, text)


# An article about Nepal with a block of other stories' headlines, one of them about Nepal too.
_NEPAL_BLOCK = (
    "nepal s government named a new army chief on friday after weeks of talks in kathmandu "
    "the nepalese prime minister said the choice was final editors picks fiji rugby fans greet "
    "returning squad nepal trekking season a boost for mountain villages "
    "the new chief was sworn in on saturday and nepal s opposition leaders welcomed the move"
)


def test_a_headline_naming_a_main_actor_stays_in_its_block(pipeline):
    """Nepal is the article's main actor, but its line in the block ("nepal trekking season a
    boost for mountain villages") has no verb of prose: one more headline; the block ends at the
    article's next sentence ("the new chief was sworn in")."""
    doc = pipeline.run_until(Document("t", _NEPAL_BLOCK, dt.date(2019, 4, 2)), "segment")
    words = doc.words
    back = words.index("sworn") - 4  # "the new chief was sworn in"
    lines = (words.index("editors"), words.index("fiji"), words.index("trekking") - 1, back)
    for k, token in enumerate(doc.tokens):
        token.break_before = k in lines
    marker = words.index("picks") + 1
    cues = pipeline.resources.cues
    prose = cues["finite_verb"] | cues["speech"]
    topics = _sidebar_topics(doc, marker - 2)
    assert _sidebar_end(doc, marker, topics, _NONE) == words.index("trekking") - 1
    assert _sidebar_end(doc, marker, topics, prose) == back


def test_a_live_page_timestamp_is_chrome_and_ends_the_sentence(pipeline):
    """ "... on monday 12 45 bst iran s foreign minister accused ...": the clock time and its zone
    are the live page's furniture; the next sentence starts after them. A clock time with no
    zone ("at 12 45 the troops") is left alone."""
    text = ("talks in geneva ended without a deal on monday 12 45 bst iran s foreign minister accused "
            "the united states of bad faith photo epa the talks will resume next month")
    doc = pipeline.run_until(Document("t", text, dt.date(2019, 4, 2)), "segment")
    assert "12 45 bst" in _chrome(pipeline, text) and "photo epa" in _chrome(pipeline, text)
    assert doc.tokens[doc.words.index("iran")].break_before
    assert not _chrome(pipeline, "the shelling began at 12 45 and the troops withdrew from the town before dusk")


def test_watch_heads_a_block_but_human_rights_watch_is_prose(pipeline):
    """ "watch" heading another site's video links hides them; after "human rights" or "to" it is
    an ordinary word and hides nothing."""
    block = _ALSO_READ.replace("also read", "watch")
    assert "mexico expels guatemalan diplomats" in _chrome(pipeline, block)
    for prose in ("human rights watch said the court should release the journalists held in lima",
                  "observers from the european union came to watch the vote in lima on sunday"):
        link = "also read mexico expels guatemalan diplomats over migrant shooting"
        assert not _chrome(pipeline, _ALSO_READ.replace(link, prose))
