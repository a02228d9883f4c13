"""Role binding, session 23: a reduced relative participle acts on the noun it describes."""

import datetime as dt

from detente.model import Document


def code(pipeline, text, date="2016-05-01"):
    return pipeline.run(Document("t", text, dt.date.fromisoformat(date))).events


def test_a_reduced_relative_participle_acts_on_its_noun(pipeline):
    # "reporters, arrested in ..., were freed": the reporters were arrested, they arrested no one
    events = code(pipeline, "Three Kenyan reporters, arrested in Uganda last week, were released on Friday.")
    arrests = [e for e in events if e.cameo == "173"]
    assert arrests and all(e.source.country != "KEN" for e in arrests)
    assert any(e.target is not None and e.target.country == "KEN" for e in arrests)


def test_a_verb_misparsed_as_a_participle_keeps_its_doer(pipeline):
    # the parse hangs "donated" on "charities", a noun that is no verb's argument: still the donors
    events = code(
        pipeline,
        "Nurses from two Canadian charities donated and delivered $20,000 worth of medicine to Kabul Hospital.",
    )
    assert any(e.cameo.startswith("07") and e.source.country == "CAN" for e in events)
