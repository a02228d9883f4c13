"""Actor recognition (session 25): a region named alone is no actor; its sector words still are."""

import datetime as dt

from detente.model import Document


def _codes(pipeline, text: str) -> list[tuple[str, str | None]]:
    doc = pipeline.run_until(Document("t", text, dt.date(2016, 3, 1)), "recognise_actors")
    return [(doc.span_text(m.start, m.end).lower(), m.actor.code) for m in doc.mentions]


_REGIONS = ("MEA", "ASA", "LAM", "AFR", "EUR")


def test_a_region_named_alone_is_no_actor(pipeline):
    assert _codes(pipeline, "Asian markets fell and Central America braced for storms.") == []


def test_a_region_lends_no_sector_word_its_name(pipeline):
    found = _codes(pipeline, "The envoy said tensions across the Middle East were rising.")
    assert not any(code and code[:3] in _REGIONS for _, code in found)


def test_a_regions_sector_word_stays(pipeline):
    assert ("european officials", "EURGOV") in _codes(pipeline, "European officials criticized Russia.")


def test_no_event_is_aimed_at_a_region(pipeline):
    text = "The ministry said it would send aid workers to East Africa."
    doc = pipeline.run(Document("t", text, dt.date(2016, 3, 1)))
    assert all(a is None or a.country not in _REGIONS for e in doc.events for a in (e.source, e.target))
