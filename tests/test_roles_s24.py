"""Role binding, session 24: what a speaker reports has a subject of its own."""

import datetime as dt

from detente.bench.render import scrape
from detente.model import Document


def run(pipeline, text, date="2016-03-01"):
    return pipeline.run(Document("t", text, dt.date.fromisoformat(date)))


def _country_of(doc, word):
    return next(m.actor.country for m in doc.mentions if doc.words[m.start : m.end] == [word])


def test_a_reported_clause_subject_does_not_take_the_speakers_country(pipeline):
    # "british officials said | militants ...": the militants are not British; the place says where
    for text in ("British officials said militants attacked a police checkpoint in Kandahar.",):
        for rendered in (text, scrape(text)):
            doc = run(pipeline, rendered)
            assert _country_of(doc, "militants") == "AFG"


def test_a_possessive_after_the_speech_verb_still_points_back_to_the_speaker(pipeline):
    # "japan confirmed that seven of its | nationals": its = Japan
    doc = run(pipeline, "Japan confirmed that seven of its nationals were kidnapped in Algeria on Monday.")
    assert _country_of(doc, "nationals") == "JPN"


def test_the_speaker_is_not_the_doer_of_what_is_reported(pipeline):
    # the pattern starts with its doers ("militants attacked"): the officials before "said" only report
    for text in ("Afghan officials said militants attacked a police checkpoint in Kandahar.",):
        for rendered in (text, scrape(text)):
            events = run(pipeline, rendered).events
            attacks = [e for e in events if e.cameo.startswith("18")]
            assert attacks and all(e.source.sector != "GOV" for e in attacks)


def test_whom_a_report_is_attributed_to_is_not_its_subject(pipeline):
    # "according to u s officials, | militants attacked": neither the militants' country nor the doer
    doc = run(pipeline, "According to U.S. officials, militants attacked a police checkpoint in Kandahar.")
    assert _country_of(doc, "militants") == "AFG"
    attacks = [e for e in doc.events if e.cameo.startswith("18")]
    assert attacks and all(e.source.country != "USA" for e in attacks)


def test_only_a_definite_government_title_takes_the_speakers_country(pipeline):
    # "the british embassy reported that protesters stormed | a government building in kiev": Ukraine's
    doc = run(pipeline, "The British embassy reported that protesters stormed a government building in Kiev.")
    assert _country_of(doc, "government") == "UKR"
