"""Trigger words lost to tokenisation (session 24): contractions and glued possessives."""

import datetime as dt

from detente.model import Document


def code(pipeline, text, date="2016-05-01"):
    return pipeline.run(Document("t", text, dt.date.fromisoformat(date))).events


def words(pipeline, text):
    return pipeline.run_until(Document("t", text, dt.date(2016, 5, 1)), "normalise").words


def test_a_contractions_re_is_no_prefix(pipeline):
    # "they're urging": joined as the prefix of "re-open", "re" would hide the verb ("reurging")
    for text in ("They\u2019re urging Hungary to stop.", "They're urging Hungary to stop.", "they re urging hungary"):
        assert "urging" in words(pipeline, text)
    assert "reopen" in words(pipeline, "Bolivia will re-open its border with Peru.")
    assert "reopen" in words(pipeline, "bolivia will re open its border with peru")


def test_a_states_name_glued_to_its_possessive_is_split(pipeline):
    # a scraper that drops a curly apostrophe writes "perus army": read as "peru s army"
    assert words(pipeline, "perus army shelled the rebel camp")[:3] == ["peru", "s", "army"]
    # a name that ends in s is left alone, and so is a capitalised word
    assert words(pipeline, "laos sent aid")[0] == "laos"
    assert words(pipeline, "Perus army")[0] == "perus"


def test_a_glued_possessive_state_is_the_actor_it_names(pipeline):
    # "turkey condemned syrias shelling": Syria is whom Turkey condemns, not an unknown word
    events = code(pipeline, "turkey condemned syrias shelling of its border posts on tuesday")
    assert [(e.source.code, e.cameo, e.target.code) for e in events] == [("TUR", "111", "SYR")]
    events = code(pipeline, "perus decision to expel the bolivian ambassador angered la paz")
    assert any(e.source.code == "PER" and e.cameo.startswith("16") for e in events)
