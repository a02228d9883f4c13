"""Scraped pages with site chrome (session 23): sidebar blocks and the article's own actors."""

import datetime as dt

from detente.model import Document

# A short scraped page: a sidebar marker, then headlines, one of which names Iran twice (its
# capital too); the article is about Myanmar and never names Iran.
_PAGE = (
    "myanmar frees more detainees the government in naypyitaw freed forty detainees on monday "
    "in an amnesty for the new year most read kenya runners prepare for marathon season "
    "iran film festival draws crowds to tehran cinemas chile wine exports climb again "
    "myanmar s president promised to free the remaining detainees by the end of the year"
)


def chrome_and_body(pipeline, text: str) -> tuple[str, str]:
    doc = pipeline.run_until(Document("t", text, dt.date(2015, 4, 30)), "segment")
    parts = [(doc.span_text(s.start, s.end), s.chrome) for s in doc.segments]
    return " ".join(t for t, c in parts if c), " ".join(t for t, c in parts if not c)


def test_a_headline_naming_a_state_twice_does_not_make_it_a_topic(pipeline):
    """Iran is named twice, but in one headline: the sidebar skip runs past it to the article."""
    chrome, body = chrome_and_body(pipeline, _PAGE)
    assert "tehran cinemas" in chrome
    assert "promised to free the remaining detainees" in body


def _rendering_losses():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "scripts" / "rendering_losses.py"
    spec = importlib.util.spec_from_file_location("rendering_losses", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rendering_losses_buckets_a_lost_event_by_the_other_renderings_candidates():
    bucket = _rendering_losses()._bucket
    rejected = {
        "trigger": "called the plan",
        "outcome": "rejected",
        "reason": "no source actor in the clause",
        "sentence": "najafi called the plan outrageous",
        "roles": None,
    }
    coded = {
        "trigger": "attacked",
        "outcome": "event",
        "reason": "",
        "sentence": "rebels attacked the town",
        "roles": {"sources": [{"code": "SYRREB"}], "targets": [{"code": "SYR"}]},
    }
    assert bucket([rejected, coded], 'Called the plan "outrageous')[0] == "rejected: no source actor in the clause"
    assert bucket([rejected, coded], "attacked") == ("coded, other roles", "SYRREB / SYR")
    assert bucket([coded], "bombed")[0].startswith("trigger not found")


# The body names Myanmar three times, the sidebar Iran twice: over the whole page no country is
# named twice as often as any other, over the article alone Myanmar is its home.
_POLICE_PAGE = _PAGE + (
    " and many of those released were greeted by their families outside the prison gates on tuesday "
    "morning the police arrested two men who protested against the amnesty outside the gates on "
    "tuesday afternoon witnesses said"
)


def test_a_sector_word_takes_the_home_counted_outside_the_sidebar(pipeline):
    """Actors are recognised before chrome is marked; once it is, "the police" with no country in
    their sentence are the police of the country the article (not the page) is about."""
    doc = pipeline.run_until(Document("t", _POLICE_PAGE, dt.date(2015, 4, 30)), "segment")
    police = [m for m in doc.mentions if doc.span_text(m.start, m.end) == "police"]
    assert [m.actor.code for m in police] == ["MMRCOP"]


def test_site_chrome_ends_the_sentences_around_it(pipeline):
    """A sidebar block is no part of the sentence before or after it: a subject or object is never
    looked for across it ("... in an amnesty for the new year | most read ... | myanmar s ...")."""
    doc = pipeline.run_until(Document("t", _POLICE_PAGE, dt.date(2015, 4, 30)), "segment")
    chrome = [s for s in doc.segments if s.chrome]
    assert chrome
    edges = [s.start for s in chrome] + [s.end for s in chrome if s.end < len(doc.tokens)]
    assert all(doc.tokens[i].break_before for i in edges)


def test_a_sector_word_right_before_a_sidebar_does_not_take_a_headline_s_country(pipeline):
    """ "... as the crowd cheered the police | most read kenya runners ...": the nearest country
    after "the police" is a headline's; once the sidebar is marked they are the article's own."""
    page = _PAGE.replace(" most read", " as the crowd cheered the police most read")
    doc = pipeline.run_until(Document("t", page, dt.date(2015, 4, 30)), "segment")
    codes = {doc.span_text(m.start, m.end): m.actor.code for m in doc.mentions}
    assert (codes["police"], codes["crowd"]) == ("MMRCOP", "MMRCVL")
