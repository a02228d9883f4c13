"""Discourse reference, session 25: whom "it", "they", "the two leaders" and a coordinated verb stand for."""

import datetime as dt

from detente.model import Document


def run(pipeline, text, date="2024-05-20"):
    return pipeline.run(Document("t", text, dt.date.fromisoformat(date)))


def _dyads(doc):
    return {(e.source.country, e.cameo[:2], e.target.country if e.target else None) for e in doc.events}


def test_it_is_the_body_that_opened_the_sentence_before_not_the_official_named_last(pipeline):
    text = "The Iranian foreign ministry summoned the British ambassador on Tuesday. It accused London of meddling."
    doc = run(pipeline, text)
    accusations = [e for e in doc.events if e.cameo == "1123"]
    assert accusations and all(e.source.country == "IRN" and e.target.country == "GBR" for e in accusations)


def test_they_after_one_official_met_another_is_the_pair(pipeline):
    text = "Turkey's foreign minister met his Greek counterpart in Ankara on Friday. They discussed maritime disputes."
    assert ("GRC", "04", "GRC") not in _dyads(run(pipeline, text))


def test_a_verb_coordinated_with_met_shares_its_subject_and_takes_whom_was_met(pipeline):
    text = (
        "Russian President Vladimir Putin arrived in Beijing on Monday. "
        "He met Chinese President Xi Jinping and signed an energy deal."
    )
    assert ("RUS", "05", "CHN") in _dyads(run(pipeline, text))


def test_the_two_leaders_are_no_civilians_or_rebels_named_paragraphs_before(pipeline):
    text = (
        "Boko Haram fighters attacked a village in northeastern Nigeria on Sunday, local officials said.\n\n"
        "Elsewhere, Russian civilians fleeing the fighting in the border region were given shelter in Kursk.\n\n"
        "The two leaders pledged to deepen economic cooperation."
    )
    assert not [e for e in run(pipeline, text).events if e.cameo.startswith("03")]


def test_the_two_day_summit_is_no_reciprocal_subject(pipeline):
    text = "Kenya praised Ethiopia for its role in the talks. Security was tight for the two-day summit in Nairobi."
    assert not [e for e in run(pipeline, text).events if e.cameo.startswith("04")]


def test_he_is_the_official_opening_the_sentence_before_when_the_parse_finds_no_subject(pipeline):
    # the parse takes "yi" for a possessive and "held" for a participle: no nsubj in the first sentence
    text = (
        "Chinese Foreign Minister Wang Yi held talks with his Japanese counterpart in Tokyo on Saturday. "
        "He urged Japan to handle the Taiwan issue with caution."
    )
    assert ("CHN", "02", "JPN") in _dyads(run(pipeline, text))


def test_him_after_the_verb_is_the_other_official_named_before(pipeline):
    text = (
        "German Chancellor Olaf Scholz received Chinese Premier Li Qiang in Berlin. "
        "Scholz urged him to press Moscow to end the war."
    )
    dyads = _dyads(run(pipeline, text))
    assert ("DEU", "02", "CHN") in dyads and ("DEU", "02", "RUS") not in dyads
