"""Sources a clause names in words no actor list knows (detente/resolve/implied.py)."""

import datetime as dt

from detente.model import Document

ARTICLE = (
    "Brazil's Senate passed a new pension law on Monday. President Michel Temer said Brazil needed the"
    " reform to balance its budget. Brazilian unions said it would hurt workers. "
)


def code(pipeline, text, date="2017-04-02"):
    return pipeline.run(Document("t", text, dt.date.fromisoformat(date))).events


def keys(event):
    return (event.source.key, event.target.key if event.target else None)


def test_an_unknown_subject_is_one_of_the_article_countrys_own_people(pipeline):
    events = code(pipeline, ARTICLE + "Many businesses have sharply criticized the law.")
    assert any(e.cameo[:2] == "11" and keys(e) == ("BRA", "BRA") for e in events)


def test_no_country_the_article_is_about_no_event(pipeline):
    text = "Brazil's Senate passed a new pension law on Monday. Argentina and Chile said they would study it."
    events = code(pipeline, text + " Many businesses have sharply criticized the law.")
    assert not any(e.cameo[:2] == "11" for e in events)


def test_a_passive_subject_is_what_the_act_befell(pipeline):
    # "the offices were looted": the offices did not loot; nobody the clause names did
    events = code(pipeline, ARTICLE + "Several union offices were looted on Tuesday night.")
    assert not any(e.cameo[:2] == "17" and e.source.key == "BRA" and e.source.sector == "CVL" for e in events)


def test_a_violent_act_is_left_to_the_binders_own_readings(pipeline):
    # who attacks is not presumed to be the article's own people
    events = code(pipeline, ARTICLE + "Gunmen attacked a union office on Tuesday.")
    assert not any(e.cameo[:2] in ("18", "19") and e.source.sector == "CVL" for e in events)
