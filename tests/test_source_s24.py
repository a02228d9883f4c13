"""A verb after "and" whose sentence opens with a speaker shares that speaker (detente/resolve/shared.py)."""

import datetime as dt

from detente.model import Document


def code(pipeline, text, date="2016-03-01"):
    return pipeline.run(Document("t", text, dt.date.fromisoformat(date))).events


def appeals(events):
    return [e for e in events if e.cameo[:2] == "02" and e.target is not None and e.target.country == "CHN"]


def test_the_speaker_opening_the_sentence_appeals_after_a_quote(pipeline):
    text = (
        'Defence Minister Ryamizard Ryacudu said during a visit to Natuna on Monday "we have waited long'
        ' enough" and called for China to withdraw its coast guard ships.'
    )
    assert [e.source.country for e in appeals(code(pipeline, text))] == ["IDN"]


def test_a_group_telling_someone_is_the_speaker(pipeline):
    text = (
        'On Monday fishermen told Defence Minister Ryamizard Ryacudu "we have waited long enough" and called'
        " for China to withdraw its coast guard ships."
    )
    assert [e.source.text.lower() for e in appeals(code(pipeline, text))] == ["fishermen"]


def test_an_opening_actor_with_no_speech_verb_is_no_speaker(pipeline):
    # "fishermen watched as the minister shouted ... and called for": the fishermen did not call
    text = (
        'On Monday fishermen watched as Defence Minister Ryamizard Ryacudu shouted "we have waited long'
        ' enough" and called for China to withdraw its coast guard ships.'
    )
    assert not [e for e in appeals(code(pipeline, text)) if e.source.text.lower() == "fishermen"]
